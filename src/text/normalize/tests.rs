//! Tests of `normalize`: tables of cases and their expected values.

use super::*;
use crate::fold::fold;
use unicode_normalization::char::canonical_combining_class;

/// Python-style character offset of a byte offset.
fn py(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// Check every invariant of the map on one input.
fn check_map(orig: &str) -> NormText {
    let n = NormText::new(orig);
    assert_eq!(n.text, fold(orig), "input {orig:?}");
    let t = &n.text;
    assert_eq!(n.orig_byte(t.len()), orig.len(), "end of {orig:?}");
    assert_eq!(
        n.orig_char(t.len()),
        orig.chars().count(),
        "end of {orig:?}"
    );
    assert_eq!(n.orig_byte(0), if t.is_empty() { orig.len() } else { 0 });
    let mut prev = (0, 0);
    for b in (0..=t.len()).filter(|&b| t.is_char_boundary(b)) {
        let ob = n.orig_byte(b);
        let oc = n.orig_char(b);
        assert!(ob <= orig.len(), "{orig:?} {b}");
        assert!(
            orig.is_char_boundary(ob),
            "{orig:?}: norm {b} -> orig {ob} not a boundary"
        );
        assert_eq!(oc, py(orig, ob), "{orig:?}: char offset of norm {b}");
        assert!(
            ob >= prev.0 && oc >= prev.1,
            "{orig:?}: not monotonic at {b}"
        );
        prev = (ob, oc);
    }
    n
}

/// Original text of a normalized span.
fn span<'a>(n: &NormText, orig: &'a str, s: usize, e: usize) -> &'a str {
    &orig[n.orig_byte(s)..n.orig_byte(e)]
}

#[test]
fn normalizes_table() {
    let cases: &[(&str, &str)] = &[
        ("Nguye\u{302}\u{303}n", "Nguyễn"),
        ("4,2\u{a0}triệu", "4,2 triệu"),
        ("hoà", "hòa"),
        ("hòa", "hòa"),
        ("hoa\u{300}", "hòa"),
        ("ho\u{300}a", "hòa"),
        ("Thuỵ Sĩ", "Thụy Sĩ"),
        ("Thụy Sĩ", "Thụy Sĩ"),
        ("khoẻ", "khỏe"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("Hoà", "Hòa"),
        ("Oà", "Òa"),
        ("OÀ", "ÒA"),
        ("oÀ", "òA"),
        ("QUỶ", "QỦY"),
        ("hoặc", "hoặc"),
        ("Ðà Nẵng ðường", "Đà Nẵng đường"),
        ("a\u{200b}b\u{feff}c\u{ad}d\u{2060}e", "abcde"),
        ("“Ba rõ”", "\"Ba rõ\""),
        ("‘x’ ‚y", "'x' 'y"),
        ("«a»", "\"a\""),
        ("Trung Đông – Châu Phi", "Trung Đông - Châu Phi"),
        ("a—b―c‐d−e", "a-b-c-d-e"),
        ("chờ…", "chờ…"),
        ("a\tb\r\nc", "a b\n\nc"),
        ("a\rb", "a\nb"),
        ("a  b", "a b"),
        ("a \u{a0}\u{2003} b", "a b"),
        ("a \u{200b} b", "a b"),
        ("  a  \n  b  ", " a \n b "),
        ("o  \u{301}", "o \u{301}"),
        ("a\u{2028}b\u{2029}c", "a\nb\nc"),
        (
            "a\u{2003}b\u{202f}c\u{205f}d\u{3000}e\u{2000}f",
            "a b c d e f",
        ),
        ("", ""),
        ("\u{200b}", ""),
        ("o\u{200b}à", "òa"),
    ];
    for (input, want) in cases {
        let n = check_map(input);
        assert_eq!(&n.text, want, "input {input:?}");
    }
}

#[test]
fn nfd_maps_to_whole_sequence() {
    let orig = "Ông Nguye\u{302}\u{303}n Văn A";
    let n = check_map(orig);
    let s = n.text.find("Nguyễn").unwrap();
    let e = s + "Nguyễn".len();
    assert_eq!(span(&n, orig, s, e), "Nguye\u{302}\u{303}n");
    assert_eq!(n.orig_char(s), 4);
    assert_eq!(n.orig_char(e), 12);
    // the precomposed letter alone covers the three original characters
    let l = n.text.find('ễ').unwrap();
    assert_eq!(span(&n, orig, l, l + 'ễ'.len_utf8()), "e\u{302}\u{303}");
}

#[test]
fn offsets_after_replacements() {
    let orig = "Doanh thu “trên 4,2\u{a0}triệu” – hoà vốn";
    let n = check_map(orig);
    for word in ["trên 4,2 triệu", "hòa vốn", "Doanh", "\"trên"] {
        let s = n.text.find(word).unwrap();
        let e = s + word.len();
        let got = span(&n, orig, s, e);
        assert_eq!(fold(got), word, "{word}");
    }
    let s = n.text.find("hòa").unwrap();
    assert_eq!(span(&n, orig, s, s + "hòa".len()), "hoà");
    // Python offsets: "hoà" starts at char 33
    assert_eq!(
        n.orig_char(s),
        orig.find("hoà").map(|b| py(orig, b)).unwrap()
    );
    // a one-letter span inside the folded pair maps char for char
    let o = s + 1;
    assert_eq!(span(&n, orig, o, o + 'ò'.len_utf8()), "o");
}

#[test]
fn zero_width_goes_with_char_before() {
    let orig = "ab\u{200b}c";
    let n = check_map(orig);
    assert_eq!(n.text, "abc");
    assert_eq!(span(&n, orig, 1, 2), "b\u{200b}");
    assert_eq!(span(&n, orig, 2, 3), "c");
    let orig = "\u{feff}Tin";
    let n = check_map(orig);
    assert_eq!(n.text, "Tin");
    assert_eq!(n.orig_byte(0), 0);
    assert_eq!(span(&n, orig, 0, 1), "\u{feff}T");
}

#[test]
fn clean_display_keeps_spelling() {
    assert_eq!(
        clean_display("  Nguye\u{302}\u{303}n\u{a0}\u{a0}Văn   A \n"),
        "Nguyễn Văn A"
    );
    assert_eq!(clean_display("hoà “x” – Ðức\u{200b}"), "hoà “x” – Đức");
    assert_eq!(clean_display(""), "");
}

#[test]
fn fold_is_normtext() {
    for s in ["Hoà Bình", "QUỴ", "Ð", "x\u{a0}y", "  a  "] {
        assert_eq!(fold(s), NormText::new(s).text);
    }
}

#[test]
fn fast_boundary_ranges_are_stable_starters() {
    let ranges = (0u32..0x300).chain(0x1E00..=0x1EFF);
    for c in ranges.filter_map(char::from_u32) {
        assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
    }
}

#[test]
fn pure_nfc_has_one_anchor() {
    let s = "Chiều 20/12, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị. ".repeat(200);
    let n = NormText::new(&s);
    assert_eq!(n.text, s);
    assert_eq!(n.anchor_count(), 1);
    let b = n.text.len() - 10;
    assert_eq!(n.orig_char(b), py(&s, b));
}

/// A tiny deterministic generator (no extra crates).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn random_unicode_never_panics_and_maps_monotonically() {
    let alphabet: Vec<char> =
        "aeouyAOUĐđÐðàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉỲÝòóỏõọùúủũụÒÙ oOuU\n\t\r.,-–—“”‘’«»…0123456789"
            .chars()
            .chain([
                '\u{300}',
                '\u{301}',
                '\u{302}',
                '\u{303}',
                '\u{309}',
                '\u{323}',
                '\u{306}',
                '\u{31b}',
                '\u{a0}',
                '\u{200b}',
                '\u{200d}',
                '\u{feff}',
                '\u{ad}',
                '\u{2028}',
                '\u{2000}',
                '\u{2001}',
                '\u{212b}',
                '\u{1100}',
                '\u{1161}',
                '\u{11a8}',
                '\u{ac00}',
                '\u{0bbe}',
                '\u{0b95}',
                '\u{0344}',
                '\u{0340}',
                '\u{ffff}',
                '\u{10ffff}',
                '😀',
                'ﬁ',
                'Å',
                '\u{34f}',
            ])
            .collect();
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let len = (rng.next() % 40) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(rng.next() as usize) % alphabet.len()])
            .collect();
        check_map(&s);
    }
    // fully random scalar values
    for _ in 0..1000 {
        let len = (rng.next() % 30) as usize;
        let s: String = (0..len)
            .filter_map(|_| char::from_u32((rng.next() % 0x11_0000) as u32))
            .collect();
        check_map(&s);
    }
}

/// Whole-string NFC, then the character map, the space collapse and the
/// pair fold (`crate::fold::fold`): what the chunked, fast-path
/// implementation must agree with.
fn reference(s: &str) -> String {
    crate::fold::fold(s)
}

const REF_ITERS: usize = 5000;

#[test]
fn agrees_with_reference_on_vietnamese_alphabet() {
    let alphabet: Vec<char> =
        "hoaeuyOAUYàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴoOuU ăâêôơưđĐÐ\t.,\u{a0}\u{200b}\u{ad}“”–"
            .chars()
            .chain([
                '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}',
                '\u{31b}', '\t',
            ])
            .collect();
    let mut rng = Lcg(7);
    for _ in 0..REF_ITERS {
        let len = (rng.next() % 24) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(rng.next() as usize) % alphabet.len()])
            .collect();
        assert_eq!(NormText::new(&s).text, reference(&s), "{s:?}");
    }
    for s in [
        "Thuy\u{309}",
        "THUY\u{323}",
        "hoa\u{300}n",
        "Khoe\u{309}",
        "ho\u{200b}a\u{300}",
    ] {
        assert_eq!(NormText::new(s).text, reference(s), "{s:?}");
    }
    assert_eq!(fold("Thuy\u{309}"), "Thủy");
}

#[test]
fn long_text_char_offsets_use_checkpoints() {
    let unit = "Hoà bình\u{a0}và Nguye\u{302}\u{303}n “a” – ";
    let s = unit.repeat(100);
    let n = check_map(&s);
    assert!(n.text.len() > 4 * BLOCK);
}

#[test]
fn out_of_range_offsets_do_not_panic() {
    let n = NormText::new("Hoà\u{a0}bình");
    assert_eq!(n.orig_byte(10_000), n.orig_len());
    assert_eq!(n.orig_char(10_000), n.orig_chars());
    // a byte offset that is not a char boundary does not panic either
    let _ = n.orig_char(2);
    let _ = n.orig_byte(2);
}

/// `clean_display` without its fast path, as it was written first.
fn clean_display_slow(s: &str) -> String {
    clean_chars(s.nfc(), s.len())
}

/// The fast paths (`is_plain`, the class table of `scan_clean`,
/// `count_chars` eight bytes at a time) give what the plain code gives,
/// on every string of up to three characters of an alphabet of the
/// characters where they decide.
#[test]
fn fast_paths_agree_with_the_plain_code() {
    let alphabet = [
        "a", "o", "u", "O", " ", "\t", "\n", "\u{a0}", "\u{85}", "\u{ad}", "Ð", "ð", "à", "ừ", "ỳ",
        "Ỵ", "\u{300}", "\u{1ef9}", "\u{1e9e}", "\u{2019}", "—", "\u{200b}", "\u{7f}", "\u{1}",
        "ʼ", "\u{2ff}", "€", "한", "é", "e\u{301}", "x", ".",
    ];
    let strings = crate::fold::all_strings(&alphabet, 3);
    for s in &strings {
        assert_eq!(clean_display(s), clean_display_slow(s), "{s:?}");
        assert_eq!(count_chars(s.as_bytes()), s.chars().count(), "{s:?}");
        assert_eq!(NormText::new(s).text, reference_fold(s), "{s:?}");
    }
    let long = strings.concat();
    assert_eq!(count_chars(long.as_bytes()), long.chars().count());
}

/// `fold` through its own code path (not `NormText`).
fn reference_fold(s: &str) -> String {
    fold(s)
}
