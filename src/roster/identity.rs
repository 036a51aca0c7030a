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

use std::collections::{HashMap, HashSet};

use entity::{school, student, student_guardian};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use super::import::ImportError;
use crate::{
    error::AppResult,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_without_case_accents_or_punctuation() {
        assert_eq!(fold("  José  Núñez-García "), "jose nunez garcia");
        assert_eq!(fold("NGUYỄN Thị"), "nguyen thi");
        assert_eq!(fold("O'Connor"), "o connor");
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
