//! The built-in checklist: the static tables in the reader's build are exactly the JSON
//! file, compiled, and the file covers everything CONTENT.md asks of it.
#![cfg(not(target_arch = "wasm32"))]

use ai_cert_check::{builtin, compile, history, RawChecklist};

const SOURCE: &str = include_str!("../src/content/ai-certification.json");

fn raw() -> RawChecklist {
    serde_json::from_str(SOURCE).expect("the built-in checklist parses")
}

const HISTORY: &str = include_str!("../src/content/ai-certification.history.json");

#[test]
fn the_static_tables_equal_a_fresh_compile_of_the_json() {
    let mut compiled = compile(&raw()).expect("the built-in checklist is valid");
    compiled.formerly = history(&compiled, HISTORY).unwrap().into();
    assert_eq!(&compiled, builtin());
    // The picture too, made at build time: the four bands as four cells.
    assert_eq!(builtin().picture.as_ref().map(|p| p.areas.len()), Some(4));
}

#[test]
fn the_four_verdicts_are_the_articles_bands_best_first() {
    let titles: Vec<&str> = builtin().verdicts.iter().map(|v| &*v.title).collect();
    assert_eq!(
        titles,
        [
            "Worth it",
            "Worth it, if you pair it with practice",
            "Probably not yet",
            "Build experience instead"
        ]
    );
}

#[test]
fn every_item_of_content_md_has_a_question() {
    let c = builtin();
    let text = |id: &str| -> String {
        let q = &c.questions[c
            .question_index(id)
            .unwrap_or_else(|| panic!("no question {id}"))];
        let mut all = format!("{} {}", q.text, q.help);
        for o in q.options.iter() {
            all.push(' ');
            all.push_str(&o.label);
        }
        all.to_lowercase()
    };
    // 1. Objective, the gate.
    for word in [
        "promotion",
        "change roles",
        "change industries",
        "productivity",
        "understand ai concepts",
        "no clear objective",
    ] {
        assert!(text("objective").contains(word), "objective: {word}");
    }
    // 2. Learning style.
    assert!(text("learning").contains("structured programs"));
    assert!(text("learning").contains("overwhelmed"));
    // 3. Role, with the article's examples.
    for role in [
        "business analyst",
        "project manager",
        "consultant",
        "marketer",
        "operations professional",
        "manager overseeing ai initiatives",
        "business leader",
        "another role where ai knowledge is expected",
    ] {
        assert!(text("role").contains(role), "role: {role}");
    }
    // 4. Employer: yes / no / don't know, where the reader works or wants to work, with
    // an answer for readers between jobs.
    assert!(text("employer")
        .contains("promotions, internal opportunities or professional-development programs"));
    assert!(text("employer").contains("where you want to work"));
    let employer = &c.questions[c.question_index("employer").unwrap()];
    let ids: Vec<&str> = employer.options.iter().map(|o| &*o.id).collect();
    assert_eq!(ids, ["yes", "no", "unknown", "between_jobs"]);
    // A reader can say they do not know their role or how much AI their work will hold:
    // unknown, counted as no reason either way.
    for q in ["role", "daily_work"] {
        let question = &c.questions[c.question_index(q).unwrap()];
        let not_sure = &question.options[question.option_index("not_sure").unwrap()];
        assert!(not_sure.effects.is_empty() && not_sure.cap.is_none(), "{q}");
        assert!(not_sure.label.to_lowercase().contains("not sure"), "{q}");
    }
    // 5-7. Practice now, practice next, daily-work exposure.
    assert!(text("practice_now").contains("use ai in your actual work"));
    assert!(text("apply_next").contains("apply what you learn right away"));
    assert!(text("apply_next").contains("little interest in applying"));
    assert!(text("daily_work").contains("part of your daily work"));
    // 8. Red flags.
    for flag in [
        "guarantee me a job",
        "increase my salary automatically",
        "protect me from disruption",
    ] {
        assert!(text("expectations").contains(flag), "expectations: {flag}");
    }
    assert!(text("collecting").contains("certificates you rarely use"));
    // 9. The program: first whether the reader has picked one.
    assert!(text("program").contains("picked a program"));
    assert!(text("program_skills").contains("apply immediately"));
    assert!(text("program_promises").contains("vague promises"));
    assert!(text("program_link").contains("connection to your objective"));
    for alt in [
        "books",
        "online tutorials",
        "workplace projects",
        "hands-on experimentation",
    ] {
        assert!(text("alternatives").contains(alt), "alternatives: {alt}");
    }
}

#[test]
fn red_flags_are_exactly_the_warning_signs_about_the_reader() {
    let c = builtin();
    let mut flags: Vec<String> = Vec::new();
    for q in c.questions.iter() {
        for o in q.options.iter().filter(|o| o.red_flag) {
            flags.push(format!("{}.{}", q.id, o.id));
            assert!(o.effects.iter().all(|e| e.weight <= 0.0));
        }
    }
    assert_eq!(
        flags,
        [
            "expectations.guarantee_job",
            "expectations.salary_raise",
            "expectations.protection",
            "collecting.yes",
        ]
    );
}

#[test]
fn the_program_is_judged_on_its_own_and_asked_about_only_when_picked() {
    // The article's "before enrolling, consider asking" questions judge a program, not
    // the reader: they carry no weight and no cap, only a judgement of the program.
    let c = builtin();
    let mut poor: Vec<String> = Vec::new();
    for id in ["program_skills", "program_promises", "program_link"] {
        let q = &c.questions[c.question_index(id).unwrap()];
        assert!(
            !q.ask_if.is_empty(),
            "{id} is asked only after an earlier answer"
        );
        for o in q.options.iter() {
            assert!(o.offer.is_some() && o.effects.is_empty() && o.cap.is_none());
            if o.offer == Some(ai_cert_check::Offer::Poor) {
                poor.push(format!("{id}.{}", o.id));
            }
        }
    }
    assert_eq!(
        poor,
        [
            "program_skills.no",
            "program_promises.yes",
            "program_link.unclear"
        ]
    );
}

#[test]
fn related_reading_is_the_articles_list_without_addresses() {
    let c = builtin();
    let titles: Vec<&str> = c.reading.iter().map(|r| &*r.title).collect();
    assert_eq!(
        titles,
        [
            "Do Employers Actually Care About AI Skills",
            "How to Assess Your AI Career Risk",
            "AI Skills vs AI Tools: What Actually Matters",
            "Reskill or Stay Put: A Rational Framework",
            "AI Enhanced Roles vs AI Exposed Roles",
            "How AI Skill Compounding Works Over Time",
            "Output vs Replaceability",
            "How to Use AI at Work"
        ]
    );
    // Addresses are the host's to give.
    assert!(c.reading.iter().all(|r| r.href.is_none()));
}
