//! Loading the cohort of a counselor's schools for a period, and the lists
//! built on it: the dashboard, the student list with outreach hints, the
//! per-student timeline. Only counselors of the school and admins get here.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use entity::{
    ApplicationStatus, application, hour_log, opportunity, placement, school, student, user,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

pub use super::cohort::{Cohort, ListFilter, Stage, StudentRow, cohort, figures, groups, list};
use crate::{
    app::AppState,
    auth::extractors::CurrentUser,
    error::{AppError, AppResult, OrNotFound},
    format::today,
    i18n::{self, Lang, t, t_args},
    profiles,
    roster::service::{ensure_school_access, schools_of},
    search::{self, SearchQuery},
};

/// Which schools and which school year a dashboard covers.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Scope {
    /// One school's id, or empty for all of the counselor's schools.
    pub school: String,
    /// A school year, named by the year it starts (`2026` for 2026-27).
    pub year: String,
    /// Older links give dates: each is rounded to its whole school year.
    pub from: String,
    pub to: String,
}

/// The month (August) a school year starts.
pub const SCHOOL_YEAR_STARTS: u32 = 8;

/// The school year a day falls in, named by the year it starts.
pub fn school_year_of(day: NaiveDate) -> i32 {
    if day.month() >= SCHOOL_YEAR_STARTS {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The first instant of a school year and of the next one (UTC).
pub fn school_year_bounds(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let at = |y: i32| {
        NaiveDate::from_ymd_opt(y, SCHOOL_YEAR_STARTS, 1)
            .unwrap_or_default()
            .and_time(NaiveTime::MIN)
            .and_utc()
    };
    (at(year), at(year + 1))
}

/// A checked scope: its schools and one whole school year (August 1 to
/// July 31). Periods are whole school years so that no two periods a
/// counselor can ask for overlap: subtracting one from another isolates
/// nothing (see `crate::disclosure`).
#[derive(Debug, Clone)]
pub struct Period {
    pub schools: Vec<school::Model>,
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The request gave dates, which were widened to the school year.
    pub rounded: bool,
    /// The day asked on: the trend's months after it are known zeros.
    pub today: NaiveDate,
}

impl Period {
    /// The first instant of the period and the first instant after it (UTC,
    /// as `contains` reads dates): a period is one whole school year.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        school_year_bounds(self.year)
    }

    /// The twelve months of the school year: first day and the next month's.
    pub fn months(&self) -> Vec<(NaiveDate, NaiveDate)> {
        (0..12)
            .filter_map(|i| {
                let start = self.from.checked_add_months(chrono::Months::new(i))?;
                Some((start, start.checked_add_months(chrono::Months::new(1))?))
            })
            .collect()
    }
}

/// Resolves a scope against the counselor's schools; defaults to the
/// current school year. Dates are widened to their school year; dates in two
/// different school years are refused.
pub async fn period(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    scope: &Scope,
    today: NaiveDate,
    lang: Lang,
) -> AppResult<Period> {
    let mut schools = schools_of(db, user).await?;
    if !scope.school.is_empty() {
        let id: i32 = scope
            .school
            .parse()
            .map_err(|_| AppError::BadRequest(t(lang, "stats-error-school")))?;
        ensure_school_access(db, user, id).await?;
        schools.retain(|s| s.id == id);
    }
    let current = school_year_of(today);
    let date = |text: &str, name: &str| match text.trim() {
        "" => Ok(None),
        text => crate::forms::parse_date(text).map(Some).ok_or_else(|| {
            AppError::BadRequest(t_args(
                lang,
                "stats-error-date",
                vec![("name", name.into())],
            ))
        }),
    };
    let (from, to) = (date(&scope.from, "from")?, date(&scope.to, "to")?);
    let year = match scope.year.trim() {
        "" => {
            if let (Some(from), Some(to)) = (from, to) {
                if to < from {
                    return Err(AppError::BadRequest(t(lang, "stats-error-order")));
                }
                if school_year_of(from) != school_year_of(to) {
                    return Err(AppError::BadRequest(t(lang, "stats-error-two-years")));
                }
            }
            from.or(to).map_or(current, school_year_of)
        }
        text => text
            .split('-')
            .next()
            .and_then(|y| y.trim().parse::<i32>().ok())
            .ok_or_else(|| AppError::BadRequest(t(lang, "stats-error-year")))?,
    };
    if !(2000..=current).contains(&year) {
        return Err(AppError::BadRequest(t_args(
            lang,
            "stats-error-year-range",
            vec![("last", current.into())],
        )));
    }
    let (start, next) = school_year_bounds(year);
    let last_day = next
        .date_naive()
        .pred_opt()
        .ok_or_else(|| AppError::BadRequest(t(lang, "stats-error-year")))?;
    Ok(Period {
        schools,
        year,
        from: start.date_naive(),
        to: last_day,
        rounded: scope.year.trim().is_empty() && (from.is_some() || to.is_some()),
        today,
    })
}

/// The school years a counselor can choose, newest first (the last five).
pub fn school_years(today: NaiveDate) -> Vec<i32> {
    let current = school_year_of(today);
    (0..5).map(|i| current - i).collect()
}

/// A grade's group name in the grade dimension.
pub fn grade_group(grade: i32) -> String {
    if grade == 13 {
        "Early college".into()
    } else {
        format!("Grade {grade}")
    }
}

/// A yes/no group of the roster, as the metrics key it (the dashboard
/// writes it out through the catalogue, see `group_label`).
pub(super) fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => "Not reported".into(),
    }
}

/// A yes/no fact of the roster, in `lang`.
fn yes_no_in(lang: Lang, value: Option<bool>) -> String {
    t(
        lang,
        match value {
            Some(true) => "counselor-yes",
            Some(false) => "counselor-no",
            None => "counselor-not-reported",
        },
    )
}

/// One student's record, for their counselor.
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub name: String,
    pub grade: i32,
    pub school: String,
    pub demographics: Vec<(String, String)>,
    /// When (`YYYY-MM-DD`, written out by the page) and what, in the reader's language.
    pub events: Vec<(chrono::NaiveDate, String)>,
    pub approved_hours: f64,
}

pub async fn timeline(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    student_id: i32,
) -> AppResult<(Timeline, student::Model)> {
    let s = student::Entity::find_by_id(student_id)
        .one(db)
        .await?
        .or_not_found()?;
    ensure_school_access(db, user, s.school_id).await?;
    let school = school::Entity::find_by_id(s.school_id)
        .one(db)
        .await?
        .or_not_found()?;
    let applications = application::Entity::find()
        .filter(application::Column::StudentId.eq(s.id))
        .all(db)
        .await?;
    let placements = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(s.id))
        .all(db)
        .await?;
    let titles: HashMap<i32, String> = opportunity::Entity::find()
        .filter(
            opportunity::Column::Id.is_in(
                applications
                    .iter()
                    .map(|a| a.opportunity_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.title))
        .collect();
    let lang = i18n::current();
    let mut events: Vec<(DateTime<Utc>, String)> = Vec::new();
    // The account is made when the code is claimed: when, and the address
    // it signs in with, so a counselor can tell a claim the student did not make.
    if let Some(account) = match s.user_id {
        Some(id) => user::Entity::find_by_id(id).one(db).await?,
        None => None,
    } {
        events.push((
            account.created_at,
            t_args(
                lang,
                "counselor-event-claimed",
                vec![("email", account.email.as_str().into())],
            ),
        ));
    }
    for a in &applications {
        let title = titles.get(&a.opportunity_id).cloned().unwrap_or_default();
        events.push((
            a.created_at,
            t_args(
                lang,
                "counselor-event-applied",
                vec![("title", title.as_str().into())],
            ),
        ));
        if a.status != ApplicationStatus::Submitted {
            events.push((
                a.updated_at,
                t_args(
                    lang,
                    "counselor-event-application",
                    vec![
                        ("title", title.as_str().into()),
                        (
                            "status",
                            i18n::vocab(lang, "application_status", a.status.key()).into(),
                        ),
                    ],
                ),
            ));
        }
    }
    let mut approved_quarters = 0;
    for p in &placements {
        let title = titles.get(&p.opportunity_id).cloned().unwrap_or_default();
        events.push((
            p.created_at,
            t_args(
                lang,
                "counselor-event-placement",
                vec![
                    ("title", title.as_str().into()),
                    (
                        "status",
                        i18n::vocab(lang, "placement_status", p.status.key()).into(),
                    ),
                ],
            ),
        ));
        let hours = hour_log::Entity::find()
            .filter(hour_log::Column::PlacementId.eq(p.id))
            .all(db)
            .await?;
        approved_quarters += hours
            .iter()
            .filter(|h| h.status == entity::HoursStatus::Approved)
            .map(|h| h.quarter_hours)
            .sum::<i32>();
        for h in hours {
            events.push((
                h.created_at,
                t_args(
                    lang,
                    "counselor-event-hours",
                    vec![
                        ("hours", (f64::from(h.quarter_hours) / 4.0).into()),
                        ("title", title.as_str().into()),
                        (
                            "status",
                            i18n::vocab(lang, "hours_status", h.status.key()).into(),
                        ),
                    ],
                ),
            ));
        }
    }
    events.sort_by_key(|event| std::cmp::Reverse(event.0));
    let view = Timeline {
        name: format!("{} {}", s.first_name, s.last_name),
        grade: s.grade,
        school: school.name,
        demographics: vec![
            (
                t(lang, "stats-dim-gender"),
                s.gender.as_deref().map_or_else(
                    || t(lang, "counselor-not-reported"),
                    |g| i18n::group_label(lang, g),
                ),
            ),
            (
                t(lang, "stats-dim-race-ethnicity"),
                s.race_ethnicity.as_deref().map_or_else(
                    || t(lang, "counselor-not-reported"),
                    |r| i18n::group_label(lang, r),
                ),
            ),
            (
                t(lang, "stats-dim-low-income"),
                yes_no_in(lang, s.low_income),
            ),
            (
                t(lang, "stats-dim-english-learner"),
                yes_no_in(lang, s.english_learner),
            ),
            (
                t(lang, "stats-dim-disability"),
                yes_no_in(lang, s.disability),
            ),
            (
                t(lang, "stats-dim-first-generation"),
                yes_no_in(lang, s.first_generation),
            ),
        ],
        events: events
            .into_iter()
            .map(|(at, what)| (at.date_naive(), what))
            .collect(),
        approved_hours: f64::from(approved_quarters) / 4.0,
    };
    Ok((view, s))
}

/// For each of these students (one page of a list): how many open
/// opportunities their own default search (saved needs, grade, home ZIP and
/// distance, as they see it on /search) finds now, and the link to that
/// search. Students with the same defaults share one search.
pub async fn matching_now(state: &AppState, ids: &[i32]) -> AppResult<HashMap<i32, (u64, String)>> {
    // The ids are one page's (at most `paging::PER_PAGE`), never a roster.
    let students = student::Entity::find()
        .filter(student::Column::Id.is_in(ids.iter().copied()))
        .all(&state.db)
        .await?;
    let mut needs = profiles::service::saved_needs_of(&state.db, ids).await?;
    // A few schools at most: the counselor's.
    let mut school_ids: Vec<i32> = students.iter().map(|s| s.school_id).collect();
    school_ids.sort_unstable();
    school_ids.dedup();
    let school_zips = profiles::service::school_zips_of(&state.db, &school_ids).await?;
    // Each distinct default search once, all of them in one count.
    let mut links: Vec<(i32, String, usize)> = Vec::with_capacity(students.len());
    let mut queries: Vec<SearchQuery> = Vec::new();
    let mut slot_of: HashMap<String, usize> = HashMap::new();
    for student in &students {
        let params = profiles::service::default_params(
            student,
            &needs.remove(&student.id).unwrap_or_default(),
            school_zips.get(&student.school_id).map(String::as_str),
        );
        let link = format!("/search?{}", params.to_query_string());
        let slot = match slot_of.get(&link) {
            Some(&slot) => slot,
            None => {
                let query = params
                    .parse(today())
                    .map_err(|e| AppError::BadRequest(e.message))?;
                queries.push(query);
                slot_of.insert(link.clone(), queries.len() - 1);
                queries.len() - 1
            }
        };
        links.push((student.id, link, slot));
    }
    let totals = search::service::count(state, &queries).await?;
    let mut found = HashMap::new();
    for (id, link, slot) in links {
        let total = *totals
            .get(slot)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a search was not counted")))?;
        found.insert(id, (total, link));
    }
    Ok(found)
}
