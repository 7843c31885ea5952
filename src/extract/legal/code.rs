//! Document codes (`15-CT/TW`, `46/2026/NĐ-CP`, `969/TTg-KGVX`): reading
//! one from tokens, and the type and issuer its letter parts stand for.

use super::LegalExtractor;
use crate::matcher::{is_capitalized, Tok, TokKind};
use crate::rules::legal::code_key;

/// A code read from tokens.
#[derive(Debug, Clone)]
pub(super) struct Code {
    /// Tokens `[start, end)`.
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) number: Option<u64>,
    pub(super) year: Option<u32>,
    /// The letter parts, as written (`TTg`, `QH14`).
    pub(super) parts: Vec<String>,
}

/// A run of ASCII digits, no separators.
pub(super) fn plain_int(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Number && t.raw.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn year_like(t: &Tok<'_>) -> bool {
    plain_int(t)
        && t.raw.len() == 4
        && t.raw
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

impl LegalExtractor {
    /// A part of a code: letters, upper case first and mostly upper case
    /// (`CT`, `TTg`, `QĐi`, `BTGTW`). `strict` (after a spaced dash) wants
    /// at least two capitals and at most one small letter (`KGVX`).
    pub(super) fn part_ok(&self, s: &str, strict: bool) -> bool {
        let n = s.chars().count();
        let upper = s.chars().filter(|c| c.is_uppercase()).count();
        if n == 0 || n > self.max_letters || !is_capitalized(s) {
            return false;
        }
        if strict {
            upper >= 2 && upper + 1 >= n
        } else {
            upper * 2 >= n
        }
    }

    /// The code starting at token `i`.
    pub(super) fn code_at(&self, t: &[Tok<'_>], i: usize) -> Option<Code> {
        let first = &t[i];
        if !plain_int(first) || first.raw.len() > self.max_digits {
            return None;
        }
        if i > 0 && first.glued() {
            let p = &t[i - 1];
            // `No.15/CT-TTg`: the `.` of a number word
            let number_word = p.is_symbol(".") && self.number_words.ends_before(t, i);
            if !number_word
                && (p.is_word()
                    || p.is_number()
                    || ["-", "/", ".", ",", "_", "+"]
                        .iter()
                        .any(|s| p.is_symbol(s)))
            {
                return None;
            }
        }
        let mut text = first.raw.to_string();
        let mut year = None;
        let mut parts: Vec<String> = Vec::new();
        let mut k = i + 1;
        while k + 1 < t.len() {
            let sep = &t[k];
            let glued = sep.glued() && (sep.is_symbol("/") || sep.is_symbol("-"));
            // `969/TTg – KGVX`: a dash with spaces, between letter parts only
            let spaced = !glued && sep.is_symbol("-") && !parts.is_empty();
            if !glued && !spaced {
                break;
            }
            let n = &t[k + 1];
            // `21/ NQ-CP`: a space after the separator only before a strict part
            let spaced = spaced || !n.glued();
            if glued && n.glued() && parts.is_empty() && year.is_none() && year_like(n) {
                year = n.raw.parse().ok();
                text.push_str(sep.raw);
                text.push_str(n.raw);
                k += 2;
                continue;
            }
            if n.is_word() && self.part_ok(n.raw, spaced) {
                let mut part = n.raw.to_string();
                let mut m = k + 2;
                // `QH14`, `UBTVQH15`
                if m < t.len() && plain_int(&t[m]) && t[m].glued() && t[m].raw.len() <= 3 {
                    part.push_str(t[m].raw);
                    m += 1;
                }
                text.push_str(sep.raw);
                text.push_str(&part);
                parts.push(part);
                k = m;
                continue;
            }
            break;
        }
        if parts.is_empty() {
            return None;
        }
        // a code never runs into a word or number glued to it
        if k < t.len() && t[k].glued() && (t[k].is_word() || t[k].is_number()) {
            return None;
        }
        let number = first.raw.parse().ok();
        Some(Code {
            end: k,
            text,
            number,
            year,
            parts,
        })
    }

    /// The type named by a code's letters, if any.
    pub(super) fn code_type(&self, code: &Code) -> Option<usize> {
        let first = code_key(&code.parts[0]);
        if let Some(&t) = self.code_types.get(&first) {
            return Some(t);
        }
        if code.year.is_some() {
            if let Some(&t) = self.year_types.get(&first) {
                return Some(t);
            }
        }
        if self.issuers.contains_key(&first) && code.parts.len() >= 2 {
            return Some(self.issuer_first);
        }
        None
    }

    /// The issuer named by a code's letters: the parts after the type letters,
    /// or the first part when it is an issuer (`969/TTg-KGVX`, `59/2020/QH14`);
    /// for a document of type `ty`, the issuer that type gives (`by_type`).
    pub(super) fn code_issuer(&self, code: &Code, ty: usize) -> Option<String> {
        let first = code_key(&code.parts[0]);
        let cands: &[String] = if self.code_types.contains_key(&first) {
            &code.parts[1..]
        } else if self.issuers.contains_key(&first) {
            &code.parts[..1]
        } else {
            &code.parts[1..]
        };
        let mut names: Vec<&str> = Vec::new();
        for p in cands {
            let key = code_key(p);
            if let Some(n) = self
                .issuers_by_type
                .get(&(key.clone(), ty))
                .or_else(|| self.issuers.get(&key))
            {
                if !names.contains(&n.as_str()) {
                    names.push(n);
                }
            }
        }
        (!names.is_empty()).then(|| names.join(", "))
    }
}
