//! Who may apply to what, with a reason a student can act on when not.

use chrono::{Datelike, NaiveDate};
use entity::{opportunity, student};

use crate::opportunities::service::grade_name;

/// Age in whole years on `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// True when the student is (or may be) under 18 on the start date, so a
/// guardian must consent first. Without a date of birth we assume a minor.
pub fn needs_guardian_consent(student: &student::Model, start: NaiveDate) -> bool {
    student
        .date_of_birth
        .is_none_or(|birth| age_on(birth, start) < 18)
}

/// `Err(reason)` when the student may not apply.
pub fn check(opportunity: &opportunity::Model, student: &student::Model) -> Result<(), String> {
    if !student.active {
        return Err("Your school roster lists you as inactive. Ask your counselor.".into());
    }
    if student.grade < opportunity.min_grade || student.grade > opportunity.max_grade {
        return Err(format!(
            "This opportunity is for students in {} to {}; you are in {}.",
            grade_name(opportunity.min_grade),
            grade_name(opportunity.max_grade),
            grade_name(student.grade)
        ));
    }
    if let Some(min_age) = opportunity.min_age {
        let Some(birth) = student.date_of_birth else {
            return Err(format!(
                "You must be at least {min_age} on the start date. Ask your counselor to add your date of birth to your record first."
            ));
        };
        if age_on(birth, opportunity.start_date) < min_age {
            return Err(format!(
                "You must be at least {min_age} years old on the start date."
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_whole_years_up_to_the_day_before_the_birthday() {
        let birth = NaiveDate::from_ymd_opt(2009, 6, 15).unwrap();
        assert_eq!(
            age_on(birth, NaiveDate::from_ymd_opt(2027, 6, 14).unwrap()),
            17
        );
        assert_eq!(
            age_on(birth, NaiveDate::from_ymd_opt(2027, 6, 15).unwrap()),
            18
        );
    }
}
