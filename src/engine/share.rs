//! A reader's answers as a short, versioned text: what a share link carries in the
//! page address's fragment and what the browser keeps between visits.
//!
//! `2.<fingerprint>.<mask>.<mask>....<check>`: the format version, a fingerprint of the
//! checklist's questions and options, one base-36 bit mask of chosen options per
//! question (empty for unanswered; trailing empties dropped), then a check of all that
//! comes before it. "2.k2x9f0.1..4.a0f3" is four questions, the first and third
//! answered. The check is what tells a link cut short (a chat app that drops its last
//! characters, a copy that misses the end) from one with fewer answers: without it,
//! "1.k2x9f0.1..4" cut to "1.k2x9f0.1." read as one answer fewer, silently. Texts of
//! format 1, which had no check, are still read.
//!
//! Decoding is all or nothing: a text that is damaged, from another checklist, or from a
//! future format gives an error and no answers, never some of them. The fingerprint
//! covers what answers mean (question and option ids, and which questions take several
//! options), not wording or weights: a typo fixed or a weight tuned keeps readers'
//! answers. When questions or options change, a checklist can carry the layouts of its
//! earlier versions ([`Checklist::formerly`]): answers given to one of them still open,
//! mapped by id, and an answer whose option is gone is dropped and its question named,
//! so that the reader can be told to answer it again.

use crate::engine::answers::Answers;
use crate::engine::checklist::{Checklist, Former};

/// The format version this build writes (it reads this one and every earlier one).
pub const FORMAT: u32 = 2;

/// Why a text could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Not in the format, cut short, or naming options that do not exist.
    Damaged,
    /// Made for a different version of this checklist (or another checklist).
    OtherChecklist,
    /// Made by a newer version of the widget: a higher version number, in our shape.
    FutureFormat,
}

/// What [`fingerprint`] covers of one question: its id, whether it takes several
/// options, and its options' ids with whether each is exclusive.
pub type Layout<'a> = (&'a str, bool, Vec<(&'a str, bool)>);

/// A 32-bit FNV-1a hash, fed one field at a time (each field ends with a separator).
struct Hash(u32);

impl Hash {
    fn eat(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(&[0xff]) {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
}

/// A 32-bit FNV-1a hash of what answers refer to.
pub fn fingerprint(c: &Checklist) -> u32 {
    let mut h = Hash(0x811c_9dc5);
    h.eat(c.id.as_bytes());
    for q in c.questions.iter() {
        h.eat(q.id.as_bytes());
        h.eat(if q.multiple { b"m" } else { b"s" });
        for o in q.options.iter() {
            h.eat(o.id.as_bytes());
            h.eat(if o.exclusive { b"x" } else { b"" });
        }
    }
    h.0
}

/// [`fingerprint`] of a checklist with id `id` and these questions: the layout of an
/// earlier version of it.
pub fn fingerprint_of(id: &str, questions: &[Layout<'_>]) -> u32 {
    let mut h = Hash(0x811c_9dc5);
    h.eat(id.as_bytes());
    for (q, multiple, options) in questions {
        h.eat(q.as_bytes());
        h.eat(if *multiple { b"m" } else { b"s" });
        for (o, exclusive) in options {
            h.eat(o.as_bytes());
            h.eat(if *exclusive { b"x" } else { b"" });
        }
    }
    h.0
}

/// How an earlier version's answers map onto `c`: for each of its questions, in order,
/// the question of `c` with the same id, and for each of its options the option of that
/// question with the same id (`None` where there is none).
pub fn former(c: &Checklist, id: &str, questions: &[Layout<'_>]) -> Former {
    use crate::engine::checklist::FormerQuestion;
    use std::borrow::Cow;
    let fingerprint = fingerprint_of(id, questions);
    let questions = questions
        .iter()
        .map(|(q, _, options)| {
            let now = c.question_index(q);
            let options = options
                .iter()
                .map(|(o, _)| now.and_then(|n| c.questions[n].option_index(o)))
                .collect();
            FormerQuestion {
                now,
                options: Cow::Owned(options),
            }
        })
        .collect();
    Former {
        fingerprint,
        questions: Cow::Owned(questions),
    }
}

/// A [`Layout`] read from a file.
#[cfg(not(target_arch = "wasm32"))]
type OwnedLayout = (String, bool, Vec<(String, bool)>);

/// The earlier versions of `c` listed in its history file, mapped onto it: a JSON object
/// whose `versions` are each `{ "id", "questions": [{ "id", "multiple", "options",
/// "exclusive" }] }` (option ids in order; `exclusive` lists those that are). Read at
/// build time for the built-in checklist, and by its tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn history(c: &Checklist, json: &str) -> Result<Vec<Former>, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut formers = Vec::new();
    for version in v["versions"].as_array().ok_or("no \"versions\" list")? {
        let id = version["id"]
            .as_str()
            .ok_or("a version without an \"id\"")?;
        let questions: Vec<OwnedLayout> = version["questions"]
            .as_array()
            .ok_or("a version without \"questions\"")?
            .iter()
            .map(|q| {
                let exclusive = strings(&q["exclusive"]);
                let options = strings(&q["options"])
                    .into_iter()
                    .map(|o| {
                        let x = exclusive.contains(&o);
                        (o, x)
                    })
                    .collect();
                (
                    q["id"].as_str().unwrap_or_default().to_string(),
                    q["multiple"].as_bool().unwrap_or(false),
                    options,
                )
            })
            .collect();
        let layout: Vec<Layout<'_>> = questions
            .iter()
            .map(|(q, m, options)| (&**q, *m, options.iter().map(|(o, x)| (&**o, *x)).collect()))
            .collect();
        formers.push(former(c, id, &layout));
    }
    Ok(formers)
}

/// The answers as text.
pub fn encode(c: &Checklist, answers: &Answers) -> String {
    let mut out = String::new();
    push_base36(&mut out, FORMAT);
    out.push('.');
    push_base36(&mut out, fingerprint(c));
    let last = (0..c.questions.len())
        .rev()
        .find(|&q| answers.is_answered(q))
        .map_or(0, |q| q + 1);
    for q in 0..last {
        out.push('.');
        let mask = answers.mask(q);
        if mask != 0 {
            push_base36(&mut out, mask);
        }
    }
    let sum = check(&out);
    out.push('.');
    push_base36(&mut out, sum);
    out
}

/// The check of a text's beginning: its FNV-1a hash, in four base-36 digits at most.
fn check(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) % 1_679_616
}

/// The answers a text describes, checked against `c` (see [`restore`]; answers whose
/// option is gone are left out).
pub fn decode(c: &Checklist, text: &str) -> Result<Answers, DecodeError> {
    restore(c, text).map(|(answers, _)| answers)
}

/// The answers a text describes, checked against `c`, and the questions whose answer
/// could not be kept: the text was made for an earlier version of `c` (one of
/// [`Checklist::formerly`]) in which the chosen option existed and now does not.
pub fn restore(c: &Checklist, text: &str) -> Result<(Answers, Vec<usize>), DecodeError> {
    let mut parts = crate::engine::text::pieces(text, b'.');
    let head = parts.next().unwrap_or_default();
    let version = parse_base36(head).ok_or(DecodeError::Damaged)?;
    if version > FORMAT {
        // Only a text shaped like ours comes from a newer version: a version number in
        // decimal digits, then more after a dot. Anything else ("x", which base 36 reads
        // as 33) is not ours, and is reported as not readable.
        let ours = head.bytes().all(|b| b.is_ascii_digit()) && text.len() > head.len();
        return Err(if ours {
            DecodeError::FutureFormat
        } else {
            DecodeError::Damaged
        });
    }
    let mut masks: Vec<&str> = parts.collect();
    if version == 2 {
        // The last part checks all before it: a text cut short fails here.
        let sum = masks.pop().and_then(parse_base36);
        let end = text.bytes().rposition(|b| b == b'.').unwrap_or(0);
        let body = text.get(..end).unwrap_or_default();
        if sum != Some(check(body)) {
            return Err(DecodeError::Damaged);
        }
    } else if version != 1 {
        return Err(DecodeError::Damaged);
    }
    let mut masks = masks.into_iter();
    let print = masks
        .next()
        .and_then(parse_base36)
        .ok_or(DecodeError::Damaged)?;
    let former = c.formerly.iter().find(|f| f.fingerprint == print);
    if print != fingerprint(c) && former.is_none() {
        return Err(DecodeError::OtherChecklist);
    }
    let mut answers = Answers::new(c);
    let mut again = Vec::new();
    for (q, part) in masks.enumerate() {
        // The question this part is about now, and, for an earlier version, where its
        // options went.
        let was = former.map(|f| f.questions.get(q));
        let (now, n) = match was {
            Some(Some(was)) => (was.now, was.options.len()),
            None if q < c.questions.len() => (Some(q), c.questions[q].options.len()),
            _ => return Err(DecodeError::Damaged),
        };
        if part.is_empty() {
            continue;
        }
        let mask = parse_base36(part).ok_or(DecodeError::Damaged)?;
        // n <= MAX_OPTIONS (32): the shift stays within a u64.
        if u64::from(mask) >> n != 0 {
            return Err(DecodeError::Damaged);
        }
        let Some(now) = now else { continue };
        let question = &c.questions[now];
        let exclusive = question.exclusive_mask();
        let well_formed = (question.multiple || mask.count_ones() == 1)
            && (mask & exclusive == 0 || mask.count_ones() == 1);
        if was.is_none() && !well_formed {
            return Err(DecodeError::Damaged);
        }
        for o in crate::engine::answers::Bits(mask) {
            let o = match was {
                Some(Some(was)) => was.options.get(o).copied().flatten(),
                _ => Some(o),
            };
            match o {
                Some(o) => answers.set(c, now, o, true),
                None if !again.contains(&now) => again.push(now),
                None => {}
            }
        }
    }
    answers.drop_unasked(c);
    again.retain(|&q| !answers.is_answered(q));
    Ok((answers, again))
}

pub(crate) fn push_base36(out: &mut String, mut n: u32) {
    // u32::MAX is 7 base-36 digits ("1z141z3"), so `i` stays above 0; `d` < 36, so each
    // digit byte is '0'..='9' or 'a'..='z'.
    let mut digits = [0u8; 8];
    let mut i = digits.len();
    loop {
        i -= 1;
        let d = (n % 36) as u8;
        digits[i] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(i) {
        out.push(d as char);
    }
}

fn parse_base36(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let mut n: u32 = 0;
    for b in s.bytes() {
        // No underflow: each arm's range starts at what it subtracts.
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            _ => return None,
        };
        n = n.checked_mul(36)?.checked_add(u32::from(d))?;
    }
    Some(n)
}
