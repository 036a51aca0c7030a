//! A student's application to an opportunity.

use sea_orm::entity::prelude::*;
use serde::Serialize;

use crate::enums::ApplicationStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub opportunity_id: i32,
    pub student_id: i32,
    /// The school the student applied from (migration 43): what the
    /// employer is shown, whatever school a roster moves the student to.
    pub school_id: Option<i32>,
    pub status: ApplicationStatus,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub availability: String,
    pub accommodations: String,
    /// Place on the wait list a fair draw gave (promotion goes by it, then
    /// by arrival); `None` for a first-come wait list.
    pub wait_position: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
