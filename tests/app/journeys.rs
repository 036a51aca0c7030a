//! The three journeys of DESIGN.md in a real browser (Debian's Chromium,
//! headless), at a desktop width and at a phone's 390 px, with axe-core run
//! on every page visited and a keyboard-only pass over the main forms, and
//! once more in Spanish at the phone's width; and the pages with tables
//! and long addresses at 320 px (WCAG 1.4.10). They run when `CHROMEDRIVER`
//! is set (`.ci/run` installs Chromium and sets it); `AXE_PATH` adds the
//! accessibility audit.

use sea_orm::ConnectionTrait;

use crate::{
    browser::Browser,
    helpers::{Backend, PASSWORD, TestApp, days_from_now},
};

struct Journey {
    browser: Browser,
    base: String,
    violations: Vec<String>,
    /// The language every person of the journey reads (`en` or `es`).
    lang: &'static str,
}

impl Journey {
    async fn visit(&mut self, path: &str) {
        self.browser.goto(&format!("{}{path}", self.base)).await;
        self.audit().await;
    }

    async fn audit(&mut self) {
        let url = self.browser.url().await;
        for violation in self.browser.accessibility_violations().await {
            self.violations.push(format!("{url}: {violation}"));
        }
        // Reflow (WCAG 1.4.10): a wide table scrolls in its own region,
        // never the page around it (eyes14b F9).
        let widths = self
            .browser
            .script(
                // The layout viewport: on a phone `innerWidth` grows to
                // show content wider than the screen.
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                serde_json::json!([]),
            )
            .await;
        let (page, window) = (widths[0].as_i64(), widths[1].as_i64());
        if let (Some(page), Some(window)) = (page, window)
            && page > window
        {
            self.violations.push(format!(
                "{url}: the page scrolls sideways ({page} px in {window} px)"
            ));
        }
    }

    /// Keyboard only: every control of the page's forms is reached by Tab
    /// and shows where the focus is.
    async fn keyboard(&mut self) {
        let url = self.browser.url().await;
        for problem in self.browser.keyboard_problems().await {
            self.violations.push(format!("{url}: keyboard: {problem}"));
        }
    }

    async fn submit(&self, action: &str) {
        self.browser
            .click_and_wait(&format!("form[action=\"{action}\"] button[type=submit]"))
            .await;
    }

    /// Sets a field by script (date inputs take typed text differently per locale).
    async fn set(&self, id: &str, value: &str) {
        self.browser
            .script(
                "document.getElementById(arguments[0]).value = arguments[1];",
                serde_json::json!([id, value]),
            )
            .await;
    }

    /// A new person at the browser: no cookies, and the journey's language
    /// chosen with the link every page has.
    async fn fresh(&mut self) {
        self.browser.forget_cookies().await;
        if self.lang != "en" {
            self.browser
                .goto(&format!("{}/language/{}", self.base, self.lang))
                .await;
        }
    }

    async fn log_in(&mut self, email: &str) {
        self.fresh().await;
        self.visit("/login").await;
        self.browser.fill("#f-email", email).await;
        self.browser.fill("#f-password", PASSWORD).await;
        self.submit("/login").await;
    }

    /// Expects `english`, or `spanish` on a Spanish journey.
    async fn sees(&self, english: &str, spanish: &str) {
        let text = if self.lang == "es" { spanish } else { english };
        let body = self.browser.text().await;
        assert!(
            body.contains(text),
            "expected “{text}” on {}:\n{body}",
            self.browser.url().await
        );
    }
}

async fn journeys_at(width: u32, lang: &'static str) {
    let Some(browser) = Browser::start(width).await else {
        eprintln!("browser journeys skipped: set CHROMEDRIVER to run them");
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.admin().await;
    let school = app.school("Lincoln High").await;
    app.counselor_account("carla@lincoln.edu", &[school]).await;
    app.roster_student(school, "Ana", "Rivera", 11, "ABCD-EFGH-JKMN")
        .await;
    app.add_guardian("Ana", "maria@example.org", lang).await;
    let mut j = Journey {
        browser,
        base: app.address.clone(),
        violations: Vec::new(),
        lang,
    };
    j.fresh().await;

    // 1. Employer: register, get verified, post, publish.
    j.visit("/register").await;
    j.keyboard().await;
    j.browser
        .fill("#f-organization_name", "Lakeshore Robotics")
        .await;
    j.browser.fill("#f-zip", "60606").await;
    j.browser.fill("#f-display_name", "Erin").await;
    j.browser.fill("#f-email", "erin@lakeshore.org").await;
    j.browser.fill("#f-password", PASSWORD).await;
    j.submit("/register").await;
    j.sees("Check your inbox", "Revise su bandeja de entrada")
        .await;
    // The link from the confirmation email, opened in the same browser.
    let link = app
        .link_mailed_to("erin@lakeshore.org", "/register/confirm/")
        .await;
    j.visit(&link).await;
    j.keyboard().await;
    j.submit(&link).await;
    j.sees(
        "Your email address is confirmed",
        "Su correo electrónico está confirmado",
    )
    .await;
    j.log_in("erin@lakeshore.org").await;
    j.sees("waiting for verification", "esperando la verificación")
        .await;
    j.audit().await;

    j.log_in("carla@lincoln.edu").await;
    j.visit("/organizations/review").await;
    j.sees("Lakeshore Robotics", "Lakeshore Robotics").await;
    j.browser
        .click_and_wait("form.review button[type=submit]")
        .await;
    j.sees(
        "Lakeshore Robotics is now verified",
        "Lakeshore Robotics ahora está: Verificada",
    )
    .await;

    j.log_in("erin@lakeshore.org").await;
    j.visit("/employer/opportunities/new").await;
    j.keyboard().await;
    j.browser.fill("#f-title", "Robotics lab intern").await;
    j.browser
        .fill(
            "#f-description",
            "Build and test robots with our engineers.",
        )
        .await;
    j.browser.fill("#f-address", "233 S Wacker Dr").await;
    j.browser.fill("#f-zip", "60606").await;
    j.browser.fill("#f-hourly_wage", "18.50").await;
    j.set("f-start_date", &days_from_now(60)).await;
    j.set("f-end_date", &days_from_now(120)).await;
    j.set("f-deadline", &days_from_now(30)).await;
    j.browser.click("#feature-wheelchair_accessible").await;
    j.submit("/employer/opportunities").await;
    j.sees(
        "Draft “Robotics lab intern” saved",
        "Borrador «Robotics lab intern» guardado",
    )
    .await;
    j.audit().await;
    j.browser
        .click_and_wait("form[action$=\"/publish\"] button")
        .await;
    j.sees("was published", "se publicó").await;

    // 2. Student: claim, profile, search with saved needs, apply.
    j.fresh().await;
    j.visit("/claim").await;
    j.keyboard().await;
    j.browser.fill("#f-code", "abcd efgh jkmn").await;
    j.browser.fill("#f-display_name", "Ana").await;
    j.browser.fill("#f-email", "ana@students.org").await;
    j.browser.fill("#f-password", PASSWORD).await;
    j.submit("/claim").await;
    j.sees("Grade 11 at Lincoln High", "Grado 11 en Lincoln High")
        .await;
    j.audit().await;
    // Her address is hers once she opens its link, signed in.
    let link = app
        .link_mailed_to("ana@students.org", "/register/confirm/")
        .await;
    j.visit(&link).await;
    j.keyboard().await;
    j.browser
        .click_and_wait("form[action^=\"/register/confirm/\"] button")
        .await;
    j.sees(
        "Your email address is confirmed",
        "Tu correo está confirmado",
    )
    .await;
    j.visit("/student/profile").await;
    j.keyboard().await;
    j.browser.fill("#f-home_zip", "60608").await;
    j.browser.click("#need-wheelchair_accessible").await;
    j.submit("/student/profile").await;
    for _ in 0..50 {
        if stembridge::search::sync::pending(&app.db).await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    j.visit("/search").await;
    j.keyboard().await;
    j.sees(
        "Needs: Wheelchair accessible",
        "Necesito: Accesible en silla de ruedas",
    )
    .await;
    j.sees(
        "Meets your needs: Wheelchair accessible.",
        "Cumple con tus necesidades: Accesible en silla de ruedas.",
    )
    .await;
    j.browser.click_and_wait("ol.results h3 a").await;
    j.audit().await;
    j.browser
        .fill("#f-note", "I build robots at home and want to learn more.")
        .await;
    j.browser
        .click_and_wait("form[action$=\"/apply\"] button")
        .await;
    j.sees("Application sent", "Solicitud enviada").await;
    j.audit().await;

    // The employer makes an offer; the student accepts; a guardian consents.
    j.log_in("erin@lakeshore.org").await;
    j.visit("/employer/opportunities/1/applicants").await;
    j.sees("Ana Rivera", "Ana Rivera").await;
    j.browser
        .click_and_wait("form[action$=\"/offer\"] button")
        .await;
    j.log_in("ana@students.org").await;
    j.visit("/student/applications/1").await;
    j.browser.click("#belonging-4").await;
    j.browser
        .click_and_wait("form[action$=\"/accept\"] button")
        .await;
    j.sees(
        "Waiting for your guardian",
        "Esperando el consentimiento de tu tutor",
    )
    .await;
    j.sees("m•••@example.org", "m•••@example.org").await;
    // The link goes to the guardian's mailbox only: read it from the outbox
    // table (no SMTP server in this journey); /admin/mail hides it.
    let link = app.consent_link_mailed_to("maria@example.org").await;
    // The guardian reads the page in the language the school has for them.
    j.browser.forget_cookies().await;
    j.visit(&link).await;
    j.browser.fill("#f-guardian_name", "Maria Rivera").await;
    j.browser.fill("#f-relationship", "mother").await;
    j.browser.click("#decision-give").await;
    j.browser
        .click_and_wait("form[action^=\"/consent/\"] button")
        .await;
    j.sees("your decision is recorded", "su decisión quedó registrada")
        .await;

    // Hours are logged and approved (the placement is moved to have started,
    // and María's consent with it: hours before a consent are refused).
    let start = days_from_now(-7);
    app.db
        .execute_unprepared(&format!("UPDATE placement SET start_date = '{start}'"))
        .await
        .unwrap();
    app.taken_days_ago(None, 7).await;
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        entity::placement::Entity::update_many()
            .col_expr(
                entity::placement::Column::ConsentRecordedAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::days(7)),
            )
            .filter(entity::placement::Column::ConsentRecordedAt.is_not_null())
            .exec(&app.db)
            .await
            .unwrap();
    }
    j.log_in("ana@students.org").await;
    j.visit("/student/placements/1").await;
    j.set("f-work_date", &days_from_now(-1)).await;
    j.browser.fill("#f-hours", "3").await;
    j.browser
        .fill("#f-description", "Wired a motor controller.")
        .await;
    j.submit("/student/placements/1/hours").await;
    j.sees("Hours logged", "Horas registradas").await;
    j.log_in("erin@lakeshore.org").await;
    j.visit("/employer/placements/1").await;
    j.browser
        .click_and_wait("form[action$=\"/approve\"] button")
        .await;
    j.sees("Hours approved", "Horas aprobadas").await;
    // The employer closes the placement with an evaluation; the student
    // reads it.
    j.browser.click("#outcome-completed").await;
    for (field, value) in [
        ("#f-communication", "5"),
        ("#f-teamwork", "4"),
        ("#f-technical", "4"),
        ("#f-reliability", "5"),
        (
            "#f-comment",
            "Careful, curious work on the motor controller.",
        ),
    ] {
        j.browser.fill(field, value).await;
    }
    j.submit("/employer/placements/1/complete").await;
    j.audit().await;
    j.log_in("ana@students.org").await;
    j.visit("/student/placements/1").await;
    j.sees(
        "What Lakeshore Robotics wrote about you",
        "Lo que Lakeshore Robotics escribió sobre ti",
    )
    .await;
    j.sees(
        "Careful, curious work on the motor controller.",
        "Careful, curious work on the motor controller.",
    )
    .await;

    // A seat comes back: Ana takes the one seat of a job shadow, Ben waits;
    // Ana gives it back with a reason and Ben gets it.
    let erin = crate::helpers::new_client();
    app.login_as(&erin, "erin@lakeshore.org", PASSWORD).await;
    let day = days_from_now(45);
    let shadow = app
        .published(
            &erin,
            &crate::helpers::posting(&[
                ("title", "Shadow a robotics engineer"),
                ("kind", "job_shadow"),
                // First come: the seat is taken on applying (fair draws
                // have their own tests in draws.rs).
                ("allocation", "first_come"),
                ("slots", "1"),
                ("start_date", &day),
                ("end_date", &day),
                ("start_time", "09:00"),
                ("end_time", "13:00"),
                ("features", "wheelchair_accessible"),
            ]),
        )
        .await;
    j.visit(&format!("/opportunities/{shadow}")).await;
    j.browser.fill("#f-note", "I want to see a real lab.").await;
    j.browser
        .click_and_wait("form[action$=\"/apply\"] button")
        .await;
    let ben = app.student(school, "Ben", "Lopez", 11).await;
    let page = format!("/opportunities/{shadow}");
    let response = app
        .submit_as(
            &ben,
            &page,
            &format!("{page}/apply"),
            &[("note", "Me too!")],
        )
        .await;
    assert!(response.status().is_redirection());
    // A seat taken at once asks the "before" question on its page.
    j.visit("/student/placements/2").await;
    j.browser.click("#before-4").await;
    j.submit("/student/placements/2/belonging").await;
    j.sees("Thank you for your answer", "Gracias por tu respuesta")
        .await;
    j.keyboard().await;
    j.set("f-reason", "transportation").await;
    j.browser
        .fill("#f-note", "The bus does not run that day.")
        .await;
    j.submit("/student/placements/2/withdraw").await;
    j.sees("You gave back your place", "Devolviste tu lugar")
        .await;
    j.audit().await;
    let promoted = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "SELECT COUNT(*) AS n FROM placement p JOIN student s ON s.id = p.student_id \
                 WHERE s.first_name = 'Ben' AND p.opportunity_id = {shadow}"
            ),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(promoted, 1, "Ben, first on the wait list, got the seat");

    // 3. Counselor: one student is too few for any figure to show.
    j.log_in("carla@lincoln.edu").await;
    j.visit("/counselor/dashboard").await;
    j.sees("fewer than 10 students", "menos de 10 estudiantes")
        .await;
    j.visit("/counselor/outreach").await;
    j.sees("Ana Rivera", "Ana Rivera").await;

    assert!(
        j.violations.is_empty(),
        "accessibility violations at {width} px ({lang}):\n{}",
        j.violations.join("\n")
    );
}

#[tokio::test]
async fn the_three_journeys_work_in_a_desktop_browser() {
    journeys_at(1280, "en").await;
}

#[tokio::test]
async fn the_three_journeys_work_at_a_phone_width() {
    journeys_at(390, "en").await;
}

#[tokio::test]
async fn the_three_journeys_work_in_spanish_at_a_phone_width() {
    journeys_at(390, "es").await;
}

/// Reflow at the narrowest width WCAG 1.4.10 names, 320 px, on the pages
/// with tables, lists of addresses and code: each person's dashboard, the
/// counselor's placements, the admin's pages and the draw's explanation.
/// Long names and addresses are what make a page scroll sideways.
#[tokio::test]
async fn the_pages_with_tables_and_addresses_fit_a_320_px_screen() {
    use crate::applications::{apply, employer_act, id_from, student};
    let Some(browser) = Browser::start(320).await else {
        eprintln!("browser journeys skipped: set CHROMEDRIVER to run them");
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.admin().await;
    let school = app.school("Lincoln Park Academy of Science").await;
    let counselor = "carla.martinez-rodriguez.counseling@lincolnparkacademy.example.edu";
    app.counselor_account(counselor, &[school]).await;
    let employer = app
        .verified_employer(
            &admin,
            "Lakeshore Biomedical Instrumentation Laboratories",
            "recruiting.coordinator@lakeshorebiomedical.example.org",
        )
        .await;
    let posting = app
        .published(
            &employer,
            &crate::helpers::posting(&[(
                "title",
                "Biomedical instrumentation and microcontroller programming internship",
            )]),
        )
        .await;
    let ana = student(&app, school, "Anastasia", 11, "2010-03-04").await;
    app.add_guardian(
        "Anastasia",
        "tanya.williams-rivera.villanueva.18@example.org",
        "en",
    )
    .await;
    app.roster_student(school, "Mei", "Haddad-Abernathy", 10, "ABCD-EFGH-JKMN")
        .await;
    let application = id_from(&apply(&app, &ana, posting).await);
    assert!(
        employer_act(&app, &employer, application, "offer")
            .await
            .is_redirection()
    );
    let page = format!("/student/applications/{application}");
    let accepted = app
        .submit_as(
            &ana,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "3")],
        )
        .await;
    assert!(accepted.status().is_redirection());

    let mut j = Journey {
        browser,
        base: app.address.clone(),
        violations: Vec::new(),
        lang: "en",
    };
    j.visit("/draws/how").await;
    for (email, pages) in [
        (ana.email.as_str(), &["/student"][..]),
        (
            "recruiting.coordinator@lakeshorebiomedical.example.org",
            &["/employer"][..],
        ),
        (
            counselor,
            &["/counselor", "/counselor/placements", "/counselor/outreach"][..],
        ),
        (admin.email.as_str(), &["/admin", "/admin/audit"][..]),
    ] {
        j.log_in(email).await;
        for page in pages {
            j.visit(page).await;
        }
    }
    // The long address was on the page that measured it.
    j.visit("/admin").await;
    j.sees(counselor, counselor).await;
    assert!(
        j.violations.is_empty(),
        "at 320 px:\n{}",
        j.violations.join("\n")
    );
}
