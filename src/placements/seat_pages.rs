//! Pages and forms for seats that come back, mentors and evaluations: thin
//! handlers over `seats`, `mentor` and `evaluation`.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use minijinja::context;
use tower_sessions::Session;

use super::{
    evaluation::{self, Reader},
    handlers::render_employer,
    mentor::{self, MentorForm},
    seats::{self, BeforeForm, ReasonForm},
    service::{self, CompletionForm},
};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, FlashKind, Page, StudentUser, VerifiedEmployer, flash},
    error::{AppError, AppResult},
    forms::{FieldErrors, Form, Path, Saved, save_or_rerender},
    i18n::{self, Message},
};

/// A refused short form (a reason, an answer): 400 with what to fix.
fn short_form_error(error: AppError) -> AppError {
    match error {
        AppError::Validation(errors) => AppError::BadRequest(errors.summary(i18n::current())),
        other => other,
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    seats::withdraw(&state.db, &student, id, &form)
        .await
        .map_err(short_form_error)?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("seats-flash-withdrawn"),
    )
    .await?;
    Ok(Redirect::to(&format!("/student/placements/{id}")).into_response())
}

pub async fn answer_before(
    State(state): State<AppState>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<BeforeForm>,
) -> AppResult<Response> {
    seats::answer_before(&state.db, &student, id, &form)
        .await
        .map_err(short_form_error)?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("seats-flash-before"),
    )
    .await?;
    Ok(Redirect::to(&format!("/student/placements/{id}")).into_response())
}

pub async fn employer_end(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    seats::end_by_employer(&state.db, &employer, id, &form)
        .await
        .map_err(short_form_error)?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("seats-flash-ended"),
    )
    .await?;
    Ok(Redirect::to(&format!("/employer/placements/{id}")).into_response())
}

pub async fn name_mentor(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<MentorForm>,
) -> AppResult<Response> {
    save_or_rerender(
        mentor::name_mentor(&state.db, &employer, id, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("seats-flash-mentor"),
                format!("/employer/placements/{id}"),
            ))
        },
        async |errors| {
            let completion = CompletionForm::default();
            let mentor = (&form, errors);
            render_employer(
                &state,
                &employer,
                &page,
                id,
                &completion,
                FieldErrors::new(),
                mentor,
            )
            .await
        },
    )
    .await
}

/// A placement of a student of the counselor's schools: both sides of the
/// evaluation, the mentor, and the early-end form.
pub async fn counselor_view(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let found = seats::find_for_counselor(&state.db, &counselor, id).await?;
    let student_id = found.student_id;
    let placement = service::view(&state.db, found, Reader::Counselor).await?;
    Ok(page
        .render(
            "placements/counselor_placement.html",
            context! {
                placement,
                student_id,
                end_reasons => seats::end_reason_keys(),
            },
        )?
        .into_response())
}

pub async fn counselor_end(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    seats::end_by_counselor(&state.db, &counselor, id, &form)
        .await
        .map_err(short_form_error)?;
    flash(
        &session,
        FlashKind::Success,
        Message::new("seats-flash-ended"),
    )
    .await?;
    Ok(Redirect::to(&format!("/counselor/placements/{id}")).into_response())
}

/// The organizations' quality view: completed placements and mean ratings.
pub async fn quality(
    State(state): State<AppState>,
    _counselor: CounselorUser,
    page: Page,
) -> AppResult<Response> {
    let threshold = crate::disclosure::effective_threshold(state.config.suppression_threshold);
    // The current school year, as the organizations' public commitments
    // count theirs.
    let year = crate::counseling::service::school_year_of(crate::format::today());
    let rows = evaluation::quality(&state.db, threshold, year).await?;
    Ok(page
        .render(
            "placements/quality.html",
            context! { rows, threshold, year => year.to_string(), next_year => (year + 1).to_string() },
        )?
        .into_response())
}
