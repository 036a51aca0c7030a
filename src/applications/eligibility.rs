//! Who may apply to what, with a reason a student can act on when not.

use chrono::{Datelike, NaiveDate};
use entity::{opportunity, student};

use crate::{
    format::grade_in,
    i18n::{Lang, t, t_args},
};

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

/// `Err(reason)` when the student may not apply, in `lang`.
pub fn check(
    opportunity: &opportunity::Model,
    student: &student::Model,
    lang: Lang,
) -> Result<(), String> {
    if !student.active {
        return Err(t(lang, "student-apply-inactive"));
    }
    if student.grade < opportunity.min_grade || student.grade > opportunity.max_grade {
        let yours = ("yours", grade_in(lang, student.grade).into());
        return Err(if opportunity.min_grade == opportunity.max_grade {
            t_args(
                lang,
                "student-apply-grade-one",
                vec![
                    ("grade", grade_in(lang, opportunity.min_grade).into()),
                    yours,
                ],
            )
        } else {
            t_args(
                lang,
                "student-apply-grade",
                vec![
                    ("from", grade_in(lang, opportunity.min_grade).into()),
                    ("to", grade_in(lang, opportunity.max_grade).into()),
                    yours,
                ],
            )
        });
    }
    if let Some(min_age) = opportunity.min_age {
        let Some(birth) = student.date_of_birth else {
            return Err(t_args(
                lang,
                "student-apply-age-unknown",
                vec![("age", min_age.into())],
            ));
        };
        if age_on(birth, opportunity.start_date) < min_age {
            return Err(t_args(
                lang,
                "student-apply-too-young",
                vec![("age", min_age.into())],
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
