//! CSRF protection for every state-changing request.
//!
//! Each session holds a random token; every form carries it in a hidden
//! `csrf_token` field (or the `X-CSRF-Token` header). A middleware checks it on
//! every non-GET request before any handler runs, so no route can forget. A
//! cross-site `Origin` header is refused as well. Forms behind a secret link
//! (one-click unsubscribe, a guardian's consent, email settings and report
//! of a contact change) are authorized by that secret instead. The public
//! API under `/api/` is read-only and reads no session: a write there is
//! answered by its own router (405 in the API's JSON shape).

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderMap, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use subtle::ConstantTimeEq;
use tower_sessions::Session;

use crate::{
    error::{AppError, AppResult},
    tokens,
};

const SESSION_KEY: &str = "csrf_token";
pub const FIELD: &str = "csrf_token";
const HEADER: &str = "x-csrf-token";
/// Forms reached from a link mailed to a guardian, who has no account:
/// consent, their email settings, "I did not expect this" about a contact
/// change (eyes13a F5), and withdrawing a consent.
const GUARDIAN_LINKS: [&str; 4] = ["/consent/", "/email/", "/address-report/", "/withdraw/"];
/// Largest form body the guard will read; uploads use multipart and the header.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// The session's token, created on first use.
pub async fn token(session: &Session) -> AppResult<String> {
    if let Some(token) = session.get::<String>(SESSION_KEY).await? {
        return Ok(token);
    }
    rotate(session).await
}

/// The session's token if it has one (never creates a session).
pub async fn existing(session: &Session) -> AppResult<Option<String>> {
    Ok(session.get::<String>(SESSION_KEY).await?)
}

/// Replaces the session's token (at login, so a pre-login token is useless after).
pub async fn rotate(session: &Session) -> AppResult<String> {
    let token = tokens::random(43);
    session.insert(SESSION_KEY, &token).await?;
    Ok(token)
}

/// Middleware: refuses a state-changing request without the session's token.
pub async fn guard(session: Session, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    // RFC 8058: a mail client (or its provider's server) POSTs the one-click
    // unsubscribe with no session and often from another origin. The signed
    // token in the path authorizes it, and a forged cross-site POST could at
    // worst unsubscribe the holder of a link the forger already has.
    let path = request.uri().path();
    // The API's routes take GET only (`search::router`; a test reads every
    // operation of its OpenAPI document): the rest reaches its JSON 405.
    if path.starts_with(crate::search::API_PREFIX) {
        return next.run(request).await;
    }
    if path.starts_with(crate::mail::UNSUBSCRIBE_PREFIX) {
        return next.run(request).await;
    }
    // A guardian's links (consent, their email settings) are authorized by
    // the secret in their path, which a forger would need; they start no
    // session. A guardian whose browser keeps no cookies (a school-managed
    // device, a strict privacy setting) could otherwise never answer. A
    // cross-site `Origin` is still refused.
    if GUARDIAN_LINKS.iter().any(|prefix| path.starts_with(prefix)) {
        if is_cross_origin(request.headers()) {
            return AppError::Csrf.into_response();
        }
        return next.run(request).await;
    }
    match check(&session, request).await {
        Ok(request) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

async fn check(session: &Session, request: Request) -> AppResult<Request> {
    if is_cross_origin(request.headers()) {
        return Err(AppError::Csrf);
    }
    // No cookie came back at all: reloading cannot help (a browser or a
    // school device that blocks cookies), so say what does.
    let no_cookie = !request.headers().contains_key(header::COOKIE);
    let expected = session
        .get::<String>(SESSION_KEY)
        .await?
        .ok_or(if no_cookie {
            AppError::CookiesNeeded
        } else {
            AppError::Csrf
        })?;
    let (parts, body) = request.into_parts();
    let (given, body) = if let Some(value) = parts.headers.get(HEADER) {
        (value.to_str().unwrap_or_default().to_owned(), body)
    } else if content_type_is(&parts.headers, "application/x-www-form-urlencoded") {
        let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| {
            AppError::BadRequest(crate::i18n::t(crate::i18n::current(), "form-too-large"))
        })?;
        let given = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v))
            .unwrap_or_default();
        (given, Body::from(bytes))
    } else if content_type_is(&parts.headers, "multipart/form-data") {
        // File uploads cannot carry a header without script: the form's action
        // URL carries the token (Referrer-Policy keeps it on this site). An
        // ordinary form sent as multipart arrives here urlencoded already
        // (`form_encoding`).
        let given = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v))
            .unwrap_or_default();
        (given, body)
    } else {
        (String::new(), body)
    };
    if given.is_empty() || !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(AppError::Csrf);
    }
    Ok(Request::from_parts(parts, body))
}

fn content_type_is(headers: &HeaderMap, mime: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(mime))
}

/// True when the browser says the request comes from another site.
fn is_cross_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    !on_this_host(origin, headers)
}

/// True when the browser says this GET is a link followed on one of our own
/// pages, so it may change the signed-in account: `Sec-Fetch-Site:
/// same-origin`, or from browsers too old to send that header (Safari before
/// 16.4) a `Referer` on this host. Our `Referrer-Policy: same-origin` sends
/// no `Referer` to other sites, and no page can set either header for us.
pub fn followed_from_our_pages(headers: &HeaderMap) -> bool {
    match headers.get("sec-fetch-site") {
        Some(site) => site.as_bytes() == b"same-origin",
        None => headers
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|referer| on_this_host(referer, headers)),
    }
}

/// Whether a URL or origin the browser sent names the host it asked.
fn on_this_host(url: &str, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let url_host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    url_host == host
}
