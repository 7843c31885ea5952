//! Rules of the legal extractor: legal references: document types, issuer codes (`rules/legal/*.toml`).
//!
//! STUB: to be implemented.

use super::{RuleError, RuleSource};

#[derive(Debug, Clone, Default)]
pub struct LegalRules {}

impl LegalRules {
    pub fn load(_source: &RuleSource) -> Result<LegalRules, RuleError> {
        Ok(LegalRules {})
    }
}
