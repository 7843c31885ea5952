//! Rules of the directive extractor (`rules/<lang>/directive/*.toml`): the
//! organisations that give and receive instructions, and the verbs that
//! make a clause an instruction.
//!
//! A language folder holds one of two grammars. `orgs.toml` and
//! `verbs.toml` describe a language where the request verb is followed by
//! the addressee and then the bare task (`yêu cầu Bộ Công Thương chủ trì
//! …`: Vietnamese). `clauses.toml` describes a language where the addressee
//! is the verb's object and the task an infinitive after a marker (`asked
//! the Ministry of Finance to …`: English). When `clauses.toml` is there,
//! it is the grammar and the other two files are not read.

use serde::Deserialize;

use super::{LangDir, RuleError, RuleFile};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgsFile {
    pub names: Vec<String>,
    pub heads: Vec<String>,
    pub generic: Vec<String>,
    pub tails: Vec<String>,
    pub generic_subjects: Vec<String>,
    pub pronouns: Vec<String>,
    #[serde(default)]
    pub first_person: Vec<String>,
    pub events: Vec<String>,
    #[serde(default)]
    pub object_nouns: Vec<String>,
    #[serde(default)]
    pub singular: Vec<String>,
    #[serde(default)]
    pub sides: Vec<String>,
    /// The stretch of places a list of bodies covers: `các tỉnh từ Thái
    /// Bình đến Thừa Thiên-Huế` (`from` then names, `to` then names).
    pub stretch: Stretch,
    /// A number of people asked to act: `yêu cầu 1,3 tỷ dân …`.
    pub crowd: Crowd,
    /// Abbreviated last parts of a body's name after `và`: `Sở Nông nghiệp
    /// và PTNT`, `Bộ Tài nguyên và MT`.
    #[serde(default)]
    pub abbreviated_tails: Vec<String>,
}

/// A counted crowd as an addressee: a number, a scale word, a noun of people.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crowd {
    /// Scale words between the number and the noun (`tỷ`, `triệu`).
    pub scale: Vec<String>,
    /// Nouns of people after the number (`dân`, `người`); the `singular`
    /// nouns count too.
    pub nouns: Vec<String>,
}

/// `từ X đến Y` after a list of bodies: part of the addressee.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stretch {
    pub from: Vec<String>,
    pub to: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbsFile {
    pub request: Vec<String>,
    pub noun_markers: Vec<String>,
    pub lead: Vec<String>,
    /// Passive lead verbs (`Sở Tài chính được giao chủ trì …`): only right
    /// after the addressee, not in `theo chức năng, nhiệm vụ được giao`.
    #[serde(default)]
    pub passive_lead: Vec<String>,
    pub strong: Vec<String>,
    pub tasks: Vec<String>,
    pub for_marker: Vec<String>,
    pub passage: Vec<String>,
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub agentive: Vec<String>,
    #[serde(default)]
    pub not_verbs: Vec<String>,
    #[serde(default)]
    pub passage_verbs: Vec<String>,
    #[serde(default)]
    pub issuing: Vec<String>,
    #[serde(default)]
    pub documents: DocumentsRules,
    /// Words that open a sentence before a comma and carry on the
    /// instruction before it (`Theo đó, các tỉnh ven biển phối hợp …`):
    /// the clause begins after the comma.
    pub carry_on: Vec<String>,
    /// Other verbs a body does, that end its name when it is read from
    /// lower-case syllables (`Ban Thường vụ Tỉnh ủy đồng ý …`).
    pub predicates: Vec<String>,
}

/// `[documents]` of `verbs.toml`: the cited documents that assign tasks,
/// whose issuer stands for the clauses of the document being reported.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsRules {
    /// Canonical `doc_type`s of `rules/legal/types.toml` that assign tasks.
    #[serde(default)]
    pub types: Vec<String>,
    /// The same documents named without a code, as a subject
    /// (`Công điện yêu cầu …`, `Kế hoạch giao …`).
    #[serde(default)]
    pub words: Vec<String>,
    /// Words before a citation that make it the document being reported
    /// (`Theo Công điện số …, …`).
    #[serde(default)]
    pub reported_after: Vec<String>,
    /// How many sentences from the top (title and lead) report a document
    /// by citing it alone.
    #[serde(default)]
    pub lead_sentences: usize,
}

/// `clauses.toml`: the grammar of object-and-infinitive directives
/// (`X asked Y to …`, `Y was asked to …`, `Y must …`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClausesFile {
    /// Active request verbs: `X asked / urged … Y to + task`.
    pub request: Vec<String>,
    /// Participles of a passive request after an auxiliary: `Y was asked to`.
    pub passive: Vec<String>,
    /// The auxiliaries before them (`is`, `are`, `was`, `have been`).
    pub auxiliaries: Vec<String>,
    /// The word that ends the addressee and opens the task (`to`).
    pub markers: Vec<String>,
    /// Words after which a marker is a preposition (`according to`).
    #[serde(default)]
    pub not_marker_after: Vec<String>,
    /// Modal verbs after a body that has been asked before: `Y must …`.
    pub modals: Vec<String>,
    /// Nouns of bodies and of people in office: a phrase holding one can be
    /// told to act without a request verb or a marker.
    pub bodies: Vec<String>,
    /// Nouns of people in office that open a new addressee inside a list
    /// (`ambassadors and leaders of ministries …`).
    #[serde(default)]
    pub office_heads: Vec<String>,
    /// Words that join the items of a list of addressees (`and`).
    #[serde(default)]
    pub list_joiners: Vec<String>,
    /// Words between a subject and its verb (`has`, `also`).
    #[serde(default)]
    pub adverbs: Vec<String>,
    /// Subject pronouns that stand for the last person named (`He asked`).
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Object pronouns that stand for the last addressee (`asked them to`).
    #[serde(default)]
    pub object_pronouns: Vec<String>,
    /// Words that open a clause: a subject phrase read backwards ends at
    /// one (`He said that agencies must …`).
    #[serde(default)]
    pub clause_openers: Vec<String>,
    /// Words inside a capitalised subject (`Minister of Finance`, `the`).
    #[serde(default)]
    pub subject_inner: Vec<String>,
    /// Determiners dropped from the front of a written issuer (`The
    /// Government directed` → `Government`).
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Subjects that are things, not authorities: a request verb after one
    /// is no directive (`it requires efforts to …`).
    #[serde(default)]
    pub impersonal_subjects: Vec<String>,
    /// Words an addressee never begins with: `asked for approval …`,
    /// `asked about prices`.
    #[serde(default)]
    pub not_objects: Vec<String>,
    /// Words after which a request verb is a noun or a gerund used as one
    /// (`a document on directing units to …`).
    #[serde(default)]
    pub not_verb_after: Vec<String>,
    /// Markers of a task written as a gerund after a passive request (`is
    /// tasked with recommending …`).
    #[serde(default)]
    pub gerund_markers: Vec<String>,
    /// The ending of a gerund or participle (`-ing`): a comma and one ends
    /// an object (`urged the acceleration of …, striving to …`), and one
    /// follows a gerund marker. Empty: none is read.
    #[serde(default)]
    pub gerund_ending: String,
    /// Words after a request verb that open a clause whose subject is the
    /// addressee: `requested that relevant ministries … focus on …`.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Words that open a head's own complement (`heads of agencies`): in a
    /// list cut by commas, a joiner and a head after an item with one opens
    /// a new item (`…, heads of agencies and chairpersons of …`); after an
    /// item without one the two heads share what follows (`general
    /// managers and directors of …`).
    #[serde(default)]
    pub complements: Vec<String>,
    /// Nouns of people in office that need a complement (`directors of
    /// …`): before a joiner and another head, they share its complement.
    #[serde(default)]
    pub relational_heads: Vec<String>,
    /// A negation right before the marker belongs to the task: `asked the
    /// provinces not to be negligent`.
    #[serde(default)]
    pub negations: Vec<String>,
    /// The ending of an adverb of manner (`-ly`): one ends the subject of a
    /// clause after a complementizer (`localities proactively decide …`).
    #[serde(default)]
    pub adverb_ending: String,
    /// Issuers written short, and how they are written out (`PM` → `Prime
    /// Minister`).
    #[serde(default)]
    pub issuer_forms: std::collections::BTreeMap<String, String>,
    /// Most words between a request verb and its marker.
    pub max_addressee_words: usize,
    /// Most words read as one task.
    pub max_action_words: usize,
}

#[derive(Debug, Clone, Default)]
pub struct DirectiveRules {
    pub orgs: OrgsFile,
    pub verbs: VerbsFile,
    /// The object-and-infinitive grammar, when the language has
    /// `clauses.toml` (then `orgs` and `verbs` are empty).
    pub clauses: Option<ClausesFile>,
}

fn check(file: &RuleFile, lists: &[(&str, &Vec<String>)]) -> Result<(), RuleError> {
    for (name, list) in lists {
        if list.is_empty() {
            return Err(file.error_at(
                file.content.find(&format!("{name} =")),
                format!("`{name}` is empty"),
            ));
        }
        if let Some(s) = list.iter().find(|s| s.trim().is_empty()) {
            let _ = s;
            return Err(file.error_at(
                file.content.find(&format!("{name} =")),
                format!("`{name}` has an empty entry"),
            ));
        }
    }
    Ok(())
}

impl DirectiveRules {
    pub fn load(source: &LangDir<'_>) -> Result<DirectiveRules, RuleError> {
        if source.has("directive/clauses.toml") {
            let cf = source.read("directive/clauses.toml")?;
            let clauses: ClausesFile = cf.parse()?;
            check(
                &cf,
                &[
                    ("request", &clauses.request),
                    ("passive", &clauses.passive),
                    ("auxiliaries", &clauses.auxiliaries),
                    ("markers", &clauses.markers),
                    ("modals", &clauses.modals),
                    ("bodies", &clauses.bodies),
                ],
            )?;
            for (name, n) in [
                ("max_addressee_words", clauses.max_addressee_words),
                ("max_action_words", clauses.max_action_words),
            ] {
                if n == 0 {
                    return Err(cf.error_at(
                        cf.content.find(&format!("{name} =")),
                        format!("`{name}` must be at least 1"),
                    ));
                }
            }
            return Ok(DirectiveRules {
                clauses: Some(clauses),
                ..DirectiveRules::default()
            });
        }
        let of = source.read("directive/orgs.toml")?;
        let orgs: OrgsFile = of.parse()?;
        check(
            &of,
            &[
                ("names", &orgs.names),
                ("heads", &orgs.heads),
                ("generic", &orgs.generic),
                ("tails", &orgs.tails),
                ("from", &orgs.stretch.from),
                ("to", &orgs.stretch.to),
            ],
        )?;
        let vf = source.read("directive/verbs.toml")?;
        let verbs: VerbsFile = vf.parse()?;
        check(
            &vf,
            &[
                ("request", &verbs.request),
                ("lead", &verbs.lead),
                ("strong", &verbs.strong),
                ("tasks", &verbs.tasks),
                ("carry_on", &verbs.carry_on),
                ("predicates", &verbs.predicates),
            ],
        )?;
        Ok(DirectiveRules {
            orgs,
            verbs,
            clauses: None,
        })
    }
}
