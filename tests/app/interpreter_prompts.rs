//! A family we write to in English because we do not write their language
//! (eyes18b F3): each notice that asks them to act, to keep their child
//! away or to say whether it was them tells the student's counselors to
//! call them through an interpreter, with what it said, once it went out
//! (held back, it asks nobody). A routine consent request, a family that
//! reads the mail's language, or a contact the school removed does not.

use reqwest::StatusCode;

use crate::{
    families::{maria, placement_status, text},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::backends,
};

const PROMPT: &str = "Call the family of Ana Rivera through an interpreter";

/// The counselor's notifications once they hold `needle`: a placement's
/// notice asks the counselors once the worker sent it.
async fn news_with(
    app: &crate::helpers::TestApp,
    w: &crate::families::World,
    needle: &str,
) -> String {
    for _ in 0..300 {
        let news = text(app, &w.counselor, "/notifications").await;
        if news.contains(needle) {
            return news;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no notification saying “{needle}”");
}

/// The counselor records María's paper consent form for `placement`.
async fn paper_form_given(
    app: &crate::helpers::TestApp,
    w: &crate::families::World,
    placement: i32,
) {
    let response = app
        .submit_as(
            &w.counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{placement}/consent"),
            &[
                ("guardian_name", "María Rivera"),
                ("relationship", "madre"),
                ("decision", "give"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn notices_a_vietnamese_family_must_understand_prompt_the_counselor_to_call_them() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "vi").await;
        // The consent request itself already carries the consent list's note.
        let news = text(&app, &w.counselor, "/notifications").await;
        assert!(!news.contains(PROMPT), "{news}");

        // A paper form recorded in her name: "if that was not you...".
        paper_form_given(&app, &w, placement).await;
        assert_eq!(placement_status(&app, placement).await, "active");
        server.wait_for_to("maria@example.org", 2, 15).await;
        let news = news_with(&app, &w, "recorded a paper consent form").await;
        assert!(
            news.contains(&format!(
                "{PROMPT}: María Rivera reads Vietnamese, which we do not write, and was just \
                 emailed in English that the school recorded a paper consent form"
            )),
            "{news}"
        );
        assert!(
            news.replace("&#x2f;", "/")
                .contains(&format!("href=\"/counselor/students/{}\"", w.student_id)),
            "{news}"
        );

        // The host suspended: "your child should not go there for now".
        let response = app
            .review(&w.admin, "Lakeshore Robotics", "suspend", "Under review.")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        news_with(
            &app,
            &w,
            "emailed in English that the student should not go to their placement for now",
        )
        .await;
    }
}

#[tokio::test]
async fn a_family_that_reads_the_mails_language_prompts_nobody() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "es").await;
        paper_form_given(&app, &w, placement).await;
        server.wait_for_to("maria@example.org", 2, 15).await;
        let news = text(&app, &w.counselor, "/notifications").await;
        assert!(!news.contains("through an interpreter"), "{news}");
    }
}

/// The counselor takes María, who reads Vietnamese, out of the family's
/// record (inactive): the former contact is told, but the counselors are
/// not asked to phone her through an interpreter; she is no longer the
/// family they call (eyes20 F9).
#[tokio::test]
async fn a_contact_made_inactive_is_told_but_nobody_is_asked_to_call_her() {
    for backend in backends() {
        let Waiting { app, w, .. } = waiting_for_maria(backend, "vi").await;
        let response =
            crate::guardian_contacts::correct_maria(&app, &w, "maria@example.org", "false").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count(
                "mail_outbox WHERE recipient = 'maria@example.org' \
                 AND subject LIKE '%no longer writes to this address%'"
            )
            .await,
            1,
            "the former contact is told"
        );
        let news = text(&app, &w.counselor, "/notifications").await;
        assert!(!news.contains(PROMPT), "{news}");
    }
}

/// The relay is down while the host is suspended, reinstated and
/// suspended again: María's "the review is over" is held back by the
/// second suspension, and the two "should not go" notices go out once the
/// relay is back. The counselors are asked to call about those, never
/// about the reinstatement she was not told of (eyes20 F5).
#[tokio::test]
async fn a_notice_held_back_asks_no_counselor_to_call_the_family() {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "vi").await;
        server.stop().await;
        for decision in ["suspend", "reinstate", "suspend"] {
            crate::reinstatement_mail::decide(&app, &w.admin.client, decision).await;
        }
        server.restart().await;
        crate::reinstatement_mail::due_now(&app).await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind LIKE 'placement-resumed-%-guardian' \
             AND last_error = 'withheld'",
            1,
            "the reinstatement's news held back",
        )
        .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "the rest went out",
        )
        .await;
        let news = news_with(&app, &w, "should not go to their placement for now").await;
        assert!(!news.contains("the review of the host is over"), "{news}");
    }
}

/// The guardian form offers Mam (and Karen, K'iche', Marshallese and
/// Navajo), named in English and in Spanish, as mailed in English. A
/// counselor sets Mam on María, recorded as reading Spanish: the paper
/// form's notice reaches her in English with no line on top (we write
/// none in Mam), and the counselor is asked to call her through an
/// interpreter.
#[tokio::test]
async fn a_counselor_sets_mam_and_the_family_is_mailed_in_english_and_called_through_an_interpreter()
 {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "es").await;
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        for option in [
            r#"<option value="mam">Mam (mail in English)</option>"#,
            r#"<option value="mh">Marshallese (mail in English)</option>"#,
            r#"<option value="nv">Navajo (mail in English)</option>"#,
            r#"<option value="ksw">"#,
            r#"<option value="quc">"#,
        ] {
            assert!(page.contains(option), "{option}: {page}");
        }
        let page = w
            .counselor
            .get(app.url(&record))
            .header(reqwest::header::ACCEPT_LANGUAGE, "es")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(r#"<option value="mh">Marshalés (correo en inglés)</option>"#),
            "{page}"
        );

        let guardian = maria(&app).await;
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "María"),
                    ("family_name", "Rivera"),
                    ("email", "maria@example.org"),
                    ("phone", ""),
                    ("language", "mam"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.language, "mam");
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(r#"<option value="mam" selected>Mam (mail in English)</option>"#),
            "{page}"
        );
        assert!(
            page.contains("we have no line in Mam: they get our emails in English only"),
            "{page}"
        );

        // A paper form recorded in her name: "if that was not you...".
        paper_form_given(&app, &w, placement).await;
        let mail = server
            .wait_for_subject("maria@example.org", "confirmed on a paper form", 30)
            .await;
        assert_eq!(mail.header("Content-Language").as_deref(), Some("en"));
        assert!(!mail.html().contains("border-left: 4px"), "{}", mail.html());
        let news = news_with(&app, &w, "reads Mam").await;
        assert!(
            news.contains(&format!(
                "{PROMPT}: María Rivera reads Mam, which we do not write, and was just \
                 emailed in English that the school recorded a paper consent form"
            )),
            "{news}"
        );
    }
}

/// A consent reminder asks the counselors to call once it went out, not
/// when it was queued: one held back because the counselor corrected the
/// address meanwhile (the correction asked the new address afresh) told
/// the family nothing (eyes40 F10).
#[tokio::test]
async fn a_consent_reminder_prompts_the_counselor_once_sent_and_one_held_back_prompts_nobody() {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "vi").await;
        let reminded = "a reminder that their consent is still needed";
        let remind = async |days: i64| {
            let later = chrono::Utc::now() + chrono::Duration::days(days);
            stembridge::placements::reminder::remind(&app.db, later)
                .await
                .unwrap()
        };
        assert_eq!(remind(5).await, 1);
        server
            .wait_for_subject("maria@example.org", "Reminder", 15)
            .await;
        news_with(&app, &w, reminded).await;

        // The next reminder waits for the relay; the counselor corrects
        // the address meanwhile.
        server.stop().await;
        assert_eq!(remind(10).await, 1);
        let response =
            crate::guardian_contacts::correct_maria(&app, &w, "maria.rivera@example.net", "true")
                .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;
        crate::reinstatement_mail::due_now(&app).await;
        app.wait_for_count(
            "mail_outbox WHERE notice_kind = 'consent-reminder' AND last_error = 'readdressed'",
            1,
            "the second reminder held back",
        )
        .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "the rest went out",
        )
        .await;
        assert_eq!(
            app.count(&format!("notification WHERE message LIKE '%{reminded}%'"))
                .await,
            1,
            "the first reminder's prompt only"
        );
    }
}

/// A mother who signs chose Spanish for our mail on her settings page: she
/// reads it, and a call about it still needs a sign-language interpreter,
/// as her record says; a notice she must understand still asks the
/// counselor to call, through a sign-language interpreter (eyes40 F10).
#[tokio::test]
async fn a_signing_family_that_chose_english_mail_still_prompts_a_call_through_an_interpreter() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "ase").await;
        let settings = first.link("/email/");
        let guardian = crate::helpers::new_client();
        let response = app
            .submit_as(
                &guardian,
                &settings,
                &settings,
                &[("language", "es"), ("updates", "on")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            crate::families::maria(&app)
                .await
                .language_chosen
                .as_deref(),
            Some("es")
        );
        paper_form_given(&app, &w, placement).await;
        server.wait_for_to("maria@example.org", 2, 15).await;
        news_with(
            &app,
            &w,
            "Call the family of Ana Rivera through a sign-language interpreter (a video relay \
             service): María Rivera signs American Sign Language, and was just emailed that the \
             school recorded a paper consent form",
        )
        .await;
    }
}

/// A Spanish reminder waits for the relay when the school corrects María's
/// language to Vietnamese, which we do not write: the reminder is held
/// back and she is asked again in English, still as a reminder, so the
/// counselors are asked to call her once it went out (eyes41b G3).
#[tokio::test]
async fn a_reminder_held_back_for_a_corrected_language_comes_back_as_a_reminder_with_its_prompt() {
    for backend in backends() {
        let Waiting {
            mut server, app, w, ..
        } = waiting_for_maria(backend, "es").await;
        server.stop().await;
        let later = chrono::Utc::now() + chrono::Duration::days(5);
        assert_eq!(
            stembridge::placements::reminder::remind(&app.db, later)
                .await
                .unwrap(),
            1
        );
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
        let response = crate::guardian_contacts::correct_maria_reading(
            &app,
            &w,
            "maria@example.org",
            "true",
            "vi",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count(
                "mail_outbox WHERE notice_kind = 'consent-reminder' AND last_error = 'relanguaged'"
            )
            .await,
            1,
            "the Spanish reminder held back"
        );
        server.restart().await;
        crate::reinstatement_mail::due_now(&app).await;
        let mail = server
            .wait_for_subject("maria@example.org", "Reminder", 60)
            .await;
        assert_eq!(mail.header("Content-Language").as_deref(), Some("en"));
        news_with(&app, &w, "a reminder that their consent is still needed").await;
    }
}
