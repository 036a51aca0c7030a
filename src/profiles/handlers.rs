//! The student profile page.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;
use tower_sessions::Session;

use super::service::{self, ProfileForm, RosterFacts};
use crate::{
    app::AppState,
    auth::extractors::{Page, StudentUser},
    error::AppResult,
    forms::{FieldErrors, Form, Saved, save_or_rerender},
    i18n::Message,
};

#[derive(Serialize)]
struct ProfilePage<'a> {
    roster: RosterFacts,
    form: &'a ProfileForm,
    errors: FieldErrors,
}

pub async fn edit_page(
    State(state): State<AppState>,
    student: StudentUser,
    page: Page,
) -> AppResult<Response> {
    let (roster, form) = service::load(&state.db, student.id).await?;
    Ok(page
        .render(
            "profiles/profile.html",
            ProfilePage {
                roster,
                form: &form,
                errors: FieldErrors::new(),
            },
        )?
        .into_response())
}

pub async fn update(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    page: Page,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::update(&state.db, student.id, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("student-flash-profile-saved"),
                "/student",
            ))
        },
        async |errors| {
            let (roster, _) = service::load(&state.db, student.id).await?;
            let body = page.render(
                "profiles/profile.html",
                ProfilePage {
                    roster,
                    form: &form,
                    errors,
                },
            )?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        },
    )
    .await
}
