//! Families as partners: guardians from the roster, mail over a real SMTP
//! exchange on loopback, consent only a guardian can give, and birth dates
//! only the school sets.

use reqwest::{Client, StatusCode};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, sea_query::Expr,
};
use stembridge::admin::service::{NewSchool, create_school};

use crate::{
    helpers::{
        Backend, PASSWORD, RosterUpload, TestApp, TestUser, backends, consent_path_in, location,
        new_client, on_each_backend, posting,
    },
    mail_server::MailServer,
};

const ORGS: &str = "sourcedId,name,type\nsch-1,Lincoln High,school\n";
const DEMOGRAPHICS: &str = "sourcedId,birthDate,sex\nstu-1,2011-05-01,female\n";

/// users.csv with Ana and her mother, whose messages are in `language`.
pub(crate) fn users(language: &str) -> String {
    format!(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
         stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,\n\
         par-1,true,sch-1,parent,María,Rivera,,maria@example.org,stu-1,{language}\n"
    )
}

pub(crate) async fn upload(app: &TestApp, client: &Client, users: &str) -> RosterUpload {
    app.upload_roster(
        client,
        ORGS.as_bytes(),
        users.as_bytes(),
        DEMOGRAPHICS.as_bytes(),
    )
    .await
}

/// Everyone of the consent journey, up to an offer the student may accept.
pub(crate) struct World {
    pub admin: TestUser,
    pub counselor: TestUser,
    pub student: Client,
    pub student_id: i32,
    pub application: i32,
}

pub(crate) async fn world(app: &TestApp, users_csv: &str) -> World {
    let admin = app.admin().await;
    let response = upload(app, &admin, users_csv).await;
    assert!(!response.refused, "roster imported");
    let school = entity::school::Entity::find()
        .filter(entity::school::Column::SourcedId.eq("sch-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let counselor = app.counselor("carla@lincoln.edu", &[school.id]).await;
    // The counselor hands Ana a claim code; Ana claims her account.
    let code = stembridge::roster::claim_code::generate();
    let ana = entity::student::Entity::find()
        .filter(entity::student::Column::SourcedId.eq("stu-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut model: entity::student::ActiveModel = ana.clone().into();
    model.claim_code_hash = Set(Some(stembridge::roster::claim_code::digest(&code)));
    model.claim_code_expires_at = Set(Some(chrono::Utc::now() + chrono::Duration::days(3)));
    model.update(&app.db).await.unwrap();
    let student = new_client();
    let response = app
        .submit_as(
            &student,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", "Ana"),
                ("email", "ana@students.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "claimed");

    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let response = app
        .submit_as(
            &student,
            &format!("/opportunities/{opportunity}"),
            &format!("/opportunities/{opportunity}/apply"),
            &[("note", "I love robots."), ("availability", "After 3 pm")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "applied");
    let application: i32 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let response = app
        .submit_as(
            &employer,
            "/employer",
            &format!("/employer/applications/{application}/offer"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "offered");
    World {
        admin,
        counselor,
        student,
        student_id: ana.id,
        application,
    }
}

/// The student accepts; returns the placement id.
pub(crate) async fn accept(app: &TestApp, w: &World) -> i32 {
    let page = format!("/student/applications/{}", w.application);
    let response = app
        .submit_as(
            &w.student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "4")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
        .strip_prefix("/student/placements/")
        .expect("to the placement page")
        .parse()
        .unwrap()
}

/// The counselor sends María's consent request again; the second mail she
/// receives, in Spanish.
async fn resend_in_spanish(
    app: &TestApp,
    w: &World,
    server: &MailServer,
    placement: i32,
) -> crate::mail_server::Received {
    let response = app
        .submit_as(
            &w.counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{placement}/consent-resend"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Her inbox also holds the note that her settings changed.
    server
        .wait_for_subject("maria@example.org", "Se necesita su consentimiento", 15)
        .await
}

pub(crate) async fn placement_status(app: &TestApp, id: i32) -> String {
    entity::placement::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .key()
        .to_owned()
}

pub(crate) async fn text(app: &TestApp, client: &Client, path: &str) -> String {
    app.get_as(client, path).await.text().await.unwrap()
}

pub(crate) async fn give_consent(app: &TestApp, client: &Client, link: &str) -> reqwest::Response {
    app.submit_as(
        client,
        "/register",
        link,
        &[
            ("guardian_name", "María Rivera"),
            ("relationship", "madre"),
            ("decision", "give"),
        ],
    )
    .await
}

/// Sets `column` of every consent request to now plus `minutes` (the clock
/// moving on, without waiting).
pub(crate) async fn shift_consent_requests(
    app: &TestApp,
    column: entity::consent_request::Column,
    minutes: i64,
) {
    entity::consent_request::Entity::update_many()
        .col_expr(
            column,
            Expr::value(chrono::Utc::now() + chrono::Duration::minutes(minutes)),
        )
        .exec(&app.db)
        .await
        .unwrap();
}

pub(crate) async fn app_with_smtp(backend: Backend, server: &MailServer) -> TestApp {
    let url = server.url();
    TestApp::spawn_with(backend, move |config| config.smtp_url = Some(url)).await
}

#[tokio::test]
async fn a_spanish_speaking_guardian_from_the_roster_gets_the_email_and_alone_can_consent() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("es")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");

        // The email arrives over SMTP, in Spanish, with the placement's facts.
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert_eq!(mail.to, vec!["maria@example.org".to_owned()]);
        assert_eq!(mail.from, "no-reply@stembridge.invalid");
        assert!(
            mail.subject().contains("Se necesita su consentimiento"),
            "{}",
            mail.subject()
        );
        assert_eq!(mail.header("Content-Language").as_deref(), Some("es"));
        let body = mail.text();
        for fact in [
            "Hola, María Rivera:",
            "Lakeshore Robotics",
            "Robotics lab intern",
            "233 S Wacker Dr, 60606",
            "$18.50 por hora",
            "Accesible en silla de ruedas",
            "Cerca del transporte público",
            "Erin Employer",
        ] {
            assert!(body.contains(fact), "{fact} in {body}");
        }
        assert!(mail.html().contains("Lakeshore Robotics"), "an HTML part");
        assert!(!mail.html().contains("<img"), "no tracking pixel");
        let first_link = mail.link("/consent/");

        // The student never sees the link; they see where it went.
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(page.contains("m•••@example.org"), "{page}");
        let token = first_link.trim_start_matches("/consent/");
        for path in [
            format!("/student/placements/{placement}"),
            format!("/student/applications/{}", w.application),
            "/notifications".to_owned(),
            "/student".to_owned(),
        ] {
            assert!(
                !text(&app, &w.student, &path).await.contains(token),
                "{path}"
            );
        }

        // The student's own session is refused, reading and posting.
        let response = app.get_as(&w.student, &first_link).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("parent or guardian")
        );
        let response = give_consent(&app, &w.student, &first_link).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");

        // The counselor sends it again: the first link, less than a day
        // old, keeps working beside the new one (consent::end_replaced_links).
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let second = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1)
            .link("/consent/");
        let response = app.get_as(&new_client(), &first_link).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "a day to answer the first email"
        );
        // Fourteen days later the newest link has expired too, with a clear page.
        shift_consent_requests(&app, entity::consent_request::Column::ExpiresAt, -24 * 60).await;
        let response = app.get_as(&new_client(), &second).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let page = response.text().await.unwrap();
        assert!(page.contains("venció") && page.contains("14"), "{page}");

        // A third email; the guardian opens it in their own browser and consents.
        app.submit_as(
            &w.counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{placement}/consent-resend"),
            &[],
        )
        .await;
        let link = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2)
            .link("/consent/");
        let guardian = new_client();
        let response = app.get_as(&guardian, &link).await;
        assert_eq!(response.headers()["cache-control"], "no-store");
        let page = response.text().await.unwrap();
        assert!(page.contains("Consentimiento del tutor para Ana"), "{page}");
        let response = give_consent(&app, &guardian, &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("su decisión quedó registrada")
        );
        assert_eq!(placement_status(&app, placement).await, "active");

        // The student's and the counselor's pages say so.
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(
            page.contains("Active") && page.contains("María Rivera (madre)"),
            "{page}"
        );
        let page = text(
            &app,
            &w.counselor,
            &format!("/counselor/students/{}", w.student_id),
        )
        .await;
        assert!(
            page.contains("Robotics lab intern") && page.contains("Active"),
            "{page}"
        );

        // The same link again is refused with a clear page; the same
        // decision posted again (a reload, a double tap) is told it was
        // recorded, and nothing more is written.
        let response = app.get_as(&guardian, &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        assert!(response.text().await.unwrap().contains("ya se usó"));
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.unwrap().contains("decisión"));
        assert_eq!(
            app.count("consent_request WHERE used_at IS NOT NULL").await,
            1
        );
    }
}

#[tokio::test]
async fn with_the_smtp_server_down_the_change_commits_and_the_mail_waits_until_it_returns() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        server.stop().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        // The worker tries, fails, and keeps the message for later.
        let mut tried = false;
        for _ in 0..100 {
            let row = entity::mail_outbox::Entity::find()
                .filter(entity::mail_outbox::Column::Kind.eq("consent_request"))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            assert!(row.sent_at.is_none() && row.failed_at.is_none());
            if row.attempts >= 1 && row.last_error.is_some() {
                tried = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(tried, "the worker tried while the server was down");
        server.restart().await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 30)
            .await
            .remove(0);
        assert_eq!(mail.to, vec!["maria@example.org".to_owned()]);
        assert!(mail.subject().contains("Your consent is needed"));
        for _ in 0..50 {
            if app
                .count("mail_outbox WHERE kind = 'consent_request' AND sent_at IS NOT NULL")
                .await
                == 1
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND sent_at IS NOT NULL")
                .await,
            1
        );
        // The link from the mail works: nothing was lost.
        let response = give_consent(&app, &new_client(), &mail.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

#[tokio::test]
async fn a_consent_mail_waiting_for_the_smtp_server_keeps_its_link_sealed_in_the_database() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        server.stop().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        // What a copy of the database (or a backup) holds while it waits.
        let waiting = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Kind.eq("consent_request"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(waiting.sent_at.is_none());
        let stored = format!(
            "{}\n{}\n{}",
            waiting.text_body,
            waiting.html_body,
            waiting.attachment.clone().unwrap_or_default()
        );
        assert!(!stored.contains("/consent/"), "{stored}");

        server.restart().await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 30)
            .await
            .remove(0);
        let link = mail.link("/consent/");
        let secret = link.trim_start_matches("/consent/");
        assert!(secret.len() >= 20, "{link}");
        assert!(!stored.contains(secret), "the token is not stored in clear");
        // The mail as delivered carries the working link.
        assert!(mail.html().contains(secret));
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

#[tokio::test]
async fn without_smtp_mail_waits_for_admins_and_the_student_may_ask_again_every_ten_minutes() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND sent_at IS NULL")
                .await,
            1
        );

        // Admins read it at /admin/mail; nobody else may.
        let list = text(&app, &w.admin, "/admin/mail").await;
        assert!(
            list.contains("maria@example.org") && list.contains("Waiting"),
            "{list}"
        );
        let id = list
            .split("/admin/mail/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let message = text(&app, &w.admin, &format!("/admin/mail/{id}"))
            .await
            .replace("&#x2f;", "/");
        assert!(
            message.contains(&format!("{}/consent/[link hidden]", app.address)),
            "absolute link, its secret hidden"
        );
        for client in [&w.student, &w.counselor] {
            assert_eq!(
                app.get_as(client, &format!("/admin/mail/{id}"))
                    .await
                    .status(),
                StatusCode::FORBIDDEN
            );
        }
        assert_eq!(
            app.get_as(&w.admin, "/admin/mail?per_page=101")
                .await
                .status(),
            StatusCode::BAD_REQUEST
        );

        // The first email just left: asking again right away is refused.
        let page = format!("/student/placements/{placement}");
        let resend = format!("{page}/consent-resend");
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            1
        );
        // Eleven minutes later it goes again, and only once more right away.
        shift_consent_requests(&app, entity::consent_request::Column::CreatedAt, -11).await;
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            2
        );
    })
    .await;
}

/// Moves every consent request `minutes` further back, each from when it
/// was made (the requests stay apart): the clock moving on.
async fn consent_requests_older_by(app: &TestApp, minutes: i64) {
    for request in entity::consent_request::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
    {
        let at = request.created_at - chrono::Duration::minutes(minutes);
        let mut model: entity::consent_request::ActiveModel = request.into();
        model.created_at = Set(at);
        model.update(&app.db).await.unwrap();
    }
}

/// The consent page of a link, opened by the guardian (no sign-in).
async fn link_status(app: &TestApp, link: &str) -> StatusCode {
    app.get_as(&new_client(), link).await.status()
}

#[tokio::test]
async fn the_students_send_again_keeps_the_link_a_family_got_within_a_day_and_stops_at_five_emails()
{
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let page = format!("/student/placements/{placement}");
        let resend = format!("{page}/consent-resend");
        let first = app.consent_link_mailed_to("maria@example.org").await;

        // Eleven minutes later the student asks again: María's first link,
        // less than a day old, still works beside the new one.
        consent_requests_older_by(&app, 11).await;
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let second = app.consent_link_mailed_to("maria@example.org").await;
        assert_ne!(first, second);
        assert_eq!(
            link_status(&app, &first).await,
            StatusCode::OK,
            "a day to answer"
        );
        assert_eq!(link_status(&app, &second).await, StatusCode::OK);

        // A third email now would end the first link: the student waits
        // until it is a day old, and is told when.
        consent_requests_older_by(&app, 11).await;
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("sent twice in the last day") && body.contains("You can ask again from"),
            "{body}"
        );
        assert_eq!(app.count("consent_request").await, 2, "nothing sent");
        assert_eq!(link_status(&app, &first).await, StatusCode::OK);

        // Once the first is a day old (the second not yet), the third
        // goes: the first ends, the newest two work.
        consent_requests_older_by(&app, 23 * 60 + 45).await;
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let third = app.consent_link_mailed_to("maria@example.org").await;
        assert_eq!(link_status(&app, &first).await, StatusCode::GONE);
        assert_eq!(link_status(&app, &second).await, StatusCode::OK);
        assert_eq!(link_status(&app, &third).await, StatusCode::OK);

        // Days apart, a fourth and a fifth; then the family has had five
        // emails, and the page sends the student to the counselor.
        for _ in 0..2 {
            consent_requests_older_by(&app, 25 * 60).await;
            let response = app.submit_as(&w.student, &page, &resend, &[]).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        consent_requests_older_by(&app, 25 * 60).await;
        let shown = text(&app, &w.student, &page).await;
        assert!(
            shown.contains("id=\"consent-asked-enough\"")
                && shown.contains("sent the consent email 5 times")
                && shown.contains("Ask your counselor")
                && !shown.contains(&resend),
            "{shown}"
        );
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("cannot be sent again from here")
        );
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            5
        );
        // The counselor still can.
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            6
        );
    })
    .await;
}

#[tokio::test]
async fn two_tabs_submitting_the_same_link_record_one_decision() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let (a, b) = (new_client(), new_client());
        let (ta, tb) = (
            app.csrf_token(&a, &link).await,
            app.csrf_token(&b, &link).await,
        );
        let post = |client: Client, token: String, decision: &'static str| {
            let url = app.url(&link);
            async move {
                client
                    .post(url)
                    .form(&[
                        ("csrf_token", token.as_str()),
                        ("guardian_name", "María Rivera"),
                        ("relationship", "madre"),
                        ("decision", decision),
                    ])
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        };
        let (first, second) = tokio::join!(post(a, ta, "give"), post(b, tb, "decline"));
        let mut statuses = [first, second];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::GONE], "one wins");
        let status = placement_status(&app, placement).await;
        assert!(status == "active" || status == "consent_declined");
        assert_eq!(
            app.count("consent_request WHERE used_at IS NOT NULL").await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn a_student_cannot_change_their_birth_date_only_their_counselor_can() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let born = |app: &TestApp| {
            let db = app.db.clone();
            let id = w.student_id;
            async move {
                entity::student::Entity::find_by_id(id)
                    .one(&db)
                    .await
                    .unwrap()
                    .unwrap()
                    .date_of_birth
                    .map(|d| d.to_string())
            }
        };
        assert_eq!(born(&app).await.as_deref(), Some("2011-05-01"));
        // A crafted POST with an adult birth date saves the rest and ignores it.
        let response = app
            .submit_as(
                &w.student,
                "/student/profile",
                "/student/profile",
                &[("date_of_birth", "2000-01-01"), ("home_zip", "60608")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(born(&app).await.as_deref(), Some("2011-05-01"), "unchanged");
        let profile = text(&app, &w.student, "/student/profile").await;
        assert!(
            !profile.contains("name=\"date_of_birth\""),
            "no field for it"
        );
        assert!(profile.contains("May 1, 2011") && profile.contains("Only your school"));

        // A counselor of another school may not; the student's may, audited.
        let other_school = create_school(
            &app.db,
            crate::helpers::SET_UP,
            &NewSchool {
                name: "Roosevelt".into(),
                zip: "60623".into(),
            },
        )
        .await
        .unwrap();
        let other = app
            .counselor("omar@roosevelt.edu", &[other_school.id])
            .await;
        let record = format!("/counselor/students/{}", w.student_id);
        let action = format!("{record}/birth-date");
        let response = app
            .submit_as(
                &other,
                "/counselor",
                &action,
                &[("date_of_birth", "2000-01-01")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &action,
                &[("date_of_birth", "next week")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(born(&app).await.as_deref(), Some("2011-05-01"));
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &action,
                &[("date_of_birth", "2000-01-01")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(born(&app).await.as_deref(), Some("2000-01-01"));
        assert_eq!(
            app.count("audit_log WHERE action = 'set_birth_date'").await,
            1
        );

        // Now an adult: accepting needs no consent and mails no one.
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "active");
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            0
        );
    })
    .await;
}

#[tokio::test]
async fn a_minor_without_a_guardian_email_leaves_the_counselor_the_paper_path() {
    on_each_backend(async |app: TestApp| {
        // The roster lists Ana's mother without an email.
        let w = world(&app, &users("es").replace("maria@example.org", "")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            0
        );
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(page.contains("no email address for a guardian"), "{page}");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("No guardian of this student has an email address"),
            "{list}"
        );

        // Another school's counselor can neither add a contact nor send.
        let other_school = create_school(
            &app.db,
            crate::helpers::SET_UP,
            &NewSchool {
                name: "Roosevelt".into(),
                zip: "60623".into(),
            },
        )
        .await
        .unwrap();
        let other = app
            .counselor("omar@roosevelt.edu", &[other_school.id])
            .await;
        let record = format!("/counselor/students/{}", w.student_id);
        let contact = [
            ("given_name", "Luis"),
            ("family_name", "Rivera"),
            ("email", "luis@example.org"),
            ("phone", ""),
            ("language", "es"),
        ];
        let add = format!("{record}/guardians");
        let response = app.submit_as(&other, "/counselor", &add, &contact).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let resend = format!("/counselor/placements/{placement}/consent-resend");
        let response = app.submit_as(&other, "/counselor", &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let bad = [("given_name", ""), ("family_name", "R"), ("email", "nope")];
        let response = app.submit_as(&w.counselor, &record, &add, &bad).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("guardian").await, 1, "nothing partial");

        // The student's counselor adds the father's email, audited: he is
        // asked at once, and "send again" works too.
        let response = app.submit_as(&w.counselor, &record, &add, &contact).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count("audit_log WHERE action = 'add_guardian'").await,
            1
        );
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            1,
            "asked when added"
        );
        let response = app
            .submit_as(&w.counselor, "/counselor/placements", &resend, &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let link = app.consent_link_mailed_to("luis@example.org").await;
        assert!(link.starts_with("/consent/"));
        let message = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Kind.eq("consent_request"))
            .order_by_desc(entity::mail_outbox::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(message.language, "es");
        assert_eq!(
            consent_path_in(&crate::helpers::mailed_text(&message)),
            link
        );

        // Or the paper path: recorded by the counselor, with their name on it.
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "Luis Rivera"),
                    ("relationship", "padre"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let saved = entity::placement::Entity::find_by_id(placement)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(saved.status.key(), "active");
        assert!(saved.consent_recorded_by.is_some());
        let page = text(&app, &w.counselor, &record).await;
        assert!(page.contains("paper form recorded by Carla"), "{page}");
        // The guardian hears, in Spanish, that it was a paper form: one who
        // never signed it can tell the school.
        let told = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Recipient.eq("luis@example.org"))
            .filter(entity::mail_outbox::Column::Kind.eq("notice"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the guardian is told");
        assert!(
            told.subject.contains("formulario en papel"),
            "{}",
            told.subject
        );
        // It names the school and the name written on the form, so a
        // parent who did not sign it knows whom to call (eyes15b F4).
        let body = crate::helpers::mailed_text(&told);
        assert!(body.contains("firmado como Luis Rivera (padre)"), "{body}");
        assert!(body.contains("Lincoln"), "{body}");
        // The emailed link is now dead.
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE
        );
    })
    .await;
}

#[tokio::test]
async fn guardians_re_import_idempotently_and_leave_when_a_roster_listing_guardians_drops_them() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        assert!(!upload(&app, &admin, &users("es")).await.refused);
        assert!(!upload(&app, &admin, &users("es")).await.refused);
        assert_eq!(app.count("guardian").await, 1);
        assert_eq!(app.count("student_guardian").await, 1);
        assert_eq!(app.count("guardian WHERE language = 'es' AND active = true").await, 1);
        // A bad row writes nothing and names the line.
        let broken = format!("{}par-2,true,,guardian,José,Rivera,,jose@,stu-1,\n", users("es"));
        let response = upload(&app, &admin, &broken).await;
        assert!(response.refused, "{}", response.page);
        let page = response.page;
        assert!(page.contains("users.csv, line 4: email"), "{page}");
        assert_eq!(app.count("guardian").await, 1);
        // The next roster has no parent row at all (a students-only
        // export): it says nothing of guardians, and the page says so.
        let without = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,Ana,Rivera,11\n";
        let response = upload(&app, &admin, without).await;
        assert!(!response.refused, "{}", response.page);
        assert!(
            response.page.contains(
                "users.csv has no parent or guardian rows, so it says nothing of guardians"
            ),
            "{}",
            response.page
        );
        assert_eq!(app.count("guardian WHERE active = true").await, 1);
        assert_eq!(app.count("student_guardian").await, 1);
        // One that lists another parent for Ana drops her mother.
        let other = users("es")
            .replace("par-1", "par-2")
            .replace("María", "Elena");
        assert!(!upload(&app, &admin, &other).await.refused);
        assert_eq!(
            app.count("guardian WHERE sourced_id = 'par-1' AND active = false")
                .await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn an_admin_reading_the_outbox_sees_that_a_consent_link_was_sent_but_not_the_link() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("es")).await;
        accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let token = link.trim_start_matches("/consent/").to_owned();
        assert!(token.len() >= 40, "{token}");

        let list = text(&app, &w.admin, "/admin/mail").await;
        assert!(!list.contains(&token));
        let id = list
            .split("/admin/mail/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let message = text(&app, &w.admin, &format!("/admin/mail/{id}"))
            .await
            .replace("&#x2f;", "/");
        // The admin sees that a consent link went out (the message is in
        // Spanish, the admin reads in English), never the link itself.
        assert!(
            message.contains("/consent/[link hidden]") && message.contains("Lakeshore Robotics"),
            "{message}"
        );
        assert!(!message.contains(&token), "the secret is not on the page");
        assert!(!message.contains(&token[..12]), "nor any part of it");

        // The guardian's own link still works: only the admin's view is redacted.
        let response = app.get_as(&new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_roster_naming_guardians_it_left_out_is_imported_with_a_warning_for_each_line() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // Ana names her mother, par-9 (filtered out of the export) and her
        // teacher; Ben names only par-8, also left out; a parent names a
        // student of another export.
        let csv = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,par-1;par-9;tea-1,\n\
             stu-2,true,sch-1,student,Ben,Okafor,10,,par-8,\n\
             tea-1,true,sch-1,teacher,Tom,Lee,,tom@lincoln.edu,,\n\
             par-1,true,sch-1,parent,María,Rivera,,maria@example.org,stu-1;stu-7,es\n";
        let response = upload(&app, &admin, csv).await;
        assert!(!response.refused, "accepted, not refused");
        let page = response.page;
        // Three references, and two notes that demographics.csv lacks the
        // extension and race columns.
        assert!(page.contains("Imported, with 5 references to check"), "{page}");
        for warning in [
            "users.csv, line 2: agentSourcedIds names “par-9”, who is not in users.csv, so no guardian was linked",
            "users.csv, line 3: agentSourcedIds names “par-8”, who is not in users.csv",
            "users.csv, line 5: agentSourcedIds names “stu-7”, who is not in users.csv, so this guardian was not linked",
        ] {
            assert!(page.contains(warning), "{warning} in {page}");
        }
        assert!(!page.contains("“tea-1”"), "a teacher in the file is not missing");
        // Everything else was imported: both students, the mother linked to Ana.
        assert_eq!(app.count("student").await, 2);
        assert_eq!(app.count("guardian").await, 1);
        assert_eq!(app.count("student_guardian").await, 1);

        // A roster whose references all resolve shows no warning.
        let response = upload(&app, &admin, &users("es")).await;
        assert!(!response.refused, "{}", response.page);
        assert!(!response.page.contains("who is not in users.csv"));
    })
    .await;
}

#[tokio::test]
async fn after_consent_the_guardian_gets_a_confirmation_with_a_calendar_invitation_and_leaves_them_in_one_click()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("es")).await;
        let placement = accept(&app, &w).await;
        let request = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        // A consent request is not optional: no one-click unsubscribe on it.
        assert_eq!(request.header("List-Unsubscribe"), None);
        assert_eq!(request.header("List-Unsubscribe-Post"), None);
        let response = give_consent(&app, &new_client(), &request.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");

        // The confirmation follows, in Spanish, with the calendar invitation.
        let mail = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert_eq!(mail.to, vec!["maria@example.org".to_owned()]);
        assert!(
            mail.subject()
                .contains("La práctica de Ana está confirmada"),
            "{}",
            mail.subject()
        );
        assert!(
            mail.text().contains("233 S Wacker Dr, 60606"),
            "{}",
            mail.text()
        );
        let attachments = mail.attachments();
        assert_eq!(attachments.len(), 1);
        let ics = String::from_utf8(attachments[0].2.clone()).unwrap();
        assert!(attachments[0].0.ends_with(".ics"));
        assert!(
            ics.contains("\r\nLOCATION:233 S Wacker Dr\\, 60606\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("\r\nDTSTART;VALUE=DATE:"),
            "an internship spans whole days: {ics}"
        );

        // One click from her mail client, no session: no more confirmations.
        let header = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
        assert_eq!(
            mail.header("List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        let url = header.trim_start_matches('<').trim_end_matches('>');
        let response = new_client()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(
            page.contains(
                "Las solicitudes de consentimiento y los mensajes de seguridad no son opcionales"
            ),
            "{page}"
        );
        assert_eq!(app.count("guardian WHERE mail_updates = false").await, 1);
    }
}

#[tokio::test]
async fn a_guardian_chooses_a_language_and_no_confirmations_yet_consent_requests_still_come() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let request = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(request.subject().contains("Your consent is needed"));
        // The request carries a link to her own email settings (no account needed).
        let settings = request.link("/email/");
        let guardian = new_client();
        let page = text(&app, &guardian, &settings).await;
        assert!(
            page.contains("Consent requests are always sent") && page.contains("m•••@example.org"),
            "{page}"
        );
        assert!(
            !page.contains("maria@example.org"),
            "never the whole address"
        );
        // A language we do not write in is refused, and nothing changes.
        let response = app
            .submit_as(
                &guardian,
                &settings,
                &settings,
                &[("language", "fr"), ("updates", "on")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.count("guardian WHERE language = 'en' AND mail_updates = true")
                .await,
            1
        );
        // Spanish, and no placement confirmations.
        let response = app
            .submit_as(&guardian, &settings, &settings, &[("language", "es")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Configuración de correo guardada")
        );
        assert_eq!(
            app.count("guardian WHERE language_chosen = 'es' AND mail_updates = false")
                .await,
            1
        );

        // The counselor sends the request again: it still comes, now in Spanish.
        let again = resend_in_spanish(&app, &w, &server, placement).await;
        // She consents; no confirmation follows, as she chose.
        let response = give_consent(&app, &new_client(), &again.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
        // The two requests and the note that her settings changed.
        assert_eq!(
            server.received_to("maria@example.org").len(),
            3,
            "nothing after the consent"
        );
        // Those, the employer's and the student's address confirmations,
        // and the news that the organization was verified.
        assert_eq!(app.count("mail_outbox").await, 6);
    }
}

#[tokio::test]
async fn a_guardian_language_written_as_a_name_or_a_three_letter_code_is_read_as_spanish() {
    on_each_backend(async |app: TestApp| {
        // Real exports write Spanish in many ways; each is stored as `es`,
        // and the consent email goes out in Spanish.
        let w = world(&app, &users("Spanish")).await;
        accept(&app, &w).await;
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND language = 'es'")
                .await,
            1,
            "the consent request is in Spanish"
        );
        let admin = &w.admin;
        for written in ["Spanish", "spa", "Español", "SPANISH", "es-419", "Espanol"] {
            let response = upload(&app, admin, &users(written)).await;
            assert!(!response.refused, "{written}: {}", response.page);
            assert!(
                !response.page.contains("is not a language we recognize"),
                "{written}: no warning"
            );
            let maria = entity::guardian::Entity::find()
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(maria.language, "es", "{written}");
        }

        // A language nobody can read is kept as written, with a warning
        // naming the row and the value; the roster is not refused.
        let response = upload(&app, admin, &users("Klingon")).await;
        assert!(!response.refused, "{}", response.page);
        assert!(
            response.page.contains(
                "users.csv, line 3: metadata.language “Klingon” is not a language we recognize"
            ),
            "{}",
            response.page
        );
        assert_eq!(app.count("guardian WHERE language = 'Klingon'").await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_refused_consent_is_explained_in_the_guardians_language_not_the_browsers() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("spa")).await;
        accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        // The organization is suspended before the guardian answers.
        let response = app
            .review(
                &w.admin,
                "Lakeshore Robotics",
                "suspend",
                "Safeguarding concern",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Her browser asks for English; the school has her in Spanish.
        let guardian = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(
                [(
                    reqwest::header::ACCEPT_LANGUAGE,
                    reqwest::header::HeaderValue::from_static("en-US,en;q=0.9"),
                )]
                .into_iter()
                .collect(),
            )
            .build()
            .unwrap();
        let page = text(&app, &guardian, &link).await;
        assert!(page.contains("<html lang=\"es\""), "{page}");
        let response = give_consent(&app, &guardian, &link).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("No se puede dar el consentimiento ahora"),
            "{body}"
        );
        assert!(!body.contains("Consent cannot be given now"), "{body}");

        // A form posted from another site is refused in Spanish too.
        let response = guardian
            .post(app.url(&link))
            .header("Origin", "https://evil.example")
            .form(&[("decision", "give")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = response.text().await.unwrap();
        assert!(body.contains("<html lang=\"es\""), "{body}");
    })
    .await;
}

#[tokio::test]
async fn a_spanish_guardians_consent_form_says_optional_once_explains_a_doubled_answer_and_takes_what_the_browser_allowed()
 {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("spa")).await;
        let placement = accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let guardian = new_client();
        let page = text(&app, &guardian, &link).await;
        assert!(page.contains("<html lang=\"es\""), "{page}");
        assert!(
            page.contains(
                "(solo lo leen sus orientadores) <span class=\"optional\">(opcional)</span>"
            ),
            "{page}"
        );
        assert_eq!(page.matches("(opcional)").count(), 1, "{page}");

        // The answer sent twice (a double click, a proxy re-posting): a
        // plain Spanish sentence, not serde's English, and nothing recorded.
        let token = app.csrf_token(&guardian, &link).await;
        let response = guardian
            .post(app.url(&link))
            .form(&[
                ("csrf_token", token.as_str()),
                ("guardian_name", "María Rivera"),
                ("relationship", "madre"),
                ("decision", "give"),
                ("decision", "decline"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("El formulario llegó incompleto o con una respuesta enviada dos veces"),
            "{body}"
        );
        for technical in ["deserialize", "unsupported value", "decision:"] {
            assert!(!body.contains(technical), "{technical}: {body}");
        }
        assert_eq!(
            app.count("consent_request WHERE used_at IS NOT NULL").await,
            0
        );

        // A reason of 1000 characters as the browser counts them (each line
        // break sent as CRLF, 1009 over the wire) is accepted.
        let reason = format!("{}b", vec!["a".repeat(99); 10].join("\r\n"));
        let response = app
            .submit_as(
                &guardian,
                &link,
                &link,
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "madre"),
                    ("decision", "decline"),
                    ("reason", &reason),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "consent_declined");
        let saved = entity::placement::Entity::find_by_id(placement)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .consent_decline_reason
            .unwrap_or_default();
        assert_eq!(saved.chars().count(), 1000);
        assert!(!saved.contains('\r'));
    })
    .await;
}

#[tokio::test]
async fn a_roster_name_with_a_line_break_is_refused_saying_so_and_direction_controls_are_dropped() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let broken = users("en").replace(
            "stu-1,true,sch-1,student,Ana,",
            "stu-1,true,sch-1,student,\"Line\nBreak\",",
        );
        let response = upload(&app, &admin, &broken).await;
        assert!(response.refused, "{}", response.page);
        assert!(
            response
                .page
                .contains("givenName and familyName cannot hold a line break"),
            "{}",
            response.page
        );
        assert!(
            !response.page.contains("1 to 100 characters"),
            "{}",
            response.page
        );

        // U+202E would make "Rivera" read backwards, and the rest of a line with it.
        let flipping = users("en")
            .replace(",Ana,Rivera,", ",Ana,\u{202E}Rivera\u{2066},")
            .replace(",María,Rivera,", ",\u{2067}María\u{2069},Rivera,");
        let response = upload(&app, &admin, &flipping).await;
        assert!(!response.refused, "{}", response.page);
        let ana = entity::student::Entity::find()
            .filter(entity::student::Column::SourcedId.eq("stu-1"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (ana.first_name.as_str(), ana.last_name.as_str()),
            ("Ana", "Rivera")
        );
        let maria = entity::guardian::Entity::find()
            .filter(entity::guardian::Column::SourcedId.eq("par-1"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(maria.given_name, "María");
    })
    .await;
}

#[tokio::test]
async fn a_guardian_whose_browser_keeps_no_cookies_can_still_answer_but_not_from_another_site() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        // A browser that keeps no cookies: each request starts afresh.
        let cookieless = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = cookieless
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = crate::helpers::extract_csrf(&page).expect("the form");
        let answer = [
            ("csrf_token", token.as_str()),
            ("guardian_name", "María Rivera"),
            ("relationship", "madre"),
            ("decision", "give"),
        ];
        // Posted from another site: refused, nothing recorded.
        let response = cookieless
            .post(app.url(&link))
            .header("Origin", "https://evil.example")
            .form(&answer)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        // From the page itself, without the session the token belonged to.
        let response = cookieless
            .post(app.url(&link))
            .header("Origin", app.url(""))
            .form(&answer)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        assert_eq!(
            app.count("consent_request WHERE used_at IS NOT NULL").await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn a_parents_address_registered_by_a_stranger_does_not_stop_their_consent_mail() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        // A stranger registers an organization with María's address and
        // never confirms it.
        let response = app
            .submit(
                "/register",
                "/register",
                &[
                    ("organization_name", "Grabbed Address LLC"),
                    ("website", ""),
                    ("zip", "60608"),
                    ("phone", ""),
                    ("display_name", "Mallory"),
                    ("email", "maria@example.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        consent_reaches_maria(&app, &w).await;
    })
    .await;
}

#[tokio::test]
async fn a_parents_address_claimed_by_another_familys_student_does_not_stop_their_consent_mail() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        // Another family's student claims an account with María's address
        // (unconfirmed: nobody showed it is theirs).
        let school = entity::school::Entity::find()
            .filter(entity::school::Column::SourcedId.eq("sch-1"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let code = stembridge::roster::claim_code::generate();
        app.roster_student(school, "Tom", "Other", 11, &code).await;
        let response = app
            .submit_as(
                &new_client(),
                "/claim",
                "/claim",
                &[
                    ("code", &code),
                    ("display_name", "Tom"),
                    ("email", "maria@example.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(location(&response), "/dashboard");
        consent_reaches_maria(&app, &w).await;
    })
    .await;
}

/// Ana accepts: María still gets the consent request, and it works.
async fn consent_reaches_maria(app: &TestApp, w: &World) {
    let placement = accept(app, w).await;
    assert_eq!(
        app.count(
            "mail_outbox WHERE recipient = 'maria@example.org' \
                 AND kind = 'consent_request' AND failed_at IS NULL"
        )
        .await,
        1,
        "the consent request goes out"
    );
    let page = text(
        app,
        &w.counselor.client,
        &format!("/counselor/placements/{placement}"),
    )
    .await;
    assert!(
        !page.contains("No guardian of this student has an email address"),
        "{page}"
    );
    let link = app.consent_link_mailed_to("maria@example.org").await;
    let response = give_consent(app, &new_client(), &link).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(placement_status(app, placement).await, "active");
}

/// users.csv uploaded as a nightly sync sends it: a delta (people left out
/// are unchanged).
pub(crate) async fn sync(app: &TestApp, client: &Client, users: &str) {
    let response = app
        .upload_roster_files(
            client,
            &[
                ("orgs", ORGS.as_bytes()),
                ("users", users.as_bytes()),
                (
                    "manifest",
                    b"propertyName,value\nmanifest.version,1.0\nfile.users,delta\n",
                ),
            ],
        )
        .await;
    assert!(!response.refused, "{}", response.page);
}

/// María's guardian record, as stored.
pub(crate) async fn maria(app: &TestApp) -> entity::guardian::Model {
    entity::guardian::Entity::find()
        .filter(entity::guardian::Column::SourcedId.eq("par-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// A browser that keeps no cookies and does not follow redirects.
pub(crate) fn cookieless() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_guardians_own_language_outlives_the_roster_syncs_and_her_next_consent_mail_is_in_it() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let request = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        let settings = request.link("/email/");
        let guardian = new_client();
        // Saving only her confirmations, with the language the form showed,
        // records no choice of language: the school's stays in charge.
        let response = app
            .submit_as(&guardian, &settings, &settings, &[("language", "en")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(maria(&app).await.language_chosen, None);
        // She chooses Spanish on her settings page, and is told it is kept.
        let response = app
            .submit_as(
                &guardian,
                &settings,
                &settings,
                &[("language", "es"), ("updates", "on")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(page.contains("<html lang=\"es\""), "{page}");
        assert!(
            page.contains("Su elección se conserva: los registros de la escuela no la cambian."),
            "{page}"
        );

        // The nightly sync lists her row as the SIS has it: the language
        // column empty, then saying English.
        for language in ["", "en"] {
            sync(&app, &w.admin, &users(language)).await;
            let stored = maria(&app).await;
            assert_eq!(
                stored.language_chosen.as_deref(),
                Some("es"),
                "{language:?}"
            );
            let page = text(&app, &new_client(), &settings).await;
            assert!(
                page.contains("<option value=\"es\" selected>"),
                "{language:?}: {page}"
            );
        }
        // The roster keeps writing its own value, for the counselor to see.
        assert_eq!(maria(&app).await.language, "en");
        let record = text(
            &app,
            &w.counselor,
            &format!("/counselor/students/{}", w.student_id),
        )
        .await;
        assert!(
            record.contains("They chose Spanish for our emails on their own settings page"),
            "{record}"
        );

        // The next consent request is in Spanish.
        let again = resend_in_spanish(&app, &w, &server, placement).await;
        assert!(
            again
                .text()
                .contains("STEMbridge conecta a estudiantes escolares con prácticas STEM."),
            "one word for a placement in every footer: {}",
            again.text()
        );
    }
}

#[tokio::test]
async fn a_roster_changes_the_language_of_a_guardian_who_never_chose_one_but_an_empty_column_keeps_it()
 {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("es")).await;
        // Most exports leave the column empty: that says nothing.
        sync(&app, &w.admin, &users("")).await;
        assert_eq!(maria(&app).await.language, "es");
        assert_eq!(maria(&app).await.language_chosen, None);
        // A roster that does say changes it.
        sync(&app, &w.admin, &users("English")).await;
        assert_eq!(maria(&app).await.language, "en");
        accept(&app, &w).await;
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND language = 'en'")
                .await,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn the_consent_page_follows_the_readers_choice_with_or_without_cookies_and_answers_in_it() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;

        // A first visit is in the language the school has for her.
        let page = text(&app, &cookieless(), &link).await;
        assert!(page.contains("<html lang=\"en\""), "{page}");
        assert!(
            page.contains("Language of our emails to you: English."),
            "{page}"
        );

        // The footer's "Español" on a browser that keeps cookies.
        let browser = new_client();
        let switch = format!("/language/es?next={}", link);
        let response = app.get_as(&browser, &switch).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), format!("{link}?lang=es"));
        // The choice travels in the address: the site-wide cookie alone no
        // longer outranks her own language here (eyes18b F10).
        let page = text(&app, &browser, &location(&response)).await;
        assert!(page.contains("<html lang=\"es\""), "the choice: {page}");
        let bare = text(&app, &browser, &link).await;
        assert!(bare.contains("<html lang=\"en\""), "her language: {bare}");
        assert!(page.contains("Consentimiento del tutor para Ana"), "{page}");
        assert!(page.contains("Fecha límite para solicitar"), "{page}");
        assert!(!page.contains("Solicita antes"), "usted, not tú: {page}");
        // Her mail stays in her language until she changes it herself.
        assert!(
            page.contains("Idioma de nuestros correos para usted: Inglés."),
            "{page}"
        );

        // The same link on a browser that keeps no cookies.
        let guardian = cookieless();
        let response = app.get_as(&guardian, &switch).await;
        let spanish = location(&response);
        assert_eq!(spanish, format!("{link}?lang=es"));
        let page = text(&app, &guardian, &spanish).await;
        assert!(page.contains("<html lang=\"es\""), "{page}");
        assert!(
            page.replace("&#x2f;", "/")
                .contains(&format!("action=\"{spanish}\"")),
            "the form posts back to the Spanish page: {page}"
        );
        let token = crate::helpers::extract_csrf(&page).expect("the form");
        // Its answers are in Spanish: the form again (422), then thanks.
        let post = |fields: Vec<(&'static str, &'static str)>| {
            let mut body = vec![("csrf_token", token.clone())];
            body.extend(fields.into_iter().map(|(k, v)| (k, v.to_owned())));
            guardian
                .post(app.url(&spanish))
                .header("Origin", app.url(""))
                .form(&body)
                .send()
        };
        let response = post(vec![("guardian_name", "María Rivera")]).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = response.text().await.unwrap();
        assert!(page.contains("<html lang=\"es\""), "{page}");
        assert!(page.contains("value=\"María Rivera\""), "{page}");
        let response = post(vec![
            ("guardian_name", "María Rivera"),
            ("relationship", "madre"),
            ("decision", "give"),
        ])
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Gracias: su decisión quedó registrada"),
            "{page}"
        );
        assert_eq!(placement_status(&app, placement).await, "active");
        // Reading in Spanish recorded nothing: her mail language is hers to set.
        assert_eq!(maria(&app).await.language_chosen, None);
    })
    .await;
}

#[tokio::test]
async fn with_no_language_on_the_roster_a_guardians_pages_follow_the_browser() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("")).await;
        assert_eq!(maria(&app).await.language, "", "the roster said nothing");
        accept(&app, &w).await;
        // Her mail is in English (nothing else is known)...
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND language = 'en'")
                .await,
            1
        );
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let settings = app.link_mailed_to("maria@example.org", "/email/").await;
        // ...and a Spanish browser reads her pages in Spanish.
        for path in [&link, &settings] {
            let page = cookieless()
                .get(app.url(path))
                .header("Accept-Language", "es-MX,es;q=0.9")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(page.contains("<html lang=\"es\""), "{path}: {page}");
        }
        // The switcher works on her settings page without cookies too.
        let response = app
            .get_as(&cookieless(), &format!("/language/es?next={}", settings))
            .await;
        let page = text(&app, &cookieless(), &location(&response)).await;
        assert!(page.contains("Su configuración de correo"), "{page}");
        // The counselor sees that the roster gave no language.
        let record = text(
            &app,
            &w.counselor,
            &format!("/counselor/students/{}", w.student_id),
        )
        .await;
        assert!(
            record.contains("The roster gives no language for this contact"),
            "{record}"
        );
    })
    .await;
}

/// The school corrects a birth date after the student accepted (eyes9 F2):
/// a placement that went ahead without consent because the date on file
/// made the student an adult waits for consent again, the guardian is
/// asked in her language, and everyone is told; the other way round, a
/// placement waiting for consent of a student who is in fact an adult
/// starts, but only when the counselor confirms it (eyes9c F2), and dates
/// changed back and forth mail the guardian once, all of it audited.
#[tokio::test]
async fn a_birth_date_corrected_after_acceptance_puts_a_minors_placement_back_to_waiting_for_consent()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("es")).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let action = format!("{record}/birth-date");
        let post = async |fields: &[(&str, &str)]| {
            app.submit_as(&w.counselor, &record, &action, fields).await
        };
        let set_birth_date = async |date: &str, confirm: &str| {
            let response =
                post(&[("date_of_birth", date), ("start_without_consent", confirm)]).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{date}");
            text(&app, &w.counselor.client, &location(&response)).await
        };
        // A minor by the roster: the placement waits, María is asked.
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        server.wait_for_to("maria@example.org", 1, 10).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;

        // A date that makes her 20 would start it without consent: never
        // as a side effect. Unconfirmed, nothing is saved.
        let page = text(&app, &w.counselor.client, &record).await;
        assert!(page.contains("name=\"start_without_consent\""), "offered");
        let response = post(&[("date_of_birth", "2006-01-10")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(body.contains("nothing was saved"), "{body}");
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(
            app.count("student WHERE date_of_birth IS NOT NULL AND first_name = 'Ana'")
                .await,
            1
        );
        assert_eq!(
            app.count("audit_log WHERE action = 'set_birth_date'").await,
            0
        );
        // Confirmed: an adult's family is not asked, so it starts, and
        // María's link opens nothing while it is active.
        let page = set_birth_date("2006-01-10", "yes").await;
        assert!(
            page.contains("One placement no longer waits for consent"),
            "{page}"
        );
        assert_eq!(placement_status(&app, placement).await, "active");
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE
        );

        // Corrected again: 17 on the start date. The link María holds works
        // again, so she is not mailed a second time.
        let page = set_birth_date("2010-01-10", "").await;
        assert!(
            page.contains("One placement of this student now waits for guardian consent"),
            "the counselor is told: {page}"
        );
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(app.count("consent_request").await, 1);
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::OK
        );
        let list = text(&app, &w.counselor.client, "/counselor/placements").await;
        assert!(list.contains("maria@example.org"), "on the consent list");
        let student_page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(student_page.contains("must give consent before you start"));
        for (id, told) in [
            ("families-consent-needed-again", "the student"),
            ("families-consent-needed-again-employer", "the employer"),
            ("families-consent-not-needed", "the student"),
            ("families-consent-not-needed-employer", "the employer"),
        ] {
            assert_eq!(
                app.count(&format!("notification WHERE message_id = '{id}'"))
                    .await,
                1,
                "{told} is told: {id}"
            );
        }
        // The audit says what changed and what it did.
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'set_birth_date' AND subject LIKE \
                 '%2011-05-01 -> 2006-01-10%started without consent: [{placement}]%'"
            ))
            .await,
            1
        );
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'set_birth_date' AND subject LIKE \
                 '%2006-01-10 -> 2010-01-10; placements on hold for consent: [{placement}]%'"
            ))
            .await,
            1
        );

        // Saving another minor's date asks no one twice.
        let page = set_birth_date("2010-01-11", "").await;
        assert!(page.contains("Birth date saved."));
        assert!(!page.contains("waits for"), "{page}");
        assert_eq!(app.count("consent_request").await, 1);
        // Only the guardian's answer starts it again.
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        assert_eq!(
            server.wait_for_to("maria@example.org", 2, 10).await.len(),
            2,
            "the request and the confirmation: never a second request"
        );
        // Consent on file: a later correction leaves it active.
        set_birth_date("2010-02-01", "").await;
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

/// The same corrections arriving from the roster's demographics file: a
/// roster puts a placement back on hold, but never starts one without
/// consent (eyes9d F1): it says so, and a counselor starts it from the
/// student's record, confirming.
#[tokio::test]
async fn a_roster_that_changes_a_placed_students_birth_date_moves_their_consent_and_says_so() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        let adult = "sourcedId,birthDate,sex\nstu-1,2005-05-01,female\n";
        let response = app
            .upload_roster(
                &w.admin,
                ORGS.as_bytes(),
                users("en").as_bytes(),
                adult.as_bytes(),
            )
            .await;
        assert!(!response.refused);
        assert!(
            response.page.contains(
                "One placement still waits for guardian consent although, by a changed birth date"
            ),
            "{}",
            response.page
        );
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        // The counselor starts it from the record, confirming.
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/birth-date"),
                &[
                    ("date_of_birth", "2005-05-01"),
                    ("start_without_consent", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "active");

        // The roster's minor's date puts it back on hold; María's link
        // still works, so she is not mailed again.
        let response = upload(&app, &w.admin, &users("en")).await;
        assert!(!response.refused);
        assert!(
            response.page.contains(
                "One placement now waits for guardian consent because a birth date changed"
            ),
            "{}",
            response.page
        );
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(
            app.count(
                "mail_outbox WHERE kind = 'consent_request' AND recipient = 'maria@example.org'"
            )
            .await,
            1,
            "asked when she accepted; the link she holds works again"
        );
        // The same roster again changes nothing and asks no one again.
        let response = upload(&app, &w.admin, &users("en")).await;
        assert!(!response.page.contains("consent because"));
        assert_eq!(app.count("consent_request").await, 1);
    })
    .await;
}

/// A placement put back on hold after the guardian's address was corrected
/// asks her at the new address: the link mailed to the old one reaches
/// nobody (eyes9d F2).
#[tokio::test]
async fn a_placement_put_back_on_hold_asks_the_guardian_at_her_corrected_address() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let action = format!("{record}/birth-date");
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &action,
                &[("date_of_birth", "2005-05-01"), ("start_without_consent", "yes")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "active");
        app.db
            .execute_unprepared(
                "UPDATE guardian SET email = 'maria.new@example.org' WHERE email = 'maria@example.org'",
            )
            .await
            .unwrap();
        let response = app
            .submit_as(&w.counselor, &record, &action, &[("date_of_birth", "2011-05-01")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request' AND recipient = 'maria.new@example.org'")
                .await,
            1
        );
    })
    .await;
}

/// A family whose home language we do not write yet (Vietnamese): the
/// consent mail is in English with one line in Vietnamese on top; the
/// student's record says so and offers the language, selected; saving the
/// contact keeps it (it was overwritten with English); a language named in
/// any form is stored as its code, "not known" stays empty, and a language
/// we cannot read is refused unless it is the one the roster recorded.
#[tokio::test]
async fn a_family_whose_language_we_do_not_write_gets_a_line_in_it_and_keeps_it_on_record() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("vi")).await;
        accept(&app, &w).await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            mail.subject().contains("Your consent is needed"),
            "{}",
            mail.subject()
        );
        assert!(
            mail.text().contains("Thư này từ trường của con quý vị"),
            "{}",
            mail.text()
        );
        assert!(mail.html().contains(r#"<p lang="vi""#), "{}", mail.html());

        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("home language is Vietnamese: the consent mail went in English"),
            "{list}"
        );
        let record = format!("/counselor/students/{}", w.student_id);
        let page = app
            .get_as(&w.counselor, &record)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(r#"<option value="vi" selected>Vietnamese (mail in English)</option>"#),
            "{page}"
        );
        assert!(
            page.contains("does not write whole emails in Vietnamese"),
            "{page}"
        );

        let guardian = maria(&app).await;
        let save = async |language: &str| {
            app.submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "María"),
                    ("family_name", "Rivera"),
                    ("email", "maria@example.org"),
                    ("phone", ""),
                    ("language", language),
                    ("active", "true"),
                ],
            )
            .await
        };
        assert_eq!(save("vi").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.language, "vi");
        assert_eq!(save("Kreyòl").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.language, "ht");
        assert_eq!(save("").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.language, "");
        let refused = save("Klingon").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused
                .text()
                .await
                .unwrap()
                .contains("Choose a language from the list")
        );
        assert_eq!(maria(&app).await.language, "", "nothing written");

        // The roster's result names the languages we do not write yet.
        let response = upload(&app, &w.admin, &users("Vietnamese")).await;
        assert!(!response.refused, "{}", response.page);
        assert!(
            response.page.contains("Vietnamese: 1 guardian"),
            "{}",
            response.page
        );
        // A language the roster recorded that we cannot read is kept when
        // the form sends it back.
        let response = upload(&app, &w.admin, &users("Pohnpeian")).await;
        assert!(!response.refused, "{}", response.page);
        assert_eq!(save("Pohnpeian").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.language, "Pohnpeian");
    }
}

/// Moves placement `id` to run from `start` to `end` days from today.
pub(crate) async fn set_placement_days(app: &TestApp, id: i32, start: i64, end: i64) {
    let day = |days: i64| stembridge::format::today() + chrono::Duration::days(days);
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{}', end_date = '{}' WHERE id = {id}",
            day(start),
            day(end)
        ))
        .await
        .unwrap();
    if start < 0 {
        app.taken_days_ago(Some(id), -start).await;
    }
}

#[tokio::test]
async fn consent_cannot_start_a_placement_whose_days_are_over_nor_cover_days_before_it() {
    on_each_backend(async |app| {
        let w = world(&app, &users("es")).await;
        let placement = accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        // The link is opened after the placement's last day (a mail read
        // late, a one-day job shadow): nothing is left to consent to.
        set_placement_days(&app, placement, -10, -1).await;
        let response = app.get(&link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Las fechas de esta práctica ya pasaron"),
            "{page}"
        );
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        // Nor does a paper form entered late start it.
        let record = format!("/counselor/placements/{placement}");
        let response = app
            .submit_as(
                &w.counselor.client,
                &record,
                &format!("{record}/consent"),
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "madre"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.text().await.unwrap();
        assert!(page.contains("last day has passed"), "{page}");
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");

        // The placement started ten days ago and runs on: María consents
        // today, so the days before today were never placement days.
        set_placement_days(&app, placement, -10, 20).await;
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        let hours_page = format!("/student/placements/{placement}");
        let hours =
            |day: i64| (stembridge::format::today() + chrono::Duration::days(day)).to_string();
        let response = app
            .submit_as(
                &w.student,
                &hours_page,
                &format!("{hours_page}/hours"),
                &[
                    ("work_date", &hours(-3)),
                    ("hours", "2"),
                    ("description", "Sorted parts."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = response.text().await.unwrap();
        assert!(page.contains("gave consent on"), "{page}");
        assert_eq!(app.count("hour_log").await, 0, "nothing written");
        let response = app
            .submit_as(
                &w.student,
                &hours_page,
                &format!("{hours_page}/hours"),
                &[
                    ("work_date", &hours(0)),
                    ("hours", "2"),
                    ("description", "Sorted parts."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn an_offer_left_open_past_the_postings_last_day_cannot_be_accepted() {
    on_each_backend(async |app| {
        let w = world(&app, &users("es")).await;
        let opportunity = entity::application::Entity::find_by_id(w.application)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .opportunity_id;
        let day = |days: i64| stembridge::format::today() + chrono::Duration::days(days);
        app.db
            .execute_unprepared(&format!(
                "UPDATE opportunity SET start_date = '{}', end_date = '{}' WHERE id = {opportunity}",
                day(-20),
                day(-2)
            ))
            .await
            .unwrap();
        let page = format!("/student/applications/{}", w.application);
        let response = app
            .submit_as(
                &w.student,
                &page,
                &format!("{page}/accept"),
                &[("belonging", "4")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let text = response.text().await.unwrap();
        assert!(text.contains("last day has passed"), "{text}");
        assert_eq!(app.count("placement").await, 0, "no placement");
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'").await,
            0,
            "nobody asked"
        );
    })
    .await;
}
