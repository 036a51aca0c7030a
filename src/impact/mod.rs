//! The public impact page (issue 19 item 3): what the whole instance
//! offered and achieved in one school year, for anyone, no login. Every
//! count of students passes through `crate::disclosure`, in one scope (all
//! schools) and whole school years only, and is published once, after its
//! school year closes, and never changes ([`published`]): no two public
//! views, of two years or of one year on two days, can be subtracted to
//! isolate a hidden count. The current year shows no student figures.
//! Postings and pledges are counted as they are (they are not students).

pub mod chart;
mod handlers;
pub mod published;
pub mod service;

use axum::{Router, routing::get};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/impact", get(handlers::page))
        .route("/impact.csv", get(handlers::csv))
}
