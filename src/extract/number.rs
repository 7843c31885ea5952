//! Numerals written with digits. Vietnamese: `.` groups thousands and `,`
//! is the decimal mark (`4.814` = 4814, `6,5` = 6.5, `1.234,5` = 1234.5);
//! English the other way round (`4,814`, `6.5`, `1,234.5`), read by
//! [`parse_number`] as the Vietnamese reading of the marks swapped.
//!
//! A `.` followed by anything but exactly three digits is read as a decimal
//! point (`1.5`, `0.25`), as careless and English-style writers use it; a `,`
//! is always the decimal mark. Parsing never panics and returns `None` for
//! anything that is not a plain number.

use crate::model::DecimalMark;

/// Parse a digit token written with the decimal mark `mark`.
pub fn parse_number(s: &str, mark: DecimalMark) -> Option<f64> {
    match mark {
        DecimalMark::Comma => parse_vi_number(s),
        DecimalMark::Point => {
            let swapped: String = s
                .chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect();
            parse_vi_number(&swapped)
        }
    }
}

/// Parse a digit token (`[0-9]` runs joined by single `.`/`,`).
pub fn parse_vi_number(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let commas = s.bytes().filter(|&b| b == b',').count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    // the integer digits (separators left in, skipped when read) and the
    // fraction digits
    let (int_part, frac_part): (&str, &str) = if commas >= 2 && dots <= 1 && groups_of_three(s, ',')
    {
        // English-style thousands `1,234,567(.5)`
        s.split_once('.').unwrap_or((s, ""))
    } else if commas >= 2 {
        return None;
    } else {
        let (i, f) = s.split_once(',').unwrap_or((s, ""));
        if f.contains('.') {
            return None;
        }
        if i.contains('.') {
            if groups_of_three(i, '.') {
                (i, f)
            } else if dots == 1 && f.is_empty() {
                // `1.5`: a decimal point
                i.split_once('.')?
            } else {
                return None;
            }
        } else {
            (i, f)
        }
    };
    // `1,234.,` (English `1.234,.`): the fraction holds a separator
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    decimal_value(int_part, frac_part)
}

/// The value of the decimal `int_part.frac_part` (separators in
/// `int_part` skipped), the nearest `f64` as `str::parse` gives it.
fn decimal_value(int_part: &str, frac_part: &str) -> Option<f64> {
    let digits = || {
        int_part
            .bytes()
            .filter(u8::is_ascii_digit)
            .chain(frac_part.bytes())
    };
    // Up to 15 digits the whole number is exact in an f64, and so is
    // 10^k up to k = 22: one correctly rounded division gives the value
    // that parsing the decimal gives (Clinger's fast path).
    if digits().count() <= 15 && frac_part.len() <= 22 {
        let m = digits().fold(0u64, |m, d| m * 10 + u64::from(d - b'0'));
        let v = m as f64 / 10f64.powi(frac_part.len() as i32);
        return v.is_finite().then_some(v);
    }
    let mut text: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if !frac_part.is_empty() {
        text.push('.');
        text.push_str(frac_part);
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `1.234.567`: the first group has 1–3 digits, every other exactly 3.
fn groups_of_three(s: &str, sep: char) -> bool {
    let int = if sep == ',' {
        s.split('.').next().unwrap_or("")
    } else {
        s
    };
    let mut parts = int.split(sep);
    let first = parts.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return false;
    }
    let mut n = 0;
    for p in parts {
        if p.len() != 3 {
            return false;
        }
        n += 1;
    }
    n > 0
}

/// The number has no separators and 4 digits in 1900..=2100: a year, when
/// nothing else says it is a figure.
pub fn is_year_like(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && matches!(s.parse::<u32>(), Ok(1900..=2100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_convention() {
        let cases: &[(&str, Option<f64>)] = &[
            ("4,814", Some(4814.0)),
            ("6.5", Some(6.5)),
            ("1,700", Some(1700.0)),
            ("205.2", Some(205.2)),
            ("6,338,600", Some(6338600.0)),
            ("1,234.5", Some(1234.5)),
            ("12.4", Some(12.4)),
            ("0.25", Some(0.25)),
            ("2024", Some(2024.0)),
            // a comma before anything but three digits is a decimal mark
            ("4,8", Some(4.8)),
            ("1.2.3", None),
            ("1,234.5.6", None),
            ("", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_number(s, DecimalMark::Point), want, "{s}");
        }
        // the Vietnamese reading is `parse_vi_number`'s
        assert_eq!(parse_number("4.814", DecimalMark::Comma), Some(4814.0));
        assert_eq!(parse_number("6,5", DecimalMark::Comma), Some(6.5));
    }

    #[test]
    fn vietnamese_convention() {
        let cases: &[(&str, Option<f64>)] = &[
            ("4.814", Some(4814.0)),
            ("6,5", Some(6.5)),
            ("1.700", Some(1700.0)),
            ("205,2", Some(205.2)),
            ("6.338.600", Some(6338600.0)),
            ("10.725", Some(10725.0)),
            ("1.234,5", Some(1234.5)),
            ("0,77", Some(0.77)),
            ("01,10", Some(1.1)),
            ("05", Some(5.0)),
            ("8199", Some(8199.0)),
            ("1.5", Some(1.5)),
            ("1.0", Some(1.0)),
            ("0.25", Some(0.25)),
            ("1,234,567", Some(1234567.0)),
            ("1,234,567.5", Some(1234567.5)),
            ("1.2345", Some(1.2345)),
            ("1.23.456", None),
            ("1,2,3", None),
            ("", None),
            ("abc", None),
            (",5", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_vi_number(s), *want, "{s}");
        }
    }

    /// The fast path gives what parsing the decimal gives.
    #[test]
    fn fast_path_is_parse() {
        let mut cases: Vec<(String, String)> = Vec::new();
        for int in [
            "0",
            "1",
            "7",
            "12",
            "999",
            "4814",
            "123456789",
            "900719925474099",
            "9007199254740993",
            "123456789012345678901",
        ] {
            for frac in [
                "",
                "5",
                "05",
                "1",
                "3",
                "7",
                "25",
                "333",
                "1415926535",
                "000000000000000000001",
                "99999999999999999999999",
            ] {
                cases.push((int.to_string(), frac.to_string()));
            }
        }
        for (i, f) in cases {
            let text = if f.is_empty() {
                i.clone()
            } else {
                format!("{i}.{f}")
            };
            assert_eq!(decimal_value(&i, &f), text.parse::<f64>().ok(), "{text}");
        }
        assert_eq!(parse_vi_number("1.234.567,89"), Some(1234567.89));
        assert_eq!(parse_vi_number("0,1"), Some(0.1));
    }

    #[test]
    fn years() {
        assert!(is_year_like("2024"));
        assert!(is_year_like("1992"));
        assert!(!is_year_like("8199"));
        assert!(!is_year_like("2.024"));
        assert!(!is_year_like("202"));
    }
}
