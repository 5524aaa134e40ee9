//! The engine's mechanisms on the built-in checklist: unanswered is unknown, questions
//! asked only after an earlier answer, reasons split for and against with the deciding
//! one first, scores. The readers themselves and the advice each gets are a data table:
//! `tests/readers.json`, checked by `tests/readers.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{builtin, evaluate, verdict, Answers, Cause, MAX_READING, MAX_REASONS};
use common::answers;

const STRONG: &[(&str, &str)] = &[
    ("objective", "promotion"),
    ("practice_now", "weekly"),
    ("employer", "yes"),
    ("apply_next", "project"),
];

#[test]
fn before_the_first_answer_there_is_no_verdict_and_nothing_to_say() {
    let c = builtin();
    let none = evaluate(c, &Answers::new(c));
    assert_eq!(none.verdict, None);
    assert_eq!(none.decisive, None);
    assert!(none.reasons().next().is_none());
    assert!(none.next_steps.is_empty() && none.reading.is_empty());
    assert!(none.up.is_empty() && none.down.is_empty());
    assert_eq!(none.dot, None);
    assert_eq!(none.answered, 0);
}

#[test]
fn the_verdict_is_final_only_when_no_open_answer_could_change_its_band() {
    let c = builtin();
    let q = |id| c.question_index(id).unwrap();
    let none = evaluate(c, &Answers::new(c));
    assert_eq!(none.required_missing, 4);

    let three = evaluate(c, &answers(c, &STRONG[..3]));
    assert!(three.verdict.is_some() && three.is_provisional());
    assert_eq!(three.required_missing, 1);

    // The four required questions answered: still a leaning, because an expectation
    // not yet ticked ("guarantee me a job") would make it "Probably not yet"; the
    // expectations are what could change it.
    let four = evaluate(c, &answers(c, STRONG));
    assert_eq!(four.required_missing, 0);
    assert!(four.is_provisional());
    assert!(four.could_change.contains(&q("expectations")));
    assert_eq!(
        four.leaning_note(c).as_deref(),
        Some("Your answers under \u{201c}Your expectations\u{201d} could still change this.")
    );

    // With the expectations and certificates answered, nothing open can move the band.
    let mut more = STRONG.to_vec();
    more.extend([("expectations", "none_of_these"), ("collecting", "no")]);
    let settled = evaluate(c, &answers(c, &more));
    assert!(!settled.is_provisional(), "{:?}", settled.could_change);
    assert!(settled.could_change.is_empty() && settled.leaning_note(c).is_none());
    assert_eq!(settled.answered, 6);
}

#[test]
fn the_program_questions_are_asked_only_of_a_reader_who_has_picked_one() {
    let c = builtin();
    let q = |id| c.question_index(id).unwrap();
    let asked = |a: &Answers, id| c.is_asked(q(id), &a.only_asked(c));
    let none = Answers::new(c);
    for id in ["program_skills", "program_promises", "program_link"] {
        assert!(!asked(&none, id), "{id} asked before a program is picked");
    }
    // Not counted either: 11 questions are asked of a reader without a program.
    assert_eq!(evaluate(c, &none).total, 11);

    let picked = answers(c, &[("program", "yes")]);
    assert!(asked(&picked, "program_skills") && asked(&picked, "program_promises"));
    // The link to the objective only of a reader who has one.
    assert!(!asked(&picked, "program_link"));
    let with_goal = answers(c, &[("program", "yes"), ("objective", "promotion")]);
    assert!(asked(&with_goal, "program_link"));
    assert_eq!(evaluate(c, &with_goal).total, 14);
    let no_goal = answers(c, &[("program", "yes"), ("objective", "none")]);
    assert!(!asked(&no_goal, "program_link"));
}

#[test]
fn an_answer_to_a_question_no_longer_asked_is_dropped_and_never_counts() {
    let c = builtin();
    let mut a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("program", "yes"),
            ("program_link", "clear"),
            ("program_promises", "yes"),
        ],
    );
    assert_eq!(evaluate(c, &a).offer_reasons.len(), 2);
    // The reader now says they have no clear objective: the link to it is not asked.
    a.set(c, c.question_index("objective").unwrap(), 5, true);
    let out = evaluate(c, &a);
    assert_eq!(out.offer_reasons.len(), 1, "only the promises count now");
    assert!(a.drop_unasked(c));
    assert!(!a.is_answered(c.question_index("program_link").unwrap()));
    // And without a program, none of its answers remain.
    a.set(c, c.question_index("program").unwrap(), 1, true);
    a.drop_unasked(c);
    assert!(!a.is_answered(c.question_index("program_promises").unwrap()));
    assert_eq!(a.answered(), 2);
}

#[test]
fn the_deciding_reason_comes_first_then_a_handful_for_and_against() {
    let c = builtin();
    let mut picks = STRONG.to_vec();
    picks.extend([
        ("daily_work", "little"),
        ("learning", "self_directed"),
        ("role", "consultant"),
        ("alternatives", "no"),
        ("expectations", "protection"),
    ]);
    let out = evaluate(c, &answers(c, &picks));
    // The cap decides: the scores alone say "Worth it", the verdict is "Probably not yet".
    assert_eq!(c.verdicts[out.by_scores].id, "worth_it");
    assert_eq!(c.verdicts[out.verdict.unwrap()].id, "not_yet");
    let decisive = out.decisive.expect("a deciding reason");
    assert_eq!(Some(decisive.cause), out.decided_by);
    assert!(decisive
        .cause
        .text(c)
        .contains("career resilience rarely works that way"));
    // The rest: for and against apart, strongest first, a handful each.
    assert!(out.reasons_for.len() <= MAX_REASONS && out.reasons_against.len() <= MAX_REASONS);
    assert!(out.reasons_for.iter().all(|r| r.push > 0.0));
    assert!(out.reasons_against.iter().all(|r| r.push < 0.0));
    assert!(out.reasons_for.windows(2).all(|w| w[0].push >= w[1].push));
    assert!(out
        .reasons_against
        .windows(2)
        .all(|w| w[0].push <= w[1].push));
    assert!(out.reasons().skip(1).all(|r| r.cause != decisive.cause));
}

#[test]
fn every_reason_is_an_answer_the_reader_gave_or_a_rule_whose_answers_all_hold() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "productivity"),
            ("learning", "self_directed"),
            ("alternatives", "yes"),
            ("employer", "no"),
            ("practice_now", "daily"),
        ],
    );
    let out = evaluate(c, &a);
    for r in out.reasons() {
        match r.cause {
            Cause::Answer { question, option } => assert!(a.is_chosen(question, option)),
            Cause::Rule(i) => assert!(c.rules[i].answers.iter().all(|w| w.holds(&a))),
        }
    }
    assert_eq!(out.decisive.map(|d| d.cause), Some(Cause::Rule(0)));
}

#[test]
fn related_reading_is_a_few_titles_from_the_articles_list_fitted_to_the_answers() {
    let c = builtin();
    let out = evaluate(c, &answers(c, &[("expectations", "protection")]));
    let titles: Vec<&str> = out.reading.iter().map(|&i| &*c.reading[i].title).collect();
    // The deciding reason's reading first.
    assert_eq!(titles[0], "How to Assess Your AI Career Risk");
    assert!(titles.len() <= MAX_READING);
    let mut unique = titles.clone();
    unique.dedup();
    assert_eq!(unique.len(), titles.len());
}

#[test]
fn a_none_of_these_answer_clears_the_warning_signs_and_the_reverse() {
    let c = builtin();
    let q = c.question_index("expectations").unwrap();
    let opt = |id: &str| c.questions[q].option_index(id).unwrap();
    let mut a = answers(
        c,
        &[
            ("expectations", "salary_raise"),
            ("expectations", "protection"),
        ],
    );
    assert_eq!(a.chosen(q).count(), 2);
    a.set(c, q, opt("none_of_these"), true);
    assert_eq!(a.chosen(q).collect::<Vec<_>>(), [opt("none_of_these")]);
    a.set(c, q, opt("guarantee_job"), true);
    assert_eq!(a.chosen(q).collect::<Vec<_>>(), [opt("guarantee_job")]);
    a.set(c, q, opt("guarantee_job"), false);
    assert!(!a.is_answered(q));
}

#[test]
fn scores_are_the_sum_of_the_chosen_weights_and_the_verdict_their_region() {
    let c = builtin();
    let out = evaluate(c, &answers(c, STRONG));
    let case = c.factors.iter().position(|f| f.id == "case").unwrap();
    let practice = c.factors.iter().position(|f| f.id == "practice").unwrap();
    assert_eq!(out.scores[case], 3.0 + 2.0);
    assert_eq!(out.scores[practice], 3.0 + 2.0);
    assert_eq!(verdict(c, &answers(c, STRONG)), out.verdict.unwrap());
    // The reachable range the picture uses contains every score.
    assert!(c.factors[case].min <= -10.0 && c.factors[case].max >= 12.0);
}
