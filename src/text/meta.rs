//! Document metadata read from the text: title, published date, url, authors,
//! and the lines that are not article body (stamps, bylines, menus).
//!
//! Every line is first classified with the rules of `rules/text/meta.toml`:
//! site furniture (menus, widgets, share buttons), a `Nguồn:` line, a stamp
//! line (`20:46, 20/12/2024`), a byline or credit line (`Tin, ảnh: Cẩm Trúc`,
//! `(Vietnam+)`), or text. Then:
//!
//! - the *header* is every line before the first paragraph (a long line, or one
//!   ending in a full stop with enough words);
//! - the *title* is the headline-like line next to a stamp line of the header
//!   (just before it, else just after it); without such a stamp, the first
//!   headline-like line of the header; none when the text opens with a
//!   paragraph;
//! - *published* is the date of that stamp line, else of the stamp line
//!   nearest the title (dates inside sentences never count);
//! - *url* comes from a `Nguồn: URL` line;
//! - *authors* are the person names of bylines, of photo credits inside
//!   captions (`(Ảnh: Dương Giang/TTXVN)`, `… 2018. Ảnh: Thành Công`), of a
//!   name line right under the title (`H.Đ`) and of a signature at the end
//!   (`Diệu Hoa` before `Nguồn:`, a signer under `BỘ TRƯỞNG, CHỦ NHIỆM`).
//!   News agencies (`TTXVN`, `Vietnam+`, `VNS`) are not persons;
//! - *skip* holds the lines (and inline credits) that extractors must not
//!   read: furniture, stamps, bylines, credits, `Nguồn:` lines, menus above the
//!   title, signatures and lists of recipients. Captions stay (people in
//!   them count), and so do official header lines like `Số: 1583/CĐ-VPCP`.

use super::date::iso_date;
use std::ops::Range;

use super::normalize::{clean_display, NormText};
use super::segment;
use crate::rules::text::{BylineRules, MetaRules, TextRules};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    /// Byte range of the title line in the normalized text.
    pub title_range: Option<Range<usize>>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// Byte range of each author's name in the normalized text (same order).
    pub author_ranges: Vec<Range<usize>>,
    /// Byte ranges (normalized text) that extractors must skip: stamp lines,
    /// bylines and credits, `Nguồn:` lines, menus and widgets.
    pub skip: Vec<Range<usize>>,
}

impl Meta {
    /// Whether a byte range of the normalized text overlaps a skipped range.
    pub fn overlaps_skip(&self, r: &Range<usize>) -> bool {
        let i = self.skip.partition_point(|s| s.end <= r.start);
        self.skip
            .get(i)
            .is_some_and(|s| s.start < r.end.max(r.start + 1))
    }
}

/// Longer lines are body text: no whole-line pattern (furniture, stamp, byline,
/// related-links header, recipients) is tried on them. With the spaces of the
/// normalized text single, none of the embedded patterns can match that long a line.
const MAX_SHORT_LINE: usize = 400;

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Menus, widgets, share buttons.
    Noise,
    /// A `Nguồn:` line, with its URL if any.
    Source(Option<String>),
    /// A date/time stamp line, with its date if valid.
    Stamp(Option<String>),
    /// A byline or credit line, with the person names in it (maybe none),
    /// as byte ranges of the normalized text.
    Byline(Vec<Range<usize>>),
    Text,
}

struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
    kind: Kind,
    /// Its word count, counted when first asked (most lines never are).
    words: std::cell::OnceCell<usize>,
}

impl Line<'_> {
    fn words(&self) -> usize {
        *self.words.get_or_init(|| word_count(self.text))
    }
}

/// [`extract`], with `title` and `authors` taken from the ORIGINAL text
/// (through the offset map, then [`clean_display`]): the writer's spelling,
/// not the folded one (`hoàn`, not `hòan`). Ranges stay in the normalized text.
#[inline(never)] // one call per document: stays a frame of its own in profiles
pub fn extract_display(nt: &NormText, original: &str, rules: &TextRules) -> Meta {
    let mut meta = extract(&nt.text, rules);
    let display = |r: &Range<usize>| {
        let o = nt.orig_byte_range(r.clone());
        original
            .get(o)
            .map(clean_display)
            .unwrap_or_else(|| clean_display(&nt.text[r.clone()]))
    };
    if let Some(r) = &meta.title_range {
        meta.title = Some(display(r));
    }
    meta.authors = meta.author_ranges.iter().map(display).collect();
    meta
}

/// Byte range of `part` (a slice of `base`) inside `base`.
fn range_in(base: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len());
    start..(start + part.len()).min(base.len())
}

/// Title, url, published date, authors and skipped ranges of a normalized text.
/// `title` and `authors` are slices of the normalized text; see
/// [`extract_display`] for the original spelling.
pub fn extract(norm: &str, rules: &TextRules) -> Meta {
    let m = &rules.meta;
    let mut block_start = None;
    let lines: Vec<Line> = segment::lines(norm)
        .into_iter()
        .flat_map(|range| split_glued_stamp(norm, range, m))
        .enumerate()
        .map(|(i, range)| {
            let text = &norm[range.clone()];
            // whole-line patterns: a line of body length never matches them
            if block_start.is_none()
                && text.len() <= MAX_SHORT_LINE
                && m.block_starts.iter().any(|re| re.is_match(text))
            {
                block_start = Some(i);
            }
            Line {
                kind: classify(norm, text, m),
                words: std::cell::OnceCell::new(),
                text,
                range,
            }
        })
        .collect();
    // `Tin liên quan` and everything under it is furniture
    let mut lines = lines;
    if let Some(b) = block_start {
        // only in the second half of the text: a block at the top is a menu
        if b * 2 >= lines.len() {
            for l in &mut lines[b..] {
                l.kind = Kind::Noise;
            }
        }
    }
    let n = lines.len();
    let outlets = outlet_tags(&lines);
    let mut meta = Meta::default();
    let mut skip: Vec<Range<usize>> = Vec::new();
    let mut authors: Vec<Range<usize>> = Vec::new();

    // The header: lines before the first paragraph.
    let header_end = lines.iter().position(|l| is_paragraph(l, m)).unwrap_or(n);

    // Title, and the stamp that goes with it.
    let (title_idx, title_stamp) = find_title(&lines[..header_end], m);
    if let Some(t) = title_idx {
        meta.title = Some(single_spaced(lines[t].text));
        meta.title_range = Some(lines[t].range.clone());
    }

    // Published: the title's stamp, else the dated stamp nearest the title,
    // else the first dated stamp of the header, else of the text.
    let dated = |i: usize| matches!(&lines[i].kind, Kind::Stamp(Some(_)));
    let stamp_idx = match (title_stamp.filter(|&s| dated(s)), title_idx) {
        (Some(s), _) => Some(s),
        (None, Some(t)) => (0..n)
            .filter(|&i| dated(i))
            .min_by_key(|&i| (i.abs_diff(t), i < t)),
        (None, None) => (0..header_end)
            .find(|&i| dated(i))
            .or_else(|| (0..n).find(|&i| dated(i))),
    };
    if let Some(Kind::Stamp(Some(d))) = stamp_idx.map(|i| &lines[i].kind) {
        meta.published = Some(d.clone());
    }
    if meta.published.is_none() {
        meta.published = meta.title.as_deref().and_then(|t| title_day(t, norm, m));
    }

    // Classified lines: url, bylines, and what to skip.
    for l in &lines {
        match &l.kind {
            Kind::Noise | Kind::Stamp(_) => skip.push(l.range.clone()),
            Kind::Source(url) => {
                if meta.url.is_none() {
                    meta.url = url.clone();
                }
                skip.push(l.range.clone());
            }
            Kind::Byline(names) => {
                authors.extend(names.iter().cloned());
                skip.push(l.range.clone());
            }
            Kind::Text => inline_credits(norm, l, m, &mut authors, &mut skip),
        }
    }

    if let Some(t) = title_idx {
        // Site navigation above the title.
        for l in &lines[..t] {
            if l.kind == Kind::Text && is_nav(l, m) {
                skip.push(l.range.clone());
            }
        }
        // A name line right under the title (and its stamp): `H.Đ`.
        for l in &lines[t + 1..header_end] {
            match &l.kind {
                Kind::Text => match signature_names(l.text, &m.byline, m, false, &outlets) {
                    Some(names) => {
                        authors.extend(names.into_iter().map(|a| range_in(norm, a)));
                        skip.push(l.range.clone());
                    }
                    None => break,
                },
                _ => continue,
            }
        }
    }

    recipients(&lines, m, &mut skip);
    signature(
        norm,
        &lines,
        header_end,
        m,
        &outlets,
        &mut authors,
        &mut skip,
    );

    // Authors in text order, each once.
    authors.sort_by_key(|r| (r.start, r.end));
    let mut seen = std::collections::HashSet::new();
    for r in authors {
        let name = &norm[r.clone()];
        if seen.insert(name.to_lowercase()) {
            meta.authors.push(single_spaced(name));
            meta.author_ranges.push(r);
        }
    }
    meta.skip = merge(skip);
    meta
}

/// `01/05/2021 21:32Du khách đổ về …`: a stamp glued by a scraper to the
/// line after it is a line of its own (`stamp.glued`).
fn split_glued_stamp(
    norm: &str,
    range: Range<usize>,
    m: &MetaRules,
) -> impl Iterator<Item = Range<usize>> {
    let text = norm.get(range.clone()).unwrap_or("");
    let at = |re: &regex::Regex, group: &str| {
        let e = re.captures(text)?.name(group)?.end();
        (e > 0 && e < text.len()).then_some(range.start + e)
    };
    let glued = m
        .stamp
        .glued
        .as_ref()
        .and_then(|re| at(re, "stamp"))
        .or_else(|| {
            // only a short line holds something else and a stamp
            (text.len() <= MAX_SHORT_LINE)
                .then(|| m.stamp.split_before.iter().find_map(|re| at(re, "before")))
                .flatten()
        });
    let (head, rest) = match glued {
        Some(at) => {
            // the second part starts after the spaces between the two
            let gap = norm
                .get(at..range.end)
                .map_or(0, |r| r.len() - r.trim_start().len());
            (range.start..at, Some(at + gap..range.end))
        }
        None => (range, None),
    };
    std::iter::once(head).chain(rest)
}

fn single_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words with a letter or digit, split at spaces (the only white space of
/// the normalized text within a line).
fn word_count(s: &str) -> usize {
    let b = s.as_bytes();
    let mut count = 0;
    let mut counted = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            counted = false;
        } else if !counted {
            let alnum = if c < 0x80 {
                c.is_ascii_alphanumeric()
            } else {
                s.get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
            };
            if alnum {
                count += 1;
                counted = true;
            }
        }
        i += 1;
    }
    count
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// What a line (`text`, a slice of `norm`) is.
fn classify(norm: &str, text: &str, m: &MetaRules) -> Kind {
    if text.len() > MAX_SHORT_LINE {
        return Kind::Text;
    }
    if m.kind_set.as_ref().is_some_and(|set| !set.is_match(text)) {
        // no furniture, source or byline pattern can match: body or stamp
        return match stamp(text, m) {
            Some(date) => Kind::Stamp(date),
            None => Kind::Text,
        };
    }
    let noise = match &m.noise_set {
        Some(set) => set.is_match(text),
        None => m.noise.iter().any(|re| re.is_match(text)),
    };
    if noise {
        return Kind::Noise;
    }
    if let Some(c) = m.url_line.as_ref().and_then(|re| re.captures(text)) {
        let rest = c.name("rest").map_or("", |r| r.as_str());
        let url = m.url.as_ref().and_then(|re| re.find(rest)).map(|u| {
            u.as_str()
                .trim_end_matches(|c: char| {
                    matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '"' | '\'')
                })
                .to_string()
        });
        return Kind::Source(url);
    }
    if let Some(date) = stamp(text, m) {
        return Kind::Stamp(date);
    }
    if let Some(names) = byline_line(text, m) {
        return Kind::Byline(names.into_iter().map(|a| range_in(norm, a)).collect());
    }
    for re in &m.byline.credit_lines {
        let names = re.captures(text).and_then(|c| c.name("names"));
        if names.is_some_and(|x| credit_names(x.as_str(), &m.byline).is_some()) {
            return Kind::Byline(Vec::new());
        }
    }
    Kind::Text
}

/// Stands for a date while a stamp line is split into parts.
const DATE_MARK: &str = "\u{1}";

/// `Some(date)` when the line is a stamp line (the date is `None` when it
/// is not a valid date).
fn stamp(text: &str, m: &MetaRules) -> Option<Option<String>> {
    let st = &m.stamp;
    if !has_digit(text) || text.chars().count() > st.max_chars {
        return None;
    }
    let (split, segment) = (st.split.as_ref()?, st.segment.as_ref()?);
    // Dates may hold separators (`September 20, 2022`): each is replaced by
    // one placeholder before the line is split.
    let mut spans: Vec<Range<usize>> = Vec::new();
    for re in &st.dates {
        for c in re.captures_iter(text) {
            let groups = ["d", "m", "mon", "y"].iter().filter_map(|g| c.name(g));
            let (s, e) = groups.fold((usize::MAX, 0), |(s, e), g| {
                (s.min(g.start()), e.max(g.end()))
            });
            if s < e && !spans.iter().any(|r| r.start < e && s < r.end) {
                spans.push(s..e);
            }
        }
    }
    if spans.is_empty() {
        return None;
    }
    spans.sort_by_key(|r| r.start);
    let mut flat = String::with_capacity(text.len());
    let mut last = 0;
    for r in &spans {
        flat.push_str(&text[last..r.start]);
        flat.push_str(DATE_MARK);
        last = r.end;
    }
    flat.push_str(&text[last..]);
    let segs: Vec<&str> = split
        .split(&flat)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    // the stamp parts are one run; at most one free run of plain words
    // before or after it (`Hà Nội, ngày …`, `… | Sản phẩm - Dịch vụ`)
    let is_stamp = |seg: &str| segment.is_match(&seg.replace(DATE_MARK, "01/01/2000"));
    let first = segs.iter().position(|s| is_stamp(s))?;
    let last = segs.iter().rposition(|s| is_stamp(s))?;
    if !segs[first..=last].iter().all(|s| is_stamp(s))
        || !segs[first..=last].iter().any(|s| s.contains(DATE_MARK))
    {
        return None;
    }
    let free = if first > 0 {
        &segs[..first]
    } else {
        &segs[last + 1..]
    };
    if (first > 0 && last + 1 < segs.len())
        || free.iter().map(|s| word_count(s)).sum::<usize>() > st.max_free_words
        || free
            .iter()
            .any(|s| has_digit(s) || s.contains(DATE_MARK) || s.ends_with('.'))
    {
        return None;
    }
    Some(find_date(text, m))
}

/// `Ngày 21/11: Giá xăng dầu …` with no stamp: the day of the headline,
/// in the latest year of the full dates of its month or the month before
/// written in the text (`… ngày 20/11/2025 …`); none when there is none.
fn title_day(title: &str, text: &str, m: &MetaRules) -> Option<String> {
    let st = &m.stamp;
    let c = st.title_day.as_ref()?.captures(title)?;
    let num = |g: &str| c.name(g).and_then(|x| x.as_str().parse::<u32>().ok());
    let (d, mo) = (num("d")?, num("m")?);
    // `3/0` is no date (and `mo - 1` below must not go under zero)
    if !(1..=12).contains(&mo) {
        return None;
    }
    let before = if mo == 1 { 12 } else { mo - 1 };
    let mut year: Option<u32> = None;
    for re in &st.dates {
        for c in re.captures_iter(text) {
            let n = |g: &str| c.name(g).and_then(|x| x.as_str().parse::<u32>().ok());
            let (Some(y), Some(m2)) = (n("y"), n("m")) else {
                continue;
            };
            // December before a January headline is the year before
            let y = if mo == 1 && m2 == 12 { y.saturating_add(1) } else { y };
            if (m2 == mo || m2 == before) && year.is_none_or(|x| x < y) {
                year = Some(y);
            }
        }
    }
    iso_date(year?, mo, d)
}

/// The leftmost valid date of a stamp line, as `YYYY-MM-DD`.
fn find_date(text: &str, m: &MetaRules) -> Option<String> {
    let st = &m.stamp;
    let mut best: Option<(usize, String)> = None;
    for re in &st.dates {
        for c in re.captures_iter(text) {
            let start = c.get(0).map_or(0, |x| x.start());
            if best.as_ref().is_some_and(|(b, _)| *b <= start) {
                break;
            }
            let num = |g: &str| c.name(g).and_then(|x| x.as_str().parse::<u32>().ok());
            let month = num("m").or_else(|| {
                c.name("mon").and_then(|x| {
                    st.months
                        .get(x.as_str().to_lowercase().trim_end_matches('.'))
                        .copied()
                })
            });
            if let (Some(d), Some(mo), Some(y)) = (num("d"), month, num("y")) {
                if let Some(iso) = iso_date(y, mo, d) {
                    best = Some((start, iso));
                    break;
                }
            }
        }
    }
    best.map(|(_, d)| d)
}

const PUNCT: &[char] = &[
    '.', ',', ';', ':', '-', '|', '(', ')', '[', ']', '"', '\'', '*',
];

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || PUNCT.contains(&c))
}

/// `p`, a name piece inside `within`: initials keep the final dot written
/// after them (`Q.M.`; `P.V` stays `P.V`).
fn keep_initials_dot<'a>(p: &'a str, within: &'a str) -> &'a str {
    let initials = p.contains('.')
        && p.split('.').all(|part| {
            let part = part.trim();
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_uppercase)
        });
    let r = range_in(within, p);
    match within.get(r.end..r.end + 1) {
        Some(".") if initials => within.get(r.start..r.end + 1).unwrap_or(p),
        _ => p,
    }
}

fn is_agency(p: &str, b: &BylineRules) -> bool {
    let lower = p.to_lowercase();
    b.agencies.contains(&lower)
        || lower
            .split_whitespace()
            .any(|w| b.agencies.contains(trim_punct(w)))
        || b.agency_shapes.iter().any(|re| re.is_match(p))
}

/// The outlet tags that open a paragraph (`(BTV) - …`, `(PLO) …`,
/// `(NLĐO) –`): the same short name signing the article is the outlet,
/// not a person.
fn outlet_tags<'a>(lines: &[Line<'a>]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for l in lines {
        let Some(rest) = l.text.strip_prefix('(') else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        let tag = rest[..close].trim();
        let n = tag.chars().count();
        if (2..=12).contains(&n)
            && tag
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '+' | ' ' | '-'))
            && close + 1 < rest.len()
        {
            out.push(tag);
        }
    }
    out
}

/// `thực hiện` of `Thanh Tùng (thực hiện)`: what the person did.
fn is_credit_role(p: &str, b: &BylineRules) -> bool {
    b.credit_roles.contains(&p.to_lowercase())
}

/// `Cự Giải (T/h)` → `Cự Giải`: a credit role in brackets at the end,
/// taken off whole (its own `/` would split it).
fn strip_credit_role<'a>(text: &'a str, b: &BylineRules) -> &'a str {
    let Some(inner) = text.strip_suffix(')') else {
        return text;
    };
    match inner.rfind('(') {
        Some(open) if is_credit_role(inner[open + 1..].trim(), b) => text[..open].trim_end(),
        _ => text,
    }
}

fn starts_with_org_word(p: &str, b: &BylineRules) -> bool {
    p.split_whitespace()
        .next()
        .is_some_and(|w| b.org_words.contains(w))
}

/// The person names in a credit (`Dương Giang/TTXVN` → `Dương Giang`).
/// `None` when a piece is neither a name nor a known non-person: then the
/// text is not a credit at all (`Ảnh: Thủ tướng phát biểu`).
fn credit_names<'a>(s: &'a str, b: &BylineRules) -> Option<Vec<&'a str>> {
    let split = b.split.as_ref()?;
    let mut out = Vec::new();
    for piece in split.split(trim_punct(s)) {
        let p = keep_initials_dot(trim_punct(piece), s);
        if p.is_empty()
            || is_agency(p, b)
            || is_credit_role(p, b)
            || b.not_names.contains(&p.to_lowercase())
        {
            continue;
        }
        let shaped = !has_digit(p) && b.names.iter().any(|re| re.is_match(p));
        if !shaped {
            return None;
        }
        // a capitalized organisation (`Báo Bắc Giang`) is credited, not a person
        if !starts_with_org_word(p, b) {
            out.push(p);
        }
    }
    Some(out)
}

/// Names of a signature line (`Diệu Hoa`, `H.Đ`, `Minh Anh/VOV`): at least
/// one, every piece a name or an agency. Capitals only under a signer's role.
fn signature_names<'a>(
    text: &'a str,
    b: &BylineRules,
    m: &MetaRules,
    caps_ok: bool,
    outlets: &[&str],
) -> Option<Vec<&'a str>> {
    let sig = &m.signature;
    let full = strip_credit_role(text.trim(), b);
    let text = trim_punct(full);
    if text.is_empty() || text.chars().count() > 60 || has_digit(text) {
        return None;
    }
    let mut out = Vec::new();
    for piece in b.split.as_ref()?.split(text) {
        let p = keep_initials_dot(trim_punct(piece), full);
        if p.is_empty() || is_agency(p, b) || is_credit_role(p, b) || outlets.contains(&p) {
            continue;
        }
        if b.not_names.contains(&p.to_lowercase()) || starts_with_org_word(p, b) {
            return None;
        }
        let shaped = sig.names.iter().any(|re| re.is_match(p))
            || (caps_ok && sig.caps_name.as_ref().is_some_and(|re| re.is_match(p)));
        if !shaped {
            return None;
        }
        out.push(p);
    }
    (!out.is_empty()).then_some(out)
}

/// A whole-line byline: `Tin, ảnh: Cẩm Trúc`, `(Vietnam+)`, `— VNS`.
fn byline_line<'a>(text: &'a str, m: &MetaRules) -> Option<Vec<&'a str>> {
    let b = &m.byline;
    let t = text.trim_start_matches(|c: char| c == '(' || c == '-' || c.is_whitespace());
    let marked = b.markers_start.as_ref().is_none_or(|re| re.is_match(t));
    if let Some(markers) = b.markers.as_ref() {
        let marks: Vec<_> = markers.find_iter(t).collect();
        // `Thái Phương, Ảnh: Tấn Thạnh`: the writer's name before a credit marker
        let lead = marks
            .first()
            .filter(|mk| mk.start() > 0 && t.chars().count() <= 80)
            .and_then(|mk| {
                let before = t[..mk.start()].trim_end_matches(|c: char| {
                    c == ',' || c == '-' || c == '–' || c.is_whitespace()
                });
                credit_names(before, b).filter(|n| !n.is_empty())
            });
        if (marked && marks.first().is_some_and(|mk| mk.start() == 0)) || lead.is_some() {
            let mut names = lead.unwrap_or_default();
            for (i, mk) in marks.iter().enumerate() {
                let end = marks.get(i + 1).map_or(t.len(), |x| x.start());
                names.extend(credit_names(&t[mk.end()..end], b)?);
            }
            return Some(names);
        }
    }
    for re in &b.lines {
        if let Some(c) = re.captures(text) {
            if let Some(names) = c.name("names").and_then(|x| credit_names(x.as_str(), b)) {
                return Some(names);
            }
        }
    }
    None
}

/// Photo credits inside a caption line.
fn inline_credits(
    norm: &str,
    l: &Line,
    m: &MetaRules,
    authors: &mut Vec<Range<usize>>,
    skip: &mut Vec<Range<usize>>,
) {
    if m.inline_needs
        .is_some_and(|b| !l.text.as_bytes().contains(&b))
        || m.inline_set.as_ref().is_some_and(|s| !s.is_match(l.text))
    {
        return;
    }
    for re in &m.byline.inline {
        for c in re.captures_iter(l.text) {
            let Some(names) = c.name("names") else {
                continue;
            };
            let Some(found) = credit_names(names.as_str(), &m.byline) else {
                continue;
            };
            let span = c
                .name("credit")
                .or_else(|| c.get(0))
                .expect("group 0 always matches");
            authors.extend(found.into_iter().map(|a| range_in(norm, a)));
            skip.push(l.range.start + span.start()..l.range.start + span.end());
        }
    }
}

fn is_paragraph(l: &Line, m: &MetaRules) -> bool {
    // a long line with no sentence mark in it is a menu or a tag bar
    // (`WORDS ON THE STREET 70th anniversary of … Covid-19 Pandemic`)
    l.kind == Kind::Text
        && ((l.words() > m.title.max_words && l.text.contains(['.', '!', '?', '…', ':', ';']))
            || (l.text.ends_with('.')
                && !l.text.ends_with("..")
                && l.words() >= m.title.paragraph_min_words))
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn headline_like(l: &Line, m: &MetaRules) -> bool {
    let t = &m.title;
    if l.kind != Kind::Text
        || l.words() < t.min_words
        || l.words() > t.max_words
        || l.text.chars().count() > t.max_chars
    {
        return false;
    }
    let first = l.text.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\'' | '(' | '['))
    {
        return false;
    }
    let ellipsis = l.text.ends_with("...") || l.text.ends_with('…');
    if !ellipsis && l.text.ends_with(['.', ',', ';', ':', '|', '-']) {
        return false;
    }
    if t.not_title.iter().any(|re| re.is_match(l.text)) || is_category_path(l.text, m) {
        return false;
    }
    !(is_all_caps(l.text) && l.words() < t.caps_min_words)
}

/// `Thời sự - Chính trị`: short pieces joined by separators.
fn is_category_path(text: &str, m: &MetaRules) -> bool {
    let Some(re) = &m.menu_pieces else {
        return false;
    };
    let mut pieces = 0;
    for p in re.split(text) {
        if word_count(p) > m.menu_piece_words {
            return false;
        }
        pieces += 1;
    }
    pieces > 1
}

/// Site navigation: a short line, no digits, not in capitals.
fn is_nav(l: &Line, m: &MetaRules) -> bool {
    l.words() <= m.menu_max_words && !has_digit(l.text) && !is_all_caps(l.text)
}

/// The title line and the stamp line it was found next to.
fn find_title(header: &[Line], m: &MetaRules) -> (Option<usize>, Option<usize>) {
    for s in 0..header.len() {
        if !matches!(header[s].kind, Kind::Stamp(_)) {
            continue;
        }
        let prev = (0..s).rev().find(|&j| header[j].kind != Kind::Noise);
        if let Some(j) = prev.filter(|&j| headline_like(&header[j], m)) {
            return (Some(j), Some(s));
        }
        let next = (s + 1..header.len()).find(|&j| header[j].kind != Kind::Noise);
        if let Some(j) = next.filter(|&j| headline_like(&header[j], m)) {
            // a stamp above the headline and another right under it: the
            // upper one is the site's clock, the lower one the article's
            let under = (j + 1..header.len()).find(|&k| header[k].kind != Kind::Noise);
            let under = under.filter(|&k| matches!(header[k].kind, Kind::Stamp(Some(_))));
            return (Some(j), Some(under.unwrap_or(s)));
        }
    }
    let first = (0..header.len()).find(|&j| headline_like(&header[j], m));
    (first, None)
}

/// `Nơi nhận:` and the list of recipients under it.
fn recipients(lines: &[Line], m: &MetaRules, skip: &mut Vec<Range<usize>>) {
    let Some(re) = &m.signature.recipients else {
        return;
    };
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.len() > MAX_SHORT_LINE || !re.is_match(lines[i].text) {
            i += 1;
            continue;
        }
        skip.push(lines[i].range.clone());
        let mut j = i + 1;
        while j < lines.len() {
            let t = lines[j].text;
            let item = t.starts_with(['-', '+', '•', '*']);
            let cont = lines[j - 1].text.ends_with([',', ';', ':']) && lines[j].words() <= 12;
            if !(item || cont) {
                break;
            }
            skip.push(lines[j].range.clone());
            j += 1;
        }
        i = j;
    }
}

/// A signature at the end: a name line after the last paragraph, before
/// only furniture, sources and credits; a signer's role line above it.
fn signature(
    norm: &str,
    lines: &[Line],
    header_end: usize,
    m: &MetaRules,
    outlets: &[&str],
    authors: &mut Vec<Range<usize>>,
    skip: &mut Vec<Range<usize>>,
) {
    let sig = &m.signature;
    let role = |l: &Line| {
        l.kind == Kind::Text
            && sig
                .signer_role
                .as_ref()
                .is_some_and(|re| re.is_match(l.text))
    };
    let mut seen = 0;
    let mut i = lines.len();
    while i > header_end + 1 && seen < sig.tail_lines {
        i -= 1;
        let l = &lines[i];
        if l.kind != Kind::Text {
            continue;
        }
        seen += 1;
        if role(l) {
            skip.push(l.range.clone());
            continue;
        }
        let above = (0..i).rev().find(|&j| lines[j].kind != Kind::Noise);
        // capitals under a signer's role, or on the last line when they
        // start with a family name (`NGUYỄN VY`)
        let surname_first = l.text.split_whitespace().next().is_some_and(|w| {
            sig.caps_surnames
                .contains(&crate::fold::fold(w).to_lowercase())
        });
        let caps_ok = above.is_some_and(|j| role(&lines[j])) || (seen == 1 && surname_first);
        match signature_names(l.text, &m.byline, m, caps_ok, outlets) {
            Some(names) => {
                authors.extend(names.into_iter().map(|a| range_in(norm, a)));
                skip.push(l.range.clone());
            }
            None => break,
        }
    }
}

/// Sorted, overlapping ranges merged.
fn merge(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests;
