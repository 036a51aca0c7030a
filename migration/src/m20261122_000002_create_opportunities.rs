//! Opportunities, the access features they offer, and the search outbox.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_accounts::{AppUser, Organization};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Opportunity::Table)
                    .col(pk_auto(Opportunity::Id))
                    .col(integer(Opportunity::OrganizationId))
                    .col(string_len(Opportunity::Title, 120))
                    .col(text(Opportunity::Description))
                    .col(string_len(Opportunity::Kind, 24))
                    .col(string_len(Opportunity::Field, 32))
                    .col(string_len(Opportunity::Mode, 16))
                    .col(string_len(Opportunity::Status, 16))
                    .col(string_len(Opportunity::Address, 300))
                    .col(string_len(Opportunity::Zip, 10))
                    .col(double_null(Opportunity::Latitude))
                    .col(double_null(Opportunity::Longitude))
                    .col(string_len(Opportunity::Compensation, 16))
                    .col(integer_null(Opportunity::HourlyWageCents))
                    .col(integer_null(Opportunity::StipendCents))
                    .col(integer_null(Opportunity::HoursPerWeek))
                    .col(string_len(Opportunity::Schedule, 300))
                    .col(date(Opportunity::StartDate))
                    .col(date(Opportunity::EndDate))
                    .col(time_null(Opportunity::StartTime))
                    .col(time_null(Opportunity::EndTime))
                    .col(date(Opportunity::Deadline))
                    .col(integer(Opportunity::MinGrade))
                    .col(integer(Opportunity::MaxGrade))
                    .col(integer_null(Opportunity::MinAge))
                    .col(integer(Opportunity::Slots))
                    .col(string_len(Opportunity::Languages, 100))
                    .col(string_len(Opportunity::Skills, 500))
                    .col(integer(Opportunity::CreatedBy))
                    .col(timestamp_with_time_zone(Opportunity::CreatedAt))
                    .col(timestamp_with_time_zone(Opportunity::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Opportunity::PublishedAt))
                    .col(timestamp_with_time_zone_null(Opportunity::ClosedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Opportunity::Table, Opportunity::OrganizationId)
                            .to(Organization::Table, Organization::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Opportunity::Table, Opportunity::CreatedBy)
                            .to(AppUser::Table, AppUser::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opportunity_org")
                    .table(Opportunity::Table)
                    .col(Opportunity::OrganizationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opportunity_status_deadline")
                    .table(Opportunity::Table)
                    .col(Opportunity::Status)
                    .col(Opportunity::Deadline)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OpportunityFeature::Table)
                    .col(integer(OpportunityFeature::OpportunityId))
                    .col(string_len(OpportunityFeature::Feature, 32))
                    .primary_key(
                        Index::create()
                            .col(OpportunityFeature::OpportunityId)
                            .col(OpportunityFeature::Feature),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpportunityFeature::Table, OpportunityFeature::OpportunityId)
                            .to(Opportunity::Table, Opportunity::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SearchOutbox::Table)
                    .col(big_pk_auto(SearchOutbox::Id))
                    .col(integer(SearchOutbox::OpportunityId))
                    .col(timestamp_with_time_zone(SearchOutbox::CreatedAt))
                    .col(integer(SearchOutbox::Attempts))
                    .col(timestamp_with_time_zone(SearchOutbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(SearchOutbox::DoneAt))
                    .col(string_len_null(SearchOutbox::LastError, 1000))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_search_outbox_pending")
                    .table(SearchOutbox::Table)
                    .col(SearchOutbox::DoneAt)
                    .col(SearchOutbox::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SearchOutbox::Table.into_iden(),
            OpportunityFeature::Table.into_iden(),
            Opportunity::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    Id,
    OrganizationId,
    Title,
    Description,
    Kind,
    Field,
    Mode,
    Status,
    Address,
    Zip,
    Latitude,
    Longitude,
    Compensation,
    HourlyWageCents,
    StipendCents,
    HoursPerWeek,
    Schedule,
    StartDate,
    EndDate,
    StartTime,
    EndTime,
    Deadline,
    MinGrade,
    MaxGrade,
    MinAge,
    Slots,
    Languages,
    Skills,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum OpportunityFeature {
    Table,
    OpportunityId,
    Feature,
}

#[derive(DeriveIden)]
enum SearchOutbox {
    Table,
    Id,
    OpportunityId,
    CreatedAt,
    Attempts,
    NextAttemptAt,
    DoneAt,
    LastError,
}
