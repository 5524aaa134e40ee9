//! The verdicts as a whole: their regions tile the score space (every combination of
//! scores is in exactly one verdict's region: no gaps, no overlaps), and each verdict can
//! be reached.
//!
//! Its own module because it is unlike every other rule: not a check of one value at its
//! path but of the verdicts together, sampled one point per cell of the grid their
//! bounds make, and run only on a checklist without other problems (so that every index
//! in it is valid). The alternative, checking pairs of regions for overlap, would miss
//! gaps, which need the whole space.

use crate::engine::checklist::{Checklist, Factor};
use crate::engine::limits::MAX_REGION_PROBLEMS;
use crate::engine::problem::{report, Problem, ProblemKind};
use crate::engine::text::{join, push_decimal};

/// Checks that the verdicts' regions tile the score space: every point is in exactly
/// one region (no gaps, no overlaps), and that each verdict can be reached.
///
/// Runs only on a checklist without other problems, so every condition's factor and
/// every cap is a valid index, and there are at most MAX_FACTORS factors and
/// MAX_VERDICTS verdicts (one condition per factor each): at most
/// (2 * 12 + 1)^4 = 390,625 cells, far from overflowing `product`.
pub fn regions(c: &Checklist, problems: &mut Vec<Problem>) {
    // The score space splits into cells at every bound any condition names; within a
    // cell every condition is constant, so one sample point per cell decides it.
    let samples: Vec<Vec<f64>> = (0..c.factors.len())
        .map(|f| {
            let bounds = c.bounds(f);
            let mut points: Vec<f64> = bounds.clone();
            points.push(bounds.first().map_or(0.0, |b| b - 1.0));
            points
        })
        .collect();
    let mut reached = vec![false; c.verdicts.len()];
    let cells: usize = samples.iter().map(Vec::len).product();
    let mut point = vec![0.0; c.factors.len()];
    let mut reported = 0;
    for mut cell in 0..cells {
        // `point` and `samples` have one entry per factor, and every `s` holds at
        // least the point pushed above, so `s.len()` is never 0.
        for (f, s) in samples.iter().enumerate() {
            point[f] = s[cell % s.len()];
            cell /= s.len();
        }
        let holding: Vec<usize> = (0..c.verdicts.len())
            .filter(|&v| c.verdicts[v].when.iter().all(|w| w.holds(point[w.factor])))
            .collect();
        let in_reach = point
            .iter()
            .zip(c.factors.iter().zip(&samples))
            .all(|(&p, (f, s))| cell_reachable(p, f, s));
        if in_reach {
            // `holding` holds indices from 0..verdicts.len(), as `reached` has.
            for &v in &holding {
                reached[v] = true;
            }
        }
        if holding.len() != 1 && reported < MAX_REGION_PROBLEMS {
            reported += 1;
            let at = describe_point(c, &point);
            if holding.is_empty() {
                report(
                    problems,
                    ProblemKind::Verdicts,
                    "$.verdicts",
                    format!("no verdict covers the scores {at}"),
                    "widen a neighbouring verdict's \"when\" range to cover these scores",
                );
            } else {
                // Not one and not none: `holding` has at least two verdicts.
                let names = join(holding.iter().map(|&v| &*c.verdicts[v].id), " and ");
                report(
                    problems,
                    ProblemKind::Verdicts,
                    format!("$.verdicts[{}].when", holding[1]),
                    format!("verdicts {names} overlap at the scores {at}"),
                    "make their \"when\" ranges disjoint",
                );
            }
        }
    }
    for (v, verdict) in c.verdicts.iter().enumerate() {
        let by_cap = c
            .questions
            .iter()
            .flat_map(|q| q.options.iter())
            .any(|o| o.cap == Some(v))
            || c.rules.iter().any(|r| r.verdict == v);
        if !reached[v] && !by_cap {
            report(
                problems,
                ProblemKind::Verdicts,
                format!("$.verdicts[{v}]"),
                format!(
                    "verdict \"{}\" can never be reached by any answers",
                    verdict.id
                ),
                "its \"when\" range lies outside the scores the options' weights can add up to",
            );
        }
    }
}

/// Whether the cell sampled at `p` meets the factor's reachable range.
fn cell_reachable(p: f64, f: &Factor, samples: &[f64]) -> bool {
    // The cell around p runs from p up to the next larger sample (or infinity); the
    // lowest sample stands for everything below the first bound.
    let next = samples
        .iter()
        .copied()
        .filter(|&s| s > p)
        .fold(f64::INFINITY, f64::min);
    let below_first = samples.iter().all(|&s| s >= p);
    let lo = if below_first { f64::NEG_INFINITY } else { p };
    f.max >= lo && f.min < next
}

fn describe_point(c: &Checklist, point: &[f64]) -> String {
    let mut out = String::new();
    for (i, (f, &p)) in c.factors.iter().zip(point).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&f.id);
        out.push('=');
        push_decimal(&mut out, p);
    }
    out
}
