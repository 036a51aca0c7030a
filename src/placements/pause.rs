//! What a placement's student and family are mailed when its host loses its
//! verification (a suspension for a safeguarding review): not to go there
//! for now, with the calendar entry a confirmation put in their calendar
//! cancelled. Safety mail: sent whatever they chose about optional mail and
//! whatever became of the host; students and counselors also see it on the
//! site. What it shares with the reinstatement's mail is `host_news`.

use entity::{PlacementStatus, opportunity, placement, student};
use sea_orm::ConnectionTrait;

use super::host_news::HostNews;
use crate::error::AppResult;

/// The catalogue kind of the pause mail to the student: who got it is
/// who hears the outcome (`resume`).
pub(super) const TO_STUDENT: &str = "placement-paused-student";
/// The same, to a guardian.
pub(super) const TO_GUARDIAN: &str = "placement-paused-guardian";

/// Tells the student of an open placement at a host just suspended, and
/// their family, not to go there for now. The calendar entry of an active
/// placement is cancelled by a new revision (`calendar_revision`), so it
/// replaces every file sent before, and the reinstatement's replaces it.
pub async fn tell_of_pause(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
) -> AppResult<()> {
    let mut news = HostNews::load(db, placement, opportunity, student).await?;
    news.cancelled = true;
    // Only an active placement's confirmation put it in a calendar.
    if placement.status == PlacementStatus::Active {
        news.revision = Some(super::calendar_revision::next(db, placement.id, true).await?);
    }
    // The student holds the confirmation and its calendar entry once the
    // placement is active (an adult's family hears nothing at all), and is
    // who may simply turn up at the site: mailed as for a call-off (eyes16b
    // F1), in their language, to a confirmed address only.
    news.tell_student(db, TO_STUDENT).await?;
    tell_family(db, &news).await
}

/// The families of minors whose placement (under way or waiting for their
/// consent) is paused hear it by mail, in their language; one whose
/// consent started it also gets the calendar entry of its confirmation
/// cancelled.
async fn tell_family(db: &impl ConnectionTrait, news: &HostNews<'_>) -> AppResult<()> {
    let placement = news.placement;
    let minor =
        placement.status == PlacementStatus::AwaitingConsent || placement.consent_given.is_some();
    // An adult's family is not written to (as `confirmation::tell_family`).
    let adult = !crate::applications::eligibility::needs_guardian_consent(
        news.student,
        placement.start_date,
    );
    if !minor || adult {
        return Ok(());
    }
    // A safety message: every contact hears it, whatever the family chose
    // about optional mail (eyes13a F1).
    news.tell_guardians(db, TO_GUARDIAN, |_| true).await
}
