//! A parent, guardian or relative of a student: a contact, not an account.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "guardian")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// OneRoster `sourcedId`, when the contact came from a roster import:
    /// unique with `roster_source`.
    pub sourced_id: Option<String>,
    /// The roster source `sourced_id` belongs to (see `school::Model`).
    pub roster_source: String,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    /// When a counselor last corrected the address by hand: a roster that
    /// still holds the address it replaced keeps this one (and says so in
    /// its summary); a roster that agrees clears it.
    pub email_corrected_at: Option<DateTimeUtc>,
    /// The address that correction replaced: a roster that brings it back,
    /// on this contact or a new one, leaves it out (eyes14c F1).
    pub email_replaced: Option<String>,
    /// The address a mail server refused for good (a permanent SMTP
    /// error), and when: while `email` is still that address, no consent
    /// mail goes there (`families::reachable_by_email`).
    pub email_bounced: Option<String>,
    pub email_bounced_at: Option<DateTimeUtc>,
    pub phone: Option<String>,
    /// BCP 47 code of the language the school records for the family
    /// (`en`, `es`): the roster's `metadata.language`, or a counselor's
    /// correction. An empty roster column never overwrites it.
    pub language: String,
    /// The language the guardian chose on their own email settings page:
    /// it comes first, and no roster or counselor changes it.
    pub language_chosen: Option<String>,
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
