//! The HTML of the review: one page per document (the article with every
//! extraction highlighted, a legend with toggles, a side panel and a card
//! per extraction) and the index of documents, with the escaping every
//! string from a run or an article goes through.
//!
//! Pages are self-contained: inline CSS, a few lines of inline JS, no
//! network, no fonts or images. Without JS a page still shows the
//! highlights, the toggles (CSS `:has`) and every card; the JS adds the
//! panel on hover/click, the index filter and `n`/`p` keys; `#at-q:3` or
//! `?x=q:3` in a page's address shows that extraction in the panel.
//!
//! In the article, each segment of text (see `segments`) is wrapped in one
//! element per extraction covering it, outermost first:
//! `<span class="x q l0" data-x="q:3">…</span>`. The text of the elements
//! whose `data-x` is an extraction's id, in document order, is exactly the
//! text it covers; the first of them also has `id="at-q:3"`. Each row has a
//! card (`id="card-p:1"` for every mention `p:1.N` of person 1).

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

use super::record::{DocView, Extraction, Table};
use super::segments::{byte_offsets, segments, Span};

/// Background and line colour of each table, in [`Table::ALL`] order.
const COLOURS: [(&str, &str); 6] = [
    ("#ffe0b8", "#e8590c"),
    ("#cfe6ff", "#1864ab"),
    ("#c6f0cf", "#2b8a3e"),
    ("#c5f3f8", "#0b7285"),
    ("#e5dbff", "#6741d9"),
    ("#ffe3ec", "#c2255c"),
];

/// Appends `s` to `out`, safe as HTML text and as a quoted attribute value.
/// CR is written as a reference (a raw one would be dropped from a CRLF by
/// the parser) and NUL as U+FFFD (what a parser makes of it).
pub fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\r' => "&#13;",
            '\0' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

/// `s` escaped (see [`escape_into`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// The CSS shared by every page.
fn css() -> String {
    let mut s = String::from(
        "*{box-sizing:border-box}\
body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif;margin:0;color:#212529;background:#f1f3f5}\
a{color:#1864ab}\
.bar{position:sticky;top:0;z-index:2;display:flex;gap:18px;align-items:center;background:#343a40;color:#fff;padding:7px 16px}\
.bar a{color:#fff}.bar .sp{flex:1}\
.pad{margin:10px 16px}\
h1{font-size:21px;margin:12px 16px 4px}h2{font-size:17px;margin:18px 0 6px}h3{font-size:15px;margin:12px 0 4px}\
.meta{color:#495057;font-size:13px;margin:0 16px}.meta code{background:#e9ecef;padding:0 3px;border-radius:3px}\
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;margin:10px 16px;padding:7px 12px;background:#fff;border:1px solid #dee2e6;border-radius:6px}\
.legend label{cursor:pointer;white-space:nowrap}\
.sw{display:inline-block;width:22px;height:14px;margin:0 5px 0 3px;vertical-align:-2px;border-bottom:3px solid}\
.warn{margin:10px 16px;background:#fff3cd;border:1px solid #ffda6a;padding:8px 12px;border-radius:6px}\
.main{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:16px;margin:10px 16px}\
#text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.3;font-size:16px;background:#fff;padding:14px 20px;border:1px solid #dee2e6;border-radius:6px}\
#panel{position:sticky;top:46px;align-self:start;max-height:calc(100vh - 56px);overflow:auto;background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:8px 10px}\
#panel .hint{color:#868e96;margin:4px 0}\
.x{padding:2px 0;border-bottom:2px solid;cursor:pointer}.x.l1{padding-bottom:6px}.x.l2{padding-bottom:10px}\
.x.hl{outline:2px solid #212529;outline-offset:1px}\
.card{background:#fff;border:1px solid #dee2e6;border-left:6px solid;border-radius:4px;padding:5px 10px;margin:6px 0;font-size:14px}\
.card .ch{font-weight:600}.card .tn{color:#868e96;font-weight:400;font-size:12px;margin-right:6px}.card .ch a{font-weight:400;font-family:monospace;margin-right:6px}\
.card dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:1px 10px;margin:4px 0}\
.card dt{color:#868e96}.card dd{margin:0;overflow-wrap:anywhere}\
.note{color:#b02a37;margin:3px 0}\
#cards{margin:0 16px 40px}\
.filters{margin:10px 16px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}\
table.docs{border-collapse:collapse;background:#fff;margin:0 16px 40px;font-size:14px}\
.docs th,.docs td{border:1px solid #dee2e6;padding:3px 7px;text-align:left;vertical-align:top}\
.docs td.n{text-align:right;font-variant-numeric:tabular-nums}.docs td.z{color:#ced4da}\
.docs th{background:#e9ecef;position:sticky;top:0}\
",
    );
    for (t, (bg, line)) in Table::ALL.iter().zip(COLOURS) {
        let l = t.letter();
        let _ = write!(
            s,
            ".x.{l},.sw.{l}{{background:{bg};border-color:{line}}}\
.card.{l}{{border-left-color:{line}}}.docs th.{l}{{border-bottom:3px solid {line}}}\
body:has(#t-{l}:not(:checked)) .x.{l}{{background:none;border-color:transparent;cursor:auto}}\
body:has(#t-{l}:not(:checked)) .card.{l}{{display:none}}"
        );
    }
    s
}

/// The inline script of a document page: the panel, pinning, `n`/`p`.
const DOC_JS: &str = r#"(function(){
var text=document.getElementById('text'),panel=document.getElementById('panel'),pinned=false,lit=[];
function ids(el){var r=[];for(;el&&el!==text&&el.getAttribute;el=el.parentNode){var x=el.getAttribute('data-x');if(x&&getComputedStyle(el).cursor==='pointer')r.push(x);}return r;}
function show(el){var l=ids(el);if(!l.length)return false;
lit.forEach(function(e){e.classList.remove('hl');});
lit=Array.prototype.slice.call(document.querySelectorAll('[data-x="'+l[0]+'"]'));
lit.forEach(function(e){e.classList.add('hl');});
panel.textContent='';
var done={};l.forEach(function(id){var row=id.replace(/\.\d+$/,'');if(done[row])return;done[row]=1;var c=document.getElementById('card-'+row);if(c){var k=c.cloneNode(true);k.removeAttribute('id');panel.appendChild(k);}});
return true;}
if(text){text.addEventListener('mouseover',function(e){if(!pinned)show(e.target);});
text.addEventListener('click',function(e){pinned=show(e.target);});}
document.getElementById('cards').addEventListener('click',function(e){var a=e.target.closest('a[data-go]');if(!a)return;var el=document.getElementById('at-'+a.getAttribute('data-go'));if(el)pinned=show(el);});
document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey||/INPUT|SELECT|TEXTAREA/.test(e.target.tagName))return;var r=e.key==='n'?'next':e.key==='p'?'prev':null;var a=r&&document.querySelector('a[rel='+r+']');if(a)location.href=a.href;});
function pin(id){var el=id&&document.getElementById('at-'+id);if(el)pinned=show(el);}
var q=/[?&]x=([a-z0-9:.]+)/.exec(location.search);pin(q&&q[1]);
if(location.hash.indexOf('#at-')===0)pin(location.hash.slice(4));
window.addEventListener('hashchange',function(){if(location.hash.indexOf('#at-')===0)pin(location.hash.slice(4));});
document.body.setAttribute('data-js','ok');
})();"#;

/// The inline script of the index: the filter by table and by words.
const INDEX_JS: &str = r#"(function(){
var f=document.getElementById('f'),s=document.getElementById('s'),out=document.getElementById('shown');
var rows=Array.prototype.slice.call(document.querySelectorAll('#docs tbody tr'));
var words=rows.map(function(r){return (r.cells[1].textContent+' '+r.cells[2].textContent).toLowerCase();});
function apply(){var t=f.value,q=s.value.toLowerCase().trim(),n=0;
rows.forEach(function(r,i){var ok=(!t||+r.getAttribute('data-'+t)>0)&&(!q||words[i].indexOf(q)>=0);r.hidden=!ok;if(ok)n++;});
out.textContent=n+' of '+rows.length+' documents shown';}
f.addEventListener('change',apply);s.addEventListener('input',apply);apply();
document.body.setAttribute('data-js','ok');
})();"#;

fn head(out: &mut String, title: &str, lang: &str) {
    out.push_str("<!DOCTYPE html>\n<html");
    if !lang.is_empty() {
        out.push_str(" lang=\"");
        escape_into(out, lang);
        out.push('"');
    }
    out.push_str("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
    escape_into(out, title);
    out.push_str("</title><style>");
    out.push_str(&css());
    out.push_str("</style></head>\n");
}

/// Where a document page stands among the pages.
#[derive(Debug, Clone, Copy)]
pub struct Nav {
    /// 1-based number of the page (`doc/<n>.html`).
    pub n: usize,
    pub has_next: bool,
}

/// What the page found out about a document: shown in the index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageInfo {
    /// Extractions with a note (a span outside the text, a text that is not
    /// what the run recorded, …).
    pub problems: usize,
}

/// The legend: one toggle per table, with its count.
fn legend(out: &mut String, counts: &[String; 6], toggles: bool) {
    out.push_str("<div class=\"legend\">");
    for t in Table::ALL {
        let l = t.letter();
        out.push_str("<label>");
        if toggles {
            let _ = write!(out, "<input type=\"checkbox\" id=\"t-{l}\" checked>");
        }
        let _ = write!(
            out,
            "<span class=\"sw {l}\"></span>{} <b>{}</b></label>",
            t.name(),
            counts[t.index()]
        );
    }
    out.push_str("</div>\n");
}

/// `text` with runs of white space as one space, NFC.
fn tidy(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// A document's page. `text` is the article as read now, or why it could
/// not be found.
pub fn doc_page(doc: &DocView, text: Result<&str, &str>, nav: Nav) -> (String, PageInfo) {
    let mut out = String::with_capacity(text.map_or(0, str::len) * 3 + 16_384);
    let mut info = PageInfo::default();
    let name = if doc.doc_id.is_empty() {
        "(no doc_id)"
    } else {
        &doc.doc_id
    };
    head(
        &mut out,
        &format!("{name} · vnextract review"),
        &doc.language,
    );
    out.push_str("<body class=\"doc\">\n<nav class=\"bar\"><a href=\"../index.html\">index</a>");
    if nav.n > 1 {
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"{}.html\">← prev</a>",
            nav.n - 1
        );
    }
    if nav.has_next {
        let _ = write!(
            out,
            "<a rel=\"next\" href=\"{}.html\">next →</a>",
            nav.n + 1
        );
    }
    let _ = write!(
        out,
        "<span class=\"sp\"></span><span>document {} · keys n / p</span></nav>\n<h1>",
        nav.n
    );
    escape_into(&mut out, doc.title.as_deref().unwrap_or(name));
    out.push_str("</h1>\n<p class=\"meta\">doc_id <code>");
    escape_into(&mut out, &doc.doc_id);
    out.push_str("</code> · source <code>");
    escape_into(&mut out, &doc.source);
    out.push_str("</code>");
    for (k, v) in [
        ("language", Some(doc.language.as_str())),
        ("published", doc.published.as_deref()),
        ("url", doc.url.as_deref()),
    ] {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            let _ = write!(out, " · {k} ");
            escape_into(&mut out, v);
        }
    }
    if let Some(c) = doc.chars {
        let _ = write!(out, " · {c} characters");
    }
    out.push_str("</p>\n");

    let counts: [String; 6] = Table::ALL.map(|t| {
        let (rows, shown) = (doc.rows[t.index()], doc.count(t));
        match t {
            Table::People | Table::Countries | Table::Regions => {
                format!("{rows} ({shown} mentions)")
            }
            _ => rows.to_string(),
        }
    });
    legend(&mut out, &counts, true);

    // notes on extractions, by index into doc.extractions
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); doc.extractions.len()];
    let mut body = String::new();
    match text {
        Err(why) => {
            out.push_str("<div class=\"warn\">The text of this document was not found: ");
            escape_into(&mut out, why);
            out.push_str(". Its extractions are listed below.</div>\n");
        }
        Ok(text) => {
            let len = article(&mut body, doc, text, &mut notes);
            if let Some(c) = doc.chars.filter(|&c| c != len) {
                let _ = writeln!(
                    out,
                    "<div class=\"warn\">The text read now has {len} characters, the run read {c}: \
                     the input changed since the run, highlights may be off.</div>"
                );
            }
        }
    }
    out.push_str("<div class=\"main\">");
    if text.is_ok() {
        out.push_str(&body);
    } else {
        out.push_str("<div></div>");
    }
    out.push_str(
        "<aside id=\"panel\"><p class=\"hint\">Hover over a highlight to see what was extracted; \
         click to keep it here.</p></aside></div>\n<section id=\"cards\"><h2>Extractions</h2>\n",
    );
    let mut at = 0;
    let mut heading = None;
    while at < doc.extractions.len() {
        // the extractions of one row: its mentions are consecutive
        let row = &doc.extractions[at].row;
        let len = doc.extractions[at..]
            .iter()
            .take_while(|x| &x.row == row)
            .count();
        let group = &doc.extractions[at..at + len];
        let table = group[0].table;
        if heading != Some(table) {
            let _ = writeln!(out, "<h3>{}</h3>", table.name());
            heading = Some(table);
        }
        info.problems += notes[at..at + len].iter().filter(|n| !n.is_empty()).count();
        card(&mut out, group, &notes[at..at + len]);
        at += len;
    }
    if doc.extractions.is_empty() {
        out.push_str("<p>None.</p>\n");
    }
    out.push_str("</section>\n<script>");
    out.push_str(DOC_JS);
    out.push_str("</script>\n</body></html>\n");
    (out, info)
}

/// The article with its highlights into `out`; notes about spans that do
/// not fit the text into `notes`. Returns the length of the text in
/// characters.
fn article(out: &mut String, doc: &DocView, text: &str, notes: &mut [Vec<String>]) -> usize {
    let len = text.chars().count();
    // the extractions with a span, and their spans
    let (which, spans): (Vec<usize>, Vec<Span>) = doc
        .extractions
        .iter()
        .enumerate()
        .filter_map(|(i, x)| x.span.map(|s| (i, s)))
        .unzip();
    for (i, x) in doc.extractions.iter().enumerate() {
        if x.span.is_none() {
            notes[i].push("no start/end offsets: not shown in the text".into());
        }
    }
    let segs = segments(&spans, len);
    for &k in &segs.clamped {
        let s = spans[k];
        notes[which[k]].push(format!(
            "span [{}, {}) ends past the text ({len} characters)",
            s.start, s.end
        ));
    }
    for &k in &segs.empty {
        let s = spans[k];
        notes[which[k]].push(format!(
            "span [{}, {}) covers no character of the text: not shown",
            s.start, s.end
        ));
    }
    let mut bounds: Vec<usize> = segs.segments.iter().map(|s| s.start).collect();
    bounds.push(len);
    let bytes = byte_offsets(text, &bounds);
    let slice = |a: usize, b: usize| {
        let at = |p: usize| {
            bounds
                .binary_search(&p)
                .ok()
                .and_then(|i| bytes.get(i).copied())
        };
        match (at(a), at(b)) {
            (Some(x), Some(y)) => text.get(x..y).unwrap_or(""),
            _ => "",
        }
    };

    // what each span covers, against the text the run recorded for it
    for (k, s) in spans.iter().enumerate() {
        let x = &doc.extractions[which[k]];
        let Some(recorded) = &x.text else { continue };
        if s.start >= s.end.min(len) {
            continue;
        }
        let covered = slice(s.start, s.end.min(len));
        if covered != recorded && tidy(covered) != tidy(recorded) {
            let mut note = String::from("the run recorded «");
            note.push_str(recorded);
            note.push_str("» but the text here reads «");
            note.push_str(covered);
            note.push('»');
            notes[which[k]].push(note);
        }
    }

    let mut seen = vec![false; spans.len()];
    let _ = write!(out, "<article id=\"text\"");
    if !doc.language.is_empty() {
        out.push_str(" lang=\"");
        escape_into(out, &doc.language);
        out.push('"');
    }
    out.push('>');
    for seg in &segs.segments {
        let depth = seg.covering.len();
        for (level, &k) in seg.covering.iter().enumerate() {
            let x = &doc.extractions[which[k]];
            let _ = write!(
                out,
                "<span class=\"x {} l{}\" data-x=\"{}\"",
                x.table.letter(),
                (depth - 1 - level).min(2),
                x.id
            );
            if !std::mem::replace(&mut seen[k], true) {
                let _ = write!(out, " id=\"at-{}\"", x.id);
            }
            out.push('>');
        }
        escape_into(out, slice(seg.start, seg.end));
        for _ in 0..depth {
            out.push_str("</span>");
        }
    }
    out.push_str("</article>");
    len
}

/// The card of a row: its id (a link to it in the text), what it says, its
/// fields, its mentions (links), its notes. `group` is the row's
/// extractions: the row itself, or each of its mentions.
fn card(out: &mut String, group: &[Extraction], notes: &[Vec<String>]) {
    let Some(x) = group.first() else { return };
    let _ = write!(
        out,
        "<div class=\"card {}\" id=\"card-{}\"><div class=\"ch\"><a href=\"#at-{}\" data-go=\"{}\">{}</a><span class=\"tn\">{}</span>",
        x.table.letter(),
        x.row,
        x.id,
        x.id,
        x.row,
        x.table.name()
    );
    escape_into(out, &x.label);
    out.push_str("</div><dl>");
    let mentions = x.id != x.row;
    if let (false, Some(s)) = (mentions, x.span) {
        let _ = write!(out, "<dt>span</dt><dd>[{}, {})</dd>", s.start, s.end);
    }
    // empty fields (no value_max, no qualifier, …) are left out
    for (k, v) in x.fields.iter().filter(|(_, v)| !v.is_empty()) {
        out.push_str("<dt>");
        escape_into(out, k);
        out.push_str("</dt><dd>");
        escape_into(out, v);
        out.push_str("</dd>");
    }
    if mentions {
        let _ = write!(out, "<dt>mentions</dt><dd>{}: ", group.len());
        for (i, m) in group.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "<a href=\"#at-{}\" data-go=\"{}\">", m.id, m.id);
            match m.span {
                Some(s) => {
                    let _ = write!(out, "[{}, {})", s.start, s.end);
                }
                None => out.push('?'),
            }
            out.push_str("</a>");
            if let Some(t) = m.text.as_deref().filter(|t| *t != x.label) {
                out.push_str(" «");
                escape_into(out, t);
                out.push('»');
            }
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
    for (m, notes) in group.iter().zip(notes) {
        for n in notes {
            out.push_str("<p class=\"note\">⚠ ");
            if mentions {
                let _ = write!(out, "{}: ", m.id);
            }
            escape_into(out, n);
            out.push_str("</p>");
        }
    }
    out.push_str("</div>\n");
}

/// One document in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    pub n: usize,
    pub doc_id: String,
    pub title: String,
    pub language: String,
    pub chars: Option<usize>,
    /// Rows per table, in [`Table::ALL`] order.
    pub rows: [usize; 6],
    pub text_found: bool,
    pub problems: usize,
}

/// The index page: the run, totals per table, and every document with a
/// filter. `run` holds (label, value) lines about the run; `warnings` is
/// shown as is.
pub fn index_page(rows: &[IndexRow], run: &[(String, String)], warnings: &[String]) -> String {
    let mut out = String::with_capacity(rows.len() * 400 + 16_384);
    head(&mut out, "vnextract review", "");
    out.push_str("<body class=\"index\">\n<h1>vnextract review</h1>\n<p class=\"meta\">");
    for (i, (k, v)) in run.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        escape_into(&mut out, k);
        out.push_str(" <code>");
        escape_into(&mut out, v);
        out.push_str("</code>");
    }
    out.push_str("</p>\n");
    let mut totals = [0usize; 6];
    for r in rows {
        for (t, n) in totals.iter_mut().zip(r.rows) {
            *t += n;
        }
    }
    legend(&mut out, &totals.map(|n| n.to_string()), false);
    if !warnings.is_empty() {
        out.push_str("<div class=\"warn\">");
        for w in warnings {
            escape_into(&mut out, w);
            out.push_str("<br>");
        }
        out.push_str("</div>\n");
    }
    out.push_str("<div class=\"filters\"><label>Show documents with <select id=\"f\"><option value=\"\">anything</option>");
    for t in Table::ALL {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            t.letter(),
            t.name()
        );
    }
    out.push_str(
        "<option value=\"w\">notes (⚠)</option><option value=\"m\">text not found</option></select></label> \
         <input id=\"s\" type=\"search\" placeholder=\"doc_id or title contains…\" size=\"30\"> <span id=\"shown\"></span></div>\n\
         <table class=\"docs\" id=\"docs\"><thead><tr><th>#</th><th>doc_id</th><th>title</th><th>lang</th><th>chars</th>",
    );
    for t in Table::ALL {
        let _ = write!(out, "<th class=\"{}\">{}</th>", t.letter(), t.name());
    }
    out.push_str("<th>⚠</th></tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr");
        for t in Table::ALL {
            let _ = write!(out, " data-{}=\"{}\"", t.letter(), r.rows[t.index()]);
        }
        let _ = write!(
            out,
            " data-w=\"{}\" data-m=\"{}\"><td class=\"n\">{}</td><td><a href=\"doc/{}.html\">",
            r.problems,
            u8::from(!r.text_found),
            r.n,
            r.n
        );
        escape_into(
            &mut out,
            if r.doc_id.is_empty() {
                "(no doc_id)"
            } else {
                &r.doc_id
            },
        );
        out.push_str("</a></td><td>");
        escape_into(&mut out, &r.title);
        if !r.text_found {
            out.push_str(" <i>(text not found)</i>");
        }
        out.push_str("</td><td>");
        escape_into(&mut out, &r.language);
        out.push_str("</td>");
        match r.chars {
            Some(c) => {
                let _ = write!(out, "<td class=\"n\">{c}</td>");
            }
            None => out.push_str("<td></td>"),
        }
        for n in r.rows.iter().chain([&r.problems]) {
            let zero = if *n == 0 { " z" } else { "" };
            let _ = write!(out, "<td class=\"n{zero}\">{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<script>");
    out.push_str(INDEX_JS);
    out.push_str("</script>\n</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(line: &str) -> DocView {
        DocView::parse(line).unwrap()
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\r\n\0"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;&#13;\n\u{FFFD}"
        );
        assert_eq!(escape("Việt Nam"), "Việt Nam");
    }

    #[test]
    fn hostile_text_and_ids_are_escaped() {
        let d = doc(
            r#"{"doc_id":"<script>alert(1)</script>","title":"<img src=x onerror=alert(2)>","language":"\"><script>",
               "quantities":[{"start":0,"end":8,"text":"<script>"}]}"#,
        );
        let (page, info) = doc_page(
            &d,
            Ok("<script>alert(3)</script>"),
            Nav {
                n: 1,
                has_next: false,
            },
        );
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the page's own script"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(page.contains(
            "<span class=\"x q l0\" data-x=\"q:0\" id=\"at-q:0\">&lt;script&gt;</span>alert(3)"
        ));
        assert!(!page.contains("rel=\"prev\"") && !page.contains("rel=\"next\""));
        assert_eq!(info.problems, 0);
        let row = IndexRow {
            n: 1,
            doc_id: d.doc_id.clone(),
            title: "</td><script>".into(),
            language: String::new(),
            chars: None,
            rows: [0; 6],
            text_found: false,
            problems: 0,
        };
        let index = index_page(&[row], &[("out".into(), "<x>".into())], &["<b>".into()]);
        assert_eq!(index.matches("<script>").count(), 1);
        assert!(index.contains("href=\"doc/1.html\">&lt;script&gt;"));
    }

    #[test]
    fn overlapping_spans_nest_and_bad_spans_get_notes() {
        let d = doc(
            r#"{"doc_id":"a","chars":5,"quantities":[{"start":0,"end":3,"text":"abc"},{"start":4,"end":9,"text":"e"}],
               "people":[{"name":"B","mentions":[{"start":1,"end":2},{"start":2,"end":2}]}],
               "legal_refs":[{"start":0,"end":2,"text":"zz"}]}"#,
        );
        let (page, info) = doc_page(
            &d,
            Ok("abcde"),
            Nav {
                n: 2,
                has_next: true,
            },
        );
        assert!(page.contains(
            "<article id=\"text\"><span class=\"x q l1\" data-x=\"q:0\" id=\"at-q:0\">\
             <span class=\"x l l0\" data-x=\"l:0\" id=\"at-l:0\">a</span></span>\
             <span class=\"x q l2\" data-x=\"q:0\"><span class=\"x l l1\" data-x=\"l:0\">\
             <span class=\"x p l0\" data-x=\"p:0.0\" id=\"at-p:0.0\">b</span></span></span>\
             <span class=\"x q l0\" data-x=\"q:0\">c</span>d\
             <span class=\"x q l0\" data-x=\"q:1\" id=\"at-q:1\">e</span></article>"
        ));
        assert!(page.contains("ends past the text (5 characters)"));
        assert!(page.contains("p:0.1: span [2, 2) covers no character"));
        assert!(page.contains("id=\"card-p:0\""));
        assert!(page.contains("<dt>mentions</dt><dd>2: <a href=\"#at-p:0.0\" data-go=\"p:0.0\">[1, 2)</a>, <a href=\"#at-p:0.1\""));
        assert!(page.contains("the run recorded «zz» but the text here reads «ab»"));
        assert_eq!(info.problems, 3);
        assert!(page.contains("rel=\"prev\" href=\"1.html\"") && page.contains("href=\"3.html\""));
    }

    #[test]
    fn a_document_without_text_still_has_its_cards() {
        let d = doc(r#"{"doc_id":"a","quantities":[{"start":0,"end":3,"text":"abc"}]}"#);
        let (page, _) = doc_page(
            &d,
            Err("no input has doc_id a"),
            Nav {
                n: 1,
                has_next: false,
            },
        );
        assert!(page.contains("was not found: no input has doc_id a"));
        assert!(page.contains("id=\"card-q:0\""));
        assert!(!page.contains("<article"));
        let d = doc(r#"{"doc_id":"a","chars":5}"#);
        let (page, _) = doc_page(
            &d,
            Ok("abcdef"),
            Nav {
                n: 1,
                has_next: false,
            },
        );
        assert!(page.contains("The text read now has 6 characters, the run read 5"));
    }
}
