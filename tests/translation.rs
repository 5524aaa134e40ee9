//! The French translation of the built-in checklist
//! (`src/content/ai-certification.fr.json`): it is the same checklist as the English one
//! with only the words changed.
//!
//! - it parses and validates like any author's checklist;
//! - its structure (ids and their order, weights, caps, flags, conditions, reading
//!   links) is the English one's, compared on the compiled checklists;
//! - every text is translated: non-empty where the English is, and different from it;
//! - every interface label is set explicitly (the list of labels is the table in
//!   `src/engine/labels.rs`, so a label added there fails this test until it is translated),
//!   with the same placeholders as the English default;
//! - no common English word is left in the French, and the French typography holds
//!   (no-break space before `? ! ; :`, « » quotes, typographic apostrophe).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use ai_cert_check::{
    describe, parse_checklist_json, what_ifs, Answers, Checklist, Direction, Labels, LABELS,
};

const ENGLISH: &str = include_str!("../src/content/ai-certification.json");
const FRENCH: &str = include_str!("../src/content/ai-certification.fr.json");

/// Labels whose French text may equal the English default: `change_action` is only the
/// `{action}` placeholder in every language. (No checklist text is exempt: the French
/// file has no text, proper noun or otherwise, identical to the English.)
const SAME_IN_BOTH: &[&str] = &["change_action"];

fn english() -> Checklist {
    parse_checklist_json(ENGLISH).unwrap_or_else(|p| panic!("English checklist: {p:?}"))
}

fn french() -> Checklist {
    parse_checklist_json(FRENCH).unwrap_or_else(|p| panic!("French checklist: {p:?}"))
}

/// The English checklist with its `labels` removed, so its labels are the built-in
/// English defaults.
fn english_defaults() -> Labels {
    let mut tree: serde_json::Value = serde_json::from_str(ENGLISH).expect("English JSON");
    tree.as_object_mut().expect("an object").remove("labels");
    parse_checklist_json(&tree.to_string())
        .expect("English checklist without labels")
        .labels
}

/// The names of every label, from the one table of labels (`src/engine/labels.rs`).
fn raw_label_names() -> Vec<String> {
    let names: Vec<String> = LABELS.iter().map(|l| l.name.to_string()).collect();
    assert!(names.iter().any(|n| n == "verdict_heading"), "{names:?}");
    names
}

/// A compiled label by its name.
fn label<'a>(l: &'a Labels, name: &str) -> Option<&'a str> {
    l.get(name)
}

/// Every reader-facing text of a checklist (labels aside), with where it is.
fn texts(c: &Checklist) -> Vec<(String, String)> {
    let mut out = vec![
        ("title".to_string(), c.title.to_string()),
        ("intro".to_string(), c.intro.to_string()),
    ];
    for f in c.factors.iter() {
        out.push((format!("factors.{}.label", f.id), f.label.to_string()));
    }
    for s in c.sections.iter() {
        out.push((format!("sections.{}.title", s.id), s.title.to_string()));
    }
    for q in c.questions.iter() {
        let p = format!("questions.{}", q.id);
        out.push((format!("{p}.text"), q.text.to_string()));
        out.push((format!("{p}.help"), q.help.to_string()));
        for o in q.options.iter() {
            let p = format!("{p}.options.{}", o.id);
            out.push((format!("{p}.label"), o.label.to_string()));
            out.push((format!("{p}.reason"), o.reason.to_string()));
            out.push((format!("{p}.action"), o.action.to_string()));
        }
    }
    for v in c.verdicts.iter() {
        let p = format!("verdicts.{}", v.id);
        out.push((format!("{p}.title"), v.title.to_string()));
        out.push((
            format!("{p}.title_poor_offer"),
            v.title_poor_offer.to_string(),
        ));
        out.push((format!("{p}.summary"), v.summary.to_string()));
    }
    for r in c.rules.iter() {
        out.push((format!("rules.{}.reason", r.id), r.reason.to_string()));
    }
    for s in c.steps.iter() {
        out.push((format!("steps.{}.text", s.id), s.text.to_string()));
    }
    for r in c.reading.iter() {
        out.push((format!("reading.{}.title", r.id), r.title.to_string()));
    }
    out
}

/// The checklist with every text field emptied: what must be identical across
/// languages. Fields not named here are compared as they are,
/// so a new structural field is covered without changes.
fn skeleton(c: &Checklist) -> Checklist {
    let mut c = c.clone();
    c.title = "".into();
    c.intro = "".into();
    c.labels = english_defaults();
    for f in c.factors.to_mut() {
        f.label = "".into();
    }
    for s in c.sections.to_mut() {
        s.title = "".into();
    }
    for q in c.questions.to_mut() {
        q.text = "".into();
        q.help = "".into();
        for o in q.options.to_mut() {
            o.label = "".into();
            o.reason = "".into();
            o.action = "".into();
        }
    }
    for v in c.verdicts.to_mut() {
        v.title = "".into();
        v.title_poor_offer = "".into();
        v.summary = "".into();
    }
    for r in c.rules.to_mut() {
        r.reason = "".into();
    }
    for s in c.steps.to_mut() {
        s.text = "".into();
    }
    for r in c.reading.to_mut() {
        r.title = "".into();
    }
    // The cells stay; their labels are the verdicts' titles, wrapped (the French wrap
    // into other lines).
    if let Some(p) = &mut c.picture {
        for a in p.areas.to_mut() {
            a.lines = Default::default();
            a.label.h = 0.0;
        }
    }
    c
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|t| id(t).to_string()).collect()
}

/// The `{name}` placeholders in a template.
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Lower-cased whole words: runs of letters and digits (Unicode), so "l’IA" is "l", "ia".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn french_parses_and_validates() {
    let fr = french();
    assert_eq!(
        fr.id, "ai-certification",
        "same checklist, same saved answers"
    );
}

#[test]
fn french_has_the_english_structure() {
    let (en, fr) = (english(), french());
    assert_eq!(fr.id, en.id);
    assert_eq!(ids(&fr.factors, |f| &f.id), ids(&en.factors, |f| &f.id));
    assert_eq!(ids(&fr.sections, |s| &s.id), ids(&en.sections, |s| &s.id));
    assert_eq!(ids(&fr.questions, |q| &q.id), ids(&en.questions, |q| &q.id));
    for (qe, qf) in en.questions.iter().zip(fr.questions.iter()) {
        assert_eq!(
            ids(&qf.options, |o| &o.id),
            ids(&qe.options, |o| &o.id),
            "options of {}",
            qe.id
        );
    }
    assert_eq!(ids(&fr.verdicts, |v| &v.id), ids(&en.verdicts, |v| &v.id));
    assert_eq!(ids(&fr.reading, |r| &r.id), ids(&en.reading, |r| &r.id));

    // Field by field, text aside: factor ranges, sections, weights, caps, flags,
    // required/multiple, conditions, reading links and addresses.
    let (se, sf) = (skeleton(&en), skeleton(&fr));
    for (a, b) in se.factors.iter().zip(sf.factors.iter()) {
        assert_eq!(b, a, "factor {}", a.id);
    }
    for (a, b) in se.sections.iter().zip(sf.sections.iter()) {
        assert_eq!(b, a, "section {}", a.id);
    }
    for (a, b) in se.questions.iter().zip(sf.questions.iter()) {
        for (oa, ob) in a.options.iter().zip(b.options.iter()) {
            assert_eq!(ob, oa, "option {}.{}", a.id, oa.id);
        }
        assert_eq!(b, a, "question {}", a.id);
    }
    for (a, b) in se.verdicts.iter().zip(sf.verdicts.iter()) {
        assert_eq!(b, a, "verdict {}", a.id);
    }
    for (a, b) in se.reading.iter().zip(sf.reading.iter()) {
        assert_eq!(b, a, "reading {}", a.id);
    }
    assert_eq!(sf, se, "the whole checklist, text aside");
}

#[test]
fn every_text_is_translated() {
    let (en, fr) = (texts(&english()), texts(&french()));
    assert_eq!(en.len(), fr.len());
    for ((path, e), (fpath, f)) in en.iter().zip(fr.iter()) {
        assert_eq!(path, fpath);
        if e.trim().is_empty() {
            assert!(
                f.trim().is_empty(),
                "{path}: empty in English, not in French"
            );
            continue;
        }
        assert!(!f.trim().is_empty(), "{path}: not translated");
        assert_ne!(f, e, "{path}: same text as the English");
    }
}

#[test]
fn every_label_is_set_and_translated_with_the_same_placeholders() {
    let names = raw_label_names();
    let raw: serde_json::Value = serde_json::from_str(FRENCH).expect("French JSON");
    let labels = raw["labels"].as_object().expect("a labels object");
    let (defaults, fr) = (english_defaults(), french().labels);
    for name in &names {
        let set = labels
            .get(name)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("labels.{name} is not set in the French checklist"));
        let compiled = label(&fr, name)
            .unwrap_or_else(|| panic!("labels.{name}: add it to `label` in this test"));
        assert_eq!(compiled, set, "labels.{name}");
        let english = label(&defaults, name).unwrap();
        if !SAME_IN_BOTH.contains(&name.as_str()) {
            assert_ne!(set, english, "labels.{name}: same as the English default");
        }
        assert_eq!(
            placeholders(set),
            placeholders(english),
            "labels.{name}: placeholders differ from the English {english:?}"
        );
    }
    for key in labels.keys() {
        assert!(names.contains(key), "labels.{key} is not a label");
    }
}

#[test]
fn no_english_words_are_left() {
    const ENGLISH_WORDS: &[&str] = &[
        "the", "your", "you", "and", "with", "is", "are", "of", "to", "for", "this", "that", "it",
        "not", "if", "what", "how", "will", "would", "should", "can", "do", "does", "from", "by",
        "my", "have", "be", "than", "about", "in",
    ];
    const ENGLISH_PHRASES: &[&[&str]] = &[&["certification", "is"], &["worth", "it"]];
    let fr = french();
    let mut all = texts(&fr);
    for name in raw_label_names() {
        all.push((
            format!("labels.{name}"),
            label(&fr.labels, &name).unwrap().into(),
        ));
    }
    for (path, text) in &all {
        let w = words(text);
        for word in &w {
            assert!(
                !ENGLISH_WORDS.contains(&word.as_str()),
                "{path}: English word {word:?} in {text:?}"
            );
        }
        for phrase in ENGLISH_PHRASES {
            assert!(
                !w.windows(phrase.len()).any(|win| win == *phrase),
                "{path}: English {phrase:?} in {text:?}"
            );
        }
        // The French acronym is "IA".
        assert!(
            !text
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| t == "AI"),
            "{path}: \"AI\" in {text:?}"
        );
    }
}

#[test]
fn french_typography() {
    let fr = french();
    let mut all = texts(&fr);
    for name in raw_label_names() {
        all.push((
            format!("labels.{name}"),
            label(&fr.labels, &name).unwrap().into(),
        ));
    }
    for (path, text) in &all {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            if matches!(c, '?' | '!' | ';' | ':' | '»') {
                assert!(
                    matches!(before, Some('\u{a0}' | '\u{202f}')),
                    "{path}: no no-break space before {c:?} in {text:?}"
                );
            }
            if c == '«' {
                assert_eq!(
                    chars.get(i + 1),
                    Some(&'\u{a0}'),
                    "{path}: no no-break space after « in {text:?}"
                );
            }
            assert!(
                !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\''),
                "{path}: {c:?} in {text:?}: use « » and ’"
            );
        }
    }
}

#[test]
fn actions_complete_si_vous() {
    let fr = french();
    for q in fr.questions.iter() {
        for o in q.options.iter().filter(|o| !o.action.is_empty()) {
            let first = o.action.chars().next().unwrap();
            assert!(
                first.is_lowercase(),
                "{}.{}: {:?} must continue \"Si vous ...\"",
                q.id,
                o.id,
                o.action
            );
            assert!(
                !o.action.ends_with(['.', '!', '?', ';', ':']),
                "{}.{}: {:?} ends a sentence the template goes on with",
                q.id,
                o.id,
                o.action
            );
        }
    }
}

#[test]
fn what_if_sentences_read_in_french() {
    let fr = french();
    let pick = |answers: &mut Answers, q: &str, o: &str| {
        let qi = fr.question_index(q).unwrap();
        let oi = fr.questions[qi].option_index(o).unwrap();
        answers.set(&fr, qi, oi, true);
    };
    let mut answers = Answers::new(&fr);
    for (q, o) in [
        ("objective", "promotion"),
        ("employer", "yes"),
        ("practice_now", "rarely"),
        ("apply_next", "project"),
    ] {
        pick(&mut answers, q, o);
    }
    let up = what_ifs(&fr, &answers, Direction::Up, 2);
    assert!(!up.is_empty(), "a way up from \"pair_practice\"");
    let sentence = describe(&fr, &answers, &up[0], Direction::Up);
    assert_eq!(
        sentence,
        "Si vous utilisez l\u{2019}IA dans votre travail tous les jours, le verdict passe \
         \u{e0} \u{ab}\u{a0}\u{c7}a en vaut la peine\u{a0}\u{bb}."
    );
    // Dropping a warning sign, in French grammar.
    pick(&mut answers, "practice_now", "weekly");
    pick(&mut answers, "expectations", "guarantee_job");
    let up = what_ifs(&fr, &answers, Direction::Up, 2);
    let sentence = describe(&fr, &answers, &up[0], Direction::Up);
    assert!(
        sentence.starts_with("Si vous renoncez \u{e0} attendre d\u{2019}une certification qu\u{2019}elle vous garantisse un emploi, "),
        "{sentence}"
    );
    // Several boxes dropped together read as one clause, in French too.
    pick(&mut answers, "expectations", "salary_raise");
    let up = what_ifs(&fr, &answers, Direction::Up, 2);
    let sentence = describe(&fr, &answers, &up[0], Direction::Up);
    assert!(
        sentence.starts_with(
            "Si vous renoncez \u{e0} attendre d\u{2019}une certification qu\u{2019}elle vous \
             garantisse un emploi ou augmente automatiquement votre salaire, "
        ),
        "{sentence}"
    );
    // And what would lose it.
    let mut strong = Answers::new(&fr);
    for (q, o) in [
        ("objective", "promotion"),
        ("employer", "yes"),
        ("practice_now", "weekly"),
        ("apply_next", "project"),
    ] {
        pick(&mut strong, q, o);
    }
    let down = what_ifs(&fr, &strong, Direction::Down, 1);
    let sentence = describe(&fr, &strong, &down[0], Direction::Down);
    assert!(sentence.starts_with("Si vous "), "{sentence}");
    assert!(
        sentence.contains(", le verdict deviendrait «\u{a0}"),
        "{sentence}"
    );
}
