//! Loading the cohort of a counselor's schools for a period, and the lists
//! built on it: the dashboard, the student list with outreach hints, the
//! per-student timeline. Only counselors of the school and admins get here.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use entity::{
    ApplicationStatus, PlacementStatus, application, belonging_response, hour_log, opportunity,
    placement, school, student,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};
use serde::{Deserialize, Serialize};

use super::metrics::{self, Dimension, StudentFacts};
use crate::{
    app::AppState,
    auth::extractors::CurrentUser,
    disclosure::{self, Figures},
    error::{AppError, AppResult, OrNotFound},
    i18n::{self, Lang, t, t_args},
    profiles,
    roster::service::{ensure_school_access, schools_of},
    search::{self, documents::today, query::SearchParams},
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
    fn contains(&self, at: DateTime<Utc>) -> bool {
        let day = at.date_naive();
        day >= self.from && day <= self.to
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
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
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
    let start = NaiveDate::from_ymd_opt(year, SCHOOL_YEAR_STARTS, 1)
        .ok_or_else(|| AppError::BadRequest(t(lang, "stats-error-year")))?;
    let end = NaiveDate::from_ymd_opt(year + 1, SCHOOL_YEAR_STARTS, 1)
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| AppError::BadRequest(t(lang, "stats-error-year")))?;
    Ok(Period {
        schools,
        year,
        from: start,
        to: end,
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
fn yes_no(value: Option<bool>) -> String {
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

/// Everything known about the cohort in the period, loaded in a few queries.
pub struct Cohort {
    pub students: Vec<student::Model>,
    /// Each group's active students across every school, per dimension.
    pub district: Vec<BTreeMap<String, usize>>,
    pub facts: Vec<StudentFacts>,
    pub applications: Vec<application::Model>,
    pub placements: Vec<placement::Model>,
}

/// Each group's active students across every school (one `GROUP BY`), the
/// same whoever asks: the order in which every view picks complementary
/// cells, so that schools hide the same groups where they can.
async fn district_sizes(db: &impl ConnectionTrait) -> AppResult<Vec<BTreeMap<String, usize>>> {
    type Row = (
        Option<String>,
        Option<String>,
        Option<bool>,
        Option<bool>,
        Option<bool>,
        Option<bool>,
        i32,
        i64,
    );
    use student::Column as C;
    let rows: Vec<Row> = student::Entity::find()
        .select_only()
        .columns([
            C::Gender,
            C::RaceEthnicity,
            C::LowIncome,
            C::EnglishLearner,
            C::Disability,
            C::FirstGeneration,
            C::Grade,
        ])
        .column_as(C::Id.count(), "students")
        .filter(C::Active.eq(true))
        .group_by(C::Gender)
        .group_by(C::RaceEthnicity)
        .group_by(C::LowIncome)
        .group_by(C::EnglishLearner)
        .group_by(C::Disability)
        .group_by(C::FirstGeneration)
        .group_by(C::Grade)
        .into_tuple()
        .all(db)
        .await?;
    let mut sizes = vec![BTreeMap::new(); Dimension::ALL.len()];
    for (gender, race, low, english, disability, first, grade, n) in rows {
        let labels = [
            gender.unwrap_or_else(|| "Not reported".into()),
            race.unwrap_or_else(|| "Not reported".into()),
            yes_no(low),
            yes_no(english),
            yes_no(disability),
            yes_no(first),
            grade_group(grade),
        ];
        for (d, label) in labels.into_iter().enumerate() {
            *sizes[d].entry(label).or_insert(0) += usize::try_from(n).unwrap_or(0);
        }
    }
    Ok(sizes)
}

pub async fn cohort(db: &impl ConnectionTrait, period: &Period) -> AppResult<Cohort> {
    let school_names: HashMap<i32, String> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    let students = student::Entity::find()
        .filter(student::Column::SchoolId.is_in(school_names.keys().copied().collect::<Vec<_>>()))
        .filter(student::Column::Active.eq(true))
        .order_by_asc(student::Column::LastName)
        .order_by_asc(student::Column::FirstName)
        .all(db)
        .await?;
    // The same students as a subquery: the statement stays the same size
    // whatever the roster, and the database does the join.
    let cohort_ids = || {
        student::Entity::find()
            .select_only()
            .column(student::Column::Id)
            .filter(
                student::Column::SchoolId.is_in(school_names.keys().copied().collect::<Vec<_>>()),
            )
            .filter(student::Column::Active.eq(true))
            .into_query()
    };
    // Only what happened in the school year: the first instant of `from` to
    // the first instant after `to` (UTC, as `Period::contains` reads dates).
    let start = period.from.and_time(NaiveTime::MIN).and_utc();
    let end = period
        .to
        .succ_opt()
        .unwrap_or(period.to)
        .and_time(NaiveTime::MIN)
        .and_utc();
    let applications = application::Entity::find()
        .filter(application::Column::StudentId.in_subquery(cohort_ids()))
        .filter(application::Column::CreatedAt.gte(start))
        .filter(application::Column::CreatedAt.lt(end))
        .all(db)
        .await?;
    let placements = placement::Entity::find()
        .filter(placement::Column::StudentId.in_subquery(cohort_ids()))
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(placement::Column::CreatedAt.gte(start))
                        .add(placement::Column::CreatedAt.lt(end)),
                )
                .add(
                    Condition::all()
                        .add(placement::Column::EndedAt.gte(start))
                        .add(placement::Column::EndedAt.lt(end)),
                ),
        )
        .all(db)
        .await?;
    // Belonging changes are not tied to the period (as before).
    let belonging = belonging_response::Entity::find()
        .filter(belonging_response::Column::StudentId.in_subquery(cohort_ids()))
        .all(db)
        .await?;
    let engaged: HashSet<i32> = applications
        .iter()
        .filter(|a| period.contains(a.created_at))
        .map(|a| a.student_id)
        .collect();
    let placed: HashSet<i32> = placements
        .iter()
        .filter(|p| PlacementStatus::PLACED.contains(&p.status) && period.contains(p.created_at))
        .map(|p| p.student_id)
        .collect();
    // Placed with a named mentor: a placement that counts as placed names one.
    let mentored: HashSet<i32> = placements
        .iter()
        .filter(|p| {
            PlacementStatus::PLACED.contains(&p.status)
                && period.contains(p.created_at)
                && p.mentor_name.is_some()
        })
        .map(|p| p.student_id)
        .collect();
    let completed: HashSet<i32> = placements
        .iter()
        .filter(|p| {
            p.status == PlacementStatus::Completed
                && p.ended_at.is_some_and(|at| period.contains(at))
        })
        .map(|p| p.student_id)
        .collect();
    let mut answers: HashMap<(i32, i32), (Option<i32>, Option<i32>)> = HashMap::new();
    for b in &belonging {
        let entry = answers.entry((b.student_id, b.placement_id)).or_default();
        if b.stage == "before" {
            entry.0 = Some(b.score)
        } else {
            entry.1 = Some(b.score)
        }
    }
    // Belonging change per placement with both answers, by student.
    let mut changes_by_student: HashMap<i32, Vec<i32>> = HashMap::new();
    for ((student_id, _), (before, after)) in &answers {
        if let (Some(before), Some(after)) = (before, after) {
            changes_by_student
                .entry(*student_id)
                .or_default()
                .push(after - before);
        }
    }
    let facts = students
        .iter()
        .map(|s| {
            let changes = changes_by_student.remove(&s.id).unwrap_or_default();
            StudentFacts {
                school_id: s.school_id,
                groups: [
                    s.gender.clone().unwrap_or_else(|| "Not reported".into()),
                    s.race_ethnicity
                        .clone()
                        .unwrap_or_else(|| "Not reported".into()),
                    yes_no(s.low_income),
                    yes_no(s.english_learner),
                    yes_no(s.disability),
                    yes_no(s.first_generation),
                    grade_group(s.grade),
                    school_names.get(&s.school_id).cloned().unwrap_or_default(),
                ],
                engaged: engaged.contains(&s.id),
                placed: placed.contains(&s.id),
                completed: completed.contains(&s.id),
                mentored: mentored.contains(&s.id),
                belonging_change: (!changes.is_empty())
                    .then(|| changes.iter().sum::<i32>() / changes.len() as i32),
            }
        })
        .collect();
    Ok(Cohort {
        district: district_sizes(db).await?,
        students,
        facts,
        applications,
        placements,
    })
}

/// Everything the scope's dashboard, export and outreach filters may show:
/// the cohort's counts per school, through the disclosure layer.
pub fn figures(cohort: &Cohort, period: &Period, threshold: usize) -> Figures {
    let months = period.months();
    let school_of: HashMap<i32, i32> = cohort
        .students
        .iter()
        .map(|s| (s.id, s.school_id))
        .collect();
    let mut by_school: BTreeMap<i32, Vec<[usize; 2]>> = BTreeMap::new();
    for (m, (start, next)) in months.iter().enumerate() {
        let within = |at: DateTime<Utc>| at.date_naive() >= *start && at.date_naive() < *next;
        let engaged: HashSet<i32> = cohort
            .applications
            .iter()
            .filter(|a| within(a.created_at))
            .map(|a| a.student_id)
            .collect();
        let placed: HashSet<i32> = cohort
            .placements
            .iter()
            .filter(|p| PlacementStatus::PLACED.contains(&p.status) && within(p.created_at))
            .map(|p| p.student_id)
            .collect();
        for (k, students) in [engaged, placed].iter().enumerate() {
            for student in students {
                if let Some(school) = school_of.get(student) {
                    by_school
                        .entry(*school)
                        .or_insert_with(|| vec![[0; 2]; months.len()])[m][k] += 1;
                }
            }
        }
    }
    let schools: Vec<(i32, String)> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    let mut counts = metrics::tally(
        &cohort.facts,
        &schools,
        &by_school,
        months.len(),
        &cohort.district,
    );
    // Months not begun yet are zeros anyone can know: no protection.
    let future = months
        .iter()
        .filter(|(start, _)| *start > period.today)
        .count();
    for school in &mut counts {
        school.future_months = future;
    }
    let labels: Vec<String> = months
        .iter()
        .map(|(start, _)| start.format("%Y-%m").to_string())
        .collect();
    disclosure::publish(threshold, &counts, &labels)
}

/// Where a student stands in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotEngaged,
    Applied,
    Placed,
    Completed,
}

impl Stage {
    pub fn of(facts: &StudentFacts) -> Self {
        match (facts.engaged, facts.placed, facts.completed) {
            (_, _, true) => Stage::Completed,
            (_, true, _) => Stage::Placed,
            (true, _, _) => Stage::Applied,
            _ => Stage::NotEngaged,
        }
    }

    /// The catalogue id of the stage's name.
    pub fn label_id(self) -> &'static str {
        match self {
            Stage::NotEngaged => "counselor-stage-not-engaged",
            Stage::Applied => "counselor-stage-applied",
            Stage::Placed => "counselor-stage-placed",
            Stage::Completed => "counselor-stage-completed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(key.to_owned())).ok()
    }

    /// The funnel stage whose count tells how many students of a group are
    /// at this stage or not (0 engaged, 1 placed, 2 completed).
    pub fn funnel_stage(self) -> usize {
        match self {
            Stage::NotEngaged | Stage::Applied => 0,
            Stage::Placed => 1,
            Stage::Completed => 2,
        }
    }
}

/// Filters of the student list.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ListFilter {
    pub status: String,
    pub grade: String,
    /// `dimension:group`, e.g. `low_income:Yes`.
    pub group: String,
}

/// A row of the student list.
#[derive(Debug, Clone, Serialize)]
pub struct StudentRow {
    pub id: i32,
    pub name: String,
    pub grade: i32,
    pub school: String,
    pub stage: &'static str,
    pub stage_key: Stage,
    pub claimed: bool,
    /// Marked priority for fair draws by a counselor of the school.
    pub priority: bool,
}

/// The students of the list, filtered. A filter by group (or by grade, the
/// grade dimension's groups) is refused unless the dashboard of the same
/// scope shows that group: a hidden group's list would give its size.
pub fn list(
    cohort: &Cohort,
    period: &Period,
    filter: &ListFilter,
    figures: &Figures,
    lang: Lang,
) -> AppResult<Vec<StudentRow>> {
    let hidden = || {
        AppError::BadRequest(t_args(
            lang,
            "stats-error-hidden-group",
            vec![("threshold", figures.threshold.into())],
        ))
    };
    let stage = match filter.status.as_str() {
        "" => None,
        key => Some(Stage::from_key(key).ok_or_else(|| {
            AppError::BadRequest(t_args(
                lang,
                "counselor-error-status",
                vec![("value", key.into())],
            ))
        })?),
    };
    let grade: Option<i32> = match filter.grade.as_str() {
        "" => None,
        g => Some(
            g.parse()
                .map_err(|_| AppError::BadRequest(t(lang, "counselor-error-grade")))?,
        ),
    };
    // With a status too, the list crosses the group with a stage: the
    // dashboard must show that stage for the group.
    let stage_index = stage.map(Stage::funnel_stage);
    if let Some(g) = grade
        && !figures.shows_group_stage(Dimension::Grade, &grade_group(g), stage_index)
    {
        return Err(hidden());
    }
    let group = match filter.group.split_once(':') {
        None if filter.group.is_empty() => None,
        Some((dimension, value)) => {
            let dimension = Dimension::from_key(dimension).ok_or_else(|| {
                AppError::BadRequest(t_args(
                    lang,
                    "counselor-error-group",
                    vec![("value", dimension.into())],
                ))
            })?;
            if !figures.shows_group_stage(dimension, value, stage_index) {
                return Err(hidden());
            }
            Some((
                Dimension::ALL
                    .iter()
                    .position(|d| *d == dimension)
                    .unwrap_or(0),
                value.to_owned(),
            ))
        }
        None => {
            return Err(AppError::BadRequest(
                "“group” must look like low_income:Yes.".into(),
            ));
        }
    };
    let names: HashMap<i32, &str> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    Ok(cohort
        .students
        .iter()
        .zip(&cohort.facts)
        .filter(|(s, f)| {
            stage.is_none_or(|st| Stage::of(f) == st) && grade.is_none_or(|g| s.grade == g)
        })
        .filter(|(_, f)| {
            group
                .as_ref()
                .is_none_or(|(i, value)| f.groups[*i] == *value)
        })
        .map(|(s, f)| StudentRow {
            id: s.id,
            name: format!("{} {}", s.first_name, s.last_name),
            grade: s.grade,
            school: names
                .get(&s.school_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            stage: Stage::of(f).label_id(),
            stage_key: Stage::of(f),
            claimed: s.user_id.is_some(),
            priority: s.priority,
        })
        .collect())
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
                        (
                            "hours",
                            (f64::from(h.quarter_hours) / 4.0).to_string().into(),
                        ),
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

/// For each of these students: how many open opportunities their own
/// default search (saved needs, grade, home ZIP and distance, as they see it
/// on /search) finds now, and the link to that search. Students with the
/// same defaults share one search.
pub async fn matching_now(
    state: &AppState,
    students: &[&student::Model],
) -> AppResult<HashMap<i32, (u64, String)>> {
    let ids: Vec<i32> = students.iter().map(|s| s.id).collect();
    let mut needs = profiles::service::saved_needs_of(&state.db, &ids).await?;
    // A few schools at most: the counselor's.
    let mut school_ids: Vec<i32> = students.iter().map(|s| s.school_id).collect();
    school_ids.sort_unstable();
    school_ids.dedup();
    let school_zips = profiles::service::school_zips_of(&state.db, &school_ids).await?;
    let mut totals: HashMap<String, u64> = HashMap::new();
    let mut found = HashMap::new();
    for student in students {
        let params = profiles::service::default_params(
            student,
            &needs.remove(&student.id).unwrap_or_default(),
            school_zips.get(&student.school_id).map(String::as_str),
        );
        let link = format!("/search?{}", params.to_query_string());
        let total = match totals.get(&link) {
            Some(total) => *total,
            None => {
                let query = SearchParams {
                    per_page: Some("1".into()),
                    ..params
                }
                .parse(today())
                .map_err(|e| AppError::BadRequest(e.message))?;
                let total = search::service::search(state, &query).await?.results.total;
                totals.insert(link.clone(), total);
                total
            }
        };
        found.insert(student.id, (total, link));
    }
    Ok(found)
}
