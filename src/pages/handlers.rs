//! Handlers of the public pages and dashboards.

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use entity::{Role, school, student};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::{
    accounts::service::needs_setup,
    app::AppState,
    auth::extractors::{CurrentUser, Page, StudentUser},
    error::{AppError, AppResult, OrNotFound},
};

#[derive(Serialize)]
struct Home {
    needs_setup: bool,
}

pub async fn home(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let needs_setup = needs_setup(&state.db).await?;
    Ok(page.render("pages/home.html", Home { needs_setup })?.into_response())
}

/// Sends each role to its own dashboard.
pub async fn dashboard(user: CurrentUser) -> Redirect {
    Redirect::to(match user.role {
        Role::Student => "/student",
        Role::Employer => "/employer",
        Role::Counselor => "/counselor",
        Role::Admin => "/admin",
    })
}

#[derive(Serialize)]
struct StudentDashboard {
    first_name: String,
    grade: i32,
    school: String,
}

pub async fn student_dashboard(State(state): State<AppState>, user: StudentUser, page: Page) -> AppResult<Response> {
    let student = student::Entity::find()
        .filter(student::Column::UserId.eq(user.id))
        .one(&state.db)
        .await?
        .or_not_found()?;
    let school = school::Entity::find_by_id(student.school_id).one(&state.db).await?.or_not_found()?;
    let view = StudentDashboard { first_name: student.first_name, grade: student.grade, school: school.name };
    Ok(page.render("student/dashboard.html", view)?.into_response())
}

pub async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(error) => {
            tracing::warn!(%error, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../static/app.css"),
    )
        .into_response()
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}
