//! Roster uploads from the web: the files are read with the request, the
//! import runs in the background (one transaction, as from the command
//! line: all or nothing), and a `roster_upload` row says how far it got and
//! then what came of it, for the counselor who uploaded it and nobody else.
//! Rows, not memory, so any server behind the load balancer can show it.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use chrono::Utc;
use entity::{RosterUploadStatus, roster_upload};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::Expr,
};
use serde::Serialize;
use serde_json::json;

use super::import::{self, MAX_SHOWN_ERRORS, RosterFiles};
use crate::{
    auth::extractors::CurrentUser,
    error::{AppError, AppResult, OrNotFound},
    i18n::{self, Lang, Message},
};

/// How often the progress is written down while the import runs.
const TICK: Duration = Duration::from_millis(500);
/// A run that has written nothing for this long died with its server.
const STALE_MINUTES: i64 = 10;

/// Refuses an upload without orgs.csv and users.csv, before anything is
/// written (demographics.csv and manifest.csv are optional).
fn check_present(files: &RosterFiles) -> AppResult<()> {
    let named = [("orgs.csv", &files.orgs), ("users.csv", &files.users)];
    for (name, bytes) in named {
        if bytes.is_empty() {
            return Err(AppError::BadRequest(i18n::t_args(
                i18n::current(),
                "alerts-roster-missing-file",
                vec![("file", name.into())],
            )));
        }
    }
    Ok(())
}

/// Records the upload and starts importing it; returns its id.
pub async fn start(
    db: &DatabaseConnection,
    importer: &CurrentUser,
    files: RosterFiles,
    lang: Lang,
) -> AppResult<i32> {
    check_present(&files)?;
    let now = Utc::now();
    let upload = roster_upload::ActiveModel {
        user_id: Set(importer.id),
        status: Set(RosterUploadStatus::Running),
        done: Set(0),
        total: Set(0),
        outcome: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let (db, importer, id) = (db.clone(), importer.clone(), upload.id);
    // Run as serving the uploader (their language for anything written out
    // at once); the stored result is rendered for each reader (`status`).
    tokio::spawn(i18n::with_lang(lang, run(db, id, importer, files)));
    Ok(id)
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Imports, writing the progress down now and then, then the outcome.
async fn run(db: DatabaseConnection, id: i32, importer: CurrentUser, files: RosterFiles) {
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let ticker = {
        let (db, done, total) = (db.clone(), Arc::clone(&done), Arc::clone(&total));
        tokio::spawn(async move {
            let mut written = (0, 0);
            loop {
                tokio::time::sleep(TICK).await;
                let now = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
                if now == written {
                    continue;
                }
                // On SQLite this waits for the import's transaction (one
                // writer at a time): the numbers then show at the end only.
                let saved = roster_upload::Entity::update_many()
                    .col_expr(roster_upload::Column::Done, Expr::value(count(now.0)))
                    .col_expr(roster_upload::Column::Total, Expr::value(count(now.1)))
                    .col_expr(roster_upload::Column::UpdatedAt, Expr::value(Utc::now()))
                    .filter(roster_upload::Column::Id.eq(id))
                    .filter(roster_upload::Column::Status.eq(RosterUploadStatus::Running))
                    .exec(&db)
                    .await;
                if saved.is_ok() {
                    written = now;
                }
            }
        })
    };
    let progress = |n: usize, of: usize| {
        done.store(n, Ordering::Relaxed);
        total.store(of, Ordering::Relaxed);
    };
    let outcome = import::import(&db, &importer, &files, &progress).await;
    // What the next form carries over: the source named and a yes given.
    let (source, confirmed_review) = (files.source.clone(), files.confirmed_review);
    ticker.abort();
    let (status, outcome) = match outcome {
        Ok(Ok(mut summary)) => {
            // As on the page of a direct import: the first ones, the rest counted.
            let warnings_total = summary.warnings.len();
            summary.warnings.truncate(MAX_SHOWN_ERRORS);
            let warnings_more = warnings_total - summary.warnings.len();
            let outcome = json!({
                "summary": summary,
                "warnings_total": warnings_total,
                "warnings_more": warnings_more,
            });
            (RosterUploadStatus::Imported, Some(outcome))
        }
        Ok(Err(refusal)) => {
            let mut errors = refusal.errors;
            let total = errors.len();
            errors.truncate(MAX_SHOWN_ERRORS);
            let more = total - errors.len();
            // Each problem is kept as a catalogue id with its arguments, so
            // whoever opens the page reads it in their language (`status`).
            let outcome = json!({
                "errors": errors,
                "total": total,
                "more": more,
                "confirm_inactive": refusal.confirm_inactive,
                "students": refusal.students,
                "moved": refusal.moved,
                "guardians": refusal.guardians,
                "confirm_review": refusal.confirm_review,
                "confirmed_review": confirmed_review,
                "source": source,
            });
            (RosterUploadStatus::Refused, Some(outcome))
        }
        Err(error) => {
            tracing::warn!(%error, upload = id, "roster upload failed");
            (RosterUploadStatus::Failed, None)
        }
    };
    let now = Utc::now();
    let finished = roster_upload::Entity::update_many()
        .col_expr(roster_upload::Column::Status, Expr::value(status.key()))
        .col_expr(
            roster_upload::Column::Outcome,
            Expr::value(outcome.map(|o| o.to_string())),
        )
        .col_expr(
            roster_upload::Column::Done,
            Expr::value(count(done.load(Ordering::Relaxed))),
        )
        .col_expr(
            roster_upload::Column::Total,
            Expr::value(count(total.load(Ordering::Relaxed))),
        )
        .col_expr(roster_upload::Column::UpdatedAt, Expr::value(now))
        .col_expr(roster_upload::Column::FinishedAt, Expr::value(now))
        .filter(roster_upload::Column::Id.eq(id))
        .exec(&db)
        .await;
    if let Err(error) = finished {
        tracing::warn!(%error, upload = id, "roster upload outcome not recorded");
    }
}

/// An upload as its status page shows it.
#[derive(Debug, Serialize)]
pub struct UploadView {
    pub id: i32,
    /// `running`, `imported`, `refused` or `failed`.
    pub status: &'static str,
    pub running: bool,
    pub done: i32,
    pub total: i32,
    /// The summary (`imported`) or the errors (`refused`).
    pub outcome: Option<serde_json::Value>,
}

/// A refused upload's problems as `lang` reads them: each kept as a
/// catalogue id with arguments becomes its sentence; one stored as text (by
/// a version that wrote them out in the uploader's language) stays as it is.
fn render_errors(outcome: &mut serde_json::Value, lang: Lang) {
    let Some(errors) = outcome
        .get_mut("errors")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return;
    };
    for error in errors {
        let Some(message) = error.get_mut("message") else {
            continue;
        };
        if let Ok(kept) = serde_json::from_value::<Message>(message.clone()) {
            *message = serde_json::Value::String(kept.render(lang));
        }
    }
}

/// Where the upload `id` of `user_id` stands, its problems written in
/// `lang`; anyone else's is not found.
pub async fn status(
    db: &DatabaseConnection,
    user_id: i32,
    id: i32,
    lang: Lang,
) -> AppResult<UploadView> {
    let upload = roster_upload::Entity::find_by_id(id)
        .filter(roster_upload::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .or_not_found()?;
    let stale = upload.status == RosterUploadStatus::Running
        && upload.updated_at < Utc::now() - chrono::Duration::minutes(STALE_MINUTES);
    // Its server stopped mid-way: the transaction was rolled back with it.
    let status = if stale {
        RosterUploadStatus::Failed
    } else {
        upload.status
    };
    Ok(UploadView {
        id: upload.id,
        status: status.key(),
        running: status == RosterUploadStatus::Running,
        done: upload.done,
        total: upload.total,
        outcome: upload
            .outcome
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok())
            .map(|mut outcome| {
                render_errors(&mut outcome, lang);
                outcome
            }),
    })
}
