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

/// The pipeline with the embedded rules, built once for the whole test
/// binary.
#[allow(dead_code)] // not every test file shares one pipeline
pub fn shared_processor() -> &'static Processor {
    static P: std::sync::OnceLock<Processor> = std::sync::OnceLock::new();
    P.get_or_init(processor)
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

/// The characters `[start, end)` of `text`, the span checked to lie in it.
#[allow(dead_code)]
pub fn chars_of(text: &str, start: usize, end: usize) -> String {
    let n = text.chars().count();
    assert!(start <= end && end <= n, "span {start}..{end} of {n} chars");
    text.chars().skip(start).take(end - start).collect()
}

/// What holds of every record: `chars` counts the text's characters, every
/// span lies within the text, and the `text` of a quantity, legal
/// reference, country or region mention is exactly the characters it covers.
#[allow(dead_code)]
pub fn assert_record_spans(text: &str, rec: &DocumentRecord) {
    assert_eq!(rec.chars, text.chars().count(), "{text:?}");
    for q in &rec.quantities {
        assert_eq!(chars_of(text, q.start, q.end), q.text, "{text:?}");
    }
    for l in &rec.legal_refs {
        assert_eq!(chars_of(text, l.start, l.end), l.text, "{text:?}");
    }
    for m in rec.countries.iter().flat_map(|c| &c.mentions) {
        assert_eq!(chars_of(text, m.start, m.end), m.text, "{text:?}");
    }
    for m in rec.regions.iter().flat_map(|r| &r.mentions) {
        assert_eq!(chars_of(text, m.start, m.end), m.text, "{text:?}");
    }
    for m in rec.people.iter().flat_map(|p| &p.mentions) {
        chars_of(text, m.start, m.end);
    }
    for d in &rec.directives {
        chars_of(text, d.start, d.end);
    }
}
