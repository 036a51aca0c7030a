//! A student's profile shapes their default search: saved needs, grade, the
//! languages they speak, the fields they are interested in, and their home
//! ZIP or else their school's, each a chip they can remove.

use reqwest::StatusCode;

use crate::helpers::{TestApp, location, on_each_backend, posting};

#[tokio::test]
async fn languages_interests_and_the_school_zip_become_removable_search_defaults() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let saved = app
            .submit_as(
                &ana,
                "/student/profile",
                "/student/profile",
                &[
                    ("home_zip", ""),
                    ("travel_miles", "25"),
                    ("needs", "transit_accessible"),
                    ("interests", "engineering"),
                    ("languages", "es"),
                ],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        app.published(&employer, &posting(&[("title", "Bridge design intern")]))
            .await;
        app.published(
            &employer,
            &posting(&[("title", "Clinic helper"), ("field", "health")]),
        )
        .await;

        // No home ZIP: the school's, with the student's travel distance.
        let response = app.get_as(&ana, "/search").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let defaults = location(&response);
        for part in [
            "field=engineering",
            "lang=es",
            "zip=60608",
            "within_miles=25",
            "need=transit_accessible",
            "grade=11",
        ] {
            assert!(defaults.contains(part), "{part} in {defaults}");
        }
        let page = app.get_as(&ana, &defaults).await.text().await.unwrap();
        assert!(page.contains("Bridge design intern"), "{page}");
        assert!(!page.contains("Clinic helper"));
        for chip in [
            "Field: Engineering",
            "Team speaks Spanish",
            "Within 25 miles of 60608",
        ] {
            assert!(page.contains(chip), "{chip}");
        }
        // Each chip removes its own filter: without the field, both show.
        let without_field = defaults.replace("&field=engineering", "");
        let unescaped = page.replace("&#x2f;", "/").replace("&amp;", "&");
        let remove = format!("href=\"{without_field}\"");
        assert!(unescaped.contains(&remove), "{remove} in {page}");
        let wider = app.get_as(&ana, &without_field).await.text().await.unwrap();
        assert!(wider.contains("Bridge design intern") && wider.contains("Clinic helper"));

        // A home ZIP comes first.
        app.submit_as(
            &ana,
            "/student/profile",
            "/student/profile",
            &[
                ("home_zip", "60601"),
                ("travel_miles", "25"),
                ("interests", "engineering"),
                ("languages", "es"),
            ],
        )
        .await;
        let defaults = location(&app.get_as(&ana, "/search").await);
        assert!(defaults.contains("zip=60601"), "{defaults}");
    })
    .await;
}

#[tokio::test]
async fn a_zip_plus_four_is_kept_as_its_zip_and_searched_from() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let saved = app
            .submit_as(
                &ana,
                "/student/profile",
                "/student/profile",
                &[("home_zip", "60608-1234"), ("travel_miles", "25")],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let defaults = location(&app.get_as(&ana, "/search").await);
        assert!(defaults.contains("zip=60608&"), "{defaults}");
        // The API reads it too; a broken one is still named.
        let body = app.api("zip=60608-1234&sort=nearest").await;
        assert_eq!(body["total"], 0);
        let refused = app.get("/api/v1/opportunities?zip=60608-123").await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        let refused = app
            .submit_as(
                &ana,
                "/student/profile",
                "/student/profile",
                &[("home_zip", "60608-12"), ("travel_miles", "25")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = refused.text().await.unwrap();
        assert!(
            page.contains("ZIP code must be 5 digits, like 60601 (or ZIP+4, like 60601-1234)."),
            "{page}"
        );
    })
    .await;
}
