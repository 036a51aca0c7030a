//! The impact figures of a school year, counted by the database: the
//! postings as they stand, the students as [`published`] once the year
//! closed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use entity::{
    AccessNeed, Compensation, HoursStatus, OpportunityKind, PlacementStatus, StemField, WorkMode,
    commitment, hour_log, opportunity, opportunity_feature, placement, school, student,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    sea_query::{Alias, Expr, ExprTrait, Func, Query, SelectStatement},
};
use serde::Serialize;

use super::published::{self, Published, StudentFigures};
use crate::{
    counseling::service::{self as counseling, Period, school_year_of},
    db,
    disclosure::{self, Shown},
    error::{AppError, AppResult},
    i18n::{Lang, t_args},
};

/// The school year asked for: empty for the current one; any other, from
/// 2000 to the current one, named by the year it starts.
pub fn year(asked: Option<&str>, today: NaiveDate, lang: Lang) -> AppResult<i32> {
    let current = school_year_of(today);
    match asked.map(str::trim) {
        None | Some("") => Ok(current),
        Some(text) => text
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=current).contains(y))
            .ok_or_else(|| {
                AppError::BadRequest(t_args(
                    lang,
                    "impact-error-year",
                    vec![("last", current.into())],
                ))
            }),
    }
}

/// A count of postings under a key of a vocabulary.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub key: &'static str,
    pub count: u64,
}

/// Everything the page, its charts and its CSV show.
#[derive(Debug, Serialize)]
pub struct Impact {
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub years: Vec<i32>,
    pub by_kind: Vec<Tally>,
    pub by_field: Vec<Tally>,
    pub by_feature: Vec<Tally>,
    pub postings: u64,
    /// Employers' pledges for the year (not students: shown in every year).
    pub commitments_made: usize,
    /// The year's student figures as published once the year closed; none
    /// for the current year (see [`published`]).
    pub students: Option<Published>,
    /// The year is over (its figures were published in the summer after
    /// it, or never will be).
    pub closed: bool,
}

/// The impact page of `year`: postings as they stand, students as published.
pub async fn impact(db: &DatabaseConnection, year: i32, today: NaiveDate) -> AppResult<Impact> {
    let students = published::students(db, year).await?;
    // Every live figure from one snapshot, so no two of them mix states.
    let snapshot = db::begin_read(db).await?;
    let offers = offers(&snapshot, year).await?;
    let commitments_made = match &students {
        Some(published) => published.figures.commitments_made,
        None => commitment::Entity::find()
            .filter(commitment::Column::SchoolYear.eq(year))
            .count(&snapshot)
            .await
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))?,
    };
    snapshot.commit().await?;
    let (from, to) = days_of(year);
    Ok(Impact {
        year,
        from,
        to,
        years: counseling::school_years(today),
        by_kind: offers.by_kind,
        by_field: offers.by_field,
        by_feature: offers.by_feature,
        postings: offers.postings,
        commitments_made,
        students,
        closed: year < counseling::school_year_of(today),
    })
}

/// The first and the last day of a school year.
pub fn days_of(year: i32) -> (NaiveDate, NaiveDate) {
    let (start, end) = counseling::school_year_bounds(year);
    let from = start.date_naive();
    (from, end.date_naive().pred_opt().unwrap_or(from))
}

/// The postings offered in a school year, by kind, field and feature.
struct Offers {
    postings: u64,
    by_kind: Vec<Tally>,
    by_field: Vec<Tally>,
    by_feature: Vec<Tally>,
}

async fn offers(db: &impl ConnectionTrait, year: i32) -> AppResult<Offers> {
    let (start, end) = counseling::school_year_bounds(year);
    // Postings offered: published during the school year.
    let offered = || {
        opportunity::Entity::find()
            .filter(opportunity::Column::PublishedAt.gte(start))
            .filter(opportunity::Column::PublishedAt.lt(end))
    };
    let postings = offered().count(db).await?;
    let kinds: Vec<(OpportunityKind, i64)> = offered()
        .select_only()
        .column(opportunity::Column::Kind)
        .column_as(opportunity::Column::Id.count(), "n")
        .group_by(opportunity::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let fields: Vec<(StemField, i64)> = offered()
        .select_only()
        .column(opportunity::Column::Field)
        .column_as(opportunity::Column::Id.count(), "n")
        .group_by(opportunity::Column::Field)
        .into_tuple()
        .all(db)
        .await?;
    let offered_ids = || {
        offered()
            .select_only()
            .column(opportunity::Column::Id)
            .into_query()
    };
    let features: Vec<(AccessNeed, i64)> = opportunity_feature::Entity::find()
        .select_only()
        .column(opportunity_feature::Column::Feature)
        .column_as(opportunity_feature::Column::OpportunityId.count(), "n")
        .filter(opportunity_feature::Column::OpportunityId.in_subquery(offered_ids()))
        .group_by(opportunity_feature::Column::Feature)
        .into_tuple()
        .all(db)
        .await?;
    let tally = |keys: Vec<&'static str>, counted: Vec<(&'static str, i64)>| -> Vec<Tally> {
        keys.into_iter()
            .map(|key| Tally {
                key,
                count: counted
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0)),
            })
            .collect()
    };
    let by_kind = tally(
        OpportunityKind::KEYS.to_vec(),
        kinds.into_iter().map(|(k, n)| (k.key(), n)).collect(),
    );
    let by_field = tally(
        StemField::KEYS.to_vec(),
        fields.into_iter().map(|(k, n)| (k.key(), n)).collect(),
    );
    let by_feature = tally(
        AccessNeed::KEYS.to_vec(),
        features.into_iter().map(|(k, n)| (k.key(), n)).collect(),
    );

    Ok(Offers {
        postings,
        by_kind,
        by_field,
        by_feature,
    })
}

/// The student figures of a school year as they stand now: what
/// [`published`] freezes once the year has closed. Never shown live.
pub(super) async fn students_now(
    db: &impl ConnectionTrait,
    year: i32,
    today: NaiveDate,
    threshold: usize,
) -> AppResult<StudentFigures> {
    let (from, to) = days_of(year);
    // The funnel and the gaps: every school, the whole school year.
    let period = Period {
        schools: school::Entity::find()
            .order_by_asc(school::Column::Name)
            .all(db)
            .await?,
        year,
        from,
        to,
        rounded: false,
        today,
    };
    let figures = counseling::figures(db, &period, threshold, true).await?;

    // Placements started in the year, school by school: a counselor knows
    // each of their own school's placements, so a share or a total over
    // every school shows only when each school's part clears the rules.
    let parts = started_by_school(db, year).await?;
    let paid_share = disclosure::share_across(
        &parts
            .iter()
            .map(|p| (p.placements, p.paid))
            .collect::<Vec<_>>(),
        threshold,
    );
    let access_share = disclosure::share_across(
        &parts
            .iter()
            .map(|p| (p.placements, p.reachable))
            .collect::<Vec<_>>(),
        threshold,
    );
    let quarters = disclosure::total_across(
        &parts
            .iter()
            .map(|p| (p.students, p.quarters))
            .collect::<Vec<_>>(),
        threshold,
    );
    // Beside the placed students it is about, as before.
    let hours = match quarters.get() {
        Some(q) => disclosure::alongside(&figures.funnel.placed, q / 4),
        None => Shown::HIDDEN,
    };
    let (commitments_made, commitments_met) =
        crate::commitments::service::made_and_met(db, year, threshold).await?;
    Ok(StudentFigures {
        figures,
        hours,
        paid_share,
        access_share,
        commitments_made,
        commitments_met,
    })
}

/// One school's placements started in a school year (holding a seat).
#[derive(Debug, Default)]
struct Started {
    placements: usize,
    /// Students with one of them.
    students: usize,
    /// At paid postings.
    paid: usize,
    /// At postings reachable by transit, or remote.
    reachable: usize,
    /// Approved quarter hours logged on them.
    quarters: i64,
}

/// The year's started placements per school, counted by the database
/// (`GROUP BY` school), with their approved hours. The school is the
/// roster's, as each counselor knows their own part; the public sees only
/// sums over every school (frozen once the year closes), which no transfer
/// changes.
async fn started_by_school(db: &impl ConnectionTrait, year: i32) -> AppResult<Vec<Started>> {
    let (start, end) = counseling::school_year_bounds(year);
    let (p, o, s, f, h) = (
        placement::Entity,
        opportunity::Entity,
        student::Entity,
        opportunity_feature::Entity,
        hour_log::Entity,
    );
    let started = |query: &mut SelectStatement| {
        query
            .inner_join(
                s,
                Expr::col((s, student::Column::Id)).equals((p, placement::Column::StudentId)),
            )
            .and_where(
                Expr::col((p, placement::Column::Status))
                    .is_in(PlacementStatus::HOLDING_A_SLOT.map(|status| status.key())),
            )
            .and_where(Expr::col((p, placement::Column::CreatedAt)).gte(start))
            .and_where(Expr::col((p, placement::Column::CreatedAt)).lt(end))
            .group_by_col((s, student::Column::SchoolId))
            .to_owned()
    };
    let reachable_feature = Query::select()
        .expr(Expr::val(1))
        .from(f)
        .and_where(
            Expr::col((f, opportunity_feature::Column::OpportunityId))
                .equals((o, opportunity::Column::Id)),
        )
        .and_where(Expr::col((f, opportunity_feature::Column::Feature)).is_in([
            AccessNeed::TransitAccessible.key(),
            AccessNeed::RemoteOk.key(),
        ]))
        .to_owned();
    let when = |condition: Condition| Func::count(Expr::case(condition, Expr::val(1)));
    let placements = started(
        Query::select()
            .column((s, student::Column::SchoolId))
            .expr_as(
                Expr::col((p, placement::Column::Id)).count(),
                Alias::new("placements"),
            )
            .expr_as(
                Func::count_distinct(Expr::col((p, placement::Column::StudentId))),
                Alias::new("students"),
            )
            .expr_as(
                when(
                    Condition::all().add(
                        Expr::col((o, opportunity::Column::Compensation))
                            .ne(Compensation::Unpaid.key()),
                    ),
                ),
                Alias::new("paid"),
            )
            .expr_as(
                when(
                    Condition::any()
                        .add(Expr::col((o, opportunity::Column::Mode)).eq(WorkMode::Remote.key()))
                        .add(Expr::exists(reachable_feature)),
                ),
                Alias::new("reachable"),
            )
            .from(p)
            .inner_join(
                o,
                Expr::col((o, opportunity::Column::Id))
                    .equals((p, placement::Column::OpportunityId)),
            ),
    );
    let hours = started(
        Query::select()
            .column((s, student::Column::SchoolId))
            .expr_as(
                Func::sum(Expr::col((h, hour_log::Column::QuarterHours))),
                Alias::new("quarters"),
            )
            .from(h)
            .inner_join(
                p,
                Expr::col((p, placement::Column::Id)).equals((h, hour_log::Column::PlacementId)),
            )
            .and_where(Expr::col((h, hour_log::Column::Status)).eq(HoursStatus::Approved.key())),
    );
    let mut schools: BTreeMap<i32, Started> = BTreeMap::new();
    let size = |n: i64| usize::try_from(n).unwrap_or(0);
    for row in db.query_all(&placements).await? {
        let school: i32 = row.try_get("", "school_id")?;
        let part = schools.entry(school).or_default();
        part.placements = size(row.try_get("", "placements")?);
        part.students = size(row.try_get("", "students")?);
        part.paid = size(row.try_get("", "paid")?);
        part.reachable = size(row.try_get("", "reachable")?);
    }
    for row in db.query_all(&hours).await? {
        let school: i32 = row.try_get("", "school_id")?;
        let quarters: Option<i64> = row.try_get("", "quarters")?;
        schools.entry(school).or_default().quarters = quarters.unwrap_or(0);
    }
    Ok(schools.into_values().collect())
}
