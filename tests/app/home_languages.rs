//! Families hear from us in their own language (eyes15b): a line in every
//! language the counselor's form offers, Traditional Chinese kept apart
//! from Simplified, the same line on the pages our mails open, right to
//! left where the language is, and a calendar file a family can use. Real
//! SMTP throughout; the raw messages are read as they arrived.

use reqwest::{StatusCode, header::ACCEPT_LANGUAGE};
use sea_orm::ConnectionTrait;

use crate::{
    families::{
        World, accept, app_with_smtp, cookieless, give_consent, maria, placement_status, text,
        upload, users, world,
    },
    family_news::{calendar_of, sequence_of, uid_of},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{TestApp, backends, new_client},
    mail_server::{MailServer, Received},
};

/// The counselor sends the consent request again; the mail María gets.
async fn resend(app: &TestApp, w: &World, server: &MailServer, placement: i32) -> Received {
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
    server
        .wait_for_to("maria@example.org", before + 1, 15)
        .await
        .pop()
        .unwrap()
}

/// The counselor saves María's contact with the language `language`.
async fn save_language(app: &TestApp, w: &World, language: &str) -> StatusCode {
    let guardian = maria(app).await;
    let record = format!("/counselor/students/{}", w.student_id);
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
    .status()
}

/// A page opened with a browser that keeps nothing, asking for `accept`.
async fn page_for(app: &TestApp, path: &str, accept: &str) -> String {
    let response = cookieless()
        .get(app.url(path))
        .header(ACCEPT_LANGUAGE, accept)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

const VIETNAMESE: &str = "Thư này từ trường của con quý vị";

/// The home-language line at the top of a page, in `lang`.
fn home_line(lang: &str, attributes: &str, text: &str) -> String {
    format!(r#"<p class="home-line" id="home-line" lang="{lang}"{attributes}>{text}"#)
}

/// eyes15b F2: Ukrainian and Pashto, picked from the form's own list, get
/// their line (Pashto right to left, its bar on the right); a language we
/// know but have no line in gets English only, and the record, the roster's
/// result and the consent list say so plainly, per family, in the
/// counselor's language.
#[tokio::test]
async fn every_language_of_the_form_gets_its_line_and_the_counselor_sees_who_gets_english_only() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("uk")).await;
        let placement = accept(&app, &w).await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert_eq!(mail.header("Content-Language").as_deref(), Some("en"));
        assert!(
            mail.text().contains("Цей лист — від школи вашої дитини"),
            "{}",
            mail.text()
        );
        assert!(
            mail.html()
                .contains(r#"<p lang="uk" style="border-left: 4px solid"#),
            "{}",
            mail.html()
        );
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(r#"<option value="uk" selected>Ukrainian (mail in English)</option>"#),
            "{page}"
        );
        assert!(page.contains("with one line on top in Ukrainian"), "{page}");
        assert!(!page.contains("where we have it"), "{page}");

        // Pashto, as a roster names it.
        let roster = upload(&app, &w.admin, &users("Pashto")).await;
        assert!(!roster.refused, "{}", roster.page);
        assert!(
            roster.page.contains("Pashto: 1 guardian"),
            "{}",
            roster.page
        );
        let mail = resend(&app, &w, &server, placement).await;
        assert!(
            mail.html()
                .contains(r#"<p lang="ps" dir="rtl" style="border-right: 4px solid"#),
            "{}",
            mail.html()
        );
        assert!(mail.text().contains("دا برېښنالیک"), "{}", mail.text());

        // Yoruba: a language we know, not on the form, with no line.
        let roster = upload(&app, &w.admin, &users("Yoruba")).await;
        assert!(!roster.refused, "{}", roster.page);
        assert!(
            roster
                .page
                .contains("Yoruba, in English only (we have no line in Yoruba): 1 guardian"),
            "{}",
            roster.page
        );
        let mail = resend(&app, &w, &server, placement).await;
        assert!(!mail.html().contains("border-left: 4px"), "{}", mail.html());
        assert!(!mail.html().contains(r#"lang="yo""#), "{}", mail.html());
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("we have no line in Yoruba: they get our emails in English only"),
            "{page}"
        );
        let list = text(&app, &w.counselor, "/counselor/placements").await;
        assert!(
            list.contains("we have no line in Yoruba, so the consent mail went in English only"),
            "{list}"
        );
        let page = w
            .counselor
            .get(app.url(&record))
            .header(ACCEPT_LANGUAGE, "es")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(
                "no tenemos ninguna línea en Yoruba: reciben nuestros correos solo en inglés"
            ),
            "{page}"
        );
    }
}

/// eyes15b F3: a roster's Traditional Chinese (`zh-TW`, `繁體中文`,
/// Cantonese...) is kept as such and mailed the line in Traditional
/// characters; Simplified is kept as Simplified; plain Chinese keeps its
/// Simplified line, now marked so; `prs` is Dari. The counselor's form
/// offers both scripts and keeps the one chosen.
#[tokio::test]
async fn traditional_chinese_is_kept_apart_from_simplified_from_the_roster_to_the_mail() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users("zh-TW")).await;
        let placement = accept(&app, &w).await;
        assert_eq!(maria(&app).await.language, "zh-Hant");
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert!(
            mail.html().contains(r#"<p lang="zh-Hant""#),
            "{}",
            mail.html()
        );
        assert!(mail.text().contains("這封郵件來自您孩子的學校"));
        assert!(!mail.text().contains("这封邮件"), "not the Simplified line");
        let record = format!("/counselor/students/{}", w.student_id);
        let page = text(&app, &w.counselor, &record).await;
        for option in [
            r#"<option value="zh-Hant" selected>Traditional Chinese (mail in English)</option>"#,
            r#"<option value="zh-Hans">Simplified Chinese (mail in English)</option>"#,
        ] {
            assert!(page.contains(option), "{option}: {page}");
        }

        for (written, kept) in [
            ("繁體中文", "zh-Hant"),
            ("Chinese (Traditional)", "zh-Hant"),
            ("Cantonese", "zh-Hant"),
            ("yue", "zh-Hant"),
            ("zh-HK", "zh-Hant"),
            ("简体中文", "zh-Hans"),
            ("Mandarin", "zh-Hans"),
            ("zh-CN", "zh-Hans"),
            ("prs", "fa"),
            ("Chinese", "zh"),
        ] {
            let roster = upload(&app, &w.admin, &users(written)).await;
            assert!(!roster.refused, "{written}: {}", roster.page);
            assert!(
                !roster.page.contains("not a language we recognize"),
                "{written}: {}",
                roster.page
            );
            assert_eq!(maria(&app).await.language, kept, "{written}");
        }
        // Plain Chinese, as stored before: the Simplified line, as before,
        // marked as Simplified; the record asks for nothing it cannot show.
        let mail = resend(&app, &w, &server, placement).await;
        assert!(
            mail.html().contains(r#"<p lang="zh-Hans""#),
            "{}",
            mail.html()
        );
        assert!(mail.text().contains("这封邮件来自您孩子的学校"));
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains(r#"<option value="zh" selected>Chinese (mail in English)</option>"#),
            "{page}"
        );
        // The counselor records the script the family reads.
        for (typed, kept) in [
            ("zh-Hant", "zh-Hant"),
            ("Mandarin", "zh-Hans"),
            ("Cantonese", "zh-Hant"),
        ] {
            assert_eq!(
                save_language(&app, &w, typed).await,
                StatusCode::SEE_OTHER,
                "{typed}"
            );
            assert_eq!(maria(&app).await.language, kept, "{typed}");
        }
        let page = text(&app, &w.counselor, &record).await;
        assert!(
            page.contains("with one line on top in Traditional Chinese"),
            "{page}"
        );
    }
}

/// eyes15b F8: a Vietnamese family opens our links with a browser asking
/// for Vietnamese: every page (consent, its thank-you page, settings,
/// withdrawal, unsubscribe, the address report) is in English or Spanish
/// with their line on top; Arabic gets it right to left; once the family
/// chooses the language of our mail themselves, it is gone. The withdrawal
/// page of a one-day placement prints one date, the unsubscribe page says
/// safety messages keep coming, and the withdrawal's subject quotes the
/// posting's title.
#[tokio::test]
async fn the_pages_a_family_opens_from_our_mails_carry_the_line_in_their_language() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "vi").await;
        let consent = first.link("/consent/");
        let settings = first.link("/email/");
        let vietnamese = home_line("vi", "", VIETNAMESE);

        let page = page_for(&app, &consent, "vi-VN,vi;q=0.9").await;
        assert!(page.contains(r#"<html lang="en">"#), "{page}");
        assert!(page.contains(&vietnamese), "{page}");
        let page = page_for(&app, &format!("{consent}?lang=es"), "vi").await;
        assert!(page.contains(r#"<html lang="es">"#), "{page}");
        assert!(page.contains(&vietnamese), "{page}");
        let page = page_for(&app, &settings, "vi").await;
        assert!(page.contains(&vietnamese), "{page}");

        let response = give_consent(&app, &new_client(), &consent).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(page.contains(&vietnamese), "the thank-you page: {page}");
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);

        // A one-day placement: one date, in either language.
        app.db
            .execute_unprepared(&format!(
                "UPDATE placement SET end_date = start_date WHERE id = {placement}"
            ))
            .await
            .unwrap();
        let withdraw = confirmed.link("/withdraw/");
        let page = page_for(&app, &withdraw, "vi").await;
        assert!(page.contains(&vietnamese), "{page}");
        assert!(page.contains("The placement is on "), "{page}");
        assert!(!page.contains("runs from"), "{page}");
        let page = page_for(&app, &format!("{withdraw}?lang=es"), "vi").await;
        assert!(page.contains(&vietnamese), "{page}");
        assert!(page.contains("La práctica es el "), "{page}");
        assert!(!page.contains("La práctica va del"), "{page}");

        let unsubscribe = confirmed
            .header("List-Unsubscribe")
            .expect("optional mail")
            .trim_start_matches('<')
            .trim_end_matches('>')
            .strip_prefix(&app.address)
            .expect("the site's own link")
            .to_owned();
        let page = page_for(&app, &unsubscribe, "vi").await;
        assert!(page.contains(&vietnamese), "{page}");
        assert!(
            page.contains("Consent requests and safety messages are not optional"),
            "{page}"
        );
        let page = page_for(&app, &format!("{unsubscribe}?lang=es"), "vi").await;
        assert!(
            page.contains(
                "Las solicitudes de consentimiento y los mensajes de seguridad no son opcionales"
            ),
            "{page}"
        );

        // Arabic, from the roster: right to left.
        let roster = upload(&app, &w.admin, &users("ar")).await;
        assert!(!roster.refused, "{}", roster.page);
        let page = page_for(&app, &settings, "ar").await;
        assert!(
            page.contains(r#"<p class="home-line" id="home-line" lang="ar" dir="rtl">هذه الرسالة"#),
            "{page}"
        );

        // She withdraws; the whole family is told, the title set apart
        // from the student's name.
        let done = app
            .submit_as(&new_client(), "/register", &withdraw, &[("confirm", "on")])
            .await;
        assert_eq!(done.status(), StatusCode::OK);
        let page = done.text().await.unwrap();
        assert!(page.contains(r#"lang="ar" dir="rtl""#), "{page}");
        let told = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert_eq!(
            told.subject(),
            "Consent withdrawn: Ana's placement “Robotics lab intern”"
        );

        // The counselor moves María to another inbox: the former one is
        // told, with a link to report it, whose page carries her line.
        let guardian = maria(&app).await;
        let record = format!("/counselor/students/{}", w.student_id);
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/guardians/{}", guardian.id),
                &[
                    ("given_name", "María"),
                    ("family_name", "Rivera"),
                    ("email", "maria.rivera@example.org"),
                    ("phone", ""),
                    ("language", "ar"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 4, 15)
            .await
            .remove(3);
        let page = page_for(&app, &told.link("/address-report/"), "ar").await;
        assert!(
            page.contains(r#"<p class="home-line" id="home-line" lang="ar" dir="rtl">"#),
            "{page}"
        );
    }
}

/// eyes15b F8: a family that chose the language of our mail on their
/// settings page reads it: the line in their home language is gone from
/// the page that saved it and from the next pages; the subjects that name
/// the student and the posting set the title apart, in both languages.
#[tokio::test]
async fn the_line_goes_once_the_family_chooses_our_language_and_subjects_quote_the_title() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "vi").await;
        let settings = first.link("/email/");
        let guardian = new_client();
        let response = app
            .submit_as(&guardian, &settings, &settings, &[("language", "es")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert!(page.contains(r#"<html lang="es""#), "{page}");
        assert!(!page.contains("home-line"), "{page}");
        let page = page_for(&app, &first.link("/consent/"), "vi").await;
        assert!(!page.contains("home-line"), "{page}");

        // She declines through her (Spanish) link: the subject quotes the
        // title after the student's name.
        let consent = first.link("/consent/");
        let response = app
            .submit_as(
                &new_client(),
                "/register",
                &consent,
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "madre"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "consent_declined");
        // (Her settings change was mailed to her too, in the language she
        // read before it.)
        let told = server
            .wait_for_subject("maria@example.org", "Consentimiento rechazado", 15)
            .await;
        assert_eq!(
            told.subject(),
            "Consentimiento rechazado: práctica de Ana “Robotics lab intern”"
        );
    }
}

/// eyes15b F7: the confirmation's calendar file of an eight-week
/// internship is free time, says the schedule, the supervisor, the school
/// and how to withdraw (the button of the confirmation mail, not the
/// link itself) in Spanish, is organized by the school from our sending address, and is
/// folded at 75 octets; the cancellation has the same UID and a higher
/// SEQUENCE, and says not to go.
#[tokio::test]
async fn the_calendar_file_tells_a_family_what_it_needs_and_its_cancellation_comes_after_it() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let sent = calendar_of(&confirmed);
        for line in sent.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line}");
        }
        let unfolded = sent.replace("\r\n ", "");
        let lines: Vec<&str> = unfolded.split("\r\n").collect();
        let withdraw = confirmed.link("/withdraw/");
        let description = lines
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION:"))
            .expect("a description");
        for part in [
            "Práctica STEM de Ana\\, estudiante de Lincoln High\\, a través de STEMbridge."
                .to_owned(),
            "\\nHorario: Tuesdays and Thursdays 4-6 pm\\n".to_owned(),
            "\\nSupervisor: ".to_owned(),
            "\\nPara retirar su consentimiento a esta práctica\\, use el botón del correo de confirmación que le enviamos\\, o comuníquese con Lincoln High."
                .to_owned(),
        ] {
            assert!(description.contains(&part), "{part} in {description}");
        }
        // Not the withdrawal link itself: a family's calendars are often
        // shared, and it stops the placement in the parent's name.
        assert!(!unfolded.contains(&withdraw), "{unfolded}");
        for line in [
            "TRANSP:TRANSPARENT",
            "ORGANIZER;CN=Lincoln High:mailto:no-reply@stembridge.invalid",
            "STATUS:CONFIRMED",
        ] {
            assert!(lines.contains(&line), "{line} in {unfolded}");
        }
        assert!(
            !unfolded.contains("@@"),
            "every marker replaced: {unfolded}"
        );

        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/end"),
                &[
                    ("reason", "safety"),
                    ("note", "A complaint about the site."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        let cancelled = calendar_of(&told);
        assert_eq!(uid_of(&cancelled), uid_of(&sent));
        assert!(sequence_of(&cancelled) > sequence_of(&sent), "{cancelled}");
        let unfolded = cancelled.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "Esta práctica se canceló o terminó: Ana no debe ir allí. Preguntas: Lincoln High."
            ),
            "{unfolded}"
        );
        assert!(!unfolded.contains("/withdraw/"), "{unfolded}");
    }
}
