//! What would change the verdict: the engine's search for the smallest change of
//! answers, checked against brute force on small checklists, bounded on large ones, and
//! read as the sentences a reader sees.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    apply, builtin, compile, describe, edit_push, search, verdict, what_ifs, Answers, Checklist,
    Direction, Edit, RawChecklist, MAX_DEPTH, MAX_WORK,
};
use common::{answers, Rng};
use serde_json::json;

/// A random small checklist: `questions` single-choice questions of 3 options with
/// random weights on two factors, a few caps, and the four quadrant verdicts, the last
/// two side by side (the same rank). Every option has an action, so every change may be
/// suggested.
fn small(rng: &mut Rng, questions: usize) -> Checklist {
    let w = |rng: &mut Rng| rng.below(7) as f64 - 3.0;
    let qs: Vec<_> = (0..questions)
        .map(|q| {
            let options: Vec<_> = (0..3)
                .map(|o| {
                    let mut opt = json!({
                        "id": format!("o{o}"),
                        "label": format!("Option {o}"),
                        "action": format!("answer {o}"),
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
            { "id": "d", "rank": 3, "title": "D", "summary": "d", "when": [{ "factor": "x", "max": 1 }, { "factor": "y", "min": 1 }] }
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

/// Whether every question that differs moves towards the best verdict (going up) or
/// away from it (going down): the rule the search follows.
fn goes(c: &Checklist, from: &Answers, to: &Answers, direction: Direction) -> bool {
    (0..c.questions.len())
        .filter(|&q| from.mask(q) != to.mask(q))
        .all(|q| {
            let option = to.chosen(q).next().unwrap();
            let push = edit_push(
                c,
                from,
                Edit {
                    question: q,
                    option,
                    on: true,
                },
            );
            match direction {
                Direction::Up => push >= 0.0,
                Direction::Down => push <= 0.0,
            }
        })
}

#[test]
fn the_search_finds_exactly_what_brute_force_finds() {
    // Going up: the best verdict reachable with at most MAX_DEPTH changes, by the fewest
    // changes. Going down: the fewest changes, to the nearest verdict away. Never a
    // verdict of the same rank.
    let mut rng = Rng::new(11);
    let mut compared = 0;
    for _ in 0..60 {
        let c = small(&mut rng, 4);
        let sets = all_answer_sets(&c);
        for start in sets.iter().step_by(7) {
            let r0 = c.rank(verdict(&c, start));
            for direction in [Direction::Up, Direction::Down] {
                let moves = |r: u32| match direction {
                    Direction::Up => r < r0,
                    Direction::Down => r > r0,
                };
                let reach: Vec<(u32, usize)> = sets
                    .iter()
                    .map(|s| (c.rank(verdict(&c, s)), distance(&c, start, s), s))
                    .filter(|&(r, d, s)| {
                        moves(r) && d <= MAX_DEPTH && goes(&c, start, s, direction)
                    })
                    .map(|(r, d, _)| (r, d))
                    .collect();
                let wanted = match direction {
                    Direction::Up => reach.iter().map(|&(r, _)| r).min().map(|r| {
                        (
                            r,
                            reach
                                .iter()
                                .filter(|x| x.0 == r)
                                .map(|x| x.1)
                                .min()
                                .unwrap(),
                        )
                    }),
                    Direction::Down => reach.iter().map(|&(_, d)| d).min().map(|d| {
                        (
                            reach
                                .iter()
                                .filter(|x| x.1 == d)
                                .map(|x| x.0)
                                .min()
                                .unwrap(),
                            d,
                        )
                    }),
                };
                let found = what_ifs(&c, start, direction, usize::MAX);
                match wanted {
                    Some((rank, d)) => {
                        assert!(!found.is_empty(), "brute force found rank {rank} in {d}");
                        for w in &found {
                            assert_eq!(w.edits.len(), d, "not the fewest changes");
                            let after = apply(&c, start, &w.edits);
                            assert_eq!(verdict(&c, &after), w.verdict);
                            assert_eq!(c.rank(w.verdict), rank);
                        }
                        compared += 1;
                    }
                    None => assert!(found.is_empty(), "{found:?} but brute force found none"),
                }
            }
        }
    }
    assert!(compared > 500, "{compared}");
}

#[test]
fn the_search_stays_within_its_bound_of_work_on_a_large_checklist() {
    let mut rng = Rng::new(12);
    let big = small(&mut rng, 100);
    let mut a = Answers::new(&big);
    for q in 0..100 {
        a.set(&big, q, rng.below(3), true);
    }
    let mut evaluations = 0;
    for direction in [Direction::Up, Direction::Down] {
        let s = search(&big, &a, direction, 2);
        // Each verdict computed costs the questions plus the answers: 200 here.
        assert!(s.work <= MAX_WORK + 200, "{}", s.work);
        assert!(s.found.len() <= 2);
        evaluations += s.evaluations;
    }
    // The bound was reached: 100 questions of 3 options give far more pairs of changes.
    assert!(evaluations * 200 >= MAX_WORK, "{evaluations}");
}

#[test]
fn only_answers_with_an_action_are_suggested_and_never_a_warning_sign() {
    let c = builtin();
    let mut rng = Rng::new(14);
    for _ in 0..500 {
        let a = common::random_answers(c, &mut rng, 30);
        for direction in [Direction::Up, Direction::Down] {
            for w in what_ifs(c, &a, direction, 2) {
                for e in &w.edits {
                    let q = &c.questions[e.question];
                    let o = &q.options[e.option];
                    if e.on && !o.exclusive {
                        assert!(!o.action.is_empty(), "{}={} has no action", q.id, o.id);
                        assert!(!o.red_flag, "{}={} suggested", q.id, o.id);
                    }
                }
                let s = describe(c, &a, &w, direction);
                assert!(s.starts_with("If you "), "{s}");
                for learned in [
                    "learn best",
                    "overwhelmed",
                    "lose interest",
                    "drop your objective",
                ] {
                    assert!(!s.contains(learned), "{s}");
                }
            }
        }
    }
}

#[test]
fn dropping_several_expectations_reads_as_one_clause() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("employer", "yes"),
            ("practice_now", "weekly"),
            ("apply_next", "project"),
            ("expectations", "guarantee_job"),
            ("expectations", "protection"),
        ],
    );
    let up = what_ifs(c, &a, Direction::Up, 2);
    assert_eq!(up.len(), 1, "{up:?}");
    assert_eq!(
        describe(c, &a, &up[0], Direction::Up),
        "If you no longer expect it to guarantee you a job or protect you from disruption \
         at work, this becomes \u{201c}Worth it\u{201d}."
    );
    // Three read as a list, the common words once.
    let mut three = a.clone();
    let q = c.question_index("expectations").unwrap();
    three.set(
        c,
        q,
        c.questions[q].option_index("salary_raise").unwrap(),
        true,
    );
    let up = what_ifs(c, &three, Direction::Up, 2);
    assert_eq!(
        describe(c, &three, &up[0], Direction::Up),
        "If you no longer expect it to guarantee you a job, raise your salary automatically \
         or protect you from disruption at work, this becomes \u{201c}Worth it\u{201d}."
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
