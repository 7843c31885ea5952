//! Table-driven cases for the place extractor on ENGLISH text, with the
//! embedded `rules/en/place` rules: English names, abbreviations and
//! demonyms that map to ISO codes, and the traps of English news about Viet
//! Nam (regions and seas that contain a country word, US states, Vietnamese
//! provinces and given names, set phrases, languages).
//!
//! Each case runs one short text through the extractor with the document's
//! real sentences and skip ranges, and compares the exact list of codes (in
//! order of first mention).

use std::ops::Range;

use vnextract::extract::place::PlaceExtractor;
use vnextract::extract::with_ctx;
use vnextract::matcher::{Lexicon, LexiconBuilder};
use vnextract::model::{Country, Region};
use vnextract::rules::place::PlaceRules;
use vnextract::rules::text::TextRules;
use vnextract::rules::RuleSource;

struct Ex {
    e: PlaceExtractor,
    lex: Lexicon,
}

fn extractor() -> Ex {
    let rules =
        PlaceRules::load(&RuleSource::Embedded.lang("en")).unwrap_or_else(|e| panic!("{e}"));
    let mut b = LexiconBuilder::new();
    let e = PlaceExtractor::new(&rules, &mut b);
    Ex { e, lex: b.build() }
}

/// Run on `text`; `exclude` are substrings of `text` (their first
/// occurrence) standing for person names found by the person extractor.
fn run(ex: &Ex, text: &str, exclude: &[&str]) -> (Vec<Country>, Vec<Region>) {
    with_ctx(text, TextRules::builtin(), &ex.lex, |ctx| {
        let ranges: Vec<Range<usize>> = exclude
            .iter()
            .map(|s| {
                let f = vnextract::fold::fold(s);
                let at = ctx
                    .norm
                    .text
                    .find(&f)
                    .unwrap_or_else(|| panic!("{s:?} not in {text:?}"));
                at..at + f.len()
            })
            .collect();
        ex.e.extract(ctx, &ranges)
    })
}

fn codes(ex: &Ex, text: &str, exclude: &[&str]) -> Vec<String> {
    run(ex, text, exclude)
        .0
        .into_iter()
        .map(|c| c.code)
        .collect()
}

/// (text, person names to exclude, expected codes in order of first mention)
const CASES: &[(&str, &[&str], &[&str])] = &[
    // a dash between two countries makes a pair, not a code (`VN-Index` is one)
    (
        "US-China trade and Vietnam-US relations grew, while the VN-Index rose.",
        &[],
        &["US", "CN", "VN"],
    ),
    // names, official names, abbreviations
    (
        "Viet Nam and the Republic of Korea agreed to upgrade ties; South Korea is the largest investor.",
        &[],
        &["VN", "KR"],
    ),
    (
        "Exports to the US rose 20 percent, while shipments to the U.S. market and the USA grew.",
        &[],
        &["US"],
    ),
    (
        "Laos and Cambodia joined the talks with the Lao PDR delegation.",
        &[],
        &["LA", "KH"],
    ),
    (
        "Myanmar, formerly Burma, and Czechia, the Czech Republic, sent envoys.",
        &[],
        &["MM", "CZ"],
    ),
    (
        "Côte d'Ivoire, also known as Ivory Coast, is a top cashew producer.",
        &[],
        &["CI"],
    ),
    (
        "Turkey and Greece signed the deal; Türkiye is a key partner.",
        &[],
        &["TR", "GR"],
    ),
    (
        "The Philippines and Indonesia signed a maritime deal with Malaysia.",
        &[],
        &["PH", "ID", "MY"],
    ),
    (
        "Hong Kong (China) and Taiwan (China) are among the top ten investors.",
        &[],
        &["HK", "TW"],
    ),
    (
        "North Korean leader Kim Jong Un met DPRK officials; North Korea fired a missile.",
        &[],
        &["KP"],
    ),
    ("Exports to Australia, the UK and Canada rose.", &[], &["AU", "GB", "CA"]),
    ("Phạm Minh Chính met Lào and Campuchia leaders.", &[], &["LA", "KH"]),
    // demonyms and adjectives
    (
        "Vietnamese Prime Minister Pham Minh Chinh met his Japanese counterpart in Tokyo on Monday.",
        &[],
        &["VN", "JP"],
    ),
    (
        "British, Australian and New Zealand firms lead the list; Americans and Koreans follow.",
        &[],
        &["GB", "AU", "NZ", "US", "KR"],
    ),
    (
        "Indian tourists and Chinese visitors flocked to Da Nang.",
        &[],
        &["IN", "CN"],
    ),
    (
        "Thai Prime Minister Srettha Thavisin visited Ha Noi.",
        &[],
        &["TH"],
    ),
    (
        "Lao Deputy Prime Minister Saleumxay Kommasith held talks in Vientiane.",
        &[],
        &["LA"],
    ),
    (
        "The Dutch firm opened an office in Holland and in the Netherlands.",
        &[],
        &["NL"],
    ),
    // names inside organisation names count
    (
        "Korean Air and the American Chamber of Commerce in Viet Nam held a forum.",
        &[],
        &["KR", "US", "VN"],
    ),
    // regions and seas are not countries
    (
        "Trade with Latin America and North America expanded, the ministry said.",
        &[],
        &[],
    ),
    (
        "The ships crossed the Indian Ocean before reaching the South China Sea.",
        &[],
        &[],
    ),
    ("Fishermen from Quang Ngai operate in the East Sea.", &[], &[]),
    (
        "The Sea of Japan and the Taiwan Strait saw more patrols.",
        &[],
        &[],
    ),
    ("The Korean Peninsula remains tense, analysts said.", &[], &[]),
    ("Bank of America raised its forecast for Latin American markets.", &[], &[]),
    // US states and foreign provinces
    (
        "Production moved from New Jersey and New Mexico to Viet Nam.",
        &[],
        &["VN"],
    ),
    (
        "She studied at Georgia Tech before moving to Atlanta, Georgia.",
        &[],
        &[],
    ),
    ("The plant is in the US state of Georgia.", &[], &["US"]),
    // weak forms: a cue, a pair or the country named elsewhere
    (
        "The country's first embassy in Georgia opened in Tbilisi.",
        &[],
        &["GE"],
    ),
    (
        "The delegation visited Jordan and Egypt last week.",
        &[],
        &["JO", "EG"],
    ),
    ("Michael Jordan was the best basketball player of his time.", &[], &[]),
    ("Chad Smith joined the company as chief executive.", &[], &[]),
    ("Tom Holland starred in the film.", &[], &[]),
    // Vietnamese provinces, names and words
    ("Heavy rain hit Lao Cai province and Thai Nguyen on Sunday.", &[], &[]),
    ("Thai Binh province hosted the Korean delegation.", &[], &["KR"]),
    ("Mr Thai said the project would finish next year.", &[], &[]),
    (
        "Nguyen Van Thai, director of the department, spoke at the event.",
        &[],
        &[],
    ),
    (
        "Mr. Thai, who heads the board, declined to comment. Thai said the firm would grow.",
        &[],
        &[],
    ),
    ("Ms. Lao Thi Hoa is a teacher in Lao Cai.", &[], &[]),
    ("The Lao Dong newspaper reported the story.", &[], &[]),
    (
        "Nguyen Tuan Anh and Le Thi Nga won gold medals for the national team.",
        &[],
        &[],
    ),
    ("According to Anh, the price of rice will go up.", &[], &[]),
    // common words, set phrases, languages, currency
    ("Turkey sandwiches are popular at Thanksgiving.", &[], &[]),
    (
        "A fine china set was auctioned; china and turkey are lower case.",
        &[],
        &[],
    ),
    ("Guinea pigs were used in the test.", &[], &[]),
    (
        "French fries and Dutch disease are not countries; but French investors are.",
        &[],
        &["FR"],
    ),
    (
        "The Japanese encephalitis vaccine will be given to children.",
        &[],
        &[],
    ),
    (
        "The Vietnamese-language edition is sold in Britain and Germany.",
        &[],
        &["GB", "DE"],
    ),
    ("Chile peppers are hot. Chile is a CPTPP member.", &[], &["CL"]),
    ("Exports reached US$5 billion, up 8 percent.", &[], &[]),
    ("Polish the surface before painting it.", &[], &[]),
    (
        "Polish firms and Poles living abroad invested in Poland.",
        &[],
        &["PL"],
    ),
    // a person name found by the person extractor
    ("Coach Park Hang-seo praised Jordan Henderson.", &["Jordan Henderson"], &[]),
];

#[test]
fn place_cases_en() {
    assert!(CASES.len() >= 25);
    let ex = extractor();
    let mut failures = Vec::new();
    for (text, exclude, want) in CASES {
        let got = codes(&ex, text, exclude);
        if got != *want {
            failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn regions_are_reported_with_the_vietnamese_rules_names() {
    let ex = extractor();
    let (c, r) = run(
        &ex,
        "Exports to the EU, ASEAN, Latin America, the Middle East and the Asia-Pacific grew; \
         the African Union (AU) met near the South China Sea.",
        &[],
    );
    assert!(c.is_empty(), "{c:?}");
    let names: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "EU",
            "ASEAN",
            "Mỹ Latinh",
            "Trung Đông",
            "châu Á - Thái Bình Dương",
            "Liên minh châu Phi",
            "Biển Đông"
        ]
    );
    // `AU` counts for the African Union named in the same document
    assert_eq!(r[5].mentions.len(), 2);
}

#[test]
fn one_row_per_code_with_every_mention() {
    let ex = extractor();
    let text = "Vietnam and the US, U.S. and Americans; Viet Nam.";
    let (c, _) = run(&ex, text, &[]);
    let codes: Vec<&str> = c.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, vec!["VN", "US"]);
    assert_eq!(c[1].name_vi, "Mỹ");
    assert_eq!(c[1].name_en, "United States");
    let us: Vec<&str> = c[1].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(us, vec!["US", "U.S.", "Americans"]);
    let vn: Vec<&str> = c[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(vn, vec!["Vietnam", "Viet Nam"]);
}
