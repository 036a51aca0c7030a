//! An internship, job shadow, apprenticeship or virtual experience posted by an organization.

use crate::enums::*;
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "opportunity")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub kind: OpportunityKind,
    pub field: StemField,
    pub mode: WorkMode,
    pub status: OpportunityStatus,
    pub address: String,
    pub zip: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub compensation: Compensation,
    /// Hourly wage in cents, when `compensation` is hourly.
    pub hourly_wage_cents: Option<i32>,
    /// Total stipend in cents, when `compensation` is a stipend.
    pub stipend_cents: Option<i32>,
    pub hours_per_week: Option<i32>,
    pub schedule: String,
    pub start_date: Date,
    pub end_date: Date,
    /// Job shadows: the time of day they start and end.
    pub start_time: Option<Time>,
    pub end_time: Option<Time>,
    pub deadline: Date,
    pub min_grade: i32,
    pub max_grade: i32,
    pub min_age: Option<i32>,
    pub slots: i32,
    /// How seats are given: first come, first served, or a fair draw after the deadline.
    pub allocation: Allocation,
    /// ISO 639-1 codes, comma separated, in the order the employer gave them.
    pub languages: String,
    /// The language the title and description are written in.
    pub written_in: PostingLanguage,
    pub skills: String,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The token of the new-posting form that made it: the same form sent
    /// twice makes one draft. Never shown.
    #[serde(skip)]
    pub created_with: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
