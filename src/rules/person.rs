//! Rules of the person extractor: people: surnames, honorifics, titles and offices (`rules/person/*.toml`).
//!
//! STUB: to be implemented.

use super::{RuleError, RuleSource};

#[derive(Debug, Clone, Default)]
pub struct PersonRules {}

impl PersonRules {
    pub fn load(_source: &RuleSource) -> Result<PersonRules, RuleError> {
        Ok(PersonRules {})
    }
}
