//! Counselor pages for the roster.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;

use super::service::{self, NewStudent, RosterEntry};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, Page},
    error::{AppError, AppResult},
    forms::{FieldErrors, Form, Path, Query},
    paging::{PageParams, Pager, Paging},
};

#[derive(Serialize)]
struct Dashboard<'a> {
    schools: Vec<entity::school::Model>,
    students: Vec<RosterEntry>,
    pager: Pager,
    q: Option<String>,
    form: &'a NewStudent,
    errors: FieldErrors,
}

async fn render_dashboard(
    state: &AppState,
    user: &CounselorUser,
    page: &Page,
    (paging, params): (&Paging, &PageParams),
    form: &NewStudent,
    errors: FieldErrors,
) -> AppResult<Response> {
    let schools = service::schools_of(&state.db, user).await?;
    let students = service::roster_of(&state.db, &schools, paging).await?;
    let (students, pager) = paging.finish(students, "/counselor", params);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = page.render(
        "counselor/dashboard.html",
        Dashboard {
            schools,
            students,
            pager,
            q: paging.q.clone(),
            form,
            errors,
        },
    )?;
    Ok((status, body).into_response())
}

pub async fn dashboard(
    State(state): State<AppState>,
    user: CounselorUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    render_dashboard(
        &state,
        &user,
        &page,
        (&paging, &params),
        &NewStudent::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn add_student(
    State(state): State<AppState>,
    user: CounselorUser,
    page: Page,
    Form(form): Form<NewStudent>,
) -> AppResult<Response> {
    match service::add_student(&state.db, &user, &form).await {
        Ok(issued) => Ok(page
            .render("counselor/code_issued.html", issued)?
            .into_response()),
        Err(AppError::Validation(errors)) => {
            let first = (&Paging::first(), &PageParams::default());
            render_dashboard(&state, &user, &page, first, &form, errors).await
        }
        Err(other) => Err(other),
    }
}

pub async fn reissue_code(
    State(state): State<AppState>,
    user: CounselorUser,
    page: Page,
    Path(student_id): Path<i32>,
) -> AppResult<Response> {
    let issued = service::reissue_code(&state.db, &user, student_id).await?;
    Ok(page
        .render("counselor/code_issued.html", issued)?
        .into_response())
}
