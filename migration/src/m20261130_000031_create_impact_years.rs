//! The public impact page's student figures of a closed school year,
//! published once and kept: read again on another day, live figures would
//! move with the roster, and the difference of two readings would tell
//! one joining or leaving student's groups.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ImpactYear {
    Table,
    SchoolYear,
    Figures,
    TakenAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ImpactYear::Table)
                    // The key is the year: a second first reader's insert
                    // finds the row taken and leaves it as it is.
                    .col(integer(ImpactYear::SchoolYear).primary_key())
                    .col(text(ImpactYear::Figures))
                    .col(timestamp_with_time_zone(ImpactYear::TakenAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImpactYear::Table).to_owned())
            .await
    }
}
