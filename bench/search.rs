//! Search benchmark (see BENCHMARKS.md; run it with `bash bench/search.sh`).
//!
//! `prepare DIR`: loads 100,000 generated opportunities into a fresh SQLite
//! database under DIR, times a full reindex, the engine alone on a fixed query
//! mix, and the delay from publishing to being searchable.
//! `load URL`: 32 concurrent clients on the HTTP search page of a server
//! started separately on DIR, with the same query mix.
//!
//! With `MEILI_URL` (and `MEILI_MASTER_KEY`) set, the index is built in that
//! Meilisearch server instead of the embedded engine, and the engine-alone
//! timings also give Meilisearch's own `processingTimeMs`, so the time spent
//! in the server and in the round trip can be told apart.

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use chrono::Utc;
use entity::{OpportunityStatus, OrgStatus, Role, organization};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, TransactionTrait};
use stembridge::{
    app,
    config::Config,
    db,
    format::today,
    opportunities::service as opportunities,
    search::{
        SearchEngine, embedded::EmbeddedEngine, meili::MeiliEngine, query::SearchParams, sync,
    },
    seed::postings,
};

const OPPORTUNITIES: usize = 100_000;
const ORGANIZATIONS: usize = 200;
const ENGINE_QUERIES: usize = 2_000;
const CLIENTS: usize = 32;
const REQUESTS_PER_CLIENT: usize = 100;

/// The fixed query mix: text, filters and geo, as students would combine them.
const MIX: &[&str] = &[
    "q=robotics",
    "q=nursing&need=paid",
    "q=data&zip=60623&within_miles=10",
    "need=paid&need=transit_accessible&grade=10",
    "q=enviromental&sort=deadline",
    "kind=internship&field=health&need=wheelchair_accessible",
    "q=software&mode=remote&lang=es",
    "zip=77004&within_miles=25&sort=nearest&need=paid",
    "q=lab&need=mentor_assigned&need=no_experience_required&grade=11",
    "field=computer_science&sort=pay",
    "q=chemistry+lab&zip=90011&within_miles=15",
    "need=after_school&need=transportation_support&zip=30310&within_miles=20",
    "q=welding&kind=apprenticeship",
    "sort=newest",
    "q=bridge+inspection&page=2",
    "need=asl_or_captioning&need=equipment_provided",
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

fn report(name: &str, mut samples: Vec<Duration>, wall: Duration) {
    samples.sort();
    println!(
        "{name}: n={} p50={:.2} ms p95={:.2} ms p99={:.2} ms max={:.2} ms throughput={:.0}/s",
        samples.len(),
        percentile(&samples, 0.50),
        percentile(&samples, 0.95),
        percentile(&samples, 0.99),
        percentile(&samples, 1.0),
        samples.len() as f64 / wall.as_secs_f64()
    );
}

async fn prepare(dir: PathBuf) -> anyhow::Result<()> {
    std::fs::create_dir_all(&dir)?;
    let mut config = Config::for_database(
        format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()),
        dir.clone(),
    );
    config.database_url = None;
    // The app's own engine choice, for the publish-to-searchable phase too.
    config.meili_url = std::env::var("MEILI_URL").ok();
    config.meili_master_key = std::env::var("MEILI_MASTER_KEY").ok();
    let database = db::connect_and_migrate(&config).await?;

    let started = Instant::now();
    let hash = stembridge::auth::password::hash("benchmark-password".into()).await?;
    let txn = database.begin().await?;
    let mut employers = Vec::new();
    for n in 0..ORGANIZATIONS {
        let organization = organization::ActiveModel {
            name: Set(format!("Bench Organization {n}")),
            website: Set(String::new()),
            description: Set(String::new()),
            address: Set(String::new()),
            zip: Set("60601".into()),
            contact_email: Set(format!("org{n}@bench.test")),
            contact_phone: Set(String::new()),
            status: Set(OrgStatus::Verified),
            status_reason: Set(None),
            reviewed_by: Set(None),
            reviewed_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let employer = stembridge::accounts::service::insert_user_hashed(
            &txn,
            &format!("employer{n}@bench.test"),
            &format!("Employer {n}"),
            Role::Employer,
            Some(organization.id),
            &hash,
        )
        .await?;
        employers.push((organization.id, employer.id));
    }
    txn.commit().await?;
    let mut rng = postings::rng(100_000);
    for chunk in 0..OPPORTUNITIES / 5_000 {
        let txn = database.begin().await?;
        for n in 0..5_000 {
            let (organization_id, employer_id) = employers[(chunk * 5_000 + n) % ORGANIZATIONS];
            let posting = postings::generate(&mut rng, chunk * 5_000 + n, today())
                .parse()
                .map_err(|e| anyhow::anyhow!(e.summary(stembridge::i18n::Lang::En)))?;
            opportunities::insert(
                &txn,
                &opportunities::Made {
                    organization_id,
                    created_by: employer_id,
                    created_with: None,
                },
                &posting,
                OpportunityStatus::Published,
            )
            .await?;
        }
        txn.commit().await?;
    }
    println!(
        "loaded {OPPORTUNITIES} opportunities into SQLite in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let engine = Engine::open(&config)?;
    let started = Instant::now();
    let count = sync::rebuild_recording_shape(
        &database,
        engine.search(),
        sync::shape_key(&config).as_deref(),
    )
    .await?;
    let elapsed = started.elapsed();
    println!(
        "full reindex: {count} documents in {:.2} s ({:.0} documents/s)",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );

    // The engine alone, one query at a time.
    let queries: Vec<_> = MIX
        .iter()
        .map(|q| serde_html_form::from_str::<SearchParams>(q).map(|p| p.parse(today())))
        .collect::<Result<Result<Vec<_>, _>, _>>()?
        .map_err(|e| anyhow::anyhow!(e.message))?;
    for query in &queries {
        engine.search().search(query).await?; // warm the caches
    }
    let before = engine.processing_time();
    let mut samples = Vec::with_capacity(ENGINE_QUERIES);
    let started = Instant::now();
    for n in 0..ENGINE_QUERIES {
        let begun = Instant::now();
        engine.search().search(&queries[n % queries.len()]).await?;
        samples.push(begun.elapsed());
    }
    let round_trips: Duration = samples.iter().sum();
    report(
        &format!("engine alone ({}, sequential)", engine.name()),
        samples,
        started.elapsed(),
    );
    engine.report_processing(before, round_trips);
    drop(engine);

    // Publish to searchable, through the running app's outbox worker.
    let mut config = config.clone();
    config.bind = "127.0.0.1:0".parse()?;
    let running = app::start(config).await?;
    let mut delays = Vec::new();
    for (n, &(organization_id, employer_id)) in employers.iter().enumerate().take(20) {
        let mut form = postings::generate(&mut rng, n, today());
        form.title = format!("Zyxwvut marker posting {n}");
        let posting = form
            .parse()
            .map_err(|e| anyhow::anyhow!(e.summary(stembridge::i18n::Lang::En)))?;
        let txn = db::begin_write(&running.state.db).await?;
        opportunities::insert(
            &txn,
            &opportunities::Made {
                organization_id,
                created_by: employer_id,
                created_with: None,
            },
            &posting,
            OpportunityStatus::Published,
        )
        .await?;
        txn.commit().await?;
        // As a publish over HTTP does once it has answered.
        running.state.wake.committed();
        let published = Instant::now();
        let query =
            serde_html_form::from_str::<SearchParams>(&format!("q=zyxwvut+marker+posting+{n}"))?
                .parse(today())
                .map_err(|e| anyhow::anyhow!(e.message))?;
        loop {
            let results = running.state.search.search(&query).await?;
            if results.hits.iter().any(|h| h.document.title == form.title) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        delays.push(published.elapsed());
    }
    report("publish to searchable", delays, Duration::from_secs(1));
    running.stop();
    // Leave the demo-free database for the HTTP phase.
    Ok(())
}

async fn load(base: String) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()?;
    for q in MIX {
        let status = client
            .get(format!("{base}/search?{q}"))
            .send()
            .await?
            .status();
        anyhow::ensure!(status.is_success(), "{q}: {status}");
    }
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let client = client.clone();
        let base = base.clone();
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::with_capacity(REQUESTS_PER_CLIENT);
            let mut bytes = 0usize;
            for n in 0..REQUESTS_PER_CLIENT {
                let q = MIX[(c * 7 + n) % MIX.len()];
                let begun = Instant::now();
                let body = client
                    .get(format!("{base}/search?{q}"))
                    .send()
                    .await?
                    .bytes()
                    .await?;
                samples.push(begun.elapsed());
                bytes += body.len();
            }
            Ok::<_, anyhow::Error>((samples, bytes))
        }));
    }
    let mut samples = Vec::new();
    let mut bytes = 0;
    for task in tasks {
        let (s, b) = task.await??;
        samples.extend(s);
        bytes += b;
    }
    let wall = started.elapsed();
    let pages = samples.len();
    report(
        &format!("HTTP /search page, {CLIENTS} concurrent clients"),
        samples,
        wall,
    );
    println!(
        "average page size: {:.1} KB",
        bytes as f64 / pages as f64 / 1024.0
    );
    Ok(())
}

/// `engine DIR`: each query of the mix alone on an index prepared earlier.
async fn per_query(dir: PathBuf) -> anyhow::Result<()> {
    let engine = Engine::open(&Config::for_database(String::new(), dir))?;
    for q in MIX {
        let query = serde_html_form::from_str::<SearchParams>(q)?
            .parse(today())
            .map_err(|e| anyhow::anyhow!(e.message))?;
        engine.search().search(&query).await?;
        let before = engine.processing_time();
        let mut samples = Vec::new();
        let started = Instant::now();
        for _ in 0..200 {
            let begun = Instant::now();
            let results = engine.search().search(&query).await?;
            samples.push(begun.elapsed());
            std::hint::black_box(results);
        }
        let round_trips: Duration = samples.iter().sum();
        report(q, samples, started.elapsed());
        engine.report_processing(before, round_trips);
    }
    Ok(())
}

/// The engine under test: Meilisearch when `MEILI_URL` is set, as the app
/// chooses, else the embedded index under DATA_DIR.
enum Engine {
    Embedded(EmbeddedEngine),
    Meili(MeiliEngine),
}

impl Engine {
    fn open(config: &Config) -> anyhow::Result<Self> {
        Ok(match std::env::var("MEILI_URL") {
            Ok(url) => Engine::Meili(MeiliEngine::new(
                &url,
                std::env::var("MEILI_MASTER_KEY").ok().as_deref(),
                &config.meili_index,
            )?),
            Err(_) => Engine::Embedded(EmbeddedEngine::open(&EmbeddedEngine::directory(
                &config.data_dir,
            ))?),
        })
    }

    fn search(&self) -> &dyn SearchEngine {
        match self {
            Engine::Embedded(engine) => engine,
            Engine::Meili(engine) => engine,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Engine::Embedded(_) => "embedded",
            Engine::Meili(_) => "Meilisearch",
        }
    }

    fn processing_time(&self) -> (u64, u64) {
        match self {
            Engine::Embedded(_) => (0, 0),
            Engine::Meili(engine) => engine.processing_time(),
        }
    }

    /// Meilisearch's own time per search since `before`, beside the mean
    /// round trip the app saw.
    fn report_processing(&self, before: (u64, u64), round_trips: Duration) {
        let (searches, ms) = self.processing_time();
        let searches = searches - before.0;
        if searches > 0 {
            println!(
                "  Meilisearch processingTimeMs: mean {:.2} ms of a mean {:.2} ms round trip",
                (ms - before.1) as f64 / searches as f64,
                round_trips.as_secs_f64() * 1000.0 / searches as f64
            );
        }
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; the mode is the first other argument.
    let rest: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match rest.as_slice() {
        [mode, dir] if mode.as_str() == "prepare" => runtime.block_on(prepare(PathBuf::from(dir))),
        [mode, url] if mode.as_str() == "load" => runtime.block_on(load(url.to_string())),
        [mode, dir] if mode.as_str() == "engine" => runtime.block_on(per_query(PathBuf::from(dir))),
        _ => {
            eprintln!("usage: search prepare DIR | search load URL   (see bench/search.sh)");
            Ok(())
        }
    }
}
