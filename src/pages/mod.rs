//! Public pages and plumbing: home, per-role dashboards, health checks,
//! the stylesheet and the 404 page.

mod handlers;

use axum::{Router, routing::get};

use crate::app::AppState;

pub use handlers::{method_not_allowed, not_found};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(handlers::home))
        .route("/dashboard", get(handlers::dashboard))
        .route("/student", get(handlers::student_dashboard))
        .route("/language/{code}", get(handlers::choose_language))
        .route("/healthz", get(handlers::healthz))
        .route("/readyz", get(handlers::readyz))
        .route("/static/app.css", get(handlers::stylesheet))
}
