//! The public page's student figures, published once per school year: in
//! the summer after the year closes, the job below takes them from the data
//! as it then stands, and from then on every reader gets that same stored
//! row (`impact_year`). Reading never takes figures.
//!
//! Live figures would move with the roster: read on two days, around one
//! student joining, leaving or having a record corrected, the difference is
//! that student's groups; and every year's cohort is the roster as it stands,
//! so a closed year taken on demand would be one more snapshot of today's
//! roster to subtract from another. So a year is published only in the
//! summer right after it (`due`), once, by the job; the current year, and a
//! closed year the job did not publish then, show no student figures.

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use entity::impact_year;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, sea_query::OnConflict};
use serde::{Deserialize, Serialize};
use tokio::task::JoinHandle;

use super::service;
use crate::{
    counseling::service::school_year_of,
    db,
    disclosure::{Figures, Shown},
    error::AppResult,
};

/// What the page and the CSV show about a school year's students, each
/// number through `crate::disclosure` when it was taken. Stored as JSON and
/// read back for good: a field added here (or to `Figures`) needs
/// `#[serde(default)]`, or the years published before it stop reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentFigures {
    /// The funnel (cohort, engaged, placed, completed) and the groups.
    pub figures: Figures,
    /// Approved hours of placements started in the year, in whole hours.
    pub hours: Shown<i64>,
    /// Shares of the placements started in the year, in percent.
    pub paid_share: Shown<f64>,
    pub access_share: Shown<f64>,
    /// Employers' pledges for the year, and those met (counted on the
    /// students placed).
    pub commitments_made: usize,
    pub commitments_met: usize,
}

/// A closed year's student figures and the day they were taken.
#[derive(Debug, Clone, Serialize)]
pub struct Published {
    pub figures: StudentFigures,
    pub taken_on: NaiveDate,
}

/// The student figures of `year` as published: the stored row, if the year
/// was published; never taken here.
pub async fn students(db: &DatabaseConnection, year: i32) -> AppResult<Option<Published>> {
    match impact_year::Entity::find_by_id(year).one(db).await? {
        Some(row) => read(&row).map(Some),
        None => Ok(None),
    }
}

/// The school year the job publishes on `today`: the one that closed last,
/// while the summer after it lasts (August and September). A year missed
/// then stays unpublished: taken later, its cohort would be a later year's
/// roster.
pub fn due(today: NaiveDate) -> Option<i32> {
    let (starts, _) = crate::counseling::service::school_year_bounds(school_year_of(today));
    let summer_ends = starts
        .date_naive()
        .checked_add_months(chrono::Months::new(2))?;
    (today < summer_ends).then(|| school_year_of(today) - 1)
}

/// Takes `year`'s student figures as the data stands and stores them, unless
/// they are stored already (then the row stays as it is); true when this
/// call stored them. `year` must be closed.
async fn freeze(
    db: &DatabaseConnection,
    year: i32,
    today: NaiveDate,
    threshold: usize,
) -> AppResult<bool> {
    // Every figure from one snapshot, so no two of them mix states.
    let snapshot = db::begin_read(db).await?;
    let figures = service::students_now(&snapshot, year, today, threshold).await?;
    snapshot.commit().await?;
    let json = serde_json::to_string(&figures).map_err(anyhow::Error::from)?;
    let stored = impact_year::Entity::insert(impact_year::ActiveModel {
        school_year: Set(year),
        figures: Set(json),
        taken_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(impact_year::Column::SchoolYear)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(stored == 1)
}

fn read(row: &impact_year::Model) -> AppResult<Published> {
    let figures = serde_json::from_str(&row.figures).map_err(anyhow::Error::from)?;
    Ok(Published {
        figures,
        taken_on: row.taken_at.date_naive(),
    })
}

/// Publishes the school year that closed last, if it is `due` and not yet
/// published: run every hour on the one server holding the job's lease, so
/// a year's figures are taken in the first hour after it ends, before the
/// summer's roster changes.
pub fn spawn_worker(db: DatabaseConnection, threshold: usize) -> JoinHandle<()> {
    tokio::spawn(async move {
        let period = Duration::from_secs(3600);
        let lease = crate::jobs::Lease::new("yearly-impact", period);
        // The first run an hour after start: a server starting is no reason
        // to publish, and a test's set-up must not find its years taken.
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            let today = crate::format::today();
            // The last closed year's belonging changes, taken once whenever
            // they were not: its answers are all in once it closed, and a
            // site that starts (or upgrades) in the autumn must not wait a
            // year for them.
            let closed = crate::counseling::service::school_year_of(today) - 1;
            if let Err(error) =
                crate::counseling::belonging::take(&db, closed, today, threshold).await
            {
                tracing::warn!(%error, "could not take the belonging changes of a closed year");
            }
            let Some(last) = due(today) else {
                continue;
            };
            match publish_closed(&db, last, today, threshold).await {
                Ok(false) => {}
                Ok(true) => tracing::info!(
                    year = last,
                    "published the impact figures of a closed school year"
                ),
                Err(error) => tracing::warn!(%error, "could not publish the impact figures"),
            }
        }
    })
}

/// Publishes `year` if it is not yet stored: a cheap look first, so the
/// hourly job counts nothing once the year is published.
pub async fn publish_closed(
    db: &DatabaseConnection,
    year: i32,
    today: NaiveDate,
    threshold: usize,
) -> AppResult<bool> {
    if year >= school_year_of(today)
        || impact_year::Entity::find_by_id(year)
            .one(db)
            .await?
            .is_some()
    {
        return Ok(false);
    }
    // Its belonging changes first: the figures read them as taken.
    crate::counseling::belonging::take(db, year, today, threshold).await?;
    freeze(db, year, today, threshold).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_year_is_due_only_in_the_summer_right_after_it_closes() {
        assert_eq!(due(day(2026, 7, 31)), None, "2025-26 still running");
        assert_eq!(due(day(2026, 8, 1)), Some(2025));
        assert_eq!(due(day(2026, 9, 30)), Some(2025));
        assert_eq!(due(day(2026, 10, 1)), None, "missed: never published");
        assert_eq!(due(day(2027, 3, 1)), None);
        assert_eq!(due(day(2027, 8, 1)), Some(2026));
    }
}
