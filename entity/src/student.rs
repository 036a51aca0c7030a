//! A student on a school roster, and, once claimed, the user account behind it.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "student")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    #[sea_orm(unique)]
    pub user_id: Option<i32>,
    pub first_name: String,
    pub last_name: String,
    pub grade: i32,
    /// Hash of the one-time claim code; cleared once the account is claimed.
    #[serde(skip)]
    pub claim_code_hash: Option<String>,
    pub claim_code_expires_at: Option<DateTimeUtc>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub date_of_birth: Option<Date>,
    pub home_zip: Option<String>,
    /// How far the student can travel, in miles (search radius by default).
    pub travel_miles: Option<i32>,
    /// STEM field keys, comma separated.
    pub interests: String,
    /// ISO 639-1 codes, comma separated.
    pub languages: String,
    /// OneRoster `sourcedId`, when the student came from a roster import
    /// (or a counselor typed the SIS id): unique with `roster_source`.
    pub sourced_id: Option<String>,
    /// The roster source `sourced_id` belongs to (see `school::Model`).
    pub roster_source: String,
    // Demographics come only from the roster; only counselors of the school
    // and admins ever see them.
    /// Marked by a counselor of the school from the outreach list: the
    /// priority tier of fair draws. Never shown to employers.
    #[serde(skip)]
    pub priority: bool,
    #[serde(skip)]
    pub gender: Option<String>,
    #[serde(skip)]
    pub race_ethnicity: Option<String>,
    #[serde(skip)]
    pub low_income: Option<bool>,
    #[serde(skip)]
    pub english_learner: Option<bool>,
    #[serde(skip)]
    pub disability: Option<bool>,
    #[serde(skip)]
    pub first_generation: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
