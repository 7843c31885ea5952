//! What the corpus tests share: loading a `rules/*/examples.toml` corpus and
//! running one text through the whole pipeline.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use vnextract::model::{DocumentRecord, RawDoc};
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

/// A sentence that must give nothing of the kind the corpus is about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Negative {
    pub text: String,
}

/// `[[example]]` entries of type `E` and `[[negative]]` entries.
#[derive(Deserialize)]
#[serde(bound = "E: DeserializeOwned")]
pub struct Corpus<E> {
    pub example: Vec<E>,
    pub negative: Vec<Negative>,
}

/// Load a corpus by its path under `rules/` (`vi/quantity/examples.toml`).
pub fn load<E: DeserializeOwned>(rel: &str) -> Corpus<E> {
    let path = format!("{}/rules/{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The pipeline with the embedded rules.
pub fn processor() -> Processor {
    Processor::new(&Rules::embedded().expect("embedded rules"))
}

/// The pipeline with the embedded rules, every text read as language `code`.
#[allow(dead_code)] // not every corpus test reads another language
pub fn processor_for(code: &str) -> Processor {
    processor().with_language(Some(code))
}

/// One text through the whole pipeline.
pub fn process(p: &Processor, text: &str) -> DocumentRecord {
    let doc = RawDoc {
        doc_id: "t".into(),
        source: "t".into(),
        text: text.into(),
        ..Default::default()
    };
    p.process(&doc)
}

/// Offsets are characters of the original text, and each row's `text` is
/// exactly what its `(start, end)` covers.
#[allow(dead_code)] // not every test file reads offsets
pub fn assert_spans_cover_text<'a>(
    text: &str,
    rows: impl IntoIterator<Item = (usize, usize, &'a str)>,
) {
    for (start, end, said) in rows {
        let span: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(span, said, "{text}");
    }
}
