//! The periods an organization was suspended. Its status says only what
//! holds now, so an organization suspended and then reinstated let hours be
//! logged (and approved) for the days between: a row per suspension, from
//! the suspension until the reinstatement, lets those days be refused.
//!
//! Filled from what the database already knows: the audit log has recorded
//! every suspension and reinstatement (with the organization's id first in
//! its subject, "organization 12 “Name” (site)") since reviews were audited,
//! and an organization suspended now without such a record gets a period
//! from its last review (`reviewed_at`, else when it registered).

use std::collections::BTreeMap;

use sea_orm_migration::{
    prelude::*,
    schema::*,
    sea_orm::{ConnectionTrait, prelude::DateTimeUtc},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrganizationSuspension {
    Table,
    Id,
    OrganizationId,
    SuspendedAt,
    SuspendedBy,
    ReinstatedAt,
    ReinstatedBy,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    Status,
    ReviewedAt,
    ReviewedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    Subject,
    At,
}

/// One period as it is rebuilt before it is written.
struct Period {
    suspended_at: DateTimeUtc,
    suspended_by: Option<i32>,
    reinstated: Option<(DateTimeUtc, Option<i32>)>,
}

/// The organization an audit subject names: "organization 12 …".
fn organization_of(subject: &str) -> Option<i32> {
    let rest = subject.strip_prefix("organization ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The periods the audit log and the organizations' rows tell of.
async fn periods(manager: &SchemaManager<'_>) -> Result<BTreeMap<i32, Vec<Period>>, DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let mut periods: BTreeMap<i32, Vec<Period>> = BTreeMap::new();
    let decisions = Query::select()
        .columns([
            AuditLog::ActorId,
            AuditLog::Action,
            AuditLog::Subject,
            AuditLog::At,
        ])
        .from(AuditLog::Table)
        .and_where(
            Expr::col(AuditLog::Action).is_in(["suspend_organization", "reinstate_organization"]),
        )
        .order_by(AuditLog::At, Order::Asc)
        .order_by(AuditLog::Id, Order::Asc)
        .to_owned();
    for row in db.query_all_raw(backend.build(&decisions)).await? {
        let subject: String = row.try_get("", "subject")?;
        let Some(organization) = organization_of(&subject) else {
            continue;
        };
        let actor: i32 = row.try_get("", "actor_id")?;
        let action: String = row.try_get("", "action")?;
        let at: DateTimeUtc = row.try_get("", "at")?;
        let list = periods.entry(organization).or_default();
        let open = list.last_mut().filter(|p| p.reinstated.is_none());
        match (action.as_str(), open) {
            ("suspend_organization", None) => list.push(Period {
                suspended_at: at,
                suspended_by: Some(actor),
                reinstated: None,
            }),
            ("reinstate_organization", Some(period)) => {
                period.reinstated = Some((at, Some(actor)));
            }
            // A suspension while one is open, or a reinstatement of none:
            // the record already says what matters.
            _ => {}
        }
    }
    let organizations = Query::select()
        .columns([
            Organization::Id,
            Organization::Status,
            Organization::ReviewedAt,
            Organization::ReviewedBy,
            Organization::CreatedAt,
        ])
        .from(Organization::Table)
        .to_owned();
    let mut known = BTreeMap::new();
    for row in db.query_all_raw(backend.build(&organizations)).await? {
        let id: i32 = row.try_get("", "id")?;
        let status: String = row.try_get("", "status")?;
        let reviewed_at: Option<DateTimeUtc> = row.try_get("", "reviewed_at")?;
        let reviewed_by: Option<i32> = row.try_get("", "reviewed_by")?;
        let created_at: DateTimeUtc = row.try_get("", "created_at")?;
        let since = reviewed_at.unwrap_or(created_at);
        let list = periods.entry(id).or_default();
        let open = list.last_mut().filter(|p| p.reinstated.is_none());
        match (status == "suspended", open) {
            // Suspended with no period on record: from its last review.
            (true, None) => list.push(Period {
                suspended_at: since,
                suspended_by: reviewed_by,
                reinstated: None,
            }),
            // Verified again without a reinstatement on record: its last
            // review ended the period.
            (false, Some(period)) => {
                period.reinstated = Some((Ord::max(since, period.suspended_at), reviewed_by));
            }
            _ => {}
        }
        known.insert(id, ());
    }
    // An audit line about an organization gone since names nothing to keep.
    periods.retain(|id, list| known.contains_key(id) && !list.is_empty());
    Ok(periods)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganizationSuspension::Table)
                    .col(pk_auto(OrganizationSuspension::Id))
                    .col(integer(OrganizationSuspension::OrganizationId))
                    .col(timestamp_with_time_zone(
                        OrganizationSuspension::SuspendedAt,
                    ))
                    .col(integer_null(OrganizationSuspension::SuspendedBy))
                    .col(timestamp_with_time_zone_null(
                        OrganizationSuspension::ReinstatedAt,
                    ))
                    .col(integer_null(OrganizationSuspension::ReinstatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                OrganizationSuspension::Table,
                                OrganizationSuspension::OrganizationId,
                            )
                            .to(Organization::Table, Organization::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_organization_suspension_organization")
                    .table(OrganizationSuspension::Table)
                    .col(OrganizationSuspension::OrganizationId)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        for (organization, list) in periods(manager).await? {
            for period in list {
                let (reinstated_at, reinstated_by) = match period.reinstated {
                    Some((at, by)) => (Some(at), by),
                    None => (None, None),
                };
                let insert = Query::insert()
                    .into_table(OrganizationSuspension::Table)
                    .columns([
                        OrganizationSuspension::OrganizationId,
                        OrganizationSuspension::SuspendedAt,
                        OrganizationSuspension::SuspendedBy,
                        OrganizationSuspension::ReinstatedAt,
                        OrganizationSuspension::ReinstatedBy,
                    ])
                    .values_panic([
                        organization.into(),
                        period.suspended_at.into(),
                        period.suspended_by.into(),
                        reinstated_at.into(),
                        reinstated_by.into(),
                    ])
                    .to_owned();
                db.execute_raw(backend.build(&insert)).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(OrganizationSuspension::Table)
                    .to_owned(),
            )
            .await
    }
}
