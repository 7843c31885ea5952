//! JSON Lines dumps: one article per line, read lazily through a buffered
//! reader. A line longer than the limit is read and discarded in chunks,
//! never held whole; a bad line is skipped with its line number and the
//! lines after it are still read.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader};

use serde_json::{Map, Value};

use super::decode::{io_message, repair_utf8, repaired_message, too_large_message, Stream};
use super::InputOptions;
use crate::model::{ErrorAction, ErrorRecord, InputEvent, RawDoc};

/// Buffer size of the line reader (also the chunk size of discarded lines).
const BUFFER: usize = 64 * 1024;

/// What one call of [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line (without its `\n`) is in the buffer.
    Data,
    /// A line of this many bytes, over the limit: discarded.
    TooLong(u64),
    /// End of the stream.
    Eof,
}

/// Reads the next line into `buf` (cleared first, `\n` dropped), keeping at
/// most `max` bytes: a longer line is consumed in chunks and only its length
/// is returned.
pub(crate) fn read_line<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut started = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if !started {
                Line::Eof
            } else if total > max as u64 {
                Line::TooLong(total)
            } else {
                Line::Data
            });
        }
        started = true;
        let (len, newline) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        total += len as u64;
        if total <= max as u64 {
            buf.extend_from_slice(available.get(..len).unwrap_or_default());
        } else if !buf.is_empty() {
            buf.clear();
            buf.shrink_to(BUFFER);
        }
        r.consume(len + usize::from(newline));
        if newline {
            return Ok(if total > max as u64 {
                Line::TooLong(total)
            } else {
                Line::Data
            });
        }
    }
}

/// The events of one JSON Lines dump, line by line.
pub(crate) struct JsonlReader {
    reader: BufReader<Stream>,
    /// `source` of the dump's error records (`path`, or `-`).
    source: String,
    /// `STEM` of `STEM:LINE` ids.
    stem: String,
    opts: InputOptions,
    line_no: u64,
    buf: Vec<u8>,
    pending: VecDeque<InputEvent>,
    /// Lines that were not blank.
    non_blank: u64,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(stream: Stream, source: String, stem: String, opts: InputOptions) -> Self {
        JsonlReader {
            reader: BufReader::with_capacity(BUFFER, stream),
            source,
            stem,
            opts,
            line_no: 0,
            buf: Vec::new(),
            pending: VecDeque::new(),
            non_blank: 0,
            done: false,
        }
    }

    fn error(&self, line: Option<u64>, doc_id: Option<String>, message: String) -> InputEvent {
        InputEvent::Error(ErrorRecord {
            source: self.source.clone(),
            line,
            doc_id,
            action: ErrorAction::Skipped,
            message,
        })
    }

    /// Reads lines until one gives events (queued in `pending`) or the dump
    /// ends.
    fn advance(&mut self) {
        while self.pending.is_empty() && !self.done {
            let line = read_line(&mut self.reader, &mut self.buf, self.opts.max_doc_bytes);
            self.line_no += 1;
            let n = self.line_no;
            match line {
                Ok(Line::Eof) => {
                    self.done = true;
                    if self.non_blank == 0 {
                        let e = self.error(None, None, "empty file".into());
                        self.pending.push_back(e);
                    }
                }
                Ok(Line::TooLong(size)) => {
                    self.non_blank += 1;
                    let msg = too_large_message("line", size, self.opts.max_doc_bytes as u64);
                    let e = self.error(Some(n), None, msg);
                    self.pending.push_back(e);
                }
                Ok(Line::Data) => self.parse_line(n),
                Err(e) => {
                    self.done = true;
                    let msg = format!("read error, rest of file skipped: {}", io_message(&e));
                    let e = self.error(Some(n), None, msg);
                    self.pending.push_back(e);
                }
            }
        }
    }

    fn parse_line(&mut self, n: u64) {
        let mut bytes = std::mem::take(&mut self.buf);
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        if n == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            self.buf = bytes;
            return;
        }
        self.non_blank += 1;
        let (line, invalid) = repair_utf8(bytes);
        let value: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let ev = self.error(Some(n), None, json_error_message(&e));
                self.pending.push_back(ev);
                return;
            }
        };
        let Value::Object(record) = value else {
            let msg = format!("malformed JSON: {} is not an object", json_type(&value));
            let ev = self.error(Some(n), None, msg);
            self.pending.push_back(ev);
            return;
        };
        let doc_id = record_id(&record, &self.opts.id_field)
            .unwrap_or_else(|| format!("{}:{}", self.stem, n));
        let text = match record_text(&record, &self.opts.text_fields) {
            Ok(text) => text,
            Err(msg) => {
                let ev = self.error(Some(n), Some(doc_id), msg);
                self.pending.push_back(ev);
                return;
            }
        };
        if invalid > 0 {
            self.pending.push_back(InputEvent::Error(ErrorRecord {
                source: self.source.clone(),
                line: Some(n),
                doc_id: Some(doc_id.clone()),
                action: ErrorAction::Repaired,
                message: repaired_message(invalid),
            }));
        }
        self.pending.push_back(InputEvent::Doc(RawDoc {
            doc_id,
            source: format!("{}:{}", self.source, n),
            text,
            title: string_field(&record, &self.opts.title_field),
            url: string_field(&record, &self.opts.url_field),
            published: string_field(&record, &self.opts.published_field),
            authors: authors_field(&record, &self.opts.authors_field),
        }));
    }
}

impl Iterator for JsonlReader {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        self.advance();
        self.pending.pop_front()
    }
}

/// `malformed JSON: expected value at column 1` (the line is known).
fn json_error_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full[..],
    };
    format!("malformed JSON: {what} at column {}", e.column())
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The id field: a non-empty string or a number.
fn record_id(record: &Map<String, Value>, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The first of `fields` that is a non-empty string, or why there is none.
fn record_text(record: &Map<String, Value>, fields: &[String]) -> Result<String, String> {
    let mut reason = None;
    for field in fields {
        match record.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Ok(s.clone()),
            Some(Value::String(_)) => {
                reason.get_or_insert_with(|| format!("empty text field \"{field}\""));
            }
            Some(Value::Null) | None => {}
            Some(other) => {
                reason.get_or_insert_with(|| {
                    format!(
                        "text field \"{field}\" is {}, not a string",
                        json_type(other)
                    )
                });
            }
        }
    }
    Err(reason.unwrap_or_else(|| {
        let names: Vec<String> = fields.iter().map(|f| format!("\"{f}\"")).collect();
        format!("no text field ({})", names.join(", "))
    }))
}

/// A string field; absent, empty or not a string → `None`.
fn string_field(record: &Map<String, Value>, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// Authors: one string (one author) or an array of strings; empty ones dropped.
fn authors_field(record: &Map<String, Value>, field: &str) -> Vec<String> {
    let non_empty = |s: &String| (!s.trim().is_empty()).then(|| s.clone());
    match record.get(field) {
        Some(Value::String(s)) => non_empty(s).into_iter().collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .filter_map(|s| non_empty(&s))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn events(data: &[u8], opts: InputOptions) -> Vec<InputEvent> {
        let stream: Stream = Box::new(Cursor::new(data.to_vec()));
        JsonlReader::new(stream, "d.jsonl".into(), "d".into(), opts).collect()
    }

    fn doc(e: &InputEvent) -> &RawDoc {
        match e {
            InputEvent::Doc(d) => d,
            InputEvent::Error(r) => panic!("expected a document, got {r}"),
        }
    }

    fn err(e: &InputEvent) -> &ErrorRecord {
        match e {
            InputEvent::Error(r) => r,
            InputEvent::Doc(d) => panic!("expected an error, got {}", d.doc_id),
        }
    }

    #[test]
    fn lines_are_limited_and_discarded_in_chunks() {
        let data = b"short\nthis line is long\n\nlast";
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Data);
        assert_eq!(buf, b"short");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::TooLong(17));
        assert!(buf.len() <= 8);
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Data);
        assert_eq!(buf, b"");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Data);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Eof);
        // A long last line without a newline.
        let mut r = BufReader::with_capacity(4, &b"0123456789"[..]);
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::TooLong(10));
    }

    #[test]
    fn records_with_and_without_ids() {
        let data = "{\"id\": \"a1\", \"title\": \"T\", \"text\": \"Hà Nội\"}\n\
                    {\"id\": 42, \"content\": \"Huế\", \"url\": \"\"}\n\
                    \n\
                    {\"text\": \"Đà Nẵng\", \"authors\": [\"Diệu Hoa\", \"\", 3]}\r\n";
        let ev = events(data.as_bytes(), InputOptions::default());
        assert_eq!(ev.len(), 3);
        let a = doc(&ev[0]);
        assert_eq!((a.doc_id.as_str(), a.source.as_str()), ("a1", "d.jsonl:1"));
        assert_eq!((a.text.as_str(), a.title.as_deref()), ("Hà Nội", Some("T")));
        let b = doc(&ev[1]);
        assert_eq!(
            (b.doc_id.as_str(), b.text.as_str(), b.url.clone()),
            ("42", "Huế", None)
        );
        let c = doc(&ev[2]);
        assert_eq!((c.doc_id.as_str(), c.source.as_str()), ("d:4", "d.jsonl:4"));
        assert_eq!(c.authors, ["Diệu Hoa"]);
    }

    #[test]
    fn bad_lines_are_skipped_with_their_number() {
        let data = "\u{feff}{\"text\": \"một\"}\n{\"text\": \n[1, 2]\n{\"title\": \"x\"}\n\
                    {\"id\": \"e\", \"text\": \"  \"}\n{\"text\": 5}\n{\"text\": \"hai\"}\n";
        let ev = events(data.as_bytes(), InputOptions::default());
        assert_eq!(ev.len(), 7);
        assert_eq!(doc(&ev[0]).doc_id, "d:1");
        let e = err(&ev[1]);
        assert_eq!(e.line, Some(2));
        assert_eq!(e.action, ErrorAction::Skipped);
        assert_eq!(
            e.message,
            "malformed JSON: EOF while parsing a value at column 9"
        );
        assert_eq!(
            err(&ev[2]).message,
            "malformed JSON: an array is not an object"
        );
        assert_eq!(err(&ev[3]).message, "no text field (\"text\", \"content\")");
        assert_eq!(err(&ev[3]).doc_id.as_deref(), Some("d:4"));
        assert_eq!(err(&ev[4]).message, "empty text field \"text\"");
        assert_eq!(err(&ev[4]).doc_id.as_deref(), Some("e"));
        assert_eq!(
            err(&ev[5]).message,
            "text field \"text\" is a number, not a string"
        );
        assert_eq!(doc(&ev[6]).text, "hai");
        assert_eq!(doc(&ev[6]).source, "d.jsonl:7");
    }

    #[test]
    fn invalid_utf8_in_a_line_is_repaired() {
        let ev = events(
            b"{\"id\": \"u\", \"text\": \"a\xffb\"}\n",
            InputOptions::default(),
        );
        assert_eq!(ev.len(), 2);
        let e = err(&ev[0]);
        assert_eq!(e.action, ErrorAction::Repaired);
        assert_eq!((e.line, e.doc_id.as_deref()), (Some(1), Some("u")));
        assert_eq!(doc(&ev[1]).text, "a\u{fffd}b");
    }

    #[test]
    fn oversized_line_is_skipped() {
        let opts = InputOptions {
            max_doc_bytes: 30,
            ..InputOptions::default()
        };
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let data = format!("{{\"text\": \"a\"}}\n{long}\n{{\"text\": \"b\"}}\n");
        let ev = events(data.as_bytes(), opts);
        assert_eq!(ev.len(), 3);
        assert_eq!(
            err(&ev[1]).message,
            "line of 112 bytes exceeds the 30 bytes limit"
        );
        assert_eq!(err(&ev[1]).line, Some(2));
        assert_eq!(doc(&ev[2]).text, "b");
    }

    #[test]
    fn empty_dump_is_reported() {
        let ev = events(b"\n  \n", InputOptions::default());
        assert_eq!(ev.len(), 1);
        assert_eq!(err(&ev[0]).message, "empty file");
        assert_eq!(err(&ev[0]).line, None);
    }
}
