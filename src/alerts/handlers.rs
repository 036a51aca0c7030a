//! Saved-search pages and the Atom feed.

use axum::{
    extract::{RawQuery, State},
    http::header,
    response::{IntoResponse, Response},
};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use tower_sessions::Session;

use super::{
    feed,
    service::{self, SaveForm, SavedView},
};
use crate::{
    app::AppState,
    auth::extractors::{Page, ReaderLang, StudentUser},
    error::{AppError, AppResult},
    format::today,
    forms::{FieldErrors, Form, Path, Saved, save_or_rerender},
    i18n::Message,
    search::{self, Sort, query::SearchParams},
};

#[derive(Serialize)]
struct ListPage<'a> {
    searches: Vec<SavedView>,
    form: &'a SaveForm,
    errors: FieldErrors,
}

async fn render_list(
    state: &AppState,
    student: &StudentUser,
    page: &Page,
    form: &SaveForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let searches = service::list(&state.db, student.id).await?;
    page.respond_with(
        errors.status(),
        "alerts/list.html",
        ListPage {
            searches,
            form,
            errors,
        },
    )
}

/// `GET /student/searches`
pub async fn list(
    State(state): State<AppState>,
    student: StudentUser,
    page: Page,
) -> AppResult<Response> {
    render_list(
        &state,
        &student,
        &page,
        &SaveForm::default(),
        FieldErrors::new(),
    )
    .await
}

/// `POST /student/searches`
pub async fn save(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    page: Page,
    Form(form): Form<SaveForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::save(&state.db, student.id, &form).await,
        &session,
        async |saved| {
            Ok(Saved::new(
                Message::new("alerts-flash-saved").arg("name", saved.name),
                "/student/searches",
            ))
        },
        async |errors| render_list(&state, &student, &page, &form, errors).await,
    )
    .await
}

/// `POST /student/searches/{id}/delete`
pub async fn delete(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    service::delete(&db, student.id, id).await?;
    Saved::new(Message::new("alerts-flash-deleted"), "/student/searches")
        .redirect(&session)
        .await
}

/// `GET /search.atom`: the newest postings of a search, as an Atom feed.
pub async fn feed(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let parsed = SearchParams::from_query(raw.as_deref().unwrap_or_default())
        .and_then(|params| params.parse(today()).map(|query| (params, query)));
    // A refusal is a page like every other: it names the parameter.
    let (params, mut query) = parsed.map_err(|error| {
        AppError::BadRequest(format!("“{}”: {}", error.parameter, error.message))
    })?;
    // A feed is the newest first, whatever order the page used.
    query.sort = Sort::Newest;
    query.page = 1;
    let searched = search::service::search(&state, &query).await?;
    let body = feed::render(&state.site_url, lang, &params, &searched.results.hits);
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
