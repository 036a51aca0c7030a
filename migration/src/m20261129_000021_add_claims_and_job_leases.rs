//! Several app servers on one database: a claim on each outbox row (who is
//! applying or sending it, and until when the claim holds, so a crashed
//! server's rows go back to the others), and one lease row per background
//! job (which server runs it, until when), taken with a conditional UPDATE.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobLease {
    Table,
    Name,
    Holder,
    Until,
}

#[derive(DeriveIden)]
enum SearchOutbox {
    Table,
    ClaimedBy,
    ClaimedUntil,
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    ClaimedBy,
    ClaimedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobLease::Table)
                    .col(string_len(JobLease::Name, 300).primary_key())
                    .col(string_len(JobLease::Holder, 200))
                    .col(timestamp_with_time_zone(JobLease::Until))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters one column at a time.
        for table in [
            SearchOutbox::Table.into_iden(),
            MailOutbox::Table.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table.clone())
                        .add_column(string_len_null(SearchOutbox::ClaimedBy, 200))
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(timestamp_with_time_zone_null(SearchOutbox::ClaimedUntil))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SearchOutbox::Table.into_iden(),
            MailOutbox::Table.into_iden(),
        ] {
            for column in [
                MailOutbox::ClaimedUntil.into_iden(),
                MailOutbox::ClaimedBy.into_iden(),
            ] {
                manager
                    .alter_table(
                        Table::alter()
                            .table(table.clone())
                            .drop_column(column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        manager
            .drop_table(Table::drop().table(JobLease::Table).to_owned())
            .await
    }
}
