//! Logging setup. Log lines never carry student data: only ids and events.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber; `RUST_LOG` overrides the default level.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // A second call (tests start many apps in one process) is harmless.
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
