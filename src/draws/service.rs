//! Fair draws: who enters, running a posting's draw exactly once, and what
//! students, employers and the public see of it.
//!
//! Exactly once: the posting's row is locked (`FOR UPDATE` on PostgreSQL;
//! SQLite write transactions are exclusive) and the draw claims it by
//! inserting its `draw` row, unique per posting, in the same transaction as
//! every seat and wait-list place it gives. A second trigger (another
//! click, another app server, the background job) waits for the lock, then
//! finds the row and does nothing; a draw that fails rolls back whole and
//! the next trigger runs it from scratch.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use entity::{
    Allocation, ApplicationStatus, OpportunityStatus, OrgStatus, PlacementStatus, application,
    draw, draw_entry, draw_seed, draw_ticket, opportunity, organization, placement, student,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use serde::Serialize;

use super::order::{self, Ticket};
use crate::{
    applications::service::slots_taken,
    auth::extractors::{CurrentUser, VerifiedEmployer},
    db,
    error::{AppError, AppResult, OrNotFound},
    i18n::{self, Message, t_args},
    notifications::notify,
    placements,
};

/// Whether a posting has any application (its allocation is then fixed).
pub async fn has_applications(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<bool> {
    Ok(application::Entity::find()
        .filter(application::Column::OpportunityId.eq(opportunity_id))
        .count(db)
        .await?
        > 0)
}

/// The draw of a posting, once run.
pub async fn of_posting(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
) -> AppResult<Option<draw::Model>> {
    Ok(draw::Entity::find()
        .filter(draw::Column::OpportunityId.eq(opportunity_id))
        .one(db)
        .await?)
}

/// Whether an application to `opportunity` is collected for a draw still to
/// come (rather than given a seat, or a wait-list place, at once).
pub async fn collects_entries(
    db: &impl ConnectionTrait,
    opportunity: &opportunity::Model,
) -> AppResult<bool> {
    Ok(opportunity.allocation == Allocation::FairDraw
        && of_posting(db, opportunity.id).await?.is_none())
}

/// What a trigger of a draw did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// This trigger ran it.
    Drew { seated: i32, waiting: i32 },
    /// It had run before: nothing changed.
    AlreadyDrawn,
}

/// 32 random bytes as 64 hexadecimal digits.
fn new_seed() -> String {
    rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Fixes the seed of a published fair-draw posting's draw unless it has
/// one: called wherever a posting is saved (created published, published,
/// or switched to a fair draw), so the seed is fixed before anyone can
/// enter. From then on the public record shows the seed's SHA-256.
pub async fn commit_seed_if_drawn(
    db: &impl ConnectionTrait,
    posting: &opportunity::Model,
) -> AppResult<()> {
    if posting.status != OpportunityStatus::Published || posting.allocation != Allocation::FairDraw
    {
        return Ok(());
    }
    draw_seed::Entity::insert(draw_seed::ActiveModel {
        opportunity_id: Set(posting.id),
        seed: Set(new_seed()),
        committed_at: Set(Utc::now()),
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await?;
    Ok(())
}

/// Gives an application entering the posting's draw its code, shown to its
/// student from now on; a code already given in this draw is drawn again
/// (the unique index decides, without aborting the transaction).
pub async fn issue_ticket(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
    application_id: i32,
    priority: bool,
) -> AppResult<()> {
    loop {
        let inserted = draw_ticket::Entity::insert(draw_ticket::ActiveModel {
            application_id: Set(application_id),
            opportunity_id: Set(opportunity_id),
            code: Set(new_code(&mut HashSet::new())),
            priority: Set(Some(priority)),
        })
        .on_conflict_do_nothing_on([
            draw_ticket::Column::OpportunityId,
            draw_ticket::Column::Code,
        ])
        .exec(db)
        .await?;
        if matches!(inserted, sea_orm::TryInsertResult::Inserted(_)) {
            return Ok(());
        }
    }
}

/// The tickets given to the posting's entries as they applied, by application.
async fn issued_tickets(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
) -> AppResult<HashMap<i32, draw_ticket::Model>> {
    Ok(draw_ticket::Entity::find()
        .filter(draw_ticket::Column::OpportunityId.eq(opportunity_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.application_id, t))
        .collect())
}

/// Twelve hexadecimal digits, unique within the draw.
fn new_code(taken: &mut HashSet<String>) -> String {
    loop {
        let code: String = rand::random::<[u8; 6]>()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if taken.insert(code.clone()) {
            return code;
        }
    }
}

/// Runs the draw of a fair-draw posting whose deadline has passed (the
/// deadline day itself still collects entries). Refused for a posting that
/// is not a fair draw or still collecting; a no-op when already drawn.
pub async fn run(
    db: &DatabaseConnection,
    opportunity_id: i32,
    today: NaiveDate,
    low_income_tier: bool,
) -> AppResult<Outcome> {
    let txn = db::begin_write(db).await?;
    let opportunity = opportunity::Entity::find_by_id(opportunity_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    if of_posting(&txn, opportunity.id).await?.is_some() {
        return Ok(Outcome::AlreadyDrawn);
    }
    if opportunity.allocation != Allocation::FairDraw {
        return Err(AppError::conflict("draws-error-not-fair-draw"));
    }
    // A suspended organization gets no students: its draw waits (and runs
    // if it is reinstated). The shared lock orders this read with a
    // suspension's update, so a suspension never misses the seats given.
    let organization = organization::Entity::find_by_id(opportunity.organization_id)
        .lock_shared()
        .one(&txn)
        .await?
        .or_not_found()?;
    if organization.status != OrgStatus::Verified {
        return Err(AppError::conflict("draws-error-org-not-verified"));
    }
    if opportunity.status == OpportunityStatus::Draft || opportunity.deadline >= today {
        let lang = i18n::current();
        return Err(AppError::Conflict(t_args(
            lang,
            "draws-error-not-due",
            vec![(
                "deadline",
                i18n::long_date(lang, opportunity.deadline).into(),
            )],
        )));
    }
    let submitted = application::Entity::find()
        .filter(application::Column::OpportunityId.eq(opportunity.id))
        .filter(application::Column::Status.eq(ApplicationStatus::Submitted))
        .order_by_asc(application::Column::Id)
        .all(&txn)
        .await?;
    // The entrants and whether each was ever placed, in two queries whatever their number.
    let entrant_ids = || {
        application::Entity::find()
            .select_only()
            .column(application::Column::StudentId)
            .filter(application::Column::OpportunityId.eq(opportunity.id))
            .filter(application::Column::Status.eq(ApplicationStatus::Submitted))
            .into_query()
    };
    let students: HashMap<i32, student::Model> = student::Entity::find()
        .filter(student::Column::Id.in_subquery(entrant_ids()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // Entrants who left the school since (inactive on the roster) cannot
    // take a seat: one drawn for them would wait for ever, and an active
    // student would wait behind them. They are drawn after everyone else
    // (below, `order::COULD_NOT_HOLD`).
    let (entries, mut left_out): (Vec<_>, Vec<_>) = submitted
        .into_iter()
        .partition(|a| students.get(&a.student_id).is_some_and(|s| s.active));
    // Entrants who hold a place that clashes with this one (two job shadows
    // at the same hours: `placements::overlap::clash`) could not hold a seat
    // drawn for them either: they are drawn after everyone else the same
    // way, so the seat goes to a student who can take it. Their students are locked
    // in one order (by id), so two draws at once never wait on each other.
    let mut entrant_order: Vec<i32> = entries.iter().map(|a| a.student_id).collect();
    entrant_order.sort_unstable();
    let mut clashing = HashSet::new();
    for student_id in entrant_order {
        placements::overlap::lock_student(&txn, student_id).await?;
        if placements::overlap::clashing(&txn, student_id, &opportunity)
            .await?
            .is_some()
        {
            clashing.insert(student_id);
        }
    }
    let (entries, held_elsewhere): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|a| !clashing.contains(&a.student_id));
    left_out.extend(held_elsewhere);
    let taken = slots_taken(&txn, opportunity.id).await?;
    let seats = (opportunity.slots - taken).max(0);
    // The seed fixed in advance; a posting from before seeds were fixed
    // draws one now.
    let seed = match draw_seed::Entity::find_by_id(opportunity.id)
        .one(&txn)
        .await?
    {
        Some(committed) => committed.seed,
        None => new_seed(),
    };
    let saved = draw::ActiveModel {
        opportunity_id: Set(opportunity.id),
        seed: Set(seed.clone()),
        seats: Set(seats),
        // Every application that entered, including those who could not
        // hold a seat: the employer's count is of applications (eyes16a F2).
        entries: Set(i32::try_from(entries.len() + left_out.len()).unwrap_or(i32::MAX)),
        low_income_tier: Set(low_income_tier),
        drawn_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let saved = match saved {
        Ok(saved) => saved,
        // Another server claimed it between our read and our insert.
        Err(e) if crate::db::unique_violation(&e) => {
            return Ok(Outcome::AlreadyDrawn);
        }
        Err(e) => return Err(e.into()),
    };

    // "Placed before" as the counselor dashboard counts placed: a placement
    // that is going ahead or went ahead, even if it ended early. One given
    // back, declined by a guardian or called off before it started is not.
    let placed_before: HashSet<i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::StudentId)
        .filter(placement::Column::StudentId.in_subquery(entrant_ids()))
        .filter(placement::Column::Status.is_in(PlacementStatus::PLACED))
        .into_tuple::<i32>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();

    let mut given = issued_tickets(&txn, opportunity.id).await?;
    let mut codes: HashSet<String> = given.values().map(|t| t.code.clone()).collect();
    let mut by_code: HashMap<String, application::Model> = HashMap::new();
    let mut tickets = Vec::with_capacity(entries.len() + left_out.len());
    // Entrants who left the school, or hold a clashing place, enter too, in
    // the group after everyone else: their code is on the record where
    // their page tells them to look, the employer sees an ordinary wait
    // list, and one who comes back or gives the other place back is in
    // line (eyes16a F2, F3).
    let held_out: HashSet<i32> = left_out.iter().map(|a| a.id).collect();
    for entry in entries.into_iter().chain(left_out) {
        let student = students.get(&entry.student_id).or_not_found()?;
        let issued = given.remove(&entry.id);
        // The priority mark as it stood when the student entered, so no mark
        // set after seeing who entered can move them ahead.
        let priority = issued
            .as_ref()
            .and_then(|t| t.priority)
            .unwrap_or(student.priority);
        let tier = if held_out.contains(&entry.id) {
            order::COULD_NOT_HOLD
        } else {
            order::tier(
                placed_before.contains(&student.id),
                priority,
                low_income_tier && student.low_income == Some(true),
            )
        };
        // The code its student was shown on applying (an entry from before
        // codes were given then gets one now).
        let code = match issued {
            Some(ticket) => ticket.code,
            None => new_code(&mut codes),
        };
        tickets.push(Ticket {
            code: code.clone(),
            tier,
        });
        by_code.insert(code, entry);
    }

    let (mut seated, mut waiting) = (0, 0);
    for (rank, (ticket, _)) in order::order(&seed, tickets).into_iter().enumerate() {
        let rank = i32::try_from(rank).unwrap_or(i32::MAX - 1) + 1;
        let application = by_code.remove(&ticket.code).or_not_found()?;
        let student = students.get(&application.student_id).or_not_found()?;
        let could_hold = ticket.tier != order::COULD_NOT_HOLD;
        let gets_seat = could_hold && rank <= seats;
        draw_entry::ActiveModel {
            draw_id: Set(saved.id),
            application_id: Set(application.id),
            code: Set(ticket.code),
            tier: Set(ticket.tier),
            rank: Set(rank),
            seated: Set(gets_seat),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        // In line right after the seats given (with free seats, one who
        // could not hold a seat is first in line for one).
        let (to, position) = if gets_seat {
            (ApplicationStatus::Accepted, None)
        } else {
            (ApplicationStatus::Waitlisted, Some(rank - seated))
        };
        let now = Utc::now();
        let mut model: application::ActiveModel = application.into();
        model.status = Set(to);
        model.wait_position = Set(position);
        model.updated_at = Set(now);
        let application = model.update(&txn).await?;
        // The draw's step, not the student's nor the employer's.
        crate::applications::service::record_event(
            &txn,
            application.id,
            Some(ApplicationStatus::Submitted),
            to,
            crate::applications::service::BY_THE_RULES,
            now,
        )
        .await?;
        let message = if gets_seat {
            seated += 1;
            placements::service::create(&txn, &application, &opportunity, student, taken + seated)
                .await?;
            Message::new("draws-notice-seat").arg("title", opportunity.title.as_str())
        } else if could_hold {
            waiting += 1;
            Message::new("draws-notice-wait")
                .arg("title", opportunity.title.as_str())
                .arg("position", rank - seated)
        } else {
            waiting += 1;
            // The student hears why (one who left the school is not
            // reached here: no notice).
            if !clashing.contains(&student.id) {
                continue;
            }
            Message::new("draws-notice-clash").arg("title", opportunity.title.as_str())
        };
        if let Some(user_id) = student.user_id {
            let link = format!("/student/applications/{}", application.id);
            notify(&txn, &[user_id], &message, &link).await?;
        }
    }
    txn.commit().await?;
    tracing::info!(opportunity_id, seated, waiting, "fair draw run");
    Ok(Outcome::Drew { seated, waiting })
}

/// The employer's "draw now" (after the deadline): their own posting only.
pub async fn run_for_employer(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    opportunity_id: i32,
    today: NaiveDate,
    low_income_tier: bool,
) -> AppResult<Outcome> {
    // Someone else's posting is "not found", and nothing is drawn.
    crate::opportunities::service::find_owned(db, employer, opportunity_id).await?;
    run(db, opportunity_id, today, low_income_tier).await
}

/// Fair-draw postings past their deadline with no draw yet.
pub async fn due(db: &impl ConnectionTrait, today: NaiveDate) -> AppResult<Vec<i32>> {
    let drawn = draw::Entity::find()
        .select_only()
        .column(draw::Column::OpportunityId)
        .into_query();
    let verified = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Status.eq(OrgStatus::Verified))
        .into_query();
    Ok(opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::Allocation.eq(Allocation::FairDraw))
        .filter(opportunity::Column::OrganizationId.in_subquery(verified))
        .filter(opportunity::Column::Status.ne(OpportunityStatus::Draft))
        .filter(opportunity::Column::Deadline.lt(today))
        .filter(opportunity::Column::Id.not_in_subquery(drawn))
        .order_by_asc(opportunity::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// Runs every due draw; returns how many this call ran.
pub async fn run_due(
    db: &DatabaseConnection,
    today: NaiveDate,
    low_income_tier: bool,
) -> AppResult<usize> {
    let mut ran = 0;
    for id in due(db, today).await? {
        match run(db, id, today, low_income_tier).await {
            Ok(Outcome::Drew { .. }) => ran += 1,
            Ok(Outcome::AlreadyDrawn) => {}
            // Suspended since it was listed: the others still run.
            Err(AppError::Conflict(reason)) => {
                tracing::info!(opportunity_id = id, %reason, "draw not run");
            }
            Err(other) => return Err(other),
        }
    }
    Ok(ran)
}

/// A student's own view of a fair draw: never another student's data.
#[derive(Debug, Serialize)]
pub struct StudentDraw {
    /// Entered, the draw still to come on the day after `deadline`.
    pub pending: bool,
    pub deadline: NaiveDate,
    /// Drew a seat.
    pub seated: bool,
    /// Place on the wait list now (1 is next), while waiting.
    pub position: Option<u64>,
    /// 1, 2 or 3: `draws-tier-<n>` says why.
    pub tier: Option<i32>,
    /// The entry's code on the public record.
    pub code: Option<String>,
    /// Once drawn, the entry's key (SHA-256 of `seed:code`): the student
    /// can compute it from the published seed.
    pub key: Option<String>,
    pub opportunity_id: i32,
}

/// What the student's application page says about its draw, if any.
pub async fn for_application(
    db: &impl ConnectionTrait,
    application: &application::Model,
) -> AppResult<Option<StudentDraw>> {
    let opportunity =
        crate::db::found::<opportunity::Entity>(db, application.opportunity_id).await?;
    if opportunity.allocation != Allocation::FairDraw {
        return Ok(None);
    }
    let entry = draw_entry::Entity::find()
        .filter(draw_entry::Column::ApplicationId.eq(application.id))
        .one(db)
        .await?;
    let pending = entry.is_none()
        && application.status == ApplicationStatus::Submitted
        && of_posting(db, opportunity.id).await?.is_none();
    if entry.is_none() && !pending {
        // Applied after the draw: an ordinary wait list.
        return Ok(None);
    }
    let position = match (application.status, application.wait_position) {
        (ApplicationStatus::Waitlisted, Some(mine)) => Some(
            application::Entity::find()
                .filter(application::Column::OpportunityId.eq(opportunity.id))
                .filter(application::Column::Status.eq(ApplicationStatus::Waitlisted))
                .filter(application::Column::WaitPosition.lt(mine))
                .count(db)
                .await?
                + 1,
        ),
        _ => None,
    };
    Ok(Some(StudentDraw {
        pending,
        deadline: opportunity.deadline,
        seated: entry.as_ref().is_some_and(|e| e.seated),
        position,
        tier: entry.as_ref().map(|e| e.tier),
        key: match &entry {
            Some(entry) => {
                let drawn = crate::db::found::<draw::Entity>(db, entry.draw_id).await?;
                Some(order::key(&drawn.seed, &entry.code))
            }
            None => None,
        },
        code: match entry {
            Some(entry) => Some(entry.code),
            // Given on applying: the student can find it on the record later.
            None => draw_ticket::Entity::find_by_id(application.id)
                .one(db)
                .await?
                .map(|t| t.code),
        },
        opportunity_id: opportunity.id,
    }))
}

/// One line of the public record: no name, no student id, no application
/// id, no group, and no place in the draw order. The order puts the groups
/// first, so it (or each line's key, which anyone can compute from the
/// seed) would mark where one group ends and the next begins, and an
/// employer, who knows who got its seats, would learn who is a priority
/// (or low-income) student. Lines go by code; each student sees their own
/// group, key and place on their application page.
#[derive(Debug, Serialize)]
pub struct RecordEntry {
    pub code: String,
    pub seated: bool,
}

/// The public record of a posting's draw: before it runs, the SHA-256 of
/// its seed; afterwards the seed and each code's outcome.
#[derive(Debug, Serialize)]
pub struct Record {
    pub opportunity_id: i32,
    pub title: String,
    pub deadline: NaiveDate,
    /// The seed's SHA-256, published from when it was fixed; `None` for a
    /// draw whose seed was drawn with it (before seeds were fixed ahead).
    pub commitment: Option<Commitment>,
    pub drawn: Option<Drawn>,
}

/// A seed fixed ahead of the entries.
#[derive(Debug, Serialize)]
pub struct Commitment {
    pub digest: String,
    pub committed_at: chrono::DateTime<Utc>,
}

/// A draw that ran.
#[derive(Debug, Serialize)]
pub struct Drawn {
    pub seed: String,
    pub seats: i32,
    pub drawn_at: chrono::DateTime<Utc>,
    pub low_income_tier: bool,
    /// By code (see [`RecordEntry`]).
    pub entries: Vec<RecordEntry>,
    /// The stored order is the order the rule gives from the seed
    /// (recomputed as the page is made).
    pub verified: bool,
    /// The seed hashes to the commitment published before the entries.
    pub kept: bool,
}

/// The record of a posting's draw; "not found" for a posting without one
/// (first come, first served, or a draft), or while the organization is
/// not verified (its postings are gone from the public).
pub async fn record(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<Record> {
    let opportunity = crate::db::found::<opportunity::Entity>(db, opportunity_id).await?;
    crate::organizations::service::verified(db, opportunity.organization_id).await?;
    let commitment = draw_seed::Entity::find_by_id(opportunity_id)
        .one(db)
        .await?
        .map(|c| (order::commitment(&c.seed), c.committed_at));
    let drawn = match of_posting(db, opportunity_id).await? {
        Some(drawn) => Some(drawn_record(db, drawn, commitment.as_ref()).await?),
        None if opportunity.allocation == Allocation::FairDraw
            && opportunity.status != OpportunityStatus::Draft
            && commitment.is_some() =>
        {
            None
        }
        None => return Err(AppError::NotFound),
    };
    Ok(Record {
        opportunity_id,
        title: opportunity.title,
        deadline: opportunity.deadline,
        commitment: commitment.map(|(digest, committed_at)| Commitment {
            digest,
            committed_at,
        }),
        drawn,
    })
}

async fn drawn_record(
    db: &impl ConnectionTrait,
    drawn: draw::Model,
    commitment: Option<&(String, chrono::DateTime<Utc>)>,
) -> AppResult<Drawn> {
    let stored = draw_entry::Entity::find()
        .filter(draw_entry::Column::DrawId.eq(drawn.id))
        .order_by_asc(draw_entry::Column::Rank)
        .all(db)
        .await?;
    let rerun = order::order(
        &drawn.seed,
        stored
            .iter()
            .map(|e| Ticket {
                code: e.code.clone(),
                tier: e.tier,
            })
            .collect(),
    );
    let verified = rerun.len() == stored.len()
        && rerun
            .iter()
            .zip(&stored)
            .enumerate()
            .all(|(i, ((ticket, _), e))| {
                ticket.code == e.code
                    && e.seated
                        == (e.tier != order::COULD_NOT_HOLD
                            && i32::try_from(i).unwrap_or(i32::MAX) < drawn.seats)
            });
    let kept = commitment.is_none_or(|(digest, _)| *digest == order::commitment(&drawn.seed));
    Ok(Drawn {
        seats: drawn.seats,
        drawn_at: drawn.drawn_at,
        low_income_tier: drawn.low_income_tier,
        entries: {
            let mut entries: Vec<RecordEntry> = stored
                .into_iter()
                .map(|e| RecordEntry {
                    code: e.code,
                    seated: e.seated,
                })
                .collect();
            entries.sort_by(|a, b| a.code.cmp(&b.code));
            entries
        },
        verified,
        kept,
        seed: drawn.seed,
    })
}

/// The draw's state as the posting's employer sees it (counts only).
#[derive(Debug, Serialize)]
pub struct EmployerDraw {
    pub deadline: NaiveDate,
    pub drawn: bool,
    /// The deadline has passed: the employer may run it now.
    pub due: bool,
    pub seats: i32,
    pub entries: i32,
}

/// `None` for a posting without a draw, and while the organization is not
/// verified: a suspended organization's employers learn nothing of
/// students, not even how many entered (its public record is gone too).
pub async fn for_employer(
    db: &impl ConnectionTrait,
    opportunity: &opportunity::Model,
    today: NaiveDate,
) -> AppResult<Option<EmployerDraw>> {
    if opportunity.allocation != Allocation::FairDraw {
        return Ok(None);
    }
    let organization =
        crate::db::found::<entity::organization::Entity>(db, opportunity.organization_id).await?;
    if organization.status != entity::OrgStatus::Verified {
        return Ok(None);
    }
    let drawn = of_posting(db, opportunity.id).await?;
    let entries = match &drawn {
        Some(d) => d.entries,
        None => i32::try_from(
            application::Entity::find()
                .filter(application::Column::OpportunityId.eq(opportunity.id))
                .filter(application::Column::Status.eq(ApplicationStatus::Submitted))
                .count(db)
                .await?,
        )
        .unwrap_or(i32::MAX),
    };
    Ok(Some(EmployerDraw {
        deadline: opportunity.deadline,
        due: drawn.is_none() && opportunity.deadline < today,
        seats: drawn.as_ref().map_or(opportunity.slots, |d| d.seats),
        drawn: drawn.is_some(),
        entries,
    }))
}

/// The counselor's priority mark, as the outreach list posts it.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct PriorityForm {
    /// `yes` or `no`.
    pub priority: String,
}

/// Marks (or unmarks) a student of the counselor's own school as priority
/// for fair draws; another school's student is "not found", and a value
/// other than yes or no changes nothing.
pub async fn mark_priority(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    student_id: i32,
    form: &PriorityForm,
) -> AppResult<bool> {
    let txn = db::begin_write(db).await?;
    let found = crate::db::found::<student::Entity>(&txn, student_id).await?;
    crate::roster::service::ensure_school_access(&txn, counselor, found.school_id).await?;
    let priority = match form.priority.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            let mut errors = crate::forms::FieldErrors::new();
            errors.add_id("priority", "draws-error-priority-value");
            return Err(AppError::Validation(errors));
        }
    };
    student::Entity::update_many()
        .col_expr(
            student::Column::Priority,
            sea_orm::sea_query::Expr::value(priority),
        )
        .filter(student::Column::Id.eq(student_id))
        .exec(&txn)
        .await?;
    crate::counseling::audit::record(
        &txn,
        counselor.id,
        if priority {
            crate::counseling::audit::AuditAction::PriorityMarked
        } else {
            crate::counseling::audit::AuditAction::PriorityCleared
        },
        &format!("student {student_id}"),
    )
    .await?;
    txn.commit().await?;
    Ok(priority)
}
