//! ai-cert-check: "Is an AI certification worth it for me?" as an embeddable, explained
//! decision widget.
//!
//! The crate has two halves with one boundary between them:
//! - the engine (`src/engine/`): pure Rust, no I/O, no web crates; it models a
//!   checklist, validates it, and evaluates a reader's answers into an explained verdict.
//!   Built and tested natively. `builtin` holds the built-in checklist it compiled at
//!   build time.
//! - `web` (wasm32 only): the custom element's body. It is the only code that names
//!   wasm-bindgen, web-sys, js-sys or gloo; `tests/boundaries.rs` enforces that.
#![deny(missing_docs)]

mod builtin;
mod engine;
#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use engine::emit;
pub use engine::picture;

pub use builtin::builtin;
pub use engine::answers::{Answers, Bits};
pub use engine::checklist::{
    Checklist, Choice, Condition, Effect, Factor, Former, FormerQuestion, Labels, List, NextStep,
    Offer, Question, Reading, Rule, Section, Text, Verdict, When,
};
pub use engine::compile::compile;
pub use engine::evaluate::{evaluate, headline, shown_headline, OfferJudgement, Outcome, Reason};
pub use engine::finality::{finality, Finality};
pub use engine::format::{
    RawChecklist, RawCondition, RawEffect, RawFactor, RawOption, RawQuestion, RawReading, RawRule,
    RawSection, RawStep, RawVerdict, RawWhen,
};
pub use engine::labels::{Label, RawLabels, LABELS};
pub use engine::limits::{
    check_size, check_text, check_tree, tidy, unlisted, Limit, LIMITS, MAX_BYTES, MAX_DEPTH,
    MAX_FACTORS, MAX_FINALITY_WORK, MAX_ID, MAX_LONG, MAX_MESSAGE, MAX_NESTING, MAX_OPTIONS,
    MAX_PROBLEMS, MAX_QUESTIONS, MAX_READING, MAX_REASONS, MAX_REGION_PROBLEMS, MAX_SHORT,
    MAX_STEPS, MAX_VALUES, MAX_VERDICTS, MAX_WAYS_DOWN, MAX_WAYS_UP, MAX_WORK,
};
pub use engine::link::is_safe_href;
pub use engine::parse::parse;
#[cfg(not(target_arch = "wasm32"))]
pub use engine::parse::parse_checklist_json;
pub use engine::problem::{invalid_heading, Problem, ProblemKind, INVALID_HEADINGS};
#[cfg(not(target_arch = "wasm32"))]
pub use engine::share::history;
pub use engine::share::{
    decode, encode, fingerprint, fingerprint_of, former, restore, DecodeError, Layout, FORMAT,
};
pub use engine::summary::summary;
pub use engine::tree::Tree;
pub use engine::verdict::{region, scores, verdict, Cause};
pub use engine::whatif::{
    apply, candidate_edits, describe, edit_push, search, what_ifs, Direction, Edit, Search, WhatIf,
};
