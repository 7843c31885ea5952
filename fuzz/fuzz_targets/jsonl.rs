//! The JSON Lines reader: fuzz bytes as a `.jsonl` file read through the
//! public input API. Never panics; when the bytes are not compressed,
//! every non-blank line gives a document (after a `repaired` record when
//! its UTF-8 was fixed) or exactly one error record naming that line, and
//! blank lines give nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::model::{ErrorAction, InputEvent};
use vnextract_fuzz::{read_as_file, scratch};

fn blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

fuzz_target!(|data: &[u8]| {
    let events = read_as_file("dump.jsonl", data);
    let compressed = data.starts_with(&[0x1f, 0x8b]) || data.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]);
    if compressed {
        return;
    }
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let first = body.iter().copied().find(|b| !b.is_ascii_whitespace());
    let sniff = &data[..data.len().min(8192)];
    if sniff.contains(&0) && first != Some(b'{') {
        // a binary file: one skipped record
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(matches!(&events[0], InputEvent::Error(e) if e.message == "binary file"));
        return;
    }
    let source = scratch().join("dump.jsonl").to_string_lossy().into_owned();
    // (line, event) pairs, the line read from the error record or the
    // document's `source` (`PATH:LINE`)
    let mut per_line: Vec<(u64, &InputEvent)> = Vec::new();
    let mut empty_file = false;
    for ev in &events {
        match ev {
            InputEvent::Doc(d) => {
                let n = d
                    .source
                    .strip_prefix(&source)
                    .and_then(|s| s.strip_prefix(':'))
                    .and_then(|s| s.parse::<u64>().ok())
                    .unwrap_or_else(|| panic!("document source {:?}", d.source));
                per_line.push((n, ev));
            }
            InputEvent::Error(e) => match e.line {
                Some(n) => per_line.push((n, ev)),
                None => {
                    assert_eq!(e.message, "empty file", "{e:?}");
                    empty_file = true;
                }
            },
        }
    }
    assert!(
        per_line.windows(2).all(|w| w[0].0 <= w[1].0),
        "events out of line order: {events:?}"
    );
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    let mut non_blank = 0;
    for (i, raw) in lines.iter().enumerate() {
        let n = i as u64 + 1;
        let mut line = *raw;
        if n == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        let evs: Vec<&InputEvent> = per_line.iter().filter(|(l, _)| *l == n).map(|p| p.1).collect();
        if blank(line) {
            assert!(evs.is_empty(), "blank line {n} gave {evs:?}");
            continue;
        }
        non_blank += 1;
        let ok = match evs.as_slice() {
            [InputEvent::Error(e)] => e.action == ErrorAction::Skipped,
            [InputEvent::Doc(_)] => true,
            [InputEvent::Error(e), InputEvent::Doc(_)] => e.action == ErrorAction::Repaired,
            _ => false,
        };
        assert!(ok, "line {n} ({:?}) gave {evs:?}", String::from_utf8_lossy(line));
    }
    assert_eq!(empty_file, non_blank == 0, "{events:?}");
    assert!(per_line.iter().all(|(l, _)| (*l as usize) <= lines.len()));
});
