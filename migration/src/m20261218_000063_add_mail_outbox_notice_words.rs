//! A notice queued to a guardian keeps what it says in no language yet
//! (`mail_outbox.notice_words`, sealed as the bodies are): one re-addressed
//! because a counselor corrected the guardian's address is written again
//! in the language the guardian has when it goes out, which the counselor
//! may have corrected in the same form. Notices queued before keep their
//! words as queued (nothing here could write them again).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    NoticeWords,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(text_null(MailOutbox::NoticeWords))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .drop_column(MailOutbox::NoticeWords)
                    .to_owned(),
            )
            .await
    }
}
