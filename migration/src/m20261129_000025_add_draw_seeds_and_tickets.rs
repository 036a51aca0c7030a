//! A fair draw that can be checked: its seed is fixed (and its SHA-256
//! published) before the first entry, and each entry's code is given to the
//! student when they apply, so neither can be chosen once the entrants are
//! known.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DrawSeed {
    Table,
    OpportunityId,
    Seed,
    CommittedAt,
}

#[derive(DeriveIden)]
enum DrawTicket {
    Table,
    ApplicationId,
    OpportunityId,
    Code,
}

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DrawSeed::Table)
                    .col(integer(DrawSeed::OpportunityId).primary_key())
                    .col(string_len(DrawSeed::Seed, 64))
                    .col(timestamp_with_time_zone(DrawSeed::CommittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DrawSeed::Table, DrawSeed::OpportunityId)
                            .to(Opportunity::Table, Opportunity::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DrawTicket::Table)
                    .col(integer(DrawTicket::ApplicationId).primary_key())
                    .col(integer(DrawTicket::OpportunityId))
                    .col(string_len(DrawTicket::Code, 12))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DrawTicket::Table, DrawTicket::ApplicationId)
                            .to(Application::Table, Application::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DrawTicket::Table, DrawTicket::OpportunityId)
                            .to(Opportunity::Table, Opportunity::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A code is unique within its posting's draw.
        manager
            .create_index(
                Index::create()
                    .name("idx_draw_ticket_code")
                    .table(DrawTicket::Table)
                    .col(DrawTicket::OpportunityId)
                    .col(DrawTicket::Code)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DrawTicket::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DrawSeed::Table).to_owned())
            .await
    }
}
