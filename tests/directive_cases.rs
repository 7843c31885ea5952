//! The directive corpus (`rules/directive/examples.toml`) as a test suite.

use serde::Deserialize;
use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    text: String,
}

#[derive(Deserialize)]
struct Corpus {
    example: Vec<Example>,
    negative: Vec<Negative>,
}

#[test]
fn directive_corpus() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/directive/examples.toml");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(path).expect("read corpus")).expect("parse corpus");
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    let run = |text: &str| {
        let doc = RawDoc { doc_id: "t".into(), source: "t".into(), text: text.into(), ..Default::default() };
        p.process(&doc)
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
    assert!(failures.is_empty(), "{} directive corpus failures:\n{}", failures.len(), failures.join("\n"));
}
