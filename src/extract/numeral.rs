//! Vietnamese numbers written in words, and digits joined by words
//! (`rules/quantity/numerals.toml`):
//!
//! ```text
//! number   = group (scale+ [rưỡi] group?)*          scales descend; `nghìn tỷ` multiplies
//! group    = DIGITS | chunk | chunk phẩy decimals
//! chunk    = [d trăm [linh|lẻ d | rưỡi]] [mười [d'] | d mươi [d''] | d chục] | d
//! fraction = một nửa | d phần d                      (`hai phần ba` = 2/3)
//! ```
//!
//! `hai mươi mốt nghìn không trăm mười một` = 21011, `một trăm linh năm` =
//! 105, `hai triệu rưỡi` = 2500000, `1 phẩy 5 tỷ` = 1.5e9, `3 tỷ 200 triệu`
//! = 3.2e9. The reader only composes values; whether a reading is a figure
//! (a unit, a counted noun, not a fixed expression such as `một số`) is the
//! quantity extractor's decision, with the context lists kept here.

use super::number::parse_number;
use crate::matcher::{LexiconBuilder, PhraseSet, Tok, TokKind};
use crate::model::DecimalMark;
use crate::rules::quantity::{NumeralsFile, ScalesFile};

/// A number read from tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// Token index after the number.
    pub next: usize,
    /// The number used a scale word of a thousand or more.
    pub scaled: bool,
    /// Made of more than one token (`hai mươi`, `3 tỷ 200 triệu`, `một nửa`).
    pub compound: bool,
    /// A fraction (`một nửa`, `hai phần ba`): a share, not a count.
    pub fraction: bool,
}

/// The number-word grammar, compiled from its rules.
#[derive(Debug, Clone)]
pub struct NumeralGrammar {
    digit: PhraseSet<u8>,
    after_ten: PhraseSet<u8>,
    after_tens: PhraseSet<u8>,
    ten: PhraseSet<()>,
    tens: PhraseSet<()>,
    hundred: PhraseSet<()>,
    zero_tens: PhraseSet<()>,
    half: PhraseSet<()>,
    point: PhraseSet<()>,
    /// Scale words of 1e3 and up, from `scales.toml`.
    big: PhraseSet<f64>,
    frac_half: PhraseSet<()>,
    halves: PhraseSet<()>,
    frac_sep: PhraseSet<()>,
    denominator: PhraseSet<u8>,
    /// Numbers 11–99 in one word (`twenty`), from `[[whole]]`.
    whole: PhraseSet<u8>,
    /// Denominators read with no separator word (`two thirds`): the forms
    /// of `fractions.denominators` when `separator_optional`.
    bare_denominator: PhraseSet<u8>,
    /// The `unit` column of a fraction.
    pub fraction_unit: String,
    fixed: PhraseSet<()>,
    vague_before: PhraseSet<()>,
    not_counted: PhraseSet<()>,
    weak: PhraseSet<()>,
    weak_after: PhraseSet<()>,
    classifiers: PhraseSet<()>,
    weak_before_classifier: PhraseSet<()>,
    bare_only: PhraseSet<()>,
    scale_not_before: PhraseSet<()>,
    times_after: PhraseSet<()>,
    pairs_are_idioms: bool,
    /// The decimal mark of digits read inside a number in words (`1 phẩy 5 tỷ`).
    mark: DecimalMark,
}

impl NumeralGrammar {
    pub fn new(
        rules: &NumeralsFile,
        scales: &ScalesFile,
        mark: DecimalMark,
        lex: &mut LexiconBuilder,
    ) -> NumeralGrammar {
        let mut digit = lex.set("numeral.digit");
        let mut after_ten = lex.set("numeral.after_ten");
        let mut after_tens = lex.set("numeral.after_tens");
        let mut denominator = lex.set("numeral.denominator");
        for d in &rules.digits {
            let v = *d.value.get_ref();
            for f in &d.forms {
                lex.add(&mut digit, f, false, v);
                if v >= 2 {
                    lex.add(&mut denominator, f, false, v);
                }
            }
            for f in d.after_ten.as_ref().unwrap_or(&d.forms) {
                lex.add(&mut after_ten, f, false, v);
            }
            for f in d.after_tens.as_ref().unwrap_or(&d.forms) {
                lex.add(&mut after_tens, f, false, v);
            }
        }
        for f in &rules.words.ten {
            lex.add(&mut denominator, f, false, 10);
        }
        let mut bare_denominator = lex.set("numeral.bare_denominator");
        for d in &rules.fractions.denominators {
            lex.add(&mut denominator, &d.form, false, d.value);
            if rules.fractions.separator_optional {
                lex.add(&mut bare_denominator, &d.form, false, d.value);
            }
        }
        let mut whole = lex.set("numeral.whole");
        for w in &rules.wholes {
            for f in &w.forms {
                lex.add(&mut whole, f, false, *w.value.get_ref());
            }
        }
        let mut big = lex.set("numeral.scale");
        for s in scales.scales.iter().filter(|s| *s.value.get_ref() >= 1e3) {
            for f in &s.forms {
                lex.add(&mut big, f, false, *s.value.get_ref());
            }
        }
        let w = &rules.words;
        let c = &rules.context;
        NumeralGrammar {
            mark,
            digit,
            after_ten,
            after_tens,
            ten: lex.list("numeral.ten", &w.ten, ()),
            tens: lex.list("numeral.tens", &w.tens, ()),
            hundred: lex.list("numeral.hundred", &w.hundred, ()),
            zero_tens: lex.list("numeral.zero_tens", &w.zero_tens, ()),
            half: lex.list("numeral.half", &w.half, ()),
            point: lex.list("numeral.point", &w.point, ()),
            big,
            frac_half: lex.list("numeral.fraction_half", &rules.fractions.half, ()),
            halves: lex.list("numeral.halves", &rules.fractions.halves, ()),
            frac_sep: lex.list("numeral.fraction_sep", &rules.fractions.separator, ()),
            denominator,
            whole,
            bare_denominator,
            fraction_unit: rules.fractions.unit.clone(),
            fixed: lex.list("numeral.fixed", &c.fixed, ()),
            vague_before: lex.list("numeral.vague_before", &c.vague_before, ()),
            not_counted: lex.list("numeral.not_counted", &c.not_counted, ()),
            weak: lex.list("numeral.weak", &c.weak, ()),
            weak_after: lex.list("numeral.weak_after", &c.weak_after, ()),
            classifiers: lex.list("numeral.classifiers", &c.classifiers, ()),
            weak_before_classifier: lex.list(
                "numeral.weak_before_classifier",
                &c.weak_before_classifier,
                (),
            ),
            bare_only: lex.list("numeral.bare_only", &c.bare_only, ()),
            scale_not_before: lex.list("numeral.scale_not_before", &c.scale_not_before, ()),
            times_after: lex.list("numeral.times_after", &c.times_after, ()),
            pairs_are_idioms: c.pairs_are_idioms,
        }
    }

    /// The sets of the words that may follow a group and continue a number
    /// (`phẩy`, `tỷ`): after a token with none of them, [`Self::read`]
    /// reads one group only.
    #[inline]
    pub fn continue_mask(&self) -> crate::matcher::SetMask {
        self.point.mask() | self.big.mask()
    }

    /// The sets whose hits may start a number in words: a sentence with none
    /// of them and no digit holds no such number.
    #[inline]
    pub fn mask(&self) -> crate::matcher::SetMask {
        self.digit.mask()
            | self.whole.mask()
            | self.ten.mask()
            | self.hundred.mask()
            | self.frac_half.mask()
            | self.halves.mask()
    }

    /// Token `i` is a word that may begin a number (`hai`, `mười`, `trăm`,
    /// `nửa` of `nửa tỷ`, `phân nửa`).
    #[inline]
    pub fn starts_word_number(&self, t: &[Tok<'_>], i: usize) -> bool {
        // one bit test says no for nearly every token
        t.get(i)
            .is_some_and(|x| x.is_word() && x.starts_any(self.mask()))
            && (self.digit.has_word(t, i)
                || self.whole.has_word(t, i)
                || self.ten.has_word(t, i)
                || self.hundred.has_word(t, i)
                || self.frac_half.has_word(t, i)
                || self.halves.starts_at(t, i))
    }

    fn digit_at(&self, t: &[Tok<'_>], k: usize) -> Option<f64> {
        self.digit.word_at(t, k).map(|&d| f64::from(d))
    }

    /// A big scale word at `k` (and the product of those right after it):
    /// (value, tokens used).
    fn scale_at(&self, t: &[Tok<'_>], mut k: usize) -> Option<(f64, usize)> {
        let k0 = k;
        let mut s = 1.0;
        while let Some((n, &v)) = self.big.match_at(t, k) {
            if self.blocks_scale(t, k + n) {
                break;
            }
            s *= v;
            k += n;
        }
        (k > k0).then_some((s, k - k0))
    }

    /// A number below a thousand in words at `k`: (value, next token).
    fn chunk(&self, t: &[Tok<'_>], start: usize) -> Option<(f64, usize)> {
        let mut k = start;
        let mut v = 0.0;
        // hundreds: `hai trăm`, `không trăm`, or `trăm` alone
        let hundreds = match self.digit_at(t, k) {
            Some(d) if self.hundred.has_word(t, k + 1) => Some((d, 2)),
            None if self.hundred.has_word(t, k) => Some((1.0, 1)),
            _ => None,
        };
        if let Some((d, n)) = hundreds {
            v = d * 100.0;
            k += n;
            if self.zero_tens.has_word(t, k) {
                return match self.digit_at(t, k + 1).filter(|&u| u > 0.0) {
                    Some(u) => Some((v + u, k + 2)),
                    None => Some((v, k)),
                };
            }
            if self.half.has_word(t, k) {
                return Some((v + 50.0, k + 1));
            }
        }
        // one word for 11–99 (`twelve`, `twenty`), a multiple of ten with a
        // digit after it (`twenty-one`, `twenty one`)
        if let Some(&w) = self.whole.word_at(t, k) {
            v += f64::from(w);
            k += 1;
            if w % 10 == 0 {
                let hyphen = t.get(k).is_some_and(|x| x.is_symbol("-") && x.glued());
                let j = if hyphen { k + 1 } else { k };
                let glued = !hyphen || t.get(j).is_some_and(|x| x.glued());
                if let Some(d) = self.digit_at(t, j).filter(|&d| d > 0.0 && glued) {
                    v += d;
                    k = j + 1;
                }
            }
            return Some((v, k));
        }
        // tens: `mười`, `mười lăm`, `hai mươi`, `hai mươi mốt`, `ba chục`
        if self.ten.has_word(t, k) {
            v += 10.0;
            k += 1;
            if let Some(&u) = self.after_ten.word_at(t, k).filter(|&&u| u > 0) {
                v += f64::from(u);
                k += 1;
            }
            return Some((v, k));
        }
        if let Some(d) = self.digit_at(t, k).filter(|&d| d > 0.0) {
            if self.tens.has_word(t, k + 1) {
                v += d * 10.0;
                k += 2;
                if let Some(&u) = self.after_tens.word_at(t, k).filter(|&&u| u > 0) {
                    v += f64::from(u);
                    k += 1;
                }
                return Some((v, k));
            }
        }
        if k == start {
            return self.digit_at(t, k).map(|d| (d, k + 1));
        }
        Some((v, k))
    }

    /// Digits after a decimal word: `23` of `2 chấm 23`, `năm` of `hai phẩy
    /// năm`, `không năm` of `không phẩy không năm`: (fraction, next token).
    fn decimals(&self, t: &[Tok<'_>], mut k: usize) -> Option<(f64, usize)> {
        let x = t.get(k)?;
        let mut digits = String::new();
        if x.is_number() {
            if !x.raw.bytes().all(|b| b.is_ascii_digit()) || !x.space_before {
                return None;
            }
            digits.push_str(x.raw);
            k += 1;
        } else {
            while self.digit_at(t, k) == Some(0.0) {
                digits.push('0');
                k += 1;
            }
            // a composed number (`hai mươi ba`) or single digits (`hai ba`)
            match self.chunk(t, k) {
                Some((v, n)) if n > k + 1 => {
                    digits.push_str(&format!("{v}"));
                    k = n;
                }
                _ => {
                    while let Some(d) = self.digit_at(t, k) {
                        digits.push(char::from(b'0' + d as u8));
                        k += 1;
                    }
                }
            }
        }
        if digits.is_empty() {
            return None;
        }
        format!("0.{digits}").parse::<f64>().ok().map(|f| (f, k))
    }

    /// A fraction at `i`: `một nửa`, `hai phần ba`, `một phần tư`.
    pub fn fraction_at(&self, t: &[Tok<'_>], i: usize) -> Option<Reading> {
        if let Some((n, _)) = self.halves.match_at(t, i) {
            return Some(Reading {
                value: 0.5,
                next: i + n,
                scaled: false,
                compound: true,
                fraction: true,
            });
        }
        let num = self.digit_at(t, i).filter(|&d| d > 0.0)?;
        if num == 1.0 && self.frac_half.has_word(t, i + 1) {
            return Some(Reading {
                value: 0.5,
                next: i + 2,
                scaled: false,
                compound: true,
                fraction: true,
            });
        }
        // `two thirds`, `one-third`: no separator word
        let hyphen = t.get(i + 1).is_some_and(|x| x.is_symbol("-") && x.glued());
        let d = if hyphen { i + 2 } else { i + 1 };
        if let Some(&den) = self.bare_denominator.word_at(t, d) {
            let den = f64::from(den);
            if num < den && (!hyphen || t.get(d).is_some_and(|x| x.glued())) {
                return Some(Reading {
                    value: num / den,
                    next: d + 1,
                    scaled: false,
                    compound: true,
                    fraction: true,
                });
            }
        }
        if self.frac_sep.has_word(t, i + 1) {
            let den = f64::from(*self.denominator.word_at(t, i + 2)?);
            // `một phần trăm` is a percent, `ba phần hai` no share
            if num < den && !self.hundred.has_word(t, i + 2) {
                return Some(Reading {
                    value: num / den,
                    next: i + 3,
                    scaled: false,
                    compound: true,
                    fraction: true,
                });
            }
        }
        None
    }

    /// A group at `k`: plain digits (when `digits`) or a chunk in words,
    /// with decimals read after `phẩy`/`chấm`.
    fn group(&self, t: &[Tok<'_>], k: usize, digits: bool) -> Option<(f64, usize)> {
        let x = t.get(k)?;
        let (mut v, mut n) = if x.is_number() {
            if !digits {
                return None;
            }
            (parse_number(x.raw, self.mark)?, k + 1)
        } else if self.frac_half.has_word(t, k) {
            // `nửa tỷ người`: half of the scale word after it
            return self.scale_at(t, k + 1).map(|_| (0.5, k + 1));
        } else {
            self.chunk(t, k)?
        };
        if self.point.has_word(t, n) && v.fract() == 0.0 {
            if let Some((f, m)) = self.decimals(t, n + 1) {
                v += f;
                n = m;
            }
        }
        Some((v, n))
    }

    /// The number that starts at `i`, in words or digits and words. `None`
    /// when `i` begins neither.
    pub fn read(&self, t: &[Tok<'_>], i: usize) -> Option<Reading> {
        // a scale word alone is no number: `tỷ lệ` is a rate, `triệu chứng` a
        // symptom, `hàng chục tỷ đồng` unsaid
        let (mut group, mut k) = self.group(t, i, true)?;
        let mut total = 0.0;
        let mut last_scale = f64::INFINITY;
        let mut scaled = false;
        while let Some((s, n)) = self.scale_at(t, k) {
            scaled = true;
            total = if total > 0.0 && s > last_scale {
                (total + group) * s
            } else {
                total + group * s
            };
            group = 0.0;
            last_scale = s;
            k += n;
            if self.half.has_word(t, k) {
                total += s / 2.0;
                k += 1;
                break;
            }
            // `hai nghìn lẻ năm`
            if self.zero_tens.has_word(t, k) {
                if let Some(u) = self.digit_at(t, k + 1).filter(|&u| u > 0.0) {
                    group = u;
                    k += 2;
                }
                break;
            }
            // the next group is smaller than the scale before it; digits
            // only with a scale word of their own (`3 tỷ 200 triệu`)
            match self.group(t, k, true) {
                // a lone digit word after a scale is not read (`hai nghìn
                // năm lịch sử` is two thousand years)
                Some((_, m)) if m == k + 1 && t[k].is_word() && self.scale_at(t, m).is_none() => {
                    break
                }
                Some((g, m))
                    if g < s
                        && (!t[k].is_number()
                            || self
                                .scale_at(t, m)
                                .is_some_and(|(s2, _)| s2 < s && g * s2 < s)) =>
                {
                    group = g;
                    k = m;
                }
                _ => break,
            }
        }
        let value = total + group;
        if !value.is_finite() || k == i {
            return None;
        }
        Some(Reading {
            value,
            next: k,
            scaled,
            compound: k > i + 1,
            fraction: false,
        })
    }

    /// Token `i` lies in a fixed expression (`một số`, `hai bên`, `cả hai`)
    /// or is led by a word that leaves the figure unsaid (`hàng trăm`).
    pub fn in_fixed(&self, t: &[Tok<'_>], i: usize) -> bool {
        if self.fixed.match_at(t, i).is_some() {
            return true;
        }
        // a fixed phrase of up to three tokens that covers token i
        (i.saturating_sub(2)..i).any(|s| self.fixed.match_at(t, s).is_some_and(|(n, _)| s + n > i))
            || self.vague_before.ends_before(t, i)
    }

    /// A number word that counts no noun on its own (`một`, `năm`, `không`)…
    pub fn is_weak(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.weak.has_word(t, i)
    }

    /// …unless one of these ends before it (`ít nhất một`)…
    pub fn weak_counts_after(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.weak_after.ends_before(t, i)
    }

    /// …or, for `năm`, a classifier follows at `j` (`năm người`).
    pub fn weak_counts_before(&self, t: &[Tok<'_>], i: usize, j: usize) -> bool {
        self.weak_before_classifier.has_word(t, i) && self.classifiers.starts_at(t, j)
    }

    /// Token `i` is a figure, even with a unit, only where a bare figure
    /// may stand (`không`: `đạt không điểm`, not `không đồng ý`).
    pub fn is_bare_only(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.bare_only.has_word(t, i)
    }

    /// `rưỡi` at `k`: half of the unit before it (`hai cân rưỡi` = 2.5 kg).
    pub fn half_at(&self, t: &[Tok<'_>], k: usize) -> bool {
        self.half.has_word(t, k)
    }

    /// Token `k` makes the scale word before it another word (`tỷ phú`, `tỷ lệ`).
    pub fn blocks_scale(&self, t: &[Tok<'_>], k: usize) -> bool {
        self.scale_not_before.has_word(t, k)
    }

    /// Token `k` is a digit word standing alone, not part of a composed
    /// number (`ba` of `ba người`, not of `hai mươi ba` or `ba trăm`).
    fn single_digit(&self, t: &[Tok<'_>], k: usize) -> bool {
        let part_of_before = k > 0
            && (self.ten.has_word(t, k - 1)
                || self.tens.has_word(t, k - 1)
                || self.hundred.has_word(t, k - 1)
                || self.zero_tens.has_word(t, k - 1));
        let part_of_after = self.tens.has_word(t, k + 1)
            || self.hundred.has_word(t, k + 1)
            || self.big.has_word(t, k + 1)
            || self.point.has_word(t, k + 1);
        let lone_ten = self.ten.has_word(t, k) && !self.after_ten.has_word(t, k + 1);
        (self.digit.has_word(t, k) || lone_ten) && !part_of_before && !part_of_after
    }

    /// Token `i`, a lone digit word, pairs with another lone digit word
    /// beside it or one word away (`ba chìm bảy nổi`, `hai ba người`), the
    /// word between not passing `between_ok` (a range connector: `hai đến
    /// ba người` is a range).
    pub fn in_idiom_pair(
        &self,
        t: &[Tok<'_>],
        i: usize,
        between_ok: impl Fn(usize) -> bool,
    ) -> bool {
        if !self.pairs_are_idioms || !self.single_digit(t, i) {
            return false;
        }
        let word = |k: usize| t.get(k).is_some_and(|x| x.is_word()) && !between_ok(k);
        let other = |k: usize| self.single_digit(t, k);
        other(i + 1)
            || (word(i + 1) && other(i + 2))
            || (i >= 1 && other(i - 1))
            || (i >= 2 && word(i - 1) && other(i - 2))
    }

    /// Token `j` makes one word with the number word before it (`ba lô`).
    pub fn joins_number(&self, t: &[Tok<'_>], j: usize) -> bool {
        self.not_counted.has_word(t, j)
    }

    /// A word that lets a number in words take the unit `times` ends before `i`.
    pub fn times_ok(&self, t: &[Tok<'_>], i: usize) -> bool {
        self.times_after.ends_before(t, i)
    }

    /// A capitalised number word that is a name (`Ba Lan`, `Hai Bà Trưng`)
    /// rather than the first word of a sentence.
    pub fn is_name(t: &[Tok<'_>], i: usize) -> bool {
        let Some(x) = t.get(i) else { return false };
        if !x.is_cap() {
            return false;
        }
        let sentence_start = i == 0 || matches!(t[i - 1].kind, TokKind::Symbol | TokKind::Newline);
        !sentence_start || t.get(i + 1).is_some_and(|n| n.is_cap())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{with_tokens, Lexicon};
    use crate::rules::{RuleSource, Rules};

    fn grammar() -> (NumeralGrammar, Lexicon) {
        let rules = Rules::load(&RuleSource::Embedded).expect("embedded rules load");
        let rules = rules.language("vi").expect("vi rules");
        let mut lex = LexiconBuilder::new();
        let g = NumeralGrammar::new(
            &rules.quantity.numerals,
            &rules.quantity.scales,
            DecimalMark::Comma,
            &mut lex,
        );
        (g, lex.build())
    }

    /// Forms and values, as Duckling's corpus pairs them: the whole form
    /// must be read, and give the value.
    #[test]
    #[allow(clippy::approx_constant)] // 3.14 is what "ba phẩy mười bốn" says, not π
    fn composition() {
        let cases: &[(&str, f64)] = &[
            ("không", 0.0),
            ("một", 1.0),
            ("chín", 9.0),
            ("mười", 10.0),
            ("mười một", 11.0),
            ("mười bốn", 14.0),
            ("mười lăm", 15.0),
            ("hai mươi", 20.0),
            ("hai chục", 20.0),
            ("hai mươi mốt", 21.0),
            ("ba mươi ba", 33.0),
            ("ba mươi tư", 34.0),
            ("bốn mươi lăm", 45.0),
            ("chín mươi chín", 99.0),
            ("trăm", 100.0),
            ("một trăm", 100.0),
            ("một trăm linh năm", 105.0),
            ("hai trăm lẻ một", 201.0),
            ("một trăm rưỡi", 150.0),
            ("bảy trăm hai mươi mốt", 721.0),
            ("năm nghìn", 5000.0),
            ("năm ngàn", 5000.0),
            ("hai trăm nghìn", 200000.0),
            ("hai mươi mốt nghìn không trăm mười một", 21011.0),
            ("bảy trăm hai mươi mốt nghìn không trăm mười hai", 721012.0),
            ("hai nghìn lẻ năm", 2005.0),
            ("một triệu hai trăm nghìn", 1200000.0),
            ("hai triệu rưỡi", 2500000.0),
            ("một tỷ", 1e9),
            ("một tỉ", 1e9),
            ("hai nghìn tỷ", 2e12),
            ("ba triệu", 3e6),
            ("3 tỷ 200 triệu", 3.2e9),
            ("1 phẩy 5 tỷ", 1.5e9),
            ("2 chấm 23", 2.23),
            ("hai phẩy 23", 2.23),
            ("một chấm ba", 1.3),
            ("không phẩy không năm", 0.05),
            ("ba phẩy mười bốn", 3.14),
            ("hai phẩy năm triệu", 2.5e6),
            ("nửa tỷ", 5e8),
            ("nửa triệu", 5e5),
        ];
        let (g, lex) = grammar();
        for (form, want) in cases {
            let r = with_tokens(&lex, form, |t| {
                g.read(t, 0).map(|r| (r.value, r.next == t.len()))
            });
            assert_eq!(r, Some((*want, true)), "{form}");
        }
    }

    /// Where a reading stops: what follows is not part of the number.
    #[test]
    fn stops() {
        let cases: &[(&str, f64, usize)] = &[
            ("mười năm", 10.0, 1),     // ten years: `lăm` is the 5 after mười
            ("hai mươi năm", 20.0, 2), // twenty years
            ("hai trăm ba mươi người", 230.0, 4),
            ("ba người", 3.0, 1),
            ("3 tỷ 200 người", 3e9, 2), // digits after a scale need a scale of their own
            ("năm 2024", 5.0, 1),
            ("hai nghìn năm lịch sử", 2000.0, 2),
            ("hai triệu ba", 2e6, 2),
            ("hai nghìn tỷ đồng", 2e12, 3),
            ("hai tỷ phú", 2.0, 1), // billionaires, not a scale
            ("ba tỷ lệ", 3.0, 1),
        ];
        let (g, lex) = grammar();
        for (form, want, next) in cases {
            let r = with_tokens(&lex, form, |t| g.read(t, 0).map(|r| (r.value, r.next)));
            assert_eq!(r, Some((*want, *next)), "{form}");
        }
        for text in ["người", "triệu chứng", "tỷ lệ", "nghìn tỷ"] {
            assert_eq!(with_tokens(&lex, text, |t| g.read(t, 0)), None, "{text}");
        }
    }

    #[test]
    fn fractions() {
        let cases: &[(&str, Option<f64>)] = &[
            ("một nửa", Some(0.5)),
            ("hai phần ba", Some(2.0 / 3.0)),
            ("một phần tư", Some(0.25)),
            ("ba phần tư", Some(0.75)),
            ("một phần mười", Some(0.1)),
            ("phân nửa", Some(0.5)),
            ("quá nửa", Some(0.5)),
            ("một phần trăm", None),
            ("ba phần hai", None),
            ("nửa", None),
            ("hai nửa", None),
        ];
        let (g, lex) = grammar();
        for (form, want) in cases {
            let r = with_tokens(&lex, form, |t| g.fraction_at(t, 0).map(|r| r.value));
            assert_eq!(r, *want, "{form}");
        }
    }

    #[test]
    fn fixed_expressions_and_names() {
        let (g, lex) = grammar();
        let fixed: &[(&str, usize, bool)] = &[
            ("một số doanh nghiệp", 0, true),
            ("cả hai nước", 1, true),
            ("hai bên", 0, true),
            ("hàng trăm người", 1, true),
            ("một trong những", 0, true),
            ("hai nước", 0, false),
            ("ba triệu lượt khách", 0, false),
        ];
        for (text, i, want) in fixed {
            assert_eq!(
                with_tokens(&lex, text, |t| g.in_fixed(t, *i)),
                *want,
                "{text}"
            );
        }
        let pairs: &[(&str, usize, bool)] = &[
            ("ba chìm bảy nổi", 0, true),
            ("ba chìm bảy nổi", 2, true),
            ("năm nắng mười mưa", 2, true),
            ("hai ba người", 0, true),
            ("hai đến ba người", 0, false),
            ("hai mươi ba người", 2, false),
            ("hai người, ba xe", 0, false),
            ("hai xe máy", 0, false),
        ];
        for (text, i, want) in pairs {
            let got = with_tokens(&lex, text, |t| {
                g.in_idiom_pair(t, *i, |k| t[k].low == "đến")
            });
            assert_eq!(got, *want, "{text}");
        }
        let names: &[(&str, usize, bool)] = &[
            ("Ba Lan", 0, true),
            ("Hai nhà lãnh đạo", 0, false),
            ("quận Ba Đình", 1, true),
            ("tại Ba Vì", 1, true),
            ("- Ba người", 1, false),
        ];
        for (text, i, want) in names {
            assert_eq!(
                with_tokens(&lex, text, |t| NumeralGrammar::is_name(t, *i)),
                *want,
                "{text}"
            );
        }
    }
}
