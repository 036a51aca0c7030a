//! Two records that must not follow a student over time (eyes14a F1, F2):
//!
//! - `application.school_id`: the school the student applied from. An
//!   employer sees name, grade and school as sent; read live from the
//!   student, a roster transfer would tell every employer the student ever
//!   applied to where the student is now. Rows from before are filled with
//!   the student's school today, the best that is known of them.
//! - `notification.student_id`: the student a notice names, so that a
//!   counselor reads it only while the student is at one of their schools.
//!   Rows from before are filled from their links, which name the
//!   counselor's page of the placement or the student.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Application {
    Table,
    SchoolId,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    StudentId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .add_column(integer_null(Application::SchoolId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .add_column(integer_null(Notification::StudentId))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE application SET school_id = \
             (SELECT student.school_id FROM student WHERE student.id = application.student_id)",
        )
        .await?;
        // The links are written as `/counselor/placements/{id}` (22
        // characters before the id) and `/counselor/students/{id}` (20),
        // nothing after the id; SUBSTR and CAST read alike on both backends.
        db.execute_unprepared(
            "UPDATE notification SET student_id = \
             (SELECT placement.student_id FROM placement \
              WHERE placement.id = CAST(SUBSTR(notification.link, 23) AS INTEGER)) \
             WHERE link LIKE '/counselor/placements/%'",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE notification SET student_id = CAST(SUBSTR(link, 21) AS INTEGER) \
             WHERE link LIKE '/counselor/students/%'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notification::Table)
                    .drop_column(Notification::StudentId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .drop_column(Application::SchoolId)
                    .to_owned(),
            )
            .await
    }
}
