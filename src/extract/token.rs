//! A small tokenizer for the normalized text: words, digit runs and single
//! symbols, each with its byte span and whether a space precedes it.
//!
//! Extractors that reason about neighbours (a number and its unit, a title
//! and a name) work on these tokens instead of one large regex: the rules
//! stay lists of words, and `10 tỉnh` can never read as `10 tỉ`, because
//! words are compared whole.
//!
//! Invariants: tokens are in text order, non-overlapping, never empty, and
//! every span lies on `char` boundaries of the text they came from.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (with combining marks), e.g. `Nguyễn`, `USD`, `km`.
    Word,
    /// A run of ASCII digits with `.`/`,` between digits, e.g. `4.814`, `6,5`.
    Number,
    /// Any other single non-space character: `%`, `$`, `/`, `-`, `,`, `(`.
    Symbol,
    /// A line break: sentence and clause boundaries never cross it.
    Newline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// Glued to the previous token (no space between them).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        // Latin-1 letters (not × ÷), Latin Extended-A/B, Vietnamese block: fast path
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1EA0..=0x1EF9 => true,
        _ => c.is_alphabetic() || is_mark(c),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Split `src[range]` into tokens; offsets are into `src`.
pub fn tokenize(src: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = src.get(range.clone()) else {
        return out;
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let mut chars = slice.char_indices().peekable();
    let mut space_before = true;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            out.push(Token { kind: TokKind::Newline, start: base + i, end: base + i + 1, space_before });
            space_before = true;
            continue;
        }
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let start = i;
        let kind;
        let mut end = i + c.len_utf8();
        if c.is_ascii_digit() {
            kind = TokKind::Number;
            // digits, with single `.` or `,` between digits
            loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_digit() => end += 1,
                    Some(b'.') | Some(b',') if bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit()) => end += 2,
                    _ => break,
                }
            }
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        } else if is_word_char(c) {
            kind = TokKind::Word;
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            kind = TokKind::Symbol;
        }
        out.push(Token { kind, start: base + start, end: base + end, space_before });
        space_before = false;
    }
    out
}

/// Lower-case a word for dictionary look-ups, borrowing it when it has no
/// capital (most words): no allocation on the hot path.
pub fn lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let has_upper = if s.is_ascii() { s.bytes().any(|b| b.is_ascii_uppercase()) } else { s.chars().any(char::is_uppercase) };
    if has_upper {
        std::borrow::Cow::Owned(lower(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Lower-case a word for dictionary look-ups.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The word starts with an upper-case letter.
pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Every letter is upper-case and there are at least two (`FTA`, `USD`).
pub fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && s.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokKind, &str, bool)> {
        tokenize(s, 0..s.len()).iter().map(|t| (t.kind, t.text(s), t.space_before)).collect()
    }

    #[test]
    fn numbers_words_symbols() {
        use TokKind::*;
        assert_eq!(
            toks("trên 4.814 tỷ đồng, 6,5%."),
            vec![
                (Word, "trên", true),
                (Number, "4.814", true),
                (Word, "tỷ", true),
                (Word, "đồng", true),
                (Symbol, ",", false),
                (Number, "6,5", true),
                (Symbol, "%", false),
                (Symbol, ".", false),
            ]
        );
        assert_eq!(toks("COVID-19"), vec![(Word, "COVID", true), (Symbol, "-", false), (Number, "19", false)]);
        assert_eq!(toks("15-CT/TW"), vec![
            (Number, "15", true), (Symbol, "-", false), (Word, "CT", false), (Symbol, "/", false), (Word, "TW", false)
        ]);
        assert_eq!(toks("lên 17."), vec![(Word, "lên", true), (Number, "17", true), (Symbol, ".", false)]);
        assert_eq!(toks("1.0 x"), vec![(Number, "1.0", true), (Word, "x", true)]);
        assert_eq!(toks("a\nb"), vec![(Word, "a", true), (Newline, "\n", false), (Word, "b", true)]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", "1.", ",5", "..1..", "\u{301}a", "9,", "١٢٣", "ａ1"] {
            let _ = tokenize(s, 0..s.len());
        }
        let s = "abc";
        assert!(tokenize(s, 1..10).is_empty());
    }
}
