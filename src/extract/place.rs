//! Countries (ISO 3166-1 alpha-2) and regions/blocs mentioned in a document
//! (docs/contract.md §3 "Countries and regions").
//!
//! Every body sentence is tokenized and matched against one phrase
//! dictionary holding the country forms, the region forms and the
//! `not_country` phrases of `rules/place/`, whole tokens, case-insensitively,
//! longest phrase first at each token. Then:
//!
//! 1. Case: a form counts only when written like the rules write it: the
//!    first capitalised word of a country form capitalised (`Mỹ`, not `mỹ`),
//!    every capitalised word of a region form (`Trung Đông`), all-capitals
//!    forms in capitals (`UK`, `WHO`); an upper-case sentence passes.
//!    A match that fails is kept as a blocker (it still explains its words).
//! 2. Overlaps: among country and region matches the longest wins, then the
//!    earliest (`Mỹ Latinh` over `Mỹ`, `Việt Nam` over `Nam Hàn`); a match
//!    lying inside a `not_country` phrase or a failed match is dropped
//!    (`Thái Nguyên`, `Chủ Nhật`), one only overlapping it is not
//!    (`người Thái Lan`).
//! 3. Matches in skipped lines, inside `exclude` (person names), or glued
//!    into a domain or code (`BDK.VN`, `VN-Index`) are dropped.
//! 4. Ambiguous forms (`Anh`, `Đức`, `Nga`, …) must not be glued into a
//!    name: not after a capitalised name syllable or honorific, not before a
//!    given-name syllable (`Nguyễn Đức Hải`, `Tuấn Anh`, `chị Nga`).
//! 5. Weak readings (forms in `need_support`, ambiguous forms opening a
//!    sentence, ambiguous region forms) count only with support: a cue word
//!    before (`người Nhật`), a paired country (`Việt - Nhật`, `Mỹ, Nhật`),
//!    or the same country/region counted elsewhere in the document.
//!
//! The word lists are data: `rules/place/context.toml`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{resolve_overlaps, Ctx, Ranges, Trigger};
use crate::fold::{fold, lower};
use crate::matcher::{
    is_all_caps, is_capitalized, tokenize, LexiconBuilder, PhraseSet, Tok, TokKind,
};
use crate::model::{Country, Region, TextMention};
use crate::rules::place::{form_key, PlaceRules};

/// What a form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Country(usize),
    Region(usize),
    /// A `not_country` phrase.
    Block,
}

/// Case a word of the text must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Any,
    Upper,
    AllCaps,
}

#[derive(Debug, Clone)]
struct Form {
    target: Target,
    /// One entry per token of the form.
    case: Vec<Case>,
    ambiguous: bool,
    /// Never counts without support.
    always_weak: bool,
    /// Needs support when it opens a sentence (`Anh cho biết …`).
    weak_at_start: bool,
    /// `form_key` of the written form.
    key: String,
    /// Every word is a capitalised syllable (`Thái Lan`, `Anh Quốc`): after
    /// a surname it is a person's name (`Phạm Thái Lan`).
    name_like: bool,
}

#[derive(Debug, Clone)]
struct CountryInfo {
    code: String,
    name_en: String,
    name_vi: String,
}

/// The place extractor, compiled from its rules.
#[derive(Debug, Clone)]
pub struct PlaceExtractor {
    countries: Vec<CountryInfo>,
    regions: Vec<String>,
    forms: Vec<Form>,
    dict: PhraseSet<usize>,
    surnames: PhraseSet<()>,
    given: PhraseSet<()>,
    not_name: PhraseSet<()>,
    honorifics: PhraseSet<()>,
    cues: PhraseSet<()>,
    pair_words: PhraseSet<()>,
    connectors: PhraseSet<bool>,
    trigger: Trigger,
}

/// A match of the dictionary in one sentence.
#[derive(Debug, Clone)]
struct Cand {
    sent: usize,
    /// Token range in the sentence.
    ti: usize,
    tj: usize,
    /// Byte range in the normalized text.
    range: Range<usize>,
    form: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Accepted,
    Weak,
    Rejected,
}

fn lowset(list: &[String]) -> HashSet<String> {
    list.iter().map(|s| lower(&fold(s))).collect()
}

/// The case pattern of a form: for countries only the first capitalised
/// word must be capitalised (`Việt nam` is sloppy but Việt Nam), for regions
/// every capitalised word; all-capitals words must be in capitals.
fn case_pattern(form: &str, all_words: bool) -> Vec<Case> {
    let f = fold(form);
    let mut first = true;
    tokenize(&f, 0..f.len())
        .iter()
        .filter(|t| t.kind != TokKind::Newline)
        .map(|t| {
            let (word, raw) = (t.kind == TokKind::Word, t.text(&f));
            if word && is_all_caps(raw) {
                first = false;
                Case::AllCaps
            } else if word && is_capitalized(raw) && (first || all_words) {
                first = false;
                Case::Upper
            } else {
                Case::Any
            }
        })
        .collect()
}

/// The word carries a letter of the Vietnamese alphabet beyond ASCII
/// (`Đức`, `Hải`, `Á`), so it looks like a Vietnamese syllable; `Miloš`,
/// `Müller` do not.
fn has_vi_letter(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            'à'..='ã' | 'è'..='ê' | 'ì' | 'í' | 'ò'..='õ' | 'ù' | 'ú' | 'ý'
            | 'À'..='Ã' | 'È'..='Ê' | 'Ì' | 'Í' | 'Ò'..='Õ' | 'Ù' | 'Ú' | 'Ý'
            | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
            | '\u{1EA0}'..='\u{1EF9}')
    })
}

/// No word or number before token `k` in its sentence (quotes, brackets and
/// bullets may open it).
fn is_initial(toks: &[Tok<'_>], k: usize) -> bool {
    toks[..k].iter().all(|t| t.kind == TokKind::Symbol)
}

/// Capitals say nothing in this sentence: it is upper-case
/// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) or title-case
/// (`Xuất Khẩu Sang Mỹ Tăng Mạnh`).
fn is_loose_sentence(toks: &[Tok<'_>]) -> bool {
    let words: Vec<&Tok<'_>> = toks.iter().filter(|t| t.is_word()).collect();
    // a word token is letters (and marks) only: its length counts letters
    let all_caps = words.iter().all(|t| !t.raw.chars().any(char::is_lowercase));
    if all_caps && words.iter().map(|t| t.raw.chars().count()).sum::<usize>() >= 4 {
        return true;
    }
    let caps = words.iter().filter(|t| is_capitalized(t.raw)).count();
    words.len() >= 4 && caps * 5 >= words.len() * 4
}

impl PlaceExtractor {
    pub fn new(rules: &PlaceRules, lex: &mut LexiconBuilder) -> PlaceExtractor {
        let mut dict = lex.set("place.forms");
        let mut forms = Vec::new();
        let need: HashSet<String> = rules
            .context
            .support
            .need_support
            .iter()
            .map(|f| form_key(f.get_ref()))
            .collect();
        let at_start: HashSet<String> = rules
            .context
            .support
            .weak_at_start
            .iter()
            .map(|f| form_key(f.get_ref()))
            .collect();
        let form = |text: &str, target: Target, all_words: bool, ambiguous: bool| {
            let key = form_key(text);
            Form {
                target,
                case: case_pattern(text, all_words),
                ambiguous,
                always_weak: ambiguous
                    && (need.contains(&key) || matches!(target, Target::Region(_))),
                weak_at_start: ambiguous && at_start.contains(&key),
                name_like: {
                    let f = fold(text);
                    let t = tokenize(&f, 0..f.len());
                    t.len() <= 3
                        && t.iter().all(|w| {
                            let raw = w.text(&f);
                            w.kind == TokKind::Word && is_capitalized(raw) && !is_all_caps(raw)
                        })
                },
                key,
            }
        };
        let mut add = |text: &str, form: Form, dict: &mut PhraseSet<usize>| {
            lex.add(dict, text, false, forms.len());
            forms.push(form);
        };
        let mut countries = Vec::new();
        for (ci, c) in rules.countries.countries.iter().enumerate() {
            countries.push(CountryInfo {
                code: c.code.get_ref().clone(),
                name_en: c.name_en.clone(),
                name_vi: c.name_vi.clone(),
            });
            for a in &c.aliases {
                add(
                    a.get_ref(),
                    form(a.get_ref(), Target::Country(ci), false, false),
                    &mut dict,
                );
            }
            for a in &c.ambiguous {
                add(
                    a.get_ref(),
                    form(a.get_ref(), Target::Country(ci), false, true),
                    &mut dict,
                );
            }
        }
        let mut regions = Vec::new();
        for (ri, r) in rules.regions.regions.iter().enumerate() {
            regions.push(r.name.get_ref().clone());
            for a in &r.aliases {
                add(
                    a.get_ref(),
                    form(a.get_ref(), Target::Region(ri), true, false),
                    &mut dict,
                );
            }
            for a in &r.ambiguous {
                add(
                    a.get_ref(),
                    form(a.get_ref(), Target::Region(ri), true, true),
                    &mut dict,
                );
            }
        }
        for nc in &rules.countries.not_country {
            add(
                nc.text.get_ref(),
                form(nc.text.get_ref(), Target::Block, false, false),
                &mut dict,
            );
        }
        let ctx = &rules.context;
        let mut connectors = lex.set("place.connectors");
        let pair_conn = lowset(&ctx.support.pair_connectors);
        for c in &ctx.support.connectors {
            lex.add(
                &mut connectors,
                c,
                false,
                pair_conn.contains(&lower(&fold(c))),
            );
        }
        let trigger = Trigger {
            sets: dict.mask(),
            digits: false,
        };
        PlaceExtractor {
            countries,
            regions,
            forms,
            dict,
            surnames: lex.list("place.surnames", &ctx.names.surnames, ()),
            given: lex.list("place.given", &ctx.names.given, ()),
            not_name: lex.list("place.not_name", &ctx.names.not_name, ()),
            honorifics: lex.list("place.honorifics", &ctx.names.honorifics, ()),
            cues: lex.list("place.cues", &ctx.support.cue_before, ()),
            pair_words: lex.list("place.pair_words", &ctx.support.pair_words, ()),
            connectors,
            trigger,
        }
    }

    /// Countries and regions of a document, one row each with every mention.
    /// `exclude`: normalized byte ranges (person names) where no place is read.
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn extract(&self, ctx: &Ctx<'_>, exclude: &[Range<usize>]) -> (Vec<Country>, Vec<Region>) {
        let sents: Vec<&[Tok<'_>]> = ctx
            .sentences
            .iter()
            .enumerate()
            .map(|(si, s)| {
                if !ctx.wants(si, &self.trigger) || ctx.is_skipped(s) {
                    &[][..]
                } else {
                    ctx.sentence_tokens(si)
                }
            })
            .collect();
        let loose: Vec<bool> = sents.iter().map(|t| is_loose_sentence(t)).collect();

        // 1-2. matches, case, overlaps, blockers
        let mut cands: Vec<Cand> = Vec::new();
        for (si, tk) in sents.iter().enumerate() {
            let mut found: Vec<Cand> = Vec::new();
            let mut blocks: Vec<Range<usize>> = Vec::new();
            for i in 0..tk.len() {
                let Some((n, &fi)) = self.dict.match_at(tk, i) else {
                    continue;
                };
                let range = tk[i].start..tk[i + n - 1].end;
                let form = &self.forms[fi];
                if form.target == Target::Block || !(loose[si] || self.case_ok(form, &tk[i..i + n]))
                {
                    blocks.push(range);
                    continue;
                }
                found.push(Cand {
                    sent: si,
                    ti: i,
                    tj: i + n,
                    range,
                    form: fi,
                });
            }
            let spans: Vec<Range<usize>> = found.iter().map(|c| c.range.clone()).collect();
            let blocks = Ranges::new(blocks);
            for k in resolve_overlaps(&spans) {
                let c = &found[k];
                if !blocks.contains(&c.range) {
                    cands.push(c.clone());
                }
            }
        }

        // the candidates of each sentence (they are in sentence order)
        let mut by_sent: Vec<Range<usize>> = vec![0..0; sents.len()];
        let mut k = 0;
        while k < cands.len() {
            let si = cands[k].sent;
            let start = k;
            while k < cands.len() && cands[k].sent == si {
                k += 1;
            }
            by_sent[si] = start..k;
        }
        // 3-5. context. A form that the document also uses inside a person's
        // name (`chị Nga`, `Nguyễn Đức Hải`, an excluded range) is weak when it
        // opens a sentence (`Nga kể rằng …`).
        let mut rejected: Vec<bool> = Vec::with_capacity(cands.len());
        let mut name_forms: HashSet<&str> = HashSet::new();
        let exclude = Ranges::new(exclude.iter().cloned());
        for c in &cands {
            let tk = &sents[c.sent];
            let form = &self.forms[c.form];
            let excluded = exclude.overlaps(&c.range);
            let same = &cands[by_sent[c.sent].clone()];
            let named = if form.ambiguous {
                excluded || self.in_name(tk, c, same, loose[c.sent])
            } else {
                form.name_like && !loose[c.sent] && self.after_surname_run(tk, c, same)
            };
            if named && form.ambiguous && !ctx.is_skipped(&c.range) {
                name_forms.insert(form.key.as_str());
            }
            rejected.push(
                ctx.is_skipped(&c.range) || excluded || named || self.glued_into_code(tk, c, form),
            );
        }
        let mut state: Vec<State> = Vec::with_capacity(cands.len());
        for (c, &rej) in cands.iter().zip(&rejected) {
            let form = &self.forms[c.form];
            let opens = is_initial(sents[c.sent], c.ti);
            let st = if rej {
                State::Rejected
            } else if form.ambiguous
                && (form.always_weak
                    || (opens && (form.weak_at_start || name_forms.contains(form.key.as_str()))))
            {
                State::Weak
            } else {
                State::Accepted
            };
            state.push(st);
        }
        let mut accepted: HashSet<Target> = (0..cands.len())
            .filter(|&k| state[k] == State::Accepted)
            .map(|k| self.forms[cands[k].form].target)
            .collect();
        loop {
            let mut changed = false;
            for k in 0..cands.len() {
                if state[k] == State::Weak {
                    let same = by_sent[cands[k].sent].clone();
                    if self.supported(k, &cands, same, &state, sents[cands[k].sent], &accepted) {
                        state[k] = State::Accepted;
                        accepted.insert(self.forms[cands[k].form].target);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }

        // rows, ordered by first mention
        let mut countries: Vec<Country> = Vec::new();
        let mut regions: Vec<Region> = Vec::new();
        let mut crow: HashMap<usize, usize> = HashMap::new();
        let mut rrow: HashMap<usize, usize> = HashMap::new();
        let mut order: Vec<usize> = (0..cands.len())
            .filter(|&k| state[k] == State::Accepted)
            .collect();
        order.sort_by_key(|&k| (cands[k].range.start, cands[k].range.end));
        for k in order {
            let c = &cands[k];
            let (start, end) = ctx.char_span(&c.range);
            let m = TextMention {
                start,
                end,
                text: ctx.source_text(&c.range),
            };
            match self.forms[c.form].target {
                Target::Country(ci) => {
                    let row = *crow.entry(ci).or_insert_with(|| {
                        let info = &self.countries[ci];
                        countries.push(Country {
                            code: info.code.clone(),
                            name_en: info.name_en.clone(),
                            name_vi: info.name_vi.clone(),
                            mentions: Vec::new(),
                        });
                        countries.len() - 1
                    });
                    countries[row].mentions.push(m);
                }
                Target::Region(ri) => {
                    let row = *rrow.entry(ri).or_insert_with(|| {
                        regions.push(Region {
                            name: self.regions[ri].clone(),
                            mentions: Vec::new(),
                        });
                        regions.len() - 1
                    });
                    regions[row].mentions.push(m);
                }
                Target::Block => {}
            }
        }
        (countries, regions)
    }

    fn case_ok(&self, form: &Form, words: &[Tok<'_>]) -> bool {
        form.case.iter().zip(words).all(|(c, t)| match c {
            Case::Any => true,
            Case::Upper => is_capitalized(t.raw),
            Case::AllCaps => !t.raw.chars().any(|ch| ch.is_lowercase()),
        })
    }

    /// An all-capitals form glued into a code, ticker or domain (`BDK.VN`,
    /// `VN-Index`), or any form glued into a handle (`@Vietnam`, `Viet_Nam`).
    fn glued_into_code(&self, tk: &[Tok<'_>], c: &Cand, form: &Form) -> bool {
        let acronym = form.case.contains(&Case::AllCaps) && !form.case.contains(&Case::Upper);
        let joins = |t: &Tok<'_>| {
            if acronym {
                t.is_word()
                    || t.is_number()
                    || ["-", ".", "/", "_", "@", "&"]
                        .iter()
                        .any(|s| t.is_symbol(s))
            } else {
                // not `.`: `tại Việt Nam.Trong năm` is a missing space
                ["@", "_"].iter().any(|s| t.is_symbol(s))
            }
        };
        let word_like = |t: &Tok<'_>| t.is_word() || t.is_number();
        // `US-China`, `Vietnam-US`: a dash between two countries makes a pair, no code
        let dash = |t: &Tok<'_>| t.is_symbol("-") || t.is_symbol("–");
        // before
        if c.ti > 0 && tk[c.ti].glued() {
            let p = &tk[c.ti - 1];
            if word_like(p) && acronym {
                return true;
            }
            let pair = dash(p) && self.dict.ends_before(tk, c.ti - 1);
            if joins(p) && c.ti >= 2 && p.glued() && word_like(&tk[c.ti - 2]) && !pair {
                return true;
            }
        }
        // after
        if let Some(n) = tk.get(c.tj) {
            if n.glued() {
                if word_like(n) && acronym {
                    return true;
                }
                let pair = dash(n) && self.dict.starts_at(tk, c.tj + 1);
                if joins(n) && tk.get(c.tj + 1).is_some_and(|m| m.glued() && word_like(m)) && !pair
                {
                    return true;
                }
            }
        }
        false
    }

    /// Token `k` lies inside another unambiguous match of the same sentence
    /// (`same`: the sentence's candidates). Two ambiguous forms side by side
    /// are a name (`Đức Anh`), a form next to `Việt Nam` is not.
    fn in_other(&self, same: &[Cand], c: &Cand, k: usize) -> bool {
        // the candidates of a sentence are disjoint and in text order: the
        // one that may hold `k` is the last that starts at or before it
        let i = same.partition_point(|o| o.ti <= k);
        i.checked_sub(1)
            .map(|i| &same[i])
            .is_some_and(|o| k < o.tj && o.ti != c.ti && !self.forms[o.form].ambiguous)
    }

    /// Token `k` is a surname or given-name syllable (and not listed as no name).
    fn is_name_syllable(&self, tk: &[Tok<'_>], k: usize) -> bool {
        !self.not_name.has_word(tk, k)
            && (self.surnames.has_word(tk, k) || self.given.has_word(tk, k))
    }

    /// An unambiguous form right after a run of capitalised words holding a
    /// surname (`Phạm Thái Lan`, `Nguyễn Anh Quốc`): a person's name.
    fn after_surname_run(&self, tk: &[Tok<'_>], c: &Cand, same: &[Cand]) -> bool {
        let cap = |t: &Tok<'_>| t.is_word() && is_capitalized(t.raw) && !is_all_caps(t.raw);
        let mut s = c.ti;
        while s > 0 && tk[s].space_before && cap(&tk[s - 1]) && !self.in_other(same, c, s - 1) {
            s -= 1;
        }
        self.has_surname(&tk[s..c.ti])
    }

    /// A word of the run is a surname (`Bà Phạm Thái Lan`, `Nguyễn Trung Anh`).
    fn has_surname(&self, run: &[Tok<'_>]) -> bool {
        (0..run.len()).any(|k| self.surnames.has_word(run, k) && !self.not_name.has_word(run, k))
    }

    /// The ambiguous form is glued into a person's or a place's name. In a
    /// `loose` sentence (upper-case or title-case) capitals say nothing, and
    /// only the name lists are read.
    fn in_name(&self, tk: &[Tok<'_>], c: &Cand, same: &[Cand], loose: bool) -> bool {
        if c.ti > 0 && tk[c.ti].space_before && self.honorifics.ends_before(tk, c.ti) {
            return true;
        }
        let cap =
            |t: &Tok<'_>| t.is_word() && (loose || (is_capitalized(t.raw) && !is_all_caps(t.raw)));
        // the run of capitalised words right before: `Nguyễn Thị`, `Tuấn`
        let mut s = c.ti;
        while s > 0 && tk[s].space_before && cap(&tk[s - 1]) && !self.in_other(same, c, s - 1) {
            s -= 1;
            if loose {
                break;
            }
        }
        if s < c.ti {
            let prev = &tk[c.ti - 1];
            if self.is_name_syllable(tk, c.ti - 1) {
                return true;
            }
            if !loose {
                if self.has_surname(&tk[s..c.ti]) {
                    return true;
                }
                if !is_initial(tk, c.ti - 1)
                    && has_vi_letter(prev.raw)
                    && !self.not_name.has_word(tk, c.ti - 1)
                {
                    return true;
                }
            }
        }
        // the word after, a name syllable or any Vietnamese-looking capitalised
        // word: `Đức Hải`, `khu Mỹ Á`; but not a new full name (`tại Nga Đặng
        // Minh Khôi`) nor a foreign one (`Tổng thống Mỹ Joe Biden`)
        if let Some(n) = tk.get(c.tj) {
            if n.space_before
                && cap(n)
                && !self.in_other(same, c, c.tj)
                && !self.not_name.has_word(tk, c.tj)
            {
                let new_name = self.surnames.has_word(tk, c.tj)
                    && tk.get(c.tj + 1).is_some_and(|m| {
                        m.space_before && cap(m) && !self.in_other(same, c, c.tj + 1)
                    });
                if !new_name
                    && (self.is_name_syllable(tk, c.tj) || (!loose && has_vi_letter(n.raw)))
                {
                    return true;
                }
            }
        }
        false
    }

    /// A weak reading has support: a cue word before it, a paired country,
    /// or the same country/region accepted elsewhere.
    fn supported(
        &self,
        k: usize,
        cands: &[Cand],
        same: Range<usize>,
        state: &[State],
        tk: &[Tok<'_>],
        accepted: &HashSet<Target>,
    ) -> bool {
        let c = &cands[k];
        let target = self.forms[c.form].target;
        if accepted.contains(&target) {
            return true;
        }
        let Target::Country(_) = target else {
            return false;
        };
        if self.cues.ends_before(tk, c.ti) {
            return true;
        }
        // the candidates of a sentence are disjoint and in text order: one
        // at most starts (ends) at a given token, found by binary search
        let accepted_country = |j: usize| {
            j != k
                && state[j] == State::Accepted
                && matches!(self.forms[cands[j].form].target, Target::Country(_))
        };
        let in_sentence = &cands[same.clone()];
        let starting_at = |t: usize| {
            let i = in_sentence.partition_point(|o| o.ti < t);
            in_sentence
                .get(i)
                .filter(|o| o.ti == t)
                .is_some_and(|_| accepted_country(same.start + i))
        };
        let ending_at = |t: usize| {
            let i = in_sentence.partition_point(|o| o.tj < t);
            in_sentence
                .get(i)
                .filter(|o| o.tj == t)
                .is_some_and(|_| accepted_country(same.start + i))
        };
        // before: [country | pair word] CONNECTOR form
        if let Some((s, &pair)) = self.connectors.match_before(tk, c.ti) {
            if s > 0 {
                if ending_at(s) {
                    return true;
                }
                if pair && tk[s - 1].is_word() && self.pair_words.has_word(tk, s - 1) {
                    return true;
                }
            }
        }
        // after: form CONNECTOR [country | pair word]
        if let Some((n, &pair)) = self.connectors.match_at(tk, c.tj) {
            let e = c.tj + n;
            if starting_at(e) {
                return true;
            }
            if pair
                && tk
                    .get(e)
                    .is_some_and(|t| t.is_word() && self.pair_words.has_word(tk, e))
            {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSource;

    fn run_ex(text: &str, exclude: &[Range<usize>]) -> (Vec<Country>, Vec<Region>) {
        let rules = PlaceRules::load(&RuleSource::Embedded.lang("vi")).unwrap();
        let mut b = crate::matcher::LexiconBuilder::new();
        let ex = PlaceExtractor::new(&rules, &mut b);
        let lex = b.build();
        crate::extract::with_ctx(
            text,
            crate::rules::text::TextRules::builtin(),
            &lex,
            |ctx| ex.extract(ctx, exclude),
        )
    }

    fn codes(text: &str) -> Vec<String> {
        run_ex(text, &[]).0.into_iter().map(|c| c.code).collect()
    }

    #[test]
    fn aliases_map_to_codes_in_order_of_first_mention() {
        assert_eq!(
            codes("Hàn Quốc, Mỹ và Hoa Kỳ, Ô-xtrây-li-a, Úc."),
            vec!["KR", "US", "AU"]
        );
        let (c, _) = run_ex("Mỹ, Trung Quốc và Hoa Kỳ.", &[]);
        assert_eq!(c[0].mentions.len(), 2);
        assert_eq!(c[0].mentions[1].text, "Hoa Kỳ");
        assert_eq!((c[0].mentions[1].start, c[0].mentions[1].end), (18, 24));
    }

    #[test]
    fn regions_shadow_countries() {
        let (c, r) = run_ex("Thị trường Mỹ Latinh và Trung Đông – Châu Phi.", &[]);
        assert!(c.is_empty(), "{c:?}");
        let names: Vec<_> = r.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Mỹ Latinh", "Trung Đông - châu Phi"]);
    }

    #[test]
    fn case_and_names() {
        assert!(codes("Ông Nguyễn Đức Hải phát biểu.").is_empty());
        assert!(codes("Nguyễn Đức Hải phát biểu.").is_empty());
        assert!(codes("thủ thuật thẩm mỹ, anh em, chị Nga").is_empty());
        assert_eq!(codes("Xuất khẩu sang Nga và Đức tăng."), vec!["RU", "DE"]);
    }

    #[test]
    fn weak_forms_need_support() {
        assert!(codes("Nhật cho biết sẽ đến.").is_empty());
        assert_eq!(codes("Quan hệ Việt - Nhật phát triển."), vec!["JP"]);
        assert_eq!(codes("Hàng Nhật và người Hàn."), vec!["JP", "KR"]);
    }

    #[test]
    fn codes_and_domains_are_not_countries() {
        assert!(codes("BDK.VN - Chiều nay, chỉ số VN-Index tăng.").is_empty());
        assert_eq!(codes("Hàng VN chất lượng cao."), vec!["VN"]);
    }

    #[test]
    fn exclude_ranges_drop_matches() {
        // `Sergei Đức` reads as the country without the person range
        let t = "Đại diện Nga là ông Sergei Đức.";
        assert_eq!(codes(t), vec!["RU", "DE"]);
        let s = t.find("Sergei").unwrap();
        let person: Range<usize> = s..t.len() - 1;
        let (c, _) = run_ex(t, std::slice::from_ref(&person));
        assert_eq!(
            c.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            vec!["RU"]
        );
    }

    #[test]
    fn adjacent_ambiguous_forms_are_a_name() {
        assert!(codes("Phóng viên Đức Anh đưa tin.").is_empty());
        assert_eq!(
            codes("Khách từ Nga, Đức, Anh tăng."),
            vec!["RU", "DE", "GB"]
        );
    }
}
