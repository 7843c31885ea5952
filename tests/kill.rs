//! A real run stopped halfway: by SIGKILL (nothing can run), the output
//! folder holds the previous dataset intact under its names, never a
//! truncated table, and the next run removes the temporary files left
//! behind; by SIGINT or SIGTERM, the run stops with a message, exit 130,
//! and leaves no temporary file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A JSON Lines dump of the sample articles repeated to about `mb` MB.
fn dump(dir: &Path, mb: usize) -> PathBuf {
    let mut texts = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(Path::new(ROOT).join("data"))
        .expect("data/")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        texts.push(std::fs::read_to_string(&p).expect("article"));
    }
    let path = dir.join(format!("dump-{mb}.jsonl"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("dump"));
    let (mut bytes, mut i) = (0, 0);
    while bytes < mb * 1_000_000 {
        let text = &texts[i % texts.len()];
        let line = serde_json::json!({"id": format!("d{i}"), "text": text}).to_string();
        writeln!(f, "{line}").expect("write");
        bytes += line.len();
        i += 1;
    }
    f.flush().expect("flush");
    path
}

/// Every file of `dir` (names and bytes), the run's times left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("out dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect()
}

fn temps(dir: &Path) -> Vec<String> {
    files(dir)
        .into_keys()
        .filter(|n| n.starts_with(".vnextract-") && n.ends_with(".tmp"))
        .collect()
}

fn run(input: &Path, out: &Path) {
    let status = Command::new(BIN)
        .args(["run", "--quiet", "--threads", "1", "--out"])
        .arg(out)
        .arg(input)
        .status()
        .expect("vnextract");
    assert!(status.success());
}

/// Start a run of `input` into `out` and return once it is writing (its
/// temporary files exist) and still running.
fn start_and_wait_until_writing(input: &Path, out: &Path) -> Child {
    let mut child = Command::new(BIN)
        .args(["run", "--quiet", "--threads", "1", "--out"])
        .arg(out)
        .arg(input)
        .stderr(Stdio::piped())
        .spawn()
        .expect("vnextract");
    let t0 = Instant::now();
    while temps(out).len() < 9 {
        assert!(t0.elapsed() < Duration::from_secs(60), "no temporary files");
        std::thread::sleep(Duration::from_millis(20));
    }
    // some rows written, far from done
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().expect("try_wait").is_none(),
        "the run ended before it could be stopped: make the dump larger"
    );
    child
}

#[test]
fn sigkill_halfway_leaves_the_previous_dataset_intact() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let small = dump(tmp.path(), 1);
    let big = dump(tmp.path(), 40);
    run(&small, &out);
    let before = files(&out);
    assert!(
        before.contains_key("quantities.csv") && before.len() == 9,
        "{:?}",
        before.keys()
    );

    let mut child = start_and_wait_until_writing(&big, &out);
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(!status.success());

    let after = files(&out);
    let left = temps(&out);
    assert!(!left.is_empty(), "a killed run cannot remove its files");
    for (name, bytes) in &before {
        assert_eq!(
            after.get(name),
            Some(bytes),
            "{name} changed by a killed run"
        );
    }
    assert_eq!(after.len(), before.len() + left.len(), "{:?}", after.keys());

    // the next run removes what the killed one left
    run(&small, &out);
    assert!(temps(&out).is_empty(), "{:?}", temps(&out));
    assert_eq!(files(&out), before);
}

#[test]
fn sigint_and_sigterm_stop_cleanly() {
    for signal in ["INT", "TERM"] {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("out");
        let small = dump(tmp.path(), 1);
        let big = dump(tmp.path(), 40);
        run(&small, &out);
        let before = files(&out);

        let child = start_and_wait_until_writing(&big, &out);
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .expect("kill");
        assert!(sent.success());
        let res = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&res.stderr);
        assert_eq!(res.status.code(), Some(130), "SIG{signal}: {stderr}");
        assert!(stderr.contains("interrupted"), "SIG{signal}: {stderr}");
        assert!(
            stderr.contains("temporary files removed"),
            "SIG{signal}: {stderr}"
        );
        assert!(temps(&out).is_empty(), "SIG{signal}: {:?}", temps(&out));
        assert_eq!(files(&out), before, "SIG{signal}: the earlier dataset");
    }
}

#[test]
fn output_files_are_readable_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    run(&Path::new(ROOT).join("data/000_a4421dffb9dc8ef3.txt"), &out);
    // the test process's umask (022 on CI and most systems) applies to
    // 0666: group and others may read, as for any file the user creates
    let probe = tmp.path().join("probe");
    std::fs::write(&probe, b"").expect("probe");
    let expected = std::fs::metadata(&probe)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    // every file of the folder, manifest.json included (it is written
    // apart, after the tables: it was still created 0600)
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n == "manifest.json"), "{names:?}");
    assert!(names.iter().any(|n| n == "quantities.csv"), "{names:?}");
    for name in &names {
        let mode = std::fs::metadata(out.join(name))
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, expected, "{name}: {mode:o}");
    }
}
