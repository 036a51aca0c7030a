//! The language a posting is written in (`en` or `es`), so that search can
//! analyse its text as that language. Postings written before this change
//! were all English.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    WrittenIn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .add_column(string_len(Opportunity::WrittenIn, 8).default("en"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .drop_column(Opportunity::WrittenIn)
                    .to_owned(),
            )
            .await
    }
}
