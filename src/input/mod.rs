//! Reading articles: files (`.txt`, `.md`), folders (recursive, sorted), JSON
//! Lines dumps, gzip/zstd-compressed versions of these, and `-` for stdin.
//!
//! [`read_inputs`] checks up front that every input exists, lists the files
//! (`files`), then yields [`InputEvent`]s lazily, in input order: each file is
//! opened only when its turn comes, decompressed by its magic bytes
//! (`decode`), and read either as one text document (`textfile`) or line by
//! line as JSON Lines (`jsonl`). Bad input becomes an [`ErrorRecord`] event,
//! never a panic or an abort.

mod decode;
mod files;
mod jsonl;
mod textfile;

use std::collections::VecDeque;
use std::fs::File;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::{ErrorAction, ErrorRecord, InputEvent};
use decode::{first_significant_byte, io_message, is_binary, Stream, SNIFF_LEN};
use files::{Entry, FileEntry, Format};
use jsonl::JsonlReader;

/// Field names of JSON Lines records (recorded in `manifest.json`, so that
/// `vnextract review` reads the articles again the same way).
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputOptions {
    pub id_field: String,
    pub title_field: String,
    /// Tried in order; the first present non-empty string is the text.
    pub text_fields: Vec<String>,
    pub url_field: String,
    pub published_field: String,
    pub authors_field: String,
    /// Larger documents (or JSONL lines) are skipped with an error record.
    pub max_doc_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            id_field: "id".into(),
            title_field: "title".into(),
            text_fields: vec!["text".into(), "content".into()],
            url_field: "url".into(),
            published_field: "published".into(),
            authors_field: "authors".into(),
            max_doc_bytes: 64 * 1024 * 1024,
        }
    }
}

/// A usage error: an input that does not exist at all.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for InputError {}

/// Every document and error of the inputs, lazily, in input order.
///
/// The only error is a usage error: an input path that does not exist
/// (`cannot read INPUT: no such file or directory`), checked before anything
/// is yielded. Everything else that goes wrong is an `InputEvent::Error`.
pub fn read_inputs(
    inputs: &[String],
    opts: &InputOptions,
) -> Result<Box<dyn Iterator<Item = InputEvent> + Send>, InputError> {
    Ok(open_inputs(inputs, opts)?.0)
}

/// How far the reading of the inputs has got, in bytes of the files as
/// they are on disk (compressed bytes for a compressed file).
#[derive(Debug, Clone)]
pub struct ReadProgress {
    read: Arc<AtomicU64>,
    total: Option<u64>,
}

impl ReadProgress {
    /// Bytes read so far.
    pub fn read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// The size of every input file added up; `None` when stdin is read.
    pub fn total(&self) -> Option<u64> {
        self.total
    }
}

/// [`read_inputs`], and a handle that tells how many bytes of the inputs
/// have been read (for a progress bar).
pub fn open_inputs(
    inputs: &[String],
    opts: &InputOptions,
) -> Result<(Box<dyn Iterator<Item = InputEvent> + Send>, ReadProgress), InputError> {
    let plan = files::plan(inputs)?;
    let total = plan.iter().try_fold(0u64, |sum, e| match e {
        Entry::File(f) => Some(sum + std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0)),
        Entry::Stdin => None,
        Entry::Error(_) => Some(sum),
    });
    let progress = ReadProgress {
        read: Arc::new(AtomicU64::new(0)),
        total,
    };
    let events = Inputs {
        plan: plan.into_iter(),
        jsonl: None,
        pending: VecDeque::new(),
        opts: opts.clone(),
        read: progress.read.clone(),
    };
    Ok((Box::new(events), progress))
}

/// A reader that adds the bytes it reads to a shared counter.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The lazy walk over the plan.
struct Inputs {
    plan: std::vec::IntoIter<Entry>,
    /// The JSON Lines dump being read, if any.
    jsonl: Option<JsonlReader>,
    /// Events of the current text document.
    pending: VecDeque<InputEvent>,
    opts: InputOptions,
    /// Bytes read from the inputs, for [`ReadProgress`].
    read: Arc<AtomicU64>,
}

impl Iterator for Inputs {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            if let Some(reader) = &mut self.jsonl {
                match reader.next() {
                    Some(event) => return Some(event),
                    None => self.jsonl = None,
                }
            }
            match self.plan.next()? {
                Entry::Error(record) => return Some(InputEvent::Error(record)),
                Entry::File(file) => self.start_file(file),
                Entry::Stdin => {
                    let stdin: Stream = Box::new(Counting {
                        inner: std::io::stdin(),
                        read: self.read.clone(),
                    });
                    self.start("-".into(), "stdin".into(), Format::Sniff, stdin);
                }
            }
        }
    }
}

impl Inputs {
    fn skip(&mut self, source: String, doc_id: Option<String>, message: String) {
        self.pending.push_back(InputEvent::Error(ErrorRecord {
            source,
            line: None,
            doc_id,
            action: ErrorAction::Skipped,
            message,
        }));
    }

    fn start_file(&mut self, file: FileEntry) {
        // A dump is no document: its records have their own ids.
        let id = (file.format != Format::Jsonl).then(|| file.doc_id.clone());
        match File::open(&file.path) {
            Ok(f) if f.metadata().is_ok_and(|m| m.is_dir()) => {
                self.skip(file.source, id, "is a directory".into())
            }
            Ok(f) => {
                let counted = Counting {
                    inner: f,
                    read: self.read.clone(),
                };
                self.start(file.source, file.doc_id, file.format, Box::new(counted))
            }
            Err(e) => self.skip(file.source, id, format!("cannot open: {}", io_message(&e))),
        }
    }

    /// Decompresses `raw`, looks at its first bytes, and queues the events
    /// of a text document or sets up the JSON Lines reader.
    fn start(&mut self, source: String, doc_id: String, format: Format, raw: Stream) {
        let peeked = decode::decompress(raw).and_then(|s| decode::peek(s, SNIFF_LEN));
        let (prefix, stream) = match peeked {
            Ok(p) => p,
            Err(e) => {
                let id = (format != Format::Jsonl).then_some(doc_id);
                return self.skip(source, id, format!("cannot read: {}", io_message(&e)));
            }
        };
        let looks_jsonl = first_significant_byte(&prefix) == Some(b'{');
        let format = match format {
            Format::Sniff if looks_jsonl => Format::Jsonl,
            Format::Sniff => Format::Text,
            f => f,
        };
        // A dump that starts like JSON is not binary for one stray NUL.
        if is_binary(&prefix) && !(format == Format::Jsonl && looks_jsonl) {
            let id = (format != Format::Jsonl).then_some(doc_id);
            return self.skip(source, id, "binary file".into());
        }
        match format {
            Format::Jsonl => {
                let reader = JsonlReader::new(stream, source, doc_id, self.opts.clone());
                self.jsonl = Some(reader);
            }
            _ => {
                let events = textfile::read_text(stream, doc_id, source, self.opts.max_doc_bytes);
                self.pending.extend(events);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RawDoc;
    use std::io::{Cursor, Write};

    /// The events of `data` read as stdin would be (format sniffed).
    fn sniffed(data: Vec<u8>) -> Vec<InputEvent> {
        let mut inputs = Inputs {
            plan: Vec::new().into_iter(),
            jsonl: None,
            pending: VecDeque::new(),
            opts: InputOptions::default(),
            read: Arc::new(AtomicU64::new(0)),
        };
        inputs.start(
            "-".into(),
            "stdin".into(),
            Format::Sniff,
            Box::new(Cursor::new(data)),
        );
        inputs.collect()
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn stdin_text_is_one_document() {
        let ev = sniffed("Tin, ảnh: Cẩm Trúc\n{not a dump}\n".as_bytes().to_vec());
        assert_eq!(
            ev,
            [InputEvent::Doc(RawDoc {
                doc_id: "stdin".into(),
                source: "-".into(),
                text: "Tin, ảnh: Cẩm Trúc\n{not a dump}\n".into(),
                ..RawDoc::default()
            })]
        );
    }

    #[test]
    fn stdin_jsonl_is_sniffed_after_decompression() {
        let ev = sniffed(gzip(
            b"\n  {\"text\": \"a\"}\n{\"id\": \"k\", \"text\": \"b\"}\n",
        ));
        let ids: Vec<(&str, &str)> = ev
            .iter()
            .filter_map(|e| match e {
                InputEvent::Doc(d) => Some((d.doc_id.as_str(), d.source.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [("stdin:2", "-:2"), ("k", "-:3")]);
    }

    #[test]
    fn stdin_binary_is_skipped() {
        let ev = sniffed(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec());
        assert_eq!(
            ev,
            [InputEvent::Error(ErrorRecord {
                source: "-".into(),
                line: None,
                doc_id: Some("stdin".into()),
                action: ErrorAction::Skipped,
                message: "binary file".into(),
            })]
        );
    }

    #[test]
    fn jsonl_with_a_stray_nul_is_still_read() {
        let ev = sniffed(b"{\"text\": \"a\"}\n\0\n{\"text\": \"b\"}\n".to_vec());
        assert_eq!(ev.len(), 3);
        assert!(matches!(&ev[1], InputEvent::Error(r) if r.line == Some(2)));
        assert!(matches!(&ev[2], InputEvent::Doc(d) if d.text == "b"));
    }
}
