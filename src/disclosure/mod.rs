//! Disclosure control: the one place where counts about students become
//! numbers someone may see.
//!
//! Callers hand in the raw counts of every school of a scope
//! ([`SchoolCounts`], never shown as such) and get back [`Figures`], whose
//! every number is a [`Shown`]: a value the rules cleared, or hidden. A
//! `Shown` can only be made here, so a count of students cannot reach a page
//! or an export without passing the rules:
//!
//! - a cell (a group, a stage of a group, a month) under the threshold, or
//!   whose complement is under it, is hidden; the threshold is never below
//!   [`SMALLEST_CELL`];
//! - complementary suppression: in each table whose total is shown, the hidden
//!   cells are at least two and together hold at least the threshold of
//!   students (and of non-students, for a stage), so no hidden cell follows
//!   from the total minus the shown cells ([`suppress`]);
//! - the months of a stage are a table too, whose margin is the stage's
//!   total: a month is shown only with that total, and the hidden months
//!   that could still hold students are at least two and hold the threshold;
//! - rates and gaps of a hidden cell are hidden; a belonging mean needs the
//!   threshold of respondents;
//! - the share of placed students with a named mentor is a table of its
//!   own under the placed stage: a group's share only where its placed count
//!   shows, the mentored and the not mentored both at the threshold, and
//!   complementary suppression against the scope's share ([`suppress::mentors`]);
//! - a view of several schools only adds up numbers that each school's own
//!   view shows, and hides a sum as soon as one of its parts is hidden, so
//!   subtracting one view from another never gives more than the school
//!   views already show ([`combine`]); schools under the threshold are left
//!   out of combined figures.
//!
//! - an organization's ratings show a mean only from the threshold of rated
//!   placements up ([`ratings`]);
//! - a figure over schools the reader does not see one by one (the public
//!   `/impact` shares and hours, an organization's commitments and ratings)
//!   is cleared school by school and shown only when every school's part
//!   is, so a counselor who subtracts their own school's placements is left
//!   with parts that each cleared the rules ([`across`]).
//!
//! The README ("Statistics that cannot reveal a student") states the policy.

mod across;
mod combine;
mod figures;
mod ratings;
pub mod suppress;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use across::{share_across, total_across, with_parts_across};
pub use combine::{SchoolView, publish, publish_views};
pub use figures::{Figures, FunnelFigures, GroupFigures, TrendPoint};
pub use ratings::{RatingFigures, SchoolRatings, ratings};

/// The smallest cell ever shown, whatever is configured.
pub const SMALLEST_CELL: usize = 5;

/// The threshold in force for a configured one.
pub fn effective_threshold(configured: usize) -> usize {
    configured.max(SMALLEST_CELL)
}

/// The funnel's stages after the cohort: engaged, placed, completed.
pub const STAGES: usize = 3;

/// A number about students the rules allow to show, or a hidden one.
///
/// Only this module makes one with a value; templates see the value or
/// `none`, exports an empty field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown<T>(Option<T>);

impl<T> Shown<T> {
    pub(crate) const HIDDEN: Shown<T> = Shown(None);

    /// Cleared by the rules (private: only this module decides).
    fn value(value: T) -> Self {
        Shown(Some(value))
    }

    fn when(cleared: bool, value: T) -> Self {
        Shown(cleared.then_some(value))
    }

    pub fn is_hidden(&self) -> bool {
        self.0.is_none()
    }

    /// This number, hidden unless `cleared` (another rule's verdict).
    fn only_if(self, cleared: bool) -> Self {
        if cleared { self } else { Self::HIDDEN }
    }

    /// The cleared value, for drawing it (the chart) or comparing it.
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

impl<T: ToString> Shown<T> {
    /// The field of an export: the value, or empty when hidden.
    pub fn csv(&self) -> String {
        self.0.as_ref().map(T::to_string).unwrap_or_default()
    }
}

impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(value) => value.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// Reads back only what a [`Shown`] was written as: the public impact
/// page's figures of a closed school year, cleared by these rules when they
/// were taken and stored as they were published (`crate::impact::published`).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shown<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Shown)
    }
}

/// One group of one dimension in one school: raw counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupCounts {
    pub group: String,
    pub students: usize,
    /// Engaged, placed, completed students of the group in the period.
    pub stages: [usize; STAGES],
    /// Sum and number of belonging changes of its students.
    pub belonging_sum: i64,
    pub belonging_answers: usize,
    /// Placed students of the group with a named mentor (at most its
    /// placed count, `stages[1]`).
    pub mentored: usize,
    /// The group's place in the fixed order complementary suppression
    /// hides groups in (`counseling::metrics::HIDE_FIRST`; 1 first), so
    /// every school hides the same groups where it can and views of several
    /// schools lose less. Never a count: what one school hides must not move
    /// with another school's data.
    pub order: usize,
}

/// One school's raw counts for a period: the input of the rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SchoolCounts {
    pub school: String,
    pub students: usize,
    pub stages: [usize; STAGES],
    /// Placed students with a named mentor.
    pub mentored: usize,
    /// Per dimension (in `Dimension::ALL` order), its groups sorted by name.
    pub dimensions: Vec<Vec<GroupCounts>>,
    /// Engaged and placed students in each month of the period.
    pub months: Vec<[usize; 2]>,
    /// How many of the last months have not begun: their zeros are known to
    /// anyone, so hiding them protects nothing.
    pub future_months: usize,
}

/// A count shown as itself when at least the threshold, else hidden: for a
/// lone number with no table around it (a list's length).
pub fn lone_count(count: usize, threshold: usize) -> Shown<usize> {
    Shown::when(count >= effective_threshold(threshold), count)
}

/// A count and parts of it on the same row (an organization's placements,
/// and of them the paid and the completed ones): the whole as a lone count;
/// each part only beside a shown whole, and only when it and the rest of the
/// whole both reach the threshold ([`suppress::clear`], the rule of a
/// dashboard cell and its complement). Then no shown number, and no
/// difference of the whole and a shown part, is a group under the threshold.
pub fn with_parts<const N: usize>(
    whole: usize,
    parts: [usize; N],
    threshold: usize,
) -> (Shown<usize>, [Shown<usize>; N]) {
    let threshold = effective_threshold(threshold);
    let shown = lone_count(whole, threshold);
    let parts = parts.map(|part| {
        Shown::when(
            !shown.is_hidden() && suppress::clear(part, whole, threshold),
            part,
        )
    });
    (shown, parts)
}

/// A share, in percent with one decimal, of `part` in `whole` (placements
/// at paid postings among all placements, say): shown only when the part
/// and the rest both reach the threshold, as a dashboard cell must, so
/// neither side can be narrowed to a few students.
pub fn share(part: usize, whole: usize, threshold: usize) -> Shown<f64> {
    let cleared = suppress::clear(part, whole, effective_threshold(threshold));
    Shown::when(
        cleared,
        (1000.0 * part as f64 / whole.max(1) as f64).round() / 10.0,
    )
}

/// A count and a share of it over several schools (`(whole, part)` per
/// school), combined as [`combine`] combines a dashboard: a school whose
/// own view hides its count is left out of the sum, and the share shows
/// only when every school added up shows its own, so the combined view
/// minus any school's view is a sum of shown numbers.
pub fn share_of_schools(parts: &[(usize, usize)], threshold: usize) -> (Shown<usize>, Shown<f64>) {
    let included: Vec<&(usize, usize)> = parts
        .iter()
        .filter(|(whole, _)| !lone_count(*whole, threshold).is_hidden())
        .collect();
    let whole: usize = included.iter().map(|(whole, _)| whole).sum();
    let part: usize = included.iter().map(|(_, part)| part).sum();
    let every_share_shown = included
        .iter()
        .all(|(whole, part)| !share(*part, *whole, threshold).is_hidden());
    (
        lone_count(whole, threshold),
        share(part, whole, threshold).only_if(every_share_shown),
    )
}

/// A total about students (hours they worked, say) shown only alongside a
/// count of them that the rules cleared.
pub fn alongside<T>(count: &Shown<usize>, value: T) -> Shown<T> {
    Shown::when(!count.is_hidden(), value)
}
