//! The authorization matrix: every route of the router against every kind of
//! caller. The routes are read from the router's source (`.route(...)` in
//! `src/`), so a new route without a row here fails the test.
//!
//! Cells: `A` allowed (any answer but a refusal), `L` sent to log in, `F`
//! forbidden (403), `N` not found (404, also for objects of someone else).
//! Columns: anonymous, student, another student, employer of the
//! organization, employer of another organization, counselor of the school,
//! counselor of another school, admin. Refused answers must not contain any
//! of the protected data.

use std::collections::BTreeSet;

use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;
use stembridge::admin::service::{NewCounselor, NewSchool, create_counselor, create_school};

use crate::helpers::{PASSWORD, TestApp, location, new_client, posting};

const ACTORS: [&str; 8] = [
    "anonymous",
    "student",
    "other student",
    "employer",
    "other employer",
    "counselor",
    "other counselor",
    "admin",
];

/// (method, path with `{placeholders}`, cells).
const MATRIX: &[(&str, &str, &str)] = &[
    ("GET", "/", "AAAAAAAA"),
    ("GET", "/language/{code}", "AAAAAAAA"),
    ("GET", "/healthz", "AAAAAAAA"),
    ("GET", "/readyz", "AAAAAAAA"),
    ("GET", "/static/app.css", "AAAAAAAA"),
    ("GET", "/search", "AAAAAAAA"),
    ("GET", "/api/v1/opportunities", "AAAAAAAA"),
    ("GET", "/opportunities/{id}", "AAAAAAAA"),
    ("GET", "/organizations/{id}", "AAAAAAAA"),
    ("GET", "/login", "AAAAAAAA"),
    ("GET", "/register", "AAAAAAAA"),
    ("GET", "/claim", "AAAAAAAA"),
    ("GET", "/setup", "NNNNNNNN"),
    ("GET", "/join/{token}", "NNNNNNNN"),
    ("GET", "/consent/{token}", "NFFNNNNN"),
    ("GET", "/dashboard", "LAAAAAAA"),
    ("GET", "/notifications", "LAAAAAAA"),
    ("GET", "/student", "LAAFFFFF"),
    ("GET", "/student/profile", "LAAFFFFF"),
    ("GET", "/student/applications/{id}", "LANFFFFF"),
    ("GET", "/student/placements/{id}", "LANFFFFF"),
    ("GET", "/employer", "LFFAAFFF"),
    ("GET", "/employer/organization", "LFFAAFFF"),
    ("GET", "/employer/opportunities/new", "LFFAAFFF"),
    ("GET", "/employer/opportunities/{id}", "LFFANFFF"),
    ("GET", "/employer/opportunities/{id}/edit", "LFFANFFF"),
    ("GET", "/employer/opportunities/{id}/applicants", "LFFANFFF"),
    ("GET", "/employer/placements/{id}", "LFFANFFF"),
    ("GET", "/counselor", "LFFFFAAA"),
    ("GET", "/counselor/dashboard", "LFFFFAAA"),
    ("GET", "/counselor/dashboard/groups.csv", "LFFFFAAA"),
    ("GET", "/counselor/outreach", "LFFFFAAA"),
    ("GET", "/counselor/outreach/students.csv", "LFFFFAAA"),
    ("GET", "/counselor/students/{id}", "LFFFFANA"),
    ("GET", "/counselor/placements", "LFFFFAAA"),
    ("GET", "/counselor/roster", "LFFFFAAA"),
    ("GET", "/organizations/review", "LFFFFAAA"),
    ("GET", "/admin", "LFFFFFFA"),
    ("GET", "/admin/audit", "LFFFFFFA"),
    ("GET", "/admin/mail", "LFFFFFFA"),
    ("GET", "/admin/mail/{id}", "LFFFFFFA"),
    ("POST", "/login", "AAAAAAAA"),
    ("POST", "/register", "AAAAAAAA"),
    ("POST", "/claim", "AAAAAAAA"),
    ("POST", "/setup", "NNNNNNNN"),
    ("POST", "/join/{token}", "NNNNNNNN"),
    ("POST", "/consent/{token}", "NFFNNNNN"),
    ("POST", "/opportunities/{id}/apply", "LAAFFFFF"),
    ("POST", "/student/profile", "LAAFFFFF"),
    ("POST", "/student/applications/{id}/{action}", "LANFFFFF"),
    ("POST", "/student/placements/{id}/hours", "LANFFFFF"),
    ("POST", "/student/placements/{id}/feedback", "LANFFFFF"),
    (
        "POST",
        "/student/placements/{id}/consent-resend",
        "LANFFFFF",
    ),
    ("POST", "/employer/organization", "LFFAAFFF"),
    ("POST", "/employer/invites", "LFFAAFFF"),
    ("POST", "/employer/opportunities", "LFFAAFFF"),
    ("POST", "/employer/opportunities/{id}/edit", "LFFANFFF"),
    ("POST", "/employer/opportunities/{id}/{action}", "LFFANFFF"),
    ("POST", "/employer/applications/{id}/{action}", "LFFANFFF"),
    ("POST", "/employer/placements/{id}/complete", "LFFANFFF"),
    ("POST", "/employer/hours/{id}/{decision}", "LFFANFFF"),
    ("POST", "/organizations/{id}/review", "LFFFFAAA"),
    ("POST", "/counselor/students", "LFFFFAAA"),
    ("POST", "/counselor/students/{id}/code", "LFFFFANA"),
    ("POST", "/counselor/placements/{id}/consent", "LFFFFANA"),
    (
        "POST",
        "/counselor/placements/{id}/consent-resend",
        "LFFFFANA",
    ),
    ("POST", "/counselor/students/{id}/guardians", "LFFFFANA"),
    (
        "POST",
        "/counselor/students/{id}/guardians/{guardian}",
        "LFFFFANA",
    ),
    ("POST", "/counselor/students/{id}/birth-date", "LFFFFANA"),
    ("POST", "/counselor/codes", "LFFFFAAA"),
    ("POST", "/counselor/roster", "LFFFFAAA"),
    ("POST", "/admin/schools", "LFFFFFFA"),
    ("POST", "/admin/counselors", "LFFFFFFA"),
    ("POST", "/notifications/read", "LAAAAAAA"),
    ("POST", "/logout", "AAAAAAAA"),
];

/// Every (method, path) the router declares, read from `src/**/*.rs`.
fn declared_routes() -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            // Each `.route(...)` call, however rustfmt wrapped it: its text up
            // to the closing parenthesis holds the path and the methods.
            for (start, _) in source.match_indices(".route(") {
                let call = &source[start + ".route(".len()..];
                let mut depth = 1;
                let end = call
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map(|(i, _)| i)
                    .unwrap();
                let call = &call[..end];
                let route = call.split('"').nth(1).unwrap().to_owned();
                let handlers = call.split_once(',').unwrap().1;
                for (marker, method) in [("get(", "GET"), ("post(", "POST")] {
                    if handlers.contains(marker) {
                        routes.insert((method.to_owned(), route.clone()));
                    }
                }
            }
        }
    }
    routes
}

#[test]
fn every_route_of_the_router_has_a_row_in_the_matrix() {
    let declared = declared_routes();
    let covered: BTreeSet<(String, String)> = MATRIX
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    let missing: Vec<_> = declared.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&declared).collect();
    assert!(missing.is_empty(), "routes without a row: {missing:?}");
    assert!(
        stale.is_empty(),
        "rows for routes that no longer exist: {stale:?}"
    );
    assert!(declared.len() > 60);
}

/// Texts only the student, their employer and their counselor may see.
const SECRETS: [&str; 3] = ["Quartz", "ZQ-secret-note", "ZQ-hours-log"];

struct World {
    clients: Vec<Client>,
    opportunity: i32,
    draft: i32,
    organization: i32,
    application: i32,
    placement: i32,
    hours: i32,
    student: i32,
}

async fn counselor(app: &TestApp, name: &str) -> (Client, i32) {
    let school = create_school(
        &app.db,
        &NewSchool {
            name: name.into(),
            zip: "60608".into(),
        },
    )
    .await
    .unwrap();
    let email = format!("counselor{}@school.edu", school.id);
    create_counselor(
        &app.db,
        &NewCounselor {
            display_name: "C".into(),
            email: email.clone(),
            password: PASSWORD.into(),
            school_ids: vec![school.id],
        },
    )
    .await
    .unwrap();
    let client = new_client();
    app.login_as(&client, &email, PASSWORD).await;
    (client, school.id)
}

/// Builds one of everything: a published and a draft posting, an application
/// turned into an active placement with hours waiting for approval.
async fn world(app: &TestApp) -> World {
    let admin = app.admin().await;
    let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
    let other_employer = app.verified_employer(&admin, "Org B", "b@b.org").await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let draft = app
        .draft(&employer, &posting(&[("title", "Draft only")]))
        .await;
    let (counselor_client, school) = counselor(app, "Lincoln High").await;
    let (other_counselor, _) = counselor(app, "Roosevelt High").await;
    let student = app.claimed_student(school, "Zelda", "Quartz", 11).await;
    let other_student = app.claimed_student(school, "Yuri", "Other", 11).await;

    let response = app
        .submit_as(
            &student,
            &format!("/opportunities/{opportunity}"),
            &format!("/opportunities/{opportunity}/apply"),
            &[("note", "ZQ-secret-note")],
        )
        .await;
    let application: i32 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    app.submit_as(
        &employer,
        "/employer",
        &format!("/employer/applications/{application}/offer"),
        &[],
    )
    .await;
    app.add_guardian("Zelda", "guardian@example.org", "en")
        .await;
    let page = format!("/student/applications/{application}");
    assert_eq!(
        app.submit_as(
            &student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "3")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let placement = 1;
    let consent = [
        ("guardian_name", "G"),
        ("relationship", "mother"),
        ("decision", "give"),
    ];
    app.submit_as(
        &counselor_client,
        "/counselor/placements",
        &format!("/counselor/placements/{placement}/consent"),
        &consent,
    )
    .await;
    let start = chrono::Utc::now().date_naive() - chrono::Duration::days(5);
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{start}' WHERE id = {placement}"
        ))
        .await
        .unwrap();
    let yesterday = crate::helpers::days_from_now(-1);
    let hours_page = format!("/student/placements/{placement}");
    app.submit_as(
        &student,
        &hours_page,
        &format!("{hours_page}/hours"),
        &[
            ("work_date", &yesterday),
            ("hours", "2"),
            ("description", "ZQ-hours-log"),
        ],
    )
    .await;
    let anonymous = new_client();
    app.get_as(&anonymous, "/login").await;
    let organization = app.organization_id("Org A").await;
    World {
        clients: vec![
            anonymous,
            student,
            other_student,
            employer,
            other_employer,
            counselor_client,
            other_counselor,
            admin,
        ],
        opportunity,
        draft,
        organization,
        application,
        placement,
        hours: 1,
        student: 1,
    }
}

/// The concrete URL of a route: the world's objects, and actions that the
/// lifecycle refuses for the owner (so running the matrix changes nothing).
fn concrete(w: &World, path: &str) -> String {
    let (id, action) = match path {
        p if p.starts_with("/employer/opportunities/{id}/{action}") => (w.draft, "archive"),
        p if p.starts_with("/opportunities/") || p.starts_with("/employer/opportunities/") => {
            (w.opportunity, "")
        }
        p if p.starts_with("/organizations/") => (w.organization, ""),
        p if p.starts_with("/student/applications/") => (w.application, "withdraw"),
        p if p.starts_with("/employer/applications/") => (w.application, "review"),
        p if p.contains("/placements/") => (w.placement, ""),
        p if p.starts_with("/employer/hours/") => (w.hours, ""),
        p if p.starts_with("/counselor/students/") => (w.student, ""),
        // The consent email to Zelda's guardian.
        p if p.starts_with("/admin/mail/") => (1, ""),
        _ => (0, ""),
    };
    path.replace("{id}", &id.to_string())
        .replace("{action}", action)
        .replace("{decision}", "approve")
        .replace("{guardian}", "1")
        .replace("{token}", "no-such-token-0123456789")
        .replace("{code}", "es")
}

fn verdict(response_status: StatusCode, location: &str) -> char {
    match response_status {
        StatusCode::SEE_OTHER if location == "/login" => 'L',
        StatusCode::FORBIDDEN => 'F',
        StatusCode::NOT_FOUND => 'N',
        _ => 'A',
    }
}

#[tokio::test]
async fn every_caller_gets_exactly_the_access_the_matrix_gives() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let world = world(&app).await;
    let mut failures = Vec::new();
    // Reads first, then writes; logging out comes last of all.
    let mut rows: Vec<&(&str, &str, &str)> = MATRIX.iter().collect();
    rows.sort_by_key(|(method, path, _)| (*path == "/logout", *method == "POST"));
    for (method, path, cells) in rows {
        let url = concrete(&world, path);
        for (n, expected) in cells.chars().enumerate() {
            let client = &world.clients[n];
            let response = if *method == "GET" {
                client.get(app.url(&url)).send().await.unwrap()
            } else {
                let token = app.csrf_token(client, "/register").await;
                client
                    .post(app.url(&url))
                    .form(&[("csrf_token", token.as_str())])
                    .send()
                    .await
                    .unwrap()
            };
            let status = response.status();
            assert!(
                !status.is_server_error(),
                "{method} {url} as {}: {status}",
                ACTORS[n]
            );
            let got = verdict(status, &location(&response));
            let body = response.text().await.unwrap_or_default();
            if got != expected {
                failures.push(format!(
                    "{method} {url} as {}: expected {expected}, got {got} ({status})",
                    ACTORS[n]
                ));
            }
            if got != 'A' {
                for secret in SECRETS {
                    assert!(
                        !body.contains(secret),
                        "{method} {url} as {} refused but shows “{secret}”",
                        ACTORS[n]
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
