//! Families: guardian contacts (from the roster, or added by a counselor on
//! the student's record), who hear about a minor's placement in their own
//! language and alone can give consent. Guardians are contacts, not accounts.
//! A family's report of a change it did not ask for holds email consent
//! until an admin lifts it (`address_report`, `holds`). A notice that asks
//! a family we write to in English to act tells their counselors to call
//! them through an interpreter (`interpreter`).

pub mod address_report;
pub mod bounces;
mod handlers;
pub mod holds;
pub mod interpreter;
pub mod link_language;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

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
            "/counselor/students/{id}/guardians/{guardian}/retry-address",
            post(handlers::retry_address),
        )
        .route(
            "/counselor/students/{id}/birth-date",
            post(handlers::set_birth_date),
        )
        .route(
            "/counselor/students/{id}/consent-hold/clear",
            post(handlers::clear_hold),
        )
        .route("/admin/consent-holds", get(handlers::holds_page))
        .route(
            "/address-report/{token}",
            get(handlers::report_page).post(handlers::report),
        )
}
