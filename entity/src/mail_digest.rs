//! One weekly digest sent to a student: the row is claimed before the mail
//! is queued, in the same transaction, and `(user_id, week_start)` is unique,
//! so a second run (or a second server) finds the week taken.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "mail_digest")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// The Monday (UTC) of the week the digest is for.
    pub week_start: Date,
    /// How many opportunities it listed (0: nothing new, no mail sent).
    pub opportunities: i32,
    /// The queued message, when there was something to say.
    pub mail_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
