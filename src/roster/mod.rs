//! School rosters: the students a counselor looks after, the one-time
//! codes they hand out so each student can claim an account, and roster
//! uploads from the web, imported in the background (`uploads`). A roster
//! only updates records of its own source (`sources`: ids are unique only
//! within one district's system) that are provably the same people and
//! schools (`identity`, which also finds a student the district re-keyed
//! under a new id).

pub mod claim_code;
mod contacts;
pub mod departures;
mod handlers;
mod identity;
pub mod import;
pub mod service;
mod sources;
pub mod uploads;

use axum::{
    Router,
    extract::DefaultBodyLimit,
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
        // Rosters of up to 200,000 rows a file are larger than other forms.
        .route(
            "/counselor/roster/uploads",
            post(handlers::upload).layer(DefaultBodyLimit::max(handlers::MAX_UPLOAD_BYTES)),
        )
        .route(
            "/counselor/roster/uploads/{id}",
            get(handlers::upload_status),
        )
}
