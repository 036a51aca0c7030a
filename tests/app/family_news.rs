//! What a minor's family is told when a placement they were asked about,
//! or confirmed for, does not go ahead; and who may answer a guardian's
//! consent link (eyes13a F1, eyes13c F1-F4). Real SMTP throughout.

use reqwest::StatusCode;
use sea_orm::EntityTrait;

use crate::{
    families::{give_consent, placement_status},
    guardian_contacts::{Waiting, waiting_for_maria},
    helpers::{backends, new_client},
    mail_server::Received,
};

/// The calendar file a mail carries, as text.
pub(crate) fn calendar_of(mail: &Received) -> String {
    let (name, _, body) = mail
        .attachments()
        .into_iter()
        .find(|(name, _, _)| name.ends_with(".ics"))
        .unwrap_or_else(|| panic!("a calendar file in {}", mail.subject()));
    assert_eq!(name, "stembridge-placement.ics");
    String::from_utf8(body).unwrap()
}

/// Ana proves her sign-in address from the mail the claim sent: until
/// then nothing but that proof is mailed to it.
pub(crate) async fn ana_confirms_her_address(
    app: &crate::helpers::TestApp,
    w: &crate::families::World,
) {
    let link = app
        .link_mailed_to("ana@students.org", "/register/confirm/")
        .await;
    let response = app.submit_as(&w.student, &link, &link, &[]).await;
    assert!(response.status().is_redirection(), "{}", response.status());
}

pub(crate) fn uid_of(calendar: &str) -> String {
    calendar
        .lines()
        .find_map(|line| line.strip_prefix("UID:"))
        .expect("a UID")
        .to_owned()
}

/// The revision a calendar file is: a calendar keeps the highest.
pub(crate) fn sequence_of(calendar: &str) -> u32 {
    calendar
        .lines()
        .find_map(|line| line.strip_prefix("SEQUENCE:"))
        .expect("a SEQUENCE")
        .parse()
        .unwrap()
}

/// María consents, then unsubscribes from optional mail with her mail
/// client's one-click button; the school then calls the placement off for
/// a safety concern. She still hears, in Spanish, that Ana should not go,
/// without the reason, naming the school, with the calendar entry she was
/// sent cancelled by its UID.
#[tokio::test]
async fn a_family_that_unsubscribed_still_hears_a_confirmed_placement_is_called_off() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        let link = first.link("/consent/");
        assert_eq!(
            give_consent(&app, &new_client(), &link).await.status(),
            StatusCode::OK
        );
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(confirmed.subject().contains("confirmada"));
        let sent = calendar_of(&confirmed);
        assert!(sent.contains("STATUS:CONFIRMED"), "{sent}");
        let unsubscribe = confirmed
            .header("List-Unsubscribe")
            .expect("optional mail")
            .trim_start_matches('<')
            .trim_end_matches('>')
            .strip_prefix(&app.address)
            .expect("the site's own link")
            .to_owned();
        let response = new_client()
            .post(app.url(&unsubscribe))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);

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
        assert_eq!(placement_status(&app, placement).await, "cancelled");

        // (Her unsubscribing was also mailed to her: "settings changed".)
        let told = server
            .wait_for_subject("maria@example.org", "no seguirá", 15)
            .await;
        let text = told.text();
        for expected in ["Lincoln High", "no debe ir allí", "Ana"] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        for secret in ["segur", "complaint", "safety"] {
            assert!(!text.to_lowercase().contains(secret), "{secret}: {text}");
        }
        assert!(
            told.header("List-Unsubscribe").is_none(),
            "a safety message cannot be unsubscribed from"
        );
        let cancelled = calendar_of(&told);
        assert_eq!(uid_of(&cancelled), uid_of(&sent), "the same event");
        assert!(
            sequence_of(&cancelled) > sequence_of(&sent),
            "the cancellation replaces the confirmation: {cancelled}"
        );
        assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");
    }
}

/// Ana gives back a seat still waiting for consent: María, who holds the
/// request, hears she need not answer, and her link says so.
#[tokio::test]
async fn a_family_asked_for_consent_hears_when_the_student_gives_the_seat_back() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let page = format!("/student/placements/{placement}");
        let response = app
            .submit_as(
                &w.student,
                &page,
                &format!("{page}/withdraw"),
                &[("reason", "schedule_conflict")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            told.subject().contains("will not go ahead"),
            "{}",
            told.subject()
        );
        assert!(told.text().contains("you do not need to answer"));
        assert!(told.attachments().is_empty(), "nothing was in her calendar");
        let link = new_client()
            .get(app.url(&first.link("/consent/")))
            .send()
            .await
            .unwrap();
        assert_eq!(link.status(), StatusCode::GONE);
    }
}

/// The counselor records a paper form declining: every contact hears it,
/// with the name on the form, and may object; Ana reads it as the school's
/// record, not as her mother's refusal; María's own link says the decision
/// is made and whom to ask, without promising a new link.
#[tokio::test]
async fn a_paper_decline_is_told_to_the_family_with_the_name_on_the_form() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let response = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "Paper Parent"),
                    ("relationship", "father"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "consent_declined");
        let told = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        assert!(
            told.subject().contains("Consent declined on paper"),
            "{}",
            told.subject()
        );
        let text = told.text();
        for expected in ["Paper Parent", "Lincoln High", "If no one in your family"] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        let notices = app
            .get_as(&w.student, "/notifications")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            notices.contains("Your school recorded a paper form declining"),
            "{notices}"
        );
        let used = new_client()
            .get(app.url(&first.link("/consent/")))
            .send()
            .await
            .unwrap();
        assert_eq!(used.status(), StatusCode::GONE);
        let body = used.text().await.unwrap();
        // She never used it: the page says the school recorded a paper
        // form, not that her link was used (eyes18b F8).
        assert!(body.contains("The school recorded a paper form"), "{body}");
        assert!(body.contains("nobody used yours"), "{body}");
        assert!(
            !body.contains("This consent link was already used"),
            "{body}"
        );
        assert!(!body.contains("To get a new link"), "{body}");
    }
}

/// A guardian's link forwarded to the counselor or opened on the admin's
/// computer: no signed-in account answers it, and nothing is recorded.
#[tokio::test]
async fn no_signed_in_account_answers_a_guardians_consent_link() {
    for backend in backends() {
        let Waiting {
            app,
            w,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        let link = first.link("/consent/");
        for staff in [&w.counselor.client, &w.admin.client] {
            let page = app.get_as(staff, &link).await;
            assert_eq!(page.status(), StatusCode::FORBIDDEN);
            let body = page.text().await.unwrap();
            assert!(body.contains("school or employer account"), "{body}");
            assert!(!body.contains("name=\"decision\""), "no form");
            let response = give_consent(&app, staff, &link).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN);
            assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        }
        // The same link in María's own browser still works.
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

/// The school's record now says Ana is 18 by the first day (a roster
/// corrected her birth date): her mother's link no longer decides, no new
/// link goes out, and no paper form is recorded in a guardian's name.
#[tokio::test]
async fn a_student_who_is_an_adult_by_the_first_day_is_not_decided_for_by_the_family() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        app.set_birth_date("Ana", "2000-01-01").await;
        let link = first.link("/consent/");
        let page = new_client().get(app.url(&link)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::GONE);
        assert!(page.text().await.unwrap().contains("18 or older"));
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let resend = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(resend.status(), StatusCode::CONFLICT);
        let paper = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent"),
                &[
                    ("guardian_name", "María Rivera"),
                    ("relationship", "mother"),
                    ("decision", "decline"),
                ],
            )
            .await;
        assert_eq!(paper.status(), StatusCode::CONFLICT);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            server.received_to("maria@example.org").len(),
            1,
            "only the first request ever reached her"
        );
    }
}

/// María's browser keeps no cookies (a school-managed device): she can
/// still report a contact change she did not ask for, as she can answer a
/// consent link; from another site she cannot (eyes13a F5).
#[tokio::test]
async fn a_family_whose_browser_keeps_no_cookies_can_report_a_contact_change() {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "es").await;
        let response =
            crate::guardian_contacts::correct_maria(&app, &w, "carla.home@example.net", "true")
                .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1)
            .link("/address-report/");
        let cookieless = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = cookieless
            .get(app.url(&report))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = crate::helpers::extract_csrf(&page).expect("the form");
        let forged = cookieless
            .post(app.url(&report))
            .header("Origin", "https://evil.example")
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            app.count("address_report WHERE reported_at IS NOT NULL")
                .await,
            0
        );
        let sent = cookieless
            .post(app.url(&report))
            .header("Origin", app.url(""))
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::OK);
        assert_eq!(
            app.count("address_report WHERE reported_at IS NOT NULL")
                .await,
            1
        );
    }
}

/// Ana left the school (the roster made her inactive) while her placement
/// waited for consent: María's link no longer starts it, and no new link
/// goes out (eyes13c F7).
#[tokio::test]
async fn a_placement_of_a_student_who_left_the_school_is_not_started_by_the_family() {
    for backend in backends() {
        let Waiting {
            app,
            w,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        use sea_orm::ConnectionTrait;
        app.db
            .execute_unprepared(&format!(
                "UPDATE student SET active = false WHERE id = {}",
                w.student_id
            ))
            .await
            .unwrap();
        let link = first.link("/consent/");
        let page = new_client().get(app.url(&link)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::GONE);
        assert!(
            page.text()
                .await
                .unwrap()
                .contains("no longer lists the student")
        );
        let response = give_consent(&app, &new_client(), &link).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let resend = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(resend.status(), StatusCode::CONFLICT);
        assert_eq!(placement_status(&app, placement).await, "awaiting_consent");
    }
}

/// María has not answered in 4 days: she is asked again with a fresh link
/// (the first stops working), then once more, and no more; a family asked
/// lately is not reminded.
#[tokio::test]
async fn a_family_that_has_not_answered_is_asked_again_twice_at_most() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    use stembridge::placements::reminder::remind;
    // Every request of the test's placement sent `days` earlier than it
    // was (each request keeps its own moment: a guardian's rows share it).
    async fn sent_days_ago(app: &crate::helpers::TestApp, days: i64) {
        for row in entity::consent_request::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
        {
            entity::consent_request::Entity::update_many()
                .col_expr(
                    entity::consent_request::Column::CreatedAt,
                    Expr::value(row.created_at - chrono::Duration::days(days)),
                )
                .filter(entity::consent_request::Column::Id.eq(row.id))
                .exec(&app.db)
                .await
                .unwrap();
        }
    }
    for backend in backends() {
        let Waiting {
            server,
            app,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "es").await;
        let now = chrono::Utc::now();
        assert_eq!(remind(&app.db, now).await.unwrap(), 0, "asked lately");
        for round in 2..=3 {
            sent_days_ago(&app, 5).await;
            assert_eq!(remind(&app.db, now).await.unwrap(), 1, "round {round}");
            let again = server
                .wait_for_to("maria@example.org", round, 15)
                .await
                .remove(round - 1);
            // It says it is a reminder, replacing the mail before, and
            // names the posting (eyes15b F6).
            assert!(
                again
                    .subject()
                    .starts_with("Recordatorio, aún se necesita su consentimiento"),
                "{}",
                again.subject()
            );
            assert!(again.subject().contains('“'), "{}", again.subject());
            assert!(
                again.text().contains("Este correo reemplaza a aquel"),
                "{}",
                again.text()
            );
        }
        sent_days_ago(&app, 5).await;
        assert_eq!(remind(&app.db, now).await.unwrap(), 0, "three at most");
        // The first link no longer works; the newest does.
        let old = new_client()
            .get(app.url(&first.link("/consent/")))
            .send()
            .await
            .unwrap();
        assert_eq!(old.status(), StatusCode::GONE);
        // It points to the newest email rather than to asking for a link
        // that is already in the inbox.
        let page = old.text().await.unwrap();
        assert!(page.contains("más reciente"), "{page}");
        assert!(!page.contains("puede pedir"), "{page}");
        let newest = server.received_to("maria@example.org").remove(2);
        let response = give_consent(&app, &new_client(), &newest.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(placement_status(&app, placement).await, "active");
    }
}

/// The employer closes a started placement as "ended early" (not through
/// the early-end form): the family that was confirmed still hears it, with
/// the calendar entry cancelled (eyes13e F1).
#[tokio::test]
async fn an_employer_closing_a_placement_as_ended_early_tells_the_family() {
    use sea_orm::{EntityTrait, sea_query::Expr};
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        ana_confirms_her_address(&app, &w).await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_to("maria@example.org", 2, 15).await;
        // It started yesterday.
        entity::placement::Entity::update_many()
            .col_expr(
                entity::placement::Column::StartDate,
                Expr::value(chrono::Local::now().date_naive() - chrono::Duration::days(1)),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        let page = format!("/employer/placements/{placement}");
        // A comment only Ana reads cannot carry a way to reach the
        // employer outside STEMbridge (eyes13f F2).
        let refused = app
            .submit_as(
                &employer,
                &page,
                &format!("{page}/complete"),
                &[
                    ("outcome", "ended_early"),
                    ("communication", "3"),
                    ("teamwork", "3"),
                    ("technical", "3"),
                    ("reliability", "3"),
                    ("comment", "Keep in touch: text me at 312-555-0199"),
                ],
            )
            .await;
        assert!(refused.status().is_client_error(), "{}", refused.status());
        assert_eq!(placement_status(&app, placement).await, "active");
        let response = app
            .submit_as(
                &employer,
                &page,
                &format!("{page}/complete"),
                &[
                    ("outcome", "ended_early"),
                    ("communication", "3"),
                    ("teamwork", "3"),
                    ("technical", "3"),
                    ("reliability", "3"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(placement_status(&app, placement).await, "ended_early");
        let told = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(
            told.subject().contains("will not go on"),
            "{}",
            told.subject()
        );
        assert!(calendar_of(&told).contains("STATUS:CANCELLED"));
        // Ana, whom the confirmation may have put it in a calendar too,
        // hears it by mail whatever her settings, with the entry cancelled
        // (eyes15b F5); each message has its own Message-ID (eyes15b F1).
        let ana = server
            .wait_for_subject("ana@students.org", "Your placement will not go on", 15)
            .await;
        let cancel = calendar_of(&ana);
        assert!(cancel.contains("STATUS:CANCELLED"), "{cancel}");
        // Its description speaks to her (eyes15b F7).
        assert!(
            cancel
                .replace("\r\n ", "")
                .contains("do not go there. Questions: talk to Lincoln High."),
            "{cancel}"
        );
        assert!(ana.text().contains("Do not go there"), "{}", ana.text());
        assert!(ana.header("List-Unsubscribe").is_none(), "a safety message");
        let ids: Vec<String> = [&told, &ana]
            .iter()
            .map(|m| m.header("Message-ID").expect("a Message-ID"))
            .collect();
        assert!(ids[0].starts_with('<') && ids[0].ends_with('>'), "{ids:?}");
        assert_ne!(ids[0], ids[1]);
    }
}

/// María takes her consent back by telling the school: the counselor ends
/// the placement with that reason (only the school may give it), and the
/// family hears it will not go on (eyes13c F5).
#[tokio::test]
async fn a_consent_withdrawn_through_the_school_ends_the_placement_and_only_the_school_records_it()
{
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        ana_confirms_her_address(&app, &w).await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_to("maria@example.org", 2, 15).await;
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        let page = format!("/employer/placements/{placement}");
        let form = app.get_as(&employer, &page).await.text().await.unwrap();
        assert!(
            !form.contains("value=\"consent_withdrawn\""),
            "not the employer's"
        );
        let refused = app
            .submit_as(
                &employer,
                &page,
                &format!("{page}/end"),
                &[("reason", "consent_withdrawn")],
            )
            .await;
        assert!(refused.status().is_client_error(), "{}", refused.status());
        let body = refused.text().await.unwrap();
        assert!(body.contains("Choose a reason"), "{body}");
        assert_eq!(placement_status(&app, placement).await, "active");
        let record = format!("/counselor/placements/{placement}");
        let form = app
            .get_as(&w.counselor, &record)
            .await
            .text()
            .await
            .unwrap();
        assert!(form.contains("value=\"consent_withdrawn\""), "{form}");
        let response = app
            .submit_as(
                &w.counselor,
                &record,
                &format!("{record}/end"),
                &[("reason", "consent_withdrawn")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let told = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert!(
            told.subject().contains("will not go on"),
            "{}",
            told.subject()
        );
        // Ana is told by mail too: the school called it off (eyes15b F5).
        let ana = server
            .wait_for_subject("ana@students.org", "Your placement will not go on", 15)
            .await;
        assert!(calendar_of(&ana).contains("STATUS:CANCELLED"));
    }
}

/// After María consented, the employer names Ana's mentor, then replaces
/// them: each time the family hears who the adult meeting Ana is
/// (eyes13c F6).
#[tokio::test]
async fn a_family_that_consented_hears_who_the_mentor_is_each_time_it_changes() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            placement,
            first,
            ..
        } = waiting_for_maria(backend, "en").await;
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        server.wait_for_to("maria@example.org", 2, 15).await;
        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        let page = format!("/employer/placements/{placement}");
        for (round, name) in [(3, "Dr. Rosa Diaz"), (4, "Sam Lee")] {
            let response = app
                .submit_as(
                    &employer,
                    &page,
                    &format!("{page}/mentor"),
                    &[("name", name), ("role", "Engineer"), ("languages", "en")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            let told = server
                .wait_for_to("maria@example.org", round, 15)
                .await
                .remove(round - 1);
            assert!(told.subject().contains("mentor"), "{}", told.subject());
            assert!(
                told.text().contains(&format!("{name} (Engineer)")),
                "{}",
                told.text()
            );
        }
    }
}

/// María consents; her confirmation's button withdraws it. Signed-in
/// accounts, a forged placement number, a missing tick and a cross-site
/// form are refused with nothing written; then she withdraws: the placement
/// is called off, the whole family is told who withdrew (the calendar entry
/// cancelled), the school reads her words and the student and employer do
/// not, and a second tab finds nothing left to withdraw.
#[tokio::test]
async fn a_guardian_withdraws_consent_by_the_link_in_the_confirmation() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "es").await;
        let settings = first.link("/email/");
        let response = give_consent(&app, &new_client(), &first.link("/consent/")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let confirmed = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let link = confirmed.link("/withdraw/");
        assert!(confirmed.text().contains("Retirar el consentimiento"));
        // Her settings page, reached from any mail's footer, lists it, but
        // mails her the link rather than holding it: a sibling with one
        // forwarded mail cannot stop the placement (eyes15a F6).
        let page = app
            .get_as(&new_client(), &settings)
            .await
            .text()
            .await
            .unwrap();
        let token = link.trim_start_matches("/withdraw/");
        assert!(page.contains("withdraw-links"), "{page}");
        assert!(!page.contains(token), "{page}");
        let ask = format!("{settings}/withdraw-link");
        let response = app
            .submit_as(
                &new_client(),
                &settings,
                &ask,
                &[("placement", placement.to_string().as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        assert!(body.contains("id=\"link-mailed\""), "{body}");
        assert!(!body.contains(token), "{body}");
        let mailed = server
            .wait_for_to("maria@example.org", 3, 15)
            .await
            .remove(2);
        assert_eq!(mailed.link("/withdraw/"), link);
        assert!(
            mailed.subject().contains("retirar el consentimiento"),
            "{}",
            mailed.subject()
        );
        // Its own few a day: asked again and again, the page says it was
        // sent before (429) and no more mail goes out (eyes15c F1).
        for _ in 0..2 {
            let response = app
                .submit_as(
                    &new_client(),
                    &settings,
                    &ask,
                    &[("placement", placement.to_string().as_str())],
                )
                .await;
            assert_eq!(response.status(), StatusCode::OK);
        }
        let refused = app
            .submit_as(
                &new_client(),
                &settings,
                &ask,
                &[("placement", placement.to_string().as_str())],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let body = refused.text().await.unwrap();
        assert!(body.contains("id=\"link-mailed-before\""), "{body}");
        assert_eq!(
            server.wait_for_to("maria@example.org", 5, 15).await.len(),
            5,
            "three in all"
        );
        assert_eq!(
            app.count("audit_log WHERE action = 'mail_withdraw_link'")
                .await,
            3
        );
        // Her consent by link is on the log too (eyes15c F2).
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'consent_by_link' AND actor_id = 0 \
                 AND actor_kind = 'guardian_link'"
            )
            .await,
            1
        );
        for other in ["999999", "abc", ""] {
            let response = app
                .submit_as(&new_client(), &settings, &ask, &[("placement", other)])
                .await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{other}");
        }

        let employer = new_client();
        app.login_as(&employer, "erin@lakeshore.org", crate::helpers::PASSWORD)
            .await;
        // Erin asks for updates by mail (her account's email settings).
        {
            use sea_orm::ConnectionTrait;
            app.db
                .execute_unprepared(
                    "UPDATE app_user SET mail_updates = true WHERE email = 'erin@lakeshore.org'",
                )
                .await
                .unwrap();
        }
        for signed_in in [&w.student, &employer, &w.counselor.client] {
            let response = app.get_as(signed_in, &link).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN);
            let response = app
                .submit_as(signed_in, "/register", &link, &[("confirm", "on")])
                .await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN);
        }
        // Another placement's number under her signature opens nothing.
        let forged = link.replace(
            &format!("withdraw{placement}-"),
            &format!("withdraw{}-", placement + 1),
        );
        assert_ne!(forged, link);
        let guardian = new_client();
        assert_eq!(
            app.get_as(&guardian, &forged).await.status(),
            StatusCode::NOT_FOUND
        );
        let page = app.get_as(&guardian, &link).await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(
            page.contains("Retirar el consentimiento para la práctica de Ana"),
            "{page}"
        );
        let unticked = app
            .submit_as(
                &guardian,
                "/register",
                &link,
                &[("note", "Cambiamos de planes")],
            )
            .await;
        assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unticked.text().await.unwrap().contains("Marque la casilla"));
        let long = "x".repeat(501);
        let too_long = app
            .submit_as(
                &guardian,
                "/register",
                &link,
                &[("confirm", "on"), ("note", &long)],
            )
            .await;
        assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let cross_site = new_client()
            .post(app.url(&link))
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("confirm=on")
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
        assert_eq!(placement_status(&app, placement).await, "active");

        let done = app
            .submit_as(
                &guardian,
                "/register",
                &link,
                &[("confirm", "on"), ("note", "Cambiamos de planes")],
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK);
        assert!(
            done.text()
                .await
                .unwrap()
                .contains("Consentimiento retirado")
        );
        assert_eq!(placement_status(&app, placement).await, "cancelled");

        let told = server
            .wait_for_to("maria@example.org", 6, 15)
            .await
            .remove(5);
        assert!(
            told.subject().contains("Consentimiento retirado"),
            "{}",
            told.subject()
        );
        let text = told.text();
        for expected in ["María Rivera", "Lincoln High", "no debe ir allí"] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        assert!(
            told.header("List-Unsubscribe").is_none(),
            "a safety message"
        );
        let cancelled = calendar_of(&told);
        assert_eq!(uid_of(&cancelled), uid_of(&calendar_of(&confirmed)));
        assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");

        // The employer, who asked for updates, is mailed too, without the
        // guardian's name or words.
        let mut employer_mail = None;
        for _ in 0..150 {
            employer_mail = crate::mail_server::delivered_to(&server.url(), "erin@lakeshore.org")
                .into_iter()
                .find(|m| m.subject().contains("consent withdrawn"));
            if employer_mail.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let employer_mail = employer_mail.unwrap_or_else(|| {
            let got: Vec<String> =
                crate::mail_server::delivered_to(&server.url(), "erin@lakeshore.org")
                    .iter()
                    .map(|m| m.subject())
                    .collect();
            panic!("the employer is mailed: {got:?}")
        });
        assert!(!employer_mail.text().contains("Cambiamos de planes"));
        assert!(!employer_mail.text().contains("María"));

        // The school reads who withdrew and her words; the student and the
        // employer read the reason alone.
        let record = format!("/counselor/placements/{placement}");
        let school = app
            .get_as(&w.counselor, &record)
            .await
            .text()
            .await
            .unwrap();
        assert!(school.contains("Cambiamos de planes"), "{school}");
        assert!(school.contains("María Rivera"), "{school}");
        let student_page = format!("/student/placements/{placement}");
        let employer_page = format!("/employer/placements/{placement}");
        for (reader, page) in [(&w.student, &student_page), (&employer, &employer_page)] {
            let body = app.get_as(reader, page).await.text().await.unwrap();
            assert!(!body.contains("Cambiamos de planes"), "{page}: {body}");
        }

        // On the audit log as a guardian's act through her link: no
        // account, the guardian and the address her link was signed over.
        let guardian_id = crate::families::maria(&app).await.id;
        let audit =
            crate::families::text(&app, &w.admin, "/admin/audit?action=withdraw_consent").await;
        assert!(
            audit.contains("<td>A guardian, through the link emailed to them</td>"),
            "{audit}"
        );
        let subject = format!(
            "placement {placement} (consent_withdrawn, cancelled), student {}, guardian {guardian_id}: link to maria@example.org",
            w.student_id
        );
        assert!(audit.contains(&subject), "{subject}: {audit}");
        assert_eq!(
            app.count(
                "audit_log WHERE action = 'withdraw_consent' AND actor_id = 0 \
                 AND actor_kind = 'guardian_link'"
            )
            .await,
            1
        );

        // A second tab: nothing left to withdraw, and nothing else changes.
        let again = app
            .submit_as(&new_client(), "/register", &link, &[("confirm", "on")])
            .await;
        assert_eq!(again.status(), StatusCode::GONE);
        let page = app
            .get_as(&new_client(), &settings)
            .await
            .text()
            .await
            .unwrap();
        assert!(!page.contains("withdraw-links"), "{page}");
        assert_eq!(
            server.wait_for_to("maria@example.org", 6, 15).await.len(),
            6,
            "one mail about the withdrawal"
        );
    }
}

/// The posting's author is named to María as the supervisor; once an admin
/// takes them off the organization, the request sent again names the
/// organization instead (eyes14a F3).
#[tokio::test]
async fn a_person_removed_from_the_organization_is_not_named_to_the_family_as_supervisor() {
    for backend in backends() {
        let Waiting {
            server,
            app,
            w,
            placement,
            first,
        } = waiting_for_maria(backend, "en").await;
        let erin = entity::user::Entity::find_by_id(app.user_id("erin@lakeshore.org").await)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let supervisor = |text: &str| {
            text.lines()
                .find(|line| line.contains("Supervisor:"))
                .unwrap_or_else(|| panic!("a supervisor line: {text}"))
                .to_owned()
        };
        assert!(supervisor(&first.text()).contains(&erin.display_name));
        let response = crate::account_security::admin_acts(
            &app,
            &w.admin,
            "erin@lakeshore.org",
            "remove-from-organization",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let resend = app
            .submit_as(
                &w.counselor,
                "/counselor/placements",
                &format!("/counselor/placements/{placement}/consent-resend"),
                &[],
            )
            .await;
        assert_eq!(resend.status(), StatusCode::SEE_OTHER);
        let again = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1);
        let line = supervisor(&again.text());
        assert!(!line.contains(&erin.display_name), "{line}");
        assert!(line.contains("Lakeshore Robotics"), "{line}");
    }
}
