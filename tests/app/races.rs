//! The same thing sent twice at the very same moment: two tabs, a double
//! click, two colleagues, a roster import and a hand. Whatever a unique
//! key or a conditional update decides, one of them is done once, the
//! other is told so plainly (a 4xx in the reader's language, never a 500)
//! and writes nothing. Each race is run a few times, on each database.

use reqwest::{Client, RequestBuilder, Response, StatusCode};

use crate::{
    applications::apply,
    families::{accept, give_consent, users, world},
    helpers::{PASSWORD, TestApp, backends, new_client, on_each_backend, posting},
    integrity::all_at_once,
    organizations::invite_link,
};

/// How many times each race is run.
const ROUNDS: usize = 4;

/// A form read from `page` (its CSRF token) and ready to send to `action`,
/// so that two of them leave at the same moment.
async fn ready(
    app: &TestApp,
    client: &Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> RequestBuilder {
    let token = app.csrf_token(client, page).await;
    let mut body: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
    body.extend_from_slice(fields);
    client.post(app.url(action)).form(&body)
}

/// Sends both at once; their answers, in order, bodies and all (where
/// only the statuses matter, `integrity::all_at_once`).
async fn at_once(a: RequestBuilder, b: RequestBuilder) -> (Response, Response) {
    let (a, b) = tokio::join!(a.send(), b.send());
    (a.unwrap(), b.unwrap())
}

/// No answer is a server error.
fn no_server_error(statuses: &[StatusCode], what: &str) {
    for status in statuses {
        assert!(!status.is_server_error(), "{what}: {status}");
    }
}

async fn students_with_sis_id(app: &TestApp, id: &str) -> i64 {
    app.count(&format!("student WHERE sourced_id = '{id}'"))
        .await
}

#[tokio::test]
async fn two_counselors_adding_one_sis_id_at_once_make_one_student_and_the_other_is_told_whose_it_is()
 {
    on_each_backend(async |app: TestApp| {
        let school = app.school("Lincoln High").await;
        let carla = app.counselor("carla@lincoln.edu", &[school]).await;
        let diego = app.counselor("diego@lincoln.edu", &[school]).await;
        // Diego reads STEMbridge in Spanish.
        app.get_as(&diego, "/language/es").await;
        let school = school.to_string();
        for round in 0..ROUNDS {
            let id = format!("sis-race-{round}");
            let form = |first: &'static str| {
                [
                    ("school_id", school.as_str()),
                    ("first_name", first),
                    ("last_name", "Rivera"),
                    ("grade", "11"),
                    ("sourced_id", id.as_str()),
                ]
            };
            let (ana, ada) = (form("Ana"), form("Ada"));
            let (by_carla, by_diego) = at_once(
                ready(&app, &carla, "/counselor", "/counselor/students", &ana).await,
                ready(&app, &diego, "/counselor", "/counselor/students", &ada).await,
            )
            .await;
            no_server_error(&[by_carla.status(), by_diego.status()], &id);
            let statuses = [by_carla.status(), by_diego.status()];
            assert!(
                statuses.contains(&StatusCode::OK)
                    && statuses.contains(&StatusCode::UNPROCESSABLE_ENTITY),
                "{id}: one added, one refused: {statuses:?}"
            );
            let (refused, said) = if by_carla.status() == StatusCode::OK {
                (by_diego.text().await.unwrap(), "Ana Rivera ya tiene el ID")
            } else {
                (
                    by_carla.text().await.unwrap(),
                    "Ada Rivera already has the ID",
                )
            };
            assert!(refused.contains(said), "{id}: {refused}");
            assert_eq!(students_with_sis_id(&app, &id).await, 1, "{id}");
        }
        assert_eq!(
            app.count("audit_log WHERE action = 'issue_claim_code'")
                .await,
            i64::try_from(ROUNDS).unwrap(),
            "a code handed out only for each student added"
        );
    })
    .await;
}

#[tokio::test]
async fn a_roster_import_and_a_hand_add_of_one_sis_id_at_once_make_one_student() {
    on_each_backend(async |app: TestApp| {
        let w = world(&app, &users("en")).await;
        let school = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM school WHERE roster_sourced_id = 'sch-1'")
            .await
            .to_string();
        // The roster as before with many new students each round (the
        // import reads which ids exist, then writes its rows), and the last
        // of them added by hand while it runs, with the id the school gave her.
        let mut roster = users("en");
        for round in 0..ROUNDS {
            for k in 0..300 {
                roster.push_str(&format!(
                    "stu-race-{round}-{k},true,sch-1,student,Lucía{k},Rivera,11,,,\n"
                ));
            }
            let id = format!("stu-race-{round}-299");
            let hand = [
                ("school_id", school.as_str()),
                ("first_name", "Lucía299"),
                ("last_name", "Rivera"),
                ("grade", "11"),
                ("sourced_id", id.as_str()),
            ];
            let added = ready(
                &app,
                &w.counselor,
                "/counselor",
                "/counselor/students",
                &hand,
            )
            .await;
            let token = app.csrf_token(&w.admin, "/counselor/roster").await;
            let file = |name: &str, body: &str| {
                reqwest::multipart::Part::bytes(body.as_bytes().to_vec())
                    .file_name(format!("{name}.csv"))
            };
            let form = reqwest::multipart::Form::new()
                .part(
                    "orgs",
                    file("orgs", "sourcedId,name,type\nsch-1,Lincoln High,school\n"),
                )
                .part("users", file("users", &roster))
                .part(
                    "demographics",
                    file(
                        "demographics",
                        "sourcedId,birthDate,sex\nstu-1,2011-05-01,female\n",
                    ),
                );
            let started = w
                .admin
                .post(app.url(&format!("/counselor/roster/uploads?csrf_token={token}")))
                .multipart(form)
                .send()
                .await
                .unwrap();
            assert_eq!(started.status(), StatusCode::SEE_OTHER);
            // The import runs in the background now.
            tokio::time::sleep(std::time::Duration::from_millis(20 * round as u64)).await;
            let added = added.send().await.unwrap();
            no_server_error(&[added.status()], &id);
            assert!(
                [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY].contains(&added.status()),
                "{id}: {}",
                added.status()
            );
            let status_page = crate::helpers::location(&started);
            let mut page = String::new();
            for _ in 0..1200 {
                page = app
                    .get_as(&w.admin, &status_page)
                    .await
                    .text()
                    .await
                    .unwrap();
                if !page.contains("http-equiv=\"refresh\"") {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert!(page.contains("Imported:"), "{id}: {page}");
            assert_eq!(students_with_sis_id(&app, &id).await, 1, "{id}");
        }
    })
    .await;
}

#[tokio::test]
async fn one_guardian_added_from_two_tabs_at_once_is_one_contact() {
    on_each_backend(async |app: TestApp| {
        let school = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(school).await;
        for round in 0..ROUNDS {
            let first = format!("Ana{round}");
            app.roster_student(school, &first, "Rivera", 11, &format!("CODE{round}"))
                .await;
            let student = app
                .number(&format!(
                    "SELECT CAST(id AS BIGINT) AS n FROM student WHERE first_name = '{first}'"
                ))
                .await;
            let record = format!("/counselor/students/{student}");
            let action = format!("{record}/guardians");
            let email = format!("maria{round}@example.org");
            let fields = [
                ("given_name", "María"),
                ("family_name", "Rivera"),
                ("email", email.as_str()),
                ("phone", ""),
                ("language", "es"),
            ];
            let statuses = all_at_once(vec![
                ready(&app, &counselor, &record, &action, &fields).await,
                ready(&app, &counselor, &record, &action, &fields).await,
            ])
            .await;
            no_server_error(&statuses, &email);
            assert_eq!(
                (statuses[0], statuses[1]),
                (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER),
                "{email}: both answered as saved"
            );
            assert_eq!(
                app.count(&format!("guardian WHERE email = '{email}'"))
                    .await,
                1,
                "{email}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn one_organization_registered_from_two_tabs_at_once_is_one_organization_and_one_account() {
    on_each_backend(async |app: TestApp| {
        for round in 0..ROUNDS {
            let email = format!("erin{round}@lakeshore.org");
            let name = format!("Lakeshore Robotics {round}");
            let fields = [
                ("organization_name", name.as_str()),
                ("website", "https://lakeshore.example"),
                ("zip", "60601"),
                ("phone", ""),
                ("display_name", "Erin Employer"),
                ("email", email.as_str()),
                ("password", PASSWORD),
            ];
            let (one, two) = (new_client(), new_client());
            let statuses = all_at_once(vec![
                ready(&app, &one, "/register", "/register", &fields).await,
                ready(&app, &two, "/register", "/register", &fields).await,
            ])
            .await;
            no_server_error(&statuses, &email);
            assert_eq!(
                (statuses[0], statuses[1]),
                (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER),
                "{email}: the same answer either way"
            );
            assert_eq!(
                app.count(&format!("app_user WHERE email = '{email}'"))
                    .await,
                1
            );
            assert_eq!(
                app.count(&format!("organization WHERE name = '{name}'"))
                    .await,
                1,
                "no organization left without its account"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn an_invitation_accepted_from_two_tabs_at_once_makes_one_account() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        for round in 0..ROUNDS {
            let email = format!("kim{round}@lakeshore.org");
            let link = invite_link(&app, &employer, &email).await;
            let fields = [("display_name", "Kim"), ("password", PASSWORD)];
            let statuses = all_at_once(vec![
                ready(&app, &new_client(), &link, &link, &fields).await,
                ready(&app, &new_client(), &link, &link, &fields).await,
            ])
            .await;
            no_server_error(&statuses, &email);
            // The second finds the invitation spent: "not found", as a used
            // link always is (a link tells nobody whether it was used).
            let mut statuses = statuses;
            statuses.sort();
            assert_eq!(
                statuses,
                [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND],
                "{email}: one joined"
            );
            assert_eq!(
                app.count(&format!("app_user WHERE email = '{email}'"))
                    .await,
                1
            );
            assert_eq!(
                app.count(&format!(
                    "audit_log WHERE action = 'join_organization' AND subject LIKE '{email}%'"
                ))
                .await,
                1,
                "{email}: joined once"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn consent_given_from_two_tabs_at_once_is_recorded_once() {
    for backend in backends() {
        // A family and a placement each round: fewer rounds.
        for round in 0..2 {
            let app = TestApp::spawn(backend.clone()).await;
            let w = world(&app, &users("es")).await;
            let placement = accept(&app, &w).await;
            let link = app.consent_link_mailed_to("maria@example.org").await;
            let (one, two) = (new_client(), new_client());
            let body = [
                ("guardian_name", "María Rivera"),
                ("relationship", "madre"),
                ("decision", "give"),
            ];
            let statuses = all_at_once(vec![
                ready(&app, &one, &link, &link, &body).await,
                ready(&app, &two, &link, &link, &body).await,
            ])
            .await;
            no_server_error(&statuses, &format!("round {round}"));
            assert_eq!(
                app.count(&format!(
                    "placement WHERE id = {placement} AND status = 'active'"
                ))
                .await,
                1
            );
            assert_eq!(
                app.count("consent_request WHERE used_at IS NOT NULL").await,
                1,
                "round {round}: the link used once"
            );
            // The same decision sent again later changes nothing either.
            give_consent(&app, &new_client(), &link).await;
            assert_eq!(
                app.count("consent_request WHERE used_at IS NOT NULL").await,
                1
            );
        }
    }
}

#[tokio::test]
async fn applying_from_two_tabs_at_once_makes_one_application() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let school = app.school("Lincoln High").await;
        let student = app.student(school, "Ana", "Rivera", 11).await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        for round in 0..ROUNDS {
            let opportunity = app
                .published(
                    &employer,
                    &posting(&[("title", &format!("Robotics {round}"))]),
                )
                .await;
            let page = format!("/opportunities/{opportunity}");
            let action = format!("{page}/apply");
            let fields = [
                ("note", "I love building things."),
                ("availability", "After 3 pm"),
                ("accommodations", ""),
            ];
            let statuses = all_at_once(vec![
                ready(&app, &student, &page, &action, &fields).await,
                ready(&app, &student, &page, &action, &fields).await,
            ])
            .await;
            no_server_error(&statuses, &page);
            assert!(
                statuses.contains(&StatusCode::SEE_OTHER),
                "{page}: applied once"
            );
            assert_eq!(
                app.count(&format!("application WHERE opportunity_id = {opportunity}"))
                    .await,
                1
            );
            // And once more, by the ordinary form: still one.
            apply(&app, &student, opportunity).await;
            assert_eq!(
                app.count(&format!("application WHERE opportunity_id = {opportunity}"))
                    .await,
                1
            );
        }
    })
    .await;
}
