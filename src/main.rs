//! `ai-cert-check check FILE...`: validates checklist files for authors' pipelines.
//!
//! It prints every problem of every file with its JSON path and a hint, the same
//! messages the widget shows, and exits with status 1 if any file has a problem (2 on
//! wrong usage). Nothing is printed for a valid file unless `--verbose` is given.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    run(std::env::args().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> std::process::ExitCode {
    use std::process::ExitCode;
    const USAGE: &str = "usage: ai-cert-check check [--verbose] FILE...\n\
        Validates checklist JSON files; prints each problem as `FILE: PATH: MESSAGE (hint: ...)`.";
    let mut args = args.into_iter();
    if args.next().as_deref() != Some("check") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut verbose = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                println!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match ai_cert_check::parse_checklist_json(&text) {
            Ok(c) => {
                if verbose {
                    println!(
                        "{file}: ok ({} questions, {} verdicts)",
                        c.questions.len(),
                        c.verdicts.len()
                    );
                }
            }
            Err(problems) => {
                failed = true;
                for p in &problems {
                    println!("{file}: {p}");
                }
                println!("{file}: {} problem(s)", problems.len());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
