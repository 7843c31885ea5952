//! `vnextract review` in a real browser: the sample articles are run and
//! reviewed, each page is loaded in headless Chromium (`--dump-dom`: the
//! DOM after the page's script ran), and every extraction of
//! `documents.jsonl` — each quantity, legal reference and directive, each
//! mention of a person, country or region — must have its highlighted
//! elements (`data-x="TABLE:INDEX"`), whose text is exactly the original
//! characters `[start, end)` it covers and, where the run recorded a `text`
//! (quantities, legal references, country and region mentions), that text
//! exactly (no-break spaces and NFD as in the article).
//!
//! Without Chromium the test is skipped with a message, unless `CI` is set
//! (CI installs it): then it fails. `CHROMIUM=/path` picks the browser.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin")])
        .collect();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

fn url(page: &Path) -> String {
    format!("file://{}", page.display())
}

/// The DOM of the page at `url` after its scripts ran, as Chromium
/// serializes it.
fn dump_dom(browser: &Path, profile: &Path, url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {url} in 90 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    reader.join().expect("reader").expect("chromium output")
}

/// `&amp;` `&lt;` `&gt;` `&quot;` `&nbsp;` `&#N;` `&#xN;` decoded.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';') else { break };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in the start tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let len = tag[i..].find('"')?;
    Some(&tag[i..i + len])
}

/// The text of every extraction id in the article of a dumped page: the
/// text inside the elements with that `data-x`, in document order; and the
/// class of the first such element.
fn highlighted(dom: &str) -> BTreeMap<String, (String, String)> {
    let start = dom.find("<article id=\"text\"").expect("the article");
    let body_start = start + dom[start..].find('>').expect("tag end") + 1;
    let end = body_start + dom[body_start..].find("</article>").expect("article end");
    let mut rest = &dom[body_start..end];
    let mut open: Vec<Option<String>> = Vec::new();
    let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let close = after.find('>').expect("end tag end");
            assert_eq!(&after[..close], "span", "only spans in the article");
            open.pop().expect("balanced tags");
            rest = &after[close + 1..];
        } else if rest.starts_with('<') {
            let close = rest.find('>').expect("start tag end");
            let tag = &rest[..close];
            assert!(tag.starts_with("<span"), "only spans in the article: {tag}");
            let id = attr(tag, "data-x").map(str::to_string);
            if let Some(id) = &id {
                let class = attr(tag, "class").unwrap_or_default().to_string();
                found.entry(id.clone()).or_insert((String::new(), class));
            }
            open.push(id);
            rest = &rest[close + 1..];
        } else {
            let len = rest.find('<').unwrap_or(rest.len());
            let text = unescape(&rest[..len]);
            for id in open.iter().flatten() {
                if let Some(e) = found.get_mut(id) {
                    e.0.push_str(&text);
                }
            }
            rest = &rest[len..];
        }
    }
    assert!(open.is_empty(), "unclosed spans");
    found
}

/// Characters `[start, end)` of `text`.
fn chars(text: &[char], m: &Value) -> String {
    let (s, e) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    text[s..e].iter().collect()
}

/// Every extraction of a record: its id, the original characters it covers,
/// and the `text` the run recorded for it, if any.
fn expected(doc: &Value, text: &[char]) -> Vec<(String, String, Option<String>)> {
    let rows = |t: &str| doc[t].as_array().cloned().unwrap_or_default();
    let recorded = |v: &Value| v.get("text").and_then(Value::as_str).map(str::to_string);
    let mut out = Vec::new();
    for (t, letter) in [
        ("quantities", "q"),
        ("legal_refs", "l"),
        ("directives", "d"),
    ] {
        for (i, row) in rows(t).iter().enumerate() {
            out.push((format!("{letter}:{i}"), chars(text, row), recorded(row)));
        }
    }
    for (t, letter) in [("people", "p"), ("countries", "c"), ("regions", "r")] {
        for (i, row) in rows(t).iter().enumerate() {
            for (j, m) in row["mentions"].as_array().unwrap().iter().enumerate() {
                out.push((format!("{letter}:{i}.{j}"), chars(text, m), recorded(m)));
            }
        }
    }
    out
}

#[test]
fn every_extraction_is_highlighted_with_its_text() {
    let Some(browser) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed (CI installs it: apt-get install chromium)");
        }
        eprintln!("skipped: chromium not found (install it, or set CHROMIUM=/path/to/it)");
        return;
    };
    let started = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let profile = tmp.path().join("profile");
    let bin = env!("CARGO_BIN_EXE_vnextract");
    let run = Command::new(bin)
        .current_dir(root)
        .args(["run", "data", "--quiet", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(run.success());
    let review = Command::new(bin)
        .current_dir(root)
        .arg("review")
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&review.stderr);
    assert!(review.status.success(), "{said}");
    assert!(!said.contains("warning"), "{said}");

    let records: Vec<Value> = fs::read_to_string(out.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 6);
    let mut checked = 0;
    for (n, doc) in records.iter().enumerate() {
        let page = out.join(format!("review/doc/{}.html", n + 1));
        let dom = dump_dom(&browser, &profile, &url(&page));
        assert!(
            dom.contains("data-js=\"ok\""),
            "{}: the script ran",
            page.display()
        );
        let source = root.join(doc["source"].as_str().unwrap());
        let text: Vec<char> = fs::read_to_string(&source).unwrap().chars().collect();
        let found = highlighted(&dom);
        let want = expected(doc, &text);
        for (id, covered, recorded) in &want {
            let (got, class) = found
                .get(id)
                .unwrap_or_else(|| panic!("{}: no element for {id}", page.display()));
            assert_eq!(got, covered, "{}: text of {id}", page.display());
            if let Some(recorded) = recorded {
                assert_eq!(got, recorded, "{}: {id} against its text", page.display());
            }
            let letter = &id[..1];
            assert!(
                class.split(' ').any(|c| c == "x") && class.split(' ').any(|c| c == letter),
                "{}: class of {id}: {class}",
                page.display()
            );
            checked += 1;
        }
        assert_eq!(
            found.len(),
            want.len(),
            "{}: no other highlight",
            page.display()
        );
        // the panel shows an extraction asked for in the address (on the
        // first page: each load takes a second)
        if let Some((id, _, _)) = want.first().filter(|_| n == 0) {
            let dom = dump_dom(&browser, &profile, &format!("{}?x={id}", url(&page)));
            let panel = &dom[dom.find("<aside id=\"panel\"").unwrap()..];
            let panel = &panel[..panel.find("</aside>").unwrap()];
            assert!(
                panel.contains("class=\"card "),
                "{}: panel shows {id}",
                page.display()
            );
        }
    }
    assert!(checked > 100, "{checked} extractions checked");

    let index = dump_dom(&browser, &profile, &url(&out.join("review/index.html")));
    let n = records.len();
    assert!(
        index.contains(&format!("{n} of {n} documents shown")),
        "index script ran"
    );
    for i in 1..=n {
        assert!(index.contains(&format!("href=\"doc/{i}.html\"")));
    }
    eprintln!(
        "review_chromium: {checked} extractions on {n} pages checked in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
