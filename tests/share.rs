//! Keeping and sharing answers: the compact text round-trips, and anything damaged,
//! stale or from the future is refused whole.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    builtin, decode, encode, evaluate, former, parse_checklist_json, restore, summary, Answers,
    DecodeError, Layout,
};
use common::{answers, random_answers, Rng};

const SOURCE: &str = include_str!("../src/content/ai-certification.json");

#[test]
fn every_set_of_answers_round_trips() {
    let c = builtin();
    let mut rng = Rng::new(21);
    for _ in 0..5_000 {
        let a = random_answers(c, &mut rng, 30);
        let text = encode(c, &a);
        assert_eq!(decode(c, &text), Ok(a.clone()), "{text}");
    }
    assert_eq!(decode(c, &encode(c, &Answers::new(c))), Ok(Answers::new(c)));
}

#[test]
fn the_text_is_short() {
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
    let text = encode(c, &a);
    assert!(text.len() < 36, "{text}");
    assert!(text.starts_with("2."));
    assert!(
        text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'),
        "safe in a URL fragment: {text}"
    );
}

#[test]
fn damaged_texts_are_refused_whole() {
    let c = builtin();
    let good = encode(
        c,
        &answers(
            c,
            &[("objective", "promotion"), ("expectations", "protection")],
        ),
    );
    let print = good.split('.').nth(1).unwrap().to_string();
    for bad in [
        String::new(),
        "garbage".to_string(),
        format!("1.{print}.zzzzzzzz"),             // a mask too long
        format!("1.{print}.3"),                    // two options in a single-choice question
        format!("1.{print}.1w"), // an option that does not exist (bit 6 of 6 options: 0..5)
        format!("1.{print}.1.{}", ".".repeat(20)), // more questions than the checklist has
        format!("1.{print}.1.......9"), // "None of these" ticked with a warning sign
        format!("1.{print}.-1"),
        format!("1.{print}.A"),
        format!("0.{print}.1"),
        // Not ours: base 36 reads "x" as version 33, but a newer version writes its
        // number in digits and a dot after it. Once reported as "made by a newer
        // version of this widget".
        "x".to_string(),
        "zz".to_string(),
        format!("x.{print}.1"),
        "7".to_string(),
    ] {
        assert_eq!(decode(c, &bad), Err(DecodeError::Damaged), "{bad:?}");
    }
}

#[test]
fn a_text_from_a_future_format_or_another_checklist_is_refused() {
    let c = builtin();
    let good = encode(c, &answers(c, &[("objective", "promotion")]));
    let rest = good.split_once('.').unwrap().1;
    assert_eq!(
        decode(c, &format!("3.{rest}")),
        Err(DecodeError::FutureFormat)
    );
    assert_eq!(decode(c, "12.x"), Err(DecodeError::FutureFormat));

    // The same answers against a checklist whose options changed.
    let changed =
        parse_checklist_json(&SOURCE.replace("\"id\": \"marketer\"", "\"id\": \"marketing\""))
            .unwrap();
    assert_eq!(decode(&changed, &good), Err(DecodeError::OtherChecklist));
    // Wording and weights may change without losing answers.
    let reworded = parse_checklist_json(
        &SOURCE
            .replace("Get a promotion", "Be promoted")
            .replace("\"weight\": 3", "\"weight\": 5"),
    )
    .unwrap();
    assert!(decode(&reworded, &good).is_ok());
}

#[test]
fn the_summary_reads_cleanly_each_answer_with_its_question() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("practice_now", "rarely"),
            ("employer", "yes"),
            ("apply_next", "project"),
            ("expectations", "guarantee_job"),
            ("expectations", "protection"),
        ],
    );
    let out = evaluate(c, &a);
    let text = summary(c, &a, &out);
    // The headline under its heading, on lines of their own (no doubled colons).
    // A leaning, said as the screen says it: the certificates question could still make
    // it "Build experience instead".
    assert!(
        text.starts_with(
            "Is an AI certification worth it for you?\n\nYour verdict\nLeaning: Probably not \
             yet\nYour answers under \u{201c}Your expectations\u{201d} could still change this.\n"
        ),
        "{text}"
    );
    assert!(!text.contains("::") && !text.contains(": :"), "{text}");
    // The deciding reason first, under its own heading, then the others.
    assert!(
        text.contains("\nWhat decides it\n- You expect it to guarantee a job"),
        "{text}"
    );
    assert!(text.contains("\nWhat speaks for it\n- "), "{text}");
    assert!(
        text.contains("\nNext steps\n1. Judge a certification by the skills"),
        "{text}"
    );
    // Each chosen answer with its question; several ticks on one line.
    assert!(
        text.contains("\n- How often do you use AI in your actual work today? Rarely\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n- What do you expect a certification to do for you? Guarantee me a job; \
             Protect me from disruption at work\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n5 of 11 answered\n"), "{text}");
    assert!(!text.contains('<'), "plain text");
}

#[test]
fn a_link_cut_short_is_reported_as_damaged_not_read_as_fewer_answers() {
    let c = builtin();
    let a = answers(
        c,
        &[
            ("objective", "promotion"),
            ("role", "marketer"),
            ("employer", "yes"),
            ("practice_now", "weekly"),
            ("apply_next", "project"),
            ("expectations", "none_of_these"),
        ],
    );
    let text = encode(c, &a);
    assert_eq!(decode(c, &text), Ok(a));
    // Every cut, down to the version: never some of the answers.
    for end in 1..text.len() {
        let cut = &text[..end];
        assert!(decode(c, cut).is_err(), "{cut:?} read as answers");
    }
    // A changed digit anywhere is caught too.
    let mut bytes = text.clone().into_bytes();
    let i = text.find('.').unwrap() + 9;
    bytes[i] = if bytes[i] == b'1' { b'2' } else { b'1' };
    let changed = String::from_utf8(bytes).unwrap();
    assert_eq!(decode(c, &changed), Err(DecodeError::Damaged), "{changed}");
}

/// A share link's answers as the widget wrote them before this version of the checklist
/// (commit 28a99c9: format 1, the fingerprint of the layout that
/// `ai-certification.history.json` records), for a marketer after a promotion who does
/// not know whether certificates count, uses AI weekly with a project, and expects an
/// automatic raise and protection.
const OLD_LINK: &str = "1.ojn5wq.1...8.4..2.1.6";

#[test]
fn answers_saved_or_shared_before_the_checklist_changed_still_open() {
    let c = builtin();
    let (a, again) = restore(c, OLD_LINK).expect("an old link still opens");
    assert!(again.is_empty(), "no option the reader chose is gone");
    assert_eq!(
        a,
        answers(
            c,
            &[
                ("objective", "promotion"),
                ("role", "marketer"),
                ("employer", "unknown"),
                ("practice_now", "weekly"),
                ("apply_next", "project"),
                ("expectations", "salary_raise"),
                ("expectations", "protection"),
            ],
        )
    );
    // Saved again, it is in today's format, and reads back the same.
    assert_eq!(decode(c, &encode(c, &a)), Ok(a));
}

#[test]
fn an_answer_whose_option_is_gone_is_dropped_and_its_question_named() {
    // Today's checklist, and a next version in which "Marketer" is gone and a new
    // option comes first in the role question: the history maps today's answers onto it.
    let today = builtin();
    let next = parse_checklist_json(
        &SOURCE
            .replace(
                "\"id\": \"business_analyst\",",
                "\"id\": \"data_analyst\",\n\"label\": \"Data analyst\"\n},\n{\n\"id\": \"business_analyst\",",
            )
            .replace("\"id\": \"marketer\",", "\"id\": \"growth\","),
    )
    .unwrap();
    let layout: Vec<Layout<'_>> = today
        .questions
        .iter()
        .map(|q| {
            (
                &*q.id,
                q.multiple,
                q.options.iter().map(|o| (&*o.id, o.exclusive)).collect(),
            )
        })
        .collect();
    let mut next = next;
    next.formerly = vec![former(&next, &today.id, &layout)].into();
    let text = encode(
        today,
        &answers(
            today,
            &[
                ("objective", "promotion"),
                ("role", "marketer"),
                ("practice_now", "weekly"),
            ],
        ),
    );
    let (a, again) = restore(&next, &text).expect("opens");
    // The role is to be answered again; the other answers moved to their new places.
    assert_eq!(again, vec![next.question_index("role").unwrap()]);
    assert_eq!(
        a,
        answers(
            &next,
            &[("objective", "promotion"), ("practice_now", "weekly")]
        )
    );
    // A version that is not in the history is still another checklist.
    let mut unknown = next.clone();
    unknown.formerly = Vec::new().into();
    assert_eq!(restore(&unknown, &text), Err(DecodeError::OtherChecklist));
}
