//! Counselors add students and hand out claim codes; students claim accounts.

use reqwest::{Client, StatusCode};

use crate::helpers::{PASSWORD, TestApp, new_client, on_each_backend};

fn code_on(page: &str) -> String {
    page.split("id=\"claim-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned()
}

async fn add_student(app: &TestApp, counselor: &Client, school_id: i32, first: &str) -> String {
    let school_id = school_id.to_string();
    let response = app
        .submit_as(
            counselor,
            "/counselor",
            "/counselor/students",
            &[
                ("school_id", &school_id),
                ("first_name", first),
                ("last_name", "Rivera"),
                ("grade", "11"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    code_on(&response.text().await.unwrap())
}

async fn claim(app: &TestApp, code: &str, email: &str) -> reqwest::Response {
    app.submit_as(
        &new_client(),
        "/claim",
        "/claim",
        &[
            ("code", code),
            ("display_name", "Ana"),
            ("email", email),
            ("password", PASSWORD),
        ],
    )
    .await
}

#[tokio::test]
async fn a_student_claims_the_account_with_the_code_and_the_code_works_once() {
    on_each_backend(async |app: TestApp| {
        let school_id = app.school("Lincoln High").await;
        let counselor = app.counselor("carla@lincoln.edu", &[school_id]).await;
        let code = add_student(&app, &counselor, school_id, "Ana").await;

        let response = claim(
            &app,
            &code.to_lowercase().replace('-', " "),
            "ana@student.org",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let student = new_client();
        app.login_as(&student, "ana@student.org", PASSWORD).await;
        let body = app.get_as(&student, "/student").await.text().await.unwrap();
        assert!(body.contains("Grade 11 at Lincoln High"));

        let again = claim(&app, &code, "someone@else.org").await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            again
                .text()
                .await
                .unwrap()
                .contains("This code is not valid or has expired.")
        );
        assert_eq!(app.count("app_user").await, 2, "counselor and Ana only");
    })
    .await;
}

#[tokio::test]
async fn a_wrong_or_empty_code_is_refused_and_creates_no_account() {
    on_each_backend(async |app: TestApp| {
        for (code, message) in [
            ("", "Enter the code your counselor gave you."),
            ("AAAA-BBBB-CCCC", "This code is not valid"),
        ] {
            let response = claim(&app, code, "ana@student.org").await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(response.text().await.unwrap().contains(message));
        }
        assert_eq!(app.count("app_user").await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_reissued_code_replaces_the_old_one() {
    on_each_backend(async |app: TestApp| {
        let school_id = app.school("Lincoln High").await;
        let counselor = app.counselor("carla@lincoln.edu", &[school_id]).await;
        let old_code = add_student(&app, &counselor, school_id, "Ana").await;
        let page = app
            .get_as(&counselor, "/counselor")
            .await
            .text()
            .await
            .unwrap();
        let action = page
            .split("action=\"/counselor/students/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let response = app
            .submit_as(
                &counselor,
                "/counselor",
                &format!("/counselor/students/{action}"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let new_code = code_on(&response.text().await.unwrap());
        assert_ne!(old_code, new_code);
        assert_eq!(
            claim(&app, &old_code, "ana@student.org").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            claim(&app, &new_code, "ana@student.org").await.status(),
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn a_counselor_cannot_add_to_or_reissue_codes_for_another_school() {
    on_each_backend(async |app: TestApp| {
        let lincoln = app.school("Lincoln High").await;
        let carla = app.counselor("carla@lincoln.edu", &[lincoln]).await;
        let roosevelt = app.school("Roosevelt High").await;
        let dev = app.counselor("dev@roosevelt.edu", &[roosevelt]).await;
        add_student(&app, &carla, lincoln, "Ana").await;

        let roosevelt = roosevelt.to_string();
        let response = app
            .submit_as(
                &carla,
                "/counselor",
                "/counselor/students",
                &[
                    ("school_id", &roosevelt),
                    ("first_name", "X"),
                    ("last_name", "Y"),
                    ("grade", "10"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        let page = app.get_as(&dev, "/counselor").await.text().await.unwrap();
        assert!(
            !page.contains("Ana Rivera"),
            "another school's students stay hidden"
        );
        let response = app
            .submit_as(&dev, "/counselor", "/counselor/students/1/code", &[])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("student").await, 1);
    })
    .await;
}

#[tokio::test]
async fn adding_a_student_with_bad_input_names_each_field() {
    on_each_backend(async |app: TestApp| {
        let school_id = app.school("Lincoln High").await;
        let counselor = app.counselor("carla@lincoln.edu", &[school_id]).await;
        let school_id = school_id.to_string();
        let response = app
            .submit_as(
                &counselor,
                "/counselor",
                "/counselor/students",
                &[
                    ("school_id", &school_id),
                    ("first_name", ""),
                    ("last_name", "R"),
                    ("grade", "5"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("First name is required.")
                && body.contains("Grade must be between 6 and 13.")
        );
        assert_eq!(app.count("student").await, 0);
    })
    .await;
}

#[tokio::test]
async fn students_with_the_same_name_are_told_apart_by_their_id_on_the_list_the_slip_and_the_export()
 {
    on_each_backend(async |app: TestApp| {
        let school_id = app.school("Lincoln High").await;
        let counselor = app.counselor("carla@lincoln.edu", &[school_id]).await;
        // Two Ana Riveras in grade 11, one more Ana in another family name.
        add_student(&app, &counselor, school_id, "Ana").await;
        let second = app
            .submit_as(
                &counselor,
                "/counselor",
                "/counselor/students",
                &[
                    ("school_id", &school_id.to_string()),
                    ("first_name", "Ana"),
                    ("last_name", "Rivera"),
                    ("grade", "11"),
                ],
            )
            .await
            .text()
            .await
            .unwrap();
        let ids: Vec<i64> = {
            let n = app
                .number("SELECT CAST(MIN(id) AS BIGINT) AS n FROM student")
                .await;
            vec![n, n + 1]
        };
        assert!(
            second.contains(&format!("Student ID: #{}", ids[1])),
            "the slip names the record: {second}"
        );
        let list = app
            .get_as(&counselor, "/counselor")
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(
            list.matches("Same name and grade as another student")
                .count(),
            2
        );
        for id in &ids {
            assert!(list.contains(&format!("<td>#{id}</td>")), "{list}");
        }
        let csv = app
            .get_as(&counselor, "/counselor/outreach/students.csv")
            .await
            .text()
            .await
            .unwrap();
        for id in &ids {
            assert!(csv.contains(&format!("#{id},Ana Rivera,11,")), "{csv}");
        }
    })
    .await;
}

/// The audit rows of one action, as (actor, subject), oldest first.
async fn audited(app: &TestApp, action: &str) -> Vec<(i32, String)> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    entity::audit_log::Entity::find()
        .filter(entity::audit_log::Column::Action.eq(action))
        .order_by_asc(entity::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.actor_id, e.subject))
        .collect()
}

#[tokio::test]
async fn each_code_handed_out_and_the_claim_are_on_the_trail_and_the_record_shows_the_claim() {
    on_each_backend(async |app: TestApp| {
        // Arrange: a counselor adds Ana (her first code) and reissues it.
        let school_id = app.school("Lincoln High").await;
        let counselor = app.counselor("carla@lincoln.edu", &[school_id]).await;
        add_student(&app, &counselor, school_id, "Ana").await;
        let student_id = app
            .number("SELECT CAST(MAX(id) AS BIGINT) AS n FROM student")
            .await
            .to_string();
        let response = app
            .submit_as(
                &counselor,
                "/counselor",
                &format!("/counselor/students/{student_id}/code"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let code = code_on(&response.text().await.unwrap());
        let subject = format!("student {student_id}");
        assert_eq!(
            audited(&app, "issue_claim_code").await,
            vec![(counselor.id, subject.clone()), (counselor.id, subject)],
            "who issued a code, for which student, each time"
        );

        // Act: someone claims the account with that code.
        let response = claim(&app, &code, "Someone.Else@Example.org").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Assert: the claim, with its address, is audited by the new account...
        let claimer = app.user_id("someone.else@example.org").await;
        assert_eq!(
            audited(&app, "claim_student_account").await,
            vec![(
                claimer,
                format!("student {student_id} as someone.else@example.org")
            )]
        );
        // ...listed in the admin's filter, and on the record the counselor reads.
        let admin = app.admin().await;
        let audit = app
            .get_as(&admin, "/admin/audit")
            .await
            .text()
            .await
            .unwrap();
        for action in ["issue_claim_code", "claim_student_account"] {
            assert!(audit.contains(&format!("value=\"{action}\"")), "{action}");
        }
        let record = app
            .get_as(&counselor, &format!("/counselor/students/{student_id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            record.contains(
                "Account claimed with the claim code; it signs in as someone.else@example.org"
            ),
            "{record}"
        );
        // A refused reissue (the account is claimed) records nothing.
        let response = app
            .submit_as(
                &counselor,
                "/counselor",
                &format!("/counselor/students/{student_id}/code"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(audited(&app, "issue_claim_code").await.len(), 2);
    })
    .await;
}
