//! What a placement's student and family are mailed when its host is
//! verified again after a suspension (`pause` told them not to go there
//! "for now", and cancelled the calendar entry): what now happens to the
//! placement. A reinstatement leaves every open placement as it stood, so
//! one under way goes on ("you may go again from <date>", its calendar
//! entry confirmed again by the same UID) and one waiting for consent
//! still waits for it. A placement that ended meanwhile, or has no day
//! left, hears nothing. A mentor introduction held back while the host was
//! suspended is sent now, once, to the guardians it was held back from.
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

use super::{
    confirmation::{Entry, FamilyNews, calendar_entry, school_of},
    consent::Facts,
};
use crate::{
    error::AppResult,
    mail::{
        notices::{Notice, send},
        preferences::{guardian_always, user_always},
        worker::WITHHELD,
    },
};

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
    // At least a second after the suspension's cancellations: the
    // entries put back replace them in every calendar.
    let stamp = crate::organizations::suspensions::news_stamp(db, organization_id, now).await?;
    for placement in &open {
        let opportunity =
            crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
        let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
        let facts = Facts::load(db, &opportunity).await?;
        let school = school_of(db, &student).await?;
        let news = Resumed {
            placement,
            opportunity: &opportunity,
            student: &student,
            facts: &facts,
            school: &school,
            from: placement.start_date.max(first_day),
            stamp,
        };
        tell_student(db, &news).await?;
        tell_family(db, &news).await?;
        introduce_mentor_again(db, &news).await?;
    }
    Ok(())
}

/// What every message of one placement's reinstatement shares.
struct Resumed<'a> {
    placement: &'a placement::Model,
    opportunity: &'a opportunity::Model,
    student: &'a student::Model,
    facts: &'a Facts,
    school: &'a str,
    /// The first day the student may go.
    from: NaiveDate,
    /// When the calendar entries put back are stamped.
    stamp: DateTime<Utc>,
}

impl Resumed<'_> {
    /// Under way (else waiting for a guardian's consent).
    fn goes_on(&self) -> bool {
        self.placement.status == PlacementStatus::Active
    }

    /// The message to `name` about the placement, as `kind` says it.
    fn notice<'n>(&'n self, kind: &'n str, name: &'n str, link: String) -> Notice<'n> {
        Notice {
            kind,
            name,
            title: &self.facts.title,
            organization: &self.facts.organization,
            student: &self.student.first_name,
            school: self.school,
            person: "",
            link,
            facts: None,
            attachment: None,
            for_organization: None,
            // Suspended again before it goes out: held back, as the rest
            // of the host's news (the new "do not go" does go).
            about_organization: Some(self.opportunity.organization_id),
            placement: Some(self.placement.id),
            date: Some(self.from),
        }
    }
}

/// The student was told not to go whatever they chose about optional mail
/// (`pause`), so this is sent the same way: in their language, to a
/// confirmed address only (`mail::enqueue`), the calendar entry restored
/// when the placement goes on.
async fn tell_student(db: &impl ConnectionTrait, news: &Resumed<'_>) -> AppResult<()> {
    let Some(user_id) = news.student.user_id else {
        return Ok(());
    };
    let Some(to) = user_always(db, user_id).await? else {
        return Ok(());
    };
    let kind = if news.goes_on() {
        "placement-resumed-student"
    } else {
        "placement-resumed-consent-student"
    };
    let link = format!("/student/placements/{}", news.placement.id);
    let mut notice = news.notice(kind, &news.student.first_name, link);
    notice.attachment = news.goes_on().then(|| {
        calendar_entry(
            news.placement,
            news.opportunity,
            news.facts,
            news.student,
            Entry {
                lang: to.lang,
                school: news.school,
                student_reads: true,
                cancelled: false,
                stamp: news.stamp,
            },
        )
    });
    send(db, &to, notice).await?;
    Ok(())
}

/// The families `pause` wrote to hear the outcome, each guardian in their
/// language: of a placement their consent started (and still stands for:
/// a withdrawal ends it), that it goes on, with the calendar entry their
/// confirmation sent confirmed again; of one waiting for their consent,
/// that it still waits (the newest link works again; the reinstatement
/// asks afresh whoever holds none that works: `consent::after_verification`).
/// An adult's family and the contacts of a student held by a family's
/// report hear nothing, as for the pause.
async fn tell_family(db: &impl ConnectionTrait, news: &Resumed<'_>) -> AppResult<()> {
    let placement = news.placement;
    let asked = placement.status == PlacementStatus::AwaitingConsent;
    let confirmed = news.goes_on() && placement.consent_given == Some(true);
    let adult = !crate::applications::eligibility::needs_guardian_consent(
        news.student,
        placement.start_date,
    );
    if !(asked || confirmed)
        || adult
        || crate::families::address_report::is_held(db, news.student.id).await?
    {
        return Ok(());
    }
    let kind = if confirmed {
        "placement-resumed-guardian"
    } else {
        "placement-resumed-consent-guardian"
    };
    for guardian in crate::families::service::of_student(db, news.student.id).await? {
        let Some(to) = guardian_always(&guardian) else {
            continue;
        };
        let name = format!("{} {}", guardian.given_name, guardian.family_name);
        let mut notice = news.notice(kind, &name, String::new());
        notice.attachment = confirmed.then(|| {
            calendar_entry(
                placement,
                news.opportunity,
                news.facts,
                news.student,
                Entry {
                    lang: to.lang,
                    school: news.school,
                    student_reads: false,
                    cancelled: false,
                    stamp: news.stamp,
                },
            )
        });
        send(db, &to, notice).await?;
    }
    Ok(())
}

/// Sends the mentor's introduction again to each address whose newest
/// introduction of this placement the worker held back (the host was
/// suspended when it came to send it). One still waiting goes out by
/// itself now, and one sent or given up on for another reason is not
/// sent again: each family gets it once. It introduces the mentor named
/// now (a colleague who left meanwhile named none: nothing to introduce).
async fn introduce_mentor_again(db: &impl ConnectionTrait, news: &Resumed<'_>) -> AppResult<()> {
    let placement = news.placement;
    let Some(name) = &placement.mentor_name else {
        return Ok(());
    };
    // Newest first: the first row of an address is its newest.
    let introductions = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::PlacementId.eq(placement.id))
        .filter(mail_outbox::Column::NoticeKind.eq(MENTOR_INTRODUCTION))
        .order_by_desc(mail_outbox::Column::Id)
        .all(db)
        .await?;
    let mut seen: Vec<String> = Vec::new();
    let mut held_back: Vec<String> = Vec::new();
    for row in &introductions {
        let address = row.recipient.trim().to_lowercase();
        if seen.contains(&address) {
            continue;
        }
        let withheld = row.sent_at.is_none()
            && row.failed_at.is_some()
            && row.last_error.as_deref() == Some(WITHHELD);
        if withheld {
            held_back.push(address.clone());
        }
        seen.push(address);
    }
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
