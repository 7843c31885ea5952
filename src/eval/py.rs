//! What `score.py` gets from Python itself, spelled out for the scorer:
//! truthiness, `str()`, `repr()`, `float()`, `int()`, `==` on JSON values,
//! `str.isspace` and `str.strip`. The scorer uses these wherever score.py
//! leans on them, so a value of an unexpected type (a number where a name
//! was expected, `"optional": 1`) is read the way score.py reads it.

use serde_json::{Number, Value};

/// The JSON `null` that a missing key reads as (`dict.get`).
pub static NULL: Value = Value::Null;

/// `d.get(key)` with `None` for a missing key; a value that is not an object
/// has no keys (where score.py would stop with an exception).
pub fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&NULL)
}

/// `d.get(key)` on an object.
pub fn get_map<'a>(m: &'a serde_json::Map<String, Value>, key: &str) -> &'a Value {
    m.get(key).unwrap_or(&NULL)
}

/// `bool(v)`: null, false, 0, "", [] and {} are false.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `a or b`.
pub fn or<'a>(a: &'a Value, b: &'a Value) -> &'a Value {
    if truthy(a) {
        a
    } else {
        b
    }
}

/// `str.isspace` for one character: Unicode White_Space plus the
/// information separators U+001C–U+001F, which Python also counts.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// `s.strip()`.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `a == b` on values read from JSON: numbers compare by value (`1 == 1.0`)
/// and a boolean is the number 0 or 1, as in Python.
pub fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}

/// A number or a boolean as a number (for `==`); integers keep their exact
/// value where it fits.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// Removes the underscores Python allows between digits (`1_000`); `None`
/// when one stands anywhere else.
fn without_underscores(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let before = i > 0 && chars[i - 1].is_ascii_digit();
            let after = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(before && after) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `float(v)`, or `None` where Python raises `TypeError`/`ValueError`.
pub fn float(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let s = without_underscores(strip(s))?;
            // Rust's parser takes what Python's does (signs, `.5`, `5.`,
            // exponents, inf/infinity/nan in any case) and nothing else.
            s.parse::<f64>().ok()
        }
        _ => None,
    }
}

/// `int(v)`, or `None` where Python raises (`int(1.9)` is 1, `int("12")` 12,
/// `int("1.5")` an error).
pub fn int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Some(i128::from(i)),
            (_, Some(u), _) => Some(i128::from(u)),
            (_, _, Some(f)) if f.is_finite() => Some(f.trunc() as i128),
            _ => None,
        },
        Value::String(s) => {
            let s = without_underscores(strip(s))?;
            if s.contains(['.', 'e', 'E']) {
                return None;
            }
            s.parse::<i128>().ok()
        }
        _ => None,
    }
}

/// `repr(x)` of a float: the shortest digits that read back as `x`, fixed
/// notation for exponents -5 < e < 16, otherwise `1e+16` style.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    let n = digits.len() as i32;
    let body = if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt < n {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        } else {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{frac}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

/// `str(n)` of a JSON number: an integer's digits, a float's `repr`.
fn number_str(n: &Number) -> String {
    if n.is_f64() {
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    } else {
        n.to_string()
    }
}

/// `str(v)` of a value read from JSON (`None`, `True`, `5`, `5.0`, `['a']`).
pub fn str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        _ => repr(v),
    }
}

/// `repr(v)` of a value read from JSON.
pub fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => number_str(n),
        Value::String(s) => repr_str(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", repr_str(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Characters `str.isprintable` rejects, as ranges: controls, separators
/// other than the space, format characters, surrogates and private use
/// (from Python 3.11's tables; unassigned code points are not listed, so
/// they print as themselves here where Python escapes them).
const NOT_PRINTABLE: [(u32, u32); 28] = [
    (0x0, 0x1F),
    (0x7F, 0xA0),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xD800, 0xF8FF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
];

fn printable(c: char) -> bool {
    let cp = u32::from(c);
    !NOT_PRINTABLE.iter().any(|&(lo, hi)| lo <= cp && cp <= hi)
}

/// `repr(s)` of a string: single quotes unless it holds `'` and no `"`,
/// backslash escapes for the quote, `\`, `\t`, `\n`, `\r` and characters
/// that are not printable.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c => {
                let cp = u32::from(c);
                if cp <= 0xFF {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xFFFF {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `s[:n]` of a string: its first `n` characters.
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_is_pythons() {
        let cases = [
            (4814000000000.0, "4814000000000.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e16, "1.5e+16"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (0.8571, "0.8571"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (-2.5e-7, "-2.5e-07"),
            (6.5, "6.5"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn str_and_repr_are_pythons() {
        let cases = [
            (json!(null), "None", "None"),
            (json!(true), "True", "True"),
            (json!(5), "5", "5"),
            (json!(5.0), "5.0", "5.0"),
            (json!("hoà"), "hoà", "'hoà'"),
            (json!("it's"), "it's", "\"it's\""),
            (json!("a'b\"c"), "a'b\"c", "'a\\'b\"c'"),
            (json!("x\ny\u{a0}"), "x\ny\u{a0}", "'x\\ny\\xa0'"),
            (json!(["a", 1]), "['a', 1]", "['a', 1]"),
        ];
        for (v, s, r) in cases {
            assert_eq!(str(&v), s, "{v}");
            assert_eq!(repr(&v), r, "{v}");
        }
    }

    #[test]
    fn conversions_are_pythons() {
        assert_eq!(float(&json!(" 1_000.5 ")), Some(1000.5));
        assert_eq!(float(&json!("1__0")), None);
        assert_eq!(float(&json!("abc")), None);
        assert_eq!(float(&json!([1])), None);
        assert_eq!(float(&json!(true)), Some(1.0));
        assert_eq!(int(&json!(1.9)), Some(1));
        assert_eq!(int(&json!(-1.9)), Some(-1));
        assert_eq!(int(&json!(" 12 ")), Some(12));
        assert_eq!(int(&json!("1.5")), None);
        assert_eq!(int(&json!(null)), None);
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(true), &json!(1)));
        assert!(!eq(&json!("1"), &json!(1)));
        assert!(eq(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
        for (v, t) in [
            (json!(0), false),
            (json!(0.5), true),
            (json!(""), false),
            (json!([]), false),
            (json!("x"), true),
        ] {
            assert_eq!(truthy(&v), t, "{v}");
        }
        assert_eq!(strip("\u{1c} a \u{3000}"), "a");
        assert_eq!(prefix("hoà bình", 3), "hoà");
        assert_eq!(prefix("ab", 60), "ab");
    }
}
