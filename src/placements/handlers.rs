//! Placement pages: consent, hours, completion.

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use entity::{opportunity, student};
use minijinja::context;
use sea_orm::EntityTrait;
use tower_sessions::Session;

use super::service::{self, CompletionForm, ConsentForm, FeedbackForm, HoursForm};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, FormPage, Page, StudentUser, VerifiedEmployer, flash},
    error::{AppError, AppResult, OrNotFound},
    forms::{FieldErrors, Form},
    search::documents::today,
};

async fn consent_context(
    state: &AppState,
    token: &str,
    lang: crate::i18n::Lang,
) -> AppResult<minijinja::Value> {
    let placement = service::find_by_consent_token(&state.db, token).await?;
    let opportunity = opportunity::Entity::find_by_id(placement.opportunity_id)
        .one(&state.db)
        .await?
        .or_not_found()?;
    let student = student::Entity::find_by_id(placement.student_id)
        .one(&state.db)
        .await?
        .or_not_found()?;
    // The view carries the organization's name too.
    let details = crate::opportunities::service::view(&state.db, opportunity, lang).await?;
    Ok(
        context! { token, student => student.first_name, organization => details.organization.clone(), opportunity => details },
    )
}

pub async fn consent_page(
    State(state): State<AppState>,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let ctx = consent_context(&state, &token, page.lang).await?;
    Ok(page
        .render(
            "placements/consent.html",
            context! { form => ConsentForm::default(), errors => FieldErrors::new(), ..ctx },
        )?
        .into_response())
}

pub async fn consent(
    State(state): State<AppState>,
    page: FormPage,
    Path(token): Path<String>,
    Form(form): Form<ConsentForm>,
) -> AppResult<Response> {
    match service::consent_by_link(&state.db, &token, &form).await {
        Ok(placement) => {
            let given = placement.consent_given.unwrap_or(false);
            Ok(page
                .render("placements/consent_recorded.html", context! { given })?
                .into_response())
        }
        Err(AppError::Validation(errors)) => {
            let ctx = consent_context(&state, &token, page.lang).await?;
            let body = page.render("placements/consent.html", context! { form, errors, ..ctx })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(other) => Err(other),
    }
}

async fn render_student(
    state: &AppState,
    student: &StudentUser,
    page: &Page,
    id: i32,
    form: &HoursForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let placement = service::find_for_student(&state.db, student, id).await?;
    let view = service::view(&state.db, placement).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = page.render(
        "placements/student.html",
        context! { placement => view, form, errors, today => today().to_string() },
    )?;
    Ok((status, body).into_response())
}

pub async fn student_view(
    State(state): State<AppState>,
    student: StudentUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    render_student(
        &state,
        &student,
        &page,
        id,
        &HoursForm::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn log_hours(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<HoursForm>,
) -> AppResult<Response> {
    match service::log_hours(&state.db, &student, id, &form, today()).await {
        Ok(_) => {
            flash(
                &session,
                "success",
                "Hours logged. Your employer will review them.",
            )
            .await?;
            Ok(Redirect::to(&format!("/student/placements/{id}")).into_response())
        }
        Err(AppError::Validation(errors)) => {
            render_student(&state, &student, &page, id, &form, errors).await
        }
        Err(other) => Err(other),
    }
}

pub async fn new_consent_link(
    State(state): State<AppState>,
    student: StudentUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let consent_link = service::new_consent_link(&state.db, &student, id).await?;
    Ok(page
        .render(
            "applications/accepted.html",
            context! { consent_link, placement_id => id },
        )?
        .into_response())
}

pub async fn student_feedback(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<FeedbackForm>,
) -> AppResult<Response> {
    match service::student_feedback(&state.db, &student, id, &form).await {
        Ok(()) => {
            flash(&session, "success", "Thank you for your feedback.").await?;
            Ok(Redirect::to(&format!("/student/placements/{id}")).into_response())
        }
        Err(AppError::Validation(errors)) => Err(AppError::BadRequest(errors.summary())),
        Err(other) => Err(other),
    }
}

async fn render_employer(
    state: &AppState,
    employer: &VerifiedEmployer,
    page: &Page,
    id: i32,
    form: &CompletionForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let (placement, _) = service::find_for_employer(&state.db, employer, id).await?;
    let view = service::view(&state.db, placement).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        page.render(
            "placements/employer.html",
            context! { placement => view, form, errors },
        )?,
    )
        .into_response())
}

pub async fn employer_view(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    render_employer(
        &state,
        &employer,
        &page,
        id,
        &CompletionForm::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn review_hours(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    Path((id, decision)): Path<(i32, String)>,
) -> AppResult<Response> {
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let placement_id = service::review_hours(&state.db, &employer, id, approve).await?;
    flash(
        &session,
        "success",
        if approve {
            "Hours approved."
        } else {
            "Hours not approved."
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/employer/placements/{placement_id}")).into_response())
}

pub async fn complete(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<CompletionForm>,
) -> AppResult<Response> {
    match service::complete(&state.db, &employer, id, &form).await {
        Ok(()) => {
            flash(
                &session,
                "success",
                "Placement closed. Thank you for hosting a student!",
            )
            .await?;
            Ok(Redirect::to(&format!("/employer/placements/{id}")).into_response())
        }
        Err(AppError::Validation(errors)) => {
            render_employer(&state, &employer, &page, id, &form, errors).await
        }
        Err(other) => Err(other),
    }
}

pub async fn counselor_list(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
) -> AppResult<Response> {
    let placements = service::awaiting_consent(&state.db, &counselor).await?;
    Ok(page
        .render("placements/counselor.html", context! { placements })?
        .into_response())
}

pub async fn paper_consent(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ConsentForm>,
) -> AppResult<Response> {
    match service::consent_on_paper(&state.db, &counselor, id, &form).await {
        Ok(_) => {
            flash(&session, "success", "Paper consent recorded.").await?;
            Ok(Redirect::to("/counselor/placements").into_response())
        }
        Err(AppError::Validation(errors)) => Err(AppError::BadRequest(errors.summary())),
        Err(other) => Err(other),
    }
}
