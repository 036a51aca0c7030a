//! Organization rules: invitations, the review queue, and the verification
//! lifecycle (pending -> verified | rejected; verified <-> suspended).

use chrono::{DateTime, Duration, Utc};
use entity::{
    ApplicationStatus, OpportunityStatus, OrgStatus, PlacementStatus, Role, application,
    counselor_school, opportunity, organization, organization_invite, placement, student, user,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, Query, SelectStatement},
};
use serde::{Deserialize, Serialize};

use super::lookalikes::{self, Keys, Lookalike};
use crate::{
    auth::extractors::{CurrentUser, EmployerUser, VerifiedEmployer},
    counseling::audit::AuditAction,
    db,
    error::{AppError, AppResult, OrNotFound},
    forms::{FieldErrors, limit},
    geo,
    i18n::{self, Message},
    notifications::notify,
    outbox, tokens,
};

/// How long an invitation link works.
pub const INVITE_VALID_DAYS: i64 = 14;

/// The organization an employer acts for.
pub async fn of_employer(
    db: &impl ConnectionTrait,
    employer: &EmployerUser,
) -> AppResult<organization::Model> {
    crate::db::found::<organization::Entity>(db, employer.organization_id).await
}

/// Checks a website field: empty, or an http(s) URL.
pub fn website(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let value = errors.optional_text(field, "form-label-website", value, limit::WEBSITE);
    if !(value.is_empty() || value.starts_with("https://") || value.starts_with("http://")) {
        errors.add_id(field, "form-website-shape");
    }
    value
}

/// Checks a ZIP code's shape and that it exists.
pub fn existing_zip(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let zip = errors.zip(field, value);
    if errors.message(field).is_none() && geo::zip_centroid(&zip).is_none() {
        errors.add_id(field, "form-zip-unknown");
    }
    zip
}

/// An invitation just created: the link is shown once to the inviter.
#[derive(Debug, Serialize)]
pub struct Invitation {
    pub email: String,
    pub path: String,
}

/// Invites a colleague by email to join the employer's verified
/// organization. The organization is checked under its lock in the same
/// transaction, so a suspension (which withdraws open invitations) either
/// comes first and refuses this one or waits and withdraws it too.
pub async fn invite(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    email: &str,
) -> AppResult<Invitation> {
    let mut errors = FieldErrors::new();
    let email = errors.email("email", email);
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    let organization_id =
        crate::applications::service::lock_verified_organization(&txn, employer).await?;
    let token = tokens::random(32);
    let now = Utc::now();
    organization_invite::ActiveModel {
        organization_id: Set(organization_id),
        email: Set(email.clone()),
        token_hash: Set(tokens::digest(&token)),
        invited_by: Set(employer.id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(INVITE_VALID_DAYS)),
        accepted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::counseling::audit::record(
        &txn,
        employer.id,
        crate::counseling::audit::AuditAction::InviteMember,
        &format!("{email} to organization {organization_id}"),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization_id, "invitation created");
    Ok(Invitation {
        email,
        path: format!("/join/{token}"),
    })
}

/// Seats freed while the organization could reach no student (a
/// suspension: a placement ended or a guardian declined) go to their wait
/// lists once it is verified again, as they would have at the time.
async fn fill_freed_seats(db: &impl ConnectionTrait, organization_id: i32) -> AppResult<()> {
    let with_wait_list = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .filter(
            opportunity::Column::Id.in_subquery(
                Query::select()
                    .column(application::Column::OpportunityId)
                    .from(application::Entity)
                    .and_where(application::Column::Status.eq(ApplicationStatus::Waitlisted))
                    .to_owned(),
            ),
        )
        .order_by_asc(opportunity::Column::Id)
        .into_tuple::<i32>()
        .all(db)
        .await?;
    for id in with_wait_list {
        let opportunity = crate::placements::seats::lock_opportunity(db, id).await?;
        crate::placements::service::promote_wait_list(db, &opportunity).await?;
    }
    Ok(())
}

/// Whose open invitations to withdraw.
#[derive(Debug, Clone, Copy)]
pub enum Inviter {
    /// One person's (disabled, or taken out of their organization).
    User(i32),
    /// Every member's (the organization was suspended or rejected).
    Organization(i32),
}

/// Withdraws the invitations not yet accepted, in the caller's transaction:
/// an invitation speaks for its inviter and their organization as they were
/// when it was made, so it ends when either stops standing behind it (and
/// does not come back if they are reinstated). A withdrawn invitation is one
/// whose expiry is now; the conditional acceptance in [`join`] then finds
/// nothing to accept, even for a join already under way. The audit log
/// names the admin (`actor_id`) and how many links ended.
pub async fn withdraw_invitations(
    db: &impl ConnectionTrait,
    whose: Inviter,
    actor_id: i32,
) -> AppResult<u64> {
    let now = Utc::now();
    let (scope, subject) = match whose {
        Inviter::User(id) => (
            organization_invite::Column::InvitedBy.eq(id),
            format!("user {id}"),
        ),
        Inviter::Organization(id) => (
            organization_invite::Column::OrganizationId.eq(id),
            format!("organization {id}"),
        ),
    };
    let withdrawn = organization_invite::Entity::update_many()
        .col_expr(organization_invite::Column::ExpiresAt, Expr::value(now))
        .filter(scope)
        .filter(organization_invite::Column::AcceptedAt.is_null())
        .filter(organization_invite::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    let count = withdrawn.rows_affected;
    if count > 0 {
        let subject = format!("{subject}: {count}");
        crate::counseling::audit::record(db, actor_id, AuditAction::WithdrawInvitations, &subject)
            .await?;
    }
    Ok(count)
}

/// A usable invitation and the organization it is for. An unknown or used
/// link is "not found"; one that expired, was withdrawn, or whose inviter
/// is no longer an enabled member of a verified organization is refused
/// with a sentence saying so.
pub async fn open_invitation(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<(organization_invite::Model, organization::Model)> {
    let invite = organization_invite::Entity::find()
        .filter(organization_invite::Column::TokenHash.eq(tokens::digest(token)))
        .filter(organization_invite::Column::AcceptedAt.is_null())
        .one(db)
        .await?
        .or_not_found()?;
    let organization = crate::db::found::<organization::Entity>(db, invite.organization_id).await?;
    let inviter_stands = user::Entity::find_by_id(invite.invited_by)
        .one(db)
        .await?
        .is_some_and(|u| {
            u.disabled_at.is_none()
                && u.role == Role::Employer
                && u.organization_id == Some(invite.organization_id)
        });
    if invite.expires_at <= Utc::now()
        || !inviter_stands
        || organization.status != OrgStatus::Verified
    {
        return Err(AppError::Refused(i18n::t_args(
            i18n::current(),
            "guard-invite-unusable",
            vec![("organization", organization.name.as_str().into())],
        )));
    }
    Ok((invite, organization))
}

/// What the invitee types.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct JoinForm {
    pub display_name: String,
    #[serde(skip_serializing)]
    pub password: String,
}

/// Creates the invitee's employer account in the inviting organization.
/// The link was shown to the inviter, not mailed to the invitee, so holding
/// it proves nothing about the address: the account starts unconfirmed and
/// a confirmation link is mailed to the invited address, as at registration
/// (no sign-in before it is opened).
pub async fn join(
    db: &DatabaseConnection,
    token: &str,
    form: &JoinForm,
    lang: i18n::Lang,
) -> AppResult<user::Model> {
    let txn = db::begin_write(db).await?;
    // The same link sent from two tabs at once: the second waits for the
    // first and then finds it spent (PostgreSQL; SQLite writes are
    // exclusive anyway), "not found" as a used link always is, rather than
    // racing it to the account's unique address.
    organization_invite::Entity::find()
        .filter(organization_invite::Column::TokenHash.eq(tokens::digest(token)))
        .lock_exclusive()
        .one(&txn)
        .await?;
    let (invite, organization) = open_invitation(&txn, token).await?;
    // An address with an account already gets the same answer as a new
    // one ("check the inbox"), and its holder a note: the join page must
    // not tell the inviter, one address at a time, who has an account.
    let existing = user::Entity::find()
        .filter(user::Column::Email.eq(&invite.email))
        .one(&txn)
        .await?;
    if let Some(existing) = existing {
        crate::accounts::service::check_new_user(&invite.email, &form.display_name, &form.password)
            .await?;
        accept_invitation(&txn, invite.id).await?;
        crate::accounts::confirm::mail_join_attempt(&txn, &existing, lang).await?;
        txn.commit().await?;
        return Ok(existing);
    }
    let user = crate::accounts::service::insert_user_checked(
        &txn,
        &invite.email,
        &form.display_name,
        &form.password,
        Role::Employer,
        Some(organization.id),
        None,
    )
    .await?;
    accept_invitation(&txn, invite.id).await?;
    crate::accounts::confirm::mail_join_confirmation(&txn, &user, &organization.name, lang).await?;
    record_join(&txn, &user, &organization, invite.invited_by).await?;
    txn.commit().await?;
    tracing::info!(organization_id = organization.id, "invitation accepted");
    Ok(user)
}

/// A new member of an organization reads its applicants (minors' names,
/// schools, notes): the join is audited with who invited them, and the
/// admins are told, so a person an admin removed cannot come back under
/// another address unseen (eyes13b F3).
async fn record_join(
    db: &impl ConnectionTrait,
    member: &user::Model,
    organization: &organization::Model,
    invited_by: i32,
) -> AppResult<()> {
    let inviter = user::Entity::find_by_id(invited_by)
        .one(db)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    crate::counseling::audit::record(
        db,
        member.id,
        crate::counseling::audit::AuditAction::JoinOrganization,
        &format!(
            "{} joined {} (organization {}), invited by {inviter}",
            member.email, organization.name, organization.id
        ),
    )
    .await?;
    let admins: Vec<i32> = crate::accounts::service::enabled_admins(db)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    crate::notifications::notify(
        db,
        &admins,
        &Message::new("org-notice-member-joined")
            .arg("name", member.display_name.as_str())
            .arg("email", member.email.as_str())
            .arg("organization", organization.name.as_str())
            .arg("inviter", inviter.as_str()),
        "/admin/accounts?role=employer",
    )
    .await
}

/// Spends an invitation, only while still open: a withdrawal that
/// committed since it was opened leaves nothing to accept, and the caller's
/// transaction (and any account it made) is rolled back.
async fn accept_invitation(db: &impl ConnectionTrait, invite_id: i32) -> AppResult<()> {
    let now = Utc::now();
    let accepted = organization_invite::Entity::update_many()
        .col_expr(organization_invite::Column::AcceptedAt, Expr::value(now))
        .filter(organization_invite::Column::Id.eq(invite_id))
        .filter(organization_invite::Column::AcceptedAt.is_null())
        .filter(organization_invite::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if accepted.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// An organization waiting for a reviewer (to be verified, or for its
/// requested name and website), with the suspended or rejected ones it
/// resembles and the stamp of what the reviewer is shown ([`seen_stamp`]).
#[derive(Debug, Serialize)]
pub struct Waiting {
    #[serde(flatten)]
    pub organization: organization::Model,
    pub lookalikes: Vec<Lookalike>,
    pub seen: String,
}

/// A stamp of a registration as a reviewer sees it: a digest of every field
/// of the profile its employers can edit. The verify and reject forms carry
/// it, and [`review`] refuses a decision on a registration that no longer
/// has it, so nobody verifies a name or website they never saw. Any edit
/// that changes a field changes it; one that changes nothing leaves
/// nothing new to see.
pub fn seen_stamp(o: &organization::Model) -> String {
    let shown = serde_json::json!([
        o.name,
        o.website,
        o.contact_email,
        o.contact_phone,
        o.zip,
        o.address,
        o.description,
    ]);
    crate::tokens::sha256_hex(&shown.to_string())
}

/// The verification queue (its oldest page, and how many wait), the
/// requested name and website changes (likewise), and one page of the
/// organizations already reviewed; the search narrows all three by name.
#[derive(Debug, Serialize)]
pub struct ReviewQueue {
    pub pending: Vec<Waiting>,
    pub waiting: u64,
    pub changes: Vec<Waiting>,
    pub changes_waiting: u64,
    pub reviewed: Vec<organization::Model>,
}

pub async fn review_queue(
    db: &impl ConnectionTrait,
    paging: &crate::paging::Paging,
) -> AppResult<ReviewQueue> {
    // A registration whose address was never confirmed waits out of sight:
    // nobody can act for it, and a stranger's sign-ups do not fill the queue.
    let confirmed_members = Query::select()
        .column(user::Column::OrganizationId)
        .from(user::Entity)
        .and_where(user::Column::OrganizationId.is_not_null())
        .and_where(user::Column::EmailConfirmedAt.is_not_null())
        .to_owned();
    let named_by = |column: organization::Column| {
        let mut named = Condition::all();
        for word in paging.words() {
            named = named.add(crate::paging::contains(
                Expr::col((organization::Entity, column)),
                &word,
            ));
        }
        named
    };
    let named = named_by(organization::Column::Name);
    let pending = organization::Entity::find()
        .filter(organization::Column::Status.eq(OrgStatus::Pending))
        .filter(organization::Column::Id.in_subquery(confirmed_members))
        .filter(named.clone())
        .order_by_asc(organization::Column::CreatedAt)
        .order_by_asc(organization::Column::Id);
    let waiting = pending.clone().count(db).await?;
    let pending = pending.limit(crate::paging::PER_PAGE).all(db).await?;
    // Only a verified organization's request waits for a decision; one
    // suspended meanwhile keeps it until it is reinstated.
    let changes = organization::Entity::find()
        .filter(organization::Column::Status.eq(OrgStatus::Verified))
        .filter(organization::Column::RequestedName.is_not_null())
        .filter(
            Condition::any()
                .add(named.clone())
                .add(named_by(organization::Column::RequestedName)),
        )
        .order_by_asc(organization::Column::ChangeRequestedAt)
        .order_by_asc(organization::Column::Id);
    let changes_waiting = changes.clone().count(db).await?;
    let changes = changes.limit(crate::paging::PER_PAGE).all(db).await?;
    let reviewed = organization::Entity::find()
        .filter(organization::Column::Status.ne(OrgStatus::Pending))
        .filter(named)
        .order_by_asc(organization::Column::Name)
        .order_by_asc(organization::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;

    // Every flag of both lists in one query: a registration is compared as
    // it stands, a rename by the name and website it asks for.
    let candidates: Vec<(i32, Keys)> = pending
        .iter()
        .map(|o| (o.id, Keys::of_organization(o)))
        .chain(changes.iter().map(|o| {
            let asked = Keys::of(
                o.requested_name.as_deref().unwrap_or_default(),
                o.requested_website.as_deref().unwrap_or_default(),
                "",
            );
            (o.id, asked)
        }))
        .collect();
    let mut flags = lookalikes::find(db, &candidates).await?.into_iter();
    let mut flagged = |organizations: Vec<organization::Model>| -> Vec<Waiting> {
        organizations
            .into_iter()
            .map(|organization| Waiting {
                seen: seen_stamp(&organization),
                organization,
                lookalikes: flags.next().unwrap_or_default(),
            })
            .collect()
    };
    let pending = flagged(pending);
    let changes = flagged(changes);
    Ok(ReviewQueue {
        pending,
        waiting,
        changes,
        changes_waiting,
        reviewed,
    })
}

entity::vocabulary! {
    /// A reviewer's decision on an organization.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Decision {
        Verify = "verify",
        Reject = "reject",
        Suspend = "suspend",
        Reinstate = "reinstate",
    }
}

impl Decision {
    /// The status a decision leads to from `from`, or `None` when not allowed.
    pub fn apply(self, from: OrgStatus) -> Option<OrgStatus> {
        match (self, from) {
            (Decision::Verify, OrgStatus::Pending | OrgStatus::Rejected) => {
                Some(OrgStatus::Verified)
            }
            (Decision::Reject, OrgStatus::Pending) => Some(OrgStatus::Rejected),
            (Decision::Suspend, OrgStatus::Verified) => Some(OrgStatus::Suspended),
            (Decision::Reinstate, OrgStatus::Suspended) => Some(OrgStatus::Verified),
            _ => None,
        }
    }

    fn needs_reason(self) -> bool {
        matches!(self, Decision::Reject | Decision::Suspend)
    }

    /// Whether the decision takes a registration as the reviewer saw it
    /// (and so must name what they saw: [`seen_stamp`]). A suspension
    /// never waits on that: an employer editing its contact must not hold
    /// one off.
    fn judges_registration(self) -> bool {
        matches!(self, Decision::Verify | Decision::Reject)
    }

    /// Whether the decision undoes a barring one (a suspension, a
    /// rejection), which only an admin may do when an admin barred it.
    fn undoes_bar(self) -> bool {
        matches!(self, Decision::Verify | Decision::Reinstate)
    }

    /// How the audit log names the decision.
    fn audit_action(self) -> AuditAction {
        match self {
            Decision::Verify => AuditAction::VerifyOrganization,
            Decision::Reject => AuditAction::RejectOrganization,
            Decision::Suspend => AuditAction::SuspendOrganization,
            Decision::Reinstate => AuditAction::ReinstateOrganization,
        }
    }
}

/// Whether the decision an organization stands under (its suspension or
/// rejection) was an admin's. One whose reviewer is gone counts as an
/// admin's: nobody can say it was not.
async fn barred_by_admin(
    db: &impl ConnectionTrait,
    organization: &organization::Model,
) -> AppResult<bool> {
    let Some(reviewer_id) = organization.reviewed_by else {
        return Ok(false);
    };
    let role: Option<Role> = user::Entity::find_by_id(reviewer_id)
        .select_only()
        .column(user::Column::Role)
        .into_tuple()
        .one(db)
        .await?;
    Ok(role.is_none_or(|role| role == Role::Admin))
}

/// Records a reviewer's decision; rejecting and suspending need a reason.
/// Verifying or rejecting a registration takes the stamp of what the
/// reviewer was shown (`seen`): a registration edited since is a conflict,
/// and nothing is written. A suspension or rejection an admin decided is
/// undone by an admin only. The decision is audited with the name and
/// website decided on. Search learns of it through the outbox, in the same
/// transaction.
pub async fn review(
    db: &DatabaseConnection,
    reviewer: &CurrentUser,
    organization_id: i32,
    decision: Decision,
    reason: &str,
    seen: &str,
) -> AppResult<organization::Model> {
    let mut errors = FieldErrors::new();
    let reason = errors.optional_text("reason", "form-label-reason", reason, limit::PARAGRAPH);
    if decision.needs_reason() && reason.is_empty() {
        errors.add_id("reason", "counselor-review-reason-needed");
    }
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    // Locked for update: waits for employers' writes that share-locked the
    // row (`lock_verified_organization`) to commit, and holds back those
    // that come after until this decision is in; `reviewed_at` is taken
    // once the lock is held, so it follows every write made while verified.
    let organization = organization::Entity::find_by_id(organization_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    let Some(status) = decision.apply(organization.status) else {
        let lang = i18n::current();
        return Err(AppError::Conflict(i18n::t_args(
            lang,
            "counselor-review-refused",
            vec![(
                "status",
                i18n::vocab(lang, "org_status", organization.status.key()).into(),
            )],
        )));
    };
    // Compared under the lock the employer's edit also takes: an edit
    // either committed before (and changed the stamp) or waits for this.
    if organization.status == OrgStatus::Pending
        && decision.judges_registration()
        && seen.trim() != seen_stamp(&organization)
    {
        return Err(AppError::conflict("counselor-review-stale"));
    }
    if decision.undoes_bar()
        && matches!(
            organization.status,
            OrgStatus::Suspended | OrgStatus::Rejected
        )
        && reviewer.role != Role::Admin
        && barred_by_admin(&txn, &organization).await?
    {
        return Err(AppError::Refused(i18n::t(
            i18n::current(),
            "counselor-review-admin-barred",
        )));
    }
    // One that resembles a suspended or rejected organization may be that
    // organization coming back: an admin decides.
    if status == OrgStatus::Verified && reviewer.role != Role::Admin {
        let keys = Keys::of_organization(&organization);
        let resembles = lookalikes::find(&txn, &[(organization.id, keys)]).await?;
        if resembles.iter().any(|l| !l.is_empty()) {
            return Err(AppError::Refused(i18n::t(
                i18n::current(),
                "counselor-lookalike-needs-admin",
            )));
        }
    }
    let now = Utc::now();
    // The days it stays suspended are kept: hours dated on one are refused
    // after it is reinstated too.
    match (organization.status, status) {
        (OrgStatus::Verified, OrgStatus::Suspended) => {
            super::suspensions::opened(&txn, organization_id, reviewer.id, now).await?;
        }
        (OrgStatus::Suspended, OrgStatus::Verified) => {
            super::suspensions::closed(&txn, organization_id, reviewer.id, now).await?;
        }
        _ => {}
    }
    let mut organization: organization::ActiveModel = organization.into();
    organization.status = Set(status);
    organization.status_reason = Set((!reason.is_empty()).then_some(reason));
    organization.reviewed_by = Set(Some(reviewer.id));
    organization.reviewed_at = Set(Some(now));
    let organization = organization.update(&txn).await?;
    let mut subject = format!(
        "organization {organization_id} “{}” ({})",
        organization.name, organization.website
    );
    if let Some(reason) = &organization.status_reason {
        subject.push_str(&format!(": {reason}"));
    }
    crate::counseling::audit::record(&txn, reviewer.id, decision.audit_action(), &subject).await?;
    outbox::enqueue_organization(&txn, organization_id).await?;
    if matches!(status, OrgStatus::Suspended | OrgStatus::Rejected) {
        flag_students_of(&txn, &organization, now).await?;
        withdraw_invitations(&txn, Inviter::Organization(organization_id), reviewer.id).await?;
    }
    if decision == Decision::Reinstate {
        // First, so only the placements the suspension paused hear it,
        // and before any consent request this reinstatement sends.
        crate::placements::resume::after_reinstatement(&txn, organization_id, now).await?;
    }
    if status == OrgStatus::Verified {
        fill_freed_seats(&txn, organization_id).await?;
        crate::placements::consent::after_verification(&txn, organization_id).await?;
    }
    super::notices::decision_made(&txn, &organization, decision, reviewer.id).await?;
    txn.commit().await?;
    tracing::info!(
        organization_id,
        ?decision,
        reviewer = reviewer.id,
        "organization reviewed"
    );
    Ok(organization)
}

/// The ids of an organization's opportunities, as a subquery.
fn opportunities_of(organization_id: i32) -> SelectStatement {
    Query::select()
        .column(opportunity::Column::Id)
        .from(opportunity::Entity)
        .and_where(opportunity::Column::OrganizationId.eq(organization_id))
        .to_owned()
}

/// When an organization loses its verification, the counselors of every
/// student in one of its open placements hear of it (they decide what the
/// student needs next), and those students and the ones holding its offers
/// are told why nothing moves. Runs in the reviewer's transaction.
async fn flag_students_of(
    db: &impl ConnectionTrait,
    organization: &organization::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let open = [PlacementStatus::AwaitingConsent, PlacementStatus::Active];
    let placed = Query::select()
        .column(placement::Column::StudentId)
        .from(placement::Entity)
        .and_where(placement::Column::OpportunityId.in_subquery(opportunities_of(organization.id)))
        .and_where(placement::Column::Status.is_in(open))
        .to_owned();
    let offered = Query::select()
        .column(application::Column::StudentId)
        .from(application::Entity)
        .and_where(
            application::Column::OpportunityId.in_subquery(opportunities_of(organization.id)),
        )
        .and_where(application::Column::Status.eq(ApplicationStatus::Offered))
        .to_owned();
    let placements = placement::Entity::find()
        .filter(placement::Column::OpportunityId.in_subquery(opportunities_of(organization.id)))
        .filter(placement::Column::Status.is_in(open))
        .all(db)
        .await?;
    let students = student::Entity::find()
        .filter(
            Condition::any()
                .add(student::Column::Id.in_subquery(placed.clone()))
                .add(student::Column::Id.in_subquery(offered)),
        )
        .all(db)
        .await?;
    if students.is_empty() {
        return Ok(());
    }
    // The counselors of the placed students' schools, in one query.
    let schools_of_placed = Query::select()
        .column(student::Column::SchoolId)
        .from(student::Entity)
        .and_where(student::Column::Id.in_subquery(placed))
        .to_owned();
    let assignments = counselor_school::Entity::find()
        .filter(counselor_school::Column::SchoolId.in_subquery(schools_of_placed))
        .all(db)
        .await?;
    // Stored as catalogue ids: each reader sees them in their own language.
    let student_users: Vec<i32> = students.iter().filter_map(|s| s.user_id).collect();
    notify(
        db,
        &student_users,
        &Message::new("safe-notify-student-org-not-verified")
            .arg("organization", organization.name.as_str()),
        "/student",
    )
    .await?;
    for placement in &placements {
        let Some(student) = students.iter().find(|s| s.id == placement.student_id) else {
            continue;
        };
        let counselors: Vec<i32> = assignments
            .iter()
            .filter(|a| a.school_id == student.school_id)
            .map(|a| a.user_id)
            .collect();
        let message = Message::new("safe-notify-counselor-placement-flagged")
            .arg("organization", organization.name.as_str())
            .arg(
                "student",
                format!("{} {}", student.first_name, student.last_name),
            );
        crate::notifications::notify_about_student(
            db,
            &counselors,
            student.id,
            &message,
            &format!("/counselor/students/{}", student.id),
        )
        .await?;
    }
    tell_families_of_pause(db, &placements, &students, now).await
}

/// The student and the family of each open placement at an organization
/// that just lost its verification hear it by mail: not to go there for
/// now, their calendar entry cancelled (`placements::pause`). A placement
/// whose last day is past (left open: nobody completed it) has no day to
/// stay away from, and hears nothing, as at the reinstatement
/// (`placements::resume`; eyes17c F5). Its counselors are still told.
async fn tell_families_of_pause(
    db: &impl ConnectionTrait,
    placements: &[placement::Model],
    students: &[student::Model],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let today = crate::format::day_of(now);
    for placement in placements.iter().filter(|p| p.end_date >= today) {
        let Some(student) = students.iter().find(|s| s.id == placement.student_id) else {
            continue;
        };
        let opportunity =
            crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
        crate::placements::pause::tell_of_pause(db, placement, &opportunity, student).await?;
    }
    Ok(())
}

/// A verified organization; any other is "not found" (its postings are gone
/// from the public).
pub async fn verified(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<organization::Model> {
    organization::Entity::find_by_id(organization_id)
        .filter(organization::Column::Status.eq(OrgStatus::Verified))
        .one(db)
        .await?
        .or_not_found()
}

/// An organization's name as mail tells it (empty if it is gone).
pub async fn name_of(db: &impl ConnectionTrait, organization_id: i32) -> AppResult<String> {
    Ok(organization::Entity::find_by_id(organization_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default())
}

/// A verified organization's public page: its profile and open postings.
pub async fn public_profile(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<(organization::Model, Vec<opportunity::Model>)> {
    let organization = verified(db, organization_id).await?;
    let today = crate::format::today();
    let postings = opportunity::Entity::find()
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::Deadline.gte(today))
        .order_by_asc(opportunity::Column::Deadline)
        .all(db)
        .await?;
    Ok((organization, postings))
}
