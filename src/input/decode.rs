//! From raw bytes to text: compression detected by magic bytes (gzip, zstd),
//! a peek at the first bytes of the decompressed stream (binary files, the
//! format of stdin), UTF-8 repair, and the short lower-case messages of the
//! error records (sizes, I/O errors).

use std::io::{self, Cursor, Read};

/// How many decompressed bytes are looked at to tell a binary file (a NUL
/// byte among them) and to sniff the format of stdin.
pub(crate) const SNIFF_LEN: usize = 8192;

/// A readable, sendable byte stream.
pub(crate) type Stream = Box<dyn Read + Send>;

/// Compression of a stream, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// The compression whose magic bytes start `prefix`.
pub(crate) fn detect_compression(prefix: &[u8]) -> Compression {
    if prefix.starts_with(&GZIP_MAGIC) {
        Compression::Gzip
    } else if prefix.starts_with(&ZSTD_MAGIC) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Reads up to `n` bytes (fewer only at the end of the stream).
pub(crate) fn read_prefix(r: &mut dyn Read, n: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n.min(SNIFF_LEN));
    r.take(n as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Reads the first `n` bytes of `r` and gives them back together with a
/// stream that still yields every byte, those included.
pub(crate) fn peek(mut r: Stream, n: usize) -> io::Result<(Vec<u8>, Stream)> {
    let prefix = read_prefix(&mut r, n)?;
    let rest: Stream = Box::new(Cursor::new(prefix.clone()).chain(r));
    Ok((prefix, rest))
}

/// The decompressed stream of `raw`, whatever its compression (told by its
/// magic bytes, not by the file name).
pub(crate) fn decompress(raw: Stream) -> io::Result<Stream> {
    let (magic, raw) = peek(raw, ZSTD_MAGIC.len())?;
    Ok(match detect_compression(&magic) {
        Compression::None => raw,
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(raw)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(raw)?),
    })
}

/// A NUL byte among the first bytes: not a text file.
pub(crate) fn is_binary(prefix: &[u8]) -> bool {
    prefix.iter().take(SNIFF_LEN).any(|&b| b == 0)
}

/// The first byte that is neither ASCII whitespace nor part of a UTF-8 BOM.
pub(crate) fn first_significant_byte(prefix: &[u8]) -> Option<u8> {
    let body = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    body.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// `bytes` as a string, every invalid UTF-8 sequence replaced with U+FFFD,
/// and how many bytes were invalid (0 when none were).
pub(crate) fn repair_utf8(bytes: Vec<u8>) -> (String, usize) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) => {
            let bytes = e.into_bytes();
            let invalid = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            (String::from_utf8_lossy(&bytes).into_owned(), invalid)
        }
    }
}

/// The message of a repaired document.
pub(crate) fn repaired_message(invalid_bytes: usize) -> String {
    let unit = if invalid_bytes == 1 { "byte" } else { "bytes" };
    format!("invalid UTF-8 replaced with U+FFFD ({invalid_bytes} {unit})")
}

/// True when the text holds nothing but whitespace (a BOM counts as such).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// A size for people: `512 bytes`, `3.5 KB`, `210 MB` (binary multiples).
pub(crate) fn format_size(n: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if n < 1024 {
        return if n == 1 {
            "1 byte".into()
        } else {
            format!("{n} bytes")
        };
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = UNITS[0];
    for next in &UNITS[1..] {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    if value < 10.0 {
        let s = format!("{value:.1}");
        let s = s.strip_suffix(".0").unwrap_or(&s);
        format!("{s} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

/// `WHAT of SIZE exceeds the LIMIT limit`; exact byte counts when the rounded
/// sizes would read the same.
pub(crate) fn too_large_message(what: &str, size: u64, limit: u64) -> String {
    let (s, l) = (format_size(size), format_size(limit));
    if s == l {
        format!("{what} of {size} bytes exceeds the {limit} bytes limit")
    } else {
        format!("{what} of {s} exceeds the {l} limit")
    }
}

/// A short lower-case description of an I/O error, without `(os error N)`.
pub(crate) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => return "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => return "permission denied".into(),
        io::ErrorKind::UnexpectedEof => return "unexpected end of file".into(),
        _ => {}
    }
    let text = e.to_string();
    let text = match text.find(" (os error ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let text = text.trim();
    if text.is_empty() {
        "i/o error".into()
    } else {
        text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn read_all(mut s: Stream) -> Vec<u8> {
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn compression_by_magic() {
        assert_eq!(detect_compression(&[0x1f, 0x8b, 8, 0]), Compression::Gzip);
        assert_eq!(
            detect_compression(&[0x28, 0xb5, 0x2f, 0xfd]),
            Compression::Zstd
        );
        assert_eq!(detect_compression(b"Ngoai giao"), Compression::None);
        assert_eq!(detect_compression(&[0x1f]), Compression::None);
        assert_eq!(detect_compression(b""), Compression::None);
    }

    #[test]
    fn decompresses_multi_member_gzip() {
        let mut data = gzip("Hà Nội ".as_bytes());
        data.extend(gzip("và Huế".as_bytes()));
        let out = read_all(decompress(Box::new(Cursor::new(data))).unwrap());
        assert_eq!(String::from_utf8(out).unwrap(), "Hà Nội và Huế");
    }

    #[test]
    fn decompresses_zstd_and_passes_plain_through() {
        let z = zstd::stream::encode_all(&b"abc"[..], 3).unwrap();
        assert_eq!(
            read_all(decompress(Box::new(Cursor::new(z))).unwrap()),
            b"abc"
        );
        assert_eq!(
            read_all(decompress(Box::new(Cursor::new(b"xy".to_vec()))).unwrap()),
            b"xy"
        );
        assert_eq!(
            read_all(decompress(Box::new(Cursor::new(Vec::new()))).unwrap()),
            b""
        );
    }

    #[test]
    fn peek_keeps_every_byte() {
        let (prefix, rest) = peek(Box::new(Cursor::new(b"hello world".to_vec())), 5).unwrap();
        assert_eq!(prefix, b"hello");
        assert_eq!(read_all(rest), b"hello world");
    }

    #[test]
    fn binary_and_significant_bytes() {
        assert!(is_binary(b"ab\0cd"));
        assert!(!is_binary("Việt Nam".as_bytes()));
        assert_eq!(first_significant_byte(b" \n\t{\"a\":1}"), Some(b'{'));
        assert_eq!(first_significant_byte(b"\xEF\xBB\xBF{"), Some(b'{'));
        assert_eq!(first_significant_byte(b"  \n"), None);
    }

    #[test]
    fn repairs_invalid_utf8() {
        let (s, n) = repair_utf8(b"ab\xff\xfecd".to_vec());
        assert_eq!(s, "ab\u{fffd}\u{fffd}cd");
        assert_eq!(n, 2);
        let (s, n) = repair_utf8("Đà Nẵng".as_bytes().to_vec());
        assert_eq!((s.as_str(), n), ("Đà Nẵng", 0));
        // A truncated 3-byte sequence is one replacement for its 2 bytes.
        let (s, n) = repair_utf8(b"x\xe1\xbay".to_vec());
        assert_eq!((s.as_str(), n), ("x\u{fffd}y", 2));
        assert_eq!(
            repaired_message(3),
            "invalid UTF-8 replaced with U+FFFD (3 bytes)"
        );
        assert_eq!(
            repaired_message(1),
            "invalid UTF-8 replaced with U+FFFD (1 byte)"
        );
    }

    #[test]
    fn blank_text() {
        assert!(is_blank(""));
        assert!(is_blank(" \n\t\u{a0}\u{feff}"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(format_size(0), "0 bytes");
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(1023), "1023 bytes");
        assert_eq!(format_size(1024), "1 KB");
        assert_eq!(format_size(3584), "3.5 KB");
        assert_eq!(format_size(64 * 1024 * 1024), "64 MB");
        assert_eq!(format_size(210 * 1024 * 1024), "210 MB");
        assert_eq!(format_size(3 * 1024 * 1024 * 1024), "3 GB");
        assert_eq!(
            too_large_message("line", 210 * 1024 * 1024, 64 * 1024 * 1024),
            "line of 210 MB exceeds the 64 MB limit"
        );
        assert_eq!(
            too_large_message("line", 64 * 1024 * 1024 + 1, 64 * 1024 * 1024),
            "line of 67108865 bytes exceeds the 67108864 bytes limit"
        );
    }

    #[test]
    fn io_messages_are_short_and_lower_case() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(io_message(&e), "no such file or directory");
        let e = io::Error::new(io::ErrorKind::InvalidInput, "Corrupt deflate stream");
        assert_eq!(io_message(&e), "corrupt deflate stream");
        let e = io::Error::other("");
        assert_eq!(io_message(&e), "i/o error");
    }
}
