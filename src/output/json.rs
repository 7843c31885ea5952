//! The `documents.jsonl` line of a record, written field by field: the
//! bytes `serde_json::to_writer` gives for the model's `Serialize` (a test
//! holds the two equal on every record of the sample articles), without
//! the generic serializer's per-call overhead and with strings escaped a
//! run of plain bytes at a time.

use crate::model::{DocumentRecord, Mention, TextMention};

/// A JSON writer into a byte buffer.
struct Json<'a> {
    out: &'a mut Vec<u8>,
    /// No member written yet in the object just opened.
    first: bool,
}

impl Json<'_> {
    fn raw(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }

    fn open(&mut self) {
        self.out.push(b'{');
        self.first = true;
    }

    fn close(&mut self) {
        self.out.push(b'}');
        self.first = false;
    }

    /// `"name":`, after a `,` unless it is the object's first member.
    fn key(&mut self, name: &str) {
        if !std::mem::take(&mut self.first) {
            self.out.push(b',');
        }
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// The members `start` and `end`.
    fn span(&mut self, start: usize, end: usize) {
        self.key("start");
        self.int(start);
        self.key("end");
        self.int(end);
    }

    /// A string, escaped as serde_json escapes it: `"` and `\`, and the
    /// control characters below U+0020 (`\b \t \n \f \r`, else `\u00XX`).
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let b = s.as_bytes();
        self.out.push(b'"');
        let mut start = 0;
        for (i, &x) in b.iter().enumerate() {
            if x >= 0x20 && x != b'"' && x != b'\\' {
                continue;
            }
            self.out.extend_from_slice(&b[start..i]);
            match x {
                b'"' => self.raw(b"\\\""),
                b'\\' => self.raw(b"\\\\"),
                0x08 => self.raw(b"\\b"),
                b'\t' => self.raw(b"\\t"),
                b'\n' => self.raw(b"\\n"),
                0x0C => self.raw(b"\\f"),
                b'\r' => self.raw(b"\\r"),
                _ => self.raw(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(x >> 4) as usize],
                    HEX[(x & 0xF) as usize],
                ]),
            }
            start = i + 1;
        }
        self.out.extend_from_slice(&b[start..]);
        self.out.push(b'"');
    }

    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    fn int(&mut self, n: impl itoa::Integer) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    /// An `f64` as serde_json writes it (`1.0`, `0.99`, `1e+21`; `null`
    /// when not finite): by serde_json itself, for its own float format.
    fn float(&mut self, v: f64) {
        if serde_json::to_writer(&mut *self.out, &v).is_err() {
            self.raw(b"null");
        }
    }

    /// A figure as `model::serialize_number` writes it: an integer when it is one.
    fn number(&mut self, v: f64) {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            self.int(v as i64);
        } else {
            self.float(v);
        }
    }

    fn strings(&mut self, v: &[String]) {
        self.out.push(b'[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.str(s);
        }
        self.out.push(b']');
    }

    /// `[{…},{…}]`, the members of each object written by `item`.
    fn objects<T>(&mut self, v: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push(b'[');
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.open();
            item(self, x);
            self.close();
        }
        self.out.push(b']');
    }

    fn mentions(&mut self, v: &[Mention]) {
        self.objects(v, |j, m| j.span(m.start, m.end));
    }

    fn text_mentions(&mut self, v: &[TextMention]) {
        self.objects(v, |j, m| {
            j.span(m.start, m.end);
            j.key("text");
            j.str(&m.text);
        });
    }
}

/// Append the JSON of `d` (no line end) to `out`.
pub fn write_record(d: &DocumentRecord, out: &mut Vec<u8>) {
    let mut j = Json { out, first: false };
    j.open();
    j.key("doc_id");
    j.str(&d.doc_id);
    j.key("schema_version");
    j.int(d.schema_version);
    j.key("source");
    j.str(&d.source);
    for (name, value) in [
        ("url", &d.url),
        ("title", &d.title),
        ("published", &d.published),
    ] {
        j.key(name);
        j.opt_str(value);
    }
    j.key("language");
    j.str(&d.language);
    j.key("language_confidence");
    j.float(d.language_confidence);
    j.key("chars");
    j.int(d.chars);
    j.key("authors");
    j.strings(&d.authors);
    j.key("quantities");
    j.objects(&d.quantities, |j, q| {
        j.span(q.start, q.end);
        j.key("text");
        j.str(&q.text);
        j.key("value");
        j.number(q.value);
        j.key("value_max");
        match q.value_max {
            Some(v) => j.number(v),
            None => j.raw(b"null"),
        }
        for (name, value) in [
            ("unit", q.unit.as_str()),
            ("kind", q.kind.as_str()),
            ("qualifier", &q.qualifier),
            ("change", &q.change),
        ] {
            j.key(name);
            j.str(value);
        }
        for (name, value) in [("counted", &q.counted), ("subject", &q.subject)] {
            j.key(name);
            j.opt_str(value);
        }
        j.key("sentence");
        j.int(q.sentence);
    });
    j.key("people");
    j.objects(&d.people, |j, p| {
        j.key("name");
        j.str(&p.name);
        j.key("roles");
        j.strings(&p.roles);
        j.key("mentions");
        j.mentions(&p.mentions);
    });
    j.key("countries");
    j.objects(&d.countries, |j, c| {
        for (name, value) in [
            ("code", &c.code),
            ("name_en", &c.name_en),
            ("name_vi", &c.name_vi),
        ] {
            j.key(name);
            j.str(value);
        }
        j.key("mentions");
        j.text_mentions(&c.mentions);
    });
    j.key("regions");
    j.objects(&d.regions, |j, r| {
        j.key("name");
        j.str(&r.name);
        j.key("mentions");
        j.text_mentions(&r.mentions);
    });
    j.key("legal_refs");
    j.objects(&d.legal_refs, |j, l| {
        j.span(l.start, l.end);
        j.key("text");
        j.str(&l.text);
        j.key("doc_type");
        j.str(&l.doc_type);
        j.key("code");
        j.opt_str(&l.code);
        j.key("number");
        match l.number {
            Some(n) => j.int(n),
            None => j.raw(b"null"),
        }
        for (name, value) in [("issued", &l.issued), ("issuer", &l.issuer)] {
            j.key(name);
            j.opt_str(value);
        }
    });
    j.key("directives");
    j.objects(&d.directives, |j, x| {
        j.span(x.start, x.end);
        for (name, value) in [
            ("issuer", &x.issuer),
            ("addressee", &x.addressee),
            ("verb", &x.verb),
            ("action", &x.action),
        ] {
            j.key(name);
            j.str(value);
        }
        j.key("sentence");
        j.int(x.sentence);
    });
    j.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn ours(d: &DocumentRecord) -> String {
        let mut v = Vec::new();
        write_record(d, &mut v);
        String::from_utf8(v).unwrap()
    }

    /// Every field, every escape, every kind of number: as serde_json writes it.
    #[test]
    fn as_serde_json_writes_it() {
        let tricky = "a\"b\\c\u{1}\u{8}\t\n\u{c}\r\u{1f}\u{7f}/Hà Nội ✓ 𝄞";
        let d = DocumentRecord {
            doc_id: tricky.into(),
            schema_version: SCHEMA_VERSION,
            source: "s".into(),
            url: None,
            title: Some(tricky.into()),
            published: Some("2024-12-20".into()),
            language: "vi".into(),
            language_confidence: 0.99,
            chars: 12,
            authors: vec!["A".into(), tricky.into()],
            quantities: [
                4814000000000.0,
                6.5,
                1e21,
                -2.5,
                0.1 + 0.2,
                9.0e15,
                f64::NAN,
                1.0 / 3.0,
            ]
            .iter()
            .map(|&v| Quantity {
                start: 1,
                end: 2,
                text: tricky.into(),
                value: v,
                value_max: (v > 1.0).then_some(v * 2.0),
                unit: "VND".into(),
                kind: QuantityKind::Money,
                qualifier: "over".into(),
                change: String::new(),
                counted: None,
                subject: Some("x".into()),
                sentence: 3,
            })
            .collect(),
            people: vec![Person {
                name: "N".into(),
                roles: vec![],
                mentions: vec![Mention { start: 0, end: 1 }],
            }],
            countries: vec![Country {
                code: "JP".into(),
                name_en: "Japan".into(),
                name_vi: "Nhật Bản".into(),
                mentions: vec![TextMention {
                    start: 5,
                    end: 13,
                    text: "Nhật Bản".into(),
                }],
            }],
            regions: vec![Region {
                name: "EU".into(),
                mentions: vec![],
            }],
            legal_refs: vec![LegalRef {
                start: 0,
                end: 0,
                text: "t".into(),
                doc_type: "Chỉ thị".into(),
                code: Some("15-CT/TW".into()),
                number: Some(15),
                issued: None,
                issuer: None,
            }],
            directives: vec![Directive {
                start: 0,
                end: 9,
                issuer: "i".into(),
                addressee: String::new(),
                verb: "v".into(),
                action: tricky.into(),
                sentence: 2,
            }],
        };
        assert_eq!(ours(&d), serde_json::to_string(&d).unwrap());
        for conf in [1.0, 0.0, 0.5, 1e-7] {
            let d = DocumentRecord {
                language_confidence: conf,
                quantities: vec![],
                ..d.clone()
            };
            assert_eq!(ours(&d), serde_json::to_string(&d).unwrap());
        }
    }
}
