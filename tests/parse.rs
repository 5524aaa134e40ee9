//! Reading an author's file: shape mistakes serde finds are reported at their paths,
//! all at once, next to the rule problems; the command-line validator prints the same
//! messages and fails the pipeline.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use ai_cert_check::{parse_checklist_json, ProblemKind};
use serde_json::{json, Value};

const SOURCE: &str = include_str!("../src/content/ai-certification.json");

fn problems(v: &Value) -> Vec<(String, String)> {
    parse_checklist_json(&v.to_string())
        .expect_err("must be rejected")
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

fn base() -> Value {
    serde_json::from_str(SOURCE).unwrap()
}

#[test]
fn the_built_in_checklist_parses() {
    assert!(parse_checklist_json(SOURCE).is_ok());
}

#[test]
fn shape_mistakes_are_all_reported_with_their_paths() {
    let mut v = base();
    v["sections"][0]["questions"][0]["options"][1]["colour"] = json!("red");
    v["sections"][2]["questions"][1]["options"][0]["effects"][0]["weight"] = json!("three");
    v["verdicts"][3]["when"][0]
        .as_object_mut()
        .unwrap()
        .remove("factor");
    v["reading"][2]["title"] = json!(7);
    let got = problems(&v);
    let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.sections[0].questions[0].options[1].colour",
            "$.sections[2].questions[1].options[0].effects[0]",
            "$.verdicts[3].when[0]",
            "$.reading[2]",
        ],
        "{got:#?}"
    );
    assert!(got[0].1.contains("unknown field `colour`"));
    assert!(got[1].1.contains("invalid type: string \"three\""));
    assert!(got[2].1.contains("missing field `factor`"));
    assert!(got[3].1.contains("invalid type: integer `7`"));
}

#[test]
fn a_top_level_mistake_is_reported_at_the_root() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("title");
    assert_eq!(
        problems(&v),
        [("$".to_string(), "missing field `title`".to_string())]
    );
    assert_eq!(problems(&json!([1, 2]))[0].0, "$");
}

#[test]
fn broken_json_says_where() {
    let err = parse_checklist_json("{\n  \"version\": 1,\n  \"id\": \"x\",,\n}").unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].path, "$");
    assert!(err[0].message.contains("line 3"), "{}", err[0].message);
    assert_eq!(err[0].kind, ProblemKind::Syntax);
}

#[test]
fn rule_problems_follow_when_the_shape_is_right() {
    let mut v = base();
    v["sections"][2]["questions"][2]["id"] = json!("role");
    assert_eq!(
        problems(&v),
        [(
            "$.sections[2].questions[2].id".to_string(),
            "duplicate question id \"role\"".to_string()
        )]
    );
}

#[test]
fn the_command_line_validator_prints_every_problem_and_fails() {
    let dir = std::env::temp_dir().join(format!("acc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let mut v = base();
    v["version"] = json!(2);
    v["sections"][2]["questions"][2]["options"] = json!([]);
    std::fs::write(&bad, v.to_string()).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, SOURCE).unwrap();

    let bin = env!("CARGO_BIN_EXE_ai-cert-check");
    let out = Command::new(bin)
        .arg("check")
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let bad_name = bad.display().to_string();
    assert!(
        stdout.contains(&format!(
            "{bad_name}: $.version: version 2 is not supported"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{bad_name}: $.sections[2].questions[2].options: is empty"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{bad_name}: 2 problem(s)")),
        "{stdout}"
    );
    assert!(
        !stdout.contains("good.json"),
        "a valid file prints nothing: {stdout}"
    );

    let ok = Command::new(bin).arg("check").arg(&good).output().unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let usage = Command::new(bin).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn labels_are_read_by_name_and_nothing_else_is_taken_for_them() {
    // Set labels are used, unset ones keep their defaults.
    let mut v = base();
    v["labels"] = json!({ "verdict_heading": "Our suggestion", "share": null });
    let c = parse_checklist_json(&v.to_string()).expect("valid");
    assert_eq!(&*c.labels.verdict_heading, "Our suggestion");
    assert_eq!(&*c.labels.share, "Share my result");
    // A label that is not text is a shape problem at `$.labels`.
    v["labels"] = json!({ "verdict_heading": 42 });
    assert_eq!(
        problems(&v),
        [(
            "$.labels".to_string(),
            "invalid type: integer `42`, expected a string".to_string()
        )]
    );
    // A list is not labels (serde's derive would have read it field by field, in order).
    v["labels"] = json!(["Our suggestion"]);
    assert_eq!(
        problems(&v),
        [(
            "$.labels".to_string(),
            "invalid type: sequence, expected a map".to_string()
        )]
    );
}
