//! The student profile page.

use axum::{extract::State, http::StatusCode, response::Response};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use tower_sessions::Session;

use super::service::{self, ProfileForm, RosterFacts};
use crate::{
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
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    page: Page,
) -> AppResult<Response> {
    let (roster, form) = service::load(&db, student.id).await?;
    page.respond(
        "profiles/profile.html",
        ProfilePage {
            roster,
            form: &form,
            errors: FieldErrors::new(),
        },
    )
}

pub async fn update(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    page: Page,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::update(&db, student.id, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("student-flash-profile-saved"),
                "/student",
            ))
        },
        async |errors| {
            let (roster, _) = service::load(&db, student.id).await?;
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "profiles/profile.html",
                ProfilePage {
                    roster,
                    form: &form,
                    errors,
                },
            )
        },
    )
    .await
}
