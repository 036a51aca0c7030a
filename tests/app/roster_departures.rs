//! A bulk roster takes everyone it leaves out as gone: one that says
//! nothing of a school's students (a header only, staff only, the wrong
//! term) is refused naming the school, one that would make most of a
//! school inactive at once waits for the uploader's "yes, make N students
//! inactive", and a year's end, when a minority leaves, goes through. A
//! refused roster writes nothing, from the web or the command line.

use crate::helpers::{TestApp, on_each_backend};

const HEADER: &str =
    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds\n";

/// orgs.csv with Lincoln High (`sch-1`) and, when `with_second`, Roosevelt
/// High (`sch-2`); `lincoln` is its name this time.
fn orgs(lincoln: &str, with_second: bool) -> Vec<u8> {
    let mut orgs = format!("sourcedId,name,type\nsch-1,{lincoln},school\n");
    if with_second {
        orgs.push_str("sch-2,Roosevelt High,school\n");
    }
    orgs.into_bytes()
}

/// users.csv rows for students `numbers` of `school`, each with a parent.
fn students(school: &str, numbers: impl IntoIterator<Item = usize>) -> String {
    numbers
        .into_iter()
        .map(|n| {
            format!(
                "{school}-stu-{n},true,{school},student,Student{n},Rivera,10,,{school}-par-{n}\n\
                 {school}-par-{n},true,,parent,Parent{n},Rivera,,parent{n}@{school}.example.org,\n"
            )
        })
        .collect()
}

async fn active(app: &TestApp, table: &str) -> i64 {
    app.number(&format!(
        "SELECT COUNT(*) AS n FROM {table} WHERE active = true"
    ))
    .await
}

/// What the roster holds: active students and guardians, and the schools' names.
async fn state(app: &TestApp) -> (i64, i64, Vec<String>) {
    use sea_orm::{EntityTrait, QueryOrder};
    let names = entity::school::Entity::find()
        .order_by_asc(entity::school::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    (
        active(app, "student").await,
        active(app, "guardian").await,
        names,
    )
}

#[tokio::test]
async fn a_roster_listing_no_active_student_of_a_school_is_refused_naming_it_and_writes_nothing() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let first = format!(
            "{HEADER}{}{}",
            students("sch-1", 1..=12),
            students("sch-2", 1..=3)
        );
        let imported = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", &orgs("Lincoln High", true)),
                    ("users", first.as_bytes()),
                ],
            )
            .await;
        assert!(!imported.refused, "{}", imported.page);
        let before = state(&app).await;
        assert_eq!((before.0, before.1), (15, 15));

        // The header alone, a staff-only export, and one filtered to the
        // other school; each renames Lincoln, so a write would show.
        let teacher = format!("{HEADER}tch-1,true,sch-1,teacher,Tess,Ng,,tess@example.org,\n");
        let roosevelt_only = format!("{HEADER}{}", students("sch-2", 1..=3));
        let all_left_as_inactive_but_one = format!(
            "{HEADER}sch-1-stu-1,false,sch-1,student,Student1,Rivera,10,,\n{}",
            students("sch-2", 1..=3)
        );
        for (users, lincoln, roosevelt) in [
            (HEADER.to_owned(), true, true),
            (teacher, true, true),
            (roosevelt_only, true, false),
            (all_left_as_inactive_but_one, true, false),
        ] {
            let refused = app
                .upload_roster_files(
                    &admin,
                    &[
                        ("orgs", &orgs("Lincoln High School", true)),
                        ("users", users.as_bytes()),
                    ],
                )
                .await;
            assert!(refused.refused, "{users}: {}", refused.page);
            let says = |name: &str, id: &str, count: usize| {
                refused.page.contains(&format!(
                    "orgs.csv, line {}: users.csv lists no active student of {name} ({id}), \
                     yet as a full roster it would make {count} students of the school \
                     inactive, and their guardians with them.",
                    if id == "sch-1" { 2 } else { 3 }
                ))
            };
            assert!(
                says("Lincoln High School", "sch-1", 12) == lincoln,
                "{users}: {}",
                refused.page
            );
            assert!(
                says("Roosevelt High", "sch-2", 3) == roosevelt,
                "{users}: {}",
                refused.page
            );
            // Nothing to confirm: such a file is never a school's roster.
            assert!(
                !refused.page.contains("confirm_inactive"),
                "{}",
                refused.page
            );
            assert_eq!(state(&app).await, before, "nothing written: {users}");
        }

        // A delta file says nothing of those it leaves out: it goes through.
        let delta = app
            .upload_roster_files(
                &admin,
                &[
                    ("orgs", &orgs("Lincoln High", true)),
                    ("users", HEADER.as_bytes()),
                    ("manifest", b"propertyName,value\nfile.users,delta\n"),
                ],
            )
            .await;
        assert!(!delta.refused, "{}", delta.page);
        assert_eq!(state(&app).await, before);
    })
    .await;
}

#[tokio::test]
async fn most_of_a_school_leaving_at_once_waits_for_the_uploaders_yes_and_a_year_end_minority_does_not()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = |users: String, fields: Vec<(&'static str, String)>| {
            let (app, admin) = (&app, &admin);
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
                app.upload_roster_form(
                    admin,
                    &[
                        ("orgs", &orgs("Lincoln High", false)),
                        ("users", format!("{HEADER}{users}").as_bytes()),
                    ],
                    &fields,
                )
                .await
            }
        };
        let first = upload(students("sch-1", 1..=30), vec![]).await;
        assert!(!first.refused, "{}", first.page);

        // A year's end: 6 of 30 leave, 5 arrive; no question asked.
        let year_end = upload(students("sch-1", (1..=24).chain(31..=35)), vec![]).await;
        assert!(!year_end.refused, "{}", year_end.page);
        assert!(
            year_end.page.contains("6 no longer on the roster"),
            "{}",
            year_end.page
        );
        assert_eq!(active(&app, "student").await, 29);

        // A file holding 5 of the 29: refused, with the number to confirm.
        let few = students("sch-1", 1..=5);
        let refused = upload(few.clone(), vec![]).await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "orgs.csv, line 2: This roster would make 24 of the 29 active students of \
                 Lincoln High (sch-1) inactive at once"
            ),
            "{}",
            refused.page
        );
        assert!(
            refused.page.contains(
                "name=\"confirm_inactive\" value=\"24\" required><label for=\"confirm-inactive\">\
                 Yes, make 24 students inactive"
            ),
            "{}",
            refused.page
        );
        assert_eq!(active(&app, "student").await, 29, "nothing written");
        assert_eq!(active(&app, "guardian").await, 29, "nothing written");

        // Another number (a different file, a stale page) asks again.
        let other = upload(few.clone(), vec![("confirm_inactive", "23".into())]).await;
        assert!(other.refused, "{}", other.page);
        assert!(other.page.contains("value=\"24\""), "{}", other.page);
        assert_eq!(active(&app, "student").await, 29, "nothing written");

        // The yes, as the refused page's form sends it.
        let confirmed = upload(few, vec![("confirm_inactive", "24".into())]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert!(
            confirmed.page.contains("24 no longer on the roster"),
            "{}",
            confirmed.page
        );
        assert_eq!(active(&app, "student").await, 5);
        assert_eq!(active(&app, "guardian").await, 5);
    })
    .await;
}

#[tokio::test]
async fn the_command_line_roster_import_asks_for_the_same_yes() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    app.admin().await;
    let folder = tempfile::tempdir().unwrap();
    let import = |users: String, confirm_inactive: Option<usize>| {
        std::fs::write(folder.path().join("orgs.csv"), orgs("Lincoln High", false)).unwrap();
        std::fs::write(folder.path().join("users.csv"), format!("{HEADER}{users}")).unwrap();
        stembridge::cli::import_roster(
            &app.config,
            stembridge::config::ImportRosterArgs {
                path: folder.path().into(),
                confirm_inactive,
                source: None,
                confirm_review: None,
            },
        )
    };
    import(students("sch-1", 1..=20), None).await.unwrap();
    let header_only = import(String::new(), None).await.unwrap_err();
    assert!(header_only.to_string().contains("nothing was imported"));
    let unconfirmed = import(students("sch-1", 1..=2), None).await;
    assert!(unconfirmed.is_err());
    assert_eq!(active(&app, "student").await, 20, "nothing written");
    import(students("sch-1", 1..=2), Some(18)).await.unwrap();
    assert_eq!(active(&app, "student").await, 2);
}

/// Student rows alone (each naming its parent), as an export without
/// contacts writes them.
fn students_only(school: &str, numbers: impl IntoIterator<Item = usize>) -> String {
    students(school, numbers)
        .lines()
        .filter(|line| line.contains(",student,"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[tokio::test]
async fn a_students_only_roster_leaves_guardians_as_they_are_and_one_leaving_most_contacts_out_asks_first()
 {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = |users: String, fields: Vec<(&'static str, String)>| {
            let (app, admin) = (&app, &admin);
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
                app.upload_roster_form(
                    admin,
                    &[
                        ("orgs", &orgs("Lincoln High", false)),
                        ("users", format!("{HEADER}{users}").as_bytes()),
                    ],
                    &fields,
                )
                .await
            }
        };
        assert!(!upload(students("sch-1", 1..=30), vec![]).await.refused);
        let links = "student_guardian";

        // Every student, no guardian row: nothing said of guardians.
        let silent = upload(students_only("sch-1", 1..=30), vec![]).await;
        assert!(!silent.refused, "{}", silent.page);
        assert!(
            silent.page.contains(
                "Guardians: 0 new, 0 updated, 0 no longer on the roster (made inactive)."
            ) && silent.page.contains("so it says nothing of guardians"),
            "{}",
            silent.page
        );
        assert_eq!(active(&app, "guardian").await, 30);
        assert_eq!(app.count(links).await, 30);

        // Every student, the parents of five: 25 contacts of students who
        // stay would end. Refused, with the number to confirm.
        let five_parents = format!(
            "{}{}",
            students_only("sch-1", 6..=30),
            students("sch-1", 1..=5)
        );
        let refused = upload(five_parents.clone(), vec![]).await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "orgs.csv, line 2: This roster would end 25 of the 30 active guardian contacts \
                 of students of Lincoln High (sch-1) who stay on the roster, at once"
            ),
            "{}",
            refused.page
        );
        assert!(
            refused.page.contains(
                "name=\"confirm_inactive\" value=\"25\" required><label for=\"confirm-inactive\">\
                 Yes, end 25 guardian contacts of students who stay on the roster"
            ),
            "{}",
            refused.page
        );
        assert_eq!(active(&app, "guardian").await, 30, "nothing written");
        assert_eq!(app.count(links).await, 30, "nothing written");
        assert_eq!(
            app.count("mail_outbox").await,
            0,
            "nobody told of a refusal"
        );

        let confirmed = upload(five_parents, vec![("confirm_inactive", "25".into())]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert_eq!(active(&app, "guardian").await, 5);
        assert_eq!(active(&app, "student").await, 30);
        assert_eq!(
            app.count("mail_outbox").await,
            25,
            "each contact ended is told"
        );
    })
    .await;
}

#[tokio::test]
async fn students_moved_to_another_school_of_the_file_count_as_leaving_the_first() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = |users: String, fields: Vec<(&'static str, String)>| {
            let (app, admin) = (&app, &admin);
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
                app.upload_roster_form(
                    admin,
                    &[
                        ("orgs", &orgs("Lincoln High", true)),
                        ("users", format!("{HEADER}{users}").as_bytes()),
                    ],
                    &fields,
                )
                .await
            }
        };
        // Lincoln's students listed at Roosevelt (a wrong school column).
        let moved = |numbers: std::ops::RangeInclusive<usize>| {
            students("sch-1", numbers).replace(",true,sch-1,student,", ",true,sch-2,student,")
        };
        let at_lincoln = "student WHERE active = true AND school_id = \
             (SELECT id FROM school WHERE roster_sourced_id = 'sch-1')";
        let first = format!("{}{}", students("sch-1", 1..=30), students("sch-2", 1..=3));
        assert!(!upload(first, vec![]).await.refused);
        assert_eq!(app.count(at_lincoln).await, 30);

        // All of them: Lincoln would be emptied, whatever is confirmed.
        let all = format!("{}{}", moved(1..=30), students("sch-2", 1..=3));
        for fields in [vec![], vec![("confirm_inactive", "30".to_owned())]] {
            let refused = upload(all.clone(), fields).await;
            assert!(refused.refused, "{}", refused.page);
            assert!(
                refused.page.contains(
                    "users.csv lists no active student of Lincoln High (sch-1), yet it would \
                     take 30 students off the school, 30 of them by moving them to another \
                     school of orgs.csv"
                ),
                "{}",
                refused.page
            );
            assert!(
                !refused.page.contains("confirm_inactive"),
                "{}",
                refused.page
            );
            assert_eq!(app.count(at_lincoln).await, 30, "nothing written");
        }

        // Most of them: the uploader's yes, for the number moved.
        let most = format!(
            "{}{}{}",
            moved(1..=20),
            students("sch-1", 21..=30),
            students("sch-2", 1..=3)
        );
        let refused = upload(most.clone(), vec![]).await;
        assert!(refused.refused, "{}", refused.page);
        assert!(
            refused.page.contains(
                "This roster would take 20 of the 30 active students of Lincoln High (sch-1) \
                 off the school at once: 20 of them moved to another school of orgs.csv"
            ) && refused.page.contains(
                "Yes, take 20 students off their schools at once (20 of them moved to another \
                 school of orgs.csv)."
            ),
            "{}",
            refused.page
        );
        assert_eq!(app.count(at_lincoln).await, 30, "nothing written");
        let confirmed = upload(most, vec![("confirm_inactive", "20".into())]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert!(
            confirmed
                .page
                .contains("20 students moved to another school of orgs.csv."),
            "{}",
            confirmed.page
        );
        assert_eq!(app.count(at_lincoln).await, 10);
    })
    .await;
}

#[tokio::test]
async fn students_listed_as_leaving_are_counted_among_those_made_inactive() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        let upload = |users: String, fields: Vec<(&'static str, String)>| {
            let (app, admin) = (&app, &admin);
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
                app.upload_roster_form(
                    admin,
                    &[
                        ("orgs", &orgs("Lincoln High", false)),
                        ("users", format!("{HEADER}{users}").as_bytes()),
                    ],
                    &fields,
                )
                .await
            }
        };
        assert!(!upload(students("sch-1", 1..=30), vec![]).await.refused);
        // 20 listed with enabledUser false, 2 left out.
        let leaving = format!(
            "{}{}",
            students("sch-1", 1..=20).replace(",true,sch-1,student,", ",false,sch-1,student,"),
            students("sch-1", 21..=28)
        );
        let refused = upload(leaving.clone(), vec![]).await;
        assert!(refused.page.contains("value=\"22\""), "{}", refused.page);
        let confirmed = upload(leaving, vec![("confirm_inactive", "22".into())]).await;
        assert!(!confirmed.refused, "{}", confirmed.page);
        assert!(
            confirmed
                .page
                .contains("22 no longer on the roster (made inactive)"),
            "{}",
            confirmed.page
        );
        assert_eq!(active(&app, "student").await, 8);
    })
    .await;
}
