//! Cited legal and party documents (SPEC §3 Legal references).
//!
//! STUB: to be implemented.

use super::{Ctx, Extractor};
use crate::model::LegalRef;
use crate::rules::legal::LegalRules;

pub struct LegalExtractor {}

impl LegalExtractor {
    pub fn new(_rules: &LegalRules) -> LegalExtractor {
        LegalExtractor {}
    }
}

impl Extractor for LegalExtractor {
    type Row = LegalRef;
    fn extract(&self, _ctx: &Ctx<'_>) -> Vec<LegalRef> {
        Vec::new()
    }
}
