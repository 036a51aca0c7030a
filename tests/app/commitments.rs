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
        let year = stembridge::counseling::service::school_year_of(chrono::Utc::now().date_naive())
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
        assert!(public.contains("fewer than 10 of 2"), "{public}");
        assert!(!public.contains("3 of 2"), "no count under the threshold");

        // Another organization's page knows nothing of this pledge.
        let html = app.get_as(&rival, page).await.text().await.unwrap();
        assert!(html.contains("You have not made a pledge yet."));
    })
    .await;
}
