//! The rules loader: the fuzz bytes replace one TOML file (chosen by the
//! first byte) of a copy of the repository's `rules/` folder, then
//! `Rules::from_option(Some(dir))` must return `Ok` or `Err`, never panic.
//! Rules that load are used to build a `Processor` and read a sentence.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vnextract::model::RawDoc;
use vnextract::pipeline::Processor;
use vnextract::rules::Rules;

/// The copy of `rules/` and its TOML files (relative paths, sorted).
fn rules_copy() -> &'static (PathBuf, Vec<(PathBuf, Vec<u8>)>) {
    static R: OnceLock<(PathBuf, Vec<(PathBuf, Vec<u8>)>)> = OnceLock::new();
    R.get_or_init(|| {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        let dst = vnextract_fuzz::scratch().join("rules");
        let mut files = Vec::new();
        copy_dir(&src, &dst, &mut files);
        files.sort();
        (dst, files)
    })
}

fn copy_dir(src: &Path, dst: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to, files);
        } else {
            let bytes = std::fs::read(e.path()).unwrap();
            std::fs::write(&to, &bytes).unwrap();
            if to.extension().is_some_and(|x| x == "toml") {
                files.push((to, bytes));
            }
        }
    }
}

/// The files fuzzed most: those whose content becomes patterns.
const FAVOURITES: &[&str] = &[
    "vi/quantity/units.toml",
    "vi/quantity/scales.toml",
    "vi/quantity/numerals.toml",
    "vi/legal/types.toml",
    "vi/directive/verbs.toml",
    "vi/person/titles.toml",
    "vi/place/countries.toml",
    "text/language.toml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let (dir, files) = rules_copy();
    let target = if (pick as usize) < 128 {
        dir.join(FAVOURITES[pick as usize % FAVOURITES.len()])
    } else {
        files[pick as usize % files.len()].0.clone()
    };
    let original = &files.iter().find(|(p, _)| *p == target).expect("a rules file").1;
    std::fs::write(&target, content).unwrap();
    let loaded = Rules::from_option(Some(dir));
    // put the original back before anything can panic below
    std::fs::write(&target, original).unwrap();
    if let Ok(rules) = loaded {
        let p = Processor::new(&rules);
        let raw = RawDoc {
            text: "Thủ tướng yêu cầu Bộ trưởng Bộ Tài chính chi 4.814 tỷ đồng, tăng 6,5% theo Nghị định 26/2019/NĐ-CP với Nhật Bản.".into(),
            ..Default::default()
        };
        let rec = p.process(&raw);
        vnextract_fuzz::check_record(&raw.text, &rec);
    }
});
