//! A person who can log in; `role` decides what they may do.

use crate::enums::*;
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "app_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    #[serde(skip)]
    pub password_hash: String,
    pub display_name: String,
    pub role: Role,
    /// Set for employers: the organization they act for.
    pub organization_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub last_login_at: Option<DateTimeUtc>,
    /// Set while an admin has disabled the account: it cannot log in and its
    /// sessions are over.
    pub disabled_at: Option<DateTimeUtc>,
    /// Copied into each session at login; bumping it ends every session of
    /// the user at once (logout, password change, disable, sign out everywhere).
    pub session_generation: i32,
    /// When the owner opened the emailed confirmation link; an account that
    /// registered itself cannot sign in before.
    pub email_confirmed_at: Option<DateTimeUtc>,
    /// The base32 TOTP secret, set once enrolment starts, stored sealed
    /// (`crate::sealed` in the application: encrypted under SECRET_KEY).
    #[serde(skip)]
    pub mfa_secret: Option<String>,
    /// When the user confirmed their authenticator; MFA is on from then.
    pub mfa_enabled_at: Option<DateTimeUtc>,
    /// The last TOTP time step accepted, so a code works once.
    #[serde(skip)]
    pub mfa_last_step: Option<i64>,
    /// The interface language the person chose (`en`, `es`), if they did.
    pub language: Option<String>,
    /// Email about what happens to them (offers and decisions for students,
    /// applications and consent outcomes for employers): opted in.
    pub mail_updates: bool,
    /// Students: the weekly digest of new opportunities matching their needs.
    pub mail_digest: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
