//! Email for the people who want it: each person's email settings, the
//! weekly digest, the one-click unsubscribe (RFC 8058) and calendar
//! invitations (RFC 5545), read from the mail that arrives at a real SMTP
//! server on loopback.

use reqwest::{Client, StatusCode};

use crate::{
    helpers::{Backend, TestApp, backends, days_from_now, new_client, on_each_backend, posting},
    mail_server::{MailServer, Received},
};

async fn app_with_smtp(backend: Backend, server: &MailServer) -> TestApp {
    let url = server.url();
    TestApp::spawn_with(backend, move |config| config.smtp_url = Some(url)).await
}

async fn save_settings(
    app: &TestApp,
    client: &Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.submit_as(client, "/account/email", "/account/email", fields)
        .await
}

async fn user_flags(app: &TestApp, email: &str) -> (bool, bool, Option<String>) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let user = entity::user::Entity::find()
        .filter(entity::user::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    (user.mail_updates, user.mail_digest, user.language)
}

/// The mail that arrived for `to`, in order.
fn mail_to(server: &MailServer, to: &str) -> Vec<Received> {
    server
        .received()
        .into_iter()
        .filter(|m| m.to == vec![to.to_owned()])
        .collect()
}

/// The mail that arrived for `to` besides the link confirming their address
/// (the first message every claimed student gets), in order.
fn news_to(server: &MailServer, to: &str) -> Vec<Received> {
    mail_to(server, to)
        .into_iter()
        .filter(|m| !m.text().contains("/register/confirm/"))
        .collect()
}

/// Waits until `count` messages reached `to` (at most 15 s).
async fn wait_for_mail_to(server: &MailServer, to: &str, count: usize) -> Vec<Received> {
    wait_for(server, to, count, mail_to).await
}

/// Waits until `count` messages besides the address confirmation reached `to`.
async fn wait_for_news_to(server: &MailServer, to: &str, count: usize) -> Vec<Received> {
    wait_for(server, to, count, news_to).await
}

async fn wait_for(
    server: &MailServer,
    to: &str,
    count: usize,
    read: fn(&MailServer, &str) -> Vec<Received>,
) -> Vec<Received> {
    for _ in 0..300 {
        let mail = read(server, to);
        if mail.len() >= count {
            return mail;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "expected {count} messages to {to}, got {}",
        read(server, to).len()
    );
}

/// The path of a `List-Unsubscribe` header, checked against RFC 8058's shape.
fn one_click_path(app: &TestApp, mail: &Received) -> String {
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click"),
        "RFC 8058 header"
    );
    let header = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
    let url = header
        .strip_prefix('<')
        .and_then(|h| h.strip_suffix('>'))
        .unwrap_or_else(|| panic!("a <URL>: {header}"));
    url.strip_prefix(&app.address)
        .unwrap_or_else(|| panic!("an absolute link to the site: {url}"))
        .to_owned()
}

/// What a mail client does: POST `List-Unsubscribe=One-Click`, no cookie.
async fn one_click(app: &TestApp, path: &str) -> reqwest::Response {
    new_client()
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_job_shadow_day_is_confirmed_in_the_students_language_with_a_calendar_invitation_and_one_click_unsubscribe()
 {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        // An adult: the placement starts without guardian consent.
        app.set_birth_date("Ana", "2000-01-01").await;

        // The settings page says what can never be turned off; Ana opts in, in Spanish.
        let page = app
            .get_as(&ana, "/account/email")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Consent requests to your guardians and safety messages are always sent"),
            "{page}"
        );
        let response = save_settings(&app, &ana, &[("updates", "on"), ("language", "es")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            user_flags(&app, "ana@students.org").await,
            (true, false, Some("es".into()))
        );

        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let day = days_from_now(60);
        let shadow = app
            .published(
                &employer,
                &posting(&[
                    (
                        "title",
                        "Shadow a robotics engineer; bring safety glasses, please",
                    ),
                    ("kind", "job_shadow"),
                    ("allocation", "first_come"),
                    ("address", "233 S Wacker Dr, Floor 12; Room \\B"),
                    ("start_date", &day),
                    ("end_date", &day),
                    ("start_time", "09:00"),
                    ("end_time", "13:30"),
                ]),
            )
            .await;
        let response = app
            .submit_as(
                &ana,
                &format!("/opportunities/{shadow}"),
                &format!("/opportunities/{shadow}/apply"),
                &[("note", "I love robots."), ("availability", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "a seat at once");

        // The confirmation arrives over SMTP, in Spanish, with the calendar file.
        let mail = wait_for_news_to(&server, "ana@students.org", 1)
            .await
            .remove(0);
        assert!(
            mail.subject().contains("Tu práctica está confirmada"),
            "{}",
            mail.subject()
        );
        assert!(
            mail.text().contains("Lakeshore Robotics"),
            "{}",
            mail.text()
        );
        let attachments = mail.attachments();
        assert_eq!(attachments.len(), 1, "one attachment");
        let (name, kind, bytes) = &attachments[0];
        assert!(name.ends_with(".ics"), "{name}");
        assert!(kind.starts_with("text/calendar"), "{kind}");
        let ics = String::from_utf8(bytes.clone()).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics:?}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics:?}");
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "CRLF line ends only"
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line}");
        }
        let unfolded = ics.replace("\r\n ", "");
        let compact = day.replace('-', "");
        // In the site's zone (eyes15b F7): this process's, named as the app
        // names it, and defined in the file.
        let zone = stembridge::format::zone_name().expect("the site's zone");
        for expected in [
            "BEGIN:VTIMEZONE".to_owned(),
            format!("TZID:{zone}"),
            "BEGIN:VEVENT".to_owned(),
            format!("DTSTART;TZID={zone}:{compact}T090000"),
            format!("DTEND;TZID={zone}:{compact}T133000"),
            "ORGANIZER;CN=Lincoln High:mailto:no-reply@stembridge.invalid".to_owned(),
            "SUMMARY:Shadow a robotics engineer\\; bring safety glasses\\, please (Lakeshore Robotics)".to_owned(),
            "LOCATION:233 S Wacker Dr\\, Floor 12\\; Room \\\\B\\, 60606".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            assert!(unfolded.contains(&format!("\r\n{expected}\r\n")), "{expected} in {unfolded}");
        }
        // Her way to give it up, in Spanish and as a student reads it, with
        // the site's address; a day at a site is busy time.
        assert!(
            unfolded.contains(&format!(
                "\\nPara dejar esta práctica\\, abre {}/student/placements/",
                app.address
            )),
            "{unfolded}"
        );
        assert!(!unfolded.contains("TRANSP:"), "{unfolded}");
        let uid = unfolded
            .split("\r\n")
            .find(|l| l.starts_with("UID:"))
            .expect("a UID");
        assert!(uid.len() > 20 && uid.contains('@'), "{uid}");
        assert!(
            unfolded.split("\r\n").any(|l| l.starts_with("DTSTAMP:")
                && l.ends_with('Z')
                && l.len() == "DTSTAMP:20261128T231500Z".len()),
            "a UTC DTSTAMP"
        );

        // One click from the mail client, with no session, unsubscribes her.
        let path = one_click_path(&app, &mail);
        assert!(path.starts_with("/unsubscribe/"), "{path}");
        assert!(mail.text().contains(&path), "the link is in the text too");
        let response = one_click(&app, &path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(!user_flags(&app, "ana@students.org").await.0);
        // Again: nothing more to do, still fine.
        assert_eq!(one_click(&app, &path).await.status(), StatusCode::OK);
        // An altered token does nothing.
        let last = if path.ends_with('0') { "1" } else { "0" };
        let forged = format!("{}{last}", &path[..path.len() - 1]);
        assert_eq!(
            one_click(&app, &forged).await.status(),
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn the_weekly_digest_lists_matching_postings_once_a_week_and_stops_after_unsubscribing() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ben = app.student(school, "Ben", "Okafor", 10).await;
        // Ben needs a wheelchair-accessible site and asks for the digest.
        let response = app
            .submit_as(
                &ben,
                "/student/profile",
                "/student/profile",
                &[("needs", "wheelchair_accessible"), ("languages", "en")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "needs saved");
        let response = save_settings(&app, &ben, &[("digest", "on"), ("language", "en")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Cleo asked too, but the school's roster has since dropped her.
        let cleo = app.student(school, "Cleo", "Diaz", 10).await;
        let response = save_settings(&app, &cleo, &[("digest", "on"), ("language", "en")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        {
            use sea_orm::ConnectionTrait;
            app.db
                .execute_unprepared("UPDATE student SET active = false WHERE first_name = 'Cleo'")
                .await
                .unwrap();
        }

        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        app.published(&employer, &posting(&[("title", "Accessible robotics lab")]))
            .await;
        app.published(
            &employer,
            &posting(&[
                ("title", "Rooftop weather station"),
                ("features", "flexible_schedule"),
            ]),
        )
        .await;

        // The job runs twice at once (two servers): one digest is queued,
        // Ben's (none for Cleo).
        let now = chrono::Utc::now();
        let (first, second) = tokio::join!(
            stembridge::mail::digest::run_once(&app.db, now),
            stembridge::mail::digest::run_once(&app.db, now),
        );
        assert_eq!(first.unwrap() + second.unwrap(), 1);
        assert_eq!(
            stembridge::mail::digest::run_once(&app.db, now)
                .await
                .unwrap(),
            0
        );
        assert_eq!(app.count("mail_digest").await, 1);
        assert_eq!(
            app.count("mail_digest WHERE opportunities = 1 AND mail_id IS NOT NULL")
                .await,
            1
        );

        let mail = wait_for_news_to(&server, "ben@students.org", 1)
            .await
            .remove(0);
        assert!(
            mail.subject()
                .contains("One new opportunity for you this week"),
            "{}",
            mail.subject()
        );
        let text = mail.text();
        assert!(text.contains("Accessible robotics lab"), "{text}");
        assert!(
            !text.contains("Rooftop weather station"),
            "it lacks Ben's need"
        );
        assert!(text.contains("Consent requests and safety messages are always sent"));

        // A person opens the link: a page asks first, the button unsubscribes.
        let path = one_click_path(&app, &mail);
        let browser = new_client();
        let page = app.get_as(&browser, &path).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert_eq!(page.headers()["cache-control"], "no-store");
        let page = page.text().await.unwrap();
        assert!(
            page.contains("Stop the weekly digest") && page.contains("b•••@students.org"),
            "{page}"
        );
        assert!(
            !page.contains("ben@students.org"),
            "never the whole address"
        );
        assert!(
            user_flags(&app, "ben@students.org").await.1,
            "a GET changes nothing"
        );
        let response = browser
            .post(app.url(&path))
            .form(&[("List-Unsubscribe", "One-Click")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("the weekly digest no longer goes")
        );
        assert!(!user_flags(&app, "ben@students.org").await.1);

        // Next week brings a new matching posting, and no digest for Ben.
        app.published(
            &employer,
            &posting(&[("title", "Accessible chemistry lab")]),
        )
        .await;
        let next_week = now + chrono::Duration::days(7);
        assert_eq!(
            stembridge::mail::digest::run_once(&app.db, next_week)
                .await
                .unwrap(),
            0
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            news_to(&server, "ben@students.org").len(),
            1,
            "nothing more arrived"
        );
        assert_eq!(app.count("mail_outbox WHERE kind = 'digest'").await, 1);
    }
}

#[tokio::test]
async fn email_settings_refuse_bad_input_forged_links_and_staff() {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        for (fields, field) in [
            (vec![("updates", "yes"), ("language", "en")], "updates"),
            (vec![("updates", "on"), ("language", "fr")], "language"),
        ] {
            let response = save_settings(&app, &ana, &fields).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            let page = response.text().await.unwrap();
            assert!(page.contains(&format!("f-{field}")), "{field} named: {page}");
            assert_eq!(user_flags(&app, "ana@students.org").await, (false, false, None), "nothing saved");
        }
        // The digest is for students.
        let admin = app.admin().await;
        let erin = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let response = save_settings(&app, &erin, &[("digest", "on"), ("language", "en")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains("The weekly digest is for students."));
        let response = save_settings(&app, &erin, &[("updates", "on"), ("language", "es")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(user_flags(&app, "erin@lakeshore.org").await, (true, false, Some("es".into())));
        // Staff get no optional mail: no settings page.
        assert_eq!(app.get_as(&admin, "/account/email").await.status(), StatusCode::FORBIDDEN);
        // Links that were never made lead nowhere, reading or posting.
        for path in [
            "/unsubscribe/u1-digest-0000000000000000000000000000000000000000000000000000000000000000",
            "/unsubscribe/nonsense",
            "/email/g1-prefs-0000000000000000000000000000000000000000000000000000000000000000",
        ] {
            assert_eq!(app.get(path).await.status(), StatusCode::NOT_FOUND, "{path}");
            if path.starts_with("/unsubscribe/") {
                assert_eq!(one_click(&app, path).await.status(), StatusCode::NOT_FOUND, "{path}");
            }
        }
        assert_eq!(app.count("app_user WHERE mail_updates = true").await, 1, "only Erin's own choice");
    })
    .await;
}

/// The id at the end of a redirect to `/student/applications/{id}`.
fn application_id(response: &reqwest::Response) -> i32 {
    crate::helpers::location(response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn students_and_employers_who_asked_hear_of_applications_and_decisions_and_nobody_else_does()
{
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let ben = app.student(school, "Ben", "Okafor", 11).await;
        let admin = app.admin().await;
        let erin = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        // Ana and Erin ask for updates; Ben does not.
        for client in [&ana, &erin] {
            let response =
                save_settings(&app, client, &[("updates", "on"), ("language", "en")]).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let posting = app.published(&erin, &posting(&[])).await;
        let mut applications = Vec::new();
        for student in [&ana, &ben] {
            let response = app
                .submit_as(
                    student,
                    &format!("/opportunities/{posting}"),
                    &format!("/opportunities/{posting}/apply"),
                    &[("note", "I love robots."), ("availability", "")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            applications.push(application_id(&response));
        }
        // Erin hears of both applications (after the mails that confirmed her
        // address when she registered and told her the organization was verified).
        let mail: Vec<Received> = wait_for_mail_to(&server, "erin@lakeshore.org", 4)
            .await
            .into_iter()
            .filter(|m| {
                !m.text().contains("/register/confirm/")
                    && !m.subject().contains("is verified on STEMbridge")
            })
            .collect();
        assert!(
            mail[0]
                .subject()
                .contains("New application: Robotics lab intern")
        );
        assert!(mail[0].text().contains("Ana applied"), "{}", mail[0].text());
        assert!(mail[1].text().contains("Ben applied"), "{}", mail[1].text());
        assert!(mail[0].header("List-Unsubscribe").is_some());

        // An offer to Ana, a "not selected" to Ben: only Ana asked to hear.
        for (id, action) in [(applications[0], "offer"), (applications[1], "reject")] {
            let response = app
                .submit_as(
                    &erin,
                    "/employer",
                    &format!("/employer/applications/{id}/{action}"),
                    &[],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action}");
        }
        let offer = wait_for_news_to(&server, "ana@students.org", 1)
            .await
            .remove(0);
        assert!(
            offer
                .subject()
                .contains("You have an offer: Robotics lab intern"),
            "{}",
            offer.subject()
        );
        assert!(
            offer
                .text()
                .contains(&format!("/student/applications/{}", applications[0]))
        );
        assert!(
            offer
                .text()
                .contains("Consent requests and safety messages are always sent")
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(
            news_to(&server, "ben@students.org").is_empty(),
            "Ben did not ask"
        );
        assert_eq!(
            app.count(
                "mail_outbox WHERE recipient = 'ben@students.org' AND kind <> 'confirm_email'"
            )
            .await,
            0
        );
    }
}

#[tokio::test]
async fn mail_about_a_student_queued_before_a_suspension_is_held_back_not_sent() {
    for backend in backends() {
        let mut server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let school = app.school("Lincoln High").await;
        let ana = app.student(school, "Ana", "Rivera", 11).await;
        let admin = app.admin().await;
        let erin = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let response = save_settings(&app, &erin, &[("updates", "on"), ("language", "en")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let posting = app.published(&erin, &posting(&[])).await;
        // The address confirmation and "verified" are out; then SMTP goes down.
        wait_for_mail_to(&server, "erin@lakeshore.org", 2).await;
        server.stop().await;

        let response = app
            .submit_as(
                &ana,
                &format!("/opportunities/{posting}"),
                &format!("/opportunities/{posting}/apply"),
                &[("note", "I love robots."), ("availability", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let tried = "mail_outbox WHERE for_organization_id IS NOT NULL AND attempts >= 1 \
                     AND sent_at IS NULL AND failed_at IS NULL";
        app.wait_for_count(tried, 1, "the news of Ana waits for SMTP")
            .await;

        let response = app
            .review(
                &admin,
                "Lakeshore Robotics",
                "suspend",
                "Safeguarding concern",
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        server.restart().await;

        // Erin hears of the suspension (about her account: always sent) ...
        let mail = server.wait_for_to("erin@lakeshore.org", 3, 30).await;
        assert!(
            mail.iter().any(|m| m.text().contains("suspended")),
            "{:?}",
            mail.iter().map(Received::subject).collect::<Vec<_>>()
        );
        // ... but never that Ana applied: that message is held back, bodies gone.
        let held = "mail_outbox WHERE for_organization_id IS NOT NULL AND last_error = 'withheld' \
                    AND failed_at IS NOT NULL AND sent_at IS NULL AND text_body = ''";
        app.wait_for_count(held, 1, "held back").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(
            server
                .received_to("erin@lakeshore.org")
                .iter()
                .all(|m| !m.text().contains("Ana applied")),
            "no news of a student reaches a suspended organization"
        );
        // Admins see why it was not sent.
        let list = app
            .get_as(&admin, "/admin/mail")
            .await
            .text()
            .await
            .unwrap();
        assert!(list.contains("Held back"), "{list}");
    }
}

/// Link rewriters of school mail (Safe Links, Mimecast, Proofpoint) and
/// text converters read the address in `href` as written: `/` stays `/`,
/// while what a person typed is still escaped.
#[tokio::test]
async fn links_in_html_mail_are_plain_addresses_and_typed_text_stays_escaped() {
    for backend in backends() {
        let server = MailServer::start().await;
        let app = app_with_smtp(backend, &server).await;
        let email = "erin@lakeshore.org";
        let response = app
            .submit(
                "/register",
                "/register",
                &[
                    ("organization_name", "Lakeshore <b>Robotics</b> & Co"),
                    ("zip", "60606"),
                    ("display_name", "Erin \"E\" O'Hara <i>"),
                    ("email", email),
                    ("password", crate::helpers::PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let mut delivered = Vec::new();
        for _ in 0..200 {
            delivered = crate::mail_server::delivered_to(&server.url(), email);
            if !delivered.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let mail = delivered.pop().expect("the confirmation arrives");
        let link = mail.link("/register/confirm/");
        let html = mail.html();
        let address = format!("{}{link}", app.address);
        assert!(html.contains(&format!("href=\"{address}\"")), "{html}");
        assert!(html.contains(&format!("<p>{address}</p>")), "{html}");
        assert!(!html.contains("&#x2f;"), "{html}");
        assert!(
            html.contains("Erin &quot;E&quot; O&#x27;Hara &lt;i&gt;"),
            "{html}"
        );
        assert!(!html.contains("<i>") && !html.contains("<b>"), "{html}");
    }
}
