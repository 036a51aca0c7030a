//! The counselor's forms on a student's record: guardian contacts and the
//! birth date. Each redirects back to the record with a message.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use super::service::{self, BirthDateForm, GuardianForm};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, FlashKind, flash},
    error::AppResult,
    format::today,
    forms::{Form, Path},
    i18n::Message,
};

fn back(id: i32) -> Response {
    Redirect::to(&format!("/counselor/students/{id}")).into_response()
}

pub async fn add_guardian(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<GuardianForm>,
) -> AppResult<Response> {
    service::add(&state.db, &counselor, id, &form).await?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("families-guardian-added"),
    )
    .await?;
    Ok(back(id))
}

pub async fn correct_guardian(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    Path((id, guardian)): Path<(i32, i32)>,
    Form(form): Form<GuardianForm>,
) -> AppResult<Response> {
    let (_, links) = service::correct(&state.db, &counselor, id, guardian, &form).await?;
    let message = if links.resent > 0 {
        "guard-guardian-corrected-resent"
    } else if links.ended > 0 {
        "guard-guardian-corrected-links-ended"
    } else {
        "families-guardian-corrected"
    };
    flash(&session, FlashKind::Success, Message::new(message)).await?;
    Ok(back(id))
}

pub async fn set_birth_date(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<BirthDateForm>,
) -> AppResult<Response> {
    service::set_birth_date(&state.db, &counselor, id, &form, today()).await?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("families-birth-date-saved"),
    )
    .await?;
    Ok(back(id))
}
