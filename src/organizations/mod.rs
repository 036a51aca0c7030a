//! Employer organizations: their profile, colleagues joining by invitation,
//! verification by counselors and admins (whose decisions the
//! organization's employers and the counselors concerned hear of), a
//! verified organization's requested renames, and the flags on those that
//! resemble a suspended or rejected organization; the days each one was
//! suspended (`suspensions`).

pub mod changes;
mod handlers;
pub mod lookalikes;
pub mod notices;
pub mod profile;
pub mod service;
pub mod suspensions;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/employer/organization",
            get(handlers::edit_page).post(handlers::update),
        )
        .route("/employer/invites", post(handlers::invite))
        .route(
            "/join/{token}",
            get(handlers::join_page).post(handlers::join),
        )
        .route("/organizations/review", get(handlers::review_queue))
        .route("/organizations/{id}/review", post(handlers::review))
        .route("/organizations/{id}/change", post(handlers::decide_change))
        .route("/organizations/{id}", get(handlers::public_page))
}
