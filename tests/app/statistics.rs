//! Statistics that cannot reveal a student: an attacker with every view a
//! counselor can request (each school and all schools, three school years,
//! crafted date ranges, HTML and CSV, outreach filters) tries to work out a
//! hidden count by subtracting margins and pairs of views. Every published
//! number becomes an equation over the true per-school counts; exact row
//! reduction then tells whether any hidden count is determined.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate, TimeZone, Utc};
use reqwest::{Client, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use stembridge::counseling::service::school_year_of;

use crate::helpers::{PASSWORD, TestApp, TestUser, new_client, on_each_backend, posting};

const THRESHOLD: usize = 10;
const DIMENSIONS: [&str; 8] = [
    "gender",
    "race_ethnicity",
    "low_income",
    "english_learner",
    "disability",
    "first_generation",
    "grade",
    "school",
];

// ------------------------------------------------------------------ roster

/// One school of the roster: how many students have each value.
struct SchoolSpec {
    sourced: &'static str,
    name: &'static str,
    sex: &'static [(&'static str, usize)],
    race: &'static [(&'static str, usize)],
    /// Low income, English learner, disability, first generation.
    flags: [&'static [(&'static str, usize)]; 4],
    grades: &'static [(i32, usize)],
}

/// Small groups in several schools: Asian, American Indian, two or more
/// races, another gender, disability, grade 12...
const SCHOOLS: [SchoolSpec; 3] = [
    SchoolSpec {
        sourced: "school-a",
        name: "Addams High",
        sex: &[("female", 28), ("male", 29), ("other", 3)],
        race: &[
            ("white", 25),
            ("blackOrAfricanAmerican", 18),
            ("hispanic", 10),
            ("asian", 4),
            ("americanIndianOrAlaskaNative", 3),
        ],
        flags: [
            &[("true", 35), ("false", 25)],
            &[("true", 6), ("false", 54)],
            &[("true", 8), ("false", 52)],
            &[("true", 20), ("false", 38), ("", 2)],
        ],
        grades: &[(9, 20), (10, 20), (11, 15), (12, 5)],
    },
    SchoolSpec {
        sourced: "school-b",
        name: "Banneker Academy",
        sex: &[("female", 20), ("male", 18), ("other", 2)],
        race: &[
            ("white", 12),
            ("blackOrAfricanAmerican", 10),
            ("hispanic", 12),
            ("asian", 4),
            ("two", 2),
        ],
        flags: [
            &[("true", 30), ("false", 8), ("", 2)],
            &[("true", 15), ("false", 25)],
            &[("true", 3), ("false", 37)],
            &[("true", 20), ("false", 20)],
        ],
        grades: &[(9, 12), (10, 12), (11, 12), (12, 4)],
    },
    SchoolSpec {
        sourced: "school-c",
        name: "Curie Early College",
        sex: &[("female", 2), ("male", 2)],
        race: &[("white", 2), ("asian", 1), ("blackOrAfricanAmerican", 1)],
        flags: [
            &[("true", 2), ("false", 2)],
            &[("false", 4)],
            &[("false", 4)],
            &[("true", 4)],
        ],
        grades: &[(10, 4)],
    },
];

/// `spec` spread over `n` students, mixed by a stride coprime with `n`.
fn spread<T: Clone>(spec: &[(T, usize)], n: usize, stride: usize) -> Vec<T> {
    let list: Vec<T> = spec
        .iter()
        .flat_map(|(v, k)| std::iter::repeat_n(v.clone(), *k))
        .collect();
    assert_eq!(list.len(), n, "a spec covers the school");
    let stride = (stride..)
        .find(|s| gcd(*s as i128, n as i128) == 1)
        .unwrap();
    (0..n).map(|j| list[(j * stride + 1) % n].clone()).collect()
}

/// A student as the test wrote them, with the groups the app will compute.
struct Student {
    sourced: String,
    school: usize,
    groups: [String; 8],
}

fn label_of(flag: &str) -> String {
    match flag {
        "true" => "Yes",
        "false" => "No",
        _ => "Not reported",
    }
    .into()
}

fn roster() -> (String, String, String, Vec<Student>) {
    let mut orgs = String::from(
        "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.zip\n",
    );
    let mut users = String::from(
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n",
    );
    let mut demographics = String::from(
        "sourcedId,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,metadata.lowIncome,metadata.englishLearner,metadata.disability,metadata.firstGeneration\n",
    );
    let mut students = Vec::new();
    for (k, school) in SCHOOLS.iter().enumerate() {
        orgs.push_str(&format!(
            "{},active,2026-08-01,{},school,S{k},,60608\n",
            school.sourced, school.name
        ));
        let n: usize = school.sex.iter().map(|(_, c)| c).sum();
        let sex = spread(school.sex, n, 7);
        let race = spread(school.race, n, 11);
        let flags: Vec<Vec<&str>> = school
            .flags
            .iter()
            .zip([13, 17, 19, 23])
            .map(|(spec, stride)| spread(spec, n, stride))
            .collect();
        let grades = spread(school.grades, n, 29);
        for j in 0..n {
            let id = format!("stu-{k}-{j:03}");
            users.push_str(&format!(
                "{id},active,2026-08-01,true,{},student,u{k}{j},,First{k}x{j},Last{k}x{j},,{k}{j},,,,,{:02},\n",
                school.sourced, grades[j]
            ));
            let column = |name: &str| if race[j] == name { "true" } else { "false" };
            demographics.push_str(&format!(
                "{id},2009-05-01,{},{},{},{},{},{},{},{},{},{},{}\n",
                sex[j],
                column("americanIndianOrAlaskaNative"),
                column("asian"),
                column("blackOrAfricanAmerican"),
                column("white"),
                column("two"),
                column("hispanic"),
                flags[0][j],
                flags[1][j],
                flags[2][j],
                flags[3][j],
            ));
            let race_label = match race[j] {
                "white" => "White",
                "asian" => "Asian",
                "blackOrAfricanAmerican" => "Black or African American",
                "americanIndianOrAlaskaNative" => "American Indian or Alaska Native",
                "hispanic" => "Hispanic or Latino",
                _ => "Two or more races",
            };
            let gender = match sex[j] {
                "female" => "Female",
                "male" => "Male",
                _ => "Another gender",
            };
            students.push(Student {
                sourced: id,
                school: k,
                groups: [
                    gender.into(),
                    race_label.into(),
                    label_of(flags[0][j]),
                    label_of(flags[1][j]),
                    label_of(flags[2][j]),
                    label_of(flags[3][j]),
                    format!("Grade {}", grades[j]),
                    school.name.into(),
                ],
            });
        }
    }
    (orgs, users, demographics, students)
}

async fn upload(app: &TestApp, client: &Client, orgs: String, users: String, demographics: String) {
    let upload = app
        .upload_roster(
            client,
            orgs.as_bytes(),
            users.as_bytes(),
            demographics.as_bytes(),
        )
        .await;
    assert!(!upload.refused, "{}", upload.page);
}

/// A fixed pseudo-random number per (student, year, purpose).
fn hash(a: u64, b: u64, c: u64) -> u64 {
    let mut x = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(c.wrapping_mul(0x94D0_49BB_1331_11EB));
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

/// Applications, placements and completions in past school years. Each
/// year has two postings (a student applies to one of them, by hash): in
/// the last year one paid and reachable by transit, one unpaid and not, so
/// that `/impact`'s shares have parts at every school.
/// Applications (at most one a year per student) spread over ten months;
/// in the `bunched` year over three, one of them small, so that the
/// year's total minus two shown months would give the third.
async fn seed_events(
    app: &TestApp,
    students: &[Student],
    postings: &[(i32, [i32; 2])],
    bunched: i32,
) {
    for (k, s) in students.iter().enumerate() {
        let student = entity::student::Entity::find()
            .filter(entity::student::Column::SourcedId.eq(s.sourced.clone()))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        for &(year, pair) in postings {
            let h = |purpose| hash(k as u64, year as u64, purpose) % 100;
            let opportunity = pair[(h(6) % 2) as usize];
            // Engagement differs by school and group, so some stage cells are small.
            let chance = if s.groups[2] == "Yes" { 35 } else { 55 } + 10 * s.school as u64;
            if h(1) >= chance {
                continue;
            }
            let month = NaiveDate::from_ymd_opt(year, 8, 10)
                .unwrap()
                .checked_add_months(Months::new(if year == bunched {
                    match h(2) {
                        0..8 => 0,
                        8..54 => 1,
                        _ => 2,
                    }
                } else {
                    (h(2) % 10) as u32
                }))
                .unwrap();
            let at = Utc
                .with_ymd_and_hms(month.year(), month.month(), 10, 12, 0, 0)
                .unwrap();
            let application = entity::application::ActiveModel {
                opportunity_id: Set(opportunity),
                student_id: Set(student.id),
                status: Set(entity::ApplicationStatus::Submitted),
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
            if h(3) < 80 {
                let completed = h(4) < 50;
                entity::placement::ActiveModel {
                    application_id: Set(application.id),
                    opportunity_id: Set(opportunity),
                    student_id: Set(student.id),
                    status: Set(if completed {
                        entity::PlacementStatus::Completed
                    } else {
                        entity::PlacementStatus::Active
                    }),
                    start_date: Set(month),
                    end_date: Set(month + chrono::Duration::days(30)),
                    created_at: Set(at + chrono::Duration::days(5)),
                    ended_at: Set(completed.then(|| at + chrono::Duration::days(40))),
                    // Most placements name a mentor: the dashboard's mentor
                    // shares are read (and attacked) too.
                    mentor_name: Set((h(5) < 50).then(|| "Rosa".to_owned())),
                    ..Default::default()
                }
                .insert(&app.db)
                .await
                .unwrap();
            }
        }
    }
}

// ------------------------------------------------------------------ views

/// The numbers of one view, as counts (rates turned back into counts).
#[derive(Debug, Default, Clone, PartialEq)]
struct View {
    scope_hidden: bool,
    cohort: Option<usize>,
    stages: [Option<usize>; 3],
    /// Placed students with a named mentor (from the share of the placed).
    mentored: Option<usize>,
    /// (dimension, group) → size, stage counts, and the rest's stage counts
    /// (from the gap).
    groups: BTreeMap<(String, String), GroupView>,
    trend: Vec<[Option<usize>; 2]>,
    left_out: Vec<String>,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct GroupView {
    students: Option<usize>,
    stages: [Option<usize>; 3],
    rests: [Option<usize>; 3],
    mentored: Option<usize>,
}

fn cells(row: &str) -> Vec<String> {
    row.split("<td")
        .skip(1)
        .map(|c| {
            let inner = &c[c.find('>').unwrap() + 1..];
            inner[..inner.find("</td>").unwrap()].trim().to_owned()
        })
        .collect()
}

fn number(text: &str) -> Option<f64> {
    text.trim_end_matches('%').parse().ok()
}

fn count(rate: f64, of: usize) -> usize {
    (rate * of as f64 / 100.0).round() as usize
}

fn row_after<'a>(html: &'a str, marker: &str) -> Option<&'a str> {
    let at = html.find(marker)?;
    let rest = &html[at..];
    Some(&rest[..rest.find("</tr>").unwrap_or(rest.len())])
}

fn parse_html(html: &str) -> View {
    let mut view = View {
        scope_hidden: html.contains("id=\"scope-hidden\""),
        ..View::default()
    };
    if let Some(p) = html.split("id=\"left-out\"").nth(1) {
        let p = &p[..p.find("</p>").unwrap()];
        view.left_out = SCHOOLS
            .iter()
            .filter(|s| p.contains(s.name))
            .map(|s| s.name.to_owned())
            .collect();
    }
    if view.scope_hidden {
        assert!(!html.contains("funnel-cohort") && !html.contains("data-group"));
        return view;
    }
    view.cohort = row_after(html, "id=\"funnel-cohort\"")
        .and_then(|r| number(&cells(r)[0]))
        .map(|n| n as usize);
    let n = view.cohort.unwrap();
    for (s, key) in ["engaged", "placed", "completed"].iter().enumerate() {
        let row = row_after(html, &format!("id=\"funnel-{key}\"")).unwrap();
        view.stages[s] = number(&cells(row)[0]).map(|c| c as usize);
    }
    let share = row_after(html, "id=\"funnel-mentored\"").and_then(|r| number(&cells(r)[0]));
    view.mentored =
        share.map(|r| count(r, view.stages[1].expect("a share of a shown placed count")));
    for chunk in html.split("<tr data-group=\"").skip(1) {
        let key = &chunk[..chunk.find('"').unwrap()];
        let (dimension, group) = key.split_once(':').unwrap();
        let row = &chunk[..chunk.find("</tr>").unwrap()];
        let tds = cells(row);
        let mut g = GroupView::default();
        if !row.contains("colspan") {
            let size = number(&tds[0]).unwrap() as usize;
            g.students = Some(size);
            for s in 0..3 {
                let rate = number(&tds[1 + 2 * s]);
                let gap = number(&tds[2 + 2 * s]);
                g.stages[s] = rate.map(|r| count(r, size));
                if let (Some(r), Some(gap)) = (rate, gap) {
                    g.rests[s] = Some(count(r - gap, n - size));
                }
            }
            // /impact's group table has no mentor column (nor belonging).
            g.mentored = tds
                .get(8)
                .and_then(|t| number(t))
                .map(|r| count(r, g.stages[1].expect("a share of a shown placed count")));
        }
        view.groups
            .insert((dimension.to_owned(), group.to_owned()), g);
    }
    for chunk in html.split("<tr id=\"trend-").skip(1) {
        let row = &chunk[..chunk.find("</tr>").unwrap()];
        let tds = cells(row);
        view.trend.push([
            number(&tds[0]).map(|r| count(r, n)),
            number(&tds[1]).map(|r| count(r, n)),
        ]);
    }
    view
}

/// The CSV has the shown groups only, with empty hidden fields; it must
/// agree with the page.
fn check_csv_agrees(csv: &str, view: &View) {
    let mut shown = 0;
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        // The dimension's key is the last column (the first is its label).
        let key = (f[f.len() - 1].to_owned(), f[1].to_owned());
        let g = view
            .groups
            .get(&key)
            .unwrap_or_else(|| panic!("{key:?} in the CSV but not on the page"));
        let size: usize = f[2].parse().unwrap();
        assert_eq!(g.students, Some(size), "{key:?}");
        for s in 0..3 {
            assert_eq!(
                g.stages[s],
                number(f[3 + 2 * s]).map(|r| count(r, size)),
                "{key:?} stage {s}"
            );
        }
        shown += 1;
    }
    let on_page = view
        .groups
        .values()
        .filter(|g| g.students.is_some())
        .count();
    assert_eq!(shown, on_page, "the CSV has every shown group and no other");
}

// ------------------------------------------------------------------ algebra

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

type Row = BTreeMap<usize, i128>;

fn combine(row: &Row, a: i128, pivot: &Row, b: i128) -> Row {
    // a·row − b·pivot, divided by the gcd of what is left.
    let mut out: Row = row.iter().map(|(&k, &v)| (k, v * a)).collect();
    for (&k, &v) in pivot {
        *out.entry(k).or_insert(0) -= v * b;
    }
    out.retain(|_, v| *v != 0);
    let g = out.values().fold(0, |g, &v| gcd(g, v));
    if g > 1 {
        out.values_mut().for_each(|v| *v /= g);
    }
    out
}

/// Exact Gauss-Jordan elimination over the integers, row by row.
#[derive(Default)]
struct Solver {
    pivots: Vec<(usize, Row)>,
}

impl Solver {
    fn reduce(&self, mut row: Row) -> Row {
        for (c, pivot) in &self.pivots {
            if let Some(&b) = row.get(c) {
                row = combine(&row, pivot[c], pivot, b);
            }
        }
        row
    }

    fn add(&mut self, row: Row) {
        let row = self.reduce(row);
        let Some((&c, &a)) = row.iter().next() else {
            return;
        };
        for (_, pivot) in self.pivots.iter_mut() {
            if let Some(&b) = pivot.get(&c) {
                *pivot = combine(pivot, a, &row, b);
            }
        }
        self.pivots.push((c, row));
    }

    /// The published numbers fix `row · counts` exactly.
    fn determined(&self, row: Row) -> bool {
        self.reduce(row).is_empty()
    }
}

/// The unknowns: every true count of every school.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Var {
    Cohort(usize),
    Size(usize, String, String),
    Stage(usize, i32, usize),
    GroupStage(usize, i32, String, String, usize),
    Mentored(usize, i32),
    GroupMentored(usize, i32, String, String),
    Month(usize, i32, usize, usize),
}

#[derive(Default)]
struct Unknowns {
    index: BTreeMap<Var, usize>,
}

impl Unknowns {
    fn of(&mut self, var: Var) -> usize {
        let next = self.index.len();
        *self.index.entry(var).or_insert(next)
    }

    fn sum(&mut self, vars: impl IntoIterator<Item = Var>) -> Row {
        let mut row = Row::new();
        for v in vars {
            *row.entry(self.of(v)).or_insert(0) += 1;
        }
        row
    }
}

/// Which groups each school really has, per dimension.
fn true_groups(students: &[Student]) -> Vec<BTreeMap<String, BTreeSet<String>>> {
    let mut groups = vec![BTreeMap::<String, BTreeSet<String>>::new(); SCHOOLS.len()];
    for s in students {
        for (d, g) in DIMENSIONS.iter().zip(&s.groups) {
            groups[s.school]
                .entry((*d).to_owned())
                .or_default()
                .insert(g.clone());
        }
    }
    groups
}

/// The equations one view gives, each a sum over the schools it covers,
/// and the sums it hides.
fn equations(
    view: &View,
    schools: &[usize],
    year: i32,
    groups: &[BTreeMap<String, BTreeSet<String>>],
    u: &mut Unknowns,
) -> (Vec<Row>, Vec<(String, Row)>) {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    let mut put = |is_shown: bool, what: String, row: Row| {
        if is_shown {
            shown.push(row)
        } else {
            hidden.push((what, row))
        }
    };
    let with = |d: &str, g: &str| -> Vec<usize> {
        schools
            .iter()
            .copied()
            .filter(|&i| groups[i].get(d).is_some_and(|set| set.contains(g)))
            .collect()
    };
    put(
        view.cohort.is_some(),
        "cohort".into(),
        u.sum(schools.iter().map(|&i| Var::Cohort(i))),
    );
    for s in 0..3 {
        put(
            view.stages[s].is_some(),
            format!("stage {s}"),
            u.sum(schools.iter().map(|&i| Var::Stage(i, year, s))),
        );
    }
    put(
        view.mentored.is_some(),
        "mentored".into(),
        u.sum(schools.iter().map(|&i| Var::Mentored(i, year))),
    );
    // Every group of every covered school, listed or not.
    let mut all: BTreeSet<(String, String)> = BTreeSet::new();
    for &i in schools {
        for (d, set) in &groups[i] {
            for g in set {
                all.insert((d.clone(), g.clone()));
            }
        }
    }
    for (d, g) in all {
        let view_group = view
            .groups
            .get(&(d.clone(), g.clone()))
            .cloned()
            .unwrap_or_default();
        let parts = with(&d, &g);
        put(
            view_group.students.is_some(),
            format!("size {d}:{g}"),
            u.sum(parts.iter().map(|&i| Var::Size(i, d.clone(), g.clone()))),
        );
        put(
            view_group.mentored.is_some(),
            format!("mentored of {d}:{g}"),
            u.sum(
                parts
                    .iter()
                    .map(|&i| Var::GroupMentored(i, year, d.clone(), g.clone())),
            ),
        );
        for s in 0..3 {
            put(
                view_group.stages[s].is_some(),
                format!("stage {s} of {d}:{g}"),
                u.sum(
                    parts
                        .iter()
                        .map(|&i| Var::GroupStage(i, year, d.clone(), g.clone(), s)),
                ),
            );
            if view_group.rests[s].is_some() {
                // Everyone else in the stage: the total minus the group.
                let mut row = u.sum(schools.iter().map(|&i| Var::Stage(i, year, s)));
                for &i in &parts {
                    let c = u.of(Var::GroupStage(i, year, d.clone(), g.clone(), s));
                    *row.entry(c).or_insert(0) -= 1;
                }
                row.retain(|_, v| *v != 0);
                put(true, String::new(), row);
            }
        }
    }
    for m in 0..12 {
        for k in 0..2 {
            let is_shown = view.trend.get(m).is_some_and(|p| p[k].is_some());
            put(
                is_shown,
                format!("month {m} series {k}"),
                u.sum(schools.iter().map(|&i| Var::Month(i, year, m, k))),
            );
        }
    }
    (shown, hidden)
}

/// What every count obeys whatever was published: groups add up to the
/// cohort, group stage counts to the stage's total, the trend's months to
/// the year's total (each student applies at most once a year here), and
/// months still to come are zeros. Also returns those known zeros.
fn structure(
    groups: &[BTreeMap<String, BTreeSet<String>>],
    years: &[i32],
    today: NaiveDate,
    u: &mut Unknowns,
) -> (Vec<Row>, BTreeSet<usize>) {
    let mut rows = Vec::new();
    let mut zeros = BTreeSet::new();
    for i in 0..groups.len() {
        for &y in years {
            for k in 0..2 {
                let mut row = u.sum((0..12).map(|m| Var::Month(i, y, m, k)));
                *row.entry(u.of(Var::Stage(i, y, k))).or_insert(0) -= 1;
                rows.push(row);
                for m in 0..12u32 {
                    let start = NaiveDate::from_ymd_opt(y, 8, 1)
                        .unwrap()
                        .checked_add_months(Months::new(m))
                        .unwrap();
                    if start > today {
                        let c = u.of(Var::Month(i, y, m as usize, k));
                        rows.push(Row::from([(c, 1)]));
                        zeros.insert(c);
                    }
                }
            }
        }
    }
    for (i, dims) in groups.iter().enumerate() {
        for (d, set) in dims {
            let mut row = u.sum(set.iter().map(|g| Var::Size(i, d.clone(), g.clone())));
            *row.entry(u.of(Var::Cohort(i))).or_insert(0) -= 1;
            rows.push(row);
            for &y in years {
                let mut row = u.sum(
                    set.iter()
                        .map(|g| Var::GroupMentored(i, y, d.clone(), g.clone())),
                );
                *row.entry(u.of(Var::Mentored(i, y))).or_insert(0) -= 1;
                rows.push(row);
                for s in 0..3 {
                    let mut row = u.sum(
                        set.iter()
                            .map(|g| Var::GroupStage(i, y, d.clone(), g.clone(), s)),
                    );
                    *row.entry(u.of(Var::Stage(i, y, s))).or_insert(0) -= 1;
                    rows.push(row);
                }
            }
        }
    }
    (rows, zeros)
}

// ------------------------------------------------------------------ the attack

struct Fixture {
    counselor: TestUser,
    school_ids: Vec<i32>,
    students: Vec<Student>,
    current: i32,
}

/// Each school's view (its `school=` value and the index of the one school
/// it covers), then the all-schools view (empty value, all three).
fn school_scopes(f: &Fixture) -> Vec<(String, Vec<usize>)> {
    let mut scopes: Vec<(String, Vec<usize>)> = f
        .school_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.to_string(), vec![i]))
        .collect();
    scopes.push((String::new(), vec![0, 1, 2]));
    scopes
}

async fn fixture(app: &TestApp) -> Fixture {
    let admin = app.admin().await;
    let (orgs, users, demographics, students) = roster();
    upload(app, &admin, orgs, users, demographics).await;
    let mut school_ids = Vec::new();
    for s in &SCHOOLS {
        school_ids.push(
            entity::school::Entity::find()
                .filter(entity::school::Column::SourcedId.eq(s.sourced))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    let counselor = app.counselor("pat@district.edu", &school_ids.clone()).await;
    let employer = app
        .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
        .await;
    let current = school_year_of(stembridge::format::today());
    let mut postings = Vec::new();
    for year in [current - 1, current - 2, current - 3] {
        let paid = app.published(&employer, &posting(&[])).await;
        postings.push((year, [paid, paid]));
    }
    postings[0].1[1] = app
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
    seed_events(app, &students, &postings, current - 3).await;
    Fixture {
        counselor,
        school_ids,
        students,
        current,
    }
}

/// Per school (in `schools` order): placements started in `year` holding a
/// seat, of them at a paid posting, at one reachable by transit or remote,
/// and the students with one: what the school's counselor knows.
async fn started_parts(app: &TestApp, schools: &[i32], year: i32) -> Vec<[usize; 4]> {
    let (start, end) = stembridge::counseling::service::school_year_bounds(year);
    let placements = entity::placement::Entity::find()
        .filter(entity::placement::Column::Status.is_in(entity::PlacementStatus::HOLDING_A_SLOT))
        .filter(entity::placement::Column::CreatedAt.gte(start))
        .filter(entity::placement::Column::CreatedAt.lt(end))
        .all(&app.db)
        .await
        .unwrap();
    let mut parts = vec![[0; 4]; schools.len()];
    let mut students: Vec<BTreeSet<i32>> = vec![BTreeSet::new(); schools.len()];
    for p in placements {
        let school = entity::student::Entity::find_by_id(p.student_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .school_id;
        let posting = entity::opportunity::Entity::find_by_id(p.opportunity_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let transit = entity::opportunity_feature::Entity::find()
            .filter(entity::opportunity_feature::Column::OpportunityId.eq(posting.id))
            .filter(
                entity::opportunity_feature::Column::Feature
                    .eq(entity::AccessNeed::TransitAccessible),
            )
            .one(&app.db)
            .await
            .unwrap()
            .is_some();
        let i = schools.iter().position(|&s| s == school).unwrap();
        parts[i][0] += 1;
        parts[i][1] += usize::from(posting.compensation != entity::Compensation::Unpaid);
        parts[i][2] += usize::from(transit || posting.mode == entity::WorkMode::Remote);
        students[i].insert(p.student_id);
    }
    for (part, who) in parts.iter_mut().zip(students) {
        part[3] = who.len();
    }
    parts
}

async fn text(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = app.get_as(client, path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn no_hidden_count_can_be_worked_out_from_every_view_a_counselor_can_read() {
    on_each_backend(async |app: TestApp| {
        let f = fixture(&app).await;
        let groups = true_groups(&f.students);
        let years = [f.current, f.current - 1, f.current - 2, f.current - 3];
        // Scopes: each school alone, then all of them.
        let mut scopes: Vec<(String, Vec<usize>)> = f
            .school_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.to_string(), vec![i]))
            .collect();
        scopes.push((String::new(), (0..SCHOOLS.len()).collect()));

        let mut u = Unknowns::default();
        let mut solver = Solver::default();
        let (rows, zeros) = structure(&groups, &years, stembridge::format::today(), &mut u);
        for row in rows {
            solver.add(row);
        }
        let mut hidden: Vec<(String, Row)> = Vec::new();
        // Counts each school's own view prints (and the known zeros).
        let mut published: BTreeSet<usize> = zeros.clone();
        let mut views_read = 0;
        let mut views: BTreeMap<(String, i32), View> = BTreeMap::new();
        for &year in &years {
            for (school, covered) in &scopes {
                let query = format!("school={school}&year={year}");
                let (status, html) =
                    text(&app, &f.counselor, &format!("/counselor/dashboard?{query}")).await;
                assert_eq!(status, StatusCode::OK, "{query}: {html}");
                let view = parse_html(&html);
                // The year's total minus the shown months: what the hidden
                // months that have begun hold together. Counts are at least
                // zero, so a sum under the threshold (0 too) or a lone
                // hidden month gives something away.
                for k in 0..2 {
                    let Some(total) = view.stages[k] else { continue };
                    let begun = (0..12u32).filter(|&m| {
                        NaiveDate::from_ymd_opt(year, 8, 1)
                            .unwrap()
                            .checked_add_months(Months::new(m))
                            .unwrap()
                            <= stembridge::format::today()
                    });
                    let (mut hidden_months, mut shown_sum) = (0, 0);
                    for m in begun {
                        match view.trend.get(m as usize).and_then(|p| p[k]) {
                            Some(v) => shown_sum += v,
                            None => hidden_months += 1,
                        }
                    }
                    let rest = total as i64 - shown_sum as i64;
                    assert!(
                        hidden_months == 0 || (hidden_months >= 2 && rest >= THRESHOLD as i64),
                        "{query}: the year's total minus the shown months of series {k} leaves {rest} in {hidden_months} hidden months"
                    );
                }
                let (status, csv) = text(
                    &app,
                    &f.counselor,
                    &format!("/counselor/dashboard/groups.csv?{query}"),
                )
                .await;
                assert_eq!(status, StatusCode::OK);
                check_csv_agrees(&csv, &view);
                views_read += 2;
                // The attacker reads the combined view as the sum of the
                // schools it does not name as left out.
                let covered: Vec<usize> = covered
                    .iter()
                    .copied()
                    .filter(|&i| !view.left_out.iter().any(|n| n == SCHOOLS[i].name))
                    .collect();
                let (shown, hides) = equations(&view, &covered, year, &groups, &mut u);
                if school.is_empty() {
                    // A combined number of one school's cell must be shown there too.
                    for row in &shown {
                        if let [(column, 1)] = row.iter().map(|(c, v)| (*c, *v)).collect::<Vec<_>>()[..] {
                            assert!(published.contains(&column), "{query}: the combined view shows a count its school hides");
                        }
                    }
                } else {
                    for row in &shown {
                        if let [(column, 1)] = row.iter().map(|(c, v)| (*c, *v)).collect::<Vec<_>>()[..] {
                            published.insert(column);
                        }
                    }
                }
                for row in shown {
                    solver.add(row);
                }
                hidden.extend(
                    hides
                        .into_iter()
                        .map(|(what, row)| (format!("{query}: {what}"), row)),
                );
                views.insert((school.clone(), year), view);
            }
            // The public impact page (no login) of the same year: one more
            // view of every school, whose equations join the attacker's.
            if year != f.current {
                // As the summer job publishes a closed year.
                stembridge::impact::published::publish_closed(&app.db, year, stembridge::format::today(), 10)
                    .await
                    .unwrap();
            }
            let (status, html) = text(&app, &new_client(), &format!("/impact?year={year}")).await;
            assert_eq!(status, StatusCode::OK, "/impact?year={year}");
            if year == f.current {
                // The current year's students are published once it closes.
                assert!(html.contains("id=\"impact-not-published\""), "{html}");
                for marker in ["funnel-cohort", "data-group", "impact-started", "impact-paid", "impact-hours"] {
                    assert!(!html.contains(marker), "/impact?year={year}: {marker}");
                }
                continue;
            }
            let view = parse_html(&html);
            // The public page names no school: it leaves out the same ones
            // as the counselor's view of every school.
            assert!(view.left_out.is_empty());
            let all = &views[&(String::new(), year)];
            let covered: Vec<usize> = (0..SCHOOLS.len())
                .filter(|&i| !all.left_out.iter().any(|n| n == SCHOOLS[i].name))
                .collect();
            // What it leaves out (the school dimension, the trend) is shown
            // or hidden by the views above: only what it shows is new.
            let (shown, _) = equations(&view, &covered, year, &groups, &mut u);
            assert_eq!(view.cohort, all.cohort, "one scope: all schools");
            for row in &shown {
                if let [(column, 1)] = row.iter().map(|(c, v)| (*c, *v)).collect::<Vec<_>>()[..] {
                    assert!(published.contains(&column), "/impact?year={year} shows a count a school's view hides");
                }
            }
            for row in shown {
                solver.add(row);
            }
            views_read += 1;
            // A counselor of one school knows each of its placements (paid
            // or not, reachable or not): a share or total over every school
            // minus their own part must leave only parts that cleared the
            // rules, so each is shown only when every school's part is.
            let parts = started_parts(&app, &f.school_ids, year).await;
            let shown = |id: &str| row_after(&html, id).and_then(|r| number(&cells(r)[0]));
            let clears = |part: usize, whole: usize| part >= THRESHOLD && whole - part >= THRESHOLD;
            for (id, k) in [("id=\"impact-paid\"", 1), ("id=\"impact-access\"", 2)] {
                if shown(id).is_some() {
                    assert!(
                        parts.iter().all(|p| p[0] == 0 || clears(p[k], p[0])),
                        "/impact?year={year} {id}: a school's part is small: {parts:?}"
                    );
                }
            }
            if shown("id=\"impact-hours\"").is_some() {
                assert!(
                    parts.iter().all(|p| p[0] == 0 || p[3] >= THRESHOLD),
                    "/impact?year={year}: hours of a school with few students placed: {parts:?}"
                );
            }
            if year == f.current - 1 {
                // The case the review found: over every school the share
                // clears, yet the small school's part does not.
                let sum = |k: usize| parts.iter().map(|p| p[k]).sum::<usize>();
                assert!(clears(sum(1), sum(0)), "{parts:?}");
                assert!(parts[2][0] > 0 && !clears(parts[2][1], parts[2][0]), "{parts:?}");
                assert_eq!(shown("id=\"impact-paid\""), None);
            }
        }

        // Sanity: small groups exist in several schools and are hidden there.
        let a = &views[&(f.school_ids[0].to_string(), f.current - 1)];
        let b = &views[&(f.school_ids[1].to_string(), f.current - 1)];
        for v in [a, b] {
            let asian = &v.groups[&("race_ethnicity".to_owned(), "Asian".to_owned())];
            assert!(asian.students.is_none(), "4 Asian students: hidden");
        }
        let c = &views[&(f.school_ids[2].to_string(), f.current - 1)];
        assert!(c.scope_hidden, "a school of 4 shows nothing");
        let all = &views[&(String::new(), f.current - 1)];
        assert_eq!(all.left_out, vec![SCHOOLS[2].name.to_owned()]);
        assert_eq!(all.cohort, Some(100), "A and B");
        // Both schools hide "another gender" and, as its complement, the
        // same group (the next in the fixed order, `HIDE_FIRST`), so the
        // combined view still shows the other one.
        let shown_genders: Vec<&String> = all
            .groups
            .iter()
            .filter(|((d, _), g)| d == "gender" && g.students.is_some())
            .map(|((_, g), _)| g)
            .collect();
        assert_eq!(shown_genders, vec!["Male"], "{:?}", all.groups.keys());
        // That group's list holds the students of the schools its figures
        // count: none of the school left out (eyes13d F1).
        let (status, csv) = text(
            &app,
            &f.counselor,
            &format!(
                "/counselor/outreach/students.csv?school=&year={}&group=gender%3AMale",
                f.current - 1
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{csv}");
        assert!(csv.lines().count() > 1, "{csv}");
        assert!(csv.contains(SCHOOLS[0].name), "{csv}");
        assert!(!csv.contains(SCHOOLS[2].name), "{csv}");

        // The mentor shares are on the pages, some shown and some hidden.
        let shares: Vec<Option<usize>> = views
            .values()
            .flat_map(|v| v.groups.values().filter(|g| g.students.is_some()).map(|g| g.mentored))
            .collect();
        assert!(
            shares.iter().any(Option::is_some) && shares.iter().any(Option::is_none),
            "mentor shares: {shares:?}"
        );
        assert!(views.values().any(|v| v.mentored.is_some()));

        // Every hidden count, and every hidden sum of a combined view.
        let mut checked = 0;
        let unknowns: Vec<(Var, usize)> = u.index.iter().map(|(v, &c)| (v.clone(), c)).collect();
        for (var, column) in &unknowns {
            if published.contains(column) {
                continue;
            }
            checked += 1;
            assert!(
                !solver.determined(Row::from([(*column, 1)])),
                "{var:?} can be worked out from the published numbers"
            );
        }
        for (what, row) in &hidden {
            if row.keys().all(|c| zeros.contains(c)) {
                continue;
            }
            assert!(
                !solver.determined(row.clone()),
                "hidden {what} can be worked out from the published numbers"
            );
        }
        println!(
            "{views_read} dashboard views, {} unknown counts, {} independent equations, {checked} hidden counts and {} hidden numbers checked",
            unknowns.len(),
            solver.pivots.len(),
            hidden.len()
        );

        // Pairs of views: all schools minus one school never leaves a small count.
        for &year in &years {
            let all = &views[&(String::new(), year)];
            for (i, id) in f.school_ids.iter().enumerate().take(2) {
                let one = &views[&(id.to_string(), year)];
                let other = &views[&(f.school_ids[1 - i].to_string(), year)];
                for (key, g) in &all.groups {
                    if let (Some(total), Some(part)) = (g.students, one.groups.get(key).and_then(|x| x.students)) {
                        let rest = total - part;
                        let shown_rest = other.groups.get(key).and_then(|x| x.students);
                        assert!(
                            rest == 0 || rest >= THRESHOLD || shown_rest == Some(rest),
                            "{key:?}: all minus one school isolates {rest}"
                        );
                    }
                }
            }
        }

        // The dashboard still shows every group of at least the threshold,
        // but for one complement in a dimension with a small group; the
        // combined view shows a group exactly when every school shows it.
        for &year in &years {
            for (i, id) in f.school_ids.iter().enumerate().take(2) {
                let view = &views[&(id.to_string(), year)];
                for d in DIMENSIONS {
                    let sizes: BTreeMap<&String, usize> = groups[i][d]
                        .iter()
                        .map(|g| {
                            (g, f.students.iter().filter(|s| s.school == i && s.groups[DIMENSIONS.iter().position(|x| *x == d).unwrap()] == *g).count())
                        })
                        .collect();
                    let small = sizes.values().any(|&n| n < THRESHOLD);
                    let size_shown = |g: &String| {
                        view.groups
                            .get(&(d.to_owned(), g.clone()))
                            .and_then(|x| x.students)
                    };
                    let large_hidden = sizes
                        .iter()
                        .filter(|(g, n)| **n >= THRESHOLD && size_shown(g).is_none())
                        .count();
                    assert!(
                        large_hidden <= usize::from(small),
                        "{d} at school {i}: {large_hidden} groups of {THRESHOLD} or more hidden"
                    );
                    for (g, n) in &sizes {
                        if !small {
                            assert_eq!(size_shown(g), Some(*n), "{d}:{g}");
                        }
                    }
                }
            }
            let all = &views[&(String::new(), year)];
            for (key, g) in &all.groups {
                // A school that lists no group of the dimension hides it
                // whole: the combined view then hides it whole too.
                let every = (0..2).all(|i| {
                    let view = &views[&(f.school_ids[i].to_string(), year)];
                    view.groups.keys().any(|(d, _)| *d == key.0)
                        && view.groups.get(key).is_none_or(|x| x.students.is_some())
                });
                assert_eq!(g.students.is_some(), every, "{key:?}");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn date_ranges_are_whole_school_years_so_adjacent_ranges_show_the_same_numbers() {
    on_each_backend(async |app: TestApp| {
        let f = fixture(&app).await;
        let year = f.current - 1;
        let mut read = 0;
        for school in [String::new(), f.school_ids[0].to_string()] {
            let (_, html) = text(
                &app,
                &f.counselor,
                &format!("/counselor/dashboard?school={school}&year={year}"),
            )
            .await;
            let whole = parse_html(&html);
            for (from, to) in [
                (format!("{year}-09-01"), format!("{year}-09-30")),
                (format!("{year}-10-01"), format!("{year}-10-31")),
                (format!("{year}-09-01"), format!("{year}-10-31")),
                (format!("{year}-09-02"), format!("{year}-10-31")),
                (format!("{}-03-01", year + 1), format!("{}-07-31", year + 1)),
            ] {
                let (status, page) = text(
                    &app,
                    &f.counselor,
                    &format!("/counselor/dashboard?school={school}&from={from}&to={to}"),
                )
                .await;
                assert_eq!(status, StatusCode::OK);
                assert!(
                    page.contains("widened"),
                    "the page says the dates were widened"
                );
                assert_eq!(
                    parse_html(&page),
                    whole,
                    "{from}..{to} is the whole school year"
                );
                let (_, csv) = text(
                    &app,
                    &f.counselor,
                    &format!("/counselor/dashboard/groups.csv?school={school}&from={from}&to={to}"),
                )
                .await;
                check_csv_agrees(&csv, &whole);
                read += 2;
            }
            // Across two school years: refused, with a message.
            for path in [
                "/counselor/dashboard",
                "/counselor/dashboard/groups.csv",
                "/counselor/outreach",
            ] {
                let (status, body) = text(
                    &app,
                    &f.counselor,
                    &format!(
                        "{path}?school={school}&from={}-07-01&to={}-08-31",
                        year + 1,
                        year + 1
                    ),
                )
                .await;
                assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
                assert!(body.contains("same school year"), "{body}");
            }
        }
        for bad in [
            "year=1999",
            &format!("year={}", f.current + 1),
            "year=soon",
            "from=yesterday",
        ] {
            let (status, _) =
                text(&app, &f.counselor, &format!("/counselor/dashboard?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        }
        println!("{read} crafted-range views read, each equal to its school year");
    })
    .await;
}

#[tokio::test]
async fn the_outreach_list_is_filtered_only_by_groups_the_dashboard_shows() {
    on_each_backend(async |app: TestApp| {
        let f = fixture(&app).await;
        let groups = true_groups(&f.students);
        let year = f.current - 1;
        let mut refused = 0;
        let mut allowed = 0;
        let mut columns_seen = BTreeSet::new();
        let scopes = school_scopes(&f);
        for (school, covered) in &scopes {
            let (_, html) = text(
                &app,
                &f.counselor,
                &format!("/counselor/dashboard?school={school}&year={year}"),
            )
            .await;
            let view = parse_html(&html);
            let (_, outreach) = text(
                &app,
                &f.counselor,
                &format!("/counselor/outreach?school={school}&year={year}"),
            )
            .await;
            let mut all: BTreeSet<(String, String)> = BTreeSet::new();
            for &i in covered {
                for (d, set) in &groups[i] {
                    all.extend(set.iter().map(|g| (d.clone(), g.clone())));
                }
            }
            for (d, g) in all {
                let in_view = view.groups.get(&(d.clone(), g.clone()));
                let shown = in_view.is_some_and(|x| x.students.is_some());
                let key = format!("{d}:{g}");
                assert_eq!(
                    outreach.contains(&format!("value=\"{key}\"")),
                    shown,
                    "{key} is offered exactly when shown"
                );
                let encoded = key.replace(' ', "+");
                for path in ["/counselor/outreach", "/counselor/outreach/students.csv"] {
                    for (status_filter, stage) in [("", None), ("not_engaged", Some(0)), ("completed", Some(2))] {
                        let (status, body) = text(
                            &app,
                            &f.counselor,
                            &format!("{path}?school={school}&year={year}&group={encoded}&status={status_filter}"),
                        )
                        .await;
                        // A status crosses the group with a stage: the
                        // dashboard must show that stage for the group.
                        let allowed_here = shown
                            && stage.is_none_or(|s: usize| in_view.is_some_and(|x| x.stages[s].is_some()));
                        if allowed_here {
                            assert_eq!(status, StatusCode::OK, "{path} {key}");
                            allowed += 1;
                            // Counting the rows must give no cell the
                            // dashboard hides: the grade column only for a
                            // grade group (never a grade by a group), the
                            // status column only where the group's rates
                            // are shown.
                            let rates = in_view.is_some_and(|x| x.stages.iter().all(Option::is_some));
                            let (grade_column, status_column) = if path.ends_with(".csv") {
                                let header: Vec<&str> =
                                    body.trim_start_matches('\u{feff}').lines().next().unwrap_or("").split(',').collect();
                                (header.contains(&"grade"), header.contains(&"status"))
                            } else {
                                (
                                    body.contains("<th scope=\"col\">Grade</th>"),
                                    body.contains("<th scope=\"col\">Status</th>"),
                                )
                            };
                            assert_eq!(grade_column, d == "grade", "{path} {key}: grade column");
                            assert_eq!(status_column, rates, "{path} {key}: status column");
                            if status_filter.is_empty() {
                                columns_seen.insert((d == "grade", rates));
                            }
                        } else {
                            assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {key}");
                            assert!(body.contains("cannot filter the list"), "{body}");
                            refused += 1;
                        }
                    }
                }
                if d == "grade" {
                    let grade = g.trim_start_matches("Grade ");
                    let (status, _) = text(
                        &app,
                        &f.counselor,
                        &format!("/counselor/outreach?school={school}&year={year}&grade={grade}"),
                    )
                    .await;
                    assert_eq!(status.is_success(), shown, "grade {grade}");
                }
            }
        }
        println!("outreach: {allowed} filtered views allowed, {refused} refused");
        assert!(refused > 20 && allowed > 20);
        // Groups that keep their status column and groups that lose it,
        // and grade groups (whose rates this fixture never shows), were
        // all read.
        assert!(
            [(false, true), (false, false), (true, false)]
                .iter()
                .all(|c| columns_seen.contains(c)),
            "{columns_seen:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_with_hidden_cells_reads_well_in_a_browser() {
    let Some(browser) = crate::browser::Browser::start(1280).await else {
        eprintln!("browser check skipped: set CHROMEDRIVER to run it");
        return;
    };
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let f = fixture(&app).await;
    browser.goto(&app.url("/login")).await;
    browser.fill("#f-email", "pat@district.edu").await;
    browser.fill("#f-password", PASSWORD).await;
    browser
        .click_and_wait("form[action=\"/login\"] button[type=submit]")
        .await;
    let year = f.current - 1;
    let mut problems = Vec::new();
    for path in [
        format!("/counselor/dashboard?year={year}"),
        format!(
            "/counselor/dashboard?school={}&year={year}",
            f.school_ids[0]
        ),
        format!(
            "/counselor/dashboard?school={}&year={year}",
            f.school_ids[2]
        ),
        format!("/counselor/outreach?school={}&year={year}", f.school_ids[0]),
    ] {
        browser.goto(&app.url(&path)).await;
        for v in browser.accessibility_violations().await {
            problems.push(format!("{path}: {v}"));
        }
        for v in browser.keyboard_problems().await {
            problems.push(format!("{path}: keyboard: {v}"));
        }
        let text = browser.text().await;
        assert!(
            path.contains("outreach") || text.contains("fewer than 10"),
            "{path} says what a hidden number means"
        );
        // At 1280 px the page uses the screen's width: no table scrolls
        // sideways, and the main column is wider than a phone's 48rem.
        let layout = browser
            .script(
                "const main = document.querySelector('main');
                 const wide = [...document.querySelectorAll('table')]
                   .filter(t => (t.closest('.scroll') || t.parentElement).scrollWidth
                     > (t.closest('.scroll') || t.parentElement).clientWidth + 1)
                   .map(t => t.querySelector('caption')?.textContent || 'a table');
                 return { main: main.clientWidth, page: document.documentElement.scrollWidth,
                          window: document.documentElement.clientWidth, wide };",
                serde_json::json!([]),
            )
            .await;
        let width = |k: &str| layout[k].as_f64().unwrap_or_default();
        assert!(
            layout["wide"].as_array().is_some_and(Vec::is_empty),
            "{path}: tables scroll sideways at 1280 px: {layout}"
        );
        assert!(width("page") <= width("window"), "{path}: {layout}");
        assert!(
            width("main") > 48.0 * 16.0,
            "{path}: main stays narrow: {layout}"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn on_a_phone_the_dashboard_keeps_one_column_and_its_table_scrolls_in_its_box() {
    let Some(browser) = crate::browser::Browser::start(390).await else {
        eprintln!("browser check skipped: set CHROMEDRIVER to run it");
        return;
    };
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let f = fixture(&app).await;
    browser.goto(&app.url("/login")).await;
    browser.fill("#f-email", "pat@district.edu").await;
    browser.fill("#f-password", PASSWORD).await;
    browser
        .click_and_wait("form[action=\"/login\"] button[type=submit]")
        .await;
    let year = f.current - 1;
    browser
        .goto(&app.url(&format!("/counselor/dashboard?year={year}")))
        .await;
    let layout = browser
        .script(
            "return { page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
                      main: document.querySelector('main').clientWidth };",
            serde_json::json!([]),
        )
        .await;
    let width = |k: &str| layout[k].as_f64().unwrap_or_default();
    // The page itself never scrolls sideways; a wide table scrolls inside
    // its own box, as before.
    assert!(width("page") <= width("window"), "{layout}");
    assert!(width("main") <= width("window"), "{layout}");
}

/// Each student's stages in one school year, read straight from the tables
/// (the test's own count, independent of the dashboard's SQL): engaged,
/// placed, completed, placed with a named mentor.
async fn stages_in(app: &TestApp, students: &[Student], year: i32) -> Vec<[bool; 4]> {
    let start = Utc.with_ymd_and_hms(year, 8, 1, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(year + 1, 8, 1, 0, 0, 0).unwrap();
    let within = |at: chrono::DateTime<Utc>| at >= start && at < end;
    let mut out = Vec::new();
    for s in students {
        let student = entity::student::Entity::find()
            .filter(entity::student::Column::SourcedId.eq(s.sourced.clone()))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let applications = entity::application::Entity::find()
            .filter(entity::application::Column::StudentId.eq(student.id))
            .all(&app.db)
            .await
            .unwrap();
        let placements = entity::placement::Entity::find()
            .filter(entity::placement::Column::StudentId.eq(student.id))
            .all(&app.db)
            .await
            .unwrap();
        let placed = |p: &entity::placement::Model| {
            entity::PlacementStatus::PLACED.contains(&p.status) && within(p.created_at)
        };
        out.push([
            applications.iter().any(|a| within(a.created_at)),
            placements.iter().any(placed),
            placements.iter().any(|p| {
                p.status == entity::PlacementStatus::Completed && p.ended_at.is_some_and(within)
            }),
            placements
                .iter()
                .any(|p| placed(p) && p.mentor_name.is_some()),
        ]);
    }
    out
}

/// The dashboard's numbers are the seeded students' own: every shown group
/// size, stage count and mentor count of each school's view (the students
/// of one school filtered in the database) and of the all-schools view
/// (no filter) equals what the test counts from the tables itself.
#[tokio::test]
async fn every_shown_dashboard_number_is_the_count_of_the_seeded_students() {
    on_each_backend(async |app: TestApp| {
        let f = fixture(&app).await;
        let year = f.current - 1;
        let stages = stages_in(&app, &f.students, year).await;
        let scopes = school_scopes(&f);
        let mut checked = 0;
        for (school, covered) in &scopes {
            let (status, html) = text(
                &app,
                &f.counselor,
                &format!("/counselor/dashboard?school={school}&year={year}"),
            )
            .await;
            assert_eq!(status, StatusCode::OK);
            let view = parse_html(&html);
            let mine: Vec<(&Student, &[bool; 4])> = f
                .students
                .iter()
                .zip(&stages)
                // A school under the threshold is left out of a combined view.
                .filter(|(s, _)| {
                    covered.contains(&s.school)
                        && !view
                            .left_out
                            .iter()
                            .any(|name| name == SCHOOLS[s.school].name)
                })
                .collect();
            let count_of = |of: &[&(&Student, &[bool; 4])], k: usize| {
                of.iter().filter(|(_, st)| st[k]).count()
            };
            let all: Vec<&(&Student, &[bool; 4])> = mine.iter().collect();
            if let Some(cohort) = view.cohort {
                assert_eq!(cohort, mine.len(), "scope {school:?} cohort");
                for s in 0..3 {
                    if let Some(n) = view.stages[s] {
                        assert_eq!(n, count_of(&all, s), "scope {school:?} stage {s}");
                        checked += 1;
                    }
                }
                if let Some(m) = view.mentored {
                    assert_eq!(m, count_of(&all, 3), "scope {school:?} mentored");
                }
            }
            for ((dimension, group), shown) in &view.groups {
                let Some(size) = shown.students else { continue };
                let d = DIMENSIONS.iter().position(|k| k == dimension).unwrap();
                let members: Vec<&(&Student, &[bool; 4])> =
                    mine.iter().filter(|(s, _)| &s.groups[d] == group).collect();
                assert_eq!(size, members.len(), "scope {school:?} {dimension}:{group}");
                checked += 1;
                for s in 0..3 {
                    if let Some(n) = shown.stages[s] {
                        assert_eq!(
                            n,
                            count_of(&members, s),
                            "scope {school:?} {dimension}:{group} stage {s}"
                        );
                        checked += 1;
                    }
                }
                if let Some(m) = shown.mentored {
                    assert_eq!(
                        m,
                        count_of(&members, 3),
                        "scope {school:?} {dimension}:{group} mentored"
                    );
                }
            }
        }
        println!("{checked} shown counts equal the seeded students'");
        assert!(checked > 40, "the views show enough to check ({checked})");
    })
    .await;
}

// ------------------------------------------------------- belonging (F4)

/// A completed placement of `student` made `at`, with a "before" answer
/// `before` and, when given, an "after" answer `after`, both dated `at`
/// (set-up: the clock of a past school year); the placement's id.
async fn answered_placement(
    app: &TestApp,
    opportunity: i32,
    student: i32,
    school: i32,
    at: chrono::DateTime<Utc>,
    before: i32,
    after: Option<i32>,
) -> i32 {
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
        status: Set(entity::PlacementStatus::Completed),
        start_date: Set(at.date_naive()),
        end_date: Set(at.date_naive()),
        created_at: Set(at),
        ended_at: Set(Some(at)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    for (stage, score) in [
        (entity::BelongingStage::Before, Some(before)),
        (entity::BelongingStage::After, after),
    ] {
        let Some(score) = score else { continue };
        entity::belonging_response::ActiveModel {
            placement_id: Set(placement.id),
            student_id: Set(student),
            stage: Set(stage),
            score: Set(score),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    placement.id
}

/// The school row's belonging cell on the counselor's dashboard of `year`.
async fn school_belonging(app: &TestApp, counselor: &TestUser, year: i32, school: &str) -> String {
    group_belonging(app, counselor, year, &format!("school:{school}")).await
}

/// The belonging change a counselor's dashboard shows for a group
/// (`dimension:group`) in `year`.
async fn group_belonging(app: &TestApp, counselor: &TestUser, year: i32, group: &str) -> String {
    let html = app
        .get_as(counselor, &format!("/counselor/dashboard?year={year}"))
        .await
        .text()
        .await
        .unwrap();
    let Some(at) = html.find(&format!("data-group=\"{group}\"")) else {
        return "not listed".to_owned();
    };
    let row = &html[at..];
    let row = &row[..row.find("</tr>").unwrap()];
    // The ninth cell after the name: the belonging change.
    row.split("<td")
        .nth(8)
        .and_then(|cell| cell.split('>').nth(1))
        .and_then(|cell| cell.split('<').next())
        .unwrap_or_default()
        .to_owned()
}

/// eyes16a F4: a belonging mean read before and after one student's answer
/// gave that answer. Now a school year's means are taken once after it
/// closed: a new answer, or a student leaving the roster, moves no mean
/// anyone can read, and the current year shows none.
#[tokio::test]
async fn no_two_readings_of_a_belonging_mean_differ_by_one_students_answer() {
    for backend in crate::helpers::backends() {
        let app = TestApp::spawn_with(backend, |config| config.stats_cache_seconds = 0).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Roosevelt High").await;
        let counselor = app.counselor_at(school).await;
        let today = stembridge::format::today();
        let this_year = school_year_of(today);
        let last_year = this_year - 1;
        let (last_starts, _) = stembridge::counseling::service::school_year_bounds(last_year);
        let in_last_year = last_starts + chrono::Duration::days(100);
        // Ten students of last year, each with a change of +1.
        let mut ids = Vec::new();
        for n in 0..10 {
            let student = entity::student::ActiveModel {
                school_id: Set(school),
                first_name: Set(format!("Answered{n}")),
                last_name: Set("Student".into()),
                grade: Set(10),
                active: Set(true),
                created_at: Set(in_last_year),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
            answered_placement(
                &app,
                opportunity,
                student.id,
                school,
                in_last_year,
                3,
                Some(4),
            )
            .await;
            ids.push(student.id);
        }
        // Omar, placed last year, answers "before" 1 and is asked "after" now.
        let omar = app.student(school, "Omar", "Jackson", 9).await;
        let omar_id = app
            .number("SELECT CAST(id AS BIGINT) AS n FROM student WHERE first_name = 'Omar'")
            .await as i32;
        let his =
            answered_placement(&app, opportunity, omar_id, school, in_last_year, 1, None).await;

        // Nothing is shown before the year is taken, live or not.
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "not shown"
        );
        // The summer's job takes last year: a mean of ten answers.
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "1"
        );

        // Omar answers "after" now (5: a change of +4), and a student leaves.
        let page = format!("/student/placements/{his}");
        let response = app
            .submit_as(
                &omar,
                &page,
                &format!("{page}/feedback"),
                &[("rating", "5"), ("belonging", "5"), ("comment", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        entity::student::Entity::update_many()
            .col_expr(
                entity::student::Column::Active,
                sea_orm::sea_query::Expr::value(false),
            )
            .filter(entity::student::Column::Id.eq(ids[0]))
            .exec(&app.db)
            .await
            .unwrap();
        // Last year reads as taken; this year shows no mean at all: no
        // reading tells Omar's +4, nor the leaver's +1.
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "1"
        );
        assert_eq!(
            school_belonging(&app, &counselor, this_year, "Roosevelt High").await,
            "not shown"
        );
        let csv = app
            .get_as(
                &counselor,
                &format!("/counselor/dashboard/groups.csv?year={this_year}"),
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(!csv.contains("1.3") && !csv.contains(",4.0"), "{csv}");
        // Taken again, nothing moves: the year is taken once.
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "1"
        );
    }
}

/// The dashboard remembers a school's figures while its data version
/// stands (`STATS_CACHE_SECONDS`, 60 here as by default): a page read
/// before last year was taken showed "not shown", and the next page after
/// the take shows the year's mean at once, not a minute later.
#[tokio::test]
async fn a_belonging_year_taken_shows_on_the_next_page_despite_the_remembered_figures() {
    for backend in crate::helpers::backends() {
        let app = TestApp::spawn_with(backend, |config| config.stats_cache_seconds = 60).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Roosevelt High").await;
        let counselor = app.counselor_at(school).await;
        let today = stembridge::format::today();
        let last_year = school_year_of(today) - 1;
        let (last_starts, _) = stembridge::counseling::service::school_year_bounds(last_year);
        let in_last_year = last_starts + chrono::Duration::days(100);
        for n in 0..10 {
            let student = entity::student::ActiveModel {
                school_id: Set(school),
                first_name: Set(format!("Answered{n}")),
                last_name: Set("Student".into()),
                grade: Set(10),
                active: Set(true),
                created_at: Set(in_last_year),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
            answered_placement(
                &app,
                opportunity,
                student.id,
                school,
                in_last_year,
                2,
                Some(4),
            )
            .await;
        }
        // Read (and remembered) before the year is taken.
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "not shown"
        );
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "2"
        );
        // Taking again moves nothing shown.
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "2"
        );
    }
}

/// eyes17a F1 and F2: a closed year's belonging is cleared once, when it is
/// taken. A small group emptying afterwards (its one student leaves) must
/// not let the group beside it show, which the school's mean would then
/// give the leaver's change from; and a school added after the year was
/// taken gets no belonging for it (its students' answers were taken at the
/// school they were at).
#[tokio::test]
async fn a_closed_years_hidden_belonging_stays_hidden_whatever_the_roster_does_later() {
    for backend in crate::helpers::backends() {
        let app = TestApp::spawn_with(backend, |config| config.stats_cache_seconds = 0).await;
        let admin = app.admin().await;
        let employer = app
            .verified_employer(&admin, "Lakeshore Robotics", "erin@lakeshore.org")
            .await;
        let opportunity = app.published(&employer, &posting(&[])).await;
        let school = app.school_with_counselor("Roosevelt High").await;
        let counselor = app.counselor_at(school).await;
        let today = stembridge::format::today();
        let last_year = school_year_of(today) - 1;
        let (last_starts, _) = stembridge::counseling::service::school_year_bounds(last_year);
        let in_last_year = last_starts + chrono::Duration::days(100);
        // Ten students not low income with a change of +1 each, and one
        // low-income student with +4: the low-income mean is one answer.
        let mut ids = Vec::new();
        for (n, (low_income, before)) in std::iter::repeat_n((false, 3), 10)
            .chain([(true, 1)])
            .enumerate()
        {
            let student = entity::student::ActiveModel {
                school_id: Set(school),
                first_name: Set(format!("Answered{n}")),
                last_name: Set("Student".into()),
                grade: Set(10),
                active: Set(true),
                low_income: Set(Some(low_income)),
                created_at: Set(in_last_year),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
            let after = if low_income { 5 } else { 4 };
            answered_placement(
                &app,
                opportunity,
                student.id,
                school,
                in_last_year,
                before,
                Some(after),
            )
            .await;
            ids.push(student.id);
        }
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        // The school's mean of eleven shows; neither income group does (the
        // one answer, and the ten beside it that would give it away).
        assert_eq!(
            school_belonging(&app, &counselor, last_year, "Roosevelt High").await,
            "1.3"
        );
        for group in ["low_income:Yes", "low_income:No"] {
            let shown = group_belonging(&app, &counselor, last_year, group).await;
            assert!(
                shown == "not shown" || shown == "not listed",
                "{group}: {shown}"
            );
        }
        // The low-income student leaves: the group empties, and the ten
        // beside it still show nothing (school 14/11 minus 10/10 was +4).
        entity::student::Entity::update_many()
            .col_expr(
                entity::student::Column::Active,
                sea_orm::sea_query::Expr::value(false),
            )
            .filter(entity::student::Column::Id.eq(ids[10]))
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(
            group_belonging(&app, &counselor, last_year, "low_income:No").await,
            "not shown"
        );

        // A year taken before only cleared means were kept held both
        // income groups' rows: the next run of the job drops them.
        let low_income = stembridge::counseling::metrics::Dimension::ALL
            .iter()
            .position(|d| *d == stembridge::counseling::metrics::Dimension::LowIncome)
            .unwrap() as i32;
        for (group, sum, answers) in [("No", 10_i64, 10), ("Yes", 4, 1)] {
            entity::belonging_year::ActiveModel {
                school_id: Set(school),
                school_year: Set(last_year),
                dimension: Set(low_income),
                group_key: Set(group.into()),
                change_sum: Set(sum),
                answers: Set(answers),
                taken_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            group_belonging(&app, &counselor, last_year, "low_income:No").await,
            "not shown"
        );
        assert_eq!(
            app.number(&format!(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM belonging_year \
                 WHERE school_id = {school} AND dimension = {low_income}"
            ))
            .await,
            0
        );

        // A school added after the year was taken, with students moved in
        // from Roosevelt: taken with no answers, nothing counted twice.
        let new_school = app.school_with_counselor("Lakeview Academy").await;
        let new_counselor = app.counselor_at(new_school).await;
        entity::student::Entity::update_many()
            .col_expr(
                entity::student::Column::SchoolId,
                sea_orm::sea_query::Expr::value(new_school),
            )
            .filter(entity::student::Column::Id.is_in(ids[..10].to_vec()))
            .exec(&app.db)
            .await
            .unwrap();
        stembridge::counseling::belonging::take(&app.db, last_year, today, 10)
            .await
            .unwrap();
        assert_eq!(
            school_belonging(&app, &new_counselor, last_year, "Lakeview Academy").await,
            "not shown"
        );
        assert_eq!(
            app.number(&format!(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM belonging_year \
                 WHERE school_id = {new_school} AND dimension >= 0"
            ))
            .await,
            0
        );
    }
}
