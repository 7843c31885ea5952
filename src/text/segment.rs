//! Lines and sentences of a normalized text.
//!
//! A sentence ends at a line end, or at `.`, `!`, `?`, `…` / `...` (and the
//! Vietnamese end marker `./.`) followed by space(s) and then an upper-case
//! letter, a digit, a quote or an opening bracket. A closing quote or bracket
//! right after the stop belongs to the sentence. A dot with no space after it
//! never splits (`4.814`, `TP.HCM`, `H.Đ`, `vtv.vn`, `https://…/a.b`); a dot
//! after an abbreviation (`TS.`, `PGS.TS.`, `Tp.`), an initial (`Nguyễn V. A`,
//! `N.V.A.`) or a list marker (`1.`, `II.`) does not split either. The
//! abbreviations are data: `rules/text/abbreviations.toml`.

use std::ops::Range;

use crate::rules::text::{Abbreviations, TextRules};

/// Byte ranges (in the normalized text) of the non-empty lines, trimmed.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(text, start..i, &mut out);
        start = i + 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Byte ranges of the sentences, in order; each lies within one line.
/// Uses the embedded abbreviations.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_with(text, TextRules::builtin())
}

/// Byte ranges of the sentences, in order, trimmed; each lies within one
/// line, and together they cover every non-space character.
#[inline(never)] // one call per document: stays a frame of its own in profiles
pub fn sentences_with(text: &str, rules: &TextRules) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in lines(text) {
        split_line(text, line, &rules.abbrev, &mut out);
    }
    out
}

/// `r` with surrounding whitespace removed, pushed when not empty.
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    let end = start + t.trim_end().len();
    if end > start {
        out.push(start..end);
    }
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// The stop characters (`.`, `!`, `?`, `…`) of a line, in order: the ASCII
/// ones and the ellipses found by two fast searches, merged.
struct Stops<'a> {
    l: &'a str,
    /// The next ellipsis at or after the position asked for, if known.
    ellipsis: Option<Option<usize>>,
}

impl<'a> Stops<'a> {
    fn new(l: &'a str) -> Self {
        Stops { l, ellipsis: None }
    }

    /// The first stop character at or after byte `p` (a char boundary).
    #[inline]
    fn next(&mut self, p: usize) -> Option<(usize, char)> {
        let b = self.l.as_bytes();
        let rest = b.get(p..)?;
        let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| p + k);
        let ell = match self.ellipsis {
            Some(Some(e)) if e >= p => Some(e),
            Some(None) => None,
            _ => {
                let e = memchr::memmem::find(rest, "…".as_bytes()).map(|k| p + k);
                self.ellipsis = Some(e);
                e
            }
        };
        match (ascii, ell) {
            (Some(a), Some(e)) if e < a => Some((e, '…')),
            (Some(a), _) => Some((a, b[a] as char)),
            (None, Some(e)) => Some((e, '…')),
            (None, None) => None,
        }
    }
}

fn split_line(text: &str, line: Range<usize>, ab: &Abbreviations, out: &mut Vec<Range<usize>>) {
    let l = &text[line.clone()];
    let mut start = 0; // byte offset in `l` of the current sentence
    let mut p = 0;
    let mut stops = Stops::new(l);
    while let Some((at, c)) = stops.next(p) {
        p = at;
        // the run of stop characters: `.`, `...`, `?!`, `./.`
        let mut e = p + c.len_utf8();
        loop {
            match next_char(l, e) {
                Some(d) if is_stop(d) => e += d.len_utf8(),
                Some('/') if l[..e].ends_with('.') && l[e..].starts_with("/.") => e += 2,
                _ => break,
            }
        }
        let single_dot = c == '.' && e == p + 1;
        // closing quotes and brackets belong to the sentence
        let mut closed = false;
        while let Some(d) = next_char(l, e).filter(|&d| is_closing(d)) {
            e += d.len_utf8();
            closed = true;
        }
        // then space(s), then what may start a sentence
        let mut w = e;
        while let Some(d) = next_char(l, w).filter(|d| d.is_whitespace()) {
            w += d.len_utf8();
        }
        if w == e {
            p = e;
            continue;
        }
        let Some(next) = next_char(l, w) else { break };
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opening(next)) {
            p = w;
            continue;
        }
        if single_dot && !closed && no_split_after(&l[start..p], ab) {
            p = w;
            continue;
        }
        push_trimmed(text, line.start + start..line.start + e, out);
        start = w;
        p = w;
    }
    push_trimmed(text, line.start + start..line.end, out);
}

/// Whether a dot after `before` (the sentence so far) is not a sentence end.
fn no_split_after(before: &str, ab: &Abbreviations) -> bool {
    let before = before.trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| is_opening(c) || c == '-');
    if word.is_empty() {
        return false;
    }
    if ab.tokens.contains(word) {
        return true;
    }
    if let Some(last) = word.rsplit('.').next() {
        if last != word && ab.tokens.contains(last) {
            return true;
        }
    }
    if ab.initials.as_ref().is_some_and(|re| re.is_match(word)) {
        return true;
    }
    // the sentence so far is only a list marker: `1.`, `II.`, `a.`
    before.trim() == word && ab.list_marker.as_ref().is_some_and(|re| re.is_match(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn lines_are_trimmed_and_non_empty() {
        let t = "  a b \n\n   \nc\n d";
        let got: Vec<&str> = lines(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["a b", "c", "d"]);
        assert!(lines("").is_empty());
        assert!(lines("\n \n").is_empty());
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Một câu. Hai câu.", &["Một câu.", "Hai câu."]),
            (
                "Tăng 4.814 tỷ đồng. Giảm 6,5%.",
                &["Tăng 4.814 tỷ đồng.", "Giảm 6,5%."],
            ),
            (
                "Ở TP.HCM, giá tăng. Ở Hà Nội thì giảm.",
                &["Ở TP.HCM, giá tăng.", "Ở Hà Nội thì giảm."],
            ),
            (
                "Tại Tp. Hồ Chí Minh giá tăng.",
                &["Tại Tp. Hồ Chí Minh giá tăng."],
            ),
            (
                "Gồm gạo, cà phê v.v. và nhiều thứ khác.",
                &["Gồm gạo, cà phê v.v. và nhiều thứ khác."],
            ),
            (
                "Gồm gạo, cà phê, v.v. Năm nay tăng.",
                &["Gồm gạo, cà phê, v.v.", "Năm nay tăng."],
            ),
            (
                "Theo TS. Nguyễn Văn A, giá tăng.",
                &["Theo TS. Nguyễn Văn A, giá tăng."],
            ),
            (
                "Theo PGS.TS. Trần B, giá tăng.",
                &["Theo PGS.TS. Trần B, giá tăng."],
            ),
            (
                "ThS. Lê C và GS. Phạm D dự.",
                &["ThS. Lê C và GS. Phạm D dự."],
            ),
            ("Ông Th.S. Lê C dự.", &["Ông Th.S. Lê C dự."]),
            (
                "Ông Nguyễn V. A phát biểu.",
                &["Ông Nguyễn V. A phát biểu."],
            ),
            ("Tác giả N.V.A. Trần viết.", &["Tác giả N.V.A. Trần viết."]),
            ("H.Đ", &["H.Đ"]),
            (
                "Xem tại vtv.vn và https://a.vn/x.y. Sau đó đọc.",
                &["Xem tại vtv.vn và https://a.vn/x.y.", "Sau đó đọc."],
            ),
            (
                "Gửi thư tới a.b@c.vn. Cảm ơn.",
                &["Gửi thư tới a.b@c.vn.", "Cảm ơn."],
            ),
            ("Thực hiện./. Nơi nhận", &["Thực hiện./.", "Nơi nhận"]),
            ("biết, thực hiện./.", &["biết, thực hiện./."]),
            (
                "Ông nói: \"Tốt.\" Sau đó đi.",
                &["Ông nói: \"Tốt.\"", "Sau đó đi."],
            ),
            ("Ông nói (tốt.) Rồi đi.", &["Ông nói (tốt.)", "Rồi đi."]),
            (
                "Thật sao? Đúng vậy! Được…",
                &["Thật sao?", "Đúng vậy!", "Được…"],
            ),
            ("Chờ đã... Rồi tính.", &["Chờ đã...", "Rồi tính."]),
            ("Chờ đã… rồi tính.", &["Chờ đã… rồi tính."]),
            ("Tăng 10%. 5 dự án mới.", &["Tăng 10%.", "5 dự án mới."]),
            (
                "Kết thúc. \"Mở đầu\" mới.",
                &["Kết thúc.", "\"Mở đầu\" mới."],
            ),
            ("Kết thúc. (Ảnh: TTXVN)", &["Kết thúc.", "(Ảnh: TTXVN)"]),
            (
                "1. Bộ Công Thương chủ trì.",
                &["1. Bộ Công Thương chủ trì."],
            ),
            ("II. Nhiệm vụ trọng tâm", &["II. Nhiệm vụ trọng tâm"]),
            ("a. Về kinh tế.", &["a. Về kinh tế."]),
            (
                "Trong năm 2024. Tăng trưởng tốt.",
                &["Trong năm 2024.", "Tăng trưởng tốt."],
            ),
            ("Giá tăng. tiếp tục", &["Giá tăng. tiếp tục"]),
            (
                "Dòng một.\nDòng hai không chấm\n  Dòng ba.  ",
                &["Dòng một.", "Dòng hai không chấm", "Dòng ba."],
            ),
            (
                "Mr. Smith met Dr. Jones. They talked.",
                &["Mr. Smith met Dr. Jones.", "They talked."],
            ),
            (
                "Đạt 6,5 - 7%. Đó là mục tiêu.",
                &["Đạt 6,5 - 7%.", "Đó là mục tiêu."],
            ),
            (
                "UBND tỉnh. Đồng chí Nguyễn Dung dự.",
                &["UBND tỉnh.", "Đồng chí Nguyễn Dung dự."],
            ),
            (
                "Hợp tác với UBND. Sau đó tăng.",
                &["Hợp tác với UBND.", "Sau đó tăng."],
            ),
            ("  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "text {text:?}");
        }
    }

    #[test]
    fn sentences_cover_all_content_in_order() {
        let t = "Tiêu đề\n\nCâu một. Câu hai? \"Câu ba.\" (Ảnh: X)\n  TS. A nói… Được ./.  \n";
        let ranges = sentences(t);
        let mut prev_end = 0;
        let mut covered = String::new();
        for r in &ranges {
            assert!(r.start >= prev_end && r.start < r.end);
            let s = &t[r.clone()];
            assert_eq!(s, s.trim());
            assert!(!s.contains('\n'));
            covered.push_str(s);
            prev_end = r.end;
        }
        let all: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(got, all);
    }

    #[test]
    fn sentences_with_custom_rules() {
        let mut rules = TextRules::default();
        let t = "Gặp TS. Nguyễn A.";
        assert_eq!(sentences_with(t, &rules).len(), 2);
        rules.abbrev.tokens.insert("TS".into());
        assert_eq!(sentences_with(t, &rules).len(), 1);
    }
}
