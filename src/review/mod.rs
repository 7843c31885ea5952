//! `vnextract review OUT_DIR [INPUT...]`: a self-contained HTML review of a
//! run, to read every extraction where it was found.
//!
//! `documents.jsonl` has the extractions but not the articles, so the
//! articles are read again with the run's own reader ([`crate::input`]):
//! from the inputs named on the command line, else from those listed in
//! `manifest.json` (with the JSON Lines field names of its
//! `input_options`, when it records them). Both come in input order, so
//! they are matched by `doc_id` side by side: only documents read ahead of
//! their record are held in memory (a repeated id is matched by
//! occurrence). A document whose text is not found gets a page that says so.
//!
//! Written into `OUT_DIR/review/` (or `--to DIR`): `index.html`, the list of
//! documents with their counts per table and a filter, and `doc/<n>.html`
//! for the n-th line of `documents.jsonl` (never a name made from a
//! `doc_id`), with links to the previous and next page. See `html` for
//! the pages and `segments` for how overlapping extractions are cut.

mod html;
mod record;
pub mod segments;

use std::collections::{HashMap, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::input::{read_inputs, InputOptions};
use crate::model::{InputEvent, RawDoc};
pub use html::escape;
use html::{IndexRow, Nav};
use record::DocView;

/// What to review and where to write it.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// The run's `--out` folder (or its `documents.jsonl`).
    pub out: PathBuf,
    /// The articles of the run; empty: the inputs of `manifest.json`.
    pub inputs: Vec<String>,
    /// Where to write the pages; `None`: `OUT/review`.
    pub to: Option<PathBuf>,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewSummary {
    /// The folder written (`index.html` is in it).
    pub dir: PathBuf,
    pub documents: usize,
    /// Documents whose text was not found in the inputs.
    pub without_text: usize,
    /// Problems met on the way (also shown on the index page).
    pub warnings: Vec<String>,
}

/// Why no review could be written.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{0}: {1}")]
    Read(PathBuf, io::Error),
    #[error("{0}: {1}")]
    Write(PathBuf, io::Error),
}

/// Writes the review of the run in `opts.out`.
pub fn review(opts: &ReviewOptions) -> Result<ReviewSummary, ReviewError> {
    let (run_dir, docs_path) = if opts.out.is_file() {
        let dir = opts.out.parent().unwrap_or(Path::new(".")).to_path_buf();
        (dir, opts.out.clone())
    } else {
        (opts.out.clone(), opts.out.join("documents.jsonl"))
    };
    let file = File::open(&docs_path).map_err(|e| ReviewError::Read(docs_path.clone(), e))?;
    let mut warnings = Vec::new();
    let manifest = read_manifest(&run_dir, &mut warnings);
    let (inputs, input_opts) = inputs_of(opts, &run_dir, manifest.as_ref(), &mut warnings);
    let mut texts = Texts::open(&inputs, &input_opts, &mut warnings);

    let dir = opts.to.clone().unwrap_or_else(|| run_dir.join("review"));
    let pages = dir.join("doc");
    fs::create_dir_all(&pages).map_err(|e| ReviewError::Write(pages.clone(), e))?;

    let mut lines = Lines {
        reader: BufReader::new(file),
        path: docs_path.clone(),
        line: 0,
        buf: String::new(),
    };
    let mut rows: Vec<IndexRow> = Vec::new();
    let mut without_text = 0;
    let mut cur = lines.next_doc(&mut warnings)?;
    while let Some(doc) = cur {
        let next = lines.next_doc(&mut warnings)?;
        let n = rows.len() + 1;
        let raw = texts.take(&doc.doc_id);
        let why;
        let text = match &raw {
            Some(r) => Ok(r.text.as_str()),
            None => {
                without_text += 1;
                why = texts.why_missing(&doc.doc_id);
                Err(why.as_str())
            }
        };
        let nav = Nav {
            n,
            has_next: next.is_some(),
        };
        let (page, info) = html::doc_page(&doc, text, nav);
        let path = pages.join(format!("{n}.html"));
        fs::write(&path, page).map_err(|e| ReviewError::Write(path, e))?;
        rows.push(IndexRow {
            n,
            title: doc.title.clone().unwrap_or_default(),
            language: doc.language.clone(),
            chars: doc.chars,
            rows: doc.rows,
            text_found: raw.is_some(),
            problems: info.problems,
            doc_id: doc.doc_id,
        });
        cur = next;
    }
    remove_stale_pages(&pages, rows.len());
    if without_text > 0 {
        warnings.push(format!(
            "{without_text} of {} documents: text not found in the inputs",
            rows.len()
        ));
    }

    let mut run = vec![("run".to_string(), run_dir.display().to_string())];
    if let Some(m) = &manifest {
        for (label, key) in [("version", "version"), ("started", "started")] {
            if let Some(v) = m.get(key).and_then(Value::as_str) {
                run.push((label.to_string(), v.to_string()));
            }
        }
    }
    run.push(("inputs".to_string(), inputs.join(" ")));
    run.push(("documents".to_string(), rows.len().to_string()));
    let index = html::index_page(&rows, &run, &warnings);
    let path = dir.join("index.html");
    fs::write(&path, index).map_err(|e| ReviewError::Write(path, e))?;
    Ok(ReviewSummary {
        dir,
        documents: rows.len(),
        without_text,
        warnings,
    })
}

/// `manifest.json` of the run, if it is there and is JSON.
fn read_manifest(run_dir: &Path, warnings: &mut Vec<String>) -> Option<Value> {
    let path = run_dir.join("manifest.json");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            warnings.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    match serde_json::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            warnings.push(format!("{}: {e}", path.display()));
            None
        }
    }
}

/// The inputs to read the articles from, and the JSON Lines field names.
///
/// Inputs of the manifest are paths as given to the run, relative to the
/// folder it ran in: one that does not exist from here is tried relative to
/// the parent of the run's folder, else left out (with a warning); stdin
/// cannot be read again.
fn inputs_of(
    opts: &ReviewOptions,
    run_dir: &Path,
    manifest: Option<&Value>,
    warnings: &mut Vec<String>,
) -> (Vec<String>, InputOptions) {
    let mut input_opts = InputOptions::default();
    if let Some(o) = manifest.and_then(|m| m.get("input_options")) {
        let field = |k: &str, into: &mut String| {
            if let Some(v) = o.get(k).and_then(Value::as_str) {
                *into = v.to_string();
            }
        };
        field("id_field", &mut input_opts.id_field);
        field("title_field", &mut input_opts.title_field);
        field("url_field", &mut input_opts.url_field);
        field("published_field", &mut input_opts.published_field);
        field("authors_field", &mut input_opts.authors_field);
        if let Some(Value::Array(a)) = o.get("text_fields") {
            let fields: Vec<String> = a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            if !fields.is_empty() {
                input_opts.text_fields = fields;
            }
        }
        if let Some(n) = o
            .get("max_doc_bytes")
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
        {
            input_opts.max_doc_bytes = n;
        }
    }
    if !opts.inputs.is_empty() {
        return (opts.inputs.clone(), input_opts);
    }
    let listed: Vec<String> = manifest
        .and_then(|m| m.get("inputs"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|i| i.get("path").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if listed.is_empty() {
        warnings.push(
            "no inputs: the manifest lists none; name them: vnextract review OUT_DIR INPUT..."
                .into(),
        );
    }
    let base = run_dir.parent().unwrap_or(Path::new(""));
    let mut found = Vec::new();
    for p in listed {
        if p == "-" {
            warnings.push("the run read stdin, which cannot be read again: name the input: vnextract review OUT_DIR INPUT...".into());
        } else if Path::new(&p).exists() {
            found.push(p);
        } else if Path::new(&p).is_relative() && base.join(&p).exists() {
            found.push(base.join(&p).display().to_string());
        } else {
            warnings.push(format!(
                "input {p} of the manifest not found from here: name the inputs: vnextract review OUT_DIR INPUT..."
            ));
        }
    }
    (found, input_opts)
}

/// The articles of the inputs, handed out by `doc_id` as they are asked
/// for, in input order.
struct Texts {
    events: Option<Box<dyn Iterator<Item = InputEvent> + Send>>,
    /// Documents read ahead of their turn, by id, in order.
    pending: HashMap<String, VecDeque<RawDoc>>,
    /// Why documents were skipped by the reader, by id.
    skipped: HashMap<String, String>,
    /// Why no inputs could be read at all.
    unreadable: Option<String>,
}

impl Texts {
    fn open(inputs: &[String], opts: &InputOptions, warnings: &mut Vec<String>) -> Texts {
        let mut t = Texts {
            events: None,
            pending: HashMap::new(),
            skipped: HashMap::new(),
            unreadable: None,
        };
        if inputs.is_empty() {
            t.unreadable = Some("no input to read it from".into());
            return t;
        }
        match read_inputs(inputs, opts) {
            Ok(events) => t.events = Some(events),
            Err(e) => {
                warnings.push(e.to_string());
                t.unreadable = Some(e.to_string());
            }
        }
        t
    }

    /// The next document with id `doc_id`.
    fn take(&mut self, doc_id: &str) -> Option<RawDoc> {
        if let Some(q) = self.pending.get_mut(doc_id) {
            let doc = q.pop_front();
            if q.is_empty() {
                self.pending.remove(doc_id);
            }
            if doc.is_some() {
                return doc;
            }
        }
        let events = self.events.as_mut()?;
        for event in events.by_ref() {
            match event {
                InputEvent::Doc(d) if d.doc_id == doc_id => return Some(d),
                InputEvent::Doc(d) => self
                    .pending
                    .entry(d.doc_id.clone())
                    .or_default()
                    .push_back(d),
                InputEvent::Error(e) => {
                    if let Some(id) = e.doc_id.clone() {
                        self.skipped.insert(id, e.to_string());
                    }
                }
            }
        }
        None
    }

    /// Why `doc_id` was not found (after [`Texts::take`] gave `None`).
    fn why_missing(&self, doc_id: &str) -> String {
        if let Some(why) = &self.unreadable {
            return why.clone();
        }
        match self.skipped.get(doc_id) {
            Some(e) => format!("the input was not read again ({e})"),
            None => format!("no document of the inputs has doc_id {doc_id:?}"),
        }
    }
}

/// The documents of `documents.jsonl`, line by line; a line that is not a
/// record is skipped with a warning.
struct Lines {
    reader: BufReader<File>,
    path: PathBuf,
    line: usize,
    buf: String,
}

impl Lines {
    fn next_doc(&mut self, warnings: &mut Vec<String>) -> Result<Option<DocView>, ReviewError> {
        loop {
            self.buf.clear();
            let n = self
                .reader
                .read_line(&mut self.buf)
                .map_err(|e| ReviewError::Read(self.path.clone(), e))?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            let line = self.buf.trim();
            if line.is_empty() {
                continue;
            }
            match DocView::parse(line) {
                Ok(d) => return Ok(Some(d)),
                Err(e) => warnings.push(format!(
                    "{}:{}: not a document, skipped: {e}",
                    self.path.display(),
                    self.line
                )),
            }
        }
    }
}

/// Removes `doc/<n>.html` pages of an earlier, longer review (only names
/// that are a number greater than `count`).
fn remove_stale_pages(pages: &Path, count: usize) {
    let Ok(entries) = fs::read_dir(pages) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".html")) else {
            continue;
        };
        if stem.parse::<usize>().is_ok_and(|n| n > count || n == 0) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_for_found_missing_and_hostile_documents() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let input = d.join("in.jsonl");
        fs::write(
            &input,
            "{\"id\":\"<script>x\",\"text\":\"Có 5 dự án ở Việt Nam.\"}\n{\"id\":\"b\",\"text\":\"B\"}\n",
        )
        .unwrap();
        let out = d.join("out");
        fs::create_dir(&out).unwrap();
        fs::create_dir_all(out.join("review/doc")).unwrap();
        fs::write(out.join("review/doc/7.html"), "old").unwrap();
        let manifest = serde_json::json!({"inputs": [{"path": input.display().to_string()}]});
        fs::write(out.join("manifest.json"), manifest.to_string()).unwrap();
        fs::write(
            out.join("documents.jsonl"),
            "{\"doc_id\":\"<script>x\",\"chars\":22,\"quantities\":[{\"start\":3,\"end\":10,\"text\":\"5 dự\"}],\
             \"countries\":[{\"code\":\"VN\",\"mentions\":[{\"start\":13,\"end\":21,\"text\":\"Việt Nam\"}]}]}\n\
             not json\n\
             {\"doc_id\":\"gone\",\"quantities\":[{\"start\":0,\"end\":1}]}\n\
             {\"doc_id\":\"b\",\"quantities\":[{\"start\":0,\"end\":99}]}\n",
        )
        .unwrap();
        let s = review(&ReviewOptions {
            out: out.clone(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(s.documents, 3);
        assert_eq!(s.without_text, 1);
        assert!(s.warnings.iter().any(|w| w.contains(":2: not a document")));
        let page = |n: usize| fs::read_to_string(out.join(format!("review/doc/{n}.html"))).unwrap();
        let p1 = page(1);
        assert!(p1.contains("&lt;script&gt;x"));
        assert!(p1.contains("data-x=\"q:0\" id=\"at-q:0\">5 dự án</span>"));
        assert!(p1.contains("data-x=\"c:0.0\" id=\"at-c:0.0\">Việt Nam</span>"));
        assert!(p1.contains("the run recorded «5 dự» but the text here reads «5 dự án»"));
        assert!(page(2).contains("no document of the inputs has doc_id &quot;gone&quot;"));
        assert!(page(3).contains("ends past the text"));
        assert!(!out.join("review/doc/7.html").exists());
        let index = fs::read_to_string(out.join("review/index.html")).unwrap();
        assert_eq!(index.matches("<script>").count(), 1);
        assert!(index.contains("href=\"doc/3.html\">b</a>"));

        // inputs named explicitly; --to elsewhere; a documents.jsonl path
        let to = d.join("elsewhere");
        let s = review(&ReviewOptions {
            out: out.join("documents.jsonl"),
            inputs: vec![d.join("none").display().to_string()],
            to: Some(to.clone()),
        })
        .unwrap();
        assert_eq!(s.without_text, 3);
        assert!(to.join("doc/3.html").exists());
        assert!(review(&ReviewOptions {
            out: d.join("nothing"),
            ..Default::default()
        })
        .is_err());
    }
}
