//! Articles built from a vocabulary: Vietnamese letters with tones (NFC
//! and NFD), digits, separators (no-break space, dashes, line breaks) and
//! phrases of the rules, so that the fuzzer reaches the extractors. Read
//! with language detection, or forced to `vi` or `en`; the same span
//! invariants as `pipeline_bytes`.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use vnextract_fuzz::{process_checked, processor, processor_for};

const PHRASES: &[&str] = &[
    "yêu cầu", "đề nghị", "chỉ đạo", "giao", "Thủ tướng", "Thủ tướng Chính phủ",
    "Phạm Minh Chính", "Chỉ thị số", "Nghị định", "Nghị quyết số", "Quyết định số",
    "Luật", "Thông tư", "/2019/NĐ-CP", "-CT/TW", "/CT-TTg", "/QĐ-TTg", "của Ban Bí thư",
    "tỷ đồng", "triệu USD", "nghìn tỷ", "tỷ USD", "triệu đồng", "đồng", "USD", "%",
    "phần trăm", "điểm phần trăm", "lần", "tấn", "km", "ha", "lượt khách", "người",
    "tăng", "giảm", "trên", "gần", "khoảng", "hơn", "dưới", "ít nhất", "từ", "đến",
    "ba", "hai", "mười", "mươi", "trăm", "nghìn", "triệu", "tỷ", "rưỡi", "một nửa",
    "Nhật Bản", "Hoa Kỳ", "Mỹ", "Trung Quốc", "Hàn Quốc", "ASEAN", "EU", "Thụy Sỹ",
    "Bộ trưởng Bộ", "Bộ trưởng Bộ Ngoại giao", "Bùi Thanh Sơn", "Phó Thủ tướng",
    "Chủ tịch UBND tỉnh", "đồng chí", "ông", "bà", "các bộ, ngành", "địa phương",
    "khẩn trương", "triển khai", "ngày 10-8-2022", "ngày", "tháng", "năm 2024",
    "asked", "requested", "instructed", "Prime Minister", "Minister", "Pham Minh Chinh",
    "billion", "million", "trillion", "percent", "percentage points", "VND", "$",
    "Directive No.", "Decree", "Resolution No.", "dated June 5, 2024", "Japan",
    "the United States", "up", "down", "over", "about", "nearly", "at least",
    "Tin, ảnh:", "Theo", "(", ")", "“", "”", "\"", "…", ":", ";", "|",
];

const LETTERS: &[&str] = &[
    "a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ", "â", "ầ", "ấ", "ẩ", "ẫ",
    "ậ", "đ", "Đ", "e", "è", "é", "ẻ", "ẽ", "ẹ", "ê", "ề", "ế", "ể", "ễ", "ệ", "i", "ì",
    "í", "ỉ", "ĩ", "ị", "o", "ò", "ó", "ỏ", "õ", "ọ", "ô", "ồ", "ố", "ổ", "ỗ", "ộ", "ơ",
    "ờ", "ớ", "ở", "ỡ", "ợ", "u", "ù", "ú", "ủ", "ũ", "ụ", "ư", "ừ", "ứ", "ử", "ữ", "ự",
    "y", "ỳ", "ý", "ỷ", "ỹ", "ỵ", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q",
    "r", "s", "t", "v", "x", "B", "C", "H", "N", "T", "V", "\u{300}", "\u{301}",
    "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31b}",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", ".", ",", "%", "/", "-", "\u{a0}", "\u{2013}", "\u{2014}", "\n",
    "\r\n", "\n\n", ". ", ", ", "\u{200b}", "\t", "\u{feff}",
];

/// One piece of the article.
fn piece(u: &mut Unstructured<'_>, out: &mut String) -> Result<()> {
    let kind: u8 = u.int_in_range(0..=9)?;
    let s: String = match kind {
        0..=3 => u.choose(PHRASES)?.to_string(),
        4..=5 => {
            let n = u.int_in_range(1..=8)?;
            let mut w = String::new();
            for _ in 0..n {
                w.push_str(u.choose(LETTERS)?);
            }
            w
        }
        6..=7 => {
            // digits with separators: 4.814, 1.234,5, 6,5, 10/8/2022
            let n = u.int_in_range(1..=12)?;
            let mut w = String::new();
            for _ in 0..n {
                if u.ratio(1, 4)? {
                    w.push_str(u.choose(&[".", ",", "/", "-", "\u{a0}", " "])?);
                } else {
                    w.push(char::from(b'0' + u.int_in_range(0..=9)?));
                }
            }
            w
        }
        _ => u.choose(SEPARATORS)?.to_string(),
    };
    match u.int_in_range(0..=7)? {
        0 => out.extend(s.nfd()),
        1 => out.push_str(&s.to_uppercase()),
        _ => out.push_str(&s),
    }
    if kind <= 5 && u.ratio(3, 4)? {
        out.push(' ');
    }
    Ok(())
}

fn article(u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::new();
    while !u.is_empty() && out.len() < 16 * 1024 {
        piece(u, &mut out)?;
    }
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut u = Unstructured::new(rest);
    let Ok(text) = article(&mut u) else {
        return;
    };
    let p = match mode % 4 {
        0 | 1 => processor_for("vi"),
        2 => processor_for("en"),
        _ => processor(),
    };
    process_checked(p, &text);
});
