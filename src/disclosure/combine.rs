//! Figures of a scope: one school's, or several schools' added up from what
//! each school's own view shows.
//!
//! A combined number is the sum of the same number in each school; it is
//! shown only when every school where the group exists shows its part. So a
//! combined view holds nothing that the school views do not already show,
//! and the difference of any two views (all schools minus one, one
//! counselor's schools minus another's) is a sum of shown numbers: it never
//! isolates a hidden cell. Schools under the threshold are left out of
//! combined figures (and named as left out), since all of their cells are
//! hidden. A dimension that one school hides whole is hidden whole in the
//! combined view: that school does not even list its groups.

use std::collections::BTreeMap;

use super::{
    Figures, GroupCounts, STAGES, SchoolCounts, effective_threshold,
    suppress::{self, GroupPattern, SchoolPattern},
};

/// One school's view as a view of several schools adds it up: its counts
/// with every cell its own view hides taken out (zero), beside the pattern
/// that hid them. Only this module makes one, so what a remembered view
/// holds is what the school's own view shows, and figures of any scope are
/// built from views alone ([`publish_views`]) exactly as from the counts.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolView {
    counts: SchoolCounts,
    pattern: SchoolPattern,
}

impl SchoolView {
    /// The rules applied to one school's counts, its hidden cells dropped.
    pub fn of(threshold: usize, counts: &SchoolCounts) -> SchoolView {
        let pattern = suppress::school(effective_threshold(threshold), counts);
        let keep = |shown: bool, value: usize| if shown { value } else { 0 };
        let mut cleared = counts.clone();
        cleared.students = keep(pattern.cohort, counts.students);
        for s in 0..STAGES {
            cleared.stages[s] = keep(pattern.stages[s], counts.stages[s]);
        }
        cleared.mentored = keep(pattern.mentored, counts.mentored);
        for (groups, shown) in cleared.dimensions.iter_mut().zip(&pattern.dimensions) {
            for (g, p) in groups.iter_mut().zip(shown) {
                g.students = keep(p.students, g.students);
                for s in 0..STAGES {
                    g.stages[s] = keep(p.stages[s], g.stages[s]);
                }
                if !p.belonging {
                    (g.belonging_sum, g.belonging_answers) = (0, 0);
                }
                g.mentored = keep(p.mentored, g.mentored);
                // Only the rules above read it (the order of complementary cells).
                g.order = 0;
            }
        }
        for (month, shown) in cleared.months.iter_mut().zip(&pattern.months) {
            for k in 0..2 {
                month[k] = keep(shown[k], month[k]);
            }
        }
        SchoolView {
            counts: cleared,
            pattern,
        }
    }
}

/// What may be shown of a scope made of these schools' counts.
pub fn publish(threshold: usize, schools: &[SchoolCounts], months: &[String]) -> Figures {
    let views: Vec<SchoolView> = schools
        .iter()
        .map(|s| SchoolView::of(threshold, s))
        .collect();
    publish_views(threshold, &views.iter().collect::<Vec<_>>(), months)
}

/// What may be shown of a scope made of these schools' views (in the
/// scope's order). Every number a page shows is one a school's view shows,
/// or a sum of such numbers in which every part shows, so the hidden cells
/// a view leaves out are never read: the figures are those of the counts.
/// `months` names the trend's months (none: no trend, whatever the views
/// counted).
pub fn publish_views(threshold: usize, views: &[&SchoolView], months: &[String]) -> Figures {
    let threshold = effective_threshold(threshold);
    if let [view] = views {
        return Figures::build(threshold, &view.counts, &view.pattern, months, Vec::new());
    }
    let (included, left_out): (Vec<&SchoolView>, Vec<&SchoolView>) =
        views.iter().copied().partition(|v| v.pattern.cohort);
    let parts: Vec<(&SchoolCounts, &SchoolPattern)> =
        included.iter().map(|v| (&v.counts, &v.pattern)).collect();
    let (counts, pattern) = combine(&parts);
    Figures::build(
        threshold,
        &counts,
        &pattern,
        months,
        left_out
            .into_iter()
            .map(|v| v.counts.school.clone())
            .collect(),
    )
}

/// Adds the schools up; a combined cell is shown only when all its parts are.
pub(super) fn combine(parts: &[(&SchoolCounts, &SchoolPattern)]) -> (SchoolCounts, SchoolPattern) {
    let mut counts = SchoolCounts::default();
    let mut pattern = SchoolPattern {
        cohort: !parts.is_empty(),
        stages: [!parts.is_empty(); STAGES],
        mentored: !parts.is_empty(),
        dimensions: Vec::new(),
        months: Vec::new(),
    };
    let dimensions = parts.iter().map(|(c, _)| c.dimensions.len()).max();
    let months = parts.iter().map(|(c, _)| c.months.len()).max();
    let mut merged: Vec<BTreeMap<String, (GroupCounts, GroupPattern)>> =
        vec![BTreeMap::new(); dimensions.unwrap_or(0)];
    // A school whose view hides every group of a dimension lists none of
    // them, so which groups it has is hidden too. The combined view must
    // not tell it either (a combined group hidden because this school has
    // one of its students): such a dimension is hidden whole.
    let mut fully_hidden = vec![false; dimensions.unwrap_or(0)];
    counts.months = vec![[0; 2]; months.unwrap_or(0)];
    pattern.months = vec![[true; 2]; months.unwrap_or(0)];
    for (school, shown) in parts {
        counts.students += school.students;
        counts.future_months = counts.future_months.max(school.future_months);
        for s in 0..STAGES {
            counts.stages[s] += school.stages[s];
            pattern.stages[s] &= shown.stages[s];
        }
        counts.mentored += school.mentored;
        pattern.mentored &= shown.mentored;
        for (d, groups) in school.dimensions.iter().enumerate() {
            fully_hidden[d] |= shown.dimensions[d].iter().all(|p| !p.students);
            for (g, group) in groups.iter().enumerate() {
                let (sum, both) = merged[d].entry(group.group.clone()).or_insert_with(|| {
                    (
                        GroupCounts {
                            group: group.group.clone(),
                            order: group.order,
                            ..GroupCounts::default()
                        },
                        GroupPattern {
                            students: true,
                            stages: [true; STAGES],
                            belonging: true,
                            mentored: true,
                        },
                    )
                });
                let part = &shown.dimensions[d][g];
                sum.students += group.students;
                both.students &= part.students;
                for s in 0..STAGES {
                    sum.stages[s] += group.stages[s];
                    both.stages[s] &= part.stages[s];
                }
                sum.belonging_sum += group.belonging_sum;
                sum.belonging_answers += group.belonging_answers;
                both.belonging &= part.belonging;
                sum.mentored += group.mentored;
                both.mentored &= part.mentored;
            }
        }
        for (m, month) in school.months.iter().enumerate() {
            for (k, value) in month.iter().enumerate() {
                counts.months[m][k] += value;
                pattern.months[m][k] &= shown.months[m][k];
            }
        }
    }
    for (groups, hidden) in merged.into_iter().zip(fully_hidden) {
        let (c, mut p): (Vec<_>, Vec<_>) = groups.into_values().unzip();
        if hidden {
            p.fill(GroupPattern {
                students: false,
                stages: [false; STAGES],
                belonging: false,
                mentored: false,
            });
        }
        counts.dimensions.push(c);
        pattern.dimensions.push(p);
    }
    (counts, pattern)
}
