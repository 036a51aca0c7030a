//! The embedded engine serves one process: `serve` takes an advisory lock
//! on DATA_DIR/search-index.lock before it opens the index, and a second
//! server on the same DATA_DIR stops at start-up with a message saying
//! what to do instead (Meilisearch, for several app servers), rather than
//! fight over tantivy's writer lock or rebuild the index under the first.
//! The operating system drops the lock when the process ends, crash included.

use std::{
    fs::{File, TryLockError},
    io::Write,
    path::{Path, PathBuf},
};

/// Held while a server uses the embedded index; dropping it lets go.
#[derive(Debug)]
pub struct IndexLock {
    _file: File,
}

/// The lock file of the index under `data_dir` (beside it, not in it: the
/// index directory is deleted and made again when its schema changes).
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("search-index.lock")
}

impl IndexLock {
    /// Takes the lock of the embedded index under `data_dir`, or explains
    /// why this server cannot start.
    pub fn take(data_dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(data_dir)?;
        let path = path(data_dir);
        let mut file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => anyhow::bail!(
                "another STEMbridge server already uses the embedded search index in {} \
                 ({} is locked). The embedded engine serves one process only: to run \
                 several app servers, give them one PostgreSQL database (DATABASE_URL) and \
                 one Meilisearch server (MEILI_URL); to run one, stop the other first.",
                data_dir.display(),
                path.display()
            ),
            Err(TryLockError::Error(error)) => {
                return Err(
                    anyhow::Error::new(error).context(format!("could not lock {}", path.display()))
                );
            }
        }
        // Who holds it, for whoever looks at the file.
        file.set_len(0)?;
        writeln!(file, "{}", crate::jobs::holder())?;
        Ok(Self { _file: file })
    }
}
