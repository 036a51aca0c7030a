//! A guardian address whose mail server refuses our mail for good (a
//! permanent SMTP error, `550`) is kept as refused (eyes17b F2): nightly
//! roster imports do not mail it again, the summary says what was done, the
//! counselor is shown the paper path, and a new address ends it.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{accept, app_with_smtp, text, upload, world},
    helpers::{TestApp, backends},
    mail_server::{MailServer, NO_SUCH_MAILBOX},
};

/// Ana and her mother, at `email`.
fn users(email: &str) -> String {
    format!(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
         stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,\n\
         par-1,true,sch-1,parent,María,Rivera,,{email},stu-1,es\n"
    )
}

async fn consent_requests(app: &TestApp) -> i64 {
    app.count("consent_request").await
}

/// Waits until the worker has been refused for María's address.
async fn refused_for_good(app: &TestApp) -> entity::guardian::Model {
    for _ in 0..200 {
        let maria = entity::guardian::Entity::find()
            .filter(entity::guardian::Column::SourcedId.eq("par-1"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if maria.email_bounced.is_some() {
            return maria;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the refusal was not recorded");
}

#[tokio::test]
async fn an_address_refused_for_good_is_not_asked_again_at_each_import_until_it_changes() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let w = world(&app, &users(&refused_address)).await;
        let placement = accept(&app, &w).await;
        let maria = refused_for_good(&app).await;
        assert_eq!(
            maria.email_bounced.as_deref(),
            Some(refused_address.as_str())
        );
        assert_eq!(consent_requests(&app).await, 1);

        // The counselor sees why, where consent is handled and on the record.
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains(&format!(
                "The mail server of {refused_address} refused our mail for good"
            )) && list.contains(&format!("id=\"bounced-{placement}\"")),
            "{list}"
        );
        let record = text(
            &app,
            &w.counselor,
            &format!("/counselor/students/{}", w.student_id),
        )
        .await;
        assert!(
            record.contains("no consent email goes there until the address changes"),
            "{record}"
        );

        // The nightly sync, three times: nobody is mailed, nothing is said.
        for _ in 0..3 {
            let again = upload(&app, &w.admin, &users(&refused_address)).await;
            assert!(!again.refused, "{}", again.page);
            assert!(
                !again.page.contains("emailed"),
                "no consent mail is claimed: {}",
                again.page
            );
        }
        assert_eq!(consent_requests(&app).await, 1, "not asked again");
        assert_eq!(
            app.count("mail_outbox WHERE kind = 'consent_request'")
                .await,
            1
        );

        // A new address ends it: she is asked there, and the summary says why.
        let corrected = upload(&app, &w.admin, &users("maria@example.org")).await;
        assert!(!corrected.refused, "{}", corrected.page);
        assert!(
            corrected.page.contains(
                "A consent request was emailed for one placement, to guardians this roster gave a new contact or address"
            ),
            "{}",
            corrected.page
        );
        assert_eq!(consent_requests(&app).await, 2);
        server
            .wait_for_subject("maria@example.org", "Se necesita su consentimiento", 15)
            .await;
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(!list.contains("refused our mail for good"), "{list}");
    }
}
