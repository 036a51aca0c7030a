//! How a family reaches its child's school (eyes18b F4, F10): the school's
//! number and office address, set by its counselors, in every guardian
//! mail (under the line in the family's language, and in the footer) and
//! on every page the mail's links open; and those pages in the guardian's
//! own language, whatever language someone else left on the browser.
//! Real SMTP throughout.

use reqwest::{StatusCode, header::COOKIE};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{accept, app_with_smtp, cookieless, text, users, world},
    helpers::{TestApp, backends, location},
    mail_server::{MailServer, Received},
};

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

async fn lincoln(app: &TestApp) -> entity::school::Model {
    entity::school::Entity::find()
        .filter(entity::school::Column::SourcedId.eq("sch-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// The counselor sends the consent request again; the mail María gets.
async fn resend(
    app: &TestApp,
    counselor: &reqwest::Client,
    server: &MailServer,
    placement: i32,
) -> Received {
    let before = server.received_to("maria@example.org").len();
    let response = app
        .submit_as(
            counselor,
            "/counselor/placements",
            &format!("/counselor/placements/{placement}/consent-resend"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    server
        .wait_for_to("maria@example.org", before + 1, 15)
        .await
        .pop()
        .unwrap()
}

#[tokio::test]
async fn a_family_told_to_contact_the_school_finds_its_number_in_the_mail_and_on_the_page() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        // María reads Vietnamese: her mail is English with a line in Vietnamese.
        let w = world(&app, &users("vi")).await;
        let school = lincoln(&app).await;
        let form = format!("/counselor/schools/{}/contact", school.id);

        // No contact yet: the counselor is told, the mail reads as before.
        let dashboard = text(&app, &w.counselor, "/counselor/dashboard").await;
        assert!(
            dashboard.contains("Families cannot reach Lincoln High from our emails"),
            "{dashboard}"
        );
        assert!(
            dashboard.contains(&format!("href=\"{form}\"")),
            "{dashboard}"
        );
        let placement = accept(&app, &w).await;
        let first = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            first.text().contains("Thư này từ trường"),
            "{}",
            first.text()
        );
        assert!(
            !first.text().contains("Questions? Contact"),
            "{}",
            first.text()
        );
        assert!(!first.text().contains('☎'), "{}", first.text());

        // What is not a number a family can dial is refused, nothing saved.
        for (phone, email, says) in [
            (
                "call the office",
                "",
                "Write a telephone number of 7 to 15 digits",
            ),
            ("555-014", "", "Write a telephone number of 7 to 15 digits"),
            ("312 555 0142 or 0143", "", "Write a telephone number"),
            ("(312) 555-0142\n204", "", "must fit on one line"),
            (
                "(312) 555-0142",
                "office@",
                "Enter an email address like name@example.org",
            ),
            ("(312) 555-0142", "oﬃce@lincoln.edu", "letters"),
        ] {
            let response = app
                .submit_as(
                    &w.counselor,
                    &form,
                    &form,
                    &[("phone", phone), ("email", email)],
                )
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{phone} {email}"
            );
            let page = response.text().await.unwrap();
            if says != "letters" {
                assert!(page.contains(says), "{phone} {email}: {page}");
            }
            let kept = lincoln(&app).await;
            assert_eq!((kept.contact_phone, kept.contact_email), (None, None));
        }
        // Another school's counselor cannot set it.
        let other = app.counselor_at(app.school("Roosevelt High").await).await;
        let response = app
            .submit_as(
                &other,
                "/counselor/dashboard",
                &form,
                &[("phone", "(312) 555-0199")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(lincoln(&app).await.contact_phone, None);

        let response = app
            .submit_as(
                &w.counselor,
                &form,
                &form,
                &[
                    ("phone", " (312) 555-0142 ext. 204 "),
                    ("email", "Office@Lincoln.edu"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), form);
        let saved = lincoln(&app).await;
        assert_eq!(
            saved.contact_phone.as_deref(),
            Some("(312) 555-0142 ext. 204")
        );
        assert_eq!(saved.contact_email.as_deref(), Some("office@lincoln.edu"));
        let dashboard = text(&app, &w.counselor, "/counselor/dashboard").await;
        assert!(!dashboard.contains("Families cannot reach"), "{dashboard}");

        // The mail: the number under the Vietnamese line (kept left to
        // right), and again in the footer, in the mail's language.
        let mail = resend(&app, &w.counselor, &server, placement).await;
        let body = mail.text();
        let numbers =
            format!("☎ {LRI}(312) 555-0142 ext. 204{PDI}  ✉ {LRI}office@lincoln.edu{PDI}");
        let line = body.find("Thư này từ trường").expect("the Vietnamese line");
        let under = body.find(&numbers).expect("the numbers");
        assert!(under > line, "{body}");
        assert!(
            body.contains(&format!("Questions? Contact Lincoln High: {numbers}")),
            "{body}"
        );
        let html = mail.html();
        assert!(
            html.contains(r#"<a href="tel:3125550142">(312) 555-0142 ext. 204</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="mailto:office@lincoln.edu">"#),
            "{html}"
        );
        assert!(html.contains(r#"id="school-contact""#), "{html}");

        // The page the link opens says it too, on top and in Spanish when
        // she picks Spanish.
        let link = mail.link("/consent/");
        let page = text(&app, &cookieless(), &link).await;
        assert!(page.contains(r#"id="school-contact""#), "{page}");
        assert!(page.contains("Questions? Contact Lincoln High:"), "{page}");
        assert!(page.contains(r#"href="tel:3125550142""#), "{page}");
        let page = text(&app, &cookieless(), &format!("{link}?lang=es")).await;
        assert!(
            page.contains("¿Preguntas? Comuníquese con Lincoln High:"),
            "{page}"
        );
        let settings = mail.link("/email/");
        let page = text(&app, &cookieless(), &settings).await;
        assert!(page.contains(r#"href="tel:3125550142""#), "{page}");

        // Emptied again: back to today's text, and the counselor is told.
        let response = app
            .submit_as(&w.counselor, &form, &form, &[("phone", ""), ("email", "")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let mail = resend(&app, &w.counselor, &server, placement).await;
        assert!(!mail.text().contains('☎'), "{}", mail.text());
        let dashboard = text(&app, &w.counselor, "/counselor/dashboard").await;
        assert!(
            dashboard.contains("Families cannot reach Lincoln High"),
            "{dashboard}"
        );
    }
}

/// eyes18b F10: the family's one computer, where the student picked
/// English for the whole site: a Spanish guardian's link still opens in
/// Spanish; the switch on that page still changes it.
#[tokio::test]
async fn a_guardians_page_follows_her_language_over_a_cookie_someone_else_left() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("es")).await;
        accept(&app, &w).await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        for link in [mail.link("/consent/"), mail.link("/email/")] {
            let page = cookieless()
                .get(app.url(&link))
                .header(COOKIE, "lang=en")
                .header("Accept-Language", "en-US")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(page.contains("<html lang=\"es\""), "{link}: {page}");
            // Her own switch, on this page, is followed.
            let page = cookieless()
                .get(app.url(&format!("{link}?lang=en")))
                .header(COOKIE, "lang=es")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(page.contains("<html lang=\"en\""), "{link}: {page}");
        }
        // A page of the site that is not hers still follows the cookie.
        let page = cookieless()
            .get(app.url("/login"))
            .header(COOKIE, "lang=en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("<html lang=\"en\""), "{page}");
    }
}

/// María, with Ana at Lincoln and Leo at Roosevelt, each school with its
/// number (Roosevelt's set first, so it is the first school that set one);
/// Ana has applied.
async fn family_of_two_schools(
    backend: crate::helpers::Backend,
) -> (MailServer, TestApp, crate::families::World) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let server = MailServer::start().await;
    let app = app_with_smtp(backend, &server).await;
    let roosevelt = app.school("Roosevelt Middle").await;
    let w = world(&app, &users("es")).await;
    let lincoln = lincoln(&app).await;
    app.roster_student(roosevelt, "Leo", "Rivera", 7, "leo-code-1")
        .await;
    let leo = entity::student::Entity::find()
        .filter(entity::student::Column::FirstName.eq("Leo"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let maria = entity::guardian::Entity::find()
        .filter(entity::guardian::Column::Email.eq("maria@example.org"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    entity::student_guardian::ActiveModel {
        student_id: Set(leo.id),
        guardian_id: Set(maria.id),
    }
    .insert(&app.db)
    .await
    .unwrap();
    for (school, phone) in [
        (roosevelt, "(312) 555-0101"),
        (lincoln.id, "(312) 555-0142"),
    ] {
        let form = format!("/counselor/schools/{school}/contact");
        let response = app
            .submit_as(&w.admin, &form, &form, &[("phone", phone), ("email", "")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{school}");
    }
    (server, app, w)
}

/// eyes20 F6: a guardian with children at two schools opens a consent
/// link: the page names the school of that placement's student, as the
/// mail did, not the first school that set a contact.
#[tokio::test]
async fn a_consent_page_names_the_school_of_its_placement_for_a_family_of_two_schools() {
    for backend in backends() {
        let (_server, app, w) = family_of_two_schools(backend).await;

        // Ana's placement is at Lincoln: her mother's link says Lincoln.
        accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let page = text(&app, &cookieless(), &link).await;
        assert!(page.contains(r#"href="tel:3125550142""#), "{page}");
        assert!(page.contains("Lincoln High"), "{page}");
        assert!(!page.contains("3125550101"), "not Roosevelt's: {page}");
    }
}

/// The same family: María consents to Ana's placement at Lincoln. Her
/// confirmation names Lincoln and gives Lincoln's number, and the page its
/// withdrawal link opens gives Lincoln's number too, not Roosevelt's (the
/// first school that set one).
#[tokio::test]
async fn a_confirmation_and_its_withdrawal_page_name_the_school_of_their_placement_for_a_family_of_two_schools()
 {
    for backend in backends() {
        let (server, app, w) = family_of_two_schools(backend).await;
        accept(&app, &w).await;
        let link = app.consent_link_mailed_to("maria@example.org").await;
        let guardian = crate::helpers::new_client();
        app.get_as(&guardian, &link).await;
        let response = crate::families::give_consent(&app, &guardian, &link).await;
        assert_eq!(response.status(), StatusCode::OK);

        let confirmed = server
            .wait_for_subject("maria@example.org", "está confirmada", 30)
            .await;
        let mail = confirmed.text();
        assert!(mail.contains("Lincoln High"), "{mail}");
        assert!(mail.contains("555-0142"), "{mail}");
        assert!(!mail.contains("555-0101"), "not Roosevelt's: {mail}");
        let withdraw = confirmed.link("/withdraw/");
        let page = text(&app, &cookieless(), &withdraw).await;
        assert!(page.contains(r#"href="tel:3125550142""#), "{page}");
        assert!(!page.contains("3125550101"), "not Roosevelt's: {page}");
    }
}

/// A family with children at two schools: a contact added to the second
/// school's child is told of by that school, with its number, in the mail
/// and on the report page the mail links to; not by the first child's
/// school (eyes40 F5).
#[tokio::test]
async fn a_contact_added_to_one_child_is_told_by_that_childs_school_and_its_number() {
    const ORGS: &str =
        "sourcedId,name,type\nsch-1,Lincoln High,school\nsch-2,Roosevelt Middle,school\n";
    const DEMOGRAPHICS: &str =
        "sourcedId,birthDate,sex\nstu-1,2011-05-01,female\nstu-2,2013-02-01,male\n";
    let users = |rosa: bool| {
        let mut csv = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,\n"
            .to_owned();
        if rosa {
            csv.push_str(
                "stu-2,true,sch-2,student,Beto,Rivera,7,,\"par-1,par-3\",\n\
                 par-3,true,sch-2,parent,Rosa,Rivera,,rosa@example.org,stu-2,en\n",
            );
        } else {
            csv.push_str("stu-2,true,sch-2,student,Beto,Rivera,7,,par-1,\n");
        }
        csv.push_str(
            "par-1,true,\"sch-1,sch-2\",parent,Jorge,Rivera,,jorge@example.org,\"stu-1,stu-2\",en\n",
        );
        csv
    };
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let admin = app.admin().await;
        let first = app
            .upload_roster(
                &admin,
                ORGS.as_bytes(),
                users(false).as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!first.refused, "{}", first.page);
        for (sourced_id, phone, email) in [
            ("sch-1", "(312) 555-0100", "office@lincoln.edu"),
            ("sch-2", "(312) 555-0200", "office@roosevelt.edu"),
        ] {
            let school = entity::school::Entity::find()
                .filter(entity::school::Column::SourcedId.eq(sourced_id))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            let form = format!("/counselor/schools/{}/contact", school.id);
            let response = app
                .submit_as(&admin, &form, &form, &[("phone", phone), ("email", email)])
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{sourced_id}");
        }
        let before = server.received_to("jorge@example.org").len();

        // The roster adds Rosa as a contact of Beto (Roosevelt) only.
        let second = app
            .upload_roster(
                &admin,
                ORGS.as_bytes(),
                users(true).as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!second.refused, "{}", second.page);
        let mail = server
            .wait_for_to("jorge@example.org", before + 1, 15)
            .await
            .pop()
            .unwrap();
        assert_eq!(
            mail.subject(),
            "Roosevelt Middle added a parent or guardian contact"
        );
        let body = mail.text();
        assert!(
            body.contains("Roosevelt Middle added another parent or guardian contact for Beto"),
            "{body}"
        );
        assert!(
            body.contains("(312) 555-0200") && body.contains("office@roosevelt.edu"),
            "{body}"
        );
        assert!(
            !body.contains("Lincoln High") && !body.contains("555-0100"),
            "{body}"
        );

        // The report page the notice links to names the same school.
        let report = mail.link("/address-report/");
        let response = cookieless().get(app.url(&report)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Roosevelt Middle") && page.contains("(312) 555-0200"),
            "{page}"
        );
        assert!(
            !page.contains("Lincoln High") && !page.contains("555-0100"),
            "{page}"
        );
    }
}
