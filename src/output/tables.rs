//! The columns of every CSV table and how a document becomes rows of each.
//! One place defines them: the header and the row of a table sit side by side.

use crate::model::{format_number, DocumentRecord, ErrorRecord};

/// The CSV tables, in the order they are listed in docs/contract.md §2.
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

/// Where the cells of rows go, one at a time: a CSV writer, or (for
/// tests) a list of rows.
pub trait RowSink {
    fn cell(&mut self, c: &[u8]) -> std::io::Result<()>;
    /// The row is complete.
    fn end_row(&mut self) -> std::io::Result<()>;

    fn text(&mut self, s: &str) -> std::io::Result<()> {
        self.cell(s.as_bytes())
    }
    fn opt(&mut self, s: &Option<String>) -> std::io::Result<()> {
        self.cell(opt(s).as_bytes())
    }
    fn int<N: itoa::Integer + TryInto<i64>>(&mut self, n: N) -> std::io::Result<()> {
        self.cell(itoa::Buffer::new().format(n).as_bytes())
    }
    fn opt_int<N: itoa::Integer + TryInto<i64>>(&mut self, n: Option<N>) -> std::io::Result<()> {
        match n {
            Some(n) => self.int(n),
            None => self.cell(b""),
        }
    }
    fn number(&mut self, v: f64) -> std::io::Result<()> {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            self.int(v as i64)
        } else {
            self.cell(format_number(v).as_bytes())
        }
    }
    /// An ISO date (`2024-12-20`), or empty.
    fn date(&mut self, s: &Option<String>) -> std::io::Result<()> {
        self.opt(s)
    }
    fn joined(&mut self, v: &[String]) -> std::io::Result<()> {
        match v {
            [] => self.cell(b""),
            [one] => self.cell(one.as_bytes()),
            _ => self.cell(v.join(JOIN).as_bytes()),
        }
    }
}

impl<W: std::io::Write> RowSink for csv::Writer<W> {
    fn cell(&mut self, c: &[u8]) -> std::io::Result<()> {
        self.write_field(c).map_err(std::io::Error::from)
    }
    fn end_row(&mut self) -> std::io::Result<()> {
        self.write_record(None::<&[u8]>)
            .map_err(std::io::Error::from)
    }
}

/// Rows collected as strings (for tests and tools).
#[derive(Debug, Default)]
pub struct Rows {
    pub rows: Vec<Vec<String>>,
    cur: Vec<String>,
}

impl RowSink for Rows {
    fn cell(&mut self, c: &[u8]) -> std::io::Result<()> {
        self.cur.push(String::from_utf8_lossy(c).into_owned());
        Ok(())
    }
    fn end_row(&mut self) -> std::io::Result<()> {
        self.rows.push(std::mem::take(&mut self.cur));
        Ok(())
    }
}

/// One cell with its type, for writers that keep types (the workbook):
/// what [`RowSink`]'s typed methods were given, before it became bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Number(f64),
    /// An ISO date, `YYYY-MM-DD` as the record holds it.
    Date(String),
}

/// Rows of typed cells: the table as a workbook writer needs it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TypedRows {
    pub rows: Vec<Vec<Cell>>,
    cur: Vec<Cell>,
}

impl RowSink for TypedRows {
    fn cell(&mut self, c: &[u8]) -> std::io::Result<()> {
        self.cur
            .push(Cell::Text(String::from_utf8_lossy(c).into_owned()));
        Ok(())
    }
    fn end_row(&mut self) -> std::io::Result<()> {
        self.rows.push(std::mem::take(&mut self.cur));
        Ok(())
    }
    fn int<N: itoa::Integer + TryInto<i64>>(&mut self, n: N) -> std::io::Result<()> {
        let text = itoa::Buffer::new().format(n).to_string();
        self.cur.push(match n.try_into() {
            Ok(i) => Cell::Int(i),
            Err(_) => Cell::Text(text),
        });
        Ok(())
    }
    fn number(&mut self, v: f64) -> std::io::Result<()> {
        self.cur.push(Cell::Number(v));
        Ok(())
    }
    fn date(&mut self, s: &Option<String>) -> std::io::Result<()> {
        self.cur.push(match s {
            Some(d) => Cell::Date(d.clone()),
            None => Cell::Text(String::new()),
        });
        Ok(())
    }
}

impl Table {
    /// The sheet of this table in the workbook: its file name's stem.
    pub fn sheet_name(self) -> &'static str {
        self.file_name().trim_end_matches(".csv")
    }

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
                "doc_id",
                "source",
                "url",
                "title",
                "published",
                "language",
                "language_confidence",
                "chars",
                "authors",
            ],
            Table::Quantities => &[
                "doc_id",
                "start",
                "end",
                "text",
                "value",
                "value_max",
                "unit",
                "kind",
                "qualifier",
                "change",
                "counted",
                "subject",
                "sentence",
            ],
            Table::People => &["doc_id", "name", "roles", "mentions", "first_start"],
            Table::Countries => &[
                "doc_id",
                "code",
                "name_en",
                "name_vi",
                "mentions",
                "first_start",
            ],
            Table::Regions => &["doc_id", "name", "mentions", "first_start"],
            Table::LegalRefs => &[
                "doc_id", "start", "end", "text", "doc_type", "code", "number", "issued", "issuer",
            ],
            Table::Directives => &[
                "doc_id",
                "start",
                "end",
                "issuer",
                "addressee",
                "verb",
                "action",
                "sentence",
            ],
        }
    }

    /// The document gives this table no row.
    pub fn is_empty_for(self, d: &DocumentRecord) -> bool {
        match self {
            Table::Documents => false,
            Table::Quantities => d.quantities.is_empty(),
            Table::People => d.people.is_empty(),
            Table::Countries => d.countries.is_empty(),
            Table::Regions => d.regions.is_empty(),
            Table::LegalRefs => d.legal_refs.is_empty(),
            Table::Directives => d.directives.is_empty(),
        }
    }

    /// The rows of this table for one document, written into `out`.
    pub fn write_rows(self, d: &DocumentRecord, out: &mut impl RowSink) -> std::io::Result<()> {
        let id = d.doc_id.as_str();
        match self {
            Table::Documents => {
                out.text(id)?;
                out.text(&d.source)?;
                out.opt(&d.url)?;
                out.opt(&d.title)?;
                out.date(&d.published)?;
                out.text(&d.language)?;
                out.number(d.language_confidence)?;
                out.int(d.chars)?;
                out.joined(&d.authors)?;
                out.end_row()?;
            }
            Table::Quantities => {
                for q in &d.quantities {
                    out.text(id)?;
                    out.int(q.start)?;
                    out.int(q.end)?;
                    out.text(&q.text)?;
                    out.number(q.value)?;
                    match q.value_max {
                        Some(v) => out.number(v)?,
                        None => out.cell(b"")?,
                    }
                    out.text(&q.unit)?;
                    out.text(q.kind.as_str())?;
                    out.text(&q.qualifier)?;
                    out.text(&q.change)?;
                    out.opt(&q.counted)?;
                    out.opt(&q.subject)?;
                    out.int(q.sentence)?;
                    out.end_row()?;
                }
            }
            Table::People => {
                for p in &d.people {
                    out.text(id)?;
                    out.text(&p.name)?;
                    out.joined(&p.roles)?;
                    out.int(p.mentions.len())?;
                    out.opt_int(p.mentions.first().map(|m| m.start))?;
                    out.end_row()?;
                }
            }
            Table::Countries => {
                for c in &d.countries {
                    out.text(id)?;
                    out.text(&c.code)?;
                    out.text(&c.name_en)?;
                    out.text(&c.name_vi)?;
                    out.int(c.mentions.len())?;
                    out.opt_int(c.mentions.first().map(|m| m.start))?;
                    out.end_row()?;
                }
            }
            Table::Regions => {
                for r in &d.regions {
                    out.text(id)?;
                    out.text(&r.name)?;
                    out.int(r.mentions.len())?;
                    out.opt_int(r.mentions.first().map(|m| m.start))?;
                    out.end_row()?;
                }
            }
            Table::LegalRefs => {
                for l in &d.legal_refs {
                    out.text(id)?;
                    out.int(l.start)?;
                    out.int(l.end)?;
                    out.text(&l.text)?;
                    out.text(&l.doc_type)?;
                    out.opt(&l.code)?;
                    out.opt_int(l.number)?;
                    out.date(&l.issued)?;
                    out.opt(&l.issuer)?;
                    out.end_row()?;
                }
            }
            Table::Directives => {
                for x in &d.directives {
                    out.text(id)?;
                    out.int(x.start)?;
                    out.int(x.end)?;
                    out.text(&x.issuer)?;
                    out.text(&x.addressee)?;
                    out.text(&x.verb)?;
                    out.text(&x.action)?;
                    out.int(x.sentence)?;
                    out.end_row()?;
                }
            }
        }
        Ok(())
    }

    /// The rows of this table for one document, as typed cells.
    pub fn typed_rows(self, d: &DocumentRecord) -> Vec<Vec<Cell>> {
        let mut r = TypedRows::default();
        // writing into memory cannot fail
        let _ = self.write_rows(d, &mut r);
        r.rows
    }

    /// The rows of this table for one document, as strings.
    pub fn rows(self, d: &DocumentRecord) -> Vec<Vec<String>> {
        let mut r = Rows::default();
        // writing into memory cannot fail
        let _ = self.write_rows(d, &mut r);
        r.rows
    }
}

/// The row of `errors.csv` (and of the workbook's `errors` sheet) for one
/// error, in [`ERRORS_HEADER`] order.
pub fn write_error_row(e: &ErrorRecord, out: &mut impl RowSink) -> std::io::Result<()> {
    out.text(&e.source)?;
    out.opt_int(e.line)?;
    out.opt(&e.doc_id)?;
    out.text(e.action.as_str())?;
    out.text(&e.message)?;
    out.end_row()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_as_many_cells_as_its_header() {
        let d = DocumentRecord {
            doc_id: "a".into(),
            schema_version: crate::model::SCHEMA_VERSION,
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
