//! Whether a roster row and a record on file are the same person or
//! school. A sourcedId match is not proof: ids are reused, mistyped or
//! collide across districts (eyes17b F1), and an update then hands one
//! child's birth date, demographics, guardians and account to another. So
//! a roster that would change both of a student's names, move a student to
//! a lower grade, or give a school a name that shares no word with its own
//! is held until the importer confirms those rows (`--confirm-review N`,
//! or the box on the refused upload's page).
//!
//! And the other way round (eyes17b F13): a student a counselor added by
//! hand has no sourcedId, so the roster's row for them made a second
//! record. A roster student found under no id is matched to an active
//! hand-added student of the same school with the same names and grade
//! (case, accents and punctuation aside): that record takes the id, keeping
//! its account and history. When the match is not one to one, the rows are
//! held for the importer's confirmation (then the roster makes its own).
//! A name and a grade are not proof either (eyes18a N2): two children of a
//! school can share both, and taking the other child's id would give the
//! record their guardians and birth date. So birth dates that differ mean
//! two children; and a record with something to lose (an account, or
//! guardians) whose birth date cannot be compared is taken over only once
//! the importer confirms it.
//!
//! A district may re-key its students (a new student information system,
//! a state id replacing a local one, an export switching between
//! `sourcedId` and `identifier`): the next roster lists a child under a
//! new id and no longer lists the old one, and would make a second record
//! while the first departs, taking the account, guardians, consent and
//! placement history out of the child's reach and counting them twice. So
//! a roster student under an id not on file is matched (`Rekeys`) to an
//! active record of the roster's source whose own id the export no longer
//! lists (or lists as leaving, as a delta export of a re-key does), with the same names (folded), at one of the row's schools, and
//! born on the same day; birth dates that differ mean two children. When
//! either birth date is missing, the grade must agree instead: the same,
//! or one higher when the export is of a new school year (most of those it
//! lists under their ids on file moved up a grade). Born on the same day,
//! the record may be at another school of the file too (a re-key at the
//! move from middle to high school). Nothing moves silently: each such row
//! is held for the importer's yes, which gives the record the new id (its
//! account, guardians, placements and hours stay, and the old id does not
//! depart); when more than one record could be the row's, or more than
//! one row the record's, nothing moves even when confirmed, and the
//! roster makes a new student as before.
//!
//! Such a district re-keys the students' guardians too. A guardian row
//! under an id not on file is the contact (`guardian_rekeys`) that is
//! linked to one of the row's students, whose id the export no longer
//! lists as staying, with the same names and the same address (or none on
//! both): the contact takes the new id and keeps its language, consent and
//! email settings, instead of a new contact while the old one ends, which
//! told every family of a contact ended and one added and asked again for
//! consent already given. No hold: the row says nothing an update under the
//! old id would not. A row at another address stays a new contact, the old
//! one ended and told (a replaced record is how a roster hands a child's
//! consent to someone else).

use std::collections::{HashMap, HashSet};

use entity::{guardian, school, student, student_guardian};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use super::import::ImportError;
use crate::{
    error::AppResult,
    families::service::same_address,
    i18n::{Message, MessageArg},
};

/// Lower case, without accents, every run of anything but letters and
/// digits one space: `Núñez-García` and `nunez garcia` fold alike.
pub fn fold(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of school names that tell no school apart.
const GENERIC_SCHOOL_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "for",
    "school",
    "schools",
    "high",
    "middle",
    "junior",
    "senior",
    "elementary",
    "academy",
    "center",
    "centre",
    "campus",
    "charter",
    "magnet",
    "hs",
    "ms",
    "jhs",
    "shs",
    "k8",
    "k12",
    "escuela",
    "secundaria",
    "preparatoria",
    "primaria",
    "intermedia",
    "de",
    "del",
    "la",
    "el",
    "los",
    "las",
    "y",
];

/// Whether two names may be one school's: the same once folded, or sharing
/// a word that is not one every school has ("Lincoln High" and "Lincoln
/// High School" agree; "Lincoln High School" and "Roosevelt High School"
/// do not).
pub fn school_names_agree(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a == b {
        return true;
    }
    let words = |name: &str| -> Vec<String> {
        name.split(' ')
            .filter(|w| !GENERIC_SCHOOL_WORDS.contains(w))
            .map(str::to_owned)
            .collect()
    };
    let theirs = words(&b);
    words(&a).iter().any(|w| theirs.contains(w))
}

fn held(line: u64, id: &str, args: Vec<(&str, MessageArg)>) -> ImportError {
    ImportError {
        file: "users.csv",
        line,
        message: args
            .into_iter()
            .fold(Message::new(id), |m, (name, value)| m.arg(name, value)),
    }
}

/// A roster student as the checks here read it.
pub struct Listed<'a> {
    pub line: u64,
    pub sourced_id: &'a str,
    pub school_id: i32,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub grade: i32,
    /// From demographics.csv, when the roster gives it.
    pub birth_date: Option<chrono::NaiveDate>,
    /// Every school of the file the row lists (`school_id` among them).
    pub schools: Vec<i32>,
}

impl Listed<'_> {
    fn name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// What about a student matched by id the importer must confirm: both
/// names changed, or the grade went down (a student repeats a grade, none
/// goes back one).
pub fn student_changes(current: &student::Model, listed: &Listed<'_>) -> Vec<ImportError> {
    let mut held_rows = Vec::new();
    let was = format!("{} {}", current.first_name, current.last_name);
    if fold(&current.first_name) != fold(listed.given_name)
        && fold(&current.last_name) != fold(listed.family_name)
    {
        held_rows.push(held(
            listed.line,
            "roster-review-names",
            vec![
                ("id", listed.sourced_id.into()),
                ("was", was.as_str().into()),
                ("now", listed.name().into()),
            ],
        ));
    }
    if listed.grade < current.grade {
        held_rows.push(held(
            listed.line,
            "roster-review-grade",
            vec![
                ("id", listed.sourced_id.into()),
                ("name", was.into()),
                ("was", current.grade.into()),
                ("now", listed.grade.into()),
            ],
        ));
    }
    held_rows
}

/// What a school on file and its row of orgs.csv say of it: the importer
/// confirms a name that shares no word with the one on file. `adopting`:
/// the record is under no source and this roster would take it into its own.
pub fn school_change(
    line: u64,
    sourced_id: &str,
    on_file: &school::Model,
    name: &str,
    adopting: bool,
) -> Option<ImportError> {
    (!school_names_agree(&on_file.name, name)).then(|| ImportError {
        file: "orgs.csv",
        line,
        message: Message::new(if adopting {
            "roster-review-school-unsourced"
        } else {
            "roster-review-school-name"
        })
        .arg("id", sourced_id)
        .arg("was", on_file.name.as_str())
        .arg("now", name),
    })
}

/// The hand-added students (no sourcedId, active) of `schools`, by school,
/// folded names and grade.
pub struct HandAdded {
    by_key: HashMap<(i32, String, String, i32), Vec<student::Model>>,
    /// Those with guardians on file.
    with_guardians: HashSet<i32>,
}

impl HandAdded {
    pub async fn of(db: &impl ConnectionTrait, schools: &[i32]) -> AppResult<Self> {
        let hand_added = || {
            student::Entity::find()
                .filter(student::Column::SchoolId.is_in(schools.iter().copied()))
                .filter(student::Column::SourcedId.is_null())
                .filter(student::Column::Active.eq(true))
        };
        let with_guardians = student_guardian::Entity::find()
            .select_only()
            .column(student_guardian::Column::StudentId)
            .distinct()
            .filter(
                student_guardian::Column::StudentId.in_subquery(
                    hand_added()
                        .select_only()
                        .column(student::Column::Id)
                        .into_query(),
                ),
            )
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut by_key: HashMap<_, Vec<student::Model>> = HashMap::new();
        for s in hand_added().all(db).await? {
            by_key
                .entry((
                    s.school_id,
                    fold(&s.first_name),
                    fold(&s.last_name),
                    s.grade,
                ))
                .or_default()
                .push(s);
        }
        Ok(Self {
            by_key,
            with_guardians,
        })
    }

    /// The hand-added records with the row's school, names and grade.
    fn records_for(&self, row: &Listed<'_>) -> &[student::Model] {
        self.by_key
            .get(&(
                row.school_id,
                fold(row.given_name),
                fold(row.family_name),
                row.grade,
            ))
            .map_or(&[], Vec::as_slice)
    }

    /// Of the roster students at `unmatched` in `listed` (those no id
    /// matched), the record each takes over (by its index in `listed`),
    /// and the rows held for the importer: the match is not one to one (on
    /// confirmation the roster makes its own record), or it is but
    /// unproven (on confirmation the record is taken over).
    pub fn matches(
        &self,
        listed: &[Listed<'_>],
        unmatched: &[usize],
    ) -> (HashMap<usize, student::Model>, Vec<ImportError>) {
        let key = |l: &Listed<'_>| {
            (
                l.school_id,
                fold(l.given_name),
                fold(l.family_name),
                l.grade,
            )
        };
        let mut rows_per_key: HashMap<_, usize> = HashMap::new();
        for &at in unmatched {
            *rows_per_key.entry(key(&listed[at])).or_default() += 1;
        }
        let mut adopted = HashMap::new();
        let mut ambiguous = Vec::new();
        for &at in unmatched {
            let row = &listed[at];
            let k = key(row);
            let Some(records) = self.by_key.get(&k) else {
                continue;
            };
            if let ([record], 1) = (records.as_slice(), rows_per_key[&k]) {
                match (record.date_of_birth, row.birth_date) {
                    // Born on different days: two children.
                    (Some(on_file), Some(listed)) if on_file != listed => {}
                    (Some(_), Some(_)) => {
                        adopted.insert(at, record.clone());
                    }
                    _ if record.user_id.is_some() || self.with_guardians.contains(&record.id) => {
                        ambiguous.push(held(
                            row.line,
                            "roster-review-hand-added-unproven",
                            vec![
                                ("id", row.sourced_id.into()),
                                ("name", row.name().into()),
                                ("record", format!("#{}", record.id).into()),
                            ],
                        ));
                        adopted.insert(at, record.clone());
                    }
                    _ => {
                        adopted.insert(at, record.clone());
                    }
                }
                continue;
            }
            let ids: Vec<String> = records.iter().map(|r| format!("#{}", r.id)).collect();
            ambiguous.push(held(
                row.line,
                "roster-review-hand-added",
                vec![
                    ("id", row.sourced_id.into()),
                    ("name", row.name().into()),
                    ("records", ids.join(", ").into()),
                    ("rows", rows_per_key[&k].into()),
                ],
            ));
        }
        (adopted, ambiguous)
    }
}

/// Whether the export is of a new school year: of the students it lists
/// under their ids on file (`(grade on file, grade listed)`, active on both
/// sides), more moved up one grade than stayed in theirs. A district rolls
/// its system over when it rolls over, not on a set day, and the export
/// says so itself.
pub fn new_school_year(grades: impl IntoIterator<Item = (i32, i32)>) -> bool {
    let (mut up, mut same) = (0usize, 0usize);
    for (on_file, listed) in grades {
        if listed == on_file + 1 {
            up += 1;
        } else if listed == on_file {
            same += 1;
        }
    }
    up > same
}

/// What tells a record and a row under a new id apart from two children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// Born on the same day (both dates known).
    BirthDate,
    /// No birth date on both sides: the same grade.
    Grade,
    /// No birth date on both sides: one grade higher, in a new school year.
    NextGrade,
}

impl Proof {
    /// The sentence the held row's message gives for it.
    fn message_id(self) -> &'static str {
        match self {
            Proof::BirthDate => "roster-rekey-proof-birth-date",
            Proof::Grade => "roster-rekey-proof-grade",
            Proof::NextGrade => "roster-rekey-proof-next-grade",
        }
    }
}

/// Whether `record` (an active record of the roster's source that this
/// export no longer lists) may be `row` under a new id: the same names
/// (folded), and born on the same day (at any school of the file: a re-key
/// may come with a move), or, when a birth date is missing, at one of the
/// row's schools in the same grade (one higher in a new school year).
/// Birth dates that differ are two children.
pub fn may_be_rekeyed(record: &student::Model, row: &Listed<'_>, new_year: bool) -> Option<Proof> {
    if fold(&record.first_name) != fold(row.given_name)
        || fold(&record.last_name) != fold(row.family_name)
    {
        return None;
    }
    match (record.date_of_birth, row.birth_date) {
        (Some(on_file), Some(listed)) => (on_file == listed).then_some(Proof::BirthDate),
        _ if !row.schools.contains(&record.school_id) => None,
        _ if row.grade == record.grade => Some(Proof::Grade),
        _ if new_year && row.grade == record.grade + 1 => Some(Proof::NextGrade),
        _ => None,
    }
}

/// The roster rows under ids not on file that may be records whose ids the
/// export no longer lists (see the module's comment), once matched.
#[derive(Debug, Default)]
pub struct Rekeys {
    /// By the row's index in `listed`: the record it takes over once the
    /// importer confirms.
    pub moving: HashMap<usize, student::Model>,
    /// The held rows: each of `moving`, and those more than one record (or
    /// a record more than one row) could be, which nothing moves for.
    pub held: Vec<ImportError>,
    /// The rows either concerns: matching to hand-added records leaves
    /// them alone (a row that may be two records is no one's).
    pub rows: HashSet<usize>,
}

/// What the matching reads of the records on file.
pub struct OnFile<'a> {
    /// The active records of the roster's source at the schools of the
    /// file whose ids the export does not list, or lists as leaving.
    pub unlisted: Vec<&'a student::Model>,
    /// The ids the export lists as leaving only (`tobedeleted`,
    /// `enabledUser` false).
    pub leaving: &'a HashSet<&'a str>,
    /// Hand-added records, which may be a row's too.
    pub hand_added: &'a HandAdded,
    /// The schools of the file, by record id, as orgs.csv names them.
    pub school_names: &'a HashMap<i32, String>,
    /// The export is of a new school year (`new_school_year`).
    pub new_year: bool,
    /// users.csv is a delta: a record it leaves out stays as it is.
    pub delta: bool,
}

impl Rekeys {
    /// Matches the rows at `unmatched` in `listed` (no id on file) to the
    /// records of `on_file` whose ids the export no longer lists.
    pub fn find(listed: &[Listed<'_>], unmatched: &[usize], on_file: &OnFile<'_>) -> Self {
        let names = |first: &str, last: &str| (fold(first), fold(last));
        let mut by_names: HashMap<(String, String), Vec<&student::Model>> = HashMap::new();
        for record in &on_file.unlisted {
            by_names
                .entry(names(&record.first_name, &record.last_name))
                .or_default()
                .push(record);
        }
        // Each row's candidates, and how many rows each record is one of.
        let mut candidates: Vec<(usize, Vec<(&student::Model, Proof)>)> = Vec::new();
        let mut rows_per_record: HashMap<i32, usize> = HashMap::new();
        for &at in unmatched {
            let row = &listed[at];
            let mut found: Vec<(&student::Model, Proof)> = by_names
                .get(&names(row.given_name, row.family_name))
                .into_iter()
                .flatten()
                .filter_map(|record| {
                    may_be_rekeyed(record, row, on_file.new_year).map(|proof| (*record, proof))
                })
                .collect();
            // Named in the message in the order they were added.
            found.sort_by_key(|(record, _)| record.id);
            for (record, _) in &found {
                *rows_per_record.entry(record.id).or_default() += 1;
            }
            if !found.is_empty() {
                candidates.push((at, found));
            }
        }
        let mut rekeys = Rekeys::default();
        for (at, found) in candidates {
            let row = &listed[at];
            let hand_added = on_file.hand_added.records_for(row);
            let rows = found
                .iter()
                .map(|(record, _)| rows_per_record[&record.id])
                .max()
                .unwrap_or(1);
            rekeys.rows.insert(at);
            if let ([(record, proof)], 1, []) = (found.as_slice(), rows, hand_added) {
                rekeys.held.push(rekey_held(row, record, *proof, on_file));
                rekeys.moving.insert(at, (*record).clone());
                continue;
            }
            let records: Vec<String> = found
                .iter()
                .map(|(record, _)| {
                    format!(
                        "#{} “{}”",
                        record.id,
                        record.sourced_id.as_deref().unwrap_or_default()
                    )
                })
                .chain(hand_added.iter().map(|record| format!("#{}", record.id)))
                .collect();
            rekeys.held.push(held(
                row.line,
                "roster-review-rekeyed-ambiguous",
                vec![
                    ("id", row.sourced_id.into()),
                    ("name", row.name().into()),
                    ("records", records.join(", ").into()),
                    ("rows", rows.into()),
                ],
            ));
        }
        rekeys
    }
}

/// The held row of a record that takes a row's new id once confirmed.
fn rekey_held(
    row: &Listed<'_>,
    record: &student::Model,
    proof: Proof,
    on_file: &OnFile<'_>,
) -> ImportError {
    let school = |id: i32| on_file.school_names.get(&id).cloned().unwrap_or_default();
    let old = record.sourced_id.as_deref().unwrap_or_default();
    // Born on the same day at another school of the file: the record moves.
    let moving = !row.schools.contains(&record.school_id);
    // An old id listed as leaving departs even in a delta export.
    let leaving = on_file.leaving.contains(old);
    let mut error = held(
        row.line,
        "roster-review-rekeyed",
        vec![
            ("id", row.sourced_id.into()),
            ("name", row.name().into()),
            ("old", old.into()),
            ("record", format!("#{}", record.id).into()),
            ("school", school(record.school_id).into()),
            ("grade", record.grade.into()),
            ("moving", usize::from(moving).into()),
            ("leaving", usize::from(leaving).into()),
            ("delta", usize::from(on_file.delta && !leaving).into()),
            ("to", school(row.school_id).into()),
        ],
    );
    error.message = error.message.term("proof", proof.message_id());
    error
}

/// A guardian row of users.csv under an id not on file.
pub struct NewGuardian<'a> {
    pub sourced_id: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub email: Option<&'a str>,
    /// The records of the students the file links it to.
    pub students: Vec<i32>,
}

/// Of the rows of `new`, those that are a contact on file under an old id
/// (see the module's comment), with that contact, by the row's id.
/// `linked`: the roster contacts of each student record, as they stand
/// before the import; `staying`: the guardian ids the export lists as
/// active; `source`: the roster's source, whose contacts only are
/// candidates. A row that two contacts could be, or a contact that two rows
/// could be, is nobody's: those rows are new contacts as before.
pub fn guardian_rekeys(
    new: &[NewGuardian<'_>],
    linked: &HashMap<i32, Vec<&guardian::Model>>,
    staying: &HashSet<&str>,
    source: &str,
) -> HashMap<String, guardian::Model> {
    let mut found: Vec<(&str, &guardian::Model)> = Vec::new();
    let mut rows_per_contact: HashMap<i32, usize> = HashMap::new();
    for row in new {
        let names = (fold(row.given_name), fold(row.family_name));
        let mut contacts: Vec<&guardian::Model> = row
            .students
            .iter()
            .flat_map(|student| linked.get(student).into_iter().flatten())
            .copied()
            .filter(|g| {
                g.active
                    && g.roster_source == source
                    && g.sourced_id
                        .as_deref()
                        .is_some_and(|old| !staying.contains(old))
                    && (fold(&g.given_name), fold(&g.family_name)) == names
                    && same_address(g.email.as_deref(), row.email)
            })
            .collect();
        contacts.sort_by_key(|g| g.id);
        contacts.dedup_by_key(|g| g.id);
        for contact in &contacts {
            *rows_per_contact.entry(contact.id).or_default() += 1;
        }
        if let [contact] = contacts.as_slice() {
            found.push((row.sourced_id, contact));
        }
    }
    found
        .into_iter()
        .filter(|(_, contact)| rows_per_contact[&contact.id] == 1)
        .map(|(id, contact)| (id.to_owned(), contact.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_without_case_accents_or_punctuation() {
        assert_eq!(fold("  José  Núñez-García "), "jose nunez garcia");
        assert_eq!(fold("NGUYỄN Thị"), "nguyen thi");
        assert_eq!(fold("O'Connor"), "o connor");
    }

    fn record(id: i32, sis: &str, school: i32, grade: i32, born: Option<&str>) -> student::Model {
        student::Model {
            id,
            school_id: school,
            user_id: None,
            first_name: "José".into(),
            last_name: "Núñez-García".into(),
            grade,
            claim_code_hash: None,
            claim_code_expires_at: None,
            active: true,
            created_at: chrono::Utc::now(),
            date_of_birth: born.and_then(|d| d.parse().ok()),
            home_zip: None,
            travel_miles: None,
            interests: String::new(),
            languages: String::new(),
            sourced_id: Some(sis.into()),
            roster_source: "pv".into(),
            priority: false,
            gender: None,
            race_ethnicity: None,
            low_income: None,
            english_learner: None,
            disability: None,
            first_generation: None,
        }
    }

    fn row<'a>(sis: &'a str, school: i32, grade: i32, born: Option<&str>) -> Listed<'a> {
        Listed {
            line: 2,
            sourced_id: sis,
            school_id: school,
            given_name: "JOSE",
            family_name: "Nunez Garcia",
            grade,
            birth_date: born.and_then(|d| d.parse().ok()),
            schools: vec![school],
        }
    }

    #[test]
    fn a_record_under_a_new_id_is_the_same_child_by_names_and_birth_date_or_else_grade() {
        let born = Some("2010-03-04");
        let on_file = record(1, "s1", 10, 9, born);
        // Born on the same day: the same child, in any grade, at another
        // school of the file too (a re-key at the move to high school).
        assert_eq!(
            may_be_rekeyed(&on_file, &row("st-1", 10, 9, born), false),
            Some(Proof::BirthDate)
        );
        assert_eq!(
            may_be_rekeyed(&on_file, &row("st-1", 20, 10, born), false),
            Some(Proof::BirthDate)
        );
        // Born on different days: two children, whatever else agrees.
        assert_eq!(
            may_be_rekeyed(&on_file, &row("st-1", 10, 9, Some("2010-03-05")), true),
            None
        );
        // Another name: not them.
        let other = Listed {
            given_name: "Josefa",
            ..row("st-1", 10, 9, born)
        };
        assert_eq!(may_be_rekeyed(&on_file, &other, false), None);
        // A birth date missing on either side: the school and grade decide.
        let unknown = record(1, "s1", 10, 9, None);
        for (on_file, listed) in [(&unknown, born), (&on_file, None), (&unknown, None)] {
            assert_eq!(
                may_be_rekeyed(on_file, &row("st-1", 10, 9, listed), false),
                Some(Proof::Grade)
            );
        }
        assert_eq!(
            may_be_rekeyed(&unknown, &row("st-1", 20, 9, None), true),
            None
        );
        assert_eq!(
            may_be_rekeyed(&unknown, &row("st-1", 10, 10, None), false),
            None
        );
        assert_eq!(
            may_be_rekeyed(&unknown, &row("st-1", 10, 10, None), true),
            Some(Proof::NextGrade)
        );
        assert_eq!(
            may_be_rekeyed(&unknown, &row("st-1", 10, 11, None), true),
            None
        );
        assert_eq!(
            may_be_rekeyed(&unknown, &row("st-1", 10, 8, None), true),
            None
        );
        // A row listing two schools, the record's among them.
        let dual = Listed {
            schools: vec![20, 10],
            ..row("st-1", 20, 9, None)
        };
        assert_eq!(may_be_rekeyed(&unknown, &dual, false), Some(Proof::Grade));
    }

    #[test]
    fn a_new_school_year_is_most_of_those_listed_by_id_moving_up_a_grade() {
        assert!(new_school_year([(9, 10), (10, 11), (11, 11)]));
        assert!(!new_school_year([(9, 9), (10, 10), (11, 12)]));
        assert!(!new_school_year([(9, 10), (10, 10)]), "a tie is not");
        assert!(!new_school_year([]), "nothing listed by id says nothing");
        // Two grades up says nothing either way.
        assert!(new_school_year([(9, 11), (9, 11), (10, 11)]));
    }

    #[test]
    fn only_a_one_to_one_match_moves_a_record_and_every_one_is_held() {
        let names = HashMap::from([(10, "Pine Valley High".to_owned())]);
        let hand_added = HandAdded {
            by_key: HashMap::new(),
            with_guardians: HashSet::new(),
        };
        let find = |records: &[student::Model], rows: &[Listed<'_>]| {
            let unmatched: Vec<usize> = (0..rows.len()).collect();
            Rekeys::find(
                rows,
                &unmatched,
                &OnFile {
                    unlisted: records.iter().collect(),
                    hand_added: &hand_added,
                    school_names: &names,
                    new_year: false,
                    delta: false,
                    leaving: &HashSet::new(),
                },
            )
        };
        let born = Some("2010-03-04");
        let ids =
            |r: &Rekeys| -> Vec<String> { r.held.iter().map(|e| e.message.id.clone()).collect() };
        let one = find(&[record(1, "s1", 10, 9, born)], &[row("st-1", 10, 9, born)]);
        assert_eq!(one.moving[&0].id, 1);
        assert_eq!(ids(&one), ["roster-review-rekeyed"]);
        let text = one.held[0].text(crate::i18n::Lang::En);
        assert!(
            text.starts_with(
                "JOSE Nunez Garcia is listed under a new SIS id “st-1”; the record on file \
                 (#1, Pine Valley High, grade 9) has id “s1”, which this export no longer \
                 lists. They have the same names and birth date. Confirm to move the record"
            ),
            "{text}"
        );
        // Two records that could be the row: nothing moves.
        let two = find(
            &[record(1, "s1", 10, 9, born), record(2, "s2", 10, 9, None)],
            &[row("st-1", 10, 9, born)],
        );
        assert!(two.moving.is_empty());
        assert_eq!(ids(&two), ["roster-review-rekeyed-ambiguous"]);
        assert!(
            two.held[0]
                .text(crate::i18n::Lang::En)
                .contains("#1 “s1”, #2 “s2”")
        );
        // Two rows that could be the record: neither takes it.
        let rows = [row("st-1", 10, 9, born), row("st-2", 10, 9, None)];
        let twice = find(&[record(1, "s1", 10, 9, born)], &rows);
        assert!(twice.moving.is_empty());
        assert_eq!(twice.rows.len(), 2);
        // A hand-added record of the same school, names and grade could
        // be the row too: nothing moves, and the message names it.
        let by_hand = record(3, "", 10, 9, None);
        let key = (10, fold("José"), fold("Núñez-García"), 9);
        let with_hand_added = HandAdded {
            by_key: HashMap::from([(key, vec![by_hand])]),
            with_guardians: HashSet::new(),
        };
        let rows = [row("st-1", 10, 9, born)];
        let both = Rekeys::find(
            &rows,
            &[0],
            &OnFile {
                unlisted: vec![&record(1, "s1", 10, 9, born)],
                hand_added: &with_hand_added,
                school_names: &names,
                new_year: false,
                delta: false,
                leaving: &HashSet::new(),
            },
        );
        assert!(both.moving.is_empty());
        assert_eq!(ids(&both), ["roster-review-rekeyed-ambiguous"]);
        assert!(
            both.held[0]
                .text(crate::i18n::Lang::En)
                .contains("#1 “s1”, #3:")
        );
        // Born on another day: a new student, nothing held.
        let other = find(
            &[record(1, "s1", 10, 9, born)],
            &[row("st-1", 10, 9, Some("2011-01-01"))],
        );
        assert!(other.moving.is_empty() && other.held.is_empty() && other.rows.is_empty());
    }

    #[test]
    fn school_names_agree_on_a_telling_word_only() {
        assert!(school_names_agree("Lincoln High", "Lincoln High School"));
        assert!(school_names_agree(
            "Escuela Secundaria Niños Héroes",
            "Escuela Secundaria Ninos Heroes"
        ));
        assert!(!school_names_agree(
            "Lincoln High School",
            "Roosevelt High School"
        ));
        assert!(!school_names_agree(
            "Escuela Secundaria Niños Héroes",
            "Harbor View Middle School"
        ));
    }
}
