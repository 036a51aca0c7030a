//! A notice mailed to a guardian's former address (the school moved or
//! ended the contact) carries a link to report the change as unwanted: one
//! row per student the notice was about, all sharing the link's digest.
//! A reported row holds email consent for its student until an admin
//! clears it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AddressReport {
    Table,
    Id,
    GuardianId,
    StudentId,
    FormerEmail,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    ReportedAt,
    ClearedAt,
    ClearedBy,
}

#[derive(DeriveIden)]
enum Guardian {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AddressReport::Table)
                    .col(pk_auto(AddressReport::Id))
                    .col(integer(AddressReport::GuardianId))
                    .col(integer(AddressReport::StudentId))
                    .col(string_len(AddressReport::FormerEmail, 320))
                    .col(string_len(AddressReport::TokenHash, 64))
                    .col(timestamp_with_time_zone(AddressReport::CreatedAt))
                    .col(timestamp_with_time_zone(AddressReport::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AddressReport::ReportedAt))
                    .col(timestamp_with_time_zone_null(AddressReport::ClearedAt))
                    .col(integer_null(AddressReport::ClearedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AddressReport::Table, AddressReport::GuardianId)
                            .to(Guardian::Table, Guardian::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AddressReport::Table, AddressReport::StudentId)
                            .to(Student::Table, Student::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_address_report_token")
                    .table(AddressReport::Table)
                    .col(AddressReport::TokenHash)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_address_report_student")
                    .table(AddressReport::Table)
                    .col(AddressReport::StudentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AddressReport::Table).to_owned())
            .await
    }
}
