//! All configuration, read once from the command line and the environment.
//! Nothing else in the code reads environment variables.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Args, Parser, Subcommand};

/// The `stembridge` command line.
#[derive(Debug, Parser)]
#[command(
    name = "stembridge",
    version,
    about = "STEM internships and job shadows for school students"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

/// What to run; `serve` when none is given.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an administrator account.
    CreateAdmin(CreateAdminArgs),
    /// Load a realistic demo data set and print the demo logins.
    SeedDemo,
    /// Rebuild the search index from the database.
    Reindex,
    /// Import a OneRoster 1.1 CSV roster (a folder with orgs.csv, users.csv, demographics.csv).
    ImportRoster(ImportRosterArgs),
    /// Exit 0 if the server on BIND answers /readyz (for container health checks).
    Healthcheck,
    /// List the postings students can see whose text holds a phone number,
    /// an email address, a link or a social media handle (saved before such
    /// text was refused); exit 1 when there are any.
    CheckContactDetails,
}

#[derive(Debug, Args)]
pub struct ImportRosterArgs {
    /// Folder holding orgs.csv, users.csv and demographics.csv.
    pub path: std::path::PathBuf,
    /// Yes, make this many students inactive: needed when the roster would
    /// make more than half of a school's students (and more than 10)
    /// inactive at once; a refused run names the number.
    #[arg(long, value_name = "N")]
    pub confirm_inactive: Option<usize>,
    /// The roster source its ids belong to (sourcedIds are unique only
    /// within one district's system): by default the district org of
    /// orgs.csv; name one when the export has none, or has several.
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    /// Yes, these N rows are right: needed when the roster would change
    /// both names of a student, lower a grade, rename a school entirely or
    /// match students added by hand ambiguously; a refused run lists them.
    #[arg(long, value_name = "N")]
    pub confirm_review: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CreateAdminArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long, default_value = "Administrator")]
    pub name: String,
    /// The password; read from the environment so it stays out of shell history.
    #[arg(long, env = "ADMIN_PASSWORD", hide_env_values = true)]
    pub password: String,
}

/// Runtime configuration shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database URL; a SQLite file under DATA_DIR when unset.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Directory for the SQLite file and the embedded search index.
    #[arg(long, env = "DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// Address the web server listens on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:3000", global = true)]
    pub bind: SocketAddr,
    /// Meilisearch server URL; the embedded search engine is used when unset.
    #[arg(long, env = "MEILI_URL", global = true)]
    pub meili_url: Option<String>,
    #[arg(long, env = "MEILI_MASTER_KEY", hide_env_values = true, global = true)]
    pub meili_master_key: Option<String>,
    /// Name of the Meilisearch index.
    #[arg(
        long,
        env = "MEILI_INDEX",
        default_value = "opportunities",
        global = true
    )]
    pub meili_index: String,
    /// Mark cookies Secure (set to true behind HTTPS).
    #[arg(long, env = "COOKIE_SECURE", default_value_t = false, global = true)]
    pub cookie_secure: bool,
    /// Minutes of inactivity after which a session ends.
    #[arg(
        long,
        env = "SESSION_IDLE_MINUTES",
        default_value_t = 60,
        global = true
    )]
    pub session_idle_minutes: i64,
    /// Hours after login after which a session ends, active or not.
    #[arg(
        long,
        env = "SESSION_ABSOLUTE_HOURS",
        default_value_t = 12,
        global = true
    )]
    pub session_absolute_hours: i64,
    /// Dashboard cells with fewer students than this are suppressed (never below 5).
    #[arg(
        long,
        env = "SUPPRESSION_THRESHOLD",
        default_value_t = 10,
        global = true
    )]
    pub suppression_threshold: usize,
    /// Seconds the counselor pages may show a scope's figures again without
    /// counting them afresh, as long as no student, application, placement
    /// or belonging answer changed meanwhile (0: count every time).
    #[arg(long, env = "STATS_CACHE_SECONDS", default_value_t = 60, global = true)]
    pub stats_cache_seconds: u64,
    /// Fair draws count low-income students (from the roster) in the priority
    /// tier, with counselor-marked students. Race, ethnicity, sex and
    /// disability are never inputs.
    #[arg(
        long,
        env = "DRAW_LOW_INCOME_TIER",
        default_value_t = false,
        global = true
    )]
    pub draw_low_income_tier: bool,
    /// Admins and counselors must use an authenticator app (TOTP) to log in.
    #[arg(
        long,
        env = "REQUIRE_STAFF_MFA",
        default_value_t = false,
        global = true
    )]
    pub require_staff_mfa: bool,
    /// Seconds between checks that the search index holds what the database
    /// says it should (an empty or drifted index is rebuilt by itself).
    #[arg(
        long,
        env = "SEARCH_CHECK_SECONDS",
        default_value_t = 30,
        global = true
    )]
    pub search_check_seconds: u64,
    /// Largest database connection pool.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 16, global = true)]
    pub db_max_connections: u32,
    /// Proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For is
    /// believed when limiting per client address; nobody's when empty.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", global = true)]
    pub trusted_proxies: crate::auth::client_address::TrustedProxies,
    /// Key of the HMAC that stored tokens are digested with (at least 32
    /// characters); generated into DATA_DIR/secret_key on first start when unset.
    #[arg(long, env = "SECRET_KEY", hide_env_values = true, global = true)]
    pub secret_key: Option<String>,
    /// SMTP server for email: `smtps://user:pass@host` (TLS), or
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS; `opportunistic`
    /// also accepted). Unset: messages wait in the outbox, read at /admin/mail.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,
    /// The sender of every email.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "STEMbridge <no-reply@stembridge.invalid>",
        global = true
    )]
    pub mail_from: String,
    /// The address people reach this site at, for links in email
    /// (default: http:// and the BIND address).
    #[arg(long, env = "PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// The site's time zone as the environment names it (`TZ`, such as
    /// `America/Chicago`). The system's clock reads `TZ` itself (see
    /// `format::today`); this is its name, for the calendar files we mail.
    /// Not a flag: a zone given as a flag would name one zone while the
    /// clock ran in another.
    #[arg(skip = time_zone_of_environment())]
    pub time_zone: Option<String>,
}

/// `TZ`, which the system's clock reads, when it is set.
fn time_zone_of_environment() -> Option<String> {
    std::env::var("TZ").ok().filter(|tz| !tz.is_empty())
}

/// The key every test app shares: tokens are digested with one key per process.
pub const TEST_SECRET_KEY: &str = "test-only secret key: never use it for a real server";

impl Config {
    /// The database URL in force: the configured one, else the default SQLite file.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("stembridge.db").display()
            ),
        }
    }

    /// A configuration for tests and tools: everything at its default but the database.
    pub fn for_database(database_url: String, data_dir: PathBuf) -> Self {
        Self {
            database_url: Some(database_url),
            data_dir,
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            meili_url: None,
            meili_master_key: None,
            meili_index: "opportunities".into(),
            cookie_secure: false,
            session_idle_minutes: 60,
            session_absolute_hours: 12,
            suppression_threshold: 10,
            stats_cache_seconds: 60,
            draw_low_income_tier: false,
            require_staff_mfa: false,
            search_check_seconds: 30,
            db_max_connections: 8,
            trusted_proxies: Default::default(),
            // One process runs many test apps and a process has one key (see tokens).
            secret_key: Some(TEST_SECRET_KEY.into()),
            smtp_url: None,
            mail_from: "STEMbridge <no-reply@stembridge.invalid>".into(),
            public_url: None,
            // The process's clock runs in it, whatever the configuration.
            time_zone: time_zone_of_environment(),
        }
    }
}
