//! The JSON API's OpenAPI document, checked against real answers, and the
//! schema.org `JobPosting` that public posting pages carry.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, posting};

#[tokio::test]
async fn the_openapi_document_describes_the_search_api_and_real_answers_conform() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        app.published(&employer, &posting(&[])).await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Remote data helper"),
                ("mode", "remote"),
                ("field", "math_and_data"),
            ]),
        )
        .await;

        let response = app.get("/api/v1/openapi.json").await;
        assert_eq!(response.status(), StatusCode::OK);
        let doc: Value = response.json().await.unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        // The API only reads: the CSRF guard lets `/api/` through on that
        // promise, so a route that writes must not join it unnoticed.
        for (path, operations) in doc["paths"].as_object().unwrap() {
            let methods: Vec<&String> = operations.as_object().unwrap().keys().collect();
            assert_eq!(methods, ["get"], "{path}");
        }
        let operation = &doc["paths"]["/api/v1/opportunities"]["get"];
        let names: Vec<&str> = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "q",
                "kind",
                "field",
                "mode",
                "need",
                "lang",
                "grade",
                "zip",
                "within_miles",
                "sort",
                "page",
                "per_page"
            ]
        );
        let need = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "need")
            .unwrap();
        assert!(
            need["schema"]["items"]["enum"]
                .as_array()
                .unwrap()
                .contains(&json!("wheelchair_accessible"))
        );
        assert!(operation["responses"]["200"].is_object());
        assert!(operation["responses"]["400"].is_object());

        let schema = |name: &str| {
            jsonschema::validator_for(&json!({
                "$ref": format!("#/components/schemas/{name}"),
                "components": doc["components"],
            }))
            .unwrap()
        };
        let results = schema("ApiResults");
        let error = schema("ApiError");
        for query in [
            "",
            "q=robotics",
            "zip=60601&sort=nearest&within_miles=50",
            "need=wheelchair_accessible&kind=internship&per_page=1&page=2",
            "mode=remote&lang=es&grade=10",
        ] {
            let body = app.api(query).await;
            let problems: Vec<String> = results.iter_errors(&body).map(|e| e.to_string()).collect();
            assert!(problems.is_empty(), "{query}: {problems:?} in {body}");
        }
        // Any website may read the public API and feeds from a browser, and
        // caches may keep them a minute; signed-in pages are not shared.
        for path in [
            "/api/v1/opportunities?q=robotics",
            "/api/v1/openapi.json",
            "/search.atom?q=robotics",
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            assert_eq!(
                header("access-control-allow-origin").as_deref(),
                Some("*"),
                "{path}"
            );
            assert!(
                header("cache-control").is_some_and(|c| c.contains("max-age")),
                "{path}"
            );
        }
        let page = app.get("/search?q=robotics").await;
        assert!(page.headers().get("access-control-allow-origin").is_none());
        // The validator is not vacuous: a hit of an unknown kind breaks the contract.
        let mut broken = app.api("q=robotics").await;
        broken["hits"][0]["kind"] = json!("party");
        assert!(!results.is_valid(&broken));

        // `%ZZ` and escaped bytes that are not UTF-8 are refused, not searched for.
        let bad_queries = [
            "need=teleport",
            "zip=00000",
            "per_page=101",
            "sort=nearest",
            "q=%ZZ",
            "q=robot%",
            "q=%FF%FE",
            "q=%+1",
        ];
        for query in bad_queries {
            let response = app.get(&format!("/api/v1/opportunities?{query}")).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            let body: Value = response.json().await.unwrap();
            let problems: Vec<String> = error.iter_errors(&body).map(|e| e.to_string()).collect();
            assert!(problems.is_empty(), "{query}: {problems:?} in {body}");
            assert!(!results.is_valid(&body));
        }
        // An address the API does not have answers in the API's own shape.
        for path in [
            "/api/v1/opportunity",
            "/api/v1/opportunities/1/x",
            "/api/v1/",
            "/api/v1",
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(
                response.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("application/json")
            );
            let body: Value = response.json().await.unwrap();
            let problems: Vec<String> = error.iter_errors(&body).map(|e| e.to_string()).collect();
            assert!(problems.is_empty(), "{path}: {problems:?} in {body}");
            assert_eq!(body["error"]["code"], "not_found");
        }
        // The document states how deep pages go, as the server enforces it.
        let page = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "page")
            .unwrap();
        assert_eq!(page["schema"]["maximum"].as_f64(), Some(10000.0));
        let too_deep = app.get("/api/v1/opportunities?page=501").await;
        assert_eq!(too_deep.status(), StatusCode::BAD_REQUEST);
    })
    .await;
}

/// The JSON-LD of a page, parsed.
fn job_posting(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("its end");
    serde_json::from_str(&html[start..end]).unwrap_or_else(|e| panic!("{e}: {}", &html[start..end]))
}

#[tokio::test]
async fn public_posting_pages_carry_a_job_posting_search_engines_can_read() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let hostile = "Lab </script><script>alert(1)</script> & 'more'";
        let on_site = app
            .published(&employer, &posting(&[("title", hostile)]))
            .await;
        let remote = app
            .published(
                &employer,
                &posting(&[
                    ("title", "Remote data helper"),
                    ("mode", "remote"),
                    ("address", ""),
                    ("compensation", "stipend"),
                    ("hourly_wage", ""),
                    ("stipend", "500"),
                ]),
            )
            .await;
        let unpaid = app
            .published(
                &employer,
                &posting(&[
                    ("title", "Volunteer shadow"),
                    ("compensation", "unpaid"),
                    ("hourly_wage", ""),
                ]),
            )
            .await;

        let html = app
            .get(&format!("/opportunities/{on_site}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !html.contains("<script>alert(1)"),
            "the title cannot end the script"
        );
        let job = job_posting(&html);
        assert_eq!(job["@context"], "https://schema.org/");
        assert_eq!(job["@type"], "JobPosting");
        assert_eq!(job["title"], hostile);
        assert_eq!(job["employmentType"], "INTERN");
        assert_eq!(job["hiringOrganization"]["name"], "Org A");
        assert_eq!(job["jobLocation"]["address"]["postalCode"], "60606");
        assert_eq!(job["baseSalary"]["currency"], "USD");
        assert_eq!(job["baseSalary"]["value"]["value"], 18.5);
        assert_eq!(job["baseSalary"]["value"]["unitText"], "HOUR");
        let today = stembridge::format::today().to_string();
        assert_eq!(job["datePosted"], today);
        // The end of the deadline day where the site is, with its offset.
        let valid_through =
            chrono::DateTime::parse_from_rfc3339(job["validThrough"].as_str().unwrap()).unwrap();
        assert_eq!(
            valid_through.naive_local().to_string(),
            format!("{} 23:59:59", crate::helpers::days_from_now(30))
        );
        assert_eq!(
            *valid_through.offset(),
            stembridge::format::offset_at(valid_through.to_utc())
        );

        let job = job_posting(
            &app.get(&format!("/opportunities/{remote}"))
                .await
                .text()
                .await
                .unwrap(),
        );
        assert_eq!(job["jobLocationType"], "TELECOMMUTE");
        assert!(job.get("jobLocation").is_none());
        assert_eq!(job["baseSalary"]["value"]["value"], 500.0);

        let job = job_posting(
            &app.get(&format!("/opportunities/{unpaid}"))
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(job.get("baseSalary").is_none());
    })
    .await;
}
