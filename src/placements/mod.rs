//! Placements: guardian consent (a one-time link mailed to each guardian,
//! asked again when unanswered, or a paper form recorded by a counselor),
//! what the family is told about the placement, hours logged and approved,
//! completion and evaluations (written and read), seats given back or ended
//! early and refilled from the wait list, named mentors, a consent a
//! guardian withdraws by the link mailed to them, placements whose dates
//! ended before any consent, closed by the system, what one student may
//! hold at once (placements that clash, hours a day over all of them), and
//! what student and family are mailed when the host is suspended (`pause`)
//! and when it is verified again (`resume`), and the revisions of each
//! placement's calendar entry, so the newest file wins (`calendar_revision`).

pub mod calendar_revision;
pub mod confirmation;
pub mod consent;
pub mod evaluation;
pub mod free_seats;
mod handlers;
pub mod held_back;
mod host_news;
pub mod lapse;
pub mod mentor;
pub mod overlap;
pub mod pause;
pub mod reminder;
pub mod resume;
mod seat_pages;
pub mod seats;
pub mod service;
pub mod withdrawal;

pub(crate) use handlers::refuse_signed_in;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/consent/{token}",
            get(handlers::consent_page).post(handlers::consent),
        )
        .route(
            "/withdraw/{token}",
            get(handlers::withdraw_page).post(handlers::withdraw),
        )
        .route("/student/placements/{id}", get(handlers::student_view))
        .route("/student/placements/{id}/hours", post(handlers::log_hours))
        .route(
            "/student/placements/{id}/consent-resend",
            post(handlers::student_resend),
        )
        .route(
            "/student/placements/{id}/feedback",
            post(handlers::student_feedback),
        )
        .route("/employer/placements/{id}", get(handlers::employer_view))
        .route(
            "/employer/hours/{id}/{decision}",
            post(handlers::review_hours),
        )
        .route(
            "/employer/placements/{id}/complete",
            post(handlers::complete),
        )
        .route("/counselor/placements", get(handlers::counselor_list))
        .route(
            "/counselor/placements/{id}/consent",
            post(handlers::paper_consent),
        )
        .route(
            "/counselor/placements/{id}/consent-resend",
            post(handlers::counselor_resend),
        )
        .route(
            "/student/placements/{id}/withdraw",
            post(seat_pages::withdraw),
        )
        .route(
            "/student/placements/{id}/belonging",
            post(seat_pages::answer_before),
        )
        .route(
            "/employer/placements/{id}/end",
            post(seat_pages::employer_end),
        )
        .route(
            "/employer/placements/{id}/mentor",
            post(seat_pages::name_mentor),
        )
        .route(
            "/counselor/placements/{id}",
            get(seat_pages::counselor_view),
        )
        .route(
            "/counselor/placements/{id}/end",
            post(seat_pages::counselor_end),
        )
        .route("/counselor/employers", get(seat_pages::quality))
}
