//! What surrounds a citation: the issuer written after it (`của …`) or as
//! the subject of an issuing verb before it, and its date (after the code,
//! opening the clause, or on the line below a `Số:` header).

use std::ops::Range;

use super::{Head, LegalExtractor, Tail};
use crate::matcher::{is_capitalized, Tok};
use crate::text::date::{date_at, find_dates, DateMatch};

impl LegalExtractor {
    /// The issuer written from token `p` (after `của`): the token after it.
    pub(super) fn written_issuer(&self, t: &[Tok<'_>], p: usize) -> Option<usize> {
        self.sitting(t, p).or_else(|| self.body_issuer(t, p))
    }

    /// A sitting of a body from token `p`, through the body's term: `Hội
    /// nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII`, `Kỳ họp
    /// thứ 7 Quốc hội khóa XV`.
    fn sitting(&self, t: &[Tok<'_>], p: usize) -> Option<usize> {
        if !is_capitalized(t.get(p)?.raw) {
            return None;
        }
        let (n, _) = self.sitting_heads.match_at(t, p)?;
        let mut k = p + n;
        if let Some((m, _)) = self.sitting_ordinal.match_at(t, k) {
            if t.get(k + m).is_some_and(|x| x.is_word() || x.is_number()) {
                k += m + 1;
            }
        }
        let mut e = self.body_issuer(t, k)?;
        if let Some((m, _)) = self.sitting_term.match_at(t, e) {
            if t.get(e + m).is_some_and(|x| x.is_word() || x.is_number()) {
                e += m + 1;
            }
        }
        Some(e)
    }

    /// A body's name from token `p`: a listed name, or an opener and the
    /// capitalised words after it, with a place part.
    fn body_issuer(&self, t: &[Tok<'_>], p: usize) -> Option<usize> {
        let first = t.get(p)?;
        if !first.is_word() || !is_capitalized(first.raw) {
            return None;
        }
        let (n, &head) = match self.issuer_heads.match_at(t, p) {
            Some(h) => h,
            None if self.place_first => return self.place_then_local(t, p),
            None => return None,
        };
        let mut e = p + n;
        let mut head = head;
        // `Bộ trưởng Bộ Công Thương`, `Chủ tịch UBND tỉnh`: a whole name after an opener
        if head == Head::Opener {
            if let Some((m, &h)) = self.issuer_heads.match_at(t, e) {
                if h != Head::Opener && is_capitalized(t[e].raw) {
                    e += m;
                    head = h;
                }
            }
        }
        if head == Head::Opener {
            let e2 = self.name_run(t, e);
            if e2 == e {
                return None;
            }
            e = e2;
        }
        if let Some((m, _)) = self.place_words.match_at(t, e) {
            e = self.cap_run(t, e + m);
        } else if head == Head::Local && !self.place_first {
            e = self.cap_run(t, e);
        }
        Some(e)
    }

    /// `Hanoi People's Committee`: a capitalised place name from token `p`,
    /// then a local body (`place_first`); the end of the body.
    fn place_then_local(&self, t: &[Tok<'_>], p: usize) -> Option<usize> {
        let run = self.cap_run(t, p);
        (p + 1..=run.min(t.len().saturating_sub(1))).find_map(|q| {
            match self.issuer_heads.match_at(t, q) {
                Some((n, Head::Local)) => Some(q + n),
                _ => None,
            }
        })
    }

    /// The issuer written after a lead that ends before token `p`, an
    /// article (`articles`) allowed first: its first token and its end.
    pub(super) fn issuer_after_lead(&self, t: &[Tok<'_>], p: usize) -> Option<(usize, usize)> {
        if let Some((m, _)) = self.articles.match_at(t, p) {
            if let Some(e) = self.written_issuer(t, p + m) {
                return Some((p + m, e));
            }
        }
        self.written_issuer(t, p).map(|e| (p, e))
    }

    /// Token `start` of a citation, or of the article right before it
    /// (`issued the Directive …`).
    fn before_article(&self, t: &[Tok<'_>], start: usize) -> usize {
        self.articles
            .match_before(t, start)
            .map_or(start, |(s, _)| s)
    }

    /// `Government Resolution …`, `the Prime Minister's Directive …`
    /// (`attributive`): the first token of a body written right before the
    /// type word at token `start`, or before a possessive and the type word.
    pub(super) fn attributive_issuer(&self, t: &[Tok<'_>], start: usize) -> Option<usize> {
        if !self.attributive {
            return None;
        }
        let end = self
            .possessive
            .match_before(t, start)
            .map_or(start, |(s, _)| s);
        (start.saturating_sub(self.max_before)..end).find(|&s| {
            self.written_issuer(t, s) == Some(end)
                && t[s..end]
                    .iter()
                    .all(|x| x.kind != crate::matcher::TokKind::Newline)
        })
    }

    /// The date and written issuer after a citation ending before token `p`.
    pub(super) fn tail(&self, text: &str, t: &[Tok<'_>], p: usize) -> Tail {
        let mut tail = Tail {
            next: p,
            ..Tail::default()
        };
        for _ in 0..2 {
            let mut q = tail.next;
            let paren = q < t.len() && t[q].is_symbol("(");
            if q < t.len() && (t[q].is_symbol(",") || paren) {
                q += 1;
            }
            if tail.date.is_none() && q < t.len() {
                let mut r = q;
                if let Some((n, _)) = self.issued_lead.match_at(t, r) {
                    r += n;
                }
                if let Some(d) = t.get(r).and_then(|x| date_at(text, x.start)) {
                    let mut next = t.partition_point(|x| x.start < d.range.end);
                    // `…15-CT/TW của Ban Bí thư, ngày 20/2/2023, Chính phủ
                    // ban hành …`: a date between commas opens the next clause
                    // (unless a lead binds it: `…, dated June 5, 2024, …`)
                    let bound = self.lead_binds && r > q;
                    if !bound
                        && t[tail.next].is_symbol(",")
                        && next < t.len()
                        && t[next].is_symbol(",")
                    {
                        break;
                    }
                    let mut end = d.range.end;
                    if paren && next < t.len() && t[next].is_symbol(")") {
                        end = t[next].end;
                        next += 1;
                    }
                    tail.next = next;
                    tail.end = Some(end);
                    tail.date = Some(d);
                    continue;
                }
            }
            if tail.issuer.is_none() {
                if let Some((n, _)) = self.issuer_lead.match_at(t, q) {
                    if let Some((a, e)) = self.issuer_after_lead(t, q + n) {
                        tail.issuer = Some(t[a].start..t[e - 1].end);
                        tail.end = Some(t[e - 1].end);
                        tail.next = e;
                        continue;
                    }
                }
            }
            break;
        }
        tail
    }

    /// What stands before a citation whose type word is token `start`: a
    /// body written right before it (`Government Resolution`, `the Prime
    /// Minister's Directive`), when `attributive` may be read, else the
    /// subject of an issuing verb ([`Self::before`]); and the date that opens
    /// the clause. Returns the citation's first token (the body's, when one
    /// is written before it), the written issuer and the date.
    pub(super) fn issuer_before(
        &self,
        text: &str,
        t: &[Tok<'_>],
        start: usize,
        attributive: bool,
    ) -> (usize, Option<Range<usize>>, Option<DateMatch>) {
        let attr = attributive
            .then(|| self.attributive_issuer(t, start))
            .flatten();
        let (subject, date) = self.before(text, t, attr.unwrap_or(start));
        let subject = attr
            .map(|a| {
                let e = self
                    .possessive
                    .match_before(t, start)
                    .map_or(start, |(s, _)| s);
                t[a].start..t[e - 1].end
            })
            .or(subject);
        (attr.unwrap_or(start), subject, date)
    }

    /// Before a citation that starts at token `start`, when an issuing verb
    /// introduces it (`ban hành`, `vừa ký`): the issuer written as the verb's
    /// subject (`Ban Bí thư ban hành Chỉ thị …`), and the date that opens
    /// the clause (`Ngày 10/8/2022, Ban Bí thư ban hành …`).
    pub(super) fn before(
        &self,
        text: &str,
        t: &[Tok<'_>],
        start: usize,
    ) -> (Option<Range<usize>>, Option<DateMatch>) {
        let start = self.before_article(t, start);
        // `theo chỉ đạo của UBND tỉnh tại Văn bản số 6099/UBND-VP`
        if let Some(at) = self.owner_at(t, start) {
            return (Some(at), None);
        }
        let Some((v, _)) = self.issuer_verbs.match_before(t, start) else {
            return (None, None);
        };
        let mut k = v;
        while let Some((a, _)) = self.issuer_adverbs.match_before(t, k) {
            k = a;
        }
        let mut subject = None;
        let mut lead = k;
        for s in k.saturating_sub(self.max_before)..k {
            if let Some(e) = self.written_issuer(t, s) {
                // `Thủ tướng Phạm Minh Chính ký`, `Ban Bí thư Trung ương Đảng đã
                // ban hành`: the office as listed, then the rest of the name
                if e == k || (e < k && self.name_run(t, e) == k) {
                    subject = Some(t[s].start..t[e - 1].end);
                    lead = s;
                    break;
                }
            }
        }
        // `On June 5, 2024, the Government issued …`
        let lead = self.before_article(t, lead);
        (subject, self.date_before(text, t, lead))
    }

    /// `của X tại` right before token `start`: the issuer X, written
    /// before the citation it is the author of.
    fn owner_at(&self, t: &[Tok<'_>], start: usize) -> Option<Range<usize>> {
        let (at, _) = self.issuer_at.match_before(t, start)?;
        (at.saturating_sub(self.max_before)..at)
            .rev()
            .find_map(|s| {
                let (n, _) = self.issuer_lead.match_at(t, s)?;
                let (a, e) = self.issuer_after_lead(t, s + n)?;
                (e == at).then(|| t[a].start..t[at - 1].end)
            })
    }

    /// A date followed by a comma right before token `lead`: `ngày
    /// 11/10/2021, Chính phủ ban hành …`, `On June 5, 2024, the Government
    /// issued …` (a date with its month in words needs no `ngày`).
    pub(super) fn date_before(&self, text: &str, t: &[Tok<'_>], lead: usize) -> Option<DateMatch> {
        if !self.sentence_date || lead < 2 || !t[lead - 1].is_symbol(",") {
            return None;
        }
        let end = t[lead - 2].end;
        (lead.saturating_sub(10)..lead - 1)
            .filter(|&j| t[j].low == "ngày" || t[j].is_cap() || t[j].is_number())
            .find_map(|j| {
                date_at(text, t[j].start)
                    .filter(|d| d.range.end == end && (t[j].low == "ngày" || d.month_word))
            })
    }

    /// The issue date of a header `Số: 1583/CĐ-VPCP`: the first full date in
    /// the next few non-empty lines.
    pub(super) fn header_date(&self, text: &str, from: usize) -> Option<String> {
        let mut pos = text[from..].find('\n').map(|i| from + i + 1)?;
        let mut seen = 0;
        while pos < text.len() && seen < self.header_lines {
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            if !text[pos..end].trim().is_empty() {
                seen += 1;
                if let Some(iso) = find_dates(text, pos..end).iter().find_map(DateMatch::iso) {
                    return Some(iso);
                }
            }
            pos = end + 1;
        }
        None
    }
}
