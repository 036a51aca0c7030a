//! How many students one roster may make inactive. A bulk users.csv takes
//! everyone it leaves out as gone, so an export filtered wrongly (the
//! wrong term or school, teachers only, a sync that stopped half way)
//! would otherwise make a whole school inactive, with its guardians, who
//! then get no more mail. Two rules guard against it:
//!
//! - a roster that lists no active student of a school of its orgs.csv
//!   but would make students of that school inactive for being left out
//!   is refused outright: that is never a real school's roster (a school
//!   whose students all leave lists them as `tobedeleted` or with
//!   `enabledUser` false, and then the second rule asks for a yes);
//! - a roster that would make more than half of a school's active
//!   students inactive at once, and more than [`MANY`] of them, is
//!   refused unless whoever imports it confirms the number it would make
//!   inactive in all (`yes, make N students inactive`). A year's end,
//!   when a minority leaves, needs no confirmation.

use serde::Serialize;

use super::import::ImportError;
use crate::i18n::{Message, MessageArg};

/// More students than this leaving one school at once, when they are more
/// than half of it, need a confirmation: fewer is the churn of any week.
pub const MANY: usize = 10;

/// What one import would do to the active students of one school of its
/// orgs.csv.
#[derive(Debug, Clone, Default)]
pub struct SchoolChange {
    /// The school's line in orgs.csv, its name and sourcedId.
    pub line: u64,
    pub name: String,
    pub sourced_id: String,
    /// Its active students on file (those a roster holds: with a sourcedId).
    pub active: usize,
    /// Of those, how many the import would make inactive.
    pub leaving: usize,
    /// Of those leaving, how many for being left out of a bulk users.csv
    /// (the rest are listed as inactive).
    pub left_out: usize,
    /// The active students users.csv lists at the school.
    pub listed_active: usize,
}

impl SchoolChange {
    /// Users.csv is silent about the school, yet would empty it.
    fn emptied(&self) -> bool {
        self.left_out > 0 && self.listed_active == 0
    }

    /// More than half of the school and more than [`MANY`] would leave.
    fn many_leave(&self) -> bool {
        self.leaving > MANY && self.leaving * 2 > self.active
    }

    fn error(&self, id: &str, total: usize) -> ImportError {
        let args: [(&str, MessageArg); 5] = [
            ("name", self.name.as_str().into()),
            ("id", self.sourced_id.as_str().into()),
            ("count", self.leaving.into()),
            ("active", self.active.into()),
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
/// that many students would become inactive at once, how many an
/// importer confirms to go ahead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    pub errors: Vec<ImportError>,
    /// The number of students the import would make inactive in all: the
    /// `N` of "yes, make N students inactive".
    pub confirm_inactive: Option<usize>,
}

impl From<Vec<ImportError>> for Refusal {
    fn from(errors: Vec<ImportError>) -> Self {
        Refusal {
            errors,
            confirm_inactive: None,
        }
    }
}

/// Checks what an import would do to each school against the rules above.
/// `confirmed` is the number the importer said yes to: it lets many
/// students leave only when it is the number this import makes inactive
/// (a different file, or the same one a week later, asks again).
pub fn check(changes: &[SchoolChange], confirmed: Option<usize>) -> Result<(), Refusal> {
    let total: usize = changes.iter().map(|c| c.leaving).sum();
    let emptied: Vec<ImportError> = changes
        .iter()
        .filter(|c| c.emptied())
        .map(|c| c.error("roster-error-school-emptied", total))
        .collect();
    let many: Vec<ImportError> = if confirmed == Some(total) {
        Vec::new()
    } else {
        changes
            .iter()
            .filter(|c| c.many_leave() && !c.emptied())
            .map(|c| c.error("roster-error-many-inactive", total))
            .collect()
    };
    match (emptied.is_empty(), many.is_empty()) {
        (true, true) => Ok(()),
        (true, false) => Err(Refusal {
            errors: many,
            confirm_inactive: Some(total),
        }),
        (false, _) => Err(Refusal {
            errors: emptied.into_iter().chain(many).collect(),
            confirm_inactive: None,
        }),
    }
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
}
