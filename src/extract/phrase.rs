//! Phrase dictionaries over tokens: a rules list of words and multi-word
//! phrases (`ước đạt`, `đô la Mỹ`, `%`), matched whole-token, longest first,
//! forwards from a token or backwards ending at one.
//!
//! Phrases are folded like the text (`text::fold`) and tokenized with the
//! same tokenizer, so `km/h` is three tokens on both sides. Case-insensitive
//! unless the phrase was added as case-sensitive.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::token::{is_all_caps, is_capitalized, lower, lower_cow, tokenize, TokKind, Token};
use crate::fold::fold;

/// A token of a sentence, with its lower-cased text for look-ups.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    pub raw: &'a str,
    /// Lower case, borrowed from `raw` when it has no capital.
    pub low: Cow<'a, str>,
}

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
        self.is_word() && is_capitalized(self.raw)
    }
    /// A word written with a capital and then lower case (`Sơn`, `Sang-sik`), not `UBND`.
    pub fn is_title_case(&self) -> bool {
        self.is_cap() && !is_all_caps(self.raw)
    }
}

/// Tokens of `text[range]` with their lower-case forms.
pub fn toks(text: &str, range: std::ops::Range<usize>) -> Vec<Tok<'_>> {
    tokenize(text, range)
        .into_iter()
        .map(|t: Token| {
            let raw = text.get(t.start..t.end).unwrap_or("");
            Tok { kind: t.kind, start: t.start, end: t.end, space_before: t.space_before, raw, low: lower_cow(raw) }
        })
        .collect()
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    words: Vec<String>,
    case_sensitive: bool,
    value: T,
}

/// A set of phrases with a payload each.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet { phrases: Vec::new(), by_first: HashMap::default(), by_last: HashMap::default() }
    }
}

fn phrase_words(s: &str, case_sensitive: bool) -> Vec<String> {
    let f = fold(s);
    tokenize(&f, 0..f.len())
        .iter()
        .map(|t| {
            let w = t.text(&f);
            if case_sensitive {
                w.to_string()
            } else {
                lower(w)
            }
        })
        .collect()
}

impl<T: Clone> PhraseSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every phrase of `list` with the same payload.
    pub fn from_list<S: AsRef<str>>(list: &[S], value: T) -> Self {
        let mut p = Self::new();
        for s in list {
            p.add(s.as_ref(), false, value.clone());
        }
        p
    }

    /// Every phrase of `list`, compared with case, with the same payload.
    pub fn from_list_exact<S: AsRef<str>>(list: &[S], value: T) -> Self {
        let mut p = Self::new();
        for s in list {
            p.add(s.as_ref(), true, value.clone());
        }
        p
    }

    pub fn add(&mut self, phrase: &str, case_sensitive: bool, value: T) {
        let words = phrase_words(phrase, case_sensitive);
        if words.is_empty() {
            return;
        }
        let idx = self.phrases.len();
        let (k0, k1) = (lower(&words[0]), lower(&words[words.len() - 1]));
        self.phrases.push(Phrase { words, case_sensitive, value });
        // keep each candidate list longest first (stable for equal lengths)
        let phrases = &self.phrases;
        for v in [self.by_first.entry(k0).or_default(), self.by_last.entry(k1).or_default()] {
            v.push(idx);
            v.sort_by(|a, b| phrases[*b].words.len().cmp(&phrases[*a].words.len()).then(a.cmp(b)));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    fn word_eq(p: &Phrase<T>, w: &str, t: &Tok<'_>) -> bool {
        if p.case_sensitive {
            t.raw == w
        } else {
            t.low == w
        }
    }

    /// The longest phrase starting at token `i`: (number of tokens, payload).
    pub fn match_at(&self, toks: &[Tok<'_>], i: usize) -> Option<(usize, &T)> {
        let first = toks.get(i)?;
        let cands = self.by_first.get(first.low.as_ref())?;
        for &c in cands {
            let p = &self.phrases[c];
            let n = p.words.len();
            if i + n > toks.len() {
                continue;
            }
            if p.words.iter().zip(&toks[i..i + n]).all(|(w, t)| Self::word_eq(p, w, t) && t.kind != TokKind::Newline) {
                return Some((n, &p.value));
            }
        }
        None
    }

    /// The longest phrase ending right before token `end` (exclusive):
    /// (index of its first token, payload).
    pub fn match_before(&self, toks: &[Tok<'_>], end: usize) -> Option<(usize, &T)> {
        if end == 0 {
            return None;
        }
        let last = toks.get(end - 1)?;
        let cands = self.by_last.get(last.low.as_ref())?;
        for &c in cands {
            let p = &self.phrases[c];
            let n = p.words.len();
            if n > end {
                continue;
            }
            let s = end - n;
            if p.words.iter().zip(&toks[s..end]).all(|(w, t)| Self::word_eq(p, w, t) && t.kind != TokKind::Newline) {
                return Some((s, &p.value));
            }
        }
        None
    }

    /// Whether a phrase starts at `i`.
    pub fn starts_at(&self, toks: &[Tok<'_>], i: usize) -> bool {
        self.match_at(toks, i).is_some()
    }

    /// Whether a phrase ends right before `end`.
    pub fn ends_before(&self, toks: &[Tok<'_>], end: usize) -> bool {
        self.match_before(toks, end).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_both_ways() {
        let mut p = PhraseSet::new();
        p.add("gần", false, "nearly");
        p.add("gần như", false, "about");
        p.add("đô la Mỹ", false, "USD");
        let s = "tăng gần như 5 đô la Mỹ";
        let t = toks(s, 0..s.len());
        assert_eq!(p.match_at(&t, 1), Some((2, &"about")));
        assert_eq!(p.match_before(&t, 3), Some((1, &"about")));
        assert_eq!(p.match_before(&t, 2), Some((1, &"nearly")));
        assert_eq!(p.match_at(&t, 4), Some((3, &"USD")));
        assert_eq!(p.match_at(&t, 0), None);
    }

    #[test]
    fn case_sensitive_phrases() {
        let mut p = PhraseSet::new();
        p.add("m", true, 1);
        let s = "5 m 3 M";
        let t = toks(s, 0..s.len());
        assert_eq!(p.match_at(&t, 1), Some((1, &1)));
        assert_eq!(p.match_at(&t, 3), None);
    }
}
