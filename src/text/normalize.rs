//! Normalization for matching, with a map back to original offsets.
//!
//! [`NormText::new`] turns an article into the text every extractor matches
//! on: the folding of [`crate::fold`] (NFC, look-alikes, spaces, quotes and
//! dashes, runs of spaces as one, old-style tone placement on `oa`/`oe`/`uy`)
//! applied to the whole document, with a map from every offset of the result
//! back to the original. `NormText::new(s).text == fold(s)` for every `s`.
//!
//! The map back to the original is kept small: an anchor is stored only where
//! the byte delta between the two texts changes (pure NFC input with no
//! replacement has a single anchor), looked up by binary search. Character
//! offsets use a checkpoint every 64 bytes of the normalized text, so a lookup
//! never counts more than a block.
//!
//! A normalized span `[s, e)` maps to `[orig(s), orig(e))`, which covers exactly
//! the original characters that produced it: a decomposed sequence that became
//! one character maps to the whole sequence, and a removed zero-width character
//! goes with the character before it (with the one after it at the very start).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::fold::{
    class_table, decode_at, fold_pair, is_boundary, is_invisible, is_nfc_char, is_precomposed,
    map_char, CharTable, Map, BOUNDARY, KEPT, TONED,
};

/// Bytes of normalized text between two character-count checkpoints.
const BLOCK: usize = 64;

/// A point where the normalized → original map changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Normalized byte offset.
    norm: usize,
    /// Original byte offset of `norm`.
    orig: usize,
    /// Original character offset of `norm`.
    ochar: usize,
    /// `true`: offsets after `norm` (up to the next anchor) map byte for byte;
    /// `false`: they all map to `orig` (the inside of a rewritten unit).
    linear: bool,
}

/// A document's text normalized for matching, with a map back to the original.
#[derive(Debug, Clone)]
pub struct NormText {
    /// The normalized text that every extractor matches on.
    pub text: String,
    anchors: Vec<Anchor>,
    /// Original character offset of the first char boundary at or after
    /// `k * BLOCK` in `text`.
    block_chars: Vec<usize>,
    orig_len: usize,
    orig_chars: usize,
}

impl NormText {
    #[inline(never)] // one call per document: stays a frame of its own in profiles
    pub fn new(original: &str) -> NormText {
        let mut b = Builder::new(original);
        b.run();
        b.finish()
    }

    /// Original byte offset of a normalized byte offset (`0..=text.len()`, on a char boundary).
    pub fn orig_byte(&self, norm_byte: usize) -> usize {
        let b = norm_byte.min(self.text.len());
        let a = self.anchors[self.anchor_index(b)];
        let o = if a.linear {
            a.orig + (b - a.norm)
        } else {
            a.orig
        };
        o.min(self.orig_len)
    }

    /// Original character offset of a normalized byte offset.
    pub fn orig_char(&self, norm_byte: usize) -> usize {
        let b = norm_byte.min(self.text.len());
        let a = self.anchors[self.anchor_index(b)];
        if !a.linear {
            return a.ochar.min(self.orig_chars);
        }
        let bytes = self.text.as_bytes();
        let k = b / BLOCK;
        let p = next_boundary(&self.text, k * BLOCK);
        let c = if p <= b && p >= a.norm {
            self.block_chars[k] + count_chars(&bytes[p..b])
        } else {
            a.ochar + count_chars(&bytes[a.norm..b])
        };
        c.min(self.orig_chars)
    }

    /// Original byte range of a normalized byte range.
    pub fn orig_byte_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let s = self.orig_byte(r.start);
        s..self.orig_byte(r.end).max(s)
    }

    /// Original character range (Python-style offsets) of a normalized byte range.
    pub fn orig_char_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let s = self.orig_char(r.start);
        s..self.orig_char(r.end).max(s)
    }

    /// Length of the original text in bytes.
    pub fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// Length of the original text in characters.
    pub fn orig_chars(&self) -> usize {
        self.orig_chars
    }

    /// Number of map anchors (a measure of how much the text was rewritten).
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    fn anchor_index(&self, b: usize) -> usize {
        self.anchors
            .partition_point(|a| a.norm <= b)
            .saturating_sub(1)
    }
}

/// NFC, look-alikes mapped, runs of whitespace as one space, trimmed: for
/// strings written to the output (names, subjects, counted nouns).
///
/// Unlike [`fold`] it keeps the writer's spelling: no tone fold, quotes and
/// dashes as written; only zero-width characters are dropped.
pub fn clean_display(s: &str) -> String {
    // most output strings need nothing: copied as they are
    if is_plain(s.as_bytes()) {
        return s.to_owned();
    }
    // most output strings are already NFC: no composition pass for them
    // Vietnamese letters are precomposed: a string of only those is NFC
    // without asking the tables
    if s.is_ascii() || s.chars().all(is_precomposed) || is_nfc_quick(s.chars()) == IsNormalized::Yes
    {
        clean_chars(s.chars(), s.len())
    } else {
        clean_chars(s.nfc(), s.len())
    }
}

/// `s` is what [`clean_display`] makes of it: no space at either end or
/// twice in a row, no other white space, no control character, and only
/// characters that NFC and the display map keep whatever their neighbours
/// (ASCII, Latin-1 and Latin Extended letters but U+00A0, U+0085, U+00AD,
/// `Ð`, `ð`; Latin Extended Additional).
fn is_plain(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x < 0x20 || (x == b' ' && b.get(i + 1) == Some(&b' ')) {
                return false;
            }
            i += 1;
        } else if (0xC3..=0xCB).contains(&x) {
            // U+00C0..U+02FF: letters that never combine, but Ð and ð
            if x == 0xC3 && matches!(b.get(i + 1), Some(0x90) | Some(0xB0)) {
                return false;
            }
            i += 2;
        } else if x == 0xC2 {
            // U+0080..U+00BF: symbols, but NEL, no-break space, soft hyphen
            if matches!(b.get(i + 1), Some(0x85) | Some(0xA0) | Some(0xAD))
                || b.get(i + 1).is_none_or(|&y| y < 0x80)
            {
                return false;
            }
            i += 2;
        } else if x == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)) {
            // U+1E00..U+1EFF
            i += 3;
        } else {
            return false;
        }
    }
    true
}

fn clean_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        let c = match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            _ => c,
        };
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// End of the span from `i` that normalization leaves unchanged: no
/// replacement, no composition with a following mark, no tone to move, no
/// second space of a run (`space_before`: the output so far ends in one).
fn scan_clean(b: &[u8], i: usize, space_before: bool, t: &CharTable<u8>) -> usize {
    let n = b.len();
    let mut p = i;
    let mut prev = i;
    let end = loop {
        if p >= n {
            return n;
        }
        let x = b[p];
        if x < 0x80 {
            if matches!(x, 9 | 11 | 12 | 13) {
                break p;
            }
            if x == b' '
                && (if p > i {
                    b[p - 1] == b' '
                } else {
                    space_before
                })
            {
                break p;
            }
            prev = p;
            p += 1;
            continue;
        }
        let (c, l) = decode_at(b, p);
        let class = t.get(c);
        if class & BOUNDARY == 0 {
            // the character before combines with this one
            break prev;
        }
        if class & KEPT == 0
            || (class & TONED != 0 && p > 0 && matches!(b[p - 1], b'o' | b'O' | b'u' | b'U'))
        {
            break p;
        }
        prev = p;
        p += l;
    };
    // An `o`/`u` just before the break may take a tone mark from what follows:
    // it goes the slow way, where it is held back.
    if end > i && matches!(b[end - 1], b'o' | b'O' | b'u' | b'U') {
        end - 1
    } else {
        end
    }
}

/// Number of characters in UTF-8 `bytes`: the bytes that are not
/// continuation bytes (`10xxxxxx`), eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut n = 0usize;
    for c in chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // a continuation byte has bit 7 set and bit 6 clear
        let cont = (w >> 7) & !(w >> 6) & LOW;
        n += 8 - cont.count_ones() as usize;
    }
    n + tail.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn next_boundary(s: &str, mut p: usize) -> usize {
    while p < s.len() && !s.is_char_boundary(p) {
        p += 1;
    }
    p.min(s.len())
}

fn first_char(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// An output `o`/`O`/`u`/`U` held back until the next character shows
/// whether the pair's tone mark must move onto it.
#[derive(Debug, Clone, Copy)]
struct Pending {
    c: char,
    os: usize,
    oe: usize,
    ocs: usize,
    oce: usize,
    same: bool,
}

struct Builder<'a> {
    orig: &'a str,
    out: String,
    anchors: Vec<Anchor>,
    /// Original (byte, char) offset that `out.len()` maps to if no anchor is added.
    exp_orig: usize,
    exp_ochar: usize,
    pending: Option<Pending>,
    /// Characters were removed before any output: the first unit starts at 0.
    carry: bool,
    buf: String,
    ochars: usize,
}

impl<'a> Builder<'a> {
    fn new(orig: &'a str) -> Self {
        Builder {
            orig,
            out: String::with_capacity(orig.len()),
            anchors: vec![Anchor {
                norm: 0,
                orig: 0,
                ochar: 0,
                linear: true,
            }],
            exp_orig: 0,
            exp_ochar: 0,
            pending: None,
            carry: false,
            buf: String::new(),
            ochars: 0,
        }
    }

    fn run(&mut self) {
        let orig = self.orig;
        let b = orig.as_bytes();
        let n = b.len();
        let mut i = 0;
        let mut ochar = 0;
        let table = class_table();
        while i < n {
            // Fast path: a span of characters that need no change is copied as is.
            if !self.carry && self.pending.is_none() {
                let end = scan_clean(b, i, self.out.ends_with(' '), table);
                if end > i {
                    let nch = count_chars(&b[i..end]);
                    self.emit_same(i, ochar, &orig[i..end], nch);
                    ochar += nch;
                    i = end;
                    if i >= n {
                        break;
                    }
                }
            }
            // Slow path: one NFC chunk (a starter and what combines with it).
            let c = first_char(orig, i);
            let mut k = i + c.len_utf8();
            let mut nch = 1;
            while k < n {
                let d = first_char(orig, k);
                if is_boundary(d) {
                    break;
                }
                k += d.len_utf8();
                nch += 1;
            }
            self.chunk(i, k, ochar, ochar + nch, c, nch);
            ochar += nch;
            i = k;
        }
        self.ochars = ochar;
    }

    fn finish(mut self) -> NormText {
        if let Some(p) = self.pending.take() {
            self.emit_char(p);
        }
        let n = self.orig.len();
        if self.carry {
            // Everything was removed: the (empty) text maps to the end.
            self.anchors = vec![Anchor {
                norm: 0,
                orig: n,
                ochar: self.ochars,
                linear: true,
            }];
        }
        let text = self.out;
        let anchors = self.anchors;
        let len = text.len();
        let bytes = text.as_bytes();
        let nblocks = len / BLOCK + 1;
        let mut block_chars = Vec::with_capacity(nblocks);
        let mut ai = 0;
        let mut cur_norm = anchors[0].norm;
        let mut cur_oc = anchors[0].ochar;
        for k in 0..nblocks {
            let p = next_boundary(&text, k * BLOCK);
            let mut moved = false;
            while ai + 1 < anchors.len() && anchors[ai + 1].norm <= p {
                ai += 1;
                moved = true;
            }
            let a = anchors[ai];
            if moved {
                cur_norm = a.norm;
                cur_oc = a.ochar;
            }
            if a.linear {
                cur_oc += count_chars(&bytes[cur_norm..p]);
                cur_norm = p;
                block_chars.push(cur_oc);
            } else {
                block_chars.push(a.ochar);
            }
        }
        NormText {
            text,
            anchors,
            block_chars,
            orig_len: n,
            orig_chars: self.ochars,
        }
    }

    fn set_anchor(&mut self, orig: usize, ochar: usize, linear: bool) {
        let norm = self.out.len();
        let a = Anchor {
            norm,
            orig,
            ochar,
            linear,
        };
        match self.anchors.last_mut() {
            Some(last) if last.norm == norm => *last = a,
            _ => self.anchors.push(a),
        }
    }

    /// Output identical to the original bytes `[os, os + s.len())`.
    fn emit_same(&mut self, os: usize, ocs: usize, s: &str, nchars: usize) {
        if self.exp_orig != os || self.exp_ochar != ocs {
            self.set_anchor(os, ocs, true);
        }
        self.out.push_str(s);
        self.exp_orig = os + s.len();
        self.exp_ochar = ocs + nchars;
    }

    /// Output that replaces the original `[os, oe)` as a whole.
    fn emit_changed(&mut self, os: usize, oe: usize, ocs: usize, oce: usize, s: &str) {
        self.set_anchor(os, ocs, false);
        self.out.push_str(s);
        self.set_anchor(oe, oce, true);
        self.exp_orig = oe;
        self.exp_ochar = oce;
    }

    fn emit_char(&mut self, p: Pending) {
        let mut tmp = [0u8; 4];
        let s = p.c.encode_utf8(&mut tmp);
        if p.same {
            self.emit_same(p.os, p.ocs, s, 1);
        } else {
            self.emit_changed(p.os, p.oe, p.ocs, p.oce, s);
        }
    }

    /// Take the start of a unit, absorbing characters removed at the very start.
    fn start(&mut self, os: usize, ocs: usize, same: bool) -> (usize, usize, bool) {
        if self.carry {
            self.carry = false;
            (0, 0, false)
        } else {
            (os, ocs, same)
        }
    }

    fn unit_char(&mut self, os: usize, oe: usize, ocs: usize, oce: usize, c: char, same: bool) {
        let (os, ocs, same) = self.start(os, ocs, same);
        let unit = Pending {
            c,
            os,
            oe,
            ocs,
            oce,
            same,
        };
        if let Some(p) = self.pending.take() {
            if let Some((a, b)) = fold_pair(p.c, c) {
                self.emit_char(Pending {
                    c: a,
                    same: false,
                    ..p
                });
                self.emit_char(Pending {
                    c: b,
                    same: false,
                    ..unit
                });
                return;
            }
            self.emit_char(p);
        }
        if matches!(c, 'o' | 'O' | 'u' | 'U') {
            self.pending = Some(unit);
        } else {
            self.emit_char(unit);
        }
    }

    fn unit_removed(&mut self, oe: usize, oce: usize) {
        if let Some(p) = self.pending.as_mut() {
            p.oe = oe;
            p.oce = oce;
            p.same = false;
        } else if self.out.is_empty() {
            self.carry = true;
        } else if self.exp_orig != oe || self.exp_ochar != oce {
            self.set_anchor(oe, oce, true);
            self.exp_orig = oe;
            self.exp_ochar = oce;
        }
    }

    /// A space now would be the second of a run: it is dropped.
    fn after_space(&self) -> bool {
        self.pending.is_none() && self.out.ends_with(' ')
    }

    fn chunk(&mut self, i: usize, k: usize, ocs: usize, oce: usize, first: char, nch: usize) {
        if nch == 1 && is_nfc_char(first) {
            let mapped = match map_char(first) {
                Map::Keep => Some(first),
                Map::To(c) => Some(c),
                Map::Remove => None,
            };
            if mapped == Some(' ') && self.after_space() {
                return self.unit_removed(k, oce);
            }
            match map_char(first) {
                Map::Keep => self.unit_char(i, k, ocs, oce, first, true),
                Map::To(c) => self.unit_char(i, k, ocs, oce, c, c.len_utf8() == first.len_utf8()),
                Map::Remove => self.unit_removed(k, oce),
            }
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        for ch in self.orig[i..k].chars().nfc() {
            let c = match map_char(ch) {
                Map::Keep => ch,
                Map::To(c) => c,
                Map::Remove => continue,
            };
            if c == ' ' && (buf.ends_with(' ') || (buf.is_empty() && self.after_space())) {
                continue;
            }
            buf.push(c);
        }
        let mut it = buf.chars();
        let single = match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        if buf.is_empty() {
            self.unit_removed(k, oce);
        } else if let Some(c) = single {
            self.unit_char(i, k, ocs, oce, c, false);
        } else {
            if let Some(p) = self.pending.take() {
                let first = buf.chars().next().unwrap_or(' ');
                if let Some((a, b)) = fold_pair(p.c, first) {
                    // `o` + `é` + a mark that does not compose: the tone still moves
                    self.emit_char(Pending {
                        c: a,
                        same: false,
                        ..p
                    });
                    let mut rest = String::with_capacity(buf.len());
                    rest.push(b);
                    rest.push_str(&buf[first.len_utf8()..]);
                    let (os, ocs, _) = self.start(i, ocs, false);
                    self.emit_changed(os, k, ocs, oce, &rest);
                    self.buf = buf;
                    return;
                }
                self.emit_char(p);
            }
            let same = buf == self.orig[i..k];
            let (os, ocs, same) = self.start(i, ocs, same);
            if same {
                self.emit_same(os, ocs, &buf, nch);
            } else {
                self.emit_changed(os, k, ocs, oce, &buf);
            }
        }
        self.buf = buf;
    }
}

#[cfg(test)]
mod tests;
