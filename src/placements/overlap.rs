//! What one student may hold at once. Two placements whose days and hours
//! clash are never both held (see [`clash`]): accepting an offer, taking a
//! first-come seat, a draw's seat and a seat from the wait list all ask
//! [`clashing`] first. And the daily cap on hours counts every placement of
//! the student, when they log hours and when an employer approves them
//! ([`day_logged`], [`MAX_HOURS_PER_DAY`]). Both read under the student's
//! row lock ([`lock_student`]), so two requests on two placements of one
//! student (two tabs, two employers) run one after the other.

use chrono::NaiveDate;
use entity::{
    HoursStatus, OpportunityKind, PlacementStatus, hour_log, opportunity, placement, student,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    error::{AppError, AppResult, OrNotFound},
    format::time_in,
    i18n::{self, Message},
};

/// Most hours a student may log for one day, over all their placements.
pub const MAX_HOURS_PER_DAY: i32 = 12;

/// Locks the student's row until the transaction ends (PostgreSQL; SQLite
/// write transactions are exclusive already), so the checks below see any
/// other write about the same student that got there first. Taken last,
/// after the posting's, its organization's and a placement's locks, as
/// every path takes them, so no two requests wait on each other in a cycle.
pub async fn lock_student(db: &impl ConnectionTrait, student_id: i32) -> AppResult<()> {
    student::Entity::find_by_id(student_id)
        .lock_exclusive()
        .one(db)
        .await?
        .or_not_found()?;
    Ok(())
}

/// Takes the whole of each of its days: an internship or an apprenticeship.
fn takes_the_days(kind: OpportunityKind) -> bool {
    matches!(
        kind,
        OpportunityKind::Internship | OpportunityKind::Apprenticeship
    )
}

/// The rule, in one place. Two postings clash when they share a day and
/// - both are internships or apprenticeships: one at a time, whatever the
///   hours (their schedules are agreed with the employer, not set here);
/// - or both have set hours (a job shadow's time of day, the same on each
///   of its days) and those hours overlap on the shared days.
///
/// So a job-shadow day or a virtual experience during an internship is
/// allowed: the internship has no set hours on STEMbridge, and the student
/// arranges that day with the employer. Two job shadows on one day are
/// allowed one after the other (9:00-12:00 and 13:00-16:00), not at once.
pub fn clash(
    a: &opportunity::Model,
    a_days: (NaiveDate, NaiveDate),
    b: &opportunity::Model,
    b_days: (NaiveDate, NaiveDate),
) -> bool {
    let share_a_day = a_days.0 <= b_days.1 && b_days.0 <= a_days.1;
    if !share_a_day {
        return false;
    }
    if takes_the_days(a.kind) && takes_the_days(b.kind) {
        return true;
    }
    match (a.start_time.zip(a.end_time), b.start_time.zip(b.end_time)) {
        (Some((a_from, a_to)), Some((b_from, b_to))) => a_from < b_to && b_from < a_to,
        _ => false,
    }
}

/// A placement the student holds that clashes with a posting.
pub struct Clash {
    pub placement_id: i32,
    pub posting: opportunity::Model,
    pub organization: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Clash {
    /// Why the posting cannot be held beside this placement, for the
    /// student, naming the placement.
    pub fn message(&self) -> Message {
        let lang = i18n::current();
        let message = match self.posting.start_time.zip(self.posting.end_time) {
            Some((start, end)) if !takes_the_days(self.posting.kind) => {
                Message::new("placements-clash-hours")
                    .arg("start", time_in(lang, start))
                    .arg("end", time_in(lang, end))
            }
            _ => Message::new("placements-clash-dates"),
        };
        // One day, or "from to".
        let days = if self.from == self.to {
            i18n::long_date(lang, self.from)
        } else {
            i18n::t_args(
                lang,
                "opportunity-range",
                vec![
                    ("from", i18n::long_date(lang, self.from).into()),
                    ("to", i18n::long_date(lang, self.to).into()),
                ],
            )
        };
        message
            .arg("title", self.posting.title.as_str())
            .arg("organization", self.organization.as_str())
            .arg("days", days)
    }

    /// The refusal: a 409 with [`Clash::message`].
    pub fn refusal(&self) -> AppError {
        AppError::Conflict(self.message().render(i18n::current()))
    }
}

/// The first placement student `student_id` holds (waiting for consent or
/// active) that clashes with `posting`, if any. The caller holds the
/// student's lock ([`lock_student`]). A student holds few placements, so
/// the ones sharing a day are read and the rule applied to each.
pub async fn clashing(
    db: &impl ConnectionTrait,
    student_id: i32,
    posting: &opportunity::Model,
) -> AppResult<Option<Clash>> {
    let held = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(student_id))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        .filter(placement::Column::OpportunityId.ne(posting.id))
        .filter(placement::Column::StartDate.lte(posting.end_date))
        .filter(placement::Column::EndDate.gte(posting.start_date))
        .order_by_asc(placement::Column::StartDate)
        .all(db)
        .await?;
    // Their postings in one read (a student's few placements).
    let postings: std::collections::HashMap<i32, opportunity::Model> = opportunity::Entity::find()
        .filter(opportunity::Column::Id.is_in(held.iter().map(|p| p.opportunity_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    for placement in held {
        let Some(other) = postings.get(&placement.opportunity_id).cloned() else {
            continue;
        };
        let days = (placement.start_date, placement.end_date);
        if clash(
            posting,
            (posting.start_date, posting.end_date),
            &other,
            days,
        ) {
            let organization =
                crate::organizations::service::name_of(db, other.organization_id).await?;
            return Ok(Some(Clash {
                placement_id: placement.id,
                posting: other,
                organization,
                from: placement.start_date,
                to: placement.end_date,
            }));
        }
    }
    Ok(None)
}

/// Locks the student and refuses `posting` when it clashes with a
/// placement they hold: the check every way of taking a place runs.
pub async fn refuse_clash(
    db: &impl ConnectionTrait,
    student_id: i32,
    posting: &opportunity::Model,
) -> AppResult<()> {
    lock_student(db, student_id).await?;
    match clashing(db, student_id, posting).await? {
        Some(clash) => Err(clash.refusal()),
        None => Ok(()),
    }
}

/// One hours entry of the student's day, with the posting it was logged on.
pub struct DayEntry {
    pub entry: hour_log::Model,
    pub title: String,
}

/// Every entry the student logged for `day` on any of their placements
/// that counts towards the cap (`statuses`: pending and approved when
/// logging, approved when approving), oldest first.
pub async fn day_logged(
    db: &impl ConnectionTrait,
    student_id: i32,
    day: NaiveDate,
    statuses: &[HoursStatus],
) -> AppResult<Vec<DayEntry>> {
    let rows: Vec<(hour_log::Model, Option<opportunity::Model>)> = hour_log::Entity::find()
        .join(
            JoinType::InnerJoin,
            hour_log::Entity::belongs_to(placement::Entity)
                .from(hour_log::Column::PlacementId)
                .to(placement::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            placement::Entity::belongs_to(opportunity::Entity)
                .from(placement::Column::OpportunityId)
                .to(opportunity::Column::Id)
                .into(),
        )
        .filter(placement::Column::StudentId.eq(student_id))
        .filter(hour_log::Column::WorkDate.eq(day))
        .filter(hour_log::Column::Status.is_in(statuses.iter().copied()))
        .order_by_asc(hour_log::Column::Id)
        .select_also(opportunity::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(entry, posting)| DayEntry {
            entry,
            title: posting.map(|p| p.title).unwrap_or_default(),
        })
        .collect())
}

/// Quarter hours in all of `entries`.
pub fn quarters_of(entries: &[DayEntry]) -> i32 {
    entries.iter().map(|e| e.entry.quarter_hours).sum()
}

/// The titles of the other placements among `entries` (not `placement_id`),
/// each once, quoted and joined for a message ("“Lab day”, “Bridge
/// shadow”"); empty when there are none.
pub fn others_named(entries: &[DayEntry], placement_id: i32) -> String {
    let lang = i18n::current();
    let mut titles: Vec<&str> = Vec::new();
    for entry in entries
        .iter()
        .filter(|e| e.entry.placement_id != placement_id)
    {
        if !titles.contains(&entry.title.as_str()) {
            titles.push(&entry.title);
        }
    }
    titles
        .iter()
        .map(|title| i18n::t_args(lang, "form-quoted", vec![("text", (*title).into())]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `quarters` more on top of `entries` goes past the daily cap.
pub fn over_the_cap(entries: &[DayEntry], quarters: i32) -> bool {
    quarters_of(entries) + quarters > MAX_HOURS_PER_DAY * 4
}
