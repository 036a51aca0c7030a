//! The language a guardian chose for our mail on their own settings page,
//! kept apart from the one the roster (or a counselor) records, so that the
//! next roster sync cannot undo the family's own choice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Guardian {
    Table,
    LanguageChosen,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(string_len_null(Guardian::LanguageChosen, 16))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .drop_column(Guardian::LanguageChosen)
                    .to_owned(),
            )
            .await
    }
}
