//! Shared time and display helpers: today's date and the site's time zone
//! (its name and offsets, for calendar files), and how times, pay and
//! grades read in the reader's language. The catalogue's own formats (dates
//! written out, amounts of money) are `i18n::long_date` and `i18n::money`;
//! these build on them.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, Utc};
use entity::{Compensation, opportunity};

use crate::i18n::{self, Lang, t, t_args};

/// Today's date where the site's students live, against which deadlines,
/// start dates, hours and school years are checked: the server's local date
/// (set `TZ`, e.g. `America/Chicago`). A UTC date would let a student in a
/// US evening log hours for tomorrow, and close a deadline hours early.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The name of the site's zone (one per process, as the clock's).
static ZONE_NAME: OnceLock<Option<String>> = OnceLock::new();

/// Records the name of the site's zone at start-up: `tz`, the environment's
/// `TZ` (`:America/Chicago` and a zoneinfo file's path read as the name),
/// else the system's (`/etc/localtime`), which is what the clock reads
/// without `TZ`.
pub fn init_zone(tz: Option<&str>) {
    ZONE_NAME.get_or_init(|| zone_name_of(tz));
}

fn zone_name_of(tz: Option<&str>) -> Option<String> {
    match tz
        .map(|tz| tz.trim_start_matches(':'))
        .filter(|tz| !tz.is_empty())
    {
        Some(tz) => Some(
            tz.rsplit_once("zoneinfo/")
                .map_or(tz, |(_, name)| name)
                .to_owned(),
        ),
        None => iana_time_zone::get_timezone().ok(),
    }
}

/// The name of the site's time zone (`America/Chicago`), which calendar
/// files give their times in, if it is known.
pub fn zone_name() -> Option<&'static str> {
    ZONE_NAME.get_or_init(|| zone_name_of(None)).as_deref()
}

/// The site's offset from UTC at a moment: its zone's, as [`today`] reads
/// the date.
pub fn offset_at(at: DateTime<Utc>) -> FixedOffset {
    at.with_timezone(&Local).offset().fix()
}

/// The site's date of a moment (as [`today`] is now's).
pub fn day_of(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// The last second of `day` where the site is, with the site's offset from
/// UTC then (`2027-01-15T23:59:59-06:00`): when a deadline day ends for the
/// people it is written for, not in UTC (eyes17b F10).
pub fn end_of_day(day: NaiveDate) -> DateTime<FixedOffset> {
    let last = day.and_hms_opt(23, 59, 59).unwrap_or_default();
    // 23:59:59 falls in no daylight-saving gap; UTC if a zone ever makes it.
    last.and_local_timezone(Local)
        .latest()
        .map_or_else(|| last.and_utc().fixed_offset(), |at| at.fixed_offset())
}

/// A moment as people read it: the site's date and clock time (the school's
/// zone, as [`today`]), the time written the reader's way ("2:24 PM",
/// "14:24"), not UTC (eyes13a F6).
pub fn moment_in(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at.with_timezone(&Local);
    t_args(
        lang,
        "date-time",
        vec![
            ("date", i18n::long_date(lang, local.date_naive()).into()),
            ("time", time_in(lang, local.time()).into()),
        ],
    )
}

/// Pay in the reader's words: "$18.50 an hour" / "$18.50 por hora".
pub fn pay_in(lang: Lang, o: &opportunity::Model) -> String {
    pay_words(lang, o.compensation, pay_amount(o))
}

/// The amount a posting's pay line names, in cents: the hourly wage or the
/// whole stipend; `None` when unpaid (or the amount is missing).
pub fn pay_amount(o: &opportunity::Model) -> Option<i32> {
    match o.compensation {
        Compensation::Hourly => o.hourly_wage_cents,
        Compensation::Stipend => o.stipend_cents,
        Compensation::Unpaid => None,
    }
}

/// The pay line from how a posting pays and its amount (see [`pay_amount`]):
/// search results carry these two, not the words, so each reader gets
/// their own language.
pub fn pay_words(lang: Lang, compensation: Compensation, cents: Option<i32>) -> String {
    match (compensation, cents) {
        (Compensation::Hourly, Some(cents)) => t_args(
            lang,
            "opportunity-pay-hourly",
            vec![("amount", dollars(cents).into())],
        ),
        (Compensation::Stipend, Some(cents)) => t_args(
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

/// Pay as the search index stores it, in English: the API's `pay` field
/// (documented as English) and the line of documents indexed before they
/// carried their compensation. People read pay through [`pay_words`].
pub fn pay_text(o: &opportunity::Model) -> String {
    pay_in(Lang::En, o)
}
