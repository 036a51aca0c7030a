//! A tower-sessions store over the application database, through the same
//! sea-orm pool: sessions survive restarts and are shared by every app process.
//! `create` inserts, `save` only updates, so nothing re-creates a deleted session.

use std::{
    collections::HashMap,
    sync::atomic::{AtomicI64, Ordering},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use entity::session;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};
use time::OffsetDateTime;
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store::{Error, Result},
};

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
    /// How long a session lasts without a request that writes it.
    idle: chrono::Duration,
}

impl DbSessionStore {
    /// A store whose rows expire `idle` after each write. The cookie is a
    /// browser-session cookie (`Expiry::OnSessionEnd`, no Max-Age: closing
    /// the browser on a shared school computer ends the sign-in), for which
    /// tower-sessions dates the record two weeks ahead; the store keeps the
    /// idle limit on the server instead, and `load` finds no expired row.
    /// The absolute limit is checked on every request (`LOGIN_AT`).
    pub fn new(db: DatabaseConnection, idle: chrono::Duration) -> Self {
        Self { db, idle }
    }

    fn row(&self, record: &Record) -> Result<session::ActiveModel> {
        let idle_ends = Utc::now() + self.idle;
        Ok(session::ActiveModel {
            id: Set(record.id.to_string()),
            data: Set(
                serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?
            ),
            expiry_date: Set(to_chrono(record.expiry_date).min(idle_ends)),
        })
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

/// The store's message for "the database cannot be reached": `AppError`
/// turns it into a 503 page instead of a 500.
pub const DATABASE_UNAVAILABLE: &str = "database unavailable";
/// The store's message for "the database has no room to write".
pub const STORAGE_FULL: &str = "database storage full";

/// When the store last met a full disk (Unix seconds): tower-sessions turns
/// a failed save into a bare 500, and the app's middleware asks this to
/// answer with the storage-full page instead.
static STORAGE_FULL_AT: AtomicI64 = AtomicI64::new(0);

/// Whether a session write failed for want of space in the last half minute.
pub fn storage_full_recently() -> bool {
    Utc::now().timestamp() - STORAGE_FULL_AT.load(Ordering::Relaxed) < 30
}

fn database(e: sea_orm::DbErr) -> Error {
    if crate::error::database_unavailable(&e) {
        Error::Backend(DATABASE_UNAVAILABLE.to_owned())
    } else if crate::error::storage_full(&e) {
        STORAGE_FULL_AT.store(Utc::now().timestamp(), Ordering::Relaxed);
        Error::Backend(STORAGE_FULL.to_owned())
    } else {
        backend(e)
    }
}

fn to_chrono(t: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or_default()
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // Always a fresh id: after `flush` (logout) tower-sessions keeps the
        // old id in the record, and the next write (the "logged out" flash)
        // would re-create the deleted session under it, where requests still
        // in flight would then save their logged-in data again.
        record.id = Id::default();
        // Ids are 128 random bits; a collision is all but impossible, but a new id
        // is drawn rather than overwriting someone else's session.
        loop {
            let inserted = session::Entity::insert(self.row(record)?)
                .on_conflict(
                    OnConflict::column(session::Column::Id)
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&self.db)
                .await
                .map_err(database)?;
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates the session's row, and only that: a session deleted meanwhile
    /// (logout in another tab while this request was in flight) stays deleted
    /// instead of being written back. New sessions go through `create`.
    ///
    /// On a full disk, a save that only pushes the expiry back or shows a
    /// flash message is let go: the session stays valid until its stored
    /// expiry, and people can go on reading pages while nothing can be
    /// written. Any other change (signing in or out) still fails.
    async fn save(&self, record: &Record) -> Result<()> {
        let row = self.row(record)?;
        let saved = session::Entity::update_many()
            .set(session::ActiveModel {
                data: row.data,
                expiry_date: row.expiry_date,
                ..Default::default()
            })
            .filter(session::Column::Id.eq(record.id.to_string()))
            .exec(&self.db)
            .await;
        match saved {
            Ok(_) => Ok(()),
            Err(e) if crate::error::storage_full(&e) => {
                let stored = self.load(&record.id).await?;
                let lasting = |data: &HashMap<String, serde_json::Value>| {
                    let mut data = data.clone();
                    data.remove(crate::auth::extractors::FLASH);
                    data
                };
                if stored.is_some_and(|stored| lasting(&stored.data) == lasting(&record.data)) {
                    Ok(())
                } else {
                    Err(database(e))
                }
            }
            Err(e) => Err(database(e)),
        }
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let row = session::Entity::find_by_id(id.to_string())
            .filter(session::Column::ExpiryDate.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(database)?;
        let Some(row) = row else { return Ok(None) };
        let expiry_date =
            OffsetDateTime::from_unix_timestamp(row.expiry_date.timestamp()).map_err(backend)?;
        let data = serde_json::from_str(&row.data).map_err(|e| Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        session::Entity::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(database)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> Result<()> {
        session::Entity::delete_many()
            .filter(session::Column::ExpiryDate.lte(Utc::now()))
            .exec(&self.db)
            .await
            .map_err(database)?;
        Ok(())
    }
}
