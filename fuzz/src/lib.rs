//! What the fuzz targets share: the pipeline built once, reading bytes as
//! the input module reads a file, and the invariants every record must hold.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use vnextract::input::{read_inputs, InputOptions};
use vnextract::model::{DocumentRecord, InputEvent, RawDoc};
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

/// The pipeline with the embedded rules, language detected.
pub fn processor() -> &'static Processor {
    static P: OnceLock<Processor> = OnceLock::new();
    P.get_or_init(|| Processor::new(&Rules::embedded().expect("embedded rules")))
}

/// The pipeline with the embedded rules, every text read as `code`
/// (`vi` or `en`).
pub fn processor_for(code: &str) -> &'static Processor {
    static VI: OnceLock<Processor> = OnceLock::new();
    static EN: OnceLock<Processor> = OnceLock::new();
    let cell = if code == "en" { &EN } else { &VI };
    cell.get_or_init(|| {
        Processor::new(&Rules::embedded().expect("embedded rules")).with_language(Some(code))
    })
}

/// A private scratch folder of this process (under /dev/shm when it
/// exists, so that the file written every execution stays in memory).
pub fn scratch() -> &'static PathBuf {
    static D: OnceLock<PathBuf> = OnceLock::new();
    D.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        // Kept for the life of the process (the fuzzer never returns).
        tempfile::Builder::new()
            .prefix("vnextract-fuzz-")
            .tempdir_in(base)
            .expect("scratch dir")
            .keep()
    })
}

/// The events of `bytes` written to a file called `name` and read through
/// the public input API, as `vnextract` reads a file named on the command
/// line (`name` without extension: the format is sniffed, as for stdin).
pub fn read_as_file(name: &str, bytes: &[u8]) -> Vec<InputEvent> {
    let path = scratch().join(name);
    {
        let mut f = std::fs::File::create(&path).expect("create scratch file");
        f.write_all(bytes).expect("write scratch file");
    }
    let inputs = [path.to_string_lossy().into_owned()];
    read_inputs(&inputs, &InputOptions::default())
        .expect("the scratch file exists")
        .collect()
}

/// The characters `[start, end)` of `text`; panics when the span is not
/// within the text.
fn chars_of(text: &str, start: usize, end: usize, what: &str) -> String {
    let n = text.chars().count();
    assert!(
        start <= end && end <= n,
        "{what}: span {start}..{end} outside a text of {n} chars"
    );
    text.chars().skip(start).take(end - start).collect()
}

/// Every span lies in the text, and every row's `text` is exactly the
/// characters it covers; the record encodes, its JSON line parses.
pub fn check_record(text: &str, rec: &DocumentRecord) {
    let n = text.chars().count();
    assert_eq!(rec.chars, n, "chars");
    for q in &rec.quantities {
        let got = chars_of(text, q.start, q.end, "quantity");
        assert_eq!(got, q.text, "quantity text != text[{}..{}]", q.start, q.end);
        assert!(!q.value.is_nan(), "quantity value NaN: {q:?}");
    }
    for l in &rec.legal_refs {
        let got = chars_of(text, l.start, l.end, "legal ref");
        assert_eq!(got, l.text, "legal text != text[{}..{}]", l.start, l.end);
    }
    for c in &rec.countries {
        for m in &c.mentions {
            let got = chars_of(text, m.start, m.end, "country mention");
            assert_eq!(got, m.text, "country text != text[{}..{}]", m.start, m.end);
        }
    }
    for r in &rec.regions {
        for m in &r.mentions {
            let got = chars_of(text, m.start, m.end, "region mention");
            assert_eq!(got, m.text, "region text != text[{}..{}]", m.start, m.end);
        }
    }
    for p in &rec.people {
        for m in &p.mentions {
            chars_of(text, m.start, m.end, "person mention");
        }
    }
    for d in &rec.directives {
        chars_of(text, d.start, d.end, "directive");
    }
    let enc = vnextract::output::encode_doc(rec, &Default::default()).expect("encode");
    assert_eq!(enc.jsonl.last(), Some(&b'\n'));
    let line = &enc.jsonl[..enc.jsonl.len() - 1];
    assert!(!line.contains(&b'\n'), "a JSON line holds a line break");
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(line) {
        panic!("documents.jsonl line does not parse: {e}");
    }
}

/// One text through `p`, checked.
pub fn process_checked(p: &Processor, text: &str) -> DocumentRecord {
    let raw = RawDoc {
        doc_id: "f".into(),
        source: "f".into(),
        text: text.into(),
        ..Default::default()
    };
    let rec = p.process(&raw);
    check_record(text, &rec);
    rec
}
