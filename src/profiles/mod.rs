//! The student profile: what a student saves once (home ZIP, how far they
//! can travel, access needs, interests, languages) so search fits them.

mod handlers;
pub mod service;

use axum::{Router, routing::get};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/student/profile",
        get(handlers::edit_page).post(handlers::update),
    )
}
