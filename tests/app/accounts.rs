//! Employer registration, the first-run setup page and the admin's accounts.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, new_client, on_each_backend};

fn registration<'a>(email: &'a str, name: &'a str, zip: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("organization_name", name),
        ("website", ""),
        ("zip", zip),
        ("phone", ""),
        ("display_name", "Erin"),
        ("email", email),
        ("password", PASSWORD),
    ]
}

#[tokio::test]
async fn a_new_organization_starts_pending_verification() {
    on_each_backend(async |app: TestApp| {
        let client = app.employer("Acme Labs", "erin@acme.org").await;
        let body = app.get_as(&client, "/employer").await.text().await.unwrap();
        assert!(body.contains("waiting for verification"));
    })
    .await;
}

#[tokio::test]
async fn registration_with_bad_input_names_each_problem_keeps_the_input_and_writes_nothing() {
    on_each_backend(async |app: TestApp| {
        let long_name = "x".repeat(201);
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (registration("", "Acme", "60601"), "Email is required."),
            (
                registration("not-an-email", "Acme", "60601"),
                "Enter an email address like name@example.org.",
            ),
            (
                registration("a@b.org", "", "60601"),
                "Organization name is required.",
            ),
            (
                registration("a@b.org", &long_name, "60601"),
                "Organization name must be at most 200 characters.",
            ),
            (
                registration("a@b.org", "Acme", "6060"),
                "ZIP code must be 5 digits",
            ),
            (
                vec![
                    ("organization_name", "Acme"),
                    ("zip", "60601"),
                    ("display_name", "E"),
                    ("email", "a@b.org"),
                    ("password", "short"),
                ],
                "Password must be at least 10 characters.",
            ),
            (
                vec![
                    ("organization_name", "Acme"),
                    ("website", "javascript:alert(1)"),
                    ("zip", "60601"),
                    ("display_name", "E"),
                    ("email", "a@b.org"),
                    ("password", PASSWORD),
                ],
                "Website must start with https:",
            ),
        ];
        for (fields, message) in cases {
            let response = app.submit("/register", "/register", &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{message}"
            );
            let body = response.text().await.unwrap();
            assert!(body.contains(message), "expected “{message}”");
            assert!(body.contains("aria-invalid=\"true\""));
        }
        let body = app
            .submit(
                "/register",
                "/register",
                &registration("not-an-email", "Keep Me Inc", "60601"),
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(
            body.contains("value=\"Keep Me Inc\""),
            "typed values stay in the form"
        );
        assert_eq!(app.count("organization").await, 0);
        assert_eq!(app.count("app_user").await, 0);
    })
    .await;
}

#[tokio::test]
async fn an_email_can_register_only_once_and_the_second_organization_is_not_created() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                "/register",
                &registration("Erin@Acme.org", "Other Org", "60601"),
            )
            .await;
        // Answered as any registration (see tests/app/access.rs); no second
        // organization, and the owner hears of the attempt.
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count("organization").await, 1);
        assert_eq!(app.count("app_user").await, 1);
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'registration_attempt'")
                .await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn the_setup_page_creates_the_first_admin_and_then_closes() {
    on_each_backend(async |app: TestApp| {
        assert!(app.get("/").await.text().await.unwrap().contains("/setup"));
        let response = app
            .submit(
                "/setup",
                "/setup",
                &[
                    ("display_name", "Ada"),
                    ("email", "ada@district.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.get("/admin").await.status(), StatusCode::OK);
        let stranger = new_client();
        assert_eq!(
            app.get_as(&stranger, "/setup").await.status(),
            StatusCode::NOT_FOUND
        );
        let token = app.csrf_token(&stranger, "/login").await;
        let response = stranger
            .post(app.url("/setup"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("display_name", "Eve"),
                ("email", "eve@x.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("app_user").await, 1);
    })
    .await;
}

#[tokio::test]
async fn an_admin_creates_a_school_and_a_counselor_who_can_log_in() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/schools",
                &[("name", "Lincoln High"), ("zip", "60608")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/schools",
                &[("name", ""), ("zip", "abc")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("school").await, 1);

        let page = app.get_as(&admin, "/admin").await.text().await.unwrap();
        let school_id = page
            .split("name=\"school_ids\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/counselors",
                &[
                    ("display_name", "Carla"),
                    ("email", "carla@lincoln.edu"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a counselor needs a school"
        );
        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/counselors",
                &[
                    ("display_name", "Carla"),
                    ("email", "carla@lincoln.edu"),
                    ("password", PASSWORD),
                    ("school_ids", &school_id),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let counselor = new_client();
        app.login_as(&counselor, "carla@lincoln.edu", PASSWORD)
            .await;
        let body = app
            .get_as(&counselor, "/counselor")
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("Lincoln High"));
    })
    .await;
}

#[tokio::test]
async fn only_admins_can_create_schools_and_counselors() {
    on_each_backend(async |app: TestApp| {
        let employer = app.employer("Acme Labs", "erin@acme.org").await;
        let response = app
            .submit_as(
                &employer,
                "/employer",
                "/admin/schools",
                &[("name", "Fake"), ("zip", "60608")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("school").await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_display_name_with_a_line_break_is_refused_in_either_language_and_nothing_is_written() {
    on_each_backend(async |app: TestApp| {
        let mut fields = registration("erin@acme.org", "Acme Labs", "60601");
        fields.retain(|(name, _)| *name != "display_name");
        fields.push(("display_name", "Erin\r\nAdmin"));
        let response = app.submit("/register", "/register", &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(body.contains("must fit on one line"), "{body}");
        assert!(body.contains("id=\"f-display_name-error\""), "{body}");
        assert_eq!(app.count("organization").await, 0);
        assert_eq!(app.count("app_user").await, 0);

        let spanish = new_client();
        app.get_as(&spanish, "/language/es").await;
        let response = app
            .submit_as(&spanish, "/register", "/register", &fields)
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(body.contains("debe caber en una sola línea"), "{body}");
        assert_eq!(app.count("app_user").await, 0);
    })
    .await;
}
