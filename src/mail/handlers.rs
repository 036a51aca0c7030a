//! Admin pages reading the outbox: every message, waiting, sent or failed.

use crate::forms::{Path, Query};
use axum::{extract::State, response::Response};
use entity::mail_outbox;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use crate::{
    app::AppState,
    auth::extractors::{AdminUser, Page},
    error::{AppError, AppResult, OrNotFound},
    i18n::t,
};

/// Messages per page of the list, at most.
const MAX_PER_PAGE: u64 = 100;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    page: Option<String>,
    per_page: Option<String>,
}

#[derive(Serialize)]
struct Row {
    id: i64,
    recipient: String,
    subject: String,
    kind: String,
    created_at: String,
    state: &'static str,
    attempts: i32,
}

/// Mail held back on purpose, by its `last_error`: the state each is shown
/// as, which says all there is to say (no error to show beside it).
const HELD_BACK: [(&str, &str); 7] = [
    (super::worker::WITHHELD, "withheld"),
    (super::outbox::UNCONFIRMED, "unconfirmed"),
    (super::readdress::READDRESSED, "readdressed"),
    (super::readdress::UNLINKED, "unlinked"),
    (super::readdress::REPORTED, "reported"),
    (super::readdress::RELANGUAGED, "relanguaged"),
    (super::readdress::RENAMED, "renamed"),
];

/// The state of a message held back on purpose (see [`HELD_BACK`]).
fn held_back(row: &mail_outbox::Model) -> Option<&'static str> {
    let error = row.last_error.as_deref()?;
    HELD_BACK
        .iter()
        .find(|(why, _)| *why == error)
        .map(|(_, state)| *state)
}

fn state_of(row: &mail_outbox::Model) -> &'static str {
    if row.sent_at.is_some() {
        "sent"
    } else if let Some(state) = held_back(row) {
        state
    } else if row.failed_at.is_some() {
        "failed"
    } else if row
        .last_error
        .as_deref()
        .is_some_and(|e| e.starts_with(super::worker::REFUSED_NOT_ADDRESS))
    {
        "refused"
    } else {
        "waiting"
    }
}

fn number(name: &str, value: Option<&str>, default: u64, max: u64) -> AppResult<u64> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(text) => text
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                AppError::BadRequest(crate::i18n::t_args(
                    crate::i18n::current(),
                    "mail-error-page-number",
                    vec![("name", name.into()), ("max", max.to_string().into())],
                ))
            }),
    }
}

pub async fn list(
    State(state): State<AppState>,
    _admin: AdminUser,
    page: Page,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let number_of_page = number("page", query.page.as_deref(), 1, 1_000_000)?;
    let per_page = number("per_page", query.per_page.as_deref(), 50, MAX_PER_PAGE)?;
    let total = mail_outbox::Entity::find().count(&state.db).await?;
    let rows: Vec<Row> = mail_outbox::Entity::find()
        .order_by_desc(mail_outbox::Column::Id)
        .offset((number_of_page - 1) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?
        .iter()
        .map(|m| Row {
            id: m.id,
            recipient: m.recipient.clone(),
            subject: m.subject.clone(),
            kind: m.kind.clone(),
            created_at: m.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            state: state_of(m),
            attempts: m.attempts,
        })
        .collect();
    let pages = total.div_ceil(per_page).max(1);
    let (refused, refused_error) = super::worker::refused_not_for_address(&state.db).await?;
    page.respond(
        "admin/mail.html",
        minijinja::context! {
            refused,
            refused_error,
            messages => rows,
            total,
            page_number => number_of_page,
            pages,
            per_page,
            smtp_configured => state.config.smtp_url.is_some(),
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    _admin: AdminUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let message = mail_outbox::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .or_not_found()?;
    let site = state.site_url.as_ref();
    // Done mail keeps no body; waiting mail is opened to show, links hidden.
    // One sealed under another SECRET_KEY shows no text (the worker fails it).
    let text_body = super::outbox::bodies(&message).map_or_else(
        |error| {
            tracing::warn!(id = message.id, %error, "a waiting message does not open");
            String::new()
        },
        |b| b.text,
    );
    page.respond(
        "admin/mail_message.html",
        minijinja::context! {
            id => message.id,
            recipient => message.recipient.clone(),
            subject => message.subject.clone(),
            language => message.language.clone(),
            kind => message.kind.clone(),
            state => state_of(&message),
            attempts => message.attempts,
            last_error => message.last_error.clone().filter(|_| held_back(&message).is_none()),
            created_at => message.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            sent_at => message.sent_at.map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string()),
            // Never the links themselves: they may be secrets (a consent link).
            text_body => super::redacted(&text_body, site, &t(page.lang, "mail-admin-link-hidden")),
            attachment_name => message.attachment_name.clone(),
        },
    )
}
