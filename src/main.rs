//! `ai-cert-check check FILE...`: validates checklist files for authors' pipelines.
//!
//! It prints the problems of every file with their JSON paths and hints, the same
//! messages the widget shows (at most `MAX_PROBLEMS` a file, then a count of the rest),
//! and exits with status 1 if any file has a problem (2 on wrong usage). Nothing is
//! printed for a valid file unless `--verbose` is given. A file is read no further than
//! the size limit, and its nesting is checked before it is parsed.

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
        let text = match read(file) {
            Ok(t) => t,
            Err(e) => {
                println!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let parsed = match ai_cert_check::check_size(text.len()) {
            Err(p) => Err(vec![p]),
            Ok(()) => ai_cert_check::parse_checklist_json(&text),
        };
        match parsed {
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
                let unlisted = ai_cert_check::unlisted(&problems);
                let count = if unlisted > 0 {
                    ai_cert_check::MAX_PROBLEMS + unlisted
                } else {
                    problems.len()
                };
                println!("{file}: {count} problem(s)");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The file's text, read no further than one byte past the size limit: a larger file is
/// refused by its size alone, without reading the rest.
#[cfg(not(target_arch = "wasm32"))]
fn read(file: &str) -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(ai_cert_check::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > ai_cert_check::MAX_BYTES {
        // Cut anywhere: only its length is looked at.
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(target_arch = "wasm32")]
fn main() {}
