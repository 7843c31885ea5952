//! Vietnamese numerals written with digits: `.` groups thousands and `,` is
//! the decimal mark (`4.814` = 4814, `6,5` = 6.5, `1.234,5` = 1234.5).
//!
//! A `.` followed by anything but exactly three digits is read as a decimal
//! point (`1.5`, `0.25`), as careless and English-style writers use it; a `,`
//! is always the decimal mark. Parsing never panics and returns `None` for
//! anything that is not a plain number.

/// Parse a digit token (`[0-9]` runs joined by single `.`/`,`).
pub fn parse_vi_number(s: &str) -> Option<f64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    if !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let mut int_part = String::with_capacity(s.len());
    let mut frac_part = String::new();
    if commas >= 2 && dots <= 1 && groups_of_three(s, ',') {
        // English-style thousands `1,234,567(.5)`
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        int_part.extend(i.chars().filter(|c| *c != ','));
        frac_part.push_str(f);
    } else if commas >= 2 {
        return None;
    } else {
        let (i, f) = s.split_once(',').unwrap_or((s, ""));
        if f.contains('.') {
            return None;
        }
        frac_part.push_str(f);
        if i.contains('.') {
            if groups_of_three(i, '.') {
                int_part.extend(i.chars().filter(|c| *c != '.'));
            } else if dots == 1 && f.is_empty() {
                // `1.5`: a decimal point
                let (a, b) = i.split_once('.')?;
                int_part.push_str(a);
                frac_part = b.to_string();
            } else {
                return None;
            }
        } else {
            int_part.push_str(i);
        }
    }
    let text = if frac_part.is_empty() { int_part } else { format!("{int_part}.{frac_part}") };
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `1.234.567`: the first group has 1–3 digits, every other exactly 3.
fn groups_of_three(s: &str, sep: char) -> bool {
    let int = if sep == ',' { s.split('.').next().unwrap_or("") } else { s };
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
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && matches!(s.parse::<u32>(), Ok(1900..=2100))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn years() {
        assert!(is_year_like("2024"));
        assert!(is_year_like("1992"));
        assert!(!is_year_like("8199"));
        assert!(!is_year_like("2.024"));
        assert!(!is_year_like("202"));
    }
}
