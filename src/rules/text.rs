//! Rules for the text stage (`rules/text/*.toml`): sentence-splitting
//! abbreviations, stamp lines, titles, site furniture, bylines, credits and
//! signatures.
//!
//! Unlike the other rule sets, these are compiled here, at load: they are
//! mostly regexes, and a bad one is reported with its file and line
//! (`rules/text/meta.toml:42: bad regex: …`). Every pattern and word list is
//! folded with [`crate::fold::fold`] first, so it matches the
//! normalized text whatever tone placement or quotes it was written with.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{RuleError, RuleFile, RuleSource};
use crate::fold::fold;

/// Everything the text stage knows about the language, compiled.
#[derive(Debug, Clone, Default)]
pub struct TextRules {
    pub abbrev: Abbreviations,
    pub meta: MetaRules,
    pub language: LanguageRules,
}

/// The cheap language test (`rules/text/language.toml`).
#[derive(Debug, Clone, Default)]
pub struct LanguageRules {
    /// Windows of the cheap test, in characters, ascending.
    pub windows: Vec<usize>,
    /// The language whose extractor rules a document gets when its
    /// language cannot be told (`und`: too little text).
    pub fallback: String,
    /// Vietnamese-only letters, each listed.
    pub vi_letters: HashSet<char>,
    /// Ranges of Vietnamese-only letters, inclusive.
    pub vi_ranges: Vec<(char, char)>,
    /// The answer of `is_vietnamese_letter` for every code point below U+2000.
    pub vi_table: Vec<bool>,
    pub vi_min_letters: usize,
    pub vi_share: f64,
    /// Vietnamese without lingua from this share of lingua's cleaned
    /// prefix on: a text that mixes Vietnamese and another language.
    pub vi_mixed_share: f64,
    pub vi_override_share: f64,
    pub en_min_letters: usize,
    pub en_ascii_share: f64,
    pub en_max_vietnamese: f64,
    pub en_share: f64,
    /// Lower case.
    pub en_stopwords: HashSet<String>,
}

impl LanguageRules {
    /// A letter only Vietnamese writes.
    #[inline]
    pub fn is_vietnamese_letter(&self, c: char) -> bool {
        match self.vi_table.get(c as usize) {
            Some(&b) => b,
            None => {
                self.vi_ranges.iter().any(|&(a, b)| a <= c && c <= b)
                    || self.vi_letters.contains(&c)
            }
        }
    }
}

/// Where a full stop does not end a sentence (`rules/text/abbreviations.toml`).
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Words (folded, case kept, without the final dot): `TS`, `PGS.TS`, `Tp`.
    pub tokens: HashSet<String>,
    /// A word of initials: `A`, `N.V.A`.
    pub initials: Option<Regex>,
    /// A sentence made only of a list marker: `1`, `II`, `a`.
    pub list_marker: Option<Regex>,
}

/// Stamp lines (`20:46, 20/12/2024`) and their dates.
#[derive(Debug, Clone, Default)]
pub struct StampRules {
    pub max_chars: usize,
    pub max_free_words: usize,
    pub split: Option<Regex>,
    /// Full match of one part of a stamp line.
    pub segment: Option<Regex>,
    /// Dates with groups `d`, `y` and `m` or `mon`.
    pub dates: Vec<Regex>,
    /// Month names (lower case, folded) → month number.
    pub months: HashMap<String, u32>,
    /// A stamp glued to the text after it (`01/05/2021 21:32Du khách …`):
    /// group `stamp` is read as a line of its own.
    pub glued: Option<Regex>,
    /// A stamp written on the line of something else, after it (`By Anh
    /// Minh December 25, 2019 | 07:30 pm`): the line is split at the end of
    /// group `before`, and each part read as a line of its own.
    pub split_before: Vec<Regex>,
    /// A day and month in the headline (`Ngày 21/11: Giá xăng …`), groups
    /// `d` and `m`: the published date when no stamp gives one, its year
    /// from the full dates of that month or the one before in the text.
    pub title_day: Option<Regex>,
}

/// What makes a line a title.
#[derive(Debug, Clone, Default)]
pub struct TitleRules {
    pub min_words: usize,
    pub max_words: usize,
    pub max_chars: usize,
    pub paragraph_min_words: usize,
    pub caps_min_words: usize,
    pub not_title: Vec<Regex>,
}

/// Bylines, credits and the names in them.
#[derive(Debug, Clone, Default)]
pub struct BylineRules {
    pub markers: Option<Regex>,
    /// `markers`, anchored at the start: a line whose start it does not
    /// match is no marked byline.
    pub markers_start: Option<Regex>,
    pub lines: Vec<Regex>,
    pub credit_lines: Vec<Regex>,
    pub inline: Vec<Regex>,
    pub split: Option<Regex>,
    /// Lower-cased, folded.
    pub agencies: HashSet<String>,
    pub agency_shapes: Vec<Regex>,
    /// Lower-cased, folded.
    pub not_names: HashSet<String>,
    /// Folded, case kept.
    pub org_words: HashSet<String>,
    /// What a credited person did, in brackets after the name (`thực
    /// hiện`): passed over. Lower-cased, folded.
    pub credit_roles: HashSet<String>,
    pub names: Vec<Regex>,
}

/// Signature lines at the end of an article or under its title.
#[derive(Debug, Clone, Default)]
pub struct SignatureRules {
    pub tail_lines: usize,
    pub names: Vec<Regex>,
    pub caps_name: Option<Regex>,
    pub signer_role: Option<Regex>,
    pub recipients: Option<Regex>,
    /// Family names (folded, lower case) from `rules/person/names.toml`:
    /// a name in capitals on the article's last line counts when it starts
    /// with one (`NGUYỄN VY`). Filled by `Rules::load`.
    pub caps_surnames: HashSet<String>,
}

/// Metadata rules (`rules/text/meta.toml`).
#[derive(Debug, Clone, Default)]
pub struct MetaRules {
    pub stamp: StampRules,
    pub title: TitleRules,
    /// Whole lines of site furniture.
    pub noise: Vec<Regex>,
    /// A line that opens a block of site furniture running to the end of
    /// the text (`Tin liên quan` and the links under it).
    pub block_starts: Vec<Regex>,
    pub menu_max_words: usize,
    /// A line cut by `menu_pieces` into pieces of at most this many words
    /// is a category path, not a headline.
    pub menu_piece_words: usize,
    pub menu_pieces: Option<Regex>,
    /// `Nguồn: …` line, group `rest`.
    pub url_line: Option<Regex>,
    pub url: Option<Regex>,
    pub byline: BylineRules,
    pub signature: SignatureRules,
    /// The inline credit patterns in one set: one pass over a line tells
    /// whether any can match (they are tried on every line).
    pub inline_set: Option<regex::RegexSet>,
    /// The `noise` patterns in one set, for the same reason.
    pub noise_set: Option<regex::RegexSet>,
    /// Every pattern that can make a line furniture, a source or a byline
    /// (all but the stamp dates) in one set: a line it does not match is
    /// body text or a stamp, and the patterns are not tried one by one.
    pub kind_set: Option<regex::RegexSet>,
    /// An ASCII byte every inline credit contains (`:`), if there is one:
    /// a line without it is not searched.
    pub inline_needs: Option<u8>,
}

/// An ASCII byte that every match of `pattern` contains, if the pattern
/// says so (a literal in every branch): a cheap test before a search.
pub fn required_byte(pattern: &str) -> Option<u8> {
    required_byte_of_all(&[pattern])
}

/// An ASCII byte that every match of each of `patterns` contains.
pub fn required_byte_of_all(patterns: &[&str]) -> Option<u8> {
    use regex_syntax::hir::{Hir, HirKind};
    fn req(h: &Hir) -> std::collections::BTreeSet<u8> {
        match h.kind() {
            HirKind::Literal(l) => l.0.iter().copied().filter(u8::is_ascii).collect(),
            HirKind::Capture(c) => req(&c.sub),
            HirKind::Repetition(r) if r.min >= 1 => req(&r.sub),
            HirKind::Concat(v) => v.iter().flat_map(req).collect(),
            HirKind::Alternation(v) => {
                let mut it = v.iter().map(req);
                let first = it.next().unwrap_or_default();
                it.fold(first, |a, b| a.intersection(&b).copied().collect())
            }
            _ => Default::default(),
        }
    }
    let mut set: Option<std::collections::BTreeSet<u8>> = None;
    for p in patterns {
        let r = req(&regex_syntax::parse(p).ok()?);
        set = Some(match set {
            None => r,
            Some(s) => s.intersection(&r).copied().collect(),
        });
    }
    let set = set?;
    // a rare one first: punctuation before letters
    set.iter()
        .copied()
        .find(|b| b.is_ascii_punctuation())
        .or_else(|| set.iter().copied().next())
}

impl TextRules {
    pub fn load(source: &RuleSource) -> Result<TextRules, RuleError> {
        let abbrev = load_abbreviations(&source.read("text/abbreviations.toml")?)?;
        let meta = load_meta(&source.read("text/meta.toml")?)?;
        let language = load_language(&source.read("text/language.toml")?)?;
        Ok(TextRules {
            abbrev,
            meta,
            language,
        })
    }

    /// The embedded rules, loaded once (empty rules if they do not load,
    /// which the test suite rules out).
    pub fn builtin() -> &'static TextRules {
        static BUILTIN: OnceLock<TextRules> = OnceLock::new();
        BUILTIN.get_or_init(|| TextRules::load(&RuleSource::Embedded).unwrap_or_default())
    }
}

// ---------------------------------------------------------------------------
// File formats

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbrevFile {
    tokens: Vec<Spanned<String>>,
    initials: Spanned<String>,
    list_marker: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    #[serde(default)]
    parts: BTreeMap<String, Spanned<String>>,
    stamp: StampFile,
    title: TitleFile,
    noise: NoiseFile,
    menu: MenuFile,
    url: UrlFile,
    byline: BylineFile,
    signature: SignatureFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StampFile {
    max_chars: usize,
    max_free_words: usize,
    split: Spanned<String>,
    segment: Spanned<String>,
    dates: Vec<Spanned<String>>,
    months: BTreeMap<String, Spanned<u32>>,
    #[serde(default)]
    glued: Option<Spanned<String>>,
    #[serde(default)]
    split_before: Vec<Spanned<String>>,
    #[serde(default)]
    title_day: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleFile {
    min_words: usize,
    max_words: usize,
    max_chars: usize,
    paragraph_min_words: usize,
    caps_min_words: usize,
    #[serde(default)]
    not_title: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoiseFile {
    lines: Vec<Spanned<String>>,
    #[serde(default)]
    block_starts: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MenuFile {
    max_words: usize,
    piece_words: usize,
    pieces: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlFile {
    line: Spanned<String>,
    url: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BylineFile {
    markers: Spanned<String>,
    #[serde(default)]
    lines: Vec<Spanned<String>>,
    #[serde(default)]
    credit_lines: Vec<Spanned<String>>,
    #[serde(default)]
    inline: Vec<Spanned<String>>,
    split: Spanned<String>,
    #[serde(default)]
    agencies: Vec<Spanned<String>>,
    #[serde(default)]
    agency_shapes: Vec<Spanned<String>>,
    #[serde(default)]
    not_names: Vec<Spanned<String>>,
    #[serde(default)]
    org_words: Vec<Spanned<String>>,
    #[serde(default)]
    credit_roles: Vec<Spanned<String>>,
    names: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureFile {
    tail_lines: usize,
    names: Vec<Spanned<String>>,
    caps_name: Spanned<String>,
    signer_role: Spanned<String>,
    recipients: Spanned<String>,
}

// ---------------------------------------------------------------------------
// Compiling

/// Compiles the patterns of one file, expanding `{part}` references.
struct Compiler<'a> {
    file: &'a RuleFile,
    parts: HashMap<String, String>,
}

impl<'a> Compiler<'a> {
    fn new(file: &'a RuleFile) -> Self {
        Compiler {
            file,
            parts: HashMap::new(),
        }
    }

    fn err(&self, at: &Spanned<impl Sized>, msg: impl Into<String>) -> RuleError {
        self.file.error_at(Some(at.span().start), msg)
    }

    /// Replace `{name}` by the part `name` (as a non-capturing group).
    fn expand(&self, at: &Spanned<String>, s: &str, depth: usize) -> Result<String, RuleError> {
        if depth > 8 {
            return Err(self.err(at, "parts refer to each other in a loop"));
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
                .count();
            if name_len > 0 && after.as_bytes().get(name_len) == Some(&b'}') {
                let name = &after[..name_len];
                match self.parts.get(name) {
                    Some(part) => {
                        let inner = self.expand(at, part, depth + 1)?;
                        out.push_str("(?:");
                        out.push_str(&strip_group_names(&inner));
                        out.push(')');
                    }
                    None => return Err(self.err(at, format!("unknown part {{{name}}}"))),
                }
                rest = &after[name_len + 1..];
            } else {
                out.push('{');
                rest = after;
            }
        }
        out.push_str(rest);
        Ok(out)
    }

    fn regex(&self, p: &Spanned<String>) -> Result<Regex, RuleError> {
        if p.get_ref().trim().is_empty() {
            return Err(self.err(p, "empty pattern"));
        }
        let expanded = self.expand(p, p.get_ref(), 0)?;
        let re = Regex::new(&fold(&expanded)).map_err(|e| {
            let msg = e
                .to_string()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            self.err(p, format!("bad regex: {msg}"))
        })?;
        // a pattern that can match nothing matches every line (or finds an
        // empty match everywhere): always a slip
        let can_be_empty = regex_syntax::parse(re.as_str())
            .map(|h| h.properties().minimum_len() == Some(0))
            .unwrap_or(false);
        if can_be_empty {
            return Err(self.err(
                p,
                format!(
                    "pattern {:?} matches the empty string: it would match anywhere",
                    p.get_ref()
                ),
            ));
        }
        Ok(re)
    }

    fn regex_with(&self, p: &Spanned<String>, groups: &[&str]) -> Result<Regex, RuleError> {
        let re = self.regex(p)?;
        for g in groups {
            if !re.capture_names().any(|n| n == Some(g)) {
                return Err(self.err(p, format!("pattern needs a group named `{g}`")));
            }
        }
        Ok(re)
    }

    /// A pattern of the line sets: no Unicode word boundary (`\b`); write
    /// `(?-u:\b)` next to ASCII, or the space or punctuation itself.
    fn fast_in_set(&self, p: &Spanned<String>, re: &Regex) -> Result<(), RuleError> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(re.as_str())
            .map_err(|e| self.err(p, format!("pattern does not parse: {e}")))?;
        if hir.properties().look_set().contains_word_unicode() {
            return Err(self.err(
                p,
                "a Unicode word boundary (\\b) in a line pattern slows every line down; \
                 write (?-u:\\b) next to ASCII letters, or the space or punctuation itself",
            ));
        }
        Ok(())
    }

    fn regexes(&self, ps: &[Spanned<String>]) -> Result<Vec<Regex>, RuleError> {
        ps.iter().map(|p| self.regex(p)).collect()
    }

    /// Folded words; `lower` also lower-cases them. Duplicates and empty
    /// entries are errors.
    fn words(&self, ps: &[Spanned<String>], lower: bool) -> Result<HashSet<String>, RuleError> {
        let mut out = HashSet::new();
        for p in ps {
            let mut w = fold(p.get_ref().trim());
            if lower {
                w = w.to_lowercase();
            }
            if w.is_empty() {
                return Err(self.err(p, "empty entry"));
            }
            if !out.insert(w) {
                return Err(self.err(p, format!("duplicate entry {:?}", p.get_ref())));
            }
        }
        Ok(out)
    }
}

/// `(?P<d>…)` / `(?<d>…)` → `(?:…)`, so a part can be used twice in a pattern.
fn strip_group_names(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("(?") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let after_p = after.strip_prefix('P').unwrap_or(after);
        if let Some(name) = after_p.strip_prefix('<') {
            let n = name
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if n > 0 && name.as_bytes().get(n) == Some(&b'>') {
                out.push_str("(?:");
                rest = &name[n + 1..];
                continue;
            }
        }
        out.push_str("(?");
        rest = after;
    }
    out.push_str(rest);
    out
}

fn nonzero(file: &RuleFile, content_key: &str, v: usize) -> Result<usize, RuleError> {
    if v == 0 {
        let off = file.content.find(content_key);
        return Err(file.error_at(off, format!("`{content_key}` must be greater than 0")));
    }
    Ok(v)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    windows: Spanned<Vec<usize>>,
    fallback: String,
    vietnamese: VietnameseTest,
    english: EnglishTest,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VietnameseTest {
    letters: String,
    ranges: Vec<Spanned<[String; 2]>>,
    min_letters: usize,
    share: Spanned<f64>,
    mixed_share: Spanned<f64>,
    override_share: Spanned<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishTest {
    min_letters: usize,
    ascii_share: Spanned<f64>,
    max_vietnamese: Spanned<f64>,
    share: Spanned<f64>,
    stopwords: Vec<String>,
}

fn load_language(file: &RuleFile) -> Result<LanguageRules, RuleError> {
    let f: LanguageFile = file.parse()?;
    let c = Compiler::new(file);
    let (v, e) = (&f.vietnamese, &f.english);
    for share in [
        &v.share,
        &v.mixed_share,
        &v.override_share,
        &e.ascii_share,
        &e.max_vietnamese,
        &e.share,
    ] {
        if !(0.0..=1.0).contains(share.get_ref()) {
            return Err(c.err(share, "a share is between 0 and 1"));
        }
    }
    if v.mixed_share.get_ref() < v.override_share.get_ref() {
        return Err(c.err(&v.mixed_share, "`mixed_share` is at least `override_share`: below it lingua may answer another language"));
    }
    let mut vi_ranges = Vec::new();
    for r in &v.ranges {
        let [a, b] = r.get_ref();
        let (mut ca, mut cb) = (a.chars(), b.chars());
        match (ca.next(), ca.next(), cb.next(), cb.next()) {
            (Some(x), None, Some(y), None) if x <= y => vi_ranges.push((x, y)),
            _ => {
                return Err(c.err(
                    r,
                    "a range is two single letters, the first not after the second",
                ))
            }
        }
    }
    let mut windows = f.windows.get_ref().clone();
    windows.sort_unstable();
    if windows.is_empty() || windows[0] == 0 {
        return Err(c.err(
            &f.windows,
            "`windows` lists one or more lengths greater than 0",
        ));
    }
    let vi_letters: HashSet<char> = v.letters.chars().filter(|c| !c.is_whitespace()).collect();
    let vi_table = (0u32..0x2000)
        .map(|u| {
            char::from_u32(u).is_some_and(|c| {
                vi_ranges.iter().any(|&(a, b)| a <= c && c <= b) || vi_letters.contains(&c)
            })
        })
        .collect();
    Ok(LanguageRules {
        windows,
        fallback: f.fallback.trim().to_string(),
        vi_letters,
        vi_ranges,
        vi_table,
        vi_min_letters: v.min_letters,
        vi_share: *v.share.get_ref(),
        vi_mixed_share: *v.mixed_share.get_ref(),
        vi_override_share: *v.override_share.get_ref(),
        en_min_letters: e.min_letters,
        en_ascii_share: *e.ascii_share.get_ref(),
        en_max_vietnamese: *e.max_vietnamese.get_ref(),
        en_share: *e.share.get_ref(),
        en_stopwords: e
            .stopwords
            .iter()
            .map(|w| w.trim().to_lowercase())
            .collect(),
    })
}

fn load_abbreviations(file: &RuleFile) -> Result<Abbreviations, RuleError> {
    let f: AbbrevFile = file.parse()?;
    let c = Compiler::new(file);
    let mut tokens = HashSet::new();
    for t in &f.tokens {
        let w = fold(t.get_ref().trim());
        if w.is_empty() || w.contains(' ') {
            return Err(c.err(t, "a token is one word, without spaces"));
        }
        if w.ends_with('.') {
            return Err(c.err(t, "write the token without its final dot"));
        }
        if !tokens.insert(w) {
            return Err(c.err(t, format!("duplicate token {:?}", t.get_ref())));
        }
    }
    Ok(Abbreviations {
        tokens,
        initials: Some(c.regex(&f.initials)?),
        list_marker: Some(c.regex(&f.list_marker)?),
    })
}

fn load_meta(file: &RuleFile) -> Result<MetaRules, RuleError> {
    let f: MetaFile = file.parse()?;
    let mut c = Compiler::new(file);
    for (name, p) in &f.parts {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(c.err(
                p,
                format!("part name {name:?}: use lower-case letters and `_`"),
            ));
        }
        if name == "date" || name == "month" {
            return Err(c.err(
                p,
                format!("part `{name}` is built from [stamp]; choose another name"),
            ));
        }
        c.parts.insert(name.clone(), p.get_ref().clone());
    }

    // stamp: months, then {month}, then dates, then {date}
    let mut months = HashMap::new();
    // folded name -> (number, where it is written)
    let mut month_at: HashMap<String, (u32, usize)> = HashMap::new();
    for (name, n) in &f.stamp.months {
        if !(1..=12).contains(n.get_ref()) {
            return Err(c.err(n, format!("month {name:?}: {} is not 1-12", n.get_ref())));
        }
        // names that differ only in case or tone placement are one name
        let k = fold(name).to_lowercase();
        if let Some((other, first)) = month_at.get(&k) {
            if other != n.get_ref() {
                return Err(c.err(
                    n,
                    format!(
                        "month {name:?} is {} here and {other} at {}",
                        n.get_ref(),
                        file.place(Some(*first))
                    ),
                ));
            }
        }
        month_at.insert(k.clone(), (*n.get_ref(), n.span().start));
        months.insert(k, *n.get_ref());
    }
    let mut names: Vec<&String> = months.keys().collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let month_alt = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    c.parts.insert(
        "month".into(),
        if month_alt.is_empty() {
            "[^\\s\\S]".into()
        } else {
            month_alt
        },
    );
    if f.stamp.dates.is_empty() {
        return Err(file.error_at(
            file.content.find("dates"),
            "[stamp] needs at least one date pattern",
        ));
    }
    let mut dates = Vec::new();
    let mut date_alt = Vec::new();
    for p in &f.stamp.dates {
        let re = c.regex_with(p, &["d", "y"])?;
        let has_m = re.capture_names().any(|n| n == Some("m"));
        let has_mon = re.capture_names().any(|n| n == Some("mon"));
        if !has_m && !has_mon {
            return Err(c.err(
                p,
                "a date pattern needs a group `m` (number) or `mon` (month name)",
            ));
        }
        date_alt.push(format!(
            "(?:{})",
            strip_group_names(&c.expand(p, p.get_ref(), 0)?)
        ));
        dates.push(re);
    }
    c.parts.insert("date".into(), date_alt.join("|"));

    let stamp = StampRules {
        max_chars: nonzero(file, "max_chars", f.stamp.max_chars)?,
        max_free_words: f.stamp.max_free_words,
        split: Some(c.regex(&f.stamp.split)?),
        segment: Some(c.regex(&f.stamp.segment)?),
        dates,
        months,
        glued: match &f.stamp.glued {
            Some(p) => Some(c.regex_with(p, &["stamp"])?),
            None => None,
        },
        split_before: f
            .stamp
            .split_before
            .iter()
            .map(|p| c.regex_with(p, &["before"]))
            .collect::<Result<_, _>>()?,
        title_day: match &f.stamp.title_day {
            Some(p) => Some(c.regex_with(p, &["d", "m"])?),
            None => None,
        },
    };
    if f.title.min_words > f.title.max_words {
        return Err(file.error_at(
            file.content.find("min_words"),
            "min_words is greater than max_words",
        ));
    }
    let title = TitleRules {
        min_words: f.title.min_words,
        max_words: nonzero(file, "max_words", f.title.max_words)?,
        max_chars: nonzero(file, "max_chars", f.title.max_chars)?,
        paragraph_min_words: f.title.paragraph_min_words,
        caps_min_words: f.title.caps_min_words,
        not_title: c.regexes(&f.title.not_title)?,
    };
    let b = &f.byline;
    let byline = BylineRules {
        markers: Some(c.regex(&b.markers)?),
        markers_start: Regex::new(&format!("^(?:{})", c.regex(&b.markers)?.as_str())).ok(),
        lines: b
            .lines
            .iter()
            .map(|p| c.regex_with(p, &["names"]))
            .collect::<Result<_, _>>()?,
        credit_lines: b
            .credit_lines
            .iter()
            .map(|p| c.regex_with(p, &["names"]))
            .collect::<Result<_, _>>()?,
        inline: b
            .inline
            .iter()
            .map(|p| c.regex_with(p, &["names"]))
            .collect::<Result<_, _>>()?,
        split: Some(c.regex(&b.split)?),
        agencies: c.words(&b.agencies, true)?,
        agency_shapes: c.regexes(&b.agency_shapes)?,
        not_names: c.words(&b.not_names, true)?,
        org_words: c.words(&b.org_words, false)?,
        credit_roles: c.words(&b.credit_roles, true)?,
        names: c.regexes(&b.names)?,
    };
    let s = &f.signature;
    let signature = SignatureRules {
        tail_lines: s.tail_lines,
        names: c.regexes(&s.names)?,
        caps_name: Some(c.regex(&s.caps_name)?),
        signer_role: Some(c.regex(&s.signer_role)?),
        recipients: Some(c.regex(&s.recipients)?),
        caps_surnames: HashSet::new(),
    };
    let mut meta = MetaRules {
        stamp,
        title,
        noise: c.regexes(&f.noise.lines)?,
        block_starts: c.regexes(&f.noise.block_starts)?,
        menu_max_words: f.menu.max_words,
        menu_piece_words: f.menu.piece_words,
        menu_pieces: Some(c.regex(&f.menu.pieces)?),
        url_line: Some(c.regex_with(&f.url.line, &["rest"])?),
        url: Some(c.regex(&f.url.url)?),
        byline,
        signature,
        inline_set: None,
        noise_set: None,
        inline_needs: None,
        kind_set: None,
    };
    // The line patterns run as one set over every short line: a Unicode
    // word boundary in one of them makes the whole set fall back to a slow
    // engine (NOTES: ~15 times slower), so it is refused here.
    let compiled = meta
        .noise
        .iter()
        .chain(&meta.byline.lines)
        .chain(&meta.byline.credit_lines)
        .chain(&meta.byline.markers);
    let written = f
        .noise
        .lines
        .iter()
        .chain(&b.lines)
        .chain(&b.credit_lines)
        .chain(std::iter::once(&b.markers));
    for (p, re) in written.zip(compiled) {
        c.fast_in_set(p, re)?;
    }
    let mut kinds: Vec<String> = meta.noise.iter().map(|r| r.as_str().to_string()).collect();
    kinds.extend(meta.url_line.iter().map(|r| r.as_str().to_string()));
    // markers are tried after leading brackets, dashes and spaces
    kinds.extend(
        meta.byline
            .markers
            .iter()
            .map(|r| format!("^[(\\-\\s]*(?:{})", r.as_str())),
    );
    kinds.extend(
        meta.byline
            .lines
            .iter()
            .chain(&meta.byline.credit_lines)
            .map(|r| r.as_str().to_string()),
    );
    meta.kind_set = regex::RegexSetBuilder::new(&kinds)
        .dfa_size_limit(16 << 20)
        .build()
        .ok();
    let inline: Vec<&str> = meta.byline.inline.iter().map(|r| r.as_str()).collect();
    meta.inline_needs = required_byte_of_all(&inline);
    meta.noise_set = regex::RegexSetBuilder::new(meta.noise.iter().map(|r| r.as_str()))
        .dfa_size_limit(16 << 20)
        .build()
        .ok();
    meta.inline_set = regex::RegexSet::new(meta.byline.inline.iter().map(|r| r.as_str())).ok();
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, content: &str) -> RuleFile {
        RuleFile {
            display: format!("rules/text/{name}"),
            content: content.to_string(),
        }
    }

    fn embedded(rel: &str) -> String {
        RuleSource::Embedded.read(rel).unwrap().content
    }

    #[test]
    fn required_bytes_of_patterns() {
        assert_eq!(
            required_byte(r"(?i)\((?:ảnh|photo)\s*:\s*(?P<n>[^()]{1,80})\)"),
            Some(b'(')
        );
        assert_eq!(required_byte(r"(?:a|b):x"), Some(b':'));
        assert_eq!(required_byte(r"a:|b;"), None);
        assert_eq!(required_byte(r"x?:?"), None);
        assert_eq!(required_byte(r"(ab)+"), Some(b'a'));
    }

    #[test]
    fn embedded_text_rules_load() {
        let r = TextRules::load(&RuleSource::Embedded).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.abbrev.tokens.contains("TS"));
        assert!(!r.meta.noise.is_empty());
        assert!(r.meta.byline.agencies.contains("ttxvn"));
        assert_eq!(r.meta.stamp.months.get("september"), Some(&9));
        assert!(TextRules::builtin().abbrev.tokens.contains("PGS.TS"));
    }

    #[test]
    fn bad_regex_names_file_and_line() {
        let content =
            embedded("text/meta.toml").replacen("lines = [\n", "lines = [\n    '(unclosed',\n", 1);
        let line = content
            .lines()
            .position(|l| l.contains("'(unclosed'"))
            .unwrap()
            + 1;
        let e = load_meta(&file("meta.toml", &content)).unwrap_err();
        assert_eq!(e.line, Some(line), "{e}");
        assert!(
            e.to_string().starts_with(&format!(
                "rules/text/meta.toml:{line}: noise.lines: bad regex"
            )),
            "{e}"
        );
    }

    #[test]
    fn unicode_word_boundary_in_a_line_pattern_is_refused() {
        let content = embedded("text/meta.toml").replacen(
            "lines = [\n",
            "lines = [\n    '(?i)^xem\\s+thêm\\b',\n",
            1,
        );
        let e = load_meta(&file("meta.toml", &content)).unwrap_err();
        assert!(e.message.contains("Unicode word boundary"), "{e}");
        assert!(e.line.is_some());
        // an ASCII boundary is fine
        let content = embedded("text/meta.toml").replacen(
            "lines = [\n",
            "lines = [\n    '(?i)^top(?-u:\\b)',\n",
            1,
        );
        assert!(load_meta(&file("meta.toml", &content)).is_ok());
    }

    #[test]
    fn missing_group_is_reported() {
        let content = embedded("text/meta.toml").replacen(
            "dates = [\n",
            "dates = [\n    '(?P<d>[0-9]+)/(?P<y>[0-9]{4})',\n",
            1,
        );
        let e = load_meta(&file("meta.toml", &content)).unwrap_err();
        assert!(e.message.contains("group `m`"), "{e}");
        assert!(e.line.is_some());
    }

    #[test]
    fn unknown_part_and_bad_month_are_reported() {
        let content =
            embedded("text/meta.toml").replacen("split = '\\s*[,|", "split = '{nope}\\s*[,|", 1);
        let e = load_meta(&file("meta.toml", &content)).unwrap_err();
        assert!(e.message.contains("unknown part {nope}"), "{e}");
        let content = embedded("text/meta.toml").replacen("january = 1", "january = 13", 1);
        let e = load_meta(&file("meta.toml", &content)).unwrap_err();
        assert!(e.message.contains("not 1-12"), "{e}");
    }

    #[test]
    fn abbreviation_errors() {
        let e = load_abbreviations(&file(
            "abbreviations.toml",
            "tokens = [\"TS\", \"TS\"]\ninitials = 'x'\nlist_marker = 'y'\n",
        ))
        .unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("duplicate"), "{e}");
        let e = load_abbreviations(&file(
            "abbreviations.toml",
            "tokens = [\"TS.\"]\ninitials = 'x'\nlist_marker = 'y'\n",
        ))
        .unwrap_err();
        assert!(e.message.contains("final dot"), "{e}");
        let e = load_abbreviations(&file(
            "abbreviations.toml",
            "tokens = []\ninitials = '('\nlist_marker = 'y'\n",
        ))
        .unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn strip_names() {
        assert_eq!(
            strip_group_names("(?P<d>[0-9])-(?<m>x)(?i:a)(?:b)"),
            "(?:[0-9])-(?:x)(?i:a)(?:b)"
        );
    }

    #[test]
    fn patterns_are_folded() {
        let c = file("x.toml", "");
        let comp = Compiler::new(&c);
        let re = comp
            .regex(&Spanned::new(0..0, "(?i)^hoà bình$".to_string()))
            .unwrap();
        assert!(re.is_match(&fold("Hoà Bình")));
        assert!(re.is_match(&fold("Hòa Bình")));
    }
}
