//! The code of an entry into a fair draw, given to the student when they
//! apply (and shown only to them), so it is fixed before the seed is known
//! and cannot be picked once the entrants are.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "draw_ticket")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: i32,
    pub opportunity_id: i32,
    /// Twelve hexadecimal digits, unique within the posting's draw.
    pub code: String,
    /// The counselor's priority mark when the student entered (`None` for
    /// entries from before it was kept: the mark at draw time counts).
    pub priority: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
