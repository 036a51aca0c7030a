//! OneRoster 1.1 CSV import: `orgs.csv`, `users.csv` (students, and their
//! parents, guardians and relatives as guardian contacts, linked through
//! `agentSourcedIds`) and `demographics.csv`, with extension columns for what
//! OneRoster lacks (`metadata.lowIncome`, `metadata.englishLearner`,
//! `metadata.disability`, `metadata.firstGeneration`, and a guardian's
//! `metadata.language`, a BCP 47 code, `en` when empty).
//!
//! All or nothing: every row of every file is checked first, and a roster
//! with any error writes nothing and lists each error with file and line.
//! A valid import is idempotent (students are matched by sourcedId) and
//! students missing from a new roster of their school become inactive, as do
//! guardians of those schools' students missing from it.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use entity::{Role, counselor_school, guardian, school, student, student_guardian};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, sea_query::Expr,
};
use serde::Serialize;

use crate::{
    auth::extractors::CurrentUser,
    db,
    error::AppResult,
    i18n::{self, t_args},
};

/// Most data rows read from one file: a bigger district splits its roster by
/// school; without a cap one upload could hold the server's memory and CPU.
pub const MAX_ROWS: usize = 200_000;
/// Most problems listed back (the count of all of them is shown too).
pub const MAX_SHOWN_ERRORS: usize = 100;

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub file: &'static str,
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// The three files, as uploaded.
pub struct RosterFiles {
    pub orgs: Vec<u8>,
    pub users: Vec<u8>,
    pub demographics: Vec<u8>,
}

/// What a successful import did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub schools: usize,
    pub created: usize,
    pub updated: usize,
    pub deactivated: usize,
    pub guardians_created: usize,
    pub guardians_updated: usize,
    pub guardians_deactivated: usize,
}

#[derive(Debug, Clone)]
struct Org {
    sourced_id: String,
    name: String,
    zip: String,
}

#[derive(Debug, Clone, Default)]
struct Demographics {
    gender: Option<String>,
    race_ethnicity: Option<String>,
    low_income: Option<bool>,
    english_learner: Option<bool>,
    disability: Option<bool>,
    first_generation: Option<bool>,
    birth_date: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
struct Student {
    /// Its line in users.csv.
    line: u64,
    sourced_id: String,
    org: String,
    given_name: String,
    family_name: String,
    grade: i32,
    active: bool,
    demographics: Demographics,
}

#[derive(Debug, Clone)]
struct Guardian {
    /// Its line in users.csv.
    line: u64,
    sourced_id: String,
    given_name: String,
    family_name: String,
    email: Option<String>,
    phone: Option<String>,
    language: String,
    active: bool,
}

/// What a valid roster holds.
#[derive(Debug)]
struct Roster {
    orgs: Vec<Org>,
    students: Vec<Student>,
    guardians: Vec<Guardian>,
    /// (student sourcedId, guardian sourcedId), each pair once.
    links: Vec<(String, String)>,
}

/// `agentSourcedIds` as written by real exports: semicolons or commas.
fn agent_ids(value: &str) -> Vec<String> {
    value
        .split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A BCP 47 language tag, normalized (`es-MX` stays `es-mx`); `en` when empty.
fn language_tag(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return Some("en".into());
    }
    let mut parts = value.split(['-', '_']);
    let primary = parts.next()?;
    let well_formed = (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (well_formed && value.len() <= 16).then(|| value.to_ascii_lowercase().replace('_', "-"))
}

fn plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && value.len() <= 254
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A parsed CSV file: its header positions and its records with line numbers.
struct Table {
    file: &'static str,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn get<'a>(&self, row: &'a csv::StringRecord, column: &str) -> &'a str {
        self.columns
            .get(column)
            .and_then(|&i| row.get(i))
            .map(str::trim)
            .unwrap_or_default()
    }
}

fn parse_table(
    file: &'static str,
    bytes: &[u8],
    required: &[&str],
    errors: &mut Vec<ImportError>,
) -> Option<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        errors.push(ImportError {
            file,
            line,
            message: "This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again."
                .into(),
        });
        return None;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        errors.push(ImportError {
            file,
            line: 1,
            message: "The file is empty: it needs a header line and rows.".into(),
        });
        return None;
    }
    let lines = LineIndex::new(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            errors.push(ImportError {
                file,
                line: 1,
                message: format!("The header line cannot be read: {e}."),
            });
            return None;
        }
    };
    let columns: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_owned(), i))
        .collect();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        errors.push(ImportError {
            file,
            line: 1,
            message: format!("Missing column(s): {}.", missing.join(", ")),
        });
        return None;
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        if rows.len() >= MAX_ROWS {
            errors.push(ImportError {
                file,
                line: lines.of(record.as_ref().ok().and_then(|r| r.position())),
                message: t_args(
                    i18n::current(),
                    "integrity-roster-too-many-rows",
                    vec![("max", MAX_ROWS.into())],
                ),
            });
            return None;
        }
        match record {
            Ok(record) => {
                let line = lines.of(record.position());
                if record.iter().all(|v| v.trim().is_empty()) {
                    continue;
                }
                if record.len() != header.len() {
                    errors.push(ImportError {
                        file,
                        line,
                        message: format!(
                            "Expected {} values, found {}.",
                            header.len(),
                            record.len()
                        ),
                    });
                    continue;
                }
                rows.push((line, record));
            }
            Err(e) => {
                let line = lines.of(e.position());
                errors.push(ImportError {
                    file,
                    line,
                    message: format!("This line cannot be read: {e}."),
                });
            }
        }
    }
    Some(Table {
        file,
        columns,
        rows,
    })
}

/// Line numbers as a spreadsheet shows them, from a record's byte offset.
///
/// The csv crate's own line count is one short on CRLF files (what Windows
/// student information systems export), so count the newlines ourselves.
struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    fn new(bytes: &[u8]) -> Self {
        let newlines = bytes
            .iter()
            .enumerate()
            .filter_map(|(i, b)| (*b == b'\n').then_some(i))
            .collect();
        Self { newlines }
    }

    /// The 1-based line on which the record at `position` starts. After a
    /// CRLF the reader places the next record on the `\n` it has not read
    /// yet, so a newline at the position itself still ends the line before.
    fn of(&self, position: Option<&csv::Position>) -> u64 {
        position.map_or(0, |p| {
            let byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            self.newlines.partition_point(|&n| n <= byte) as u64 + 1
        })
    }
}

fn boolean(
    table: &Table,
    row: &csv::StringRecord,
    line: u64,
    column: &str,
    errors: &mut Vec<ImportError>,
) -> Option<bool> {
    match table.get(row, column).to_lowercase().as_str() {
        "" => None,
        "true" => Some(true),
        "false" => Some(false),
        other => {
            errors.push(ImportError {
                file: table.file,
                line,
                message: format!("{column} must be true or false, not “{other}”."),
            });
            None
        }
    }
}

/// OneRoster grade codes this marketplace serves ("06" to "12", "13" early college).
/// A student's grade from OneRoster's `grades`, which may list several
/// ("10,11"): the highest, since a student between grades is moving up.
fn grade(codes: &str) -> Option<i32> {
    let grades: Option<Vec<i32>> = codes
        .split(',')
        .map(|code| {
            code.trim()
                .parse::<i32>()
                .ok()
                .filter(|g| (6..=13).contains(g))
        })
        .collect();
    grades?.into_iter().max()
}

const RACES: &[(&str, &str)] = &[
    (
        "americanIndianOrAlaskaNative",
        "American Indian or Alaska Native",
    ),
    ("asian", "Asian"),
    ("blackOrAfricanAmerican", "Black or African American"),
    (
        "nativeHawaiianOrOtherPacificIslander",
        "Native Hawaiian or Pacific Islander",
    ),
    ("white", "White"),
];

/// Checks all three files; returns the roster or every error.
fn validate(files: &RosterFiles) -> Result<Roster, Vec<ImportError>> {
    let mut errors = Vec::new();
    let orgs = parse_table(
        "orgs.csv",
        &files.orgs,
        &["sourcedId", "name", "type"],
        &mut errors,
    );
    let users = parse_table(
        "users.csv",
        &files.users,
        &[
            "sourcedId",
            "enabledUser",
            "orgSourcedIds",
            "role",
            "givenName",
            "familyName",
            "grades",
        ],
        &mut errors,
    );
    let demographics = parse_table(
        "demographics.csv",
        &files.demographics,
        &["sourcedId", "birthDate", "sex"],
        &mut errors,
    );
    let (Some(orgs), Some(users), Some(demographics)) = (orgs, users, demographics) else {
        return Err(errors);
    };

    let mut schools = Vec::new();
    let mut seen = HashSet::new();
    for (line, row) in &orgs.rows {
        let sourced_id = orgs.get(row, "sourcedId").to_owned();
        if sourced_id.is_empty() {
            errors.push(ImportError {
                file: orgs.file,
                line: *line,
                message: "sourcedId is empty.".into(),
            });
            continue;
        }
        if !seen.insert(sourced_id.clone()) {
            errors.push(ImportError {
                file: orgs.file,
                line: *line,
                message: format!("Duplicate sourcedId “{sourced_id}”."),
            });
            continue;
        }
        if orgs.get(row, "type") == "school" {
            let name = orgs.get(row, "name").to_owned();
            if name.is_empty() || name.chars().count() > 200 {
                errors.push(ImportError {
                    file: orgs.file,
                    line: *line,
                    message: "name must be 1 to 200 characters.".into(),
                });
            }
            schools.push(Org {
                sourced_id,
                name,
                zip: orgs.get(row, "metadata.zip").to_owned(),
            });
        }
    }
    let school_ids: HashSet<&str> = schools.iter().map(|s| s.sourced_id.as_str()).collect();

    let mut found: HashMap<String, Demographics> = HashMap::new();
    let mut seen = HashSet::new();
    for (line, row) in &demographics.rows {
        let line = *line;
        let sourced_id = demographics.get(row, "sourcedId").to_owned();
        if !seen.insert(sourced_id.clone()) {
            errors.push(ImportError {
                file: demographics.file,
                line,
                message: format!("Duplicate sourcedId “{sourced_id}”."),
            });
            continue;
        }
        let birth_date = match demographics.get(row, "birthDate") {
            "" => None,
            text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(ImportError {
                        file: demographics.file,
                        line,
                        message: format!("birthDate must be a date like 2010-04-23, not “{text}”."),
                    });
                    None
                }
            },
        };
        let gender = match demographics.get(row, "sex").to_lowercase().as_str() {
            "" => None,
            "male" => Some("Male".to_owned()),
            "female" => Some("Female".to_owned()),
            "other" | "nonbinary" | "non-binary" | "x" => Some("Another gender".to_owned()),
            other => {
                errors.push(ImportError {
                    file: demographics.file,
                    line,
                    message: format!("sex must be male, female or other, not “{other}”."),
                });
                None
            }
        };
        let mut races = Vec::new();
        for (column, label) in RACES {
            if boolean(&demographics, row, line, column, &mut errors) == Some(true) {
                races.push(*label);
            }
        }
        let two_or_more = boolean(
            &demographics,
            row,
            line,
            "demographicRaceTwoOrMoreRaces",
            &mut errors,
        ) == Some(true);
        let hispanic = boolean(
            &demographics,
            row,
            line,
            "hispanicOrLatinoEthnicity",
            &mut errors,
        ) == Some(true);
        let race_ethnicity = if hispanic {
            Some("Hispanic or Latino".to_owned())
        } else if two_or_more || races.len() > 1 {
            Some("Two or more races".to_owned())
        } else {
            races.first().map(|r| (*r).to_owned())
        };
        let flags = [
            "metadata.lowIncome",
            "metadata.englishLearner",
            "metadata.disability",
            "metadata.firstGeneration",
        ]
        .map(|c| boolean(&demographics, row, line, c, &mut errors));
        found.insert(
            sourced_id,
            Demographics {
                gender,
                race_ethnicity,
                low_income: flags[0],
                english_learner: flags[1],
                disability: flags[2],
                first_generation: flags[3],
                birth_date,
            },
        );
    }

    let mut students = Vec::new();
    let mut guardians: Vec<Guardian> = Vec::new();
    // (student sourcedId, its guardians' sourcedIds) from student rows, and
    // (guardian sourcedId, its students' sourcedIds) from guardian rows.
    let mut student_agents: Vec<(String, Vec<String>)> = Vec::new();
    let mut guardian_agents: Vec<(String, Vec<String>)> = Vec::new();
    let mut seen = HashSet::new();
    for (line, row) in &users.rows {
        let line = *line;
        // Exports differ in case ("Parent", "GUARDIAN"): compare lower-cased.
        let role = users.get(row, "role").to_lowercase();
        if matches!(role.as_str(), "parent" | "guardian" | "relative") {
            if let Some(g) = guardian_row(&users, row, line, &mut seen, &mut errors) {
                guardian_agents.push((
                    g.sourced_id.clone(),
                    agent_ids(users.get(row, "agentSourcedIds")),
                ));
                guardians.push(g);
            }
            continue;
        }
        if role != "student" {
            continue;
        }
        let sourced_id = users.get(row, "sourcedId").to_owned();
        if sourced_id.is_empty() {
            errors.push(ImportError {
                file: users.file,
                line,
                message: "sourcedId is empty.".into(),
            });
            continue;
        }
        if !seen.insert(sourced_id.clone()) {
            errors.push(ImportError {
                file: users.file,
                line,
                message: format!("Duplicate sourcedId “{sourced_id}”."),
            });
            continue;
        }
        // Taken now, so a student with another error is not reported twice.
        let demographics_of_user = found.remove(&sourced_id).unwrap_or_default();
        let orgs_of_user: Vec<&str> = users
            .get(row, "orgSourcedIds")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let Some(org) = orgs_of_user.iter().find(|o| school_ids.contains(**o)) else {
            errors.push(ImportError {
                file: users.file,
                line,
                message: format!(
                    "orgSourcedIds “{}” names no school of orgs.csv.",
                    orgs_of_user.join(",")
                ),
            });
            continue;
        };
        let grades = users.get(row, "grades");
        let Some(grade) = grade(grades) else {
            errors.push(ImportError {
                file: users.file,
                line,
                message: format!(
                    "grades must be grades from 06 to 13 separated by commas, not “{grades}”."
                ),
            });
            continue;
        };
        let active = match users.get(row, "enabledUser").to_lowercase().as_str() {
            "true" | "" => users.get(row, "status") != "tobedeleted",
            "false" => false,
            other => {
                errors.push(ImportError {
                    file: users.file,
                    line,
                    message: format!("enabledUser must be true or false, not “{other}”."),
                });
                continue;
            }
        };
        let (given_name, family_name) = (users.get(row, "givenName"), users.get(row, "familyName"));
        if given_name.is_empty()
            || family_name.is_empty()
            || given_name.chars().count() > 100
            || family_name.chars().count() > 100
        {
            errors.push(ImportError {
                file: users.file,
                line,
                message: "givenName and familyName must be 1 to 100 characters.".into(),
            });
            continue;
        }
        student_agents.push((
            sourced_id.clone(),
            agent_ids(users.get(row, "agentSourcedIds")),
        ));
        students.push(Student {
            line,
            demographics: demographics_of_user,
            sourced_id,
            org: (*org).to_owned(),
            given_name: given_name.to_owned(),
            family_name: family_name.to_owned(),
            grade,
            active,
        });
    }
    for (line, row) in &demographics.rows {
        let sourced_id = demographics.get(row, "sourcedId");
        if found.contains_key(sourced_id) {
            errors.push(ImportError {
                file: demographics.file,
                line: *line,
                message: format!("sourcedId “{sourced_id}” is not a student of users.csv."),
            });
        }
    }
    let student_ids: HashSet<&str> = students.iter().map(|s| s.sourced_id.as_str()).collect();
    let guardian_ids: HashSet<&str> = guardians.iter().map(|g| g.sourced_id.as_str()).collect();
    // Ids naming no student or guardian of the file are left out, not
    // refused: exports often leave some agents out (teachers, aides, parents
    // without consent to share), and an unlinked student only means the
    // counselor takes the paper path.
    let mut links = Vec::new();
    let mut linked = HashSet::new();
    for (student, agents) in &student_agents {
        for agent in agents {
            if guardian_ids.contains(agent.as_str())
                && linked.insert((student.clone(), agent.clone()))
            {
                links.push((student.clone(), agent.clone()));
            }
        }
    }
    for (guardian, agents) in &guardian_agents {
        for agent in agents {
            if student_ids.contains(agent.as_str())
                && linked.insert((agent.clone(), guardian.clone()))
            {
                links.push((agent.clone(), guardian.clone()));
            }
        }
    }
    if errors.is_empty() {
        Ok(Roster {
            orgs: schools,
            students,
            guardians,
            links,
        })
    } else {
        errors.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
        Err(errors)
    }
}

/// One parent, guardian or relative row of users.csv, checked.
fn guardian_row(
    users: &Table,
    row: &csv::StringRecord,
    line: u64,
    seen: &mut HashSet<String>,
    errors: &mut Vec<ImportError>,
) -> Option<Guardian> {
    let mut error = |message: String| {
        errors.push(ImportError {
            file: users.file,
            line,
            message,
        });
    };
    let sourced_id = users.get(row, "sourcedId").to_owned();
    if sourced_id.is_empty() {
        error("sourcedId is empty.".into());
        return None;
    }
    if !seen.insert(sourced_id.clone()) {
        error(format!("Duplicate sourcedId “{sourced_id}”."));
        return None;
    }
    let (given_name, family_name) = (users.get(row, "givenName"), users.get(row, "familyName"));
    if given_name.is_empty()
        || family_name.is_empty()
        || given_name.chars().count() > 100
        || family_name.chars().count() > 100
    {
        error("givenName and familyName must be 1 to 100 characters.".into());
        return None;
    }
    let email = users.get(row, "email").to_lowercase();
    if !email.is_empty() && !plausible_email(&email) {
        error(format!(
            "email “{email}” is not an email address like name@example.org."
        ));
        return None;
    }
    let phone = match users.get(row, "sms") {
        "" => users.get(row, "phone"),
        sms => sms,
    };
    if phone.chars().count() > 40 {
        error("sms and phone must be at most 40 characters.".into());
        return None;
    }
    let language = users.get(row, "metadata.language");
    let Some(language) = language_tag(language) else {
        error(format!(
            "metadata.language must be a language code like en or es, not “{language}”."
        ));
        return None;
    };
    let active = match users.get(row, "enabledUser").to_lowercase().as_str() {
        "true" | "" => !users.get(row, "status").eq_ignore_ascii_case("tobedeleted"),
        "false" => false,
        other => {
            error(format!("enabledUser must be true or false, not “{other}”."));
            return None;
        }
    };
    Some(Guardian {
        line,
        sourced_id,
        given_name: given_name.to_owned(),
        family_name: family_name.to_owned(),
        email: (!email.is_empty()).then_some(email),
        phone: (!phone.is_empty()).then(|| phone.to_owned()),
        language,
        active,
    })
}

/// The outcome of an import: a summary, or every error (and nothing written).
pub type ImportOutcome = Result<ImportSummary, Vec<ImportError>>;

/// Imports a roster for `importer` (an admin, or a counselor whose schools
/// the roster names). `progress` is told how many students are done.
pub async fn import(
    db: &DatabaseConnection,
    importer: &CurrentUser,
    files: &RosterFiles,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> AppResult<ImportOutcome> {
    let roster = match validate(files) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Err(errors)),
    };
    let (orgs, students) = (&roster.orgs, &roster.students);
    let txn = db::begin_write(db).await?;
    // Schools: admins create them; counselors may import only schools assigned to them.
    let mut school_ids: HashMap<String, i32> = HashMap::new();
    let mut refused = Vec::new();
    for (n, org) in orgs.iter().enumerate() {
        let existing = school::Entity::find()
            .filter(school::Column::SourcedId.eq(&org.sourced_id))
            .one(&txn)
            .await?;
        let id = match (existing, importer.role) {
            (Some(existing), Role::Admin) => {
                let mut model: school::ActiveModel = existing.into();
                model.name = Set(org.name.clone());
                if !org.zip.is_empty() {
                    model.zip = Set(org.zip.clone());
                }
                model.update(&txn).await?.id
            }
            (None, Role::Admin) => {
                school::ActiveModel {
                    name: Set(org.name.clone()),
                    sourced_id: Set(Some(org.sourced_id.clone())),
                    zip: Set(org.zip.clone()),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
            (Some(existing), _)
                if counselor_school::Entity::find_by_id((importer.id, existing.id))
                    .one(&txn)
                    .await?
                    .is_some() =>
            {
                existing.id
            }
            _ => {
                refused.push(ImportError {
                    file: "orgs.csv",
                    line: n as u64 + 2,
                    message: format!(
                        "You are not assigned to school “{}” ({}); ask an administrator.",
                        org.name, org.sourced_id
                    ),
                });
                continue;
            }
        };
        school_ids.insert(org.sourced_id.clone(), id);
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }

    let existing: HashMap<String, student::Model> = student::Entity::find()
        .filter(student::Column::SourcedId.is_not_null())
        .all(&txn)
        .await?
        .into_iter()
        .filter_map(|s| s.sourced_id.clone().map(|id| (id, s)))
        .collect();
    // A counselor's roster may not move a student in from a school that is
    // not theirs: that would hand them another school's records.
    if importer.role != Role::Admin {
        let own: HashSet<i32> = counselor_school::Entity::find()
            .filter(counselor_school::Column::UserId.eq(importer.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| a.school_id)
            .collect();
        let taken: Vec<ImportError> = students
            .iter()
            .filter(|s| {
                existing
                    .get(&s.sourced_id)
                    .is_some_and(|current| !own.contains(&current.school_id))
            })
            .map(|s| ImportError {
                file: "users.csv",
                line: s.line,
                message: format!(
                    "Student “{}” is enrolled at a school you are not assigned to; ask an administrator.",
                    s.sourced_id
                ),
            })
            .collect();
        if !taken.is_empty() {
            return Ok(Err(taken));
        }
    }
    let mut summary = ImportSummary {
        schools: school_ids.len(),
        ..Default::default()
    };
    let mut new_rows = Vec::new();
    let total = students.len();
    for (n, s) in students.iter().enumerate() {
        let school_id = school_ids[&s.org];
        let d = &s.demographics;
        match existing.get(&s.sourced_id) {
            Some(current) => {
                let unchanged = current.school_id == school_id
                    && current.first_name == s.given_name
                    && current.last_name == s.family_name
                    && current.grade == s.grade
                    && current.active == s.active
                    && current.gender == d.gender
                    && current.race_ethnicity == d.race_ethnicity
                    && current.low_income == d.low_income
                    && current.english_learner == d.english_learner
                    && current.disability == d.disability
                    && current.first_generation == d.first_generation
                    && (d.birth_date.is_none() || current.date_of_birth == d.birth_date);
                if !unchanged {
                    let mut model: student::ActiveModel = current.clone().into();
                    model.school_id = Set(school_id);
                    model.first_name = Set(s.given_name.clone());
                    model.last_name = Set(s.family_name.clone());
                    model.grade = Set(s.grade);
                    model.active = Set(s.active);
                    model.gender = Set(d.gender.clone());
                    model.race_ethnicity = Set(d.race_ethnicity.clone());
                    model.low_income = Set(d.low_income);
                    model.english_learner = Set(d.english_learner);
                    model.disability = Set(d.disability);
                    model.first_generation = Set(d.first_generation);
                    if d.birth_date.is_some() {
                        model.date_of_birth = Set(d.birth_date);
                    }
                    model.update(&txn).await?;
                    summary.updated += 1;
                }
            }
            None => {
                new_rows.push(student::ActiveModel {
                    school_id: Set(school_id),
                    user_id: Set(None),
                    first_name: Set(s.given_name.clone()),
                    last_name: Set(s.family_name.clone()),
                    grade: Set(s.grade),
                    claim_code_hash: Set(None),
                    claim_code_expires_at: Set(None),
                    active: Set(s.active),
                    created_at: Set(Utc::now()),
                    date_of_birth: Set(d.birth_date),
                    sourced_id: Set(Some(s.sourced_id.clone())),
                    gender: Set(d.gender.clone()),
                    race_ethnicity: Set(d.race_ethnicity.clone()),
                    low_income: Set(d.low_income),
                    english_learner: Set(d.english_learner),
                    disability: Set(d.disability),
                    first_generation: Set(d.first_generation),
                    ..Default::default()
                });
                summary.created += 1;
            }
        }
        if new_rows.len() == 500 {
            student::Entity::insert_many(std::mem::take(&mut new_rows))
                .exec_without_returning(&txn)
                .await?;
        }
        if n % 1000 == 999 {
            progress(n + 1, total);
        }
    }
    student::Entity::insert_many(new_rows)
        .exec_without_returning(&txn)
        .await?;
    progress(total, total);

    // Students of these schools missing from the roster become inactive (history kept).
    let listed: HashSet<&str> = students.iter().map(|s| s.sourced_id.as_str()).collect();
    let missing: Vec<i32> = existing
        .values()
        .filter(|s| s.active && school_ids.values().any(|id| *id == s.school_id))
        .filter(|s| {
            s.sourced_id
                .as_deref()
                .is_some_and(|id| !listed.contains(id))
        })
        .map(|s| s.id)
        .collect();
    summary.deactivated = missing.len();
    for chunk in missing.chunks(500) {
        student::Entity::update_many()
            .col_expr(student::Column::Active, Expr::value(false))
            .filter(student::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    if let Err(refused) =
        import_guardians(&txn, importer, &roster, &school_ids, &mut summary).await?
    {
        return Ok(Err(refused));
    }
    crate::counseling::audit::record(&txn, importer.id, "import_roster", &format!("{summary:?}"))
        .await?;
    txn.commit().await?;
    Ok(Ok(summary))
}

/// Guardians of the roster: created or updated by sourcedId, linked to their
/// students (the roster's links replace earlier roster links of those
/// students; contacts a counselor added stay), and guardians of these
/// schools' students missing from the roster become inactive. A counselor's
/// roster may not touch a guardian of a student at another school: that
/// would let them redirect another family's consent emails.
async fn import_guardians(
    txn: &DatabaseTransaction,
    importer: &CurrentUser,
    roster: &Roster,
    school_ids: &HashMap<String, i32>,
    summary: &mut ImportSummary,
) -> AppResult<Result<(), Vec<ImportError>>> {
    let schools: Vec<i32> = school_ids.values().copied().collect();
    // Students of these schools, by sourcedId (after this import's writes).
    let students: HashMap<String, (i32, i32)> = student::Entity::find()
        .filter(student::Column::SchoolId.is_in(schools.clone()))
        .filter(student::Column::SourcedId.is_not_null())
        .all(txn)
        .await?
        .into_iter()
        .filter_map(|s| s.sourced_id.clone().map(|id| (id, (s.id, s.school_id))))
        .collect();
    let student_ids: Vec<i32> = students.values().map(|(id, _)| *id).collect();
    // Roster guardians currently linked to those students.
    let mut linked_guardians: HashSet<i32> = HashSet::new();
    for chunk in student_ids.chunks(500) {
        for link in student_guardian::Entity::find()
            .filter(student_guardian::Column::StudentId.is_in(chunk.to_vec()))
            .all(txn)
            .await?
        {
            linked_guardians.insert(link.guardian_id);
        }
    }
    let listed: Vec<String> = roster
        .guardians
        .iter()
        .map(|g| g.sourced_id.clone())
        .collect();
    let mut existing: HashMap<String, guardian::Model> = HashMap::new();
    for chunk in listed.chunks(500) {
        for g in guardian::Entity::find()
            .filter(guardian::Column::SourcedId.is_in(chunk.to_vec()))
            .all(txn)
            .await?
        {
            if let Some(id) = g.sourced_id.clone() {
                existing.insert(id, g);
            }
        }
    }
    if importer.role != Role::Admin && !existing.is_empty() {
        let own: HashSet<i32> = schools.iter().copied().collect();
        let ids: Vec<i32> = existing.values().map(|g| g.id).collect();
        let mut foreign: HashSet<i32> = HashSet::new();
        for chunk in ids.chunks(500) {
            let links = student_guardian::Entity::find()
                .filter(student_guardian::Column::GuardianId.is_in(chunk.to_vec()))
                .all(txn)
                .await?;
            let their_students: Vec<i32> = links.iter().map(|l| l.student_id).collect();
            let elsewhere: HashSet<i32> = student::Entity::find()
                .filter(student::Column::Id.is_in(their_students))
                .all(txn)
                .await?
                .into_iter()
                .filter(|s| !own.contains(&s.school_id))
                .map(|s| s.id)
                .collect();
            foreign.extend(
                links
                    .iter()
                    .filter(|l| elsewhere.contains(&l.student_id))
                    .map(|l| l.guardian_id),
            );
        }
        let refused: Vec<ImportError> = roster
            .guardians
            .iter()
            .filter(|g| existing.get(&g.sourced_id).is_some_and(|e| foreign.contains(&e.id)))
            .map(|g| ImportError {
                file: "users.csv",
                line: g.line,
                message: format!(
                    "Guardian “{}” is a contact of a student at a school you are not assigned to; ask an administrator.",
                    g.sourced_id
                ),
            })
            .collect();
        if !refused.is_empty() {
            return Ok(Err(refused));
        }
    }
    let now = Utc::now();
    let mut new_rows = Vec::new();
    for g in &roster.guardians {
        match existing.get(&g.sourced_id) {
            Some(current) => {
                let unchanged = current.given_name == g.given_name
                    && current.family_name == g.family_name
                    && current.email == g.email
                    && current.phone == g.phone
                    && current.language == g.language
                    && current.active == g.active;
                if !unchanged {
                    let mut model: guardian::ActiveModel = current.clone().into();
                    model.given_name = Set(g.given_name.clone());
                    model.family_name = Set(g.family_name.clone());
                    model.email = Set(g.email.clone());
                    model.phone = Set(g.phone.clone());
                    model.language = Set(g.language.clone());
                    model.active = Set(g.active);
                    model.updated_at = Set(now);
                    model.update(txn).await?;
                    summary.guardians_updated += 1;
                }
            }
            None => {
                new_rows.push(guardian::ActiveModel {
                    sourced_id: Set(Some(g.sourced_id.clone())),
                    given_name: Set(g.given_name.clone()),
                    family_name: Set(g.family_name.clone()),
                    email: Set(g.email.clone()),
                    phone: Set(g.phone.clone()),
                    language: Set(g.language.clone()),
                    active: Set(g.active),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                });
                summary.guardians_created += 1;
            }
        }
    }
    for chunk in new_rows.chunks(500) {
        guardian::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    // Ids of every listed guardian, now that all exist.
    let mut guardian_ids: HashMap<String, i32> = HashMap::new();
    for chunk in listed.chunks(500) {
        for g in guardian::Entity::find()
            .filter(guardian::Column::SourcedId.is_in(chunk.to_vec()))
            .all(txn)
            .await?
        {
            if let Some(id) = g.sourced_id {
                guardian_ids.insert(id, g.id);
            }
        }
    }
    // Roster guardians of these students that the roster no longer lists.
    let listed_ids: HashSet<i32> = guardian_ids.values().copied().collect();
    let missing: Vec<i32> = linked_guardians
        .iter()
        .copied()
        .filter(|id| !listed_ids.contains(id))
        .collect();
    for chunk in missing.chunks(500) {
        let result = guardian::Entity::update_many()
            .col_expr(guardian::Column::Active, Expr::value(false))
            .col_expr(guardian::Column::UpdatedAt, Expr::value(now))
            .filter(guardian::Column::Id.is_in(chunk.to_vec()))
            .filter(guardian::Column::SourcedId.is_not_null())
            .filter(guardian::Column::Active.eq(true))
            .exec(txn)
            .await?;
        summary.guardians_deactivated += result.rows_affected as usize;
    }
    // The roster's links replace the earlier roster links of its students.
    let roster_students: Vec<i32> = roster
        .students
        .iter()
        .filter_map(|s| students.get(&s.sourced_id).map(|(id, _)| *id))
        .collect();
    let roster_guardians: Vec<i32> = {
        let mut all: HashSet<i32> = linked_guardians;
        all.extend(listed_ids.iter().copied());
        let all: Vec<i32> = all.into_iter().collect();
        let mut sourced = Vec::new();
        for chunk in all.chunks(500) {
            sourced.extend(
                guardian::Entity::find()
                    .filter(guardian::Column::Id.is_in(chunk.to_vec()))
                    .filter(guardian::Column::SourcedId.is_not_null())
                    .all(txn)
                    .await?
                    .into_iter()
                    .map(|g| g.id),
            );
        }
        sourced
    };
    for students_chunk in roster_students.chunks(500) {
        for guardians_chunk in roster_guardians.chunks(500) {
            student_guardian::Entity::delete_many()
                .filter(student_guardian::Column::StudentId.is_in(students_chunk.to_vec()))
                .filter(student_guardian::Column::GuardianId.is_in(guardians_chunk.to_vec()))
                .exec(txn)
                .await?;
        }
    }
    let links: Vec<student_guardian::ActiveModel> = roster
        .links
        .iter()
        .filter_map(|(student, guardian)| {
            Some(student_guardian::ActiveModel {
                student_id: Set(students.get(student)?.0),
                guardian_id: Set(*guardian_ids.get(guardian)?),
            })
        })
        .collect();
    for chunk in links.chunks(500) {
        student_guardian::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(orgs: &str, users: &str, demographics: &str) -> RosterFiles {
        RosterFiles {
            orgs: orgs.into(),
            users: users.into(),
            demographics: demographics.into(),
        }
    }

    const ORGS: &str = "sourcedId,name,type\nsch-1,Lincoln High,school\n";
    const USERS: &str = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,Ana,Rivera,11\n";
    const DEMOGRAPHICS: &str = "sourcedId,birthDate,sex,hispanicOrLatinoEthnicity,metadata.lowIncome\nstu-1,2009-05-01,female,true,true\n";

    #[test]
    fn several_grades_give_the_highest_and_any_bad_one_refuses() {
        assert_eq!(grade("10,11"), Some(11));
        assert_eq!(grade(" 09 , 10 "), Some(10));
        assert_eq!(grade("11"), Some(11));
        assert_eq!(grade("10,KG"), None);
        assert_eq!(grade(""), None);
        assert_eq!(grade("14"), None);
    }

    #[test]
    fn lines_are_counted_alike_for_lf_crlf_and_quoted_line_breaks() {
        for (text, expected) in [
            ("id,note\na,x\nb,y\n", vec![2, 3]),
            ("id,note\r\na,x\r\nb,y\r\n", vec![2, 3]),
            ("id,note\r\na,\"two\r\nlines\"\r\nb,y\r\n", vec![2, 4]),
        ] {
            let mut errors = Vec::new();
            let table =
                parse_table("users.csv", text.as_bytes(), &["id"], &mut errors).expect("parses");
            let lines: Vec<u64> = table.rows.iter().map(|(line, _)| *line).collect();
            assert_eq!(lines, expected, "{text:?}");
        }
    }

    #[test]
    fn a_file_past_the_row_cap_is_refused_with_a_clear_message() {
        let mut users = String::from("sourcedId\n");
        for n in 0..=MAX_ROWS {
            users.push_str(&format!("{n}\n"));
        }
        let mut errors = Vec::new();
        assert!(parse_table("users.csv", users.as_bytes(), &["sourcedId"], &mut errors).is_none());
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("more than 200000 rows"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[0].line, MAX_ROWS as u64 + 2);
    }

    #[test]
    fn a_valid_roster_parses_with_demographics() {
        let roster = validate(&files(ORGS, USERS, DEMOGRAPHICS)).unwrap();
        assert_eq!(roster.orgs.len(), 1);
        let ana = &roster.students[0];
        assert_eq!((ana.grade, ana.active), (11, true));
        assert_eq!(
            ana.demographics.race_ethnicity.as_deref(),
            Some("Hispanic or Latino")
        );
        assert_eq!(ana.demographics.low_income, Some(true));
    }

    #[test]
    fn each_kind_of_bad_file_names_the_file_and_line() {
        let cases: Vec<(RosterFiles, ImportError)> = vec![
            (
                files("sourcedId,name\nsch-1,Lincoln\n", USERS, DEMOGRAPHICS),
                ImportError {
                    file: "orgs.csv",
                    line: 1,
                    message: "Missing column(s): type.".into(),
                },
            ),
            (
                files(
                    ORGS,
                    USERS,
                    "sourcedId,birthDate,sex\nstu-1,01/05/2009,female\n",
                ),
                ImportError {
                    file: "demographics.csv",
                    line: 2,
                    message: "birthDate must be a date like 2010-04-23, not “01/05/2009”.".into(),
                },
            ),
            (
                files(
                    ORGS,
                    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-9,student,Ana,Rivera,11\n",
                    "sourcedId,birthDate,sex\n",
                ),
                ImportError {
                    file: "users.csv",
                    line: 2,
                    message: "orgSourcedIds “sch-9” names no school of orgs.csv.".into(),
                },
            ),
            (
                files(
                    ORGS,
                    &format!("{USERS}stu-1,true,sch-1,student,Ana,Again,11\n"),
                    DEMOGRAPHICS,
                ),
                ImportError {
                    file: "users.csv",
                    line: 3,
                    message: "Duplicate sourcedId “stu-1”.".into(),
                },
            ),
            (
                files(ORGS, USERS, ""),
                ImportError {
                    file: "demographics.csv",
                    line: 1,
                    message: "The file is empty: it needs a header line and rows.".into(),
                },
            ),
            (
                RosterFiles {
                    orgs: ORGS.into(),
                    users: b"sourcedId,enabledUser\n\xff\xfe,true\n".to_vec(),
                    demographics: DEMOGRAPHICS.into(),
                },
                ImportError {
                    file: "users.csv",
                    line: 2,
                    message:
                        "This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again."
                            .into(),
                },
            ),
            (
                files(
                    ORGS,
                    USERS,
                    "sourcedId,birthDate,sex,metadata.englishLearner\nstu-1,2009-05-01,female,maybe\n",
                ),
                ImportError {
                    file: "demographics.csv",
                    line: 2,
                    message: "metadata.englishLearner must be true or false, not “maybe”.".into(),
                },
            ),
        ];
        for (roster, expected) in cases {
            let errors = validate(&roster).expect_err(&expected.message);
            assert!(
                errors.contains(&expected),
                "expected {expected}, got {errors:?}"
            );
        }
    }

    #[test]
    fn guardians_come_in_with_their_links_and_language_despite_export_quirks() {
        // BOM, CRLF, quoted fields with commas, role case, empty optional
        // columns, an unknown extra column, both link directions and separators.
        let users = "\u{feff}sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,sms,phone,agentSourcedIds,metadata.language,x-vendor\r\n\
stu-1,true,sch-1,Student,Ana,Rivera,11,,,,par-1;par-2;tch-9,,z\r\n\
par-1,true,,PARENT,María,\"Rivera, López\",,Maria@Example.org,,555-0100,,es-MX,\r\n\
par-2,true,,guardian,José,Rivera,,,,,stu-1,,\r\n\
rel-1,,,Relative,Tía,Rosa,,rosa@example.org,555-0101,,\"stu-1, \",es,\r\n";
        let roster = validate(&files(ORGS, users, DEMOGRAPHICS)).unwrap();
        assert_eq!(roster.students.len(), 1);
        assert_eq!(roster.guardians.len(), 3);
        let maria = &roster.guardians[0];
        assert_eq!(maria.family_name, "Rivera, López");
        assert_eq!(maria.email.as_deref(), Some("maria@example.org"));
        assert_eq!(maria.language, "es-mx");
        assert_eq!(maria.phone.as_deref(), Some("555-0100"));
        assert_eq!(roster.guardians[1].language, "en", "default language");
        assert_eq!(
            roster.guardians[2].phone.as_deref(),
            Some("555-0101"),
            "sms first"
        );
        let mut links = roster.links.clone();
        links.sort();
        assert_eq!(
            links,
            vec![
                ("stu-1".to_owned(), "par-1".to_owned()),
                ("stu-1".to_owned(), "par-2".to_owned()),
                ("stu-1".to_owned(), "rel-1".to_owned()),
            ],
            "each link once, whichever row names it; an id of no one in the file is left out"
        );
    }

    #[test]
    fn bad_guardian_rows_name_the_file_and_line() {
        let header = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n";
        let cases = [
            (
                "stu-1,true,sch-1,student,Ana,Rivera,11,,,\npar-1,true,,parent,M,R,,not-an-email,stu-1,\n",
                3,
                "email “not-an-email” is not an email address like name@example.org.",
            ),
            (
                "stu-1,true,sch-1,student,Ana,Rivera,11,,,\npar-1,true,,parent,M,R,,,stu-1,Spanish please\n",
                3,
                "metadata.language must be a language code like en or es, not “Spanish please”.",
            ),
            (
                "stu-1,true,sch-1,student,Ana,Rivera,11,,,\nstu-1,true,,parent,M,R,,,,\n",
                3,
                "Duplicate sourcedId “stu-1”.",
            ),
        ];
        for (rows, line, message) in cases {
            let errors = validate(&files(ORGS, &format!("{header}{rows}"), DEMOGRAPHICS))
                .err()
                .unwrap_or_else(|| panic!("expected an error: {message}"));
            let expected = ImportError {
                file: "users.csv",
                line,
                message: message.into(),
            };
            assert!(
                errors.contains(&expected),
                "expected {expected}, got {errors:?}"
            );
        }
    }
}
