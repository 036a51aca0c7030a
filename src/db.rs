//! Database connection and transactions (and, once connected, bringing
//! stored token digests to the keyed scheme); the one way a service fetches
//! a row it was told about, makes a conditional update that must win, or
//! turns a unique index refusing a row into a conflict told to the person.
//!
//! SQLite runs in WAL mode with foreign keys on. Write transactions start with
//! `BEGIN IMMEDIATE` so that two requests never both read under a shared lock
//! and then deadlock on the upgrade ("database is locked"): the second writer
//! waits on the busy timeout instead.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    AccessMode, ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, IsolationLevel, SqliteTransactionMode, TransactionOptions, TransactionTrait,
    sqlx::{
        Connection,
        sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqliteSynchronous},
    },
};

use crate::{
    config::Config,
    error::{AppError, AppResult},
};

/// Connects to the configured database (creating the SQLite file and its
/// directory when needed) and applies pending migrations.
pub async fn connect_and_migrate(config: &Config) -> anyhow::Result<DatabaseConnection> {
    // Every subcommand comes through here, and each may digest a token
    // (and mail a calendar file, which names the site's zone).
    crate::tokens::init(config)?;
    crate::format::init_zone(config.time_zone.as_deref());
    // Migrations that seal stored secrets need the key the line above installed.
    crate::sealed::install_for_migrations();
    let url = config.database_url();
    if url.starts_with("sqlite:") && config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(config.db_max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(tune_sqlite)
        .map_sqlx_sqlite_pool_opts(|pool| {
            pool.after_release(|conn, _| Box::pin(discard_if_stuck(conn)))
        });
    let db = Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    crate::tokens::upgrade_stored_digests(&db).await?;
    let keyed = crate::organizations::lookalikes::refresh_keys(&db).await?;
    if keyed > 0 {
        tracing::info!(keyed, "computed the comparison keys of older organizations");
    }
    let sealed = crate::mail::outbox::seal_waiting(&db).await?;
    if sealed > 0 {
        tracing::info!(sealed, "sealed the bodies of mail queued before sealing");
    }
    Ok(db)
}

fn tune_sqlite(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit is on disk before it is acknowledged. NORMAL can lose
        // the last commits on power loss, and these rows are guardian consent
        // and hours a student will be credited for.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
}

/// SQLite may roll a transaction back by itself (a full disk): sqlx then
/// still counts it open, its ROLLBACK fails, and the connection's next
/// transaction would be a savepoint that never ends, holding the write lock
/// for good. A connection still in a transaction once released is closed,
/// not reused (the ping first lets a queued rollback run).
async fn discard_if_stuck(conn: &mut SqliteConnection) -> Result<bool, sea_orm::sqlx::Error> {
    conn.ping().await?;
    Ok(!conn.is_in_transaction())
}

/// Begins a transaction that will write: `BEGIN IMMEDIATE` on SQLite, a plain
/// `BEGIN` elsewhere (PostgreSQL uses row locks taken by the statements).
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let mut options = TransactionOptions::default();
    if db.get_database_backend() == DbBackend::Sqlite {
        options.sqlite_transaction_mode = Some(SqliteTransactionMode::Immediate);
    }
    db.begin_with_options(options).await
}

/// Begins a read-only transaction that sees one snapshot for all its
/// statements: a page whose figures take several queries (groups, then the
/// list they filter) never mixes two states of the data. PostgreSQL needs
/// `REPEATABLE READ` for that (each statement of a `READ COMMITTED`
/// transaction sees its own snapshot); SQLite's deferred `BEGIN` in WAL mode
/// keeps its first read's snapshot until it ends.
pub async fn begin_read(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let mut options = TransactionOptions::default();
    if db.get_database_backend() == DbBackend::Postgres {
        options.isolation_level = Some(IsolationLevel::RepeatableRead);
        options.access_mode = Some(AccessMode::ReadOnly);
    }
    db.begin_with_options(options).await
}

/// The row of `E` with primary key `id`, or "not found" (404): the one way a
/// service fetches a row it was told about.
pub async fn found<E: sea_orm::EntityTrait>(
    db: &impl sea_orm::ConnectionTrait,
    id: impl Into<<E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType>,
) -> crate::error::AppResult<E::Model> {
    use crate::error::OrNotFound;
    E::find_by_id(id).one(db).await?.or_not_found()
}

/// Runs `update`, whose filter lets it change a row only while the row is
/// still as the caller found it ("only while still pending"): when it changed
/// nothing, another request got there first, and the answer is `lost()`.
pub async fn update_once<E: sea_orm::EntityTrait>(
    db: &impl sea_orm::ConnectionTrait,
    update: sea_orm::UpdateMany<E>,
    lost: impl FnOnce() -> crate::error::AppError,
) -> crate::error::AppResult<()> {
    if update.exec(db).await?.rows_affected == 0 {
        return Err(lost());
    }
    Ok(())
}

/// True when `error` is a unique index refusing a row: another request (a
/// second tab, a colleague, a roster import) wrote the same key first.
pub fn unique_violation(error: &DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// The one way a write that a unique index may refuse says so: two requests
/// at once both find the key free (PostgreSQL reads do not wait for each
/// other), and the index lets one insert. The other answers `conflict()`, a
/// 4xx in the reader's language, instead of a server error; its transaction,
/// dropped by its owner, writes nothing (on PostgreSQL it is aborted anyway).
pub trait OrConflict<T> {
    fn or_conflict(self, conflict: impl FnOnce() -> AppError) -> AppResult<T>;
}

impl<T> OrConflict<T> for Result<T, DbErr> {
    fn or_conflict(self, conflict: impl FnOnce() -> AppError) -> AppResult<T> {
        self.map_err(|error| {
            if unique_violation(&error) {
                conflict()
            } else {
                error.into()
            }
        })
    }
}

impl<T> OrConflict<T> for AppResult<T> {
    fn or_conflict(self, conflict: impl FnOnce() -> AppError) -> AppResult<T> {
        match self {
            Err(AppError::Database(error)) if unique_violation(&error) => Err(conflict()),
            other => other,
        }
    }
}

/// The value of the `server_state` row `name`, if there is one.
pub async fn state(
    db: &impl sea_orm::ConnectionTrait,
    name: &str,
) -> crate::error::AppResult<Option<String>> {
    use sea_orm::EntityTrait;
    Ok(entity::server_state::Entity::find_by_id(name.to_owned())
        .one(db)
        .await?
        .map(|row| row.value))
}

/// Writes the `server_state` row `name` (inserted, or replaced).
pub async fn set_state(
    db: &impl sea_orm::ConnectionTrait,
    name: &str,
    value: &str,
) -> crate::error::AppResult<()> {
    use entity::server_state;
    use sea_orm::{ActiveValue::Set, EntityTrait, sea_query::OnConflict};
    server_state::Entity::insert(server_state::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(value.to_owned()),
        updated_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::column(server_state::Column::Name)
            .update_columns([server_state::Column::Value, server_state::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
