//! Getting an account: employer self-registration, student claim codes, and
//! the first-run setup page for the first admin.

mod handlers;
pub mod service;

use axum::{Router, routing::get};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/register",
            get(handlers::register_page).post(handlers::register),
        )
        .route("/claim", get(handlers::claim_page).post(handlers::claim))
        .route("/setup", get(handlers::setup_page).post(handlers::setup))
}
