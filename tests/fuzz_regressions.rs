//! Inputs the fuzz targets (`fuzz/`, `cargo +nightly fuzz run TARGET`)
//! found to crash or hang, one test each: the bytes are read as a file
//! named on the command line is read, every document goes through the
//! pipeline and its encoding, and every span must lie within the text and
//! its `text` be exactly the characters it covers.

#[allow(dead_code)] // the corpus loaders are for the table tests
mod common;

use vnextract::input::{read_inputs, InputOptions};
use vnextract::model::{DocumentRecord, InputEvent};

use common::{assert_record_spans, shared_processor as processor};

fn check(text: &str, rec: &DocumentRecord) {
    assert_record_spans(text, rec);
    let enc = vnextract::output::encode_doc(rec, &Default::default()).expect("encode");
    let line = enc.jsonl.strip_suffix(b"\n").expect("a JSON line");
    serde_json::from_slice::<serde_json::Value>(line).expect("the JSON line parses");
}

/// `bytes` as the fuzz target `pipeline_bytes` reads them: a file without
/// extension (format sniffed), every document processed and checked.
fn pipeline_bytes(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc");
    std::fs::write(&path, bytes).unwrap();
    let inputs = [path.to_string_lossy().into_owned()];
    for event in read_inputs(&inputs, &InputOptions::default()).unwrap() {
        if let InputEvent::Doc(raw) = event {
            let rec = processor().process(&raw);
            check(&raw.text, &rec);
        }
    }
}

/// `3/0` read as the day and month of a headline: month 0 made
/// `text::meta::title_day` subtract with overflow (fuzz target
/// `pipeline_bytes`).
#[test]
fn headline_day_of_month_zero() {
    pipeline_bytes(b"3/0 g g g");
}

/// `1.234,.` read with English marks (`1,234.,`): the English-thousands
/// branch of `parse_vi_number` kept `,` as a fraction digit and
/// `decimal_value` computed `b',' - b'0'` (subtract with overflow; fuzz
/// target `number`). A fraction with a separator is no number.
#[test]
fn english_thousands_with_a_separator_after_the_point() {
    use vnextract::extract::number::{parse_number, parse_vi_number};
    use vnextract::model::DecimalMark;
    assert_eq!(parse_number("1.234,.", DecimalMark::Point), None);
    assert_eq!(parse_vi_number("1,234.,"), None);
    assert_eq!(parse_vi_number("1,234,567.,5"), None);
    // the neighbours still read
    assert_eq!(parse_number("1,234.5", DecimalMark::Point), Some(1234.5));
    assert_eq!(parse_vi_number("1,234,567.5"), Some(1234567.5));
    assert_eq!(parse_vi_number("1,234,567."), Some(1234567.0));
    // and the phrases the pipeline meets
    let text = "Revenue reached $1.234,. billion, up 1.234,.% on 3/0.";
    let rec = processor().process(&vnextract::model::RawDoc {
        text: text.into(),
        ..Default::default()
    });
    check(text, &rec);
}
