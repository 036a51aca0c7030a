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

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(handlers::login_page).post(handlers::login))
        .route("/logout", post(handlers::logout))
}
