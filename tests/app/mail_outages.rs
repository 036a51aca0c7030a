//! Mail through an SMTP outage (eyes16b F4): a message is retried for about
//! a day, the pages say "sent" only of mail the server accepted, and a
//! consent request given up on is shown where people act on it and counts
//! toward no cap.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    families::{accept, app_with_smtp, give_consent, text, users, world},
    helpers::{TestApp, backends, new_client},
    mail_server::MailServer,
};

/// The consent request's outbox row, once the worker tried it `tries` times.
async fn consent_mail_tried(app: &TestApp, tries: i32) -> entity::mail_outbox::Model {
    for _ in 0..200 {
        let row = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Kind.eq("consent_request"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if row.attempts >= tries || row.failed_at.is_some() {
            return row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the worker did not try the consent mail {tries} times");
}

#[tokio::test]
async fn a_consent_request_lost_to_an_smtp_outage_is_shown_as_undelivered_and_may_be_sent_again_at_once()
 {
    for backend in backends() {
        let mut server = MailServer::start().await;
        server.stop().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let placement = accept(&app, &w).await;
        let page = format!("/student/placements/{placement}");

        // Two tries fail in a few seconds; the message waits for more.
        let row = consent_mail_tried(&app, 2).await;
        assert!(row.failed_at.is_none(), "not given up after two tries");
        assert!(row.next_attempt_at > chrono::Utc::now(), "retried later");
        let shown = text(&app, &w.student, &page).await;
        assert!(
            shown.contains("has not gone out yet") && !shown.contains("sent to"),
            "the student is not told it was sent: {shown}"
        );
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("maria@example.org") && list.contains("not sent yet"),
            "{list}"
        );
        assert!(!list.contains("Consent email sent to"), "{list}");

        // The day passes: the last try fails too, and it is given up on.
        entity::mail_outbox::Entity::update_many()
            .col_expr(
                entity::mail_outbox::Column::Attempts,
                Expr::value(stembridge::mail::worker::MAX_ATTEMPTS - 1),
            )
            .col_expr(
                entity::mail_outbox::Column::NextAttemptAt,
                Expr::value(chrono::Utc::now()),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let row = consent_mail_tried(&app, stembridge::mail::worker::MAX_ATTEMPTS).await;
        assert!(row.failed_at.is_some() && row.sent_at.is_none());

        // The counselor, the student and the admin see that it did not go.
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("The consent email to maria@example.org of")
                && list.contains("could not be delivered"),
            "{list}"
        );
        assert!(!list.contains("Consent email sent to"), "{list}");
        let shown = text(&app, &w.student, &page).await;
        assert!(
            shown.contains("id=\"consent-undelivered\"")
                && shown.contains("could not be delivered")
                && !shown.contains("sent to"),
            "{shown}"
        );
        let outbox = text(&app, &w.admin, "/admin/mail").await;
        assert!(
            outbox.contains("maria@example.org") && outbox.contains("Failed for good"),
            "{outbox}"
        );

        // A request that reached nobody counts toward no cap: the student
        // asks again at once (a delivered one would hold her ten minutes).
        server.restart().await;
        let resend = format!("{page}/consent-resend");
        let response = app.submit_as(&w.student, &page, &resend, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let mail = server
            .wait_for_to("maria@example.org", 1, 30)
            .await
            .remove(0);
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
        let shown = text(&app, &w.student, &page).await;
        assert!(
            shown.contains("sent to") && !shown.contains("could not be delivered"),
            "a later email that went out replaces the failure: {shown}"
        );
        let response = give_consent(&app, &new_client(), &mail.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}

/// A message queued straight into the outbox, `tried` times already and
/// next tried at `next` (as one left waiting by an outage).
async fn queued(app: &TestApp, to: &str, subject: &str, next: chrono::DateTime<chrono::Utc>) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    entity::mail_outbox::ActiveModel {
        recipient: Set(to.into()),
        language: Set("en".into()),
        kind: Set("test".into()),
        subject: Set(subject.into()),
        text_body: Set(subject.into()),
        html_body: Set(format!("<p>{subject}</p>")),
        attempts: Set(0),
        created_at: Set(chrono::Utc::now()),
        next_attempt_at: Set(next),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

/// eyes16c F2: retries last a day, so a message queued later may be due
/// before an older one to the same person; it waits for it, so a family
/// never reads "confirmed" after "will not go on". Other people's mail
/// does not wait.
#[tokio::test]
async fn one_recipients_mail_goes_out_in_the_order_it_was_queued() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let later = chrono::Utc::now() + chrono::Duration::hours(1);
        queued(&app, "maria@example.org", "First: confirmed", later).await;
        queued(
            &app,
            "maria@example.org",
            "Second: called off",
            chrono::Utc::now(),
        )
        .await;
        queued(
            &app,
            "omar@example.org",
            "Someone else's",
            chrono::Utc::now(),
        )
        .await;
        server.wait_for_to("omar@example.org", 1, 15).await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert!(
            server.received_to("maria@example.org").is_empty(),
            "the second waits for the first"
        );
        // The first one's retry comes round: both go, in order.
        app.db
            .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
            .await
            .unwrap();
        let subjects: Vec<String> = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .iter()
            .map(|m| m.subject())
            .collect();
        assert_eq!(subjects, ["First: confirmed", "Second: called off"]);
    }
}
