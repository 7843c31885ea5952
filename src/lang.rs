//! Language detection in two steps, so that it costs microseconds:
//!
//! 1. a cheap test over the first characters of the normalized text
//!    (`rules/text/language.toml`): enough letters, and a large share of
//!    letters only Vietnamese writes (`ơ ư đ ạ ễ …`), is Vietnamese; nearly
//!    all-ASCII prose with many English function words is English. Both
//!    answer with confidence 1.0, what lingua answers for such texts;
//! 2. otherwise lingua, compiled for a handful of languages only (Vietnamese,
//!    English, Chinese, French), on a cleaned prefix: URLs, e-mail addresses,
//!    date/time stamps and digits removed, since they mislead it
//!    (`Nguồn: https://…` reads as English). Its model is loaded the first
//!    time it is asked, never for a dump the cheap test decides.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use regex::Regex;

use crate::rules::text::LanguageRules;

/// Characters of cleaned text given to lingua.
pub const PREFIX_CHARS: usize = 1000;

/// The detected language: ISO 639-1 code (`vi`, `en`, `zh`, `fr`) or `und`.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub code: &'static str,
    pub confidence: f64,
}

fn detector() -> &'static LanguageDetector {
    static D: OnceLock<LanguageDetector> = OnceLock::new();
    D.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::Vietnamese,
            Language::English,
            Language::Chinese,
            Language::French,
        ])
        .build()
    })
}

fn noise() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:https?://|www\.)\S+|\S+@\S+\.\S+|[0-9][0-9.,:/\-]*|(?:Nguồn|Source)\s*:",
        )
        .expect("static regex")
    })
}

/// The cleaned prefix lingua reads.
pub fn clean_prefix(text: &str) -> String {
    let mut out = String::with_capacity(PREFIX_CHARS + 16);
    let mut chars = 0;
    // take a little more raw text than needed: cleaning removes some
    let end = text
        .char_indices()
        .nth(PREFIX_CHARS * 2)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let cleaned = noise().replace_all(&text[..end], " ");
    for w in cleaned.split_whitespace() {
        if chars >= PREFIX_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        chars += w.chars().count() + 1;
    }
    out
}

fn code(l: Language) -> &'static str {
    match l {
        Language::Vietnamese => "vi",
        Language::English => "en",
        Language::Chinese => "zh",
        Language::French => "fr",
        #[allow(unreachable_patterns)]
        _ => "und",
    }
}

/// A letter, with fast answers for ASCII and the Latin blocks Vietnamese uses.
#[inline]
fn is_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1EA0..=0x1EF9 => true,
        _ => c.is_alphabetic(),
    }
}

/// Letters and Vietnamese-only letters of `sample`.
fn count_letters(sample: &str, rules: &LanguageRules) -> (usize, usize) {
    let (mut letters, mut vietnamese) = (0, 0);
    for c in sample.chars() {
        if c.is_ascii() {
            letters += c.is_ascii_alphabetic() as usize;
        } else if is_letter(c) {
            letters += 1;
            vietnamese += rules.is_vietnamese_letter(c) as usize;
        }
    }
    (letters, vietnamese)
}

/// ASCII letters, words, and English function words of a sample.
fn count_english(sample: &str, rules: &LanguageRules) -> (usize, usize, usize) {
    let (mut ascii, mut words, mut stop) = (0, 0, 0);
    let mut word = String::new();
    for ch in sample.chars().chain(std::iter::once(' ')) {
        if is_letter(ch) {
            if ch.is_ascii() {
                ascii += 1;
                word.push(ch.to_ascii_lowercase());
            } else {
                word.push(ch);
            }
        } else if !word.is_empty() {
            words += 1;
            stop += rules.en_stopwords.contains(word.as_str()) as usize;
            word.clear();
        }
    }
    (ascii, words, stop)
}

/// The cheap test: `Some` when it decides, on the first window that does.
fn cheap(text: &str, rules: &LanguageRules) -> Option<Detected> {
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    let (mut letters, mut vietnamese) = (0, 0);
    let (mut from, mut chars) = (0, 0);
    for &w in &rules.windows {
        // extend the counts from the previous window to this one
        let rest = &text[from..];
        let end = rest
            .char_indices()
            .nth(w - chars)
            .map_or(rest.len(), |(i, _)| i);
        let (l, v) = count_letters(&rest[..end], rules);
        letters += l;
        vietnamese += v;
        chars = w;
        from += end;
        let vi = share(vietnamese, letters);
        if letters >= rules.vi_min_letters && vi >= rules.vi_share {
            return Some(Detected {
                code: "vi",
                confidence: 1.0,
            });
        }
        if letters >= rules.en_min_letters && vi <= rules.en_max_vietnamese {
            let (ascii, words, stop) = count_english(&text[..from], rules);
            if share(ascii, letters) >= rules.en_ascii_share && share(stop, words) >= rules.en_share
            {
                return Some(Detected {
                    code: "en",
                    confidence: 1.0,
                });
            }
        }
        if from >= text.len() {
            break;
        }
    }
    None
}

/// Detect the language of a (normalized) text.
#[inline(never)] // one call per document: stays a frame of its own in profiles
pub fn detect(text: &str, rules: &LanguageRules) -> Detected {
    cheap(text, rules)
        .or_else(|| mixed(text, rules))
        .unwrap_or_else(|| detect_with_lingua(text, rules))
}

/// Letters and Vietnamese-only letters of lingua's cleaned prefix.
fn prefix_letters(prefix: &str, rules: &LanguageRules) -> (usize, usize) {
    let letters = prefix.chars().filter(|c| c.is_alphabetic()).count();
    let vi_letters = prefix
        .chars()
        .filter(|&c| rules.is_vietnamese_letter(c))
        .count();
    (letters, vi_letters)
}

/// Between the two steps: a text that mixes Vietnamese with another
/// language (a quoted speech, a bilingual page) whose cleaned prefix has at
/// least `mixed_share` of Vietnamese-only letters. Lingua's answer on it
/// would be overridden to Vietnamese if it were another language (the
/// share is at least `override_share`), and on such mixes it answers
/// Vietnamese with a confidence that rounds to 1.0: it is not asked.
fn mixed(text: &str, rules: &LanguageRules) -> Option<Detected> {
    let prefix = clean_prefix(text);
    let (letters, vi_letters) = prefix_letters(&prefix, rules);
    let share = if letters == 0 {
        0.0
    } else {
        vi_letters as f64 / letters as f64
    };
    (letters >= rules.vi_min_letters && share >= rules.vi_mixed_share).then_some(Detected {
        code: "vi",
        confidence: 1.0,
    })
}

/// Step 2 alone: lingua on the cleaned prefix, Vietnamese letters overriding
/// a wrong answer on short texts.
pub fn detect_with_lingua(text: &str, rules: &LanguageRules) -> Detected {
    let prefix = clean_prefix(text);
    let (letters, vi_letters) = prefix_letters(&prefix, rules);
    if letters < 3 {
        return Detected {
            code: "und",
            confidence: 0.0,
        };
    }
    let vi_share = vi_letters as f64 / letters as f64;
    let values = detector().compute_language_confidence_values(&prefix);
    let round = |c: f64| (c * 100.0).round() / 100.0;
    match values.first() {
        Some(&(lang, _)) if lang != Language::Vietnamese && vi_share >= rules.vi_override_share => {
            // short Vietnamese text misread (`Tốc độ tối đa 120 km/h.` → French)
            let conf = values
                .iter()
                .find(|(l, _)| *l == Language::Vietnamese)
                .map(|x| x.1)
                .unwrap_or(0.0);
            Detected {
                code: "vi",
                confidence: round(conf.max(vi_share.min(1.0))),
            }
        }
        Some(&(lang, conf)) => Detected {
            code: code(lang),
            confidence: round(conf),
        },
        None => Detected {
            code: "und",
            confidence: 0.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::text::TextRules;

    fn rules() -> &'static LanguageRules {
        &TextRules::builtin().language
    }

    #[test]
    fn vietnamese_and_english() {
        let vi = detect(
            "Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế năm 2024.",
            rules(),
        );
        assert_eq!(vi.code, "vi");
        assert!(vi.confidence > 0.5, "{vi:?}");
        let en = detect("Prime Minister Phạm Minh Chính chaired a teleconference with heads of Vietnamese representative agencies abroad on Monday.", rules());
        assert_eq!(en.code, "en");
    }

    #[test]
    fn short_vietnamese_is_vietnamese() {
        assert_eq!(detect("Tốc độ tối đa 120 km/h.", rules()).code, "vi");
        assert_eq!(detect("Giá bán lẻ 20€ mỗi hộp.", rules()).code, "vi");
    }

    #[test]
    fn stamps_and_urls_are_not_text() {
        assert_eq!(detect("20:46, 20/12/2024", rules()).code, "und");
        let p = clean_prefix("Nguồn: https://bacgiang.gov.vn/a/b 20:46, 20/12/2024 Diệu Hoa");
        assert_eq!(p, "Diệu Hoa");
    }

    /// Texts the cheap test decides, with what lingua alone says of them.
    #[test]
    fn the_cheap_test_agrees_with_lingua() {
        let vi = "Chiều 20/12, Thủ tướng Chính phủ Phạm Minh Chính chủ trì Hội nghị trực tuyến toàn quốc về công tác ngoại giao kinh tế năm 2024. Theo báo cáo của Bộ Ngoại giao, kim ngạch xuất khẩu cả năm ước đạt trên 400 tỷ USD, tăng 14% so với năm trước.";
        let en = "The State Bank of Vietnam said on Tuesday that credit growth reached 9.5 percent by the end of September, as the central bank kept its policy rates unchanged to support the economy. Exports of rice rose sharply in the first nine months of the year.";
        let mixed = "Tin tức: The conference was held in Hà Nội. Hội nghị diễn ra tại Hà Nội với sự tham gia của nhiều bộ, ngành.";
        let fr = "Le gouvernement vietnamien a annoncé mardi une hausse des exportations de riz vers les Philippines et l'Indonésie au cours des neuf premiers mois de l'année.";
        for (text, want) in [
            (vi, Some("vi")),
            (en, Some("en")),
            (mixed, None),
            (fr, None),
        ] {
            let got = cheap(text, rules());
            assert_eq!(got.as_ref().map(|d| d.code), want, "{text}");
            if let Some(d) = got {
                assert_eq!(d, detect_with_lingua(text, rules()), "{text}");
            }
        }
        assert_eq!(detect(fr, rules()).code, "fr");
        // a headline alone is too short for the cheap test
        assert!(cheap("Thủ tướng chủ trì hội nghị", rules()).is_none());
        // Vietnamese with a longer English passage: decided without lingua,
        // as lingua decides it
        let mixed = format!("{vi} {vi}\n{en}");
        assert_eq!(cheap(&mixed, rules()), None);
        let got = super::mixed(&mixed, rules());
        assert_eq!(
            got,
            Some(Detected {
                code: "vi",
                confidence: 1.0
            })
        );
        assert_eq!(got, Some(detect_with_lingua(&mixed, rules())));
    }
}
