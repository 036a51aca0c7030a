//! Sending the outbox over SMTP: a message is marked sent only once the
//! server accepted it; a failure is retried with exponential backoff, and
//! after `MAX_ATTEMPTS` (or at once, when the server refuses the recipient's
//! address for good: `refusal`) the message is marked failed for good.
//! Either way its bodies are deleted in the same update (they may hold
//! single-use links); admins still see to whom, what subject and what
//! became of it.
//!
//! Several app servers share the outbox: a round claims its messages first
//! (`claimed_by`, `claimed_until`, one conditional UPDATE, `SKIP LOCKED` on
//! PostgreSQL), so each message is sent by one server. A server that dies
//! mid-round gives its messages back when the claim lapses; one that died
//! after the SMTP server accepted a message but before it was marked sent
//! leaves it to be sent again then (SMTP offers no way to ask).

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use entity::{OrgStatus, Role, mail_outbox, mail_outbox_organization, organization, user};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Attachment, Mailbox, MultiPart, SinglePart,
        header::{ContentType, HeaderName, HeaderValue},
    },
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, UpdateMany,
    sea_query::{Alias, Expr, ExprTrait, LockBehavior, LockType, Order, Query},
};
use tokio::task::JoinHandle;

use super::refusal::Refusal;
use crate::{
    error::AppResult,
    jobs::{Claim, Tries},
};

/// Tries before a message is marked failed for good: the waits double
/// from a second up to [`MAX_BACKOFF_SECONDS`], so 36 tries span about a
/// day (68 minutes for the first 12, then hourly). A relay restarted or a
/// network down for hours must not lose a consent request or a safety
/// message for good; eight tries spanned two minutes (eyes16b F4).
pub const MAX_ATTEMPTS: i32 = 36;
/// Longest wait between two tries.
const MAX_BACKOFF_SECONDS: i64 = 3600;
/// Messages handled per round.
const BATCH: u64 = 20;
/// How long a round's claim holds: a round of [`BATCH`] messages at the
/// transport's 20-second timeout each fits in it.
const CLAIM_SECONDS: i64 = 600;

/// What the worker needs to send: the SMTP transport, the sender, the site.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    site: String,
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtp://`, `smtps://`, `?tls=required` or
    /// `opportunistic`, `user:pass@`), sending as `from`, with links to `site`.
    pub fn new(smtp_url: &str, from: &str, site: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| anyhow::anyhow!("SMTP_URL is not usable: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM is not an address: {e}"))?;
        Ok(Self {
            transport,
            from,
            site: site.trim_end_matches('/').to_owned(),
        })
    }

    fn message(&self, row: &mail_outbox::Model) -> Result<Message, String> {
        let to: Mailbox = row
            .recipient
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
        // Opened only here, just before it goes out (sealed at rest).
        let bodies = super::outbox::bodies(row)?;
        let text = bodies.text.replace(super::SITE, &self.site);
        let html = bodies.html.replace(super::SITE, &self.site);
        let body = MultiPart::alternative()
            .singlepart(SinglePart::plain(text))
            .singlepart(SinglePart::html(html));
        let body = match (
            // A calendar file's links and organizer are put in now, as the
            // bodies' links are.
            bodies
                .attachment
                .map(|file| super::calendar::finish(&file, &self.site, self.from.email.as_ref())),
            &row.attachment_name,
            &row.attachment_type,
        ) {
            (Some(content), Some(name), Some(kind)) => {
                let kind = ContentType::parse(kind).map_err(|e| e.to_string())?;
                MultiPart::mixed()
                    .multipart(body)
                    .singlepart(Attachment::new(name.clone()).body(content, kind))
            }
            _ => body,
        };
        // One id per queued message (RFC 5322 3.6.4), the same if it is sent
        // again after a crash, so a receiving server or mail client can drop
        // the copy; Gmail refuses mail without one (eyes15b F1). Signed, so
        // it says nothing of how many messages we send.
        let message_id = format!(
            "<{}@{}>",
            &crate::tokens::sign(&format!("message-id:{}", row.id))[..32],
            self.from.email.domain()
        );
        let mut builder = Message::builder()
            .message_id(Some(message_id))
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            // The language it is written in (RFC 3282), for mail clients that
            // read aloud or offer to translate: our own codes, plain ASCII.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                row.language.clone(),
            ));
        // Optional mail only (RFC 2369, RFC 8058): one click in the mail
        // client unsubscribes with a POST to the link, no sign-in needed.
        if let Some(path) = &row.unsubscribe_path {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{}{path}>", self.site),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        builder.multipart(body).map_err(|e| e.to_string())
    }
}

/// Claims up to [`BATCH`] due messages for the round `token` and returns
/// them. Free messages are those never claimed, whose claim lapsed, or
/// claimed by an earlier round of this process (one worker runs per
/// process, so that round was cut off). Of two servers claiming at once,
/// PostgreSQL re-checks the claim condition on each row the other one
/// took, and SQLite runs one write at a time: no message is claimed twice.
pub async fn claim(
    db: &DatabaseConnection,
    token: &str,
    now: chrono::DateTime<Utc>,
) -> AppResult<Vec<mail_outbox::Model>> {
    use mail_outbox::Column as C;
    // An idle worker looks every 250 ms: a plain read while nothing is due.
    let due = mail_outbox::Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::SentAt.is_null())
        .filter(C::FailedAt.is_null())
        .filter(C::NextAttemptAt.lte(now))
        .into_tuple::<i64>()
        .one(db)
        .await?;
    if due.is_none() {
        return Ok(Vec::new());
    }
    // One recipient's mail goes out in the order it was queued: a message
    // waits while an older one to the same address is still being retried,
    // or "confirmed" could land after "will not go on" (eyes16c F2).
    let earlier = Alias::new("earlier");
    let older_waiting = Query::select()
        .expr(Expr::val(1))
        .from_as(mail_outbox::Entity, earlier.clone())
        .and_where(
            Expr::col((earlier.clone(), C::Recipient)).equals((mail_outbox::Entity, C::Recipient)),
        )
        .and_where(Expr::col((earlier.clone(), C::Id)).lt(Expr::col((mail_outbox::Entity, C::Id))))
        .and_where(Expr::col((earlier.clone(), C::SentAt)).is_null())
        .and_where(Expr::col((earlier, C::FailedAt)).is_null())
        .to_owned();
    let due = Query::select()
        .column(C::Id)
        .from(mail_outbox::Entity)
        .and_where(C::SentAt.is_null())
        .and_where(C::FailedAt.is_null())
        .and_where(C::NextAttemptAt.lte(now))
        .and_where(Expr::exists(older_waiting).not())
        .cond_where(CLAIM.free(now))
        .order_by(C::Id, Order::Asc)
        .limit(BATCH)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .to_owned();
    CLAIM
        .take::<mail_outbox::Entity>(db, due, C::Id, token, now, CLAIM_SECONDS)
        .await?;
    let unsent = Condition::all()
        .add(C::SentAt.is_null())
        .add(C::FailedAt.is_null());
    CLAIM
        .held::<mail_outbox::Entity>(db, token, unsent, C::Id)
        .await
}

/// Gives back the messages this process claimed and did not send (a clean
/// shutdown): the other servers send them at once instead of after the lapse.
pub async fn release_claims(db: &DatabaseConnection) -> AppResult<u64> {
    CLAIM.release::<mail_outbox::Entity>(db).await
}

/// Adds to the update that marks a message sent (or failed for good) the
/// deletion of its bodies and attachment (and a notice's words): they may
/// hold single-use links (consent, password reset, email confirmation)
/// that a copy of the database must not hand out, and nothing reads them
/// once the message is done. Recipient, subject, kind and status stay for the admins' list.
pub(super) fn scrub(update: UpdateMany<mail_outbox::Entity>) -> UpdateMany<mail_outbox::Entity> {
    update
        .col_expr(mail_outbox::Column::TextBody, Expr::value(""))
        .col_expr(mail_outbox::Column::HtmlBody, Expr::value(""))
        .col_expr(mail_outbox::Column::Attachment, Expr::value(None::<String>))
        .col_expr(
            mail_outbox::Column::NoticeWords,
            Expr::value(None::<String>),
        )
}

/// How `last_error` starts for a message a server refused for a reason
/// other than its recipient's address (`refusal`): tried again, and
/// counted on the admins' mail page.
pub const REFUSED_NOT_ADDRESS: &str = "refused, not for the address: ";

/// How many waiting messages a server last refused for a reason other than
/// their address, and the newest such reason: the admins' mail page says
/// so above the list (a wrong relay password, a sending address the relay
/// will not take), as nothing else would show the outage.
pub async fn refused_not_for_address(
    db: &impl ConnectionTrait,
) -> AppResult<(u64, Option<String>)> {
    use mail_outbox::Column as C;
    let refused = || {
        mail_outbox::Entity::find()
            .filter(C::SentAt.is_null())
            .filter(C::FailedAt.is_null())
            .filter(C::LastError.starts_with(REFUSED_NOT_ADDRESS))
    };
    let count = refused().count(db).await?;
    let newest = refused()
        .select_only()
        .column(C::LastError)
        .order_by_desc(C::Id)
        .into_tuple::<Option<String>>()
        .one(db)
        .await?
        .flatten()
        .map(|error| error.trim_start_matches(REFUSED_NOT_ADDRESS).to_owned());
    Ok((count, newest))
}

/// `last_error` of a message held back because its organization lost
/// access before it went out (see [`still_theirs`]).
pub const WITHHELD: &str = "withheld";

/// Whether mail for an organization's employers may still go to its
/// recipient: the organization is verified and the recipient one of its
/// enabled employers; and whether mail to a family about a placement may
/// still go: its host organization is verified. Checked just before
/// sending, so a suspension, a disabled account or a removal stops mail
/// queued before it, even when it waited hours for the SMTP server (no
/// invitation to a suspended organization's site reaches a family); and
/// whether a message listing postings (the weekly digest) still lists only
/// verified organizations' ones (`outbox::lists_organizations`): a digest
/// waiting for the relay when a host is suspended would otherwise still
/// advertise its postings to students. Other mail always may.
async fn still_theirs(db: &impl ConnectionTrait, row: &mail_outbox::Model) -> AppResult<bool> {
    let verified = || {
        Query::select()
            .column(organization::Column::Id)
            .from(organization::Entity)
            .and_where(organization::Column::Status.eq(OrgStatus::Verified))
            .to_owned()
    };
    if let Some(host) = row.about_organization_id {
        let verified = organization::Entity::find_by_id(host)
            .filter(organization::Column::Status.eq(OrgStatus::Verified))
            .count(db)
            .await?
            > 0;
        if !verified {
            return Ok(false);
        }
    }
    let lists_unverified = mail_outbox_organization::Entity::find()
        .filter(mail_outbox_organization::Column::MailId.eq(row.id))
        .filter(mail_outbox_organization::Column::OrganizationId.not_in_subquery(verified()))
        .count(db)
        .await?
        > 0;
    if lists_unverified {
        return Ok(false);
    }
    let Some(organization_id) = row.for_organization_id else {
        return Ok(true);
    };
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(row.recipient.as_str()))
        .filter(user::Column::Role.eq(Role::Employer))
        .filter(user::Column::OrganizationId.eq(organization_id))
        .filter(user::Column::OrganizationId.in_subquery(verified()))
        .filter(user::Column::DisabledAt.is_null())
        .count(db)
        .await?
        > 0)
}

/// Holds `row` back for good, if it still may not go out once its host's
/// row is share-locked: a reinstatement (which locks that row for update)
/// either committed before, and the message goes out after all (`false`),
/// or reads it as held back, and asks the family again or introduces the
/// mentor again (`placements::resume`). Without the lock a reinstatement
/// committing between the check and this write would find the message
/// still waiting, and nobody would send it.
async fn withhold(db: &DatabaseConnection, row: &mail_outbox::Model) -> AppResult<bool> {
    let txn = crate::db::begin_write(db).await?;
    if let Some(host) = row.about_organization_id {
        organization::Entity::find_by_id(host)
            .lock_shared()
            .one(&txn)
            .await?;
    }
    if still_theirs(&txn, row).await? {
        return Ok(false);
    }
    scrub(CLAIM.clear(mail_outbox::Entity::update_many()))
        .col_expr(mail_outbox::Column::FailedAt, Expr::value(Utc::now()))
        .col_expr(mail_outbox::Column::LastError, Expr::value(WITHHELD))
        .filter(mail_outbox::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(true)
}

/// Who holds a message, until when.
pub(super) const CLAIM: Claim<mail_outbox::Column> = Claim {
    by: mail_outbox::Column::ClaimedBy,
    until: mail_outbox::Column::ClaimedUntil,
};

/// How a message's tries went.
const TRIES: Tries<mail_outbox::Column> = Tries {
    attempts: mail_outbox::Column::Attempts,
    next_attempt_at: mail_outbox::Column::NextAttemptAt,
    last_error: mail_outbox::Column::LastError,
};

/// Sends every due message once; returns how many were tried.
pub async fn run_once(db: &DatabaseConnection, mailer: &Mailer) -> AppResult<usize> {
    static ROUNDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let round = ROUNDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let rows = claim(db, &crate::jobs::claim_token(round), Utc::now()).await?;
    let tried = rows.len();
    for row in rows {
        // Queued to a guardian at an address no longer theirs: never sent
        // there (re-addressed or held back: `readdress`).
        if !super::readdress::as_queued(db, &row).await? {
            continue;
        }
        if !still_theirs(db, &row).await? && withhold(db, &row).await? {
            tracing::info!(id = row.id, "mail held back: its organization lost access");
            // A digest also names verified hosts' postings: the student's
            // week is queued again without the one held back.
            if row.kind == "digest" {
                super::digest::give_back(db, row.id).await?;
            }
            continue;
        }
        let outcome = match mailer.message(&row) {
            Ok(message) => mailer
                .transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| {
                    let refusal = e
                        .status()
                        .filter(|_| e.is_permanent())
                        .map(|code| super::refusal::read(code.into(), &e.to_string()));
                    match refusal {
                        Some(Refusal::Recipient) => (true, true, e.to_string()),
                        // Our sender, login or content refused, a full
                        // mailbox: an outage of ours, tried again and
                        // shown to the admins, never the family's bounce.
                        Some(Refusal::NotTheAddress) => {
                            (false, false, format!("{REFUSED_NOT_ADDRESS}{e}"))
                        }
                        None => (false, false, e.to_string()),
                    }
                }),
            // A message that cannot be built never will be (but the
            // address was never tried: it is not refused).
            Err(error) => Err((true, false, error)),
        };
        match outcome {
            Ok(()) => {
                scrub(CLAIM.clear(mail_outbox::Entity::update_many()))
                    .col_expr(mail_outbox::Column::SentAt, Expr::value(Utc::now()))
                    .col_expr(mail_outbox::Column::Attempts, Expr::value(row.attempts + 1))
                    .filter(mail_outbox::Column::Id.eq(row.id))
                    .exec(db)
                    .await?;
                sent(db, &row).await;
            }
            Err((permanent, refused, error)) => {
                let attempts = row.attempts + 1;
                // The recipient's server refused the address for good:
                // guardians at it are not asked again until it changes.
                if refused {
                    crate::families::bounces::record(db, &row.recipient, Utc::now()).await?;
                }
                let give_up = permanent || attempts >= MAX_ATTEMPTS;
                tracing::warn!(id = row.id, attempts, give_up, %error, "mail not sent");
                // Free for whichever server comes first once it is due.
                let freed = CLAIM.clear(mail_outbox::Entity::update_many());
                let mut update = TRIES.failed(freed, attempts, MAX_BACKOFF_SECONDS, &error);
                if give_up {
                    update = scrub(update)
                        .col_expr(mail_outbox::Column::FailedAt, Expr::value(Utc::now()));
                }
                update
                    .filter(mail_outbox::Column::Id.eq(row.id))
                    .exec(db)
                    .await?;
            }
        }
    }
    Ok(tried)
}

/// After `row` went out: a guardian's notice or consent reminder about a
/// placement asks the student's counselors to call a family that reads a
/// language we do not write, saying what they were "just emailed"
/// (`families::interpreter`).
/// Asked here rather than when it was queued: a notice held back (the
/// host suspended again before it went out) told the family nothing, and
/// a counselor phoning them about it would say what is no longer so
/// (eyes20 F5). The message is sent whatever becomes of the prompt.
async fn sent(db: &DatabaseConnection, row: &mail_outbox::Model) {
    let (Some(guardian), Some(placement), Some(kind)) = (
        row.guardian_id,
        row.placement_id,
        row.notice_kind.as_deref(),
    ) else {
        return;
    };
    let prompted =
        crate::families::interpreter::prompt_for_placement(db, guardian, placement, kind).await;
    if let Err(error) = prompted {
        tracing::warn!(id = row.id, %error, "interpreter prompt not raised");
    }
}

/// The background sender; not started when no SMTP server is configured.
pub fn spawn_worker(
    db: DatabaseConnection,
    mailer: Arc<Mailer>,
    wake: Arc<tokio::sync::Notify>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match run_once(&db, &mailer).await {
                // Woken when a change commits; the poll catches the rest.
                Ok(0) => crate::outbox::wait(&wake, Duration::from_millis(250)).await,
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(%error, "mail round failed");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_retried_for_about_a_day_before_it_is_given_up() {
        let waited: i64 = (1..MAX_ATTEMPTS)
            .map(|tries| crate::jobs::backoff_seconds(tries, MAX_BACKOFF_SECONDS))
            .sum();
        assert!((20 * 3600..48 * 3600).contains(&waited), "{waited} s");
    }
}
