//! Fair draws over HTTP: first-time students first, one draw whatever the
//! number of triggers, a seed fixed and entry codes given before anyone
//! knows who entered, a public record anyone can re-run, a wait list that
//! moves in draw order, and every bad input refused with nothing written.

use std::collections::BTreeMap;

use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};

use crate::{
    applications::{apply, employer_act, student},
    helpers::{TestApp, days_from_now, location, new_client, on_each_backend, posting},
};

/// The application of the student called `first` to `opportunity`.
async fn application_of(app: &TestApp, opportunity: i32, first: &str) -> i64 {
    app.number(&format!(
        "SELECT CAST(a.id AS BIGINT) AS n FROM application a JOIN student s ON s.id = a.student_id \
             WHERE a.opportunity_id = {opportunity} AND s.first_name = '{first}'"
    ))
    .await
}

/// A one-day job shadow with one seat given by fair draw, 60 days ahead.
async fn one_seat_shadow(app: &TestApp, employer: &Client) -> i32 {
    let start = days_from_now(60);
    app.published(
        employer,
        &posting(&[
            ("kind", "job_shadow"),
            ("slots", "1"),
            ("start_date", &start),
            ("end_date", &start),
            ("start_time", "09:00"),
            ("end_time", "13:00"),
        ]),
    )
    .await
}

/// The posting's deadline passed yesterday (the clock moving on).
async fn past_deadline(app: &TestApp, opportunity: i32) {
    app.db
        .execute_unprepared(&format!(
            "UPDATE opportunity SET deadline = '{}' WHERE id = {opportunity}",
            days_from_now(-1)
        ))
        .await
        .unwrap();
}

async fn page(app: &TestApp, client: &Client, path: &str) -> String {
    let response = app.get_as(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The student's own application page and the entry code it shows.
async fn own_page(
    app: &TestApp,
    client: &Client,
    opportunity: i32,
    first: &str,
) -> (String, String) {
    let id = application_of(app, opportunity, first).await;
    let html = page(app, client, &format!("/student/applications/{id}")).await;
    let code = between(&html, "Your entry code is ", ":").to_owned();
    (html, code)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &text[from..from + text[from..].find(end).unwrap()]
}

/// The public record as (code, seated) in the order shown.
fn record_rows(html: &str) -> Vec<(String, bool)> {
    html.split("<tr data-entry=\"")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap()];
            let code = row[..row.find('"').unwrap()].to_owned();
            let cells: Vec<&str> = row
                .split("<td>")
                .skip(1)
                .map(|c| &c[..c.find("</td>").unwrap()])
                .collect();
            assert_eq!(
                cells.len(),
                2,
                "code and outcome: no order, no key, no group"
            );
            (code, cells[1] == "Seat")
        })
        .collect()
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_fair_draw_seats_first_time_students_first_once_and_anyone_can_re_run_it() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let rival = app
            .verified_employer(&admin, "Rival Labs", "rita@rival.org")
            .await;
        let start = days_from_now(60);
        let shadow = |slots: &'static str, allocation: &'static str| {
            posting(&[
                ("kind", "job_shadow"),
                ("allocation", allocation),
                ("slots", slots),
                ("start_date", &start),
                ("end_date", &start),
                ("start_time", "09:00"),
                ("end_time", "13:00"),
            ])
        };

        // Bad allocations: a message each, and no posting saved.
        let postings_before = app.count("opportunity").await;
        for (fields, message) in [
            (
                shadow("2", "lottery"),
                "Choose first come, first served or a fair draw.",
            ),
            (
                posting(&[("allocation", "fair_draw")]),
                "A fair draw gives seats, so it is only for job shadows and virtual experiences.",
            ),
        ] {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .submit_as(
                    &employer,
                    "/employer/opportunities/new",
                    "/employer/opportunities",
                    &fields,
                )
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(
                response.text().await.unwrap().contains(message),
                "{message}"
            );
        }
        assert_eq!(app.count("opportunity").await, postings_before);

        // Three students were placed before (a first-come shadow); two never were.
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let other_school = app.school_with_counselor("Roosevelt High").await;
        // Its afternoon, after the drawn morning's hours: a place at the
        // same hours would leave them out of the draw (placements::overlap).
        let afternoon: Vec<(&str, String)> = shadow("3", "first_come")
            .into_iter()
            .map(|(key, value)| match key {
                "start_time" => (key, "14:00".to_owned()),
                "end_time" => (key, "16:00".to_owned()),
                _ => (key, value),
            })
            .collect();
        let earlier = app.published(&employer, &afternoon).await;
        let mut students = BTreeMap::new();
        for name in ["Avery", "Blake", "Casey", "Devon", "Emery"] {
            students.insert(name, student(&app, lincoln, name, 11, "").await);
        }
        for name in ["Avery", "Blake", "Casey"] {
            assert_eq!(
                apply(&app, &students[name], earlier).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(
            app.count("placement").await,
            3,
            "first come: three seats at once"
        );

        // Casey's counselor marks them priority before any entry; another
        // school's counselor cannot, and a value other than yes or no
        // changes nothing.
        let casey_id = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE first_name = 'Casey'")
            .await;
        let mark = format!("/counselor/students/{casey_id}/priority");
        let stranger = app.counselor_at(other_school).await;
        let response = app
            .submit_as(
                &stranger,
                "/counselor/outreach",
                &mark,
                &[("priority", "yes")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let counselor = app.counselor_at(lincoln).await;
        let response = app
            .submit_as(
                &counselor,
                "/counselor/outreach",
                &mark,
                &[("priority", "maybe")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Choose whether to mark the student as priority")
        );
        let marked = "SELECT COUNT(*) AS n FROM student WHERE priority = TRUE";
        assert_eq!(app.number(marked).await, 0);
        let response = app
            .submit_as(
                &counselor,
                "/counselor/outreach",
                &mark,
                &[("priority", "yes")],
            )
            .await;
        assert_eq!(location(&response), "/counselor/outreach");
        assert_eq!(app.number(marked).await, 1);
        assert!(
            page(&app, &counselor, "/counselor/outreach")
                .await
                .contains("Remove Casey Student")
        );

        // The fair draw (the default for a job shadow): two seats. The
        // placed students apply first; under first come they would win.
        let fair = app.published(&employer, &shadow("2", "")).await;
        for name in ["Avery", "Blake", "Casey", "Devon", "Emery"] {
            assert_eq!(
                apply(&app, &students[name], fair).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(app.count("placement").await, 3, "entries wait for the draw");
        let devon_app = application_of(&app, fair, "Devon").await;
        let devon_page = format!("/student/applications/{devon_app}");
        assert!(
            page(&app, &students["Devon"], &devon_page)
                .await
                .contains("You are in the draw.")
        );
        // Each entry's code is shown to its student on applying, and the
        // seed's SHA-256 is public before the draw (the seed is not): neither
        // can be picked once the entrants are known.
        let codes_before: BTreeMap<&str, String> = {
            let mut codes = BTreeMap::new();
            for name in ["Avery", "Blake", "Casey", "Devon", "Emery"] {
                let (_, code) = own_page(&app, &students[name], fair, name).await;
                assert_eq!(code.len(), 12, "{name}");
                codes.insert(name, code);
            }
            codes
        };
        let pending = page(&app, &new_client(), &format!("/opportunities/{fair}/draw")).await;
        let commitment = between(&pending, "<code id=\"commitment\">", "</code>").to_owned();
        assert_eq!(commitment.len(), 64);
        assert!(pending.contains("The draw has not run yet"));
        assert!(
            !pending.contains("id=\"seed\""),
            "the seed stays secret until the draw"
        );
        for code in codes_before.values() {
            assert!(!pending.contains(code.as_str()), "no code before the draw");
        }
        // A first-come posting has no draw to record.
        let response = app
            .get_as(&new_client(), &format!("/opportunities/{earlier}/draw"))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        // The employer cannot pick an entry before the draw, nor take one
        // out of the lot.
        for action in ["offer", "reject", "review"] {
            assert_eq!(
                employer_act(&app, &employer, devon_app as i32, action).await,
                StatusCode::CONFLICT,
                "{action}"
            );
        }
        let applicants = page(
            &app,
            &employer,
            &format!("/employer/opportunities/{fair}/applicants"),
        )
        .await;
        assert!(applicants.contains("nobody is chosen, or taken out of the lot"));
        assert!(
            !applicants.contains("/reject\""),
            "no decline button before the draw"
        );
        // A mark set once the entrants are known does not count: Avery,
        // placed before, stays in the third group (the re-run below).
        let avery_id = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE first_name = 'Avery'")
            .await;
        let response = app
            .submit_as(
                &counselor,
                "/counselor/outreach",
                &format!("/counselor/students/{avery_id}/priority"),
                &[("priority", "yes")],
            )
            .await;
        assert_eq!(location(&response), "/counselor/outreach");

        // Before the deadline the draw is refused; another organization's
        // crafted trigger finds nothing; neither writes a draw.
        let trigger = format!("/employer/opportunities/{fair}/draw");
        let manage = format!("/employer/opportunities/{fair}");
        let response = app.submit_as(&employer, &manage, &trigger, &[]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("The draw runs after the deadline")
        );
        let response = app.submit_as(&rival, "/employer", &trigger, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("draw").await, 0);

        // The deadline passes; ten triggers at once (two app servers' worth
        // of clicks, and the background job besides) make one draw.
        past_deadline(&app, fair).await;
        let token = app.csrf_token(&employer, &manage).await;
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..10 {
            let (client, url, token) = (employer.clone(), app.url(&trigger), token.clone());
            tasks.spawn(async move {
                client
                    .post(url)
                    .form(&[("csrf_token", token)])
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        let ran_by_job =
            stembridge::draws::service::run_due(&app.db, stembridge::format::today(), false)
                .await
                .unwrap();
        while let Some(status) = tasks.join_next().await {
            assert_eq!(status.unwrap(), StatusCode::SEE_OTHER);
        }
        assert!(ran_by_job <= 1);
        assert_eq!(app.count("draw").await, 1, "one draw");
        assert_eq!(app.count("draw_entry").await, 5);
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM placement WHERE opportunity_id = {fair}"
            ))
            .await,
            2,
            "two seats, two placements"
        );

        // First-time students drew the seats, whatever the order they applied in.
        for name in ["Devon", "Emery"] {
            let id = application_of(&app, fair, name).await;
            let html = page(
                &app,
                &students[name],
                &format!("/student/applications/{id}"),
            )
            .await;
            assert!(html.contains("You were drawn: you have a seat."), "{name}");
            // The draw took the step, not the student nor the employer.
            assert!(
                html.contains("(by the fair draw or the wait list)"),
                "{name}"
            );
            assert!(
                html.contains("students who have never had a placement on STEMbridge"),
                "{name}"
            );
        }
        let casey_app = application_of(&app, fair, "Casey").await;
        let casey_page = page(
            &app,
            &students["Casey"],
            &format!("/student/applications/{casey_app}"),
        )
        .await;
        assert!(
            casey_page.contains("You are on the wait list, number 1."),
            "priority before everyone else"
        );
        assert!(casey_page.contains("you were in the second group"));
        assert!(
            !casey_page.contains("Avery") && !casey_page.contains("Devon"),
            "no other student's data"
        );

        // The public record has no names and no groups (beside a seat, a
        // group would tell the employer who is a priority student), and
        // re-running it from its seed (SHA-256 of seed:code, by group then
        // key, each student's group known here) gives the same order.
        let anonymous = new_client();
        let record = page(&app, &anonymous, &format!("/opportunities/{fair}/draw")).await;
        for name in students.keys() {
            assert!(!record.contains(name), "the record names no student");
        }
        assert!(!record.contains("<th scope=\"col\">Group</th>"));
        assert!(record.contains("id=\"verified\""));
        let seed = between(&record, "<code id=\"seed\">", "</code>").to_owned();
        assert_eq!(seed.len(), 64);
        assert_eq!(
            sha256_hex(&seed),
            commitment,
            "the seed is the one fixed before the entries"
        );
        assert!(record.contains("id=\"kept\""));
        // Lines go by code: the draw order (or a key per line) would mark
        // where one group ends and the next begins.
        let rows = record_rows(&record);
        assert_eq!(rows.len(), 5);
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "by code");
        assert!(!record.contains("class=\"key\""));
        // Re-run from the seed with each student's group (which only the
        // student sees): the seats and each student's key and place match.
        let mut rerun = Vec::new();
        for (name, group) in [
            ("Devon", 1),
            ("Emery", 1),
            ("Casey", 2),
            ("Avery", 3),
            ("Blake", 3),
        ] {
            let (html, code) = own_page(&app, &students[name], fair, name).await;
            assert_eq!(
                code, codes_before[name],
                "{name}'s code is the one shown on applying"
            );
            let key = sha256_hex(&format!("{seed}:{code}"));
            assert!(html.contains(&key), "{name} sees their key");
            rerun.push((group, key, code, name));
        }
        rerun.sort();
        let seated: Vec<&str> = rows.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
        let mut drawn_first: Vec<&str> = rerun[..2].iter().map(|r| r.2.as_str()).collect();
        drawn_first.sort();
        assert_eq!(seated, drawn_first, "the same seed gives the same seats");
        assert_eq!(rerun[2].3, "Casey", "Casey is first on the wait list");
        // The wait list goes in draw order: the employer cannot skip Casey.
        assert_eq!(
            employer_act(&app, &employer, casey_app as i32, "reject").await,
            StatusCode::CONFLICT
        );

        // A guardian declines Devon's seat: it goes to the wait list's first
        // in draw order (Casey), not to whoever applied first (Avery).
        let placement = app
            .number(&format!(
                "SELECT CAST(id AS BIGINT) AS n FROM placement WHERE application_id = {devon_app}"
            ))
            .await;
        let response = app
            .submit_as(
                &counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "Pat"),
                    ("relationship", "father"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let status = |id: i64| {
            format!("SELECT COUNT(*) AS n FROM application WHERE id = {id} AND status = 'accepted'")
        };
        assert_eq!(app.number(&status(casey_app)).await, 1, "Casey moved up");
        for name in ["Avery", "Blake"] {
            let id = application_of(&app, fair, name).await;
            assert_eq!(app.number(&status(id)).await, 0, "{name} still waits");
            let html = page(
                &app,
                &students[name],
                &format!("/student/applications/{id}"),
            )
            .await;
            let rank = rerun.iter().position(|r| r.3 == name).unwrap();
            // Places 4 and 5 were numbers 2 and 3; Casey's promotion moved them up one.
            assert!(html.contains(&format!("number {}.", rank - 2)), "{name}");
        }
        // Retrying changes nothing.
        let response = app.submit_as(&employer, &manage, &trigger, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count("draw").await, 1);
    })
    .await;
}

/// A virtual experience is drawn like a job shadow, and its wait list moves
/// the same way: the seat a drawn student gives back goes to the first
/// student waiting (it used to stay empty: only job shadows promoted).
#[tokio::test]
async fn a_seat_given_back_in_a_drawn_virtual_experience_goes_to_the_first_student_waiting() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let virtual_day = app
            .published(
                &employer,
                &posting(&[
                    ("kind", "virtual_experience"),
                    ("mode", "remote"),
                    ("address", ""),
                    ("slots", "1"),
                ]),
            )
            .await;
        let mut students = BTreeMap::new();
        for name in ["Avery", "Blake", "Casey"] {
            students.insert(name, student(&app, lincoln, name, 11, "").await);
            assert_eq!(
                apply(&app, &students[name], virtual_day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(app.count("placement").await, 0, "entries wait for the draw");
        past_deadline(&app, virtual_day).await;
        stembridge::draws::service::run_due(&app.db, stembridge::format::today(), false)
            .await
            .unwrap();
        let seated = |status: &'static str| {
            format!(
                "SELECT CAST(COALESCE(MIN(s.id), 0) AS BIGINT) AS n FROM application a \
                 JOIN student s ON s.id = a.student_id \
                 WHERE a.opportunity_id = {virtual_day} AND a.status = '{status}'"
            )
        };
        let first = app.number(&seated("accepted")).await;
        assert_ne!(first, 0, "the draw gave the seat");
        // Who waits first is the draw's wait position 1.
        let next = app.number(&format!(
                "SELECT CAST(s.id AS BIGINT) AS n FROM application a JOIN student s ON s.id = a.student_id \
                 WHERE a.opportunity_id = {virtual_day} AND a.wait_position = 1"
            ),
        )
        .await;
        let placement = app.number(&format!(
                "SELECT CAST(p.id AS BIGINT) AS n FROM placement p JOIN student s ON s.id = p.student_id \
                 WHERE p.opportunity_id = {virtual_day} AND s.id = {first}"
            ),
        )
        .await;
        let first_name = app
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                format!("SELECT first_name FROM student WHERE id = {first}"),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<String>("", "first_name")
            .unwrap();
        let page = format!("/student/placements/{placement}");
        let response = app
            .submit_as(
                &students[first_name.as_str()],
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.number(&seated("accepted")).await,
            next,
            "the seat went to wait-list number 1"
        );
        assert_eq!(
            app.number(&format!(
                    "SELECT COUNT(*) AS n FROM placement WHERE opportunity_id = {virtual_day} \
                     AND status NOT IN ('withdrawn', 'ended_early')"
                )
            )
            .await,
            1,
            "one seat, one live placement"
        );
    })
    .await;
}

/// A suspended organization's draw does not run: the background job skips
/// it (no seat, no consent mail to a guardian on its behalf) until an admin
/// verifies the organization again; then it runs once.
#[tokio::test]
async fn a_suspended_organizations_draw_waits_until_it_is_verified_again() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let fair = one_seat_shadow(&app, &employer).await;
        for name in ["Avery", "Blake"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, fair).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        let response = app
            .review(
                &admin,
                "Lakeshore Robotics",
                "suspend",
                "Safeguarding concern",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        past_deadline(&app, fair).await;
        let today = stembridge::format::today();
        let ran = stembridge::draws::service::run_due(&app.db, today, false)
            .await
            .unwrap();
        assert_eq!(ran, 0, "no draw for a suspended organization");
        let direct = stembridge::draws::service::run(&app.db, fair, today, false).await;
        assert!(direct.is_err(), "refused when asked directly too");
        assert_eq!(app.count("draw").await, 0);
        assert_eq!(app.count("placement").await, 0);
        assert_eq!(app.count("consent_request").await, 0);

        let response = app
            .review(
                &admin,
                "Lakeshore Robotics",
                "reinstate",
                "Concern resolved",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let ran = stembridge::draws::service::run_due(&app.db, today, false)
            .await
            .unwrap();
        assert_eq!(ran, 1, "verified again: the draw runs");
        assert_eq!(app.count("placement").await, 1);
    })
    .await;
}

/// A suspension cuts an organization off its students at once: its
/// posting's page no longer says how many entered the draw, and the public
/// page of the posting and of its draw are gone.
#[tokio::test]
async fn a_suspended_organizations_posting_page_shows_no_count_of_entries() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let fair = one_seat_shadow(&app, &employer).await;
        for name in ["Avery", "Blake"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, fair).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        let manage = format!("/employer/opportunities/{fair}");
        let before = page(&app, &employer.client, &manage).await;
        assert!(before.contains("2 applications entered so far"), "{before}");

        let response = app
            .review(
                &admin,
                "Lakeshore Robotics",
                "suspend",
                "Safeguarding concern",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let after = page(&app, &employer.client, &manage).await;
        assert!(!after.contains("entered so far"), "{after}");
        assert!(!after.contains("2 applications"), "{after}");
        for public in [
            format!("/opportunities/{fair}"),
            format!("/opportunities/{fair}/draw"),
        ] {
            let response = app.get_as(&new_client(), &public).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{public}");
        }
    })
    .await;
}

/// An entrant who left the school before the draw (inactive on the roster)
/// is left out of it (eyes9c F3): the one seat goes to a student who can
/// take it, and the record counts only those drawn.
#[tokio::test]
async fn an_entrant_who_left_the_school_is_drawn_after_everyone_who_can_take_a_seat() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let fair = one_seat_shadow(&app, &employer).await;
        for name in ["Avery", "Blake", "Casey"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, fair).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        // Avery and Blake leave the school before the deadline.
        app.db
            .execute_unprepared(
                "UPDATE student SET active = false WHERE first_name IN ('Avery', 'Blake')",
            )
            .await
            .unwrap();
        past_deadline(&app, fair).await;
        let today = stembridge::format::today();
        let ran = stembridge::draws::service::run_due(&app.db, today, false)
            .await
            .unwrap();
        assert_eq!(ran, 1);
        assert_eq!(app.count("placement").await, 1);
        assert_eq!(
            app.count(
                "placement p JOIN student s ON s.id = p.student_id WHERE s.first_name = 'Casey'"
            )
            .await,
            1,
            "the seat went to the student still at the school"
        );
        // They are entries like any other (eyes16a F2: the employer's count
        // is of applications, their codes are on the record), drawn after
        // everyone who could take a seat.
        assert_eq!(app.count("draw_entry").await, 3);
        assert_eq!(
            app.count("draw_entry WHERE tier = 4 AND seated = FALSE")
                .await,
            2
        );
        assert_eq!(
            app.number("SELECT CAST(entries AS BIGINT) AS n FROM draw")
                .await,
            3
        );
        // They are not stranded: at the end of the wait list, behind
        // everyone drawn, passed over while they are away.
        assert_eq!(
            app.count("application WHERE status = 'waitlisted' AND wait_position IS NOT NULL")
                .await,
            2
        );
    })
    .await;
}

/// The deadline of the one-seat shadow, as stored.
async fn deadline_of(app: &TestApp, opportunity: i32) -> String {
    use sea_orm::EntityTrait;
    entity::opportunity::Entity::find_by_id(opportunity)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .deadline
        .to_string()
}

/// eyes11a F1: an employer who sees who entered cannot close the entries
/// early by editing the deadline (and then draw at once), nor by closing
/// the posting. A later deadline is fine.
#[tokio::test]
async fn a_published_fair_draws_deadline_moves_later_but_never_earlier_nor_into_the_past() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let fair = one_seat_shadow(&app, &employer).await;
        let avery = student(&app, lincoln, "Avery", 11, "").await;
        assert_eq!(
            apply(&app, &avery, fair).await.status(),
            StatusCode::SEE_OTHER
        );
        let published = deadline_of(&app, fair).await;
        let start = days_from_now(60);
        let edit_page = format!("/employer/opportunities/{fair}/edit");
        let edit = async |deadline: &str, title: &str| {
            let fields = posting(&[
                ("title", title),
                ("kind", "job_shadow"),
                ("allocation", "fair_draw"),
                ("slots", "1"),
                ("start_date", &start),
                ("end_date", &start),
                ("start_time", "09:00"),
                ("end_time", "13:00"),
                ("deadline", deadline),
            ]);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .submit_as(&employer, &edit_page, &edit_page, &fields)
                .await;
            (response.status(), response.text().await.unwrap())
        };

        // Earlier than published (a day before, or two days ago): refused
        // on the field, and nothing written (no outbox row, same deadline).
        let outbox_before = app.count("search_outbox").await;
        for earlier in [days_from_now(29), days_from_now(-2)] {
            let (status, body) = edit(&earlier, "Robotics lab intern").await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{earlier}");
            assert!(
                body.contains("the deadline can move later, but not earlier"),
                "{body}"
            );
            assert_eq!(deadline_of(&app, fair).await, published);
        }
        assert_eq!(app.count("search_outbox").await, outbox_before);
        // So the draw is still not due.
        let manage = format!("/employer/opportunities/{fair}");
        let response = app
            .submit_as(&employer, &manage, &format!("{manage}/draw"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(app.count("draw").await, 0);
        // Nor can the entries be closed early by closing the posting: no
        // button, and a crafted POST is refused with the posting published.
        let html = page(&app, &employer, &manage).await;
        assert!(html.contains("id=\"no-early-close\""), "{html}");
        assert!(!html.contains(&format!("action=\"{manage}/close\"")));
        let response = app.act(&employer, fair, "close").await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("it cannot close before then"),
        );
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM opportunity WHERE id = {fair} AND status = 'published'"
            ))
            .await,
            1
        );
        assert_eq!(app.count("search_outbox").await, outbox_before);

        // Later is fine.
        let later = days_from_now(40);
        let (status, _) = edit(&later, "Robotics lab intern").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(deadline_of(&app, fair).await, later);

        // A posting whose deadline passed (closed by the clock): its other
        // fields still save with the deadline as it is, but a new deadline
        // in the past is refused even though it is later.
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET deadline = '{}', status = 'closed' WHERE id = {fair}",
                days_from_now(-5)
            ))
            .await
            .unwrap();
        let (status, body) = edit(&days_from_now(-3), "Robotics lab intern").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body.contains("The deadline cannot be a day that has passed"),
            "{body}"
        );
        assert_eq!(deadline_of(&app, fair).await, days_from_now(-5));
        let (status, _) = edit(&days_from_now(-5), "Robotics lab day").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    })
    .await;
}

/// The student who holds the placement of `opportunity` (first name).
async fn holder(app: &TestApp, opportunity: i32, status: &str) -> (i32, String) {
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "SELECT p.id, s.first_name FROM placement p JOIN student s ON s.id = p.student_id \
                 WHERE p.opportunity_id = {opportunity} AND p.status = '{status}'"
            ),
        ))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a placement {status}"));
    (
        row.try_get::<i32>("", "id").unwrap(),
        row.try_get::<String>("", "first_name").unwrap(),
    )
}

/// eyes11a F4 and F2: after a draw the employer cannot pass a drawn seat
/// down the wait list by "ending" it before it starts (only the school can,
/// and then it was called off, not a placement); a placement that went
/// ahead and ended early counts as placed in the next draw.
#[tokio::test]
async fn a_drawn_seat_is_ended_before_it_starts_only_by_the_school_and_an_early_end_counts_as_placed()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(lincoln).await;
        let first = one_seat_shadow(&app, &employer).await;
        let mut students = BTreeMap::new();
        for name in ["Avery", "Blake", "Casey"] {
            students.insert(name, student(&app, lincoln, name, 11, "").await);
        }
        for name in ["Avery", "Blake"] {
            assert_eq!(
                apply(&app, &students[name], first).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        past_deadline(&app, first).await;
        stembridge::draws::service::run_due(&app.db, stembridge::format::today(), false)
            .await
            .unwrap();
        let (seat, drawn) = holder(&app, first, "awaiting_consent").await;
        let waiting = if drawn == "Avery" { "Blake" } else { "Avery" };
        let employer_page = format!("/employer/placements/{seat}");
        let snapshot = async || {
            (
                app.number("SELECT COUNT(*) AS n FROM placement WHERE status IN ('awaiting_consent', 'active')").await,
                app.number("SELECT COUNT(*) AS n FROM application WHERE status = 'waitlisted'").await,
                app.count("notification").await,
                app.count("audit_log").await,
            )
        };
        let before = snapshot().await;

        // Waiting for consent: the employer's page has no end form, and a
        // crafted POST (any reason) is refused.
        let html = page(&app, &employer, &employer_page).await;
        assert!(html.contains("id=\"end-not-started\""), "{html}");
        assert!(!html.contains(&format!("action=\"{employer_page}/end\"")));
        for reason in ["other", "attendance", "safety"] {
            let response = app
                .submit_as(&employer, &employer_page, &format!("{employer_page}/end"), &[("reason", reason)])
                .await;
            assert_eq!(response.status(), StatusCode::CONFLICT, "{reason}");
            assert!(
                response.text().await.unwrap().contains("it is waiting for guardian consent"),
                "{reason}"
            );
        }
        // Consent given, the first day still ahead: refused too, by the
        // end form and by the closing form's "ended early".
        app.db
            .execute_unprepared(&format!("UPDATE placement SET status = 'active' WHERE id = {seat}"))
            .await
            .unwrap();
        let response = app
            .submit_as(&employer, &employer_page, &format!("{employer_page}/end"), &[("reason", "attendance")])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response.text().await.unwrap().contains("This placement has not started yet: its first day is"),
        );
        let response = app
            .submit_as(
                &employer,
                &employer_page,
                &format!("{employer_page}/complete"),
                &[
                    ("outcome", "ended_early"),
                    ("communication", "3"),
                    ("teamwork", "3"),
                    ("technical", "3"),
                    ("reliability", "3"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let html = page(&app, &employer, &employer_page).await;
        assert!(!html.contains("value=\"ended_early\""), "no early end on the closing form");
        assert_eq!(snapshot().await, before, "nothing written");
        assert_eq!(holder(&app, first, "active").await.0, seat);

        // The school can (though not for "attendance": no day has come):
        // the placement is called off (it never went ahead), the seat goes
        // to the student waiting, and it is audited.
        let response = app
            .submit_as(
                &counselor,
                &format!("/counselor/placements/{seat}"),
                &format!("/counselor/placements/{seat}/end"),
                &[("reason", "attendance")],
            )
            .await;
        assert!(response.status().is_client_error());
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Attendance cannot be the reason before the placement has started")
        );
        assert_eq!(snapshot().await, before, "nothing written");
        let response = app
            .submit_as(
                &counselor,
                &format!("/counselor/placements/{seat}"),
                &format!("/counselor/placements/{seat}/end"),
                &[("reason", "organization_change")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM placement WHERE id = {seat} AND status = 'cancelled'")).await,
            1
        );
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'end_placement' AND subject = 'placement {seat} (organization_change)'")).await,
            1
        );
        let (promoted, name) = holder(&app, first, "awaiting_consent").await;
        assert_eq!(name, waiting);
        let html = page(&app, &students[drawn.as_str()], &format!("/student/placements/{seat}")).await;
        assert!(html.contains("Called off before it started"), "{html}");

        // The promoted student's placement goes ahead and the employer ends
        // it early once it has started.
        app.db
            .execute_unprepared(&format!(
                "UPDATE placement SET status = 'active', start_date = '{}' WHERE id = {promoted}",
                days_from_now(-1)
            ))
            .await
            .unwrap();
        app.taken_days_ago(Some(promoted), 1).await;
        let promoted_page = format!("/employer/placements/{promoted}");
        let response = app
            .submit_as(&employer, &promoted_page, &format!("{promoted_page}/end"), &[("reason", "attendance")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(holder(&app, first, "ended_early").await.0, promoted);

        // The next draw: the student whose placement was called off has
        // never had one (first group, as Casey); the one whose placement
        // ended early has (third group), and the pages say so.
        let second = one_seat_shadow(&app, &employer).await;
        for name in ["Avery", "Blake", "Casey"] {
            assert_eq!(
                apply(&app, &students[name], second).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        past_deadline(&app, second).await;
        stembridge::draws::service::run_due(&app.db, stembridge::format::today(), false)
            .await
            .unwrap();
        for (name, group) in [
            (drawn.as_str(), "you were in the first group"),
            ("Casey", "you were in the first group"),
            (waiting, "you were in the third group, students who have or have had a placement, even one that ended early"),
        ] {
            let (html, _) = own_page(&app, &students[name], second, name).await;
            assert!(html.contains(group), "{name}: {html}");
        }
        let (html, _) = own_page(&app, &students[waiting], second, waiting).await;
        assert!(html.contains("You are on the wait list, number 2."), "behind both first-timers");
    })
    .await;
}
