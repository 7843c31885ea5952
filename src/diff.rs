//! `vnextract diff OLD NEW`: what changed between two runs, table by table.
//!
//! Both runs are read from their `documents.jsonl` (the record every CSV row
//! comes from), line by line and side by side: documents are matched by
//! `doc_id` (a repeated id by its occurrence), so two runs over the same
//! input hold only the documents not yet matched in memory. Within a
//! document, rows are matched by key — offsets for quantities and legal
//! references, offsets and addressee for directives, the name for people
//! and regions, the code for countries — and a matched row whose fields
//! differ is a change, shown field by field. Document fields (title,
//! published, language, url, authors) are the `documents` table.
//!
//! `schema_version` is no field of a row: it says how the records are
//! written, not what was found. Two runs whose records carry different
//! versions (or one without it, written before records carried it) get a
//! note above the report; the rows are compared as usual.
//!
//! This is a leaf: it reads JSON and knows the table names and keys, nothing
//! else of the crate.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

/// The tables compared, in the order they are reported.
pub const TABLES: [&str; 7] = [
    "documents",
    "quantities",
    "people",
    "countries",
    "regions",
    "legal_refs",
    "directives",
];

/// Document fields compared as the `documents` table.
const DOC_FIELDS: [&str; 5] = ["title", "published", "language", "url", "authors"];

/// How many rows of each kind a text or Markdown report lists per table.
const SHOWN_PER_TABLE: usize = 50;

/// A problem reading one of the runs: which file, which line, what.
#[derive(Debug)]
pub struct DiffError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file.display(), l, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for DiffError {}

/// A row that is in one run only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub doc_id: String,
    pub key: String,
    pub row: Value,
}

/// A field of a matched row with another value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// A row in both runs whose fields differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub doc_id: String,
    pub key: String,
    pub fields: Vec<FieldChange>,
}

/// The differences of one table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableDiff {
    pub table: String,
    pub added: Vec<Row>,
    pub removed: Vec<Row>,
    pub changed: Vec<Change>,
}

impl TableDiff {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Everything that differs between two runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old: PathBuf,
    pub new: PathBuf,
    pub old_documents: usize,
    pub new_documents: usize,
    /// The `schema_version`s of the two runs' records (`null` where a
    /// record has none), when they differ; not a difference of the tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_versions: Option<(Value, Value)>,
    pub tables: Vec<TableDiff>,
}

/// The output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

impl Diff {
    /// No table differs.
    pub fn is_empty(&self) -> bool {
        self.tables.iter().all(TableDiff::is_empty)
    }

    /// `schema_version 1 -> 2 (…)`, when the runs' versions differ.
    fn schema_note(&self) -> Option<String> {
        self.schema_versions.as_ref().map(|(a, b)| {
            format!("schema_version {a} -> {b} (records written by different versions)")
        })
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => serde_json::to_string_pretty(self).unwrap_or_default() + "\n",
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
        }
    }

    fn text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "old {} ({} documents), new {} ({} documents)",
            self.old.display(),
            self.old_documents,
            self.new.display(),
            self.new_documents
        );
        if let Some(note) = self.schema_note() {
            let _ = writeln!(s, "{note}");
        }
        for t in &self.tables {
            let _ = writeln!(s, "{}", summary(t));
        }
        for t in self.tables.iter().filter(|t| !t.is_empty()) {
            let _ = writeln!(s, "\n{}:", t.table);
            for line in detail_lines(t) {
                let _ = writeln!(s, "  {line}");
            }
        }
        if self.is_empty() {
            let _ = writeln!(s, "no differences");
        }
        s
    }

    fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "**vnextract diff**: `{}` ({} documents) → `{}` ({} documents)\n",
            self.old.display(),
            self.old_documents,
            self.new.display(),
            self.new_documents
        );
        if let Some(note) = self.schema_note() {
            let _ = writeln!(s, "{note}\n");
        }
        let _ = writeln!(s, "| table | added | removed | changed |");
        let _ = writeln!(s, "|---|---:|---:|---:|");
        for t in &self.tables {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                t.table,
                t.added.len(),
                t.removed.len(),
                t.changed.len()
            );
        }
        for t in self.tables.iter().filter(|t| !t.is_empty()) {
            let _ = writeln!(s, "\n### {}\n", t.table);
            for line in detail_lines(t) {
                let _ = writeln!(s, "- `{}`", line.replace('`', "'"));
            }
        }
        if self.is_empty() {
            let _ = writeln!(s, "\nNo differences.");
        }
        s
    }
}

/// `quantities: 2 added, 1 removed, 3 changed` or `people: no change`.
fn summary(t: &TableDiff) -> String {
    if t.is_empty() {
        return format!("{}: no change", t.table);
    }
    format!(
        "{}: {} added, {} removed, {} changed",
        t.table,
        t.added.len(),
        t.removed.len(),
        t.changed.len()
    )
}

/// The listed rows of a table, `+` added, `-` removed, `~` changed.
fn detail_lines(t: &TableDiff) -> Vec<String> {
    let mut out = Vec::new();
    let more = |out: &mut Vec<String>, n: usize| {
        if n > SHOWN_PER_TABLE {
            out.push(format!("… {} more", n - SHOWN_PER_TABLE));
        }
    };
    for r in t.added.iter().take(SHOWN_PER_TABLE) {
        out.push(format!("+ {} {}", r.doc_id, label(&r.key, &r.row)));
    }
    more(&mut out, t.added.len());
    for r in t.removed.iter().take(SHOWN_PER_TABLE) {
        out.push(format!("- {} {}", r.doc_id, label(&r.key, &r.row)));
    }
    more(&mut out, t.removed.len());
    for c in t.changed.iter().take(SHOWN_PER_TABLE) {
        let fields: Vec<String> = c
            .fields
            .iter()
            .map(|f| format!("{}: {} -> {}", f.field, short(&f.old), short(&f.new)))
            .collect();
        out.push(format!("~ {} {}: {}", c.doc_id, c.key, fields.join("; ")));
    }
    more(&mut out, t.changed.len());
    out
}

/// A row as a reader recognises it: its key and what it says.
fn label(key: &str, row: &Value) -> String {
    let said = ["text", "name", "addressee", "code"]
        .iter()
        .find_map(|f| row.get(*f).and_then(Value::as_str))
        .map(|s| format!(" {}", short(&Value::String(s.to_string()))));
    let extra = ["value", "unit", "doc_type", "issuer", "verb"]
        .iter()
        .filter_map(|f| {
            row.get(*f)
                .filter(|v| !v.is_null())
                .map(|v| format!("{f}={}", short(v)))
        })
        .collect::<Vec<_>>();
    let mut s = format!("{key}{}", said.unwrap_or_default());
    if !extra.is_empty() {
        s.push_str(&format!(" ({})", extra.join(", ")));
    }
    s
}

/// A value on one line, at most 80 characters.
fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(77).collect();
        format!("{cut}...")
    } else {
        s
    }
}

/// The key of a row of `table`, before repeats are numbered.
fn row_key(table: &str, row: &Value) -> String {
    let field = |f: &str| match row.get(f) {
        Some(Value::String(s)) => s.clone(),
        Some(v) if !v.is_null() => v.to_string(),
        _ => String::new(),
    };
    match table {
        "quantities" | "legal_refs" => format!("[{}-{}]", field("start"), field("end")),
        "directives" => format!(
            "[{}-{}] {}",
            field("start"),
            field("end"),
            field("addressee")
        ),
        "countries" => field("code"),
        _ => field("name"),
    }
}

/// Rows of one table of one document with their keys.
type Keyed = Vec<(String, Value)>;

/// Rows of one table of one document, by key (a repeated key numbered in
/// order: `[3-9]`, `[3-9]#2`), in their order.
fn keyed(table: &str, rows: Option<&Value>) -> Keyed {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let Some(Value::Array(rows)) = rows else {
        return Vec::new();
    };
    rows.iter()
        .map(|r| (numbered(&mut seen, row_key(table, r)), r.clone()))
        .collect()
}

/// The fields whose values differ between two rows, in a stable order.
fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let empty = Map::new();
    let (a, b) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|f| {
            let (x, y) = (
                a.get(f).cloned().unwrap_or(Value::Null),
                b.get(f).cloned().unwrap_or(Value::Null),
            );
            (x != y).then(|| FieldChange {
                field: f.clone(),
                old: x,
                new: y,
            })
        })
        .collect()
}

/// The document fields of a record, as one row of the `documents` table.
fn doc_row(doc: &Value) -> Value {
    let mut m = Map::new();
    for f in DOC_FIELDS {
        m.insert(f.to_string(), doc.get(f).cloned().unwrap_or(Value::Null));
    }
    Value::Object(m)
}

/// Accumulates the differences of matched and unmatched documents.
struct Builder {
    tables: BTreeMap<usize, TableDiff>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            tables: TABLES
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        i,
                        TableDiff {
                            table: t.to_string(),
                            ..TableDiff::default()
                        },
                    )
                })
                .collect(),
        }
    }

    fn table(&mut self, i: usize) -> &mut TableDiff {
        self.tables.entry(i).or_default()
    }

    /// Compares two records of the same document (either may be missing).
    fn document(&mut self, doc_id: &str, old: Option<&Value>, new: Option<&Value>) {
        for (i, table) in TABLES.iter().enumerate() {
            let (a, b): (Keyed, Keyed) = if *table == "documents" {
                (
                    old.map(|d| vec![(doc_id.to_string(), doc_row(d))])
                        .unwrap_or_default(),
                    new.map(|d| vec![(doc_id.to_string(), doc_row(d))])
                        .unwrap_or_default(),
                )
            } else {
                (
                    keyed(table, old.and_then(|d| d.get(*table))),
                    keyed(table, new.and_then(|d| d.get(*table))),
                )
            };
            let in_new: HashMap<&str, &Value> = b.iter().map(|(k, v)| (k.as_str(), v)).collect();
            let in_old: HashMap<&str, &Value> = a.iter().map(|(k, v)| (k.as_str(), v)).collect();
            let t = self.table(i);
            for (k, v) in &a {
                match in_new.get(k.as_str()) {
                    None => t.removed.push(Row {
                        doc_id: doc_id.to_string(),
                        key: k.clone(),
                        row: v.clone(),
                    }),
                    Some(w) => {
                        let fields = field_changes(v, w);
                        if !fields.is_empty() {
                            t.changed.push(Change {
                                doc_id: doc_id.to_string(),
                                key: k.clone(),
                                fields,
                            });
                        }
                    }
                }
            }
            for (k, v) in &b {
                if !in_old.contains_key(k.as_str()) {
                    t.added.push(Row {
                        doc_id: doc_id.to_string(),
                        key: k.clone(),
                        row: v.clone(),
                    });
                }
            }
        }
    }
}

/// One run's `documents.jsonl`, record by record, with each record's
/// matching key (`doc_id`, numbered when repeated).
struct Records {
    path: PathBuf,
    lines: std::io::Lines<BufReader<File>>,
    line: usize,
    seen: HashMap<String, usize>,
    /// Records read so far.
    records: usize,
    /// The `schema_version` of the first record (`null` when it has none).
    schema_version: Option<Value>,
}

impl Records {
    fn open(dir: &Path) -> Result<Records, DiffError> {
        let path = if dir.is_file() {
            dir.to_path_buf()
        } else {
            dir.join("documents.jsonl")
        };
        let file = File::open(&path).map_err(|e| DiffError {
            file: path.clone(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        Ok(Records {
            path,
            lines: BufReader::new(file).lines(),
            line: 0,
            seen: HashMap::new(),
            records: 0,
            schema_version: None,
        })
    }

    /// The next record and its key, or `None` at the end.
    fn next(&mut self) -> Result<Option<(String, Value)>, DiffError> {
        loop {
            let Some(line) = self.lines.next() else {
                return Ok(None);
            };
            self.line += 1;
            let err = |message: String| DiffError {
                file: self.path.clone(),
                line: Some(self.line),
                message,
            };
            let line = line.map_err(|e| err(format!("cannot read: {e}")))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value =
                serde_json::from_str(&line).map_err(|e| err(format!("not a JSON record: {e}")))?;
            let id = v
                .get("doc_id")
                .and_then(Value::as_str)
                .ok_or_else(|| err("record without a `doc_id`".into()))?
                .to_string();
            self.records += 1;
            if self.schema_version.is_none() {
                self.schema_version = Some(v.get("schema_version").cloned().unwrap_or(Value::Null));
            }
            return Ok(Some((numbered(&mut self.seen, id), v)));
        }
    }
}

/// Compares the runs in `old` and `new` (folders written by `vnextract run`,
/// or their `documents.jsonl` files).
pub fn diff_runs(old: &Path, new: &Path) -> Result<Diff, DiffError> {
    let mut a = Records::open(old)?;
    let mut b = Records::open(new)?;
    let mut builder = Builder::new();
    let (mut pending_old, mut pending_new) = (Pending::default(), Pending::default());
    loop {
        let (next_old, next_new) = (a.next()?, b.next()?);
        if next_old.is_none() && next_new.is_none() {
            break;
        }
        if let Some((id, v)) = next_old {
            match pending_new.take(&id) {
                Some(w) => builder.document(&id, Some(&v), Some(&w)),
                None => pending_old.put(id, v),
            }
        }
        if let Some((id, w)) = next_new {
            match pending_old.take(&id) {
                Some(v) => builder.document(&id, Some(&v), Some(&w)),
                None => pending_new.put(id, w),
            }
        }
    }
    for (id, v) in pending_old.drain() {
        builder.document(&id, Some(&v), None);
    }
    for (id, w) in pending_new.drain() {
        builder.document(&id, None, Some(&w));
    }
    Ok(Diff {
        old: old.to_path_buf(),
        new: new.to_path_buf(),
        old_documents: a.records,
        new_documents: b.records,
        schema_versions: match (a.schema_version, b.schema_version) {
            (Some(x), Some(y)) if x != y => Some((x, y)),
            _ => None,
        },
        tables: builder.tables.into_values().collect(),
    })
}

/// Documents read on one side and not yet on the other, in reading order.
#[derive(Default)]
struct Pending {
    docs: HashMap<String, Value>,
    /// Ids in reading order; those taken since are dropped now and then, so
    /// the list stays as short as what is pending.
    order: Vec<String>,
}

impl Pending {
    fn put(&mut self, id: String, doc: Value) {
        if self.order.len() > 2 * self.docs.len() + 64 {
            let docs = &self.docs;
            self.order.retain(|id| docs.contains_key(id));
        }
        self.order.push(id.clone());
        self.docs.insert(id, doc);
    }

    fn take(&mut self, id: &str) -> Option<Value> {
        self.docs.remove(id)
    }

    /// What is left, in reading order.
    fn drain(mut self) -> Vec<(String, Value)> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .filter_map(|id| self.docs.remove(&id).map(|v| (id, v)))
            .collect()
    }
}

/// `key`, or `key#n` for its n-th occurrence (n > 1) among those seen.
fn numbered(seen: &mut HashMap<String, usize>, key: String) -> String {
    let n = seen.entry(key.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        key
    } else {
        format!("{key}#{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn write(dir: &Path, lines: &[Value]) {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(dir.join("documents.jsonl"), text).unwrap();
    }

    fn doc(id: &str, quantities: Value) -> Value {
        json!({"doc_id": id, "title": "T", "published": null, "language": "vi", "url": null,
               "authors": [], "quantities": quantities, "people": [], "countries": [],
               "regions": [], "legal_refs": [], "directives": []})
    }

    fn table<'a>(d: &'a Diff, name: &str) -> &'a TableDiff {
        d.tables.iter().find(|t| t.table == name).unwrap()
    }

    #[test]
    fn equal_runs_have_no_difference() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let q = json!([{"start": 3, "end": 9, "text": "5 tỷ", "value": 5e9, "unit": "VND"}]);
        write(a.path(), &[doc("x", q.clone())]);
        write(b.path(), &[doc("x", q)]);
        let d = diff_runs(a.path(), b.path()).unwrap();
        assert!(d.is_empty());
        assert_eq!((d.old_documents, d.new_documents), (1, 1));
        assert!(d.render(Format::Text).ends_with("no differences\n"));
    }

    #[test]
    fn rows_added_removed_and_changed_field_by_field() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(
            a.path(),
            &[doc(
                "x",
                json!([{"start": 3, "end": 9, "text": "5 tỷ", "value": 5e9, "unit": "VND"},
                       {"start": 20, "end": 24, "text": "12%", "value": 12.0, "unit": "percent"}]),
            )],
        );
        write(
            b.path(),
            &[doc(
                "x",
                json!([{"start": 3, "end": 9, "text": "5 tỷ", "value": 5e9, "unit": "USD"},
                       {"start": 30, "end": 33, "text": "7 dự án", "value": 7.0, "unit": "count"}]),
            )],
        );
        let d = diff_runs(a.path(), b.path()).unwrap();
        let q = table(&d, "quantities");
        assert_eq!(q.added.len(), 1);
        assert_eq!(q.added[0].key, "[30-33]");
        assert_eq!(q.removed.len(), 1);
        assert_eq!(q.removed[0].key, "[20-24]");
        assert_eq!(
            q.changed,
            vec![Change {
                doc_id: "x".into(),
                key: "[3-9]".into(),
                fields: vec![FieldChange {
                    field: "unit".into(),
                    old: json!("VND"),
                    new: json!("USD")
                }],
            }]
        );
        let text = d.render(Format::Text);
        assert!(
            text.contains("quantities: 1 added, 1 removed, 1 changed"),
            "{text}"
        );
        assert!(
            text.contains("~ x [3-9]: unit: \"VND\" -> \"USD\""),
            "{text}"
        );
        assert!(text.contains("people: no change"), "{text}");
        let md = d.render(Format::Markdown);
        assert!(md.contains("| quantities | 1 | 1 | 1 |"), "{md}");
        let js: Value = serde_json::from_str(&d.render(Format::Json)).unwrap();
        assert_eq!(js["tables"][1]["table"], "quantities");
        assert_eq!(js["tables"][1]["changed"][0]["fields"][0]["new"], "USD");
    }

    #[test]
    fn documents_in_one_run_only_and_in_another_order() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let q = json!([{"start": 0, "end": 2, "text": "5%", "value": 5.0, "unit": "percent"}]);
        write(a.path(), &[doc("x", q.clone()), doc("y", q.clone())]);
        let mut z = doc("z", q.clone());
        z["title"] = json!("Z");
        write(b.path(), &[doc("y", q.clone()), z, doc("x", q)]);
        let d = diff_runs(a.path(), b.path()).unwrap();
        let docs = table(&d, "documents");
        assert_eq!(docs.added.len(), 1);
        assert_eq!(docs.added[0].doc_id, "z");
        assert!(docs.removed.is_empty() && docs.changed.is_empty());
        assert_eq!(table(&d, "quantities").added.len(), 1);
    }

    #[test]
    fn schema_version_is_a_note_not_a_change() {
        let (a, b, c) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        let q = json!([{"start": 0, "end": 2, "text": "5%", "value": 5.0, "unit": "percent"}]);
        let versioned = |n: u32| {
            let mut d = doc("x", q.clone());
            d["schema_version"] = json!(n);
            d
        };
        write(a.path(), &[doc("x", q.clone())]);
        write(b.path(), &[versioned(1)]);
        write(c.path(), &[versioned(2)]);
        // the same version on both sides: nothing to say
        let same = diff_runs(b.path(), b.path()).unwrap();
        assert!(same.is_empty() && same.schema_versions.is_none());
        assert!(!same.render(Format::Text).contains("schema_version"));
        assert!(!same.render(Format::Json).contains("schema_version"));
        // a record without it, or another version: a note, no difference
        let d = diff_runs(a.path(), b.path()).unwrap();
        assert!(d.is_empty());
        assert_eq!(d.schema_versions, Some((Value::Null, json!(1))));
        let d = diff_runs(b.path(), c.path()).unwrap();
        assert!(d.is_empty());
        let text = d.render(Format::Text);
        assert!(text.contains("schema_version 1 -> 2"), "{text}");
        assert!(text.ends_with("no differences\n"), "{text}");
        assert!(d.render(Format::Markdown).contains("schema_version 1 -> 2"));
    }

    #[test]
    fn a_broken_line_is_an_error_with_file_and_line() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(a.path(), &[doc("x", json!([]))]);
        std::fs::write(
            b.path().join("documents.jsonl"),
            format!("{}\n{{not json\n", doc("x", json!([]))),
        )
        .unwrap();
        let e = diff_runs(a.path(), b.path()).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .contains("documents.jsonl:2: not a JSON record"),
            "{e}"
        );
        let missing = diff_runs(a.path(), &b.path().join("nope")).unwrap_err();
        assert_eq!(missing.line, None);
    }
}
