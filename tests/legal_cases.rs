//! Legal references, case by case, through the whole pipeline: every way
//! Vietnamese news cites a document (codes of the state and of the Party,
//! misspelt type words, both date forms and `ngày … tháng … năm …`, issuers
//! written or read from the code, references without a code), and what is
//! not a reference (lower-case `kế hoạch cụ thể`, dates, `COVID-19`, models
//! and scores). Each case asserts every field of every row.

#[allow(dead_code)]
mod common;

use vnextract::model::{LegalRef, RawDoc};
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

/// One expected row: doc_type, code, number, issued, issuer.
type Row = (
    &'static str,
    Option<&'static str>,
    Option<u64>,
    Option<&'static str>,
    Option<&'static str>,
);

fn extract(p: &Processor, text: &str) -> Vec<LegalRef> {
    let raw = RawDoc {
        doc_id: "case".into(),
        source: "case".into(),
        text: text.into(),
        ..Default::default()
    };
    p.process(&raw).legal_refs
}

/// A row as owned values, for comparing.
type Owned = (
    String,
    Option<String>,
    Option<u64>,
    Option<String>,
    Option<String>,
);

fn owned(r: &Row) -> Owned {
    let s = |x: Option<&str>| x.map(str::to_string);
    (r.0.to_string(), s(r.1), r.2, s(r.3), s(r.4))
}

fn check(p: &Processor, text: &str, want: &[Row]) {
    let got = extract(p, text);
    let got_rows: Vec<Owned> = got
        .iter()
        .map(|r| {
            (
                r.doc_type.clone(),
                r.code.clone(),
                r.number,
                r.issued.clone(),
                r.issuer.clone(),
            )
        })
        .collect();
    let want: Vec<Owned> = want.iter().map(owned).collect();
    assert_eq!(got_rows, want, "\ntext: {text}\ngot: {got:#?}");
    common::assert_spans_cover_text(text, got.iter().map(|r| (r.start, r.end, r.text.as_str())));
}

const CT: &str = "Chỉ thị";
const NQ: &str = "Nghị quyết";

#[rustfmt::skip]
const CASES: &[(&str, &[Row])] = &[
    // --- codes of the Party: N-TYPE/ISSUER
    ("Thực hiện Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư về công tác ngoại giao kinh tế.",
     &[(CT, Some("15-CT/TW"), Some(15), Some("2022-08-10"), Some("Ban Bí thư"))]),
    ("Quán triệt Nghị quyết 50-NQ/TW của Bộ Chính trị về thu hút đầu tư nước ngoài.",
     &[(NQ, Some("50-NQ/TW"), Some(50), None, Some("Bộ Chính trị"))]),
    // `/TW` by type: a Chỉ thị of the Secretariat, a Nghị quyết of the Politburo
    ("Các cơ quan tiếp tục thực hiện Chỉ thị 15-CT/TƯ một cách hiệu quả.",
     &[(CT, Some("15-CT/TƯ"), Some(15), None, Some("Ban Bí thư"))]),
    ("Tỉnh ủy quán triệt Nghị quyết số 57-NQ/TW về khoa học, công nghệ.",
     &[(NQ, Some("57-NQ/TW"), Some(57), None, Some("Bộ Chính trị"))]),
    ("Kết luận số 12-KL/TW được triển khai.",
     &[("Kết luận", Some("12-KL/TW"), Some(12), None, Some("Ban Chấp hành Trung ương"))]),
    // a sitting of a body, with its ordinal and the body's term, is the issuer
    ("Luật thể chế hóa Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về đất đai.",
     &[(NQ, Some("18-NQ/TW"), Some(18), Some("2022-06-16"), Some("Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII"))]),
    ("Thực hiện Nghị quyết số 110/2023/QH15 của Kỳ họp thứ 6 Quốc hội khóa XV, các bộ rà soát.",
     &[(NQ, Some("110/2023/QH15"), Some(110), None, Some("Kỳ họp thứ 6 Quốc hội khóa XV"))]),
    // `của X tại <citation>`: X wrote it
    ("Các sở cung cấp thông tin theo chỉ đạo của UBND tỉnh tại Văn bản số 6099/UBND-VP nêu trên.",
     &[("Công văn", Some("6099/UBND-VP"), Some(6099), None, Some("UBND tỉnh"))]),
    ("Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 123/CĐ-TTg, các bộ đã vào cuộc.",
     &[("Công điện", Some("123/CĐ-TTg"), Some(123), None, Some("Thủ tướng Chính phủ"))]),
    // a short second mention takes the code of the citation before it
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024, tỉnh đặt mục tiêu cao. Nghị quyết số 57 được quán triệt sâu rộng.",
     &[(NQ, Some("57-NQ/TW"), Some(57), Some("2024-12-22"), Some("Bộ Chính trị")),
       (NQ, Some("57-NQ/TW"), Some(57), Some("2024-12-22"), Some("Bộ Chính trị"))]),
    ("Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị được quán triệt sâu rộng.",
     &[("Kết luận", Some("57-KL/TW"), Some(57), Some("2023-06-15"), Some("Bộ Chính trị"))]),
    ("Tổng Bí thư đã ký Quy định số 08-QĐi/TW về trách nhiệm nêu gương.",
     &[("Quy định", Some("08-QĐi/TW"), Some(8), None, Some("Tổng Bí thư"))]),
    ("Thông báo kết luận số 180-TB/TW của Bộ Chính trị đã được gửi các tỉnh ủy.",
     &[("Thông báo", Some("180-TB/TW"), Some(180), None, Some("Bộ Chính trị"))]),
    // --- codes of the state: N[/YYYY]/TYPE-ISSUER
    ("Chính phủ ban hành Nghị quyết số 21/NQ-CP ngày 20/2/2023 về chương trình hành động.",
     &[(NQ, Some("21/NQ-CP"), Some(21), Some("2023-02-20"), Some("Chính phủ"))]),
    ("Văn phòng Chính phủ vừa ban hành thông báo số 355/TB-VPCP truyền đạt ý kiến kết luận.",
     &[("Thông báo", Some("355/TB-VPCP"), Some(355), None, Some("Văn phòng Chính phủ"))]),
    ("Theo Nghị định số 46/2026/NĐ-CP, doanh nghiệp phải kê khai đầy đủ.",
     &[("Nghị định", Some("46/2026/NĐ-CP"), Some(46), None, Some("Chính phủ"))]),
    ("Thủ tướng đã ký Công điện số 1063/CĐ-TTg ngày 10 tháng 11 năm 2023 về thúc đẩy xuất khẩu.",
     &[("Công điện", Some("1063/CĐ-TTg"), Some(1063), Some("2023-11-10"), Some("Thủ tướng"))]),
    ("Tỉnh triển khai Kế hoạch số 51/KH-UBND ngày 5/3/2024 về phát triển du lịch.",
     &[("Kế hoạch", Some("51/KH-UBND"), Some(51), Some("2024-03-05"), Some("Ủy ban nhân dân"))]),
    ("Thông tư 01/2021/TT-BKHĐT hướng dẫn đăng ký doanh nghiệp.",
     &[("Thông tư", Some("01/2021/TT-BKHĐT"), Some(1), None, Some("Bộ Kế hoạch và Đầu tư"))]),
    ("Căn cứ Quyết định số 1234/QĐ-TTg ngày 12/8/2021 của Thủ tướng Chính phủ phê duyệt chiến lược.",
     &[("Quyết định", Some("1234/QĐ-TTg"), Some(1234), Some("2021-08-12"), Some("Thủ tướng Chính phủ"))]),
    ("Thông tư liên tịch số 03/2016/TTLT-BTP-BCA quy định việc phối hợp.",
     &[("Thông tư liên tịch", Some("03/2016/TTLT-BTP-BCA"), Some(3), None, Some("Bộ Tư pháp, Bộ Công an"))]),
    ("Pháp lệnh số 02/2022/UBTVQH15 về xử lý vi phạm hành chính.",
     &[("Pháp lệnh", Some("02/2022/UBTVQH15"), Some(2), None, Some("Ủy ban Thường vụ Quốc hội"))]),
    // --- a law number: the QH letters give both type and issuer
    ("Luật số 59/2020/QH14 được Quốc hội thông qua.",
     &[("Luật", Some("59/2020/QH14"), Some(59), None, Some("Quốc hội"))]),
    ("Luật Doanh nghiệp số 59/2020/QH14 có hiệu lực từ ngày 1/1/2021.",
     &[("Luật", Some("59/2020/QH14"), Some(59), None, Some("Quốc hội"))]),
    ("Quy định mới nằm tại 59/2020/QH14 và các văn bản hướng dẫn.",
     &[("Luật", Some("59/2020/QH14"), Some(59), None, Some("Quốc hội"))]),
    ("Nghị quyết số 43/2022/QH15 của Quốc hội về chính sách tài khóa.",
     &[(NQ, Some("43/2022/QH15"), Some(43), None, Some("Quốc hội"))]),
    // --- letters (Công văn): the code begins with its issuer
    ("Công văn số 969/TTg – KGVX gửi các bộ, ngành.",
     &[("Công văn", Some("969/TTg-KGVX"), Some(969), None, Some("Thủ tướng Chính phủ"))]),
    ("Theo văn bản số 73/UBND-NLN, UBND tỉnh chỉ đạo tổ chức Tết trồng cây.",
     &[("Công văn", Some("73/UBND-NLN"), Some(73), None, Some("Ủy ban nhân dân"))]),
    ("Bộ Công Thương có Công văn số 1318/BCT-XNK ngày 12/3/2022 gửi các hiệp hội.",
     &[("Công văn", Some("1318/BCT-XNK"), Some(1318), Some("2022-03-12"), Some("Bộ Công Thương"))]),
    ("Đề nghị các đơn vị thực hiện theo 2345/BNG-THKT đã gửi.",
     &[("Công văn", Some("2345/BNG-THKT"), Some(2345), None, Some("Bộ Ngoại giao"))]),
    // --- a header line: the type from the code, the date from the line below
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 1583/CĐ-VPCP\nHà Nội, ngày 14 tháng 3 năm 2022\nCÔNG ĐIỆN\nVề việc xuất khẩu điều.",
     &[("Công điện", Some("1583/CĐ-VPCP"), Some(1583), Some("2022-03-14"), Some("Văn phòng Chính phủ"))]),
    // --- misspelt type words before a code
    ("Thực hiện Chị thị số 16/CT-TTg của Thủ tướng Chính phủ về cách ly xã hội.",
     &[(CT, Some("16/CT-TTg"), Some(16), None, Some("Thủ tướng Chính phủ"))]),
    ("Theo Nghi quyet so 11/NQ-CP, các địa phương rà soát.",
     &[(NQ, Some("11/NQ-CP"), Some(11), None, Some("Chính phủ"))]),
    ("Áp dụng Quyêt định số 15/2023/QĐ-TTg từ tháng tới.",
     &[("Quyết định", Some("15/2023/QĐ-TTg"), Some(15), None, Some("Thủ tướng Chính phủ"))]),
    // --- dates and issuers written in other places
    ("Chỉ thị số 41-CT/TW, ngày 15/4/2010 của Ban Bí thư khóa X đã tạo chuyển biến.",
     &[(CT, Some("41-CT/TW"), Some(41), Some("2010-04-15"), Some("Ban Bí thư"))]),
    ("Nghị quyết số 01/NQ-CP của Chính phủ ngày 5/1/2024 về nhiệm vụ năm 2024.",
     &[(NQ, Some("01/NQ-CP"), Some(1), Some("2024-01-05"), Some("Chính phủ"))]),
    ("Chỉ thị số 08/CT-TTg (ngày 23/6/2023) về phát triển du lịch được triển khai.",
     &[(CT, Some("08/CT-TTg"), Some(8), Some("2023-06-23"), Some("Thủ tướng Chính phủ"))]),
    ("Ngày 10/8/2022, Ban Bí thư ban hành Chỉ thị số 15-CT/TW về ngoại giao kinh tế.",
     &[(CT, Some("15-CT/TW"), Some(15), Some("2022-08-10"), Some("Ban Bí thư"))]),
    ("Cách đây một năm, ngày 11/10/2021, Chính phủ ban hành Nghị quyết 128/NQ-CP về thích ứng an toàn.",
     &[(NQ, Some("128/NQ-CP"), Some(128), Some("2021-10-11"), Some("Chính phủ"))]),
    ("Nghị định 15/2018/NĐ-CP do Chính phủ ban hành ngày 2/2/2018 quy định chi tiết.",
     &[("Nghị định", Some("15/2018/NĐ-CP"), Some(15), Some("2018-02-02"), Some("Chính phủ"))]),
    ("Quyết định số 123/QĐ-UBND ngày 20 tháng 1 năm 2020 của UBND tỉnh Tuyên Quang về việc phê duyệt.",
     &[("Quyết định", Some("123/QĐ-UBND"), Some(123), Some("2020-01-20"), Some("UBND tỉnh Tuyên Quang"))]),
    ("Quyết định 2345/QĐ-BCT ngày 20/2/2024 của Bộ Công Thương về biểu thuế.",
     &[("Quyết định", Some("2345/QĐ-BCT"), Some(2345), Some("2024-02-20"), Some("Bộ Công Thương"))]),
    // a date with no year takes the year of the code
    ("Nghị định số 01/2024/NĐ-CP ngày 5/1 đã có hiệu lực.",
     &[("Nghị định", Some("01/2024/NĐ-CP"), Some(1), Some("2024-01-05"), Some("Chính phủ"))]),
    // a date between commas after the issuer opens the next clause
    ("Triển khai Chỉ thị số 15-CT/TW của Ban Bí thư, ngày 20/2/2023, Chính phủ đã ban hành Nghị quyết số 21/NQ-CP.",
     &[(CT, Some("15-CT/TW"), Some(15), None, Some("Ban Bí thư")),
       (NQ, Some("21/NQ-CP"), Some(21), Some("2023-02-20"), Some("Chính phủ"))]),
    // --- several codes: one row each, in text order; coordinated ones share a date
    ("Chỉ thị 15-CT/TW ngày 10/8/2022 của Ban Bí thư và Nghị quyết số 21/NQ-CP ngày 20/2/2023 của Chính phủ.",
     &[(CT, Some("15-CT/TW"), Some(15), Some("2022-08-10"), Some("Ban Bí thư")),
       (NQ, Some("21/NQ-CP"), Some(21), Some("2023-02-20"), Some("Chính phủ"))]),
    ("Các Nghị định số 15/2018/NĐ-CP, 43/2017/NĐ-CP và Thông tư 24/2019/TT-BYT đã hết hiệu lực.",
     &[("Nghị định", Some("15/2018/NĐ-CP"), Some(15), None, Some("Chính phủ")),
       ("Nghị định", Some("43/2017/NĐ-CP"), Some(43), None, Some("Chính phủ")),
       ("Thông tư", Some("24/2019/TT-BYT"), Some(24), None, Some("Bộ Y tế"))]),
    ("Nghị quyết 18-NQ/TW và Nghị quyết 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII.",
     &[(NQ, Some("18-NQ/TW"), Some(18), Some("2017-10-25"), Some("Ban Chấp hành Trung ương")),
       (NQ, Some("19-NQ/TW"), Some(19), Some("2017-10-25"), Some("Ban Chấp hành Trung ương"))]),
    ("Nghị quyết số 21/NQ-CP nêu rõ nhiệm vụ. Các bộ triển khai 21/NQ-CP ngay trong quý I.",
     &[(NQ, Some("21/NQ-CP"), Some(21), None, Some("Chính phủ")),
       (NQ, Some("21/NQ-CP"), Some(21), None, Some("Chính phủ"))]),
    // one code is one document: later mentions take its date and written issuer
    ("Ngày 10/8/2022, Ban Bí thư ban hành Chỉ thị số 15-CT/TW. Sau một năm, Chỉ thị 15-CT/TW đã tạo chuyển biến.",
     &[(CT, Some("15-CT/TW"), Some(15), Some("2022-08-10"), Some("Ban Bí thư")),
       (CT, Some("15-CT/TW"), Some(15), Some("2022-08-10"), Some("Ban Bí thư"))]),
    // --- references without a code
    ("Phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng lần thứ XIII; phát huy vai trò tiên phong.",
     &[(NQ, None, None, None, None)]),
    ("Căn cứ Luật Đầu tư năm 2020 và Luật Doanh nghiệp, nhà đầu tư được hưởng ưu đãi.",
     &[("Luật", None, None, None, None), ("Luật", None, None, None, None)]),
    ("Luật Đất đai 2024 có hiệu lực từ ngày 1/8/2024.",
     &[("Luật", None, None, None, None)]),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
     &[("Luật", None, None, Some("2015-06-19"), None)]),
    ("Hiến pháp năm 2013 khẳng định quyền con người.",
     &[("Hiến pháp", None, None, None, None)]),
    ("Nghị quyết 57 của Bộ Chính trị tạo đột phá cho khoa học, công nghệ.",
     &[(NQ, None, Some(57), None, Some("Bộ Chính trị"))]),
    ("Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng.",
     &[(NQ, None, None, None, None)]),
    // --- not references
    ("Các địa phương cần xây dựng kế hoạch cụ thể để triển khai.", &[]),
    ("Văn phòng Chính phủ thông báo để các bộ biết, thực hiện theo quy định của pháp luật.", &[]),
    ("Thủ tướng kết luận như sau: các bộ cần khẩn trương vào cuộc.", &[]),
    ("Kết luận hội nghị, Thủ tướng nhấn mạnh vai trò của ngoại giao kinh tế.", &[]),
    ("Ngày 15/12/2024, dịch COVID-19 đã được kiểm soát trên cả nước.", &[]),
    ("Máy bay Airbus A321-200 và Boeing 787-9 hạ cánh; tỷ số 2-1; chủng H5N1.", &[]),
    ("Giai đoạn 2021-2025, tăng trưởng đạt 6,5%, tỷ lệ 1/3 dân số.", &[]),
    ("Kế hoạch 5 năm của tỉnh đã được thông qua.", &[]),
    ("Trường Đại học Luật Hà Nội và Bộ Kế hoạch và Đầu tư tổ chức hội thảo.", &[]),
    ("Luật sư Nguyễn Văn An cho biết đã gửi đơn.", &[]),
    ("Chương trình giáo dục phổ thông được đổi mới; Chiến lược phát triển được phê duyệt.", &[]),
    ("Người dân điền Mẫu số 01/TB và nộp tại xã; xe biển số 30A-123.45 bị phạt.", &[]),
    ("Theo Nghị định thư Kyoto, các nước cam kết giảm phát thải.", &[]),
];

#[test]
fn legal_cases() {
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    assert!(CASES.len() >= 40);
    let failed: Vec<&str> = CASES
        .iter()
        .filter(|(text, want)| std::panic::catch_unwind(|| check(&p, text, want)).is_err())
        .map(|(text, _)| *text)
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} cases failed: {failed:#?}",
        failed.len(),
        CASES.len()
    );
}

#[test]
fn rows_are_in_text_order_with_exact_spans() {
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    let text = "Nghị quyết số 21/NQ-CP ngày 20/2/2023 của Chính phủ và Chỉ thị 15-CT/TW.";
    let got = extract(&p, text);
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].start, got[0].end), (0, 51));
    assert_eq!(
        got[0].text,
        "Nghị quyết số 21/NQ-CP ngày 20/2/2023 của Chính phủ"
    );
    assert_eq!(got[1].text, "Chỉ thị 15-CT/TW");
    assert!(got[0].end <= got[1].start);
}

#[test]
fn decomposed_text_and_odd_spaces() {
    use unicode_normalization::UnicodeNormalization;
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    // NFD input, a no-break space and an en dash inside the code
    let text: String =
        "Thực hiện Chỉ\u{a0}thị số 15-CT/TW ngày 10\u{2013}8\u{2013}2022 của Ban Bí thư."
            .nfd()
            .collect();
    let got = extract(&p, &text);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].code.as_deref(), Some("15-CT/TW"));
    assert_eq!(got[0].issued.as_deref(), Some("2022-08-10"));
    assert_eq!(got[0].issuer.as_deref(), Some("Ban Bí thư"));
    assert_eq!(got[0].doc_type, "Chỉ thị");
    let span: String = text
        .chars()
        .skip(got[0].start)
        .take(got[0].end - got[0].start)
        .collect();
    // the text is the characters as written: NFD, no-break space, dashes
    assert_eq!(span, got[0].text);
    assert!(got[0].text.contains('\u{a0}') && got[0].text.contains('\u{2013}'));
}
