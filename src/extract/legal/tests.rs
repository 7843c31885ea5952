//! Tests of `legal`: tables of cases and their expected values.

use super::*;
use crate::matcher::with_tokens;
use crate::rules::RuleSource;

struct Ex {
    e: LegalExtractor,
    lex: crate::matcher::Lexicon,
}

impl std::ops::Deref for Ex {
    type Target = LegalExtractor;
    fn deref(&self) -> &LegalExtractor {
        &self.e
    }
}

fn ex() -> Ex {
    let mut b = crate::matcher::LexiconBuilder::new();
    let e = LegalExtractor::new(
        &LegalRules::load(&RuleSource::Embedded.lang("vi")).expect("rules"),
        &mut b,
    );
    Ex { e, lex: b.build() }
}

/// A code as (text, number, year, parts).
type CodeParts = (String, Option<u64>, Option<u32>, Vec<String>);

/// A code form case: input, text, number, year, parts.
type CodeCase = (
    &'static str,
    &'static str,
    u64,
    Option<u32>,
    &'static [&'static str],
);

/// The first code in `s`.
fn code(e: &Ex, s: &str) -> Option<CodeParts> {
    with_tokens(&e.lex, s, |t| {
        (0..t.len())
            .find_map(|i| e.code_at(t, i))
            .map(|c| (c.text, c.number, c.year, c.parts))
    })
}

#[test]
fn code_forms() {
    let e = ex();
    #[rustfmt::skip]
    let cases: &[CodeCase] = &[
        ("số 15-CT/TW ngày", "15-CT/TW", 15, None, &["CT", "TW"]),
        ("số 15-CT/TƯ", "15-CT/TƯ", 15, None, &["CT", "TƯ"]),
        ("số 21/NQ-CP.", "21/NQ-CP", 21, None, &["NQ", "CP"]),
        ("(355/TB-VPCP)", "355/TB-VPCP", 355, None, &["TB", "VPCP"]),
        ("số 46/2026/NĐ-CP,", "46/2026/NĐ-CP", 46, Some(2026), &["NĐ", "CP"]),
        ("Luật 59/2020/QH14", "59/2020/QH14", 59, Some(2020), &["QH14"]),
        ("số 969/TTg – KGVX", "969/TTg-KGVX", 969, None, &["TTg", "KGVX"]),
        ("số 969/TTg - KGVX", "969/TTg-KGVX", 969, None, &["TTg", "KGVX"]),
        ("số 21/ NQ-CP", "21/NQ-CP", 21, None, &["NQ", "CP"]),
        ("số 08-QĐi/TW", "08-QĐi/TW", 8, None, &["QĐi", "TW"]),
        ("số 03/2016/TTLT-BTP-BCA", "03/2016/TTLT-BTP-BCA", 3, Some(2016), &["TTLT", "BTP", "BCA"]),
        ("số 4538/BGDĐT-GDTrH", "4538/BGDĐT-GDTrH", 4538, None, &["BGDĐT", "GDTrH"]),
        ("Số:1583/CĐ-VPCP", "1583/CĐ-VPCP", 1583, None, &["CĐ", "VPCP"]),
        ("số 1105/QĐ-BCĐ389", "1105/QĐ-BCĐ389", 1105, None, &["QĐ", "BCĐ389"]),
        // a spaced dash goes on only to a part in capitals
        ("số 21/NQ - Ban Bí thư", "21/NQ", 21, None, &["NQ"]),
    ];
    for (s, text, number, year, parts) in cases {
        let got = code(&e, s).unwrap_or_else(|| panic!("no code in {s}"));
        let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(got, (text.to_string(), Some(*number), *year, parts), "{s}");
    }
}

#[test]
fn not_codes() {
    let e = ex();
    for s in [
        "ngày 15/12/2024",
        "dịch COVID-19 và SARS-CoV-2",
        "giai đoạn 2021-2025",
        "tỷ số 2-1, đội hình 4-3-3",
        "Airbus A321-200, Boeing 787-9",
        "biển số 30A-123.45",
        "tỷ lệ 1/3 dân số, 24/7",
        "15-Ban/TW",
        "1.234/QĐ-UBND",
        "1234567/QĐ-UBND",
        "G20/NQ-CP",
    ] {
        assert_eq!(code(&e, s), None, "{s}");
    }
}

#[test]
fn type_words_forgive_tone_marks_only_before_codes() {
    let e = ex();
    let s = "Chị thị Nghi quyet CONG DIEN văn bản";
    with_tokens(&e.lex, s, |t| {
        let name = |r: Option<(usize, TypeRef)>| match r {
            Some((_, TypeRef::Type(i))) => e.types[i].name.clone(),
            Some((_, TypeRef::Generic)) => "generic".into(),
            None => "-".into(),
        };
        assert_eq!(name(e.type_before(t, 2)), "Chỉ thị");
        assert_eq!(name(e.type_before(t, 4)), "Nghị quyết");
        assert_eq!(name(e.type_before(t, 6)), "Công điện");
        assert_eq!(name(e.type_before(t, 8)), "generic");
        assert_eq!(name(e.type_before(t, 1)), "-");
        // exact forms only without a code
        assert!(e.forms.match_at(t, 0).is_some());
        assert!(e.forms.match_at(t, 2).is_none());
    });
    assert_eq!(strip_marks("Nghị Định"), "nghi dinh");
}

#[test]
fn types_and_issuers_from_code_letters() {
    let e = ex();
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("số 21/NQ-CP", Some("Nghị quyết"), Some("Chính phủ")),
        ("số 15-CT/TW", Some("Chỉ thị"), Some("Ban Bí thư")),
        ("số 57-NQ/TW", Some("Nghị quyết"), Some("Bộ Chính trị")),
        ("số 1583/CĐ-VPCP", Some("Công điện"), Some("Văn phòng Chính phủ")),
        ("số 12/2023/TT-NHNN", Some("Thông tư"), Some("Ngân hàng Nhà nước")),
        ("số 24-KL/TW", Some("Kết luận"), Some("Ban Chấp hành Trung ương")),
        ("số 51/KH-UBND", Some("Kế hoạch"), Some("Ủy ban nhân dân")),
        ("số 59/2020/QH14", Some("Luật"), Some("Quốc hội")),
        ("số 969/TTg-KGVX", Some("Công văn"), Some("Thủ tướng Chính phủ")),
        ("số 73/UBND-NLN", Some("Công văn"), Some("Ủy ban nhân dân")),
        ("số 1234/BNG-LPQT", Some("Công văn"), Some("Bộ Ngoại giao")),
        ("số 05-NQ/TU", Some("Nghị quyết"), Some("Tỉnh ủy")),
        ("số 12/BC-UBND", None, Some("Ủy ban nhân dân")),
        ("số 12/XY-ZW", None, None),
    ];
    for (s, ty, issuer) in cases {
        let c = with_tokens(&e.lex, s, |t| e.code_at(t, 1)).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(
            e.code_type(&c).map(|i| e.types[i].name.as_str()),
            *ty,
            "{s}"
        );
        assert_eq!(
            e.code_issuer(&c, e.code_type(&c).unwrap_or(usize::MAX))
                .as_deref(),
            *issuer,
            "{s}"
        );
    }
}

fn run(e: &Ex, s: &str) -> Vec<LegalRef> {
    crate::extract::with_ctx(s, crate::rules::text::TextRules::builtin(), &e.lex, |ctx| {
        e.extract(ctx)
    })
}

/// Fragments cut anywhere: no panic, spans inside the fragment, and what
/// each still cites (type and code).
#[test]
fn fragments_give_what_they_still_cite() {
    let e = ex();
    let none: &[&str] = &[];
    let cases: &[(&str, &[&str])] = &[
        ("", none),
        ("Số:", none),
        ("Số: 15", none),
        ("số", none),
        ("15-", none),
        ("15-CT", none),
        ("15-CT/", none),
        ("15-CT/TW", &["Chỉ thị 15-CT/TW"]),
        ("Chỉ thị", none),
        ("Chỉ thị số", none),
        ("Chỉ thị số 15-CT/TW ngày", &["Chỉ thị 15-CT/TW"]),
        ("Chỉ thị số 15-CT/TW của", &["Chỉ thị 15-CT/TW"]),
        ("Chỉ thị số 15-CT/TW (ngày", &["Chỉ thị 15-CT/TW"]),
        ("Nghị quyết 57", &["Nghị quyết -"]),
        ("Luật", none),
        ("Luật Đầu", &["Luật -"]),
        ("Hiến pháp năm", &["Hiến pháp -"]),
        ("Ngày 10/8/2022,", none),
        ("ban hành Chỉ thị", none),
        ("Số: 1583/CĐ-VPCP\n", &["Công điện 1583/CĐ-VPCP"]),
        ("Số: 1583/CĐ-VPCP\n\n\nngày", &["Công điện 1583/CĐ-VPCP"]),
        ("của Ban Bí thư", none),
        ("và 21/NQ-CP và", &["Nghị quyết 21/NQ-CP"]),
        ("1/2/3/4/5/6/7/8/9/10/A/B/C", none),
        ("Nghị quyết 18-NQ/TW và", &["Nghị quyết 18-NQ/TW"]),
        ("Công ước về Luật", none),
    ];
    for &(s, want) in cases {
        let r = run(&e, s);
        let got: Vec<String> = r
            .iter()
            .map(|x| format!("{} {}", x.doc_type, x.code.as_deref().unwrap_or("-")))
            .collect();
        assert_eq!(got, want, "{s:?}");
        let chars = s.chars().count();
        for x in &r {
            assert!(
                x.start < x.end && x.end <= chars,
                "{s:?}: {}..{}",
                x.start,
                x.end
            );
        }
    }
}

#[test]
fn rows_map_to_original_characters() {
    let e = ex();
    let s = "Ngày 10/8/2022, Ban Bí thư ban hành Chỉ thị số 15-CT/TW.";
    let r = run(&e, s);
    assert_eq!(r.len(), 1);
    let span: String = s
        .chars()
        .skip(r[0].start)
        .take(r[0].end - r[0].start)
        .collect();
    assert_eq!(span, "Chỉ thị số 15-CT/TW");
    assert_eq!(r[0].text, span);
}
