//! A posting has the language it is written in: chosen on the posting form,
//! marked on the posting page for screen readers, given in the JSON API, and
//! searched as that language (Spanish stems and stop words), by the engine
//! and by the database fallback alike.

use reqwest::StatusCode;

use crate::helpers::{TestApp, new_client, on_each_backend, posting};

fn spanish_posting() -> Vec<(&'static str, String)> {
    posting(&[
        ("written_in", "es"),
        ("title", "Prácticas pagadas de ingeniería"),
        (
            "description",
            "Trabaja con nuestras ingenieras en el laboratorio.\n\nAprenderás a soldar y a programar.",
        ),
        ("skills", "soldadura, Python"),
    ])
}

#[tokio::test]
async fn an_employer_chooses_the_posting_language_from_a_labelled_list_in_either_language() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let form = app
            .get_as(&employer, "/employer/opportunities/new")
            .await
            .text()
            .await
            .unwrap();
        assert!(form.contains(r#"<label for="f-written_in">Language of this posting</label>"#));
        assert!(form.contains(r#"<option value="en" selected>English</option>"#));
        assert!(form.contains(r#"<option value="es">Spanish (español)</option>"#));

        app.get_as(&employer, "/language/es").await;
        let form = app
            .get_as(&employer, "/employer/opportunities/new")
            .await
            .text()
            .await
            .unwrap();
        assert!(form.contains(r#"<label for="f-written_in">Idioma de esta publicación</label>"#));
        assert!(form.contains(r#"<option value="es">Español</option>"#));

        // The saved choice comes back when the posting is edited.
        let id = app.draft(&employer, &spanish_posting()).await;
        let edit = app
            .get_as(&employer, &format!("/employer/opportunities/{id}/edit"))
            .await
            .text()
            .await
            .unwrap();
        assert!(edit.contains(r#"<option value="es" selected>Español</option>"#));
    })
    .await;
}

#[tokio::test]
async fn a_posting_language_outside_the_list_is_refused_and_nothing_is_saved() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let before = app.count("opportunity").await;
        for bad in ["fr", "", "ES ", "español"] {
            let fields = posting(&[("written_in", bad)]);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .submit_as(
                    &employer,
                    "/employer/opportunities/new",
                    "/employer/opportunities",
                    &fields,
                )
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{bad:?}"
            );
            let body = response.text().await.unwrap();
            assert!(
                body.contains("Choose the language of the posting from the list."),
                "{bad:?}"
            );
        }
        // A Spanish reader is told in Spanish.
        app.get_as(&employer, "/language/es").await;
        let fields = posting(&[("written_in", "fr")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Elija de la lista el idioma de la publicación.")
        );
        assert_eq!(app.count("opportunity").await, before);
    })
    .await;
}

#[tokio::test]
async fn a_spanish_posting_is_marked_spanish_on_its_page_and_in_the_api_and_found_by_spanish_words()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let spanish = app.published(&employer, &spanish_posting()).await;
        let english = app.published(&employer, &posting(&[])).await;

        let page = app
            .get_as(&new_client(), &format!("/opportunities/{spanish}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(r#"<h1 lang="es">Prácticas pagadas de ingeniería</h1>"#));
        assert_eq!(page.matches(r#"<p class="prose" lang="es">"#).count(), 2);
        assert!(page.contains("<dt>Written in</dt><dd>Spanish (español)</dd>"));
        assert!(page.contains(r#"<dd lang="es">soldadura, Python</dd>"#));
        let page = app
            .get_as(&new_client(), &format!("/opportunities/{english}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(r#"<h1 lang="en">Robotics lab intern</h1>"#));

        let body = app.api("per_page=10").await;
        let language_of = |id: i32| {
            body["hits"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["id"] == id)
                .map(|h| h["written_in"].clone())
        };
        assert_eq!(language_of(spanish), Some("es".into()));
        assert_eq!(language_of(english), Some("en".into()));

        for q in [
            "ingenieria",
            "ingenieras",
            "pagado",
            "practica",
            "soldadura",
        ] {
            assert_eq!(
                app.api_ids(&format!("q={q}")).await,
                vec![i64::from(spanish)],
                "{q}"
            );
        }
        assert!(
            app.api_ids("q=de%20la").await.is_empty(),
            "stop words alone"
        );
        assert_eq!(app.api_ids("q=soldering").await, vec![i64::from(english)]);
        let results = app.get("/search?q=ingenieria").await.text().await.unwrap();
        assert!(results.contains(&format!(
            r#"<a href="/opportunities/{spanish}" lang="es">Prácticas pagadas de ingeniería</a>"#
        )));
    })
    .await;
}

#[tokio::test]
async fn the_database_fallback_reads_spanish_postings_as_the_engine_does() {
    let backend = crate::helpers::backends().pop().unwrap();
    let mut app = TestApp::spawn(backend).await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let spanish = app.published(&employer, &spanish_posting()).await;
    let english = app.published(&employer, &posting(&[])).await;
    let cases = [
        ("ingeniería", vec![i64::from(spanish)]),
        ("ingenieras", vec![i64::from(spanish)]),
        ("pagadas", vec![i64::from(spanish)]),
        ("de la", vec![]),
        ("soldering", vec![i64::from(english)]),
    ];
    let answers = async |app: &TestApp| {
        let mut answers = Vec::new();
        for (q, _) in &cases {
            answers.push(app.api_ids(&format!("q={}", urlencode(q))).await);
        }
        answers
    };
    let engine = answers(&app).await;

    // Meilisearch configured but unreachable: the fallback answers.
    app.restart_with(|config| config.meili_url = Some("http://127.0.0.1:9".into()))
        .await;
    assert_eq!(app.api("q=ingenieras").await["engine"], "database");
    let fallback = answers(&app).await;
    for ((q, expected), (engine, fallback)) in cases.iter().zip(engine.iter().zip(&fallback)) {
        assert_eq!(engine, expected, "{q} on the engine");
        assert_eq!(fallback, expected, "{q} on the fallback");
    }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
