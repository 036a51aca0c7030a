//! A pending change for the search index, written in the same transaction as the change.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "search_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub opportunity_id: i32,
    pub created_at: DateTimeUtc,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    /// The server round applying (or sending) this row, while it does.
    pub claimed_by: Option<String>,
    /// When that claim lapses: a server that died mid-round gives its rows
    /// back to the others then.
    pub claimed_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
