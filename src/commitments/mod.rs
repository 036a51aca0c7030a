//! Employer commitments (issue 19 item 2): an organization pledges, for a
//! school year, a number of placements, how many of them paid, and
//! optionally its partner schools. Progress is always counted from real
//! placements and completions, never typed in; on public pages each count
//! of students passes through `crate::disclosure`.

mod handlers;
pub mod service;

use axum::{Router, routing::get};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/employer/commitments",
        get(handlers::page).post(handlers::pledge),
    )
}
