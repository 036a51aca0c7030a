//! A family we write to in English because we do not write their language
//! (eyes18b F3): each notice that asks them to act, to keep their child
//! away or to say whether it was them tells the student's counselors to
//! call them through an interpreter, with what it said. A routine consent
//! request, or a family that reads the mail's language, does not.

use reqwest::StatusCode;

use crate::{
    families::{placement_status, text},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::backends,
};

const PROMPT: &str = "Call the family of Ana Rivera through an interpreter";

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
        assert_eq!(placement_status(&app, placement).await, "active");
        server.wait_for_to("maria@example.org", 2, 15).await;
        let news = text(&app, &w.counselor, "/notifications").await;
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
        let news = text(&app, &w.counselor, "/notifications").await;
        assert!(
            news.contains(
                "emailed in English that the student should not go to their placement for now"
            ),
            "{news}"
        );
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
