//! Limits before work (issue 16, "Nothing breaks it, round two"): a checklist's size and
//! nesting are checked before it is parsed, problems are listed up to a bound with a
//! count of the rest, and no problem quotes a value whole. Each case is a story an
//! attacker or a careless author told:
//! - 10,000 nested arrays under an unknown key exhausted the widget's stack, and the
//!   validator called the file "not valid JSON: recursion limit exceeded";
//! - 100,000 unknown keys made 100,000 list items and console lines;
//! - a wrong-typed value of 3 million characters was quoted whole;
//! - a 60 MB file took 29 s and 2.2 GB in the validator before "too many questions".
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use ai_cert_check::{
    check_text, check_tree, parse, parse_checklist_json, unlisted, Problem, ProblemKind, Tree,
    MAX_BYTES, MAX_ID, MAX_MESSAGE, MAX_NESTING, MAX_PROBLEMS, MAX_VALUES,
};
use serde_json::Value;

const MINIMAL: &str = include_str!("../www/examples/minimal.json");

/// The minimal example with `extra` added as its last key(s): `"x": [[...]]`.
fn with(extra: &str) -> String {
    let text = MINIMAL.trim_end();
    let body = text.strip_suffix('}').expect("an object");
    format!("{body}, {extra}}}")
}

fn nested(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

/// `$` and then `n` times `[0]`.
fn zeros(prefix: &str, n: usize) -> String {
    format!("{prefix}{}", "[0]".repeat(n))
}

/// Checks the problems of `text`: `(path, kind, message fragment)` in order.
fn check(text: &str, expected: &[(&str, ProblemKind, &str)]) {
    let problems = parse_checklist_json(text).expect_err("must be rejected");
    let got: Vec<(&str, ProblemKind, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind, p.message.as_str()))
        .collect();
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for ((path, kind, message), (want_path, want_kind, fragment)) in got.iter().zip(expected) {
        assert_eq!(path, want_path);
        assert_eq!(kind, want_kind, "{message}");
        assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
    }
}

#[test]
fn the_widget_reads_a_file_no_further_than_the_limit() {
    // src/element/custom-entry.js stops reading a file one byte past MAX_BYTES.
    let js = include_str!("../src/element/custom-entry.js");
    assert!(
        js.contains("const MAX_BYTES = 2_000_000;"),
        "custom-entry.js"
    );
    assert_eq!(MAX_BYTES, 2_000_000);
}

#[test]
fn the_messages_name_the_limits_as_they_are() {
    // The messages write the numbers out; these are the constants they name.
    assert_eq!(
        (
            MAX_BYTES,
            MAX_NESTING,
            MAX_VALUES,
            MAX_PROBLEMS,
            MAX_MESSAGE
        ),
        (2_000_000, 32, 1_000_000, 50, 4_200)
    );
}

#[test]
fn an_id_is_refused_one_character_past_its_limit_with_the_limit_written_out() {
    // The message writes MAX_ID out ("is longer than 64 characters").
    let id = |n: usize| {
        let id = format!("\"id\": \"{}\"", "a".repeat(n));
        MINIMAL.replacen("\"id\": \"team-ai-course\"", &id, 1)
    };
    assert!(parse_checklist_json(&id(MAX_ID)).is_ok());
    check(
        &id(MAX_ID + 1),
        &[("$.id", ProblemKind::Limit, "is longer than 64 characters")],
    );
    assert_eq!(MAX_ID, 64);
}

#[test]
fn nesting_is_refused_at_its_path_before_parsing() {
    // The attack as it was: 10,000 levels under an unknown key, about 22 KB.
    let deep = zeros("$.x", MAX_NESTING - 1);
    check(
        &with(&format!("\"x\": {}", nested(10_000))),
        &[(
            &deep,
            ProblemKind::Limit,
            "is nested more than 32 levels deep",
        )],
    );
    // The boundary: 32 levels in all are read (the unknown key is then the problem),
    // 33 are not. The checklist itself is the first level.
    check(
        &with(&format!("\"x\": {}", nested(MAX_NESTING - 1))),
        &[("$.x", ProblemKind::Shape, "unknown field `x`")],
    );
    check(
        &with(&format!("\"x\": {}", nested(MAX_NESTING))),
        &[(&deep, ProblemKind::Limit, "nested more than")],
    );
    // Keys on the way are named as written, escapes and all (the place is found all the
    // same); brackets inside strings are not counted.
    check(
        &with(&format!(
            "\"a\\\"b\\u00e9😀\": {{\"c\": [\"[[\", {}]}}",
            nested(40)
        )),
        &[(
            &zeros("$.a\\\"b\\u00e9😀.c[1]", MAX_NESTING - 3),
            ProblemKind::Limit,
            "nested more than",
        )],
    );
}

#[test]
fn the_text_check_and_the_tree_check_name_the_same_path() {
    // The widget checks a host's object (the JS API) as a tree, a file as text.
    let text = with(&format!(
        "\"k é\": [1, {{\"x\": [\"[\", {{\"y\": {}}}]}}]",
        nested(60)
    ));
    let by_text = check_text(&text).expect_err("too deep");
    // serde_json stops at 128 levels; 60 more are well within.
    let tree: Value = serde_json::from_str(&text).unwrap();
    let by_tree = check_tree(&tree).expect_err("too deep");
    assert_eq!(by_text, by_tree);
    assert_eq!(by_text.path, zeros("$.k é[1].x[1].y", MAX_NESTING - 5));
    assert_eq!(parse(&tree).expect_err("too deep"), vec![by_tree]);
}

#[test]
fn the_size_is_refused_before_anything_is_read() {
    let padded = |bytes: usize| {
        let text = MINIMAL.trim_end();
        format!("{text}{}", " ".repeat(bytes - text.len()))
    };
    assert!(parse_checklist_json(&padded(MAX_BYTES)).is_ok());
    check(
        &padded(MAX_BYTES + 1),
        &[("$", ProblemKind::Limit, "is more than 2,000,000 bytes long")],
    );
}

#[test]
fn at_most_50_problems_are_listed_and_the_rest_counted() {
    let keys: Vec<String> = (0..10_000).map(|i| format!("\"k{i}\": 0")).collect();
    let problems = parse_checklist_json(&with(&keys.join(", "))).expect_err("rejected");
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert!(problems[..MAX_PROBLEMS]
        .iter()
        .all(|p| p.message.starts_with("unknown field `k")));
    let last = problems.last().unwrap();
    assert_eq!(
        (last.path.as_str(), last.message.as_str()),
        ("$", "and 9950 more problems, not listed")
    );
    assert_eq!(unlisted(&problems), 9_950);
    // Fifty or fewer: all listed, nothing counted.
    let keys: Vec<String> = (0..MAX_PROBLEMS).map(|i| format!("\"k{i}\": 0")).collect();
    let problems = parse_checklist_json(&with(&keys.join(", "))).expect_err("rejected");
    assert_eq!(problems.len(), MAX_PROBLEMS);
    assert_eq!(unlisted(&problems), 0);
}

#[test]
fn a_long_wrong_typed_value_is_quoted_cut_with_what_was_expected() {
    let long = "x".repeat(1_500_000);
    let text = MINIMAL.replacen("\"version\": 1", &format!("\"version\": \"{long}\""), 1);
    let problems = parse_checklist_json(&text).expect_err("rejected");
    let p = &problems[0];
    assert_eq!(p.path, "$");
    assert!(
        p.message.chars().count() <= MAX_MESSAGE,
        "{}",
        p.message.len()
    );
    assert!(
        p.message.starts_with("invalid type: string \"xxx"),
        "{}",
        p.message
    );
    assert!(p.message.contains("x…x"), "{}", p.message);
    assert!(p.message.ends_with("\", expected u32"), "{}", p.message);
}

/// A tree made on demand: `width` children per array, down to `depth`; every child
/// stands for the same value, as shared parts of a host's object do.
struct Shared {
    width: usize,
    depth: usize,
}

impl Tree for Shared {
    fn field(&self, _: &str) -> Option<Self> {
        None
    }
    fn items(&self) -> Option<Vec<Self>> {
        (self.depth > 0).then(|| {
            (0..self.width)
                .map(|_| Shared {
                    width: self.width,
                    depth: self.depth - 1,
                })
                .collect()
        })
    }
    fn keys(&self) -> Option<Vec<String>> {
        None
    }
    fn deserialize<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        Err("not a checklist".to_string())
    }
}

#[test]
fn objects_that_share_parts_or_never_end_stop_at_a_limit() {
    // 20 children a level, 10 levels: 10^13 paths through a few objects.
    let bomb = Shared {
        width: 20,
        depth: 10,
    };
    let p: Problem = check_tree(&bomb).expect_err("too many values");
    assert_eq!(
        (p.path.as_str(), p.message.as_str()),
        ("$", "holds more than 1,000,000 values")
    );
    // A cycle is a tree without end: the nesting limit stops it.
    let endless = Shared {
        width: 1,
        depth: usize::MAX,
    };
    let p = check_tree(&endless).expect_err("too deep");
    assert_eq!(p.path, zeros("$", MAX_NESTING));
    assert_eq!(parse(&endless).expect_err("too deep"), vec![p]);
}

#[test]
fn the_validator_refuses_a_huge_or_deep_file_with_the_widgets_messages() {
    let dir = std::env::temp_dir().join(format!("acc-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("huge.json");
    // 60 MB (sparse, so the test writes almost nothing): refused by its size.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(60_000_000)
        .unwrap();
    let deep = dir.join("deep.json");
    std::fs::write(&deep, with(&format!("\"x\": {}", nested(10_000)))).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ai-cert-check"))
        .arg("check")
        .arg(&huge)
        .arg(&deep)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let huge = huge.display();
    let deep = deep.display();
    let path = zeros("$.x", MAX_NESTING - 1);
    assert_eq!(
        stdout,
        format!(
            "{huge}: $: is more than 2,000,000 bytes long, the most a checklist may be (hint: split it, or move long text into the article)\n\
             {huge}: 1 problem(s)\n\
             {deep}: {path}: is nested more than 32 levels deep (hint: a checklist needs 9 levels: remove or flatten this value)\n\
             {deep}: 1 problem(s)\n"
        )
    );
    assert!(!stdout.contains("recursion limit"));
    std::fs::remove_dir_all(&dir).unwrap();
}
