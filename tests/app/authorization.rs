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
//!
//! One more actor is derived rather than written: an employer of a
//! suspended organization, tried on its own objects (its own applicants,
//! placement and hours). Wherever the employer column allows, it is refused
//! (403), except on the few pages that touch no student
//! (`OPEN_TO_UNVERIFIED`); and no answer it gets, allowed or not, may show
//! any student's data. The last actor, a colleague at organization A whose
//! account an admin disabled while they were logged in, gets exactly what
//! an anonymous visitor gets.

use std::collections::BTreeSet;

use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;

use crate::helpers::{TestApp, location, new_client, posting};

pub(crate) const ACTORS: [&str; 10] = [
    "anonymous",
    "student",
    "other student",
    "employer",
    "other employer",
    "counselor",
    "other counselor",
    "admin",
    "suspended employer",
    "disabled user",
];

/// What an employer of a suspended (or rejected, or pending) organization may
/// still open: its dashboard, its profile and colleagues, its postings, and
/// pages with no student in them. Everything else the employer column allows
/// must refuse it.
const OPEN_TO_UNVERIFIED: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/static/app.css"),
    ("GET", "/search"),
    ("GET", "/draws/how"),
    ("GET", "/impact"),
    ("GET", "/impact.csv"),
    ("GET", "/api/v1/opportunities"),
    ("GET", "/search.atom"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/login"),
    ("GET", "/register"),
    ("GET", "/claim"),
    ("GET", "/password/forgot"),
    ("GET", "/language/{code}"),
    ("GET", "/dashboard"),
    ("GET", "/notifications"),
    ("GET", "/employer"),
    ("GET", "/employer/organization"),
    ("GET", "/employer/opportunities/new"),
    ("GET", "/employer/opportunities/{id}"),
    ("GET", "/employer/opportunities/{id}/edit"),
    ("POST", "/login"),
    ("POST", "/register"),
    ("POST", "/claim"),
    ("POST", "/password/forgot"),
    ("POST", "/employer/opportunities"),
    ("POST", "/employer/opportunities/{id}/edit"),
    ("POST", "/employer/opportunities/{id}/{action}"),
    ("POST", "/notifications/read"),
    ("GET", "/account"),
    ("POST", "/account/password"),
    ("GET", "/account/email"),
    ("POST", "/account/email"),
    ("GET", "/account/mfa"),
    ("POST", "/account/mfa/{action}"),
    ("POST", "/account/sign-out-everywhere"),
    ("GET", "/account/address"),
    ("POST", "/account/address"),
    ("POST", "/logout"),
];

/// The public pages of a suspended organization and its postings are gone.
const GONE_WHEN_SUSPENDED: &[(&str, &str)] = &[
    ("GET", "/opportunities/{id}"),
    ("GET", "/organizations/{id}"),
];

/// The full row of expected cells: the written ones, then the derived ones.
fn expected_cells(method: &str, path: &str, cells: &str) -> Vec<char> {
    let mut expected: Vec<char> = cells.chars().collect();
    let employer = expected[3];
    let suspended = if GONE_WHEN_SUSPENDED.contains(&(method, path)) {
        'N'
    } else if employer != 'A' || OPEN_TO_UNVERIFIED.contains(&(method, path)) {
        employer
    } else {
        'F'
    };
    expected.push(suspended);
    expected.push(expected[0]);
    expected
}

/// (method, path with `{placeholders}`, cells).
const MATRIX: &[(&str, &str, &str)] = &[
    ("GET", "/", "AAAAAAAA"),
    ("GET", "/language/{code}", "AAAAAAAA"),
    ("GET", "/healthz", "AAAAAAAA"),
    ("GET", "/readyz", "AAAAAAAA"),
    ("GET", "/static/app.css", "AAAAAAAA"),
    ("GET", "/search", "AAAAAAAA"),
    ("GET", "/api/v1/opportunities", "AAAAAAAA"),
    ("GET", "/search.atom", "AAAAAAAA"),
    ("GET", "/api/v1/openapi.json", "AAAAAAAA"),
    ("GET", "/api/v1", "NNNNNNNN"),
    ("GET", "/api/v1/", "NNNNNNNN"),
    ("GET", "/api/v1/{*rest}", "NNNNNNNN"),
    ("GET", "/student/searches", "LAAFFFFF"),
    ("POST", "/student/searches", "LAAFFFFF"),
    // No saved search 0: every student is refused alike (another's is tested in alerts).
    ("POST", "/student/searches/{id}/delete", "LNNFFFFF"),
    ("GET", "/opportunities/{id}", "AAAAAAAA"),
    ("GET", "/organizations/{id}", "AAAAAAAA"),
    ("GET", "/draws/how", "AAAAAAAA"),
    ("GET", "/impact", "AAAAAAAA"),
    ("GET", "/impact.csv", "AAAAAAAA"),
    // The world's posting is first come: it has no draw to show.
    ("GET", "/opportunities/{id}/draw", "NNNNNNNN"),
    ("GET", "/login", "AAAAAAAA"),
    ("GET", "/register", "AAAAAAAA"),
    ("GET", "/claim", "AAAAAAAA"),
    ("GET", "/setup", "NNNNNNNN"),
    ("GET", "/join/{token}", "NNNNNNNN"),
    ("GET", "/consent/{token}", "NFFFFFFF"),
    ("GET", "/withdraw/{token}", "NFFFFFFF"),
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
    ("GET", "/employer/commitments", "LFFAAFFF"),
    ("GET", "/counselor", "LFFFFAAA"),
    ("GET", "/counselor/dashboard", "LFFFFAAA"),
    ("GET", "/counselor/dashboard/groups.csv", "LFFFFAAA"),
    ("GET", "/counselor/outreach", "LFFFFAAA"),
    ("GET", "/counselor/outreach/students.csv", "LFFFFAAA"),
    ("GET", "/counselor/students/{id}", "LFFFFANA"),
    ("GET", "/counselor/placements", "LFFFFAAA"),
    ("GET", "/counselor/placements/{id}", "LFFFFANA"),
    ("GET", "/counselor/employers", "LFFFFAAA"),
    ("GET", "/counselor/roster", "LFFFFAAA"),
    ("GET", "/counselor/schools/{id}/contact", "LFFFFANA"),
    ("GET", "/organizations/review", "LFFFFAAA"),
    ("GET", "/admin", "LFFFFFFA"),
    ("GET", "/admin/audit", "LFFFFFFA"),
    ("GET", "/admin/mail", "LFFFFFFA"),
    ("GET", "/admin/mail/{id}", "LFFFFFFA"),
    ("GET", "/admin/consent-holds", "LFFFFFFA"),
    ("POST", "/login", "AAAAAAAA"),
    ("POST", "/register", "AAAAAAAA"),
    ("POST", "/claim", "AAAAAAAA"),
    ("POST", "/setup", "NNNNNNNN"),
    ("POST", "/join/{token}", "NNNNNNNN"),
    ("POST", "/consent/{token}", "NFFFFFFF"),
    ("POST", "/withdraw/{token}", "NFFFFFFF"),
    ("POST", "/opportunities/{id}/apply", "LAAFFFFF"),
    ("POST", "/student/profile", "LAAFFFFF"),
    ("POST", "/student/applications/{id}/{action}", "LANFFFFF"),
    ("POST", "/student/placements/{id}/hours", "LANFFFFF"),
    ("POST", "/student/placements/{id}/feedback", "LANFFFFF"),
    ("POST", "/student/placements/{id}/withdraw", "LANFFFFF"),
    ("POST", "/student/placements/{id}/belonging", "LANFFFFF"),
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
    // Refused (409) for the owner: the posting is first come.
    ("POST", "/employer/opportunities/{id}/draw", "LFFANFFF"),
    ("POST", "/employer/placements/{id}/complete", "LFFANFFF"),
    ("POST", "/employer/commitments", "LFFAAFFF"),
    ("POST", "/employer/placements/{id}/end", "LFFANFFF"),
    ("POST", "/employer/placements/{id}/mentor", "LFFANFFF"),
    ("POST", "/employer/hours/{id}/{decision}", "LFFANFFF"),
    ("POST", "/organizations/{id}/review", "LFFFFAAA"),
    // No change is requested: 400 for want of a decision, nothing changes.
    ("POST", "/organizations/{id}/change", "LFFFFAAA"),
    ("POST", "/counselor/students", "LFFFFAAA"),
    ("POST", "/counselor/students/{id}/code", "LFFFFANA"),
    ("POST", "/counselor/placements/{id}/consent", "LFFFFANA"),
    ("POST", "/counselor/placements/{id}/end", "LFFFFANA"),
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
    // Nothing refused to try again: 409, nothing written.
    (
        "POST",
        "/counselor/students/{id}/guardians/{guardian}/retry-address",
        "LFFFFANA",
    ),
    ("POST", "/counselor/students/{id}/birth-date", "LFFFFANA"),
    // A family's report may be about the counselor: admins only.
    (
        "POST",
        "/counselor/students/{id}/consent-hold/clear",
        "LFFFFFFA",
    ),
    ("POST", "/counselor/students/{id}/priority", "LFFFFANA"),
    ("POST", "/counselor/codes", "LFFFFAAA"),
    ("POST", "/counselor/roster/uploads", "LFFFFAAA"),
    // An upload is its uploader's alone: no upload 0 is anyone's.
    ("GET", "/counselor/roster/uploads/{id}", "LFFFFNNN"),
    ("POST", "/admin/schools", "LFFFFFFA"),
    // Empty fields: a school with no contact stays without one.
    ("POST", "/counselor/schools/{id}/contact", "LFFFFANA"),
    ("POST", "/admin/counselors", "LFFFFFFA"),
    ("POST", "/notifications/read", "LAAAAAAA"),
    ("GET", "/account", "LAAAAAAA"),
    ("POST", "/account/password", "LAAAAAAA"),
    // One's own address; only an unconfirmed student's can change (409 here).
    ("GET", "/account/address", "LAAAAAAA"),
    ("POST", "/account/address", "LAAAAAAA"),
    // Optional mail is for students and employers; staff get none.
    ("GET", "/account/email", "LAAAAFFF"),
    ("POST", "/account/email", "LAAAAFFF"),
    // Signed links: a token nobody signed finds nothing, for anyone.
    ("GET", "/unsubscribe/{token}", "NNNNNNNN"),
    ("POST", "/unsubscribe/{token}", "NNNNNNNN"),
    ("GET", "/address-report/{token}", "NNNNNNNN"),
    ("POST", "/address-report/{token}", "NNNNNNNN"),
    // A guardian's settings, like their consent and withdrawal pages, are
    // refused to any signed-in account before the link is read (eyes16b F3).
    ("GET", "/email/{token}", "NFFFFFFF"),
    ("POST", "/email/{token}", "NFFFFFFF"),
    ("POST", "/email/{token}/withdraw-link", "NFFFFFFF"),
    ("GET", "/account/mfa", "LAAAAAAA"),
    ("POST", "/account/mfa/{action}", "LAAAAAAA"),
    ("GET", "/login/mfa", "LLLLLLLL"),
    ("POST", "/login/mfa", "LLLLLLLL"),
    ("GET", "/password-reset/{token}", "NNNNNNNN"),
    ("POST", "/password-reset/{token}", "NNNNNNNN"),
    ("GET", "/password/forgot", "AAAAAAAA"),
    ("POST", "/password/forgot", "AAAAAAAA"),
    ("GET", "/register/confirm/{token}", "NNNNNNNN"),
    ("POST", "/register/confirm/{token}", "NNNNNNNN"),
    ("GET", "/admin/accounts", "LFFFFFFA"),
    ("POST", "/admin/accounts/{id}/{action}", "LFFFFFFA"),
    (
        "POST",
        "/admin/accounts/{id}/schools/{school_id}/remove",
        "LFFFFFFN",
    ),
    ("POST", "/account/sign-out-everywhere", "LAAAAAAA"),
    ("POST", "/logout", "AAAAAAAA"),
];

/// Every (method, path) the router declares, read from `src/**/*.rs`.
pub(crate) fn declared_routes() -> BTreeSet<(String, String)> {
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
                // A route names its path first; anything else (a posting's
                // "@app.route('/')" in a test table) is not a route.
                if !call.trim_start().starts_with('"') {
                    continue;
                }
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

/// What an employer whose organization is not verified may never see, on
/// any page: the applicant's name and school, and what they sent (the grade
/// is no secret alone: "Grade 11" is a search filter).
const UNVERIFIED_MAY_NOT_SEE: [&str; 5] = [
    "Zelda",
    "Quartz",
    "Lincoln High",
    "ZQ-secret-note",
    "ZQ-hours-log",
];

/// The objects of one organization's chain: a posting, a draft, an
/// application of the student turned into a placement with hours.
#[derive(Clone, Copy)]
pub(crate) struct Objects {
    opportunity: i32,
    draft: i32,
    organization: i32,
    application: i32,
    placement: i32,
    hours: i32,
}

pub(crate) struct World {
    pub(crate) clients: Vec<Client>,
    /// Organization A's objects, which every actor but the suspended one tries.
    pub(crate) own: Objects,
    /// The suspended organization's own objects, tried by its employer.
    suspended: Objects,
    student: i32,
}

/// An application of `student` to a new posting of `employer`, offered,
/// accepted, consented on paper, started five days ago, with hours logged.
#[expect(
    clippy::too_many_arguments,
    reason = "test set-up: each actor of the chain"
)]
async fn chain(
    app: &TestApp,
    employer: &Client,
    organization: &str,
    student: &Client,
    counselor: &Client,
    placement: i32,
    hours: i32,
    draft_title: &'static str,
) -> Objects {
    // One student holds both chains' internships: each on its own days,
    // since two at once are refused (placements::overlap).
    let from = 60 + 70 * i64::from(placement - 1);
    let (start, end) = (
        crate::helpers::days_from_now(from),
        crate::helpers::days_from_now(from + 60),
    );
    let opportunity = app
        .published(
            employer,
            &posting(&[("start_date", &start), ("end_date", &end)]),
        )
        .await;
    let draft = app
        .draft(employer, &posting(&[("title", draft_title)]))
        .await;
    let response = app
        .submit_as(
            student,
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
        employer,
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
            student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "3")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let consent = [
        ("guardian_name", "G"),
        ("relationship", "mother"),
        ("decision", "give"),
    ];
    app.submit_as(
        counselor,
        "/counselor/placements",
        &format!("/counselor/placements/{placement}/consent"),
        &consent,
    )
    .await;
    let start = stembridge::format::today() - chrono::Duration::days(5);
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{start}' WHERE id = {placement}"
        ))
        .await
        .unwrap();
    app.taken_days_ago(Some(placement), 5).await;
    let yesterday = crate::helpers::days_from_now(-1);
    let hours_page = format!("/student/placements/{placement}");
    app.submit_as(
        student,
        &hours_page,
        &format!("{hours_page}/hours"),
        &[
            ("work_date", &yesterday),
            ("hours", "2"),
            ("description", "ZQ-hours-log"),
        ],
    )
    .await;
    Objects {
        opportunity,
        draft,
        organization: app.organization_id(organization).await,
        application,
        placement,
        hours,
    }
}

/// A colleague who joins organization A, logs in, and whose account an
/// admin then disables: their open session must be worth nothing.
async fn disabled_colleague(app: &TestApp, employer: &Client, admin: &Client) -> Client {
    let link = crate::organizations::invite_link(app, employer, "dana@a.org").await;
    let colleague = crate::organizations::join_and_confirm(app, &link, "Dana", "dana@a.org").await;
    assert_eq!(
        app.get_as(&colleague, "/employer").await.status(),
        StatusCode::OK
    );
    let id: i32 = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::user::Entity::find()
            .filter(entity::user::Column::Email.eq("dana@a.org"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let response = app
        .submit_as(
            admin,
            "/admin/accounts",
            &format!("/admin/accounts/{id}/disable"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    colleague
}

/// Builds one of everything: a published and a draft posting, an application
/// turned into an active placement with hours waiting for approval; the same
/// at a third organization, which an admin then suspends.
pub(crate) async fn world(app: &TestApp) -> World {
    let admin = app.admin().await;
    let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
    let other_employer = app.verified_employer(&admin, "Org B", "b@b.org").await;
    let suspended_employer = app.verified_employer(&admin, "Org C", "c@c.org").await;
    let school = app.school("Lincoln High").await;
    let counselor_client = app.counselor_at(school).await;
    let other_counselor = app.counselor_at(app.school("Roosevelt High").await).await;
    let student = app.student(school, "Zelda", "Quartz", 11).await;
    let other_student = app.student(school, "Yuri", "Other", 11).await;
    let own = chain(
        app,
        &employer,
        "Org A",
        &student,
        &counselor_client,
        1,
        1,
        "Draft only",
    )
    .await;
    let suspended = chain(
        app,
        &suspended_employer,
        "Org C",
        &student,
        &counselor_client,
        2,
        2,
        "Draft of C",
    )
    .await;
    let response = app
        .review(&admin, "Org C", "suspend", "Safeguarding concern")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let disabled = disabled_colleague(app, &employer, &admin).await;
    let anonymous = new_client();
    app.get_as(&anonymous, "/login").await;
    World {
        clients: vec![
            anonymous,
            student.client,
            other_student.client,
            employer.client,
            other_employer.client,
            counselor_client.client,
            other_counselor.client,
            admin.client,
            suspended_employer.client,
            disabled,
        ],
        own,
        suspended,
        student: 1,
    }
}

/// The concrete URL of a route: the world's objects, and actions that the
/// lifecycle refuses for the owner (so running the matrix changes nothing).
pub(crate) fn concrete(w: &World, o: &Objects, path: &str) -> String {
    let (id, action) = match path {
        // Confirming with no enrolment started: refused, nothing changes.
        p if p.starts_with("/account/mfa/") => (0, "confirm"),
        // The admin enabling their own account: refused, nothing changes.
        p if p.starts_with("/admin/accounts/") => (1, "enable"),
        p if p.starts_with("/employer/opportunities/{id}/{action}") => (o.draft, "archive"),
        p if p.starts_with("/opportunities/") || p.starts_with("/employer/opportunities/") => {
            (o.opportunity, "")
        }
        p if p.starts_with("/organizations/") => (o.organization, ""),
        p if p.starts_with("/student/applications/") => (o.application, "withdraw"),
        p if p.starts_with("/employer/applications/") => (o.application, "review"),
        p if p.contains("/placements/") => (o.placement, ""),
        p if p.starts_with("/employer/hours/") => (o.hours, ""),
        p if p.starts_with("/counselor/students/") => (w.student, ""),
        // Lincoln High, the first school.
        p if p.starts_with("/counselor/schools/") => (1, ""),
        // The consent email to Zelda's guardian.
        p if p.starts_with("/admin/mail/") => (1, ""),
        _ => (0, ""),
    };
    path.replace("{id}", &id.to_string())
        .replace("{action}", action)
        .replace("{decision}", "approve")
        .replace("{guardian}", "1")
        .replace("{school_id}", "999999")
        .replace("{token}", "no-such-token-0123456789")
        .replace("{code}", "es")
        .replace("{*rest}", "no-such-thing")
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
    let mut leaks = Vec::new();
    // Reads first, then writes; logging out comes last of all.
    let mut rows: Vec<&(&str, &str, &str)> = MATRIX.iter().collect();
    rows.sort_by_key(|(method, path, _)| {
        let ends_sessions = matches!(*path, "/logout" | "/account/sign-out-everywhere");
        (ends_sessions, *method == "POST")
    });
    for (method, path, cells) in rows {
        for (n, expected) in expected_cells(method, path, cells).into_iter().enumerate() {
            let objects = if ACTORS[n] == "suspended employer" {
                &world.suspended
            } else {
                &world.own
            };
            let url = concrete(&world, objects, path);
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
            if matches!(ACTORS[n], "suspended employer" | "disabled user") {
                for secret in UNVERIFIED_MAY_NOT_SEE {
                    if body.contains(secret) {
                        leaks.push(format!("{method} {url} as {} shows “{secret}”", ACTORS[n]));
                    }
                }
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
    assert!(
        leaks.is_empty(),
        "a suspended organization's employer or a disabled user saw students {} times:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}
