//! The demo roster: 420 students across the two demo schools, with every
//! student group represented, and a year of applications, placements and
//! hours in which participation is unequal (as it is in real schools), so
//! the counselor dashboard has real gaps to show, and one group small
//! enough to be suppressed.

use chrono::{Duration, Utc};
use entity::{
    ApplicationStatus, HoursStatus, PlacementStatus, application, application_event,
    belonging_response, hour_log, opportunity, placement, student,
};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::error::AppResult;

const FIRST: &[&str] = &[
    "Ana", "Marcus", "Linh", "Jamal", "Sofia", "Aiden", "Priya", "Diego", "Amara", "Noah",
    "Fatima", "Luis", "Grace", "Kwame", "Mei", "Ethan", "Zainab", "Mateo", "Aaliyah", "Omar",
];
const LAST: &[&str] = &[
    "Rivera",
    "Johnson",
    "Nguyen",
    "Williams",
    "Hernandez",
    "Kowalski",
    "Patel",
    "Garcia",
    "Okafor",
    "Smith",
    "Haddad",
    "Lopez",
    "Kim",
    "Mensah",
    "Chen",
    "Brown",
    "Ali",
    "Torres",
    "Jackson",
    "Hassan",
];
const RACES: &[&str] = &[
    "Hispanic or Latino",
    "Hispanic or Latino",
    "Black or African American",
    "Black or African American",
    "White",
    "Asian",
    "Two or more races",
    "American Indian or Alaska Native",
];

/// Loads the roster and its history; `schools` and `postings` are the demo's
/// own (never anything else in the database) and `actor` the user recorded
/// on employer-side events.
pub async fn load(
    db: &impl ConnectionTrait,
    schools: &[i32],
    postings: &[opportunity::Model],
    actor: i32,
) -> AppResult<()> {
    let mut rng = StdRng::seed_from_u64(420);
    let today = Utc::now();
    let mut taken = std::collections::HashMap::<i32, i32>::new();
    for n in 0..420 {
        let school_id = schools[n % schools.len()];
        let low_income = rng.random_bool(0.55);
        let english_learner = rng.random_bool(0.2);
        let disability = rng.random_bool(0.12);
        let first_generation = rng.random_bool(0.4);
        // Six students of another gender: a group small enough to be suppressed.
        let gender = if n % 70 == 3 {
            "Another gender"
        } else if rng.random_bool(0.5) {
            "Female"
        } else {
            "Male"
        };
        let grade = rng.random_range(9..13);
        let born = today.date_naive()
            - Duration::days(365 * (grade as i64 + 5) + rng.random_range(0..300));
        let student = student::ActiveModel {
            school_id: Set(school_id),
            first_name: Set(FIRST.choose(&mut rng).copied().unwrap_or("Sam").to_owned()),
            last_name: Set(LAST.choose(&mut rng).copied().unwrap_or("Lee").to_owned()),
            grade: Set(grade),
            active: Set(true),
            created_at: Set(today - Duration::days(400)),
            date_of_birth: Set(Some(born)),
            sourced_id: Set(Some(format!("demo-stu-{n:04}"))),
            gender: Set(Some(gender.to_owned())),
            race_ethnicity: Set(RACES.choose(&mut rng).map(|r| (*r).to_owned())),
            low_income: Set(Some(low_income)),
            english_learner: Set(Some(english_learner)),
            disability: Set(Some(disability)),
            first_generation: Set(Some(first_generation)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        super::families::give_guardian(db, &student, n).await?;

        // The usual pattern: fewer chances reach low-income students and English learners.
        let mut chance: f64 = 0.6;
        if low_income {
            chance -= 0.25;
        }
        if english_learner {
            chance -= 0.15;
        }
        if !rng.random_bool(chance.clamp(0.05, 0.95)) {
            continue;
        }
        let eligible: Vec<&opportunity::Model> = postings
            .iter()
            .filter(|o| o.min_grade <= grade && grade <= o.max_grade)
            .collect();
        let Some(posting) = eligible.choose(&mut rng) else {
            continue;
        };
        let applied_at = today - Duration::days(rng.random_range(5..330));
        // Postings whose seats are drawn are still collecting entries: no seat yet.
        let drawn_later = posting.allocation == entity::Allocation::FairDraw;
        let placed = rng.random_bool(if low_income { 0.35 } else { 0.55 })
            && *taken.get(&posting.id).unwrap_or(&0) < posting.slots
            && !drawn_later;
        let status = if placed {
            ApplicationStatus::Accepted
        } else if drawn_later {
            ApplicationStatus::Submitted
        } else {
            *[
                ApplicationStatus::Submitted,
                ApplicationStatus::Reviewing,
                ApplicationStatus::Rejected,
            ]
            .choose(&mut rng)
            .unwrap_or(&ApplicationStatus::Submitted)
        };
        let application = application::ActiveModel {
            opportunity_id: Set(posting.id),
            student_id: Set(student.id),
            school_id: Set(Some(student.school_id)),
            status: Set(status),
            note: Set("I want to learn what this work is like.".into()),
            availability: Set("After school".into()),
            accommodations: Set(String::new()),
            created_at: Set(applied_at),
            updated_at: Set(applied_at + Duration::days(3)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        application_event::ActiveModel {
            application_id: Set(application.id),
            from_status: Set(None),
            to_status: Set(ApplicationStatus::Submitted),
            actor_id: Set(actor),
            at: Set(applied_at),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if !placed {
            continue;
        }
        *taken.entry(posting.id).or_default() += 1;
        let completed = applied_at < today - Duration::days(60) && rng.random_bool(0.7);
        let start = (applied_at + Duration::days(7)).date_naive();
        let placement = placement::ActiveModel {
            application_id: Set(application.id),
            opportunity_id: Set(posting.id),
            student_id: Set(student.id),
            status: Set(if completed {
                PlacementStatus::Completed
            } else {
                PlacementStatus::Active
            }),
            start_date: Set(start),
            end_date: Set(start + Duration::days(56)),
            guardian_name: Set(Some("Guardian on file".into())),
            guardian_relationship: Set(Some("parent".into())),
            consent_given: Set(Some(true)),
            consent_recorded_at: Set(Some(applied_at + Duration::days(5))),
            created_at: Set(applied_at + Duration::days(4)),
            ended_at: Set(completed.then(|| applied_at + Duration::days(60))),
            // Two placements in three name a mentor (no draw from `rng`, so
            // every other seeded number stays as it was).
            mentor_name: Set((application.id % 3 != 0).then(|| "Rosa Diaz".to_owned())),
            mentor_role: Set((application.id % 3 != 0).then(|| "Engineer".to_owned())),
            mentor_languages: Set((application.id % 3 != 0).then(|| "es,en".to_owned())),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let before = rng.random_range(1..4);
        belonging_response::ActiveModel {
            placement_id: Set(placement.id),
            student_id: Set(student.id),
            stage: Set(entity::BelongingStage::Before),
            score: Set(before),
            created_at: Set(applied_at + Duration::days(4)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for week in 0..rng.random_range(2..6) {
            hour_log::ActiveModel {
                placement_id: Set(placement.id),
                work_date: Set(start + Duration::days(7 * week)),
                quarter_hours: Set(4 * rng.random_range(2..6)),
                description: Set("Worked with my mentor on the week's project.".into()),
                status: Set(HoursStatus::Approved),
                reviewed_by: Set(Some(actor)),
                reviewed_at: Set(Some(applied_at + Duration::days(10))),
                created_at: Set(applied_at + Duration::days(9)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        if completed {
            belonging_response::ActiveModel {
                placement_id: Set(placement.id),
                student_id: Set(student.id),
                stage: Set(entity::BelongingStage::After),
                score: Set((before + rng.random_range(0..3)).min(5)),
                created_at: Set(applied_at + Duration::days(61)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
