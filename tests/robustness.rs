//! No input makes the engine panic: 10,000 byte strings and mutated checklists go through
//! reading, validation, evaluation, the what-if search, the picture, the summary and the
//! share format. A panic in the browser would kill the widget; here it fails the test
//! with the case that caused it (the seeds are fixed, so it reproduces).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    decode, describe, encode, evaluate, headline, parse_checklist_json, picture, summary,
    Checklist, Direction,
};
use common::{random_answers, Rng};
use serde_json::{json, Value};

const SOURCE: &str = include_str!("../src/content/ai-certification.json");
const CASES: usize = 10_000;

/// Everything the widget does with a checklist that validated.
fn exercise(c: &Checklist, rng: &mut Rng) {
    let a = random_answers(c, rng, 30);
    let out = evaluate(c, &a);
    assert!(out.verdict.is_none_or(|v| v < c.verdicts.len()));
    assert!(out.next_steps.iter().all(|&s| s < c.steps.len()));
    for (direction, ways) in [(Direction::Up, &out.up), (Direction::Down, &out.down)] {
        for w in ways {
            let _ = describe(c, &a, w, direction);
        }
    }
    if let (Some(p), Some(_)) = (&c.picture, out.verdict) {
        let _ = picture::dot(p, &out.scores, out.by_scores);
    }
    let _ = picture::describe(c, &out.caption(c));
    let _ = out.leaning_note(c);
    let _ = headline(c, &out);
    let _ = summary(c, &a, &out);
    assert_eq!(decode(c, &encode(c, &a)).as_ref(), Ok(&a));
}

#[test]
fn random_bytes_never_make_the_engine_panic() {
    let mut rng = Rng::new(31);
    let source = SOURCE.as_bytes();
    for case in 0..CASES {
        // Half pure noise, half the real checklist with bytes flipped, cut or repeated.
        let bytes: Vec<u8> = if case % 2 == 0 {
            (0..rng.below(200)).map(|_| rng.next() as u8).collect()
        } else {
            let mut b = source.to_vec();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(b.len());
                match rng.below(3) {
                    0 => b[at] = rng.next() as u8,
                    1 => {
                        b.remove(at);
                    }
                    _ => {
                        let end = (at + rng.below(40)).min(b.len());
                        let piece = b[at..end].to_vec();
                        b.splice(at..at, piece);
                    }
                }
            }
            b
        };
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(c) = parse_checklist_json(&text) {
            exercise(&c, &mut rng);
        }
    }
}

/// A random JSON value of small depth: the wrong types a mutation puts in place.
fn junk(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => json!(rng.chance(50)),
        2 => json!(rng.next() as i64),
        3 => json!(f64::from_bits(rng.next()) % 1e6),
        4 => json!(-(rng.below(100) as i64)),
        5 => json!(""),
        6 => json!("x".repeat(rng.below(1500))),
        7 => json!([]),
        _ => json!({ "id": "zz" }),
    }
}

/// Replaces, removes or duplicates a random node of `v`.
fn mutate(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = &keys[rng.below(keys.len())];
            match rng.below(6) {
                0 => {
                    map.remove(key);
                }
                1 => {
                    map.insert(key.clone(), junk(rng));
                }
                _ => mutate(map.get_mut(key).unwrap(), rng),
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let at = rng.below(items.len());
            match rng.below(6) {
                0 => {
                    items.remove(at);
                }
                1 => {
                    let copy = items[at].clone();
                    items.insert(at, copy);
                }
                2 => items[at] = junk(rng),
                _ => mutate(&mut items[at], rng),
            }
        }
        Value::Number(_) => {
            *v = match rng.below(4) {
                0 => json!(0),
                1 => json!(-1e300),
                2 => json!(1e300),
                _ => json!(rng.below(10) as f64 - 5.0),
            }
        }
        Value::String(s) => {
            *v = match rng.below(3) {
                0 => json!(""),
                1 => json!(format!("{s}{s}")),
                _ => json!("javascript:alert(1)"),
            }
        }
        _ => *v = junk(rng),
    }
}

#[test]
fn mutated_checklists_are_rejected_or_work_never_panic() {
    let base: Value = serde_json::from_str(SOURCE).unwrap();
    let mut rng = Rng::new(32);
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..CASES {
        let mut v = base.clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut v, &mut rng);
        }
        match parse_checklist_json(&v.to_string()) {
            Ok(c) => {
                accepted += 1;
                exercise(&c, &mut rng);
            }
            Err(problems) => {
                rejected += 1;
                assert!(!problems.is_empty());
                assert!(problems.iter().all(|p| p.path.starts_with('$')));
            }
        }
    }
    // Both sides are exercised, or the test proves little.
    assert!(
        accepted > 500 && rejected > 500,
        "accepted {accepted}, rejected {rejected}"
    );
}
