//! Getting an account: employer self-registration (confirmed through an
//! emailed link), student claim codes (the student's address confirmed
//! apart, by a link that works only in their session), and the first-run
//! setup page for the first admin.

pub mod confirm;
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
        .route(
            "/register/confirm/{token}",
            get(handlers::confirm_page).post(handlers::confirm),
        )
        .route("/claim", get(handlers::claim_page).post(handlers::claim))
        .route(
            "/account/address",
            get(handlers::address_page).post(handlers::send_address_link),
        )
        .route("/setup", get(handlers::setup_page).post(handlers::setup))
}
