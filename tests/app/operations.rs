//! Running the service: the container health check asks the real server.

use reqwest::StatusCode;

use crate::helpers::{Backend, TestApp, posting};

#[tokio::test]
async fn the_health_check_passes_only_while_the_server_answers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut config = app.config.clone();
    config.bind = app.running.address;
    stembridge::cli::healthcheck(&config).await.unwrap();

    app.running.stop();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(stembridge::cli::healthcheck(&config).await.is_err());
}

#[tokio::test]
async fn readiness_reports_the_database_the_engine_and_the_outboxes() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let ready: serde_json::Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["ready"], true);
    assert_eq!(ready["database"], "ok");
    assert_eq!(ready["search_engine"]["kind"], "embedded");
    assert_eq!(ready["search_engine"]["status"], "ok");
    assert!(ready["search_outbox"]["pending"].is_u64());
    assert!(ready["mail_outbox"]["pending"].is_u64());
}

#[tokio::test]
async fn readiness_shows_the_outboxes_only_inside_the_network() {
    // Behind a proxy on this host: the client is who X-Forwarded-For says.
    let app = TestApp::spawn_with(Backend::Sqlite, |config| {
        config.trusted_proxies = "127.0.0.1".parse().unwrap();
    })
    .await;
    let ready = async |client: &str| -> serde_json::Value {
        app.client
            .get(app.url("/readyz"))
            .header("x-forwarded-for", client)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    };
    // From the internet: whether mail was just queued (a password reset
    // for an address with an account) is not for anyone to read.
    for outside in ["203.0.113.9", "2001:db8::1"] {
        assert_eq!(
            ready(outside).await,
            serde_json::json!({ "ready": true }),
            "{outside}"
        );
    }
    for inside in ["10.1.2.3", "192.168.0.7", "fd00::5"] {
        let body = ready(inside).await;
        assert!(body["mail_outbox"]["pending"].is_u64(), "{inside}: {body}");
    }
}

/// Takes the app's PostgreSQL database away (its connections cut, its name
/// changed) and gives it back, as a restart or failover does.
async fn take_database_away(admin: &sea_orm::DatabaseConnection, name: &str, away: &str) {
    use sea_orm::ConnectionTrait;
    for _ in 0..50 {
        admin
            .execute_unprepared(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            ))
            .await
            .unwrap();
        if admin
            .execute_unprepared(&format!("ALTER DATABASE {name} RENAME TO {away}"))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("could not take {name} away");
}

#[tokio::test]
async fn while_postgresql_is_gone_pages_say_503_and_the_server_recovers_by_itself() {
    let Some(Backend::Postgres(admin_url)) = crate::helpers::backends().pop() else {
        return; // PostgreSQL only (TEST_DATABASE_URL).
    };
    let app = TestApp::spawn(Backend::Postgres(admin_url.clone())).await;
    let employer = app.employer("Acme Labs", "boss@acme.org").await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
    let name = app.database_name().expect("a PostgreSQL database");
    let away = format!("{name}_away");
    let admin = sea_orm::Database::connect(admin_url.as_str())
        .await
        .unwrap();

    take_database_away(&admin, &name, &away).await;
    let started = std::time::Instant::now();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let page = app.get_as(&employer, "/employer").await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(page.headers()["retry-after"], "30");
    let body = page.text().await.unwrap();
    assert!(body.contains("briefly unavailable"), "{body}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(25),
        "refused within the pool's timeout, not hung"
    );

    // Back: the same server answers again, no restart.
    use sea_orm::ConnectionTrait;
    admin
        .execute_unprepared(&format!("ALTER DATABASE {away} RENAME TO {name}"))
        .await
        .unwrap();
    let mut recovered = false;
    for _ in 0..100 {
        if app.get("/readyz").await.status() == StatusCode::OK {
            recovered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(recovered, "ready again without a restart");
    assert_eq!(
        app.get_as(&employer, "/employer").await.status(),
        StatusCode::OK
    );
    admin.close().await.ok();
}

/// Empties the index the way a search server restarted without its data
/// does: Meilisearch loses the index itself, the embedded engine its documents.
async fn wipe_index(app: &TestApp) {
    match &app.config.meili_url {
        Some(url) => stembridge::search::meili::MeiliEngine::new(
            url,
            app.config.meili_master_key.as_deref(),
            &app.config.meili_index,
        )
        .unwrap()
        .drop_index()
        .await
        .unwrap(),
        None => app.running.state.search.rebuild(Vec::new()).await.unwrap(),
    }
}

/// Waits until a search for everything open finds exactly `expected`.
async fn wait_until_found(app: &TestApp, expected: &[i64], what: &str) {
    let mut found = Vec::new();
    for _ in 0..150 {
        let body = app.api("per_page=50").await;
        found = body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_i64().unwrap())
            .collect::<Vec<_>>();
        found.sort_unstable();
        if found == expected && body["total"] == expected.len() && body["engine"] != "database" {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{what}: search found {found:?}, expected {expected:?}");
}

#[tokio::test]
async fn an_emptied_or_drifted_search_index_is_rebuilt_by_itself_with_every_edit() {
    for backend in crate::helpers::backends() {
        // On a real Meilisearch too when one is configured.
        let app = TestApp::spawn_with(backend, |c| {
            c.search_check_seconds = 1;
            if let Ok(url) = std::env::var("MEILI_URL") {
                c.meili_url = Some(url);
                c.meili_master_key = std::env::var("MEILI_MASTER_KEY").ok();
                c.meili_index = format!("guard_{}", uuid::Uuid::new_v4().simple());
            }
        })
        .await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let mut open = Vec::new();
        for title in [
            "Robotics lab intern",
            "Water quality shadow",
            "Bridge design",
        ] {
            let id = app
                .published(&employer, &posting(&[("title", title)]))
                .await;
            open.push(i64::from(id));
        }
        wait_until_found(&app, &open, "before").await;

        wipe_index(&app).await;
        assert_eq!(
            app.running.state.search.document_count().await.unwrap(),
            0,
            "the index is empty"
        );
        wait_until_found(&app, &open, "an empty index is refilled").await;

        // Edits while the index is empty again: a new posting, a closed one
        // and a new title must all be there after, each once.
        wipe_index(&app).await;
        let added = app
            .draft(&employer, &posting(&[("title", "Soil lab")]))
            .await;
        for (id, action) in [(added, "publish"), (open[0] as i32, "close")] {
            let response = app.act(&employer, id, action).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action}");
        }
        let fields = posting(&[("title", "Suspension bridge design")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let edited = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/employer/opportunities/{}/edit", open[2]),
                &fields,
            )
            .await;
        assert_eq!(edited.status(), StatusCode::SEE_OTHER);
        let mut expected = vec![open[1], open[2], i64::from(added)];
        expected.sort_unstable();
        wait_until_found(&app, &expected, "edits made while empty").await;
        // The edit leaves the set of postings as it was, so the wait above
        // may end before the new title is indexed: wait for the title too.
        for _ in 0..100 {
            if app.api_ids("q=suspension").await == vec![open[2]] {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(app.api_ids("q=suspension").await, vec![open[2]]);

        // An index that lost one document while nothing was queued.
        app.running.state.search.delete(vec![added]).await.unwrap();
        wait_until_found(&app, &expected, "a lost document comes back").await;

        if app.config.meili_url.is_some() {
            wipe_index(&app).await;
        }
    }
}

/// A small tmpfs to fill, unmounted when dropped (panics included). Root
/// only: CI runs as root; elsewhere the test is skipped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(path: &std::path::Path) -> Option<SmallDisk> {
        std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=48m", "tmpfs"])
            .arg(path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
            .then(|| SmallDisk(path.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Writes zeros until the disk refuses one more byte.
fn fill(path: &std::path::Path) {
    use std::io::Write;
    let mut file = std::fs::File::create(path).unwrap();
    for size in [1 << 20, 4096, 1] {
        while file.write_all(&vec![0; size]).is_ok() {}
    }
}

#[tokio::test]
async fn a_full_disk_refuses_writes_with_a_page_keeps_reads_and_recovers_by_itself() {
    let disk = tempfile::tempdir().unwrap();
    let Some(_mounted) = SmallDisk::mount(disk.path()) else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let database = disk.path().join("stembridge.db");
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.database_url = Some(format!("sqlite://{}?mode=rwc", database.display()));
        c.data_dir = disk.path().to_path_buf();
    })
    .await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    app.published(&employer, &posting(&[("title", "Robotics lab intern")]))
        .await;
    let fields = posting(&[("title", "Written on a full disk")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let postings = app.count("opportunity").await;

    let filler = disk.path().join("filler");
    fill(&filler);
    // Enough refusals that pooled connections see several each: one that
    // SQLite rolled back by itself must not be reused (it would hold the
    // write lock for good).
    for _ in 0..20 {
        let refused = app
            .submit_as(
                &employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &fields,
            )
            .await;
        assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.headers().contains_key("retry-after"));
        let page = refused.text().await.unwrap();
        assert!(page.contains("storage is full"), "{page}");
        for path in [
            "/search?q=robotics",
            "/employer",
            "/employer/opportunities/new",
        ] {
            let read = app.get_as(&employer, path).await;
            assert_eq!(
                read.status(),
                StatusCode::OK,
                "{path} while the disk is full"
            );
        }
    }
    assert_eq!(
        app.count("opportunity").await,
        postings,
        "nothing half-written"
    );

    std::fs::remove_file(&filler).unwrap();
    let saved = app
        .submit_as(
            &employer,
            "/employer/opportunities/new",
            "/employer/opportunities",
            &fields,
        )
        .await;
    assert_eq!(
        saved.status(),
        StatusCode::SEE_OTHER,
        "writes work again, no restart"
    );
    assert_eq!(app.count("opportunity").await, postings + 1);
    app.running.stop();
}

#[tokio::test]
async fn an_index_written_in_an_older_document_shape_is_rebuilt_once() {
    use stembridge::search::{
        documents,
        sync::{IndexCheck, IndexGuard},
    };
    for backend in crate::helpers::backends() {
        let app = TestApp::spawn(backend).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = i64::from(app.published(&employer, &posting(&[])).await);
        wait_until_found(&app, &[id], "published").await;
        // What an older version left in a search server's index: a document
        // the database no longer has, in a shape recorded as "1".
        let engine = app.running.state.search.clone();
        let (mut leftover, _) = documents::load_page(&app.db, 0, 1).await.unwrap().unwrap();
        leftover[0].id = 999_999;
        engine.index(leftover).await.unwrap();
        wait_until_found(&app, &[id, 999_999], "the leftover").await;
        stembridge::db::set_state(&app.db, "search-shape:test", "1")
            .await
            .unwrap();

        // The first look rebuilds it and records the shape; later looks,
        // and a restarted server's, leave it be.
        let mut guard = IndexGuard::with_shape_key("search-shape:test".into());
        assert_eq!(
            guard.check(&app.db, engine.as_ref()).await.unwrap(),
            IndexCheck::Rebuilt(1)
        );
        wait_until_found(&app, &[id], "after the rebuild").await;
        assert_eq!(
            stembridge::db::state(&app.db, "search-shape:test")
                .await
                .unwrap()
                .as_deref(),
            Some(documents::SHAPE)
        );
        assert_eq!(
            guard.check(&app.db, engine.as_ref()).await.unwrap(),
            IndexCheck::InStep
        );
        let mut restarted = IndexGuard::with_shape_key("search-shape:test".into());
        assert_eq!(
            restarted.check(&app.db, engine.as_ref()).await.unwrap(),
            IndexCheck::InStep
        );

        // An operator's `stembridge reindex` records the shape too: the
        // next start does not rebuild the index it has just built.
        stembridge::db::set_state(&app.db, "search-shape:test", "1")
            .await
            .unwrap();
        stembridge::search::sync::rebuild_recording_shape(
            &app.db,
            engine.as_ref(),
            Some("search-shape:test"),
        )
        .await
        .unwrap();
        let mut after_reindex = IndexGuard::with_shape_key("search-shape:test".into());
        assert_eq!(
            after_reindex.check(&app.db, engine.as_ref()).await.unwrap(),
            IndexCheck::InStep
        );
    }
}
