//! The numbers a page or an export may show, built from counts and the
//! pattern the rules chose: rates, gaps and means only of shown cells.

use serde::{Deserialize, Serialize};

use super::{SchoolCounts, Shown, suppress::SchoolPattern};
use crate::counseling::metrics::Dimension;

fn rate(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * count as f64 / of as f64
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Cohort → engaged → placed → completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelFigures {
    pub cohort: Shown<usize>,
    pub engaged: Shown<usize>,
    pub placed: Shown<usize>,
    pub completed: Shown<usize>,
    pub engagement_rate: Shown<f64>,
    pub placement_rate: Shown<f64>,
    pub completion_rate: Shown<f64>,
    /// Share of the placed students with a named mentor, in percent.
    pub mentored_share: Shown<f64>,
}

/// One group's size, rates, gaps (its rate minus everyone else's, in points)
/// and mean belonging change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub dimension: Dimension,
    pub group: String,
    pub students: Shown<usize>,
    pub engagement_rate: Shown<f64>,
    pub engagement_gap: Shown<f64>,
    pub placement_rate: Shown<f64>,
    pub placement_gap: Shown<f64>,
    pub completion_rate: Shown<f64>,
    pub completion_gap: Shown<f64>,
    pub belonging_change: Shown<f64>,
    /// Share of the group's placed students with a named mentor, in percent.
    pub mentored_share: Shown<f64>,
}

impl GroupFigures {
    /// How far this group is from everyone else, at most (for ordering).
    fn largest_gap(&self) -> f64 {
        [
            &self.engagement_gap,
            &self.placement_gap,
            &self.completion_gap,
        ]
        .into_iter()
        .filter_map(|g| g.get().copied())
        .map(f64::abs)
        .fold(0.0, f64::max)
    }
}

/// A month of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub month: String,
    pub engagement_rate: Shown<f64>,
    pub placement_rate: Shown<f64>,
}

/// Everything a dashboard or export of one scope may show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub threshold: usize,
    /// The scope has at least the threshold of students.
    pub scope_shown: bool,
    pub funnel: FunnelFigures,
    /// Shown groups first, largest gaps first; then the hidden ones.
    pub groups: Vec<GroupFigures>,
    pub trend: Vec<TrendPoint>,
    /// Schools under the threshold, left out of combined figures.
    pub left_out: Vec<String>,
}

impl Figures {
    pub(super) fn build(
        threshold: usize,
        counts: &SchoolCounts,
        pattern: &SchoolPattern,
        months: &[String],
        left_out: Vec<String>,
    ) -> Figures {
        let n = counts.students;
        let stage = |s: usize| Shown::when(pattern.stages[s], counts.stages[s]);
        let stage_rate =
            |s: usize| Shown::when(pattern.stages[s], round1(rate(counts.stages[s], n)));
        let funnel = FunnelFigures {
            cohort: Shown::when(pattern.cohort, n),
            engaged: stage(0),
            placed: stage(1),
            completed: stage(2),
            engagement_rate: stage_rate(0),
            placement_rate: stage_rate(1),
            completion_rate: stage_rate(2),
            mentored_share: Shown::when(
                pattern.mentored,
                round1(rate(counts.mentored, counts.stages[1])),
            ),
        };
        let mut groups = Vec::new();
        for ((dimension, counted), shown) in Dimension::ALL
            .iter()
            .copied()
            .zip(&counts.dimensions)
            .zip(&pattern.dimensions)
        {
            // A dimension with every group hidden lists none of them: their
            // names would tell how many groups share the cohort.
            if shown.iter().all(|p| !p.students) {
                continue;
            }
            for (g, p) in counted.iter().zip(shown) {
                // Saturating: in a view, a hidden cell counts zero; only a
                // gap whose every part shows reads these, and then they are whole.
                let rest = n.saturating_sub(g.students);
                let metric = |s: usize| -> (Shown<f64>, Shown<f64>) {
                    if !(p.students && p.stages[s]) {
                        return (Shown::HIDDEN, Shown::HIDDEN);
                    }
                    let mine = rate(g.stages[s], g.students);
                    let others = rate(counts.stages[s].saturating_sub(g.stages[s]), rest);
                    (
                        Shown::value(round1(mine)),
                        Shown::when(pattern.stages[s] && rest > 0, round1(mine - others)),
                    )
                };
                let (engagement_rate, engagement_gap) = metric(0);
                let (placement_rate, placement_gap) = metric(1);
                let (completion_rate, completion_gap) = metric(2);
                groups.push(GroupFigures {
                    dimension,
                    group: g.group.clone(),
                    students: Shown::when(p.students, g.students),
                    engagement_rate,
                    engagement_gap,
                    placement_rate,
                    placement_gap,
                    completion_rate,
                    completion_gap,
                    belonging_change: Shown::when(
                        p.belonging && g.belonging_answers > 0,
                        round1(g.belonging_sum as f64 / g.belonging_answers.max(1) as f64),
                    ),
                    mentored_share: Shown::when(
                        p.students && p.mentored,
                        round1(rate(g.mentored, g.stages[1])),
                    ),
                });
            }
        }
        groups.sort_by(|a, b| {
            a.students
                .is_hidden()
                .cmp(&b.students.is_hidden())
                .then(b.largest_gap().total_cmp(&a.largest_gap()))
        });
        let trend = months
            .iter()
            .enumerate()
            .map(|(m, month)| {
                let point = |k: usize| match (counts.months.get(m), pattern.months.get(m)) {
                    (Some(c), Some(p)) if p[k] => Shown::value(round1(rate(c[k], n))),
                    _ => Shown::HIDDEN,
                };
                TrendPoint {
                    month: month.clone(),
                    engagement_rate: point(0),
                    placement_rate: point(1),
                }
            })
            .collect();
        Figures {
            threshold,
            scope_shown: pattern.cohort,
            funnel,
            groups,
            trend,
            left_out,
        }
    }

    /// The dashboard of this scope shows this group's size: only such groups
    /// may filter a list of students.
    pub fn shows_group(&self, dimension: Dimension, group: &str) -> bool {
        self.shows_group_stage(dimension, group, None)
    }

    /// The dashboard shows this group's size and, when a funnel stage is
    /// given (0 engaged, 1 placed, 2 completed), its rate for that stage:
    /// only then may the list cross the group with a status.
    pub fn shows_group_stage(
        &self,
        dimension: Dimension,
        group: &str,
        stage: Option<usize>,
    ) -> bool {
        self.groups.iter().any(|g| {
            g.dimension == dimension
                && g.group == group
                && !g.students.is_hidden()
                && match stage {
                    None => true,
                    Some(0) => !g.engagement_rate.is_hidden(),
                    Some(1) => !g.placement_rate.is_hidden(),
                    Some(_) => !g.completion_rate.is_hidden(),
                }
        })
    }
}
