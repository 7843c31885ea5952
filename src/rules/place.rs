//! Rules of the place extractor: countries (ISO 3166-1 with Vietnamese and English names) and regions/blocs (`rules/place/*.toml`).
//!
//! STUB: to be implemented.

use super::{RuleError, RuleSource};

#[derive(Debug, Clone, Default)]
pub struct PlaceRules {}

impl PlaceRules {
    pub fn load(_source: &RuleSource) -> Result<PlaceRules, RuleError> {
        Ok(PlaceRules {})
    }
}
