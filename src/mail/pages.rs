//! Email preferences: a signed-in student's or employer's own page, the
//! one-click unsubscribe (RFC 8058: a POST from the mail client, or the
//! confirm button of the page a person opens), and a guardian's page through
//! their signed link.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, Uri},
    response::Response,
};
use minijinja::context;
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

use super::preferences::{self, LinkPurpose, PreferencesForm, Recipient};
use crate::placements::withdrawal::LinkMail;
use crate::{
    app::AppState,
    auth::extractors::{CurrentUser, FormPage, Page},
    error::{AppError, AppResult},
    families::link_language::{self, ReaderLanguage, private},
    forms::{FieldErrors, Form, Saved, answer_or_rerender, save_or_rerender},
    i18n::Message,
};

fn render_preferences(
    page: &Page,
    user: &CurrentUser,
    form: &PreferencesForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    page.respond_with(
        errors.status(),
        "mail/preferences.html",
        context! {
            form,
            errors,
            is_student => user.role == entity::Role::Student,
        },
    )
}

pub async fn preferences_page(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    preferences::ensure_has_optional_mail(&user)?;
    let form = preferences::form_of(&db, user.id).await?;
    render_preferences(&page, &user, &form, FieldErrors::new())
}

pub async fn save_preferences(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    page: Page,
    session: Session,
    Form(form): Form<PreferencesForm>,
) -> AppResult<Response> {
    save_or_rerender(
        preferences::save_for_user(&db, &user, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("mail-prefs-saved"),
                "/account/email",
            ))
        },
        async |errors| render_preferences(&page, &user, &form, errors),
    )
    .await
}

/// What an unsubscribe link is for, or "not found".
async fn unsubscribe_link(
    state: &AppState,
    token: &str,
) -> AppResult<(Recipient, entity::MailTopic, preferences::Holder)> {
    let Some((recipient, LinkPurpose::Unsubscribe(topic))) =
        preferences::open_token(&state.db, token).await?
    else {
        return Err(AppError::NotFound);
    };
    let holder = preferences::holder(&state.db, recipient)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((recipient, topic, holder))
}

fn render_unsubscribe(
    page: Page,
    token: &str,
    topic: entity::MailTopic,
    holder: &preferences::Holder,
    done: bool,
) -> AppResult<Response> {
    // A guardian's page is in the language `families::link_language`
    // settled for it.
    page.respond(
        "mail/unsubscribe.html",
        context! {
            token,
            topic => topic.key(),
            email => holder.masked_email.clone(),
            is_guardian => holder.is_guardian,
            done,
        },
    )
    .map(private)
}

/// The page a person opens from the link: who and what, and a button.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (recipient, topic, holder) = unsubscribe_link(&state, &token).await?;
    if let Some(refusal) = guardians_only_for(recipient, &page, reader)? {
        return Ok(refusal);
    }
    render_unsubscribe(page, &token, topic, &holder, false)
}

/// The one-click unsubscribe: the mail client's POST (body
/// `List-Unsubscribe=One-Click`) or the page's button; the signed token
/// alone decides, so it needs no session (the CSRF guard lets it through).
pub async fn unsubscribe(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (recipient, topic, holder) = unsubscribe_link(&state, &token).await?;
    // A mail client's one-click POST carries no session: it still works.
    if let Some(refusal) = guardians_only_for(recipient, &page, reader)? {
        return Ok(refusal);
    }
    if !preferences::unsubscribe(&state.db, recipient, topic).await? {
        return Err(AppError::NotFound);
    }
    render_unsubscribe(page, &token, topic, &holder, true)
}

/// The guardian a preferences link is for, or "not found".
async fn guardian_link(state: &AppState, token: &str) -> AppResult<(i32, preferences::Holder)> {
    let Some((Recipient::Guardian(id), LinkPurpose::Preferences)) =
        preferences::open_token(&state.db, token).await?
    else {
        return Err(AppError::NotFound);
    };
    let holder = preferences::holder(&state.db, Recipient::Guardian(id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((id, holder))
}

/// What the guardian's settings page says above its form.
enum Said {
    Nothing,
    Saved,
    Mailed(LinkMail),
}

/// The settings form as the holder's choices stand.
fn form_of(holder: &preferences::Holder) -> PreferencesForm {
    PreferencesForm {
        updates: if holder.updates { "on" } else { "" }.into(),
        digest: String::new(),
        language: holder.language.clone(),
    }
}

/// The settings page, with the placements the guardian may stop (each
/// offering to mail its withdrawal link: `withdrawal::mail_link`).
#[allow(clippy::too_many_arguments)]
async fn render_guardian(
    state: &AppState,
    page: &Page,
    guardian: &entity::guardian::Model,
    token: &str,
    holder: &preferences::Holder,
    form: &PreferencesForm,
    errors: FieldErrors,
    said: Said,
) -> AppResult<Response> {
    let placements = crate::placements::withdrawal::of_guardian(&state.db, guardian).await?;
    let status = match said {
        Said::Mailed(LinkMail::SentBefore(_)) => axum::http::StatusCode::TOO_MANY_REQUESTS,
        _ => errors.status(),
    };
    let saved = matches!(said, Said::Saved);
    let mailed = match said {
        Said::Mailed(mailed) => Some(mailed),
        _ => None,
    };
    page.respond_with(
        status,
        "mail/guardian.html",
        context! {
            token, email => holder.masked_email.clone(), form, errors, saved, placements, mailed,
        },
    )
    .map(private)
}

/// The placement whose withdrawal link a guardian asks to be mailed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct WithdrawLinkForm {
    pub placement: String,
}

/// Mails the guardian the link withdrawing consent to one of the
/// placements their settings page lists (`withdrawal::mail_link`), and says
/// so on the page; a placement they may not stop is "not found".
pub async fn mail_withdraw_link(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
    Form(form): Form<WithdrawLinkForm>,
) -> AppResult<Response> {
    if let Some(refusal) = guardians_only(&page, reader)? {
        return Ok(refusal);
    }
    let (id, holder) = guardian_link(&state, &token).await?;
    let guardian = crate::db::found::<entity::guardian::Entity>(&state.db, id).await?;
    let placement: i32 = form
        .placement
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    let mailed = crate::placements::withdrawal::mail_link(&state.db, guardian.clone(), placement)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = form_of(&holder);
    let errors = FieldErrors::new();
    let said = Said::Mailed(mailed);
    render_guardian(
        &state, &page, &guardian, &token, &holder, &form, errors, said,
    )
    .await
}

/// A guardian's settings are the guardian's own: no signed-in account
/// reaches them, as no signed-in account reaches the consent and
/// withdrawal pages. A student (or a sibling) holding a forwarded mail
/// could otherwise change the language their family's consent requests
/// are written in, or stop the confirmations that carry the withdrawal
/// link (eyes16b F3).
fn guardians_only(
    page: &Page,
    reader: Option<axum::Extension<ReaderLanguage>>,
) -> AppResult<Option<Response>> {
    Ok(crate::placements::refuse_signed_in(page, reader.map(|r| r.0).as_ref())?.map(private))
}

/// [`guardians_only`] for a link whose recipient is a guardian: a
/// signed-in browser (a student's, holding a forwarded mail) cannot stop
/// a guardian's mail by its unsubscribe link either (eyes16c F1).
fn guardians_only_for(
    recipient: Recipient,
    page: &Page,
    reader: Option<axum::Extension<ReaderLanguage>>,
) -> AppResult<Option<Response>> {
    match recipient {
        Recipient::Guardian(_) => guardians_only(page, reader),
        Recipient::User(_) => Ok(None),
    }
}

pub async fn guardian_page(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if let Some(refusal) = guardians_only(&page, reader)? {
        return Ok(refusal);
    }
    let (id, holder) = guardian_link(&state, &token).await?;
    let guardian = crate::db::found::<entity::guardian::Entity>(&state.db, id).await?;
    let form = form_of(&holder);
    let errors = FieldErrors::new();
    render_guardian(
        &state,
        &page,
        &guardian,
        &token,
        &holder,
        &form,
        errors,
        Said::Nothing,
    )
    .await
}

pub async fn save_guardian(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    Form(form): Form<PreferencesForm>,
) -> AppResult<Response> {
    if let Some(refusal) = guardians_only(&page, reader)? {
        return Ok(refusal);
    }
    let (id, holder) = guardian_link(&state, &token).await?;
    answer_or_rerender(
        preferences::save_for_guardian(&state.db, id, &form).await,
        async |()| {
            // Shown in the language just chosen, unless the reader chose
            // this page's language themselves.
            let (_, holder) = guardian_link(&state, &token).await?;
            let guardian = crate::db::found::<entity::guardian::Entity>(&state.db, id).await?;
            // Likewise the line in their home language: gone once they
            // chose the language of our mail.
            let page = Page {
                lang: link_language::page_language(&headers, uri.query(), &guardian),
                tagline: crate::families::service::tagline(&guardian),
                ..page.clone()
            };
            let errors = FieldErrors::new();
            render_guardian(
                &state,
                &page,
                &guardian,
                &token,
                &holder,
                &form,
                errors,
                Said::Saved,
            )
            .await
        },
        async |errors| {
            let guardian = crate::db::found::<entity::guardian::Entity>(&state.db, id).await?;
            let said = Said::Nothing;
            render_guardian(
                &state, &page, &guardian, &token, &holder, &form, errors, said,
            )
            .await
        },
    )
    .await
}
