//! The batch pipeline: read → normalize → segment → detect language →
//! extract → write, streaming with bounded memory.
//!
//! A reader thread pulls documents from the inputs and hands them over in
//! batches through a bounded channel; each batch is extracted and encoded
//! in parallel on a rayon pool, then handed to a writer thread that only
//! copies bytes, in input order, so the output is byte-identical whatever
//! the thread count. At most a few batches are in memory at once.

use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

use crate::extract::directive::DirectiveExtractor;
use crate::extract::legal::LegalExtractor;
use crate::extract::person::PersonExtractor;
use crate::extract::place::PlaceExtractor;
use crate::extract::quantity::QuantityExtractor;
use crate::extract::{Ctx, Extractor};
use crate::input::{open_inputs, InputOptions};
use crate::matcher::{Lexicon, LexiconBuilder};
use crate::model::{DocumentRecord, ErrorAction, ErrorRecord, InputEvent, RawDoc, SCHEMA_VERSION};
use crate::output::{encode_doc, EncodedDoc, OutputOptions, OutputWriter, Sink};
use crate::rules::text::TextRules;
use crate::rules::{LangRules, Rules};
use crate::text::{meta, segment, NormText};

/// One language's extractors, compiled from its rules folder, and the one
/// automaton of all their phrases.
pub struct LangProcessor {
    code: String,
    lexicon: Lexicon,
    quantity: QuantityExtractor,
    person: PersonExtractor,
    place: PlaceExtractor,
    legal: LegalExtractor,
    directive: DirectiveExtractor,
}

impl LangProcessor {
    pub fn new(rules: &LangRules) -> LangProcessor {
        let mut lex = LexiconBuilder::new();
        let countries = rules.place.country_forms();
        let quantity = QuantityExtractor::new(&rules.quantity, &mut lex);
        let weak = rules.place.weak_country_forms();
        let person = PersonExtractor::new(&rules.person, &countries, &weak, &mut lex);
        let place = PlaceExtractor::new(&rules.place, &mut lex);
        let legal = LegalExtractor::new(&rules.legal, &mut lex);
        let directive = DirectiveExtractor::new(&rules.directive, &countries, &mut lex);
        LangProcessor {
            code: rules.code.clone(),
            lexicon: lex.build(),
            quantity,
            person,
            place,
            legal,
            directive,
        }
    }

    /// The language code of these extractors.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The compiled automaton of every rules phrase.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The extractors, for benchmarks of one stage.
    pub fn quantity(&self) -> &QuantityExtractor {
        &self.quantity
    }
    pub fn person(&self) -> &PersonExtractor {
        &self.person
    }
    pub fn place(&self) -> &PlaceExtractor {
        &self.place
    }
    pub fn legal(&self) -> &LegalExtractor {
        &self.legal
    }
    pub fn directive(&self) -> &DirectiveExtractor {
        &self.directive
    }
}

/// The extractors of every language and the text rules: processes one
/// document with the extractors of its language.
pub struct Processor {
    text_rules: TextRules,
    languages: Vec<LangProcessor>,
    /// The language of `und` documents (`language.toml`: `fallback`).
    fallback: String,
    /// `--lang`: every document is read as this language, undetected.
    force: Option<String>,
}

impl Processor {
    /// Every language of `rules`, each document read with the extractors
    /// of the language detected.
    pub fn new(rules: &Rules) -> Processor {
        Processor {
            text_rules: rules.text.clone(),
            languages: rules.languages.iter().map(LangProcessor::new).collect(),
            fallback: rules.text.language.fallback.clone(),
            force: None,
        }
    }

    /// Every document read as language `code` (`--lang`): no detection;
    /// its `language` is `code` with confidence 1. `None` detects.
    pub fn with_language(mut self, code: Option<&str>) -> Processor {
        self.force = code.map(str::to_string);
        self
    }

    /// The extractors of language `code`, if it has rules.
    pub fn language(&self, code: &str) -> Option<&LangProcessor> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The extractors a document of language `code` gets (`und`: the
    /// fallback language's).
    fn for_language(&self, code: &str) -> Option<&LangProcessor> {
        match code {
            "und" => self.language(&self.fallback),
            c => self.language(c),
        }
    }

    /// One document, end to end. Never panics on any text.
    pub fn process(&self, raw: &RawDoc) -> DocumentRecord {
        self.process_timed(raw, None)
    }

    /// [`Processor::process`], adding the time each stage took to `times`
    /// (for the per-stage benchmark).
    pub fn process_timed(
        &self,
        raw: &RawDoc,
        mut times: Option<&mut StageTimes>,
    ) -> DocumentRecord {
        let mut clock = std::time::Instant::now();
        let mut lap = |stage: Stage, times: &mut Option<&mut StageTimes>| {
            if let Some(t) = times.as_deref_mut() {
                let now = std::time::Instant::now();
                t.0[stage as usize] += now - clock;
                clock = now;
            }
        };
        let norm = NormText::new(&raw.text);
        lap(Stage::Normalize, &mut times);
        let meta = meta::extract_display(&norm, &raw.text, &self.text_rules);
        lap(Stage::Meta, &mut times);
        let sentences = segment::sentences_with(&norm.text, &self.text_rules);
        lap(Stage::Segment, &mut times);
        let (lang, confidence) = match &self.force {
            Some(code) => (code.as_str(), 1.0),
            None => {
                let d = crate::lang::detect(&norm.text, &self.text_rules.language);
                (d.code, d.confidence)
            }
        };
        lap(Stage::Language, &mut times);
        let mut rec = DocumentRecord {
            doc_id: raw.doc_id.clone(),
            schema_version: SCHEMA_VERSION,
            source: raw.source.clone(),
            url: raw.url.clone().or(meta.url.clone()),
            title: raw.title.clone().or(meta.title.clone()),
            // the input's date, a stamp line's, else the date its URL carries
            published: raw
                .published
                .clone()
                .or(meta.published.clone())
                .or_else(|| {
                    raw.url
                        .as_deref()
                        .or(meta.url.as_deref())
                        .and_then(crate::text::date::date_in_url)
                }),
            language: lang.to_string(),
            language_confidence: confidence,
            chars: raw.text.chars().count(),
            authors: if raw.authors.is_empty() {
                meta.authors.clone()
            } else {
                raw.authors.clone()
            },
            quantities: Vec::new(),
            people: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            legal_refs: Vec::new(),
            directives: Vec::new(),
        };
        if let Some(x) = self.for_language(lang) {
            let scan = x.lexicon.scan(&norm.text);
            lap(Stage::Scan, &mut times);
            let ctx = Ctx::new(&raw.text, &norm, &sentences, &meta.skip, &scan);
            lap(Stage::Tokens, &mut times);
            rec.quantities = x.quantity.extract(&ctx);
            lap(Stage::Quantity, &mut times);
            // people first: a place inside a person's name is not a place
            let found = x.person.extract(&ctx);
            lap(Stage::Person, &mut times);
            let (countries, regions) = x.place.extract(&ctx, &found.name_ranges);
            lap(Stage::Place, &mut times);
            rec.legal_refs = x.legal.extract(&ctx);
            lap(Stage::Legal, &mut times);
            rec.directives =
                x.directive
                    .extract(&ctx, &found.people, &found.name_ranges, &rec.legal_refs);
            lap(Stage::Directive, &mut times);
            rec.people = found.people;
            rec.countries = countries;
            rec.regions = regions;
        }
        rec
    }

    /// [`Processor::process`], with a panic (a bug) turned into an error
    /// record and a document written without extractions.
    pub fn process_guarded(&self, raw: &RawDoc) -> (DocumentRecord, Option<ErrorRecord>) {
        match catch_unwind(AssertUnwindSafe(|| self.process(raw))) {
            Ok(rec) => (rec, None),
            Err(_) => {
                let rec = DocumentRecord {
                    doc_id: raw.doc_id.clone(),
                    schema_version: SCHEMA_VERSION,
                    source: raw.source.clone(),
                    url: raw.url.clone(),
                    title: raw.title.clone(),
                    published: raw.published.clone(),
                    language: "und".into(),
                    language_confidence: 0.0,
                    chars: raw.text.chars().count(),
                    authors: raw.authors.clone(),
                    quantities: vec![],
                    people: vec![],
                    countries: vec![],
                    regions: vec![],
                    legal_refs: vec![],
                    directives: vec![],
                };
                let err = ErrorRecord {
                    source: raw.source.clone(),
                    line: None,
                    doc_id: Some(raw.doc_id.clone()),
                    action: ErrorAction::Repaired,
                    message:
                        "internal error while extracting: document written without extractions"
                            .into(),
                };
                (rec, Some(err))
            }
        }
    }
}

/// The stages of [`Processor::process`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Normalize,
    Meta,
    Segment,
    Language,
    Scan,
    Tokens,
    Quantity,
    Person,
    Place,
    Directive,
    Legal,
}

impl Stage {
    pub const ALL: [Stage; 11] = [
        Stage::Normalize,
        Stage::Meta,
        Stage::Segment,
        Stage::Language,
        Stage::Scan,
        Stage::Tokens,
        Stage::Quantity,
        Stage::Person,
        Stage::Place,
        Stage::Directive,
        Stage::Legal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Normalize => "normalize",
            Stage::Meta => "metadata",
            Stage::Segment => "segment",
            Stage::Language => "language",
            Stage::Scan => "scan (automaton)",
            Stage::Tokens => "sentence tokens",
            Stage::Quantity => "quantity",
            Stage::Person => "person",
            Stage::Place => "place",
            Stage::Directive => "directive",
            Stage::Legal => "legal",
        }
    }
}

/// Time spent in each [`Stage`].
#[derive(Debug, Clone, Default)]
pub struct StageTimes(pub [std::time::Duration; 11]);

/// How a run goes.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Worker threads; `None` = one per core.
    pub threads: Option<usize>,
    /// A batch closes at this many documents…
    pub batch_docs: usize,
    /// …or this many bytes of text.
    pub batch_bytes: usize,
    /// Show a progress bar on stderr when it is a terminal.
    pub progress: bool,
    /// Print each input error on stderr.
    pub warn: bool,
    /// Read every document as this language (`--lang`); `None` detects it.
    pub language: Option<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: None,
            batch_docs: 512,
            batch_bytes: 8 << 20,
            progress: true,
            warn: true,
            language: None,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    /// Documents written.
    pub documents: usize,
    /// Inputs not turned into a document (binary, empty, malformed, too large…).
    pub skipped: usize,
    /// Documents written after a repair (invalid UTF-8…).
    pub repaired: usize,
    pub bytes: usize,
    pub quantities: usize,
    pub seconds: f64,
    /// Rows written per table, by the table's name (`quantities`, `people`, …).
    pub tables: std::collections::BTreeMap<&'static str, usize>,
    /// Documents per detected (or forced) language.
    pub languages: std::collections::BTreeMap<String, usize>,
}

impl RunSummary {
    /// Rows of `errors.csv`.
    pub fn errors(&self) -> usize {
        self.skipped + self.repaired
    }

    fn count_error(&mut self, e: &ErrorRecord) {
        match e.action {
            ErrorAction::Skipped => self.skipped += 1,
            ErrorAction::Repaired => self.repaired += 1,
        }
    }
}

/// The rows of one record per table, and its language.
fn record_counts(rec: &DocumentRecord) -> ([(&'static str, usize); 6], String) {
    (
        [
            ("quantities", rec.quantities.len()),
            ("people", rec.people.len()),
            ("countries", rec.countries.len()),
            ("regions", rec.regions.len()),
            ("legal_refs", rec.legal_refs.len()),
            ("directives", rec.directives.len()),
        ],
        rec.language.clone(),
    )
}

/// Why a run could not be done.
#[derive(Debug)]
pub enum RunError {
    /// An input path that does not exist, or bad flags.
    Usage(String),
    /// The output folder (first) or a file in it could not be written
    /// (`-`: standard output).
    Output(std::path::PathBuf, std::io::Error),
    /// The thread pool could not start.
    Threads(String),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Usage(m) => write!(f, "{m}"),
            RunError::Output(p, e) if p.as_os_str() == "-" => {
                write!(f, "cannot write to standard output: {e}")
            }
            RunError::Output(p, e) => write!(f, "cannot write output to {}: {e}", p.display()),
            RunError::Threads(e) => write!(f, "cannot start worker threads: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

enum Item {
    Doc(RawDoc),
    Error(ErrorRecord),
}

/// One item of a batch once extracted: its bytes for every file.
enum Encoded {
    Error(ErrorRecord),
    Doc(EncodedDoc, Option<ErrorRecord>),
}

/// Run the whole pipeline over `inputs`, writing every table into the
/// folder `out`, or, when `out` is `-`, `documents.jsonl` lines onto stdout
/// (the map stage: one line per document in input order, flushed after
/// every batch, input errors always reported on stderr).
///
/// Three stages run at once: a reader thread fills batches; the batch is
/// extracted and encoded in parallel on the pool; a writer thread copies
/// the encoded bytes out while the next batch is extracted. Two bounded
/// channels between them keep at most a few batches in memory.
pub fn run(
    inputs: &[String],
    input_opts: &InputOptions,
    out: &Path,
    rules: &Rules,
    opts: &RunOptions,
    out_opts: &OutputOptions,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    if let Some(code) = opts.language.as_deref() {
        if rules.language(code).is_none() {
            let have: Vec<&str> = rules.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(RunError::Usage(format!(
                "--lang {code}: no rules for this language (rules folders: {})",
                have.join(", ")
            )));
        }
    }
    let (events, progress) =
        open_inputs(inputs, input_opts).map_err(|e| RunError::Usage(e.to_string()))?;
    let mut builder =
        rayon::ThreadPoolBuilder::new().thread_name(|i| format!("vnextract-work-{i}"));
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    let processor = Processor::new(rules).with_language(opts.language.as_deref());
    let to_stdout = out == Path::new("-");
    let output_error = |e| RunError::Output(out.to_path_buf(), e);
    let sink = if to_stdout {
        Sink::stdout()
    } else {
        Sink::Dir(Box::new(
            OutputWriter::create(out, out_opts).map_err(output_error)?,
        ))
    };
    let warn = opts.warn || to_stdout;
    let bar = if opts.progress && std::io::stderr().is_terminal() {
        Some(progress_bar(progress.total()))
    } else {
        None
    };

    let (batch_docs, batch_bytes) = (opts.batch_docs.max(1), opts.batch_bytes.max(1));
    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let reader = std::thread::Builder::new()
        .name("vnextract-read".into())
        .spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0usize;
            let mut docs = 0usize;
            for ev in events {
                match ev {
                    InputEvent::Doc(d) => {
                        bytes += d.text.len();
                        docs += 1;
                        batch.push(Item::Doc(d));
                    }
                    InputEvent::Error(e) => batch.push(Item::Error(e)),
                }
                if docs >= batch_docs || bytes >= batch_bytes {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                    docs = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        })
        .map_err(|e| RunError::Threads(e.to_string()))?;

    let (wtx, wrx) = sync_channel::<Vec<Encoded>>(2);
    let writer = std::thread::Builder::new()
        .name("vnextract-write".into())
        .spawn(move || -> std::io::Result<()> {
            let mut sink = sink;
            for batch in wrx {
                for item in &batch {
                    match item {
                        Encoded::Error(e) => sink.write_error(e)?,
                        Encoded::Doc(doc, err) => {
                            if let Some(e) = err {
                                sink.write_error(e)?;
                            }
                            sink.write_doc(doc)?;
                        }
                    }
                }
                sink.end_batch()?;
            }
            sink.finish()
        })
        .map_err(|e| RunError::Threads(e.to_string()))?;

    let mut summary = RunSummary::default();
    let mut encode_failure: Option<std::io::Error> = None;
    for batch in rx {
        type Counted = (Encoded, usize, Option<([(&'static str, usize); 6], String)>);
        let encoded: std::io::Result<Vec<Counted>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| match item {
                    Item::Error(e) => Ok((Encoded::Error(e), 0, None)),
                    Item::Doc(d) => {
                        let (rec, err) = processor.process_guarded(&d);
                        let doc = encode_doc(&rec, out_opts)?;
                        Ok((
                            Encoded::Doc(doc, err),
                            d.text.len(),
                            Some(record_counts(&rec)),
                        ))
                    }
                })
                .collect()
        });
        let encoded = match encoded {
            Ok(encoded) => encoded,
            Err(e) => {
                encode_failure = Some(e);
                break;
            }
        };
        let mut items = Vec::with_capacity(encoded.len());
        for (item, bytes, counts) in encoded {
            match &item {
                Encoded::Error(e) => {
                    summary.count_error(e);
                    if warn {
                        report(&bar, e);
                    }
                }
                Encoded::Doc(_, err) => {
                    summary.documents += 1;
                    summary.bytes += bytes;
                    if let Some((tables, language)) = counts {
                        for (t, n) in tables {
                            *summary.tables.entry(t).or_insert(0) += n;
                        }
                        summary.quantities += tables[0].1;
                        *summary.languages.entry(language).or_insert(0) += 1;
                    }
                    if let Some(e) = err {
                        summary.count_error(e);
                        if warn {
                            report(&bar, e);
                        }
                    }
                }
            }
            items.push(item);
        }
        // the writer stopped: its error is read below
        if wtx.send(items).is_err() {
            break;
        }
        if let Some(b) = &bar {
            b.set_position(progress.read());
        }
    }
    drop(wtx);
    // the reader stops when its channel closes
    let _ = reader.join();
    let written = writer
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("the writer thread panicked")));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(e) = encode_failure {
        return Err(output_error(e));
    }
    written.map_err(output_error)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Bytes read of the total, percent, decimal MB/s and time left when the
/// size of the inputs is known; bytes and MB/s when reading stdin.
fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match total {
        Some(t) => (
            indicatif::ProgressBar::new(t),
            "{bar:30} {decimal_bytes}/{decimal_total_bytes} ({percent}%) {decimal_bytes_per_sec}, ETA {eta} [{elapsed_precise}]",
        ),
        None => (indicatif::ProgressBar::new_spinner(), "{spinner} {decimal_bytes} read, {decimal_bytes_per_sec} [{elapsed_precise}]"),
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn report(bar: &Option<indicatif::ProgressBar>, e: &ErrorRecord) {
    let line = format!("warning: {e}");
    match bar {
        Some(b) => b.println(line),
        None => eprintln!("{line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::MAX_SETS;

    /// Every phrase set has a bit of its own: a shared bit would send every
    /// query of the sets sharing it past the one-bit test (it did, at 142
    /// sets over 128 bits: the directive stage ran 1.8 times slower).
    #[test]
    fn every_phrase_set_has_its_own_bit() {
        let rules = Rules::embedded().unwrap_or_else(|e| panic!("{e}"));
        let p = Processor::new(&rules);
        for code in ["vi", "en"] {
            let lang = p
                .language(code)
                .unwrap_or_else(|| panic!("no `{code}` rules"));
            let n = lang.lexicon().set_count();
            assert!(
                n > 100,
                "{code}: {n} sets: the extractors build their sets here"
            );
            assert!(n <= MAX_SETS, "{code}: {n} sets, {MAX_SETS} bits");
        }
    }
}
