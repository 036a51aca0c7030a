//! Sending the outbox over SMTP: a message is marked sent only once the
//! server accepted it; a failure is retried with exponential backoff, and
//! after `MAX_ATTEMPTS` (or at once, for a permanent refusal) the message is
//! marked failed for good and left for admins to read.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use entity::mail_outbox;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Attachment, Mailbox, MultiPart, SinglePart,
        header::{ContentType, HeaderName, HeaderValue},
    },
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::Expr,
};
use tokio::task::JoinHandle;

use crate::error::AppResult;

/// Tries before a message is marked failed for good.
pub const MAX_ATTEMPTS: i32 = 8;
/// Longest wait between two tries.
const MAX_BACKOFF_SECONDS: i64 = 3600;
/// Messages handled per round.
const BATCH: u64 = 20;

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
        let text = row.text_body.replace(super::SITE, &self.site);
        let html = row.html_body.replace(super::SITE, &self.site);
        let body = MultiPart::alternative()
            .singlepart(SinglePart::plain(text))
            .singlepart(SinglePart::html(html));
        let body = match (&row.attachment, &row.attachment_name, &row.attachment_type) {
            (Some(content), Some(name), Some(kind)) => {
                let kind = ContentType::parse(kind).map_err(|e| e.to_string())?;
                MultiPart::mixed()
                    .multipart(body)
                    .singlepart(Attachment::new(name.clone()).body(content.clone(), kind))
            }
            _ => body,
        };
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone());
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

/// Sends every due message once; returns how many were tried.
pub async fn run_once(db: &DatabaseConnection, mailer: &Mailer) -> AppResult<usize> {
    let rows = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .filter(mail_outbox::Column::NextAttemptAt.lte(Utc::now()))
        .order_by_asc(mail_outbox::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let tried = rows.len();
    for row in rows {
        let outcome = match mailer.message(&row) {
            Ok(message) => mailer
                .transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| (e.is_permanent(), e.to_string())),
            // A message that cannot be built never will be.
            Err(error) => Err((true, error)),
        };
        match outcome {
            Ok(()) => {
                mail_outbox::Entity::update_many()
                    .col_expr(mail_outbox::Column::SentAt, Expr::value(Utc::now()))
                    .col_expr(mail_outbox::Column::Attempts, Expr::value(row.attempts + 1))
                    .filter(mail_outbox::Column::Id.eq(row.id))
                    .exec(db)
                    .await?;
            }
            Err((permanent, error)) => {
                let attempts = row.attempts + 1;
                let give_up = permanent || attempts >= MAX_ATTEMPTS;
                tracing::warn!(id = row.id, attempts, give_up, %error, "mail not sent");
                let backoff = 2_i64
                    .saturating_pow((attempts - 1).clamp(0, 20) as u32)
                    .min(MAX_BACKOFF_SECONDS);
                let mut update = mail_outbox::Entity::update_many()
                    .col_expr(mail_outbox::Column::Attempts, Expr::value(attempts))
                    .col_expr(
                        mail_outbox::Column::NextAttemptAt,
                        Expr::value(Utc::now() + chrono::Duration::seconds(backoff)),
                    )
                    .col_expr(
                        mail_outbox::Column::LastError,
                        Expr::value(error.chars().take(1000).collect::<String>()),
                    );
                if give_up {
                    update =
                        update.col_expr(mail_outbox::Column::FailedAt, Expr::value(Utc::now()));
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
