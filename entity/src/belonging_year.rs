//! Belonging changes of one school year, per school and student group, as
//! taken once after the year closed (eyes16a F4): the only belonging
//! figures any page reads, so no two readings differ by one student.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "belonging_year")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    /// The school year, named by the year it starts.
    pub school_year: i32,
    /// The dimension's index in the dashboard's dimensions; `-1` marks the
    /// school's year as taken (even with no answer at all).
    pub dimension: i32,
    /// The group's name in its dimension (empty for the mark).
    pub group_key: String,
    /// Sum of the students' changes (after minus before) and their number.
    pub change_sum: i64,
    pub answers: i32,
    pub taken_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
