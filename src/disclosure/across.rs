//! Figures that span schools whose own numbers the reader does not see: the
//! public `/impact` page, an organization's public commitments and the
//! counselors' employer view count placements of every school.
//!
//! A counselor knows each placement of their own school exactly (they may
//! open every one), so such a figure minus their own part is the other
//! schools' part. The rule is therefore the one the dashboard's combined
//! view follows: each school's part is cleared as if it stood alone, and
//! the sum is shown only when every school's part is. Whatever is
//! subtracted from a shown sum, what is left is a sum of parts that each
//! cleared the threshold (and their complements), never a small group of
//! another school. A school with none of a row's placements is no part of
//! it: its zero is not a group of students (README, "What it does not
//! cover": a reader may learn that another school had none).

use super::{Shown, effective_threshold, share, with_parts};

/// A count and parts of it on one row (placements made, and of them the
/// paid and the completed), given per school as `(whole, parts)`: each
/// school cleared by [`with_parts`], the sums shown only where every
/// school with a placement on the row shows its own.
pub fn with_parts_across<const N: usize>(
    schools: &[(usize, [usize; N])],
    threshold: usize,
) -> (Shown<usize>, [Shown<usize>; N]) {
    let threshold = effective_threshold(threshold);
    let mut whole_cleared = true;
    let mut parts_cleared = [true; N];
    let (mut whole, mut parts) = (0, [0; N]);
    for (school_whole, school_parts) in schools.iter().filter(|(w, _)| *w > 0) {
        let (shown, shown_parts) = with_parts(*school_whole, *school_parts, threshold);
        whole_cleared &= !shown.is_hidden();
        for i in 0..N {
            parts_cleared[i] &= !shown_parts[i].is_hidden();
            parts[i] += school_parts[i];
        }
        whole += school_whole;
    }
    // Sums of cleared parts clear the same rule; checked again all the same.
    let (shown, shown_parts) = with_parts(whole, parts, threshold);
    (
        shown.only_if(whole_cleared),
        std::array::from_fn(|i| shown_parts[i].only_if(parts_cleared[i])),
    )
}

/// A share of `part` in `whole` over several schools (`(whole, part)` per
/// school): shown only when every school with any of the whole shows its
/// own share ([`share`]: its part and its rest both reach the threshold).
pub fn share_across(schools: &[(usize, usize)], threshold: usize) -> Shown<f64> {
    let every_part_shown = schools
        .iter()
        .filter(|(whole, _)| *whole > 0)
        .all(|(whole, part)| !share(*part, *whole, threshold).is_hidden());
    let whole = schools.iter().map(|(whole, _)| whole).sum();
    let part = schools.iter().map(|(_, part)| part).sum();
    share(part, whole, threshold).only_if(every_part_shown)
}

/// A total about students (hours they worked) over several schools, given
/// per school as `(students, total)`: shown only when every school with a
/// student in it has at least the threshold of them, as its own total
/// would need beside its count.
pub fn total_across(schools: &[(usize, i64)], threshold: usize) -> Shown<i64> {
    let (students, total): (Vec<usize>, Vec<i64>) = schools.iter().copied().unzip();
    let parts: Vec<(usize, [usize; 0])> = students.into_iter().map(|n| (n, [])).collect();
    let (count, []) = with_parts_across(&parts, threshold);
    super::alongside(&count, total.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_small_school_hides_the_sum_however_large_the_others_are() {
        // F5 as the reviewer found it: 20 of one school, 1 of another.
        let (made, [completed]) = with_parts_across(&[(20, [10]), (1, [1])], 10);
        assert!(made.is_hidden() && completed.is_hidden());
        // Each school clears on its own: the sums show.
        let (made, [completed]) = with_parts_across(&[(20, [10]), (25, [12]), (0, [0])], 10);
        assert_eq!((made.get(), completed.get()), (Some(&45), Some(&22)));
        // A part hidden at one school (3 not completed) hides the sum's part only.
        let (made, [completed]) = with_parts_across(&[(20, [10]), (15, [12])], 10);
        assert_eq!(made.get(), Some(&35));
        assert!(completed.is_hidden());
    }

    #[test]
    fn a_share_over_schools_needs_every_schools_part_and_rest() {
        // F9: 70 placements with 8 paid, and 11 with 9 paid.
        assert!(share_across(&[(70, 8), (11, 9)], 10).is_hidden());
        assert!(share_across(&[(70, 18), (11, 9)], 10).is_hidden());
        assert_eq!(
            share_across(&[(70, 18), (30, 12), (0, 0)], 10).get(),
            Some(&30.0)
        );
        // With the floor: a threshold under 5 counts as 5.
        assert!(share_across(&[(70, 18), (8, 4)], 2).is_hidden());
    }

    #[test]
    fn a_total_shows_only_when_every_school_has_the_threshold_of_students() {
        assert_eq!(
            total_across(&[(12, 300), (10, 200), (0, 0)], 10).get(),
            Some(&500)
        );
        assert!(total_across(&[(12, 300), (1, 40)], 10).is_hidden());
        assert!(total_across(&[], 10).is_hidden());
    }
}
