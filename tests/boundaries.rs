//! Architecture invariants, enforced: the engine names no web crate, and only the web
//! layer does. (The way rust-analyzer's `tidy.rs` keeps its boundaries true.)
#![cfg(not(target_arch = "wasm32"))]

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

#[test]
fn the_web_layer_is_compiled_only_for_wasm32() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod web;"));
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let (common, _) = manifest
        .split_once("[target.'cfg(target_arch = \"wasm32\")'.dependencies]")
        .expect("web crates are wasm32-only dependencies");
    for krate in ["wasm-bindgen", "web-sys", "js-sys", "gloo"] {
        assert!(
            !common.contains(&format!("\n{krate}")),
            "{krate} is a dependency of the engine build"
        );
    }
}
