//! The employer's commitments page: pledge for a school year, see progress.

use axum::{extract::State, response::Response};
use minijinja::context;
use tower_sessions::Session;

use sea_orm::EntityTrait;

use super::service::{self, PledgeForm};
use crate::{
    app::AppState,
    auth::extractors::{Page, VerifiedEmployer},
    error::AppResult,
    format::today,
    forms::{FieldErrors, Form, Saved, save_or_rerender},
    i18n::Message,
};

async fn render(
    state: &AppState,
    employer: &VerifiedEmployer,
    page: &Page,
    form: &PledgeForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let organization_id = employer.organization_id;
    let pledges = service::of_organization(&state.db, organization_id).await?;
    let schools: Vec<(i32, String)> = entity::school::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    page.respond_with(
        errors.status(),
        "commitments/employer.html",
        context! {
            pledges, schools, form, errors, organization_id,
            years => service::pledge_years(today()),
        },
    )
}

pub async fn page(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    page: Page,
) -> AppResult<Response> {
    let form = PledgeForm {
        school_year: service::pledge_years(today())[0].to_string(),
        ..PledgeForm::default()
    };
    render(&state, &employer, &page, &form, FieldErrors::new()).await
}

pub async fn pledge(
    State(state): State<AppState>,
    employer: VerifiedEmployer,
    session: Session,
    page: Page,
    Form(form): Form<PledgeForm>,
) -> AppResult<Response> {
    save_or_rerender(
        service::pledge(&state.db, &employer, &form, today()).await,
        &session,
        async |saved| {
            Ok(Saved::new(
                Message::new("commitments-flash-saved").arg("year", saved.school_year),
                "/employer/commitments",
            ))
        },
        async |errors| render(&state, &employer, &page, &form, errors).await,
    )
    .await
}
