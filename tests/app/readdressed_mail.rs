//! Mail queued to a guardian whose address a counselor corrects before it
//! goes out (eyes20 F10): nothing reaches the address corrected away from;
//! a notice about the child's placement reaches the guardian at the new
//! address, its links working there; a consent request the correction
//! asked again is held back, and the admins' mail page says why.

use reqwest::StatusCode;

use crate::{
    families::text,
    guardian_contacts::{Waiting, correct_maria, waiting_for_maria},
    helpers::{backends, new_client},
    reinstatement_mail::{count_subject, decide, due_now},
};

const FORMER: &str = "maria@example.org";
const NEW: &str = "maria.rivera@example.net";

/// The relay is down when the host is suspended: María's "should not go
/// for now" waits; the counselor corrects her address meanwhile. Once the
/// relay is back the notice goes to her new address (its settings link
/// opens there), and the former one hears only that the address changed.
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
        let paused = server.wait_for_subject(NEW, "should not go", 60).await;
        assert!(
            paused.text().contains("Lakeshore Robotics"),
            "{}",
            paused.text()
        );
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
        assert_eq!(count_subject(&server, NEW, "should not go"), 1);
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
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = correct_maria(&app, &w, NEW, "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        server.restart().await;
        due_now(&app).await;
        // Asked afresh, in the Spanish the correction set.
        server
            .wait_for_subject(NEW, "Se necesita su consentimiento", 60)
            .await;
        let held = "mail_outbox WHERE kind = 'consent_request' AND last_error = 'readdressed'";
        app.wait_for_count(held, 1, "the request to the former address held back")
            .await;
        app.wait_for_count(
            "mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            0,
            "everything went out",
        )
        .await;
        assert_eq!(
            count_subject(&server, FORMER, "consent"),
            1,
            "the first only"
        );

        let list = text(&app, &w.admin.client, "/admin/mail").await;
        assert!(
            list.contains("Nothing went to the address it was queued to"),
            "{list}"
        );
    }
}
