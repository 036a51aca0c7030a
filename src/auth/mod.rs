//! Authentication: sessions, passwords, CSRF, throttling, role extractors,
//! and the login/logout pages.

pub mod client_address;
pub mod csrf;
pub mod device;
pub mod extractors;
pub mod form_limits;
mod handlers;
pub mod password;
pub mod service;
pub mod session_store;
pub mod throttle;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

/// Session key holding the logged-in user's id.
pub const USER_ID: &str = "user_id";
/// Session key holding the login time (unix seconds), for the absolute timeout.
pub const LOGIN_AT: &str = "login_at";
/// Session key holding the user's session generation at login; a session
/// whose generation differs from the user's is over.
pub const SESSION_GENERATION: &str = "session_generation";
/// Session key holding a login whose password was right and whose second
/// factor is still to come (the session is not logged in meanwhile).
pub const MFA_PENDING: &str = "mfa_pending";

/// A login waiting for its second step.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PendingLogin {
    pub user_id: i32,
    /// The user's session generation at the password step: revoking sessions
    /// in between voids the pending login too.
    pub generation: i32,
    /// When the password was checked (unix seconds).
    pub at: i64,
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(handlers::login_page).post(handlers::login))
        .route("/logout", post(handlers::logout))
}
