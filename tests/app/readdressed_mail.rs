//! Mail queued to a guardian whose address a counselor corrects before it
//! goes out (eyes20 F10): nothing reaches the address corrected away from;
//! a notice about the child's placement reaches the guardian at the new
//! address, in the language she has then (the same form often corrects
//! it), its links working there; a consent request the correction asked
//! again is held back, and the admins' mail page says why. Mail
//! about a child reaches no contact taken off that child's record, and
//! none while a family's report holds the child (eyes40 F1, F2).

use reqwest::StatusCode;

use crate::{
    families::{accept, app_with_smtp, give_consent, text, upload, world},
    guardian_contacts::{Waiting, correct_maria, correct_maria_reading, waiting_for_maria},
    helpers::{backends, new_client},
    mail_server::{FULL_MAILBOX, MailServer},
    reinstatement_mail::{count_subject, decide, due_now},
};

const FORMER: &str = "maria@example.org";
const NEW: &str = "maria.rivera@example.net";

/// The counselor sends María's consent request again (the relay down:
/// it waits).
async fn resend(app: &crate::helpers::TestApp, w: &crate::families::World, placement: i32) {
    let response = app
        .submit_as(
            &w.counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{placement}/consent-resend"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// The relay is back: the consent request waiting for María's former
/// address is held back as `why` (its `last_error`), the rest goes out,
/// only her first request reached that address, and /admin/mail says
/// `admins_read`.
async fn first_request_only(
    app: &crate::helpers::TestApp,
    server: &mut MailServer,
    w: &crate::families::World,
    why: &str,
    admins_read: &str,
) {
    server.restart().await;
    due_now(app).await;
    let held = format!("mail_outbox WHERE kind = 'consent_request' AND last_error = '{why}'");
    app.wait_for_count(&held, 1, "the request held back").await;
    app.wait_for_count(
        "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        0,
        "everything went out",
    )
    .await;
    assert_eq!(
        count_subject(server, FORMER, "consent"),
        1,
        "the first only"
    );
    let list = text(app, &w.admin.client, "/admin/mail").await;
    assert!(list.contains(admins_read), "{list}");
}

/// The relay is down when the host is suspended: María's "should not go
/// for now" waits, in English; the counselor corrects her address, and her
/// language to Spanish, meanwhile. Once the relay is back the notice goes
/// to her new address in Spanish (its settings link opens there), and the
/// former one hears only that the address changed.
#[tokio::test]
async fn a_notice_queued_before_a_guardians_address_was_corrected_reaches_her_at_the_new_address_only()
 {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        decide(&app, &w.admin.client, "suspend").await;
        let response = correct_maria(&app, &w, NEW, "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let paused = server.wait_for_subject(NEW, "no debe ir", 60).await;
        assert_eq!(paused.header("Content-Language").as_deref(), Some("es"));
        assert!(
            paused
                .text()
                .contains("Lakeshore Robotics está en revisión por el distrito escolar"),
            "{}",
            paused.text()
        );
        assert!(!paused.text().contains("under review"), "{}", paused.text());
        let settings = paused.link("/email/");
        let page = new_client().get(app.url(&settings)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{settings}");
        server
            .wait_for_subject(FORMER, "changed the address", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(count_subject(&server, FORMER, "should not go"), 0);
        assert_eq!(count_subject(&server, FORMER, "no debe ir"), 0);
        assert_eq!(count_subject(&server, NEW, "no debe ir"), 1);
        assert_eq!(count_subject(&server, NEW, "should not go"), 0);
    }
}

/// María's consent request waits for the relay when the counselor
/// corrects her address: the correction asks the new address afresh, and
/// the request queued to the former one is held back, never sent there,
/// with the reason on /admin/mail.
#[tokio::test]
async fn a_consent_request_queued_before_the_address_was_corrected_is_held_back_and_the_new_address_asked()
 {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "en").await;
        // Sent again while the relay is down: that request waits.
        server.stop().await;
        resend(&app, &w, placement).await;
        let response = correct_maria(&app, &w, NEW, "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        first_request_only(
            &app,
            &mut server,
            &w,
            "readdressed",
            "Nothing went to the address it was queued to",
        )
        .await;
        // Asked afresh, in the Spanish the correction set.
        server
            .wait_for_subject(NEW, "Se necesita su consentimiento", 60)
            .await;
    }
}

/// users.csv: Ana (stu-1) and her brother Beto (stu-2); their mother María
/// is a contact of Ana when `of_ana`, and of Beto always.
fn siblings(of_ana: bool) -> String {
    let ana_agents = if of_ana { "par-1" } else { "" };
    let maria_agents = if of_ana { "\"stu-1,stu-2\"" } else { "stu-2" };
    format!(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
         stu-1,true,sch-1,student,Ana,Rivera,11,,{ana_agents},\n\
         stu-2,true,sch-1,student,Beto,Rivera,9,,par-1,\n\
         par-1,true,sch-1,parent,María,Rivera,,{FORMER},{maria_agents},en\n"
    )
}

/// A consent request to María waits for the relay when the roster takes
/// her off Ana's record (a custody change) but keeps her for Beto: she is
/// still an active contact at the same address, and yet the request,
/// with the placement's where, when and supervisor, never reaches her.
#[tokio::test]
async fn mail_about_a_child_queued_to_a_parent_the_roster_took_off_that_childs_record_is_held_back()
{
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &siblings(true)).await;
        let placement = accept(&app, &w).await;
        server.wait_for_to(FORMER, 1, 15).await;
        server.stop().await;
        resend(&app, &w, placement).await;
        assert!(!upload(&app, &w.admin, &siblings(false)).await.refused);
        assert_eq!(
            app.count("guardian WHERE active = true").await,
            1,
            "María stays a contact, of Beto"
        );

        first_request_only(
            &app,
            &mut server,
            &w,
            "unlinked",
            "the guardian was taken off the record of the student it is about",
        )
        .await;
    }
}

/// A counselor adds a contact whose first consent request waits (her
/// mailbox is full); María reports the change she did not ask for. The
/// request waiting for the reported contact is held back, never sent.
#[tokio::test]
async fn a_consent_request_waiting_for_a_contact_the_family_reported_is_never_sent() {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "en").await;
        let rosa = format!("{FULL_MAILBOX}rosa@example.org");
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians"),
                &[
                    ("given_name", "Rosa"),
                    ("family_name", "Impostor"),
                    ("email", rosa.as_str()),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = server
            .wait_for_subject(FORMER, "added a parent or guardian contact", 15)
            .await
            .link("/address-report/");
        let waiting = format!(
            "mail_outbox WHERE recipient = '{rosa}' AND kind = 'consent_request' \
             AND sent_at IS NULL AND failed_at IS NULL AND attempts > 0"
        );
        app.wait_for_count(&waiting, 1, "Rosa's request refused for now")
            .await;
        let done = app.submit_as(&new_client(), &report, &report, &[]).await;
        assert_eq!(done.status(), StatusCode::OK);

        due_now(&app).await;
        app.wait_for_count(
            &format!("mail_outbox WHERE recipient = '{rosa}' AND last_error = 'reported'"),
            1,
            "the request to the reported contact held back",
        )
        .await;
        assert!(server.received_to(&rosa).is_empty());
        let list = text(&app, &w.admin.client, "/admin/mail").await;
        assert!(
            list.contains("reported a change of contact details they did not ask for"),
            "{list}"
        );
    }
}

/// María consented in Spanish; the relay is down when the host is
/// suspended, so her "should not go for now" waits in Spanish with the
/// calendar entry called off. The counselor corrects her address and her
/// language to English in one form: the notice reaches the new address in
/// English, its calendar file too, its settings link opening there.
#[tokio::test]
async fn a_readdressed_notice_goes_in_the_language_the_counselor_corrected_with_the_address() {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            first,
            ..
        } = waiting_for_maria(backend, "es").await;
        let (guardian, link) = (new_client(), first.link("/consent/"));
        app.get_as(&guardian, &link).await;
        let response = give_consent(&app, &guardian, &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_subject(FORMER, "está confirmada", 60).await;
        server.stop().await;
        decide(&app, &w.admin.client, "suspend").await;
        let waiting = "mail_outbox WHERE language = 'es' AND notice_kind = 'placement-paused-guardian' AND sent_at IS NULL";
        app.wait_for_count(waiting, 1, "the pause notice queued in Spanish")
            .await;
        let response = correct_maria_reading(&app, &w, NEW, "true", "en").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let paused = server.wait_for_subject(NEW, "should not go", 60).await;
        assert_eq!(paused.header("Content-Language").as_deref(), Some("en"));
        assert!(
            paused
                .text()
                .contains("Lakeshore Robotics is under review by the school district"),
            "{}",
            paused.text()
        );
        assert!(!paused.text().contains("revisión"), "{}", paused.text());
        let attachments = paused.attachments();
        let (_, _, file) = attachments
            .iter()
            .find(|(name, _, _)| name.ends_with(".ics"))
            .expect("the calendar entry called off");
        let file = String::from_utf8_lossy(file);
        assert!(file.contains("STATUS:CANCELLED"), "{file}");
        assert!(file.contains("DESCRIPTION:STEM placement of Ana"), "{file}");
        assert!(!file.contains("Práctica"), "{file}");
        let settings = paused.link("/email/");
        let page = new_client().get(app.url(&settings)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{settings}");
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(count_subject(&server, FORMER, "no debe ir"), 0);
        assert_eq!(count_subject(&server, NEW, "no debe ir"), 0);
        assert_eq!(count_subject(&server, NEW, "should not go"), 1);
    }
}

/// Her address stays; only her language is corrected to Spanish while her
/// "should not go for now" waits in English: it goes in Spanish.
#[tokio::test]
async fn a_waiting_notice_goes_in_the_language_corrected_meanwhile_at_the_same_address() {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        decide(&app, &w.admin.client, "suspend").await;
        let response = correct_maria_reading(&app, &w, FORMER, "true", "es").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let paused = server.wait_for_subject(FORMER, "no debe ir", 60).await;
        assert_eq!(paused.header("Content-Language").as_deref(), Some("es"));
        assert!(
            paused.text().contains("está en revisión"),
            "{}",
            paused.text()
        );
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(count_subject(&server, FORMER, "should not go"), 0);
        assert_eq!(count_subject(&server, FORMER, "no debe ir"), 1);
    }
}

/// The school had the wrong person on file: while María's "should not go
/// for now" waits, the counselor corrects the contact's name and address
/// in one form. The notice reaches the right guardian greeting her by her
/// name, never by the name the school had by mistake (eyes41 F6).
#[tokio::test]
async fn a_readdressed_notice_greets_the_guardian_by_the_name_on_file_now() {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        decide(&app, &w.admin.client, "suspend").await;
        let guardian = crate::families::maria(&app).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "Rosa"),
                    ("family_name", "Delgado"),
                    ("email", NEW),
                    ("phone", ""),
                    ("language", "en"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let paused = server.wait_for_subject(NEW, "should not go", 60).await;
        assert!(
            paused.text().contains("Hello Rosa Delgado,"),
            "{}",
            paused.text()
        );
        assert!(!paused.text().contains("María"), "{}", paused.text());
        assert!(!paused.html().contains("María"), "{}", paused.html());
    }
}

/// The relay is down when Ana accepts: María's consent request waits, in
/// English. The counselor corrects only her language, to Spanish: the
/// waiting request is held back unsent and she is asked again in Spanish,
/// so the one mail she must act on is in the language on file (eyes41 F4).
#[tokio::test]
async fn a_waiting_consent_request_goes_in_the_language_corrected_meanwhile() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        server.stop().await;
        let w = world(&app, &crate::families::users("en")).await;
        accept(&app, &w).await;
        let waiting = "mail_outbox WHERE kind = 'consent_request' AND language = 'en' \
                       AND sent_at IS NULL AND failed_at IS NULL";
        assert_eq!(app.count(waiting).await, 1, "her request waits in English");
        let response = correct_maria_reading(&app, &w, FORMER, "true", "es").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let asked = server
            .wait_for_subject(FORMER, "Se necesita su consentimiento", 60)
            .await;
        assert_eq!(asked.header("Content-Language").as_deref(), Some("es"));
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(count_subject(&server, FORMER, "Your consent is needed"), 0);
        assert_eq!(
            count_subject(&server, FORMER, "Se necesita su consentimiento"),
            1
        );
        // Her Spanish link works; the admins read why the first went nowhere.
        let page = app.get_as(&new_client(), &asked.link("/consent/")).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert_eq!(
            app.count("mail_outbox WHERE last_error = 'relanguaged'")
                .await,
            1
        );
        let list = text(&app, &w.admin.client, "/admin/mail").await;
        assert!(
            list.contains("the guardian&#x27;s language was corrected")
                || list.contains("the guardian's language was corrected"),
            "{list}"
        );
    }
}

/// María's request was sent again while the relay is down, in English;
/// meanwhile she chooses Spanish on her settings page (its link came with
/// her first request). The waiting request goes nowhere; she is asked
/// again in Spanish (eyes41 F4).
#[tokio::test]
async fn a_waiting_consent_request_goes_in_the_language_the_guardian_chose_meanwhile() {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        server.stop().await;
        resend(&app, &w, placement).await;
        let settings = first.link("/email/");
        let guardian = new_client();
        let response = app
            .submit_as(
                &guardian,
                &settings,
                &settings,
                &[("language", "es"), ("updates", "on")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);

        server.restart().await;
        due_now(&app).await;
        server
            .wait_for_subject(FORMER, "Se necesita su consentimiento", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(
            count_subject(&server, FORMER, "Your consent is needed"),
            1,
            "the first only"
        );
        assert_eq!(
            app.count("mail_outbox WHERE last_error = 'relanguaged'")
                .await,
            1
        );
    }
}

/// The relay is down when Ana accepts: the consent request to María's
/// (right) address waits, greeting "María Rivera". The school had the
/// wrong person's name on it, and the counselor corrects only the name: the
/// waiting request is held back unsent and she is asked again by her name,
/// so she never reads the name the school had on file (eyes41b G2).
#[tokio::test]
async fn a_waiting_consent_request_greets_the_name_corrected_meanwhile() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        server.stop().await;
        let w = world(&app, &crate::families::users("en")).await;
        accept(&app, &w).await;
        // The worker tried it once (the relay down) and let it go: a
        // request a worker holds while the school corrects the record is
        // not the case here (it goes out as queued, eyes41b G3.2).
        app.wait_for_count(
            "mail_outbox WHERE kind = 'consent_request' AND sent_at IS NULL \
             AND failed_at IS NULL AND attempts >= 1 AND claimed_until IS NULL",
            1,
            "tried once and let go",
        )
        .await;
        let guardian = crate::families::maria(&app).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "Marta"),
                    ("family_name", "Rivera"),
                    ("email", FORMER),
                    ("phone", ""),
                    ("language", "en"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        let asked = server
            .wait_for_subject(FORMER, "Your consent is needed", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        for body in [asked.text(), asked.html()] {
            assert!(body.contains("Marta Rivera"), "{body}");
            assert!(!body.contains("María"), "{body}");
        }
        assert_eq!(count_subject(&server, FORMER, "Your consent is needed"), 1);
        assert_eq!(
            app.count("mail_outbox WHERE last_error = 'renamed'").await,
            1
        );
        let list = text(&app, &w.admin.client, "/admin/mail").await;
        assert!(
            list.contains("the guardian&#x27;s name was corrected")
                || list.contains("the guardian's name was corrected"),
            "{list}"
        );
    }
}

/// A worker round holds María's waiting consent request (trying the relay,
/// which is down) just as the counselor corrects her name and language:
/// the correction cannot hold it back. When the round lets it go and the
/// relay is back, it is checked again as it goes: held back, and she is
/// asked again in Spanish by her name (eyes41b G3.2).
#[tokio::test]
async fn a_consent_request_a_worker_held_during_the_correction_is_checked_again_as_it_goes() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        server.stop().await;
        let w = world(&app, &crate::families::users("en")).await;
        accept(&app, &w).await;
        let waiting = "mail_outbox WHERE kind = 'consent_request' AND sent_at IS NULL \
                       AND failed_at IS NULL";
        app.wait_for_count(
            &format!("{waiting} AND attempts >= 1 AND claimed_until IS NULL"),
            1,
            "tried once and let go",
        )
        .await;
        // A round claims it (another server's, say) ...
        let claim = |until: Option<chrono::DateTime<chrono::Utc>>| {
            entity::mail_outbox::Entity::update_many()
                .col_expr(
                    entity::mail_outbox::Column::ClaimedBy,
                    sea_orm::sea_query::Expr::value(until.map(|_| "another-round".to_owned())),
                )
                .col_expr(
                    entity::mail_outbox::Column::ClaimedUntil,
                    sea_orm::sea_query::Expr::value(until),
                )
                .filter(entity::mail_outbox::Column::Kind.eq("consent_request"))
                .filter(entity::mail_outbox::Column::SentAt.is_null())
                .exec(&app.db)
        };
        claim(Some(chrono::Utc::now() + chrono::Duration::minutes(10)))
            .await
            .unwrap();
        // ... while the counselor corrects her name and language.
        let guardian = crate::families::maria(&app).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "Marta"),
                    ("family_name", "Rivera"),
                    ("email", FORMER),
                    ("phone", ""),
                    ("language", "es"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count(waiting).await, 1, "not held: a round had it");
        // That round's try failed: it lets the request go.
        claim(None).await.unwrap();

        server.restart().await;
        due_now(&app).await;
        let asked = server
            .wait_for_subject(FORMER, "Se necesita su consentimiento", 60)
            .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert!(asked.text().contains("Marta Rivera"), "{}", asked.text());
        assert_eq!(count_subject(&server, FORMER, "Your consent is needed"), 0);
        assert_eq!(
            app.count("mail_outbox WHERE last_error = 'relanguaged'")
                .await,
            1
        );
        let page = app.get_as(&new_client(), &asked.link("/consent/")).await;
        assert_eq!(page.status(), StatusCode::OK);
    }
}
