//! What a reinstatement does to the mail a suspension held back or sent
//! (eyes16c F4-F6): a consent request held back reads as held for the
//! review, not as a bad address; the student and family are told what
//! happens to the placement (it goes on, its calendar entry back; or it
//! still waits for consent); a mentor introduction held back reaches the
//! family once, never for a placement that ended, never while the host is
//! suspended again. Real SMTP throughout.

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    families::{
        accept, app_with_smtp, give_consent, placement_status, set_placement_days,
        shift_consent_requests, text, users, world,
    },
    family_news::{ana_confirms_her_address, calendar_of, sequence_of, uid_of},
    guardian_contacts::{Waiting, correct_maria, waiting_for_maria},
    helpers::{TestApp, backends, new_client},
    mail_server::MailServer,
};

const HOST: &str = "Lakeshore Robotics";

/// The relay came back: mail retried meanwhile is due again now (the
/// clock moving on, without waiting for the backoff).
pub(crate) async fn due_now(app: &TestApp) {
    app.db
        .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
        .await
        .unwrap();
}

/// How many messages to `to` so far have `needle` in their subject.
pub(crate) fn count_subject(server: &MailServer, to: &str, needle: &str) -> usize {
    server
        .received_to(to)
        .iter()
        .filter(|m| m.subject().contains(needle))
        .count()
}

/// The `n`th message to `to` (from 1) with `needle` in its subject, once
/// it has come.
async fn nth_with_subject(
    server: &MailServer,
    to: &str,
    needle: &str,
    n: usize,
) -> crate::mail_server::Received {
    for _ in 0..600 {
        let found: Vec<_> = server
            .received_to(to)
            .into_iter()
            .filter(|m| m.subject().contains(needle))
            .collect();
        if let Some(mail) = found.into_iter().nth(n - 1) {
            return mail;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no message {n} to {to} about “{needle}”");
}

pub(crate) async fn decide(app: &TestApp, admin: &reqwest::Client, decision: &str) {
    let response = app
        .review(admin, HOST, decision, "A complaint is being looked into.")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{decision}");
}

/// The employer names Victor Crane as Ana's mentor.
async fn name_mentor(app: &TestApp, placement: i32) {
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
}

#[tokio::test]
async fn a_consent_request_held_back_by_a_suspension_reads_as_held_for_the_review_and_the_family_is_asked_once_reinstated()
 {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        ana_confirms_her_address(&app, &w).await;
        // The relay is down when Ana accepts: the consent request waits,
        // then the host is suspended and the worker holds it back.
        server.stop().await;
        let placement = accept(&app, &w).await;
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        server
            .wait_for_subject("maria@example.org", "should not go", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE kind = 'consent_request' AND last_error = 'withheld'",
            1,
            "the consent request held back",
        )
        .await;

        // Ana's page and the counselor's list say it is held for the
        // review: not "could not be delivered", no advice about the address.
        let page = format!("/student/placements/{placement}");
        let body = text(&app, &w.student, &page).await;
        assert!(
            body.contains("is held back while the organization is under review"),
            "{body}"
        );
        assert!(!body.contains("could not be delivered"), "{body}");
        assert!(body.contains("id=\"consent-under-review\""), "{body}");
        assert!(!body.contains("/consent-resend\""), "no button that 409s");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("held back while the organization is under review"),
            "{list}"
        );
        assert!(!list.contains("could not be delivered"), "{list}");
        assert!(!list.contains("Check the address"), "{list}");
        assert!(list.contains(&format!("id=\"under-review-{placement}\"")));

        // Reinstated: María hears the placement still waits for her
        // consent, then gets a working link; Ana is told the same.
        decide(&app, &w.admin.client, "reinstate").await;
        let still = server
            .wait_for_subject("maria@example.org", "your consent is still needed", 60)
            .await;
        assert!(still.text().contains(HOST), "{}", still.text());
        assert!(still.attachments().is_empty(), "no calendar entry");
        let request = server
            .wait_for_subject("maria@example.org", "Your consent is needed", 60)
            .await;
        let mine = server.received_to("maria@example.org");
        let at = |subject: &str| mine.iter().position(|m| m.subject() == subject).unwrap();
        assert!(at(&still.subject()) < at(&request.subject()), "in order");
        let ana = server
            .wait_for_subject("ana@students.org", "consent is still needed", 60)
            .await;
        assert!(
            ana.text()
                .contains(&format!("/student/placements/{placement}")),
            "{}",
            ana.text()
        );
        let response = give_consent(&app, &new_client(), &request.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        // The held-back request counted toward nothing and is gone from
        // the pages once the review ended.
        let body = text(&app, &w.student, &page).await;
        assert!(!body.contains("held back"), "{body}");
    }
}

#[tokio::test]
async fn a_reinstatement_tells_student_and_family_the_placement_goes_on_and_puts_the_calendar_entry_back()
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
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let invitation = calendar_of(&confirmed);
        decide(&app, &w.admin.client, "suspend").await;
        let paused = server
            .wait_for_subject("maria@example.org", "no debe ir", 30)
            .await;
        let cancelled = calendar_of(&paused);
        server
            .wait_for_subject("ana@students.org", "Do not go to", 30)
            .await;

        decide(&app, &w.admin.client, "reinstate").await;

        // The placement goes on (a reinstatement leaves it as it stood):
        // Ana may go from its first day (60 days away), her calendar entry
        // back by the same UID, confirmed, a later revision. Nobody has
        // been there yet: "as planned", not "again" (eyes17c F6).
        let start = entity::placement::Entity::find_by_id(placement)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .start_date;
        let ana = server
            .wait_for_subject("ana@students.org", "as planned", 60)
            .await;
        let english = stembridge::i18n::long_date(stembridge::i18n::Lang::En, start);
        assert!(
            ana.text()
                .contains(&format!("you may go there from {english}")),
            "{}",
            ana.text()
        );
        assert!(!ana.text().contains("again from"), "{}", ana.text());
        assert!(ana.text().contains(HOST), "{}", ana.text());
        let back = calendar_of(&ana);
        assert!(back.contains("STATUS:CONFIRMED"), "{back}");
        assert_eq!(uid_of(&back), uid_of(&invitation), "the same event");
        assert!(sequence_of(&back) > sequence_of(&cancelled));
        // María, in Spanish, likewise.
        let maria = server
            .wait_for_subject("maria@example.org", "como estaba previsto", 60)
            .await;
        let spanish = stembridge::i18n::long_date(stembridge::i18n::Lang::Es, start);
        assert!(
            maria
                .text()
                .contains(&format!("puede ir desde el {spanish}")),
            "{}",
            maria.text()
        );
        assert!(!maria.text().contains("volver"), "{}", maria.text());
        let back = calendar_of(&maria);
        assert!(back.contains("STATUS:CONFIRMED"), "{back}");
        assert_eq!(uid_of(&back), uid_of(&invitation));
        assert!(sequence_of(&back) > sequence_of(&cancelled));
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

#[tokio::test]
async fn a_placement_ended_during_the_suspension_hears_nothing_of_the_reinstatement() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        ana_confirms_her_address(&app, &w).await;
        // The mentor's introduction waits for the relay, and is held back
        // by the suspension.
        server.stop().await;
        let placement = accept(&app, &w).await;
        name_mentor(&app, placement).await;
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind = 'mentor-guardian' AND last_error = 'withheld'",
            1,
            "the introduction held back",
        )
        .await;
        // The school calls the placement off meanwhile.
        let response = app
            .submit_as(
                &w.counselor,
                &format!("/counselor/placements/{placement}"),
                &format!("/counselor/placements/{placement}/end"),
                &[("reason", "organization_change")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "cancelled");

        decide(&app, &w.admin.client, "reinstate").await;

        // Nothing about it is queued: no "you may go", no introduction.
        assert_eq!(
            app.count(
                "mail_outbox WHERE notice_kind LIKE 'placement-resumed%' \
                 OR (notice_kind = 'mentor-guardian' AND last_error IS NULL)"
            )
            .await,
            0
        );
        server
            .wait_for_subject("erin@lakeshore.org", "is verified again", 60)
            .await;
        for to in ["maria@example.org", "ana@students.org"] {
            for mail in server.received_to(to) {
                assert!(!mail.text().contains("Victor Crane"), "{}", mail.subject());
                assert!(!mail.subject().contains("may go to"), "{}", mail.subject());
                assert!(
                    !mail.subject().contains("still needed"),
                    "{}",
                    mail.subject()
                );
            }
        }
    }
}

/// Held back by a suspension, the introduction is sent after the
/// reinstatement; queued then and caught by a second suspension at once,
/// it is held back again and sent after the second reinstatement. Two
/// reviewers reinstating at once make one reinstatement. The family reads
/// it once in all, and only while the host is verified.
#[tokio::test]
async fn a_mentor_introduction_held_back_by_a_suspension_reaches_the_family_once_after_reinstatement()
 {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        server.stop().await;
        let placement = accept(&app, &w).await;
        name_mentor(&app, placement).await;
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        server
            .wait_for_subject("maria@example.org", "should not go", 60)
            .await;
        let held = "mail_outbox WHERE notice_kind = 'mentor-guardian' AND last_error = 'withheld'";
        app.wait_for_count(held, 1, "held back once").await;

        // Reinstated, and suspended again before the relay takes the
        // introduction queued by the reinstatement.
        server.stop().await;
        decide(&app, &w.admin.client, "reinstate").await;
        assert_eq!(
            app.count("mail_outbox WHERE notice_kind = 'mentor-guardian'")
                .await,
            2,
            "introduced again"
        );
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        app.wait_for_count(held, 2, "held back again").await;
        app.wait_for_count(
            "mail_outbox WHERE recipient = 'maria@example.org' \
             AND sent_at IS NULL AND failed_at IS NULL",
            0,
            "the rest of her mail went out",
        )
        .await;
        assert_eq!(count_subject(&server, "maria@example.org", "mentor"), 0);
        assert_eq!(
            count_subject(&server, "maria@example.org", "should not go"),
            2
        );

        // Two reviewers reinstate at once: one decision, one introduction.
        let admin = &w.admin.client;
        let (one, two) = tokio::join!(
            app.review(admin, HOST, "reinstate", ""),
            app.review(admin, HOST, "reinstate", ""),
        );
        let mut statuses = [one.status(), two.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
        let intro = server
            .wait_for_subject("maria@example.org", "mentor", 60)
            .await;
        assert!(intro.text().contains("Victor Crane"), "{}", intro.text());
        assert!(intro.text().contains("Lead engineer"), "{}", intro.text());
        // A last reinstatement would find nothing held back: nothing more.
        app.wait_for_count(
            "mail_outbox WHERE recipient = 'maria@example.org' \
             AND sent_at IS NULL AND failed_at IS NULL",
            0,
            "all of her mail went out",
        )
        .await;
        assert_eq!(count_subject(&server, "maria@example.org", "mentor"), 1);
        assert_eq!(
            app.count("mail_outbox WHERE notice_kind = 'mentor-guardian'")
                .await,
            3,
            "queued three times, sent once"
        );
    }
}

/// The calendar files `to` received so far, in the order they came.
fn calendars_to(server: &MailServer, to: &str) -> Vec<(String, String)> {
    server
        .received_to(to)
        .iter()
        .filter(|m| m.attachments().iter().any(|(n, _, _)| n.ends_with(".ics")))
        .map(|m| (m.subject(), calendar_of(m)))
        .collect()
}

/// A reviewer flips the host's status four times within a second, and the
/// school calls the placement off for a safety concern at once: each
/// calendar file of the placement, whoever made it, is a later revision
/// than every one before, so the cancellation is what every calendar
/// keeps (eyes17c F1). The placement had started: "again" (eyes17c F6).
#[tokio::test]
async fn a_placement_called_off_right_after_quick_suspensions_is_cancelled_in_every_calendar() {
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
        server.wait_for_to("maria@example.org", 2, 15).await;
        // Under way since the day before yesterday.
        set_placement_days(&app, placement, -2, 30).await;

        for decision in ["suspend", "reinstate", "suspend", "reinstate"] {
            decide(&app, &w.admin.client, decision).await;
        }
        let page = format!("/counselor/placements/{placement}");
        let response = app
            .submit_as(
                &w.counselor,
                &page,
                &format!("{page}/end"),
                &[("reason", "safety")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Mail to one person goes in the order it was queued: once the
        // call-off is in, everything before it is.
        let ana_off = server
            .wait_for_subject("ana@students.org", "will not go on", 60)
            .await;
        let maria_off = server
            .wait_for_subject("maria@example.org", "no seguirá", 60)
            .await;
        for (to, off) in [
            ("ana@students.org", &ana_off),
            ("maria@example.org", &maria_off),
        ] {
            let files = calendars_to(&server, to);
            // Ana: two pauses, the entries put back, the call-off; María:
            // her confirmation too. The first entry put back goes out only
            // if the worker sends it before the second suspension, which
            // holds it back (the second reinstatement puts it back again).
            let least = if to == "ana@students.org" { 4 } else { 5 };
            assert!(files.len() >= least, "{to}: {files:?}");
            for pair in files.windows(2) {
                assert!(
                    sequence_of(&pair[1].1) > sequence_of(&pair[0].1),
                    "{to}: “{}” after “{}”",
                    pair[1].0,
                    pair[0].0
                );
                assert_eq!(uid_of(&pair[1].1), uid_of(&pair[0].1), "one event");
            }
            let last = &files.last().unwrap().1;
            assert_eq!(last, &calendar_of(off), "{to}");
            assert!(last.contains("STATUS:CANCELLED"), "{last}");
        }
        // It had started: Ana may go "again" (the day after each
        // reinstatement), in English; María "puede volver", in Spanish.
        let again = server
            .wait_for_subject("ana@students.org", "You may go to", 5)
            .await;
        assert!(again.subject().ends_with("again"), "{}", again.subject());
        let tomorrow = stembridge::format::today() + chrono::Duration::days(1);
        let english = stembridge::i18n::long_date(stembridge::i18n::Lang::En, tomorrow);
        assert!(
            again
                .text()
                .contains(&format!("you may go there again from {english}")),
            "{}",
            again.text()
        );
        server
            .wait_for_subject("maria@example.org", "puede volver a", 5)
            .await;
    }
}

/// A link that ran out its days during the suspension could not be
/// answered: at the reinstatement the guardian gets a new one, after the
/// mail saying the review is over (eyes17c F3).
#[tokio::test]
async fn a_guardian_whose_link_ran_out_during_the_suspension_is_sent_a_new_one_at_reinstatement() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement: _,
            first,
        } = waiting_for_maria(backend, "en").await;
        decide(&app, &w.admin.client, "suspend").await;
        server
            .wait_for_subject("maria@example.org", "should not go", 30)
            .await;
        // Two weeks pass: her link runs out its 14 days.
        shift_consent_requests(
            &app,
            entity::consent_request::Column::CreatedAt,
            -15 * 24 * 60,
        )
        .await;
        shift_consent_requests(&app, entity::consent_request::Column::ExpiresAt, -24 * 60).await;

        decide(&app, &w.admin.client, "reinstate").await;
        let still = server
            .wait_for_subject("maria@example.org", "your consent is still needed", 60)
            .await;
        assert!(
            still.text().contains("we are sending you a new one now"),
            "{}",
            still.text()
        );
        let request =
            nth_with_subject(&server, "maria@example.org", "Your consent is needed", 2).await;
        assert_ne!(request.link("/consent/"), first.link("/consent/"));
        assert_eq!(app.count("consent_request").await, 2);
        let response = give_consent(&app, &new_client(), &request.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}

/// The outcome goes to whoever the pause told, and only to them (eyes17c
/// F4): a guardian added during the suspension is asked for consent, and
/// not told of a review nobody mentioned to him; a family told the pause
/// whose student is 18 by the start now (a roster's birth date) hears
/// that the review is over and that the school takes it from here, in its
/// language, as the student does.
#[tokio::test]
async fn the_outcome_of_a_review_goes_to_those_the_pause_told_and_only_to_them() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first: _,
        } = waiting_for_maria(backend, "es").await;
        ana_confirms_her_address(&app, &w).await;
        decide(&app, &w.admin.client, "suspend").await;
        server
            .wait_for_subject("maria@example.org", "no debe ir", 30)
            .await;
        // Jorge is added meanwhile.
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians"),
                &[
                    ("given_name", "Jorge"),
                    ("family_name", "Rivera"),
                    ("email", "jorge@example.org"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        decide(&app, &w.admin.client, "reinstate").await;
        let jorge = server
            .wait_for_subject("jorge@example.org", "Your consent is needed", 60)
            .await;
        assert!(jorge.text().contains("/consent/"), "{}", jorge.text());
        let maria = server
            .wait_for_subject("maria@example.org", "aún se necesita su consentimiento", 60)
            .await;
        assert!(maria.text().contains(HOST), "{}", maria.text());
        assert_eq!(
            app.count(
                "mail_outbox WHERE notice_kind LIKE 'placement-resumed%' \
                 AND recipient = 'jorge@example.org'"
            )
            .await,
            0,
            "nothing of a review he was never told of"
        );

        // Suspended again; a roster now says Ana was born in 2000: 18 by
        // the start, so the placement waits for the school, not for a
        // guardian (a roster never starts it).
        decide(&app, &w.admin.client, "suspend").await;
        server
            .wait_for_subject("jorge@example.org", "should not go", 30)
            .await;
        // (Set-up: what the roster import records; it leaves the
        // placement waiting.)
        app.set_birth_date("Ana", "2000-05-01").await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");

        decide(&app, &w.admin.client, "reinstate").await;
        let maria = nth_with_subject(&server, "maria@example.org", "terminó la revisión", 2).await;
        let body = maria.text();
        assert!(body.contains("no necesita su consentimiento"), "{body}");
        assert!(!body.contains("Responda"), "{body}");
        let jorge = server
            .wait_for_subject("jorge@example.org", "the review is over", 60)
            .await;
        assert!(
            jorge.text().contains("does not need your consent"),
            "{}",
            jorge.text()
        );
        let ana = nth_with_subject(&server, "ana@students.org", "the review is over", 2).await;
        assert!(
            ana.text().contains("waits for your school counselor"),
            "{}",
            ana.text()
        );
        // An adult's family is not asked for consent.
        assert_eq!(app.count("consent_request").await, 2, "María's and Jorge's");
    }
}

/// The pause told a guardian; a counselor corrects her address while the
/// host is suspended: she is the same contact, so the outcome reaches her
/// at the address on file now, and nothing more goes to the former one.
#[tokio::test]
async fn a_guardian_whose_address_was_corrected_during_the_suspension_hears_the_outcome_at_the_new_one()
 {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement: _,
            first: _,
        } = waiting_for_maria(backend, "es").await;
        ana_confirms_her_address(&app, &w).await;
        decide(&app, &w.admin.client, "suspend").await;
        server
            .wait_for_subject("maria@example.org", "no debe ir", 30)
            .await;
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        decide(&app, &w.admin.client, "reinstate").await;
        let maria = server
            .wait_for_subject(
                "maria.rivera@example.net",
                "aún se necesita su consentimiento",
                60,
            )
            .await;
        assert!(maria.text().contains(HOST), "{}", maria.text());
        assert_eq!(
            app.count(
                "mail_outbox WHERE notice_kind LIKE 'placement-resumed%' \
                 AND recipient = 'maria@example.org'"
            )
            .await,
            0,
            "nothing more to the former address"
        );
    }
}

/// Revisions of one placement's calendar entry issued at once, as two
/// servers (or two requests) would, in transactions held open a moment:
/// each is its own, and one issued after them all is above every one.
#[tokio::test]
async fn calendar_revisions_issued_at_once_are_all_different_and_the_next_is_above_them() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        use stembridge::placements::calendar_revision::next;
        let mut tasks = Vec::new();
        for i in 0..12 {
            let db = app.db.clone();
            tasks.push(tokio::spawn(async move {
                let txn = stembridge::db::begin_write(&db).await.unwrap();
                let revision = next(&txn, placement, i % 2 == 0).await.unwrap();
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                txn.commit().await.unwrap();
                revision.sequence
            }));
        }
        let mut issued = Vec::new();
        for task in tasks {
            issued.push(task.await.unwrap());
        }
        let mut distinct = issued.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), issued.len(), "{issued:?}");
        let after = next(&app.db, placement, false).await.unwrap().sequence;
        assert!(after > *distinct.last().unwrap(), "{after} {distinct:?}");
    }
}

/// A paper form recorded in María's name while the relay was slow, then
/// the host suspended: the worker held the confirmation back (the
/// family's only way to object, and its withdraw button). The
/// reinstatement sends it, as it reads now, before "you may go" (eyes18a F2).
#[tokio::test]
async fn a_paper_form_confirmation_held_back_by_a_suspension_is_sent_once_the_host_is_reinstated() {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "es").await;
        server.stop().await;
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "Tanya Williams"),
                    ("relationship", "mother"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "active");
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        server
            .wait_for_subject("maria@example.org", "no debe ir", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind = 'placement-guardian-paper' AND last_error = 'withheld'",
            1,
            "the confirmation held back",
        )
        .await;
        assert_eq!(count_subject(&server, "maria@example.org", "confirmada"), 0);

        decide(&app, &w.admin.client, "reinstate").await;

        // María gets the paper form's confirmation: who signed, the
        // button to withdraw, the calendar entry; then "as planned".
        let confirmed = server
            .wait_for_subject(
                "maria@example.org",
                "confirmada con un formulario en papel",
                60,
            )
            .await;
        assert!(
            confirmed.text().contains("Tanya Williams (mother)"),
            "{}",
            confirmed.text()
        );
        assert!(!confirmed.link("/withdraw/").is_empty());
        assert!(calendar_of(&confirmed).contains("STATUS:CONFIRMED"));
        server
            .wait_for_subject("maria@example.org", "como estaba previsto", 60)
            .await;
        let order: Vec<String> = server
            .received_to("maria@example.org")
            .iter()
            .map(|m| m.subject())
            .collect();
        let at = |needle: &str| order.iter().position(|s| s.contains(needle)).unwrap();
        assert!(
            at("formulario en papel") < at("como estaba previsto"),
            "{order:?}"
        );
        assert_eq!(count_subject(&server, "maria@example.org", "en papel"), 1);
    }
}

/// A confirmation held back for a placement that no longer goes ahead
/// (called off during the suspension) is not sent at reinstatement: the
/// family was told it will not go ahead.
#[tokio::test]
async fn a_confirmation_held_back_for_a_placement_called_off_meanwhile_is_not_sent_at_reinstatement()
 {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        let held =
            "mail_outbox WHERE notice_kind = 'placement-guardian' AND last_error = 'withheld'";
        app.wait_for_count(held, 1, "the confirmation held back")
            .await;
        let response = app
            .submit_as(
                &w.counselor,
                &format!("/counselor/placements/{placement}"),
                &format!("/counselor/placements/{placement}/end"),
                &[("reason", "organization_change")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        decide(&app, &w.admin.client, "reinstate").await;
        server
            .wait_for_subject("erin@lakeshore.org", "is verified again", 60)
            .await;
        assert_eq!(
            app.count("mail_outbox WHERE notice_kind = 'placement-guardian'")
                .await,
            1,
            "not queued again"
        );
        assert_eq!(
            count_subject(&server, "maria@example.org", "is confirmed"),
            0
        );
    }
}

/// The same for a confirmation of a guardian's own consent by link, given
/// in the moments before the suspension: sent once reinstated, with her
/// withdraw button.
#[tokio::test]
async fn a_link_consent_confirmation_held_back_by_a_suspension_is_sent_once_the_host_is_reinstated()
{
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind = 'placement-guardian' AND last_error = 'withheld'",
            1,
            "the confirmation held back",
        )
        .await;

        decide(&app, &w.admin.client, "reinstate").await;
        let confirmed = server
            .wait_for_subject("maria@example.org", "placement is confirmed", 60)
            .await;
        assert!(!confirmed.link("/withdraw/").is_empty());
        assert!(calendar_of(&confirmed).contains("STATUS:CONFIRMED"));
    }
}

/// María's confirmation (consent by link) and the mentor's introduction
/// are held back by a suspension, and a counselor corrects her address
/// before the reinstatement: both reach her at the new address, with a
/// withdraw button that works there, and nothing at the former one. The
/// held-back rows are known by the guardian they were written to, not by
/// the address (eyes20 F1).
#[tokio::test]
async fn a_confirmation_and_mentor_introduction_held_back_reach_a_guardian_at_her_corrected_address()
 {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        name_mentor(&app, placement).await;
        decide(&app, &w.admin.client, "suspend").await;
        server.restart().await;
        due_now(&app).await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind IN ('placement-guardian', 'mentor-guardian') \
             AND last_error = 'withheld'",
            2,
            "the confirmation and the introduction held back",
        )
        .await;
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        decide(&app, &w.admin.client, "reinstate").await;
        // The correction also set her language to Spanish: the mail reads
        // as it does now.
        let new = "maria.rivera@example.net";
        let confirmed = server.wait_for_subject(new, "está confirmada", 60).await;
        assert!(calendar_of(&confirmed).contains("STATUS:CONFIRMED"));
        let withdraw = confirmed.link("/withdraw/");
        let page = new_client().get(app.url(&withdraw)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{withdraw}");
        let intro = server.wait_for_subject(new, "mentor", 60).await;
        assert!(intro.text().contains("Victor Crane"), "{}", intro.text());
        for needle in ["confirm", "mentor"] {
            assert_eq!(count_subject(&server, "maria@example.org", needle), 0);
        }
    }
}
