//! Mail already sent (or given up on) keeps no body: its text may hold
//! single-use links (consent, password reset, email confirmation) that a
//! copy of the database must not hand out. From now on the worker empties a
//! message's bodies when it marks it done; this empties those done before.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    TextBody,
    HtmlBody,
    Attachment,
    SentAt,
    FailedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let scrub = Query::update()
            .table(MailOutbox::Table)
            .value(MailOutbox::TextBody, "")
            .value(MailOutbox::HtmlBody, "")
            .value(MailOutbox::Attachment, Option::<String>::None)
            .cond_where(
                Condition::any()
                    .add(Expr::col(MailOutbox::SentAt).is_not_null())
                    .add(Expr::col(MailOutbox::FailedAt).is_not_null()),
            )
            .to_owned();
        manager.exec_stmt(scrub).await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // What was deleted cannot come back, and nothing needs it.
        Ok(())
    }
}
