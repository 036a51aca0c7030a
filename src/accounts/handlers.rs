//! Registration (and its emailed confirmation), claim and setup pages:
//! parse the form, call the service, log the new user in (claim, setup) or
//! send them to read their mail (registration), or re-render with the messages.

use axum::{
    extract::{Path, State},
    response::Response,
};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use tower_sessions::Session;

use super::{
    confirm,
    service::{self, AddressCorrection, EmployerRegistration, NewAdmin, StudentClaim},
};
use crate::{
    app::AppState,
    auth::{
        extractors::{CurrentUser, FormPage, Page},
        service::start_session,
    },
    error::{AppError, AppResult},
    forms::{FieldErrors, Form, Saved, save_or_rerender},
    i18n::Message,
};

#[derive(Serialize)]
struct FormView<'a, T: Serialize> {
    form: &'a T,
    errors: FieldErrors,
}

fn render_form<T: Serialize>(
    page: &Page,
    template: &str,
    form: &T,
    errors: FieldErrors,
) -> AppResult<Response> {
    page.respond_with(errors.status(), template, FormView { form, errors })
}

/// On success: log in and go to the dashboard with a message; on bad input:
/// the same form again with what was typed and a message per field.
async fn finish<T: Serialize>(
    state: &AppState,
    session: &Session,
    page: &Page,
    template: &str,
    form: &T,
    outcome: AppResult<entity::user::Model>,
    welcome: &str,
) -> AppResult<Response> {
    save_or_rerender(
        outcome,
        session,
        async |user| {
            start_session(&state.db, session, user).await?;
            Ok(Saved::new(Message::new(welcome), "/dashboard"))
        },
        async |errors| render_form(page, template, form, errors),
    )
    .await
}

pub async fn register_page(page: FormPage) -> AppResult<Response> {
    render_form(
        &page,
        "accounts/register.html",
        &EmployerRegistration::default(),
        FieldErrors::new(),
    )
}

/// The same answer for a new address and a known one (see
/// `service::register_employer`): back to the login page, told to read the
/// mail. Only bad input re-renders the form.
pub async fn register(
    State(db): State<DatabaseConnection>,
    session: Session,
    page: FormPage,
    Form(form): Form<EmployerRegistration>,
) -> AppResult<Response> {
    save_or_rerender(
        service::register_employer(&db, &form, page.lang).await,
        &session,
        async |()| {
            Ok(Saved::info(
                Message::new("access-register-check-mail"),
                "/login",
            ))
        },
        async |errors| render_form(&page, "accounts/register.html", &form, errors),
    )
    .await
}

#[derive(Serialize)]
struct ConfirmPage<'a> {
    token: &'a str,
    email: String,
    /// A student's link opened without their session: sign in first.
    sign_in_first: bool,
    /// A student's address: the page says what confirming changes for them.
    student: bool,
    /// The organization a registration is for: its owner should recognise it.
    organization: Option<String>,
}

/// The page a confirmation link opens: a button, so that a mail scanner
/// fetching the link does not spend it.
pub async fn confirm_page(
    State(db): State<DatabaseConnection>,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let user = confirm::open(&db, &token).await?;
    let student = confirm::needs_their_session(&user);
    let signed_in_as_them = page.user.as_ref().is_some_and(|u| u.id == user.id);
    let organization = match user.organization_id {
        Some(id) => Some(
            crate::db::found::<entity::organization::Entity>(&db, id)
                .await?
                .name,
        ),
        None => None,
    };
    page.respond(
        "accounts/confirm.html",
        ConfirmPage {
            token: &token,
            email: user.email,
            sign_in_first: student && !signed_in_as_them,
            student,
            organization,
        },
    )
}

pub async fn confirm(
    State(db): State<DatabaseConnection>,
    session: Session,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let signed_in = page.user.as_ref().map(|u| u.id);
    let user = confirm::confirm(&db, &token, signed_in).await?;
    // A student is signed in already; a registration logs in next.
    let (message, next) = match user.role {
        entity::Role::Student => ("student-confirmed", "/dashboard"),
        _ => ("access-confirmed", "/login"),
    };
    Saved::new(Message::new(message), next)
        .redirect(&session)
        .await
}

pub async fn claim_page(page: FormPage) -> AppResult<Response> {
    render_form(
        &page,
        "accounts/claim.html",
        &StudentClaim::default(),
        FieldErrors::new(),
    )
}

pub async fn claim(
    State(state): State<AppState>,
    session: Session,
    page: FormPage,
    Form(form): Form<StudentClaim>,
) -> AppResult<Response> {
    let outcome = service::claim_student_account(&state.db, &form, page.lang).await;
    finish(
        &state,
        &session,
        &page,
        "accounts/claim.html",
        &form,
        outcome,
        "student-flash-welcome-confirm",
    )
    .await
}

pub async fn setup_page(
    State(db): State<DatabaseConnection>,
    page: FormPage,
) -> AppResult<Response> {
    if !service::needs_setup(&db).await? {
        return Err(AppError::NotFound);
    }
    render_form(
        &page,
        "accounts/setup.html",
        &NewAdmin::default(),
        FieldErrors::new(),
    )
}

pub async fn setup(
    State(state): State<AppState>,
    session: Session,
    page: FormPage,
    Form(form): Form<NewAdmin>,
) -> AppResult<Response> {
    let outcome = service::create_first_admin(&state.db, &form).await;
    finish(
        &state,
        &session,
        &page,
        "accounts/setup.html",
        &form,
        outcome,
        "admin-flash-welcome",
    )
    .await
}

#[derive(Serialize)]
struct AddressPage<'a> {
    email: String,
    unconfirmed: bool,
    form: &'a AddressCorrection,
    errors: FieldErrors,
}

/// A student's address: confirmed, or how to get (or correct) its link.
async fn address_view(
    db: &DatabaseConnection,
    page: &Page,
    user: &CurrentUser,
    form: &AddressCorrection,
    errors: FieldErrors,
) -> AppResult<Response> {
    let account = crate::db::found::<entity::user::Entity>(db, user.id).await?;
    page.respond_with(
        errors.status(),
        "accounts/address.html",
        AddressPage {
            unconfirmed: confirm::needs_their_session(&account),
            email: account.email,
            form,
            errors,
        },
    )
}

pub async fn address_page(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    page: FormPage,
) -> AppResult<Response> {
    address_view(
        &db,
        &page,
        &user,
        &AddressCorrection::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn send_address_link(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    session: Session,
    page: FormPage,
    Form(form): Form<AddressCorrection>,
) -> AppResult<Response> {
    save_or_rerender(
        service::send_address_link(&db, user.id, &form, page.lang).await,
        &session,
        async |email| {
            Ok(Saved::new(
                Message::new("student-address-link-sent").arg("email", email),
                "/account/address",
            ))
        },
        async |errors| address_view(&db, &page, &user, &form, errors).await,
    )
    .await
}
