//! CONTENT.md's invariants of the built-in checklist, as property tests over many
//! random readers (deterministic seeds: a failure names its case and reproduces).
//! The verdict-only invariants run on 20,000 readers each; those that read the whole
//! result (sentences, steps, the picture) on 3,000, since each of those also runs the
//! what-if search.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    apply, builtin, evaluate, headline, picture, region, verdict, Answers, Checklist, Direction,
    OfferJudgement, MAX_STEPS,
};
use common::{answers, random_answers, shown, Rng};

const CASES: usize = 20_000;
const RESULTS: usize = 3_000;

fn verdict_index(c: &Checklist, id: &str) -> usize {
    c.verdict_index(id).unwrap()
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

/// `a` with question `q` answered `o` (for a tick-all question: only `o`).
fn with(c: &Checklist, a: &Answers, q: &str, o: &str) -> Answers {
    let qi = c.question_index(q).unwrap();
    let mut a = a.clone();
    a.clear(qi);
    a.set(c, qi, c.questions[qi].option_index(o).unwrap(), true);
    a.only_asked(c)
}

#[test]
fn adding_a_red_flag_never_moves_the_verdict_towards_worth_it() {
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
                // Only from a neutral answer: swapping a single-choice question from
                // another warning sign is not "adding" one.
                if !question.multiple && before.chosen(q).any(|p| question.options[p].red_flag) {
                    continue;
                }
                let mut after = before.clone();
                after.set(c, q, o, true);
                let v1 = verdict(c, &after);
                // Never from a "no" band to a "yes" band, never from band 2 to band 1:
                // never to a better rank. (A move between the two "no" bands is lateral.)
                assert!(
                    c.rank(v1) >= c.rank(v0),
                    "adding {}={} moved {} to {}: {}",
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
        let a = with(c, &random_answers(c, &mut rng, 10), "objective", "none");
        assert_ne!(verdict(c, &a), worth_it, "{}", describe(c, &a));
    }
}

#[test]
fn rare_or_no_practical_use_is_at_best_worth_it_with_practice() {
    let c = builtin();
    let mut rng = Rng::new(3);
    for _ in 0..CASES {
        for use_ in ["rarely", "never"] {
            let a = with(c, &random_answers(c, &mut rng, 10), "practice_now", use_);
            let v = verdict(c, &a);
            assert_ne!(c.verdicts[v].id, "worth_it", "{}", describe(c, &a));
        }
    }
}

#[test]
fn a_clear_objective_regular_use_a_valuing_employer_and_a_project_always_yield_worth_it() {
    // ... with no red flags, whatever else is answered; the program's answers are
    // random too, since the program is judged apart from the band.
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
        for (q, question) in c.questions.iter().enumerate() {
            for (o, option) in question.options.iter().enumerate() {
                if option.red_flag && a.is_chosen(q, o) {
                    a.set(c, q, o, false);
                }
            }
        }
        let a = with(c, &a, "objective", objectives[i % objectives.len()]);
        let a = with(
            c,
            &a,
            "practice_now",
            if i % 2 == 0 { "weekly" } else { "daily" },
        );
        let a = with(c, &a, "employer", "yes");
        let a = with(c, &a, "apply_next", "project");
        assert_eq!(verdict(c, &a), worth_it, "{}", describe(c, &a));
    }
}

#[test]
fn a_program_with_vague_promises_or_nothing_applicable_is_never_endorsed() {
    let c = builtin();
    let mut rng = Rng::new(7);
    for i in 0..RESULTS {
        let a = with(c, &random_answers(c, &mut rng, 20), "program", "yes");
        let a = if i % 2 == 0 {
            with(c, &a, "program_promises", "yes")
        } else {
            with(c, &a, "program_skills", "no")
        };
        let out = evaluate(c, &a);
        assert_eq!(out.offer, OfferJudgement::Poor, "{}", describe(c, &a));
        let v = &c.verdicts[out.verdict.unwrap()];
        let title = headline(c, &out).unwrap();
        assert_eq!(
            &*title, &*v.title_poor_offer,
            "the headline says so with the band"
        );
        let text = shown(c, &a, &out).join("\n");
        assert!(!text.contains("Before enrolling"), "{text}");
    }
}

#[test]
fn regular_use_learning_alone_a_cheaper_route_and_no_reward_yield_build_experience() {
    let c = builtin();
    let build = verdict_index(c, "build_experience");
    let mut rng = Rng::new(8);
    for i in 0..CASES {
        let a = random_answers(c, &mut rng, 20);
        let a = with(
            c,
            &a,
            "practice_now",
            if i % 2 == 0 { "weekly" } else { "daily" },
        );
        let a = with(c, &a, "learning", "self_directed");
        let a = with(c, &a, "alternatives", "yes");
        let a = with(c, &a, "employer", "no");
        assert_eq!(verdict(c, &a), build, "{}", describe(c, &a));
    }
}

#[test]
fn headline_picture_and_summary_name_the_same_band_and_the_deciding_reason_comes_first() {
    let c = builtin();
    let p = c.picture.as_ref().unwrap();
    let mut rng = Rng::new(9);
    for _ in 0..RESULTS {
        let a = random_answers(c, &mut rng, 30);
        let out = evaluate(c, &a);
        let Some(v) = out.verdict else {
            assert!(out.dot.is_none());
            continue;
        };
        let verdict = &c.verdicts[v];
        let title = headline(c, &out).unwrap();
        assert!(title == verdict.title || title == verdict.title_poor_offer);
        // The summary: the same headline, then the verdict's own summary (or the note
        // that this is a leaning).
        let summary = ai_cert_check::summary(c, &a, &out);
        assert!(summary.contains(&*title));
        let expected = out
            .leaning_note(c)
            .unwrap_or_else(|| verdict.summary.to_string());
        assert!(summary.contains(&expected));
        for other in c.verdicts.iter().filter(|o| o.id != verdict.id) {
            assert!(!summary.contains(&*other.summary), "{}", describe(c, &a));
        }
        // The picture is true to the answers: the dot lies where the scores place the
        // reader (inside the cell of the region that holds the scores, below its label),
        // the marked cell is the headline's band, and the caption names both when a
        // deciding answer overruled the scores, with what decided.
        let place = region(c, &out.scores);
        assert_eq!(out.by_scores, place);
        let area = p.areas.iter().find(|ar| ar.verdict == place).unwrap();
        let (x, y) = out.dot.unwrap();
        let r = area.rect;
        assert!(
            x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h,
            "{}",
            describe(c, &a)
        );
        assert!(
            y > area.label.y + area.label.h,
            "the dot over the label: {}",
            describe(c, &a)
        );
        let caption = out.caption(c);
        assert!(caption.contains(&*verdict.title), "{caption}");
        if place != v {
            let cause = out
                .decided_by
                .expect("only a deciding answer overrules the scores");
            assert!(caption.contains(&*c.verdicts[place].title), "{caption}");
            assert!(caption.contains(picture::lead(cause.text(c))), "{caption}");
        }
        // A deciding answer or rule is the first reason.
        if let Some(cause) = out.decided_by {
            assert_eq!(out.decisive.map(|d| d.cause), Some(cause));
            assert_eq!(out.reasons().next().map(|r| r.cause), Some(cause));
        }
    }
}

#[test]
fn at_most_three_distinct_next_steps_each_fitting_the_answers_and_the_verdict() {
    let c = builtin();
    let mut rng = Rng::new(10);
    for _ in 0..RESULTS {
        let a = random_answers(c, &mut rng, 20);
        let out = evaluate(c, &a);
        assert!(out.next_steps.len() <= MAX_STEPS);
        let texts: Vec<&str> = out.next_steps.iter().map(|&s| &*c.steps[s].text).collect();
        for (i, t) in texts.iter().enumerate() {
            assert!(!texts[..i].contains(t), "a step twice: {}", describe(c, &a));
        }
        for &s in &out.next_steps {
            let step = &c.steps[s];
            assert!(step.verdicts.is_empty() || step.verdicts.contains(&out.verdict.unwrap()));
            assert!(step.answers.iter().all(|w| w.holds(&a)));
        }
        // No near-duplicates: no two steps share most of their words.
        let words = |t: &str| -> Vec<String> {
            t.split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| w.len() > 3)
                .map(str::to_lowercase)
                .collect()
        };
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                let (a_, b_) = (words(texts[i]), words(texts[j]));
                let common = a_.iter().filter(|w| b_.contains(w)).count();
                assert!(
                    common * 2 < a_.len().min(b_.len()),
                    "near-duplicate steps {:?} and {:?}",
                    texts[i],
                    texts[j]
                );
            }
        }
    }
}

/// Phrases that assume an answer, and the answers that make them true.
const ASSUMES: &[(&str, &str, &[&str])] = &[
    (
        "objective of yours",
        "objective",
        &[
            "promotion",
            "change_role",
            "change_industry",
            "productivity",
            "understand",
        ],
    ),
    (
        "The objective is there",
        "objective",
        &[
            "promotion",
            "change_role",
            "change_industry",
            "productivity",
            "understand",
        ],
    ),
    (
        "name the problem you are trying to solve",
        "objective",
        &["none"],
    ),
    (
        "you already use AI in your work",
        "practice_now",
        &["daily", "weekly"],
    ),
    (
        "your practical use of AI is thin",
        "practice_now",
        &["sometimes", "rarely", "never"],
    ),
    (
        "Use AI on one real task every week",
        "practice_now",
        &["sometimes", "rarely", "never"],
    ),
    (
        "Find out whether certifications count",
        "employer",
        &["unknown"],
    ),
    ("Try the cheaper route", "alternatives", &["yes"]),
    ("Before enrolling", "program", &["not_yet"]),
    ("Look for another program", "program", &["yes"]),
    (
        "Put a certificate you already hold to work",
        "collecting",
        &["yes"],
    ),
    ("Pick one workplace project", "apply_next", &["interested"]),
];

#[test]
fn no_sentence_assumes_an_answer_not_given() {
    let c = builtin();
    let yes = [
        verdict_index(c, "worth_it"),
        verdict_index(c, "pair_practice"),
    ];
    let mut rng = Rng::new(11);
    let mut seen = vec![false; ASSUMES.len()];
    for _ in 0..RESULTS {
        let a = random_answers(c, &mut rng, 40);
        let out = evaluate(c, &a);
        let text = shown(c, &a, &out).join("\n");
        for (i, (phrase, question, options)) in ASSUMES.iter().enumerate() {
            if text.contains(phrase) {
                seen[i] = true;
                let q = c.question_index(question).unwrap();
                let given = a
                    .chosen(q)
                    .any(|o| options.contains(&&*c.questions[q].options[o].id));
                assert!(
                    given,
                    "{phrase:?} without {question} in {options:?}: {}\n{text}",
                    describe(c, &a)
                );
            }
        }
        // "alongside the course" only under a verdict that says to take one.
        if text.contains("alongside the course") {
            assert!(yes.contains(&out.verdict.unwrap()), "{}", describe(c, &a));
        }
    }
    // Every phrase was shown to some reader: the check above is not vacuous.
    for (i, (phrase, ..)) in ASSUMES.iter().enumerate() {
        assert!(
            seen[i],
            "{phrase:?} never shown: is it still in the checklist?"
        );
    }
}

#[test]
fn what_would_change_it_only_moves_towards_worth_it_or_away_from_it_never_sideways() {
    let c = builtin();
    let mut rng = Rng::new(12);
    for _ in 0..RESULTS {
        let a = random_answers(c, &mut rng, 20);
        let out = evaluate(c, &a);
        let Some(v) = out.verdict else { continue };
        for (ways, direction) in [(&out.up, Direction::Up), (&out.down, Direction::Down)] {
            for w in ways {
                let after = verdict(c, &apply(c, &a, &w.edits));
                assert_eq!(after, w.verdict);
                match direction {
                    Direction::Up => assert!(c.rank(after) < c.rank(v)),
                    Direction::Down => assert!(c.rank(after) > c.rank(v)),
                }
            }
        }
        // Up: the best verdict reachable, so all ways up lead to the same one.
        assert!(out.up.windows(2).all(|w| w[0].verdict == w[1].verdict));
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
        replay.drop_unasked(c);
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

#[test]
fn the_strong_reader_is_worth_it() {
    // A fixed point for the property tests above (a broken `with` would make them pass
    // vacuously).
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("practice_now", "weekly"),
            ("employer", "yes"),
            ("apply_next", "project"),
        ],
    );
    assert_eq!(verdict(c, &a), verdict_index(c, "worth_it"));
}

/// Every completion of `a`: each open question (one the reader has not answered) left
/// open or given any answer it can take, in question order, so that a question asked
/// only after an earlier answer is answered only when it is asked. Calls `visit` with
/// each, until it returns `false`; returns whether every visit returned `true`.
fn completions(c: &Checklist, a: &Answers, visit: &mut dyn FnMut(&Answers) -> bool) -> bool {
    fn down(
        c: &Checklist,
        q: usize,
        open: &[bool],
        a: &mut Answers,
        visit: &mut dyn FnMut(&Answers) -> bool,
    ) -> bool {
        if q == c.questions.len() {
            return visit(a);
        }
        if !open[q] || !c.is_asked(q, a) {
            return down(c, q + 1, open, a, visit);
        }
        if !down(c, q + 1, open, a, visit) {
            return false;
        }
        let question = &c.questions[q];
        let n = question.options.len();
        let masks: Vec<u32> = if question.multiple {
            (1u32..1 << n)
                .filter(|m| m & question.exclusive_mask() == 0 || m.count_ones() == 1)
                .collect()
        } else {
            (0..n).map(|o| 1 << o).collect()
        };
        for mask in masks {
            for o in 0..n {
                if mask & 1 << o != 0 {
                    a.set(c, q, o, true);
                }
            }
            let go_on = down(c, q + 1, open, a, visit);
            a.clear(q);
            if !go_on {
                return false;
            }
        }
        true
    }
    let open: Vec<bool> = (0..c.questions.len()).map(|q| !a.is_answered(q)).collect();
    down(c, 0, &open, &mut a.clone(), visit)
}

#[test]
fn a_verdict_shown_as_final_keeps_its_band_under_every_completion() {
    let c = builtin();
    let mut rng = Rng::new(21);
    let (mut finals, mut leanings) = (0, 0);
    for _ in 0..400 {
        let a = random_answers(c, &mut rng, 55);
        let out = evaluate(c, &a);
        let Some(band) = out.verdict else { continue };
        if out.is_provisional() {
            leanings += 1;
            // A leaning is never a false alarm: some answers to the open questions give
            // another band, and each question named can take part in such a change.
            assert!(!out.could_change.is_empty(), "{}", describe(c, &a));
            for &q in &out.could_change {
                let changes = !completions(c, &a, &mut |done| {
                    !(done.is_answered(q) && verdict(c, done) != band)
                });
                assert!(
                    changes,
                    "{} named, but no answer to it changes the band: {}",
                    c.questions[q].id,
                    describe(c, &a)
                );
            }
        } else {
            finals += 1;
            completions(c, &a, &mut |done| {
                assert_eq!(
                    verdict(c, done),
                    band,
                    "final, but {} changes it: {}",
                    describe(c, done),
                    describe(c, &a)
                );
                true
            });
        }
    }
    // Both kinds were seen, many times: the check is not vacuous.
    assert!(
        finals > 40 && leanings > 40,
        "{finals} final, {leanings} leanings"
    );
}
