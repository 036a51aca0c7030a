//! A version of the data the counselor dashboard counts (issue 16): every
//! insert, update and delete of a student, application, placement or
//! belonging answer moves it, whatever code path writes (the triggers are
//! in the database, so no write can forget). The dashboard remembers a
//! scope's computed figures for as long as this version stays the same
//! (`stembridge::counseling::remembered`).
//!
//! The version is one row, `stats_version.n`, so a reader sees it in the
//! same snapshot as the rows it counts. SQLite moves it by a trigger in the
//! writing transaction (one writer at a time: never contended). PostgreSQL
//! moves it once per writing transaction by a deferred constraint trigger,
//! as the transaction commits: the row is locked only from then until the
//! commit ends, always as the transaction's last lock (no deadlock), and
//! writers, all `READ COMMITTED`, wait on each other only for that instant.

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
        db.execute_unprepared(
            "CREATE TABLE stats_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO stats_version (id, n) VALUES (1, 0)")
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            // Once per transaction (a roster import writes thousands of rows):
            // a transaction-local setting remembers that it moved already.
            db.execute_unprepared(
                "CREATE FUNCTION stats_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   IF current_setting('stembridge.stats_version_moved', true) \
                      IS DISTINCT FROM 'yes' THEN \
                     UPDATE stats_version SET n = n + 1 WHERE id = 1; \
                     PERFORM set_config('stembridge.stats_version_moved', 'yes', true); \
                   END IF; \
                   RETURN NULL; \
                 END $$",
            )
            .await?;
            for table in TABLES {
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
        }
        db.execute_unprepared("DROP TABLE IF EXISTS stats_version")
            .await?;
        Ok(())
    }
}
