//! CONTENT.md's invariants of the built-in checklist, as property tests over many
//! random readers (deterministic seeds: a failure names its case and reproduces).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{builtin, evaluate, verdict, Answers, Checklist};
use common::{answers, random_answers, Rng};

const CASES: usize = 20_000;

fn verdict_index(c: &Checklist, id: &str) -> usize {
    c.verdicts.iter().position(|v| v.id == id).unwrap()
}

fn describe(c: &Checklist, a: &Answers) -> String {
    let mut parts = Vec::new();
    for (q, question) in c.questions.iter().enumerate() {
        for o in a.chosen(q) {
            parts.push(format!("{}={}", question.id, question.options[o].id));
        }
    }
    parts.join(" ")
}

#[test]
fn adding_a_red_flag_never_improves_the_verdict() {
    let c = builtin();
    let mut rng = Rng::new(1);
    let mut checked = 0;
    for _ in 0..CASES {
        let before = random_answers(c, &mut rng, 20);
        let v0 = verdict(c, &before);
        for (q, question) in c.questions.iter().enumerate() {
            for (o, option) in question.options.iter().enumerate() {
                if !option.red_flag || before.is_chosen(q, o) {
                    continue;
                }
                // Only compare against a neutral starting answer: swapping a single-choice
                // question from another warning sign is not "adding" one.
                if !question.multiple && before.chosen(q).any(|p| question.options[p].red_flag) {
                    continue;
                }
                let mut after = before.clone();
                after.set(c, q, o, true);
                let v1 = verdict(c, &after);
                assert!(
                    v1 >= v0,
                    "adding {}={} improved {} to {}: {}",
                    question.id,
                    option.id,
                    c.verdicts[v0].id,
                    c.verdicts[v1].id,
                    describe(c, &before)
                );
                checked += 1;
            }
        }
    }
    assert!(checked > CASES, "too few red flags were added: {checked}");
}

#[test]
fn no_clear_objective_never_yields_worth_it() {
    let c = builtin();
    let worth_it = verdict_index(c, "worth_it");
    let mut rng = Rng::new(2);
    for _ in 0..CASES {
        let mut a = random_answers(c, &mut rng, 10);
        let q = c.question_index("objective").unwrap();
        a.set(c, q, c.questions[q].option_index("none").unwrap(), true);
        assert_ne!(verdict(c, &a), worth_it, "{}", describe(c, &a));
    }
}

#[test]
fn rare_or_no_practical_use_is_at_best_band_two() {
    let c = builtin();
    let pair = verdict_index(c, "pair_practice");
    let mut rng = Rng::new(3);
    for _ in 0..CASES {
        for use_ in ["rarely", "never"] {
            let mut a = random_answers(c, &mut rng, 10);
            let q = c.question_index("practice_now").unwrap();
            a.set(c, q, c.questions[q].option_index(use_).unwrap(), true);
            assert!(verdict(c, &a) >= pair, "{}", describe(c, &a));
        }
    }
}

#[test]
fn the_strong_case_always_yields_worth_it() {
    // Clear objective + regular practical use + employer values certifications + will
    // apply immediately + no red flags, whatever else is answered.
    let c = builtin();
    let worth_it = verdict_index(c, "worth_it");
    let mut rng = Rng::new(4);
    let objectives = [
        "promotion",
        "change_role",
        "change_industry",
        "productivity",
        "understand",
    ];
    for i in 0..CASES {
        let mut a = random_answers(c, &mut rng, 20);
        // Clear every red flag the random reader picked.
        for (q, question) in c.questions.iter().enumerate() {
            for (o, option) in question.options.iter().enumerate() {
                if option.red_flag && a.is_chosen(q, o) {
                    a.set(c, q, o, false);
                }
            }
        }
        let strong = answers(
            c,
            &[
                ("objective", objectives[i % objectives.len()]),
                ("practice_now", if i % 2 == 0 { "weekly" } else { "daily" }),
                ("employer", "yes"),
                ("apply_next", "project"),
            ],
        );
        for (q, _) in c.questions.iter().enumerate() {
            if strong.is_answered(q) {
                a.clear(q);
                for o in strong.chosen(q) {
                    a.set(c, q, o, true);
                }
            }
        }
        assert_eq!(verdict(c, &a), worth_it, "{}", describe(c, &a));
    }
}

#[test]
fn the_same_answers_in_any_order_give_the_same_result() {
    let c = builtin();
    let mut rng = Rng::new(5);
    for _ in 0..2_000 {
        let target = random_answers(c, &mut rng, 20);
        // Replay the same final choices in a shuffled order, with detours: picking some
        // other option first, then the final one.
        let mut steps: Vec<(usize, usize)> = (0..c.questions.len())
            .flat_map(|q| target.chosen(q).map(move |o| (q, o)))
            .collect();
        for i in (1..steps.len()).rev() {
            steps.swap(i, rng.below(i + 1));
        }
        let mut replay = Answers::new(c);
        for &(q, o) in &steps {
            let question = &c.questions[q];
            if !question.multiple && rng.chance(30) {
                replay.set(c, q, rng.below(question.options.len()), true);
            }
            replay.set(c, q, o, true);
        }
        assert_eq!(replay, target);
        assert_eq!(evaluate(c, &replay), evaluate(c, &target));
    }
}

#[test]
fn every_verdict_is_reached_by_some_reader() {
    let c = builtin();
    let mut rng = Rng::new(6);
    let mut seen = vec![false; c.verdicts.len()];
    for _ in 0..CASES {
        seen[verdict(c, &random_answers(c, &mut rng, 10))] = true;
    }
    assert!(seen.iter().all(|&s| s), "{seen:?}");
}
