//! A queued message records which notice it is (`notice_kind`: the
//! catalogue kind of a `notice` mail, such as `mentor-guardian`; its `kind`
//! is only the template) and the placement it is about (`placement_id`).
//! A mentor introduction held back while its host was suspended is then
//! found again when the host is reinstated, and sent once (eyes16c F6).
//! The index serves that look-up: a placement's mail of one notice kind.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    NoticeKind,
    PlacementId,
}

const INDEX: &str = "idx_mail_outbox_placement_notice";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(string_len_null(MailOutbox::NoticeKind, 80))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(integer_null(MailOutbox::PlacementId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(MailOutbox::Table)
                    .col(MailOutbox::PlacementId)
                    .col(MailOutbox::NoticeKind)
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
            .await?;
        for column in [MailOutbox::PlacementId, MailOutbox::NoticeKind] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MailOutbox::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
