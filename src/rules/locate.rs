//! Where things are in a rules file: the key a byte offset belongs to, the
//! offset of a value given its key path, and the first empty string.
//!
//! A rules file is parsed with `toml_edit`, which keeps the span of every
//! key and value ([`Index::new`]). Errors use it to name the key they are
//! about (`unit.forms`, `[[unit]]` elements written without their number:
//! the line tells which), and checks that hold for every file (no empty
//! string) walk it once. A file that does not parse has no index; its key
//! is read from the lines above the error instead ([`key_near`]).

use std::ops::Range;

use toml_edit::{ImDocument, Item, Value};

/// One key or array element of a document.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The key path as shown in messages: `unit.forms` (no indexes).
    pub name: String,
    /// The key path with 0-based indexes of arrays and arrays of tables:
    /// `unit[2].forms[0]`, for looking a value up.
    pub path: String,
    /// The span of the key itself (none for an array element).
    pub key_span: Option<Range<usize>>,
    /// The span of the value (for a table, its header).
    pub span: Option<Range<usize>>,
    /// The text of a string value.
    pub text: Option<String>,
}

/// Every key and value of a document, in document order.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
}

impl Index {
    /// Index a parsed document.
    pub fn new(doc: &ImDocument<&str>) -> Index {
        let mut out = Index::default();
        walk_item(doc.as_item(), "", "", None, &mut out.entries);
        out
    }

    /// Parse `content` and index it; `None` when it is not valid TOML.
    pub fn parse(content: &str) -> Option<Index> {
        ImDocument::parse(content).ok().map(|d| Index::new(&d))
    }

    /// The key path (`unit.forms`) of the deepest key or value whose span
    /// holds `offset`.
    pub fn key_at(&self, offset: usize) -> Option<String> {
        let holds = |r: &Option<Range<usize>>| {
            r.as_ref()
                .is_some_and(|r| r.start <= offset && (offset < r.end || r.start == offset))
        };
        self.entries
            .iter()
            .filter(|e| holds(&e.key_span) || holds(&e.span))
            .max_by_key(|e| e.path.matches(['.', '[']).count())
            .map(|e| e.name.clone())
    }

    /// The start of the value at `path` (`unit[2].forms[0]`).
    pub fn offset_of(&self, path: &str) -> Option<usize> {
        self.entries
            .iter()
            .find(|e| e.path == path)
            .and_then(|e| e.span.as_ref().map(|s| s.start))
    }

    /// The first string value that is empty or only spaces, but under the
    /// keys of `allowed` (names as in messages).
    pub fn first_empty_string(&self, allowed: &[&str]) -> Option<&Entry> {
        self.entries.iter().find(|e| {
            e.text.as_deref().is_some_and(|t| t.trim().is_empty())
                && !allowed.contains(&e.name.as_str())
        })
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn walk_item(
    item: &Item,
    name: &str,
    path: &str,
    key_span: Option<Range<usize>>,
    out: &mut Vec<Entry>,
) {
    match item {
        Item::None => {}
        Item::Value(v) => walk_value(v, name, path, key_span, out),
        Item::Table(t) => {
            if !path.is_empty() {
                out.push(Entry {
                    name: name.to_string(),
                    path: path.to_string(),
                    key_span,
                    span: t.span(),
                    text: None,
                });
            }
            for (k, child) in t.iter() {
                let ks = t.key(k).and_then(|k| k.span());
                walk_item(child, &join(name, k), &join(path, k), ks, out);
            }
        }
        Item::ArrayOfTables(a) => {
            for (i, t) in a.iter().enumerate() {
                let p = format!("{path}[{i}]");
                out.push(Entry {
                    name: name.to_string(),
                    path: p.clone(),
                    key_span: key_span.clone().filter(|_| i == 0),
                    span: t.span(),
                    text: None,
                });
                for (k, child) in t.iter() {
                    let ks = t.key(k).and_then(|k| k.span());
                    walk_item(child, &join(name, k), &join(&p, k), ks, out);
                }
            }
        }
    }
}

fn walk_value(
    v: &Value,
    name: &str,
    path: &str,
    key_span: Option<Range<usize>>,
    out: &mut Vec<Entry>,
) {
    out.push(Entry {
        name: name.to_string(),
        path: path.to_string(),
        key_span,
        span: v.span(),
        text: v.as_str().map(str::to_string),
    });
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk_value(x, name, &format!("{path}[{i}]"), None, out);
            }
        }
        Value::InlineTable(t) => {
            for (k, x) in t.iter() {
                let ks = t.key(k).and_then(|k| k.span());
                walk_value(x, &join(name, k), &join(path, k), ks, out);
            }
        }
        _ => {}
    }
}

/// The key of the line holding `offset` in a file that does not parse: the
/// key assigned on that line or the nearest line above, under the table
/// header above it (`[stamp]`, `[[unit]]`). Read from the text alone.
pub fn key_near(content: &str, offset: usize) -> Option<String> {
    let end = offset.min(content.len());
    let line_end = content[end..].find('\n').map_or(content.len(), |i| end + i);
    let mut table = String::new();
    let mut key: Option<String> = None;
    for line in content[..line_end].lines() {
        let t = line.trim_start();
        if let Some(h) = t.strip_prefix('[') {
            let h = h.trim_start_matches('[');
            if let Some(close) = h.find(']') {
                let name = h[..close].trim();
                if !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
                {
                    table = name.replace(' ', "");
                    key = None;
                    continue;
                }
            }
        }
        if let Some(eq) = t.find('=') {
            let k = t[..eq].trim();
            if !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            {
                key = Some(k.to_string());
            }
        }
    }
    match (table.is_empty(), key) {
        (_, Some(k)) => Some(join(&table, &k)),
        (false, None) => Some(table),
        (true, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "top = 1\n[[unit]]\ncode = \"VND\"\nforms = [\"đồng\", \"\"]\n\n[[unit]]\ncode = \"USD\"\n[ctx]\nmap = { a = \"x\" }\n";

    #[test]
    fn keys_and_offsets() {
        let ix = Index::parse(DOC).unwrap();
        let at = |s: &str| DOC.find(s).unwrap();
        assert_eq!(ix.key_at(at("\"VND\"")).as_deref(), Some("unit.code"));
        assert_eq!(ix.key_at(at("forms")).as_deref(), Some("unit.forms"));
        assert_eq!(ix.key_at(at("\"đồng\"")).as_deref(), Some("unit.forms"));
        assert_eq!(ix.key_at(at("\"x\"")).as_deref(), Some("ctx.map.a"));
        assert_eq!(ix.offset_of("unit[1].code"), Some(at("\"USD\"")));
        assert_eq!(ix.offset_of("unit[0].forms[1]"), Some(at("\"\"")));
        let e = ix.first_empty_string(&[]).unwrap();
        assert_eq!(
            (e.name.as_str(), e.path.as_str()),
            ("unit.forms", "unit[0].forms[1]")
        );
        assert!(ix.first_empty_string(&["unit.forms"]).is_none());
    }

    #[test]
    fn key_near_reads_the_lines_above() {
        let s = "[stamp]\nsplit = 'x'\ndates = [\n  'a',\n  'b\n]\n";
        assert_eq!(
            key_near(s, s.find("'b").unwrap()).as_deref(),
            Some("stamp.dates")
        );
        assert_eq!(key_near("a = \n", 3).as_deref(), Some("a"));
        assert_eq!(key_near("[[unit]]\n", 0).as_deref(), Some("unit"));
    }
}
