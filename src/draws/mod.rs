//! Fair draws for scarce seats (issue 19): a posting collects applications
//! until its deadline, then one draw gives the seats, first-time students
//! first, in an order anyone can re-run from the published seed
//! ([`order`]). The draw runs from a background job, or when the employer
//! asks after the deadline; either way exactly once ([`service::run`]).

pub mod effect;
mod handlers;
pub mod order;
pub mod service;

use std::time::Duration;

use axum::{
    Router,
    routing::{get, post},
};
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/draws/how", get(handlers::how))
        .route("/opportunities/{id}/draw", get(handlers::record))
        .route("/employer/opportunities/{id}/draw", post(handlers::run_now))
        .route(
            "/counselor/students/{id}/priority",
            post(handlers::mark_priority),
        )
}

/// Runs the draws whose deadline has passed, and gives free seats to
/// students waiting for them (`placements::free_seats`), every minute, on
/// the one app server holding the job's lease (were two to run it, each draw would
/// still happen once: see [`service`]).
pub fn spawn_worker(db: DatabaseConnection, low_income_tier: bool) -> JoinHandle<()> {
    tokio::spawn(async move {
        let period = Duration::from_secs(60);
        let lease = crate::jobs::Lease::new("draws", period);
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            let today = crate::format::today();
            match service::run_due(&db, today, low_income_tier).await {
                Ok(0) => {}
                Ok(ran) => tracing::info!(ran, "ran fair draws past their deadline"),
                Err(error) => tracing::warn!(%error, "could not run due fair draws"),
            }
            // A student passed over for a clashing place, whose place ended
            // or stopped clashing in a way no request followed up.
            match crate::placements::free_seats::fill_everywhere(&db).await {
                Ok(0) => {}
                Ok(given) => tracing::info!(given, "gave free seats to the wait list"),
                Err(error) => tracing::warn!(%error, "could not fill free seats"),
            }
        }
    })
}
