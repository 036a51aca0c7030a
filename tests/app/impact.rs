//! The public impact page: open to anyone, every student number under the
//! threshold hidden, a chart and a table per figure, a CSV, bad parameters
//! refused, and readable at phone width (axe). A school year's student
//! figures are published once it has closed and never move afterwards;
//! the current year shows none.

use reqwest::{Client, StatusCode};
use stembridge::{
    counseling::service::school_year_of,
    format::today,
    i18n::{Lang, long_date},
};

use crate::helpers::{TestApp, new_client, on_each_backend, posting};

#[tokio::test]
async fn the_impact_page_shows_offers_to_anyone_and_no_student_figures_of_the_current_year() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        app.published(&employer, &posting(&[])).await;
        app.published(&employer, &posting(&[("field", "health")]))
            .await;
        // Enough students that every group would show, were it live.
        import_roster(&app, &admin, &roster(30)).await;
        let school = lincoln(&app).await;
        let student = crate::applications::student(&app, school, "Ana", 11, "").await;
        let id = app.published(&employer, &posting(&[("slots", "5")])).await;
        crate::applications::apply(&app, &student, id).await;
        let year = school_year_of(today());

        let anonymous = new_client();
        let response = app.get_as(&anonymous, "/impact").await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap();
        assert!(html.contains("Opportunities offered: 3"), "{html}");
        // A chart (SVG with a title) and a table per figure of the offers.
        assert!(html.matches("role=\"img\"").count() >= 3);
        assert!(html.matches("<caption>").count() >= 4);
        // No number about students: they are published once the year ends.
        let end = long_date(Lang::En, chrono::NaiveDate::from_ymd_opt(year + 1, 7, 31).unwrap());
        assert!(
            html.contains(&format!(
                "Student figures for {year}–{} are published once, after the school year ends on {end}",
                year + 1
            )),
            "{html}"
        );
        for marker in [
            "funnel-cohort",
            "data-group",
            "impact-started",
            "impact-paid",
            "impact-hours",
            "impact-commitments-met",
            "scope-hidden",
        ] {
            assert!(!html.contains(marker), "{marker}: {html}");
        }
        assert!(html.contains("id=\"impact-commitments\""), "pledges are not students");

        let spanish = new_client();
        app.get_as(&spanish, "/language/es").await;
        let html = app.get_as(&spanish, "/impact").await.text().await.unwrap();
        let end = long_date(Lang::Es, chrono::NaiveDate::from_ymd_opt(year + 1, 7, 31).unwrap());
        assert!(
            html.contains(&format!(
                "Las cifras de estudiantes de {year}–{} se publican una sola vez, cuando termine el año escolar el {end}",
                year + 1
            )),
            "{html}"
        );
        assert!(html.contains("Oportunidades ofrecidas: 3"), "{html}");
        assert!(!html.contains("funnel-cohort") && !html.contains("data-group"));

        let response = app.get_as(&anonymous, "/impact.csv?lang=es").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let bytes = response.bytes().await.unwrap();
        // A byte order mark first, so that Excel reads the accents as UTF-8.
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{bytes:?}");
        let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
        // The same columns as every year's.
        assert!(csv.starts_with("sección,elemento,valor,clave\n"), "{csv}");
        // Sections are written in Spanish; the last column keeps the key.
        assert!(csv.contains("\nOportunidades por tipo,Pasantía,3,kind\n"), "{csv}");
        // Of the outcomes, only the pledges; no student row, no gap.
        let outcomes: Vec<&str> = csv.lines().filter(|l| l.ends_with(",outcome")).collect();
        assert_eq!(outcomes, ["Prácticas,Compromisos de empleadores hechos,0,outcome"], "{csv}");
        assert!(!csv.contains(",gap:"), "{csv}");
        for line in csv.lines().skip(1) {
            for key in ["kind", "field", "feature", "outcome", "gap:"] {
                assert!(!line.starts_with(key), "an English key begins {line}");
            }
        }

        for (path, message) in [
            ("/impact?year=1990", "“year” must be a school year from 2000"),
            ("/impact?year=abc", "“year” must be a school year from 2000"),
            ("/impact.csv?lang=xx", ""),
        ] {
            let response = app.get_as(&anonymous, path).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
            assert!(response.text().await.unwrap().contains(message), "{path}");
        }
        // Refused, nothing was published.
        assert_eq!(app.count("impact_year").await, 0);
    })
    .await;
}

/// The OneRoster files of one school whose students are `students`: each
/// `(id, sex, black, low income, English learner, disability, first
/// generation, grade)`.
struct Roster {
    users: String,
    demographics: String,
}

type Student = (String, &'static str, bool, bool, bool, bool, bool, i32);

/// `n` students of Lincoln High, their groups spread so that every group
/// of the public table has at least the threshold.
fn roster(n: usize) -> Vec<Student> {
    (0..n)
        .map(|k| {
            (
                format!("stu-{k:04}"),
                if k % 2 == 0 { "female" } else { "male" },
                k % 3 == 0,
                k % 2 == 1,
                k % 5 < 2,
                k % 4 == 0,
                k % 3 != 1,
                9 + (k % 2) as i32,
            )
        })
        .collect()
}

fn roster_files(students: &[Student]) -> Roster {
    let mut users = String::from(
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.language\n",
    );
    let mut demographics = String::from(
        "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus,metadata.lowIncome,metadata.englishLearner,metadata.disability,metadata.firstGeneration\n",
    );
    for (id, sex, black, low_income, learner, disability, first_generation, grade) in students {
        users.push_str(&format!(
            "{id},active,2026-08-01,true,school-lincoln,student,{id},,Student,{id},,{id},,,,,{grade:02},,\n"
        ));
        demographics.push_str(&format!(
            "{id},active,2026-08-01,2010-01-01,{sex},false,false,{black},false,{},false,false,US,IL,Chicago,,{low_income},{learner},{disability},{first_generation}\n",
            !black
        ));
    }
    Roster {
        users,
        demographics,
    }
}

/// Imports `students` as Lincoln High's whole roster (a student missing
/// from it is no longer on the roster), through the roster upload.
async fn import_roster(app: &TestApp, uploader: &Client, students: &[Student]) {
    let files = roster_files(students);
    let orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.zip\n\
                school-lincoln,active,2026-08-01,Lincoln High,school,LHS,,60608\n";
    let upload = app
        .upload_roster(
            uploader,
            orgs.as_bytes(),
            files.users.as_bytes(),
            files.demographics.as_bytes(),
        )
        .await;
    assert!(!upload.refused, "{}", upload.page);
}

/// The school the roster made.
async fn lincoln(app: &TestApp) -> i32 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entity::school::Entity::find()
        .filter(entity::school::Column::Name.eq("Lincoln High"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("imported")
        .id
}

/// The page's part from its outcomes to its end: every student figure.
fn student_part(html: &str) -> &str {
    let at = html
        .find("id=\"impact-published-on\"")
        .expect("published figures");
    &html[at..html.rfind("</main>").unwrap_or(html.len())]
}

#[tokio::test]
async fn a_closed_years_published_figures_do_not_move_when_a_student_joins_or_leaves() {
    on_each_backend(async |app: TestApp| {
        // The reviewer's attack: read a closed year, change the roster by
        // one student, read again; the difference would be that student.
        let admin = app.admin().await;
        let mut students = roster(40);
        import_roster(&app, &admin, &students).await;
        let counselor = app
            .counselor("counselor@lincoln.edu", &[lincoln(&app).await])
            .await;
        let last = school_year_of(today()) - 1;
        let anonymous = new_client();
        let page = async || {
            let response = app
                .get_as(&anonymous, &format!("/impact?year={last}"))
                .await;
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap()
        };
        let csv = async || {
            let response = app
                .get_as(&anonymous, &format!("/impact.csv?year={last}"))
                .await;
            assert_eq!(response.status(), StatusCode::OK);
            response.bytes().await.unwrap()
        };
        let dashboard_cohort = async || {
            let html = app
                .get_as(&counselor, &format!("/counselor/dashboard?year={last}"))
                .await
                .text()
                .await
                .unwrap();
            let at = html.find("id=\"funnel-cohort\"").expect("the cohort shows");
            html[at..at + html[at..].find("</tr>").unwrap()].to_owned()
        };
        // Nothing is published by reading (eyes9c F1): a closed year the
        // summer job did not publish shows no student figures, whichever
        // year is asked and however (HEAD too), so no reader can take a
        // snapshot of today's roster under an old year's name.
        for year in [2000, 2001, last] {
            let path = format!("/impact?year={year}");
            let head = anonymous.head(app.url(&path)).send().await.unwrap();
            assert_eq!(head.status(), StatusCode::OK);
            let html = app.get_as(&anonymous, &path).await.text().await.unwrap();
            assert!(
                html.contains("No student figures were published for"),
                "{html}"
            );
            assert!(!html.contains("funnel-cohort"), "{html}");
        }
        assert_eq!(app.count("impact_year").await, 0);
        // The summer job publishes the last year.
        assert!(
            stembridge::impact::published::publish_closed(&app.db, last, today(), 10)
                .await
                .unwrap()
        );
        let before = page().await;
        let before_csv = csv().await;
        // Published: the funnel and the group sizes show.
        assert!(
            before.contains("id=\"funnel-cohort\"><th scope=\"row\">Cohort</th><td>40</td>"),
            "{before}"
        );
        assert!(
            before.contains("data-group=\"race_ethnicity:Black or African American\""),
            "{before}"
        );
        assert!(before.contains("id=\"impact-published-on\""), "{before}");
        assert_eq!(app.count("impact_year").await, 1);
        let cohort_before = dashboard_cohort().await;

        // A new student joins: Black, low income, not an English learner,
        // with an IEP, not first generation, in grade 10.
        students.push((
            "new-9001".into(),
            "male",
            true,
            true,
            false,
            true,
            false,
            10,
        ));
        import_roster(&app, &admin, &students).await;
        // The counselor's dashboard (staff only) is live and moved...
        assert_ne!(
            dashboard_cohort().await,
            cohort_before,
            "the roster changed"
        );
        // ...the public page and its CSV did not, by a byte.
        let after = page().await;
        assert_eq!(student_part(&after), student_part(&before));
        assert_eq!(csv().await, before_csv);

        // Two students leave (one of them the newcomer).
        students.retain(|s| s.0 != "new-9001" && s.0 != "stu-0003");
        import_roster(&app, &admin, &students).await;
        let after = page().await;
        assert_eq!(student_part(&after), student_part(&before));
        assert_eq!(csv().await, before_csv);
        assert_eq!(app.count("impact_year").await, 1);
    })
    .await;
}

#[tokio::test]
async fn two_servers_publishing_a_closed_year_at_once_store_one_row() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        import_roster(&app, &admin, &roster(20)).await;
        let last = school_year_of(today()) - 1;
        let publish = || stembridge::impact::published::publish_closed(&app.db, last, today(), 10);
        let (first, second) = tokio::join!(publish(), publish());
        let stored = [first.unwrap(), second.unwrap()];
        assert!(stored.iter().filter(|s| **s).count() <= 1, "{stored:?}");
        assert_eq!(app.count("impact_year").await, 1);
        let path = format!("/impact?year={last}");
        let (a, b) = (new_client(), new_client());
        let (first, second) = tokio::join!(app.get_as(&a, &path), app.get_as(&b, &path));
        let (first, second) = (first.text().await.unwrap(), second.text().await.unwrap());
        assert_eq!(student_part(&first), student_part(&second));
    })
    .await;
}

#[tokio::test]
async fn the_job_publishes_the_year_that_closed_last_once() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        import_roster(&app, &admin, &roster(20)).await;
        let (today, last) = (today(), school_year_of(today()) - 1);
        let publish = async |year: i32| {
            stembridge::impact::published::publish_closed(&app.db, year, today, 10)
                .await
                .unwrap()
        };
        // The current year is never published; the last one once.
        assert!(!publish(last + 1).await);
        assert!(publish(last).await);
        assert!(!publish(last).await);
        assert_eq!(app.count("impact_year").await, 1);
        let html = app
            .get_as(&new_client(), &format!("/impact?year={last}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(&format!("published on {}", long_date(Lang::En, today))),
            "{html}"
        );
        assert!(html.contains("<td>20</td>"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn the_impact_and_draw_pages_pass_axe_at_phone_width() {
    let Some(browser) = crate::browser::Browser::start(390).await else {
        eprintln!("browser check skipped: set CHROMEDRIVER to run it");
        return;
    };
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let admin = app.admin().await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    app.published(&employer, &posting(&[])).await;
    let mut problems = Vec::new();
    for path in ["/impact", "/draws/how"] {
        browser.goto(&app.url(path)).await;
        for v in browser.accessibility_violations().await {
            problems.push(format!("{path}: {v}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
