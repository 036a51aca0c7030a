//! A guardian address whose mail server refuses our mail for good (a
//! permanent SMTP error, `550`) is kept as refused (eyes17b F2): nightly
//! roster imports do not mail it again, the summary says what was done, the
//! counselor is shown the paper path, and a new address ends it. Only a
//! refusal of the recipient counts: a refusal of our sender or a full
//! mailbox is tried again, and the admins see it (eyes18a F1). A refused
//! address gets no other mail either, keeps the day of its first refusal
//! (eyes18b F9), and a counselor can have it tried again.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    families::{accept, app_with_smtp, text, upload, world},
    helpers::{TestApp, backends},
    mail_server::{
        FULL_MAILBOX, MailServer, NO_SUCH_MAILBOX, OUTLOOK_NO_SUCH_USER, REFUSED_FOR_OUR_SAKE,
        SES_SENDER_NOT_VERIFIED, YAHOO_NO_SUCH_USER,
    },
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

/// María as the database holds her now.
async fn maria(app: &TestApp) -> entity::guardian::Model {
    entity::guardian::Entity::find()
        .filter(entity::guardian::Column::SourcedId.eq("par-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Waits until the worker has been refused for María's address.
async fn refused_for_good(app: &TestApp) -> entity::guardian::Model {
    for _ in 0..200 {
        let maria = maria(app).await;
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
            record.contains("no email goes there until the address changes"),
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

#[tokio::test]
async fn outlook_and_yahoo_refusing_an_unknown_user_in_their_own_words_mark_the_address_refused() {
    for backend in backends() {
        for prefix in [OUTLOOK_NO_SUCH_USER, YAHOO_NO_SUCH_USER] {
            let server = MailServer::start().await;
            let app = app_with_smtp(backend.clone(), &server).await;
            let refused_address = format!("{prefix}maria@example.org");
            let w = world(&app, &users(&refused_address)).await;
            accept(&app, &w).await;
            let maria = refused_for_good(&app).await;
            assert_eq!(
                maria.email_bounced.as_deref(),
                Some(refused_address.as_str()),
                "{prefix}"
            );
            // Given up at once, not retried for a day as an outage of ours.
            let (error, failed) = tried_and_refused(&app, &refused_address).await;
            assert!(failed, "{prefix}: {error}");
            let admin_mail = text(&app, &w.admin, "/admin/mail").await;
            assert!(
                !admin_mail.contains("MAIL_FROM"),
                "{prefix}: no outage shown to the admins: {admin_mail}"
            );
        }
    }
}

/// Waits until a message to `to` was tried at least once and not sent;
/// returns its `last_error`, `failed_at` set.
async fn tried_and_refused(app: &TestApp, to: &str) -> (String, bool) {
    for _ in 0..200 {
        let row = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Recipient.eq(to))
            .filter(entity::mail_outbox::Column::Attempts.gte(1))
            .one(&app.db)
            .await
            .unwrap();
        if let Some(row) = row {
            assert!(row.sent_at.is_none(), "not sent");
            return (row.last_error.unwrap_or_default(), row.failed_at.is_some());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no message to {to} was tried");
}

/// The relay answers: mail waiting for its next try is due now.
async fn due_now(app: &TestApp) {
    app.db
        .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_relay_refusing_our_sender_is_an_outage_of_ours_tried_again_and_no_familys_bounce() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        // Our relay refuses our sending address (a wrong password or sender
        // policy): 550 5.7.1 to MAIL FROM, for every message.
        server.refuse_sender(true);
        let w = world(&app, &users("maria@example.org")).await;
        accept(&app, &w).await;
        let (error, failed) = tried_and_refused(&app, "maria@example.org").await;
        assert!(error.contains("5.7.1"), "{error}");
        assert!(!failed, "tried again, not given up: {error}");
        assert_eq!(maria(&app).await.email_bounced, None, "not her bounce");

        // The admins see the outage above the outbox, and on the message.
        let page = text(&app, &w.admin, "/admin/mail").await;
        assert!(page.contains("id=\"mail-refused\""), "{page}");
        assert!(
            page.contains("for a reason other than") && page.contains("check SMTP_URL"),
            "{page}"
        );
        assert!(page.contains("Waiting to be tried again"), "{page}");
        // The counselor is not told the family has no address.
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(!list.contains("refused our mail for good"), "{list}");

        // The relay is fixed: the consent request goes out at its next try.
        server.refuse_sender(false);
        due_now(&app).await;
        server
            .wait_for_subject("maria@example.org", "Se necesita su consentimiento", 30)
            .await;
        assert_eq!(maria(&app).await.email_bounced, None);
        let page = text(&app, &w.admin, "/admin/mail").await;
        assert!(!page.contains("id=\"mail-refused\""), "{page}");
    }
}

/// Amazon SES refuses our sender (not verified in its region) with a `554`
/// and no enhanced code, in words that say "address": an outage of ours,
/// tried again and shown to the admins; the family's address is not marked
/// refused (eyes40 F4).
#[tokio::test]
async fn amazon_ses_refusing_our_unverified_sender_is_not_the_familys_bounce() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let address = format!("{SES_SENDER_NOT_VERIFIED}maria@example.org");
        let w = world(&app, &users(&address)).await;
        let placement = accept(&app, &w).await;
        let (error, failed) = tried_and_refused(&app, &address).await;
        assert!(error.contains("not verified"), "{error}");
        assert!(!failed, "tried again, not given up: {error}");
        assert_eq!(maria(&app).await.email_bounced, None, "not her bounce");
        let page = text(&app, &w.admin, "/admin/mail").await;
        assert!(page.contains("id=\"mail-refused\""), "{page}");
        assert!(page.contains("Waiting to be tried again"), "{page}");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            !list.contains(&format!("id=\"bounced-{placement}\"")),
            "{list}"
        );
        assert!(!list.contains("refused our mail for good"), "{list}");
    }
}

/// Amazon SES once our account's configuration set is gone, a receiver
/// refusing our message's DKIM signature, one refusing our host for its
/// missing PTR record: each says "does not exist" or "does not have a",
/// with no enhanced code, about us. The family's address is not marked
/// refused, the consent request is tried again, and so is the notice a
/// correction sends to the former address, the safeguard against an
/// address redirected, not given up at the first try (eyes41 F5).
#[tokio::test]
async fn refusals_of_our_configuration_signature_or_host_are_not_the_familys_bounce() {
    for backend in backends() {
        for (prefix, _, reply) in REFUSED_FOR_OUR_SAKE {
            let server = MailServer::start().await;
            let app = app_with_smtp(backend.clone(), &server).await;
            let address = format!("{prefix}maria@example.org");
            let w = world(&app, &users(&address)).await;
            accept(&app, &w).await;
            let (error, failed) = tried_and_refused(&app, &address).await;
            assert!(error.contains(reply), "{prefix}: {error}");
            assert!(!failed, "{prefix}: tried again, not given up: {error}");
            assert_eq!(maria(&app).await.email_bounced, None, "{prefix}");
            let page = text(&app, &w.admin, "/admin/mail").await;
            assert!(page.contains("id=\"mail-refused\""), "{prefix}: {page}");

            // The counselor corrects her address: the notice to the former
            // one is refused the same way, and waits to be tried again.
            let response =
                crate::guardian_contacts::correct_maria(&app, &w, "maria@example.org", "true")
                    .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{prefix}");
            due_now(&app).await;
            let notice = format!(
                "mail_outbox WHERE recipient = '{address}' AND guardian_id IS NULL AND attempts >= 1"
            );
            app.wait_for_count(&notice, 1, "the notice to the former address was tried")
                .await;
            assert_eq!(
                app.count(&format!("{notice} AND failed_at IS NULL")).await,
                1,
                "{prefix}: the notice to the former address waits to be tried again"
            );
            assert_eq!(maria(&app).await.email_bounced, None, "{prefix}");
        }
    }
}

#[tokio::test]
async fn a_full_mailbox_is_tried_again_and_its_address_is_not_marked_refused() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let full = format!("{FULL_MAILBOX}maria@example.org");
        let w = world(&app, &users(&full)).await;
        let placement = accept(&app, &w).await;
        let (error, failed) = tried_and_refused(&app, &full).await;
        assert!(error.contains("5.2.2"), "{error}");
        assert!(!failed, "tried again: a full mailbox empties");
        assert_eq!(maria(&app).await.email_bounced, None);
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            !list.contains(&format!("id=\"bounced-{placement}\"")),
            "{list}"
        );
    }
}

#[tokio::test]
async fn a_refused_address_is_named_gets_no_other_mail_and_a_counselor_can_have_it_tried_again() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let w = world(&app, &users(&refused_address)).await;
        let placement = accept(&app, &w).await;
        let first = refused_for_good(&app).await;

        // "Send again" says the address on file was refused, not that
        // there is none (eyes18a N1).
        let resend = format!("/counselor/placements/{placement}/consent-resend");
        let response = app
            .submit_as(&w.counselor, "/counselor/placements", &resend, &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = response.text().await.unwrap();
        assert!(
            body.contains(&format!("the mail server of {refused_address}"))
                && body.contains("refused our mail for good on"),
            "{body}"
        );
        assert!(!body.contains("has an email address on file"), "{body}");
        // The counselor tries the address again (the family says it
        // works): audited, the refusal forgotten, and she is asked again.
        // The relay is down, so the new request waits.
        server.stop().await;
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(&format!("id=\"g{}-retry\"", first.id)),
            "{page}"
        );
        let retry = format!("{record}/guardians/{}/retry-address", first.id);
        let response = app.submit_as(&w.counselor, &record, &retry, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("We will write to this address again"),
            "{page}"
        );
        assert_eq!(maria(&app).await.email_bounced, None);
        assert_eq!(
            app.count("audit_log WHERE action = 'retry_guardian_address'")
                .await,
            1
        );
        assert_eq!(consent_requests(&app).await, 2, "asked again");
        // A second click finds nothing refused: a clear 409, nothing written.
        let response = app.submit_as(&w.counselor, &record, &retry, &[]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = response.text().await.unwrap();
        assert!(body.contains("is not marked as refused"), "{body}");
        assert_eq!(
            app.count("audit_log WHERE action = 'retry_guardian_address'")
                .await,
            1
        );
        // Refused again: marked again.
        server.restart().await;
        due_now(&app).await;
        let again = refused_for_good(&app).await;
        assert_eq!(
            again.email_bounced.as_deref(),
            Some(refused_address.as_str())
        );

        // Calling the placement off mails nobody at the refused address
        // (eyes18b F9): every message there would be refused again.
        let before = app
            .count(&format!(
                "mail_outbox WHERE recipient = '{refused_address}'"
            ))
            .await;
        let response = app
            .submit_as(
                &w.counselor,
                &format!("/counselor/placements/{placement}"),
                &format!("/counselor/placements/{placement}/end"),
                &[("reason", "organization_change")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.count(&format!(
                "mail_outbox WHERE recipient = '{refused_address}'"
            ))
            .await,
            before,
            "nothing queued to a refused address"
        );
    }
}

#[tokio::test]
async fn a_refused_address_keeps_the_day_of_its_first_refusal() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let w = world(&app, &users(&refused_address)).await;
        // Two messages wait for the relay: the consent request, and the
        // notice that the placement will not go ahead.
        server.stop().await;
        let placement = accept(&app, &w).await;
        let response = app
            .submit_as(
                &w.counselor,
                &format!("/counselor/placements/{placement}"),
                &format!("/counselor/placements/{placement}/end"),
                &[("reason", "organization_change")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let waiting = format!("mail_outbox WHERE recipient = '{refused_address}'");
        assert_eq!(app.count(&waiting).await, 2);
        // Another server's worker recorded the first refusal days ago.
        let since = chrono::Utc::now() - chrono::Duration::days(3);
        entity::guardian::Entity::update_many()
            .col_expr(
                entity::guardian::Column::EmailBounced,
                sea_orm::sea_query::Expr::value(refused_address.clone()),
            )
            .col_expr(
                entity::guardian::Column::EmailBouncedAt,
                sea_orm::sea_query::Expr::value(since),
            )
            .exec(&app.db)
            .await
            .unwrap();

        // Both are refused now; "since" stays the first refusal's day.
        server.restart().await;
        due_now(&app).await;
        app.wait_for_count(
            &format!("{waiting} AND failed_at IS NOT NULL"),
            2,
            "both refused",
        )
        .await;
        let at = maria(&app).await.email_bounced_at.unwrap();
        assert!(
            (at - since).num_seconds().abs() < 2,
            "kept the first day: {at} vs {since}"
        );
    }
}

/// A guardian whose address a server once refused still gets the
/// withdrawal link she asks for on her settings page: that page opens only
/// from a link mailed to her address, so she reads mail there.
#[tokio::test]
async fn a_guardian_marked_refused_still_gets_the_withdrawal_link_she_asks_for() {
    for backend in backends() {
        let crate::guardian_contacts::Waiting {
            server,
            app,
            placement,
            first,
            ..
        } = crate::guardian_contacts::waiting_for_maria(backend, "en").await;
        let settings = first.link("/email/");
        let response = crate::families::give_consent(
            &app,
            &crate::helpers::new_client(),
            &first.link("/consent/"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_to("maria@example.org", 2, 15).await;
        // Her server refused a message since (a mailbox disabled a while).
        app.db
            .execute_unprepared(
                "UPDATE guardian SET email_bounced = email, email_bounced_at = CURRENT_TIMESTAMP",
            )
            .await
            .unwrap();
        let response = app
            .submit_as(
                &crate::helpers::new_client(),
                &settings,
                &format!("{settings}/withdraw-link"),
                &[("placement", placement.to_string().as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        assert!(body.contains("id=\"link-mailed\""), "{body}");
        let mailed = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(!mailed.link("/withdraw/").is_empty());
    }
}

/// A counselor corrects María's address after its server refused it for
/// good: the "your address was changed" notice is not queued to the
/// refused address (it would be refused again), and the counselors, as
/// she reads Vietnamese, are not told she was just emailed it (eyes20 F3).
#[tokio::test]
async fn the_notice_of_a_corrected_address_is_not_sent_to_the_refused_one_nor_prompted() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let roster = users(&refused_address).replace(",es\n", ",vi\n");
        let w = world(&app, &roster).await;
        accept(&app, &w).await;
        refused_for_good(&app).await;

        let response =
            crate::guardian_contacts::correct_maria(&app, &w, "maria.new@example.org", "true")
                .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server
            .wait_for_subject("maria.new@example.org", "Se necesita su consentimiento", 15)
            .await;
        assert_eq!(
            app.count(&format!(
                "mail_outbox WHERE recipient = '{refused_address}'"
            ))
            .await,
            1,
            "the first consent request only"
        );
        let news = text(&app, &w.counselor, "/notifications").await;
        assert!(!news.contains("through an interpreter"), "{news}");
    }
}

/// Ana and her brother Beto, both with María (at `email`) as their contact.
fn siblings(email: &str) -> String {
    format!(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
         stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,\n\
         stu-2,true,sch-1,student,Beto,Rivera,11,,par-1,\n\
         par-1,true,sch-1,parent,María,Rivera,,{email},\"stu-1,stu-2\",es\n"
    )
}

/// Beto claims his account, applies to the posting Ana has an offer on,
/// is offered a place and accepts it; returns his placement.
async fn beto_accepts(app: &TestApp) -> i32 {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let code = stembridge::roster::claim_code::generate();
    let beto = entity::student::Entity::find()
        .filter(entity::student::Column::SourcedId.eq("stu-2"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut model: entity::student::ActiveModel = beto.into();
    model.claim_code_hash = Set(Some(stembridge::roster::claim_code::digest(&code)));
    model.claim_code_expires_at = Set(Some(chrono::Utc::now() + chrono::Duration::days(3)));
    model.update(&app.db).await.unwrap();
    let student = crate::helpers::new_client();
    let response = app
        .submit_as(
            &student,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", "Beto"),
                ("email", "beto@students.org"),
                ("password", crate::helpers::PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "claimed");
    let opportunity = entity::opportunity::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let response = app
        .submit_as(
            &student,
            &format!("/opportunities/{opportunity}"),
            &format!("/opportunities/{opportunity}/apply"),
            &[("note", "Me too."), ("availability", "After 3 pm")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "applied");
    let application = crate::helpers::location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let employer = crate::helpers::new_client();
    app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
        .await;
    let response = app
        .submit_as(
            &employer,
            "/employer",
            &format!("/employer/applications/{application}/offer"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "offered");
    let page = format!("/student/applications/{application}");
    let response = app
        .submit_as(
            &student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "4")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "accepted");
    crate::helpers::location(&response)
        .strip_prefix("/student/placements/")
        .unwrap()
        .parse()
        .unwrap()
}

/// "Try this address again" on Ana's record clears a refusal of María's
/// address, which is Beto's contact too: both children's waiting
/// placements ask her again, not only Ana's (eyes40 F8).
#[tokio::test]
async fn trying_an_address_again_asks_it_for_every_childs_waiting_placement() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let w = world(&app, &siblings(&refused_address)).await;
        let anas = accept(&app, &w).await;
        let first = refused_for_good(&app).await;
        let betos = beto_accepts(&app).await;
        let asked = |placement: i32| format!("consent_request WHERE placement_id = {placement}");
        assert_eq!(app.count(&asked(anas)).await, 1);
        assert_eq!(app.count(&asked(betos)).await, 0, "a refused address");

        server.stop().await;
        let record = format!("/counselor/students/{}", w.student_id);
        let retry = format!("{record}/guardians/{}/retry-address", first.id);
        let response = app.submit_as(&w.counselor, &record, &retry, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(maria(&app).await.email_bounced, None);
        assert_eq!(app.count(&asked(anas)).await, 2, "Ana's asked again");
        assert_eq!(app.count(&asked(betos)).await, 1, "Beto's asked too");
        assert_eq!(
            app.count(&format!(
                "mail_outbox WHERE kind = 'consent_request' AND recipient = '{refused_address}' \
                 AND sent_at IS NULL AND failed_at IS NULL"
            ))
            .await,
            2
        );
    }
}

/// María is the contact of Ana at Lincoln and of Beto, whose placement
/// waits for consent, at Roosevelt. Lincoln's counselor tries her refused
/// address again from Ana's record: the page speaks of Ana's placement
/// only, not of a placement of a child at a school the counselor does not
/// look after; María alone is asked for Beto's (eyes41 F3).
#[tokio::test]
async fn trying_an_address_again_says_nothing_of_a_siblings_placement_at_another_school() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let refused_address = format!("{NO_SUCH_MAILBOX}maria@example.org");
        let w = world(&app, &siblings(&refused_address)).await;
        let anas = accept(&app, &w).await;
        let first = refused_for_good(&app).await;
        let betos = beto_accepts(&app).await;
        let roosevelt = app.school("Roosevelt STEM Academy").await;
        app.db
            .execute_unprepared(&format!(
                "UPDATE student SET school_id = {roosevelt} WHERE sourced_id = 'stu-2'"
            ))
            .await
            .unwrap();
        let asked = |placement: i32| format!("consent_request WHERE placement_id = {placement}");

        server.stop().await;
        let record = format!("/counselor/students/{}", w.student_id);
        let retry = format!("{record}/guardians/{}/retry-address", first.id);
        let response = app.submit_as(&w.counselor, &record, &retry, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(
                "A consent request was emailed to it for the placement waiting for consent."
            ),
            "Ana's placement only: {page}"
        );
        assert!(!page.contains("2 placements"), "{page}");
        assert_eq!(app.count(&asked(anas)).await, 2, "Ana's asked again");
        // Beto's school relies on the address too: asked there, unsaid here.
        assert_eq!(app.count(&asked(betos)).await, 1, "Beto's asked");
    }
}
