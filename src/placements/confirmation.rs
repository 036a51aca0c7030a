//! The mail confirming a placement, or a job-shadow day, once it is active:
//! to the student and, when a guardian consented, to the guardians, each in
//! their own language and only if they want it, with the calendar
//! invitation (`.ics`) attached.

use chrono::Utc;
use entity::{MailTopic, opportunity, placement, student};
use sea_orm::ConnectionTrait;

use super::consent::Facts;
use crate::{
    error::AppResult,
    families::service as families,
    i18n::{t, t_args},
    mail::{
        Attachment,
        calendar::{self, Event, When},
        notices::{Notice, send},
        preferences::{guardian_wants, user_wants},
    },
    tokens,
};

/// Queues the confirmation of an active placement; `to_guardians` when a
/// guardian's consent started it (an adult's family is not written to).
/// When a counselor recorded that consent from a paper form, guardians are
/// told so, with the name on the form: one who never signed it can object.
pub async fn confirm(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
    to_guardians: bool,
) -> AppResult<()> {
    let on_paper = placement.consent_recorded_by.is_some();
    let mut recipients = Vec::new();
    if let Some(user_id) = student.user_id
        && let Some(to) = user_wants(db, user_id, MailTopic::Updates).await?
    {
        recipients.push((to, student.first_name.clone(), false));
    }
    // While a family's report holds the student, the contacts on file may
    // be the ones reported: no placement details go to them (eyes11e F3).
    if to_guardians && !crate::families::address_report::is_held(db, student.id).await? {
        for guardian in families::of_student(db, student.id).await? {
            if let Some(to) = guardian_wants(&guardian) {
                let name = format!("{} {}", guardian.given_name, guardian.family_name);
                recipients.push((to, name, true));
            }
        }
    }
    if recipients.is_empty() {
        return Ok(());
    }
    let facts = Facts::load(db, opportunity).await?;
    let when = match (opportunity.start_time, opportunity.end_time) {
        (Some(start), Some(end)) if placement.start_date == placement.end_date && start < end => {
            When::Timed {
                date: placement.start_date,
                start,
                end,
            }
        }
        _ => When::Days {
            first: placement.start_date,
            last: placement.end_date.max(placement.start_date),
        },
    };
    // The same UID each time this placement is sent, and unique to this
    // server (its key), so calendars update the event rather than add one.
    let uid = format!(
        "placement-{}-{}@stembridge",
        placement.id,
        &tokens::sign(&format!("ics:placement:{}", placement.id))[..16]
    );
    for (to, name, guardian) in recipients {
        let location = facts
            .address
            .clone()
            .unwrap_or_else(|| t(to.lang, "mail-fact-remote"));
        let summary = t_args(
            to.lang,
            "mail-ics-summary",
            vec![
                ("title", facts.title.as_str().into()),
                ("organization", facts.organization.as_str().into()),
            ],
        );
        let description = t_args(
            to.lang,
            "mail-ics-description",
            vec![("student", student.first_name.as_str().into())],
        );
        let body = calendar::ics(&Event {
            uid: uid.clone(),
            stamp: Utc::now(),
            when,
            summary: &summary,
            location: &location,
            description: &description,
        });
        send(
            db,
            &to,
            Notice {
                kind: match (guardian, on_paper) {
                    (true, true) => "placement-guardian-paper",
                    (true, false) => "placement-guardian",
                    (false, _) => "placement-student",
                },
                name: &name,
                title: &facts.title,
                organization: &facts.organization,
                student: &student.first_name,
                // Guardians have no account to open it with.
                link: if guardian {
                    String::new()
                } else {
                    format!("/student/placements/{}", placement.id)
                },
                facts: Some(facts.in_lang(to.lang)),
                attachment: Some(Attachment {
                    name: "stembridge-placement.ics".into(),
                    content_type: calendar::CONTENT_TYPE.into(),
                    body,
                }),
                for_organization: None,
                // Held back if the host is suspended before it goes out:
                // no invitation to its site reaches a family then.
                about_organization: Some(opportunity.organization_id),
            },
        )
        .await?;
    }
    Ok(())
}
