//! The equity metrics of DESIGN.md, counted per school from per-student
//! facts so that the definitions can be checked on a hand-built fixture.
//!
//! - Cohort: active students on the roster of the chosen schools.
//! - Engagement, placement, completion: students of the cohort with at least
//!   one submitted application, accepted placement, completed placement in
//!   the period.
//!
//! These raw counts are never shown as such: `crate::disclosure` turns them
//! into the rates, gaps and counts a page may show.

use std::collections::BTreeMap;

use crate::disclosure::{GroupCounts, STAGES, SchoolCounts};

entity::vocabulary! {
    /// The student groups the dashboard compares.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Dimension {
        Gender = "gender",
        RaceEthnicity = "race_ethnicity",
        LowIncome = "low_income",
        EnglishLearner = "english_learner",
        Disability = "disability",
        FirstGeneration = "first_generation",
        Grade = "grade",
        School = "school",
    }
}

/// What the metrics need to know about some students of the cohort who
/// share a school, their groups and their stages (one row of the database's
/// `GROUP BY`, see `super::cohort`).
#[derive(Debug, Clone, PartialEq)]
pub struct StudentFacts {
    pub school_id: i32,
    /// The students' group in each dimension, in `Dimension::ALL` order.
    pub groups: [String; 8],
    /// How many students these facts describe.
    pub students: usize,
    pub engaged: bool,
    pub placed: bool,
    pub completed: bool,
    /// Sum of their belonging changes (after minus before, each student's
    /// mean over their placements), and how many of them answered both.
    pub belonging_sum: i64,
    pub belonging_answers: usize,
    /// How many of them were placed with a named mentor (on a placement
    /// that counts as placed).
    pub mentored: usize,
}

/// One group of one dimension in one school, with its students' counts:
/// what the database gives per dimension (`GROUP BY school, group`, see
/// `super::cohort`), a few hundred rows for a whole district.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupFacts {
    pub school_id: i32,
    /// The dimension's index in `Dimension::ALL`.
    pub dimension: usize,
    pub group: String,
    pub students: usize,
    /// Engaged, placed and completed students of the group.
    pub stages: [usize; STAGES],
    pub mentored: usize,
    pub belonging_sum: i64,
    pub belonging_answers: usize,
}

/// Per-student facts added up per school, dimension and group: what the
/// database's per-dimension `GROUP BY` computes, done in Rust for fixtures.
pub fn group_facts(facts: &[StudentFacts]) -> Vec<GroupFacts> {
    let mut groups: BTreeMap<(i32, usize, &str), GroupFacts> = BTreeMap::new();
    for f in facts {
        for (index, group) in f.groups.iter().enumerate() {
            let g = groups
                .entry((f.school_id, index, group.as_str()))
                .or_insert_with(|| GroupFacts {
                    school_id: f.school_id,
                    dimension: index,
                    group: group.clone(),
                    ..GroupFacts::default()
                });
            g.students += f.students;
            for (s, yes) in [f.engaged, f.placed, f.completed].into_iter().enumerate() {
                g.stages[s] += usize::from(yes) * f.students;
            }
            g.mentored += f.mentored;
            g.belonging_sum += f.belonging_sum;
            g.belonging_answers += f.belonging_answers;
        }
    }
    groups.into_values().collect()
}

/// Per dimension (`Dimension::ALL` order, school aside), the groups that
/// complementary suppression hides first: those small in most districts
/// first. A group not listed comes after them (then the smaller here).
///
/// The order is fixed, the same whoever asks (so schools hide the same
/// groups where they can), and never taken from counts: an order by the
/// sizes of groups across schools let one school's roster change decide
/// which of another school's cells were hidden, so two reports of a school
/// whose data had not changed gave a hidden cell back, and a counselor
/// could read another school's hidden sizes off their own dashboard
/// (eyes12c F1, F2).
const HIDE_FIRST: [&[&str]; 7] = [
    &["Another gender", "Not reported", "Female", "Male"],
    &[
        "Native Hawaiian or Pacific Islander",
        "American Indian or Alaska Native",
        "Not reported",
        "Two or more races",
        "Asian",
        "Black or African American",
        "White",
        "Hispanic or Latino",
    ],
    &["Not reported", "Yes", "No"],
    &["Not reported", "Yes", "No"],
    &["Not reported", "Yes", "No"],
    &["Not reported", "Yes", "No"],
    &[
        "Early college",
        "Grade 6",
        "Grade 7",
        "Grade 8",
        "Grade 9",
        "Grade 10",
        "Grade 11",
        "Grade 12",
    ],
];

/// `group`'s place in [`HIDE_FIRST`] for dimension `d`.
pub fn hide_first_place(d: usize, group: &str) -> usize {
    let listed = HIDE_FIRST.get(d).copied().unwrap_or_default();
    listed
        .iter()
        .position(|g| *g == group)
        .unwrap_or(listed.len())
        + 1
}

/// Each school's counts, for the disclosure layer, from per-student facts
/// (the fixtures' way in; the dashboard goes through `tally_groups`).
pub fn tally(
    facts: &[StudentFacts],
    schools: &[(i32, String)],
    months: &BTreeMap<i32, Vec<[usize; 2]>>,
    month_count: usize,
) -> Vec<SchoolCounts> {
    tally_groups(&group_facts(facts), schools, months, month_count)
}

/// Each school's counts, for the disclosure layer: the cohort, the funnel
/// and every group of every dimension. The school's totals are its one
/// group of the school dimension. `months` gives each school's engaged and
/// placed students per month of the period. Each group's `order` is its
/// place in [`HIDE_FIRST`].
pub fn tally_groups(
    groups: &[GroupFacts],
    schools: &[(i32, String)],
    months: &BTreeMap<i32, Vec<[usize; 2]>>,
    month_count: usize,
) -> Vec<SchoolCounts> {
    let school_index = Dimension::ALL
        .iter()
        .position(|d| *d == Dimension::School)
        .unwrap_or(Dimension::ALL.len());
    schools
        .iter()
        .map(|(id, name)| {
            let mine: Vec<&GroupFacts> = groups.iter().filter(|g| g.school_id == *id).collect();
            let mut counts = SchoolCounts {
                school: name.clone(),
                months: months
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| vec![[0; 2]; month_count]),
                ..SchoolCounts::default()
            };
            for g in mine.iter().filter(|g| g.dimension == school_index) {
                counts.students += g.students;
                for s in 0..STAGES {
                    counts.stages[s] += g.stages[s];
                }
                counts.mentored += g.mentored;
            }
            for index in 0..Dimension::ALL.len() {
                let mut shown: BTreeMap<&str, GroupCounts> = BTreeMap::new();
                for g in mine.iter().filter(|g| g.dimension == index) {
                    let c = shown
                        .entry(g.group.as_str())
                        .or_insert_with(|| GroupCounts {
                            group: g.group.clone(),
                            order: hide_first_place(index, &g.group),
                            ..GroupCounts::default()
                        });
                    c.students += g.students;
                    for s in 0..STAGES {
                        c.stages[s] += g.stages[s];
                    }
                    c.mentored += g.mentored;
                    c.belonging_sum += g.belonging_sum;
                    c.belonging_answers += g.belonging_answers;
                }
                counts.dimensions.push(shown.into_values().collect());
            }
            counts
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclosure::publish;

    /// `n` students of one kind: gender, low income, engaged, placed, completed.
    fn some(
        n: usize,
        gender: &str,
        low_income: bool,
        engaged: bool,
        placed: bool,
        completed: bool,
    ) -> Vec<StudentFacts> {
        vec![StudentFacts {
            school_id: 1,
            groups: [
                gender.to_owned(),
                "Not reported".to_owned(),
                if low_income { "Yes" } else { "No" }.to_owned(),
                "No".to_owned(),
                "No".to_owned(),
                "No".to_owned(),
                "11".to_owned(),
                "Lincoln High".to_owned(),
            ],
            students: n,
            engaged,
            placed,
            completed,
            belonging_sum: if placed { n as i64 } else { 0 },
            belonging_answers: if placed { n } else { 0 },
            mentored: 0,
        }]
    }

    /// 100 students: 40 low income of whom 10 engaged (5 placed, 5 completed),
    /// 60 not low income of whom 30 engaged (15 placed, 9 completed).
    fn fixture() -> Vec<StudentFacts> {
        [
            some(5, "Female", true, true, true, true),
            some(5, "Female", true, true, false, false),
            some(30, "Male", true, false, false, false),
            some(9, "Female", false, true, true, true),
            some(6, "Female", false, true, true, false),
            some(15, "Male", false, true, false, false),
            some(25, "Male", false, false, false, false),
            some(5, "Another gender", false, false, false, false),
        ]
        .concat()
    }

    fn counts() -> Vec<SchoolCounts> {
        tally(
            &fixture(),
            &[(1, "Lincoln High".into())],
            &BTreeMap::new(),
            0,
        )
    }

    #[test]
    fn the_funnel_counts_each_stage_of_the_cohort() {
        let f = publish(10, &counts(), &[]).funnel;
        let n = |s: crate::disclosure::Shown<usize>| s.get().copied();
        assert_eq!(
            (n(f.cohort), n(f.engaged), n(f.placed), n(f.completed)),
            (Some(100), Some(40), Some(20), Some(14))
        );
        assert_eq!(f.engagement_rate.get(), Some(&40.0));
    }

    #[test]
    fn a_gap_is_the_group_rate_minus_everyone_elses_in_points() {
        let figures = publish(5, &counts(), &[]);
        let low = figures
            .groups
            .iter()
            .find(|r| r.dimension == Dimension::LowIncome && r.group == "Yes")
            .unwrap();
        assert_eq!(low.students.get(), Some(&40));
        assert_eq!(low.engagement_rate.get(), Some(&25.0)); // 10 of 40
        assert_eq!(low.engagement_gap.get(), Some(&-25.0)); // 25% vs 30 of 60 = 50%
        assert_eq!(low.placement_gap.get(), Some(&-12.5)); // 5/40 = 12.5% vs 15/60 = 25%
        assert_eq!(low.completion_gap.get(), Some(&-2.5)); // 5/40 = 12.5% vs 9/60 = 15%
        assert_eq!(low.belonging_change.get(), Some(&1.0));
    }

    #[test]
    fn a_small_stage_count_hides_the_groups_rates_together_with_a_partners() {
        // Threshold 10: low income's 5 completions are too few, so all of its
        // rates go, and the other group's too (else they follow from the funnel).
        let figures = publish(10, &counts(), &[]);
        let low_income: Vec<_> = figures
            .groups
            .iter()
            .filter(|r| r.dimension == Dimension::LowIncome)
            .collect();
        assert!(low_income.iter().all(|r| !r.students.is_hidden()));
        assert!(
            low_income
                .iter()
                .all(|r| r.engagement_rate.is_hidden() && r.completion_gap.is_hidden())
        );
    }

    #[test]
    fn a_small_group_is_hidden_and_so_is_the_next_smallest() {
        let figures = publish(10, &counts(), &[]);
        let gender = |g: &str| {
            figures
                .groups
                .iter()
                .find(|r| r.dimension == Dimension::Gender && r.group == g)
                .unwrap()
        };
        // 5 students of another gender: hidden; alone it could be derived
        // from 100 - 25 - 70, so the next smallest (Female, 25) is hidden too.
        assert!(gender("Another gender").students.is_hidden());
        assert!(gender("Another gender").engagement_rate.is_hidden());
        assert!(gender("Female").students.is_hidden());
        assert_eq!(gender("Male").students.get(), Some(&70));
        assert!(
            figures.groups.last().unwrap().students.is_hidden(),
            "hidden rows come last"
        );
    }
}
