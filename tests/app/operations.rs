//! Running the service: the container health check asks the real server.

use crate::helpers::{Backend, TestApp};

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
    assert_eq!(app.get("/readyz").await.status(), reqwest::StatusCode::OK);
    let name = app.database_name().expect("a PostgreSQL database");
    let away = format!("{name}_away");
    let admin = sea_orm::Database::connect(admin_url.as_str())
        .await
        .unwrap();

    take_database_away(&admin, &name, &away).await;
    let started = std::time::Instant::now();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), reqwest::StatusCode::SERVICE_UNAVAILABLE);
    let page = app.get_as(&employer, "/employer").await;
    assert_eq!(page.status(), reqwest::StatusCode::SERVICE_UNAVAILABLE);
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
        if app.get("/readyz").await.status() == reqwest::StatusCode::OK {
            recovered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(recovered, "ready again without a restart");
    assert_eq!(
        app.get_as(&employer, "/employer").await.status(),
        reqwest::StatusCode::OK
    );
    admin.close().await.ok();
}
