//! In-app notifications: every change that concerns a user leaves a message
//! with a link; the navigation shows the unread count. (Email delivery is
//! written to the log until SMTP is configured.)

mod handlers;
pub mod service;

// Other areas leave notifications; they name them from here.
pub use service::{
    counselors_of_school, employers_of, notify, notify_about_student, notify_employers,
    notify_student_of_placement, notify_students_counselors, unread_count,
};

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notifications", get(handlers::list))
        .route("/notifications/read", post(handlers::mark_all_read))
}
