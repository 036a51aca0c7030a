//! Counselors watching participation: the equity dashboard with gaps by
//! group, the list of students nobody has reached yet, per-student timelines,
//! CSV exports, roster imports, and the audit log behind them.

pub mod audit;
pub mod belonging;
pub mod chart;
pub mod cohort;
pub mod export;
mod handlers;

pub use handlers::ExportLang;
pub mod metrics;
pub mod remembered;
pub mod service;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/counselor/dashboard", get(handlers::dashboard))
        .route(
            "/counselor/dashboard/groups.csv",
            get(handlers::export_groups),
        )
        .route("/counselor/outreach", get(handlers::students))
        .route(
            "/counselor/outreach/students.csv",
            get(handlers::export_students),
        )
        .route("/counselor/students/{id}", get(handlers::student_record))
        .route("/counselor/roster", get(handlers::roster_page))
        .route("/counselor/codes", post(handlers::print_codes))
        .route("/admin/audit", get(handlers::audit))
}
