//! Draw pages: how a draw works (public), a draw's record (public), and the
//! employer's "draw now" after the deadline.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use minijinja::context;
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

use super::service::{self, Outcome};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, FlashKind, Page, VerifiedEmployer, flash},
    error::AppResult,
    format::today,
    forms::{Form, Path},
    i18n::Message,
};

pub async fn how(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let view = context! { low_income_tier => state.config.draw_low_income_tier };
    page.respond("draws/how.html", view)
}

pub async fn record(
    State(db): State<DatabaseConnection>,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let record = service::record(&db, id).await?;
    page.respond("draws/record.html", context! { record })
}

pub async fn run_now(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let outcome = service::run_for_employer(
        &state.db,
        &employer,
        id,
        today(),
        state.config.draw_low_income_tier,
    )
    .await?;
    let message = match outcome {
        Outcome::Drew { seated, waiting } => Message::new("draws-flash-drawn")
            .arg("seated", seated)
            .arg("waiting", waiting),
        Outcome::AlreadyDrawn => Message::new("draws-flash-already"),
    };
    flash(&session, FlashKind::Success, message).await?;
    Ok(Redirect::to(&format!("/employer/opportunities/{id}")).into_response())
}

/// The outreach list's priority mark; back to the list with a message.
pub async fn mark_priority(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<service::PriorityForm>,
) -> AppResult<Response> {
    let marked = service::mark_priority(&db, &counselor, id, &form).await?;
    let message = Message::new(if marked {
        "draws-flash-priority-marked"
    } else {
        "draws-flash-priority-cleared"
    });
    flash(&session, FlashKind::Success, message).await?;
    Ok(Redirect::to("/counselor/outreach").into_response())
}
