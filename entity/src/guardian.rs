//! A parent, guardian or relative of a student: a contact, not an account.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "guardian")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// OneRoster `sourcedId`, when the contact came from a roster import.
    pub sourced_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// BCP 47 code of the language the family reads (`en`, `es`).
    pub language: String,
    /// A guardian missing from a newer roster becomes inactive and gets no mail.
    pub active: bool,
    /// Placement confirmations (on until they unsubscribe); consent
    /// requests do not ask.
    pub mail_updates: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
