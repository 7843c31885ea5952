//! The quantity corpora (`rules/vi/quantity/examples.toml`, `rules/en/…`) as a test suite:
//! every example sentence must give exactly one quantity with the listed
//! fields, every negative none. All failures are listed together.

mod common;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    value: f64,
    value_max: Option<f64>,
    unit: String,
    kind: Option<String>,
    qualifier: Option<String>,
    change: Option<String>,
    counted: Option<String>,
    subject: Option<String>,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9_f64.max(b.abs() * 1e-9)
}

#[test]
fn quantity_corpus() {
    let corpus: common::Corpus<Example> = common::load("vi/quantity/examples.toml");
    assert!(corpus.example.len() >= 60, "the corpus must hold at least 60 examples");
    assert!(corpus.negative.len() >= 15);
    check(&corpus);
}

/// Figures written in words (`rules/vi/quantity/numeral_examples.toml`).
#[test]
fn numeral_corpus() {
    let corpus: common::Corpus<Example> = common::load("vi/quantity/numeral_examples.toml");
    assert!(corpus.example.len() >= 20 && corpus.negative.len() >= 20);
    check(&corpus);
}

/// The English corpus (`rules/en/quantity/examples.toml`), read with the
/// English rules.
#[test]
fn quantity_corpus_en() {
    let corpus: common::Corpus<Example> = common::load("en/quantity/examples.toml");
    assert!(corpus.example.len() >= 35 && corpus.negative.len() >= 12);
    check_with(&corpus, common::processor_for("en"));
}

fn check(corpus: &common::Corpus<Example>) {
    check_with(corpus, common::processor());
}

fn check_with(corpus: &common::Corpus<Example>, p: vnextract::pipeline::Processor) {
    let mut failures = Vec::new();
    let run = |text: &str| common::process(&p, text).quantities;
    for ex in &corpus.example {
        let qs = run(&ex.text);
        if qs.len() != 1 {
            failures.push(format!("{:?}: want one quantity, got {:?}", ex.text, qs.iter().map(|q| &q.text).collect::<Vec<_>>()));
            continue;
        }
        let q = &qs[0];
        let mut bad = Vec::new();
        if !close(q.value, ex.value) {
            bad.push(format!("value {} != {}", q.value, ex.value));
        }
        match (q.value_max, ex.value_max) {
            (None, None) => {}
            (Some(a), Some(b)) if close(a, b) => {}
            (a, b) => bad.push(format!("value_max {a:?} != {b:?}")),
        }
        if q.unit != ex.unit {
            bad.push(format!("unit {} != {}", q.unit, ex.unit));
        }
        if let Some(k) = &ex.kind {
            if q.kind.as_str() != k {
                bad.push(format!("kind {} != {k}", q.kind.as_str()));
            }
        }
        if q.qualifier != ex.qualifier.clone().unwrap_or_default() {
            bad.push(format!("qualifier {:?} != {:?}", q.qualifier, ex.qualifier));
        }
        if let Some(c) = &ex.change {
            if &q.change != c {
                bad.push(format!("change {:?} != {c:?}", q.change));
            }
        }
        if let Some(c) = &ex.counted {
            if q.counted.as_deref() != Some(c.as_str()) {
                bad.push(format!("counted {:?} != {c:?}", q.counted));
            }
        }
        if let Some(s) = &ex.subject {
            if q.subject.as_deref() != Some(s.as_str()) {
                bad.push(format!("subject {:?} != {s:?}", q.subject));
            }
        }
        if !bad.is_empty() {
            failures.push(format!("{:?} ({:?}): {}", ex.text, q.text, bad.join("; ")));
        }
    }
    for n in &corpus.negative {
        let qs = run(&n.text);
        if !qs.is_empty() {
            failures.push(format!("{:?}: want nothing, got {:?}", n.text, qs.iter().map(|q| &q.text).collect::<Vec<_>>()));
        }
    }
    assert!(failures.is_empty(), "{} corpus failures:\n{}", failures.len(), failures.join("\n"));
}

/// `1,596 of 2,991 projects`: the share counts the same noun, outside its
/// own text, and the whole is a figure of its own.
#[test]
fn a_share_of_a_count_counts_its_noun() {
    let p = common::processor_for("en");
    let rec = common::process(&p, "Only 1,596 of 2,991 projects have been reviewed.");
    let got: Vec<(String, f64, String, Option<String>)> = rec
        .quantities
        .iter()
        .map(|q| (q.text.clone(), q.value, q.unit.clone(), q.counted.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("1,596".to_string(), 1596.0, "count".to_string(), Some("projects".to_string())),
            ("2,991 projects".to_string(), 2991.0, "count".to_string(), Some("projects".to_string())),
        ]
    );
}

/// A price per unit over a conversion in brackets: both figures are prices
/// per square metre, and neither text takes in the other.
#[test]
fn a_price_per_unit_reaches_over_a_conversion_in_brackets() {
    let p = common::processor_for("en");
    let rec = common::process(&p, "Prices reached about VND50.8 million ($2,093) per square meter (sqm).");
    let got: Vec<(String, f64, String)> =
        rec.quantities.iter().map(|q| (q.text.clone(), q.value, q.unit.clone())).collect();
    assert_eq!(
        got,
        vec![
            ("about VND50.8 million".to_string(), 50800000.0, "VND/m2".to_string()),
            ("$2,093".to_string(), 2093.0, "USD/m2".to_string()),
        ]
    );
}
