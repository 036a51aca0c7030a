//! An employer organization; only verified ones may publish.

use crate::enums::*;
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub website: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub address: String,
    pub zip: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub status: OrgStatus,
    /// Why it was rejected or suspended, shown to its employers.
    pub status_reason: Option<String>,
    pub reviewed_by: Option<i32>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
