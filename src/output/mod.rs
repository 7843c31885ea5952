//! Writers for every output file (docs/contract.md §2): the CSV tables, `documents.jsonl`
//! and `errors.csv`, each written to a temporary file in the output folder
//! and renamed into place only when the run completes, so that a crash never
//! leaves a half-written table under its real name.
//!
//! A document is encoded ([`encode_doc`]) on the worker thread that
//! extracted it; the writer only copies bytes, in input order, into the
//! folder ([`OutputWriter`]) or, for the map stage (`--out -`), onto a
//! stream as JSON Lines. [`Sink`] is either.
//!
//! CSV is RFC 4180 (CRLF line ends, quotes as needed), UTF-8, one header row,
//! `.` as decimal separator, numbers without exponents, multi-valued cells
//! joined with ` | `. `excel_bom` starts every CSV with a UTF-8 BOM.

mod json;
pub mod manifest;
pub mod tables;
pub mod xlsx;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::model::{DocumentRecord, ErrorRecord};
use tables::TABLES;

/// How files are written.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Start every CSV with a UTF-8 BOM, for spreadsheets that need one.
    pub excel_bom: bool,
    /// Also write every table as a sheet of `dataset.xlsx` ([`xlsx`]).
    pub xlsx: bool,
}

struct Pending {
    name: &'static str,
    file: NamedTempFile,
}

/// All output files of one run, open for writing in a temporary form.
pub struct OutputWriter {
    dir: PathBuf,
    /// Every table, in [`TABLES`] order: rows arrive CSV-encoded.
    csvs: Vec<BufWriter<File>>,
    errors: csv::Writer<BufWriter<File>>,
    jsonl: BufWriter<File>,
    /// `dataset.xlsx` with `--xlsx`: the workbook and its temporary file.
    xlsx: Option<Box<(xlsx::XlsxBook, NamedTempFile)>>,
    pending: Vec<Pending>,
}

/// Temporary files are named `.vnextract-XXXXXX.tmp` in the output folder.
const TEMP_PREFIX: &str = ".vnextract-";
const TEMP_SUFFIX: &str = ".tmp";

/// This run's temporary files: what [`abandon`] removes when it is stopped.
static OPEN_TEMPS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file in `dir`, readable as the user's umask allows once it
/// is renamed (0666 masked, as any new file; not tempfile's 0600).
fn temp_in(dir: &Path) -> io::Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    let file = b.tempfile_in(dir)?;
    if let Ok(mut open) = OPEN_TEMPS.lock() {
        open.push(file.path().to_path_buf());
    }
    Ok(file)
}

/// Rename temporary file `file` (made by [`temp_in`]) to `to`; it is no
/// longer this run's to remove.
fn persist(file: NamedTempFile, to: &Path) -> io::Result<()> {
    let tmp = file.path().to_path_buf();
    file.persist(to).map_err(|e| e.error)?;
    if let Ok(mut open) = OPEN_TEMPS.lock() {
        open.retain(|p| *p != tmp);
    }
    Ok(())
}

/// Remove the temporary files of this run (a run stopped by SIGINT or
/// SIGTERM): the output folder keeps the dataset it held before. Returns
/// how many were removed.
pub fn abandon() -> usize {
    let Ok(mut open) = OPEN_TEMPS.lock() else {
        return 0;
    };
    open.drain(..)
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

/// Remove temporary files that a killed run left in `dir` (SIGKILL, power
/// loss): one run writes into a folder at a time.
fn remove_stale(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn csv_writer(file: &NamedTempFile, bom: bool) -> io::Result<csv::Writer<BufWriter<File>>> {
    let mut w = BufWriter::with_capacity(1 << 16, file.reopen()?);
    if bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w))
}

impl OutputWriter {
    /// Create the folder if needed and open every file, headers written.
    pub fn create(dir: &Path, opts: &OutputOptions) -> io::Result<OutputWriter> {
        fs::create_dir_all(dir)?;
        remove_stale(dir)?;
        let mut pending = Vec::new();
        let mut csvs = Vec::new();
        for &table in TABLES {
            let file = temp_in(dir)?;
            let mut w = csv_writer(&file, opts.excel_bom)?;
            w.write_record(table.header())?;
            let w = w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?;
            csvs.push(w);
            pending.push(Pending {
                name: table.file_name(),
                file,
            });
        }
        let efile = temp_in(dir)?;
        let mut errors = csv_writer(&efile, opts.excel_bom)?;
        errors.write_record(tables::ERRORS_HEADER)?;
        pending.push(Pending {
            name: "errors.csv",
            file: efile,
        });
        let jfile = temp_in(dir)?;
        let jsonl = BufWriter::with_capacity(1 << 16, jfile.reopen()?);
        pending.push(Pending {
            name: "documents.jsonl",
            file: jfile,
        });
        let xlsx = if opts.xlsx {
            Some(Box::new((xlsx::XlsxBook::new(dir)?, temp_in(dir)?)))
        } else {
            None
        };
        Ok(OutputWriter {
            dir: dir.to_path_buf(),
            csvs,
            errors,
            jsonl,
            xlsx,
            pending,
        })
    }

    /// Write one document encoded by [`encode_doc`]: its line of JSONL and
    /// its rows of every table.
    pub fn write_encoded(&mut self, doc: &EncodedDoc) -> io::Result<()> {
        self.jsonl.write_all(&doc.jsonl)?;
        for (w, bytes) in self.csvs.iter_mut().zip(&doc.tables) {
            w.write_all(bytes)?;
        }
        if let Some(x) = &mut self.xlsx {
            let book = &mut x.0;
            for (t, rows) in doc.cells.iter().enumerate() {
                book.write_rows(t, rows)?;
            }
        }
        Ok(())
    }

    /// Write one row of `errors.csv`.
    pub fn write_error(&mut self, e: &ErrorRecord) -> io::Result<()> {
        if let Some(x) = &mut self.xlsx {
            let mut cells = tables::TypedRows::default();
            tables::write_error_row(e, &mut cells)?;
            x.0.write_rows(TABLES.len(), &cells.rows)?;
        }
        tables::write_error_row(e, &mut self.errors)
    }

    /// Flush everything and move every file to its real name, once every
    /// file is complete. The previous dataset's `manifest.json` is removed
    /// first (the caller writes the new one last), and its `dataset.xlsx`
    /// when this run writes none: a folder with a manifest holds only the
    /// tables of the run it names, even if the renames are cut short.
    pub fn finish(self) -> io::Result<()> {
        let OutputWriter {
            dir,
            csvs,
            errors,
            mut jsonl,
            xlsx,
            mut pending,
        } = self;
        if let Some(x) = xlsx {
            let (book, file) = *x;
            let mut w = BufWriter::with_capacity(1 << 16, file.reopen()?);
            book.save(&mut w)?;
            w.flush()?;
            pending.push(Pending {
                name: "dataset.xlsx",
                file,
            });
        }
        for mut w in csvs {
            w.flush()?;
        }
        let mut inner = errors
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        inner.flush()?;
        jsonl.flush()?;
        drop(jsonl);
        let mut stale = vec!["manifest.json"];
        if !pending.iter().any(|p| p.name == "dataset.xlsx") {
            stale.push("dataset.xlsx");
        }
        for name in stale {
            match fs::remove_file(dir.join(name)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        for p in pending {
            p.file.as_file().sync_all()?;
            persist(p.file, &dir.join(p.name))?;
        }
        Ok(())
    }
}

/// One document as the bytes of every file: its `documents.jsonl` line and
/// its rows of each table of [`TABLES`], in that order, CSV-encoded exactly
/// as a writer over the whole table would encode them; with `--xlsx`, the
/// same rows as typed cells for the workbook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EncodedDoc {
    pub jsonl: Vec<u8>,
    pub tables: Vec<Vec<u8>>,
    /// Rows of each table as cells ([`TABLES`] order); empty without `--xlsx`.
    pub cells: Vec<Vec<Vec<tables::Cell>>>,
}

/// Encodes one document for [`Sink::write_doc`]; runs on the worker threads.
/// Cells go from the record straight into each table's bytes.
#[inline(never)] // one call per document: stays a frame of its own in profiles
pub fn encode_doc(rec: &DocumentRecord, opts: &OutputOptions) -> io::Result<EncodedDoc> {
    let mut jsonl = Vec::with_capacity(4096);
    json::write_record(rec, &mut jsonl);
    jsonl.push(b'\n');
    let mut csv = CsvBytes::default();
    let mut tables = Vec::with_capacity(TABLES.len());
    for &table in TABLES {
        table.write_rows(rec, &mut csv)?;
        tables.push(std::mem::take(&mut csv.buf));
    }
    let cells = if opts.xlsx {
        TABLES.iter().map(|t| t.typed_rows(rec)).collect()
    } else {
        Vec::new()
    };
    Ok(EncodedDoc {
        jsonl,
        tables,
        cells,
    })
}

/// CSV rows as bytes, encoded as the `csv` crate's writers of the table
/// files encode them (RFC 4180, CRLF, a cell quoted when it holds a comma,
/// a quote or a line break, its quotes doubled); a test holds the two equal.
#[derive(Default)]
struct CsvBytes {
    buf: Vec<u8>,
    /// A cell was written in the current row.
    open: bool,
}

impl tables::RowSink for CsvBytes {
    fn cell(&mut self, c: &[u8]) -> io::Result<()> {
        if self.open {
            self.buf.push(b',');
        }
        if c.iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            self.buf.push(b'"');
            for part in c.split_inclusive(|&b| b == b'"') {
                self.buf.extend_from_slice(part);
                if part.last() == Some(&b'"') {
                    self.buf.push(b'"');
                }
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(c);
        }
        self.open = true;
        Ok(())
    }

    fn end_row(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b"\r\n");
        self.open = false;
        Ok(())
    }
}

/// Where a run writes: a folder of every table, or, for the map stage,
/// `documents.jsonl` lines onto a stream, flushed at the end of every batch
/// (error records are not written there: the caller reports them on stderr).
pub enum Sink {
    Dir(Box<OutputWriter>),
    Stream(BufWriter<Box<dyn Write + Send>>),
}

impl Sink {
    /// The map stage's sink: JSON Lines on stdout.
    pub fn stdout() -> Sink {
        Sink::Stream(BufWriter::with_capacity(1 << 16, Box::new(io::stdout())))
    }

    /// Write one encoded document.
    pub fn write_doc(&mut self, doc: &EncodedDoc) -> io::Result<()> {
        match self {
            Sink::Dir(w) => w.write_encoded(doc),
            Sink::Stream(s) => s.write_all(&doc.jsonl),
        }
    }

    /// Write one error record (`errors.csv`; nothing on a stream).
    pub fn write_error(&mut self, e: &ErrorRecord) -> io::Result<()> {
        match self {
            Sink::Dir(w) => w.write_error(e),
            Sink::Stream(_) => Ok(()),
        }
    }

    /// A batch is done: a stream is flushed so that its reader sees it.
    pub fn end_batch(&mut self) -> io::Result<()> {
        match self {
            Sink::Dir(_) => Ok(()),
            Sink::Stream(s) => s.flush(),
        }
    }

    /// Everything written: files are moved to their real names.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Dir(w) => w.finish(),
            Sink::Stream(mut s) => s.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tables::RowSink;
    use super::*;

    /// A run into a folder of an earlier dataset leaves no file of it that
    /// this run does not write: its manifest goes before the renames (the
    /// new one is written after them), its workbook when no `--xlsx`.
    #[test]
    fn finish_removes_the_previous_manifest_and_workbook() {
        let dir = tempfile::tempdir().expect("tmp");
        for name in [
            "manifest.json",
            "dataset.xlsx",
            "quantities.csv",
            "notes.txt",
        ] {
            fs::write(dir.path().join(name), b"old").expect("write");
        }
        let w = OutputWriter::create(dir.path(), &OutputOptions::default()).expect("create");
        w.finish().expect("finish");
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "countries.csv",
                "directives.csv",
                "documents.csv",
                "documents.jsonl",
                "errors.csv",
                "legal_refs.csv",
                "notes.txt",
                "people.csv",
                "quantities.csv",
                "regions.csv"
            ]
        );
        let q = fs::read_to_string(dir.path().join("quantities.csv")).expect("read");
        assert!(q.starts_with("doc_id,"), "{q}");
    }

    /// `CsvBytes` writes every row as the `csv` crate writes it.
    #[test]
    fn cells_as_the_csv_crate_writes_them() {
        let pieces = [
            "",
            "a",
            ",",
            "\"",
            "\r",
            "\n",
            " ",
            "Hà Nội",
            "x\"y",
            "\"\"",
            "1,5",
            "a\r\nb",
            "#",
            "'",
        ];
        let mut rows: Vec<Vec<String>> = Vec::new();
        for a in pieces {
            for b in pieces {
                rows.push(vec![format!("{a}{b}"), b.to_string(), String::new()]);
                rows.push(vec![a.to_string(), format!("{b}{a}{b}")]);
            }
        }
        let mut ours = CsvBytes::default();
        let mut theirs = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .has_headers(false)
            .flexible(true)
            .from_writer(Vec::new());
        for row in &rows {
            for c in row {
                ours.cell(c.as_bytes()).unwrap();
            }
            ours.end_row().unwrap();
            theirs.write_record(row).unwrap();
        }
        assert_eq!(
            String::from_utf8(ours.buf).unwrap(),
            String::from_utf8(theirs.into_inner().unwrap()).unwrap()
        );
    }
}
