//! Home languages with no two-letter code, as US districts record them:
//! Hmong, S'gaw Karen, Mam, K'iche', Chuukese and American Sign Language.
//! A roster writes them as names or codes, in any case; they are kept as
//! BCP 47 codes them (ISO 639-3), the Hmong family's consent mail carries
//! its line (read from the real SMTP exchange), and the counselor sees who
//! needs an interpreter, spoken or signed, in both languages.

use reqwest::{Client, StatusCode, header::ACCEPT_LANGUAGE};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    families::{maria, text, upload, users},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{TestApp, backends, new_client, on_each_backend, posting},
};

/// A roster of one school: a student and a guardian for each language
/// value, the guardian `par-{n}`, in order.
fn roster_of(languages: &[&str]) -> String {
    let mut csv = String::from(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n",
    );
    for (n, language) in languages.iter().enumerate() {
        csv.push_str(&format!(
            "stu-{n},true,sch-1,student,Student{n},Family{n},10,,par-{n},\n\
             par-{n},true,sch-1,parent,Parent{n},Family{n},,parent{n}@example.org,stu-{n},\"{language}\"\n"
        ));
    }
    csv
}

async fn recorded_language(app: &TestApp, sourced_id: &str) -> String {
    entity::guardian::Entity::find()
        .filter(entity::guardian::Column::SourcedId.eq(sourced_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{sourced_id} imported"))
        .language
}

/// The student's record as the counselor reads it in Spanish.
async fn record_in_spanish(app: &TestApp, counselor: &Client, record: &str) -> String {
    counselor
        .get(app.url(record))
        .header(ACCEPT_LANGUAGE, "es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_roster_records_each_language_by_its_code_however_the_export_writes_it() {
    let rows: [(&str, &str); 20] = [
        ("Hmong", "hmn"),
        ("HMOOB", "hmn"),
        ("hmn", "hmn"),
        ("White Hmong", "hmn"),
        ("S'gaw Karen", "ksw"),
        ("kar", "ksw"),
        ("Sgaw", "ksw"),
        ("Mam", "mam"),
        ("MAM", "mam"),
        ("Quiché", "quc"),
        ("K’iche’", "quc"),
        ("quc", "quc"),
        ("Chuukese", "chk"),
        ("Trukese", "chk"),
        ("chk", "chk"),
        ("ASL", "ase"),
        ("American Sign Language", "ase"),
        ("sgn", "ase"),
        ("Hmong/English", "hmn"),
        ("Klingon", "Klingon"),
    ];
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let written: Vec<&str> = rows.iter().map(|(w, _)| *w).collect();
        let roster = upload(&app, &admin, &roster_of(&written)).await;
        assert!(!roster.refused, "{}", roster.page);
        for (n, (written, kept)) in rows.iter().enumerate() {
            assert_eq!(
                recorded_language(&app, &format!("par-{n}")).await,
                *kept,
                "{written}"
            );
        }
        // Only the value we cannot read is named as such.
        assert!(
            roster
                .page
                .contains("metadata.language “Klingon” is not a language we recognize"),
            "{}",
            roster.page
        );
        assert_eq!(
            roster.page.matches("is not a language we recognize").count(),
            1,
            "{}",
            roster.page
        );
        // The result says, per language, what those families get.
        for line in [
            "Hmong: 5 guardians",
            "Chuukese: 3 guardians",
            "Mam, in English only (we have no line in Mam): 2 guardians",
            "American Sign Language, in English, which they read (it has no written form; meetings and calls need a sign-language interpreter): 3 guardians",
        ] {
            assert!(roster.page.contains(line), "{line}: {}", roster.page);
        }
    })
    .await;
}

/// The consent request to a Hmong-reading guardian, as it arrived over
/// SMTP: English, with the Hmong line on top marked `lang="hmn"`; the
/// counselor's form offers Hmong and says what the family gets.
#[tokio::test]
async fn a_hmong_reading_guardian_gets_the_consent_mail_with_the_hmong_line_on_top() {
    for backend in backends() {
        let Waiting { app, w, first, .. } = waiting_for_maria(backend, "Hmoob").await;
        assert_eq!(maria(&app).await.language, "hmn");
        assert_eq!(first.header("Content-Language").as_deref(), Some("en"));
        let line = "Koj muaj txoj cai txais kev pab thiab xov xwm uas yog hais koj hom lus";
        assert!(first.text().contains(line), "{}", first.text());
        assert!(
            first
                .html()
                .contains(r#"<p lang="hmn" style="border-left: 4px solid"#),
            "{}",
            first.html()
        );
        // The page the consent link opens carries it too.
        let page = app
            .get(&first.link("/consent/"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(r#"<p class="home-line" id="home-line" lang="hmn">Koj muaj"#),
            "{page}"
        );
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(r#"<option value="hmn" selected>Hmong (mail in English)</option>"#),
            "{page}"
        );
        assert!(page.contains("with one line on top in Hmong"), "{page}");
        assert!(
            page.contains(
                r#"<option value="ase">American Sign Language (mail in English)</option>"#
            ),
            "{page}"
        );
    }
}

/// Mam has no line: the counselor's record, in English and in Spanish, and
/// the consent list say the family needs an interpreter. A family that
/// signs reads our English mail: their record and the consent list say
/// meetings and calls need a sign-language interpreter.
#[tokio::test]
async fn the_counselor_sees_that_a_mam_or_asl_family_needs_an_interpreter() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            ..
        } = waiting_for_maria(backend, "Mam").await;
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("we have no line in Mam: they get our emails in English only"),
            "{page}"
        );
        assert!(
            page.contains("They need an interpreter: call them through the school"),
            "{page}"
        );
        assert!(
            page.contains(r#"<option value="mam" selected>Mam (mail in English)</option>"#),
            "{page}"
        );
        let page = record_in_spanish(&app, &w.counselor, &record).await;
        assert!(
            page.contains(
                "no tenemos ninguna línea en Mam: reciben nuestros correos solo en inglés"
            ),
            "{page}"
        );
        assert!(page.contains("Necesitan un intérprete"), "{page}");
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("we have no line in Mam, so the consent mail went in English only. Call them through an interpreter, or go through the paper form"),
            "{list}"
        );

        // The school's next roster says she signs.
        let roster = upload(&app, &w.admin, &users("American Sign Language")).await;
        assert!(!roster.refused, "{}", roster.page);
        assert_eq!(maria(&app).await.language, "ase");
        let before = server.received_to("maria@example.org").len();
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let mail = server
            .wait_for_to("maria@example.org", before + 1, 15)
            .await
            .pop()
            .unwrap();
        assert_eq!(mail.header("Content-Language").as_deref(), Some("en"));
        assert!(!mail.html().contains("border-left: 4px"), "{}", mail.html());
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("Meetings and calls need a sign-language interpreter"),
            "{page}"
        );
        assert!(!page.contains("we have no line in"), "{page}");
        let page = record_in_spanish(&app, &w.counselor, &record).await;
        assert!(
            page.contains(
                "Las reuniones y las llamadas necesitan un intérprete de lengua de señas"
            ),
            "{page}"
        );
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        let signed = "which has no written form: a meeting or a call about this consent needs a sign-language interpreter";
        assert!(list.contains(signed), "{list}");

        // She chooses Spanish for our mail on her settings page: the
        // interpreter for meetings and calls is still needed, and said.
        let settings = mail.link("/email/");
        let response = app
            .submit_as(&new_client(), &settings, &settings, &[("language", "es")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = text(&app, &w.counselor, &record).await;
        assert!(page.contains("They chose Spanish for our emails"), "{page}");
        assert!(
            page.contains("Meetings and calls need a sign-language interpreter"),
            "{page}"
        );
        assert!(
            !page.contains("so our emails to them are in English"),
            "{page}"
        );
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(list.contains(signed), "{list}");
    }
}

/// The guardian form keeps a language we read, however typed, and refuses
/// one we do not, with the form's message and nothing saved (not the name
/// changed beside it either).
#[tokio::test]
async fn the_guardian_form_takes_the_new_codes_and_refuses_nonsense_whole() {
    for backend in backends() {
        let Waiting { app, w, .. } = waiting_for_maria(backend, "es").await;
        let record = format!("/counselor/students/{}", w.student_id);
        let save = async |given_name: &str, language: &str| {
            let guardian = maria(&app).await;
            app.submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", given_name),
                    ("family_name", "Rivera"),
                    ("email", "maria@example.org"),
                    ("phone", ""),
                    ("language", language),
                    ("active", "true"),
                ],
            )
            .await
        };
        for (typed, kept) in [
            ("hmn", "hmn"),
            ("ase", "ase"),
            ("chk", "chk"),
            ("S'gaw Karen", "ksw"),
            ("quc", "quc"),
        ] {
            let response = save("María", typed).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{typed}");
            assert_eq!(maria(&app).await.language, kept, "{typed}");
        }
        for nonsense in ["xx", "hmx", "Klingon", "12"] {
            let response = save("Mariana", nonsense).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{nonsense}"
            );
            let page = response.text().await.unwrap();
            assert!(
                page.contains("Choose a language from the list, or “Not known”."),
                "{nonsense}: {page}"
            );
            let kept = maria(&app).await;
            assert_eq!(kept.language, "quc", "{nonsense}");
            assert_eq!(kept.given_name, "María", "{nonsense}: nothing saved");
        }
    }
}

/// A team that speaks Hmong and signs is found by `lang=hmn` and
/// `lang=ASL`, on the page and in the API; an unknown code is refused with
/// a message that shows a good one.
#[tokio::test]
async fn search_and_postings_take_the_new_codes_and_refuse_unknown_ones() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let signing = app
            .published(
                &employer,
                &posting(&[("languages", "en, Hmong, American Sign Language")]),
            )
            .await;
        let other = app
            .published(&employer, &posting(&[("title", "Robotics lab helper")]))
            .await;
        for query in ["lang=hmn", "lang=ase", "lang=ASL", "lang=Hmoob"] {
            assert_eq!(
                app.api_ids(query).await,
                vec![i64::from(signing)],
                "{query}"
            );
        }
        let english = app.api_ids("lang=en").await;
        assert!(
            english.contains(&i64::from(signing)) && english.contains(&i64::from(other)),
            "{english:?}"
        );
        let body = app.api("lang=hmn").await;
        let languages = &body["hits"][0]["languages"];
        assert_eq!(languages, &serde_json::json!(["en", "hmn", "ase"]));

        let response = app.get("/api/v1/opportunities?lang=hmx").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["parameter"], "lang");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("“hmx”") && message.contains("hmn"),
            "{message}"
        );

        // A posting naming a language we do not know is refused whole.
        let response = app
            .submit_as(
                &employer,
                "/employer/opportunities/new",
                "/employer/opportunities",
                &posting(&[("languages", "hmn, Elvish")])
                    .iter()
                    .map(|(k, v)| (*k, v.as_str()))
                    .collect::<Vec<_>>(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = response.text().await.unwrap();
        assert!(page.contains("(not: Elvish)"), "{page}");
        assert_eq!(app.count("opportunity").await, 2, "nothing saved");
    })
    .await;
}
