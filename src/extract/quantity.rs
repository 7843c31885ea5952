//! Quantities: money, percentages, counts, ratios and measures (docs/contract.md §3).
//!
//! For every digit token of a body sentence, the extractor reads outwards
//! over tokens, each step a rules list from `rules/quantity/`:
//!
//! ```text
//! [change] [qualifier] [từ|giữa] [prefix unit] NUMBER [scale…] [- NUMBER [scale…]] [unit | counted noun] [trở lên]
//! ```
//!
//! and drops what is not a figure: parts of dates and times (`20/12/2024`,
//! `20:46`), codes (`15-CT/TW`, `COVID-19`, `14E`), labels and ordinals
//! (`lần thứ 14`, `năm 2024`), durations (`6 tháng`), phone numbers, and
//! bare numbers that count nothing. The subject (the metric a figure
//! measures) is read from the clause before the figure, or after it, or
//! carried from the previous figure of the sentence.

use super::number::{is_year_like, parse_number};
use super::numeral::NumeralGrammar;
use super::{Ctx, Extractor, Trigger};
use crate::matcher::{is_all_caps, is_capitalized, LexiconBuilder, PhraseSet, Tok, TokKind};
use crate::model::{DecimalMark, Quantity, QuantityKind};
use crate::rules::quantity::QuantityRules;

#[derive(Debug, Clone)]
struct UnitInfo {
    code: String,
    kind: QuantityKind,
    minor: Option<(PhraseSet<()>, f64)>,
    /// The figure is this many of `code` (a cent: 0.01).
    factor: f64,
}

/// The quantity extractor, compiled from its rules.
#[derive(Debug, Clone)]
pub struct QuantityExtractor {
    units: Vec<UnitInfo>,
    numeral: NumeralGrammar,
    /// The decimal mark of numbers written with digits.
    mark: DecimalMark,
    /// Words after which a unit form is another word (payload: the unit).
    unit_not_before: PhraseSet<usize>,
    unit_forms: PhraseSet<usize>,
    unit_prefix: PhraseSet<usize>,
    unit_suffix: PhraseSet<usize>,
    rate_sep: PhraseSet<()>,
    scale_forms: PhraseSet<f64>,
    scale_suffix: PhraseSet<f64>,
    qual_before: PhraseSet<String>,
    qual_after: PhraseSet<String>,
    change_up: PhraseSet<()>,
    change_down: PhraseSet<()>,
    change_between: PhraseSet<()>,
    not_before: PhraseSet<()>,
    not_before_except: PhraseSet<()>,
    /// Words after which a year-like number before a noun is a year.
    year_after: PhraseSet<()>,
    /// Nouns a year-like number before them names (`2019 target`).
    year_nouns: PhraseSet<()>,
    not_after: PhraseSet<()>,
    time_suffix: PhraseSet<()>,
    phone_min_digits: usize,
    code_min_digits: usize,
    bare_after: PhraseSet<()>,
    /// `bare.share_of`: `1,596 of 2,991 projects`.
    share_of: PhraseSet<()>,
    counted_stop: PhraseSet<()>,
    /// Endings of words that end a counted phrase after its first word.
    counted_stop_endings: Vec<String>,
    /// A capitalised word before a lower-case one may open a counted phrase.
    capital_before_lower: bool,
    counted_not_first: PhraseSet<()>,
    counted_allow: PhraseSet<()>,
    rate_nouns: PhraseSet<()>,
    per_words: PhraseSet<()>,
    per_nouns: PhraseSet<()>,
    joiners: PhraseSet<()>,
    counted_max: usize,
    subj_trailing: PhraseSet<()>,
    subj_leading: PhraseSet<()>,
    subj_cut_after: PhraseSet<()>,
    subj_after_stop: PhraseSet<()>,
    subj_max: usize,
    negative: PhraseSet<()>,
    range_conn: PhraseSet<()>,
    /// `ranges.unit_range_needs_prefix`.
    unit_range_needs_prefix: bool,
    range_prefix: PhraseSet<()>,
    between_prefix: PhraseSet<()>,
    between_conn: PhraseSet<()>,
}

impl QuantityExtractor {
    pub fn new(rules: &QuantityRules, lex: &mut LexiconBuilder) -> QuantityExtractor {
        let mut units = Vec::new();
        let mut unit_forms = lex.set("quantity.unit.forms");
        let mut unit_prefix = lex.set("quantity.unit.prefix");
        let mut unit_suffix = lex.set("quantity.unit.suffix");
        let mut unit_not_before = lex.set("quantity.unit.not_before");
        for (i, u) in rules.units.units.iter().enumerate() {
            for f in &u.forms {
                lex.add(&mut unit_forms, f, u.case_sensitive, i);
            }
            for f in &u.prefix {
                lex.add(&mut unit_prefix, f, u.case_sensitive, i);
            }
            for f in &u.suffix {
                lex.add(&mut unit_suffix, f, true, i);
            }
            for f in &u.not_before {
                lex.add(&mut unit_not_before, f, false, i);
            }
            let minor = match (&u.minor, u.minor_value) {
                (m, Some(v)) if !m.is_empty() => Some((lex.list("quantity.unit.minor", m, ()), v)),
                _ => None,
            };
            units.push(UnitInfo {
                code: u.code.get_ref().clone(),
                kind: u.kind,
                minor,
                factor: u.factor.unwrap_or(1.0),
            });
        }
        let mut scale_forms = lex.set("quantity.scale.forms");
        let mut scale_suffix = lex.set("quantity.scale.suffix");
        for s in &rules.scales.scales {
            for f in &s.forms {
                lex.add(&mut scale_forms, f, false, *s.value.get_ref());
            }
            for f in &s.suffix {
                lex.add(&mut scale_suffix, f, true, *s.value.get_ref());
            }
        }
        let mut qual_before = lex.set("quantity.qualifier.before");
        let mut qual_after = lex.set("quantity.qualifier.after");
        for q in &rules.qualifiers.qualifiers {
            for f in &q.before {
                lex.add(&mut qual_before, f, false, q.name.get_ref().clone());
            }
            for f in &q.after {
                lex.add(&mut qual_after, f, false, q.name.get_ref().clone());
            }
        }
        let ch = &rules.qualifiers.change;
        let c = &rules.context;
        QuantityExtractor {
            units,
            numeral: NumeralGrammar::new(
                &rules.numerals,
                &rules.scales,
                rules.context.number.mark(),
                lex,
            ),
            mark: rules.context.number.mark(),
            unit_not_before,
            unit_forms,
            unit_prefix,
            unit_suffix,
            rate_sep: lex.list("quantity.rate_sep", &rules.units.rate_separators, ()),
            scale_forms,
            scale_suffix,
            qual_before,
            qual_after,
            change_up: lex.list("quantity.change_up", &ch.up, ()),
            change_down: lex.list("quantity.change_down", &ch.down, ()),
            change_between: lex.list("quantity.change_between", &ch.between, ()),
            not_before: lex.list("quantity.not_before", &c.not_quantity.before, ()),
            year_after: lex.list("quantity.year_after", &c.not_quantity.year_after, ()),
            year_nouns: lex.list("quantity.year_nouns", &c.not_quantity.year_nouns, ()),
            not_before_except: lex.list(
                "quantity.not_before_except",
                &c.not_quantity.before_except,
                (),
            ),
            not_after: lex.list("quantity.not_after", &c.not_quantity.after, ()),
            time_suffix: lex.list("quantity.time_suffix", &c.not_quantity.time_suffix, ()),
            phone_min_digits: c.not_quantity.phone_min_digits,
            code_min_digits: c.not_quantity.code_min_digits,
            bare_after: lex.list("quantity.bare_after", &c.bare.after_words, ()),
            share_of: lex.list("quantity.share_of", &c.bare.share_of, ()),
            counted_stop: lex.list("quantity.counted_stop", &c.counted.stop, ()),
            capital_before_lower: c.counted.capital_before_lower,
            counted_stop_endings: c
                .counted
                .stop_endings
                .iter()
                .map(|e| e.trim().to_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            counted_not_first: lex.list("quantity.counted_not_first", &c.counted.not_first, ()),
            counted_allow: lex.list("quantity.counted_allow", &c.counted.allow, ()),
            rate_nouns: lex.list("quantity.rate_nouns", &rules.units.rate_nouns, ()),
            per_words: lex.list("quantity.per_words", &rules.units.per_words, ()),
            per_nouns: lex.list("quantity.per_nouns", &rules.units.per_nouns, ()),
            joiners: lex.list("quantity.joiners", &c.counted.joiners, ()),
            counted_max: c.counted.max_words,
            subj_trailing: lex.list("quantity.subj_trailing", &c.subject.trailing, ()),
            subj_leading: lex.list("quantity.subj_leading", &c.subject.leading, ()),
            subj_cut_after: lex.list("quantity.subj_cut_after", &c.subject.cut_after, ()),
            subj_after_stop: lex.list("quantity.subj_after_stop", &c.subject.after_stop, ()),
            subj_max: c.subject.max_words,
            negative: lex.list("quantity.negative", &c.sign.negative_words, ()),
            range_conn: lex.list("quantity.range_conn", &c.ranges.connectors, ()),
            unit_range_needs_prefix: c.ranges.unit_range_needs_prefix,
            range_prefix: lex.list("quantity.range_prefix", &c.ranges.prefixes, ()),
            between_prefix: lex.list("quantity.between_prefix", &c.ranges.between_prefixes, ()),
            between_conn: lex.list("quantity.between_conn", &c.ranges.between_connectors, ()),
        }
    }
}

/// A figure found in a sentence, in token indices, before subjects.
#[derive(Debug, Clone)]
struct Found {
    /// First and last+1 token of the figure's text.
    first: usize,
    last: usize,
    value: f64,
    value_max: Option<f64>,
    unit: String,
    kind: QuantityKind,
    qualifier: String,
    change: String,
    /// Token range of the counted noun phrase.
    counted: Option<(usize, usize)>,
    /// Token range of the subject.
    subject: Option<(usize, usize)>,
}

/// A number and the scale words after it.
struct Num {
    value: f64,
    /// The value before the scale words (`6,5` of `6,5 tỷ`).
    base: f64,
    /// Token index after the number and its scales.
    next: usize,
    scaled: bool,
    /// More than one number token (`mười lăm`, `3 tỷ 200 triệu`, `một nửa`).
    compound: bool,
    /// A share: `một nửa`, `hai phần ba`.
    fraction: bool,
}

/// Round to 15 significant digits: `524,2 nghìn` is 524200, not
/// 524200.00000000006.
fn round_sig(v: f64) -> f64 {
    // an integer below 2^53 has at most 16 digits but is exact already; those
    // of 15 digits or fewer are unchanged by the rounding
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return v;
    }
    // nor is a value whose shortest decimal has 15 significant digits or
    // fewer: it is the nearest f64 to that decimal
    if significant_digits(ryu::Buffer::new().format(v)) <= 15 {
        return v;
    }
    format!("{v:.14e}").parse::<f64>().unwrap_or(v)
}

/// Significant digits of a decimal (`-0.00125e3` → 3).
fn significant_digits(s: &str) -> usize {
    let mantissa = s.split(['e', 'E']).next().unwrap_or("");
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let start = digits
        .iter()
        .position(|&d| d != b'0')
        .unwrap_or(digits.len());
    let end = digits
        .iter()
        .rposition(|&d| d != b'0')
        .map_or(start, |e| e + 1);
    end.saturating_sub(start)
}

fn clause_break(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Newline
        || (t.kind == TokKind::Symbol
            && matches!(
                t.raw,
                "," | ";" | ":" | "(" | ")" | "." | "!" | "?" | "…" | "\""
            ))
}

impl QuantityExtractor {
    /// Scale words (and glued scale letters) after a number at token `j`;
    /// `tỷ phú` (billionaires), `tỷ lệ` are no scale.
    fn scales(&self, t: &[Tok<'_>], mut j: usize, mut v: f64) -> Num {
        let mut scaled = false;
        loop {
            if let Some(tok) = t.get(j) {
                if tok.glued() && tok.is_word() {
                    if let Some((n, s)) = self.scale_suffix.match_at(t, j) {
                        v *= s;
                        j += n;
                        scaled = true;
                        continue;
                    }
                }
            }
            match self
                .scale_forms
                .match_at(t, j)
                .filter(|&(n, _)| !self.numeral.blocks_scale(t, j + n))
            {
                Some((n, s)) => {
                    v *= s;
                    j += n;
                    scaled = true;
                }
                None => break,
            }
        }
        Num {
            value: v,
            base: 0.0,
            next: j,
            scaled,
            compound: false,
            fraction: false,
        }
    }

    /// The number at token `i`: digits with their scale words (`4.814 tỷ`,
    /// `100K`), joined by words (`1 phẩy 5 tỷ`, `3 tỷ 200 triệu`), or words
    /// (`hai mươi mốt nghìn`, `một nửa`).
    fn number_at(&self, t: &[Tok<'_>], i: usize) -> Option<Num> {
        let x = t.get(i)?;
        if x.is_number() {
            let v = parse_number(x.raw, self.mark)?;
            let mut n = self.scales(t, i + 1, v);
            n.base = v;
            // words continue the digits only from a decimal or scale word
            let continued = t
                .get(i + 1)
                .is_some_and(|x| x.starts_any(self.numeral.continue_mask()));
            if let Some(r) = continued
                .then(|| self.numeral.read(t, i))
                .flatten()
                .filter(|r| r.next > n.next)
            {
                n.value = r.value;
                n.next = r.next;
                n.scaled |= r.scaled;
                n.compound = true;
            }
            return Some(n);
        }
        if !self.numeral.starts_word_number(t, i) {
            return None;
        }
        let r = self
            .numeral
            .fraction_at(t, i)
            .or_else(|| self.numeral.read(t, i))?;
        let base = if r.scaled { 0.0 } else { r.value };
        Some(Num {
            value: r.value,
            base,
            next: r.next,
            scaled: r.scaled,
            compound: r.compound,
            fraction: r.fraction,
        })
    }

    /// A number token that is part of a code, date, time, phone number or
    /// name rather than a figure (judged from glued neighbours).
    fn glued_context_rejects(&self, t: &[Tok<'_>], i: usize) -> bool {
        let tok = &t[i];
        if tok.raw.len() >= self.phone_min_digits
            && tok.raw.starts_with('0')
            && tok.raw.bytes().all(|b| b.is_ascii_digit())
        {
            return true;
        }
        // `lúa OM 5451`: a model code after a word in capitals
        if i > 0
            && tok.raw.len() >= self.code_min_digits
            && tok.raw.bytes().all(|b| b.is_ascii_digit())
            && t[i - 1].is_word()
            && t[i - 1].raw.len() >= 2
            && t[i - 1].raw.bytes().all(|b| b.is_ascii_uppercase())
            && !self.unit_prefix.ends_before(t, i)
        {
            return true;
        }
        if tok.glued() && i > 0 {
            let p = &t[i - 1];
            match p.kind {
                TokKind::Word => {
                    if self.unit_prefix.ends_before(t, i) {
                        return false;
                    }
                    return true; // G20, F0, quý II/…
                }
                TokKind::Symbol => {
                    if matches!(p.raw, "/" | ":" | "#" | "№" | "." | "_" | "@" | "&" | "=") {
                        return true;
                    }
                    // `+84 …` is a phone number, `+0,97%` a change
                    if p.raw == "+"
                        && !tok.raw.contains(',')
                        && tok.raw.bytes().filter(|b| b.is_ascii_digit()).count() >= 4
                    {
                        return true;
                    }
                    if p.raw == "-" && i >= 2 && t[i - 1].glued() && t[i - 2].kind == TokKind::Word
                    {
                        return true; // COVID-19, KT-2
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = t.get(i + 1) {
            if n.glued() {
                match n.kind {
                    // 20/12, 21/NQ-CP, 20:46 — but `5 USD/tấn` has a space first
                    TokKind::Symbol
                        if matches!(n.raw, "/" | ":" | "_" | "@")
                            && t.get(i + 2)
                                .is_some_and(|x| x.glued() && (x.is_number() || x.is_word())) =>
                    {
                        return true;
                    }
                    // 15-CT/TW
                    TokKind::Symbol
                        if n.raw == "-"
                            && t.get(i + 2).is_some_and(|x| x.glued() && x.is_word()) =>
                    {
                        return true;
                    }
                    TokKind::Word => {
                        // an hour has at most two digits (`,0012G` is no time)
                        let hour = tok.raw.len() <= 2;
                        if hour
                            && self.time_suffix.starts_at(t, i + 1)
                            && t.get(i + 2).is_none_or(|x| x.is_number() || !x.glued())
                        {
                            return true; // 20h30, 7h
                        }
                        let known = self.scale_suffix.starts_at(t, i + 1)
                            || self.scale_forms.starts_at(t, i + 1)
                            || self.unit_forms.starts_at(t, i + 1)
                            || self.unit_suffix.starts_at(t, i + 1);
                        if !known {
                            return true; // 14E, 4G
                        }
                    }
                    _ => {}
                }
            }
        }
        false
    }

    /// `10-8-2022`, `20/12/2024`: a number glued to another by `-` or `/`
    /// that is glued to a third.
    fn is_date_triple(t: &[Tok<'_>], i: usize) -> bool {
        let sep = |k: usize| {
            t.get(k).is_some_and(|x| {
                x.glued() && (x.is_symbol("-") || x.is_symbol("/") || x.is_symbol("."))
            })
        };
        let num = |k: usize| t.get(k).is_some_and(|x| x.glued() && x.is_number());
        (sep(i + 1) && num(i + 2) && sep(i + 3) && num(i + 4))
            || (i >= 2
                && sep(i - 1)
                && num(i - 2)
                && t[i - 2].is_number()
                && sep(i + 1)
                && num(i + 2))
    }

    /// Unit forms at `j`: (unit index, tokens used), honouring `not_before`.
    fn unit_at(&self, t: &[Tok<'_>], j: usize) -> Option<(usize, usize)> {
        let (n, &u) = self.unit_forms.match_at(t, j).or_else(|| {
            if t.get(j).is_some_and(|x| x.glued()) {
                self.unit_suffix.match_at(t, j)
            } else {
                None
            }
        })?;
        if let Some(next) = t.get(j + n) {
            if next.is_word() && self.unit_not_before.word_where(t, j + n, |&x| x == u) {
                return None;
            }
            // a unit word glued to more letters or digits is another word (`m` of `m2` is handled by forms)
            if next.glued() && next.is_word() && t[j + n - 1].is_word() {
                return None;
            }
        }
        Some((u, n))
    }

    /// A range connector at `j` followed by a second number: its token index.
    fn range_after(
        &self,
        t: &[Tok<'_>],
        j: usize,
        between: bool,
        prefix_unit: bool,
    ) -> Option<usize> {
        let conn = if between {
            self.between_conn.match_at(t, j)
        } else {
            None
        }
        .or_else(|| self.range_conn.match_at(t, j));
        let (n, _) = conn?;
        let mut k = j + n;
        if prefix_unit {
            if let Some((m, _)) = self.unit_prefix.match_at(t, k) {
                k += m;
            }
        }
        let number = t.get(k).is_some_and(|x| {
            if x.is_number() {
                !Self::is_date_triple(t, k) && !self.glued_context_rejects(t, k)
            } else {
                self.numeral.starts_word_number(t, k) && !NumeralGrammar::is_name(t, k)
            }
        });
        number.then_some(k)
    }

    fn find_in_sentence(&self, t: &[Tok<'_>]) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut consumed = vec![false; t.len()];
        let mut i = 0;
        while i < t.len() {
            if consumed[i]
                || !(t[i].kind == TokKind::Number || self.numeral.starts_word_number(t, i))
            {
                i += 1;
                continue;
            }
            if let Some(f) = self.figure_at(t, i, &mut consumed) {
                i = f.last.max(i + 1);
                out.push(f);
            } else if t[i].is_word() {
                // a number in words that is no figure is passed over whole
                // (`hàng trăm nghìn` is not read again from `nghìn`)
                i = self.number_at(t, i).map_or(i + 1, |n| n.next.max(i + 1));
            } else {
                i += 1;
            }
        }
        out
    }

    fn figure_at(&self, t: &[Tok<'_>], i: usize, consumed: &mut [bool]) -> Option<Found> {
        let words = !t[i].is_number();
        if words {
            // `Ba Lan`, `một số`, `hai bên`, `hàng trăm`, `thứ hai`, `tháng Ba`
            let labelled =
                self.not_before.ends_before(t, i) && !self.not_before_except.ends_before(t, i);
            // `không quá`, `không tới`: a qualifier, not zero
            let qualifier = self.qual_before.starts_at(t, i) || self.range_prefix.starts_at(t, i);
            // a fraction before a fixed phrase: `một phần tư` is no `một phần`
            let fixed = self.numeral.in_fixed(t, i) && self.numeral.fraction_at(t, i).is_none();
            // `ba chìm bảy nổi`, `hai ba người`; not `hai đến ba người`
            let pair = self.numeral.fraction_at(t, i).is_none()
                && self.numeral.in_idiom_pair(t, i, |k| {
                    self.range_conn.starts_at(t, k) || self.between_conn.starts_at(t, k)
                });
            if NumeralGrammar::is_name(t, i) || fixed || labelled || qualifier || pair {
                return None;
            }
        } else if Self::is_date_triple(t, i) {
            // consume the whole date
            let mut k = i;
            while k < t.len()
                && (t[k].is_number() || (k > i && t[k].glued() && t[k].kind == TokKind::Symbol))
            {
                consumed[k] = true;
                k += 1;
                if k < t.len() && !t[k].glued() {
                    break;
                }
            }
            return None;
        } else if self.glued_context_rejects(t, i) {
            consumed[i] = true;
            return None;
        }
        let mut n1 = self.number_at(t, i)?;
        let mut first = i;
        // `,77` and `-,0012G`: a decimal written without its zero
        if !words
            && i > 0
            && t[i - 1].is_symbol(",")
            && t[i].glued()
            && t[i].raw.bytes().all(|b| b.is_ascii_digit())
        {
            let lone = t[i - 1].space_before
                || i == 1
                || (t[i - 2].is_symbol("-") && t[i - 2].space_before);
            if let Some(v) = lone
                .then(|| format!("0.{}", t[i].raw).parse::<f64>().ok())
                .flatten()
            {
                n1 = self.scales(t, i + 1, v);
                n1.base = v;
                first = i - 1;
            }
        }
        let mut sign = 1.0;
        // a sign: `-2,5%` (minus glued to the digits, a space before it),
        // `đạt - 1.200.000` (a minus with a space, right after a verb that
        // a bare figure follows), `âm 5`
        if first > 0 && t[first - 1].is_symbol("-") && !words {
            let f = first;
            let glued = t[f].glued() && t[f - 1].space_before && (f < 2 || !t[f - 2].is_number());
            let spaced = !t[f].glued()
                && t[f - 1].space_before
                && f >= 2
                && self.bare_after.ends_before(t, f - 1);
            if glued || spaced {
                sign = -1.0;
                first = f - 1;
            }
        }
        if sign > 0.0 {
            if let Some((s, _)) = self.negative.match_before(t, first) {
                sign = -1.0;
                first = s;
            }
        }
        // a unit written before the number: `$10`, `USD 5`
        let mut unit: Option<usize> = None;
        if let Some((s, &u)) = self.unit_prefix.match_before(t, i).filter(|_| !words) {
            let adjacent = t[i].glued() || self.units[u].code.len() == 3;
            if adjacent && (s == 0 || !t[s].glued() || !t[s - 1].is_word()) {
                unit = Some(u);
                first = s;
            }
        }
        // the number as written, before its scale words
        let v0 = sign * n1.base;
        let mut value = sign * n1.value;
        let mut value_max = None;
        let mut j = n1.next;
        let mut is_range = false;

        // range right after the first number: `6,5-7%`, `từ 6,5 đến 7%`
        let between = self.between_prefix.ends_before(t, first);
        if let Some(k) = self.range_after(t, j, between, unit.is_some()) {
            if let Some(n2) = self.number_at(t, k) {
                let (mut a, b) = (value, n2.value);
                if !n1.scaled && n2.scaled && n2.base != 0.0 {
                    a = sign * n1.base * (n2.value / n2.base);
                }
                if a <= b || t[j].is_word() {
                    value = a;
                    value_max = Some(b);
                    j = n2.next;
                    is_range = true;
                    consumed[k] = true;
                }
            }
        }

        // the unit after the number(s)
        if unit.is_none() {
            if let Some((u, n)) = self.unit_at(t, j) {
                unit = Some(u);
                j += n;
                // `hai cân rưỡi`, `ba tiếng rưỡi`: and a half
                if value_max.is_none() && value.fract() == 0.0 && self.numeral.half_at(t, j) {
                    value += value.signum() * 0.5;
                    j += 1;
                }
                let f = self.units[u].factor;
                value *= f;
                value_max = value_max.map(|v| v * f);
            }
        }
        // one number word with a unit: `hai lần` is twice (an event
        // count) but `gấp ba lần`, `khoảng ba lần` a ratio; `không điểm`, `hai điểm` only
        // where a bare figure may stand (`đạt không điểm`)
        if let Some(u) = unit.filter(|_| words && !n1.compound && !n1.scaled) {
            let code = self.units[u].code.as_str();
            let ok = match code {
                "times" => self.numeral.times_ok(t, i) || self.qual_before.ends_before(t, i),
                "point" | "percentage_point" => self.bare_after.ends_before(t, i),
                _ => !self.numeral.is_bare_only(t, i) || self.bare_after.ends_before(t, i),
            };
            if !ok {
                return None;
            }
        }
        // `14 điểm ngập`: points of a place, not index points, when a noun follows
        if unit.is_some_and(|u| self.units[u].code == "point")
            && first == i
            && self.counted_at(t, j).is_some()
        {
            unit = None;
            j -= 1;
        }
        let mut unit_code = unit.map(|u| self.units[u].code.clone());
        let mut kind = unit.map(|u| self.units[u].kind);
        if let Some(u) = unit {
            // minor units: `2 đô la 23 xu`, `2 đô la và 23 xen`
            if let Some((minor, mv)) = &self.units[u].minor {
                let mut k = j;
                if self.between_conn.starts_at(t, k) || t.get(k).is_some_and(|x| x.low == "và") {
                    k += 1;
                }
                let cents = match t.get(k) {
                    Some(x) if x.is_number() && x.raw.len() <= 2 => {
                        parse_number(x.raw, self.mark).map(|c| (c, k + 1))
                    }
                    Some(x) if x.is_word() => self
                        .numeral
                        .read(t, k)
                        .filter(|r| !r.scaled && r.value < 100.0 && r.value.fract() == 0.0)
                        .map(|r| (r.value, r.next)),
                    _ => None,
                };
                if let Some((c, e)) = cents {
                    if let Some((n, _)) = minor.match_at(t, e) {
                        value += c * mv;
                        j = e + n;
                        consumed[k] = true;
                    } else if k == j && t[j - 1].is_word() && t.get(e).is_none_or(clause_break) {
                        // `hai đô 23`, `20 Rupees 43`: the cents without
                        // their word, ending the clause
                        value += c * mv;
                        j = e;
                        consumed[k] = true;
                    }
                }
            }
            // rates: `USD/tấn`, `đồng/lít`, `tấn/ha`, `đồng/USD`, `USD/tháng`, `đồng/cổ phiếu`
            if matches!(
                self.units[u].kind,
                QuantityKind::Money | QuantityKind::Measure
            ) {
                if let Some((n, _)) = self.rate_sep.match_at(t, j) {
                    if let Some((u2, m)) = self.unit_at(t, j + n) {
                        if matches!(
                            self.units[u2].kind,
                            QuantityKind::Measure | QuantityKind::Money
                        ) && u2 != u
                        {
                            unit_code =
                                Some(format!("{}/{}", self.units[u].code, self.units[u2].code));
                            j += n + m;
                        }
                    } else if t
                        .get(j + n)
                        .is_some_and(|x| x.is_word() && !is_capitalized(x.raw))
                    {
                        // a noun: one word, or a listed longer one (`cổ phiếu`)
                        let e = j
                            + n
                            + self
                                .rate_nouns
                                .match_at(t, j + n)
                                .map(|(m, _)| m)
                                .unwrap_or(1);
                        let noun: Vec<&str> = t[j + n..e].iter().map(|x| x.raw).collect();
                        unit_code = Some(format!("{}/{}", self.units[u].code, noun.join(" ")));
                        j = e;
                    }
                } else if let Some((pj, n)) = self.per_word_after(t, j) {
                    // a price per unit in words: `31.500 đồng một kg`,
                    // `500.000 đồng mỗi lượng` (a unit, or a listed noun);
                    // also over a conversion in brackets, which the text
                    // leaves out: `VND50.8 million ($2,093) per square meter`
                    let own = pj == j;
                    if let Some((u2, m)) = self.unit_at(t, pj + n) {
                        if matches!(self.units[u2].kind, QuantityKind::Measure) && u2 != u {
                            unit_code =
                                Some(format!("{}/{}", self.units[u].code, self.units[u2].code));
                            if own {
                                j += n + m;
                            }
                        }
                    } else if let Some((m, _)) = self.per_nouns.match_at(t, pj + n) {
                        let noun: Vec<&str> = t[pj + n..pj + n + m].iter().map(|x| x.raw).collect();
                        unit_code = Some(format!("{}/{}", self.units[u].code, noun.join(" ")));
                        if own {
                            j += n + m;
                        }
                    }
                }
            }
            // a range with the unit on both ends: `từ 1000 đồng đến 2000 đồng`
            // (in English only after `from`/`between`: `by 1.05 billion USD
            // to 3.92 billion USD` is a change and a level)
            let prefixed = self.range_prefix.ends_before(t, first) || between;
            if !is_range && (prefixed || !self.unit_range_needs_prefix) {
                if let Some(k) = self.range_after(t, j, between, unit.is_some()) {
                    if let Some(n2) = self.number_at(t, k) {
                        if let Some((u2, n)) = self.unit_at(t, n2.next) {
                            if self.units[u2].code == self.units[u].code && value <= n2.value {
                                value_max = Some(n2.value);
                                j = n2.next + n;
                                is_range = true;
                                consumed[k] = true;
                            }
                        }
                    }
                }
            }
        }

        // qualifier / range prefix before the figure
        let mut qualifier = String::new();
        let mut q_end = first;
        if self.range_prefix.ends_before(t, first) {
            if let Some((s, _)) = self.range_prefix.match_before(t, first) {
                if is_range || self.qual_after.starts_at(t, j) {
                    first = s;
                }
                q_end = s;
            }
        }
        if let Some((s, q)) = self.qual_before.match_before(t, q_end) {
            qualifier = q.clone();
            first = s;
        } else if q_end != first {
            if let Some((s, q)) = self.qual_before.match_before(t, first) {
                qualifier = q.clone();
                first = s;
            }
        }
        if let Some((n, q)) = self.qual_after.match_at(t, j) {
            qualifier = q.clone();
            j += n;
        }

        // no unit: a duration, a label, a count or nothing
        let mut counted = None;
        let mut shared = None;
        if unit_code.is_none() && n1.fraction {
            // `một nửa`, `hai phần ba`: a share
            unit_code = Some(self.numeral.fraction_unit.clone());
            kind = Some(QuantityKind::Ratio);
        }
        if unit_code.is_none() {
            if self.not_after.starts_at(t, j) {
                return None;
            }
            if self.not_before.ends_before(t, i) && !self.not_before_except.ends_before(t, i) {
                return None;
            }
            if t.get(j).is_some_and(|x| x.glued() && x.is_word()) {
                return None;
            }
            counted = self.counted_at(t, j);
            if words {
                // a number word counts a noun unless it makes one word with
                // it (`ba lô`) or is also an article, a year or `not` alone
                // (`một doanh nghiệp`, `năm học`); alone it is a figure only
                // with a scale, where a bare figure may stand (`đạt ba triệu`)
                let ok = match counted {
                    // `ít nhất một tàu`: after a qualifier even `một` counts
                    Some((a, _)) => {
                        !self.numeral.joins_number(t, a)
                            && (n1.compound
                                || n1.scaled
                                || !self.numeral.is_weak(t, i)
                                || self.numeral.weak_counts_after(t, i)
                                || self.numeral.weak_counts_before(t, i, a))
                    }
                    None => n1.scaled && self.bare_after.ends_before(t, first),
                };
                if !ok {
                    return None;
                }
            }
            // a bare year-like number is a year, unless a lower-case word
            // (a verb: `tuyển 2000 sinh viên`) leads to it
            let led_by_word = i > 0
                && t[i - 1].is_word()
                && !is_capitalized(t[i - 1].raw)
                && !self.year_after.ends_before(t, i);
            // `surpass 2019 target`: a noun a year names, whatever leads to it
            let names_noun = self.year_nouns.starts_at(t, i + 1);
            let year = is_year_like(t[i].raw)
                && qualifier.is_empty()
                && (counted.is_none() || !led_by_word || names_noun);
            match counted {
                Some(_) if year => return None,
                Some(_) => {
                    let plain_small = t[i].raw.bytes().all(|b| b.is_ascii_digit()) && v0 < 1000.0;
                    if i > 1
                        && plain_small
                        && t[i - 1].is_word()
                        && is_capitalized(t[i - 1].raw)
                        && first == i
                    {
                        // `COP 26 diễn ra …`: a number that ends a name
                        return None;
                    }
                }
                None => {
                    // `Nhật Bản (2.903)`: a figure in brackets after a name
                    let in_parens = i > 0
                        && t[i - 1].is_symbol("(")
                        && t.get(j).is_some_and(|x| x.is_symbol(")"))
                        && (t[i].raw.contains('.') || v0 >= 100.0);
                    // `1,596 of 2,991 projects`: a share of a count counts its noun
                    shared = self.share_of_count(t, j);
                    let bare_ok =
                        (self.bare_after.ends_before(t, first) || in_parens || shared.is_some())
                            && !year
                            && !is_range;
                    if !bare_ok {
                        return None;
                    }
                }
            }
            unit_code = Some("count".into());
            kind = Some(QuantityKind::Count);
            if let Some((_, e)) = counted {
                j = e; // the counted noun is the figure's unit: it belongs to its text
            }
            // the noun of the count it is a share of, outside its text
            if counted.is_none() {
                counted = shared;
            }
        }
        let kind = kind.unwrap_or(QuantityKind::Count);
        let unit_code = unit_code.unwrap_or_else(|| "count".into());
        // a measure counts the noun after its unit (`2,5 triệu tấn gạo`:
        // `gạo`), outside its text; a rate has none
        if counted.is_none() && kind == QuantityKind::Measure && !unit_code.contains('/') {
            counted = self.counted_at(t, j);
        }

        // change: `tăng 10,5%`, `giảm 4,1%`, `tăng thêm 1,2 tỷ USD`
        let mut change = String::new();
        let mut k = first;
        for _ in 0..4 {
            if self.change_up.ends_before(t, k) {
                change = "up".into();
                break;
            }
            if self.change_down.ends_before(t, k) {
                change = "down".into();
                break;
            }
            match self
                .change_between
                .match_before(t, k)
                .or_else(|| self.qual_before.match_before(t, k).map(|(s, _)| (s, &())))
            {
                Some((s, _)) => k = s,
                None => break,
            }
        }

        for c in consumed.iter_mut().take(j.min(t.len())).skip(i) {
            *c = true;
        }
        Some(Found {
            value: round_sig(value),
            value_max: value_max.map(round_sig),
            first,
            last: j,
            unit: unit_code,
            kind,
            qualifier,
            change,
            counted,
            subject: None,
        })
    }

    /// A per word after a money figure ending before `j`: right there, after
    /// a conversion in brackets (`VND50.8 million ($2,093) per …`), or after
    /// the bracket that closes this figure (`($2,093) per …`): its index and
    /// length.
    fn per_word_after(&self, t: &[Tok<'_>], j: usize) -> Option<(usize, usize)> {
        let at = |k: usize| self.per_words.match_at(t, k).map(|(n, _)| (k, n));
        if let Some(hit) = at(j) {
            return Some(hit);
        }
        let x = t.get(j)?;
        if x.is_symbol(")") && j > 0 {
            return at(j + 1);
        }
        if x.is_symbol("(") {
            let close = (j + 1..(j + 12).min(t.len())).find(|&k| t[k].is_symbol(")"))?;
            return at(close + 1);
        }
        None
    }

    /// After a bare number, `of` + a number + a counted noun (`1,596 of
    /// 2,991 projects`): that noun phrase.
    fn share_of_count(&self, t: &[Tok<'_>], j: usize) -> Option<(usize, usize)> {
        let (m, _) = self.share_of.match_at(t, j)?;
        if !t.get(j + m)?.is_number() {
            return None;
        }
        let n = self.number_at(t, j + m)?;
        if self.unit_at(t, n.next).is_some() {
            return None;
        }
        self.counted_at(t, n.next)
    }

    /// The counted noun phrase starting at token `j`, if a noun starts there.
    fn counted_at(&self, t: &[Tok<'_>], j: usize) -> Option<(usize, usize)> {
        let starts_np = |k: usize| -> bool {
            t.get(k).is_some_and(|x| {
                let adjective = self.capital_before_lower
                    && t.get(k + 1)
                        .is_some_and(|y| y.is_word() && y.space_before && !is_capitalized(y.raw));
                x.is_word()
                    && (!is_capitalized(x.raw) || is_all_caps(x.raw) || adjective)
                    && (!self.counted_stop.starts_at(t, k) || self.counted_allow.starts_at(t, k))
                    && !self.not_after.starts_at(t, k)
                    && (k > j || !self.counted_not_first.starts_at(t, k))
            })
        };
        if !starts_np(j) {
            return None;
        }
        let mut k = j;
        let mut words = 0;
        while k < t.len() && words < self.counted_max {
            let x = &t[k];
            if x.is_word() {
                let ending = k > j
                    && self
                        .counted_stop_endings
                        .iter()
                        .any(|e| x.low.len() > e.len() + 2 && x.low.ends_with(e.as_str()));
                if k > j
                    && (self.counted_stop.starts_at(t, k) || ending)
                    && !self.counted_allow.starts_at(t, k)
                {
                    if self.joiners.starts_at(t, k)
                        && starts_np(k + 1)
                        && t.get(k + 1).is_some_and(|y| !y.is_number())
                    {
                        k += 1;
                        words += 1;
                        continue;
                    }
                    break;
                }
                k += 1;
                words += 1;
            } else if x.is_symbol("-")
                && x.glued()
                && t.get(k + 1).is_some_and(|y| y.glued() && y.is_word())
            {
                k += 1; // máy móc-thiết bị
            } else {
                break;
            }
        }
        Some((j, k))
    }

    /// Subjects for the figures of one sentence (see the module doc).
    fn subjects(&self, t: &[Tok<'_>], found: &mut [Found]) {
        for fi in 0..found.len() {
            let f = &found[fi];
            // left boundary: clause start, or the end of the previous figure
            let mut left = f.first;
            while left > 0 && !clause_break(&t[left - 1]) {
                left -= 1;
            }
            let prev_end = if fi > 0 { found[fi - 1].last } else { 0 };
            let prev_in_clause = fi > 0 && prev_end > left;
            if prev_in_clause {
                left = prev_end;
            }
            let mut s = left;
            let mut e = f.first;
            // strip the change word and linkers at the end
            loop {
                let before = e;
                let starts = [
                    self.subj_trailing.match_before(t, e).map(|m| m.0),
                    self.change_up.match_before(t, e).map(|m| m.0),
                    self.change_down.match_before(t, e).map(|m| m.0),
                    self.qual_before.match_before(t, e).map(|m| m.0),
                    self.range_prefix.match_before(t, e).map(|m| m.0),
                ];
                if let Some(x) = starts.into_iter().flatten().filter(|&x| x >= s).min() {
                    e = x;
                }
                if e == before {
                    break;
                }
            }
            // cut through `như`, `so với`, …
            let mut k = e;
            while k > s {
                if let Some((x, _)) = self.subj_cut_after.match_before(t, k) {
                    if x >= s {
                        s = k;
                        break;
                    }
                }
                k -= 1;
            }
            // strip leading discourse markers and time phrases
            loop {
                let before = s;
                if let Some((n, _)) = self.subj_leading.match_at(t, s) {
                    if s + n <= e {
                        s += n;
                    }
                }
                if s < e && (t[s].is_number() || t[s].kind == TokKind::Symbol) {
                    s += 1;
                }
                if s + 1 < e
                    && (t[s].low == "năm" || t[s].low == "tháng" || t[s].low == "quý")
                    && t[s + 1].is_number()
                {
                    s += 2;
                }
                if s == before {
                    break;
                }
            }
            // a subject that is only a time phrase or a number is no subject
            let words = (s..e).filter(|&k| t[k].is_word()).count();
            let only_time = (s..e).all(|k| {
                t[k].is_number()
                    || t[k].kind == TokKind::Symbol
                    || matches!(t[k].low.as_ref(), "năm" | "tháng" | "quý" | "ngày")
            });
            let before = if words > 0 && !only_time && words <= self.subj_max {
                Some((s, e))
            } else {
                None
            };
            // after the figure: `gia tăng 6,5% tổng giá trị xuất khẩu so với …`
            let mut after = None;
            if matches!(f.kind, QuantityKind::Percent | QuantityKind::Money) {
                let a = f.last;
                let mut b = a;
                while b < t.len() && b - a < self.subj_max {
                    let x = &t[b];
                    if clause_break(x)
                        || (x.is_word() && self.subj_after_stop.starts_at(t, b))
                        || x.is_number()
                    {
                        break;
                    }
                    b += 1;
                }
                while b > a && t[b - 1].kind == TokKind::Symbol {
                    b -= 1;
                }
                if b > a && t[a].is_word() && !is_capitalized(t[a].raw) {
                    after = Some((a, b));
                }
            }
            // a change written before the figure and a noun phrase after it:
            // the noun phrase is what changed
            let mut subject = if !f.change.is_empty() && after.is_some() {
                after
            } else {
                before.or(after)
            };
            if subject.is_none() && fi > 0 {
                subject = found[fi - 1].subject;
            }
            found[fi].subject = subject;
        }
    }
}

impl Extractor for QuantityExtractor {
    type Row = Quantity;

    #[inline(never)] // one call per document: stays a frame of its own in profiles
    fn extract(&self, ctx: &Ctx<'_>) -> Vec<Quantity> {
        let mut rows = Vec::new();
        let trigger = Trigger {
            sets: self.numeral.mask(),
            digits: true,
        };
        for (si, sr) in ctx.sentences.iter().enumerate() {
            if !ctx.wants(si, &trigger) || ctx.is_skipped(sr) {
                continue;
            }
            let t = ctx.sentence_tokens(si);
            let mut found = self.find_in_sentence(t);
            self.subjects(t, &mut found);
            for f in found {
                let Some(a) = t.get(f.first) else { continue };
                let Some(b) = t.get(f.last.saturating_sub(1)) else {
                    continue;
                };
                let r = a.start..b.end;
                let (start, end) = ctx.char_span(&r);
                let span_of = |(x, y): (usize, usize)| -> Option<String> {
                    if x >= y {
                        return None;
                    }
                    let r = t.get(x)?.start..t.get(y - 1)?.end;
                    let s = ctx.display(&r);
                    (!s.is_empty()).then_some(s)
                };
                let subject = match f.kind {
                    QuantityKind::Money | QuantityKind::Percent | QuantityKind::Ratio => {
                        f.subject.and_then(span_of)
                    }
                    _ => None,
                };
                rows.push(Quantity {
                    start,
                    end,
                    text: ctx.source_text(&r),
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    kind: f.kind,
                    qualifier: f.qualifier,
                    change: f.change,
                    counted: f.counted.and_then(span_of),
                    subject,
                    sentence: si,
                });
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths of `round_sig` give what formatting to 15 digits and
    /// parsing back gives.
    #[test]
    fn round_sig_is_fifteen_digits() {
        let slow = |v: f64| format!("{v:.14e}").parse::<f64>().unwrap_or(v);
        let mut values = vec![
            0.0,
            6.5,
            0.1,
            0.3,
            1.0 / 3.0,
            524.2 * 1000.0,
            12.4e9,
            4814e9,
            1e15,
            1e16 + 2.0,
            2.5e-7,
            123456.789,
            0.1 + 0.2,
        ];
        for k in 1..2000 {
            let x = f64::from(k) * 0.37;
            values.extend([x, x * 1000.0, x * 1e6, x * 1e9, x / 7.0, x * 0.001]);
        }
        for v in values {
            assert_eq!(round_sig(v).to_bits(), slow(v).to_bits(), "{v}");
        }
        assert_eq!(significant_digits("-0.00125e3"), 3);
        assert_eq!(significant_digits("12400000000.0"), 3);
    }

    /// The extractor alone (no pipeline): each row of the table is a
    /// sentence and the figures it must give, as (text, value, value_max,
    /// unit, qualifier, change).
    #[test]
    fn figures_of_sentences() {
        use crate::rules::RuleSource;
        let rules = QuantityRules::load(&RuleSource::Embedded.lang("vi")).expect("rules");
        let mut b = LexiconBuilder::new();
        let ex = QuantityExtractor::new(&rules, &mut b);
        let lex = b.build();
        type Want = (
            &'static str,
            f64,
            Option<f64>,
            &'static str,
            &'static str,
            &'static str,
        );
        let cases: &[(&str, &[Want])] = &[
            (
                "Doanh thu đạt trên 4.814 tỷ đồng.",
                &[("trên 4.814 tỷ đồng", 4.814e12, None, "VND", "over", "")],
            ),
            (
                "Kim ngạch tăng 6,5% so với cùng kỳ.",
                &[("6,5%", 6.5, None, "percent", "", "up")],
            ),
            (
                "Vốn đăng ký khoảng 3,5-4 tỷ USD.",
                &[("khoảng 3,5-4 tỷ USD", 3.5e9, Some(4e9), "USD", "about", "")],
            ),
            (
                "Đón gần 60 đoàn khách quốc tế.",
                &[(
                    "gần 60 đoàn khách quốc tế",
                    60.0,
                    None,
                    "count",
                    "nearly",
                    "",
                )],
            ),
            (
                "Giá giảm 200 USD/tấn.",
                &[("200 USD/tấn", 200.0, None, "USD/t", "", "down")],
            ),
            ("Ngày 10/8/2022, năm 2024 và số 15-CT/TW.", &[]),
            ("Hotline 0912.345.678 hoạt động 24/7.", &[]),
        ];
        for &(text, want) in cases {
            let got = crate::extract::with_ctx(
                text,
                crate::rules::text::TextRules::builtin(),
                &lex,
                |ctx| ex.extract(ctx),
            );
            let got: Vec<(String, f64, Option<f64>, String, String, String)> = got
                .into_iter()
                .map(|q| (q.text, q.value, q.value_max, q.unit, q.qualifier, q.change))
                .collect();
            let want: Vec<(String, f64, Option<f64>, String, String, String)> = want
                .iter()
                .map(|&(t, v, m, u, ql, c)| (t.into(), v, m, u.into(), ql.into(), c.into()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
