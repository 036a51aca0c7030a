//! Families hear from us in their own language (eyes15b): a line in every
//! language the counselor's form offers, and Traditional Chinese kept apart
//! from Simplified. Real SMTP throughout; the raw messages are read as they
//! arrived.

use reqwest::{StatusCode, header::ACCEPT_LANGUAGE};

use crate::{
    families::{World, accept, app_with_smtp, maria, text, upload, users, world},
    helpers::{TestApp, backends},
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
