//! Rules of the place extractor: countries (ISO 3166-1 with Vietnamese and
//! English names) and regions/blocs (`rules/place/*.toml`).
//!
//! - `place/countries.toml`: one `[[country]]` per ISO code with its written
//!   forms (`aliases`: unambiguous; `ambiguous`: forms that are also names or
//!   words and need context), and `[[not_country]]` phrases that contain a
//!   country form without naming the country (`Mỹ Latinh`, `Lào Cai`).
//! - `place/regions.toml`: `[[region]]` regions, blocs, organisations, seas.
//! - `place/context.toml`: the word lists the context rules for ambiguous
//!   forms read (name syllables, honorifics, cue words, connectors).
//!
//! Checked on load, errors with file and line: codes are two upper-case
//! letters and unique; every form is non-empty; no form (after the text fold
//! and case folding) is claimed by two countries or regions, or by a country
//! and a region; a `not_country` phrase is not itself a country form; every
//! `need_support` form is an ambiguous form of some country.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::{LangDir, RuleError, RuleFile};
use crate::fold::fold;

/// One country or territory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-2 (`XK` user-assigned for Kosovo).
    pub code: Spanned<String>,
    pub name_en: String,
    /// The name written to the output.
    pub name_vi: String,
    #[serde(default)]
    pub official_vi: Option<String>,
    /// Forms that on their own name this country.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Forms that name it only in context.
    #[serde(default)]
    pub ambiguous: Vec<Spanned<String>>,
}

/// A phrase that contains a country form but does not name the country.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotCountry {
    pub text: Spanned<String>,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountriesFile {
    #[serde(rename = "country")]
    pub countries: Vec<CountryEntry>,
    #[serde(default, rename = "not_country")]
    pub not_country: Vec<NotCountry>,
}

/// A region, bloc, organisation or sea.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionEntry {
    /// Written to the output.
    pub name: Spanned<String>,
    #[serde(default)]
    pub name_en: String,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub ambiguous: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionsFile {
    #[serde(rename = "region")]
    pub regions: Vec<RegionEntry>,
}

/// Name syllables and honorifics: a country form glued to them is a name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub surnames: Vec<String>,
    pub given: Vec<String>,
    pub honorifics: Vec<String>,
    /// Capitalised words that are not name syllables (`Tòa án Tối cao Mỹ`).
    #[serde(default)]
    pub not_name: Vec<String>,
}

/// What lets a weak reading count.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// Ambiguous country forms that are always weak.
    pub need_support: Vec<Spanned<String>>,
    /// Ambiguous country forms that are weak when they open a sentence.
    #[serde(default)]
    pub weak_at_start: Vec<Spanned<String>>,
    /// Words right before a weak form that make it the country.
    pub cue_before: Vec<String>,
    /// Clipped country syllables that pair across a dash (`Việt - Nhật`).
    pub pair_words: Vec<String>,
    /// Tokens joining two countries (`,`, `và`, `-`).
    pub connectors: Vec<String>,
    /// Connectors across which a pair word counts (`-`, `/`).
    pub pair_connectors: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFile {
    pub names: Names,
    pub support: Support,
}

/// Every rules file of the place extractor, validated.
#[derive(Debug, Clone)]
pub struct PlaceRules {
    pub countries: CountriesFile,
    pub regions: RegionsFile,
    pub context: ContextFile,
}

pub const REGION_KINDS: &[&str] = &["region", "bloc", "organisation", "sea"];

impl Default for PlaceRules {
    fn default() -> Self {
        PlaceRules {
            countries: CountriesFile {
                countries: Vec::new(),
                not_country: Vec::new(),
            },
            regions: RegionsFile {
                regions: Vec::new(),
            },
            context: ContextFile {
                names: Names {
                    surnames: vec![],
                    given: vec![],
                    honorifics: vec![],
                    not_name: vec![],
                },
                support: Support {
                    need_support: vec![],
                    weak_at_start: vec![],
                    cue_before: vec![],
                    pair_words: vec![],
                    connectors: vec![],
                    pair_connectors: vec![],
                },
            },
        }
    }
}

impl PlaceRules {
    pub fn load(source: &LangDir<'_>) -> Result<PlaceRules, RuleError> {
        let c_file = source.read("place/countries.toml")?;
        let countries: CountriesFile = c_file.parse()?;
        let r_file = source.read("place/regions.toml")?;
        let regions: RegionsFile = r_file.parse()?;
        let x_file = source.read("place/context.toml")?;
        let context: ContextFile = x_file.parse()?;
        validate(&c_file, &countries, &r_file, &regions, &x_file, &context)?;
        Ok(PlaceRules {
            countries,
            regions,
            context,
        })
    }

    /// Every written form (aliases and context-dependent forms) of every
    /// country: the person and directive extractors read them too
    /// (`Tổng thống Argentina Javier Milei`, `đề nghị Chile …`).
    pub fn country_forms(&self) -> Vec<String> {
        self.countries
            .countries
            .iter()
            .flat_map(|c| {
                c.aliases
                    .iter()
                    .chain(&c.ambiguous)
                    .map(|a| a.get_ref().clone())
            })
            .collect()
    }
}

impl PlaceRules {
    /// The country forms that never count on their own (`need_support`:
    /// `Thái`, `Nhật`): after an honorific they are given names (`anh Thái`).
    pub fn weak_country_forms(&self) -> Vec<String> {
        self.context
            .support
            .need_support
            .iter()
            .map(|f| f.get_ref().clone())
            .collect()
    }
}

/// The matching key of a written form: folded like the text, lower-case,
/// one space between words; `-`, `–` and spaces around them all the same.
pub fn form_key(s: &str) -> String {
    let f = fold(s).to_lowercase();
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            word.clear();
        }
    };
    for c in f.chars() {
        if c.is_alphanumeric() || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            if !c.is_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

fn validate(
    c_file: &RuleFile,
    countries: &CountriesFile,
    r_file: &RuleFile,
    regions: &RegionsFile,
    x_file: &RuleFile,
    context: &ContextFile,
) -> Result<(), RuleError> {
    // form key -> (owner ("country XX" / "region NAME"), where it is written)
    let mut owner: HashMap<String, (String, &RuleFile, Option<usize>)> = HashMap::new();
    let mut codes: HashMap<String, Option<usize>> = HashMap::new();
    let mut ambiguous_country_forms: HashSet<String> = HashSet::new();
    for c in &countries.countries {
        let code = c.code.get_ref();
        let at = Some(c.code.span().start);
        if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
            return Err(c_file.error_at(
                at,
                format!("country code `{code}` is not two upper-case letters"),
            ));
        }
        if let Some(first) = codes.insert(code.clone(), at) {
            return Err(c_file.error_at(
                at,
                format!(
                    "country code `{code}` is listed twice (first at {})",
                    c_file.place(first)
                ),
            ));
        }
        if c.name_vi.trim().is_empty() || c.name_en.trim().is_empty() {
            return Err(c_file.error_at(at, format!("country `{code}`: empty name_vi or name_en")));
        }
        let me = format!("country {code}");
        for (form, ambiguous) in c
            .aliases
            .iter()
            .map(|f| (f, false))
            .chain(c.ambiguous.iter().map(|f| (f, true)))
        {
            let key = form_key(form.get_ref());
            let at = Some(form.span().start);
            if key.is_empty() {
                return Err(c_file.error_at(at, format!("country `{code}`: empty form")));
            }
            if ambiguous {
                ambiguous_country_forms.insert(key.clone());
            }
            match owner.get(&key) {
                Some((other, file, first)) if *other != me => {
                    return Err(c_file.error_at(
                        at,
                        format!(
                            "form `{}` of {me} is already a form of {other} (at {})",
                            form.get_ref(),
                            file.place(*first)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (me.clone(), c_file, at));
                }
            }
        }
    }
    let mut names: HashMap<String, Option<usize>> = HashMap::new();
    for r in &regions.regions {
        let name = r.name.get_ref();
        let at = Some(r.name.span().start);
        if name.trim().is_empty() {
            return Err(r_file.error_at(at, "region with an empty name"));
        }
        if let Some(first) = names.insert(name.clone(), at) {
            return Err(r_file.error_at(
                at,
                format!(
                    "region `{name}` is listed twice (first at {})",
                    r_file.place(first)
                ),
            ));
        }
        let kind = r.kind.get_ref();
        if !REGION_KINDS.contains(&kind.as_str()) {
            return Err(r_file.error_at(
                Some(r.kind.span().start),
                format!(
                    "region `{name}`: unknown kind `{kind}` (expected one of {})",
                    REGION_KINDS.join(", ")
                ),
            ));
        }
        let me = format!("region {name}");
        for form in r.aliases.iter().chain(&r.ambiguous) {
            let key = form_key(form.get_ref());
            let at = Some(form.span().start);
            if key.is_empty() {
                return Err(r_file.error_at(at, format!("region `{name}`: empty form")));
            }
            match owner.get(&key) {
                Some((other, file, first)) if *other != me => {
                    return Err(r_file.error_at(
                        at,
                        format!(
                            "form `{}` of {me} is already a form of {other} (at {})",
                            form.get_ref(),
                            file.place(*first)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (me.clone(), r_file, at));
                }
            }
        }
    }
    // (dash and spacing variants of one phrase fold to the same key: harmless)
    for nc in &countries.not_country {
        let key = form_key(nc.text.get_ref());
        let at = Some(nc.text.span().start);
        if key.is_empty() {
            return Err(c_file.error_at(at, "not_country with an empty text"));
        }
        if let Some((o, file, first)) = owner.get(&key) {
            if o.starts_with("country") {
                return Err(c_file.error_at(
                    at,
                    format!(
                        "not_country `{}` is a form of {o} (at {})",
                        nc.text.get_ref(),
                        file.place(*first)
                    ),
                ));
            }
        }
    }
    for f in context
        .support
        .need_support
        .iter()
        .chain(&context.support.weak_at_start)
    {
        if !ambiguous_country_forms.contains(&form_key(f.get_ref())) {
            return Err(x_file.error_at(
                Some(f.span().start),
                format!(
                    "`{}` (support) is not an ambiguous form of any country",
                    f.get_ref()
                ),
            ));
        }
    }
    let lists: [(&str, &Vec<String>); 7] = [
        ("names.surnames", &context.names.surnames),
        ("names.given", &context.names.given),
        ("names.honorifics", &context.names.honorifics),
        ("names.not_name", &context.names.not_name),
        ("support.cue_before", &context.support.cue_before),
        ("support.pair_words", &context.support.pair_words),
        ("support.connectors", &context.support.connectors),
    ];
    for (what, list) in lists {
        if let Some(i) = list.iter().position(|w| w.trim().is_empty()) {
            return Err(x_file.error_path(&format!("{what}[{i}]"), "empty string"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(countries: &str, regions: &str) -> Result<(), RuleError> {
        let c = RuleFile {
            display: "rules/vi/place/countries.toml".into(),
            content: countries.into(),
        };
        let r = RuleFile {
            display: "rules/vi/place/regions.toml".into(),
            content: regions.into(),
        };
        let x = RuleFile {
            display: "rules/vi/place/context.toml".into(),
            content: "[names]\nsurnames=[]\ngiven=[]\nhonorifics=[]\n[support]\nneed_support=[]\ncue_before=[]\n\
                      pair_words=[]\nconnectors=[]\npair_connectors=[]\n"
                .into(),
        };
        let cf: CountriesFile = c.parse()?;
        let rf: RegionsFile = r.parse()?;
        let xf: ContextFile = x.parse()?;
        validate(&c, &cf, &r, &rf, &x, &xf)
    }

    const REGION: &str = "[[region]]\nname = \"EU\"\nkind = \"bloc\"\naliases = [\"EU\"]\n";

    #[test]
    fn embedded_place_rules_load() {
        let r = PlaceRules::load(&crate::rules::RuleSource::Embedded.lang("vi"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(r.countries.countries.len() >= 249);
        assert!(r
            .regions
            .regions
            .iter()
            .any(|x| x.name.get_ref() == "Mỹ Latinh"));
    }

    #[test]
    fn bad_code_reported_with_line() {
        let e = files("[[country]]\ncode = \"VN\"\nname_en = \"Viet Nam\"\nname_vi = \"Việt Nam\"\n\n[[country]]\ncode = \"usa\"\nname_en = \"x\"\nname_vi = \"y\"\n", REGION)
            .unwrap_err();
        assert_eq!(e.line, Some(7), "{e}");
        assert!(
            e.to_string()
                .starts_with("rules/vi/place/countries.toml:7: "),
            "{e}"
        );
    }

    #[test]
    fn duplicate_code_reported() {
        let e = files("[[country]]\ncode = \"VN\"\nname_en = \"a\"\nname_vi = \"b\"\n[[country]]\ncode = \"VN\"\nname_en = \"a\"\nname_vi = \"b\"\n", REGION)
            .unwrap_err();
        assert_eq!(e.line, Some(6), "{e}");
        assert!(e.message.contains("twice"), "{e}");
    }

    #[test]
    fn alias_claimed_twice_reported_with_line() {
        let c = "[[country]]\ncode = \"US\"\nname_en = \"a\"\nname_vi = \"b\"\naliases = [\"Hoa Kỳ\"]\n\
                 [[country]]\ncode = \"CN\"\nname_en = \"a\"\nname_vi = \"b\"\naliases = [\"Trung Quốc\",\n  \"hoa  kỳ\"]\n";
        let e = files(c, REGION).unwrap_err();
        assert_eq!(e.line, Some(11), "{e}");
        assert!(e.message.contains("already a form of country US"), "{e}");
        // country against region
        let c =
            "[[country]]\ncode = \"US\"\nname_en = \"a\"\nname_vi = \"b\"\naliases = [\"EU\"]\n";
        let e = files(c, REGION).unwrap_err();
        assert_eq!(e.file, "rules/vi/place/regions.toml");
        assert_eq!(e.line, Some(4), "{e}");
    }

    #[test]
    fn empty_alias_reported() {
        let c = "[[country]]\ncode = \"US\"\nname_en = \"a\"\nname_vi = \"b\"\naliases = [\"Mỹ\", \" \"]\n";
        let e = files(c, REGION).unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        assert_eq!(e.key.as_deref(), Some("country.aliases"), "{e}");
        assert!(e.message.contains("empty string"), "{e}");
    }

    #[test]
    fn unknown_region_kind_reported() {
        let e = files(
            "[[country]]\ncode = \"US\"\nname_en = \"a\"\nname_vi = \"b\"\n",
            "[[region]]\nname = \"X\"\nkind = \"club\"\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn form_keys_fold_dashes_spaces_and_tone_placement() {
        assert_eq!(
            form_key("Trung Đông – châu Phi"),
            form_key("Trung Đông-châu Phi")
        );
        assert_eq!(form_key("Thuỵ Sĩ"), form_key("thụy sĩ"));
        assert_eq!(form_key("  "), "");
    }
}
