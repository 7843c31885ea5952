//! Overlapping spans → non-overlapping segments, for highlighting.
//!
//! The extractions of a document overlap: a person's name inside a
//! directive, a country inside a figure, two figures sharing a word. HTML
//! elements must nest, so the text is cut at every span boundary into
//! segments, each marked with the set of spans covering it (outermost
//! first); the page nests one element per covering span inside each
//! segment, and an extraction's text is the text of its elements taken in
//! order.
//!
//! The boundaries are sorted once and swept left to right with the set of
//! open spans: O(n log n) for n spans, plus the size of the output. Spans
//! past the end of the text are clamped to it (and reported), empty or
//! inverted ones cover nothing (and are reported); nothing here panics.

/// A span of characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A piece of text `[start, end)` and the spans covering all of it
/// (indices into the spans given), outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub covering: Vec<usize>,
}

/// The text of a document cut into segments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Consecutive segments covering `[0, len)` exactly, in order.
    pub segments: Vec<Segment>,
    /// Spans that ended past the text (shown up to its end).
    pub clamped: Vec<usize>,
    /// Spans that cover no character once clamped (`start >= end`, or
    /// starting at or after the end of the text).
    pub empty: Vec<usize>,
}

/// Cuts the text `[0, len)` at every boundary of `spans`.
pub fn segments(spans: &[Span], len: usize) -> Segments {
    let mut out = Segments::default();
    // the spans that cover something, clamped
    let mut live: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let end = s.end.min(len);
        if s.end > len {
            out.clamped.push(i);
        }
        if s.start >= end {
            out.empty.push(i);
        } else {
            live.push((s.start, end, i));
        }
    }
    let mut bounds: Vec<usize> = Vec::with_capacity(live.len() * 2 + 2);
    bounds.push(0);
    bounds.push(len);
    for &(s, e, _) in &live {
        bounds.push(s);
        bounds.push(e);
    }
    bounds.sort_unstable();
    bounds.dedup();

    // spans by start; open ones leave when the sweep reaches their end
    live.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
    let mut next = 0;
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    out.segments.reserve(bounds.len());
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        open.retain(|&(_, e, _)| e > a);
        while next < live.len() && live[next].0 <= a {
            open.push(live[next]);
            next += 1;
        }
        // `open` keeps the order of `live`: outermost first (earlier
        // start, then later end, then input order)
        out.segments.push(Segment {
            start: a,
            end: b,
            covering: open.iter().map(|&(_, _, i)| i).collect(),
        });
    }
    out
}

/// The byte offset in `text` of each character offset in `sorted` (which
/// must be ascending); offsets past the end map to `text.len()`. One pass
/// over the text.
pub fn byte_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut chars = text.char_indices().enumerate();
    let mut cur: Option<(usize, (usize, char))> = chars.next();
    for &want in sorted {
        while let Some((n, _)) = cur {
            if n >= want {
                break;
            }
            cur = chars.next();
        }
        out.push(match cur {
            Some((n, (b, _))) if n == want => b,
            _ => text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(v: &[(usize, usize)]) -> Vec<Span> {
        v.iter().map(|&(start, end)| Span { start, end }).collect()
    }

    /// (start, end, covering) of every segment.
    fn cut(v: &[(usize, usize)], len: usize) -> Vec<(usize, usize, Vec<usize>)> {
        segments(&sp(v), len)
            .segments
            .into_iter()
            .map(|s| (s.start, s.end, s.covering))
            .collect()
    }

    #[test]
    fn no_spans_is_one_plain_segment() {
        assert_eq!(cut(&[], 5), [(0, 5, vec![])]);
        assert_eq!(cut(&[], 0), []);
    }

    #[test]
    fn nested_spans_are_outermost_first() {
        // a directive [2,10) with a person [4,6) inside
        assert_eq!(
            cut(&[(4, 6), (2, 10)], 12),
            [
                (0, 2, vec![]),
                (2, 4, vec![1]),
                (4, 6, vec![1, 0]),
                (6, 10, vec![1]),
                (10, 12, vec![]),
            ]
        );
    }

    #[test]
    fn crossing_spans_share_the_middle() {
        assert_eq!(
            cut(&[(0, 5), (3, 8)], 8),
            [(0, 3, vec![0]), (3, 5, vec![0, 1]), (5, 8, vec![1])]
        );
    }

    #[test]
    fn adjacent_and_identical_spans() {
        assert_eq!(
            cut(&[(0, 2), (2, 4), (2, 4)], 4),
            [(0, 2, vec![0]), (2, 4, vec![1, 2])]
        );
    }

    #[test]
    fn empty_inverted_and_outside_spans_are_reported() {
        let s = segments(&sp(&[(3, 3), (5, 2), (1, 99), (50, 60)]), 4);
        assert_eq!(s.empty, [0, 1, 3]);
        assert_eq!(s.clamped, [2, 3]);
        let cut: Vec<_> = s.segments.iter().map(|x| (x.start, x.end)).collect();
        assert_eq!(cut, [(0, 1), (1, 4)]);
        assert_eq!(s.segments[1].covering, [2]);
    }

    #[test]
    fn segments_tile_the_text_and_cover_each_span_exactly() {
        // a pseudo-random mix, checked against a character-by-character count
        let mut x: u64 = 7;
        let mut rnd = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) % n) as usize
        };
        for _ in 0..200 {
            let len = rnd(40);
            let spans: Vec<Span> = (0..rnd(12))
                .map(|_| {
                    let a = rnd(45);
                    Span {
                        start: a,
                        end: a + rnd(15),
                    }
                })
                .collect();
            let s = segments(&spans, len);
            let mut at = 0;
            for seg in &s.segments {
                assert_eq!(seg.start, at);
                assert!(seg.end > seg.start);
                at = seg.end;
                for c in seg.start..seg.end {
                    let mut want: Vec<usize> = (0..spans.len())
                        .filter(|&i| spans[i].start <= c && c < spans[i].end)
                        .collect();
                    let mut got = seg.covering.clone();
                    want.sort_unstable();
                    got.sort_unstable();
                    assert_eq!(got, want);
                }
            }
            assert_eq!(at, len);
        }
    }

    #[test]
    fn byte_offsets_of_characters() {
        let t = "Việt Nam";
        assert_eq!(byte_offsets(t, &[0, 1, 2, 4, 8, 9]), [0, 1, 2, 6, 10, 10]);
        assert_eq!(byte_offsets("", &[0, 3]), [0, 0]);
    }
}
