//! What a student's browser cannot learn or change of their family (eyes16b
//! F2, F3): which guardian declined their placement, and the guardian's
//! email settings.

use reqwest::StatusCode;
use sea_orm::EntityTrait;

use crate::{
    families::{accept, give_consent, text, users, world},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{TestApp, backends, new_client, on_each_backend},
};

#[tokio::test]
async fn a_declined_placement_does_not_tell_the_student_which_guardian_declined() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let response = app
            .submit_as(
                &w.counselor,
                &format!("/counselor/placements/{placement}"),
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "Daniel Rivera"),
                    ("relationship", "father"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(
            !page.contains("Daniel Rivera") && !page.contains("Guardian consent:"),
            "{page}"
        );
        assert!(
            page.contains("Your school recorded a paper form declining consent"),
            "{page}"
        );
        // The school still reads who declined.
        let record = text(
            &app,
            &w.counselor,
            &format!("/counselor/placements/{placement}"),
        )
        .await;
        assert!(record.contains("Daniel Rivera"), "{record}");
    })
    .await;
}

#[tokio::test]
async fn a_guardian_declining_by_link_is_not_named_to_the_student() {
    for backend in backends() {
        let Waiting {
            app,
            w,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                &first.link("/consent/"),
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "mother"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(
            !page.contains("María Rivera")
                && !page.contains("Mar&#x27;")
                && !page.contains("mother"),
            "{page}"
        );
        assert!(page.contains("A guardian declined consent"), "{page}");
    }
}

#[tokio::test]
async fn a_student_signed_in_cannot_change_their_guardians_email_settings_and_a_change_is_audited()
{
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        let settings = first.link("/email/");
        let changed = "Your email settings on STEMbridge were changed";
        let maria = || async {
            entity::guardian::Entity::find()
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
        };
        let before = maria().await;

        // Ana's browser, holding a forwarded mail: refused, nothing saved.
        let response = app.get_as(&w.student, &settings).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("This page is for a parent or guardian")
        );
        let response = app
            .submit_as(&w.student, "/student", &settings, &[("language", "es")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let after = maria().await;
        assert_eq!(after.language_chosen, before.language_chosen);
        assert_eq!(after.mail_updates, before.mail_updates);
        let response = app
            .submit_as(
                &w.student,
                "/student",
                &format!("{settings}/withdraw-link"),
                &[("placement", "1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            app.count("audit_log WHERE action = 'change_guardian_mail_settings'")
                .await,
            0
        );

        // María, from her own browser: saved, and on the audit log.
        let guardian = new_client();
        let response = app
            .submit_as(&guardian, &settings, &settings, &[("language", "es")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        // And mailed, in the language she read before the change, with the
        // link to check them: whoever holds a forwarded mail cannot change
        // her settings unseen. Ana's refused tries sent nothing.
        let told = server
            .wait_for_subject("maria@example.org", changed, 15)
            .await;
        assert!(told.text().contains("If you did not"), "{}", told.text());
        assert_eq!(told.link("/email/"), settings);
        assert_eq!(
            server
                .received_to("maria@example.org")
                .iter()
                .filter(|m| m.subject() == changed)
                .count(),
            1
        );
        let after = maria().await;
        assert_eq!(after.language_chosen.as_deref(), Some("es"));
        assert!(!after.mail_updates);
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'change_guardian_mail_settings' \
                 AND actor_kind = 'guardian_link'"
            )
            .await,
            1
        );
        // A few a day at most: changed back and forth, she hears of three.
        for language in ["en", "es", "en", "es"] {
            let response = app
                .submit_as(&guardian, &settings, &settings, &[("language", language)])
                .await;
            assert_eq!(response.status(), StatusCode::OK);
        }
        let told = || {
            server
                .received_to("maria@example.org")
                .iter()
                .filter(|m| {
                    m.subject() == changed
                        || m.subject() == "Se cambió su configuración de correo en STEMbridge"
                })
                .count()
        };
        for _ in 0..150 {
            if told() >= 3 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // Time for a fourth to arrive, were one sent.
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        assert_eq!(told(), 3);
    }
}

/// eyes16c F1: the unsubscribe link in the footer of a guardian's
/// confirmation stops her confirmations too: a student's signed-in browser
/// is refused it as the settings page; her mail client's one-click POST
/// (no cookie) still works, is on the audit log, and she is told.
#[tokio::test]
async fn a_student_signed_in_cannot_stop_their_guardians_confirmations_by_the_unsubscribe_link() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let confirmed = server
            .wait_for_subject("maria@example.org", "is confirmed", 15)
            .await;
        let unsubscribe = confirmed.link("/unsubscribe/");
        let updates_on = || async { app.count("guardian WHERE mail_updates = true").await };

        let response = app.get_as(&w.student, &unsubscribe).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = app
            .submit_as(&w.student, "/student", &unsubscribe, &[])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(updates_on().await, 1);

        // Her mail client's one-click: no session, so hers.
        let response = new_client()
            .post(app.url(&unsubscribe))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(updates_on().await, 0);
        assert_eq!(
            app.count("audit_log WHERE action = 'change_guardian_mail_settings'")
                .await,
            1
        );
        server
            .wait_for_subject(
                "maria@example.org",
                "Your email settings on STEMbridge were changed",
                15,
            )
            .await;
    }
}
