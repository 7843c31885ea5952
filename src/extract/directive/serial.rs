//! Directives in a language where the request verb is followed by the
//! addressee and the bare task (Vietnamese; rules in
//! `rules/<lang>/directive/{orgs,verbs}.toml`).
//!
//! Shapes read, on tokens of body sentences:
//! 1. `X yêu cầu / đề nghị / chỉ đạo / giao … Y + task`: a request verb, the
//!    addressee right after it, the task after that; the issuer is the
//!    subject before the verb, or carried from the passage.
//! 2. `Y chủ trì, phối hợp với … + task`, `Y có trách nhiệm …`, `Y cần …`:
//!    an addressee opening a sentence or list item, then a lead or modal verb
//!    (anywhere), or a task verb (inside a passage of conclusions or tasks).
//! 3. `Đối với Y, cần …`.
//!
//! A passage starts with a sentence ending in a colon whose subject asks or
//! concludes (`Thủ tướng Chính phủ … kết luận như sau:`): its subject is the
//! issuer of the directives under it. A pronoun subject (`Đồng chí cũng đề
//! nghị`) stands for the office of the last person named. Several
//! addressees in one clause (`Bộ trưởng các Bộ … và Thống đốc …`) give
//! several rows; a clause with no written addressee is kept with an empty one.

use std::collections::HashMap;
use std::ops::Range;

/// The longest clause read as one action, in tokens: the longest action of
/// the evaluation sets and a 50 MB dump has 91 words; a run-on text of
/// commas would otherwise make every request verb's action the rest of it.
const MAX_CLAUSE_TOKENS: usize = 200;

use super::{is_break, is_sym, one_per_addressee, Mentions};
use crate::extract::{Ctx, Trigger};
use crate::matcher::{is_all_caps, LexiconBuilder, PhraseSet, Tok, TokKind};
use crate::model::{Directive, LegalRef, Person};
use crate::rules::directive::DirectiveRules;

pub(super) struct SerialReader {
    names: PhraseSet<()>,
    heads: PhraseSet<()>,
    generic: PhraseSet<()>,
    tails: PhraseSet<()>,
    stretch_from: PhraseSet<()>,
    stretch_to: PhraseSet<()>,
    carry_on: PhraseSet<()>,
    predicates: PhraseSet<()>,
    generic_subjects: PhraseSet<()>,
    pronouns: PhraseSet<()>,
    first_person: PhraseSet<()>,
    request: PhraseSet<()>,
    noun_markers: PhraseSet<()>,
    strong: PhraseSet<()>,
    tasks: PhraseSet<()>,
    for_marker: PhraseSet<()>,
    passage: PhraseSet<()>,
    adverbs: PhraseSet<()>,
    lead: PhraseSet<()>,
    passive_lead: PhraseSet<()>,
    events: PhraseSet<()>,
    countries: PhraseSet<()>,
    agentive: PhraseSet<()>,
    object_nouns: PhraseSet<()>,
    singular: PhraseSet<()>,
    crowd_scale: PhraseSet<()>,
    abbreviated_tails: PhraseSet<()>,
    crowd_nouns: PhraseSet<()>,
    sides: PhraseSet<()>,
    passage_verbs: PhraseSet<()>,
    issuing: PhraseSet<()>,
    not_verbs: PhraseSet<()>,
    doc_words: PhraseSet<()>,
    doc_types: Vec<String>,
    reported_after: Vec<String>,
    lead_sentences: usize,
    trigger: Trigger,
}

/// A directive found in a sentence, before offsets.
struct Found {
    /// Token range of the whole clause.
    span: (usize, usize),
    /// Token range of the issuer when the clause writes it.
    issuer: Option<(usize, usize)>,
    addressee: Option<(usize, usize)>,
    verb: (usize, usize),
    action: (usize, usize),
    /// The issuer is the addressee of a request just before
    /// (`giao Bộ Tài chính chỉ đạo Kho bạc …`): it asks in this clause only.
    relayed: bool,
}

impl SerialReader {
    pub fn new(
        rules: &DirectiveRules,
        country_forms: &[String],
        lex: &mut LexiconBuilder,
    ) -> SerialReader {
        let o = &rules.orgs;
        let v = &rules.verbs;
        let mut d = SerialReader {
            names: lex.list("directive.names", &o.names, ()),
            heads: lex.list_exact("directive.heads", &o.heads, ()),
            generic: lex.list_exact("directive.generic", &o.generic, ()),
            tails: lex.list_exact("directive.tails", &o.tails, ()),
            stretch_from: lex.list_exact("directive.stretch.from", &o.stretch.from, ()),
            stretch_to: lex.list_exact("directive.stretch.to", &o.stretch.to, ()),
            carry_on: lex.list("directive.carry_on", &v.carry_on, ()),
            predicates: lex.list("directive.predicates", &v.predicates, ()),
            generic_subjects: lex.list_exact("directive.generic_subjects", &o.generic_subjects, ()),
            pronouns: lex.list_exact("directive.pronouns", &o.pronouns, ()),
            first_person: lex.list_exact("directive.first_person", &o.first_person, ()),
            request: lex.list("directive.request", &v.request, ()),
            noun_markers: lex.list("directive.noun_markers", &v.noun_markers, ()),
            strong: lex.list("directive.strong", &v.strong, ()),
            tasks: lex.list("directive.tasks", &v.tasks, ()),
            for_marker: lex.list_exact("directive.for_marker", &v.for_marker, ()),
            passage: lex.list("directive.passage", &v.passage, ()),
            adverbs: lex.list("directive.adverbs", &v.adverbs, ()),
            lead: lex.list("directive.lead", &v.lead, ()),
            passive_lead: lex.list("directive.passive_lead", &v.passive_lead, ()),
            events: lex.list("directive.events", &o.events, ()),
            countries: lex.list_exact("directive.countries", country_forms, ()),
            agentive: lex.list("directive.agentive", &v.agentive, ()),
            object_nouns: lex.list("directive.object_nouns", &o.object_nouns, ()),
            singular: lex.list_exact("directive.singular", &o.singular, ()),
            crowd_scale: lex.list_exact("directive.crowd.scale", &o.crowd.scale, ()),
            abbreviated_tails: lex.list_exact(
                "directive.abbreviated_tails",
                &o.abbreviated_tails,
                (),
            ),
            crowd_nouns: lex.list_exact("directive.crowd.nouns", &o.crowd.nouns, ()),
            sides: lex.list("directive.sides", &o.sides, ()),
            passage_verbs: lex.list("directive.passage_verbs", &v.passage_verbs, ()),
            issuing: lex.list("directive.issuing", &v.issuing, ()),
            not_verbs: lex.list("directive.not_verbs", &v.not_verbs, ()),
            doc_words: lex.list_exact("directive.documents.words", &v.documents.words, ()),
            doc_types: v
                .documents
                .types
                .iter()
                .map(|x| x.trim().to_string())
                .collect(),
            reported_after: v
                .documents
                .reported_after
                .iter()
                .map(|x| x.trim().to_string())
                .collect(),
            lead_sentences: v.documents.lead_sentences,
            trigger: Trigger::default(),
        };
        // a sentence without one of these verbs gives no directive and opens no passage
        let sets = [
            &d.request,
            &d.strong,
            &d.lead,
            &d.passive_lead,
            &d.tasks,
            &d.passage,
            &d.issuing,
            &d.for_marker,
        ];
        d.trigger = Trigger {
            sets: sets
                .iter()
                .fold(crate::matcher::SetMask::EMPTY, |m, s| m | s.mask()),
            digits: false,
        };
        d
    }

    fn is_verb_at(&self, t: &[Tok<'_>], k: usize) -> bool {
        self.request.starts_at(t, k)
            || self.predicates.starts_at(t, k)
            || self.strong.starts_at(t, k)
            || self.tasks.starts_at(t, k)
            || self.lead.starts_at(t, k)
            || self.passage_verbs.starts_at(t, k)
    }

    fn stopword(&self, x: &Tok<'_>) -> bool {
        matches!(
            x.low,
            "và" | "của"
                | "cho"
                | "với"
                | "để"
                | "các"
                | "những"
                | "đã"
                | "sẽ"
                | "đang"
                | "cũng"
                | "theo"
                | "trong"
                | "tại"
                | "ở"
                | "về"
                | "là"
                | "có"
                | "được"
                | "bị"
                | "khi"
                | "thì"
                | "mà"
                | "năm"
                | "như"
                | "sau"
                | "trước"
        )
    }

    /// Words that may follow a capitalised word inside a name (`Bộ Ngoại giao`).
    fn name_material(&self, t: &[Tok<'_>], k: usize, lower_run: usize) -> bool {
        let x = &t[k];
        x.is_word()
            && !x.is_cap()
            && lower_run < 3
            && k > 0
            && (t[k - 1].is_title_case() || lower_run > 0)
            && !self.is_verb_at(t, k)
            && !self.stopword(x)
            && !self.adverbs.starts_at(t, k)
    }

    /// A named organisation or office at `i`: its end.
    fn named_at(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        let mut e = if let Some((n, _)) = self.names.match_at(t, i) {
            i + n
        } else if let Some((n, _)) = self.heads.match_at(t, i) {
            i + n
        } else if matches!(t[i].raw, "Phó" | "Quyền") && self.heads.starts_at(t, i + 1) {
            // `Phó Thống đốc`, `Quyền Bộ trưởng`
            let (n, _) = self.heads.match_at(t, i + 1)?;
            i + 1 + n
        } else if is_all_caps(t[i].raw)
            && t[i].raw.chars().count() >= 2
            && !self.countries.starts_at(t, i)
        {
            // an acronym: `EVN`, `VCCI`
            i + 1
        } else {
            return None;
        };
        let mut lower_run = 0;
        while let Some(x) = t.get(e) {
            if let Some((n, _)) = self.names.match_at(t, e) {
                e += n;
                lower_run = 0;
                continue;
            }
            if x.is_cap() && !(e > i && self.heads.starts_at(t, e) && t[e - 1].low == "và") {
                e += 1;
                lower_run = 0;
                continue;
            }
            if let Some((n, _)) = self.tails.match_at(t, e) {
                e += n;
                lower_run = 0;
                continue;
            }
            if x.is_symbol("-") && t.get(e + 1).is_some_and(Tok::is_cap) {
                e += 1;
                continue;
            }
            // `UBND TP.HCM`: a dot with no space on either side inside a name
            if x.is_symbol(".")
                && t[e - 1].end == x.start
                && t.get(e + 1).is_some_and(|y| y.is_cap() && y.start == x.end)
            {
                e += 1;
                continue;
            }
            // `Hiệp hội Lương thực Việt Nam (VFA)`: an acronym in brackets
            if x.is_symbol("(")
                && t.get(e + 1).is_some_and(|y| is_all_caps(y.raw))
                && is_sym(t.get(e + 2), ")")
            {
                e += 3;
                continue;
            }
            // `Sở Văn hóa, Thể thao và Du lịch`: a comma inside a name ending `… và Xx`
            if x.is_symbol(",") && e > i {
                let mut j = e + 1;
                while j < t.len()
                    && j < e + 5
                    && (t[j].is_title_case() || (self.name_material(t, j, 0) && j > e + 1))
                {
                    j += 1;
                }
                if j > e + 1
                    && t.get(j).is_some_and(|y| y.low == "và")
                    && t.get(j + 1)
                        .is_some_and(|y| y.is_title_case() && !self.heads.starts_at(t, j + 1))
                    && !self.heads.starts_at(t, e + 1)
                {
                    e = j;
                    continue;
                }
            }
            // `UBND các huyện, thành phố`, `Bộ trưởng các Bộ: Công Thương, …`
            if x.low == "các" {
                if let Some(end) = self.generic_list(t, e + 1) {
                    e = end;
                    // `các Bộ: Công Thương, Công an, Giao thông vận tải`
                    if is_sym(t.get(e), ":") {
                        let mut k = e + 1;
                        let mut last = e;
                        while k < t.len() {
                            let after_and = k > 0 && t[k - 1].low == "và";
                            if t[k].is_cap() && !(after_and && self.heads.starts_at(t, k)) {
                                k += 1;
                                let item = k;
                                while k < t.len()
                                    && k - item < 8
                                    && (t[k].is_cap()
                                        || (t[k].is_word()
                                            && t[k].low != "và"
                                            && !self.is_verb_at(t, k)
                                            && !self.stopword(&t[k]))
                                        || t[k].low == "và"
                                            && t.get(k + 1).is_some_and(|y| {
                                                y.is_cap() && !self.heads.starts_at(t, k + 1)
                                            }))
                                {
                                    k += 1;
                                }
                                last = k;
                                if is_sym(t.get(k), ",") {
                                    k += 1;
                                    continue;
                                }
                                if t.get(k).is_some_and(|y| y.low == "và")
                                    && t.get(k + 1).is_some_and(|y| {
                                        y.is_cap() && !self.heads.starts_at(t, k + 1)
                                    })
                                {
                                    k += 1;
                                    continue;
                                }
                            }
                            break;
                        }
                        e = last;
                    }
                    continue;
                }
                break;
            }
            if x.low == "và"
                && (t
                    .get(e + 1)
                    .is_some_and(|y| y.is_title_case() && !self.heads.starts_at(t, e + 1))
                    || self.abbreviated_tails.starts_at(t, e + 1))
                && e > i
                && t[e - 1].is_word()
            {
                e += 1;
                continue;
            }
            if self.name_material(t, e, lower_run) {
                e += 1;
                lower_run += 1;
                continue;
            }
            break;
        }
        Some(e)
    }

    /// `bộ, ngành, địa phương liên quan` at `i` (after `các`): its end.
    fn generic_list(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        // the longer of a common noun and an office (`Bộ` < `Bộ trưởng`)
        let n = match (self.generic.match_at(t, i), self.office_item(t, i)) {
            (Some((a, _)), Some((b, _))) => a.max(b),
            (Some((a, _)), None) | (None, Some((a, _))) => a,
            (None, None) => return None,
        };
        let mut e = i + n;
        loop {
            if let Some((n, _)) = self.tails.match_at(t, e) {
                e += n;
                continue;
            }
            if let Some(end) = self.stretch(t, e) {
                e = end;
                continue;
            }
            // compounds: `đồng chí lãnh đạo các địa phương`
            if let Some((n, _)) = self.generic.match_at(t, e) {
                e += n;
                continue;
            }
            if t.get(e).is_some_and(|x| x.low == "các") {
                if let Some((n, _)) = self.generic.match_at(t, e + 1) {
                    e += 1 + n;
                    continue;
                }
            }
            // named continuation: `Cơ quan đại diện Việt Nam ở nước ngoài`, `các Bộ Xây dựng`
            if t.get(e).is_some_and(Tok::is_cap) && !self.heads.starts_at(t, e) {
                e += 1;
                continue;
            }
            if e > i && e < t.len() && t[e - 1].is_title_case() && self.name_material(t, e, 0) {
                e += 1;
                continue;
            }
            let sep = t.get(e).is_some_and(|x| x.is_symbol(",") || x.low == "và");
            if sep {
                let mut k = e + 1;
                if t.get(k).is_some_and(|x| x.low == "các") {
                    k += 1;
                }
                let office = self.office_item(t, k).map(|x| x.0);
                if let Some((n, _)) = self
                    .generic
                    .match_at(t, k)
                    .filter(|(n, _)| office.is_none_or(|o| *n >= o))
                {
                    e = k + n;
                    continue;
                }
                // `Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ` — but an office
                // with a name of its own starts another addressee
                if let Some((n, _)) = self.office_item(t, k) {
                    if !t.get(k + n).is_some_and(Tok::is_cap) {
                        e = k + n;
                        continue;
                    }
                    break;
                }
                if let Some(end) = self.named_generic(t, k) {
                    e = end;
                    continue;
                }
            }
            break;
        }
        Some(e)
    }

    /// `từ Thái Bình đến Thừa Thiên-Huế` at `i`: its end. Each end is a run
    /// of capitalised words (joined by hyphens).
    fn stretch(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        let names = |mut k: usize| -> usize {
            while t.get(k).is_some_and(Tok::is_cap)
                || (is_sym(t.get(k), "-") && t.get(k + 1).is_some_and(Tok::is_cap))
            {
                k += 1;
            }
            k
        };
        let (n, _) = self.stretch_from.match_at(t, i)?;
        let mid = names(i + n);
        if mid == i + n {
            return None;
        }
        let (m, _) = self.stretch_to.match_at(t, mid)?;
        let end = names(mid + m);
        (end > mid + m).then_some(end)
    }

    /// An office as an item of a list of bodies: `Bộ trưởng`, `Thủ trưởng`.
    fn office_item(&self, t: &[Tok<'_>], k: usize) -> Option<(usize, &())> {
        let (n, v) = self.heads.match_at(t, k)?;
        // offices of people, not bodies: they end in a lower-case syllable
        // (`Bộ trưởng`, `Thủ trưởng`, `Chủ tịch`)
        if t[k + n - 1]
            .raw
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase())
        {
            Some((n, v))
        } else {
            None
        }
    }

    /// `UBND các huyện, thành phố` inside a list of bodies.
    fn named_generic(&self, t: &[Tok<'_>], k: usize) -> Option<usize> {
        let (n, _) = self.heads.match_at(t, k)?;
        if t.get(k + n).is_some_and(|x| x.low == "các") {
            return self.generic_list(t, k + n + 1);
        }
        None
    }

    /// An addressee or issuer at `i`: its end.
    fn org_at(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        let x = t.get(i)?;
        if self.events.starts_at(t, i) {
            return None; // `chỉ đạo Hội nghị`: a meeting is not told to act
        }
        if x.low == "các" || x.low == "những" {
            let e = self.generic_list(t, i + 1)?;
            return Some(e);
        }
        if let Some(e) = self.named_at(t, i) {
            return Some(e);
        }
        // a list without `các`: `sở, ban, ngành` — needs two items
        if self.generic.starts_at(t, i) {
            let e = self.generic_list(t, i)?;
            if t[i..e].iter().any(|y| y.is_symbol(",")) {
                return Some(e);
            }
        }
        None
    }

    /// The issuer written before token `v` (skipping adverbs): its span.
    fn subject_before(&self, t: &[Tok<'_>], v: usize) -> Option<(usize, usize)> {
        let mut end = v;
        while let Some((s, _)) = self.adverbs.match_before(t, end) {
            end = s;
        }
        if end == 0 {
            return None;
        }
        if let Some((s, _)) = self
            .pronouns
            .match_before(t, end)
            .or_else(|| self.first_person.match_before(t, end))
        {
            if s == 0 || !t[s - 1].is_word() {
                return Some((s, end));
            }
        }
        let lo = end.saturating_sub(14);
        for s in lo..end {
            let glued_code = t[s].glued()
                && (t[s - 1].is_word()
                    || t[s - 1].is_number()
                    || t[s - 1].is_symbol("-")
                    || t[s - 1].is_symbol("/"));
            let relayed = self.agentive.ends_before(t, s);
            // `ý kiến chỉ đạo của Phó Thủ tướng X chỉ đạo …`: `của` names who asks
            if s > 0
                && !relayed
                && ((t[s - 1].is_word() && !matches!(t[s - 1].low, "và" | "của")) || glued_code)
            {
                // a subject starts a clause (`UBND-NLN` is a code, not a subject)
                continue;
            }
            if self.org_at(t, s) == Some(end) || self.named_list_at(t, s) == Some(end) {
                return Some((s, end));
            }
        }
        if let Some((s, _)) = self.generic_subjects.match_before(t, end) {
            if s == 0 || !t[s - 1].is_word() {
                return Some((s, end));
            }
        }
        None
    }

    /// A named body right before token `v` (adverbs skipped) inside a clause,
    /// after a reporting verb: `… cho biết NHNN đã ban hành …`.
    fn named_before(&self, t: &[Tok<'_>], v: usize) -> Option<(usize, usize)> {
        let mut end = v;
        while let Some((s, _)) = self.adverbs.match_before(t, end) {
            end = s;
        }
        (end.saturating_sub(8)..end)
            .find(|&s| t[s].is_cap() && self.named_at(t, s) == Some(end))
            .map(|s| (s, end))
    }

    /// `Chính phủ, Thủ tướng Chính phủ`: named bodies joined by commas.
    fn named_list_at(&self, t: &[Tok<'_>], s: usize) -> Option<usize> {
        let mut e = self.named_at(t, s)?;
        while is_sym(t.get(e), ",") {
            match self.named_at(t, e + 1) {
                Some(x) => e = x,
                None => break,
            }
        }
        Some(e)
    }

    /// Addressees starting at `a`: several when named bodies are joined by
    /// `và` (`Bộ trưởng các Bộ: … và Thống đốc Ngân hàng Nhà nước`).
    /// A list head alone on its line: a list marker (`2.`, `b)`, `-`), the
    /// addressees, a colon that ends the line (`2. Các bộ, ngành, địa
    /// phương:`), or a numbered heading made of the addressees alone (`1.
    /// Bộ Công an.` over `a) Phối hợp …`). Their token ranges.
    fn list_head(&self, t: &[Tok<'_>]) -> Option<Vec<(usize, usize)>> {
        let k = Self::after_marker(t);
        let colon = t.last().is_some_and(|x| x.is_symbol(":"));
        // `1.`, `II.`, `a)`: after_marker skips two tokens only for these
        let numbered = k == 2;
        if !colon && !numbered {
            return None;
        }
        let list = self.addressees(t, k, true);
        let &(_, e) = list.last()?;
        // the addressees fill the line, up to its closing colon or dot
        let closed = t
            .last()
            .is_some_and(|x| x.is_symbol(":") || x.is_symbol("."));
        (e + usize::from(closed) == t.len()).then_some(list)
    }

    /// An item line (`- Khẩn trương rà soát …`, `a) Chủ động …`): the task
    /// verb right after its marker (token index and length).
    fn item_task(&self, t: &[Tok<'_>]) -> Option<(usize, usize)> {
        let k = Self::after_marker(t);
        if k == 0 {
            return None;
        }
        let verb = |k: usize| {
            self.lead
                .match_at(t, k)
                .or_else(|| self.strong.match_at(t, k))
                .or_else(|| self.tasks.match_at(t, k))
                .map(|(m, _)| m)
        };
        // `- Tiếp tục chủ động …`: adverbs first
        let mut v = k;
        while verb(v).is_none() {
            match self.adverbs.match_at(t, v) {
                Some((n, _)) => v += n,
                None => return None,
            }
        }
        verb(v).map(|m| (v, m))
    }

    /// The first token after a list marker opening `t` (`1.`, `II.`, `a)`,
    /// `-`, `+`, `•`); 0 when there is none.
    fn after_marker(t: &[Tok<'_>]) -> usize {
        match t {
            [x, ..] if matches!(x.raw, "-" | "+" | "•" | "*" | "–") => 1,
            [x, y, ..]
                if (x.is_number()
                    || (x.is_word()
                        && x.raw.chars().count() <= 4
                        && (x.raw.chars().count() == 1
                            || x.raw.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))))
                    && matches!(y.raw, "." | ")")
                    && y.glued() =>
            {
                2
            }
            _ => 0,
        }
    }

    fn addressees_at(&self, t: &[Tok<'_>], a: usize) -> Vec<(usize, usize)> {
        self.addressees(t, a, false)
    }

    /// Addressees at `a`; after an agentive verb (`yêu cầu`, `đề nghị`,
    /// `giao`) also a country (`đề nghị Chile …`), a body named by a common
    /// noun (`yêu cầu tỉnh …`, `đề nghị chủ đầu tư …`) and `các` + any noun
    /// phrase (`yêu cầu các thương nhân đầu mối …`).
    fn addressees(&self, t: &[Tok<'_>], a: usize, agentive: bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = a;
        loop {
            let e = self.org_at(t, s).or_else(|| {
                if agentive {
                    self.loose_addressee(t, s)
                } else {
                    None
                }
            });
            let Some(e) = e else { break };
            if e <= s {
                break;
            }
            out.push((s, e));
            // `Sở Y tế (Cơ quan thường trực Ban chỉ đạo); các sở, …`: an aside
            let mut e = e;
            if is_sym(t.get(e), "(") {
                if let Some(c) = (e + 1..(e + 14).min(t.len()))
                    .take_while(|&j| !is_break(&t[j]))
                    .find(|&j| t[j].is_symbol(")"))
                {
                    if is_sym(t.get(c + 1), ";")
                        || is_sym(t.get(c + 1), ",")
                        || is_sym(t.get(c + 1), ":")
                    {
                        e = c + 1;
                    }
                }
            }
            let sep = t.get(e).is_some_and(|x| x.low == "và" || x.is_symbol(","));
            let named_next = self
                .heads
                .match_at(t, e + 1)
                .is_some_and(|(n, _)| t.get(e + 1 + n).is_some_and(Tok::is_cap))
                || self.names.starts_at(t, e + 1)
                || t.get(e + 1)
                    .is_some_and(|y| is_all_caps(y.raw) && y.raw.chars().count() >= 2);
            if sep
                && (named_next
                    || (self.heads.starts_at(t, e + 1) && !t[a..e].iter().any(|y| y.low == "các")))
            {
                s = e + 1;
                continue;
            }
            if t.get(e).is_some_and(|x| x.low == "và") && self.heads.starts_at(t, e + 1) {
                s = e + 1;
                continue;
            }
            // `yêu cầu thủ trưởng các sở, ban, ngành; Công an tỉnh; … và UBND
            // các huyện …`: `;` right after an addressee separates addressees
            if is_sym(t.get(e), ";") && self.org_at(t, e + 1).is_some() {
                s = e + 1;
                continue;
            }
            break;
        }
        out
    }

    fn loose_addressee(&self, t: &[Tok<'_>], s: usize) -> Option<usize> {
        if s >= t.len() {
            return None;
        }
        // the addressee must be followed by its task
        let task_follows = |e: usize| t.get(e).is_some_and(|x| x.is_word() && !x.is_cap());
        // `phía Việt Nam`, `hai nước Lào, Campuchia`, `các đối tác Đan Mạch`
        let mut c = s;
        if let Some((n, _)) = self.sides.match_at(t, s) {
            c = s + n;
        }
        if let Some((n, _)) = self.countries.match_at(t, c) {
            let mut e = c + n;
            while t.get(e).is_some_and(|x| x.is_symbol(",") || x.low == "và") {
                match self.countries.match_at(t, e + 1) {
                    Some((m, _)) => e = e + 1 + m,
                    None => break,
                }
            }
            return task_follows(e).then_some(e);
        }
        // `yêu cầu 1,3 tỷ dân nước này phải …`: a counted crowd
        if t[s].is_number() {
            let mut c = s + 1;
            if let Some((n, _)) = self.crowd_scale.match_at(t, c) {
                c += n;
            }
            let noun = self
                .crowd_nouns
                .match_at(t, c)
                .or_else(|| self.singular.match_at(t, c));
            if let Some((n, _)) = noun {
                return task_follows(c + n).then_some(c + n);
            }
        }
        if let Some((n, _)) = self.singular.match_at(t, s) {
            let mut e = s + n;
            while let Some((m, _)) = self.tails.match_at(t, e) {
                e += m;
            }
            return task_follows(e).then_some(e);
        }
        if t.get(s).is_some_and(|x| x.low == "các")
            && t.get(s + 1).is_some_and(|x| x.is_word() && !x.is_cap())
            && !self.object_nouns.starts_at(t, s + 1)
        {
            let mut e = s + 1;
            while e < t.len()
                && e < s + 11
                && t[e].is_word()
                && !t[e].is_cap()
                && !self.is_verb_at(t, e)
                && !self.stopword(&t[e])
            {
                e += 1;
            }
            if e > s + 1 && task_follows(e) {
                return Some(e);
            }
            // no known verb ends the phrase: keep its head (`các hãng hàng không`)
            let head = (s + 4).min(e);
            return (head > s + 1 && task_follows(head)).then_some(head);
        }
        None
    }

    /// Per token: the first break at or after it (`t.len()` if none), so
    /// that finding the end of a clause costs nothing.
    fn next_breaks(t: &[Tok<'_>]) -> Vec<usize> {
        let mut out = vec![t.len(); t.len() + 1];
        for e in (0..t.len()).rev() {
            out[e] = if is_break(&t[e]) { e } else { out[e + 1] };
        }
        out
    }

    /// The end of the clause that goes on from token `from`: the next break,
    /// but never more than [`MAX_CLAUSE_TOKENS`] on (an action is a clause,
    /// not the rest of a run-on text).
    fn clause_end(breaks: &[usize], from: usize) -> usize {
        let len = breaks.len().saturating_sub(1);
        breaks
            .get(from)
            .copied()
            .unwrap_or(len)
            .min(from.saturating_add(MAX_CLAUSE_TOKENS))
            .min(len)
    }

    /// A passage opener in the sentence: (colon index, issuer span).
    fn passage_opener(&self, t: &[Tok<'_>]) -> Option<(usize, (usize, usize))> {
        for c in 0..t.len() {
            if !t[c].is_symbol(":") {
                continue;
            }
            let lo = c.saturating_sub(16);
            for k in lo..c {
                if self.passage.starts_at(t, k) {
                    // `Kế hoạch giao nhiệm vụ cụ thể như sau:` opens a passage
                    // even without a body as subject; the issuer is carried.
                    // Only an asking verb with its subject names a new issuer
                    // (`… tập trung vào một số nội dung cụ thể sau:` does not).
                    let sub = self.subject_before(t, k).filter(|_| {
                        self.request.starts_at(t, k) || self.passage_verbs.starts_at(t, k)
                    });
                    return Some((c, sub.unwrap_or((k, k))));
                }
            }
        }
        None
    }

    fn find_in_sentence(&self, t: &[Tok<'_>], passage_from: Option<usize>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let breaks = Self::next_breaks(t);
        let mut clause_start = 0;
        let mut k = 0;
        while k < t.len() {
            if is_break(&t[k]) {
                clause_start = k + 1;
                k += 1;
                continue;
            }
            // `Theo đó, …`: the clause begins after the comma
            if k == clause_start {
                if let Some((n, _)) = self.carry_on.match_at(t, k) {
                    if is_sym(t.get(k + n), ",") {
                        clause_start = k + n + 1;
                        k = clause_start;
                        continue;
                    }
                }
            }
            // 1. request verbs
            // `giao ban`, `giao thông` are nouns, but `giao Ban Tuyên giáo`
            // asks a body whose name begins with a capital
            if self
                .not_verbs
                .match_at(t, k)
                .is_some_and(|(n, _)| n < 2 || !t[k + n - 1].is_cap())
            {
                k += 1;
                continue;
            }
            if let Some((n, _)) = self.request.match_at(t, k) {
                let noun = self.noun_markers.ends_before(t, k);
                let inside_name = k > 0
                    && t[k].is_cap()
                    && k != clause_start
                    && !t[k - 1].is_symbol(",")
                    && !t[k - 1].is_symbol(":");
                if !noun && !inside_name {
                    let mut a = k + n;
                    if t.get(a).is_some_and(|x| x.low == "cho" || x.low == "với") {
                        a += 1;
                    }
                    // `X đồng ý … và giao Y …`: coordinated predicates share
                    // the body that opens the clause
                    let subject = self.subject_before(t, k).or_else(|| {
                        (k > clause_start && t[k - 1].low == "và")
                            .then(|| self.org_at(t, clause_start))
                            .flatten()
                            .filter(|&e| e < k - 1 && !(e..k).any(|j| self.request.starts_at(t, j)))
                            .map(|e| (clause_start, e))
                    });
                    let relayed = subject.is_some_and(|(s0, _)| self.agentive.ends_before(t, s0));
                    let agentive = self.agentive.starts_at(t, k);
                    let mut addressees = self.addressees(t, a, agentive);
                    // `chỉ đạo, trong tháng 5, các cấp, ngành …`: an adverbial
                    // between commas before the addressee
                    if addressees.is_empty() && agentive && is_sym(t.get(a), ",") {
                        let next = (a + 2..(a + 9).min(t.len()))
                            .take_while(|&j| !is_break(&t[j]))
                            .find(|&j| t[j].is_symbol(","));
                        if let Some(c) = next {
                            let found = self.addressees(t, c + 1, agentive);
                            if !found.is_empty() {
                                a = c + 1;
                                addressees = found;
                            }
                        }
                    }
                    // the clause goes on after the last addressee (a list may run
                    // over `;`), at most MAX_CLAUSE_TOKENS after the verb
                    let last = addressees.last().map_or(a, |x| x.1.max(a));
                    let end = Self::clause_end(&breaks, last)
                        .min(a.saturating_add(MAX_CLAUSE_TOKENS))
                        .max(last);
                    let start = subject.map(|s| s.0).unwrap_or(k);
                    let opens_clause = k == clause_start
                        || t[k - 1].is_symbol(",")
                        || t[k - 1].is_symbol(":")
                        || t[k - 1].is_symbol("-");
                    let clause_initial = k == clause_start
                        || (k > 0
                            && (t[k - 1].is_symbol(":")
                                || t[k - 1].is_symbol("-")
                                || t[k - 1].is_symbol(";")));
                    if !addressees.is_empty() && (subject.is_some() || clause_initial || agentive) {
                        let last_end = addressees.last().map(|x| x.1).unwrap_or(a);
                        for ad in &addressees {
                            out.push(Found {
                                span: (start, end.max(ad.1)),
                                issuer: subject,
                                addressee: Some(*ad),
                                verb: (k, k + n),
                                action: (last_end, end),
                                relayed,
                            });
                        }
                        k = last_end;
                        continue;
                    } else if (subject.is_some() && !relayed) || (opens_clause && k == 0) {
                        // an addressee of this sentence doing its task
                        // (`yêu cầu … các cấp ủy tiếp tục quán triệt`) asks no one
                        let told =
                            subject.is_some_and(|s| out.iter().any(|f| f.addressee == Some(s)));
                        if let Some(s) = subject.filter(|_| !told) {
                            if t[a..end].iter().any(|x| x.is_word()) && !is_sym(t.get(a), ":") {
                                out.push(Found {
                                    span: (start, end),
                                    issuer: Some(s),
                                    addressee: None,
                                    verb: (k, k + n),
                                    action: (a, end),
                                    relayed,
                                });
                            }
                        }
                    }
                }
                k += n;
                continue;
            }
            // 3. `Đối với Y, cần …`
            if k == clause_start || t[k - 1].is_symbol(",") {
                if let Some((n, _)) = self.for_marker.match_at(t, k) {
                    if let Some(e) = self.org_at(t, k + n) {
                        let mut v = e;
                        if is_sym(t.get(v), ",") {
                            v += 1;
                        }
                        if let Some((m, _)) = self.strong.match_at(t, v) {
                            let end = Self::clause_end(&breaks, v);
                            out.push(Found {
                                span: (k, end),
                                issuer: None,
                                addressee: Some((k + n, e)),
                                verb: (v, v + m),
                                action: (v + m, end),
                                relayed: false,
                            });
                            k = end;
                            continue;
                        }
                    }
                }
            }
            // 2. an addressee opening a clause, then a lead, modal or task verb
            // (a dash glued on both sides is inside a code: `NĐ-CP`)
            let inside_code = k > 0 && t[k - 1].glued() && t[k].glued();
            let list_item = k > 0
                && (t[k - 1].is_symbol(":")
                    || (t[k - 1].is_symbol("-") && !inside_code)
                    || t[k - 1].is_symbol("+")
                    || t[k - 1].is_symbol(")")
                    || t[k - 1].is_symbol("–"));
            // `“Sở Xây dựng chủ trì …`: a quoted instruction
            let quoted = k == clause_start + 1 && matches!(t[clause_start].raw, "“" | "\"" | "‘");
            // `…, Chủ tịch UBND tỉnh, thành phố phải báo cáo …` inside a passage
            // of tasks: a named addressee after a comma, with a modal verb
            let after_comma = k > clause_start
                && t[k - 1].is_symbol(",")
                && t[k].is_cap()
                && passage_from.is_some_and(|p| k >= p);
            if k == clause_start || list_item || quoted || after_comma {
                let list = self.addressees_at(t, k);
                if let Some(&(_, e)) = list.last() {
                    // skip `, theo chức năng, nhiệm vụ, thẩm quyền,` and adverbs
                    let mut v = e;
                    let limit = (e + 14).min(t.len());
                    let mut hit = None;
                    // a passive lead right after the addressee and its adverbs
                    let mut after = e;
                    while let Some((n2, _)) = self.adverbs.match_at(t, after) {
                        after += n2;
                    }
                    let passive = self
                        .passive_lead
                        .match_at(t, after)
                        .map(|(m, _)| (after, m, true));
                    while passive.is_none() && v < limit && !is_break(&t[v]) {
                        if let Some((m, _)) = self
                            .lead
                            .match_at(t, v)
                            .or_else(|| self.strong.match_at(t, v))
                        {
                            hit = Some((v, m, true));
                            break;
                        }
                        if let Some((m, _)) = self.tasks.match_at(t, v) {
                            // `chủ trì hướng dẫn …` assigns a task; `chủ trì hội nghị` chairs
                            let chairs_task = t[v].low == "chủ"
                                && t.get(v + m).is_some_and(|x| {
                                    x.is_word()
                                        && !x.is_cap()
                                        && !self.events.starts_at(t, v + m)
                                        && x.low != "tại"
                                });
                            hit = Some((v, m, chairs_task));
                            break;
                        }
                        if self.request.starts_at(t, v) && !self.noun_markers.ends_before(t, v) {
                            break;
                        }
                        v += 1;
                    }
                    let hit = passive.or(hit);
                    // the verb must follow the addressee closely or behind commas
                    if let Some((v, m, strong)) = hit {
                        let mut adv = e;
                        let mut reaches = adv == v;
                        while !reaches {
                            match self.adverbs.match_at(t, adv) {
                                Some((n2, _)) => {
                                    adv += n2;
                                    reaches = adv == v;
                                }
                                None => break,
                            }
                        }
                        // `, theo chức năng, nhiệm vụ,` or `theo chức năng, nhiệm vụ được giao`
                        // `Sở …, Báo …, Đài …: khẩn trương …`: a list head
                        let aside = is_sym(t.get(e), ",")
                            || is_sym(t.get(e), ":")
                            || t.get(e).is_some_and(|x| x.low == "theo");
                        let close = (reaches || aside) && !t[e..v].iter().any(Tok::is_cap);
                        // a task after `;` in a sentence that already gave one
                        let chained = !out.is_empty() && k > 0 && t[k - 1].is_symbol(";");
                        let in_passage = passage_from.is_some_and(|p| k >= p) || chained;
                        let modal = self.strong.starts_at(t, v);
                        if close && (strong || in_passage) && (!after_comma || modal) {
                            let end = Self::clause_end(&breaks, v);
                            for &ad in &list {
                                out.push(Found {
                                    span: (k, end),
                                    issuer: None,
                                    addressee: Some(ad),
                                    verb: (v, v + m),
                                    action: (v + m, end),
                                    relayed: false,
                                });
                            }
                            // a request inside the task gets its own row (`Bộ Ngoại giao tiếp tục chỉ đạo các …`)
                            k = v + m;
                            continue;
                        }
                    }
                }
            }
            k += 1;
        }
        out
    }

    /// Directives of a document. `people` resolves pronoun issuers; the
    /// issuers of the task-assigning documents in `legal` (text order)
    /// stand for the clauses of the document being reported.
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn extract(
        &self,
        ctx: &Ctx<'_>,
        people: &[Person],
        name_ranges: &[Range<usize>],
        legal: &[LegalRef],
    ) -> Vec<Directive> {
        let mentions = Mentions::new(people);
        // cited documents that assign tasks, with an issuer: (start, end,
        // issuer, whether the citation writes it) in original chars
        let docs: Vec<Cited<'_>> = legal
            .iter()
            .filter(|r| self.doc_types.iter().any(|d| *d == r.doc_type))
            .filter_map(|r| {
                let issuer = r.issuer.as_deref().filter(|i| !i.trim().is_empty())?;
                let written = r.text.to_lowercase().contains(&issuer.to_lowercase());
                Some(Cited {
                    start: r.start,
                    end: r.end,
                    issuer,
                    written,
                })
            })
            .collect();
        // the issuer of the document being reported
        let mut focus: Option<String> = None;
        // the first sentence after one that issues a reported document
        let mut assigned_from: Option<usize> = None;
        // the speaker of the current paragraph of an interview
        let mut speaker: Option<String> = None;
        // a request was made earlier in the paragraph: the sentences after it
        // that open with an addressee and a task verb carry on its tasks
        let mut asked_in_paragraph = false;
        let mut body_sentences = 0usize;
        // the person extractor gives the names in text order
        let mut names_by_end: HashMap<usize, &Range<usize>> =
            HashMap::with_capacity(name_ranges.len());
        for r in name_ranges {
            names_by_end.entry(r.end).or_insert(r);
        }
        debug_assert!(
            name_ranges.windows(2).all(|w| w[0].start <= w[1].start),
            "names in text order"
        );
        let mut rows = Vec::new();
        let mut passage_issuer: Option<String> = None;
        let mut last_issuer: Option<String> = None;
        // `2. Các bộ, ngành, địa phương:` alone on its line: the addressees
        // of the item lines under it (`- Khẩn trương rà soát …`)
        let mut list_head: Option<Vec<String>> = None;
        for (si, sr) in ctx.sentences.iter().enumerate() {
            if ctx.is_skipped(sr) {
                continue;
            }
            body_sentences += 1;
            let t = ctx.sentence_tokens(si);
            // `Ông Nguyễn Minh Lâm: …` opening a paragraph: its speaker
            let para_start =
                ctx.norm.text.get(..sr.start).is_some_and(|b| {
                    b.trim_end_matches([' ', '\t']).ends_with('\n') || b.is_empty()
                });
            if para_start {
                speaker = self.speaker_label(ctx, t, name_ranges, &mentions, people);
                asked_in_paragraph = false;
            }
            let issues_here = (0..t.len()).any(|k| self.issuing.starts_at(t, k));
            // `Thủ tướng vừa ký ban hành công điện …`, `… vừa ra văn bản …`:
            // a document is issued even when it is not cited with a code
            if issues_here
                && assigned_from.is_none()
                && (0..t.len()).any(|k| self.doc_words.starts_at(t, k))
            {
                assigned_from = Some(si + 1);
            }
            if let Some(i) = self.reported_document(ctx, t, &docs, body_sentences, sr) {
                focus = Some(i.to_string());
                // `UBND tỉnh vừa ban hành công văn số …`: the sentences after
                // it report the document's tasks
                if issues_here && assigned_from.is_none() {
                    assigned_from = Some(si + 1);
                }
            }
            let head_here: Option<Vec<String>> = self.list_head(t).map(|v| {
                v.into_iter()
                    .map(|(a, b)| ctx.display(&(t[a].start..t[b - 1].end)))
                    .collect()
            });
            if !ctx.wants(si, &self.trigger) || t.is_empty() {
                if head_here.is_some() {
                    list_head = head_here;
                } else if self.item_task(t).is_none() {
                    list_head = None;
                }
                continue;
            }
            let display = |a: usize, b: usize| -> String {
                if a >= b || b > t.len() {
                    return String::new();
                }
                ctx.display(&(t[a].start..t[b - 1].end))
            };
            let prev_issuer = last_issuer.clone();
            // the issuer, without a person's name at its end
            let issuer_text = |a: usize, b: usize| -> String {
                let mut e = b;
                let first = name_ranges.partition_point(|r| r.start < t[a].start);
                if let Some(nr) = name_ranges.get(first).filter(|r| r.start < t[b - 1].end) {
                    let p = t.partition_point(|x| x.start < nr.start);
                    if p < t.len() && p > a {
                        e = p;
                    }
                }
                // `Tôi đề nghị` in an answer: the speaker of the paragraph
                let first = self
                    .first_person
                    .match_at(t, a)
                    .is_some_and(|(n, _)| a + n == e);
                if let Some(s) = speaker.clone().filter(|_| first) {
                    return s;
                }
                // a pronoun stands for the last person named: the issuer just
                // before when that is this person (`Bộ trưởng X đề nghị … Ông
                // cũng đề nghị`), else the person's office and name
                if first
                    || self
                        .pronouns
                        .match_at(t, a)
                        .is_some_and(|(n, _)| a + n == e)
                {
                    let at = ctx.norm.orig_char(t[a].start);
                    if let Some(p) = mentions.last_in(people, 0, at) {
                        if let Some(i) =
                            prev_issuer.as_ref().filter(|i| i.contains(p.name.as_str()))
                        {
                            return i.clone();
                        }
                        return p
                            .roles
                            .last()
                            .map(|r| format!("{r} {}", p.name))
                            .unwrap_or_else(|| p.name.clone());
                    }
                }
                display(a, e)
            };
            // the last person named in this sentence or the one before speaks
            let recent_speaker = |si: usize| -> Option<String> {
                let lo = ctx
                    .sentences
                    .get(si.saturating_sub(1))
                    .map(|r| ctx.norm.orig_char(r.start))?;
                let here = ctx.sentences.get(si).map(|r| ctx.norm.orig_char(r.end))?;
                mentions.last_in(people, lo, here).map(|p| {
                    p.roles
                        .last()
                        .map(|r| format!("{r} {}", p.name))
                        .unwrap_or_else(|| p.name.clone())
                })
            };
            // a passage of conclusions opens at `… kết luận như sau:`
            let opener = self.passage_opener(t);
            let tasks_here = passage_issuer.is_some()
                || assigned_from.is_some_and(|f| si >= f)
                || asked_in_paragraph;
            let passage_from = match (tasks_here, opener) {
                (true, _) => Some(0),
                (false, Some((c, _))) => Some(c + 1),
                (false, None) => None,
            };
            let opener_issuer = opener.and_then(|(_, (a, b))| (a < b).then(|| issuer_text(a, b)));
            // `Kế hoạch giao nhiệm vụ cụ thể như sau:`: the document opens the passage
            let opener_is_document =
                opener.is_some_and(|(c, _)| (0..c).any(|k| self.doc_words.starts_at(t, k)));
            // `NHNN đã ban hành Công văn …`: who issues the text, as written
            let issuing_subject = (0..t.len())
                .find(|&k| self.issuing.starts_at(t, k))
                .and_then(|k| {
                    self.subject_before(t, k)
                        .or_else(|| self.named_before(t, k))
                })
                .map(|(a, b)| issuer_text(a, b));
            let mut found = self.find_in_sentence(t, passage_from);
            // `Phó Chủ tịch UBND TPHCM Bùi Xuân Cường kiểm tra …`: a named person
            // acting opens no task (tasks go to bodies and offices)
            found.retain(|f| {
                let Some((a, b)) = f
                    .addressee
                    .filter(|_| f.issuer.is_none() && !self.request.starts_at(t, f.verb.0))
                else {
                    return true;
                };
                let (s0, e0) = (t[a].start, t[b - 1].end);
                let i = name_ranges.partition_point(|r| r.start < s0);
                !name_ranges.get(i).is_some_and(|r| r.start < e0)
            });
            asked_in_paragraph |= found.iter().any(|f| f.addressee.is_some());
            let mut sentence_issuer: Option<String> = None;
            for f in found {
                // a person named right before the verb asks (`Đại sứ Thomas Gass đề nghị …`)
                let person_subject = {
                    let mut v = f.verb.0;
                    while let Some((s0, _)) = self.adverbs.match_before(t, v) {
                        v = s0;
                    }
                    let end = if v > 0 { t[v - 1].end } else { usize::MAX };
                    names_by_end
                        .get(&end)
                        .and_then(|r| mentions.at(people, ctx.norm.orig_char(r.start)))
                };
                // the document asks: `Công văn số 4510/BYT-DP … đề nghị`, `Kế hoạch giao …`
                let document_subject = if f.issuer.is_none() && person_subject.is_none() {
                    self.document_before(ctx, t, f.verb.0, &docs, focus.as_deref())
                        .map(|(i, written)| {
                            if written {
                                i
                            } else {
                                issuing_subject.clone().unwrap_or(i)
                            }
                        })
                } else {
                    None
                };
                let issuer = match (f.issuer, person_subject) {
                    (None, None) if document_subject.is_some() => {
                        let s = document_subject.unwrap_or_default();
                        sentence_issuer = Some(s.clone());
                        s
                    }
                    (_, Some(_)) => {
                        // the subject as written: the office and name before the verb
                        let mut v = f.verb.0;
                        while let Some((s0, _)) = self.adverbs.match_before(t, v) {
                            v = s0;
                        }
                        // the words before the verb, from the name (`Choi
                        // Young-sam`) back over an office written before it
                        let name_at = v
                            .checked_sub(1)
                            .and_then(|l| names_by_end.get(&t[l].end))
                            .map_or(v, |r| t.partition_point(|x| x.start < r.start))
                            .min(v);
                        let mut a = name_at;
                        while a > 0 && v - a < 12 && t[a - 1].is_word() {
                            a -= 1;
                        }
                        // `ông Lê Đức Vinh chỉ đạo`: no office written, so the
                        // person's office from the document (SPEC: who asks)
                        let office_written = (a..name_at).any(|j| {
                            t[j].is_cap() && !matches!(t[j].low, "ông" | "bà" | "đồng" | "ngài")
                        });
                        let s = match person_subject
                            .and_then(|p| p.roles.last().map(|r| (r, &p.name)))
                        {
                            Some((role, name)) if !office_written => format!("{role} {name}"),
                            _ => display(a, v),
                        };
                        sentence_issuer = Some(s.clone());
                        last_issuer = Some(s.clone());
                        s
                    }
                    (Some((a, b)), _) => {
                        let s = issuer_text(a, b);
                        if !f.relayed {
                            sentence_issuer = Some(s.clone());
                            last_issuer = Some(s.clone());
                        }
                        s
                    }
                    // the nearest who asks, in this order; an empty one (an
                    // unresolved subject) is passed over
                    (None, None) => {
                        let some = |x: &Option<String>| x.clone().filter(|s| !s.is_empty());
                        some(&sentence_issuer)
                            .or_else(|| some(&opener_issuer))
                            .or_else(|| some(&passage_issuer))
                            .or_else(|| some(&speaker))
                            .or_else(|| recent_speaker(si))
                            .or_else(|| some(&last_issuer))
                            .or_else(|| some(&focus))
                            .unwrap_or_default()
                    }
                };
                let (a, b) = f.span;
                let (a, b) = (a.min(t.len().saturating_sub(1)), b.min(t.len()));
                if a >= b {
                    continue;
                }
                let action = display(f.action.0, f.action.1)
                    .trim_start_matches([',', ';', ':', '-', ' '])
                    .to_string();
                // `CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ`: a verb with nothing to do
                // is a heading, not an instruction; `Giao Bộ Y tế:` has its
                // tasks on the lines under it
                if action.is_empty() && !t.last().is_some_and(|x| x.is_symbol(":")) {
                    continue;
                }
                let r = t[a].start..t[b - 1].end;
                let (start, end) = ctx.char_span(&r);
                rows.push(Directive {
                    start,
                    end,
                    issuer,
                    addressee: f.addressee.map(|(x, y)| display(x, y)).unwrap_or_default(),
                    verb: display(f.verb.0, f.verb.1),
                    action,
                    sentence: si,
                });
            }
            // an item line under a list head: a task for the head's addressees
            let item = self.item_task(t);
            if item.is_none() {
                list_head = None;
            }
            if let (Some(heads), Some((v, m))) = (&list_head, item) {
                let some = |x: &Option<String>| x.clone().filter(|s| !s.is_empty());
                let issuer = some(&opener_issuer)
                    .or_else(|| some(&passage_issuer))
                    .or_else(|| some(&speaker))
                    .or_else(|| some(&last_issuer))
                    .or_else(|| some(&focus))
                    .unwrap_or_default();
                let end = Self::next_breaks(t)[v]
                    .min(v + MAX_CLAUSE_TOKENS)
                    .max(v + m)
                    .min(t.len());
                let (start, stop) = ctx.char_span(&(t[v].start..t[end - 1].end));
                for a in heads {
                    rows.push(Directive {
                        start,
                        end: stop,
                        issuer: issuer.clone(),
                        addressee: a.clone(),
                        verb: display(v, v + m),
                        action: display(v + m, end)
                            .trim_start_matches([',', ';', ':', '-', ' '])
                            .to_string(),
                        sentence: si,
                    });
                }
            }
            if head_here.is_some() {
                list_head = head_here;
            }
            // `UBND thành phố Hà Nội ban hành Kế hoạch …`: who issues the text
            if last_issuer.is_none() {
                last_issuer = issuing_subject;
            }
            if let Some(i) = opener_issuer {
                passage_issuer = Some(i.clone());
                last_issuer = Some(i);
            } else if opener.is_some() && passage_issuer.is_none() {
                let carried = if opener_is_document {
                    focus.clone().or_else(|| last_issuer.clone())
                } else {
                    last_issuer.clone().or_else(|| focus.clone())
                };
                passage_issuer = Some(carried.unwrap_or_default());
            }
        }
        one_per_addressee(rows)
    }
}

/// A cited task-assigning document with its issuer; offsets in original chars.
impl SerialReader {
    /// The speaker label opening a paragraph (`Ông Nguyễn Minh Lâm:` in an
    /// interview): the person's office and name.
    fn speaker_label(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        name_ranges: &[Range<usize>],
        mentions: &Mentions,
        people: &[Person],
    ) -> Option<String> {
        let first = t.first()?;
        let r = name_ranges.get(name_ranges.partition_point(|r| r.start < first.start))?;
        // the name within the first three tokens, a colon right after it
        if t.get(3).is_some_and(|x| x.start <= r.start) {
            return None;
        }
        let e = t.partition_point(|x| x.start < r.end);
        if !is_sym(t.get(e), ":") {
            return None;
        }
        let p = mentions.at(people, ctx.norm.orig_char(r.start))?;
        Some(
            p.roles
                .last()
                .map(|role| format!("{role} {}", p.name))
                .unwrap_or_else(|| p.name.clone()),
        )
    }
}

struct Cited<'a> {
    start: usize,
    end: usize,
    issuer: &'a str,
    /// The citation writes the issuer (`… của UBND thành phố`), rather
    /// than the code implying it (`5490/NHNN-CSTT`).
    written: bool,
}

impl SerialReader {
    /// The issuer of a task-assigning document cited in this sentence when
    /// the sentence reports it: in the title or lead, with an issuing verb
    /// (`… vừa ký ban hành Kế hoạch số 45/KH-UBND … của UBND thành phố`), or
    /// opening the sentence (`Theo Công điện số 123/CĐ-TTg, …`).
    fn reported_document<'d>(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        docs: &[Cited<'d>],
        body_index: usize,
        sr: &Range<usize>,
    ) -> Option<&'d str> {
        let (o0, o1) = (ctx.norm.orig_char(sr.start), ctx.norm.orig_char(sr.end));
        let first = docs.partition_point(|d| d.start < o0);
        let d = docs[first..].iter().take_while(|d| d.start < o1).next()?;
        if body_index <= self.lead_sentences || (0..t.len()).any(|k| self.issuing.starts_at(t, k)) {
            return Some(d.issuer);
        }
        let p = t.partition_point(|x| ctx.norm.orig_char(x.start) < d.start);
        let before: Vec<&str> = t[..p]
            .iter()
            .filter(|x| x.is_word())
            .map(|x| x.raw)
            .collect();
        (before.is_empty() || self.reported_after.iter().any(|w| *w == before.join(" ")))
            .then_some(d.issuer)
    }

    /// The issuer when a document is the subject of the verb at `v`, and
    /// whether it is written: a cited task-assigning document ending right
    /// before it (adverbs and commas between), or a document word
    /// (`Công điện`, `Kế hoạch`) standing for the document being reported
    /// (`focus`).
    fn document_before(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        verb: usize,
        docs: &[Cited<'_>],
        focus: Option<&str>,
    ) -> Option<(String, bool)> {
        let mut v = verb;
        while let Some((s0, _)) = self.adverbs.match_before(t, v) {
            v = s0;
        }
        while v > 0 && t[v - 1].is_symbol(",") {
            v -= 1;
        }
        if v == 0 {
            return None;
        }
        let vo = ctx.norm.orig_char(t[v].start);
        let i = docs.partition_point(|d| d.end <= vo);
        if let Some(d) = i.checked_sub(1).and_then(|i| docs.get(i)) {
            // only symbols between the citation and the verb
            let from = t.partition_point(|x| ctx.norm.orig_char(x.start) < d.end);
            let so = ctx.norm.orig_char(t[0].start);
            if d.start >= so && from <= v && t[from..v].iter().all(|x| x.kind == TokKind::Symbol) {
                return Some((d.issuer.to_string(), d.written));
            }
        }
        let (s0, _) = self.doc_words.match_before(t, v)?;
        (s0 == 0 || !t[s0 - 1].is_word())
            .then(|| focus.map(|f| (f.to_string(), true)))
            .flatten()
    }
}
