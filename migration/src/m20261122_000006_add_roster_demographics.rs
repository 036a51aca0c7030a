//! Roster imports (OneRoster sourcedIds and demographics on students) and the
//! audit log of exports and student record views.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        let columns = [
            string_len_null(Student::SourcedId, 255),
            string_len_null(Student::Gender, 32),
            string_len_null(Student::RaceEthnicity, 64),
            boolean_null(Student::LowIncome),
            boolean_null(Student::EnglishLearner),
            boolean_null(Student::Disability),
            boolean_null(Student::FirstGeneration),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_student_sourced_id")
                    .table(Student::Table)
                    .col(Student::SourcedId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 32))
                    .col(string_len(AuditLog::Subject, 300))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_log_at")
                    .table(AuditLog::Table)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_student_sourced_id")
                    .table(Student::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            Student::SourcedId,
            Student::Gender,
            Student::RaceEthnicity,
            Student::LowIncome,
            Student::EnglishLearner,
            Student::Disability,
            Student::FirstGeneration,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Student {
    Table,
    SourcedId,
    Gender,
    RaceEthnicity,
    LowIncome,
    EnglishLearner,
    Disability,
    FirstGeneration,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    Subject,
    At,
}
