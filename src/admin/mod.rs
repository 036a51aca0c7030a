//! Running the instance: schools (and how families reach each) and
//! counselor accounts.

pub mod contact;
mod handlers;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(handlers::dashboard))
        .route("/admin/schools", post(handlers::create_school))
        .route("/admin/counselors", post(handlers::create_counselor))
        .route(
            "/counselor/schools/{id}/contact",
            get(handlers::contact_page).post(handlers::set_contact),
        )
}
