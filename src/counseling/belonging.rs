//! Belonging changes published once per school year (eyes16a F4).
//!
//! A live mean that moves with each new answer gives, read before and
//! after, that one student's change: ten answers at a mean of 1.0, then
//! eleven at 1.3, can only be a change of +4. So no page reads belonging
//! live. A school year's changes (placements whose "after" answer came in
//! that year) are taken once, by the first hourly run after the year
//! closed (`impact::published::spawn_worker`), per
//! school and student group, and never taken again. Only the means the
//! rules cleared then are kept (rule 4 on that moment's groups); every view
//! (a school's dashboard, its groups CSV, several schools, `/impact`) reads
//! those parts and clears them again by the usual rules (rule 4, and sums
//! of each school's shown parts), which can only hide more. A student
//! leaving the roster, or moving between groups or schools, changes nothing
//! taken, and a school added later gets no belonging for that year. The current year, and years
//! before the last closed one that were never taken, show no belonging
//! mean. Taking a year moves the data version of the schools taken, so
//! the counselor pages' remembered figures (`remembered`) are counted
//! afresh on the next page, not shown as "not shown" until they age out.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{belonging_year, school};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::{
    cohort,
    metrics::{self, GroupFacts},
    service::{Period, school_year_bounds},
};
use crate::{
    db,
    disclosure::{effective_threshold, suppress},
    error::AppResult,
};

/// The dimension of the row that marks a school's year as taken.
const TAKEN: i32 = -1;

/// Replaces the live belonging sums of `groups` (the period's schools)
/// with those taken for the period's year: a group, or a school, with
/// nothing taken has no answer.
pub async fn settle(
    db: &impl ConnectionTrait,
    period: &Period,
    groups: &mut [GroupFacts],
) -> AppResult<()> {
    let taken = belonging_year::Entity::find()
        .filter(belonging_year::Column::SchoolYear.eq(period.year))
        .filter(belonging_year::Column::SchoolId.is_in(period.schools.iter().map(|s| s.id)))
        .all(db)
        .await?;
    for g in groups.iter_mut() {
        let found = taken.iter().find(|t| {
            t.school_id == g.school_id
                && usize::try_from(t.dimension).ok() == Some(g.dimension)
                && t.group_key == g.group
        });
        (g.belonging_sum, g.belonging_answers) = match found {
            Some(t) => (t.change_sum, usize::try_from(t.answers).unwrap_or(0)),
            None => (0, 0),
        };
    }
    Ok(())
}

/// Takes `year`'s belonging changes for every school not yet taken, in one
/// transaction; how many schools it took. A year still running is never
/// taken.
///
/// Only the means the rules clear at that moment are kept (eyes17a F1):
/// rule 4 run again later, on the groups the roster has then, would miss a
/// small group that has since emptied (its students left, a flag was
/// corrected), see "the hidden groups hold no answer", and show the mean
/// beside it, which the school's own mean then gives that group's change
/// from. A mean hidden when the year was taken stays hidden: its row is
/// not kept, and a later reading can only hide more of what was shown.
///
/// A school added after the year was taken for the district gets no
/// belonging for it (eyes17a F2): its students' answers of that year were
/// given, and taken, at the schools they were at, and taking them again
/// under its name would count them twice and let the two be subtracted.
pub async fn take(
    db: &DatabaseConnection,
    year: i32,
    today: NaiveDate,
    threshold: usize,
) -> AppResult<usize> {
    prune(db, threshold).await?;
    if year >= super::service::school_year_of(today) {
        return Ok(0);
    }
    let done: Vec<i32> = belonging_year::Entity::find()
        .filter(belonging_year::Column::SchoolYear.eq(year))
        .filter(belonging_year::Column::Dimension.eq(TAKEN))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.school_id)
        .collect();
    let already_taken = !done.is_empty();
    let schools: Vec<school::Model> = school::Entity::find()
        .filter(school::Column::Id.is_not_in(done))
        .order_by_asc(school::Column::Id)
        .all(db)
        .await?;
    if schools.is_empty() {
        return Ok(0);
    }
    let (start, end) = school_year_bounds(year);
    if already_taken {
        return mark_taken_without_answers(db, year, &schools).await;
    }
    let period = Period {
        schools,
        year,
        from: start.date_naive(),
        to: end.date_naive(),
        rounded: false,
        today,
    };
    let txn = db::begin_write(db).await?;
    let live = cohort::live_groups(&txn, &period).await?;
    let cleared = cleared_means(&live.groups, &period.schools, threshold);
    let now = Utc::now();
    let mut rows: Vec<belonging_year::ActiveModel> = live
        .groups
        .iter()
        .filter(|g| g.belonging_answers > 0)
        .filter(|g| cleared.contains(&(g.school_id, g.dimension, g.group.clone())))
        .map(|g| belonging_year::ActiveModel {
            school_id: Set(g.school_id),
            school_year: Set(year),
            dimension: Set(i32::try_from(g.dimension).unwrap_or(i32::MAX)),
            group_key: Set(g.group.clone()),
            change_sum: Set(g.belonging_sum),
            answers: Set(i32::try_from(g.belonging_answers).unwrap_or(i32::MAX)),
            taken_at: Set(now),
            ..Default::default()
        })
        .collect();
    rows.extend(period.schools.iter().map(|s| taken_marker(s.id, year, now)));
    insert(&txn, rows).await?;
    // The remembered figures (`remembered`) of a school are used while its
    // data version stands; no trigger moves it for `belonging_year`, so a
    // page counted before the take would keep showing "not shown" for the
    // year until the cache aged out. Moved here, in the same transaction.
    move_versions(&txn, &period.schools).await?;
    txn.commit().await?;
    Ok(period.schools.len())
}

/// The (school, dimension, group) whose belonging mean the rules show on
/// these counts: each school on its own, as its view clears it.
fn cleared_means(
    groups: &[GroupFacts],
    schools: &[school::Model],
    threshold: usize,
) -> HashSet<(i32, usize, String)> {
    let named: Vec<(i32, String)> = schools.iter().map(|s| (s.id, s.name.clone())).collect();
    let counts = metrics::tally_groups(groups, &named, &BTreeMap::new(), 0);
    let mut cleared = HashSet::new();
    for ((school_id, _), counts) in named.iter().zip(&counts) {
        let pattern = suppress::school(effective_threshold(threshold), counts);
        for (dimension, (groups, shown)) in counts
            .dimensions
            .iter()
            .zip(&pattern.dimensions)
            .enumerate()
        {
            for (group, shown) in groups.iter().zip(shown) {
                if shown.belonging {
                    cleared.insert((*school_id, dimension, group.group.clone()));
                }
            }
        }
    }
    cleared
}

/// Drops the taken means no reading may show, from years taken before
/// only cleared means were kept (eyes17a F1): a mean of fewer answers than
/// the threshold, and in a dimension whose small means together hold
/// fewer, every mean of that dimension (the school's own stays). What is
/// left could only have been shown, each mean of the threshold at least,
/// so a group emptying later hides nothing that the means beside it would
/// give back. Years taken since hold only cleared means: nothing to drop.
async fn prune(db: &DatabaseConnection, threshold: usize) -> AppResult<()> {
    let threshold = i64::try_from(effective_threshold(threshold)).unwrap_or(i64::MAX);
    let school_dimension = metrics::Dimension::ALL
        .iter()
        .position(|d| *d == metrics::Dimension::School)
        .and_then(|d| i32::try_from(d).ok());
    let rows = belonging_year::Entity::find()
        .filter(belonging_year::Column::Dimension.gte(0))
        .all(db)
        .await?;
    let mut tables: BTreeMap<(i32, i32, i32), Vec<&belonging_year::Model>> = BTreeMap::new();
    for row in &rows {
        tables
            .entry((row.school_id, row.school_year, row.dimension))
            .or_default()
            .push(row);
    }
    let mut dropped: Vec<i32> = Vec::new();
    let mut schools: Vec<i32> = Vec::new();
    for (&(school_id, _, dimension), table) in &tables {
        let small: Vec<&&belonging_year::Model> = table
            .iter()
            .filter(|r| i64::from(r.answers) < threshold)
            .collect();
        let small_answers: i64 = small.iter().map(|r| i64::from(r.answers)).sum();
        if small.is_empty() {
            continue;
        }
        if Some(dimension) == school_dimension || small_answers >= threshold {
            dropped.extend(small.iter().map(|r| r.id));
        } else {
            dropped.extend(table.iter().map(|r| r.id));
        }
        schools.push(school_id);
    }
    if dropped.is_empty() {
        return Ok(());
    }
    // The tables are in school order: each school once.
    schools.dedup();
    let schools = school::Entity::find()
        .filter(school::Column::Id.is_in(schools))
        .all(db)
        .await?;
    let txn = db::begin_write(db).await?;
    belonging_year::Entity::delete_many()
        .filter(belonging_year::Column::Id.is_in(dropped))
        .exec(&txn)
        .await?;
    move_versions(&txn, &schools).await?;
    txn.commit().await?;
    Ok(())
}

/// Schools that came after the year was taken: taken, with no answers.
async fn mark_taken_without_answers(
    db: &DatabaseConnection,
    year: i32,
    schools: &[school::Model],
) -> AppResult<usize> {
    let now = Utc::now();
    let txn = db::begin_write(db).await?;
    insert(
        &txn,
        schools
            .iter()
            .map(|s| taken_marker(s.id, year, now))
            .collect(),
    )
    .await?;
    txn.commit().await?;
    Ok(schools.len())
}

/// The row that marks `school_id`'s `year` as taken.
fn taken_marker(school_id: i32, year: i32, now: DateTime<Utc>) -> belonging_year::ActiveModel {
    belonging_year::ActiveModel {
        school_id: Set(school_id),
        school_year: Set(year),
        dimension: Set(TAKEN),
        group_key: Set(String::new()),
        change_sum: Set(0),
        answers: Set(0),
        taken_at: Set(now),
        ..Default::default()
    }
}

/// Another server taking the same year at once: the first one's rows stay.
async fn insert(
    db: &impl ConnectionTrait,
    rows: Vec<belonging_year::ActiveModel>,
) -> AppResult<()> {
    belonging_year::Entity::insert_many(rows)
        .on_conflict_do_nothing_on([
            belonging_year::Column::SchoolId,
            belonging_year::Column::SchoolYear,
            belonging_year::Column::Dimension,
            belonging_year::Column::GroupKey,
        ])
        .exec(db)
        .await?;
    Ok(())
}

/// Moves the data version of each of `schools` (migration 27's
/// `stats_school_version`; a school with no row yet gets one).
async fn move_versions(db: &impl ConnectionTrait, schools: &[school::Model]) -> AppResult<()> {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
    let table = Alias::new("stats_school_version");
    let mut insert = Query::insert()
        .into_table(table.clone())
        .columns([Alias::new("school_id"), Alias::new("n")])
        .on_conflict(
            OnConflict::column(Alias::new("school_id"))
                .value(Alias::new("n"), Expr::col((table, Alias::new("n"))).add(1))
                .to_owned(),
        )
        .to_owned();
    for school in schools {
        insert.values_panic([school.id.into(), 1_i64.into()]);
    }
    if !schools.is_empty() {
        db.execute(&insert).await?;
    }
    Ok(())
}
