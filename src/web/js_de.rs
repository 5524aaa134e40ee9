//! Reads a JS value into the checklist format's serde types, for the build that takes a
//! host's own checklist.
//!
//! Why not serde-wasm-bindgen: its errors go through serde's `Unexpected`, whose
//! `Display` formats floats with `f64`'s shortest-round-trip algorithms, about 16 KB
//! of wasm (the largest item in the build). A JSON-shaped value needs only a small
//! self-describing deserializer, and its error type here says what it found without
//! formatting a float with `Display` (numbers go through [`push_decimal`]).
//! Messages read as serde's do: "invalid type: string \"x\", expected u32".

use std::fmt::{self, Display};

use js_sys::Object;
use serde::de::{
    self, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use wasm_bindgen::{JsCast, JsValue};

use crate::text::push_decimal;

/// Deserializes `T` from the JS value `v`.
pub fn from_value<T: de::DeserializeOwned>(v: JsValue) -> Result<T, String> {
    T::deserialize(Js(v)).map_err(|Error(message)| message)
}

/// A problem while reading, as serde says it.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// What was found, in serde's words, with numbers written by [`push_decimal`].
fn found(u: &Unexpected<'_>) -> String {
    let mut s = String::new();
    match *u {
        Unexpected::Bool(b) => s.push_str(if b {
            "boolean `true`"
        } else {
            "boolean `false`"
        }),
        Unexpected::Unsigned(n) => {
            s.push_str("integer `");
            push_decimal(&mut s, n as f64);
            s.push('`');
        }
        Unexpected::Signed(n) => {
            s.push_str("integer `");
            push_decimal(&mut s, n as f64);
            s.push('`');
        }
        Unexpected::Float(x) => {
            s.push_str("floating point `");
            push_decimal(&mut s, x);
            s.push('`');
        }
        Unexpected::Str(text) => {
            s.push_str("string \"");
            s.push_str(text);
            s.push('"');
        }
        Unexpected::Unit => s.push_str("null"),
        Unexpected::Seq => s.push_str("sequence"),
        Unexpected::Map => s.push_str("map"),
        Unexpected::Other(other) => s.push_str(other),
        _ => s.push_str("a value of another kind"),
    }
    s
}

impl de::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error(format!("invalid type: {}, expected {exp}", found(&unexp)))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error(format!("invalid value: {}, expected {exp}", found(&unexp)))
    }
}

/// A JS value being read.
struct Js(JsValue);

impl<'de> de::Deserializer<'de> for Js {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = self.0;
        if v.is_null() || v.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(x) = v.as_f64() {
            // Whole numbers a JS number holds exactly go as integers, so that integer
            // fields accept them; the rest as floats.
            if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 {
                if x >= 0.0 {
                    visitor.visit_u64(x as u64)
                } else {
                    visitor.visit_i64(x as i64)
                }
            } else {
                visitor.visit_f64(x)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if let Some(items) = super::custom::own_items(&v) {
            visitor.visit_seq(Items(items.into_iter()))
        } else if v.is_object() {
            let keys = Object::keys(v.unchecked_ref::<Object>());
            let keys: Vec<String> = keys.iter().filter_map(|k| k.as_string()).collect();
            visitor.visit_map(Fields {
                object: v,
                keys: keys.into_iter(),
                next: None,
            })
        } else {
            Err(Error(
                "invalid type: a function, symbol or bigint".to_string(),
            ))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// An array's items.
struct Items(std::vec::IntoIter<JsValue>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.0.next() {
            Some(v) => seed.deserialize(Js(v)).map(Some),
            None => Ok(None),
        }
    }
}

/// An object's own enumerable fields, in key order.
struct Fields {
    object: JsValue,
    keys: std::vec::IntoIter<String>,
    next: Option<JsValue>,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(key) = self.keys.next() else {
            return Ok(None);
        };
        self.next = Some(
            js_sys::Reflect::get(&self.object, &JsValue::from_str(&key))
                .unwrap_or(JsValue::UNDEFINED),
        );
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Js(self.next.take().unwrap_or(JsValue::UNDEFINED)))
    }
}
