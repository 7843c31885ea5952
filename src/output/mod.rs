//! Writers for every output file (SPEC §2): the CSV tables, `documents.jsonl`
//! and `errors.csv`, each written to a temporary file in the output folder
//! and renamed into place only when the run completes, so that a crash never
//! leaves a half-written table under its real name.
//!
//! CSV is RFC 4180 (CRLF line ends, quotes as needed), UTF-8, one header row,
//! `.` as decimal separator, numbers without exponents, multi-valued cells
//! joined with ` | `. `excel_bom` starts every CSV with a UTF-8 BOM.

pub mod tables;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::model::{DocumentRecord, ErrorRecord};
use tables::{Table, TABLES};

/// How files are written.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Start every CSV with a UTF-8 BOM, for spreadsheets that need one.
    pub excel_bom: bool,
}

struct Pending {
    name: &'static str,
    file: NamedTempFile,
}

/// All output files of one run, open for writing in a temporary form.
pub struct OutputWriter {
    dir: PathBuf,
    csvs: Vec<(Table, csv::Writer<BufWriter<File>>)>,
    errors: csv::Writer<BufWriter<File>>,
    jsonl: BufWriter<File>,
    pending: Vec<Pending>,
}

fn temp_in(dir: &Path) -> io::Result<NamedTempFile> {
    tempfile::Builder::new().prefix(".vnextract-").suffix(".tmp").tempfile_in(dir)
}

fn csv_writer(file: &NamedTempFile, bom: bool) -> io::Result<csv::Writer<BufWriter<File>>> {
    let mut w = BufWriter::with_capacity(1 << 16, file.reopen()?);
    if bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w))
}

impl OutputWriter {
    /// Create the folder if needed and open every file, headers written.
    pub fn create(dir: &Path, opts: &OutputOptions) -> io::Result<OutputWriter> {
        fs::create_dir_all(dir)?;
        let mut pending = Vec::new();
        let mut csvs = Vec::new();
        for &table in TABLES {
            let file = temp_in(dir)?;
            let mut w = csv_writer(&file, opts.excel_bom)?;
            w.write_record(table.header())?;
            csvs.push((table, w));
            pending.push(Pending { name: table.file_name(), file });
        }
        let efile = temp_in(dir)?;
        let mut errors = csv_writer(&efile, opts.excel_bom)?;
        errors.write_record(tables::ERRORS_HEADER)?;
        pending.push(Pending { name: "errors.csv", file: efile });
        let jfile = temp_in(dir)?;
        let jsonl = BufWriter::with_capacity(1 << 16, jfile.reopen()?);
        pending.push(Pending { name: "documents.jsonl", file: jfile });
        Ok(OutputWriter { dir: dir.to_path_buf(), csvs, errors, jsonl, pending })
    }

    /// Write one document: its line of JSONL and its rows of every table.
    pub fn write_doc(&mut self, rec: &DocumentRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.jsonl, rec)?;
        self.jsonl.write_all(b"\n")?;
        for (table, w) in &mut self.csvs {
            for row in table.rows(rec) {
                w.write_record(&row)?;
            }
        }
        Ok(())
    }

    /// Write one row of `errors.csv`.
    pub fn write_error(&mut self, e: &ErrorRecord) -> io::Result<()> {
        self.errors.write_record(tables::error_row(e))?;
        Ok(())
    }

    /// Flush everything and move every file to its real name.
    pub fn finish(self) -> io::Result<()> {
        let OutputWriter { dir, csvs, errors, mut jsonl, pending } = self;
        for (_, w) in csvs {
            let mut inner = w.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
            inner.flush()?;
        }
        let mut inner = errors.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
        inner.flush()?;
        jsonl.flush()?;
        drop(jsonl);
        for p in pending {
            p.file.as_file().sync_all()?;
            p.file.persist(dir.join(p.name)).map_err(|e| e.error)?;
        }
        Ok(())
    }
}
