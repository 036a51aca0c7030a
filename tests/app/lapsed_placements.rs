//! A placement whose dates ended while it still waited for a guardian's
//! consent is closed by the system (`placements::lapse`, run by the hourly
//! consent job): it gives up its seat (to the wait list only while the
//! posting's dates are not over), counts as placed nowhere, and the
//! student, the employer and the school are told; the family hears only
//! that the request is closed. Real SMTP for the family's mail.

use chrono::Utc;
use reqwest::{Client, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use stembridge::placements::lapse::close_lapsed;

use crate::{
    applications::{apply, student},
    counseling::funnel,
    families::{placement_status, text},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{PASSWORD, TestApp, backends, days_from_now, new_client, on_each_backend, posting},
    seats::{application_status, placement_of, seats_agree, shadow},
};

/// Placement `id` (and, with `posting`, its posting) ran from `from` to
/// `to` days from today: the clock moved on, without waiting.
async fn dated(app: &TestApp, id: i32, from: i64, to: i64, posting: bool) {
    let (start, end) = (days_from_now(from), days_from_now(to));
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{start}', end_date = '{end}' WHERE id = {id}"
        ))
        .await
        .unwrap();
    if posting {
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET start_date = '{start}', end_date = '{end}', \
                 deadline = '{start}' WHERE id = \
                 (SELECT opportunity_id FROM placement WHERE id = {id})"
            ))
            .await
            .unwrap();
    }
}

/// A student of `school` on the roster, with an application to and a
/// placement at `opportunity` in `status`, written as set-up; the
/// placement's id.
async fn placed(
    app: &TestApp,
    school: i32,
    first: &str,
    opportunity: i32,
    status: entity::PlacementStatus,
) -> i32 {
    app.roster_student(school, first, "Student", 9, &format!("code-{first}"))
        .await;
    let student_id = app
        .number(&format!(
            "SELECT CAST(id AS BIGINT) AS n FROM student WHERE first_name = '{first}'"
        ))
        .await as i32;
    let now = Utc::now();
    let application = entity::application::ActiveModel {
        opportunity_id: Set(opportunity),
        student_id: Set(student_id),
        school_id: Set(Some(school)),
        status: Set(entity::ApplicationStatus::Accepted),
        note: Set(String::new()),
        availability: Set(String::new()),
        accommodations: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    entity::placement::ActiveModel {
        application_id: Set(application.id),
        opportunity_id: Set(opportunity),
        student_id: Set(student_id),
        status: Set(status),
        start_date: Set(now.date_naive() + chrono::Duration::days(10)),
        end_date: Set(now.date_naive() + chrono::Duration::days(40)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// The school's placement rate in the groups export (the `school` row).
async fn school_placement_rate(app: &TestApp, counselor: &Client) -> f64 {
    let response = app
        .get_as(counselor, "/counselor/dashboard/groups.csv?lang=en")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.unwrap();
    let row = csv
        .lines()
        .find(|line| line.ends_with(",school"))
        .unwrap_or_else(|| panic!("a school row: {csv}"));
    row.split(',')
        .nth(5)
        .and_then(|rate| rate.parse().ok())
        .unwrap_or_else(|| panic!("a placement rate: {row}"))
}

/// Ana's placement waited for María's consent until its dates were over
/// (so did Lea's, on another posting). The hourly job closes both, once:
/// called off with a reason no form offers, counted as placed nowhere from
/// the very next page (the dashboard's remembered figures and the groups
/// export included), Ana, the employer and the school told in the app (the
/// school in its own language), María mailed only that the request is
/// closed, and the audit log naming the system.
#[tokio::test]
async fn a_placement_whose_dates_ended_before_any_consent_is_closed_and_counted_nowhere() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let link = first.link("/consent/");
        let lincoln = app
            .number("SELECT CAST(school_id AS BIGINT) AS n FROM student WHERE first_name = 'Ana'")
            .await as i32;
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", PASSWORD)
            .await;
        let second = app
            .published(
                &employer,
                &posting(&[("title", "Second lab intern"), ("slots", "20")]),
            )
            .await;
        // 25 students: Ana, twelve placed, Lea waiting for consent, Tia
        // too, and ten not placed.
        let mut active = Vec::new();
        for i in 0..12 {
            let id = placed(
                &app,
                lincoln,
                &format!("Placed{i}"),
                second,
                entity::PlacementStatus::Active,
            )
            .await;
            active.push(id);
        }
        let lea = placed(
            &app,
            lincoln,
            "Lea",
            second,
            entity::PlacementStatus::AwaitingConsent,
        )
        .await;
        // And Tia, whose placement's last day is today: not over yet.
        let today = placed(
            &app,
            lincoln,
            "Tia",
            second,
            entity::PlacementStatus::AwaitingConsent,
        )
        .await;
        for i in 0..10 {
            app.roster_student(
                lincoln,
                &format!("Other{i}"),
                "Student",
                9,
                &format!("o-{i}"),
            )
            .await;
        }
        let dashboard = async || {
            let response = app.get_as(&w.counselor, "/counselor/dashboard").await;
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap()
        };
        for _ in 0..2 {
            let page = dashboard().await;
            assert_eq!(funnel(&page, "cohort"), Some(25), "{page}");
            assert_eq!(funnel(&page, "placed"), Some(15), "{page}");
        }
        let before = school_placement_rate(&app, &w.counselor).await;
        assert!((before - 60.0).abs() < 0.1, "15 of 25: {before}");

        // Nobody answered; the days went by.
        dated(&app, placement, -30, -1, true).await;
        dated(&app, lea, -20, -2, false).await;
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE,
            "a consent now would cover days already past"
        );
        dated(&app, today, -5, 0, false).await;
        // María's link ran out its 14 days long before: she still hears the
        // request is closed (eyes15c F4).
        {
            use sea_orm::{EntityTrait, sea_query::Expr};
            entity::consent_request::Entity::update_many()
                .col_expr(
                    entity::consent_request::Column::ExpiresAt,
                    Expr::value(Utc::now() - chrono::Duration::days(1)),
                )
                .exec(&app.db)
                .await
                .unwrap();
        }

        assert_eq!(close_lapsed(&app.db, Utc::now()).await.unwrap(), 2);
        assert_eq!(close_lapsed(&app.db, Utc::now()).await.unwrap(), 0, "once");
        for id in [placement, lea] {
            assert_eq!(placement_status(&app, id).await, "cancelled");
            assert_eq!(
                app.count(&format!(
                    "placement WHERE id = {id} AND end_reason = 'consent_not_received' \
                     AND ended_by IS NULL AND ended_at IS NOT NULL"
                ))
                .await,
                1
            );
        }
        assert_eq!(placement_status(&app, today).await, "awaiting_consent");
        assert_eq!(placement_status(&app, active[0]).await, "active");

        // Counted nowhere, from the very next page.
        let page = dashboard().await;
        assert_eq!(funnel(&page, "placed"), Some(13), "{page}");
        let after = school_placement_rate(&app, &w.counselor).await;
        assert!((after - 52.0).abs() < 0.1, "13 of 25: {after}");

        // María hears the request is closed, nothing more.
        let closed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            closed.subject().contains("Consent request closed"),
            "{}",
            closed.subject()
        );
        let mail = closed.text();
        for expected in [
            "the request is closed",
            "you do not need to answer",
            "Lincoln High",
        ] {
            assert!(mail.contains(expected), "{expected}: {mail}");
        }
        for alarming in ["should not go", "safety", "declined", "withdr", "cancel"] {
            assert!(
                !mail.to_lowercase().contains(alarming),
                "{alarming}: {mail}"
            );
        }
        assert!(closed.attachments().is_empty(), "no calendar to cancel");
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE
        );

        // Ana, in the app and on her placement's page.
        let notices = text(&app, &w.student, "/notifications").await;
        assert!(
            notices.contains("consent was recorded before its dates ended"),
            "{notices}"
        );
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(
            page.contains("Called off before it started: No guardian"),
            "{page}"
        );
        // The employer.
        let notices = text(&app, &employer, "/notifications").await;
        assert!(
            notices.contains("The placement at “Robotics lab intern” is closed"),
            "{notices}"
        );
        // The school, in the counselor's language.
        let notices = text(&app, &w.counselor, "/notifications").await;
        assert!(
            notices.contains("Ana Rivera") && notices.contains("is closed"),
            "{notices}"
        );
        app.get_as(&w.counselor, "/language/es").await;
        let notices = text(&app, &w.counselor, "/notifications").await;
        assert!(
            notices.contains("La práctica «Robotics lab intern» de Ana Rivera"),
            "{notices}"
        );
        assert!(notices.contains("se cerró"), "{notices}");

        // The reason is the system's alone: no form offers or takes it.
        let record = format!("/counselor/placements/{}", active[0]);
        let form = text(&app, &w.counselor, &record).await;
        assert!(form.contains("value=\"safety\""), "{form}");
        assert!(!form.contains("consent_not_received"), "{form}");
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/end"),
                &[("reason", "consent_not_received")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body = response.text().await.unwrap();
        assert!(body.contains("un motivo de la lista."), "{body}");
        assert_eq!(placement_status(&app, active[0]).await, "active");

        // On the audit log as the system's act.
        let audit = text(
            &app,
            &w.admin,
            "/admin/audit?action=close_unconsented_placement",
        )
        .await;
        assert!(
            audit.contains("STEMbridge, on its own (a scheduled job)"),
            "{audit}"
        );
        assert!(
            audit.contains(&format!("placement {placement} (consent_not_received")),
            "{audit}"
        );
        assert_eq!(
            app.count("audit_log WHERE action = 'close_unconsented_placement' AND actor_id = 0 AND actor_kind = 'system'")
                .await,
            2
        );
    }
}

/// Two job-shadow days, one seat each, each with a student waiting for
/// consent and one on the wait list. On the day that is over, the seat
/// freed goes to nobody; on the one the employer moved later, it goes to
/// the student waiting. Two runs at once close each placement once.
#[tokio::test]
async fn a_seat_freed_by_a_lapsed_placement_goes_to_the_wait_list_only_while_the_posting_runs() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let over = shadow(&app, &employer, "1").await;
        let moved = shadow(&app, &employer, "1").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        for (name, day) in [("Ada", over), ("Ben", over), ("Cal", moved), ("Dee", moved)] {
            // No birth date on file: a minor until the school says otherwise.
            let client = student(&app, lincoln, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, day).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        assert_eq!(application_status(&app, "Ben", over).await, "waitlisted");
        assert_eq!(application_status(&app, "Dee", moved).await, "waitlisted");
        let (ada, status) = placement_of(&app, "Ada", over).await.unwrap();
        assert_eq!(status, "awaiting_consent");
        let (cal, _) = placement_of(&app, "Cal", moved).await.unwrap();
        // The first day is over, posting and placement; the second was
        // moved to a later date after Cal's placement was made.
        dated(&app, ada, -3, -3, true).await;
        dated(&app, cal, -3, -3, false).await;

        let now = Utc::now();
        let (first, second) = tokio::join!(close_lapsed(&app.db, now), close_lapsed(&app.db, now));
        assert_eq!(first.unwrap() + second.unwrap(), 2, "each closed once");
        assert_eq!(placement_status(&app, ada).await, "cancelled");
        assert_eq!(placement_status(&app, cal).await, "cancelled");
        assert_eq!(application_status(&app, "Ben", over).await, "waitlisted");
        assert_eq!(placement_of(&app, "Ben", over).await, None);
        assert_eq!(seats_agree(&app, over).await, 0);
        assert_eq!(application_status(&app, "Dee", moved).await, "accepted");
        let (dee, status) = placement_of(&app, "Dee", moved).await.unwrap();
        assert_eq!(status, "awaiting_consent");
        assert_eq!(seats_agree(&app, moved).await, 1);
        assert_eq!(
            app.count(&format!(
                "placement WHERE id = {dee} AND end_date = '{}'",
                days_from_now(60)
            ))
            .await,
            1,
            "the posting's own day"
        );
        assert_eq!(close_lapsed(&app.db, Utc::now()).await.unwrap(), 0);
        assert_eq!(
            app.count("audit_log WHERE action = 'close_unconsented_placement'")
                .await,
            2
        );
    })
    .await;
}

/// Ada waits for a job-shadow seat behind a place at the same hours that
/// waited for consent. When that place lapses, the free seat where she
/// waits is hers at once (`placements::free_seats`, as after a
/// withdrawal), not a minute later at the draws job's sweep; while the
/// place was open, it was not.
#[tokio::test]
async fn a_lapsed_place_frees_its_student_for_the_seat_they_wait_for_at_once() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        // Two job-shadow days at the same hours, one seat each.
        let held = shadow(&app, &employer, "1").await;
        let waited = shadow(&app, &employer, "1").await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        // No birth dates on file: minors, whose places wait for consent.
        let ada = student(&app, lincoln, "Ada", 11, "").await;
        let bo = student(&app, lincoln, "Bo", 11, "").await;
        assert_eq!(
            apply(&app, &ada, held).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            apply(&app, &bo, waited).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            apply(&app, &ada, waited).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(application_status(&app, "Ada", waited).await, "waitlisted");
        let (adas, status) = placement_of(&app, "Ada", held).await.unwrap();
        assert_eq!(status, "awaiting_consent");

        // Bo gives his seat back: Ada's place clashes, so she stays in line
        // and the seat stays free.
        let (bos, _) = placement_of(&app, "Bo", waited).await.unwrap();
        let page = format!("/student/placements/{bos}");
        let response = app
            .submit_as(
                &bo,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(application_status(&app, "Ada", waited).await, "waitlisted");
        assert_eq!(seats_agree(&app, waited).await, 0);

        // The clock moves on: Ada's day was three days ago, no consent came;
        // the day she waits for runs every day this week and next, at the
        // same hours, so it still clashes until her place is closed.
        dated(&app, adas, -3, -3, true).await;
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET start_date = '{}', end_date = '{}' WHERE id = {waited}",
                days_from_now(-5),
                days_from_now(5)
            ))
            .await
            .unwrap();
        assert_eq!(close_lapsed(&app.db, Utc::now()).await.unwrap(), 1);

        // Right as the lapse is recorded, not at the next sweep.
        assert_eq!(placement_status(&app, adas).await, "cancelled");
        assert_eq!(application_status(&app, "Ada", waited).await, "accepted");
        let (seated, status) = placement_of(&app, "Ada", waited).await.unwrap();
        assert_eq!(status, "awaiting_consent");
        assert_eq!(seats_agree(&app, waited).await, 1);
        assert_eq!(
            app.count(&format!(
                "notification WHERE link LIKE '%/student/placements/{seated}%'"
            ))
            .await,
            1,
            "Ada is told of the seat"
        );
    })
    .await;
}
