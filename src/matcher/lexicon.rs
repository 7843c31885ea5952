//! The lexicon: every phrase list of every extractor, each registered as a
//! set ([`PhraseSet`]), compiled at start-up into ONE Aho-Corasick automaton.
//!
//! The automaton reads tokens, not characters. Every distinct lower-case
//! word of every phrase gets a number; a phrase is the sequence of the
//! numbers of its tokens (folded like the text by `crate::fold::fold`, then
//! tokenized), written as bytes: two per token, the first with its high bit
//! set and the second without, so a match can only begin and end on a token
//! edge. A document is read the same way: each token is looked up once
//! (a word no phrase has, and a line break, get numbers no phrase holds),
//! and one overlapping pass of the automaton over these bytes gives every
//! whole-token occurrence of every phrase. Spacing never matters (`km/h`
//! and `km / h` are the same three tokens), as with the token comparisons
//! this replaces.
//!
//! One pattern stands for every entry with the same tokens: `tăng` of the
//! change words and `tăng` of the task verbs are one pattern with two
//! entries. An entry added case-sensitively keeps its words as written and
//! is checked against the tokens of a hit.
//!
//! Invariants: a set's id is its index; an entry's `value` indexes its set's
//! payloads; a pattern's `mask` has the bit of every set it has an entry of;
//! word numbers 0 (unknown) and 1 (line break) are in no pattern.

use daachorse::DoubleArrayAhoCorasick;
use rustc_hash::FxHashMap as HashMap;

use super::token::{tokenize, TokKind, Token};
use crate::fold::{fold, lower};

/// Sets a [`SetMask`] tells apart; more sets than this are refused when
/// the lexicon is built (a shared bit would send every query of the sets
/// sharing it to the slow path).
pub const MAX_SETS: usize = 256;

/// One bit per set: which sets have a phrase at a token, or which sets an
/// extractor is woken by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetMask([u64; MAX_SETS / 64]);

impl SetMask {
    pub const EMPTY: SetMask = SetMask([0; MAX_SETS / 64]);

    /// The mask of the one set of `bit`.
    fn bit(bit: SetBit) -> SetMask {
        let mut m = SetMask::EMPTY;
        m.0[bit.word as usize] = bit.bits;
        m
    }

    /// Whether the two masks share a set.
    #[inline]
    pub fn intersects(&self, other: &SetMask) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    /// The words OR-ed into one: bit `i % 64` is set when a set `i` is.
    #[inline]
    pub(crate) fn folded(&self) -> u64 {
        self.0.iter().fold(0, |a, w| a | w)
    }

    /// Whether the mask has the one set of `bit`: one word, one AND.
    #[inline]
    pub(crate) fn has(&self, bit: SetBit) -> bool {
        self.0[bit.word as usize & (MAX_SETS / 64 - 1)] & bit.bits != 0
    }
}

/// The bit of one set, as the word of a [`SetMask`] it is in and its bit
/// there: the per-token test of a query costs one AND.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SetBit {
    word: u8,
    bits: u64,
}

impl SetBit {
    fn of(id: u16) -> SetBit {
        let i = (id as usize).min(MAX_SETS - 1);
        SetBit {
            word: (i / 64) as u8,
            bits: 1 << (i % 64),
        }
    }

    /// Whether a [`SetMask::folded`] mask may hold this set (its bit is
    /// set; other sets share it).
    #[inline]
    pub(crate) fn in_folded(&self, folded: u64) -> bool {
        folded & self.bits != 0
    }
}

impl std::ops::BitOr for SetMask {
    type Output = SetMask;
    #[inline]
    fn bitor(mut self, o: SetMask) -> SetMask {
        self |= o;
        self
    }
}

impl std::ops::BitOrAssign for SetMask {
    #[inline]
    fn bitor_assign(&mut self, o: SetMask) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a |= b;
        }
    }
}

/// The bit of set `id`.
pub(crate) fn set_bit(id: u16) -> SetMask {
    SetMask::bit(SetBit::of(id))
}

/// The number of a word no phrase has.
pub(crate) const UNKNOWN: u32 = 0;
/// The number of a line break.
pub(crate) const NEWLINE: u32 = 1;

/// One phrase of one set, behind an automaton pattern.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) set: u16,
    pub(crate) value: u32,
    /// The words as written (folded, not lower-cased) for a case-sensitive entry.
    pub(crate) exact: Option<Box<[Box<str>]>>,
}

/// An automaton pattern: a sequence of words and its entries, in the order
/// they were added.
#[derive(Debug, Clone, Default)]
pub struct Pattern {
    pub(crate) mask: SetMask,
    /// Number of tokens.
    pub(crate) len: u32,
    pub(crate) entries: Vec<Entry>,
}

/// A set of phrases with a payload each: a handle into the lexicon, queried
/// on the tokens of a sentence (see `matcher::Tok`).
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    pub(crate) id: u16,
    pub(crate) bit: SetMask,
    pub(crate) one: SetBit,
    pub(crate) values: Vec<T>,
}

impl<T> PhraseSet<T> {
    /// The set's bit, to build an extractor's trigger mask.
    pub fn mask(&self) -> SetMask {
        self.bit
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }
}

/// Collects the sets of every extractor; [`LexiconBuilder::build`] compiles them.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    words: HashMap<Box<str>, u32>,
    keys: HashMap<Vec<u32>, u32>,
    patterns: Vec<Pattern>,
    seqs: Vec<Vec<u32>>,
    names: Vec<String>,
}

impl LexiconBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new, empty set; `name` is for diagnostics.
    pub fn set<T>(&mut self, name: &str) -> PhraseSet<T> {
        // sets are made by the extractors' code, not by the rules: the
        // embedded set count is pinned by a test in `pipeline`
        debug_assert!(
            self.names.len() < MAX_SETS,
            "more than {MAX_SETS} phrase sets"
        );
        let id = u16::try_from(self.names.len()).unwrap_or(u16::MAX);
        self.names.push(name.to_string());
        PhraseSet {
            id,
            bit: set_bit(id),
            one: SetBit::of(id),
            values: Vec::new(),
        }
    }

    fn word(&mut self, w: &str) -> u32 {
        let next = self.words.len() as u32 + 2;
        *self.words.entry(w.into()).or_insert(next)
    }

    /// Add one phrase to `set` with its payload. A phrase that folds to no
    /// token is ignored.
    pub fn add<T>(&mut self, set: &mut PhraseSet<T>, phrase: &str, case_sensitive: bool, value: T) {
        let f = fold(phrase);
        let toks: Vec<Token> = tokenize(&f, 0..f.len())
            .into_iter()
            .filter(|t| t.kind != TokKind::Newline)
            .collect();
        if toks.is_empty() {
            return;
        }
        let seq: Vec<u32> = toks.iter().map(|t| self.word(&lower(t.text(&f)))).collect();
        let exact: Option<Box<[Box<str>]>> = case_sensitive.then(|| {
            toks.iter()
                .map(|t| t.text(&f).into())
                .collect::<Vec<Box<str>>>()
                .into_boxed_slice()
        });
        let vi = u32::try_from(set.values.len()).unwrap_or(u32::MAX);
        set.values.push(value);
        let next = self.patterns.len() as u32;
        let pid = *self.keys.entry(seq.clone()).or_insert(next) as usize;
        if pid == self.patterns.len() {
            self.patterns.push(Pattern {
                len: seq.len() as u32,
                ..Pattern::default()
            });
            self.seqs.push(seq);
        }
        let p = &mut self.patterns[pid];
        p.mask |= set.bit;
        p.entries.push(Entry {
            set: set.id,
            value: vi,
            exact,
        });
    }

    /// Every phrase of `list` with the same payload, without case.
    pub fn list<T: Clone, S: AsRef<str>>(
        &mut self,
        name: &str,
        list: &[S],
        value: T,
    ) -> PhraseSet<T> {
        let mut set = self.set(name);
        for s in list {
            self.add(&mut set, s.as_ref(), false, value.clone());
        }
        set
    }

    /// Every phrase of `list` with the same payload, compared with case.
    pub fn list_exact<T: Clone, S: AsRef<str>>(
        &mut self,
        name: &str,
        list: &[S],
        value: T,
    ) -> PhraseSet<T> {
        let mut set = self.set(name);
        for s in list {
            self.add(&mut set, s.as_ref(), true, value.clone());
        }
        set
    }

    /// Compile every pattern into one automaton.
    pub fn build(self) -> Lexicon {
        let width = Width::for_words(self.words.len() + 2);
        // one-token patterns are found by the word look-up itself; the
        // automaton holds the phrases of two tokens and more
        let mut single = vec![NONE; self.words.len() + 2];
        let mut encoded: Vec<(Vec<u8>, u32)> = Vec::new();
        for (pid, seq) in self.seqs.iter().enumerate() {
            if let [w] = seq[..] {
                single[w as usize] = pid as u32;
                continue;
            }
            let mut b = Vec::with_capacity(seq.len() * width.0);
            for &w in seq {
                width.push(w, &mut b);
            }
            encoded.push((b, pid as u32));
        }
        let nfa = if encoded.is_empty() {
            None
        } else {
            DoubleArrayAhoCorasick::with_values(encoded).ok()
        };
        let table = WordTable::new(&self.words);
        Lexicon {
            nfa,
            width,
            words: self.words,
            table,
            single,
            patterns: self.patterns,
            names: self.names,
        }
    }
}

/// No pattern.
pub(crate) const NONE: u32 = u32::MAX;

/// Lower-case word → number: open addressing over keys of up to 16 bytes
/// held inline (no pointer to follow, no `memcmp`), a map for longer words.
#[derive(Debug, Clone)]
pub(crate) struct WordTable {
    slots: Vec<Slot>,
    bits: u32,
    long: HashMap<Box<str>, u32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    /// 0: empty.
    id: u32,
    len: u8,
}

/// The inline key of a word of at most 16 bytes: its bytes, little-endian,
/// zero-padded (read in at most four loads, never through a copy).
#[inline]
fn short_key(b: &[u8]) -> [u64; 2] {
    if b.len() > 8 {
        [load_le(&b[..8]), load_le(&b[8..])]
    } else {
        [load_le(b), 0]
    }
}

/// The bytes of `b` (at most 8) as a little-endian number, zero-padded.
#[inline]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as u64;
    match n {
        8.. => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        // two loads that overlap: the shared bytes are the same on both sides
        4..=7 => u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))),
        2..=3 => u16::from_le_bytes([b[0], b[1]]) as u64 | ((b[n - 1] as u64) << (8 * (n - 1))),
        1 => b[0] as u64,
        0 => 0,
    }
}

impl WordTable {
    fn new(words: &HashMap<Box<str>, u32>) -> WordTable {
        let short = words.keys().filter(|w| w.len() <= 16).count();
        let bits = (short * 2).max(16).next_power_of_two().trailing_zeros();
        let mut t = WordTable {
            slots: vec![Slot::default(); 1 << bits],
            bits,
            long: HashMap::default(),
        };
        for (w, &id) in words {
            if w.len() > 16 {
                t.long.insert(w.clone(), id);
                continue;
            }
            let key = short_key(w.as_bytes());
            let mut i = t.slot_of(key);
            while t.slots[i].id != 0 {
                i = (i + 1) & ((1 << bits) - 1);
            }
            t.slots[i] = Slot {
                key,
                id,
                len: w.len() as u8,
            };
        }
        t
    }

    #[inline]
    fn slot_of(&self, key: [u64; 2]) -> usize {
        let x = key[0] ^ key[1].rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    #[inline]
    fn get(&self, b: &[u8]) -> u32 {
        if b.len() > 16 {
            let w = std::str::from_utf8(b).unwrap_or("");
            return self.long.get(w).copied().unwrap_or(UNKNOWN);
        }
        let key = short_key(b);
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let s = &self.slots[i];
            if s.id == 0 {
                return UNKNOWN;
            }
            if s.key == key && s.len as usize == b.len() {
                return s.id;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Bytes per word number: 2 (14 bits) or, for a very large lexicon, 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Width(pub(crate) usize);

impl Width {
    fn for_words(n: usize) -> Width {
        if n < (1 << 14) {
            Width(2)
        } else {
            Width(3)
        }
    }

    /// Append the bytes of word number `w`: the first with its high bit set.
    #[inline]
    pub(crate) fn push(self, w: u32, out: &mut Vec<u8>) {
        if self.0 == 2 {
            out.push(0x80 | ((w >> 7) & 0x7F) as u8);
            out.push((w & 0x7F) as u8);
        } else {
            out.push(0x80 | ((w >> 14) & 0x7F) as u8);
            out.push(((w >> 7) & 0x7F) as u8);
            out.push((w & 0x7F) as u8);
        }
    }
}

/// Every phrase of every set, compiled.
#[derive(Clone)]
pub struct Lexicon {
    /// The phrases of two tokens and more (payload: the pattern index);
    /// `None` when there is none.
    pub(crate) nfa: Option<DoubleArrayAhoCorasick<u32>>,
    pub(crate) width: Width,
    /// Lower-case word → its number.
    pub(crate) words: HashMap<Box<str>, u32>,
    table: WordTable,
    /// Word number → the pattern of that one word (`NONE` when none).
    pub(crate) single: Vec<u32>,
    pub(crate) patterns: Vec<Pattern>,
    names: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("patterns", &self.patterns.len())
            .field("words", &self.words.len())
            .field("sets", &self.names.len())
            .finish()
    }
}

impl Lexicon {
    /// Bytes of heap the automaton uses.
    pub fn automaton_bytes(&self) -> usize {
        self.nfa.as_ref().map_or(0, |a| a.heap_bytes())
    }

    /// Number of automaton patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Number of distinct words in the patterns.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Number of sets.
    pub fn set_count(&self) -> usize {
        self.names.len()
    }

    /// The name a set was registered under.
    pub fn set_name(&self, id: u16) -> Option<&str> {
        self.names.get(id as usize).map(String::as_str)
    }

    /// The number of a lower-case word (`UNKNOWN` when no phrase has it).
    #[inline]
    pub(crate) fn word(&self, w: &[u8]) -> u32 {
        self.table.get(w)
    }

    /// The one-word pattern of word number `w`.
    #[inline]
    pub(crate) fn single(&self, w: u32) -> Option<&Pattern> {
        let pid = *self.single.get(w as usize)?;
        self.patterns.get(pid as usize)
    }
}
