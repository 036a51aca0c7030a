//! Counselor pages for the roster.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::{
    import::RosterFiles,
    service::{self, NewStudent, RosterEntry},
    uploads,
};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, Page, ReaderLang},
    error::{AppError, AppResult},
    forms::{FieldErrors, Form, Multipart, Path, Query, answer_or_rerender},
    i18n,
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
    page.respond_with(
        errors.status(),
        "roster/dashboard.html",
        Dashboard {
            schools,
            students,
            pager,
            q: paging.q.clone(),
            form,
            errors,
        },
    )
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
    answer_or_rerender(
        service::add_student(&state.db, &user, &form).await,
        async |issued| page.respond("roster/code_issued.html", issued),
        async |errors| {
            let first = (&Paging::first(), &PageParams::default());
            render_dashboard(&state, &user, &page, first, &form, errors).await
        },
    )
    .await
}

pub async fn reissue_code(
    State(db): State<DatabaseConnection>,
    user: CounselorUser,
    page: Page,
    Path(student_id): Path<i32>,
) -> AppResult<Response> {
    let issued = service::reissue_code(&db, &user, student_id).await?;
    page.respond("roster/code_issued.html", issued)
}

/// The most an upload of roster files may hold (the request as a whole).
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

/// Why a roster upload could not be read: too large says how large it may be.
fn unreadable_upload(e: axum::extract::multipart::MultipartError) -> AppError {
    let lang = i18n::current();
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::BadRequest(i18n::t_args(
            lang,
            "counselor-error-upload-too-large",
            vec![("max", (MAX_UPLOAD_BYTES / (1024 * 1024)).into())],
        ));
    }
    AppError::BadRequest(i18n::t_args(
        lang,
        "counselor-error-upload",
        vec![("detail", e.to_string().into())],
    ))
}

/// The OneRoster files from a multipart form.
async fn read_files(Multipart(mut multipart): Multipart) -> AppResult<RosterFiles> {
    let mut files = RosterFiles::default();
    while let Some(field) = multipart.next_field().await.map_err(unreadable_upload)? {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(unreadable_upload)?;
        match name.as_str() {
            "orgs" => files.orgs = bytes.to_vec(),
            "users" => files.users = bytes.to_vec(),
            "demographics" => files.demographics = bytes.to_vec(),
            "manifest" => files.manifest = bytes.to_vec(),
            // The box ticked on a refused upload's page: "yes, make N
            // students inactive" (anything else confirms nothing).
            "confirm_inactive" => {
                files.confirmed_inactive = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|n| n.trim().parse().ok());
            }
            // The box "yes, the rows above are right" (`roster::identity`).
            "confirm_review" => {
                files.confirmed_review = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|n| n.trim().parse().ok());
            }
            // An admin's roster source (`roster::sources`); empty says none.
            "source" => {
                files.source = std::str::from_utf8(&bytes)
                    .ok()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned);
            }
            _ => {}
        }
    }
    Ok(files)
}

/// `POST /counselor/roster/uploads`: the import starts in the background
/// and the counselor follows it on its status page.
pub async fn upload(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    ReaderLang(lang): ReaderLang,
    multipart: Multipart,
) -> AppResult<Response> {
    let files = read_files(multipart).await?;
    let id = uploads::start(&db, &counselor, files, lang).await?;
    Ok(Redirect::to(&format!("/counselor/roster/uploads/{id}")).into_response())
}

/// `?refresh=off`: the status page stops reloading itself (a reload moves
/// a screen reader back to the top; WCAG 2.2.1 lets people turn it off).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RefreshQuery {
    refresh: String,
}

/// `GET /counselor/roster/uploads/{id}`: where the import stands; the page
/// reloads itself until the result is in.
pub async fn upload_status(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    page: Page,
    Path(id): Path<i32>,
    Query(query): Query<RefreshQuery>,
) -> AppResult<Response> {
    let upload = uploads::status(&db, counselor.id, id, page.lang).await?;
    let still = query.refresh == "off";
    page.respond("roster/upload.html", minijinja::context! { upload, still })
}
