//! Employer registration, the first-run setup page and the admin's accounts.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, location, new_client, on_each_backend};

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
                &[("display_name", "Carla"), ("email", "carla@lincoln.edu")],
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
                    ("school_ids", &school_id),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // Nobody typed a password for Carla: until she chooses one through
        // the invitation mailed to her, no password signs her in.
        let counselor = new_client();
        let refused = app
            .submit_as(
                &counselor,
                "/login",
                "/login",
                &[("email", "carla@lincoln.edu"), ("password", PASSWORD)],
            )
            .await;
        assert_ne!(refused.status(), StatusCode::SEE_OTHER, "not signed in");
        let invitation = app
            .link_mailed_to("carla@lincoln.edu", "/password-reset/")
            .await;
        let chosen = app
            .submit_as(
                &new_client(),
                &invitation,
                &invitation,
                &[("new_password", PASSWORD)],
            )
            .await;
        assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
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

/// The kind and state of each message to `address`, oldest first:
/// (`kind`, sent or waiting, kept back as unconfirmed).
async fn mail_to(app: &TestApp, address: &str) -> Vec<(String, bool)> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::Recipient.eq(address))
        .order_by_asc(entity::mail_outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| {
            let kept_back = m.last_error.as_deref() == Some("unconfirmed-address");
            assert!(
                !kept_back || (m.text_body.is_empty() && m.failed_at.is_some()),
                "a kept-back message keeps no text and never goes out"
            );
            (m.kind, kept_back)
        })
        .collect()
}

async fn claim(app: &TestApp, school: i32, first: &str, email: &str) -> reqwest::Client {
    let code = stembridge::roster::claim_code::generate();
    app.roster_student(school, first, "Diaz", 10, &code).await;
    let client = new_client();
    let response = app
        .submit_as(
            &client,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", first),
                ("email", email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&response), "/dashboard", "claimed and signed in");
    client
}

#[tokio::test]
async fn a_claimed_students_address_gets_only_its_link_until_they_open_it_signed_in() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        // Ana mistypes nothing, but nobody knows yet that the inbox is hers.
        let ana = claim(&app, school, "Ana", "ana@example.net").await;
        let body = app.get_as(&ana, "/student").await.text().await.unwrap();
        assert!(body.contains("id=\"address-unconfirmed\""), "{body}");

        let link = app
            .link_mailed_to("ana@example.net", "/register/confirm/")
            .await;
        // "Forgot password" for that address: the reset is kept back.
        let response = app
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", "ana@example.net")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            mail_to(&app, "ana@example.net").await,
            vec![
                ("confirm_email".to_owned(), false),
                ("password_reset".to_owned(), true)
            ]
        );

        // Whoever reads that inbox, without Ana's session, cannot confirm it.
        let stranger = new_client();
        let page = app.get_as(&stranger, &link).await.text().await.unwrap();
        assert!(page.contains("It works only for the student"), "{page}");
        assert!(
            !page.contains("action=\"/register/confirm/"),
            "no button: {page}"
        );
        let response = app.submit_as(&stranger, "/claim", &link, &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        // Nor can another signed-in student.
        let ben = app.student(school, "Ben", "Ruiz", 10).await;
        let response = app.submit_as(&ben.client, "/claim", &link, &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);

        // A stranger registering with her address does not retire her link.
        let response = app
            .submit(
                "/register",
                "/register",
                &registration("ana@example.net", "Grabbed Address LLC", "60608"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Ana opens it herself: confirmed, and mail reaches her from now on.
        let response = app.submit_as(&ana, &link, &link, &[]).await;
        assert_eq!(location(&response), "/dashboard");
        let body = app.get_as(&ana, "/student").await.text().await.unwrap();
        assert!(!body.contains("id=\"address-unconfirmed\""));
        assert!(body.contains("Your email address is confirmed."), "{body}");
        let response = app.submit_as(&ana, "/student", &link, &[]).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "the link works once"
        );
        app.submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "ana@example.net")],
        )
        .await;
        let kinds = mail_to(&app, "ana@example.net").await;
        assert_eq!(kinds.last(), Some(&("password_reset".to_owned(), false)));
    })
    .await;
}

#[tokio::test]
async fn a_student_corrects_a_mistyped_address_with_their_password_only_while_unconfirmed() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let ana = claim(&app, school, "Ana", "ana@exmaple.net").await;
        let first_link = app
            .link_mailed_to("ana@exmaple.net", "/register/confirm/")
            .await;
        app.add_guardian("Ana", "maria@example.net", "es").await;
        let _ben = app.student(school, "Ben", "Ruiz", 10).await;
        let users = app.count("app_user").await;

        // Each bad correction says why and changes nothing.
        for (fields, status, says) in [
            (
                vec![("email", "ana@example.net"), ("current_password", "")],
                StatusCode::UNPROCESSABLE_ENTITY,
                "Type your current password",
            ),
            (
                vec![
                    ("email", "ana@example.net"),
                    ("current_password", "wrong password 123"),
                ],
                StatusCode::UNPROCESSABLE_ENTITY,
                "This is not your current password",
            ),
            (
                vec![("email", "not an address"), ("current_password", PASSWORD)],
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
            ),
            (
                vec![
                    ("email", "maria@example.net"),
                    ("current_password", PASSWORD),
                ],
                StatusCode::UNPROCESSABLE_ENTITY,
                "Use an address of your own",
            ),
            (
                vec![
                    ("email", "ben@students.org"),
                    ("current_password", PASSWORD),
                ],
                StatusCode::UNPROCESSABLE_ENTITY,
                "already exists",
            ),
        ] {
            let response = app
                .submit_as(&ana, "/account/address", "/account/address", &fields)
                .await;
            assert_eq!(response.status(), status, "{fields:?}");
            let body = response.text().await.unwrap();
            assert!(body.contains(says), "{fields:?}: {body}");
        }
        assert_eq!(app.count("app_user").await, users);
        assert_eq!(
            app.number("SELECT COUNT(*) AS n FROM app_user WHERE email = 'ana@exmaple.net'")
                .await,
            1,
            "still the typed address"
        );

        // The right address and her password: the link goes there, the old one stops.
        let response = app
            .submit_as(
                &ana,
                "/account/address",
                "/account/address",
                &[
                    ("email", " Ana@Example.net "),
                    ("current_password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(location(&response), "/account/address");
        let response = app.submit_as(&ana, "/student", &first_link, &[]).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "the old link stopped"
        );
        let link = app
            .link_mailed_to("ana@example.net", "/register/confirm/")
            .await;
        let response = app.submit_as(&ana, &link, &link, &[]).await;
        assert_eq!(location(&response), "/dashboard");

        // She signs in with the corrected address; it can no longer be swapped here.
        let again = new_client();
        app.login_as(&again, "ana@example.net", PASSWORD).await;
        let response = app
            .submit_as(
                &again,
                "/student",
                "/account/address",
                &[
                    ("email", "other@example.net"),
                    ("current_password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = app
            .get_as(&again, "/account/address")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("ana@example.net is confirmed"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn a_student_cannot_try_a_list_of_addresses_for_their_account() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let ana = claim(&app, school, "Ana", "ana@exmaple.net").await;
        // Each answer could tell whether an address has an account.
        let mut statuses = Vec::new();
        for n in 0..11 {
            let email = format!("parent{n}@example.org");
            let response = app
                .submit_as(
                    &ana,
                    "/account/address",
                    "/account/address",
                    &[
                        ("email", email.as_str()),
                        ("current_password", "wrong password 123"),
                    ],
                )
                .await;
            statuses.push(response.status());
        }
        assert_eq!(statuses[..10], [StatusCode::UNPROCESSABLE_ENTITY; 10]);
        assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
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

/// Three people send one claim code at the same moment (two tabs, two
/// servers): one account gets the student's record, the others are told
/// the code does not work, and no account is left with no student behind it
/// (eyes11d F1).
#[tokio::test]
async fn one_claim_code_sent_three_times_at_once_makes_one_account() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let code = stembridge::roster::claim_code::generate();
        app.roster_student(school, "Ana", "Diaz", 10, &code).await;
        let mut tries = Vec::new();
        for n in 0..3 {
            let client = new_client();
            let token = app.csrf_token(&client, "/claim").await;
            tries.push((client, token, format!("ana{n}@example.net")));
        }
        let send = |(client, token, email): &(reqwest::Client, String, String)| {
            client
                .post(app.url("/claim"))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("code", code.as_str()),
                    ("display_name", "Ana"),
                    ("email", email.as_str()),
                    ("password", PASSWORD),
                ])
                .send()
        };
        let (a, b, c) = tokio::join!(send(&tries[0]), send(&tries[1]), send(&tries[2]));
        let answers = [a, b, c];
        let statuses: Vec<StatusCode> = answers.into_iter().map(|r| r.unwrap().status()).collect();
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::SEE_OTHER)
                .count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
                .count(),
            2,
            "{statuses:?}"
        );
        assert_eq!(app.count("app_user WHERE role = 'student'").await, 1);
        assert_eq!(app.count("student WHERE user_id IS NOT NULL").await, 1);
    })
    .await;
}

/// eyes15a F3: a valid, unused code is counted before any address is
/// looked at, so "this address already has an account" cannot be asked
/// about a list of addresses (a parent's, a teacher's, an employer's).
#[tokio::test]
async fn a_claim_code_gets_ten_tries_an_hour_so_it_cannot_probe_which_addresses_have_accounts() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let _ben = app.student(school, "Ben", "Ruiz", 10).await;
        let code = stembridge::roster::claim_code::generate();
        app.roster_student(school, "Fatima", "Williams", 11, &code)
            .await;
        let probe = new_client();
        let try_claim = |email: String| {
            let probe = probe.clone();
            let code = code.clone();
            let app = &app;
            async move {
                app.submit_as(
                    &probe,
                    "/claim",
                    "/claim",
                    &[
                        ("code", code.as_str()),
                        ("display_name", "Probe"),
                        ("email", email.as_str()),
                        ("password", PASSWORD),
                    ],
                )
                .await
            }
        };
        for _ in 0..10 {
            let response = try_claim("ben@students.org".into()).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        let users = app.count("app_user").await;
        // The eleventh try is refused before the address is read, whatever
        // it is: a taken one and a free one get the same answer.
        for email in ["ben@students.org", "fatima.w@example.net"] {
            let response = try_claim(email.into()).await;
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{email}");
            let body = response.text().await.unwrap();
            assert!(
                body.contains("This code has been tried several times in the last hour")
                    && !body.contains("already exists"),
                "{body}"
            );
        }
        assert_eq!(app.count("app_user").await, users, "nothing written");
        assert_eq!(
            app.count("student WHERE first_name = 'Fatima' AND user_id IS NULL")
                .await,
            1,
            "the code is still unclaimed"
        );

        // An hour later the student who holds the code claims it.
        {
            use sea_orm::{EntityTrait, sea_query::Expr};
            entity::rate_limit::Entity::update_many()
                .col_expr(
                    entity::rate_limit::Column::LastHitAt,
                    Expr::value(chrono::Utc::now() - chrono::Duration::minutes(61)),
                )
                .exec(&app.db)
                .await
                .unwrap();
        }
        let response = try_claim("fatima.w@example.net".into()).await;
        assert_eq!(location(&response), "/dashboard", "claimed");
    })
    .await;
}
