//! The cohort of a period, counted and listed by the database: one row of
//! facts per student (engaged, placed, mentored, completed, belonging
//! change) built as
//! a subquery, then grouped (`GROUP BY`) for the dashboard or paged
//! (`LIMIT`/`OFFSET`) for the lists. No query carries an id list that grows
//! with the roster (the school ids are the counselor's few schools), and no
//! table is loaded into Rust to be counted.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveTime;
use entity::{PlacementStatus, application, belonging_response, placement, school, student};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QuerySelect, QueryTrait,
    sea_query::{
        Alias, CaseStatement, Expr, ExprTrait, Func, IntoTableRef, JoinType, Order, Query,
        SelectStatement, SimpleExpr,
    },
};
use serde::{Deserialize, Serialize};

use super::{
    metrics::{self, Dimension, GroupFacts},
    service::{Period, grade_group, yes_no},
};
use crate::{
    disclosure::{self, Figures, SchoolView},
    error::{AppError, AppResult},
    i18n::{Lang, t, t_args},
    paging::{self, Paging},
};

/// Everything the dashboard counts about the cohort in the period, already
/// grouped by the database.
pub struct Cohort {
    /// Each school's groups of every dimension, with their counts.
    pub groups: Vec<GroupFacts>,
    /// Each school's engaged and placed students per month of the period;
    /// `None` when the page shows no trend (the trend's suppression never
    /// changes what the groups show, so the lists can leave it out).
    pub months: Option<BTreeMap<i32, Vec<[usize; 2]>>>,
}

/// The counselor's schools (a handful, never the students).
fn school_ids(period: &Period) -> Vec<i32> {
    period.schools.iter().map(|s| s.id).collect()
}

/// The roster columns of the student groups the dashboard compares, in
/// `Dimension::ALL` order (grade and school, the last two, are read apart).
const GROUP_COLUMNS: [student::Column; 6] = [
    student::Column::Gender,
    student::Column::RaceEthnicity,
    student::Column::LowIncome,
    student::Column::EnglishLearner,
    student::Column::Disability,
    student::Column::FirstGeneration,
];

/// `table.student_id = student.id`: ties a subquery to the outer student.
fn of_this_student(table: impl sea_orm::sea_query::IntoIden + 'static) -> SimpleExpr {
    Expr::col((table, Alias::new("student_id"))).equals((student::Entity, student::Column::Id))
}

/// The alias of the per-student facts in the outer queries.
fn f(column: &'static str) -> Expr {
    Expr::col((Alias::new("f"), Alias::new(column)))
}

/// `SELECT 1` from the outer student's rows of `table` whose `at` falls in
/// the period: a probe of `facts_select`, which may add conditions.
fn probe<E: EntityTrait>(period: &Period, table: E, at: E::Column) -> sea_orm::Select<E> {
    let (start, end) = period.bounds();
    E::find()
        .select_only()
        .expr(Expr::val(1))
        .filter(of_this_student(table))
        .filter(at.gte(start))
        .filter(at.lt(end))
}

/// One row per active student of the period's schools: the roster columns
/// plus `engaged`, `placed`, `mentored`, `completed` (as `Period` defines
/// them), each probed per student: cheap for the one page a list reads.
fn facts_select(period: &Period) -> SelectStatement {
    use student::Column as C;
    let applied = probe(period, application::Entity, application::Column::CreatedAt).into_query();
    let placed_in_period = probe(period, placement::Entity, placement::Column::CreatedAt)
        .filter(placement::Column::Status.is_in(PlacementStatus::PLACED));
    // Placed with a named mentor: a placement that counts as placed names one.
    let mentored = placed_in_period
        .clone()
        .filter(placement::Column::MentorName.is_not_null())
        .into_query();
    let placed = placed_in_period.into_query();
    let completed = probe(period, placement::Entity, placement::Column::EndedAt)
        .filter(placement::Column::Status.eq(PlacementStatus::Completed))
        .into_query();
    student::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::SchoolId,
            C::FirstName,
            C::LastName,
            C::Grade,
            C::UserId,
            C::SourcedId,
        ])
        .columns(GROUP_COLUMNS)
        .column(C::Priority)
        .expr_as(Expr::exists(applied), "engaged")
        .expr_as(Expr::exists(placed), "placed")
        .expr_as(Expr::exists(mentored), "mentored")
        .expr_as(Expr::exists(completed), "completed")
        .filter(C::SchoolId.is_in(school_ids(period)))
        .filter(C::Active.eq(true))
        .into_query()
}

/// `student_id IN (the scope's active students)` when `only_scope`, else
/// no condition (the scope's schools are a handful of ids; the students
/// stay a subquery).
fn in_scope(
    period: &Period,
    only_scope: bool,
    column: impl sea_orm::sea_query::IntoColumnRef,
) -> Condition {
    if !only_scope {
        return Condition::all();
    }
    let students = Query::select()
        .column(student::Column::Id)
        .from(student::Entity)
        .and_where(student::Column::SchoolId.is_in(school_ids(period)))
        .and_where(student::Column::Active.eq(true))
        .to_owned();
    Condition::all().add(Expr::col(column).in_subquery(students))
}

/// The students (`student_id`, once each) of the rows of `table` whose
/// `at` falls in the period, of the scope's students when `only_scope`:
/// a grouped table of `facts_joined`, which may add columns and conditions.
fn per_student(
    period: &Period,
    only_scope: bool,
    table: impl IntoTableRef,
    student_id: impl ColumnTrait,
    at: impl ColumnTrait,
) -> SelectStatement {
    let (start, end) = period.bounds();
    Query::select()
        .column(student_id)
        .from(table)
        .and_where(at.gte(start))
        .and_where(at.lt(end))
        .cond_where(in_scope(period, only_scope, student_id))
        .group_by_col(student_id)
        .to_owned()
}

/// The same facts as `facts_select`, plus the belonging change, for the
/// whole cohort at once: each table is grouped by student once (`GROUP BY student_id`) and
/// joined to the roster, instead of probing it once per student. The
/// dashboard reads every student of its scope (50,000 at district size),
/// where one pass over the period's rows costs far less than 50,000 probes of
/// each table; the lists, which read one page, keep the per-student probes.
///
/// With `only_scope`, each grouped table keeps only the scope's students
/// (`student_id IN (SELECT id FROM student WHERE school_id IN ...)`): a
/// counselor's school reads a tenth of a district's rows. For every school
/// the filter only costs, so the caller leaves it out.
fn facts_joined(period: &Period, only_scope: bool) -> SelectStatement {
    use belonging_response::Column as B;
    use student::Column as C;
    let engaged = per_student(
        period,
        only_scope,
        application::Entity,
        application::Column::StudentId,
        application::Column::CreatedAt,
    );
    // Placed in the period, and how many of those placements name a mentor.
    let mut placed = per_student(
        period,
        only_scope,
        placement::Entity,
        placement::Column::StudentId,
        placement::Column::CreatedAt,
    );
    placed
        .expr_as(
            Func::count(Expr::col(placement::Column::MentorName)),
            Alias::new("mentors"),
        )
        .and_where(placement::Column::Status.is_in(PlacementStatus::PLACED));
    let mut completed = per_student(
        period,
        only_scope,
        placement::Entity,
        placement::Column::StudentId,
        placement::Column::EndedAt,
    );
    completed.and_where(placement::Column::Status.eq(PlacementStatus::Completed));
    // Belonging changes of the period: each placement with a before answer
    // and an after answer given in the school year (`super::belonging`
    // takes them once the year has closed).
    let (year_starts, year_ends) = period.bounds();
    let later = Alias::new("later");
    let belonging = Query::select()
        .column((belonging_response::Entity, B::StudentId))
        .expr_as(
            Func::sum(
                Expr::col((later.clone(), B::Score))
                    .sub(Expr::col((belonging_response::Entity, B::Score))),
            ),
            Alias::new("change_sum"),
        )
        .expr_as(
            Func::count(Expr::col((later.clone(), B::Score))),
            Alias::new("change_count"),
        )
        .from(belonging_response::Entity)
        .join_as(
            JoinType::InnerJoin,
            belonging_response::Entity,
            later.clone(),
            Condition::all()
                .add(
                    Expr::col((later.clone(), B::StudentId))
                        .equals((belonging_response::Entity, B::StudentId)),
                )
                .add(
                    Expr::col((later.clone(), B::PlacementId))
                        .equals((belonging_response::Entity, B::PlacementId)),
                )
                .add(Expr::col((later.clone(), B::Stage)).eq("after"))
                .add(Expr::col((later.clone(), B::CreatedAt)).gte(year_starts))
                .add(Expr::col((later.clone(), B::CreatedAt)).lt(year_ends)),
        )
        .and_where(Expr::col((belonging_response::Entity, B::Stage)).eq("before"))
        .cond_where(in_scope(
            period,
            only_scope,
            (belonging_response::Entity, B::StudentId),
        ))
        .group_by_col((belonging_response::Entity, B::StudentId))
        .to_owned();
    let [e, p, c, b] = ["e", "p", "c", "b"].map(Alias::new);
    let of = |alias: &Alias, column: &'static str| Expr::col((alias.clone(), Alias::new(column)));
    let on = |alias: &Alias| {
        Condition::all().add(of(alias, "student_id").equals((student::Entity, C::Id)))
    };
    let mut query = Query::select();
    query
        .columns(
            [C::Id, C::SchoolId, C::Grade]
                .into_iter()
                .chain(GROUP_COLUMNS)
                .map(|column| (student::Entity, column)),
        )
        .expr_as(of(&e, "student_id").is_not_null(), Alias::new("engaged"))
        .expr_as(of(&p, "student_id").is_not_null(), Alias::new("placed"))
        .expr_as(of(&p, "mentors").gt(0), Alias::new("mentored"))
        .expr_as(of(&c, "student_id").is_not_null(), Alias::new("completed"))
        .expr_as(of(&b, "change_sum"), Alias::new("change_sum"))
        .expr_as(of(&b, "change_count"), Alias::new("change_count"))
        .from(student::Entity)
        .join_subquery(JoinType::LeftJoin, engaged, e.clone(), on(&e))
        .join_subquery(JoinType::LeftJoin, placed, p.clone(), on(&p))
        .join_subquery(JoinType::LeftJoin, completed, c.clone(), on(&c))
        .join_subquery(JoinType::LeftJoin, belonging, b.clone(), on(&b))
        .and_where(Expr::col((student::Entity, C::SchoolId)).is_in(school_ids(period)))
        .and_where(Expr::col((student::Entity, C::Active)).eq(true));
    query
}

/// The per-student facts (`facts_joined`) counted per dimension, all in
/// one statement that reads the facts once (`WITH f AS MATERIALIZED`):
/// each dimension's branch groups by `school_id` and its own column (`UNION
/// ALL`). A whole district gives a few hundred rows.
///
/// With `two_level` (SQLite), `g` first adds the students up per school and
/// combination of groups (the stages, mentors and belonging are sums,
/// never keys) and the branches sum `g`: SQLite sorts for every `GROUP BY`,
/// and one sort of the students plus eight of `g` cost less than eight of
/// the students (530 ms against 800 ms of CPU for 50,000 students in the
/// SQLite shell). PostgreSQL hashes each branch's groups straight from the
/// facts, while its sort for `g` spills to disk (1.4 s against 2.9 s on
/// the same district under load).
///
/// Each row names its dimension (`d`, the index in `Dimension::ALL`) and
/// its group in the column of the dimension's type (`label`, `flag` or
/// `grade`); the other two hold typed placeholders so that both databases
/// agree on the union's column types. Every sum is cast to `BIGINT`
/// (PostgreSQL's `SUM` of a `BIGINT` is a `NUMERIC`).
fn per_dimension_select(
    period: &Period,
    only_scope: bool,
    two_level: bool,
) -> sea_orm::sea_query::WithQuery {
    use sea_orm::sea_query::{CommonTableExpression, UnionType, WithClause};
    const KEYS: [&str; 8] = [
        "school_id",
        "gender",
        "race_ethnicity",
        "low_income",
        "english_learner",
        "disability",
        "first_generation",
        "grade",
    ];
    let big = |e: Expr| Expr::from(Func::cast_as(e, Alias::new("BIGINT")));
    let answered = || f("change_count").gt(0);
    let count_if = |column: &'static str| {
        Expr::from(Func::count(Expr::case(
            Condition::all().add(f(column)),
            f("id"),
        )))
    };
    // Each group's measures counted from the per-student facts.
    let counted = || -> [(&'static str, Expr); 7] {
        [
            ("students", f("id").count()),
            ("engaged", count_if("engaged")),
            ("placed", count_if("placed")),
            ("completed", count_if("completed")),
            // The mentor share's numerator.
            ("mentored", count_if("mentored")),
            // A student's change is the mean over their placements (in
            // whole points, as always); a group adds its students' changes.
            (
                "belonging_sum",
                big(Func::sum(Expr::case(
                    answered(),
                    f("change_sum").div(f("change_count")),
                ))
                .into()),
            ),
            (
                "belonging_answers",
                Func::count(Expr::case(answered(), f("change_count"))).into(),
            ),
        ]
    };
    let mut grouped = Query::select();
    for key in KEYS {
        grouped.expr_as(f(key), Alias::new(key));
        grouped.add_group_by([f(key)]);
    }
    for (name, measure) in counted() {
        grouped.expr_as(measure, Alias::new(name));
    }
    grouped.from(Alias::new("f"));
    // Each branch reads `g` (SQLite) or the facts themselves (PostgreSQL).
    let source = if two_level { "g" } else { "f" };
    let g = |column: &'static str| Expr::col((Alias::new(source), Alias::new(column)));
    let measures = || -> [(&'static str, Expr); 7] {
        if two_level {
            counted().map(|(name, _)| (name, big(Func::sum(g(name)).into())))
        } else {
            counted()
        }
    };
    let branch = |d: usize, dimension: Dimension| {
        // A dimension is grouped by one column: a label, a yes/no flag or
        // the grade; the school dimension by the school alone.
        let labelled = |c: &'static str| (g(c), Expr::val(false), Expr::val(0), Some(c));
        let flagged = |c: &'static str| (Expr::val(""), g(c), Expr::val(0), Some(c));
        let (label, flag, grade, key): (Expr, Expr, Expr, Option<&'static str>) = match dimension {
            Dimension::Gender => labelled("gender"),
            Dimension::RaceEthnicity => labelled("race_ethnicity"),
            Dimension::LowIncome => flagged("low_income"),
            Dimension::EnglishLearner => flagged("english_learner"),
            Dimension::Disability => flagged("disability"),
            Dimension::FirstGeneration => flagged("first_generation"),
            Dimension::Grade => (Expr::val(""), Expr::val(false), g("grade"), Some("grade")),
            Dimension::School => (Expr::val(""), Expr::val(false), Expr::val(0), None),
        };
        let mut query = Query::select();
        query
            .expr_as(
                Expr::val(i32::try_from(d).unwrap_or(i32::MAX)),
                Alias::new("d"),
            )
            .expr_as(g("school_id"), Alias::new("school_id"))
            .expr_as(label, Alias::new("label"))
            .expr_as(flag, Alias::new("flag"))
            .expr_as(grade, Alias::new("grade"));
        for (name, measure) in measures() {
            query.expr_as(measure, Alias::new(name));
        }
        query
            .from(Alias::new(source))
            .add_group_by([g("school_id")]);
        if let Some(key) = key {
            query.add_group_by([g(key)]);
        }
        query
    };
    let mut branches = Dimension::ALL
        .iter()
        .copied()
        .enumerate()
        .map(|(d, dimension)| branch(d, dimension));
    let mut query = branches.next().unwrap_or_else(Query::select);
    for next in branches {
        query.union(UnionType::All, next);
    }
    let cte = |name: &str, select: SelectStatement| {
        CommonTableExpression::new()
            .query(select)
            .table_name(Alias::new(name))
            .materialized(true)
            .to_owned()
    };
    let mut with = WithClause::new();
    with.cte(cte("f", facts_joined(period, only_scope)));
    if two_level {
        with.cte(cte("g", grouped));
    }
    query.with(with)
}

/// One row of `per_dimension_select`.
#[derive(Debug, FromQueryResult)]
struct DimensionRow {
    d: i32,
    school_id: i32,
    label: Option<String>,
    flag: Option<bool>,
    grade: Option<i32>,
    students: i64,
    engaged: i64,
    placed: i64,
    completed: i64,
    mentored: i64,
    belonging_sum: Option<i64>,
    belonging_answers: i64,
}

/// Each school's engaged and placed students per month of the period: for
/// applications, then placements, one pass over the period's rows that
/// names each row's month (a `CASE` over the month bounds), grouped by
/// school and month with `COUNT(DISTINCT student_id)`.
async fn months(
    db: &impl ConnectionTrait,
    period: &Period,
) -> AppResult<BTreeMap<i32, Vec<[usize; 2]>>> {
    let months = period.months();
    let (start, end) = period.bounds();
    let mut by_school: BTreeMap<i32, Vec<[usize; 2]>> = BTreeMap::new();
    for (k, name) in ["application", "placement"].into_iter().enumerate() {
        let table = Alias::new(name);
        let at = || Expr::col((table.clone(), Alias::new("created_at")));
        // Rows are within the period, so each falls before one month's end.
        let mut month = CaseStatement::new();
        for (m, (_, next)) in months.iter().enumerate() {
            let m = i32::try_from(m).unwrap_or(i32::MAX);
            month = month.case(at().lt(next.and_time(NaiveTime::MIN).and_utc()), m);
        }
        let mut rows = Query::select();
        rows.column((student::Entity, student::Column::SchoolId))
            .column((table.clone(), Alias::new("student_id")))
            .expr_as(month, Alias::new("m"))
            // The scope's students first, then each one's rows through its
            // `(student_id, ...)` index: SQLite keeps a `CROSS JOIN`'s order,
            // where an inner join let it read the whole district's rows of
            // the period by date and look up each one's student (one school:
            // 44 -> 12 ms of CPU in the SQLite shell). PostgreSQL plans it as
            // the inner join it is. The condition must be in `WHERE`:
            // sea-query's `join(JoinType::CrossJoin, ..)` drops its `ON`
            // condition, which made an earlier try of this count every
            // student of the district who applied in each month.
            .from(student::Entity)
            .cross_join(table.clone())
            .and_where(
                Expr::col((table.clone(), Alias::new("student_id")))
                    .equals((student::Entity, student::Column::Id)),
            )
            .and_where(student::Column::SchoolId.is_in(school_ids(period)))
            .and_where(student::Column::Active.eq(true))
            .and_where(at().gte(start))
            .and_where(at().lt(end));
        if k == 1 {
            rows.and_where(placement::Column::Status.is_in(PlacementStatus::PLACED));
        }
        let r = Alias::new("r");
        let of = |column: &'static str| Expr::col((r.clone(), Alias::new(column)));
        let query = Query::select()
            .expr_as(of("school_id"), Alias::new("school_id"))
            .expr_as(of("m"), Alias::new("m"))
            .expr_as(Func::count_distinct(of("student_id")), Alias::new("n"))
            .from_subquery(rows, r.clone())
            .add_group_by([of("school_id"), of("m")])
            .to_owned();
        for row in db.query_all(&query).await? {
            let school: i32 = row.try_get("", "school_id")?;
            let m: Option<i32> = row.try_get("", "m")?;
            let n: i64 = row.try_get("", "n")?;
            let counts = by_school
                .entry(school)
                .or_insert_with(|| vec![[0; 2]; months.len()]);
            if let Some(count) = m
                .and_then(|m| usize::try_from(m).ok())
                .and_then(|m| counts.get_mut(m))
            {
                count[k] = usize::try_from(n).unwrap_or(0);
            }
        }
    }
    Ok(by_school)
}

/// The cohort's counts for the period, grouped by the database, with the
/// trend's months (the dashboard).
pub async fn cohort(db: &impl ConnectionTrait, period: &Period) -> AppResult<Cohort> {
    let mut cohort = groups(db, period).await?;
    cohort.months = Some(months(db, period).await?);
    Ok(cohort)
}

/// The cohort's groups without the trend: what a list needs to know which
/// groups it may be filtered by (and what a group table export shows).
/// Their belonging changes are the year's as taken once it closed
/// (`super::belonging`), never the live ones.
pub async fn groups(db: &impl ConnectionTrait, period: &Period) -> AppResult<Cohort> {
    let mut cohort = live_groups(db, period).await?;
    super::belonging::settle(db, period, &mut cohort.groups).await?;
    Ok(cohort)
}

/// The groups as the data stands now, belonging included: only for taking
/// a closed year's belonging (`super::belonging::take`).
pub(super) async fn live_groups(db: &impl ConnectionTrait, period: &Period) -> AppResult<Cohort> {
    let school_names: HashMap<i32, String> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    // Every school of the district: no filter on the scope (it would only cost).
    let every_school = u64::try_from(period.schools.len()).unwrap_or(u64::MAX)
        >= school::Entity::find().count(db).await?;
    let rows = db
        .query_all(&per_dimension_select(
            period,
            !every_school,
            db.get_database_backend() == sea_orm::DbBackend::Sqlite,
        ))
        .await?;
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    let mut groups = Vec::with_capacity(rows.len());
    for row in rows {
        let g = DimensionRow::from_query_result(&row, "")?;
        let dimension = usize::try_from(g.d).unwrap_or(usize::MAX);
        let group = match Dimension::ALL.get(dimension) {
            Some(Dimension::Gender | Dimension::RaceEthnicity) => {
                g.label.unwrap_or_else(|| "Not reported".into())
            }
            Some(
                Dimension::LowIncome
                | Dimension::EnglishLearner
                | Dimension::Disability
                | Dimension::FirstGeneration,
            ) => yes_no(g.flag),
            Some(Dimension::Grade) => grade_group(g.grade.unwrap_or_default()),
            Some(Dimension::School) => school_names.get(&g.school_id).cloned().unwrap_or_default(),
            None => continue,
        };
        groups.push(GroupFacts {
            school_id: g.school_id,
            dimension,
            group,
            students: count(g.students),
            stages: [count(g.engaged), count(g.placed), count(g.completed)],
            mentored: count(g.mentored),
            belonging_sum: g.belonging_sum.unwrap_or(0),
            belonging_answers: count(g.belonging_answers),
        });
    }
    Ok(Cohort {
        groups,
        months: None,
    })
}

/// The period's schools' views (with the trend's months when `trend`),
/// counted by the database now.
pub async fn counted_views(
    db: &impl ConnectionTrait,
    period: &Period,
    threshold: usize,
    trend: bool,
) -> AppResult<Vec<SchoolView>> {
    let counted = if trend {
        cohort(db, period).await?
    } else {
        groups(db, period).await?
    };
    Ok(views(&counted, period, threshold))
}

/// The period's figures counted now, with nothing remembered (the
/// counselor pages go through `remembered`).
pub async fn figures(
    db: &impl ConnectionTrait,
    period: &Period,
    threshold: usize,
    trend: bool,
) -> AppResult<Figures> {
    let views = counted_views(db, period, threshold, trend).await?;
    let views: Vec<&SchoolView> = views.iter().collect();
    Ok(disclosure::publish_views(
        threshold,
        &views,
        &trend_months(period, trend),
    ))
}

/// The names of the trend's months (none without the trend).
pub fn trend_months(period: &Period, trend: bool) -> Vec<String> {
    if !trend {
        return Vec::new();
    }
    period
        .months()
        .iter()
        .map(|(start, _)| start.format("%Y-%m").to_string())
        .collect()
}

/// Each school's view of the period (in the period's order): its counts
/// through the disclosure layer, ready to be shown alone or added up with
/// other schools' (`disclosure::publish_views`). Without the months
/// (`groups`), the views have no trend.
pub fn views(cohort: &Cohort, period: &Period, threshold: usize) -> Vec<SchoolView> {
    let months = match cohort.months {
        Some(_) => period.months(),
        None => Vec::new(),
    };
    let schools: Vec<(i32, String)> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    let mut counts = metrics::tally_groups(
        &cohort.groups,
        &schools,
        cohort.months.as_ref().unwrap_or(&BTreeMap::new()),
        months.len(),
    );
    // Months not begun yet are zeros anyone can know: no protection.
    let future = months
        .iter()
        .filter(|(start, _)| *start > period.today)
        .count();
    counts
        .iter_mut()
        .map(|school| {
            school.future_months = future;
            SchoolView::of(threshold, school)
        })
        .collect()
}

entity::vocabulary! {
    /// Where a student stands in the period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Stage {
        NotEngaged = "not_engaged",
        Applied = "applied",
        Placed = "placed",
        Completed = "completed",
    }
}

impl Stage {
    pub fn of(engaged: bool, placed: bool, completed: bool) -> Self {
        match (engaged, placed, completed) {
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

    /// The funnel stage whose count tells how many students of a group are
    /// at this stage or not (0 engaged, 1 placed, 2 completed).
    pub fn funnel_stage(self) -> usize {
        match self {
            Stage::NotEngaged | Stage::Applied => 0,
            Stage::Placed => 1,
            Stage::Completed => 2,
        }
    }

    /// The facts' condition for a student at this stage (`Stage::of` in SQL).
    fn condition(self) -> Condition {
        let (engaged, placed, completed) = (f("engaged"), f("placed"), f("completed"));
        match self {
            Stage::Completed => Condition::all().add(completed),
            Stage::Placed => Condition::all().add(placed).add(completed.not()),
            Stage::Applied => Condition::all()
                .add(engaged)
                .add(placed.not())
                .add(completed.not()),
            Stage::NotEngaged => Condition::all()
                .add(engaged.not())
                .add(placed.not())
                .add(completed.not()),
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

impl ListFilter {
    /// The filter as an admin reads it in the audit log: `status=applied,
    /// grade=10` (or `no filter`).
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("status", &self.status),
            ("grade", &self.grade),
            ("group", &self.group),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
        if parts.is_empty() {
            "no filter".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// The columns a student list may show besides the names. A list
/// filtered by a group leaves out every column that would cross the group
/// with a cell the dashboard does not show: counting its rows would give
/// that cell, whatever the filters refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Columns {
    /// The grade: the dashboard never shows a grade by a group, so only an
    /// unfiltered list, a list by grade or status, or a grade group's list
    /// has it.
    pub grade: bool,
    /// The status (and what is open to a student not engaged yet, which
    /// tells that status): only where the dashboard shows the group's
    /// rates, or no group filters the list.
    pub status: bool,
}

impl Columns {
    /// Every column: a list that no group filters.
    pub const ALL: Columns = Columns {
        grade: true,
        status: true,
    };

    /// The columns of a list filtered by a group the dashboard shows.
    pub fn of_group(figures: &Figures, dimension: Dimension, group: &str) -> Columns {
        Columns {
            grade: dimension == Dimension::Grade,
            // The three stages are shown or hidden together; all three are
            // asked so that a change of that rule cannot open the column.
            status: (0..3).all(|stage| figures.shows_group_stage(dimension, group, Some(stage))),
        }
    }

    /// The catalogue's key for the sentence saying which columns are left
    /// out (`stats-outreach-left-out`), `None` when none is.
    pub fn left_out(self) -> Option<&'static str> {
        match (self.grade, self.status) {
            (true, true) => None,
            (false, true) => Some("grade"),
            (true, false) => Some("status"),
            (false, false) => Some("both"),
        }
    }
}

/// One page (or, for the export, all) of a student list, with the columns
/// it may show.
#[derive(Debug, Clone)]
pub struct StudentList {
    pub columns: Columns,
    pub rows: Vec<StudentRow>,
}

/// A row of the student list. A column the list leaves out (`Columns`) is
/// `None` in every row: it is never read from the database.
#[derive(Debug, Clone, Serialize)]
pub struct StudentRow {
    pub id: i32,
    pub name: String,
    /// `roster::service::student_ref`: tells namesakes apart.
    pub student_ref: String,
    pub grade: Option<i32>,
    pub school: String,
    pub stage: Option<&'static str>,
    pub stage_key: Option<Stage>,
    pub claimed: bool,
    /// Marked priority for fair draws by a counselor of the school.
    pub priority: bool,
}

/// A student of the list as the database gives it.
#[derive(Debug, FromQueryResult)]
struct ListRow {
    id: i32,
    school_id: i32,
    first_name: String,
    last_name: String,
    user_id: Option<i32>,
    priority: bool,
    sourced_id: Option<String>,
}

/// Where a student of the list stands: the facts of `facts_select`.
#[derive(Debug, FromQueryResult)]
struct RowFacts {
    id: i32,
    engaged: bool,
    placed: bool,
    completed: bool,
}

/// The condition on the facts' columns for one group of a dimension (the
/// labels `cohort` gives, read back).
fn group_condition(period: &Period, dimension: Dimension, value: &str) -> Condition {
    let nothing = || Condition::all().add(Expr::val(1).eq(0));
    let text = |column: &'static str| match value {
        "Not reported" => Condition::all().add(f(column).is_null()),
        value => Condition::all().add(f(column).eq(value)),
    };
    let yes_no = |column: &'static str| match value {
        "Yes" => Condition::all().add(f(column).eq(true)),
        "No" => Condition::all().add(f(column).eq(false)),
        "Not reported" => Condition::all().add(f(column).is_null()),
        _ => nothing(),
    };
    match dimension {
        Dimension::Gender => text("gender"),
        Dimension::RaceEthnicity => text("race_ethnicity"),
        Dimension::LowIncome => yes_no("low_income"),
        Dimension::EnglishLearner => yes_no("english_learner"),
        Dimension::Disability => yes_no("disability"),
        Dimension::FirstGeneration => yes_no("first_generation"),
        Dimension::Grade => match (6..=13).find(|g| grade_group(*g) == value) {
            Some(g) => Condition::all().add(f("grade").eq(g)),
            None => nothing(),
        },
        Dimension::School => {
            let ids: Vec<i32> = period
                .schools
                .iter()
                .filter(|s| s.name == value)
                .map(|s| s.id)
                .collect();
            Condition::all().add(f("school_id").is_in(ids))
        }
    }
}

/// The students of the list, filtered, one page of them (`paging`) or all
/// (`None`, for the export), by name. A filter by group (or by grade, the
/// grade dimension's groups) is refused unless the dashboard of the same
/// scope shows that group: a hidden group's list would give its size. A
/// grade and a group together are refused whatever their sizes. A list
/// filtered by a group leaves out the columns that would cross it with a
/// cell the dashboard hides (`Columns::of_group`).
pub async fn list(
    db: &impl ConnectionTrait,
    period: &Period,
    filter: &ListFilter,
    figures: &Figures,
    lang: Lang,
    paging: Option<&Paging>,
) -> AppResult<StudentList> {
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
    // The dashboard shows grades and groups, never a grade by a group: the
    // pair would be a cell of any size (and a status would cross it again).
    if grade.is_some() && !filter.group.is_empty() {
        return Err(AppError::BadRequest(t(lang, "stats-error-grade-and-group")));
    }
    // With a status too, the list crosses the group with a stage: the
    // dashboard must show that stage for the group.
    let stage_index = stage.map(Stage::funnel_stage);
    if let Some(g) = grade
        && !figures.shows_group_stage(Dimension::Grade, &grade_group(g), stage_index)
    {
        return Err(hidden());
    }
    let mut columns = Columns::ALL;
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
            columns = Columns::of_group(figures, dimension, value);
            Some(group_condition(period, dimension, value))
        }
        None => {
            return Err(AppError::BadRequest(t(lang, "counselor-error-group-shape")));
        }
    };
    // `sourced_id` too: `ListRow` reads a missing optional column as `None`,
    // which turned every SIS id into the record number.
    const ROSTER: [&str; 7] = [
        "id",
        "school_id",
        "first_name",
        "last_name",
        "user_id",
        "priority",
        "sourced_id",
    ];
    const FACTS: [&str; 4] = ["id", "engaged", "placed", "completed"];
    let mut query = Query::select();
    // A left-out column is not even read: no row can carry it. The order
    // (by name, then id) and the search (name or id) never touch one.
    query.exprs(ROSTER.map(f));
    if columns.grade {
        query.expr(f("grade"));
    }
    query
        .from_subquery(facts_select(period), Alias::new("f"))
        .order_by_expr(f("last_name"), Order::Asc)
        .order_by_expr(f("first_name"), Order::Asc)
        .order_by_expr(f("id"), Order::Asc);
    if let Some(stage) = stage {
        query.cond_where(stage.condition());
    }
    if let Some(g) = grade {
        query.and_where(f("grade").eq(g));
    }
    // A group's or a grade's list shows only what the dashboard shows about
    // it: the students of the schools its figures count, never those of a
    // school too small to be in them (eyes13d F1).
    if (group.is_some() || grade.is_some()) && !figures.left_out.is_empty() {
        let counted: Vec<i32> = period
            .schools
            .iter()
            .filter(|s| !figures.left_out.contains(&s.name))
            .map(|s| s.id)
            .collect();
        query.and_where(f("school_id").is_in(counted));
    }
    if let Some(group) = group {
        query.cond_where(group);
    }
    if let Some(paging) = paging {
        query.cond_where(name_or_id(paging));
        query.limit(paging.limit()).offset(paging.offset());
    } else if columns.status {
        // The export reads every student: one query, where the database
        // may check the facts in one pass over the period's rows.
        query.exprs(["engaged", "placed", "completed"].map(f));
    }
    let found = db.query_all(&query).await?;
    let mut facts: HashMap<i32, RowFacts> = HashMap::new();
    if !columns.status {
        // The list leaves the status out: no facts are read.
    } else if paging.is_none() {
        for row in &found {
            let r = RowFacts::from_query_result(row, "")?;
            facts.insert(r.id, r);
        }
    } else if !found.is_empty() {
        // A page: the facts of its students only (at most a page of ids),
        // checked per student through the indexes. Asked in the page's
        // query, PostgreSQL would read all the period's applications to
        // answer 50 rows (issue 16).
        let mut ids = Vec::with_capacity(found.len());
        for row in &found {
            ids.push(ListRow::from_query_result(row, "")?.id);
        }
        let mut of_page = Query::select();
        of_page
            .exprs(FACTS.map(f))
            .from_subquery(facts_select(period), Alias::new("f"))
            .and_where(f("id").is_in(ids));
        for row in db.query_all(&of_page).await? {
            let r = RowFacts::from_query_result(&row, "")?;
            facts.insert(r.id, r);
        }
    }
    let names: HashMap<i32, &str> = period
        .schools
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    let mut rows = Vec::new();
    for row in found {
        let s = ListRow::from_query_result(&row, "")?;
        let grade = if columns.grade {
            Some(row.try_get::<i32>("", "grade")?)
        } else {
            None
        };
        let stage = columns.status.then(|| {
            facts.get(&s.id).map_or(Stage::NotEngaged, |r| {
                Stage::of(r.engaged, r.placed, r.completed)
            })
        });
        rows.push(StudentRow {
            id: s.id,
            student_ref: crate::roster::service::student_ref(s.sourced_id.as_deref(), s.id),
            name: format!("{} {}", s.first_name, s.last_name),
            grade,
            school: names
                .get(&s.school_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            stage: stage.map(Stage::label_id),
            stage_key: stage,
            claimed: s.user_id.is_some(),
            priority: s.priority,
        });
    }
    Ok(StudentList { columns, rows })
}

/// The search of a student list: the id typed, or every word in the first
/// or the last name.
fn name_or_id(paging: &Paging) -> Condition {
    paging::name_or_id(paging, &[f("first_name"), f("last_name")], f("id"))
}
