//! Home languages as rosters really write them (eyes18b F1): accents typed
//! as separate marks (NFD), the full-width brackets of a Chinese keyboard,
//! the everyday Arabic word, "Chinese (Trad.)"; and a warning that says
//! what differs when such a value is still unknown.

use crate::{
    families::{accept, app_with_smtp, maria, upload, users, world},
    helpers::backends,
    mail_server::MailServer,
};

#[tokio::test]
async fn language_values_in_another_unicode_form_or_the_familys_own_words_are_recognised() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        // "Español" with its tilde typed apart: a Spanish family, mailed in Spanish.
        let w = world(&app, &users("Espan\u{303}ol")).await;
        assert_eq!(maria(&app).await.language, "es");
        accept(&app, &w).await;
        let mail = server
            .wait_for_to("maria@example.org", 1, 15)
            .await
            .remove(0);
        assert_eq!(mail.header("Content-Language").as_deref(), Some("es"));

        for (value, kept) in [
            ("中文（繁體）", "zh-Hant"),
            ("Chinese (Trad.)", "zh-Hant"),
            ("عربي", "ar"),
            ("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", "vi"),
        ] {
            let roster = upload(&app, &w.admin, &users(value)).await;
            assert!(!roster.refused, "{value}: {}", roster.page);
            assert!(
                !roster.page.contains("is not a language we recognize"),
                "{value}: {}",
                roster.page
            );
            assert_eq!(maria(&app).await.language, kept, "{value}");
        }

        // Still unknown, with a separate accent mark: the warning says so.
        let roster = upload(&app, &w.admin, &users("Kle\u{301}ngon")).await;
        assert!(
            roster
                .page
                .contains("Its accents are typed as separate marks after their letters"),
            "{}",
            roster.page
        );
    }
}
