//! Which app server runs a background job (the fair draws, the weekly
//! digest...) and until when: the others leave it alone until the lease
//! lapses, so a job runs once however many servers share the database.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "job_lease")]
pub struct Model {
    /// The job, like `draws` or `search-index-guard:meili:opportunities`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// The server process holding it (see `stembridge::jobs::holder`).
    pub holder: String,
    pub until: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
