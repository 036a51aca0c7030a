//! Admin pages.

use axum::{extract::State, response::Response};
use entity::school;
use sea_orm::{EntityTrait, QueryOrder};
use serde::Serialize;
use tower_sessions::Session;

use super::{
    contact::{self, ContactForm},
    service::{self, CounselorRow, NewCounselor, NewSchool},
};
use crate::{
    app::AppState,
    auth::extractors::{AdminUser, CounselorUser, Page},
    error::AppResult,
    forms::{FieldErrors, Form, Path, Saved, save_or_rerender, status_of},
    i18n::Message,
};

#[derive(Serialize, Default)]
struct Dashboard {
    schools: Vec<school::Model>,
    counselors: Vec<CounselorRow>,
    school_form: NewSchool,
    school_errors: FieldErrors,
    counselor_form: NewCounselor,
    counselor_errors: FieldErrors,
    invitation_days: i64,
}

async fn render(state: &AppState, page: &Page, mut view: Dashboard) -> AppResult<Response> {
    view.schools = school::Entity::find()
        .order_by_asc(school::Column::Name)
        .all(&state.db)
        .await?;
    view.counselors = service::counselors(&state.db).await?;
    view.invitation_days = crate::security::reset::INVITATION_VALID_DAYS;
    let status = status_of(&[&view.school_errors, &view.counselor_errors]);
    page.respond_with(status, "admin/dashboard.html", view)
}

pub async fn dashboard(
    State(state): State<AppState>,
    _admin: AdminUser,
    page: Page,
) -> AppResult<Response> {
    render(&state, &page, Dashboard::default()).await
}

pub async fn create_school(
    State(state): State<AppState>,
    admin: AdminUser,
    session: Session,
    page: Page,
    Form(form): Form<NewSchool>,
) -> AppResult<Response> {
    save_or_rerender(
        service::create_school(&state.db, admin.id, &form).await,
        &session,
        async |school| {
            Ok(Saved::new(
                Message::new("admin-flash-school-added").arg("name", school.name.as_str()),
                "/admin",
            ))
        },
        async |errors| {
            let view = Dashboard {
                school_form: form,
                school_errors: errors,
                ..Default::default()
            };
            render(&state, &page, view).await
        },
    )
    .await
}

pub async fn create_counselor(
    State(state): State<AppState>,
    admin: AdminUser,
    session: Session,
    page: Page,
    Form(form): Form<NewCounselor>,
) -> AppResult<Response> {
    save_or_rerender(
        service::create_counselor(&state.db, admin.id, &form, page.lang).await,
        &session,
        async |counselor| {
            Ok(Saved::new(
                Message::new("admin-flash-counselor-created")
                    .arg("email", counselor.email.as_str()),
                "/admin",
            ))
        },
        async |errors| {
            let view = Dashboard {
                counselor_form: form,
                counselor_errors: errors,
                ..Default::default()
            };
            render(&state, &page, view).await
        },
    )
    .await
}

/// The contact form of one school (`admin::contact`).
#[derive(Serialize)]
struct ContactPage {
    school: school::Model,
    form: ContactForm,
    errors: FieldErrors,
}

pub async fn contact_page(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let school = contact::school_for(&state.db, &counselor, id).await?;
    let view = ContactPage {
        form: ContactForm::of(&school),
        school,
        errors: FieldErrors::new(),
    };
    page.respond("admin/school_contact.html", view)
}

pub async fn set_contact(
    State(state): State<AppState>,
    counselor: CounselorUser,
    session: Session,
    page: Page,
    Path(id): Path<i32>,
    Form(form): Form<ContactForm>,
) -> AppResult<Response> {
    save_or_rerender(
        contact::set(&state.db, &counselor, id, &form).await,
        &session,
        async |school| {
            Ok(Saved::new(
                Message::new("admin-school-contact-saved").arg("name", school.name.as_str()),
                format!("/counselor/schools/{id}/contact"),
            ))
        },
        async |errors| {
            let school = contact::school_for(&state.db, &counselor, id).await?;
            let view = ContactPage {
                school,
                form,
                errors,
            };
            page.respond_with(
                status_of(&[&view.errors]),
                "admin/school_contact.html",
                view,
            )
        },
    )
    .await
}
