//! Who is asking: the logged-in user, role gates, and the per-request page
//! chrome (navigation, CSRF token, flash message) every HTML page needs.

use axum::{
    extract::FromRequestParts,
    http::{StatusCode, request::Parts},
    response::{Html, IntoResponse, Response},
};
use chrono::Utc;
use entity::{OrgStatus, Role, organization, user};
use minijinja::{Value, context};
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{
    app::AppState,
    auth::{LOGIN_AT, SESSION_GENERATION, USER_ID, csrf},
    error::{AppError, AppResult},
    i18n::{self, Lang, Message},
    templates,
};

/// The logged-in user, as the rest of the app needs it.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentUser {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub organization_id: Option<i32>,
    /// The status of an employer's organization, read on every request so a
    /// suspension takes effect at once.
    pub organization_status: Option<OrgStatus>,
    /// Whether the user has confirmed an authenticator (TOTP).
    pub mfa_enabled: bool,
}

impl CurrentUser {
    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }

    /// Admins and counselors: the accounts that reach every student of a school.
    pub fn is_staff(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Counselor)
    }

    /// An employer whose organization is verified, the only kind that may
    /// reach student data.
    pub fn is_verified_employer(&self) -> bool {
        self.role == Role::Employer && self.organization_status == Some(OrgStatus::Verified)
    }
}

async fn session_of(parts: &mut Parts, state: &AppState) -> AppResult<Session> {
    Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, message)| AppError::Internal(anyhow::anyhow!(message)))
}

/// Loads the user of the session, or `None` when anonymous or expired.
async fn load_user(session: &Session, state: &AppState) -> AppResult<Option<CurrentUser>> {
    let Some(user_id) = session.get::<i32>(USER_ID).await? else {
        return Ok(None);
    };
    let login_at = session.get::<i64>(LOGIN_AT).await?.unwrap_or(0);
    let absolute_limit = state.config.session_absolute_hours * 3600;
    if Utc::now().timestamp() - login_at > absolute_limit {
        session.flush().await?;
        return Ok(None);
    }
    let generation = session.get::<i32>(SESSION_GENERATION).await?;
    let user = user::Entity::find_by_id(user_id).one(&state.db).await?;
    // A disabled account, or a session from before the user's sessions were
    // revoked (logout elsewhere, password change, sign out everywhere), is over.
    // An account that may not sign in yet (an unconfirmed registration)
    // never gets a session; checked here as well so that no way into a
    // session can forget it.
    let Some(user) = user.filter(|u| {
        u.disabled_at.is_none()
            && super::service::may_sign_in(u)
            && generation == Some(u.session_generation)
    }) else {
        session.flush().await?;
        return Ok(None);
    };
    let organization_status = match (user.role, user.organization_id) {
        (Role::Employer, Some(id)) => organization::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .map(|o| o.status),
        _ => None,
    };
    Ok(Some(CurrentUser {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: user.role,
        organization_id: user.organization_id,
        organization_status,
        mfa_enabled: user.mfa_enabled_at.is_some(),
    }))
}

/// The user, if any; cached in the request so it is loaded once.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        if let Some(cached) = parts.extensions.get::<MaybeUser>() {
            return Ok(cached.clone());
        }
        let session = session_of(parts, state).await?;
        let user = MaybeUser(load_user(&session, state).await?);
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let user = MaybeUser::from_request_parts(parts, state)
            .await?
            .0
            .ok_or(AppError::Unauthenticated)?;
        // Staff without a second factor reach only enrolment, their account,
        // the login pages, logging out and the language choice while the
        // instance requires it: pages taking any signed-in user (notifications,
        // the dashboard) would otherwise show school data without it.
        if state.config.require_staff_mfa
            && user.is_staff()
            && !user.mfa_enabled
            && !open_before_enrolment(parts.uri.path())
        {
            return Err(AppError::MfaEnrolmentRequired);
        }
        Ok(user)
    }
}

/// The paths staff reach before enrolling their authenticator.
fn open_before_enrolment(path: &str) -> bool {
    ["/account", "/login"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
        || path == "/logout"
        || path.starts_with("/language/")
}

/// Declares an extractor that admits only the listed roles.
macro_rules! role_gate {
    ($(#[$doc:meta])* $name:ident: $($role:path),+) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub CurrentUser);

        impl FromRequestParts<AppState> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
                let user = CurrentUser::from_request_parts(parts, state).await?;
                if ![$($role),+].contains(&user.role) {
                    return Err(AppError::Forbidden);
                }
                // Staff without a second factor reach nothing but enrolment
                // while the instance requires it.
                if state.config.require_staff_mfa && user.is_staff() && !user.mfa_enabled {
                    return Err(AppError::MfaEnrolmentRequired);
                }
                Ok($name(user))
            }
        }

        impl std::ops::Deref for $name {
            type Target = CurrentUser;
            fn deref(&self) -> &CurrentUser { &self.0 }
        }
    };
}

role_gate!(
    /// A student.
    StudentUser: Role::Student
);
role_gate!(
    /// An employer, with or without an organization: only for the pages an
    /// employer taken out of their organization still opens (the blank
    /// posting form). Everything acting for an organization takes
    /// [`EmployerUser`].
    EmployerAccount: Role::Employer
);
role_gate!(
    /// A counselor or an admin (admins can do everything counselors do, for every school).
    CounselorUser: Role::Counselor, Role::Admin
);
role_gate!(
    /// An admin.
    AdminUser: Role::Admin
);

/// A counselor who looks after at least one school, or an admin: the
/// district-wide decisions about organizations (the review queue, verifying,
/// rejecting, suspending, reinstating, renames) and the employers' quality
/// view take this. A counselor an admin took off every school is refused
/// with a 403 saying why (`roster::service::looks_after_a_school`).
#[derive(Debug, Clone)]
pub struct ReviewerUser(pub CurrentUser);

impl FromRequestParts<AppState> for ReviewerUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let CounselorUser(user) = CounselorUser::from_request_parts(parts, state).await?;
        if !crate::roster::service::looks_after_a_school(&state.db, &user).await? {
            return Err(AppError::Refused(i18n::t(
                i18n::current(),
                "safe-counselor-no-school",
            )));
        }
        Ok(ReviewerUser(user))
    }
}

impl std::ops::Deref for ReviewerUser {
    type Target = CurrentUser;
    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

/// An employer acting for their organization, whatever its status: only
/// for pages that touch no student (the dashboard, the organization profile,
/// drafts). An employer without an organization (an admin took them out of
/// it) is refused here, so no service checks again.
#[derive(Debug, Clone)]
pub struct EmployerUser {
    user: CurrentUser,
    /// The organization the employer acts for.
    pub organization_id: i32,
}

impl FromRequestParts<AppState> for EmployerUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let EmployerAccount(user) = EmployerAccount::from_request_parts(parts, state).await?;
        let organization_id = user.organization_id.ok_or(AppError::Forbidden)?;
        Ok(EmployerUser {
            user,
            organization_id,
        })
    }
}

impl std::ops::Deref for EmployerUser {
    type Target = CurrentUser;
    fn deref(&self) -> &CurrentUser {
        &self.user
    }
}

/// An employer of a verified organization: every page and action that
/// touches students (applicants, applications, placements, hours,
/// evaluations) takes this, so a suspension or rejection cuts access on the
/// very next request and no route can forget the check. Only this extractor
/// makes one, so holding one is proof of the check.
#[derive(Debug, Clone)]
pub struct VerifiedEmployer(EmployerUser);

impl FromRequestParts<AppState> for VerifiedEmployer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        // An employer without an organization is refused as unverified, as
        // before the organization was carried by `EmployerUser`.
        let EmployerAccount(user) = EmployerAccount::from_request_parts(parts, state).await?;
        if let (true, Some(organization_id)) = (user.is_verified_employer(), user.organization_id) {
            return Ok(VerifiedEmployer(EmployerUser {
                user,
                organization_id,
            }));
        }
        Err(unverified(user.organization_status))
    }
}

/// The refusal an employer of an organization that is not verified gets,
/// saying why in their language.
pub fn unverified(status: Option<OrgStatus>) -> AppError {
    let key = match status {
        Some(OrgStatus::Pending) => "safe-org-pending",
        _ => "safe-org-not-verified",
    };
    AppError::Refused(i18n::t(i18n::current(), key))
}

impl std::ops::Deref for VerifiedEmployer {
    type Target = EmployerUser;
    fn deref(&self) -> &EmployerUser {
        &self.0
    }
}

/// A one-time message shown on the next page (POST, redirect, GET): kept
/// as a catalogue id so it is written in the language of the page showing it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredFlash {
    kind: FlashKind,
    message: Message,
}

entity::vocabulary! {
    /// How a flash message looks (the page's `flash-<key>` class).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FlashKind {
        Success = "success",
        Info = "info",
    }
}

/// A flash message as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    pub kind: FlashKind,
    pub message: String,
}

pub(crate) const FLASH: &str = "flash";

/// Stores a message for the next page the user sees.
pub async fn flash(session: &Session, kind: FlashKind, message: Message) -> AppResult<()> {
    let flash = StoredFlash { kind, message };
    session.insert(FLASH, flash).await?;
    Ok(())
}

/// What the base layout needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub user: Option<CurrentUser>,
    /// Unread notifications of the user, shown in the navigation.
    pub unread: u64,
    pub csrf_token: String,
    pub flash: Option<Flash>,
    /// The reader's language (see `i18n`).
    pub lang: Lang,
    /// This page's path and query, for the language links to come back to.
    pub here: String,
    /// On a page opened from a link we mailed a family whose home language
    /// we do not write: the line in that language the mail opened with,
    /// `(language, text)` (`families::link_language::HomeLine`).
    pub tagline: Option<(String, String)>,
    /// On a page opened from a link we mailed a guardian: how they reach
    /// the school (`families::link_language::SchoolContact`).
    pub contact: Option<crate::admin::contact::Contact>,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let MaybeUser(user) = MaybeUser::from_request_parts(parts, state).await?;
        let session = session_of(parts, state).await?;
        // Logged-in pages always carry forms (log out, at least). Anonymous
        // visitors get a token, and so a session row, only on pages with a
        // form (`FormPage`): browsing and searching write nothing.
        let csrf_token = if user.is_some() || parts.extensions.get::<NeedsCsrf>().is_some() {
            csrf::token(&session).await?
        } else {
            csrf::existing(&session).await?.unwrap_or_default()
        };
        // A flash left by an older version (plain text) is dropped, not an error.
        let lang = i18n::current();
        let flash = session
            .remove_value(FLASH)
            .await?
            .and_then(|value| serde_json::from_value::<StoredFlash>(value).ok())
            .map(|stored| Flash {
                kind: stored.kind,
                message: stored.message.render(lang),
            });
        let unread = match &user {
            Some(user) => crate::notifications::unread_count(&state.db, user).await?,
            None => 0,
        };
        Ok(Page {
            user,
            unread,
            csrf_token,
            flash,
            lang,
            here: parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned()),
            tagline: parts
                .extensions
                .get::<crate::families::link_language::HomeLine>()
                .and_then(|line| line.0.clone()),
            contact: parts
                .extensions
                .get::<crate::families::link_language::SchoolContact>()
                .and_then(|contact| contact.0.clone()),
        })
    }
}

/// Marks a request whose page has a form, so `Page` issues a CSRF token.
#[derive(Clone, Copy)]
struct NeedsCsrf;

/// A page with a form for anonymous visitors too (login, registration,
/// claim, consent...): the same as `Page`, with a CSRF token guaranteed.
pub struct FormPage(pub Page);

impl FromRequestParts<AppState> for FormPage {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        parts.extensions.insert(NeedsCsrf);
        Ok(FormPage(Page::from_request_parts(parts, state).await?))
    }
}

impl std::ops::Deref for FormPage {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.0
    }
}

impl Page {
    /// Renders a page template with its own context plus the layout's.
    pub fn render(&self, name: &str, ctx: impl Serialize) -> AppResult<Html<String>> {
        // Kept messages (form errors) are written out in the page's language,
        // which may differ from the reader's (a guardian's consent page).
        i18n::rendering_in(self.lang, || {
            templates::render(
                name,
                context! { page => self, lang => self.lang, ..Value::from_serialize(ctx) },
            )
        })
    }

    /// Renders a page template as the whole answer.
    pub fn respond(&self, name: &str, ctx: impl Serialize) -> AppResult<Response> {
        Ok(self.render(name, ctx)?.into_response())
    }

    /// Renders a page template with `status`: a form page answers 422 while
    /// it shows errors (`FieldErrors::status`).
    pub fn respond_with(
        &self,
        status: StatusCode,
        name: &str,
        ctx: impl Serialize,
    ) -> AppResult<Response> {
        Ok((status, self.render(name, ctx)?).into_response())
    }
}

/// The reader's language, for handlers that answer without a page (CSV
/// exports, redirects with a message). Settled by `i18n::request_language`.
pub struct ReaderLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReaderLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ReaderLang(i18n::current()))
    }
}
