//! Table-driven cases for the place extractor (countries and regions, SPEC
//! §3): written forms that map to ISO codes, the traps of the language
//! (regions that contain a country word, names and pronouns, provinces,
//! blocs), and person-name ranges passed in as `exclude`.
//!
//! Each case runs one short text through the extractor with the embedded
//! place rules and the document's real sentences and skip ranges, and
//! compares the exact list of codes (in order of first mention).

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
        PlaceRules::load(&RuleSource::Embedded.lang("vi")).unwrap_or_else(|e| panic!("{e}"));
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
    // every written form maps to its code
    ("Kim ngạch xuất khẩu sang Mỹ tăng mạnh.", &[], &["US"]),
    ("Hoa Kỳ là thị trường lớn nhất.", &[], &["US"]),
    ("Khách đến từ Ôx-trây-li-a và Úc tăng.", &[], &["AU"]),
    (
        "Hợp tác với Ô-xtrây-li-a, Australia và New Zealand.",
        &[],
        &["AU", "NZ"],
    ),
    (
        "Tổng thống Liên bang Nga thăm Việt Nam.",
        &[],
        &["RU", "VN"],
    ),
    (
        "Xuất khẩu trà sang 2 thị trường lớn là Nga và Pakistan.",
        &[],
        &["RU", "PK"],
    ),
    (
        "Đài Loan, Hồng Kông và Ma Cao là các thị trường tiềm năng.",
        &[],
        &["TW", "HK", "MO"],
    ),
    ("Thụy Sỹ và Thuỵ Sĩ là một.", &[], &["CH"]),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &[], &["VN"]),
    (
        "Samsung Display Việt Nam tuyển dụng 500 kỹ sư.",
        &[],
        &["VN"],
    ),
    (
        "Đại sứ quán Nhật Bản tại Hà Nội tổ chức hội thảo.",
        &[],
        &["JP"],
    ),
    (
        "Hiệp hội Thương mại Quốc tế Hàn Quốc (KITA) tham dự.",
        &[],
        &["KR"],
    ),
    (
        "Các thị trường như: Anh, Đức, Hà Lan, Nhật Bản, Hàn Quốc...",
        &[],
        &["GB", "DE", "NL", "JP", "KR"],
    ),
    (
        "Một số quốc gia tăng: Anh 171.700 lượt, Đức 117.800 lượt.",
        &[],
        &["GB", "DE"],
    ),
    ("Vương quốc Anh đạt 17.500 lượt người.", &[], &["GB"]),
    (
        "Thủ tướng Anh Rishi Sunak và Tổng thống Mỹ Joe Biden gặp nhau.",
        &[],
        &["GB", "US"],
    ),
    ("Ông Lavrov, Ngoại trưởng Nga, cho biết.", &[], &["RU"]),
    ("Australia is Vietnam's partner.", &[], &["AU", "VN"]),
    (
        "Khu vực Mercosur gồm Argentina, Brazil, Paraguay và Uruguay.",
        &[],
        &["AR", "BR", "PY", "UY"],
    ),
    (
        "Cộng hòa Séc và Ba Lan là đối tác quan trọng.",
        &[],
        &["CZ", "PL"],
    ),
    ("Nam Phi và Ai Cập ở châu Phi.", &[], &["ZA", "EG"]),
    // clipped forms count with a cue, a pair or a list
    ("Quan hệ Việt - Nhật ngày càng bền chặt.", &[], &["JP"]),
    ("Diễn đàn hợp tác Việt-Hàn năm 2022.", &[], &["KR"]),
    ("Người Nhật rất chuộng vải thiều.", &[], &["JP"]),
    ("Hàng Thái chiếm lĩnh thị trường.", &[], &["TH"]),
    (
        "Các đối tác như Mỹ, Nhật, Hàn đều tăng.",
        &[],
        &["US", "JP", "KR"],
    ),
    (
        "Nhật Bản là đối tác lớn. Nhật cũng là nhà đầu tư.",
        &[],
        &["JP"],
    ),
    // regions and blocs are not countries
    ("Mở rộng sang Mỹ Latinh và Trung Đông.", &[], &[]),
    (
        "Thị trường Trung Đông – Châu Phi còn nhiều dư địa.",
        &[],
        &[],
    ),
    (
        "Liên minh châu Phi (AU) và Hội đồng Hợp tác vùng Vịnh (GCC).",
        &[],
        &[],
    ),
    (
        "Khối Thị trường chung Nam Mỹ - MERCOSUR và khu vực Nam Mỹ.",
        &[],
        &[],
    ),
    ("Khách đến từ châu Mỹ và châu Úc tăng.", &[], &[]),
    ("Tàu thuyền trên Biển Đông và Thái Bình Dương.", &[], &[]),
    ("Khu vực Ấn Độ - Thái Bình Dương rộng mở.", &[], &[]),
    // provinces and places of Việt Nam
    ("Lãnh đạo tỉnh Thái Nguyên và Thái Bình dự họp.", &[], &[]),
    ("Tỉnh Lào Cai giáp Trung Quốc.", &[], &["CN"]),
    ("Gió Lào thổi mạnh ở Nghệ An.", &[], &[]),
    (
        "Thành phố Thủ Đức và huyện Đông Anh phát triển nhanh.",
        &[],
        &[],
    ),
    ("Huyện Mỹ Đức và thành phố Mỹ Tho.", &[], &[]),
    ("Huyện Long Mỹ thuộc tỉnh Hậu Giang.", &[], &[]),
    // people: names, pronouns, honorifics
    ("Phó Chủ tịch Quốc hội Nguyễn Đức Hải phát biểu.", &[], &[]),
    ("Nguyễn Đức Hải đánh giá cao diễn đàn.", &[], &[]),
    ("Bà Nguyễn Thị Nga, Giám đốc Sở, cho biết.", &[], &[]),
    ("Ông Nguyễn Minh Đức trao quà.", &[], &[]),
    ("Cầu thủ Tuấn Anh ghi bàn ở phút 28.", &[], &[]),
    ("Anh chia sẻ rằng công việc rất vất vả.", &[], &[]),
    ("Chị Nga và anh Đức là đồng nghiệp.", &[], &[]),
    ("Đức Hải cho biết sẽ tiếp tục.", &[], &[]),
    ("Ca sĩ Mỹ Tâm biểu diễn tại Hà Nội.", &[], &[]),
    // common words that contain a country form
    ("Các giải pháp, biện pháp và Pháp lệnh mới.", &[], &[]),
    ("Ý kiến của các bộ, ngành được tiếp thu.", &[], &[]),
    ("Cập nhật lúc 10 giờ Chủ Nhật.", &[], &[]),
    ("Học sinh học tiếng Anh và tiếng Nhật.", &[], &[]),
    ("Ngành mỹ phẩm và thủ công mỹ nghệ.", &[], &[]),
    ("Anh em, anh chị trong gia đình.", &[], &[]),
    // codes, tickers, domains
    ("BDK.VN - Chiều 2-4-2024, chỉ số VN-Index tăng.", &[], &[]),
    ("Hàng VN chất lượng cao.", &[], &["VN"]),
    (
        "Đại sứ Việt Nam tại Nga Đặng Minh Khôi gặp kiều bào.",
        &[],
        &["VN", "RU"],
    ),
    ("Tổng thống Séc Miloš Zeman thăm Hà Nội.", &[], &["CZ"]),
    (
        "Đoàn công tác thăm gia đình ông Sùng A Tủa ở khu Mỹ Á.",
        &[],
        &[],
    ),
    ("Phóng viên Đức Anh và Nhà báo Anh Tuấn đưa tin.", &[], &[]),
    ("Tiền đạo Đức Chinh ghi bàn thắng quyết định.", &[], &[]),
    ("Bà Phạm Thái Lan, Giám đốc công ty, phát biểu.", &[], &[]),
    (
        "Chị Nga năm nay 45 tuổi. Nga kể rằng cuộc sống còn khó khăn.",
        &[],
        &[],
    ),
    (
        "Nga đã tấn công nhiều mục tiêu ở miền đông Ukraine.",
        &[],
        &["RU", "UA"],
    ),
    ("Lào là nước láng giềng gần gũi.", &[], &["LA"]),
    ("Anh rời EU năm 2020.", &[], &[]),
    ("Xuất Khẩu Gạo Sang Philippines Tăng Mạnh", &[], &["PH"]),
    ("ÔNG NGUYỄN THỊ NGA VÀ ĐOÀN CÔNG TÁC THĂM NGA", &[], &["RU"]),
    (
        "Chè Thái Nguyên nổi tiếng. Chè Thái được ưa chuộng.",
        &[],
        &[],
    ),
    (
        "Miền Tây Nga và miền Nam Pháp có nhiều lễ hội.",
        &[],
        &["RU", "FR"],
    ),
    (
        "Đoàn Thái Lan dẫn đầu bảng tổng sắp huy chương.",
        &[],
        &["TH"],
    ),
    ("Quân Nga tấn công các mục tiêu quân sự.", &[], &["RU"]),
    // person names found by the person extractor
    ("Đại diện Nga là ông Sergei Đức.", &["Sergei Đức"], &["RU"]),
    (
        "Bà Hà Lan phát biểu trước đoàn Hà Lan.",
        &["Hà Lan"],
        &["NL"],
    ),
];

#[test]
fn place_cases() {
    assert!(CASES.len() >= 40);
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
fn regions_are_reported() {
    let ex = extractor();
    let (c, r) = run(
        &ex,
        "Thị trường Mỹ Latinh, Trung Đông – Châu Phi và ASEAN; Liên minh châu Phi (AU).",
        &[],
    );
    assert!(c.is_empty(), "{c:?}");
    let names: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Mỹ Latinh",
            "Trung Đông - châu Phi",
            "ASEAN",
            "Liên minh châu Phi"
        ]
    );
    assert_eq!(r[3].mentions[0].text, "Liên minh châu Phi (AU)");
}

#[test]
fn one_row_per_code_with_every_mention_in_original_offsets() {
    let ex = extractor();
    // NFD input and a no-break space: offsets refer to the original characters
    let text = "Xuất khẩu sang Mỹ, Hoa Ky\u{300} và Nhật\u{a0}Bản; Mỹ tăng.";
    let (c, _) = run(&ex, text, &[]);
    let codes: Vec<&str> = c.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, vec!["US", "JP"]);
    assert_eq!(c[0].name_vi, "Mỹ");
    assert_eq!(c[0].name_en, "United States");
    let us: Vec<(usize, usize, &str)> = c[0]
        .mentions
        .iter()
        .map(|m| (m.start, m.end, m.text.as_str()))
        .collect();
    // the mention's text is the characters as written (`Ky` + combining grave)
    assert_eq!(
        us,
        vec![(15, 17, "Mỹ"), (19, 26, "Hoa Ky\u{300}"), (40, 42, "Mỹ")]
    );
    let chars: Vec<char> = text.chars().collect();
    let jp = &c[1].mentions[0];
    assert_eq!(
        chars[jp.start..jp.end].iter().collect::<String>(),
        "Nhật\u{a0}Bản"
    );
    assert_eq!(jp.text, "Nhật\u{a0}Bản");
}

#[test]
fn skipped_lines_are_not_read() {
    let ex = extractor();
    let text = "Tin, ảnh: Nguyễn Nga\nNguồn: https://example.vn/viet-nam\n\nHợp tác với Lào được đẩy mạnh.";
    assert_eq!(codes(&ex, text, &[]), vec!["LA"]);
}
