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

use serde::Serialize;

use super::{Shown, effective_threshold, lone_count};

/// One organization's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingFigures {
    pub completed: Shown<usize>,
    pub rated: Shown<usize>,
    /// Mean rating (1-5), one decimal.
    pub mean: Shown<f64>,
}

/// `completed` of `made` placements, `rated` of the closed ones, whose
/// ratings add up to `sum`.
pub fn ratings(
    threshold: usize,
    made: usize,
    completed: usize,
    rated: usize,
    sum: i64,
) -> RatingFigures {
    let threshold = effective_threshold(threshold);
    let mean = (sum as f64 / rated.max(1) as f64 * 10.0).round() / 10.0;
    let (_, [completed]) = super::with_parts(made, [completed], threshold);
    RatingFigures {
        completed,
        rated: lone_count(rated, threshold),
        mean: Shown::when(rated >= threshold, mean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_of_fewer_ratings_than_the_threshold_is_hidden() {
        let few = ratings(10, 25, 12, 9, 40);
        assert_eq!(few.completed.get(), Some(&12));
        assert!(few.rated.is_hidden() && few.mean.is_hidden());
        let enough = ratings(10, 4, 4, 10, 43);
        assert!(enough.completed.is_hidden());
        assert_eq!(enough.mean.get(), Some(&4.3));
        // A configured threshold under the floor is raised to it.
        assert!(ratings(2, 4, 4, 4, 20).mean.is_hidden());
    }

    #[test]
    fn completed_placements_show_only_when_the_not_completed_are_as_many_as_the_threshold() {
        // 12 completed of 15: the 3 not completed would follow.
        assert!(ratings(10, 15, 12, 0, 0).completed.is_hidden());
        // 12 of 12: "none unfinished" is a cell too.
        assert!(ratings(10, 12, 12, 0, 0).completed.is_hidden());
        assert_eq!(ratings(10, 22, 12, 0, 0).completed.get(), Some(&12));
    }
}
