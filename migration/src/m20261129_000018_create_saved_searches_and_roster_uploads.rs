//! Saved searches with their alerts, and roster uploads that run in the
//! background: one row per search a student saved (its query string as the
//! search page reads it), one row per posting alerted for it (unique, so a
//! posting is alerted once per saved search however many runs or servers),
//! and one row per roster upload with its progress and outcome.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SavedSearch {
    Table,
    Id,
    UserId,
    Name,
    Query,
    Email,
    CreatedAt,
    AlertedAt,
}

#[derive(DeriveIden)]
enum SavedSearchAlert {
    Table,
    Id,
    SavedSearchId,
    OpportunityId,
    CreatedAt,
    MailedAt,
}

#[derive(DeriveIden)]
enum RosterUpload {
    Table,
    Id,
    UserId,
    Status,
    Done,
    Total,
    Outcome,
    CreatedAt,
    UpdatedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SavedSearch::Table)
                    .col(pk_auto(SavedSearch::Id))
                    .col(integer(SavedSearch::UserId))
                    .col(string_len(SavedSearch::Name, 100))
                    .col(text(SavedSearch::Query))
                    .col(boolean(SavedSearch::Email).default(false))
                    .col(timestamp_with_time_zone(SavedSearch::CreatedAt))
                    .col(timestamp_with_time_zone_null(SavedSearch::AlertedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SavedSearch::Table, SavedSearch::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_saved_search_user")
                    .table(SavedSearch::Table)
                    .col(SavedSearch::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SavedSearchAlert::Table)
                    .col(pk_auto(SavedSearchAlert::Id))
                    .col(integer(SavedSearchAlert::SavedSearchId))
                    .col(integer(SavedSearchAlert::OpportunityId))
                    .col(timestamp_with_time_zone(SavedSearchAlert::CreatedAt))
                    .col(timestamp_with_time_zone_null(SavedSearchAlert::MailedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SavedSearchAlert::Table, SavedSearchAlert::SavedSearchId)
                            .to(SavedSearch::Table, SavedSearch::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SavedSearchAlert::Table, SavedSearchAlert::OpportunityId)
                            .to(Opportunity::Table, Opportunity::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The claim that makes alerts idempotent: once per posting per saved search.
        manager
            .create_index(
                Index::create()
                    .name("idx_saved_search_alert_once")
                    .table(SavedSearchAlert::Table)
                    .col(SavedSearchAlert::SavedSearchId)
                    .col(SavedSearchAlert::OpportunityId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RosterUpload::Table)
                    .col(pk_auto(RosterUpload::Id))
                    .col(integer(RosterUpload::UserId))
                    .col(string_len(RosterUpload::Status, 16))
                    .col(integer(RosterUpload::Done).default(0))
                    .col(integer(RosterUpload::Total).default(0))
                    .col(text_null(RosterUpload::Outcome))
                    .col(timestamp_with_time_zone(RosterUpload::CreatedAt))
                    .col(timestamp_with_time_zone(RosterUpload::UpdatedAt))
                    .col(timestamp_with_time_zone_null(RosterUpload::FinishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RosterUpload::Table, RosterUpload::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RosterUpload::Table.into_iden(),
            SavedSearchAlert::Table.into_iden(),
            SavedSearch::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
