//! Loading and validating the rules: everything language-specific lives in
//! `rules/` as TOML, one folder per extractor (`rules/quantity/units.toml`, …).
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

/// Every rule set the pipeline needs, loaded and validated.
#[derive(Debug, Clone)]
pub struct Rules {
    pub quantity: quantity::QuantityRules,
    pub text: text::TextRules,
    pub place: place::PlaceRules,
    pub person: person::PersonRules,
    pub legal: legal::LegalRules,
    pub directive: directive::DirectiveRules,
}

impl Rules {
    /// The rules compiled into the binary.
    pub fn embedded() -> Result<Rules, RuleError> {
        Rules::load(&RuleSource::Embedded)
    }

    /// Load and validate every rules file from a source.
    pub fn load(source: &RuleSource) -> Result<Rules, RuleError> {
        // the text rules (mostly regexes) compile on a thread of their own
        // while the others load: start-up is most of a one-document run.
        // Errors are reported in the same order as one by one.
        std::thread::scope(|s| {
            let text = s.spawn(|| text::TextRules::load(source));
            let quantity = quantity::QuantityRules::load(source);
            let place = place::PlaceRules::load(source);
            let person = person::PersonRules::load(source);
            let legal = legal::LegalRules::load(source);
            let directive = directive::DirectiveRules::load(source);
            let text = text
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (quantity, mut text, place, person, legal, directive) =
                (quantity?, text?, place?, person?, legal?, directive?);
            // a byline in capitals starts with a family name of the person rules
            text.meta.signature.caps_surnames = person
                .names
                .surnames
                .iter()
                .map(|n| crate::fold::fold(n).to_lowercase())
                .collect();
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
                let file = source.read("directive/verbs.toml")?;
                let at = file.content.find(&format!("\"{t}\""));
                return Err(file.error_at(
                    at,
                    format!("documents.types: `{t}` is not a type of legal/types.toml"),
                ));
            }
            Ok(Rules {
                quantity,
                text,
                place,
                person,
                legal,
                directive,
            })
        })
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
