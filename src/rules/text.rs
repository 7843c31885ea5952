//! Rules for the text stage (rules/text/*.toml): noise lines, byline and
//! credit patterns, stamp lines.
//!
//! STUB: to be implemented.

use super::{RuleError, RuleSource};

#[derive(Debug, Clone, Default)]
pub struct TextRules {}

impl TextRules {
    pub fn load(_source: &RuleSource) -> Result<TextRules, RuleError> {
        Ok(TextRules {})
    }
}
