//! One step of an application's history: who moved it, from what, to what, when.

use sea_orm::entity::prelude::*;
use serde::Serialize;

use crate::enums::ApplicationStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "application_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub application_id: i32,
    pub from_status: Option<ApplicationStatus>,
    pub to_status: ApplicationStatus,
    pub actor_id: i32,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
