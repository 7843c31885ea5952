//! A small tokenizer for the normalized text: words, digit runs and single
//! symbols, each with its byte span and whether a space precedes it.
//!
//! Extractors that reason about neighbours (a number and its unit, a title
//! and a name) work on these tokens instead of one large regex: the rules
//! stay lists of words, and `10 tỉnh` can never read as `10 tỉ`, because
//! words are compared whole. The phrase automaton accepts a match only where
//! this tokenizer would put token boundaries ([`is_token_start`],
//! [`is_token_end`]), so a phrase hit always covers whole tokens.
//!
//! Invariants: tokens are in text order, non-overlapping, never empty, and
//! every span lies on `char` boundaries of the text they came from.

use std::ops::Range;

use crate::fold::CharTable;

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

/// A letter (or combining mark): what words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
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

/// What the scan needs to know of one character, read once: its lower
/// case ([`crate::fold::lower_char`]) and its classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CharInfo {
    pub(crate) lower: char,
    pub(crate) flags: u8,
}

/// [`is_word_char`].
pub(crate) const C_WORD: u8 = 1;
/// `char::is_uppercase`.
pub(crate) const C_UPPER: u8 = 2;
/// `char::is_lowercase`.
pub(crate) const C_LOWER: u8 = 4;
/// `char::is_alphabetic`.
pub(crate) const C_ALPHA: u8 = 8;
/// `char::is_whitespace`.
pub(crate) const C_SPACE: u8 = 16;

impl CharInfo {
    fn compute(c: char) -> CharInfo {
        let mut flags = 0;
        for (yes, bit) in [
            (is_word_char(c), C_WORD),
            (c.is_uppercase(), C_UPPER),
            (c.is_lowercase(), C_LOWER),
            (c.is_alphabetic(), C_ALPHA),
            (c.is_whitespace(), C_SPACE),
        ] {
            if yes {
                flags |= bit;
            }
        }
        CharInfo {
            lower: crate::fold::lower_char(c),
            flags,
        }
    }
}

/// [`CharInfo`] of every character, from a table for those of Vietnamese text.
pub(crate) fn char_table() -> &'static CharTable<CharInfo> {
    static T: std::sync::OnceLock<CharTable<CharInfo>> = std::sync::OnceLock::new();
    T.get_or_init(|| CharTable::new(CharInfo::compute))
}

/// Split `src[range]` into tokens; offsets are into `src`.
pub fn tokenize(src: &str, range: Range<usize>) -> Vec<Token> {
    Tokens::new(src, range).collect()
}

/// The tokens of `src[range]`, one at a time (offsets are into `src`).
pub struct Tokens<'a> {
    slice: &'a str,
    base: usize,
    i: usize,
    space_before: bool,
}

impl<'a> Tokens<'a> {
    pub fn new(src: &'a str, range: Range<usize>) -> Tokens<'a> {
        let slice = src.get(range.clone()).unwrap_or("");
        Tokens {
            slice,
            base: range.start,
            i: 0,
            space_before: true,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let slice = self.slice;
        let bytes = slice.as_bytes();
        let n = bytes.len();
        let base = self.base;
        while self.i < n {
            let i = self.i;
            let b = bytes[i];
            let space_before = self.space_before;
            // ASCII first: most characters of Vietnamese text are
            if b < 0x80 {
                match b {
                    b'\n' => {
                        self.i += 1;
                        self.space_before = true;
                        return Some(Token {
                            kind: TokKind::Newline,
                            start: base + i,
                            end: base + i + 1,
                            space_before,
                        });
                    }
                    b' ' | b'\t' | b'\r' | 0x0B | 0x0C => {
                        self.space_before = true;
                        self.i += 1;
                        continue;
                    }
                    b'0'..=b'9' => {
                        // digits, with single `.` or `,` between digits
                        let mut end = i + 1;
                        loop {
                            match bytes.get(end) {
                                Some(x) if x.is_ascii_digit() => end += 1,
                                Some(b'.') | Some(b',')
                                    if bytes.get(end + 1).is_some_and(|x| x.is_ascii_digit()) =>
                                {
                                    end += 2
                                }
                                _ => break,
                            }
                        }
                        self.i = end;
                        self.space_before = false;
                        return Some(Token {
                            kind: TokKind::Number,
                            start: base + i,
                            end: base + end,
                            space_before,
                        });
                    }
                    _ if b.is_ascii_alphabetic() => {}
                    _ => {
                        self.i += 1;
                        self.space_before = false;
                        return Some(Token {
                            kind: TokKind::Symbol,
                            start: base + i,
                            end: base + i + 1,
                            space_before,
                        });
                    }
                }
            }
            let c = char_at(slice, i);
            if c.is_whitespace() {
                self.space_before = true;
                self.i += c.len_utf8();
                continue;
            }
            self.space_before = false;
            if !is_word_char(c) {
                let end = i + c.len_utf8();
                self.i = end;
                return Some(Token {
                    kind: TokKind::Symbol,
                    start: base + i,
                    end: base + end,
                    space_before,
                });
            }
            // a word: letters and marks
            let mut end = i + c.len_utf8();
            while end < n {
                let x = bytes[end];
                if x < 0x80 {
                    if x.is_ascii_alphabetic() {
                        end += 1;
                        continue;
                    }
                    break;
                }
                let d = char_at(slice, end);
                if !is_word_char(d) {
                    break;
                }
                end += d.len_utf8();
            }
            self.i = end;
            return Some(Token {
                kind: TokKind::Word,
                start: base + i,
                end: base + end,
                space_before,
            });
        }
        None
    }
}

/// The character at byte `i` of `s` (a char boundary), or U+FFFD.
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .unwrap_or('\u{FFFD}')
}

/// The character ending at byte `i` of `s` (a char boundary), if any.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// A `.` or `,` at byte `i` that sits between two digits (inside `4.814`).
fn inner_separator(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    matches!(b.get(i), Some(b'.') | Some(b','))
        && i > 0
        && b[i - 1].is_ascii_digit()
        && b.get(i + 1).is_some_and(|x| x.is_ascii_digit())
}

/// Whether the tokenizer starts a token at byte `i` of `s` (a char boundary).
pub fn is_token_start(s: &str, i: usize) -> bool {
    let c = char_at(s, i);
    if c.is_whitespace() || i >= s.len() {
        return false;
    }
    let prev = char_before(s, i);
    if c.is_ascii_digit() {
        return !(prev.is_some_and(|p| p.is_ascii_digit())
            || (i >= 2 && inner_separator(s, i - 1)));
    }
    if is_word_char(c) {
        return !prev.is_some_and(is_word_char);
    }
    !inner_separator(s, i)
}

/// Whether the tokenizer ends a token at byte `i` of `s` (a char boundary).
pub fn is_token_end(s: &str, i: usize) -> bool {
    let Some(p) = char_before(s, i) else {
        return false;
    };
    if p.is_whitespace() {
        return false;
    }
    let next = s.get(i..).and_then(|r| r.chars().next());
    if p.is_ascii_digit() {
        return !(next.is_some_and(|n| n.is_ascii_digit()) || inner_separator(s, i));
    }
    if is_word_char(p) {
        return !next.is_some_and(is_word_char);
    }
    !inner_separator(s, i - p.len_utf8())
}

/// The word starts with an upper-case letter.
pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Every letter is upper-case and there are at least two (`FTA`, `USD`).
pub fn is_all_caps(s: &str) -> bool {
    // one pass, and most words end it at their first letter
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokKind, &str, bool)> {
        tokenize(s, 0..s.len())
            .iter()
            .map(|t| (t.kind, t.text(s), t.space_before))
            .collect()
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
        assert_eq!(
            toks("COVID-19"),
            vec![
                (Word, "COVID", true),
                (Symbol, "-", false),
                (Number, "19", false)
            ]
        );
        assert_eq!(
            toks("15-CT/TW"),
            vec![
                (Number, "15", true),
                (Symbol, "-", false),
                (Word, "CT", false),
                (Symbol, "/", false),
                (Word, "TW", false)
            ]
        );
        assert_eq!(
            toks("lên 17."),
            vec![
                (Word, "lên", true),
                (Number, "17", true),
                (Symbol, ".", false)
            ]
        );
        assert_eq!(
            toks("1.0 x"),
            vec![(Number, "1.0", true), (Word, "x", true)]
        );
        assert_eq!(
            toks("a\nb"),
            vec![(Word, "a", true), (Newline, "\n", false), (Word, "b", true)]
        );
        assert_eq!(
            toks("Nguye\u{302}\u{303}n m²"),
            vec![
                (Word, "Nguye\u{302}\u{303}n", true),
                (Word, "m", true),
                (Symbol, "²", false)
            ]
        );
        assert_eq!(
            toks("١٢٣ ａ1"),
            vec![
                (Symbol, "١", true),
                (Symbol, "٢", false),
                (Symbol, "٣", false),
                (Word, "ａ", true),
                (Number, "1", false)
            ]
        );
    }

    #[test]
    fn boundaries_agree_with_the_tokenizer() {
        let texts = [
            "trên 4.814 tỷ đồng, 6,5%. COVID-19 15-CT/TW 1..5 x.y 5. G20.5 km/h",
            "Nguyễn Văn A (Ảnh: TTXVN) \u{a0}tăng 10,5 % và 1,2,3 a1b2 ١٢٣ ａ1 —",
            "",
            ".",
            "1",
            "..1..2,,3,4.",
        ];
        for s in texts {
            let tokens = tokenize(s, 0..s.len());
            let starts: Vec<usize> = tokens
                .iter()
                .filter(|t| t.kind != TokKind::Newline)
                .map(|t| t.start)
                .collect();
            let ends: Vec<usize> = tokens
                .iter()
                .filter(|t| t.kind != TokKind::Newline)
                .map(|t| t.end)
                .collect();
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                assert_eq!(
                    is_token_start(s, i),
                    starts.contains(&i),
                    "start {i} of {s:?}"
                );
                assert_eq!(is_token_end(s, i), ends.contains(&i), "end {i} of {s:?}");
            }
        }
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
