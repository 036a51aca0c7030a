//! `TestApp`: start the real application and act as its users.

use std::path::PathBuf;

use entity::enums::Role;
use reqwest::{Client, Response, StatusCode, multipart, redirect::Policy};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use stembridge::{
    accounts::service::{NewAdmin, create_admin, insert_user_hashed},
    admin::service::{NewSchool, create_school},
    app::{self, RunningApp},
    config::Config,
};

/// Which database a test app runs on.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

/// SQLite always; PostgreSQL as well when `TEST_DATABASE_URL` is set.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if let Ok(url) = std::env::var("TEST_DATABASE_URL")
        && !url.is_empty()
    {
        backends.push(Backend::Postgres(url));
    }
    backends
}

/// Runs `test` once per backend, each time on a fresh app and database.
pub async fn on_each_backend(test: impl AsyncFn(TestApp)) {
    for backend in backends() {
        test(TestApp::spawn(backend).await).await;
    }
}

/// A running app, its database, and a cookie-keeping browser-like client.
pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub db: DatabaseConnection,
    pub config: Config,
    pub running: RunningApp,
    _data_dir: tempfile::TempDir,
    /// The PostgreSQL database made for this app, dropped with it.
    postgres_database: Option<(String, String)>,
}

pub const PASSWORD: &str = "correct horse battery";

/// The actor of the audit rows test set-up writes when it creates schools
/// and counselors through the admin's service functions: no account, as
/// the demo seed.
pub const SET_UP: i32 = 0;

/// Someone using the app, logged in: their cookie-keeping client, their
/// user id, role and email, so a test reads as who does what. It derefs to
/// its `Client`, so `&user` goes wherever a `&Client` does.
pub struct TestUser {
    pub client: Client,
    pub id: i32,
    pub role: Role,
    pub email: String,
}

impl TestUser {
    /// The dashboard of the user's role, where `/dashboard` sends them.
    pub fn dashboard(&self) -> String {
        format!("/{}", self.role.key())
    }
}

impl std::ops::Deref for TestUser {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

/// A client that keeps cookies and does not follow redirects, so tests see them.
pub fn new_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// A new empty database: its URL, and for PostgreSQL the admin URL and name to drop it by.
/// Test databases are named `sb_test_{pid}_{uuid}` after the test process.
/// A test's database is dropped without waiting (see `TestApp`'s `Drop`), so
/// the last few of a run can outlive it; the next run drops those whose
/// process is gone, once, and never another live run's.
static LEFTOVERS_DROPPED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

async fn drop_leftover_databases(admin: &DatabaseConnection) {
    // Without /proc (not Linux) a live run cannot be told from a dead one.
    if !std::path::Path::new("/proc/self").exists() {
        return;
    }
    let rows = admin
        .query_all_raw(sea_orm::Statement::from_string(
            admin.get_database_backend(),
            "SELECT datname FROM pg_database WHERE datname LIKE 'sb_test_%'",
        ))
        .await
        .expect("list test databases");
    for row in rows {
        let name: String = row.try_get("", "datname").expect("datname");
        let pid = name
            .strip_prefix("sb_test_")
            .and_then(|rest| rest.split_once('_'));
        let Some((pid, _)) = pid else { continue };
        let gone = !std::path::Path::new("/proc").join(pid).exists();
        if gone && pid.bytes().all(|b| b.is_ascii_digit()) {
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            admin.execute_unprepared(&sql).await.ok();
        }
    }
}

/// Every test app starts on a database the migrations already ran on:
/// they run once per test process into a template, and each test gets a
/// copy (a file copy for SQLite, `CREATE DATABASE ... TEMPLATE` for
/// PostgreSQL). Running 60-odd migrations for each of a thousand test apps
/// was minutes of every CI run; the app's own start still runs them, and
/// finds nothing to do, so it is started as it always is.
static SQLITE_TEMPLATE: tokio::sync::OnceCell<PathBuf> = tokio::sync::OnceCell::const_new();
static POSTGRES_TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

/// Migrates a new database at `url` as an app start would, and closes it.
async fn migrate(url: String, data_dir: &std::path::Path) -> DatabaseConnection {
    let config = Config::for_database(url, data_dir.to_path_buf());
    stembridge::db::connect_and_migrate(&config)
        .await
        .expect("migrate the template database")
}

/// The migrated SQLite file this process copies, under cargo's temporary
/// directory for tests; templates of test processes gone are removed.
async fn sqlite_template() -> &'static PathBuf {
    SQLITE_TEMPLATE
        .get_or_init(|| async {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
            std::fs::create_dir_all(&dir).expect("target tmp dir");
            for entry in std::fs::read_dir(&dir).expect("target tmp dir").flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let pid = name
                    .strip_prefix("sqlite-template-")
                    .and_then(|rest| rest.strip_suffix(".db"));
                if let Some(pid) = pid
                    && !std::path::Path::new("/proc").join(pid).exists()
                {
                    std::fs::remove_file(entry.path()).ok();
                }
            }
            let template = dir.join(format!("sqlite-template-{}.db", std::process::id()));
            std::fs::remove_file(&template).ok();
            let scratch = tempfile::tempdir().expect("temp dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                scratch.path().join("m.db").display()
            );
            let db = migrate(url, scratch.path()).await;
            // One self-contained file, whatever the write-ahead log holds.
            db.execute_unprepared(&format!("VACUUM INTO '{}'", template.display()))
                .await
                .expect("write the template database");
            db.close().await.ok();
            template
        })
        .await
}

/// The migrated PostgreSQL database this process copies.
async fn postgres_template(admin: &DatabaseConnection, admin_url: &str) -> &'static String {
    POSTGRES_TEMPLATE
        .get_or_init(|| async {
            let name = format!("sb_test_{}_template", std::process::id());
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("drop an old template database");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create the template database");
            let (base, _) = admin_url
                .rsplit_once('/')
                .expect("TEST_DATABASE_URL has a database name");
            let scratch = tempfile::tempdir().expect("temp dir");
            let db = migrate(format!("{base}/{name}"), scratch.path()).await;
            db.close().await.ok();
            name
        })
        .await
}

async fn fresh_database(
    backend: &Backend,
    data_dir: &std::path::Path,
) -> (String, Option<(String, String)>) {
    match backend {
        Backend::Sqlite => {
            let file = data_dir.join("test.db");
            std::fs::copy(sqlite_template().await, &file).expect("copy the template database");
            (format!("sqlite://{}?mode=rwc", file.display()), None)
        }
        Backend::Postgres(admin_url) => {
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to TEST_DATABASE_URL");
            LEFTOVERS_DROPPED
                .get_or_init(|| drop_leftover_databases(&admin))
                .await;
            let template = postgres_template(&admin, admin_url).await;
            let name = format!(
                "sb_test_{}_{}",
                std::process::id(),
                uuid::Uuid::new_v4().simple()
            );
            // The template's last connection may take a moment to end, and
            // PostgreSQL copies no database someone is connected to.
            let create = format!("CREATE DATABASE {name} TEMPLATE {template}");
            let mut tries = 0;
            while let Err(error) = admin.execute_unprepared(&create).await {
                tries += 1;
                assert!(tries < 100, "create test database: {error}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            admin.close().await.ok();
            let (base, _) = admin_url
                .rsplit_once('/')
                .expect("TEST_DATABASE_URL has a database name");
            (format!("{base}/{name}"), Some((admin_url.clone(), name)))
        }
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Starts an app whose configuration `adjust` may change first.
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let (url, postgres_database) = fresh_database(&backend, data_dir.path()).await;
        let mut config = Config::for_database(url, PathBuf::from(data_dir.path()));
        adjust(&mut config);
        let running = app::start(config.clone()).await.expect("app starts");
        TestApp {
            address: format!("http://{}", running.address),
            client: new_client(),
            db: running.state.db.clone(),
            config,
            running,
            _data_dir: data_dir,
            postgres_database,
        }
    }

    /// Stops the server and starts a new process-like instance on the same database.
    pub async fn restart(&mut self) {
        self.running.stop();
        // Let aborted tasks drop what they hold (the search index lock among them).
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let running = app::start(self.config.clone()).await.expect("app restarts");
        self.address = format!("http://{}", running.address);
        self.db = running.state.db.clone();
        self.running = running;
    }

    /// The name of this app's PostgreSQL database, if it runs on one.
    pub fn database_name(&self) -> Option<String> {
        self.postgres_database
            .as_ref()
            .map(|(_, name)| name.clone())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.get_as(&self.client, path).await
    }

    pub async fn get_as(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.expect("GET")
    }

    /// The CSRF token of the form on `page`, as a browser would see it.
    pub async fn csrf_token(&self, client: &Client, page: &str) -> String {
        let html = self.get_as(client, page).await.text().await.expect("body");
        extract_csrf(&html).unwrap_or_else(|| panic!("no CSRF token on {page}"))
    }

    /// Opens `page` and submits a form to `action`, the way a person does.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        self.submit_as(&self.client, page, action, fields).await
    }

    pub async fn submit_as(
        &self,
        client: &Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf_token(client, page).await;
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        body.extend_from_slice(fields);
        client
            .post(self.url(action))
            .form(&body)
            .send()
            .await
            .expect("POST")
    }

    /// Logs `client` in; panics unless it worked.
    pub async fn login_as(&self, client: &Client, email: &str, password: &str) {
        let response = self
            .submit_as(
                client,
                "/login",
                "/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "login of {email} failed"
        );
    }

    /// Creates an admin in the database and returns them logged in.
    pub async fn admin(&self) -> TestUser {
        let email = "admin@example.org";
        let admin = create_admin(
            &self.db,
            &NewAdmin {
                display_name: "Ada Admin".into(),
                email: email.into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("admin created");
        self.logged_in(admin.id, Role::Admin, email).await
    }

    /// Logs a new client in as the user `id`, whose password is `PASSWORD`.
    async fn logged_in(&self, id: i32, role: Role, email: &str) -> TestUser {
        let client = new_client();
        self.login_as(&client, email, PASSWORD).await;
        TestUser {
            client,
            id,
            role,
            email: email.to_owned(),
        }
    }

    /// The id of the account with `email` (test set-up only).
    pub async fn user_id(&self, email: &str) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::user::Entity::find()
            .filter(entity::user::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("no account {email}"))
            .id
    }

    /// A school (ZIP 60608) created by set-up, as an admin would; its id.
    pub async fn school(&self, name: &str) -> i32 {
        create_school(
            &self.db,
            SET_UP,
            &NewSchool {
                name: name.into(),
                zip: "60608".into(),
            },
        )
        .await
        .expect("school created")
        .id
    }

    /// A school with its counselor's account (`counselor-<school>@school.edu`,
    /// not logged in: `counselor_at` does that), as most tests need; its id.
    pub async fn school_with_counselor(&self, name: &str) -> i32 {
        let school = self.school(name).await;
        self.counselor_account(&Self::counselor_email(school), &[school])
            .await;
        school
    }

    fn counselor_email(school: i32) -> String {
        format!("counselor-{school}@school.edu")
    }

    /// The counselor of `school` (`counselor-<school>@school.edu`), logged
    /// in on a new client; the account is made unless it exists already.
    pub async fn counselor_at(&self, school: i32) -> TestUser {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let email = Self::counselor_email(school);
        let existing = entity::user::Entity::find()
            .filter(entity::user::Column::Email.eq(email.as_str()))
            .one(&self.db)
            .await
            .expect("query");
        let id = match existing {
            Some(user) => user.id,
            None => self.counselor_account(&email, &[school]).await,
        };
        self.logged_in(id, Role::Counselor, &email).await
    }

    /// A counselor with this email for `schools`, logged in.
    pub async fn counselor(&self, email: &str, schools: &[i32]) -> TestUser {
        let id = self.counselor_account(email, schools).await;
        self.logged_in(id, Role::Counselor, email).await
    }

    /// A counselor's account for `schools`, not logged in; its id.
    /// Set-up writes it as the demo data does: an admin's form would mail
    /// an invitation instead of setting `PASSWORD`.
    pub async fn counselor_account(&self, email: &str, schools: &[i32]) -> i32 {
        use sea_orm::ActiveModelTrait;
        let hash = stembridge::auth::password::hash(PASSWORD.into())
            .await
            .expect("hash");
        let counselor = insert_user_hashed(&self.db, email, "Carla", Role::Counselor, None, &hash)
            .await
            .expect("counselor created");
        for &school in schools {
            entity::counselor_school::ActiveModel {
                user_id: sea_orm::ActiveValue::Set(counselor.id),
                school_id: sea_orm::ActiveValue::Set(school),
            }
            .insert(&self.db)
            .await
            .expect("school given");
        }
        counselor.id
    }

    /// Registers an employer organization over HTTP, confirms the address
    /// through the emailed link and logs in.
    pub async fn employer(&self, organization: &str, email: &str) -> TestUser {
        // A website of its own: organizations sharing a host look alike to
        // the review queue.
        let slug: String = organization
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        let website = format!("https://{slug}.example");
        self.register_confirmed(&[
            ("organization_name", organization),
            ("website", &website),
            ("zip", "60601"),
            ("phone", ""),
            ("display_name", "Erin Employer"),
            ("email", email),
            ("password", PASSWORD),
        ])
        .await
    }

    /// Registers with `fields` (they include `email` and `password`), opens
    /// the confirmation link that arrived by mail, and logs in.
    pub async fn register_confirmed(&self, fields: &[(&str, &str)]) -> TestUser {
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
                .unwrap_or_else(|| panic!("registration without {name}"))
        };
        let (email, password) = (field("email"), field("password"));
        let client = new_client();
        let response = self
            .submit_as(&client, "/register", "/register", fields)
            .await;
        assert_eq!(
            (response.status(), location(&response)),
            (StatusCode::SEE_OTHER, "/login".to_owned()),
            "registration of {email} failed"
        );
        let link = self.link_mailed_to(&email, "/register/confirm/").await;
        let response = self.submit_as(&client, &link, &link, &[]).await;
        assert_eq!(
            location(&response),
            "/login",
            "confirmation of {email} failed"
        );
        self.login_as(&client, &email, &password).await;
        TestUser {
            client,
            id: self.user_id(&email).await,
            role: Role::Employer,
            email,
        }
    }

    /// The first `path_prefix` link of the newest message to `email`: what
    /// that person's mailbox holds; or, when that message has none, of the
    /// newest one that has (an offer a background job queued may have
    /// come after it). Read from the mail outbox while a message waits
    /// there (no SMTP server, or not sent yet); once sent, its text is gone
    /// from the outbox, and it is read from the test's `MailServer`
    /// instead, as delivered.
    pub async fn link_mailed_to(&self, email: &str, path_prefix: &str) -> String {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
        let to = email.trim().to_lowercase();
        let mine = || {
            entity::mail_outbox::Entity::find()
                .filter(entity::mail_outbox::Column::Recipient.eq(to.clone()))
        };
        let rows = mine()
            .order_by_desc(entity::mail_outbox::Column::Id)
            .all(&self.db)
            .await
            .expect("query");
        let newest = rows.first().unwrap_or_else(|| panic!("no mail to {email}"));
        // Bodies still in the outbox, newest first.
        let waiting: Vec<String> = rows
            .iter()
            .filter(|row| row.sent_at.is_none())
            .filter_map(|row| stembridge::mail::outbox::bodies(row).ok())
            .map(|bodies| bodies.text)
            .collect();
        if newest.sent_at.is_none() {
            let text = mailed_text(newest);
            if text.contains(path_prefix) {
                return path_in(&text, path_prefix);
            }
        }
        let sent = mine()
            .filter(entity::mail_outbox::Column::SentAt.is_not_null())
            .count(&self.db)
            .await
            .expect("query") as usize;
        let mut delivered = Vec::new();
        if sent > 0 {
            let smtp_url = self.config.smtp_url.as_deref().expect("sent through SMTP");
            // Delivered in the order sent: the newest is the last to arrive.
            for _ in 0..300 {
                delivered = crate::mail_server::delivered_to(smtp_url, &to)
                    .iter()
                    .map(|message| message.text())
                    .collect();
                if delivered.len() >= sent {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert!(
                delivered.len() >= sent,
                "{sent} messages sent to {email} never arrived"
            );
        }
        if newest.sent_at.is_some()
            && let Some(path) = first_link(delivered.iter().rev().take(1), path_prefix)
        {
            return path;
        }
        first_link(&waiting, path_prefix)
            .or_else(|| first_link(delivered.iter().rev(), path_prefix))
            .unwrap_or_else(|| panic!("no {path_prefix} link in any message to {email}"))
    }

    /// Counts rows of a table, to prove nothing was written.
    pub async fn count(&self, table: &str) -> i64 {
        self.number(&format!("SELECT COUNT(*) AS n FROM {table}"))
            .await
    }

    /// Waits (up to 10 s) until `count(table)` is `expected`, for what a
    /// background worker does; fails the test with `what` otherwise.
    pub async fn wait_for_count(&self, table: &str, expected: i64, what: &str) {
        for _ in 0..100 {
            if self.count(table).await == expected {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(self.count(table).await, expected, "{what}");
    }

    /// One number from a query that returns it as `n`.
    pub async fn number(&self, sql: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                sql.to_owned(),
            ))
            .await
            .expect("the query")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("a number `n`")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.running.stop();
        // Thousands of leftover databases made PostgreSQL's crash recovery take
        // minutes; drop this one on a thread of its own, since Drop cannot await.
        if let Some((admin_url, name)) = self.postgres_database.take() {
            // Not joined: connections the pool was opening when the test
            // ended are driven by this thread's runtime, and while this
            // thread waited they stalled in authentication, so PostgreSQL 15
            // held the DROP until its 60 s authentication timeout (one
            // database test in six took 63 s instead of 3). Once the test's
            // runtime is gone their sockets close and the DROP goes through.
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    if let Ok(admin) = Database::connect(admin_url.as_str()).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        admin.execute_unprepared(&sql).await.ok();
                        admin.close().await.ok();
                    }
                });
            });
        }
    }
}

/// Pulls the hidden CSRF token out of a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// Where a redirect points.
pub fn location(response: &Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A date `days` from today, as a form expects it.
pub fn days_from_now(days: i64) -> String {
    (stembridge::format::today() + chrono::Duration::days(days)).to_string()
}

/// A valid posting form; tests override the fields they are about.
pub fn posting(overrides: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("title", "Robotics lab intern".into()),
        (
            "description",
            "Help build and test robots.\n\nYou will learn soldering and Python.".into(),
        ),
        ("kind", "internship".into()),
        ("field", "engineering".into()),
        ("mode", "on_site".into()),
        ("address", "233 S Wacker Dr".into()),
        ("zip", "60606".into()),
        ("compensation", "hourly".into()),
        ("hourly_wage", "18.50".into()),
        ("stipend", "".into()),
        ("hours_per_week", "10".into()),
        ("schedule", "Tuesdays and Thursdays 4-6 pm".into()),
        ("start_date", days_from_now(60)),
        ("end_date", days_from_now(120)),
        ("start_time", "".into()),
        ("end_time", "".into()),
        ("deadline", days_from_now(30)),
        ("min_grade", "9".into()),
        ("max_grade", "12".into()),
        ("min_age", "".into()),
        ("slots", "3".into()),
        ("languages", "en, es".into()),
        ("skills", "soldering, Python".into()),
        ("features", "wheelchair_accessible".into()),
        ("features", "transit_accessible".into()),
    ];
    for (key, value) in overrides {
        fields.retain(|(k, _)| k != key);
        fields.push((key, (*value).to_owned()));
    }
    fields
}

impl TestApp {
    /// The id of an organization by name (test set-up only).
    pub async fn organization_id(&self, name: &str) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::organization::Entity::find()
            .filter(entity::organization::Column::Name.eq(name))
            .one(&self.db)
            .await
            .expect("query")
            .expect("organization exists")
            .id
    }

    /// A reviewer's decision on an organization, over HTTP, on the
    /// organization as it stands (what the queue would show them).
    pub async fn review(
        &self,
        admin: &Client,
        organization: &str,
        decision: &str,
        reason: &str,
    ) -> Response {
        let id = self.organization_id(organization).await;
        // What the queue shows of the organization as it stands now.
        let seen = {
            use sea_orm::EntityTrait;
            entity::organization::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .unwrap()
                .map(|o| stembridge::organizations::service::seen_stamp(&o))
                .unwrap_or_default()
        };
        self.submit_as(
            admin,
            "/organizations/review",
            &format!("/organizations/{id}/review"),
            &[("decision", decision), ("reason", reason), ("seen", &seen)],
        )
        .await
    }

    /// Registers an organization and has an admin verify it; returns the employer.
    pub async fn verified_employer(
        &self,
        admin: &Client,
        organization: &str,
        email: &str,
    ) -> TestUser {
        let employer = self.employer(organization, email).await;
        let response = self.review(admin, organization, "verify", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        employer
    }

    /// Saves a draft and returns its id.
    pub async fn draft(&self, employer: &Client, fields: &[(&'static str, String)]) -> i32 {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = self
            .submit_as(
                employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "draft saved");
        location(&response)
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .expect("id in location")
    }

    /// Runs a lifecycle action on a posting.
    pub async fn act(&self, employer: &Client, id: i32, action: &str) -> Response {
        self.submit_as(
            employer,
            "/employer",
            &format!("/employer/opportunities/{id}/{action}"),
            &[],
        )
        .await
    }
}

impl TestApp {
    /// Waits until the outbox worker has applied every change to the index.
    pub async fn wait_for_search(&self) {
        for _ in 0..200 {
            if stembridge::search::sync::pending(&self.db)
                .await
                .expect("pending")
                == 0
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the search index did not catch up within 10 s");
    }

    /// `GET /api/v1/opportunities?{query}` as JSON.
    pub async fn api(&self, query: &str) -> serde_json::Value {
        let response = self.get(&format!("/api/v1/opportunities?{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        response.json().await.expect("json")
    }

    /// The ids of the hits of an API search.
    pub async fn api_ids(&self, query: &str) -> Vec<i64> {
        let body = self.api(query).await;
        body["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_i64().expect("id"))
            .collect()
    }

    /// Publishes a posting and waits until search shows it.
    pub async fn published(&self, employer: &Client, fields: &[(&'static str, String)]) -> i32 {
        let id = self.draft(employer, fields).await;
        assert_eq!(
            self.act(employer, id, "publish").await.status(),
            StatusCode::SEE_OTHER
        );
        self.wait_for_search().await;
        id
    }
}

impl TestApp {
    /// Restarts on the same database and data directory with a changed configuration.
    pub async fn restart_with(&mut self, adjust: impl FnOnce(&mut Config)) {
        adjust(&mut self.config);
        self.restart().await;
    }
}

impl TestApp {
    /// A student on `school_id`'s roster whose claim code is `code`.
    pub async fn roster_student(
        &self,
        school_id: i32,
        first: &str,
        last: &str,
        grade: i32,
        code: &str,
    ) {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        entity::student::ActiveModel {
            school_id: Set(school_id),
            first_name: Set(first.into()),
            last_name: Set(last.into()),
            grade: Set(grade),
            claim_code_hash: Set(Some(stembridge::roster::claim_code::digest(code))),
            claim_code_expires_at: Set(Some(chrono::Utc::now() + chrono::Duration::days(3))),
            active: Set(true),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .expect("roster student");
    }

    /// A rostered student who claimed their account over HTTP
    /// (`<first>@students.org`), logged in, their address confirmed.
    pub async fn student(&self, school_id: i32, first: &str, last: &str, grade: i32) -> TestUser {
        let code = stembridge::roster::claim_code::generate();
        self.roster_student(school_id, first, last, grade, &code)
            .await;
        let client = new_client();
        let email = format!("{}@students.org", first.to_lowercase());
        let response = self
            .submit_as(
                &client,
                "/claim",
                "/claim",
                &[
                    ("code", &code),
                    ("display_name", first),
                    ("email", &email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "claim of {first}");
        // The address the student typed is proven by its link, opened in
        // their session, before any other mail goes to it.
        let link = self.link_mailed_to(&email, "/register/confirm/").await;
        let response = self.submit_as(&client, &link, &link, &[]).await;
        assert_eq!(location(&response), "/dashboard", "confirmation of {email}");
        TestUser {
            client,
            id: self.user_id(&email).await,
            role: Role::Student,
            email,
        }
    }
}

impl TestApp {
    /// Records a birth date for the student named `first`, as a roster would.
    pub async fn set_birth_date(&self, first: &str, born: &str) {
        use sea_orm::ConnectionTrait;
        self.db
            .execute_raw(sea_orm::Statement::from_sql_and_values(
                self.db.get_database_backend(),
                match self.db.get_database_backend() {
                    sea_orm::DbBackend::Postgres => {
                        "UPDATE student SET date_of_birth = CAST($1 AS DATE) WHERE first_name = $2"
                    }
                    _ => "UPDATE student SET date_of_birth = ? WHERE first_name = ?",
                },
                [born.into(), first.into()],
            ))
            .await
            .expect("birth date set");
    }

    /// Gives the student named `first` a guardian contact, as a roster would.
    pub async fn add_guardian(&self, first: &str, email: &str, language: &str) {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
        let student = entity::student::Entity::find()
            .filter(entity::student::Column::FirstName.eq(first))
            .one(&self.db)
            .await
            .expect("query")
            .expect("student exists");
        let now = chrono::Utc::now();
        let guardian = entity::guardian::ActiveModel {
            given_name: Set("Maria".into()),
            family_name: Set(student.last_name.clone()),
            email: Set(Some(email.into())),
            phone: Set(None),
            language: Set(language.into()),
            active: Set(true),
            sourced_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .expect("guardian");
        entity::student_guardian::ActiveModel {
            student_id: Set(student.id),
            guardian_id: Set(guardian.id),
        }
        .insert(&self.db)
        .await
        .expect("link");
    }

    /// The path of the newest consent link in the outbox for `email` (what
    /// the guardian's mailbox would hold).
    pub async fn consent_link_mailed_to(&self, email: &str) -> String {
        self.link_mailed_to(email, "/consent/").await
    }
}

/// A waiting message's text, opened as the worker opens it (sealed at rest).
pub fn mailed_text(message: &entity::mail_outbox::Model) -> String {
    stembridge::mail::outbox::bodies(message)
        .expect("opens with this SECRET_KEY")
        .text
}

/// The first `path_prefix` path of the first of `texts` that has one.
fn first_link<'a>(
    texts: impl IntoIterator<Item = &'a String>,
    path_prefix: &str,
) -> Option<String> {
    texts
        .into_iter()
        .find(|text| text.contains(path_prefix))
        .map(|text| path_in(text, path_prefix))
}

/// The first `path_prefix` path in a message's text.
pub fn path_in(text: &str, path_prefix: &str) -> String {
    let start = text
        .find(path_prefix)
        .unwrap_or_else(|| panic!("no {path_prefix} link in the message: {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .expect("a link")
        .to_owned()
}

/// The `/consent/...` path in a message's text.
pub fn consent_path_in(text: &str) -> String {
    path_in(text, "/consent/")
}

/// What a roster upload came to, read from its status page once the
/// background import is done.
pub struct RosterUpload {
    /// Refused (every problem listed, nothing written) or failed.
    pub refused: bool,
    /// The finished status page.
    pub page: String,
}

impl TestApp {
    /// Uploads the three OneRoster files through the roster page's form, as
    /// a browser does, and follows the status page until the import ends.
    pub async fn upload_roster(
        &self,
        client: &Client,
        orgs: &[u8],
        users: &[u8],
        demographics: &[u8],
    ) -> RosterUpload {
        self.upload_roster_files(
            client,
            &[
                ("orgs", orgs),
                ("users", users),
                ("demographics", demographics),
            ],
        )
        .await
    }

    /// Uploads the named OneRoster files (`orgs`, `users`, `demographics`,
    /// `manifest`: each as `<name>.csv`) and follows the import to its end.
    pub async fn upload_roster_files(
        &self,
        client: &Client,
        files: &[(&str, &[u8])],
    ) -> RosterUpload {
        self.upload_roster_form(client, files, &[]).await
    }

    /// Uploads the named OneRoster files with other fields of the form
    /// (`confirm_inactive`, the box a refused upload's page offers) and
    /// follows the import to its end.
    pub async fn upload_roster_form(
        &self,
        client: &Client,
        files: &[(&str, &[u8])],
        fields: &[(&str, &str)],
    ) -> RosterUpload {
        let token = self.csrf_token(client, "/counselor/roster").await;
        let mut form = multipart::Form::new();
        for (name, body) in files {
            let part = multipart::Part::bytes(body.to_vec()).file_name(format!("{name}.csv"));
            form = form.part(name.to_string(), part);
        }
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let response = client
            .post(self.url(&format!("/counselor/roster/uploads?csrf_token={token}")))
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "upload started");
        let status_page = location(&response);
        // A full-size roster takes a while in a debug build.
        for _ in 0..1200 {
            let response = self.get_as(client, &status_page).await;
            assert_eq!(response.status(), StatusCode::OK, "{status_page}");
            let page = response.text().await.expect("body");
            if !page.contains("http-equiv=\"refresh\"") {
                return RosterUpload {
                    refused: page.contains("class=\"error-summary\""),
                    page,
                };
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the roster import did not finish within a minute");
    }
}

impl TestApp {
    /// Moves the moment the student took placement `id` (every placement
    /// when `None`) `days` back. Tests that move a placement's start into
    /// the past call it too: hours are refused for a day before the
    /// student held the place.
    pub async fn taken_days_ago(&self, id: Option<i32>, days: i64) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let at = chrono::Utc::now() - chrono::Duration::days(days);
        let mut update = entity::placement::Entity::update_many()
            .col_expr(entity::placement::Column::CreatedAt, Expr::value(at));
        if let Some(id) = id {
            update = update.filter(entity::placement::Column::Id.eq(id));
        }
        update.exec(&self.db).await.expect("placements moved back");
    }
}
