//! How many students and guardian contacts one roster may take off a
//! school. A bulk users.csv takes everyone it leaves out as gone, so an
//! export filtered wrongly (the wrong term or school, teachers only, a sync
//! that stopped half way, contacts left out of the export) would otherwise
//! make a whole school inactive, or end its families' contacts, who then
//! get no more mail. A student moved to another school of the file leaves
//! the first just as much (its counselors lose the record, the other
//! school's gain it), so a move counts as leaving here. The rules:
//!
//! - a roster that lists no active student of a school of its orgs.csv
//!   but would take students off it without saying so (left out of a bulk
//!   file, or moved to another school) is refused outright: that is never
//!   a real school's roster (a school whose students all leave lists them
//!   as `tobedeleted` or with `enabledUser` false, and then the next rule
//!   asks for a yes);
//! - a roster that would take more than half of a school's active
//!   students off it at once, and more than [`MANY`] of them, is refused
//!   unless whoever imports it confirms the number it ends in all
//!   (`yes, make N students inactive`);
//! - so is one that would end more than half of the active guardian
//!   contacts of a school's students who stay, and more than [`MANY`]
//!   (made inactive or unlinked from their student): one confirmation
//!   covers both, its number counting the students and the contacts the
//!   import ends. Contacts of students who leave go with them and are
//!   counted with the students.
//!
//! A year's end, when a minority leaves, needs no confirmation.

use serde::Serialize;

use super::import::ImportError;
use crate::i18n::{Message, MessageArg};

/// More students (or guardian contacts) than this leaving one school at
/// once, when they are more than half of it, need a confirmation: fewer is
/// the churn of any week.
pub const MANY: usize = 10;

/// What one import would do to the active students of one school of its
/// orgs.csv, and to their guardian contacts.
#[derive(Debug, Clone, Default)]
pub struct SchoolChange {
    /// The school's record, its line in orgs.csv, its name and sourcedId.
    pub school_id: i32,
    pub line: u64,
    pub name: String,
    pub sourced_id: String,
    /// Its active students on file (those a roster holds: with a sourcedId).
    pub active: usize,
    /// Of those, how many the import would take off the school: made
    /// inactive, or moved to another school of the file.
    pub leaving: usize,
    /// Of those leaving, how many for being left out of a bulk users.csv.
    pub left_out: usize,
    /// Of those leaving, how many moved to another school of the file.
    pub moved: usize,
    /// The active students users.csv lists at the school.
    pub listed_active: usize,
    /// Active students a delta users.csv leaves out, who stay as they are.
    pub unlisted_staying: usize,
    /// Active roster guardian contacts of the school's students who stay
    /// active (known once the guardians are read).
    pub guardians_active: usize,
    /// Of those, how many the import would make inactive or unlink from
    /// such a student.
    pub guardians_ending: usize,
}

impl SchoolChange {
    /// Users.csv lists no active student of the school, yet would take
    /// students off it without saying so (left out, or moved away).
    fn emptied(&self) -> bool {
        self.left_out + self.moved > 0 && self.listed_active + self.unlisted_staying == 0
    }

    /// More than half of the school and more than [`MANY`] would leave.
    fn many_leave(&self) -> bool {
        self.leaving > MANY && self.leaving * 2 > self.active
    }

    /// More than half of the contacts of its staying students, and more
    /// than [`MANY`], would end.
    fn many_guardians_end(&self) -> bool {
        self.guardians_ending > MANY && self.guardians_ending * 2 > self.guardians_active
    }

    fn error(&self, id: &str, count: usize, active: usize, total: usize) -> ImportError {
        let args: [(&str, MessageArg); 6] = [
            ("name", self.name.as_str().into()),
            ("id", self.sourced_id.as_str().into()),
            ("count", count.into()),
            ("active", active.into()),
            ("moved", self.moved.into()),
            ("total", total.into()),
        ];
        ImportError {
            file: "orgs.csv",
            line: self.line,
            message: args
                .into_iter()
                .fold(Message::new(id), |m, (name, value)| m.arg(name, value)),
        }
    }
}

/// Why an import wrote nothing: every problem, and, when all of them are
/// that many students or guardian contacts would end at once, how many an
/// importer confirms to go ahead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    pub errors: Vec<ImportError>,
    /// The number the import would end in all, students (made inactive or
    /// moved) and guardian contacts: the `N` an importer confirms.
    pub confirm_inactive: Option<usize>,
    /// Of that number, the students (and of those, the ones moved), and
    /// the guardian contacts: what the confirmation says it ends.
    pub students: usize,
    pub moved: usize,
    pub guardians: usize,
    /// When every problem is a row held for a change that may mean another
    /// person or school (`identity`): how many rows the importer confirms.
    pub confirm_review: Option<usize>,
}

impl From<Vec<ImportError>> for Refusal {
    fn from(errors: Vec<ImportError>) -> Self {
        Refusal {
            errors,
            confirm_inactive: None,
            students: 0,
            moved: 0,
            guardians: 0,
            confirm_review: None,
        }
    }
}

/// The first rule alone: a roster that would empty a school is refused
/// before anything is written (no confirmation lets it through).
pub fn check_emptied(changes: &[SchoolChange]) -> Result<(), Refusal> {
    let total: usize = changes.iter().map(|c| c.leaving).sum();
    let emptied: Vec<ImportError> = changes
        .iter()
        .filter(|c| c.emptied())
        .map(|c| c.error("roster-error-school-emptied", c.leaving, c.active, total))
        .collect();
    if emptied.is_empty() {
        Ok(())
    } else {
        Err(emptied.into())
    }
}

/// Checks what an import would do to each school against the rules above.
/// `confirmed` is the number the importer said yes to: it lets many
/// students or contacts end only when it is the number this import ends
/// (a different file, or the same one a week later, asks again).
pub fn check(changes: &[SchoolChange], confirmed: Option<usize>) -> Result<(), Refusal> {
    check_emptied(changes)?;
    let students: usize = changes.iter().map(|c| c.leaving).sum();
    let guardians: usize = changes.iter().map(|c| c.guardians_ending).sum();
    let total = students + guardians;
    if confirmed == Some(total) {
        return Ok(());
    }
    let mut errors = Vec::new();
    for c in changes {
        if c.many_leave() {
            errors.push(c.error("roster-error-many-inactive", c.leaving, c.active, total));
        }
        if c.many_guardians_end() {
            errors.push(c.error(
                "roster-error-many-guardians",
                c.guardians_ending,
                c.guardians_active,
                total,
            ));
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    Err(Refusal {
        errors,
        confirm_inactive: Some(total),
        students,
        moved: changes.iter().map(|c| c.moved).sum(),
        guardians,
        confirm_review: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(
        active: usize,
        leaving: usize,
        left_out: usize,
        listed_active: usize,
    ) -> SchoolChange {
        SchoolChange {
            line: 2,
            name: "Lincoln High".into(),
            sourced_id: "sch-1".into(),
            active,
            leaving,
            left_out,
            listed_active,
            ..Default::default()
        }
    }

    fn ids(refusal: &Refusal) -> Vec<&str> {
        refusal
            .errors
            .iter()
            .map(|e| e.message.id.as_str())
            .collect()
    }

    #[test]
    fn a_year_end_minority_leaving_needs_no_confirmation() {
        // A quarter of the school graduates.
        assert_eq!(check(&[school(200, 50, 50, 170)], None), Ok(()));
        // Half exactly is not more than half.
        assert_eq!(check(&[school(40, 20, 20, 20)], None), Ok(()));
        // A small school's handful, even most of it.
        assert_eq!(check(&[school(12, 10, 10, 2)], None), Ok(()));
        // A new school: nobody to lose.
        assert_eq!(check(&[school(0, 0, 0, 0)], None), Ok(()));
    }

    #[test]
    fn a_school_the_file_lists_no_active_student_of_is_refused_even_when_confirmed() {
        for confirmed in [None, Some(210)] {
            let refusal = check(&[school(210, 210, 210, 0)], confirmed).unwrap_err();
            assert_eq!(ids(&refusal), ["roster-error-school-emptied"]);
            assert_eq!(refusal.confirm_inactive, None, "nothing to confirm");
            assert_eq!(refusal.errors[0].line, 2);
        }
        // One student left out of a one-student school: refused too.
        assert!(check(&[school(1, 1, 1, 0)], None).is_err());
    }

    #[test]
    fn many_leaving_at_once_go_ahead_only_with_the_number_confirmed() {
        let changes = [school(100, 60, 55, 40), school(50, 5, 5, 45)];
        let refusal = check(&changes, None).unwrap_err();
        assert_eq!(ids(&refusal), ["roster-error-many-inactive"]);
        assert_eq!(refusal.confirm_inactive, Some(65), "both schools counted");
        assert_eq!(
            check(&changes, Some(60)).unwrap_err().confirm_inactive,
            Some(65),
            "another number asks again"
        );
        assert_eq!(check(&changes, Some(65)), Ok(()));
        // Listed as leaving (tobedeleted) counts as much as left out.
        assert!(check(&[school(30, 30, 0, 0)], None).is_err());
        assert_eq!(check(&[school(30, 30, 0, 0)], Some(30)), Ok(()));
    }

    #[test]
    fn students_moved_to_another_school_of_the_file_leave_the_first() {
        // Every student of Lincoln moved to Roosevelt: Lincoln is emptied.
        let moved = SchoolChange {
            moved: 210,
            ..school(210, 210, 0, 0)
        };
        let refusal = check(std::slice::from_ref(&moved), Some(210)).unwrap_err();
        assert_eq!(ids(&refusal), ["roster-error-school-emptied"]);
        assert_eq!(check_emptied(&[moved]).unwrap_err().confirm_inactive, None);
        // Most of it moved, a few stay: a yes for the number moved.
        let most = SchoolChange {
            moved: 150,
            ..school(210, 150, 0, 60)
        };
        let refusal = check(std::slice::from_ref(&most), None).unwrap_err();
        assert_eq!(ids(&refusal), ["roster-error-many-inactive"]);
        assert_eq!((refusal.students, refusal.moved), (150, 150));
        assert_eq!(check(&[most], Some(150)), Ok(()));
        // A delta file moving a few, listing nobody else: nothing emptied.
        let delta = SchoolChange {
            moved: 3,
            unlisted_staying: 207,
            ..school(210, 3, 0, 0)
        };
        assert_eq!(check(&[delta], None), Ok(()));
    }

    #[test]
    fn most_guardian_contacts_of_staying_students_ending_need_the_same_yes() {
        let ending = |active, ending| SchoolChange {
            guardians_active: active,
            guardians_ending: ending,
            ..school(210, 5, 5, 205)
        };
        let refusal = check(&[ending(218, 210)], None).unwrap_err();
        assert_eq!(ids(&refusal), ["roster-error-many-guardians"]);
        assert_eq!(refusal.confirm_inactive, Some(215), "students and contacts");
        assert_eq!((refusal.students, refusal.guardians), (5, 210));
        assert!(check(&[ending(218, 210)], Some(210)).is_err());
        assert_eq!(check(&[ending(218, 210)], Some(215)), Ok(()));
        // A year's churn of contacts, or a small school's handful.
        assert_eq!(check(&[ending(218, 30)], None), Ok(()));
        assert_eq!(check(&[ending(12, 10)], None), Ok(()));
    }
}
