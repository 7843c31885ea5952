//! Rules of the person extractor (`rules/person/*.toml`): family names,
//! honorifics, name particles, look-alikes that are not names, and the
//! offices (title heads and what may follow them) that make a role.
//!
//! Country names come from `rules/place/countries.toml` (given to the
//! extractor by the pipeline): a foreign name after `Tổng thống Argentina`
//! starts after the country.

use std::collections::HashSet;

use serde::Deserialize;

use super::{LangDir, RuleError, RuleFile};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    pub surnames: Vec<String>,
    pub honorifics: Vec<String>,
    /// Honorifics that count only in lower case (`anh`, not `Anh`, England).
    #[serde(default)]
    pub lower_case_only: Vec<String>,
    pub particles: Vec<String>,
    pub not_names: Vec<String>,
    pub place_heads: Vec<String>,
    /// Words that join a place head to the rest of its name (English `of`:
    /// `the Department of Price Management`): a run after them is the name
    /// of the body, not a person.
    #[serde(default)]
    pub place_links: Vec<String>,
    #[serde(default)]
    pub sentence_openers: Vec<String>,
    /// Lower-case-only honorifics capitalised at the start of a sentence,
    /// before a name of two syllables or more (`Anh Y Nguôn Niê cho biết`).
    #[serde(default)]
    pub sentence_honorifics: Vec<String>,
    /// Acts that name their actor after a link word: `cú sút của Tuấn Hải`.
    pub actors: Actors,
    /// An age or birth year in brackets right after a name proves it:
    /// `Hu Yang (8 tuổi)`, `Hùng (SN 1990)`.
    pub age: Age,
    /// Family names that are also the first syllable of many place names
    /// (`Đồng`: `Đồng Xa`, `Đồng Dầy`): by themselves they make a name of
    /// three syllables or more only.
    pub place_surnames: Vec<String>,
    /// Companies and brands, by name and by the shape of the word.
    pub brands: Brands,
}

/// `[brands]` of `names.toml`: a run of capitalised words holding one of
/// these is a body, never a person (`Tổng Giám đốc Viettel`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brands {
    pub names: Vec<String>,
    /// A word starting with one of these (`Vinamilk`) …
    pub prefixes: Vec<String>,
    /// … or ending with one of these (`Vietcombank`) …
    pub suffixes: Vec<String>,
    /// … with at least this many letters besides.
    pub min_rest: usize,
}

/// `[age]` of `names.toml`: `NAME (N UNIT …)` or `NAME (BORN N …)`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Age {
    /// Words after the number (`tuổi`).
    pub units: Vec<String>,
    /// Words before a year of birth (`SN`, `sinh năm`).
    pub born: Vec<String>,
}

/// `[actors]` of `names.toml`: `NOUN [≤ max_between lower-case words] LINK
/// NAME`, where NAME needs no family name or office.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actors {
    /// Nouns of acts done by one person (`cú sút`, `pha`, `lời khai`).
    pub nouns: Vec<String>,
    /// Words right before the actor (`của`, `với`).
    pub links: Vec<String>,
    /// Lower-case words allowed between the noun and the link.
    pub max_between: usize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitlesFile {
    pub heads: Vec<String>,
    #[serde(default)]
    pub former: Vec<String>,
    pub continue_lower: Vec<String>,
    pub connectors: Vec<String>,
    pub stop: Vec<String>,
    /// Words opening a term after an office (`nhiệm kỳ 2015-2020`, `khóa V`):
    /// the term is skipped, it is neither role nor name.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Words linking a person to an office written after the name
    /// (`ông X được bầu giữ chức Chủ tịch …`, `bầu X làm Chủ tịch …`).
    #[serde(default)]
    pub links: Vec<String>,
    /// An office opening a clause, then a comma, then the name between
    /// commas is the person's office (`Chairman of the Hanoi People's
    /// Committee, Tran Sy Thanh, said …`).
    #[serde(default)]
    pub office_comma_name: bool,
    /// An office after the name and a comma is the person's only when a
    /// mark (or the end of the sentence) closes it: `X, Director of Y, said`,
    /// but not `X, President Thuong stressed …` (a new clause's subject).
    #[serde(default)]
    pub office_after_needs_close: bool,
    /// A country form right before an office is part of it (`Spanish
    /// Ambassador Carmen Cano`, `Thai Foreign Minister …`).
    #[serde(default)]
    pub country_before_office: bool,
}

#[derive(Debug, Clone, Default)]
pub struct PersonRules {
    pub names: NamesFile,
    pub titles: TitlesFile,
}

fn no_empty(file: &RuleFile, lists: &[(&str, &Vec<String>)]) -> Result<(), RuleError> {
    for (name, list) in lists {
        if let Some(i) = list.iter().position(|s| s.trim().is_empty()) {
            return Err(file.error_at(
                None,
                format!("`{name}` has an empty entry (item {})", i + 1),
            ));
        }
        let mut seen = HashSet::new();
        for s in list.iter() {
            if !seen.insert(s.as_str()) {
                let at = file.content.find(&format!("\"{s}\""));
                return Err(file.error_at(at, format!("`{name}` lists `{s}` twice")));
            }
        }
    }
    Ok(())
}

impl PersonRules {
    pub fn load(source: &LangDir<'_>) -> Result<PersonRules, RuleError> {
        let nf = source.read("person/names.toml")?;
        let names: NamesFile = nf.parse()?;
        no_empty(
            &nf,
            &[
                ("surnames", &names.surnames),
                ("honorifics", &names.honorifics),
                ("particles", &names.particles),
                ("not_names", &names.not_names),
                ("place_heads", &names.place_heads),
                ("actors.nouns", &names.actors.nouns),
                ("actors.links", &names.actors.links),
                ("age.units", &names.age.units),
                ("age.born", &names.age.born),
                ("brands.names", &names.brands.names),
            ],
        )?;
        let tf = source.read("person/titles.toml")?;
        let titles: TitlesFile = tf.parse()?;
        no_empty(
            &tf,
            &[
                ("heads", &titles.heads),
                ("continue_lower", &titles.continue_lower),
                ("connectors", &titles.connectors),
                ("stop", &titles.stop),
                ("terms", &titles.terms),
                ("links", &titles.links),
            ],
        )?;
        Ok(PersonRules { names, titles })
    }
}
