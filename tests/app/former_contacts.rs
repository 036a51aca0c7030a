//! A parent taken off a child's record (a custody change: the roster
//! unlinks them, the school makes them inactive) learns nothing of where
//! the child goes next (eyes41 F1a, F1b, F2): the notice that their contact
//! ended speaks for the school the child was at, and the pages their old
//! links open (withdrawal, report, consent, settings) name no school of a
//! child who is no longer theirs, nor say what became of the child.
//! Real SMTP throughout.

use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{accept, app_with_smtp, cookieless, give_consent, text, world},
    guardian_contacts::{Waiting, correct_maria, waiting_for_maria},
    helpers::{TestApp, TestUser, backends, new_client},
    mail_server::MailServer,
};

const ORGS: &str =
    "sourcedId,name,type\nsch-1,Lincoln High,school\nsch-2,Roosevelt Middle,school\n";
const DEMOGRAPHICS: &str =
    "sourcedId,birthDate,sex\nstu-1,2011-05-01,female\nstu-2,2013-02-01,male\n";
const HEADER: &str = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n";

/// What a former contact must not read: the school the child moved to,
/// its number or its address.
const NEW_SCHOOL: [&str; 3] = ["Roosevelt Middle", "555-0200", "office@roosevelt.edu"];

fn assert_no_new_school(what: &str, body: &str) {
    for word in NEW_SCHOOL {
        assert!(!body.contains(word), "{what} names {word}: {body}");
    }
}

/// users.csv: Ana (at `ana_school`) and her brother Leo (Lincoln); their
/// father Jorge and Ana's mother Rosa, each on the records `jorge` and
/// `rosa` list; Carmen, when listed, on Ana's.
fn users(ana_school: &str, jorge: &str, rosa: &str, carmen: bool) -> String {
    let ana_agents: Vec<&str> = [
        jorge.contains("stu-1").then_some("par-1"),
        rosa.contains("stu-1").then_some("par-2"),
        carmen.then_some("par-3"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut csv = format!(
        "{HEADER}stu-1,true,{ana_school},student,Ana,Rivera,11,,\"{}\",\n\
         stu-2,true,sch-1,student,Leo,Rivera,7,,par-1,\n\
         par-1,true,sch-1,parent,Jorge,Rivera,,jorge@example.org,\"{jorge}\",en\n\
         par-2,true,sch-1,parent,Rosa,Rivera,,rosa@example.org,\"{rosa}\",en\n",
        ana_agents.join(",")
    );
    if carmen {
        csv.push_str("par-3,true,sch-2,parent,Carmen,Díaz,,carmen@example.org,stu-1,en\n");
    }
    csv
}

async fn upload(app: &TestApp, admin: &reqwest::Client, users: &str) {
    let done = app
        .upload_roster(
            admin,
            ORGS.as_bytes(),
            users.as_bytes(),
            DEMOGRAPHICS.as_bytes(),
        )
        .await;
    assert!(!done.refused, "{}", done.page);
}

/// Lincoln's and Roosevelt's numbers and office addresses, set by the admin.
async fn set_school_contacts(app: &TestApp, admin: &reqwest::Client) {
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
            .submit_as(admin, &form, &form, &[("phone", phone), ("email", email)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{sourced_id}");
    }
}

/// F1a: one roster moves Ana to Roosevelt and takes her father Jorge (who
/// keeps Leo, at Lincoln) and her mother Rosa (no child left) off her
/// record. Each is told, by Lincoln, the school Ana was at while they were
/// her contacts: never Roosevelt's name, number or address, in the mail
/// or on the report page it links to.
#[tokio::test]
async fn a_roster_that_moves_a_child_and_drops_a_parent_mails_the_parent_the_school_the_child_was_at()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let admin = app.admin().await;
        upload(&app, &admin, &users("sch-1", "stu-1,stu-2", "stu-1", false)).await;
        set_school_contacts(&app, &admin).await;
        let jorge_before = server.received_to("jorge@example.org").len();
        let rosa_before = server.received_to("rosa@example.org").len();

        upload(&app, &admin, &users("sch-2", "stu-2", "", true)).await;
        for (address, before) in [
            ("jorge@example.org", jorge_before),
            ("rosa@example.org", rosa_before),
        ] {
            let mail = server
                .wait_for_to(address, before + 1, 15)
                .await
                .pop()
                .unwrap();
            assert_eq!(
                mail.subject(),
                "Lincoln High no longer writes to this address",
                "{address}"
            );
            let body = mail.text();
            assert_no_new_school(address, &body);
            assert_no_new_school(address, &mail.html());
            assert!(
                body.contains("(312) 555-0100") && body.contains("office@lincoln.edu"),
                "{body}"
            );
            let report = mail.link("/address-report/");
            let response = cookieless().get(app.url(&report)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{address}");
            assert_no_new_school(address, &response.text().await.unwrap());
        }
    }
}

/// The family of [`users`] with Ana's placement confirmed by Jorge, and
/// the links his mail holds.
struct Confirmed {
    server: MailServer,
    app: TestApp,
    admin: TestUser,
    counselor: TestUser,
    leo: i32,
    consent: String,
    withdraw: String,
    settings: String,
}

async fn confirmed(backend: crate::helpers::Backend) -> Confirmed {
    let server = MailServer::start().await;
    let app = app_with_smtp(backend, &server).await;
    let w = world(&app, &users("sch-1", "stu-1,stu-2", "stu-2", false)).await;
    upload(
        &app,
        &w.admin,
        &users("sch-1", "stu-1,stu-2", "stu-2", false),
    )
    .await;
    set_school_contacts(&app, &w.admin).await;
    accept(&app, &w).await;
    let consent = app.consent_link_mailed_to("jorge@example.org").await;
    let browser = new_client();
    app.get_as(&browser, &consent).await;
    let given = give_consent(&app, &browser, &consent).await;
    assert_eq!(given.status(), StatusCode::OK);
    let mail = server
        .wait_for_subject("jorge@example.org", "is confirmed", 30)
        .await;
    let leo = entity::student::Entity::find()
        .filter(entity::student::Column::SourcedId.eq("stu-2"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    Confirmed {
        withdraw: mail.link("/withdraw/"),
        settings: mail.link("/email/"),
        server,
        app,
        admin: w.admin,
        counselor: w.counselor,
        leo,
        consent,
    }
}

/// F1b: Jorge, taken off Ana's record by the roster that moves her to
/// Roosevelt (he keeps Leo, at Lincoln), opens the links of his older mail
/// and of the notice: no page names Roosevelt, not even once the report
/// link has run out its days. Made inactive as well, his settings page
/// names no school at all.
#[tokio::test]
async fn old_links_of_a_contact_taken_off_a_moved_childs_record_name_none_of_its_schools() {
    for backend in backends() {
        let Confirmed {
            server,
            app,
            admin,
            counselor,
            leo,
            consent,
            withdraw,
            settings,
        } = confirmed(backend).await;
        // While he is Ana's contact, the withdrawal page is Lincoln's.
        let page = text(&app, &cookieless(), &withdraw).await;
        assert!(page.contains("555-0100"), "{page}");
        let before = server.received_to("jorge@example.org").len();

        upload(&app, &admin, &users("sch-2", "stu-2", "stu-2", true)).await;
        let notice = server
            .wait_for_to("jorge@example.org", before + 1, 15)
            .await
            .pop()
            .unwrap();
        let report = notice.link("/address-report/");
        for (what, link) in [
            ("withdrawal", &withdraw),
            ("consent", &consent),
            ("settings", &settings),
            ("report", &report),
        ] {
            let page = text(&app, &cookieless(), link).await;
            assert_no_new_school(what, &page);
            // Leo's school, still his, answers instead.
            assert!(page.contains("555-0100"), "{what}: {page}");
        }

        // The report link past its days.
        entity::address_report::Entity::update_many()
            .col_expr(
                entity::address_report::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::days(1)),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let response = cookieless().get(app.url(&report)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_no_new_school("expired report", &response.text().await.unwrap());

        // Lincoln makes him inactive on Leo's record: he is nobody's contact.
        let record = format!("/counselor/students/{leo}");
        let jorge = entity::guardian::Entity::find()
            .filter(entity::guardian::Column::Email.eq("jorge@example.org"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let response = app
            .submit_as(
                &counselor,
                &record,
                &format!("{record}/guardians/{}", jorge.id),
                &[
                    ("given_name", "Jorge"),
                    ("family_name", "Rivera"),
                    ("email", "jorge@example.org"),
                    ("phone", ""),
                    ("language", "en"),
                    ("active", "false"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        for (what, link) in [
            ("withdrawal", &withdraw),
            ("consent", &consent),
            ("settings", &settings),
            ("report", &report),
        ] {
            let page = text(&app, &cookieless(), link).await;
            assert_no_new_school(what, &page);
            assert!(
                !page.contains("555-0100") && !page.contains("Lincoln High"),
                "{what} of an inactive contact: {page}"
            );
        }
    }
}

/// F2: María, made inactive on Ana's record, holds her consent link. It
/// answers "expired" whatever becomes of Ana: that she left the roster, or
/// that the school's record now makes her an adult, is not hers to read.
#[tokio::test]
async fn an_old_consent_link_of_a_removed_contact_says_expired_before_anything_about_the_child() {
    for backend in backends() {
        let Waiting { app, w, first, .. } = waiting_for_maria(backend, "en").await;
        let link = format!("{}?lang=en", first.link("/consent/"));
        let response = correct_maria(&app, &w, "maria@example.org", "false").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let ana = entity::student::Entity::find_by_id(w.student_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let left = entity::student::ActiveModel {
            active: Set(false),
            ..ana.clone().into()
        };
        let adult = entity::student::ActiveModel {
            active: Set(true),
            date_of_birth: Set(Some(chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap())),
            ..ana.clone().into()
        };
        for (what, change) in [
            ("as she was", None),
            ("left", Some(left)),
            ("adult", Some(adult)),
        ] {
            if let Some(change) = change {
                change.update(&app.db).await.unwrap();
            }
            let response = cookieless().get(app.url(&link)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::GONE, "{what}");
            let body = response.text().await.unwrap();
            assert!(
                body.contains("This consent link has expired"),
                "{what}: {body}"
            );
            for word in ["no longer lists", "18 or older", "waits for the school"] {
                assert!(!body.contains(word), "{what}: {word} in {body}");
            }
        }
    }
}

/// eyes41b G1: Lincoln made Ana's mother Rosa (who reads Vietnamese, which
/// we do not write) inactive; she stays on the record. One roster then
/// moves Ana to Roosevelt and adds Carmen: Rosa is told, by Lincoln, that
/// a contact was added (by design), but no counselor is asked to phone her
/// about it: the person to call would be the parent the school took out,
/// and Roosevelt's counselors would call her from the child's new school.
/// Ana's record at Roosevelt says Rosa is not someone to call.
#[tokio::test]
async fn a_roster_that_moves_a_child_asks_no_counselor_to_phone_a_removed_parent() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let admin = app.admin().await;
        let roster = |ana_school: &str, rosa_enabled: &str, agents: &str| {
            let mut csv = format!(
                "{HEADER}stu-1,true,{ana_school},student,Ana,Rivera,11,,\"{agents}\",\n\
                 stu-2,true,sch-1,student,Leo,Rivera,7,,,\n\
                 par-2,{rosa_enabled},sch-1,parent,Rosa,Rivera,,rosa@example.org,stu-1,vi\n"
            );
            if agents.contains("par-3") {
                csv.push_str("par-3,true,sch-2,parent,Carmen,Díaz,,carmen@example.org,stu-1,en\n");
            }
            csv
        };
        upload(&app, &admin, &roster("sch-1", "true", "par-2")).await;
        let roosevelt = entity::school::Entity::find()
            .filter(entity::school::Column::SourcedId.eq("sch-2"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let counselor = app.counselor("counselor@roosevelt.edu", &[roosevelt]).await;
        upload(&app, &admin, &roster("sch-1", "false", "par-2")).await;
        let rosa_mail = "mail_outbox WHERE recipient = 'rosa@example.org'";
        let mailed = app.count(rosa_mail).await;

        upload(&app, &admin, &roster("sch-2", "false", "par-3,par-2")).await;
        assert_eq!(
            app.count(rosa_mail).await,
            mailed + 1,
            "Rosa is told a contact was added"
        );
        assert_eq!(
            app.count("notification WHERE message_id LIKE 'families-interpreter-prompt%'")
                .await,
            0,
            "nobody is asked to call the parent the school took out"
        );
        let ana = entity::student::Entity::find()
            .filter(entity::student::Column::SourcedId.eq("stu-1"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ana.school_id, roosevelt);
        let record = text(
            &app,
            &counselor.client,
            &format!("/counselor/students/{}", ana.id),
        )
        .await;
        assert!(record.contains("Not a contact of the family"), "{record}");
    }
}

/// eyes41b G4: María's address on the record is, by mistake, the confirmed
/// sign-in of a student of another family, who got her consent mail. Its
/// link answers that it expired and names none of María's schools.
#[tokio::test]
async fn an_old_consent_link_at_another_familys_student_sign_in_names_no_school() {
    for backend in backends() {
        let Waiting { app, w, first, .. } = waiting_for_maria(backend, "en").await;
        let link = format!("{}?lang=en", first.link("/consent/"));
        let ana = entity::student::Entity::find_by_id(w.student_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let form = format!("/counselor/schools/{}/contact", ana.school_id);
        let response = app
            .submit_as(
                &w.admin.client,
                &form,
                &form,
                &[("phone", "(312) 555-0100"), ("email", "office@lincoln.edu")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = text(&app, &cookieless(), &link).await;
        assert!(page.contains("555-0100"), "her link, hers: {page}");

        // Another family's student, with her address as a confirmed sign-in.
        let other = app.student(ana.school_id, "Tomas", "Lee", 9).await;
        let account = entity::user::Entity::find_by_id(other.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        entity::user::ActiveModel {
            email: Set("maria@example.org".to_owned()),
            email_confirmed_at: Set(Some(chrono::Utc::now())),
            ..account.into()
        }
        .update(&app.db)
        .await
        .unwrap();
        let response = cookieless().get(app.url(&link)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::GONE);
        let page = response.text().await.unwrap();
        assert!(
            !page.contains("555-0100") && !page.contains("office@lincoln.edu"),
            "{page}"
        );
    }
}
