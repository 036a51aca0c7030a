//! A guardian's former address may report a change of contact as unwanted
//! (the link of the notice mailed there): one row per student the notice
//! was about. Reported and not cleared, it holds email consent for that
//! student until an admin has looked. Only the link's digest is stored.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "address_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub guardian_id: i32,
    pub student_id: i32,
    /// The address the notice went to (the one the school stopped using).
    pub former_email: String,
    #[serde(skip)]
    pub token_hash: String,
    /// When the notice was sent: the change it reports.
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub reported_at: Option<DateTimeUtc>,
    pub cleared_at: Option<DateTimeUtc>,
    /// The admin who cleared it.
    pub cleared_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
