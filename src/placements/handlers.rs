//! Placement pages: consent, hours, completion.

use axum::{extract::State, http::StatusCode, response::Response};
use chrono::Utc;
use entity::{Role, opportunity, student};
use minijinja::context;
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

use super::{
    consent::{self, LinkProblem},
    evaluation::Reader,
    service::{self, CompletionForm, ConsentForm, FeedbackForm, HoursDecision, HoursForm},
    withdrawal,
};
use crate::{
    app::AppState,
    auth::extractors::{CounselorUser, FormPage, Page, StudentUser, VerifiedEmployer},
    error::AppResult,
    families::link_language::{ReaderLanguage, private},
    format::today,
    forms::{
        FieldErrors, Form, Path, Query, Saved, answer_or_rerender, save_or_refuse,
        save_or_rerender, status_of,
    },
    i18n::Message,
    paging::PageParams,
};

/// The page for a link that cannot be used, with the right status (in the
/// language of the guardian it was sent to, or the one its reader chose:
/// `families::link_language` settles it for every request of the link).
async fn link_problem(page: Page, problem: LinkProblem) -> AppResult<Response> {
    let newer = match problem {
        LinkProblem::Replaced(sent) => Some(sent.to_string()),
        _ => None,
    };
    let (status, key) = match problem {
        LinkProblem::Unknown => (StatusCode::NOT_FOUND, "unknown"),
        LinkProblem::Used(consent::DecidedBy::ThisLink) => (StatusCode::GONE, "used"),
        LinkProblem::Used(consent::DecidedBy::SameGuardian) => (StatusCode::GONE, "used-yours"),
        LinkProblem::Used(consent::DecidedBy::AnotherGuardian) => {
            (StatusCode::GONE, "used-another")
        }
        LinkProblem::Used(consent::DecidedBy::Paper) => (StatusCode::GONE, "used-paper"),
        LinkProblem::Closed => (StatusCode::GONE, "closed"),
        LinkProblem::Past => (StatusCode::GONE, "past"),
        LinkProblem::Held => (StatusCode::CONFLICT, "held"),
        LinkProblem::Adult => (StatusCode::GONE, "adult"),
        LinkProblem::Left => (StatusCode::GONE, "left"),
        LinkProblem::Replaced(_) => (StatusCode::GONE, "replaced"),
        LinkProblem::Expired => (StatusCode::GONE, "expired"),
    };
    page.respond_with(
        status,
        "placements/consent_problem.html",
        context! { problem => key, days => consent::LINK_DAYS, newer },
    )
}

/// No signed-in account reaches a consent form: consent is given by the
/// guardian, from the guardian's browser, and guardians have no account. A
/// student is refused even their own guardian's link; staff and employers
/// too (a forwarded mail put the link in their hands: eyes13c F3), pointed
/// to the paper form a counselor records under their own name. The refusal
/// speaks to the one signed in, so in their language.
pub(crate) fn refuse_signed_in(
    page: &Page,
    reader: Option<&ReaderLanguage>,
) -> AppResult<Option<Response>> {
    if let Some(user) = page.user.as_ref() {
        let mut page = page.clone();
        if let Some(ReaderLanguage(lang)) = reader {
            page.lang = *lang;
        }
        let who = if user.role == Role::Student {
            "student"
        } else {
            "staff"
        };
        let problem = context! { problem => who, days => consent::LINK_DAYS };
        return page
            .respond_with(
                StatusCode::FORBIDDEN,
                "placements/consent_problem.html",
                problem,
            )
            .map(Some);
    }
    Ok(None)
}

async fn render_consent_form(
    state: &AppState,
    page: Page,
    token: &str,
    request: &entity::consent_request::Model,
    placement: &entity::placement::Model,
    form: &ConsentForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let opportunity =
        crate::db::found::<opportunity::Entity>(&state.db, placement.opportunity_id).await?;
    let student = crate::db::found::<student::Entity>(&state.db, placement.student_id).await?;
    let guardian = consent::guardian_of(&state.db, request).await?;
    let organization_on_hold = !consent::organization_verified(&state.db, &opportunity).await?;
    let details = crate::opportunities::service::view(&state.db, opportunity, page.lang).await?;
    page.respond_with(
        errors.status(),
        "placements/consent.html",
        context! {
            token,
            student => student.first_name,
            guardian => crate::families::service::full_name(&guardian),
            organization => details.organization.clone(),
            organization_on_hold,
            opportunity => details,
            expires => request.expires_at.date_naive().to_string(),
            // The page may be in the reader's language; the mail stays in
            // the guardian's, which they record on their settings page
            // (never by reading this page: a GET writes nothing).
            mail_language => crate::families::service::lang_of(&guardian).code(),
            settings => crate::mail::preferences::guardian_preferences_path(&guardian),
            form,
            errors,
        },
    )
}

pub async fn consent_page(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    page: FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    consent_page_inner(state, reader.map(|r| r.0), page, token)
        .await
        .map(private)
}

async fn consent_page_inner(
    state: AppState,
    reader: Option<ReaderLanguage>,
    FormPage(page): FormPage,
    token: String,
) -> AppResult<Response> {
    if let Some(refusal) = refuse_signed_in(&page, reader.as_ref())? {
        return Ok(refusal);
    }
    match consent::open_link(&state.db, &token, Utc::now()).await? {
        Err(problem) => link_problem(page, problem).await,
        Ok((request, placement)) => {
            render_consent_form(
                &state,
                page,
                &token,
                &request,
                &placement,
                &ConsentForm::default(),
                FieldErrors::new(),
            )
            .await
        }
    }
}

pub async fn consent(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    page: FormPage,
    Path(token): Path<String>,
    Form(form): Form<ConsentForm>,
) -> AppResult<Response> {
    consent_inner(state, reader.map(|r| r.0), page, token, form)
        .await
        .map(private)
}

async fn consent_inner(
    state: AppState,
    reader: Option<ReaderLanguage>,
    FormPage(page): FormPage,
    token: String,
    form: ConsentForm,
) -> AppResult<Response> {
    if let Some(refusal) = refuse_signed_in(&page, reader.as_ref())? {
        return Ok(refusal);
    }
    answer_or_rerender(
        service::consent_by_link(&state.db, &token, &form).await,
        async |recorded| match recorded {
            Err(problem) => link_problem(page.clone(), problem).await,
            Ok(placement) => {
                let given = placement.consent_given.unwrap_or(false);
                page.respond("placements/consent_recorded.html", context! { given })
            }
        },
        async |errors| match consent::open_link(&state.db, &token, Utc::now()).await? {
            Err(problem) => link_problem(page.clone(), problem).await,
            Ok((request, placement)) => {
                let page = page.clone();
                render_consent_form(&state, page, &token, &request, &placement, &form, errors).await
            }
        },
    )
    .await
}

/// The page of a withdrawal link that cannot be used, in the guardian's
/// language (as a consent link's).
fn withdraw_problem(page: &Page, problem: withdrawal::Problem) -> AppResult<Response> {
    let status = match problem {
        withdrawal::Problem::Unknown => StatusCode::NOT_FOUND,
        withdrawal::Problem::Held => StatusCode::CONFLICT,
        withdrawal::Problem::Closed | withdrawal::Problem::NotTheFamilys => StatusCode::GONE,
    };
    page.respond_with(
        status,
        "placements/withdraw_problem.html",
        context! { problem => problem.key() },
    )
}

async fn render_withdraw_form(
    state: &AppState,
    page: &Page,
    found: &withdrawal::Withdrawable,
    form: &withdrawal::WithdrawForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let organization =
        crate::organizations::service::name_of(&state.db, found.opportunity.organization_id)
            .await?;
    let school = super::confirmation::school_of(&state.db, &found.student).await?;
    let guardian = &found.guardian;
    page.respond_with(
        errors.status(),
        "placements/withdraw.html",
        context! {
            student => found.student.first_name,
            guardian => crate::families::service::full_name(guardian),
            title => found.opportunity.title,
            organization,
            school,
            start_date => found.placement.start_date,
            end_date => found.placement.end_date,
            form,
            errors,
        },
    )
}

/// A guardian's link to withdraw consent (`withdrawal`): the form.
pub async fn withdraw_page(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if let Some(refusal) = refuse_signed_in(&page, reader.map(|r| r.0).as_ref())? {
        return Ok(private(refusal));
    }
    let response = match withdrawal::open(&state.db, &token).await? {
        Err(problem) => withdraw_problem(&page, problem),
        Ok(found) => {
            let form = withdrawal::WithdrawForm::default();
            render_withdraw_form(&state, &page, &found, &form, FieldErrors::new()).await
        }
    };
    response.map(private)
}

/// A guardian withdraws consent: the placement ends at once.
pub async fn withdraw(
    State(state): State<AppState>,
    reader: Option<axum::Extension<ReaderLanguage>>,
    FormPage(page): FormPage,
    Path(token): Path<String>,
    Form(form): Form<withdrawal::WithdrawForm>,
) -> AppResult<Response> {
    if let Some(refusal) = refuse_signed_in(&page, reader.map(|r| r.0).as_ref())? {
        return Ok(private(refusal));
    }
    let response = answer_or_rerender(
        withdrawal::withdraw(&state.db, &token, &form).await,
        async |ended| match ended {
            Err(problem) => withdraw_problem(&page, problem),
            Ok(placement) => {
                let student =
                    crate::db::found::<student::Entity>(&state.db, placement.student_id).await?;
                let school = super::confirmation::school_of(&state.db, &student).await?;
                page.respond(
                    "placements/withdrawn.html",
                    context! { student => student.first_name, school },
                )
            }
        },
        async |errors| match withdrawal::open(&state.db, &token).await? {
            Err(problem) => withdraw_problem(&page, problem),
            Ok(found) => render_withdraw_form(&state, &page, &found, &form, errors).await,
        },
    )
    .await;
    response.map(private)
}

/// The student asks for the consent email to be sent again (rate-limited).
pub async fn student_resend(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    // Someone else's placement is "not found" before anything else.
    service::find_for_student(&db, &student, id).await?;
    consent::resend(&db, id, &student, page.lang).await?;
    Saved::new(
        Message::new("families-resent"),
        format!("/student/placements/{id}"),
    )
    .redirect(&session)
    .await
}

/// A counselor of the student's school sends the consent email again.
pub async fn counselor_resend(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    consent::resend(&db, id, &counselor, page.lang).await?;
    Saved::new(Message::new("families-resent"), "/counselor/placements")
        .redirect(&session)
        .await
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
    let consent = consent::status(&state.db, &placement, true).await?;
    let view = service::view(&state.db, placement, Reader::Student).await?;
    page.respond_with(
        errors.status(),
        "placements/student.html",
        context! {
            placement => view,
            consent,
            resend_minutes => consent::RESEND_MINUTES,
            most_requests => consent::MOST_REQUESTS_FOR_STUDENT,
            form,
            errors,
            today => today().to_string(),
            withdraw_reasons => super::seats::withdraw_reason_keys(),
        },
    )
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
    save_or_rerender(
        service::log_hours(&state.db, &student, id, &form, today()).await,
        &session,
        async |_| {
            Ok(Saved::new(
                Message::new("student-flash-hours-logged"),
                format!("/student/placements/{id}"),
            ))
        },
        async |errors| render_student(&state, &student, &page, id, &form, errors).await,
    )
    .await
}

pub async fn student_feedback(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<FeedbackForm>,
) -> AppResult<Response> {
    save_or_refuse(
        service::student_feedback(&db, &student, id, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("student-flash-feedback"),
                format!("/student/placements/{id}"),
            ))
        },
    )
    .await
}

/// The employer's placement page; `mentor` carries the mentor form as typed
/// and its errors when that form was refused.
pub(super) async fn render_employer(
    state: &AppState,
    employer: &VerifiedEmployer,
    page: &Page,
    id: i32,
    form: &CompletionForm,
    errors: FieldErrors,
    mentor: (&super::mentor::MentorForm, FieldErrors),
) -> AppResult<Response> {
    let (placement, opportunity) = service::find_for_employer(&state.db, employer, id).await?;
    let view = service::view(&state.db, placement, Reader::Employer).await?;
    let colleagues = super::mentor::colleagues(&state.db, opportunity.organization_id).await?;
    let (mentor_form, mentor_errors) = mentor;
    let status = status_of(&[&errors, &mentor_errors]);
    page.respond_with(
        status,
        "placements/employer.html",
        context! {
            placement => view,
            form,
            errors,
            colleagues,
            end_reasons => super::seats::end_reason_keys(super::seats::Ender::Employer),
            mentor_form,
            mentor_errors,
        },
    )
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
        (&super::mentor::MentorForm::default(), FieldErrors::new()),
    )
    .await
}

pub async fn review_hours(
    State(db): State<DatabaseConnection>,
    employer: VerifiedEmployer,
    session: Session,
    Path((id, decision)): Path<(i32, HoursDecision)>,
) -> AppResult<Response> {
    let approve = decision == HoursDecision::Approve;
    let placement_id = service::review_hours(&db, &employer, id, approve).await?;
    Saved::new(
        Message::new(if approve {
            "employer-flash-hours-approved"
        } else {
            "employer-flash-hours-rejected"
        }),
        format!("/employer/placements/{placement_id}"),
    )
    .redirect(&session)
    .await
}

pub async fn complete(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<CompletionForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::complete(&state.db, &employer, id, &form).await,
        &session,
        async |()| {
            Ok(Saved::new(
                Message::new("employer-flash-placement-closed"),
                format!("/employer/placements/{id}"),
            ))
        },
        async |errors| {
            let mentor = (&super::mentor::MentorForm::default(), FieldErrors::new());
            render_employer(&state, &employer, &page, id, &form, errors, mentor).await
        },
    )
    .await
}

pub async fn counselor_list(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    let placements = service::awaiting_consent(&db, &counselor, &paging).await?;
    let (placements, pager) = paging.finish(placements, "/counselor/placements", &params);
    page.respond(
        "placements/counselor.html",
        context! { placements, pager, q => paging.q },
    )
}

pub async fn paper_consent(
    State(db): State<DatabaseConnection>,
    counselor: CounselorUser,
    session: Session,
    Path(id): Path<i32>,
    Form(form): Form<ConsentForm>,
) -> AppResult<Response> {
    save_or_refuse(
        service::consent_on_paper(&db, &counselor, id, &form).await,
        &session,
        async |_| {
            Ok(Saved::new(
                Message::new("counselor-flash-paper-consent"),
                "/counselor/placements",
            ))
        },
    )
    .await
}
