//! Where a gold directive's `anchor` is in its article, as offsets into the
//! original text (score.py's `nfc_with_offsets` and `to_original_span`).
//!
//! The text is brought to NFC piece by piece — a character with the
//! combining marks after it — with a map from NFC positions at piece
//! boundaries back to original positions, so that an anchor found in the
//! NFC text is compared with predicted offsets into the text as written
//! (NFD or not). Positions count characters (code points), as Python's do.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// An article in NFC with the way back to its original offsets.
#[derive(Debug)]
pub struct NfcText {
    /// The pieces' NFC forms, joined.
    pub text: String,
    /// `(NFC position, original position)` at every piece boundary,
    /// ascending; starts with `(0, 0)` and ends with both lengths.
    boundaries: Vec<(usize, usize)>,
}

impl NfcText {
    /// score.py's `nfc_with_offsets`.
    pub fn new(original: &str) -> NfcText {
        let chars: Vec<char> = original.chars().collect();
        let mut text = String::with_capacity(original.len());
        let mut boundaries = vec![(0, 0)];
        let mut nfc_len = 0;
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
                j += 1;
            }
            let before = text.len();
            text.extend(chars[i..j].iter().copied().nfc());
            nfc_len += text[before..].chars().count();
            boundaries.push((nfc_len, j));
            i = j;
        }
        NfcText { text, boundaries }
    }

    /// The original span of the first occurrence of `anchor` (NFC'd) in
    /// the NFC text, widened to piece boundaries (`to_original_span`), or
    /// `None` when it is not there.
    pub fn find(&self, anchor: &str) -> Option<(usize, usize)> {
        let anchor: String = anchor.nfc().collect();
        let byte_at = self.text.find(&anchor)?;
        let at = self.text[..byte_at].chars().count();
        let end = at + anchor.chars().count();
        // the last boundary at or before `at`, the first at or after `end`
        let start = self
            .boundaries
            .iter()
            .rev()
            .find(|&&(nfc, _)| nfc <= at)
            .map_or(0, |&(_, orig)| orig);
        let stop = self
            .boundaries
            .iter()
            .find(|&&(nfc, _)| nfc >= end)
            .map_or(start, |&(_, orig)| orig);
        Some((start, stop))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_map_back_to_original_offsets() {
        // (original text, anchor, original span)
        let cases: [(&str, &str, Option<(usize, usize)>); 6] = [
            ("Thủ tướng yêu cầu", "yêu cầu", Some((10, 17))),
            // NFD: "ủ" and "ướ" take more characters in the original
            (
                "Thu\u{309} tu\u{31b}o\u{31b}\u{301}ng yêu cầu",
                "yêu cầu",
                Some((14, 21)),
            ),
            (
                "Thu\u{309} tu\u{31b}o\u{31b}\u{301}ng",
                "tướng",
                Some((5, 13)),
            ),
            // the anchor given in NFD is found too
            ("Bộ Tài chính", "Ta\u{300}i", Some((3, 6))),
            ("Bộ Tài chính", "Bộ Y tế", None),
            // the first occurrence
            ("cần cần", "cần", Some((0, 3))),
        ];
        for (text, anchor, want) in cases {
            assert_eq!(
                NfcText::new(text).find(anchor),
                want,
                "{text:?} / {anchor:?}"
            );
        }
    }
}
