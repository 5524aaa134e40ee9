//! A parsed JSON-like value, as the engine walks it: `serde_json::Value` natively, a JS
//! object in the browser. Its own module because two stages need it and neither should
//! need the other: the limits, checked on the tree before anything recursive reads it,
//! and the parser, which reads it.

use serde::de::DeserializeOwned;

/// A parsed JSON-like value that can be walked and deserialized.
pub trait Tree: Sized {
    /// The value of `key`, if this is an object that has it.
    fn field(&self, key: &str) -> Option<Self>;
    /// The items, if this is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The keys, if this is an object.
    fn keys(&self) -> Option<Vec<String>>;
    /// Deserializes the value as `T`, or says why it cannot.
    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, String>;
}
