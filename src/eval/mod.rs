//! `vnextract eval GOLD_DIR OUT`: scores a run against hand-annotated gold
//! files, a port of the project's scorer `.ci/score.py` that gives the same
//! figures, tie-breaking included (the gold format is in
//! `docs/gold-format.md`).
//!
//! - [`gold`] reads the gold folder and the run's `documents.jsonl`;
//! - [`matching`] holds score.py's rules per table and the tallies;
//! - [`fold`] is score.py's `norm` and `code_key`, [`anchor`] locates gold
//!   directive anchors in original offsets, [`py`] is the bit of Python
//!   (`str()`, `float()`, truthiness…) the rules lean on;
//! - [`report`] rounds and renders the figures as score.py prints them.
//!
//! Where score.py would stop with a Python exception on malformed input,
//! this scorer reports an [`EvalError`] for gold and output files that are
//! not JSON, gold lists that are not lists and directives without an
//! anchor; other unexpected values are read as score.py's `str()`/`float()`
//! would, or as missing.
//!
//! This is a leaf: it reads JSON and knows nothing else of the crate.

mod anchor;
mod casefold;
pub mod fold;
pub mod gold;
pub mod matching;
pub mod py;
pub mod report;

use std::path::{Path, PathBuf};

use serde_json::Map;

pub use report::{Report, TableScore};

/// How to score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Gold quantities marked `"words": true` count as required even where
    /// they are marked optional.
    pub with_words: bool,
}

/// A file the scorer could not read: which file, which line, what.
#[derive(Debug)]
pub struct EvalError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl EvalError {
    fn new(file: &Path, line: Option<usize>, message: impl Into<String>) -> EvalError {
        EvalError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file.display(), l, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for EvalError {}

/// The predictions of `out`: a run's `--out` folder (its `documents.jsonl`)
/// or a `.jsonl` file.
pub fn predictions_path(out: &Path) -> PathBuf {
    if out.is_dir() {
        out.join("documents.jsonl")
    } else {
        out.to_path_buf()
    }
}

/// Scores the predictions (a folder or `documents.jsonl`, see
/// [`predictions_path`]) against every `*.json` gold file of `gold_dir`.
/// A gold document missing from the predictions scores as all misses.
pub fn score(gold_dir: &Path, predictions: &Path, opts: &Options) -> Result<Report, EvalError> {
    let predicted = gold::read_predictions(&predictions_path(predictions))?;
    let docs = gold::read_gold(gold_dir)?;
    let none = Map::new();
    let mut scores = matching::Scores::default();
    for doc in &docs {
        let pred = doc
            .key
            .as_ref()
            .and_then(|k| predicted.get(k))
            .unwrap_or(&none);
        scores.add_document(doc, pred, opts.with_words)?;
    }
    Ok(Report::from_scores(scores))
}
