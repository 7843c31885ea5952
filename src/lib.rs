//! vnextract: rule-based extraction from Vietnamese news articles.
//!
//! Articles flow one way through the stages, each a module of its own:
//!
//! ```text
//! input  ->  text::normalize -> text::segment / text::meta -> lang -> extract::* -> output
//! ```
//!
//! - [`input`] reads files, folders, JSON Lines dumps (gzip/zstd too) and stdin,
//!   yielding [`model::InputEvent`]s in input order; bad input becomes an
//!   [`model::ErrorRecord`], never a panic.
//! - [`text`] normalizes (NFC, look-alikes, spaces, tone placement) with a map
//!   back to original character offsets, splits sentences and reads metadata.
//! - [`lang`] detects the language on a cleaned prefix.
//! - [`extract`] holds one module per extractor; their knowledge is in `rules/`.
//! - [`output`] writes the CSV tables and `documents.jsonl`, atomically.
//! - [`pipeline`] ties them together: streaming, parallel, ordered.
//! - [`diff`] compares two runs table by table (`vnextract diff`).
//! - [`eval`] scores a run against gold annotations (`vnextract eval`), as
//!   the project's `score.py` does.
//! - [`review`] writes an HTML page per document with its extractions
//!   highlighted (`vnextract review`).
//!
//! ```
//! use vnextract::{rules::Rules, pipeline::Processor};
//! let rules = Rules::embedded().expect("embedded rules are valid");
//! let processor = Processor::new(&rules);
//! let raw = vnextract::model::RawDoc {
//!     doc_id: "a".into(),
//!     source: "a.txt".into(),
//!     text: "Doanh thu ước đạt trên 4.814 tỷ đồng.".into(),
//!     ..Default::default()
//! };
//! let record = processor.process(&raw);
//! assert_eq!(record.quantities[0].value, 4814000000000.0);
//! ```

pub mod diff;
pub mod eval;
pub mod extract;
pub mod fold;
pub mod input;
pub mod lang;
pub mod matcher;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod review;
pub mod rules;
pub mod text;
