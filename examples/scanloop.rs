use vnextract::rules::Rules;
use vnextract::pipeline::Processor;
fn main() {
    let rules = Rules::embedded().unwrap();
    let p = Processor::new(&rules);
    eprintln!("automaton {} bytes, {} patterns", p.lexicon().automaton_bytes(), p.lexicon().pattern_count());
    let docs: Vec<String> = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap().lines().map(|l| { let v: serde_json::Value = serde_json::from_str(l).unwrap(); v["text"].as_str().unwrap().to_string() }).collect();
    let lows: Vec<String> = docs.iter().map(|d| vnextract::fold::lower(&vnextract::fold::fold(d))).collect();
    let total: usize = lows.iter().map(|l| l.len()).sum();
    let t = std::time::Instant::now();
    let mut nh = 0;
    for _ in 0..5 { for l in &lows { nh += p.lexicon().scan(l).tokens().len(); } }
    let d = t.elapsed();
    eprintln!("{:.1} MB/s {}", 5.0 * total as f64 / 1e6 / d.as_secs_f64(), nh);
}
