//! The person corpus (`rules/person/examples.toml`) as a test suite: each
//! example must give exactly the listed people with their roles in order;
//! each negative no person. All failures are listed together.

mod common;

use serde::Deserialize;

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

#[test]
fn person_corpus() {
    let corpus: common::Corpus<Example> = common::load("vi/person/examples.toml");
    assert!(corpus.example.len() + corpus.negative.len() >= 30);
    let p = common::processor();
    let run = |text: &str| {
        common::process(&p, text).people.into_iter().map(|x| Want { name: x.name, roles: x.roles }).collect::<Vec<_>>()
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
