//! What a placement's student and family are mailed when its host is
//! verified again after a suspension (`pause` told them not to go there
//! "for now", and cancelled the calendar entry): what now happens to the
//! placement. A reinstatement leaves every open placement as it stood, so
//! one under way goes on ("you may go again from <date>", or "from <date>"
//! when no day of it had come before the suspension; its calendar entry
//! confirmed again by the same UID) and one waiting for consent still
//! waits for it (or, the student an adult by its start now, for the
//! school). A placement that ended meanwhile, or has no day left, hears
//! nothing. The outcome goes to exactly those the pause wrote to (its
//! queued mail records kind, placement and guardian), while they are still
//! the student's or an active contact, at the address on file now (a
//! counselor may have corrected it during the suspension): someone added
//! during the suspension never heard of the review (a guardian is asked
//! for consent instead), and a family whose student turned 18 meanwhile
//! hears how what it was told ends. A mentor introduction held back while
//! the host was suspended is sent now, once, to the guardians it was held
//! back from. What it shares with the pause's mail is `host_news`.
//!
//! Runs in the reviewer's transaction, which holds the organization's row
//! for update: a second reviewer reinstating at once gets a 409 (the host
//! is verified already), and the mail worker holds a message back only
//! under a share lock of that row (`mail::worker`), so what is read here as
//! held back stays so. Every message names the host (`about_organization`):
//! suspended again before it goes out, it is held back too, and found
//! again by the next reinstatement.

use chrono::{DateTime, Days, NaiveDate, Utc};
use entity::{PlacementStatus, mail_outbox, opportunity, placement, student};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Query,
};

use super::{confirmation::FamilyNews, host_news::HostNews};
use crate::error::AppResult;

/// The catalogue kind of a mentor's introduction to a family.
const MENTOR_INTRODUCTION: &str = "mentor-guardian";

/// Tells the student and family of each open placement at `organization_id`,
/// reinstated at `now`, what happens to it, and sends the mentor
/// introductions held back meanwhile. Call it before anything else the
/// reinstatement does to placements (seats freed, consent asked), so only
/// placements the suspension paused hear of it, and this news comes first.
pub async fn after_reinstatement(
    db: &impl ConnectionTrait,
    organization_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // The day of the reinstatement counts as a day of the suspension (hours
    // dated on it are refused: `organizations::suspensions`), so the
    // student may go again from the next one.
    let first_day = crate::format::day_of(now)
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX);
    let postings = Query::select()
        .column(opportunity::Column::Id)
        .from(opportunity::Entity)
        .and_where(opportunity::Column::OrganizationId.eq(organization_id))
        .to_owned();
    let open = placement::Entity::find()
        .filter(placement::Column::OpportunityId.in_subquery(postings))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        // No day left to go: as good as ended, nothing to tell.
        .filter(placement::Column::EndDate.gte(first_day))
        .order_by_asc(placement::Column::Id)
        .all(db)
        .await?;
    // The suspension just lifted: what its pause told whom was queued
    // since it began.
    let began = crate::organizations::suspensions::latest_began(db, organization_id).await?;
    for placement in &open {
        let told = told_of_pause(db, placement.id, began).await?;
        let opportunity =
            crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
        let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
        // A confirmation the suspension held back comes first (eyes18a F2).
        super::held_back::confirm_again(db, placement, &opportunity, &student).await?;
        // No day of it had come when the host was suspended: nobody has
        // been there yet, so the text says "from", not "again" (eyes17c F6).
        let upcoming =
            began.is_none_or(|began| placement.start_date > crate::format::day_of(began));
        let mut news = HostNews::load(db, placement, &opportunity, &student).await?;
        // The entry put back replaces the suspension's cancellation (and
        // anything sent before) in every calendar: a new revision.
        if placement.status == PlacementStatus::Active && !told.is_empty() {
            news.revision = Some(super::calendar_revision::next(db, placement.id, false).await?);
        }
        // Suspended again before it goes out: held back, as the rest of
        // the host's news (the new "do not go" does go).
        news.about_organization = Some(opportunity.organization_id);
        // The first day the student may go.
        news.date = Some(placement.start_date.max(first_day));
        let resumed = Resumed {
            news,
            upcoming,
            told: &told,
        };
        tell_student(db, &resumed).await?;
        tell_family(db, &resumed).await?;
        introduce_mentor_again(db, &resumed.news).await?;
    }
    Ok(())
}

/// One placement's reinstatement news, and who the pause told.
struct Resumed<'a> {
    news: HostNews<'a>,
    /// No day of it had come before the suspension.
    upcoming: bool,
    /// Who the pause wrote to.
    told: &'a Told,
}

impl Resumed<'_> {
    /// Under way (else waiting for a guardian's consent, or the school's).
    fn goes_on(&self) -> bool {
        self.news.placement.status == PlacementStatus::Active
    }

    /// Waiting although the student is 18 by its start: a guardian's
    /// consent is not needed, the school starts it (`consent::AfterBirthDate`).
    fn waits_for_school(&self) -> bool {
        !self.goes_on()
            && !crate::applications::eligibility::needs_guardian_consent(
                self.news.student,
                self.news.placement.start_date,
            )
    }

    /// The catalogue kind for `reader` (`student` or `guardian`).
    fn kind(&self, reader: &str) -> String {
        let what = if self.goes_on() && self.upcoming {
            "placement-resumed-upcoming"
        } else if self.goes_on() {
            "placement-resumed"
        } else if self.waits_for_school() {
            "placement-resumed-adult"
        } else {
            "placement-resumed-consent"
        };
        format!("{what}-{reader}")
    }
}

/// The student the pause wrote to was told not to go whatever they chose
/// about optional mail (`pause`), so this is sent the same way: in their
/// language, to a confirmed address only (`mail::enqueue`), the calendar
/// entry restored when the placement goes on.
async fn tell_student(db: &impl ConnectionTrait, resumed: &Resumed<'_>) -> AppResult<()> {
    if !resumed.told.student {
        return Ok(());
    }
    resumed
        .news
        .tell_student(db, &resumed.kind("student"))
        .await
}

/// The guardians `pause` wrote to hear the outcome, each in their
/// language, while still an active contact of the student, at the address
/// on file now: of a placement their consent started (and still stands
/// for: a withdrawal ends it), that it goes on, with the calendar entry
/// their confirmation sent confirmed again; of one waiting for their
/// consent, that it still waits (the newest link works again, and the
/// reinstatement asks afresh whoever holds none that works:
/// `consent::after_verification`); of one whose student is now 18 by its
/// start, that the school takes it from here. The contacts of a student
/// held by a family's report hear nothing, as for the pause.
async fn tell_family(db: &impl ConnectionTrait, resumed: &Resumed<'_>) -> AppResult<()> {
    let told = &resumed.told.guardians;
    if told.is_empty() {
        return Ok(());
    }
    resumed
        .news
        .tell_guardians(db, &resumed.kind("guardian"), |guardian| {
            told.contains(&guardian.id)
        })
        .await
}

/// Who a placement's pause mail went to since `began` (the suspension
/// just lifted; `None`: any).
#[derive(Debug, Default)]
struct Told {
    /// The student.
    student: bool,
    /// The guardians, whatever their address is now (`mail_outbox.guardian_id`).
    guardians: Vec<i32>,
}

impl Told {
    fn is_empty(&self) -> bool {
        !self.student && self.guardians.is_empty()
    }
}

/// Reads who the pause told from its queued mail (sent or not: what
/// matters is that it was meant for them), by notice kind and placement
/// (`mail_outbox`, migration 56), and for a guardian by the guardian it
/// was written to, not the address: one corrected since is the same
/// contact (migration 61).
async fn told_of_pause(
    db: &impl ConnectionTrait,
    placement_id: i32,
    began: Option<DateTime<Utc>>,
) -> AppResult<Told> {
    let mut rows = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::PlacementId.eq(placement_id))
        .filter(
            mail_outbox::Column::NoticeKind
                .is_in([super::pause::TO_STUDENT, super::pause::TO_GUARDIAN]),
        );
    if let Some(began) = began {
        rows = rows.filter(mail_outbox::Column::CreatedAt.gte(began));
    }
    let mut told = Told::default();
    for row in rows.all(db).await? {
        if row.notice_kind.as_deref() == Some(super::pause::TO_STUDENT) {
            told.student = true;
        } else if let Some(guardian) = row.guardian_id {
            told.guardians.push(guardian);
        }
    }
    Ok(told)
}

/// Sends the mentor's introduction again, at the address they have now,
/// to each guardian whose newest introduction of this placement the
/// worker held back (the host was suspended when it came to send it). One still waiting goes out by
/// itself now, and one sent or given up on for another reason is not
/// sent again: each family gets it once. It introduces the mentor named
/// now (a colleague who left meanwhile named none: nothing to introduce).
async fn introduce_mentor_again(db: &impl ConnectionTrait, news: &HostNews<'_>) -> AppResult<()> {
    let placement = news.placement;
    let Some(name) = &placement.mentor_name else {
        return Ok(());
    };
    let held_back =
        super::held_back::newest_withheld(db, placement.id, &[MENTOR_INTRODUCTION]).await?;
    if held_back.is_empty() {
        return Ok(());
    }
    let mentor = format!(
        "{name} ({})",
        placement.mentor_role.as_deref().unwrap_or_default()
    );
    super::confirmation::tell_family(
        db,
        placement,
        news.opportunity,
        news.student,
        FamilyNews::MentorHeldBack(&mentor, &held_back),
    )
    .await
}
