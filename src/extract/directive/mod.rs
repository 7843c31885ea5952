//! Directives: who was told to do what, by whom (docs/contract.md §3 Directives).
//!
//! Two readers, one per grammar of request; a language's rules folder
//! chooses its own (`rules/<lang>/directive/`):
//! - [`serial`]: the request verb is followed by the addressee and then the
//!   bare task (`Thủ tướng yêu cầu Bộ Công Thương chủ trì …`: Vietnamese,
//!   `orgs.toml` and `verbs.toml`);
//! - [`infinitive`]: the addressee is the verb's object and the task an
//!   infinitive after a marker (`The PM asked the Ministry of Finance to
//!   …`: English, `clauses.toml`).
//!
//! Both write one row per addressee and task ([`one_per_addressee`]).

mod infinitive;
mod serial;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::extract::Ctx;
use crate::matcher::{LexiconBuilder, Tok, TokKind};
use crate::model::{Directive, LegalRef, Person};
use crate::rules::directive::DirectiveRules;

use infinitive::InfinitiveReader;
use serial::SerialReader;

/// The directive extractor of one language.
pub struct DirectiveExtractor {
    reader: Reader,
}

enum Reader {
    Serial(Box<SerialReader>),
    Infinitive(Box<InfinitiveReader>),
}

impl DirectiveExtractor {
    pub fn new(
        rules: &DirectiveRules,
        country_forms: &[String],
        lex: &mut LexiconBuilder,
    ) -> DirectiveExtractor {
        let reader = match &rules.clauses {
            Some(c) => Reader::Infinitive(Box::new(InfinitiveReader::new(c, lex))),
            None => Reader::Serial(Box::new(SerialReader::new(rules, country_forms, lex))),
        };
        DirectiveExtractor { reader }
    }

    /// The directives of a document, in text order; `people` and
    /// `name_ranges` (normalized bytes, in text order) come from the person
    /// extractor, `legal` from the legal one.
    pub fn extract(
        &self,
        ctx: &Ctx<'_>,
        people: &[Person],
        name_ranges: &[Range<usize>],
        legal: &[LegalRef],
    ) -> Vec<Directive> {
        match &self.reader {
            Reader::Serial(r) => r.extract(ctx, people, name_ranges, legal),
            Reader::Infinitive(r) => r.extract(ctx, people, name_ranges),
        }
    }
}

/// A token that ends a clause: a line break or `;`, `.`, `!`, `?`, `…`.
fn is_break(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Newline
        || (t.kind == TokKind::Symbol && matches!(t.raw, ";" | "." | "!" | "?" | "…"))
}

fn is_sym(t: Option<&Tok<'_>>, s: &str) -> bool {
    t.is_some_and(|x| x.is_symbol(s))
}

/// One row per addressee and task: drops repeats of the same addressee in
/// overlapping clauses (`yêu cầu Bộ KHĐT chủ trì …`). The kept spans of one
/// addressee are disjoint, so one look-up in spans sorted by start tells
/// whether a new span overlaps any.
fn one_per_addressee(rows: Vec<Directive>) -> Vec<Directive> {
    let mut kept: Vec<Directive> = Vec::with_capacity(rows.len());
    let mut spans: HashMap<String, BTreeMap<usize, usize>> = HashMap::new();
    for d in rows {
        if !d.addressee.is_empty() {
            let by_start = spans.entry(d.addressee.to_lowercase()).or_default();
            let overlaps = by_start
                .range(..d.end)
                .next_back()
                .is_some_and(|(_, &end)| end > d.start);
            if overlaps {
                continue;
            }
            by_start.entry(d.start).or_insert(d.end);
        }
        kept.push(d);
    }
    kept
}

/// Every mention of every person, sorted by (start, person), so that "who
/// was named last before here" and "who is named here" are binary searches.
struct Mentions {
    by_start: Vec<(usize, usize)>,
}

impl Mentions {
    fn new(people: &[Person]) -> Mentions {
        let mut by_start: Vec<(usize, usize)> = people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.start, i)))
            .collect();
        by_start.sort_unstable();
        Mentions { by_start }
    }

    /// The person with the latest mention starting in `lo..hi` (the later
    /// person of the list on a tie).
    fn last_in<'p>(&self, people: &'p [Person], lo: usize, hi: usize) -> Option<&'p Person> {
        let i = self.by_start.partition_point(|&(s, _)| s < hi);
        let &(s, p) = self.by_start.get(i.checked_sub(1)?)?;
        (s >= lo).then(|| people.get(p)).flatten()
    }

    /// The first person of the list with a mention starting at `at`.
    fn at<'p>(&self, people: &'p [Person], at: usize) -> Option<&'p Person> {
        let i = self.by_start.partition_point(|&(s, _)| s < at);
        self.by_start
            .get(i)
            .filter(|&&(s, _)| s == at)
            .and_then(|&(_, p)| people.get(p))
    }
}

#[cfg(test)]
mod tests {
    use super::DirectiveExtractor;
    use crate::rules::{directive::DirectiveRules, place::PlaceRules, RuleSource};

    /// Each reader alone (no people, no legal references): each sentence
    /// and its directives as `issuer -> addressee: verb`.
    #[test]
    fn directives_of_sentences() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "vi",
                "Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai nhiệm vụ.",
                &["Thủ tướng -> các bộ, ngành: yêu cầu"],
            ),
            (
                "vi",
                "Giao Bộ Công Thương chủ trì, phối hợp với các địa phương đẩy mạnh xuất khẩu.",
                &[" -> Bộ Công Thương: Giao"],
            ),
            ("vi", "Xuất khẩu tăng mạnh trong năm nay.", &[]),
            (
                "en",
                "The Prime Minister asked ministries and localities to speed up the work.",
                // bodies joined by `and` are one addressee; people in office would be split
                &["Prime Minister -> ministries and localities: asked"],
            ),
            ("en", "Exports rose sharply this year.", &[]),
        ];
        for &(lang, text, want) in cases {
            let dir = RuleSource::Embedded.lang(lang);
            let rules = DirectiveRules::load(&dir).expect("directive rules");
            let place = PlaceRules::load(&dir).expect("place rules");
            let mut b = crate::matcher::LexiconBuilder::new();
            let ex = DirectiveExtractor::new(&rules, &place.country_forms(), &mut b);
            let lex = b.build();
            let got = crate::extract::with_ctx(
                text,
                crate::rules::text::TextRules::builtin(),
                &lex,
                |ctx| ex.extract(ctx, &[], &[], &[]),
            );
            let got: Vec<String> = got
                .iter()
                .map(|d| format!("{} -> {}: {}", d.issuer, d.addressee, d.verb))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
