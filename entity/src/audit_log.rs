//! Who exported what, opened which student's record, or changed what, and when.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The account that acted; 0 when none did (see `actor_kind`).
    pub actor_id: i32,
    /// `export_groups`, `export_students`, `view_student`, `import_roster`.
    pub action: String,
    #[sea_orm(column_type = "Text")]
    pub subject: String,
    pub at: DateTimeUtc,
    /// Who acted when no account did (`actor_id` 0): `guardian_link` (a
    /// guardian, through the link mailed to them) or `system` (a
    /// background job). NULL for an account's entry.
    pub actor_kind: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
