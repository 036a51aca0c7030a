//! Login and logout pages.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{
    app::AppState,
    auth::{
        client_address::ClientAddress,
        extractors::{FormPage, flash},
        service,
    },
    error::{AppError, AppResult},
    forms::{FieldErrors, Form},
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
    session: Session,
    page: FormPage,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let address = client.to_string();
    match service::authenticate(&state.db, &form.email, &form.password, &address, page.lang).await {
        Ok(user) => {
            service::start_session(&state.db, &session, user).await?;
            Ok(Redirect::to("/dashboard").into_response())
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
        Err(error @ (AppError::InvalidCredentials | AppError::TooManyRequests(_))) => {
            let status = error.status();
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

pub async fn logout(session: Session) -> AppResult<Redirect> {
    session.flush().await.map_err(anyhow::Error::from)?;
    flash(&session, "info", "You are logged out.").await?;
    Ok(Redirect::to("/"))
}
