//! The one date module: calendar dates as Vietnamese text writes them, validated and turned into
//! ISO `YYYY-MM-DD` strings:
//!
//! ```text
//! [ngày] D/M/YYYY      ngày 10/8/2022, 10/8/2022
//! [ngày] D-M-YYYY      ngày 10-8-2022, 10-8-2022
//! ngày D.M.YYYY        ngày 10.8.2022
//! [ngày] D tháng M [,] năm YYYY
//! ngày D/M, ngày D tháng M   (no year: `iso` is `None`)
//! ```
//!
//! and as English text writes them, with the month as a word (`June`,
//! `Jan.`, `Sept.`, any case after a capital first letter), a day that may
//! carry an ordinal ending (`5th`) and a weekday that may open the date:
//!
//! ```text
//! Month D, YYYY        June 5, 2024, Jan. 6, 2025, Monday, June 5, 2024
//! Month D YYYY         June 5 2024
//! D Month YYYY         5 June 2024, 5th of June, 2024
//! Month D, D Month     June 5, 5 June  (no year: `iso` is `None`)
//! ```
//!
//! Works on the normalized text (`NormText::text`): ASCII spaces and
//! hyphens, NFC. `ngày`/`tháng`/`năm` are compared without case. The three
//! words, and the English month and weekday names, are the grammar of a
//! date, not a vocabulary a linguist would grow, so they live here rather
//! than in `rules/`.
//!
//! A date is never read out of a longer run of digits or letters:
//! `115/12/2024`, `COVID-19/8/2022` and `10/8/20221` are not dates, and the
//! day, month and year must make a real calendar day (`31/2/2024` is not).

use std::ops::Range;

/// `YYYY-MM-DD` for a real calendar date.
pub fn iso_date(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= days).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The publication date a news URL carries, as `YYYY-MM-DD`: a path of
/// `/2024/03/14/` (or `/2024-03-14/`), or a time stamp of 14 digits or more
/// starting with the year (`…-20240314102030123.htm`). Years 2000–2099 and
/// real calendar dates only; anything else is no date.
pub fn date_in_url(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let num = |s: &[u8]| -> Option<u32> { std::str::from_utf8(s).ok()?.parse().ok() };
    // a path: /YYYY/MM/DD/ or /YYYY-MM-DD
    for (i, _) in url.match_indices('/') {
        let rest = &b[i + 1..];
        if rest.len() >= 10
            && rest[..2] == *b"20"
            && rest[..4].iter().all(u8::is_ascii_digit)
            && matches!(rest[4], b'/' | b'-')
        {
            let sep = rest[4];
            let tail = &rest[5..];
            let m_end = tail.iter().position(|&c| c == sep)?;
            let d_end = tail[m_end + 1..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .map_or(tail.len(), |p| m_end + 1 + p);
            if (1..=2).contains(&m_end) && (1..=2).contains(&(d_end - m_end - 1)) {
                if let (Some(y), Some(m), Some(d)) = (
                    num(&rest[..4]),
                    num(&tail[..m_end]),
                    num(&tail[m_end + 1..d_end]),
                ) {
                    if let Some(iso) = iso_date(y, m, d) {
                        return Some(iso);
                    }
                }
            }
        }
    }
    // a time stamp: a run of 14 digits or more that starts with 20YYMMDD
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &b[start..i];
        if run.len() >= 14 && run[..2] == *b"20" {
            if let (Some(y), Some(m), Some(d)) = (num(&run[..4]), num(&run[4..6]), num(&run[6..8]))
            {
                if let Some(iso) = iso_date(y, m, d) {
                    return Some(iso);
                }
            }
        }
    }
    None
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte range in the text, `ngày` included when written.
    pub range: Range<usize>,
    pub day: u32,
    pub month: u32,
    /// `None` for `ngày 10/8` with no year.
    pub year: Option<u32>,
    /// The month is written as a word (`June 5, 2024`, `5 June 2024`).
    pub month_word: bool,
}

impl DateMatch {
    /// `YYYY-MM-DD`, when the year is written.
    pub fn iso(&self) -> Option<String> {
        self.year.and_then(|y| iso_date(y, self.month, self.day))
    }

    /// `YYYY-MM-DD` with `year` standing in for a missing year.
    pub fn iso_with_year(&self, year: u32) -> Option<String> {
        iso_date(self.year.unwrap_or(year), self.month, self.day)
    }
}

/// A small cursor over the bytes of the text.
struct Cur<'a> {
    s: &'a str,
    p: usize,
}

impl<'a> Cur<'a> {
    fn spaces(&mut self) -> usize {
        let start = self.p;
        while self.s.as_bytes().get(self.p) == Some(&b' ') {
            self.p += 1;
        }
        self.p - start
    }

    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let b = self.s.as_bytes();
        let start = self.p;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        let n = end - start;
        if n < min || n > max {
            return None;
        }
        self.p = end;
        self.s[start..end].parse().ok()
    }

    fn byte(&mut self, c: u8) -> bool {
        if self.s.as_bytes().get(self.p) == Some(&c) {
            self.p += 1;
            true
        } else {
            false
        }
    }

    /// A word, compared without case, ending at a non-letter.
    fn word(&mut self, w: &str) -> bool {
        let Some(rest) = self.s.get(self.p..) else {
            return false;
        };
        let mut it = rest.char_indices();
        let mut end = 0;
        for wc in w.chars() {
            match it.next() {
                Some((i, c)) if c.to_lowercase().eq(wc.to_lowercase()) => end = i + c.len_utf8(),
                _ => return false,
            }
        }
        if rest[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            return false;
        }
        self.p += end;
        true
    }

    /// The next character is not a letter or digit (a date must end here).
    fn at_boundary(&self) -> bool {
        let rest = &self.s[self.p..];
        let mut it = rest.chars();
        match it.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            // `10/8/2022/QĐ`, `10-8-2022-3`: a longer code
            Some('/') => !it.next().is_some_and(|c| c.is_alphanumeric()),
            Some('-') => !it.next().is_some_and(|c| c.is_ascii_digit()),
            Some(_) => true,
        }
    }
}

/// English month names, then their abbreviations (which may take a `.`).
const MONTHS: [(&str, u32); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];
const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Cur<'_> {
    /// A word of ASCII letters at the cursor that starts with a capital and
    /// ends at a non-letter: its length and lower case.
    fn cap_word(&self) -> Option<(usize, String)> {
        let rest = self.s.get(self.p..)?;
        if !rest.as_bytes().first()?.is_ascii_uppercase() {
            return None;
        }
        let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if rest[len..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        Some((len, rest[..len].to_ascii_lowercase()))
    }

    /// An English month name (`June`, `Jan.`, `Sept`).
    fn month(&mut self) -> Option<u32> {
        let (len, w) = self.cap_word()?;
        if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| *n == w) {
            self.p += len;
            return Some(m);
        }
        let &(_, m) = MONTH_ABBREVIATIONS.iter().find(|(n, _)| *n == w)?;
        self.p += len;
        // `Jan.`, but not the `.` of `Jan.5`
        if self.s.as_bytes().get(self.p) == Some(&b'.')
            && !self
                .s
                .as_bytes()
                .get(self.p + 1)
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            self.p += 1;
        }
        Some(m)
    }

    /// An English weekday and the comma after it (`Monday, `).
    fn weekday(&mut self) -> bool {
        let Some((len, w)) = self.cap_word() else {
            return false;
        };
        if !WEEKDAYS.contains(&w.as_str()) {
            return false;
        }
        self.p += len;
        self.byte(b',');
        self.spaces() > 0
    }

    /// The ordinal ending of a day (`5th`, `1st`), ending at a non-letter.
    fn ordinal(&mut self) {
        let Some(rest) = self.s.get(self.p..) else {
            return;
        };
        let two = rest.get(..2).map(str::to_ascii_lowercase);
        if two.is_some_and(|x| matches!(x.as_str(), "st" | "nd" | "rd" | "th"))
            && !rest[2..].chars().next().is_some_and(char::is_alphanumeric)
        {
            self.p += 2;
        }
    }

    /// `[,] YYYY` after an English day and month, a real day with `month`
    /// and `day`: the year, or `None` (the cursor is then where it was).
    fn english_year(&mut self, month: u32, day: u32) -> Option<u32> {
        let back = self.p;
        let comma = self.byte(b',');
        if self.spaces() == 0 && !comma {
            self.p = back;
            return None;
        }
        match self.digits(4, 4) {
            Some(y) if self.at_boundary() && iso_date(y, month, day).is_some() => Some(y),
            _ => {
                self.p = back;
                None
            }
        }
    }
}

/// An English date from the cursor (at `start`): `[Weekday,] Month D[th][,] [YYYY]`.
fn month_first(c: &mut Cur<'_>, start: usize) -> Option<DateMatch> {
    c.weekday();
    let month = c.month()?;
    if c.spaces() == 0 {
        return None;
    }
    let day = c.digits(1, 2)?;
    c.ordinal();
    if !c.at_boundary() || iso_date(2000, month, day).is_none() {
        return None;
    }
    english_end(c, start, day, month)
}

/// An English date after its day (the cursor right after the digits):
/// `[th] [of] Month[,] [YYYY]`.
fn day_first(c: &mut Cur<'_>, start: usize, day: u32) -> Option<DateMatch> {
    c.ordinal();
    if c.spaces() == 0 {
        return None;
    }
    if c.word("of") && c.spaces() == 0 {
        return None;
    }
    let month = c.month()?;
    if !c.at_boundary() || iso_date(2000, month, day).is_none() {
        return None;
    }
    english_end(c, start, day, month)
}

/// The year after an English day and month, if written.
fn english_end(c: &mut Cur<'_>, start: usize, day: u32, month: u32) -> Option<DateMatch> {
    let after = c.p;
    let year = c.english_year(month, day);
    if year.is_none() {
        // `June 31, 2024` is no day; `June 5, 150 people` is a date without a year
        c.p = after;
        let mut probe = Cur { s: c.s, p: after };
        let comma = probe.byte(b',');
        if (comma || probe.spaces() > 0) && {
            probe.spaces();
            probe.digits(4, 4).is_some()
        } {
            return None;
        }
    }
    Some(DateMatch {
        range: start..c.p,
        day,
        month,
        year,
        month_word: true,
    })
}

/// The character before byte `p` cannot start a date there: a letter, a digit,
/// or a `/`, `-`, `.`, `,` glued to a digit (`COVID-19/8`, `1.10/8/2022`).
fn bad_before(s: &str, p: usize) -> bool {
    let mut it = s[..p].chars().rev();
    match it.next() {
        None => false,
        Some(c) if c.is_alphanumeric() => true,
        Some('/') | Some('-') | Some('.') | Some(',') => {
            it.next().is_some_and(|c| c.is_alphanumeric())
        }
        Some(_) => false,
    }
}

/// The date starting at byte `pos` of `text` (leading spaces skipped), if any.
pub fn date_at(text: &str, pos: usize) -> Option<DateMatch> {
    if pos > text.len() || !text.is_char_boundary(pos) {
        return None;
    }
    let mut c = Cur { s: text, p: pos };
    c.spaces();
    let start = c.p;
    if bad_before(text, start) {
        return None;
    }
    let ngay = c.word("ngày");
    if ngay && c.spaces() == 0 {
        return None;
    }
    let Some(day) = c.digits(1, 2) else {
        return if ngay {
            None
        } else {
            month_first(&mut c, start)
        };
    };
    let after_day = c.p;
    // numeric: D/M/YYYY, D-M-YYYY, D.M.YYYY (the last only after `ngày`)
    for sep in [b'/', b'-', b'.'] {
        if sep == b'.' && !ngay {
            continue;
        }
        c.p = after_day;
        if !c.byte(sep) {
            continue;
        }
        let Some(month) = c.digits(1, 2) else {
            continue;
        };
        let after_month = c.p;
        if c.byte(sep) {
            if let Some(year) = c.digits(4, 4) {
                if c.at_boundary() && iso_date(year, month, day).is_some() {
                    return Some(DateMatch {
                        range: start..c.p,
                        day,
                        month,
                        year: Some(year),
                        month_word: false,
                    });
                }
                return None;
            }
            return None;
        }
        c.p = after_month;
        if ngay && c.at_boundary() && iso_date(2000, month, day).is_some() {
            return Some(DateMatch {
                range: start..c.p,
                day,
                month,
                year: None,
                month_word: false,
            });
        }
        return None;
    }
    // English: D Month [,] YYYY, D Month
    c.p = after_day;
    if !ngay {
        if let Some(d) = day_first(&mut c, start, day) {
            return Some(d);
        }
    }
    // D tháng M [,] năm YYYY
    c.p = after_day;
    if c.spaces() == 0 || !c.word("tháng") || c.spaces() == 0 {
        return None;
    }
    let month = c.digits(1, 2)?;
    if !c.at_boundary() {
        return None;
    }
    let after_month = c.p;
    c.spaces();
    c.byte(b',');
    c.spaces();
    if c.word("năm") && c.spaces() > 0 {
        if let Some(year) = c.digits(4, 4) {
            if c.at_boundary() && iso_date(year, month, day).is_some() {
                return Some(DateMatch {
                    range: start..c.p,
                    day,
                    month,
                    year: Some(year),
                    month_word: false,
                });
            }
            return None;
        }
    }
    c.p = after_month;
    // `ngày 10 tháng 8` with no year; a bare `10 tháng 8` is too loose
    if ngay && iso_date(2000, month, day).is_some() {
        return Some(DateMatch {
            range: start..c.p,
            day,
            month,
            year: None,
            month_word: false,
        });
    }
    None
}

/// Every date in `text[range]`, in order, not overlapping.
pub fn find_dates(text: &str, range: Range<usize>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let end = range.end.min(text.len());
    let mut p = range.start.min(end);
    while p < end {
        if !text.is_char_boundary(p) {
            p += 1;
            continue;
        }
        let b = text.as_bytes()[p];
        // a digit, `ngày`, or a capital (an English month or weekday)
        let candidate = b.is_ascii_digit() || b == b'n' || b.is_ascii_uppercase();
        if candidate && !bad_before(text, p) {
            if let Some(d) = date_at(text, p) {
                if d.range.start == p && d.range.end <= end {
                    p = d.range.end;
                    out.push(d);
                    continue;
                }
            }
        }
        // skip the rest of a word or number: a date never starts inside one
        let mut q = p + text[p..].chars().next().map_or(1, char::len_utf8);
        if text[p..].chars().next().is_some_and(char::is_alphanumeric) {
            while q < end && text[q..].chars().next().is_some_and(char::is_alphanumeric) {
                q += text[q..].chars().next().map_or(1, char::len_utf8);
            }
        }
        p = q;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://www.reuters.com/world/asia-pacific/2024/03/14/vietnam-exports/",
                Some("2024-03-14"),
            ),
            (
                "https://example.vn/2023-11-05/gia-vang-tang.html",
                Some("2023-11-05"),
            ),
            (
                "https://tuoitre.vn/gia-xang-dau-giam-20240314102030123.htm",
                Some("2024-03-14"),
            ),
            (
                "https://dantri.com.vn/kinh-doanh/20171022093015432.htm",
                Some("2017-10-22"),
            ),
            // no date, or not a real one
            ("https://vnexpress.net/gia-vang-4800123.html", None),
            ("https://example.vn/2024/13/01/x", None),
            ("https://example.vn/tin-tuc/12345678901234", None),
            ("https://example.vn/20241345000000.htm", None),
            ("", None),
            ("/2024/", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date(2023, 2, 29), None);
        assert_eq!(iso_date(2024, 13, 1), None);
        assert_eq!(iso_date(2024, 4, 31), None);
        assert_eq!(iso_date(1800, 1, 1), None);
    }

    fn iso(s: &str) -> Option<String> {
        date_at(s, 0).and_then(|d| d.iso())
    }

    #[test]
    fn written_forms() {
        let cases: &[(&str, Option<&str>)] = &[
            ("ngày 10/8/2022", Some("2022-08-10")),
            ("ngày 10-8-2022", Some("2022-08-10")),
            ("Ngày 10.8.2022", Some("2022-08-10")),
            ("10/8/2022", Some("2022-08-10")),
            ("10-08-2022", Some("2022-08-10")),
            ("ngày 01/02/2019 của", Some("2019-02-01")),
            ("ngày 10 tháng 8 năm 2022", Some("2022-08-10")),
            ("ngày 14 tháng 3, năm 2022", Some("2022-03-14")),
            ("10 tháng 8 năm 2022", Some("2022-08-10")),
            ("ngày 29/2/2024", Some("2024-02-29")),
            // not real days
            ("ngày 29/2/2023", None),
            ("ngày 31/4/2022", None),
            ("ngày 10/13/2022", None),
            ("ngày 0/1/2022", None),
            // not dates, or a longer code
            ("10.8.2022", None),
            ("10/8/20221", None),
            ("10/8/2022/QĐ", None),
            ("ngày10/8/2022", None),
            ("ngàyy 10/8/2022", None),
            ("10/8", None),
            ("6 tháng đầu năm", None),
        ];
        for (s, want) in cases {
            assert_eq!(iso(s).as_deref(), *want, "{s}");
        }
    }

    #[test]
    fn spans_and_yearless() {
        let s = "Chỉ thị ngày 10-8-2022 của Ban Bí thư";
        let d = date_at(s, s.find("ngày").unwrap()).unwrap();
        assert_eq!(&s[d.range.clone()], "ngày 10-8-2022");
        let d = date_at("ngày 20/2 vừa qua", 0).unwrap();
        assert_eq!((d.day, d.month, d.year), (20, 2, None));
        assert_eq!(d.iso(), None);
        assert_eq!(d.iso_with_year(2023).as_deref(), Some("2023-02-20"));
        let d = date_at("ngày 5 tháng 6 vừa qua", 0).unwrap();
        assert_eq!((d.day, d.month, d.year), (5, 6, None));
        // a bare `20/2` is a fraction or a score, not a date
        assert!(date_at("20/2 vừa qua", 0).is_none());
    }

    #[test]
    fn finds_every_date_but_not_inside_codes() {
        let s =
            "Số 15/12/2024, ngày 10 tháng 8 năm 2022; mã 115/12/2024; COVID-19/8/2022 và 1/1/2025.";
        let got: Vec<String> = find_dates(s, 0..s.len())
            .iter()
            .filter_map(|d| d.iso())
            .collect();
        assert_eq!(got, vec!["2024-12-15", "2022-08-10", "2025-01-01"]);
        let d = &find_dates(s, 0..s.len())[1];
        assert_eq!(&s[d.range.clone()], "ngày 10 tháng 8 năm 2022");
    }

    /// English dates: (text, ISO date, or the (day, month) of a date with
    /// no year, and the text the date covers).
    #[test]
    fn english_forms() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>, Option<(u32, u32)>, &str)] = &[
            ("June 5, 2024", Some("2024-06-05"), None, "June 5, 2024"),
            ("June 5, 2024, the", Some("2024-06-05"), None, "June 5, 2024"),
            ("June 5 2024", Some("2024-06-05"), None, "June 5 2024"),
            ("June 5,2024", Some("2024-06-05"), None, "June 5,2024"),
            ("5 June 2024", Some("2024-06-05"), None, "5 June 2024"),
            ("5 June, 2024", Some("2024-06-05"), None, "5 June, 2024"),
            ("5th June 2024", Some("2024-06-05"), None, "5th June 2024"),
            ("5th of June, 2024", Some("2024-06-05"), None, "5th of June, 2024"),
            ("June 5th, 2024", Some("2024-06-05"), None, "June 5th, 2024"),
            ("Jan. 6, 2025", Some("2025-01-06"), None, "Jan. 6, 2025"),
            ("Jan 6, 2025", Some("2025-01-06"), None, "Jan 6, 2025"),
            ("Sept. 30, 2023", Some("2023-09-30"), None, "Sept. 30, 2023"),
            ("Sep 30 2023", Some("2023-09-30"), None, "Sep 30 2023"),
            ("12 Dec. 2016", Some("2016-12-12"), None, "12 Dec. 2016"),
            ("NOVEMBER 30, 2024", Some("2024-11-30"), None, "NOVEMBER 30, 2024"),
            ("Monday, June 3, 2024", Some("2024-06-03"), None, "Monday, June 3, 2024"),
            ("February 29, 2024", Some("2024-02-29"), None, "February 29, 2024"),
            // no year: the day and month, the rest is not the year
            ("January 6 on", None, Some((6, 1)), "January 6"),
            ("January 6, 150 people", None, Some((6, 1)), "January 6"),
            ("6 January on", None, Some((6, 1)), "6 January"),
            ("May 20.", None, Some((20, 5)), "May 20"),
        ];
        for (s, want, yearless, covered) in cases {
            let d = date_at(s, 0).unwrap_or_else(|| panic!("no date in {s}"));
            assert_eq!(d.iso().as_deref(), *want, "{s}");
            assert!(d.month_word, "{s}");
            if let Some((day, month)) = yearless {
                assert_eq!((d.day, d.month, d.year), (*day, *month, None), "{s}");
            }
            assert_eq!(&s[d.range.clone()], *covered, "{s}");
        }
        assert_eq!(
            date_at("January 6", 0)
                .and_then(|d| d.iso_with_year(2017))
                .as_deref(),
            Some("2017-01-06")
        );
        // not dates: no day, not a real day, a longer word or number, lower case
        for s in [
            "June 2024",
            "June 31, 2024",
            "February 29, 2023",
            "June 32",
            "Junes 5, 2024",
            "Mayor 5",
            "Marching 5 June",
            "june 5, 2024",
            "may 5",
            "June 5-7, 2024",
            "June 5/6",
            "June 123",
            "5 Junes 2024",
            "5June 2024",
            "June5, 2024",
            "Monday",
            "Monday, 5",
            "5th",
            "15 tháng",
            "Sept.5, 2023",
        ] {
            assert_eq!(date_at(s, 0), None, "{s}");
        }
        // never out of a longer word or number
        assert_eq!(date_at("xJune 5, 2024", 1), None);
        assert_eq!(date_at("105 June 2024", 1), None);
        let s = "Decree 15/2022/ND-CP dated June 5, 2024 and Decision 2 of 6 January 2025; COVID-19 June 3";
        let got: Vec<String> = find_dates(s, 0..s.len())
            .iter()
            .map(|d| s[d.range.clone()].to_string())
            .collect();
        assert_eq!(got, vec!["June 5, 2024", "6 January 2025", "June 3"]);
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "ngày",
            "ngày ",
            "1",
            "1/",
            "1/2/",
            "ngày 1 tháng",
            "ngày 1 tháng 2 năm",
            "ÿ10/8/2022",
            "10/8/2022ÿ",
            "June",
            "June ",
            "June 5,",
            "June 5, ",
            "5 June,",
            "5th of",
            "Monday, ",
            "Sept.",
            "Jan. 3ÿ",
        ] {
            let _ = find_dates(s, 0..s.len());
            for p in 0..=s.len() {
                let _ = date_at(s, p);
            }
        }
        let s = "abc";
        assert!(find_dates(s, 2..10).is_empty());
    }
}
