//! The columns of every CSV table and how a document becomes rows of each.
//! One place defines them: the header and the row of a table sit side by side.

use std::borrow::Cow;

use crate::model::{format_number, DocumentRecord, ErrorRecord};

/// The CSV tables, in the order they are listed in SPEC §2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Documents,
    Quantities,
    People,
    Countries,
    Regions,
    LegalRefs,
    Directives,
}

pub const TABLES: &[Table] = &[
    Table::Documents,
    Table::Quantities,
    Table::People,
    Table::Countries,
    Table::Regions,
    Table::LegalRefs,
    Table::Directives,
];

pub const ERRORS_HEADER: &[&str] = &["source", "line", "doc_id", "action", "message"];

/// Cells of many values are joined with this.
pub const JOIN: &str = " | ";

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// A cell: borrowed from the record where it can be, else made.
fn cell<'a>(x: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    x.into()
}

fn optn(v: Option<f64>) -> String {
    v.map(format_number).unwrap_or_default()
}

impl Table {
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Documents => "documents.csv",
            Table::Quantities => "quantities.csv",
            Table::People => "people.csv",
            Table::Countries => "countries.csv",
            Table::Regions => "regions.csv",
            Table::LegalRefs => "legal_refs.csv",
            Table::Directives => "directives.csv",
        }
    }

    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Documents => &[
                "doc_id", "source", "url", "title", "published", "language", "language_confidence", "chars", "authors",
            ],
            Table::Quantities => &[
                "doc_id", "start", "end", "text", "value", "value_max", "unit", "kind", "qualifier", "change",
                "counted", "subject", "sentence",
            ],
            Table::People => &["doc_id", "name", "roles", "mentions", "first_start"],
            Table::Countries => &["doc_id", "code", "name_en", "name_vi", "mentions", "first_start"],
            Table::Regions => &["doc_id", "name", "mentions", "first_start"],
            Table::LegalRefs => &["doc_id", "start", "end", "text", "doc_type", "code", "number", "issued", "issuer"],
            Table::Directives => &["doc_id", "start", "end", "issuer", "addressee", "verb", "action", "sentence"],
        }
    }

    /// The rows of this table for one document.
    pub fn rows(self, d: &DocumentRecord) -> Vec<Vec<Cow<'_, str>>> {
        let id = || d.doc_id.as_str();
        match self {
            Table::Documents => vec![vec![
                cell(id()),
                cell(d.source.as_str()),
                cell(opt(&d.url)),
                cell(opt(&d.title)),
                cell(opt(&d.published)),
                cell(d.language.as_str()),
                cell(format_number(d.language_confidence)),
                cell(d.chars.to_string()),
                cell(d.authors.join(JOIN)),
            ]],
            Table::Quantities => d
                .quantities
                .iter()
                .map(|q| {
                    vec![
                        cell(id()),
                        cell(q.start.to_string()),
                        cell(q.end.to_string()),
                        cell(q.text.as_str()),
                        cell(format_number(q.value)),
                        cell(optn(q.value_max)),
                        cell(q.unit.as_str()),
                        cell(q.kind.as_str()),
                        cell(q.qualifier.as_str()),
                        cell(q.change.as_str()),
                        cell(opt(&q.counted)),
                        cell(opt(&q.subject)),
                        cell(q.sentence.to_string()),
                    ]
                })
                .collect(),
            Table::People => d
                .people
                .iter()
                .map(|p| {
                    vec![
                        cell(id()),
                        cell(p.name.as_str()),
                        cell(p.roles.join(JOIN)),
                        cell(p.mentions.len().to_string()),
                        cell(p.mentions.first().map(|m| m.start.to_string()).unwrap_or_default()),
                    ]
                })
                .collect(),
            Table::Countries => d
                .countries
                .iter()
                .map(|c| {
                    vec![
                        cell(id()),
                        cell(c.code.as_str()),
                        cell(c.name_en.as_str()),
                        cell(c.name_vi.as_str()),
                        cell(c.mentions.len().to_string()),
                        cell(c.mentions.first().map(|m| m.start.to_string()).unwrap_or_default()),
                    ]
                })
                .collect(),
            Table::Regions => d
                .regions
                .iter()
                .map(|r| {
                    vec![
                        cell(id()),
                        cell(r.name.as_str()),
                        cell(r.mentions.len().to_string()),
                        cell(r.mentions.first().map(|m| m.start.to_string()).unwrap_or_default()),
                    ]
                })
                .collect(),
            Table::LegalRefs => d
                .legal_refs
                .iter()
                .map(|l| {
                    vec![
                        cell(id()),
                        cell(l.start.to_string()),
                        cell(l.end.to_string()),
                        cell(l.text.as_str()),
                        cell(l.doc_type.as_str()),
                        cell(opt(&l.code)),
                        cell(l.number.map(|n| n.to_string()).unwrap_or_default()),
                        cell(opt(&l.issued)),
                        cell(opt(&l.issuer)),
                    ]
                })
                .collect(),
            Table::Directives => d
                .directives
                .iter()
                .map(|x| {
                    vec![
                        cell(id()),
                        cell(x.start.to_string()),
                        cell(x.end.to_string()),
                        cell(x.issuer.as_str()),
                        cell(x.addressee.as_str()),
                        cell(x.verb.as_str()),
                        cell(x.action.as_str()),
                        cell(x.sentence.to_string()),
                    ]
                })
                .collect(),
        }
    }
}

/// The row of `errors.csv` for one error.
pub fn error_row(e: &ErrorRecord) -> Vec<String> {
    vec![
        e.source.clone(),
        e.line.map(|l| l.to_string()).unwrap_or_default(),
        opt(&e.doc_id).to_string(),
        e.action.as_str().to_string(),
        e.message.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_as_many_cells_as_its_header() {
        let d = DocumentRecord {
            doc_id: "a".into(),
            source: "a.txt".into(),
            url: None,
            title: None,
            published: None,
            language: "vi".into(),
            language_confidence: 0.99,
            chars: 3,
            authors: vec!["X".into(), "Y".into()],
            quantities: vec![crate::model::Quantity {
                start: 0,
                end: 1,
                text: "5".into(),
                value: 5.0,
                value_max: None,
                unit: "count".into(),
                kind: crate::model::QuantityKind::Count,
                qualifier: String::new(),
                change: String::new(),
                counted: None,
                subject: None,
                sentence: 0,
            }],
            people: vec![],
            countries: vec![],
            regions: vec![],
            legal_refs: vec![],
            directives: vec![],
        };
        for &t in TABLES {
            for row in t.rows(&d) {
                assert_eq!(row.len(), t.header().len(), "{t:?}");
            }
        }
        assert_eq!(Table::Documents.rows(&d)[0][8], "X | Y");
        assert_eq!(Table::Documents.rows(&d)[0][6], "0.99");
    }
}
