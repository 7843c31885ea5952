//! Document metadata read from the text: title, published date, url, authors,
//! and the lines that are not article body (stamps, bylines, menus).
//!
//! STUB: to be implemented.

use std::ops::Range;

use crate::rules::text::TextRules;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    /// Byte range of the title line in the normalized text.
    pub title_range: Option<Range<usize>>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// Byte ranges (normalized text) that extractors must skip: stamp lines,
    /// bylines and credits, `Nguồn:` lines, menus and widgets.
    pub skip: Vec<Range<usize>>,
}

pub fn extract(_norm: &str, _rules: &TextRules) -> Meta {
    Meta::default()
}
