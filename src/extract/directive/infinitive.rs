//! Directives in a language where the one asked is the object of the
//! request verb and the task an infinitive after a marker (English; rules in
//! `rules/<lang>/directive/clauses.toml`).
//!
//! Shapes read, on the tokens of body sentences:
//! 1. `X asked / urged / tasked … Y to + task`: a request verb, the
//!    addressee up to the marker, the task after it. Without a marker
//!    (`the PM asked concerned organisations and localities, according to
//!    …, closely monitor …`) the words up to the first comma are the
//!    addressee when they name a body.
//! 2. `Y was / are asked … to + task`: a passive request; the subject, a
//!    body, is the addressee.
//! 3. `Y must / should / needs to … + task`: a modal whose subject is a
//!    body, once a request has been made earlier in the document.
//!
//! A list of addressees that begins a new item with a noun of people in
//! office (`ambassadors and leaders of ministries, agencies and firms`)
//! gives one row per item. The issuer is the subject before the verb: a
//! person named there (their office and name), a pronoun (the last person
//! named), or a capitalised phrase (`The Government`, `the PM` written out
//! as `Prime Minister`); else the last issuer of the document.

use std::collections::HashMap;
use std::ops::Range;

use super::{is_break, one_per_addressee, Mentions};
use crate::extract::{Ctx, Trigger};
use crate::matcher::{LexiconBuilder, PhraseSet, SetMask, Tok};
use crate::model::{Directive, Person};
use crate::rules::directive::ClausesFile;

/// The object-and-infinitive reader, compiled from `clauses.toml`.
pub(super) struct InfinitiveReader {
    request: PhraseSet<()>,
    passive: PhraseSet<()>,
    auxiliaries: PhraseSet<()>,
    markers: PhraseSet<()>,
    not_marker_after: PhraseSet<()>,
    modals: PhraseSet<()>,
    bodies: PhraseSet<()>,
    office_heads: PhraseSet<()>,
    list_joiners: PhraseSet<()>,
    adverbs: PhraseSet<()>,
    pronouns: PhraseSet<()>,
    object_pronouns: PhraseSet<()>,
    clause_openers: PhraseSet<()>,
    subject_inner: PhraseSet<()>,
    determiners: PhraseSet<()>,
    impersonal: PhraseSet<()>,
    complementizers: PhraseSet<()>,
    complements: PhraseSet<()>,
    relational_heads: PhraseSet<()>,
    negations: PhraseSet<()>,
    /// `clauses.adverb_ending`, lower case (empty: none is read).
    adverb_ending: String,
    not_objects: PhraseSet<()>,
    not_verb_after: PhraseSet<()>,
    gerund_markers: PhraseSet<()>,
    /// `clauses.gerund_ending`, lower case (empty: no gerunds are read).
    gerund_ending: String,
    /// Short issuers written out, keyed by lower case.
    issuer_forms: HashMap<String, String>,
    max_addressee: usize,
    max_action: usize,
    trigger: Trigger,
}

/// A directive found in a sentence, in tokens.
struct Clause {
    /// An active request: its subject is written before the verb, or
    /// else is the last person named before it in the sentence.
    active: bool,
    /// The request verb's first token (the subject is read before it; the
    /// written verb may be a modal after it: `requested that Y must`).
    asked_at: usize,
    addressees: Vec<(usize, usize)>,
    /// The object is a pronoun (`asked them to`): the last addressee.
    pronoun_object: bool,
    verb: (usize, usize),
    action: (usize, usize),
    /// First and past-the-last token of the clause.
    span: (usize, usize),
}

/// The people of a document as the issuer is looked up: their mentions,
/// the names by the byte where they end, and the last word of each name of
/// two words or more (`Thanh` of `Tran Sy Thanh`), in lower case, for the
/// person named first of those that share it.
struct Named<'p> {
    people: &'p [Person],
    mentions: Mentions,
    by_end: HashMap<usize, usize>,
    given: HashMap<String, usize>,
}

impl<'p> Named<'p> {
    fn new(people: &'p [Person], name_ranges: &[Range<usize>]) -> Named<'p> {
        let mut given: HashMap<String, usize> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            let mut words = p.name.split_whitespace();
            if let (Some(last), true) = (words.next_back(), words.next().is_some()) {
                given
                    .entry(crate::fold::lower(&crate::fold::fold(last)))
                    .or_insert(i);
            }
        }
        Named {
            people,
            mentions: Mentions::new(people),
            by_end: name_ranges.iter().map(|r| (r.end, r.start)).collect(),
            given,
        }
    }
}

/// Whether a token ends the stretch an addressee or a task may cover.
fn stops(t: &Tok<'_>) -> bool {
    is_break(t) || t.is_symbol(":")
}

impl InfinitiveReader {
    pub(super) fn new(c: &ClausesFile, lex: &mut LexiconBuilder) -> InfinitiveReader {
        let mut r = InfinitiveReader {
            request: lex.list("directive.en.request", &c.request, ()),
            passive: lex.list("directive.en.passive", &c.passive, ()),
            auxiliaries: lex.list("directive.en.auxiliaries", &c.auxiliaries, ()),
            markers: lex.list("directive.en.markers", &c.markers, ()),
            not_marker_after: lex.list("directive.en.not_marker_after", &c.not_marker_after, ()),
            modals: lex.list("directive.en.modals", &c.modals, ()),
            bodies: lex.list("directive.en.bodies", &c.bodies, ()),
            office_heads: lex.list("directive.en.office_heads", &c.office_heads, ()),
            list_joiners: lex.list("directive.en.list_joiners", &c.list_joiners, ()),
            adverbs: lex.list("directive.en.adverbs", &c.adverbs, ()),
            pronouns: lex.list("directive.en.pronouns", &c.pronouns, ()),
            object_pronouns: lex.list("directive.en.object_pronouns", &c.object_pronouns, ()),
            clause_openers: lex.list("directive.en.clause_openers", &c.clause_openers, ()),
            subject_inner: lex.list("directive.en.subject_inner", &c.subject_inner, ()),
            determiners: lex.list("directive.en.determiners", &c.determiners, ()),
            impersonal: lex.list("directive.en.impersonal", &c.impersonal_subjects, ()),
            complementizers: lex.list("directive.en.complementizers", &c.complementizers, ()),
            complements: lex.list("directive.en.complements", &c.complements, ()),
            relational_heads: lex.list("directive.en.relational_heads", &c.relational_heads, ()),
            negations: lex.list("directive.en.negations", &c.negations, ()),
            adverb_ending: c.adverb_ending.trim().to_lowercase(),
            not_objects: lex.list("directive.en.not_objects", &c.not_objects, ()),
            not_verb_after: lex.list("directive.en.not_verb_after", &c.not_verb_after, ()),
            gerund_markers: lex.list("directive.en.gerund_markers", &c.gerund_markers, ()),
            gerund_ending: c.gerund_ending.trim().to_lowercase(),
            issuer_forms: c
                .issuer_forms
                .iter()
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
                .collect(),
            max_addressee: c.max_addressee_words,
            max_action: c.max_action_words,
            trigger: Trigger::default(),
        };
        r.trigger = Trigger {
            sets: [&r.request, &r.passive, &r.modals]
                .iter()
                .fold(SetMask::EMPTY, |m, s| m | s.mask()),
            digits: false,
        };
        r
    }

    /// Back from `v` over adverbs (`has also asked`).
    fn skip_adverbs_before(&self, t: &[Tok<'_>], mut v: usize) -> usize {
        loop {
            if let Some((s, _)) = self.adverbs.match_before(t, v).filter(|&(s, _)| s < v) {
                v = s;
            } else if v > 0 && self.is_adverb(t, v - 1) {
                // `… public employees absolutely must`
                v -= 1;
            } else {
                return v;
            }
        }
    }

    /// The comma that closes a parenthesis opening at `from` (`according to
    /// their functions, tasks and powers, immediately focus …`): the first
    /// one before an adverb, else the first one.
    fn parenthesis_end(&self, t: &[Tok<'_>], from: usize) -> Option<usize> {
        let last = (from + self.max_addressee).min(t.len());
        let commas = || {
            (from..last)
                .take_while(|&j| !stops(&t[j]))
                .filter(|&j| t[j].is_symbol(","))
        };
        commas()
            .find(|&j| self.is_adverb(t, j + 1))
            .or_else(|| commas().next())
    }

    /// One item of a phrase ending before `v`, read back to a comma, a
    /// clause opener or the sentence start (list joiners stay inside):
    /// its first token.
    fn item_before(&self, t: &[Tok<'_>], v: usize) -> usize {
        let mut a = v;
        while a > 0 && v - a < 24 {
            let x = &t[a - 1];
            let glued_mark = (x.is_symbol("'") || x.is_symbol("-")) && x.glued() && a < v;
            if !(x.is_word() || x.is_number() || glued_mark) {
                break;
            }
            if x.is_word()
                && self.clause_openers.ends_before(t, a)
                && !self.list_joiners.ends_before(t, a)
            {
                break;
            }
            a -= 1;
        }
        a
    }

    /// The noun phrase ending before `v`: one item, and before it, behind
    /// commas, the items that name bodies (`ministers, heads of
    /// ministerial-level agencies, and chairpersons of … are tasked`; not
    /// `In addition, the relevant agencies`): `(a, v)`.
    fn phrase_before(&self, t: &[Tok<'_>], v: usize) -> Option<(usize, usize)> {
        let mut a = self.item_before(t, v);
        if a >= v {
            return None;
        }
        while a >= 2 && t[a - 1].is_symbol(",") && v - a < 40 {
            let b = self.item_before(t, a - 1);
            if b >= a - 1 || !self.names_body(t, b, a - 1) {
                break;
            }
            a = b;
        }
        Some((a, v))
    }

    /// A body is named in tokens `a..b`.
    fn names_body(&self, t: &[Tok<'_>], a: usize, b: usize) -> bool {
        (a..b).any(|k| self.bodies.starts_at(t, k))
    }

    /// Token `k` is a lower-case word, no body, with `ending` after a stem
    /// of more than `stem` bytes (an empty ending matches nothing).
    fn has_ending(&self, t: &[Tok<'_>], k: usize, ending: &str, stem: usize) -> bool {
        !ending.is_empty()
            && t.get(k).is_some_and(|x| {
                x.is_word()
                    && !x.is_cap()
                    && x.low.len() > ending.len() + stem
                    && x.low.ends_with(ending)
            })
            && !self.bodies.starts_at(t, k)
    }

    /// Token `k` is a gerund or participle (`striving`, `recommending`).
    fn is_gerund(&self, t: &[Tok<'_>], k: usize) -> bool {
        self.has_ending(t, k, &self.gerund_ending, 2)
    }

    /// An adverb of manner (`immediately`, `proactively`).
    fn is_adverb(&self, t: &[Tok<'_>], k: usize) -> bool {
        self.has_ending(t, k, &self.adverb_ending, 3)
    }

    /// The marker that ends an addressee starting at `from`: its index and length.
    fn marker_after(&self, t: &[Tok<'_>], from: usize) -> Option<(usize, usize)> {
        let last = (from + self.max_addressee).min(t.len());
        for j in from..last {
            // `urged the acceleration of …, striving to …`: a participle
            // clause after a comma is no part of an object
            // (`;` may separate the items of a long list of addressees)
            let ends = stops(&t[j]) && !t[j].is_symbol(";");
            if ends || (t[j].is_symbol(",") && self.is_gerund(t, j + 1)) {
                return None;
            }
            let Some((m, _)) = self.markers.match_at(t, j) else {
                continue;
            };
            if j == from || self.not_marker_after.ends_before(t, j) {
                continue;
            }
            if self.verb_after_marker(t, j + m) {
                return Some((j, m));
            }
        }
        None
    }

    /// The task starting at `from`, as a token range; `None` when nothing
    /// follows (a verb with no task asks no one).
    fn task(&self, t: &[Tok<'_>], from: usize) -> Option<(usize, usize)> {
        let end = self.action_end(t, from);
        (end > from).then_some((from, end))
    }

    /// The addressees written in tokens `a..b`, item by item; none for a
    /// pronoun object (the last addressee stands for it).
    fn addressees(
        &self,
        t: &[Tok<'_>],
        (a, b): (usize, usize),
        pronoun_object: bool,
    ) -> Vec<(usize, usize)> {
        if pronoun_object {
            Vec::new()
        } else {
            self.split_list(t, a, b)
        }
    }

    /// `to` + a verb: token `next` is a lower-case word that is not a
    /// determiner or a body (`assigned to Hanoi`, `to the ministry` are places).
    fn verb_after_marker(&self, t: &[Tok<'_>], next: usize) -> bool {
        t.get(next).is_some_and(|x| {
            x.is_word()
                && !x.is_cap()
                && !self.determiners.starts_at(t, next)
                && !self.bodies.starts_at(t, next)
        })
    }

    /// Where a task starting at `from` ends.
    fn action_end(&self, t: &[Tok<'_>], from: usize) -> usize {
        let last = (from + self.max_action).min(t.len());
        (from..last)
            .find(|&j| {
                stops(&t[j])
                    // `… and urged them to …`: the next request begins
                    || (j > from
                        && self.request.starts_at(t, j)
                        && (t[j - 1].is_symbol(",") || self.list_joiners.ends_before(t, j)))
            })
            .map(|j| {
                // without the joiner before the next request
                let mut e = j;
                while e > from
                    && !stops(&t[j])
                    && (t[e - 1].is_symbol(",") || self.list_joiners.ends_before(t, e))
                {
                    e = self
                        .list_joiners
                        .match_before(t, e)
                        .map_or(e - 1, |(s, _)| s);
                }
                e
            })
            .unwrap_or(last)
    }

    /// Where a new item of a list of addressees opens at `p`: after a
    /// comma or a joiner, a noun of people in office (`ambassadors and
    /// leaders of …`), or a named body after the end of another name (`the
    /// Capital Command and the Hanoi Police Department`; not `Ministry of
    /// Agriculture and Environment`): the first token of the separator.
    fn item_cut(&self, t: &[Tok<'_>], a: usize, from: usize, p: usize) -> Option<usize> {
        // `…, and Construction; and the Party secretaries …`
        if t[p - 1].is_symbol(";") && p - 1 > from {
            return Some(p - 1);
        }
        if let Some((s, _)) = self.list_joiners.match_before(t, p) {
            if s > from && t[s - 1].is_symbol(";") {
                return Some(s - 1);
            }
        }
        let sep = if t[p - 1].is_symbol(",") {
            p - 1
        } else {
            let (s, _) = self.list_joiners.match_before(t, p)?;
            if s > from && t[s - 1].is_symbol(",") {
                s - 1
            } else {
                s
            }
        };
        if sep <= from {
            return None;
        }
        // (after up to two modifiers: `and provincial chairpersons`)
        let head_at = |q: usize| self.office_heads.starts_at(t, q);
        let modifier = |q: usize| {
            t.get(q).is_some_and(|x| x.is_word() && !x.is_cap())
                && !self.bodies.starts_at(t, q)
                && !self.subject_inner.starts_at(t, q)
                && !self.list_joiners.starts_at(t, q)
        };
        // (a joiner alone splits after an item with its own complement
        // (`heads of agencies and chairpersons of …`) or one whose head
        // needs none (`ambassadors and leaders of …`); `general managers and
        // directors of …` share what follows)
        let in_list = t[sep].is_symbol(",")
            || from > a && (from..sep).any(|k| self.complements.starts_at(t, k))
            || !self.relational_heads.ends_before(t, sep);
        let head =
            head_at(p) || modifier(p) && (head_at(p + 1) || modifier(p + 1) && head_at(p + 2));
        if head && in_list {
            return Some(sep);
        }
        // `and the Hanoi Police Department`, `and Ministry of Justice`
        let named_before = t[sep - 1].is_cap();
        let (q, det) = match self.determiners.match_at(t, p) {
            Some((n, _)) => (p + n, true),
            None => (p, false),
        };
        let named_after =
            t.get(q).is_some_and(|x| x.is_cap()) && (det || self.bodies.starts_at(t, q));
        (named_before && named_after).then_some(sep)
    }

    /// Splits a list of addressees into its items ([`Self::item_cut`]).
    fn split_list(&self, t: &[Tok<'_>], a: usize, b: usize) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut from = a;
        for p in a + 1..b {
            if !t[p].is_word() {
                continue;
            }
            if let Some(c) = self.item_cut(t, a, from, p) {
                parts.push((from, c));
                from = p;
            }
        }
        parts.push((from, b));
        parts
            .into_iter()
            .map(|(mut x, mut y)| {
                if let Some((m, _)) = self.list_joiners.match_at(t, x).filter(|_| x > a) {
                    x += m;
                }
                while y > x && !t[y - 1].is_word() && !t[y - 1].is_number() {
                    if t[y - 1].is_symbol("'") {
                        break;
                    }
                    y -= 1;
                }
                (x, y)
            })
            .filter(|(x, y)| x < y)
            .collect()
    }

    /// The clause a request, passive or modal verb at `k` opens.
    fn clause_at(&self, t: &[Tok<'_>], k: usize, asked: bool) -> Option<Clause> {
        if let Some((n, _)) = self.passive.match_at(t, k) {
            let v = self.skip_adverbs_before(t, k);
            if let Some((aux, _)) = self.auxiliaries.match_before(t, v) {
                return self.passive_at(t, k, n, aux);
            }
        }
        if let Some((n, _)) = self.request.match_at(t, k) {
            // `the request`, `his orders`, `a document on directing …`: a noun
            if k > 0
                && (self.determiners.ends_before(t, k) || self.not_verb_after.ends_before(t, k))
            {
                return None;
            }
            return self.active_at(t, k, n);
        }
        if asked {
            if let Some((n, _)) = self.modals.match_at(t, k) {
                return self.modal_at(t, k, n);
            }
        }
        None
    }

    fn active_at(&self, t: &[Tok<'_>], k: usize, n: usize) -> Option<Clause> {
        let from = k + n;
        if let Some((m, _)) = self.complementizers.match_at(t, from) {
            return self.that_clause(t, k, n, from + m);
        }
        let (addr, action_from) = match self.marker_after(t, from) {
            // `… not to be negligent`: the negation is the task's
            Some((j, _)) if j > from + 1 && self.negations.ends_before(t, j) => {
                let neg = self.negations.match_before(t, j).map_or(j, |(s, _)| s);
                ((from, neg), neg)
            }
            Some((j, m)) => ((from, j), j + m),
            None => {
                // no marker: the words up to a comma, when they name a body
                let last = (from + self.max_addressee).min(t.len());
                let c = (from..last).find(|&j| stops(&t[j]) || t[j].is_symbol(","))?;
                if !t[c].is_symbol(",") || !self.names_body(t, from, c) {
                    return None;
                }
                // `…, according to their assigned functions and tasks, closely monitor`
                let mut after = c + 1;
                if self.not_marker_after.starts_at(t, after) {
                    after = self.parenthesis_end(t, after)? + 1;
                }
                ((from, c), after)
            }
        };
        if addr.0 >= addr.1
            || !t[addr.0].is_word() && !t[addr.0].is_number()
            || self.clause_openers.starts_at(t, addr.0)
            || self.not_objects.starts_at(t, addr.0)
        {
            return None;
        }
        let pronoun_object = self
            .object_pronouns
            .match_at(t, addr.0)
            .is_some_and(|(m, _)| addr.0 + m == addr.1);
        let action = self.task(t, action_from)?;
        Some(Clause {
            active: true,
            asked_at: k,
            addressees: self.addressees(t, addr, pronoun_object),
            pronoun_object,
            verb: (k, k + n),
            action,
            span: (k, action.1),
        })
    }

    /// `X requested that Y (must) + task`: the subject of the clause after
    /// the complementizer is the addressee; it ends at a modal, an adverb,
    /// a comma before a parenthesis (`, according to …,`) or a lower-case
    /// word right after a name or a body (`localities decide`).
    fn that_clause(&self, t: &[Tok<'_>], k: usize, n: usize, from: usize) -> Option<Clause> {
        let last = (from + self.max_addressee).min(t.len());
        // `that, depending on the specific situation, localities …`
        let mut a = from;
        if t.get(a).is_some_and(|x| x.is_symbol(",")) {
            a = (a + 1..last).find(|&j| t[j].is_symbol(","))? + 1;
        }
        let mut verb = (k, k + n);
        let mut action_from = None;
        let mut b = a;
        while b < last {
            let x = &t[b];
            if stops(x) {
                return None;
            }
            if let Some((m, _)) = self.modals.match_at(t, b).filter(|_| b > a) {
                verb = (b, b + m);
                action_from = Some(b + m);
                break;
            }
            if b > a && self.is_adverb(t, b) {
                action_from = Some(b);
                break;
            }
            if x.is_symbol(",") && b > a {
                let next = b + 1;
                if self.not_marker_after.starts_at(t, next) {
                    // skip the parenthesis to the comma that closes it
                    action_from = Some(self.parenthesis_end(t, next)? + 1);
                    break;
                }
                if self.is_adverb(t, next) {
                    action_from = Some(next);
                    break;
                }
            }
            let after_name = b > a
                && (t[b - 1].is_cap() || self.bodies.ends_before(t, b))
                && x.is_word()
                && !x.is_cap()
                && !self.bodies.starts_at(t, b)
                && !self.subject_inner.starts_at(t, b)
                && !self.list_joiners.starts_at(t, b)
                && !self.determiners.starts_at(t, b);
            if after_name {
                action_from = Some(b);
                break;
            }
            b += 1;
        }
        let action_from = action_from?;
        if b <= a || !self.names_body(t, a, b) || self.not_objects.starts_at(t, a) {
            return None;
        }
        let action = self.task(t, action_from)?;
        Some(Clause {
            active: true,
            asked_at: k,
            addressees: self.split_list(t, a, b),
            pronoun_object: false,
            verb,
            action,
            span: (k, action.1),
        })
    }

    fn passive_at(&self, t: &[Tok<'_>], k: usize, n: usize, aux: usize) -> Option<Clause> {
        // `is asked to develop`, `is tasked with recommending`
        let m = match self.markers.match_at(t, k + n) {
            Some((m, _)) if self.verb_after_marker(t, k + n + m) => m,
            // (an adverb may stand before the gerund: `with promptly processing`)
            _ => match self.gerund_markers.match_at(t, k + n) {
                Some((m, _))
                    if self.is_gerund(t, k + n + m)
                        || t.get(k + n + m).is_some_and(|x| x.is_word() && !x.is_cap())
                            && self.is_gerund(t, k + n + m + 1) =>
                {
                    m
                }
                _ => return None,
            },
        };
        let v = self.skip_adverbs_before(t, aux);
        let (a, b) = self.phrase_before(t, v)?;
        // `He was asked to resign`: a person, not resolved
        if self.pronouns.starts_at(t, a) {
            return None;
        }
        let pronoun_object = self.object_pronouns.starts_at(t, a);
        if !pronoun_object && !self.names_body(t, a, b) {
            return None;
        }
        let action = self.task(t, k + n + m)?;
        Some(Clause {
            active: false,
            asked_at: k,
            addressees: self.addressees(t, (a, b), pronoun_object),
            pronoun_object,
            verb: (k, k + n),
            action,
            span: (a, action.1),
        })
    }

    fn modal_at(&self, t: &[Tok<'_>], k: usize, n: usize) -> Option<Clause> {
        let v = self.skip_adverbs_before(t, k);
        let (a, b) = self.phrase_before(t, v)?;
        if self.pronouns.starts_at(t, a) || !self.names_body(t, a, b) {
            return None;
        }
        let action = self.task(t, k + n)?;
        if !t[action.0].is_word() {
            return None;
        }
        Some(Clause {
            active: false,
            asked_at: k,
            addressees: self.split_list(t, a, b),
            pronoun_object: false,
            verb: (k, k + n),
            action,
            span: (a, action.1),
        })
    }

    pub(super) fn extract(
        &self,
        ctx: &Ctx<'_>,
        people: &[Person],
        name_ranges: &[Range<usize>],
    ) -> Vec<Directive> {
        let named = Named::new(people, name_ranges);
        let mentions = &named.mentions;
        let office = |p: &Person| self.office(p);
        let mut rows = Vec::new();
        let mut last_issuer: Option<String> = None;
        let mut last_addressee: Option<String> = None;
        let mut asked = false;
        for (si, sr) in ctx.sentences.iter().enumerate() {
            if ctx.is_skipped(sr) || !ctx.wants(si, &self.trigger) {
                continue;
            }
            let t = ctx.sentence_tokens(si);
            let display = |a: usize, b: usize| -> String {
                if a >= b || b > t.len() {
                    return String::new();
                }
                ctx.display(&(t[a].start..t[b - 1].end))
            };
            let mut k = 0;
            while k < t.len() {
                let Some(mut c) = self.clause_at(t, k, asked) else {
                    k += 1;
                    continue;
                };
                let written = if c.active {
                    self.subject_of(ctx, t, c.asked_at, &named)
                } else {
                    None
                };
                // a thing asks (`it requires efforts to …`): no directive
                if written.as_ref().is_some_and(|(_, s)| s.is_empty()) {
                    k = c.action.1.max(k + 1);
                    continue;
                }
                let issuer = match written {
                    Some((a, s)) => {
                        c.span.0 = c.span.0.min(a);
                        s
                    }
                    None => {
                        // the last person named before the verb in this sentence, else the document's
                        let lo = ctx.norm.orig_char(sr.start);
                        let at = ctx.norm.orig_char(t[c.asked_at].start);
                        mentions
                            .last_in(people, lo, at)
                            .filter(|_| c.active)
                            .map(office)
                            .or_else(|| last_issuer.clone())
                            .or_else(|| mentions.last_in(people, 0, at).map(office))
                            .unwrap_or_default()
                    }
                };
                let (start, end) = ctx.char_span(&(t[c.span.0].start..t[c.span.1 - 1].end));
                let action = display(c.action.0, c.action.1)
                    .trim_start_matches([',', ';', ':', '-', ' '])
                    .to_string();
                let verb = display(c.verb.0, c.verb.1);
                let mut addressees: Vec<String> =
                    c.addressees.iter().map(|&(a, b)| display(a, b)).collect();
                if c.pronoun_object {
                    addressees.extend(last_addressee.clone());
                }
                if addressees.is_empty() {
                    addressees.push(String::new());
                }
                for a in addressees {
                    if !a.is_empty() {
                        last_addressee = Some(a.clone());
                    }
                    rows.push(Directive {
                        start,
                        end,
                        issuer: issuer.clone(),
                        addressee: a,
                        verb: verb.clone(),
                        action: action.clone(),
                        sentence: si,
                    });
                }
                if !issuer.is_empty() {
                    last_issuer = Some(issuer);
                }
                asked = true;
                k = c.action.1.max(k + 1);
            }
        }
        one_per_addressee(rows)
    }

    /// A person as issuer: the last office written with the name, short
    /// forms written out (`PM` → `Prime Minister`), and the name.
    fn office(&self, p: &Person) -> String {
        match p.roles.last() {
            Some(r) => {
                let r = self.issuer_forms.get(&r.to_lowercase()).unwrap_or(r);
                format!("{r} {}", p.name)
            }
            None => p.name.clone(),
        }
    }

    /// Who asks, written before the verb at `k`: a person named there, a
    /// pronoun for the last person named, or a capitalised phrase.
    fn subject_of(
        &self,
        ctx: &Ctx<'_>,
        t: &[Tok<'_>],
        k: usize,
        named: &Named<'_>,
    ) -> Option<(usize, String)> {
        let (names_by_end, mentions, people, given) =
            (&named.by_end, &named.mentions, named.people, &named.given);
        let office = |p: &Person| self.office(p);
        let mut e = self.skip_adverbs_before(t, k);
        // `Chairman of the Hanoi People's Committee, Tran Sy Thanh, has asked`
        if e >= 2 && t[e - 1].is_symbol(",") && names_by_end.contains_key(&t[e - 2].end) {
            e -= 1;
        }
        if e == 0 {
            return None;
        }
        // a person's name right before the verb
        if let Some(&s) = names_by_end.get(&t[e - 1].end) {
            if let Some(p) = mentions.at(people, ctx.norm.orig_char(s)) {
                let a = t.partition_point(|x| x.start < s);
                return Some((a, office(p)));
            }
        }
        // `He asked`: the last person named
        if self
            .pronouns
            .match_before(t, e)
            .is_some_and(|(s, _)| s + 1 == e)
        {
            let at = ctx.norm.orig_char(t[e - 1].start);
            return mentions.last_in(people, 0, at).map(|p| (e - 1, office(p)));
        }
        // `it requires efforts to …`: a thing, not an authority, asks
        if self
            .impersonal
            .match_before(t, e)
            .is_some_and(|(s, _)| s + 1 == e)
        {
            return Some((e - 1, String::new()));
        }
        // a capitalised phrase: `The Government`, `the PM`, `Minister of Finance`
        let mut a = e;
        while a > 0 && e - a < 12 {
            if let Some((s, _)) = self.subject_inner.match_before(t, a).filter(|_| a < e) {
                a = s;
            } else if t[a - 1].is_cap() {
                a -= 1;
            } else {
                break;
            }
        }
        // the phrase begins with a capital, after its determiners
        let mut b = a;
        while b < e && (!t[b].is_cap() || self.determiners.starts_at(t, b)) {
            b += 1;
        }
        if b >= e {
            // `The city asked …`, `the provincial committee urged …`: a short
            // phrase naming a body, without its determiners
            let (p, _) = self.phrase_before(t, e)?;
            let mut q = p;
            while let Some((m, _)) = self.determiners.match_at(t, q).filter(|_| q < e) {
                q += m;
            }
            if e - p > 5 || q >= e || !self.bodies.ends_before(t, e) {
                return None;
            }
            return Some((p, ctx.display(&(t[q].start..t[e - 1].end))));
        }
        // a short mention of a person (`Thanh requested`): a mention the
        // person extractor made, or the last word of a name written before
        if let Some(p) = mentions.at(people, ctx.norm.orig_char(t[b].start)) {
            return Some((a, office(p)));
        }
        if b + 1 == e {
            if let Some(&i) = given.get(t[b].low) {
                let named_before = people[i]
                    .mentions
                    .first()
                    .is_some_and(|m| m.start < ctx.norm.orig_char(t[b].start));
                if named_before {
                    return Some((a, office(&people[i])));
                }
            }
        }
        let written = ctx.display(&(t[b].start..t[e - 1].end));
        let issuer = self
            .issuer_forms
            .get(&written.to_lowercase())
            .cloned()
            .unwrap_or(written);
        Some((a, issuer))
    }
}
