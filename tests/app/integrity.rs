//! Integrity under attack and under load: login throttling that counts
//! before it checks, per-address limits that a forged `X-Forwarded-For`
//! cannot dodge, state changes that cannot be lost to a race (each pair fired
//! 50 times at once), keyed token digests, and cache and cookie headers.

use chrono::Utc;
use entity::{ApplicationStatus, HoursStatus, rate_limit};
use reqwest::{Client, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};
use stembridge::format::today;

use crate::{
    applications::{apply, employer_act, id_from, student},
    helpers::{PASSWORD, TestApp, TestUser, backends, new_client, on_each_backend, posting},
};

/// Fires every request at once and returns the statuses, in order.
pub(crate) async fn all_at_once(requests: Vec<reqwest::RequestBuilder>) -> Vec<StatusCode> {
    let mut tasks = tokio::task::JoinSet::new();
    for (n, request) in requests.into_iter().enumerate() {
        tasks.spawn(async move { (n, request.send().await.unwrap().status()) });
    }
    let mut statuses = vec![StatusCode::OK; tasks.len()];
    while let Some(done) = tasks.join_next().await {
        let (n, status) = done.unwrap();
        statuses[n] = status;
    }
    statuses
}

pub(crate) fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

async fn bucket(app: &TestApp, name: &str) -> Option<rate_limit::Model> {
    rate_limit::Entity::find_by_id(name.to_owned())
        .one(&app.db)
        .await
        .unwrap()
}

/// As if every backoff had run out.
async fn let_backoffs_pass(app: &TestApp) {
    app.db
        .execute_unprepared("UPDATE rate_limit SET blocked_until = NULL")
        .await
        .unwrap();
}

/// A login POST ready to send, with its own session and CSRF token.
async fn login_request(app: &TestApp, email: &str, password: &str) -> reqwest::RequestBuilder {
    let client = new_client();
    let token = app.csrf_token(&client, "/login").await;
    client.post(app.url("/login")).form(&[
        ("csrf_token", token.as_str()),
        ("email", email),
        ("password", password),
    ])
}

#[tokio::test]
async fn forty_parallel_wrong_passwords_get_five_checks_and_the_owner_gets_in_after_the_backoff() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let mut requests = Vec::new();
        for n in 0..40 {
            requests.push(login_request(&app, "erin@acme.org", &format!("guess-{n}")).await);
        }
        let statuses = all_at_once(requests).await;
        assert_eq!(
            (
                count(&statuses, StatusCode::UNAUTHORIZED),
                count(&statuses, StatusCode::TOO_MANY_REQUESTS)
            ),
            (5, 35),
            "{statuses:?}"
        );

        // The owner, right away: still waiting out the backoff.
        let response = login_request(&app, "erin@acme.org", PASSWORD)
            .await
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Too many failed login attempts") && body.contains("seconds"),
            "{body}"
        );

        // Once it has passed, the right password works and the slate is clean.
        let_backoffs_pass(&app).await;
        let response = login_request(&app, "erin@acme.org", PASSWORD)
            .await
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(bucket(&app, "login-account:erin@acme.org").await.is_none());
        let address = bucket(&app, "login-address:127.0.0.1").await.unwrap();
        assert_eq!(address.hits, 5, "the good login was given back");
    })
    .await;
}

#[tokio::test]
async fn each_failure_past_the_budget_doubles_the_wait_and_refused_tries_cost_nothing() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let wrong = async || {
            login_request(&app, "erin@acme.org", "guess")
                .await
                .send()
                .await
                .unwrap()
                .status()
        };
        for _ in 0..5 {
            assert_eq!(wrong().await, StatusCode::UNAUTHORIZED);
        }
        let wait = async || {
            let row = bucket(&app, "login-account:erin@acme.org").await.unwrap();
            (
                row.hits,
                (row.blocked_until.unwrap() - Utc::now()).num_seconds(),
            )
        };
        let (hits, seconds) = wait().await;
        assert_eq!(hits, 5);
        assert!((25..=30).contains(&seconds), "{seconds}");
        // Hammering while blocked neither checks nor extends anything.
        for _ in 0..3 {
            assert_eq!(wrong().await, StatusCode::TOO_MANY_REQUESTS);
        }
        assert_eq!(wait().await.0, 5);
        for expected in [60, 120, 240] {
            let_backoffs_pass(&app).await;
            assert_eq!(wrong().await, StatusCode::UNAUTHORIZED);
            let (_, seconds) = wait().await;
            assert!(
                (expected - 5..=expected).contains(&seconds),
                "{seconds} s, expected {expected}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_forged_forwarded_for_counts_against_the_peer_unless_the_peer_is_a_trusted_proxy() {
    for backend in backends() {
        let app = TestApp::spawn(backend.clone()).await;
        let response = login_request(&app, "nobody@example.org", "guess")
            .await
            .header("X-Forwarded-For", "203.0.113.7")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            bucket(&app, "login-address:127.0.0.1").await.unwrap().hits,
            1
        );
        assert!(bucket(&app, "login-address:203.0.113.7").await.is_none());

        let app = TestApp::spawn_with(backend, |config| {
            config.trusted_proxies = "127.0.0.1, 10.0.0.0/8".parse().unwrap();
        })
        .await;
        // The client wrote the first entry; the proxies appended the rest.
        let response = login_request(&app, "nobody@example.org", "guess")
            .await
            .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.1.2.3")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            bucket(&app, "login-address:203.0.113.7")
                .await
                .unwrap()
                .hits,
            1
        );
        assert!(bucket(&app, "login-address:127.0.0.1").await.is_none());
        assert!(bucket(&app, "login-address:198.51.100.1").await.is_none());
    }
}

#[tokio::test]
async fn account_and_token_forms_are_limited_per_address() {
    on_each_backend(async |app: TestApp| {
        // Sixty wrong claim codes from one address, then "too many".
        let client = new_client();
        let token = app.csrf_token(&client, "/claim").await;
        let claim = |code: String| {
            client.post(app.url("/claim")).form(&[
                ("csrf_token", token.clone()),
                ("code", code),
                ("display_name", "Ana".into()),
                ("email", "ana@students.org".into()),
                ("password", PASSWORD.into()),
            ])
        };
        let mut requests = Vec::new();
        for n in 0..60 {
            requests.push(claim(format!("WRONG-CODE-{n:04}")));
        }
        let statuses = all_at_once(requests).await;
        assert_eq!(
            count(&statuses, StatusCode::UNPROCESSABLE_ENTITY),
            60,
            "{statuses:?}"
        );
        let response = claim("WRONG-CODE-9999".into()).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Too many attempts from your network")
        );

        // The other forms, each with its budget used up.
        for form in ["register", "join", "consent"] {
            rate_limit::ActiveModel {
                bucket: Set(format!("{form}:127.0.0.1")),
                hits: Set(60),
                last_hit_at: Set(Utc::now()),
                blocked_until: Set(None),
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        for path in ["/register", "/join/some-token", "/consent/some-token"] {
            let response = client
                .post(app.url(path))
                .form(&[("csrf_token", token.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{path}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_good_claim_gives_its_attempt_back() {
    on_each_backend(async |app: TestApp| {
        let school = app.school_with_counselor("Lincoln High").await;
        app.student(school, "Ana", "Rivera", 11).await;
        assert_eq!(bucket(&app, "claim:127.0.0.1").await.unwrap().hits, 0);
    })
    .await;
}

/// A verified employer, a posting with `slots`, and `students` adults each
/// holding an offer: (employer, posting, [(student, application)]).
async fn offers(
    app: &TestApp,
    slots: &str,
    students: usize,
) -> (TestUser, i32, Vec<(TestUser, i32)>) {
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let opportunity = app
        .published(&employer, &posting(&[("slots", slots)]))
        .await;
    let school = app.school_with_counselor("Lincoln High").await;
    let mut offers = Vec::new();
    for n in 0..students {
        let client = student(app, school, &format!("Student{n}"), 12, "2005-01-01").await;
        let application = id_from(&apply(app, &client, opportunity).await);
        assert_eq!(
            employer_act(app, &employer, application, "offer").await,
            StatusCode::SEE_OTHER
        );
        offers.push((client, application));
    }
    (employer, opportunity, offers)
}

async fn accept_request(
    app: &TestApp,
    student: &Client,
    application: i32,
) -> reqwest::RequestBuilder {
    let page = format!("/student/applications/{application}");
    let token = app.csrf_token(student, &page).await;
    student
        .post(app.url(&format!("{page}/accept")))
        .form(&[("csrf_token", token.as_str()), ("belonging", "4")])
}

#[tokio::test]
async fn fifty_rejects_racing_fifty_accepts_never_leave_a_rejected_application_with_a_placement() {
    on_each_backend(async |app: TestApp| {
        let (employer, _, offers) = offers(&app, "50", 50).await;
        let employer_token = app.csrf_token(&employer, "/employer").await;
        let mut requests = Vec::new();
        for (student, application) in &offers {
            requests.push(accept_request(&app, student, *application).await);
            requests.push(
                employer
                    .post(app.url(&format!("/employer/applications/{application}/reject")))
                    .form(&[("csrf_token", employer_token.as_str())]),
            );
        }
        let statuses = all_at_once(requests).await;
        let applications = entity::application::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        let placements = entity::placement::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        let (mut accepted, mut rejected) = (0, 0);
        for (n, (_, id)) in offers.iter().enumerate() {
            let (accept, reject) = (statuses[2 * n], statuses[2 * n + 1]);
            let status = applications.iter().find(|a| a.id == *id).unwrap().status;
            let placed = placements
                .iter()
                .filter(|p| p.application_id == *id)
                .count();
            match status {
                ApplicationStatus::Accepted => {
                    accepted += 1;
                    assert_eq!(
                        (accept, reject, placed),
                        (StatusCode::SEE_OTHER, StatusCode::CONFLICT, 1)
                    );
                }
                ApplicationStatus::Rejected => {
                    rejected += 1;
                    assert_eq!(
                        (accept, reject, placed),
                        (StatusCode::CONFLICT, StatusCode::SEE_OTHER, 0)
                    );
                }
                other => panic!("application {id} ended {other:?}"),
            }
        }
        assert_eq!(accepted + rejected, 50);
        eprintln!("reject vs accept: {accepted} accepted first, {rejected} rejected first");
    })
    .await;
}

#[tokio::test]
async fn slots_cannot_be_edited_below_the_places_taken() {
    on_each_backend(async |app: TestApp| {
        let (employer, opportunity, offers) = offers(&app, "3", 2).await;
        for (student, application) in &offers {
            let response = accept_request(&app, student, *application)
                .await
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let edit = format!("/employer/opportunities/{opportunity}/edit");
        let fields = posting(&[("slots", "1")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app.submit_as(&employer, &edit, &edit, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("2 students already hold a place: there cannot be fewer than 2.")
        );
        let saved = entity::opportunity::Entity::find_by_id(opportunity)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(saved.slots, 3, "nothing saved");
        let fields = posting(&[("slots", "2")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app.submit_as(&employer, &edit, &edit, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn fifty_slot_edits_racing_fifty_accepts_never_leave_more_placements_than_slots() {
    on_each_backend(async |app: TestApp| {
        let (employer, opportunity, offers) = offers(&app, "50", 50).await;
        let edit = format!("/employer/opportunities/{opportunity}/edit");
        let token = app.csrf_token(&employer, &edit).await;
        let mut requests = Vec::new();
        for (n, (student, application)) in offers.iter().enumerate() {
            requests.push(accept_request(&app, student, *application).await);
            let slots = (50 - n).to_string();
            let mut fields = posting(&[("slots", slots.as_str())]);
            fields.push(("csrf_token", token.clone()));
            requests.push(employer.post(app.url(&edit)).form(&fields));
        }
        let statuses = all_at_once(requests).await;
        let accepts: Vec<StatusCode> = statuses.iter().step_by(2).copied().collect();
        let edits: Vec<StatusCode> = statuses.iter().skip(1).step_by(2).copied().collect();
        assert!(
            accepts
                .iter()
                .all(|s| [StatusCode::SEE_OTHER, StatusCode::CONFLICT].contains(s)),
            "{accepts:?}"
        );
        assert!(
            edits
                .iter()
                .all(|s| [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY].contains(s)),
            "{edits:?}"
        );
        let saved = entity::opportunity::Entity::find_by_id(opportunity)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let taken = app.count("placement").await;
        assert_eq!(taken as usize, count(&accepts, StatusCode::SEE_OTHER));
        assert!(
            taken <= i64::from(saved.slots),
            "{taken} placements, {} slots",
            saved.slots
        );
        eprintln!(
            "slots race: {taken} placements, {} slots, {} edits refused",
            saved.slots,
            count(&edits, StatusCode::UNPROCESSABLE_ENTITY)
        );
    })
    .await;
}

#[tokio::test]
async fn fifty_approvals_racing_fifty_rejections_decide_each_hours_entry_once() {
    on_each_backend(async |app: TestApp| {
        let (employer, _, offers) = offers(&app, "1", 1).await;
        let (student, application) = &offers[0];
        let response = accept_request(&app, student, *application)
            .await
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let placement = entity::placement::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let start = today() - chrono::Duration::days(60);
        app.db
            .execute_unprepared(&format!(
                "UPDATE placement SET start_date = '{start}' WHERE id = {}",
                placement.id
            ))
            .await
            .unwrap();
        app.taken_days_ago(Some(placement.id), 60).await;
        let page = format!("/student/placements/{}", placement.id);
        let token = app.csrf_token(student, &page).await;
        for day in 1..=50 {
            let date = (today() - chrono::Duration::days(day)).to_string();
            let response = student
                .post(app.url(&format!("{page}/hours")))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("work_date", date.as_str()),
                    ("hours", "2"),
                    ("description", "Soldering"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let entries = entity::hour_log::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(entries.len(), 50);
        let token = app.csrf_token(&employer, "/employer").await;
        let mut requests = Vec::new();
        for entry in &entries {
            for decision in ["approve", "reject"] {
                requests.push(
                    employer
                        .post(app.url(&format!("/employer/hours/{}/{decision}", entry.id)))
                        .form(&[("csrf_token", token.as_str())]),
                );
            }
        }
        let statuses = all_at_once(requests).await;
        let after = entity::hour_log::Entity::find().all(&app.db).await.unwrap();
        for (n, entry) in entries.iter().enumerate() {
            let (approve, reject) = (statuses[2 * n], statuses[2 * n + 1]);
            let status = after.iter().find(|h| h.id == entry.id).unwrap().status;
            let expected = match status {
                HoursStatus::Approved => (StatusCode::SEE_OTHER, StatusCode::CONFLICT),
                HoursStatus::Rejected => (StatusCode::CONFLICT, StatusCode::SEE_OTHER),
                other => panic!("entry {} ended {other:?}", entry.id),
            };
            assert_eq!((approve, reject), expected, "entry {}", entry.id);
        }
    })
    .await;
}

#[tokio::test]
async fn two_setups_posted_at_once_make_one_first_admin_fifty_times_over() {
    on_each_backend(async |app: TestApp| {
        for round in 0..50 {
            let mut requests = Vec::new();
            for side in ["a", "b"] {
                let client = new_client();
                let token = app.csrf_token(&client, "/setup").await;
                let email = format!("admin-{round}-{side}@example.org");
                requests.push(client.post(app.url("/setup")).form(&[
                    ("csrf_token", token.as_str()),
                    ("display_name", "Ada"),
                    ("email", email.as_str()),
                    ("password", PASSWORD),
                ]));
            }
            let statuses = all_at_once(requests).await;
            assert_eq!(
                count(&statuses, StatusCode::SEE_OTHER),
                1,
                "round {round}: {statuses:?}"
            );
            assert_eq!(
                count(&statuses, StatusCode::NOT_FOUND),
                1,
                "round {round}: {statuses:?}"
            );
            let admins = app
                .number("SELECT COUNT(*) AS n FROM app_user WHERE role = 'admin'")
                .await;
            assert_eq!(admins, 1, "round {round}");
            // Back to a fresh install for the next round.
            app.db
                .execute_unprepared("DELETE FROM app_user WHERE role = 'admin'")
                .await
                .unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn claim_codes_stored_before_the_server_secret_keep_working_after_the_upgrade() {
    use stembridge::{roster::claim_code, tokens};
    for backend in backends() {
        let mut app = TestApp::spawn(backend).await;
        let school = app.school_with_counselor("Lincoln High").await;
        // A database from before the key: plain SHA-256 digests, no marker.
        let codes = [claim_code::generate(), claim_code::generate()];
        for (n, code) in codes.iter().enumerate() {
            entity::student::ActiveModel {
                school_id: Set(school),
                first_name: Set(format!("Old{n}")),
                last_name: Set("Student".into()),
                grade: Set(11),
                claim_code_hash: Set(Some(tokens::legacy_digest(&claim_code::normalize(code)))),
                claim_code_expires_at: Set(Some(Utc::now() + chrono::Duration::days(3))),
                active: Set(true),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        app.db
            .execute_unprepared("DELETE FROM server_state")
            .await
            .unwrap();
        let claim = async |app: &TestApp, code: &str, email: &str| {
            app.submit_as(
                &new_client(),
                "/claim",
                "/claim",
                &[
                    ("code", code),
                    ("display_name", "Old"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await
            .status()
        };
        app.restart().await;
        let stored: Vec<Option<String>> = entity::student::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.claim_code_hash)
            .collect();
        assert!(
            !stored.contains(&Some(tokens::legacy_digest(&claim_code::normalize(
                &codes[0]
            )))),
            "no plain digest is left"
        );
        assert_eq!(
            claim(&app, &codes[0], "old0@students.org").await,
            StatusCode::SEE_OTHER
        );
        // A second start must not key the digests twice.
        app.restart().await;
        assert_eq!(
            claim(&app, &codes[1], "old1@students.org").await,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn signed_in_pages_and_exports_are_never_cached_and_public_pages_may_be() {
    on_each_backend(async |app: TestApp| {
        let home = app.get("/").await;
        assert!(home.headers().get("cache-control").is_none());
        let admin = app.admin().await;
        for path in [
            "/admin",
            "/dashboard",
            "/search",
            "/counselor/outreach/students.csv",
        ] {
            let response = app.get_as(&admin, path).await;
            assert_eq!(
                response
                    .headers()
                    .get("cache-control")
                    .map(|v| v.to_str().unwrap()),
                Some("no-store"),
                "{path}"
            );
        }
        assert!(
            app.get("/")
                .await
                .headers()
                .get("strict-transport-security")
                .is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn over_https_the_session_cookie_is_host_only_and_hsts_is_sent() {
    let app = TestApp::spawn_with(backends().remove(0), |config| config.cookie_secure = true).await;
    let response = app.get("/login").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("__Host-stembridge_session="), "{cookie}");
    assert!(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
}

#[tokio::test]
async fn a_stranger_keeping_the_account_in_backoff_does_not_keep_the_owner_out_of_their_own_browser()
 {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        // The owner logged in from this browser before, and logged out.
        let owner = new_client();
        app.login_as(&owner, "erin@acme.org", PASSWORD).await;
        let response = app.submit_as(&owner, "/employer", "/logout", &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let mut requests = Vec::new();
        for n in 0..40 {
            requests.push(login_request(&app, "erin@acme.org", &format!("guess-{n}")).await);
        }
        let statuses = all_at_once(requests).await;
        assert_eq!(
            count(&statuses, StatusCode::UNAUTHORIZED),
            5,
            "{statuses:?}"
        );

        // Anyone else, even with the right password, waits out the backoff...
        let response = login_request(&app, "erin@acme.org", PASSWORD)
            .await
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        // ...but the owner's own browser gets in at once.
        app.login_as(&owner, "erin@acme.org", PASSWORD).await;
        assert_eq!(
            app.get_as(&owner, "/employer").await.status(),
            StatusCode::OK
        );
    })
    .await;
}
