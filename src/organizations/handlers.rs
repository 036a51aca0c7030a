//! Organization pages: profile, invitations, joining, review queue, public page.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use entity::{opportunity, organization};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{
    changes::{self, ChangeForm},
    profile::{self, ProfileForm, ProfileSaved},
    service::{self, Decision, JoinForm},
};
use crate::{
    app::AppState,
    auth::extractors::{
        EmployerUser, FlashKind, FormPage, Page, ReviewerUser, VerifiedEmployer, flash,
    },
    error::AppResult,
    forms::{FieldErrors, Form, Path, Query, Saved, save_or_rerender},
    i18n::Message,
    paging::PageParams,
};

#[derive(Serialize)]
struct EditPage<'a> {
    organization: organization::Model,
    /// False while suspended or rejected: the page says why, with no form.
    editable: bool,
    form: &'a ProfileForm,
    errors: FieldErrors,
}

pub async fn edit_page(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    page: Page,
) -> AppResult<Response> {
    let organization = service::of_employer(&db, &employer).await?;
    let form = ProfileForm::from(&organization);
    page.respond(
        "organizations/edit.html",
        EditPage {
            editable: profile::editable(organization.status),
            organization,
            form: &form,
            errors: FieldErrors::new(),
        },
    )
}

pub async fn update(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    session: Session,
    page: Page,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    save_or_rerender(
        profile::update_profile(&db, &employer, &form).await,
        &session,
        async |saved| {
            let flash = match saved {
                ProfileSaved::Saved => "employer-flash-profile-saved",
                ProfileSaved::ChangeWaits => "employer-flash-change-waits",
            };
            Ok(Saved::new(Message::new(flash), "/employer/organization"))
        },
        async |errors| {
            let organization = service::of_employer(&db, &employer).await?;
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "organizations/edit.html",
                EditPage {
                    editable: profile::editable(organization.status),
                    organization,
                    form: &form,
                    errors,
                },
            )
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
}

/// Only a verified organization invites: an invitation of any other would
/// be refused when opened.
pub async fn invite(
    State(db): State<DatabaseConnection>,
    employer: VerifiedEmployer,
    page: Page,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let invitation = service::invite(&db, &employer, &form.email).await?;
    page.respond("organizations/invited.html", invitation)
}

#[derive(Serialize)]
struct JoinPage<'a> {
    organization: String,
    email: String,
    token: &'a str,
    form: &'a JoinForm,
    errors: FieldErrors,
}

pub async fn join_page(
    State(db): State<DatabaseConnection>,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (invite, organization) = service::open_invitation(&db, &token).await?;
    let view = JoinPage {
        organization: organization.name,
        email: invite.email,
        token: &token,
        form: &JoinForm::default(),
        errors: FieldErrors::new(),
    };
    page.respond("organizations/join.html", view)
}

pub async fn join(
    State(db): State<DatabaseConnection>,
    session: Session,
    page: FormPage,
    Path(token): Path<String>,
    Form(form): Form<JoinForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::join(&db, &token, &form, page.lang).await,
        &session,
        // No session yet: the address is confirmed through the mailed link
        // first, as at registration.
        async |_user| Ok(Saved::info(Message::new("guard-join-check-mail"), "/login")),
        async |errors| {
            let (invite, organization) = service::open_invitation(&db, &token).await?;
            let view = JoinPage {
                organization: organization.name,
                email: invite.email,
                token: &token,
                form: &form,
                errors,
            };
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "organizations/join.html",
                view,
            )
        },
    )
    .await
}

pub async fn review_queue(
    State(db): State<DatabaseConnection>,
    _reviewer: ReviewerUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    let mut queue = service::review_queue(&db, &paging).await?;
    let (reviewed, pager) = paging.finish(
        std::mem::take(&mut queue.reviewed),
        "/organizations/review",
        &params,
    );
    queue.reviewed = reviewed;
    page.respond(
        "organizations/review.html",
        minijinja::context! { pager, q => paging.q, ..minijinja::Value::from_serialize(&queue) },
    )
}

#[derive(Deserialize)]
pub struct ReviewForm {
    decision: Decision,
    #[serde(default)]
    reason: String,
    /// The stamp of the registration the reviewer was shown.
    #[serde(default)]
    seen: String,
}

pub async fn review(
    State(state): State<AppState>,
    reviewer: ReviewerUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReviewForm>,
) -> AppResult<Response> {
    let organization = service::review(
        &state.db,
        &reviewer,
        id,
        form.decision,
        &form.reason,
        &form.seen,
    )
    .await?;
    let message = Message::new("counselor-flash-organization-reviewed")
        .arg("name", organization.name.as_str())
        .arg("state", organization.status.key())
        .vocab("status", "org_status", organization.status.key());
    flash(&session, FlashKind::Success, message).await?;
    Ok(Redirect::to("/organizations/review").into_response())
}

/// A reviewer approves or declines a requested name and website.
pub async fn decide_change(
    State(db): State<DatabaseConnection>,
    reviewer: ReviewerUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ChangeForm>,
) -> AppResult<Response> {
    let organization = changes::decide(&db, &reviewer, id, &form).await?;
    let message = Message::new(&format!("counselor-flash-change-{}", form.decision.key()))
        .arg("name", organization.name.as_str());
    flash(&session, FlashKind::Success, message).await?;
    Ok(Redirect::to("/organizations/review").into_response())
}

#[derive(Serialize)]
struct PublicPage {
    organization: organization::Model,
    postings: Vec<opportunity::Model>,
    /// Pledges with progress the disclosure rules clear.
    commitments: Vec<crate::commitments::service::PublicProgress>,
    threshold: usize,
}

pub async fn public_page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let (organization, postings) = service::public_profile(&state.db, id).await?;
    let threshold = crate::disclosure::effective_threshold(state.config.suppression_threshold);
    let commitments = crate::commitments::service::public(&state.db, id, threshold).await?;
    page.respond(
        "organizations/public.html",
        PublicPage {
            organization,
            postings,
            commitments,
            threshold,
        },
    )
}
