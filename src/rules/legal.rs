//! The legal extractor's knowledge (`rules/legal/*.toml`): document types
//! with their written forms and code letters (`types.toml`), issuers with
//! their code letters and the names written after a citation
//! (`issuers.toml`), and the words around a citation (`cite.toml`).
//!
//! Everything is plain data, checked on load: every type has a name and a
//! form; no form, code letters or issuer code is claimed twice; code letters
//! are letters; the generic type names a declared type. Errors name the file
//! and the line of the offending entry (`rules/legal/types.toml:12: …`).

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::{LangDir, RuleError, RuleFile};
use crate::fold::fold;

/// One document type (`Chỉ thị`, `Nghị quyết`, …).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocType {
    /// The canonical type, written to `doc_type`.
    pub name: Spanned<String>,
    /// How the type word is written (any case).
    pub forms: Vec<Spanned<String>>,
    /// Code letters that name this type (`NQ` in `21/NQ-CP`).
    #[serde(default)]
    pub codes: Vec<Spanned<String>>,
    /// Code letters that name this type only after a year (`59/2020/QH14`),
    /// and are also the issuer.
    #[serde(default)]
    pub year_codes: Vec<Spanned<String>>,
    /// Capitalised type word + capitalised name is a reference (`Luật Đầu tư`).
    #[serde(default)]
    pub named: bool,
    /// The capitalised word alone is a reference (`Hiến pháp`).
    #[serde(default)]
    pub standalone: bool,
    /// Followed by a party body it is a reference (`Nghị quyết Đại hội`).
    #[serde(default)]
    pub party: bool,
    /// Followed by a number it is a reference unless a measure word follows.
    #[serde(default)]
    pub numbered: bool,
}

/// Words that name a document without its type (`văn bản`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generic {
    pub forms: Vec<Spanned<String>>,
    /// The type when the code does not tell.
    pub default: Spanned<String>,
    /// The type of a code that begins with an issuer (`969/TTg-KGVX`).
    pub issuer_first: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypesFile {
    #[serde(rename = "type")]
    pub types: Vec<DocType>,
    pub generic: Generic,
}

/// Code letters of an issuer and its name (`CP` → Chính phủ).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub codes: Vec<Spanned<String>>,
    pub name: Spanned<String>,
    /// The issuer by the type of the document, where the code letters alone
    /// do not tell (`15-CT/TW` of a Chỉ thị: Ban Bí thư): type name → issuer.
    #[serde(default)]
    pub by_type: std::collections::BTreeMap<String, Spanned<String>>,
}

/// Issuers written after a citation: `của Ban Bí thư`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Written {
    /// Words before the issuer (`của`).
    pub lead: Vec<String>,
    /// Words between `của X` and the citation X wrote: `theo chỉ đạo của
    /// UBND tỉnh tại Văn bản số 6099/UBND-VP`.
    pub at: Vec<String>,
    /// Whole names.
    pub bodies: Vec<String>,
    /// Whole names a place name may follow (`Tỉnh ủy Bắc Giang`).
    pub local_bodies: Vec<String>,
    /// First words of a name that goes on with capitalised words (`Bộ Công Thương`).
    pub openers: Vec<String>,
    /// Lower-case words of a place part (`tỉnh`, `thành phố`).
    pub place_words: Vec<String>,
    /// Lower-case words that end a name read after an opener.
    pub stop: Vec<String>,
    /// Verbs whose subject issued the citation after them (`ban hành`).
    pub verbs: Vec<String>,
    /// Words between that subject and the verb (`vừa`, `đã`).
    pub adverbs: Vec<String>,
    /// How many words before the verb the subject may begin.
    pub max_before: usize,
    /// A sitting of a body (`Hội nghị`, `Kỳ họp`) named before the body:
    /// `Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII`.
    pub sittings: Sittings,
    /// Words that may stand between an issuing verb and the citation, and
    /// between a lead and the issuer (`issued the Directive`, `of the
    /// Prime Minister`).
    #[serde(default)]
    pub articles: Vec<String>,
    /// Lower-case words inside a name read after an opener, taken when a
    /// capitalised word follows (`Ministry of Industry and Trade`).
    #[serde(default)]
    pub name_links: Vec<String>,
    /// A name read after an opener takes capitalised words only (and
    /// `name_links`), no lower-case syllable after each.
    #[serde(default)]
    pub capitalised_names: bool,
    /// A body written right before the type word, or before one of
    /// `possessive` and the type word, is the issuer: `Government Resolution
    /// No. 27/NQ-CP`, `the Prime Minister's Directive`.
    #[serde(default)]
    pub attributive: bool,
    /// Possessive endings between such a body and the type word (`'s`).
    #[serde(default)]
    pub possessive: Vec<String>,
    /// A place name written before a local body belongs to it: `Hanoi
    /// People's Committee`.
    #[serde(default)]
    pub place_first: bool,
}

/// `[sitting] [ordinal lead] WORD BODY [term WORD]`: the sitting is the issuer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sittings {
    /// Words naming a sitting (`Hội nghị`, `Kỳ họp`).
    pub heads: Vec<String>,
    /// Words before its ordinal (`lần thứ`, `thứ`): one word or number follows.
    pub ordinal_lead: Vec<String>,
    /// Words before the body's term after it (`khóa`): one word follows.
    pub term: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuersFile {
    #[serde(rename = "issuer")]
    pub issuers: Vec<Issuer>,
    pub written: Written,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeCite {
    /// `số` between the type word and the code.
    pub number_words: Vec<String>,
    /// Between the type word and `số` (`hỏa tốc`).
    pub modifiers: Vec<String>,
    pub max_number_digits: Spanned<usize>,
    pub max_part_letters: Spanned<usize>,
    /// Most words of a name between a type word and `số` + code.
    pub max_name_words: usize,
    /// Between coordinated citations that share a date and issuer.
    pub joiners: Vec<String>,
    /// Documents that are not references; a code after them is theirs.
    pub other_documents: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedCite {
    /// Before the date (`ban hành ngày …`).
    pub lead: Vec<String>,
    /// A sentence's opening date dates the citation an issuing verb introduces.
    pub sentence_date: bool,
    /// A date after one of `lead` is the citation's even when commas stand
    /// on both sides (`Decree 15/2022/ND-CP, dated June 5, 2024, rules …`);
    /// otherwise such a date opens the next clause.
    #[serde(default)]
    pub lead_binds: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderCite {
    /// `Số` of a header line `Số: 1583/CĐ-VPCP` (compared with case).
    pub words: Vec<String>,
    /// How many lines below the header to look for its date.
    pub date_lines: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codeless {
    /// A type word right after these is part of a name (compared with case).
    pub not_after: Vec<String>,
    /// Treaties whose name may end in `về` + a type word (`Công ước … về Luật Biển`).
    pub treaties: Vec<String>,
    /// `về` between such a treaty and the type word.
    pub topic_words: Vec<String>,
    /// Party bodies after a `party` type.
    pub party_bodies: Vec<String>,
    /// What may follow the number of `Kế hoạch 57`.
    pub number_followers: Vec<String>,
    /// What may not follow the number of a `numbered` type (`năm`).
    pub measure_words: Vec<String>,
    /// Capitalised words that are not a document's name after a `named` type.
    pub not_names: Vec<String>,
    /// Words that carry a name on (`lần thứ`, `khóa`).
    pub name_words: Vec<String>,
    /// Words that end a name.
    pub name_stop: Vec<String>,
    /// Lower-case words between a `named` type word and its capitalised
    /// name: `Law on Investment`.
    #[serde(default)]
    pub name_links: Vec<String>,
    /// A name after a `named` type takes capitalised words, years and
    /// `name_words` followed by a capitalised word only (no lower-case words).
    #[serde(default)]
    pub capitalised_names: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CiteFile {
    pub code: CodeCite,
    pub issued: IssuedCite,
    pub header: HeaderCite,
    pub codeless: Codeless,
}

/// Every rules file of the legal extractor, validated.
#[derive(Debug, Clone)]
pub struct LegalRules {
    pub types: TypesFile,
    pub issuers: IssuersFile,
    pub cite: CiteFile,
}

/// How code letters are compared: upper case, trailing digits dropped
/// (`TTg` = `TTG`, `QH14` = `QH`). `Đ` stays `Đ`.
pub fn code_key(s: &str) -> String {
    fold(s)
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_uppercase()
}

impl LegalRules {
    pub fn load(source: &LangDir<'_>) -> Result<LegalRules, RuleError> {
        let tf = source.read("legal/types.toml")?;
        let types: TypesFile = tf.parse()?;
        validate_types(&tf, &types)?;
        let isf = source.read("legal/issuers.toml")?;
        let issuers: IssuersFile = isf.parse()?;
        validate_issuers(&isf, &issuers, &tf, &types)?;
        let cf = source.read("legal/cite.toml")?;
        let cite: CiteFile = cf.parse()?;
        validate_cite(&cf, &cite)?;
        Ok(LegalRules {
            types,
            issuers,
            cite,
        })
    }
}

fn form_key(s: &str) -> String {
    fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check_letters(file: &RuleFile, c: &Spanned<String>) -> Result<(), RuleError> {
    let at = Some(c.span().start);
    let k = code_key(c.get_ref());
    if k.is_empty() || !k.chars().all(char::is_alphabetic) {
        return Err(file.error_at(
            at,
            format!(
                "code `{}` must be letters (and trailing digits)",
                c.get_ref()
            ),
        ));
    }
    Ok(())
}

fn validate_types(file: &RuleFile, t: &TypesFile) -> Result<(), RuleError> {
    // key -> (type name, where it is written)
    let mut names: HashMap<String, (String, Option<usize>)> = HashMap::new();
    let mut forms: HashMap<String, (String, Option<usize>)> = HashMap::new();
    let mut codes: HashMap<String, (String, Option<usize>)> = HashMap::new();
    for ty in &t.types {
        let name = ty.name.get_ref().trim();
        let at = Some(ty.name.span().start);
        if name.is_empty() {
            return Err(file.error_at(at, "type with an empty name"));
        }
        if let Some((_, first)) = names.insert(form_key(name), (name.to_string(), at)) {
            return Err(file.error_at(
                at,
                format!(
                    "type `{name}` declared twice (first at {})",
                    file.place(first)
                ),
            ));
        }
        if ty.forms.is_empty() {
            return Err(file.error_at(at, format!("type `{name}` has no forms")));
        }
        for f in ty.forms.iter().chain(&t.generic.forms) {
            if f.get_ref().trim().is_empty() {
                return Err(file.error_at(Some(f.span().start), "empty form"));
            }
        }
        for f in &ty.forms {
            let at = Some(f.span().start);
            if let Some((other, first)) =
                forms.insert(form_key(f.get_ref()), (name.to_string(), at))
            {
                return Err(file.error_at(
                    at,
                    format!(
                        "form `{}` of `{name}` is already a form of `{other}` (at {})",
                        f.get_ref(),
                        file.place(first)
                    ),
                ));
            }
        }
        for c in ty.codes.iter().chain(&ty.year_codes) {
            check_letters(file, c)?;
            let at = Some(c.span().start);
            if let Some((other, first)) =
                codes.insert(code_key(c.get_ref()), (name.to_string(), at))
            {
                return Err(file.error_at(
                    at,
                    format!(
                        "code `{}` of `{name}` is already a code of `{other}` (at {})",
                        c.get_ref(),
                        file.place(first)
                    ),
                ));
            }
        }
    }
    for f in &t.generic.forms {
        if let Some((other, first)) = forms.get(&form_key(f.get_ref())) {
            return Err(file.error_at(
                Some(f.span().start),
                format!(
                    "generic form `{}` is already a form of `{other}` (at {})",
                    f.get_ref(),
                    file.place(*first)
                ),
            ));
        }
    }
    for d in [&t.generic.default, &t.generic.issuer_first] {
        if !names.contains_key(&form_key(d.get_ref())) {
            return Err(file.error_at(
                Some(d.span().start),
                format!("`{}` is not a declared type", d.get_ref()),
            ));
        }
    }
    Ok(())
}

/// `tf` is the file of `types`, to name where a type's code is written.
fn validate_issuers(
    file: &RuleFile,
    f: &IssuersFile,
    tf: &RuleFile,
    types: &TypesFile,
) -> Result<(), RuleError> {
    let type_codes: HashMap<String, (String, Option<usize>)> = types
        .types
        .iter()
        .flat_map(|t| {
            t.codes.iter().map(move |c| {
                (
                    code_key(c.get_ref()),
                    (t.name.get_ref().clone(), Some(c.span().start)),
                )
            })
        })
        .collect();
    // code letters -> (issuer, where they are written)
    let mut seen: HashMap<String, (String, Option<usize>)> = HashMap::new();
    for i in &f.issuers {
        let name = i.name.get_ref().trim();
        if name.is_empty() {
            return Err(file.error_at(Some(i.name.span().start), "issuer with an empty name"));
        }
        if i.codes.is_empty() {
            return Err(file.error_at(
                Some(i.name.span().start),
                format!("issuer `{name}` has no codes"),
            ));
        }
        let type_names: Vec<&str> = types
            .types
            .iter()
            .map(|t| t.name.get_ref().trim())
            .collect();
        for (ty, who) in &i.by_type {
            if !type_names.contains(&ty.trim()) {
                return Err(file.error_at(
                    Some(who.span().start),
                    format!("`by_type` of `{name}`: `{ty}` is no document type of types.toml"),
                ));
            }
            if who.get_ref().trim().is_empty() {
                return Err(file.error_at(
                    Some(who.span().start),
                    format!("`by_type` of `{name}`: an empty issuer for `{ty}`"),
                ));
            }
        }
        for c in &i.codes {
            check_letters(file, c)?;
            let k = code_key(c.get_ref());
            let at = Some(c.span().start);
            if let Some((t, t_at)) = type_codes.get(&k) {
                return Err(file.error_at(
                    at,
                    format!(
                        "issuer code `{}` is already the code of type `{t}` (at {})",
                        c.get_ref(),
                        tf.place(*t_at)
                    ),
                ));
            }
            if let Some((other, first)) = seen.insert(k, (name.to_string(), at)) {
                return Err(file.error_at(
                    at,
                    format!(
                        "issuer code `{}` of `{name}` is already a code of `{other}` (at {})",
                        c.get_ref(),
                        file.place(first)
                    ),
                ));
            }
        }
    }
    let w = &f.written;
    for (list, what) in [
        (&w.lead, "lead"),
        (&w.at, "at"),
        (&w.bodies, "bodies"),
        (&w.local_bodies, "local_bodies"),
        (&w.openers, "openers"),
        (&w.place_words, "place_words"),
        (&w.stop, "stop"),
        (&w.verbs, "verbs"),
        (&w.adverbs, "adverbs"),
        (&w.sittings.heads, "sittings.heads"),
        (&w.sittings.ordinal_lead, "sittings.ordinal_lead"),
        (&w.sittings.term, "sittings.term"),
        (&w.articles, "articles"),
        (&w.name_links, "name_links"),
        (&w.possessive, "possessive"),
    ] {
        check_list(file, list, what)?;
    }
    if w.lead.is_empty() {
        return Err(file.error_at(None, "[written] lead must not be empty"));
    }
    Ok(())
}

/// No empty entries and no duplicates in a word list.
fn check_list(file: &RuleFile, list: &[String], what: &str) -> Result<(), RuleError> {
    let mut seen = std::collections::HashSet::new();
    for s in list {
        let k = form_key(s);
        let at = file
            .content
            .find(&format!("\"{s}\""))
            .or_else(|| file.content.find(what));
        if k.is_empty() {
            return Err(file.error_at(at, format!("empty entry in `{what}`")));
        }
        if !seen.insert(k) {
            return Err(file.error_at(at, format!("`{s}` is listed twice in `{what}`")));
        }
    }
    Ok(())
}

fn validate_cite(file: &RuleFile, c: &CiteFile) -> Result<(), RuleError> {
    for (list, what) in [
        (&c.code.number_words, "number_words"),
        (&c.code.modifiers, "modifiers"),
        (&c.code.joiners, "joiners"),
        (&c.code.other_documents, "other_documents"),
        (&c.issued.lead, "lead"),
        (&c.header.words, "words"),
        (&c.codeless.not_after, "not_after"),
        (&c.codeless.party_bodies, "party_bodies"),
        (&c.codeless.treaties, "treaties"),
        (&c.codeless.topic_words, "topic_words"),
        (&c.codeless.number_followers, "number_followers"),
        (&c.codeless.measure_words, "measure_words"),
        (&c.codeless.not_names, "not_names"),
        (&c.codeless.name_words, "name_words"),
        (&c.codeless.name_stop, "name_stop"),
        (&c.codeless.name_links, "name_links"),
    ] {
        check_list(file, list, what)?;
    }
    for n in [&c.code.max_number_digits, &c.code.max_part_letters] {
        if *n.get_ref() == 0 || *n.get_ref() > 20 {
            return Err(file.error_at(Some(n.span().start), "must be between 1 and 20"));
        }
    }
    if c.code.number_words.is_empty() {
        return Err(file.error_at(None, "[code] number_words must not be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(content: &str) -> RuleFile {
        RuleFile {
            display: "rules/vi/legal/types.toml".into(),
            content: content.into(),
        }
    }

    #[test]
    fn embedded_rules_load() {
        let r = LegalRules::load(&crate::rules::RuleSource::Embedded.lang("vi"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(r.types.types.iter().any(|t| t.name.get_ref() == "Chỉ thị"));
        assert!(r
            .issuers
            .issuers
            .iter()
            .any(|i| i.name.get_ref() == "Chính phủ"));
    }

    #[test]
    fn code_keys() {
        assert_eq!(code_key("TTg"), "TTG");
        assert_eq!(code_key("QH14"), "QH");
        assert_eq!(code_key("UBTVQH15"), "UBTVQH");
        assert_eq!(code_key("CĐ"), "CĐ");
        assert_eq!(code_key("TƯ"), "TƯ");
    }

    const GENERIC: &str =
        "[generic]\nforms = [\"văn bản\"]\ndefault = \"A\"\nissuer_first = \"A\"\n";

    #[test]
    fn duplicate_form_names_its_line() {
        let f = file(&format!(
            "[[type]]\nname = \"A\"\nforms = [\"x\"]\n\n[[type]]\nname = \"B\"\nforms = [\"X\"]\n{GENERIC}"
        ));
        let t: TypesFile = f.parse().unwrap();
        let e = validate_types(&f, &t).unwrap_err();
        assert_eq!(e.line, Some(7), "{e}");
        assert!(e.message.contains("already a form"), "{e}");
    }

    #[test]
    fn bad_code_letters_and_unknown_default() {
        let f = file(&format!(
            "[[type]]\nname = \"A\"\nforms = [\"x\"]\ncodes = [\"N-Q\"]\n{GENERIC}"
        ));
        let t: TypesFile = f.parse().unwrap();
        let e = validate_types(&f, &t).unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        let f = file("[[type]]\nname = \"A\"\nforms = [\"x\"]\n[generic]\nforms = []\ndefault = \"Z\"\nissuer_first = \"A\"\n");
        let t: TypesFile = f.parse().unwrap();
        let e = validate_types(&f, &t).unwrap_err();
        assert_eq!(e.line, Some(6), "{e}");
        assert!(
            e.to_string().starts_with("rules/vi/legal/types.toml:6: "),
            "{e}"
        );
    }

    #[test]
    fn unknown_field_is_an_error_with_line() {
        let f = file("[[type]]\nname = \"A\"\nform = [\"x\"]\n");
        let e = f.parse::<TypesFile>().unwrap_err();
        assert!(e.line.is_some(), "{e}");
    }
}
