//! The matching rules of score.py, table by table, and the tallies they
//! feed: true/false positives and misses per table, and the accuracy of
//! attributes on matched pairs.
//!
//! Matching is greedy and one-to-one within a document, in score.py's
//! order: each required gold item, in gold order, takes the first
//! prediction not yet taken that it agrees with; predictions left over
//! then try the optional gold items the same way, and those that find one
//! are neither rewarded nor penalised.

use serde_json::{json, Map, Value};

use super::anchor::NfcText;
use super::fold::{code_key, norm};
use super::gold::GoldDoc;
use super::py::{self, get, get_map, or, repr, repr_str, truthy};
use super::EvalError;

/// The tables scored, in score.py's order; the first five make the macro F1.
pub const TABLES: [&str; 6] = [
    "quantities",
    "people",
    "countries",
    "legal_refs",
    "directives",
    "authors",
];

/// The attributes scored on matched items, in score.py's order.
pub const ATTRIBUTES: [&str; 9] = [
    "quantity.qualifier",
    "quantity.counted",
    "people.roles",
    "legal.issued",
    "legal.issuer",
    "directive.issuer",
    "document.title",
    "document.published",
    "document.language",
];

/// `""`, the default of score.py's `x.get('text', '')`.
static EMPTY: Value = Value::String(String::new());

/// Counts for one table, with a line per miss and per extra.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub errors: Vec<String>,
}

impl Tally {
    /// Precision, recall and F1 (1.0 for an empty denominator, F1 0.0 when
    /// both are 0), unrounded.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| {
            if a + b > 0 {
                a as f64 / (a + b) as f64
            } else {
                1.0
            }
        };
        let p = ratio(self.tp, self.fp);
        let r = ratio(self.tp, self.fn_);
        let f = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Hits out of tries, for an attribute.
#[derive(Debug, Default, Clone, Copy)]
pub struct Ratio {
    pub hit: usize,
    pub total: usize,
}

impl Ratio {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.hit += usize::from(ok);
    }

    /// The share of hits, `None` when nothing was tried.
    pub fn value(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hit as f64 / self.total as f64)
    }
}

/// `math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)` after `float()`; two
/// nulls agree, a null and a value do not.
pub fn close(a: &Value, b: &Value) -> bool {
    if a.is_null() || b.is_null() {
        return a.is_null() && b.is_null();
    }
    let (Some(a), Some(b)) = (py::float(a), py::float(b)) else {
        return false;
    };
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= (1e-6 * b).abs() || diff <= (1e-6 * a).abs() || diff <= 1e-9
}

/// `spans_overlap`: half-open spans share at least one position.
fn spans_overlap(a: (i128, i128), b: (i128, i128)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The result of [`match_pairs`].
struct Matches<'g, 'p, G: ?Sized, P: ?Sized> {
    pairs: Vec<(&'g G, &'p P)>,
    missed: Vec<&'g G>,
    extra: Vec<&'p P>,
}

/// score.py's `match_pairs`: greedy one-to-one matching in gold order.
fn match_pairs<'g, 'p, G: ?Sized, P: ?Sized>(
    gold: &[&'g G],
    pred: &[&'p P],
    same: &dyn Fn(&G, &P) -> bool,
) -> Matches<'g, 'p, G, P> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    let mut missed = Vec::new();
    for &g in gold {
        let hit = (0..pred.len()).find(|&i| !used[i] && same(g, pred[i]));
        match hit {
            Some(i) => {
                used[i] = true;
                pairs.push((g, pred[i]));
            }
            None => missed.push(g),
        }
    }
    let extra = pred
        .iter()
        .zip(&used)
        .filter(|(_, &u)| !u)
        .map(|(&p, _)| p)
        .collect();
    Matches {
        pairs,
        missed,
        extra,
    }
}

/// How one table's items are compared and named.
struct Rule<'r, G: ?Sized> {
    same: &'r dyn Fn(&G, &Value) -> bool,
    optional: &'r dyn Fn(&G) -> bool,
    label_gold: &'r dyn Fn(&G) -> String,
    label_pred: &'r dyn Fn(&Value) -> String,
}

/// score.py's `score_items`: counts one document's table into `tally` and
/// returns the matched pairs.
fn score_items<'g, 'p, G: ?Sized>(
    tally: &mut Tally,
    doc_id: &str,
    gold: &[&'g G],
    pred: &[&'p Value],
    rule: &Rule<'_, G>,
) -> Vec<(&'g G, &'p Value)> {
    let (optional, required): (Vec<&G>, Vec<&G>) = gold.iter().partition(|g| (rule.optional)(g));
    let m = match_pairs(&required, pred, rule.same);
    // predictions that hit an optional gold item are neither right nor wrong
    let extra = match_pairs(&optional, &m.extra, rule.same).extra;
    tally.tp += m.pairs.len();
    tally.fp += extra.len();
    tally.fn_ += m.missed.len();
    for g in &m.missed {
        tally
            .errors
            .push(format!("{doc_id}: missed {}", (rule.label_gold)(g)));
    }
    for p in &extra {
        tally
            .errors
            .push(format!("{doc_id}: extra  {}", (rule.label_pred)(p)));
    }
    m.pairs
}

/// The items of a JSON list (score.py's `x.get(key, []) or []`; anything
/// but a list reads as empty).
fn items(v: &Value) -> Vec<&Value> {
    v.as_array().map(|a| a.iter().collect()).unwrap_or_default()
}

/// The predictions of a table, or none when the gold file leaves the table
/// out (it is then not scored).
fn predicted<'p>(
    gold: &Map<String, Value>,
    pred: &'p Map<String, Value>,
    key: &str,
) -> Vec<&'p Value> {
    if gold.contains_key(key) {
        items(get_map(pred, key))
    } else {
        Vec::new()
    }
}

fn is_optional(v: &Value) -> bool {
    truthy(get(v, "optional"))
}

/// score.py's issuer rule: one folded issuer contains the other (an empty
/// prediction only when the gold folds to empty too).
fn issuer_agrees(gold: &Value, pred: &Value) -> bool {
    let (g, p) = (norm(gold), norm(pred));
    p.contains(&g) || (!p.is_empty() && g.contains(&p))
}

/// A gold directive with its anchor located in the original text.
struct GoldDirective<'g> {
    item: &'g Value,
    span: (i128, i128),
}

/// The tallies of a whole gold set.
#[derive(Debug, Default)]
pub struct Scores {
    pub documents: usize,
    /// One per [`TABLES`] entry.
    pub tables: [Tally; 6],
    /// One per [`ATTRIBUTES`] entry.
    pub attributes: [Ratio; 9],
    /// Gold anchors not found in their text.
    pub warnings: Vec<String>,
}

impl Scores {
    /// Scores one gold document against its prediction (an empty object
    /// when the output lacks it).
    pub fn add_document(
        &mut self,
        doc: &GoldDoc,
        pred: &Map<String, Value>,
        with_words: bool,
    ) -> Result<(), EvalError> {
        let gold = &doc.gold;
        let doc_id = doc.doc_id.as_str();
        self.documents += 1;
        let [quantities, people, countries, legal_refs, directives, authors] = &mut self.tables;
        let [qualifier, counted, roles, issued, issuer, d_issuer, title, published, language] =
            &mut self.attributes;

        // quantities: value, value_max and unit must agree
        let q_label = |q: &Value| {
            format!(
                "quantity {} = {}..{} {}",
                repr(q.get("text").unwrap_or(&EMPTY)),
                py::str(get(q, "value")),
                py::str(get(q, "value_max")),
                py::str(get(q, "unit"))
            )
        };
        let q_rule = Rule {
            same: &|g: &Value, p: &Value| {
                close(get(g, "value"), get(p, "value"))
                    && close(get(g, "value_max"), get(p, "value_max"))
                    && norm(get(g, "unit")) == norm(get(p, "unit"))
            },
            // --with-words: a figure written in words is required
            optional: &|g: &Value| is_optional(g) && !(with_words && truthy(get(g, "words"))),
            label_gold: &q_label,
            label_pred: &q_label,
        };
        let gold_q = items(get_map(gold, "quantities"));
        let pred_q = predicted(gold, pred, "quantities");
        for (g, p) in score_items(quantities, doc_id, &gold_q, &pred_q, &q_rule) {
            qualifier.add(norm(get(g, "qualifier")) == norm(get(p, "qualifier")));
            if truthy(get(g, "counted")) {
                let (gc, pc) = (norm(get(g, "counted")), norm(get(p, "counted")));
                counted.add(!pc.is_empty() && (pc.contains(&gc) || gc.contains(&pc)));
            }
        }

        // people: by name
        let p_same = |g: &Value, p: &Value| norm(get(g, "name")) == norm(get(p, "name"));
        let person_label = |x: &Value| format!("person {}", repr(get(x, "name")));
        let p_rule = Rule {
            same: &p_same,
            optional: &is_optional,
            label_gold: &person_label,
            label_pred: &person_label,
        };
        let gold_p = items(get_map(gold, "people"));
        let pred_p = predicted(gold, pred, "people");
        for (g, p) in score_items(people, doc_id, &gold_p, &pred_p, &p_rule) {
            let predicted_roles: Vec<String> =
                items(get(p, "roles")).into_iter().map(norm).collect();
            for role in items(get(g, "roles")) {
                let role = norm(role);
                roles.add(
                    predicted_roles
                        .iter()
                        .filter(|r| !r.is_empty())
                        .any(|r| r.contains(&role) || role.contains(r.as_str())),
                );
            }
        }

        // countries: by ISO code
        let gold_c: Vec<Value> = items(get_map(gold, "countries"))
            .into_iter()
            .map(|c| json!({ "code": c }))
            .chain(
                items(get_map(gold, "countries_optional"))
                    .into_iter()
                    .map(|c| json!({ "code": c, "optional": true })),
            )
            .collect();
        let gold_c: Vec<&Value> = gold_c.iter().collect();
        let country_label = |x: &Value| format!("country {}", py::str(get(x, "code")));
        let c_rule = Rule {
            same: &|g: &Value, p: &Value| code_key(get(g, "code")) == code_key(get(p, "code")),
            optional: &is_optional,
            label_gold: &country_label,
            label_pred: &country_label,
        };
        let pred_c = predicted(gold, pred, "countries");
        score_items(countries, doc_id, &gold_c, &pred_c, &c_rule);

        // legal references: by code; ones without a code by type
        let legal_label = |x: &Value| {
            format!(
                "legal {} {}",
                py::str(get(x, "doc_type")),
                repr(or(get(x, "code"), x.get("text").unwrap_or(&EMPTY)))
            )
        };
        let l_rule = Rule {
            same: &|g: &Value, p: &Value| {
                if truthy(get(g, "code")) {
                    code_key(get(g, "code")) == code_key(get(p, "code"))
                } else {
                    !truthy(get(p, "code")) && norm(get(g, "doc_type")) == norm(get(p, "doc_type"))
                }
            },
            optional: &is_optional,
            label_gold: &legal_label,
            label_pred: &legal_label,
        };
        let gold_l = items(get_map(gold, "legal_refs"));
        let pred_l = predicted(gold, pred, "legal_refs");
        for (g, p) in score_items(legal_refs, doc_id, &gold_l, &pred_l, &l_rule) {
            if truthy(get(g, "issued")) {
                issued.add(py::eq(get(g, "issued"), get(p, "issued")));
            }
            if truthy(get(g, "issuer")) {
                issuer.add(issuer_agrees(get(g, "issuer"), get(p, "issuer")));
            }
        }

        // directives: the predicted span must overlap the gold anchor, addressees agree
        let text = NfcText::new(&doc.text);
        let mut gold_d = Vec::new();
        for d in items(get_map(gold, "directives")) {
            let Some(anchor) = d.get("anchor").and_then(Value::as_str) else {
                return Err(EvalError::new(
                    &doc.file,
                    None,
                    format!("{doc_id}: a directive without a text `anchor`"),
                ));
            };
            match text.find(anchor) {
                Some((start, end)) => gold_d.push(GoldDirective {
                    item: d,
                    span: (start as i128, end as i128),
                }),
                None => self.warnings.push(format!(
                    "warning: {doc_id}: anchor not in text: {}",
                    repr_str(anchor)
                )),
            }
        }
        let d_label = |x: &Value| {
            let what = or(or(get(x, "anchor"), get(x, "action")), &EMPTY);
            let what = match what.as_str() {
                Some(s) => repr_str(py::prefix(s, 60)),
                None => repr(what),
            };
            format!("directive to {}: {what}", repr(get(x, "addressee")))
        };
        let d_rule = Rule {
            same: &|g: &GoldDirective, p: &Value| {
                let (Some(start), Some(end)) = (py::int(get(p, "start")), py::int(get(p, "end")))
                else {
                    return false;
                };
                let (ga, pa) = (norm(get(g.item, "addressee")), norm(get(p, "addressee")));
                spans_overlap(g.span, (start, end))
                    && !pa.is_empty()
                    && (pa.contains(&ga) || ga.contains(&pa))
            },
            optional: &|g: &GoldDirective| is_optional(g.item),
            label_gold: &|g: &GoldDirective| d_label(g.item),
            label_pred: &d_label,
        };
        // a directive with no written addressee is kept in the output but not scored
        let pred_d: Vec<&Value> = predicted(gold, pred, "directives")
            .into_iter()
            .filter(|d| !norm(get(d, "addressee")).is_empty())
            .collect();
        let gold_d: Vec<&GoldDirective> = gold_d.iter().collect();
        for (g, p) in score_items(directives, doc_id, &gold_d, &pred_d, &d_rule) {
            if truthy(get(g.item, "issuer")) {
                d_issuer.add(issuer_agrees(get(g.item, "issuer"), get(p, "issuer")));
            }
        }

        // document metadata
        if gold.contains_key("authors") {
            let names = |v: &Value| -> Vec<Value> {
                items(v).into_iter().map(|a| json!({ "name": a })).collect()
            };
            let (gold_a, pred_a) = (
                names(get_map(gold, "authors")),
                names(get_map(pred, "authors")),
            );
            let author_label = |x: &Value| format!("author {}", repr(get(x, "name")));
            let a_rule = Rule {
                same: &p_same,
                optional: &is_optional,
                label_gold: &author_label,
                label_pred: &author_label,
            };
            let (gold_a, pred_a): (Vec<&Value>, Vec<&Value>) =
                (gold_a.iter().collect(), pred_a.iter().collect());
            score_items(authors, doc_id, &gold_a, &pred_a, &a_rule);
        }
        if truthy(get_map(gold, "language")) {
            language.add(py::eq(get_map(gold, "language"), get_map(pred, "language")));
        }
        if gold.contains_key("title") {
            title.add(norm(get_map(gold, "title")) == norm(get_map(pred, "title")));
        }
        let gold_published = get_map(gold, "published");
        if truthy(gold_published) {
            // gold "2024-12-20" accepts a predicted "2024-12-20T08:00:00+07:00"
            let ok = match (
                gold_published.as_str(),
                or(get_map(pred, "published"), &EMPTY).as_str(),
            ) {
                (Some(g), Some(p)) => g == py::prefix(p, g.chars().count()),
                _ => false,
            };
            published.add(ok);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores one document's `table` from gold and predicted JSON.
    fn run(gold: Value, pred: Value, text: &str, with_words: bool) -> Scores {
        let Value::Object(gold) = gold else {
            panic!("gold must be an object")
        };
        let Value::Object(pred) = pred else {
            panic!("pred must be an object")
        };
        let doc = GoldDoc {
            file: "t.json".into(),
            doc_id: "t".into(),
            key: Some("t".into()),
            gold,
            text: text.into(),
        };
        let mut s = Scores::default();
        s.add_document(&doc, &pred, with_words).expect("scores");
        s
    }

    fn counts(t: &Tally) -> (usize, usize, usize) {
        (t.tp, t.fp, t.fn_)
    }

    #[test]
    fn quantities_match_on_value_value_max_and_unit() {
        let q = |v: Value, vmax: Value, unit: &str| json!({"value": v, "value_max": vmax, "unit": unit});
        // (gold, predicted, (tp, fp, fn))
        let cases = [
            (
                q(json!(4814e9), json!(null), "VND"),
                q(json!(4814e9), json!(null), "VND"),
                (1, 0, 0),
            ),
            // within 1e-6 relative
            (
                q(json!(1000000.0), json!(null), "VND"),
                q(json!(1000000.9), json!(null), "VND"),
                (1, 0, 0),
            ),
            (
                q(json!(1000000.0), json!(null), "VND"),
                q(json!(1000001.1), json!(null), "VND"),
                (0, 1, 1),
            ),
            // an integer and a float of the same value; a numeric string
            (
                q(json!(60), json!(null), "count"),
                q(json!(60.0), json!(null), "count"),
                (1, 0, 0),
            ),
            (
                q(json!(60), json!(null), "count"),
                q(json!("60"), json!(null), "count"),
                (1, 0, 0),
            ),
            // unit mismatch; unit case folded
            (
                q(json!(6.5), json!(null), "percent"),
                q(json!(6.5), json!(null), "USD"),
                (0, 1, 1),
            ),
            (
                q(json!(6.5), json!(null), "USD"),
                q(json!(6.5), json!(null), "usd"),
                (1, 0, 0),
            ),
            // value_max: null only matches null
            (
                q(json!(1), json!(2), "ha"),
                q(json!(1), json!(null), "ha"),
                (0, 1, 1),
            ),
            (
                q(json!(1), json!(2), "ha"),
                q(json!(1), json!(2.000001), "ha"),
                (1, 0, 0),
            ),
            (
                q(json!(0.0), json!(null), "ha"),
                q(json!(1e-10), json!(null), "ha"),
                (1, 0, 0),
            ),
        ];
        for (g, p, want) in cases {
            let s = run(
                json!({"quantities": [g.clone()]}),
                json!({"quantities": [p.clone()]}),
                "",
                false,
            );
            assert_eq!(counts(&s.tables[0]), want, "{g} vs {p}");
        }
    }

    #[test]
    fn optional_items_are_neither_rewarded_nor_penalised() {
        let gold = json!({"quantities": [
            {"value": 1, "value_max": null, "unit": "count"},
            {"value": 2, "value_max": null, "unit": "count", "optional": true},
            {"value": 3, "value_max": null, "unit": "count", "optional": true, "words": true},
        ]});
        let p = |v: i64| json!({"value": v, "value_max": null, "unit": "count"});
        // (predicted values, with_words, (tp, fp, fn))
        let cases = [
            (vec![1], false, (1, 0, 0)),
            (vec![1, 2], false, (1, 0, 0)),
            (vec![1, 2, 3], false, (1, 0, 0)),
            (vec![1, 4], false, (1, 1, 0)),
            (vec![2], false, (0, 0, 1)),
            // --with-words: the optional figure in words is required
            (vec![1], true, (1, 0, 1)),
            (vec![1, 3], true, (2, 0, 0)),
            (vec![1, 2, 3], true, (2, 0, 0)),
        ];
        for (values, with_words, want) in cases {
            let pred = json!({"quantities": values.iter().map(|&v| p(v)).collect::<Vec<_>>()});
            let s = run(gold.clone(), pred, "", with_words);
            assert_eq!(
                counts(&s.tables[0]),
                want,
                "{values:?} with_words={with_words}"
            );
        }
    }

    #[test]
    fn matching_is_greedy_one_to_one_in_gold_order() {
        // two equal gold items need two predictions
        let g = json!({"value": 5, "value_max": null, "unit": "t"});
        let s = run(
            json!({"quantities": [g.clone(), g.clone()]}),
            json!({"quantities": [g.clone()]}),
            "",
            false,
        );
        assert_eq!(counts(&s.tables[0]), (1, 0, 1));
        // the first gold person takes the first agreeing prediction
        let s = run(
            json!({"people": [{"name": "Lê Hòa", "roles": ["Bộ trưởng"]}]}),
            json!({"people": [{"name": "lê hoà", "roles": ["Thứ trưởng"]}, {"name": "Lê Hoà", "roles": ["Bộ trưởng Bộ Y tế"]}]}),
            "",
            false,
        );
        assert_eq!(counts(&s.tables[1]), (1, 1, 0));
        assert_eq!(s.attributes[2].value(), Some(0.0));
    }

    #[test]
    fn people_names_fold_case_nfc_and_tone_placement() {
        let cases = [
            ("Bùi Thanh Sơn", "BÙI THANH SƠN", true),
            ("Nguyễn Thị Hoà", "Nguyễn Thị Hòa", true),
            (
                "Nguyễn Thị Hoà",
                "Nguye\u{302}\u{303}n Thi\u{323} Hoa\u{300}",
                true,
            ),
            ("Trần Thuỵ", "Trần  Thụy", true),
            ("Trần Thủy", "Trần Thụy", false),
            ("Bùi Thanh Sơn", "Bùi Sơn", false),
        ];
        for (g, p, same) in cases {
            let s = run(
                json!({"people": [{"name": g}]}),
                json!({"people": [{"name": p}]}),
                "",
                false,
            );
            let want = if same { (1, 0, 0) } else { (0, 1, 1) };
            assert_eq!(counts(&s.tables[1]), want, "{g:?} vs {p:?}");
        }
    }

    #[test]
    fn legal_codes_fold_and_codeless_refs_match_by_type() {
        let l = |t: &str, c: Value| json!({"doc_type": t, "code": c});
        let cases = [
            (
                l("Chỉ thị", json!("15-CT/TW")),
                l("Chỉ thị", json!("15-ct/tw")),
                (1, 0, 0),
            ),
            (
                l("Nghị định", json!("01/2024/NĐ-CP")),
                l("Nghị định", json!("01/2024/ND - CP")),
                (1, 0, 0),
            ),
            // the code decides, not the type
            (
                l("Nghị định", json!("01/2024/NĐ-CP")),
                l("Quyết định", json!("01/2024/NĐ-CP")),
                (1, 0, 0),
            ),
            (
                l("Nghị định", json!("01/2024/NĐ-CP")),
                l("Nghị định", json!("02/2024/NĐ-CP")),
                (0, 1, 1),
            ),
            // codeless: by type, and only a codeless prediction
            (l("Luật", json!(null)), l("luật", json!("")), (1, 0, 0)),
            (
                l("Luật", json!(null)),
                l("Luật", json!("1/2020/QH14")),
                (0, 1, 1),
            ),
            (
                l("Luật", json!(null)),
                l("Nghị quyết", json!(null)),
                (0, 1, 1),
            ),
        ];
        for (g, p, want) in cases {
            let s = run(
                json!({"legal_refs": [g.clone()]}),
                json!({"legal_refs": [p.clone()]}),
                "",
                false,
            );
            assert_eq!(counts(&s.tables[3]), want, "{g} vs {p}");
        }
    }

    #[test]
    fn directives_match_by_anchor_overlap_and_addressee_containment() {
        let text = "Mở đầu. Thủ tướng yêu cầu các bộ, ngành cần bám sát tình hình.";
        let gold = json!({"directives": [{"anchor": "yêu cầu các bộ, ngành cần bám sát",
                                           "addressee": "các bộ, ngành", "issuer": "Thủ tướng"}]});
        // the anchor is at characters 18..51
        let d = |start: Value, end: Value, addressee: &str| json!({"start": start, "end": end, "addressee": addressee, "issuer": "Thủ tướng"});
        // (prediction, (tp, fp, fn))
        let cases = [
            (d(json!(8), json!(62), "các bộ, ngành"), (1, 0, 0)),
            (d(json!(50), json!(60), "các bộ, ngành"), (1, 0, 0)),
            // touching is not overlapping
            (d(json!(51), json!(60), "các bộ, ngành"), (0, 1, 1)),
            (d(json!(0), json!(18), "các bộ, ngành"), (0, 1, 1)),
            // one addressee contains the other, folded
            (d(json!(8), json!(62), "Các Bộ, ngành liên quan"), (1, 0, 0)),
            (d(json!(8), json!(62), "các bộ"), (1, 0, 0)),
            (d(json!(8), json!(62), "UBND tỉnh"), (0, 1, 1)),
            // offsets that are not integers do not match
            (d(json!("x"), json!(62), "các bộ, ngành"), (0, 1, 1)),
            // an empty addressee is not scored: neither extra nor a match
            (d(json!(8), json!(62), ""), (0, 0, 1)),
            (d(json!(8), json!(62), "  "), (0, 0, 1)),
        ];
        for (p, want) in cases {
            let s = run(
                gold.clone(),
                json!({"directives": [p.clone()]}),
                text,
                false,
            );
            assert_eq!(counts(&s.tables[4]), want, "{p}");
        }
        // an anchor not in the text is dropped with a warning
        let s = run(
            json!({"directives": [{"anchor": "không có", "addressee": "x"}]}),
            json!({"directives": [d(json!(0), json!(5), "x")]}),
            text,
            false,
        );
        assert_eq!(counts(&s.tables[4]), (0, 1, 0));
        assert_eq!(s.warnings, ["warning: t: anchor not in text: 'không có'"]);
    }

    #[test]
    fn tables_left_out_of_gold_are_not_scored() {
        let s = run(
            json!({"people": []}),
            json!({"quantities": [{"value": 1}], "people": [{"name": "A"}]}),
            "",
            false,
        );
        assert_eq!(counts(&s.tables[0]), (0, 0, 0));
        assert_eq!(counts(&s.tables[1]), (0, 1, 0));
    }

    #[test]
    fn attributes_are_scored_on_matches() {
        let s = run(
            json!({"quantities": [{"value": 1, "value_max": null, "unit": "t", "qualifier": "over", "counted": "dự án"}],
                   "legal_refs": [{"doc_type": "Chỉ thị", "code": "15-CT/TW", "issued": "2022-08-10", "issuer": "Ban Bí thư"}],
                   "title": "Tiêu đề", "published": "2024-12-20", "language": "vi"}),
            json!({"quantities": [{"value": 1, "value_max": null, "unit": "t", "qualifier": "", "counted": "dự án FDI"}],
                   "legal_refs": [{"doc_type": "Chỉ thị", "code": "15-CT/TW", "issued": "2022-08-11", "issuer": "Ban Bí thư Trung ương"}],
                   "title": "tiêu  đề", "published": "2024-12-20T08:00:00+07:00", "language": "en"}),
            "",
            false,
        );
        let values: Vec<Option<f64>> = s.attributes.iter().map(Ratio::value).collect();
        assert_eq!(
            values,
            [
                Some(0.0),
                Some(1.0),
                None,
                Some(0.0),
                Some(1.0),
                None,
                Some(1.0),
                Some(1.0),
                Some(0.0)
            ]
        );
    }

    #[test]
    fn prf_edge_cases() {
        let t = |tp, fp, fn_| {
            Tally {
                tp,
                fp,
                fn_,
                errors: vec![],
            }
            .prf()
        };
        assert_eq!(t(0, 0, 0), (1.0, 1.0, 1.0));
        assert_eq!(t(0, 2, 0), (0.0, 1.0, 0.0));
        assert_eq!(t(0, 1, 1), (0.0, 0.0, 0.0));
        assert_eq!(t(3, 1, 0), (0.75, 1.0, 2.0 * 0.75 / 1.75));
    }
}
