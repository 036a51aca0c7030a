//! The last `SEQUENCE` issued for each placement's calendar entry (one
//! UID per placement: its confirmation, a cancellation, a suspension's
//! "do not go", a reinstatement's entry put back). Every new file of the
//! entry takes a number above it in the transaction that queues the mail,
//! so a later file always replaces an earlier one in the reader's
//! calendar, whatever the clock said when each was made (eyes17c F1).
//! A table of its own, not a column on `placement`: a review writes it for
//! every placement of the host under the organization's lock, and must not
//! take the placement rows that other paths lock before the organization.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PlacementCalendar {
    Table,
    PlacementId,
    LastSequence,
}

#[derive(DeriveIden)]
enum Placement {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlacementCalendar::Table)
                    .col(integer(PlacementCalendar::PlacementId).primary_key())
                    .col(integer(PlacementCalendar::LastSequence))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlacementCalendar::Table, PlacementCalendar::PlacementId)
                            .to(Placement::Table, Placement::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PlacementCalendar::Table).to_owned())
            .await
    }
}
