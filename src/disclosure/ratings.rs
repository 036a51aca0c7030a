//! Ratings of an organization: how many of its placements were completed
//! and the mean of the students' ratings, as a counselor may see them.
//!
//! Completed placements are a part of the placements made in the same school
//! year, as on the organization's public commitments: shown only when the
//! completed and the not completed both reach the threshold
//! ([`super::with_parts`]), so this view and the public page show the same
//! number or none, and neither subtracted from the other gives a small
//! group. Rated placements are a lone count. A mean of fewer rated
//! placements than the threshold is hidden: with a handful of ratings, the
//! mean tells what one student said.
//!
//! Every school's students rate the same organization, and a counselor
//! reads each rating of their own school: so each number is cleared school
//! by school and the sum shows only when every school's part does
//! ([`super::across`]). Otherwise "11 rated, mean 4.6" minus the counselor's
//! ten 5s would be one student of another school who gave a 1.

use serde::Serialize;

use super::{Shown, across::with_parts_across};

/// One organization's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingFigures {
    pub completed: Shown<usize>,
    pub rated: Shown<usize>,
    /// Mean rating (1-5), one decimal.
    pub mean: Shown<f64>,
}

impl RatingFigures {
    /// Some number of the line is shown.
    pub fn any_shown(&self) -> bool {
        !(self.completed.is_hidden() && self.rated.is_hidden() && self.mean.is_hidden())
    }
}

/// One school's placements at an organization: `completed` of `made`,
/// `rated` of the closed ones, whose ratings add up to `sum`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchoolRatings {
    pub made: usize,
    pub completed: usize,
    pub rated: usize,
    pub sum: i64,
}

/// The organization's line from its schools' parts.
pub fn ratings(threshold: usize, schools: &[SchoolRatings]) -> RatingFigures {
    let made: Vec<(usize, [usize; 1])> = schools.iter().map(|s| (s.made, [s.completed])).collect();
    let (_, [completed]) = with_parts_across(&made, threshold);
    let rated: Vec<(usize, [usize; 0])> = schools.iter().map(|s| (s.rated, [])).collect();
    let (rated, []) = with_parts_across(&rated, threshold);
    let (count, sum) = schools
        .iter()
        .fold((0, 0), |(n, sum), s| (n + s.rated, sum + s.sum));
    let mean = (sum as f64 / count.max(1) as f64 * 10.0).round() / 10.0;
    RatingFigures {
        completed,
        mean: super::alongside(&rated, mean),
        rated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_of_fewer_ratings_than_the_threshold_is_hidden() {
        let one = |made, completed, rated, sum| {
            ratings(
                10,
                &[SchoolRatings {
                    made,
                    completed,
                    rated,
                    sum,
                }],
            )
        };
        let few = one(25, 12, 9, 40);
        assert_eq!(few.completed.get(), Some(&12));
        assert!(few.rated.is_hidden() && few.mean.is_hidden());
        let enough = one(4, 4, 10, 43);
        assert!(enough.completed.is_hidden());
        assert_eq!(enough.mean.get(), Some(&4.3));
        // A configured threshold under the floor is raised to it.
        let floor = SchoolRatings {
            made: 4,
            completed: 4,
            rated: 4,
            sum: 20,
        };
        assert!(ratings(2, &[floor]).mean.is_hidden());
    }

    #[test]
    fn completed_placements_show_only_when_the_not_completed_are_as_many_as_the_threshold() {
        let completed = |made, completed| {
            let school = SchoolRatings {
                made,
                completed,
                ..Default::default()
            };
            ratings(10, &[school]).completed
        };
        // 12 completed of 15: the 3 not completed would follow.
        assert!(completed(15, 12).is_hidden());
        // 12 of 12: "none unfinished" is a cell too.
        assert!(completed(12, 12).is_hidden());
        assert_eq!(completed(22, 12).get(), Some(&12));
    }

    #[test]
    fn one_student_of_another_school_hides_the_line_a_counselor_could_subtract() {
        // The reviewer's F5: ten 5s at Lincoln (and ten still active), one
        // 1 at Roosevelt. "11 rated, 4.6" minus ten 5s was that one 1.
        let lincoln = SchoolRatings {
            made: 20,
            completed: 10,
            rated: 10,
            sum: 50,
        };
        let roosevelt = SchoolRatings {
            made: 1,
            completed: 1,
            rated: 1,
            sum: 1,
        };
        let line = ratings(10, &[lincoln, roosevelt]);
        assert!(!line.any_shown(), "{line:?}");
        // Ten at Roosevelt too: every part clears, the sums show.
        let roosevelt = SchoolRatings {
            made: 20,
            completed: 10,
            rated: 10,
            sum: 30,
        };
        let line = ratings(10, &[lincoln, roosevelt, SchoolRatings::default()]);
        assert_eq!(line.completed.get(), Some(&20));
        assert_eq!(line.rated.get(), Some(&20));
        assert_eq!(line.mean.get(), Some(&4.0));
    }
}
