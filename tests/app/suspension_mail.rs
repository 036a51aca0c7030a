//! What a suspension does to mail (eyes16b F1, F5): the student who holds
//! the placement's calendar entry is told not to go, as the family is, and
//! each entry our confirmations put in a calendar is cancelled; mail the
//! organization caused that still waits when the suspension lands never
//! goes out. Real SMTP throughout.

use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::{
    families::{
        accept, app_with_smtp, give_consent, placement_status, set_placement_days, text, users,
        world,
    },
    family_news::{ana_confirms_her_address, calendar_of, sequence_of, uid_of},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{backends, location, new_client, posting},
    mail_server::MailServer,
};

#[tokio::test]
async fn a_suspension_mails_the_student_not_to_go_and_cancels_the_calendar_entries_of_student_and_family()
 {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        ana_confirms_her_address(&app, &w).await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let invitation = calendar_of(&confirmed);

        let response = app
            .review(
                &w.admin.client,
                "Lakeshore Robotics",
                "suspend",
                "A complaint is being looked into.",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Ana, who may simply turn up there, hears it by mail whatever she
        // chose about optional mail, her calendar entry cancelled.
        let ana = server
            .wait_for_subject("ana@students.org", "Do not go to", 30)
            .await;
        assert!(ana.text().contains("Lakeshore Robotics"), "{}", ana.text());
        assert!(
            ana.text()
                .contains(&format!("/student/placements/{placement}")),
            "{}",
            ana.text()
        );
        let cancelled = calendar_of(&ana);
        assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");
        assert_eq!(uid_of(&cancelled), uid_of(&invitation), "the same event");

        // María, in Spanish, with the entry her confirmation sent cancelled.
        let maria = server
            .wait_for_subject("maria@example.org", "no debe ir", 30)
            .await;
        let cancelled = calendar_of(&maria);
        assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");
        assert_eq!(uid_of(&cancelled), uid_of(&invitation));
        assert!(sequence_of(&cancelled) > sequence_of(&invitation));
    }
}

#[tokio::test]
async fn mail_the_host_caused_that_still_waits_when_it_is_suspended_never_reaches_the_family() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        // The relay is down: the consent request and then the mentor
        // introduction wait in the outbox.
        server.stop().await;
        let placement = accept(&app, &w).await;
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        let page = format!("/employer/placements/{placement}");
        let response = app
            .submit_as(
                &employer,
                &page,
                &format!("{page}/mentor"),
                &[
                    ("name", "Victor Crane"),
                    ("role", "Lead engineer"),
                    ("languages", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count("mail_outbox WHERE recipient = 'maria@example.org' AND sent_at IS NULL")
                .await,
            2,
            "both wait"
        );
        let response = app
            .review(
                &w.admin.client,
                "Lakeshore Robotics",
                "suspend",
                "Staff member under investigation.",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;
        // The relay is back before the next try is due: the clock moves on.
        app.db
            .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
            .await
            .unwrap();

        // The family hears not to go; neither the consent request nor the
        // introduction of the adult under review reaches her.
        server
            .wait_for_subject("maria@example.org", "should not go", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE recipient = 'maria@example.org' AND last_error = 'withheld' \
             AND (kind = 'consent_request' OR subject LIKE '%mentor%')",
            2,
            "both held back",
        )
        .await;
        for mail in server.received_to("maria@example.org") {
            assert!(
                !mail.subject().contains("mentor") && !mail.text().contains("Victor Crane"),
                "{}",
                mail.subject()
            );
            assert!(!mail.text().contains("/consent/"), "{}", mail.subject());
        }
    }
}

#[tokio::test]
async fn a_students_offer_and_confirmation_still_waiting_when_the_host_is_suspended_never_reach_her()
 {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        // An adult: her placement starts when she accepts, and her family
        // is not written to; only she is mailed.
        app.set_birth_date("Ana", "2000-01-01").await;
        let response = app
            .submit_as(
                &ana,
                "/account/email",
                "/account/email",
                &[("updates", "on"), ("language", "en")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let admin = app.admin().await;
        let erin = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&erin, &posting(&[])).await;
        let response = app
            .submit_as(
                &ana,
                &format!("/opportunities/{opportunity}"),
                &format!("/opportunities/{opportunity}/apply"),
                &[("note", "I love robots."), ("availability", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let application = location(&response).rsplit('/').next().unwrap().to_owned();

        // The relay is down: her offer, then her confirmation, wait.
        server.stop().await;
        let response = app
            .submit_as(
                &erin,
                "/employer",
                &format!("/employer/applications/{application}/offer"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = format!("/student/applications/{application}");
        let response = app
            .submit_as(
                &ana,
                &page,
                &format!("{page}/accept"),
                &[("belonging", "4")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let hosts_news = "mail_outbox WHERE recipient = 'ana@students.org' \
             AND (subject LIKE 'You have an offer%' OR subject LIKE 'Your placement is confirmed%')";
        app.wait_for_count(&format!("{hosts_news} AND sent_at IS NULL"), 2, "both wait")
            .await;

        let response = app
            .review(&admin, "Lakeshore Robotics", "suspend", "Under review.")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;
        app.db
            .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
            .await
            .unwrap();

        // She is told not to go (an adult: nobody else is); the host's
        // offer and confirmation, with its calendar entry, never arrive.
        server
            .wait_for_subject("ana@students.org", "Do not go to", 60)
            .await;
        app.wait_for_count(
            &format!("{hosts_news} AND last_error = 'withheld'"),
            2,
            "both held back",
        )
        .await;
        for mail in server.received_to("ana@students.org") {
            let subject = mail.subject();
            assert!(
                !subject.starts_with("You have an offer")
                    && !subject.starts_with("Your placement is confirmed"),
                "{subject}"
            );
        }
    }
}

/// A weekly digest lists postings of many hosts, so no one host is its
/// `about_organization`: it records every host it lists. Queued while the
/// relay is down, it is held back whole if one of them is suspended before
/// it goes out, and the student's week given back (the next run queues
/// it without that host); a digest listing only hosts still verified
/// arrives.
#[tokio::test]
async fn a_digest_still_waiting_when_a_host_it_lists_is_suspended_never_goes_out() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ben = app.student(school, "Ben", "Okafor", 10).await;
        let cleo = app.student(school, "Cleo", "Diaz", 10).await;
        // Cleo needs a flexible schedule, which only Harbor Health offers.
        let response = app
            .submit_as(
                &cleo,
                "/student/profile",
                "/student/profile",
                &[("needs", "flexible_schedule"), ("languages", "en")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "needs saved");
        for who in [&ben, &cleo] {
            let response = app
                .submit_as(
                    who,
                    "/account/email",
                    "/account/email",
                    &[("digest", "on"), ("language", "en")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let admin = app.admin().await;
        let lakeshore = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let harbor = app
            .verified_employer(&admin, "Harbor Health", "hal@harbor.org")
            .await;
        app.published(&lakeshore, &posting(&[("title", "Robot arena")]))
            .await;
        let clinic = app
            .published(
                &harbor,
                &posting(&[
                    ("title", "Clinic data day"),
                    ("features", "flexible_schedule"),
                ]),
            )
            .await;
        // Ben's saved search with email on found the clinic day this week
        // (set-up: what the alerts job records).
        let ben_id = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM app_user WHERE email = 'ben@students.org'")
            .await as i32;
        let now = chrono::Utc::now();
        let search = entity::saved_search::ActiveModel {
            user_id: Set(ben_id),
            name: Set("Clinic days".into()),
            query: Set("q=clinic".into()),
            email: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        entity::saved_search_alert::ActiveModel {
            saved_search_id: Set(search.id),
            opportunity_id: Set(clinic),
            created_at: Set(now),
            mailed_at: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();

        // The relay is down when the week's digests are queued.
        server.stop().await;
        let queued = stembridge::mail::digest::run_once(&app.db, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(queued, 2);
        app.wait_for_count(
            "mail_outbox WHERE kind = 'digest' AND sent_at IS NULL AND failed_at IS NULL \
             AND attempts > 0",
            2,
            "both tried and waiting",
        )
        .await;
        let response = app
            .review(&admin, "Lakeshore Robotics", "suspend", "Under review.")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;
        app.db
            .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
            .await
            .unwrap();

        // Cleo's digest names only Harbor Health: it arrives.
        let digest = server
            .wait_for_subject("cleo@students.org", "new opportunit", 60)
            .await;
        assert!(
            digest.text().contains("Clinic data day"),
            "{}",
            digest.text()
        );
        // Ben's names the suspended host too: held back, never sent.
        app.wait_for_count(
            "mail_outbox WHERE recipient = 'ben@students.org' AND kind = 'digest' \
             AND last_error = 'withheld' AND sent_at IS NULL",
            1,
            "Ben's digest held back",
        )
        .await;
        for mail in server.received() {
            assert!(!mail.text().contains("Robot arena"), "{}", mail.subject());
        }
        // Ben's week is given back (his saved search's find too): the next
        // run queues his news without the suspended host, and it arrives.
        app.wait_for_count("mail_digest", 1, "Ben's week given back")
            .await;
        let queued = stembridge::mail::digest::run_once(&app.db, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(queued, 1);
        let digest = server
            .wait_for_subject("ben@students.org", "2 new opportunities", 60)
            .await;
        assert!(
            digest.text().contains("Clinic data day"),
            "{}",
            digest.text()
        );
        assert!(digest.text().contains("Clinic days"), "{}", digest.text());
        assert!(!digest.text().contains("Robot arena"), "{}", digest.text());
        assert_eq!(
            stembridge::mail::digest::run_once(&app.db, chrono::Utc::now())
                .await
                .unwrap(),
            0,
            "one digest a week still"
        );
    }
}

/// A birth date that makes a student 18 by the start would start the
/// placement without a guardian's consent: while the host is under review
/// no consent starts one (paper or link), so neither does this. Refused
/// (409) in the counselor's language, ticked or not, with nothing saved;
/// once the host is verified again the same date starts it (eyes17c F2).
#[tokio::test]
async fn a_birth_date_cannot_start_a_placement_at_a_suspended_host() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        let response = app
            .review(
                &w.admin.client,
                "Lakeshore Robotics",
                "suspend",
                "Under review.",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let record = format!("/counselor/students/{}", w.student_id);
        let action = format!("{record}/birth-date");
        for ticked in ["yes", ""] {
            let response = app
                .submit_as(
                    &w.counselor,
                    &record,
                    &action,
                    &[
                        ("date_of_birth", "2000-01-10"),
                        ("start_without_consent", ticked),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::CONFLICT, "{ticked}");
            let body = response.text().await.unwrap();
            assert!(
                body.contains("the organization hosting it is under review"),
                "{body}"
            );
            assert!(body.contains("Nothing was saved"), "{body}");
        }
        app.get_as(&w.counselor.client, "/language/es").await;
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &action,
                &[
                    ("date_of_birth", "2000-01-10"),
                    ("start_without_consent", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = response.text().await.unwrap();
        assert!(body.contains("está en revisión"), "{body}");
        assert!(body.contains("No se guardó nada"), "{body}");
        // Nothing written: the roster's date, the placement, the audit log.
        assert_eq!(
            app.count("student WHERE first_name = 'Ana' AND date_of_birth = '2011-05-01'")
                .await,
            1
        );
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(
            app.count("audit_log WHERE action = 'set_birth_date'").await,
            0
        );
        assert_eq!(app.count("placement_calendar").await, 0, "no confirmation");

        let response = app
            .review(&w.admin.client, "Lakeshore Robotics", "reinstate", "")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &action,
                &[
                    ("date_of_birth", "2000-01-10"),
                    ("start_without_consent", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

/// A placement whose last day is past, left open because nobody completed
/// it, has no day to stay away from: a suspension mails nobody about it
/// and cancels no calendar entry, as the reinstatement tells nobody about
/// it (eyes17c F5). Its counselor is still told.
#[tokio::test]
async fn a_placement_whose_last_day_is_past_hears_nothing_of_a_suspension() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        ana_confirms_her_address(&app, &w).await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_to("maria@example.org", 2, 15).await;
        set_placement_days(&app, placement, -40, -10).await;
        assert_eq!(placement_status(&app, placement).await, "active");
        let revision = "SELECT CAST(last_sequence AS BIGINT) AS n FROM placement_calendar";
        let confirmed = app.number(revision).await;

        for decision in ["suspend", "reinstate", "suspend"] {
            let response = app
                .review(
                    &w.admin.client,
                    "Lakeshore Robotics",
                    decision,
                    "Under review.",
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{decision}");
        }
        // Queued in the review's transaction: none at all.
        assert_eq!(
            app.count("mail_outbox WHERE notice_kind LIKE 'placement-paused%'")
                .await,
            0
        );
        assert_eq!(
            app.count("mail_outbox WHERE notice_kind LIKE 'placement-resumed%'")
                .await,
            0
        );
        assert_eq!(app.number(revision).await, confirmed, "no file made");
        let counselor = text(&app, &w.counselor.client, "/notifications").await;
        assert!(counselor.contains("Lakeshore Robotics"), "{counselor}");
    }
}
