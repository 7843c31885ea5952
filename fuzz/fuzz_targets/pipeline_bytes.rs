//! Arbitrary bytes as a file named on the command line meets them: read
//! through the public input API (decompression by magic bytes, binary
//! detection, UTF-8 repair, the format sniffed: one text document or a
//! JSON Lines dump), every document through `Processor::process`, then
//! encoded as `documents.jsonl` and CSV rows. Spans must lie within the
//! text and their `text` be exactly the characters they cover.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::model::InputEvent;
use vnextract_fuzz::{check_record, processor, read_as_file};

fuzz_target!(|data: &[u8]| {
    for event in read_as_file("doc", data) {
        if let InputEvent::Doc(raw) = event {
            let rec = processor().process(&raw);
            check_record(&raw.text, &rec);
        }
    }
});
