// For every text (whole files and single paragraphs of the eval sets), compare the
// old lingua answer with a cheap test.
fn vi_letter(c: char) -> bool { matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}') }
fn main() {
    let mut texts: Vec<String> = Vec::new();
    for a in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&a).unwrap();
        for p in t.split('\n') { if p.len() > 20 { texts.push(p.to_string()); } }
        texts.push(t);
    }
    let mut bad = 0; let mut decided = 0;
    for t in &texts {
        let norm = vnextract::fold::fold(t);
        let sample: String = norm.chars().take(2000).collect();
        let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
        let vi = sample.chars().filter(|&c| vi_letter(c)).count();
        let share = vi as f64 / letters.max(1) as f64;
        let d = vnextract::lang::detect(&norm);
        let words: Vec<String> = sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
        let stop = ["the","of","and","to","in","a","is","for","on","with","that","by","as","at","from","was","were","be","has","have","it","its","are","this","an","which","said","will","their","also"];
        let sw = words.iter().filter(|w| stop.contains(&w.as_str())).count();
        let ascii = sample.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let en = letters >= 100 && share < 0.01 && ascii * 100 >= letters * 95 && sw * 5 >= words.len();
        if en { println!("EN cheap: lingua {:?} words {} stop {} {:?}", d, words.len(), sw, &t[..t.len().min(60)]); }
        if !en && d.code == "en" { println!("EN missed: lingua {:?} letters {letters} words {} stop {} ascii {ascii} {:?}", d, words.len(), sw, &t[..t.len().min(60)]); }
        for min in [0usize, 20, 50, 100, 200] {
            if letters >= min && share >= 0.15 {
                if min == 0 { decided += 1; }
                if d.code != "vi" || d.confidence != 1.0 {
                    println!("min {min}: letters {letters} share {share:.3} lingua {:?} {:?}", d, &t[..t.len().min(80)]);
                    if min == 200 { bad += 1; }
                }
            }
        }
    }
    println!("{} texts, {decided} decided, {bad} bad at 200", texts.len());
}
