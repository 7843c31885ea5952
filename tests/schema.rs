//! `docs/documents.schema.json` against what the binary writes: every
//! `documents.jsonl` line of the sample articles (`data/`), of the real
//! excerpts (`tests/gold/real`), of the English held-out set
//! (`tests/heldout-en`) and of the map stage (`--out -`) is valid under the
//! schema, carries the manifest's `schema_version` as its second key, and
//! holds its offsets inside the document. The schema itself is checked
//! against the draft 2020-12 meta-schema, and it is shown to reject broken
//! lines, so this test can fail.
//!
//! The schema allows fields it does not describe (`additionalProperties`,
//! for consumers: fields may be added under the same version). This test is
//! stricter: it validates a copy with `additionalProperties: false` on every
//! object that lists `properties`, so a field the program writes and the
//! schema does not describe fails here.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use jsonschema::Validator;
use serde_json::{json, Value};

const SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/documents.schema.json");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

fn schema() -> Value {
    let text = fs::read_to_string(SCHEMA).unwrap_or_else(|e| panic!("{SCHEMA}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SCHEMA}: {e}"))
}

/// The schema as published, checked against the draft 2020-12 meta-schema.
fn validator() -> Validator {
    let s = schema();
    assert_eq!(
        s["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema declares draft 2020-12"
    );
    if let Err(e) = jsonschema::meta::validate(&s) {
        panic!("{SCHEMA} is no valid JSON Schema: {e}");
    }
    jsonschema::draft202012::new(&s).unwrap_or_else(|e| panic!("{SCHEMA}: {e}"))
}

/// `additionalProperties: false` on every object schema that lists its
/// `properties`.
fn closed(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.contains_key("properties") {
                m.insert("additionalProperties".into(), Value::Bool(false));
            }
            m.values_mut().for_each(closed);
        }
        Value::Array(a) => a.iter_mut().for_each(closed),
        _ => {}
    }
}

/// The schema with no room for undescribed fields.
fn strict_validator() -> Validator {
    let mut s = schema();
    closed(&mut s);
    jsonschema::draft202012::new(&s).expect("closed schema compiles")
}

/// The problems `v` finds in `line`, one per line.
fn problems(v: &Validator, line: &Value) -> String {
    v.iter_errors(line)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every span of a record lies within its text: `start <= end <= chars`.
fn check_spans(where_: &str, doc: &Value) {
    let chars = doc["chars"].as_u64().expect("chars");
    let span = |what: &str, x: &Value| {
        let (s, e) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
        assert!(
            s <= e && e <= chars,
            "{where_}: {what} [{s}, {e}) outside 0..{chars}"
        );
    };
    for table in ["quantities", "legal_refs", "directives"] {
        for x in doc[table].as_array().unwrap() {
            span(table, x);
        }
    }
    for table in ["people", "countries", "regions"] {
        for x in doc[table].as_array().unwrap() {
            for m in x["mentions"].as_array().unwrap() {
                span(table, m);
            }
        }
    }
}

/// Checks every line of a `documents.jsonl` text; returns how many.
fn check_lines(where_: &str, jsonl: &str, version: u64) -> usize {
    let (lax, strict) = (validator(), strict_validator());
    let mut n = 0;
    for (i, line) in jsonl.lines().enumerate() {
        let at = format!("{where_}:{}", i + 1);
        let doc: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(lax.is_valid(&doc), "{at}:\n{}", problems(&lax, &doc));
        assert!(
            strict.is_valid(&doc),
            "{at}: a field the schema does not describe:\n{}",
            problems(&strict, &doc)
        );
        assert_eq!(doc["schema_version"], json!(version), "{at}");
        let head = format!(
            "{{\"doc_id\":{},\"schema_version\":{version},\"source\":",
            doc["doc_id"]
        );
        assert!(
            line.starts_with(&head),
            "{at}: doc_id first, schema_version second"
        );
        check_spans(&at, &doc);
        n += 1;
    }
    n
}

/// `vnextract run INPUT --out DIR`: checks its `documents.jsonl` against
/// the schema and the manifest; returns the number of lines.
fn check_run(input: &str) -> usize {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join(input);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}: {}",
        input.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let version = manifest["schema_version"]
        .as_u64()
        .expect("manifest.json has a schema_version");
    let jsonl = fs::read_to_string(out.join("documents.jsonl")).unwrap();
    let n = check_lines(&input.display().to_string(), &jsonl, version);
    assert_eq!(json!(n), manifest["documents"], "{}", input.display());
    n
}

#[test]
fn sample_articles_are_valid() {
    assert_eq!(check_run("data"), 6);
}

#[test]
fn real_excerpts_are_valid() {
    assert!(check_run("tests/gold/real") >= 14);
}

#[test]
fn english_held_out_set_is_valid() {
    assert!(check_run("tests/heldout-en") >= 12);
}

/// The map stage writes the same shape, with the version of the schema the
/// program's manifest would record (no manifest is written with `--out -`).
#[test]
fn map_stage_lines_are_valid() {
    let dump = concat!(
        "{\"id\": 7, \"title\": \"T\", \"published\": \"20/12/2024\", \"authors\": \"Diệu Hoa\", ",
        "\"text\": \"Thủ tướng Phạm Minh Chính yêu cầu Bộ Công Thương chủ trì, phối hợp rà soát ",
        "Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư; doanh thu đạt trên 4.814 tỷ đồng, ",
        "tăng 6,5-7% so với Nhật Bản và ASEAN.\"}\n",
        "{\"text\": \"x\"}\n",
        "{not json\n",
    );
    let mut child = bin()
        .args(["run", "-", "--out", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dump.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8(o.stdout).unwrap();
    let version = u64::from(vnextract::output::manifest::SCHEMA_VERSION);
    assert_eq!(check_lines("stdin", &stdout, version), 2);
}

/// The schema is no rubber stamp: it refuses lines a consumer could not
/// load, and the strict copy refuses a field it does not describe.
#[test]
fn broken_lines_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(
        &input,
        "Tiêu đề bài báo\nDoanh thu ước đạt trên 4.814 tỷ đồng, tăng 10,5%.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let st = bin()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .status()
        .unwrap();
    assert!(st.success());
    let line = fs::read_to_string(out.join("documents.jsonl")).unwrap();
    let good: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let (lax, strict) = (validator(), strict_validator());
    assert!(lax.is_valid(&good), "{}", problems(&lax, &good));
    assert_eq!(good["quantities"][0]["text"], "trên 4.814 tỷ đồng");

    let broken = |what: &str, edit: &dyn Fn(&mut Value), path: &str| {
        let mut bad = good.clone();
        edit(&mut bad);
        let errors: Vec<String> = lax
            .iter_errors(&bad)
            .map(|e| e.instance_path().to_string())
            .collect();
        assert!(!errors.is_empty(), "{what}: accepted");
        assert!(
            errors.iter().any(|p| p == path),
            "{what}: rejected at {errors:?}, not at {path}"
        );
    };
    broken(
        "start as a string",
        &|d| d["quantities"][0]["start"] = json!("34"),
        "/quantities/0/start",
    );
    broken(
        "no doc_id",
        &|d| {
            d.as_object_mut().unwrap().remove("doc_id");
        },
        "",
    );
    broken(
        "value written as in the text",
        &|d| d["quantities"][0]["value"] = json!("4,814"),
        "/quantities/0/value",
    );
    broken(
        "a negative offset",
        &|d| d["quantities"][0]["end"] = json!(-1),
        "/quantities/0/end",
    );
    broken(
        "a kind outside the set",
        &|d| d["quantities"][0]["kind"] = json!("currency"),
        "/quantities/0/kind",
    );
    broken(
        "another schema_version",
        &|d| d["schema_version"] = json!(2),
        "/schema_version",
    );
    broken(
        "a missing nullable field",
        &|d| {
            d.as_object_mut().unwrap().remove("url");
        },
        "",
    );
    broken(
        "an issued date that is not ISO",
        &|d| {
            d["legal_refs"] = json!([{"start": 0, "end": 5, "text": "CT 15", "doc_type": "Chỉ thị",
                "code": "15-CT/TW", "number": 15, "issued": "10-8-2022", "issuer": null}])
        },
        "/legal_refs/0/issued",
    );

    // a field added later is allowed by the published schema, not by the
    // strict copy this repository holds itself to
    let mut added = good.clone();
    added["quantities"][0]["confidence"] = json!(0.9);
    assert!(lax.is_valid(&added));
    assert!(!strict.is_valid(&added));
}
