//! Pages and forms for seats that come back, mentors and evaluations: thin
//! handlers over `seats`, `mentor` and `evaluation`.

use axum::{extract::State, response::Response};
use minijinja::context;
use sea_orm::DatabaseConnection;
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
    auth::extractors::{CounselorUser, Page, ReviewerUser, StudentUser, VerifiedEmployer},
    error::AppResult,
    forms::{FieldErrors, Form, Path, Saved, save_or_refuse, save_or_rerender},
    i18n::Message,
};

pub async fn withdraw(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    let outcome = seats::withdraw(&db, &student, id, &form).await;
    save_or_refuse(outcome, &session, async |_| {
        Ok(Saved::new(
            Message::new("seats-flash-withdrawn"),
            format!("/student/placements/{id}"),
        ))
    })
    .await
}

pub async fn answer_before(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<BeforeForm>,
) -> AppResult<Response> {
    let outcome = seats::answer_before(&db, &student, id, &form).await;
    save_or_refuse(outcome, &session, async |_| {
        Ok(Saved::new(
            Message::new("seats-flash-before"),
            format!("/student/placements/{id}"),
        ))
    })
    .await
}

pub async fn employer_end(
    State(db): State<DatabaseConnection>,
    employer: VerifiedEmployer,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    let outcome = seats::end_by_employer(&db, &employer, id, &form).await;
    save_or_refuse(outcome, &session, async |_| {
        Ok(Saved::new(
            Message::new("seats-flash-ended"),
            format!("/employer/placements/{id}"),
        ))
    })
    .await
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
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let found = seats::find_for_counselor(&db, &counselor, id).await?;
    let student_id = found.student_id;
    let placement = service::view(&db, found, Reader::Counselor).await?;
    page.respond(
        "placements/counselor_placement.html",
        context! {
            placement,
            student_id,
            end_reasons => seats::end_reason_keys(seats::Ender::School),
        },
    )
}

pub async fn counselor_end(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    let outcome = seats::end_by_counselor(&db, &counselor, id, &form).await;
    save_or_refuse(outcome, &session, async |_| {
        Ok(Saved::new(
            Message::new("seats-flash-ended"),
            format!("/counselor/placements/{id}"),
        ))
    })
    .await
}

/// The organizations' quality view: completed placements and mean ratings.
pub async fn quality(
    State(state): State<AppState>,
    _reviewer: ReviewerUser,
    page: Page,
) -> AppResult<Response> {
    let threshold = crate::disclosure::effective_threshold(state.config.suppression_threshold);
    // The current school year, as the organizations' public commitments
    // count theirs.
    let year = crate::counseling::service::school_year_of(crate::format::today());
    let rows = evaluation::quality(&state.db, threshold, year).await?;
    page.respond(
        "placements/quality.html",
        context! { rows, threshold, year => year.to_string(), next_year => (year + 1).to_string() },
    )
}
