//! The demo data set loads on both databases and can be used at once.

use reqwest::StatusCode;
use stembridge::seed::{DEMO_PASSWORD, load_demo};

use crate::helpers::{TestApp, new_client, on_each_backend};

#[tokio::test]
async fn the_demo_loads_hundreds_of_published_postings_and_working_logins() {
    on_each_backend(async |app: TestApp| {
        let logins = load_demo(&app.db).await.expect("demo loads");
        assert!(app.count("opportunity").await >= 200);
        assert!(app.count("organization").await >= 10);
        for login in logins.iter().filter(|l| l.role == "employer").take(1) {
            let client = new_client();
            app.login_as(&client, &login.email, DEMO_PASSWORD).await;
            assert_eq!(
                app.get_as(&client, "/employer").await.status(),
                StatusCode::OK
            );
        }
        // Both ways of giving seats are in the demo, and the difference shows:
        // a third of first-come seats went to first-time students, two
        // thirds of the drawn ones (the admin sees every school).
        let admin = logins.iter().find(|l| l.role == "admin").unwrap();
        let client = new_client();
        app.login_as(&client, &admin.email, DEMO_PASSWORD).await;
        let html = app
            .get_as(&client, "/counselor/dashboard")
            .await
            .text()
            .await
            .unwrap();
        let row = |id: &str| {
            let at = html.find(id).unwrap_or_else(|| panic!("no {id}"));
            html[at..at + html[at..].find("</tr>").unwrap()].to_owned()
        };
        assert!(
            row("id=\"effect-fair_draw\"").contains("<td>30</td><td>66.7%</td>"),
            "{}",
            row("id=\"effect-fair_draw\"")
        );
        assert!(
            row("id=\"effect-first_come\"").contains("33.3%"),
            "{}",
            row("id=\"effect-first_come\"")
        );
        // A Spanish reader gets the decimal comma in every rate.
        let spanish = client
            .get(app.url("/counselor/dashboard"))
            .header("Accept-Language", "es")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(spanish.contains("<td>30</td><td>66,7%</td>"), "{spanish}");
        // The all-schools view adds up only what each school's own view
        // shows: the demo's seats are all at one school, the other one's
        // (none) are hidden, so the two views subtracted reveal nothing.
        let mut shown_alone = Vec::new();
        let first = app
            .number("SELECT CAST(MIN(id) AS BIGINT) AS n FROM school")
            .await;
        let last = app
            .number("SELECT CAST(MAX(id) AS BIGINT) AS n FROM school")
            .await;
        assert_eq!(app.count("school").await, 2, "the two demo schools");
        for school in [first, last] {
            let html = app
                .get_as(&client, &format!("/counselor/dashboard?school={school}"))
                .await
                .text()
                .await
                .unwrap();
            let at = html.find("id=\"effect-fair_draw\"").unwrap();
            let row = &html[at..at + html[at..].find("</tr>").unwrap()];
            shown_alone.push(row.contains("<td>30</td><td>66.7%</td>"));
        }
        assert_eq!(
            shown_alone.iter().filter(|s| **s).count(),
            1,
            "one school shows the figures the all-schools view shows"
        );
        assert!(load_demo(&app.db).await.is_err(), "refuses to load twice");
    })
    .await;
}

#[tokio::test]
async fn the_demo_leaves_schools_it_did_not_create_alone() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let real = app.school("A real school").await;
        load_demo(&app.db).await.expect("demo loads");
        let students = entity::student::Entity::find()
            .filter(entity::student::Column::SchoolId.eq(real))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(students, 0, "no demo student is put in a real school");
        assert!(app.count("student").await >= 400);
    })
    .await;
}

#[tokio::test]
async fn the_demo_has_spanish_postings_that_spanish_words_find() {
    on_each_backend(async |app: TestApp| {
        load_demo(&app.db).await.expect("demo loads");
        stembridge::search::sync::rebuild_in_batches(
            &app.db,
            app.running.state.search.as_ref(),
            1_000,
        )
        .await
        .unwrap();
        for q in [
            "enfermeria",
            "practicas%20pagadas",
            "ingenieras",
            "programacion",
        ] {
            let body = app.api(&format!("q={q}")).await;
            let hits = body["hits"].as_array().unwrap();
            assert!(!hits.is_empty(), "{q}");
            assert!(
                hits.iter().all(|h| h["written_in"] == "es"),
                "{q}: only Spanish postings"
            );
        }
        let spanish = app.api("q=enfermer%C3%ADa").await;
        assert_eq!(
            spanish["hits"][0]["title"],
            "Observación de enfermería en clínica comunitaria"
        );
    })
    .await;
}
