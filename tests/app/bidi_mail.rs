//! Right-to-left text in our left-to-right mail (eyes18b F2): an Arabic
//! name inside a Spanish or English sentence is isolated, so the sentence
//! keeps its direction; the Arabic line on top of a mail to a family that
//! reads Arabic is marked right to left in the plain-text part; subjects
//! stay bare. Real SMTP.

use crate::{
    families::{accept, app_with_smtp, world},
    helpers::backends,
    mail_server::MailServer,
};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
const RLM: char = '\u{200F}';
const RLI: char = '\u{2067}';

/// Ana (فاطمة in the family's script) with two guardians: خالد حسن, whom the
/// school writes to in Spanish, and ليلى, who reads Arabic.
fn users() -> String {
    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
     stu-1,true,sch-1,student,فاطمة,Hassan,11,,par-1;par-2,\n\
     par-1,true,sch-1,parent,خالد,حسن,,khaled@example.org,stu-1,es\n\
     par-2,true,sch-1,parent,ليلى,Hassan,,layla@example.org,stu-1,ar\n"
        .to_owned()
}

#[tokio::test]
async fn an_arabic_name_in_a_spanish_sentence_is_isolated_and_the_arabic_line_is_marked_right_to_left()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let w = world(&app, &users()).await;
        accept(&app, &w).await;

        let khaled = server
            .wait_for_to("khaled@example.org", 1, 15)
            .await
            .remove(0);
        let text = khaled.text();
        // The greeting and the sentence naming the student: each name set
        // apart, so the paragraph's first strong letter is Spanish.
        assert!(
            text.contains(&format!("Hola, {FSI}خالد حسن{PDI}:")),
            "{text}"
        );
        assert!(
            text.contains(&format!("{FSI}فاطمة{PDI} aceptó un lugar")),
            "{text}"
        );
        let html = khaled.html();
        assert!(html.contains(r#"<html lang="es" dir="ltr">"#), "{html}");
        assert!(
            html.contains(&format!("Hola, {FSI}خالد حسن{PDI}:")),
            "{html}"
        );
        // The subject is left bare (older clients show the marks as boxes).
        let subject = khaled.subject();
        assert!(subject.contains("فاطمة"), "{subject}");
        assert!(!subject.contains(FSI), "{subject:?}");
        // A Latin name needs nothing.
        assert!(!text.contains(&format!("{FSI}Lincoln")), "{text}");

        let layla = server
            .wait_for_to("layla@example.org", 1, 15)
            .await
            .remove(0);
        let text = layla.text();
        assert!(
            text.contains(&format!("{RLM}{RLI}هذه الرسالة من مدرسة")),
            "{text}"
        );
        let line = text
            .lines()
            .find(|l| l.contains("هذه الرسالة"))
            .expect("the Arabic line");
        assert!(line.ends_with(PDI), "{line:?}");
        assert!(
            text.contains(&format!("Hello {FSI}ليلى Hassan{PDI},")),
            "{text}"
        );
        assert!(
            layla
                .html()
                .contains(r#"<p lang="ar" dir="rtl" style="border-right: 4px solid"#),
            "{}",
            layla.html()
        );
    }
}
