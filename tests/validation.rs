//! Validation of the built-in checklist broken in the ways the bad checklists
//! (`tests/bad-checklists/`, one case per rule, each checked natively, in the browser and
//! against the schema) do not: each case lists the problems (path, kind and a fragment
//! of the message) it must produce. All problems are reported at once, so a case with
//! two mistakes expects two problems.
#![cfg(not(target_arch = "wasm32"))]

use ai_cert_check::{compile, ProblemKind, RawChecklist};
use serde_json::{json, Value};
use ProblemKind::*;

const SOURCE: &str = include_str!("../src/content/ai-certification.json");

fn base() -> Value {
    serde_json::from_str(SOURCE).unwrap()
}

/// Applies `edit` to the built-in checklist and checks the problems found.
fn check(edit: impl FnOnce(&mut Value), expected: &[(&str, ProblemKind, &str)]) {
    let mut v = base();
    edit(&mut v);
    let raw: RawChecklist = serde_json::from_value(v).expect("still the right shape");
    let problems = compile(&raw).expect_err("must be rejected");
    let got: Vec<(String, ProblemKind, String)> = problems
        .iter()
        .map(|p| (p.path.clone(), p.kind, p.message.clone()))
        .collect();
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for ((path, kind, message), (want_path, want_kind, want_fragment)) in got.iter().zip(expected) {
        assert_eq!(path, want_path, "{got:#?}");
        assert_eq!(kind, want_kind, "{path}: {message}");
        assert!(
            message.contains(want_fragment),
            "{message:?} lacks {want_fragment:?}"
        );
    }
    assert!(
        problems.iter().all(|p| !p.hint.is_empty()),
        "every problem has a hint"
    );
}

fn q(v: &mut Value, s: usize, q: usize) -> &mut Value {
    &mut v["sections"][s]["questions"][q]
}

#[test]
fn a_rank_below_the_verdict_before_it() {
    check(
        |v| v["verdicts"][1]["rank"] = json!(0),
        &[("$.verdicts[1].rank", Value, "rank 0 is below the rank")],
    );
}

#[test]
fn unknown_keys_are_refused_along_with_the_rule_problems() {
    let mut v = base();
    q(&mut v, 0, 0)["colour"] = json!("red");
    q(&mut v, 2, 2)["id"] = json!("role");
    let problems = ai_cert_check::parse_checklist_json(&v.to_string()).unwrap_err();
    let got: Vec<(&str, ProblemKind, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind, p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "$.sections[0].questions[0].colour",
                Shape,
                "unknown field `colour`"
            ),
            (
                "$.sections[2].questions[2].id",
                Duplicate,
                "duplicate question id \"role\""
            ),
        ]
    );
}

#[test]
fn problems_quote_a_long_value_up_to_1000_characters_then_cut_it() {
    // A checklist from elsewhere may hold a key, id or address of megabytes: the problem
    // names it, but not whole (laid out whole, one such word can stall the page).
    let long = "é".repeat(5_000);
    let mut v = base();
    q(&mut v, 0, 0)[format!("k{long}")] = json!(true);
    q(&mut v, 0, 0)["id"] = json!(format!("bad {long}"));
    let problems = ai_cert_check::parse_checklist_json(&v.to_string()).expect_err("rejected");
    let cut: String = format!("k{long}").chars().take(1000).chain(['…']).collect();
    let key = problems
        .iter()
        .find(|p| p.message.starts_with("unknown field"))
        .expect("the key's problem");
    assert_eq!(key.message, format!("unknown field `{cut}`"));
    assert!(key.path.ends_with(&format!(".{cut}")), "{}", key.path);
    let id = problems
        .iter()
        .find(|p| p.message.contains("not a valid id"))
        .expect("the id's problem");
    assert_eq!(
        id.message.chars().count(),
        "\"\" is not a valid id".chars().count() + 1001
    );
    assert!(
        id.message.starts_with("\"bad éé") && id.message.contains("é…\""),
        "{}",
        id.message
    );
}
