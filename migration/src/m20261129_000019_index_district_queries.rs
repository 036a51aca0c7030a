//! Indexes for the counselor pages at district size: the lists paged by
//! name (`LIMIT`/`OFFSET` over an index instead of a sort of the roster), the
//! per-student `EXISTS` probes of the dashboard's facts (a student's
//! applications and placements in a school year), the trend's scans of one
//! school year, and the placements waiting for consent.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index name, table, columns)
const INDEXES: [(&str, &str, &[&str]); 6] = [
    (
        "idx_student_school_name",
        "student",
        &["school_id", "active", "last_name", "first_name", "id"],
    ),
    (
        "idx_application_student_created",
        "application",
        &["student_id", "created_at"],
    ),
    ("idx_application_created", "application", &["created_at"]),
    (
        "idx_placement_student_status",
        "placement",
        &["student_id", "status", "created_at"],
    ),
    (
        "idx_placement_status_created",
        "placement",
        &["status", "created_at"],
    ),
    (
        "idx_placement_student_ended",
        "placement",
        &["student_id", "ended_at"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut index = Index::create();
            index.name(name).table(Alias::new(table));
            for column in columns {
                index.col(Alias::new(*column));
            }
            manager.create_index(index.to_owned()).await?;
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
