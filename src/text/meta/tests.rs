//! Tests of `meta`: tables of cases and their expected values.

use super::*;
use crate::fold::fold;
use crate::text::normalize::NormText;

/// Metadata with display strings from the original; the normalized text.
fn meta(text: &str) -> (String, Meta) {
    let nt = NormText::new(text);
    let m = extract_display(&nt, text, TextRules::builtin());
    let plain = extract(&nt.text, TextRules::builtin());
    assert_eq!(m.title.as_deref().map(fold), plain.title);
    assert_eq!(
        m.authors.iter().map(|a| fold(a)).collect::<Vec<_>>(),
        plain.authors
    );
    (nt.text, m)
}

fn skipped<'a>(norm: &'a str, m: &Meta) -> Vec<&'a str> {
    m.skip.iter().map(|r| &norm[r.clone()]).collect()
}

#[test]
fn title_and_stamp_after_it() {
    let (_, m) = meta("Đẩy mạnh ngoại giao kinh tế năm 2024\n\n03/04/2024 - 20:24\n\nBDK.VN - Chiều 2-4-2024, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị trực tuyến với các Cơ quan đại diện.\n");
    assert_eq!(
        m.title.as_deref(),
        Some("Đẩy mạnh ngoại giao kinh tế năm 2024")
    );
    assert_eq!(m.published.as_deref(), Some("2024-04-03"));
}

#[test]
fn site_clock_above_the_headline_and_article_stamp_under_it() {
    let (_, m) = meta("Thứ 5, 02/05/2024, 09:46[GMT+7]\n\nTin áp thấp nhiệt đới trên biển Đông\n\nThứ 6, 02/11/2018 | 14:41:04\n841 lượt xem\nHồi 13 giờ ngày 02/11, vị trí tâm áp thấp nhiệt đới ở vào khoảng 20,8 độ Vĩ Bắc, cách quần đảo Hoàng Sa 650km về phía Đông Bắc.\n");
    assert_eq!(
        m.title.as_deref(),
        Some("Tin áp thấp nhiệt đới trên biển Đông")
    );
    assert_eq!(m.published.as_deref(), Some("2018-11-02"));
}

#[test]
fn stamp_glued_to_the_headline() {
    let (norm, m) = meta("Kinh tế\n01/05/2021 21:32Du khách đổ về Bà Rịa - Vũng Tàu ăn hải sản, giá cả tăng vọt\nLễ 30-4 và 1-5, lượng khách đổ về Bà Rịa - Vũng Tàu khá đông. Nhiều nhà hàng, quán ăn khá đông khách dịp này.\n");
    assert_eq!(
        m.title.as_deref(),
        Some("Du khách đổ về Bà Rịa - Vũng Tàu ăn hải sản, giá cả tăng vọt")
    );
    assert_eq!(m.published.as_deref(), Some("2021-05-01"));
    assert!(skipped(&norm, &m).contains(&"01/05/2021 21:32"));
    // a date with a space after it is no glued stamp: the line stays whole
    let (_, m) = meta("Tin tức\n01/05/2021 Du khách đổ về Bà Rịa - Vũng Tàu ăn hải sản rất đông trong những ngày nghỉ lễ vừa qua theo ghi nhận.\n");
    assert_eq!(m.published, None);
}

#[test]
fn headline_day_of_a_daily_report() {
    // no stamp: the headline's day, in the year of the dates of its month
    let body = "Giá bán lẻ xăng dầu trong nước hôm nay được áp dụng theo phiên điều chỉnh của Liên Bộ. Bình quân giá thế giới giữa kỳ điều hành ngày 13/11/2025 và ngày 20/11/2025 tăng nhẹ.";
    let (_, m) = meta(&format!(
        "Ngày 21/11: Giá xăng dầu trong nước đồng loạt giảm\n{body}\n"
    ));
    assert_eq!(m.published.as_deref(), Some("2025-11-21"));
    // a January headline after December dates: the next year
    let (_, m) = meta("Giá vàng hôm nay (2/1): tăng mạnh phiên đầu năm\nPhiên ngày 31/12/2024, giá vàng thế giới đóng cửa ở mức cao. Giá vàng trong nước cũng tăng theo trong phiên sáng nay.\n");
    assert_eq!(m.published.as_deref(), Some("2025-01-02"));
    // no full date of that month in the text: no published date
    let (_, m) = meta("Ngày 21/11: Giá xăng dầu trong nước đồng loạt giảm\nGiá bán lẻ xăng dầu trong nước hôm nay được áp dụng theo phiên điều chỉnh ngày 3/5/2025 của Liên Bộ.\n");
    assert_eq!(m.published, None);
}

#[test]
fn byline_in_capitals_on_the_last_line() {
    // the family names come from the person rules (`Rules::load`)
    let mut rules = TextRules::builtin().clone();
    rules.meta.signature.caps_surnames = ["nguyễn", "trần", "lê", "hà"]
        .map(String::from)
        .into_iter()
        .collect();
    let body = "Giá lúa gạo hôm nay tăng nhẹ\nGiá gạo xuất khẩu của Việt Nam tăng 5 USD/tấn, lên mức 580 USD/tấn, theo Hiệp hội Lương thực Việt Nam trong phiên hôm nay.\n";
    let authors = |tail: &str| {
        let text = format!("{body}{tail}");
        extract_display(&NormText::new(&text), &text, &rules).authors
    };
    assert_eq!(authors("NGUYỄN VY\n"), ["NGUYỄN VY"]);
    assert_eq!(authors("LÊ HỒNG - TRẦN AN\n"), ["LÊ HỒNG", "TRẦN AN"]);
    // a related-links block under it is furniture
    assert_eq!(
        authors("NGUYỄN VY\nTin liên quan\nGiá vàng hôm nay: Vàng nhẫn giảm mạnh\n"),
        ["NGUYỄN VY"]
    );
    // a place or a heading in capitals is no byline
    assert!(authors("HÀ NỘI\n").is_empty());
    assert!(authors("KẾT LUẬN\n").is_empty());
    // only on the last line
    assert!(authors(
        "NGUYỄN VY\nGiá lúa tiếp tục tăng trong những ngày tới theo dự báo của các chuyên gia.\n"
    )
    .is_empty());
}

#[test]
fn initials_keep_the_dot_written_after_them() {
    let body = "Giá lúa gạo hôm nay tăng nhẹ\nGiá gạo xuất khẩu của Việt Nam tăng 5 USD/tấn, lên mức 580 USD/tấn, theo Hiệp hội Lương thực Việt Nam trong phiên hôm nay.\n";
    let authors = |tail: &str| meta(&format!("{body}{tail}")).1.authors;
    assert_eq!(authors("Q.M.\n"), ["Q.M."]);
    assert_eq!(authors("P.V\n"), ["P.V"]);
    assert_eq!(authors("H.Đ - T.T.\n"), ["H.Đ", "T.T."]);
    // a full name's final dot is punctuation
    assert_eq!(authors("Minh Anh - Hải Yến.\n"), ["Minh Anh", "Hải Yến"]);
}

#[test]
fn stamp_forms() {
    let cases: &[(&str, Option<&str>)] = &[
        ("20:46, 20/12/2024", Some("2024-12-20")),
        ("03/04/2024 - 20:24", Some("2024-04-03")),
        ("Cập nhật: 11:23 ngày 07/07/2022", Some("2022-07-07")),
        ("15:55 19/12/2022 - Kinh tế", Some("2022-12-19")),
        ("Ngày cập nhật 22/01/2019", Some("2019-01-22")),
        ("15/1/2019 7:4", Some("2019-01-15")),
        ("Hà Nội, ngày 14 tháng 3 năm 2022", Some("2022-03-14")),
        ("Thứ bảy, 20/04/2024", Some("2024-04-20")),
        ("Thứ Năm, 19/12/2024 | 10:30 (GMT+7)", Some("2024-12-19")),
        ("Thứ hai, 2/1/2023, 08:00 GMT+7", Some("2023-01-02")),
        ("September 20, 2022", Some("2022-09-20")),
        ("Cập nhật: 2024-12-20 08:15", Some("2024-12-20")),
        // a section name of two parts after the stamp
        (
            "Thứ bảy, 10:12 01/02/2020 | Sản phẩm - Dịch vụ",
            Some("2020-02-01"),
        ),
        ("Thứ 6, 02/11/2018 | 14:41:04", Some("2018-11-02")),
    ];
    let rules = TextRules::builtin();
    for (line, want) in cases {
        let norm = NormText::new(line).text;
        assert_eq!(
            stamp(&norm, &rules.meta),
            Some(want.map(String::from)),
            "{line}"
        );
    }
    // stamp-like but invalid date: a stamp, no date
    assert_eq!(stamp("31/02/2024 10:00", &rules.meta), Some(None));
    assert_eq!(stamp("20:46, 32/13/2024", &rules.meta), Some(None));
    // not stamps
    for line in [
        "Hội nghị ngày 20/12/2024",
        "Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư",
        "Số: 1583/CĐ-VPCP",
        "Thủ tướng: Kỳ họp thứ 8, ngày 20/10/2024 bắt đầu",
        "Năm 2024 tăng trưởng 7,09%",
        "20:46",
        // free words on both sides, or too many of them
        "Hà Nội, 20/12/2024 - Kinh tế",
        "20/12/2024 | Sản phẩm - Dịch vụ - Thị trường tiêu dùng",
        "Tính đến ngày 20/12/2024, cả nước có 40.544 dự án đầu tư nước ngoài còn hiệu lực.",
    ] {
        assert_eq!(stamp(line, &rules.meta), None, "{line}");
    }
}

#[test]
fn noise_lines() {
    let rules = TextRules::builtin();
    for line in [
        "Bắc giang 24 °C / 24 - 27 °C",
        "Hotline: +84.0204.3 856 624",
        "Chia sẻ:",
        "Chia sẻ bài viết",
        "BÌNH LUẬN",
        "Tin cùng chuyên mục",
        "icon",
        "0.5 1.0 1.5",
        "Your browser does not support the video tag.",
        "In bài viết Gửi phản hồi Gửi Email",
        "Liên kết chuyên mục",
        "Liên kết website",
        "{keywords}",
        "——-",
        "TOP",
        "error: Content is protected !!",
        "FORGOT YOUR DETAILS?",
        "CREATE ACCOUNT",
        "ĐÁNH GIÁ BÀI VIẾT( 0)",
        "Bình chọn (12)",
        "Thông tin chỉ mang tính tham khảo, không phải khuyến nghị đầu tư.",
        "(*) Bài viết chỉ mang tính chất tham khảo.",
    ] {
        let norm = NormText::new(line).text;
        assert_eq!(classify(&norm, &norm, &rules.meta), Kind::Noise, "{line}");
    }
    for line in [
        "Nhiệt độ trung bình năm nay đạt 24 °C, cao hơn năm trước.",
        "Kinh tế",
        "Số: 1583/CĐ-VPCP",
        "Vải thiều Bắc Giang đắt khách tại Nhật Bản",
        "Tăng 0.5 điểm",
        "Đánh giá bài viết của ông về tình hình thị trường rất sát thực.",
        "Thông tin này mang tính tham khảo cho nhà đầu tư khi lãi suất tăng 0,5 điểm phần trăm và thị trường chứng khoán biến động mạnh trong cả tuần vừa qua theo đánh giá.",
    ] {
        let norm = NormText::new(line).text;
        assert_eq!(classify(&norm, &norm, &rules.meta), Kind::Text, "{line}");
    }
}

#[test]
fn bylines_and_credits() {
    let rules = TextRules::builtin();
    let cases: &[(&str, Option<&[&str]>)] = &[
        ("Tin, ảnh: Cẩm Trúc", Some(&["Cẩm Trúc"])),
        ("Bài và ảnh: Ngọc Hà", Some(&["Ngọc Hà"])),
        ("Ảnh: Thành Công", Some(&["Thành Công"])),
        (
            "Bài: Minh Anh - Ảnh: Quốc Tuấn",
            Some(&["Minh Anh", "Quốc Tuấn"]),
        ),
        ("(Vietnam+)", Some(&[])),
        ("(TTXVN)", Some(&[])),
        ("- VNS", Some(&[])),
        ("Ảnh: TTXVN", Some(&[])),
        ("(Ảnh: Dương Giang/TTXVN)", Some(&["Dương Giang"])),
        ("Ảnh: VGP/Nhật Bắc", Some(&["Nhật Bắc"])),
        ("Theo TTXVN", Some(&[])),
        ("Theo Báo Chính phủ", Some(&[])),
        ("(Theo VnExpress)", Some(&[])),
        ("Theo Tuổi Trẻ Online", Some(&[])),
        ("Theo Thủ tướng Phạm Minh Chính", None),
        ("By John Smith", Some(&["John Smith"])),
        ("Theo L.ANH (TTO)", Some(&["L.ANH"])),
        ("Theo P.V (Thanh Niên)", Some(&["P.V"])),
        ("Ảnh: Fox News", Some(&[])),
        ("Ảnh: Daily Mail", Some(&[])),
        ("Ảnh: Minh Châu (tổng hợp)", Some(&["Minh Châu"])),
        ("Minh Anh (TTXVN)", None),
        (
            "Ảnh: Thủ tướng Phạm Minh Chính phát biểu tại hội nghị",
            None,
        ),
        ("(Xem tiếp trang 3)", None),
    ];
    for (line, want) in cases {
        let norm = NormText::new(line).text;
        let got = match classify(&norm, &norm, &rules.meta) {
            Kind::Byline(v) => Some(
                v.into_iter()
                    .map(|r| norm[r].to_string())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        };
        let want = want.map(|w| w.iter().map(|s| NormText::new(s).text).collect::<Vec<_>>());
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn inline_credits_go_to_authors_not_body() {
    let text = "Tiêu đề bài viết về kinh tế\n\nThủ tướng Phạm Minh Chính chủ trì Hội nghị đẩy mạnh công tác ngoại giao kinh tế. (Ảnh: Dương Giang/TTXVN)\nPhó Thủ tướng nghe giới thiệu về khu công nghiệp. (Ảnh: TTXVN phát)\nCán bộ trồng cây tại trụ sở Công an tỉnh năm 2018. Ảnh: Thành Công\n";
    let (norm, m) = meta(text);
    assert_eq!(m.authors, vec!["Dương Giang", "Thành Công"]);
    let s = skipped(&norm, &m);
    assert!(s.contains(&"(Ảnh: Dương Giang/TTXVN)"), "{s:?}");
    assert!(s.contains(&"(Ảnh: TTXVN phát)"), "{s:?}");
    assert!(s.contains(&"Ảnh: Thành Công"), "{s:?}");
    // the captions themselves are body
    assert!(m
        .skip
        .iter()
        .all(|r| !norm[r.clone()].contains("Phạm Minh Chính")));
}

#[test]
fn signatures() {
    let body = "Thủ tướng khẳng định ngoại giao kinh tế là một động lực quan trọng và cần luôn được làm mới trong thời gian tới./.";
    let (_, m) = meta(&format!(
        "{body}\nDiệu Hoa\nNguồn: https://bacgiang.gov.vn/a/b-c\n"
    ));
    assert_eq!(m.authors, vec!["Diệu Hoa"]);
    assert_eq!(m.url.as_deref(), Some("https://bacgiang.gov.vn/a/b-c"));
    let (_, m) = meta(&format!(
        "{body}\nLâm Sơn\n\nIn bài viết Gửi phản hồi Gửi Email\nLiên kết chuyên mục\n"
    ));
    assert_eq!(m.authors, vec!["Lâm Sơn"]);
    let (_, m) = meta(&format!("{body}\n\nH.Đ\n"));
    assert_eq!(m.authors, vec!["H.Đ"]);
    // a credit role in brackets after the name: `(T/h)` is `tổng hợp`
    let (_, m) = meta(&format!("{body}\nCự Giải (T/h)\n"));
    assert_eq!(m.authors, vec!["Cự Giải"]);
    let (_, m) = meta(&format!("{body}\nMinh Anh (tổng hợp)\n"));
    assert_eq!(m.authors, vec!["Minh Anh"]);
    let (_, m) = meta(&format!("{body}\n\n(Vietnam+)\n\nTin cùng chuyên mục\n"));
    assert!(m.authors.is_empty());
    let (_, m) = meta(&format!("{body}\nBộ Công Thươn"));
    assert!(m.authors.is_empty(), "{:?}", m.authors);
    let (_, m) = meta(&format!("{body}\nHà Nội\n"));
    assert!(m.authors.is_empty(), "{:?}", m.authors);
    let (norm, m) = meta(&format!(
        "{body}\n\nNơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN,\ncác Vụ: NN, TH;\n- Lưu: VT, KTTH(2).\n\nBỘ TRƯỞNG, CHỦ NHIỆM\n\nTrần Văn Sơn\n\nTOP\n"
    ));
    assert_eq!(m.authors, vec!["Trần Văn Sơn"]);
    let s = skipped(&norm, &m);
    for line in [
        "Nơi nhận:",
        "- Như trên;",
        "các Vụ: NN, TH;",
        "- Lưu: VT, KTTH(2).",
        "BỘ TRƯỞNG, CHỦ NHIỆM",
        "Trần Văn Sơn",
    ] {
        assert!(s.contains(&line), "{line} not in {s:?}");
    }
    let (_, m) = meta(&format!(
        "{body}\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNGUYỄN VĂN AN\n"
    ));
    assert_eq!(m.authors, vec!["NGUYỄN VĂN AN"]);
    let (_, m) = meta(&format!("{body}\n\nNGUYỄN VĂN AN\n"));
    assert!(m.authors.is_empty());
    // what the writer did, in brackets; a rating widget and a disclaimer under the signature
    let (_, m) = meta(&format!("{body}\nThanh Tùng (thực hiện)\n"));
    assert_eq!(m.authors, vec!["Thanh Tùng"]);
    let (_, m) = meta(&format!(
        "{body}\nMinh Anh\nThông tin chỉ mang tính tham khảo, không phải khuyến nghị đầu tư.\n"
    ));
    assert_eq!(m.authors, vec!["Minh Anh"]);
    let (_, m) = meta(&format!("{body}\n\nĐTT\n\nĐÁNH GIÁ BÀI VIẾT( 0)\n"));
    assert_eq!(m.authors, vec!["ĐTT"]);
    // initials that are the outlet tagging the lead are no person
    let (_, m) = meta(&format!("(BTV) - {body}\n\nBTV\n"));
    assert!(m.authors.is_empty(), "{:?}", m.authors);
    let (_, m) = meta(&format!("{body}\n\nTTO\n"));
    assert!(m.authors.is_empty(), "{:?}", m.authors);
}

#[test]
fn titles() {
    let para = "Theo báo cáo của Bộ Ngoại giao, công tác ngoại giao kinh tế năm 2024 của Việt Nam được đẩy mạnh một cách bài bản, quyết liệt, hiệu quả.";
    // a paragraph first: no title
    let (_, m) = meta(&format!("{para}\nDiệu Hoa"));
    assert_eq!(m.title, None);
    // a long tag bar with no sentence mark is no paragraph: the header goes on
    // to the stamp and the headline under it
    let bar = "WORDS ON THE STREET 70th anniversary of Liberation Day Smart City Summit Hanoi celebrates 15 years of boundary adjustment 12th Vietnam-France cooperation conference 31st Sea Games Covid-19 Pandemic Tet holiday Hanoi traffic news today Culture Travel Business Sports Opinion Photos Videos Podcasts Weather";
    let (_, m) = meta(&format!(
        "{bar}\nJan 12, 2017 / 12:55\n\nHanoi to ensure a happy Tet holiday for the people\n\n{para}"
    ));
    assert_eq!(
        m.title.as_deref(),
        Some("Hanoi to ensure a happy Tet holiday for the people")
    );
    assert_eq!(m.published.as_deref(), Some("2017-01-12"));
    // a long line with a sentence in it is a paragraph
    let (_, m) = meta(&format!(
        "{para} {para}\nHanoi to ensure a happy Tet holiday for the people"
    ));
    assert_eq!(m.title, None);
    // stamp first, title after, initials under it
    let (norm, m) = meta(&format!("20:46, 20/12/2024\n\nHội nghị trực tuyến công tác ngoại giao kinh tế năm 2024\n\nH.Đ\n\n{para}\n\nH.Đ"));
    assert_eq!(
        m.title.as_deref(),
        Some("Hội nghị trực tuyến công tác ngoại giao kinh tế năm 2024")
    );
    assert_eq!(
        norm[m.title_range.clone().unwrap()],
        fold(m.title.as_deref().unwrap())
    );
    assert_eq!(m.published.as_deref(), Some("2024-12-20"));
    assert_eq!(m.authors, vec!["H.Đ"]);
    // menu, then title, then stamp: the menu is skipped, the site-date widget is not the date
    let (norm, m) = meta(&format!(
        "Thứ bảy, 20/04/2024\nLiên kết website\nChính phủ\nCác bộ, ngành ở TW\nSở, ban, ngành\nSở Ngoại vụ triển khai công tác năm 2019\nNgày cập nhật 22/01/2019\n\n{para}"
    ));
    assert_eq!(
        m.title.as_deref(),
        Some("Sở Ngoại vụ triển khai công tác năm 2019")
    );
    assert_eq!(m.published.as_deref(), Some("2019-01-22"));
    let s = skipped(&norm, &m);
    for line in [
        "Thứ bảy, 20/04/2024",
        "Chính phủ",
        "Các bộ, ngành ở TW",
        "Ngày cập nhật 22/01/2019",
    ] {
        assert!(s.contains(&line), "{line} not in {s:?}");
    }
    // noise above, no stamp
    let (_, m) = meta(&format!(
        "Your browser does not support the video tag.\n\n{para}"
    ));
    assert_eq!(m.title, None);
    let (_, m) = meta(&format!(
        "Kinh tế\nChia sẻ:\nGiá xăng giảm mạnh từ chiều nay\n{para}"
    ));
    assert_eq!(m.title.as_deref(), Some("Giá xăng giảm mạnh từ chiều nay"));
    let (norm, m) = meta(&format!(
        "Trang chủ > Tin tức > Kinh tế\nThời sự - Chính trị\nGiá xăng giảm mạnh từ chiều nay\n{para}"
    ));
    assert_eq!(m.title.as_deref(), Some("Giá xăng giảm mạnh từ chiều nay"));
    assert_eq!(
        skipped(&norm, &m),
        vec!["Trang chủ > Tin tức > Kinh tế", "Thời sự - Chính trị"]
    );
    // a headline with a dash is still a headline
    let (_, m) = meta(&format!(
        "Diễn đàn kinh tế Việt Nam - Hàn Quốc lần thứ ba\n{para}"
    ));
    assert_eq!(
        m.title.as_deref(),
        Some("Diễn đàn kinh tế Việt Nam - Hàn Quốc lần thứ ba")
    );
    // a line ending with a full stop is not a headline
    let (_, m) = meta("Quang cảnh hội nghị tổng kết.\nNội dung");
    assert_eq!(m.title, None);
    // headlines may be questions
    let (_, m) = meta(&format!(
        "Vì sao giá vàng tăng mạnh trong tuần này?\n{para}"
    ));
    assert_eq!(
        m.title.as_deref(),
        Some("Vì sao giá vàng tăng mạnh trong tuần này?")
    );
    // dates in sentences are not `published`
    let (_, m) = meta(&format!(
        "Tiêu đề về hội nghị kinh tế\n{para} Ngày 20/12/2024, hội nghị diễn ra."
    ));
    assert_eq!(m.published, None);
}

#[test]
fn official_document() {
    let text = "FORGOT YOUR DETAILS?\n\nCREATE ACCOUNT\n\nVĂN PHÒNG CHÍNH PHỦ\n——-\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n—————\n\nSố: 1583/CĐ-VPCP\n\nHà Nội, ngày 14 tháng 3 năm 2022\n\nCÔNG ĐIỆN\n\nVỀ VIỆC XUẤT KHẨU ĐIỀU SANG THỊ TRƯỜNG CHÂU ÂU\n\nVừa qua, một số báo điện tử (vtv.vn, tuoitre.vn…) phản ánh thông tin về việc nhiều doanh nghiệp xuất khẩu có nguy cơ mất hàng trăm triệu USD.\n";
    let (norm, m) = meta(text);
    assert_eq!(m.published.as_deref(), Some("2022-03-14"));
    let s = skipped(&norm, &m);
    assert!(!s.contains(&"Số: 1583/CĐ-VPCP"), "{s:?}");
    assert!(s.contains(&"Hà Nội, ngày 14 tháng 3 năm 2022"));
    assert!(m.authors.is_empty());
}

#[test]
fn english_and_empty() {
    let (_, m) = meta("");
    assert_eq!(m, Meta::default());
    let (_, m) = meta("VIETNAM, September 20 - HÀ NỘI — Prime Minister Phạm Minh Chính chaired a teleconference with heads of Vietnamese representative agencies abroad on Monday to discuss economic diplomacy.\n");
    assert_eq!(m.title, None);
    assert_eq!(m.published, None);
    // English bylines: `By X` with the stamp on its line, `Story: X - Photo: Y`
    let body = "Hanoi plans to build 14 new metro lines by 2035, the city said on Monday in a report on urban transport.";
    let (_, m) = meta(&format!(
        "Hanoi to expand metro network\nBy Dat Nguyen   December 1, 2023 | 04:35 pm GMT+7\n{body}\n"
    ));
    assert_eq!(m.title.as_deref(), Some("Hanoi to expand metro network"));
    assert_eq!(m.published.as_deref(), Some("2023-12-01"));
    assert_eq!(m.authors, vec!["Dat Nguyen"]);
    let (_, m) = meta(&format!(
        "Hanoi to expand metro network\n{body}\nStory: Minh Anh - Photo: Thanh Dat\n"
    ));
    assert_eq!(m.authors, vec!["Minh Anh", "Thanh Dat"]);
}

#[test]
fn is_skipped_lookup() {
    let m = Meta {
        skip: vec![2..5, 10..12],
        ..Default::default()
    };
    assert!(m.overlaps_skip(&(3..4)));
    assert!(m.overlaps_skip(&(0..3)));
    assert!(!m.overlaps_skip(&(5..10)));
    assert!(m.overlaps_skip(&(11..20)));
    assert!(!m.overlaps_skip(&(12..12)));
}

#[test]
fn random_text_never_panics() {
    let pieces = [
        "Ảnh: ",
        "Tin, ảnh: ",
        "(",
        ")",
        "/",
        "TTXVN",
        "Nguyễn Văn A",
        "H.Đ",
        "\n",
        "\n\n",
        " ",
        ".",
        "20/12/2024",
        "20:46",
        ", ",
        " - ",
        "Nguồn: ",
        "https://a.vn/x",
        "Cập nhật: ",
        "ngày 14 tháng 3 năm 2022",
        "BỘ TRƯỞNG",
        "Nơi nhận:",
        "- ",
        "Chia sẻ",
        "°C",
        "0.5 1.0",
        "Hội nghị ngoại giao kinh tế",
        "\u{a0}",
        "…",
        "\"",
        "é\u{301}",
        "September",
        "31/02/2024",
        "Theo ",
        "(Vietnam+)",
        "Thứ bảy",
        "{keywords}",
        "»",
        "./.",
    ];
    let mut x: u64 = 99;
    let rules = TextRules::builtin();
    for _ in 0..2000 {
        let mut s = String::new();
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        for _ in 0..(x >> 60) * 3 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pieces[(x >> 33) as usize % pieces.len()]);
        }
        let nt = NormText::new(&s);
        let m = extract_display(&nt, &s, rules);
        for r in m
            .skip
            .iter()
            .chain(m.author_ranges.iter())
            .chain(m.title_range.iter())
        {
            assert!(
                r.start <= r.end && r.end <= nt.text.len() && nt.text.is_char_boundary(r.start)
            );
        }
        for r in segment::sentences(&nt.text) {
            assert!(nt.text.is_char_boundary(r.start) && nt.text.is_char_boundary(r.end));
        }
    }
}

/// The dev and real gold files (`tests/gold/`): title, published, url and
/// authors.
#[test]
fn eval_gold_metadata() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold"));
    let mut failures = Vec::new();
    let mut checked = 0;
    for sub in ["dev", "real"] {
        let Ok(dir) = std::fs::read_dir(root.join(sub)) else {
            continue;
        };
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
        {
            let Ok(text) = std::fs::read_to_string(p.with_extension("txt")) else {
                continue;
            };
            let gold: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let (_, m) = meta(&text);
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let key = |s: &str| {
                crate::fold::fold(s)
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            if let Some(t) = gold.get("title") {
                checked += 1;
                let want = t.as_str().map(key);
                if m.title.as_deref().map(key) != want {
                    failures.push(format!("{name}: title {:?}, gold {:?}", m.title, t));
                }
            }
            if let Some(d) = gold.get("published").and_then(|d| d.as_str()) {
                checked += 1;
                if m.published.as_deref() != Some(d) {
                    failures.push(format!("{name}: published {:?}, gold {d}", m.published));
                }
            }
            if let Some(u) = gold.get("url").and_then(|u| u.as_str()) {
                checked += 1;
                if m.url.as_deref() != Some(u) {
                    failures.push(format!("{name}: url {:?}, gold {u}", m.url));
                }
            }
            if let Some(a) = gold.get("authors").and_then(|a| a.as_array()) {
                checked += 1;
                let want: Vec<String> = a.iter().filter_map(|x| x.as_str()).map(key).collect();
                let got: Vec<String> = m.authors.iter().map(|x| key(x)).collect();
                if got != want {
                    failures.push(format!("{name}: authors {:?}, gold {want:?}", m.authors));
                }
            }
        }
    }
    assert!(checked > 0, "no gold file read under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
