//! The data versions of the counselor dashboard per school (issue 16):
//! migration 24 moved one version for the whole database with every write,
//! so a write at one school made every school's remembered figures stale.
//! Now:
//!
//! - `stats_school_version` (`school_id`, `n`): a school's version moves
//!   with every insert and delete of its students and of their
//!   applications, placements and belonging answers, and with every update
//!   that changes a column the dashboard counts (`COUNTED` below: an
//!   application's status, a student's address do not move it). A row
//!   reaches its school through its student; a student moving school moves
//!   both schools. A school with no row yet has version 0.
//! - `stats_version.n` (migration 24's row) now moves only when who is an
//!   active student of which group may change (a student inserted, deleted,
//!   or updated in a counted column): the district's sizes of groups, whose
//!   order every school's suppression follows.
//!
//! Both are rows, so a reader sees them in the same snapshot as the rows
//! they count (`stembridge::counseling::remembered`). SQLite moves them by
//! triggers in the writing transaction (one writer at a time). PostgreSQL
//! moves each at most once per writing transaction, by deferred constraint
//! triggers as it commits (as migration 24 did): a school's row is locked
//! from then until the commit ends, and only by transactions writing that
//! school, so there is no row every writer waits on.
//!
//! A later change that counts another column must add a migration that
//! moves the versions on it too.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::m20261129_000024_add_statistics_version as version24;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables the dashboard counts and, per table, the columns it reads.
const COUNTED: [(&str, &[&str]); 4] = [
    (
        "student",
        &[
            "school_id",
            "active",
            "grade",
            "gender",
            "race_ethnicity",
            "low_income",
            "english_learner",
            "disability",
            "first_generation",
        ],
    ),
    ("application", &["student_id", "created_at"]),
    (
        "placement",
        &[
            "student_id",
            "status",
            "created_at",
            "ended_at",
            "mentor_name",
        ],
    ),
    (
        "belonging_response",
        &["student_id", "placement_id", "stage", "score"],
    ),
];

/// Migration 24's trigger operations on SQLite.
const OPERATIONS: [&str; 3] = ["insert", "update", "delete"];

/// `OLD.a IS NOT NEW.a OR ...` (SQLite's `IS NOT` is PostgreSQL's
/// `IS DISTINCT FROM`).
fn changed(columns: &[&str], distinct: &str) -> String {
    columns
        .iter()
        .map(|c| format!("OLD.{c} {distinct} NEW.{c}"))
        .collect::<Vec<_>>()
        .join(" OR ")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        drop_version24_triggers(manager).await?;
        db.execute_unprepared(
            "CREATE TABLE stats_school_version (school_id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            postgres_up(manager).await
        } else {
            sqlite_up(manager).await
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            for (table, _) in COUNTED {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS stats_school_{table} ON {table}; \
                     DROP TRIGGER IF EXISTS stats_school_{table}_truncate ON {table}; \
                     DROP FUNCTION IF EXISTS stats_moved_{table}()"
                ))
                .await?;
            }
            db.execute_unprepared(
                "DROP FUNCTION IF EXISTS stats_truncated(); \
                 DROP FUNCTION IF EXISTS stats_move_school(integer); \
                 DROP FUNCTION IF EXISTS stats_move_district()",
            )
            .await?;
        } else {
            for (table, _) in COUNTED {
                for operation in OPERATIONS {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS stats_school_{table}_{operation}"
                    ))
                    .await?;
                }
            }
        }
        db.execute_unprepared("DROP TABLE IF EXISTS stats_school_version")
            .await?;
        // Back to migration 24's one version (its table made afresh).
        version24::Migration.down(manager).await?;
        version24::Migration.up(manager).await
    }
}

async fn drop_version24_triggers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DbBackend::Postgres {
        for (table, _) in COUNTED {
            db.execute_unprepared(&format!(
                "DROP TRIGGER IF EXISTS stats_version_{table} ON {table}; \
                 DROP TRIGGER IF EXISTS stats_version_{table}_truncate ON {table}"
            ))
            .await?;
        }
        db.execute_unprepared("DROP FUNCTION IF EXISTS stats_version_bump()")
            .await?;
    } else {
        for (table, _) in COUNTED {
            for operation in OPERATIONS {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS stats_version_{table}_{operation}"
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// SQLite: one trigger per table and operation, in the writing transaction.
/// (SQLite drops a table's triggers when a later migration rebuilds the
/// table: such a migration must create these again; the test
/// `counseling::the_dashboards_remembered_figures_...` would fail.)
async fn sqlite_up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    // `SELECT ... WHERE ...` before `ON CONFLICT`: SQLite's upsert after a
    // select needs the `WHERE` to parse.
    let move_school = |select: &str| {
        format!(
            "INSERT INTO stats_school_version (school_id, n) {select} \
             ON CONFLICT (school_id) DO UPDATE SET n = n + 1;"
        )
    };
    let move_district = "UPDATE stats_version SET n = n + 1 WHERE id = 1;";
    for (table, columns) in COUNTED {
        let (insert, update, delete) = if table == "student" {
            let school = |row: &str| move_school(&format!("SELECT {row}.school_id, 1 WHERE true"));
            (
                format!("{} {move_district}", school("NEW")),
                format!(
                    "{} {} {move_district}",
                    school("OLD"),
                    move_school("SELECT NEW.school_id, 1 WHERE NEW.school_id IS NOT OLD.school_id")
                ),
                format!("{} {move_district}", school("OLD")),
            )
        } else {
            let school = |row: &str| {
                move_school(&format!(
                    "SELECT school_id, 1 FROM student WHERE id = {row}.student_id"
                ))
            };
            (
                school("NEW"),
                format!(
                    "{} {}",
                    school("OLD"),
                    move_school(
                        "SELECT school_id, 1 FROM student WHERE id = NEW.student_id \
                         AND NEW.student_id IS NOT OLD.student_id"
                    )
                ),
                school("OLD"),
            )
        };
        db.execute_unprepared(&format!(
            "CREATE TRIGGER stats_school_{table}_insert AFTER INSERT ON {table} \
             BEGIN {insert} END"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE TRIGGER stats_school_{table}_update AFTER UPDATE OF {} ON {table} \
             WHEN {} BEGIN {update} END",
            columns.join(", "),
            changed(columns, "IS NOT"),
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE TRIGGER stats_school_{table}_delete AFTER DELETE ON {table} \
             BEGIN {delete} END"
        ))
        .await?;
    }
    Ok(())
}

/// PostgreSQL: deferred constraint triggers, each version moved at most
/// once per transaction (a transaction-local setting remembers it moved;
/// a roster import writes thousands of rows).
async fn postgres_up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared(
        "CREATE FUNCTION stats_move_school(school integer) RETURNS void LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF school IS NOT NULL AND current_setting('stembridge.stats_school_' || school, true) \
              IS DISTINCT FROM 'yes' THEN \
             INSERT INTO stats_school_version (school_id, n) VALUES (school, 1) \
               ON CONFLICT (school_id) DO UPDATE SET n = stats_school_version.n + 1; \
             PERFORM set_config('stembridge.stats_school_' || school, 'yes', true); \
           END IF; \
         END $$",
    )
    .await?;
    db.execute_unprepared(
        "CREATE FUNCTION stats_move_district() RETURNS void LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF current_setting('stembridge.stats_district_moved', true) \
              IS DISTINCT FROM 'yes' THEN \
             UPDATE stats_version SET n = n + 1 WHERE id = 1; \
             PERFORM set_config('stembridge.stats_district_moved', 'yes', true); \
           END IF; \
         END $$",
    )
    .await?;
    // TRUNCATE (statement level, never deferred): every school moves.
    db.execute_unprepared(
        "CREATE FUNCTION stats_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           INSERT INTO stats_school_version (school_id, n) SELECT id, 1 FROM school \
             ON CONFLICT (school_id) DO UPDATE SET n = stats_school_version.n + 1; \
           UPDATE stats_version SET n = n + 1 WHERE id = 1; \
           RETURN NULL; \
         END $$",
    )
    .await?;
    for (table, columns) in COUNTED {
        let old = columns
            .iter()
            .map(|c| format!("OLD.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let new = old.replace("OLD.", "NEW.");
        let (of_new, of_old, district) = if table == "student" {
            (
                "NEW.school_id".to_owned(),
                "OLD.school_id".to_owned(),
                "PERFORM stats_move_district();",
            )
        } else {
            (
                "(SELECT school_id FROM student WHERE id = NEW.student_id)".to_owned(),
                "(SELECT school_id FROM student WHERE id = OLD.student_id)".to_owned(),
                "",
            )
        };
        // NEW and OLD are read only where the operation has them.
        db.execute_unprepared(&format!(
            "CREATE FUNCTION stats_moved_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'UPDATE' THEN \
                 IF ROW({old}) IS NOT DISTINCT FROM ROW({new}) THEN RETURN NULL; END IF; \
               END IF; \
               IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM stats_move_school({of_new}); END IF; \
               IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM stats_move_school({of_old}); END IF; \
               {district} \
               RETURN NULL; \
             END $$"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE CONSTRAINT TRIGGER stats_school_{table} \
             AFTER INSERT OR UPDATE OR DELETE ON {table} \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW \
             EXECUTE FUNCTION stats_moved_{table}()"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE TRIGGER stats_school_{table}_truncate AFTER TRUNCATE ON {table} \
             FOR EACH STATEMENT EXECUTE FUNCTION stats_truncated()"
        ))
        .await?;
    }
    Ok(())
}
