use std::time::Instant;
use vnextract::rules::Rules;
use vnextract::pipeline::Processor;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text: String = std::fs::read_to_string(&path).unwrap();
    let t0 = Instant::now();
    let rules = Rules::embedded().unwrap();
    let t1 = Instant::now();
    let p = Processor::new(&rules);
    let t2 = Instant::now();
    eprintln!("rules {:?} processor {:?} patterns {} words {} sets {}", t1-t0, t2-t1, p.lexicon().pattern_count(), p.lexicon().word_count(), p.lexicon().set_count());
    let norm = vnextract::fold::fold(&text);
    let lower = vnextract::fold::lower(&norm);
    let t = Instant::now();
    let n = vnextract::matcher::token::Tokens::new(&lower, 0..lower.len()).count();
    eprintln!("tokens only: {n} in {:?}", t.elapsed());
    let docs: Vec<String> = std::fs::read_to_string(std::env::args().nth(2).unwrap()).unwrap().lines().map(|l| { let v: serde_json::Value = serde_json::from_str(l).unwrap(); v["text"].as_str().unwrap().to_string() }).collect();
    let lows: Vec<String> = docs.iter().map(|d| vnextract::fold::lower(&vnextract::fold::fold(d))).collect();
    let total: usize = lows.iter().map(|l| l.len()).sum();
    for _ in 0..3 {
        let t = Instant::now();
        let parts: Vec<(usize, Vec<u8>)> = lows.iter().map(|l| vnextract::matcher::bench_parts::lookups(p.lexicon(), l)).collect();
        let t1 = Instant::now();
        let m: usize = parts.iter().map(|(_, b)| vnextract::matcher::bench_parts::walk(p.lexicon(), b)).sum();
        eprintln!("lookups {:?} known {} walk {:?} matches {}", t1 - t, parts.iter().map(|x| x.0).sum::<usize>(), t1.elapsed(), m);
        let t = Instant::now();
        let mut nh = 0;
        for l in &lows { nh += p.lexicon().scan(l).len(); }
        let d = t.elapsed();
        eprintln!("per-doc scan {:.1} MB in {:?} = {:.1} MB/s, {} hits", total as f64/1e6, d, total as f64/1e6/d.as_secs_f64(), nh);
        let t = Instant::now();
        let mut nt = 0;
        for l in &lows { nt += vnextract::matcher::token::Tokens::new(l, 0..l.len()).count(); }
        eprintln!("per-doc tokens {:?} {}", t.elapsed(), nt);
    }
    for _ in 0..3 {
        let t = Instant::now();
        let h = p.lexicon().scan(&lower);
        let d = t.elapsed();
        eprintln!("scan {:.1} MB in {:?} = {:.1} MB/s, {} hits", lower.len() as f64/1e6, d, lower.len() as f64/1e6/d.as_secs_f64(), h.len());
    }
}
