//! Checklists as files: every bad checklist in `tests/bad-checklists/` is rejected with
//! exactly the problems its `.expected` file lists, and every checklist we ship (the
//! built-in one, `www/examples/*.json`, the example in `docs/checklist-format.md`) is
//! accepted.
//!
//! A bad checklist is its change only: `NAME.patch.json` is a JSON Patch (RFC 6902:
//! `add`, `remove`, `replace`) against the one minimal valid checklist,
//! `www/examples/minimal.json`, with two additions JSON Patch lacks: `"times": n` adds
//! the value n times, `{i}` in its strings counting 1 to n, and `"text"` instead of
//! `"value"` puts JSON text in place that a JSON value cannot hold (`1e999`).
//! `tests/bad-checklists/cases.mjs` applies the same patches for the browser and the
//! schema's tests.
//!
//! An `.expected` file reads like the spec of one rule: a first line saying whether the
//! JSON Schema can express it (checked by `tests/e2e/schema.test.mjs`), optional `#`
//! comment lines, then one `<JSON path>: <kind>: <message fragment>` line per problem, in
//! the order they are reported: the kind must be the problem's, the fragment part of its
//! message. See `tests/bad-checklists/README.md`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use ai_cert_check::{
    compile, is_safe_href, parse_checklist_json, Problem, ProblemKind, RawChecklist,
};
use serde_json::Value;

/// Every kind a problem can have.
const KINDS: [ProblemKind; 11] = [
    ProblemKind::Syntax,
    ProblemKind::Shape,
    ProblemKind::Empty,
    ProblemKind::Limit,
    ProblemKind::Value,
    ProblemKind::Conflict,
    ProblemKind::Duplicate,
    ProblemKind::Reference,
    ProblemKind::Link,
    ProblemKind::Verdicts,
    ProblemKind::Load,
];

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn dir(relative: &str) -> PathBuf {
    Path::new(ROOT).join(relative)
}

/// The files in `relative` whose name ends with `extension`, sorted.
fn files(relative: &str, extension: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The bad checklists, by name (`NAME` of `NAME.patch.json`), sorted.
fn cases() -> Vec<String> {
    files("tests/bad-checklists", "json")
        .iter()
        .filter_map(|p| name(p).strip_suffix(".patch.json").map(str::to_string))
        .collect()
}

/// `value` with `{i}` in each of its strings replaced by `i`.
fn numbered(value: &Value, i: u64) -> Value {
    match value {
        Value::String(s) => Value::String(s.replace("{i}", &i.to_string())),
        Value::Array(items) => Value::Array(items.iter().map(|v| numbered(v, i)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), numbered(v, i)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The text of `www/examples/minimal.json` after the bad checklist `case`'s patch (see
/// the module docs).
fn patched(case: &str) -> String {
    let file = format!("tests/bad-checklists/{case}.patch.json");
    let patch: Value = serde_json::from_str(&read(&dir(&file)))
        .unwrap_or_else(|e| panic!("{file}: not JSON: {e}"));
    let mut doc: Value = serde_json::from_str(&read(&dir("www/examples/minimal.json"))).unwrap();
    let mut texts = Vec::new();
    for op in patch["patch"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: no \"patch\" list"))
    {
        let path = op["path"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: {op}: no path"));
        let (parent, key) = path
            .rsplit_once('/')
            .unwrap_or_else(|| panic!("{file}: {path}"));
        let key = key.replace("~1", "/").replace("~0", "~");
        let value = match op.get("text").and_then(Value::as_str) {
            Some(text) => {
                texts.push(text.to_string());
                Value::String(format!("@@text{}@@", texts.len() - 1))
            }
            None => op.get("value").cloned().unwrap_or(Value::Null),
        };
        let times = op.get("times").and_then(Value::as_u64);
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{file}: {path}: no {parent}"));
        match (op["op"].as_str(), target) {
            (Some("add"), Value::Object(map)) => {
                map.insert(key, value);
            }
            (Some("add"), Value::Array(items)) => {
                for i in 1..=times.unwrap_or(1) {
                    let v = if times.is_some() {
                        numbered(&value, i)
                    } else {
                        value.clone()
                    };
                    match key.as_str() {
                        "-" => items.push(v),
                        at => items.insert(at.parse().expect("an index"), v),
                    }
                }
            }
            (Some("replace"), Value::Object(map)) if map.contains_key(&key) => {
                map.insert(key, value);
            }
            (Some("replace"), Value::Array(items)) => {
                items[key.parse::<usize>().expect("an index")] = value;
            }
            (Some("remove"), Value::Object(map)) if map.contains_key(&key) => {
                map.remove(&key);
            }
            (Some("remove"), Value::Array(items)) => {
                items.remove(key.parse().expect("an index"));
            }
            (op, _) => panic!("{file}: {path}: cannot {op:?} there"),
        }
    }
    let mut text = serde_json::to_string_pretty(&doc).unwrap();
    for (i, t) in texts.iter().enumerate() {
        text = text.replace(&format!("\"@@text{i}@@\""), t);
    }
    text
}

/// What an `.expected` file says.
#[derive(Debug)]
struct Expected {
    /// `true` for `schema: rejects`.
    schema_rejects: bool,
    /// `(path, kind, message fragment)`, in order.
    problems: Vec<(String, String, String)>,
}

fn parse_expected(file: &str, text: &str) -> Expected {
    let mut lines = text.lines();
    let schema_rejects = match lines.next().map(str::trim) {
        Some("schema: rejects") => true,
        Some("schema: accepts") => false,
        other => panic!(
            "{file}: the first line must be `schema: rejects` or `schema: accepts`, not {other:?}"
        ),
    };
    let problems = lines
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let shape = || panic!("{file}: `{l}` is not `<path>: <kind>: <message fragment>`");
            let (path, rest) = l.split_once(": ").unwrap_or_else(shape);
            let (kind, fragment) = rest.split_once(": ").unwrap_or_else(shape);
            assert!(path.starts_with('$'), "{file}: `{path}` is not a JSON path");
            assert!(
                KINDS.iter().any(|k| k.as_str() == kind),
                "{file}: `{kind}` is not a kind of problem"
            );
            assert!(
                !fragment.is_empty(),
                "{file}: `{l}` has no message fragment"
            );
            (path.to_string(), kind.to_string(), fragment.to_string())
        })
        .collect();
    Expected {
        schema_rejects,
        problems,
    }
}

/// Why `got` differs from `want`, or `None` if every problem matches.
fn mismatch(got: &[Problem], want: &[(String, String, String)]) -> Option<String> {
    let listed = || {
        got.iter()
            .map(|p| format!("    {}: {}: {}", p.path, p.kind.as_str(), p.message))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if got.len() != want.len() {
        return Some(format!(
            "{} problems reported, {} expected; reported:\n{}",
            got.len(),
            want.len(),
            listed()
        ));
    }
    for (i, (p, (path, kind, fragment))) in got.iter().zip(want).enumerate() {
        if &p.path != path || p.kind.as_str() != kind || !p.message.contains(fragment.as_str()) {
            return Some(format!(
                "problem {} is `{}: {}: {}`, expected `{path}: {kind}: ...{fragment}...`; reported:\n{}",
                i + 1,
                p.path,
                p.kind.as_str(),
                p.message,
                listed()
            ));
        }
        if p.hint.is_empty() {
            return Some(format!("problem {} (`{}`) has no hint", i + 1, p.path));
        }
    }
    None
}

#[test]
fn every_bad_checklist_is_rejected_with_exactly_the_expected_problems() {
    let mut failures = Vec::new();
    for case in cases() {
        let file = format!("{case}.patch.json");
        let expected = parse_expected(
            &file,
            &read(&dir(&format!("tests/bad-checklists/{case}.expected"))),
        );
        assert!(
            !expected.problems.is_empty(),
            "{file}: the .expected file lists no problems"
        );
        match parse_checklist_json(&patched(&case)) {
            Ok(_) => failures.push(format!("{file}: accepted, but must be rejected")),
            Err(got) => {
                if let Some(why) = mismatch(&got, &expected.problems) {
                    failures.push(format!("{file}: {why}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

#[test]
fn every_bad_checklist_has_an_expected_file_and_every_expected_file_a_checklist() {
    let expected: Vec<String> = files("tests/bad-checklists", "expected")
        .iter()
        .map(|p| name(p).trim_end_matches(".expected").to_string())
        .collect();
    let json: Vec<String> = files("tests/bad-checklists", "json")
        .iter()
        .map(|p| name(p))
        .collect();
    assert!(
        json.iter().all(|n| n.ends_with(".patch.json")),
        "only patches here: {json:?}"
    );
    assert_eq!(
        cases(),
        expected,
        "each NAME.patch.json needs a NAME.expected, and each NAME.expected a NAME.patch.json"
    );
    assert!(
        expected.len() >= 15,
        "only {} bad checklists",
        expected.len()
    );
}

#[test]
fn every_patch_changes_the_minimal_checklist_and_says_what_it_breaks() {
    let minimal: Value = serde_json::from_str(&read(&dir("www/examples/minimal.json"))).unwrap();
    for case in cases() {
        let file = format!("tests/bad-checklists/{case}.patch.json");
        let patch: Value = serde_json::from_str(&read(&dir(&file))).unwrap();
        let breaks = patch["breaks"].as_str().unwrap_or_default();
        assert!(!breaks.is_empty(), "{file}: no \"breaks\" sentence");
        if let Ok(after) = serde_json::from_str::<Value>(&patched(&case)) {
            assert_ne!(after, minimal, "{file}: changes nothing");
        }
    }
}

#[test]
fn the_rules_json_schema_cannot_express_are_still_covered() {
    // The schema accepts these; only `compile` stands between them and a reader.
    let beyond_schema: Vec<String> = files("tests/bad-checklists", "expected")
        .iter()
        .filter(|p| !parse_expected(&name(p), &read(p)).schema_rejects)
        .map(|p| name(p))
        .collect();
    for case in [
        "duplicate-ids.expected",
        "unknown-references.expected",
        "verdict-gap.expected",
        "verdict-overlap.expected",
        "unreachable-verdict.expected",
        "too-many-questions.expected",
    ] {
        assert!(
            beyond_schema.iter().any(|n| n == case),
            "{case} should be marked `schema: accepts`: {beyond_schema:?}"
        );
    }
}

/// Accepted both ways authors' files are read: serde + `compile` (what `build.rs` does)
/// and `parse_checklist_json` (what the command-line validator does).
fn assert_accepted(path: &Path) {
    let file = path.display();
    let text = read(path);
    let raw: RawChecklist =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: not the format: {e}"));
    if let Err(problems) = compile(&raw) {
        let listed: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("{file}:\n  {}", listed.join("\n  "));
    }
    if let Err(problems) = parse_checklist_json(&text) {
        panic!("{file}: parse_checklist_json rejects it: {problems:?}");
    }
}

#[test]
fn the_built_in_checklist_is_accepted() {
    assert_accepted(&dir("src/content/ai-certification.json"));
}

#[test]
fn every_example_checklist_is_accepted() {
    let examples = files("www/examples", "json");
    assert!(
        examples.iter().any(|p| name(p) == "reskill.json"),
        "{examples:?}"
    );
    for path in &examples {
        assert_accepted(path);
    }
}

#[test]
fn the_reskill_example_fits_the_picture_and_its_caps() {
    let c = parse_checklist_json(&read(&dir("www/examples/reskill.json"))).unwrap();
    assert_eq!(c.id, "reskill");
    assert!((8..=12).contains(&c.questions.len()));
    assert!((3..=5).contains(&c.sections.len()));
    assert_eq!(c.factors.len(), 2, "two factors, the picture's two axes");
    assert!((3..=4).contains(&c.verdicts.len()));
    // No financial runway can never mean "reskill now".
    let runway = c.questions.iter().find(|q| q.id == "runway").unwrap();
    let none = runway.options.iter().find(|o| o.id == "none").unwrap();
    assert_eq!(none.cap.map(|v| &*c.verdicts[v].id), Some("prepare"));
    for q in c.questions.iter() {
        for o in q.options.iter().filter(|o| o.red_flag) {
            assert!(o.effects.iter().all(|e| e.weight <= 0.0), "{}", o.id);
        }
    }
}

#[test]
fn the_example_in_the_format_guide_is_www_examples_minimal_json() {
    const MARKER: &str = "<!-- example: www/examples/minimal.json -->";
    let guide = read(&dir("docs/checklist-format.md"));
    let after = guide
        .split_once(MARKER)
        .unwrap_or_else(|| panic!("docs/checklist-format.md lacks `{MARKER}`"))
        .1;
    let block = after
        .trim_start()
        .strip_prefix("```json\n")
        .and_then(|rest| rest.split_once("\n```"))
        .expect("a ```json block right after the marker")
        .0;
    let in_guide: serde_json::Value =
        serde_json::from_str(block).expect("the guide's example is JSON");
    let file: serde_json::Value =
        serde_json::from_str(&read(&dir("www/examples/minimal.json"))).unwrap();
    assert_eq!(
        in_guide, file,
        "the example in docs/checklist-format.md and www/examples/minimal.json differ"
    );
    assert_accepted(&dir("www/examples/minimal.json"));
}

#[test]
fn the_inline_example_in_the_format_guide_is_valid() {
    const OPEN: &str = "<script type=\"application/json\" id=\"my-list\">";
    let guide = read(&dir("docs/checklist-format.md"));
    let inline = guide
        .split_once(OPEN)
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .unwrap_or_else(|| panic!("docs/checklist-format.md lacks `{OPEN}...</script>`"))
        .0;
    let c = parse_checklist_json(inline).unwrap_or_else(|problems| {
        let listed: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("the guide's inline example:\n  {}", listed.join("\n  "))
    });
    assert_eq!(
        c.id, "my-list",
        "the id the guide's `checklist` attribute names"
    );
}

#[test]
fn link_addresses_are_allowed_exactly_as_listed() {
    let list = read(&dir("tests/bad-checklists/hrefs.txt"));
    let mut count = 0;
    for line in list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (verdict, address) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("hrefs.txt: `{line}`"));
        let address: String = serde_json::from_str(address)
            .unwrap_or_else(|e| panic!("hrefs.txt: `{line}`: not a JSON string: {e}"));
        let safe = match verdict {
            "safe" => true,
            "unsafe" => false,
            _ => panic!("hrefs.txt: `{line}` must start with safe or unsafe"),
        };
        assert_eq!(is_safe_href(&address), safe, "hrefs.txt: {address:?}");
        count += 1;
    }
    assert!(count >= 20, "{count} addresses");
}
