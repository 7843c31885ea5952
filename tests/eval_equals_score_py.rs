//! `vnextract eval` against the project's scorer `.ci/score.py`: on every
//! scored set (tests/gold/dev, tests/gold/real, every tests/heldout*
//! folder, heldout-words also with --with-words) both give the same
//! figures for the same run; a worse prediction is worse for both, equally;
//! a malformed gold file is exit 2 with its name.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

fn ok(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what}: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The scored sets, with the extra flags each is scored with.
fn sets() -> Vec<(PathBuf, Vec<&'static str>)> {
    let tests = root().join("tests");
    let mut sets = vec![
        (tests.join("gold/dev"), vec![]),
        (tests.join("gold/real"), vec![]),
    ];
    let mut heldout: Vec<PathBuf> = fs::read_dir(&tests)
        .expect("tests/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("heldout"))
        })
        .collect();
    heldout.sort();
    assert!(
        heldout.len() >= 9,
        "the held-out sets are found: {heldout:?}"
    );
    for set in heldout {
        if set.ends_with("heldout-words") {
            sets.push((set.clone(), vec!["--with-words"]));
        }
        sets.push((set, vec![]));
    }
    sets
}

/// Runs the extractor over `set` into `out`.
fn run_set(set: &Path, out: &Path) {
    ok(
        bin()
            .arg("run")
            .arg(set)
            .arg("--out")
            .arg(out)
            .arg("--quiet")
            .output()
            .expect("runs vnextract"),
        "vnextract run",
    );
}

fn eval(set: &Path, predictions: &Path, flags: &[&str]) -> Output {
    ok(
        bin()
            .arg("eval")
            .arg(set)
            .arg(predictions)
            .args(flags)
            .output()
            .expect("runs vnextract eval"),
        "vnextract eval",
    )
}

fn score_py(set: &Path, jsonl: &Path, flags: &[&str]) -> Output {
    ok(
        Command::new("python3")
            .arg(root().join(".ci/score.py"))
            .arg(set)
            .arg(jsonl)
            .args(flags)
            .output()
            .expect("runs python3 .ci/score.py"),
        "score.py",
    )
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

/// Asserts two results equal: same keys, numbers within 1e-9, nulls alike.
fn assert_same(rust: &Value, py: &Value, at: &str) {
    match (rust, py) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{at}: keys");
            for (k, v) in a {
                assert_same(v, &b[k], &format!("{at}.{k}"));
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().expect("a number"), b.as_f64().expect("a number"));
            assert!((a - b).abs() <= 1e-9, "{at}: eval {a} != score.py {b}");
        }
        _ => assert_eq!(rust, py, "{at}"),
    }
}

/// The parsed figures agree; then the text outputs (table, error list,
/// warnings, the --json text with its key order) are compared byte for byte.
#[test]
fn eval_gives_score_py_figures_on_every_set() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for (set, flags) in sets() {
        let name = set
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out = tmp.path().join(format!("{name}{}", flags.join("")));
        run_set(&set, &out);
        let jsonl = out.join("documents.jsonl");
        let with_json = |f: &[&'static str]| [f, &["--json"]].concat();
        let rust = json(&eval(&set, &out, &with_json(&flags)));
        let py = json(&score_py(&set, &jsonl, &with_json(&flags)));
        assert_same(&rust, &py, &format!("{name} {flags:?}"));
        // the figures are real: documents were scored and items matched
        assert!(
            rust["documents"].as_u64().is_some_and(|n| n > 0),
            "{name}: {rust}"
        );
        assert!(
            rust["tables"]["quantities"]["tp"]
                .as_u64()
                .is_some_and(|n| n > 0),
            "{name}: {rust}"
        );
        assert!(
            rust["macro_f1"].as_f64().is_some_and(|f| f > 0.5),
            "{name}: {rust}"
        );
        // the text table, the error list and warnings are score.py's, byte for byte
        let show = [&flags[..], &["--show-errors"]].concat();
        let (r, p) = (eval(&set, &jsonl, &show), score_py(&set, &jsonl, &show));
        assert_eq!(
            String::from_utf8_lossy(&r.stdout),
            String::from_utf8_lossy(&p.stdout),
            "{name} text"
        );
        assert_eq!(
            String::from_utf8_lossy(&r.stderr),
            String::from_utf8_lossy(&p.stderr),
            "{name} stderr"
        );
        // --json text too, key order included
        assert_eq!(
            String::from_utf8_lossy(&eval(&set, &out, &with_json(&flags)).stdout),
            String::from_utf8_lossy(&score_py(&set, &jsonl, &with_json(&flags)).stdout),
            "{name} --json text"
        );
    }
}

#[test]
fn a_perturbed_prediction_scores_lower_in_both() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let set = root().join("tests/gold/dev");
    let out = tmp.path().join("out");
    run_set(&set, &out);
    let jsonl = out.join("documents.jsonl");
    let f1 = |v: &Value| {
        v["tables"]["quantities"]["f1"]
            .as_f64()
            .expect("quantities f1")
    };
    let before = f1(&json(&eval(&set, &out, &["--json"])));

    // one quantity's value changed by 1%
    let text = fs::read_to_string(&jsonl).expect("documents.jsonl");
    let mut changed = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut doc: Value = serde_json::from_str(line).expect("a JSON line");
            if !changed {
                if let Some(q) = doc["quantities"].as_array_mut().and_then(|q| q.first_mut()) {
                    let v = q["value"].as_f64().expect("a value");
                    q["value"] = Value::from(v * 1.01);
                    changed = true;
                }
            }
            doc.to_string()
        })
        .collect();
    assert!(changed, "a quantity was changed");
    let perturbed = tmp.path().join("perturbed.jsonl");
    fs::write(&perturbed, lines.join("\n") + "\n").expect("writes the perturbed file");

    let rust = json(&eval(&set, &perturbed, &["--json"]));
    let py = json(&score_py(&set, &perturbed, &["--json"]));
    assert_same(&rust, &py, "perturbed");
    assert!(
        f1(&rust) < before,
        "quantities F1 {} !< {before}",
        f1(&rust)
    );
    assert_eq!(rust["tables"]["quantities"]["fp"], 1);
    assert_eq!(rust["tables"]["quantities"]["fn"], 1);
}

#[test]
fn a_malformed_gold_file_is_exit_2_naming_it() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let gold = tmp.path().join("gold");
    fs::create_dir(&gold).expect("creates gold/");
    fs::write(gold.join("a.txt"), "Doanh thu đạt 5 tỷ đồng.").expect("writes a.txt");
    fs::write(
        gold.join("a.json"),
        "{\"doc_id\": \"a\",\n \"quantities\": [\n",
    )
    .expect("writes a.json");
    let jsonl = tmp.path().join("documents.jsonl");
    fs::write(&jsonl, "{\"doc_id\": \"a\", \"quantities\": []}\n").expect("writes documents.jsonl");
    let out = bin()
        .arg("eval")
        .arg(&gold)
        .arg(&jsonl)
        .output()
        .expect("runs vnextract eval");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&gold.join("a.json").display().to_string()),
        "{err}"
    );
    assert!(err.contains("malformed gold JSON"), "{err}");
    assert!(out.stdout.is_empty());

    // a malformed output line is exit 2 with the file and line
    fs::write(
        gold.join("a.json"),
        "{\"doc_id\": \"a\", \"quantities\": []}",
    )
    .expect("writes a.json");
    fs::write(&jsonl, "{\"doc_id\": \"a\"}\n{oops\n").expect("writes documents.jsonl");
    let out = bin()
        .arg("eval")
        .arg(&gold)
        .arg(&jsonl)
        .output()
        .expect("runs vnextract eval");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2:", jsonl.display())), "{err}");
}
