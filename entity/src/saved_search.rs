//! A search a student saved: its query string as `/search` reads it, and
//! whether its new matches also go out in the weekly digest.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "saved_search")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The student's user account.
    pub user_id: i32,
    pub name: String,
    /// The search's parameters, as the query string of `/search` (page and
    /// page size left out).
    #[sea_orm(column_type = "Text")]
    pub query: String,
    /// New matches are listed in the weekly digest as well.
    pub email: bool,
    pub created_at: DateTimeUtc,
    /// When its last alert was raised: postings published after this are new.
    pub alerted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
