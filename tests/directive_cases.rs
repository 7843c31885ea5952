//! The directive corpora (`rules/<lang>/directive/examples.toml`) as test suites.

mod common;

use serde::Deserialize;

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Want {
    issuer: String,
    addressee: String,
    verb: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    directives: Vec<Want>,
}

/// Every example of a corpus gives exactly its directives, every negative none.
fn run_corpus(rel: &str, p: &vnextract::pipeline::Processor) {
    let corpus: common::Corpus<Example> = common::load(rel);
    let run = |text: &str| {
        common::process(p, text)
            .directives
            .into_iter()
            .map(|d| Want { issuer: d.issuer, addressee: d.addressee, verb: d.verb })
            .collect::<Vec<_>>()
    };
    let mut failures = Vec::new();
    for ex in &corpus.example {
        let got = run(&ex.text);
        if got != ex.directives {
            failures.push(format!("{:?}\n   want {:?}\n   got  {:?}", ex.text, ex.directives, got));
        }
    }
    for n in &corpus.negative {
        let got: Vec<Want> = run(&n.text).into_iter().filter(|d| !d.addressee.is_empty()).collect();
        if !got.is_empty() {
            failures.push(format!("{:?}: want no addressed directive, got {:?}", n.text, got));
        }
    }
    assert!(failures.is_empty(), "{rel}: {} directive corpus failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn directive_corpus() {
    run_corpus("vi/directive/examples.toml", &common::processor());
}

#[test]
fn directive_corpus_en() {
    run_corpus("en/directive/examples.toml", &common::processor_for("en"));
}

/// A run-on sentence of commas: the action of a request verb ends at most
/// 200 tokens after the verb, not at the end of the text.
#[test]
fn actions_of_run_on_sentences_are_capped() {
    let p = common::processor();
    let text = format!("Thủ tướng yêu cầu Bộ Công Thương {}.", "rà soát kho bãi, ".repeat(400));
    let d = common::process(&p, &text).directives;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].issuer.as_str(), d[0].addressee.as_str(), d[0].verb.as_str()), ("Thủ tướng", "Bộ Công Thương", "yêu cầu"));
    // 200 tokens after the verb: 3 of the addressee, then words and commas
    let action = &d[0].action;
    assert!(action.starts_with("rà soát kho bãi, rà soát"), "{action}");
    let tokens = action.split_whitespace().count() + action.matches(',').count();
    assert_eq!(tokens, 197, "{action}");
}
