//! District scale: the counselor pages with more students than SQLite's
//! variable limit (32,766) answer in pages, with a search, and refuse bad
//! paging parameters cleanly.

use chrono::{Duration, NaiveDate, Utc};
use entity::{ApplicationStatus, PlacementStatus, Role, application, placement, student, user};
use reqwest::{Client, StatusCode};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use stembridge::admin::service::{NewSchool, create_school};

use crate::helpers::{PASSWORD, TestApp, TestUser, new_client, on_each_backend, posting};

/// More students than SQLite accepts variables in one statement.
const STUDENTS: usize = 33_000;
/// The one student with this last name, to be found by the search.
const NEEDLE: usize = 21_377;

/// `STUDENTS` active students of one school, inserted in bulk, with a few
/// applications and placements waiting for consent.
async fn district(app: &TestApp, admin: &Client) -> (Vec<i32>, TestUser, i32) {
    let school = create_school(
        &app.db,
        crate::helpers::SET_UP,
        &NewSchool {
            name: "Central High".into(),
            zip: "60601".into(),
        },
    )
    .await
    .unwrap();
    let now = Utc::now();
    let rows: Vec<student::ActiveModel> = (0..STUDENTS)
        .map(|i| student::ActiveModel {
            school_id: Set(school.id),
            first_name: Set(format!("Kid{i}")),
            last_name: Set(if i == NEEDLE {
                "Zyxwvut".into()
            } else {
                format!("Student{i:05}")
            }),
            grade: Set(6 + (i % 8) as i32),
            active: Set(true),
            created_at: Set(now),
            gender: Set(Some(["Female", "Male"][i % 2].into())),
            low_income: Set(Some(i % 3 == 0)),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(2_000) {
        student::Entity::insert_many(chunk.to_vec())
            .exec(&app.db)
            .await
            .unwrap();
    }
    let ids: Vec<i32> = student::Entity::find()
        .order_by_asc(student::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let employer = app
        .verified_employer(admin, "Big Lab", "lab@example.org")
        .await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    for (n, &student_id) in ids.iter().step_by(300).enumerate() {
        let applied = application::Entity::insert(application::ActiveModel {
            opportunity_id: Set(opportunity),
            student_id: Set(student_id),
            status: Set(ApplicationStatus::Accepted),
            note: Set(String::new()),
            availability: Set(String::new()),
            accommodations: Set(String::new()),
            created_at: Set(now - Duration::days(1)),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(&app.db)
        .await
        .unwrap();
        if n % 2 == 0 {
            placement::Entity::insert(placement::ActiveModel {
                application_id: Set(applied.last_insert_id),
                opportunity_id: Set(opportunity),
                student_id: Set(student_id),
                status: Set(PlacementStatus::AwaitingConsent),
                start_date: Set(today),
                end_date: Set(today + Duration::days(30)),
                created_at: Set(now),
                ..Default::default()
            })
            .exec(&app.db)
            .await
            .unwrap();
        }
    }
    app.counselor_account("casey@central.edu", &[school.id])
        .await;
    (ids, employer, opportunity)
}

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = app.get_as(client, path).await;
    let status = response.status();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn every_counselor_page_answers_for_a_district_larger_than_sqlites_variable_limit() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let (ids, employer, opportunity) = district(&app, &admin).await;
        let counselor = new_client();
        app.login_as(&counselor, "casey@central.edu", PASSWORD)
            .await;

        for client in [&counselor, &admin] {
            for path in [
                "/counselor",
                "/counselor/outreach",
                "/counselor/placements",
                "/counselor/dashboard",
            ] {
                let (status, body) = page(&app, client, path).await;
                assert_eq!(status, StatusCode::OK, "{path}: {body}");
                assert!(body.len() < 100_000, "{path} is {} bytes", body.len());
            }
        }

        // Lists come in pages, with links that work without scripts.
        for (path, label) in [
            ("/counselor", "Pages of students"),
            ("/counselor/outreach", "Pages of students"),
            ("/counselor/placements", "Pages of placements"),
        ] {
            let (_, first) = page(&app, &counselor, path).await;
            assert!(first.contains(&format!("aria-label=\"{label}\"")), "{path}");
            assert!(first.contains("rel=\"next\""), "{path}: {first}");
            let next = first
                .split("rel=\"next\"")
                .next()
                .and_then(|before| before.rsplit("href=\"").next())
                .and_then(|href| href.split('"').next())
                .unwrap()
                .replace("&#x2f;", "/")
                .replace("&amp;", "&");
            assert!(next.contains("page=2"), "{path}: {next}");
            let (status, second) = page(&app, &counselor, &next).await;
            assert_eq!(status, StatusCode::OK);
            assert!(second.contains("rel=\"prev\""), "{path}");
            assert_ne!(first, second);
        }

        // The other lists too: one page, a pager when there is more, and
        // bad paging refused.
        let applicants = format!("/employer/opportunities/{opportunity}/applicants");
        for (client, path) in [
            (&admin, "/admin/audit"),
            (&admin, "/organizations/review"),
            (&admin, "/notifications"),
            (&employer, "/employer"),
            (&employer, applicants.as_str()),
        ] {
            let (status, body) = page(&app, client, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(body.len() < 100_000, "{path} is {} bytes", body.len());
            for bad in ["page=-1", "page=10001"] {
                let (status, _) = page(&app, client, &format!("{path}?{bad}")).await;
                assert_eq!(status, StatusCode::BAD_REQUEST, "{path}?{bad}");
            }
        }
        let (_, body) = page(&app, &employer, &applicants).await;
        assert!(
            body.contains("aria-label=\"Pages of applicants\"") && body.contains("rel=\"next\"")
        );
        let (_, body) = page(
            &app,
            &employer,
            &format!("{applicants}?q=Kid300+Student00300"),
        )
        .await;
        assert!(body.contains("Kid300 Student00300") && !body.contains("Kid900 "));

        // One person is found by name or by id, on the roster and in outreach.
        let needle = ids[NEEDLE];
        for path in ["/counselor", "/counselor/outreach"] {
            for q in ["zyxw", "Kid21377 Zyxwvut", &needle.to_string()] {
                let (status, body) = page(&app, &counselor, &format!("{path}?q={q}")).await;
                assert_eq!(status, StatusCode::OK);
                assert!(body.contains("Kid21377 Zyxwvut"), "{path}?q={q}");
                assert!(
                    !body.contains("Student0"),
                    "{path}?q={q} lists only the match"
                );
                assert!(!body.contains("rel=\"next\""));
            }
        }
        let (_, nobody) = page(&app, &counselor, "/counselor/outreach?q=100%25_").await;
        assert!(nobody.contains("Nothing matches this search."));

        // Bad paging parameters get a clear 400; an unknown sort is ignored,
        // a page past the end is empty.
        let long = "a".repeat(101);
        for path in ["/counselor", "/counselor/outreach", "/counselor/placements"] {
            for bad in [
                "page=-1".to_owned(),
                "page=0".to_owned(),
                "page=1.5".to_owned(),
                "page=99999999999999999999999".to_owned(),
                format!("q={long}"),
            ] {
                let (status, body) = page(&app, &counselor, &format!("{path}?{bad}")).await;
                assert_eq!(status, StatusCode::BAD_REQUEST, "{path}?{bad}");
                assert!(
                    body.contains("“page” must be a whole number from 1 to 10000")
                        || body.contains("at most 100 characters"),
                    "{path}?{bad}"
                );
            }
            let (status, _) = page(&app, &counselor, &format!("{path}?sort=unknown")).await;
            assert_eq!(status, StatusCode::OK);
            let (status, body) = page(&app, &counselor, &format!("{path}?page=10000")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(body.contains("rel=\"prev\"") && !body.contains("rel=\"next\""));
        }
    })
    .await;
}

#[tokio::test]
async fn the_admins_account_list_comes_in_pages_with_a_search_and_a_role_filter() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let now = Utc::now();
        let rows: Vec<user::ActiveModel> = (0..130)
            .map(|i| user::ActiveModel {
                email: Set(format!("user{i:03}@accounts.test")),
                password_hash: Set("not a hash".into()),
                display_name: Set(if i == 77 {
                    "Quillon Marsh".into()
                } else {
                    format!("Person {i:03}")
                }),
                role: Set(if i % 2 == 0 {
                    Role::Student
                } else {
                    Role::Employer
                }),
                created_at: Set(now),
                session_generation: Set(0),
                mail_updates: Set(false),
                mail_digest: Set(false),
                ..Default::default()
            })
            .collect();
        user::Entity::insert_many(rows).exec(&app.db).await.unwrap();

        // A page of 50 at most, by email, and a labelled pagination nav.
        let (status, first) = page(&app, &admin, "/admin/accounts").await;
        assert_eq!(status, StatusCode::OK);
        assert!(first.contains("aria-label=\"Pages of accounts\""));
        assert!(first.contains("user000@accounts.test") && !first.contains("user060@"));
        let (_, second) = page(&app, &admin, "/admin/accounts?page=2").await;
        assert!(second.contains("rel=\"prev\"") && second.contains("rel=\"next\""));
        assert!(!second.contains("user000@accounts.test"));

        // One person by name, by email, by id; a role narrows the list.
        let marsh = user::Entity::find()
            .filter(user::Column::Email.eq("user077@accounts.test"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        for q in [
            "marsh".to_owned(),
            "Quillon Marsh".to_owned(),
            "user077@accounts.test".to_owned(),
            marsh.id.to_string(),
        ] {
            let (status, body) = page(&app, &admin, &format!("/admin/accounts?q={q}")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(body.contains("user077@accounts.test"), "q={q}");
            assert!(!body.contains("user076@"), "q={q} lists only the match");
        }
        let (_, employers) = page(&app, &admin, "/admin/accounts?role=employer&page=2").await;
        assert!(employers.contains("user101@accounts.test"));
        assert!(!employers.contains("user100@accounts.test"));
        assert!(employers.contains("role=employer"), "links keep the filter");

        // Bad parameters: a clear 400.
        for (bad, says) in [
            ("role=owner", "“role” must be one of"),
            ("page=0", "“page” must be a whole number"),
            ("page=x", "“page” must be a whole number"),
        ] {
            let (status, body) = page(&app, &admin, &format!("/admin/accounts?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(body.contains(says), "{bad}: {body}");
        }
        let long = "a".repeat(255);
        let (status, _) = page(&app, &admin, &format!("/admin/accounts?q={long}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    })
    .await;
}

/// The names on one page of a student list, each with the stage its row
/// shows.
fn rows_of(body: &str) -> Vec<(String, String)> {
    body.split("<th scope=\"row\"><a href=\"/counselor/students/")
        .skip(1)
        .map(|row| {
            let name = row.split('>').nth(1).unwrap_or_default();
            let name = name.trim_end_matches("</a").to_owned();
            let stage = row
                .split("</td><td>")
                .nth(2)
                .and_then(|cell| cell.split("</td>").next())
                .unwrap_or_default()
                .to_owned();
            (name, stage)
        })
        .collect()
}

#[tokio::test]
async fn the_outreach_list_pages_through_a_stage_and_shows_each_students_stage() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let school = create_school(
            &app.db,
            crate::helpers::SET_UP,
            &NewSchool {
                name: "North High".into(),
                zip: "60602".into(),
            },
        )
        .await
        .unwrap();
        let now = Utc::now();
        // 130 students: every other one applied this school year, so each
        // stage's list and the whole list take more than one page.
        let rows: Vec<student::ActiveModel> = (0..130)
            .map(|i| student::ActiveModel {
                school_id: Set(school.id),
                first_name: Set(format!("Kid{i}")),
                last_name: Set(format!("Pupil{i:03}")),
                grade: Set(9),
                active: Set(true),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        student::Entity::insert_many(rows)
            .exec(&app.db)
            .await
            .unwrap();
        let students = student::Entity::find()
            .filter(student::Column::SchoolId.eq(school.id))
            .order_by_asc(student::Column::LastName)
            .all(&app.db)
            .await
            .unwrap();
        let employer = app
            .verified_employer(&admin, "Small Lab", "small@example.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let mut applied = std::collections::BTreeSet::new();
        for s in students.iter().step_by(2) {
            application::Entity::insert(application::ActiveModel {
                opportunity_id: Set(opportunity),
                student_id: Set(s.id),
                status: Set(ApplicationStatus::Submitted),
                note: Set(String::new()),
                availability: Set(String::new()),
                accommodations: Set(String::new()),
                created_at: Set(now - Duration::hours(1)),
                updated_at: Set(now),
                ..Default::default()
            })
            .exec(&app.db)
            .await
            .unwrap();
            applied.insert(format!("{} {}", s.first_name, s.last_name));
        }
        app.counselor_account("nora@north.edu", &[school.id]).await;
        let counselor = new_client();
        app.login_as(&counselor, "nora@north.edu", PASSWORD).await;

        for (status, stage, expected) in [
            ("", None, 130),
            ("applied", Some("Applied"), applied.len()),
            ("not_engaged", Some("Not engaged yet"), 130 - applied.len()),
        ] {
            let mut seen = Vec::new();
            for number in 1..=3 {
                let (code, body) = page(
                    &app,
                    &counselor,
                    &format!("/counselor/outreach?status={status}&page={number}"),
                )
                .await;
                assert_eq!(code, StatusCode::OK, "{status} page {number}: {body}");
                seen.extend(rows_of(&body));
            }
            assert_eq!(seen.len(), expected, "{status}: {seen:?}");
            let names: std::collections::BTreeSet<&String> = seen.iter().map(|(n, _)| n).collect();
            assert_eq!(names.len(), expected, "{status}: each student once");
            for (name, shown) in &seen {
                let right = if applied.contains(name) {
                    "Applied"
                } else {
                    "Not engaged yet"
                };
                assert_eq!(shown, right, "{status}: {name}");
                if let Some(stage) = stage {
                    assert_eq!(shown, stage, "{status}: {name}");
                }
            }
        }
    })
    .await;
}
