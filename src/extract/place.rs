//! Countries (ISO 3166-1 alpha-2) and regions/blocs mentioned in a document.
//!
//! STUB: to be implemented.

use std::ops::Range;

use super::Ctx;
use crate::model::{Country, Region};
use crate::rules::place::PlaceRules;

pub struct PlaceExtractor {}

impl PlaceExtractor {
    pub fn new(_rules: &PlaceRules) -> PlaceExtractor {
        PlaceExtractor {}
    }

    /// Countries and regions of a document, one row each with every mention.
    /// `exclude`: normalized byte ranges (person names) where no place is read.
    pub fn extract(&self, _ctx: &Ctx<'_>, _exclude: &[Range<usize>]) -> (Vec<Country>, Vec<Region>) {
        (Vec::new(), Vec::new())
    }
}
