//! Saved searches and what they bring: a student saves any search of
//! `/search`, new matches reach them in-app (and, if they chose it, in the
//! weekly digest), and every search has a public Atom feed that a counselor
//! or a school website can subscribe to.

pub mod feed;
mod handlers;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    let feed = Router::new().route("/search.atom", get(handlers::feed));
    Router::new()
        .merge(crate::app::public_data(feed))
        .route(
            "/student/searches",
            get(handlers::list).post(handlers::save),
        )
        .route("/student/searches/{id}/delete", post(handlers::delete))
}
