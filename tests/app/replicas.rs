//! Several app servers behind one address: real `stembridge serve`
//! processes (the built binary) on one PostgreSQL database (and one
//! Meilisearch when `MEILI_URL` is set) behave as one server: seats are
//! never given twice, an edit made through one is seen through the others,
//! failed logins count against one budget, each mail is sent once, and a
//! job's lease is held by one server at a time. The embedded engine
//! refuses a second server on its DATA_DIR.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

use reqwest::{Client, Response, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use stembridge::config::{Config, TEST_SECRET_KEY};

use crate::{
    applications::{apply, employer_act, id_from, student},
    helpers::{Backend, PASSWORD, TestApp, extract_csrf, new_client, on_each_backend, posting},
    mail_server::MailServer,
};

/// One `stembridge serve` process; killed when dropped.
struct Server {
    child: Child,
    /// `http://127.0.0.1:port`
    address: String,
    _data_dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The command that starts a server on `config`'s database (and search
/// engine) with `data_dir` of its own; nothing of the test's environment leaks in.
fn serve_command(config: &Config, data_dir: &Path, smtp_url: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stembridge"));
    command
        .arg("serve")
        .env_clear()
        .env("DATABASE_URL", config.database_url())
        .env("DATA_DIR", data_dir)
        .env("BIND", "127.0.0.1:0")
        .env("SECRET_KEY", TEST_SECRET_KEY)
        .env("DB_MAX_CONNECTIONS", "5")
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info,sqlx=warn,sea_orm=warn");
    if let Some(url) = &config.meili_url {
        command
            .env("MEILI_URL", url)
            .env("MEILI_INDEX", &config.meili_index);
        if let Some(key) = &config.meili_master_key {
            command.env("MEILI_MASTER_KEY", key);
        }
    }
    if let Some(url) = smtp_url {
        command.env("SMTP_URL", url);
    }
    command
}

/// Starts `command` with its output in `log`; the address it listens on
/// once it says so, or everything it said if it stopped first.
async fn start(mut command: Command, log: &Path) -> Result<(Child, String), String> {
    let file = std::fs::File::create(log).unwrap();
    command
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file);
    let mut child = command.spawn().expect("the stembridge binary starts");
    let marker = "listening on http://";
    for _ in 0..1200 {
        let said = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(at) = said.find(marker) {
            let address: String = said[at + marker.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                .collect();
            return Ok((child, format!("http://{address}")));
        }
        if child.try_wait().unwrap().is_some() {
            return Err(std::fs::read_to_string(log).unwrap_or_default());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    panic!(
        "the server did not start within a minute:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// Starts a server process with a DATA_DIR of its own.
async fn server(config: &Config, smtp_url: Option<&str>) -> Server {
    let data_dir = tempfile::tempdir().unwrap();
    let command = serve_command(config, data_dir.path(), smtp_url);
    let log = data_dir.path().join("server.log");
    match start(command, &log).await {
        Ok((child, address)) => Server {
            child,
            address,
            _data_dir: data_dir,
        },
        Err(said) => panic!("the server stopped at start-up:\n{said}"),
    }
}

/// Opens `page` on the server at `base` and submits its form to `action`.
async fn submit_at(
    base: &str,
    client: &Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Response {
    let html = client
        .get(format!("{base}{page}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = extract_csrf(&html).unwrap_or_else(|| panic!("no form on {base}{page}"));
    let mut body = vec![("csrf_token", token.as_str())];
    body.extend_from_slice(fields);
    client
        .post(format!("{base}{action}"))
        .form(&body)
        .send()
        .await
        .unwrap()
}

/// A message queued straight into the outbox, as any change would.
async fn queue_mail(app: &TestApp, to: &str) {
    let now = chrono::Utc::now();
    entity::mail_outbox::ActiveModel {
        recipient: Set(to.into()),
        language: Set("en".into()),
        kind: Set("test".into()),
        subject: Set(format!("Hello {to}")),
        text_body: Set("Hello".into()),
        html_body: Set("<p>Hello</p>".into()),
        attachment_name: Set(None),
        attachment_type: Set(None),
        attachment: Set(None),
        attempts: Set(0),
        created_at: Set(now),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        failed_at: Set(None),
        last_error: Set(None),
        unsubscribe_path: Set(None),
        claimed_by: Set(None),
        claimed_until: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn three_servers_on_one_postgresql_database_behave_as_one() {
    let Some(Backend::Postgres(admin_url)) = crate::helpers::backends().pop() else {
        eprintln!("skipped: several servers need PostgreSQL (TEST_DATABASE_URL)");
        return;
    };
    // The test's own app sets up users through the helpers: a fourth server
    // on the same database, without SMTP (only the three send mail).
    let app = TestApp::spawn_with(Backend::Postgres(admin_url), |c| {
        if let Ok(url) = std::env::var("MEILI_URL") {
            c.meili_url = Some(url);
            c.meili_master_key = std::env::var("MEILI_MASTER_KEY").ok();
            c.meili_index = format!("replicas_{}", uuid::Uuid::new_v4().simple());
        }
    })
    .await;
    let mail = MailServer::start().await;
    let mut servers = Vec::new();
    for _ in 0..3 {
        servers.push(server(&app.config, Some(&mail.url())).await);
    }
    let at = |n: usize| servers[n % servers.len()].address.as_str();

    // Arrange: a five-seat posting and fifty students holding an offer.
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let seats = app.published(&employer, &posting(&[("slots", "5")])).await;
    let lincoln = app.school_with_counselor("Lincoln High").await;
    let mut offers = Vec::new();
    for n in 0..50 {
        let client = student(&app, lincoln, &format!("Student{n}"), 11, "2005-01-01").await;
        let application = id_from(&apply(&app, &client, seats).await);
        assert_eq!(
            employer_act(&app, &employer, application, "offer").await,
            StatusCode::SEE_OTHER
        );
        let page = format!("/student/applications/{application}");
        let html = client
            .get(format!("{}{page}", at(n)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        offers.push((
            client,
            application,
            extract_csrf(&html).unwrap(),
            at(n).to_owned(),
        ));
    }

    // Act: all fifty accept at once, spread over the three servers.
    let mut tasks = tokio::task::JoinSet::new();
    for (client, application, token, base) in offers {
        tasks.spawn(async move {
            client
                .post(format!("{base}/student/applications/{application}/accept"))
                .form(&[("csrf_token", token.as_str()), ("belonging", "4")])
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = tasks.join_next().await {
        statuses.push(status.unwrap());
    }
    let count = |wanted: StatusCode| statuses.iter().filter(|s| **s == wanted).count();
    assert_eq!(
        (count(StatusCode::SEE_OTHER), count(StatusCode::CONFLICT)),
        (5, 45),
        "{statuses:?}"
    );
    assert_eq!(app.count("placement").await, 5, "exactly five placements");

    // A posting edited through one server is what the others show.
    let bridge = app
        .published(&employer, &posting(&[("title", "Bridge design")]))
        .await;
    let fields = posting(&[("title", "Suspension bridge design")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let edited = submit_at(
        at(0),
        &employer,
        "/employer",
        &format!("/employer/opportunities/{bridge}/edit"),
        &fields,
    )
    .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let visitor = new_client();
    for n in [1, 2] {
        let page = visitor
            .get(format!("{}/opportunities/{bridge}", at(n)))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(
            page.text()
                .await
                .unwrap()
                .contains("Suspension bridge design"),
            "server {n} shows the edit"
        );
    }
    if app.config.meili_url.is_some() {
        // One Meilisearch behind all of them: the edit is found through each.
        for n in [1, 2] {
            let mut found = serde_json::Value::Null;
            for _ in 0..100 {
                found = visitor
                    .get(format!("{}/api/v1/opportunities?q=suspension", at(n)))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                if found["engine"] == "meilisearch" && found["hits"][0]["id"] == bridge {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert_eq!(found["engine"], "meilisearch", "server {n}: {found}");
            assert_eq!(found["hits"][0]["id"], bridge, "server {n}: {found}");
        }
    }

    // Failed logins spread over the three servers share one budget: five
    // free in all (not five per server), then the account waits everywhere.
    let stranger = new_client();
    for n in 0..5 {
        let wrong = submit_at(
            at(n),
            &stranger,
            "/login",
            "/login",
            &[
                ("email", "erin@lakeshore.org"),
                ("password", "not the password"),
            ],
        )
        .await;
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    for n in 0..3 {
        let refused = submit_at(
            at(n),
            &stranger,
            "/login",
            "/login",
            &[("email", "erin@lakeshore.org"), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(
            refused.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "server {n} knows of the failures made through the others"
        );
    }

    // Each message is sent once: what the changes above queued, and a burst
    // queued at once for the three senders to share.
    for n in 0..40 {
        queue_mail(&app, &format!("reader{n}@example.org")).await;
    }
    let mut waiting = -1;
    for _ in 0..300 {
        waiting = app
            .number(
                "SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            )
            .await;
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(waiting, 0, "every message sent");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = app
        .number("SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NOT NULL")
        .await;
    let received = mail.received();
    assert_eq!(
        received.len() as i64,
        sent,
        "each of the {sent} messages sent arrived once"
    );
    let mut readers: Vec<String> = received
        .iter()
        .filter(|m| m.to[0].starts_with("reader"))
        .map(|m| m.to[0].clone())
        .collect();
    assert_eq!(readers.len(), 40);
    readers.sort();
    readers.dedup();
    assert_eq!(readers.len(), 40, "each reader got their message once");

    if app.config.meili_url.is_some() {
        stembridge::search::meili::MeiliEngine::new(
            app.config.meili_url.as_deref().unwrap(),
            app.config.meili_master_key.as_deref(),
            &app.config.meili_index,
        )
        .unwrap()
        .drop_index()
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn a_second_server_on_the_same_data_dir_refuses_to_start_and_says_to_use_meilisearch() {
    let data_dir = tempfile::tempdir().unwrap();
    let config = Config::for_database(
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.path().join("stembridge.db").display()
        ),
        PathBuf::from(data_dir.path()),
    );
    let (first, address) = start(
        serve_command(&config, data_dir.path(), None),
        &data_dir.path().join("first.log"),
    )
    .await
    .expect("the first server starts");
    let first = Server {
        child: first,
        address,
        _data_dir: tempfile::tempdir().unwrap(),
    };

    let said = start(
        serve_command(&config, data_dir.path(), None),
        &data_dir.path().join("second.log"),
    )
    .await
    .expect_err("the second server stops at start-up");
    assert!(
        said.contains("already uses the embedded search index") && said.contains("MEILI_URL"),
        "{said}"
    );

    // The first one still serves, its index whole.
    let health = new_client()
        .get(format!("{}/readyz", first.address))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_job_lease_is_held_by_one_server_until_it_lapses_or_is_renewed() {
    on_each_backend(async |app: TestApp| {
        use stembridge::jobs::take_as;
        let ttl = chrono::Duration::seconds(60);
        let now = chrono::Utc::now();
        let take = |holder: &'static str, at: chrono::DateTime<chrono::Utc>| {
            let db = app.db.clone();
            async move { take_as(&db, "test-job", holder, ttl, at).await.unwrap() }
        };
        assert!(take("a", now).await, "a free lease is taken");
        assert!(!take("b", now).await, "not while another holds it");
        assert!(
            take("a", now + chrono::Duration::seconds(50)).await,
            "its holder renews it"
        );
        assert!(
            !take("b", now + chrono::Duration::seconds(100)).await,
            "renewed: still held past the first lapse"
        );
        let lapsed = now + chrono::Duration::seconds(111);
        assert!(take("b", lapsed).await, "a lapsed lease goes to another");
        assert!(!take("a", lapsed).await, "and the old holder has lost it");

        // Ten servers racing for a lapsed lease: one gets it.
        let later = lapsed + chrono::Duration::seconds(61);
        let mut racers = tokio::task::JoinSet::new();
        for n in 0..10 {
            let db = app.db.clone();
            let holder = format!("racer{n}");
            racers.spawn(async move { take_as(&db, "test-job", &holder, ttl, later).await });
        }
        let mut winners = 0;
        while let Some(taken) = racers.join_next().await {
            winners += usize::from(taken.unwrap().unwrap());
        }
        assert_eq!(winners, 1, "exactly one of ten takes a lapsed lease");
    })
    .await;
}

#[tokio::test]
async fn a_change_claimed_by_a_server_that_died_is_applied_once_the_claim_lapses() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::ConnectionTrait;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.published(&employer, &posting(&[])).await;
        // The publish itself applied first: a worker that read the posting
        // after the title below was written would index it (a flake on a
        // loaded machine, not the claim).
        app.wait_for_search().await;
        // A change whose outbox row another server claimed for a minute,
        // then died (the title written straight to the database). The
        // claim is long so that a loaded machine cannot outlast it; its
        // lapse is then brought forward by hand instead of waited for.
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET title = 'Glacier survey' WHERE id = {id}"
            ))
            .await
            .unwrap();
        let now = chrono::Utc::now();
        let claim = entity::search_outbox::ActiveModel {
            opportunity_id: Set(id),
            created_at: Set(now),
            attempts: Set(0),
            next_attempt_at: Set(now),
            done_at: Set(None),
            last_error: Set(None),
            claimed_by: Set(Some("gone-server-1-abc/7".into())),
            claimed_until: Set(Some(now + chrono::Duration::seconds(60))),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();

        // Several polls of the worker (each 200 ms at most) pass: the row
        // is left alone while the claim holds. (Read from the row itself:
        // whether the index already shows the title depends on everything
        // else that may read the posting meanwhile, which flaked on a
        // loaded machine.)
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let row = entity::search_outbox::Entity::find_by_id(claim.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.done_at, None, "left alone while the claim holds");
        assert_eq!(row.attempts, 0, "not tried while the claim holds");
        assert_eq!(row.claimed_by.as_deref(), Some("gone-server-1-abc/7"));
        let lapsed = chrono::Utc::now() - chrono::Duration::seconds(1);
        entity::search_outbox::ActiveModel {
            id: Set(claim.id),
            claimed_until: Set(Some(lapsed)),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
        app.wait_for_search().await;
        assert_eq!(app.api_ids("q=glacier").await, vec![i64::from(id)]);
    })
    .await;
}

/// Even at `RUST_LOG=debug` a server's log names the route of a request,
/// never its path or query (eyes9b F1): a consent link read from a log
/// gave consent for a minor, and search links carry a student's ZIP and
/// access needs.
#[tokio::test]
async fn a_debug_log_names_each_requests_route_never_its_secrets_or_query() {
    let data_dir = tempfile::tempdir().unwrap();
    let config = Config::for_database(
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.path().join("stembridge.db").display()
        ),
        PathBuf::from(data_dir.path()),
    );
    let mut command = serve_command(&config, data_dir.path(), None);
    command.env("RUST_LOG", "debug");
    let log = data_dir.path().join("server.log");
    let (child, address) = start(command, &log).await.expect("the server starts");
    let _server = Server {
        child,
        address: address.clone(),
        _data_dir: tempfile::tempdir().unwrap(),
    };
    let client = new_client();
    for path in [
        "/consent/SecretConsentToken0123456789abcdefghijklmno",
        "/password-reset/SecretResetToken0123456789",
        "/search?zip=60653&need=wheelchair_accessible&need=asl_or_captioning",
        "/no-such-page/SecretInAMistypedLink",
    ] {
        let response = client.get(format!("{address}{path}")).send().await.unwrap();
        assert!(response.status().as_u16() < 500, "{path}");
    }
    // The last request's lines are written by the time it answered; give
    // the writer a moment to flush.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(
        said.contains("/consent/{token}"),
        "routes are named: {said}"
    );
    for secret in [
        "SecretConsentToken",
        "SecretResetToken",
        "60653",
        "wheelchair",
        "SecretInAMistypedLink",
    ] {
        assert!(!said.contains(secret), "{secret} is in the log:\n{said}");
    }
}
