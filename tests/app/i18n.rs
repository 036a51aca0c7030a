//! Languages: the catalogue is complete in both languages, and the reader's
//! choice (Accept-Language, then the switcher's cookie) decides the page.

use std::{collections::BTreeSet, path::Path};

use reqwest::{StatusCode, header::ACCEPT_LANGUAGE};

use crate::helpers::{Backend, TestApp, location, new_client, on_each_backend, posting};

/// The message ids of one Fluent file (attributes and comments left out).
fn message_ids(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_message_exists_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let files = |lang: &str| -> BTreeSet<String> {
        std::fs::read_dir(root.join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    // Every folder of locales/ is a language of the interface (build.rs).
    let languages: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(languages.len() >= 2 && languages.iter().any(|l| l == "en"));
    let mut seen = BTreeSet::new();
    for file in files("en") {
        let en = message_ids(&root.join("en").join(&file));
        assert!(!en.is_empty(), "{file} has messages");
        for lang in &languages {
            assert_eq!(files("en"), files(lang), "the same files in en and {lang}");
            let other = message_ids(&root.join(lang).join(&file));
            assert_eq!(en, other, "{file}: the same messages in en and {lang}");
        }
        for id in en {
            assert!(seen.insert(id.clone()), "{id} is defined in two files");
        }
    }
    let shown: Vec<&str> = stembridge::i18n::Lang::ALL
        .iter()
        .map(|l| l.code())
        .collect();
    assert_eq!(
        shown.len(),
        languages.len(),
        "each folder is a language: {shown:?}"
    );
}

#[tokio::test]
async fn the_reader_chooses_the_language() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let client = new_client();

    // A first visit follows the browser.
    let page = client
        .get(app.url("/"))
        .header(ACCEPT_LANGUAGE, "es-MX,es;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<html lang="es">"#), "{page}");
    assert!(page.contains("Buscar oportunidades"));
    let page = app.get("/").await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains("Find opportunities"));
    let page = app
        .get("/search?q=robots&kind=internship")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"href="/language/es?next=&#x2f;search%3Fq%3Drobots%26kind%3Dinternship""#),
        "a link switches and comes back (HTML-escaped slash): {page}"
    );

    // The link remembers the choice and comes back to the same page.
    let response = app
        .get_as(&client, "/language/es?next=/search%3Fq%3Drobots")
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/search?q=robots");
    let page = client
        .get(app.url("/search"))
        .header(ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"<html lang="es">"#),
        "the cookie wins over the browser"
    );

    // Error pages speak the reader's language too.
    let response = app.get_as(&client, "/opportunities/999999").await;
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("No encontramos esa página") && page.contains(r#"lang="es""#));

    // Never an open redirect; unknown languages are not found.
    let response = app
        .get_as(&client, "/language/en?next=//evil.example/")
        .await;
    assert_eq!(location(&response), "/");
    let response = app.get_as(&client, "/language/xx").await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_spanish_reader_finds_and_reads_a_posting_in_spanish() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Acme Robotics", "boss@acme.test")
        .await;
    let id = app.published(&employer, &posting(&[])).await;
    let start = crate::helpers::days_from_now(60);
    let shadow = app
        .published(
            &employer,
            &posting(&[
                ("kind", "job_shadow"),
                ("start_date", &start),
                ("end_date", &start),
                ("start_time", "15:30"),
                ("end_time", "17:00"),
            ]),
        )
        .await;
    let reader = new_client();
    app.get_as(&reader, "/language/es").await;

    let page = app
        .get_as(&reader, "/search?need=wheelchair_accessible&grade=10")
        .await
        .text()
        .await
        .unwrap();
    for expected in [
        "Busca una oportunidad",
        "Pasantía",
        "Accesible en silla de ruedas",
        "Necesito: Accesible en silla de ruedas",
        "Grado 10",
        "2 oportunidades",
        "Observación laboral",
        "Solicita antes del ",
    ] {
        assert!(page.contains(expected), "search page lacks {expected}");
    }

    let page = app
        .get_as(&reader, &format!("/opportunities/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let start = stembridge::format::today() + chrono::Duration::days(60);
    let start_es = stembridge::i18n::long_date(stembridge::i18n::Lang::Es, start);
    for expected in [
        "$18.50 por hora",
        "Estudiantes de Grado 9 a Grado 12",
        start_es.as_str(),
        "Inglés, Español",
        "Lugar sin escalones y con baño accesible.",
    ] {
        assert!(
            page.contains(expected),
            "posting page lacks {expected}: {page}"
        );
    }
    let page = app
        .get_as(&reader, &format!("/opportunities/{shadow}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("15:30 a 17:00"), "{page}");
    // The English reader sees the same postings in English.
    let page = app
        .get(&format!("/opportunities/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("$18.50 an hour") && page.contains("Students in Grade 9 to Grade 12"));
    let page = app
        .get(&format!("/opportunities/{shadow}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("3:30 PM to 5:00 PM"), "{page}");
}

#[tokio::test]
async fn a_signed_in_choice_follows_the_person_to_another_device() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let school = app.school("Lincoln High").await;
    let phone = app.student(school, "Rosa", "Diaz", 10).await;
    // She follows the switcher's link on one of our pages.
    let response = phone
        .get(app.url("/language/es?next=/student"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/student");
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let saved = entity::user::Entity::find()
        .filter(entity::user::Column::Email.eq("rosa@students.org"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .language;
    assert_eq!(saved.as_deref(), Some("es"), "saved on her account");

    // A school computer: no cookie of hers, a browser set to English.
    let computer = new_client();
    app.login_as(&computer, "rosa@students.org", crate::helpers::PASSWORD)
        .await;
    let page = computer
        .get(app.url("/notifications"))
        .header(ACCEPT_LANGUAGE, "en-US")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"<html lang="es">"#),
        "her saved choice wins"
    );

    // A choice made on this browser wins over the saved one.
    app.get_as(&computer, "/language/en").await;
    let page = app
        .get_as(&computer, "/notifications")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<html lang="en">"#));
}

#[tokio::test]
async fn the_language_link_never_leaves_the_site() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for next in [
        "//evil.example/",
        "/\t/evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "evil.example",
    ] {
        let url = format!(
            "/language/es?next={}",
            next.replace('%', "%25")
                .replace('\t', "%09")
                .replace('\\', "%5C")
                .replace('/', "%2F")
        );
        let response = app.get(&url).await;
        assert_eq!(response.status(), 303, "{next}");
        assert_eq!(location(&response), "/", "{next} must not be followed");
    }
    let response = app.get("/language/es?next=%2Fsearch%3Fq%3Dlab").await;
    assert_eq!(location(&response), "/search?q=lab");
}

#[tokio::test]
async fn a_language_link_from_another_site_switches_the_pages_but_never_the_account() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let rosa = app.student(school, "Rosa", "Diaz", 10).await;
        let saved = async || {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            entity::user::Entity::find()
                .filter(entity::user::Column::Email.eq("rosa@students.org"))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
                .language
        };
        let before = saved().await;
        // A link on another site (or typed, or from a browser that does not
        // say where it came from): this browser's pages switch, the account
        // (her email language) does not. `Referer` counts only from a
        // browser too old to send `Sec-Fetch-Site`.
        let ours = app.url("/student");
        let host = ours.split('/').nth(2).unwrap().to_owned();
        let elsewhere = format!("http://{host}.evil.example/");
        let tries = [
            (Some("cross-site"), None),
            (Some("same-site"), None),
            (Some("none"), None),
            (None, None),
            (None, Some(elsewhere.as_str())),
            (None, Some("http://evil.example/student")),
            (Some("cross-site"), Some(ours.as_str())),
        ];
        for (site, referer) in tries {
            let mut request = rosa.get(app.url("/language/es?next=/student"));
            if let Some(site) = site {
                request = request.header("sec-fetch-site", site);
            }
            if let Some(referer) = referer {
                request = request.header("referer", referer);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::SEE_OTHER,
                "{site:?} {referer:?}"
            );
            assert!(
                response
                    .headers()
                    .get_all("set-cookie")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .any(|c| c.starts_with("lang=es")),
                "{site:?} {referer:?}: the page language is switched"
            );
            assert_eq!(
                saved().await,
                before,
                "{site:?} {referer:?}: the account is untouched"
            );
        }
        let page = app.get_as(&rosa, "/student").await.text().await.unwrap();
        assert!(page.contains(r#"<html lang="es">"#));

        // Followed from one of our pages, the choice is saved on her account;
        // Safari before 16.4 says so only through `Referer`.
        let response = rosa
            .get(app.url("/language/es?next=/student"))
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(saved().await.as_deref(), Some("es"));
        let response = rosa
            .get(app.url("/language/en?next=/student"))
            .header("referer", ours.as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(saved().await.as_deref(), Some("en"), "an older Safari");
    })
    .await;
}

#[tokio::test]
async fn search_parameter_errors_are_written_in_the_readers_language_with_a_stable_code() {
    on_each_backend(async |app: TestApp| {
        let spanish = |path: &str| {
            new_client()
                .get(app.url(path))
                .header(ACCEPT_LANGUAGE, "es")
                .send()
        };
        // The page.
        let response = spanish("/search?within_miles=abc").await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("“within_miles” debe ser un número."),
            "{page}"
        );
        assert!(!page.contains("must be a number"), "{page}");
        // The API: the same sentence, and a code that does not depend on it.
        let response = spanish("/api/v1/opportunities?within_miles=abc")
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["parameter"], "within_miles");
        assert_eq!(body["error"]["code"], "not_a_number");
        assert_eq!(
            body["error"]["message"],
            "“within_miles” debe ser un número."
        );
        let body: serde_json::Value = app
            .get("/api/v1/opportunities?sort=nearest")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["error"]["code"], "needs_zip");
        assert_eq!(
            body["error"]["message"],
            "Sorting by “nearest” needs a “zip”."
        );
        // The feed.
        let response = spanish("/search.atom?need=teleport").await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Necesidad de acceso desconocida “teleport”"),
            "{page}"
        );
    })
    .await;
}

/// A form's address opened as a page (a bookmarked "log out", the language
/// link of a page that answered a form) gets the site's error page in the
/// reader's language, with a title, not an empty 405 (eyes14b F8).
#[tokio::test]
async fn a_forms_address_opened_as_a_page_says_what_to_do_in_the_readers_language() {
    on_each_backend(async |app: TestApp| {
        for path in ["/logout", "/employer/opportunities", "/counselor/codes"] {
            let response = new_client()
                .get(app.url(path))
                .header(ACCEPT_LANGUAGE, "es")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{path}");
            let page = response.text().await.unwrap();
            assert!(page.contains("<html lang=\"es\""), "{path}: {page}");
            assert!(page.contains("<title>"), "{path}: {page}");
            assert!(page.contains("solo recibe un formulario"), "{path}: {page}");
        }
    })
    .await;
}
