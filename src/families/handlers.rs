//! The counselor's forms on a student's record: guardian contacts and the
//! birth date. Each redirects back to the record with a message. And the
//! admins' list of the students whose email consent a family's report holds.

use axum::{extract::State, response::Response};
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

use minijinja::context;

use super::{
    address_report::{self, Opened},
    holds,
    link_language::private,
    service::{self, BirthDateForm, GuardianForm},
};
use crate::placements::consent::AfterBirthDate;
use crate::{
    auth::extractors::{AdminUser, CounselorUser, FormPage, Page},
    error::AppResult,
    format::today,
    forms::{Form, Path, Query, Saved},
    i18n::Message,
    paging::PageParams,
};

/// The student's record, where each form is.
fn back(id: i32) -> String {
    format!("/counselor/students/{id}")
}

pub async fn add_guardian(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<GuardianForm>,
) -> AppResult<Response> {
    let (_, links) = service::add(&db, &counselor, id, &form).await?;
    let message = if links.asked > 0 {
        "families-guardian-added-asked"
    } else {
        "families-guardian-added"
    };
    Saved::new(Message::new(message), back(id))
        .redirect(&session)
        .await
}

pub async fn correct_guardian(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path((id, guardian)): Path<(i32, i32)>,
    Form(form): Form<GuardianForm>,
) -> AppResult<Response> {
    let (_, links) = service::correct(&db, &counselor, id, guardian, &form).await?;
    let message = if links.asked > 0 {
        "guard-guardian-corrected-resent"
    } else if links.ended > 0 {
        "guard-guardian-corrected-links-ended"
    } else {
        "families-guardian-corrected"
    };
    Saved::new(Message::new(message), back(id))
        .redirect(&session)
        .await
}

/// "Try this address again": a refused address is mailed again.
pub async fn retry_address(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path((id, guardian)): Path<(i32, i32)>,
) -> AppResult<Response> {
    let asked = super::bounces::retry(&db, &counselor, id, guardian).await?;
    Saved::new(
        Message::new("families-retry-done").arg("asked", asked),
        back(id),
    )
    .redirect(&session)
    .await
}

pub async fn set_birth_date(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<BirthDateForm>,
) -> AppResult<Response> {
    let effect = service::set_birth_date(&db, &counselor, id, &form, today()).await?;
    let saved = if effect == AfterBirthDate::default() {
        Message::new("families-birth-date-saved")
    } else {
        Message::new("families-birth-date-saved-placements")
            .arg("waiting", effect.waiting.len())
            .arg("started", effect.started.len())
    };
    Saved::new(saved, back(id)).redirect(&session).await
}

/// The page a notice's report link opens (guardians have no account).
pub async fn report_page(
    State(db): State<DatabaseConnection>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let opened = address_report::open(&db, &token).await?;
    let response = match opened {
        Opened::Open(name) => page.respond("families/address_report.html", context! { name })?,
        Opened::Reported => page.respond(
            "families/address_reported.html",
            context! { already => true },
        )?,
    };
    Ok(private(response))
}

/// The former address reports the change: the district's admins hear of it.
pub async fn report(
    State(db): State<DatabaseConnection>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let made = address_report::report(&db, &token).await?;
    let response = page.respond(
        "families/address_reported.html",
        context! { already => !made },
    )?;
    Ok(private(response))
}

/// An admin lifts the hold a family's report put on email consent.
pub async fn clear_hold(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let asked = address_report::clear(&db, &counselor, id).await?;
    Saved::new(
        Message::new("families-hold-cleared").arg("asked", asked),
        back(id),
    )
    .redirect(&session)
    .await
}

/// Every student whose email consent a family's report holds, oldest
/// first, each with a link to the record where an admin lifts it.
pub async fn holds_page(
    State(db): State<DatabaseConnection>,
    _admin: AdminUser,
    page: Page,
    Query(query): Query<PageParams>,
) -> AppResult<Response> {
    let paging = query.parse(page.lang)?;
    let rows = holds::page(&db, &paging).await?;
    let (holds, pager) = paging.finish(rows, holds::PATH, &query);
    page.respond(
        "families/holds.html",
        context! { holds, pager, q => paging.q, days => holds::REMIND_AFTER_DAYS },
    )
}
