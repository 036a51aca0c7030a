//! An access feature an opportunity offers (one row per feature).

use crate::enums::*;
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "opportunity_feature")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub opportunity_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub feature: AccessNeed,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
