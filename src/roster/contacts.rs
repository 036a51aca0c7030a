//! Who hears of what a roster did to families' guardian contacts.
//! Whoever controls a student's guardian contact controls email consent,
//! so a roster must not replace a family's contact unseen (drop or unlink
//! the real guardian while nothing waits for consent, then link another):
//!
//! - an active contact the roster makes inactive or unlinks from a student
//!   who stays active (or whose placement waits for consent) is told
//!   (`guardian-contact-ended`);
//! - each active contact of a student on file is told when the roster
//!   links another contact to that student, or makes one active again
//!   (`guardian-contact-added`, naming the new address masked).
//!
//! Both notices carry the link to report the change
//! (`families::address_report`). Contacts of students who leave (a year's
//! end) are not mailed. The same comparison counts, school by school, the
//! contacts of staying students a roster ends, for `departures`.

use std::collections::{BTreeMap, HashMap, HashSet};

use entity::{guardian, student, student_guardian};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use crate::{auth::extractors::CurrentUser, error::AppResult, families::service};

/// The guardian links of a set of students, and the linked guardians, as
/// they stand at one moment of an import.
pub struct Contacts {
    /// `(student, guardian)`.
    links: HashSet<(i32, i32)>,
    guardians: HashMap<i32, guardian::Model>,
}

impl Contacts {
    /// The links of `students` and their guardians, now.
    pub async fn of(txn: &DatabaseTransaction, students: &[i32]) -> AppResult<Self> {
        let mut links = HashSet::new();
        for chunk in students.chunks(500) {
            links.extend(
                student_guardian::Entity::find()
                    .filter(student_guardian::Column::StudentId.is_in(chunk.to_vec()))
                    .all(txn)
                    .await?
                    .into_iter()
                    .map(|l| (l.student_id, l.guardian_id)),
            );
        }
        let ids: Vec<i32> = links
            .iter()
            .map(|(_, g)| *g)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let mut guardians = HashMap::new();
        for chunk in ids.chunks(500) {
            for g in guardian::Entity::find()
                .filter(guardian::Column::Id.is_in(chunk.to_vec()))
                .all(txn)
                .await?
            {
                guardians.insert(g.id, g);
            }
        }
        Ok(Contacts { links, guardians })
    }

    /// Every guardian linked to one of the students.
    pub fn guardian_ids(&self) -> impl Iterator<Item = i32> + '_ {
        self.guardians.keys().copied()
    }

    /// Each student's linked guardians.
    pub fn by_student(&self) -> HashMap<i32, Vec<&guardian::Model>> {
        let mut by_student: HashMap<i32, Vec<&guardian::Model>> = HashMap::new();
        for (student, guardian) in &self.links {
            if let Some(g) = self.guardians.get(guardian) {
                by_student.entry(*student).or_default().push(g);
            }
        }
        by_student
    }

    /// Whether the link stands and its guardian is active.
    fn reaches(&self, link: (i32, i32)) -> bool {
        self.links.contains(&link) && self.guardians.get(&link.1).is_some_and(|g| g.active)
    }

    /// The links whose guardian is active, in a stable order.
    fn active_links(&self) -> Vec<(i32, i32)> {
        let mut links: Vec<(i32, i32)> = self
            .links
            .iter()
            .copied()
            .filter(|link| self.reaches(*link))
            .collect();
        links.sort_unstable();
        links
    }
}

/// Per school: the active roster contacts of its staying students, and how
/// many of them the import ended (the `departures` rule for contacts).
pub type Ended = HashMap<i32, (usize, usize)>;

/// The students of an import's schools as it leaves them.
pub struct Students<'a> {
    /// Each active student's school.
    pub staying: &'a HashMap<i32, i32>,
    /// Students with a placement waiting for consent (told even if they
    /// left: a decision about them is pending).
    pub waiting: &'a HashSet<i32>,
    /// Each student's school before the import moved anyone: a contact it
    /// ends hears from that school, not the one the child moves to.
    pub was_at: &'a service::SchoolsBefore,
}

/// Compares the contacts before and after the import's writes: tells each
/// contact ended and each contact beside a new one (see the module), puts
/// every such change on the record, and counts the contacts ended per
/// school. `told`: guardians whose former address was already told of a
/// change of address in this import; `listed`: the guardians users.csv
/// lists (a contact it lists as inactive is on the record already).
pub async fn tell(
    txn: &DatabaseTransaction,
    importer: &CurrentUser,
    before: &Contacts,
    after: &Contacts,
    students: Students<'_>,
    told: &HashSet<i32>,
    listed: &HashSet<i32>,
) -> AppResult<Ended> {
    let mut per_school: HashMap<i32, (HashSet<i32>, HashSet<i32>)> = HashMap::new();
    // Each guardian ended, with the first student it ended for.
    let mut ended: BTreeMap<i32, i32> = BTreeMap::new();
    for (student, guardian) in before.active_links() {
        let school = students.staying.get(&student);
        if school.is_none() && !students.waiting.contains(&student) {
            continue;
        }
        let ends = !after.reaches((student, guardian));
        if let Some(school) = school
            && before.guardians[&guardian].sourced_id.is_some()
        {
            let (active, ending) = per_school.entry(*school).or_default();
            active.insert(guardian);
            if ends {
                ending.insert(guardian);
            }
        }
        if ends {
            ended.entry(guardian).or_insert(student);
        }
    }
    for (&guardian, &student) in &ended {
        if !told.contains(&guardian) {
            service::tell_contact_ended(
                txn,
                &before.guardians[&guardian],
                Some(student),
                students.was_at,
            )
            .await?;
        }
        let change = if after.guardians.get(&guardian).is_some_and(|g| g.active) {
            format!(": unlinked from student {student}")
        } else if listed.contains(&guardian) {
            continue;
        } else {
            ": made inactive (left out of the roster)".to_owned()
        };
        super::import::audit_contact(txn, importer, guardian, &change).await?;
    }

    // Contacts new to a student who stays: those beside them are told.
    let mut beside: HashMap<i32, Vec<i32>> = HashMap::new();
    for (student, guardian) in before.active_links() {
        if after.reaches((student, guardian)) {
            beside.entry(student).or_default().push(guardian);
        }
    }
    let mut told_of_added: HashSet<i32> = HashSet::new();
    for (student, guardian) in after.active_links() {
        if before.reaches((student, guardian)) || !students.staying.contains_key(&student) {
            continue;
        }
        let others = beside.get(&student).map(Vec::as_slice).unwrap_or_default();
        // With nobody active beside the new contact, the contacts the
        // family had (still linked, inactive now) are told: a student
        // taken off and put back with a new contact (eyes11e F1).
        let earlier: Vec<i32> = if others.is_empty() {
            let mut earlier: Vec<i32> = before
                .links
                .iter()
                // Not one this import ended: told of that already.
                .filter(|(s, g)| {
                    *s == student
                        && *g != guardian
                        && !after.reaches((*s, *g))
                        && !ended.contains_key(g)
                })
                .map(|(_, g)| *g)
                .filter(|g| {
                    before.guardians[g]
                        .email
                        .as_deref()
                        .is_some_and(|e| !e.is_empty())
                })
                .collect();
            earlier.sort_unstable();
            earlier
        } else {
            Vec::new()
        };
        if others.is_empty() && earlier.is_empty() && !students.waiting.contains(&student) {
            // A student new to the file, or with no contact before: nobody
            // to tell, and nothing to put on the record beyond the import.
            continue;
        }
        let added = &after.guardians[&guardian];
        let email = added.email.as_deref().unwrap_or("-");
        super::import::audit_contact(
            txn,
            importer,
            guardian,
            &format!(": linked to student {student}, email {email}"),
        )
        .await?;
        if others.is_empty() && earlier.is_empty() {
            continue;
        }
        let Some(record) = student::Entity::find_by_id(student).one(txn).await? else {
            continue;
        };
        for other in &earlier {
            if told_of_added.insert(*other) {
                service::tell_earlier_contact(
                    txn,
                    &before.guardians[other],
                    &record,
                    added,
                    students.was_at,
                )
                .await?;
            }
        }
        for other in others {
            if *other != guardian && told_of_added.insert(*other) {
                service::tell_contact_added(txn, &after.guardians[other], &record, added).await?;
            }
        }
    }
    Ok(per_school
        .into_iter()
        .map(|(school, (active, ending))| (school, (active.len(), ending.len())))
        .collect())
}
