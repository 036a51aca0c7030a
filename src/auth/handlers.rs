//! Login and logout pages.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{
    app::AppState,
    auth::{
        client_address::ClientAddress,
        device,
        extractors::{FormPage, MaybeUser},
        service,
    },
    error::{AppError, AppResult},
    forms::{FieldErrors, Form, Saved, answer_or_rerender},
    i18n::Message,
};

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default, skip_serializing)]
    password: String,
}

#[derive(Serialize)]
struct LoginPage<'a> {
    form: &'a LoginForm,
    errors: FieldErrors,
    error: Option<String>,
}

pub async fn login_page(page: FormPage) -> AppResult<Response> {
    if page.user.is_some() {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let form = LoginForm::default();
    page.respond(
        "auth/login.html",
        LoginPage {
            form: &form,
            errors: FieldErrors::new(),
            error: None,
        },
    )
}

pub async fn login(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    session: Session,
    page: FormPage,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let address = client.to_string();
    let secure = state.config.cookie_secure;
    let device_cookie = device::from_headers(&headers, secure);
    let outcome = service::authenticate(
        &state.db,
        &form.email,
        &form.password,
        &address,
        device_cookie.as_deref(),
        page.lang,
    )
    .await;
    let render =
        |status: StatusCode, errors: FieldErrors, error: Option<String>| -> AppResult<Response> {
            let view = LoginPage {
                form: &form,
                errors,
                error,
            };
            page.respond_with(status, "auth/login.html", view)
        };
    let answer = answer_or_rerender(
        outcome,
        async |user| {
            // The device cookie comes with the second factor, once the login is whole.
            if user.mfa_enabled_at.is_some() {
                service::await_second_factor(&session, &user).await?;
                return Ok(Redirect::to("/login/mfa").into_response());
            }
            let device = device::issue(&user.email, secure);
            service::start_session(&state.db, &session, user).await?;
            let mut response = Redirect::to("/dashboard").into_response();
            if let Some(device) = device {
                response.headers_mut().append(header::SET_COOKIE, device);
            }
            Ok(response)
        },
        async |errors| render(StatusCode::UNPROCESSABLE_ENTITY, errors, None),
    )
    .await;
    match answer {
        // A refusal (disabled, unconfirmed) comes worded for the reader.
        Err(
            error @ (AppError::InvalidCredentials
            | AppError::TooManyRequests(_)
            | AppError::Refused(_)),
        ) => render(
            error.status(),
            FieldErrors::new(),
            Some(error.public_message()),
        ),
        other => other,
    }
}

/// Logging out ends every session of the user, not only this browser's: on
/// a shared school computer the other tabs and devices must not stay open.
pub async fn logout(
    State(db): State<DatabaseConnection>,
    session: Session,
    MaybeUser(user): MaybeUser,
) -> AppResult<Response> {
    service::end_all_sessions(&db, &session, user.map(|u| u.id)).await?;
    Saved::info(Message::new("common-flash-logged-out"), "/")
        .redirect(&session)
        .await
}
