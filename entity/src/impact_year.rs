//! The public impact page's student figures of one closed school year, as
//! they were published: taken once, after the year closed, and never
//! changed, so the page reads the same on every day.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "impact_year")]
pub struct Model {
    /// The school year, named by the year it starts.
    #[sea_orm(primary_key, auto_increment = false)]
    pub school_year: i32,
    /// The figures as JSON (`stembridge::impact::published::StudentFigures`),
    /// already through the disclosure rules when they were taken.
    #[sea_orm(column_type = "Text")]
    pub figures: String,
    pub taken_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
