//! What would change the verdict: the engine's search for the smallest change of
//! answers, checked against brute force on small checklists, bounded on large ones, and
//! read as the sentences a reader sees.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    builtin, compile, describe, question_push, search, verdict, what_ifs, Answers, Checklist,
    Direction, RawChecklist, MAX_DEPTH, MAX_EVALUATIONS,
};
use common::{answers, Rng};
use serde_json::json;

/// A random small checklist: `questions` single-choice questions of 3 options with
/// random weights on two factors, a few caps, and the four quadrant verdicts.
fn small(rng: &mut Rng, questions: usize) -> Checklist {
    let w = |rng: &mut Rng| rng.below(7) as f64 - 3.0;
    let qs: Vec<_> = (0..questions)
        .map(|q| {
            let options: Vec<_> = (0..3)
                .map(|o| {
                    let mut opt = json!({
                        "id": format!("o{o}"),
                        "label": format!("Option {o}"),
                        "effects": [
                            { "factor": "x", "weight": w(rng) },
                            { "factor": "y", "weight": w(rng) }
                        ]
                    });
                    if rng.chance(10) {
                        opt["cap"] = json!(["b", "c", "d"][rng.below(3)]);
                    }
                    opt
                })
                .collect();
            json!({ "id": format!("q{q}"), "text": format!("Question {q}?"), "options": options })
        })
        .collect();
    let raw = json!({
        "version": 1, "id": "small", "title": "Small",
        "factors": [{ "id": "x", "label": "X" }, { "id": "y", "label": "Y" }],
        "sections": [{ "id": "s", "title": "S", "questions": qs }],
        "verdicts": [
            { "id": "a", "title": "A", "summary": "a", "when": [{ "factor": "x", "min": 1 }, { "factor": "y", "min": 1 }] },
            { "id": "b", "title": "B", "summary": "b", "when": [{ "factor": "x", "min": 1 }, { "factor": "y", "max": 1 }] },
            { "id": "c", "title": "C", "summary": "c", "when": [{ "factor": "x", "max": 1 }, { "factor": "y", "max": 1 }] },
            { "id": "d", "title": "D", "summary": "d", "when": [{ "factor": "x", "max": 1 }, { "factor": "y", "min": 1 }] }
        ]
    });
    let raw: RawChecklist = serde_json::from_value(raw).unwrap();
    compile(&raw).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Every answer set where each question is answered (options 0..3 each).
fn all_answer_sets(c: &Checklist) -> Vec<Answers> {
    let n = c.questions.len();
    (0..3usize.pow(n as u32))
        .map(|mut code| {
            let mut a = Answers::new(c);
            for q in 0..n {
                a.set(c, q, code % 3, true);
                code /= 3;
            }
            a
        })
        .collect()
}

fn distance(c: &Checklist, a: &Answers, b: &Answers) -> usize {
    (0..c.questions.len())
        .filter(|&q| a.mask(q) != b.mask(q))
        .count()
}

/// Whether every question that differs moves its weight the way of `direction`, the
/// rule the search follows.
fn goes(c: &Checklist, from: &Answers, to: &Answers, direction: Direction) -> bool {
    (0..c.questions.len())
        .filter(|&q| from.mask(q) != to.mask(q))
        .all(|q| {
            let delta = question_push(c, to, q) - question_push(c, from, q);
            match direction {
                Direction::Up => delta >= 0.0,
                Direction::Down => delta <= 0.0,
            }
        })
}

#[test]
fn the_search_finds_exactly_the_minimal_change_that_brute_force_finds() {
    let mut rng = Rng::new(11);
    let mut compared = 0;
    for _ in 0..60 {
        let c = small(&mut rng, 4);
        let sets = all_answer_sets(&c);
        for start in sets.iter().step_by(7) {
            let v0 = verdict(&c, start);
            for direction in [Direction::Up, Direction::Down] {
                let better = |v: usize| match direction {
                    Direction::Up => v < v0,
                    Direction::Down => v > v0,
                };
                let brute = sets
                    .iter()
                    .filter(|s| better(verdict(&c, s)) && goes(&c, start, s, direction))
                    .map(|s| distance(&c, start, s))
                    .min();
                let found = what_ifs(&c, start, direction, usize::MAX);
                match brute {
                    Some(d) if d <= MAX_DEPTH => {
                        assert!(!found.is_empty(), "brute force found a change of {d}");
                        for w in &found {
                            assert_eq!(w.edits.len(), d, "not minimal");
                            let after = ai_cert_check::apply(&c, start, &w.edits);
                            assert_eq!(verdict(&c, &after), w.verdict);
                            assert!(better(w.verdict));
                        }
                        compared += 1;
                    }
                    _ => assert!(found.is_empty(), "{found:?} but brute force: {brute:?}"),
                }
            }
        }
    }
    assert!(compared > 500, "{compared}");
}

#[test]
fn the_search_stays_within_its_bound_on_a_large_checklist() {
    let mut rng = Rng::new(12);
    let big = small(&mut rng, 60);
    let a = Answers::new(&big);
    for direction in [Direction::Up, Direction::Down] {
        let s = search(&big, &a, direction, 2);
        assert!(s.evaluations <= MAX_EVALUATIONS, "{}", s.evaluations);
        assert!(s.found.len() <= 2);
    }
}

#[test]
fn candidate_b_learns_that_an_employer_who_counts_certifications_would_make_it_worth_it() {
    let c = builtin();
    let b = answers(
        c,
        &[
            ("objective", "productivity"),
            ("employer", "no"),
            ("practice_now", "daily"),
            ("apply_next", "project"),
            ("alternatives", "yes"),
        ],
    );
    assert_eq!(c.verdicts[verdict(c, &b)].id, "build_experience");
    let up = what_ifs(c, &b, Direction::Up, 2);
    let sentences: Vec<String> = up.iter().map(|w| describe(c, w, Direction::Up)).collect();
    assert!(up.iter().all(|w| w.edits.len() == 1), "{sentences:?}");
    assert!(
        !sentences.iter().any(|s| s.contains("rarely")),
        "{sentences:?}"
    );
    assert_eq!(
        sentences[0],
        "If you answer \u{201c}Yes, they count\u{201d} to \u{201c}Do certifications influence \
         promotions, internal opportunities or professional-development programs where you \
         work?\u{201d}, this becomes \u{201c}Worth it\u{201d}."
    );
}

#[test]
fn a_reader_with_thin_practice_is_told_to_start_applying_ai_weekly() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("employer", "yes"),
            ("practice_now", "rarely"),
            ("apply_next", "project"),
        ],
    );
    assert_eq!(c.verdicts[verdict(c, &a)].id, "pair_practice");
    let up = what_ifs(c, &a, Direction::Up, 2);
    let sentences: Vec<String> = up.iter().map(|w| describe(c, w, Direction::Up)).collect();
    assert_eq!(
        sentences[0],
        "If you start using AI in your work every day, this becomes \u{201c}Worth it\u{201d}."
    );
    // Never "use AI less" or "drop your objective" as a way up.
    for w in &up {
        assert!(w
            .edits
            .iter()
            .all(|&e| ai_cert_check::edit_push(c, &a, e) >= 0.0));
    }
}

#[test]
fn the_strongest_reader_sees_what_would_drop_the_verdict_and_nothing_above_it() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("employer", "yes"),
            ("practice_now", "weekly"),
            ("apply_next", "project"),
        ],
    );
    assert!(what_ifs(c, &a, Direction::Up, 2).is_empty());
    let down = what_ifs(c, &a, Direction::Down, 1);
    assert_eq!(down.len(), 1);
    assert_eq!(down[0].edits.len(), 1);
    let s = describe(c, &down[0], Direction::Down);
    assert!(
        s.starts_with("If you ") && s.contains("this drops to"),
        "{s}"
    );
}

#[test]
fn suggestions_never_repeat_a_question() {
    let c = builtin();
    let mut rng = Rng::new(13);
    for _ in 0..300 {
        let a = common::random_answers(c, &mut rng, 30);
        for direction in [Direction::Up, Direction::Down] {
            let found = what_ifs(c, &a, direction, 2);
            if let [x, y] = &found[..] {
                assert!(x
                    .edits
                    .iter()
                    .all(|e| y.edits.iter().all(|f| e.question != f.question)));
            }
        }
    }
}
