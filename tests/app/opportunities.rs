//! Employers draft, publish, edit, close and archive postings; students see
//! only what is open.

use reqwest::StatusCode;

use crate::helpers::{TestApp, days_from_now, location, new_client, on_each_backend, posting};

#[tokio::test]
async fn a_published_posting_shows_students_every_access_feature_in_plain_words() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        assert_eq!(
            app.act(&employer, id, "publish").await.status(),
            StatusCode::SEE_OTHER
        );

        let response = app
            .get_as(&new_client(), &format!("/opportunities/{id}"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        assert!(body.contains("Robotics lab intern") && body.contains("Lakeshore Robotics"));
        assert!(body.contains("$18.50 an hour"));
        assert!(body.contains(
            "Wheelchair accessible:</strong> Step-free site and an accessible restroom."
        ));
        assert!(body.contains("Near public transit"));
        assert!(
            body.contains("<strong>Paid:</strong>"),
            "paid follows from the hourly wage"
        );
        assert!(body.contains("English, Spanish"));
        assert_eq!(
            body.matches("<p class=\"prose\" lang=\"en\">").count(),
            2,
            "paragraphs are kept"
        );
    })
    .await;
}

#[tokio::test]
async fn an_unverified_organization_can_draft_but_not_publish() {
    on_each_backend(async |app: TestApp| {
        let employer = app.employer("New Startup", "sam@startup.org").await;
        let id = app.draft(&employer, &posting(&[])).await;
        let response = app.act(&employer, id, "publish").await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(response.text().await.unwrap().contains("must be verified"));
        assert_eq!(
            app.get_as(&new_client(), &format!("/opportunities/{id}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

#[tokio::test]
async fn an_employer_can_neither_read_nor_change_another_organizations_postings() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let owner = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let other = app.verified_employer(&admin, "Org B", "b@b.org").await;
        let id = app.draft(&owner, &posting(&[])).await;

        for path in [
            format!("/employer/opportunities/{id}"),
            format!("/employer/opportunities/{id}/edit"),
        ] {
            let response = app.get_as(&other, &path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(
                !response
                    .text()
                    .await
                    .unwrap()
                    .contains("Robotics lab intern")
            );
        }
        let fields = posting(&[("title", "Hijacked")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &other,
                "/employer",
                &format!("/employer/opportunities/{id}/edit"),
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        for action in ["publish", "close", "reopen", "archive", "delete"] {
            assert_eq!(
                app.act(&other, id, action).await.status(),
                StatusCode::NOT_FOUND,
                "{action}"
            );
        }
        let body = app
            .get_as(&owner, &format!("/employer/opportunities/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("Robotics lab intern") && body.contains(">Draft<"));
    })
    .await;
}

#[tokio::test]
async fn students_never_see_drafts_closed_postings_or_suspended_organizations() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let student = new_client();
        let draft = app
            .draft(&employer, &posting(&[("title", "Draft one")]))
            .await;
        let closed = app
            .draft(&employer, &posting(&[("title", "Closed one")]))
            .await;
        let open = app
            .draft(&employer, &posting(&[("title", "Open one")]))
            .await;
        for id in [closed, open] {
            app.act(&employer, id, "publish").await;
        }
        app.act(&employer, closed, "close").await;

        let status = async |id: i32| {
            app.get_as(&student, &format!("/opportunities/{id}"))
                .await
                .status()
        };
        assert_eq!(status(draft).await, StatusCode::NOT_FOUND);
        assert_eq!(status(closed).await, StatusCode::NOT_FOUND);
        assert_eq!(status(open).await, StatusCode::OK);

        app.review(
            &admin,
            "Lakeshore Robotics",
            "suspend",
            "Complaint under review",
        )
        .await;
        assert_eq!(status(open).await, StatusCode::NOT_FOUND);
        let organization = app.organization_id("Lakeshore Robotics").await;
        assert_eq!(
            app.get_as(&student, &format!("/organizations/{organization}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let body = app
            .get_as(&employer, "/employer")
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("suspended: Complaint under review"));
    })
    .await;
}

#[tokio::test]
async fn transitions_outside_the_lifecycle_are_refused() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        for action in ["close", "reopen", "archive"] {
            let response = app.act(&employer, id, action).await;
            assert_eq!(response.status(), StatusCode::CONFLICT, "{action} a draft");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("A draft posting cannot be")
            );
        }
        app.act(&employer, id, "publish").await;
        for action in ["publish", "reopen", "archive", "delete"] {
            assert_eq!(
                app.act(&employer, id, action).await.status(),
                StatusCode::CONFLICT,
                "{action} a published posting"
            );
        }
        assert_eq!(
            app.act(&employer, id, "teleport").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.act(&employer, id, "close").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.act(&employer, id, "reopen").await.status(),
            StatusCode::SEE_OTHER,
            "re-opened"
        );
        assert_eq!(
            app.act(&employer, id, "close").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.act(&employer, id, "archive").await.status(),
            StatusCode::SEE_OTHER
        );
        for action in ["publish", "reopen", "close", "delete"] {
            assert_eq!(
                app.act(&employer, id, action).await.status(),
                StatusCode::CONFLICT,
                "{action} an archived posting"
            );
        }
        let fields = posting(&[]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/employer/opportunities/{id}/edit"),
                &fields,
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::CONFLICT,
            "archived postings are read-only"
        );
        assert_eq!(app.count("opportunity").await, 1, "archived, never deleted");
    })
    .await;
}

#[tokio::test]
async fn only_drafts_can_be_deleted() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        let response = app.act(&employer, id, "delete").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/employer");
        assert_eq!(app.count("opportunity").await, 0);
        assert_eq!(app.count("opportunity_feature").await, 0);
    })
    .await;
}

#[tokio::test]
async fn each_bad_field_of_the_posting_form_gets_its_message_and_nothing_is_saved() {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let long_title = "t".repeat(121);
        let yesterday = days_from_now(-1);
        // (fields to change, the field that is wrong, its message)
        type Case<'a> = (Vec<(&'static str, &'a str)>, &'a str, &'a str);
        let cases: Vec<Case> = vec![
            (vec![("title", "")], "title", "Title is required."),
            (
                vec![("title", &long_title)],
                "title",
                "Title must be at most 120 characters.",
            ),
            (
                vec![("description", "  ")],
                "description",
                "Description is required.",
            ),
            (
                vec![("kind", "party")],
                "kind",
                "Choose a kind from the list.",
            ),
            (
                vec![("zip", "00000")],
                "zip",
                "This ZIP code does not exist.",
            ),
            (vec![("zip", "6060A")], "zip", "ZIP code must be 5 digits"),
            (
                vec![("hourly_wage", "-2")],
                "hourly_wage",
                "Hourly wage cannot be negative.",
            ),
            (
                vec![("hourly_wage", "lots")],
                "hourly_wage",
                "Hourly wage must be an amount in dollars",
            ),
            (
                vec![("hourly_wage", "1.500")],
                "hourly_wage",
                "Hourly wage must be an amount in dollars, like 18.50 or 1,500.",
            ),
            (
                vec![("start_date", "next week")],
                "start_date",
                "Start date must be a date like 2027-06-15.",
            ),
            (
                vec![("end_date", &yesterday)],
                "end_date",
                "End date must be on or after the start date.",
            ),
            (
                vec![
                    ("deadline", &yesterday),
                    ("start_date", &yesterday),
                    ("end_date", &yesterday),
                ],
                "deadline",
                "The application deadline must be before the start date.",
            ),
            (
                vec![("min_grade", "5")],
                "min_grade",
                "Lowest grade must be between 6 and 13.",
            ),
            (
                vec![("max_grade", "8")],
                "max_grade",
                "Highest grade must be at least the lowest grade.",
            ),
            (
                vec![("slots", "0")],
                "slots",
                "Slots must be between 1 and 500.",
            ),
            (
                vec![("slots", "many")],
                "slots",
                "Slots must be a whole number.",
            ),
            (
                vec![("languages", "klingon")],
                "languages",
                "Use language codes like en, es, vi, hmn",
            ),
            (
                vec![("features", "free_pizza")],
                "features",
                "One of the access features is not in the list.",
            ),
            (vec![("address", "")], "address", "Address is required."),
            (
                vec![("kind", "job_shadow")],
                "start_time",
                "Start time is required for a job shadow.",
            ),
        ];
        for (overrides, field, message) in cases {
            let fields = posting(&overrides);
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
                "{field}"
            );
            let body = response.text().await.unwrap();
            assert!(body.contains(message), "expected “{message}” for {field}");
            assert!(
                body.contains(&format!("id=\"f-{field}-error\"")) || field == "features",
                "message sits next to {field}"
            );
        }
        let remote = posting(&[("mode", "remote"), ("address", "")]);
        let remote: Vec<(&str, &str)> = remote.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &remote,
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "remote work needs no street address"
        );
        assert_eq!(app.count("opportunity").await, 1);
    })
    .await;
}

#[tokio::test]
async fn an_edit_to_a_published_posting_is_visible_at_once_and_queued_for_search() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        app.act(&employer, id, "publish").await;
        let outbox_before = app.count("search_outbox").await;

        let edit = app
            .get_as(&employer, &format!("/employer/opportunities/{id}/edit"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            edit.contains("value=\"18.50\"") && edit.contains("checked"),
            "the form is pre-filled"
        );
        let fields = posting(&[
            ("title", "Robotics lab intern (paid)"),
            ("features", "mentor_assigned"),
        ]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/employer/opportunities/{id}/edit"),
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let body = app
            .get_as(&new_client(), &format!("/opportunities/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("Robotics lab intern (paid)"));
        assert!(body.contains("Mentor assigned") && !body.contains("Wheelchair accessible"));
        assert_eq!(app.count("search_outbox").await, outbox_before + 1);
    })
    .await;
}

#[tokio::test]
async fn every_lifecycle_change_writes_a_search_outbox_row() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        assert_eq!(app.count("search_outbox").await, 1);
        for (n, action) in ["publish", "close", "reopen"].into_iter().enumerate() {
            app.act(&employer, id, action).await;
            assert_eq!(app.count("search_outbox").await, 2 + n as i64, "{action}");
        }
        app.review(
            &admin,
            "Lakeshore Robotics",
            "suspend",
            "Checking a complaint",
        )
        .await;
        assert_eq!(
            app.count("search_outbox").await,
            5,
            "suspension re-indexes the organization's postings"
        );
    })
    .await;
}

#[tokio::test]
async fn a_posting_past_its_deadline_disappears_and_the_sweeper_closes_it() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        app.act(&employer, id, "publish").await;
        use sea_orm::ConnectionTrait;
        let yesterday = days_from_now(-1);
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET deadline = '{yesterday}' WHERE id = {id}"
            ))
            .await
            .unwrap();
        assert_eq!(
            app.get_as(&new_client(), &format!("/opportunities/{id}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        let closed = stembridge::opportunities::service::close_expired(&app.db)
            .await
            .unwrap();
        assert_eq!(closed, 1);
        let body = app
            .get_as(&employer, &format!("/employer/opportunities/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains(">Closed<"));
        let response = app.act(&employer, id, "reopen").await;
        assert_eq!(
            response.status(),
            StatusCode::CONFLICT,
            "cannot re-open past the deadline"
        );
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("deadline has passed")
        );
    })
    .await;
}

#[tokio::test]
async fn html_typed_into_a_posting_is_shown_as_text() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        let id = app
            .draft(
                &employer,
                &posting(&[
                    ("title", payload),
                    ("description", payload),
                    ("schedule", payload),
                ]),
            )
            .await;
        app.act(&employer, id, "publish").await;
        for (client, path) in [
            (&new_client(), format!("/opportunities/{id}")),
            (&employer, format!("/employer/opportunities/{id}")),
            (&employer, "/employer".to_owned()),
        ] {
            let body = app.get_as(client, &path).await.text().await.unwrap();
            assert!(
                !body.contains("<script>alert") && !body.contains("<img src=x"),
                "{path}"
            );
            assert!(body.contains("&lt;script&gt;"), "{path} shows the text");
        }
    })
    .await;
}

#[tokio::test]
async fn a_description_the_browser_let_through_is_kept_with_each_line_break_counted_once() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::EntityTrait;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        // Ten paragraphs: 5000 characters as the browser's maxlength counts
        // them, 5009 as it sends them (each line break as CRLF).
        let description = format!("{}b", vec!["a".repeat(499); 10].join("\r\n"));
        assert_eq!(description.chars().count(), 5009);
        // A direction override in a title cannot flip how a list reads.
        let title = "Robotics \u{202E}lab\u{2069} intern";
        let id = app
            .draft(
                &employer,
                &posting(&[("description", &description), ("title", title)]),
            )
            .await;
        let saved = entity::opportunity::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(saved.description.chars().count(), 5000);
        assert_eq!(saved.description.matches('\n').count(), 9);
        assert!(!saved.description.contains('\r'));
        assert_eq!(saved.title, "Robotics lab intern");

        // One character more than the browser allows is still refused.
        let over = format!("{description}c");
        let fields = posting(&[("description", &over)]);
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
        let page = response.text().await.unwrap();
        assert!(page.contains("at most 5000 characters"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn a_posting_title_with_a_line_break_is_refused_and_its_description_keeps_its_lines() {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        // No browser sends a line break in an <input>: a crafted request.
        let crafted = posting(&[("title", "Robotics intern\r\nApply at evil.example")]);
        let fields: Vec<(&str, &str)> = crafted.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Title must fit on one line: remove the line break."),
            "{body}"
        );
        assert!(body.contains("id=\"f-title-error\""));
        assert_eq!(app.count("opportunity").await, 0);

        let lines = posting(&[("description", "First paragraph.\r\n\r\nSecond one.")]);
        let fields: Vec<(&str, &str)> = lines.iter().map(|(k, v)| (*k, v.as_str())).collect();
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
            StatusCode::SEE_OTHER,
            "a textarea's lines are fine"
        );
        assert_eq!(app.count("opportunity").await, 1);
    })
    .await;
}

/// The posting as stored.
async fn stored(app: &TestApp, id: i32) -> entity::opportunity::Model {
    use sea_orm::EntityTrait;
    entity::opportunity::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// The subjects of the audit entries of `action`, oldest first.
async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    entity::audit_log::Entity::find()
        .filter(entity::audit_log::Column::Action.eq(action))
        .order_by_asc(entity::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.subject)
        .collect()
}

/// A page's text with the slashes the templates escape written back.
async fn page_text(response: reqwest::Response) -> String {
    response.text().await.unwrap().replace("&#x2f;", "/")
}

const TAKE_THEM_OUT: &str = "Students reach you through STEMbridge: take out phone numbers, \
                             email addresses, links and social media handles.";

#[tokio::test]
async fn contact_details_in_any_text_of_a_posting_are_refused_on_create_and_edit_and_nothing_is_written()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        app.act(&employer, id, "publish").await;
        let before = stored(&app, id).await;
        let counts = async || {
            (
                app.count("opportunity").await,
                app.count("audit_log").await,
                app.count("search_outbox").await,
            )
        };
        let counted = counts().await;

        // (field, what the employer typed, what the message says it found)
        let cases: &[(&'static str, &str, &str)] = &[
            (
                "description",
                "Questions? Text me directly at (312) 555-0199.",
                "“(312) 555-0199” looks like a phone number.",
            ),
            (
                "description",
                "Or on WhatsApp +1 312 555 0199",
                "“+1 312 555 0199” looks like a phone number.",
            ),
            (
                "title",
                "Robotics intern 312.555.0199",
                "“312.555.0199” looks like a phone number.",
            ),
            (
                "description",
                "Or email ray.private@gmail.com.",
                "“ray.private@gmail.com” looks like an email address.",
            ),
            (
                "description",
                "Write to ray.private at gmail dot com",
                "“ray.private at gmail dot com” looks like an email address.",
            ),
            (
                "schedule",
                "Apply faster at https://bit.ly/3xYzAbC",
                "“https://bit.ly/3xYzAbC” looks like a link.",
            ),
            (
                "description",
                "Sign in at lincoln-hs.k12.il.us.sign-in.example/apply",
                "“lincoln-hs.k12.il.us.sign-in.example/apply” looks like a link.",
            ),
            (
                "description",
                "Instagram: instagram.com/coolboss.ray",
                "“instagram.com/coolboss.ray” looks like a link.",
            ),
            (
                "skills",
                "soldering, Snapchat @coolboss_ray",
                "“Snapchat @coolboss_ray” looks like a social media handle.",
            ),
            (
                "address",
                "Discord coolboss#1234",
                "“Discord coolboss#1234” looks like a social media handle.",
            ),
            // Every one found is named at once (eyes14b F1).
            (
                "description",
                "Call 312-555-0199, or snap coolboss_ray, or ray@example.net.",
                "“312-555-0199” looks like a phone number. So do “snap coolboss_ray”, “ray@example.net”.",
            ),
            // Invisible characters are gone before the text is read.
            (
                "description",
                "Zero\u{200B}width: snap\u{200B}chat @ray\u{200B}boss",
                "“snapchat @rayboss” looks like a social media handle.",
            ),
        ];
        for (field, typed, found) in cases {
            let fields = posting(&[(field, typed)]);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for (page, action) in [
                (
                    "/employer/opportunities/new",
                    "/employer/opportunities".to_owned(),
                ),
                ("/employer", format!("/employer/opportunities/{id}/edit")),
            ] {
                let response = app.submit_as(&employer, page, &action, &fields).await;
                assert_eq!(
                    response.status(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{action}: {typed}"
                );
                let body = page_text(response).await;
                assert!(
                    body.contains(&format!("{found} {TAKE_THEM_OUT}")),
                    "{action}: {typed}\n{body}"
                );
                assert!(
                    body.contains(&format!("id=\"f-{field}-error\"")),
                    "the message sits next to {field}"
                );
            }
            assert_eq!(stored(&app, id).await, before, "{typed}: nothing changed");
        }
        assert_eq!(
            counts().await,
            counted,
            "nothing created, audited or indexed"
        );

        // In the reader's language.
        app.get_as(&employer, "/language/es").await;
        let fields = posting(&[("description", "Llámame al (312) 555-0199")]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(
                &employer,
                "/employer",
                &format!("/employer/opportunities/{id}/edit"),
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = page_text(response).await;
        assert!(
            body.contains(
                "«(312) 555-0199» parece un número de teléfono. Los estudiantes se comunican \
                 con usted a través de STEMbridge"
            ),
            "{body}"
        );
        assert_eq!(stored(&app, id).await, before);
    })
    .await;
}

#[tokio::test]
async fn what_real_postings_say_about_dates_pay_and_tools_is_kept() {
    on_each_backend(async |app: TestApp| {
        let employer = app
            .employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let description = "Open for the 2026-2027 school year, grades 9-12 (ages 14-18). \
             We pay $18.50/hour for 20 hours/week, 9:00-3:00.\n\n\
             You will use C++, C#, Node.js, ASP.NET and .NET, e.g. for our U.S. labs; \
             a Ph.D. mentor meets you @ our lab weekly. 3.5 GPA not required. \
             Our team chats on Discord.";
        let id = app
            .draft(
                &employer,
                &posting(&[
                    ("description", description),
                    (
                        "address",
                        "233 S Wacker Dr, Room 204, Chicago IL 60606-1234",
                    ),
                    ("schedule", "Mon-Fri 9 am-3 pm, June 15-August 15"),
                    ("skills", "C++, Python 3.12, Vue.js"),
                ]),
            )
            .await;
        assert_eq!(stored(&app, id).await.description, description);
    })
    .await;
}

#[tokio::test]
async fn invisible_characters_are_taken_out_of_a_posting_before_it_is_stored_or_shown() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app
            .published(
                &employer,
                &posting(&[
                    ("title", "Robotics\u{200B} lab\u{FEFF} intern"),
                    (
                        "description",
                        "Build\u{00AD}ing robots\u{200F} with us\u{061C}.\u{2028}\
                         Tag\u{E0041}\u{E0042} free.\r\n\r\nSecond\u{2060} paragraph \u{1F469}\u{200D}\u{1F52C}.",
                    ),
                    ("skills", "sol\u{200C}dering, Python\u{200E}"),
                    ("schedule", "Tuesdays\u{2063} and Thursdays 4-6 pm"),
                ]),
            )
            .await;
        let saved = stored(&app, id).await;
        assert_eq!(saved.title, "Robotics lab intern");
        assert_eq!(
            saved.description,
            "Building robots with us.\nTag free.\n\nSecond paragraph \u{1F469}\u{200D}\u{1F52C}.",
            "a line separator is a line break; the joiner of an emoji stays"
        );
        assert_eq!(saved.skills, "soldering, Python");
        assert_eq!(saved.schedule, "Tuesdays and Thursdays 4-6 pm");

        let page = app
            .get_as(&new_client(), &format!("/opportunities/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Robotics lab intern") && page.contains("Building robots"));
        let found = app.api("q=robotics").await;
        assert_eq!(found["hits"][0]["title"], "Robotics lab intern");
    })
    .await;
}

#[tokio::test]
async fn an_edit_of_a_published_posting_is_audited_with_what_students_saw_before_and_after() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        let edit = async |fields: &[(&'static str, &str)]| {
            let fields = posting(fields);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .submit_as(
                    &employer,
                    "/employer",
                    &format!("/employer/opportunities/{id}/edit"),
                    &fields,
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        };
        // A draft reached no student: its edits are its own business.
        edit(&[("skills", "soldering, Python, CAD")]).await;
        assert_eq!(
            audited(&app, "edit_published_posting").await,
            Vec::<String>::new()
        );

        app.act(&employer, id, "publish").await;
        edit(&[
            ("title", "Robotics lab intern (paid)"),
            (
                "description",
                "Help build and test robots.\n\nYou will learn soldering, Python and CAD.",
            ),
            ("skills", "soldering, Python, CAD"),
            ("hourly_wage", "19"),
        ])
        .await;
        let expected = format!(
            "opportunity {id} “Robotics lab intern”: \
             title “Robotics lab intern” → “Robotics lab intern (paid)”; \
             description “Help build and test robots.\n\nYou will learn soldering and Python.” → \
             “Help build and test robots.\n\nYou will learn soldering, Python and CAD.”; \
             hourly_wage “$18.50” → “$19.00”"
        );
        assert_eq!(
            audited(&app, "edit_published_posting").await,
            std::slice::from_ref(&expected)
        );

        // Saving it again as it is changes nothing, and records nothing.
        edit(&[
            ("title", "Robotics lab intern (paid)"),
            (
                "description",
                "Help build and test robots.\n\nYou will learn soldering, Python and CAD.",
            ),
            ("skills", "soldering, Python, CAD"),
            ("hourly_wage", "19"),
        ])
        .await;
        assert_eq!(audited(&app, "edit_published_posting").await, [expected]);

        // A closed posting is still on its applicants' pages: audited too.
        app.act(&employer, id, "close").await;
        edit(&[
            ("title", "Robotics lab intern (closed)"),
            ("hourly_wage", "19"),
        ])
        .await;
        let entries = audited(&app, "edit_published_posting").await;
        assert_eq!(entries.len(), 2);
        assert!(entries[1].contains(
            "title “Robotics lab intern (paid)” → “Robotics lab intern (closed)”; description"
        ));

        // Admins read it in the log, with who made it.
        let log = app
            .get_as(&admin, "/admin/audit?action=edit_published_posting")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            log.contains("Changed a posting students could see"),
            "{log}"
        );
        assert!(log.contains("erin@lakeshore.org"));
        assert!(log.contains("Robotics lab intern (closed)"));
    })
    .await;
}

#[tokio::test]
async fn a_draft_holding_contact_details_from_before_the_rule_is_not_published() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::ConnectionTrait;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET description = 'Text me at 312-555-0199' WHERE id = {id}"
            ))
            .await
            .unwrap();
        let response = app.act(&employer, id, "publish").await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = page_text(response).await;
        assert!(
            body.contains(&format!(
                "“312-555-0199” looks like a phone number. {TAKE_THEM_OUT}"
            )),
            "{body}"
        );
        assert_eq!(
            stored(&app, id).await.status,
            entity::OpportunityStatus::Draft
        );
    })
    .await;
}

/// A published posting saved before the rule still shows a phone number:
/// `stembridge check-contact-details` names it (and fails, so a scheduled
/// run is noticed); clean postings and drafts are not named.
#[tokio::test]
async fn the_command_line_names_live_postings_holding_contact_details_from_before_the_rule() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::ConnectionTrait;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let clean = app.published(&employer, &posting(&[])).await;
        let old = app.published(&employer, &posting(&[])).await;
        let draft = app.draft(&employer, &posting(&[])).await;
        for id in [old, draft] {
            app.db
                .execute_unprepared(&format!(
                    "UPDATE opportunity SET description = 'Text me at 312-555-0199' WHERE id = {id}"
                ))
                .await
                .unwrap();
        }
        let flagged = stembridge::opportunities::service::flagged_postings(&app.db)
            .await
            .unwrap();
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert_eq!(flagged[0].id, old);
        assert_eq!(flagged[0].field, "description");
        assert_eq!(flagged[0].found.text, "312-555-0199");
        assert_ne!(flagged[0].id, clean);
        assert!(
            stembridge::cli::check_contact_details(&app.config)
                .await
                .is_err()
        );
    })
    .await;
}

/// Two tabs (or two colleagues) open one live posting's edit page. Tab A
/// adds a safety line and saves; tab B, drawn before it, changes the title
/// and saves: refused with a clear 409, and A's line stays (eyes14b F7).
#[tokio::test]
async fn a_save_from_an_edit_page_opened_before_another_change_is_refused() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let id = app.draft(&employer, &posting(&[])).await;
        app.act(&employer, id, "publish").await;
        let edit = format!("/employer/opportunities/{id}/edit");
        let seen_on = |page: &str| -> String {
            let at = page.find("name=\"seen\" value=\"").expect("a seen stamp") + 19;
            page[at..at + page[at..].find('"').unwrap()].replace("&#x2b;", "+")
        };
        let tab_a = seen_on(&app.get_as(&employer, &edit).await.text().await.unwrap());
        let tab_b = seen_on(&app.get_as(&employer, &edit).await.text().await.unwrap());
        let safety = "Help build and test robots. Closed-toe shoes and long pants required.";
        let mut a = posting(&[("description", safety)]);
        a.push(("seen", tab_a));
        let a: Vec<(&str, &str)> = a.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let saved = app.submit_as(&employer, &edit, &edit, &a).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);

        let mut b = posting(&[("title", "Robotics lab intern (Saturday)")]);
        b.push(("seen", tab_b));
        let b: Vec<(&str, &str)> = b.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = app.submit_as(&employer, &edit, &edit, &b).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let body = refused.text().await.unwrap();
        assert!(body.contains("after you opened this page"), "{body}");
        let now = app
            .get_as(&new_client(), &format!("/opportunities/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(now.contains("long pants required"), "{now}");
        assert!(!now.contains("(Saturday)"), "nothing of tab B was written");
    })
    .await;
}

/// A double click on "save draft", a second tab of the same new-posting
/// form, or three sent at once: one draft, and each answer leads to it. A
/// new form makes a new draft.
#[tokio::test]
async fn the_same_new_posting_form_sent_twice_makes_one_draft() {
    on_each_backend(async |app: TestApp| {
        let employer = app.employer("New Startup", "sam@startup.org").await;
        let new = "/employer/opportunities/new";
        let once_on = |page: &str| -> String {
            let at = page.find("name=\"once\" value=\"").expect("a form token") + 19;
            page[at..at + page[at..].find('"').unwrap()].to_owned()
        };
        let once = once_on(&app.get_as(&employer, new).await.text().await.unwrap());
        let mut fields = posting(&[]);
        fields.push(("once", once));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let send = || app.submit_as(&employer, new, "/employer/opportunities", &fields);
        let (a, b, c) = tokio::join!(send(), send(), send());
        let again = send().await;
        let places: Vec<String> = [a, b, c, again]
            .iter()
            .map(|r| {
                assert_eq!(r.status(), StatusCode::SEE_OTHER);
                location(r)
            })
            .collect();
        assert!(places.iter().all(|p| *p == places[0]), "{places:?}");
        assert_eq!(app.count("opportunity").await, 1);
        // The employer is told the form was saved before, not twice.
        let page = app
            .get_as(&employer, &places[0])
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("already saved"), "{page}");
        // A crafted token (too long, or not ours) makes a posting as a form
        // without one would: no server error.
        let mut long = posting(&[]);
        long.push(("once", "x".repeat(70)));
        let long: Vec<(&str, &str)> = long.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for _ in 0..2 {
            let response = app
                .submit_as(&employer, new, "/employer/opportunities", &long)
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(app.count("opportunity").await, 3);
        // A form drawn afresh is another posting.
        let other = once_on(&app.get_as(&employer, new).await.text().await.unwrap());
        let mut fields = posting(&[]);
        fields.push(("once", other));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .submit_as(&employer, new, "/employer/opportunities", &fields)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_ne!(location(&response), places[0]);
        assert_eq!(app.count("opportunity").await, 4);
    })
    .await;
}

/// Pay as employers type it: `$1,500.00` and `1,500` for a stipend, and a
/// decimal comma (`18,50`) as Spanish writes it; a ZIP+4 (what browsers
/// autofill) is kept as its ZIP. `1.500` could be either and is refused.
#[tokio::test]
async fn pay_with_thousands_separators_or_a_decimal_comma_and_a_zip_plus_four_are_read() {
    on_each_backend(async |app: TestApp| {
        use sea_orm::EntityTrait;
        let admin = app.admin().await;
        let employer = app.verified_employer(&admin, "Org A", "a@a.org").await;
        let stored = async |id: i32| {
            entity::opportunity::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
        };
        for typed in ["1,500", "$1,500.00", "$ 1,500"] {
            let id = app
                .draft(
                    &employer,
                    &posting(&[
                        ("compensation", "stipend"),
                        ("hourly_wage", ""),
                        ("stipend", typed),
                    ]),
                )
                .await;
            assert_eq!(stored(id).await.stipend_cents, Some(150_000), "{typed}");
        }
        let id = app
            .draft(
                &employer,
                &posting(&[("hourly_wage", "18,50"), ("zip", "60606-1234")]),
            )
            .await;
        let posting_row = stored(id).await;
        assert_eq!(posting_row.hourly_wage_cents, Some(1850));
        assert_eq!(posting_row.zip, "60606");

        // Ambiguous: refused on its field, in the employer's language,
        // nothing written.
        let before = app.count("opportunity").await;
        for (lang, message) in [
            (
                "en",
                "Hourly wage must be an amount in dollars, like 18.50 or 1,500.",
            ),
            (
                "es",
                "debe ser un monto en dólares, como 18.50, 18,50 o 1,500.",
            ),
        ] {
            let fields = posting(&[("hourly_wage", "1.500")]);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let token = app
                .csrf_token(&employer, "/employer/opportunities/new")
                .await;
            let mut body = vec![("csrf_token", token.as_str())];
            body.extend(fields);
            let response = employer
                .post(app.url("/employer/opportunities"))
                .header("accept-language", lang)
                .form(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let page = response.text().await.unwrap();
            assert!(page.contains(message), "{lang}: {page}");
        }
        assert_eq!(app.count("opportunity").await, before);
    })
    .await;
}
