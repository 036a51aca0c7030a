//! An ordinary form sent as `multipart/form-data` (`curl -F`, form-filling
//! extensions, a page saved with `enctype="multipart/form-data"`) is read as
//! the urlencoded form it stands for, before the CSRF guard and the handlers
//! see it: both read `application/x-www-form-urlencoded`, and without this
//! the sender was told "this form expired", which no reload could mend.
//!
//! Uploads are left alone: their forms carry the CSRF token in the action
//! URL (see `auth::csrf`), and a body with a file in it stays multipart.

use axum::{
    body::{Body, Bytes, to_bytes},
    extract::{FromRequest, Request},
    http::{HeaderValue, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{error::AppError, i18n};

/// Largest multipart body read here; an ordinary form is far smaller.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// Middleware: turns a file-less multipart form into its urlencoded form.
pub async fn multipart_as_urlencoded(request: Request, next: Next) -> Response {
    if request.method().is_safe() || !is_multipart(&request) || is_upload(&request) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return AppError::BadRequest(i18n::t(i18n::current(), "form-too-large")).into_response();
    };
    match text_fields(&parts, bytes.clone()).await {
        Some(fields) => {
            let encoded = serde_urlencoded::to_string(&fields).unwrap_or_default();
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            parts
                .headers
                .insert(header::CONTENT_LENGTH, encoded.len().into());
            next.run(Request::from_parts(parts, Body::from(encoded)))
                .await
        }
        // A file in it, or not multipart after all: as it came, for the
        // route (and the CSRF guard) to judge.
        None => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    }
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.get(..19)
                .is_some_and(|t| t.eq_ignore_ascii_case("multipart/form-data"))
        })
}

/// An upload form names its token in the action URL.
fn is_upload(request: &Request) -> bool {
    request.uri().query().is_some_and(|query| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .is_ok_and(|pairs| pairs.iter().any(|(key, _)| key == crate::auth::csrf::FIELD))
    })
}

/// The fields of a multipart body, in order, if every one is text.
async fn text_fields(parts: &Parts, bytes: Bytes) -> Option<Vec<(String, String)>> {
    let request = Request::from_parts(parts.clone(), Body::from(bytes));
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .ok()?;
    let mut fields = Vec::new();
    while let Some(field) = multipart.next_field().await.ok()? {
        if field.file_name().is_some() {
            return None;
        }
        let name = field.name()?.to_owned();
        fields.push((name, field.text().await.ok()?));
    }
    Some(fields)
}
