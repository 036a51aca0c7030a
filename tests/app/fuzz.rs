//! Hostile input on every route, as every kind of caller: random and hostile
//! values in every field any page offers, duplicated fields, bodies that are
//! not UTF-8, wrong content types, missing CSRF tokens, and path ids that
//! are not ids or overflow. The routes come from the router's source, as in
//! the authorization matrix, so a new route is fuzzed without a new line.
//!
//! Every answer must be below 500; every refusal (4xx) must be a page or a
//! JSON error a person can read; and a refused request must leave the
//! database exactly as it was (compared table by table, row by row).
//! The run is bounded and seeded: `FUZZ_SEED` replays a failing run.

use std::collections::BTreeSet;

use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
use reqwest::{Client, StatusCode, header::CONTENT_TYPE};
use sea_orm::{ConnectionTrait, Statement};

use crate::{
    authorization::{ACTORS, concrete, declared_routes, world},
    helpers::{TestApp, extract_csrf},
};

/// Values that have broken web forms somewhere.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "2147483648",
    "-9223372036854775809",
    "99999999999999999999999",
    "1.5",
    "NaN",
    "inf",
    "1e309",
    "0x1F",
    "true",
    "on",
    "2026-02-30",
    "9999-99-99",
    "0000-00-00",
    "<script>alert(1)</script>",
    "'; DROP TABLE student; --",
    "../../etc/passwd",
    "%00",
    "a\u{0}b",
    "\u{202E}ʎlɹɐʇs\u{202D} مرحبا שלום",
    "😀👩🏽‍🔬",
    "\r\n\r\nX-Injected: yes",
    "=HYPERLINK(\"http://evil\")",
    "es",
    "xx-YY",
    "remote",
    "paid",
];

/// Ids that are not ids: negative, zero, past i32 and i64, not a number.
const HOSTILE_IDS: &[&str] = &[
    "-1",
    "0",
    "2147483648",
    "99999999999999999999",
    "abc",
    "1.5",
    "%00",
    "%F0%9F%98%80",
    "1%20OR%201=1",
];

/// Routes that end the caller's session: fuzzed by the session tests instead.
const SKIPPED: &[&str] = &["/logout", "/account/sign-out-everywhere"];

/// Tables a refused request may still write: the throttles count refused
/// attempts, sessions are touched by every request; and one no request
/// writes but the background jobs renew while the fuzzer runs (their leases).
const MAY_CHANGE: &[&str] = &["rate_limit", "tower_session", "job_lease"];

/// Every input, select and textarea name on the pages the actors can open.
async fn field_names(app: &TestApp, clients: &[Client], urls: &[String]) -> Vec<String> {
    let mut names = BTreeSet::new();
    for client in clients {
        for url in urls {
            let Ok(response) = client.get(app.url(url)).send().await else {
                continue;
            };
            let html = response.text().await.unwrap_or_default();
            for piece in html.split("name=\"").skip(1) {
                if let Some(end) = piece.find('"') {
                    names.insert(piece[..end].to_owned());
                }
            }
        }
    }
    names.remove("csrf_token");
    names.into_iter().collect()
}

/// The whole database as text, one entry per table, to compare before/after.
async fn snapshot(app: &TestApp) -> Vec<(String, String)> {
    let backend = app.db.get_database_backend();
    let tables = app
        .db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        ))
        .await
        .unwrap();
    let mut dump = Vec::new();
    for table in tables {
        let name: String = table.try_get("", "name").unwrap();
        if MAY_CHANGE.contains(&name.as_str()) || name.starts_with("sqlite_") {
            continue;
        }
        let columns = app
            .db
            .query_all_raw(Statement::from_string(
                backend,
                format!("SELECT name FROM pragma_table_info('{name}')"),
            ))
            .await
            .unwrap();
        let quoted: Vec<String> = columns
            .iter()
            .map(|c| format!("quote(\"{}\")", c.try_get::<String>("", "name").unwrap()))
            .collect();
        let row = app
            .db
            .query_one_raw(Statement::from_string(
                backend,
                format!(
                    "SELECT coalesce(group_concat({}, char(10)), '') AS rows FROM \"{name}\"",
                    quoted.join(" || ',' || ")
                ),
            ))
            .await
            .unwrap()
            .unwrap();
        dump.push((name, row.try_get::<String>("", "rows").unwrap()));
    }
    dump
}

/// A hostile value of at most `max` characters of filler.
fn hostile_value(rng: &mut StdRng, max: usize) -> String {
    match rng.random_range(0..10) {
        0 => "x".repeat(rng.random_range(300..max)),
        1 => rng.random_range(i64::MIN..i64::MAX).to_string(),
        _ => (*HOSTILE.choose(rng).unwrap()).to_owned(),
    }
}

/// A path with each `{placeholder}` filled: usually the world's real
/// objects, sometimes an id that is not one.
fn fuzz_path(rng: &mut StdRng, concrete_path: &str, template: &str) -> String {
    if !template.contains('{') || rng.random_bool(0.6) {
        return concrete_path.to_owned();
    }
    let mut path = String::new();
    for segment in template.split('/').skip(1) {
        path.push('/');
        if segment.starts_with('{') {
            path.push_str(HOSTILE_IDS.choose(rng).unwrap());
        } else {
            path.push_str(segment);
        }
    }
    path
}

/// A form body: some of the known fields, maybe repeated, hostile values.
/// (In a query string the filler stays under the 64 KiB a URL may have.)
fn form_body(rng: &mut StdRng, names: &[String], token: &str, max: usize) -> Vec<(String, String)> {
    let mut body = vec![("csrf_token".to_owned(), token.to_owned())];
    for _ in 0..rng.random_range(0..8) {
        let name = names.choose(rng).unwrap().clone();
        body.push((name, hostile_value(rng, max)));
    }
    body
}

struct Finding(String);

#[tokio::test]
async fn hostile_input_on_every_route_gets_a_readable_refusal_and_writes_nothing() {
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261128);
    let mut rng = StdRng::seed_from_u64(seed);
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let w = world(&app).await;
    // Anonymous, student, employer, counselor, admin.
    let actors = [0, 1, 3, 5, 7];
    let routes: Vec<(String, String)> = declared_routes()
        .into_iter()
        .filter(|(_, path)| !SKIPPED.contains(&path.as_str()))
        .collect();
    let get_urls: Vec<String> = routes
        .iter()
        .filter(|(method, _)| method == "GET")
        .map(|(_, path)| concrete(&w, &w.own, path))
        .collect();
    let clients: Vec<Client> = actors.iter().map(|&n| w.clients[n].clone()).collect();
    let names = field_names(&app, &clients, &get_urls).await;
    assert!(names.len() > 40, "fields found: {names:?}");

    let mut findings = Vec::new();
    let mut requests = 0;
    let mut before = snapshot(&app).await;
    for (method, template) in &routes {
        for &actor in &actors {
            let client = &w.clients[actor];
            for _ in 0..4 {
                let url = fuzz_path(&mut rng, &concrete(&w, &w.own, template), template);
                let request = if method == "GET" {
                    let query = form_body(&mut rng, &names, "", 6_000);
                    client.get(app.url(&url)).query(&query[1..])
                } else {
                    let page = client.get(app.url("/register")).send().await.unwrap();
                    let token = extract_csrf(&page.text().await.unwrap()).unwrap_or_default();
                    let post = client.post(app.url(&url));
                    match rng.random_range(0..8) {
                        // Not UTF-8, percent-encoded and raw.
                        0 => post
                            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                            .body(format!(
                                "csrf_token={token}&{}=%FF%FE%80",
                                names.choose(&mut rng).unwrap()
                            )),
                        1 => post
                            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                            .body(
                                [
                                    format!("csrf_token={token}&name=").into_bytes(),
                                    vec![0xFF, 0xC0, 0x80],
                                ]
                                .concat(),
                            ),
                        // The wrong content type, and none at all.
                        2 => post
                            .header(CONTENT_TYPE, "application/json")
                            .body(format!("{{\"csrf_token\":\"{token}\",\"id\":-1}}")),
                        3 => post.body(format!("csrf_token={token}")),
                        // No CSRF token.
                        4 => post.form(&form_body(&mut rng, &names, "", 70_000)[1..]),
                        // Multipart with a file that is not text.
                        5 => {
                            let form = reqwest::multipart::Form::new()
                                .text("csrf_token", token.clone())
                                .part(
                                    "users",
                                    reqwest::multipart::Part::bytes(vec![0xFF, 0x00, 0xFE])
                                        .file_name("users.csv"),
                                );
                            post.query(&[("csrf_token", token.as_str())])
                                .multipart(form)
                        }
                        _ => post.form(&form_body(&mut rng, &names, &token, 70_000)),
                    }
                };
                requests += 1;
                let response = request.send().await.unwrap();
                let status = response.status();
                let content_type = response
                    .headers()
                    .get(CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                let body = response.text().await.unwrap_or_default();
                let who = ACTORS[actor];
                if status.is_server_error() {
                    findings.push(Finding(format!(
                        "{method} {url} as {who}: {status}: {}",
                        excerpt(&body)
                    )));
                }
                if status.is_client_error() {
                    let readable = (content_type.starts_with("text/html")
                        && body.contains("<main"))
                        || (content_type.starts_with("application/json") && body.contains("error"));
                    if !readable {
                        findings.push(Finding(format!(
                            "{method} {url} as {who}: {status} is not a readable page ({content_type}): {}",
                            excerpt(&body)
                        )));
                    }
                }
                let after = snapshot(&app).await;
                if status.is_client_error() && after != before {
                    let changed: Vec<&str> = after
                        .iter()
                        .zip(&before)
                        .filter(|(a, b)| a != b)
                        .map(|(a, _)| a.0.as_str())
                        .collect();
                    findings.push(Finding(format!(
                        "{method} {url} as {who}: refused with {status} but changed {changed:?}"
                    )));
                }
                before = after;
            }
        }
    }
    assert!(requests > 500, "only {requests} requests");
    assert!(
        findings.is_empty(),
        "seed {seed}: {} findings in {requests} requests:\n{}",
        findings.len(),
        findings
            .iter()
            .map(|f| f.0.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The server is still healthy after all of it.
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
}

fn excerpt(body: &str) -> String {
    body.chars()
        .take(160)
        .collect::<String>()
        .replace('\n', " ")
}

/// A NUL character, which PostgreSQL cannot store, in a form field or a
/// query is refused with a message on both databases, never a 500 when it
/// is saved or compared (eyes11d F4).
#[tokio::test]
async fn a_nul_character_in_a_form_or_a_query_is_refused_with_a_message() {
    crate::helpers::on_each_backend(async |app: TestApp| {
        let client = crate::helpers::new_client();
        let response = app
            .submit_as(
                &client,
                "/login",
                "/login",
                &[("email", "ana\u{0}@example.org"), ("password", "x")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.text().await.unwrap().contains("(NUL)"));
        let response = app.get_as(&client, "/search?q=robot%00ics").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.text().await.unwrap().contains("(NUL)"));
        // The same text without it is read as usual.
        assert_eq!(
            app.get_as(&client, "/search?q=robotics").await.status(),
            StatusCode::OK
        );
    })
    .await;
}

/// A form a tool sends in Latin-1 or Windows-1252 (declared as such) would
/// have its accents saved as replacement characters and published: it is
/// refused, saying to send UTF-8, and nothing is written (eyes12a F1).
#[tokio::test]
async fn a_form_declared_in_another_character_set_is_refused_saying_so() {
    crate::helpers::on_each_backend(async |app: TestApp| {
        let client = crate::helpers::new_client();
        let page = app.get_as(&client, "/register").await.text().await.unwrap();
        let token = extract_csrf(&page).unwrap();
        let before = (app.count("app_user").await, app.count("organization").await);
        for charset in ["ISO-8859-1", "windows-1252"] {
            let body = format!(
                "csrf_token={token}&display_name=Pe%F1a&email=pena%40example.org&password=long-enough-password&organization_name=Pe%F1a+Labs&website=https%3A%2F%2Fpena.example"
            );
            let response = client
                .post(app.url("/register"))
                .header(
                    CONTENT_TYPE,
                    format!("application/x-www-form-urlencoded; charset={charset}"),
                )
                .header("Origin", app.url("").trim_end_matches('/'))
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{charset}");
            assert!(response.text().await.unwrap().contains("UTF-8"));
        }
        assert_eq!(
            (app.count("app_user").await, app.count("organization").await),
            before,
            "nothing written"
        );
    })
    .await;
}
