//! Building search documents from the database: the single place that decides
//! what an opportunity looks like to search, for indexing and for the
//! database fallback alike.

use std::collections::HashMap;

use entity::{
    AccessNeed, Compensation, OpportunityStatus, OrgStatus, opportunity, opportunity_feature,
    organization,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Query,
};

use super::SearchDocument;
use crate::{
    error::AppResult,
    format::{pay_amount, pay_text},
    opportunities::service::slots_taken_by,
};

/// The shape of [`SearchDocument`] as the engines store it (and of the
/// attributes an engine adds to it, such as Meilisearch's `place`, in 3):
/// change it with the document's fields. Every index is then rebuilt once: the embedded one
/// at its next start (its schema version includes this), a Meilisearch one
/// by the index guard (`sync::IndexGuard`).
pub const SHAPE: &str = "3";

/// Weeks a stipend is spread over when estimating an hourly figure.
fn weeks(o: &opportunity::Model) -> i64 {
    ((o.end_date - o.start_date).num_days() / 7).max(1)
}

fn pay_cents_per_hour(o: &opportunity::Model) -> i32 {
    match o.compensation {
        Compensation::Hourly => o.hourly_wage_cents.unwrap_or(0),
        Compensation::Stipend => {
            let hours = i64::from(o.hours_per_week.unwrap_or(8)).max(1) * weeks(o);
            i32::try_from(i64::from(o.stipend_cents.unwrap_or(0)) / hours).unwrap_or(i32::MAX)
        }
        Compensation::Unpaid => 0,
    }
}

/// The document for one visible opportunity.
pub fn document(
    o: &opportunity::Model,
    organization: &organization::Model,
    needs: Vec<AccessNeed>,
    taken: i32,
) -> SearchDocument {
    SearchDocument {
        id: o.id,
        title: o.title.clone(),
        description: o.description.clone(),
        written_in: o.written_in,
        organization: organization.name.clone(),
        organization_id: organization.id,
        kind: o.kind,
        field: o.field,
        mode: o.mode,
        needs,
        languages: o
            .languages
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        skills: o.skills.clone(),
        min_grade: o.min_grade,
        max_grade: o.max_grade,
        deadline: o.deadline,
        start_date: o.start_date,
        published_at: o.published_at.unwrap_or(o.created_at).timestamp(),
        pay_cents_per_hour: pay_cents_per_hour(o),
        pay: pay_text(o),
        compensation: Some(o.compensation),
        pay_cents: pay_amount(o),
        slots_left: (o.slots - taken).max(0),
        latitude: o.latitude.unwrap_or_default(),
        longitude: o.longitude.unwrap_or_default(),
    }
}

/// Documents for the visible opportunities among `ids` (or all when `None`),
/// and the ids that are not visible (to delete from the index).
pub async fn load(
    db: &impl ConnectionTrait,
    ids: Option<&[i32]>,
) -> AppResult<(Vec<SearchDocument>, Vec<i32>)> {
    let mut query = opportunity::Entity::find().order_by_asc(opportunity::Column::Id);
    if let Some(ids) = ids {
        query = query.filter(opportunity::Column::Id.is_in(ids.to_vec()));
    } else {
        query = query.filter(opportunity::Column::Status.eq(OpportunityStatus::Published));
    }
    let rows = query.all(db).await?;
    let documents = documents_of(db, &rows, ids).await?;
    let hidden = match ids {
        Some(ids) => ids
            .iter()
            .copied()
            .filter(|id| !documents.iter().any(|d| d.id == *id))
            .collect(),
        None => Vec::new(),
    };
    Ok((documents, hidden))
}

/// Documents for the published opportunities with an id above `after`, at
/// most `limit` rows of them (fewer documents when some organization is not
/// verified), and the last id read: pages for a rebuild that never holds the
/// whole catalogue in memory. `None` once there is nothing left.
pub async fn load_page(
    db: &impl ConnectionTrait,
    after: i32,
    limit: u64,
) -> AppResult<Option<(Vec<SearchDocument>, i32)>> {
    let rows = opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::Id.gt(after))
        .order_by_asc(opportunity::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let Some(last) = rows.last().map(|o| o.id) else {
        return Ok(None);
    };
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    Ok(Some((documents_of(db, &rows, Some(&ids)).await?, last)))
}

/// How many documents a complete index holds: the published opportunities
/// of verified organizations (what `load_page` yields).
pub async fn searchable_count(db: &impl ConnectionTrait) -> AppResult<u64> {
    let verified = Query::select()
        .column(organization::Column::Id)
        .from(organization::Entity)
        .and_where(organization::Column::Status.eq(OrgStatus::Verified))
        .to_owned();
    Ok(opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::OrganizationId.in_subquery(verified))
        .count(db)
        .await?)
}

/// The documents of the visible ones among `rows`. `ids` lists the rows'
/// ids, or is `None` when `rows` is every published opportunity.
async fn documents_of(
    db: &impl ConnectionTrait,
    rows: &[opportunity::Model],
    ids: Option<&[i32]>,
) -> AppResult<Vec<SearchDocument>> {
    let organization_ids: std::collections::BTreeSet<i32> =
        rows.iter().map(|o| o.organization_id).collect();
    let organizations: HashMap<i32, organization::Model> = organization::Entity::find()
        .filter(organization::Column::Id.is_in(organization_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let visible: Vec<&opportunity::Model> = rows
        .iter()
        .filter(|o| o.status == OpportunityStatus::Published)
        .filter(|o| {
            organizations
                .get(&o.organization_id)
                .is_some_and(|org| org.status == OrgStatus::Verified)
        })
        .collect();
    let mut needs =
        features_by_opportunity(db, visible.iter().map(|o| o.id).collect(), ids.is_none()).await?;
    let taken = slots_taken_by(db, ids).await?;
    let documents = visible
        .iter()
        .filter_map(|o| {
            let organization = organizations.get(&o.organization_id)?;
            let taken = taken.get(&o.id).copied().unwrap_or(0);
            Some(document(
                o,
                organization,
                needs.remove(&o.id).unwrap_or_default(),
                taken,
            ))
        })
        .collect();
    Ok(documents)
}

async fn features_by_opportunity(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
    all: bool,
) -> AppResult<HashMap<i32, Vec<AccessNeed>>> {
    let mut query = opportunity_feature::Entity::find();
    // For a full load, one scan of the table beats a 100,000-id IN list.
    if !all {
        query = query.filter(opportunity_feature::Column::OpportunityId.is_in(ids));
    }
    let mut by_id: HashMap<i32, Vec<AccessNeed>> = HashMap::new();
    for row in query.all(db).await? {
        by_id
            .entry(row.opportunity_id)
            .or_default()
            .push(row.feature);
    }
    for needs in by_id.values_mut() {
        needs.sort();
    }
    Ok(by_id)
}
