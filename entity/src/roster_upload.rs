//! A roster upload from the web, imported in the background: who started
//! it (only they may follow it), how far it got, and its outcome.

use sea_orm::entity::prelude::*;
use serde::Serialize;

use crate::RosterUploadStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "roster_upload")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The counselor (or admin) who uploaded it.
    pub user_id: i32,
    pub status: RosterUploadStatus,
    /// Students imported so far, of `total` (0 while the files are checked).
    pub done: i32,
    pub total: i32,
    /// The summary or the errors, as JSON, once finished.
    #[sea_orm(column_type = "Text", nullable)]
    pub outcome: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
