//! Authority that must end with what granted it: an invitation once its
//! inviter leaves or their organization is suspended, a consent link once
//! the guardian's address is corrected or the guardian unlinked, a
//! posting's terms once guardians agreed to them, and single-use links once
//! the mail holding them was sent.

use reqwest::{Client, StatusCode};

use crate::{
    helpers::{PASSWORD, TestApp, TestUser, location, new_client, on_each_backend, posting},
    organizations::{invite_link, join_and_confirm},
};

/// An admin's action on an account, over HTTP.
async fn admin_acts(app: &TestApp, admin: &Client, email: &str, action: &str) {
    let id = app.user_id(email).await;
    let response = app
        .submit_as(
            admin,
            "/admin/accounts",
            &format!("/admin/accounts/{id}/{action}"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action} {email}");
}

/// Opening and using `link` are both refused with the sentence saying the
/// invitation no longer works, and nothing is written.
async fn refused(app: &TestApp, link: &str) {
    let users = app.count("app_user").await;
    let accepted = app
        .count("organization_invite WHERE accepted_at IS NOT NULL")
        .await;
    let stranger = new_client();
    let response = app.get_as(&stranger, link).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{link} opens");
    assert!(
        response.text().await.unwrap().contains("no longer works"),
        "{link} says why"
    );
    let response = app
        .submit_as(
            &stranger,
            "/register",
            link,
            &[("display_name", "Mallory"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{link} joins");
    assert!(response.text().await.unwrap().contains("no longer works"));
    assert_eq!(app.count("app_user").await, users, "no account made");
    assert_eq!(
        app.count("organization_invite WHERE accepted_at IS NOT NULL")
            .await,
        accepted,
        "nothing accepted"
    );
}

#[tokio::test]
async fn invitations_end_when_their_inviter_leaves_or_the_organization_is_suspended() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let erin = app.verified_employer(&admin, "Org A", "erin@a.org").await;
        let pat = join_and_confirm(
            &app,
            &invite_link(&app, &erin, "pat@a.org").await,
            "Pat",
            "pat@a.org",
        )
        .await;
        let quinn = join_and_confirm(
            &app,
            &invite_link(&app, &erin, "quinn@a.org").await,
            "Quinn",
            "quinn@a.org",
        )
        .await;

        // Made while members; then one is taken out, the other disabled.
        let from_pat = invite_link(&app, &pat, "someone.else@example.org").await;
        let from_quinn = invite_link(&app, &quinn, "another@example.org").await;
        admin_acts(&app, &admin, "pat@a.org", "remove-from-organization").await;
        admin_acts(&app, &admin, "quinn@a.org", "disable").await;
        refused(&app, &from_pat).await;
        refused(&app, &from_quinn).await;
        // Enabling the account again does not bring its old links back.
        admin_acts(&app, &admin, "quinn@a.org", "enable").await;
        refused(&app, &from_quinn).await;

        // A suspended organization's invitations end, and stay ended once it
        // is reinstated.
        let from_erin = invite_link(&app, &erin, "third@example.org").await;
        let response = app.review(&admin, "Org A", "suspend", "Under review").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        refused(&app, &from_erin).await;
        let response = app.review(&admin, "Org A", "reinstate", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        refused(&app, &from_erin).await;

        // Each withdrawal is in the audit log, with who and how many.
        let log = app
            .get_as(&admin, "/admin/audit?action=withdraw_invitations")
            .await
            .text()
            .await
            .unwrap();
        let organization = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM organization")
            .await;
        let id_of = async |email: &str| {
            app.number(&format!(
                "SELECT CAST(id AS BIGINT) AS n FROM app_user WHERE email = '{email}'"
            ))
            .await
        };
        for subject in [
            format!("user {}: 1", id_of("pat@a.org").await),
            format!("user {}: 1", id_of("quinn@a.org").await),
            format!("organization {organization}: 1"),
        ] {
            assert!(log.contains(&subject), "{subject} in {log}");
        }
        assert_eq!(
            log.matches("<td>Withdrew unused invitations</td>").count(),
            3,
            "{log}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_joined_colleague_confirms_the_invited_address_before_logging_in() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let erin = app.verified_employer(&admin, "Org A", "erin@a.org").await;
        let link = invite_link(&app, &erin, "kim@a.org").await;
        let colleague = new_client();
        let response = app
            .submit_as(
                &colleague,
                &link,
                &link,
                &[("display_name", "Kim"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            (response.status(), location(&response)),
            (StatusCode::SEE_OTHER, "/login".to_owned()),
            "no session before the address is confirmed"
        );
        let login = app.get_as(&colleague, "/login").await.text().await.unwrap();
        assert!(login.contains("Check the inbox of the invited address"));
        assert_eq!(
            location(&app.get_as(&colleague, "/employer").await),
            "/login"
        );
        assert_eq!(
            app.count("app_user WHERE email = 'kim@a.org' AND email_confirmed_at IS NULL")
                .await,
            1,
            "holding the link proves nothing about the inbox"
        );
        let response = app
            .submit_as(
                &colleague,
                "/login",
                "/login",
                &[("email", "kim@a.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Confirm your email address first")
        );

        // The mailed link, once opened, lets them in.
        let confirm = app.link_mailed_to("kim@a.org", "/register/confirm/").await;
        let response = app.submit_as(&colleague, &confirm, &confirm, &[]).await;
        assert_eq!(location(&response), "/login");
        app.login_as(&colleague, "kim@a.org", PASSWORD).await;
        assert_eq!(
            app.get_as(&colleague, "/employer").await.status(),
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn only_a_verified_organization_invites() {
    on_each_backend(async |app: TestApp| {
        let pending = app.employer("Pending Org", "p@pending.org").await;
        let page = app
            .get_as(&pending, "/employer/organization")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("once a counselor or administrator has verified"));
        let response = app
            .submit_as(
                &pending,
                "/employer/organization",
                "/employer/invites",
                &[("email", "x@pending.org")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("organization_invite").await, 0);
    })
    .await;
}

const ORGS: &str = "sourcedId,name,type\nsch-1,Lincoln High,school\n";
const DEMOGRAPHICS: &str = "sourcedId,birthDate,sex\nstu-1,2011-05-01,female\n";
const USERS_HEADER: &str = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n";

/// users.csv: Ana (a minor) and a guardian at `email`, linked or not.
fn users(email: &str, linked: bool) -> String {
    let (student_agents, guardian_agents) = if linked { ("par-1", "stu-1") } else { ("", "") };
    format!(
        "{USERS_HEADER}stu-1,true,sch-1,student,Ana,Rivera,11,,{student_agents},\n\
         par-1,true,sch-1,parent,María,Rivera,,{email},{guardian_agents},en\n"
    )
}

/// Gives the student a fresh claim code, as a counselor's slip would.
async fn claim_code_for(app: &TestApp, student_id: i32) -> String {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let code = stembridge::roster::claim_code::generate();
    let student = entity::student::Entity::find_by_id(student_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut model: entity::student::ActiveModel = student.into();
    model.claim_code_hash = Set(Some(stembridge::roster::claim_code::digest(&code)));
    model.claim_code_expires_at = Set(Some(chrono::Utc::now() + chrono::Duration::days(3)));
    model.update(&app.db).await.unwrap();
    code
}

/// A minor's placement waiting for consent, with the guardian's link mailed
/// to `old.address@example.org`, and who is who around it.
struct Consent {
    admin: TestUser,
    counselor: TestUser,
    employer: TestUser,
    student_id: i32,
    guardian_id: i32,
    opportunity: i32,
    placement: i32,
    link: String,
}

async fn awaiting_consent(app: &TestApp) -> Consent {
    let admin = app.admin().await;
    let upload = app
        .upload_roster(
            &admin,
            ORGS.as_bytes(),
            users("old.address@example.org", true).as_bytes(),
            DEMOGRAPHICS.as_bytes(),
        )
        .await;
    assert!(!upload.refused, "roster imported: {}", upload.page);
    let school = app
        .number("SELECT CAST(id AS BIGINT) AS n FROM school WHERE roster_sourced_id = 'sch-1'")
        .await as i32;
    let student_id = app
        .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE sourced_id = 'stu-1'")
        .await as i32;
    let guardian_id = app
        .number("SELECT CAST(id AS BIGINT) AS n FROM guardian WHERE sourced_id = 'par-1'")
        .await as i32;
    let counselor = app.counselor("carla@lincoln.edu", &[school]).await;
    let code = claim_code_for(app, student_id).await;
    let student = new_client();
    let response = app
        .submit_as(
            &student,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", "Ana"),
                ("email", "ana@students.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "claimed");
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let response = app
        .submit_as(
            &student,
            &format!("/opportunities/{opportunity}"),
            &format!("/opportunities/{opportunity}/apply"),
            &[("note", "I love robots."), ("availability", "After 3 pm")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "applied");
    let application = location(&response).rsplit('/').next().unwrap().to_owned();
    let response = app
        .submit_as(
            &employer,
            "/employer",
            &format!("/employer/applications/{application}/offer"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "offered");
    let page = format!("/student/applications/{application}");
    let response = app
        .submit_as(
            &student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "4")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "accepted");
    let placement = location(&response)
        .strip_prefix("/student/placements/")
        .expect("to the placement page")
        .parse()
        .unwrap();
    let link = app.consent_link_mailed_to("old.address@example.org").await;
    Consent {
        admin,
        counselor,
        employer,
        student_id,
        guardian_id,
        opportunity,
        placement,
        link,
    }
}

/// Opening and using `link` are refused as an ended link, and the placement
/// still waits for consent.
async fn link_ended(app: &TestApp, link: &str, placement: i32) {
    let stranger = new_client();
    let response = app.get_as(&stranger, link).await;
    assert_eq!(response.status(), StatusCode::GONE, "{link} opens");
    let response = app
        .submit_as(
            &stranger,
            "/register",
            link,
            &[
                ("decision", "give"),
                ("guardian_name", "Not the parent"),
                ("relationship", "parent"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::GONE, "{link} decides");
    assert_eq!(
        app.count(&format!(
            "placement WHERE id = {placement} AND status = 'awaiting_consent' AND consent_recorded_at IS NULL"
        ))
        .await,
        1,
        "no consent recorded"
    );
}

#[tokio::test]
async fn a_consent_link_ends_when_the_guardians_address_is_corrected_and_the_new_address_gets_one()
{
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        let record = format!("/counselor/students/{}", c.student_id);
        let response = app
            .submit_as(
                &c.counselor,
                &record,
                &format!("{record}/guardians/{}", c.guardian_id),
                &[
                    ("given_name", "María"),
                    ("family_name", "Rivera"),
                    ("email", "real.parent@example.org"),
                    ("phone", ""),
                    ("language", "en"),
                    ("active", "true"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = app
            .get_as(&c.counselor, &record)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("A consent request was emailed to the guardians who had no working"),
            "the counselor is told"
        );
        link_ended(&app, &c.link, c.placement).await;

        // The corrected address got a link of its own, and it works.
        let fresh = app.consent_link_mailed_to("real.parent@example.org").await;
        assert_ne!(fresh, c.link);
        assert_eq!(
            app.get_as(&new_client(), &fresh).await.status(),
            StatusCode::OK
        );
    })
    .await;
}

/// A guardian correction as the counselor's form sends it.
async fn correct_guardian(
    app: &TestApp,
    counselor: &TestUser,
    student_id: i32,
    guardian_id: i32,
    email: &str,
) -> reqwest::Response {
    let record = format!("/counselor/students/{student_id}");
    app.submit_as(
        counselor,
        &record,
        &format!("{record}/guardians/{guardian_id}"),
        &[
            ("given_name", "María"),
            ("family_name", "Rivera"),
            ("email", email),
            ("phone", ""),
            ("language", "en"),
            ("active", "true"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_counselor_cannot_change_a_guardian_shared_with_another_schools_student() {
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        // The district's roster: Ana's brother at Roosevelt, same parent.
        let orgs = format!("{ORGS}sch-2,Roosevelt STEM,school\n");
        let users = format!(
            "{USERS_HEADER}stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,\n\
             stu-2,true,sch-2,student,Beto,Rivera,9,,par-1,\n\
             par-1,true,sch-1,parent,María,Rivera,,old.address@example.org,\"stu-1,stu-2\",en\n"
        );
        let upload = app
            .upload_roster(
                &c.admin,
                orgs.as_bytes(),
                users.as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        let roosevelt = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM school WHERE roster_sourced_id = 'sch-2'")
            .await as i32;
        let beto = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE sourced_id = 'stu-2'")
            .await as i32;
        let dev = app.counselor("dev@roosevelt.edu", &[roosevelt]).await;
        let mails_before = app.count("mail_outbox").await;

        let response = correct_guardian(
            &app,
            &dev,
            beto,
            c.guardian_id,
            "not-the-parent@example.org",
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.text().await.unwrap();
        assert!(page.contains("a school you do not serve"), "{page}");
        assert_eq!(
            app.count("guardian WHERE email = 'old.address@example.org'")
                .await,
            1,
            "the contact is unchanged"
        );
        assert_eq!(
            app.count("mail_outbox").await,
            mails_before,
            "nothing mailed"
        );
        // Ana's guardian's link still works, and only it.
        assert_eq!(
            app.get_as(&new_client(), &c.link).await.status(),
            StatusCode::OK
        );
        // Lincoln's counselor does not serve Roosevelt either: refused too.
        // The district's admin corrects it for both schools.
        let response = correct_guardian(
            &app,
            &c.counselor,
            c.student_id,
            c.guardian_id,
            "x@example.org",
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let response = correct_guardian(
            &app,
            &c.admin,
            beto,
            c.guardian_id,
            "real.parent@example.org",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        link_ended(&app, &c.link, c.placement).await;
    })
    .await;
}

#[tokio::test]
async fn a_students_own_sign_in_address_never_gets_the_consent_link() {
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        // Typed by the counselor, in any case: refused, nothing changes.
        let response = correct_guardian(
            &app,
            &c.counselor,
            c.student_id,
            c.guardian_id,
            "ANA@Students.org",
        )
        .await;
        assert!(response.status().is_client_error(), "{}", response.status());
        let page = response.text().await.unwrap();
        assert!(page.contains("sign-in address"), "{page}");
        assert_eq!(
            app.count("guardian WHERE email = 'old.address@example.org'")
                .await,
            1
        );
        assert_eq!(
            app.get_as(&new_client(), &c.link).await.status(),
            StatusCode::OK
        );

        // From a roster export that copied the student's address into the
        // parent's row: the old link ends, and no new one goes to Ana.
        let upload = app
            .upload_roster(
                &c.admin,
                ORGS.as_bytes(),
                users("ana@students.org", true).as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        link_ended(&app, &c.link, c.placement).await;
        assert_eq!(
            app.count("consent_request WHERE email = 'ana@students.org'")
                .await,
            0,
            "no consent link for the student's own inbox"
        );
        assert_eq!(
            app.count(
                "mail_outbox WHERE recipient = 'ana@students.org' AND kind = 'consent_request'"
            )
            .await,
            0
        );
        // The counselor's consent list says only the paper form is left.
        let list = app
            .get_as(&c.counselor, "/counselor/placements")
            .await
            .text()
            .await
            .unwrap();
        let paper = "No guardian of this student has an email address a consent link can go to";
        assert!(list.contains(paper), "{list}");
    })
    .await;
}

#[tokio::test]
async fn a_guardians_reason_for_declining_reaches_the_school_and_nobody_else() {
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        let reason = "Her medical appointments are on Tuesdays; could she do Saturdays?";
        let response = app
            .submit_as(
                &new_client(),
                &c.link,
                &c.link,
                &[
                    ("decision", "decline"),
                    ("guardian_name", "María Rivera"),
                    ("relationship", "parent"),
                    ("reason", reason),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let read =
            async |who: &TestUser, path: String| app.get_as(who, &path).await.text().await.unwrap();
        let school = read(
            &c.counselor,
            format!("/counselor/placements/{}", c.placement),
        )
        .await;
        assert!(school.contains("could she do Saturdays?"), "{school}");
        let employer = read(&c.employer, format!("/employer/placements/{}", c.placement)).await;
        assert!(!employer.contains("Saturdays"), "{employer}");
    })
    .await;
}

#[tokio::test]
async fn a_student_cannot_claim_their_account_with_their_guardians_address() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = app
            .upload_roster(
                &admin,
                ORGS.as_bytes(),
                users("family@example.org", true).as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        let ana = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE sourced_id = 'stu-1'")
            .await as i32;
        let code = claim_code_for(&app, ana).await;
        let claim = async |email: &str| {
            app.submit_as(
                &new_client(),
                "/claim",
                "/claim",
                &[
                    ("code", code.as_str()),
                    ("display_name", "Ana"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await
        };
        // Any spelling that reaches the same inbox, as the consent links
        // read it: case, a `+tag` (eyes15a F1).
        for same_inbox in ["Family@Example.org", "family+ana@example.org"] {
            let response = claim(same_inbox).await;
            assert!(response.status().is_client_error(), "{}", response.status());
            let page = response.text().await.unwrap();
            assert!(
                page.contains("This is your guardian"),
                "{same_inbox}: {page}"
            );
            assert_eq!(app.count("app_user WHERE role = 'student'").await, 0);
        }
        assert_eq!(
            claim("ana@students.org").await.status(),
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn a_consent_link_ends_when_a_roster_import_unlinks_the_guardian() {
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        let upload = app
            .upload_roster(
                &c.admin,
                ORGS.as_bytes(),
                users("old.address@example.org", false).as_bytes(),
                DEMOGRAPHICS.as_bytes(),
            )
            .await;
        assert!(!upload.refused, "roster imported: {}", upload.page);
        assert_eq!(
            app.count("guardian WHERE sourced_id = 'par-1' AND active")
                .await,
            1,
            "the guardian stays an active contact"
        );
        assert_eq!(app.count("student_guardian").await, 0, "but not Ana's");
        link_ended(&app, &c.link, c.placement).await;
    })
    .await;
}

/// The posting as saved.
async fn saved_posting(app: &TestApp, id: i32) -> entity::opportunity::Model {
    use sea_orm::EntityTrait;
    entity::opportunity::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Posts the edit form: the posting as created, with `overrides`.
async fn edit(
    app: &TestApp,
    employer: &Client,
    id: i32,
    overrides: &[(&'static str, &str)],
) -> reqwest::Response {
    let fields = posting(overrides);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = format!("/employer/opportunities/{id}/edit");
    app.submit_as(employer, "/employer", &page, &fields).await
}

#[tokio::test]
async fn once_guardians_agreed_a_postings_terms_stay_as_agreed_and_a_suspended_organization_edits_nothing()
 {
    on_each_backend(async |app: TestApp| {
        let c = awaiting_consent(&app).await;
        let response = app
            .submit_as(
                &new_client(),
                &c.link,
                &c.link,
                &[
                    ("decision", "give"),
                    ("guardian_name", "María Rivera"),
                    ("relationship", "parent"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "consent given");
        let before = saved_posting(&app, c.opportunity).await;

        let later = crate::helpers::days_from_now(90);
        for (field, value, says) in [
            // The consent mail named it: a guardian agreed to this title.
            ("title", "Overnight warehouse shift", "Title"),
            ("address", "1 Faraway Rd", "Address"),
            ("mode", "remote", "mode"),
            ("start_date", later.as_str(), "Start date"),
            ("hourly_wage", "9.00", "wage"),
            ("hours_per_week", "30", "Hours per week"),
            // What the consent page showed, and who may take part.
            (
                "description",
                "Now involves overnight travel out of state.",
                "Description",
            ),
            ("field", "health", "STEM field"),
            ("skills", "welding", "Skills"),
            ("languages", "fr", "Languages your team speaks"),
            ("min_grade", "12", "Lowest grade"),
            ("min_age", "21", "Minimum age"),
            (
                "features",
                "transit_accessible",
                "Access features cannot be taken away",
            ),
        ] {
            let response = edit(&app, &c.employer, c.opportunity, &[(field, value)]).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}"
            );
            let page = response.text().await.unwrap();
            assert!(
                page.contains("while students hold seats on this posting")
                    && page.contains("counselor")
                    && page.to_lowercase().contains(&says.to_lowercase()),
                "{field}: {page}"
            );
            assert_eq!(
                saved_posting(&app, c.opportunity).await,
                before,
                "{field}: nothing saved"
            );
        }

        // The deadline for other applicants still moves.
        let deadline = crate::helpers::days_from_now(40);
        let response = edit(&app, &c.employer, c.opportunity, &[("deadline", &deadline)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let fixed = saved_posting(&app, c.opportunity).await;
        assert_eq!(fixed.deadline.to_string(), deadline);
        assert_eq!(fixed.description, before.description);
        assert_eq!(
            (fixed.address.as_str(), fixed.start_date),
            (before.address.as_str(), before.start_date)
        );

        // A suspended organization edits nothing that reached students.
        let response = app
            .review(&c.admin, "Lakeshore Robotics", "suspend", "Under review")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = edit(
            &app,
            &c.employer,
            c.opportunity,
            &[("description", "Changed while suspended.")],
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("not verified"));
        assert_eq!(
            saved_posting(&app, c.opportunity).await,
            fixed,
            "nothing saved"
        );
    })
    .await;
}

#[tokio::test]
async fn a_sent_message_keeps_no_link_in_the_outbox_and_admins_still_see_what_it_was() {
    for backend in crate::helpers::backends() {
        let server = crate::mail_server::MailServer::start().await;
        let url = server.url();
        let app = TestApp::spawn_with(backend, move |config| config.smtp_url = Some(url)).await;
        let admin = app.admin().await;
        app.employer("Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let response = app
            .submit_as(
                &new_client(),
                "/password/forgot",
                "/password/forgot",
                &[("email", "erin@lakeshore.org")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let received = server.wait_for_to("erin@lakeshore.org", 2, 15).await;
        let confirm = received[0].link("/register/confirm/");
        let reset = received[1].link("/password-reset/");
        assert!(confirm.len() > "/register/confirm/".len() + 20);
        assert!(reset.len() > "/password-reset/".len() + 20);

        // Marked sent in the same update that deleted the bodies.
        let mut sent = 0;
        for _ in 0..300 {
            sent = app
                .count("mail_outbox WHERE recipient = 'erin@lakeshore.org' AND sent_at IS NOT NULL")
                .await;
            if sent == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(sent, 2);
        let rows = {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            entity::mail_outbox::Entity::find()
                .filter(entity::mail_outbox::Column::Recipient.eq("erin@lakeshore.org"))
                .all(&app.db)
                .await
                .unwrap()
        };
        for row in &rows {
            let token = if row.kind == "password_reset" {
                &reset
            } else {
                &confirm
            };
            let secret = token.rsplit('/').next().unwrap();
            for stored in [&row.text_body, &row.html_body] {
                assert!(!stored.contains(secret), "{} keeps its link", row.kind);
                assert!(stored.is_empty(), "{} keeps its body", row.kind);
            }
        }
        // The links themselves still work for the one who received them.
        assert_eq!(
            app.get_as(&new_client(), &reset).await.status(),
            StatusCode::OK
        );

        // The admins' pages still say to whom, what and what became of it.
        let list = app
            .get_as(&admin, "/admin/mail")
            .await
            .text()
            .await
            .unwrap();
        assert!(list.contains("erin@lakeshore.org") && list.contains("password reset link"));
        let reset_row = rows.iter().find(|r| r.kind == "password_reset").unwrap();
        let page = app
            .get_as(&admin, &format!("/admin/mail/{}", reset_row.id))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("erin@lakeshore.org") && page.contains("password reset link"));
        assert!(page.contains("deleted once it was sent"));
    }
}

#[tokio::test]
async fn migrating_deletes_the_bodies_of_mail_sent_before_and_keeps_those_still_waiting() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    on_each_backend(async |app: TestApp| {
        let now = chrono::Utc::now();
        let mut ids = Vec::new();
        for sent_at in [Some(now), None] {
            let row = entity::mail_outbox::ActiveModel {
                recipient: Set("parent@example.org".into()),
                language: Set("en".into()),
                kind: Set("consent_request".into()),
                subject: Set("Consent".into()),
                text_body: Set("Open https://site/consent/secret-token".into()),
                html_body: Set("<a href=\"https://site/consent/secret-token\">".into()),
                attachment_name: Set(None),
                attachment_type: Set(None),
                attachment: Set(None),
                attempts: Set(i32::from(sent_at.is_some())),
                created_at: Set(now),
                next_attempt_at: Set(now),
                sent_at: Set(sent_at),
                failed_at: Set(None),
                last_error: Set(None),
                unsubscribe_path: Set(None),
                claimed_by: Set(None),
                claimed_until: Set(None),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
            ids.push(row.id);
        }
        // Back to before the scrub (with the migrations since), and up again.
        let names: Vec<String> = Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let scrub = names
            .iter()
            .position(|n| n.ends_with("scrub_sent_mail"))
            .unwrap();
        let since = u32::try_from(names.len() - scrub).unwrap();
        Migrator::down(&app.db, Some(since)).await.unwrap();
        Migrator::up(&app.db, None).await.unwrap();
        let body = async |id: i64| {
            let row = entity::mail_outbox::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            (row.text_body, row.html_body)
        };
        assert_eq!(body(ids[0]).await, (String::new(), String::new()), "sent");
        assert!(
            body(ids[1]).await.0.contains("secret-token"),
            "still waiting"
        );
    })
    .await;
}

#[tokio::test]
async fn mail_queued_in_clear_before_sealing_is_sealed_at_start_up_and_still_sent() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    for backend in crate::helpers::backends() {
        let mut app = TestApp::spawn(backend).await;
        let now = chrono::Utc::now();
        // As an older server wrote it: the link in clear, waiting for SMTP.
        let row = entity::mail_outbox::ActiveModel {
            recipient: Set("parent@example.org".into()),
            language: Set("en".into()),
            kind: Set("consent_request".into()),
            subject: Set("Consent".into()),
            text_body: Set(format!(
                "Open {}/consent/secret-token",
                stembridge::mail::SITE
            )),
            html_body: Set("<p>Open the link</p>".into()),
            attachment_name: Set(None),
            attachment_type: Set(None),
            attachment: Set(None),
            attempts: Set(0),
            created_at: Set(now),
            next_attempt_at: Set(now),
            sent_at: Set(None),
            failed_at: Set(None),
            last_error: Set(None),
            unsubscribe_path: Set(None),
            claimed_by: Set(None),
            claimed_until: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        let stored = async |app: &TestApp| {
            entity::mail_outbox::Entity::find_by_id(row.id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
        };
        // Still no SMTP server: the next start seals it where it waits.
        app.restart().await;
        let waiting = stored(&app).await;
        assert!(waiting.sent_at.is_none());
        assert!(
            !waiting.text_body.contains("secret-token"),
            "sealed at start-up"
        );
        assert!(!waiting.html_body.contains("Open the link"));

        let server = crate::mail_server::MailServer::start().await;
        let url = server.url();
        app.restart_with(move |config| config.smtp_url = Some(url))
            .await;
        let mail = server
            .wait_for_to("parent@example.org", 1, 30)
            .await
            .remove(0);
        assert_eq!(mail.link("/consent/"), "/consent/secret-token");
    }
}
