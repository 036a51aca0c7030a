//! Roster uploads from the web: the import runs in the background, a status
//! page that refreshes itself (no JavaScript) shows how far it got and then
//! the result, and only the uploader can open it.

use reqwest::{Client, StatusCode, multipart};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use stembridge::admin::service::{NewSchool, create_school};

use crate::helpers::{PASSWORD, TestApp, location, new_client, on_each_backend};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-roster");

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{SAMPLE}/{name}")).unwrap()
}

/// Uploads through the roster page's form, as a browser does.
async fn upload(
    app: &TestApp,
    client: &Client,
    users: &str,
    demographics: &str,
) -> reqwest::Response {
    let token = app.csrf_token(client, "/counselor/roster").await;
    let part = |body: &str, name: &str| {
        multipart::Part::bytes(body.as_bytes().to_vec()).file_name(name.to_owned())
    };
    let form = multipart::Form::new()
        .part("orgs", part(&sample("orgs.csv"), "orgs.csv"))
        .part("users", part(users, "users.csv"))
        .part("demographics", part(demographics, "demographics.csv"));
    client
        .post(app.url(&format!("/counselor/roster/uploads?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Opens the status page until it stops refreshing itself; returns the last one.
async fn follow(app: &TestApp, client: &Client, path: &str) -> String {
    for _ in 0..200 {
        let response = app.get_as(client, path).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        if !page.contains("http-equiv=\"refresh\"") {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn a_roster_upload_runs_in_the_background_and_only_its_uploader_follows_it() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let other_school = create_school(
            &app.db,
            crate::helpers::SET_UP,
            &NewSchool {
                name: "Roosevelt High".into(),
                zip: "60601".into(),
            },
        )
        .await
        .unwrap()
        .id;
        let other_counselor = app.counselor("other@school.edu", &[other_school]).await;

        // A roster with errors: refused in the background, nothing written.
        let broken = sample("users.csv").replacen("school-lincoln", "school-nowhere", 1);
        let response = upload(&app, &admin, &broken, &sample("demographics.csv")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let refused = location(&response);
        assert!(
            refused.starts_with("/counselor/roster/uploads/"),
            "{refused}"
        );
        let page = follow(&app, &admin, &refused).await;
        assert!(page.contains("Nothing was imported"), "{page}");
        assert!(page.contains("users.csv"), "{page}");
        assert_eq!(app.count("student").await, 0);

        // The sample: imported, and the page says what was done.
        let response = upload(
            &app,
            &admin,
            &sample("users.csv"),
            &sample("demographics.csv"),
        )
        .await;
        let imported = location(&response);
        let page = follow(&app, &admin, &imported).await;
        assert!(page.contains("Imported:"), "{page}");
        assert!(app.count("student").await > 0);

        // Only the uploader may look: everyone else finds nothing there.
        let other_admin = {
            stembridge::accounts::service::create_admin(
                &app.db,
                &stembridge::accounts::service::NewAdmin {
                    display_name: "Bo Admin".into(),
                    email: "bo@example.org".into(),
                    password: PASSWORD.into(),
                },
            )
            .await
            .unwrap();
            let client = new_client();
            app.login_as(&client, "bo@example.org", PASSWORD).await;
            client
        };
        for client in [&other_counselor, &other_admin] {
            let response = app.get_as(client, &imported).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
            assert!(!response.text().await.unwrap().contains("Imported:"));
        }
        assert_eq!(
            location(&app.get_as(&new_client(), &imported).await),
            "/login"
        );

        // A missing file is refused at once: no upload is recorded.
        let uploads = app.count("roster_upload").await;
        let response = upload(&app, &admin, "", &sample("demographics.csv")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("users.csv is missing or empty")
        );
        assert_eq!(app.count("roster_upload").await, uploads);
    })
    .await;
}

#[tokio::test]
async fn the_status_page_refreshes_itself_with_the_progress_until_the_result_is_in() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let admin_id = admin.id;
        let row = |done: i32, total: i32, minutes_ago: i64| {
            let at = chrono::Utc::now() - chrono::Duration::minutes(minutes_ago);
            entity::roster_upload::ActiveModel {
                user_id: Set(admin_id),
                status: Set(entity::RosterUploadStatus::Running),
                done: Set(done),
                total: Set(total),
                outcome: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
                finished_at: Set(None),
                ..Default::default()
            }
        };
        let checking = row(0, 0, 0).insert(&app.db).await.unwrap().id;
        let halfway = row(40, 80, 0).insert(&app.db).await.unwrap().id;
        let dead = row(40, 80, 30).insert(&app.db).await.unwrap().id;

        let page = |id: i32| {
            let admin = admin.clone();
            let app = &app;
            async move {
                app.get_as(&admin, &format!("/counselor/roster/uploads/{id}"))
                    .await
                    .text()
                    .await
                    .unwrap()
            }
        };
        let first = page(checking).await;
        assert!(first.contains("<meta http-equiv=\"refresh\" content=\"5\">"));
        // A screen reader's user can stop the reloads (each one moves them
        // back to the top of the page) and check when they choose.
        assert!(first.contains("href=\"?refresh=off\""));
        let still = app
            .get_as(
                &admin,
                &format!("/counselor/roster/uploads/{checking}?refresh=off"),
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(!still.contains("http-equiv=\"refresh\""));
        assert!(still.contains("Check the progress now"));
        assert!(first.contains("Checking the files…"), "{first}");
        let second = page(halfway).await;
        assert!(second.contains("<meta http-equiv=\"refresh\""));
        assert!(
            second.contains("<progress max=\"80\" value=\"40\">"),
            "{second}"
        );
        assert!(second.contains("40 of 80 students imported"));
        // Its server stopped mid-way: no more refreshing, and it says so.
        let third = page(dead).await;
        assert!(!third.contains("http-equiv=\"refresh\""));
        assert!(third.contains("nothing was changed"), "{third}");
    })
    .await;
}

#[tokio::test]
async fn a_windows_1252_roster_is_read_with_its_accents_and_the_report_says_so() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // As a student information system on Windows exports it: "José
        // Peña" as the bytes 0xE9 and 0xF1, CRLF line ends.
        let users: &[u8] =
            b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\r\n\
            stu-jose,true,sch-1,student,Jos\xe9,Pe\xf1a,10\r\n";
        let upload = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", b"sourcedId,name,type\nsch-1,Lincoln High,school\n"),
                    ("users", users),
                ],
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        assert!(
            upload.page.contains("users.csv: Windows-1252"),
            "{}",
            upload.page
        );
        assert!(upload.page.contains("orgs.csv: UTF-8."), "{}", upload.page);
        let student = {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            entity::student::Entity::find()
                .filter(entity::student::Column::SourcedId.eq("stu-jose"))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
        };
        assert_eq!(
            (student.first_name.as_str(), student.last_name.as_str()),
            ("José", "Peña")
        );

        // A file that is neither (UTF-16, as some tools save) is still refused.
        let utf16: Vec<u8> = "sourcedId,enabledUser\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let refused = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", b"sourcedId,name,type\nsch-1,Lincoln High,school\n"),
                    ("users", &[b"\xff\xfe".as_slice(), &utf16].concat()),
                ],
            )
            .await;
        assert!(refused.refused);
        assert!(
            refused
                .page
                .contains("This file is neither UTF-8 nor Windows-1252 text."),
            "{}",
            refused.page
        );
    })
    .await;
}

const ORGS: &[u8] = b"sourcedId,name,type\nsch-1,Lincoln High,school\n";
const USERS: &[u8] = b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n\
    stu-1,true,sch-1,student,Ana,Rivera,11\n\
    stu-2,true,sch-1,student,Ben,Okafor,10\n";

/// The demographics of `stu-1` and `stu-2` as stored: race and ethnicity,
/// then low income, English learner, disability and first generation.
type Stored = (Option<String>, [Option<bool>; 4]);

async fn stored_demographics(app: &TestApp) -> Vec<Stored> {
    use sea_orm::{EntityTrait, QueryOrder};
    entity::student::Entity::find()
        .order_by_asc(entity::student::Column::SourcedId)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| {
            (
                s.race_ethnicity,
                [
                    s.low_income,
                    s.english_learner,
                    s.disability,
                    s.first_generation,
                ],
            )
        })
        .collect()
}

#[tokio::test]
async fn a_demographics_file_without_some_columns_keeps_what_is_stored_for_them_and_says_which() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = |demographics: &'static str| {
            let (app, admin) = (&app, &admin);
            async move {
                app.upload_roster_files(
                    admin,
                    &[
                        ("orgs", ORGS),
                        ("users", USERS),
                        ("demographics", demographics.as_bytes()),
                    ],
                )
                .await
            }
        };
        // An enriched file with every column.
        let full = upload(
            "sourcedId,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,\
             nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,\
             hispanicOrLatinoEthnicity,metadata.lowIncome,metadata.englishLearner,\
             metadata.disability,metadata.firstGeneration\n\
             stu-1,2009-05-01,female,false,false,false,false,false,false,true,true,true,false,true\n\
             stu-2,2010-02-03,male,false,true,false,false,false,false,false,false,true,true,false\n",
        )
        .await;
        assert!(!full.refused, "{}", full.page);
        assert!(!full.page.contains("the file has no column"), "{}", full.page);
        let enriched = vec![
            (
                Some("Hispanic or Latino".to_owned()),
                [Some(true), Some(true), Some(false), Some(true)],
            ),
            (
                Some("Asian".to_owned()),
                [Some(false), Some(true), Some(true), Some(false)],
            ),
        ];
        assert_eq!(stored_demographics(&app).await, enriched);

        // Then the district's plain OneRoster export: no metadata.* columns.
        let plain = upload(
            "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,\
             blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,\
             demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity\n\
             stu-1,active,2026-08-01,2009-05-01,female,false,false,false,false,false,false,true\n\
             stu-2,active,2026-08-01,2010-02-03,male,false,true,false,false,false,false,false\n",
        )
        .await;
        assert!(!plain.refused, "{}", plain.page);
        assert_eq!(stored_demographics(&app).await, enriched, "nothing cleared");
        assert!(
            plain.page.contains(
                "demographics.csv, line 1: the file has no column metadata.lowIncome, \
                 metadata.englishLearner, metadata.disability, metadata.firstGeneration, \
                 so what is on file for each student stays as it was."
            ),
            "{}",
            plain.page
        );

        // Only the required columns: race and ethnicity stay too.
        let minimal = upload("sourcedId,birthDate,sex\nstu-1,2009-05-01,F\nstu-2,2010-02-03,M\n").await;
        assert!(!minimal.refused, "{}", minimal.page);
        assert_eq!(stored_demographics(&app).await, enriched, "nothing cleared");
        assert!(
            minimal.page.contains(
                "demographics.csv, line 1: the file has no column americanIndianOrAlaskaNative"
            ),
            "{}",
            minimal.page
        );

        // An empty cell in a column the file has still clears that value.
        let emptied = upload(
            "sourcedId,birthDate,sex,metadata.lowIncome\nstu-1,2009-05-01,F,\nstu-2,2010-02-03,M,true\n",
        )
        .await;
        assert!(!emptied.refused, "{}", emptied.page);
        let now = stored_demographics(&app).await;
        assert_eq!(now[0].1, [None, Some(true), Some(false), Some(true)]);
        assert_eq!(now[1].1, [Some(true), Some(true), Some(true), Some(false)]);
        assert_eq!(now[0].0.as_deref(), Some("Hispanic or Latino"));
    })
    .await;
}

#[tokio::test]
async fn a_semicolon_or_tab_separated_roster_is_imported_and_one_lacking_a_column_names_its_separator()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // Excel with a Spanish regional setting saves "CSV" with semicolons
        // (and leaves the commas of a grade list unquoted); a tab-separated
        // demographics file from another tool.
        let users: &[u8] = b"sourcedId;enabledUser;orgSourcedIds;role;givenName;familyName;grades\r\n\
            stu-1;true;sch-1;student;Ana;Rivera;10,11\r\n\
            stu-2;true;sch-1;student;Ben;\"Okafor; Jr.\";09\r\n";
        let demographics: &[u8] = b"sourcedId\tbirthDate\tsex\nstu-1\t2009-05-01\tF\n";

        // First one lacking a column: refused, saying how it was read.
        let refused = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", ORGS),
                    ("users", b"sourcedId;enabledUser;orgSourcedIds;role;givenName;familyName\nstu-1;true;sch-1;student;Ana;Rivera\n"),
                ],
            )
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "users.csv, line 1: Missing column(s): grades. This file&#x27;s values are \
                 separated by semicolons"
            ),
            "{}",
            refused.page
        );
        assert_eq!(app.count("student").await, 0, "nothing written");
        assert_eq!(app.count("school").await, 0, "nothing written");

        let upload = app
            .upload_roster_files(
                &admin,
                &[("orgs", ORGS), ("users", users), ("demographics", demographics)],
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        assert!(
            upload.page.contains("Imported: 2 new students"),
            "{}",
            upload.page
        );
        use sea_orm::{EntityTrait, QueryOrder};
        let students: Vec<(String, i32, Option<String>)> = entity::student::Entity::find()
            .order_by_asc(entity::student::Column::SourcedId)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.last_name, s.grade, s.gender))
            .collect();
        assert_eq!(
            students,
            [
                ("Rivera".to_owned(), 11, Some("Female".to_owned())),
                ("Okafor; Jr.".to_owned(), 9, None),
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn an_org_type_in_any_case_is_read_and_a_sex_value_refused_says_what_is_accepted() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let orgs: &[u8] =
            b"sourcedId,name,type\nsch-1,Lincoln High,School\ndist-1,District,DISTRICT\n";
        // An unknown sex value: refused, naming what is accepted and the
        // value as written; nothing is written.
        let refused = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", orgs),
                    ("users", USERS),
                    (
                        "demographics",
                        b"sourcedId,birthDate,sex\nstu-1,2009-05-01,Q\n",
                    ),
                ],
            )
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "demographics.csv, line 2: sex must be male (or M), female (or F), other (or X, \
                 nonbinary), or unspecified (or U, unknown, or empty) when not known, not “Q”."
            ),
            "{}",
            refused.page
        );
        assert!(
            !refused.page.contains("names no school"),
            "{}",
            refused.page
        );
        assert_eq!(app.count("student").await, 0, "nothing written");
        assert_eq!(app.count("school").await, 0, "nothing written");

        // `School` is a school, and `U` (unknown) says nothing of sex.
        let upload = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", orgs),
                    ("users", USERS),
                    (
                        "demographics",
                        b"sourcedId,birthDate,sex\nstu-1,2009-05-01,U\nstu-2,2010-02-03,x\n",
                    ),
                ],
            )
            .await;
        assert!(!upload.refused, "{}", upload.page);
        assert!(
            upload.page.contains("Imported: 2 new students"),
            "{}",
            upload.page
        );
        assert_eq!(app.count("school").await, 1, "the district is no school");
        use sea_orm::{EntityTrait, QueryOrder};
        let genders: Vec<Option<String>> = entity::student::Entity::find()
            .order_by_asc(entity::student::Column::SourcedId)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.gender)
            .collect();
        assert_eq!(genders, [None, Some("Another gender".to_owned())]);
    })
    .await;
}

/// A roster whose every stored field is `extra` characters past what its
/// record holds (0: exactly at the limit): a school's sourcedId (255), name
/// (200) and ZIP (ZIP+4, kept as its five digits; past it, a digit too
/// many); a student's sourcedId (255) and names (100, accented:
/// characters, not bytes); a guardian's sourcedId, names, email (254) and
/// phone (40).
fn roster_at_the_limits(extra: usize) -> [(&'static str, Vec<u8>); 2] {
    let long = |c: &str, n: usize| c.repeat(n + extra);
    let orgs = format!(
        "sourcedId,name,type,metadata.zip\n\
         {},{},school,60601-1234{}\n\
         sch-2,Second,school,60609\n",
        long("s", 255),
        long("N", 200),
        "5".repeat(extra),
    );
    let email = format!("{}@{}.org", "a".repeat(64), long("b", 185));
    let users = format!(
        "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,phone,agentSourcedIds\n\
         {student},true,sch-2,student,{given},{family},11,,,{guardian}\n\
         {guardian},true,,parent,{given},{family},,{email},{phone},{student}\n",
        student = long("t", 255),
        guardian = long("g", 255),
        given = long("é", 100),
        family = long("Ñ", 100),
        phone = long("5", 40),
    );
    [("orgs", orgs.into_bytes()), ("users", users.into_bytes())]
}

#[tokio::test]
async fn every_roster_value_past_what_its_record_holds_is_a_line_error_and_one_at_the_limit_is_stored()
 {
    // On PostgreSQL an over-long value would otherwise fail the whole
    // import at the database (varchar), without a file or line.
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let files = roster_at_the_limits(1);
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let refused = app.upload_roster_files(&admin, &files).await;
        assert!(refused.refused, "{}", refused.page);
        for expected in [
            "orgs.csv, line 2: sourcedId must be at most 255 characters.",
            "users.csv, line 2: sourcedId must be at most 255 characters.",
            "users.csv, line 3: sourcedId must be at most 255 characters.",
        ] {
            assert!(
                refused.page.contains(expected),
                "{expected}: {}",
                refused.page
            );
        }
        for table in ["school", "student", "guardian", "student_guardian"] {
            assert_eq!(app.count(table).await, 0, "nothing written to {table}");
        }

        // The other values, each one past its limit, with ids that fit.
        let files = roster_at_the_limits(1).map(|(name, body)| {
            let text = String::from_utf8(body).unwrap();
            let text = text
                .replace(&"s".repeat(256), "sch-1")
                .replace(&"t".repeat(256), "stu-1")
                .replace(&"g".repeat(256), "par-1");
            (name, text.into_bytes())
        });
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let refused = app.upload_roster_files(&admin, &files).await;
        assert!(refused.refused, "{}", refused.page);
        for expected in [
            "orgs.csv, line 2: name must be 1 to 200 characters.",
            "orgs.csv, line 2: metadata.zip must be a US ZIP code, like 60609 or 60609-1234, \
             not “60601-12345”.",
            "users.csv, line 2: givenName and familyName must be 1 to 100 characters.",
            "users.csv, line 3: givenName and familyName must be 1 to 100 characters.",
        ] {
            assert!(
                refused.page.contains(expected),
                "{expected}: {}",
                refused.page
            );
        }
        for table in ["school", "student", "guardian", "student_guardian"] {
            assert_eq!(app.count(table).await, 0, "nothing written to {table}");
        }

        // Exactly at every limit: stored as given, on either database.
        let files = roster_at_the_limits(0);
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let imported = app.upload_roster_files(&admin, &files).await;
        assert!(!imported.refused, "{}", imported.page);
        assert_eq!(app.count("student_guardian").await, 1);
        use sea_orm::EntityTrait;
        let school = entity::school::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.zip == "60601")
            .expect("the school with a ZIP+4, kept as its ZIP");
        assert_eq!(school.name.chars().count(), 200);
        let guardian = entity::guardian::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(guardian.family_name, "Ñ".repeat(100));
        assert_eq!(guardian.email.map(|e| e.len()), Some(254));
    })
    .await;
}

#[tokio::test]
async fn a_refused_rosters_problems_are_written_in_each_readers_language_and_old_results_still_read()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let users: &[u8] = b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n\
            stu-1,true,sch-1,student,Ana,Rivera,ten\n";
        let refused = app
            .upload_roster_files(&admin, &[("orgs", ORGS), ("users", users)])
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "users.csv, line 2: grades must be grades from 06 to 13 (like 09, 9th or \
                 Grade 9), several separated by commas, not “ten”."
            ),
            "{}",
            refused.page
        );
        // A colleague reading Spanish opens the same result.
        let id = app
            .number("SELECT CAST(MAX(id) AS BIGINT) AS n FROM roster_upload")
            .await;
        let in_spanish = |path: String| {
            let admin = &admin;
            let app = &app;
            async move {
                admin
                    .get(app.url(&path))
                    .header("Accept-Language", "es")
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }
        };
        let page = in_spanish(format!("/counselor/roster/uploads/{id}")).await;
        assert!(
            page.contains(
                "users.csv, línea 2: grades debe contener grados del 06 al 13 (como 09, 9th o \
                 Grade 9), varios separados por comas, no «ten»."
            ),
            "{page}"
        );
        assert!(!page.contains("must be"), "{page}");

        // A result stored as text by an earlier version reads as it was written.
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let now = chrono::Utc::now();
        let old = entity::roster_upload::ActiveModel {
            user_id: Set(admin.id),
            status: Set(entity::RosterUploadStatus::Refused),
            done: Set(0),
            total: Set(0),
            outcome: Set(Some(
                r#"{"errors":[{"file":"users.csv","line":4,"message":"An old sentence."}],"total":1,"more":0}"#
                    .into(),
            )),
            created_at: Set(now),
            updated_at: Set(now),
            finished_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        let page = in_spanish(format!("/counselor/roster/uploads/{}", old.id)).await;
        assert!(page.contains("users.csv, línea 4: An old sentence."), "{page}");
    })
    .await;
}

#[tokio::test]
async fn a_line_after_a_quoted_line_break_is_numbered_as_a_spreadsheet_shows_its_row() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // Row 2's note holds a line break (a spreadsheet shows it in one
        // cell); row 3 has a bad grade.
        let users: &[u8] =
            b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,note\r\n\
            stu-1,true,sch-1,student,Ana,Rivera,10,\"line one\r\nline two, with comma\"\r\n\
            stu-2,true,sch-1,student,Ben,Okafor,ten,\r\n";
        let refused = app
            .upload_roster_files(&admin, &[("orgs", ORGS), ("users", users)])
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains("users.csv, line 3: grades must be"),
            "{}",
            refused.page
        );
        assert_eq!(app.count("student").await, 0, "nothing written");
    })
    .await;
}

#[tokio::test]
async fn a_zip_archive_or_workbook_old_or_new_uploaded_as_a_csv_file_is_named_for_what_it_is() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // As Clever or ClassLink deliver OneRoster: one zip of CSV files.
        let zip: &[u8] = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00\x9c\x8a\x00\x00\
            \x10\x00\x00\x00\x20\x00\x00\x00\x08\x00\x00\x00orgs.csv\x8b\x8e\x00PK\x03\x04";
        let workbook: &[u8] = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\
            \x8d\x00PK\x03\x04\x14\x00\x06\x00xl/workbook.xml\x9a\x00";
        // An Excel 97-2003 .xls: an OLE2 compound file, still a common export.
        let xls: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00\x00\x00\x00\x00\
            \x00\x00\x00\x00\x00\x00\x00\x00\x3E\x00\x03\x00\xFE\xFF\x09\x00";
        for (bytes, expected) in [
            (
                zip,
                "users.csv, line 1: This file is a zip archive, not a CSV file",
            ),
            (
                workbook,
                "users.csv, line 1: This file is an Excel workbook, not a CSV file.",
            ),
            (
                xls,
                "users.csv, line 1: This file is an Excel workbook, not a CSV file.",
            ),
        ] {
            let refused = app
                .upload_roster_files(&admin, &[("orgs", ORGS), ("users", bytes)])
                .await;
            assert!(refused.refused, "{}", refused.page);
            assert!(refused.page.contains(expected), "{}", refused.page);
            assert!(!refused.page.contains("neither UTF-8"), "{}", refused.page);
        }
        assert_eq!(app.count("school").await, 0, "nothing written");
    })
    .await;
}

#[tokio::test]
async fn school_zip_codes_are_kept_as_five_digits_with_lost_leading_zeros_put_back_and_said() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let users: &[u8] =
            b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n\
            stu-1,true,sch-1,student,Ana,Rivera,11\n";
        // Not a ZIP code at all: the line is named, nothing is written.
        let orgs: &[u8] = b"sourcedId,name,type,metadata.zip\n\
            sch-1,Lincoln High,school,60609\n\
            sch-2,Boston Latin,school,MA 02134\n";
        let refused = app
            .upload_roster_files(&admin, &[("orgs", orgs), ("users", users)])
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "orgs.csv, line 3: metadata.zip must be a US ZIP code, like 60609 or 60609-1234, \
                 not “MA 02134”."
            ),
            "{}",
            refused.page
        );
        assert_eq!(app.count("school").await, 0);

        // ZIP+4, and a Massachusetts ZIP a spreadsheet stored as 2134.
        let orgs: &[u8] = b"sourcedId,name,type,metadata.zip\n\
            sch-1,Lincoln High,school,60609-1234\n\
            sch-2,Boston Latin,school,2134\n";
        let imported = app
            .upload_roster_files(&admin, &[("orgs", orgs), ("users", users)])
            .await;
        assert!(!imported.refused, "{}", imported.page);
        assert!(
            imported.page.replace("&#x27;", "'").contains(
                "orgs.csv, line 3: the school's ZIP code has fewer than 5 digits, so it was \
                 read as 02134"
            ),
            "{}",
            imported.page
        );
        use sea_orm::{EntityTrait, QueryOrder};
        let zips: Vec<String> = entity::school::Entity::find()
            .order_by_asc(entity::school::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.zip)
            .collect();
        assert_eq!(zips, ["60609", "02134"]);
    })
    .await;
}
