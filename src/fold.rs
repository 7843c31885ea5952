//! Folding for matching: the character tables that make `hoà` and `hòa`,
//! `Ð` and `Đ`, a no-break space and a space, `“` and `"` one and the same
//! to every rule, and the length-preserving lower case the phrase automaton
//! runs on.
//!
//! This is a leaf: it imports nothing of ours. The text stage
//! (`text::normalize`) applies the same tables to whole documents while it
//! keeps a map back to the original; the rules loaders fold their literals
//! with [`fold`], so both sides agree.
//!
//! What [`fold`] does, in order:
//! 1. NFC (a decomposed `e` + marks becomes one precomposed letter);
//! 2. per character ([`map_char`]): Icelandic `Ð`/`ð` → `Đ`/`đ`; every Unicode
//!    whitespace but `\n` → ASCII space (U+2028/U+2029 → `\n`); zero-width and
//!    invisible characters removed; curly quotes → `"` / `'`; dashes
//!    U+2010–U+2015 and U+2212 → `-` (`…` is kept);
//! 3. a run of spaces becomes one space (so `4,2  triệu` reads as `4,2 triệu`);
//! 4. tone placement folded to the OLD style on `oa`, `oe`, `uy` ([`fold_pair`]:
//!    `hoà` → `hòa`, `Thuỵ` → `Thụy`), blindly on letter pairs, in every case.
//!
//! [`lower`] lower-cases one character at a time and keeps a character whose
//! lower case would change its UTF-8 length (`İ`, `ẞ`): byte offsets in the
//! lower-case copy are the offsets of the folded text.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What folding does to one (already NFC) character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Map {
    Keep,
    To(char),
    Remove,
}

/// Zero-width and invisible characters that folding removes.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}')
}

/// The per-character map (step 2 of the module doc).
pub fn map_char(c: char) -> Map {
    match c {
        ' ' | '\n' => Map::Keep,
        // line ends of every convention (CR alone, CRLF, NEL, LS, PS) are
        // line breaks: `\r\n` becomes two, and empty lines count for nothing
        '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Map::To('\n'),
        c if is_invisible(c) => Map::Remove,
        c if c.is_whitespace() => Map::To(' '),
        'Ð' => Map::To('Đ'),
        'ð' => Map::To('đ'),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => Map::To('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Map::To('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Map::To('-'),
        _ => Map::Keep,
    }
}

const A_LOWER: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
const A_UPPER: [char; 5] = ['À', 'Á', 'Ả', 'Ã', 'Ạ'];
const E_LOWER: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
const E_UPPER: [char; 5] = ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'];
const Y_LOWER: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
const Y_UPPER: [char; 5] = ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'];
const O_LOWER: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
const O_UPPER: [char; 5] = ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'];
const U_LOWER: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
const U_UPPER: [char; 5] = ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'];

/// New-style tone placement on a pair (`o` + `à`) → old style (`ò` + `a`).
pub fn fold_pair(first: char, second: char) -> Option<(char, char)> {
    let pos = |set: &[char; 5]| set.iter().position(|&x| x == second);
    let (toned, idx, base) = match first {
        'o' | 'O' => {
            let toned = if first == 'o' { &O_LOWER } else { &O_UPPER };
            if let Some(i) = pos(&A_LOWER) {
                (toned, i, 'a')
            } else if let Some(i) = pos(&A_UPPER) {
                (toned, i, 'A')
            } else if let Some(i) = pos(&E_LOWER) {
                (toned, i, 'e')
            } else if let Some(i) = pos(&E_UPPER) {
                (toned, i, 'E')
            } else {
                return None;
            }
        }
        'u' | 'U' => {
            let toned = if first == 'u' { &U_LOWER } else { &U_UPPER };
            if let Some(i) = pos(&Y_LOWER) {
                (toned, i, 'y')
            } else if let Some(i) = pos(&Y_UPPER) {
                (toned, i, 'Y')
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some((toned[idx], base))
}

/// A tone-marked `a`, `e` or `y` (either case): the second letter of a pair
/// whose tone [`fold_pair`] may move.
pub fn is_toned_aey(c: char) -> bool {
    A_LOWER.contains(&c)
        || E_LOWER.contains(&c)
        || Y_LOWER.contains(&c)
        || A_UPPER.contains(&c)
        || E_UPPER.contains(&c)
        || Y_UPPER.contains(&c)
}

/// Whether NFC of a string can be computed separately before `c`: `c` is a
/// starter that never combines with what precedes it.
pub fn is_boundary(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return true;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) != IsNormalized::Maybe
}

/// The character alone is in NFC (not a singleton like U+0340 or U+F900
/// that NFC replaces).
pub fn is_nfc_char(c: char) -> bool {
    let u = c as u32;
    u < 0x300
        || (0x1E00..=0x1EFF).contains(&u)
        || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// [`compute_class`]: the character and the one before it always compose
/// apart (it is a NFC starter that never combines backwards).
pub const BOUNDARY: u8 = 1;
/// Normalization keeps the character as it is (no map, NFC alone).
pub const KEPT: u8 = 2;
/// A tone-marked `a`, `e` or `y`: its tone moves onto an `o` or `u` before it.
pub const TONED: u8 = 4;

/// What normalization may do to `c`, as the flags above.
pub fn compute_class(c: char) -> u8 {
    let mut f = 0;
    if is_boundary(c) {
        f |= BOUNDARY;
    }
    if map_char(c) == Map::Keep && is_nfc_char(c) {
        f |= KEPT;
    }
    if is_toned_aey(c) {
        f |= TONED;
    }
    f
}

/// The class of [`compute_class`], read from a table for the characters of
/// Vietnamese text.
pub fn class_table() -> &'static CharTable<u8> {
    static T: std::sync::OnceLock<CharTable<u8>> = std::sync::OnceLock::new();
    T.get_or_init(|| CharTable::new(compute_class))
}

/// A fact of every character, computed once for the characters Vietnamese
/// text is made of (below U+0800, and U+1E00..U+1EFF) and kept in a table;
/// computed on each call for the others.
#[derive(Debug, Clone)]
pub struct CharTable<T> {
    table: Box<[T]>,
    compute: fn(char) -> T,
}

/// Code points below this have their entry in the table…
const TABLE_LOW: usize = 0x800;
/// …and so have U+1E00..U+1EFF (Latin Extended Additional).
const TABLE_EXT: usize = 0x1E00;

impl<T: Copy> CharTable<T> {
    pub fn new(compute: fn(char) -> T) -> CharTable<T> {
        let table = (0..TABLE_LOW as u32)
            .chain(TABLE_EXT as u32..TABLE_EXT as u32 + 0x100)
            .map(|u| compute(char::from_u32(u).unwrap_or('\u{FFFD}')))
            .collect();
        CharTable { table, compute }
    }

    /// What `compute` says of `c`.
    #[inline]
    pub fn get(&self, c: char) -> T {
        let u = c as usize;
        if u < TABLE_LOW {
            self.table[u]
        } else if (TABLE_EXT..TABLE_EXT + 0x100).contains(&u) {
            self.table[TABLE_LOW + u - TABLE_EXT]
        } else {
            (self.compute)(c)
        }
    }
}

/// The character whose UTF-8 starts at byte `i` of `b` (valid UTF-8, `b[i]`
/// not ASCII), and its length; U+FFFD for a broken sequence.
#[inline]
pub fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let x = b[i] as u32;
    let at = |k: usize| b.get(i + k).map_or(0, |&y| y as u32 & 0x3F);
    let (u, l) = if x < 0xE0 {
        (((x & 0x1F) << 6) | at(1), 2)
    } else if x < 0xF0 {
        (((x & 0x0F) << 12) | (at(1) << 6) | at(2), 3)
    } else {
        (((x & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3), 4)
    };
    (char::from_u32(u).unwrap_or('\u{FFFD}'), l)
}

/// `s` is folded already: every character is kept as it is (a NFC
/// starter that maps to itself), no tone moves (`o`/`u` before a toned
/// `a`/`e`/`y`) and no space follows a space. Then `fold(s) == s`.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    let t = class_table();
    let mut prev = 0u8;
    for (i, c) in s.char_indices() {
        let x = b[i];
        if x < 0x80 {
            if matches!(x, 9 | 11 | 12 | 13) || (x == b' ' && prev == b' ') {
                return false;
            }
        } else {
            let class = t.get(c);
            if class & (BOUNDARY | KEPT) != BOUNDARY | KEPT
                || (class & TONED != 0 && matches!(prev, b'o' | b'O' | b'u' | b'U'))
            {
                return false;
            }
        }
        prev = x;
    }
    true
}

/// Fold a string for matching (every step of the module doc). The text
/// stage's `NormText` gives the same text for a whole document.
pub fn fold(s: &str) -> String {
    if is_folded(s) {
        return s.to_owned();
    }
    // Vietnamese letters are precomposed (below U+0300 or in U+1E00..U+1EFF):
    // NFC leaves a string of only those as it is
    if s.chars().all(is_precomposed) {
        fold_chars(s.chars(), s.len())
    } else {
        fold_chars(s.nfc(), s.len())
    }
}

/// A character that NFC leaves alone whatever its neighbours: it is below
/// U+0300 (no combining mark) or in Latin Extended Additional.
#[inline]
pub fn is_precomposed(c: char) -> bool {
    let u = c as u32;
    u < 0x300 || (0x1E00..=0x1EFF).contains(&u)
}

fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut mapped: Vec<char> = Vec::with_capacity(len);
    for c in chars {
        let c = match map_char(c) {
            Map::Keep => c,
            Map::To(x) => x,
            Map::Remove => continue,
        };
        if c == ' ' && mapped.last() == Some(&' ') {
            continue;
        }
        mapped.push(c);
    }
    let mut out = String::with_capacity(len);
    let mut i = 0;
    while i < mapped.len() {
        if let Some((a, b)) = mapped.get(i + 1).and_then(|&n| fold_pair(mapped[i], n)) {
            out.push(a);
            out.push(b);
            i += 2;
        } else {
            out.push(mapped[i]);
            i += 1;
        }
    }
    out
}

/// The lower case of one character when it has the same UTF-8 length (and
/// is one character), else the character itself.
#[inline]
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    if u < 0x80 {
        return c.to_ascii_lowercase();
    }
    // Vietnamese letters of Latin Extended Additional: upper case even, lower odd
    if (0x1EA0..=0x1EF9).contains(&u) {
        return if u % 2 == 0 {
            char::from_u32(u + 1).unwrap_or(c)
        } else {
            c
        };
    }
    if !c.is_uppercase() {
        return c;
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Append the lower case of `s` to `out`, character by character with
/// [`lower_char`]: the result has exactly the byte length of `s`.
pub fn lower_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII runs go byte by byte
        let start = i;
        while i < b.len() && b[i] < 0x80 {
            i += 1;
        }
        if i > start {
            let from = out.len();
            out.push_str(&s[start..i]);
            out[from..].make_ascii_lowercase();
        }
        if i >= b.len() {
            break;
        }
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(lower_char(c));
        i += c.len_utf8();
    }
}

/// The lower case of `s` with the byte length of `s` (see [`lower_into`]).
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    lower_into(s, &mut out);
    out
}

/// Lower case without tone or vowel marks, `đ` as `d`: the key that forgives
/// a misspelt word (`Chị thị` for `Chỉ thị`).
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Every string of at most `max` pieces of `alphabet` (for tests that
/// compare a fast path with the plain code on every short string).
#[cfg(test)]
pub(crate) fn all_strings(alphabet: &[&str], max: usize) -> Vec<String> {
    let mut strings = vec![String::new()];
    let mut last = strings.clone();
    for _ in 0..max {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        strings.extend(last.iter().cloned());
    }
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases: &[(&str, &str)] = &[
            ("Nguye\u{302}\u{303}n", "Nguyễn"),
            ("4,2\u{a0}triệu", "4,2 triệu"),
            ("4,2 \u{a0} triệu", "4,2 triệu"),
            ("hoà", "hòa"),
            ("hoa\u{300}", "hòa"),
            ("Thuỵ Sĩ", "Thụy Sĩ"),
            ("khoẻ", "khỏe"),
            ("QUỶ", "QỦY"),
            ("Ðà Nẵng", "Đà Nẵng"),
            ("a\u{200b}b", "ab"),
            ("a \u{200b} b", "a b"),
            ("“Ba rõ”", "\"Ba rõ\""),
            ("Trung Đông – Châu Phi", "Trung Đông - Châu Phi"),
            ("a\tb\r\nc", "a b\n\nc"),
            ("a\rb\u{85}c", "a\nb\nc"),
            ("a  \n  b", "a \n b"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(&fold(input), want, "{input:?}");
        }
    }

    /// `fold` of a string it leaves as it is takes the fast path; both
    /// paths agree on every string of up to three characters of an alphabet
    /// of the characters where they differ.
    #[test]
    fn fast_path_agrees() {
        fn slow(s: &str) -> String {
            fold_chars(s.nfc(), s.len())
        }
        let alphabet = [
            "a", "o", "U", "à", "ẻ", "ỹ", " ", "\n", "\t", "\r", "\u{a0}", "\u{300}", "Ð",
            "\u{200b}", "“", "–", "x", "ơ", "\u{1}",
        ];
        for s in &all_strings(&alphabet, 3) {
            assert_eq!(fold(s), slow(s), "{s:?}");
        }
    }

    #[test]
    fn lower_keeps_length() {
        for s in [
            "Nguyễn ĐỨC Hải",
            "İstanbul",
            "ẞ",
            "ÀÁẢÃẠ ƠƯĂ Ω",
            "ABC xyz 123",
            "Ǆ",
        ] {
            let l = lower(s);
            assert_eq!(l.len(), s.len(), "{s}");
        }
        assert_eq!(lower("Nguyễn ĐỨC Hải ƠƯĂ"), "nguyễn đức hải ơưă");
        assert_eq!(lower("İ"), "İ");
        for c in ('\u{1EA0}'..='\u{1EF9}').chain('À'..='ž') {
            let l = lower_char(c);
            if l != c {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c}");
            }
        }
    }

    #[test]
    fn strip_marks_forgives_tone_marks() {
        assert_eq!(strip_marks("Chị thị"), strip_marks("Chỉ thị"));
        assert_eq!(strip_marks("Đảng"), "dang");
    }
}
