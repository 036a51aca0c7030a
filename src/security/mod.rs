//! Account security: each user's own security page (password change, sign
//! out everywhere, the second factor), single-use password reset links, the
//! second step of a login with TOTP, "forgot password", and admins' account lifecycle (disable,
//! enable, remove from a school or an organization), all audited.

mod handlers;
pub mod lifecycle;
pub mod mfa;
pub mod reset;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(handlers::account_page))
        .route("/account/password", post(handlers::change_password))
        .route(
            "/account/sign-out-everywhere",
            post(handlers::sign_out_everywhere),
        )
        .route("/account/mfa", get(handlers::mfa_page))
        .route("/account/mfa/{action}", post(handlers::mfa_act))
        .route(
            "/login/mfa",
            get(handlers::second_step_page).post(handlers::second_step),
        )
        .route(
            "/password/forgot",
            get(handlers::forgot_page).post(handlers::forgot),
        )
        .route(
            "/password-reset/{token}",
            get(handlers::reset_page).post(handlers::reset),
        )
        .route("/admin/accounts", get(handlers::accounts))
        .route("/admin/accounts/{id}/{action}", post(handlers::account_act))
        .route(
            "/admin/accounts/{id}/schools/{school_id}/remove",
            post(handlers::remove_school),
        )
}
