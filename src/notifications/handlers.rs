//! The notifications page.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;

use crate::{
    app::AppState,
    auth::extractors::{CurrentUser, Page},
    error::AppResult,
    forms::Query,
    paging::PageParams,
};

#[derive(Serialize)]
struct Item {
    message: String,
    link: String,
    when: String,
    unread: bool,
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    // Older news of a suspended or rejected organization names students:
    // it stays hidden until the organization is verified again.
    let hidden = user.role == entity::Role::Employer && !user.is_verified_employer();
    let latest = if hidden {
        super::service::latest_about_organization(&state.db, user.id).await?
    } else {
        super::service::latest(&state.db, user.id, &paging).await?
    };
    let (latest, pager) = paging.finish(latest, "/notifications", &params);
    let items: Vec<Item> = latest
        .into_iter()
        .map(|n| Item {
            message: super::service::text_in(page.lang, &n),
            when: format!(
                "{}, {} UTC",
                crate::i18n::long_date(page.lang, n.created_at.date_naive()),
                n.created_at.format("%H:%M")
            ),
            link: n.link,
            unread: n.read_at.is_none(),
        })
        .collect();
    Ok(page
        .render(
            "notifications/list.html",
            minijinja::context! { items, hidden, pager },
        )?
        .into_response())
}

pub async fn mark_all_read(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Redirect> {
    super::service::mark_read(&state.db, user.id).await?;
    Ok(Redirect::to("/notifications"))
}
