//! English people and their offices (`rules/en/person/`), one table of
//! sentences with the exact people and roles each must give.

#[allow(dead_code)]
mod common;

#[test]
fn english_people_and_offices() {
    let p = common::processor_for("en");
    let cases: &[(&str, &[(&str, &[&str])])] = &[
        ("Prime Minister Pham Minh Chinh chaired the meeting.", &[("Pham Minh Chinh", &["Prime Minister"])]),
        ("Deputy PM Tran Hong Ha visited the site.", &[("Tran Hong Ha", &["Deputy PM"])]),
        ("Party General Secretary To Lam received the delegation.", &[("To Lam", &["Party General Secretary"])]),
        ("Minister of Finance Nguyen Van Thang said revenue rose.", &[("Nguyen Van Thang", &["Minister of Finance"])]),
        (
            "Vietnamese Ambassador to Japan Pham Quang Hieu attended.",
            &[("Pham Quang Hieu", &["Vietnamese Ambassador to Japan"])],
        ),
        ("President Joe Biden met President Xi Jinping.", &[("Joe Biden", &["President"]), ("Xi Jinping", &["President"])]),
        ("Deputy Prime Minister Bùi Thanh Sơn spoke.", &[("Bùi Thanh Sơn", &["Deputy Prime Minister"])]),
        // coreference: `Mr Chinh` is a mention of the full name
        (
            "Prime Minister Pham Minh Chinh spoke first. Mr Chinh then left.",
            &[("Pham Minh Chinh", &["Prime Minister"])],
        ),
        // an office opening the clause, the name between commas
        (
            "Chairman of the Hanoi People's Committee, Tran Sy Thanh, asked the districts to act.",
            &[("Tran Sy Thanh", &["Chairman of the Hanoi People's Committee"])],
        ),
        // a comma after a place is no office
        ("In Hanoi, Tran Sy Thanh said the plan was ready.", &[("Tran Sy Thanh", &[])]),
        // a demonym before an office is not a family name (`Thái` is one in Vietnamese)
        (
            "Thai Minister of Foreign Affairs Maris Sangiampongsa arrived on Monday.",
            &[("Maris Sangiampongsa", &["Thai Minister of Foreign Affairs"])],
        ),
        // a demonym before an office is part of it; a new clause after the
        // name and a comma is no office of it
        (
            "Meeting Polish Ambassador Aleksander Surdej, President Vo Van Thuong stressed trade ties.",
            &[("Aleksander Surdej", &["Polish Ambassador"]), ("Vo Van Thuong", &["President"])],
        ),
        // a lower-case description before a comma is no chained office
        ("Meeting the ambassador, President Vo Van Thuong stressed trade ties.", &[("Vo Van Thuong", &["President"])]),
        // a run ending in the head of a body's name is the body
        ("Nguyen Thi Huong, head of the General Statistics Office, said growth rose.", &[("Nguyen Thi Huong", &["head of the General Statistics Office"])]),
        ("Prices rose in the districts of Dong Da and Tay Ho.", &[]),
        // bodies and places are no people
        ("The Hanoi People's Committee approved the plan.", &[]),
        ("Ho Chi Minh City will host the event in August.", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let rec = common::process(&p, text);
        let got: Vec<(String, Vec<String>)> = rec.people.iter().map(|x| (x.name.clone(), x.roles.clone())).collect();
        let want: Vec<(String, Vec<String>)> =
            want.iter().map(|(n, r)| (n.to_string(), r.iter().map(|s| s.to_string()).collect())).collect();
        if got != want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
