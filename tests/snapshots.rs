//! Snapshot of the whole pipeline on every sample article in `data/`: the
//! JSON record of each document, as `documents.jsonl` holds it, pinned in
//! `snapshots/`. A rules change that alters any figure shows up here.
//! Review a change with `cargo insta review` and read every line before
//! accepting it: an accepted snapshot claims every value in it is right.

use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

#[test]
fn sample_articles() {
    let rules = Rules::embedded().expect("embedded rules");
    let processor = Processor::new(&rules);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../data", "*.txt", |path| {
            let text = std::fs::read_to_string(path).expect("sample article is UTF-8");
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            let raw = RawDoc { doc_id: stem.clone(), source: format!("data/{stem}.txt"), text, ..Default::default() };
            let record = processor.process(&raw);
            insta::assert_json_snapshot!(record);
        });
    });
}
