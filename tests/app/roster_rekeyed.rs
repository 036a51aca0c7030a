//! A district that re-keys its students (a new student information system,
//! a state id replacing a local one) lists a child under a new sourcedId
//! while the old one is gone from the export. The roster holds that row
//! for the importer's yes; confirmed, the child's record takes the new id
//! and keeps its account, guardians, placement and hours, and nobody is
//! counted twice. A row that more than one record could be moves nothing,
//! and a birth date that differs is another child.

use entity::{student, student_guardian};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    applications::{apply, employer_act, id_from},
    counseling::funnel,
    helpers::{PASSWORD, TestApp, TestUser, days_from_now, new_client, on_each_backend, posting},
    roster_sources::{HEADER, import, students},
};

/// orgs.csv of the Pine Valley district: its high school (ps-100) and,
/// when `middle`, its middle school (ps-200).
fn orgs(middle: bool) -> Vec<u8> {
    let mut orgs = String::from(
        "sourcedId,name,type\npine-valley,Pine Valley District,district\n\
         ps-100,Pine Valley High,school\n",
    );
    if middle {
        orgs.push_str("ps-200,Pine Valley Middle,school\n");
    }
    orgs.into_bytes()
}

/// users.csv (header added) uploaded as a delta export of Pine Valley High.
async fn upload_delta(
    app: &TestApp,
    admin: &TestUser,
    users: &str,
    fields: &[(&str, &str)],
) -> crate::helpers::RosterUpload {
    let users = format!("{HEADER}{users}");
    app.upload_roster_form(
        admin,
        &[
            ("orgs", &orgs(false)),
            ("users", users.as_bytes()),
            ("manifest", b"propertyName,value\nfile.users,delta\n"),
        ],
        fields,
    )
    .await
}

async fn by_name(app: &TestApp, first: &str) -> Vec<student::Model> {
    student::Entity::find()
        .filter(student::Column::FirstName.eq(first))
        .order_by_asc(student::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// Ten classmates (s10..s19, grade `grade`), so the counselor's counts are
/// shown rather than hidden as fewer than 10.
fn classmates(grade: i32) -> String {
    (10..20)
        .map(|n| format!("s{n},true,ps-100,student,Student{n},Rivera,{grade},,\n"))
        .collect()
}

/// The page in Spanish, as a colleague reading it opens it.
async fn in_spanish(app: &TestApp, reader: &TestUser, path: &str) -> String {
    reader
        .get(app.url(path))
        .header("Accept-Language", "es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The newest roster upload's status page.
async fn newest_upload(app: &TestApp) -> String {
    let id = app
        .number("SELECT CAST(MAX(id) AS BIGINT) AS n FROM roster_upload")
        .await;
    format!("/counselor/roster/uploads/{id}")
}

/// The student `record` claims their account with a code the counselor
/// hands out, and confirms their address: logged in.
async fn claimed(app: &TestApp, counselor: &TestUser, record: i32, email: &str) -> TestUser {
    let response = app
        .submit_as(
            counselor,
            "/counselor",
            &format!("/counselor/students/{record}/code"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let code = page
        .split("id=\"claim-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let client = new_client();
    let response = app
        .submit_as(
            &client,
            "/claim",
            "/claim",
            &[
                ("code", &code),
                ("display_name", "Ana"),
                ("email", email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let link = app.link_mailed_to(email, "/register/confirm/").await;
    app.submit_as(&client, &link, &link, &[]).await;
    TestUser {
        client,
        id: app.user_id(email).await,
        role: entity::Role::Student,
        email: email.to_owned(),
    }
}

/// Ana applies to a Lakeshore Robotics posting and accepts its offer; the
/// employer is returned.
async fn accepted_offer(app: &TestApp, admin: &TestUser, ana: &TestUser) -> TestUser {
    let employer = app
        .verified_employer(admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let response = apply(app, ana, opportunity).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let application = id_from(&response);
    for action in ["review", "interview", "offer"] {
        assert_eq!(
            employer_act(app, &employer, application, action).await,
            StatusCode::SEE_OTHER
        );
    }
    let page = format!("/student/applications/{application}");
    let response = app
        .submit_as(ana, &page, &format!("{page}/accept"), &[("belonging", "3")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    employer
}

/// Gives Ana (grade 12, an adult: no consent to wait for) an active
/// placement with 3.5 approved hours; returns the placement's id.
async fn placed_with_hours(app: &TestApp, admin: &TestUser, ana: &TestUser) -> i32 {
    let employer = accepted_offer(app, admin, ana).await;
    let placement = app
        .number("SELECT CAST(MAX(id) AS BIGINT) AS n FROM placement WHERE status = 'active'")
        .await;
    // The clock moved on: the placement started ten days ago.
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let placement = i32::try_from(placement).unwrap();
    let taken = entity::placement::Entity::find_by_id(placement)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    entity::placement::ActiveModel {
        id: Set(placement),
        start_date: Set(stembridge::format::today() - chrono::Duration::days(10)),
        created_at: Set(taken.created_at - chrono::Duration::days(10)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    let hours_page = format!("/student/placements/{placement}");
    let response = app
        .submit_as(
            ana,
            &hours_page,
            &format!("{hours_page}/hours"),
            &[
                ("work_date", &days_from_now(-1)),
                ("hours", "3.5"),
                ("description", "Soldered a motor driver."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let employer_page = app
        .get_as(&employer, &format!("/employer/placements/{placement}"))
        .await
        .text()
        .await
        .unwrap();
    let hours = employer_page
        .split("/employer/hours/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let response = app
        .submit_as(
            &employer,
            "/employer",
            &format!("/employer/hours/{hours}/approve"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    placement
}

#[tokio::test]
async fn a_student_whose_sis_id_was_re_keyed_keeps_their_account_guardians_and_placement_once_confirmed()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!(
            "s1,true,ps-100,student,Ana,Rivera,12,,g1\n\
             g1,true,,parent,Rosa,Rivera,,rosa@example.org,s1\n{}",
            classmates(12)
        );
        let born = "s1,2008-01-10,female\n";
        let imported = import(&app, &admin, &orgs(false), &first, born, &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let ana_record = by_name(&app, "Ana").await.remove(0);
        let counselor = app.counselor("carla@pv.edu", &[ana_record.school_id]).await;
        let ana = claimed(&app, &counselor, ana_record.id, "ana@students.org").await;
        let placement = placed_with_hours(&app, &admin, &ana).await;
        let dashboard = async || {
            let response = app.get_as(&counselor, "/counselor/dashboard").await;
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap()
        };
        assert_eq!(funnel(&dashboard().await, "cohort"), Some(11));

        // The district's new system: Ana is "st-9001" now, "s1" is gone,
        // her mother's row names her by the new id.
        let rekeyed = format!(
            "st-9001,true,ps-100,student,Ana,Rivera,12,,g1\n\
             g1,true,,parent,Rosa,Rivera,,rosa@example.org,st-9001\n{}",
            classmates(12)
        );
        let new_born = "st-9001,2008-01-10,female\n";
        let before = (
            students(&app).await,
            app.count("guardian").await,
            app.count("student_guardian").await,
            app.count("audit_log WHERE action = 'rekey_student'").await,
        );
        let held = import(&app, &admin, &orgs(false), &rekeyed, new_born, &[]).await;
        assert!(held.refused, "{}", held.page);
        let page = held.page.replace("&#x27;", "'");
        let expected = format!(
            "users.csv, line 2: Ana Rivera is listed under a new SIS id “st-9001”; the record \
             on file (#{}, Pine Valley High, grade 12) has id “s1”, which this export no longer \
             lists. They have the same names and birth date. Confirm to move the record \
             (account, guardians and placements stay with it). If they are different \
             children, do not confirm: give the record on file its birth date on the student's \
             page (or correct the export) and import again; the roster then adds a new student \
             and “s1” departs.",
            ana_record.id
        );
        assert!(page.contains(&expected), "{page}");
        assert!(page.contains("Yes, the row above is right"), "{page}");
        let spanish = in_spanish(&app, &admin, &newest_upload(&app).await).await;
        assert!(
            spanish.contains(
                "Ana Rivera figura con un nuevo id del sistema de información estudiantil (SIS) \
                 «st-9001»"
            ) && spanish.contains("Tienen los mismos nombres y la misma fecha de nacimiento."),
            "{spanish}"
        );
        // Held: nothing written, no departure, no new student.
        let after = (
            students(&app).await,
            app.count("guardian").await,
            app.count("student_guardian").await,
            app.count("audit_log WHERE action = 'rekey_student'").await,
        );
        assert_eq!(after, before, "no partial write");

        let confirmed = import(
            &app,
            &admin,
            &orgs(false),
            &rekeyed,
            new_born,
            &[("confirm_review", "1")],
        )
        .await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert!(
            confirmed
                .page
                .contains("1 student listed under a new SIS id kept their record"),
            "{}",
            confirmed.page
        );
        assert!(
            confirmed
                .page
                .contains("Imported: 0 new students, 0 updated, 0 no longer on the roster"),
            "nobody new, nobody departs: {}",
            confirmed.page
        );
        let spanish = in_spanish(&app, &admin, &newest_upload(&app).await).await;
        assert!(
            spanish.contains("1 estudiante con un nuevo id del sistema de información"),
            "{spanish}"
        );

        // One record, the same one: its new id, account, guardian, placement.
        let anas = by_name(&app, "Ana").await;
        assert_eq!(anas.len(), 1, "{anas:?}");
        let now = &anas[0];
        assert_eq!(now.id, ana_record.id);
        assert_eq!(now.sourced_id.as_deref(), Some("st-9001"));
        assert!(now.active);
        assert_eq!(now.user_id, Some(ana.id));
        let guardians = student_guardian::Entity::find()
            .filter(student_guardian::Column::StudentId.eq(now.id))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(guardians.len(), 1);
        assert_eq!(
            app.count("guardian WHERE active = true AND email = 'rosa@example.org'")
                .await,
            1
        );
        assert_eq!(
            app.count(&format!(
                "placement WHERE id = {placement} AND student_id = {} AND status = 'active'",
                now.id
            ))
            .await,
            1
        );
        assert_eq!(
            app.count("audit_log WHERE action = 'rekey_student'").await,
            1,
            "on the record"
        );
        assert_eq!(funnel(&dashboard().await, "cohort"), Some(11), "not twice");

        // Ana signs in again and finds her placement and hours.
        let again = new_client();
        app.login_as(&again, "ana@students.org", PASSWORD).await;
        let page = app
            .get_as(&again, &format!("/student/placements/{placement}"))
            .await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(
            page.contains("Approved: 3.5 hours") && page.contains("Robotics lab intern"),
            "{page}"
        );

        // The same export again: found by its new id, nothing asked.
        let again = import(&app, &admin, &orgs(false), &rekeyed, new_born, &[]).await;
        assert!(!again.refused, "{}", again.page);
        assert_eq!(by_name(&app, "Ana").await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_new_id_more_than_one_record_could_be_moves_nothing_even_when_confirmed() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // Two records of the same names and grade, no birth dates (two
        // children, or one listed twice: nobody can tell from here).
        let first = format!(
            "s7,true,ps-100,student,Sam,Lee,9,,\n\
             s8,true,ps-100,student,Sam,Lee,9,,\n{}",
            classmates(9)
        );
        let imported = import(&app, &admin, &orgs(false), &first, "", &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let sams = by_name(&app, "Sam").await;

        let rekeyed = format!("st-7,true,ps-100,student,Sam,Lee,9,,\n{}", classmates(9));
        let held = import(&app, &admin, &orgs(false), &rekeyed, "", &[]).await;
        assert!(held.refused, "{}", held.page);
        let expected = format!(
            "users.csv, line 2: Sam Lee is listed under a new SIS id “st-7”, and more than one \
             record could be them (#{} “s7”, #{} “s8”: records on file whose ids this export no \
             longer lists, or added by hand). We cannot tell which, so no record is moved, even \
             when you confirm",
            sams[0].id, sams[1].id
        );
        assert!(held.page.contains(&expected), "{}", held.page);
        assert_eq!(by_name(&app, "Sam").await, sams, "nothing written");

        let confirmed = import(
            &app,
            &admin,
            &orgs(false),
            &rekeyed,
            "",
            &[("confirm_review", "1")],
        )
        .await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        let now = by_name(&app, "Sam").await;
        assert_eq!(now.len(), 3, "a new student: {now:?}");
        for (old, now) in sams.iter().zip(&now) {
            assert_eq!(now.sourced_id, old.sourced_id, "not moved");
            assert!(!now.active, "departed as before");
        }
        assert_eq!(now[2].sourced_id.as_deref(), Some("st-7"));

        // Two rows that could be one record: neither takes it.
        let first = format!("s5,true,ps-100,student,Kim,Cho,10,,\n{}", classmates(9));
        let imported = import(&app, &admin, &orgs(false), &first, "", &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let kim = by_name(&app, "Kim").await.remove(0);
        let twice = format!(
            "k1,true,ps-100,student,Kim,Cho,10,,\n\
             k2,true,ps-100,student,Kim,Cho,10,,\n{}",
            classmates(9)
        );
        let held = import(&app, &admin, &orgs(false), &twice, "", &[]).await;
        assert!(held.refused, "{}", held.page);
        assert!(
            held.page
                .contains("while 2 rows of this roster could be the same record"),
            "{}",
            held.page
        );
        let confirmed = import(
            &app,
            &admin,
            &orgs(false),
            &twice,
            "",
            &[("confirm_review", "2")],
        )
        .await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        let kims = by_name(&app, "Kim").await;
        assert_eq!(kims.len(), 3);
        assert_eq!(kims[0].sourced_id, kim.sourced_id);
        assert!(!kims[0].active);
    })
    .await;
}

#[tokio::test]
async fn a_new_id_born_on_another_day_is_another_child_and_nothing_is_asked() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!("s1,true,ps-100,student,José,Núñez,9,,\n{}", classmates(9));
        let imported = import(
            &app,
            &admin,
            &orgs(false),
            &first,
            "s1,2010-03-04,male\n",
            &[],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        let jose = by_name(&app, "José").await.remove(0);

        // Same names and grade under a new id, born a day later: a
        // different child. The roster adds them and the old id departs.
        let other = format!("st-1,true,ps-100,student,Jose,Nunez,9,,\n{}", classmates(9));
        let imported = import(
            &app,
            &admin,
            &orgs(false),
            &other,
            "st-1,2010-03-05,male\n",
            &[],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        let all = students(&app).await;
        let old = all.iter().find(|s| s.id == jose.id).unwrap();
        assert_eq!(old.sourced_id.as_deref(), Some("s1"));
        assert!(!old.active);
        let new = all
            .iter()
            .find(|s| s.sourced_id.as_deref() == Some("st-1"))
            .unwrap();
        assert_ne!(new.id, jose.id);
        assert_eq!(
            app.count("audit_log WHERE action = 'rekey_student'").await,
            0
        );
    })
    .await;
}

/// A new school year: everyone moves up a grade, a middle schooler moves
/// to the high school, and the district re-keys two of them at once.
#[tokio::test]
async fn a_re_key_in_a_new_school_year_keeps_moves_and_grades_as_the_export_says() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!(
            "s1,true,ps-100,student,Ana,Rivera,9,,\n\
             s4,true,ps-200,student,Dev,Shah,8,,\n\
             s5,true,ps-200,student,Eve,Moss,7,,\n{}",
            classmates(10)
        );
        let born = "s4,2011-05-06,male\n";
        let imported = import(&app, &admin, &orgs(true), &first, born, &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let (ana, dev) = (
            by_name(&app, "Ana").await.remove(0),
            by_name(&app, "Dev").await.remove(0),
        );

        // Ana (no birth date) is in grade 10 now, as her classmates moved
        // up; Dev (born the same day) is at the high school.
        let next_year = format!(
            "st-1,true,ps-100,student,Ana,Rivera,10,,\n\
             st-4,true,ps-100,student,Dev,Shah,9,,\n\
             s5,true,ps-200,student,Eve,Moss,8,,\n{}",
            classmates(11)
        );
        let new_born = "st-4,2011-05-06,male\n";
        let held = import(&app, &admin, &orgs(true), &next_year, new_born, &[]).await;
        assert!(held.refused, "{}", held.page);
        let page = held.page.replace("&#x27;", "'");
        for expected in [
            format!(
                "users.csv, line 2: Ana Rivera is listed under a new SIS id “st-1”; the record on \
                 file (#{}, Pine Valley High, grade 9) has id “s1”, which this export no longer \
                 lists. They have the same names, and the record's grade is one lower, as \
                 everyone's is in a new school year, but a birth date is missing on one side",
                ana.id
            ),
            format!(
                "users.csv, line 3: Dev Shah is listed under a new SIS id “st-4”; the record on \
                 file (#{}, Pine Valley Middle, grade 8) has id “s4”",
                dev.id
            ),
            "(account, guardians and placements stay with it) and move it to Pine Valley High. \
             If they are different children"
                .to_owned(),
            "Yes, the 2 rows above are right".to_owned(),
        ] {
            assert!(page.contains(&expected), "{expected}: {page}");
        }

        let confirmed = import(
            &app,
            &admin,
            &orgs(true),
            &next_year,
            new_born,
            &[("confirm_review", "2")],
        )
        .await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        for expected in [
            "2 students listed under new SIS ids kept their records",
            "1 student moved to another school of orgs.csv.",
        ] {
            assert!(
                confirmed.page.contains(expected),
                "{expected}: {}",
                confirmed.page
            );
        }
        let high = ana.school_id;
        let ana_now = by_name(&app, "Ana").await;
        let dev_now = by_name(&app, "Dev").await;
        assert_eq!((ana_now.len(), dev_now.len()), (1, 1));
        let (ana_now, dev_now) = (&ana_now[0], &dev_now[0]);
        assert_eq!(
            (
                ana_now.id,
                ana_now.sourced_id.as_deref(),
                ana_now.grade,
                ana_now.school_id
            ),
            (ana.id, Some("st-1"), 10, high)
        );
        assert_eq!(
            (
                dev_now.id,
                dev_now.sourced_id.as_deref(),
                dev_now.grade,
                dev_now.school_id
            ),
            (dev.id, Some("st-4"), 9, high)
        );
        assert_eq!(
            app.count("student WHERE active = false").await,
            0,
            "nobody departed"
        );

        // The same export in the same year, had it not moved everyone up:
        // a grade higher without a birth date is not enough.
        let not_new_year = format!(
            "st-1,true,ps-100,student,Ana,Rivera,10,,\n\
             st-4,true,ps-100,student,Dev,Shah,9,,\n\
             s5,true,ps-200,student,Eve,Moss,8,,\n\
             s30,true,ps-100,student,Lia,Ortiz,9,,\n{}",
            classmates(11)
        );
        let imported = import(&app, &admin, &orgs(true), &not_new_year, new_born, &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let next = format!(
            "st-1,true,ps-100,student,Ana,Rivera,10,,\n\
             st-4,true,ps-100,student,Dev,Shah,9,,\n\
             s5,true,ps-200,student,Eve,Moss,8,,\n\
             st-30,true,ps-100,student,Lia,Ortiz,10,,\n{}",
            classmates(11)
        );
        let imported = import(&app, &admin, &orgs(true), &next, new_born, &[]).await;
        assert!(!imported.refused, "not held: {}", imported.page);
        assert_eq!(by_name(&app, "Lia").await.len(), 2, "a new student");
    })
    .await;
}

#[tokio::test]
async fn a_delta_export_holds_a_re_keyed_row_saying_the_old_id_would_stay_too() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!("s1,true,ps-100,student,Ana,Rivera,9,,\n{}", classmates(9));
        let imported = import(&app, &admin, &orgs(false), &first, "", &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let ana = by_name(&app, "Ana").await.remove(0);
        let users = "st-1,true,ps-100,student,Ana,Rivera,9,,\n";
        let upload = |fields| upload_delta(&app, &admin, users, fields);
        let held = upload(&[]).await;
        assert!(held.refused, "{}", held.page);
        assert!(
            held.page.contains(
                "the roster then adds a new student and “s1” stays as it is too (this export is \
                 a delta)."
            ),
            "{}",
            held.page
        );
        assert_eq!(
            by_name(&app, "Ana").await,
            vec![ana.clone()],
            "nothing written"
        );
        let confirmed = upload(&[("confirm_review", "1")]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        let now = by_name(&app, "Ana").await;
        assert_eq!(now.len(), 1);
        assert_eq!(
            (now[0].id, now[0].sourced_id.as_deref()),
            (ana.id, Some("st-1"))
        );
        // The classmates a delta leaves out stay as they were.
        assert_eq!(app.count("student WHERE active = true").await, 11);
    })
    .await;
}

#[tokio::test]
async fn the_command_line_holds_a_re_keyed_row_until_confirm_review() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    app.admin().await;
    let folder = tempfile::tempdir().unwrap();
    let run = |users: &str, confirm_review: Option<usize>| {
        std::fs::write(folder.path().join("orgs.csv"), orgs(false)).unwrap();
        std::fs::write(folder.path().join("users.csv"), format!("{HEADER}{users}")).unwrap();
        stembridge::cli::import_roster(
            &app.config,
            stembridge::config::ImportRosterArgs {
                path: folder.path().into(),
                confirm_inactive: None,
                source: None,
                confirm_review,
            },
        )
    };
    run(
        &format!("s1,true,ps-100,student,Ana,Rivera,9,,\n{}", classmates(9)),
        None,
    )
    .await
    .unwrap();
    let ana = by_name(&app, "Ana").await.remove(0);
    let rekeyed = format!("st-1,true,ps-100,student,Ana,Rivera,9,,\n{}", classmates(9));
    let refused = run(&rekeyed, None).await.unwrap_err();
    assert!(
        refused.to_string().contains("nothing was imported"),
        "{refused}"
    );
    assert_eq!(
        by_name(&app, "Ana").await,
        vec![ana.clone()],
        "nothing written"
    );
    run(&rekeyed, Some(1)).await.unwrap();
    let now = by_name(&app, "Ana").await;
    assert_eq!(now.len(), 1);
    assert_eq!(
        (now[0].id, now[0].sourced_id.as_deref()),
        (ana.id, Some("st-1"))
    );
    assert!(now[0].active);
}

/// A delta export of a re-key lists the old id leaving (`enabledUser`
/// false, as `tobedeleted` does) and the new one joining: the same child,
/// held, then moved to the new id without an inactive copy under the old.
#[tokio::test]
async fn a_delta_export_listing_the_old_id_as_leaving_re_keys_the_record_without_a_copy() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!("s1,true,ps-100,student,Ana,Rivera,9,,\n{}", classmates(9));
        let imported = import(&app, &admin, &orgs(false), &first, "", &[]).await;
        assert!(!imported.refused, "{}", imported.page);
        let ana = by_name(&app, "Ana").await.remove(0);
        let users = "s1,false,ps-100,student,Ana,Rivera,9,,\n\
                     st-1,true,ps-100,student,Ana,Rivera,9,,\n";
        let upload = |fields| upload_delta(&app, &admin, users, fields);
        let held = upload(&[]).await;
        assert!(held.refused, "{}", held.page);
        assert!(
            held.page.contains(
                "has id “s1”, which this export lists as leaving. They have the same names and \
                 grade"
            ) && held
                .page
                .contains("the roster then adds a new student and “s1” departs."),
            "{}",
            held.page
        );
        let spanish = in_spanish(&app, &admin, &newest_upload(&app).await).await;
        assert!(
            spanish.contains("tiene el id «s1», que esta exportación da de baja.")
                && spanish.contains("y «s1» queda inactivo."),
            "{spanish}"
        );
        assert_eq!(
            by_name(&app, "Ana").await,
            vec![ana.clone()],
            "nothing written"
        );
        let confirmed = upload(&[("confirm_review", "1")]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        let now = by_name(&app, "Ana").await;
        assert_eq!(now.len(), 1, "no copy under the old id: {now:?}");
        assert_eq!(
            (now[0].id, now[0].sourced_id.as_deref(), now[0].active),
            (ana.id, Some("st-1"), true)
        );
        assert_eq!(app.count("student").await, 11);
        assert_eq!(app.count("student WHERE active = true").await, 11);
    })
    .await;
}

/// The district re-keys the guardians with the students: the mother's
/// contact takes her new id and keeps her address and the consent link she
/// holds; nobody is told of a contact ended or added, nor asked again.
#[tokio::test]
async fn a_guardian_re_keyed_with_her_child_keeps_her_contact_and_consent_link_unmailed() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!(
            "s1,true,ps-100,student,Ana,Rivera,9,,g1\n\
             g1,true,,parent,Rosa,Rivera,,rosa@example.org,s1\n{}",
            classmates(9)
        );
        let imported = import(
            &app,
            &admin,
            &orgs(false),
            &first,
            "s1,2011-05-02,female\n",
            &[],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        let ana_record = by_name(&app, "Ana").await.remove(0);
        let counselor = app.counselor("carla@pv.edu", &[ana_record.school_id]).await;
        let ana = claimed(&app, &counselor, ana_record.id, "ana@students.org").await;
        accepted_offer(&app, &admin, &ana).await;
        let consent_link = app.consent_link_mailed_to("rosa@example.org").await;
        let rosa = || async {
            entity::guardian::Entity::find()
                .filter(entity::guardian::Column::Email.eq("rosa@example.org"))
                .all(&app.db)
                .await
                .unwrap()
        };
        let before = rosa().await;
        assert_eq!(before.len(), 1);
        let mail = "mail_outbox WHERE recipient = 'rosa@example.org'";
        let mailed = app.count(mail).await;

        let rekeyed = format!(
            "st-1,true,ps-100,student,Ana,Rivera,9,,pg-1\n\
             pg-1,true,,parent,Rosa,Rivera,,rosa@example.org,st-1\n{}",
            classmates(9)
        );
        let confirmed = import(
            &app,
            &admin,
            &orgs(false),
            &rekeyed,
            "st-1,2011-05-02,female\n",
            &[("confirm_review", "1")],
        )
        .await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        let page = confirmed.page.replace("&#x27;", "'");
        assert!(
            page.contains(
                "users.csv, line 3: the guardian contact Rosa Rivera (“g1”) took this row's new \
                 sourcedId"
            ),
            "{page}"
        );
        let spanish = in_spanish(&app, &admin, &newest_upload(&app).await).await;
        assert!(
            spanish.contains("el contacto de tutor Rosa Rivera (“g1”) tomó el nuevo sourcedId"),
            "{spanish}"
        );
        let after = rosa().await;
        assert_eq!(after.len(), 1, "no second contact: {after:?}");
        assert_eq!(
            (after[0].id, after[0].sourced_id.as_deref(), after[0].active),
            (before[0].id, Some("pg-1"), true)
        );
        assert_eq!(app.count("guardian").await, 1);
        assert_eq!(
            app.count(&format!(
                "student_guardian WHERE student_id = {} AND guardian_id = {}",
                ana_record.id, before[0].id
            ))
            .await,
            1
        );
        assert_eq!(
            app.count(mail).await,
            mailed,
            "nothing mailed to the family"
        );
        assert_eq!(
            app.count("audit_log WHERE action = 'correct_guardian'")
                .await,
            1,
            "the new id on the record"
        );
        let page = app
            .get_as(&new_client(), &consent_link)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Guardian consent for Ana"),
            "the link still works: {page}"
        );
    })
    .await;
}
