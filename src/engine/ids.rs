//! The ids of one table, sorted once, so that finding an id, finding every id given
//! twice and naming the ids nearest an unknown one each take logarithmic time.
//!
//! Why: validation looks up every reference, and checks every id against the others of
//! its table. Done with a scan of the ids seen, each check cost as much as the table: a
//! valid file of 80,000 steps froze the page for about 4.5 s (160,000 given to `mount`,
//! 17 s), quadratic in the ids. Sorted `(id, place)` pairs bring the whole to n log n.
//! The alternative, a hash table, is linear on average but not against hostile input: a
//! fixed hash (the reader's build has no source of randomness to seed one) lets a file
//! choose ids that all collide, and that is quadratic again.
//!
//! The sort is a heapsort of a dozen lines: n log n at worst, in place, without
//! recursion, and 5 KB less in the build for hosts' own checklists than the standard
//! library's sort (which that build did not otherwise need).
//!
//! Only validation uses it: it is in the build for hosts' own checklists and in
//! `build.rs`, never in the built-in page. It is generic over what an id is (validation's
//! are `&str`) so that a test can count the comparisons it makes.

use crate::engine::limits::{clip, MAX_HINT_IDS};
use crate::engine::text::push_number;

/// The ids of one table, in a sorted index.
pub struct Ids<T> {
    /// Each id with its place in the table, sorted: equal ids together, in table order.
    sorted: Vec<(T, usize)>,
}

impl<T: Ord + Copy> Ids<T> {
    /// The index of `ids`, given in table order.
    pub fn new(ids: impl IntoIterator<Item = T>) -> Ids<T> {
        let mut sorted: Vec<(T, usize)> = ids
            .into_iter()
            .enumerate()
            .map(|(place, id)| (id, place))
            .collect();
        heapsort(&mut sorted);
        Ids { sorted }
    }

    /// How many ids the table has.
    pub fn count(&self) -> usize {
        self.sorted.len()
    }

    /// The first place `id` is given at, if any.
    pub fn find(&self, id: T) -> Option<usize> {
        let at = self.sorted.partition_point(|&(s, _)| s < id);
        self.sorted
            .get(at)
            .filter(|&&(s, _)| s == id)
            .map(|&(_, place)| place)
    }

    /// For each place of the table, whether an earlier place gives the same id.
    pub fn repeated(&self) -> Vec<bool> {
        let mut repeated = vec![false; self.sorted.len()];
        for pair in self.sorted.windows(2) {
            if let [(a, _), (b, place)] = pair {
                if a == b {
                    // Places come from `enumerate` over the same ids: in range.
                    repeated[*place] = true;
                }
            }
        }
        repeated
    }
}

impl Ids<&str> {
    /// The hint for a reference to `id`, which is not in the table: every id, in table
    /// order, when there are at most [`MAX_HINT_IDS`]; otherwise the ids nearest `id` in
    /// alphabetical order (a typo at the end of an id lands beside it) and how many ids
    /// there are. Never longer than [`MAX_HINT_IDS`] quoted ids.
    pub fn hint(&self, id: &str) -> String {
        let n = self.sorted.len();
        if n == 0 {
            return "none are defined".to_string();
        }
        let mut out = String::new();
        if n <= MAX_HINT_IDS {
            out.push_str("known: ");
            for place in 0..n {
                if let Some((s, _)) = self.sorted.iter().find(|&&(_, p)| p == place) {
                    if place > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&clip(s));
                }
            }
            return out;
        }
        // n > MAX_HINT_IDS: a window of MAX_HINT_IDS ids around where `id` would be.
        let at = self.sorted.partition_point(|&(s, _)| s < id);
        let start = at.saturating_sub(MAX_HINT_IDS / 2).min(n - MAX_HINT_IDS);
        out.push_str("the known ids nearest it: ");
        let mut last: Option<&str> = None;
        for &(s, _) in self.sorted.iter().skip(start).take(MAX_HINT_IDS) {
            if last != Some(s) {
                if last.is_some() {
                    out.push_str(", ");
                }
                out.push_str(&clip(s));
                last = Some(s);
            }
        }
        out.push_str(" (of ");
        push_number(&mut out, n);
        out.push(')');
        out
    }
}

/// Sorts `items`, smallest first: a heapsort (a max-heap built in place, then its top
/// moved to the end, one item at a time).
fn heapsort<T: Ord>(items: &mut [T]) {
    // Moves item `i` down the heap `items[..end]` until no child is larger.
    fn sift<T: Ord>(items: &mut [T], mut i: usize, end: usize) {
        loop {
            let mut top = i;
            for child in [2 * i + 1, 2 * i + 2] {
                // `get` ends the heap at `end` (and at the slice: `end <= len`).
                if child < end && items.get(child) > items.get(top) {
                    top = child;
                }
            }
            if top == i {
                return;
            }
            items.swap(i, top); // both below `end`
            i = top;
        }
    }
    let n = items.len();
    for i in (0..n / 2).rev() {
        sift(items, i, n);
    }
    for end in (1..n).rev() {
        items.swap(0, end); // end < n
        sift(items, 0, end);
    }
}
