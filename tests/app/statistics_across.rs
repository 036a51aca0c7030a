//! Figures over every school, attacked by a counselor of one school who
//! knows each of their own school's placements (whether it is paid, the
//! rating the student gave, the approved hours: all on the placement's
//! page) and subtracts them from `/counselor/employers`, `/impact`,
//! `/impact.csv` and the organization's public commitments. What is left
//! is the other schools' part: it must never be a group of 1 to 9
//! students, nor one student's rating (the outside review's F5 and F9).

use reqwest::{Client, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use crate::helpers::{TestApp, TestUser, new_client, on_each_backend, posting};

const THRESHOLD: usize = 10;

/// A placement made now for a new student of `school`, in `status`, with
/// the student's rating and approved quarter hours (set-up only).
async fn placed(
    app: &TestApp,
    school: i32,
    opportunity: i32,
    completed: bool,
    rating: Option<i32>,
    quarters: i32,
) -> i32 {
    let at = chrono::Utc::now();
    let n = app.count("student").await;
    let student = enrolled(app, school, &format!("Placed{n}")).await;
    let application = entity::application::ActiveModel {
        opportunity_id: Set(opportunity),
        student_id: Set(student),
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
    let placement = entity::placement::ActiveModel {
        application_id: Set(application.id),
        opportunity_id: Set(opportunity),
        student_id: Set(student),
        status: Set(if completed {
            entity::PlacementStatus::Completed
        } else {
            entity::PlacementStatus::Active
        }),
        start_date: Set(at.date_naive()),
        end_date: Set(at.date_naive() + chrono::Duration::days(30)),
        created_at: Set(at),
        ended_at: Set(completed.then_some(at)),
        student_rating: Set(rating),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    if quarters > 0 {
        entity::hour_log::ActiveModel {
            placement_id: Set(placement.id),
            work_date: Set(at.date_naive()),
            quarter_hours: Set(quarters),
            description: Set("Lab work".into()),
            status: Set(entity::HoursStatus::Approved),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    placement.id
}

/// An active student on `school`'s roster.
async fn enrolled(app: &TestApp, school: i32, first: &str) -> i32 {
    entity::student::ActiveModel {
        school_id: Set(school),
        first_name: Set(first.into()),
        last_name: Set("Student".into()),
        grade: Set(11),
        active: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// The published `/impact` of the closed school year `year`, once every
/// placement, its application and its hours are moved `years` years back
/// (and then back to now): a year's student figures are published only
/// once it has closed (set-up only).
async fn as_if_in(app: &TestApp, years: u32, year: i32) -> String {
    use sea_orm::{EntityTrait, IntoActiveModel};
    let months = chrono::Months::new(12 * years);
    let shift = async |back: bool| {
        let moved = |at: chrono::DateTime<chrono::Utc>| {
            if back {
                at.checked_sub_months(months).unwrap()
            } else {
                at.checked_add_months(months).unwrap()
            }
        };
        for p in entity::placement::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
        {
            let created_at = moved(p.created_at);
            let mut p = p.into_active_model();
            p.created_at = Set(created_at);
            p.update(&app.db).await.unwrap();
        }
        for a in entity::application::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
        {
            let created_at = moved(a.created_at);
            let mut a = a.into_active_model();
            a.created_at = Set(created_at);
            a.update(&app.db).await.unwrap();
        }
    };
    shift(true).await;
    // As the summer job publishes a closed year.
    stembridge::impact::published::publish_closed(&app.db, year, stembridge::format::today(), 10)
        .await
        .unwrap();
    let html = page(app, &new_client(), &format!("/impact?year={year}")).await;
    assert!(html.contains("id=\"impact-published-on\""), "{html}");
    shift(false).await;
    html
}

async fn page(app: &TestApp, client: &Client, path: &str) -> String {
    let response = app.get_as(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The `<td>` cells of the row that starts at `marker` (none: not listed).
fn row_cells(html: &str, marker: &str) -> Option<Vec<String>> {
    let at = html.find(marker)?;
    let row = &html[at..at + html[at..].find("</tr>").unwrap()];
    Some(
        row.split("<td")
            .skip(1)
            .map(|c| {
                let inner = &c[c.find('>').unwrap() + 1..];
                inner[..inner.find("</td>").unwrap()].trim().to_owned()
            })
            .collect(),
    )
}

/// The number a cell starts with ("21 of 5", "52.4%", "4.6"), if shown.
fn leading(cell: &str) -> Option<f64> {
    let end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(cell.len());
    cell[..end].parse().ok()
}

/// What the counselor knows of their own school's placements at the
/// organization: read on each placement's page.
#[derive(Debug, Default)]
struct Own {
    made: usize,
    paid: usize,
    completed: usize,
    ratings: Vec<i32>,
    hours: f64,
}

async fn own_knowledge(
    app: &TestApp,
    counselor: &TestUser,
    placements: &[(i32, bool, bool)],
) -> Own {
    let mut own = Own::default();
    for &(id, paid, completed) in placements {
        let html = page(
            app,
            &counselor.client,
            &format!("/counselor/placements/{id}"),
        )
        .await;
        own.made += 1;
        own.paid += usize::from(paid);
        own.completed += usize::from(completed);
        if let Some(at) = html
            .find("The student&#x27;s rating: ")
            .or(html.find("The student's rating: "))
        {
            let rest = &html[at..];
            let n = rest[rest.find(": ").unwrap() + 2..].chars().next().unwrap();
            own.ratings.push(n.to_digit(10).unwrap() as i32);
        }
        let at = html.find("Approved: ").expect("hours summary");
        own.hours += leading(&html[at + "Approved: ".len()..]).unwrap();
    }
    own
}

/// What is left of a count once one's own part is taken out: none, or
/// at least the threshold.
fn small(leaks: &mut Vec<String>, what: &str, rest: f64) {
    let rest = rest.round() as i64;
    if rest != 0 && rest < THRESHOLD as i64 {
        leaks.push(format!("{what}: {rest} at another school"));
    }
}

/// Every figure over all schools minus the counselor's own part: what is
/// left must be nothing, or at least the threshold; a mean's leftover
/// ratings too. Returns what leaked.
async fn subtract(
    app: &TestApp,
    counselor: &TestUser,
    organization: i32,
    year: i32,
    own: &Own,
) -> Vec<String> {
    let mut leaks = Vec::new();
    // The employer quality view.
    let html = page(app, &counselor.client, "/counselor/employers").await;
    if let Some(cells) = row_cells(&html, &format!("data-organization=\"{organization}\"")) {
        if let Some(completed) = leading(&cells[0]) {
            small(
                &mut leaks,
                "completed (quality view)",
                completed - own.completed as f64,
            );
        }
        if let Some(rated) = leading(&cells[1]) {
            let rest = rated - own.ratings.len() as f64;
            small(&mut leaks, "rated (quality view)", rest);
            if let Some(mean) = leading(&cells[2]) {
                // The sums the rounded mean allows, minus the own ratings.
                let own_sum: i32 = own.ratings.iter().sum();
                let sums: Vec<i64> = (0..=(5 * rated as i64))
                    .filter(|s| ((*s as f64 / rated * 10.0).round() / 10.0 - mean).abs() < 1e-9)
                    .map(|s| s - i64::from(own_sum))
                    .collect();
                if rest.round() as i64 == 1 && sums.len() == 1 {
                    leaks.push(format!("one student's rating: {}", sums[0]));
                }
            }
        }
    }
    // The organization's public commitments (no login).
    let html = page(
        app,
        &new_client(),
        &format!("/organizations/{organization}"),
    )
    .await;
    let made = row_cells(&html, &format!("data-year=\"{year}\"")).expect("the pledge's row");
    let made_shown = leading(&made[0]);
    for (what, cell, mine) in [
        ("made (commitments)", &made[0], own.made),
        ("paid (commitments)", &made[1], own.paid),
        ("completed (commitments)", &made[2], own.completed),
    ] {
        if let Some(n) = leading(cell) {
            small(&mut leaks, what, n - mine as f64);
        }
    }
    // /impact and its CSV: a share with the other schools' placements
    // known (from the commitments above: one organization here) gives
    // their paid count; hours minus one's own are the others' hours.
    let html = page(app, &new_client(), &format!("/impact?year={year}")).await;
    let csv = page(app, &new_client(), &format!("/impact.csv?year={year}")).await;
    // `section,item,value,key`: the section is a label, the key is last.
    let csv_value = |item: &str| {
        csv.lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .find(|cells| cells.len() == 4 && cells[1] == item && cells[3] == "outcome")
            .and_then(|cells| leading(cells[2]))
    };
    let paid_share = row_cells(&html, "id=\"impact-paid\"").and_then(|c| leading(&c[0]));
    assert_eq!(
        paid_share,
        csv_value("Share of placements that were paid"),
        "page and CSV agree"
    );
    if let (Some(share), Some(made)) = (paid_share, made_shown) {
        let rest = made - own.made as f64;
        let paid = (share * made / 100.0).round() - own.paid as f64;
        small(&mut leaks, "placements (impact)", rest);
        small(&mut leaks, "paid placements (impact)", paid);
        small(&mut leaks, "unpaid placements (impact)", rest - paid);
    }
    let hours = row_cells(&html, "id=\"impact-hours\"").and_then(|c| leading(&c[0]));
    assert_eq!(
        hours,
        csv_value("Hours worked (approved)"),
        "page and CSV agree"
    );
    if let (Some(hours), Some(made)) = (hours, made_shown) {
        let rest = made - own.made as f64;
        if rest.round() as i64 == 1 {
            leaks.push(format!("one student's hours: {}", hours - own.hours));
        }
    }
    leaks
}

#[tokio::test]
async fn a_counselor_who_subtracts_their_own_placements_learns_nothing_of_a_few_students_elsewhere()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Prairie Data Lab", "pat@prairie.org")
            .await;
        let organization = app.organization_id("Prairie Data Lab").await;
        let paid = app.published(&employer, &posting(&[])).await;
        let unpaid = app
            .published(
                &employer,
                &posting(&[
                    ("title", "Data shadow"),
                    ("compensation", "unpaid"),
                    ("hourly_wage", ""),
                    ("features", "flexible_schedule"),
                ]),
            )
            .await;
        let year = stembridge::counseling::service::school_year_of(stembridge::format::today());
        let response = app
            .submit_as(
                &employer,
                "/employer/commitments",
                "/employer/commitments",
                &[
                    ("school_year", year.to_string().as_str()),
                    ("placements", "5"),
                    ("paid", "1"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        let counselor = app.counselor_at(lincoln).await;

        // The reviewer's set-up: at Lincoln, 10 paid placements completed
        // and rated 5 (2 approved hours each) and 10 unpaid still active,
        // beside 15 students not placed; at Roosevelt, one student, whose
        // paid placement is completed and rated 1, with 3 hours.
        let mut mine = Vec::new();
        for k in 0..20 {
            let (posting, done) = if k < 10 {
                (paid, true)
            } else {
                (unpaid, false)
            };
            let id = placed(
                &app,
                lincoln,
                posting,
                done,
                done.then_some(5),
                if done { 8 } else { 0 },
            )
            .await;
            mine.push((id, done, done));
        }
        for k in 0..15 {
            enrolled(&app, lincoln, &format!("Waiting{k}")).await;
        }
        placed(&app, roosevelt, paid, true, Some(1), 12).await;

        let own = own_knowledge(&app, &counselor, &mine).await;
        assert_eq!(
            (own.made, own.paid, own.completed, own.ratings.len()),
            (20, 10, 10, 10)
        );
        assert_eq!(own.hours, 20.0);
        let leaks = subtract(&app, &counselor, organization, year, &own).await;
        assert!(leaks.is_empty(), "{leaks:?}");
        // Each of Lincoln's own parts clears the rules: what hides the
        // figures is Roosevelt's one student.
        let employers = page(&app, &counselor.client, "/counselor/employers").await;
        assert!(
            !employers.contains("Prairie Data Lab"),
            "no number of the line can show: {employers}"
        );
        // /impact publishes a year's placements once it has closed: the
        // same placements, a year earlier, in a closed year.
        let impact = as_if_in(&app, 1, year - 1).await;
        for row in ["impact-paid", "impact-access", "impact-hours"] {
            let cells = row_cells(&impact, &format!("id=\"{row}\"")).unwrap();
            assert_eq!(cells[0], "not shown", "{row}");
        }

        // Roosevelt grows to 20 placements (10 paid, completed and rated;
        // 10 unpaid, active) and 10 more students: each school's part now
        // clears on its own, so the sums show, and what the counselor
        // subtracts leaves 10 or more.
        for k in 0..19 {
            let (posting, done) = if k < 9 { (paid, true) } else { (unpaid, false) };
            placed(
                &app,
                roosevelt,
                posting,
                done,
                done.then_some(3),
                if done { 4 } else { 0 },
            )
            .await;
        }
        for k in 0..10 {
            enrolled(&app, roosevelt, &format!("Later{k}")).await;
        }
        let leaks = subtract(&app, &counselor, organization, year, &own).await;
        assert!(leaks.is_empty(), "{leaks:?}");
        let employers = page(&app, &counselor.client, "/counselor/employers").await;
        let line = row_cells(&employers, &format!("data-organization=\"{organization}\""))
            .expect("listed");
        // 50 + 28 over 20 ratings.
        assert_eq!(line, ["20", "20", "3.9"], "{employers}");
        let public = page(
            &app,
            &new_client(),
            &format!("/organizations/{organization}"),
        )
        .await;
        let pledge = row_cells(&public, &format!("data-year=\"{year}\"")).unwrap();
        assert_eq!(&pledge[..3], ["40 of 5", "20 of 1", "20"], "{public}");
        let impact = as_if_in(&app, 2, year - 2).await;
        let value = |row: &str| leading(&row_cells(&impact, &format!("id=\"{row}\"")).unwrap()[0]);
        assert_eq!(value("impact-paid"), Some(50.0), "{impact}");
        assert_eq!(value("impact-access"), Some(50.0), "{impact}");
        // 20 + 3 + 9 hours, beside 40 students placed.
        assert_eq!(value("impact-hours"), Some(32.0), "{impact}");
    })
    .await;
}

/// `count` new active students of `school` of race `race` (set-up only).
async fn of_race(app: &TestApp, school: i32, race: &str, count: usize) {
    for _ in 0..count {
        let id = enrolled(app, school, race).await;
        entity::student::ActiveModel {
            id: Set(id),
            race_ethnicity: Set(Some(race.to_owned())),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
    }
}

async fn groups_csv(app: &TestApp, counselor: &Client) -> String {
    app.get_as(counselor, "/counselor/dashboard/groups.csv")
        .await
        .text()
        .await
        .unwrap()
}

/// Which of a school's cells are hidden beside a small group never depends
/// on another school's students: a roster change at Roosevelt used to
/// reorder the groups "by size across every school" and move the cell
/// Lincoln hid, so two exports of an unchanged Lincoln gave the small
/// group back (eyes12c F2, HIGH).
#[tokio::test]
async fn a_change_at_another_school_never_moves_which_cells_a_school_hides() {
    for backend in crate::helpers::backends() {
        // Every view counted afresh: nothing remembered hides a change.
        let app = TestApp::spawn_with(backend, |config| config.stats_cache_seconds = 0).await;
        let lincoln = app.school_with_counselor("Lincoln High").await;
        let roosevelt = app.school_with_counselor("Roosevelt High").await;
        for (race, count) in [
            ("Hispanic or Latino", 30),
            ("White", 25),
            ("Asian", 24),
            ("American Indian or Alaska Native", 3),
        ] {
            of_race(&app, lincoln, race, count).await;
        }
        of_race(&app, roosevelt, "White", 12).await;
        let counselor = app.counselor_at(lincoln).await;
        let before = groups_csv(&app, &counselor.client).await;
        assert!(
            !before.contains("American Indian"),
            "the small group is hidden"
        );
        // Roosevelt's roster changes: 60 Asian students join, which once
        // made Asian the largest group across schools.
        of_race(&app, roosevelt, "Asian", 60).await;
        let after = groups_csv(&app, &counselor.client).await;
        assert_eq!(before, after, "Lincoln's export did not change");
    }
}
