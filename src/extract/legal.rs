//! Cited legal and party documents (docs/contract.md §3 Legal references).
//!
//! Every body sentence is read as tokens. A citation is built around its
//! code, or, without one, around a capitalised type word and its name:
//!
//! ```text
//! [[ISSUER] verb] [type word [modifier] [số[:]]] CODE [,|(] [ban hành] [ngày DATE] [của ISSUER]
//! Type word [name] số CODE …                    Luật Đất đai số 31/2024/QH15
//! Type word  (số N | N | party body | Name)     Nghị quyết Đại hội Đảng lần thứ XIII
//! ```
//!
//! - A code is a number, an optional year, then parts of letters joined by
//!   `/` or `-` (`15-CT/TW`, `21/NQ-CP`, `46/2026/NĐ-CP`, `59/2020/QH14`,
//!   `969/TTg – KGVX`); it is written out as it stands, with the spaces
//!   around its dashes dropped. Dates (`15/12/2024`), `COVID-19`, scores and
//!   models are never codes: they have no letter part, or letters before the
//!   digits.
//! - `doc_type` is the written type word, matched without tone marks when a
//!   code follows (`Chị thị số 16/CT-TTg` is a Chỉ thị); else the code's
//!   letters (`NQ` → Nghị quyết; a code that begins with an issuer,
//!   `73/UBND-NLN`, is a Công văn). A code with no type word needs two
//!   letter parts or a year code (`59/2020/QH14`), and none after a word for
//!   another kind of paper (`Báo cáo số 12/UBND-VX`).
//! - `issued` is the date right after the code (or after its issuer), else
//!   the date that opens the clause of an issuing verb (`Ngày 10/8/2022, Ban
//!   Bí thư ban hành Chỉ thị số 15-CT/TW`); a header `Số: 1583/CĐ-VPCP`
//!   takes the dated line below it. A date with no year takes the code's.
//! - `issuer` is the one written after `của` (`của Ban Bí thư`), else the
//!   subject of an issuing verb, else the names of the code's issuer letters
//!   (`CP` → Chính phủ). Coordinated citations of one type and issuer share
//!   the date and issuer written after the last (`Nghị quyết 18-NQ/TW và
//!   19-NQ/TW ngày 25/10/2017`).
//! - Without a code only a capitalised type word followed by a proper
//!   designation counts (a number, a party body, a capitalised name for
//!   laws); lower-case `kế hoạch cụ thể` never does, nor headlines where
//!   every word is capitalised.
//!
//! Every word list is in `rules/legal/`.

use std::collections::HashMap;
use std::ops::Range;

use super::{Ctx, Extractor, Trigger};
use crate::fold::{fold, strip_marks};
use crate::matcher::{is_capitalized, tokenize, LexiconBuilder, PhraseSet, Tok, TokKind};
use crate::model::LegalRef;
use crate::rules::legal::{code_key, LegalRules};
use crate::text::date::DateMatch;
use code::{plain_int, year_like, Code};

/// A type word: a declared type, or a generic word (`văn bản`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TypeRef {
    Type(usize),
    Generic,
}

#[derive(Debug, Clone)]
struct TypeInfo {
    name: String,
    named: bool,
    standalone: bool,
    party: bool,
    numbered: bool,
}

/// How a written issuer begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// A whole name (`Ban Bí thư`).
    Body,
    /// A whole name a place name may follow (`Tỉnh ủy Bắc Giang`).
    Local,
    /// A first word that a capitalised name follows (`Bộ Công Thương`).
    Opener,
}

/// A reference found, before it becomes a row.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    doc_type: String,
    code: Option<String>,
    number: Option<u64>,
    issued: Option<String>,
    issuer: Option<String>,
    /// Tokens of the sentence it covers.
    toks: Range<usize>,
    /// The date was written right after it.
    own_date: bool,
    /// The issuer was written right after it.
    own_issuer: bool,
    /// The issuer was written (after it, or as the subject of its verb).
    issuer_written: bool,
    /// The issuer read from the code's letters.
    code_issuer: Option<String>,
}

/// What follows a citation: its date and written issuer.
#[derive(Debug, Default)]
struct Tail {
    /// Next token after the tail.
    next: usize,
    /// Byte end of the last token taken.
    end: Option<usize>,
    date: Option<DateMatch>,
    issuer: Option<Range<usize>>,
}

/// The legal-reference extractor, compiled from its rules.
#[derive(Debug, Clone)]
pub struct LegalExtractor {
    types: Vec<TypeInfo>,
    generic_default: usize,
    issuer_first: usize,
    forms: PhraseSet<TypeRef>,
    stripped: HashMap<String, TypeRef>,
    max_form_words: usize,
    code_types: HashMap<String, usize>,
    year_types: HashMap<String, usize>,
    issuers: HashMap<String, String>,
    /// (issuer code, document type) → issuer, where the type decides (`TW`).
    issuers_by_type: HashMap<(String, usize), String>,
    number_words: PhraseSet<()>,
    modifiers: PhraseSet<()>,
    max_digits: usize,
    max_letters: usize,
    max_name_words: usize,
    issued_lead: PhraseSet<()>,
    header_words: PhraseSet<()>,
    header_lines: usize,
    not_after: PhraseSet<()>,
    party_bodies: PhraseSet<()>,
    treaties: PhraseSet<()>,
    topic_words: PhraseSet<()>,
    number_followers: PhraseSet<()>,
    measure_words: PhraseSet<()>,
    not_names: PhraseSet<()>,
    name_words: PhraseSet<()>,
    name_stop: PhraseSet<()>,
    issuer_lead: PhraseSet<()>,
    issuer_heads: PhraseSet<Head>,
    sitting_heads: PhraseSet<()>,
    issuer_at: PhraseSet<()>,
    sitting_ordinal: PhraseSet<()>,
    sitting_term: PhraseSet<()>,
    place_words: PhraseSet<()>,
    issuer_stop: PhraseSet<()>,
    issuer_verbs: PhraseSet<()>,
    issuer_adverbs: PhraseSet<()>,
    max_before: usize,
    sentence_date: bool,
    lead_binds: bool,
    articles: PhraseSet<()>,
    issuer_links: PhraseSet<()>,
    capitalised_issuers: bool,
    attributive: bool,
    possessive: PhraseSet<()>,
    place_first: bool,
    law_links: PhraseSet<()>,
    capitalised_names: bool,
    joiners: PhraseSet<()>,
    other_documents: PhraseSet<()>,
    trigger: Trigger,
}

/// The stripped key of a written form: its tokens, stripped, space-joined.
fn form_stripped(form: &str) -> (String, usize) {
    let f = fold(form);
    let t = tokenize(&f, 0..f.len());
    (
        t.iter()
            .map(|t| strip_marks(t.text(&f)))
            .collect::<Vec<_>>()
            .join(" "),
        t.len(),
    )
}

/// Punctuation that may end a clause after `Nghị quyết 57`.
fn clause_end(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Newline
        || (t.kind == TokKind::Symbol
            && matches!(t.raw, "," | "." | ";" | ":" | ")" | "\"" | "!" | "?" | "…"))
}

/// Most words capitalised (`Thủ Tướng Ký Luật Chơi Mới`, `LUẬT ĐẤT ĐAI`):
/// capitals tell nothing about names there.
fn is_title_case(t: &[Tok<'_>]) -> bool {
    let words: Vec<&Tok<'_>> = t.iter().filter(|x| x.is_word()).collect();
    let caps = words.iter().filter(|x| is_capitalized(x.raw)).count();
    words.len() >= 4 && caps * 10 >= words.len() * 8
}

impl LegalExtractor {
    pub fn new(rules: &LegalRules, lex: &mut LexiconBuilder) -> LegalExtractor {
        let mut types = Vec::new();
        let mut forms = lex.set("legal.forms");
        let mut stripped = HashMap::new();
        let mut max_form_words = 1;
        let mut code_types = HashMap::new();
        let mut year_types = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, t) in rules.types.types.iter().enumerate() {
            types.push(TypeInfo {
                name: t.name.get_ref().trim().to_string(),
                named: t.named,
                standalone: t.standalone,
                party: t.party,
                numbered: t.numbered,
            });
            by_name.insert(fold(t.name.get_ref().trim()).to_lowercase(), i);
            for f in &t.forms {
                lex.add(&mut forms, f.get_ref(), false, TypeRef::Type(i));
                let (k, n) = form_stripped(f.get_ref());
                stripped.insert(k, TypeRef::Type(i));
                max_form_words = max_form_words.max(n);
            }
            for c in &t.codes {
                code_types.insert(code_key(c.get_ref()), i);
            }
            for c in &t.year_codes {
                year_types.insert(code_key(c.get_ref()), i);
            }
        }
        let g = &rules.types.generic;
        for f in &g.forms {
            lex.add(&mut forms, f.get_ref(), false, TypeRef::Generic);
            let (k, n) = form_stripped(f.get_ref());
            stripped.entry(k).or_insert(TypeRef::Generic);
            max_form_words = max_form_words.max(n);
        }
        let lookup = |s: &str| {
            by_name
                .get(&fold(s.trim()).to_lowercase())
                .copied()
                .unwrap_or(0)
        };
        let generic_default = lookup(g.default.get_ref());
        let issuer_first = lookup(g.issuer_first.get_ref());
        let mut issuers = HashMap::new();
        let mut issuers_by_type = HashMap::new();
        for i in &rules.issuers.issuers {
            for c in &i.codes {
                issuers.insert(code_key(c.get_ref()), i.name.get_ref().trim().to_string());
                for (ty, who) in &i.by_type {
                    if let Some(&ti) = by_name.get(&fold(ty.trim()).to_lowercase()) {
                        issuers_by_type.insert(
                            (code_key(c.get_ref()), ti),
                            who.get_ref().trim().to_string(),
                        );
                    }
                }
            }
        }
        let w = &rules.issuers.written;
        let mut issuer_heads = lex.set("legal.issuer_heads");
        for (list, head) in [
            (&w.openers, Head::Opener),
            (&w.bodies, Head::Body),
            (&w.local_bodies, Head::Local),
        ] {
            for s in list {
                lex.add(&mut issuer_heads, s, false, head);
            }
        }
        let c = &rules.cite;
        let trigger = Trigger {
            sets: forms.mask(),
            digits: true,
        };
        LegalExtractor {
            trigger,
            types,
            generic_default,
            issuer_first,
            forms,
            stripped,
            max_form_words,
            code_types,
            year_types,
            issuers,
            issuers_by_type,
            number_words: lex.list("legal.number_words", &c.code.number_words, ()),
            modifiers: lex.list("legal.modifiers", &c.code.modifiers, ()),
            max_digits: *c.code.max_number_digits.get_ref(),
            max_letters: *c.code.max_part_letters.get_ref(),
            max_name_words: c.code.max_name_words,
            issued_lead: lex.list("legal.issued_lead", &c.issued.lead, ()),
            header_words: lex.list_exact("legal.header_words", &c.header.words, ()),
            header_lines: c.header.date_lines,
            not_after: lex.list_exact("legal.not_after", &c.codeless.not_after, ()),
            party_bodies: lex.list("legal.party_bodies", &c.codeless.party_bodies, ()),
            treaties: lex.list("legal.treaties", &c.codeless.treaties, ()),
            topic_words: lex.list("legal.topic_words", &c.codeless.topic_words, ()),
            number_followers: lex.list("legal.number_followers", &c.codeless.number_followers, ()),
            measure_words: lex.list("legal.measure_words", &c.codeless.measure_words, ()),
            not_names: lex.list("legal.not_names", &c.codeless.not_names, ()),
            name_words: lex.list("legal.name_words", &c.codeless.name_words, ()),
            name_stop: lex.list("legal.name_stop", &c.codeless.name_stop, ()),
            issuer_lead: lex.list("legal.issuer_lead", &w.lead, ()),
            issuer_heads,
            sitting_heads: lex.list("legal.sitting_heads", &w.sittings.heads, ()),
            issuer_at: lex.list("legal.issuer_at", &w.at, ()),
            sitting_ordinal: lex.list("legal.sitting_ordinal", &w.sittings.ordinal_lead, ()),
            sitting_term: lex.list("legal.sitting_term", &w.sittings.term, ()),
            place_words: lex.list("legal.place_words", &w.place_words, ()),
            issuer_stop: lex.list("legal.issuer_stop", &w.stop, ()),
            issuer_verbs: lex.list("legal.issuer_verbs", &w.verbs, ()),
            issuer_adverbs: lex.list("legal.issuer_adverbs", &w.adverbs, ()),
            max_before: w.max_before,
            sentence_date: c.issued.sentence_date,
            lead_binds: c.issued.lead_binds,
            articles: lex.list("legal.articles", &w.articles, ()),
            issuer_links: lex.list("legal.issuer_links", &w.name_links, ()),
            capitalised_issuers: w.capitalised_names,
            attributive: w.attributive,
            possessive: lex.list("legal.possessive", &w.possessive, ()),
            place_first: w.place_first,
            law_links: lex.list("legal.law_links", &c.codeless.name_links, ()),
            capitalised_names: c.codeless.capitalised_names,
            joiners: lex.list("legal.joiners", &c.code.joiners, ()),
            other_documents: lex.list("legal.other_documents", &c.code.other_documents, ()),
        }
    }

    /// A type word (exact or with wrong tone marks) ending right before token `end`.
    fn type_before(&self, t: &[Tok<'_>], end: usize) -> Option<(usize, TypeRef)> {
        for n in (1..=self.max_form_words.min(end)).rev() {
            let s = end - n;
            if !t[s..end].iter().all(|x| x.is_word()) {
                continue;
            }
            let key = t[s..end]
                .iter()
                .map(|x| strip_marks(x.raw))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(&r) = self.stripped.get(&key) {
                return Some((s, r));
            }
        }
        None
    }

    /// A capitalised run of words from token `i` (a place name: `Tuyên Quang`).
    fn cap_run(&self, t: &[Tok<'_>], mut i: usize) -> usize {
        while i < t.len()
            && t[i].is_word()
            && is_capitalized(t[i].raw)
            && !self.forms.starts_at(t, i)
        {
            i += 1;
        }
        i
    }

    /// A name after an opener: capitalised words, each with the lower-case
    /// syllable that may follow it (`Công Thương`, `Tài chính`, `Chỉ đạo`).
    fn name_run(&self, t: &[Tok<'_>], mut i: usize) -> usize {
        let from = i;
        let mut prev_cap = false;
        while i < t.len() {
            // `Ministry of Industry and Trade`: a link word before a capital
            // (not before another body's name, an opener and a link: `… of
            // Finance and Ministry of …`; `People's Committee` goes on)
            if prev_cap || i == from {
                if let Some((m, _)) = self.issuer_links.match_at(t, i) {
                    let n = i + m;
                    let other_body = match self.issuer_heads.match_at(t, n) {
                        Some((h, Head::Opener)) => {
                            self.issuer_links.match_at(t, n + h).is_some_and(|(m2, _)| {
                                t.get(n + h + m2)
                                    .is_some_and(|x| x.is_word() && is_capitalized(x.raw))
                            })
                        }
                        _ => false,
                    };
                    if n < t.len()
                        && t[n].is_word()
                        && is_capitalized(t[n].raw)
                        && !self.forms.starts_at(t, n)
                        && !other_body
                    {
                        i = n;
                        prev_cap = false;
                        continue;
                    }
                }
            }
            if !t[i].is_word() {
                break;
            }
            if is_capitalized(t[i].raw) {
                if self.forms.starts_at(t, i) || self.issuer_lead.starts_at(t, i) {
                    break;
                }
                prev_cap = true;
            } else if prev_cap
                && !self.capitalised_issuers
                && !self.issuer_stop.starts_at(t, i)
                && !self.place_words.starts_at(t, i)
                && !self.issuer_verbs.starts_at(t, i)
                && !self.issuer_adverbs.starts_at(t, i)
            {
                prev_cap = false;
            } else {
                break;
            }
            i += 1;
        }
        i
    }

    /// The citation around the code at tokens `[ci, code.end)`.
    fn coded(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        ci: usize,
        code: &Code,
    ) -> Option<(usize, Found)> {
        let text = &ctx.norm.text;
        let mut k = ci;
        let colon = k > 0 && t[k - 1].is_symbol(":");
        if colon {
            k -= 1;
        }
        let mut numbered = false;
        let mut header = false;
        if let Some((s, _)) = self.number_words.match_before(t, k) {
            numbered = true;
            header = colon && s == 0 && self.header_words.starts_at(t, s);
            k = s;
        } else if colon {
            k = ci;
        }
        let mut written = None;
        if let Some((s, _)) = self.modifiers.match_before(t, k) {
            written = self.type_before(t, s);
        }
        if written.is_none() {
            written = self.type_before(t, k);
        }
        // `Luật Đất đai số 31/2024/QH15`: a name between the type and `số`
        if written.is_none() && numbered {
            for m in 1..=self.max_name_words.min(k) {
                let s = k - m;
                if !t[s].is_word() {
                    break;
                }
                if let Some((fs, &TypeRef::Type(ti))) = self.forms.match_before(t, s) {
                    // `Law on Investment No. 61/2020/QH14`: a link word may open the name
                    let first_ok = is_capitalized(t[s].raw)
                        || self
                            .law_links
                            .match_at(t, s)
                            .is_some_and(|(m, _)| s + m < k && is_capitalized(t[s + m].raw));
                    if self.types[ti].named && is_capitalized(t[fs].raw) && first_ok {
                        written = Some((fs, TypeRef::Type(ti)));
                    }
                    break;
                }
            }
        }
        let code_type = self.code_type(code);
        let (start, ty) = match written {
            Some((s, TypeRef::Type(ti))) => (s, ti),
            Some((s, TypeRef::Generic)) => (s, code_type.unwrap_or(self.generic_default)),
            None => {
                if self.other_documents.ends_before(t, k) {
                    return None;
                }
                let ty = code_type?;
                let year_code =
                    code.year.is_some() && self.year_types.contains_key(&code_key(&code.parts[0]));
                if code.parts.len() < 2 && !year_code {
                    return None;
                }
                (if header { k } else { ci }, ty)
            }
        };
        let tail = self.tail(text, t, code.end);
        // `Government Resolution No. 27/NQ-CP`: a body before the written type word
        let (start, subject, date_before) = self.issuer_before(text, t, start, written.is_some());
        let dated = |d: &DateMatch| match code.year {
            Some(y) => d.iso_with_year(y),
            None => d.iso(),
        };
        let mut issued = tail.date.as_ref().and_then(dated);
        if issued.is_none() && header {
            issued = self.header_date(text, t[code.end - 1].end);
        }
        if issued.is_none() {
            issued = date_before.as_ref().and_then(dated);
        }
        let issuer = match (&tail.issuer, &subject) {
            (Some(r), _) | (None, Some(r)) => Some(ctx.display(r)),
            (None, None) => self.code_issuer(code, ty),
        };
        let end = tail.end.unwrap_or(t[code.end - 1].end);
        let next = tail.next.max(code.end);
        let found = Found {
            range: t[start].start..end,
            doc_type: self.types[ty].name.clone(),
            code: Some(code.text.clone()),
            number: code.number,
            issued,
            issuer,
            toks: start..next,
            own_date: tail.date.is_some(),
            own_issuer: tail.issuer.is_some(),
            issuer_written: tail.issuer.is_some() || subject.is_some(),
            code_issuer: self.code_issuer(code, ty),
        };
        Some((next, found))
    }

    /// Extend a name from token `i`; `loose` also takes lower-case words
    /// (law titles: `Luật Bảo vệ môi trường`).
    fn name_end(&self, t: &[Tok<'_>], mut i: usize, loose: bool) -> usize {
        let limit = i + 10;
        let mut prev_cap = true;
        while i < t.len() && i < limit {
            let x = &t[i];
            if plain_int(x) {
                i += 1;
                if year_like(x) {
                    break;
                }
                continue;
            }
            if !x.is_word() || self.name_stop.starts_at(t, i) {
                break;
            }
            if is_capitalized(x.raw) && self.forms.starts_at(t, i) {
                break;
            }
            if let Some((m, _)) = self.name_words.match_at(t, i) {
                // `Law on Planning and Investment`, not `Law on Land and the …`
                if !loose
                    && self.capitalised_names
                    && !t
                        .get(i + m)
                        .is_some_and(|x| (x.is_word() && is_capitalized(x.raw)) || year_like(x))
                {
                    break;
                }
                i += m;
                prev_cap = false;
                continue;
            }
            if is_capitalized(x.raw) {
                prev_cap = true;
            } else if (prev_cap && !self.capitalised_names) || loose {
                prev_cap = false;
            } else {
                break;
            }
            i += 1;
        }
        i
    }

    /// `Công ước Liên hợp quốc về Luật Biển`: the type word at `i` follows
    /// `về` at the end of a treaty's name (capitalised words after the treaty word).
    fn treaty_topic(&self, t: &[Tok<'_>], i: usize) -> bool {
        let Some((v, _)) = self.topic_words.match_before(t, i) else {
            return false;
        };
        let mut k = v;
        while k > 0 && t[k - 1].is_word() && v - k < 8 {
            if self.treaties.ends_before(t, k) {
                return true;
            }
            k -= 1;
        }
        self.treaties.ends_before(t, k)
    }

    /// A reference without a code at token `i`: a capitalised type word and
    /// a proper designation. Returns the next token and the reference.
    fn codeless(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        i: usize,
        title_case: bool,
    ) -> Option<(usize, Found)> {
        let (n, &tr) = self.forms.match_at(t, i)?;
        let TypeRef::Type(ti) = tr else {
            return None;
        };
        let ty = &self.types[ti];
        if !is_capitalized(t[i].raw) || self.not_after.ends_before(t, i) || self.treaty_topic(t, i)
        {
            return None;
        }
        let j = i + n;
        let mut number = None;
        let end;
        let nw = self.number_words.match_at(t, j).map(|(m, _)| j + m);
        let after_num_ok = |k: usize| {
            if k >= t.len() || self.number_followers.starts_at(t, k) {
                return true;
            }
            if t[k].glued() && !clause_end(&t[k]) {
                return false;
            }
            if clause_end(&t[k]) {
                return !(t[k].glued()
                    && (t[k].is_symbol(".") || t[k].is_symbol(","))
                    && k + 1 < t.len()
                    && t[k + 1].glued());
            }
            ty.numbered && t[k].is_word() && !self.measure_words.starts_at(t, k)
        };
        if let Some(k) = nw.filter(|&k| k < t.len() && plain_int(&t[k])) {
            if k + 1 < t.len()
                && t[k + 1].glued()
                && (t[k + 1].is_symbol("/") || t[k + 1].is_symbol("-"))
            {
                return None;
            }
            number = t[k].raw.parse().ok();
            end = k + 1;
        } else if j < t.len()
            && plain_int(&t[j])
            && !year_like(&t[j])
            && t[j].raw.len() <= self.max_digits
        {
            if !after_num_ok(j + 1) {
                return None;
            }
            number = t[j].raw.parse().ok();
            end = j + 1;
        } else if title_case {
            // `Luật Chơi Mới`: in a headline every word is capitalised
            return None;
        } else if let Some((m, _)) = self
            .party_bodies
            .match_at(t, j)
            .filter(|_| ty.party && is_capitalized(t[j].raw))
        {
            end = self.name_end(t, j + m, false);
        } else if ty.named
            && j < t.len()
            && t[j].is_word()
            && is_capitalized(t[j].raw)
            && !self.not_names.starts_at(t, j)
            && !self.forms.starts_at(t, j)
        {
            end = self.name_end(t, j + 1, !self.capitalised_names);
        } else if let Some(n) = self
            .law_links
            .match_at(t, j)
            .map(|(m, _)| j + m)
            .filter(|&n| {
                ty.named
                    && n < t.len()
                    && t[n].is_word()
                    && is_capitalized(t[n].raw)
                    && !self.not_names.starts_at(t, n)
                    && !self.forms.starts_at(t, n)
            })
        {
            // `Law on Investment 2020`
            end = self.name_end(t, n + 1, !self.capitalised_names);
        } else if ty.standalone {
            let mut e = j;
            if e < t.len() && t[e].low == "năm" && e + 1 < t.len() && year_like(&t[e + 1]) {
                e += 2;
            } else if e < t.len() && year_like(&t[e]) {
                e += 1;
            }
            end = e;
        } else {
            return None;
        }
        let text = &ctx.norm.text;
        let tail = self.tail(text, t, end);
        let (i, subject, date_before) = self.issuer_before(text, t, i, true);
        let issued = tail
            .date
            .as_ref()
            .or(date_before.as_ref())
            .and_then(DateMatch::iso);
        let found = Found {
            range: t[i].start..tail.end.unwrap_or(t[end - 1].end),
            doc_type: ty.name.clone(),
            code: None,
            number,
            issued,
            issuer: tail
                .issuer
                .as_ref()
                .or(subject.as_ref())
                .map(|r| ctx.display(r)),
            toks: i..tail.next.max(end),
            own_date: tail.date.is_some(),
            own_issuer: tail.issuer.is_some(),
            issuer_written: tail.issuer.is_some() || subject.is_some(),
            code_issuer: None,
        };
        Some((tail.next.max(end), found))
    }

    /// `Nghị quyết 18-NQ/TW và Nghị quyết 19-NQ/TW ngày 25/10/2017 của …`:
    /// coordinated citations of one type and issuer share the date and
    /// written issuer of the last one.
    fn share(&self, t: &[Tok<'_>], found: &mut [Found]) {
        for i in (0..found.len().saturating_sub(1)).rev() {
            let (a, b) = (&found[i], &found[i + 1]);
            if a.own_date
                || a.own_issuer
                || a.doc_type != b.doc_type
                || a.code_issuer != b.code_issuer
            {
                continue;
            }
            let mut k = a.toks.end;
            while k < b.toks.start {
                match self.joiners.match_at(t, k) {
                    Some((n, _)) => k += n,
                    None => break,
                }
            }
            if k != b.toks.start || a.toks.end == b.toks.start {
                continue;
            }
            let (date, issuer) = (
                b.issued.clone(),
                b.own_issuer.then(|| b.issuer.clone()).flatten(),
            );
            let (own_date, own_issuer) = (b.own_date, b.own_issuer);
            let a = &mut found[i];
            if own_date {
                a.issued = date;
                a.own_date = true;
            }
            if let Some(x) = issuer {
                a.issuer = Some(x);
                a.own_issuer = own_issuer;
                a.issuer_written = true;
            }
        }
    }

    fn sentence(&self, ctx: &Ctx<'_>, t: &[Tok<'_>], out: &mut Vec<Found>) {
        let mut used = vec![false; t.len()];
        let first_found = out.len();
        // citations with a code first
        let mut i = 0;
        while i < t.len() {
            let Some(code) = self.code_at(t, i) else {
                i += 1;
                continue;
            };
            let span = t[i].start..t[code.end - 1].end;
            if ctx.is_skipped(&span) {
                i = code.end;
                continue;
            }
            match self.coded(ctx, t, i, &code) {
                Some((next, f)) => {
                    let first = t.partition_point(|x| x.start < f.range.start);
                    for u in used.iter_mut().take(next).skip(first) {
                        *u = true;
                    }
                    out.push(f);
                    i = next;
                }
                None => i = code.end,
            }
        }
        self.share(t, &mut out[first_found..]);
        // then capitalised type words with a designation
        let title_case = is_title_case(t);
        let mut i = 0;
        while i < t.len() {
            if used[i] || !t[i].is_word() {
                i += 1;
                continue;
            }
            match self.codeless(ctx, t, i, title_case) {
                Some((next, f))
                    if !ctx.is_skipped(&f.range) && !used[i..next].iter().any(|&u| u) =>
                {
                    out.push(f);
                    i = next;
                }
                _ => i += 1,
            }
        }
    }
}

/// Text order, and of overlapping references the longest (then the
/// earliest): the rule of [`super::resolve_overlaps`], as one sweep, since
/// references seldom overlap and a document may hold very many.
fn drop_overlaps(found: &mut Vec<Found>) {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        match out.last_mut() {
            Some(last) if f.range.start < last.range.end => {
                if f.range.len() > last.range.len() {
                    *last = f;
                }
            }
            _ => out.push(f),
        }
    }
    *found = out;
}

/// One code is one document: a mention with no date, or with an issuer read
/// only from its letters, takes what another mention of the same code in the
/// document writes (`Chỉ thị số 15-CT/TW ngày 10/8/2022 của Ban Bí thư …
/// Chỉ thị 15-CT/TW đã tạo chuyển biến`).
fn same_document(found: &mut [Found]) {
    short_mentions(found);
    let key = |f: &Found| {
        f.code
            .as_ref()
            .map(|c| c.to_uppercase().replace(' ', "").replace('Đ', "D"))
    };
    // per code: the first date, and the first written issuer
    let mut known: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    for f in found.iter() {
        if let Some(k) = key(f) {
            let e = known.entry(k).or_default();
            if e.0.is_none() {
                e.0 = f.issued.clone();
            }
            if e.1.is_none() && f.issuer_written {
                e.1 = f.issuer.clone();
            }
        }
    }
    for f in found.iter_mut() {
        let Some((issued, issuer)) = key(f).and_then(|k| known.get(&k)) else {
            continue;
        };
        if f.issued.is_none() {
            f.issued = issued.clone();
        }
        if !f.issuer_written && issuer.is_some() {
            f.issuer = issuer.clone();
        }
    }
}

/// `Nghị quyết số 57` after `Nghị quyết số 57-NQ/TW`: a short second
/// mention (a type and a number, no code) is the document cited before with
/// that type and number; it takes its code (the nearest such citation
/// before it).
fn short_mentions(found: &mut [Found]) {
    let mut last: HashMap<(String, u64), (String, Option<String>)> = HashMap::new();
    for f in found.iter_mut() {
        let Some(n) = f.number else { continue };
        let key = (f.doc_type.clone(), n);
        match &f.code {
            Some(c) => {
                last.insert(key, (c.clone(), f.issuer.clone()));
            }
            None => {
                if let Some((c, issuer)) = last.get(&key) {
                    f.code = Some(c.clone());
                    if f.issuer.is_none() {
                        f.issuer = issuer.clone();
                    }
                }
            }
        }
    }
}

impl Extractor for LegalExtractor {
    type Row = LegalRef;
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    fn extract(&self, ctx: &Ctx<'_>) -> Vec<LegalRef> {
        let mut found = Vec::new();
        for (si, sr) in ctx.sentences.iter().enumerate() {
            if !ctx.wants(si, &self.trigger) || ctx.is_skipped(sr) {
                continue;
            }
            self.sentence(ctx, ctx.sentence_tokens(si), &mut found);
        }
        same_document(&mut found);
        drop_overlaps(&mut found);
        found
            .iter()
            .map(|f| {
                let (start, end) = ctx.char_span(&f.range);
                LegalRef {
                    start,
                    end,
                    text: ctx.source_text(&f.range),
                    doc_type: f.doc_type.clone(),
                    code: f.code.clone(),
                    number: f.number,
                    issued: f.issued.clone(),
                    issuer: f.issuer.clone(),
                }
            })
            .collect()
    }
}

mod code;
mod context;

#[cfg(test)]
mod tests;
