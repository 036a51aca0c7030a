//! Getting into an account safely (issue 11, the remaining gaps): employer
//! registration that answers the same for a new and a known address and
//! confirms the address by an emailed single-use link; "forgot password"
//! that answers the same for every address and emails a single-use,
//! 30-minute link; TOTP secrets sealed at rest; the second step counting
//! before it checks; and a suspension that always wins over offers racing it.

use std::time::{Duration, Instant};

use chrono::Utc;
use entity::{ApplicationStatus, application_event, email_confirmation, organization, user};
use migration::{Migrator, MigratorTrait};
use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    account_security::{code, enrol, second_step, try_login},
    applications::{apply, id_from, student},
    helpers::{
        Backend, PASSWORD, TestApp, backends, extract_csrf, location, new_client, on_each_backend,
        posting,
    },
    integrity::{all_at_once, count},
    mail_server::MailServer,
};

const NEW_PASSWORD: &str = "a brand new passphrase";

fn registration<'a>(email: &'a str, organization: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("organization_name", organization),
        ("website", ""),
        ("zip", "60601"),
        ("phone", ""),
        ("display_name", "Erin"),
        ("email", email),
        ("password", PASSWORD),
    ]
}

async fn app_with_smtp(backend: Backend, server: &MailServer) -> TestApp {
    let url = server.url();
    TestApp::spawn_with(backend, move |config| config.smtp_url = Some(url)).await
}

/// What a person sees after posting a form: the status, where it leads, and
/// that page (its one-time CSRF token taken out).
async fn answer(
    app: &TestApp,
    client: &Client,
    response: reqwest::Response,
) -> (u16, String, String) {
    let status = response.status().as_u16();
    let to = location(&response);
    let page = app.get_as(client, &to).await.text().await.unwrap();
    let page = match extract_csrf(&page) {
        Some(token) => page.replace(&token, "TOKEN"),
        None => page,
    };
    (status, to, page)
}

#[tokio::test]
async fn registration_answers_the_same_for_a_new_and_a_known_address() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let mut answers = Vec::new();
        let mut timings = Vec::new();
        for (email, organization) in [
            ("new@lakeshore.org", "Lakeshore"),
            ("Erin@Acme.org", "Copycat"),
        ] {
            let client = new_client();
            let started = Instant::now();
            let response = app
                .submit_as(
                    &client,
                    "/register",
                    "/register",
                    &registration(email, organization),
                )
                .await;
            timings.push(started.elapsed());
            answers.push(answer(&app, &client, response).await);
        }
        eprintln!("registration answer times (new, known): {timings:?}");
        assert_eq!(answers[0], answers[1], "one answer for both");
        let (status, to, page) = &answers[0];
        assert_eq!((*status, to.as_str()), (303, "/login"));
        assert!(page.contains("Check your inbox"), "{page}");

        // Only the new address got an account, and it cannot log in yet.
        assert_eq!(app.count("organization").await, 2);
        assert_eq!(app.count("app_user").await, 2);
        assert_eq!(app.count("organization WHERE name = 'Copycat'").await, 0);
        let response = try_login(&app, &new_client(), "new@lakeshore.org", PASSWORD).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Confirm your email address first"),
        );

        // Counselors see only the registration whose address is confirmed.
        let admin = app.admin().await;
        let queue = app
            .get_as(&admin, "/organizations/review")
            .await
            .text()
            .await
            .unwrap();
        assert!(queue.contains("Acme Labs") && !queue.contains("Lakeshore"));

        // The known address hears that someone tried, with a way in.
        let attempt = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Recipient.eq("erin@acme.org"))
            .filter(entity::mail_outbox::Column::Kind.eq("registration_attempt"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("a note to the account's owner");
        assert!(attempt.subject.contains("Someone tried to register"));
        let text = crate::helpers::mailed_text(&attempt);
        assert!(text.contains("/password/forgot"));
        assert!(text.contains("/login"));
        assert!(!text.contains("/register/confirm/"), "already confirmed");
        assert_eq!(
            app.count(
                "mail_outbox WHERE recipient = 'new@lakeshore.org' AND kind = 'confirm_email'"
            )
            .await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_employer_confirms_the_address_through_the_emailed_link_once_before_logging_in() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let client = new_client();
        // A Spanish reader gets the message in Spanish.
        app.get_as(&client, "/language/es").await;
        let response = app
            .submit_as(
                &client,
                "/register",
                "/register",
                &registration("ana@taller.org", "Taller"),
            )
            .await;
        assert_eq!(location(&response), "/login");
        let response = try_login(&app, &new_client(), "ana@taller.org", PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "not before the link"
        );

        let mail = server.wait_for_to("ana@taller.org", 1, 15).await.remove(0);
        assert!(
            mail.subject().contains("Confirme su correo electrónico"),
            "{}",
            mail.subject()
        );
        let link = mail.link("/register/confirm/");
        let token = link.rsplit('/').next().unwrap().to_owned();
        let stored: Vec<String> = email_confirmation::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.token_hash)
            .collect();
        assert_eq!(
            stored,
            vec![stembridge::tokens::digest(&token)],
            "a digest only"
        );

        // Opening the link asks for a click (a mail scanner's fetch spends nothing).
        let visitor = new_client();
        let page = app.get_as(&visitor, &link).await.text().await.unwrap();
        assert!(
            page.contains("Did you not register Taller"),
            "names the organization, for an owner who did not register it: {page}"
        );
        assert_eq!(app.get_as(&visitor, &link).await.status(), StatusCode::OK);
        let response = app.submit_as(&visitor, &link, &link, &[]).await;
        assert_eq!(location(&response), "/login");
        assert_eq!(
            app.get_as(&visitor, &link).await.status(),
            StatusCode::NOT_FOUND,
            "once"
        );
        let response = visitor
            .post(app.url(&link))
            .form(&[(
                "csrf_token",
                app.csrf_token(&visitor, "/login").await.as_str(),
            )])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "spent");
        let response = try_login(&app, &new_client(), "ana@taller.org", PASSWORD).await;
        assert_eq!(location(&response), "/dashboard");
    }
}

#[tokio::test]
async fn an_unconfirmed_owner_registering_again_gets_a_fresh_link_and_old_or_expired_links_fail() {
    on_each_backend(async |app: TestApp| {
        app.submit(
            "/register",
            "/register",
            &registration("erin@acme.org", "Acme"),
        )
        .await;
        let first = app
            .link_mailed_to("erin@acme.org", "/register/confirm/")
            .await;
        // The first mail was lost: registering again sends a new link.
        app.submit_as(
            &new_client(),
            "/register",
            "/register",
            &registration("erin@acme.org", "Acme 2"),
        )
        .await;
        let second = app
            .link_mailed_to("erin@acme.org", "/register/confirm/")
            .await;
        assert_ne!(first, second);
        assert_eq!(app.count("organization").await, 1, "no second organization");
        assert_eq!(
            app.get(&first).await.status(),
            StatusCode::NOT_FOUND,
            "replaced"
        );

        // A link past its 48 hours is dead.
        email_confirmation::Entity::update_many()
            .col_expr(
                email_confirmation::Column::ExpiresAt,
                Expr::value(Utc::now() - chrono::Duration::minutes(1)),
            )
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(app.get(&second).await.status(), StatusCode::NOT_FOUND);
        let response = app.submit_as(&new_client(), "/login", &second, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = try_login(&app, &new_client(), "erin@acme.org", PASSWORD).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn one_address_gets_at_most_five_messages_an_hour_however_often_it_is_typed() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        for n in 0..4 {
            let name = format!("Copy {n}");
            let response = app
                .submit_as(
                    &new_client(),
                    "/register",
                    "/register",
                    &registration("erin@acme.org", &name),
                )
                .await;
            assert_eq!(location(&response), "/login");
            let response = app
                .submit_as(
                    &new_client(),
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", "erin@acme.org")],
                )
                .await;
            assert_eq!(
                location(&response),
                "/login",
                "the same answer, sent or not"
            );
        }
        // The confirmation, then four more: nine asked for, five sent.
        assert_eq!(
            app.count("mail_outbox WHERE recipient = 'erin@acme.org'")
                .await,
            5
        );
    })
    .await;
}

#[tokio::test]
async fn forgot_password_answers_the_same_and_its_link_works_once_and_ends_the_old_sessions() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let laptop = app.employer("Acme Labs", "erin@acme.org").await;
        let phone = new_client();
        app.login_as(&phone, "erin@acme.org", PASSWORD).await;

        // Malformed: a form error, whoever asks.
        let response = app
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", "not-an-email")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Enter an email address")
        );

        // Unknown and known addresses: one answer.
        let mut answers = Vec::new();
        for email in ["nobody@acme.org", "Erin@Acme.org"] {
            let client = new_client();
            let response = app
                .submit_as(
                    &client,
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", email)],
                )
                .await;
            answers.push(answer(&app, &client, response).await);
        }
        assert_eq!(answers[0], answers[1]);
        assert_eq!((answers[0].0, answers[0].1.as_str()), (303, "/login"));
        assert!(
            answers[0].2.contains("a reset link is on its way"),
            "{}",
            answers[0].2
        );

        // The confirmation and the reset link arrive; nothing for the unknown address.
        let mail = server.wait_for_to("erin@acme.org", 2, 15).await.remove(1);
        assert!(
            mail.subject().contains("password reset link"),
            "{}",
            mail.subject()
        );
        assert!(server.received_to("nobody@acme.org").is_empty());
        assert_eq!(
            app.count("mail_outbox WHERE recipient = 'nobody@acme.org'")
                .await,
            0
        );
        let link = mail.link("/password-reset/");

        // It works once; every session of the old password ends.
        let visitor = new_client();
        assert_eq!(app.get_as(&visitor, &link).await.status(), StatusCode::OK);
        let response = app
            .submit_as(&visitor, &link, &link, &[("new_password", NEW_PASSWORD)])
            .await;
        assert_eq!(location(&response), "/login");
        for old in [&laptop, &phone] {
            assert_eq!(location(&app.get_as(old, "/employer").await), "/login");
        }
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::NOT_FOUND
        );
        let response = app
            .submit_as(
                &new_client(),
                "/login",
                &link,
                &[("new_password", "yet another passphrase")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "used once");
        let response = try_login(&app, &new_client(), "erin@acme.org", PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "the old password is gone"
        );
        app.login_as(&new_client(), "erin@acme.org", NEW_PASSWORD)
            .await;

        // A link past its 30 minutes is refused.
        app.submit_as(
            &new_client(),
            "/password/forgot",
            "/password/forgot",
            &[("email", "erin@acme.org")],
        )
        .await;
        let mail = server.wait_for_to("erin@acme.org", 3, 15).await.remove(2);
        let link = mail.link("/password-reset/");
        entity::password_reset::Entity::update_many()
            .col_expr(
                entity::password_reset::Column::ExpiresAt,
                Expr::value(Utc::now() - chrono::Duration::minutes(31)),
            )
            .filter(entity::password_reset::Column::UsedAt.is_null())
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::NOT_FOUND
        );
        let response = app
            .submit_as(
                &new_client(),
                "/login",
                &link,
                &[("new_password", "yet another passphrase")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "expired");
        app.login_as(&new_client(), "erin@acme.org", NEW_PASSWORD)
            .await;
    }
}

#[tokio::test]
async fn with_a_mail_server_an_admin_issued_reset_link_is_emailed_not_shown() {
    let server = MailServer::start().await;
    let app = app_with_smtp(Backend::Sqlite, &server).await;
    let admin = app.admin().await;
    let id = app.employer("Acme Labs", "erin@acme.org").await.id;
    let response = app
        .submit_as(
            &admin,
            "/admin/accounts",
            &format!("/admin/accounts/{id}/reset-link"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app
        .get_as(&admin, &location(&response))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("A reset link was emailed to erin@acme.org"),
        "{page}"
    );
    assert!(!page.contains("/password-reset/"), "not shown to the admin");
    let mail = server.wait_for_to("erin@acme.org", 2, 15).await.remove(1);
    assert!(
        mail.text().contains("An administrator issued"),
        "{}",
        mail.text()
    );
    let link = mail.link("/password-reset/");
    let response = app
        .submit_as(
            &new_client(),
            &link,
            &link,
            &[("new_password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(location(&response), "/login");
    app.login_as(&new_client(), "erin@acme.org", NEW_PASSWORD)
        .await;
}

/// The stored TOTP column of `email`.
async fn stored_secret(app: &TestApp, email: &str) -> String {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .mfa_secret
        .expect("a secret")
}

#[tokio::test]
async fn totp_secrets_are_sealed_in_the_database_and_still_work_after_a_restart_and_a_migration() {
    for backend in backends() {
        let mut app = TestApp::spawn(backend).await;
        let employer = app.employer("Acme Labs", "erin@acme.org").await;
        let (secret, recovery) = enrol(&app, &employer).await;
        let plain = secret.replace(' ', "");
        let stored = stored_secret(&app, "erin@acme.org").await;
        assert!(stored.starts_with("v1:"), "{stored}");
        assert!(
            !stored.contains(&plain),
            "the column does not hold the secret"
        );

        app.restart().await;
        let laptop = new_client();
        assert_eq!(
            location(&try_login(&app, &laptop, "erin@acme.org", PASSWORD).await),
            "/login/mfa"
        );
        assert_eq!(
            location(&second_step(&app, &laptop, &code(&secret, 30)).await),
            "/dashboard",
            "the sealed secret opens after a restart"
        );

        // The migration that sealed existing rows: undone, the column holds
        // the plain secret (as before it); done again, it is sealed.
        let names: Vec<String> = Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let ours = names
            .iter()
            .position(|n| n == "m20261128_000013_confirm_emails_and_seal_secrets")
            .unwrap();
        Migrator::down(&app.db, Some((names.len() - ours) as u32))
            .await
            .unwrap();
        let row = sea_orm::ConnectionTrait::query_one_raw(
            &app.db,
            sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                "SELECT mfa_secret FROM app_user WHERE email = 'erin@acme.org'",
            ),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(row.try_get::<String>("", "mfa_secret").unwrap(), plain);
        Migrator::up(&app.db, None).await.unwrap();
        let resealed = stored_secret(&app, "erin@acme.org").await;
        assert!(resealed.starts_with("v1:") && !resealed.contains(&plain));
        app.restart().await;
        let phone = new_client();
        try_login(&app, &phone, "erin@acme.org", PASSWORD).await;
        assert_eq!(
            location(&second_step(&app, &phone, &recovery[0]).await),
            "/dashboard"
        );
    }
}

#[tokio::test]
async fn forty_parallel_second_step_codes_get_five_checks() {
    on_each_backend(async |app: TestApp| {
        let employer = app.employer("Acme Labs", "erin@acme.org").await;
        let (secret, _) = enrol(&app, &employer).await;
        let attacker = new_client();
        assert_eq!(
            location(&try_login(&app, &attacker, "erin@acme.org", PASSWORD).await),
            "/login/mfa"
        );
        let token = app.csrf_token(&attacker, "/login/mfa").await;
        let requests = (0..40)
            .map(|n| {
                attacker.post(app.url("/login/mfa")).form(&[
                    ("csrf_token", token.as_str()),
                    ("code", format!("{:06}", 100_000 + n).as_str()),
                ])
            })
            .collect();
        let statuses = all_at_once(requests).await;
        let checked = count(&statuses, StatusCode::UNAUTHORIZED);
        let refused = count(&statuses, StatusCode::TOO_MANY_REQUESTS);
        eprintln!("40 parallel second-step codes: {checked} checked, {refused} refused");
        assert_eq!((checked, refused), (5, 35), "{statuses:?}");
        // In backoff now: even the right code waits.
        let response = second_step(&app, &attacker, &code(&secret, 30)).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    })
    .await;
}

#[tokio::test]
async fn a_suspension_always_wins_over_offers_racing_it() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[("slots", "40")])).await;
        let school = app.school_with_counselor("Lincoln High").await;
        let mut applications = Vec::new();
        for n in 0..30 {
            let client = student(&app, school, &format!("Student{n}"), 12, "2005-01-01").await;
            applications.push(id_from(&apply(&app, &client, opportunity).await));
        }
        let organization_id = app.organization_id("Lakeshore Robotics").await;
        let token = app.csrf_token(&employer, "/employer").await;
        let admin_token = app.csrf_token(&admin, "/organizations/review").await;

        // Offers leave every 3 ms; the suspension goes out in the middle.
        let mut tasks = tokio::task::JoinSet::new();
        for (n, application) in applications.iter().enumerate() {
            let request = employer
                .post(app.url(&format!("/employer/applications/{application}/offer")))
                .form(&[("csrf_token", token.as_str())]);
            tasks.spawn(async move {
                tokio::time::sleep(Duration::from_millis(3 * n as u64)).await;
                (false, request.send().await.unwrap().status())
            });
        }
        let suspend = admin
            .post(app.url(&format!("/organizations/{organization_id}/review")))
            .form(&[
                ("csrf_token", admin_token.as_str()),
                ("decision", "suspend"),
                ("reason", "Complaint under review"),
            ]);
        tasks.spawn(async move {
            tokio::time::sleep(Duration::from_millis(40)).await;
            (true, suspend.send().await.unwrap().status())
        });
        let mut offers = Vec::new();
        while let Some(done) = tasks.join_next().await {
            let (is_suspension, status) = done.unwrap();
            if is_suspension {
                assert_eq!(status, StatusCode::SEE_OTHER, "suspended");
            } else {
                offers.push(status);
            }
        }
        let made = count(&offers, StatusCode::SEE_OTHER);
        let refused = count(&offers, StatusCode::FORBIDDEN);
        eprintln!("offers racing a suspension: {made} made, {refused} refused");
        assert_eq!(made + refused, offers.len(), "{offers:?}");

        // Every offer written was written before the suspension took the
        // organization's row, and each answered "made" is there.
        let suspended_at = organization::Entity::find_by_id(organization_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .reviewed_at
            .unwrap();
        let events = application_event::Entity::find()
            .filter(application_event::Column::ToStatus.eq(ApplicationStatus::Offered))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(events.len(), made);
        let late: Vec<_> = events.iter().filter(|e| e.at > suspended_at).collect();
        assert!(
            late.is_empty(),
            "offers written after the suspension: {late:?}"
        );
        assert_eq!(
            app.count("application WHERE status = 'offered'").await,
            made as i64
        );

        // After it, no offer at all.
        let requests = applications
            .iter()
            .map(|application| {
                employer
                    .post(app.url(&format!("/employer/applications/{application}/offer")))
                    .form(&[("csrf_token", token.as_str())])
            })
            .collect();
        let after = all_at_once(requests).await;
        assert_eq!(
            count(&after, StatusCode::FORBIDDEN),
            after.len(),
            "{after:?}"
        );
        assert_eq!(
            app.count("application WHERE status = 'offered'").await,
            made as i64
        );
    })
    .await;
}

/// The usted forms the access mails use for adults, none of which may reach
/// a student (whom every student page addresses as tú).
const USTED: [&str; 8] = [
    "usted",
    "Confirme su",
    "ignore este",
    "ignórelo",
    "Abra este",
    "su cuenta",
    "Su enlace",
    "su contraseña",
];

#[tokio::test]
async fn a_spanish_students_access_mails_say_tu_from_subject_to_footer() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let code = stembridge::roster::claim_code::generate();
        app.roster_student(school, "José", "Diaz", 10, &code).await;
        let jose = new_client();
        app.get_as(&jose, "/language/es").await;
        let response = app
            .submit_as(
                &jose,
                "/claim",
                "/claim",
                &[
                    ("code", &code),
                    ("display_name", "José"),
                    ("email", "jose@students.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(location(&response), "/dashboard");

        // The confirmation, as the mail server received it.
        let mail = server
            .wait_for_to("jose@students.org", 1, 15)
            .await
            .remove(0);
        assert_eq!(
            mail.subject(),
            "Confirma tu correo electrónico en STEMbridge"
        );
        for body in [mail.text(), mail.html()] {
            for tu in [
                "Activaste tu cuenta",
                "Si no te registraste, ignora este correo",
                "Si no fuiste tú, ignóralo",
            ] {
                assert!(body.contains(tu), "{tu}: {body}");
            }
            for usted in USTED {
                assert!(!body.contains(usted), "{usted}: {body}");
            }
        }
        let link = mail.link("/register/confirm/");
        let response = app.submit_as(&jose, &link, &link, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "confirmed");

        // A password reset, and someone registering with his address.
        let response = app
            .submit_as(
                &jose,
                "/password/forgot",
                "/password/forgot",
                &[("email", "jose@students.org")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let stranger = new_client();
        app.get_as(&stranger, "/language/es").await;
        app.submit_as(
            &stranger,
            "/register",
            "/register",
            &registration("jose@students.org", "Taller"),
        )
        .await;
        let mails = server.wait_for_to("jose@students.org", 3, 15).await;
        let subjects: Vec<String> = mails[1..].iter().map(|m| m.subject()).collect();
        assert!(
            subjects.contains(&"Tu enlace para restablecer la contraseña de STEMbridge".to_owned())
                && subjects.contains(
                    &"Alguien intentó registrarse en STEMbridge con tu dirección".to_owned()
                ),
            "{subjects:?}"
        );
        for mail in &mails[1..] {
            let body = mail.text();
            assert!(body.contains("Si no fuiste tú, ignóralo"), "{body}");
            assert!(
                body.contains("Abre este enlace") || body.contains("¿Olvidaste tu contraseña?"),
                "{body}"
            );
            for usted in USTED {
                assert!(!body.contains(usted), "{usted}: {body}");
            }
        }

        // An employer reading Spanish is still addressed as usted.
        let ana = new_client();
        app.get_as(&ana, "/language/es").await;
        app.submit_as(
            &ana,
            "/register",
            "/register",
            &registration("ana@taller.org", "Taller"),
        )
        .await;
        let mail = server.wait_for_to("ana@taller.org", 1, 15).await.remove(0);
        assert_eq!(
            mail.subject(),
            "Confirme su correo electrónico en STEMbridge"
        );
        assert!(
            mail.text().contains("Si no fue usted, ignórelo"),
            "{}",
            mail.text()
        );
    }
}
