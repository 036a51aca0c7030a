//! Shared time and display helpers: today's date, and how times, pay and
//! grades read in the reader's language. The catalogue's own formats (dates
//! written out, amounts of money) are `i18n::long_date` and `i18n::money`;
//! these build on them.

use chrono::{Local, NaiveDate};
use entity::opportunity;

use crate::i18n::{self, Lang, t, t_args};

/// Today's date where the site's students live, against which deadlines,
/// start dates, hours and school years are checked: the server's local date
/// (set `TZ`, e.g. `America/Chicago`). A UTC date would let a student in a
/// US evening log hours for tomorrow, and close a deadline hours early.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Pay in the reader's words: "$18.50 an hour" / "$18.50 por hora".
pub fn pay_in(lang: Lang, o: &opportunity::Model) -> String {
    match (o.hourly_wage_cents, o.stipend_cents) {
        (Some(cents), _) if o.compensation == entity::Compensation::Hourly => t_args(
            lang,
            "opportunity-pay-hourly",
            vec![("amount", dollars(cents).into())],
        ),
        (_, Some(cents)) if o.compensation == entity::Compensation::Stipend => t_args(
            lang,
            "opportunity-pay-stipend",
            vec![("amount", dollars(cents).into())],
        ),
        _ => t(lang, "opportunity-pay-unpaid"),
    }
}

/// A grade in the reader's words: "Grade 10", "Early college".
pub fn grade_in(lang: Lang, grade: i32) -> String {
    if grade == 13 {
        t(lang, "grade-early-college")
    } else {
        t_args(lang, "grade-number", vec![("grade", grade.into())])
    }
}

/// A time of day as the reader writes it: "3:30 PM" / "15:30".
pub fn time_in(lang: Lang, time: chrono::NaiveTime) -> String {
    use std::fmt::Write as _;
    // The pattern is the catalogue's (`format-time`); a pattern chrono cannot
    // read falls back to the 24-hour clock rather than failing the page.
    let pattern = t(lang, "format-time");
    let mut text = String::new();
    if write!(text, "{}", time.format(&pattern)).is_err() {
        text = time.format("%H:%M").to_string();
    }
    text
}

/// "$18.50", or "$1,500" for whole dollars (the one money format: `i18n::money`).
pub fn dollars(cents: i32) -> String {
    let text = i18n::money(i64::from(cents));
    match text.strip_suffix(".00") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// Pay as the search index stores it (English, like the rest of the
/// indexed text); people read it through [`pay_in`] in their language.
pub fn pay_text(o: &opportunity::Model) -> String {
    pay_in(Lang::En, o)
}
