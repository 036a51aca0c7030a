//! The public impact page: open to anyone, every student number under the
//! threshold hidden, a chart and a table per figure, a CSV, bad parameters
//! refused, and readable at phone width (axe).

use reqwest::StatusCode;

use crate::helpers::{TestApp, new_client, on_each_backend, posting};

#[tokio::test]
async fn the_impact_page_shows_offers_to_anyone_and_no_student_count_under_the_threshold() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        app.published(&employer, &posting(&[])).await;
        app.published(&employer, &posting(&[("field", "health")]))
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let student = crate::applications::student(&app, school, "Ana", 11, "").await;
        let id = app.published(&employer, &posting(&[("slots", "5")])).await;
        crate::applications::apply(&app, &student, id).await;

        let anonymous = new_client();
        let response = app.get_as(&anonymous, "/impact").await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap();
        assert!(html.contains("Opportunities offered: 3"), "{html}");
        // A chart (SVG with a title) and a table per figure.
        assert!(html.matches("role=\"img\"").count() >= 5);
        assert!(html.matches("<caption>").count() >= 4);
        assert!(html.contains("id=\"impact-started\"><th scope=\"row\">Students who started a placement</th><td>not shown"));
        // One student: the scope itself is under the threshold.
        assert!(html.contains("id=\"scope-hidden\""));
        assert!(!html.contains("funnel-cohort"));
        assert!(html.contains("id=\"impact-paid\"><th scope=\"row\">Share of placements that were paid</th><td>not shown"));

        let response = app.get_as(&anonymous, "/impact.csv?lang=es").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let bytes = response.bytes().await.unwrap();
        // A byte order mark first, so that Excel reads the accents as UTF-8.
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{bytes:?}");
        let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(csv.starts_with("sección,elemento,valor,clave\n"), "{csv}");
        // Sections are written in Spanish; the last column keeps the key.
        assert!(csv.contains("\nOportunidades por tipo,Pasantía,3,kind\n"), "{csv}");
        // Hidden numbers are empty fields, never a small number.
        assert!(
            csv.contains("\nPrácticas,Estudiantes que empezaron una práctica,,outcome\n"),
            "{csv}"
        );
        for line in csv.lines().skip(1) {
            for key in ["kind", "field", "feature", "outcome", "gap:"] {
                assert!(!line.starts_with(key), "an English key begins {line}");
            }
        }

        for (path, message) in [
            ("/impact?year=1990", "“year” must be a school year from 2000"),
            ("/impact?year=abc", "“year” must be a school year from 2000"),
            ("/impact.csv?lang=xx", ""),
        ] {
            let response = app.get_as(&anonymous, path).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
            assert!(response.text().await.unwrap().contains(message), "{path}");
        }
    })
    .await;
}

#[tokio::test]
async fn the_impact_and_draw_pages_pass_axe_at_phone_width() {
    let Some(browser) = crate::browser::Browser::start(390).await else {
        eprintln!("browser check skipped: set CHROMEDRIVER to run it");
        return;
    };
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    app.published(&employer, &posting(&[])).await;
    let mut problems = Vec::new();
    for path in ["/impact", "/draws/how"] {
        browser.goto(&app.url(path)).await;
        for v in browser.accessibility_violations().await {
            problems.push(format!("{path}: {v}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
