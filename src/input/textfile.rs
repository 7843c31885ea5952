//! Text documents: a whole (decompressed) file or stdin is one article. The
//! body is kept exactly as read; only invalid UTF-8 is repaired. Metadata
//! written in the text itself is read later, by `text::meta`.

use std::io::{self, Read};

use super::decode::{
    io_message, is_blank, repair_utf8, repaired_message, too_large_message, Stream,
};
use crate::model::{ErrorAction, ErrorRecord, InputEvent, RawDoc};

/// The events of one text document read from `stream`: the document, after a
/// `Repaired` record when its UTF-8 was fixed, or one `Skipped` record.
pub(crate) fn read_text(
    mut stream: Stream,
    doc_id: String,
    source: String,
    max_doc_bytes: usize,
) -> Vec<InputEvent> {
    let skipped = |message: String| {
        vec![InputEvent::Error(ErrorRecord {
            source: source.clone(),
            line: None,
            doc_id: Some(doc_id.clone()),
            action: ErrorAction::Skipped,
            message,
        })]
    };
    let limit = max_doc_bytes as u64;
    let mut bytes = Vec::new();
    if let Err(e) = (&mut stream)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return skipped(format!("cannot read: {}", io_message(&e)));
    }
    if bytes.len() as u64 > limit {
        let kept = bytes.len() as u64;
        drop(bytes);
        // Count the rest without keeping it.
        return match io::copy(&mut stream, &mut io::sink()) {
            Ok(rest) => skipped(too_large_message("document", kept + rest, limit)),
            Err(_) => skipped(format!(
                "document larger than the {} limit",
                super::decode::format_size(limit)
            )),
        };
    }
    let (text, invalid) = repair_utf8(bytes);
    if is_blank(&text) {
        return skipped("empty file".into());
    }
    let mut events = Vec::with_capacity(2);
    if invalid > 0 {
        events.push(InputEvent::Error(ErrorRecord {
            source: source.clone(),
            line: None,
            doc_id: Some(doc_id.clone()),
            action: ErrorAction::Repaired,
            message: repaired_message(invalid),
        }));
    }
    events.push(InputEvent::Doc(RawDoc {
        doc_id,
        source,
        text,
        ..RawDoc::default()
    }));
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(data: &[u8], max: usize) -> Vec<InputEvent> {
        read_text(
            Box::new(Cursor::new(data.to_vec())),
            "a".into(),
            "d/a.txt".into(),
            max,
        )
    }

    fn message(e: &InputEvent) -> &str {
        match e {
            InputEvent::Error(r) => &r.message,
            InputEvent::Doc(_) => "a document",
        }
    }

    #[test]
    fn whole_file_is_the_body() {
        let text = "Tiêu đề\n\n20:46, 20/12/2024\nNội dung.\n";
        let ev = read(text.as_bytes(), 1000);
        assert_eq!(
            ev,
            [InputEvent::Doc(RawDoc {
                doc_id: "a".into(),
                source: "d/a.txt".into(),
                text: text.into(),
                ..RawDoc::default()
            })]
        );
    }

    #[test]
    fn repaired_before_the_document() {
        let ev = read(b"ab\xc3(cd", 1000);
        assert_eq!(ev.len(), 2);
        match &ev[0] {
            InputEvent::Error(r) => {
                assert_eq!(r.action, ErrorAction::Repaired);
                assert_eq!(r.message, "invalid UTF-8 replaced with U+FFFD (1 byte)");
                assert_eq!((r.line, r.doc_id.as_deref()), (None, Some("a")));
            }
            other => panic!("{other:?}"),
        }
        match &ev[1] {
            InputEvent::Doc(d) => assert_eq!(d.text, "ab\u{fffd}(cd"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_and_oversized_are_skipped() {
        assert_eq!(message(&read(b"", 10)[0]), "empty file");
        assert_eq!(message(&read(b" \r\n\t", 10)[0]), "empty file");
        assert_eq!(
            message(&read(&[b'x'; 2500], 1024)[0]),
            "document of 2.4 KB exceeds the 1 KB limit"
        );
        // Exactly at the limit is fine.
        assert_eq!(message(&read(&[b'x'; 10], 10)[0]), "a document");
    }
}
