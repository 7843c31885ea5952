//! People named in the body, with the offices written next to them.
//!
//! STUB: to be implemented.

use std::ops::Range;

use super::Ctx;
use crate::model::Person;
use crate::rules::person::PersonRules;

pub struct PersonExtractor {}

/// People of a document, and the normalized byte ranges of their names
/// (so that `Đức` in `Nguyễn Minh Đức` is not read as a country).
pub struct PeopleFound {
    pub people: Vec<Person>,
    pub name_ranges: Vec<Range<usize>>,
}

impl PersonExtractor {
    pub fn new(_rules: &PersonRules) -> PersonExtractor {
        PersonExtractor {}
    }

    pub fn extract(&self, _ctx: &Ctx<'_>) -> PeopleFound {
        PeopleFound { people: Vec::new(), name_ranges: Vec::new() }
    }
}
