//! Login and logout pages.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{
    app::AppState,
    auth::{
        client_address::ClientAddress,
        device,
        extractors::{FlashKind, FormPage, MaybeUser, flash},
        service,
    },
    error::{AppError, AppResult},
    forms::{FieldErrors, Form},
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
    Ok(page
        .render(
            "auth/login.html",
            LoginPage {
                form: &form,
                errors: FieldErrors::new(),
                error: None,
            },
        )?
        .into_response())
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
    match outcome {
        // The device cookie comes with the second factor, once the login is whole.
        Ok(user) if user.mfa_enabled_at.is_some() => {
            service::await_second_factor(&session, &user).await?;
            Ok(Redirect::to("/login/mfa").into_response())
        }
        Ok(user) => {
            let device = device::issue(&user.email, secure);
            service::start_session(&state.db, &session, user).await?;
            let mut response = Redirect::to("/dashboard").into_response();
            if let Some(device) = device {
                response.headers_mut().append(header::SET_COOKIE, device);
            }
            Ok(response)
        }
        Err(AppError::Validation(errors)) => {
            let body = page.render(
                "auth/login.html",
                LoginPage {
                    form: &form,
                    errors,
                    error: None,
                },
            )?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(
            error @ (AppError::InvalidCredentials
            | AppError::TooManyRequests(_)
            | AppError::Refused(_)),
        ) => {
            let status = error.status();
            // A refusal (disabled, unconfirmed) comes worded for the reader.
            let message = error.public_message();
            let body = page.render(
                "auth/login.html",
                LoginPage {
                    form: &form,
                    errors: FieldErrors::new(),
                    error: Some(message),
                },
            )?;
            Ok((status, body).into_response())
        }
        Err(other) => Err(other),
    }
}

/// Logging out ends every session of the user, not only this browser's: on
/// a shared school computer the other tabs and devices must not stay open.
pub async fn logout(
    State(state): State<AppState>,
    session: Session,
    MaybeUser(user): MaybeUser,
) -> AppResult<Redirect> {
    service::end_all_sessions(&state.db, &session, user.map(|u| u.id)).await?;
    flash(
        &session,
        FlashKind::Info,
        Message::new("common-flash-logged-out"),
    )
    .await?;
    Ok(Redirect::to("/"))
}
