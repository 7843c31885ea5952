//! Every way a rules file can be wrong gives one message naming the file,
//! the line and the key, from `vnextract rules check DIR` and from
//! `vnextract run … --rules DIR` alike (exit 2 for both).
//!
//! Each case copies the repository's `rules/` into a temporary folder,
//! breaks one file in one way, and runs the binary both ways.

use std::path::{Path, PathBuf};
use std::process::Command;

/// How a case breaks the copy.
enum Break {
    /// Replace the first occurrence of `from` in the file by `to`.
    Replace(&'static str, &'static str),
    /// Write a new file (`rel` is then a new path) with this content.
    Create(&'static str),
}

struct Case {
    name: &'static str,
    /// The file broken, relative to the rules folder.
    rel: &'static str,
    /// The path the message names, when not `rel` (an unknown folder).
    names: Option<&'static str>,
    how: Break,
    /// The reported line is the first line of the broken file holding this
    /// (`None`: a message about a whole file, with no line).
    line_of: Option<&'static str>,
    /// The key the message names (`None`: none, the file is the subject).
    key: Option<&'static str>,
    /// Words of the message that say what is wrong.
    says: &'static [&'static str],
    /// A second place the message names: a file and a text whose first
    /// line in the (unbroken) file it is.
    also: Option<(&'static str, &'static str)>,
}

const CASES: &[Case] = &[
    Case {
        name: "1 TOML syntax error",
        rel: "vi/quantity/units.toml",
        names: None,
        how: Break::Replace("kind = \"money\"\n", "kind = \"money\n"),
        line_of: Some("kind = \"money\n"),
        key: Some("unit.kind"),
        says: &["TOML syntax error"],
        also: None,
    },
    Case {
        name: "2 unknown key",
        rel: "vi/legal/types.toml",
        names: None,
        how: Break::Replace("forms = [", "form = ["),
        line_of: Some("form = ["),
        key: Some("type.form"),
        says: &["unknown key `form`", "expected one of", "`forms`"],
        also: None,
    },
    Case {
        name: "3 wrong type (a string for a list)",
        rel: "vi/quantity/units.toml",
        names: None,
        how: Break::Replace(
            "forms = [\"đồng\", \"VNĐ\", \"VND\", \"đ\", \"vnđ\", \"đồng Việt Nam\"]",
            "forms = \"đồng\"",
        ),
        line_of: Some("forms = \"đồng\""),
        key: Some("unit.forms"),
        says: &["wrong type", "expected a sequence"],
        also: None,
    },
    Case {
        name: "3b wrong type (a list for a number)",
        rel: "vi/quantity/context.toml",
        names: None,
        how: Break::Replace("max_words = ", "max_words = [1] # "),
        line_of: Some("max_words = [1]"),
        key: Some("counted.max_words"),
        says: &["wrong type"],
        also: None,
    },
    Case {
        name: "4 invalid regex",
        rel: "text/meta.toml",
        names: None,
        how: Break::Replace("lines = [\n", "lines = [\n    '(unclosed',\n"),
        line_of: Some("'(unclosed'"),
        key: Some("noise.lines"),
        says: &["bad regex", "unclosed group"],
        also: None,
    },
    Case {
        name: "5 empty phrase",
        rel: "vi/quantity/units.toml",
        names: None,
        how: Break::Replace("\"VNĐ\", \"VND\", \"đ\"", "\"\", \"VND\", \"đ\""),
        line_of: Some("\"\", \"VND\""),
        key: Some("unit.forms"),
        says: &["empty string"],
        also: None,
    },
    Case {
        name: "5b empty phrase (spaces only) in a word list",
        rel: "vi/person/titles.toml",
        names: None,
        how: Break::Replace("heads = [", "heads = [\"  \", "),
        line_of: Some("heads = [\"  \""),
        key: Some("heads"),
        says: &["empty string"],
        also: None,
    },
    Case {
        name: "5c empty pattern",
        rel: "text/meta.toml",
        names: None,
        how: Break::Replace("lines = [\n", "lines = [\n    '',\n"),
        line_of: Some("    '',"),
        key: Some("noise.lines"),
        says: &["empty string"],
        also: None,
    },
    Case {
        name: "6 a country alias of two countries",
        rel: "vi/place/countries.toml",
        names: None,
        how: Break::Replace(
            "\"Trung Quốc\", \"CHND Trung Hoa\"",
            "\"Trung Quốc\", \"Hoa Kỳ\", \"CHND Trung Hoa\"",
        ),
        // China comes first in the file: the United States' own alias clashes
        line_of: Some("\"Hoa Kỳ\", \"Hợp chủng quốc"),
        key: Some("country.aliases"),
        says: &["`Hoa Kỳ`", "country US", "already a form of country CN"],
        also: Some(("vi/place/countries.toml", "\"Trung Quốc\", \"Hoa Kỳ\"")),
    },
    Case {
        name: "6b a region form that is a country's (across files)",
        rel: "vi/place/regions.toml",
        names: None,
        how: Break::Replace(
            "\"EU\", \"Liên minh châu Âu\"",
            "\"EU\", \"Trung Hoa\", \"Liên minh châu Âu\"",
        ),
        line_of: Some("\"EU\", \"Trung Hoa\""),
        key: Some("region.aliases"),
        says: &["`Trung Hoa`", "region EU", "already a form of country CN"],
        also: Some((
            "vi/place/countries.toml",
            "\"Trung Quốc\", \"CHND Trung Hoa\"",
        )),
    },
    Case {
        name: "6c a unit form of two units",
        rel: "vi/quantity/units.toml",
        names: None,
        how: Break::Replace("\"Mỹ kim\", \"dollar\"", "\"Mỹ kim\", \"vnđ\", \"dollar\""),
        line_of: Some("\"Mỹ kim\", \"vnđ\""),
        key: Some("unit.forms"),
        says: &["`vnđ`", "unit `USD`", "already a form of unit `VND`"],
        also: Some(("vi/quantity/units.toml", "forms = [\"đồng\", \"VNĐ\"")),
    },
    Case {
        name: "6d a number word of two values",
        rel: "vi/quantity/numerals.toml",
        names: None,
        how: Break::Replace("forms = [\"bốn\"", "forms = [\"bốn\", \"ba\""),
        line_of: Some("forms = [\"bốn\", \"ba\""),
        key: Some("digit.forms"),
        says: &["`ba`", "digit 4", "digit 3"],
        also: Some(("vi/quantity/numerals.toml", "forms = [\"ba\"")),
    },
    Case {
        name: "6e a legal code of two types",
        rel: "vi/legal/types.toml",
        names: None,
        how: Break::Replace("codes = [\"NQ\"", "codes = [\"NQ\", \"CT\""),
        line_of: Some("codes = [\"NQ\", \"CT\""),
        key: Some("type.codes"),
        says: &["code `CT`", "already a code of"],
        also: Some(("vi/legal/types.toml", "codes = [\"CT\"")),
    },
    Case {
        name: "7 a regex matching the empty string",
        rel: "text/meta.toml",
        names: None,
        how: Break::Replace("lines = [\n", "lines = [\n    '(?i)(?:xem thêm)?',\n"),
        line_of: Some("'(?i)(?:xem thêm)?'"),
        key: Some("noise.lines"),
        says: &["matches the empty string"],
        also: None,
    },
    Case {
        name: "8 a file with an unknown name",
        rel: "vi/quantity/unitz.toml",
        names: None,
        how: Break::Create("[[unit]]\ncode = \"X\"\n"),
        line_of: None,
        key: None,
        says: &[
            "unknown rules file",
            "units.toml",
            "scales.toml",
            "numerals.toml",
            "examples.toml",
        ],
        also: None,
    },
    Case {
        name: "8b an unknown folder",
        rel: "vi/quantiti/units.toml",
        names: Some("vi/quantiti:"),
        how: Break::Create("[[unit]]\ncode = \"X\"\n"),
        line_of: None,
        key: None,
        says: &["unknown folder", "quantity/", "place/", "directive/"],
        also: None,
    },
    Case {
        name: "8c a rules file outside the extractor folders",
        rel: "vi/units.toml",
        names: None,
        how: Break::Create("[[unit]]\ncode = \"X\"\n"),
        line_of: None,
        key: None,
        says: &["unknown rules file", "quantity/"],
        also: None,
    },
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// 1-based line of the first line holding `needle` (which may span lines:
/// the line it starts on).
fn line_of(content: &str, needle: &str) -> usize {
    let at = content
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    content[..at].matches('\n').count() + 1
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vnextract"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_unbroken_copy_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("rules");
    copy_dir(&repo().join("rules"), &rules);
    let (code, err) = run(&["rules", "check", rules.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn every_broken_rules_file_gives_one_clear_message() {
    let mut failures = Vec::new();
    for case in CASES {
        let tmp = tempfile::tempdir().unwrap();
        let rules = tmp.path().join("rules");
        copy_dir(&repo().join("rules"), &rules);
        let path = rules.join(case.rel);
        let content = match case.how {
            Break::Replace(from, to) => {
                let old = std::fs::read_to_string(&path).unwrap();
                assert!(
                    old.contains(from),
                    "{}: `{from}` not in {}",
                    case.name,
                    case.rel
                );
                old.replacen(from, to, 1)
            }
            Break::Create(text) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                text.to_string()
            }
        };
        std::fs::write(&path, &content).unwrap();
        let out = tmp.path().join("out");
        let dir = rules.to_str().unwrap();
        let check = run(&["rules", "check", dir]);
        let data = repo().join("data");
        let full_run = run(&[
            "run",
            data.to_str().unwrap(),
            "--rules",
            dir,
            "--out",
            out.to_str().unwrap(),
            "--quiet",
        ]);
        for (how, (code, err)) in [("rules check", check), ("run", full_run)] {
            let mut wrong = Vec::new();
            if code != 2 {
                wrong.push(format!("exit {code}, not 2"));
            }
            if err.trim().lines().count() != 1 {
                wrong.push("not one line".to_string());
            }
            // the file, then its line, then the key
            let mut head = case.names.unwrap_or(case.rel).to_string();
            if let Some(needle) = case.line_of {
                head.push_str(&format!(":{}:", line_of(&content, needle)));
            }
            if let Some(key) = case.key {
                head.push_str(&format!(" {key}:"));
            }
            if !err.contains(&head) {
                wrong.push(format!("no `{head}`"));
            }
            for s in case.says {
                if !err.contains(s) {
                    wrong.push(format!("does not say `{s}`"));
                }
            }
            if let Some((file, needle)) = case.also {
                let other = std::fs::read_to_string(rules.join(file)).unwrap();
                let place = format!("{file}:{}", line_of(&other, needle));
                if !err.contains(&place) {
                    wrong.push(format!("does not name the other place `{place}`"));
                }
            }
            if !wrong.is_empty() {
                failures.push(format!(
                    "{} ({how}): {}\n    stderr: {}",
                    case.name,
                    wrong.join("; "),
                    err.trim()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
