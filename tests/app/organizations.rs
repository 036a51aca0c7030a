//! Organization verification, invitations and the public organization page.

use reqwest::{Client, StatusCode};

use crate::helpers::{PASSWORD, TestApp, location, new_client, on_each_backend, posting};

#[tokio::test]
async fn a_verified_organization_shows_its_open_postings_on_its_public_page() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let organization = app.organization_id("Lakeshore Robotics").await;
        let public = format!("/organizations/{organization}");
        assert_eq!(
            app.get_as(&new_client(), &public).await.status(),
            StatusCode::NOT_FOUND,
            "pending is private"
        );

        let queue = app
            .get_as(&admin, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            queue.contains("Lakeshore Robotics") && queue.contains("Waiting for verification (1)")
        );
        assert_eq!(
            app.review(&admin, "Lakeshore Robotics", "verify", "")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let id = app.draft(&employer, &posting(&[])).await;
        app.act(&employer, id, "publish").await;

        let body = app
            .get_as(&new_client(), &public)
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("Robotics lab intern"));
    })
    .await;
}

#[tokio::test]
async fn rejecting_or_suspending_needs_a_reason_and_decisions_follow_the_lifecycle() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        app.employer("Shady LLC", "x@shady.org").await;
        let response = app.review(&admin, "Shady LLC", "reject", " ").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains("Give a reason"));
        assert_eq!(
            app.review(&admin, "Shady LLC", "suspend", "why")
                .await
                .status(),
            StatusCode::CONFLICT,
            "pending cannot be suspended"
        );
        assert_eq!(
            app.review(&admin, "Shady LLC", "reinstate", "")
                .await
                .status(),
            StatusCode::CONFLICT
        );
        assert_eq!(
            app.review(&admin, "Shady LLC", "reject", "No such company")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.review(&admin, "Shady LLC", "destroy", "")
                .await
                .status(),
            StatusCode::BAD_REQUEST
        );
    })
    .await;
}

#[tokio::test]
async fn only_counselors_and_admins_reach_the_verification_queue() {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        assert_eq!(
            app.get_as(&employer, "/organizations/review")
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let id = app.organization_id("Lakeshore Robotics").await;
        let response = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/organizations/{id}/review"),
                &[("decision", "verify"), ("reason", "")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "an employer cannot verify itself"
        );
        assert_eq!(
            location(&app.get_as(&new_client(), "/organizations/review").await),
            "/login"
        );
    })
    .await;
}

/// The link an employer's invitation page shows for `email`.
pub(crate) async fn invite_link(app: &TestApp, employer: &Client, email: &str) -> String {
    let response = app
        .submit_as(
            employer,
            "/employer/organization",
            "/employer/invites",
            &[("email", email)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "invitation of {email}");
    let body = response.text().await.unwrap();
    body.split("id=\"invite-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace("&#x2f;", "/")
}

/// Joins through `link` as `name`, opens the confirmation link mailed to
/// the invited `email`, and logs in.
pub(crate) async fn join_and_confirm(app: &TestApp, link: &str, name: &str, email: &str) -> Client {
    let colleague = new_client();
    let response = app
        .submit_as(
            &colleague,
            link,
            link,
            &[("display_name", name), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        (response.status(), location(&response)),
        (StatusCode::SEE_OTHER, "/login".to_owned()),
        "{email} joined"
    );
    let confirm = app.link_mailed_to(email, "/register/confirm/").await;
    let response = app.submit_as(&colleague, &confirm, &confirm, &[]).await;
    assert_eq!(location(&response), "/login", "{email} confirmed");
    app.login_as(&colleague, email, PASSWORD).await;
    colleague
}

#[tokio::test]
async fn a_colleague_joins_the_organization_through_a_one_time_invitation() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let link = invite_link(&app, &employer, "kim@lakeshore.org").await;

        let colleague = new_client();
        let page = app.get_as(&colleague, &link).await.text().await.unwrap();
        assert!(page.contains("Join Lakeshore Robotics"));
        let response = app
            .submit_as(
                &colleague,
                &link,
                &link,
                &[("display_name", "Kim"), ("password", "short")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let colleague = join_and_confirm(&app, &link, "Kim", "kim@lakeshore.org").await;
        let dashboard = app
            .get_as(&colleague, "/employer")
            .await
            .text()
            .await
            .unwrap();
        assert!(dashboard.contains("Lakeshore Robotics"));

        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::NOT_FOUND,
            "used once"
        );
        assert_eq!(
            app.get_as(&new_client(), "/join/not-a-real-token")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

#[tokio::test]
async fn the_profile_form_validates_and_saves() {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let response = app
            .submit_as(
                &employer,
                "/employer/organization",
                "/employer/organization",
                &[("name", ""), ("zip", "99999"), ("contact_email", "nope")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Organization name is required.")
                && body.contains("This ZIP code does not exist.")
        );
        let response = app
            .submit_as(
                &employer,
                "/employer/organization",
                "/employer/organization",
                &[
                    ("name", "Lakeshore Robotics Inc."),
                    ("zip", "60606"),
                    ("contact_email", "hello@lakeshore.org"),
                    ("description", "We build robots."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            app.get_as(&employer, "/employer")
                .await
                .text()
                .await
                .unwrap()
                .contains("Lakeshore Robotics Inc.")
        );
    })
    .await;
}

#[tokio::test]
async fn an_invitation_never_tells_the_inviter_whether_an_address_has_an_account() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let school = app.school("Lincoln High").await;
        app.student(school, "Rosa", "Diaz", 10).await;
        let users_before = app.count("app_user").await;
        let mut answers = Vec::new();
        for email in ["rosa@students.org", "nobody.yet@example.org"] {
            let link = invite_link(&app, &employer, email).await;
            let response = app
                .submit_as(
                    &new_client(),
                    &link,
                    &link,
                    &[("display_name", "Probe"), ("password", PASSWORD)],
                )
                .await;
            answers.push((response.status(), location(&response)));
        }
        assert_eq!(answers[0], answers[1], "the same answer either way");
        assert_eq!(answers[0], (StatusCode::SEE_OTHER, "/login".to_owned()));
        // Only the new address got an account; the student is told, and
        // her account is unchanged.
        assert_eq!(app.count("app_user").await, users_before + 1);
        assert_eq!(
            app.count("app_user WHERE email = 'rosa@students.org' AND role = 'student'")
                .await,
            1
        );
        assert_eq!(
            app.count(
                "mail_outbox WHERE recipient = 'rosa@students.org' AND kind = 'registration_attempt'"
            )
            .await,
            1
        );
        // Bad input is still refused for a taken address, with its message.
        let link = invite_link(&app, &employer, "rosa@students.org").await;
        let response = app
            .submit_as(
                &new_client(),
                &link,
                &link,
                &[("display_name", "Probe"), ("password", "short")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}
