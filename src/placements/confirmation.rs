//! What a placement's family and student are mailed about it: the
//! confirmation once it is active (to the student and, when a guardian
//! consented, to the guardians, each in their own language and only if they
//! want it, with the calendar invitation, `.ics`, attached), and the safety
//! messages a family always gets: the placement will not go ahead or not go
//! on (with the calendar entry cancelled), or a guardian's consent was
//! declined.

use entity::{MailTopic, opportunity, placement, school, student};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

use super::{calendar_revision::Revision, consent::Facts, held_back::HeldBack};
use crate::{
    error::AppResult,
    families::service as families,
    i18n::{Lang, t, t_args},
    mail::{
        Attachment,
        calendar::{self, Event, Organizer, When, Zone},
        notices::{Notice, send},
        preferences::{Reachable, guardian_always, guardian_wants, user_always, user_wants},
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
    confirm_to(db, placement, opportunity, student, to_guardians, None).await
}

/// [`confirm`], to the readers of `only` alone when given: those whose
/// confirmation was held back by a suspension (`held_back`), a guardian
/// found by who they are, not the address it was held back at.
pub(super) async fn confirm_to(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
    to_guardians: bool,
    only: Option<&HeldBack>,
) -> AppResult<()> {
    let on_paper = placement.consent_recorded_by.is_some();
    let mut recipients = Vec::new();
    if let Some(user_id) = student.user_id
        && let Some(to) = user_wants(db, user_id, MailTopic::Updates).await?
        && only.is_none_or(|only| only.address(&to.email))
    {
        let link = format!("/student/placements/{}", placement.id);
        recipients.push((to, student.first_name.clone(), link, false));
    }
    // While a family's report holds the student, the contacts on file may
    // be the ones reported: no placement details go to them (eyes11e F3).
    if to_guardians && !crate::families::address_report::is_held(db, student.id).await? {
        for guardian in families::of_student(db, student.id).await? {
            // A paper form recorded in a guardian's name is a safeguard
            // the family must see to object: always sent (eyes13a F1).
            let to = if on_paper {
                guardian_always(&guardian)
            } else {
                guardian_wants(&guardian)
            };
            if let Some(to) = to.filter(|_| only.is_none_or(|only| only.guardian(&guardian))) {
                let name = crate::families::service::full_name(&guardian);
                // Their button withdraws the consent (`withdrawal`):
                // guardians have no account to open the placement with.
                let link = super::withdrawal::path(&guardian, placement.id);
                recipients.push((to, name, link, true));
            }
        }
    }
    if recipients.is_empty() {
        return Ok(());
    }
    let facts = Facts::load(db, opportunity).await?;
    let school = school_of(db, student).await?;
    let revision = super::calendar_revision::next(db, placement.id, false).await?;
    // The name and relationship written on a paper form, so each parent can
    // tell whether it concerns them (eyes15b F4).
    let signer = match (&placement.guardian_name, &placement.guardian_relationship) {
        (Some(name), Some(relationship)) if on_paper && !relationship.is_empty() => {
            format!("{name} ({relationship})")
        }
        (Some(name), _) if on_paper => name.clone(),
        _ => String::new(),
    };
    for (to, name, link, guardian) in recipients {
        let invitation = Invitation {
            school: &school,
            // Not a guardian's withdrawal link: a family's calendars are
            // often shared, and that link stops the placement in the
            // parent's name (eyes15a F6). The student's page needs a sign-in.
            withdraw: (!guardian).then_some(link.as_str()),
            student_reads: !guardian,
            cancelled: false,
            revision,
        };
        let calendar = CalendarFile::new(placement, opportunity, &facts, student, &invitation);
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
                school: &school,
                person: &signer,
                // Guardians have no account to open it with.
                link,
                facts: Some(facts.clone()),
                calendar: Some(calendar),
                for_organization: None,
                // Held back if the host is suspended before it goes out:
                // no invitation to its site reaches a family then.
                about_organization: Some(opportunity.organization_id),
                placement: Some(placement.id),
                date: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// What a family is told when a placement they were asked about, or
/// confirmed for, does not go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyNews<'a> {
    /// Ended or called off (by the school, the employer or the student):
    /// the student should not go there.
    CalledOff,
    /// A guardian declined through the emailed link, with this name.
    DeclinedByLink(&'a str),
    /// This guardian withdrew the consent given (`withdrawal`).
    Withdrawn(&'a str),
    /// The school recorded a paper form declining, with this name on it.
    DeclinedOnPaper(&'a str),
    /// The employer named (or replaced) the mentor who meets the student,
    /// "name (role)": the adult the family agreed to may have changed
    /// (eyes13c F6).
    Mentor(&'a str),
    /// The same introduction again, to these guardians alone: theirs was
    /// held back while the host was suspended (`resume`, eyes16c F6), at
    /// whatever address they have now (eyes20 F1).
    MentorHeldBack(&'a str, &'a HeldBack),
    /// The placement's dates ended before anyone consented (`lapse`): the
    /// request is closed, and that is all the family is told. Only the
    /// guardians it was mailed to lately hear it (a backlog of long stale
    /// requests mails nobody: `consent::guardians_asked_lately`).
    RequestClosed,
}

/// Tells every active contact of a minor's family, in their language, that
/// `before` (the placement as it was) will not go ahead or not go on, who
/// its mentor now is, or that its consent request is closed. A
/// safety message: sent whatever they chose about optional mail (eyes13a
/// F1), never naming why (a school's safety concern stays the school's),
/// naming the school to ask. Only families that were in the loop hear it:
/// asked for consent (the placement waited for it) or confirmed to (a
/// guardian's consent started it); a confirmation's calendar entry is
/// cancelled by the same UID. Not while a family's report holds the
/// student (the contacts on file may be the ones reported).
pub async fn tell_family(
    db: &impl ConnectionTrait,
    before: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
    news: FamilyNews<'_>,
) -> AppResult<()> {
    let asked = before.status == entity::PlacementStatus::AwaitingConsent;
    let confirmed = before.consent_given == Some(true);
    // An adult's family is not written to about their placement (eyes13e F2).
    let adult =
        !crate::applications::eligibility::needs_guardian_consent(student, before.start_date);
    if !(asked || confirmed)
        || adult
        || crate::families::address_report::is_held(db, student.id).await?
    {
        return Ok(());
    }
    let (kind, signer) = match news {
        FamilyNews::CalledOff if confirmed => ("placement-called-off-guardian", ""),
        FamilyNews::CalledOff => ("placement-called-off-guardian-asked", ""),
        FamilyNews::DeclinedByLink(name) => ("consent-declined-guardian-link", name),
        FamilyNews::Withdrawn(name) => ("consent-withdrawn-guardian", name),
        FamilyNews::DeclinedOnPaper(name) => ("consent-declined-guardian-paper", name),
        FamilyNews::Mentor(mentor) | FamilyNews::MentorHeldBack(mentor, _) => {
            ("mentor-guardian", mentor)
        }
        FamilyNews::RequestClosed => ("consent-request-closed-guardian", ""),
    };
    let facts = Facts::load(db, opportunity).await?;
    let school = school_of(db, student).await?;
    // A family the request never reached (the paper path, a host
    // suspended before it went out), or asked long ago, has nothing to
    // close.
    let holding_a_link = if news == FamilyNews::RequestClosed {
        Some(super::consent::guardians_asked_lately(db, before.id).await?)
    } else {
        None
    };
    let recipients: Vec<(Reachable, String)> = families::of_student(db, student.id)
        .await?
        .iter()
        .filter(|g| {
            holding_a_link
                .as_ref()
                .is_none_or(|asked| asked.contains(&g.id))
        })
        .filter(|g| match news {
            FamilyNews::MentorHeldBack(_, held_back) => held_back.guardian(g),
            _ => true,
        })
        .filter_map(|g| guardian_always(g).map(|to| (to, crate::families::service::full_name(g))))
        .collect();
    // The confirmation's calendar entry, called off (one revision for
    // every guardian's copy).
    let ends = matches!(news, FamilyNews::CalledOff | FamilyNews::Withdrawn(_));
    let revision = if confirmed && ends && !recipients.is_empty() {
        Some(super::calendar_revision::next(db, before.id, true).await?)
    } else {
        None
    };
    for (to, name) in recipients {
        let calendar = revision.map(|revision| {
            let invitation = Invitation {
                school: &school,
                withdraw: None,
                student_reads: false,
                cancelled: true,
                revision,
            };
            CalendarFile::new(before, opportunity, &facts, student, &invitation)
        });
        send(
            db,
            &to,
            Notice {
                kind,
                name: &name,
                title: &facts.title,
                organization: &facts.organization,
                student: &student.first_name,
                school: &school,
                person: signer,
                link: String::new(),
                facts: None,
                calendar,
                for_organization: None,
                // Safety news goes out whatever became of the host; a
                // mentor named is the host's news (who the adult is), held
                // back once it is suspended: it may introduce the very
                // staff member under review (eyes16b F5).
                about_organization: matches!(
                    news,
                    FamilyNews::Mentor(_) | FamilyNews::MentorHeldBack(..)
                )
                .then_some(opportunity.organization_id),
                placement: Some(before.id),
                date: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// Tells the student of a confirmed placement that `before` (the placement
/// as it was) is off, by mail in their language with the calendar entry
/// cancelled, whatever they chose about optional mail: the confirmation may
/// have put it in their calendar, and a minor whose calendar still shows a
/// site the school has stopped them going to may simply turn up there
/// (eyes15b F5). The reason stays on the placement's page.
pub async fn tell_student(
    db: &impl ConnectionTrait,
    before: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
) -> AppResult<()> {
    if before.status != entity::PlacementStatus::Active {
        return Ok(());
    }
    let Some(user_id) = student.user_id else {
        return Ok(());
    };
    let Some(to) = user_always(db, user_id).await? else {
        return Ok(());
    };
    let facts = Facts::load(db, opportunity).await?;
    let school = school_of(db, student).await?;
    let invitation = Invitation {
        school: &school,
        withdraw: None,
        student_reads: true,
        cancelled: true,
        revision: super::calendar_revision::next(db, before.id, true).await?,
    };
    let calendar = CalendarFile::new(before, opportunity, &facts, student, &invitation);
    send(
        db,
        &to,
        Notice {
            kind: "placement-called-off-student",
            name: &student.first_name,
            title: &facts.title,
            organization: &facts.organization,
            student: &student.first_name,
            school: &school,
            person: "",
            link: format!("/student/placements/{}", before.id),
            facts: None,
            calendar: Some(calendar),
            for_organization: None,
            // Safety news goes out whatever became of the host.
            about_organization: None,
            placement: Some(before.id),
            date: None,
        },
    )
    .await?;
    Ok(())
}

/// The student's school's name, as mail to the family names it.
pub async fn school_of(db: &impl ConnectionTrait, student: &student::Model) -> AppResult<String> {
    Ok(crate::db::found::<school::Entity>(db, student.school_id)
        .await?
        .name)
}

/// Who a placement's calendar file is for, and what it tells them.
struct Invitation<'a> {
    /// The student's school: the organizer's name, and whom to ask.
    school: &'a str,
    /// The site path where the reader withdraws (a guardian's withdrawal
    /// link, the student's placement page), if they have one.
    withdraw: Option<&'a str>,
    /// The student reads it (else a guardian).
    student_reads: bool,
    /// The event called off.
    cancelled: bool,
    /// Which revision of the entry the file is: its `DTSTAMP` and
    /// `SEQUENCE` (`calendar_revision`).
    revision: Revision,
}

/// A placement's calendar file, in no language yet: what
/// [`CalendarFile::attachment`] writes in the reader's. A notice keeps it
/// so, and is written again in another language when the guardian's
/// changed before it went out (`mail::readdress`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CalendarFile {
    uid: String,
    when: When,
    facts: Facts,
    student: String,
    school: String,
    /// The site path where the reader withdraws, if they have one.
    withdraw: Option<String>,
    student_reads: bool,
    cancelled: bool,
    revision: Revision,
}

impl CalendarFile {
    /// The file of `placement` for the reader `invitation` names: a
    /// job-shadow day at its hours in the site's zone, anything longer as
    /// whole days of free time.
    fn new(
        placement: &placement::Model,
        posting: &opportunity::Model,
        facts: &Facts,
        student: &student::Model,
        invitation: &Invitation,
    ) -> Self {
        let when = match (posting.start_time, posting.end_time) {
            (Some(start), Some(end))
                if placement.start_date == placement.end_date && start < end =>
            {
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
        CalendarFile {
            uid,
            when,
            facts: facts.clone(),
            student: student.first_name.clone(),
            school: invitation.school.to_owned(),
            withdraw: invitation.withdraw.map(str::to_owned),
            student_reads: invitation.student_reads,
            cancelled: invitation.cancelled,
            revision: invitation.revision,
        }
    }

    /// The file in `lang`, attached: the posting's schedule, the
    /// supervisor, the school and how to withdraw in its description;
    /// organized by the school from our sending address; `cancelled` calls
    /// off the event a confirmation sent.
    pub fn attachment(&self, lang: Lang) -> Attachment {
        calendar_attachment(self.file(lang))
    }

    fn file(&self, lang: Lang) -> String {
        let facts = &self.facts;
        let location = facts
            .address
            .clone()
            .unwrap_or_else(|| t(lang, "mail-fact-remote"));
        let summary = t_args(
            lang,
            "mail-ics-summary",
            vec![
                ("title", facts.title.as_str().into()),
                ("organization", facts.organization.as_str().into()),
            ],
        );
        // The schedule and supervisor as the mail's facts write them (the
        // posting's words, its hours the reader's way).
        let shown = facts.in_lang(lang);
        let fact = |name: &str| {
            shown
                .get_attr(name)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .filter(|v| !v.is_empty())
        };
        let mut description = vec![t_args(
            lang,
            "mail-ics-description",
            vec![
                ("student", self.student.as_str().into()),
                ("school", self.school.as_str().into()),
            ],
        )];
        for (label, name) in [
            ("mail-fact-schedule", "schedule"),
            ("mail-fact-supervisor", "supervisor"),
        ] {
            if let Some(value) = fact(name) {
                description.push(format!("{}: {value}", t(lang, label)));
            }
        }
        let reader = if self.student_reads {
            "student"
        } else {
            "adult"
        };
        let mut args = vec![
            ("school", self.school.as_str().into()),
            ("student", self.student.as_str().into()),
            ("reader", reader.into()),
        ];
        let next = match &self.withdraw {
            _ if self.cancelled => "mail-ics-called-off",
            Some(path) => {
                // The site's address is put in when the file is sent
                // (`calendar::finish`), as in the mail's own links.
                args.push(("link", format!("{}{path}", crate::mail::SITE).into()));
                "mail-ics-withdraw-link"
            }
            None => "mail-ics-withdraw-school",
        };
        description.push(t_args(lang, next, args));
        let description = description.join("\n");
        calendar::ics(&Event {
            uid: self.uid.clone(),
            stamp: self.revision.stamp,
            when: self.when,
            zone: crate::format::zone_name().map(|name| Zone {
                name,
                offset_at: crate::format::offset_at,
            }),
            summary: &summary,
            location: &location,
            description: &description,
            organizer: Some(Organizer {
                name: &self.school,
                address: calendar::SENDER,
            }),
            sequence: self.revision.sequence,
            cancelled: self.cancelled,
        })
    }
}

/// Who reads a placement's calendar entry, and whether it calls the event
/// off.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry<'a> {
    pub school: &'a str,
    pub student_reads: bool,
    pub cancelled: bool,
    /// Which revision it is (`calendar_revision::next`): a later one
    /// replaces an earlier one in the reader's calendar.
    pub revision: Revision,
}

/// The calendar entry a confirmation of `placement` sent, made again (same
/// UID, a later SEQUENCE): cancelled (`pause`), or confirmed again once the
/// host is verified again (`resume`), so a calendar that took the
/// cancellation shows the event again. The student's carries the way to
/// withdraw (their placement page), as their confirmation's does.
pub(super) fn calendar_entry(
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    facts: &Facts,
    student: &student::Model,
    entry: Entry<'_>,
) -> CalendarFile {
    let page = format!("/student/placements/{}", placement.id);
    let invitation = Invitation {
        school: entry.school,
        withdraw: (entry.student_reads && !entry.cancelled).then_some(page.as_str()),
        student_reads: entry.student_reads,
        cancelled: entry.cancelled,
        revision: entry.revision,
    };
    CalendarFile::new(placement, opportunity, facts, student, &invitation)
}

fn calendar_attachment(body: String) -> Attachment {
    Attachment {
        name: "stembridge-placement.ics".into(),
        content_type: calendar::CONTENT_TYPE.into(),
        body,
    }
}
