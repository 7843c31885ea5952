//! The `vnextract` command line: a thin layer over the library. Flags are
//! defined here and only here; errors are mapped to exit codes:
//! 0 done, 1 no document could be read or output failed, 2 usage error or
//! unreadable rules; `diff`: 0 equal, 1 different, 2 unreadable runs;
//! `eval`: 0 scored, 2 unreadable gold or output;
//! `review`: 0 written, 1 run unreadable or pages not written.

use std::path::PathBuf;

/// mimalloc: extraction allocates many small strings and vectors per
/// document, from several threads; the system allocator spent ~15% of the
/// run in `malloc`/`free`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use vnextract::input::InputOptions;
use vnextract::output::OutputOptions;
use vnextract::pipeline::{run, RunError, RunOptions};
use vnextract::rules::{RuleSource, Rules};

#[derive(Parser)]
#[command(
    name = "vnextract",
    version,
    about = "Figures, people, countries, legal references and directives from Vietnamese and English news articles, with the characters they came from.",
    after_help = "What is extracted: docs/contract.md. Every output column, its type and its values: docs/columns.md. A documents.jsonl line: docs/documents.schema.json (JSON Schema). Gold annotations and the scorer: docs/gold-format.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract from articles and write the tables into --out (columns: docs/columns.md).
    Run(Box<RunArgs>),
    /// Work with rules files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Compare two runs table by table: rows added, removed and changed.
    /// Exit 0 when equal, 1 when they differ, 2 on error.
    Diff {
        /// The earlier run's --out folder (or its documents.jsonl).
        old: PathBuf,
        /// The later run's --out folder (or its documents.jsonl).
        new: PathBuf,
        /// text (default), json, or markdown (to paste in a pull request).
        #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"])]
        format: String,
    },
    /// Score a run against gold annotations, as `.ci/score.py` does: P, R
    /// and F1 per table, attribute accuracy, macro F1. Exit 0, or 2 when a
    /// gold file or the output cannot be read.
    Eval {
        /// Folder of gold annotations: DOC_ID.json beside DOC_ID.txt.
        gold: PathBuf,
        /// The run's --out folder (or its documents.jsonl).
        out: PathBuf,
        /// List every missed and extra item.
        #[arg(long)]
        show_errors: bool,
        /// The figures as JSON (the keys of score.py --json).
        #[arg(long)]
        json: bool,
        /// Gold figures written in words count as required.
        #[arg(long)]
        with_words: bool,
    },
    /// Write an HTML review of a run: each article with its extractions
    /// highlighted, and an index of the documents (OUT/review/index.html).
    Review {
        /// The run's --out folder (or its documents.jsonl).
        out: PathBuf,
        /// The run's inputs, to read the articles again (default: those in
        /// OUT/manifest.json).
        inputs: Vec<String>,
        /// Folder to write the pages into (default: OUT/review).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Load and validate a rules folder (default: the embedded rules).
    Check {
        /// A folder laid out like `rules/` of the repository.
        dir: Option<PathBuf>,
    },
}

#[derive(Args)]
struct RunArgs {
    /// Files (.txt, .md, .jsonl, also .gz/.zst), folders (recursive), or - for stdin.
    #[arg(default_value = "data")]
    inputs: Vec<String>,
    /// Output folder, or - for documents.jsonl lines on stdout (the map stage
    /// for Spark `RDD.pipe`, Hadoop streaming, GNU parallel).
    #[arg(short, long, default_value = "out")]
    out: PathBuf,
    /// Rules folder replacing the embedded rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Language of the documents: `auto` detects each one's; `vi`, `en` (any
    /// language with a rules folder) reads every document as that language.
    #[arg(long, value_name = "LANG", default_value = "auto")]
    lang: String,
    /// Worker threads (default: one per core). Output is identical for any value.
    #[arg(short = 'j', long, value_parser = at_least_one)]
    threads: Option<usize>,
    /// Start every CSV with a UTF-8 BOM (for Excel).
    #[arg(long)]
    excel: bool,
    /// Also write dataset.xlsx: every table as a sheet, numbers as numbers,
    /// dates as dates, header frozen, filters on.
    #[arg(long)]
    xlsx: bool,
    /// JSON Lines field holding the document id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSON Lines field holding the title.
    #[arg(long, default_value = "title")]
    title_field: String,
    /// JSON Lines field(s) holding the text, tried in order.
    #[arg(long = "text-field", default_values = ["text", "content"])]
    text_fields: Vec<String>,
    /// JSON Lines field holding the url.
    #[arg(long, default_value = "url")]
    url_field: String,
    /// JSON Lines field holding the publication date.
    #[arg(long, default_value = "published")]
    published_field: String,
    /// JSON Lines field holding the authors (a string or a list).
    #[arg(long, default_value = "authors")]
    authors_field: String,
    /// Skip documents larger than this many MiB (logged in errors.csv).
    #[arg(long, default_value_t = 64)]
    max_doc_mb: usize,
    /// No progress bar, no warnings on stderr (errors.csv still has them).
    #[arg(short, long)]
    quiet: bool,
}

/// `--threads`: a count of at least 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// SIGINT and SIGTERM stop the run: its temporary files are removed and
/// `out` keeps the dataset it held (exit 130).
fn stop_cleanly_on_signals(out: &std::path::Path) {
    let out = out.display().to_string();
    let _ = ctrlc::set_handler(move || {
        let n = vnextract::output::abandon();
        eprintln!(
            "vnextract: interrupted; {n} temporary files removed, {out} keeps its earlier files"
        );
        std::process::exit(130);
    });
}

fn load_rules(dir: Option<&PathBuf>) -> Result<Rules, ExitCode> {
    Rules::from_option(dir.map(|d| d.as_path())).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

/// `manifest.json`: how the dataset in `--out` was made.
fn write_manifest(
    inputs: &[String],
    input_options: &InputOptions,
    rules: Option<&PathBuf>,
    lang: &str,
    out: &std::path::Path,
    s: &vnextract::pipeline::RunSummary,
    started: std::time::SystemTime,
) -> Result<(), String> {
    use vnextract::output::manifest::{self, InputInfo, Manifest, RulesInfo};
    let source = match rules {
        Some(d) => RuleSource::Dir(d.clone()),
        None => RuleSource::Embedded,
    };
    let m = Manifest {
        program: "vnextract",
        version: env!("CARGO_PKG_VERSION"),
        schema_version: manifest::SCHEMA_VERSION,
        rules: RulesInfo {
            source: rules.map_or_else(|| "embedded".to_string(), |d| d.display().to_string()),
            sha256: source.fingerprint().map_err(|e| e.to_string())?,
        },
        inputs: inputs
            .iter()
            .map(|p| InputInfo {
                path: p.clone(),
                bytes: manifest::input_size(p),
            })
            .collect(),
        input_options: input_options.clone(),
        language: lang.to_string(),
        documents: s.documents,
        errors: s.errors(),
        text_bytes: s.bytes,
        tables: s.tables.clone(),
        languages: s.languages.clone(),
        started: manifest::timestamp(started),
        ended: manifest::timestamp(std::time::SystemTime::now()),
        seconds: s.seconds,
    };
    manifest::write_manifest(out, &m).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules {
            command: RulesCommand::Check { dir },
        } => {
            let source = match &dir {
                Some(d) => RuleSource::Dir(d.clone()),
                None => RuleSource::Embedded,
            };
            match Rules::load(&source) {
                Ok(_) => {
                    println!(
                        "rules OK: {}",
                        dir.map(|d| d.display().to_string())
                            .unwrap_or_else(|| "embedded".into())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Diff { old, new, format } => {
            let format = match format.as_str() {
                "json" => vnextract::diff::Format::Json,
                "markdown" => vnextract::diff::Format::Markdown,
                _ => vnextract::diff::Format::Text,
            };
            match vnextract::diff::diff_runs(&old, &new) {
                Ok(d) => {
                    print!("{}", d.render(format));
                    if d.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Eval {
            gold,
            out,
            show_errors,
            json,
            with_words,
        } => {
            let opts = vnextract::eval::Options { with_words };
            match vnextract::eval::score(&gold, &out, &opts) {
                Ok(report) => {
                    for w in &report.warnings {
                        eprintln!("{w}");
                    }
                    if json {
                        print!("{}", report.to_json());
                    } else {
                        print!("{}", report.to_text(show_errors));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Review { out, inputs, to } => {
            let opts = vnextract::review::ReviewOptions { out, inputs, to };
            match vnextract::review::review(&opts) {
                Ok(s) => {
                    for w in &s.warnings {
                        eprintln!("warning: {w}");
                    }
                    eprintln!(
                        "{} documents ({} without text) -> {}",
                        s.documents,
                        s.without_text,
                        s.dir.join("index.html").display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Run(a) => {
            let a = *a;
            stop_cleanly_on_signals(&a.out);
            let rules = match load_rules(a.rules.as_ref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let input_opts = InputOptions {
                id_field: a.id_field,
                title_field: a.title_field,
                text_fields: a.text_fields,
                url_field: a.url_field,
                published_field: a.published_field,
                authors_field: a.authors_field,
                max_doc_bytes: a.max_doc_mb.saturating_mul(1 << 20),
            };
            let run_opts = RunOptions {
                threads: a.threads,
                progress: !a.quiet,
                warn: !a.quiet,
                language: (a.lang != "auto").then(|| a.lang.clone()),
                ..RunOptions::default()
            };
            let out_opts = OutputOptions {
                excel_bom: a.excel,
                xlsx: a.xlsx,
            };
            let started = std::time::SystemTime::now();
            match run(&a.inputs, &input_opts, &a.out, &rules, &run_opts, &out_opts) {
                Ok(s) => {
                    let to_stdout = a.out.as_os_str() == "-";
                    if !to_stdout {
                        if let Err(e) = write_manifest(
                            &a.inputs,
                            &input_opts,
                            a.rules.as_ref(),
                            &a.lang,
                            &a.out,
                            &s,
                            started,
                        ) {
                            eprintln!("error: {}: {e}", a.out.join("manifest.json").display());
                            return ExitCode::from(1);
                        }
                    }
                    if !a.quiet {
                        let mb = s.bytes as f64 / 1e6;
                        let languages: Vec<String> = s
                            .languages
                            .iter()
                            .map(|(l, n)| format!("{l} {n}"))
                            .collect();
                        eprintln!(
                            "{} documents read, {} written ({}), {} skipped, {} repaired; {} quantities; {:.1} MB in {:.2} s ({:.1} MB/s) -> {}",
                            s.documents + s.skipped,
                            s.documents,
                            languages.join(", "),
                            s.skipped,
                            s.repaired,
                            s.quantities,
                            mb,
                            s.seconds,
                            mb / s.seconds.max(1e-9),
                            if to_stdout { "stdout".to_string() } else { a.out.display().to_string() }
                        );
                    }
                    // the map stage may be given an empty partition
                    if s.documents == 0 && !to_stdout {
                        eprintln!("error: no document could be read");
                        return ExitCode::from(1);
                    }
                    ExitCode::SUCCESS
                }
                Err(e @ RunError::Usage(_)) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
                // the reader of stdout went away (`| head`): stop quietly
                Err(RunError::Output(_, e))
                    if e.kind() == std::io::ErrorKind::BrokenPipe && a.out.as_os_str() == "-" =>
                {
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
