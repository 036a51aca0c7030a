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
    Ok(page
        .render("pages/home.html", Home { needs_setup })?
        .into_response())
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
    applications: Vec<crate::applications::service::MyApplication>,
    placements: Vec<crate::placements::service::PlacementView>,
}

pub async fn student_dashboard(
    State(state): State<AppState>,
    user: StudentUser,
    page: Page,
) -> AppResult<Response> {
    let student = student::Entity::find()
        .filter(student::Column::UserId.eq(user.id))
        .one(&state.db)
        .await?
        .or_not_found()?;
    let school = school::Entity::find_by_id(student.school_id)
        .one(&state.db)
        .await?
        .or_not_found()?;
    let applications = crate::applications::service::of_student(&state.db, student.id).await?;
    let placements = crate::placements::service::of_student(&state.db, student.id).await?;
    let view = StudentDashboard {
        first_name: student.first_name,
        grade: student.grade,
        school: school.name,
        applications,
        placements,
    };
    Ok(page.render("student/dashboard.html", view)?.into_response())
}

pub async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers; search then serves from its engine or,
/// when the engine is down, from the database fallback. The body says which.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if let Err(error) = state.db.ping().await {
        tracing::warn!(%error, "database not reachable");
        return (StatusCode::SERVICE_UNAVAILABLE, "database: unavailable\n").into_response();
    }
    let engine = match state.search.health().await {
        Ok(()) => "ok".to_owned(),
        Err(error) => {
            tracing::warn!(%error, "search engine not healthy");
            "unavailable (searching the database instead)".to_owned()
        }
    };
    let body = format!(
        "database: ok\nsearch engine ({:?}): {engine}\n",
        state.search.kind()
    )
    .to_lowercase();
    (StatusCode::OK, body).into_response()
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.css"),
    )
        .into_response()
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}

#[derive(serde::Deserialize)]
pub struct ChooseLanguage {
    next: Option<String>,
}

/// Remembers the reader's language in a cookie and goes back to the page
/// they came from (a plain link: no JavaScript, no form).
pub async fn choose_language(
    axum::extract::Path(code): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<ChooseLanguage>,
) -> AppResult<Response> {
    let lang = crate::i18n::Lang::from_code(&code).or_not_found()?;
    // Only a path on this site: never an open redirect.
    let next = query
        .next
        .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        crate::i18n::COOKIE,
        lang.code()
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
}
