//! Authority that must end with what granted it: an invitation once its
//! inviter leaves or their organization is suspended, a consent link once
//! the guardian's address is corrected or the guardian unlinked, a
//! posting's terms once guardians agreed to them, and single-use links once
//! the mail holding them was sent.

use reqwest::{Client, StatusCode};

use crate::{
    helpers::{PASSWORD, TestApp, location, new_client, on_each_backend},
    organizations::{invite_link, join_and_confirm},
};

/// An admin's action on an account, over HTTP.
async fn admin_acts(app: &TestApp, admin: &Client, email: &str, action: &str) {
    let id = app.user_id(email).await;
    let response = app
        .submit_as(
            admin,
            "/admin/accounts",
            &format!("/admin/accounts/{id}/{action}"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action} {email}");
}

/// Opening and using `link` are both refused with the sentence saying the
/// invitation no longer works, and nothing is written.
async fn refused(app: &TestApp, link: &str) {
    let users = app.count("app_user").await;
    let accepted = app
        .count("organization_invite WHERE accepted_at IS NOT NULL")
        .await;
    let stranger = new_client();
    let response = app.get_as(&stranger, link).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{link} opens");
    assert!(
        response.text().await.unwrap().contains("no longer works"),
        "{link} says why"
    );
    let response = app
        .submit_as(
            &stranger,
            "/register",
            link,
            &[("display_name", "Mallory"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{link} joins");
    assert!(response.text().await.unwrap().contains("no longer works"));
    assert_eq!(app.count("app_user").await, users, "no account made");
    assert_eq!(
        app.count("organization_invite WHERE accepted_at IS NOT NULL")
            .await,
        accepted,
        "nothing accepted"
    );
}

#[tokio::test]
async fn invitations_end_when_their_inviter_leaves_or_the_organization_is_suspended() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let erin = app.verified_employer(&admin, "Org A", "erin@a.org").await;
        let pat = join_and_confirm(
            &app,
            &invite_link(&app, &erin, "pat@a.org").await,
            "Pat",
            "pat@a.org",
        )
        .await;
        let quinn = join_and_confirm(
            &app,
            &invite_link(&app, &erin, "quinn@a.org").await,
            "Quinn",
            "quinn@a.org",
        )
        .await;

        // Made while members; then one is taken out, the other disabled.
        let from_pat = invite_link(&app, &pat, "someone.else@example.org").await;
        let from_quinn = invite_link(&app, &quinn, "another@example.org").await;
        admin_acts(&app, &admin, "pat@a.org", "remove-from-organization").await;
        admin_acts(&app, &admin, "quinn@a.org", "disable").await;
        refused(&app, &from_pat).await;
        refused(&app, &from_quinn).await;
        // Enabling the account again does not bring its old links back.
        admin_acts(&app, &admin, "quinn@a.org", "enable").await;
        refused(&app, &from_quinn).await;

        // A suspended organization's invitations end, and stay ended once it
        // is reinstated.
        let from_erin = invite_link(&app, &erin, "third@example.org").await;
        let response = app.review(&admin, "Org A", "suspend", "Under review").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        refused(&app, &from_erin).await;
        let response = app.review(&admin, "Org A", "reinstate", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        refused(&app, &from_erin).await;
    })
    .await;
}

#[tokio::test]
async fn a_joined_colleague_confirms_the_invited_address_before_logging_in() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let erin = app.verified_employer(&admin, "Org A", "erin@a.org").await;
        let link = invite_link(&app, &erin, "kim@a.org").await;
        let colleague = new_client();
        let response = app
            .submit_as(
                &colleague,
                &link,
                &link,
                &[("display_name", "Kim"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            (response.status(), location(&response)),
            (StatusCode::SEE_OTHER, "/login".to_owned()),
            "no session before the address is confirmed"
        );
        let login = app.get_as(&colleague, "/login").await.text().await.unwrap();
        assert!(login.contains("Check the inbox of the invited address"));
        assert_eq!(
            location(&app.get_as(&colleague, "/employer").await),
            "/login"
        );
        assert_eq!(
            app.count("app_user WHERE email = 'kim@a.org' AND email_confirmed_at IS NULL")
                .await,
            1,
            "holding the link proves nothing about the inbox"
        );
        let response = app
            .submit_as(
                &colleague,
                "/login",
                "/login",
                &[("email", "kim@a.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Confirm your email address first")
        );

        // The mailed link, once opened, lets them in.
        let confirm = app.link_mailed_to("kim@a.org", "/register/confirm/").await;
        let response = app.submit_as(&colleague, &confirm, &confirm, &[]).await;
        assert_eq!(location(&response), "/login");
        app.login_as(&colleague, "kim@a.org", PASSWORD).await;
        assert_eq!(
            app.get_as(&colleague, "/employer").await.status(),
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn only_a_verified_organization_invites() {
    on_each_backend(async |app: TestApp| {
        let pending = app.employer("Pending Org", "p@pending.org").await;
        let page = app
            .get_as(&pending, "/employer/organization")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("once a counselor or administrator has verified"));
        let response = app
            .submit_as(
                &pending,
                "/employer/organization",
                "/employer/invites",
                &[("email", "x@pending.org")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("organization_invite").await, 0);
    })
    .await;
}
