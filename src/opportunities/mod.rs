//! Opportunities: employers draft, publish, edit, close and archive postings;
//! students read the ones that are open.

mod changes;
pub mod forms;
mod handlers;
pub mod jsonld;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/employer", get(handlers::dashboard))
        .route("/employer/opportunities", post(handlers::create))
        .route("/employer/opportunities/new", get(handlers::new_page))
        .route("/employer/opportunities/{id}", get(handlers::manage))
        .route(
            "/employer/opportunities/{id}/edit",
            get(handlers::edit_page).post(handlers::update),
        )
        .route("/employer/opportunities/{id}/{action}", post(handlers::act))
        .route("/opportunities/{id}", get(handlers::show))
}
