//! Mail to an organization's employers remembers the organization it is
//! sent for, so the worker holds it back when that organization loses its
//! access (a suspension) or the recipient leaves it before it goes out: a
//! queued "new application" names a student.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    ForOrganizationId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(
                        ColumnDef::new(MailOutbox::ForOrganizationId)
                            .integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .drop_column(MailOutbox::ForOrganizationId)
                    .to_owned(),
            )
            .await
    }
}
