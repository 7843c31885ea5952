//! Time each stage of `Processor::process` over a JSON Lines dump (its
//! `text` field), one thread, after a warm-up pass over the same documents
//! (caches of the lazy regex DFAs filled, lingua's models loaded):
//!
//!     cargo run --release --example stages -- DUMP.jsonl
//!
//! Under callgrind, `--collect-atstart=no --toggle-collect=stages::timed_pass`
//! counts the instructions of the timed pass only (`benches/README.md`).
use vnextract::model::RawDoc;
use vnextract::pipeline::{Processor, Stage, StageTimes};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The pipeline's encoding of one record (every table), apart so that
/// profiles show it.
#[inline(never)]
fn encode(r: &vnextract::model::DocumentRecord) -> usize {
    let e = vnextract::output::encode_doc(r, &Default::default()).expect("encoding into memory");
    e.jsonl.len() + e.tables.iter().map(|t| t.len()).sum::<usize>()
}

/// One pass over the documents: bytes of output.
#[inline(never)]
fn pass(p: &Processor, docs: &[RawDoc], times: &mut StageTimes) -> usize {
    docs.iter().map(|d| encode(&p.process_timed(d, Some(times)))).sum()
}

/// The pass that is timed (and counted under callgrind).
#[inline(never)]
fn timed_pass(p: &Processor, docs: &[RawDoc], times: &mut StageTimes) -> usize {
    pass(p, docs, times)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages DUMP.jsonl");
    let rules = vnextract::rules::Rules::embedded().expect("embedded rules");
    let p = Processor::new(&rules);
    let text = std::fs::read_to_string(&path).expect("a readable dump");
    let docs: Vec<RawDoc> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(RawDoc { doc_id: i.to_string(), source: "x".into(), text: v["text"].as_str()?.to_string(), ..Default::default() })
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    pass(&p, &docs, &mut StageTimes::default());
    let mut times = StageTimes::default();
    let t = std::time::Instant::now();
    let out = timed_pass(&p, &docs, &mut times);
    let total = t.elapsed();
    let sum: f64 = times.0.iter().map(|d| d.as_secs_f64()).sum();
    for s in Stage::ALL {
        let x = times.0[s as usize].as_secs_f64();
        println!("{:18} {:7.1} ms {:5.1}%  {:7.1} MB/s", s.name(), x * 1e3, 100.0 * x / total.as_secs_f64(), bytes as f64 / 1e6 / x);
    }
    let secs = total.as_secs_f64();
    println!("{:18} {:7.1} ms (stages {:.1} ms) = {:.1} MB/s, output {:.1} MB", "total", secs * 1e3, sum * 1e3, bytes as f64 / 1e6 / secs, out as f64 / 1e6);
}
