//! The one error type of the application and how each kind answers over HTTP.
//!
//! Internal causes are logged; people only ever see a plain sentence.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use sea_orm::DbErr;

use crate::{
    forms::FieldErrors,
    i18n::{self, t},
    templates,
};

/// Result alias used by handlers and services.
pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page needs a logged-in user.
    #[error("login required")]
    Unauthenticated,
    /// Wrong email or password (deliberately not saying which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Logged in, but this role or this user may not do that.
    #[error("forbidden")]
    Forbidden,
    /// Refused, with a plain explanation for the person (already in their language).
    #[error("refused: {0}")]
    Refused(String),
    /// A staff account must set up its second factor before anything else.
    #[error("second factor enrolment required")]
    MfaEnrolmentRequired,
    #[error("not found")]
    NotFound,
    /// An address that only takes a form's answer, opened as a page (a
    /// bookmark, the language link of a page that answered a form).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request itself is malformed; the message names what is wrong.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The action is not allowed in the object's current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Form input failed validation; handlers re-render the form with these.
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("too many requests: {0}")]
    TooManyRequests(String),
    #[error("the form expired or did not come from this site")]
    Csrf,
    /// A form sent with no session cookie at all: the browser keeps none.
    #[error("the form came without the session cookie")]
    CookiesNeeded,
    #[error(transparent)]
    Database(DbErr),
    /// The database cannot be reached right now (restart, failover).
    #[error("the database is unavailable")]
    Unavailable,
    /// The database has no room left to write (disk full): nothing was saved,
    /// and reads still work.
    #[error("the database storage is full")]
    StorageFull,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A conflict told with the catalogue message `id`, in the reader's
    /// language: the action does not fit the object's state (any more).
    pub fn conflict(id: &str) -> Self {
        AppError::Conflict(t(i18n::current(), id))
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated => StatusCode::SEE_OTHER,
            AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden
            | AppError::Refused(_)
            | AppError::Csrf
            | AppError::CookiesNeeded => StatusCode::FORBIDDEN,
            AppError::MfaEnrolmentRequired => StatusCode::SEE_OTHER,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            // A unique index refused a row no service expected a race on:
            // still the same key written twice at once, not a server fault.
            AppError::Database(e) if crate::db::unique_violation(e) => StatusCode::CONFLICT,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable | AppError::StorageFull => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the person is told, in their language: never an internal detail.
    pub fn public_message(&self) -> String {
        let lang = i18n::current();
        match self {
            AppError::Unauthenticated => t(lang, "error-log-in"),
            AppError::InvalidCredentials => t(lang, "error-credentials"),
            AppError::Forbidden => t(lang, "error-forbidden"),
            AppError::NotFound => t(lang, "error-not-found"),
            AppError::MethodNotAllowed => t(lang, "error-method-not-allowed"),
            AppError::MfaEnrolmentRequired => t(lang, "error-mfa-enrolment"),
            AppError::BadRequest(message)
            | AppError::Refused(message)
            | AppError::Conflict(message)
            | AppError::TooManyRequests(message) => message.clone(),
            AppError::Validation(errors) => errors.summary(lang),
            AppError::Csrf => t(lang, "error-csrf"),
            AppError::CookiesNeeded => t(lang, "error-cookies-needed"),
            AppError::Unavailable => t(lang, "error-unavailable"),
            AppError::StorageFull => t(lang, "error-storage-full"),
            AppError::Database(e) if crate::db::unique_violation(e) => t(lang, "error-saved-twice"),
            AppError::Database(_) | AppError::Internal(_) => t(lang, "error-internal"),
        }
    }
}

/// A database that cannot be reached is `Unavailable` (a 503) from the
/// moment its error is seen, so every caller of `?` gets the same answer.
impl From<DbErr> for AppError {
    fn from(error: DbErr) -> Self {
        if database_unavailable(&error) {
            tracing::warn!(%error, "database unavailable");
            AppError::Unavailable
        } else if storage_full(&error) {
            tracing::error!(%error, "the database has no room left to write");
            AppError::StorageFull
        } else {
            AppError::Database(error)
        }
    }
}

/// Session reads and writes go to the database too: the store marks an
/// unreachable database so that it is a 503 here as well, not a 500.
impl From<tower_sessions::session::Error> for AppError {
    fn from(error: tower_sessions::session::Error) -> Self {
        use tower_sessions::{session::Error, session_store::Error as StoreError};
        match error {
            Error::Store(StoreError::Backend(message))
                if message == crate::auth::session_store::DATABASE_UNAVAILABLE =>
            {
                AppError::Unavailable
            }
            Error::Store(StoreError::Backend(message))
                if message == crate::auth::session_store::STORAGE_FULL =>
            {
                AppError::StorageFull
            }
            other => AppError::Internal(other.into()),
        }
    }
}

/// True when the database could not be reached (restarting, network gone,
/// every pooled connection busy past the timeout), as opposed to a bug: the
/// person gets "try again shortly" and a 503, and the pool reconnects by
/// itself once the database is back.
pub fn database_unavailable(error: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx::Error as SqlxError};
    let sqlx = match error {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => return true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    match sqlx.as_ref() {
        SqlxError::Io(_) | SqlxError::PoolTimedOut | SqlxError::PoolClosed => true,
        // PostgreSQL's classes 08 (connection exception) and 57P (shut down
        // by an administrator, crash, or still starting).
        SqlxError::Database(e) => e
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
        _ => false,
    }
}

/// True when the database refused a write for want of space: SQLite's
/// SQLITE_FULL (13, the low byte of its extended codes) and PostgreSQL's
/// class 53 (insufficient resources: disk full, out of memory).
pub fn storage_full(error: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx::Error as SqlxError};
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = error
    else {
        return false;
    };
    let SqlxError::Database(e) = e.as_ref() else {
        return false;
    };
    e.code().is_some_and(|code| {
        code.starts_with("53") || code.parse::<i32>().is_ok_and(|n| n & 0xff == 13)
    })
}

/// Marks a response that is an error page, with what it says, so that
/// `app::error_pages_know_the_reader` can render it again for the reader.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub message: String,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Unauthenticated => return Redirect::to("/login").into_response(),
            AppError::MfaEnrolmentRequired => return Redirect::to("/account/mfa").into_response(),
            _ => {}
        }
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        } else if let AppError::Database(error) = &self {
            // Answered as a conflict, but a service should say which one.
            tracing::warn!(%error, "a unique index refused a write no service expected");
        }
        let message = self.public_message();
        let body = templates::render_error(status, &message);
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response();
        response
            .extensions_mut()
            .insert(ErrorPage { status, message });
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("30"));
        }
        response
    }
}

/// Shortcut for "this object does not exist for you" when a lookup finds nothing.
pub trait OrNotFound<T> {
    fn or_not_found(self) -> AppResult<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self) -> AppResult<T> {
        self.ok_or(AppError::NotFound)
    }
}
