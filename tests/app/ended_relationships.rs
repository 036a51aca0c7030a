//! What a person still reads about a student once their relation to the
//! student ended (eyes14a F1, F2): an employer's applicant list after a
//! withdrawal, a transfer or leaving the roster, and a counselor's
//! notifications after being taken off the school or the student moving.

use reqwest::StatusCode;

use crate::helpers::{TestApp, TestUser, on_each_backend, posting};

/// `student` applies to `opportunity` with these accommodations; the
/// application's id.
async fn apply_asking(
    app: &TestApp,
    student: &TestUser,
    opportunity: i32,
    accommodations: &str,
) -> i32 {
    let page = format!("/opportunities/{opportunity}");
    let response = app
        .submit_as(
            student,
            &page,
            &format!("{page}/apply"),
            &[
                ("note", "I love building things."),
                ("availability", "After 3 pm"),
                ("accommodations", accommodations),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    crate::applications::id_from(&response)
}

/// The employer offers application `id` and the student accepts it; the
/// placement's id (waiting for a guardian's consent: no birth date is known).
async fn offered_and_accepted(
    app: &TestApp,
    employer: &TestUser,
    student: &TestUser,
    id: i32,
) -> i32 {
    assert_eq!(
        crate::applications::employer_act(app, employer, id, "offer").await,
        StatusCode::SEE_OTHER
    );
    let page = format!("/student/applications/{id}");
    let response = app
        .submit_as(
            student,
            &page,
            &format!("{page}/accept"),
            &[("belonging", "3")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    crate::applications::id_from(&response)
}

async fn applicants_page(app: &TestApp, employer: &TestUser, opportunity: i32) -> String {
    let response = app
        .get_as(
            employer,
            &format!("/employer/opportunities/{opportunity}/applicants"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

/// What a roster upload does to the student named `first` (set-up, as
/// `set_birth_date` does for a birth date).
async fn roster_sets(app: &TestApp, first: &str, change: &str) {
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared(&format!(
            "UPDATE student SET {change} WHERE first_name = '{first}'"
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_employer_sees_the_school_a_student_applied_from_and_what_they_sent_only_while_it_can_lead_to_a_placement()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let shadowing = app.published(&employer, &posting(&[])).await;
        let intern = app
            .published(&employer, &posting(&[("title", "Quality control intern")]))
            .await;
        let summer = app
            .published(&employer, &posting(&[("title", "Summer lab helper")]))
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt STEM Academy").await;
        let tessa = app.student(roosevelt, "Tessa", "Kowal", 10).await;
        // Roster demographics, which no employer ever reads.
        roster_sets(
            &app,
            "Tessa",
            "race_ethnicity = 'ZQ-race', gender = 'ZQ-gender'",
        )
        .await;
        let withdrawn = apply_asking(&app, &tessa, shadowing, "ZQ-screen-reader").await;
        let accepted = apply_asking(&app, &tessa, intern, "ZQ-knee-brace").await;
        offered_and_accepted(&app, &employer, &tessa, accepted).await;
        apply_asking(&app, &tessa, summer, "ZQ-quiet-room").await;

        // A roster moves her to another school: the employer still reads
        // the one she applied from, on every application.
        roster_sets(&app, "Tessa", &format!("school_id = {lincoln}")).await;
        for opportunity in [shadowing, intern, summer] {
            let page = applicants_page(&app, &employer, opportunity).await;
            assert!(page.contains("Tessa Kowal"), "{page}");
            assert!(page.contains("Roosevelt STEM Academy"), "{page}");
            assert!(!page.contains("Lincoln High"), "the new school: {page}");
            assert!(!page.contains("ZQ-race") && !page.contains("ZQ-gender"));
        }

        // Withdrawn: the row says she applied and withdrew, nothing she sent.
        let page = format!("/student/applications/{withdrawn}");
        let response = app
            .submit_as(&tessa, &page, &format!("{page}/withdraw"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = applicants_page(&app, &employer, shadowing).await;
        assert!(
            page.contains("Tessa Kowal") && page.contains("Withdrawn"),
            "{page}"
        );
        assert!(page.contains("can no longer lead to a placement"), "{page}");
        for gone in [
            "ZQ-screen-reader",
            "I love building things.",
            "After 3 pm",
            "Roosevelt",
            "Grade 10",
        ] {
            assert!(!page.contains(gone), "{gone}: {page}");
        }
        // The placement waiting for consent and the open application still
        // show what the employer needs.
        assert!(
            applicants_page(&app, &employer, intern)
                .await
                .contains("ZQ-knee-brace")
        );
        assert!(
            applicants_page(&app, &employer, summer)
                .await
                .contains("ZQ-quiet-room")
        );

        // She leaves the roster: neither can go ahead any more.
        roster_sets(&app, "Tessa", "active = false").await;
        for (opportunity, sent) in [(intern, "ZQ-knee-brace"), (summer, "ZQ-quiet-room")] {
            let page = applicants_page(&app, &employer, opportunity).await;
            assert!(page.contains("Tessa Kowal"), "{page}");
            assert!(!page.contains(sent), "{sent}: {page}");
            assert!(!page.contains("Roosevelt"), "{page}");
        }
        // Back on the roster, the same page shows them again: nothing was
        // deleted, it is read as the relation stands.
        roster_sets(&app, "Tessa", "active = true").await;
        assert!(
            applicants_page(&app, &employer, summer)
                .await
                .contains("ZQ-quiet-room")
        );
    })
    .await;
}

/// The counselor's notifications page and whether the menu counts any new.
async fn notifications(app: &TestApp, counselor: &TestUser) -> (String, bool) {
    let response = app.get_as(counselor, "/notifications").await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let counted = page.contains("class=\"badge\"");
    (page, counted)
}

#[tokio::test]
async fn a_counselor_reads_notifications_about_a_student_only_while_looking_after_them() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let counselor = app.counselor_at(lincoln).await;
        let mut placements = vec![];
        for first in ["Fatima", "Rafael"] {
            let student = app.student(lincoln, first, "Williams", 11).await;
            let application = apply_asking(&app, &student, opportunity, "").await;
            placements.push(offered_and_accepted(&app, &employer, &student, application).await);
        }
        for (placement, mentor) in placements.iter().zip(["Sam Lee", "Jo Park"]) {
            let page = format!("/employer/placements/{placement}");
            let response = app
                .submit_as(
                    &employer,
                    &page,
                    &format!("{page}/mentor"),
                    &[
                        ("colleague", ""),
                        ("name", mentor),
                        ("role", "Engineer"),
                        ("intro", ""),
                        ("languages", "en"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let (page, counted) = notifications(&app, &counselor).await;
        assert!(
            page.contains("Sam Lee (Engineer) as Fatima Williams"),
            "{page}"
        );
        assert!(
            page.contains("Jo Park (Engineer) as Rafael Williams"),
            "{page}"
        );
        assert!(counted);

        // A roster moves Rafael to another school: his news leaves the
        // Lincoln counselor's page at once, in the same session.
        roster_sets(&app, "Rafael", &format!("school_id = {roosevelt}")).await;
        let (page, _) = notifications(&app, &counselor).await;
        assert!(page.contains("Fatima Williams"), "{page}");
        assert!(!page.contains("Rafael"), "{page}");

        // The admin takes the counselor off Lincoln: nothing naming its
        // students is listed or counted, the session still open.
        let response = app
            .submit_as(
                &admin,
                "/admin/accounts",
                &format!("/admin/accounts/{}/schools/{lincoln}/remove", counselor.id),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (page, counted) = notifications(&app, &counselor).await;
        assert!(
            !page.contains("Fatima") && !page.contains("Rafael"),
            "{page}"
        );
        assert!(!counted, "no count of hidden news: {page}");

        // Given the school again, the counselor reads its news again:
        // nothing was deleted, it is read as access stands.
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        entity::counselor_school::ActiveModel {
            user_id: Set(counselor.id),
            school_id: Set(lincoln),
        }
        .insert(&app.db)
        .await
        .unwrap();
        let (page, _) = notifications(&app, &counselor).await;
        assert!(
            page.contains("Fatima Williams") && !page.contains("Rafael"),
            "{page}"
        );
    })
    .await;
}

/// What the applicants page no longer offers cannot be done by a crafted
/// POST either: no offer or interview on an archived posting or for a
/// student who left the roster, and no placement accepted on an archived
/// posting; declining still works (eyes14c F3).
#[tokio::test]
async fn an_application_that_can_no_longer_lead_to_a_placement_is_not_moved_on_by_a_crafted_post() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let archived = app.published(&employer, &posting(&[])).await;
        let open = app
            .published(&employer, &posting(&[("title", "Quality control intern")]))
            .await;
        let school = app.school_with_counselor("Lincoln High").await;
        let tessa = app.student(school, "Tessa", "Kowal", 10).await;
        let ben = app.student(school, "Ben", "Ko", 11).await;
        let to_archive = apply_asking(&app, &tessa, archived, "").await;
        let offered = apply_asking(&app, &ben, archived, "").await;
        assert_eq!(
            crate::applications::employer_act(&app, &employer, offered, "offer").await,
            StatusCode::SEE_OTHER
        );
        let left = apply_asking(&app, &ben, open, "").await;
        app.act(&employer, archived, "close").await;
        app.act(&employer, archived, "archive").await;
        roster_sets(&app, "Ben", "active = false").await;
        for (id, action) in [
            (to_archive, "offer"),
            (to_archive, "interview"),
            (left, "offer"),
            (left, "interview"),
        ] {
            assert_eq!(
                crate::applications::employer_act(&app, &employer, id, action).await,
                StatusCode::CONFLICT,
                "{action} {id}"
            );
        }
        roster_sets(&app, "Ben", "active = true").await;
        let page = format!("/student/applications/{offered}");
        let accept = app
            .submit_as(
                &ben,
                &page,
                &format!("{page}/accept"),
                &[("belonging", "3")],
            )
            .await;
        assert_eq!(accept.status(), StatusCode::CONFLICT);
        assert_eq!(app.count("placement").await, 0, "no placement on it");
        assert_eq!(
            crate::applications::employer_act(&app, &employer, to_archive, "reject").await,
            StatusCode::SEE_OTHER
        );
    })
    .await;
}
