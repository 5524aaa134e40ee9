//! Nothing breaks it, round three (issue 25): what a hostile or careless checklist could
//! still do to the validator, and what holds now. Each test tells the story as it was
//! found:
//! - rules, steps and reading had no count limit: 21,000 rules in a valid 1.95 MB file
//!   froze the page for a second a click; now every list of the format has one;
//! - an unknown reference's hint named every known id: 60 of them among 20,000 reading
//!   ids put 66 MB of text on the page, 4,000 took the widget to 4 GB and made the
//!   validator abort; now a hint names a few ids, every hint is cut, and the problems
//!   past the first fifty are counted, not kept;
//! - ids were checked by a scan of the ids seen: 80,000 steps froze the page 4.5 s; now
//!   they are sorted once, and the comparisons grow as n log n;
//! - a question whose conditions could never hold together, and the verdict only it
//!   could bring, passed validation; now each is a problem at its path;
//! - required texts of invisible characters only (U+200B, U+2060, U+FEFF, U+034F) were
//!   accepted; now they are refused as empty (`tests/bad-checklists/invisible-text.*`,
//!   and `tests/e2e/schema.test.mjs` for every code point).
#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;
use std::cmp::Ordering;
use std::process::Command;

use ai_cert_check::{
    finality, parse, parse_checklist_json, tidy, unlisted, Answers, Ids, Problem, ProblemKind,
    MAX_ARTICLES, MAX_CONDITIONS, MAX_FINALITY_WORK, MAX_HINT_IDS, MAX_MESSAGE, MAX_NEXT_STEPS,
    MAX_OPTIONS, MAX_PROBLEMS, MAX_QUESTIONS, MAX_REFS, MAX_RULES, MAX_SECTIONS, MAX_VERDICTS,
};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("../www/examples/minimal.json");

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

/// One list of the format: where it is in the minimal checklist (made to exist by
/// `setup`), its limit, and the item it is filled with (`i` counts from 0). The
/// minimal checklist's own items come first.
struct List {
    /// The JSON path a problem names.
    path: &'static str,
    /// The same as a JSON pointer.
    pointer: &'static str,
    limit: usize,
    item: fn(usize) -> Value,
    setup: fn(&mut Value),
    /// Where the count is reported, if not at the list (questions are counted in all).
    reported: Option<&'static str>,
}

fn nothing(_: &mut Value) {}

fn a_rule(c: &mut Value) {
    c["rules"] = json!([{ "id": "r", "answers": [{ "question": "relevant", "any_of": ["no"] }],
        "verdict": "skip", "reason": "A rule.", "reading": ["cert"] }]);
}

fn a_step(c: &mut Value) {
    c["steps"] = json!([{ "id": "s", "text": "A step.", "verdicts": ["skip"],
        "answers": [{ "question": "relevant", "any_of": ["yes"] }] }]);
}

/// Every list of the format with a count limit of its own. (An option's `effects` and a
/// verdict's `when` name each factor at most once: a second is a duplicate, so they hold
/// at most `MAX_FACTORS`; `tests/bad-checklists/repeated-factors.*`. The verdicts and the
/// factors are counted in `tests/bad-checklists/too-many.*`: more of them cannot tile.)
fn lists() -> Vec<List> {
    vec![
        List {
            path: "$.sections",
            pointer: "/sections",
            limit: MAX_SECTIONS,
            item: |i| json!({ "id": format!("part{i}"), "title": "Part", "questions": [] }),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.sections[0].questions",
            pointer: "/sections/0/questions",
            // The minimal checklist has two more in its second section.
            limit: MAX_QUESTIONS - 2,
            item: |i| {
                json!({ "id": format!("q{i}"), "text": "A question?",
                    "options": [{ "id": "a", "label": "A" }] })
            },
            setup: nothing,
            reported: Some("$.sections"),
        },
        List {
            path: "$.sections[1].questions[1].ask_if",
            pointer: "/sections/1/questions/1/ask_if",
            limit: MAX_CONDITIONS,
            item: |_| json!({ "question": "hours", "any_of": ["no"] }),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.sections[0].questions[0].options",
            pointer: "/sections/0/questions/0/options",
            limit: MAX_OPTIONS,
            item: |i| json!({ "id": format!("o{i}"), "label": "An option" }),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.sections[0].questions[1].options[1].reading",
            pointer: "/sections/0/questions/1/options/1/reading",
            limit: MAX_REFS,
            item: |_| json!("cert"),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.verdicts[0].next_steps",
            pointer: "/verdicts/0/next_steps",
            limit: MAX_NEXT_STEPS,
            item: |_| json!("A next step."),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.verdicts[2].reading",
            pointer: "/verdicts/2/reading",
            limit: MAX_REFS,
            item: |_| json!("cert"),
            setup: nothing,
            reported: None,
        },
        List {
            path: "$.rules",
            pointer: "/rules",
            limit: MAX_RULES,
            item: |i| {
                json!({ "id": format!("rule{i}"), "answers": [{ "question": "relevant", "any_of": ["no"] }],
                    "verdict": "skip", "reason": "A rule." })
            },
            setup: a_rule,
            reported: None,
        },
        List {
            path: "$.rules[0].answers",
            pointer: "/rules/0/answers",
            limit: MAX_CONDITIONS,
            item: |_| json!({ "question": "relevant", "any_of": ["no"] }),
            setup: a_rule,
            reported: None,
        },
        List {
            path: "$.rules[0].reading",
            pointer: "/rules/0/reading",
            limit: MAX_REFS,
            item: |_| json!("cert"),
            setup: a_rule,
            reported: None,
        },
        List {
            path: "$.steps",
            pointer: "/steps",
            limit: MAX_NEXT_STEPS,
            item: |i| json!({ "id": format!("step{i}"), "text": "A step." }),
            setup: a_step,
            reported: None,
        },
        List {
            path: "$.steps[0].verdicts",
            pointer: "/steps/0/verdicts",
            limit: MAX_VERDICTS,
            item: |_| json!("skip"),
            setup: a_step,
            reported: None,
        },
        List {
            path: "$.steps[0].answers",
            pointer: "/steps/0/answers",
            limit: MAX_CONDITIONS,
            item: |_| json!({ "question": "relevant", "any_of": ["yes"] }),
            setup: a_step,
            reported: None,
        },
        List {
            path: "$.steps[0].answers[0].any_of",
            pointer: "/steps/0/answers/0/any_of",
            limit: MAX_OPTIONS,
            item: |_| json!("yes"),
            setup: a_step,
            reported: None,
        },
        List {
            path: "$.reading",
            pointer: "/reading",
            limit: MAX_ARTICLES,
            item: |i| json!({ "id": format!("article{i}"), "title": "An article" }),
            setup: nothing,
            reported: None,
        },
    ]
}

/// The minimal checklist with the list `l` holding `n` items: its own first, then
/// `l.item`'s.
fn with_items(l: &List, n: usize) -> Value {
    let mut c = minimal();
    (l.setup)(&mut c);
    let list = c
        .pointer_mut(l.pointer)
        .and_then(Value::as_array_mut)
        .unwrap_or_else(|| panic!("{} is not a list", l.pointer));
    let own = list.len();
    assert!(own <= n, "{}", l.path);
    list.extend((own..n).map(l.item));
    c
}

#[test]
fn every_list_of_the_format_has_a_limit_and_one_item_more_is_refused_at_its_path() {
    let table = lists();
    // The table of limits names each list's limit (and the guide lists the lists:
    // tests/docs.rs).
    assert_eq!(table.len(), 15);
    for l in &table {
        let at = with_items(l, l.limit);
        if let Err(p) = parse(&at) {
            panic!("{} with {} items: {p:#?}", l.path, l.limit);
        }
        let problems = parse(&with_items(l, l.limit + 1)).expect_err(l.path);
        let want = l.reported.unwrap_or(l.path);
        let counted: Vec<&Problem> = problems.iter().filter(|p| p.path == want).collect();
        assert_eq!(counted.len(), 1, "{}: {problems:#?}", l.path);
        assert_eq!(counted[0].kind, ProblemKind::Limit, "{}", l.path);
        let more = format!(
            "more than the {} allowed",
            l.limit + l.reported.map_or(0, |_| 2)
        );
        assert!(
            counted[0].message.contains(&more),
            "{}: {}",
            l.path,
            counted[0].message
        );
    }
}

/// The issue's file: 20,000 related articles, and `bad` options each naming an article
/// that does not exist ("nowhere-<i>").
fn many_ids(bad: usize) -> Value {
    let mut c = minimal();
    c["reading"] = Value::Array(
        (0..20_000)
            .map(|i| json!({ "id": format!("r{i}"), "title": "T" }))
            .collect(),
    );
    let question = &mut c["sections"][0]["questions"][1];
    question["options"] = Value::Array(
        (0..bad)
            .map(|i| json!({ "id": format!("o{i}"), "label": "L", "reading": [format!("nowhere-{i}")] }))
            .collect(),
    );
    c
}

#[test]
fn an_unknown_reference_names_the_few_ids_nearest_it_and_the_whole_list_stays_small() {
    // Before: each of the 60 hints named all 20,000 ids (about 140 KB each).
    let problems = parse(&many_ids(60)).expect_err("rejected");
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    let size: usize = problems
        .iter()
        .map(|p| p.path.len() + p.message.len() + p.hint.len())
        .sum();
    assert!(size < 20_000, "{size} bytes of problems");
    let refs: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Reference)
        .collect();
    assert!(refs.len() >= 40, "{}", refs.len());
    for p in refs {
        assert!(p.hint.ends_with("(of 20000)"), "{}", p.hint);
        assert!(p.hint.matches(", ").count() < MAX_HINT_IDS, "{}", p.hint);
    }
    // Nearest in alphabetical order: a typo at the end lands beside the id meant.
    let mut c = minimal();
    c["reading"] = Value::Array(
        (0..1_000)
            .map(|i| json!({ "id": format!("article-{i}"), "title": "T" }))
            .collect(),
    );
    c["verdicts"][2]["reading"] = json!(["article-417x"]);
    let problems = parse(&c).expect_err("rejected");
    let p = problems
        .iter()
        .find(|p| p.path == "$.verdicts[2].reading[0]")
        .unwrap();
    assert!(p.hint.contains("article-417,"), "{}", p.hint);
    // A few ids are all named, in their order, as before.
    let mut c = minimal();
    c["verdicts"][2]["reading"] = json!(["elsewhere"]);
    let problems = parse(&c).expect_err("rejected");
    assert_eq!(problems[0].hint, "known: cert");
}

#[test]
fn every_text_of_a_problem_is_cut_hints_too() {
    let long = "x".repeat(1_000_000);
    let problems = tidy(vec![Problem {
        kind: ProblemKind::Reference,
        path: format!("$.{long}"),
        message: long.clone(),
        hint: long.clone(),
    }]);
    let p = &problems[0];
    for text in [&p.path, &p.message, &p.hint] {
        assert!(text.len() <= MAX_MESSAGE, "{}", text.len());
        assert!(text.contains('…'));
    }
}

#[test]
fn the_validator_reads_4000_bad_references_among_20000_ids_and_prints_a_short_list() {
    // Before: it aborted, out of memory, with nothing printed.
    let dir = std::env::temp_dir().join(format!("acc-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("many.json");
    let text = serde_json::to_string(&many_ids(4_000)).unwrap();
    assert!(text.len() < 2_000_000, "{}", text.len());
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ai-cert-check"))
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.len() < 30_000, "{} bytes", stdout.len());
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), MAX_PROBLEMS + 2, "{stdout}");
    // The counts of the articles and of the options, 4,000 references, and the verdict's
    // reference to the article the file replaced.
    assert!(
        lines[MAX_PROBLEMS + 1].ends_with(": 4003 problem(s)"),
        "{stdout}"
    );
}

/// `n` steps, each with an id of its own but every `repeat`-th the same as the one
/// before (0: none repeated).
fn steps(n: usize, repeat: usize) -> Value {
    let mut c = minimal();
    c["steps"] = Value::Array(
        (0..n)
            .map(|i| {
                let id = if repeat > 0 && i % repeat == repeat - 1 {
                    i - 1
                } else {
                    i
                };
                json!({ "id": format!("s{id}"), "text": "Do it.", "verdicts": ["skip"] })
            })
            .collect(),
    );
    c
}

#[test]
fn eighty_thousand_steps_are_checked_whole() {
    // The issue's 1.96 MB file (80,000 steps): over the count limit now, and still every
    // step is checked (ids, texts, references), so that one pass shows every mistake.
    let problems = parse(&steps(80_000, 0)).expect_err("over the limit");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "$.steps");
    assert_eq!(
        problems[0].message,
        format!("80000 steps, more than the {MAX_NEXT_STEPS} allowed")
    );
    // Every 1,000th id a repeat: 80 of them found, 49 listed after the count.
    let problems = parse(&steps(80_000, 1_000)).expect_err("rejected");
    assert_eq!(problems[1].path, "$.steps[999].id");
    assert_eq!(problems[1].message, "duplicate step id \"s998\"");
    assert_eq!(unlisted(&problems), 81 - MAX_PROBLEMS);
}

/// An id that counts the comparisons made of it.
#[derive(Clone, Copy)]
struct Counted<'a> {
    id: u32,
    comparisons: &'a Cell<usize>,
}

impl PartialEq for Counted<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Counted<'_> {}
impl PartialOrd for Counted<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Counted<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.comparisons.set(self.comparisons.get() + 1);
        self.id.cmp(&other.id)
    }
}

/// The comparisons validation makes of one table of `n` ids (every 100th a repeat): the
/// index, the repeats, and a reference to each id.
fn comparisons(n: u32) -> usize {
    let count = Cell::new(0);
    let id = |i: u32| Counted {
        id: if i % 100 == 99 { i - 1 } else { i },
        comparisons: &count,
    };
    let ids = Ids::new((0..n).map(id));
    let repeated = ids.repeated();
    assert_eq!(repeated.iter().filter(|&&r| r).count(), n as usize / 100);
    for i in 0..n {
        assert!(ids.find(id(i)).is_some());
    }
    assert_eq!(ids.find(id(n + 1)), None);
    count.get()
}

#[test]
fn ids_are_checked_in_n_log_n_comparisons() {
    // A scan of the ids seen for each made 80,000 steps cost 3.2 billion comparisons;
    // sorted once, they cost a few dozen per id, and twice the ids cost a little more
    // than twice the comparisons.
    let n = 80_000;
    let (one, two) = (comparisons(n), comparisons(2 * n));
    assert!(one < 64 * n as usize, "{one} comparisons for {n} ids");
    let ratio = two as f64 / one as f64;
    assert!((2.0..2.3).contains(&ratio), "{ratio}");
}

#[test]
fn a_question_that_can_never_be_asked_and_the_verdict_only_it_brings_are_problems() {
    // tests/bad-checklists/never-asked.* lists them; here, what the hints say.
    let mut c = minimal();
    c["sections"][1]["questions"][0]["ask_if"] = json!([
        { "question": "relevant", "any_of": ["yes"] },
        { "question": "relevant", "any_of": ["partly", "no"] }
    ]);
    let problems = parse(&c).expect_err("rejected");
    let hints: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.hint.as_str()))
        .collect();
    assert_eq!(hints.len(), 3, "{problems:#?}");
    assert!(hints[0]
        .1
        .contains("single-choice question must share an option"));
    assert!(
        hints[2].1.contains("questions that are never asked"),
        "{}",
        hints[2].1
    );

    // In a tick-all question, a box goes with others unless it is exclusive: "skill"
    // and "badge" can be ticked together, "skill" and "none" cannot.
    let asked_after = |any_of: [&str; 2]| {
        let mut c = minimal();
        c["sections"][1]["questions"][0]["ask_if"] = json!([
            { "question": "why", "any_of": [any_of[0]] },
            { "question": "why", "any_of": [any_of[1]] }
        ]);
        parse(&c)
    };
    assert!(asked_after(["skill", "badge"]).is_ok());
    let problems = asked_after(["skill", "none"]).expect_err("never asked");
    assert_eq!(problems[0].path, "$.sections[1].questions[0].ask_if");
    assert_eq!(problems[0].kind, ProblemKind::Conflict);

    // A rule whose answers cannot hold together decides nothing: a problem too.
    let mut c = minimal();
    c["rules"] = json!([{ "id": "never", "verdict": "skip", "reason": "Never.", "answers": [
        { "question": "hours", "any_of": ["yes"] }, { "question": "work_time", "any_of": ["no"] }
    ] }]);
    let problems = parse(&c).expect_err("rejected");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "$.rules[0].answers");
    assert_eq!(problems[0].kind, ProblemKind::Conflict);
}

/// A checklist of one factor "f", the questions `questions`, and two verdicts: "high"
/// from 5 up, "low" below; with the first question answered with its first option.
fn high_or_low(questions: Value) -> (ai_cert_check::Checklist, Answers) {
    let c = parse_checklist_json(
        &json!({
            "version": 1, "id": "t", "title": "T",
            "factors": [{ "id": "f", "label": "F" }],
            "sections": [{ "id": "s", "title": "S", "questions": questions }],
            "verdicts": [
                { "id": "high", "title": "High", "summary": "High.", "when": [{ "factor": "f", "min": 5 }] },
                { "id": "low", "title": "Low", "summary": "Low.", "when": [{ "factor": "f", "max": 5 }] }
            ]
        })
        .to_string(),
    )
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let mut a = Answers::new(&c);
    a.set(&c, 0, 0, true);
    (c, a)
}

#[test]
fn finality_searches_a_tick_all_question_only_through_its_answers() {
    // 31 exclusive boxes of weight 1 and one other: no answer to "boxes" scores more
    // than 1, yet their weights add up to 31, so whether "low" is final must be
    // searched answer by answer. Every set of the 32 boxes used to be made and filtered:
    // 4 billion sets (minutes) for 32 answers, none of it counted as work.
    let mut options = vec![json!({ "id": "free", "label": "Free" })];
    options.extend((1..32).map(|i| {
        json!({ "id": format!("x{i}"), "label": "X", "exclusive": true,
            "effects": [{ "factor": "f", "weight": 1 }] })
    }));
    let (c, a) = high_or_low(json!([
        { "id": "first", "text": "First?", "options": [
            { "id": "a", "label": "A" },
            { "id": "b", "label": "B", "effects": [{ "factor": "f", "weight": 9 }] }
        ] },
        { "id": "boxes", "text": "Boxes?", "multiple": true, "options": options }
    ]));
    let f = finality(&c, &a, 1);
    assert!(f.settled, "{f:?}");
    assert!(f.work < MAX_FINALITY_WORK, "{}", f.work);
}

#[test]
fn finality_tries_the_last_option_of_a_single_choice_question_too() {
    // Two open questions whose last options, together and only together, make the
    // reader "high": no one answer alone changes the band, so only the search through
    // every answer of both finds it. (A loop over options 1..n once left the last one
    // out, and called "low" final.)
    let question = |id: &str| {
        json!({ "id": id, "text": "Q?", "options": [
            { "id": "a", "label": "A" },
            { "id": "b", "label": "B" },
            { "id": "c", "label": "C", "effects": [{ "factor": "f", "weight": 3 }] }
        ] })
    };
    let (c, a) = high_or_low(json!([
        { "id": "first", "text": "First?", "options": [{ "id": "a", "label": "A" }] },
        question("second"),
        question("third")
    ]));
    let f = finality(&c, &a, 1);
    assert!(!f.settled, "{f:?}");
    assert_eq!(f.could_change, vec![1, 2]);
}
