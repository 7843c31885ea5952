fn main() {
    let path = std::env::args().nth(1).expect("dump.jsonl");
    let rules = vnextract::rules::Rules::embedded().unwrap();
    let texts: Vec<String> = std::fs::read_to_string(path).unwrap().lines().map(|l| { let v: serde_json::Value = serde_json::from_str(l).unwrap(); v["text"].as_str().unwrap().to_string() }).collect();
    let norms: Vec<vnextract::text::NormText> = texts.iter().map(|t| vnextract::text::NormText::new(t)).collect();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 { for (nt, raw) in norms.iter().zip(&texts) { n += vnextract::text::meta::extract_display(nt, raw, &rules.text).skip.len(); } }
    eprintln!("meta x3 {:?} {n}", t.elapsed());
}
