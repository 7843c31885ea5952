//! The quantity extractor's knowledge (`rules/quantity/*.toml`): units and
//! currencies, scale words, number words, qualifiers and change words, and
//! the contexts that make a number not a quantity (dates, ordinals,
//! durations, codes, fixed expressions).
//!
//! Everything here is plain data, checked on load: kinds must be known,
//! codes and forms non-empty, no written form claimed by two units or two
//! qualifiers. Errors name the file and the line of the offending entry.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::{LangDir, RuleError, RuleFile};
use crate::model::QuantityKind;

/// One unit or currency.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Written to the `unit` column: ISO 4217, `percent`, `t`, `km`, …
    pub code: Spanned<String>,
    pub kind: QuantityKind,
    /// Forms written after the number (`4.814 tỷ đồng`).
    #[serde(default)]
    pub forms: Vec<String>,
    /// Forms written before the number (`$10`, `USD 5`, `EUR29,99`).
    #[serde(default)]
    pub prefix: Vec<String>,
    /// Forms glued to the digits (`20€`, `50.000đ`, `5km`).
    #[serde(default)]
    pub suffix: Vec<String>,
    /// Compare forms with case (`t` tonne is not `T`).
    #[serde(default)]
    pub case_sensitive: bool,
    /// A word right after the form that means this is not the unit
    /// (`5 đồng chí` are five comrades, not five đồng).
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Minor unit: `2 đô la 23 xu` adds 23 of these (value 0.01).
    #[serde(default)]
    pub minor: Vec<String>,
    #[serde(default)]
    pub minor_value: Option<f64>,
    /// The figure is this many of the code's unit: a cent (`mười xu`) is
    /// 0.01 USD.
    #[serde(default)]
    pub factor: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    #[serde(rename = "unit")]
    pub units: Vec<Unit>,
    /// Rates: `USD/tấn`, `đồng/kg`: a money unit, then one of these, then a
    /// measure unit gives the code `USD/t`.
    #[serde(default)]
    pub rate_separators: Vec<String>,
    /// Denominators of two words or more (`đồng/cổ phiếu`); otherwise one word.
    #[serde(default)]
    pub rate_nouns: Vec<String>,
    /// Words written for `/` in a price (`31.500 đồng một kg`, `đồng mỗi
    /// kg`): a rate when a unit follows, or a noun of `per_nouns`.
    #[serde(default)]
    pub per_words: Vec<String>,
    /// Nouns a price is given per with `per_words` (`đồng mỗi lượng`).
    #[serde(default)]
    pub per_nouns: Vec<String>,
}

/// A scale word: `tỷ` multiplies by 1e9. Consecutive scales multiply (`nghìn tỷ`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub value: Spanned<f64>,
    #[serde(default)]
    pub forms: Vec<String>,
    /// Letters glued to the digits (`100K`, `3M`), compared with case.
    #[serde(default)]
    pub suffix: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalesFile {
    #[serde(rename = "scale")]
    pub scales: Vec<Scale>,
}

/// A qualifier (`over`, `about`, …) with the words that express it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub name: Spanned<String>,
    /// Written before the figure: `hơn 30`, `khoảng 10.725 tỷ đồng`.
    #[serde(default)]
    pub before: Vec<String>,
    /// Written after the figure: `7000 đồng trở xuống`.
    #[serde(default)]
    pub after: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Words that make the following figure a rise: `tăng 10,5%`.
    pub up: Vec<String>,
    /// Words that make it a fall: `giảm 4,1%`.
    pub down: Vec<String>,
    /// Words that may stand between the change word and the figure
    /// (`tăng thêm 1,2 tỷ USD`).
    pub between: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifiersFile {
    #[serde(rename = "qualifier")]
    pub qualifiers: Vec<Qualifier>,
    pub change: Change,
}

/// When a number is not a quantity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotQuantity {
    /// A number right after one of these is a label, an ordinal or a date
    /// part: `lần thứ 14`, `năm 2024`, `số 15`, `phút 28`.
    pub before: Vec<String>,
    /// Longer phrases ending in a `before` word that do not exclude.
    #[serde(default)]
    pub before_except: Vec<String>,
    /// A number right before one of these is a date, a time or a duration:
    /// `6 tháng`, `20 giờ`, `30 năm`.
    pub after: Vec<String>,
    /// Letters glued after the digits that make a time (`20h30`).
    pub time_suffix: Vec<String>,
    /// Numbers with no separators and at least this many digits, starting
    /// with 0, are phone numbers or codes.
    pub phone_min_digits: usize,
    /// A run of at least this many digits with no separator, right after a
    /// word in capitals that is no unit, is a code or a model (`lúa OM 5451`,
    /// `IR 50404`), not a quantity.
    pub code_min_digits: usize,
    /// Words after which a year-like number before a noun is a year that
    /// names the noun (`the 2019 target`, `its 2025 plan`), not a count.
    #[serde(default)]
    pub year_after: Vec<String>,
    /// Nouns that a year-like number right before them names, whatever
    /// leads to it (`surpass 2019 target`, `exceeds 2015 goal`).
    #[serde(default)]
    pub year_nouns: Vec<String>,
}

/// A number with neither unit nor counted noun is kept only after these
/// (`nâng tổng số FTA lên 17`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bare {
    pub after_words: Vec<String>,
    /// Between a bare number and a count it is a share of: `1,596 of 2,991
    /// projects` counts projects too.
    #[serde(default)]
    pub share_of: Vec<String>,
}

/// The counted noun phrase: `27 dự án FDI` → `dự án FDI`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counted {
    /// Words that end the phrase and cannot begin it.
    pub stop: Vec<String>,
    /// Nouns that begin with a stop word (`bị cáo`): they are not stops.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Words that may continue the phrase but not begin it (`3 rõ`).
    pub not_first: Vec<String>,
    /// `và`/`hoặc`: the phrase goes on after them if a noun follows
    /// (`quốc gia và vùng lãnh thổ`), not if a number does.
    pub joiners: Vec<String>,
    /// Endings of words that end the phrase after its first word (English
    /// `-ed`: `4.2 million visitors arrived`); lower case.
    #[serde(default)]
    pub stop_endings: Vec<String>,
    /// A capitalised word may open the phrase when a lower-case word
    /// follows it (English adjectives of nationality: `94 Vietnamese
    /// embassies`, `2,000 Korean firms`).
    #[serde(default)]
    pub capital_before_lower: bool,
    pub max_words: usize,
}

/// The metric a figure measures: `doanh thu … ước đạt 4.814 tỷ đồng`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Stripped from the end of the subject (verbs and linkers before the figure).
    pub trailing: Vec<String>,
    /// Stripped from its start (discourse markers), phrases matched longest first.
    pub leading: Vec<String>,
    /// Everything up to and including the last of these is dropped
    /// (`tăng mạnh như máy móc` → `máy móc`).
    pub cut_after: Vec<String>,
    /// A subject written after the figure ends at these (`so với`).
    pub after_stop: Vec<String>,
    pub max_words: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ranges {
    /// Between the two ends: `6,5-7%`, `từ 6,5 đến 7%`.
    pub connectors: Vec<String>,
    /// Before the first end, part of the figure's text: `từ`, `giữa`.
    pub prefixes: Vec<String>,
    /// `giữa 1000 và 2000 đồng`: connectors valid only after these prefixes.
    pub between_prefixes: Vec<String>,
    pub between_connectors: Vec<String>,
    /// A range with the unit on both ends needs a prefix before it
    /// (`from 1,000 dong to 2,000 dong`): without one the two figures stand
    /// apart (`up by 1.05 billion USD to 3.92 billion USD`).
    #[serde(default)]
    pub unit_range_needs_prefix: bool,
}

/// Negative numbers: `âm 1.200.000`, `-2,5%` (a minus glued to the digits).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub negative_words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFile {
    /// How digits are written: which mark is the decimal one.
    pub number: NumberFormat,
    pub not_quantity: NotQuantity,
    pub sign: Sign,
    pub bare: Bare,
    pub counted: Counted,
    pub subject: Subject,
    pub ranges: Ranges,
}

/// `[number]` of `context.toml`: `decimal_mark = ","` (Vietnamese: `4.814`
/// is 4814, `6,5` is 6.5) or `"."` (English: `4,814` is 4814, `6.5` is 6.5).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberFormat {
    pub decimal_mark: Spanned<String>,
}

impl NumberFormat {
    /// The mark, once validated at load.
    pub fn mark(&self) -> crate::model::DecimalMark {
        match self.decimal_mark.get_ref().as_str() {
            "." => crate::model::DecimalMark::Point,
            _ => crate::model::DecimalMark::Comma,
        }
    }
}

/// A number from 11 to 99 written as one word (`numerals.toml`: `[[whole]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WholeWord {
    pub value: Spanned<u8>,
    pub forms: Vec<String>,
}

/// A digit written as a word (`numerals.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigitWord {
    pub value: Spanned<u8>,
    /// Wherever a digit may stand: `hai`, `năm`.
    pub forms: Vec<String>,
    /// In the units place after `mười` (default: `forms`): `mười lăm`.
    pub after_ten: Option<Vec<String>>,
    /// In the units place after `mươi` (default: `forms`): `hai mươi mốt`.
    pub after_tens: Option<Vec<String>>,
}

/// The words that compose digits into numbers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumeralWords {
    pub ten: Vec<String>,
    pub tens: Vec<String>,
    pub hundred: Vec<String>,
    pub zero_tens: Vec<String>,
    pub half: Vec<String>,
    pub point: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Denominator {
    pub form: String,
    pub value: u8,
}

/// `một nửa`, `hai phần ba`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fractions {
    pub half: Vec<String>,
    /// Phrases that are a half on their own: `phân nửa`.
    #[serde(default)]
    pub halves: Vec<String>,
    pub separator: Vec<String>,
    /// The numerator and the denominator may also be written with no
    /// separator word (`two thirds`, `one-third`); only the forms of
    /// `denominators` are read so.
    #[serde(default)]
    pub separator_optional: bool,
    #[serde(default)]
    pub denominators: Vec<Denominator>,
    pub unit: String,
}

/// When number words are not a figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumeralContext {
    /// Fixed expressions: `một số`, `hai bên`, `năm nay`.
    pub fixed: Vec<String>,
    /// Before a scale word, the figure is unsaid: `hàng trăm`.
    pub vague_before: Vec<String>,
    /// Words that make one word with a number word before them: `ba lô`.
    pub not_counted: Vec<String>,
    /// Number words that count no noun alone: `một`, `năm`, `không`.
    pub weak: Vec<String>,
    /// `gấp ba lần`: a word number takes the unit `times` only after these.
    pub times_after: Vec<String>,
    /// After these a weak word counts: `ít nhất một tàu`.
    #[serde(default)]
    pub weak_after: Vec<String>,
    /// Weak words that count before a classifier: `năm người`.
    #[serde(default)]
    pub weak_before_classifier: Vec<String>,
    #[serde(default)]
    pub classifiers: Vec<String>,
    /// Words that are a figure, even with a unit, only where a bare figure
    /// may stand: `không` (`đạt không điểm`).
    #[serde(default)]
    pub bare_only: Vec<String>,
    /// A scale word before these is another word: `tỷ phú`, `tỷ lệ`.
    #[serde(default)]
    pub scale_not_before: Vec<String>,
    /// `ba chìm bảy nổi`, `hai ba người`: single number words a word apart
    /// are an idiom or a guess.
    #[serde(default)]
    pub pairs_are_idioms: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumeralsFile {
    #[serde(rename = "digit")]
    pub digits: Vec<DigitWord>,
    /// Numbers from 11 to 99 written as one word (`eleven`, `twenty`); a
    /// multiple of ten takes a digit after it, glued by a hyphen or after
    /// a space (`twenty-one`, `twenty one`).
    #[serde(default, rename = "whole")]
    pub wholes: Vec<WholeWord>,
    pub words: NumeralWords,
    pub fractions: Fractions,
    pub context: NumeralContext,
}

/// Every rules file of the quantity extractor, validated.
#[derive(Debug, Clone)]
pub struct QuantityRules {
    pub units: UnitsFile,
    pub scales: ScalesFile,
    pub numerals: NumeralsFile,
    pub qualifiers: QualifiersFile,
    pub context: ContextFile,
}

pub const QUALIFIER_NAMES: &[&str] = &["over", "under", "about", "nearly", "at_least", "at_most"];

impl QuantityRules {
    pub fn load(source: &LangDir<'_>) -> Result<QuantityRules, RuleError> {
        let units_file = source.read("quantity/units.toml")?;
        let units: UnitsFile = units_file.parse()?;
        validate_units(&units_file, &units)?;
        let scales_file = source.read("quantity/scales.toml")?;
        let scales: ScalesFile = scales_file.parse()?;
        validate_scales(&scales_file, &scales)?;
        scales_are_no_units(&scales_file, &scales, &units_file, &units)?;
        let n_file = source.read("quantity/numerals.toml")?;
        let numerals: NumeralsFile = n_file.parse()?;
        validate_numerals(&n_file, &numerals)?;
        let q_file = source.read("quantity/qualifiers.toml")?;
        let qualifiers: QualifiersFile = q_file.parse()?;
        validate_qualifiers(&q_file, &qualifiers)?;
        let c_file = source.read("quantity/context.toml")?;
        let context: ContextFile = c_file.parse()?;
        let mark = &context.number.decimal_mark;
        if !matches!(mark.get_ref().as_str(), "," | ".") {
            return Err(c_file.error_at(
                Some(mark.span().start),
                format!("`{}` is not `,` or `.`", mark.get_ref()),
            ));
        }
        for (path, n) in [
            ("counted.max_words", context.counted.max_words),
            ("subject.max_words", context.subject.max_words),
        ] {
            if n == 0 {
                return Err(c_file.error_path(path, "must be at least 1"));
            }
        }
        Ok(QuantityRules {
            units,
            scales,
            numerals,
            qualifiers,
            context,
        })
    }
}

fn key(form: &str, case_sensitive: bool) -> String {
    let t = form.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        t
    } else {
        t.to_lowercase()
    }
}

fn validate_units(file: &RuleFile, units: &UnitsFile) -> Result<(), RuleError> {
    // written form -> (unit code, key path of the form)
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (i, u) in units.units.iter().enumerate() {
        let at = Some(u.code.span().start);
        let code = u.code.get_ref();
        if code.trim().is_empty() {
            return Err(file.error_at(at, "unit with an empty code"));
        }
        if u.forms.is_empty() && u.prefix.is_empty() && u.suffix.is_empty() {
            return Err(file.error_at(at, format!("unit `{code}` has no forms, prefix or suffix")));
        }
        if u.factor.is_some_and(|f| !(f.is_finite() && f > 0.0)) {
            return Err(file.error_path(
                &format!("unit[{i}].factor"),
                format!("unit `{code}`: `factor` must be a finite number above 0"),
            ));
        }
        if u.minor.is_empty() != u.minor_value.is_none() {
            return Err(file.error_at(
                at,
                format!("unit `{code}`: `minor` and `minor_value` go together"),
            ));
        }
        for (list, what) in [
            (&u.forms, "forms"),
            (&u.prefix, "prefix"),
            (&u.suffix, "suffix"),
        ] {
            for (j, f) in list.iter().enumerate() {
                let path = format!("unit[{i}].{what}[{j}]");
                if f.trim().is_empty() {
                    return Err(
                        file.error_path(&path, format!("unit `{code}`: empty string in `{what}`"))
                    );
                }
                let k = format!("{what}:{}", key(f, u.case_sensitive));
                match seen.get(&k) {
                    Some((other, first)) if other != code => {
                        return Err(file.error_path(
                            &path,
                            format!(
                                "form `{f}` of unit `{code}` is already a form of unit `{other}` (at {})",
                                file.place_of(first)
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(k, (code.clone(), path));
                    }
                }
            }
        }
    }
    Ok(())
}

fn validate_scales(file: &RuleFile, scales: &ScalesFile) -> Result<(), RuleError> {
    // written form -> (value, key path of the form)
    let mut seen: HashMap<String, (f64, String)> = HashMap::new();
    for (i, s) in scales.scales.iter().enumerate() {
        let v = *s.value.get_ref();
        let at = Some(s.value.span().start);
        if !(v.is_finite() && v > 1.0) {
            return Err(file.error_at(
                at,
                format!("scale value {v} must be a finite number above 1"),
            ));
        }
        if s.forms.is_empty() && s.suffix.is_empty() {
            return Err(file.error_at(at, "scale with no forms or suffix"));
        }
        // forms are compared without case, suffixes with it
        for (list, what, case) in [(&s.forms, "forms", false), (&s.suffix, "suffix", true)] {
            for (j, f) in list.iter().enumerate() {
                let path = format!("scale[{i}].{what}[{j}]");
                let k = format!("{what}:{}", key(f, case));
                match seen.get(&k) {
                    Some((other, first)) if *other != v => {
                        return Err(file.error_path(
                            &path,
                            format!(
                                "`{f}` is scale {v} here and scale {other} at {}",
                                file.place_of(first)
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(k, (v, path));
                    }
                }
            }
        }
    }
    Ok(())
}

/// No word is both a scale and a unit (`scales.toml` against `units.toml`):
/// words compared without case, glued suffixes with it.
fn scales_are_no_units(
    sf: &RuleFile,
    scales: &ScalesFile,
    uf: &RuleFile,
    units: &UnitsFile,
) -> Result<(), RuleError> {
    let mut unit_words: HashMap<String, (&str, String)> = HashMap::new();
    for (i, u) in units.units.iter().enumerate() {
        for (list, what, case) in [(&u.forms, "forms", false), (&u.suffix, "suffix", true)] {
            for (j, f) in list.iter().enumerate() {
                unit_words
                    .entry(format!("{what}:{}", key(f, case)))
                    .or_insert((u.code.get_ref(), format!("unit[{i}].{what}[{j}]")));
            }
        }
    }
    for (i, s) in scales.scales.iter().enumerate() {
        for (list, what, case) in [(&s.forms, "forms", false), (&s.suffix, "suffix", true)] {
            for (j, f) in list.iter().enumerate() {
                if let Some((code, path)) = unit_words.get(&format!("{what}:{}", key(f, case))) {
                    return Err(sf.error_path(
                        &format!("scale[{i}].{what}[{j}]"),
                        format!(
                            "`{f}` is scale {} here and unit `{code}` at {}",
                            s.value.get_ref(),
                            uf.place_of(path)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every digit 0–9 once; no form empty or given two values in one place;
/// the composing words and the fraction unit present.
fn validate_numerals(file: &RuleFile, n: &NumeralsFile) -> Result<(), RuleError> {
    let mut seen = [false; 10];
    // a word of `forms` -> (value, key path), for the whole numbers below
    let mut digit_forms: HashMap<String, (u8, String)> = HashMap::new();
    for place in ["forms", "after_ten", "after_tens"] {
        // word -> (value, key path of the word)
        let mut forms: HashMap<String, (u8, String)> = HashMap::new();
        for (i, d) in n.digits.iter().enumerate() {
            let v = *d.value.get_ref();
            let (list, list_place) = match place {
                "forms" => (Some(&d.forms), "forms"),
                "after_ten" => (d.after_ten.as_ref(), "after_ten"),
                _ => (d.after_tens.as_ref(), "after_tens"),
            };
            // a place not given takes `forms`
            let (list, list_place) = match list {
                Some(l) => (l, list_place),
                None => (&d.forms, "forms"),
            };
            for (j, f) in list.iter().enumerate() {
                let path = format!("digit[{i}].{list_place}[{j}]");
                if f.trim().is_empty() || f.split_whitespace().count() != 1 {
                    return Err(file.error_path(
                        &path,
                        format!("digit {v}: `{f}` in `{place}` must be one word"),
                    ));
                }
                match forms.get(&key(f, false)) {
                    Some((other, first)) if *other != v => {
                        return Err(file.error_path(
                            &path,
                            format!(
                                "`{f}` is digit {v} here and digit {other} at {} (in `{place}`)",
                                file.place_of(first)
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        forms.insert(key(f, false), (v, path));
                    }
                }
            }
        }
        if place == "forms" {
            digit_forms = forms;
        }
    }
    for d in &n.digits {
        let v = *d.value.get_ref() as usize;
        let at = Some(d.value.span().start);
        if v > 9 || std::mem::replace(&mut seen[v], true) {
            return Err(file.error_at(at, format!("digit {v} is not 0–9 or is listed twice")));
        }
        if d.forms.is_empty() {
            return Err(file.error_at(at, format!("digit {v} has no forms")));
        }
    }
    if let Some(v) = seen.iter().position(|s| !s) {
        return Err(file.error_at(None, format!("digit {v} is missing")));
    }
    let w = &n.words;
    // `tens` (`mươi`: `hai mươi` = 20) may be empty: not every language
    // composes its tens from a digit and a word
    if w.tens.iter().any(|f| f.trim().is_empty()) {
        return Err(file.error_path("words.tens", "has an empty form"));
    }
    for (list, name) in [
        (&w.ten, "ten"),
        (&w.hundred, "hundred"),
        (&w.point, "point"),
    ] {
        if list.is_empty() || list.iter().any(|f| f.trim().is_empty()) {
            return Err(file.error_path(
                &format!("words.{name}"),
                "needs at least one non-empty form",
            ));
        }
    }
    // a whole number's words are no digit's and no other whole number's
    let mut words = digit_forms;
    for (i, w) in n.wholes.iter().enumerate() {
        let v = *w.value.get_ref();
        let at = Some(w.value.span().start);
        if !(11..=99).contains(&v) {
            return Err(file.error_at(at, format!("[[whole]] value {v} is not 11–99")));
        }
        if w.forms.is_empty() || w.forms.iter().any(|f| f.trim().is_empty()) {
            return Err(file.error_at(at, format!("[[whole]] {v} needs non-empty forms")));
        }
        for (j, f) in w.forms.iter().enumerate() {
            let path = format!("whole[{i}].forms[{j}]");
            match words.get(&key(f, false)) {
                Some((other, first)) if *other != v => {
                    return Err(file.error_path(
                        &path,
                        format!("`{f}` is {v} here and {other} at {}", file.place_of(first)),
                    ));
                }
                Some(_) => {}
                None => {
                    words.insert(key(f, false), (v, path));
                }
            }
        }
    }
    if n.fractions.unit.trim().is_empty() {
        return Err(file.error_path("fractions.unit", "is empty"));
    }
    let mut dens: HashMap<String, (u8, String)> = HashMap::new();
    for (i, d) in n.fractions.denominators.iter().enumerate() {
        let path = format!("fractions.denominators[{i}].form");
        if d.value < 2 || d.form.trim().is_empty() {
            return Err(file.error_path(
                &format!("fractions.denominators[{i}].value"),
                format!("denominator `{}` must be a word of value 2 or more", d.form),
            ));
        }
        match dens.get(&key(&d.form, false)) {
            Some((other, first)) if *other != d.value => {
                return Err(file.error_path(
                    &path,
                    format!(
                        "denominator `{}` is {} here and {other} at {}",
                        d.form,
                        d.value,
                        file.place_of(first)
                    ),
                ));
            }
            Some(_) => {}
            None => {
                dens.insert(key(&d.form, false), (d.value, path));
            }
        }
    }
    Ok(())
}

fn validate_qualifiers(file: &RuleFile, q: &QualifiersFile) -> Result<(), RuleError> {
    // `before:word` / `after:word` -> (qualifier, key path of the word)
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (i, ql) in q.qualifiers.iter().enumerate() {
        let name = ql.name.get_ref();
        let at = Some(ql.name.span().start);
        if !QUALIFIER_NAMES.contains(&name.as_str()) {
            return Err(file.error_at(
                at,
                format!(
                    "unknown qualifier `{name}` (expected one of {})",
                    QUALIFIER_NAMES.join(", ")
                ),
            ));
        }
        for (place, list) in [("before", &ql.before), ("after", &ql.after)] {
            for (j, f) in list.iter().enumerate() {
                let path = format!("qualifier[{i}].{place}[{j}]");
                if f.trim().is_empty() {
                    return Err(file.error_path(&path, format!("qualifier `{name}`: empty form")));
                }
                let k = format!("{place}:{}", key(f, false));
                if let Some((other, first)) = seen.get(&k) {
                    let what = if other == name {
                        format!("`{f}` is listed twice under `{name}`")
                    } else {
                        format!("`{f}` is listed under both `{other}` and `{name}`")
                    };
                    return Err(file
                        .error_path(&path, format!("{what} (first at {})", file.place_of(first))));
                }
                seen.insert(k, (name.clone(), path));
            }
        }
    }
    // a change word is a rise or a fall, not both
    let mut change: HashMap<String, (&str, String)> = HashMap::new();
    for (dir, list) in [("up", &q.change.up), ("down", &q.change.down)] {
        for (j, f) in list.iter().enumerate() {
            let path = format!("change.{dir}[{j}]");
            match change.get(&key(f, false)) {
                Some((other, first)) if *other != dir => {
                    return Err(file.error_path(
                        &path,
                        format!(
                            "`{f}` is a change `{dir}` here and `{other}` at {}",
                            file.place_of(first)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    change.insert(key(f, false), (dir, path));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(content: &str) -> RuleFile {
        RuleFile {
            display: "rules/vi/quantity/units.toml".into(),
            content: content.into(),
        }
    }

    #[test]
    fn duplicate_form_is_reported_with_line() {
        let f = file("[[unit]]\ncode = \"VND\"\nkind = \"money\"\nforms = [\"đồng\"]\n\n[[unit]]\ncode = \"USD\"\nkind = \"money\"\nforms = [\"Đồng\"]\n");
        let units: UnitsFile = f.parse().unwrap();
        let e = validate_units(&f, &units).unwrap_err();
        assert_eq!(e.line, Some(9), "{e}"); // the form's line
        assert_eq!(e.key.as_deref(), Some("unit.forms"), "{e}");
        assert!(e.message.contains("already a form of unit `VND`"), "{e}");
        assert!(e.message.contains("units.toml:4)"), "{e}"); // and the first one's
    }

    #[test]
    fn unknown_kind_is_a_parse_error_with_line() {
        let f = file("[[unit]]\ncode = \"VND\"\nkind = \"moneys\"\nforms = [\"đồng\"]\n");
        let e = f.parse::<UnitsFile>().unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn numerals_file_is_checked() {
        let f = |content: &str| RuleFile {
            display: "rules/vi/quantity/numerals.toml".into(),
            content: content.into(),
        };
        let tail = "[words]\nten=[\"mười\"]\ntens=[\"mươi\"]\nhundred=[\"trăm\"]\nzero_tens=[]\nhalf=[]\npoint=[\"phẩy\"]\n\
                    [fractions]\nhalf=[]\nseparator=[]\nunit=\"ratio\"\n\
                    [context]\nfixed=[]\nvague_before=[]\nnot_counted=[]\nweak=[]\ntimes_after=[]\n";
        let digits = |skip: u8, dup: &str| {
            let mut s = String::new();
            for v in 0..10u8 {
                if v != skip {
                    let form = if v == 3 {
                        dup.to_string()
                    } else {
                        format!("d{v}")
                    };
                    s.push_str(&format!("[[digit]]\nvalue = {v}\nforms = [\"{form}\"]\n"));
                }
            }
            s
        };
        let ok = f(&format!("{}{tail}", digits(99, "d3")));
        let n: NumeralsFile = ok.parse().unwrap();
        assert!(validate_numerals(&ok, &n).is_ok());
        let missing = f(&format!("{}{tail}", digits(7, "d3")));
        let n: NumeralsFile = missing.parse().unwrap();
        assert_eq!(
            validate_numerals(&missing, &n).unwrap_err().message,
            "digit 7 is missing"
        );
        let twice = f(&format!("{}{tail}", digits(99, "d2")));
        let n: NumeralsFile = twice.parse().unwrap();
        let e = validate_numerals(&twice, &n).unwrap_err();
        assert!(
            e.message.contains("`d2` is digit 3 here and digit 2 at"),
            "{e}"
        );
        assert_eq!(e.line, Some(12), "{e}"); // the `forms` line of the second digit with it
    }

    #[test]
    fn unknown_qualifier_rejected() {
        let f = RuleFile {
            display: "q.toml".into(),
            content: "[[qualifier]]\nname = \"roughly\"\nbefore = [\"chừng\"]\n[change]\nup=[]\ndown=[]\nbetween=[]\n".into(),
        };
        let q: QualifiersFile = f.parse().unwrap();
        let e = validate_qualifiers(&f, &q).unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
