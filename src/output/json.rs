//! The `documents.jsonl` line of a record, written field by field: the
//! bytes `serde_json::to_writer` gives for the model's `Serialize` (a test
//! holds the two equal on every record of the sample articles), without
//! the generic serializer's per-call overhead and with strings escaped a
//! run of plain bytes at a time.

use crate::model::{DocumentRecord, Mention, TextMention};

/// A JSON writer into a byte buffer.
struct Json<'a> {
    out: &'a mut Vec<u8>,
}

impl Json<'_> {
    fn raw(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }

    /// `"name":`, after a `{` or a `,` written by the caller.
    fn key(&mut self, name: &str) {
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
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
                _ => self.raw(&[b'\\', b'u', b'0', b'0', HEX[(x >> 4) as usize], HEX[(x & 0xF) as usize]]),
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

    /// `[{…},{…}]`, each object written by `item` after its `{`.
    fn objects<T>(&mut self, v: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push(b'[');
        for (i, x) in v.iter().enumerate() {
            self.raw(if i > 0 { b",{" } else { b"{" });
            item(self, x);
            self.out.push(b'}');
        }
        self.out.push(b']');
    }

    fn mentions(&mut self, v: &[Mention]) {
        self.objects(v, |j, m| {
            j.key("start");
            j.int(m.start);
            j.raw(b",");
            j.key("end");
            j.int(m.end);
        });
    }

    fn text_mentions(&mut self, v: &[TextMention]) {
        self.objects(v, |j, m| {
            j.key("start");
            j.int(m.start);
            j.raw(b",");
            j.key("end");
            j.int(m.end);
            j.raw(b",");
            j.key("text");
            j.str(&m.text);
        });
    }
}

/// Append the JSON of `d` (no line end) to `out`.
pub fn write_record(d: &DocumentRecord, out: &mut Vec<u8>) {
    let mut j = Json { out };
    j.raw(b"{");
    j.key("doc_id");
    j.str(&d.doc_id);
    j.raw(b",");
    j.key("source");
    j.str(&d.source);
    j.raw(b",");
    j.key("url");
    j.opt_str(&d.url);
    j.raw(b",");
    j.key("title");
    j.opt_str(&d.title);
    j.raw(b",");
    j.key("published");
    j.opt_str(&d.published);
    j.raw(b",");
    j.key("language");
    j.str(&d.language);
    j.raw(b",");
    j.key("language_confidence");
    j.float(d.language_confidence);
    j.raw(b",");
    j.key("chars");
    j.int(d.chars);
    j.raw(b",");
    j.key("authors");
    j.strings(&d.authors);
    j.raw(b",");
    j.key("quantities");
    j.objects(&d.quantities, |j, q| {
        j.key("start");
        j.int(q.start);
        j.raw(b",");
        j.key("end");
        j.int(q.end);
        j.raw(b",");
        j.key("text");
        j.str(&q.text);
        j.raw(b",");
        j.key("value");
        j.number(q.value);
        j.raw(b",");
        j.key("value_max");
        match q.value_max {
            Some(v) => j.number(v),
            None => j.raw(b"null"),
        }
        j.raw(b",");
        j.key("unit");
        j.str(&q.unit);
        j.raw(b",");
        j.key("kind");
        j.str(q.kind.as_str());
        j.raw(b",");
        j.key("qualifier");
        j.str(&q.qualifier);
        j.raw(b",");
        j.key("change");
        j.str(&q.change);
        j.raw(b",");
        j.key("counted");
        j.opt_str(&q.counted);
        j.raw(b",");
        j.key("subject");
        j.opt_str(&q.subject);
        j.raw(b",");
        j.key("sentence");
        j.int(q.sentence);
    });
    j.raw(b",");
    j.key("people");
    j.objects(&d.people, |j, p| {
        j.key("name");
        j.str(&p.name);
        j.raw(b",");
        j.key("roles");
        j.strings(&p.roles);
        j.raw(b",");
        j.key("mentions");
        j.mentions(&p.mentions);
    });
    j.raw(b",");
    j.key("countries");
    j.objects(&d.countries, |j, c| {
        j.key("code");
        j.str(&c.code);
        j.raw(b",");
        j.key("name_en");
        j.str(&c.name_en);
        j.raw(b",");
        j.key("name_vi");
        j.str(&c.name_vi);
        j.raw(b",");
        j.key("mentions");
        j.text_mentions(&c.mentions);
    });
    j.raw(b",");
    j.key("regions");
    j.objects(&d.regions, |j, r| {
        j.key("name");
        j.str(&r.name);
        j.raw(b",");
        j.key("mentions");
        j.text_mentions(&r.mentions);
    });
    j.raw(b",");
    j.key("legal_refs");
    j.objects(&d.legal_refs, |j, l| {
        j.key("start");
        j.int(l.start);
        j.raw(b",");
        j.key("end");
        j.int(l.end);
        j.raw(b",");
        j.key("text");
        j.str(&l.text);
        j.raw(b",");
        j.key("doc_type");
        j.str(&l.doc_type);
        j.raw(b",");
        j.key("code");
        j.opt_str(&l.code);
        j.raw(b",");
        j.key("number");
        match l.number {
            Some(n) => j.int(n),
            None => j.raw(b"null"),
        }
        j.raw(b",");
        j.key("issued");
        j.opt_str(&l.issued);
        j.raw(b",");
        j.key("issuer");
        j.opt_str(&l.issuer);
    });
    j.raw(b",");
    j.key("directives");
    j.objects(&d.directives, |j, x| {
        j.key("start");
        j.int(x.start);
        j.raw(b",");
        j.key("end");
        j.int(x.end);
        j.raw(b",");
        j.key("issuer");
        j.str(&x.issuer);
        j.raw(b",");
        j.key("addressee");
        j.str(&x.addressee);
        j.raw(b",");
        j.key("verb");
        j.str(&x.verb);
        j.raw(b",");
        j.key("action");
        j.str(&x.action);
        j.raw(b",");
        j.key("sentence");
        j.int(x.sentence);
    });
    j.raw(b"}");
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
            source: "s".into(),
            url: None,
            title: Some(tricky.into()),
            published: Some("2024-12-20".into()),
            language: "vi".into(),
            language_confidence: 0.99,
            chars: 12,
            authors: vec!["A".into(), tricky.into()],
            quantities: [4814000000000.0, 6.5, 1e21, -2.5, 0.1 + 0.2, 9.0e15, f64::NAN, 1.0 / 3.0]
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
            people: vec![Person { name: "N".into(), roles: vec![], mentions: vec![Mention { start: 0, end: 1 }] }],
            countries: vec![Country {
                code: "JP".into(),
                name_en: "Japan".into(),
                name_vi: "Nhật Bản".into(),
                mentions: vec![TextMention { start: 5, end: 13, text: "Nhật Bản".into() }],
            }],
            regions: vec![Region { name: "EU".into(), mentions: vec![] }],
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
            let d = DocumentRecord { language_confidence: conf, quantities: vec![], ..d.clone() };
            assert_eq!(ours(&d), serde_json::to_string(&d).unwrap());
        }
    }
}
