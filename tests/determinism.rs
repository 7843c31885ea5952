//! The same articles give the same records whatever the thread count and
//! whether the dump is read plain, gzip- or zstd-compressed (only `source`,
//! which names the file, differs).

use std::io::Write;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A JSON Lines dump of every sample article and gold text, 3 times over.
fn dump() -> String {
    let mut out = String::new();
    let mut n = 0;
    for dir in ["data", "tests/gold/real", "tests/heldout2"] {
        let mut files: Vec<_> = std::fs::read_dir(Path::new(ROOT).join(dir))
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for _ in 0..3 {
            for f in &files {
                let text = std::fs::read_to_string(f).expect("article");
                out.push_str(&serde_json::json!({"id": format!("d{n}"), "text": text}).to_string());
                out.push('\n');
                n += 1;
            }
        }
    }
    out
}

/// `documents.jsonl` and the CSV tables of a run, `source` blanked.
fn run(input: &Path, threads: &str, out: &Path) -> Vec<String> {
    let status = Command::new(BIN)
        .args(["run", "--quiet", "--threads", threads, "--out"])
        .arg(out)
        .arg(input)
        .status()
        .expect("vnextract");
    assert!(status.success());
    let mut files = Vec::new();
    for name in [
        "documents.jsonl",
        "quantities.csv",
        "people.csv",
        "countries.csv",
        "regions.csv",
        "legal_refs.csv",
        "directives.csv",
    ] {
        files.push(std::fs::read_to_string(out.join(name)).expect("output"));
    }
    let source = input.display().to_string();
    files.iter().map(|f| f.replace(&source, "SOURCE")).collect()
}

#[test]
fn threads_and_compression_give_the_same_records() {
    let tmp = tempfile::tempdir().expect("tmp");
    let text = dump();
    let plain = tmp.path().join("dump.jsonl");
    std::fs::write(&plain, &text).expect("plain");
    let gz = tmp.path().join("dump.jsonl.gz");
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).expect("gzip");
    std::fs::write(&gz, e.finish().expect("gzip")).expect("gz");
    let zst = tmp.path().join("dump.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(text.as_bytes(), 3).expect("zstd")).expect("zst");

    let base = run(&plain, "1", &tmp.path().join("a"));
    assert!(base[0].lines().count() > 90, "{}", base[0].lines().count());
    for (input, threads, name) in [
        (&plain, "2", "b"),
        (&gz, "1", "c"),
        (&gz, "2", "d"),
        (&zst, "1", "e"),
        (&zst, "2", "f"),
    ] {
        let got = run(input, threads, &tmp.path().join(name));
        for (g, b) in got.iter().zip(&base) {
            assert!(g == b, "{} with {threads} threads differs", input.display());
        }
    }
}
