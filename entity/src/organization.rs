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
    /// A verified organization's new name, waiting for a reviewer; the
    /// public name stays `name` until it is approved.
    pub requested_name: Option<String>,
    /// The website requested with it (the whole pair is requested at once).
    pub requested_website: Option<String>,
    pub change_requested_at: Option<DateTimeUtc>,
    pub change_requested_by: Option<i32>,
    /// `name`, `website` and `contact_email` as they are compared with
    /// suspended and rejected organizations (empty: nothing to compare;
    /// NULL: not computed yet).
    pub name_key: Option<String>,
    pub website_host: Option<String>,
    pub email_domain: Option<String>,
    /// The version of the rules the keys were computed by (NULL: older than
    /// any); start-up recomputes keys of an older version.
    pub keys_version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
