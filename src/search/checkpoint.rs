//! Durability of the embedded index, split as Elasticsearch splits refresh
//! from flush. A commit (what makes a change searchable) writes its files
//! without syncing them to disk; a checkpoint every few seconds syncs the
//! whole index directory. The search outbox is the translog: a row is marked
//! done only after its change was committed, so after a power failure the
//! rows marked done since the last checkpoint are applied again.
//!
//! Why this is safe: the index is derived data. A process crash loses
//! nothing (written files sit in the operating system's cache); only a
//! power failure or a kernel crash can lose commits made after the last
//! checkpoint, and a marker tells start-up so. Start-up then checks the
//! files (a torn index is rebuilt from the database) and marks the rows
//! done since the marker's time as not done, so the worker re-applies them
//! (an upsert by posting id or a delete: applying twice changes nothing).
//!
//! The marker, `unsynced` in the index directory, is put on disk before the
//! first commit after a checkpoint and holds that moment; the next
//! checkpoint syncs every file and removes it. Every row marked done before
//! that moment was applied by an earlier commit, which the checkpoint
//! before synced. (A time, not the highest outbox id done: rows finish out
//! of id order, a retried one late, and PostgreSQL ids become visible out
//! of order.)

use std::{
    fs::File,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
};

use chrono::{DateTime, Utc};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
    error::{DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError},
};

/// Present while commits since the time it holds may not be on disk.
const UNSYNCED: &str = "unsynced";

/// `MmapDirectory` without its syncs: files are written and closed, and
/// `meta.json` is replaced through a temporary file and a rename (so a
/// reader never sees half of it), but nothing waits for the disk. Reading,
/// locking and watching for commits are `MmapDirectory`'s own.
#[derive(Clone, Debug)]
pub struct UnsyncedDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl UnsyncedDirectory {
    pub fn open(root: &Path) -> Result<Self, OpenDirectoryError> {
        Ok(Self {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// A new file of the index, written and closed; synced at the next checkpoint.
struct UnsyncedFile(File);

impl Write for UnsyncedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl TerminatingWrite for UnsyncedFile {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
    }
}

impl Directory for UnsyncedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(self.root.join(path))
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OpenWriteError::FileAlreadyExists(path.into()),
                _ => OpenWriteError::wrap_io_error(e, path.into()),
            })?;
        Ok(io::BufWriter::new(Box::new(UnsyncedFile(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        replace(&self.root.join(path), data, false)
    }

    fn sync_directory(&self) -> io::Result<()> {
        // Left to the checkpoint.
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Replaces `path` with `data` through a temporary file beside it and a
/// rename; with `durable`, the data and the rename are on disk on return.
fn replace(path: &Path, data: &[u8], durable: bool) -> io::Result<()> {
    // Unique per call: two replacements of one file never share a temporary.
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut temporary = name.to_os_string();
    temporary.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temporary = path.with_file_name(temporary);
    let written = File::create(&temporary).and_then(|mut file| {
        file.write_all(data)?;
        if durable {
            file.sync_data()?;
        }
        Ok(())
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        // A full disk, say: leave no half-written temporary behind.
        let _ = std::fs::remove_file(&temporary);
        return Err(e);
    }
    if durable && let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

fn sync_dir(directory: &Path) -> io::Result<()> {
    // Linux syncs a directory through a read-only handle.
    File::open(directory)?.sync_all()
}

/// Syncs every file of `directory`, then the directory itself (the names).
fn sync_all(directory: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(directory)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        match File::open(entry.path()).and_then(|file| file.sync_all()) {
            // Deleted since the listing (a merge's leftovers): nothing to keep.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    sync_dir(directory)
}

/// What start-up finds in an index directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Everything committed is on disk.
    Synced,
    /// Commits since this time may be lost.
    UnsyncedSince(DateTime<Utc>),
}

/// The checkpoint state of one index directory. Its writers (commits and
/// checkpoints) run one at a time, under the engine's write lock.
#[derive(Debug)]
pub struct Durability {
    root: PathBuf,
    /// The marker exists.
    dirty: AtomicBool,
}

impl Durability {
    /// Reads what the last run left in `root`; an unreadable marker is an error.
    pub fn open(root: &Path) -> io::Result<(Self, Found)> {
        let found = match std::fs::read_to_string(root.join(UNSYNCED)) {
            Ok(text) => {
                let since = DateTime::parse_from_rfc3339(text.trim())
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                Found::UnsyncedSince(since.with_timezone(&Utc))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Found::Synced,
            Err(e) => return Err(e),
        };
        let durability = Self {
            root: root.to_path_buf(),
            dirty: AtomicBool::new(found != Found::Synced),
        };
        Ok((durability, found))
    }

    /// Call before each commit: the first one after a checkpoint first puts
    /// the marker on disk, so a commit is never lost unannounced.
    pub fn before_commit(&self) -> io::Result<()> {
        if self.dirty.load(Ordering::Acquire) {
            return Ok(());
        }
        let now = Utc::now().to_rfc3339();
        replace(&self.root.join(UNSYNCED), now.as_bytes(), true)?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }

    /// Puts every commit made so far on disk, when there is any; returns
    /// whether it did.
    pub fn checkpoint(&self) -> io::Result<bool> {
        if !self.dirty.load(Ordering::Acquire) {
            return Ok(false);
        }
        sync_all(&self.root)?;
        // A removal lost to a power failure only applies a few changes twice.
        std::fs::remove_file(self.root.join(UNSYNCED))?;
        self.dirty.store(false, Ordering::Release);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn files(root: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_written_file_reads_back_and_cannot_be_written_twice() {
        let root = tempfile::tempdir().expect("temp dir");
        let directory = UnsyncedDirectory::open(root.path()).expect("open");
        let path = Path::new("segment.idx");
        let mut writer = directory.open_write(path).expect("open for writing");
        writer.write_all(b"postings").expect("write");
        writer.terminate().expect("terminate");
        let read = directory.open_read(path).expect("read");
        assert_eq!(read.read_bytes().expect("bytes").as_slice(), b"postings");
        assert!(directory.exists(path).expect("exists"));
        assert!(matches!(
            directory.open_write(path),
            Err(OpenWriteError::FileAlreadyExists(_))
        ));
        directory.delete(path).expect("delete");
        assert!(!directory.exists(path).expect("exists"));
    }

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let root = tempfile::tempdir().expect("temp dir");
        let directory = UnsyncedDirectory::open(root.path()).expect("open");
        let path = Path::new("meta.json");
        directory
            .atomic_write(path, b"first version")
            .expect("write");
        directory.atomic_write(path, b"second").expect("rewrite");
        assert_eq!(directory.atomic_read(path).expect("read"), b"second");
        assert_eq!(files(root.path()), ["meta.json"]);
    }

    #[test]
    fn the_marker_holds_when_the_first_unsynced_commit_began_until_a_checkpoint() {
        let root = tempfile::tempdir().expect("temp dir");
        let (durability, found) = Durability::open(root.path()).expect("open");
        assert_eq!(found, Found::Synced);
        // Nothing committed: nothing to sync.
        assert!(!durability.checkpoint().expect("checkpoint"));

        let before = Utc::now();
        durability.before_commit().expect("marker");
        let (_, found) = Durability::open(root.path()).expect("reopen");
        let Found::UnsyncedSince(since) = found else {
            panic!("expected the marker's time, found {found:?}");
        };
        assert!(since >= before && since <= Utc::now());
        // Later commits keep the first one's time.
        durability.before_commit().expect("marker again");
        let (_, again) = Durability::open(root.path()).expect("reopen");
        assert_eq!(again, found);
        assert_eq!(files(root.path()), ["unsynced"]);

        assert!(durability.checkpoint().expect("checkpoint"));
        assert!(files(root.path()).is_empty());
        let (_, found) = Durability::open(root.path()).expect("reopen");
        assert_eq!(found, Found::Synced);
    }

    #[test]
    fn an_unreadable_marker_is_an_error_not_a_clean_index() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::write(root.path().join(UNSYNCED), "").expect("write");
        assert!(Durability::open(root.path()).is_err());
    }
}
