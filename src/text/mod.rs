//! Text preparation: normalization with an offset map back to the original,
//! lines and sentences, calendar dates (`date`, shared by the metadata and
//! the extractors), and document metadata (title, date, url, authors).

pub mod date;
pub mod meta;
pub mod normalize;
pub mod segment;

pub use normalize::{clean_display, NormText};
