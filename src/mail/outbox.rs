//! Writing messages to the outbox: rendered once, in the recipient's
//! language, inside the caller's transaction; and reading them back.
//!
//! A waiting message's bodies and attachment are sealed (`sealed::MAIL_BODY`,
//! bound to the recipient): they hold single-use links (guardian consent,
//! password reset, email confirmation) that a copy of the database or a
//! backup must not hand out. Only the worker, just before sending, and the
//! admins' page (links hidden) open them. Rows queued before sealing hold
//! plain text, told apart by the sealed prefix; they are sealed at start-up.

use chrono::Utc;
use entity::mail_outbox;
use minijinja::Value;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::{
    error::{AppError, AppResult},
    i18n::{self, Lang},
    sealed, templates,
};

/// A file sent along with a message (an `.ics` invitation, say).
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// A message to queue: `templates/mail/{template}.txt` and `.html` are
/// rendered with `ctx` plus `lang`, `site` and `subject`.
pub struct Outgoing<'a> {
    pub to: &'a str,
    pub lang: Lang,
    /// The template's name, also the message's kind for admins.
    pub template: &'a str,
    /// Catalogue id of the subject line, and its arguments.
    pub subject_key: &'a str,
    pub subject_args: Vec<(&'a str, i18n::Arg)>,
    pub ctx: Value,
    pub attachment: Option<Attachment>,
    /// Optional mail: the site path that unsubscribes the recipient from it
    /// (sent as `List-Unsubscribe`). `None` for consent and safety mail,
    /// which nobody can unsubscribe from.
    pub unsubscribe: Option<String>,
    /// Mail to an organization's employers about its students: that
    /// organization. The worker holds the message back if, when it goes
    /// out, the organization is no longer verified or the recipient no
    /// longer one of its enabled employers (a suspension is at once).
    pub for_organization: Option<i32>,
    /// Mail to a family or student about a placement (a confirmation with
    /// its calendar invitation): the host organization. The worker holds
    /// it back if, when it goes out, that organization is suspended.
    pub about_organization: Option<i32>,
    /// The account the message is for (`None` for a guardian, who has
    /// none). While that account's address is unconfirmed, only the mail
    /// proving it goes out; the rest is kept back (see [`enqueue`]).
    pub for_account: Option<i32>,
    /// Which notice a `notice` mail is (its catalogue kind), so a message
    /// the worker held back can be found again (see
    /// `placements::resume`).
    pub notice_kind: Option<&'a str>,
    /// The placement the message is about, if any.
    pub placement: Option<i32>,
    /// The guardian a notice or consent request is written to, found by it
    /// even once their address is corrected (see `placements::resume`).
    pub for_guardian: Option<i32>,
}

/// `last_error` of a message kept back because its address is an
/// account's that was not confirmed yet (see [`enqueue`]).
pub const UNCONFIRMED: &str = "unconfirmed-address";

/// The messages that may go to an address its account has not proven:
/// those that carry the link proving it.
const PROVING_TEMPLATES: [&str; 2] = ["confirm_email", "registration_attempt"];

/// Whether account `id`'s owner has not shown they read its address.
async fn unconfirmed_account(db: &impl ConnectionTrait, id: i32) -> AppResult<bool> {
    use entity::user;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    Ok(user::Entity::find_by_id(id)
        .filter(user::Column::EmailConfirmedAt.is_null())
        .count(db)
        .await?
        > 0)
}

/// A message's subject and bodies, rendered in its language.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders `message`: its subject and bodies, and its attachment.
pub fn render(message: Outgoing<'_>) -> AppResult<(Rendered, Option<Attachment>)> {
    let lang = message.lang;
    let subject = i18n::t_args(lang, message.subject_key, message.subject_args);
    let ctx = minijinja::context! {
        lang => lang.code(),
        site => super::SITE,
        subject => subject.clone(),
        unsubscribe => message.unsubscribe.clone(),
        ..message.ctx
    };
    let text = templates::render_text(&format!("mail/{}.txt", message.template), &ctx)?;
    let html = templates::render_text(&format!("mail/{}.html", message.template), &ctx)?;
    Ok((
        Rendered {
            subject,
            text,
            html,
        },
        message.attachment,
    ))
}

/// Renders and queues one message; it is sent once the caller commits.
///
/// A student's address is unproven until they open its confirmation link
/// signed in: typed at claim, it may be a typo or somebody else's inbox.
/// Until then any other message for that account is recorded as kept back
/// (no text, never sent; the student still sees their news on the site).
/// The rule follows the account, not the address: mail for a guardian
/// whose address someone else typed into an account still goes.
pub async fn enqueue(db: &impl ConnectionTrait, message: Outgoing<'_>) -> AppResult<i64> {
    enqueue_keeping(db, message, None).await
}

/// [`enqueue`], keeping with the message the `words` of a guardian's
/// notice (`notices::send`), sealed as its bodies are, so it can be
/// written again in the guardian's language if their address changes
/// before it goes out (`readdress`).
pub(super) async fn enqueue_keeping(
    db: &impl ConnectionTrait,
    message: Outgoing<'_>,
    words: Option<&str>,
) -> AppResult<i64> {
    let kept_back = match message.for_account {
        Some(id) => {
            !PROVING_TEMPLATES.contains(&message.template) && unconfirmed_account(db, id).await?
        }
        None => false,
    };
    let to = message.to.to_owned();
    let lang = message.lang;
    let kind = message.template.to_owned();
    let unsubscribe = message.unsubscribe.clone();
    let for_organization = message.for_organization;
    let about_organization = message.about_organization;
    let notice_kind = message.notice_kind.map(str::to_owned);
    let placement = message.placement;
    let for_guardian = message.for_guardian;
    let (rendered, attachment) = render(message)?;
    let now = Utc::now();
    let (attachment_name, attachment_type, attachment) = match attachment {
        Some(a) => (Some(a.name), Some(a.content_type), Some(a.body)),
        None => (None, None, None),
    };
    let seal = |plain: &str| {
        sealed::MAIL_BODY
            .seal(&to, plain)
            .map_err(|e| AppError::Internal(anyhow::anyhow!(e)))
    };
    // Kept back: nothing to send, so nothing of it is kept.
    let (text_body, html_body, attachment, words) = if kept_back {
        (String::new(), String::new(), None, None)
    } else {
        (
            seal(&rendered.text)?,
            seal(&rendered.html)?,
            attachment.as_deref().map(seal).transpose()?,
            words.map(seal).transpose()?,
        )
    };
    let saved = mail_outbox::ActiveModel {
        recipient: Set(to.clone()),
        language: Set(lang.code().to_owned()),
        kind: Set(kind),
        subject: Set(rendered.subject.chars().take(300).collect()),
        text_body: Set(text_body),
        html_body: Set(html_body),
        attachment_name: Set(attachment_name),
        attachment_type: Set(attachment_type),
        attachment: Set(attachment),
        attempts: Set(0),
        created_at: Set(now),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        failed_at: Set(kept_back.then_some(now)),
        last_error: Set(kept_back.then(|| UNCONFIRMED.to_owned())),
        unsubscribe_path: Set(unsubscribe),
        for_organization_id: Set(for_organization),
        about_organization_id: Set(about_organization),
        notice_kind: Set(notice_kind),
        placement_id: Set(placement),
        guardian_id: Set(for_guardian),
        notice_words: Set(words),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// Records that message `mail_id` lists postings of `organizations` (the
/// weekly digest names many hosts, so no one `about_organization` fits):
/// the worker holds it back if any of them is no longer verified when it
/// goes out (see `worker::still_theirs`). In the queuing transaction.
pub async fn lists_organizations(
    db: &impl ConnectionTrait,
    mail_id: i64,
    organizations: impl IntoIterator<Item = i32>,
) -> AppResult<()> {
    use entity::mail_outbox_organization as listed;
    use sea_orm::EntityTrait;
    let mut ids: Vec<i32> = organizations.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    listed::Entity::insert_many(ids.into_iter().map(|organization_id| listed::ActiveModel {
        mail_id: Set(mail_id),
        organization_id: Set(organization_id),
    }))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A stored message's bodies and attachment, opened.
pub struct Bodies {
    pub text: String,
    pub html: String,
    pub attachment: Option<String>,
}

/// Opens a message's bodies (plain ones, queued before sealing, as they
/// are); an error if they were sealed under another `SECRET_KEY`.
pub fn bodies(row: &mail_outbox::Model) -> Result<Bodies, String> {
    let open = |stored: &str| {
        if sealed::is_sealed(stored) {
            sealed::MAIL_BODY.open(&row.recipient, stored)
        } else {
            Ok(stored.to_owned())
        }
    };
    Ok(Bodies {
        text: open(&row.text_body)?,
        html: open(&row.html_body)?,
        attachment: row.attachment.as_deref().map(open).transpose()?,
    })
}

/// Seals the bodies of waiting messages queued before sealing (plain text,
/// e.g. on a server upgraded with mail waiting for an SMTP server); returns
/// how many. Run at start-up, once the key is known.
pub async fn seal_waiting(db: &impl ConnectionTrait) -> AppResult<usize> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let plain = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .filter(mail_outbox::Column::TextBody.not_like(format!("{}%", sealed::PREFIX)))
        .all(db)
        .await?;
    let fail = |e: String| AppError::Internal(anyhow::anyhow!(e));
    for row in &plain {
        let seal = |text: &str| sealed::MAIL_BODY.seal(&row.recipient, text).map_err(fail);
        let attachment = row.attachment.as_deref().map(seal).transpose()?;
        // Only while still plain: a body the worker sent meanwhile stays
        // as the worker left it.
        mail_outbox::Entity::update_many()
            .col_expr(
                mail_outbox::Column::TextBody,
                Expr::value(seal(&row.text_body)?),
            )
            .col_expr(
                mail_outbox::Column::HtmlBody,
                Expr::value(seal(&row.html_body)?),
            )
            .col_expr(mail_outbox::Column::Attachment, Expr::value(attachment))
            .filter(mail_outbox::Column::Id.eq(row.id))
            .filter(mail_outbox::Column::TextBody.eq(row.text_body.as_str()))
            .filter(mail_outbox::Column::SentAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(plain.len())
}

/// Mail not yet sent nor given up on, and the age of the oldest, for `/readyz`.
pub async fn backlog(db: &impl ConnectionTrait) -> AppResult<crate::outbox::Backlog> {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
    let waiting = || {
        mail_outbox::Entity::find()
            .filter(mail_outbox::Column::SentAt.is_null())
            .filter(mail_outbox::Column::FailedAt.is_null())
    };
    let oldest = waiting()
        .select_only()
        .column_as(mail_outbox::Column::CreatedAt.min(), "oldest")
        .into_tuple::<Option<chrono::DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let pending = waiting().count(db).await?;
    Ok(crate::outbox::Backlog::new(pending, oldest))
}

/// What became of a queued message, as the pages that rely on it say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// The SMTP server accepted it.
    Sent,
    /// Not sent yet: no SMTP server configured, or it is being retried.
    Waiting,
    /// Held back because the organization it is about lost its
    /// verification (a suspension under review): the worker held it back
    /// (`worker::WITHHELD`), or will when it comes to it. Nothing is wrong
    /// with the address; like mail given up on it reached nobody and
    /// counts toward no cap (eyes16c F4).
    Held,
    /// Given up on (failed for good, kept back): never sent.
    Failed,
}

/// The ids of messages that were given up on: a condition for the rows
/// that point at them (`column` holds a message id), true where the
/// message is not one of them (no message recorded counts as sent).
pub fn not_given_up<C: sea_orm::ColumnTrait>(column: C) -> sea_orm::Condition {
    use sea_orm::{ColumnTrait, sea_query::Query};
    let failed = Query::select()
        .column(mail_outbox::Column::Id)
        .from(mail_outbox::Entity)
        .and_where(mail_outbox::Column::SentAt.is_null())
        .and_where(mail_outbox::Column::FailedAt.is_not_null())
        .to_owned();
    // `NOT IN` is never true for NULL, so rows without a message are let
    // through by name.
    sea_orm::Condition::any()
        .add(column.is_null())
        .add(column.not_in_subquery(failed))
}

/// What became of each of `ids` (a page's worth of messages).
pub async fn deliveries(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> AppResult<std::collections::HashMap<i64, Delivery>> {
    use entity::{OrgStatus, organization};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    let ids: Vec<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    // Its id, when it was sent, when it was given up on and why, and the
    // organization it is about.
    type Outcome = (
        i64,
        Option<chrono::DateTime<Utc>>,
        Option<chrono::DateTime<Utc>>,
        Option<String>,
        Option<i32>,
    );
    let rows: Vec<Outcome> = mail_outbox::Entity::find()
        .select_only()
        .column(mail_outbox::Column::Id)
        .column(mail_outbox::Column::SentAt)
        .column(mail_outbox::Column::FailedAt)
        .column(mail_outbox::Column::LastError)
        .column(mail_outbox::Column::AboutOrganizationId)
        .filter(mail_outbox::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    // Waiting mail about an organization not verified now is held back as
    // soon as the worker comes to it: it reads as held already.
    let hosts: std::collections::HashSet<i32> = rows.iter().filter_map(|r| r.4).collect();
    let unverified: std::collections::HashSet<i32> = if hosts.is_empty() {
        Default::default()
    } else {
        organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .filter(organization::Column::Id.is_in(hosts))
            .filter(organization::Column::Status.ne(OrgStatus::Verified))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|(id, sent, failed, error, host)| {
            let state = match (sent, failed) {
                (Some(_), _) => Delivery::Sent,
                (None, Some(_)) if error.as_deref() == Some(super::worker::WITHHELD) => {
                    Delivery::Held
                }
                (None, Some(_)) => Delivery::Failed,
                (None, None) if host.is_some_and(|h| unverified.contains(&h)) => Delivery::Held,
                (None, None) => Delivery::Waiting,
            };
            (id, state)
        })
        .collect())
}
