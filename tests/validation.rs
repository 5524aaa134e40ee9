//! Validation, as a table: each case breaks the built-in checklist in one way, and lists
//! the problems (path, kind and a fragment of the message) it must produce. All problems are
//! reported at once, so a case with two mistakes expects two problems.
#![cfg(not(target_arch = "wasm32"))]

use ai_cert_check::{compile, is_safe_href, ProblemKind, RawChecklist};
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
fn the_built_in_checklist_is_valid() {
    let raw: RawChecklist = serde_json::from_str(SOURCE).unwrap();
    assert!(compile(&raw).is_ok());
}

#[test]
fn an_unsupported_version() {
    check(
        |v| v["version"] = json!(2),
        &[("$.version", Value, "version 2 is not supported")],
    );
}

#[test]
fn duplicate_question_ids() {
    check(
        |v| q(v, 2, 2)["id"] = json!("role"),
        &[(
            "$.sections[2].questions[2].id",
            Duplicate,
            "duplicate question id \"role\"",
        )],
    );
}

#[test]
fn duplicate_option_ids_within_a_question() {
    check(
        |v| q(v, 2, 0)["options"][1]["id"] = json!("business_analyst"),
        &[(
            "$.sections[2].questions[0].options[1].id",
            Duplicate,
            "duplicate option id",
        )],
    );
}

#[test]
fn references_to_missing_factors_verdicts_and_reading() {
    check(
        |v| {
            q(v, 0, 0)["options"][0]["effects"][0]["factor"] = json!("luck");
            q(v, 0, 0)["options"][5]["cap"] = json!("maybe");
            q(v, 0, 0)["options"][5]["reading"] = json!(["nowhere"]);
        },
        &[
            (
                "$.sections[0].questions[0].options[0].effects[0].factor",
                Reference,
                "factor \"luck\", which does not exist",
            ),
            (
                "$.sections[0].questions[0].options[5].cap",
                Reference,
                "verdict \"maybe\", which does not exist",
            ),
            (
                "$.sections[0].questions[0].options[5].reading[0]",
                Reference,
                "reading \"nowhere\", which does not exist",
            ),
        ],
    );
}

#[test]
fn an_empty_option_list() {
    check(
        |v| q(v, 2, 2)["options"] = json!([]),
        &[("$.sections[2].questions[2].options", Empty, "is empty")],
    );
}

#[test]
fn a_red_flag_that_would_raise_a_score() {
    check(
        |v| q(v, 4, 1)["options"][0]["effects"][0]["weight"] = json!(1),
        &[(
            "$.sections[4].questions[1].options[0].effects[0].weight",
            Value,
            "positive on an option marked red_flag",
        )],
    );
}

#[test]
fn verdict_regions_with_a_gap() {
    check(
        |v| v["verdicts"][2]["when"][0]["max"] = json!(0),
        &[(
            "$.verdicts",
            Verdicts,
            "no verdict covers the scores case=0, practice=",
        )],
    );
}

#[test]
fn verdict_regions_that_overlap() {
    check(
        |v| v["verdicts"][1]["when"] = json!([{ "factor": "case", "min": 1 }]),
        &[(
            "$.verdicts[1].when",
            Verdicts,
            "verdicts worth_it and pair_practice overlap",
        )],
    );
}

#[test]
fn a_verdict_no_answer_can_reach() {
    // Split "worth it" so that its upper half needs a career case of 100.
    check(
        |v| {
            let mut high = v["verdicts"][0].clone();
            high["id"] = json!("dream");
            high["when"][0] = json!({ "factor": "case", "min": 100 });
            v["verdicts"][0]["when"][0] = json!({ "factor": "case", "min": 1, "max": 100 });
            v["verdicts"].as_array_mut().unwrap().push(high);
        },
        &[(
            "$.verdicts[4]",
            Verdicts,
            "verdict \"dream\" can never be reached",
        )],
    );
}

#[test]
fn an_empty_range_and_an_unknown_factor_in_a_condition() {
    check(
        |v| {
            v["verdicts"][0]["when"][0] = json!({ "factor": "case", "min": 4, "max": 4 });
            v["verdicts"][0]["when"][1]["factor"] = json!("vibes");
        },
        &[
            ("$.verdicts[0].when[0]", Conflict, "min is not below max"),
            (
                "$.verdicts[0].when[1].factor",
                Reference,
                "factor \"vibes\", which does not exist",
            ),
        ],
    );
}

#[test]
fn text_over_the_length_limit_and_empty_text() {
    check(
        |v| {
            q(v, 0, 0)["options"][0]["label"] = json!("x".repeat(201));
            q(v, 1, 1)["text"] = json!("   ");
        },
        &[
            (
                "$.sections[0].questions[0].options[0].label",
                Limit,
                "201 characters long, more than the 200",
            ),
            ("$.sections[1].questions[1].text", Empty, "is empty"),
        ],
    );
}

#[test]
fn too_many_questions() {
    check(
        |v| {
            let one = q(v, 2, 2).clone();
            let many: Vec<Value> = (0..100)
                .map(|i| {
                    let mut x = one.clone();
                    x["id"] = json!(format!("extra{i}"));
                    x
                })
                .collect();
            v["sections"][2]["questions"]
                .as_array_mut()
                .unwrap()
                .extend(many);
        },
        &[(
            "$.sections",
            Limit,
            "114 questions, more than the 100 allowed",
        )],
    );
}

#[test]
fn an_unsafe_reading_address() {
    check(
        |v| v["reading"][0]["href"] = json!("javascript:alert(1)"),
        &[("$.reading[0].href", Link, "is not an allowed address")],
    );
}

#[test]
fn an_exclusive_option_in_a_single_choice_question() {
    check(
        |v| q(v, 1, 1)["options"][2]["exclusive"] = json!(true),
        &[(
            "$.sections[1].questions[1].options[2].exclusive",
            Conflict,
            "single-choice question",
        )],
    );
}

#[test]
fn a_question_asked_only_after_a_later_question_or_itself() {
    check(
        |v| {
            q(v, 0, 0)["ask_if"] = json!([{ "question": "program", "any_of": ["yes"] }]);
            q(v, 5, 1)["ask_if"] = json!([{ "question": "program_skills", "any_of": ["yes"] }]);
        },
        &[
            (
                "$.sections[0].questions[0].ask_if[0].question",
                Reference,
                "refers to question \"program\", which is not asked before this one",
            ),
            (
                "$.sections[5].questions[1].ask_if[0].question",
                Reference,
                "refers to question \"program_skills\", which is not asked before this one",
            ),
        ],
    );
}

#[test]
fn a_condition_on_an_unknown_question_or_option_or_none() {
    check(
        |v| {
            q(v, 5, 1)["ask_if"] = json!([
                { "question": "programme", "any_of": ["yes"] },
                { "question": "program", "any_of": ["maybe"] },
                { "question": "program", "any_of": [] }
            ]);
        },
        &[
            (
                "$.sections[5].questions[1].ask_if[0].question",
                Reference,
                "refers to a question \"programme\", which does not exist",
            ),
            (
                "$.sections[5].questions[1].ask_if[1].any_of[0]",
                Reference,
                "refers to option \"maybe\", which does not exist",
            ),
            (
                "$.sections[5].questions[1].ask_if[2].any_of",
                Empty,
                "is empty",
            ),
        ],
    );
}

#[test]
fn an_offer_judgement_that_also_moves_the_verdict_or_is_neither_poor_nor_sound() {
    check(
        |v| {
            q(v, 5, 1)["options"][0]["effects"] = json!([{ "factor": "case", "weight": 1 }]);
            q(v, 5, 1)["options"][1]["offer"] = json!("bad");
        },
        &[
            (
                "$.sections[5].questions[1].options[0].offer",
                Conflict,
                "is set on an option with effects or a cap",
            ),
            (
                "$.sections[5].questions[1].options[1].offer",
                Value,
                "\"bad\" is not \"poor\" or \"sound\"",
            ),
        ],
    );
}

#[test]
fn a_rank_below_the_verdict_before_it() {
    check(
        |v| v["verdicts"][1]["rank"] = json!(0),
        &[("$.verdicts[1].rank", Value, "rank 0 is below the rank")],
    );
}

#[test]
fn rules_and_steps_that_refer_to_nothing() {
    check(
        |v| {
            v["rules"][0]["answers"][0]["question"] = json!("use");
            v["rules"][0]["verdict"] = json!("never");
            v["rules"][1]["answers"] = json!([]);
            v["steps"][0]["verdicts"] = json!(["sometimes"]);
            v["steps"][1]["answers"][0]["any_of"] = json!(["perhaps"]);
        },
        &[
            (
                "$.steps[0].verdicts[0]",
                Reference,
                "verdict \"sometimes\", which does not exist",
            ),
            (
                "$.steps[1].answers[0].any_of[0]",
                Reference,
                "option \"perhaps\", which does not exist",
            ),
            (
                "$.rules[0].answers[0].question",
                Reference,
                "question \"use\", which does not exist",
            ),
            (
                "$.rules[0].verdict",
                Reference,
                "verdict \"never\", which does not exist",
            ),
            ("$.rules[1].answers", Empty, "is empty"),
        ],
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
fn only_http_relative_and_mailto_links_are_safe() {
    for ok in [
        "https://example.com/a",
        "http://x.org",
        "/blog/post",
        "post.html",
        "../a?b=c:d",
        "mailto:me@example.com",
        "#top",
    ] {
        assert!(is_safe_href(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        " javascript:x",
        "java\tscript:x",
        "",
        "ftp://x",
        "\\\\evil",
    ] {
        assert!(!is_safe_href(bad), "{bad}");
    }
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
