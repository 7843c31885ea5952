//! The person corpus (`rules/person/examples.toml`) as a test suite: each
//! example must give exactly the listed people with their roles in order;
//! each negative no person. All failures are listed together.

use serde::Deserialize;
use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Want {
    name: String,
    roles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    people: Vec<Want>,
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
fn person_corpus() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/person/examples.toml");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(path).expect("read corpus")).expect("parse corpus");
    assert!(corpus.example.len() + corpus.negative.len() >= 30);
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    let run = |text: &str| {
        let doc = RawDoc { doc_id: "t".into(), source: "t".into(), text: text.into(), ..Default::default() };
        p.process(&doc).people.into_iter().map(|x| Want { name: x.name, roles: x.roles }).collect::<Vec<_>>()
    };
    let mut failures = Vec::new();
    for ex in &corpus.example {
        let got = run(&ex.text);
        if got != ex.people {
            failures.push(format!("{:?}\n   want {:?}\n   got  {:?}", ex.text, ex.people, got));
        }
    }
    for n in &corpus.negative {
        let got = run(&n.text);
        if !got.is_empty() {
            failures.push(format!("{:?}: want nobody, got {:?}", n.text, got));
        }
    }
    assert!(failures.is_empty(), "{} person corpus failures:\n{}", failures.len(), failures.join("\n"));
}
