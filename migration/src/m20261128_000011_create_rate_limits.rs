//! Rate limits that count before they check (one row per bucket, locked while
//! an attempt is charged), replacing the failure log that counted after; and
//! named server facts (which digest scheme stored tokens use, the lock row of
//! the first admin's setup).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RateLimit::Table)
                    .col(string_len(RateLimit::Bucket, 300).primary_key())
                    .col(integer(RateLimit::Hits))
                    .col(timestamp_with_time_zone(RateLimit::LastHitAt))
                    .col(timestamp_with_time_zone_null(RateLimit::BlockedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_rate_limit_last_hit")
                    .table(RateLimit::Table)
                    .col(RateLimit::LastHitAt)
                    .to_owned(),
            )
            .await?;
        // The old log counted failures after checking the password; its rows
        // mean nothing to the new buckets.
        manager
            .drop_table(Table::drop().table(LoginFailure::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ServerState::Table)
                    .col(string_len(ServerState::Name, 50).primary_key())
                    .col(string_len(ServerState::Value, 200))
                    .col(timestamp_with_time_zone(ServerState::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ServerState::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(RateLimit::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .col(pk_auto(LoginFailure::Id))
                    .col(string_len(LoginFailure::ThrottleKey, 300))
                    .col(timestamp_with_time_zone(LoginFailure::FailedAt))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum RateLimit {
    Table,
    Bucket,
    Hits,
    LastHitAt,
    BlockedUntil,
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    ThrottleKey,
    FailedAt,
}

#[derive(DeriveIden)]
enum ServerState {
    Table,
    Name,
    Value,
    UpdatedAt,
}
