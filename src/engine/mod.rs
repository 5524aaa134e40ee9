//! The engine: a checklist's format, its validation, and a reader's answers turned into
//! an explained verdict. Pure Rust: no I/O and no web crate (`tests/boundaries.rs`
//! checks both), built and tested natively.
//!
//! This file is the engine's module map and nothing else. `build.rs` includes it too
//! (`#[path = "src/engine/mod.rs"] mod engine;`), so the built-in checklist is compiled at
//! build time by these same modules; that is why the engine's modules name each other
//! `crate::engine::...`, a path that means the same in the library and in the build
//! script. Their dependencies form no cycle: `tests/boundaries.rs` reads the graph from
//! these paths and fails on one.
//!
//! In the order a checklist goes through them:
//! - [`format`] the author's form, as read with serde; [`labels`] the widget's own words,
//!   one table;
//! - [`tree`] a parsed JSON-like value; [`limits`] every limit, in one table, and the
//!   checks made before any work; [`problem`] what is wrong, where, and how to fix it;
//! - [`parse`] reading an author's tree with every problem at its path; [`compile`] the
//!   rules, every problem at once, one function per table; [`regions`] the verdicts'
//!   regions as a whole; [`link`] the addresses a link may have (the web layer uses it
//!   too);
//! - [`checklist`] the trusted model; [`emit`] that model written as Rust, at build time;
//!   [`picture`] the where-you-stand picture's geometry;
//! - [`answers`] a reader's answers; [`verdict`] where the verdict is decided;
//!   [`finality`] whether an open question could still change it; [`evaluate`] the one
//!   result the widget shows; [`whatif`] what would change it;
//!   [`share`] answers as a short text; [`summary`] the result as plain text;
//! - [`text`] the text helpers all of them use.

pub mod answers;
pub mod checklist;
pub mod compile;
#[cfg(not(target_arch = "wasm32"))]
pub mod emit;
pub mod evaluate;
pub mod finality;
pub mod format;
pub mod labels;
pub mod limits;
pub mod link;
pub mod parse;
pub mod picture;
pub mod problem;
pub mod regions;
pub mod share;
pub mod summary;
pub mod text;
pub mod tree;
pub mod verdict;
pub mod whatif;
