//! The binary end to end: the tables it writes, determinism across thread
//! counts, bad input that is logged and skipped, and exit codes.

use std::fs;
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn writes_every_table_with_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "Tiêu đề bài báo\nDoanh thu ước đạt trên 4.814 tỷ đồng, tăng 10,5%.\n").unwrap();
    let out = dir.path().join("out");
    let st = bin().arg("run").arg(&input).arg("--out").arg(&out).arg("-q").status().unwrap();
    assert!(st.success());
    let q = read(&out.join("quantities.csv"));
    let mut lines = q.lines();
    assert_eq!(
        lines.next(),
        Some("doc_id,start,end,text,value,value_max,unit,kind,qualifier,change,counted,subject,sentence")
    );
    let row = lines.next().expect("one quantity row");
    assert!(row.starts_with("a,34,52,trên 4.814 tỷ đồng,4814000000000,,VND,money,over,,,Doanh thu,1"), "{row}");
    let row = lines.next().expect("second quantity row");
    assert!(row.starts_with("a,59,64,\"10,5%\",10.5,,percent,percent,,up,"), "{row}");
    for (f, header) in [
        ("documents.csv", "doc_id,source,url,title,published,language,language_confidence,chars,authors"),
        ("people.csv", "doc_id,name,roles,mentions,first_start"),
        ("countries.csv", "doc_id,code,name_en,name_vi,mentions,first_start"),
        ("regions.csv", "doc_id,name,mentions,first_start"),
        ("legal_refs.csv", "doc_id,start,end,text,doc_type,code,number,issued,issuer"),
        ("directives.csv", "doc_id,start,end,issuer,addressee,verb,action,sentence"),
        ("errors.csv", "source,line,doc_id,action,message"),
    ] {
        assert_eq!(read(&out.join(f)).lines().next(), Some(header), "{f}");
    }
    let jsonl = read(&out.join("documents.jsonl"));
    let doc: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(doc["quantities"][0]["value"], serde_json::json!(4814000000000u64));
    assert_eq!(doc["title"], "Tiêu đề bài báo");
    // no temporary files are left behind
    let leftovers: Vec<_> = fs::read_dir(&out).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty());
}

#[test]
fn excel_flag_adds_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "Có 5 dự án.\n").unwrap();
    let out = dir.path().join("out");
    assert!(bin().arg("run").arg(&input).arg("--out").arg(&out).args(["-q", "--excel"]).status().unwrap().success());
    let bytes = fs::read(out.join("quantities.csv")).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
}

#[test]
fn identical_output_for_one_and_two_threads() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let dir = tempfile::tempdir().unwrap();
    let (o1, o2) = (dir.path().join("o1"), dir.path().join("o2"));
    assert!(bin().args(["run", data, "-q", "--threads", "1", "--out"]).arg(&o1).status().unwrap().success());
    assert!(bin().args(["run", data, "-q", "--threads", "2", "--out"]).arg(&o2).status().unwrap().success());
    for f in ["documents.jsonl", "documents.csv", "quantities.csv", "errors.csv"] {
        assert_eq!(fs::read(o1.join(f)).unwrap(), fs::read(o2.join(f)).unwrap(), "{f} differs");
    }
    // one line per sample article: the five of the dev set and the English one
    let samples = fs::read_dir(data).unwrap().filter(|e| {
        e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
    });
    assert_eq!(read(&o1.join("documents.jsonl")).lines().count(), samples.count());
    assert_eq!(read(&o1.join("documents.jsonl")).lines().count(), 6);
}

#[test]
fn bad_input_is_logged_and_the_rest_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("a_good.txt"), "Có 5 dự án mới.\n").unwrap();
    fs::write(inp.join("b_empty.txt"), "").unwrap();
    fs::write(inp.join("c_binary.txt"), b"\x00\x01\x02\x00abc").unwrap();
    fs::write(inp.join("d_latin1.txt"), b"C\xf3 7 d\xe1 \xe1n.\n").unwrap();
    fs::write(inp.join("e_dump.jsonl"), "{\"id\": \"x1\", \"text\": \"Có 3 nhà máy.\"}\n{not json\n{\"id\": \"x2\", \"text\": \"Có 4 nhà máy.\"}\n").unwrap();
    let out = dir.path().join("out");
    let o = bin().arg("run").arg(&inp).arg("--out").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("e_dump.jsonl:2"), "{stderr}");
    let docs = read(&out.join("documents.csv"));
    let ids: Vec<&str> = docs.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids, vec!["a_good", "d_latin1", "x1", "x2"]);
    let errors = read(&out.join("errors.csv"));
    assert_eq!(errors.lines().count(), 5, "{errors}"); // header + empty + binary + repaired + malformed
    assert!(errors.contains("b_empty.txt,,"), "{errors}");
    assert!(errors.contains(",2,"), "{errors}");
    assert!(errors.contains("repaired"), "{errors}");
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // a missing input is a usage error
    let st = bin().args(["run", "/no/such/input", "-q", "--out"]).arg(&out).status().unwrap();
    assert_eq!(st.code(), Some(2));
    // no document at all
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let st = bin().arg("run").arg(&empty).arg("-q").arg("--out").arg(&out).status().unwrap();
    assert_eq!(st.code(), Some(1));
}

#[test]
fn broken_rules_are_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    copy_dir(&src, &rules);
    let units = rules.join("vi/quantity/units.toml");
    let text = read(&units).replacen("kind = \"money\"", "kind = \"monies\"", 1);
    fs::write(&units, text).unwrap();
    let o = bin().args(["rules", "check"]).arg(&rules).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("vi/quantity/units.toml:"), "{stderr}");
    assert!(stderr.contains("monies"), "{stderr}");
    let o = bin().args(["rules", "check"]).output().unwrap();
    assert!(o.status.success());
}

/// A folder under `rules/` that is not a language code, and a language
/// folder missing a file, are named in the error.
#[test]
fn language_folders_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    copy_dir(&src, &rules);
    fs::create_dir_all(rules.join("English")).unwrap();
    let o = bin().args(["rules", "check"]).arg(&rules).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("English: not a language folder"), "{stderr}");
    fs::remove_dir(rules.join("English")).unwrap();
    fs::remove_file(rules.join("en/legal/types.toml")).unwrap();
    let o = bin().args(["rules", "check"]).arg(&rules).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("en/legal/types.toml: cannot read"), "{stderr}");
}

/// `--lang` reads every document as that language; a language without
/// rules is a usage error.
#[test]
fn lang_flag_chooses_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "Exports rose 8.2 percent to $12.4 billion, up from 4,814 million.\n").unwrap();
    let out = dir.path().join("out");
    let st = bin().args(["run", "--lang", "en", "-q"]).arg(&input).arg("--out").arg(&out).status().unwrap();
    assert!(st.success());
    let docs = read(&out.join("documents.csv"));
    assert!(docs.lines().nth(1).is_some_and(|l| l.contains(",en,1,")), "{docs}");
    let q = read(&out.join("quantities.csv"));
    assert!(q.contains(",12400000000,,USD,money,"), "{q}");
    let o = bin().args(["run", "--lang", "fr", "-q"]).arg(&input).arg("--out").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--lang fr: no rules for this language (rules folders: en, vi)"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn map_stage_reads_stdin_and_writes_jsonl_lines_on_stdout() {
    use std::io::Write;
    use std::process::Stdio;
    let input = "{\"id\": \"a\", \"text\": \"Doanh thu đạt 4.814 tỷ đồng.\"}\n{broken\n{\"id\": \"b\", \"text\": \"Có 5 dự án.\"}\n";
    let mut child = bin()
        .args(["run", "-", "--out", "-", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[0]["doc_id"].as_str(), docs[1]["doc_id"].as_str()), (Some("a"), Some("b")));
    assert_eq!(docs[0]["quantities"][0]["value"], serde_json::json!(4814000000000u64));
    assert_eq!(docs[1]["quantities"][0]["value"], serde_json::json!(5));
    // the broken line is reported on stderr with its line, and nothing else is on stdout
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("-:2: skipped: malformed JSON"), "{stderr}");
    // an empty partition is no failure for the map stage
    let empty = bin().args(["run", "-", "--out", "-", "-q"]).stdin(Stdio::null()).output().unwrap();
    assert!(empty.status.success());
    assert!(empty.stdout.is_empty());
}

/// `vnextract diff`: two runs of the sample articles that differ by one
/// rules edit (the code of the đồng renamed) show the changed units field by
/// field and exit 1; a run against itself exits 0; a missing run exits 2.
#[test]
fn diff_of_two_runs_differing_by_one_rules_edit() {
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let rules = dir.path().join("rules");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"), &rules);
    let units = rules.join("vi/quantity/units.toml");
    let text = read(&units).replacen("\ncode = \"VND\"\n", "\ncode = \"DONG\"\n", 1);
    fs::write(&units, text).unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(bin().args(["run", data, "-q", "--out"]).arg(&a).status().unwrap().success());
    assert!(bin().args(["run", data, "-q", "--rules"]).arg(&rules).arg("--out").arg(&b).status().unwrap().success());

    let o = bin().arg("diff").arg(&a).arg(&b).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("quantities: 0 added, 0 removed, 3 changed"), "{text}");
    assert!(text.contains("unit: \"VND\" -> \"DONG\""), "{text}");
    assert!(text.contains("people: no change"), "{text}");

    let o = bin().arg("diff").arg(&a).arg(&b).args(["--format", "json"]).output().unwrap();
    let js: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let q = &js["tables"][1];
    assert_eq!(q["table"], "quantities");
    assert_eq!(q["changed"].as_array().map(Vec::len), Some(3));
    assert_eq!(q["changed"][0]["fields"][0]["field"], "unit");
    assert_eq!(q["changed"][0]["fields"][0]["new"], "DONG");

    let o = bin().arg("diff").arg(&a).arg(&b).args(["--format", "markdown"]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("| quantities | 0 | 0 | 3 |"));

    let o = bin().arg("diff").arg(&a).arg(&a).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).ends_with("no differences\n"));

    let o = bin().arg("diff").arg(&a).arg(dir.path().join("none")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("none/documents.jsonl: cannot read"));
}

/// `manifest.json`: the program, the rules' fingerprint (the same for the
/// embedded rules and a copy of the folder), the inputs with their sizes, and
/// counts that agree with the tables written.
#[test]
fn manifest_says_how_the_dataset_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(bin().args(["run", data, "-q", "--out"]).arg(&a).status().unwrap().success());
    assert!(bin().args(["run", data, "-q", "--rules", rules, "--out"]).arg(&b).status().unwrap().success());
    let m: serde_json::Value = serde_json::from_str(&read(&a.join("manifest.json"))).unwrap();
    let m2: serde_json::Value = serde_json::from_str(&read(&b.join("manifest.json"))).unwrap();
    assert_eq!(m["program"], "vnextract");
    assert_eq!(m["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["schema_version"], 1);
    assert_eq!(m["rules"]["source"], "embedded");
    assert_eq!(m2["rules"]["source"], rules);
    let hash = m["rules"]["sha256"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    assert_eq!(m2["rules"]["sha256"], hash);
    let size: u64 = fs::read_dir(data).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    assert_eq!(m["inputs"][0]["path"], data);
    assert_eq!(m["inputs"][0]["bytes"], size);
    // counts agree with documents.jsonl
    let docs: Vec<serde_json::Value> =
        read(&a.join("documents.jsonl")).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(m["documents"], docs.len());
    for t in ["quantities", "people", "countries", "regions", "legal_refs", "directives"] {
        let n: usize = docs.iter().map(|d| d[t].as_array().unwrap().len()).sum();
        assert_eq!(m["tables"][t], n, "{t}");
    }
    assert_eq!(m["languages"]["vi"], 5);
    assert_eq!(m["languages"]["en"], 1);
    assert!(m["started"].as_str().unwrap().ends_with('Z'));
    // a run on stdout writes no folder and no manifest
    assert!(!dir.path().join("-").exists());
}
