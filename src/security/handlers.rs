//! Security pages: the user's own account page, the second step of login,
//! password reset links, and the admins' account list.

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use entity::Role;
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{
    lifecycle::{self, AccountAction},
    mfa,
    reset::{self, ForgotPassword, NewPassword, PasswordChange},
};
use crate::{
    app::AppState,
    auth::{
        MFA_PENDING, PendingLogin,
        client_address::ClientAddress,
        device,
        extractors::{AdminUser, CurrentUser, FormPage, Page},
        service::{self as auth_service, start_session},
        throttle,
    },
    error::{AppError, AppResult},
    families::link_language::private,
    forms::{FieldErrors, Form, Path, Query, Saved, answer_or_rerender, save_or_rerender},
    i18n::{Message, t, t_args},
    paging::PageParams,
};

/// How long the second step may wait after the password.
const SECOND_STEP_MINUTES: i64 = 5;

#[derive(Serialize, Default)]
struct AccountPage {
    mfa_enabled: bool,
    mfa_required: bool,
    errors: FieldErrors,
}

fn mfa_required(state: &AppState, user: &CurrentUser) -> bool {
    state.config.require_staff_mfa && user.is_staff()
}

pub async fn account_page(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let view = AccountPage {
        mfa_enabled: user.mfa_enabled,
        mfa_required: mfa_required(&state, &user),
        errors: FieldErrors::new(),
    };
    page.respond("security/account.html", view)
}

pub async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Form(form): Form<PasswordChange>,
) -> AppResult<Response> {
    save_or_rerender(
        reset::change_password(&state.db, user.id, &form).await,
        &session,
        async |updated| {
            // Every other session ended with the change; this one goes on.
            start_session(&state.db, &session, updated).await?;
            Ok(Saved::new(
                Message::new("safe-password-changed"),
                "/account",
            ))
        },
        async |errors| {
            let view = AccountPage {
                mfa_enabled: user.mfa_enabled,
                mfa_required: mfa_required(&state, &user),
                errors,
            };
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "security/account.html",
                view,
            )
        },
    )
    .await
}

pub async fn sign_out_everywhere(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    session: Session,
) -> AppResult<Response> {
    reset::sign_out_everywhere(&db, &session, user.id).await?;
    Saved::info(Message::new("safe-signed-out-everywhere"), "/")
        .redirect(&session)
        .await
}

#[derive(Serialize)]
struct MfaPage {
    enabled: bool,
    required: bool,
    enrolment: Option<mfa::Enrolment>,
    errors: FieldErrors,
}

async fn render_mfa(
    state: &AppState,
    user: &CurrentUser,
    page: &Page,
    errors: FieldErrors,
) -> AppResult<Response> {
    let account = mfa::account(&state.db, user.id).await?;
    let status = errors.status();
    let view = MfaPage {
        enabled: account.mfa_enabled_at.is_some(),
        required: mfa_required(state, user),
        enrolment: mfa::enrolment(&account)?,
        errors,
    };
    page.respond_with(status, "security/mfa.html", view)
}

pub async fn mfa_page(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    render_mfa(&state, &user, &page, FieldErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MfaForm {
    code: String,
    current_password: String,
}

pub async fn mfa_act(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(action): Path<mfa::MfaAction>,
    Form(form): Form<MfaForm>,
) -> AppResult<Response> {
    let account = mfa::account(&state.db, user.id).await?;
    let result = match action {
        mfa::MfaAction::Start => mfa::start(&state.db, &account).await.map(|()| None),
        mfa::MfaAction::Confirm => {
            mfa::confirm(&state.db, &account, &form.code, &form.current_password)
                .await
                .map(Some)
        }
        mfa::MfaAction::Disable => mfa::disable(
            &state.db,
            &account,
            &form.current_password,
            mfa_required(&state, &user),
        )
        .await
        .map(|()| None),
    };
    answer_or_rerender(
        result,
        async |codes| {
            let Some(codes) = codes else {
                return Ok(Redirect::to("/account/mfa").into_response());
            };
            // Sessions opened with the password alone end; this one goes on.
            auth_service::revoke_sessions(&state.db, user.id).await?;
            start_session(&state.db, &session, mfa::account(&state.db, user.id).await?).await?;
            let view = minijinja::context! { codes };
            page.respond("security/recovery_codes.html", view)
        },
        async |errors| render_mfa(&state, &user, &page, errors).await,
    )
    .await
}

/// The login waiting for its second step, when still fresh.
async fn pending(session: &Session) -> AppResult<Option<PendingLogin>> {
    let pending = session.get::<PendingLogin>(MFA_PENDING).await?;
    Ok(pending.filter(|p| Utc::now().timestamp() - p.at <= SECOND_STEP_MINUTES * 60))
}

#[derive(Serialize)]
struct SecondStepPage {
    errors: FieldErrors,
    error: Option<String>,
}

pub async fn second_step_page(session: Session, page: FormPage) -> AppResult<Response> {
    if pending(&session).await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    page.respond(
        "security/second_step.html",
        SecondStepPage {
            errors: FieldErrors::new(),
            error: None,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SecondStepForm {
    code: String,
}

pub async fn second_step(
    State(state): State<AppState>,
    client: ClientAddress,
    session: Session,
    page: FormPage,
    Form(form): Form<SecondStepForm>,
) -> AppResult<Response> {
    let Some(login) = pending(&session).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    let address = client.to_string();
    // Counted per account like passwords, under a key of its own.
    let key = format!("mfa:{}", login.user_id);
    let refuse = |status: StatusCode, message: String| -> AppResult<Response> {
        page.respond_with(
            status,
            "security/second_step.html",
            SecondStepPage {
                errors: FieldErrors::new(),
                error: Some(message),
            },
        )
    };
    // Counted before the code is checked; any failure to count (not only
    // "too many") stops here, so no guess is ever checked uncounted.
    match throttle::check(&state.db, &key, &address).await {
        Ok(()) => {}
        Err(error @ AppError::TooManyRequests(_)) => {
            return refuse(error.status(), error.public_message());
        }
        Err(other) => return Err(other),
    }
    let account = mfa::account(&state.db, login.user_id).await?;
    let usable = account.disabled_at.is_none() && account.session_generation == login.generation;
    if !usable || form.code.len() > 64 || !mfa::verify(&state.db, &account, &form.code).await? {
        return refuse(
            StatusCode::UNAUTHORIZED,
            t(page.lang, "safe-mfa-code-wrong"),
        );
    }
    throttle::clear_account(&state.db, &key).await?;
    session.remove::<PendingLogin>(MFA_PENDING).await?;
    // The login is whole: this browser is now one the owner uses (see auth::device).
    let device = device::issue(&account.email, state.config.cookie_secure);
    start_session(&state.db, &session, account).await?;
    let mut response = Redirect::to("/dashboard").into_response();
    if let Some(device) = device {
        response.headers_mut().append(header::SET_COOKIE, device);
    }
    Ok(response)
}

pub async fn forgot_page(page: FormPage) -> AppResult<Response> {
    render_forgot(&page, &ForgotPassword::default(), FieldErrors::new())
}

fn render_forgot(page: &Page, form: &ForgotPassword, errors: FieldErrors) -> AppResult<Response> {
    let status = errors.status();
    let view = minijinja::context! { form, errors, minutes => reset::RESET_VALID_MINUTES };
    page.respond_with(status, "security/forgot.html", view)
}

/// The same answer whether or not an account uses the address.
pub async fn forgot(
    State(db): State<DatabaseConnection>,
    session: Session,
    page: FormPage,
    Form(form): Form<ForgotPassword>,
) -> AppResult<Response> {
    save_or_rerender(
        reset::request(&db, &form, page.lang).await,
        &session,
        async |()| {
            let message =
                Message::new("access-forgot-sent").arg("minutes", reset::RESET_VALID_MINUTES);
            Ok(Saved::info(message, "/login"))
        },
        async |errors| render_forgot(&page, &form, errors),
    )
    .await
}

#[derive(Serialize)]
struct ResetPage<'a> {
    token: &'a str,
    email: String,
    errors: FieldErrors,
}

pub async fn reset_page(
    State(db): State<DatabaseConnection>,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let user = reset::open(&db, &token).await?;
    // Its address is the secret: no cache or back button keeps it.
    page.respond(
        "security/reset.html",
        ResetPage {
            token: &token,
            email: user.email,
            errors: FieldErrors::new(),
        },
    )
    .map(private)
}

pub async fn reset(
    State(db): State<DatabaseConnection>,
    session: Session,
    page: FormPage,
    Path(token): Path<String>,
    Form(form): Form<NewPassword>,
) -> AppResult<Response> {
    let answer = save_or_rerender(
        reset::reset(&db, &token, &form).await,
        &session,
        async |()| {
            session.flush().await?;
            Ok(Saved::new(Message::new("safe-reset-done"), "/login"))
        },
        async |errors| {
            let user = reset::open(&db, &token).await?;
            let view = ResetPage {
                token: &token,
                email: user.email,
                errors,
            };
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "security/reset.html",
                view,
            )
        },
    )
    .await;
    answer.map(private)
}

/// The accounts list's query string: the search (an email can be 254
/// characters), the page and a role.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct AccountQuery {
    #[serde(flatten)]
    paging: PageParams,
    role: String,
}

pub async fn accounts(
    State(db): State<DatabaseConnection>,
    _admin: AdminUser,
    page: Page,
    Query(query): Query<AccountQuery>,
) -> AppResult<Response> {
    let paging = query.paging.parse_up_to(page.lang, 254)?;
    let role = match query.role.as_str() {
        "" => None,
        key => Some(Role::from_key(key).ok_or_else(|| {
            AppError::BadRequest(t_args(
                page.lang,
                "safe-accounts-error-role",
                vec![("value", key.into())],
            ))
        })?),
    };
    let accounts = lifecycle::find(&db, &paging, role).await?;
    let (accounts, pager) = paging.finish(accounts, "/admin/accounts", &query);
    let roles: Vec<&str> = Role::KEYS.to_vec();
    page.respond(
        "security/accounts.html",
        minijinja::context! { accounts, pager, roles, q => paging.q, role => query.role },
    )
}

pub async fn account_act(
    State(state): State<AppState>,
    admin: AdminUser,
    session: Session,
    page: Page,
    Path((id, action)): Path<(i32, AccountAction)>,
) -> AppResult<Response> {
    let outcome = lifecycle::act(&state.db, &admin, id, action).await?;
    if let Some(path) = outcome.reset_path
        && (state.config.smtp_url.is_none() || !outcome.address_confirmed)
    {
        let minutes = reset::RESET_VALID_MINUTES;
        let unconfirmed = !outcome.address_confirmed;
        return page.respond(
            "security/reset_link.html",
            minijinja::context! { email => outcome.email, path, minutes, unconfirmed },
        );
    }
    let key = match action {
        AccountAction::Disable => "safe-account-disabled",
        AccountAction::Enable => "safe-account-enabled",
        AccountAction::ResetMfa => "safe-account-mfa-reset",
        AccountAction::RemoveFromOrganization => "safe-account-removed-from-organization",
        AccountAction::ResetLink => "access-reset-link-emailed",
    };
    let back = format!("/admin/accounts?q={}", urlencode(&outcome.email));
    let done = Message::new(key)
        .arg("email", outcome.email)
        .arg("minutes", reset::RESET_VALID_MINUTES);
    Saved::new(done, back).redirect(&session).await
}

pub async fn remove_school(
    State(db): State<DatabaseConnection>,
    admin: AdminUser,
    session: Session,
    Path((id, school_id)): Path<(i32, i32)>,
) -> AppResult<Response> {
    let removed = lifecycle::remove_school(&db, &admin, id, school_id).await?;
    let key = if removed.last {
        "safe-account-last-school-removed"
    } else {
        "safe-account-school-removed"
    };
    Saved::new(
        Message::new(key).arg("email", removed.email.as_str()),
        format!("/admin/accounts?q={}", urlencode(&removed.email)),
    )
    .redirect(&session)
    .await
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
