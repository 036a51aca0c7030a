//! A notice to a guardian records which guardian it was written to
//! (`mail_outbox.guardian_id`), not only the address it went to. The
//! outcome of a review goes to the guardians its pause told (migration
//! 56): found by address, a guardian whose address a counselor corrected
//! during the suspension was not found, and heard nothing (safe18). Pause
//! notices queued before this migration get the guardian of the
//! placement's student still at the address they went to.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    GuardianId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(integer_null(MailOutbox::GuardianId))
                    .to_owned(),
            )
            .await?;
        // The same statement on SQLite and PostgreSQL: a correlated
        // subquery, addresses compared as `families::service::same_address`.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE mail_outbox SET guardian_id = (\
                     SELECT g.id FROM guardian g \
                     JOIN student_guardian sg ON sg.guardian_id = g.id \
                     JOIN placement p ON p.student_id = sg.student_id \
                     WHERE p.id = mail_outbox.placement_id \
                     AND LOWER(TRIM(g.email)) = LOWER(TRIM(mail_outbox.recipient)) \
                     ORDER BY g.id LIMIT 1) \
                 WHERE notice_kind = 'placement-paused-guardian' AND guardian_id IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .drop_column(MailOutbox::GuardianId)
                    .to_owned(),
            )
            .await
    }
}
