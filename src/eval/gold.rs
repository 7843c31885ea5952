//! Reading what the scorer compares: the gold folder (`DOC_ID.json` beside
//! `DOC_ID.txt`) and the predictions (`documents.jsonl`), as score.py reads
//! them — files in code-point order of their names, text with universal
//! newlines (`\r\n` and `\r` read as `\n`, so offsets count the way
//! Python's do), the last line of a repeated `doc_id` winning.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::py;
use super::EvalError;

/// One gold annotation and its article.
#[derive(Debug)]
pub struct GoldDoc {
    /// The `.json` file it was read from.
    pub file: PathBuf,
    /// `str(doc_id)`, for messages and the `.txt` file name.
    pub doc_id: String,
    /// The key its prediction is looked up by: `None` when the gold
    /// `doc_id` is not a string (score.py then finds no prediction).
    pub key: Option<String>,
    /// The annotation (a JSON object).
    pub gold: Map<String, Value>,
    /// The article, as read with universal newlines.
    pub text: String,
}

/// The predicted documents by `str(doc_id)`.
pub type Predictions = HashMap<String, Map<String, Value>>;

/// Reads a text file as UTF-8 with Python's universal newlines.
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes =
        fs::read(path).map_err(|e| EvalError::new(path, None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| EvalError::new(path, None, format!("not UTF-8: {e}")))?;
    Ok(universal_newlines(text))
}

/// `\r\n` and a lone `\r` become `\n`.
fn universal_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// `Path.stem`: the name without its last suffix (`.json` stays `.json`).
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => &name[..i],
        _ => name,
    }
}

/// The `*.json` entries of `dir`, sorted by name (hidden ones too, as
/// pathlib's glob).
fn gold_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let entries = fs::read_dir(dir)
        .map_err(|e| EvalError::new(dir, None, format!("cannot read the gold folder: {e}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| EvalError::new(dir, None, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}

/// Reads every gold document of `dir` with its article.
pub fn read_gold(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    for (name, file) in gold_files(dir)? {
        let raw = read_text(&file)?;
        let value: Value = serde_json::from_str(&raw).map_err(|e| {
            EvalError::new(&file, Some(e.line()), format!("malformed gold JSON: {e}"))
        })?;
        let Value::Object(gold) = value else {
            return Err(EvalError::new(&file, None, "gold is not a JSON object"));
        };
        for key in [
            "quantities",
            "people",
            "countries",
            "countries_optional",
            "legal_refs",
        ]
        .into_iter()
        .chain(["directives", "authors"])
        {
            if gold.get(key).is_some_and(|v| !v.is_array()) {
                return Err(EvalError::new(
                    &file,
                    None,
                    format!("`{key}` is not a list"),
                ));
            }
        }
        let (doc_id, key) = match gold.get("doc_id") {
            None => (stem(&name).to_string(), Some(stem(&name).to_string())),
            Some(Value::String(s)) => (s.clone(), Some(s.clone())),
            Some(other) => (py::str(other), None),
        };
        let text = read_text(&dir.join(format!("{doc_id}.txt")))?;
        docs.push(GoldDoc {
            file,
            doc_id,
            key,
            gold,
            text,
        });
    }
    Ok(docs)
}

/// Reads `documents.jsonl`: one JSON object per non-blank line.
pub fn read_predictions(path: &Path) -> Result<Predictions, EvalError> {
    let bytes = fs::read(path)
        .map_err(|e| EvalError::new(path, None, format!("cannot read the predictions: {e}")))?;
    let mut predicted = Predictions::new();
    // split before decoding so that a bad byte is reported with its line
    let text = universal_newlines_bytes(&bytes);
    for (n, line) in text.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let line = std::str::from_utf8(line)
            .map_err(|e| EvalError::new(path, Some(line_no), format!("not UTF-8: {e}")))?;
        if py::strip(line).is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| EvalError::new(path, Some(line_no), format!("malformed JSON: {e}")))?;
        let Value::Object(doc) = value else {
            return Err(EvalError::new(path, Some(line_no), "not a JSON object"));
        };
        predicted.insert(py::str(py::get_map(&doc, "doc_id")), doc);
    }
    Ok(predicted)
}

/// [`universal_newlines`] on bytes (`\r` is one byte in UTF-8 and never
/// part of another character).
fn universal_newlines_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_newlines_are_pythons() {
        assert_eq!(stem("002_a.json"), "002_a");
        assert_eq!(stem("a.b.json"), "a.b");
        assert_eq!(stem(".json"), ".json");
        assert_eq!(universal_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(universal_newlines_bytes(b"a\r\nb\rc\n"), b"a\nb\nc\n");
    }
}
