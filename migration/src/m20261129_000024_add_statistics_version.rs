//! A version of the data the counselor dashboard counts (issue 16): every
//! insert, update and delete of a student, application, placement or
//! belonging answer moves it, whatever code path writes (the triggers are
//! in the database, so no write can forget). The dashboard remembers a
//! scope's computed figures for as long as this version stays the same
//! (`stembridge::counseling::remembered`).
//!
//! SQLite: one row, `stats_version.n`, moved by a trigger in the writing
//! transaction (SQLite has one writer at a time, so the row is never
//! contended). PostgreSQL: a sequence, `stats_version_seq`, moved by a
//! deferred constraint trigger just before the writing transaction commits
//! (`nextval` takes no lock, so concurrent writers never wait on each other
//! and never see a serialization failure because of it).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows the dashboard counts. A school's name is part of
/// what the dashboard remembers a scope by, so `school` needs no trigger.
const TABLES: [&str; 4] = ["student", "application", "placement", "belonging_response"];

const OPERATIONS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("CREATE SEQUENCE stats_version_seq")
                .await?;
            db.execute_unprepared(
                "CREATE FUNCTION stats_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN PERFORM nextval('stats_version_seq'); RETURN NULL; END $$",
            )
            .await?;
            for table in TABLES {
                // Deferred: the version moves as the transaction commits, so
                // a reader that sees the new version almost always sees the
                // new rows too (see `remembered` for the rare exception).
                db.execute_unprepared(&format!(
                    "CREATE CONSTRAINT TRIGGER stats_version_{table} \
                     AFTER INSERT OR UPDATE OR DELETE ON {table} \
                     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW \
                     EXECUTE FUNCTION stats_version_bump()"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER stats_version_{table}_truncate AFTER TRUNCATE ON {table} \
                     FOR EACH STATEMENT EXECUTE FUNCTION stats_version_bump()"
                ))
                .await?;
            }
        } else {
            db.execute_unprepared(
                "CREATE TABLE stats_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
            )
            .await?;
            db.execute_unprepared("INSERT INTO stats_version (id, n) VALUES (1, 0)")
                .await?;
            // SQLite drops a table's triggers when a later migration rebuilds
            // the table: such a migration must create these again (the test
            // `counseling::the_dashboards_remembered_figures_...` would fail).
            for table in TABLES {
                for operation in OPERATIONS {
                    let name = operation.to_lowercase();
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER stats_version_{table}_{name} AFTER {operation} ON {table} \
                         BEGIN UPDATE stats_version SET n = n + 1 WHERE id = 1; END"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            for table in TABLES {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS stats_version_{table} ON {table}"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS stats_version_{table}_truncate ON {table}"
                ))
                .await?;
            }
            db.execute_unprepared("DROP FUNCTION IF EXISTS stats_version_bump()")
                .await?;
            db.execute_unprepared("DROP SEQUENCE IF EXISTS stats_version_seq")
                .await?;
        } else {
            for table in TABLES {
                for operation in OPERATIONS {
                    let name = operation.to_lowercase();
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS stats_version_{table}_{name}"
                    ))
                    .await?;
                }
            }
            db.execute_unprepared("DROP TABLE IF EXISTS stats_version")
                .await?;
        }
        Ok(())
    }
}
