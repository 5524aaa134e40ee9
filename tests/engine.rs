//! The verdict engine on the built-in checklist, case by case: readers the article
//! describes, and what the result shows them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{builtin, evaluate, Answers};
use common::{answers, verdict_of};

/// One reader: their answers, and the verdict the article gives them.
fn check(picks: &[(&str, &str)], expected: &str) {
    assert_eq!(verdict_of(picks), expected, "for {picks:?}");
}

const STRONG: &[(&str, &str)] = &[
    ("objective", "promotion"),
    ("practice_now", "weekly"),
    ("employer", "yes"),
    ("apply_next", "project"),
];

#[test]
fn a_clear_goal_regular_use_a_valuing_employer_and_a_project_is_worth_it() {
    check(STRONG, "worth_it");
}

#[test]
fn candidate_a_certificate_holder_who_rarely_uses_ai_is_not_worth_it() {
    // Candidate A: has certificates they rarely use, rarely uses AI at work.
    check(
        &[
            ("objective", "promotion"),
            ("collecting", "yes"),
            ("practice_now", "rarely"),
            ("apply_next", "interested"),
        ],
        "build_experience",
    );
}

#[test]
fn candidate_b_regular_user_without_a_career_case_should_build_experience() {
    check(
        &[
            ("objective", "productivity"),
            ("employer", "no"),
            ("practice_now", "daily"),
            ("apply_next", "project"),
            ("alternatives", "yes"),
        ],
        "build_experience",
    );
}

#[test]
fn a_clear_objective_with_thin_practice_is_worth_it_only_paired_with_practice() {
    check(
        &[
            ("objective", "understand"),
            ("learning", "overwhelmed"),
            ("employer", "unknown"),
            ("role", "expected"),
            ("practice_now", "rarely"),
            ("apply_next", "interested"),
        ],
        "pair_practice",
    );
}

#[test]
fn no_objective_is_probably_not_yet() {
    check(
        &[
            ("objective", "none"),
            ("employer", "yes"),
            ("practice_now", "weekly"),
            ("apply_next", "project"),
        ],
        "not_yet",
    );
}

#[test]
fn collecting_and_expecting_an_automatic_raise_is_never_worth_it() {
    let mut picks = STRONG.to_vec();
    picks.push(("collecting", "yes"));
    picks.push(("expectations", "salary_raise"));
    assert_ne!(verdict_of(&picks), "worth_it");
}

#[test]
fn each_misplaced_expectation_alone_caps_at_probably_not_yet() {
    for flag in ["guarantee_job", "salary_raise", "protection"] {
        let mut picks = STRONG.to_vec();
        picks.push(("expectations", flag));
        check(&picks, "not_yet");
    }
}

#[test]
fn little_interest_in_applying_is_probably_not_yet() {
    check(
        &[
            ("objective", "promotion"),
            ("employer", "yes"),
            ("practice_now", "weekly"),
            ("apply_next", "little_interest"),
        ],
        "not_yet",
    );
}

#[test]
fn the_verdict_is_provisional_until_the_required_questions_are_answered() {
    let c = builtin();
    let none = evaluate(c, &Answers::new(c));
    assert!(none.is_provisional());
    assert_eq!((none.answered, none.total), (0, c.questions.len()));
    assert_eq!(none.required_missing, 4);
    assert!(none.reasons.is_empty());

    let three = evaluate(c, &answers(c, &STRONG[..3]));
    assert!(three.is_provisional());
    assert_eq!(three.required_missing, 1);

    let all = evaluate(c, &answers(c, STRONG));
    assert!(!all.is_provisional());
    assert_eq!(all.answered, 4);
}

#[test]
fn reasons_name_the_answers_that_caused_them_strongest_first() {
    let c = builtin();
    let mut picks = STRONG.to_vec();
    picks.push(("daily_work", "little"));
    let out = evaluate(c, &answers(c, &picks));
    let named: Vec<(&str, &str)> = out
        .reasons
        .iter()
        .map(|r| {
            let q = &c.questions[r.question];
            (&*q.id, &*q.options[r.option].id)
        })
        .collect();
    // employer=yes (+4) outweighs the objective and the practice answers (+3 each),
    // which keep question order among themselves; the -1 comes last.
    assert_eq!(
        named,
        [
            ("employer", "yes"),
            ("objective", "promotion"),
            ("practice_now", "weekly"),
            ("apply_next", "project"),
            ("daily_work", "little"),
        ]
    );
    assert!(out
        .reasons
        .windows(2)
        .all(|w| w[0].strength() >= w[1].strength()));
}

#[test]
fn the_answer_that_caps_the_verdict_is_the_first_reason() {
    let c = builtin();
    let mut picks = STRONG.to_vec();
    picks.push(("expectations", "protection"));
    let out = evaluate(c, &answers(c, &picks));
    let first = out.reasons[0];
    assert!(first.decisive);
    assert_eq!(
        c.questions[first.question].options[first.option].id,
        "protection"
    );
    assert!(c.questions[first.question].options[first.option]
        .reason
        .contains("career resilience rarely works that way"));
    // The cap is what holds it: the scores alone say "Worth it".
    assert_eq!(c.verdicts[out.by_scores].id, "worth_it");
    assert_eq!(c.verdicts[out.verdict].id, "not_yet");
}

#[test]
fn next_steps_fit_the_answers() {
    let c = builtin();
    let out = evaluate(
        c,
        &answers(
            c,
            &[
                ("objective", "none"),
                ("employer", "unknown"),
                ("program_skills", "not_chosen"),
                ("program_link", "not_chosen"),
            ],
        ),
    );
    let steps: Vec<&str> = out.next_steps.iter().map(|s| s.text(c)).collect();
    // The verdict's own step first, then the answers' steps, each once.
    assert!(steps[0].starts_with("Revisit the question"), "{steps:?}");
    assert!(steps
        .iter()
        .any(|s| s.starts_with("Before spending money, name the problem")));
    assert!(steps
        .iter()
        .any(|s| s.starts_with("Find out whether certifications count")));
    let before_enrolling = steps
        .iter()
        .filter(|s| s.starts_with("Before enrolling"))
        .count();
    assert_eq!(before_enrolling, 1, "{steps:?}");
}

#[test]
fn related_reading_comes_from_the_articles_list_and_fits_the_answers() {
    let c = builtin();
    let out = evaluate(c, &answers(c, &[("expectations", "protection")]));
    let titles: Vec<&str> = out.reading.iter().map(|&i| &*c.reading[i].title).collect();
    assert_eq!(titles[0], "How to Assess Your AI Career Risk");
    assert!(titles.iter().all(|t| !t.is_empty()));
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
fn scores_are_the_sum_of_the_chosen_weights() {
    let c = builtin();
    let out = evaluate(c, &answers(c, STRONG));
    let case = c.factors.iter().position(|f| f.id == "case").unwrap();
    let practice = c.factors.iter().position(|f| f.id == "practice").unwrap();
    assert_eq!(out.scores[case], 3.0 + 4.0);
    assert_eq!(out.scores[practice], 3.0 + 3.0);
    // The reachable range the picture will use contains every score.
    assert!(c.factors[case].min <= -10.0 && c.factors[case].max >= 16.0);
}
