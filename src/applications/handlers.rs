//! Application pages: apply, follow, accept; applicants for employers.

use axum::{extract::State, http::StatusCode, response::Response};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use tower_sessions::Session;

use super::{
    applicants::Applicant,
    service::{self, AcceptForm, ApplicationForm, EmployerAction, HistoryStep, StudentAction},
};
use crate::{
    auth::extractors::{Page, StudentUser, VerifiedEmployer},
    error::AppResult,
    forms::{Form, Path, Query, Saved, save_or_refuse, save_or_rerender},
    i18n::Message,
    opportunities::service::{find_visible, view},
    paging::{PageParams, Pager},
};

pub async fn apply(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<ApplicationForm>,
) -> AppResult<Response> {
    let applied = service::apply(&db, &student, id, &form).await;
    // A second tab, a double tap or the back button: the student already
    // applied, so take them to that application rather than a refusal.
    if applied.is_err()
        && let Some(existing) = service::application_of(&db, &student, id).await?
    {
        return Saved::new(
            Message::new("student-apply-already"),
            format!("/student/applications/{existing}"),
        )
        .redirect(&session)
        .await;
    }
    save_or_rerender(
        applied,
        &session,
        async |application| {
            let message = match application.status {
                entity::ApplicationStatus::Accepted => "student-flash-seat",
                entity::ApplicationStatus::Waitlisted => "student-flash-waitlisted",
                _ => "student-flash-applied",
            };
            Ok(Saved::new(
                Message::new(message),
                format!("/student/applications/{}", application.id),
            ))
        },
        async |errors| {
            let opportunity = view(&db, find_visible(&db, id).await?, page.lang).await?;
            page.respond_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                "opportunities/show.html",
                minijinja::context! { opportunity, form, errors, can_apply => true },
            )
        },
    )
    .await
}

#[derive(Serialize)]
struct StudentApplicationPage {
    id: i32,
    opportunity_id: i32,
    title: String,
    /// `vocab-application_status-<key>`.
    status: &'static str,
    note: String,
    availability: String,
    accommodations: String,
    history: Vec<HistoryStep>,
    placement_id: Option<i32>,
    /// False once the organization is suspended or rejected: the page says
    /// why its offer cannot be accepted.
    organization_verified: bool,
    /// A fair draw: entered, drawn, or where on its wait list, and why.
    draw: Option<crate::draws::service::StudentDraw>,
}

pub async fn student_view(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let (application, _) = service::find_for_student(&db, &student, id).await?;
    let history = service::history(&db, &application, Some(student.id)).await?;
    let context = service::application_context(&db, &application).await?;
    let draw = crate::draws::service::for_application(&db, &application).await?;
    let view = StudentApplicationPage {
        draw,
        id: application.id,
        opportunity_id: application.opportunity_id,
        title: context.title,
        status: application.status.key(),
        note: application.note,
        availability: application.availability,
        accommodations: application.accommodations,
        history,
        placement_id: context.placement_id,
        organization_verified: context.organization_verified,
    };
    page.respond("applications/student.html", view)
}

pub async fn student_act(
    State(db): State<DatabaseConnection>,
    student: StudentUser,
    session: Session,
    page: Page,
    Path((id, action)): Path<(i32, StudentAction)>,
    Form(form): Form<AcceptForm>,
) -> AppResult<Response> {
    save_or_refuse(
        service::student_act(&db, &student, id, action, &form, page.lang).await,
        &session,
        async |placement| {
            Ok(match placement {
                // The placement page says whether a guardian's consent is awaited
                // (and where it was mailed); the link itself is never shown here.
                Some(placement) => Saved::new(
                    Message::new("families-accepted"),
                    format!("/student/placements/{placement}"),
                ),
                None => Saved::new(
                    Message::new("student-flash-done"),
                    format!("/student/applications/{id}"),
                ),
            })
        },
    )
    .await
}

#[derive(Serialize)]
struct ApplicantsPage {
    id: i32,
    title: String,
    slots: i32,
    taken: i32,
    applicants: Vec<Applicant>,
    placements: Vec<(i32, String, &'static str)>,
    pager: Pager,
    q: Option<String>,
    /// Seats drawn by lot: its wait list is in draw order, not to be skipped.
    by_lot: bool,
    /// Entries wait for the draw: nobody is chosen or taken out before it.
    collecting: bool,
}

pub async fn applicants(
    State(db): State<DatabaseConnection>,
    employer: VerifiedEmployer,
    page: Page,
    Path(id): Path<i32>,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    let (opportunity, applicants) =
        super::applicants::applicants(&db, &employer, id, &paging).await?;
    let (applicants, pager) = paging.finish(
        applicants,
        &format!("/employer/opportunities/{id}/applicants"),
        &params,
    );
    let taken = service::slots_taken(&db, id).await?;
    let placements = service::placements_of(&db, id).await?;
    let collecting = crate::draws::service::collects_entries(&db, &opportunity).await?;
    let view = ApplicantsPage {
        by_lot: opportunity.allocation == entity::Allocation::FairDraw,
        collecting,
        id,
        title: opportunity.title,
        slots: opportunity.slots,
        taken,
        applicants,
        placements,
        pager,
        q: paging.q,
    };
    page.respond("applications/applicants.html", view)
}

pub async fn employer_act(
    State(db): State<DatabaseConnection>,
    employer: VerifiedEmployer,
    session: Session,
    Path((id, action)): Path<(i32, EmployerAction)>,
) -> AppResult<Response> {
    let saved = service::employer_act(&db, &employer, id, action).await?;
    let moved = Message::new("employer-flash-application-moved").vocab(
        "status",
        "application_status",
        saved.status.key(),
    );
    let to = format!(
        "/employer/opportunities/{}/applicants",
        saved.opportunity_id
    );
    Saved::new(moved, to).redirect(&session).await
}
