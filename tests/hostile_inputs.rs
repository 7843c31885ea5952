//! Hostile inputs, case by case, through the real program: each case gives a
//! folder of inputs beside one good article, and asserts the outcome a
//! batch run must have: the exit status, the rows of `errors.csv` (file,
//! action), and that every good document is written with its figures.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");

/// The good article every case carries beside its hostile input.
const GOOD: &str = "Xuất khẩu vải thiều tăng mạnh năm nay\n\nDoanh thu đạt trên 4.814 tỷ đồng.\n";

struct Run {
    out: Output,
    dir: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.out.status.code()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    /// `errors.csv` rows: (source, line, action).
    fn errors(&self) -> Vec<(String, String, String)> {
        let mut r = csv::Reader::from_path(self.dir.join("errors.csv")).expect("errors.csv");
        r.records()
            .map(|rec| {
                let rec = rec.expect("row");
                (rec[0].to_string(), rec[1].to_string(), rec[3].to_string())
            })
            .collect()
    }
    /// `documents.jsonl` records.
    fn docs(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.join("documents.jsonl"))
            .expect("documents.jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    }
    fn doc(&self, id: &str) -> serde_json::Value {
        self.docs()
            .into_iter()
            .find(|d| d["doc_id"] == id)
            .unwrap_or_else(|| panic!("no document {id}: {}", self.stderr()))
    }
    /// The good article is written with its figure.
    fn assert_good_written(&self) {
        let d = self.doc("good");
        assert_eq!(d["quantities"][0]["value"], 4_814_000_000_000u64, "{d}");
    }
}

/// A folder `in/` with `good.txt` and what `setup` writes, run with `args`
/// (the folder is the input unless `args` names inputs).
fn run_case(setup: impl FnOnce(&Path), args: &[&str]) -> Run {
    let tmp = tempfile::tempdir().expect("tmp");
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::write(input.join("good.txt"), GOOD).expect("good");
    setup(&input);
    let dir = tmp.path().join("out");
    let mut cmd = Command::new(BIN);
    cmd.current_dir(tmp.path())
        .args(["run", "--quiet", "--out"])
        .arg(&dir);
    if args.is_empty() {
        cmd.arg("in");
    } else {
        cmd.args(args);
    }
    let out = cmd.output().expect("vnextract");
    Run {
        out,
        dir,
        _tmp: tmp,
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).expect("write");
}

#[test]
fn invalid_utf8_is_repaired_and_written() {
    let r = run_case(
        |d| {
            write(
                d,
                "bad.txt",
                b"Gi\xe1 t\xff\xfeng 5 t\xe1\xbb\xb7 \xc4\x91\xe1\xbb\x93ng.",
            )
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    assert_eq!(
        r.errors(),
        vec![("in/bad.txt".into(), String::new(), "repaired".into())]
    );
    let bad = r.doc("bad");
    assert_eq!(bad["quantities"][0]["value"], 5_000_000_000u64, "{bad}");
    r.assert_good_written();
}

#[test]
fn a_nul_filled_binary_and_a_pdf_are_skipped() {
    let r = run_case(
        |d| {
            write(d, "zeros.txt", vec![0u8; 1 << 16]);
            write(d, "paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\x02\x03");
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    let mut errors = r.errors();
    errors.sort();
    assert_eq!(
        errors,
        vec![
            ("in/paper.txt".into(), String::new(), "skipped".into()),
            ("in/zeros.txt".into(), String::new(), "skipped".into()),
        ]
    );
    assert_eq!(r.docs().len(), 1);
    r.assert_good_written();
}

#[test]
fn an_empty_file_is_skipped() {
    let r = run_case(|d| write(d, "empty.txt", b""), &[]);
    assert_eq!(r.code(), Some(0));
    assert_eq!(
        r.errors(),
        vec![("in/empty.txt".into(), String::new(), "skipped".into())]
    );
    r.assert_good_written();
}

#[test]
fn a_bom_is_not_part_of_the_title_and_offsets_count_it() {
    let r = run_case(
        |d| {
            write(
                d,
                "bom.txt",
                format!("\u{feff}{GOOD}").replace("4.814", "7"),
            )
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    assert!(r.errors().is_empty());
    let d = r.doc("bom");
    assert_eq!(d["title"], "Xuất khẩu vải thiều tăng mạnh năm nay");
    // offsets are characters of the file's text, BOM included
    let text: Vec<char> = format!("\u{feff}{GOOD}")
        .replace("4.814", "7")
        .chars()
        .collect();
    let q = &d["quantities"][0];
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        q["text"].as_str().unwrap()
    );
    assert_eq!(q["value"], 7_000_000_000u64);
}

#[test]
fn crlf_and_lone_cr_line_ends_keep_title_and_lines() {
    let r = run_case(
        |d| {
            write(d, "crlf.txt", GOOD.replace('\n', "\r\n"));
            write(d, "cr.txt", GOOD.replace('\n', "\r"));
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    for id in ["crlf", "cr"] {
        let d = r.doc(id);
        assert_eq!(d["title"], "Xuất khẩu vải thiều tăng mạnh năm nay", "{id}");
        assert_eq!(d["quantities"][0]["value"], 4_814_000_000_000u64, "{id}");
        assert_eq!(d["quantities"][0]["text"], "trên 4.814 tỷ đồng", "{id}");
    }
}

#[test]
fn nfd_text_gives_the_values_of_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let article =
        "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết kim ngạch với Nhật Bản đạt 12,4 tỷ USD.\n";
    let r = run_case(
        |d| {
            write(d, "nfc.txt", article.nfc().collect::<String>());
            write(d, "nfd.txt", article.nfd().collect::<String>());
        },
        &[],
    );
    let (a, b) = (r.doc("nfc"), r.doc("nfd"));
    assert_eq!(a["quantities"][0]["value"], 12_400_000_000u64);
    assert_eq!(a["quantities"][0]["value"], b["quantities"][0]["value"]);
    assert_eq!(a["people"][0]["name"], "Bùi Thanh Sơn");
    assert_eq!(a["people"][0]["name"], b["people"][0]["name"]);
    let codes = |d: &serde_json::Value| -> Vec<String> {
        d["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].to_string())
            .collect()
    };
    assert_eq!(codes(&a), codes(&b));
    assert_eq!(codes(&a), vec!["\"JP\""]);
}

#[test]
fn a_50_mb_single_line_article_is_read() {
    let line = GOOD.replace('\n', " ");
    let times = 50_000_000 / line.len() + 1;
    let r = run_case(|d| write(d, "long.txt", line.repeat(times)), &[]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    assert!(r.errors().is_empty());
    let d = r.doc("long");
    assert_eq!(d["quantities"].as_array().unwrap().len(), times);
    r.assert_good_written();
}

#[test]
fn a_10000_digit_number_is_no_figure_and_breaks_nothing() {
    let r = run_case(
        |d| {
            write(
                d,
                "digits.txt",
                format!("Doanh thu đạt {} đồng, lãi 5 tỷ đồng.", "7".repeat(10_000)),
            )
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    let d = r.doc("digits");
    let values: Vec<&serde_json::Value> = d["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["value"])
        .collect();
    assert_eq!(values, vec![&serde_json::json!(5_000_000_000u64)]);
}

#[test]
fn rule_phrases_repeated_many_times_are_all_read() {
    // 20,000 of each kind of phrase in one article: every one is read (the
    // cost is linear: `scripts/hostile-bench.sh` times 100,000 against
    // plain text of the same size)
    let cases: [(&str, &str, &str, usize); 5] = [
        (
            "request",
            "Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai nhiệm vụ. ",
            "directives",
            20_000,
        ),
        (
            "legal",
            "Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư; ",
            "legal_refs",
            20_000,
        ),
        ("figure", "trên 4.814 tỷ đồng, ", "quantities", 20_000),
        (
            "office",
            "Phó Thủ tướng Chính phủ Bùi Thanh Sơn, ",
            "people",
            1,
        ),
        ("country", "Nhật Bản, ", "countries", 1),
    ];
    let r = run_case(
        |d| {
            for (name, phrase, _, _) in cases {
                write(d, &format!("{name}.txt"), phrase.repeat(20_000));
            }
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    for (name, _, table, n) in cases {
        let d = r.doc(name);
        assert_eq!(d[table].as_array().unwrap().len(), n, "{name}");
    }
    // every mention of the one person and the one country is counted
    assert_eq!(
        r.doc("office")["people"][0]["mentions"]
            .as_array()
            .unwrap()
            .len(),
        20_000
    );
    assert_eq!(
        r.doc("country")["countries"][0]["mentions"]
            .as_array()
            .unwrap()
            .len(),
        20_000
    );
}

#[test]
fn malformed_json_lines_in_the_middle_are_skipped_with_their_line() {
    let r = run_case(
        |d| {
            write(
                d,
                "dump.jsonl",
                "{\"id\":\"a\",\"text\":\"Có 5 tỷ đồng.\"}\n{\"id\":\"b\",\"text\":\"Có 6\n[1,2]\n\n{\"id\":\"c\",\"text\":\"Có 7 tỷ đồng.\"}\n",
            )
        },
        &[],
    );
    assert_eq!(r.code(), Some(0));
    assert_eq!(
        r.errors(),
        vec![
            ("in/dump.jsonl".into(), "2".into(), "skipped".into()),
            ("in/dump.jsonl".into(), "3".into(), "skipped".into()),
        ]
    );
    let ids: Vec<String> = r
        .docs()
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["a", "c", "good"]);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).expect("gzip");
    e.finish().expect("gzip")
}

#[test]
fn truncated_gz_and_zst_keep_what_was_read() {
    let mut dump = String::new();
    for i in 0..2000 {
        dump.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Dòng {i} có 5 tỷ đồng.\"}}\n"
        ));
    }
    let gz = gzip(dump.as_bytes());
    let zst = zstd::encode_all(dump.as_bytes(), 3).expect("zstd");
    let r = run_case(
        |d| {
            write(d, "a.jsonl.gz", &gz[..gz.len() / 2]);
            write(d, "b.jsonl.zst", &zst[..zst.len() / 2]);
        },
        &[],
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let errors = r.errors();
    let sources: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        sources,
        vec!["in/a.jsonl.gz", "in/b.jsonl.zst"],
        "{errors:?}"
    );
    assert!(errors.iter().all(|e| e.2 == "skipped"));
    let docs = r.docs();
    // some of each dump was read, none twice, and the good article
    assert!(docs.len() > 100 && docs.len() < 4001, "{}", docs.len());
    r.assert_good_written();
}

#[test]
fn an_unreadable_file_is_logged_and_the_rest_written() {
    // /proc/self/mem cannot be read from its start, even by root
    let r = run_case(|_| {}, &["/proc/self/mem", "in/good.txt"]);
    assert_eq!(r.code(), Some(0));
    assert_eq!(
        r.errors(),
        vec![("/proc/self/mem".into(), String::new(), "skipped".into())]
    );
    r.assert_good_written();
}

#[test]
fn a_symlink_loop_and_a_dangling_link_in_a_folder() {
    let r = run_case(
        |d| {
            std::fs::create_dir(d.join("sub")).expect("sub");
            std::os::unix::fs::symlink("..", d.join("sub/up")).expect("loop");
            std::os::unix::fs::symlink("nowhere.txt", d.join("dangling.txt")).expect("dangling");
        },
        &[],
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    // links are not followed: the loop is no document; the dangling link is logged
    assert_eq!(
        r.errors(),
        vec![("in/dangling.txt".into(), String::new(), "skipped".into())]
    );
    assert_eq!(r.docs().len(), 1);
    r.assert_good_written();
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error_naming_it() {
    let r = run_case(|_| {}, &["in/good.txt", "no/such/file.txt"]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr().contains("no/such/file.txt"), "{}", r.stderr());
}

#[test]
fn an_unwritable_out_is_an_error_naming_it() {
    // a folder under a regular file cannot be made, even by root
    let tmp = tempfile::tempdir().expect("tmp");
    write(tmp.path(), "good.txt", GOOD);
    write(tmp.path(), "plain-file", "x");
    let out = tmp.path().join("plain-file").join("out");
    let r = Command::new(BIN)
        .args(["run", "--quiet", "--out"])
        .arg(&out)
        .arg(tmp.path().join("good.txt"))
        .output()
        .expect("vnextract");
    assert_eq!(r.status.code(), Some(1));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains(&format!("cannot write output to {}:", out.display())),
        "{err}"
    );
}

#[test]
fn stdin_ending_mid_line_and_stdout_closed_early() {
    // the last line of stdin is cut short: it is a malformed line, logged
    let mut child = Command::new(BIN)
        .args(["run", "-", "--out", "-", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vnextract");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"{\"id\":\"a\",\"text\":\"C\xc3\xb3 5 t\xe1\xbb\xb7 \xc4\x91\xe1\xbb\x93ng.\"}\n{\"id\":\"b\",\"te")
        .expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("{\"doc_id\":\"a\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: skipped: malformed JSON"));

    // the reader of stdout stops after one line (`| head -1`): a quiet stop
    let many = "{\"id\":\"a\",\"text\":\"Có 5 tỷ đồng.\"}\n".repeat(200_000);
    let mut child = Command::new(BIN)
        .args(["run", "-", "--out", "-", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vnextract");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(many.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("first bytes");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let _ = feeder.join();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
