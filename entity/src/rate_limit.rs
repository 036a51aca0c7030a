//! One rate-limit bucket (an account's logins, an address's sign-ups...): its
//! attempts since it was last quiet and, once over budget, until when it waits.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "rate_limit")]
pub struct Model {
    /// What is limited and for whom, like `login-account:erin@acme.org`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub bucket: String,
    pub hits: i32,
    pub last_hit_at: DateTimeUtc,
    pub blocked_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
