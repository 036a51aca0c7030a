//! Posting pages for employers, and the public detail page.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use entity::{AccessNeed, PostingLanguage, organization};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use tower_sessions::Session;

use super::{
    forms::{PostingForm, derived},
    service::{self, Action, DashboardRow, OpportunityView},
};
use crate::{
    app::AppState,
    auth::extractors::{EmployerAccount, EmployerUser, FlashKind, Page, flash},
    error::AppResult,
    forms::{FieldErrors, Form, Path, Query, Saved, save_or_rerender},
    i18n::{self, Message},
    organizations,
    paging::{PageParams, Pager},
};

#[derive(Serialize)]
struct Dashboard {
    organization: organization::Model,
    opportunities: Vec<DashboardRow>,
    pager: Pager,
    q: Option<String>,
}

pub async fn dashboard(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    let organization = organizations::service::of_employer(&db, &employer).await?;
    let opportunities = service::list_for_organization(&db, organization.id, &paging).await?;
    let (opportunities, pager) = paging.finish(opportunities, "/employer", &params);
    page.respond(
        "opportunities/dashboard.html",
        Dashboard {
            organization,
            opportunities,
            pager,
            q: paging.q,
        },
    )
}

/// The access features an employer ticks (the derived ones are set for them).
#[derive(Serialize)]
struct Choice {
    key: &'static str,
}

#[derive(Serialize)]
struct FormView<'a> {
    form: &'a PostingForm,
    errors: FieldErrors,
    /// `None` for a new posting.
    id: Option<i32>,
    feature_choices: Vec<Choice>,
    /// The languages a posting can be written in, named in the reader's language.
    written_in_choices: Vec<LanguageChoice>,
}

#[derive(Serialize)]
struct LanguageChoice {
    key: &'static str,
    label: String,
}

fn render_form(
    page: &Page,
    form: &PostingForm,
    errors: FieldErrors,
    id: Option<i32>,
) -> AppResult<Response> {
    let status = errors.status();
    let feature_choices = AccessNeed::ALL
        .iter()
        .filter(|f| !derived(**f))
        .map(|f| Choice { key: f.key() })
        .collect();
    let written_in_choices = PostingLanguage::ALL
        .iter()
        .map(|l| LanguageChoice {
            key: l.key(),
            label: i18n::vocab(page.lang, "written_in", l.key()),
        })
        .collect();
    page.respond_with(
        status,
        "opportunities/form.html",
        FormView {
            form,
            errors,
            id,
            feature_choices,
            written_in_choices,
        },
    )
}

pub async fn new_page(_employer: EmployerAccount, page: Page) -> AppResult<Response> {
    let form = PostingForm {
        once: crate::tokens::random(24),
        ..PostingForm::default()
    };
    render_form(&page, &form, FieldErrors::new(), None)
}

pub async fn create(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    session: Session,
    page: Page,
    Form(form): Form<PostingForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::create_draft(&db, &employer, &form).await,
        &session,
        async |saved| {
            Ok(Saved::new(
                Message::new("employer-flash-draft-saved").arg("title", saved.title.as_str()),
                format!("/employer/opportunities/{}", saved.id),
            ))
        },
        async |errors| render_form(&page, &form, errors, None),
    )
    .await
}

#[derive(Serialize)]
struct ManagePage {
    opportunity: OpportunityView,
    organization_verified: bool,
    /// A fair draw's state, with "draw now" once the deadline has passed.
    draw: Option<crate::draws::service::EmployerDraw>,
}

pub async fn manage(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let posting = service::find_owned(&db, &employer, id).await?;
    let organization = organizations::service::of_employer(&db, &employer).await?;
    let draw = crate::draws::service::for_employer(&db, &posting, crate::format::today()).await?;
    let opportunity = service::view(&db, posting, page.lang).await?;
    let view = ManagePage {
        draw,
        opportunity,
        organization_verified: organization.status == entity::OrgStatus::Verified,
    };
    page.respond("opportunities/manage.html", view)
}

pub async fn edit_page(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let posting = service::find_owned(&db, &employer, id).await?;
    let features = service::features_of(&db, id).await?;
    render_form(
        &page,
        &PostingForm::from_saved(&posting, &features),
        FieldErrors::new(),
        Some(id),
    )
}

pub async fn update(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<PostingForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::update(&db, &employer, id, &form).await,
        &session,
        async |saved| {
            Ok(Saved::new(
                Message::new("employer-flash-changes-saved").arg("title", saved.title.as_str()),
                format!("/employer/opportunities/{id}"),
            ))
        },
        async |errors| render_form(&page, &form, errors, Some(id)),
    )
    .await
}

pub async fn act(
    State(db): State<DatabaseConnection>,
    employer: EmployerUser,
    session: Session,
    Path((id, action)): Path<(i32, Action)>,
) -> AppResult<Response> {
    let outcome = service::act(&db, &employer, id, action).await?;
    flash(&session, FlashKind::Success, outcome.message).await?;
    let next = if outcome.deleted {
        "/employer".to_owned()
    } else {
        format!("/employer/opportunities/{id}")
    };
    Ok(Redirect::to(&next).into_response())
}

#[derive(Serialize)]
struct ShowPage {
    opportunity: OpportunityView,
    /// Students see the application form, unless they applied already
    /// (`applied`: their application) or may not apply (`cannot_apply`: why).
    can_apply: bool,
    applied: Option<i32>,
    cannot_apply: Option<String>,
    form: crate::applications::service::ApplicationForm,
    errors: FieldErrors,
    /// schema.org `JobPosting`, for search engines.
    job_posting: Option<serde_json::Value>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let posting = service::find_visible(&state.db, id).await?;
    let job_posting = super::jsonld::job_posting(&state.db, &posting, &state.site_url).await?;
    let standing = match &page.user {
        Some(user) if user.role == entity::Role::Student => Some(
            crate::applications::service::standing(&state.db, user, &posting, page.lang).await?,
        ),
        _ => None,
    };
    let opportunity = service::view(&state.db, posting, page.lang).await?;
    let (applied, cannot_apply) = standing.map_or((None, None), |s| (s.applied, s.cannot_apply));
    let view = ShowPage {
        opportunity,
        can_apply: page
            .user
            .as_ref()
            .is_some_and(|u| u.role == entity::Role::Student)
            && applied.is_none()
            && cannot_apply.is_none(),
        applied,
        cannot_apply,
        form: Default::default(),
        errors: FieldErrors::new(),
        job_posting: Some(job_posting),
    };
    page.respond("opportunities/show.html", view)
}
