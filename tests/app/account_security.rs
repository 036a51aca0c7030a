//! Account lifecycle and staff second factor: admins disable, enable and
//! detach accounts (audited), users change their password, reset links work
//! once for 30 minutes, and staff log in with an authenticator code.

use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use totp_rs::{Algorithm, Builder, Secret};

use crate::helpers::{PASSWORD, TestApp, location, new_client, on_each_backend, posting};

const NEW_PASSWORD: &str = "a brand new passphrase";

/// The text of the element with `id` on a page, unescaped.
pub(crate) fn element(html: &str, id: &str) -> String {
    html.split(&format!("id=\"{id}\">"))
        .nth(1)
        .unwrap_or_else(|| panic!("no #{id} in {html}"))
        .split("</")
        .next()
        .unwrap()
        .replace("&#x2f;", "/")
        .trim()
        .to_owned()
}

pub(crate) async fn admin_acts(
    app: &TestApp,
    admin: &Client,
    email: &str,
    action: &str,
) -> reqwest::Response {
    let id = app.user_id(email).await;
    app.submit_as(
        admin,
        &format!("/admin/accounts?q={email}"),
        &format!("/admin/accounts/{id}/{action}"),
        &[],
    )
    .await
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    entity::audit_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

pub(crate) async fn try_login(
    app: &TestApp,
    client: &Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.submit_as(
        client,
        "/login",
        "/login",
        &[("email", email), ("password", password)],
    )
    .await
}

#[tokio::test]
async fn an_admin_disables_an_account_and_its_open_sessions_end_at_once() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        let second_tab = new_client();
        app.login_as(&second_tab, &email, PASSWORD).await;
        let list = app
            .get_as(&admin, &format!("/admin/accounts?q={email}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(list.contains(&email), "{list}");

        let response = admin_acts(&app, &admin, &email, "disable").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        for client in [&counselor, &second_tab] {
            assert_eq!(location(&app.get_as(client, "/counselor").await), "/login");
        }
        let response = try_login(&app, &new_client(), &email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("disabled"));

        // An admin cannot lock themselves out.
        let response = admin_acts(&app, &admin, "admin@example.org", "disable").await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        let response = admin_acts(&app, &admin, &email, "enable").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        app.login_as(&new_client(), &email, PASSWORD).await;
        let actions = audit_actions(&app).await;
        assert!(
            actions.contains(&"disable_account".to_owned()),
            "{actions:?}"
        );
        assert!(
            actions.contains(&"enable_account".to_owned()),
            "{actions:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn an_admin_takes_a_counselor_off_a_school_and_an_employer_out_of_an_organization() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let mut schools = Vec::new();
        for name in ["Lincoln High", "Roosevelt High"] {
            let school = app.school(name).await;
            schools.push(school);
        }
        let email = "two.schools@school.edu";
        let counselor = app.counselor(email, &schools).await;
        app.roster_student(schools[1], "Rosa", "Roosevelt", 10, "UNUSED-CODE-1")
            .await;
        assert_eq!(
            app.get_as(&counselor, "/counselor/students/1")
                .await
                .status(),
            StatusCode::OK
        );
        let id = counselor.id;
        let response = app
            .submit_as(
                &admin,
                "/admin/accounts",
                &format!("/admin/accounts/{id}/schools/{}/remove", schools[1]),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get_as(&counselor, "/counselor/students/1")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get_as(&counselor, "/counselor").await.status(),
            StatusCode::OK,
            "the other school stays"
        );

        // An employer colleague leaves the organization: their session ends
        // and, logged in again, they act for no organization.
        let colleague_email = "kim@acme.org";
        let employer = app
            .verified_employer(&admin, "Acme Labs", colleague_email)
            .await;
        let response = admin_acts(&app, &admin, colleague_email, "remove-from-organization").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&app.get_as(&employer, "/employer").await),
            "/login"
        );
        app.login_as(&employer, colleague_email, PASSWORD).await;
        assert_eq!(
            app.get_as(&employer, "/employer").await.status(),
            StatusCode::FORBIDDEN
        );
        let actions = audit_actions(&app).await;
        assert!(
            actions.contains(&"remove_counselor_school".to_owned()),
            "{actions:?}"
        );
        assert!(
            actions.contains(&"remove_from_organization".to_owned()),
            "{actions:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_user_changes_their_password_with_the_current_one_and_their_other_sessions_end() {
    on_each_backend(async |app: TestApp| {
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        let other_device = new_client();
        app.login_as(&other_device, &email, PASSWORD).await;

        let response = app
            .submit_as(
                &counselor,
                "/account",
                "/account/password",
                &[
                    ("current_password", "not it at all"),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("not your current password")
        );
        let response = app
            .submit_as(
                &counselor,
                "/account",
                "/account/password",
                &[("current_password", PASSWORD), ("new_password", "short")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // A password sprayed over many accounts is refused, saying why; the
        // page's title says first that the form needs fixing (eyes12u F3,
        // eyes12a F5a).
        for guessed in ["aaaaaaaaaa", "1234567890", "Password2026!", "qwertyuiop"] {
            let response = app
                .submit_as(
                    &counselor,
                    "/account",
                    "/account/password",
                    &[("current_password", PASSWORD), ("new_password", guessed)],
                )
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{guessed}"
            );
            let page = response.text().await.unwrap();
            assert!(page.contains("people guessing try first"), "{guessed}");
            assert!(page.contains("<title>Error: "), "{guessed}");
        }
        assert_eq!(
            app.get_as(&other_device, "/counselor").await.status(),
            StatusCode::OK,
            "refused changes end nothing"
        );

        let response = app
            .submit_as(
                &counselor,
                "/account",
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get_as(&counselor, "/counselor").await.status(),
            StatusCode::OK,
            "this session goes on"
        );
        assert_eq!(
            location(&app.get_as(&other_device, "/counselor").await),
            "/login"
        );
        assert_eq!(
            try_login(&app, &new_client(), &email, PASSWORD)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        app.login_as(&new_client(), &email, NEW_PASSWORD).await;

        // "Log out everywhere" ends this session too.
        let response = app
            .submit_as(&counselor, "/account", "/account/sign-out-everywhere", &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&app.get_as(&counselor, "/counselor").await),
            "/login"
        );
    })
    .await;
}

#[tokio::test]
async fn a_reset_link_from_an_admin_works_once_for_thirty_minutes_and_ends_every_session() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        let response = admin_acts(&app, &admin, &email, "reset-link").await;
        assert_eq!(response.status(), StatusCode::OK);
        let link = element(&response.text().await.unwrap(), "reset-link");
        let token = link.rsplit('/').next().unwrap().to_owned();
        assert!(
            link.starts_with("/password-reset/") && token.len() >= 40,
            "{link}"
        );
        // Only a digest is stored.
        let stored: Vec<String> = entity::password_reset::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.token_hash)
            .collect();
        assert_eq!(stored, vec![stembridge::tokens::digest(&token)]);

        let visitor = new_client();
        assert_eq!(app.get_as(&visitor, &link).await.status(), StatusCode::OK);
        let response = app
            .submit_as(&visitor, &link, &link, &[("new_password", "short")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let response = app
            .submit_as(&visitor, &link, &link, &[("new_password", NEW_PASSWORD)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&app.get_as(&counselor, "/counselor").await),
            "/login"
        );
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::NOT_FOUND,
            "used once"
        );
        app.login_as(&new_client(), &email, NEW_PASSWORD).await;

        // A link older than 30 minutes is dead.
        let response = admin_acts(&app, &admin, &email, "reset-link").await;
        let link = element(&response.text().await.unwrap(), "reset-link");
        let past = chrono::Utc::now() - chrono::Duration::minutes(31);
        entity::password_reset::Entity::update_many()
            .col_expr(
                entity::password_reset::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(past),
            )
            .filter(entity::password_reset::Column::UsedAt.is_null())
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::NOT_FOUND
        );
        let actions = audit_actions(&app).await;
        assert!(
            actions.contains(&"issue_password_reset".to_owned()),
            "{actions:?}"
        );
        assert!(
            actions.contains(&"reset_password".to_owned()),
            "{actions:?}"
        );
    })
    .await;
}

/// The code an authenticator app shows `seconds_ahead` from now.
pub(crate) fn code(secret: &str, seconds_ahead: u64) -> String {
    let secret = Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(secret)
        .build()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    totp.generate(now + seconds_ahead).to_string()
}

/// Sets up the authenticator of a logged-in client; returns (secret, recovery codes).
pub(crate) async fn enrol(app: &TestApp, client: &Client) -> (String, Vec<String>) {
    let response = app
        .submit_as(client, "/account/mfa", "/account/mfa/start", &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app
        .get_as(client, "/account/mfa")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("src=\"data:image&#x2f;svg+xml;base64,")
            || page.contains("src=\"data:image/svg+xml;base64,"),
        "{page}"
    );
    let secret = element(&page, "mfa-secret");
    let response = app
        .submit_as(
            client,
            "/account/mfa",
            "/account/mfa/confirm",
            &[("code", "000000")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .submit_as(
            client,
            "/account/mfa",
            "/account/mfa/confirm",
            &[("code", &code(&secret, 0)), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let list = page
        .split("id=\"recovery-codes\">")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap();
    let codes: Vec<String> = list
        .split("<li>")
        .skip(1)
        .map(|c| c.split("</li>").next().unwrap().trim().to_owned())
        .collect();
    (secret, codes)
}

pub(crate) async fn second_step(app: &TestApp, client: &Client, code: &str) -> reqwest::Response {
    app.submit_as(client, "/login/mfa", "/login/mfa", &[("code", code)])
        .await
}

#[tokio::test]
async fn staff_set_up_an_authenticator_and_then_log_in_in_two_steps() {
    let app = TestApp::spawn_with(crate::helpers::Backend::Sqlite, |config| {
        config.require_staff_mfa = true;
    })
    .await;
    let counselor = app.counselor_at(app.school("Lincoln High").await).await;
    let email = counselor.email.clone();
    // Required and not set up: every staff page leads to the set-up.
    assert_eq!(
        location(&app.get_as(&counselor, "/counselor").await),
        "/account/mfa"
    );
    let (secret, recovery) = enrol(&app, &counselor).await;
    assert_eq!(recovery.len(), 10, "{recovery:?}");
    assert_eq!(
        app.get_as(&counselor, "/counselor").await.status(),
        StatusCode::OK
    );
    let stored: Vec<String> = entity::mfa_recovery_code::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.code_hash)
        .collect();
    assert!(recovery.iter().all(|c| !stored.contains(c)), "digests only");

    // The password alone logs nobody in.
    let laptop = new_client();
    let response = try_login(&app, &laptop, &email, PASSWORD).await;
    assert_eq!(location(&response), "/login/mfa");
    assert_eq!(location(&app.get_as(&laptop, "/counselor").await), "/login");
    let response = second_step(&app, &laptop, "123456").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // The next step's code (the one used at set-up is spent).
    let next = code(&secret, 30);
    let response = second_step(&app, &laptop, &next).await;
    assert_eq!(location(&response), "/dashboard");
    assert_eq!(
        app.get_as(&laptop, "/counselor").await.status(),
        StatusCode::OK
    );

    // A code works once, even on another computer.
    let phone = new_client();
    try_login(&app, &phone, &email, PASSWORD).await;
    assert_eq!(
        second_step(&app, &phone, &next).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // A recovery code works once too.
    assert_eq!(
        location(&second_step(&app, &phone, &recovery[0]).await),
        "/dashboard"
    );
    let tablet = new_client();
    try_login(&app, &tablet, &email, PASSWORD).await;
    assert_eq!(
        second_step(&app, &tablet, &recovery[0]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Staff cannot turn it off while it is required.
    let response = app
        .submit_as(
            &laptop,
            "/account/mfa",
            "/account/mfa/disable",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_second_step_is_throttled_per_account() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let counselor = app.counselor_at(app.school("Lincoln High").await).await;
    let email = counselor.email.clone();
    let (secret, _) = enrol(&app, &counselor).await;
    let attacker = new_client();
    try_login(&app, &attacker, &email, PASSWORD).await;
    let mut statuses = Vec::new();
    for guess in 0..8 {
        let response = second_step(&app, &attacker, &format!("{:06}", 111_111 * (guess % 9))).await;
        statuses.push(response.status().as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    // Once throttled, even the right code waits.
    let response = second_step(&app, &attacker, &code(&secret, 30)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn employers_may_use_an_authenticator_but_are_not_made_to() {
    let app = TestApp::spawn_with(crate::helpers::Backend::Sqlite, |config| {
        config.require_staff_mfa = true;
    })
    .await;
    let employer = app.employer("Acme Labs", "erin@acme.org").await;
    assert_eq!(
        app.get_as(&employer, "/employer").await.status(),
        StatusCode::OK
    );
    let (secret, _) = enrol(&app, &employer).await;
    let laptop = new_client();
    let response = try_login(&app, &laptop, "erin@acme.org", PASSWORD).await;
    assert_eq!(location(&response), "/login/mfa");
    assert_eq!(
        location(&second_step(&app, &laptop, &code(&secret, 30)).await),
        "/dashboard"
    );
    // Employers may turn it off again, with their password.
    let response = app
        .submit_as(
            &laptop,
            "/account/mfa",
            "/account/mfa/disable",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(location(&response), "/account/mfa");
    let response = try_login(&app, &new_client(), "erin@acme.org", PASSWORD).await;
    assert_eq!(location(&response), "/dashboard");
}

async fn mfa_state(app: &TestApp, email: &str) -> (Option<String>, bool) {
    let user = entity::user::Entity::find()
        .filter(entity::user::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    // Stored sealed: opened here to compare with what the page showed.
    let secret = user
        .mfa_secret
        .map(|sealed| stembridge::sealed::open(user.id, &sealed).unwrap());
    (secret, user.mfa_enabled_at.is_some())
}

#[tokio::test]
async fn turning_the_authenticator_on_needs_the_current_password() {
    on_each_backend(async |app: TestApp| {
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        let response = app
            .submit_as(&counselor, "/account/mfa", "/account/mfa/start", &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = app
            .get_as(&counselor, "/account/mfa")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("name=\"current_password\""), "{page}");
        let secret = element(&page, "mfa-secret");
        let before = mfa_state(&app, &email).await;
        for (password, message) in [
            ("", "Type your current password."),
            (
                "not my password at all",
                "This is not your current password.",
            ),
        ] {
            let response = app
                .submit_as(
                    &counselor,
                    "/account/mfa",
                    "/account/mfa/confirm",
                    &[("code", &code(&secret, 0)), ("current_password", password)],
                )
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let page = response.text().await.unwrap();
            assert!(page.contains(message), "{page}");
            assert_eq!(mfa_state(&app, &email).await, before, "nothing changes");
            assert_eq!(
                entity::mfa_recovery_code::Entity::find()
                    .all(&app.db)
                    .await
                    .unwrap()
                    .len(),
                0
            );
        }
        // The code was not spent by the refused tries: with the password it works.
        let response = app
            .submit_as(
                &counselor,
                "/account/mfa",
                "/account/mfa/confirm",
                &[("code", &code(&secret, 0)), ("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(mfa_state(&app, &email).await.1);
    })
    .await;
}

#[tokio::test]
async fn a_set_up_restarted_in_another_tab_is_not_confirmed_with_the_old_secret() {
    on_each_backend(async |app: TestApp| {
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        app.submit_as(&counselor, "/account/mfa", "/account/mfa/start", &[])
            .await;
        let page = app
            .get_as(&counselor, "/account/mfa")
            .await
            .text()
            .await
            .unwrap();
        let old_secret = element(&page, "mfa-secret");
        // The second tab starts again: a new secret.
        app.submit_as(&counselor, "/account/mfa", "/account/mfa/start", &[])
            .await;
        let (new_secret, _) = mfa_state(&app, &email).await;
        assert_ne!(
            new_secret.as_deref(),
            Some(old_secret.replace(' ', "").as_str())
        );
        let response = app
            .submit_as(
                &counselor,
                "/account/mfa",
                "/account/mfa/confirm",
                &[
                    ("code", &code(&old_secret, 0)),
                    ("current_password", PASSWORD),
                ],
            )
            .await;
        assert!(response.status().is_client_error(), "{}", response.status());
        assert_eq!(mfa_state(&app, &email).await, (new_secret.clone(), false));
        // Once on, starting again is refused and the secret in force stays.
        let (secret, _) = enrol(&app, &counselor).await;
        let before = mfa_state(&app, &email).await;
        let response = app
            .submit_as(&counselor, "/account/mfa", "/account/mfa/start", &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(mfa_state(&app, &email).await, before);
        assert_eq!(before.0.as_deref(), Some(secret.replace(' ', "").as_str()));
    })
    .await;
}

#[tokio::test]
async fn staff_without_an_authenticator_reach_only_its_set_up_when_it_is_required() {
    let app = TestApp::spawn_with(crate::helpers::Backend::Sqlite, |config| {
        config.require_staff_mfa = true;
    })
    .await;
    let counselor = app.counselor_at(app.school("Lincoln High").await).await;
    for path in ["/notifications", "/dashboard"] {
        assert_eq!(
            location(&app.get_as(&counselor, path).await),
            "/account/mfa",
            "{path}"
        );
    }
    assert_eq!(
        app.get_as(&counselor, "/account/mfa").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get_as(&counselor, "/account").await.status(),
        StatusCode::OK
    );
    enrol(&app, &counselor).await;
    assert_eq!(
        app.get_as(&counselor, "/notifications").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_employer_taken_out_of_their_organization_opens_only_the_blank_posting_form() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let email = "lee@acme.org";
        let employer = app.verified_employer(&admin, "Acme Labs", email).await;
        let draft = app.draft(&employer, &posting(&[])).await;
        let response = admin_acts(&app, &admin, email, "remove-from-organization").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        app.login_as(&employer, email, PASSWORD).await;

        // The blank form touches no organization: it still opens.
        assert_eq!(
            app.get_as(&employer, "/employer/opportunities/new")
                .await
                .status(),
            StatusCode::OK
        );
        // Everything acting for an organization refuses, as before.
        for path in [
            "/employer".to_owned(),
            "/employer/organization".to_owned(),
            format!("/employer/opportunities/{draft}"),
            format!("/employer/opportunities/{draft}/edit"),
            format!("/employer/opportunities/{draft}/applicants"),
            "/employer/commitments".to_owned(),
        ] {
            let status = app.get_as(&employer, &path).await.status();
            assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        }
        let fields = posting(&[]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let profile: &[(&str, &str)] = &[("name", "Acme Labs")];
        let invite: &[(&str, &str)] = &[("email", "kim@acme.org")];
        for (action, fields) in [
            ("/employer/opportunities", fields.as_slice()),
            ("/employer/organization", profile),
            ("/employer/invites", invite),
        ] {
            let response = app
                .submit_as(&employer, "/employer/opportunities/new", action, fields)
                .await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action}");
        }
        let drafts = entity::opportunity::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(drafts.len(), 1, "nothing was saved");
    })
    .await;
}

#[tokio::test]
async fn a_password_change_sign_out_everywhere_disabling_or_clearing_mfa_retires_reset_links() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let counselor = app.counselor_at(app.school("Lincoln High").await).await;
        let email = counselor.email.clone();
        let link_from_admin = async || {
            let response = admin_acts(&app, &admin, &email, "reset-link").await;
            assert_eq!(response.status(), StatusCode::OK);
            element(&response.text().await.unwrap(), "reset-link")
        };
        let still_works = async |link: &str| {
            let status = app.get_as(&new_client(), link).await.status();
            assert!(
                status == StatusCode::OK || status == StatusCode::NOT_FOUND,
                "{status}"
            );
            status == StatusCode::OK
        };

        // The person asks for a link, then, worried, changes the password.
        let response = app
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", email.as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let link = app.link_mailed_to(&email, "/password-reset/").await;
        let page = app.get_as(&new_client(), &link).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert_eq!(
            page.headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "the page whose address is the secret is kept by no cache"
        );
        let response = app
            .submit_as(
                &counselor,
                "/account",
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(!still_works(&link).await, "retired by the password change");
        let stale = app
            .submit_as(
                &new_client(),
                "/login",
                &link,
                &[("new_password", "attacker-pass-2026")],
            )
            .await;
        assert_eq!(stale.status(), StatusCode::NOT_FOUND);

        // "Sign out everywhere".
        let link = link_from_admin().await;
        assert!(still_works(&link).await);
        let response = app
            .submit_as(&counselor, "/account", "/account/sign-out-everywhere", &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(!still_works(&link).await, "retired by sign out everywhere");

        // An admin disables the account, then enables it again.
        let link = link_from_admin().await;
        for action in ["disable", "enable"] {
            let response = admin_acts(&app, &admin, &email, action).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action}");
        }
        assert!(!still_works(&link).await, "retired by disabling");

        // An admin clears the second factor.
        let link = link_from_admin().await;
        let response = admin_acts(&app, &admin, &email, "reset-mfa").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            !still_works(&link).await,
            "retired by clearing the second factor"
        );

        // A link issued after all that works, once.
        let link = link_from_admin().await;
        let response = app
            .submit_as(
                &new_client(),
                &link,
                &link,
                &[("new_password", "yet another passphrase")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        app.login_as(&new_client(), &email, "yet another passphrase")
            .await;
    })
    .await;
}
