//! Audit entries no account made: a guardian who withdrew consent through
//! the link mailed to them (guardians have no account), and what the system
//! did by itself (a placement closed because consent never arrived before
//! its dates were over). Such an entry keeps `actor_id` 0, the log's "no
//! account" (as the demo seed's set-up rows), and says who acted in
//! `actor_kind`: `guardian_link` or `system`. NULL for an account's entry.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    ActorKind,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AuditLog::Table)
                    .add_column(string_len_null(AuditLog::ActorKind, 16))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AuditLog::Table)
                    .drop_column(AuditLog::ActorKind)
                    .to_owned(),
            )
            .await
    }
}
