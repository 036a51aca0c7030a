//! Organization verification, invitations and the public organization page.

use reqwest::{Client, Response, StatusCode};

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
        // The invitation and the join are on the record, and the admins
        // hear of a new reader of the organization's applicants.
        for (action, detail) in [
            ("invite_member", "kim@lakeshore.org to organization"),
            ("join_organization", "invited by erin@lakeshore.org"),
        ] {
            let logged = app
                .count(&format!(
                    "audit_log WHERE action = '{action}' AND subject LIKE '%{detail}%'"
                ))
                .await;
            assert_eq!(logged, 1, "{action}");
        }
        let told = app
            .get_as(&admin, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            told.contains("Kim (kim@lakeshore.org) joined Lakeshore Robotics"),
            "{told}"
        );

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

/// The organization row as stored.
async fn stored(app: &TestApp, id: i32) -> entity::organization::Model {
    use sea_orm::EntityTrait;
    entity::organization::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// The subjects of the audit entries of `action`, oldest first.
async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    entity::audit_log::Entity::find()
        .filter(entity::audit_log::Column::Action.eq(action))
        .order_by_asc(entity::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.subject)
        .collect()
}

/// The profile form as Peachtree Analytics fills it, with `changes`.
async fn save_profile(app: &TestApp, employer: &Client, changes: &[(&str, &str)]) -> Response {
    let mut fields = vec![
        ("name", "Peachtree Analytics"),
        ("website", "https://peachtreeanalytics.example"),
        ("zip", "60601"),
        ("contact_email", "pat@peachtree.example"),
        ("contact_phone", ""),
        ("description", "Data science for good."),
    ];
    for (field, value) in changes {
        fields.retain(|(f, _)| f != field);
        fields.push((field, value));
    }
    app.submit_as(
        employer,
        "/employer/organization",
        "/employer/organization",
        &fields,
    )
    .await
}

/// A reviewer's decision on the requested change they saw.
async fn decide_change(
    app: &TestApp,
    reviewer: &Client,
    id: i32,
    decision: &str,
    seen: (&str, &str),
) -> Response {
    app.submit_as(
        reviewer,
        "/organizations/review",
        &format!("/organizations/{id}/change"),
        &[
            ("decision", decision),
            ("name", seen.0),
            ("website", seen.1),
        ],
    )
    .await
}

const IMPOSTOR: &str = "Lincoln High School Counseling Office";
const IMPOSTOR_SITE: &str = "https://lincoln-hs.example";

#[tokio::test]
async fn a_verified_organizations_new_name_waits_for_a_reviewer_and_the_public_keeps_the_verified_one()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        let public = format!("/organizations/{id}");
        assert_eq!(audited(&app, "verify_organization").await.len(), 1);

        // Bad input: refused with its message, nothing requested or audited.
        let audits = app.count("audit_log").await;
        let response = save_profile(&app, &employer, &[("name", IMPOSTOR), ("zip", "99999")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains("This ZIP code does not exist."));
        assert_eq!(stored(&app, id).await.requested_name, None);
        assert_eq!(app.count("audit_log").await, audits);

        let response = save_profile(
            &app,
            &employer,
            &[
                ("name", IMPOSTOR),
                ("website", IMPOSTOR_SITE),
                ("contact_email", "counseling@lincoln-hs.example"),
                ("contact_phone", "555-0100"),
            ],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Analytics", "the verified name stays");
        assert_eq!(organization.website, "https://peachtreeanalytics.example");
        assert_eq!(organization.requested_name.as_deref(), Some(IMPOSTOR));
        assert_eq!(organization.requested_website.as_deref(), Some(IMPOSTOR_SITE));
        assert_eq!(organization.contact_email, "counseling@lincoln-hs.example", "contact applies");
        assert_eq!(
            audited(&app, "change_organization_contact").await,
            [format!(
                "organization {id}: contact_email “pat@peachtree.example” → “counseling@lincoln-hs.example”; contact_phone “” → “555-0100”"
            )]
        );
        assert_eq!(
            audited(&app, "request_organization_change").await,
            [format!(
                "organization {id}: name “Peachtree Analytics” → “{IMPOSTOR}”; website “https://peachtreeanalytics.example” → “{IMPOSTOR_SITE}”"
            )]
        );
        let page = app.get_as(&new_client(), &public).await.text().await.unwrap();
        assert!(page.contains("Peachtree Analytics") && !page.contains(IMPOSTOR));
        let own = app
            .get_as(&employer, "/employer/organization")
            .await
            .text()
            .await
            .unwrap();
        assert!(own.contains(&format!("Your new name “{IMPOSTOR}” waits for a counselor")));

        // Saving the form again (another field) keeps the request as it was.
        let response = save_profile(
            &app,
            &employer,
            &[
                ("name", IMPOSTOR),
                ("website", IMPOSTOR_SITE),
                ("contact_email", "counseling@lincoln-hs.example"),
                ("contact_phone", "555-0100"),
                ("description", "New words."),
            ],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(audited(&app, "request_organization_change").await.len(), 1);
        assert_eq!(audited(&app, "change_organization_contact").await.len(), 1);

        // A counselor sees it in the queue and approves it.
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        assert!(queue.contains("Requested name and website changes (1)"));
        assert!(queue.contains(&format!("“Peachtree Analytics” → “{IMPOSTOR}”")));
        let response =
            decide_change(&app, &counselor, id, "approve", (IMPOSTOR, IMPOSTOR_SITE)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organization = stored(&app, id).await;
        assert_eq!(
            (organization.name.as_str(), organization.website.as_str()),
            (IMPOSTOR, IMPOSTOR_SITE)
        );
        assert_eq!(organization.requested_name, None);
        assert_eq!(
            audited(&app, "approve_organization_change").await,
            [format!(
                "organization {id}: name “Peachtree Analytics” → “{IMPOSTOR}”; website “https://peachtreeanalytics.example” → “{IMPOSTOR_SITE}”"
            )]
        );
        assert_eq!(
            app.count(&format!(
                "notification WHERE user_id = {} AND message_id = 'alerts-org-employer-change-approved'",
                employer.id
            ))
            .await,
            1
        );
        let page = app.get_as(&new_client(), &public).await.text().await.unwrap();
        assert!(page.contains(IMPOSTOR));
    })
    .await;
}

#[tokio::test]
async fn a_declined_change_is_discarded_audited_and_the_employer_is_told() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        save_profile(&app, &employer, &[("name", IMPOSTOR)]).await;
        let seen = (IMPOSTOR, "https://peachtreeanalytics.example");
        let response = decide_change(&app, &admin, id, "decline", seen).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Analytics");
        assert_eq!(
            (organization.requested_name, organization.requested_website),
            (None, None)
        );
        assert_eq!(
            audited(&app, "decline_organization_change").await,
            [format!("organization {id}: name “Peachtree Analytics” → “{IMPOSTOR}”")]
        );
        assert_eq!(
            app.count(&format!(
                "notification WHERE user_id = {} AND message_id = 'alerts-org-employer-change-declined'",
                employer.id
            ))
            .await,
            1
        );
        // Deciding it again (a second tab) finds nothing to decide.
        let response = decide_change(&app, &admin, id, "approve", seen).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(response.text().await.unwrap().contains("already decided"));
        assert_eq!(stored(&app, id).await.name, "Peachtree Analytics");

        // Going back to the verified name withdraws a request.
        save_profile(&app, &employer, &[("name", "Peachtree Data")]).await;
        assert!(stored(&app, id).await.requested_name.is_some());
        save_profile(&app, &employer, &[]).await;
        assert_eq!(stored(&app, id).await.requested_name, None);
    })
    .await;
}

#[tokio::test]
async fn a_decision_applies_only_to_the_request_the_reviewer_saw() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        let site = "https://peachtreeanalytics.example";
        save_profile(&app, &employer, &[("name", "Peachtree Data")]).await;
        // The employer asks for something else while the reviewer looks.
        save_profile(&app, &employer, &[("name", IMPOSTOR)]).await;
        let audits = app.count("audit_log").await;
        let response = decide_change(&app, &admin, id, "approve", ("Peachtree Data", site)).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Analytics", "nothing applied");
        assert_eq!(
            organization.requested_name.as_deref(),
            Some(IMPOSTOR),
            "still waits"
        );
        assert_eq!(app.count("audit_log").await, audits, "nothing audited");
        // No decision for an organization with nothing requested, or for want of one.
        app.verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lakeshore = app.organization_id("Lakeshore Robotics").await;
        let response = decide_change(&app, &admin, lakeshore, "approve", ("X", "")).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let response = decide_change(&app, &admin, id, "apply", (IMPOSTOR, site)).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(stored(&app, id).await.name, "Peachtree Analytics");
    })
    .await;
}

#[tokio::test]
async fn two_reviewers_deciding_one_change_at_once_make_one_decision() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let id = app.organization_id("Peachtree Analytics").await;
        let site = "https://peachtreeanalytics.example";
        let mut current = "Peachtree Analytics".to_owned();
        for round in 0..10 {
            let asked = format!("Peachtree Round {round}");
            save_profile(&app, &employer, &[("name", &asked)]).await;
            let (approve, decline) = tokio::join!(
                decide_change(&app, &admin, id, "approve", (&asked, site)),
                decide_change(&app, &counselor, id, "decline", (&asked, site)),
            );
            let mut statuses = [approve.status(), decline.status()];
            statuses.sort();
            assert_eq!(
                statuses,
                [StatusCode::SEE_OTHER, StatusCode::CONFLICT],
                "round {round}"
            );
            if approve.status() == StatusCode::SEE_OTHER {
                current = asked;
            }
            let organization = stored(&app, id).await;
            assert_eq!(organization.name, current, "round {round}");
            assert_eq!(organization.requested_name, None, "round {round}");
        }
        let decided = audited(&app, "approve_organization_change").await.len()
            + audited(&app, "decline_organization_change").await.len();
        assert_eq!(decided, 10, "one decision a round");
    })
    .await;
}

#[tokio::test]
async fn a_rename_requested_while_a_reviewer_approves_is_never_applied_unseen() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        let site = "https://peachtreeanalytics.example";
        let mut current = "Peachtree Analytics".to_owned();
        for round in 0..10 {
            let seen = format!("Peachtree Seen {round}");
            let later = format!("Peachtree Later {round}");
            save_profile(&app, &employer, &[("name", &seen)]).await;
            let replacement = [("name", later.as_str())];
            let (approve, replace) = tokio::join!(
                decide_change(&app, &admin, id, "approve", (&seen, site)),
                save_profile(&app, &employer, &replacement),
            );
            assert_eq!(replace.status(), StatusCode::SEE_OTHER, "round {round}");
            let organization = stored(&app, id).await;
            match approve.status() {
                StatusCode::SEE_OTHER => current = seen,
                StatusCode::CONFLICT => {}
                other => panic!("round {round}: {other}"),
            }
            assert_eq!(
                organization.name, current,
                "round {round}: only the seen name"
            );
            assert_eq!(
                organization.requested_name.as_deref(),
                Some(later.as_str()),
                "round {round}: the later request waits"
            );
            // Clear it for the next round.
            let response = decide_change(&app, &admin, id, "decline", (&later, site)).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
    })
    .await;
}

#[tokio::test]
async fn a_suspended_or_rejected_organization_cannot_edit_its_profile() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let suspended = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        app.review(
            &admin,
            "Peachtree Analytics",
            "suspend",
            "Safeguarding concern",
        )
        .await;
        let rejected = app.employer("Shady LLC", "x@shady.example").await;
        app.review(&admin, "Shady LLC", "reject", "No such company")
            .await;
        for (employer, name) in [
            (&suspended, "Peachtree Analytics"),
            (&rejected, "Shady LLC"),
        ] {
            let id = app.organization_id(name).await;
            let before = stored(&app, id).await;
            let page = app
                .get_as(employer, "/employer/organization")
                .await
                .text()
                .await
                .unwrap();
            assert!(page.contains("its profile cannot be changed"), "{name}");
            assert!(!page.contains("name=\"contact_email\""), "{name}: no form");
            let response = save_profile(
                &app,
                employer,
                &[
                    ("name", IMPOSTOR),
                    ("contact_email", "new@lincoln-hs.example"),
                ],
            )
            .await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("its profile cannot be changed"),
                "{name}"
            );
            assert_eq!(stored(&app, id).await, before, "{name}: nothing written");
        }
        assert_eq!(
            app.count("audit_log WHERE action LIKE '%organization_c%'")
                .await,
            0
        );
    })
    .await;
}

#[tokio::test]
async fn a_pending_organization_edits_its_name_at_once_without_a_request_and_the_log_keeps_the_old_one()
 {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        let response = save_profile(&app, &employer, &[("name", "Peachtree Data")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Data");
        assert_eq!(organization.requested_name, None);
        assert_eq!(
            audited(&app, "edit_pending_organization").await,
            [format!(
                "organization {id}: name “Peachtree Analytics” → “Peachtree Data”"
            )],
            "the log keeps what it was"
        );
    })
    .await;
}

/// Registers an organization with its own website and contact address.
async fn register(
    app: &TestApp,
    name: &str,
    website: &str,
    email: &str,
) -> crate::helpers::TestUser {
    app.register_confirmed(&[
        ("organization_name", name),
        ("website", website),
        ("zip", "30318"),
        ("phone", ""),
        ("display_name", "Sam"),
        ("email", email),
        ("password", PASSWORD),
    ])
    .await
}

#[tokio::test]
async fn a_registration_resembling_a_suspended_organization_is_flagged_and_only_an_admin_verifies_it()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        register(
            &app,
            "Atlanta BioLabs",
            "https://atlantabiolabs.example",
            "hr@atlantabiolabs.example",
        )
        .await;
        app.review(&admin, "Atlanta BioLabs", "verify", "").await;
        app.review(&admin, "Atlanta BioLabs", "suspend", "Safeguarding concern")
            .await;
        register(
            &app,
            "Atlanta Bio-Labs, Inc.",
            "https://www.AtlantaBioLabs.example/careers",
            "hr@atlanta-biolabs-new.example",
        )
        .await;
        // Same email domain only, at a free-mail domain: not flagged.
        register(
            &app,
            "Gmail Robotics",
            "https://gmailrobotics.example",
            "a@gmail.com",
        )
        .await;
        app.review(&admin, "Gmail Robotics", "reject", "Unreachable")
            .await;
        register(
            &app,
            "Other Robotics",
            "https://otherrobotics.example",
            "b@gmail.com",
        )
        .await;
        // Same business email domain as a rejected organization: flagged.
        register(
            &app,
            "Shady LLC",
            "https://shady.example",
            "x@shady.example",
        )
        .await;
        app.review(&admin, "Shady LLC", "reject", "No such company")
            .await;
        register(
            &app,
            "Sunny Partners",
            "https://sunny.example",
            "y@shady.example",
        )
        .await;

        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        let card = |id: i32| {
            queue
                .split(&format!("id=\"org-{id}\""))
                .nth(1)
                .and_then(|rest| rest.split("</section>").next())
                .unwrap_or_default()
                .to_owned()
        };
        let comeback = card(app.organization_id("Atlanta Bio-Labs, Inc.").await);
        assert!(comeback.contains("Resembles an organization that was suspended or rejected"));
        assert!(comeback.contains("Atlanta BioLabs, Suspended."));
        assert!(comeback.contains("Reason: Safeguarding concern"));
        assert!(comeback.contains("Same: name, website"), "{comeback}");
        assert!(comeback.contains("only an administrator can verify it"));
        let sunny = card(app.organization_id("Sunny Partners").await);
        assert!(sunny.contains("Shady LLC, Rejected.") && sunny.contains("Same: email domain"));
        let other = card(app.organization_id("Other Robotics").await);
        assert!(
            !other.contains("Resembles"),
            "a free-mail domain links nobody"
        );

        // A counselor may not verify a flagged one; nothing changes.
        for name in ["Atlanta Bio-Labs, Inc.", "Sunny Partners"] {
            let response = app.review(&counselor, name, "verify", "").await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("only an administrator can verify it"),
                "{name}"
            );
            let id = app.organization_id(name).await;
            assert_eq!(stored(&app, id).await.status, entity::OrgStatus::Pending);
        }
        assert_eq!(
            app.review(&counselor, "Other Robotics", "verify", "")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        // An admin may.
        assert_eq!(
            app.review(&admin, "Atlanta Bio-Labs, Inc.", "verify", "")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn a_rename_to_look_like_a_rejected_organization_is_flagged_and_only_an_admin_approves_it() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        register(
            &app,
            "Shady LLC",
            "https://shady.example",
            "x@shady.example",
        )
        .await;
        app.review(&admin, "Shady LLC", "reject", "No such company")
            .await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        save_profile(&app, &employer, &[("name", "The Shady Company")]).await;

        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        let card = queue
            .split(&format!("id=\"change-{id}\""))
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap_or_default();
        assert!(
            card.contains("Shady LLC, Rejected.") && card.contains("Same: name"),
            "{card}"
        );
        let seen = ("The Shady Company", "https://peachtreeanalytics.example");
        let response = decide_change(&app, &counselor, id, "approve", seen).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("only an administrator")
        );
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Analytics");
        assert_eq!(
            organization.requested_name.as_deref(),
            Some("The Shady Company")
        );
        assert_eq!(audited(&app, "approve_organization_change").await.len(), 0);
        // An admin may approve it.
        let response = decide_change(&app, &admin, id, "approve", seen).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stored(&app, id).await.name, "The Shady Company");
    })
    .await;
}

#[tokio::test]
async fn organizations_whose_comparison_keys_are_missing_or_older_than_the_rules_get_them_at_start_up()
 {
    on_each_backend(async |mut app: TestApp| {
        use sea_orm::ConnectionTrait;
        let admin = app.admin().await;
        register(
            &app,
            "Atlanta BioLabs",
            "https://atlantabiolabs.example",
            "hr@atlantabiolabs.example",
        )
        .await;
        app.review(&admin, "Atlanta BioLabs", "reject", "No such lab")
            .await;
        register(
            &app,
            "Peachtree Analytics",
            "https://peachtreeanalytics.example",
            "pat@peachtree.example",
        )
        .await;
        // As migration 33 leaves the rows it finds, and as the first rules
        // (before migration 34) computed them.
        app.db
            .execute_unprepared(
                "UPDATE organization SET name_key = NULL, website_host = NULL, \
                 email_domain = NULL, keys_version = NULL WHERE name = 'Atlanta BioLabs'",
            )
            .await
            .unwrap();
        app.db
            .execute_unprepared(
                "UPDATE organization SET name_key = 'peachtreeanalytics', keys_version = NULL \
                 WHERE name = 'Peachtree Analytics'",
            )
            .await
            .unwrap();
        app.restart().await;
        let id = app.organization_id("Atlanta BioLabs").await;
        let organization = stored(&app, id).await;
        assert_eq!(
            (
                organization.name_key.as_deref(),
                organization.website_host.as_deref(),
                organization.email_domain.as_deref(),
                organization.keys_version,
            ),
            (
                Some("atlantablolab"),
                Some("atlantabiolabs.example"),
                Some("atlantabiolabs.example"),
                Some(stembridge::organizations::lookalikes::KEYS_VERSION),
            )
        );
        let id = app.organization_id("Peachtree Analytics").await;
        let organization = stored(&app, id).await;
        assert_eq!(
            (organization.name_key.as_deref(), organization.keys_version),
            (
                Some("peachtreeanalytlc"),
                Some(stembridge::organizations::lookalikes::KEYS_VERSION)
            ),
            "recomputed by the current rules"
        );
    })
    .await;
}

/// The card of the queue whose heading has `id` (`org-7`, `change-7`).
fn card(queue: &str, id: &str) -> String {
    queue
        .split(&format!("id=\"{id}\""))
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_default()
        .to_owned()
}

/// The stamp the verify form of a waiting registration carries.
fn seen_on(card: &str) -> String {
    card.split("name=\"seen\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// A reviewer's decision on a registration, naming the stamp `seen`.
async fn decide(
    app: &TestApp,
    reviewer: &Client,
    id: i32,
    decision: &str,
    reason: &str,
    seen: &str,
) -> Response {
    app.submit_as(
        reviewer,
        "/organizations/review",
        &format!("/organizations/{id}/review"),
        &[("decision", decision), ("reason", reason), ("seen", seen)],
    )
    .await
}

/// The profile form of a registration, as Harmless Robotics Club fills it.
async fn edit_registration(
    app: &TestApp,
    employer: &Client,
    name: &str,
    website: &str,
) -> Response {
    app.submit_as(
        employer,
        "/employer/organization",
        "/employer/organization",
        &[
            ("name", name),
            ("website", website),
            ("zip", "60601"),
            ("contact_email", "pat@harmless-robotics.example"),
            ("contact_phone", "555-0199"),
            ("description", ""),
            ("address", ""),
        ],
    )
    .await
}

const STALE: &str = "changed its details since you opened this page";

#[tokio::test]
async fn a_registration_renamed_after_the_reviewer_opened_the_queue_is_not_verified_or_rejected_unseen()
 {
    on_each_backend(async |app: TestApp| {
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let employer = register(
            &app,
            "Harmless Robotics Club",
            "https://harmless-robotics.example",
            "pat@harmless-robotics.example",
        )
        .await;
        let id = app.organization_id("Harmless Robotics Club").await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        let seen = seen_on(&card(&queue, &format!("org-{id}")));
        assert!(!seen.is_empty(), "the verify form names what it shows");

        // Meanwhile the organization becomes someone else.
        let response = edit_registration(
            &app,
            &employer.client,
            IMPOSTOR,
            "https://lincoln-hs-counseling.example",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            audited(&app, "edit_pending_organization").await,
            [format!(
                "organization {id}: name “Harmless Robotics Club” → “{IMPOSTOR}”; \
                 website “https://harmless-robotics.example” → “https://lincoln-hs-counseling.example”; \
                 contact_phone “” → “555-0199”"
            )]
        );
        let before = stored(&app, id).await;
        let audits = app.count("audit_log").await;
        for (decision, reason, stamp) in [
            ("verify", "", seen.as_str()),
            ("reject", "Looks fake", seen.as_str()),
            ("verify", "", ""),
        ] {
            let response = decide(&app, &counselor, id, decision, reason, stamp).await;
            assert_eq!(response.status(), StatusCode::CONFLICT, "{decision} {stamp}");
            assert!(response.text().await.unwrap().contains(STALE), "{decision}");
            assert_eq!(stored(&app, id).await, before, "{decision}: nothing written");
        }
        assert_eq!(app.count("audit_log").await, audits, "nothing audited");
        assert_eq!(app.count("notification").await, 0, "nobody told");

        // Looking again shows the new name, and that decision counts.
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        let card = card(&queue, &format!("org-{id}"));
        assert!(card.contains(IMPOSTOR), "{card}");
        let response = decide(&app, &counselor, id, "reject", "Impersonates a school", &seen_on(&card)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stored(&app, id).await.status, entity::OrgStatus::Rejected);
        assert_eq!(
            audited(&app, "reject_organization").await,
            [format!(
                "organization {id} “{IMPOSTOR}” (https://lincoln-hs-counseling.example): \
                 Impersonates a school"
            )]
        );
    })
    .await;
}

#[tokio::test]
async fn a_registration_edited_while_a_reviewer_verifies_it_is_verified_only_as_seen() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        for round in 0..4 {
            let name = format!("Harmless Robotics {round}");
            let employer = register(
                &app,
                &name,
                "https://harmless-robotics.example",
                &format!("pat{round}@harmless-robotics.example"),
            )
            .await;
            let id = app.organization_id(&name).await;
            let queue = app
                .get_as(&admin, &format!("/organizations/review?q={round}"))
                .await
                .text()
                .await
                .unwrap();
            let seen = seen_on(&card(&queue, &format!("org-{id}")));
            let (verify, edit) = tokio::join!(
                decide(&app, &admin, id, "verify", "", &seen),
                edit_registration(
                    &app,
                    &employer.client,
                    IMPOSTOR,
                    "https://lincoln-hs.example"
                ),
            );
            assert_eq!(edit.status(), StatusCode::SEE_OTHER, "round {round}");
            let organization = stored(&app, id).await;
            match verify.status() {
                // Verified first: the edit came after, as a request.
                StatusCode::SEE_OTHER => {
                    assert_eq!(organization.name, name, "round {round}");
                    assert_eq!(
                        organization.requested_name.as_deref(),
                        Some(IMPOSTOR),
                        "round {round}"
                    );
                }
                StatusCode::CONFLICT => {
                    assert_eq!(
                        organization.status,
                        entity::OrgStatus::Pending,
                        "round {round}"
                    );
                }
                other => panic!("round {round}: {other}"),
            }
        }
    })
    .await;
}

/// Atlanta BioLabs, verified then suspended by an admin.
async fn suspended_atlanta(app: &TestApp, admin: &Client) -> i32 {
    register(
        app,
        "Atlanta BioLabs",
        "https://atlantabiolabs.example",
        "hr@atlantabiolabs.example",
    )
    .await;
    app.review(admin, "Atlanta BioLabs", "verify", "").await;
    app.review(admin, "Atlanta BioLabs", "suspend", "Safeguarding concern")
        .await;
    app.organization_id("Atlanta BioLabs").await
}

#[tokio::test]
async fn look_alike_letters_a_subdomain_or_a_singular_do_not_pass_for_a_new_organization() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        suspended_atlanta(&app, &admin).await;

        // A word mixing alphabets is refused outright.
        let organizations = app.count("organization").await;
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                "/register",
                &[
                    ("organization_name", "Atl\u{0430}nta BioL\u{0430}bs"),
                    ("website", "https://atlanta-biolabs.example"),
                    ("zip", "30318"),
                    ("phone", ""),
                    ("display_name", "Sam"),
                    ("email", "hr5@atlanta-biolabs.example"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Write each word of the name in one alphabet")
        );
        assert_eq!(
            app.count("organization").await,
            organizations,
            "nothing stored"
        );

        // Whole words of look-alike letters, a subdomain, a singular:
        // each flagged, and a counselor cannot verify it.
        let cases = [
            (
                "Atlanta \u{0412}\u{0406}\u{041e} Labs",
                "https://atl-bio.example",
                "hr1@atl-bio.example",
                "Same: name",
            ),
            (
                "Atlanta Research Group",
                "https://research.atlantabiolabs.example",
                "hr6@research.atlantabiolabs.example",
                "Same: website, email domain",
            ),
            (
                "Atlanta BioLab",
                "https://atlbio.example",
                "hr7@atlbio.example",
                "Same: name",
            ),
        ];
        for (name, website, email, _) in cases {
            register(&app, name, website, email).await;
        }
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        for (name, _, _, same) in cases {
            let id = app.organization_id(name).await;
            let card = card(&queue, &format!("org-{id}"));
            assert!(
                card.contains("Atlanta BioLabs, Suspended."),
                "{name}: {card}"
            );
            assert!(card.contains(same), "{name}: {card}");
            let before = stored(&app, id).await;
            let response = app.review(&counselor, name, "verify", "").await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("only an administrator can verify it"),
                "{name}"
            );
            assert_eq!(stored(&app, id).await, before, "{name}: nothing written");
        }
        assert!(
            audited(&app, "verify_organization").await.len() == 1,
            "only Atlanta's own"
        );
    })
    .await;
}

#[tokio::test]
async fn armenian_letters_roman_numerals_and_dotted_legal_words_do_not_pass_for_a_suspended_organization()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        suspended_atlanta(&app, &admin).await;

        // An Armenian "օ" in a Latin word: refused, nothing stored.
        let organizations = app.count("organization").await;
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                "/register",
                &[
                    ("organization_name", "Atlanta Bi\u{0585}Labs"),
                    ("website", "https://atl-bio13.example"),
                    ("zip", "30318"),
                    ("phone", ""),
                    ("display_name", "Sam"),
                    ("email", "hr13@atl-bio13.example"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Write each word of the name in one alphabet")
        );
        assert_eq!(
            app.count("organization").await,
            organizations,
            "nothing stored"
        );

        // A small Roman numeral ⅼ for l, and "L.L.C.": flagged, and a
        // counselor cannot verify either.
        let cases = [
            (
                "Atlanta Bio\u{217C}abs",
                "https://atl-bio19.example",
                "hr19@atl-bio19.example",
            ),
            (
                "Atlanta BioLabs, L.L.C.",
                "https://atl-bio16.example",
                "hr16@atl-bio16.example",
            ),
        ];
        for (name, website, email) in cases {
            register(&app, name, website, email).await;
        }
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        for (name, _, _) in cases {
            let id = app.organization_id(name).await;
            let card = card(&queue, &format!("org-{id}"));
            assert!(
                card.contains("Atlanta BioLabs, Suspended."),
                "{name}: {card}"
            );
            assert!(card.contains("Same: name"), "{name}: {card}");
            let before = stored(&app, id).await;
            let response = app.review(&counselor, name, "verify", "").await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
            assert_eq!(stored(&app, id).await, before, "{name}: nothing written");
        }
        assert!(
            audited(&app, "verify_organization").await.len() == 1,
            "only Atlanta's own"
        );
    })
    .await;
}

#[tokio::test]
async fn a_rename_into_a_look_alike_or_onto_a_barred_subdomain_is_refused_or_flagged() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        suspended_atlanta(&app, &admin).await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;

        let response = save_profile(
            &app,
            &employer,
            &[("name", "Atl\u{0430}nta BioL\u{0430}bs")],
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Write each word of the name in one alphabet")
        );
        assert_eq!(
            stored(&app, id).await.requested_name,
            None,
            "nothing requested"
        );

        let asked = (
            "Peachtree BioLab",
            "https://www.labs.atlantabiolabs.example",
        );
        let response =
            save_profile(&app, &employer, &[("name", asked.0), ("website", asked.1)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        let queue = app
            .get_as(&counselor, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        let card = card(&queue, &format!("change-{id}"));
        assert!(
            card.contains("Atlanta BioLabs, Suspended.") && card.contains("Same: website"),
            "{card}"
        );
        let response = decide_change(&app, &counselor, id, "approve", asked).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("only an administrator")
        );
        let organization = stored(&app, id).await;
        assert_eq!(organization.name, "Peachtree Analytics");
        assert_eq!(organization.website, "https://peachtreeanalytics.example");
        assert!(
            audited(&app, "approve_organization_change")
                .await
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn a_counselor_cannot_undo_an_admins_suspension_or_rejection() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let atlanta = suspended_atlanta(&app, &admin).await;
        register(&app, "Shady LLC", "https://shady.example", "x@shady.example").await;
        app.review(&admin, "Shady LLC", "reject", "No such company")
            .await;
        let shady = app.organization_id("Shady LLC").await;
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;

        for (name, id, decision) in [
            ("Atlanta BioLabs", atlanta, "reinstate"),
            ("Shady LLC", shady, "verify"),
        ] {
            let before = stored(&app, id).await;
            let audits = app.count("audit_log").await;
            let response = app.review(&counselor, name, decision, "looks fine to me").await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("An administrator suspended or rejected this organization"),
                "{name}"
            );
            assert_eq!(stored(&app, id).await, before, "{name}: nothing written");
            assert_eq!(app.count("audit_log").await, audits, "{name}: nothing audited");
        }

        // A counselor's own suspension a counselor may lift.
        app.verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lakeshore = app.organization_id("Lakeshore Robotics").await;
        let response = app
            .review(&counselor, "Lakeshore Robotics", "suspend", "Checking a complaint")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app.review(&counselor, "Lakeshore Robotics", "reinstate", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stored(&app, lakeshore).await.status, entity::OrgStatus::Verified);

        // The admin may, and every decision is in the log with its name and website.
        let response = app.review(&admin, "Atlanta BioLabs", "reinstate", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            audited(&app, "suspend_organization").await,
            [
                format!(
                    "organization {atlanta} “Atlanta BioLabs” (https://atlantabiolabs.example): \
                     Safeguarding concern"
                ),
                format!(
                    "organization {lakeshore} “Lakeshore Robotics” (https://lakeshorerobotics.example): \
                     Checking a complaint"
                ),
            ]
        );
        assert_eq!(
            audited(&app, "reinstate_organization").await,
            [
                format!("organization {lakeshore} “Lakeshore Robotics” (https://lakeshorerobotics.example)"),
                format!("organization {atlanta} “Atlanta BioLabs” (https://atlantabiolabs.example)"),
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn an_organization_description_with_contact_details_is_refused_and_a_clean_change_is_audited()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Peachtree Analytics", "pat@peachtree.example")
            .await;
        let id = app.organization_id("Peachtree Analytics").await;
        let before = stored(&app, id).await;
        let audits = app.count("audit_log").await;

        for (typed, found) in [
            (
                "Questions? Text Ray at (312) 555-0199.",
                "“(312) 555-0199” looks like a phone number.",
            ),
            (
                "Write to ray.private@gmail.com",
                "“ray.private@gmail.com” looks like an email address.",
            ),
            (
                "Sign up at bit.ly/peach-2026",
                "“bit.ly/peach-2026” looks like a link.",
            ),
            (
                "Follow us, Snap\u{200B}chat: peachtree_fun",
                "“Snapchat: peachtree_fun” looks like a social media handle.",
            ),
        ] {
            let response = save_profile(&app, &employer, &[("description", typed)]).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{typed}"
            );
            let body = response.text().await.unwrap().replace("&#x2f;", "/");
            assert!(
                body.contains(&format!(
                    "{found} Students reach you through STEMbridge: take out phone numbers, \
                     email addresses, links and social media handles."
                )),
                "{typed}\n{body}"
            );
            assert!(body.contains("id=\"f-description-error\""));
            assert_eq!(stored(&app, id).await, before, "{typed}: nothing written");
            assert_eq!(
                app.count("audit_log").await,
                audits,
                "{typed}: nothing audited"
            );
        }

        // A clean description, once its invisible characters are out, is
        // saved, shown and audited old → new.
        let response = save_profile(
            &app,
            &employer,
            &[(
                "description",
                "Data\u{200B} science\u{FEFF} for good, every week.",
            )],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            stored(&app, id).await.description,
            "Data science for good, every week."
        );
        assert_eq!(
            audited(&app, "change_organization_description").await,
            [format!(
                "organization {id}: description “{}” → “Data science for good, every week.”",
                before.description
            )]
        );
        let public = app
            .get_as(&new_client(), &format!("/organizations/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(public.contains("Data science for good, every week."));

        // The same description again is no change.
        save_profile(
            &app,
            &employer,
            &[("description", "Data science for good, every week.")],
        )
        .await;
        assert_eq!(
            audited(&app, "change_organization_description").await.len(),
            1
        );
    })
    .await;
}
