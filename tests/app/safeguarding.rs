//! Safeguarding and account security: an organization that loses its
//! verification reaches no student at once, and sessions that end stay ended.

use std::{sync::Arc, time::Instant};

use reqwest::{Client, StatusCode, cookie::CookieStore, cookie::Jar, redirect::Policy};

use crate::helpers::{PASSWORD, TestApp, TestUser, location, new_client, on_each_backend, posting};

/// Everyone around one offer: an admin, the employer of "Acme Labs" (verified),
/// a counselor, and a student whose application to Acme's posting is offered.
struct Offer {
    admin: TestUser,
    employer: TestUser,
    counselor: TestUser,
    student: TestUser,
    opportunity: i32,
    application: i32,
}

async fn an_offer(app: &TestApp) -> Offer {
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Acme Labs", "erin@acme.org")
        .await;
    let school = app.school("Lincoln High").await;
    let counselor = app.counselor_at(school).await;
    let student = app.student(school, "Zelda", "Quartz", 11).await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let response = app
        .submit_as(
            &student,
            &format!("/opportunities/{opportunity}"),
            &format!("/opportunities/{opportunity}/apply"),
            &[("note", "I love robots")],
        )
        .await;
    let application: i32 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let response = app
        .submit_as(
            &employer,
            "/employer",
            &format!("/employer/applications/{application}/offer"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    Offer {
        admin,
        employer,
        counselor,
        student,
        opportunity,
        application,
    }
}

async fn accept(app: &TestApp, student: &Client, application: i32) -> reqwest::Response {
    let page = format!("/student/applications/{application}");
    app.submit_as(
        student,
        &page,
        &format!("{page}/accept"),
        &[("belonging", "4")],
    )
    .await
}

async fn application_status(app: &TestApp, id: i32) -> String {
    use sea_orm::EntityTrait;
    entity::application::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .key()
        .to_owned()
}

#[tokio::test]
async fn a_suspended_organization_reaches_none_of_its_applicants_until_verified_again() {
    on_each_backend(async |app: TestApp| {
        let o = an_offer(&app).await;
        let applicants = format!("/employer/opportunities/{}/applicants", o.opportunity);
        assert!(
            app.get_as(&o.employer, &applicants)
                .await
                .text()
                .await
                .unwrap()
                .contains("Quartz")
        );

        let response = app
            .review(&o.admin, "Acme Labs", "suspend", "Safeguarding concern")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // The bookmarked applicants page, on the very next request.
        let response = app.get_as(&o.employer, &applicants).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = response.text().await.unwrap();
        assert!(
            !body.contains("Quartz") && !body.contains("Zelda"),
            "{body}"
        );
        assert!(body.contains("not verified"), "a plain explanation: {body}");
        // A crafted POST moves nothing.
        let response = app
            .submit_as(
                &o.employer,
                "/employer",
                &format!("/employer/applications/{}/reject", o.application),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(application_status(&app, o.application).await, "offered");
        // The dashboard no longer counts applicants either.
        let dashboard = app
            .get_as(&o.employer, "/employer")
            .await
            .text()
            .await
            .unwrap();
        assert!(!dashboard.contains(&applicants), "{dashboard}");

        // The student is told why, and the pending offer cannot be accepted.
        let page = app
            .get_as(
                &o.student,
                &format!("/student/applications/{}", o.application),
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("no longer verified"), "{page}");
        assert!(!page.contains("Accept the offer"), "{page}");
        let response = accept(&app, &o.student, o.application).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("cannot be accepted")
        );
        assert_eq!(app.count("placement").await, 0);
        assert_eq!(application_status(&app, o.application).await, "offered");

        // Verified again: access comes back, and the offer can be accepted.
        let response = app.review(&o.admin, "Acme Labs", "reinstate", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app.get_as(&o.employer, &applicants).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.unwrap().contains("Quartz"));
        assert_eq!(
            accept(&app, &o.student, o.application).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(app.count("placement").await, 1);
    })
    .await;
}

#[tokio::test]
async fn suspending_an_organization_flags_its_open_placements_to_the_students_counselors() {
    on_each_backend(async |app: TestApp| {
        let o = an_offer(&app).await;
        assert_eq!(
            accept(&app, &o.student, o.application).await.status(),
            StatusCode::SEE_OTHER
        );
        let response = app
            .review(&o.admin, "Acme Labs", "suspend", "Safeguarding concern")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let counselor = app
            .get_as(&o.counselor, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            counselor.contains("Zelda Quartz") && counselor.contains("needs your attention"),
            "{counselor}"
        );
        let student = app
            .get_as(&o.student, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(student.contains("no longer verified"), "{student}");
        let placement = app
            .get_as(&o.student, "/student/placements/1")
            .await
            .text()
            .await
            .unwrap();
        assert!(placement.contains("Do not go to the site"), "{placement}");
        // Consent can no longer start the placement; declining still works.
        let consent = |decision| {
            [
                ("guardian_name", "Gina Quartz"),
                ("relationship", "mother"),
                ("decision", decision),
            ]
        };
        let response = app
            .submit_as(
                &o.counselor,
                "/counselor/placements",
                "/counselor/placements/1/consent",
                &consent("give"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let response = app
            .submit_as(
                &o.counselor,
                "/counselor/placements",
                "/counselor/placements/1/consent",
                &consent("decline"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The employer's placement page and hours are closed, and its
        // notifications (which name the student) are hidden.
        assert_eq!(
            app.get_as(&o.employer, "/employer/placements/1")
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let news = app
            .get_as(&o.employer, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(!news.contains("Zelda"), "{news}");
        // Nor does the menu count them: only the news about the organization.
        let shown = app
            .count(&format!(
                "notification WHERE user_id = {} AND read_at IS NULL \
                 AND message_id LIKE 'alerts-org-employer-%'",
                o.employer.id
            ))
            .await;
        let hidden = app
            .count(&format!(
                "notification WHERE user_id = {} AND read_at IS NULL",
                o.employer.id
            ))
            .await;
        assert!(hidden > shown, "some news about students waits unread");
        let badge = format!("({shown} new)");
        assert_eq!(news.contains(&badge), shown > 0, "{news}");
        assert!(!news.contains(&format!("({hidden} new)")), "{news}");
    })
    .await;
}

#[tokio::test]
async fn a_pending_or_rejected_organization_edits_its_drafts_but_sees_no_applicant_page() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.employer("Pending Co", "pat@pending.org").await;
        let draft = app.draft(&employer, &posting(&[])).await;
        assert_eq!(
            app.get_as(&employer, &format!("/employer/opportunities/{draft}/edit"))
                .await
                .status(),
            StatusCode::OK
        );
        let response = app
            .get_as(
                &employer,
                &format!("/employer/opportunities/{draft}/applicants"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("waiting for verification")
        );
        // Rejected: still its own drafts, still no applicant page.
        let response = app
            .review(&admin, "Pending Co", "reject", "Not a real company")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get_as(&employer, &format!("/employer/opportunities/{draft}/edit"))
                .await
                .status(),
            StatusCode::OK
        );
        let response = app
            .get_as(
                &employer,
                &format!("/employer/opportunities/{draft}/applicants"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("not verified"));
    })
    .await;
}

/// A client whose cookie jar the test can read.
fn client_with_jar() -> (Client, Arc<Jar>) {
    let jar = Arc::new(Jar::default());
    let client = Client::builder()
        .cookie_provider(Arc::clone(&jar))
        .redirect(Policy::none())
        .build()
        .unwrap();
    (client, jar)
}

/// Opens `path` with exactly `cookie` (no jar), as an attacker replaying it would.
async fn with_cookie(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
        .get(app.url(path))
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn logging_out_while_other_requests_of_the_session_are_in_flight_kills_the_old_cookie() {
    on_each_backend(async |app: TestApp| {
        let email = app.counselor_at(app.school("Lincoln High").await).await.email;
        let rounds = 20;
        let mut overlapping = 0;
        for round in 0..rounds {
            let (client, jar) = client_with_jar();
            app.login_as(&client, &email, PASSWORD).await;
            let url = app.url("/").parse().unwrap();
            let old_cookie = jar.cookies(&url).unwrap().to_str().unwrap().to_owned();
            let token = app.csrf_token(&client, "/notifications").await;

            // A second tab polling /notifications while the first logs out:
            // every page request writes its session back when it ends.
            let started = Instant::now();
            let polls: Vec<_> = (0..16)
                .map(|_| {
                    let client = client.clone();
                    let url = app.url("/notifications");
                    tokio::spawn(async move {
                        let status = client.get(url).send().await.unwrap().status();
                        (status, started.elapsed())
                    })
                })
                .collect();
            let logout = client
                .post(app.url("/logout"))
                .form(&[("csrf_token", token.as_str())])
                .send()
                .await
                .unwrap();
            let logged_out_at = started.elapsed();
            assert_eq!(logout.status(), StatusCode::SEE_OTHER);
            let mut answered_after_logout = false;
            for poll in polls {
                let (status, at) = poll.await.unwrap();
                answered_after_logout |= status == StatusCode::OK && at > logged_out_at;
            }
            overlapping += usize::from(answered_after_logout);

            for cookie in [old_cookie.clone(), jar.cookies(&url).map_or(String::new(), |c| c.to_str().unwrap().to_owned())] {
                let response = with_cookie(&app, &cookie, "/counselor").await;
                assert_eq!(
                    location(&response),
                    "/login",
                    "round {round}: the cookie {cookie} still opens /counselor"
                );
            }
        }
        eprintln!("logout race: {overlapping} of {rounds} rounds had a request of the session answer after the logout");
    })
    .await;
}

#[tokio::test]
async fn logging_out_in_one_browser_ends_the_users_sessions_in_every_other() {
    on_each_backend(async |app: TestApp| {
        let school_computer = app.counselor_at(app.school("Lincoln High").await).await;
        let email = school_computer.email.clone();
        let home = new_client();
        app.login_as(&home, &email, PASSWORD).await;
        assert_eq!(
            app.get_as(&home, "/counselor").await.status(),
            StatusCode::OK
        );
        let response = app
            .submit_as(&school_computer, "/counselor", "/logout", &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&app.get_as(&home, "/counselor").await), "/login");
        assert_eq!(
            location(&app.get_as(&school_computer, "/counselor").await),
            "/login"
        );
        // Logging in again works, in either place.
        app.login_as(&home, &email, PASSWORD).await;
        assert_eq!(
            app.get_as(&home, "/counselor").await.status(),
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn a_suspension_racing_an_acceptance_never_leaves_an_unflagged_placement() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let school = app.school("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let rounds = 10;
        let (mut accepted, mut refused) = (0, 0);
        for round in 0..rounds {
            let organization = format!("Org {round}");
            let employer = app
                .verified_employer(&admin, &organization, &format!("e{round}@org.org"))
                .await;
            let student = app
                .student(school, &format!("Racer{round}"), "Quartz", 11)
                .await;
            let opportunity = app.published(&employer, &posting(&[])).await;
            let response = app
                .submit_as(
                    &student,
                    &format!("/opportunities/{opportunity}"),
                    &format!("/opportunities/{opportunity}/apply"),
                    &[("note", "Hello")],
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
            let page = format!("/student/applications/{application}");
            let accept_token = app.csrf_token(&student, &page).await;
            let review_token = app.csrf_token(&admin, "/organizations/review").await;
            let org_id = app.organization_id(&organization).await;

            let accept = student
                .post(app.url(&format!("{page}/accept")))
                .form(&[("csrf_token", accept_token.as_str()), ("belonging", "4")])
                .send();
            let suspend = admin
                .post(app.url(&format!("/organizations/{org_id}/review")))
                .form(&[
                    ("csrf_token", review_token.as_str()),
                    ("decision", "suspend"),
                    ("reason", "Safeguarding concern"),
                ])
                .send();
            let (accept, suspend) = tokio::join!(accept, suspend);
            assert_eq!(suspend.unwrap().status(), StatusCode::SEE_OTHER);
            let status = accept.unwrap().status();
            let placed = application_status(&app, application).await == "accepted";
            if placed {
                accepted += 1;
                // Accepting redirects to the placement page (no consent link is shown).
                assert_eq!(status, StatusCode::SEE_OTHER);
                let news = app
                    .get_as(&counselor, "/notifications")
                    .await
                    .text()
                    .await
                    .unwrap();
                assert!(
                    news.contains(&format!("Racer{round} Quartz")),
                    "round {round}: a placement at a suspended organization went unflagged"
                );
            } else {
                refused += 1;
                assert_eq!(status, StatusCode::CONFLICT, "round {round}");
            }
        }
        eprintln!("suspension vs acceptance: {accepted} accepted first (and flagged), {refused} refused, of {rounds}");
    })
    .await;
}

#[tokio::test]
async fn a_logged_out_session_written_back_to_the_store_still_opens_nothing() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel};
        let email = app
            .counselor_at(app.school("Lincoln High").await)
            .await
            .email;
        let (client, jar) = client_with_jar();
        app.login_as(&client, &email, PASSWORD).await;
        let url = app.url("/").parse().unwrap();
        let cookie = jar.cookies(&url).unwrap().to_str().unwrap().to_owned();
        // The jar also holds the device cookie (auth::device): take the session's.
        let id = cookie
            .split("; ")
            .find_map(|pair| pair.strip_prefix("stembridge_session="))
            .unwrap()
            .to_owned();
        let row = entity::session::Entity::find_by_id(id.clone())
            .one(&app.db)
            .await
            .unwrap()
            .expect("the session's row");

        let response = app.submit_as(&client, "/counselor", "/logout", &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // Whatever writes the row back (an old app process, a restored
        // backup), the session's generation is behind the user's.
        row.into_active_model()
            .reset_all()
            .insert(&app.db)
            .await
            .unwrap();
        let response = with_cookie(&app, &cookie, "/counselor").await;
        assert_eq!(location(&response), "/login");
    })
    .await;
}

#[tokio::test]
async fn a_suspended_organization_sees_its_slots_but_not_how_many_are_left() {
    on_each_backend(async |app: TestApp| {
        let o = an_offer(&app).await;
        accept(&app, &o.student, o.application).await;
        let dashboard = app
            .get_as(&o.employer, "/employer")
            .await
            .text()
            .await
            .unwrap();
        assert!(dashboard.contains(" of 3</td>"), "{dashboard}");
        let response = app
            .review(&o.admin, "Acme Labs", "suspend", "Safeguarding concern")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let dashboard = app
            .get_as(&o.employer, "/employer")
            .await
            .text()
            .await
            .unwrap();
        assert!(!dashboard.contains(" of 3</td>"), "{dashboard}");
        assert!(dashboard.contains("<td>3</td>"), "{dashboard}");
        assert!(!dashboard.contains("Slots left"), "{dashboard}");
    })
    .await;
}
