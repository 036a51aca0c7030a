//! The organizations whose postings a queued message lists (the weekly
//! digest names postings of many): the worker holds the message back if
//! any of them is no longer verified when it goes out, as it holds back a
//! family's mail about a suspended host (migration 41). One row per
//! message and organization.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutboxOrganization {
    Table,
    MailId,
    OrganizationId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MailOutboxOrganization::Table)
                    .col(big_integer(MailOutboxOrganization::MailId))
                    .col(integer(MailOutboxOrganization::OrganizationId))
                    .primary_key(
                        Index::create()
                            .col(MailOutboxOrganization::MailId)
                            .col(MailOutboxOrganization::OrganizationId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(MailOutboxOrganization::Table)
                    .to_owned(),
            )
            .await
    }
}
