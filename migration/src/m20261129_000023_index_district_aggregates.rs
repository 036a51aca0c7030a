//! Indexes for the dashboard's aggregates at district size: the district's
//! group sizes read in group order from an index holding every group column
//! (no sort of the roster, no row lookups), and a school year's applications
//! read by date with their student from the index alone (the dashboard's
//! engaged students and the trend's monthly counts).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index name, table, columns)
const INDEXES: [(&str, &str, &[&str]); 2] = [
    (
        "idx_student_active_groups",
        "student",
        &[
            "active",
            "gender",
            "race_ethnicity",
            "low_income",
            "english_learner",
            "disability",
            "first_generation",
            "grade",
        ],
    ),
    (
        "idx_application_created_student",
        "application",
        &["created_at", "student_id"],
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
