//! Reading an author's checklist from a parsed JSON-like tree, with every problem
//! reported at its path: shape problems (unknown keys, missing fields, wrong types) as
//! well as the rule problems [`crate::compile`] finds.
//!
//! serde stops at the first shape error and says what, not where. So when the whole
//! checklist does not deserialize, this walks down the tree and deserializes each
//! factor, section, question, option, effect, verdict, condition and reading on its own;
//! every part that fails, and none of whose own parts fail, is reported with its path and
//! serde's message. One walker serves both trees the crate reads: `serde_json::Value`
//! natively (the command-line validator, the tests) and a JS object in the browser (the
//! build for pages that bring their own checklist), through the [`Tree`] trait.

use serde::de::DeserializeOwned;

use crate::checklist::Checklist;
use crate::compile::{compile, Problem};
use crate::format::{
    RawChecklist, RawCondition, RawEffect, RawFactor, RawLabels, RawOption, RawQuestion,
    RawReading, RawSection, RawVerdict,
};

/// A parsed JSON-like value that can be walked and deserialized.
pub trait Tree: Sized {
    /// The value of `key`, if this is an object that has it.
    fn field(&self, key: &str) -> Option<Self>;
    /// The items, if this is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// Deserializes the value as `T`, or says why it cannot.
    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, String>;
}

/// Reads and validates a checklist, or returns every problem found.
pub fn parse<V: Tree>(tree: &V) -> Result<Checklist, Vec<Problem>> {
    match tree.deserialize::<RawChecklist>() {
        Ok(raw) => compile(&raw),
        Err(message) => {
            let mut problems = Vec::new();
            checklist_parts(tree, &mut problems);
            if problems.is_empty() {
                problems.push(shape("$", message));
            }
            Err(problems)
        }
    }
}

fn shape(path: &str, message: String) -> Problem {
    Problem {
        path: path.to_string(),
        message,
        hint: "compare with docs/checklist-format.md or schema/checklist.schema.json".to_string(),
    }
}

type Parts<V> = fn(&V, &str, &mut Vec<Problem>);

/// Deserializes `v` as `T`; on failure, looks for failing parts first and reports `v`
/// itself only if none of them explains the failure.
fn part<V: Tree, T: DeserializeOwned>(v: &V, path: &str, out: &mut Vec<Problem>, parts: Parts<V>) {
    if let Err(message) = v.deserialize::<T>() {
        let before = out.len();
        parts(v, path, out);
        if out.len() == before {
            out.push(shape(path, message));
        }
    }
}

fn each<V: Tree>(v: &V, key: &str, path: &str, out: &mut Vec<Problem>, f: Parts<V>) {
    if let Some(items) = v.field(key).and_then(|list| list.items()) {
        for (i, item) in items.iter().enumerate() {
            f(item, &format!("{path}.{key}[{i}]"), out);
        }
    }
}

fn none<V>(_: &V, _: &str, _: &mut Vec<Problem>) {}

fn checklist_parts<V: Tree>(v: &V, out: &mut Vec<Problem>) {
    let path = "$";
    each(v, "factors", path, out, |v, p, o| {
        part::<V, RawFactor>(v, p, o, none)
    });
    each(v, "sections", path, out, |v, p, o| {
        part::<V, RawSection>(v, p, o, |v, p, o| {
            each(v, "questions", p, o, |v, p, o| {
                part::<V, RawQuestion>(v, p, o, |v, p, o| {
                    each(v, "options", p, o, |v, p, o| {
                        part::<V, RawOption>(v, p, o, |v, p, o| {
                            each(v, "effects", p, o, |v, p, o| {
                                part::<V, RawEffect>(v, p, o, none)
                            })
                        })
                    })
                })
            })
        })
    });
    each(v, "verdicts", path, out, |v, p, o| {
        part::<V, RawVerdict>(v, p, o, |v, p, o| {
            each(v, "when", p, o, |v, p, o| {
                part::<V, RawCondition>(v, p, o, none)
            })
        })
    });
    each(v, "reading", path, out, |v, p, o| {
        part::<V, RawReading>(v, p, o, none)
    });
    if let Some(labels) = v.field("labels") {
        part::<V, RawLabels>(&labels, "$.labels", out, none);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod json {
    //! The native tree: `serde_json::Value`, for the command-line validator and tests.
    use super::*;

    impl Tree for serde_json::Value {
        fn field(&self, key: &str) -> Option<Self> {
            self.as_object()?.get(key).cloned()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }
        fn deserialize<T: DeserializeOwned>(&self) -> Result<T, String> {
            serde_json::from_value(self.clone()).map_err(|e| e.to_string())
        }
    }

    /// Reads a checklist from JSON text: syntax errors (with line and column), shape
    /// errors and rule problems, each with its path.
    pub fn parse_checklist_json(text: &str) -> Result<Checklist, Vec<Problem>> {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(tree) => parse(&tree),
            Err(e) => Err(vec![Problem {
                path: "$".to_string(),
                message: format!("is not valid JSON: {e}"),
                hint: "check the brackets, commas and quotes around that place".to_string(),
            }]),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use json::parse_checklist_json;
