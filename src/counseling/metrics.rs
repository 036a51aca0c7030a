//! The equity metrics of DESIGN.md, as pure functions over per-student facts
//! so that the definitions can be checked on a hand-built fixture.
//!
//! - Cohort: active students on the roster of the chosen schools.
//! - Engagement, placement, completion: share of the cohort with at least one
//!   submitted application, accepted placement, completed placement in the period.
//! - Gap of a group: its rate minus the rate of everyone else, in points.
//! - Small cells: a group of fewer than `threshold` students (or whose
//!   complement is that small) is suppressed; when a dimension would have a
//!   single suppressed cell, the next smallest is suppressed too, so that no
//!   suppressed count can be worked out from the total.

use serde::Serialize;

/// The student groups the dashboard compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Gender,
    RaceEthnicity,
    LowIncome,
    EnglishLearner,
    Disability,
    FirstGeneration,
    Grade,
    School,
}

impl Dimension {
    pub const ALL: [Dimension; 8] = [
        Dimension::Gender,
        Dimension::RaceEthnicity,
        Dimension::LowIncome,
        Dimension::EnglishLearner,
        Dimension::Disability,
        Dimension::FirstGeneration,
        Dimension::Grade,
        Dimension::School,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Dimension::Gender => "gender",
            Dimension::RaceEthnicity => "race_ethnicity",
            Dimension::LowIncome => "low_income",
            Dimension::EnglishLearner => "english_learner",
            Dimension::Disability => "disability",
            Dimension::FirstGeneration => "first_generation",
            Dimension::Grade => "grade",
            Dimension::School => "school",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Dimension::Gender => "Gender",
            Dimension::RaceEthnicity => "Race and ethnicity",
            Dimension::LowIncome => "Low income",
            Dimension::EnglishLearner => "English learner",
            Dimension::Disability => "Disability (IEP/504)",
            Dimension::FirstGeneration => "First generation",
            Dimension::Grade => "Grade",
            Dimension::School => "School",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// What the metrics need to know about one student of the cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentFacts {
    /// The student's group in each dimension, in `Dimension::ALL` order.
    pub groups: [String; 8],
    pub engaged: bool,
    pub placed: bool,
    pub completed: bool,
    /// Belonging after minus before, when both were answered.
    pub belonging_change: Option<i32>,
}

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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    pub cohort: usize,
    pub engaged: usize,
    pub placed: usize,
    pub completed: usize,
    pub engagement_rate: f64,
    pub placement_rate: f64,
    pub completion_rate: f64,
}

pub fn funnel(students: &[StudentFacts]) -> Funnel {
    let count = |f: fn(&StudentFacts) -> bool| students.iter().filter(|s| f(s)).count();
    let (engaged, placed, completed) = (
        count(|s| s.engaged),
        count(|s| s.placed),
        count(|s| s.completed),
    );
    let n = students.len();
    Funnel {
        cohort: n,
        engaged,
        placed,
        completed,
        engagement_rate: round1(rate(engaged, n)),
        placement_rate: round1(rate(placed, n)),
        completion_rate: round1(rate(completed, n)),
    }
}

/// One group's rates and gaps; everything is `None` when suppressed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    pub dimension: Dimension,
    pub dimension_label: &'static str,
    pub group: String,
    pub suppressed: bool,
    pub students: Option<usize>,
    pub engagement_rate: Option<f64>,
    pub engagement_gap: Option<f64>,
    pub placement_rate: Option<f64>,
    pub placement_gap: Option<f64>,
    pub completion_rate: Option<f64>,
    pub completion_gap: Option<f64>,
    pub belonging_change: Option<f64>,
}

impl GroupRow {
    /// How far this group is from everyone else, at most (for ordering).
    fn largest_gap(&self) -> f64 {
        [self.engagement_gap, self.placement_gap, self.completion_gap]
            .into_iter()
            .flatten()
            .map(f64::abs)
            .fold(0.0, f64::max)
    }
}

/// The smallest group size ever shown, whatever is configured.
pub const SMALLEST_CELL: usize = 5;

/// The suppression threshold in force for a configured one.
pub fn effective_threshold(configured: usize) -> usize {
    configured.max(SMALLEST_CELL)
}

/// Rates and gaps of every group in every dimension, largest gaps first,
/// suppressed groups last. Groups under `threshold` students (never under
/// `SMALLEST_CELL`) are suppressed.
pub fn group_table(students: &[StudentFacts], threshold: usize) -> Vec<GroupRow> {
    let threshold = effective_threshold(threshold);
    let n = students.len();
    let mut rows = Vec::new();
    for (index, dimension) in Dimension::ALL.into_iter().enumerate() {
        let mut groups: Vec<&str> = students.iter().map(|s| s.groups[index].as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        let sizes: Vec<usize> = groups
            .iter()
            .map(|g| students.iter().filter(|s| s.groups[index] == *g).count())
            .collect();
        let mut suppressed: Vec<bool> = sizes
            .iter()
            .map(|&size| size < threshold || n - size < threshold)
            .collect();
        // A lone suppressed cell could be worked out from the total: hide the next smallest too.
        while suppressed.iter().filter(|s| **s).count() == 1 && suppressed.iter().any(|s| !*s) {
            let next = (0..sizes.len())
                .filter(|&i| !suppressed[i])
                .min_by_key(|&i| sizes[i]);
            match next {
                Some(i) => suppressed[i] = true,
                None => break,
            }
        }
        for (g, group) in groups.iter().enumerate() {
            let (inside, outside): (Vec<&StudentFacts>, Vec<&StudentFacts>) =
                students.iter().partition(|s| s.groups[index] == *group);
            let share = |set: &[&StudentFacts], f: fn(&StudentFacts) -> bool| {
                rate(set.iter().filter(|s| f(s)).count(), set.len())
            };
            let metric = |f: fn(&StudentFacts) -> bool| {
                let (mine, rest) = (share(&inside, f), share(&outside, f));
                (
                    round1(mine),
                    (!outside.is_empty()).then(|| round1(mine - rest)),
                )
            };
            let (engagement_rate, engagement_gap) = metric(|s| s.engaged);
            let (placement_rate, placement_gap) = metric(|s| s.placed);
            let (completion_rate, completion_gap) = metric(|s| s.completed);
            let changes: Vec<i32> = inside.iter().filter_map(|s| s.belonging_change).collect();
            let belonging_change = (!changes.is_empty())
                .then(|| round1(changes.iter().sum::<i32>() as f64 / changes.len() as f64));
            let hidden = suppressed[g];
            let show = |value: Option<f64>| if hidden { None } else { value };
            rows.push(GroupRow {
                dimension,
                dimension_label: dimension.label(),
                group: (*group).to_owned(),
                suppressed: hidden,
                students: (!hidden).then_some(sizes[g]),
                engagement_rate: show(Some(engagement_rate)),
                engagement_gap: show(engagement_gap),
                placement_rate: show(Some(placement_rate)),
                placement_gap: show(placement_gap),
                completion_rate: show(Some(completion_rate)),
                completion_gap: show(completion_gap),
                belonging_change: show(belonging_change),
            });
        }
    }
    rows.sort_by(|a, b| {
        a.suppressed
            .cmp(&b.suppressed)
            .then(b.largest_gap().total_cmp(&a.largest_gap()))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` students of one kind: gender, low income, engaged, placed, completed.
    fn some(
        n: usize,
        gender: &str,
        low_income: bool,
        engaged: bool,
        placed: bool,
        completed: bool,
    ) -> Vec<StudentFacts> {
        let groups = |_: usize| {
            [
                gender.to_owned(),
                "Not reported".to_owned(),
                if low_income { "Yes" } else { "No" }.to_owned(),
                "No".to_owned(),
                "No".to_owned(),
                "No".to_owned(),
                "11".to_owned(),
                "Lincoln High".to_owned(),
            ]
        };
        (0..n)
            .map(|i| StudentFacts {
                groups: groups(i),
                engaged,
                placed,
                completed,
                belonging_change: placed.then_some(1),
            })
            .collect()
    }

    /// 100 students: 40 low income of whom 10 engaged (5 placed, 2 completed),
    /// 60 not low income of whom 30 engaged (15 placed, 9 completed).
    fn fixture() -> Vec<StudentFacts> {
        [
            some(2, "Female", true, true, true, true),
            some(3, "Female", true, true, true, false),
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

    #[test]
    fn the_funnel_counts_each_stage_of_the_cohort() {
        let f = funnel(&fixture());
        assert_eq!(
            (f.cohort, f.engaged, f.placed, f.completed),
            (100, 40, 20, 11)
        );
        assert_eq!(
            (f.engagement_rate, f.placement_rate, f.completion_rate),
            (40.0, 20.0, 11.0)
        );
    }

    #[test]
    fn a_gap_is_the_group_rate_minus_everyone_elses_in_points() {
        let rows = group_table(&fixture(), 10);
        let low = rows
            .iter()
            .find(|r| r.dimension == Dimension::LowIncome && r.group == "Yes")
            .unwrap();
        assert_eq!(low.students, Some(40));
        assert_eq!(low.engagement_rate, Some(25.0)); // 10 of 40
        assert_eq!(low.engagement_gap, Some(-25.0)); // 25% vs 30 of 60 = 50%
        assert_eq!(low.placement_gap, Some(-12.5)); // 5/40 = 12.5% vs 15/60 = 25%
        assert_eq!(low.completion_gap, Some(-10.0)); // 2/40 = 5% vs 9/60 = 15%
        assert_eq!(low.belonging_change, Some(1.0));
    }

    #[test]
    fn a_small_group_is_suppressed_and_so_is_the_next_smallest() {
        let rows = group_table(&fixture(), 10);
        let gender = |g: &str| {
            rows.iter()
                .find(|r| r.dimension == Dimension::Gender && r.group == g)
                .unwrap()
        };
        // 5 students of another gender: suppressed; alone it could be derived
        // from 100 - 25 - 70, so the next smallest (Female, 25) is hidden too.
        assert!(
            gender("Another gender").suppressed
                && gender("Another gender").engagement_rate.is_none()
        );
        assert!(gender("Female").suppressed && gender("Female").students.is_none());
        assert!(!gender("Male").suppressed);
        assert_eq!(gender("Male").students, Some(70));
        assert!(rows.last().unwrap().suppressed, "suppressed rows come last");
    }

    #[test]
    fn a_group_that_is_nearly_everyone_is_suppressed_because_the_rest_is_small() {
        let students = [
            some(95, "Female", false, true, false, false),
            some(5, "Male", false, false, false, false),
        ]
        .concat();
        let rows = group_table(&students, 10);
        assert!(
            rows.iter()
                .filter(|r| r.dimension == Dimension::Gender)
                .all(|r| r.suppressed)
        );
        let school = rows
            .iter()
            .find(|r| r.dimension == Dimension::School)
            .unwrap();
        assert_eq!(
            (school.suppressed, school.engagement_gap),
            (true, None),
            "the whole cohort has no complement"
        );
    }

    #[test]
    fn the_threshold_never_goes_below_five() {
        assert_eq!(group_table(&fixture(), 1), group_table(&fixture(), 5));
    }

    #[test]
    fn the_threshold_can_be_lowered_to_five() {
        let rows = group_table(&fixture(), 5);
        let other = rows.iter().find(|r| r.group == "Another gender").unwrap();
        assert!(!other.suppressed);
        assert_eq!(other.engagement_gap, Some(-42.1)); // 0% vs 40 of 95
    }
}
