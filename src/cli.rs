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
    let form = NewAdmin {
        display_name: args.name,
        email: args.email,
        password: args.password,
    };
    match insert_admin(&db, &form).await {
        Ok(admin) => {
            println!("Administrator {} created.", admin.email);
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            anyhow::bail!("{}", errors.summary(crate::i18n::Lang::En))
        }
        Err(other) => Err(anyhow::anyhow!(other)),
    }
}

/// `reindex`: rebuilds the search index from the database. With the embedded
/// engine, stop the server first (one process owns the index).
pub async fn reindex(config: &Config) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let engine = crate::app::open_search(config, &db).await?;
    let started = std::time::Instant::now();
    let shape_key = crate::search::sync::shape_key(config);
    let count =
        crate::search::sync::rebuild_recording_shape(&db, engine.as_ref(), shape_key.as_deref())
            .await?;
    println!(
        "Indexed {count} opportunities in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `check-contact-details`: lists the postings students can see whose text
/// holds contact details (saved before the rule refused them), one line
/// each, for an admin to edit, close or take up with the organization; an
/// error (exit 1) when there are any, so a scheduled run is noticed.
pub async fn check_contact_details(config: &Config) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let flagged = crate::opportunities::service::flagged_postings(&db).await?;
    for f in &flagged {
        println!(
            "posting {} (organization {}) “{}”: {} holds “{}” ({})",
            f.id,
            f.organization_id,
            f.title,
            f.field,
            f.found.text,
            f.found.kind.key()
        );
    }
    if flagged.is_empty() {
        println!("No posting students can see holds contact details.");
        return Ok(());
    }
    anyhow::bail!(
        "{} postings students can see hold contact details",
        flagged.len()
    )
}

/// `import-roster PATH`: imports a OneRoster folder as an administrator,
/// with a progress bar; prints every error (and writes nothing) when invalid.
pub async fn import_roster(
    config: &Config,
    args: crate::config::ImportRosterArgs,
) -> anyhow::Result<()> {
    use crate::roster::import::{RosterFiles, import};
    // SIS exports deliver OneRoster as one zip: say what to do with it,
    // not "Not a directory" (eyes17b F9).
    if args.path.is_file() {
        let zip = std::fs::read(&args.path)
            .map(|bytes| bytes.starts_with(b"PK\x03\x04"))
            .unwrap_or(false);
        let id = if zip {
            "roster-cli-zip"
        } else {
            "roster-cli-not-folder"
        };
        anyhow::bail!(
            "{}",
            crate::i18n::t_args(
                crate::i18n::Lang::En,
                id,
                vec![("path", args.path.display().to_string().into())],
            )
        );
    }
    let read = |name: &str| {
        std::fs::read(args.path.join(name))
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.path.join(name).display()))
    };
    // demographics.csv and manifest.csv are optional in OneRoster.
    let optional = |name: &str| {
        if args.path.join(name).exists() {
            read(name)
        } else {
            Ok(Vec::new())
        }
    };
    let files = RosterFiles {
        orgs: read("orgs.csv")?,
        users: read("users.csv")?,
        demographics: optional("demographics.csv")?,
        manifest: optional("manifest.csv")?,
        confirmed_inactive: args.confirm_inactive,
        source: args.source.clone(),
        confirmed_review: args.confirm_review,
    };
    let db = db::connect_and_migrate(config).await?;
    // The command line acts as the system administrator.
    let importer = crate::auth::extractors::CurrentUser {
        id: first_admin_id(&db).await?,
        email: String::new(),
        display_name: "command line".into(),
        role: entity::Role::Admin,
        organization_id: None,
        organization_status: None,
        mfa_enabled: false,
    };
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} students ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let outcome = import(&db, &importer, &files, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await?;
    bar.finish_and_clear();
    match outcome {
        Ok(summary) => {
            println!(
                "Imported {} school(s): {} new students, {} updated, {} deactivated; \
                 guardians: {} new, {} updated, {} deactivated; in {:.1} s.",
                summary.schools,
                summary.created,
                summary.updated,
                summary.deactivated,
                summary.guardians_created,
                summary.guardians_updated,
                summary.guardians_deactivated,
                started.elapsed().as_secs_f64()
            );
            let english = |id: &str, args: Vec<(&str, crate::i18n::Arg)>| {
                crate::i18n::t_args(crate::i18n::Lang::En, id, args)
            };
            // What the web result says too (eyes17b F9): where the ids
            // were matched, what was taken in, moved, left as it was.
            let source = if summary.source.is_empty() {
                "none"
            } else {
                summary.source.as_str()
            };
            println!(
                "{}",
                english("roster-source-summary", vec![("source", source.into())])
            );
            if summary.guardians_unlisted {
                println!("{}", english("families-roster-guardians-unlisted", vec![]));
            }
            for (count, id) in [
                (summary.schools_adopted, "roster-schools-adopted"),
                (summary.adopted, "roster-adopted"),
                (summary.rekeyed, "roster-rekeyed"),
                (summary.moved, "roster-moved"),
                (
                    summary.consent_requested,
                    "families-roster-consent-requested",
                ),
                (summary.consent_resent, "families-roster-consent-resent"),
                (summary.consent_asked, "families-roster-consent"),
                (
                    summary.consent_adults_waiting,
                    "families-roster-consent-adults",
                ),
            ] {
                if count > 0 {
                    let count = i64::try_from(count).unwrap_or(i64::MAX);
                    let line = crate::i18n::t_args(
                        crate::i18n::Lang::En,
                        id,
                        vec![("count", count.into())],
                    );
                    println!("{line}");
                }
            }
            for (file, encoding) in &summary.encodings {
                let id = encoding.message_id();
                let line =
                    crate::i18n::t_args(crate::i18n::Lang::En, id, vec![("file", (*file).into())]);
                println!("{line}");
            }
            if !summary.unwritten_languages.is_empty() {
                println!("{}", english("families-roster-unwritten-languages", vec![]));
                for (code, count) in &summary.unwritten_languages {
                    let count = i64::try_from(*count).unwrap_or(i64::MAX);
                    let language = crate::i18n::language_name(crate::i18n::Lang::En, code);
                    let id = if crate::languages::signed(code) {
                        "families-roster-unwritten-language-signed"
                    } else if crate::i18n::tagline(code).is_some() {
                        "families-roster-unwritten-language"
                    } else {
                        "families-roster-unwritten-language-english-only"
                    };
                    println!(
                        "  {}",
                        english(
                            id,
                            vec![("language", language.into()), ("count", count.into())]
                        )
                    );
                }
            }
            for warning in &summary.warnings {
                eprintln!("{}", warning.message(crate::i18n::Lang::En));
            }
            Ok(())
        }
        Err(refusal) => {
            for error in &refusal.errors {
                eprintln!("{error}");
            }
            if let Some(count) = refusal.confirm_review {
                let count = i64::try_from(count).unwrap_or(i64::MAX);
                eprintln!(
                    "{}",
                    crate::i18n::t_args(
                        crate::i18n::Lang::En,
                        "roster-confirm-review-cli",
                        vec![("count", count.into())],
                    )
                );
            }
            if let Some(count) = refusal.confirm_inactive {
                let count = i64::try_from(count).unwrap_or(i64::MAX);
                eprintln!(
                    "{}",
                    crate::i18n::t_args(
                        crate::i18n::Lang::En,
                        "roster-confirm-inactive-cli",
                        vec![("count", count.into())],
                    )
                );
            }
            anyhow::bail!(
                "The roster has {} error(s); nothing was imported.",
                refusal.errors.len()
            )
        }
    }
}

async fn first_admin_id(db: &sea_orm::DatabaseConnection) -> anyhow::Result<i32> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    entity::user::Entity::find()
        .filter(entity::user::Column::Role.eq(entity::Role::Admin))
        .order_by_asc(entity::user::Column::Id)
        .one(db)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| anyhow::anyhow!("Create an administrator first (stembridge create-admin)."))
}

/// `seed-demo`: loads the demo data set and prints its logins.
pub async fn seed_demo(config: &Config) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(config).await?;
    let logins = seed::load_demo(&db).await?;
    // The demo's past school year is published as the summer job would have
    // published it, so the public impact page has figures to show.
    let today = crate::format::today();
    crate::impact::published::publish_closed(
        &db,
        crate::counseling::service::school_year_of(today) - 1,
        today,
        crate::disclosure::effective_threshold(config.suppression_threshold),
    )
    .await?;
    println!(
        "Demo data loaded. Every demo account uses the password: {}",
        seed::DEMO_PASSWORD
    );
    println!("Employers 4 to 12 follow the same pattern (employer4@... to employer12@...).");
    for login in logins {
        println!("  {:<10} {}", login.role, login.email);
    }
    println!(
        "Every demo student has a guardian contact at example.org (a third read Spanish). \
         Without SMTP_URL no email is sent: sign in as the admin and read it at /admin/mail."
    );
    Ok(())
}

/// `healthcheck`: asks the server on BIND for `/readyz` over plain HTTP and
/// fails unless it answers 200 within 3 s (so a server whose database is
/// gone is unhealthy, not just a live process). The container image has no curl,
/// and its /bin/sh (dash) has no /dev/tcp.
pub async fn healthcheck(config: &Config) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let mut address = config.bind;
    if address.ip().is_unspecified() {
        address.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let ask = async {
        let mut stream = tokio::net::TcpStream::connect(address).await?;
        stream
            .write_all(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await?;
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).await?;
        anyhow::Ok(head)
    };
    let head = tokio::time::timeout(std::time::Duration::from_secs(3), ask).await??;
    anyhow::ensure!(
        head.starts_with(b"HTTP/1.1 200"),
        "/readyz answered {}",
        String::from_utf8_lossy(&head)
    );
    Ok(())
}
