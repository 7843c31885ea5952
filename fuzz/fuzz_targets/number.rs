//! The digit-number parser (`vnextract::extract::number`): never panics,
//! reads a plain run of digits as `str::parse` does, reads the English
//! marks as the Vietnamese ones swapped; and a short phrase
//! `<fuzz> tỷ đồng` through the whole pipeline keeps the span invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::extract::number::{is_year_like, parse_number, parse_vi_number};
use vnextract::model::DecimalMark;
use vnextract_fuzz::{process_checked, processor_for};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    let vi = parse_vi_number(s);
    let comma = parse_number(s, DecimalMark::Comma);
    assert_eq!(vi.map(f64::to_bits), comma.map(f64::to_bits));
    let point = parse_number(s, DecimalMark::Point);
    for v in [vi, point].into_iter().flatten() {
        assert!(v >= 0.0, "{s:?} -> {v}");
    }
    let _ = is_year_like(s);
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        // plain digits: the nearest f64, whatever the mark
        let want = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(vi.map(f64::to_bits), want, "{s:?}");
        assert_eq!(point.map(f64::to_bits), want, "{s:?}");
    }
    if mode & 1 == 1 && s.len() <= 64 {
        let (lang, text) = match mode & 6 {
            0 => ("vi", format!("Doanh thu đạt {s} tỷ đồng.")),
            2 => ("vi", format!("{s}%")),
            4 => ("en", format!("Revenue reached ${s} billion.")),
            _ => ("en", format!("up {s} percent")),
        };
        process_checked(processor_for(lang), &text);
    }
});
