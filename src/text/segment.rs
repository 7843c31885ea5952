//! Lines and sentences of a normalized text.
//!
//! STUB: to be implemented.

use std::ops::Range;

/// Byte ranges (in the normalized text) of the non-empty lines, trimmed.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if text[start..i].trim().len() > 0 { out.push(start..i); }
            start = i + 1;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() { out.push(start..text.len()); }
    out
}

/// Byte ranges of the sentences, in order; each lies within one line.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    lines(text)
}
