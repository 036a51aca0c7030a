//! Subcommands other than `serve`.

use crate::{
    accounts::service::{NewAdmin, create_admin as insert_admin},
    config::{Config, CreateAdminArgs},
    db,
    error::AppError,
    seed,
};

/// `migrate`: applies pending migrations.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    db::connect_and_migrate(config).await?;
    println!("Database is up to date.");
    Ok(())
}

/// `create-admin`: creates an administrator account.
pub async fn create_admin(config: &Config, args: CreateAdminArgs) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let form = NewAdmin { display_name: args.name, email: args.email, password: args.password };
    match insert_admin(&db, &form).await {
        Ok(admin) => {
            println!("Administrator {} created.", admin.email);
            Ok(())
        }
        Err(AppError::Validation(errors)) => anyhow::bail!("{}", errors.summary()),
        Err(other) => Err(anyhow::anyhow!(other)),
    }
}

/// `reindex`: rebuilds the search index from the database. With the embedded
/// engine, stop the server first (one process owns the index).
pub async fn reindex(config: &Config) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let engine = crate::app::open_search(config, &db).await?;
    let started = std::time::Instant::now();
    let count = crate::search::sync::rebuild(&db, engine.as_ref()).await?;
    println!("Indexed {count} opportunities in {:.1} s.", started.elapsed().as_secs_f64());
    Ok(())
}

/// `seed-demo`: loads the demo data set and prints its logins.
pub async fn seed_demo(config: &Config) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let logins = seed::load_demo(&db).await?;
    println!("Demo data loaded. Every demo account uses the password: {}", seed::DEMO_PASSWORD);
    println!("Employers 4 to 12 follow the same pattern (employer4@... to employer12@...).");
    for login in logins {
        println!("  {:<10} {}", login.role, login.email);
    }
    Ok(())
}
