//! Fair draws and commitments (issue 19): a posting's allocation (first come
//! or fair draw), the draw of a posting with its entries, the wait-list
//! position a draw gives, the counselor's priority mark on a student, and an
//! organization's pledges per school year with their partner schools.
//!
//! `draw.opportunity_id` is unique: the draw of a posting is claimed by
//! inserting its row, so two servers (or two clicks) can never both run it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    Id,
    Allocation,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    WaitPosition,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Priority,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum School {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Draw {
    Table,
    Id,
    OpportunityId,
    Seed,
    Seats,
    Entries,
    LowIncomeTier,
    DrawnAt,
}

#[derive(DeriveIden)]
enum DrawEntry {
    Table,
    Id,
    DrawId,
    ApplicationId,
    Code,
    Tier,
    Rank,
    Seated,
}

#[derive(DeriveIden)]
enum Commitment {
    Table,
    Id,
    OrganizationId,
    SchoolYear,
    Placements,
    Paid,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CommitmentSchool {
    Table,
    CommitmentId,
    SchoolId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        // Postings before this change were all first come, first served.
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .add_column(string_len(Opportunity::Allocation, 16).default("first_come"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .add_column(integer_null(Application::WaitPosition))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Student::Table)
                    .add_column(boolean(Student::Priority).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Draw::Table)
                    .col(pk_auto(Draw::Id))
                    .col(integer(Draw::OpportunityId).unique_key())
                    .col(string_len(Draw::Seed, 64))
                    .col(integer(Draw::Seats))
                    .col(integer(Draw::Entries))
                    .col(boolean(Draw::LowIncomeTier))
                    .col(timestamp_with_time_zone(Draw::DrawnAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Draw::Table, Draw::OpportunityId)
                            .to(Opportunity::Table, Opportunity::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DrawEntry::Table)
                    .col(pk_auto(DrawEntry::Id))
                    .col(integer(DrawEntry::DrawId))
                    .col(integer(DrawEntry::ApplicationId).unique_key())
                    .col(string_len(DrawEntry::Code, 16))
                    .col(integer(DrawEntry::Tier))
                    .col(integer(DrawEntry::Rank))
                    .col(boolean(DrawEntry::Seated))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DrawEntry::Table, DrawEntry::DrawId)
                            .to(Draw::Table, Draw::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DrawEntry::Table, DrawEntry::ApplicationId)
                            .to(Application::Table, Application::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_draw_entry_draw_rank")
                    .table(DrawEntry::Table)
                    .col(DrawEntry::DrawId)
                    .col(DrawEntry::Rank)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Commitment::Table)
                    .col(pk_auto(Commitment::Id))
                    .col(integer(Commitment::OrganizationId))
                    .col(integer(Commitment::SchoolYear))
                    .col(integer(Commitment::Placements))
                    .col(integer(Commitment::Paid))
                    .col(integer(Commitment::CreatedBy))
                    .col(timestamp_with_time_zone(Commitment::CreatedAt))
                    .col(timestamp_with_time_zone(Commitment::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Commitment::Table, Commitment::OrganizationId)
                            .to(Organization::Table, Organization::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One pledge per organization and school year: a second one replaces it.
        manager
            .create_index(
                Index::create()
                    .name("idx_commitment_organization_year")
                    .table(Commitment::Table)
                    .col(Commitment::OrganizationId)
                    .col(Commitment::SchoolYear)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommitmentSchool::Table)
                    .col(integer(CommitmentSchool::CommitmentId))
                    .col(integer(CommitmentSchool::SchoolId))
                    .primary_key(
                        Index::create()
                            .col(CommitmentSchool::CommitmentId)
                            .col(CommitmentSchool::SchoolId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommitmentSchool::Table, CommitmentSchool::CommitmentId)
                            .to(Commitment::Table, Commitment::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommitmentSchool::Table, CommitmentSchool::SchoolId)
                            .to(School::Table, School::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CommitmentSchool::Table.into_iden(),
            Commitment::Table.into_iden(),
            DrawEntry::Table.into_iden(),
            Draw::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Student::Table)
                    .drop_column(Student::Priority)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .drop_column(Application::WaitPosition)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .drop_column(Opportunity::Allocation)
                    .to_owned(),
            )
            .await
    }
}
