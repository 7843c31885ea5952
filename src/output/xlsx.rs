//! `dataset.xlsx` (`--xlsx`): every table of the run as a sheet of one
//! workbook, with the cells' types kept, for analysts who open the data in a
//! spreadsheet rather than load CSV.
//!
//! - One sheet per table of [`TABLES`] (`documents`, `quantities`, …) and
//!   `errors`, with the CSV files' header and rows, in the same order.
//! - Numbers are number cells: a `value` of 4814000000000 is the number
//!   4814000000000, shown in full with thousands separators (`#,##0`), never
//!   with an exponent; fractions show their decimals. Offsets, counts and
//!   sentence numbers are integers. `published` and `issued` are date cells
//!   (`yyyy-mm-dd`); an empty cell is left blank.
//! - The header row is bold and frozen, every sheet has an autofilter over
//!   its rows, widths fit the longest cell of each column (capped), and the
//!   columns of long text wrap.
//! - Memory is bounded: sheets are written in rust_xlsxwriter's constant
//!   memory mode (rows stream to unnamed temporary files in the output
//!   folder), so a run of millions of documents needs no more memory for the
//!   workbook than for its CSV files.
//! - A sheet holds at most 1,048,576 rows (the format's limit); rows beyond
//!   it go on to a sheet of the same name numbered `(2)`, `(3)`, … with the
//!   header repeated. A cell holds at most 32,767 characters; longer text is
//!   cut there (the CSV keeps it whole).

use std::io::{self, Write};
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::tables::{Cell, TABLES};

/// Rows per sheet, header included (the xlsx limit).
const MAX_ROWS: u32 = 1_048_576;
/// Characters per cell (the xlsx limit).
const MAX_CELL_CHARS: usize = 32_767;
/// Widest a column is set, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;
/// Columns whose text wraps (long free text).
const WRAPPED: &[&str] = &[
    "title",
    "text",
    "subject",
    "counted",
    "roles",
    "addressee",
    "action",
    "issuer",
    "message",
    "authors",
];

fn xlsx_err(e: XlsxError) -> io::Error {
    io::Error::other(format!("dataset.xlsx: {e}"))
}

/// One table: where its rows go in the workbook.
struct Sheet {
    name: &'static str,
    header: &'static [&'static str],
    /// Index of the sheet rows are written to now, in the workbook.
    index: usize,
    /// Sheets of this table so far (1 until a sheet fills).
    parts: u32,
    /// Next row to write in the current sheet (0 is the header).
    next_row: u32,
    /// Widest cell of each column so far, in characters.
    widths: Vec<usize>,
}

/// The cell formats of the workbook.
struct Formats {
    bold: Format,
    wrap: Format,
    whole: Format,
    fraction: Format,
    date: Format,
}

/// A sheet's final touches, applied when the workbook is saved: its index,
/// its number of rows (header included) and its columns' widths.
type Finished = (usize, u32, Vec<usize>);

/// The workbook being written, sheet by sheet, row by row.
pub struct XlsxBook {
    book: Workbook,
    fmt: Formats,
    /// Every table's current sheet: [`TABLES`] order, then errors.
    sheets: Vec<Sheet>,
    /// Sheets that filled up.
    full: Vec<Finished>,
}

impl XlsxBook {
    /// A workbook whose sheets spill to temporary files in `tempdir`.
    pub fn new(tempdir: &Path) -> io::Result<XlsxBook> {
        let mut book = Workbook::new();
        book.set_tempdir(tempdir).map_err(xlsx_err)?;
        let fmt = Formats {
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
            whole: Format::new().set_num_format("#,##0"),
            fraction: Format::new().set_num_format("#,##0.0##########"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        };
        let tables = TABLES
            .iter()
            .map(|t| (t.sheet_name(), t.header()))
            .chain([("errors", super::tables::ERRORS_HEADER)]);
        let mut sheets = Vec::new();
        for (name, header) in tables {
            let mut sheet = Sheet {
                name,
                header,
                index: 0,
                parts: 0,
                next_row: 0,
                widths: header.iter().map(|h| h.chars().count()).collect(),
            };
            open_part(&mut book, &fmt, &mut sheet)?;
            sheets.push(sheet);
        }
        Ok(XlsxBook {
            book,
            fmt,
            sheets,
            full: Vec::new(),
        })
    }

    /// Append rows to table `t` (its index: [`TABLES`] order, then errors).
    pub fn write_rows(&mut self, t: usize, rows: &[Vec<Cell>]) -> io::Result<()> {
        let XlsxBook {
            book,
            fmt,
            sheets,
            full,
        } = self;
        let Some(s) = sheets.get_mut(t) else {
            return Err(io::Error::other(format!("dataset.xlsx: no table {t}")));
        };
        for row in rows {
            if s.next_row >= MAX_ROWS {
                full.push((s.index, s.next_row, s.widths.clone()));
                open_part(book, fmt, s)?;
            }
            write_row(book, fmt, s, row)?;
        }
        Ok(())
    }

    /// Widths, filters; the workbook goes to `out`.
    pub fn save(mut self, out: impl Write + Send) -> io::Result<()> {
        let mut done = std::mem::take(&mut self.full);
        for s in &self.sheets {
            done.push((s.index, s.next_row, s.widths.clone()));
        }
        for (index, rows, widths) in done {
            let ws = self.book.worksheet_from_index(index).map_err(xlsx_err)?;
            let last_col = widths.len().saturating_sub(1) as u16;
            ws.autofilter(0, 0, rows.saturating_sub(1), last_col)
                .map_err(xlsx_err)?;
            for (c, w) in widths.iter().enumerate() {
                // room for the filter button beside the header
                let w = (*w).clamp(6, MAX_WIDTH) + 2;
                ws.set_column_width(c as u16, w as f64).map_err(xlsx_err)?;
            }
        }
        self.book.save_to_writer(out).map_err(xlsx_err)
    }
}

/// Start the next sheet of a table: its name, header, frozen top row.
fn open_part(book: &mut Workbook, fmt: &Formats, s: &mut Sheet) -> io::Result<()> {
    s.parts += 1;
    let name = match s.parts {
        1 => s.name.to_string(),
        n => format!("{} ({n})", s.name),
    };
    let ws = book.add_worksheet_with_constant_memory();
    ws.set_name(name).map_err(xlsx_err)?;
    ws.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    for (c, h) in s.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &fmt.bold)
            .map_err(xlsx_err)?;
    }
    s.index = book.worksheets().len() - 1;
    s.next_row = 1;
    Ok(())
}

/// One row at the sheet's next row; empty text is a blank cell.
fn write_row(book: &mut Workbook, fmt: &Formats, s: &mut Sheet, row: &[Cell]) -> io::Result<()> {
    let r = s.next_row;
    let ws = book.worksheet_from_index(s.index).map_err(xlsx_err)?;
    for (c, cell) in row.iter().enumerate() {
        let col = c as u16;
        let wrapped = s.header.get(c).is_some_and(|h| WRAPPED.contains(h));
        let width = match cell {
            Cell::Text(t) if t.is_empty() => 0,
            Cell::Text(t) => {
                let t = clip(t);
                if wrapped {
                    ws.write_string_with_format(r, col, t, &fmt.wrap)
                } else {
                    ws.write_string(r, col, t)
                }
                .map_err(xlsx_err)?;
                t.chars().count()
            }
            Cell::Int(i) => {
                ws.write_number(r, col, *i as f64).map_err(xlsx_err)?;
                digits(*i as f64)
            }
            Cell::Number(v) => {
                let fmt = if v.fract() == 0.0 {
                    &fmt.whole
                } else {
                    &fmt.fraction
                };
                ws.write_number_with_format(r, col, *v, fmt)
                    .map_err(xlsx_err)?;
                // digits, separators and a few decimals
                let d = digits(*v);
                d + d / 3 + if v.fract() == 0.0 { 0 } else { 4 }
            }
            Cell::Date(d) => match iso_date(d) {
                Some(dt) => {
                    ws.write_datetime_with_format(r, col, &dt, &fmt.date)
                        .map_err(xlsx_err)?;
                    10
                }
                None => {
                    ws.write_string(r, col, clip(d)).map_err(xlsx_err)?;
                    d.chars().count()
                }
            },
        };
        if let Some(w) = s.widths.get_mut(c) {
            *w = (*w).max(width);
        }
    }
    s.next_row += 1;
    Ok(())
}

/// Digits of the integer part of `v` (with a sign).
fn digits(v: f64) -> usize {
    let a = v.abs().trunc();
    let n = if a < 1.0 {
        1
    } else {
        a.log10().floor() as usize + 1
    };
    n + usize::from(v < 0.0)
}

/// `text` cut to the longest prefix a cell holds.
fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// `YYYY-MM-DD` as a date cell's value; anything else is not a date.
fn iso_date(s: &str) -> Option<ExcelDateTime> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u16 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    // the format's dates start in 1900
    if y < 1900 {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_others() {
        let cases = [
            ("2024-12-20", true),
            ("2022-08-10", true),
            ("1899-12-31", false),
            ("2024-13-01", false),
            ("2024-02-30", false),
            ("20-12-2024", false),
            ("2024-12-2", false),
            ("", false),
            ("2024-1é-01", false),
        ];
        for (s, ok) in cases {
            assert_eq!(iso_date(s).is_some(), ok, "{s}");
        }
    }

    #[test]
    fn digits_of_numbers() {
        let cases = [
            (0.0, 1),
            (0.35, 1),
            (6.5, 1),
            (60.0, 2),
            (4_814_000_000_000.0, 13),
            (-12.0, 3),
        ];
        for (v, n) in cases {
            assert_eq!(digits(v), n, "{v}");
        }
    }

    #[test]
    fn long_text_is_cut_at_the_cell_limit_on_a_char_boundary() {
        let long = "đ".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(clip(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(clip("Hà Nội"), "Hà Nội");
    }
}
