//! The public impact page (issue 19 item 3): what the whole instance
//! offered and achieved in one school year, for anyone, no login. Every
//! count of students passes through `crate::disclosure`, in one scope (all
//! schools) and whole school years only, so no two public views can be
//! subtracted to isolate a hidden count; postings and pledges are counted
//! as they are (they are not students).

pub mod chart;
mod handlers;
pub mod service;

use axum::{Router, routing::get};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/impact", get(handlers::page))
        .route("/impact.csv", get(handlers::csv))
}
