//! The mail worker sends one person's mail in the order it was queued: a
//! message waits while an older one to the same address is still being
//! retried (`mail::worker::claim`). That check looks up the address's
//! older messages for every message due; the outbox keeps every message
//! ever sent, so without this index each lookup would read all of it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    Recipient,
    Id,
}

const INDEX: &str = "idx_mail_outbox_recipient";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(MailOutbox::Table)
                    .col(MailOutbox::Recipient)
                    .col(MailOutbox::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(MailOutbox::Table)
                    .to_owned(),
            )
            .await
    }
}
