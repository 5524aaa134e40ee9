//! Validation, as a table: each case breaks the built-in checklist in one way, and lists
//! the problems (path and a fragment of the message) it must produce. All problems are
//! reported at once, so a case with two mistakes expects two problems.
#![cfg(not(target_arch = "wasm32"))]

use ai_cert_check::{compile, is_safe_href, RawChecklist};
use serde_json::{json, Value};

const SOURCE: &str = include_str!("../src/content/ai-certification.json");

fn base() -> Value {
    serde_json::from_str(SOURCE).unwrap()
}

/// Applies `edit` to the built-in checklist and checks the problems found.
fn check(edit: impl FnOnce(&mut Value), expected: &[(&str, &str)]) {
    let mut v = base();
    edit(&mut v);
    let raw: RawChecklist = serde_json::from_value(v).expect("still the right shape");
    let problems = compile(&raw).expect_err("must be rejected");
    let got: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect();
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for ((path, message), (want_path, want_fragment)) in got.iter().zip(expected) {
        assert_eq!(path, want_path, "{got:#?}");
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
        &[("$.version", "version 2 is not supported")],
    );
}

#[test]
fn duplicate_question_ids() {
    check(
        |v| q(v, 0, 1)["id"] = json!("objective"),
        &[(
            "$.sections[0].questions[1].id",
            "duplicate question id \"objective\"",
        )],
    );
}

#[test]
fn duplicate_option_ids_within_a_question() {
    check(
        |v| q(v, 0, 0)["options"][1]["id"] = json!("promotion"),
        &[(
            "$.sections[0].questions[0].options[1].id",
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
                "factor \"luck\", which does not exist",
            ),
            (
                "$.sections[0].questions[0].options[5].cap",
                "verdict \"maybe\", which does not exist",
            ),
            (
                "$.sections[0].questions[0].options[5].reading[0]",
                "reading \"nowhere\", which does not exist",
            ),
        ],
    );
}

#[test]
fn an_empty_option_list() {
    check(
        |v| q(v, 1, 0)["options"] = json!([]),
        &[("$.sections[1].questions[0].options", "is empty")],
    );
}

#[test]
fn a_red_flag_that_would_raise_a_score() {
    check(
        |v| q(v, 3, 1)["options"][0]["effects"][0]["weight"] = json!(1),
        &[(
            "$.sections[3].questions[1].options[0].effects[0].weight",
            "positive on an option marked red_flag",
        )],
    );
}

#[test]
fn verdict_regions_with_a_gap() {
    check(
        |v| v["verdicts"][2]["when"][0]["max"] = json!(3),
        &[(
            "$.verdicts",
            "no verdict covers the scores case=3, practice=",
        )],
    );
}

#[test]
fn verdict_regions_that_overlap() {
    check(
        |v| v["verdicts"][1]["when"] = json!([{ "factor": "case", "min": 4 }]),
        &[(
            "$.verdicts[1].when",
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
            v["verdicts"][0]["when"][0] = json!({ "factor": "case", "min": 4, "max": 100 });
            v["verdicts"].as_array_mut().unwrap().push(high);
        },
        &[("$.verdicts[4]", "verdict \"dream\" can never be reached")],
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
            ("$.verdicts[0].when[0]", "min is not below max"),
            (
                "$.verdicts[0].when[1].factor",
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
            q(v, 0, 1)["text"] = json!("   ");
        },
        &[
            (
                "$.sections[0].questions[0].options[0].label",
                "201 characters long, more than the 200",
            ),
            ("$.sections[0].questions[1].text", "is empty"),
        ],
    );
}

#[test]
fn too_many_questions() {
    check(
        |v| {
            let one = q(v, 0, 1).clone();
            let many: Vec<Value> = (0..100)
                .map(|i| {
                    let mut x = one.clone();
                    x["id"] = json!(format!("extra{i}"));
                    x
                })
                .collect();
            v["sections"][0]["questions"]
                .as_array_mut()
                .unwrap()
                .extend(many);
        },
        &[("$.sections", "113 questions, more than the 100 allowed")],
    );
}

#[test]
fn an_unsafe_reading_address() {
    check(
        |v| v["reading"][0]["href"] = json!("javascript:alert(1)"),
        &[("$.reading[0].href", "is not an allowed address")],
    );
}

#[test]
fn an_exclusive_option_in_a_single_choice_question() {
    check(
        |v| q(v, 1, 1)["options"][2]["exclusive"] = json!(true),
        &[(
            "$.sections[1].questions[1].options[2].exclusive",
            "single-choice question",
        )],
    );
}

#[test]
fn unknown_keys_are_refused_along_with_the_rule_problems() {
    let mut v = base();
    q(&mut v, 0, 0)["colour"] = json!("red");
    q(&mut v, 0, 1)["id"] = json!("objective");
    let problems = ai_cert_check::parse_checklist_json(&v.to_string()).unwrap_err();
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "$.sections[0].questions[0].colour",
                "unknown field `colour`"
            ),
            (
                "$.sections[0].questions[1].id",
                "duplicate question id \"objective\""
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
