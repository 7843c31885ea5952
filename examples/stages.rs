//! Time each stage of Processor::process over a JSON Lines dump (text field).
use vnextract::pipeline::{Processor, Stage, StageTimes};
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
/// The pipeline's encoding of one record (every table), apart so that
/// profiles show it.
#[inline(never)]
fn encode(r: &vnextract::model::DocumentRecord) -> usize {
    let e = vnextract::output::encode_doc(r).unwrap();
    e.jsonl.len() + e.tables.iter().map(|t| t.len()).sum::<usize>()
}

fn main() {
    let path = std::env::args().nth(1).expect("dump.jsonl");
    let rules = vnextract::rules::Rules::embedded().unwrap();
    let p = Processor::new(&rules);
    let docs: Vec<vnextract::model::RawDoc> = std::fs::read_to_string(path).unwrap().lines().enumerate().map(|(i, l)| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        vnextract::model::RawDoc { doc_id: i.to_string(), source: "x".into(), text: v["text"].as_str().unwrap().to_string(), ..Default::default() }
    }).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // lingua's models load on first use: not a cost of the documents timed
    let _ = vnextract::lang::detect_with_lingua("warm up the language models", &rules.text.language);
    let mut times = StageTimes::default();
    let t = std::time::Instant::now();
    let mut out = 0usize;
    for d in &docs { let r = p.process_timed(d, Some(&mut times)); out += encode(&r); }
    let total = t.elapsed();
    let sum: f64 = times.0.iter().map(|d| d.as_secs_f64()).sum();
    for s in Stage::ALL { let x = times.0[s as usize].as_secs_f64(); println!("{:18} {:7.1} ms {:5.1}%  {:7.1} MB/s", s.name(), x * 1e3, 100.0 * x / total.as_secs_f64(), bytes as f64 / 1e6 / x); }
    println!("{:18} {:7.1} ms (stages {:.1} ms) = {:.1} MB/s, output {:.1} MB", "total", total.as_secs_f64() * 1e3, sum * 1e3, bytes as f64 / 1e6 / total.as_secs_f64(), out as f64 / 1e6);
}
