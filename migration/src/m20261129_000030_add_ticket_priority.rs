//! A fair-draw entry keeps the counselor's priority mark as it stood when
//! the student entered: read at draw time, a mark set after seeing who
//! entered a posting could move those entrants ahead.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DrawTicket {
    Table,
    Priority,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DrawTicket::Table)
                    .add_column(ColumnDef::new(DrawTicket::Priority).boolean().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DrawTicket::Table)
                    .drop_column(DrawTicket::Priority)
                    .to_owned(),
            )
            .await
    }
}
