//! The notifications page.

use axum::{
    extract::State,
    response::{Redirect, Response},
};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::{
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
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
    page: Page,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let paging = params.parse(page.lang)?;
    let hidden = super::service::only_organization_news(&user);
    let latest = if hidden {
        super::service::latest_about_organization(&db, user.id).await?
    } else {
        super::service::latest(&db, &user, &paging).await?
    };
    let (latest, pager) = paging.finish(latest, "/notifications", &params);
    let items: Vec<Item> = latest
        .into_iter()
        .map(|n| Item {
            message: super::service::text_in(page.lang, &n),
            when: crate::format::moment_in(page.lang, n.created_at),
            link: n.link,
            unread: n.read_at.is_none(),
        })
        .collect();
    page.respond(
        "notifications/list.html",
        minijinja::context! { items, hidden, pager },
    )
}

pub async fn mark_all_read(
    State(db): State<DatabaseConnection>,
    user: CurrentUser,
) -> AppResult<Redirect> {
    super::service::mark_read(&db, &user).await?;
    Ok(Redirect::to("/notifications"))
}
