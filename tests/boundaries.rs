//! Architecture invariants, enforced: the engine names no web crate and does no I/O;
//! only the web layer names the web crates, which are dependencies of the wasm32 build
//! alone. (The way rust-analyzer's `tidy.rs` keeps its boundaries true.)
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const WEB_CRATES: &[&str] = &[
    "wasm_bindgen",
    "web_sys",
    "js_sys",
    "gloo",
    "serde_wasm_bindgen",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_engine_names_no_web_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let engine: Vec<_> = files
        .iter()
        .filter(|p| !p.starts_with(src.join("web")))
        .collect();
    assert!(engine.len() >= 6, "engine files found: {engine:?}");
    for path in engine {
        let text = fs::read_to_string(path).unwrap();
        for krate in WEB_CRATES {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(
                    !code.contains(krate),
                    "{}:{}: the engine names the web crate `{krate}`",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

/// The engine's files: every file under `src/` but the web layer and the command-line
/// tool (`main.rs`, whose job is reading files and printing).
fn engine_files() -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter(|p| !p.starts_with(src.join("web")) && !p.ends_with("main.rs"))
        .collect()
}

#[test]
fn the_engine_does_no_io() {
    let engine = engine_files();
    assert!(engine.len() >= 10, "engine files found: {engine:?}");
    for path in engine {
        let text = fs::read_to_string(&path).unwrap();
        for io in [
            "std::fs",
            "std::net",
            "std::env",
            "std::process",
            "std::io",
            "println!",
            "eprintln!",
        ] {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(
                    !code.contains(io),
                    "{}:{}: the engine does I/O (`{io}`)",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_web_crates_are_dependencies_of_the_wasm32_build_only() {
    // Read from cargo's own view of the manifest, whatever way it is written
    // (`[dependencies]`, `[dependencies.wasm-bindgen]`, a target table ...).
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let package = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "ai-cert-check")
        .expect("the crate");
    let mut web = 0;
    for dep in package["dependencies"].as_array().unwrap() {
        let name = dep["name"].as_str().unwrap().replace('-', "_");
        if !WEB_CRATES.iter().any(|w| name.starts_with(w)) {
            continue;
        }
        web += 1;
        assert_eq!(
            dep["target"].as_str(),
            Some("cfg(target_arch = \"wasm32\")"),
            "{name} is a dependency outside the wasm32 build"
        );
    }
    assert!(web >= 4, "the web crates are listed ({web})");
}

#[test]
fn the_web_layer_is_compiled_only_for_wasm32() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod web;"));
}

/// `code` without its comments, string literals and char literals (each replaced by a
/// space), so that what is left is only what the compiler reads as paths and names.
fn code_only(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !is_ident(at(i.wrapping_sub(1)))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| at(j + 1 + h) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && at(i + 1) == '\\' {
            // An escaped char literal: '\n', '\'', '\u{2192}'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && at(i + 2) == '\'' {
            // A char literal of one character ('"', 'x'); otherwise a lifetime.
            i += 3;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The engine modules that `code` (a file of `src/engine/`, comments and literals
/// removed) names: the first segment after each `crate::engine::`, including every item
/// of a group (`crate::engine::{answers::Answers, checklist::Checklist}`).
fn named_modules(code: &str) -> BTreeSet<String> {
    const PREFIX: &str = "crate::engine::";
    let mut out = BTreeSet::new();
    let squeezed: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let squeezed = squeezed.replace(":: ", "::").replace(" ::", "::");
    for (at, _) in squeezed.match_indices(PREFIX) {
        let rest = &squeezed[at + PREFIX.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items, up to its closing brace; each item's first
            // identifier is a module.
            let mut depth = 0;
            let mut items = vec![String::new()];
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(String::new());
                        continue;
                    }
                    _ => {}
                }
                if let Some(item) = items.last_mut() {
                    item.push(c);
                }
            }
            for item in items {
                let ident: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                if !ident.is_empty() {
                    out.insert(ident);
                }
            }
        } else {
            let ident: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !ident.is_empty() {
                out.insert(ident);
            }
        }
    }
    out
}

/// The engine's module graph, from its files: for each module (`src/engine/NAME.rs`), the
/// other engine modules its code names.
fn engine_graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut graph = BTreeMap::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_none_or(|e| e != "rs") || name == "mod" {
            continue; // mod.rs is the module map: it declares the modules, it uses none
        }
        let code = code_only(&fs::read_to_string(&path).unwrap());
        let mut named = named_modules(&code);
        named.remove(&name);
        graph.insert(name, named);
    }
    graph
}

/// A cycle in `graph` (as the modules along it, the first one again at the end), if
/// there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_engine_modules_depend_on_each_other_without_cycles() {
    let graph = engine_graph();
    // The graph is read, not empty: every module is there, with the edges the engine
    // is known to have.
    assert!(
        graph.len() >= 19,
        "engine modules found: {:?}",
        graph.keys()
    );
    for known in [
        ("evaluate", "verdict"),
        ("whatif", "verdict"),
        ("parse", "tree"),
        ("limits", "tree"),
        ("compile", "problem"),
    ] {
        assert!(
            graph[known.0].contains(known.1),
            "{} -> {} not found: {graph:#?}",
            known.0,
            known.1
        );
    }
    for (module, named) in &graph {
        for other in named {
            assert!(
                graph.contains_key(other),
                "{module} names crate::engine::{other}, which is no engine module"
            );
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the engine's modules depend on each other in a cycle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn a_cycle_in_the_module_graph_is_found() {
    // The check above, on a graph made for it: it finds a cycle of three, and none once
    // one edge is gone.
    let code = |uses: &str| code_only(uses);
    let mut graph = BTreeMap::new();
    graph.insert(
        "a".to_string(),
        named_modules(&code("use crate::engine::{b::B, text::{join, pieces}};")),
    );
    graph.insert(
        "b".to_string(),
        named_modules(&code(
            "// crate::engine::a\nfn f() { crate::engine::c::g(\"crate::engine::a\") }",
        )),
    );
    graph.insert(
        "c".to_string(),
        named_modules(&code("use crate::engine::a::A;")),
    );
    graph.insert("text".to_string(), BTreeSet::new());
    assert_eq!(
        graph["a"],
        BTreeSet::from(["b".to_string(), "text".to_string()])
    );
    assert_eq!(
        graph["b"],
        BTreeSet::from(["c".to_string()]),
        "comments and strings are not code"
    );
    assert_eq!(
        find_cycle(&graph).map(|c| c.len()),
        Some(4),
        "{:?}",
        find_cycle(&graph)
    );
    graph.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn the_engine_names_its_modules_by_their_engine_path() {
    // `crate::engine::x` is the one path the graph above reads, and the one that means the
    // same in the library and in build.rs: no engine code reaches another module through
    // the crate root's re-exports (`crate::Checklist`) or `super::`.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let code = code_only(&fs::read_to_string(&path).unwrap());
        for (at, _) in code.match_indices("crate::") {
            assert!(
                code[at..].starts_with("crate::engine::"),
                "{}: a path through the crate root: {}",
                path.display(),
                &code[at..(at + 40).min(code.len())]
            );
        }
        assert!(!code.contains("super::super"), "{}", path.display());
    }
}

#[test]
fn every_button_names_an_action_the_widget_carries_out() {
    // The web layer's actions are one enum (`Action`, src/web/actions.rs) whose names are
    // written once, in `Action::NAMES`; Rust code gives buttons `action.name()`. The one
    // place that writes names itself is the JS that makes a share link's three buttons
    // (src/web/keep.rs: passing them from Rust cost 23 bytes gzip): they must be three of
    // those names.
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let actions = fs::read_to_string(web.join("actions.rs")).unwrap();
    let names = actions
        .split_once("const NAMES: [&'static str; 9] = [")
        .and_then(|(_, rest)| rest.split_once("];"))
        .expect("Action::NAMES in actions.rs")
        .0;
    let names: Vec<&str> = names
        .split(',')
        .map(|n| n.trim().trim_matches('"'))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(names.len(), 9, "{names:?}");
    let keep = fs::read_to_string(web.join("keep.rs")).unwrap();
    let js = keep
        .split_once("for (const [action, label] of [")
        .expect("the shared view's buttons in keep.rs")
        .1;
    for (label, want) in [("start", "clear"), ("keep", "keep"), ("mine", "mine")] {
        let given = format!("['{want}', {label}]");
        assert!(
            js.starts_with(&given) || js.contains(&format!(", {given}")),
            "keep.rs gives {label} the action '{want}'"
        );
        assert!(
            names.contains(&want),
            "'{want}' is not one of Action::NAMES {names:?}"
        );
    }
    // No Rust code of the web layer writes a data-action of its own.
    for entry in fs::read_dir(&web).unwrap() {
        let path = entry.unwrap().path();
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            !code.contains("(\"data-action\", \""),
            "{}: a data-action written as a literal",
            path.display()
        );
    }
}
