//! A period an organization was suspended: from the suspension until it
//! was reinstated (`reinstated_at`, NULL while it lasts). The status on
//! `organization` says what holds now; these rows say what held on a past
//! day, so hours dated on a day the host was suspended are refused even
//! after it is verified again.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "organization_suspension")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub suspended_at: DateTimeUtc,
    /// The reviewer who suspended it (NULL: not known, a period recorded
    /// by migration 37 from what the organization row said).
    pub suspended_by: Option<i32>,
    pub reinstated_at: Option<DateTimeUtc>,
    pub reinstated_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
