//! The scores of a gold set and their two renderings, byte for byte those
//! of score.py: the text table (`--show-errors` adds a line per miss and
//! extra) and `--json` (`json.dumps(..., indent=1)`, keys in score.py's
//! order, every figure rounded to 4 places as Python's `round` does).

use std::fmt::Write as _;

use super::matching::{Scores, ATTRIBUTES, TABLES};
use super::py::float_repr;

/// `round(x, 4)`: Rust's fixed-precision formatting rounds the exact binary
/// value half to even, as Python's `round` does, and the digits read back
/// to the nearest float, as Python's do.
pub fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// One table's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TableScore {
    pub name: &'static str,
    /// Rounded to 4 places.
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// `DOC_ID: missed …` / `DOC_ID: extra  …`, misses first, per document.
    pub errors: Vec<String>,
}

/// The scores of a gold set.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// quantities, people, countries, legal_refs, directives, authors.
    pub tables: Vec<TableScore>,
    /// Attribute accuracy on matched items (rounded; `None`: never tried).
    pub attributes: Vec<(&'static str, Option<f64>)>,
    /// Mean F1 of the first five tables (of the rounded F1s, rounded).
    pub macro_f1: f64,
    /// `warning: DOC_ID: anchor not in text: '…'` lines, for stderr.
    pub warnings: Vec<String>,
}

impl Report {
    /// Rounds and arranges the tallies as score.py's `result`.
    pub fn from_scores(scores: Scores) -> Report {
        let tables: Vec<TableScore> = TABLES
            .iter()
            .zip(scores.tables)
            .map(|(&name, t)| {
                let (p, r, f) = t.prf();
                TableScore {
                    name,
                    precision: round4(p),
                    recall: round4(r),
                    f1: round4(f),
                    tp: t.tp,
                    fp: t.fp,
                    fn_: t.fn_,
                    errors: t.errors,
                }
            })
            .collect();
        let attributes = ATTRIBUTES
            .iter()
            .zip(scores.attributes)
            .map(|(&name, r)| (name, r.value().map(round4)))
            .collect();
        // Python's sum: left to right from 0
        let core: f64 = tables.iter().take(5).fold(0.0, |acc, t| acc + t.f1);
        Report {
            documents: scores.documents,
            macro_f1: round4(core / 5.0),
            tables,
            attributes,
            warnings: scores.warnings,
        }
    }

    /// A table's figures by name.
    pub fn table(&self, name: &str) -> Option<&TableScore> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// score.py's `--json` output (with its final newline).
    pub fn to_json(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{{\n \"documents\": {},\n \"tables\": {{",
            self.documents
        );
        for (i, t) in self.tables.iter().enumerate() {
            let _ = write!(
                s,
                "  \"{}\": {{\n   \"precision\": {},\n   \"recall\": {},\n   \"f1\": {},\n   \"tp\": {},\n   \"fp\": {},\n   \"fn\": {}\n  }}",
                t.name,
                float_repr(t.precision),
                float_repr(t.recall),
                float_repr(t.f1),
                t.tp,
                t.fp,
                t.fn_
            );
            s.push_str(if i + 1 < self.tables.len() {
                ",\n"
            } else {
                "\n"
            });
        }
        s.push_str(" },\n \"attributes\": {\n");
        for (i, (name, v)) in self.attributes.iter().enumerate() {
            let v = v.map_or_else(|| "null".to_string(), float_repr);
            let _ = write!(s, "  \"{name}\": {v}");
            s.push_str(if i + 1 < self.attributes.len() {
                ",\n"
            } else {
                "\n"
            });
        }
        let _ = writeln!(s, " }},\n \"macro_f1\": {}\n}}", float_repr(self.macro_f1));
        s
    }

    /// score.py's text output: the table, attribute accuracy, with
    /// `show_errors` every miss and extra, and the macro F1 line.
    pub fn to_text(&self, show_errors: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{} gold documents", self.documents);
        let _ = writeln!(
            s,
            "{:<12} {:>6} {:>6} {:>6}   tp/fp/fn",
            "table", "P", "R", "F1"
        );
        for t in &self.tables {
            let _ = writeln!(
                s,
                "{:<12} {:>6.3} {:>6.3} {:>6.3}   {}/{}/{}",
                t.name, t.precision, t.recall, t.f1, t.tp, t.fp, t.fn_
            );
        }
        s.push_str("attribute accuracy on matched items:\n");
        for (name, v) in &self.attributes {
            let v = v.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
            let _ = writeln!(s, "  {name:<20} {v}");
        }
        if show_errors {
            for t in &self.tables {
                for e in &t.errors {
                    let _ = writeln!(s, "{e}");
                }
            }
        }
        let _ = writeln!(
            s,
            "macro F1 (quantities, people, countries, legal_refs, directives): {:.3}",
            self.macro_f1
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round4_is_pythons_round() {
        // exact binary ties go to even, as in Python
        let cases = [
            (0.03125, 0.0312),
            (0.8571428571, 0.8571),
            (2.0 / 3.0, 0.6667),
            (1.0, 1.0),
            (0.00005, 0.0001),
        ];
        for (x, want) in cases {
            assert_eq!(round4(x), want, "{x}");
        }
    }

    #[test]
    fn renders_like_score_py() {
        let mut scores = Scores::default();
        scores.documents = 2;
        scores.tables[0].tp = 3;
        scores.tables[0].fp = 1;
        scores.tables[0]
            .errors
            .push("d: extra  quantity '5' = 5..None count".into());
        scores.attributes[0].hit = 2;
        scores.attributes[0].total = 3;
        let r = Report::from_scores(scores);
        // quantities F1 6/7 = 0.8571, the other four 1.0
        assert_eq!(r.macro_f1, round4((0.8571 + 4.0) / 5.0));
        let json = r.to_json();
        assert!(json.starts_with("{\n \"documents\": 2,\n \"tables\": {\n  \"quantities\": {\n   \"precision\": 0.75,\n"), "{json}");
        assert!(
            json.contains("  \"quantity.qualifier\": 0.6667,\n  \"quantity.counted\": null,\n"),
            "{json}"
        );
        assert!(json.ends_with(" },\n \"macro_f1\": 0.9714\n}\n"), "{json}");
        let text = r.to_text(true);
        assert!(
            text.contains("quantities    0.750  1.000  0.857   3/1/0\n"),
            "{text}"
        );
        assert!(text.contains("  quantity.counted     -\n"), "{text}");
        assert!(
            text.contains("d: extra  quantity '5' = 5..None count\nmacro F1"),
            "{text}"
        );
        assert!(!r.to_text(false).contains("extra"));
    }
}
