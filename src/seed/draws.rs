//! Two past job shadows of the demo, one first come, first served and one
//! by fair draw, so the counselor dashboard shows the difference: under
//! first come the students already placed (who apply first) take most
//! seats; the draw seats students on their first placement first.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate, Utc};
use entity::{
    ApplicationStatus, OpportunityStatus, PlacementStatus, application, application_event,
    opportunity, placement, student,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::postings;
use crate::opportunities::forms::PostingForm;
use crate::{draws, opportunities};

/// Seats of each demo shadow, and applicants from each side.
const SEATS: i32 = 30;
const PER_SIDE: usize = 20;

fn form(allocation: &str, title: &str, metro: usize, today: NaiveDate) -> PostingForm {
    let mut form = postings::generate(&mut postings::rng(19), metro, today);
    // A week apart: one student may hold a seat in each (the same hours
    // on the same day would clash, `placements::overlap`).
    let day = today + Duration::days(if allocation == "fair_draw" { 21 } else { 14 });
    form.title = title.into();
    form.kind = "job_shadow".into();
    form.allocation = allocation.into();
    form.mode = "on_site".into();
    form.address = "400 Main St".into();
    form.compensation = "unpaid".into();
    form.hourly_wage = String::new();
    form.stipend = String::new();
    form.hours_per_week = String::new();
    form.start_date = day.to_string();
    form.end_date = day.to_string();
    form.start_time = "09:00".into();
    form.end_time = "13:00".into();
    form.deadline = (today - Duration::days(3)).to_string();
    form.min_grade = "9".into();
    form.max_grade = "12".into();
    form.min_age = String::new();
    form.slots = SEATS.to_string();
    form
}

async fn posting(
    db: &DatabaseConnection,
    organization_id: i32,
    created_by: i32,
    form: &PostingForm,
) -> anyhow::Result<opportunity::Model> {
    let posting = form.parse().map_err(|e| {
        anyhow::anyhow!("demo shadow invalid: {}", e.summary(crate::i18n::Lang::En))
    })?;
    let made = opportunities::service::Made {
        organization_id,
        created_by,
        created_with: None,
    };
    Ok(opportunities::service::insert(db, &made, &posting, OpportunityStatus::Published).await?)
}

async fn enter(
    db: &DatabaseConnection,
    opportunity: &opportunity::Model,
    student: &student::Model,
    status: ApplicationStatus,
    at: chrono::DateTime<Utc>,
) -> anyhow::Result<application::Model> {
    let saved = application::ActiveModel {
        opportunity_id: Set(opportunity.id),
        student_id: Set(student.id),
        school_id: Set(Some(student.school_id)),
        status: Set(status),
        note: Set("I would love to see this work up close.".into()),
        availability: Set(String::new()),
        accommodations: Set(String::new()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    application_event::ActiveModel {
        application_id: Set(saved.id),
        from_status: Set(None),
        to_status: Set(status),
        actor_id: Set(opportunity.created_by),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved)
}

/// Loads the two shadows and runs the real draw on the second.
pub async fn load(
    db: &DatabaseConnection,
    organization_id: i32,
    created_by: i32,
    metro: usize,
) -> anyhow::Result<()> {
    let today = crate::format::today();
    let placed: HashSet<i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::StudentId)
        .filter(placement::Column::Status.is_in(PlacementStatus::HOLDING_A_SLOT))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let students: Vec<student::Model> = student::Entity::find()
        .filter(student::Column::Active.eq(true))
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?;
    // One school's students: its own view of the draws' effect then shows
    // its figures (each school's view hides what is under the threshold,
    // and a view of several schools adds up only what each one shows).
    let school = students.first().map(|s| s.school_id);
    let students: Vec<student::Model> = students
        .into_iter()
        .filter(|s| Some(s.school_id) == school)
        .collect();
    let (veterans, newcomers): (Vec<&student::Model>, Vec<&student::Model>) =
        students.iter().partition(|s| placed.contains(&s.id));
    if veterans.len() < PER_SIDE || newcomers.len() < 2 * PER_SIDE {
        return Ok(());
    }
    let now = Utc::now();

    // First come: the students already placed apply days earlier and take
    // the seats before most newcomers see the posting.
    let first_come = posting(
        db,
        organization_id,
        created_by,
        &form(
            "first_come",
            "Hospital lab job shadow day (first come)",
            metro,
            today,
        ),
    )
    .await?;
    let mut taken = 0;
    let arrivals = veterans[..PER_SIDE]
        .iter()
        .map(|s| (*s, Duration::days(10)))
        .chain(
            newcomers[..PER_SIDE]
                .iter()
                .map(|s| (*s, Duration::days(8))),
        );
    for (n, (student, ago)) in arrivals.enumerate() {
        let at = now - ago + Duration::minutes(n as i64);
        let seat = taken < SEATS;
        let status = if seat {
            ApplicationStatus::Accepted
        } else {
            ApplicationStatus::Waitlisted
        };
        let entry = enter(db, &first_come, student, status, at).await?;
        if seat {
            taken += 1;
            crate::placements::service::create(db, &entry, &first_come, student, taken).await?;
        }
    }

    // Fair draw: the same kinds of applicants, other students, the real draw.
    let fair = posting(
        db,
        organization_id,
        created_by,
        &form(
            "fair_draw",
            "Hospital lab job shadow day (fair draw)",
            metro,
            today,
        ),
    )
    .await?;
    // The same placed students (one school has few enough that both
    // shadows share them) and other newcomers.
    let entrants = veterans[..PER_SIDE]
        .iter()
        .chain(&newcomers[PER_SIDE..2 * PER_SIDE]);
    for (n, student) in entrants.enumerate() {
        let at = now - Duration::days(9) + Duration::minutes(n as i64);
        let entry = enter(db, &fair, student, ApplicationStatus::Submitted, at).await?;
        draws::service::issue_ticket(db, fair.id, entry.id, student.priority).await?;
    }
    draws::service::run(db, fair.id, today, false).await?;
    Ok(())
}
