//! The coverage-guided fuzz target: any bytes through everything the engine does with an
//! author's checklist and a reader's answers. Run it with `./scripts/fuzz.sh` (see the
//! script for the options); it is built only with `--features fuzz`.
//!
//! An input is `CHECKLIST [NUL TAIL]`. The checklist part is read as checklist JSON
//! (parsing, shape checks, validation). If it is valid, the tail drives a reader's
//! answers, as pairs of bytes (question, option with an on/off bit) fed to
//! [`Answers::set`], and the answers go through evaluation, the what-if search in both
//! directions, the picture, the summary and the share format. The tail, and the whole
//! input, are also decoded as share texts, against that checklist and the built-in one.
//!
//! Besides "no panic", it checks what is cheap to check: the verdict is one of the
//! checklist's; every what-if leads where it says it does; a rejected checklist has at
//! least one problem, each with a path from the root; the share format round-trips.
#![no_main]

use ai_cert_check::{
    apply, builtin, decode, describe, encode, evaluate, headline, parse_checklist_json, picture,
    summary, verdict, Answers, Checklist, Direction,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (json, tail) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let whole = String::from_utf8_lossy(data);
    share_text(builtin(), &whole);
    match parse_checklist_json(&String::from_utf8_lossy(json)) {
        Ok(c) => {
            exercise(&c, tail);
            share_text(&c, &String::from_utf8_lossy(tail));
            share_text(&c, &whole);
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "rejected without a problem");
            assert!(
                problems.iter().all(|p| p.path.starts_with('$')),
                "a problem without a path from the root: {problems:?}"
            );
        }
    }
});

/// Decodes `text` as a share text; whatever decodes re-encodes to the same answers.
fn share_text(c: &Checklist, text: &str) {
    if let Ok(a) = decode(c, text) {
        assert_eq!(decode(c, &encode(c, &a)).as_ref(), Ok(&a));
        let _ = evaluate(c, &a);
    }
}

/// Answers from the tail: with no tail, every question's option `q % n` (so a plain
/// JSON seed still gets a full reader); then each byte pair sets one option on or off,
/// sometimes naming a question or option that does not exist.
fn answers(c: &Checklist, tail: &[u8]) -> Answers {
    let mut a = Answers::new(c);
    if tail.is_empty() {
        for (q, question) in c.questions.iter().enumerate() {
            a.set(c, q, q % question.options.len().max(1), true);
        }
    }
    for pair in tail.chunks_exact(2) {
        let q = usize::from(pair[0]) % (c.questions.len() + 1);
        let o = usize::from(pair[1] & 0x3f);
        a.set(c, q, o, pair[1] & 0x80 == 0);
    }
    a
}

/// Everything the widget does with a valid checklist and one reader.
fn exercise(c: &Checklist, tail: &[u8]) {
    let a = answers(c, tail);
    let out = evaluate(c, &a);
    if let Some(v) = out.verdict {
        assert!(v < c.verdicts.len(), "verdict out of range");
        assert_eq!(v, verdict(c, &a), "evaluate and verdict disagree");
    }
    for (direction, ways) in [(Direction::Up, &out.up), (Direction::Down, &out.down)] {
        for w in ways {
            assert_eq!(verdict(c, &apply(c, &a, &w.edits)), w.verdict);
            let _ = describe(c, &a, w, direction);
        }
    }
    if let (Some(p), Some(v)) = (picture::picture(c), out.verdict) {
        let _ = picture::dot(&p, &out.scores, v);
    }
    let _ = picture::describe(c, &out.caption(c));
    let _ = headline(c, &out);
    let _ = summary(c, &a, &out);
    assert!(out.next_steps.iter().all(|&s| s < c.steps.len()));
    let asked = a.only_asked(c);
    assert_eq!(decode(c, &encode(c, &asked)).as_ref(), Ok(&asked));
}
