//! A placement: an accepted offer, from guardian consent to completion.

use sea_orm::entity::prelude::*;
use serde::Serialize;

use crate::enums::PlacementStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "placement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub application_id: i32,
    pub opportunity_id: i32,
    pub student_id: i32,
    pub status: PlacementStatus,
    pub start_date: Date,
    pub end_date: Date,
    /// Digest of the one-time guardian consent link's token.
    #[serde(skip)]
    pub consent_token_hash: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_relationship: Option<String>,
    pub consent_given: Option<bool>,
    pub consent_recorded_at: Option<DateTimeUtc>,
    /// The counselor who recorded a paper consent; `None` when given by link.
    pub consent_recorded_by: Option<i32>,
    /// What a guardian who declined chose to tell us, if anything.
    pub consent_decline_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
    /// Employer's ratings, 1-5.
    pub rating_communication: Option<i32>,
    pub rating_teamwork: Option<i32>,
    pub rating_technical: Option<i32>,
    pub rating_reliability: Option<i32>,
    pub employer_comment: Option<String>,
    /// The student's rating of the experience, 1-5.
    pub student_rating: Option<i32>,
    pub student_comment: Option<String>,
    /// Why a placement ended before its time (`WithdrawReason` key when the
    /// student withdrew, `EndReason` key when the employer or a counselor
    /// ended it), with an optional note and who did it.
    pub end_reason: Option<String>,
    pub end_note: Option<String>,
    pub ended_by: Option<i32>,
    /// The mentor: a colleague's account at the organization, or `None` for
    /// a named person without one. `mentor_name` is set whenever a mentor is.
    pub mentor_user_id: Option<i32>,
    pub mentor_name: Option<String>,
    pub mentor_role: Option<String>,
    /// A short introduction in the mentor's own words.
    pub mentor_intro: Option<String>,
    /// ISO 639-1 codes, comma-separated.
    pub mentor_languages: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
