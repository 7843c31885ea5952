//! Legal references in ENGLISH text, case by case, through the whole
//! pipeline with every text read as English (`rules/en/legal`): English
//! type words before Vietnamese codes (`Directive No. 15/CT-TTg`), the
//! English type and issuer a code's letters stand for, issuers written after
//! `of`/`by`, before the type word (`Government Resolution`, `the Prime
//! Minister's Directive`) or as the subject of an issuing verb, English
//! dates (`dated June 5, 2024`, `5 June 2024`, a date without a year taking
//! the code's), named laws without a code, and what is not a reference
//! (dates, `No. 1 priority`, `COVID-19`, scores). The sentences are written
//! for these tests. Each case asserts every field of every row.

#[allow(dead_code)]
mod common;

use vnextract::model::LegalRef;
use vnextract::pipeline::Processor;

/// One expected row: text, doc_type, code, number, issued, issuer.
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u64>,
    Option<&'static str>,
    Option<&'static str>,
);

/// A row as owned values, for comparing.
type Owned = (
    String,
    String,
    Option<String>,
    Option<u64>,
    Option<String>,
    Option<String>,
);

fn owned(r: &Row) -> Owned {
    let s = |x: Option<&str>| x.map(str::to_string);
    (
        r.0.to_string(),
        r.1.to_string(),
        s(r.2),
        r.3,
        s(r.4),
        s(r.5),
    )
}

fn extract(p: &Processor, text: &str) -> Vec<LegalRef> {
    common::process(p, text).legal_refs
}

fn check(p: &Processor, text: &str, want: &[Row]) {
    let got = extract(p, text);
    let got_rows: Vec<Owned> = got
        .iter()
        .map(|r| {
            (
                r.text.clone(),
                r.doc_type.clone(),
                r.code.clone(),
                r.number,
                r.issued.clone(),
                r.issuer.clone(),
            )
        })
        .collect();
    let want: Vec<Owned> = want.iter().map(owned).collect();
    assert_eq!(got_rows, want, "\ntext: {text}\ngot: {got:#?}");
    common::assert_spans_cover_text(text, got.iter().map(|r| (r.start, r.end, r.text.as_str())));
}

const PM: Option<&str> = Some("Prime Minister");
const GOV: Option<&str> = Some("Government");

#[rustfmt::skip]
const CASES: &[(&str, &[Row])] = &[
    // --- type word, number word, code; type and issuer from the code's letters
    ("Localities must strictly follow Directive No. 08/CT-TTg on forest protection.",
     &[("Directive No. 08/CT-TTg", "Directive", Some("08/CT-TTg"), Some(8), None, PM)]),
    ("The ministry drafted guidance under Resolution 12/NQ-CP to speed up disbursement.",
     &[("Resolution 12/NQ-CP", "Resolution", Some("12/NQ-CP"), Some(12), None, GOV)]),
    ("Firms welcomed Decree 70/2025/ND-CP, which tightens invoicing rules.",
     &[("Decree 70/2025/ND-CP", "Decree", Some("70/2025/ND-CP"), Some(70), None, GOV)]),
    ("Circular No 03/2023/TT-NHNN caps interest on short-term loans.",
     &[("Circular No 03/2023/TT-NHNN", "Circular", Some("03/2023/TT-NHNN"), Some(3), None, Some("State Bank of Vietnam"))]),
    ("Importers cited Circular 38/2015/TT-BTC in their complaint.",
     &[("Circular 38/2015/TT-BTC", "Circular", Some("38/2015/TT-BTC"), Some(38), None, Some("Ministry of Finance"))]),
    ("Exporters must follow document No. 4120/BCT-XNK on rice shipments.",
     &[("document No. 4120/BCT-XNK", "Official Letter", Some("4120/BCT-XNK"), Some(4120), None, Some("Ministry of Industry and Trade"))]),
    ("Urgent Official Dispatch No. 97/CĐ-TTg asked provinces to prepare for the storm.",
     &[("Official Dispatch No. 97/CĐ-TTg", "Official Dispatch", Some("97/CĐ-TTg"), Some(97), None, PM)]),
    ("The ban follows dispatch Number 45/CD-TTg and Notice 210/TB-VPCP.",
     &[("dispatch Number 45/CD-TTg", "Official Dispatch", Some("45/CD-TTg"), Some(45), None, PM),
       ("Notice 210/TB-VPCP", "Notice", Some("210/TB-VPCP"), Some(210), None, Some("Government Office"))]),
    ("Conclusion No.47-KL/TW set new goals for the capital.",
     &[("Conclusion No.47-KL/TW", "Conclusion", Some("47-KL/TW"), Some(47), None, Some("Politburo"))]),
    // `/TW` by type: a Directive of the Secretariat, a Resolution of the Politburo
    ("Cadres studied Directive 05-CT/TW and Resolution 41-NQ/TW last month.",
     &[("Directive 05-CT/TW", "Directive", Some("05-CT/TW"), Some(5), None, Some("Secretariat")),
       ("Resolution 41-NQ/TW", "Resolution", Some("41-NQ/TW"), Some(41), None, Some("Politburo"))]),
    ("The NA passed Resolution No. 98/2023/QH15 on special mechanisms for the city.",
     &[("Resolution No. 98/2023/QH15", "Resolution", Some("98/2023/QH15"), Some(98), None, Some("NA"))]),
    ("Ordinance 02/2022/UBTVQH15 regulates court fees.",
     &[("Ordinance 02/2022/UBTVQH15", "Ordinance", Some("02/2022/UBTVQH15"), Some(2), None, Some("National Assembly Standing Committee"))]),
    // --- English dates after the code
    ("Decision No. 555/QD-TTg dated March 3, 2022 approved the master plan.",
     &[("Decision No. 555/QD-TTg dated March 3, 2022", "Decision", Some("555/QD-TTg"), Some(555), Some("2022-03-03"), PM)]),
    ("Under Decree 08/2022/ND-CP of January 10, 2022, projects need a permit.",
     &[("Decree 08/2022/ND-CP of January 10, 2022", "Decree", Some("08/2022/ND-CP"), Some(8), Some("2022-01-10"), GOV)]),
    ("The rules are set out in Circular 22/2019/TT-BGDDT issued on 20 December 2019.",
     &[("Circular 22/2019/TT-BGDDT issued on 20 December 2019", "Circular", Some("22/2019/TT-BGDDT"), Some(22), Some("2019-12-20"), Some("Ministry of Education and Training"))]),
    ("Decision 17/QD-UBND on Sept. 14 2021 named the new board.",
     &[("Decision 17/QD-UBND on Sept. 14 2021", "Decision", Some("17/QD-UBND"), Some(17), Some("2021-09-14"), Some("People's Committee"))]),
    // a date without a year takes the code's year, where the code has one
    ("Decree 24/2024/ND-CP dated February 27 replaced the old bidding rules.",
     &[("Decree 24/2024/ND-CP dated February 27", "Decree", Some("24/2024/ND-CP"), Some(24), Some("2024-02-27"), GOV)]),
    ("Document 301/UBND-KT dated May 9 asked districts to report.",
     &[("Document 301/UBND-KT dated May 9", "Official Letter", Some("301/UBND-KT"), Some(301), None, Some("People's Committee"))]),
    // a date bound by its lead stays the citation's between commas
    ("Decree 13/2023/ND-CP, dated April 17, 2023, protects personal data.",
     &[("Decree 13/2023/ND-CP, dated April 17, 2023", "Decree", Some("13/2023/ND-CP"), Some(13), Some("2023-04-17"), GOV)]),
    // --- issuers written after `of` / `by`, which win over the code
    ("Directive 20/CT-TTg of the Prime Minister on gold market management took effect.",
     &[("Directive 20/CT-TTg of the Prime Minister", "Directive", Some("20/CT-TTg"), Some(20), None, PM)]),
    ("Plan 85/KH-UBND dated June 2, 2023 of the Da Nang People's Committee sets targets.",
     &[("Plan 85/KH-UBND dated June 2, 2023 of the Da Nang People's Committee", "Plan", Some("85/KH-UBND"), Some(85), Some("2023-06-02"), Some("Da Nang People's Committee"))]),
    ("Decision 1600/QD-TTg signed by Deputy Prime Minister Le Minh Khai covers the program.",
     &[("Decision 1600/QD-TTg signed by Deputy Prime Minister", "Decision", Some("1600/QD-TTg"), Some(1600), None, Some("Deputy Prime Minister"))]),
    ("Circular 12/2024/TT-BCT of the Ministry of Industry and Trade on power prices was published.",
     &[("Circular 12/2024/TT-BCT of the Ministry of Industry and Trade", "Circular", Some("12/2024/TT-BCT"), Some(12), None, Some("Ministry of Industry and Trade"))]),
    // --- issuers written before the type word
    ("The Prime Minister's Directive No. 10/CT-TTg urges faster disbursement.",
     &[("Prime Minister's Directive No. 10/CT-TTg", "Directive", Some("10/CT-TTg"), Some(10), None, PM)]),
    ("Government Resolution 93/NQ-CP dated July 5, 2023 lists the tasks.",
     &[("Government Resolution 93/NQ-CP dated July 5, 2023", "Resolution", Some("93/NQ-CP"), Some(93), Some("2023-07-05"), GOV)]),
    ("The State Bank of Vietnam's Circular 02/2023/TT-NHNN lets banks restructure debts.",
     &[("State Bank of Vietnam's Circular 02/2023/TT-NHNN", "Circular", Some("02/2023/TT-NHNN"), Some(2), None, Some("State Bank of Vietnam"))]),
    // --- the subject of an issuing verb, and the date that opens its clause
    ("On August 1, 2024, the Government issued Resolution 115/NQ-CP on social housing.",
     &[("Resolution 115/NQ-CP", "Resolution", Some("115/NQ-CP"), Some(115), Some("2024-08-01"), GOV)]),
    ("Prime Minister Pham Minh Chinh has signed Directive 29/CT-TTg on public investment.",
     &[("Directive 29/CT-TTg", "Directive", Some("29/CT-TTg"), Some(29), None, PM)]),
    ("The Ministry of Health issued a Circular No. 26/2024/TT-BYT on drug lists.",
     &[("Circular No. 26/2024/TT-BYT", "Circular", Some("26/2024/TT-BYT"), Some(26), None, Some("Ministry of Health"))]),
    ("As directed by the Prime Minister in Official Dispatch 88/CĐ-TTg, ministries reported daily.",
     &[("Official Dispatch 88/CĐ-TTg", "Official Dispatch", Some("88/CĐ-TTg"), Some(88), None, PM)]),
    // coordinated citations share the date and issuer written after the last
    ("Resolutions 18-NQ/TW and 19-NQ/TW dated October 25, 2017 of the Party Central Committee were reviewed.",
     &[("Resolutions 18-NQ/TW", "Resolution", Some("18-NQ/TW"), Some(18), Some("2017-10-25"), Some("Party Central Committee")),
       ("19-NQ/TW dated October 25, 2017 of the Party Central Committee", "Resolution", Some("19-NQ/TW"), Some(19), Some("2017-10-25"), Some("Party Central Committee"))]),
    ("Decision 40/2024/QD-TTg dated July 8 2024 was cited.",
     &[("Decision 40/2024/QD-TTg dated July 8 2024", "Decision", Some("40/2024/QD-TTg"), Some(40), Some("2024-07-08"), PM)]),
    ("Party members follow Document 75-CV/TU dated 3 March 2021 of the Hai Phong Party Committee.",
     &[("Document 75-CV/TU dated 3 March 2021 of the Hai Phong Party Committee", "Official Letter", Some("75-CV/TU"), Some(75), Some("2021-03-03"), Some("Hai Phong Party Committee"))]),
    ("The Law on Enterprises No. 59/2020/QH14 took effect in 2021.",
     &[("Law on Enterprises No. 59/2020/QH14", "Law", Some("59/2020/QH14"), Some(59), None, Some("National Assembly"))]),
    ("Letter 969/TTg-KGVX reminded ministries of the deadline.",
     &[("969/TTg-KGVX", "Official Letter", Some("969/TTg-KGVX"), Some(969), None, PM)]),
    // --- without a code: a named law, a type word and a number
    ("Investors benefit from the Law on Investment 2020 and its decrees.",
     &[("Law on Investment 2020", "Law", None, None, None, None)]),
    ("The Law on Planning and Investment was passed in 2019.",
     &[("Law on Planning and Investment", "Law", None, None, None, None)]),
    ("Resolution 68 is a breakthrough for private firms.",
     &[("Resolution 68", "Resolution", None, Some(68), None, None)]),
];

#[test]
fn english_legal_cases() {
    let p = common::processor_for("en");
    for (text, want) in CASES {
        check(&p, text, want);
    }
}

/// Dates, ranks, disease names, scores and measures are no references;
/// neither are lower-case type words, nor a `Law` that names a school.
#[test]
fn english_negatives() {
    let p = common::processor_for("en");
    for text in [
        "The meeting was held on June 5, 2024 in Hanoi.",
        "Exports rose 10/8/2022 compared with the plan.",
        "Food safety remains the No. 1 priority of the city.",
        "The team is No 1 in the region after a 3-1 win.",
        "COVID-19 cases fell, and the final score was 2-0.",
        "The new decision 3 years ago was reversed.",
        "A resolution of the dispute is expected, the law firm said.",
        "She studied at Hanoi Law University and the Law School.",
        "Resolution 3 years on, the city reviewed the plan.",
        "Boeing 787-9 jets and the Airbus A321 landed at Terminal 2.",
        "The plan for 2025 sets a growth target of 8 percent.",
        "The Decree was discussed; a Decision is due.",
    ] {
        let got = extract(&p, text);
        assert!(got.is_empty(), "{text}: {got:#?}");
    }
}

/// The English rules never give a Vietnamese type or issuer.
#[test]
fn english_types_and_issuers_are_english() {
    let p = common::processor_for("en");
    let got = extract(
        &p,
        "Directive 15/CT-TTg, Resolution 01/NQ-CP, Decree 15/2022/ND-CP and Decision 1234/QĐ-TTg apply.",
    );
    let types: Vec<&str> = got.iter().map(|r| r.doc_type.as_str()).collect();
    assert_eq!(types, ["Directive", "Resolution", "Decree", "Decision"]);
    let issuers: Vec<Option<&str>> = got.iter().map(|r| r.issuer.as_deref()).collect();
    assert_eq!(issuers, [PM, GOV, GOV, PM]);
}
