//! An opportunity's applicants as its employer sees them: name, grade and
//! school as the student applied, and what they sent, for as long as the
//! application can still lead to a placement or did (eyes14a F2).

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{
    ApplicationStatus, OpportunityStatus, PlacementStatus, application, application_event,
    opportunity, placement, school, student,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use serde::Serialize;

use super::service::{HistoryStep, steps};
use crate::{
    auth::extractors::VerifiedEmployer,
    error::{AppResult, OrNotFound},
};

/// An applicant as the employer sees them. Never demographics, never their
/// other applications.
#[derive(Debug, Serialize)]
pub struct Applicant {
    pub application_id: i32,
    pub name: String,
    /// `vocab-application_status-<key>`.
    pub status: &'static str,
    pub history: Vec<HistoryStep>,
    /// `None` once the application is over (see [`shows_what_was_sent`]):
    /// the row then only records that this person applied and how it ended.
    pub sent: Option<Sent>,
}

/// Grade and school as the student applied, and what they sent.
#[derive(Debug, Serialize)]
pub struct Sent {
    pub grade: i32,
    pub school: String,
    pub note: String,
    pub availability: String,
    pub accommodations: String,
}

/// Whether the employer still reads what a student sent with an application
/// (accommodations are often about health or disability) and their grade and
/// school. Only while it can still become a placement, or did:
///
/// - accepted: while its placement goes ahead or went ahead; one the family
///   declined, the student gave back or the school cancelled needs nothing,
///   nor does one waiting for consent of a student who left the roster
///   (their guardian's link no longer works);
/// - still in the pipeline: while the student is on the roster and the
///   posting can still place anyone ([`can_still_place`]);
/// - declined, rejected or withdrawn: never again.
pub fn shows_what_was_sent(
    status: ApplicationStatus,
    placement: Option<PlacementStatus>,
    student_active: bool,
    posting_can_place: bool,
) -> bool {
    use ApplicationStatus as A;
    use PlacementStatus as P;
    match status {
        A::Accepted => match placement {
            Some(P::Active | P::Completed | P::EndedEarly) => true,
            Some(P::AwaitingConsent) => student_active,
            Some(P::ConsentDeclined | P::Withdrawn | P::Cancelled) | None => false,
        },
        A::Submitted | A::Reviewing | A::Interview | A::Offered | A::Waitlisted => {
            student_active && posting_can_place
        }
        A::Declined | A::Rejected | A::Withdrawn => false,
    }
}

/// Whether a posting can still place an applicant: not archived, and its
/// last day not past (accepting is refused then). A posting closed at its
/// deadline still can: employers choose after the deadline.
pub fn can_still_place(posting: &opportunity::Model, today: NaiveDate) -> bool {
    posting.status != OpportunityStatus::Archived && posting.end_date >= today
}

/// One page of an opportunity's applicants, oldest application first (the
/// search finds one by name).
pub async fn applicants(
    db: &impl ConnectionTrait,
    employer: &VerifiedEmployer,
    opportunity_id: i32,
    paging: &crate::paging::Paging,
) -> AppResult<(opportunity::Model, Vec<Applicant>)> {
    let organization_id = employer.organization_id;
    let opportunity = opportunity::Entity::find_by_id(opportunity_id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
        .or_not_found()?;
    let mut query = application::Entity::find()
        .filter(application::Column::OpportunityId.eq(opportunity_id))
        .order_by_asc(application::Column::CreatedAt)
        .order_by_asc(application::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset());
    if paging.q.is_some() {
        let column = |c: student::Column| sea_orm::sea_query::Expr::col((student::Entity, c));
        let named = student::Entity::find()
            .select_only()
            .column(student::Column::Id)
            .filter(crate::paging::name_or_id(
                paging,
                &[
                    column(student::Column::FirstName),
                    column(student::Column::LastName),
                ],
                // Employers never see student ids: no search by id.
                sea_orm::sea_query::Expr::val(0),
            ))
            .into_query();
        query = query.filter(application::Column::StudentId.in_subquery(named));
    }
    let applications = query.all(db).await?;
    // Students, schools, placements and histories of one page in four
    // queries (the id lists are at most a page long).
    let application_ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
    let student_ids: Vec<i32> = applications.iter().map(|a| a.student_id).collect();
    let students: HashMap<i32, student::Model> = student::Entity::find()
        .filter(student::Column::Id.is_in(student_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // The school each applied from, never the student's school now.
    let schools: HashMap<i32, String> = school::Entity::find()
        .filter(school::Column::Id.is_in(applications.iter().filter_map(|a| a.school_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let placements: HashMap<i32, PlacementStatus> = placement::Entity::find()
        .select_only()
        .column(placement::Column::ApplicationId)
        .column(placement::Column::Status)
        .filter(placement::Column::ApplicationId.is_in(application_ids.clone()))
        .into_tuple::<(i32, PlacementStatus)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut events: HashMap<i32, Vec<application_event::Model>> = HashMap::new();
    for event in application_event::Entity::find()
        .filter(application_event::Column::ApplicationId.is_in(application_ids))
        .order_by_asc(application_event::Column::Id)
        .all(db)
        .await?
    {
        events.entry(event.application_id).or_default().push(event);
    }
    let posting_can_place = can_still_place(&opportunity, crate::format::today());
    let mut applicants = Vec::with_capacity(applications.len());
    for application in applications {
        let student = students.get(&application.student_id).or_not_found()?;
        let shown = shows_what_was_sent(
            application.status,
            placements.get(&application.id).copied(),
            student.active,
            posting_can_place,
        );
        let sent = shown.then(|| Sent {
            grade: student.grade,
            school: application
                .school_id
                .and_then(|id| schools.get(&id).cloned())
                .unwrap_or_default(),
            note: application.note,
            availability: application.availability,
            accommodations: application.accommodations,
        });
        applicants.push(Applicant {
            application_id: application.id,
            name: format!("{} {}", student.first_name, student.last_name),
            status: application.status.key(),
            history: steps(
                events.remove(&application.id).unwrap_or_default(),
                student.user_id,
            ),
            sent,
        });
    }
    Ok((opportunity, applicants))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_student_sent_is_shown_only_while_the_application_can_lead_to_a_placement() {
        use ApplicationStatus as A;
        use PlacementStatus as P;
        let (active, left, open, over) = (true, false, true, false);

        assert!(shows_what_was_sent(A::Submitted, None, active, open));
        assert!(shows_what_was_sent(A::Offered, None, active, open));
        assert!(!shows_what_was_sent(A::Interview, None, left, open));
        assert!(!shows_what_was_sent(A::Waitlisted, None, active, over));
        for ended in [A::Withdrawn, A::Declined, A::Rejected] {
            assert!(!shows_what_was_sent(ended, None, active, open), "{ended:?}");
        }
        let accepted =
            |placement, student| shows_what_was_sent(A::Accepted, Some(placement), student, over);
        assert!(accepted(P::AwaitingConsent, active));
        assert!(!accepted(P::AwaitingConsent, left));
        for went_ahead in [P::Active, P::Completed, P::EndedEarly] {
            assert!(accepted(went_ahead, left), "{went_ahead:?}");
        }
        for never in [P::ConsentDeclined, P::Withdrawn, P::Cancelled] {
            assert!(!accepted(never, active), "{never:?}");
        }
    }
}
