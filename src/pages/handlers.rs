//! Handlers of the public pages and dashboards.

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use entity::{Role, school, student};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::{
    accounts::service::needs_setup,
    app::AppState,
    auth::{
        client_address::ClientAddress,
        extractors::{CurrentUser, MaybeUser, Page, StudentUser},
    },
    error::{AppError, AppResult, OrNotFound},
};

#[derive(Serialize)]
struct Home {
    needs_setup: bool,
}

pub async fn home(State(db): State<DatabaseConnection>, page: Page) -> AppResult<Response> {
    let needs_setup = needs_setup(&db).await?;
    page.respond("pages/home.html", Home { needs_setup })
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
    /// Their address is not confirmed yet: no mail reaches them.
    address_unconfirmed: bool,
}

pub async fn student_dashboard(
    State(db): State<DatabaseConnection>,
    user: StudentUser,
    page: Page,
) -> AppResult<Response> {
    let student = student::Entity::find()
        .filter(student::Column::UserId.eq(user.id))
        .one(&db)
        .await?
        .or_not_found()?;
    let school = crate::db::found::<school::Entity>(&db, student.school_id).await?;
    let applications = crate::applications::service::of_student(&db, student.id).await?;
    let placements = crate::placements::service::of_student(
        &db,
        student.id,
        crate::placements::evaluation::Reader::Student,
    )
    .await?;
    let account = crate::db::found::<entity::user::Entity>(&db, user.id).await?;
    let view = StudentDashboard {
        address_unconfirmed: crate::accounts::confirm::needs_their_session(&account),
        first_name: student.first_name,
        grade: student.grade,
        school: school.name,
        applications,
        placements,
    };
    page.respond("pages/student.html", view)
}

pub async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers; search then serves from its engine or,
/// when the engine is down, from the database fallback. The JSON body says
/// which, and how much work waits in the search and mail outboxes.
pub async fn readyz(State(state): State<AppState>, client: ClientAddress) -> Response {
    if let Err(error) = state.db.ping().await {
        tracing::warn!(%error, "database not reachable");
        let body = serde_json::json!({ "ready": false, "database": "unavailable" });
        return (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
    }
    // The outboxes' counts move when mail is queued: read before and after
    // `/password/forgot`, they told anyone whether an address has an
    // account. Load balancers, health checks and operators ask from inside
    // the network; the internet learns only that the server is ready.
    if !is_internal(client.0) {
        let body = serde_json::json!({ "ready": true });
        return (StatusCode::OK, axum::Json(body)).into_response();
    }
    let engine = match state.search.health().await {
        Ok(()) => "ok".to_owned(),
        Err(error) => {
            tracing::warn!(%error, "search engine not healthy");
            "unavailable (searching the database instead)".to_owned()
        }
    };
    let (search_outbox, mail_outbox) = match tokio::try_join!(
        crate::outbox::backlog(&state.db),
        crate::mail::outbox::backlog(&state.db)
    ) {
        Ok(backlogs) => backlogs,
        Err(error) => return error.into_response(),
    };
    let body = serde_json::json!({
        "ready": true,
        "database": "ok",
        "search_engine": {
            "kind": format!("{:?}", state.search.kind()).to_lowercase(),
            "status": engine,
        },
        "search_outbox": search_outbox,
        "mail_outbox": mail_outbox,
    });
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// Loopback, private (RFC 1918, IPv6 unique local) or link-local: a caller
/// inside the network the server runs in.
fn is_internal(address: std::net::IpAddr) -> bool {
    match address {
        std::net::IpAddr::V4(v4) => v4.is_loopback() || v4.is_private() || v4.is_link_local(),
        std::net::IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unique_local()
                || v6.is_unicast_link_local()
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(v4.into()))
        }
    }
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

/// The site's error page, with its words and menu, instead of axum's empty
/// 405 (eyes14b F8).
pub async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

#[derive(serde::Deserialize)]
pub struct ChooseLanguage {
    next: Option<String>,
}

/// A path on this site to go back to, or `None`: never another site. Only
/// visible ASCII is allowed, since browsers drop tabs and newlines inside a
/// `Location` (`/\t/evil.example` would become `//evil.example`).
fn local_path(next: &str) -> Option<&str> {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    local.then_some(next)
}

/// Remembers the reader's language in a cookie and goes back to the page
/// they came from (a plain link: works without JavaScript or a form).
///
/// A signed-in person's account keeps the choice too (the language of their
/// email, and of their next device), but a GET anyone can link to must not
/// change an account: it is saved only when the browser says the link was
/// followed from one of our own pages (`csrf::followed_from_our_pages`). A
/// link from another site, or typed, switches this browser's pages only.
/// Going back to a page opened from a guardian's mailed link, the choice
/// rides in that page's address as well.
pub async fn choose_language(
    State(db): State<DatabaseConnection>,
    MaybeUser(user): MaybeUser,
    session: tower_sessions::Session,
    headers: axum::http::HeaderMap,
    axum::extract::Path(code): axum::extract::Path<String>,
    crate::forms::Query(query): crate::forms::Query<ChooseLanguage>,
) -> AppResult<Response> {
    let lang = crate::i18n::Lang::from_code(&code).or_not_found()?;
    let from_our_pages = crate::auth::csrf::followed_from_our_pages(&headers);
    if let Some(user) = user.filter(|_| from_our_pages) {
        crate::accounts::service::save_language(&db, user.id, lang).await?;
        session
            .insert(crate::i18n::SESSION_KEY, lang.code())
            .await?;
    }
    let next = query.next.as_deref().and_then(local_path).unwrap_or("/");
    // A guardian's page keeps the choice in its own address too: their
    // browser may keep no cookie (`families::link_language`).
    let next = crate::families::link_language::carry_choice(next, lang);
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        crate::i18n::COOKIE,
        lang.code()
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
}
