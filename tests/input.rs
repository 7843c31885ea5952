//! Integration tests of the input stage: `vnextract::input::read_inputs` over
//! real files in temporary directories (folders, collisions, gzip, zstd,
//! JSON Lines, bad input) and over stdin (in a child process).

use std::fs;
use std::io::Write;
use std::path::Path;

use vnextract::input::{read_inputs, InputOptions};
use vnextract::model::{ErrorAction, ErrorRecord, InputEvent, RawDoc};

fn write(root: &Path, rel: &str, data: impl AsRef<[u8]>) -> String {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, data).unwrap();
    path.display().to_string()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(data, 3).unwrap()
}

fn read(inputs: &[String], opts: &InputOptions) -> Vec<InputEvent> {
    read_inputs(inputs, opts).unwrap().collect()
}

fn read_default(inputs: &[String]) -> Vec<InputEvent> {
    read(inputs, &InputOptions::default())
}

fn docs(events: &[InputEvent]) -> Vec<&RawDoc> {
    events
        .iter()
        .filter_map(|e| match e {
            InputEvent::Doc(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn errors(events: &[InputEvent]) -> Vec<&ErrorRecord> {
    events
        .iter()
        .filter_map(|e| match e {
            InputEvent::Error(r) => Some(r),
            _ => None,
        })
        .collect()
}

fn ids(events: &[InputEvent]) -> Vec<&str> {
    docs(events).iter().map(|d| d.doc_id.as_str()).collect()
}

#[test]
fn folder_is_walked_recursively_in_byte_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", "B");
    write(root, "a/z.md", "Z");
    write(root, "a/b/c.txt", "C");
    write(root, "a.txt", "A");
    write(root, "A0.txt", "A0");
    let input = root.display().to_string();
    let events = read_default(std::slice::from_ref(&input));
    assert!(errors(&events).is_empty());
    assert_eq!(ids(&events), ["A0", "a", "c", "z", "b"]);
    let d = docs(&events);
    assert_eq!(d[2].source, format!("{input}/a/b/c.txt"));
    assert_eq!(d[2].text, "C");
    assert_eq!(d[3].text, "Z");
    assert_eq!(d[2].title, None);
}

#[test]
fn gold_json_hidden_and_other_files_are_ignored_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "002_x.txt", "Bài báo.");
    write(root, "002_x.json", "{\"gold\": true}");
    write(root, ".hidden.txt", "no");
    write(root, ".git/HEAD.txt", "no");
    write(root, "notes.log", "no");
    write(root, "img.png", [0u8, 1, 2]);
    let events = read_default(&[root.display().to_string()]);
    assert_eq!(events.len(), 1);
    assert_eq!(ids(&events), ["002_x"]);
}

#[test]
fn empty_folder_yields_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "only.json", "{}");
    fs::create_dir(dir.path().join("sub")).unwrap();
    assert!(read_default(&[dir.path().display().to_string()]).is_empty());
}

#[test]
fn colliding_stems_get_their_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "in/x/a.txt", "một");
    write(root, "in/y/a.txt.gz", gzip("hai".as_bytes()));
    write(root, "in/y/b.txt", "ba");
    let explicit = write(root, "other/c.md", "bốn");
    let lone = write(root, "lone/d.txt", "năm");
    let events = read_default(&[root.join("in").display().to_string(), explicit, lone]);
    assert_eq!(ids(&events), ["x/a", "y/a", "b", "c", "d"]);
    assert_eq!(docs(&events)[1].text, "hai");

    // Two files named explicitly with the same stem: the paths as given.
    let p1 = write(root, "p/q.txt", "1");
    let p2 = write(root, "r/q.txt", "2");
    let events = read_default(&[p1.clone(), p2.clone()]);
    let expect1 = p1.strip_suffix(".txt").unwrap();
    let expect2 = p2.strip_suffix(".txt").unwrap();
    assert_eq!(ids(&events), [expect1, expect2]);
}

#[test]
fn multi_member_gzip_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = gzip("Thủ tướng Phạm Minh Chính ".as_bytes());
    data.extend(gzip("chỉ đạo.\n".as_bytes()));
    let path = write(dir.path(), "a.txt.gz", data);
    let events = read_default(std::slice::from_ref(&path));
    assert_eq!(events.len(), 1);
    let d = docs(&events)[0];
    assert_eq!(d.doc_id, "a");
    assert_eq!(d.source, path);
    assert_eq!(d.text, "Thủ tướng Phạm Minh Chính chỉ đạo.\n");
}

#[test]
fn compression_is_told_by_magic_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // gzip content without `.gz`, and plain text with `.gz`.
    let a = write(dir.path(), "a.txt", gzip("nén".as_bytes()));
    let b = write(dir.path(), "b.txt.gz", "không nén");
    let c = write(dir.path(), "c.md.zst", zstd("zstd".as_bytes()));
    let events = read_default(&[a, b, c]);
    let texts: Vec<&str> = docs(&events).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["nén", "không nén", "zstd"]);
    assert_eq!(ids(&events), ["a", "b", "c"]);
}

#[test]
fn zstd_jsonl_dump() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"id\": \"r1\", \"title\": \"Tiêu đề\", \"text\": \"Nội dung một.\", \
                 \"url\": \"https://a.vn/1\", \"published\": \"2024-12-20\", \"authors\": \"Diệu Hoa\"}\n\
                 {\"id\": 7, \"content\": \"Nội dung hai.\", \"authors\": [\"A\", \"B\"], \"title\": \"\"}\n\
                 {\"text\": \"Nội dung ba.\"}\n";
    // Two frames: the decoder goes on past the first.
    let mut data = zstd(lines.as_bytes());
    data.extend(zstd(b"{\"text\": \"bon\"}\n"));
    let path = write(dir.path(), "dump.jsonl.zst", data);
    let events = read_default(std::slice::from_ref(&path));
    assert!(errors(&events).is_empty(), "{:?}", errors(&events));
    let d = docs(&events);
    assert_eq!(d.len(), 4);
    assert_eq!(
        *d[0],
        RawDoc {
            doc_id: "r1".into(),
            source: format!("{path}:1"),
            text: "Nội dung một.".into(),
            title: Some("Tiêu đề".into()),
            url: Some("https://a.vn/1".into()),
            published: Some("2024-12-20".into()),
            authors: vec!["Diệu Hoa".into()],
        }
    );
    assert_eq!(d[1].doc_id, "7");
    assert_eq!(d[1].text, "Nội dung hai.");
    assert_eq!(d[1].title, None);
    assert_eq!(d[1].authors, ["A", "B"]);
    assert_eq!(d[2].doc_id, "dump:3");
    assert_eq!(d[2].source, format!("{path}:3"));
    assert_eq!(d[3].doc_id, "dump:4");
}

#[test]
fn jsonl_with_custom_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "crawl.ndjson",
        "{\"guid\": \"g1\", \"headline\": \"H\", \"body\": \"Thân bài\", \"text\": \"not this\", \
         \"link\": \"https://x.vn\", \"date\": \"2025-01-02\", \"byline\": [\"Cẩm Trúc\"]}\n\
         {\"id\": \"ignored\", \"text\": \"only text\"}\n",
    );
    let opts = InputOptions {
        id_field: "guid".into(),
        title_field: "headline".into(),
        text_fields: vec!["body".into()],
        url_field: "link".into(),
        published_field: "date".into(),
        authors_field: "byline".into(),
        ..InputOptions::default()
    };
    let events = read(std::slice::from_ref(&path), &opts);
    assert_eq!(events.len(), 2);
    let d = docs(&events);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].doc_id, "g1");
    assert_eq!(d[0].text, "Thân bài");
    assert_eq!(d[0].title.as_deref(), Some("H"));
    assert_eq!(d[0].url.as_deref(), Some("https://x.vn"));
    assert_eq!(d[0].published.as_deref(), Some("2025-01-02"));
    assert_eq!(d[0].authors, ["Cẩm Trúc"]);
    let e = errors(&events);
    assert_eq!(e[0].line, Some(2));
    assert_eq!(e[0].doc_id.as_deref(), Some("crawl:2"));
    assert_eq!(e[0].message, "no text field (\"body\")");
    assert_eq!(e[0].action, ErrorAction::Skipped);
}

#[test]
fn malformed_line_in_the_middle_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "d.jsonl",
        "{\"id\": \"1\", \"text\": \"a\"}\n\n{not json}\n\"a string\"\n{\"id\": \"2\", \"text\": \"b\"}\n",
    );
    let events = read_default(std::slice::from_ref(&path));
    assert_eq!(events.len(), 4);
    assert_eq!(ids(&events), ["1", "2"]);
    let e = errors(&events);
    assert_eq!(e[0].source, path);
    assert_eq!(e[0].line, Some(3));
    assert_eq!(e[0].doc_id, None);
    assert_eq!(
        e[0].message,
        "malformed JSON: key must be a string at column 2"
    );
    assert_eq!(e[1].line, Some(4));
    assert_eq!(e[1].message, "malformed JSON: a string is not an object");
    // The events come in line order.
    assert!(matches!(&events[1], InputEvent::Error(r) if r.line == Some(3)));
    assert_eq!(docs(&events)[1].source, format!("{path}:5"));
}

#[test]
fn line_over_the_size_limit_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!("{{\"id\": \"big\", \"text\": \"{}\"}}", "x".repeat(5000));
    let data = format!("{{\"text\": \"a\"}}\n{big}\n{{\"text\": \"c\"}}\n");
    let path = write(dir.path(), "s.jsonl.gz", gzip(data.as_bytes()));
    let opts = InputOptions {
        max_doc_bytes: 1024,
        ..InputOptions::default()
    };
    let events = read(&[path], &opts);
    assert_eq!(ids(&events), ["s:1", "s:3"]);
    let e = errors(&events);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(2));
    assert_eq!(e[0].message, "line of 4.9 KB exceeds the 1 KB limit");
}

#[test]
fn text_file_over_the_size_limit_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "x".repeat(3000));
    let ok = write(dir.path(), "ok.txt", "x".repeat(100));
    let opts = InputOptions {
        max_doc_bytes: 2048,
        ..InputOptions::default()
    };
    let events = read(&[big.clone(), ok], &opts);
    assert_eq!(ids(&events), ["ok"]);
    let e = errors(&events)[0];
    assert_eq!(
        (e.source.as_str(), e.doc_id.as_deref()),
        (big.as_str(), Some("big"))
    );
    assert_eq!(e.message, "document of 2.9 KB exceeds the 2 KB limit");
}

#[test]
fn invalid_utf8_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.txt",
        b"Gi\xe1 tr\xff\xfe\xfd 5 t\xe1\xbb\xb7 \xc4\x91\xe1\xbb\x93ng",
    );
    let events = read_default(std::slice::from_ref(&path));
    assert_eq!(events.len(), 2);
    match &events[0] {
        InputEvent::Error(r) => {
            assert_eq!(r.action, ErrorAction::Repaired);
            assert_eq!(r.message, "invalid UTF-8 replaced with U+FFFD (4 bytes)");
            assert_eq!((r.source.as_str(), r.line), (path.as_str(), None));
            assert_eq!(r.doc_id.as_deref(), Some("bad"));
        }
        other => panic!("expected the repair first, got {other:?}"),
    }
    let d = docs(&events)[0];
    assert_eq!(d.doc_id, "bad");
    assert_eq!(d.text, "Gi\u{fffd} tr\u{fffd}\u{fffd}\u{fffd} 5 tỷ đồng");
}

#[test]
fn binary_and_empty_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a_bin.txt", b"PK\x03\x04\0\0\0binary");
    write(root, "b_empty.txt", "");
    write(root, "c_blank.md", " \n\t\n");
    write(root, "d_gz_empty.txt.gz", gzip(b""));
    write(root, "e_ok.txt", "Có nội dung.");
    let events = read_default(&[root.display().to_string()]);
    assert_eq!(ids(&events), ["e_ok"]);
    let e: Vec<(&str, &str)> = errors(&events)
        .iter()
        .map(|r| (r.doc_id.as_deref().unwrap(), r.message.as_str()))
        .collect();
    assert_eq!(
        e,
        [
            ("a_bin", "binary file"),
            ("b_empty", "empty file"),
            ("c_blank", "empty file"),
            ("d_gz_empty", "empty file"),
        ]
    );
    assert!(errors(&events)
        .iter()
        .all(|r| r.action == ErrorAction::Skipped && r.line.is_none()));
}

#[test]
fn corrupt_compressed_dump_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 1..=2000 {
        lines.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"bài số {i} {}\"}}\n",
            i * 7919
        ));
    }
    let mut data = gzip(lines.as_bytes());
    data.truncate(data.len() / 2);
    let path = write(dir.path(), "cut.jsonl.gz", data);
    let after = write(dir.path(), "after.txt", "vẫn đọc");
    let events = read_default(&[path.clone(), after]);
    let d = docs(&events);
    assert!(d.len() > 10 && d.len() < 2000, "{} records", d.len());
    assert_eq!(d[0].doc_id, "1");
    assert_eq!(d.last().unwrap().doc_id, "after");
    let e = errors(&events);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].source, path);
    assert_eq!(e[0].line, Some(d.len() as u64));
    assert!(
        e[0].message
            .starts_with("read error, rest of file skipped: "),
        "{}",
        e[0].message
    );
}

#[test]
fn corrupt_compressed_text_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = gzip("x".repeat(10_000).as_bytes());
    data.truncate(20);
    let bad = write(dir.path(), "bad.txt.gz", data);
    let zbad = write(dir.path(), "zbad.txt", [0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]);
    let good = write(dir.path(), "good.txt", "tốt");
    let events = read_default(&[bad.clone(), zbad, good]);
    assert_eq!(ids(&events), ["good"]);
    let e = errors(&events);
    assert_eq!(e.len(), 2);
    assert_eq!(
        (e[0].source.as_str(), e[0].doc_id.as_deref()),
        (bad.as_str(), Some("bad"))
    );
    assert!(
        e[0].message.starts_with("cannot read: "),
        "{}",
        e[0].message
    );
    assert!(
        e[1].message.starts_with("cannot read: "),
        "{}",
        e[1].message
    );
}

#[test]
fn nonexistent_path_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", "x");
    let missing = dir.path().join("missing").display().to_string();
    let err = read_inputs(&[ok, missing.clone()], &InputOptions::default())
        .err()
        .expect("a missing input is an error");
    assert_eq!(
        err.0,
        format!("cannot read {missing}: no such file or directory")
    );
    assert_eq!(err.to_string(), err.0);
}

#[test]
fn inputs_are_mixed_and_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let first = write(root, "z_first.txt", "1");
    write(root, "folder/k.md", "2");
    write(root, "folder/l.jsonl", "{\"text\": \"3\"}\n");
    let last = write(root, "a_last.jsonl", "{\"id\": \"j\", \"text\": \"4\"}\n");
    let inputs = [first, root.join("folder").display().to_string(), last];
    let events = read_default(&inputs);
    assert_eq!(ids(&events), ["z_first", "k", "l:1", "j"]);
}

#[test]
fn explicit_files_are_text_unless_they_look_like_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "article", "Không có đuôi.");
    let dump = write(
        dir.path(),
        "export.data",
        "\n{\"text\": \"một\"}\n{\"text\": \"hai\"}\n",
    );
    let events = read_default(&[plain, dump]);
    assert_eq!(ids(&events), ["article", "export:2", "export:3"]);
}

#[test]
fn files_are_opened_lazily() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "A");
    let b = write(dir.path(), "b.txt", "B");
    let mut it = read_inputs(&[a, b.clone()], &InputOptions::default()).unwrap();
    assert!(matches!(it.next(), Some(InputEvent::Doc(d)) if d.doc_id == "a"));
    fs::remove_file(&b).unwrap();
    match it.next() {
        Some(InputEvent::Error(r)) => {
            assert_eq!(r.source, b);
            assert_eq!(r.message, "cannot open: no such file or directory");
        }
        other => panic!("{other:?}"),
    }
    assert!(it.next().is_none());
}

#[test]
fn iterator_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let it = read_inputs(&[], &InputOptions::default()).unwrap();
    assert_send(&it);
}

/// Runs this test binary again as a child that reads stdin (the test
/// `stdin_child`), feeding it `input`; returns what it printed.
fn run_stdin_child(input: &[u8]) -> String {
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--ignored",
            "--exact",
            "stdin_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("VNEXTRACT_STDIN_CHILD", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Not a test of its own: the child that [`run_stdin_child`] starts (this
/// binary again, `--ignored --exact stdin_child`) to read its stdin.
#[test]
#[ignore = "run as a child process by run_stdin_child"]
fn stdin_child() {
    if std::env::var_os("VNEXTRACT_STDIN_CHILD").is_none() {
        return;
    }
    for e in read_default(&["-".into()]) {
        match e {
            InputEvent::Doc(d) => println!("DOC|{}|{}|{}", d.doc_id, d.source, d.text.trim_end()),
            InputEvent::Error(r) => println!("ERR|{r}"),
        }
    }
}

#[test]
fn stdin_text_and_jsonl() {
    let out = run_stdin_child("Bài từ stdin.\n".as_bytes());
    assert!(out.contains("DOC|stdin|-|Bài từ stdin.\n"), "{out}");

    let out = run_stdin_child(&gzip(
        b"  {\"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\"}\n",
    ));
    assert!(out.contains("DOC|stdin:1|-:1|a\nDOC|x|-:2|b\n"), "{out}");

    let out = run_stdin_child(b"");
    assert!(out.contains("ERR|-: skipped: empty file\n"), "{out}");
}
