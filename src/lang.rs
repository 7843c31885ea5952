//! Language detection with lingua, compiled for a handful of languages only
//! (Vietnamese, English, Chinese, French), run on a cleaned prefix of the
//! text so that it never dominates run time.
//!
//! The prefix drops URLs, e-mail addresses, date/time stamps and digits,
//! which mislead the detector (`Nguồn: https://…` reads as English).

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use regex::Regex;

/// Characters of cleaned text given to the detector.
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
        Regex::new(r"(?i)(?:https?://|www\.)\S+|\S+@\S+\.\S+|[0-9][0-9.,:/\-]*|(?:Nguồn|Source)\s*:")
            .expect("static regex")
    })
}

/// The cleaned prefix the detector reads.
pub fn clean_prefix(text: &str) -> String {
    let mut out = String::with_capacity(PREFIX_CHARS + 16);
    let mut chars = 0;
    // take a little more raw text than needed: cleaning removes some
    let end = text.char_indices().nth(PREFIX_CHARS * 2).map(|(i, _)| i).unwrap_or(text.len());
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

/// Letters only Vietnamese writes: `ă đ ơ ư` and the Latin Extended
/// Additional block (`ạ ả ấ … ỹ`), either case.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}')
}

/// Share of Vietnamese-only letters above which a text is Vietnamese
/// whatever the detector says: about one letter in five carries them in
/// Vietnamese prose; a few names in an English article stay far below.
const VIETNAMESE_LETTER_SHARE: f64 = 0.06;

/// Detect the language of a text from its cleaned prefix.
pub fn detect(text: &str) -> Detected {
    let prefix = clean_prefix(text);
    let letters = prefix.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return Detected { code: "und", confidence: 0.0 };
    }
    let vi_letters = prefix.chars().filter(|&c| is_vietnamese_letter(c)).count();
    let vi_share = vi_letters as f64 / letters as f64;
    let values = detector().compute_language_confidence_values(&prefix);
    let round = |c: f64| (c * 100.0).round() / 100.0;
    match values.first() {
        Some(&(lang, _)) if lang != Language::Vietnamese && vi_share >= VIETNAMESE_LETTER_SHARE => {
            // short Vietnamese text misread (`Tốc độ tối đa 120 km/h.` → French)
            let conf = values.iter().find(|(l, _)| *l == Language::Vietnamese).map(|x| x.1).unwrap_or(0.0);
            Detected { code: "vi", confidence: round(conf.max(vi_share.min(1.0))) }
        }
        Some(&(lang, conf)) => Detected { code: code(lang), confidence: round(conf) },
        None => Detected { code: "und", confidence: 0.0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english() {
        let vi = detect("Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế năm 2024.");
        assert_eq!(vi.code, "vi");
        assert!(vi.confidence > 0.5, "{vi:?}");
        let en = detect("Prime Minister Phạm Minh Chính chaired a teleconference with heads of Vietnamese representative agencies abroad on Monday.");
        assert_eq!(en.code, "en");
    }

    #[test]
    fn short_vietnamese_is_vietnamese() {
        assert_eq!(detect("Tốc độ tối đa 120 km/h.").code, "vi");
        assert_eq!(detect("Giá bán lẻ 20€ mỗi hộp.").code, "vi");
    }

    #[test]
    fn stamps_and_urls_are_not_text() {
        assert_eq!(detect("20:46, 20/12/2024").code, "und");
        let p = clean_prefix("Nguồn: https://bacgiang.gov.vn/a/b 20:46, 20/12/2024 Diệu Hoa");
        assert_eq!(p, "Diệu Hoa");
    }
}
