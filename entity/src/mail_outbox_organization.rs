//! An organization whose postings a queued message lists (the weekly
//! digest): the worker holds the message back if the organization is no
//! longer verified when it goes out.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_outbox_organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mail_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
