//! Belonging changes taken once per closed school year (eyes16a F4): a
//! live mean moved by each new answer gave, read before and after, that
//! student's own answer. One row per school, year and group, and a mark
//! per school and year (dimension -1) once taken; unique, so two takers at
//! once store one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BelongingYear {
    Table,
    Id,
    SchoolId,
    SchoolYear,
    Dimension,
    GroupKey,
    ChangeSum,
    Answers,
    TakenAt,
}

const INDEX: &str = "idx_belonging_year_group";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BelongingYear::Table)
                    .col(pk_auto(BelongingYear::Id))
                    .col(integer(BelongingYear::SchoolId))
                    .col(integer(BelongingYear::SchoolYear))
                    .col(integer(BelongingYear::Dimension))
                    .col(string_len(BelongingYear::GroupKey, 200))
                    .col(big_integer(BelongingYear::ChangeSum))
                    .col(integer(BelongingYear::Answers))
                    .col(timestamp_with_time_zone(BelongingYear::TakenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(BelongingYear::Table)
                    .col(BelongingYear::SchoolId)
                    .col(BelongingYear::SchoolYear)
                    .col(BelongingYear::Dimension)
                    .col(BelongingYear::GroupKey)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BelongingYear::Table).to_owned())
            .await
    }
}
