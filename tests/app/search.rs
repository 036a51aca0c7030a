//! Search over HTTP: the public URL contract, the outbox keeping the index
//! true, the database fallback during an outage, and a student's defaults.

use reqwest::StatusCode;
use stembridge::search::sync;

use crate::helpers::{Backend, PASSWORD, TestApp, new_client, on_each_backend, posting};

#[tokio::test]
async fn a_posting_is_searchable_once_published_and_gone_once_closed_or_suspended() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let draft = app
            .draft(&employer, &posting(&[("title", "Secret draft robotics")]))
            .await;
        let id = app.published(&employer, &posting(&[])).await;
        assert_eq!(
            app.api_ids("q=robotics").await,
            vec![i64::from(id)],
            "drafts stay out of search"
        );
        let _ = draft;

        let body = app.api("q=robotcs&zip=60601").await;
        assert_eq!(body["engine"], "embedded");
        let hit = &body["hits"][0];
        assert_eq!(hit["title"], "Robotics lab intern");
        assert_eq!(hit["organization"], "Lakeshore Robotics");
        assert_eq!(hit["url"], format!("/opportunities/{id}"));
        assert_eq!(
            hit["needs"],
            serde_json::json!(["paid", "transit_accessible", "wheelchair_accessible"])
        );
        assert!(hit["distance_miles"].as_f64().unwrap() < 5.0);
        assert_eq!(body["facets"]["need"]["paid"], 1);

        app.act(&employer, id, "close").await;
        app.wait_for_search().await;
        assert!(app.api_ids("q=robotics").await.is_empty());
        app.act(&employer, id, "reopen").await;
        app.wait_for_search().await;
        assert_eq!(app.api_ids("q=robotics").await.len(), 1);
        app.review(&admin, "Lakeshore Robotics", "suspend", "Under review")
            .await;
        app.wait_for_search().await;
        assert!(
            app.api_ids("q=robotics").await.is_empty(),
            "suspension hides every posting"
        );
    })
    .await;
}

#[tokio::test]
async fn the_search_page_and_the_api_answer_the_same_query_alike() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let paid = app
            .published(&employer, &posting(&[("title", "Paid robotics intern")]))
            .await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Unpaid robotics helper"),
                ("compensation", "unpaid"),
            ]),
        )
        .await;
        let query = "q=robotics&need=paid&need=wheelchair_accessible&sort=newest";
        assert_eq!(app.api_ids(query).await, vec![i64::from(paid)]);
        let page = app
            .get(&format!("/search?{query}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(&format!("href=\"/opportunities/{paid}\"")));
        assert!(!page.contains("Unpaid robotics helper"));
        assert!(page.contains("1 opportunity"));
        assert!(
            page.contains("Paid <span class=\"count\">(1)</span>"),
            "facet counts sit next to each filter"
        );
    })
    .await;
}

#[tokio::test]
async fn bad_parameters_get_a_400_that_names_them_on_the_page_and_in_the_api() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let long = format!("q={}", "x".repeat(10_240));
    let cases = [
        ("need=teleportation", "need"),
        ("within_miles=-3&zip=60601", "within_miles"),
        ("page=1000000000", "page"),
        ("per_page=500", "per_page"),
        ("zip=00000", "zip"),
        ("sort=nearest", "sort"),
        ("grade=twelve", "grade"),
        ("lang=klingon", "lang"),
        (long.as_str(), "q"),
        // A one-value parameter given twice is named (eyes12a F3).
        ("zip=60623&zip=60601", "zip"),
        ("sort=pay&sort=newest", "sort"),
    ];
    for (query, parameter) in cases {
        let response = app.get(&format!("/api/v1/opportunities?{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{parameter}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["parameter"], parameter);
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());

        let response = app.get(&format!("/search?{query}")).await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "page {parameter}"
        );
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("This search could not run")
        );
    }
    // In Spanish, with no English words of the parser's in it.
    let response = app
        .client
        .get(app.url("/api/v1/opportunities?sort=pay&sort=newest"))
        .header("Accept-Language", "es")
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "repeated");
    assert_eq!(
        body["error"]["message"],
        "“sort” solo se puede indicar una vez."
    );
}

#[tokio::test]
async fn search_keeps_answering_from_the_database_while_the_engine_is_down_and_catches_up_after() {
    let backend = crate::helpers::backends().pop().unwrap();
    let mut app = TestApp::spawn(backend).await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;

    // Meilisearch configured but unreachable: a real outage.
    app.restart_with(|config| config.meili_url = Some("http://127.0.0.1:9".into()))
        .await;
    let id = app.draft(&employer, &posting(&[])).await;
    assert_eq!(
        app.act(&employer, id, "publish").await.status(),
        StatusCode::SEE_OTHER,
        "writes still succeed"
    );
    let body = app.api("q=robotics&need=paid").await;
    assert_eq!(body["engine"], "database");
    assert_eq!(body["hits"][0]["id"], id);
    assert_eq!(
        app.api_ids("q=ROBOT").await,
        vec![i64::from(id)],
        "the start of a word matches"
    );
    assert!(
        app.api_ids("q=obotics").await.is_empty(),
        "the middle of a word does not"
    );
    let page = app.get("/search?q=robotics").await.text().await.unwrap();
    assert!(page.contains("Search is partly unavailable right now"));
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert!(
        ready
            .text()
            .await
            .unwrap()
            .contains("unavailable (searching the database instead)")
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        stembridge::search::sync::pending(&app.db).await.unwrap() > 0,
        "the outbox waits"
    );

    // The engine is back: the waiting rows are applied, nothing was lost.
    app.restart_with(|config| config.meili_url = None).await;
    app.wait_for_search().await;
    let body = app.api("q=robotics").await;
    assert_eq!(body["engine"], "embedded");
    assert_eq!(body["hits"][0]["id"], id);
}

async fn student_with_profile(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Client {
    let school = app.school("Lincoln High").await;
    let counselor = app.counselor("carla@lincoln.edu", &[school]).await;
    let school_id = school.to_string();
    let issued = app
        .submit_as(
            &counselor,
            "/counselor",
            "/counselor/students",
            &[
                ("school_id", &school_id),
                ("first_name", "Ana"),
                ("last_name", "Rivera"),
                ("grade", "11"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let code = issued
        .split("id=\"claim-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let student = new_client();
    let response = app
        .submit_as(
            &student,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", "Ana"),
                ("email", "ana@student.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .submit_as(&student, "/student/profile", "/student/profile", fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "profile saved");
    student
}

#[tokio::test]
async fn a_students_saved_needs_grade_and_zip_apply_by_default_as_removable_chips() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let fits = app
            .published(&employer, &posting(&[("title", "Accessible lab intern")]))
            .await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Stairs-only lab intern"),
                ("features", "mentor_assigned"),
            ]),
        )
        .await;
        let student = student_with_profile(
            &app,
            &[
                ("home_zip", "60608"),
                ("travel_miles", "10"),
                ("needs", "wheelchair_accessible"),
                ("needs", "paid"),
                ("languages", "en, es"),
            ],
        )
        .await;

        let response = app.get_as(&student, "/search").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let target = crate::helpers::location(&response);
        assert!(
            target.contains("need=paid")
                && target.contains("need=wheelchair_accessible")
                && target.contains("grade=11")
                && target.contains("zip=60608"),
            "{target}"
        );
        let page = app.get_as(&student, &target).await.text().await.unwrap();
        assert!(
            page.contains("Needs: Wheelchair accessible")
                && page.contains("Within 10 miles of 60608")
                && page.contains("Grade 11")
        );
        assert!(page.contains(&format!("/opportunities/{fits}")) && !page.contains("Stairs-only"));
        assert!(page.contains("Meets your needs: Paid, Wheelchair accessible."));
        let remove = page
            .split("Needs: Wheelchair accessible <a href=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#x2f;", "/");
        let page = app.get_as(&student, &remove).await.text().await.unwrap();
        assert!(
            page.contains("Stairs-only"),
            "removing the chip widens the search"
        );
        assert!(page.contains("Does not offer: Wheelchair accessible."));
    })
    .await;
}

#[tokio::test]
async fn the_profile_form_refuses_bad_input_and_keeps_nothing() {
    on_each_backend(async |app: TestApp| {
        let student = student_with_profile(&app, &[("home_zip", "60608")]).await;
        let response = app
            .submit_as(
                &student,
                "/student/profile",
                "/student/profile",
                &[
                    ("date_of_birth", "2030-01-01"),
                    ("home_zip", "00000"),
                    ("travel_miles", "-1"),
                    ("needs", "jetpack"),
                    ("languages", "xx"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        for message in [
            "This ZIP code does not exist.",
            "Travel distance must be between 1 and 100.",
            "not in the list",
            "Use language codes like en, es, vi, hmn",
        ] {
            assert!(body.contains(message), "{message}");
        }
        let saved = app
            .get_as(&student, "/student/profile")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            saved.contains("value=\"60608\""),
            "the earlier profile is unchanged"
        );
    })
    .await;
}

#[tokio::test]
async fn a_rebuild_read_in_small_pages_indexes_the_same_postings_as_one_read_at_once() {
    on_each_backend(async |app: TestApp| {
        stembridge::seed::load_demo(&app.db)
            .await
            .expect("demo loads");
        let engine = app.running.state.search.as_ref();
        let at_once = sync::rebuild_in_batches(&app.db, engine, 100_000)
            .await
            .unwrap();
        let everything = app.api("per_page=100").await;
        let paged = sync::rebuild_in_batches(&app.db, engine, 7).await.unwrap();
        assert!(at_once >= 200, "the demo's postings: {at_once}");
        assert_eq!(paged, at_once);
        let again = app.api("per_page=100").await;
        assert_eq!(again["total"], everything["total"]);
        assert_eq!(again["facets"], everything["facets"]);
        assert_eq!(again["hits"], everything["hits"]);
    })
    .await;
}

#[tokio::test]
async fn a_spanish_reader_sees_pay_in_spanish_in_results_and_the_feed_and_the_api_says_how_it_pays()
{
    on_each_backend(async |mut app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Acme Robotics", "boss@acme.test")
            .await;
        let hourly = app.published(&employer, &posting(&[])).await;
        let stipend = app
            .published(
                &employer,
                &posting(&[
                    ("compensation", "stipend"),
                    ("hourly_wage", ""),
                    ("stipend", "2300"),
                ]),
            )
            .await;
        let unpaid = app
            .published(
                &employer,
                &posting(&[("compensation", "unpaid"), ("hourly_wage", "")]),
            )
            .await;
        let reader = new_client();
        app.get_as(&reader, "/language/es").await;

        let spanish_pay = async |app: &TestApp, engine: &str| {
            assert_eq!(app.api("q=robotics").await["engine"], engine);
            for path in ["/search?q=robotics", "/search.atom?q=robotics"] {
                let page = app.get_as(&reader, path).await.text().await.unwrap();
                for spanish in ["$18.50 por hora", "Estipendio de $2,300", "Sin pago"] {
                    assert!(
                        page.contains(spanish),
                        "{engine} {path} lacks {spanish}: {page}"
                    );
                }
                for english in ["an hour", "$2,300 stipend", "Unpaid"] {
                    assert!(
                        !page.contains(english),
                        "{engine} {path} shows {english}: {page}"
                    );
                }
            }
        };
        spanish_pay(&app, "embedded").await;

        // The API keeps its English `pay` and says how each posting pays in
        // keys and cents, which a program writes in any language.
        let body = app.api("q=robotics").await;
        let hit = |id: i32| {
            body["hits"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["id"] == id)
                .unwrap_or_else(|| panic!("{id} in {body}"))
                .clone()
        };
        assert_eq!(hit(hourly)["pay"], "$18.50 an hour");
        assert_eq!(hit(hourly)["compensation"], "hourly");
        assert_eq!(hit(hourly)["pay_cents"], 1850);
        assert_eq!(hit(stipend)["pay"], "$2,300 stipend");
        assert_eq!(hit(stipend)["compensation"], "stipend");
        assert_eq!(hit(stipend)["pay_cents"], 230_000);
        assert_eq!(hit(unpaid)["compensation"], "unpaid");
        assert!(hit(unpaid).get("pay_cents").is_none());

        // With the engine unreachable the database answers, alike.
        app.restart_with(|config| config.meili_url = Some("http://127.0.0.1:9".into()))
            .await;
        spanish_pay(&app, "database").await;
    })
    .await;
}
