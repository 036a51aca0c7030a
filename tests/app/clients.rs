//! What clients other than our own pages send: the list style of JavaScript
//! libraries, misspelled parameters, other methods and CORS preflights on
//! the API, and forms sent as `multipart/form-data`.

use reqwest::{Method, StatusCode, multipart};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;

use crate::helpers::{TestApp, extract_csrf, new_client, on_each_backend, posting};

#[tokio::test]
async fn lists_in_bracket_style_filter_and_an_unknown_parameter_is_refused_by_name() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let paid = app.published(&employer, &posting(&[])).await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Unpaid lab shadow"),
                ("compensation", "unpaid"),
                ("hourly_wage", ""),
                ("features", "transit_accessible"),
            ]),
        )
        .await;
        let both = app.api_ids("").await;
        assert_eq!(both.len(), 2);

        // axios, jQuery and qs write lists as `need[]=` or `need[0]=`.
        let filtered = app.api_ids("need=paid&need=wheelchair_accessible").await;
        assert_eq!(filtered, vec![i64::from(paid)]);
        for query in [
            "need%5B%5D=paid&need%5B%5D=wheelchair_accessible",
            "need[]=paid&need[]=wheelchair_accessible",
            "need%5B0%5D=paid&need%5B1%5D=wheelchair_accessible",
        ] {
            assert_eq!(app.api_ids(query).await, filtered, "{query}");
        }
        // Tracking parameters added by mail and ad tools are let be.
        assert_eq!(
            app.api_ids("utm_source=newsletter&fbclid=abc&_=1700000000")
                .await
                .len(),
            2
        );

        // A parameter we do not know is refused, named, not ignored.
        for (query, name) in [
            ("needs=paid", "needs"),
            ("Need=paid", "Need"),
            ("zip=60608&within_mile=5", "within_mile"),
            ("q%5B%5D=robots", "q[]"),
        ] {
            let response = app.get(&format!("/api/v1/opportunities?{query}")).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["error"]["code"], "unknown_parameter", "{query}");
            assert_eq!(body["error"]["parameter"], name, "{query}");
            let message = body["error"]["message"].as_str().unwrap();
            assert!(message.contains("is not a search parameter"), "{message}");
            assert!(message.contains("within_miles"), "{message}");
        }
        let spanish = app
            .client
            .get(app.url("/api/v1/opportunities?needs=paid"))
            .header("accept-language", "es")
            .send()
            .await
            .unwrap();
        let body: Value = spanish.json().await.unwrap();
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("no es un parámetro de búsqueda"),
            "{body}"
        );

        // The page reads the same lists, and says so rather than showing
        // every posting as if filtered.
        let page = app.get("/search?need%5B%5D=paid").await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("Robotics lab intern"));
        assert!(!html.contains("Unpaid lab shadow"));
        let page = app.get("/search?needs=paid").await;
        assert_eq!(page.status(), StatusCode::BAD_REQUEST);
        let html = page.text().await.unwrap();
        assert!(html.contains("“needs” is not a search parameter"), "{html}");
        assert!(!html.contains("Unpaid lab shadow"));
        let page = app.get("/search?q=robotics&utm_campaign=fall").await;
        assert_eq!(page.status(), StatusCode::OK);
        let feed = app.get("/search.atom?needs=paid").await;
        assert_eq!(feed.status(), StatusCode::BAD_REQUEST);
    })
    .await;
}

#[tokio::test]
async fn the_api_answers_other_methods_in_json_and_lets_any_site_read_it() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let client = new_client();
    for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
        for path in ["/api/v1/opportunities", "/api/v1/openapi.json"] {
            let response = client
                .request(method.clone(), app.url(path))
                .header("cookie", "stembridge_session=whatever")
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            assert_eq!(response.headers()["allow"], "GET, HEAD", "{method} {path}");
            assert!(
                response.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("application/json")
            );
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["error"]["code"], "method_not_allowed");
            assert_eq!(
                body["error"]["message"],
                "The API only reads: use GET (or HEAD)."
            );
        }
    }
    // An address the API does not have is a 404 whatever the method.
    let response = client
        .post(app.url("/api/v1/opportunity"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");

    // A browser's preflight for a request with its own headers is answered
    // yes for GET, from any origin, without credentials.
    let preflight = client
        .request(Method::OPTIONS, app.url("/api/v1/opportunities?q=robots"))
        .header("origin", "https://club.example")
        .header("access-control-request-method", "GET")
        .header(
            "access-control-request-headers",
            "x-requested-with, x-api-key",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(
        headers["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("GET")
    );
    assert_eq!(headers["access-control-allow-headers"], "*");
    assert!(headers.get("access-control-allow-credentials").is_none());
    let read = client
        .get(app.url("/api/v1/opportunities"))
        .header("origin", "https://club.example")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert_eq!(read.headers()["access-control-allow-origin"], "*");
    // The site's own pages are not opened to other sites.
    let page = client
        .request(Method::OPTIONS, app.url("/search"))
        .header("origin", "https://club.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert!(page.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn an_ordinary_form_sent_as_multipart_is_read_like_any_other() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let id = app.published(&employer, &posting(&[])).await;
        let school = app.school("Lincoln High").await;
        let student = app.student(school, "Ana", "Rivera", 11).await;
        let page = format!("/opportunities/{id}");
        let applications = async || {
            entity::application::Entity::find()
                .count(&app.db)
                .await
                .unwrap()
        };

        // Without the token it is still refused, and nothing is written.
        let forged = multipart::Form::new().text("note", "Hello");
        let response = student
            .client
            .post(app.url(&format!("{page}/apply")))
            .multipart(forged)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(applications().await, 0);

        // With it (what `curl -F` and form fillers send), it is an application.
        let html = app
            .get_as(&student.client, &page)
            .await
            .text()
            .await
            .unwrap();
        let token = extract_csrf(&html).unwrap();
        let form = multipart::Form::new()
            .text("csrf_token", token)
            .text("note", "I build robots at home — ¡me encantan!");
        let response = student
            .client
            .post(app.url(&format!("{page}/apply")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(applications().await, 1);
        let note = entity::application::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .note;
        assert_eq!(note, "I build robots at home — ¡me encantan!");
    })
    .await;
}
