//! The impact figures of a school year, counted by the database.

use chrono::NaiveDate;
use entity::{
    AccessNeed, Compensation, HoursStatus, OpportunityKind, PlacementStatus, StemField, WorkMode,
    hour_log, opportunity, opportunity_feature, placement, school,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};
use serde::Serialize;

use crate::{
    counseling::service::{self as counseling, Period, school_year_of},
    disclosure::{self, Figures, Shown},
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
    /// Students who started, and who completed, a placement (the funnel).
    pub figures: Figures,
    /// Approved hours of placements started in the year, in whole hours.
    pub hours: Shown<i64>,
    /// Shares of the placements started in the year, in percent.
    pub paid_share: Shown<f64>,
    pub access_share: Shown<f64>,
    pub commitments_made: usize,
    pub commitments_met: usize,
}

pub async fn impact(
    db: &impl ConnectionTrait,
    year: i32,
    today: NaiveDate,
    threshold: usize,
) -> AppResult<Impact> {
    let (start, end) = counseling::school_year_bounds(year);
    let from = start.date_naive();
    let to = end.date_naive().pred_opt().unwrap_or(from);
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

    // Placements started in the year, and those at paid or reachable postings.
    let started = || {
        placement::Entity::find()
            .filter(placement::Column::Status.is_in(PlacementStatus::HOLDING_A_SLOT))
            .filter(placement::Column::CreatedAt.gte(start))
            .filter(placement::Column::CreatedAt.lt(end))
    };
    let placements = started().count(db).await?;
    let paid_postings = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::Compensation.ne(Compensation::Unpaid))
        .into_query();
    let paid = started()
        .filter(placement::Column::OpportunityId.in_subquery(paid_postings))
        .count(db)
        .await?;
    let reachable_postings = opportunity_feature::Entity::find()
        .select_only()
        .column(opportunity_feature::Column::OpportunityId)
        .filter(
            opportunity_feature::Column::Feature
                .is_in([AccessNeed::TransitAccessible, AccessNeed::RemoteOk]),
        )
        .into_query();
    let remote_postings = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::Mode.eq(WorkMode::Remote))
        .into_query();
    let reachable = started()
        .filter(
            sea_orm::Condition::any()
                .add(placement::Column::OpportunityId.in_subquery(reachable_postings))
                .add(placement::Column::OpportunityId.in_subquery(remote_postings)),
        )
        .count(db)
        .await?;
    let started_ids = started()
        .select_only()
        .column(placement::Column::Id)
        .into_query();
    let quarters: Option<i64> = hour_log::Entity::find()
        .select_only()
        .column_as(hour_log::Column::QuarterHours.sum(), "q")
        .filter(hour_log::Column::Status.eq(HoursStatus::Approved))
        .filter(hour_log::Column::PlacementId.in_subquery(started_ids))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let hours = disclosure::alongside(&figures.funnel.placed, quarters.unwrap_or(0) / 4);
    let (commitments_made, commitments_met) =
        crate::commitments::service::made_and_met(db, year, threshold).await?;
    Ok(Impact {
        year,
        from,
        to,
        years: counseling::school_years(today),
        by_kind,
        by_field,
        by_feature,
        postings,
        hours,
        paid_share: disclosure::share(size(paid), size(placements), threshold),
        access_share: disclosure::share(size(reachable), size(placements), threshold),
        figures,
        commitments_made,
        commitments_met,
    })
}
