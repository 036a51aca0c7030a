//! What a placement's student and family are mailed when its host loses its
//! verification (a suspension for a safeguarding review): not to go there
//! for now, with the calendar entry a confirmation put in their calendar
//! cancelled. Safety mail: sent whatever they chose about optional mail and
//! whatever became of the host; students and counselors also see it on the
//! site.

use entity::{PlacementStatus, opportunity, placement, student};
use sea_orm::ConnectionTrait;

use super::{
    calendar_revision::Revision,
    confirmation::{Entry, calendar_entry, school_of},
    consent::Facts,
};
use crate::{
    error::AppResult,
    mail::{
        notices::{Notice, send},
        preferences::{guardian_always, user_always},
    },
};

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
    let facts = Facts::load(db, opportunity).await?;
    let school = school_of(db, student).await?;
    // Only an active placement's confirmation put it in a calendar.
    let revision = if placement.status == PlacementStatus::Active {
        Some(super::calendar_revision::next(db, placement.id, true).await?)
    } else {
        None
    };
    let news = Pause {
        placement,
        opportunity,
        student,
        facts: &facts,
        school: &school,
        revision,
    };
    tell_student(db, &news).await?;
    tell_family(db, &news).await
}

/// What both mails of a pause share.
struct Pause<'a> {
    placement: &'a placement::Model,
    opportunity: &'a opportunity::Model,
    student: &'a student::Model,
    facts: &'a Facts,
    school: &'a str,
    /// The cancelled calendar entry's revision, for an active placement.
    revision: Option<Revision>,
}

/// The student holds the confirmation and its calendar entry once the
/// placement is active (an adult's family hears nothing at all), and is
/// who may simply turn up at the site: mailed as for a call-off (eyes16b
/// F1), in their language, to a confirmed address only.
async fn tell_student(db: &impl ConnectionTrait, news: &Pause<'_>) -> AppResult<()> {
    let Some(user_id) = news.student.user_id else {
        return Ok(());
    };
    let Some(to) = user_always(db, user_id).await? else {
        return Ok(());
    };
    let attachment = news.revision.map(|revision| {
        calendar_entry(
            news.placement,
            news.opportunity,
            news.facts,
            news.student,
            Entry {
                lang: to.lang,
                school: news.school,
                student_reads: true,
                cancelled: true,
                revision,
            },
        )
    });
    send(
        db,
        &to,
        Notice {
            kind: TO_STUDENT,
            name: &news.student.first_name,
            title: &news.facts.title,
            organization: &news.facts.organization,
            student: &news.student.first_name,
            school: news.school,
            person: "",
            link: format!("/student/placements/{}", news.placement.id),
            facts: None,
            attachment,
            for_organization: None,
            about_organization: None,
            placement: Some(news.placement.id),
            date: None,
        },
    )
    .await?;
    Ok(())
}

/// The families of minors whose placement (under way or waiting for their
/// consent) is paused hear it by mail, in their language; one whose
/// consent started it also gets the calendar entry of its confirmation
/// cancelled. The contacts of a student held by a family's report hear
/// nothing (they may be the ones reported), as for a confirmation.
async fn tell_family(db: &impl ConnectionTrait, news: &Pause<'_>) -> AppResult<()> {
    let placement = news.placement;
    let minor =
        placement.status == PlacementStatus::AwaitingConsent || placement.consent_given.is_some();
    // An adult's family is not written to (as `confirmation::tell_family`).
    let adult = !crate::applications::eligibility::needs_guardian_consent(
        news.student,
        placement.start_date,
    );
    if !minor || adult || crate::families::address_report::is_held(db, news.student.id).await? {
        return Ok(());
    }
    // Active (a revision made) with a guardian's consent: the
    // confirmation went to the family too.
    let revision = news
        .revision
        .filter(|_| placement.consent_given == Some(true));
    for guardian in crate::families::service::of_student(db, news.student.id).await? {
        // A safety message: sent whatever the family chose about optional
        // mail (eyes13a F1).
        let Some(to) = guardian_always(&guardian) else {
            continue;
        };
        let name = crate::families::service::full_name(&guardian);
        let attachment = revision.map(|revision| {
            calendar_entry(
                placement,
                news.opportunity,
                news.facts,
                news.student,
                Entry {
                    lang: to.lang,
                    school: news.school,
                    student_reads: false,
                    cancelled: true,
                    revision,
                },
            )
        });
        send(
            db,
            &to,
            Notice {
                kind: TO_GUARDIAN,
                name: &name,
                title: &news.facts.title,
                organization: &news.facts.organization,
                student: &news.student.first_name,
                school: news.school,
                person: "",
                link: String::new(),
                facts: None,
                attachment,
                for_organization: None,
                about_organization: None,
                placement: Some(placement.id),
                date: None,
            },
        )
        .await?;
    }
    Ok(())
}
