//! Per-stage micro-benchmarks (criterion): each stage of
//! `Processor::process` alone over the sample articles of `data/` and
//! `tests/heldout*/`, in bytes of article text per second, then the whole
//! document path. The whole-process figures are `scripts/bench.sh`'s.
//!
//!     cargo bench --bench stages            # all stages
//!     cargo bench --bench stages -- scan    # one stage
//!
//! Stages after the scan read contexts built once (`Ctx::new` is its own
//! stage, `tokens`), so each figure is the cost of that stage only.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vnextract::extract::{Ctx, Extractor};
use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;
use vnextract::text::{meta, segment, NormText};

/// The sample articles: every `.txt` of `data/` and `tests/heldout*/`.
fn sample() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("data")];
    let mut held: Vec<_> = std::fs::read_dir(root.join("tests"))
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("heldout"))).collect())
        .unwrap_or_default();
    held.sort();
    dirs.extend(held);
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().filter_map(|e| e.ok()).map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn stages(c: &mut Criterion) {
    let rules = Rules::embedded().expect("embedded rules");
    let texts = sample();
    assert!(!texts.is_empty(), "no sample articles under data/");
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);

    g.bench_function("normalize", |b| b.iter(|| texts.iter().map(|t| NormText::new(t).text.len()).sum::<usize>()));
    let norms: Vec<NormText> = texts.iter().map(|t| NormText::new(t)).collect();
    g.bench_function("metadata", |b| {
        b.iter(|| norms.iter().zip(&texts).map(|(n, t)| meta::extract_display(n, t, &rules.text).skip.len()).sum::<usize>())
    });
    g.bench_function("segment", |b| b.iter(|| norms.iter().map(|n| segment::sentences_with(&n.text, &rules.text).len()).sum::<usize>()));
    g.bench_function("language", |b| {
        b.iter(|| norms.iter().map(|n| vnextract::lang::detect(&n.text, &rules.text.language).confidence).sum::<f64>())
    });

    // the extractors and their one automaton, as the pipeline builds them
    let processor = Processor::new(&rules);
    let vi = processor.language("vi").expect("the `vi` rules");
    let (quantity, person, place, legal, directive) =
        (vi.quantity(), vi.person(), vi.place(), vi.legal(), vi.directive());
    let lexicon = vi.lexicon();

    g.bench_function("scan", |b| b.iter(|| norms.iter().map(|n| lexicon.scan(&n.text).tokens().len()).sum::<usize>()));
    let scans: Vec<_> = norms.iter().map(|n| lexicon.scan(&n.text)).collect();
    let sentences: Vec<_> = norms.iter().map(|n| segment::sentences_with(&n.text, &rules.text)).collect();
    let skips: Vec<_> = norms.iter().zip(&texts).map(|(n, t)| meta::extract_display(n, t, &rules.text).skip).collect();
    let ctx = |i: usize| Ctx::new(&texts[i], &norms[i], &sentences[i], &skips[i], &scans[i]);
    g.bench_function("tokens", |b| b.iter(|| (0..texts.len()).map(|i| black_box(ctx(i)).sentence_tokens(0).len()).sum::<usize>()));
    let ctxs: Vec<Ctx<'_>> = (0..texts.len()).map(ctx).collect();

    g.bench_function("quantity", |b| b.iter(|| ctxs.iter().map(|c| quantity.extract(c).len()).sum::<usize>()));
    g.bench_function("person", |b| b.iter(|| ctxs.iter().map(|c| person.extract(c).people.len()).sum::<usize>()));
    let found: Vec<_> = ctxs.iter().map(|c| person.extract(c)).collect();
    g.bench_function("place", |b| b.iter(|| ctxs.iter().zip(&found).map(|(c, f)| place.extract(c, &f.name_ranges).0.len()).sum::<usize>()));
    g.bench_function("legal", |b| b.iter(|| ctxs.iter().map(|c| legal.extract(c).len()).sum::<usize>()));
    let refs: Vec<_> = ctxs.iter().map(|c| legal.extract(c)).collect();
    g.bench_function("directive", |b| {
        b.iter(|| {
            ctxs.iter()
                .zip(&found)
                .zip(&refs)
                .map(|((c, f), r)| directive.extract(c, &f.people, &f.name_ranges, r).len())
                .sum::<usize>()
        })
    });

    // the whole document path: every stage, then the rows encoded
    let docs: Vec<RawDoc> = texts.iter().enumerate().map(|(i, t)| RawDoc { doc_id: i.to_string(), source: "bench".into(), text: t.clone(), ..Default::default() }).collect();
    g.bench_function("process", |b| b.iter(|| docs.iter().map(|d| processor.process(d).quantities.len()).sum::<usize>()));
    let records: Vec<_> = docs.iter().map(|d| processor.process(d)).collect();
    g.bench_function("encode", |b| {
        b.iter(|| records.iter().map(|r| vnextract::output::encode_doc(r, &Default::default()).map(|e| e.jsonl.len()).unwrap_or(0)).sum::<usize>())
    });
    g.bench_function("process+encode", |b| {
        b.iter(|| docs.iter().map(|d| vnextract::output::encode_doc(&processor.process(d), &Default::default()).map(|e| e.jsonl.len()).unwrap_or(0)).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
