//! Who hears of a verification decision: every employer of the organization
//! (in-app and by email, whatever their mail choices: it is about their
//! account, like a password reset) and the counselors whose students applied
//! to it (in-app and by email). Each in their own language; queued in the
//! reviewer's transaction, so a decision and its news land together.

use entity::{Role, application, counselor_school, opportunity, organization, student, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Query};

use super::service::Decision;
use crate::{
    error::AppResult,
    i18n::Message,
    mail::{Outgoing, enqueue, preferences::lang_of_user},
    notifications::notify,
};

impl Decision {
    /// What the decision made of the organization, as the messages name it
    /// (`alerts-org-<audience>-<outcome>`).
    pub fn outcome(self) -> &'static str {
        match self {
            Decision::Verify => "verified",
            Decision::Reject => "rejected",
            Decision::Suspend => "suspended",
            Decision::Reinstate => "reinstated",
        }
    }
}

/// Tells the organization's employers and the counselors concerned.
pub async fn decision_made(
    db: &impl ConnectionTrait,
    organization: &organization::Model,
    decision: Decision,
    reviewer_id: i32,
) -> AppResult<()> {
    let reason = organization.status_reason.clone().unwrap_or_default();
    let employers = user::Entity::find()
        .filter(user::Column::OrganizationId.eq(organization.id))
        .filter(user::Column::Role.eq(Role::Employer))
        .filter(user::Column::DisabledAt.is_null())
        .all(db)
        .await?;
    // Counselors of the schools of students who applied to its postings.
    let postings = Query::select()
        .column(opportunity::Column::Id)
        .from(opportunity::Entity)
        .and_where(opportunity::Column::OrganizationId.eq(organization.id))
        .to_owned();
    let applicants = Query::select()
        .column(application::Column::StudentId)
        .from(application::Entity)
        .and_where(application::Column::OpportunityId.in_subquery(postings))
        .to_owned();
    let schools = Query::select()
        .distinct()
        .column(student::Column::SchoolId)
        .from(student::Entity)
        .and_where(student::Column::Id.in_subquery(applicants))
        .to_owned();
    let assigned = Query::select()
        .column(counselor_school::Column::UserId)
        .from(counselor_school::Entity)
        .and_where(counselor_school::Column::SchoolId.in_subquery(schools))
        .to_owned();
    let counselors = user::Entity::find()
        .filter(user::Column::Id.in_subquery(assigned))
        .filter(user::Column::Role.eq(Role::Counselor))
        .filter(user::Column::DisabledAt.is_null())
        .filter(user::Column::Id.ne(reviewer_id))
        .all(db)
        .await?;
    let audiences = [
        ("employer", "/employer/organization", &employers),
        ("counselor", "/organizations/review", &counselors),
    ];
    for (audience, link, people) in audiences {
        if people.is_empty() {
            continue;
        }
        let kind = format!("alerts-org-{audience}-{}", decision.outcome());
        let message = Message::new(&kind)
            .arg("organization", organization.name.as_str())
            .arg("reason", reason.as_str());
        let ids: Vec<i32> = people.iter().map(|u| u.id).collect();
        notify(db, &ids, &message, link).await?;
        for person in people.iter() {
            enqueue(
                db,
                Outgoing {
                    to: &person.email,
                    lang: lang_of_user(person),
                    template: "org_decision",
                    subject_key: &format!("{kind}-subject"),
                    subject_args: vec![("organization", organization.name.as_str().into())],
                    ctx: minijinja::context! {
                        name => person.display_name.clone(),
                        kind => kind.clone(),
                        organization => organization.name.clone(),
                        reason => reason.clone(),
                        link => link,
                    },
                    attachment: None,
                    unsubscribe: None,
                    for_organization: None,
                    about_organization: None,
                    for_account: Some(person.id),
                    notice_kind: None,
                    placement: None,
                    for_guardian: None,
                },
            )
            .await?;
        }
    }
    Ok(())
}
