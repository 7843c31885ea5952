//! The extractors, one module each, and what they share: the document
//! context they read ([`Ctx`]), the [`Extractor`] trait, and the one rule
//! for overlapping matches ([`resolve_overlaps`]).
//!
//! Extractors never import the pipeline or the writers: they take a `Ctx`
//! and return rows of `model`.

pub mod directive;
pub mod legal;
pub mod number;
pub mod numeral;
pub mod person;
pub mod place;
pub mod quantity;

use std::ops::Range;

use crate::matcher::{token_range, Scan, SetMask, Tok, TokKind};
use crate::text::{clean_display, NormText};

/// What makes an extractor read a sentence: a hit of one of its sets, or a
/// digit. A sentence that has neither is never looked at by it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Trigger {
    pub sets: SetMask,
    pub digits: bool,
}

/// Everything an extractor may read about one document.
pub struct Ctx<'a> {
    /// The text as read: offsets written out refer to it.
    pub original: &'a str,
    /// The normalized text that rules match on, with its offset map.
    pub norm: &'a NormText,
    /// Sentence byte ranges in `norm.text`, in order.
    pub sentences: &'a [Range<usize>],
    /// Byte ranges of `norm.text` that are not article body (stamps,
    /// bylines, menus), sorted and disjoint: extractors do not look inside them.
    pub skip: &'a [Range<usize>],
    /// Every token of the document, made once and shared by the extractors.
    toks: Vec<Tok<'a>>,
    /// Per sentence: its tokens in `toks` when it has a hit or a digit
    /// (empty for the others).
    ranges: Vec<Range<usize>>,
    /// Per sentence: the sets with a hit in it.
    masks: Vec<SetMask>,
    /// Per sentence: it holds an ASCII digit.
    digits: Vec<bool>,
}

impl<'a> Ctx<'a> {
    /// A context over the sentences of a document: `scan` is what the
    /// automaton read in `norm.text`.
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn new(
        original: &'a str,
        norm: &'a NormText,
        sentences: &'a [Range<usize>],
        skip: &'a [Range<usize>],
        scan: &'a Scan<'a>,
    ) -> Ctx<'a> {
        let toks = scan.toks(norm.text.as_str());
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut masks = Vec::with_capacity(sentences.len());
        let mut digits = Vec::with_capacity(sentences.len());
        for r in sentences {
            let tr = token_range(&toks, r);
            let (mut mask, mut digit) = (SetMask::EMPTY, false);
            for t in &toks[tr.clone()] {
                mask |= t.smask();
                digit |= t.kind == TokKind::Number;
            }
            ranges.push(if !mask.is_empty() || digit { tr } else { 0..0 });
            masks.push(mask);
            digits.push(digit);
        }
        Ctx {
            original,
            norm,
            sentences,
            skip,
            toks,
            ranges,
            masks,
            digits,
        }
    }

    /// The tokens of sentence `si` (empty past the end, and for a sentence
    /// with no hit and no digit).
    pub fn sentence_tokens(&self, si: usize) -> &[Tok<'a>] {
        self.ranges
            .get(si)
            .and_then(|r| self.toks.get(r.clone()))
            .unwrap_or(&[])
    }

    /// Whether sentence `si` has what `trigger` asks for.
    pub fn wants(&self, si: usize, trigger: &Trigger) -> bool {
        self.masks
            .get(si)
            .is_some_and(|m| m.intersects(&trigger.sets))
            || (trigger.digits && self.digits.get(si).copied().unwrap_or(false))
    }

    /// Original character span `(start, end)` of a normalized byte range.
    pub fn char_span(&self, r: &Range<usize>) -> (usize, usize) {
        (self.norm.orig_char(r.start), self.norm.orig_char(r.end))
    }

    /// The original characters of a normalized byte range, exactly as
    /// written (no-break spaces, NFD, line breaks kept): the `text` of a
    /// span, equal to Python's `text[start:end]` of the article.
    pub fn source_text(&self, r: &Range<usize>) -> String {
        let (s, e) = (self.norm.orig_byte(r.start), self.norm.orig_byte(r.end));
        self.original.get(s..e).unwrap_or("").to_owned()
    }

    /// The original characters of a normalized byte range, NFC, single-spaced.
    pub fn display(&self, r: &Range<usize>) -> String {
        let (s, e) = (self.norm.orig_byte(r.start), self.norm.orig_byte(r.end));
        clean_display(self.original.get(s..e).unwrap_or(""))
    }

    /// Index of the sentence holding a normalized byte offset.
    pub fn sentence_of(&self, byte: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= byte {
                std::cmp::Ordering::Less
            } else if s.start > byte {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The range lies wholly inside a skipped (non-body) range.
    pub fn is_skipped(&self, r: &Range<usize>) -> bool {
        let i = self.skip.partition_point(|s| s.start <= r.start);
        i > 0 && r.end <= self.skip[i - 1].end
    }

    /// The range overlaps a skipped range.
    pub fn overlaps_skip(&self, r: &Range<usize>) -> bool {
        let i = self.skip.partition_point(|s| s.end <= r.start);
        self.skip.get(i).is_some_and(|s| s.start < r.end)
    }
}

/// Runs `f` on the context of one text prepared as the pipeline prepares
/// it (normalized, its non-body lines skipped, segmented with `rules`,
/// scanned by `lexicon`): for tests and benchmarks of one extractor.
pub fn with_ctx<R>(
    text: &str,
    rules: &crate::rules::text::TextRules,
    lexicon: &crate::matcher::Lexicon,
    f: impl FnOnce(&Ctx<'_>) -> R,
) -> R {
    let norm = NormText::new(text);
    let meta = crate::text::meta::extract_display(&norm, text, rules);
    let sentences = crate::text::segment::sentences_with(&norm.text, rules);
    let scan = lexicon.scan(&norm.text);
    let ctx = Ctx::new(text, &norm, &sentences, &meta.skip, &scan);
    f(&ctx)
}

/// Byte ranges (any order, overlaps allowed) sorted once so that "does any
/// overlap this range" and "does any contain it" cost a binary search:
/// the checks that would otherwise compare every candidate with every range.
#[derive(Debug, Clone, Default)]
pub struct Ranges {
    /// Sorted by start.
    sorted: Vec<Range<usize>>,
    /// `max_end[i]` = the largest end among `sorted[..=i]`.
    max_end: Vec<usize>,
}

impl Ranges {
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Ranges {
        let mut sorted: Vec<Range<usize>> = ranges.into_iter().collect();
        sorted.sort_by_key(|r| (r.start, r.end));
        let mut max_end = Vec::with_capacity(sorted.len());
        let mut m = 0;
        for r in &sorted {
            m = m.max(r.end);
            max_end.push(m);
        }
        Ranges { sorted, max_end }
    }

    /// The largest end among the ranges whose start passes `keep`
    /// (a prefix of the sorted ranges).
    fn max_end_where(&self, keep: impl Fn(usize) -> bool) -> Option<usize> {
        let n = self.sorted.partition_point(|r| keep(r.start));
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Some range overlaps `r` (shares at least one byte with it).
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.max_end_where(|s| s < r.end)
            .is_some_and(|e| e > r.start)
    }

    /// Some range holds all of `r`.
    pub fn contains(&self, r: &Range<usize>) -> bool {
        self.max_end_where(|s| s <= r.start)
            .is_some_and(|e| e >= r.end)
    }
}

/// An extractor turns a document context into rows of one table.
pub trait Extractor {
    type Row;
    fn extract(&self, ctx: &Ctx<'_>) -> Vec<Self::Row>;
}

/// The one overlap rule, as spaCy's EntityRuler applies it: among matches
/// that overlap, the longest wins, then the earliest. Returns the kept
/// indices of `spans` in text order.
pub fn resolve_overlaps(spans: &[Range<usize>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&spans[a], &spans[b]);
        (y.end - y.start)
            .cmp(&(x.end - x.start))
            .then(x.start.cmp(&y.start))
            .then(a.cmp(&b))
    });
    // kept spans by start: disjoint, so a new span overlaps one of them only
    // if it overlaps its nearest neighbour on either side (O(n log n))
    let mut kept: std::collections::BTreeMap<usize, (usize, usize)> =
        std::collections::BTreeMap::new();
    for i in order {
        let s = &spans[i];
        if s.start >= s.end {
            // an empty span overlaps nothing
            if kept
                .range(..=s.start)
                .next_back()
                .is_none_or(|(_, &(e, _))| e <= s.start)
            {
                kept.entry(s.start).or_insert((s.end, i));
            }
            continue;
        }
        let before = kept
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &(e, _))| e > s.start);
        if !before {
            kept.insert(s.start, (s.end, i));
        }
    }
    let mut out: Vec<usize> = kept.into_values().map(|(_, i)| i).collect();
    out.sort_by_key(|&i| (spans[i].start, spans[i].end));
    out
}

#[cfg(test)]
mod ranges_tests {
    use super::Ranges;
    use std::ops::Range;

    /// Every answer of `Ranges` equals the answer of comparing with each range.
    #[test]
    fn same_answers_as_a_scan() {
        let sets: &[&[Range<usize>]] = &[
            &[],
            &[3..5],
            &[0..10, 2..3],
            &[8..9, 1..4, 3..6, 5..5],
            &[4..6, 4..9, 12..13],
        ];
        for set in sets {
            let idx = Ranges::new(set.iter().cloned());
            for a in 0..15 {
                for b in a..16 {
                    let r = a..b;
                    let overlaps = set.iter().any(|e| e.start < r.end && r.start < e.end);
                    let contains = set.iter().any(|e| e.start <= r.start && r.end <= e.end);
                    assert_eq!(idx.overlaps(&r), overlaps, "{set:?} overlaps {r:?}");
                    assert_eq!(idx.contains(&r), contains, "{set:?} contains {r:?}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_then_earliest() {
        let spans = vec![0..5, 3..12, 10..14, 20..22, 20..22];
        assert_eq!(resolve_overlaps(&spans), vec![1, 3]);
        let spans = vec![0..4, 2..6];
        assert_eq!(resolve_overlaps(&spans), vec![0]);
        assert!(resolve_overlaps(&[]).is_empty());
        // same start, different lengths: the longer wins
        assert_eq!(resolve_overlaps(&[3..5, 3..9, 9..10]), vec![1, 2]);
        // a long list of disjoint spans keeps all, in order
        let many: Vec<_> = (0..1000).map(|i| i * 2..i * 2 + 1).collect();
        assert_eq!(resolve_overlaps(&many).len(), 1000);
    }
}
