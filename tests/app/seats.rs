//! Seats that come back, evaluations that are read, and named mentors, over
//! HTTP on both databases: which student gets a freed seat, that seats taken
//! always equal the placements holding one (also under ten concurrent
//! frees), who reads which side of an evaluation, the quality view's
//! suppression, and the mentor a posting promised. Every refused input gets
//! its message, a 4xx, and writes nothing.

use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    applications::{apply, employer_act, id_from, student},
    helpers::{TestApp, TestUser, days_from_now, on_each_backend, posting},
};

/// A one-day, first-come job shadow with `slots` seats (fair draws have
/// their own tests in draws.rs).
pub(crate) async fn shadow(app: &TestApp, employer: &Client, slots: &str) -> i32 {
    let day = days_from_now(60);
    app.published(
        employer,
        &posting(&[
            ("kind", "job_shadow"),
            ("allocation", "first_come"),
            ("slots", slots),
            ("start_date", &day),
            ("end_date", &day),
            ("start_time", "09:00"),
            ("end_time", "13:00"),
        ]),
    )
    .await
}

async fn student_id(app: &TestApp, first: &str) -> i32 {
    entity::student::Entity::find()
        .filter(entity::student::Column::FirstName.eq(first))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The student's newest placement at `opportunity`, if any: (id, status).
pub(crate) async fn placement_of(
    app: &TestApp,
    first: &str,
    opportunity: i32,
) -> Option<(i32, String)> {
    let id = student_id(app, first).await;
    entity::placement::Entity::find()
        .filter(entity::placement::Column::StudentId.eq(id))
        .filter(entity::placement::Column::OpportunityId.eq(opportunity))
        .order_by_desc(entity::placement::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .map(|p| (p.id, p.status.key().to_owned()))
}

pub(crate) async fn application_status(app: &TestApp, first: &str, opportunity: i32) -> String {
    let id = student_id(app, first).await;
    entity::application::Entity::find()
        .filter(entity::application::Column::StudentId.eq(id))
        .filter(entity::application::Column::OpportunityId.eq(opportunity))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .key()
        .to_owned()
}

/// Seats taken (the one count behind accepting, search and dashboards)
/// equal the placements still under way; returns them.
pub(crate) async fn seats_agree(app: &TestApp, opportunity: i32) -> i64 {
    let taken = stembridge::opportunities::service::slots_taken_by(&app.db, Some(&[opportunity]))
        .await
        .unwrap()
        .get(&opportunity)
        .copied()
        .unwrap_or(0);
    let under_way = app
        .number(&format!(
            "SELECT COUNT(*) AS n FROM placement WHERE opportunity_id = {opportunity} \
             AND status IN ('awaiting_consent', 'active', 'completed')"
        ))
        .await;
    assert_eq!(
        i64::from(taken),
        under_way,
        "seats taken = placements under way"
    );
    under_way
}

/// The placement is under way and its first day has come (the guardian
/// consented, the clock moved on): from then on its employer may end it.
async fn start(app: &TestApp, placement: i32) {
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET status = 'active', start_date = '{}' WHERE id = {placement}",
            days_from_now(-1)
        ))
        .await
        .unwrap();
    app.taken_days_ago(Some(placement), 1).await;
}

/// POSTs a form to `action` from `page` and returns (status, body).
async fn post(
    app: &TestApp,
    client: &Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let response = app.submit_as(client, page, action, fields).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_seat_freed_while_the_organization_was_suspended_goes_to_the_wait_list_when_it_returns() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = shadow(&app, &employer, "1").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        for name in ["Ada", "Ben"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(application_status(&app, "Ben", day).await, "waitlisted");
        let response = app
            .review(&admin, "Lakeshore Robotics", "suspend", "Under review")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The school ends Ada's seat meanwhile: nobody is seated with a
        // suspended organization.
        let (ada, _) = placement_of(&app, "Ada", day).await.unwrap();
        let counselor = app.counselor_at(lincoln).await;
        let end = format!("/counselor/placements/{ada}/end");
        let (status, _) = post(
            &app,
            &counselor,
            "/counselor/placements",
            &end,
            &[("reason", "student_request")],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(placement_of(&app, "Ben", day).await.is_none(), "Ben waits");
        // Verified again: the freed seat goes to Ben, as it would have then.
        let response = app
            .review(&admin, "Lakeshore Robotics", "reinstate", "")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            placement_of(&app, "Ben", day).await.is_some(),
            "Ben got the seat"
        );
        assert_eq!(seats_agree(&app, day).await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_seat_given_back_or_ended_early_goes_to_the_first_student_waiting_and_bad_requests_change_nothing()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let other_employer = app
            .verified_employer(&admin, "Elsewhere Labs", "olga@elsewhere.org")
            .await;
        let day = shadow(&app, &employer, "2").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let names = ["Ada", "Ben", "Cy", "Dee", "Eve"];
        let mut students = Vec::new();
        for name in names {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(apply(&app, &client, day).await.status(), StatusCode::SEE_OTHER);
            students.push(client);
        }
        // Cy asked for updates by mail.
        let response = app
            .submit_as(
                &students[2],
                "/account/email",
                "/account/email",
                &[("updates", "on"), ("language", "en")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(seats_agree(&app, day).await, 2);
        for name in ["Cy", "Dee", "Eve"] {
            assert_eq!(application_status(&app, name, day).await, "waitlisted");
        }
        let (ada, _) = placement_of(&app, "Ada", day).await.unwrap();
        let (ben, _) = placement_of(&app, "Ben", day).await.unwrap();
        let ada_page = format!("/student/placements/{ada}");
        let ben_page = format!("/student/placements/{ben}");

        // Refused, each with its message, and nothing written.
        let before = (app.count("placement").await, app.count("notification").await);
        let (status, body) = post(&app, &students[0], &ada_page, &format!("{ada_page}/withdraw"), &[("note", "")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("Choose a reason from the list"), "{body}");
        let (status, _) = post(&app, &students[0], &ada_page, &format!("{ada_page}/withdraw"), &[("reason", "bored-of-it")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let long = "x".repeat(501);
        let (status, body) = post(&app, &students[0], &ada_page, &format!("{ada_page}/withdraw"), &[("reason", "other"), ("note", &long)]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("at most 500"), "{body}");
        // Ben's placement, from Ada: not found.
        let (status, _) = post(&app, &students[0], &ada_page, &format!("{ben_page}/withdraw"), &[("reason", "other")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // A crafted POST from another organization's employer.
        let (status, _) = post(&app, &other_employer, "/employer", &format!("/employer/placements/{ada}/end"), &[("reason", "attendance")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // A counselor of another school.
        let other_counselor = app.counselor_at(roosevelt).await;
        let (status, _) = post(&app, &other_counselor, "/counselor/placements", &format!("/counselor/placements/{ada}/end"), &[("reason", "safety")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.get_as(&other_counselor, &format!("/counselor/placements/{ada}")).await.status(),
            StatusCode::NOT_FOUND
        );
        // An employer cannot use a student's reason, nor a student an employer's.
        let (status, _) = post(&app, &employer, "/employer", &format!("/employer/placements/{ada}/end"), &[("reason", "not_a_fit")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!((app.count("placement").await, app.count("notification").await), before);
        assert_eq!(placement_of(&app, "Ada", day).await.unwrap().1, "awaiting_consent");
        assert_eq!(seats_agree(&app, day).await, 2);

        // Ada gives her seat back: Cy, first on the wait list, gets it.
        let (status, _) = post(&app, &students[0], &ada_page, &format!("{ada_page}/withdraw"), &[("reason", "transportation"), ("note", "The bus changed.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(placement_of(&app, "Ada", day).await.unwrap().1, "withdrawn");
        assert_eq!(application_status(&app, "Ada", day).await, "withdrawn");
        let (cy, _) = placement_of(&app, "Cy", day).await.expect("Cy got the seat");
        assert_eq!(application_status(&app, "Cy", day).await, "accepted");
        assert_eq!(application_status(&app, "Dee", day).await, "waitlisted");
        assert_eq!(seats_agree(&app, day).await, 2);
        // Cy hears it in the app and, having asked, by mail.
        let cy_notice = app.number(&format!("SELECT COUNT(*) AS n FROM notification WHERE message_id = 'notice-seat-opened' AND link = '/student/placements/{cy}'")).await;
        assert_eq!(cy_notice, 1);
        let link = app.link_mailed_to("cy@students.org", "/student/placements/").await;
        assert_eq!(link, format!("/student/placements/{cy}"));
        // Ben did not ask for mail: no mail to Ben about anything here.
        assert_eq!(app.number("SELECT COUNT(*) AS n FROM mail_outbox WHERE recipient = 'ben@students.org' AND kind <> 'confirm_email'").await, 0);
        // The employer reads why.
        let page = app.get_as(&employer, &format!("/employer/placements/{ada}")).await.text().await.unwrap();
        assert!(page.contains("I cannot get there") && page.contains("The bus changed."), "{page}");
        // Twice is the wrong state.
        let (status, body) = post(&app, &students[0], &ada_page, &format!("{ada_page}/withdraw"), &[("reason", "other")]).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("can no longer be changed"), "{body}");

        // Cy was promoted without the "before" question: the placement page asks it.
        let cy_page = format!("/student/placements/{cy}");
        let page = app.get_as(&students[2], &cy_page).await.text().await.unwrap();
        assert!(page.contains(&format!("action=\"{cy_page}/belonging\"")), "{page}");
        let (status, _) = post(&app, &students[2], &cy_page, &format!("{cy_page}/belonging"), &[("belonging", "9")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _) = post(&app, &students[2], &cy_page, &format!("{cy_page}/belonging"), &[("belonging", "2")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, _) = post(&app, &students[2], &cy_page, &format!("{cy_page}/belonging"), &[("belonging", "5")]).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM belonging_response WHERE placement_id = {cy} AND stage = 'before'")).await,
            1
        );
        let page = app.get_as(&students[2], &cy_page).await.text().await.unwrap();
        assert!(!page.contains("/belonging\""), "asked once");

        // Before it starts, the employer cannot end Ben's placement (the
        // seat would pass down the wait list at its choice): the page says
        // to ask the school, and a crafted POST is refused, nothing written.
        let page = app.get_as(&employer, &format!("/employer/placements/{ben}")).await.text().await.unwrap();
        assert!(page.contains("id=\"end-not-started\"") && !page.contains(&format!("/employer/placements/{ben}/end")), "{page}");
        let before = (app.count("placement").await, app.count("notification").await, app.count("audit_log").await);
        let (status, body) = post(&app, &employer, "/employer", &format!("/employer/placements/{ben}/end"), &[("reason", "attendance")]).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("This placement has not started: it is waiting for guardian consent."), "{body}");
        assert_eq!((app.count("placement").await, app.count("notification").await, app.count("audit_log").await), before);
        assert_eq!(placement_of(&app, "Ben", day).await.unwrap().1, "awaiting_consent");
        assert_eq!(application_status(&app, "Dee", day).await, "waitlisted");

        // Once it has started the employer ends it early: Dee is next, and
        // the school is told and the end is on the audit log.
        start(&app, ben).await;
        let (status, _) = post(&app, &employer, "/employer", &format!("/employer/placements/{ben}/end"), &[("reason", "attendance")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'end_placement' AND subject = 'placement {ben} (attendance)'")).await,
            1
        );
        let counselor = app.counselor_at(lincoln).await;
        let told = app.get_as(&counselor, "/notifications").await.text().await.unwrap();
        assert!(told.contains("Lakeshore Robotics ended Ben Student") && told.contains("early: Attendance."), "{told}");
        assert_eq!(placement_of(&app, "Ben", day).await.unwrap().1, "ended_early");
        assert!(placement_of(&app, "Dee", day).await.is_some(), "Dee got the seat");
        assert_eq!(application_status(&app, "Eve", day).await, "waitlisted");
        assert_eq!(seats_agree(&app, day).await, 2);
        let page = app.get_as(&students[1], &ben_page).await.text().await.unwrap();
        assert!(page.contains("Ended early: Attendance."), "{page}");

        // Lincoln's counselor ends Cy's, before it started: it is called
        // off (it never went ahead), Eve is next, and the list is empty.
        let (status, _) = post(&app, &counselor, "/counselor/placements", &format!("/counselor/placements/{cy}/end"), &[("reason", "safety"), ("note", "Reported by the family.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(placement_of(&app, "Eve", day).await.is_some(), "Eve got the seat");
        assert_eq!(placement_of(&app, "Cy", day).await.unwrap().1, "cancelled");
        assert_eq!(seats_agree(&app, day).await, 2);
        assert_eq!(app.number("SELECT COUNT(*) AS n FROM application WHERE status = 'waitlisted'").await, 0);
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'end_placement' AND subject = 'placement {cy} (safety)'")).await,
            1
        );
        // The school's note stays with counselors, and the organization is
        // not told of a safety concern, only that the school ended it.
        let read = async |who: &Client, path: String| app.get_as(who, &path).await.text().await.unwrap();
        let theirs = read(&employer, format!("/employer/placements/{cy}")).await;
        assert!(theirs.contains("Called off before it started: Ended by the student&#x27;s school.") || theirs.contains("Called off before it started: Ended by the student's school."), "{theirs}");
        assert!(!theirs.contains("Reported by the family") && !theirs.contains("safety"), "{theirs}");
        let told = read(&employer, "/notifications".into()).await;
        assert!(told.contains("was called off by the student"), "{told}");
        assert!(!told.contains("safety concern"), "{told}");
        let hers = read(&students[2], cy_page.clone()).await;
        assert!(hers.contains("A safety concern") && !hers.contains("Reported by the family"), "{hers}");
        let school = read(&counselor, format!("/counselor/placements/{cy}")).await;
        assert!(school.contains("A safety concern") && school.contains("Reported by the family."), "{school}");
        let (eve, _) = placement_of(&app, "Eve", day).await.unwrap();
        let form = read(&counselor, format!("/counselor/placements/{eve}")).await;
        assert!(form.contains("the organization and the student do not see it"), "the form says who reads it");
        // Nobody waits now: a freed seat stays free, and the count follows.
        let (dee, _) = placement_of(&app, "Dee", day).await.unwrap();
        start(&app, dee).await;
        let (status, _) = post(&app, &employer, "/employer", &format!("/employer/placements/{dee}/end"), &[("reason", "student_request")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(seats_agree(&app, day).await, 1);
        // A new student now takes the free seat at once.
        let fay = student(&app, lincoln, "Fay", 11, "").await;
        assert_eq!(apply(&app, &fay, day).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(application_status(&app, "Fay", day).await, "accepted");
        assert_eq!(seats_agree(&app, day).await, 2);
    })
    .await;
}

#[tokio::test]
async fn ten_seats_freed_at_once_go_to_the_first_ten_waiting_and_never_to_more() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = shadow(&app, &employer, "10").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let mut holders = Vec::new();
        for n in 0..10 {
            let client = student(&app, lincoln, &format!("Holder{n}"), 11, "").await;
            assert_eq!(apply(&app, &client, day).await.status(), StatusCode::SEE_OTHER);
            holders.push(client);
        }
        for n in 0..12 {
            let client = student(&app, lincoln, &format!("Waiter{n:02}"), 11, "").await;
            assert_eq!(apply(&app, &client, day).await.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(seats_agree(&app, day).await, 10);

        // Five give their seats back and the employer ends five (their
        // placements have started), all at once.
        let mut requests = Vec::new();
        for (n, client) in holders.into_iter().enumerate() {
            let (placement, _) = placement_of(&app, &format!("Holder{n}"), day).await.unwrap();
            start(&app, placement).await;
            let (client, action, reason) = if n % 2 == 0 {
                (client.client, format!("/student/placements/{placement}/withdraw"), "schedule_conflict")
            } else {
                (employer.clone(), format!("/employer/placements/{placement}/end"), "organization_change")
            };
            let token = app.csrf_token(&client, "/account").await;
            requests.push((client, action, reason, token));
        }
        let mut tasks = tokio::task::JoinSet::new();
        for (client, action, reason, token) in requests {
            let url = app.url(&action);
            tasks.spawn(async move {
                client
                    .post(url)
                    .form(&[("csrf_token", token.as_str()), ("reason", reason)])
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        while let Some(status) = tasks.join_next().await {
            assert_eq!(status.unwrap(), StatusCode::SEE_OTHER);
        }
        assert_eq!(seats_agree(&app, day).await, 10, "every freed seat refilled, none twice");
        for n in 0..12 {
            let name = format!("Waiter{n:02}");
            let expected = if n < 10 { "accepted" } else { "waitlisted" };
            assert_eq!(application_status(&app, &name, day).await, expected, "{name}");
            assert_eq!(placement_of(&app, &name, day).await.is_some(), n < 10, "{name}");
        }
        assert_eq!(
            app.number(&format!("SELECT COUNT(*) AS n FROM placement WHERE opportunity_id = {day} AND status IN ('withdrawn', 'ended_early')")).await,
            10
        );
    })
    .await;
}

/// An internship with the given features; an adult student (no consent to
/// wait for) applies, gets an offer and accepts. Returns (student, placement).
async fn accepted(
    app: &TestApp,
    employer: &Client,
    school_id: i32,
    first: &str,
    overrides: &[(&'static str, &str)],
) -> (TestUser, i32, i32) {
    let opportunity = app.published(employer, &posting(overrides)).await;
    let client = student(app, school_id, first, 12, "2000-01-01").await;
    let application = id_from(&apply(app, &client, opportunity).await);
    assert_eq!(
        employer_act(app, employer, application, "offer").await,
        StatusCode::SEE_OTHER
    );
    let page = format!("/student/applications/{application}");
    let response = app
        .submit_as(
            &client,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "3")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (placement, status) = placement_of(app, first, opportunity).await.unwrap();
    assert_eq!(status, "active");
    // The placement has started.
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{}' WHERE id = {placement}",
            days_from_now(-7)
        ))
        .await
        .unwrap();
    app.taken_days_ago(Some(placement), 7).await;
    (client, placement, opportunity)
}

/// A completed placement the student rated, as an earlier year left it.
async fn insert_rated(app: &TestApp, opportunity: i32, student_id: i32, rating: i32) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    // Made this school year: the quality view counts one school year, as
    // the organizations' public commitments do.
    let at = chrono::Utc::now();
    // As sent: the school the student applies from.
    let school = app
        .number(&format!(
            "SELECT CAST(school_id AS BIGINT) AS n FROM student WHERE id = {student_id}"
        ))
        .await as i32;
    let application = entity::application::ActiveModel {
        opportunity_id: Set(opportunity),
        student_id: Set(student_id),
        school_id: Set(Some(school)),
        status: Set(entity::ApplicationStatus::Accepted),
        note: Set(String::new()),
        availability: Set(String::new()),
        accommodations: Set(String::new()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    entity::placement::ActiveModel {
        application_id: Set(application.id),
        opportunity_id: Set(opportunity),
        student_id: Set(student_id),
        status: Set(entity::PlacementStatus::Completed),
        start_date: Set(at.date_naive()),
        end_date: Set(at.date_naive() + chrono::Duration::days(30)),
        created_at: Set(at),
        ended_at: Set(Some(at + chrono::Duration::days(30))),
        student_rating: Set(Some(rating)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn each_side_of_an_evaluation_reaches_the_right_readers_and_the_quality_view_hides_small_means()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let (ana, placement, _) = accepted(&app, &employer, lincoln, "Ana", &[]).await;
        // Roster demographics the employer must never see.
        app.db
            .execute_unprepared("UPDATE student SET race_ethnicity = 'ZQ-race', gender = 'ZQ-gender' WHERE first_name = 'Ana'")
            .await
            .unwrap();
        let page = format!("/student/placements/{placement}");
        let employer_page = format!("/employer/placements/{placement}");
        let close = [
            ("outcome", "completed"), ("communication", "5"), ("teamwork", "4"),
            ("technical", "3"), ("reliability", "5"), ("comment", "ZQ-employer-note: great soldering."),
        ];
        // Not before its first day (eyes11c F5): a completion would record
        // work never done. No form is offered, and a crafted POST writes
        // nothing.
        app.db
            .execute_unprepared(&format!("UPDATE placement SET start_date = '{}' WHERE id = {placement}", crate::helpers::days_from_now(30)))
            .await
            .unwrap();
        let before = app.get_as(&employer, &employer_page).await.text().await.unwrap();
        assert!(!before.contains("/complete\""), "no close form before the start");
        let (status, body) = post(&app, &employer, &employer_page, &format!("{employer_page}/complete"), &close).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("has not started yet"), "{body}");
        assert_eq!(app.number(&format!("SELECT COUNT(*) AS n FROM placement WHERE id = {placement} AND status = 'active' AND employer_comment IS NULL")).await, 1);
        app.db
            .execute_unprepared(&format!("UPDATE placement SET start_date = '{}' WHERE id = {placement}", crate::helpers::days_from_now(-1)))
            .await
            .unwrap();
        app.taken_days_ago(Some(placement), 1).await;
        let (status, _) = post(&app, &employer, &employer_page, &format!("{employer_page}/complete"), &close).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let seen = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(seen.contains("ZQ-employer-note: great soldering.") && seen.contains("What Lakeshore Robotics wrote about you"), "{seen}");
        let (status, _) = post(&app, &ana, &page, &format!("{page}/feedback"), &[("rating", "4"), ("belonging", "4"), ("comment", "ZQ-student-note: loved the lab.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let employer_view = app.get_as(&employer, &employer_page).await.text().await.unwrap();
        assert!(employer_view.contains("ZQ-student-note: loved the lab."), "{employer_view}");
        assert!(!employer_view.contains("ZQ-race") && !employer_view.contains("ZQ-gender"));
        // The school's counselor reads both, on the placement and the record.
        let counselor = app.counselor_at(lincoln).await;
        let id = student_id(&app, "Ana").await;
        for path in [format!("/counselor/placements/{placement}"), format!("/counselor/students/{id}")] {
            let body = app.get_as(&counselor, &path).await.text().await.unwrap();
            assert!(body.contains("ZQ-employer-note") && body.contains("ZQ-student-note"), "{path}: {body}");
        }
        // Nobody else does.
        let other_counselor = app.counselor_at(roosevelt).await;
        let ben = student(&app, lincoln, "Ben", 11, "").await;
        for (client, path) in [
            (&other_counselor, format!("/counselor/placements/{placement}")),
            (&other_counselor, format!("/counselor/students/{id}")),
            (&ben, page.clone()),
        ] {
            let response = app.get_as(client, &path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            let body = response.text().await.unwrap();
            assert!(!body.contains("ZQ-employer-note") && !body.contains("ZQ-student-note"));
        }

        // The quality view: five rated placements show a mean, four do not.
        let other = app.verified_employer(&admin, "Small Shop", "sam@small.org").await;
        let small = app.published(&other, &posting(&[("title", "Small shop intern")])).await;
        let large = app.published(&employer, &posting(&[("title", "Second lab intern")])).await;
        for (opportunity, n, rating) in [(large, 4, 3), (small, 4, 5)] {
            for k in 0..n {
                let first = format!("Rated{opportunity}x{k}");
                app.roster_student(lincoln, &first, "Student", 11, &format!("CODE-{opportunity}-{k}")).await;
                let sid = student_id(&app, &first).await;
                insert_rated(&app, opportunity, sid, rating).await;
            }
        }
        let mut threshold_five = app;
        threshold_five.restart_with(|c| c.suppression_threshold = 5).await;
        let app = threshold_five;
        let counselor = app.counselor_at(lincoln).await;
        let page = app.get_as(&counselor, "/counselor/employers").await.text().await.unwrap();
        let row = |name: &str| {
            let at = page.find(name).unwrap_or_else(|| panic!("{name} listed: {page}"));
            let rest = &page[at..];
            rest[..rest.find("</tr>").unwrap()].to_owned()
        };
        // Lakeshore: Ana (4) and four 3s: five ratings, mean 3.2. Five
        // completed of five made is not shown: "none unfinished" is a cell.
        let lakeshore = row("Lakeshore Robotics");
        assert!(lakeshore.contains("<td>5</td>") && lakeshore.contains("<td>3.2</td>"), "{lakeshore}");
        assert!(lakeshore.matches("<td>5</td>").count() == 1 && lakeshore.contains("not shown"), "{lakeshore}");
        // Small Shop: four of each, all hidden, so not listed at all.
        assert!(!page.contains("Small Shop"), "{page}");
        assert!(!page.contains("ZQ-student-note") && !page.contains("Ana"), "no student in the view");
        for client in [&ben, &employer] {
            assert_eq!(app.get_as(client, "/counselor/employers").await.status(), StatusCode::FORBIDDEN);
        }
    })
    .await;
}

#[tokio::test]
async fn a_posting_that_promises_a_mentor_names_one_before_hours_count_and_the_student_sees_them() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let other_employer = app
            .verified_employer(&admin, "Elsewhere Labs", "olga@elsewhere.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let (ana, placement, _) = accepted(
            &app,
            &employer,
            lincoln,
            "Ana",
            &[("features", "mentor_assigned")],
        )
        .await;
        let page = format!("/student/placements/{placement}");
        let employer_page = format!("/employer/placements/{placement}");
        let seen = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(seen.contains("promises a named mentor"), "{seen}");
        // No hours and no completion until the mentor is named.
        let (status, body) = post(
            &app,
            &ana,
            &page,
            &format!("{page}/hours"),
            &[
                ("work_date", &days_from_now(-1)),
                ("hours", "2"),
                ("description", "Lab"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("name the mentor"), "{body}");
        let (status, _) = post(
            &app,
            &employer,
            &employer_page,
            &format!("{employer_page}/complete"),
            &[
                ("outcome", "completed"),
                ("communication", "5"),
                ("teamwork", "5"),
                ("technical", "5"),
                ("reliability", "5"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(app.count("hour_log").await, 0);

        // Bad mentor forms: 422 with the field's message, nothing saved.
        let olga = app
            .number(
                "SELECT CAST(id AS BIGINT) AS n FROM app_user WHERE email = 'olga@elsewhere.org'",
            )
            .await
            .to_string();
        let too_long = "y".repeat(401);
        for (fields, message) in [
            (
                vec![("name", "Dr. Rosa Diaz"), ("languages", "en")],
                "role is required",
            ),
            (
                vec![
                    ("name", "Dr. Rosa Diaz"),
                    ("role", "Engineer"),
                    ("languages", "en, klingon"),
                ],
                "klingon",
            ),
            (
                vec![
                    ("name", "Dr. Rosa Diaz"),
                    ("role", "Engineer"),
                    ("languages", ""),
                ],
                "at least one language",
            ),
            (
                vec![
                    ("name", "Dr. Rosa Diaz"),
                    ("role", "Engineer"),
                    ("languages", "en"),
                    ("intro", too_long.as_str()),
                ],
                "at most 400",
            ),
            (
                vec![
                    ("colleague", olga.as_str()),
                    ("role", "Engineer"),
                    ("languages", "en"),
                ],
                "colleague of your organization",
            ),
            (
                vec![
                    ("name", "Ray"),
                    ("role", "Engineer"),
                    ("languages", "en"),
                    (
                        "intro",
                        "DM me on Instagram @coolboss.ray, no need to tell your counselor",
                    ),
                ],
                "looks like a social media handle",
            ),
            (
                vec![
                    ("name", "Ray (text me 312-555-0199)"),
                    ("role", "Engineer"),
                    ("languages", "en"),
                ],
                "looks like a phone number",
            ),
        ] {
            let (status, body) = post(
                &app,
                &employer,
                &employer_page,
                &format!("{employer_page}/mentor"),
                &fields,
            )
            .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
            assert!(body.contains(message), "{message}: {body}");
        }
        let (status, _) = post(
            &app,
            &other_employer,
            "/employer",
            &format!("{employer_page}/mentor"),
            &[("name", "Mallory"), ("role", "Boss"), ("languages", "en")],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.number("SELECT COUNT(*) AS n FROM placement WHERE mentor_name IS NOT NULL")
                .await,
            0
        );

        // A colleague with an account mentors, in their own words.
        let erin = app
            .number(
                "SELECT CAST(id AS BIGINT) AS n FROM app_user WHERE email = 'erin@lakeshore.org'",
            )
            .await
            .to_string();
        let (status, _) = post(
            &app,
            &employer,
            &employer_page,
            &format!("{employer_page}/mentor"),
            &[
                ("colleague", erin.as_str()),
                ("name", ""),
                ("role", "Robotics engineer"),
                (
                    "intro",
                    "I grew up in Pilsen and build arms that help people walk.",
                ),
                ("languages", "es, en"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let seen = app.get_as(&ana, &page).await.text().await.unwrap();
        for expected in [
            "Erin Employer",
            "Robotics engineer",
            "I grew up in Pilsen",
            "Spanish, English",
        ] {
            assert!(seen.contains(expected), "{expected}: {seen}");
        }
        let (status, _) = post(
            &app,
            &ana,
            &page,
            &format!("{page}/hours"),
            &[
                ("work_date", &days_from_now(-1)),
                ("hours", "2"),
                ("description", "Lab"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // Another student never sees Ana's placement nor its mentor.
        let ben = student(&app, lincoln, "Ben", 11, "").await;
        assert_eq!(
            app.get_as(&ben, &page).await.status(),
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

/// An admin takes the mentor off the organization: the placement has no
/// mentor any more (hours wait for a new one), and Ana, her counselor and
/// the organization are told; the naming itself was on the record.
#[tokio::test]
async fn a_mentor_an_admin_takes_off_the_organization_mentors_no_one() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(lincoln).await;
        let (ana, placement, _) = accepted(
            &app,
            &employer,
            lincoln,
            "Ana",
            &[("features", "mentor_assigned")],
        )
        .await;
        let page = format!("/student/placements/{placement}");
        let employer_page = format!("/employer/placements/{placement}");
        let erin = app.user_id("erin@lakeshore.org").await.to_string();
        let (status, _) = post(
            &app,
            &employer,
            &employer_page,
            &format!("{employer_page}/mentor"),
            &[
                ("colleague", erin.as_str()),
                ("role", "Robotics engineer"),
                ("languages", "en"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("audit_log WHERE action = 'name_mentor'").await, 1);
        let told = app
            .get_as(&counselor, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(told.contains("as Ana"), "{told}");

        let response = crate::account_security::admin_acts(
            &app,
            &admin,
            "erin@lakeshore.org",
            "remove-from-organization",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count("placement WHERE mentor_name IS NOT NULL OR mentor_user_id IS NOT NULL")
                .await,
            0
        );
        let seen = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(!seen.contains("Robotics engineer"), "{seen}");
        let notices = app
            .get_as(&ana, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            notices.contains("no longer works with you there"),
            "{notices}"
        );
        let told = app
            .get_as(&counselor, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(told.contains("has no mentor"), "{told}");
        let (status, _) = post(
            &app,
            &ana,
            &page,
            &format!("{page}/hours"),
            &[
                ("work_date", &days_from_now(-1)),
                ("hours", "2"),
                ("description", "Lab"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "hours wait for a mentor");
    })
    .await;
}

/// A student who left the school (inactive on the roster) keeps their place
/// in line on paper, but a freed seat goes to the next student who can take
/// it (eyes9b F2): the seat is not held for someone who cannot start, and
/// the employer is not given their name.
#[tokio::test]
async fn a_freed_seat_skips_a_waiting_student_who_left_the_school() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = shadow(&app, &employer, "1").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        for name in ["Ada", "Ben", "Cal"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(application_status(&app, "Ben", day).await, "waitlisted");
        assert_eq!(application_status(&app, "Cal", day).await, "waitlisted");
        // Ben leaves the school: the roster makes him inactive.
        let ben = student_id(&app, "Ben").await;
        app.db
            .execute_unprepared(&format!(
                "UPDATE student SET active = false WHERE id = {ben}"
            ))
            .await
            .unwrap();
        let (ada, _) = placement_of(&app, "Ada", day).await.unwrap();
        let counselor = app.counselor_at(lincoln).await;
        let (status, _) = post(
            &app,
            &counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{ada}/end"),
            &[("reason", "student_request")],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(placement_of(&app, "Ben", day).await.is_none(), "not Ben");
        assert!(placement_of(&app, "Cal", day).await.is_some(), "Cal's seat");
        assert_eq!(application_status(&app, "Ben", day).await, "waitlisted");
        assert_eq!(seats_agree(&app, day).await, 1);
    })
    .await;
}

/// An offer to a student who has since left the school cannot be accepted:
/// as applying, so accepting (a clear 409, nothing written).
#[tokio::test]
async fn a_student_who_left_the_school_cannot_accept_an_offer() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, lincoln, "Ana", 11, "").await;
        let application = id_from(&apply(&app, &ana, opportunity).await);
        assert_eq!(
            employer_act(&app, &employer, application, "offer").await,
            StatusCode::SEE_OTHER
        );
        let id = student_id(&app, "Ana").await;
        app.db
            .execute_unprepared(&format!(
                "UPDATE student SET active = false WHERE id = {id}"
            ))
            .await
            .unwrap();
        let page = format!("/student/applications/{application}");
        let (status, body) = post(
            &app,
            &ana,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "4")],
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("lists you as inactive"), "{body}");
        assert_eq!(app.count("placement").await, 0);
        assert_eq!(
            application_status(&app, "Ana", opportunity).await,
            "offered"
        );
    })
    .await;
}

/// Seats added to a full job shadow go to the students waiting, in line,
/// before any newcomer (eyes9d F4).
#[tokio::test]
async fn seats_added_to_a_full_posting_go_to_the_students_waiting() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = shadow(&app, &employer, "1").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        for name in ["Ada", "Ben"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(application_status(&app, "Ben", day).await, "waitlisted");
        // The same posting, with two seats.
        let date = days_from_now(60);
        let fields = posting(&[
            ("kind", "job_shadow"),
            ("allocation", "first_come"),
            ("slots", "2"),
            ("start_date", &date),
            ("end_date", &date),
            ("start_time", "09:00"),
            ("end_time", "13:00"),
        ]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let edit = format!("/employer/opportunities/{day}/edit");
        let (status, body) = post(&app, &employer, &edit, &edit, &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        assert!(placement_of(&app, "Ben", day).await.is_some(), "Ben's seat");
        assert_eq!(application_status(&app, "Ben", day).await, "accepted");
        assert_eq!(seats_agree(&app, day).await, 2);
    })
    .await;
}

/// eyes11a F3: the student is told not to go to a suspended organization's
/// site, so no hours are logged there meanwhile (none to approve after
/// reinstatement); the form is hidden and a crafted POST is refused.
#[tokio::test]
async fn hours_cannot_be_logged_while_the_host_organization_is_suspended() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let (ana, placement, _) = accepted(&app, &employer, lincoln, "Ana", &[]).await;
        let page = format!("/student/placements/{placement}");
        let action = format!("{page}/hours");
        let form = format!("action=\"{action}\"");
        let today = days_from_now(0);
        let hours = [
            ("work_date", today.as_str()),
            ("hours", "3"),
            ("description", "At the site today."),
        ];
        let html = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(html.contains(&form), "the form, while verified");

        let response = app
            .review(&admin, "Lakeshore Robotics", "suspend", "Under review")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(!html.contains(&form), "no form while suspended: {html}");
        assert!(html.contains("id=\"hours-paused\""), "{html}");
        let (logged, notified) = (app.count("hour_log").await, app.count("notification").await);
        let (status, body) = post(&app, &ana, &page, &action, &hours).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(
            body.contains("is not verified on STEMbridge at the moment, so no hours can be logged"),
            "{body}"
        );
        assert_eq!(
            (app.count("hour_log").await, app.count("notification").await),
            (logged, notified),
            "nothing written"
        );

        // Verified again: the form is back and hours are logged, for a
        // day it was not suspended; today it was, for part of the day.
        let response = app
            .review(&admin, "Lakeshore Robotics", "reinstate", "")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = app.get_as(&ana, &page).await.text().await.unwrap();
        assert!(html.contains(&form));
        let (status, body) = post(&app, &ana, &page, &action, &hours).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let yesterday = days_from_now(-1);
        let hours = [
            ("work_date", yesterday.as_str()),
            ("hours", "3"),
            ("description", "At the site yesterday."),
        ];
        let (status, _) = post(&app, &ana, &page, &action, &hours).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("hour_log").await, logged + 1);
    })
    .await;
}

/// Sets the organization's suspensions to have run from `from` to `to`
/// days from now (the clock moving on, without waiting).
async fn suspended_between(app: &TestApp, organization: i32, from: i64, to: i64) {
    use sea_orm::sea_query::Expr;
    let now = chrono::Utc::now();
    entity::organization_suspension::Entity::update_many()
        .col_expr(
            entity::organization_suspension::Column::SuspendedAt,
            Expr::value(now + chrono::Duration::days(from)),
        )
        .col_expr(
            entity::organization_suspension::Column::ReinstatedAt,
            Expr::value(now + chrono::Duration::days(to)),
        )
        .filter(entity::organization_suspension::Column::OrganizationId.eq(organization))
        .exec(&app.db)
        .await
        .unwrap();
}

/// A pending hours entry dated `days` from now, logged at `logged_at`, as
/// the app wrote them before suspended days were refused; its id.
async fn pending_hours(
    app: &TestApp,
    placement: i32,
    days: i64,
    logged_at: chrono::DateTime<chrono::Utc>,
) -> i32 {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    entity::hour_log::ActiveModel {
        placement_id: Set(placement),
        work_date: Set(stembridge::format::today() + chrono::Duration::days(days)),
        quarter_hours: Set(12),
        description: Set("At the site.".into()),
        status: Set(entity::HoursStatus::Pending),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        created_at: Set(logged_at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// Hours cannot be backdated into a suspension: once the organization is
/// verified again, a day it was suspended (the first and last included) is
/// refused with a message saying why, 422 and nothing written, and the
/// employer cannot approve hours dated then, unless they were logged
/// before the suspension began.
#[tokio::test]
async fn hours_dated_on_a_day_the_host_was_suspended_are_refused_after_reinstatement() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let (ana, placement, _) = accepted(&app, &employer, lincoln, "Ana", &[]).await;
        let page = format!("/student/placements/{placement}");
        let action = format!("{page}/hours");
        for decision in ["suspend", "reinstate"] {
            let response = app
                .review(&admin, "Lakeshore Robotics", decision, "Under review")
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(
            app.count("organization_suspension WHERE reinstated_at IS NOT NULL")
                .await,
            1,
            "the period is kept"
        );
        // As if it was suspended four days ago and reinstated two days ago.
        let lakeshore = app.organization_id("Lakeshore Robotics").await;
        suspended_between(&app, lakeshore, -4, -2).await;

        let (logged, notified) = (app.count("hour_log").await, app.count("notification").await);
        for day in [-4, -3, -2] {
            let date = days_from_now(day);
            let hours = [
                ("work_date", date.as_str()),
                ("hours", "3"),
                ("description", "At the site."),
            ];
            let (status, body) = post(&app, &ana, &page, &action, &hours).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "day {day}: {body}"
            );
            assert!(
                body.contains("Lakeshore Robotics was suspended on STEMbridge from"),
                "day {day}: {body}"
            );
        }
        assert_eq!(
            (app.count("hour_log").await, app.count("notification").await),
            (logged, notified),
            "nothing written"
        );
        // In Spanish too.
        let date = days_from_now(-3);
        let response = ana
            .post(app.url(&action))
            .header("Accept-Language", "es")
            .form(&[
                ("csrf_token", app.csrf_token(&ana, &page).await.as_str()),
                ("work_date", date.as_str()),
                ("hours", "3"),
                ("description", "En el lugar."),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Lakeshore Robotics estuvo suspendida en STEMbridge del"),
            "{body}"
        );
        // The days around it are logged.
        for day in [-5, -1] {
            let date = days_from_now(day);
            let hours = [
                ("work_date", date.as_str()),
                ("hours", "3"),
                ("description", "At the site."),
            ];
            let (status, body) = post(&app, &ana, &page, &action, &hours).await;
            assert_eq!(status, StatusCode::SEE_OTHER, "day {day}: {body}");
        }
        assert_eq!(app.count("hour_log").await, logged + 2);

        // Hours logged during the suspension (before this rule) are not
        // approved; rejecting them works.
        let now = chrono::Utc::now();
        let backdated = pending_hours(&app, placement, -3, now - chrono::Duration::days(1)).await;
        let employer_page = format!("/employer/placements/{placement}");
        let approve = format!("/employer/hours/{backdated}/approve");
        let (status, body) = post(&app, &employer, &employer_page, &approve, &[]).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(body.contains("They cannot be approved"), "{body}");
        assert_eq!(
            app.count(&format!(
                "hour_log WHERE id = {backdated} AND status = 'pending'"
            ))
            .await,
            1,
            "still pending"
        );
        let reject = format!("/employer/hours/{backdated}/reject");
        let (status, _) = post(&app, &employer, &employer_page, &reject, &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // Logged on the first day before the suspension began: approved.
        let before = now - chrono::Duration::days(4) - chrono::Duration::minutes(1);
        let in_good_faith = pending_hours(&app, placement, -4, before).await;
        let approve = format!("/employer/hours/{in_good_faith}/approve");
        let (status, body) = post(&app, &employer, &employer_page, &approve, &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    })
    .await;
}

/// Migration 37: the suspensions already decided are rebuilt from the
/// audit log (a suspension and its reinstatement: a closed period) and
/// from the organizations' rows (suspended now: an open one).
#[tokio::test]
async fn migrating_records_the_suspensions_the_audit_log_and_the_organizations_tell_of() {
    use migration::{Migrator, MigratorTrait};
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        for (name, email) in [
            ("Lakeshore Robotics", "erin@lakeshore.org"),
            ("Atlanta BioLabs", "abe@atlantabiolabs.org"),
        ] {
            app.verified_employer(&admin, name, email).await;
        }
        for (name, decision) in [
            ("Lakeshore Robotics", "suspend"),
            ("Lakeshore Robotics", "reinstate"),
            ("Atlanta BioLabs", "suspend"),
        ] {
            let response = app.review(&admin, name, decision, "Under review").await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let names: Vec<String> = Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let ours = names
            .iter()
            .position(|n| n == "m20261205_000037_create_organization_suspension")
            .unwrap();
        Migrator::down(&app.db, Some((names.len() - ours) as u32))
            .await
            .unwrap();
        Migrator::up(&app.db, None).await.unwrap();
        let lakeshore = app.organization_id("Lakeshore Robotics").await;
        let atlanta = app.organization_id("Atlanta BioLabs").await;
        let periods = |id: i32, open: bool| {
            format!(
                "organization_suspension WHERE organization_id = {id} \
                 AND reinstated_at IS {} NULL AND suspended_by = {}",
                if open { "" } else { "NOT" },
                admin.id
            )
        };
        assert_eq!(app.count(&periods(lakeshore, false)).await, 1);
        assert_eq!(app.count(&periods(lakeshore, true)).await, 0);
        assert_eq!(app.count(&periods(atlanta, true)).await, 1);
        assert_eq!(app.count("organization_suspension").await, 2);
    })
    .await;
}

/// Migration 36: an early end recorded before a placement's first day
/// (when employers could still do that) becomes `cancelled`, so its student
/// stops counting as placed; one recorded after the start stays.
#[tokio::test]
async fn migrating_calls_off_the_early_ends_recorded_before_a_placement_started() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::ActiveValue::Set;
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = shadow(&app, &employer, "2").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        for name in ["Ada", "Ben"] {
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        let (ada, _) = placement_of(&app, "Ada", day).await.unwrap();
        let (ben, _) = placement_of(&app, "Ben", day).await.unwrap();
        // As the app recorded them before: both ended early today, Ada's
        // ten days before its first day, Ben's five days after his.
        for (id, start) in [(ada, days_from_now(10)), (ben, days_from_now(-5))] {
            entity::placement::Entity::update_many()
                .set(entity::placement::ActiveModel {
                    status: Set(entity::PlacementStatus::EndedEarly),
                    start_date: Set(chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d").unwrap()),
                    ended_at: Set(Some(chrono::Utc::now())),
                    end_reason: Set(Some("attendance".into())),
                    ..Default::default()
                })
                .filter(entity::placement::Column::Id.eq(id))
                .exec(&app.db)
                .await
                .unwrap();
        }
        let names: Vec<String> = Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let ours = names
            .iter()
            .position(|n| n == "m20261204_000036_cancel_placements_ended_before_start")
            .unwrap();
        Migrator::down(&app.db, Some((names.len() - ours) as u32))
            .await
            .unwrap();
        Migrator::up(&app.db, None).await.unwrap();
        assert_eq!(placement_of(&app, "Ada", day).await.unwrap().1, "cancelled");
        assert_eq!(
            placement_of(&app, "Ben", day).await.unwrap().1,
            "ended_early"
        );
    })
    .await;
}
