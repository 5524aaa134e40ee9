//! The article's readers (`tests/readers.json`), each with the advice the article gives
//! them: the band, whether it is final or a leaning (and then what could still change
//! it), the reason shown first, the judgement
//! of the program, the next steps, where the what-if sentences lead, and sentences that
//! must and must not appear. The French checklist gives every reader the same result,
//! in French.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ai_cert_check::{
    builtin, evaluate, parse_checklist_json, Answers, Cause, Checklist, OfferJudgement, Outcome,
};
use common::{id_of, shown};
use serde_json::Value;

const READERS: &str = include_str!("readers.json");
const FRENCH: &str = include_str!("../src/content/ai-certification.fr.json");

fn readers() -> Vec<Value> {
    let v: Value = serde_json::from_str(READERS).expect("tests/readers.json");
    v["readers"].as_array().expect("a list of readers").clone()
}

fn answers_of(c: &Checklist, row: &Value) -> Answers {
    let mut a = Answers::new(c);
    for (q, chosen) in row["answers"].as_object().expect("answers").iter() {
        let qi = c
            .question_index(q)
            .unwrap_or_else(|| panic!("no question {q}"));
        let picks: Vec<&str> = match chosen {
            Value::Array(list) => list.iter().map(|o| o.as_str().unwrap()).collect(),
            o => vec![o.as_str().unwrap()],
        };
        for o in picks {
            let oi = c.questions[qi]
                .option_index(o)
                .unwrap_or_else(|| panic!("no option {q}.{o}"));
            a.set(c, qi, oi, true);
        }
    }
    a
}

fn cause_of(c: &Checklist, cause: Cause) -> String {
    match cause {
        Cause::Answer { question, option } => {
            let q = &c.questions[question];
            format!("{}={}", q.id, q.options[option].id)
        }
        Cause::Rule(r) => format!("rule:{}", c.rules[r].id),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|l| l.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// What a row pins down that does not depend on the language.
fn structure(c: &Checklist, out: &Outcome) -> Value {
    let offer = match out.offer {
        OfferJudgement::Poor => Value::from("poor"),
        OfferJudgement::Sound => Value::from("sound"),
        OfferJudgement::Unknown => Value::Null,
    };
    let verdicts = |ways: &[ai_cert_check::WhatIf]| -> Vec<String> {
        ways.iter()
            .map(|w| c.verdicts[w.verdict].id.to_string())
            .collect()
    };
    serde_json::json!({
        "band": id_of(c, out),
        "final": out.verdict.map(|_| !out.is_provisional()),
        "open": (out.verdict.is_some() && out.is_provisional()).then(|| {
            out.could_change
                .iter()
                .map(|&q| c.questions[q].id.to_string())
                .collect::<Vec<_>>()
        }),
        "decisive": out.decisive.map(|d| cause_of(c, d.cause)),
        "offer": offer,
        "steps": out.next_steps.iter().map(|&s| c.steps[s].id.to_string()).collect::<Vec<_>>(),
        "up": verdicts(&out.up),
        "down": verdicts(&out.down),
    })
}

fn expected(row: &Value) -> Value {
    serde_json::json!({
        "band": row["band"],
        "final": row["final"],
        "open": row["open"],
        "decisive": row["decisive"],
        "offer": row["offer"],
        "steps": row["steps"],
        "up": row["up"],
        "down": row["down"],
    })
}

#[test]
fn there_are_the_readers_the_article_describes() {
    let rows = readers();
    assert!(rows.len() >= 15, "{} readers", rows.len());
    assert!(rows.iter().filter(|r| r["e2e"] == true).count() >= 5);
}

#[test]
fn every_reader_gets_the_articles_advice_in_sentences_that_agree_with_their_answers() {
    let c = builtin();
    let mut failures = Vec::new();
    for row in readers() {
        let name = row["name"].as_str().unwrap();
        let a = answers_of(c, &row);
        let out = evaluate(c, &a);
        let got = structure(c, &out);
        if got != expected(&row) {
            failures.push(format!(
                "{name}:\n  expected {}\n  got      {got}",
                expected(&row)
            ));
        }
        let text = shown(c, &a, &out).join("\n");
        for phrase in strings(&row["shows"]) {
            if !text.contains(&phrase) {
                failures.push(format!("{name}: does not show {phrase:?} in:\n{text}"));
            }
        }
        for phrase in strings(&row["never"]) {
            if text.contains(&phrase) {
                failures.push(format!("{name}: shows {phrase:?} in:\n{text}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn the_french_checklist_gives_every_reader_the_same_result_in_french() {
    let (en, fr) = (
        builtin(),
        parse_checklist_json(FRENCH).expect("French checklist"),
    );
    for row in readers() {
        let name = row["name"].as_str().unwrap();
        let (ea, fa) = (answers_of(en, &row), answers_of(&fr, &row));
        let (eo, fo) = (evaluate(en, &ea), evaluate(&fr, &fa));
        assert_eq!(structure(&fr, &fo), expected(&row), "{name}");
        assert_eq!(fo.verdict, eo.verdict, "{name}");
        let (et, ft) = (shown(en, &ea, &eo), shown(&fr, &fa, &fo));
        assert_eq!(ft.len(), et.len(), "{name}: as many sentences");
        for (e, f) in et.iter().zip(&ft) {
            assert_ne!(e, f, "{name}: a sentence left in English");
        }
    }
}

/// The table for the closing note and docs: reader, band, final or leaning, first reason.
#[test]
fn print_the_table_of_readers() {
    let c = builtin();
    println!("| reader | verdict | final? | what decides it |\n|---|---|---|---|");
    for row in readers() {
        let out = evaluate(c, &answers_of(c, &row));
        let first = out
            .decisive
            .map(|d| d.cause.text(c).to_string())
            .unwrap_or_default();
        let status = match (out.verdict, out.leaning_note(c)) {
            (None, _) => String::new(),
            (Some(_), None) => "final".to_string(),
            (Some(_), Some(note)) => format!("leaning: {note}"),
        };
        println!(
            "| {} | {} | {} | {} |",
            row["name"].as_str().unwrap(),
            ai_cert_check::headline(c, &out).unwrap_or_default(),
            status,
            first
        );
    }
}
