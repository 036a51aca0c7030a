//! What one student may hold at once, over HTTP (eyes15a F2): two
//! internships on the same days, or two job shadows at the same hours, are
//! refused wherever a place is taken (accepting an offer, a first-come
//! seat, the wait list, a fair draw), naming the place already held; a
//! job-shadow day during an internship is allowed; the 12 hours a day
//! count over all of a student's placements, when logging (even two at
//! once) and when an employer approves; and no hours are logged for a day
//! before the student held the place.

use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;

use crate::{
    applications::{apply, employer_act, id_from, student},
    helpers::{TestApp, days_from_now, on_each_backend, posting},
};

/// An adult student (no guardian consent to wait for), born 2005.
const ADULT: &str = "2005-01-01";

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

/// A one-day job shadow `days` ahead, from `from` to `to`, first come,
/// with `seats` seats.
fn shadow(
    title: &'static str,
    day: &str,
    from: &'static str,
    to: &'static str,
    seats: &'static str,
) -> Vec<(&'static str, String)> {
    posting(&[
        ("title", title),
        ("kind", "job_shadow"),
        ("allocation", "first_come"),
        ("slots", seats),
        ("start_date", day),
        ("end_date", day),
        ("start_time", from),
        ("end_time", to),
    ])
}

/// The student's application to a posting, by the student's first name.
async fn application_of(app: &TestApp, opportunity: i32, first: &str) -> i32 {
    app.number(&format!(
        "SELECT CAST(a.id AS BIGINT) AS n FROM application a JOIN student s ON s.id = a.student_id \
         WHERE a.opportunity_id = {opportunity} AND s.first_name = '{first}'"
    ))
    .await as i32
}

async fn placements_of(app: &TestApp, first: &str) -> i64 {
    app.count(&format!(
        "placement p JOIN student s ON s.id = p.student_id WHERE s.first_name = '{first}'"
    ))
    .await
}

async fn placement_at(app: &TestApp, opportunity: i32, first: &str) -> i32 {
    app.number(&format!(
        "SELECT CAST(p.id AS BIGINT) AS n FROM placement p JOIN student s ON s.id = p.student_id \
         WHERE p.opportunity_id = {opportunity} AND s.first_name = '{first}'"
    ))
    .await as i32
}

async fn body(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_student_holds_one_internship_at_a_time_and_job_shadows_only_at_hours_that_do_not_clash()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;

        // Two internships whose dates overlap, at two organizations.
        let robotics = app.published(&lakeshore, &posting(&[])).await;
        let (start, end) = (days_from_now(90), days_from_now(150));
        let clinic = app
            .published(
                &harbor,
                &posting(&[
                    ("title", "Clinic data intern"),
                    ("start_date", &start),
                    ("end_date", &end),
                ]),
            )
            .await;
        let first = id_from(&apply(&app, &mei, robotics).await);
        let second = id_from(&apply(&app, &mei, clinic).await);
        assert_eq!(
            employer_act(&app, &lakeshore, first, "offer").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            employer_act(&app, &harbor, second, "offer").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            accept(&app, &mei, first).await.status(),
            StatusCode::SEE_OTHER
        );
        let refused = accept(&app, &mei, second).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let text = body(refused).await;
        assert!(
            text.contains(
                "You already have a place in “Robotics lab intern” at Lakeshore Robotics"
            ) && text.contains("one internship or apprenticeship at a time"),
            "{text}"
        );
        assert_eq!(placements_of(&app, "Mei").await, 1, "nothing written");
        assert_eq!(
            app.count(&format!(
                "application WHERE id = {second} AND status = 'offered'"
            ))
            .await,
            1,
            "the offer still stands"
        );

        // A job-shadow day during the internship: it has no set hours, so
        // the day is arranged with the employer, and the seat is hers.
        let day = days_from_now(70);
        let morning = app
            .published(
                &harbor,
                &shadow("Morning rounds", &day, "09:00", "13:00", "1"),
            )
            .await;
        assert_eq!(
            apply(&app, &mei, morning).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(placements_of(&app, "Mei").await, 2);

        // A second first-come shadow at the same hours that day: the seat
        // is not taken, and goes to the next student.
        let overlapping = app
            .published(&lakeshore, &shadow("Lab tour", &day, "11:00", "15:00", "1"))
            .await;
        let refused = apply(&app, &mei, overlapping).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let text = body(refused).await;
        assert!(
            text.contains("You already have a place in “Morning rounds” at Harbor Health")
                && text.contains("9:00 AM to 1:00 PM"),
            "{text}"
        );
        assert_eq!(
            app.count(&format!("application WHERE opportunity_id = {overlapping}"))
                .await,
            0,
            "no application, no seat"
        );
        let priya = student(&app, school, "Priya", 11, ADULT).await;
        assert_eq!(
            apply(&app, &priya, overlapping).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(placements_of(&app, "Priya").await, 1, "the seat is Priya's");

        // The afternoon after the morning's shadow does not clash.
        let afternoon = app
            .published(
                &lakeshore,
                &shadow("Afternoon build", &day, "13:00", "16:00", "1"),
            )
            .await;
        assert_eq!(
            apply(&app, &mei, afternoon).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(placements_of(&app, "Mei").await, 3);

        // In Spanish, the same refusal.
        app.get_as(&mei, "/language/es").await;
        let refused = accept(&app, &mei, second).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let text = body(refused).await;
        assert!(
            text.contains("Ya tienes un lugar en «Robotics lab intern» en Lakeshore Robotics"),
            "{text}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_wait_list_and_a_fair_draw_pass_over_a_student_whose_seat_would_clash() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;
        let lin = student(&app, school, "Lin", 12, ADULT).await;
        let zoe = student(&app, school, "Zoe", 12, ADULT).await;
        let day = days_from_now(60);
        let held = app
            .published(
                &harbor,
                &shadow("Morning rounds", &day, "09:00", "13:00", "1"),
            )
            .await;
        assert_eq!(
            apply(&app, &mei, held).await.status(),
            StatusCode::SEE_OTHER
        );

        // A full shadow at the same hours: Mei may wait (the wait list
        // gives no seat), Zoe waits behind her.
        let full = app
            .published(&lakeshore, &shadow("Lab tour", &day, "10:00", "12:00", "1"))
            .await;
        for who in [&lin, &mei, &zoe] {
            assert_eq!(apply(&app, who, full).await.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(
            app.count(&format!(
                "application WHERE opportunity_id = {full} AND status = 'waitlisted'"
            ))
            .await,
            2
        );
        // Lin gives her seat back: it passes over Mei, first in line, to Zoe.
        let lins = placement_at(&app, full, "Lin").await;
        let page = format!("/student/placements/{lins}");
        let response = app
            .submit_as(
                &lin,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "other")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(placement_at(&app, full, "Zoe").await > 0, "Zoe is seated");
        let meis = application_of(&app, full, "Mei").await;
        assert_eq!(
            app.count(&format!(
                "application WHERE id = {meis} AND status = 'waitlisted'"
            ))
            .await,
            1,
            "Mei keeps her place in line"
        );
        assert_eq!(
            app.count(&format!(
                "placement p JOIN student s ON s.id = p.student_id \
                 WHERE p.opportunity_id = {full} AND s.first_name = 'Mei'"
            ))
            .await,
            0
        );

        // A fair draw with two seats at the same hours: Mei and Lin enter;
        // the draw leaves Mei out (she could not hold the seat), Lin is
        // seated, and Mei is told why, waiting at the end of the list.
        let drawn = app
            .published(
                &lakeshore,
                &posting(&[
                    ("title", "Robot arena"),
                    ("kind", "job_shadow"),
                    ("allocation", "fair_draw"),
                    ("slots", "2"),
                    ("start_date", &day),
                    ("end_date", &day),
                    ("start_time", "12:00"),
                    ("end_time", "14:00"),
                ]),
            )
            .await;
        for who in [&mei, &lin] {
            assert_eq!(
                apply(&app, who, drawn).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET deadline = '{}' WHERE id = {drawn}",
                days_from_now(-1)
            ))
            .await
            .unwrap();
        let manage = format!("/employer/opportunities/{drawn}");
        let response = app
            .submit_as(&lakeshore, &manage, &format!("{manage}/draw"), &[])
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        assert!(placement_at(&app, drawn, "Lin").await > 0, "Lin is seated");
        let meis = application_of(&app, drawn, "Mei").await;
        assert_eq!(
            app.count(&format!(
                "application WHERE id = {meis} AND status = 'waitlisted'"
            ))
            .await,
            1
        );
        assert_eq!(
            app.count(&format!(
                "placement p JOIN student s ON s.id = p.student_id \
                 WHERE p.opportunity_id = {drawn} AND s.first_name = 'Mei'"
            ))
            .await,
            0,
            "no second seat at the same hours"
        );
        let notices = body(app.get_as(&mei, "/notifications").await).await;
        assert!(
            notices.contains("you already have a place at the same hours on those days"),
            "{notices}"
        );
    })
    .await;
}

/// Moves placement `id` back `days` (its start and its creation), as if it
/// had started then: the clock moving on, without waiting.
async fn started_days_ago(app: &TestApp, id: i32, days: i64) {
    created_days_ago(app, id, days).await;
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET status = 'active', start_date = '{}' WHERE id = {id}",
            days_from_now(-days)
        ))
        .await
        .unwrap();
}

/// The student took placement `id` `days` ago.
async fn created_days_ago(app: &TestApp, id: i32, days: i64) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    entity::placement::ActiveModel {
        id: Set(id),
        created_at: Set(chrono::Utc::now() - chrono::Duration::days(days)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

async fn log(
    app: &TestApp,
    student: &Client,
    placement: i32,
    day: &str,
    hours: &str,
    what: &str,
) -> reqwest::Response {
    let page = format!("/student/placements/{placement}");
    app.submit_as(
        student,
        &page,
        &format!("{page}/hours"),
        &[("work_date", day), ("hours", hours), ("description", what)],
    )
    .await
}

/// An adult student holding an internship and a job shadow, both under way
/// for ten days; returns (internship, shadow) placements.
async fn two_placements(
    app: &TestApp,
    lakeshore: &Client,
    harbor: &Client,
    mei: &Client,
) -> (i32, i32) {
    let internship = app.published(lakeshore, &posting(&[])).await;
    let application = id_from(&apply(app, mei, internship).await);
    employer_act(app, lakeshore, application, "offer").await;
    assert_eq!(
        accept(app, mei, application).await.status(),
        StatusCode::SEE_OTHER
    );
    let day = days_from_now(70);
    let shadow_posting = app
        .published(
            harbor,
            &shadow("Morning rounds", &day, "09:00", "13:00", "1"),
        )
        .await;
    assert_eq!(
        apply(app, mei, shadow_posting).await.status(),
        StatusCode::SEE_OTHER
    );
    let internship = placement_at(app, internship, "Mei").await;
    let shadow = placement_at(app, shadow_posting, "Mei").await;
    for id in [internship, shadow] {
        started_days_ago(app, id, 10).await;
    }
    (internship, shadow)
}

#[tokio::test]
async fn twelve_hours_a_day_count_over_every_placement_of_the_student() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;
        let (internship, shadow) = two_placements(&app, &lakeshore, &harbor, &mei).await;
        let yesterday = days_from_now(-1);

        assert_eq!(
            log(
                &app,
                &mei,
                internship,
                &yesterday,
                "8",
                "Wired a sensor board"
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let refused = log(&app, &mei, shadow, &yesterday, "5", "Followed the nurse").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = body(refused).await;
        assert!(
            text.contains("At most 12 hours a day, all your placements together")
                && text.contains("you already logged 8 for that day")
                && text.contains("“Robotics lab intern”"),
            "{text}"
        );
        assert_eq!(app.count("hour_log").await, 1, "nothing written");
        assert_eq!(
            log(&app, &mei, shadow, &yesterday, "4", "Followed the nurse")
                .await
                .status(),
            StatusCode::SEE_OTHER,
            "12 in all is allowed"
        );
    })
    .await;
}

#[tokio::test]
async fn two_entries_on_two_placements_at_once_cannot_both_pass_the_daily_cap() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;
        let (internship, shadow) = two_placements(&app, &lakeshore, &harbor, &mei).await;
        let day = days_from_now(-2);
        for round in 0..3 {
            let what = format!("Round {round}");
            let (a, b) = tokio::join!(
                log(&app, &mei, internship, &day, "8", &what),
                log(&app, &mei, shadow, &day, "8", &what),
            );
            let mut statuses = [a.status(), b.status()];
            statuses.sort();
            if round == 0 {
                assert_eq!(
                    statuses,
                    [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY],
                    "one of the two"
                );
            } else {
                assert_eq!(statuses, [StatusCode::UNPROCESSABLE_ENTITY; 2]);
            }
        }
        let total = app
            .number(&format!(
                "SELECT CAST(COALESCE(SUM(quarter_hours), 0) AS BIGINT) AS n FROM hour_log \
                 WHERE work_date = '{day}'"
            ))
            .await;
        assert_eq!(total, 32, "8 hours, never 16");
    })
    .await;
}

#[tokio::test]
async fn an_employer_cannot_approve_hours_that_take_the_students_day_past_the_cap() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;
        let (internship, shadow) = two_placements(&app, &lakeshore, &harbor, &mei).await;
        // Two entries of 9 hours for one day, logged before the cap counted
        // every placement (so still waiting for review).
        let day = days_from_now(-3);
        for placement in [internship, shadow] {
            use sea_orm::{ActiveModelTrait, ActiveValue::Set};
            entity::hour_log::ActiveModel {
                placement_id: Set(placement),
                work_date: Set(chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap()),
                quarter_hours: Set(36),
                description: Set("A long day".into()),
                status: Set(entity::HoursStatus::Pending),
                reviewed_by: Set(None),
                reviewed_at: Set(None),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        let entry = |placement: i32| {
            let sql = format!(
                "SELECT CAST(id AS BIGINT) AS n FROM hour_log WHERE placement_id = {placement}"
            );
            let app = &app;
            async move { app.number(&sql).await }
        };
        let (first, second) = (entry(internship).await, entry(shadow).await);
        let approve = |employer: &Client, placement: i32, id: i64| {
            let page = format!("/employer/placements/{placement}");
            let action = format!("/employer/hours/{id}/approve");
            let employer = employer.clone();
            let app = &app;
            async move { app.submit_as(&employer, &page, &action, &[]).await }
        };
        assert_eq!(
            approve(&lakeshore, internship, first).await.status(),
            StatusCode::SEE_OTHER
        );
        let refused = approve(&harbor, shadow, second).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let text = body(refused).await;
        assert!(
            text.contains("These 9 hours cannot be approved")
                && text.contains("9 approved already, 9 of them on another placement"),
            "{text}"
        );
        // The other organization is not named to this one.
        assert!(!text.contains("Lakeshore") && !text.contains("Robotics lab intern"));
        assert_eq!(
            app.count(&format!(
                "hour_log WHERE id = {second} AND status = 'pending'"
            ))
            .await,
            1,
            "nothing written"
        );
        let page = format!("/employer/placements/{shadow}");
        let response = app
            .submit_as(
                &harbor,
                &page,
                &format!("/employer/hours/{second}/reject"),
                &[],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "rejecting stays possible"
        );
    })
    .await;
}

#[tokio::test]
async fn no_hours_are_logged_for_a_day_before_the_student_held_the_place() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mei = student(&app, school, "Mei", 12, ADULT).await;
        let (internship, _) = two_placements(&app, &lakeshore, &harbor, &mei).await;
        // The internship began ten days ago; Mei accepted it three days ago
        // (an offer made after the start).
        created_days_ago(&app, internship, 3).await;
        let refused = log(&app, &mei, internship, &days_from_now(-5), "3", "Soldering").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = body(refused).await;
        assert!(text.contains("You have held this place since"), "{text}");
        assert_eq!(app.count("hour_log").await, 0, "nothing written");
        assert_eq!(
            log(&app, &mei, internship, &days_from_now(-1), "3", "Soldering")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

/// eyes16a F2, F3: a student who holds a place at the same hours enters a
/// fair draw like anyone else as far as the employer and the public can
/// tell (counted among the entries, their code on the record, an ordinary
/// wait list), hears the truth on their own page, and takes a free seat as
/// soon as they give the other place back.
#[tokio::test]
async fn a_draw_entrant_holding_a_clashing_place_looks_ordinary_and_gets_a_free_seat_once_it_ends()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let ana = student(&app, school, "Ana", 12, ADULT).await;
        let lin = student(&app, school, "Lin", 12, ADULT).await;
        let day = days_from_now(60);
        let held = app
            .published(&harbor, &shadow("Health day", &day, "09:00", "12:00", "1"))
            .await;
        assert_eq!(
            apply(&app, &ana, held).await.status(),
            StatusCode::SEE_OTHER
        );
        // A fair draw with sixteen seats at overlapping hours.
        let drawn = app
            .published(
                &lakeshore,
                &posting(&[
                    ("title", "Robot arena"),
                    ("kind", "job_shadow"),
                    ("allocation", "fair_draw"),
                    ("slots", "16"),
                    ("start_date", &day),
                    ("end_date", &day),
                    ("start_time", "09:00"),
                    ("end_time", "14:30"),
                ]),
            )
            .await;
        for who in [&ana, &lin] {
            assert_eq!(
                apply(&app, who, drawn).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET deadline = '{}' WHERE id = {drawn}",
                days_from_now(-1)
            ))
            .await
            .unwrap();
        let manage = format!("/employer/opportunities/{drawn}");
        let response = app
            .submit_as(&lakeshore, &manage, &format!("{manage}/draw"), &[])
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        assert!(placement_at(&app, drawn, "Lin").await > 0, "Lin is seated");
        assert_eq!(placements_of(&app, "Ana").await, 1, "no seat beside hers");

        // The employer counts both applications as entries.
        let posting_page = body(app.get_as(&lakeshore, &manage).await).await;
        assert!(
            posting_page.contains("The draw is done: 2 entries for 16 seats."),
            "{posting_page}"
        );
        // Ana's code is on the public record, as her page says, and the
        // record gives no reason for any line.
        let anas = application_of(&app, drawn, "Ana").await;
        let own = body(
            app.get_as(&ana, &format!("/student/applications/{anas}"))
                .await,
        )
        .await;
        let code = own
            .split("Your entry code is ")
            .nth(1)
            .and_then(|rest| rest.split(':').next())
            .expect("Ana's code")
            .to_owned();
        assert!(
            own.contains("you held a place at the same hours elsewhere"),
            "{own}"
        );
        let record = body(
            app.get_as(
                &reqwest::Client::new(),
                &format!("/opportunities/{drawn}/draw"),
            )
            .await,
        )
        .await;
        assert!(record.contains("2 applications for 16 seats"), "{record}");
        assert!(
            record.contains(&format!("data-entry=\"{code}\"")),
            "{record}"
        );
        assert!(!record.contains("same hours"), "{record}");
        assert!(
            record.contains("The order below is the one the rule gives"),
            "{record}"
        );

        // Ana gives the other place back: the free seat here is hers at once.
        let hers = placement_at(&app, held, "Ana").await;
        let page = format!("/student/placements/{hers}");
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(placement_at(&app, drawn, "Ana").await > 0, "Ana is seated");
        let applicants = body(
            app.get_as(&lakeshore, &format!("{manage}/applicants"))
                .await,
        )
        .await;
        assert!(applicants.contains("2 of 16 slots taken"), "{applicants}");
    })
    .await;
}
