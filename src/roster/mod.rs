//! School rosters: the students a counselor looks after and the one-time
//! codes they hand out so each student can claim an account.

pub mod claim_code;
mod handlers;
pub mod import;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/counselor", get(handlers::dashboard))
        .route("/counselor/students", post(handlers::add_student))
        .route(
            "/counselor/students/{id}/code",
            post(handlers::reissue_code),
        )
}
