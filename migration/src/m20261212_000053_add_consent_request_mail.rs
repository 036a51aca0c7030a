//! A consent request remembers the outbox message that carries its link,
//! so the pages can tell a request that went out from one still waiting or
//! given up on, and a request whose mail failed for good counts toward no
//! cap and as no working link (eyes16b F4). Requests made before this have
//! none and read as sent, as they did.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ConsentRequest {
    Table,
    MailId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ConsentRequest::Table)
                    .add_column(big_integer_null(ConsentRequest::MailId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ConsentRequest::Table)
                    .drop_column(ConsentRequest::MailId)
                    .to_owned(),
            )
            .await
    }
}
