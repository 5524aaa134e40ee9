//! Reading an author's checklist from a parsed JSON-like tree, with every problem
//! reported at its path: shape problems (unknown keys, missing fields, wrong types) as
//! well as the rule problems [`crate::engine::compile`] finds.
//!
//! serde stops at the first shape error and says what, not where. So this walks down the
//! tree and deserializes each factor, section, question, option, effect, verdict,
//! condition and reading on its own; every part that fails, and none of whose own parts
//! fail, is reported with its path and serde's message. It also checks every object's
//! keys against the fields its type declares, itself, so that a misspelt key is reported
//! at its path, with the fields it could have been, the same way on both trees. One walker serves both trees the crate reads: `serde_json::Value`
//! natively (the command-line validator, the tests) and a JS object in the browser (the
//! build for pages that bring their own checklist), through the [`Tree`] trait.

use serde::de::DeserializeOwned;

use crate::engine::checklist::Checklist;
use crate::engine::compile::compile;
use crate::engine::format::{
    RawChecklist, RawCondition, RawEffect, RawFactor, RawLabels, RawOption, RawQuestion,
    RawReading, RawRule, RawSection, RawStep, RawVerdict, RawWhen,
};
use crate::engine::limits::{check_tree, clip, tidy};
use crate::engine::problem::{Problem, ProblemKind};
use crate::engine::text::join;
use crate::engine::tree::Tree;

/// Reads and validates a checklist, or returns the problems found: every one up to
/// [`crate::MAX_PROBLEMS`], then a count of the rest ([`tidy`]). Nesting and size are
/// checked first ([`check_tree`]), before anything here recurses into the tree.
pub fn parse<V: Tree>(tree: &V) -> Result<Checklist, Vec<Problem>> {
    check_tree(tree).map_err(|p| vec![p])?;
    read(tree).map_err(tidy)
}

fn read<V: Tree>(tree: &V) -> Result<Checklist, Vec<Problem>> {
    let mut problems = Vec::new();
    unknown_keys(tree, "$", field_names::<RawChecklist>(), &mut problems);
    checklist_parts(tree, &mut problems);
    match tree.deserialize::<RawChecklist>() {
        Ok(raw) => match compile(&raw) {
            Ok(checklist) if problems.is_empty() => Ok(checklist),
            Ok(_) => Err(problems),
            Err(more) => {
                problems.extend(more);
                Err(problems)
            }
        },
        Err(message) => {
            if problems.is_empty() {
                problems.push(shape("$", message));
            }
            Err(problems)
        }
    }
}

/// The field names `T` declares, found by asking its `Deserialize` impl (it names them
/// when it asks for a struct).
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{Error, Visitor};
    use serde::forward_to_deserialize_any;

    struct Probe<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_struct<W: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: W,
        ) -> Result<W::Value, Self::Error> {
            *self.0 = fields;
            Err(Self::Error::custom("probe"))
        }
        fn deserialize_any<W: Visitor<'de>>(self, _: W) -> Result<W::Value, Self::Error> {
            Err(Self::Error::custom("probe"))
        }
        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// Reports a list where the object `v` should be, or every key of it that is not one of
/// `fields`. (The fields as an argument rather than the type that declares them: one
/// copy of this code instead of one for each of thirteen types, 5 KB less in the
/// WebAssembly build.)
///
/// A list is refused here, before serde sees it, because the two readers would each
/// accept one their own way: serde's derive reads a list as the fields in order
/// (natively), and serde-wasm-bindgen reads it as an object with no fields (in the
/// browser, where `"labels": []` would have shown the defaults). The schema refuses it.
fn unknown_keys<V: Tree>(v: &V, path: &str, fields: &[&str], out: &mut Vec<Problem>) {
    if v.items().is_some() {
        out.push(shape(
            path,
            "invalid type: sequence, expected a map".to_string(),
        ));
        return;
    }
    for key in v.keys().unwrap_or_default() {
        if !fields.contains(&key.as_str()) {
            let key = clip(&key);
            out.push(Problem {
                kind: ProblemKind::Shape,
                path: format!("{path}.{key}"),
                message: format!("unknown field `{key}`"),
                hint: format!("known fields here: {}", join(fields.iter().copied(), ", ")),
            });
        }
    }
}

fn shape(path: &str, message: String) -> Problem {
    Problem {
        kind: ProblemKind::Shape,
        path: path.to_string(),
        message,
        hint: "compare with docs/checklist-format.md or schema/checklist.schema.json".to_string(),
    }
}

type Parts<V> = fn(&V, &str, &mut Vec<Problem>);

/// Checks `v` as a `T`: its keys, then its parts; if neither has a problem but `v`
/// still does not deserialize, reports `v` itself with serde's message.
fn part<V: Tree, T: DeserializeOwned>(v: &V, path: &str, out: &mut Vec<Problem>, parts: Parts<V>) {
    let before = out.len();
    unknown_keys(v, path, field_names::<T>(), out);
    parts(v, path, out);
    if out.len() == before {
        if let Err(message) = v.deserialize::<T>() {
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
                    each(v, "ask_if", p, o, |v, p, o| {
                        part::<V, RawWhen>(v, p, o, none)
                    });
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
    each(v, "rules", path, out, |v, p, o| {
        part::<V, RawRule>(v, p, o, |v, p, o| {
            each(v, "answers", p, o, |v, p, o| {
                part::<V, RawWhen>(v, p, o, none)
            })
        })
    });
    each(v, "steps", path, out, |v, p, o| {
        part::<V, RawStep>(v, p, o, |v, p, o| {
            each(v, "answers", p, o, |v, p, o| {
                part::<V, RawWhen>(v, p, o, none)
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
        fn keys(&self) -> Option<Vec<String>> {
            Some(self.as_object()?.keys().cloned().collect())
        }
        fn deserialize<T: DeserializeOwned>(&self) -> Result<T, String> {
            serde_json::from_value(self.clone()).map_err(|e| e.to_string())
        }
    }

    /// Reads a checklist from JSON text: its size and nesting first
    /// ([`crate::check_text`]), then syntax errors (with line and column), shape errors
    /// and rule problems, each with its path.
    pub fn parse_checklist_json(text: &str) -> Result<Checklist, Vec<Problem>> {
        crate::engine::limits::check_text(text).map_err(|p| vec![p])?;
        match serde_json::from_str::<serde_json::Value>(text) {
            // The text check bounded the nesting, and a parsed text shares no parts: the
            // tree check would only repeat it (at the cost of cloning every subtree).
            Ok(tree) => read(&tree).map_err(tidy),
            Err(e) => Err(vec![Problem {
                kind: ProblemKind::Syntax,
                path: "$".to_string(),
                message: format!("is not valid JSON: {e}"),
                hint: "check the brackets, commas and quotes around that place".to_string(),
            }]),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use json::parse_checklist_json;
