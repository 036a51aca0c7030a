//! Saved searches and their alerts (in-app, in the weekly digest), the Atom
//! feed of every search, and the news of verification decisions.

use reqwest::{Client, StatusCode, header::CONTENT_TYPE};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{TestApp, location, new_client, on_each_backend, posting};

/// Saves `query` from the search page, as a student does.
async fn save(
    app: &TestApp,
    student: &Client,
    query: &str,
    name: &str,
    email: &str,
) -> reqwest::Response {
    app.submit_as(
        student,
        "/search?q=robotics",
        "/student/searches",
        &[("query", query), ("name", name), ("email", email)],
    )
    .await
}

/// The newest message of `kind` to `email` in the outbox: (subject, text).
async fn mailed(app: &TestApp, email: &str, kind: &str) -> Option<(String, String)> {
    use sea_orm::QueryOrder;
    entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::Recipient.eq(email))
        .filter(entity::mail_outbox::Column::Kind.eq(kind))
        .order_by_desc(entity::mail_outbox::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .map(|m| (m.subject.clone(), crate::helpers::mailed_text(&m)))
}

async fn body(app: &TestApp, client: &Client, path: &str) -> String {
    app.get_as(client, path).await.text().await.unwrap()
}

#[tokio::test]
async fn a_saved_search_alerts_each_new_match_once_in_app_and_in_the_weekly_digest() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let ben = app.student(school, "Ben", "Okafor", 11).await;
        // Published before the search is saved: not new.
        app.published(&employer, &posting(&[("title", "Robotics club mentor")]))
            .await;

        let query = "q=robotics&need=wheelchair_accessible";
        let response = save(&app, &ana, query, "Robots near me", "on").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/student/searches");
        let list = body(&app, &ana, "/student/searches").await;
        assert!(list.contains("Robots near me"), "{list}");
        assert!(list.contains("href=\"/search?q=robotics&amp;need=wheelchair_accessible\""));
        // Email for a saved search comes in the digest, which is now on.
        assert_eq!(
            app.count("app_user WHERE email = 'ana@students.org' AND mail_digest = true")
                .await,
            1
        );

        let fresh = app
            .published(&employer, &posting(&[("title", "Robotics camp helper")]))
            .await;
        // Missing the need, other words, not published: none is a match.
        app.published(
            &employer,
            &posting(&[
                ("title", "Robotics kit packer"),
                ("features", "transit_accessible"),
            ]),
        )
        .await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Chemistry aide"),
                ("description", "Wash glassware and label samples."),
                ("skills", "lab safety"),
            ]),
        )
        .await;
        app.draft(&employer, &posting(&[("title", "Robotics draft")]))
            .await;

        // Two servers run the job at the same moment: one alert, once.
        let state = &app.running.state;
        let now = chrono::Utc::now();
        let (first, second) = tokio::join!(
            stembridge::alerts::service::run_once(state, now),
            stembridge::alerts::service::run_once(state, now),
        );
        assert_eq!(first.unwrap() + second.unwrap(), 1);
        let later = now + chrono::Duration::hours(1);
        assert_eq!(
            stembridge::alerts::service::run_once(state, later)
                .await
                .unwrap(),
            0
        );
        assert_eq!(app.count("saved_search_alert").await, 1);
        assert_eq!(
            app.count(&format!(
                "saved_search_alert WHERE opportunity_id = {fresh}"
            ))
            .await,
            1
        );
        let news = body(&app, &ana, "/notifications").await;
        assert!(
            news.contains("1 new opportunity matches your saved search “Robots near me”."),
            "{news}"
        );
        assert!(news.contains("sort=newest"), "{news}");
        let nothing = body(&app, &ben, "/notifications").await;
        assert!(!nothing.contains("Robots near me"));

        // The weekly digest lists it under the search's name (Ben asked for no digest).
        let queued = stembridge::mail::digest::run_once(&app.db, now)
            .await
            .unwrap();
        assert_eq!(queued, 1);
        let (_, text) = mailed(&app, "ana@students.org", "digest").await.unwrap();
        assert!(
            text.contains("New for your saved search “Robots near me”: 1 opportunity"),
            "{text}"
        );
        assert!(text.contains(&format!("/opportunities/{fresh}")), "{text}");
        assert_eq!(
            app.count("saved_search_alert WHERE mailed_at IS NOT NULL")
                .await,
            1
        );

        // Another student cannot delete it: not found, nothing changes.
        let id: i32 = entity::saved_search::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let delete = format!("/student/searches/{id}/delete");
        let response = app.submit_as(&ben, "/student/searches", &delete, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("saved_search").await, 1);
        // Its owner can, and its alerts go with it.
        let response = app.submit_as(&ana, "/student/searches", &delete, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count("saved_search").await, 0);
        assert_eq!(app.count("saved_search_alert").await, 0);
    })
    .await;
}

#[tokio::test]
async fn saving_a_search_refuses_bad_input_with_a_message_and_writes_nothing() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let long_name = "n".repeat(101);
        let long_text = format!("q={}", "a".repeat(201));
        let cases: [(&str, &str, &str, &str); 6] = [
            (
                "need=teleport",
                "Mine",
                "",
                "Unknown access need “teleport”",
            ),
            ("zip=60601&within_miles=NaN", "Mine", "", "“within_miles”"),
            (
                long_text.as_str(),
                "Mine",
                "",
                "The search text is too long",
            ),
            ("q=robotics", "", "", "required"),
            ("q=robotics", long_name.as_str(), "", "at most 100"),
            (
                "q=robotics",
                "Mine",
                "yes",
                "The email choice must be on or off.",
            ),
        ];
        for (query, name, email, message) in cases {
            let response = save(&app, &ana, query, name, email).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query} {name} {email}"
            );
            let page = response.text().await.unwrap();
            assert!(page.contains(message), "{message}: {page}");
            assert_eq!(app.count("saved_search").await, 0);
            assert_eq!(app.count("app_user WHERE mail_digest = true").await, 0);
        }

        assert_eq!(
            save(&app, &ana, "q=robotics&page=3", "Mine", "")
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        // The page is not part of a search: the same search again is refused.
        let again = save(&app, &ana, "q=robotics", "Again", "on").await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        assert!(
            again
                .text()
                .await
                .unwrap()
                .contains("You already saved this search.")
        );
        assert_eq!(app.count("saved_search").await, 1);
        assert_eq!(app.count("app_user WHERE mail_digest = true").await, 0);

        // Twenty is the most one student keeps.
        let user_id = entity::saved_search::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .user_id;
        for n in 0..19 {
            entity::saved_search::ActiveModel {
                user_id: Set(user_id),
                name: Set(format!("S{n}")),
                query: Set(format!("q=word{n}")),
                email: Set(false),
                created_at: Set(chrono::Utc::now()),
                alerted_at: Set(None),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        let full = save(&app, &ana, "q=one+more", "More", "").await;
        assert_eq!(full.status(), StatusCode::CONFLICT);
        assert!(
            full.text()
                .await
                .unwrap()
                .contains("You already have 20 saved searches.")
        );
        assert_eq!(app.count("saved_search").await, 20);

        // Only students save searches.
        let anonymous = new_client();
        let response = app
            .submit_as(
                &anonymous,
                "/login",
                "/student/searches",
                &[("query", "q=x"), ("name", "x")],
            )
            .await;
        assert_eq!(location(&response), "/login");
        assert_eq!(app.count("saved_search").await, 20);
    })
    .await;
}

/// The text of the first child element of `node` named `name`.
fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> roxmltree::Node<'a, 'a> {
    node.children()
        .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn text_of<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> String {
    child(node, name).text().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn every_search_has_an_atom_feed_of_its_newest_public_postings() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let other = app.verified_employer(&admin, "Org C", "c@c.org").await;
        let odd_title = "R&D <lab> \"robotics\" 'intern' ]]>";
        let odd = app.published(&employer, &posting(&[("title", odd_title)])).await;
        let plain = app.published(&employer, &posting(&[])).await;
        app.draft(&employer, &posting(&[("title", "Robotics draft")]))
            .await;
        app.published(&other, &posting(&[("title", "Robotics at C")]))
            .await;
        app.review(&admin, "Org C", "suspend", "Safeguarding concern")
            .await;
        app.wait_for_search().await;

        let response = app.get("/search.atom?q=robotics&page=2").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[CONTENT_TYPE].to_str().unwrap(),
            "application/atom+xml; charset=utf-8"
        );
        let xml = response.text().await.unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
        let feed = doc.root_element();
        assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
        let site = app.address.clone();
        // The page is not part of the feed: its id names the search alone.
        assert_eq!(
            text_of(feed, "id"),
            "tag:127.0.0.1,2026:search?q=robotics"
        );
        chrono::DateTime::parse_from_rfc3339(&text_of(feed, "updated")).unwrap();
        assert!(!text_of(feed, "title").is_empty());
        assert!(!text_of(child(feed, "author"), "name").is_empty());
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
            .collect();
        let mut ids: Vec<String> = entries.iter().map(|e| text_of(*e, "id")).collect();
        // Newest first; no draft, nothing of a suspended organization.
        let updated: Vec<String> = entries.iter().map(|e| text_of(*e, "updated")).collect();
        assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
        ids.sort();
        let mut expected = vec![
            format!("tag:127.0.0.1,2026:opportunity/{plain}"),
            format!("tag:127.0.0.1,2026:opportunity/{odd}"),
        ];
        expected.sort();
        assert_eq!(ids, expected);
        let odd_entry = *entries
            .iter()
            .find(|e| text_of(**e, "id").ends_with(&format!("/{odd}")))
            .unwrap();
        assert_eq!(text_of(odd_entry, "title"), odd_title);
        assert_eq!(
            child(odd_entry, "link").attribute("href").unwrap(),
            format!("{site}/opportunities/{odd}")
        );
        chrono::DateTime::parse_from_rfc3339(&text_of(odd_entry, "updated")).unwrap();
        let summary = text_of(odd_entry, "summary");
        assert!(summary.contains("Org A") && summary.contains("apply by"), "{summary}");
        assert!(!xml.contains("Robotics draft") && !xml.contains("Robotics at C"));
        assert!(!xml.contains("<lab>"), "markup is escaped");
        // The same search gives the same ids.
        let again = app.get("/search.atom?q=robotics").await.text().await.unwrap();
        let again = roxmltree::Document::parse(&again).unwrap();
        assert_eq!(text_of(again.root_element(), "id"), text_of(feed, "id"));

        // The search page announces its feed.
        let page = app.get("/search?q=robotics").await.text().await.unwrap();
        assert!(
            page.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Follow this search (Atom feed)\" href=\"/search.atom?q=robotics\">"
            ),
            "{page}"
        );

        // A bad parameter: 400 and a page naming it.
        let long_text = format!("q={}", "a".repeat(201));
        let huge = format!("q={}", "a".repeat(17 * 1024));
        let many = "kind=internship&".repeat(51);
        for (query, parameter) in [
            ("zip=00000", "zip"),
            ("within_miles=5", "within_miles"),
            ("sort=nearest", "sort"),
            ("per_page=1000", "per_page"),
            ("need=teleport", "need"),
            (long_text.as_str(), "q"),
            (huge.as_str(), "query"),
            (many.as_str(), "kind"),
        ] {
            let response = app.get(&format!("/search.atom?{query}")).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{parameter}");
            let text = response.text().await.unwrap();
            assert!(text.contains(&format!("“{parameter}”: ")), "{text}");
        }
    })
    .await;
}

#[tokio::test]
async fn employers_and_counselors_hear_of_verification_decisions_in_their_language() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let school = app.school("Lincoln High").await;
        let counselor = app.counselor("carmen@school.edu", &[school]).await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;

        // Verified: the employer hears it in the app and by email.
        let employer = app.employer("Org V", "v@v.org").await;
        let response = app.review(&admin, "Org V", "verify", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let news = body(&app, &employer, "/notifications").await;
        assert!(
            news.contains("Org V is now verified: you can publish opportunities"),
            "{news}"
        );
        let (subject, _) = mailed(&app, "v@v.org", "org_decision").await.unwrap();
        assert_eq!(subject, "Org V is verified on STEMbridge");
        // No student applied there yet: no counselor is told.
        assert!(
            mailed(&app, "carmen@school.edu", "org_decision")
                .await
                .is_none()
        );

        // Rejected, in Spanish for an employer who reads Spanish, with the reason.
        let spanish = app.employer("Org R", "r@r.org").await;
        entity::user::Entity::update_many()
            .col_expr(
                entity::user::Column::Language,
                sea_orm::sea_query::Expr::value("es"),
            )
            .filter(entity::user::Column::Email.eq("r@r.org"))
            .exec(&app.db)
            .await
            .unwrap();
        app.review(&admin, "Org R", "reject", "Falta el sitio web")
            .await;
        let (subject, text) = mailed(&app, "r@r.org", "org_decision").await.unwrap();
        assert_eq!(subject, "Org R no fue aprobada en STEMbridge");
        assert!(text.contains("Falta el sitio web"), "{text}");
        // An unverified organization's employer still reads the decision
        // (in the language this browser reads pages in).
        let news = body(&app, &spanish, "/notifications").await;
        assert!(
            news.contains("The registration of Org R was not approved."),
            "{news}"
        );

        // Suspended after Ana applied: her counselor hears it too; the
        // employer reads the decision but no longer the news about Ana.
        let opportunity = app.published(&employer, &posting(&[])).await;
        let response = app
            .submit_as(
                &ana,
                &format!("/opportunities/{opportunity}"),
                &format!("/opportunities/{opportunity}/apply"),
                &[("note", "I love robots")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        app.review(&admin, "Org V", "suspend", "Safeguarding concern")
            .await;
        let news = body(&app, &counselor, "/notifications").await;
        assert!(
            news.contains("Org V, where some of your students applied, is suspended."),
            "{news}"
        );
        let (subject, _) = mailed(&app, "carmen@school.edu", "org_decision")
            .await
            .unwrap();
        assert_eq!(subject, "Org V is suspended");
        let news = body(&app, &employer, "/notifications").await;
        assert!(news.contains("Org V is suspended"), "{news}");
        assert!(
            !news.contains("Ana") && !news.contains("New applicant"),
            "{news}"
        );
    })
    .await;
}
