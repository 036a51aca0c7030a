//! Families: guardian contacts (from the roster, or added by a counselor on
//! the student's record), who hear about a minor's placement in their own
//! language and alone can give consent. Guardians are contacts, not accounts.

mod handlers;
pub mod link_language;
pub mod service;

use axum::{Router, routing::post};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/counselor/students/{id}/guardians",
            post(handlers::add_guardian),
        )
        .route(
            "/counselor/students/{id}/guardians/{guardian}",
            post(handlers::correct_guardian),
        )
        .route(
            "/counselor/students/{id}/birth-date",
            post(handlers::set_birth_date),
        )
}
