//! Ratings of an organization: how many of its placements were completed
//! and the mean of the students' ratings, as a counselor may see them.
//!
//! Each organization's line stands alone (no total is shown beside it), so
//! each number is a lone count: shown from the threshold up. A mean of
//! fewer rated placements than the threshold is hidden: with a handful of
//! ratings, the mean tells what one student said.

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

/// `completed` placements, `rated` of the closed ones, whose ratings add up
/// to `sum`.
pub fn ratings(threshold: usize, completed: usize, rated: usize, sum: i64) -> RatingFigures {
    let threshold = effective_threshold(threshold);
    let mean = (sum as f64 / rated.max(1) as f64 * 10.0).round() / 10.0;
    RatingFigures {
        completed: lone_count(completed, threshold),
        rated: lone_count(rated, threshold),
        mean: Shown::when(rated >= threshold, mean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_of_fewer_ratings_than_the_threshold_is_hidden() {
        let few = ratings(10, 12, 9, 40);
        assert_eq!(few.completed.get(), Some(&12));
        assert!(few.rated.is_hidden() && few.mean.is_hidden());
        let enough = ratings(10, 4, 10, 43);
        assert!(enough.completed.is_hidden());
        assert_eq!(enough.mean.get(), Some(&4.3));
        // A configured threshold under the floor is raised to it.
        assert!(ratings(2, 4, 4, 20).mean.is_hidden());
    }
}
