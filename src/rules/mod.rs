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
//! [`RuleError`] that names the file and line: `rules/quantity/units.toml:12: …`.
//!
//! This module holds data and checks it; it imports nothing of ours but
//! `model` and the leaf `fold` (regexes are compiled, and reported with
//! their line, at load). Every file is parsed once per load.

pub mod directive;
pub mod legal;
pub mod person;
pub mod place;
pub mod quantity;
pub mod text;

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// A problem in a rules file, with the file and (when known) the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Shown as `rules/<relative path>` for embedded files, else the real path.
    pub file: String,
    /// 1-based line.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
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

impl RuleFile {
    /// An error at a byte offset of this file.
    pub fn error_at(&self, offset: Option<usize>, message: impl Into<String>) -> RuleError {
        RuleError {
            file: self.display.clone(),
            line: offset.map(|o| line_of(&self.content, o)),
            message: message.into(),
        }
    }

    /// Parse the file into `T`, turning TOML errors into file:line errors.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RuleError> {
        toml::from_str::<T>(&self.content).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            self.error_at(offset, e.message().trim().to_string())
        })
    }
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
                    let e = e.map_err(|e| RuleError {
                        file: dir.display().to_string(),
                        line: None,
                        message: format!("cannot read: {e}"),
                    })?;
                    if !e.file_type().is_file() {
                        continue;
                    }
                    let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                    let bytes = std::fs::read(e.path()).map_err(|err| RuleError {
                        file: e.path().display().to_string(),
                        line: None,
                        message: format!("cannot read: {err}"),
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
                let file = EMBEDDED.get_file(rel).ok_or_else(|| RuleError {
                    file: display.clone(),
                    line: None,
                    message: "missing from the embedded rules".into(),
                })?;
                let content = file.contents_utf8().ok_or_else(|| RuleError {
                    file: display.clone(),
                    line: None,
                    message: "not valid UTF-8".into(),
                })?;
                Ok(RuleFile {
                    display,
                    content: content.to_string(),
                })
            }
            RuleSource::Dir(dir) => {
                let path = dir.join(rel);
                let display = path.display().to_string();
                let bytes = std::fs::read(&path).map_err(|e| RuleError {
                    file: display.clone(),
                    line: None,
                    message: format!("cannot read: {e}"),
                })?;
                let content = String::from_utf8(bytes).map_err(|e| RuleError {
                    file: display.clone(),
                    line: None,
                    message: format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                })?;
                Ok(RuleFile { display, content })
            }
        }
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
                .map_err(|e| RuleError {
                    file: dir.display().to_string(),
                    line: None,
                    message: format!("cannot read: {e}"),
                })?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .collect(),
        };
        names.retain(|n| n != "text");
        names.sort();
        for n in &names {
            let ok = (2..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                let file = match self {
                    RuleSource::Embedded => format!("rules/{n}"),
                    RuleSource::Dir(d) => d.join(n).display().to_string(),
                };
                return Err(RuleError {
                    file,
                    line: None,
                    message: "not a language folder: a language folder is named by its code (`vi`, `en`); `text/` is the only other folder".into(),
                });
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
            return Err(file.error_at(
                at,
                format!("documents.types: `{t}` is not a type of legal/types.toml"),
            ));
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
                    format!("fallback: no rules folder `{fallback}/` for the fallback language"),
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
