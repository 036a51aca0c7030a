//! A roster only updates records that are provably the same people and
//! schools (eyes17b F1, F13): sourcedIds are kept per roster source (the
//! district org of orgs.csv, or one an admin names), another district's
//! colliding ids make their own records, an id we cannot place is refused
//! naming its row, a student whose names both change or whose grade goes
//! down waits for the importer's yes, and a student a counselor added by
//! hand takes the roster's id instead of being counted twice.

use entity::{guardian, school, student};
use sea_orm::{EntityTrait, QueryOrder};

use crate::helpers::{TestApp, TestUser, on_each_backend};

pub(crate) const HEADER: &str =
    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds\n";
const DEMOGRAPHICS_HEADER: &str = "sourcedId,birthDate,sex\n";

/// orgs.csv: a district org (when given) and its schools (id, name).
fn orgs(district: Option<&str>, schools: &[(&str, &str)]) -> Vec<u8> {
    let mut orgs = String::from("sourcedId,name,type\n");
    if let Some(district) = district {
        orgs.push_str(&format!("{district},District {district},district\n"));
    }
    for (id, name) in schools {
        orgs.push_str(&format!("{id},{name},school\n"));
    }
    orgs.into_bytes()
}

/// Uploads the three files through the roster page (headers added), with
/// the form's other `fields`.
pub(crate) async fn import(
    app: &TestApp,
    client: &TestUser,
    orgs: &[u8],
    users: &str,
    demographics: &str,
    fields: &[(&str, &str)],
) -> crate::helpers::RosterUpload {
    let users = format!("{HEADER}{users}");
    let demographics = format!("{DEMOGRAPHICS_HEADER}{demographics}");
    app.upload_roster_form(
        client,
        &[
            ("orgs", orgs),
            ("users", users.as_bytes()),
            ("demographics", demographics.as_bytes()),
        ],
        fields,
    )
    .await
}

pub(crate) async fn students(app: &TestApp) -> Vec<student::Model> {
    student::Entity::find()
        .order_by_asc(student::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// Pine Valley's roster: José (s1, grade 9, born 2010-03-04) and his
/// mother (g1), at school ps-100.
const PINE_VALLEY_USERS: &str = "s1,true,ps-100,student,José,Núñez-García,9,,g1\n\
     g1,true,,parent,María,García,,maria@example.org,s1\n";
const PINE_VALLEY_DEMOGRAPHICS: &str = "s1,2010-03-04,male\n";

#[tokio::test]
async fn another_districts_roster_with_the_same_short_ids_makes_its_own_records_and_takes_over_nothing()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = import(
            &app,
            &admin,
            &orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]),
            PINE_VALLEY_USERS,
            PINE_VALLEY_DEMOGRAPHICS,
            &[],
        )
        .await;
        assert!(!first.refused, "{}", first.page);
        assert!(
            first
                .page
                .contains("matched to records of the roster source “pine-valley”"),
            "{}",
            first.page
        );

        // Another district: its own s1 (Kevin) and g1, and a school whose
        // short id is Pine Valley's too.
        let second = import(
            &app,
            &admin,
            &orgs(
                Some("cedar-ridge"),
                &[
                    ("pc-1", "Cedar Ridge High"),
                    ("ps-100", "Harbor View Middle"),
                ],
            ),
            "s1,true,pc-1,student,Kevin,Smith,10,,g1\n\
             s2,true,ps-100,student,Noah,Brown,8,,\n\
             g1,true,,parent,Karen,Smith,,karen@example.org,s1\n",
            "s1,2009-07-08,male\n",
            &[],
        )
        .await;
        assert!(!second.refused, "{}", second.page);
        assert!(
            second
                .page
                .contains("another district&#x27;s roster holds a school under the same sourcedId")
                || second
                    .page
                    .contains("another district's roster holds a school under the same sourcedId"),
            "the colliding school id is named: {}",
            second.page
        );

        // José is as he was: name, school, birth date, guardian.
        let all = students(&app).await;
        assert_eq!(all.len(), 3, "José, Kevin and Noah: {all:?}");
        let jose = &all[0];
        assert_eq!(
            (
                jose.first_name.as_str(),
                jose.last_name.as_str(),
                jose.grade
            ),
            ("José", "Núñez-García", 9)
        );
        assert_eq!(jose.date_of_birth.unwrap().to_string(), "2010-03-04");
        assert_eq!(jose.roster_source, "pine-valley");
        let kevin = all.iter().find(|s| s.first_name == "Kevin").unwrap();
        assert_eq!(kevin.roster_source, "cedar-ridge");
        assert_ne!(kevin.school_id, jose.school_id);
        // Pine Valley High keeps its name; Harbor View is a school of its own.
        let schools = school::Entity::find()
            .order_by_asc(school::Column::Id)
            .all(&app.db)
            .await
            .unwrap();
        let names: Vec<(&str, &str, &str)> = schools
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.sourced_id.as_deref().unwrap_or_default(),
                    s.roster_source.as_str(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("Pine Valley High", "ps-100", "pine-valley"),
                ("Cedar Ridge High", "pc-1", "cedar-ridge"),
                ("Harbor View Middle", "ps-100", "cedar-ridge"),
            ]
        );
        // Two mothers, each with her own address and child.
        let guardians = guardian::Entity::find()
            .order_by_asc(guardian::Column::Id)
            .all(&app.db)
            .await
            .unwrap();
        let emails: Vec<Option<&str>> = guardians.iter().map(|g| g.email.as_deref()).collect();
        assert_eq!(
            emails,
            [Some("maria@example.org"), Some("karen@example.org")]
        );

        // Pine Valley's nightly sync still finds its own records.
        let again = import(
            &app,
            &admin,
            &orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]),
            PINE_VALLEY_USERS,
            PINE_VALLEY_DEMOGRAPHICS,
            &[],
        )
        .await;
        assert!(!again.refused, "{}", again.page);
        assert_eq!(students(&app).await.len(), 3, "nothing counted twice");
    })
    .await;
}

#[tokio::test]
async fn a_roster_naming_no_source_is_refused_for_an_id_another_source_holds_until_the_source_is_named()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = import(
            &app,
            &admin,
            &orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]),
            PINE_VALLEY_USERS,
            PINE_VALLEY_DEMOGRAPHICS,
            &[],
        )
        .await;
        assert!(!first.refused, "{}", first.page);
        let before = students(&app).await;

        // The same export without its district org: whose ids are these?
        let refused = import(
            &app,
            &admin,
            &orgs(None, &[("ps-100", "Pine Valley High")]),
            "s1,true,ps-100,student,Kevin,Smith,10,,\n",
            "",
            &[],
        )
        .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains("orgs.csv, line 2")
                && refused.page.contains(
                    "from the roster of source “pine-valley”, and this roster names no source"
                ),
            "the row and what to do are named: {}",
            refused.page
        );
        assert_eq!(students(&app).await, before, "nothing written");
        assert_eq!(app.count("school").await, 1);

        // Named: it is that district's roster, and updates its records.
        let named = import(
            &app,
            &admin,
            &orgs(None, &[("ps-100", "Pine Valley High")]),
            "s1,true,ps-100,student,José,Núñez,10,,\n",
            "",
            &[("source", "pine-valley")],
        )
        .await;
        assert!(!named.refused, "{}", named.page);
        let after = students(&app).await;
        assert_eq!(after.len(), 1);
        assert_eq!((after[0].last_name.as_str(), after[0].grade), ("Núñez", 10));

        // A counselor does not name sources: their schools say it.
        let school = before[0].school_id;
        let counselor = app.counselor("carla@pv.edu", &[school]).await;
        let by_counselor = import(
            &app,
            &counselor,
            &orgs(None, &[("ps-100", "Pine Valley High")]),
            "s1,true,ps-100,student,José,Núñez,10,,\n",
            "",
            &[("source", "elsewhere")],
        )
        .await;
        assert!(by_counselor.refused);
        assert!(
            by_counselor
                .page
                .contains("Only an administrator names a roster&#x27;s source")
                || by_counselor
                    .page
                    .contains("Only an administrator names a roster's source"),
            "{}",
            by_counselor.page
        );
        let own = import(
            &app,
            &counselor,
            &orgs(None, &[("ps-100", "Pine Valley High")]),
            "s1,true,ps-100,student,José,Núñez,11,,\n",
            "",
            &[],
        )
        .await;
        assert!(
            !own.refused,
            "the counselor's school gives the source: {}",
            own.page
        );
        assert_eq!(students(&app).await[0].grade, 11);
    })
    .await;
}

#[tokio::test]
async fn records_from_before_sources_are_taken_in_by_their_districts_roster_and_refused_to_another()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        // Imported as before: no district org, so under no source.
        let legacy = import(
            &app,
            &admin,
            &orgs(None, &[("ps-100", "Pine Valley High")]),
            PINE_VALLEY_USERS,
            PINE_VALLEY_DEMOGRAPHICS,
            &[],
        )
        .await;
        assert!(!legacy.refused, "{}", legacy.page);
        assert_eq!(students(&app).await[0].roster_source, "");

        // Another district lists an s1 of its own: we cannot tell, so it
        // is refused naming the row and what to do; nothing is written.
        let other = import(
            &app,
            &admin,
            &orgs(Some("cedar-ridge"), &[("pc-1", "Cedar Ridge High")]),
            "s1,true,pc-1,student,Kevin,Smith,10,,\n",
            "",
            &[],
        )
        .await;
        assert!(other.refused, "{}", other.page);
        assert!(
            other.page.contains("users.csv, line 2")
                && other
                    .page
                    .contains("imported before rosters named their district"),
            "{}",
            other.page
        );
        assert_eq!(app.count("school").await, 1, "nothing written");

        // Pine Valley's roster, now with its district org: its school (the
        // same name) comes in with its student and guardian, none doubled.
        let adopted = import(
            &app,
            &admin,
            &orgs(
                Some("pine-valley"),
                &[("ps-100", "Pine Valley High School")],
            ),
            PINE_VALLEY_USERS,
            PINE_VALLEY_DEMOGRAPHICS,
            &[],
        )
        .await;
        assert!(!adopted.refused, "{}", adopted.page);
        assert!(
            adopted
                .page
                .contains("1 school imported before rosters named their district"),
            "{}",
            adopted.page
        );
        let all = students(&app).await;
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].roster_source, "pine-valley");
        assert_eq!(
            app.count("guardian WHERE roster_source = 'pine-valley'")
                .await,
            1
        );
        assert_eq!(app.count("guardian").await, 1);

        // Now the other district's roster goes in, beside it.
        let other = import(
            &app,
            &admin,
            &orgs(Some("cedar-ridge"), &[("pc-1", "Cedar Ridge High")]),
            "s1,true,pc-1,student,Kevin,Smith,10,,\n",
            "",
            &[],
        )
        .await;
        assert!(!other.refused, "{}", other.page);
        assert_eq!(students(&app).await.len(), 2);
        assert_eq!(students(&app).await[0].first_name, "José");
    })
    .await;
}

#[tokio::test]
async fn a_student_whose_names_both_change_or_whose_grade_goes_down_waits_for_the_importers_yes() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let district = orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]);
        let first = import(
            &app,
            &admin,
            &district,
            "s1,true,ps-100,student,José,Núñez-García,9,,\n\
             s3,true,ps-100,student,Minh Khai,Nguyễn Thị,12,,\n",
            "s1,2010-03-04,male\n",
            &[],
        )
        .await;
        assert!(!first.refused, "{}", first.page);
        let before = students(&app).await;

        // A corrected accent and a grade up are what rosters do: no question.
        let ordinary = "s1,true,ps-100,student,Jose,Nunez Garcia,10,,\n\
                        s3,true,ps-100,student,Minh Khai,Nguyễn Thị,12,,\n";
        let swapped = "s1,true,ps-100,student,Kevin,Smith,10,,\n\
                       s3,true,ps-100,student,Noah,Brown,8,,\n";
        let refused = import(&app, &admin, &district, swapped, "", &[]).await;
        assert!(refused.refused, "{}", refused.page);
        let page = refused.page.replace("&#x27;", "'");
        for expected in [
            "users.csv, line 2: Student “s1” is on file as José Núñez-García; this roster calls them Kevin Smith.",
            "users.csv, line 3: Student “s3” is on file as Minh Khai Nguyễn Thị; this roster calls them Noah Brown.",
            "users.csv, line 3: Student “s3” (Minh Khai Nguyễn Thị) is on file in grade 12; this roster puts them in grade 8.",
            "Yes, the 3 rows above are right",
        ] {
            assert!(page.contains(expected), "{expected}: {page}");
        }
        assert_eq!(students(&app).await, before, "nothing written");

        // A yes for another number confirms nothing.
        let wrong = import(&app, &admin, &district, swapped, "", &[("confirm_review", "2")]).await;
        assert!(wrong.refused);
        assert_eq!(students(&app).await, before);

        let ok = import(&app, &admin, &district, ordinary, "", &[]).await;
        assert!(!ok.refused, "{}", ok.page);
        let confirmed = import(&app, &admin, &district, swapped, "", &[("confirm_review", "3")]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert_eq!(students(&app).await[0].first_name, "Kevin");
    })
    .await;
}

#[tokio::test]
async fn the_command_line_asks_for_the_same_yes_and_names_the_source() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    app.admin().await;
    let folder = tempfile::tempdir().unwrap();
    let run = |users: &str, source: Option<&str>, confirm_review: Option<usize>| {
        std::fs::write(
            folder.path().join("orgs.csv"),
            orgs(None, &[("ps-100", "Pine Valley High")]),
        )
        .unwrap();
        std::fs::write(folder.path().join("users.csv"), format!("{HEADER}{users}")).unwrap();
        stembridge::cli::import_roster(
            &app.config,
            stembridge::config::ImportRosterArgs {
                path: folder.path().into(),
                confirm_inactive: None,
                source: source.map(str::to_owned),
                confirm_review,
            },
        )
    };
    run("s1,true,ps-100,student,José,Núñez,9,,\n", Some("pv"), None)
        .await
        .unwrap();
    let refused = run("s1,true,ps-100,student,Kevin,Smith,9,,\n", Some("pv"), None)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("nothing was imported"));
    run(
        "s1,true,ps-100,student,Kevin,Smith,9,,\n",
        Some("pv"),
        Some(1),
    )
    .await
    .unwrap();
    let all = students(&app).await;
    assert_eq!((all.len(), all[0].first_name.as_str()), (1, "Kevin"));

    // A zip of the export is named for what it is.
    let zip = folder.path().join("export.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00orgs.csv").unwrap();
    let refused = stembridge::cli::import_roster(
        &app.config,
        stembridge::config::ImportRosterArgs {
            path: zip,
            confirm_inactive: None,
            source: None,
            confirm_review: None,
        },
    )
    .await
    .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("is a zip archive. Unzip it into a folder"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_student_added_by_hand_takes_the_roster_id_instead_of_being_counted_twice() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let district = orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]);
        let first = import(
            &app,
            &admin,
            &district,
            "s1,true,ps-100,student,José,Núñez,9,,\n",
            "",
            &[],
        )
        .await;
        assert!(!first.refused, "{}", first.page);
        let school = students(&app).await[0].school_id;
        let counselor = app.counselor("carla@pv.edu", &[school]).await;
        let add =
            |first: &'static str, last: &'static str, grade: &'static str, sis: &'static str| {
                let (app, counselor) = (&app, &counselor);
                async move {
                    app.submit_as(
                        counselor,
                        "/counselor",
                        "/counselor/students",
                        &[
                            ("school_id", &school.to_string()),
                            ("first_name", first),
                            ("last_name", last),
                            ("grade", grade),
                            ("sourced_id", sis),
                        ],
                    )
                    .await
                }
            };
        assert_eq!(add("Lucía", "Pérez", "10", "").await.status(), 200);
        let lucia = students(&app).await.pop().unwrap();
        assert_eq!(lucia.sourced_id, None);
        // Twins added twice by mistake: no telling which is the roster's.
        assert_eq!(add("Sam", "Lee", "9", "").await.status(), 200);
        assert_eq!(add("Sam", "Lee", "9", "").await.status(), 200);
        // One with the SIS id typed in: the roster finds it by id.
        assert_eq!(add("Ada", "Byron", "11", "s9").await.status(), 200);
        // An id already on a record of that roster is refused, naming whose.
        let taken = add("Other", "Kid", "11", "s1").await;
        assert_eq!(taken.status(), 422);
        assert!(
            taken
                .text()
                .await
                .unwrap()
                .contains("José Núñez already has the ID “s1”"),
        );
        let hand_made = students(&app).await.len();

        let users = "s1,true,ps-100,student,José,Núñez,9,,\n\
                     ps-555,true,ps-100,student,LUCIA,Perez,10,,\n\
                     s7,true,ps-100,student,Sam,Lee,9,,\n\
                     s9,true,ps-100,student,Ada,Byron,11,,\n";
        let refused = import(&app, &admin, &district, users, "", &[]).await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused
                .page
                .contains("Sam Lee (“s7”) has the same name and grade as #"),
            "{}",
            refused.page
        );
        assert_eq!(students(&app).await.len(), hand_made, "nothing written");

        let imported = import(
            &app,
            &admin,
            &district,
            users,
            "",
            &[("confirm_review", "1")],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        assert!(
            imported
                .page
                .contains("1 student added by hand was matched"),
            "{}",
            imported.page
        );
        let all = students(&app).await;
        // Lucía's record took the id (and kept its id); Ada's was found by
        // hers; only the confirmed Sam is new.
        assert_eq!(all.len(), hand_made + 1, "{all:?}");
        let lucia_now = all.iter().find(|s| s.id == lucia.id).unwrap();
        assert_eq!(lucia_now.sourced_id.as_deref(), Some("ps-555"));
        assert_eq!(lucia_now.roster_source, "pine-valley");
        assert_eq!(
            (lucia_now.first_name.as_str(), lucia_now.last_name.as_str()),
            ("LUCIA", "Perez"),
            "the roster's spelling"
        );
        assert_eq!(
            app.count("student WHERE sourced_id = 's9'").await,
            1,
            "Ada once"
        );
        // Once more: everything found by id, nothing new.
        let again = import(&app, &admin, &district, users, "", &[]).await;
        assert!(!again.refused, "{}", again.page);
        assert_eq!(students(&app).await.len(), hand_made + 1);
    })
    .await;
}

/// eyes18a N2: a name and a grade are not proof. A hand-added record with
/// guardians is not given another child's id, guardians and birth date on
/// a name match alone; birth dates that differ mean two children.
#[tokio::test]
async fn a_hand_added_student_with_guardians_is_taken_over_only_when_proven_or_confirmed() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let district = orgs(Some("pine-valley"), &[("ps-100", "Pine Valley High")]);
        let first = import(&app, &admin, &district, "s1,true,ps-100,student,José,Núñez,9,,\n", "", &[]).await;
        assert!(!first.refused, "{}", first.page);
        let school = students(&app).await[0].school_id;
        let counselor = app.counselor("carla@pv.edu", &[school]).await;
        let add = |first: &'static str, last: &'static str| {
            let (app, counselor) = (&app, &counselor);
            async move {
                let response = app
                    .submit_as(
                        counselor,
                        "/counselor",
                        "/counselor/students",
                        &[
                            ("school_id", &school.to_string()),
                            ("first_name", first),
                            ("last_name", last),
                            ("grade", "10"),
                            ("sourced_id", ""),
                        ],
                    )
                    .await;
                assert_eq!(response.status(), 200);
                students(app).await.pop().unwrap()
            }
        };
        let with_guardian = |student: i32, email: &'static str| {
            let (app, counselor) = (&app, &counselor);
            async move {
                let record = format!("/counselor/students/{student}");
                let response = app
                    .submit_as(
                        counselor,
                        &record,
                        &format!("{record}/guardians"),
                        &[
                            ("given_name", "Rosa"),
                            ("family_name", "Cruz"),
                            ("email", email),
                            ("language", "es"),
                        ],
                    )
                    .await;
                assert_eq!(response.status(), 303);
            }
        };
        let maya = add("Maya", "Cruz").await;
        with_guardian(maya.id, "rosa@example.org").await;
        let record = format!("/counselor/students/{}", maya.id);
        // The same, but the same child as the roster's.
        let ana = add("Ana", "Diaz").await;
        with_guardian(ana.id, "dora@example.org").await;
        // Another child of the same name and grade, with no account or
        // guardians here: taken over as before.
        let leo = add("Leo", "Park").await;

        let users = "s1,true,ps-100,student,José,Núñez,9,,\n\
                     s20,true,ps-100,student,Maya,Cruz,10,,\n\
                     s21,true,ps-100,student,Leo,Park,10,,\n\
                     s22,true,ps-100,student,Ana,Diaz,10,,\n";
        let demographics = "s20,2011-02-03,female\n";
        let refused = import(&app, &admin, &district, users, demographics, &[]).await;
        assert!(refused.refused, "{}", refused.page);
        let page = refused.page.replace("&#x27;", "'");
        assert!(
            page.contains(&format!(
                "Maya Cruz (“s20”) has the same name and grade as #{}, added by hand at this school, who has an account or guardians on file",
                maya.id
            )),
            "{page}"
        );
        let before = students(&app).await;
        assert_eq!(app.count("student WHERE sourced_id IS NOT NULL").await, 1, "nothing written");

        // The counselor knows Maya's birth date: another day, so another
        // child. The roster makes its own record and leaves Maya's alone.
        let response = app
            .submit_as(
                &counselor,
                &record,
                &format!("{record}/birth-date"),
                &[("date_of_birth", "2010-07-08")],
            )
            .await;
        assert_eq!(response.status(), 303);
        // Ana's is still unproven: held until the importer's yes, which
        // takes her record over.
        let held = import(&app, &admin, &district, users, demographics, &[]).await;
        assert!(held.refused, "{}", held.page);
        assert!(held.page.contains("Yes, the row above is right"), "{}", held.page);
        let imported = import(
            &app,
            &admin,
            &district,
            users,
            demographics,
            &[("confirm_review", "1")],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        let all = students(&app).await;
        let ana_now = all.iter().find(|s| s.id == ana.id).unwrap();
        assert_eq!(ana_now.sourced_id.as_deref(), Some("s22"), "confirmed");
        assert_eq!(all.len(), before.len() + 1, "{all:?}");
        let maya_now = all.iter().find(|s| s.id == maya.id).unwrap();
        assert_eq!(maya_now.sourced_id, None, "not taken over");
        assert_eq!(maya_now.date_of_birth.map(|d| d.to_string()).as_deref(), Some("2010-07-08"));
        let leo_now = all.iter().find(|s| s.id == leo.id).unwrap();
        assert_eq!(leo_now.sourced_id.as_deref(), Some("s21"), "nothing to lose: taken over");
    })
    .await;
}

#[tokio::test]
async fn yes_and_no_and_grades_as_exports_write_them_are_read_and_a_bad_value_is_quoted_as_written()
{
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let district = orgs(None, &[("ps-100", "Pine Valley High")]);
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n\
                     s1,Y,ps-100,student,Ana,Ruiz,grade 9\n\
                     s2,1,ps-100,student,Ben,Ong,9th Grade\n\
                     s3,Yes,ps-100,student,Cy,Ito,10;11\n\
                     s4,N,ps-100,student,Di,Amos,GRADE 12\n";
        let demographics = "sourcedId,birthDate,sex,hispanicOrLatinoEthnicity,metadata.lowIncome\n\
                            s1,2010-01-01,F,Y,1\n\
                            s2,2010-01-01,M,n,0\n\
                            s3,2010-01-01,M,No,yes\n";
        let imported = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", &district),
                    ("users", users.as_bytes()),
                    ("demographics", demographics.as_bytes()),
                ],
            )
            .await;
        assert!(!imported.refused, "{}", imported.page);
        let all = students(&app).await;
        let read: Vec<(i32, bool, Option<bool>)> =
            all.iter().map(|s| (s.grade, s.active, s.low_income)).collect();
        assert_eq!(
            read,
            [
                (9, true, Some(true)),
                (9, true, Some(false)),
                (11, true, Some(true)),
                (12, false, None)
            ]
        );
        assert_eq!(all[0].race_ethnicity.as_deref(), Some("Hispanic or Latino"));

        let bad = "sourcedId,birthDate,sex,metadata.lowIncome\ns1,2010-01-01,F,Maybe\n";
        let refused = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", &district),
                    ("users", users.as_bytes()),
                    ("demographics", bad.as_bytes()),
                ],
            )
            .await;
        assert!(refused.refused);
        assert!(
            refused.page.contains("metadata.lowIncome must be true or false (yes, no, Y, N, 1 and 0 are read too), not “Maybe”."),
            "as written, not lower-cased: {}",
            refused.page
        );
    })
    .await;
}

#[tokio::test]
async fn a_windows_1252_file_whose_names_excel_turned_into_question_marks_is_refused_saying_to_save_as_utf8()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let users: &[u8] =
            b"sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n\
              w1,true,ps-100,student,Jos\xe9,Pe\xf1a,10\n\
              w2,true,ps-100,student,??,???,10\n";
        let refused = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", &orgs(None, &[("ps-100", "Pine Valley High")])),
                    ("users", users),
                ],
            )
            .await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains("users.csv, line 3")
                && refused.page.contains("Excel wrote “?” for each of them")
                && refused.page.contains("“CSV UTF-8”"),
            "{}",
            refused.page
        );
        assert_eq!(app.count("student").await, 0);
    })
    .await;
}

#[tokio::test]
async fn an_sis_id_held_at_another_school_of_the_district_is_refused_without_naming_the_student() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let imported = import(
            &app,
            &admin,
            &orgs(
                Some("pine-valley"),
                &[
                    ("ps-100", "Pine Valley High"),
                    ("ps-200", "Pine Valley Middle"),
                ],
            ),
            "s1,true,ps-100,student,José,Núñez,9,,\n\
             s2,true,ps-200,student,Ada,Byron,8,,\n",
            "",
            &[],
        )
        .await;
        assert!(!imported.refused, "{}", imported.page);
        let middle = school::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|school| school.name == "Pine Valley Middle")
            .unwrap()
            .id;
        // Carla looks after the middle school only.
        let carla = app.counselor("carla@pv.edu", &[middle]).await;
        let before = students(&app).await.len();
        let refused = app
            .submit_as(
                &carla,
                "/counselor",
                "/counselor/students",
                &[
                    ("school_id", &middle.to_string()),
                    ("first_name", "Other"),
                    ("last_name", "Kid"),
                    ("grade", "8"),
                    ("sourced_id", "s1"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 422);
        let page = refused.text().await.unwrap();
        assert!(
            page.contains("belongs to a student of another school on this roster"),
            "{page}"
        );
        assert!(
            !page.contains("Núñez") && !page.contains("José"),
            "another school's student is not named: {page}"
        );
        assert_eq!(students(&app).await.len(), before, "nothing written");
    })
    .await;
}
