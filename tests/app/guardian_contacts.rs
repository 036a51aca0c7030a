//! Whoever controls a guardian's contact controls consent: a counselor
//! cannot point a guardian's mail at a staff inbox, the former address hears
//! of every change, links follow the address (settings links too), a
//! contact made active again or added is asked, and a suspended
//! organization's families get no invitation to agree.

use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{
        World, accept, app_with_smtp, give_consent, maria, placement_status,
        shift_consent_requests, text, upload, users, world,
    },
    helpers::{backends, location, new_client},
    mail_server::MailServer,
};

/// The counselor saves María's contact with `email` and `active`, and
/// Spanish as her language.
pub(crate) async fn correct_maria(
    app: &crate::helpers::TestApp,
    w: &World,
    email: &str,
    active: &str,
) -> reqwest::Response {
    correct_maria_reading(app, w, email, active, "es").await
}

/// [`correct_maria`] with `language` as her language.
pub(crate) async fn correct_maria_reading(
    app: &crate::helpers::TestApp,
    w: &World,
    email: &str,
    active: &str,
    language: &str,
) -> reqwest::Response {
    let guardian = maria(app).await;
    let record = format!("/counselor/students/{}", w.student_id);
    app.submit_as(
        &w.counselor,
        &record,
        &format!("{record}/guardians/{}", guardian.id),
        &[
            ("given_name", "María"),
            ("family_name", "Rivera"),
            ("email", email),
            ("phone", ""),
            ("language", language),
            ("active", active),
        ],
    )
    .await
}

/// Ana accepted an offer and María's consent request arrived over SMTP.
pub(crate) struct Waiting {
    pub server: MailServer,
    pub app: crate::helpers::TestApp,
    pub w: World,
    pub placement: i32,
    /// María's consent request.
    pub first: crate::mail_server::Received,
}

pub(crate) async fn waiting_for_maria(backend: crate::helpers::Backend, language: &str) -> Waiting {
    let server = MailServer::start().await;
    let app = app_with_smtp(backend, &server).await;
    let w = world(&app, &users(language)).await;
    let placement = accept(&app, &w).await;
    let first = server
        .wait_for_to("maria@example.org", 1, 15)
        .await
        .remove(0);
    Waiting {
        server,
        app,
        w,
        placement,
        first,
    }
}

async fn consent_requests(app: &crate::helpers::TestApp) -> i64 {
    app.count("consent_request").await
}

#[tokio::test]
async fn a_guardians_address_cannot_be_a_staff_inbox_and_her_former_address_hears_of_a_change() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        let link = first.link("/consent/");
        let settings = first.link("/email/");

        // The counselor's own sign-in address, the employer's, or an
        // admin's, in any case: refused, and nothing changes. Her own is
        // named as staff; the others' kind is not hers to learn (eyes14a F5).
        for (staff, why) in [
            ("carla@lincoln.edu", "staff or employer account"),
            ("carla+rosa@lincoln.edu", "staff or employer account"),
            ("Erin@Lakeshore.org", "cannot receive consent mail"),
            (w.admin.email.as_str(), "cannot receive consent mail"),
        ] {
            let response = correct_maria(&app, &w, staff, "true").await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{staff}"
            );
            let body = response.text().await.unwrap();
            assert!(body.contains(why), "{staff}: {body}");
            assert_eq!(
                maria(&app).await.email.as_deref(),
                Some("maria@example.org")
            );
            assert_eq!(consent_requests(&app).await, 1, "no link was sent");
        }
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::OK
        );

        // A real correction: María's former inbox is told, in her
        // language, and whom to ask; the new one gets the consent request;
        // the audit names both addresses.
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            told.subject().contains("Lincoln High cambió la dirección"),
            "{}",
            told.subject()
        );
        assert!(
            told.text()
                .contains("se avisa a los administradores del distrito"),
            "{}",
            told.text()
        );
        assert!(!told.text().contains("/consent/"), "no link in the notice");
        let asked = server
            .wait_for_to("maria.rivera@example.net", 1, 15)
            .await
            .remove(0);
        assert!(asked.subject().contains("Se necesita su consentimiento"));
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'correct_guardian' \
                 AND subject LIKE '%maria@example.org -> maria.rivera@example.net%'"
            )
            .await,
            1,
            "the audit names the old and the new address"
        );
        // The links of the former address open nothing, settings included.
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE
        );
        assert_eq!(
            app.get_as(&new_client(), &settings).await.status(),
            StatusCode::NOT_FOUND,
            "the former inbox no longer decides what María receives"
        );
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                &settings,
                &[("updates", ""), ("language", "en")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let guardian = maria(&app).await;
        assert!(guardian.mail_updates, "nothing switched off");
        assert_eq!(guardian.language_chosen, None, "no language pinned");
        // Hers work.
        assert_eq!(
            app.get_as(&new_client(), &asked.link("/email/"))
                .await
                .status(),
            StatusCode::OK
        );
        let response = give_consent(&app, &new_client(), &asked.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        // The school sees which address the answer came through.
        let record = text(
            &app,
            &w.counselor,
            &format!("/counselor/placements/{placement}"),
        )
        .await;
        assert!(
            record.contains("answered through the link emailed to maria.rivera@example.net"),
            "{record}"
        );
    }
}

/// The id of the roster's school, Lincoln High.
async fn lincoln(app: &crate::helpers::TestApp) -> i32 {
    entity::school::Entity::find()
        .filter(entity::school::Column::SourcedId.eq("sch-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Gmail ignores dots in the local part and reads googlemail.com as
/// gmail.com: a counselor who signs in as jane.doe@gmail.com cannot make
/// María's contact any spelling of that inbox and consent as her.
#[tokio::test]
async fn a_guardians_address_cannot_be_a_gmail_spelling_of_a_staff_inbox() {
    for backend in backends() {
        let Waiting { app, w, .. } = waiting_for_maria(backend, "en").await;
        let school = lincoln(&app).await;
        app.counselor("jane.doe@gmail.com", &[school]).await;
        for spelling in [
            "janedoe@gmail.com",
            "Jane.Doe@googlemail.com",
            "j.a.n.e.d.o.e+maria@GMAIL.com",
        ] {
            let response = correct_maria(&app, &w, spelling, "true").await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{spelling}"
            );
            let body = response.text().await.unwrap();
            assert!(
                body.contains("staff or employer account"),
                "{spelling}: {body}"
            );
            assert_eq!(
                maria(&app).await.email.as_deref(),
                Some("maria@example.org"),
                "{spelling}: nothing saved"
            );
            assert_eq!(consent_requests(&app).await, 1, "no link was sent");
        }
        // Another Gmail inbox, and the same name at another provider, are
        // not that inbox.
        for other in ["janedoe.mom@gmail.com", "janedoe@example.net"] {
            let response = correct_maria(&app, &w, other, "true").await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{other}");
        }
    }
}

/// The same from a roster: a guardian address that is a Gmail spelling of
/// a counselor's sign-in gets no consent link (the database's rule, on
/// both backends), and the upload's result says why on its line.
#[tokio::test]
async fn a_gmail_spelling_of_a_staff_inbox_from_the_roster_gets_no_consent_link() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let roster = users("en").replace("maria@example.org", "jane.doe@googlemail.com");
        let w = world(&app, &roster).await;
        app.counselor("janedoe@gmail.com", &[lincoln(&app).await])
            .await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(consent_requests(&app).await, 0, "no link went to staff");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains(
                "No guardian of this student has an email address a consent link can go to"
            ),
            "the counselor is pointed to the paper form: {list}"
        );
        let again = upload(&app, &w.admin, &roster).await;
        assert!(
            again.page.contains(
                "address jane.doe@googlemail.com signs in to a staff or employer account"
            ),
            "{}",
            again.page
        );
    }
}

#[tokio::test]
async fn a_staff_address_from_the_roster_gets_no_consent_link_the_paper_path_stays() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        // The roster names a sub-address of the counselor's inbox as
        // María's (most mail systems deliver it to carla@).
        let roster = users("en").replace("maria@example.org", "carla+maria@lincoln.edu");
        let w = world(&app, &roster).await;
        let placement = accept(&app, &w).await;
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        assert_eq!(consent_requests(&app).await, 0, "no link went to staff");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains(
                "No guardian of this student has an email address a consent link can go to"
            ),
            "the counselor is pointed to the paper form: {list}"
        );
        // The next upload says why, on the guardian's line.
        let again = upload(&app, &w.admin, &roster).await;
        assert!(
            again.page.contains(
                "address carla+maria@lincoln.edu signs in to a staff or employer account"
            ),
            "{}",
            again.page
        );
    }
}

#[tokio::test]
async fn a_guardian_made_active_again_or_added_later_is_asked_and_a_dead_link_is_not_called_sent() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let link = first.link("/consent/");

        // Made inactive (a slip): her link ends, and the consent list says
        // no link works rather than "sent".
        let response = correct_maria(&app, &w, "maria@example.org", "false").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::GONE
        );
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("None of these links works any more"),
            "{list}"
        );
        let page = text(
            &app,
            &w.student,
            &format!("/student/placements/{placement}"),
        )
        .await;
        assert!(page.contains("That link does not work any more"), "{page}");

        // Active again: she is asked again, and the counselor is told.
        let response = correct_maria(&app, &w, "maria@example.org", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let record = text(&app, &w.counselor, &location(&response)).await;
        assert!(
            record.contains("A consent request was emailed to the guardians who had no working"),
            "{record}"
        );
        // (Her second mail told her she was made inactive.)
        let again = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            !list.contains("None of these links works any more"),
            "{list}"
        );

        // A second guardian added: asked too; María's working link is left
        // alone (no new consent mail to her), and she is told of the new
        // contact, with the report link (eyes11c F1).
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians"),
                &[
                    ("given_name", "Jorge"),
                    ("family_name", "Rivera"),
                    ("email", "jorge@example.org"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = text(&app, &w.counselor, &location(&response)).await;
        assert!(
            page.contains("a consent request was emailed to the new contact"),
            "{page}"
        );
        let jorge = server
            .wait_for_to("jorge@example.org", 1, 15)
            .await
            .remove(0);
        assert!(jorge.subject().contains("Your consent is needed"));
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let to_maria = server.wait_for_to("maria@example.org", 4, 1).await;
        assert_eq!(to_maria.len(), 4, "one notice, no consent mail");
        assert!(
            to_maria[3]
                .subject()
                .contains("añadió un contacto de padre, madre o tutor"),
            "{}",
            to_maria[3].subject()
        );
        assert!(!to_maria[3].text().contains("/consent/"));
        assert_eq!(
            app.get_as(&new_client(), &again.link("/consent/"))
                .await
                .status(),
            StatusCode::OK,
            "her link still works"
        );
        let response = give_consent(&app, &new_client(), &jorge.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

#[tokio::test]
async fn a_suspended_organizations_families_get_no_invitation_to_agree_and_the_page_says_why() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let link = first.link("/consent/");
        let response = app
            .review(
                &w.admin,
                "Lakeshore Robotics",
                "suspend",
                "Safeguarding review",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // The link she holds says why consent cannot be given, before she
        // tries.
        let page = app.get_as(&Client::new(), &link).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert!(
            page.text()
                .await
                .unwrap()
                .contains("not verified on STEMbridge at the moment, so consent cannot be given")
        );

        // "Send again", by the counselor or (after the wait) the student.
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("not verified on STEMbridge at the moment")
        );
        shift_consent_requests(&app, entity::consent_request::Column::CreatedAt, -11).await;
        let page = format!("/student/placements/{placement}");
        let response = app
            .submit_as(&w.student, &page, &format!("{page}/consent-resend"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        // A new contact is not asked either.
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(consent_requests(&app).await, 1, "no new link");
        let requests = entity::consent_request::Entity::find()
            .filter(entity::consent_request::Column::Email.eq("maria.rivera@example.net"))
            .all(&app.db)
            .await
            .unwrap();
        assert!(requests.is_empty());

        // Verified again: the guardian without a working link is asked now
        // (after the note that the placement still waits for consent:
        // `placements::resume`).
        let response = app
            .review(&w.admin, "Lakeshore Robotics", "reinstate", "Review closed")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let asked = server
            .wait_for_subject(
                "maria.rivera@example.net",
                "Se necesita su consentimiento",
                15,
            )
            .await;
        let response = give_consent(&app, &new_client(), &asked.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

#[tokio::test]
async fn a_guardian_made_inactive_and_then_moved_is_told_at_her_address_each_time() {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "en").await;

        // Made inactive while a placement waits for her consent: told.
        let response = correct_maria(&app, &w, "maria@example.org", "false").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            told.subject()
                .contains("Lincoln High no longer writes to this address"),
            "{}",
            told.subject()
        );
        // Then moved while inactive, and made active: told again; only
        // then does the new address get a link.
        let response = correct_maria(&app, &w, "someone.else@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // (In Spanish: the counselor's form recorded it as her language.)
        let told = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(
            told.subject()
                .contains("cambió la dirección a la que escribe"),
            "{}",
            told.subject()
        );
        server.wait_for_to("someone.else@example.net", 1, 15).await;
        for (change, what) in [
            ("%guardian%: made inactive", "made inactive"),
            (
                "%maria@example.org -> someone.else@example.net: made active",
                "moved",
            ),
        ] {
            assert_eq!(
                app.count(&format!(
                    "audit_log WHERE action = 'correct_guardian' AND subject LIKE '{change}'"
                ))
                .await,
                1,
                "{what} is on the record"
            );
        }

        // A roster keeps the counselor's correction until it agrees with
        // it (see below); one that then moves her back is on the record
        // too, and the address it leaves is told.
        // (Not back to the address the counselor removed: that one a
        // roster never brings back.)
        let agrees = users("en").replace("maria@example.org", "someone.else@example.net");
        assert!(!upload(&app, &w.admin, &agrees).await.refused);
        let moved = users("en").replace("maria@example.org", "maria.third@example.org");
        let response = upload(&app, &w.admin, &moved).await;
        assert!(!response.refused, "{}", response.page);
        let told = server
            .wait_for_to("someone.else@example.net", 2, 15)
            .await
            .remove(1);
        // (In English now: the roster that agreed recorded it as hers.)
        assert!(
            told.subject().contains("changed the address it writes to"),
            "{}",
            told.subject()
        );
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'correct_guardian' \
                 AND subject LIKE 'roster: guardian %: email someone.else@example.net -> maria.third@example.org'"
            )
            .await,
            1
        );
    }
}

#[tokio::test]
async fn a_roster_that_replaces_a_waiting_guardians_record_tells_her_and_puts_each_contact_on_the_record()
 {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "en").await;

        // The next export leaves María's record out and links Ana to a new
        // record at another address (a replaced parent record is a new
        // sourcedId).
        let replaced = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,par-2,\n\
             par-2,true,sch-1,parent,María,Rivera,,maria.family@example.net,stu-1,en\n";
        let response = upload(&app, &w.admin, replaced).await;
        assert!(!response.refused, "{}", response.page);
        assert!(
            response
                .page
                .contains("A consent request was emailed for one placement"),
            "the result says a request went out: {}",
            response.page
        );
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            told.subject().contains("no longer writes to this address"),
            "{}",
            told.subject()
        );
        server.wait_for_to("maria.family@example.net", 1, 15).await;
        for (subject, what) in [
            (
                "roster: guardian %: made inactive (left out of the roster)",
                "María left out",
            ),
            (
                "roster: guardian %: linked to student %, email maria.family@example.net",
                "the new contact",
            ),
        ] {
            assert_eq!(
                app.count(&format!(
                    "audit_log WHERE action = 'correct_guardian' AND subject LIKE '{subject}'"
                ))
                .await,
                1,
                "{what} is on the record"
            );
        }
    }
}

#[tokio::test]
async fn an_employer_signing_in_with_a_sub_address_leaves_its_inbox_closed_to_consent_links() {
    for backend in backends() {
        let app = crate::helpers::TestApp::spawn(backend).await;
        let w = world(&app, &users("en")).await;
        app.verified_employer(
            &w.admin,
            "Acme Field Labs",
            "boss+stembridge@acme-field.org",
        )
        .await;
        for inbox in ["boss@acme-field.org", "boss+family@acme-field.org"] {
            let response = correct_maria(&app, &w, inbox, "true").await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{inbox}"
            );
            assert_eq!(
                maria(&app).await.email.as_deref(),
                Some("maria@example.org")
            );
        }
    }
}

/// A counselor moves María's contact to an inbox of their own (no staff
/// sign-in, so nothing refuses it) and consents through the link mailed
/// there. María, told at her former address, reports the change: the
/// district's admin is mailed, the placement waits for consent again, the
/// links end and none is sent while the report holds, a second tab changes
/// nothing twice, the counselor cannot lift the hold, and an admin who has
/// put the contact right lifts it and María is asked again.
#[tokio::test]
async fn a_family_reports_a_change_it_did_not_ask_for_and_email_consent_waits_for_an_admin() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        let response = correct_maria(&app, &w, "carla.home@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let report = told.link("/address-report/");
        let hijacked = server
            .wait_for_to("carla.home@example.net", 1, 15)
            .await
            .remove(0);
        let counselors_browser = new_client();
        let given = give_consent(&app, &counselors_browser, &hijacked.link("/consent/")).await;
        assert_eq!(given.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        let admin_mail_before = server.received_to(&w.admin.email).len();

        // A second tab holds the form too.
        let second_tab = new_client();
        let second_token = app.csrf_token(&second_tab, &report).await;
        // María's browser, signed in as nobody: the page is in her language.
        let marias_browser = new_client();
        let page = app.get_as(&marias_browser, &report).await;
        assert_eq!(page.status(), StatusCode::OK);
        let body = page.text().await.unwrap();
        assert!(body.contains("¿Un cambio que usted no pidió?"), "{body}");
        let done = app.submit_as(&marias_browser, &report, &report, &[]).await;
        assert_eq!(done.status(), StatusCode::OK);
        assert!(
            done.text().await.unwrap().contains("se avisó al distrito"),
            "reported"
        );
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        let alert = server
            .wait_for_to(&w.admin.email, admin_mail_before + 1, 15)
            .await
            .pop()
            .unwrap();
        assert!(
            alert
                .subject()
                .contains("reported a change of guardian contact"),
            "{}",
            alert.subject()
        );
        assert!(alert.text().contains("María Rivera"), "{}", alert.text());
        assert!(
            alert
                .link("/counselor/students/")
                .ends_with(&w.student_id.to_string()),
            "{}",
            alert.text()
        );

        // A second tab: told it was reported, and nothing happens twice.
        let again = second_tab
            .post(app.url(&report))
            .form(&[("csrf_token", second_token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::OK);
        assert!(again.text().await.unwrap().contains("ya fue reportado"));
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            server.received_to(&w.admin.email).len(),
            admin_mail_before + 1,
            "one alert"
        );

        // Held: the counselor's "send again" sends nothing, the record
        // says why, and only an admin lifts it.
        let requests = consent_requests(&app).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let resent = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(resent.status(), StatusCode::CONFLICT);
        assert!(
            resent
                .text()
                .await
                .unwrap()
                .contains("until an administrator has checked it"),
            "says why"
        );
        assert_eq!(consent_requests(&app).await, requests, "no link while held");
        // Nor does the counselor record a paper form meanwhile (the report
        // may be about them): only an admin does.
        let paper = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "madre"),
                    ("decision", "give"),
                ],
            )
            .await;
        assert_eq!(paper.status(), StatusCode::CONFLICT);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        // María's first link, ended by the change, says consent is on hold
        // rather than sending her to the school for a new one.
        let held = app.get_as(&new_client(), &first.link("/consent/")).await;
        assert_eq!(held.status(), StatusCode::CONFLICT);
        assert!(
            held.text().await.unwrap().contains("está retenido"),
            "in her language"
        );
        let page = text(&app, &w.counselor, &record).await;
        assert!(page.contains("On hold: a family reported"), "{page}");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(list.contains("Email consent is on hold"), "{list}");
        let lift = format!("{record}/consent-hold/clear");
        let refused = app.submit_as(&w.counselor, &record, &lift, &[]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);

        // The admin puts the contact right, then lifts the hold: María is
        // asked at her own address, and the audit says who lifted it.
        let guardian = maria(&app).await;
        let saved = app
            .submit_as(
                &w.admin,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "María"),
                    ("family_name", "Rivera"),
                    ("email", "maria@example.org"),
                    ("phone", ""),
                    ("language", "es"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(consent_requests(&app).await, requests, "still held");
        let lifted = app.submit_as(&w.admin, &record, &lift, &[]).await;
        assert_eq!(lifted.status(), StatusCode::SEE_OTHER);
        let asked = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(asked.text().contains("/consent/"), "{}", asked.text());
        assert_eq!(
            app.count("audit_log WHERE action = 'clear_address_report'")
                .await,
            1
        );
        let twice = app.submit_as(&w.admin, &record, &lift, &[]).await;
        assert_eq!(twice.status(), StatusCode::CONFLICT);
    }
}

/// A report link that was never sent, or is mistyped, opens nothing.
#[tokio::test]
async fn an_unknown_report_link_opens_nothing() {
    for backend in backends() {
        let app = crate::helpers::TestApp::spawn(backend).await;
        let client = new_client();
        let page = app
            .get_as(&client, "/address-report/not-a-real-token")
            .await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        let post = app
            .submit_as(&client, "/login", "/address-report/not-a-real-token", &[])
            .await;
        assert_eq!(post.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("address_report").await, 0);
    }
}

/// The student gives the place back while María's consent request waits:
/// her link says there is nothing left to decide, not to ask for a new one.
#[tokio::test]
async fn a_consent_link_of_a_placement_given_back_says_there_is_nothing_to_decide() {
    for backend in backends() {
        let Waiting {
            server: _server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let page = format!("/student/placements/{placement}");
        let withdrawn = app
            .submit_as(
                &w.student,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
        let response = app.get_as(&new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("This placement no longer goes ahead"),
            "{body}"
        );
        assert!(!body.contains("To get a new link"), "{body}");
    }
}

/// María's address is corrected away from the one her link went to, then
/// the student gives the place back: the old link says only that it
/// expired, not that the placement no longer goes ahead (eyes40 F6).
#[tokio::test]
async fn a_link_of_an_address_no_longer_used_says_expired_not_that_the_placement_was_given_back() {
    for backend in backends() {
        let Waiting {
            server: _server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        // The page in English whatever language her record says now.
        let link = format!("{}?lang=en", first.link("/consent/"));
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app.get_as(&new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("This consent link has expired")
        );

        let page = format!("/student/placements/{placement}");
        let withdrawn = app
            .submit_as(
                &w.student,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "withdrawn");
        let response = app.get_as(&new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(body.contains("This consent link has expired"), "{body}");
        assert!(!body.contains("no longer goes ahead"), "{body}");
        assert!(!body.contains("gave the place back"), "{body}");
    }
}

/// users.csv of Ana (with María) and Ben (with his father), in `language`.
fn two_families(language: &str) -> String {
    format!(
        "{}stu-2,true,sch-1,student,Ben,Okafor,10,,par-3,\n\
         par-3,true,sch-1,parent,Tunde,Okafor,,tunde@example.org,stu-2,{language}\n",
        users(language)
    )
}

#[tokio::test]
async fn a_roster_that_adds_a_contact_beside_a_family_tells_the_family_with_a_report_link() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let admin = app.admin().await;
        assert!(!upload(&app, &admin, &two_families("es")).await.refused);

        // The next export links a second contact to Ana, at an address
        // nobody in the family reads; nothing waits for consent.
        let added = format!(
            "{}par-2,true,sch-1,parent,Otra,Persona,,sneaky@attacker.example,stu-1,en\n",
            two_families("es")
        );
        let response = upload(&app, &admin, &added).await;
        assert!(!response.refused, "{}", response.page);
        let told = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            told.subject()
                .contains("Lincoln High añadió un contacto de padre, madre o tutor"),
            "{}",
            told.subject()
        );
        let text = told.text();
        assert!(
            text.contains("para Ana, con la dirección s•••@attacker.example"),
            "{text}"
        );
        assert!(
            !text.contains("sneaky@"),
            "the new address is masked: {text}"
        );
        // María reports it: the district is told and Ana's email consent
        // is held until an admin has looked.
        let report = told.link("/address-report/");
        let marias_browser = new_client();
        let page = app.get_as(&marias_browser, &report).await;
        assert_eq!(page.status(), StatusCode::OK);
        let body = page.text().await.unwrap();
        assert!(
            body.contains("dejó de escribir a esta dirección o añadió otro contacto"),
            "{body}"
        );
        let done = app.submit_as(&marias_browser, &report, &report, &[]).await;
        assert_eq!(done.status(), StatusCode::OK);
        let ana = "(SELECT id FROM student WHERE sourced_id = 'stu-1')";
        assert_eq!(
            app.count(&format!(
                "address_report WHERE reported_at IS NOT NULL AND student_id = {ana}"
            ))
            .await,
            1,
            "Ana's email consent is held"
        );
        server.wait_for_to(&admin.email, 1, 15).await;
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'correct_guardian' \
                 AND subject LIKE 'roster: guardian %: linked to student %, email sneaky@attacker.example'"
            )
            .await,
            1
        );
        // The same file again changes nothing and tells nobody again;
        // Ben's father, whose student got no new contact, is never told.
        assert!(!upload(&app, &admin, &added).await.refused);
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(server.received_to("maria@example.org").len(), 1);
        assert!(server.received_to("tunde@example.org").is_empty());
        assert!(server.received_to("sneaky@attacker.example").is_empty());
    }
}

#[tokio::test]
async fn a_roster_that_drops_a_familys_contact_while_nothing_waits_tells_her_but_not_at_a_years_end()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let admin = app.admin().await;
        assert!(!upload(&app, &admin, &two_families("en")).await.refused);

        // Ana stays, her mother's record replaced by another one; Ben
        // leaves with his father (a year's end). Nothing waits for consent.
        let replaced = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,par-2,\n\
             par-2,true,sch-1,parent,María,Rivera,,maria.home@attacker.example,stu-1,en\n";
        let response = upload(&app, &admin, replaced).await;
        assert!(!response.refused, "{}", response.page);
        assert!(
            response
                .page
                .contains("1 no longer on the roster (made inactive)"),
            "{}",
            response.page
        );
        let told = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            told.subject()
                .contains("Lincoln High no longer writes to this address"),
            "{}",
            told.subject()
        );
        assert!(
            !told.text().contains("is waiting"),
            "nothing waits: {}",
            told.text()
        );
        told.link("/address-report/");
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(
            server.received_to("maria@example.org").len(),
            1,
            "told once, of the end (not also of the contact added)"
        );
        assert!(
            server.received_to("tunde@example.org").is_empty(),
            "a family leaving with its student is not mailed"
        );
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'correct_guardian' \
                 AND subject LIKE 'roster: guardian %: made inactive (left out of the roster)'"
            )
            .await,
            1,
            "María's end is on the record, the year's end is not"
        );

        // Unlinked while still listed (her record kept for a sibling's
        // file, say): told too.
        let unlinked = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,,\n\
             par-2,true,sch-1,parent,María,Rivera,,maria.home@attacker.example,,en\n";
        assert!(!upload(&app, &admin, unlinked).await.refused);
        let told = server
            .wait_for_to("maria.home@attacker.example", 1, 15)
            .await
            .remove(0);
        assert!(
            told.subject().contains("no longer writes to this address"),
            "{}",
            told.subject()
        );
    }
}

/// The counselor's form cannot replace a family's contact unseen (eyes11c
/// F1): a contact added beside María tells her, with the report link, and
/// María made inactive is told too, whether or not consent waits.
#[tokio::test]
async fn a_contact_added_or_made_inactive_by_the_form_is_told_to_the_family() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let added = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians"),
                &[
                    ("given_name", "Maria"),
                    ("family_name", "Rivera"),
                    ("email", "carla.home@example.net"),
                    ("phone", ""),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            told.subject()
                .contains("added a parent or guardian contact"),
            "{}",
            told.subject()
        );
        assert!(
            !told.text().contains("carla.home@example.net"),
            "the new address is masked"
        );
        assert!(told.text().contains("/address-report/"), "{}", told.text());
        assert!(
            server.received_to("carla.home@example.net").is_empty(),
            "the new contact is not told of itself"
        );

        // A phone-only contact added: María reads that it has no email; when
        // the form later gives it one, she is told again (eyes11e F2, F4).
        let added = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians"),
                &[
                    ("given_name", "Grandpa"),
                    ("family_name", "Rivera"),
                    ("email", ""),
                    ("phone", "555-0100"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let phone_only = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            phone_only.text().contains("no email address"),
            "{}",
            phone_only.text()
        );
        assert!(!phone_only.text().contains("None"));
        let grandpa = entity::guardian::Entity::find()
            .filter(entity::guardian::Column::GivenName.eq("Grandpa"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let given = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", grandpa.id),
                &[
                    ("given_name", "Grandpa"),
                    ("family_name", "Rivera"),
                    ("email", "grandpa.home@example.net"),
                    ("phone", "555-0100"),
                    ("language", "en"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(given.status(), StatusCode::SEE_OTHER);
        let reachable = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(
            reachable
                .subject()
                .contains("added a parent or guardian contact"),
            "{}",
            reachable.subject()
        );

        // María made inactive with nothing waiting: she is told as well.
        let response = correct_maria(&app, &w, "maria@example.org", "false").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let ended = server
            .wait_for_to("maria@example.org", 4, 15)
            .await
            .remove(3);
        assert!(
            ended.subject().contains("no longer writes to this address"),
            "{}",
            ended.subject()
        );
        assert!(ended.text().contains("/address-report/"));
    }
}

/// A roster takes Ana and María off in one delta file, then puts Ana back
/// with a new contact in another: nobody active is left beside the new
/// contact, so María, still linked, is told at her address, with the
/// report link, and the link is on the record (eyes11e F1).
#[tokio::test]
async fn a_student_taken_off_and_put_back_with_a_new_contact_tells_the_family_they_had() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("en")).await;
        let delta = |users: &'static str| {
            let app = &app;
            let admin = &w.admin;
            async move {
                app.upload_roster_files(
                    admin,
                    &[
                        ("orgs", b"sourcedId,name,type\nsch-1,Lincoln High,school\n"),
                        ("users", users.as_bytes()),
                        ("manifest", b"propertyName,value\nfile.users,delta\n"),
                    ],
                )
                .await
            }
        };
        let off = delta(
            "sourcedId,status,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds\n\
             stu-1,tobedeleted,true,sch-1,student,Ana,Rivera,11,,par-1\n\
             par-1,tobedeleted,true,sch-1,parent,María,Rivera,,maria@example.org,stu-1\n",
        )
        .await;
        assert!(!off.refused, "{}", off.page);
        let back = delta(
            "sourcedId,status,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds\n\
             stu-1,active,true,sch-1,student,Ana,Rivera,11,,par-2\n\
             par-2,active,true,sch-1,parent,María,Rivera,,maria.home@attacker.example,stu-1\n",
        )
        .await;
        assert!(!back.refused, "{}", back.page);
        let told = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .pop()
            .unwrap();
        assert!(
            told.text()
                .contains("no longer lists this address as a contact of Ana"),
            "{}",
            told.text()
        );
        assert!(!told.text().contains("maria.home@attacker.example"));
        assert!(told.text().contains("/address-report/"));
        assert_eq!(
            app.count("audit_log WHERE subject LIKE '%linked to student%'")
                .await,
            1,
            "the new link is on the record"
        );
    }
}

#[tokio::test]
async fn a_stale_tab_of_the_record_cannot_undo_a_colleagues_change_to_a_contact() {
    for backend in backends() {
        let Waiting {
            server: _server,
            app,
            w,
            placement: _,
            first: _,
        } = waiting_for_maria(backend, "es").await;
        let record = format!("/counselor/students/{}", w.student_id);
        // Two tabs of the record, opened before any change.
        let stale = text(&app, &w.counselor.client, &record).await;
        let seen = stale
            .split("name=\"seen\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the form carries when it was read")
            .to_owned();
        let guardian = maria(&app).await;
        let action = format!("{record}/guardians/{}", guardian.id);
        let form = |active: &'static str, phone: &'static str, seen: String| {
            vec![
                ("given_name", "María".to_owned()),
                ("family_name", "Rivera".to_owned()),
                ("email", "maria@example.org".to_owned()),
                ("phone", phone.to_owned()),
                ("language", "es".to_owned()),
                ("active", active.to_owned()),
                ("seen", seen),
            ]
        };
        let post = |fields: Vec<(&'static str, String)>| {
            let (app, w, record, action) = (&app, &w, &record, &action);
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.submit_as(&w.counselor, record, action, &fields).await
            }
        };
        // The first tab makes María inactive (a custody change).
        let response = post(form("false", "", seen.clone())).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(!maria(&app).await.active);
        let requests = consent_requests(&app).await;
        // The second tab, opened before, only adds a phone number: it would
        // make her active again and mail her a new consent link.
        let response = post(form("true", "555-0100", seen)).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("changed this contact after you opened"),
            "{page}"
        );
        let after = maria(&app).await;
        assert!(!after.active, "still inactive");
        assert!(after.phone.is_none(), "nothing saved");
        assert_eq!(consent_requests(&app).await, requests, "nobody asked");
        // A fresh page carries the new stamp, and saves.
        let fresh = text(&app, &w.counselor.client, &record).await;
        let seen = fresh
            .split("name=\"seen\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();
        let response = post(form("false", "555-0100", seen)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(maria(&app).await.phone.is_some(), "saved from a fresh page");
    }
}

#[tokio::test]
async fn a_suspension_tells_the_family_not_to_go_and_holds_back_a_confirmation_still_waiting() {
    for backend in backends() {
        let Waiting {
            mut server,
            app,
            w,
            placement,
            first: _,
        } = waiting_for_maria(backend, "es").await;
        // The SMTP server goes down just as María consents: her
        // confirmation, with its calendar invitation, waits in the outbox.
        server.stop().await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
        let response = app
            .review(
                &w.admin.client,
                "Lakeshore Robotics",
                "suspend",
                "A complaint is being looked into.",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;
        // María hears, in Spanish, that Ana is not to go; the invitation
        // to the suspended organization's site never reaches her.
        let mails = server.wait_for_to("maria@example.org", 2, 30).await;
        let paused = &mails[1];
        assert!(
            paused.subject().contains("no debe ir"),
            "{}",
            paused.subject()
        );
        assert!(
            paused.text().contains("Lakeshore Robotics"),
            "{}",
            paused.text()
        );
        let mut withheld = 0;
        for _ in 0..100 {
            withheld = app
                .count(
                    "mail_outbox WHERE recipient = 'maria@example.org' \
                     AND subject LIKE '%confirmada%' AND last_error = 'withheld'",
                )
                .await;
            if withheld == 1 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(withheld, 1, "the confirmation is held back");
        assert!(
            server
                .received_to("maria@example.org")
                .iter()
                .all(|m| !m.subject().contains("confirmada")),
            "no confirmation reached her"
        );
    }
}

/// Ana signs in as `ana@students.org`: her `+tag` of it, or the same
/// address in other case, is still her inbox, and a consent link sent
/// there would let her consent for herself (eyes12b F2).
#[tokio::test]
async fn a_students_own_inbox_under_a_tag_is_not_a_guardians_address() {
    for backend in backends() {
        let Waiting { app, w, .. } = waiting_for_maria(backend, "en").await;
        for spelling in ["ana+mom@students.org", "Ana+Parent@Students.org"] {
            let response = correct_maria(&app, &w, spelling, "true").await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{spelling}"
            );
            assert_eq!(
                maria(&app).await.email.as_deref(),
                Some("maria@example.org"),
                "{spelling}: nothing saved"
            );
            assert_eq!(consent_requests(&app).await, 1, "no link was sent");
        }
        // Another inbox of the same school's mail system is a guardian's.
        let response = correct_maria(&app, &w, "ana.mom@students.org", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
}

/// A counselor corrects María's address; the next roster, from an SIS that
/// still has the old one, keeps the correction and says so, and nothing goes
/// to the address the school stopped using (eyes14a F4). Once the roster
/// agrees, it decides again: a later change in the SIS is applied.
#[tokio::test]
async fn a_roster_does_not_put_back_an_address_a_counselor_corrected() {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "en").await;
        let response = correct_maria(&app, &w, "maria.rivera@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let asked = server
            .wait_for_to("maria.rivera@example.net", 1, 15)
            .await
            .remove(0);
        let link = asked.link("/consent/");
        server.wait_for_to("maria@example.org", 2, 15).await;
        let to_old = "mail_outbox WHERE recipient = 'maria@example.org'";
        let before = app.count(to_old).await;

        let stale = upload(&app, &w.admin, &users("en")).await;
        assert!(!stale.refused, "{}", stale.page);
        assert!(
            stale
                .page
                .contains("a counselor corrected the email address of María Rivera"),
            "{}",
            stale.page
        );
        assert_eq!(
            maria(&app).await.email.as_deref(),
            Some("maria.rivera@example.net")
        );
        assert_eq!(
            app.get_as(&new_client(), &link).await.status(),
            StatusCode::OK,
            "the link at the corrected address still works"
        );
        assert_eq!(
            app.count(to_old).await,
            before,
            "nothing to the address the school stopped using"
        );

        // Nor does a roster that drops the contact and lists a new one at
        // the address the counselor removed (eyes14c F1).
        let replaced = users("en")
            .replace(
                "stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,",
                "stu-1,true,sch-1,student,Ana,Rivera,11,,par-2,",
            )
            .replace(
                "par-1,true,sch-1,parent,María,Rivera",
                "par-2,true,sch-1,parent,Mara,Rivera",
            );
        let sneaky = upload(&app, &w.admin, &replaced).await;
        assert!(!sneaky.refused, "{}", sneaky.page);
        assert!(
            sneaky
                .page
                .contains("is an address a counselor took off a guardian contact"),
            "{}",
            sneaky.page
        );
        assert_eq!(
            app.count("guardian WHERE email = 'maria@example.org'")
                .await,
            0,
            "the new contact has no address"
        );
        assert_eq!(
            app.count(to_old).await,
            before,
            "nothing to the removed address"
        );
        // Back to the roster that lists María (the new contact ends).
        assert!(!upload(&app, &w.admin, &users("en")).await.refused);

        // The SIS catches up, then changes the address itself: applied.
        let caught_up = users("en").replace("maria@example.org", "maria.rivera@example.net");
        assert!(!upload(&app, &w.admin, &caught_up).await.refused);
        assert_eq!(maria(&app).await.email_corrected_at, None);
        let moved = users("en").replace("maria@example.org", "maria.r@example.com");
        let later = upload(&app, &w.admin, &moved).await;
        assert!(!later.page.contains("corrected the email address"));
        assert_eq!(
            maria(&app).await.email.as_deref(),
            Some("maria.r@example.com")
        );
    }
}

/// A double click on "Add a guardian contact", and Back and Save again,
/// keep one contact who is asked once; another name at that address is
/// refused. María's double tap on "Record my decision", and a reload of its
/// answer, are told her decision was recorded (eyes14b F6).
#[tokio::test]
async fn a_contact_saved_twice_is_kept_once_and_a_second_tap_on_consent_is_told_it_was_recorded() {
    for backend in backends() {
        let Waiting { app, w, first, .. } = waiting_for_maria(backend, "en").await;
        let record = format!("/counselor/students/{}", w.student_id);
        let add = format!("{record}/guardians");
        let luis = [
            ("given_name", "Luis"),
            ("family_name", "Rivera"),
            ("email", "luis@example.org"),
            ("phone", ""),
            ("language", "es"),
        ];
        let (a, b) = tokio::join!(
            app.submit_as(&w.counselor, &record, &add, &luis),
            app.submit_as(&w.counselor, &record, &add, &luis),
        );
        assert_eq!(a.status(), StatusCode::SEE_OTHER);
        assert_eq!(b.status(), StatusCode::SEE_OTHER);
        let again = app.submit_as(&w.counselor, &record, &add, &luis).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count("guardian").await, 2, "María and one Luis");
        assert_eq!(
            app.count("consent_request WHERE email = 'luis@example.org'")
                .await,
            1,
            "Luis is asked once"
        );
        // Luis again with another language is a correction, not a replay.
        let mut in_english = luis;
        in_english[4] = ("language", "en");
        let response = app
            .submit_as(&w.counselor, &record, &add, &in_english)
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let mut rosa = luis;
        rosa[0] = ("given_name", "Rosa");
        let refused = app.submit_as(&w.counselor, &record, &add, &rosa).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = refused.text().await.unwrap();
        assert!(
            body.contains("already on the record as Luis Rivera"),
            "{body}"
        );
        assert_eq!(app.count("guardian").await, 2, "nothing written");

        let link = first.link("/consent/");
        let browser = new_client();
        let (a, b) = tokio::join!(
            give_consent(&app, &browser, &link),
            give_consent(&app, &browser, &link),
        );
        for response in [a, b] {
            assert_eq!(response.status(), StatusCode::OK);
            let page = response.text().await.unwrap();
            assert!(page.contains("your decision is recorded"), "{page}");
        }
        let reload = give_consent(&app, &browser, &link).await;
        assert_eq!(reload.status(), StatusCode::OK);
        assert!(reload.text().await.unwrap().contains("You gave consent"));
    }
}

/// The counselor adds a contact to Ana's record with `email`.
async fn add_contact(
    app: &crate::helpers::TestApp,
    counselor: &Client,
    student_id: i32,
    email: &str,
) -> reqwest::Response {
    let record = format!("/counselor/students/{student_id}");
    app.submit_as(
        counselor,
        &record,
        &format!("{record}/guardians"),
        &[
            ("given_name", "Rosa"),
            ("family_name", "Rivera"),
            ("email", email),
            ("phone", ""),
            ("language", "en"),
        ],
    )
    .await
}

/// No student's inbox anywhere in the district becomes a guardian's, but
/// the guardian form tells a counselor what kind of account an address is
/// only when they could know it anyway: a student of their own school or
/// of Ana's own family (her brother at another school), their own sign-in
/// or a colleague's. A student at another school, an employer, an admin or
/// a counselor elsewhere gets one message naming no kind of account, in
/// the counselor's language; an admin is told what it is (eyes14a F5).
#[tokio::test]
async fn the_guardian_form_does_not_say_what_kind_of_account_an_address_elsewhere_is() {
    for backend in backends() {
        let Waiting { app, w, .. } = waiting_for_maria(backend, "en").await;
        let school = lincoln(&app).await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        app.student(roosevelt, "Omar", "Lopez", 10).await;
        app.student(roosevelt, "Beto", "Rivera", 9).await;
        app.student(school, "Lea", "Park", 11).await;
        app.counselor_account("dana@lincoln.edu", &[school]).await;
        // Beto is Ana's brother: María is his guardian too.
        {
            use sea_orm::ActiveModelTrait;
            let beto = entity::student::Entity::find()
                .filter(entity::student::Column::FirstName.eq("Beto"))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            entity::student_guardian::ActiveModel {
                student_id: sea_orm::ActiveValue::Set(beto.id),
                guardian_id: sea_orm::ActiveValue::Set(maria(&app).await.id),
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        let contacts = || app.count("guardian");
        let before = contacts().await;
        let refused = async |client: &Client, email: &str| {
            let response = add_contact(&app, client, w.student_id, email).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{email}"
            );
            response.text().await.unwrap()
        };
        let neutral = "This address cannot receive consent mail for this student.";
        let is_student = "This address is a student&#x27;s sign-in address.";
        let is_staff = "This address signs in to a STEMbridge staff or employer account.";
        let elsewhere = format!("counselor-{roosevelt}@school.edu");
        for email in [
            "omar@students.org",
            "Omar+mom@Students.org",
            "erin@lakeshore.org",
            w.admin.email.as_str(),
            elsewhere.as_str(),
        ] {
            let body = refused(&w.counselor, email).await;
            assert!(body.contains(neutral), "{email}: {body}");
            for kind in [is_student, is_staff] {
                assert!(!body.contains(kind), "{email} named as {kind}: {body}");
            }
        }
        for (email, kind) in [
            ("ana@students.org", is_student),
            ("beto@students.org", is_student),
            ("lea@students.org", is_student),
            ("carla@lincoln.edu", is_staff),
            ("dana@lincoln.edu", is_staff),
        ] {
            let body = refused(&w.counselor, email).await;
            assert!(body.contains(kind), "{email}: {body}");
            assert!(!body.contains(neutral), "{email}: {body}");
        }
        // The same from the correction form, and in Spanish.
        app.get_as(&w.counselor, "/language/es").await;
        let response = correct_maria(&app, &w, "omar@students.org", "true").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(
            body.contains(
                "Esta dirección no puede recibir el correo de consentimiento para este estudiante."
            ),
            "{body}"
        );
        assert!(
            !body.contains("Esta dirección es la dirección de inicio de sesión de un estudiante"),
            "{body}"
        );
        // An admin sees every school: told what it is.
        let body = refused(&w.admin, "omar@students.org").await;
        assert!(body.contains(is_student), "{body}");
        let body = refused(&w.admin, "erin@lakeshore.org").await;
        assert!(body.contains(is_staff), "{body}");
        // Nothing was saved, and nobody was asked.
        assert_eq!(contacts().await, before);
        assert_eq!(
            maria(&app).await.email.as_deref(),
            Some("maria@example.org")
        );
        assert_eq!(consent_requests(&app).await, 1);
    }
}
