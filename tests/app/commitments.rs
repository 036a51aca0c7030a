//! Employer commitments over HTTP: bad pledges refused with nothing saved,
//! progress counted from real placements, the public page through the
//! disclosure rules.

use reqwest::StatusCode;

use crate::{
    applications::{apply, student},
    helpers::{TestApp, days_from_now, location, new_client, on_each_backend, posting},
};

#[tokio::test]
async fn a_pledge_progresses_from_real_placements_and_the_public_sees_only_cleared_numbers() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let rival = app
            .verified_employer(&admin, "Rival Labs", "rita@rival.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let year = stembridge::counseling::service::school_year_of(stembridge::format::today())
            .to_string();
        let page = "/employer/commitments";
        let lincoln_id = lincoln.to_string();

        // Bad pledges: a clear message each, and nothing saved.
        for (fields, message) in [
            (
                vec![
                    ("school_year", year.as_str()),
                    ("placements", "-3"),
                    ("paid", "0"),
                ],
                "Placements pledged must be between 1 and",
            ),
            (
                vec![
                    ("school_year", year.as_str()),
                    ("placements", "2"),
                    ("paid", "5"),
                ],
                "Paid placements cannot be more than the placements pledged.",
            ),
            (
                vec![("school_year", "1999"), ("placements", "2"), ("paid", "1")],
                "Choose the school year starting in",
            ),
            (
                vec![
                    ("school_year", year.as_str()),
                    ("placements", "2"),
                    ("paid", "1"),
                    ("schools", lincoln_id.as_str()),
                    ("schools", "999999"),
                ],
                "One of the partner schools is not on this site.",
            ),
        ] {
            let response = app.submit_as(&employer, page, page, &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{message}"
            );
            let html = response.text().await.unwrap();
            assert!(html.contains(message), "{message}");
        }
        assert_eq!(app.count("commitment").await, 0);
        assert_eq!(app.count("commitment_school").await, 0);

        // The pledge: two placements, one paid, with Lincoln as partner.
        let response = app
            .submit_as(
                &employer,
                page,
                page,
                &[
                    ("school_year", year.as_str()),
                    ("placements", "2"),
                    ("paid", "1"),
                    ("schools", lincoln_id.as_str()),
                ],
            )
            .await;
        assert_eq!(location(&response), page);
        let html = app.get_as(&employer, page).await.text().await.unwrap();
        assert!(
            html.contains("0 of 2") && html.contains("Not yet"),
            "{html}"
        );

        // Real placements: two Lincoln students on an unpaid shadow, one
        // Roosevelt student on a paid one.
        let start = days_from_now(60);
        let shadow = |compensation: &'static str, stipend: &'static str| {
            posting(&[
                ("kind", "job_shadow"),
                ("allocation", "first_come"),
                ("compensation", compensation),
                ("stipend", stipend),
                ("hourly_wage", ""),
                ("start_date", &start),
                ("end_date", &start),
                ("start_time", "09:00"),
                ("end_time", "13:00"),
            ])
        };
        let unpaid = app.published(&employer, &shadow("unpaid", "")).await;
        let paid = app.published(&employer, &shadow("stipend", "50")).await;
        for (name, at, posting) in [
            ("Lena", lincoln, unpaid),
            ("Liam", lincoln, unpaid),
            ("Rosa", roosevelt, paid),
        ] {
            let client = student(&app, at, name, 11, "").await;
            assert_eq!(
                apply(&app, &client, posting).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        let html = app.get_as(&employer, page).await.text().await.unwrap();
        let row = &html[html.find(&format!("data-year=\"{year}\"")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("3 of 2"), "{row}");
        assert!(row.contains("1 of 1"), "{row}");
        assert!(row.contains("2 from partner schools"), "{row}");
        assert!(row.contains("Met"), "{row}");

        // The public page: the promise, and progress under the threshold hidden.
        let id = app.organization_id("Lakeshore Robotics").await;
        let public = app
            .get_as(&new_client(), &format!("/organizations/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(public.contains("not shown, of 2 pledged"), "{public}");
        assert!(!public.contains("3 of 2"), "no count under the threshold");

        // Another organization's page knows nothing of this pledge.
        let html = app.get_as(&rival, page).await.text().await.unwrap();
        assert!(html.contains("You have not made a pledge yet."));
    })
    .await;
}

/// The employer's pledge for `year` with `partner` as its one partner
/// school (a new pledge replaces the old); its row's "N from partner
/// schools".
async fn from_partner(
    app: &TestApp,
    employer: &crate::helpers::TestUser,
    year: &str,
    partner: i32,
) -> String {
    let page = "/employer/commitments";
    let partner = partner.to_string();
    let response = app
        .submit_as(
            employer,
            page,
            page,
            &[
                ("school_year", year),
                ("placements", "5"),
                ("paid", "0"),
                ("schools", partner.as_str()),
            ],
        )
        .await;
    assert_eq!(location(&response), page);
    let html = app.get_as(employer, page).await.text().await.unwrap();
    let row = &html[html.find(&format!("data-year=\"{year}\"")).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let end = row
        .find(" from partner schools")
        .expect("the partner count");
    let start = row[..end].rfind(['(', '>', ' ']).map_or(0, |i| i + 1);
    row[start..end].trim().to_owned()
}

/// eyes16a F1: a pledge counts a placement for the school the student
/// applied from, so re-pledging school by school after a roster transfer
/// does not tell the employer where its placed student is now.
#[tokio::test]
async fn a_roster_transfer_moves_no_placement_between_the_partner_schools_of_a_pledge() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let year = stembridge::counseling::service::school_year_of(stembridge::format::today())
            .to_string();
        let start = days_from_now(60);
        let shadow = app
            .published(
                &employer,
                &posting(&[
                    ("kind", "job_shadow"),
                    ("allocation", "first_come"),
                    ("start_date", &start),
                    ("end_date", &start),
                    ("start_time", "09:00"),
                    ("end_time", "13:00"),
                ]),
            )
            .await;
        let tara = student(&app, lincoln, "Tara", 11, "").await;
        assert_eq!(
            apply(&app, &tara, shadow).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(from_partner(&app, &employer, &year, lincoln).await, "1");
        assert_eq!(from_partner(&app, &employer, &year, roosevelt).await, "0");

        // A roster moves Tara to Roosevelt (set-up, as a roster upload does).
        use sea_orm::ConnectionTrait;
        app.db
            .execute_unprepared(&format!(
                "UPDATE student SET school_id = {roosevelt} WHERE first_name = 'Tara'"
            ))
            .await
            .unwrap();
        // Re-pledged school by school, the counts are as before the move.
        assert_eq!(from_partner(&app, &employer, &year, lincoln).await, "1");
        assert_eq!(from_partner(&app, &employer, &year, roosevelt).await, "0");
    })
    .await;
}

/// A placement of a new student of `school` on `opportunity`, in `status`,
/// made `days_ago` days ago (the set-up of many placements, without the
/// whole apply-offer-accept journey each).
async fn placed(
    app: &TestApp,
    school: i32,
    opportunity: i32,
    status: entity::PlacementStatus,
    days_ago: i64,
) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let at = chrono::Utc::now() - chrono::Duration::days(days_ago);
    let n = app.count("student").await;
    let student = entity::student::ActiveModel {
        school_id: Set(school),
        first_name: Set(format!("Placed{n}")),
        last_name: Set("Student".into()),
        grade: Set(11),
        active: Set(true),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let application = entity::application::ActiveModel {
        opportunity_id: Set(opportunity),
        student_id: Set(student.id),
        school_id: Set(Some(school)),
        status: Set(entity::ApplicationStatus::Accepted),
        note: Set(String::new()),
        availability: Set(String::new()),
        accommodations: Set(String::new()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    entity::placement::ActiveModel {
        application_id: Set(application.id),
        opportunity_id: Set(opportunity),
        student_id: Set(student.id),
        status: Set(status),
        start_date: Set(at.date_naive()),
        end_date: Set(at.date_naive() + chrono::Duration::days(30)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_pledges_public_figures_never_let_a_small_count_be_worked_out() {
    on_each_backend(async |app: TestApp| {
        use entity::PlacementStatus::{Active, Completed};
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let counselor = app.counselor_at(lincoln).await;
        let year = stembridge::counseling::service::school_year_of(stembridge::format::today())
            .to_string();
        let page = "/employer/commitments";
        let response = app
            .submit_as(
                &employer,
                page,
                page,
                &[
                    ("school_year", year.as_str()),
                    ("placements", "3"),
                    ("paid", "1"),
                ],
            )
            .await;
        assert_eq!(location(&response), page);
        let start = days_from_now(60);
        let shadow = |compensation: &'static str, stipend: &'static str| {
            posting(&[
                ("kind", "job_shadow"),
                ("allocation", "first_come"),
                ("compensation", compensation),
                ("stipend", stipend),
                ("hourly_wage", ""),
                ("start_date", &start),
                ("end_date", &start),
                ("start_time", "09:00"),
                ("end_time", "13:00"),
            ])
        };
        let unpaid = app.published(&employer, &shadow("unpaid", "")).await;
        let paid = app.published(&employer, &shadow("stipend", "50")).await;
        let id = app.organization_id("Lakeshore Robotics").await;
        let public_row = async || {
            let html = app
                .get_as(&new_client(), &format!("/organizations/{id}"))
                .await
                .text()
                .await
                .unwrap();
            let row = &html[html
                .find(&format!("data-year=\"{year}\""))
                .expect("the pledge's row")..];
            row[..row.find("</tr>").unwrap()].to_owned()
        };
        // A line with no number shown is not listed: then empty.
        let quality_row = async || {
            let html = app
                .get_as(&counselor, "/counselor/employers")
                .await
                .text()
                .await
                .unwrap();
            html.find(&format!("data-organization=\"{id}\""))
                .map(|at| html[at..at + html[at..].find("</tr>").unwrap()].to_owned())
                .unwrap_or_default()
        };

        // Three placements, one paid: "met" (or "not yet") beside "fewer
        // than 10" would tell how many of the few were made.
        for posting in [paid, unpaid, unpaid] {
            placed(&app, lincoln, posting, Active, 0).await;
        }
        let row = public_row().await;
        assert!(row.contains("not shown, of 3 pledged"), "{row}");
        assert!(!row.contains("Met") && !row.contains("Not yet"), "{row}");
        // Nor does /impact count it among the pledges met: it counts them
        // (on students placed) only once the school year has closed.
        let impact_met = async || {
            let html = app.get("/impact").await.text().await.unwrap();
            assert!(
                html.contains("id=\"impact-commitments\""),
                "pledges made show"
            );
            html.contains("id=\"impact-commitments-met\"")
        };
        assert!(!impact_met().await);

        // 12 made, 10 paid: "12" beside "10" would be 2 unpaid.
        for _ in 0..9 {
            placed(&app, lincoln, paid, Active, 0).await;
        }
        let row = public_row().await;
        assert!(row.contains("12 of 3"), "{row}");
        assert!(
            !row.contains("10 of 1"),
            "paid hidden with its complement: {row}"
        );
        assert!(
            !row.contains("fewer than 10 of 1"),
            "nor said to be under 10: {row}"
        );
        assert!(!row.contains("Met") && !row.contains("Not yet"), "{row}");

        // 22 made, 12 paid and 10 not: all shown, and whether it is met;
        // 10 of them completed (and 3 more in an earlier school year).
        for _ in 0..8 {
            placed(&app, lincoln, unpaid, Completed, 0).await;
        }
        for _ in 0..2 {
            placed(&app, lincoln, paid, Completed, 0).await;
        }
        for _ in 0..3 {
            placed(&app, lincoln, paid, Completed, 400).await;
        }
        let row = public_row().await;
        assert!(row.contains("22 of 3") && row.contains("12 of 1"), "{row}");
        assert!(row.contains("<td>10</td>") && row.contains("Met"), "{row}");
        assert!(!impact_met().await, "published once the year has closed");
        // The counselors' view counts the same year the same way: 10, not
        // the 13 of all time that would give the earlier year's 3.
        let row = quality_row().await;
        assert!(
            row.contains("<td>10</td>") && !row.contains("<td>13</td>"),
            "{row}"
        );

        // Three more completed of the 22: "13" beside "22" would be 9 not
        // completed, so neither page shows the 13 (nor 16 of all time).
        use sea_orm::ConnectionTrait;
        app.db
            .execute_unprepared(
                "UPDATE placement SET status = 'completed' WHERE id IN \
                 (SELECT id FROM placement WHERE status = 'active' ORDER BY id LIMIT 3)",
            )
            .await
            .unwrap();
        let row = public_row().await;
        assert!(
            row.contains("22 of 3") && !row.contains("<td>13</td>"),
            "{row}"
        );
        let row = quality_row().await;
        assert!(
            !row.contains("<td>13</td>") && !row.contains("<td>16</td>"),
            "{row}"
        );
    })
    .await;
}
