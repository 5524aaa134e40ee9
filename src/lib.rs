//! ai-cert-check: "Is an AI certification worth it for me?" as an embeddable, explained
//! decision widget.
//!
//! The crate has two halves with one boundary between them:
//! - the engine (every module but `web`): pure Rust, no I/O, no web crates; it models a
//!   checklist, validates it, and evaluates a reader's answers into an explained verdict.
//!   Built and tested natively.
//! - `web` (wasm32 only): the custom element's body. It is the only code that names
//!   wasm-bindgen, web-sys, js-sys or gloo; `tests/boundaries.rs` enforces that.
#![deny(missing_docs)]

mod answers;
mod builtin;
mod checklist;
mod compile;
mod evaluate;
mod finality;
mod format;
mod labels;
mod limits;
mod parse;
pub mod picture;
mod share;
mod summary;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;
mod whatif;

pub use answers::{Answers, Bits};
pub use builtin::builtin;
pub use checklist::{
    Checklist, Choice, Condition, Effect, Factor, Former, FormerQuestion, Labels, List, NextStep,
    Offer, Question, Reading, Rule, Section, Text, Verdict, When, MAX_OPTIONS,
};
pub use compile::{
    compile, invalid_heading, is_safe_href, Problem, ProblemKind, INVALID_HEADINGS, MAX_FACTORS,
    MAX_LONG, MAX_QUESTIONS, MAX_SHORT,
};
pub use evaluate::{
    evaluate, headline, region, scores, shown_headline, verdict, Cause, OfferJudgement, Outcome,
    Reason, MAX_READING, MAX_REASONS, MAX_STEPS,
};
pub use finality::{finality, Finality};
pub use format::{
    RawChecklist, RawCondition, RawEffect, RawFactor, RawOption, RawQuestion, RawReading, RawRule,
    RawSection, RawStep, RawVerdict, RawWhen,
};
pub use labels::{Label, RawLabels, LABELS};
pub use limits::{
    check_size, check_text, check_tree, tidy, unlisted, MAX_BYTES, MAX_MESSAGE, MAX_NESTING,
    MAX_PROBLEMS, MAX_VALUES,
};
#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_checklist_json;
pub use parse::{parse, Tree};
#[cfg(not(target_arch = "wasm32"))]
pub use share::history;
pub use share::{
    decode, encode, fingerprint, fingerprint_of, former, restore, DecodeError, Layout, FORMAT,
};
pub use summary::summary;
pub use whatif::{
    apply, candidate_edits, describe, edit_push, search, what_ifs, Direction, Edit, Search, WhatIf,
    MAX_DEPTH, MAX_WORK,
};
