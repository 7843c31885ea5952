//! Properties that hold for any article: every span lies within the
//! original text and its `text` is exactly the characters it covers
//! (Python's `text[start:end]`); the NFC and NFD forms of an article give the
//! same values, units, names and codes. Articles are generated from
//! Vietnamese and English letters, digits, separators (no-break spaces,
//! dashes, line breaks) and phrases of the rules, so that the extractors
//! have something to find.

#[allow(dead_code)] // the corpus loaders are for the table tests
mod common;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vnextract::model::DocumentRecord;

use common::{assert_record_spans, shared_processor as processor};

/// Pieces an article is made of: rule phrases, numbers, noise.
const PIECES: &[&str] = &[
    "Thủ tướng Chính phủ Phạm Minh Chính",
    "yêu cầu",
    "các bộ, ngành",
    "khẩn trương",
    "triển khai",
    "Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư",
    "Nghị định 26/2019/NĐ-CP",
    "trên 4.814 tỷ đồng",
    "tăng 6,5%",
    "12,4 tỷ USD",
    "ba triệu lượt khách",
    "hai nghìn tỷ đồng",
    "Nhật Bản",
    "Hoa Kỳ",
    "ASEAN",
    "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn",
    "đồng chí",
    "Prime Minister Pham Minh Chinh asked ministries to",
    "$12.4 billion",
    "up 8.2 percent",
    "Directive No. 15/CT-TTg dated June 5, 2024",
    "Japan",
    "4,2\u{a0}triệu",
    "hoà",
    "Thụy Sỹ",
    "…",
    "–",
    "“",
    "”",
    "(",
    ")",
    "1.000",
    "2024",
    "10/8/2022",
    "\u{a0}",
    "\u{200b}",
    "\r\n",
    "\n\n",
    ". ",
    ", ",
    "; ",
    ": ",
    " ",
];

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{1,12}",
        1 => "[0-9.,%\u{a0} -]{1,8}",
    ];
    proptest::collection::vec(piece, 1..60).prop_map(|v| v.join(" "))
}

/// What must not depend on the Unicode form of the article.
fn values(r: &DocumentRecord) -> Vec<String> {
    let mut v: Vec<String> = r
        .quantities
        .iter()
        .map(|q| format!("q {} {:?} {}", q.value, q.value_max, q.unit))
        .collect();
    v.extend(r.people.iter().map(|p| format!("p {}", p.name)));
    v.extend(r.countries.iter().map(|c| format!("c {}", c.code)));
    v.extend(
        r.legal_refs
            .iter()
            .map(|l| format!("l {} {:?}", l.doc_type, l.code)),
    );
    v.extend(
        r.directives
            .iter()
            .map(|d| format!("d {} {}", d.addressee.nfc(), d.verb)),
    );
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_the_original_characters(text in article()) {
        let r = common::process(processor(), &text);
        assert_record_spans(&text, &r);
    }

    #[test]
    fn nfc_and_nfd_give_the_same_values(text in article()) {
        let p = processor();
        let nfc: String = text.nfc().collect();
        let nfd: String = text.nfd().collect();
        let a = common::process(p, &nfc);
        let b = common::process(p, &nfd);
        prop_assert_eq!(values(&a), values(&b));
        // and the NFD spans cover the NFD characters
        assert_record_spans(&nfd, &b);
    }
}

#[test]
fn a_no_break_space_stays_in_text() {
    let p = common::processor();
    let text = "Doanh thu đạt 4,2\u{a0}triệu USD.";
    let r = common::process(&p, text);
    let q = r.quantities.first().expect("a figure");
    assert_eq!(q.text, "4,2\u{a0}triệu USD");
    assert_eq!(q.value, 4_200_000.0);
    let covered: String = text.chars().skip(q.start).take(q.end - q.start).collect();
    assert_eq!(covered, q.text);
}
