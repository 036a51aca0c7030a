//! The suppression routine: which cells of one school's tables may be shown.
//!
//! A school's figures are one-way tables, one per dimension, whose margins
//! (the cohort and the funnel) are shown on the same page:
//!
//! - group sizes, whose total is the cohort;
//! - for each stage (engaged, placed, completed), each group's count of
//!   students in the stage and, implicitly through its rate, the count not in
//!   it; the stage's total is the funnel.
//!
//! Dimensions only share these margins (no cross-table is published), so
//! each (dimension, table) is protected on its own against its margin.

use super::{GroupCounts, STAGES, SchoolCounts};

/// What may be shown of one group of one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupPattern {
    pub students: bool,
    pub stages: [bool; STAGES],
    pub belonging: bool,
    /// The share of its placed students with a named mentor.
    pub mentored: bool,
}

/// What may be shown of one school's figures (same shape as its counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolPattern {
    pub cohort: bool,
    pub stages: [bool; STAGES],
    /// The scope's share of placed students with a named mentor.
    pub mentored: bool,
    pub dimensions: Vec<Vec<GroupPattern>>,
    pub months: Vec<[bool; 2]>,
}

/// A count and its complement (`of - count`) both reach the threshold:
/// showing the count then tells nothing certain about any one student.
pub fn clear(count: usize, of: usize, threshold: usize) -> bool {
    count >= threshold && of.saturating_sub(count) >= threshold
}

/// Every rule applied to one school's counts.
pub fn school(threshold: usize, counts: &SchoolCounts) -> SchoolPattern {
    let n = counts.students;
    let cohort = n >= threshold;
    let stages: [bool; STAGES] =
        std::array::from_fn(|s| cohort && clear(counts.stages[s], n, threshold));
    let mentored = stages[1] && clear(counts.mentored, counts.stages[1], threshold);
    SchoolPattern {
        cohort,
        stages,
        mentored,
        dimensions: counts
            .dimensions
            .iter()
            .map(|groups| {
                let mut patterns = dimension(threshold, cohort, &stages, groups);
                let shown = mentors(threshold, mentored, groups, &patterns);
                for (p, m) in patterns.iter_mut().zip(shown) {
                    p.mentored = m;
                }
                patterns
            })
            .collect(),
        months: months(threshold, counts, &stages),
    }
}

/// The mentor table of one dimension: each group's placed students with and
/// without a named mentor, whose margin is the scope's share (shown when
/// `margin`). A group's share shows only with its placed count, when both
/// parts reach the threshold; the hidden ones are then at least two and
/// together hold the threshold of each part, so the scope's numbers minus
/// the shown groups pin none of them.
pub fn mentors(
    threshold: usize,
    margin: bool,
    groups: &[GroupCounts],
    patterns: &[GroupPattern],
) -> Vec<bool> {
    let keys: Vec<(usize, usize)> = groups.iter().map(|g| (g.order, g.students)).collect();
    let mut shown: Vec<bool> = groups
        .iter()
        .zip(patterns)
        .map(|(g, p)| {
            margin && p.students && p.stages[1] && clear(g.mentored, g.stages[1], threshold)
        })
        .collect();
    complete(&mut shown, &keys, |hidden| {
        let inside: usize = hidden.iter().map(|&g| groups[g].mentored).sum();
        let outside: usize = hidden
            .iter()
            .map(|&g| groups[g].stages[1].saturating_sub(groups[g].mentored))
            .sum();
        hidden.len() >= 2 && inside >= threshold && outside >= threshold
    });
    shown
}

/// The trend: for engaged (0) and placed (1), the months are a table whose
/// margin is the stage's total on the same page (a student counted in one
/// month only makes it exact), so "total minus the shown months" must not
/// give a hidden month. Months to come cannot hold anyone and protect
/// nothing: they stay hidden, and the hidden months that have begun are at
/// least two and together hold the threshold (and the threshold not in the
/// stage). A stage with its total hidden shows no month: shown months would
/// bound the hidden total.
pub fn months(threshold: usize, counts: &SchoolCounts, stages: &[bool; STAGES]) -> Vec<[bool; 2]> {
    let n = counts.students;
    let begun = counts.months.len().saturating_sub(counts.future_months);
    let mut pattern = vec![[false; 2]; counts.months.len()];
    for k in 0..2 {
        let values: Vec<usize> = counts.months[..begun].iter().map(|m| m[k]).collect();
        let mut shown: Vec<bool> = values
            .iter()
            .map(|&v| stages[k] && clear(v, n, threshold))
            .collect();
        // The smallest month first (then the earliest): what is hidden
        // already is the least informative to give away.
        let keys: Vec<(usize, usize)> = values.iter().map(|&v| (v, 0)).collect();
        complete(&mut shown, &keys, |hidden| {
            let inside: usize = hidden.iter().map(|&m| values[m]).sum();
            let outside: usize = hidden.iter().map(|&m| n - values[m].min(n)).sum();
            hidden.len() >= 2 && inside >= threshold && outside >= threshold
        });
        for (m, s) in shown.into_iter().enumerate() {
            pattern[m][k] = s;
        }
    }
    pattern
}

/// One dimension: group sizes against the cohort, then the groups' stages
/// (together) against the funnel totals, each with complementary suppression.
pub fn dimension(
    threshold: usize,
    cohort: bool,
    margins: &[bool; STAGES],
    groups: &[GroupCounts],
) -> Vec<GroupPattern> {
    let sizes: Vec<usize> = groups.iter().map(|g| g.students).collect();
    let keys: Vec<(usize, usize)> = groups.iter().map(|g| (g.order, g.students)).collect();
    let mut students: Vec<bool> = sizes.iter().map(|&n| cohort && n >= threshold).collect();
    if cohort {
        // Every listed group has a student: hidden groups that are all of one
        // student each would be given away by their sum, so it must exceed
        // their number too.
        complete(&mut students, &keys, |hidden| {
            let sum = hidden.iter().map(|&g| sizes[g]).sum::<usize>();
            hidden.len() >= 2 && sum >= threshold && sum > hidden.len()
        });
    }
    // A group's stages are shown or hidden together: with one stage shown
    // and the next hidden, "placed is at most engaged" could narrow the
    // hidden one. Hidden together, any two students of two hidden groups
    // with a different stage can trade places without changing a shown
    // number, so no hidden count is pinned (see the README).
    let mut block: Vec<bool> = groups
        .iter()
        .zip(&students)
        .map(|(g, &size_shown)| {
            size_shown
                && (0..STAGES)
                    .filter(|&s| margins[s])
                    .all(|s| clear(g.stages[s], g.students, threshold))
        })
        .collect();
    complete(&mut block, &keys, |hidden| {
        hidden.len() >= 2
            && (0..STAGES).filter(|&s| margins[s]).all(|s| {
                let inside: usize = hidden.iter().map(|&g| groups[g].stages[s]).sum();
                let outside: usize = hidden.iter().map(|&g| sizes[g]).sum::<usize>() - inside;
                inside >= threshold && outside >= threshold
            })
    });
    // With its total hidden, a stage shows nothing by group: every group
    // count is then under the threshold or within it of the group size.
    let stages: Vec<[bool; STAGES]> = block
        .iter()
        .map(|&shown| std::array::from_fn(|s| shown && margins[s]))
        .collect();
    // Belonging means: a dimension's groups hold every respondent, and a
    // dimension with every mean shown gives the scope's sum of answers, so
    // "that sum minus the shown groups" is the hidden groups' mean. They
    // must hold no answer, or the threshold of answers together: a mean of
    // at least that many is one the rules would show anyway.
    let answers: Vec<usize> = groups.iter().map(|g| g.belonging_answers).collect();
    let mut belonging: Vec<bool> = students
        .iter()
        .zip(&answers)
        .map(|(&shown, &n)| shown && n >= threshold)
        .collect();
    complete(&mut belonging, &keys, |hidden| {
        let sum: usize = hidden.iter().map(|&g| answers[g]).sum();
        sum == 0 || sum >= threshold
    });
    groups
        .iter()
        .enumerate()
        .map(|(g, _)| GroupPattern {
            students: students[g],
            stages: stages[g],
            belonging: belonging[g],
            mentored: false,
        })
        .collect()
}

/// Complementary suppression: while some cells are hidden and `safe` says
/// they could still be worked out from the margin, hide the group still
/// shown that comes first by `keys` (its place in the fixed order, then
/// its size here; the months' own sizes) too. Ends safe,
/// or with every cell hidden (whose sum is the shown margin, which cleared
/// the same rule).
fn complete(shown: &mut [bool], keys: &[(usize, usize)], safe: impl Fn(&[usize]) -> bool) {
    loop {
        let hidden: Vec<usize> = (0..shown.len()).filter(|&g| !shown[g]).collect();
        if hidden.is_empty() || safe(&hidden) {
            return;
        }
        let next = (0..shown.len())
            .filter(|&g| shown[g])
            .min_by_key(|&g| (keys[g], g));
        match next {
            Some(g) => shown[g] = false,
            None => return,
        }
    }
}
