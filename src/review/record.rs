//! One line of `documents.jsonl` as the review shows it: the document's
//! fields and a flat list of its extractions, each with an id (`q:3`,
//! `p:1.0` for mention 0 of person 1), its character span, and the fields
//! of its row a reviewer reads, as strings in a fixed order.
//!
//! The line is read as plain JSON, not into the model's types: a run made by
//! another version (a field more or less) is still shown, and a missing or
//! malformed value is shown as it is instead of failing the page.

use serde_json::{Map, Value};

use super::segments::Span;

/// The tables highlighted, in legend order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Quantities,
    People,
    Countries,
    Regions,
    LegalRefs,
    Directives,
}

impl Table {
    pub const ALL: [Table; 6] = [
        Table::Quantities,
        Table::People,
        Table::Countries,
        Table::Regions,
        Table::LegalRefs,
        Table::Directives,
    ];

    /// The table's name in `documents.jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Quantities => "quantities",
            Table::People => "people",
            Table::Countries => "countries",
            Table::Regions => "regions",
            Table::LegalRefs => "legal_refs",
            Table::Directives => "directives",
        }
    }

    /// The one-letter prefix of ids and CSS classes.
    pub fn letter(self) -> &'static str {
        match self {
            Table::Quantities => "q",
            Table::People => "p",
            Table::Countries => "c",
            Table::Regions => "r",
            Table::LegalRefs => "l",
            Table::Directives => "d",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Rows of these tables are entities with a list of mentions.
    fn has_mentions(self) -> bool {
        matches!(self, Table::People | Table::Countries | Table::Regions)
    }

    /// The fields shown first, in this order; any other field follows.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Table::Quantities => &[
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
            Table::People => &["name", "roles"],
            Table::Countries => &["code", "name_en", "name_vi"],
            Table::Regions => &["name"],
            Table::LegalRefs => &["text", "doc_type", "code", "number", "issued", "issuer"],
            Table::Directives => &["issuer", "addressee", "verb", "action", "sentence"],
        }
    }
}

/// One highlighted thing: a row, or one mention of a person, country or
/// region.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    pub table: Table,
    /// `q:3`; `p:1.0` (person 1, mention 0). Only `[a-z0-9:.]`.
    pub id: String,
    /// The id of its row: `q:3`, `p:1`. The mentions of a person,
    /// country or region share their row's card.
    pub row: String,
    /// `None` when the row has no usable `start`/`end`.
    pub span: Option<Span>,
    /// What the row says in a few words: its `text` or `name`, or the
    /// directive's verb and addressee.
    pub label: String,
    /// The `text` the run recorded for the span, when it has one.
    pub text: Option<String>,
    /// Field name and value of its row, to show.
    pub fields: Vec<(String, String)>,
}

/// A document of the run, ready to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocView {
    pub doc_id: String,
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: String,
    /// The length of the text the run read, in characters.
    pub chars: Option<usize>,
    /// Rows per table, in [`Table::ALL`] order.
    pub rows: [usize; 6],
    pub extractions: Vec<Extraction>,
}

/// A value as one line: strings as they are, lists joined with `; `,
/// `null` as empty.
pub fn show(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.iter().all(|x| !x.is_array() && !x.is_object()) => {
            a.iter().map(show).collect::<Vec<_>>().join("; ")
        }
        v => v.to_string(),
    }
}

fn string(m: &Map<String, Value>, f: &str) -> Option<String> {
    match m.get(f) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn span_of(m: &Map<String, Value>) -> Option<Span> {
    let get = |f: &str| {
        m.get(f)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    Some(Span {
        start: get("start")?,
        end: get("end")?,
    })
}

/// The fields of `row` worth showing, those of `table` first.
fn fields_of(table: Table, row: &Map<String, Value>) -> Vec<(String, String)> {
    let first = table.fields();
    let mut out: Vec<(String, String)> = first
        .iter()
        .map(|f| (f.to_string(), row.get(*f).map(show).unwrap_or_default()))
        .collect();
    let skip = ["start", "end", "mentions"];
    for (k, v) in row {
        if !first.contains(&k.as_str()) && !skip.contains(&k.as_str()) {
            out.push((k.clone(), show(v)));
        }
    }
    out
}

impl DocView {
    /// A line of `documents.jsonl`, parsed; `Err` when it is not a JSON object.
    pub fn parse(line: &str) -> Result<DocView, String> {
        let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let Value::Object(m) = v else {
            return Err("not a JSON object".into());
        };
        let mut doc = DocView {
            doc_id: string(&m, "doc_id").unwrap_or_default(),
            source: string(&m, "source").unwrap_or_default(),
            title: string(&m, "title"),
            url: string(&m, "url"),
            published: string(&m, "published"),
            language: string(&m, "language").unwrap_or_default(),
            chars: m
                .get("chars")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok()),
            ..DocView::default()
        };
        for table in Table::ALL {
            let Some(Value::Array(rows)) = m.get(table.name()) else {
                continue;
            };
            doc.rows[table.index()] = rows.len();
            for (i, row) in rows.iter().enumerate() {
                let Value::Object(row) = row else { continue };
                doc.add_row(table, i, row);
            }
        }
        Ok(doc)
    }

    fn add_row(&mut self, table: Table, i: usize, row: &Map<String, Value>) {
        let fields = fields_of(table, row);
        let letter = table.letter();
        if !table.has_mentions() {
            let label = match table {
                Table::Directives => format!(
                    "{} → {}",
                    string(row, "verb").unwrap_or_default(),
                    string(row, "addressee").unwrap_or_default()
                ),
                _ => string(row, "text").unwrap_or_default(),
            };
            self.extractions.push(Extraction {
                table,
                id: format!("{letter}:{i}"),
                row: format!("{letter}:{i}"),
                span: span_of(row),
                label,
                text: string(row, "text"),
                fields,
            });
            return;
        }
        let name = match table {
            Table::Countries => string(row, "name_en").or_else(|| string(row, "code")),
            _ => string(row, "name"),
        }
        .unwrap_or_default();
        let mentions: &[Value] = match row.get("mentions") {
            Some(Value::Array(a)) => a,
            _ => &[],
        };
        for (j, mention) in mentions.iter().enumerate() {
            let Value::Object(mention) = mention else {
                continue;
            };
            self.extractions.push(Extraction {
                table,
                id: format!("{letter}:{i}.{j}"),
                row: format!("{letter}:{i}"),
                span: span_of(mention),
                label: name.clone(),
                text: string(mention, "text"),
                fields: fields.clone(),
            });
        }
    }

    /// Extractions of `table`.
    pub fn count(&self, table: Table) -> usize {
        self.extractions.iter().filter(|x| x.table == table).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_mentions_become_extractions() {
        let line = r#"{"doc_id":"a","source":"a.txt","chars":30,
            "quantities":[{"start":0,"end":4,"text":"6,5%","value":6.5,"value_max":null,"unit":"percent","extra":[1,2]}],
            "people":[{"name":"Lê A","roles":["Bộ trưởng","x"],"mentions":[{"start":5,"end":9},{"start":20,"end":24}]}],
            "countries":[{"code":"VN","name_en":"Viet Nam","name_vi":"Việt Nam","mentions":[{"start":10,"end":18,"text":"Việt Nam"}]}],
            "legal_refs":[{"start":-1,"end":3,"text":"x"}],
            "directives":[{"start":0,"end":30,"verb":"yêu cầu","addressee":"các bộ"}],
            "regions":"bad"}"#;
        let d = DocView::parse(line).unwrap();
        let ids: Vec<&str> = d.extractions.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["q:0", "p:0.0", "p:0.1", "c:0.0", "l:0", "d:0"]);
        assert_eq!(d.rows, [1, 1, 1, 0, 1, 1]);
        assert_eq!(d.extractions[0].span, Some(Span { start: 0, end: 4 }));
        assert_eq!(d.extractions[4].span, None);
        assert_eq!(d.extractions[5].label, "yêu cầu → các bộ");
        let q = &d.extractions[0].fields;
        assert_eq!(q[1], ("value".to_string(), "6.5".to_string()));
        assert_eq!(q[2], ("value_max".to_string(), String::new()));
        assert!(q.contains(&("extra".to_string(), "1; 2".to_string())));
        let p = &d.extractions[2];
        assert_eq!(
            p.fields[1],
            ("roles".to_string(), "Bộ trưởng; x".to_string())
        );
        assert_eq!(p.fields.len(), 2);
        assert_eq!(p.row, "p:0");
        assert_eq!(d.extractions[3].text.as_deref(), Some("Việt Nam"));
        assert!(DocView::parse("[1]").is_err());
        assert!(DocView::parse("{").is_err());
    }
}
