//! A guardian's address a counselor corrected by hand is the school's
//! decision: a later roster that still holds the address it replaced does
//! not put that one back (eyes14a F4), on this contact or on a new one
//! (eyes14c F1). The moment of the correction marks it (a roster that agrees
//! again clears it); the address it replaced is kept.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Guardian {
    Table,
    EmailCorrectedAt,
    EmailReplaced,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(timestamp_with_time_zone_null(Guardian::EmailCorrectedAt))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(string_null(Guardian::EmailReplaced))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .drop_column(Guardian::EmailReplaced)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .drop_column(Guardian::EmailCorrectedAt)
                    .to_owned(),
            )
            .await
    }
}
