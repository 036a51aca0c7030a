//! A guardian address whose mail server refused a message for good (a
//! permanent SMTP error, such as `550 5.1.1 no such user`) was asked for
//! consent again at every roster import (eyes17b F2). The refused address
//! and when it was refused are kept on the contact: while the contact's
//! address is still that one, no consent mail goes there and counselors
//! are shown the paper path; a new address ends it by itself.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Guardian {
    Table,
    EmailBounced,
    EmailBouncedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(string_len_null(Guardian::EmailBounced, 320))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(timestamp_with_time_zone_null(Guardian::EmailBouncedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Guardian::EmailBouncedAt, Guardian::EmailBounced] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Guardian::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
