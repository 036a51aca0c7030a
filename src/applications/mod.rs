//! Applications: students apply (job shadows take a seat or join the wait
//! list), employers move them through the pipeline, students accept offers,
//! which creates placements without ever exceeding the slots.

pub mod applicants;
pub mod eligibility;
mod handlers;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/opportunities/{id}/apply", post(handlers::apply))
        .route("/student/applications/{id}", get(handlers::student_view))
        .route(
            "/student/applications/{id}/{action}",
            post(handlers::student_act),
        )
        .route(
            "/employer/opportunities/{id}/applicants",
            get(handlers::applicants),
        )
        .route(
            "/employer/applications/{id}/{action}",
            post(handlers::employer_act),
        )
}
