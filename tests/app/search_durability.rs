//! The embedded index after a power failure: its commits skip the disk and
//! a checkpoint syncs them every few seconds, so a power failure can take
//! back the commits made since. These tests leave the index directory as
//! such a failure would and start the app again on it.

use std::path::{Path, PathBuf};

use stembridge::search::{SearchEngine, embedded::EmbeddedEngine};

use crate::helpers::{TestApp, backends, posting};

/// The marker the engine keeps while commits are not on disk yet.
const UNSYNCED: &str = "unsynced";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn index_dir(app: &TestApp) -> PathBuf {
    EmbeddedEngine::directory(&app.config.data_dir)
}

/// An app whose index guard stays out of the way: what the test sees is
/// start-up's doing.
async fn spawn(backend: crate::helpers::Backend) -> TestApp {
    TestApp::spawn_with(backend, |c| c.search_check_seconds = 3600).await
}

/// Stops the app as a power failure would: no last checkpoint.
async fn pull_the_plug(app: &TestApp) {
    app.running.stop();
    // Let aborted tasks drop what they hold.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
}

#[tokio::test]
async fn a_publish_whose_commit_a_power_failure_took_back_is_searchable_again_after_start_up() {
    for backend in backends() {
        let mut app = spawn(backend).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let synced = app
            .published(&employer, &posting(&[("title", "Robotics lab intern")]))
            .await;
        app.running.state.search.checkpoint().await.unwrap();
        let at_checkpoint = tempfile::tempdir().unwrap();
        copy_dir(&index_dir(&app), at_checkpoint.path());
        assert!(
            !at_checkpoint.path().join(UNSYNCED).exists(),
            "a checkpoint leaves everything on disk"
        );

        let lost = app
            .published(&employer, &posting(&[("title", "Water quality shadow")]))
            .await;
        assert!(
            index_dir(&app).join(UNSYNCED).exists(),
            "a commit after the checkpoint is announced on disk"
        );

        // The disk as the power failure left it: the checkpoint's files,
        // and the marker, which was synced before the lost commit.
        pull_the_plug(&app).await;
        let marker = std::fs::read(index_dir(&app).join(UNSYNCED)).unwrap();
        std::fs::remove_dir_all(index_dir(&app)).unwrap();
        copy_dir(at_checkpoint.path(), &index_dir(&app));
        std::fs::write(index_dir(&app).join(UNSYNCED), marker).unwrap();
        let plain_copy = tempfile::tempdir().unwrap();
        copy_dir(at_checkpoint.path(), plain_copy.path());
        let lost_state = EmbeddedEngine::open(plain_copy.path()).unwrap();
        assert_eq!(
            lost_state.document_count().await.unwrap(),
            1,
            "the second posting is gone from the index on disk"
        );

        app.restart().await;
        app.wait_for_search().await;
        let mut found = app.api_ids("per_page=50").await;
        found.sort_unstable();
        assert_eq!(found, vec![i64::from(synced), i64::from(lost)]);
        assert_eq!(
            app.api_ids("q=water").await,
            vec![i64::from(lost)],
            "applied again at start-up"
        );

        // The next checkpoint covers the replay and clears the marker.
        app.running.state.search.checkpoint().await.unwrap();
        assert!(!index_dir(&app).join(UNSYNCED).exists());
    }
}

#[tokio::test]
async fn an_index_a_power_failure_tore_is_rebuilt_from_the_database_at_start_up() {
    for backend in backends() {
        let mut app = spawn(backend).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let mut open = Vec::new();
        for title in ["Robotics lab intern", "Water quality shadow"] {
            let id = app
                .published(&employer, &posting(&[("title", title)]))
                .await;
            open.push(i64::from(id));
        }
        pull_the_plug(&app).await;
        // Segment files cut short, as unsynced data can be after a failure.
        let index = index_dir(&app);
        for entry in std::fs::read_dir(&index).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.len() > 30 && !name.starts_with('.') {
                let length = std::fs::metadata(&path).unwrap().len();
                let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
                file.set_len(length / 2).unwrap();
            }
        }
        assert!(index.join(UNSYNCED).exists());

        app.restart().await;
        app.wait_for_search().await;
        let mut found = app.api_ids("per_page=50").await;
        found.sort_unstable();
        assert_eq!(found, open, "rebuilt from the database");
        assert_eq!(app.api("per_page=50").await["engine"], "embedded");
    }
}
