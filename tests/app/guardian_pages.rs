//! What a guardian's pages and mail say, and in which language (eyes18b
//! F5, F8, F11, F13): a
//! link made moot by another guardian's answer says so, not that it was
//! used; the settings page's withdrawal form keeps the language the reader
//! picked on the page; the posting's own English in Spanish mail is
//! marked as English; a counselor reads the mentor card as staff.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{accept, app_with_smtp, cookieless, give_consent, world},
    helpers::{backends, new_client},
    mail_server::MailServer,
};

/// Ana with two guardians the school writes to in Spanish.
fn two_guardians() -> String {
    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
     stu-1,true,sch-1,student,Ana,Rivera,11,,par-1;par-2,\n\
     par-1,true,sch-1,parent,María,Rivera,,maria@example.org,stu-1,es\n\
     par-2,true,sch-1,parent,Jorge,Rivera,,jorge@example.org,stu-1,es\n"
        .to_owned()
}

#[tokio::test]
async fn a_link_made_moot_by_another_guardian_says_who_answered_and_the_withdrawal_form_keeps_the_pages_language()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &two_guardians()).await;
        let placement = accept(&app, &w).await;
        let maria = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        let jorge = server
            .wait_for_to("jorge@example.org", 1, 15)
            .await
            .remove(0);
        // The posting's own English title and schedule, in her Spanish
        // mail, are marked as English (eyes18b F13).
        let html = maria.html();
        assert!(
            html.contains(r#"<h2 style="font-size: 1.1em;" lang="en">"#),
            "{html}"
        );
        assert!(html.contains(r#"<td lang="en">"#), "{html}");
        let response = give_consent(&app, &new_client(), &maria.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);

        // Jorge never used his link: he is told another guardian answered.
        let response = cookieless()
            .get(app.url(&format!("{}?lang=en", jorge.link("/consent/"))))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Another parent or guardian already answered"),
            "{body}"
        );
        assert!(body.contains("nobody used yours"), "{body}");
        assert!(
            !body.contains("This consent link was already used"),
            "{body}"
        );
        // The employer names a mentor: the counselor's page calls them
        // the student's mentor, not "your" mentor (eyes18b F5).
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        let manage = format!("/employer/placements/{placement}");
        let response = app
            .submit_as(
                &employer,
                &manage,
                &format!("{manage}/mentor"),
                &[
                    ("name", "Dr. Rosa Diaz"),
                    ("role", "Engineer"),
                    ("languages", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let record = format!("/counselor/placements/{placement}");
        let page = crate::families::text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("<h2>The student&#x27;s mentor</h2>")
                || page.contains("<h2>The student's mentor</h2>"),
            "{page}"
        );
        assert!(!page.contains("Your mentor"), "{page}");
        let page = w
            .counselor
            .get(app.url(&record))
            .header("Accept-Language", "es")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("<h2>El mentor del estudiante</h2>"), "{page}");

        // María's own link, used, still says so.
        let response = cookieless()
            .get(app.url(&format!("{}?lang=en", maria.link("/consent/"))))
            .send()
            .await
            .unwrap();
        let body = response.text().await.unwrap();
        assert!(
            body.contains("This consent link was already used"),
            "{body}"
        );

        // Her settings page, switched to English on the page: the
        // withdrawal form posts back in English, and answers in English.
        let settings = format!("{}?lang=en", maria.link("/email/"));
        let client = cookieless();
        let page = client
            .get(app.url(&settings))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("<html lang=\"en\""), "{page}");
        let ask = format!("{}/withdraw-link?lang=en", maria.link("/email/"));
        assert!(
            page.replace("&#x2f;", "/")
                .contains(&format!("action=\"{ask}\"")),
            "{page}"
        );
        let response = app
            .submit_as(
                &client,
                &settings,
                &ask,
                &[("placement", placement.to_string().as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        assert!(body.contains("<html lang=\"en\""), "{body}");
        assert!(body.contains("id=\"link-mailed\""), "{body}");
    }
}

/// eyes18b F7: a Chinese name split by the roster into given and family
/// name is greeted family name first, with no space, as it is read.
#[tokio::test]
async fn a_chinese_name_is_greeted_family_name_first() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Chen,11,,par-1,\n\
             par-1,true,sch-1,parent,美玲,陳,,meiling@example.org,stu-1,zh-TW\n";
        let w = world(&app, users).await;
        accept(&app, &w).await;
        let mail = server
            .wait_for_to("meiling@example.org", 1, 15)
            .await
            .remove(0);
        assert!(mail.text().contains("Hello 陳美玲,"), "{}", mail.text());
        assert!(!mail.text().contains("美玲 陳"), "{}", mail.text());
    }
}

/// María, the only guardian on file, holds two links of one placement
/// (the request and the one the counselor sent again) and answers through
/// the newer: her older link says she already answered, in her Spanish
/// and in English, never that another parent did; posting its form says
/// the same (eyes20 F7).
#[tokio::test]
async fn a_guardians_older_link_says_she_already_answered_not_that_another_parent_did() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &crate::families::users("es")).await;
        let placement = accept(&app, &w).await;
        let first = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let mut second = None;
        for _ in 0..150 {
            second = server
                .received_to("maria@example.org")
                .into_iter()
                .filter(|m| m.subject().contains("Se necesita su consentimiento"))
                .nth(1);
            if second.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let second = second.expect("the request sent again");
        assert_ne!(first.link("/consent/"), second.link("/consent/"));
        let response = give_consent(&app, &new_client(), &second.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);

        let older = first.link("/consent/");
        for (lang, answered) in [("en", "You already answered"), ("es", "Usted ya respondió")] {
            let response = cookieless()
                .get(app.url(&format!("{older}?lang={lang}")))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::GONE);
            let body = response.text().await.unwrap();
            assert!(body.contains(answered), "{body}");
            for wrong in [
                "Another parent",
                "Otro padre",
                "nobody used yours",
                "nadie usó el suyo",
            ] {
                assert!(!body.contains(wrong), "{wrong}: {body}");
            }
        }
        let response = give_consent(&app, &new_client(), &older).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(body.contains("Usted ya respondió"), "{body}");
    }
}

/// What a link says once it no longer speaks for its holder comes before
/// who decided (eyes20 F8): Jorge, taken out of the family's record after
/// María answered, gets the neutral page, not "another parent answered";
/// a placement the school started because Ana is 18 by its start tells
/// María's unused link the decision is not the family's, not "already
/// used".
#[tokio::test]
async fn a_removed_contacts_link_says_nothing_of_who_answered_and_an_adults_start_is_not_a_used_link()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &two_guardians()).await;
        accept(&app, &w).await;
        let maria = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        let jorge = server
            .wait_for_to("jorge@example.org", 1, 15)
            .await
            .remove(0);
        let response = give_consent(&app, &new_client(), &maria.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let jorge_id = entity::guardian::Entity::find()
            .filter(entity::guardian::Column::SourcedId.eq("par-2"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{jorge_id}"),
                &[
                    ("given_name", "Jorge"),
                    ("family_name", "Rivera"),
                    ("email", "jorge@example.org"),
                    ("phone", ""),
                    ("language", "es"),
                    ("active", "false"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = cookieless()
            .get(app.url(&format!("{}?lang=en", jorge.link("/consent/"))))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(body.contains("This consent link has expired"), "{body}");
        assert!(!body.contains("answered"), "{body}");
    }
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &two_guardians()).await;
        let placement = accept(&app, &w).await;
        let maria = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/birth-date"),
                &[
                    ("date_of_birth", "2000-01-10"),
                    ("start_without_consent", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            crate::families::placement_status(&app, placement).await,
            "active"
        );
        let response = cookieless()
            .get(app.url(&format!("{}?lang=en", maria.link("/consent/"))))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(
            body.contains("A guardian&#x27;s consent is not needed")
                || body.contains("A guardian's consent is not needed"),
            "{body}"
        );
        assert!(!body.contains("already used"), "{body}");
    }
}
