//! Indexes for the lookups the counselor dashboard and the placement pages
//! make by student and by placement (neither database indexes foreign keys
//! by itself).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index name, table, column)
const INDEXES: [(&str, &str, &str); 3] = [
    ("idx_placement_student", "placement", "student_id"),
    ("idx_hour_log_placement", "hour_log", "placement_id"),
    ("idx_belonging_student", "belonging_response", "student_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in INDEXES {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
