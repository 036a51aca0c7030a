//! Application state, router assembly and start-up.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, FromRef, Request, State},
    http::{HeaderName, HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use sea_orm::DatabaseConnection;
use tokio::{net::TcpListener, task::JoinHandle};
use tower_http::{set_header::SetResponseHeaderLayer, trace::TraceLayer};
use tower_sessions::{Expiry, Session, SessionManagerLayer, cookie::SameSite};

use crate::{
    accounts, admin, applications,
    auth::{self, csrf, form_limits, session_store::DbSessionStore, throttle},
    commitments,
    config::Config,
    counseling, db, draws,
    error::AppError,
    families, impact, mail, notifications, opportunities, organizations, pages, placements,
    profiles, roster,
    search::{
        self, SearchEngine, embedded::EmbeddedEngine, index_lock::IndexLock, meili::MeiliEngine,
        sync,
    },
    security,
};

/// What every handler can reach. Every middleware layer clones it into
/// each request, so it is one shared allocation: a clone is one counter,
/// not one per part.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of `AppState`.
pub struct Shared {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    /// The configured search engine (embedded or Meilisearch).
    pub search: Arc<dyn SearchEngine>,
    /// Answers searches from the database while the engine cannot.
    pub fallback: Arc<crate::search::database::Fallback>,
    /// Where people reach this site (`PUBLIC_URL`, else the bound address):
    /// links in email start with it.
    pub site_url: Arc<str>,
    /// Wakes the outbox workers after a write (see `wake_after_writes`).
    pub wake: crate::outbox::Wake,
    /// The counselor pages' figures per scope, kept while the data they
    /// count is unchanged (`STATS_CACHE_SECONDS`).
    pub figures: Arc<crate::counseling::remembered::FiguresMemory>,
}

/// Handlers and middleware that need only the database take
/// `State<DatabaseConnection>` (a pool handle: cloning it is cheap).
impl FromRef<AppState> for DatabaseConnection {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// The whole router with its middleware, over an open database.
pub fn router(state: AppState) -> Router {
    let store = DbSessionStore::new(
        state.db.clone(),
        chrono::Duration::minutes(state.config.session_idle_minutes),
    );
    // Over HTTPS the `__Host-` prefix makes browsers refuse the cookie unless it
    // is Secure, host-only and for `/`: a subdomain cannot plant or shadow it.
    let cookie_name = if state.config.cookie_secure {
        "__Host-stembridge_session"
    } else {
        "stembridge_session"
    };
    let sessions = SessionManagerLayer::new(store)
        .with_name(cookie_name)
        .with_path("/")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.cookie_secure)
        // A browser-session cookie: closing the browser (a lab or library
        // computer) ends the sign-in. The idle limit is the store's, the
        // absolute limit `extractors::load_user`'s.
        .with_expiry(Expiry::OnSessionEnd);

    let routes = Router::new()
        .merge(pages::router())
        .merge(auth::router())
        .merge(accounts::router())
        .merge(admin::router())
        .merge(roster::router())
        .merge(organizations::router())
        .merge(opportunities::router())
        .merge(profiles::router())
        .merge(search::router())
        .merge(crate::alerts::router())
        .merge(applications::router())
        .merge(placements::router())
        .merge(notifications::router())
        .merge(counseling::router())
        .merge(families::router())
        .merge(mail::router())
        .merge(security::router())
        .merge(draws::router())
        .merge(commitments::router())
        .merge(impact::router())
        .fallback(pages::not_found)
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            form_limits::guard,
        ))
        .layer(middleware::from_fn(csrf::guard))
        .layer(middleware::from_fn(
            crate::form_encoding::multipart_as_urlencoded,
        ))
        .layer(middleware::from_fn(
            crate::counseling::audit::head_records_nothing,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error_pages_know_the_reader,
        ))
        .layer(middleware::from_fn(no_store_when_signed_in))
        // A page opened from a guardian's mailed link: the reader's choice,
        // else the guardian's language.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::families::link_language::in_guardian_pages_language,
        ))
        // Inside the sessions (a signed-in person's saved language), around
        // everything that may answer with a page.
        .layer(middleware::from_fn(crate::i18n::request_language))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session_save_failures,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            wake_after_writes,
        ))
        .layer(DefaultBodyLimit::max(8 * 1024 * 1024));
    with_security_headers(routes, state.config.cookie_secure)
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// A request's span names its route (`/consent/{token}`), never its path
/// or query: paths carry secrets (consent, reset and confirmation links)
/// and queries a student's ZIP code and access needs, and a log at any
/// level must hold neither.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("(no route)", axum::extract::MatchedPath::as_str);
    tracing::debug_span!("request", method = %request.method(), route)
}

/// Wakes the outbox workers once a write request has answered: every
/// handler commits its transaction before it answers, so what the change
/// queued (a posting to index, a mail to send) is visible to them now.
/// Publish to searchable then takes one index round, not a poll interval.
async fn wake_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !request.method().is_safe();
    let response = next.run(request).await;
    if writes {
        state.wake.committed();
    }
    response
}

/// tower-sessions answers a bare 500 when it cannot save the session (the
/// database went away while the page was made). Give the person a page:
/// 503 "try again in a minute" when the database is unreachable, 503
/// "storage is full" when it has no room to write.
async fn session_save_failures(
    State(db): State<DatabaseConnection>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    let bare_failure = response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !response.headers().contains_key(header::CONTENT_TYPE);
    if !bare_failure {
        return response;
    }
    match db.ping().await {
        Err(_) => AppError::Unavailable.into_response(),
        Ok(()) if crate::auth::session_store::storage_full_recently() => {
            AppError::StorageFull.into_response()
        }
        Ok(()) => {
            AppError::Internal(anyhow::anyhow!("the session could not be saved")).into_response()
        }
    }
}

/// An error page shows the same header as every other page (the signed-in
/// person's menu and log-out button, not the anonymous one): `AppError`
/// answers without the request, so an answer it made is rendered again
/// here with the reader's `Page`. When even that cannot be made (the
/// database is down), the plain error page stays.
async fn error_pages_know_the_reader(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    use axum::extract::FromRequestParts;
    let (parts, body) = request.into_parts();
    let mut reader = parts.clone();
    let response = next.run(Request::from_parts(parts, body)).await;
    let Some(error) = response
        .extensions()
        .get::<crate::error::ErrorPage>()
        .cloned()
    else {
        return response;
    };
    let Ok(page) = auth::extractors::Page::from_request_parts(&mut reader, &state).await else {
        return response;
    };
    let context = crate::templates::error_context(error.status, &error.message);
    let Ok(html) = page.render("errors/error.html", context) else {
        return response;
    };
    let (mut head, _) = response.into_parts();
    head.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(head, axum::body::Body::from(html.0))
}

/// Nothing a signed-in person sees (pages, CSV exports) may be kept by a
/// browser or proxy cache, where the next user of a shared school computer
/// would find it with the back button.
async fn no_store_when_signed_in(session: Session, request: Request, next: Next) -> Response {
    let signed_in = matches!(session.get::<i32>(auth::USER_ID).await, Ok(Some(_)));
    let mut response = next.run(request).await;
    if signed_in {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Public, read-only data (the search API, its description, the feeds):
/// any website may read it from a browser with GET (`*` carries no
/// credentials, so nothing of a signed-in person's is readable; a preflight
/// for any request header is answered yes, for a day), and caches may keep
/// it a minute, one copy per reader's language (a signed-in reader's copy
/// is still `no-store`).
pub fn public_data(router: Router<AppState>) -> Router<AppState> {
    use axum::http::Method;
    use tower_http::cors::{Any, CorsLayer};
    router
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD])
                .allow_headers(Any)
                .max_age(Duration::from_secs(24 * 60 * 60)),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=60"),
        ))
        // The words (feed entries, error messages) follow the reader's
        // language: from Accept-Language or the language cookie.
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        ))
}

/// Response headers that lock pages down: no inline script, no framing, no
/// sniffing; over HTTPS, HSTS so the browser never tries plain HTTP again.
fn with_security_headers(router: Router<AppState>, https: bool) -> Router<AppState> {
    let csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
               form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    let headers = [
        (header::CONTENT_SECURITY_POLICY, csp),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    let router = headers.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ))
    });
    if https {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    }
}

/// A running server: its address, its state, and the tasks serving it.
pub struct RunningApp {
    pub address: SocketAddr,
    pub state: AppState,
    pub server: JoinHandle<std::io::Result<()>>,
    background: Vec<JoinHandle<()>>,
    /// The embedded index's lock, while this server uses it.
    index_lock: std::sync::Mutex<Option<IndexLock>>,
}

impl RunningApp {
    /// Stops serving and stops the background workers (tests restart apps),
    /// and lets go of the embedded index for the next server.
    pub fn stop(&self) {
        self.server.abort();
        for task in &self.background {
            task.abort();
        }
        if let Ok(mut lock) = self.index_lock.lock() {
            lock.take();
        }
    }
}

/// Opens the configured search engine: Meilisearch when `MEILI_URL` is set,
/// else the embedded index under DATA_DIR (filled from the database when new).
pub async fn open_search(
    config: &Config,
    db: &DatabaseConnection,
) -> anyhow::Result<Arc<dyn SearchEngine>> {
    if let Some(url) = &config.meili_url {
        let engine =
            MeiliEngine::new(url, config.meili_master_key.as_deref(), &config.meili_index)?;
        if let Err(error) = engine.ready().await {
            // Writes still succeed and wait in the outbox; search uses the database meanwhile.
            tracing::warn!(%error, "Meilisearch is not reachable yet");
        }
        return Ok(Arc::new(engine));
    }
    let engine = EmbeddedEngine::open(&EmbeddedEngine::directory(&config.data_dir))?;
    if engine.created {
        let count = sync::rebuild(db, &engine).await?;
        tracing::info!(count, "built the search index from the database");
    } else if let Some(since) = engine.unsynced_since {
        // Before the worker starts: it applies these rows again at once.
        let rows = sync::reapply_since(db, since).await?;
        tracing::warn!(
            rows,
            %since,
            "the search index was not synced since its last checkpoint: applying again \
             the changes made since"
        );
    }
    Ok(Arc::new(engine))
}

/// The index guard's job name of an embedded index, before its server's name.
const EMBEDDED_GUARD: &str = "search-index-guard:embedded:";

/// Warns, once, when other servers on this database search embedded indexes
/// of their own: each change reaches one of the indexes only, so each
/// server finds something different. Several servers need Meilisearch.
fn spawn_embedded_alone_check(db: DatabaseConnection) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            if let Ok(others @ 1..) = crate::jobs::others_holding(&db, EMBEDDED_GUARD).await {
                tracing::warn!(
                    others,
                    "other servers use this database with embedded search indexes of their \
                     own: searches differ between servers. Run several servers with one \
                     Meilisearch (MEILI_URL)"
                );
                return;
            }
        }
    })
}

/// Connects, migrates, opens search, binds `config.bind` and serves in the background.
pub async fn start(config: Config) -> anyhow::Result<RunningApp> {
    // Before anything else: a second server on this DATA_DIR stops here,
    // before it could rebuild the index under the first one.
    let index_lock = match config.meili_url {
        Some(_) => None,
        None => Some(IndexLock::take(&config.data_dir)?),
    };
    let db = db::connect_and_migrate(&config).await?;
    if db.get_database_backend() == sea_orm::DbBackend::Postgres && config.secret_key.is_none() {
        tracing::warn!(
            "SECRET_KEY is not set: this server uses a key generated in its DATA_DIR. \
             Several app servers on one database must share one SECRET_KEY, or links \
             and codes issued by one fail on the others"
        );
    }
    let search = open_search(&config, &db).await?;
    // The servers sharing one Meilisearch index watch it once between them;
    // an embedded index is this server's own.
    let index_job = match &config.meili_url {
        Some(_) => format!("search-index-guard:meili:{}", config.meili_index),
        None => format!("{EMBEDDED_GUARD}{}", crate::jobs::holder()),
    };
    let listener = TcpListener::bind(config.bind).await?;
    let address = listener.local_addr()?;
    let site_url: Arc<str> = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"))
        .trim_end_matches('/')
        .into();
    // Without an SMTP server, mail waits in the outbox for admins to read.
    let mailer = match &config.smtp_url {
        Some(url) => Some(Arc::new(mail::worker::Mailer::new(
            url,
            &config.mail_from,
            &site_url,
        )?)),
        None => None,
    };
    let stats_cache_seconds = config.stats_cache_seconds;
    let state = AppState(Arc::new(Shared {
        db,
        config: Arc::new(config),
        search,
        fallback: Arc::default(),
        site_url,
        wake: crate::outbox::Wake::default(),
        figures: Arc::new(crate::counseling::remembered::FiguresMemory::new(
            Duration::from_secs(stats_cache_seconds),
        )),
    }));
    let mut background = vec![
        spawn_session_cleanup(state.db.clone()),
        spawn_deadline_closer(state.db.clone()),
        draws::spawn_worker(state.db.clone(), state.config.draw_low_income_tier),
        crate::impact::published::spawn_worker(
            state.db.clone(),
            crate::disclosure::effective_threshold(state.config.suppression_threshold),
        ),
        sync::spawn_worker(
            state.db.clone(),
            Arc::clone(&state.search),
            Arc::clone(&state.wake.search),
        ),
        sync::spawn_index_guard(
            state.db.clone(),
            Arc::clone(&state.search),
            Duration::from_secs(state.config.search_check_seconds.max(1)),
            index_job,
            // A Meilisearch index outlives upgrades; its shape is recorded.
            sync::shape_key(&state.config),
        ),
        // Queued even without SMTP: digests then wait in the outbox like all mail.
        mail::digest::spawn_worker(state.db.clone()),
        // Queued even without SMTP, like the digests.
        crate::families::holds::spawn_worker(state.db.clone()),
        crate::placements::reminder::spawn_worker(state.db.clone()),
        crate::alerts::service::spawn_worker(state.clone()),
    ];
    if state.config.meili_url.is_none() {
        background.push(spawn_embedded_alone_check(state.db.clone()));
    }
    if let Some(mailer) = mailer {
        background.push(mail::worker::spawn_worker(
            state.db.clone(),
            mailer,
            Arc::clone(&state.wake.mail),
        ));
    }
    let app = router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
    });
    Ok(RunningApp {
        address,
        state,
        server,
        background,
        index_lock: std::sync::Mutex::new(index_lock),
    })
}

/// `serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let running = start(config).await?;
    tokio::task::spawn_blocking(crate::geo::preload);
    tracing::info!("STEMbridge listening on http://{}", running.address);
    let server = running.server;
    let served = server.await;
    for task in running.background {
        task.abort();
    }
    // What the outbox worker applied since its last checkpoint, on disk now
    // (it waits for a round cut off mid-commit).
    if let Err(error) = running.state.search.checkpoint().await {
        tracing::warn!(%error, "could not sync the search index");
    }
    // Hand this server's jobs and claimed outbox rows to the others now,
    // not when the leases and claims lapse.
    let db = &running.state.db;
    let released = (
        crate::jobs::release_all(db).await,
        sync::release_claims(db).await,
        mail::worker::release_claims(db).await,
    );
    if let (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) = released {
        tracing::warn!(%error, "could not hand this server's jobs over");
    }
    served??;
    Ok(())
}

/// Deletes expired sessions and forgotten rate-limit buckets now and then,
/// on the one server holding the job's lease.
fn spawn_session_cleanup(db: DatabaseConnection) -> JoinHandle<()> {
    use tower_sessions::ExpiredDeletion;
    // Only deletes rows: the idle limit plays no part.
    let store = DbSessionStore::new(db.clone(), chrono::Duration::zero());
    tokio::spawn(async move {
        let period = Duration::from_secs(600);
        let lease = crate::jobs::Lease::new("session-cleanup", period);
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "could not delete expired sessions");
            }
            if let Err(error) = throttle::forget_quiet(&db).await {
                tracing::warn!(%error, "could not forget quiet rate-limit buckets");
            }
            if let Err(error) = crate::jobs::forget_lapsed(&db).await {
                tracing::warn!(%error, "could not forget lapsed job leases");
            }
        }
    })
}

/// Closes postings whose application deadline has passed (search also hides
/// them at query time, so this only keeps statuses truthful), on the one
/// server holding the job's lease.
fn spawn_deadline_closer(db: DatabaseConnection) -> JoinHandle<()> {
    tokio::spawn(async move {
        let period = Duration::from_secs(300);
        let lease = crate::jobs::Lease::new("deadline-closer", period);
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            match opportunities::service::close_expired(&db).await {
                Ok(0) => {}
                Ok(closed) => tracing::info!(closed, "closed postings past their deadline"),
                Err(error) => tracing::warn!(%error, "could not close expired postings"),
            }
        }
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
