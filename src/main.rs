//! STEMbridge command line: parse the configuration, set up logging, run a subcommand.

use clap::Parser;
use stembridge::config::{Cli, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    stembridge::telemetry::init();
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => stembridge::app::serve(config).await,
        Command::Migrate => stembridge::cli::migrate(&config).await,
        Command::CreateAdmin(args) => stembridge::cli::create_admin(&config, args).await,
        Command::SeedDemo => stembridge::cli::seed_demo(&config).await,
        Command::Reindex => stembridge::cli::reindex(&config).await,
        Command::ImportRoster(args) => stembridge::cli::import_roster(&config, args).await,
        Command::Healthcheck => stembridge::cli::healthcheck(&config).await,
        Command::CheckContactDetails => stembridge::cli::check_contact_details(&config).await,
    }
}
