//! What a spreadsheet makes of the output: `dataset.xlsx` read back with
//! calamine (every cell's type and value against the CSV files), the
//! workbook opened by LibreOffice (`scripts/xlsx-vs-csv.py`), and
//! `quantities.csv` loaded by LibreOffice with and without `--excel`.
//!
//! The LibreOffice tests need `soffice` (Debian `libreoffice-calc-nogui`,
//! installed by `.ci/run`); without it they fail under CI and are skipped,
//! with a message, elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `vnextract run data --out DIR [flags]` into a fresh folder.
fn run_data(flags: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let status = Command::new(BIN)
        .current_dir(ROOT)
        .args(["run", "data", "--quiet", "--out"])
        .arg(&out)
        .args(flags)
        .status()
        .expect("run vnextract");
    assert!(status.success(), "vnextract run failed: {status}");
    (tmp, out)
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    r.records()
        .map(|rec| {
            rec.expect("csv record")
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_string())
                .collect()
        })
        .collect()
}

/// Days since 1899-12-30 (the format's day 0) as `YYYY-MM-DD`.
fn serial_to_iso(serial: f64) -> String {
    // days from 1970-01-01, then the civil calendar (H. Hinnant's algorithm)
    let z = serial as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Numeric columns and date columns of each table.
const NUMBERS: &[&str] = &[
    "start",
    "end",
    "value",
    "value_max",
    "sentence",
    "chars",
    "language_confidence",
    "number",
    "mentions",
    "first_start",
    "line",
];
const DATES: &[&str] = &["published", "issued"];

#[test]
fn workbook_cells_have_the_types_and_values_of_the_csv() {
    let (_tmp, out) = run_data(&["--xlsx"]);
    let mut book = open_workbook_auto(out.join("dataset.xlsx")).expect("open dataset.xlsx");
    let sheets = [
        "documents",
        "quantities",
        "people",
        "countries",
        "regions",
        "legal_refs",
        "directives",
        "errors",
    ];
    assert_eq!(book.sheet_names(), sheets);
    let (mut numbers, mut dates) = (0, 0);
    for name in sheets {
        let want = read_csv(&out.join(format!("{name}.csv")));
        let range = book.worksheet_range(name).expect("sheet");
        let got: Vec<&[Data]> = range.rows().collect();
        assert_eq!(got.len(), want.len(), "{name}: rows");
        let header = &want[0];
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            for (j, cell) in w.iter().enumerate() {
                let col = header[j].as_str();
                let at = format!("{name} row {i} column {col}");
                let data = g.get(j).unwrap_or(&Data::Empty);
                match data {
                    _ if i == 0 => assert_eq!(data, &Data::String(cell.clone()), "{at}"),
                    Data::Empty => assert_eq!(cell, "", "{at}"),
                    Data::Float(v) => {
                        assert!(NUMBERS.contains(&col), "{at}: number cell {v}");
                        let csv_value: f64 = cell.parse().expect("CSV number");
                        assert_eq!(*v, csv_value, "{at}");
                        numbers += 1;
                    }
                    Data::DateTime(d) => {
                        assert!(DATES.contains(&col), "{at}: date cell");
                        assert_eq!(serial_to_iso(d.as_f64()), *cell, "{at}");
                        dates += 1;
                    }
                    Data::String(s) => {
                        assert!(!NUMBERS.contains(&col), "{at}: {s:?} is text");
                        assert!(!DATES.contains(&col), "{at}: {s:?} is text");
                        assert_eq!(s, cell, "{at}");
                    }
                    other => panic!("{at}: unexpected cell {other:?}"),
                }
            }
        }
    }
    assert!(numbers > 300, "{numbers} number cells");
    assert!(dates >= 4, "{dates} date cells");

    // the figure of the issue: 4.814 tỷ đồng is the number 4814000000000
    let q = book.worksheet_range("quantities").expect("quantities");
    let row = q
        .rows()
        .find(|r| r.get(3) == Some(&Data::String("trên 4.814 tỷ đồng".into())))
        .expect("the row of 4.814 tỷ đồng");
    assert_eq!(row[4], Data::Float(4_814_000_000_000.0));
    assert_eq!(row[6], Data::String("VND".into()));
    assert_eq!(row[1], Data::Float(4305.0));
}

#[test]
fn serial_dates() {
    assert_eq!(serial_to_iso(45646.0), "2024-12-20");
    assert_eq!(serial_to_iso(1.0), "1899-12-31");
    assert_eq!(serial_to_iso(60.0), "1900-02-28");
}

/// `soffice`, or `None` (skip) outside CI when LibreOffice is not installed.
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice");
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "LibreOffice (soffice) is needed under CI: .ci/run installs libreoffice-calc-nogui"
    );
    eprintln!("skipped: LibreOffice (soffice) is not installed");
    None
}

#[test]
fn libreoffice_opens_the_workbook_as_the_csv_files() {
    if soffice().is_none() {
        return;
    }
    let (_tmp, out) = run_data(&["--xlsx"]);
    let res = Command::new("python3")
        .arg(Path::new(ROOT).join("scripts/xlsx-vs-csv.py"))
        .arg(&out)
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&res.stdout);
    assert!(
        res.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert!(stdout.contains("8 sheets"), "{stdout}");
}

/// `quantities.csv` opened by LibreOffice with its default CSV import
/// (comma, UTF-8) and saved as a workbook: the cells it made.
fn csv_through_libreoffice(exe: &str, csv_file: &Path, dir: &Path) -> Vec<Vec<Data>> {
    let profile = dir.join("profile");
    let status = Command::new(exe)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
        ])
        .arg("--outdir")
        .arg(dir)
        .arg(csv_file)
        .output()
        .expect("soffice");
    assert!(status.status.success(), "soffice: {status:?}");
    let mut book = open_workbook_auto(dir.join("quantities.xlsx")).expect("converted workbook");
    let first = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&first).expect("sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn libreoffice_reads_csv_numbers_as_numbers_with_and_without_bom() {
    let Some(exe) = soffice() else { return };
    for flags in [&[][..], &["--excel"][..]] {
        let (tmp, out) = run_data(flags);
        let want = read_csv(&out.join("quantities.csv"));
        let got = csv_through_libreoffice(exe, &out.join("quantities.csv"), tmp.path());
        assert_eq!(got.len(), want.len(), "{flags:?}: rows");
        let mut vietnamese = 0;
        assert_eq!(
            got[0][0],
            Data::String("doc_id".into()),
            "{flags:?}: the BOM is not part of the first header"
        );
        for (i, (g, w)) in got.iter().zip(&want).enumerate().skip(1) {
            let at = format!("{flags:?} row {i}");
            // ids keep their leading zeros: text, as written
            assert_eq!(g[0], Data::String(w[0].clone()), "{at}: doc_id");
            // Vietnamese text survives; a bare figure (`17`, `8%`) in `text` is
            // read as a number, as spreadsheets read any number-like cell
            // (the workbook keeps it text)
            match &g[3] {
                Data::String(s) => assert_eq!(s, &w[3], "{at}: text"),
                Data::Float(x) => {
                    let (digits, scale) = match w[3].strip_suffix('%') {
                        Some(d) => (d, 100.0),
                        None => (w[3].as_str(), 1.0),
                    };
                    assert!(
                        digits.bytes().all(|b| b.is_ascii_digit()),
                        "{at}: {:?}",
                        w[3]
                    );
                    let n: f64 = digits.parse().expect("digits");
                    assert_eq!(*x, n / scale, "{at}: text");
                }
                other => panic!("{at}: text read as {other:?}"),
            }
            if !w[3].is_ascii() {
                vietnamese += 1;
            }
            // value: the same number, not text, not a misread separator
            let v: f64 = w[4].parse().expect("value");
            match &g[4] {
                Data::Float(x) => assert_eq!(*x, v, "{at}: value"),
                Data::Int(x) => assert_eq!(*x as f64, v, "{at}: value"),
                other => panic!("{at}: value read as {other:?}"),
            }
        }
        let big = got
            .iter()
            .find(|r| r[3] == Data::String("trên 4.814 tỷ đồng".into()))
            .expect("4.814 tỷ đồng");
        assert_eq!(big[4], Data::Float(4_814_000_000_000.0), "{flags:?}");
        assert!(
            vietnamese > 20,
            "{flags:?}: {vietnamese} rows of Vietnamese text"
        );
    }
}
