//! The vocabulary shared by every stage: input documents, the rows of every
//! output table, and the error records of bad input.
//!
//! Invariants kept by every producer of these types:
//! - `start`/`end` are Unicode scalar (character) offsets into the ORIGINAL
//!   document text, end exclusive: Python's `text[start:end]`.
//! - Strings written out (`text`, `name`, `subject`, …) are NFC with single
//!   spaces; they are taken from the original characters of their span.
//!
//! This module imports nothing of ours: everything else points down to it.

use serde::{Serialize, Serializer};

/// One article as the input layer hands it over, before any processing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDoc {
    /// File stem, relative path on collision, JSONL id field, or `STEM:LINE`.
    pub doc_id: String,
    /// Where it came from: a path, `path:line` for a JSONL record, or `-`.
    pub source: String,
    /// The article text exactly as read (after UTF-8 repair, if any).
    pub text: String,
    /// Metadata given by the input itself (JSONL fields); `None` when absent.
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
}

/// What happened to a piece of bad input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorAction {
    /// The input was not turned into a document.
    Skipped,
    /// The document was written, after a repair (e.g. invalid UTF-8 → U+FFFD).
    Repaired,
}

impl ErrorAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorAction::Skipped => "skipped",
            ErrorAction::Repaired => "repaired",
        }
    }
}

/// One row of `errors.csv`: bad input, with file and line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRecord {
    /// The file (or `-` for stdin).
    pub source: String,
    /// 1-based line in a JSON Lines dump; `None` for a whole file.
    pub line: Option<u64>,
    /// The document affected, when one could be named.
    pub doc_id: Option<String>,
    pub action: ErrorAction,
    pub message: String,
}

impl std::fmt::Display for ErrorRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "{}:{}: {}: {}",
                self.source,
                line,
                self.action.as_str(),
                self.message
            ),
            None => write!(
                f,
                "{}: {}: {}",
                self.source,
                self.action.as_str(),
                self.message
            ),
        }
    }
}

/// What the input layer yields, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum InputEvent {
    Doc(RawDoc),
    Error(ErrorRecord),
}

/// Serialize an `f64` as an integer when it is one (so `4814000000000`, not
/// `4814000000000.0` and never an exponent), else as a plain decimal.
pub fn serialize_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn serialize_opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => serialize_number(v, s),
        None => s.serialize_none(),
    }
}

/// A number as a CSV cell: plain decimal, `.` as separator, no exponent.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        // Rust's Display for f64 never uses an exponent and round-trips.
        format!("{}", v)
    }
}

/// Which mark separates the decimals of a number written with digits; the
/// other one groups thousands. Vietnamese writes `4.814` for 4814 and `6,5`
/// for 6.5 (`Comma`); English writes `4,814` and `6.5` (`Point`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    #[default]
    Comma,
    Point,
}

/// What kind of figure a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Ratio,
    Measure,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
            QuantityKind::Ratio => "ratio",
            QuantityKind::Measure => "measure",
        }
    }
}

/// One figure a reader would quote (docs/contract.md §3 Quantities).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    /// Qualifier, number, scale word and unit as written.
    pub text: String,
    #[serde(serialize_with = "serialize_number")]
    pub value: f64,
    #[serde(serialize_with = "serialize_opt_number")]
    pub value_max: Option<f64>,
    /// ISO 4217 code, `percent`, `percentage_point`, `count`, `times`,
    /// `point`, an SI-style code, or a rate such as `USD/t`.
    pub unit: String,
    pub kind: QuantityKind,
    /// `over`, `under`, `about`, `nearly`, `at_least`, `at_most`, or empty.
    pub qualifier: String,
    /// `up`, `down`, or empty.
    pub change: String,
    /// The noun phrase counted, for counts.
    pub counted: Option<String>,
    /// The metric measured, for money and percent, when the sentence names it.
    pub subject: Option<String>,
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
}

/// A character span of one mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// A mention with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A person named in the body, with every office attached to any mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// A country (ISO 3166-1 alpha-2) mentioned in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Country {
    pub code: String,
    pub name_en: String,
    pub name_vi: String,
    pub mentions: Vec<TextMention>,
}

/// A region or bloc (ASEAN, EU, Mỹ Latinh, …) mentioned in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    pub name: String,
    pub mentions: Vec<TextMention>,
}

/// A cited legal or party document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegalRef {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub doc_type: String,
    pub code: Option<String>,
    pub number: Option<u64>,
    pub issued: Option<String>,
    pub issuer: Option<String>,
}

/// An instruction: who was told to do what, by whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Directive {
    pub start: usize,
    pub end: usize,
    pub issuer: String,
    pub addressee: String,
    pub verb: String,
    pub action: String,
    pub sentence: usize,
}

/// The version of the output's schema: the fields of a `documents.jsonl`
/// line and the columns of the tables (`docs/columns.md`,
/// `docs/documents.schema.json`). Fields may be added under the same
/// version; renaming or dropping one bumps it.
pub const SCHEMA_VERSION: u32 = 1;

/// One processed document with every extraction nested: a line of
/// `documents.jsonl`, and the source of every CSV row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    /// [`SCHEMA_VERSION`] of the program that wrote the record, so that a
    /// line read on its own (a map stage's output) says its shape.
    pub schema_version: u32,
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub language: String,
    pub language_confidence: f64,
    /// Length of the original text in characters.
    pub chars: usize,
    pub authors: Vec<String>,
    pub quantities: Vec<Quantity>,
    pub people: Vec<Person>,
    pub countries: Vec<Country>,
    pub regions: Vec<Region>,
    pub legal_refs: Vec<LegalRef>,
    pub directives: Vec<Directive>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain() {
        assert_eq!(format_number(4814000000000.0), "4814000000000");
        assert_eq!(format_number(6.5), "6.5");
        assert_eq!(format_number(1e21), "1000000000000000000000");
        assert_eq!(format_number(0.1), "0.1");
        let q = serde_json::to_string(&Wrapper(4814000000000.0)).unwrap();
        assert_eq!(q, "4814000000000");
        let q = serde_json::to_string(&Wrapper(12.4)).unwrap();
        assert_eq!(q, "12.4");
    }

    #[derive(Serialize)]
    struct Wrapper(#[serde(serialize_with = "serialize_number")] f64);
}
