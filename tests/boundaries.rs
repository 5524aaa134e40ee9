//! Architecture invariants, enforced: the engine names no web crate and does no I/O;
//! only the web layer names the web crates, which are dependencies of the wasm32 build
//! alone. (The way rust-analyzer's `tidy.rs` keeps its boundaries true.)
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
