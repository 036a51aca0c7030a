//! One consent link mailed to one guardian for one placement. Only the
//! digest of the link's token is stored; the link works once, until it expires.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "consent_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub placement_id: i32,
    pub guardian_id: i32,
    /// The address it was sent to (the guardian's address may change later).
    pub email: String,
    #[serde(skip)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    /// The outbox message that carries the link (none for requests made
    /// before it was recorded): whether it went out, waits or failed.
    pub mail_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
