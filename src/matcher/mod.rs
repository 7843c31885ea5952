//! The matching stage, between `text` and `extract`: one pass of one
//! automaton over each document, and the tokens the extractors read.
//!
//! ```text
//! rules lists ──(start-up)──> LexiconBuilder ──build──> Lexicon (one Aho-Corasick automaton)
//! document ──fold::lower──> lower-case text ──Lexicon::scan──> Scan (tokens, whole-token hits)
//! sentence with a hit or a digit ──sentence_toks──> [Tok] (each with the hits that start and end at it)
//! ```
//!
//! Every extractor registers its phrase lists with the [`LexiconBuilder`]
//! and keeps the [`PhraseSet`] handles; after the scan, a query such as
//! [`PhraseSet::match_at`] reads the hits attached to a token (a bit test,
//! then a short list) instead of hashing token windows. A sentence with no
//! hit and no digit is never tokenised.
//!
//! A hit is kept only where the tokenizer would put token boundaries on
//! both sides ([`token::is_token_start`], [`token::is_token_end`]), so the
//! answers are those of comparing tokens one by one: longest phrase first,
//! then the phrase added first; no phrase crosses a line break.

pub mod lexicon;
pub mod token;

use std::ops::Range;

use lexicon::SetBit;
pub use lexicon::{Lexicon, LexiconBuilder, Pattern, PhraseSet, SetMask, MAX_SETS};
pub use token::{is_all_caps, is_capitalized, tokenize, TokKind, Token, Tokens};

/// A whole-token match of an automaton pattern: tokens `first..last` of
/// the document.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub first: u32,
    pub last: u32,
    pattern: &'a Pattern,
}

impl Hit<'_> {
    /// The sets this hit has an entry of (the bit of sets past 127 is shared).
    pub fn mask(&self) -> SetMask {
        self.pattern.mask
    }
}

/// A token of the document scan: byte span in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocToken {
    pub start: u32,
    pub end: u32,
    /// Its number in the lexicon (0: a word no phrase has).
    pub word: u32,
    pub kind: TokKind,
    pub space_before: bool,
    /// [`CAP`] and [`TITLE`] of a word.
    case: u8,
}

/// One document read by the automaton: its lower case, its tokens and
/// every hit of two tokens or more, sorted two ways (a one-token hit is
/// the token's word).
#[derive(Debug, Clone)]
pub struct Scan<'a> {
    lex: &'a Lexicon,
    /// The lower case of the text (`fold::lower`: same byte offsets).
    lower: String,
    tokens: Vec<DocToken>,
    /// By first token, then longest first.
    by_start: Vec<Hit<'a>>,
    /// By last token, then longest first.
    by_end: Vec<Hit<'a>>,
}

impl<'a> Scan<'a> {
    /// Number of hits, one-token hits included.
    pub fn len(&self) -> usize {
        self.by_start.len()
            + self
                .tokens
                .iter()
                .filter(|t| self.lex.single(t.word).is_some())
                .count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document's tokens.
    pub fn tokens(&self) -> &[DocToken] {
        &self.tokens
    }

    /// The lower case of the text scanned (what `fold::lower` gives).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Every token of the document with its hits attached; `text` is the
    /// text that was scanned.
    pub fn toks(&'a self, text: &'a str) -> Vec<Tok<'a>> {
        let mut out = Vec::with_capacity(self.tokens.len());
        let bs = &self.by_start;
        let be = &self.by_end;
        let (mut i, mut j) = (0, 0);
        let lower = self.lower.as_str();
        for (k, t) in self.tokens.iter().enumerate() {
            let idx = k as u32;
            let s0 = i;
            let mut sfold = 0;
            while i < bs.len() && bs[i].first == idx {
                sfold |= bs[i].pattern.mask.folded();
                i += 1;
            }
            let e0 = j;
            let mut efold = 0;
            while j < be.len() && be[j].last == idx + 1 {
                efold |= be[j].pattern.mask.folded();
                j += 1;
            }
            let (s, e) = (t.start as usize, t.end as usize);
            let single = if t.kind == TokKind::Newline {
                None
            } else {
                self.lex.single(t.word)
            };
            let one = single.map_or(0, |p| p.mask.folded());
            out.push(Tok {
                kind: t.kind,
                start: s,
                end: e,
                space_before: t.space_before,
                raw: text.get(s..e).unwrap_or(""),
                low: lower.get(s..e).unwrap_or(""),
                idx,
                starts: &bs[s0..i],
                ends: &be[e0..j],
                single,
                sfold: sfold | one,
                efold: efold | one,
                case: t.case,
            });
        }
        out
    }
}

/// Tokens of `toks` lying in the byte range `r` (by their start).
pub fn token_range(toks: &[Tok<'_>], r: &Range<usize>) -> Range<usize> {
    let a = toks.partition_point(|t| t.start < r.start);
    let b = a + toks[a..].partition_point(|t| t.start < r.end);
    a..b
}

impl Lexicon {
    /// Read a document (the normalized text): one pass makes its lower
    /// case, its tokens (the tokens of [`Tokens`]), their case and their
    /// word numbers; one overlapping pass of the automaton gives every hit.
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn scan<'a>(&'a self, text: &str) -> Scan<'a> {
        let (lower, tokens, bytes) = self.tokenize_doc(text);
        let mut hits = Vec::new();
        if let Some(ac) = &self.nfa {
            let width = self.width.0;
            for m in ac.find_overlapping_iter(&bytes) {
                if let Some(pattern) = self.patterns.get(m.value() as usize) {
                    let last = (m.end() / width) as u32;
                    hits.push(Hit {
                        first: (m.start() / width) as u32,
                        last,
                        pattern,
                    });
                }
            }
        }
        // Found by end, and for one end the state's own pattern first, then
        // the patterns of its suffix states: longest first already. By start
        // (longest first): a counting sort on the first token.
        let n = tokens.len();
        let mut count = vec![0u32; n + 1];
        for h in &hits {
            count[h.first as usize + 1] += 1;
        }
        for k in 1..=n {
            count[k] += count[k - 1];
        }
        // `count[k]` is where the hits starting at token k begin; fill each
        // bucket from its end, so that later (longer-ending) hits come first
        let mut fill: Vec<u32> = count[1..].to_vec();
        let mut by_start = hits.clone();
        for h in &hits {
            let f = h.first as usize;
            fill[f] -= 1;
            by_start[fill[f] as usize] = *h;
        }
        Scan {
            lex: self,
            lower,
            tokens,
            by_start,
            by_end: hits,
        }
    }

    /// The lower case, the tokens and the automaton input of `text`, in one
    /// pass over its bytes. The tokens are those of [`Tokens`] and the lower
    /// case that of `fold::lower` (tests check both).
    fn tokenize_doc(&self, text: &str) -> (String, Vec<DocToken>, Vec<u8>) {
        let b = text.as_bytes();
        let n = b.len();
        // ASCII lower-cased in bulk; other characters are set in place
        // below, where their lower case differs (it has the same length)
        let mut lower = text.to_owned();
        lower.make_ascii_lowercase();
        let table = token::char_table();
        let mut tokens: Vec<DocToken> = Vec::with_capacity(n / 4 + 1);
        let mut bytes = Vec::with_capacity(n / 2 + 2);
        let mut space_before = true;
        let mut i = 0;
        while i < n {
            let x = b[i];
            let start = i;
            let kind;
            let mut case = 0;
            if x < 0x80 {
                match x {
                    b'\n' => {
                        i += 1;
                        self.width.push(lexicon::NEWLINE, &mut bytes);
                        tokens.push(DocToken {
                            start: start as u32,
                            end: i as u32,
                            word: lexicon::NEWLINE,
                            kind: TokKind::Newline,
                            space_before,
                            case: 0,
                        });
                        space_before = true;
                        continue;
                    }
                    b' ' | b'\t' | b'\r' | 0x0B | 0x0C => {
                        i += 1;
                        space_before = true;
                        continue;
                    }
                    b'0'..=b'9' => {
                        // digits, with single `.` or `,` between digits
                        i += 1;
                        loop {
                            match b.get(i) {
                                Some(d) if d.is_ascii_digit() => i += 1,
                                Some(b'.') | Some(b',')
                                    if b.get(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                                {
                                    i += 2
                                }
                                _ => break,
                            }
                        }
                        kind = TokKind::Number;
                    }
                    _ if x.is_ascii_alphabetic() => {
                        (i, case) = scan_word(text, i, &mut lower, table);
                        kind = TokKind::Word;
                    }
                    _ => {
                        i += 1;
                        kind = TokKind::Symbol;
                    }
                }
            } else {
                let (c, l) = crate::fold::decode_at(b, i);
                let info = table.get(c);
                if info.flags & token::C_WORD != 0 {
                    (i, case) = scan_word(text, i, &mut lower, table);
                    kind = TokKind::Word;
                } else {
                    set_lower(&mut lower, i, l, c, info.lower);
                    i += l;
                    if info.flags & token::C_SPACE != 0 {
                        space_before = true;
                        continue;
                    }
                    kind = TokKind::Symbol;
                }
            }
            let word = self.word(&lower.as_bytes()[start..i]);
            self.width.push(word, &mut bytes);
            tokens.push(DocToken {
                start: start as u32,
                end: i as u32,
                word,
                kind,
                space_before,
                case,
            });
            space_before = false;
        }
        (lower, tokens, bytes)
    }
}

/// Write the lower case `low` of the character `c` at bytes `i..i + len`
/// of `lower` when it differs (it has the same length: `fold::lower_char`).
#[inline]
fn set_lower(lower: &mut String, i: usize, len: usize, c: char, low: char) {
    if low != c && low.len_utf8() == len {
        let mut buf = [0u8; 4];
        lower.replace_range(i..i + len, low.encode_utf8(&mut buf));
    }
}

/// A word from byte `i` of `text` (a word character there): its end and
/// its case ([`CAP`], [`TITLE`]); characters whose lower case is not ASCII
/// lower case are set in `lower`.
#[inline]
fn scan_word(
    text: &str,
    mut i: usize,
    lower: &mut String,
    table: &crate::fold::CharTable<token::CharInfo>,
) -> (usize, u8) {
    let b = text.as_bytes();
    let n = b.len();
    let start = i;
    let mut cap = false;
    let mut any_lower = false;
    let mut letters = 0u32;
    while i < n {
        let x = b[i];
        if x < 0x80 {
            if !x.is_ascii_alphabetic() {
                break;
            }
            if i == start {
                cap = x.is_ascii_uppercase();
            }
            any_lower |= x.is_ascii_lowercase();
            letters += 1;
            i += 1;
        } else {
            let (c, l) = crate::fold::decode_at(b, i);
            let info = table.get(c);
            if info.flags & token::C_WORD == 0 {
                break;
            }
            if i == start {
                cap = info.flags & token::C_UPPER != 0;
            }
            any_lower |= info.flags & token::C_LOWER != 0;
            letters += (info.flags & token::C_ALPHA != 0) as u32;
            set_lower(lower, i, l, c, info.lower);
            i += l;
        }
    }
    let case = if !cap {
        0
    } else if !any_lower && letters >= 2 {
        CAP
    } else {
        CAP | TITLE
    };
    (i, case)
}

/// A token of a sentence, with its lower case and the hits at its edges.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    pub raw: &'a str,
    /// Lower case (`fold::lower`), a slice of the document's lower-case copy.
    pub low: &'a str,
    /// Index of the token in the document.
    idx: u32,
    /// Hits of two tokens or more that start at this token, longest first.
    starts: &'a [Hit<'a>],
    /// Hits of two tokens or more that end at this token, longest first.
    ends: &'a [Hit<'a>],
    /// The one-token phrase that this token is.
    single: Option<&'a Pattern>,
    /// [`SetMask::folded`] of the masks of `starts` and `single`: a set
    /// whose bit is not here has no phrase starting at this token. The
    /// exact masks are read from the patterns only past this test, which
    /// keeps a token at 112 bytes, not 160 (a 6 MB article has 2 million).
    sfold: u64,
    /// The same of `ends` and `single`.
    efold: u64,
    /// [`CAP`] and [`TITLE`], read once when the token is made.
    case: u8,
}

/// The word starts with a capital.
const CAP: u8 = 1;
/// …and is not all capitals.
const TITLE: u8 = 2;

impl<'a> Tok<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_number(&self) -> bool {
        self.kind == TokKind::Number
    }
    pub fn is_symbol(&self, s: &str) -> bool {
        self.kind == TokKind::Symbol && self.raw == s
    }
    pub fn glued(&self) -> bool {
        !self.space_before
    }
    /// A word that starts with a capital (`Sơn`, `UBND`).
    pub fn is_cap(&self) -> bool {
        self.is_word() && self.case & CAP != 0
    }
    /// A word written with a capital and then lower case (`Sơn`, `Sang-sik`), not `UBND`.
    pub fn is_title_case(&self) -> bool {
        self.is_word() && self.case & TITLE != 0
    }
    /// The sets with a phrase starting at this token.
    pub fn smask(&self) -> SetMask {
        if self.sfold == 0 {
            return SetMask::EMPTY;
        }
        let one = self.single.map_or(SetMask::EMPTY, |p| p.mask);
        self.starts.iter().fold(one, |m, h| m | h.pattern.mask)
    }
    /// A phrase of one of the sets of `mask` starts at this token (a
    /// necessary condition of every `PhraseSet` query at it).
    #[inline]
    pub fn starts_any(&self, mask: SetMask) -> bool {
        self.sfold & mask.folded() != 0
            && (self.single.is_some_and(|p| p.mask.intersects(&mask))
                || self.starts.iter().any(|h| h.pattern.mask.intersects(&mask)))
    }

    /// Whether a phrase or word of the set of `bit` starts here: the
    /// folded bit answers most queries with one AND.
    #[inline]
    fn may_start(&self, bit: SetBit) -> bool {
        bit.in_folded(self.sfold)
            && (self.single.is_some_and(|p| p.mask.has(bit))
                || self.starts.iter().any(|h| h.pattern.mask.has(bit)))
    }

    /// Whether a phrase or word of the set of `bit` ends here.
    #[inline]
    fn may_end(&self, bit: SetBit) -> bool {
        bit.in_folded(self.efold)
            && (self.single.is_some_and(|p| p.mask.has(bit))
                || self.ends.iter().any(|h| h.pattern.mask.has(bit)))
    }
}

impl<T> PhraseSet<T> {
    /// The payload of the first entry of this set in `pattern` that fits
    /// tokens `t[a..b]`.
    #[inline(never)]
    fn entry_for(&self, pattern: &Pattern, t: &[Tok<'_>], a: usize, b: usize) -> Option<&T> {
        let window = t.get(a..b)?;
        if window.iter().any(|x| x.kind == TokKind::Newline) {
            return None;
        }
        for e in pattern.entries.iter().filter(|e| e.set == self.id) {
            if let Some(words) = &e.exact {
                if words.len() != window.len()
                    || !words.iter().zip(window).all(|(w, x)| x.raw == &**w)
                {
                    continue;
                }
            }
            return self.values.get(e.value as usize);
        }
        None
    }

    /// The one-token phrase of this set that token `i` is.
    #[inline]
    fn single_at(&self, t: &[Tok<'_>], i: usize) -> Option<&T> {
        let p = t.get(i)?.single?;
        if !p.mask.has(self.one) {
            return None;
        }
        self.entry_for(p, t, i, i + 1)
    }

    /// The longest phrase starting at token `i`: (number of tokens, payload).
    /// Inlined: the bit test that answers most calls costs no call.
    #[inline]
    pub fn match_at(&self, t: &[Tok<'_>], i: usize) -> Option<(usize, &T)> {
        if !t.get(i)?.may_start(self.one) {
            return None;
        }
        self.match_at_hit(t, i)
    }

    /// [`PhraseSet::match_at`] where token `i` has a hit of this set.
    #[inline(never)]
    fn match_at_hit(&self, t: &[Tok<'_>], i: usize) -> Option<(usize, &T)> {
        let first = t.get(i)?;
        for h in first.starts {
            if !h.pattern.mask.has(self.one) {
                continue;
            }
            let n = h.pattern.len as usize;
            if i + n > t.len() || t[i + n - 1].idx + 1 != h.last {
                continue;
            }
            if let Some(v) = self.entry_for(h.pattern, t, i, i + n) {
                return Some((n, v));
            }
        }
        self.single_at(t, i).map(|v| (1, v))
    }

    /// The longest phrase ending right before token `end` (exclusive):
    /// (index of its first token, payload).
    #[inline]
    pub fn match_before(&self, t: &[Tok<'_>], end: usize) -> Option<(usize, &T)> {
        if end == 0 || !t.get(end - 1)?.may_end(self.one) {
            return None;
        }
        self.match_before_hit(t, end)
    }

    /// [`PhraseSet::match_before`] where token `end - 1` ends a hit of this set.
    #[inline(never)]
    fn match_before_hit(&self, t: &[Tok<'_>], end: usize) -> Option<(usize, &T)> {
        let last = t.get(end - 1)?;
        for h in last.ends {
            if !h.pattern.mask.has(self.one) {
                continue;
            }
            let n = h.pattern.len as usize;
            if n > end || t[end - n].idx != h.first {
                continue;
            }
            if let Some(v) = self.entry_for(h.pattern, t, end - n, end) {
                return Some((end - n, v));
            }
        }
        self.single_at(t, end - 1).map(|v| (end - 1, v))
    }

    /// Whether a phrase starts at `i`.
    #[inline]
    pub fn starts_at(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.match_at(t, i).is_some()
    }

    /// Whether a phrase ends right before `end`.
    #[inline]
    pub fn ends_before(&self, t: &[Tok<'_>], end: usize) -> bool {
        self.match_before(t, end).is_some()
    }

    /// A one-token phrase of this set that is exactly token `i` (what a
    /// look-up of the word in a word list would say).
    #[inline]
    pub fn word_at(&self, t: &[Tok<'_>], i: usize) -> Option<&T> {
        self.single_at(t, i)
    }

    /// Whether token `i` is a one-token phrase of this set whose payload
    /// satisfies `pred` (any of its entries, not only the first).
    pub fn word_where(&self, t: &[Tok<'_>], i: usize, pred: impl Fn(&T) -> bool) -> bool {
        let Some(tok) = t.get(i) else {
            return false;
        };
        let Some(p) = tok.single.filter(|p| p.mask.has(self.one)) else {
            return false;
        };
        if tok.kind == TokKind::Newline {
            return false;
        }
        p.entries.iter().filter(|e| e.set == self.id).any(|e| {
            let exact_ok = e
                .exact
                .as_ref()
                .is_none_or(|w| w.len() == 1 && &*w[0] == tok.raw);
            exact_ok && self.values.get(e.value as usize).is_some_and(&pred)
        })
    }

    /// Whether token `i` is a one-token phrase of this set.
    #[inline]
    pub fn has_word(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.word_at(t, i).is_some()
    }
}

/// A text folded for matching and its lower case, for tests and
/// benchmarks that call extractor parts on one text.
pub struct Prepared {
    pub text: String,
    pub lower: String,
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        let text = crate::fold::fold(text);
        let lower = crate::fold::lower(&text);
        Prepared { text, lower }
    }
}

/// Runs `f` on the tokens of the whole of `text` (folded first) as
/// `lexicon` reads them: for tests and benchmarks of extractor parts.
pub fn with_tokens<R>(lexicon: &Lexicon, text: &str, f: impl FnOnce(&[Tok<'_>]) -> R) -> R {
    let p = Prepared::new(text);
    let scan = lexicon.scan(&p.text);
    let t = scan.toks(&p.text);
    f(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document holds one `Tok` per token for as long as it is read (two
    /// million for a 6 MB article of legal references): the set masks are
    /// not copied into it.
    #[test]
    fn a_token_stays_small() {
        assert!(std::mem::size_of::<Tok<'_>>() <= 112);
    }

    fn lexicon() -> (
        Lexicon,
        PhraseSet<&'static str>,
        PhraseSet<()>,
        PhraseSet<i32>,
    ) {
        let mut b = LexiconBuilder::new();
        let mut q = b.set("qualifiers");
        b.add(&mut q, "gần", false, "nearly");
        b.add(&mut q, "gần như", false, "about");
        b.add(&mut q, "đô la Mỹ", false, "USD");
        b.add(&mut q, "km/h", false, "kmh");
        let verbs = b.list("verbs", &["tăng", "gần"], ());
        let mut cs = b.set("units");
        b.add(&mut cs, "m", true, 1);
        b.add(&mut cs, "M", true, 2);
        (b.build(), q, verbs, cs)
    }

    #[test]
    fn longest_first_both_ways() {
        let (lex, q, verbs, _) = lexicon();
        let p = Prepared::new("tăng gần như 5 đô  la Mỹ, 90 km / h và 80 km/h");
        let scan = lex.scan(&p.text);
        let t = scan.toks(&p.text);
        assert_eq!(q.match_at(&t, 1), Some((2, &"about")));
        assert_eq!(q.match_before(&t, 3), Some((1, &"about")));
        assert_eq!(q.match_before(&t, 2), Some((1, &"nearly")));
        assert_eq!(q.match_at(&t, 4), Some((3, &"USD")));
        assert_eq!(q.match_at(&t, 0), None);
        assert!(verbs.starts_at(&t, 0) && verbs.starts_at(&t, 1) && verbs.has_word(&t, 1));
        assert!(!verbs.starts_at(&t, 2));
        let kmh: Vec<usize> = (0..t.len())
            .filter(|&i| q.match_at(&t, i).is_some_and(|(_, v)| *v == "kmh"))
            .collect();
        assert_eq!(kmh.len(), 2, "{kmh:?}");
    }

    /// The one-pass scan gives the tokens of [`Tokens`], the lower case of
    /// `fold::lower` and the case of `is_capitalized` / `is_all_caps`.
    #[test]
    fn scan_agrees_with_the_tokenizer_and_lower() {
        let (lex, _, _, _) = lexicon();
        let texts = [
            "Trên 4.814 tỷ đồng, 6,5%. COVID-19 15-CT/TW 1..5 x.y 5. G20.5 km/h",
            "Nguye\u{302}\u{303}n ĐỨC Hải ƠƯĂ İstanbul ẞ Ǆ Ⅻ ⓐⒶ ΩΣς ÀÁẢÃẠ \u{a0}x\u{2003}y\n\nz",
            "UBND Sang-sik A B Đ ĐĐ Đa TP.HCM H.Đ (Ảnh: TTXVN) ١٢٣ ａ1 — …",
            "",
            "\n",
            "..1..2,,3,4.",
        ];
        for text in texts {
            let scan = lex.scan(text);
            assert_eq!(scan.lower(), crate::fold::lower(text), "{text:?}");
            let want = tokenize(text, 0..text.len());
            let got = scan.toks(text);
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(
                    (g.kind, g.start, g.end, g.space_before),
                    (w.kind, w.start, w.end, w.space_before),
                    "{text:?}"
                );
                let cap = g.kind == TokKind::Word && is_capitalized(g.raw);
                assert_eq!(g.is_cap(), cap, "{:?} in {text:?}", g.raw);
                assert_eq!(
                    g.is_title_case(),
                    cap && !is_all_caps(g.raw),
                    "{:?} in {text:?}",
                    g.raw
                );
            }
        }
    }

    #[test]
    fn case_sensitive_phrases() {
        let (lex, _, _, units) = lexicon();
        let p = Prepared::new("5 m 3 M 4 mm");
        let scan = lex.scan(&p.text);
        let t = scan.toks(&p.text);
        assert_eq!(units.match_at(&t, 1), Some((1, &1)));
        assert_eq!(units.match_at(&t, 3), Some((1, &2)));
        assert_eq!(units.match_at(&t, 5), None);
    }

    #[test]
    fn hits_never_cut_words_or_numbers() {
        let (lex, q, verbs, _) = lexicon();
        let p = Prepared::new("tăngg gầnn 4.814 không gần\nnhư");
        let scan = lex.scan(&p.text);
        let t = scan.toks(&p.text);
        assert!(!verbs.starts_at(&t, 0) && !verbs.starts_at(&t, 1));
        // `gần` then a line break: not `gần như`
        assert_eq!(q.match_at(&t, 4), Some((1, &"nearly")));
        // a newline token inside a window stops the phrase
        let mut t2 = t.clone();
        t2[4].kind = TokKind::Newline;
        assert_eq!(q.match_at(&t2, 4), None);
    }
}
