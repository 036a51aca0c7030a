//! Roster ids are only unique within the system that issued them: two
//! districts' exports both hold a school `100` and a student `1234`, and a
//! second district's roster matched by the bare id took over the first
//! one's records (eyes17b F1). A school, student or guardian is now known by
//! the pair (roster source, sourcedId): the source is the district org of
//! the roster's orgs.csv, or one the admin names when importing.
//!
//! Rows already on file came from rosters that named no source: they keep
//! the empty source (`''`), which a roster of a named source adopts school
//! by school when it proves the school is the same (`roster::sources`).
//!
//! Student and guardian ids had a named unique index, replaced by one on
//! the pair. The school's id had a column UNIQUE constraint, which SQLite
//! cannot drop without rebuilding a table other tables point at: its value
//! moves to a new column `roster_sourced_id` (the entity's `sourced_id`),
//! and the old column stays, empty and unread.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum School {
    Table,
    SourcedId,
    RosterSourcedId,
    RosterSource,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    SourcedId,
    RosterSource,
}

#[derive(DeriveIden)]
enum Guardian {
    Table,
    SourcedId,
    RosterSource,
}

/// The source column every roster-held table gets: empty for "named none".
fn source_column<T: IntoIden + 'static>(name: T) -> ColumnDef {
    string_len(name, 255).default("").to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(source_column(School::RosterSource))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(string_len_null(School::RosterSourcedId, 255))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(School::Table)
                    .value(School::RosterSourcedId, Expr::col(School::SourcedId))
                    .value(School::SourcedId, Option::<String>::None)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_school_roster_sourced_id")
                    .table(School::Table)
                    .col(School::RosterSourcedId)
                    .col(School::RosterSource)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Student::Table)
                    .add_column(source_column(Student::RosterSource))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_student_sourced_id")
                    .table(Student::Table)
                    .to_owned(),
            )
            .await?;
        // The id first: lookups by the bare id (who else holds it) use it too.
        manager
            .create_index(
                Index::create()
                    .name("idx_student_roster_sourced_id")
                    .table(Student::Table)
                    .col(Student::SourcedId)
                    .col(Student::RosterSource)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .add_column(source_column(Guardian::RosterSource))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_guardian_sourced_id")
                    .table(Guardian::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_guardian_roster_sourced_id")
                    .table(Guardian::Table)
                    .col(Guardian::SourcedId)
                    .col(Guardian::RosterSource)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Going back is only possible while no id is held by two sources.
        manager
            .drop_index(
                Index::drop()
                    .name("idx_guardian_roster_sourced_id")
                    .table(Guardian::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_guardian_sourced_id")
                    .table(Guardian::Table)
                    .col(Guardian::SourcedId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Guardian::Table)
                    .drop_column(Guardian::RosterSource)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_student_roster_sourced_id")
                    .table(Student::Table)
                    .to_owned(),
            )
            .await?;
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
            .alter_table(
                Table::alter()
                    .table(Student::Table)
                    .drop_column(Student::RosterSource)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_school_roster_sourced_id")
                    .table(School::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(School::Table)
                    .value(School::SourcedId, Expr::col(School::RosterSourcedId))
                    .to_owned(),
            )
            .await?;
        for column in [School::RosterSourcedId, School::RosterSource] {
            manager
                .alter_table(
                    Table::alter()
                        .table(School::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
