//! Script and HTML typed into any text field come back as text, on every
//! page that shows it, for every role.

use reqwest::StatusCode;
use sea_orm::ConnectionTrait;

use crate::helpers::{PASSWORD, TestApp, location, new_client, posting};

const PAYLOAD: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>";

fn assert_escaped(body: &str, page: &str) {
    for raw in ["<script>alert", "<img src=x", "<svg onload"] {
        assert!(!body.contains(raw), "{page} shows “{raw}” unescaped");
    }
}

#[tokio::test]
async fn html_typed_into_any_form_is_shown_as_text_everywhere() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let admin = app.admin().await;
    // The organization's own name and profile carry the payload.
    let organization = format!("Org {PAYLOAD}");
    let employer = app
        .register_confirmed(&[
            ("organization_name", &organization),
            ("zip", "60606"),
            ("display_name", PAYLOAD),
            ("email", "x@org.org"),
            ("password", PASSWORD),
        ])
        .await;
    app.submit_as(
        &employer,
        "/employer/organization",
        "/employer/organization",
        &[
            ("name", &organization),
            ("zip", "60606"),
            ("contact_email", "x@org.org"),
            ("description", PAYLOAD),
            ("address", PAYLOAD),
        ],
    )
    .await;
    app.review(&admin, &organization, "verify", "").await;
    let opportunity = app
        .published(
            &employer,
            &posting(&[
                ("title", PAYLOAD),
                ("description", PAYLOAD),
                ("skills", PAYLOAD),
                ("schedule", PAYLOAD),
            ]),
        )
        .await;

    // A counselor adds a student whose names carry it too; the student claims and applies.
    let school = app.school("Lincoln").await;
    let counselor = app.counselor("c@s.edu", &[school]).await;
    let school_id = school.to_string();
    let issued = app
        .submit_as(
            &counselor,
            "/counselor",
            "/counselor/students",
            &[
                ("school_id", &school_id),
                ("first_name", PAYLOAD),
                ("last_name", PAYLOAD),
                ("grade", "11"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    assert_escaped(&issued, "the issued code page");
    let code = issued
        .split("id=\"claim-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let student = new_client();
    app.submit_as(
        &student,
        "/claim",
        "/claim",
        &[
            ("code", &code),
            ("display_name", PAYLOAD),
            ("email", "s@s.org"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let response = app
        .submit_as(
            &student,
            "/student",
            &format!("/opportunities/{opportunity}/apply"),
            &[
                ("note", PAYLOAD),
                ("availability", PAYLOAD),
                ("accommodations", PAYLOAD),
            ],
        )
        .await;
    let application: i32 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    app.submit_as(
        &employer,
        "/employer",
        &format!("/employer/applications/{application}/offer"),
        &[],
    )
    .await;
    let page = format!("/student/applications/{application}");
    app.submit_as(
        &student,
        &page,
        &format!("{page}/accept"),
        &[("belonging", "4")],
    )
    .await;
    app.submit_as(
        &counselor,
        "/counselor/placements",
        "/counselor/placements/1/consent",
        &[
            ("guardian_name", PAYLOAD),
            ("relationship", PAYLOAD),
            ("decision", "give"),
        ],
    )
    .await;
    let start = crate::helpers::days_from_now(-5);
    app.db
        .execute_unprepared(&format!("UPDATE placement SET start_date = '{start}'"))
        .await
        .unwrap();
    app.taken_days_ago(None, 5).await;
    let yesterday = crate::helpers::days_from_now(-1);
    app.submit_as(
        &student,
        "/student/placements/1",
        "/student/placements/1/hours",
        &[
            ("work_date", &yesterday),
            ("hours", "2"),
            ("description", PAYLOAD),
        ],
    )
    .await;
    app.submit_as(
        &employer,
        "/employer/placements/1",
        "/employer/placements/1/complete",
        &[
            ("outcome", "completed"),
            ("communication", "5"),
            ("teamwork", "5"),
            ("technical", "5"),
            ("reliability", "5"),
            ("comment", PAYLOAD),
        ],
    )
    .await;
    app.wait_for_search().await;

    let organization_id = app.organization_id(&organization).await;
    let pages = [
        (&employer.client, "/employer".to_owned()),
        (
            &employer.client,
            format!("/employer/opportunities/{opportunity}"),
        ),
        (
            &employer.client,
            format!("/employer/opportunities/{opportunity}/applicants"),
        ),
        (&employer.client, "/employer/placements/1".to_owned()),
        (&employer.client, "/employer/organization".to_owned()),
        (&employer.client, "/notifications".to_owned()),
        (&student, "/student".to_owned()),
        (&student, format!("/student/applications/{application}")),
        (&student, "/student/placements/1".to_owned()),
        (&student, format!("/opportunities/{opportunity}")),
        (&student, "/search?q=alert".to_owned()),
        (&student, "/notifications".to_owned()),
        (&counselor.client, "/counselor".to_owned()),
        (&counselor.client, "/counselor/outreach".to_owned()),
        (&counselor.client, "/counselor/students/1".to_owned()),
        (&counselor.client, "/organizations/review".to_owned()),
        (&admin.client, "/admin".to_owned()),
        (&admin.client, "/admin/audit".to_owned()),
        (&new_client(), format!("/organizations/{organization_id}")),
    ];
    for (client, path) in pages {
        let response = app.get_as(client, &path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("&lt;script&gt;")
                || path.starts_with("/admin")
                || path == "/counselor/students/1" && body.contains("&lt;"),
            "{path} shows the text"
        );
        assert_escaped(&body, &path);
    }
}
