//! Optional email about what happens: offers and decisions (students), new
//! applications and consent outcomes (employers), and the confirmation of a
//! placement or a job-shadow day (students, guardians). Each goes only to
//! people who want it, carries its one-click unsubscribe, and is queued in
//! the caller's transaction like all mail.

use entity::{ApplicationStatus, MailTopic, guardian, mail_outbox, opportunity, student};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::{Deserialize, Serialize};

use super::{
    Attachment, Outgoing,
    outbox::{Rendered, enqueue_keeping, render},
    preferences::{Reachable, Recipient, sign_again, user_wants},
};
use crate::{
    error::{AppError, AppResult},
    placements::{confirmation::CalendarFile, consent::Facts},
    sealed,
};

/// One optional message: `templates/mail/notice.*` with the catalogue's
/// `mail-{kind}-subject`, `-body` and `-button` texts.
pub struct Notice<'a> {
    pub kind: &'a str,
    /// Who the greeting names.
    pub name: &'a str,
    pub title: &'a str,
    pub organization: &'a str,
    pub student: &'a str,
    /// The student's school, for mail to a family (else empty).
    pub school: &'a str,
    /// A person the notice names: the name a guardian's decision was
    /// recorded with, or a mentor (else empty).
    pub person: &'a str,
    /// The site path the button opens.
    pub link: String,
    /// The placement's facts, when it has them (written in the reader's
    /// language: `Facts::in_lang`).
    pub facts: Option<Facts>,
    /// The placement's calendar file, attached in the reader's language.
    pub calendar: Option<CalendarFile>,
    /// Mail to an organization's employers: that organization (see
    /// [`Outgoing::for_organization`]).
    pub for_organization: Option<i32>,
    /// Mail to a family or student about a placement: its host (see
    /// [`Outgoing::about_organization`]).
    pub about_organization: Option<i32>,
    /// The placement it is about, recorded on the queued message (a held
    /// back mentor introduction is found again by it: `placements::resume`).
    pub placement: Option<i32>,
    /// A day the text names (`$date`, in the reader's long form).
    pub date: Option<chrono::NaiveDate>,
}

/// What a notice says, in no language yet. A guardian's notice about a
/// placement keeps it with the queued message (`mail_outbox.notice_words`, sealed as the
/// bodies are: its link may be a withdrawal link), so that one re-addressed
/// after a counselor corrected the family's language too is written again
/// in the language the guardian has when it goes out (`readdress`).
#[derive(Debug, Serialize, Deserialize)]
struct Words {
    kind: String,
    name: String,
    title: String,
    organization: String,
    student: String,
    school: String,
    person: String,
    link: String,
    facts: Option<Facts>,
    calendar: Option<CalendarFile>,
    date: Option<chrono::NaiveDate>,
    for_organization: Option<i32>,
    about_organization: Option<i32>,
    placement: Option<i32>,
}

impl Words {
    fn of(notice: Notice<'_>) -> Self {
        Words {
            kind: notice.kind.to_owned(),
            name: notice.name.to_owned(),
            title: notice.title.to_owned(),
            organization: notice.organization.to_owned(),
            student: notice.student.to_owned(),
            school: notice.school.to_owned(),
            person: notice.person.to_owned(),
            link: notice.link,
            facts: notice.facts,
            calendar: notice.calendar,
            date: notice.date,
            for_organization: notice.for_organization,
            about_organization: notice.about_organization,
            placement: notice.placement,
        }
    }

    /// The message to `to`, in their language, with the school's contact
    /// of a guardian (`contact`); `subject_key` is its subject's id.
    fn outgoing<'a>(
        &'a self,
        to: &'a Reachable,
        contact: Option<crate::admin::contact::Contact>,
        subject_key: &'a str,
    ) -> Outgoing<'a> {
        Outgoing {
            to: &to.email,
            lang: to.lang,
            template: "notice",
            subject_key,
            subject_args: vec![
                ("title", self.title.as_str().into()),
                ("student", self.student.as_str().into()),
                ("organization", self.organization.as_str().into()),
            ],
            ctx: minijinja::context! {
                kind => self.kind,
                name => self.name,
                title => self.title,
                organization => self.organization,
                student => self.student,
                link => self.link,
                facts => self.facts.as_ref().map(|facts| facts.in_lang(to.lang)),
                school => self.school,
                person => self.person,
                date => self.date.map(|day| day.to_string()),
                footer => to.footer,
                preferences => to.preferences.clone(),
                tagline => to.tagline.clone(),
                contact,
            },
            attachment: self.calendar.as_ref().map(|file| file.attachment(to.lang)),
            unsubscribe: to.unsubscribe.clone(),
            for_organization: self.for_organization,
            about_organization: self.about_organization,
            for_account: to.account,
            notice_kind: Some(self.kind.as_str()),
            placement: self.placement,
            for_guardian: to.guardian,
        }
    }

    /// The school's contact a guardian's mail shows.
    async fn contact(
        &self,
        db: &impl ConnectionTrait,
        to: &Reachable,
    ) -> AppResult<Option<crate::admin::contact::Contact>> {
        match to.guardian {
            Some(id) => crate::admin::contact::for_guardian(db, id, self.placement).await,
            None => Ok(None),
        }
    }

    fn subject_key(&self) -> String {
        format!("mail-{}-subject", self.kind)
    }
}

/// Queues `notice` to someone who wants it. A guardian's notice about a
/// placement asks their counselors to call a family that reads a language
/// we do not write once it is sent (`worker::sent`), not now: held back
/// (the host suspended again), it told the family nothing (eyes20 F5).
pub async fn send(db: &impl ConnectionTrait, to: &Reachable, notice: Notice<'_>) -> AppResult<i64> {
    let words = Words::of(notice);
    // Only a guardian's notice about a placement is ever written again
    // (`readdress`). Not one about their own settings: it is written in the
    // language they had before the change, which whoever made it (with a
    // link that was not theirs) may have chosen for them not to read.
    let recorded = match (to.guardian, words.placement) {
        (Some(_), Some(_)) => Some(serde_json::to_string(&words).map_err(internal)?),
        _ => None,
    };
    let contact = words.contact(db, to).await?;
    let subject_key = words.subject_key();
    enqueue_keeping(
        db,
        words.outgoing(to, contact, &subject_key),
        recorded.as_deref(),
    )
    .await
}

fn internal(error: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("{error}"))
}

/// A guardian's notice written again for the guardian's address and
/// language now (see [`rewrite`]): what `readdress` stores in its place,
/// each part sealed for the new address.
pub struct Rewritten {
    pub rendered: Rendered,
    pub attachment: Option<Attachment>,
    /// The words, as [`send`] records them, their links signed for the
    /// new address.
    pub words: String,
}

/// Whether the notice `row` greets a name other than `guardian`'s on file
/// now (a name corrected since it was queued, perhaps from another
/// person's): written again before it goes (eyes41b G2). `false` when it
/// kept no words or they do not open.
pub fn greets_another(row: &mail_outbox::Model, guardian: &guardian::Model) -> bool {
    let Some(kept) = row.notice_words.as_deref() else {
        return false;
    };
    let Ok(opened) = sealed::MAIL_BODY.open(&row.recipient, kept) else {
        return false;
    };
    serde_json::from_str::<Words>(&opened)
        .is_ok_and(|words| words.name != crate::families::service::full_name(guardian))
}

/// `row`, a notice to `guardian`, written again for `to` (the guardian's
/// address and language now; its unsubscribe link, if any, signed for that
/// address): the same words, in `to`'s language, their links signed again
/// for the new address, greeting the guardian as they are on file now. A
/// correction of a wrong contact often changes the name with the address:
/// the right guardian must not be greeted by, and so learn, the name of the
/// person the school had on file by mistake (eyes41 F6). `None` when it
/// kept no words (queued before migration 63) or they do not open (another
/// `SECRET_KEY`).
pub async fn rewrite(
    db: &impl ConnectionTrait,
    row: &mail_outbox::Model,
    guardian: &guardian::Model,
    to: &Reachable,
) -> AppResult<Option<Rewritten>> {
    let guardian_id = guardian.id;
    let Some(kept) = row.notice_words.as_deref() else {
        return Ok(None);
    };
    let Ok(opened) = sealed::MAIL_BODY.open(&row.recipient, kept) else {
        return Ok(None);
    };
    let opened = sign_again(
        &opened,
        Recipient::Guardian(guardian_id),
        &row.recipient,
        &to.email,
    );
    let Ok(mut words) = serde_json::from_str::<Words>(&opened) else {
        return Ok(None);
    };
    // Every guardian's notice greets the guardian it goes to.
    words.name = crate::families::service::full_name(guardian);
    let Ok(kept) = serde_json::to_string(&words) else {
        return Ok(None);
    };
    let contact = words.contact(db, to).await?;
    let subject_key = words.subject_key();
    let (rendered, attachment) = render(words.outgoing(to, contact, &subject_key))?;
    Ok(Some(Rewritten {
        rendered,
        attachment,
        words: kept,
    }))
}

/// An offer or a "not selected" tells the student, if they asked for updates.
pub async fn decision_to_student(
    db: &impl ConnectionTrait,
    student: &student::Model,
    opportunity: &opportunity::Model,
    application_id: i32,
    status: ApplicationStatus,
) -> AppResult<()> {
    let kind = match status {
        ApplicationStatus::Offered => "offer",
        ApplicationStatus::Rejected => "not-selected",
        // Moving to review or interview is news for the in-app list only.
        _ => return Ok(()),
    };
    let Some(user_id) = student.user_id else {
        return Ok(());
    };
    let Some(to) = user_wants(db, user_id, MailTopic::Updates).await? else {
        return Ok(());
    };
    let organization =
        crate::organizations::service::name_of(db, opportunity.organization_id).await?;
    send(
        db,
        &to,
        Notice {
            kind,
            name: &student.first_name,
            title: &opportunity.title,
            organization: &organization,
            student: &student.first_name,
            school: "",
            person: "",
            link: format!("/student/applications/{application_id}"),
            facts: None,
            calendar: None,
            for_organization: None,
            // Not sent once the organization lost access (eyes13b F2).
            about_organization: Some(opportunity.organization_id),
            placement: None,
            date: None,
        },
    )
    .await?;
    Ok(())
}

/// Employers of the organization who asked for updates hear `kind`
/// (`new-application`, `consent-given`, `consent-declined`) about a student
/// of theirs; `user_ids` are the organization's employers.
pub async fn to_employers(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
    kind: &str,
    opportunity: &opportunity::Model,
    student_first_name: &str,
    link: &str,
) -> AppResult<()> {
    for &user_id in user_ids {
        let Some(to) = user_wants(db, user_id, MailTopic::Updates).await? else {
            continue;
        };
        let name = entity::user::Entity::find_by_id(user_id)
            .one(db)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default();
        send(
            db,
            &to,
            Notice {
                kind,
                name: &name,
                title: &opportunity.title,
                organization: "",
                student: student_first_name,
                school: "",
                person: "",
                link: link.to_owned(),
                facts: None,
                calendar: None,
                for_organization: Some(opportunity.organization_id),
                about_organization: None,
                placement: None,
                date: None,
            },
        )
        .await?;
    }
    Ok(())
}
