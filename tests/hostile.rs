//! Hostile text: thousands of pseudo-random documents built from the
//! characters and words the rules care about (digits, separators, combining
//! marks, no-break spaces, offices, verbs, codes) go through every
//! extractor; none may panic, and every span must lie inside the text.

use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

const PIECES: &[&str] = &[
    "0", "1", "4.814", "6,5", ".", ",", ":", "/", "-", "+", "%", "$", "(", ")", "\"", "“", "–", " ", "\n", "\u{a0}",
    "\u{301}", "\u{323}", "\u{200b}", "Ð", "đ", "ư", "a", "e", "tỷ", "triệu", "nghìn", "đồng", "USD", "Bộ", "Thủ tướng",
    "yêu cầu", "đề nghị", "giao", "các", "bộ", "Nguyễn", "Văn", "ngày", "số", "-CT/TW", "Việt Nam", "Anh", "Đức",
    "Chỉ thị", "Nghị quyết", "hơn", "khoảng", "từ", "đến", "lần", "điểm", "chủ trì, phối hợp", "1.", "ông", "Đối với",
    "ban hành", "kết luận như sau:", "phía", "Lào", "Tổng thống", "HLV", "da", "UBND", "tỉnh", "Tin liên quan",
    "Nguồn:", "Ảnh:", "./.", "TP.HCM", "/tấn", "m3/s", "gấp", "trở lên", "âm", "giữa", "và", "Công văn số",
    "ngày 10 tháng 8 năm 2022", "nguyên", "Bộ trưởng các Bộ:", "hai", "mươi", "mốt", "mười", "lăm", "trăm", "linh",
    "rưỡi", "phẩy", "chấm", "nửa", "phần", "tư", "một", "không", "năm", "xu", "đô", "Ba", "hàng", "một số",
];

/// A small deterministic generator (no extra crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn no_panic_and_spans_inside_the_text() {
    let rules = Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    let mut rng = Lcg(42);
    for n in 0..1500 {
        let len = rng.next() % 300;
        let text: String = (0..len)
            .map(|_| {
                let piece = PIECES[rng.next() % PIECES.len()];
                if rng.next() % 2 == 0 {
                    format!("{piece} ")
                } else {
                    piece.to_string()
                }
            })
            .collect();
        let chars = text.chars().count();
        let doc = RawDoc { doc_id: format!("h{n}"), source: "t".into(), text: text.clone(), ..Default::default() };
        let rec = p.process(&doc);
        for q in &rec.quantities {
            assert!(q.start <= q.end && q.end <= chars, "{text:?}: {q:?}");
            assert!(q.value.is_finite() && q.value_max.is_none_or(|v| v.is_finite()), "{text:?}: {q:?}");
        }
        for d in &rec.directives {
            assert!(d.start <= d.end && d.end <= chars, "{text:?}: {d:?}");
        }
        for l in &rec.legal_refs {
            assert!(l.start <= l.end && l.end <= chars, "{text:?}: {l:?}");
        }
        for person in &rec.people {
            for m in &person.mentions {
                assert!(m.start <= m.end && m.end <= chars, "{text:?}: {person:?}");
            }
        }
    }
}
