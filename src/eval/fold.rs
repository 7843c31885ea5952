//! The scorer's folding, exactly score.py's `norm` and `code_key`.
//!
//! The crate's own `crate::fold` does not fit: it folds tone placement the
//! other way (`hoà` → `hòa`), maps dashes, quotes, `Ð` and invisible
//! characters, and lower-cases rather than case-folds. Any of those would
//! match pairs that score.py does not (or the reverse), so the scorer keeps
//! its own copy of score.py's rules here.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::casefold::CASEFOLD;
use super::py;

/// Python's `str.casefold`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(CASEFOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// score.py's `OLD_TONES`: the old tone placement on the first vowel of
/// `oa`, `oe`, `uy` (lower case) → the new one on the second (`òa` → `oà`).
fn new_tone_pair(first: char, second: char) -> Option<[char; 2]> {
    const O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
    const U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
    const A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
    const E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
    const Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
    let (base, marked): (char, &[char; 5]) = match second {
        'a' if O.contains(&first) => ('o', &A),
        'e' if O.contains(&first) => ('o', &E),
        'y' if U.contains(&first) => ('u', &Y),
        _ => return None,
    };
    let tone = if base == 'o' { &O } else { &U };
    let i = tone.iter().position(|&c| c == first)?;
    Some([base, marked[i]])
}

/// Applies [`new_tone_pair`] left to right. score.py replaces each pair
/// throughout the string in turn; no replacement can create or break
/// another pair (a pair's second letter is never a first letter), so one
/// pass gives the same string.
fn fold_tones(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(pair) = chars
            .get(i + 1)
            .and_then(|&next| new_tone_pair(chars[i], next))
        {
            out.extend(pair);
            i += 2;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// score.py's `norm` on a string: NFC, case folded, tone placement folded
/// (`hòa` = `hoà`), single-spaced (Python's whitespace).
pub fn norm_str(s: &str) -> String {
    let folded = fold_tones(&casefold(&s.nfc().collect::<String>()));
    let words: Vec<&str> = folded
        .split(py::is_space)
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// score.py's `norm` on a JSON value: `""` for null, otherwise its `str()`.
pub fn norm(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        v => norm_str(&py::str(v)),
    }
}

/// score.py's `code_key`: NFC, upper case, spaces removed, `Đ` → `D`, en
/// and em dashes → `-`. A falsy value is `""`; other non-strings are read
/// through `str()`.
pub fn code_key(v: &Value) -> String {
    let s = if py::truthy(v) {
        py::str(v)
    } else {
        String::new()
    };
    s.nfc()
        .collect::<String>()
        .to_uppercase()
        .chars()
        .filter(|&c| c != ' ')
        .map(|c| match c {
            'Đ' => 'D',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn norm_folds_case_nfc_tones_and_spaces() {
        let cases = [
            // (a, b, equal after norm)
            ("Nguyễn Văn Hòa", "nguyễn văn hoà", true),
            ("HOÀ", "hòa", true),
            ("Thụy", "Thuỵ", true),
            ("Khỏe", "khoẻ", true),
            // NFD input
            ("Nguye\u{302}\u{303}n", "Nguyễn", true),
            ("  Lê\u{a0}\u{1c}Minh\tHưng ", "lê minh hưng", true),
            ("Straße", "STRASSE", true),
            ("Hòa", "Hoa", false),
            ("Lê Minh", "Lê Minh Hưng", false),
            // score.py folds tones only in the lower-case pairs, after case folding:
            ("HÒA", "hoà", true),
            // no tone folding across other letters
            ("òba", "obà", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(norm_str(a) == norm_str(b), same, "{a:?} vs {b:?}");
        }
        assert_eq!(norm_str("  Hòa  Bình "), "hoà bình");
        assert_eq!(norm(&json!(null)), "");
        assert_eq!(norm(&json!(5.0)), "5.0");
        assert_eq!(norm(&json!(true)), "true");
    }

    #[test]
    fn code_key_folds_case_spaces_d_and_dashes() {
        let cases = [
            ("15-CT/TW", "15-ct/tw", true),
            ("15 - CT/TW", "15-CT/TW", true),
            ("01/2024/NĐ-CP", "01/2024/nd-cp", true),
            ("01/2024/NĐ–CP", "01/2024/ND-CP", true),
            ("01/2024/NĐ—CP", "01/2024/ND-CP", true),
            ("01/2024/NĐ-CP", "02/2024/NĐ-CP", false),
            // only the space is removed, not other whitespace
            ("15\u{a0}CT", "15CT", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(
                code_key(&json!(a)) == code_key(&json!(b)),
                same,
                "{a:?} vs {b:?}"
            );
        }
        assert_eq!(code_key(&json!(null)), "");
        assert_eq!(code_key(&json!("")), "");
    }

    #[test]
    fn casefold_table_is_sorted() {
        assert!(CASEFOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(casefold("ßΣς"), "ssσσ");
    }
}
