//! Email for the people who want it: what each person chose to receive,
//! the unsubscribe address of each queued message, and one row per weekly
//! digest sent, so the digest goes once a week per student even when the job
//! runs twice or on two servers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    MailUpdates,
    MailDigest,
}

#[derive(DeriveIden)]
enum Guardian {
    Table,
    MailUpdates,
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    UnsubscribePath,
}

#[derive(DeriveIden)]
enum MailDigest {
    Table,
    Id,
    UserId,
    WeekStart,
    Opportunities,
    MailId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        // Students and employers opt in: nobody, least of all a minor, gets
        // optional email they did not ask for.
        let additions = [
            (
                AppUser::Table.into_iden(),
                boolean(AppUser::MailUpdates).default(false).to_owned(),
            ),
            (
                AppUser::Table.into_iden(),
                boolean(AppUser::MailDigest).default(false).to_owned(),
            ),
            // Guardians have no account to opt in with: the school listed
            // them as the family's contact, so they hear that a placement is
            // confirmed until they unsubscribe.
            (
                Guardian::Table.into_iden(),
                boolean(Guardian::MailUpdates).default(true).to_owned(),
            ),
            (
                MailOutbox::Table.into_iden(),
                string_len_null(MailOutbox::UnsubscribePath, 200),
            ),
        ];
        for (table, column) in additions {
            manager
                .alter_table(Table::alter().table(table).add_column(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MailDigest::Table)
                    .col(pk_auto(MailDigest::Id))
                    .col(integer(MailDigest::UserId))
                    .col(date(MailDigest::WeekStart))
                    .col(integer(MailDigest::Opportunities))
                    .col(big_integer_null(MailDigest::MailId))
                    .col(timestamp_with_time_zone(MailDigest::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MailDigest::Table, MailDigest::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The claim that makes the job idempotent: one digest per student per week.
        manager
            .create_index(
                Index::create()
                    .name("idx_mail_digest_user_week")
                    .table(MailDigest::Table)
                    .col(MailDigest::UserId)
                    .col(MailDigest::WeekStart)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MailDigest::Table).to_owned())
            .await?;
        let removals = [
            (AppUser::Table.into_iden(), AppUser::MailUpdates.into_iden()),
            (AppUser::Table.into_iden(), AppUser::MailDigest.into_iden()),
            (
                Guardian::Table.into_iden(),
                Guardian::MailUpdates.into_iden(),
            ),
            (
                MailOutbox::Table.into_iden(),
                MailOutbox::UnsubscribePath.into_iden(),
            ),
        ];
        for (table, column) in removals {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
