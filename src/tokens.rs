//! Random secrets for links and forms, and the digests we store instead of
//! them; how a table of single-use links (`LinkTable`) retires, opens and
//! spends them.
//!
//! A stored digest is HMAC-SHA256, keyed with the server secret, of the
//! secret's plain SHA-256: a leaked database alone cannot be brute-forced
//! offline (a claim code has about 59 bits), and digests stored before the key
//! existed (plain SHA-256) are upgraded in place at start-up, since the inner
//! hash is exactly what they hold.

use std::{io::Write, path::Path, sync::OnceLock};

use anyhow::Context;
use chrono::{DateTime, Utc};
use entity::server_state;
use hmac::{Hmac, KeyInit, Mac};
use rand::{Rng, distr::Alphanumeric};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait,
    QueryFilter, QuerySelect,
    sea_query::{Alias, Expr, OnConflict, Query},
};
use sha2::{Digest, Sha256};

use crate::{
    config::Config,
    error::{AppError, AppResult, OrNotFound},
};

/// The shortest `SECRET_KEY` accepted.
pub const MIN_KEY_LENGTH: usize = 32;
/// The file under DATA_DIR holding a generated key.
pub const KEY_FILE: &str = "secret_key";

/// The server secret of this process (one instance per process).
static KEY: OnceLock<Vec<u8>> = OnceLock::new();

/// A random URL-safe token of `length` characters (about 5.95 bits each).
pub fn random(length: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(length)
        .map(char::from)
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex plain SHA-256: the inner hash, and all that was stored before the key.
pub fn sha256_hex(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn keyed(key: &[u8], message: &str) -> String {
    // HMAC takes a key of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn key() -> &'static [u8] {
    KEY.get()
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("tokens::init must run at start-up, before any digest"))
}

/// A 256-bit key for one `purpose`, derived from the server secret (HMAC as
/// a PRF, as HKDF's expand step does): each use of the secret gets a key of
/// its own, and none is the secret itself.
pub fn derived_key(purpose: &str) -> [u8; 32] {
    derive(key(), purpose)
}

fn derive(key: &[u8], purpose: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(b"stembridge derived key: ");
    mac.update(purpose.as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

/// The digest stored for a secret: a database leak leaks neither the secret
/// nor, without the server key, a way to test guesses against it.
pub fn digest(secret: &str) -> String {
    keyed(key(), &sha256_hex(secret))
}

/// A signature of `message` with the server key, for links that say what
/// they act on (an unsubscribe link names its recipient and the kind of
/// mail): nothing is stored, only this server can make one, and the
/// `signed:` prefix keeps it apart from every stored digest (whose input is
/// hex).
pub fn sign(message: &str) -> String {
    keyed(key(), &format!("signed:{message}"))
}

/// Whether `signature` is [`sign`]'s for `message` (in constant time).
pub fn verify(message: &str, signature: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(sign(message).as_bytes().ct_eq(signature.as_bytes()))
}

/// Resolves the server secret (`SECRET_KEY`, else DATA_DIR/secret_key, made
/// on first start) and installs it for [`digest`].
pub fn init(config: &Config) -> anyhow::Result<()> {
    // An empty SECRET_KEY (`SECRET_KEY=` in a compose file) means unset.
    let key = match config.secret_key.as_deref().map(str::trim) {
        Some(key) if !key.is_empty() => key.to_owned(),
        _ => key_file(&config.data_dir.join(KEY_FILE))?,
    };
    install(&key)
}

/// Installs the key; a second, different key in the same process is refused
/// (every digest already handed out would stop matching).
pub fn install(key: &str) -> anyhow::Result<()> {
    let key = key.trim();
    if key.len() < MIN_KEY_LENGTH {
        anyhow::bail!("SECRET_KEY must be at least {MIN_KEY_LENGTH} characters long");
    }
    let installed = KEY.get_or_init(|| key.as_bytes().to_vec());
    if installed.as_slice() != key.as_bytes() {
        anyhow::bail!("this process already uses another SECRET_KEY");
    }
    Ok(())
}

/// Reads the generated key, or creates it: 256 random bits in hex, in a file
/// only the server's user can read (mode 0600).
pub fn key_file(path: &Path) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        return Ok(existing.trim().to_owned());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let key = hex(&rand::rng().random::<[u8; 32]>());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(key.as_bytes())
                .and_then(|()| file.sync_all())
                .with_context(|| format!("writing {}", path.display()))?;
            tracing::info!(path = %path.display(), "generated the server secret");
            Ok(key)
        }
        // Another process made it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Ok(std::fs::read_to_string(path)?.trim().to_owned())
        }
        Err(e) => Err(e).with_context(|| format!("creating {}", path.display())),
    }
}

/// The columns of a table of single-use links to an account
/// (`email_confirmation`, `password_reset`): the one way each retires,
/// opens and spends its links, which are stored as [`digest`]s.
#[derive(Debug, Clone, Copy)]
pub struct LinkTable<C> {
    pub user_id: C,
    pub token_hash: C,
    pub used_at: C,
    pub expires_at: C,
}

impl<C: ColumnTrait> LinkTable<C> {
    /// Retires the unused links of `user_id`, as a new one is issued: only
    /// the newest works.
    pub async fn retire<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
        user_id: i32,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        E::update_many()
            .col_expr(self.used_at, Expr::value(now))
            .filter(self.user_id.eq(user_id))
            .filter(self.used_at.is_null())
            .exec(db)
            .await?;
        Ok(())
    }

    /// The link `token` while it works at `now`: unused and not expired.
    fn live(self, token: &str, now: DateTime<Utc>) -> Condition {
        Condition::all()
            .add(self.token_hash.eq(digest(token)))
            .add(self.used_at.is_null())
            .add(self.expires_at.gt(now))
    }

    /// The account a working link is for; "not found" for a used, expired
    /// or unknown link.
    pub async fn open<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
        token: &str,
    ) -> AppResult<i32> {
        E::find()
            .select_only()
            .column(self.user_id)
            .filter(self.live(token, Utc::now()))
            .into_tuple::<i32>()
            .one(db)
            .await?
            .or_not_found()
    }

    /// Spends a working link, once: a conditional update, so two uses at
    /// once spend it once; "not found" when it no longer works.
    pub async fn spend<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
        token: &str,
    ) -> AppResult<()> {
        let now = Utc::now();
        let update = E::update_many()
            .col_expr(self.used_at, Expr::value(now))
            .filter(self.live(token, now));
        crate::db::update_once(db, update, || AppError::NotFound).await
    }
}

const SCHEME: &str = "digest_scheme";
const SCHEME_VALUE: &str = "hmac-sha256(sha256)";
const KEY_CHECK: &str = "key_check";

/// Brings stored digests to the keyed scheme, once per database: the first
/// start after this change rewrites each plain SHA-256 digest as its HMAC. A
/// marker row, inserted first in the same transaction, makes it run once even
/// when two servers start together. Warns when the key changed since.
pub async fn upgrade_stored_digests(db: &DatabaseConnection) -> anyhow::Result<()> {
    let check = keyed(key(), "stembridge key check");
    let txn = crate::db::begin_write(db).await?;
    let now = Utc::now();
    let inserted = server_state::Entity::insert(server_state::ActiveModel {
        name: Set(SCHEME.into()),
        value: Set(SCHEME_VALUE.into()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(server_state::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if inserted == 0 {
        let stored = server_state::Entity::find_by_id(KEY_CHECK.to_owned())
            .one(&txn)
            .await?;
        txn.commit().await?;
        if stored.is_some_and(|row| row.value != check) {
            tracing::warn!(
                "SECRET_KEY differs from the one this database was used with: \
                 claim codes, invites and consent links issued before no longer work"
            );
        }
        return Ok(());
    }
    let upgraded = rehash_all(&txn).await?;
    server_state::Entity::insert(server_state::ActiveModel {
        name: Set(KEY_CHECK.into()),
        value: Set(check),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    if upgraded > 0 {
        tracing::info!(
            upgraded,
            "stored token digests now keyed with the server secret"
        );
    }
    Ok(())
}

/// Every column holding digests made by [`digest`], as (table, column); each
/// table has an integer `id`. A new kind of stored token belongs here.
pub const DIGEST_COLUMNS: [(&str, &str); 7] = [
    ("student", "claim_code_hash"),
    ("placement", "consent_token_hash"),
    ("consent_request", "token_hash"),
    ("organization_invite", "token_hash"),
    ("password_reset", "token_hash"),
    ("mfa_recovery_code", "code_hash"),
    ("email_confirmation", "token_hash"),
];

/// Rewrites every stored digest `d` as `HMAC(key, d)`.
async fn rehash_all(db: &impl ConnectionTrait) -> anyhow::Result<usize> {
    let key = key();
    let backend = db.get_database_backend();
    let mut count = 0;
    for (table, column) in DIGEST_COLUMNS {
        let select = Query::select()
            .column(Alias::new("id"))
            .column(Alias::new(column))
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new(column)).is_not_null())
            .to_owned();
        for row in db.query_all_raw(backend.build(&select)).await? {
            let id: i32 = row.try_get("", "id")?;
            let old: String = row.try_get("", column)?;
            let update = Query::update()
                .table(Alias::new(table))
                .value(Alias::new(column), keyed(key, &old))
                .and_where(Expr::col(Alias::new("id")).eq(id))
                .to_owned();
            db.execute_raw(backend.build(&update)).await?;
            count += 1;
        }
    }
    Ok(count)
}

/// The plain SHA-256 digest stored before the server secret (tests build old
/// databases with it).
pub fn legacy_digest(secret: &str) -> String {
    sha256_hex(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyed_digest_of_a_legacy_digest_is_the_digest_of_the_secret() {
        let key = b"0123456789abcdef0123456789abcdef";
        assert_eq!(
            keyed(key, &legacy_digest("ABCD")),
            keyed(key, &sha256_hex("ABCD"))
        );
        assert_ne!(
            keyed(key, "x"),
            keyed(b"another key, just as long as that", "x")
        );
        assert_eq!(keyed(key, "x").len(), 64);
    }

    #[test]
    fn derived_keys_differ_by_purpose_and_by_secret() {
        let key = b"0123456789abcdef0123456789abcdef";
        assert_eq!(derive(key, "a"), derive(key, "a"));
        assert_ne!(derive(key, "a"), derive(key, "b"));
        assert_ne!(
            derive(key, "a"),
            derive(b"another key, just as long as that", "a")
        );
    }

    #[test]
    fn a_generated_key_file_is_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join(KEY_FILE);
        let first = key_file(&path).unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(key_file(&path).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
