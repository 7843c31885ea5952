//! Loading and validating the rules: everything language-specific lives in
//! `rules/` as TOML. `rules/text/` (page furniture, date stamps, bylines,
//! language detection) serves every document; each language with
//! extractors has a folder of its own, one subfolder per extractor
//! (`rules/vi/quantity/units.toml`, `rules/en/quantity/units.toml`, …).
//! A document gets the set of its language ([`Rules::for_language`]).
//!
//! The files are embedded in the binary (the default) or read from a folder
//! given with `--rules DIR`, which then replaces the embedded set as a whole.
//! Every file is parsed into a typed struct and validated; any problem is a
//! [`RuleError`] that names the file, the line and the key:
//! `rules/vi/quantity/units.toml:12: unit.forms: …` ([`locate`] finds the
//! key). Files and folders must have the names of [`LAYOUT`].
//!
//! This module holds data and checks it; it imports nothing of ours but
//! `model` and the leaf `fold` (regexes are compiled, and reported with
//! their line, at load). Every file is parsed once per load.

pub mod directive;
pub mod legal;
pub mod locate;
pub mod person;
pub mod place;
pub mod quantity;
pub mod text;

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// A problem in a rules file, with the file and (when known) the line and
/// the key: `rules/vi/quantity/units.toml:12: unit.forms: empty string`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Shown as `rules/<relative path>` for embedded files, else the real path.
    pub file: String,
    /// 1-based line.
    pub line: Option<usize>,
    /// The key path the problem is at (`unit.forms`; elements of arrays of
    /// tables are not numbered, the line tells which).
    pub key: Option<String>,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(k) = &self.key {
            write!(f, ": {k}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl RuleError {
    /// An error about a whole file or folder (no line, no key).
    pub fn whole(file: impl Into<String>, message: impl Into<String>) -> RuleError {
        RuleError {
            file: file.into(),
            line: None,
            key: None,
            message: message.into(),
        }
    }
}

impl std::error::Error for RuleError {}

/// Where rules files are read from.
#[derive(Debug, Clone)]
pub enum RuleSource {
    Embedded,
    Dir(PathBuf),
}

/// One rules file's text, with the name used in error messages.
#[derive(Debug, Clone)]
pub struct RuleFile {
    pub display: String,
    pub content: String,
}

/// String values that may be empty (an empty ending: none is read). Every
/// other string of every rules file must hold something.
const EMPTY_ALLOWED: &[&str] = &["gerund_ending", "adverb_ending"];

impl RuleFile {
    /// An error at a byte offset of this file, naming the key there (read
    /// from the file again: errors are rare, loading stays one parse).
    pub fn error_at(&self, offset: Option<usize>, message: impl Into<String>) -> RuleError {
        let key = offset.and_then(|o| match locate::Index::parse(&self.content) {
            Some(ix) => ix.key_at(o),
            None => locate::key_near(&self.content, o),
        });
        RuleError {
            file: self.display.clone(),
            line: offset.map(|o| line_of(&self.content, o)),
            key,
            message: message.into(),
        }
    }

    /// An error at the value of a key path with indexes (`unit[2].forms[0]`,
    /// as [`locate::Entry::path`]); the key is named even when the file
    /// does not hold the value (a missing optional list).
    pub fn error_path(&self, path: &str, message: impl Into<String>) -> RuleError {
        let offset = locate::Index::parse(&self.content).and_then(|ix| ix.offset_of(path));
        let mut e = self.error_at(offset, message);
        if e.key.is_none() || offset.is_none() {
            e.key = Some(strip_indexes(path));
        }
        e
    }

    /// `file:line` of a byte offset, for a message that names a second place.
    pub fn place(&self, offset: Option<usize>) -> String {
        match offset {
            Some(o) => format!("{}:{}", self.display, line_of(&self.content, o)),
            None => self.display.clone(),
        }
    }

    /// `file:line` of the value at a key path with indexes.
    pub fn place_of(&self, path: &str) -> String {
        self.place(locate::Index::parse(&self.content).and_then(|ix| ix.offset_of(path)))
    }

    /// Parse the file into `T`, turning TOML errors into file:line errors
    /// that name the key. Syntax errors first, then the ones of the fields
    /// (unknown key, wrong type, missing key), then empty strings.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RuleError> {
        let doc = toml_edit::ImDocument::parse(self.content.as_str()).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            RuleError {
                file: self.display.clone(),
                line: Some(line_of(&self.content, offset)),
                key: locate::key_near(&self.content, offset),
                message: format!("TOML syntax error: {}", e.message().trim()),
            }
        })?;
        let index = locate::Index::new(&doc);
        let value = T::deserialize(toml_edit::de::Deserializer::from(doc)).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            let mut err = RuleError {
                file: self.display.clone(),
                line: offset.map(|o| line_of(&self.content, o)),
                key: offset.and_then(|o| index.key_at(o)),
                message: e.message().trim().to_string(),
            };
            // an unknown key: the message says which keys the table takes
            if err.message.starts_with("unknown field") {
                err.message = err.message.replacen("unknown field", "unknown key", 1);
            } else if err.message.starts_with("invalid type") {
                err.message = format!("wrong type: {}", err.message);
            }
            err
        })?;
        if let Some(e) = index.first_empty_string(EMPTY_ALLOWED) {
            let offset = e.span.as_ref().map(|s| s.start);
            return Err(RuleError {
                file: self.display.clone(),
                line: offset.map(|o| line_of(&self.content, o)),
                key: Some(e.name.clone()),
                message: "empty string: every form, word and pattern must hold something".into(),
            });
        }
        Ok(value)
    }
}

/// `unit[2].forms[0]` → `unit.forms`.
fn strip_indexes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// 1-based line number of a byte offset.
pub fn line_of(content: &str, offset: usize) -> usize {
    let end = offset.min(content.len());
    content.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl RuleSource {
    /// SHA-256 of every rules file, by path and content, in path order:
    /// the same rules give the same fingerprint wherever they are read from.
    pub fn fingerprint(&self) -> Result<String, RuleError> {
        use sha2::{Digest, Sha256};
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        match self {
            RuleSource::Embedded => {
                fn walk(d: &Dir<'_>, out: &mut Vec<(String, Vec<u8>)>) {
                    for f in d.files() {
                        out.push((
                            f.path().to_string_lossy().replace('\\', "/"),
                            f.contents().to_vec(),
                        ));
                    }
                    for sub in d.dirs() {
                        walk(sub, out);
                    }
                }
                walk(&EMBEDDED, &mut files);
            }
            RuleSource::Dir(dir) => {
                for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
                    let e = e.map_err(|e| {
                        RuleError::whole(dir.display().to_string(), format!("cannot read: {e}"))
                    })?;
                    if !e.file_type().is_file() {
                        continue;
                    }
                    let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                    let bytes = std::fs::read(e.path()).map_err(|err| {
                        RuleError::whole(
                            e.path().display().to_string(),
                            format!("cannot read: {err}"),
                        )
                    })?;
                    files.push((rel.to_string_lossy().replace('\\', "/"), bytes));
                }
            }
        }
        files.sort();
        let mut h = Sha256::new();
        for (path, bytes) in &files {
            h.update(path.as_bytes());
            h.update([0]);
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Whether the file `rel` exists (a file whose presence chooses a
    /// grammar, such as `en/directive/clauses.toml`).
    pub fn has(&self, rel: &str) -> bool {
        match self {
            RuleSource::Embedded => EMBEDDED.get_file(rel).is_some(),
            RuleSource::Dir(dir) => dir.join(rel).is_file(),
        }
    }

    /// Read one file by its path relative to the rules folder (`quantity/units.toml`).
    pub fn read(&self, rel: &str) -> Result<RuleFile, RuleError> {
        match self {
            RuleSource::Embedded => {
                let display = format!("rules/{rel}");
                let file = EMBEDDED.get_file(rel).ok_or_else(|| {
                    RuleError::whole(display.clone(), "missing from the embedded rules")
                })?;
                let content = file
                    .contents_utf8()
                    .ok_or_else(|| RuleError::whole(display.clone(), "not valid UTF-8"))?;
                Ok(RuleFile {
                    display,
                    content: content.to_string(),
                })
            }
            RuleSource::Dir(dir) => {
                let path = dir.join(rel);
                let display = path.display().to_string();
                let bytes = std::fs::read(&path)
                    .map_err(|e| RuleError::whole(display.clone(), format!("cannot read: {e}")))?;
                let content = String::from_utf8(bytes).map_err(|e| {
                    RuleError::whole(
                        display.clone(),
                        format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                    )
                })?;
                Ok(RuleFile { display, content })
            }
        }
    }
}

/// The rules files each folder holds: `text/` and the extractor folders of
/// a language folder (`vi/quantity/`, …). Any other `.toml` file, and any
/// other folder, is an error (a misspelt name would otherwise be passed
/// over); files that are not `.toml` (README, GUIDE, scripts) are not read
/// and are allowed anywhere, as are the example corpora the tests read
/// ([`is_corpus`]) in the extractor folders.
pub const LAYOUT: &[(&str, &[&str])] = &[
    (
        "text",
        &["abbreviations.toml", "language.toml", "meta.toml"],
    ),
    (
        "quantity",
        &[
            "units.toml",
            "scales.toml",
            "numerals.toml",
            "qualifiers.toml",
            "context.toml",
        ],
    ),
    ("place", &["countries.toml", "regions.toml", "context.toml"]),
    ("person", &["names.toml", "titles.toml"]),
    ("legal", &["types.toml", "issuers.toml", "cite.toml"]),
    ("directive", &["orgs.toml", "verbs.toml", "clauses.toml"]),
];

/// An example corpus read by the tests (`examples.toml`,
/// `numeral_examples.toml`), not by the program.
pub fn is_corpus(name: &str) -> bool {
    name == "examples.toml" || name.ends_with("_examples.toml")
}

fn layout_files(folder: &str) -> Option<&'static [&'static str]> {
    LAYOUT.iter().find(|(f, _)| *f == folder).map(|(_, v)| *v)
}

fn extractor_folders() -> String {
    LAYOUT
        .iter()
        .filter(|(f, _)| *f != "text")
        .map(|(f, _)| format!("{f}/"))
        .collect::<Vec<_>>()
        .join(", ")
}

const NOT_A_LANGUAGE: &str = "not a language folder: a language folder is named by its code (`vi`, `en`); `text/` is the only other folder";

/// A language folder's name: its code as the detector writes it.
fn is_language_code(n: &str) -> bool {
    (2..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_lowercase())
}

impl RuleSource {
    /// How a path relative to the rules folder is shown in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            RuleSource::Embedded => format!("rules/{rel}"),
            RuleSource::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// Every file and folder of the source, relative (`vi/quantity`,
    /// `vi/quantity/units.toml`), with whether it is a folder; names
    /// starting with a dot are passed over.
    fn entries(&self) -> Result<Vec<(String, bool)>, RuleError> {
        let mut out = Vec::new();
        match self {
            RuleSource::Embedded => {
                fn walk(d: &Dir<'_>, out: &mut Vec<(String, bool)>) {
                    for e in d.entries() {
                        let rel = e.path().to_string_lossy().replace('\\', "/");
                        match e {
                            include_dir::DirEntry::Dir(sub) => {
                                out.push((rel, true));
                                walk(sub, out);
                            }
                            include_dir::DirEntry::File(_) => out.push((rel, false)),
                        }
                    }
                }
                walk(&EMBEDDED, &mut out);
            }
            RuleSource::Dir(dir) => {
                let walker = walkdir::WalkDir::new(dir)
                    .min_depth(1)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
                for e in walker {
                    let e = e.map_err(|e| {
                        RuleError::whole(dir.display().to_string(), format!("cannot read: {e}"))
                    })?;
                    let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                    out.push((
                        rel.to_string_lossy().replace('\\', "/"),
                        e.file_type().is_dir(),
                    ));
                }
            }
        }
        out.retain(|(rel, _)| !rel.split('/').any(|p| p.starts_with('.')));
        out.sort();
        Ok(out)
    }

    /// Every folder and `.toml` file has a known name ([`LAYOUT`]): an error
    /// names the first that has not, and the names expected there.
    pub fn check_layout(&self) -> Result<(), RuleError> {
        for (rel, is_dir) in self.entries()? {
            let parts: Vec<&str> = rel.split('/').collect();
            let err = |msg: String| Err(RuleError::whole(self.display(&rel), msg));
            if is_dir {
                match parts.as_slice() {
                    ["text"] => {}
                    [lang] if is_language_code(lang) => {}
                    [_] => {
                        return err(NOT_A_LANGUAGE.into());
                    }
                    ["text", _] => {
                        return err("unknown folder: `text/` holds files only".into());
                    }
                    [_, ex] if layout_files(ex).is_some() && *ex != "text" => {}
                    [lang, _] => {
                        return err(format!(
                            "unknown folder: a language folder holds {}",
                            extractor_folders()
                        )
                        .replace("language folder", &format!("language folder (`{lang}/`)")));
                    }
                    _ => {
                        return err(format!(
                            "unknown folder: an extractor folder ({}) holds files only",
                            extractor_folders()
                        ));
                    }
                }
                continue;
            }
            let Some(name) = parts.last().filter(|n| n.ends_with(".toml")) else {
                continue; // README, GUIDE, scripts: not read
            };
            let expected = |folder: &str, files: &[&str], corpora: bool| {
                let mut msg = format!("unknown rules file: `{folder}/` holds {}", files.join(", "));
                if corpora {
                    msg.push_str(" (and example corpora: examples.toml, *_examples.toml)");
                }
                msg
            };
            match parts.as_slice() {
                ["text", _] => {
                    let files = layout_files("text").unwrap_or_default();
                    if !files.contains(name) {
                        return err(expected("text", files, false));
                    }
                }
                [_, ex, _] => {
                    let files = layout_files(ex).unwrap_or_default();
                    if !files.contains(name) && !is_corpus(name) {
                        return err(expected(ex, files, true));
                    }
                }
                [_] => {
                    return err(
                        "unknown rules file: rules files live in `text/` and in the extractor folders of each language (`vi/quantity/units.toml`)".into(),
                    );
                }
                _ => {
                    return err(format!(
                        "unknown rules file: a language folder holds files only in its extractor folders ({})",
                        extractor_folders()
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The folder of one language's extractor rules inside a [`RuleSource`]:
/// `read("quantity/units.toml")` reads `rules/<code>/quantity/units.toml`.
#[derive(Debug, Clone)]
pub struct LangDir<'a> {
    root: &'a RuleSource,
    code: String,
}

impl LangDir<'_> {
    /// Read one file by its path relative to the language folder.
    pub fn read(&self, rel: &str) -> Result<RuleFile, RuleError> {
        self.root.read(&format!("{}/{rel}", self.code))
    }

    /// Whether the language folder holds the file `rel`.
    pub fn has(&self, rel: &str) -> bool {
        self.root.has(&format!("{}/{rel}", self.code))
    }

    /// The language code (the folder's name).
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl RuleSource {
    /// The folder of language `code`'s extractor rules.
    pub fn lang(&self, code: &str) -> LangDir<'_> {
        LangDir {
            root: self,
            code: code.to_string(),
        }
    }

    /// The language folders: every folder of the source but `text`, sorted.
    /// A folder's name is a language code as the detector writes it
    /// (`vi`, `en`): two or three lower-case ASCII letters.
    pub fn languages(&self) -> Result<Vec<String>, RuleError> {
        let mut names: Vec<String> = match self {
            RuleSource::Embedded => EMBEDDED
                .dirs()
                .filter_map(|d| d.path().file_name()?.to_str().map(str::to_string))
                .collect(),
            RuleSource::Dir(dir) => std::fs::read_dir(dir)
                .map_err(|e| {
                    RuleError::whole(dir.display().to_string(), format!("cannot read: {e}"))
                })?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .collect(),
        };
        names.retain(|n| n != "text");
        names.sort();
        for n in &names {
            if !is_language_code(n) {
                let file = match self {
                    RuleSource::Embedded => format!("rules/{n}"),
                    RuleSource::Dir(d) => d.join(n).display().to_string(),
                };
                return Err(RuleError::whole(file, NOT_A_LANGUAGE));
            }
        }
        Ok(names)
    }
}

/// One language's extractor rules (`rules/<code>/`).
#[derive(Debug, Clone)]
pub struct LangRules {
    /// The language code, as the detector writes it (`vi`, `en`).
    pub code: String,
    pub quantity: quantity::QuantityRules,
    pub place: place::PlaceRules,
    pub person: person::PersonRules,
    pub legal: legal::LegalRules,
    pub directive: directive::DirectiveRules,
}

impl LangRules {
    /// Load and validate the folder of one language.
    pub fn load(dir: &LangDir<'_>) -> Result<LangRules, RuleError> {
        let quantity = quantity::QuantityRules::load(dir)?;
        let place = place::PlaceRules::load(dir)?;
        let person = person::PersonRules::load(dir)?;
        let legal = legal::LegalRules::load(dir)?;
        let directive = directive::DirectiveRules::load(dir)?;
        // the task-assigning documents of the directive rules are types of the legal rules
        let known = |t: &str| {
            legal
                .types
                .types
                .iter()
                .any(|d| d.name.get_ref().trim() == t)
        };
        if let Some(t) = directive
            .verbs
            .documents
            .types
            .iter()
            .find(|t| !known(t.trim()))
        {
            let file = dir.read("directive/verbs.toml")?;
            let at = file.content.find(&format!("\"{t}\""));
            return Err(file.error_at(at, format!("`{t}` is not a type of legal/types.toml")));
        }
        Ok(LangRules {
            code: dir.code().to_string(),
            quantity,
            place,
            person,
            legal,
            directive,
        })
    }
}

/// Every rule set the pipeline needs, loaded and validated: the text rules
/// that serve every document, and the extractor rules of each language.
#[derive(Debug, Clone)]
pub struct Rules {
    pub text: text::TextRules,
    /// One set per language folder, sorted by code.
    pub languages: Vec<LangRules>,
}

impl Rules {
    /// The rules compiled into the binary.
    pub fn embedded() -> Result<Rules, RuleError> {
        Rules::load(&RuleSource::Embedded)
    }

    /// Load and validate every rules file from a source.
    pub fn load(source: &RuleSource) -> Result<Rules, RuleError> {
        // the text rules (mostly regexes) compile on a thread of their own
        // while the languages load: start-up is most of a one-document run.
        // Errors are reported in the same order as one by one.
        source.check_layout()?;
        std::thread::scope(|s| {
            let text = s.spawn(|| text::TextRules::load(source));
            let languages: Result<Vec<LangRules>, RuleError> =
                source.languages().and_then(|codes| {
                    codes
                        .iter()
                        .map(|c| LangRules::load(&source.lang(c)))
                        .collect()
                });
            let text = text
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (mut text, languages) = (text?, languages?);
            let fallback = text.language.fallback.as_str();
            if !languages.iter().any(|l| l.code == fallback) {
                let file = source.read("text/language.toml")?;
                let at = file.content.find("fallback");
                return Err(file.error_at(
                    at,
                    format!("no rules folder `{fallback}/` for the fallback language"),
                ));
            }
            // a byline in capitals starts with a family name of the person
            // rules (of every language)
            text.meta.signature.caps_surnames = languages
                .iter()
                .flat_map(|l| &l.person.names.surnames)
                .map(|n| crate::fold::fold(n).to_lowercase())
                .collect();
            Ok(Rules { text, languages })
        })
    }

    /// The extractor rules of language `code`, if it has a folder.
    pub fn language(&self, code: &str) -> Option<&LangRules> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The extractor rules a document detected as `code` gets: its own
    /// language's, the fallback language's for `und` (too little text to
    /// tell; `language.toml`), none for a language without rules.
    pub fn for_language(&self, code: &str) -> Option<&LangRules> {
        match code {
            "und" => self.language(&self.text.language.fallback),
            c => self.language(c),
        }
    }

    /// Load from a folder, or the embedded rules when `dir` is `None`.
    pub fn from_option(dir: Option<&Path>) -> Result<Rules, RuleError> {
        match dir {
            Some(d) => Rules::load(&RuleSource::Dir(d.to_path_buf())),
            None => Rules::embedded(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        if let Err(e) = Rules::embedded() {
            panic!("embedded rules do not load: {e}");
        }
    }

    #[test]
    fn toml_syntax_error_names_file_and_line() {
        let f = RuleFile {
            display: "rules/x.toml".into(),
            content: "a = 1\nb = \n".into(),
        };
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct X {
            a: i64,
        }
        let e = f.parse::<X>().unwrap_err();
        assert_eq!(e.file, "rules/x.toml");
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("rules/x.toml:2: "), "{e}");
    }
}
