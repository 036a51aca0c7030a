//! Applications and placements end to end over HTTP: the pipeline, consent,
//! hours, completion, privacy between users, and slots under concurrency.

use reqwest::{Client, StatusCode};
use stembridge::format::today;

use crate::helpers::{TestApp, TestUser, location, new_client, on_each_backend, posting};

/// A rostered student who claimed their account, with a home ZIP; `born`
/// (YYYY-MM-DD or "") as the school recorded it.
pub(crate) async fn student(
    app: &TestApp,
    school_id: i32,
    first: &str,
    grade: i32,
    born: &str,
) -> TestUser {
    let client = app.student(school_id, first, "Student", grade).await;
    let response = app
        .submit_as(
            &client,
            "/student/profile",
            "/student/profile",
            &[("home_zip", "60608")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    if !born.is_empty() {
        // Only the roster or a counselor sets a birth date.
        app.set_birth_date(first, born).await;
    }
    client
}

/// Moves placement `id` (and a guardian's consent, if one was given) `days`
/// back, as if it had started then: the clock moving on, without waiting.
async fn started_days_ago(app: &TestApp, id: i32, days: i64) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let placement = entity::placement::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let back = chrono::Duration::days(days);
    entity::placement::ActiveModel {
        id: Set(id),
        start_date: Set(today() - back),
        consent_recorded_at: Set(placement.consent_recorded_at.map(|at| at - back)),
        created_at: Set(placement.created_at - back),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

pub(crate) async fn apply(app: &TestApp, student: &Client, opportunity: i32) -> reqwest::Response {
    let page = format!("/opportunities/{opportunity}");
    let action = format!("/opportunities/{opportunity}/apply");
    app.submit_as(
        student,
        &page,
        &action,
        &[
            ("note", "I love building things."),
            ("availability", "After 3 pm"),
            ("accommodations", ""),
        ],
    )
    .await
}

pub(crate) fn id_from(response: &reqwest::Response) -> i32 {
    location(response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn employer_act(
    app: &TestApp,
    employer: &Client,
    application: i32,
    action: &str,
) -> StatusCode {
    app.submit_as(
        employer,
        "/employer",
        &format!("/employer/applications/{application}/{action}"),
        &[],
    )
    .await
    .status()
}

async fn accept(app: &TestApp, student: &Client, application: i32) -> reqwest::Response {
    let page = format!("/student/applications/{application}");
    app.submit_as(
        student,
        &page,
        &format!("{page}/accept"),
        &[("belonging", "3")],
    )
    .await
}

#[tokio::test]
async fn a_student_goes_from_application_to_completed_placement() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 11, "2010-03-04").await;

        let response = apply(&app, &ana, opportunity).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let application = id_from(&response);
        let applicants = app
            .get_as(
                &employer,
                &format!("/employer/opportunities/{opportunity}/applicants"),
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(
            applicants.contains("Ana Student")
                && applicants.contains("Grade 11")
                && applicants.contains("Lincoln High")
        );
        assert!(applicants.contains("I love building things."));
        assert!(
            !applicants.contains("2010-03-04") && !applicants.contains("60608"),
            "no birth date or home ZIP for employers"
        );
        let dashboard = app
            .get_as(&employer, "/employer")
            .await
            .text()
            .await
            .unwrap();
        // The verification decision and the new application.
        assert!(dashboard.contains("(2 new)"), "the employer is notified");
        assert!(
            dashboard
                .contains(">1<span class=\"visually-hidden\"> applicant for Robotics lab intern")
                && dashboard.contains("3 of 3"),
            "counts per posting"
        );

        for action in ["review", "interview", "offer"] {
            assert_eq!(
                employer_act(&app, &employer, application, action).await,
                StatusCode::SEE_OTHER,
                "{action}"
            );
        }
        app.add_guardian("Ana", "maria@example.org", "en").await;
        let response = accept(&app, &ana, application).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let consent_link = app.consent_link_mailed_to("maria@example.org").await;

        // The guardian, without an account, consents through the mailed link.
        let guardian = new_client();
        let page = app
            .get_as(&guardian, &consent_link)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Guardian consent for Ana") && page.contains("Robotics lab intern"));
        let response = app
            .submit_as(
                &guardian,
                &consent_link,
                &consent_link,
                &[
                    ("guardian_name", "Maria Student"),
                    ("relationship", "mother"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            app.get_as(&new_client(), &consent_link).await.status(),
            StatusCode::GONE,
            "single use"
        );

        let history = app
            .get_as(&ana, &format!("/student/applications/{application}"))
            .await
            .text()
            .await
            .unwrap();
        for step in [
            "Submitted",
            "Being reviewed",
            "Interview",
            "Offer made",
            "Accepted",
        ] {
            assert!(history.contains(step), "{step} in the history");
        }
        let placement: i32 = history
            .split("/student/placements/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        // Jump to the middle of the placement to log hours.
        started_days_ago(&app, placement, 10).await;
        let yesterday = (today() - chrono::Duration::days(1)).to_string();
        let hours_page = format!("/student/placements/{placement}");
        let response = app
            .submit_as(
                &ana,
                &hours_page,
                &format!("{hours_page}/hours"),
                &[
                    ("work_date", &yesterday),
                    ("hours", "3.5"),
                    ("description", "Soldered a motor driver."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let employer_page = app
            .get_as(&employer, &format!("/employer/placements/{placement}"))
            .await
            .text()
            .await
            .unwrap();
        let hours_id = employer_page
            .split("/employer/hours/")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        let close = [
            ("outcome", "completed"),
            ("communication", "5"),
            ("teamwork", "4"),
            ("technical", "4"),
            ("reliability", "5"),
            ("comment", "Great work"),
        ];
        let complete = format!("/employer/placements/{placement}/complete");
        // Hours still waiting for review keep the placement open: once
        // closed, nobody would review them.
        let response = app
            .submit_as(&employer, "/employer", &complete, &close)
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("One hours entry is still waiting for your review")
        );
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM placement WHERE id = {placement} AND status = 'active'"
            ))
            .await,
            1
        );
        let response = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/employer/hours/{hours_id}/approve"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            app.get_as(&ana, &hours_page)
                .await
                .text()
                .await
                .unwrap()
                .contains("Approved: 3.5 hours")
        );

        let response = app
            .submit_as(&employer, "/employer", &complete, &close)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app
            .submit_as(
                &ana,
                &hours_page,
                &format!("{hours_page}/feedback"),
                &[("rating", "5"), ("belonging", "5"), ("comment", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let dashboard = app.get_as(&ana, "/student").await.text().await.unwrap();
        assert!(dashboard.contains("Completed (3.5 hours approved)"));
        assert_eq!(app.count("belonging_response").await, 2, "before and after");
    })
    .await;
}

#[tokio::test]
async fn transitions_outside_the_pipeline_are_refused() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 11, "2005-01-01").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);

        assert_eq!(
            accept(&app, &ana, application).await.status(),
            StatusCode::CONFLICT,
            "nothing offered yet"
        );
        assert_eq!(
            employer_act(&app, &employer, application, "hire").await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            employer_act(&app, &employer, application, "offer").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            employer_act(&app, &employer, application, "offer").await,
            StatusCode::CONFLICT,
            "already offered"
        );
        assert_eq!(
            employer_act(&app, &employer, application, "review").await,
            StatusCode::CONFLICT
        );
        let page = format!("/student/applications/{application}");
        assert_eq!(
            app.submit_as(&ana, &page, &format!("{page}/withdraw"), &[])
                .await
                .status(),
            StatusCode::CONFLICT,
            "decline an offer instead"
        );
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/accept"),
                &[("belonging", "9")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "the belonging answer is 1 to 5"
        );
        assert_eq!(app.count("placement").await, 0);
        let response = accept(&app, &ana, application).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "an adult needs no consent: straight to the placement"
        );
        assert_eq!(
            employer_act(&app, &employer, application, "reject").await,
            StatusCode::CONFLICT,
            "accepted is final"
        );
        assert_eq!(app.count("placement").await, 1);
    })
    .await;
}

#[tokio::test]
async fn eligibility_is_checked_on_the_server_with_a_reason() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let seniors = app
            .published(
                &employer,
                &posting(&[("min_grade", "12"), ("max_grade", "12")]),
            )
            .await;
        let sixteen = app
            .published(
                &employer,
                &posting(&[("title", "Lab with age limit"), ("min_age", "16")]),
            )
            .await;
        let draft = app
            .draft(&employer, &posting(&[("title", "Not yet")]))
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ben = student(&app, school, "Ben", 9, "").await;

        let response = apply(&app, &ben, seniors).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("for students in Grade 12; you are in Grade 9")
        );
        // The posting's page says so before Ben writes anything.
        let page = app
            .get_as(&ben, &format!("/opportunities/{seniors}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("for students in Grade 12; you are in Grade 9"),
            "{page}"
        );
        assert!(
            !page.contains(&format!("/opportunities/{seniors}/apply")),
            "no form"
        );
        let response = apply(&app, &ben, sixteen).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Ask your counselor to add your date of birth")
        );
        assert_eq!(
            app.submit_as(
                &ben,
                "/student",
                &format!("/opportunities/{draft}/apply"),
                &[("note", "hi")]
            )
            .await
            .status(),
            StatusCode::NOT_FOUND
        );

        let cara = student(&app, school, "Cara", 10, "2010-01-01").await;
        let open = app
            .published(&employer, &posting(&[("title", "Open to all")]))
            .await;
        let first = apply(&app, &cara, open).await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);
        // A second tab or a double tap lands on the application made.
        let again = apply(&app, &cara, open).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&again), location(&first));
        let landing = app
            .get_as(&cara, &location(&again))
            .await
            .text()
            .await
            .unwrap();
        assert!(landing.contains("You already applied"), "{landing}");
        // Her page of the posting says so instead of offering the form.
        let posting_page = app
            .get_as(&cara, &format!("/opportunities/{open}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(posting_page.contains("See your application"));
        assert!(!posting_page.contains("/apply\""));
        let another = app
            .published(&employer, &posting(&[("title", "Open to all too")]))
            .await;
        let empty = app
            .submit_as(
                &cara,
                "/student",
                &format!("/opportunities/{another}/apply"),
                &[("note", " ")],
            )
            .await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("application").await, 1);
        let employer_try = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/opportunities/{open}/apply"),
                &[("note", "me too")],
            )
            .await;
        assert_eq!(
            employer_try.status(),
            StatusCode::FORBIDDEN,
            "only students apply"
        );
    })
    .await;
}

#[tokio::test]
async fn students_and_employers_only_reach_their_own_applications() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let owner = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let other_employer = app.verified_employer(&admin, "Org B", "b@b.org").await;
        let opportunity = app.published(&owner, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 11, "2010-03-04").await;
        let ben = student(&app, school, "Ben", 11, "2010-03-04").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);

        let response = app
            .get_as(&ben, &format!("/student/applications/{application}"))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(
            !response
                .text()
                .await
                .unwrap()
                .contains("I love building things.")
        );
        let page = "/student";
        assert_eq!(
            app.submit_as(
                &ben,
                page,
                &format!("/student/applications/{application}/withdraw"),
                &[]
            )
            .await
            .status(),
            StatusCode::NOT_FOUND
        );
        let response = app
            .get_as(
                &other_employer,
                &format!("/employer/opportunities/{opportunity}/applicants"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(!response.text().await.unwrap().contains("Ana"));
        assert_eq!(
            employer_act(&app, &other_employer, application, "offer").await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get_as(
                &ana,
                &format!("/employer/opportunities/{opportunity}/applicants")
            )
            .await
            .status(),
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn fifty_students_accepting_five_slots_at_once_make_exactly_five_placements() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[("slots", "5")])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mut offers = Vec::new();
        for n in 0..50 {
            let client = student(&app, school, &format!("Student{n}"), 11, "2005-01-01").await;
            let application = id_from(&apply(&app, &client, opportunity).await);
            assert_eq!(
                employer_act(&app, &employer, application, "offer").await,
                StatusCode::SEE_OTHER
            );
            let token = app
                .csrf_token(&client, &format!("/student/applications/{application}"))
                .await;
            offers.push((client, application, token));
        }
        let mut tasks = tokio::task::JoinSet::new();
        for (client, application, token) in offers {
            let url = app.url(&format!("/student/applications/{application}/accept"));
            tasks.spawn(async move {
                client
                    .post(url)
                    .form(&[("csrf_token", token.as_str()), ("belonging", "4")])
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        let mut statuses = Vec::new();
        while let Some(status) = tasks.join_next().await {
            statuses.push(status.unwrap());
        }
        let accepted = statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count();
        let refused = statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count();
        assert_eq!((accepted, refused), (5, 45), "{statuses:?}");
        assert_eq!(app.count("placement").await, 5);
        let manage = app
            .get_as(&employer, &format!("/employer/opportunities/{opportunity}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            manage.contains(">Closed<"),
            "the last slot closes the opportunity"
        );
        app.wait_for_search().await;
        assert!(
            app.api_ids("q=robotics").await.is_empty(),
            "and search drops it"
        );
    })
    .await;
}

#[tokio::test]
async fn job_shadow_seats_go_first_come_and_the_wait_list_moves_up() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let start = crate::helpers::days_from_now(60);
        let shadow = app
            .published(
                &employer,
                &posting(&[
                    ("kind", "job_shadow"),
                    ("allocation", "first_come"),
                    ("slots", "3"),
                    ("start_date", &start),
                    ("end_date", &start),
                    ("start_time", "09:00"),
                    ("end_time", "13:00"),
                ]),
            )
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mut clients = Vec::new();
        for n in 0..8 {
            clients.push(student(&app, school, &format!("Shadow{n}"), 11, "").await);
        }
        let mut signups = Vec::new();
        for client in clients {
            let token = app
                .csrf_token(&client, &format!("/opportunities/{shadow}"))
                .await;
            signups.push((client, token));
        }
        let mut tasks = tokio::task::JoinSet::new();
        for (client, token) in signups {
            let url = app.url(&format!("/opportunities/{shadow}/apply"));
            tasks.spawn(async move {
                client
                    .post(url)
                    .form(&[("csrf_token", token.as_str()), ("note", "Curious!")])
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        while let Some(status) = tasks.join_next().await {
            assert_eq!(status.unwrap(), StatusCode::SEE_OTHER);
        }
        assert_eq!(
            app.count("placement").await,
            3,
            "three seats, three placements"
        );
        let waiting = app
            .number("SELECT COUNT(*) AS n FROM application WHERE status = 'waitlisted'")
            .await;
        assert_eq!(waiting, 5);

        // A guardian declines: the seat goes to the first on the wait list.
        let school_counselor = app.counselor_at(school).await;
        let page = app
            .get_as(&school_counselor, "/counselor/placements")
            .await
            .text()
            .await
            .unwrap();
        let placement = page
            .split("/counselor/placements/")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        let response = app
            .submit_as(
                &school_counselor,
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
        let held = app
            .number("SELECT COUNT(*) AS n FROM placement WHERE status <> 'consent_declined'")
            .await;
        assert_eq!(held, 3, "the freed seat was filled from the wait list");
    })
    .await;
}

#[tokio::test]
async fn consent_links_are_unguessable_and_counselors_record_only_their_schools() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let ana = student(&app, lincoln, "Ana", 11, "").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);
        employer_act(&app, &employer, application, "offer").await;
        assert_eq!(
            accept(&app, &ana, application).await.status(),
            StatusCode::SEE_OTHER
        );

        assert_eq!(
            app.get_as(&new_client(), "/consent/guessed-token-123")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let other = app.counselor_at(roosevelt).await;
        assert!(
            !app.get_as(&other, "/counselor/placements")
                .await
                .text()
                .await
                .unwrap()
                .contains("Ana")
        );
        let response = app
            .submit_as(
                &other,
                "/counselor/placements",
                "/counselor/placements/1/consent",
                &[
                    ("guardian_name", "X"),
                    ("relationship", "Y"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let mine = app.counselor_at(lincoln).await;
        let response = app
            .submit_as(
                &mine,
                "/counselor/placements",
                "/counselor/placements/1/consent",
                &[
                    ("guardian_name", ""),
                    ("relationship", ""),
                    ("decision", "maybe"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let response = app
            .submit_as(
                &mine,
                "/counselor/placements",
                "/counselor/placements/1/consent",
                &[
                    ("guardian_name", "Maria"),
                    ("relationship", "mother"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn bad_hours_are_refused_with_a_message_and_nothing_is_saved() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 12, "2005-01-01").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);
        employer_act(&app, &employer, application, "offer").await;
        let placement = {
            let response = accept(&app, &ana, application).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            let page = app
                .get_as(&ana, &format!("/student/applications/{application}"))
                .await
                .text()
                .await
                .unwrap();
            page.split("/student/placements/")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_owned()
        };
        let page = format!("/student/placements/{placement}");
        let action = format!("{page}/hours");
        let tomorrow = crate::helpers::days_from_now(1);
        let before_start = crate::helpers::days_from_now(-30);
        started_days_ago(&app, placement.parse().unwrap(), 10).await;
        let yesterday = crate::helpers::days_from_now(-1);
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (
                vec![
                    ("work_date", &tomorrow),
                    ("hours", "2"),
                    ("description", "x"),
                ],
                "cannot log hours for a day in the future",
            ),
            (
                vec![
                    ("work_date", &before_start),
                    ("hours", "2"),
                    ("description", "x"),
                ],
                "must be within the placement",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "13"),
                    ("description", "x"),
                ],
                "at most 12",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "lots"),
                    ("description", "x"),
                ],
                "Hours must be a number",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "1.1"),
                    ("description", "x"),
                ],
                "quarter hour",
            ),
            // Float syntax is not a number of hours to a student.
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "1e1"),
                    ("description", "x"),
                ],
                "Hours must be a number",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "inf"),
                    ("description", "x"),
                ],
                "Hours must be a number",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "1.5.0"),
                    ("description", "x"),
                ],
                "Hours must be a number",
            ),
            (
                vec![
                    ("work_date", &yesterday),
                    ("hours", "2"),
                    ("description", ""),
                ],
                "What you did is required.",
            ),
            (
                vec![("work_date", "soon"), ("hours", "2"), ("description", "x")],
                "Date must be a date",
            ),
        ];
        for (fields, message) in cases {
            let response = app.submit_as(&ana, &page, &action, &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{message}"
            );
            assert!(
                response.text().await.unwrap().contains(message),
                "{message}"
            );
        }
        assert_eq!(
            app.submit_as(
                &ana,
                &page,
                &action,
                &[
                    ("work_date", &yesterday),
                    ("hours", "8"),
                    ("description", "Lab day")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let response = app
            .submit_as(
                &ana,
                &page,
                &action,
                &[
                    ("work_date", &yesterday),
                    ("hours", "5"),
                    ("description", "More"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "12 hours a day in all"
        );
        assert_eq!(app.count("hour_log").await, 1);

        // The same entry from a second tab (or a double tap) is refused, so
        // nobody approves the same afternoon twice; "1,5" is one and a half.
        let day = crate::helpers::days_from_now(-2);
        let entry = [
            ("work_date", day.as_str()),
            ("hours", "1,5"),
            ("description", "Soldering class"),
        ];
        let first = app.submit_as(&ana, &page, &action, &entry).await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);
        let again = app.submit_as(&ana, &page, &action, &entry).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            again
                .text()
                .await
                .unwrap()
                .contains("You already logged these hours for that day")
        );
        assert_eq!(
            app.count("hour_log WHERE quarter_hours = 6").await,
            1,
            "one entry of 1.5 hours"
        );
        let other = [
            ("work_date", day.as_str()),
            ("hours", "1.5"),
            ("description", "Soldering practice"),
        ];
        let second = app.submit_as(&ana, &page, &action, &other).await;
        assert_eq!(second.status(), StatusCode::SEE_OTHER, "other work is more");
        assert_eq!(app.count("hour_log").await, 3);
    })
    .await;
}

#[tokio::test]
async fn a_spanish_reader_sees_hours_written_with_a_decimal_comma() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 12, "2005-01-01").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);
        employer_act(&app, &employer, application, "offer").await;
        assert_eq!(
            accept(&app, &ana, application).await.status(),
            StatusCode::SEE_OTHER
        );
        let placement = app
            .number(&format!(
                "SELECT CAST(id AS BIGINT) AS n FROM placement WHERE application_id = {application}"
            ))
            .await;
        started_days_ago(&app, placement as i32, 10).await;
        let page = format!("/student/placements/{placement}");
        app.get_as(&ana, "/language/es").await;
        let spanish = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(
            spanish.contains("en cuartos de hora: 2; 1,5; 0,25."),
            "{spanish}"
        );
        assert!(!spanish.contains("1.5"), "{spanish}");
        // Logged as Spanish writes it, shown back the same way.
        let yesterday = crate::helpers::days_from_now(-1);
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/hours"),
                &[
                    ("work_date", &yesterday),
                    ("hours", "1,5"),
                    ("description", "Soldé un motor."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let spanish = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(spanish.contains("<td>1,5</td>"), "{spanish}");
        assert!(!spanish.contains("1.5"), "{spanish}");
        app.get_as(&ana, "/language/en").await;
        let english = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(
            english.contains("in quarter hours: 2, 1.5, 0.25."),
            "{english}"
        );
        assert!(english.contains("<td>1.5</td>"), "{english}");
    })
    .await;
}

#[tokio::test]
async fn a_second_after_answer_about_belonging_is_refused_with_a_reason_not_a_server_error_and_not_asked_again()
 {
    on_each_backend(async |app: TestApp| {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 11, "2005-01-01").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);
        assert_eq!(
            employer_act(&app, &employer, application, "offer").await,
            StatusCode::SEE_OTHER
        );
        let placement = id_from(&accept(&app, &ana, application).await);
        // Completed, with an "after" answer but no rating: what the demo
        // seed (and a database from before the rating) holds.
        app.db
            .execute_unprepared(&format!(
                "UPDATE placement SET status = 'completed' WHERE id = {placement}"
            ))
            .await
            .unwrap();
        let student_id = i32::try_from(
            app.number(&format!(
                "SELECT CAST(student_id AS BIGINT) AS n FROM placement WHERE id = {placement}"
            ))
            .await,
        )
        .unwrap();
        entity::belonging_response::ActiveModel {
            placement_id: Set(placement),
            student_id: Set(student_id),
            stage: Set(entity::BelongingStage::After),
            score: Set(2),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();

        let page = format!("/student/placements/{placement}");
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/feedback"),
                &[("rating", "5"), ("belonging", "4"), ("comment", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("for the end of this placement; your first answer is kept"),
            "{body}"
        );
        // Nothing partial: no rating, the first answer alone.
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM placement WHERE id = {placement} AND student_rating IS NULL"
            ))
            .await,
            1
        );
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM belonging_response WHERE placement_id = {placement} AND stage = 'after' AND score = 2"
            ))
            .await,
            1
        );
        // The closing form no longer asks it, and the rating alone is kept.
        let form = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(form.contains(&format!("{page}/feedback")), "{form}");
        assert!(!form.contains("id=\"belonging-1\""), "{form}");
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/feedback"),
                &[("rating", "5"), ("comment", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM placement WHERE id = {placement} AND student_rating = 5"
            ))
            .await,
            1
        );
        assert_eq!(
            app.number(&format!(
                "SELECT COUNT(*) AS n FROM belonging_response WHERE placement_id = {placement} AND stage = 'after'"
            ))
            .await,
            1
        );
    })
    .await;
}

/// eyes15a F4: what a student writes that reaches the organization (the
/// application's note, availability and accommodations, an hours
/// description, the note giving a place back) holds no phone number,
/// address, link or handle; a need described in ordinary words is kept.
#[tokio::test]
async fn a_students_words_to_an_organization_hold_no_contact_details_and_needs_are_kept() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 12, "2005-01-01").await;
        let page = format!("/opportunities/{opportunity}");
        let action = format!("{page}/apply");
        let send =
            |note: &'static str, availability: &'static str, accommodations: &'static str| {
                let app = &app;
                let (page, action, ana) = (page.clone(), action.clone(), ana.client.clone());
                async move {
                    app.submit_as(
                        &ana,
                        &page,
                        &action,
                        &[
                            ("note", note),
                            ("availability", availability),
                            ("accommodations", accommodations),
                        ],
                    )
                    .await
                }
            };
        for (note, availability, accommodations, found) in [
            (
                "I love robots. Text me at 312-555-0199 or snap @ana_k",
                "",
                "",
                "“312-555-0199” looks like a phone number.",
            ),
            (
                "I love robots.",
                "after school, call 3125550199",
                "",
                "“3125550199” looks like a phone number.",
            ),
            (
                "I love robots.",
                "",
                "Email me the details at ana.k@gmail.com",
                "“ana.k@gmail.com” looks like an email address.",
            ),
        ] {
            let response = send(note, availability, accommodations).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{note}"
            );
            let body = response.text().await.unwrap();
            assert!(
                body.contains(found)
                    && body.contains("talk with them through STEMbridge, or ask your counselor"),
                "{body}"
            );
        }
        assert_eq!(app.count("application").await, 0, "nothing written");

        // A need told in ordinary words goes through.
        let response = send(
            "I built a line-following robot in 10th grade (Arduino, C++).",
            "After 3:15 pm on weekdays, 9-5 on Saturdays.",
            "I use a wheelchair and need step-free access and an accessible restroom. \
             I have an IEP (extra time on written tasks) and take medication at 12:00.",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let application = id_from(&response);
        employer_act(&app, &employer, application, "offer").await;
        let response = accept(&app, &ana, application).await;
        let placement: i32 = location(&response)
            .strip_prefix("/student/placements/")
            .unwrap()
            .parse()
            .unwrap();
        started_days_ago(&app, placement, 10).await;

        // The hours description, in Spanish too.
        let page = format!("/student/placements/{placement}");
        let yesterday = crate::helpers::days_from_now(-1);
        app.get_as(&ana, "/language/es").await;
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/hours"),
                &[
                    ("work_date", &yesterday),
                    ("hours", "2"),
                    (
                        "description",
                        "Mi número es 312-555-0199, agrégame en snap ana_k",
                    ),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("parece un número de teléfono")
                && body.contains("comunícate con ella a través de STEMbridge"),
            "{body}"
        );
        assert_eq!(app.count("hour_log").await, 0);
        app.get_as(&ana, "/language/en").await;

        // The note giving the place back reaches the employer too.
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/withdraw"),
                &[
                    ("reason", "other"),
                    ("note", "Sorry! Reach me on Instagram @ana.builds instead"),
                ],
            )
            .await;
        // A one-button form: refused as its other mistakes are, a 400
        // listing the problem.
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("looks like a social media handle")
        );
        assert_eq!(
            app.count(&format!(
                "placement WHERE id = {placement} AND status = 'active'"
            ))
            .await,
            1,
            "still under way"
        );
    })
    .await;
}
