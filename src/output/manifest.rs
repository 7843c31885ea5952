//! `manifest.json` in the output folder: how a dataset was made. The
//! program and its version, the output's schema version, the rules (where
//! they came from and the SHA-256 of every file), the inputs with their sizes,
//! the options that change the output, rows per table, documents per
//! language, and when the run started and ended (RFC 3339, UTC).
//!
//! It is the one output file that differs between two runs of the same input
//! (its times do); the tables never do.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;

/// The version of the output's schema, the same in every `documents.jsonl`
/// line (`docs/columns.md`).
pub use crate::model::SCHEMA_VERSION;

/// Where the rules came from and what they were.
#[derive(Debug, Clone, Serialize)]
pub struct RulesInfo {
    /// `embedded`, or the folder given with `--rules`.
    pub source: String,
    /// SHA-256 of every rules file, by path and content.
    pub sha256: String,
}

/// One input as given on the command line.
#[derive(Debug, Clone, Serialize)]
pub struct InputInfo {
    pub path: String,
    /// Bytes of the file, or of every file under the folder; `null` for stdin.
    pub bytes: Option<u64>,
}

/// The contents of `manifest.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub program: &'static str,
    pub version: &'static str,
    pub schema_version: u32,
    pub rules: RulesInfo,
    pub inputs: Vec<InputInfo>,
    /// How JSON Lines records were read (`--id-field`, `--text-field`, …).
    pub input_options: crate::input::InputOptions,
    /// `--lang` (`auto`, `vi`, `en`).
    pub language: String,
    pub documents: usize,
    /// Input errors (skipped or repaired documents, `errors.csv`).
    pub errors: usize,
    /// Bytes of article text read.
    pub text_bytes: usize,
    /// Rows per table.
    pub tables: BTreeMap<&'static str, usize>,
    /// Documents per language.
    pub languages: BTreeMap<String, usize>,
    pub started: String,
    pub ended: String,
    pub seconds: f64,
}

/// The size of an input: a file's, or the sum over a folder's files; `None`
/// for stdin (`-`) or what cannot be read.
pub fn input_size(path: &str) -> Option<u64> {
    if path == "-" {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return Some(meta.len());
    }
    Some(
        walkdir::WalkDir::new(path)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| e.metadata().ok().map(|m| m.len()))
            .sum(),
    )
}

/// A time as RFC 3339 in UTC, to the second.
pub fn timestamp(t: SystemTime) -> String {
    humantime::format_rfc3339_seconds(t).to_string()
}

/// Writes `manifest.json` into `dir` (through a temporary file, renamed
/// into place), last, after the tables are in place: a folder whose
/// manifest names this run holds this run's tables.
pub fn write_manifest(dir: &Path, m: &Manifest) -> io::Result<()> {
    let mut f = super::temp_in(dir)?;
    serde_json::to_writer_pretty(&mut f, m).map_err(io::Error::other)?;
    f.write_all(b"\n")?;
    f.as_file().sync_all()?;
    super::persist(f, &dir.join("manifest.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_times() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "12345").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "123").unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(input_size(d), Some(8));
        assert_eq!(input_size(&format!("{d}/a.txt")), Some(5));
        assert_eq!(input_size("-"), None);
        assert_eq!(input_size(&format!("{d}/none")), None);
        assert_eq!(timestamp(SystemTime::UNIX_EPOCH), "1970-01-01T00:00:00Z");
    }
}
