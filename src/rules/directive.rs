//! Rules of the directive extractor (`rules/directive/*.toml`): the
//! organisations that give and receive instructions, and the verbs that
//! make a clause an instruction.

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

#[derive(Debug, Clone, Default)]
pub struct DirectiveRules {
    pub orgs: OrgsFile,
    pub verbs: VerbsFile,
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
        Ok(DirectiveRules { orgs, verbs })
    }
}
