//! Login, logout, sessions, throttling, CSRF, security headers and role gates.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, backends, location, new_client, on_each_backend};

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    on_each_backend(async |app: TestApp| {
        let response = app.get("/").await;
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "same-origin");
        assert!(
            headers.get("set-cookie").is_none(),
            "browsing anonymously creates no session"
        );
        let login = app.get("/login").await;
        let cookie = login.headers()["set-cookie"].to_str().unwrap();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    })
    .await;
}

#[tokio::test]
async fn health_and_readiness_answer_while_the_database_is_up() {
    on_each_backend(async |app: TestApp| {
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
        assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn an_unknown_page_gets_a_friendly_404() {
    on_each_backend(async |app: TestApp| {
        let response = app.get("/no/such/page").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("We could not find that page.")
        );
    })
    .await;
}

#[tokio::test]
async fn a_registered_employer_can_log_out_and_log_in_again() {
    on_each_backend(async |app: TestApp| {
        let client = app.employer("Acme Labs", "erin@acme.org").await;
        let response = app.get_as(&client, "/employer").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.unwrap().contains("Acme Labs"));

        let response = app.submit_as(&client, "/employer", "/logout", &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&app.get_as(&client, "/employer").await), "/login");

        app.login_as(&client, "ERIN@acme.org ", PASSWORD).await;
        assert_eq!(
            app.get_as(&client, "/employer").await.status(),
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let client = new_client();
        for email in ["erin@acme.org", "nobody@acme.org"] {
            let response = app
                .submit_as(
                    &client,
                    "/login",
                    "/login",
                    &[("email", email), ("password", "wrong password!")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
            let body = response.text().await.unwrap();
            assert!(body.contains("Email or password is incorrect."));
            assert!(body.contains(email), "the typed email is kept in the form");
        }
        assert_eq!(location(&app.get_as(&client, "/employer").await), "/login");
    })
    .await;
}

#[tokio::test]
async fn an_empty_login_form_gets_a_message_per_field() {
    on_each_backend(async |app: TestApp| {
        let response = app
            .submit("/login", "/login", &[("email", ""), ("password", "")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(body.contains("Email is required.") && body.contains("Password is required."));
    })
    .await;
}

#[tokio::test]
async fn five_failed_logins_lock_the_account_even_against_the_right_password() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let client = new_client();
        for _ in 0..5 {
            let response = app
                .submit_as(
                    &client,
                    "/login",
                    "/login",
                    &[("email", "erin@acme.org"), ("password", "guess-guess")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let response = app
            .submit_as(
                &client,
                "/login",
                "/login",
                &[("email", "erin@acme.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Too many failed login attempts")
        );
    })
    .await;
}

#[tokio::test]
async fn a_session_survives_a_server_restart() {
    for backend in backends() {
        let mut app = TestApp::spawn(backend).await;
        let client = app.employer("Acme Labs", "erin@acme.org").await;
        app.restart().await;
        let response = app.get_as(&client, "/employer").await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "still logged in after restart"
        );
    }
}

#[tokio::test]
async fn the_session_id_changes_at_login() {
    on_each_backend(async |app: TestApp| {
        app.employer("Acme Labs", "erin@acme.org").await;
        let client = new_client();
        let before = app.get_as(&client, "/login").await;
        let cookie_before = before.headers()["set-cookie"].to_str().unwrap().to_owned();
        let token = crate::helpers::extract_csrf(&before.text().await.unwrap()).unwrap();
        let response = client
            .post(app.url("/login"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "erin@acme.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        let cookie_after = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_owned();
        let id = |c: &str| c.split(';').next().unwrap().to_owned();
        assert_ne!(id(&cookie_before), id(&cookie_after));
    })
    .await;
}

#[tokio::test]
async fn sessions_end_after_the_absolute_timeout() {
    let app = TestApp::spawn_with(backends().remove(0), |config| {
        config.session_absolute_hours = 0
    })
    .await;
    let client = app.employer("Acme Labs", "erin@acme.org").await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(location(&app.get_as(&client, "/employer").await), "/login");
}

/// When the stored sessions expire, latest first.
async fn session_expiries(app: &TestApp) -> Vec<chrono::DateTime<chrono::Utc>> {
    use sea_orm::{EntityTrait, QueryOrder};
    entity::session::Entity::find()
        .order_by_desc(entity::session::Column::ExpiryDate)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.expiry_date)
        .collect()
}

/// Moves every stored session's end to `at`, as time passing would.
async fn sessions_end_at(app: &TestApp, at: chrono::DateTime<chrono::Utc>) {
    use sea_orm::EntityTrait;
    entity::session::Entity::update_many()
        .col_expr(
            entity::session::Column::ExpiryDate,
            sea_orm::sea_query::Expr::value(at),
        )
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_session_cookie_ends_with_the_browser_and_the_server_ends_an_idle_session() {
    on_each_backend(async |app: TestApp| {
        // The login's cookie has no lifetime of its own: closing the
        // browser (a lab computer) ends the sign-in.
        app.employer("Acme Labs", "erin@acme.org").await;
        let client = new_client();
        let token = app.csrf_token(&client, "/login").await;
        let login = client
            .post(app.url("/login"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "erin@acme.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(login.status(), StatusCode::SEE_OTHER);
        let cookie = login
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|c| c.to_str().unwrap().to_lowercase())
            .find(|c| c.starts_with("stembridge_session="))
            .expect("the login sets the session cookie");
        assert!(
            !cookie.contains("max-age") && !cookie.contains("expires"),
            "a browser-session cookie: {cookie}"
        );

        // The server keeps the idle limit (60 minutes), not two weeks...
        let idle = chrono::Duration::minutes(app.config.session_idle_minutes);
        let now = chrono::Utc::now();
        let latest = session_expiries(&app).await[0];
        assert!(
            latest > now + idle - chrono::Duration::minutes(1)
                && latest <= now + idle + chrono::Duration::seconds(5),
            "stored expiry {latest}, now {now}"
        );
        // ...each page pushes it back...
        sessions_end_at(&app, now + chrono::Duration::minutes(2)).await;
        assert_eq!(
            app.get_as(&client, "/employer").await.status(),
            StatusCode::OK
        );
        let renewed = session_expiries(&app).await[0];
        assert!(
            renewed > now + idle - chrono::Duration::minutes(1),
            "{renewed}"
        );

        // ...and a session left idle that long is over.
        sessions_end_at(&app, chrono::Utc::now() - chrono::Duration::seconds(1)).await;
        assert_eq!(location(&app.get_as(&client, "/employer").await), "/login");
    })
    .await;
}

#[tokio::test]
async fn a_form_post_without_the_csrf_token_is_refused_and_writes_nothing() {
    on_each_backend(async |app: TestApp| {
        app.get("/register").await;
        let response = app
            .client
            .post(app.url("/register"))
            .form(&[
                ("organization_name", "Forged Org"),
                ("zip", "60601"),
                ("display_name", "Mallory"),
                ("email", "mallory@example.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("This form expired"));
        assert_eq!(app.count("organization").await, 0);
        assert_eq!(app.count("app_user").await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_post_with_another_sessions_token_is_refused() {
    on_each_backend(async |app: TestApp| {
        let other = new_client();
        let token = app.csrf_token(&other, "/login").await;
        app.get("/login").await;
        let response = app
            .client
            .post(app.url("/logout"))
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_a_valid_token() {
    on_each_backend(async |app: TestApp| {
        let token = app.csrf_token(&app.client, "/login").await;
        let response = app
            .client
            .post(app.url("/login"))
            .header("origin", "https://evil.example")
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "a@b.org"),
                ("password", "x"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn each_dashboard_admits_only_its_roles() {
    on_each_backend(async |app: TestApp| {
        let anonymous = new_client();
        for path in [
            "/student",
            "/employer",
            "/counselor",
            "/admin",
            "/dashboard",
        ] {
            let response = app.get_as(&anonymous, path).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
            assert_eq!(location(&response), "/login", "{path}");
        }
        let employer = app.employer("Acme Labs", "erin@acme.org").await;
        for path in ["/student", "/counselor", "/admin"] {
            assert_eq!(
                app.get_as(&employer, path).await.status(),
                StatusCode::FORBIDDEN,
                "employer on {path}"
            );
        }
        assert_eq!(
            location(&app.get_as(&employer, "/dashboard").await),
            employer.dashboard()
        );
        let admin = app.admin().await;
        for path in ["/admin", "/counselor"] {
            assert_eq!(
                app.get_as(&admin, path).await.status(),
                StatusCode::OK,
                "admin on {path}"
            );
        }
        assert_eq!(
            app.get_as(&admin, "/employer").await.status(),
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn an_error_page_shows_the_signed_in_persons_own_header() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let draft = app.draft(&employer, &crate::helpers::posting(&[])).await;
        let refused = app.get_as(&employer, "/counselor/dashboard").await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let missing = app.get_as(&employer, "/opportunities/999999").await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let conflict = app.act(&employer, draft, "close").await;
        assert_eq!(conflict.status(), StatusCode::CONFLICT);
        for response in [refused, missing, conflict] {
            let status = response.status();
            let page = response.text().await.unwrap();
            assert!(page.contains("href=\"/employer\""), "{status}: {page}");
            assert!(page.contains("action=\"/logout\""), "{status}: {page}");
            assert!(!page.contains("href=\"/login\""), "{status}: {page}");
        }
        // The log-out button of an error page works (its CSRF token is real).
        let response = app
            .submit_as(&employer, "/opportunities/999999", "/logout", &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get_as(&employer, "/employer").await.status(),
            StatusCode::SEE_OTHER,
            "logged out"
        );

        // Anonymous readers keep the anonymous header.
        let page = app.get("/opportunities/999999").await.text().await.unwrap();
        assert!(page.contains("href=\"/login\"") && !page.contains("action=\"/logout\""));
    })
    .await;
}

#[tokio::test]
async fn a_browser_that_keeps_no_cookies_is_told_cookies_are_needed_not_to_reload() {
    on_each_backend(async |app| {
        let browser = crate::families::cookieless();
        let page = app.get_as(&browser, "/login").await.text().await.unwrap();
        let token = crate::helpers::extract_csrf(&page).expect("a token in the form");
        let response = browser
            .post(app.url("/login"))
            .header("Origin", app.url("").trim_end_matches('/'))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "nobody@example.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let text = response.text().await.unwrap();
        assert!(text.contains("needs cookies"), "{text}");
        // A browser that sent a cookie but a stale token still hears "reload".
        let client = new_client();
        app.get_as(&client, "/login").await;
        let response = client
            .post(app.url("/login"))
            .header("Origin", app.url("").trim_end_matches('/'))
            .form(&[
                ("csrf_token", "stale"),
                ("email", "a@b.org"),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(!response.text().await.unwrap().contains("needs cookies"));
    })
    .await;
}
