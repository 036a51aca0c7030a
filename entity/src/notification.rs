//! An in-app notification for one user.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// The English text (all that rows from before migration 16 have).
    pub message: String,
    /// The catalogue id of the message, rendered in the reader's language.
    pub message_id: Option<String>,
    /// Its arguments, as JSON (`i18n::Message::args`).
    #[sea_orm(column_type = "Text", nullable)]
    pub message_args: Option<String>,
    pub link: String,
    /// The student a counselor's notice names (migration 43): it is shown
    /// only while the reader looks after that student's school.
    pub student_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
