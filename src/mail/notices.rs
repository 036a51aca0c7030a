//! Optional email about what happens: offers and decisions (students), new
//! applications and consent outcomes (employers), and the confirmation of a
//! placement or a job-shadow day (students, guardians). Each goes only to
//! people who want it, carries its one-click unsubscribe, and is queued in
//! the caller's transaction like all mail.

use entity::{ApplicationStatus, MailTopic, opportunity, student};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::{
    Attachment, Outgoing, enqueue,
    preferences::{Reachable, user_wants},
};
use crate::error::AppResult;

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
    /// The placement's facts (`placements::consent::Facts`), when it has them.
    pub facts: Option<minijinja::Value>,
    pub attachment: Option<Attachment>,
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

/// Queues `notice` to someone who wants it. A guardian's notice about a
/// placement asks their counselors to call a family that reads a language
/// we do not write once it is sent (`worker::sent`), not now: held back
/// (the host suspended again), it told the family nothing (eyes20 F5).
pub async fn send(db: &impl ConnectionTrait, to: &Reachable, notice: Notice<'_>) -> AppResult<i64> {
    let contact = match to.guardian {
        Some(id) => crate::admin::contact::for_guardian(db, id, notice.placement).await?,
        None => None,
    };
    enqueue(
        db,
        Outgoing {
            to: &to.email,
            lang: to.lang,
            template: "notice",
            subject_key: &format!("mail-{}-subject", notice.kind),
            subject_args: vec![
                ("title", notice.title.into()),
                ("student", notice.student.into()),
                ("organization", notice.organization.into()),
            ],
            ctx: minijinja::context! {
                kind => notice.kind,
                name => notice.name,
                title => notice.title,
                organization => notice.organization,
                student => notice.student,
                link => notice.link,
                facts => notice.facts,
                school => notice.school,
                person => notice.person,
                date => notice.date.map(|day| day.to_string()),
                footer => to.footer,
                preferences => to.preferences.clone(),
                tagline => to.tagline.clone(),
                contact,
            },
            attachment: notice.attachment,
            unsubscribe: to.unsubscribe.clone(),
            for_organization: notice.for_organization,
            about_organization: notice.about_organization,
            for_account: to.account,
            notice_kind: Some(notice.kind),
            placement: notice.placement,
            for_guardian: to.guardian,
        },
    )
    .await
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
            attachment: None,
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
                attachment: None,
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
