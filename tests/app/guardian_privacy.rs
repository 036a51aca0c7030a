//! What a student's browser cannot learn of their family (eyes16b F2):
//! which guardian declined their placement.

use reqwest::StatusCode;

use crate::{
    families::{accept, text, users, world},
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
