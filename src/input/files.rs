//! Planning the inputs before anything is read: which files, in which order,
//! in which format, and under which `doc_id`.
//!
//! Directories are walked recursively (hidden entries skipped, only article
//! files taken, sorted by path bytes); paths that do not exist are a usage
//! error; colliding stems get their relative path instead. Nothing is opened
//! here: the files are read lazily, one at a time, by the caller.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::decode::io_message;
use super::InputError;
use crate::model::{ErrorAction, ErrorRecord};

/// How a file's content is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One document: the whole (decompressed) file.
    Text,
    /// JSON Lines: one article per line.
    Jsonl,
    /// Told by the content: `{` first → JSON Lines, else text.
    Sniff,
}

/// One file to read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileEntry {
    pub path: PathBuf,
    /// The path as given or found, for people: `source` of records.
    pub source: String,
    /// The document id (text) or the `STEM` of `STEM:LINE` (JSON Lines).
    pub doc_id: String,
    pub format: Format,
}

/// One step of the plan, in input order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    File(FileEntry),
    Stdin,
    /// Something found while walking that cannot be read (an unreadable
    /// directory): reported when its turn comes.
    Error(ErrorRecord),
}

/// Article extensions, once `.gz`/`.zst` is removed.
const TEXT_EXTS: [&str; 2] = ["txt", "md"];
const JSONL_EXTS: [&str; 2] = ["jsonl", "ndjson"];
const COMPRESSED_EXTS: [&str; 2] = ["gz", "zst"];

/// A file name split into its stem and its format extension, with any
/// compression extension dropped: `a.txt.gz` → (`a`, `txt`).
pub(crate) fn split_name(name: &str) -> (&str, Option<&str>) {
    let name = match split_ext(name) {
        Some((stem, ext)) if COMPRESSED_EXTS.iter().any(|c| ext.eq_ignore_ascii_case(c)) => stem,
        _ => name,
    };
    match split_ext(name) {
        Some((stem, ext)) => (stem, Some(ext)),
        None => (name, None),
    }
}

/// `name` = `stem.ext`, as `Path::file_stem` sees it (a leading dot is part
/// of the stem, not an extension separator).
fn split_ext(name: &str) -> Option<(&str, &str)> {
    match name.rfind('.') {
        Some(i) if i > 0 => Some((&name[..i], &name[i + 1..])),
        _ => None,
    }
}

fn has_ext(ext: Option<&str>, list: &[&str]) -> bool {
    ext.is_some_and(|e| list.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The format of a file named explicitly: by extension, else by content.
pub(crate) fn format_of_explicit(name: &str) -> Format {
    let (_, ext) = split_name(name);
    if has_ext(ext, &JSONL_EXTS) {
        Format::Jsonl
    } else if has_ext(ext, &TEXT_EXTS) {
        Format::Text
    } else {
        Format::Sniff
    }
}

/// The format of a file found in a directory; `None` for files ignored there.
pub(crate) fn format_in_directory(name: &str) -> Option<Format> {
    if name.starts_with('.') {
        return None;
    }
    let (_, ext) = split_name(name);
    if has_ext(ext, &JSONL_EXTS) {
        Some(Format::Jsonl)
    } else if has_ext(ext, &TEXT_EXTS) {
        Some(Format::Text)
    } else {
        None
    }
}

/// The components of `path` joined with `/` (`.` components dropped), the
/// last one without its extensions when `strip_ext`.
fn slash_path(path: &Path, strip_ext: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in path.components() {
        match c {
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".into()),
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
        }
    }
    if strip_ext {
        if let Some(last) = parts.last_mut() {
            let stem = split_name(last).0.to_string();
            *last = stem;
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// A file before its `doc_id` is settled.
struct Candidate {
    path: PathBuf,
    source: String,
    format: Format,
    /// The path relative to the directory it was found under, or as given.
    rel: PathBuf,
}

impl Candidate {
    /// The id at each level of disambiguation: stem, relative path without
    /// extension, full path without extension, full path, full path + `#N`.
    fn id_at(&self, level: u8) -> String {
        match level {
            0 => {
                let name = self
                    .rel
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned());
                let name = name.unwrap_or_else(|| self.source.clone());
                split_name(&name).0.to_string()
            }
            1 => slash_path(&self.rel, true),
            2 => slash_path(&self.path, true),
            _ => slash_path(&self.path, false),
        }
    }
}

/// Every step of reading `inputs`, in order. A path that does not exist is
/// the only error.
pub(crate) fn plan(inputs: &[String]) -> Result<Vec<Entry>, InputError> {
    // First make sure every input exists, before anything is walked.
    for input in inputs {
        if input == "-" {
            continue;
        }
        if let Err(e) = fs::metadata(input) {
            if e.kind() == std::io::ErrorKind::NotFound {
                return Err(InputError(format!(
                    "cannot read {input}: no such file or directory"
                )));
            }
        }
    }

    enum Step {
        File(Candidate),
        Stdin,
        Error(ErrorRecord),
    }
    let mut steps: Vec<Step> = Vec::new();
    for input in inputs {
        if input == "-" {
            steps.push(Step::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk(&path, &mut found);
                found.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, item) in found {
                    steps.push(match item {
                        Found::File(rel, format) => Step::File(Candidate {
                            path: path.join(&rel),
                            source: path.join(&rel).display().to_string(),
                            format,
                            rel,
                        }),
                        Found::Error(rec) => Step::Error(rec),
                    });
                }
            }
            // A file, a pipe, or something we may not look at: try to read it
            // when its turn comes (an error record then, if it fails).
            _ => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let format = format_of_explicit(name.as_deref().unwrap_or(input));
                steps.push(Step::File(Candidate {
                    source: input.clone(),
                    format,
                    rel: path.clone(),
                    path,
                }));
            }
        }
    }

    let files: Vec<&Candidate> = steps
        .iter()
        .filter_map(|s| match s {
            Step::File(c) => Some(c),
            _ => None,
        })
        .collect();
    let ids = assign_ids(&files);
    let mut ids = ids.into_iter();
    let mut plan = Vec::with_capacity(steps.len());
    for step in steps {
        plan.push(match step {
            Step::File(c) => Entry::File(FileEntry {
                doc_id: ids.next().unwrap_or_default(),
                path: c.path,
                source: c.source,
                format: c.format,
            }),
            Step::Stdin => Entry::Stdin,
            Step::Error(rec) => Entry::Error(rec),
        });
    }
    Ok(plan)
}

/// The ids of `files`, in order: the stem, unless another file of the same
/// kind (text or JSON Lines) has the same one; then the relative path, and so
/// on until every id is unique.
fn assign_ids(files: &[&Candidate]) -> Vec<String> {
    let mut levels = vec![0u8; files.len()];
    let mut ids: Vec<String> = files.iter().map(|f| f.id_at(0)).collect();
    const LAST: u8 = 4;
    loop {
        let mut seen: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let jsonl = files[i].format == Format::Jsonl;
            seen.entry((jsonl, id.as_str())).or_default().push(i);
        }
        let mut bump: Vec<usize> = seen
            .into_values()
            .filter(|v| v.len() > 1)
            .flatten()
            .filter(|&i| levels[i] < LAST)
            .collect();
        if bump.is_empty() {
            break;
        }
        bump.sort_unstable();
        for i in bump {
            levels[i] += 1;
            ids[i] = files[i].id_at(levels[i]);
        }
        // The last level numbers the files that are still alike.
        let mut counts: HashMap<String, usize> = HashMap::new();
        for i in 0..files.len() {
            if levels[i] == LAST {
                let base = files[i].id_at(LAST);
                let n = counts.entry(base.clone()).or_default();
                *n += 1;
                ids[i] = format!("{base}#{n}");
            }
        }
    }
    ids
}

/// Something found under a directory.
enum Found {
    /// A file: its path relative to the walked directory, and its format.
    File(PathBuf, Format),
    Error(ErrorRecord),
}

fn walk_error(path: &Path, e: &std::io::Error) -> Found {
    Found::Error(ErrorRecord {
        source: path.display().to_string(),
        line: None,
        doc_id: None,
        action: ErrorAction::Skipped,
        message: format!("cannot read directory: {}", io_message(e)),
    })
}

/// Collects the article files under `root` (walkdir), each with its sort
/// key (its path relative to `root`, as bytes). Symbolic links are
/// followed, loops are not; hidden entries (a name starting with `.`) are
/// skipped with everything under them.
fn walk(root: &Path, out: &mut Vec<(Vec<u8>, Found)>) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        let path = match entry {
            Ok(e) if e.file_type().is_dir() => continue,
            Ok(e) => e.into_path(),
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let Some(p) = e.path().map(Path::to_path_buf) else {
                    continue;
                };
                // a directory that cannot be read is reported where it stands
                if e.depth() == 0 || p.is_dir() {
                    let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
                    out.push((key(&rel), walk_error(&p, &std::io::Error::from(e))));
                    continue;
                }
                // a dangling link or a file we may not even look at: an
                // article file is reported only when it would have been read
                p
            }
        };
        if let Some(format) = article_format(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push((key(&rel), Found::File(rel, format)));
        }
    }
}

/// The format of a file found in a directory, by its name (`None`: not an article file).
fn article_format(path: &Path) -> Option<Format> {
    format_in_directory(&path.file_name()?.to_string_lossy())
}

fn key(rel: &Path) -> Vec<u8> {
    rel.as_os_str().as_encoded_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, "x").unwrap();
    }

    fn files(plan: &[Entry]) -> Vec<(String, String, Format)> {
        plan.iter()
            .filter_map(|e| match e {
                Entry::File(f) => Some((f.doc_id.clone(), f.source.clone(), f.format)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn names_split_into_stem_and_format() {
        assert_eq!(split_name("a.txt.gz"), ("a", Some("txt")));
        assert_eq!(split_name("002_x.txt"), ("002_x", Some("txt")));
        assert_eq!(split_name("dump.jsonl.zst"), ("dump", Some("jsonl")));
        assert_eq!(split_name("a.gz"), ("a", None));
        assert_eq!(split_name("README"), ("README", None));
        assert_eq!(split_name(".hidden"), (".hidden", None));
        assert_eq!(split_name("v1.2.TXT"), ("v1.2", Some("TXT")));
    }

    #[test]
    fn formats() {
        assert_eq!(format_in_directory("a.txt"), Some(Format::Text));
        assert_eq!(format_in_directory("a.MD.gz"), Some(Format::Text));
        assert_eq!(format_in_directory("a.ndjson.zst"), Some(Format::Jsonl));
        assert_eq!(format_in_directory("a.json"), None);
        assert_eq!(format_in_directory("a.gz"), None);
        assert_eq!(format_in_directory(".a.txt"), None);
        assert_eq!(format_of_explicit("a.json"), Format::Sniff);
        assert_eq!(format_of_explicit("notes"), Format::Sniff);
        assert_eq!(format_of_explicit("a.jsonl.gz"), Format::Jsonl);
        assert_eq!(format_of_explicit("a.md"), Format::Text);
    }

    #[test]
    fn slash_paths() {
        assert_eq!(slash_path(Path::new("./data/x/a.txt.gz"), true), "data/x/a");
        assert_eq!(slash_path(Path::new("/tmp/a.txt"), false), "/tmp/a.txt");
        assert_eq!(slash_path(Path::new("../a.md"), true), "../a");
    }

    #[test]
    fn walks_sorted_skipping_hidden_and_others() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "b.txt",
            "a/z.md",
            "a.txt",
            "a/b/c.jsonl.gz",
            "gold.json",
            ".hidden.txt",
            ".git/x.txt",
            "notes.log",
        ] {
            touch(root, rel);
        }
        let input = root.display().to_string();
        let plan = plan(std::slice::from_ref(&input)).unwrap();
        let got = files(&plan);
        let rel: Vec<String> = got
            .iter()
            .map(|(_, s, _)| {
                s.strip_prefix(&input)
                    .unwrap()
                    .trim_start_matches('/')
                    .to_string()
            })
            .collect();
        // By bytes: '.' (0x2e) sorts before '/' (0x2f).
        assert_eq!(rel, ["a.txt", "a/b/c.jsonl.gz", "a/z.md", "b.txt"]);
        let ids: Vec<&str> = got.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "z", "b"]);
        assert_eq!(got[1].2, Format::Jsonl);
    }

    /// Links: a loop is not followed, a dangling link with an article name
    /// is planned (and reported when read), any other dangling link is passed over.
    #[cfg(unix)]
    #[test]
    fn links_loops_and_dangling_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "a/x.txt");
        std::os::unix::fs::symlink("..", root.join("a/loop")).unwrap();
        std::os::unix::fs::symlink("nowhere.txt", root.join("dead.txt")).unwrap();
        std::os::unix::fs::symlink("nowhere", root.join("deadlink")).unwrap();
        let input = root.display().to_string();
        let plan = plan(std::slice::from_ref(&input)).unwrap();
        let ids: Vec<String> = files(&plan).into_iter().map(|(id, _, _)| id).collect();
        assert_eq!(ids, ["x", "dead"]);
        assert!(
            plan.iter().all(|e| !matches!(e, Entry::Error(_))),
            "{plan:?}"
        );
    }

    #[test]
    fn colliding_stems_get_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in ["x/a.txt", "y/a.txt.gz", "y/b.txt", "y/a.jsonl"] {
            touch(root, rel);
        }
        let plan = plan(&[root.display().to_string()]).unwrap();
        let ids: Vec<String> = files(&plan).into_iter().map(|f| f.0).collect();
        // Sorted by bytes (`y/a.jsonl` before `y/a.txt.gz`); the dump
        // `a.jsonl` is not a text file: its stem stays `a`.
        assert_eq!(ids, ["x/a", "a", "y/a", "b"]);
    }

    #[test]
    fn same_relative_path_under_two_roots() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "d1/k/a.txt");
        touch(root, "d2/k/a.md");
        let d1 = root.join("d1").display().to_string();
        let d2 = root.join("d2").display().to_string();
        let plan = plan(&[d1.clone(), d2.clone()]).unwrap();
        let ids: Vec<String> = files(&plan).into_iter().map(|f| f.0).collect();
        assert_eq!(ids, [format!("{d1}/k/a"), format!("{d2}/k/a")]);
        // The same file twice: numbered.
        let f = root.join("d1/k/a.txt").display().to_string();
        let plan = super::plan(&[f.clone(), f.clone()]).unwrap();
        let ids: Vec<String> = files(&plan).into_iter().map(|f| f.0).collect();
        assert_eq!(ids, [format!("{f}#1"), format!("{f}#2")]);
    }

    #[test]
    fn missing_input_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt").display().to_string();
        let err = plan(&["-".into(), missing.clone()]).unwrap_err();
        assert_eq!(
            err.0,
            format!("cannot read {missing}: no such file or directory")
        );
    }

    #[test]
    fn stdin_and_explicit_files_keep_their_order() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "q.json");
        let q = dir.path().join("q.json").display().to_string();
        let plan = plan(&["-".into(), q.clone()]).unwrap();
        assert_eq!(plan[0], Entry::Stdin);
        assert_eq!(files(&plan), [("q".to_string(), q, Format::Sniff)]);
    }
}
