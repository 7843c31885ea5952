//! People named in the body, with the offices written next to them.
//!
//! Names are found three ways, all on tokens of body sentences:
//! - a run of capitalised syllables that starts with a family name
//!   (`Bùi Thanh Sơn`; the rightmost family name that leaves 2–4 syllables,
//!   so `Trung Quốc Lý Cường` gives `Lý Cường`);
//! - the capitalised run right after an honorific (`ông Soichi Okazaki`);
//! - the capitalised run that ends an office (`Tổng thống Argentina Javier
//!   Milei`, `thủ môn Đình Triệu`), after any country in it.
//!
//! Roles are the offices written right before the name (`Phó Thủ tướng Chính
//! phủ, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn`: two, chained by a comma) or
//! right after it behind a comma or dash (`Nguyễn Huy Dũng, Phó Bí thư Tỉnh
//! ủy, Chủ tịch UBND tỉnh`). Later short mentions (`ông Dũng`, `ông Kim`)
//! join the person whose name holds that syllable. Bylines and credits are
//! in the skipped ranges and never become people.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Ctx, Trigger};
use crate::fold::fold;
use crate::matcher::{is_all_caps, LexiconBuilder, PhraseSet, Tok, TokKind};
use crate::model::{Mention, Person};
use crate::rules::person::PersonRules;

pub struct PersonExtractor {
    surnames: PhraseSet<()>,
    honorifics: PhraseSet<()>,
    particles: PhraseSet<()>,
    not_names: PhraseSet<()>,
    place_heads: PhraseSet<()>,
    /// `of` in `the Department of Price Management`.
    place_links: PhraseSet<()>,
    /// `titles.office_comma_name`.
    office_comma_name: bool,
    /// `titles.office_after_needs_close`.
    office_after_needs_close: bool,
    /// `titles.country_before_office`.
    country_before_office: bool,
    heads: PhraseSet<()>,
    former: PhraseSet<()>,
    continue_lower: PhraseSet<()>,
    connectors: PhraseSet<()>,
    stop: PhraseSet<()>,
    countries: PhraseSet<()>,
    age_units: PhraseSet<()>,
    place_surnames: PhraseSet<()>,
    brands: PhraseSet<()>,
    brand_prefixes: Vec<String>,
    brand_suffixes: Vec<String>,
    brand_min_rest: usize,
    age_born: PhraseSet<()>,
    /// Country forms that need support (`Thái`): a name after an honorific.
    weak_countries: PhraseSet<()>,
    openers: PhraseSet<()>,
    sentence_honorifics: PhraseSet<()>,
    actor_nouns: PhraseSet<()>,
    actor_links: PhraseSet<()>,
    actor_between: usize,
    terms: PhraseSet<()>,
    links: PhraseSet<()>,
    trigger: Trigger,
}

/// People of a document, and the normalized byte ranges of their names
/// (so that `Đức` in `Nguyễn Minh Đức` is not read as a country).
pub struct PeopleFound {
    pub people: Vec<Person>,
    pub name_ranges: Vec<Range<usize>>,
}

/// One mention found in a sentence (token indices).
#[derive(Debug, Clone)]
struct Found {
    name: (usize, usize),
    roles: Vec<(usize, usize)>,
}

impl PersonExtractor {
    pub fn new(
        rules: &PersonRules,
        country_forms: &[String],
        weak_country_forms: &[String],
        lex: &mut LexiconBuilder,
    ) -> PersonExtractor {
        let n = &rules.names;
        let t = &rules.titles;
        let mut honorifics = lex.set("person.honorifics");
        for h in &n.honorifics {
            // `ông` matches `ông` and `Ông`; `anh` only lower case (not `Anh`, England)
            let lower_only = n.lower_case_only.iter().any(|l| fold(l) == fold(h));
            lex.add(&mut honorifics, h, lower_only, ());
        }
        let surnames = lex.list_exact("person.surnames", &n.surnames, ());
        let place_surnames = lex.list_exact("person.place_surnames", &n.place_surnames, ());
        let brands = lex.list_exact("person.brands", &n.brands.names, ());
        let heads = lex.list("person.heads", &t.heads, ());
        let actor_nouns = lex.list_exact("person.actors.nouns", &n.actors.nouns, ());
        let age_units = lex.list_exact("person.age.units", &n.age.units, ());
        let age_born = lex.list_exact("person.age.born", &n.age.born, ());
        let trigger = Trigger {
            sets: surnames.mask()
                | honorifics.mask()
                | heads.mask()
                | actor_nouns.mask()
                | age_units.mask()
                | age_born.mask(),
            digits: false,
        };
        PersonExtractor {
            surnames,
            honorifics,
            particles: lex.list_exact("person.particles", &n.particles, ()),
            not_names: lex.list_exact("person.not_names", &n.not_names, ()),
            place_heads: lex.list_exact("person.place_heads", &n.place_heads, ()),
            place_links: lex.list("person.place_links", &n.place_links, ()),
            office_comma_name: rules.titles.office_comma_name,
            office_after_needs_close: rules.titles.office_after_needs_close,
            country_before_office: rules.titles.country_before_office,
            heads,
            former: lex.list_exact("person.former", &t.former, ()),
            continue_lower: lex.list("person.continue_lower", &t.continue_lower, ()),
            connectors: lex.list("person.connectors", &t.connectors, ()),
            stop: lex.list("person.stop", &t.stop, ()),
            countries: lex.list_exact("person.countries", country_forms, ()),
            weak_countries: lex.list_exact("person.weak_countries", weak_country_forms, ()),
            openers: lex.list_exact("person.openers", &n.sentence_openers, ()),
            actor_nouns,
            actor_links: lex.list_exact("person.actors.links", &n.actors.links, ()),
            actor_between: n.actors.max_between,
            age_units,
            age_born,
            place_surnames,
            brands,
            brand_prefixes: n.brands.prefixes.iter().map(|p| p.to_lowercase()).collect(),
            brand_suffixes: n.brands.suffixes.iter().map(|p| p.to_lowercase()).collect(),
            brand_min_rest: n.brands.min_rest,
            sentence_honorifics: lex.list_exact(
                "person.sentence_honorifics",
                &n.sentence_honorifics,
                (),
            ),
            terms: lex.list("person.terms", &t.terms, ()),
            links: lex.list("person.links", &t.links, ()),
            trigger,
        }
    }

    /// Runs of name syllables: capitalised words, joined by glued hyphens
    /// (`Sang-sik`) and lower-case particles (`Lula da Silva`). Returns
    /// (start, end) token ranges and, per run, the unit boundaries (a
    /// hyphenated word is one unit).
    fn runs(&self, t: &[Tok<'_>]) -> Vec<Vec<(usize, usize)>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if !t[i].is_title_case() {
                i += 1;
                continue;
            }
            let mut units: Vec<(usize, usize)> = Vec::new();
            let mut k = i;
            loop {
                // one unit: Word (- Word)*
                let s = k;
                let mut e = k + 1;
                while e + 1 < t.len()
                    && t[e].is_symbol("-")
                    && t[e].glued()
                    && t[e + 1].glued()
                    && t[e + 1].is_word()
                {
                    e += 2;
                }
                // `H'Hen Niê`: a one-letter prefix and an apostrophe (Ê Đê, Gia Rai names)
                if e == s + 1
                    && t[s].raw.chars().count() == 1
                    && t.get(e).is_some_and(|x| x.is_symbol("'") && x.glued())
                    && t.get(e + 1).is_some_and(|x| x.glued() && x.is_title_case())
                {
                    e += 2;
                }
                units.push((s, e));
                k = e;
                if k < t.len() && t[k].is_title_case() {
                    continue;
                }
                // particles between capitalised words
                let mut p = k;
                while p < t.len() && t[p].is_word() && self.particles.has_word(t, p) {
                    p += 1;
                }
                if p > k && p < t.len() && t[p].is_title_case() {
                    units.push((k, p));
                    k = p;
                    continue;
                }
                break;
            }
            out.push(units);
            i = k.max(i + 1);
        }
        out
    }

    /// The name inside a run, by family name: the leftmost family name that
    /// leaves 2–4 syllables to the end of the run and does not start a
    /// place (`Trung Quốc Lý Cường` → `Lý Cường`; `Trần Văn Minh` whole).
    fn surname_name(&self, t: &[Tok<'_>], units: &[(usize, usize)]) -> Option<usize> {
        let n = units.len();
        // places at the start of the run are not part of the name (`Quảng Ninh Cao Tường Huy`)
        let mut first = 0;
        while first < n {
            let s = units[first].0;
            // a one-word country form may be a family name (`Thái Thanh Quý`)
            let skip = self
                .not_names
                .match_at(t, s)
                .or_else(|| {
                    self.countries
                        .match_at(t, s)
                        .filter(|(k, _)| *k >= 2 || !self.surnames.has_word(t, s))
                })
                .map(|(k, _)| k);
            match skip {
                Some(k) => {
                    let end = s + k;
                    while first < n && units[first].0 < end {
                        first += 1;
                    }
                }
                None => break,
            }
        }
        (first..n).find(|&u| {
            let len = n - u;
            let s = units[u].0;
            (2..=4).contains(&len)
                && self.surnames.has_word(t, s)
                && (len >= 3 || !self.place_surnames.has_word(t, s))
                && units[u].1 - s == 1
                && !self.not_names.starts_at(t, s)
                && self.countries.match_at(t, s).is_none_or(|(k, _)| k < 2)
        })
    }

    /// `names`: the names found before in the sentence, which no office
    /// holds (`giáo sư Lindsay Wiley tại Đại học Luật Washington`: no office
    /// of Lindsay Wiley's reaches `Luật`).
    /// A company or brand among tokens `[s, e)`: a listed name, or a word of
    /// a brand's shape (`Vinamilk`, `Sacombank`).
    fn brand_in(&self, t: &[Tok<'_>], s: usize, e: usize) -> bool {
        (s..e.min(t.len())).any(|k| {
            let x = &t[k];
            if self.brands.starts_at(t, k) {
                return true;
            }
            // shapes are ASCII words with no capital inside (`Vinamilk`)
            let w = x.low;
            if !x.is_word()
                || w.len() < self.brand_min_rest + 3
                || !w.bytes().all(|b| b.is_ascii_lowercase())
                || x.raw.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            {
                return false;
            }
            let rest = |affix: &String| w.len() >= affix.len() + self.brand_min_rest;
            self.brand_prefixes
                .iter()
                .any(|p| w.starts_with(p.as_str()) && rest(p))
                || self
                    .brand_suffixes
                    .iter()
                    .any(|p| w.ends_with(p.as_str()) && rest(p))
        })
    }

    fn rejected_name(&self, t: &[Tok<'_>], s: usize, e: usize, names: &[(usize, usize)]) -> bool {
        // `Tổng Giám đốc Viettel`: a company, not a person
        if self.brand_in(t, s, e) {
            return true;
        }
        // `Hanoi People's Committee`: a run owning a capitalised word
        // (English possessive) names a body
        if t.get(e)
            .is_some_and(|x| x.glued() && (x.is_symbol("'") || x.is_symbol("’")))
            && t.get(e + 1).is_some_and(|x| x.glued() && x.low == "s")
            && t.get(e + 2).is_some_and(|x| x.is_cap())
        {
            return true;
        }
        // `Thai Minister`: an office inside the run is no part of a name
        if (s + 1..e).any(|k| t[k].is_cap() && self.heads.starts_at(t, k)) {
            return true;
        }
        // `General Statistics Office`, `Standing Committee`: a run that ends
        // in the head of a body's or a place's name is that name (not a
        // Vietnamese syllable: `Nguyễn Chí Vịnh` ends in `vịnh`, a bay)
        if e > s + 1
            && t[e - 1].is_title_case()
            && !is_vn_syllable(t[e - 1].low)
            && self.place_heads.starts_at(t, e - 1)
        {
            return true;
        }
        // a place or thing that looks like a name
        if let Some((n, _)) = self.not_names.match_at(t, s) {
            if s + n >= e || n >= 2 {
                return true;
            }
        }
        // `đường Lê Lợi`, `huyện Lâm Hà` — but `Chủ tịch UBND tỉnh Trần Ngọc Tam`;
        // a house number makes a street (`số 33 Nguyễn Du`, `42 Chu Mạnh Trinh`)
        let house = s > 0 && t[s - 1].is_number();
        // `the Department of Price Management`: the body's name goes on
        // after a link word
        if s >= 2
            && self.place_links.ends_before(t, s)
            && self
                .place_links
                .match_before(t, s)
                .is_some_and(|(l, _)| self.place_heads.ends_before(t, l))
        {
            return true;
        }
        // (`đối tượng Hùng` ends in `tượng`, a statue, but is an honorific)
        // (`học sinh tên Hu Yang (8 tuổi)`: an age proves a person)
        if (house || self.place_heads.ends_before(t, s))
            && !self.honorifics.ends_before(t, s)
            && !self.aged(t, e)
            && self.role_before_avoiding(t, s, names).is_none()
        {
            return true;
        }
        // an organisation, not a name: `Bộ Công Thương`
        if self.place_heads.starts_at(t, s) || self.heads.starts_at(t, s) {
            return true;
        }
        // a country form is not a name (`Hàn Quốc`), but one that never
        // counts alone is a given name after an honorific (`anh Thái`)
        if let Some((n, _)) = self.countries.match_at(t, s) {
            let honorific = self.honorifics.ends_before(t, s)
                || (s == 1
                    && self
                        .sentence_honorifics
                        .match_at(t, 0)
                        .is_some_and(|(m, _)| m == 1));
            let given = honorific
                && self
                    .weak_countries
                    .match_at(t, s)
                    .is_some_and(|(m, _)| m == n);
            if s + n >= e && !given {
                return true;
            }
        }
        false
    }

    /// Tokens `[a, b)` can sit between an office head and what it ends at.
    fn is_role_material(&self, t: &[Tok<'_>], a: usize, b: usize) -> bool {
        let mut k = a;
        let mut lower_run = 0;
        while k < b {
            let x = &t[k];
            if let Some((n, _)) = self.continue_lower.match_at(t, k) {
                if k + n <= b {
                    k += n;
                    lower_run = 0;
                    continue;
                }
            }
            if x.is_cap() {
                k += 1;
                lower_run = 0;
                continue;
            }
            if x.is_symbol("-")
                && x.glued()
                && t.get(k + 1).is_some_and(|y| y.glued() && y.is_word())
            {
                k += 1;
                continue;
            }
            // `Công an TP.Hải Phòng`: a dot glued on both sides
            if x.is_symbol(".")
                && k > a
                && t[k - 1].end == x.start
                && t.get(k + 1).is_some_and(|y| y.is_cap() && y.start == x.end)
                && k + 1 < b
            {
                k += 1;
                continue;
            }
            // `Bộ Nông nghiệp - Phát triển Nông thôn`: a spaced dash between
            // capitalised parts of a body's name
            if x.is_symbol("-")
                && k > a
                && t[k - 1].is_word()
                && t.get(k + 1).is_some_and(Tok::is_title_case)
                && k + 1 < b
            {
                k += 1;
                continue;
            }
            // `Bộ Văn hóa, Thể thao và Du lịch`: a comma inside a name that ends `… và Xx`
            if x.is_symbol(",") && k > a && t[k - 1].is_title_case()
                || x.is_symbol(",") && k > a && t[k - 1].is_word()
            {
                let mut j = k + 1;
                while j < b.min(k + 5)
                    && (t[j].is_cap() || (t[j].is_word() && j > k + 1 && t[j - 1].is_title_case()))
                {
                    j += 1;
                }
                if j > k + 1
                    && t.get(j).is_some_and(|y| y.low == "và")
                    && t.get(j + 1).is_some_and(Tok::is_title_case)
                    && j + 1 < b
                {
                    k = j + 1;
                    continue;
                }
            }
            // `Vụ trưởng Vụ châu Mỹ (Bộ Ngoại giao)`: a body in brackets
            if x.is_symbol("(") {
                if let Some(c) = (k + 1..b.min(k + 8)).find(|&j| t[j].is_symbol(")")) {
                    if t[k + 1..c].iter().all(|y| y.is_word())
                        && t.get(k + 1).is_some_and(Tok::is_cap)
                    {
                        k = c + 1;
                        continue;
                    }
                }
            }
            if let Some((n, _)) = self.connectors.match_at(t, k) {
                if t.get(k + n).is_some_and(Tok::is_cap) && k + n < b {
                    k += n;
                    continue;
                }
            }
            if x.is_word()
                && !self.stop.starts_at(t, k)
                && k > a
                && (t[k - 1].is_title_case() || lower_run > 0)
                && lower_run < 2
            {
                lower_run += 1;
                k += 1;
                continue;
            }
            return false;
        }
        true
    }

    /// The office ending right before token `end`: its start, if any.
    fn role_before(&self, t: &[Tok<'_>], end: usize) -> Option<usize> {
        self.role_before_avoiding(t, end, &[])
    }

    /// [`Self::role_before`], with no name of `names` inside the office
    /// (`Tổng thống Argentina Javier Milei, Tổng thống Brazil Lula`).
    fn role_before_avoiding(
        &self,
        t: &[Tok<'_>],
        end: usize,
        names: &[(usize, usize)],
    ) -> Option<usize> {
        let lo = end.saturating_sub(16);
        // the earliest head whose material reaches `end`: the longest role
        (lo..end).find(|&h| {
            self.heads
                .match_at(t, h)
                .is_some_and(|(n, _)| h + n <= end && self.is_role_material(t, h + n, end))
                && (h == 0 || !self.heads_inside(t, h))
                && !name_within(names, h, end)
        })
    }

    /// `h` is inside a longer head that starts earlier (`Thủ tướng` in `Phó Thủ tướng`).
    fn heads_inside(&self, t: &[Tok<'_>], h: usize) -> bool {
        (h.saturating_sub(3)..h).any(|s| self.heads.match_at(t, s).is_some_and(|(n, _)| s + n > h))
    }

    /// The office starting at `h` and going forward: its end (the longest
    /// stretch of role material that ends on a capitalised word or a
    /// lower-case word that continues a role, like `tỉnh`).
    fn role_from(&self, t: &[Tok<'_>], h: usize) -> Option<usize> {
        let (n, _) = self.heads.match_at(t, h)?;
        let a = h + n;
        let mut best = a;
        for e in a + 1..=(a + 20).min(t.len()) {
            if t[e - 1].kind == TokKind::Newline
                || t[e - 1].is_symbol(",")
                || t[e - 1].is_symbol(";")
            {
                break;
            }
            // `… Tỉnh ủy nhiệm kỳ 2015-2020`: the term is not part of the office
            if self.term_end(t, e - 1).is_some() {
                break;
            }
            let ends_well = t[e - 1].is_cap()
                || self.continue_lower.ends_before(t, e)
                || (t[e - 1].is_word() && e >= 2 && t[e - 2].is_title_case());
            if ends_well && !self.connectors.ends_before(t, e) && self.is_role_material(t, a, e) {
                best = e;
            }
        }
        Some(best)
    }

    /// A term at `k` (`nhiệm kỳ 2015 - 2020`, `khóa V`): its end.
    fn term_end(&self, t: &[Tok<'_>], k: usize) -> Option<usize> {
        let (n, _) = self.terms.match_at(t, k)?;
        let mut j = k + n;
        while t.get(j).is_some_and(|x| {
            x.is_number() || x.is_symbol("-") || x.is_symbol("–") || is_roman(x.raw)
        }) {
            j += 1;
        }
        (j > k + n && !t[j - 1].is_symbol("-") && !t[j - 1].is_symbol("–")).then_some(j)
    }

    /// An office linked to the person after the name and its offices
    /// (`X vừa được bầu giữ chức Chủ tịch UBND tỉnh`): its token range.
    fn linked_role(
        &self,
        t: &[Tok<'_>],
        k: usize,
        names: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        let mut j = k;
        while j < k + 4
            && t.get(j).is_some_and(|x| x.is_word() && !x.is_cap())
            && !self.links.starts_at(t, j)
        {
            j += 1;
        }
        let (n, _) = self.links.match_at(t, j)?;
        let h = j + n + self.former.match_at(t, j + n).map(|(m, _)| m).unwrap_or(0);
        if !self.heads.starts_at(t, h) {
            return None;
        }
        let re = self.role_from(t, h)?;
        (!name_starts_in(names, h + 1, re + 1)).then_some((j + n, re))
    }

    /// `cú sút của`, `pha cứa lòng đẹp mắt của` right before token `rs`.
    fn actor_before(&self, t: &[Tok<'_>], rs: usize) -> bool {
        let Some((l, _)) = self.actor_links.match_before(t, rs) else {
            return false;
        };
        let mut j = l;
        for _ in 0..=self.actor_between {
            if self.actor_nouns.ends_before(t, j) {
                return true;
            }
            match j.checked_sub(1).map(|p| &t[p]) {
                Some(x) if x.is_word() && !x.is_cap() => j -= 1,
                _ => return false,
            }
        }
        false
    }

    /// An age or a year of birth in brackets at `k`: `(8 tuổi)`, `(SN 1990,
    /// …)`, `(sinh năm 1985)`.
    fn aged(&self, t: &[Tok<'_>], k: usize) -> bool {
        if !t.get(k).is_some_and(|x| x.is_symbol("(")) {
            return false;
        }
        let age = t.get(k + 1).is_some_and(Tok::is_number) && self.age_units.starts_at(t, k + 2);
        let born = self
            .age_born
            .match_at(t, k + 1)
            .is_some_and(|(n, _)| t.get(k + 1 + n).is_some_and(Tok::is_number));
        age || born
    }

    fn find_in_sentence(&self, t: &[Tok<'_>]) -> Vec<Found> {
        let mut names: Vec<(usize, usize)> = Vec::new();
        // `Chỉ Số Giá Tiêu Dùng, Chỉ Số Giá Vàng …`: in a line of capitalised
        // words a family name proves nothing (an office or honorific still does)
        let words = t.iter().filter(|x| x.is_word()).count();
        let caps = t.iter().filter(|x| x.is_word() && x.is_cap()).count();
        let title_case = words >= 5 && caps * 5 >= words * 4;
        for mut units in self.runs(t) {
            // `Báo Bà Rịa- Vũng Tàu`: a place or thing opening the run, honorific
            // look-alike included, is no part of a name
            if let Some((n, _)) = self
                .not_names
                .match_at(t, units[0].0)
                .filter(|(n, _)| *n >= 2)
            {
                let end = units[0].0 + n;
                units.retain(|u| u.0 >= end);
                if units.is_empty() {
                    continue;
                }
            }
            // a capitalised honorific opening the run is not part of the name (`Ông Kim`)
            while !units.is_empty()
                && self
                    .honorifics
                    .match_at(t, units[0].0)
                    .is_some_and(|(n, _)| n == units[0].1 - units[0].0)
            {
                units.remove(0);
            }
            if units.is_empty() {
                continue;
            }
            // `Anh Y Nguôn Niê cho biết`: `anh` capitalised opening the
            // sentence, before a name of two syllables or more
            // `Chị Nhâm, một tiểu thương …`: one syllable too, when a comma
            // and a lower-case apposition follow
            let apposition = units.len() == 2
                && t.get(units[1].1).is_some_and(|x| x.is_symbol(","))
                && t.get(units[1].1 + 1)
                    .is_some_and(|x| x.is_word() && !x.is_cap());
            let mut sentence_honorific = false;
            if units[0].0 == 0
                && (units.len() >= 3 || apposition)
                && self
                    .sentence_honorifics
                    .match_at(t, 0)
                    .is_some_and(|(n, _)| n == units[0].1)
            {
                units.remove(0);
                sentence_honorific = true;
            }
            // `Từ Mỹ, …` opening a sentence: a preposition, not a family name
            let opens = units[0].0 == 0 || t[units[0].0 - 1].kind != TokKind::Word;
            if opens
                && self
                    .openers
                    .match_at(t, units[0].0)
                    .is_some_and(|(n, _)| n == units[0].1 - units[0].0)
            {
                units.remove(0);
                if units.is_empty() {
                    continue;
                }
            }
            let (rs, re) = (units[0].0, units[units.len() - 1].1);
            // `khóa V`, `lần thứ XVII`: a Roman numeral is not a name
            if re - rs == 1 && is_roman(t[rs].raw) {
                continue;
            }
            if self
                .not_names
                .match_at(t, rs)
                .is_some_and(|(n, _)| rs + n >= re)
            {
                continue; // the whole run is a place or thing: `Thái Nguyên`
            }
            if let Some(u) = self.surname_name(t, &units).filter(|_| !title_case) {
                let s = units[u].0;
                if !self.rejected_name(t, s, re, &names) {
                    names.push((s, re));
                    continue;
                }
            }
            // after an honorific: any capitalised run (`ông Soichi Okazaki`,
            // `ông Kim`), or after an act's link (`cú sút của Tuấn Hải`)
            let actor = self.actor_before(t, rs)
                && !self
                    .countries
                    .match_at(t, rs)
                    .is_some_and(|(n, _)| rs + n >= re);
            // `cháu Nguyễn Trung Thành và Đức Anh`: one honorific for both
            let shared = rs > 0
                && t[rs - 1].low == "và"
                && names
                    .last()
                    .is_some_and(|&(a, e)| e + 1 == rs && self.honorifics.ends_before(t, a));
            if (self.honorifics.ends_before(t, rs)
                || sentence_honorific
                || actor
                || shared
                || self.aged(t, re))
                && units.len() <= 5
                && !self.rejected_name(t, rs, re, &names)
                && !t[rs..re].iter().any(|x| is_all_caps(x.raw))
            {
                names.push((rs, re));
                continue;
            }
            // the end of an office: `Tổng thống Argentina Javier Milei`, `thủ môn Đình Triệu`
            let mut after_head = self.heads.ends_before(t, rs) && !self.heads_inside(t, rs);
            let mut s = rs;
            // an office written in capitals opens the run (English: `President
            // Joe Biden`, `Thai Foreign Minister Maris Sangiampongsa`): the
            // name starts after it
            let mut k = rs;
            if let Some((n, _)) = self.countries.match_at(t, k) {
                if self.heads.starts_at(t, k + n) {
                    k += n;
                }
            }
            if let Some((n, _)) = self.heads.match_at(t, k) {
                if k + n < re {
                    s = k + n;
                    after_head = true;
                } else if k > rs {
                    // `Thai Minister of Foreign Affairs …`: the run is an office
                    continue;
                }
            }
            // an office that began before the run ends inside it (`Minister
            // of Foreign Affairs Maris Sangiampongsa`): the name starts after it
            if s == rs {
                if let Some(end) = (rs.saturating_sub(3)..rs)
                    .filter_map(|h| self.heads.match_at(t, h).map(|(n, _)| h + n))
                    .filter(|&e| e > rs && e < re)
                    .max()
                    // a foreign name only (`Sở Công Thương Long An` after
                    // `Giám đốc Sở` is the body's name; a Vietnamese name
                    // is found by its family name)
                    .filter(|&e| (e..re).any(|k| t[k].is_word() && !is_vn_syllable(t[k].low)))
                {
                    s = end;
                    after_head = true;
                }
            }
            let rs = s;
            // skip a country that ends the office: `Tổng thống Argentina Javier Milei`
            if let Some((n, _)) = self.countries.match_at(t, rs) {
                if after_head || self.role_before(t, rs).is_some() {
                    s = rs + n;
                }
            }
            let foreign = (s.min(re)..re).any(|k| {
                t[k].is_word() && !is_vn_syllable(t[k].low) && !self.particles.has_word(t, k)
            });
            // `AmCham`, `PetroVietnam`: a capital inside a word is a brand or body
            let camel = t[s.min(re)..re]
                .iter()
                .any(|x| x.raw.chars().skip(1).any(|c| c.is_uppercase()) && !is_all_caps(x.raw));
            // `Ông Michael Ross, Chủ tịch AmCham Vietnam`: an office after a
            // name and a comma is followed by its body, not by another name
            let appositive = self.heads.match_before(t, rs).is_some_and(|(h, _)| {
                h >= 2
                    && (t[h - 1].is_symbol(",") || t[h - 1].is_symbol("-"))
                    && t[h - 2].is_title_case()
            });
            // `Samsung Display Việt Nam`, `Yuanta Việt Nam`: a foreign name that
            // ends with a country is a company
            let ends_in_country = (s + 1..re).any(|k| {
                self.countries
                    .match_at(t, k)
                    .is_some_and(|(n, _)| k + n == re && n >= 2)
            });
            // (a Vietnamese name after the office is a person: `Ambassador
            // Aleksander Surdej, President Vo Van Thuong said`)
            let vn_name = self.surnames.starts_at(t, s.min(re)) && !foreign;
            if camel
                || (foreign && ends_in_country)
                || (appositive && s == rs && !self.heads.starts_at(t, rs) && !vn_name)
            {
                continue;
            }
            let anchored = after_head
                || (s > rs && s < re)
                || (foreign && self.role_before_avoiding(t, rs, &names).is_some());
            let ends_clause = t
                .get(re)
                .is_none_or(|x| !x.is_word() || self.stop.starts_at(t, re))
                || foreign;
            if anchored
                && ends_clause
                && s < re
                && re - s <= 6
                && !self.rejected_name(t, s, re, &names)
                && !t[s..re].iter().any(|x| is_all_caps(x.raw))
            {
                names.push((s, re));
            }
        }
        debug_assert!(
            names.windows(2).all(|w| w[0].1 <= w[1].0),
            "names are disjoint and in text order"
        );
        let mut out = Vec::new();
        for &(s, e) in &names {
            let mut roles = Vec::new();
            // offices before the name, maybe behind an honorific
            let mut end = s;
            if let Some((hs, _)) = self.honorifics.match_before(t, end) {
                end = hs;
            }
            let mut chained = false;
            while let Some(mut h) = self
                .role_before_avoiding(t, end, &names)
                // an office chained before another by a comma is written
                // with a capital (`Meeting the ambassador, President X`)
                .filter(|&h| !chained || t[h].is_cap())
            {
                // (English) `Spanish Ambassador`: the country's adjective is
                // part of the office
                if self.country_before_office {
                    if let Some((cs, _)) = self.countries.match_before(t, h) {
                        h = cs;
                    }
                }
                if let Some((fs, _)) = self.former.match_before(t, h) {
                    h = fs;
                }
                roles.insert(0, (h, end));
                if h >= 1 && t[h - 1].is_symbol(",") {
                    end = h - 1;
                    chained = true;
                } else {
                    break;
                }
            }
            // `Chairman of the Hanoi People's Committee, Tran Sy Thanh, said`:
            // an office opening the clause, the name between commas
            if roles.is_empty()
                && self.office_comma_name
                && s >= 2
                && t[s - 1].is_symbol(",")
                && t.get(e).is_some_and(|x| x.is_symbol(","))
            {
                if let Some(h) = self
                    .role_before_avoiding(t, s - 1, &names)
                    .filter(|&h| h == 0 || !t[h - 1].is_word() && !t[h - 1].is_symbol(","))
                {
                    roles.push((h, s - 1));
                }
            }
            // offices after it: `, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh`
            let mut k = e;
            while k < t.len() && (t[k].is_symbol(",") || t[k].is_symbol("-")) {
                let start = k + 1;
                let h = start + self.former.match_at(t, start).map(|(n, _)| n).unwrap_or(0);
                if !self.heads.starts_at(t, h) {
                    break;
                }
                let Some(re) = self.role_from(t, h) else {
                    break;
                };
                // an office that runs into another name is that person's
                if name_starts_in(&names, h + 1, re + 1) {
                    break;
                }
                // (English) an office in apposition is closed by a mark:
                // `Surdej, President Thuong stressed …` opens a new clause
                if self.office_after_needs_close && t.get(re).is_some_and(|x| x.is_word()) {
                    break;
                }
                roles.push((start, re));
                k = re;
                if let Some(j) = self.term_end(t, k) {
                    k = j;
                }
            }
            // an office in brackets right after the name: `Huỳnh Thế Năng
            // (cựu Tổng Giám đốc Vinafood II)`
            if k == e && t.get(e).is_some_and(|x| x.is_symbol("(")) {
                let start = e + 1;
                let h = start + self.former.match_at(t, start).map(|(n, _)| n).unwrap_or(0);
                if self.heads.starts_at(t, h) {
                    if let Some(c) = (h + 1..(h + 16).min(t.len())).find(|&j| t[j].is_symbol(")")) {
                        if self.is_role_material(
                            t,
                            h + self.heads.match_at(t, h).map_or(0, |m| m.0),
                            c,
                        ) && !name_starts_in(&names, h + 1, c)
                        {
                            roles.push((start, c));
                        }
                    }
                }
            }
            if let Some(r) = self.linked_role(t, k, &names) {
                roles.push(r);
            }
            out.push(Found {
                name: (s, e),
                roles,
            });
        }
        out
    }

    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn extract(&self, ctx: &Ctx<'_>) -> PeopleFound {
        // people in order of first mention
        let mut people = People::default();
        let mut name_ranges: Vec<(Range<usize>, Vec<String>)> = Vec::new();
        // names written after a place head (`quận Ngô Quyền`): places in the
        // whole document, so the same words found alone are no person
        let mut places: HashSet<Vec<String>> = HashSet::default();
        for (si, sr) in ctx.sentences.iter().enumerate() {
            if !ctx.wants(si, &self.trigger) || ctx.is_skipped(sr) {
                continue;
            }
            // credits inside a caption (`(Ảnh: Dương Giang/TTXVN)`) are not
            // people: their tokens become line breaks (a copy only then)
            let mut t = std::borrow::Cow::Borrowed(ctx.sentence_tokens(si));
            if ctx.overlaps_skip(sr) {
                for x in t.to_mut().iter_mut() {
                    if ctx.overlaps_skip(&(x.start..x.end)) {
                        x.kind = TokKind::Newline;
                    }
                }
            }
            let t = &*t;
            let found = self.find_in_sentence(t);
            self.place_names(t, &mut places);
            // tokens of the names and offices just found
            let mut used = vec![false; t.len()];
            for f in &found {
                for &(a, b) in f.roles.iter().chain(std::iter::once(&f.name)) {
                    for u in used.iter_mut().take(b).skip(a) {
                        *u = true;
                    }
                }
            }
            // an office alone (`Thủ tướng khẳng định …`) is a mention of the one
            // person already named with that office
            let mut k = 0;
            while k < t.len() {
                let Some((n, _)) = self.heads.match_at(&t, k) else {
                    k += 1;
                    continue;
                };
                let capital = t[k].raw.chars().next().is_some_and(|c| c.is_uppercase());
                if !used[k] && capital && !self.heads_inside(&t, k) {
                    let end = self.role_from(&t, k).unwrap_or(k + n);
                    let role = role_key(&ctx.display(&(t[k].start..t[end - 1].end)));
                    if let Some(i) = people.sole_holder(&role) {
                        let (cs, ce) = ctx.char_span(&(t[k].start..t[end - 1].end));
                        people.list[i]
                            .person
                            .mentions
                            .push(Mention { start: cs, end: ce });
                    }
                    k = end.max(k + 1);
                    continue;
                }
                k += n;
            }
            for f in found {
                let (s, e) = f.name;
                let r = t[s].start..t[e - 1].end;
                let name = ctx.display(&r);
                let key: Vec<String> = t[s..e]
                    .iter()
                    .filter(|x| x.is_word())
                    .map(|x| x.low.to_string())
                    .collect();
                if key.is_empty() {
                    continue;
                }
                let roles: Vec<String> = f
                    .roles
                    .iter()
                    .map(|&(a, b)| ctx.display(&(t[a].start..t[b - 1].end)))
                    .collect();
                let (cs, ce) = ctx.char_span(&r);
                name_ranges.push((r, key.clone()));
                let slot = people.find(&key);
                let i = match slot {
                    Some(i) => i,
                    None => people.push(
                        key.clone(),
                        Person {
                            name: name.clone(),
                            roles: Vec::new(),
                            mentions: Vec::new(),
                        },
                    ),
                };
                let p = &mut people.list[i].person;
                // a fuller name replaces a shorter one (`Lula da Silva` → `Luiz Ignácio Lula da Silva`)
                if name.split_whitespace().count() > p.name.split_whitespace().count() {
                    p.name = name;
                }
                p.mentions.push(Mention { start: cs, end: ce });
                for role in roles {
                    people.add_role(i, role);
                }
                if slot.is_some() && key.len() > people.list[i].key.len() {
                    people.set_key(i, key);
                }
            }
        }
        let place = |key: &Vec<String>| places.contains(key);
        let dropped: HashSet<Vec<String>> = people
            .list
            .iter()
            .filter(|k| k.person.roles.is_empty() && place(&k.key))
            .map(|k| k.key.clone())
            .collect();
        PeopleFound {
            people: people
                .list
                .into_iter()
                .filter(|k| !dropped.contains(&k.key))
                .map(|k| k.person)
                .collect(),
            name_ranges: name_ranges
                .into_iter()
                .filter(|(_, k)| !dropped.contains(k))
                .map(|(r, _)| r)
                .collect(),
        }
    }

    /// The capitalised runs right after a place head (`quận Ngô Quyền`,
    /// `phố Trần Hưng Đạo`), as keys (lower-case words).
    fn place_names(&self, t: &[Tok<'_>], out: &mut HashSet<Vec<String>>) {
        let mut k = 0;
        while k < t.len() {
            let Some((n, _)) = self.place_heads.match_at(t, k) else {
                k += 1;
                continue;
            };
            let a = k + n;
            let mut e = a;
            while e < t.len() && e < a + 5 && t[e].is_word() && t[e].is_cap() {
                e += 1;
            }
            if e > a + 1 && !self.aged(t, e) {
                out.insert(t[a..e].iter().map(|x| x.low.to_string()).collect());
            }
            k = e.max(k + 1);
        }
    }
}

/// `V`, `XVII`: a Roman numeral of at most six letters.
fn is_roman(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= 6
        && w.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Some name of `names` (disjoint, in text order) lies within `a..b`.
fn name_within(names: &[(usize, usize)], a: usize, b: usize) -> bool {
    let i = names.partition_point(|&(s, _)| s < a);
    names.get(i).is_some_and(|&(_, e)| e <= b)
}

/// Some name of `names` (disjoint, in text order) starts within `a..b`.
fn name_starts_in(names: &[(usize, usize)], a: usize, b: usize) -> bool {
    let i = names.partition_point(|&(s, _)| s < a);
    names.get(i).is_some_and(|&(s, _)| s < b)
}

/// The comparison key of an office: folded, lower case.
fn role_key(role: &str) -> String {
    fold(role).to_lowercase()
}

/// One person of a document: the key of the fullest name seen (its lower-case
/// words), the row, and the keys of its roles.
#[derive(Debug)]
struct Known {
    key: Vec<String>,
    person: Person,
    role_keys: Vec<String>,
}

/// The people of a document with the indexes that find a mention's person
/// and an office's holder without comparing with every person.
///
/// The indexes only grow: every key a person ever had is in them, so a
/// candidate they give is checked against the person's key of now.
#[derive(Debug, Default)]
struct People {
    list: Vec<Known>,
    /// Every key, and every run of two or more words at its start or end → people.
    affixes: HashMap<Vec<String>, Vec<usize>>,
    /// First and last word of a key of two words or more → people.
    first: HashMap<String, Vec<usize>>,
    last: HashMap<String, Vec<usize>>,
    /// Every word-prefix of every role key → people holding it.
    holders: HashMap<String, Vec<usize>>,
}

impl People {
    fn push(&mut self, key: Vec<String>, person: Person) -> usize {
        let i = self.list.len();
        self.index_key(i, &key);
        self.list.push(Known {
            key,
            person,
            role_keys: Vec::new(),
        });
        i
    }

    fn set_key(&mut self, i: usize, key: Vec<String>) {
        self.index_key(i, &key);
        self.list[i].key = key;
    }

    fn index_key(&mut self, i: usize, key: &[String]) {
        let n = key.len();
        let mut add = |k: &[String]| {
            let v = self.affixes.entry(k.to_vec()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        };
        add(key);
        for m in 2..n {
            add(&key[..m]);
            add(&key[n - m..]);
        }
        if n >= 2 {
            self.first.entry(key[0].clone()).or_default().push(i);
            self.last.entry(key[n - 1].clone()).or_default().push(i);
        }
    }

    /// The person a mention belongs to: the same name, a fuller or shorter
    /// form of it (`Lula da Silva`), or, for one syllable, the person whose
    /// name ends (or else starts) with it (`ông Dũng`, `ông Kim`). Of
    /// several, the one met first.
    fn find(&self, key: &[String]) -> Option<usize> {
        let keys = |i: usize| self.list[i].key.as_slice();
        let best = |cands: &mut dyn Iterator<Item = usize>, ok: &dyn Fn(&[String]) -> bool| {
            cands.filter(|&i| ok(keys(i))).min()
        };
        if let Some(i) = best(
            &mut self.affixes.get(key).into_iter().flatten().copied(),
            &|k| k == key,
        ) {
            return Some(i);
        }
        if key.len() >= 2 {
            // people whose key has `key` at an end, or is at an end of `key`
            let n = key.len();
            let mut cands: Vec<usize> = self.affixes.get(key).cloned().unwrap_or_default();
            for m in 2..=n {
                for part in [&key[..m], &key[n - m..]] {
                    if let Some(v) = self.affixes.get(part) {
                        cands.extend(v);
                    }
                }
            }
            return best(&mut cands.into_iter(), &|k| {
                k.len() >= 2
                    && (k.ends_with(key)
                        || key.ends_with(k)
                        || k.starts_with(key)
                        || key.starts_with(k))
            });
        }
        let w = &key[0];
        best(&mut self.last.get(w).into_iter().flatten().copied(), &|k| {
            k.len() >= 2 && k.last() == Some(w)
        })
        .or_else(|| {
            best(
                &mut self.first.get(w).into_iter().flatten().copied(),
                &|k| k.len() >= 2 && k.first() == Some(w),
            )
        })
    }

    /// Add a role to person `i` unless it is already there; of two roles
    /// where one starts the other (`Thủ tướng`, `Thủ tướng Chính phủ`), the
    /// longer is kept.
    fn add_role(&mut self, i: usize, role: String) {
        let k = role_key(&role);
        let known = &mut self.list[i];
        let mut slot = None;
        for (idx, rk) in known.role_keys.iter().enumerate() {
            // equal, or one is the other and more words
            let word_prefix = |long: &str, short: &str| {
                long.len() > short.len()
                    && long.starts_with(short)
                    && long.as_bytes()[short.len()] == b' '
            };
            if *rk == k || word_prefix(rk, &k) {
                return;
            }
            if word_prefix(&k, rk) {
                slot = Some(idx);
                break;
            }
        }
        match slot {
            Some(idx) => {
                known.person.roles[idx] = role;
                known.role_keys[idx] = k.clone();
            }
            None => {
                known.person.roles.push(role);
                known.role_keys.push(k.clone());
            }
        }
        // every word-prefix of the role's key now has this holder
        let mut end = 0;
        loop {
            let next = k[end..].find(' ').map(|p| end + p);
            let prefix = &k[..next.unwrap_or(k.len())];
            let v = match self.holders.get_mut(prefix) {
                Some(v) => v,
                None => self.holders.entry(prefix.to_string()).or_default(),
            };
            if !v.contains(&i) {
                v.push(i);
            }
            match next {
                Some(p) => end = p + 1,
                None => break,
            }
        }
    }

    /// The one person whose roles hold `role` (equal to one, or a word-prefix of one).
    fn sole_holder(&self, role: &str) -> Option<usize> {
        match self.holders.get(role).map(Vec::as_slice) {
            Some([i]) => Some(*i),
            _ => None,
        }
    }
}

/// A lower-case word that can be one Vietnamese syllable (`thanh`, `nguyễn`);
/// `alberto`, `troussier` cannot: a name of such words is foreign.
fn is_vn_syllable(w: &str) -> bool {
    // (onset) vowel{1,3} (coda), the whole word: every split is tried
    const ONSETS: [&str; 29] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
    ];
    const CODAS: [&str; 9] = ["", "ch", "ng", "nh", "c", "m", "n", "p", "t"];
    const VOWELS: &str = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    ONSETS.iter().filter_map(|o| w.strip_prefix(o)).any(|rest| {
        let mut after = rest
            .char_indices()
            .skip_while(|&(_, c)| VOWELS.contains(c))
            .map(|(i, _)| i);
        let run_end = after.next().unwrap_or(rest.len());
        // ends of 1, 2 or 3 vowels
        rest[..run_end]
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(3)
            .any(|v| CODAS.contains(&&rest[v..]))
    })
}

#[cfg(test)]
mod tests {
    use super::is_vn_syllable;

    #[test]
    fn vietnamese_syllables() {
        for w in [
            "thanh",
            "nguyễn",
            "nghiêng",
            "quốc",
            "gió",
            "a",
            "uyên",
            "khuyến",
            "trường",
            "đức",
            "ơn",
        ] {
            assert!(is_vn_syllable(w), "{w}");
        }
        for w in [
            "alberto",
            "troussier",
            "john",
            "bl",
            "",
            "ngh",
            "aaaa",
            "thanhs",
            "kim-",
            "st",
        ] {
            assert!(!is_vn_syllable(w), "{w}");
        }
    }

    /// The syllable test agrees with the regular expression it replaces on
    /// every lower-case word of the sample articles.
    #[test]
    fn same_answers_as_the_syllable_regex() {
        let v = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        let re = regex::Regex::new(&format!("^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{v}]{{1,3}}(?:ch|ng|nh|[cmnpt])?$")).unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            for w in text
                .split(|c: char| !c.is_alphabetic())
                .map(|w| w.to_lowercase())
            {
                assert_eq!(is_vn_syllable(&w), re.is_match(&w), "{w}");
                n += 1;
            }
        }
        assert!(n > 1000);
    }

    /// The extractor alone (no pipeline): each sentence and the people it
    /// must give, as `name: role | role`, in order of first mention.
    #[test]
    fn people_of_sentences() {
        use crate::rules::{person::PersonRules, place::PlaceRules, RuleSource};
        let lang = RuleSource::Embedded.lang("vi");
        let rules = PersonRules::load(&lang).expect("person rules");
        let place = PlaceRules::load(&lang).expect("place rules");
        let mut b = crate::matcher::LexiconBuilder::new();
        let ex = super::PersonExtractor::new(
            &rules,
            &place.country_forms(),
            &place.weak_country_forms(),
            &mut b,
        );
        let lex = b.build();
        let cases: &[(&str, &[&str])] = &[
            (
                "Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn phát biểu.",
                &["Bùi Thanh Sơn: Phó Thủ tướng Chính phủ | Bộ trưởng Bộ Ngoại giao"],
            ),
            (
                "Thủ tướng Phạm Minh Chính yêu cầu các bộ khẩn trương.",
                &["Phạm Minh Chính: Thủ tướng"],
            ),
            (
                "Đồng chí Nguyễn Huy Dũng, Chủ tịch UBND tỉnh Thái Nguyên, cho biết.",
                &["Nguyễn Huy Dũng: Chủ tịch UBND tỉnh Thái Nguyên"],
            ),
            (
                "Ông Trần Văn Nam và bà Lê Thị Hoa dự họp.",
                &["Trần Văn Nam: ", "Lê Thị Hoa: "],
            ),
            // places, bodies and sentence openers are not people
            ("Việt Nam và Nhật Bản ký kết hiệp định.", &[]),
            ("Bộ Ngoại giao tổ chức hội nghị tại Hà Nội.", &[]),
        ];
        for &(text, want) in cases {
            let found = crate::extract::with_ctx(
                text,
                crate::rules::text::TextRules::builtin(),
                &lex,
                |ctx| ex.extract(ctx),
            );
            let got: Vec<String> = found
                .people
                .iter()
                .map(|p| format!("{}: {}", p.name, p.roles.join(" | ")))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
