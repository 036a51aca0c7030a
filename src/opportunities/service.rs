//! Posting rules: drafts, edits, the lifecycle (draft -> published -> closed
//! -> archived, re-opening) and who may see what. Every change writes a search
//! outbox row in the same transaction.

use chrono::{NaiveDate, Utc};
use entity::{
    AccessNeed, Allocation, OpportunityStatus, OrgStatus, PlacementStatus, opportunity,
    opportunity_feature, organization, placement,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, ModelTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::{
    changes,
    forms::{Posting, PostingForm},
};
use crate::{
    auth::extractors::EmployerUser,
    db,
    error::{AppError, AppResult, OrNotFound},
    format::{grade_in, pay_in, time_in, today},
    forms::FieldErrors,
    i18n::{self, Lang, Message, t, t_args},
    outbox,
};

/// The access features an opportunity offers, in vocabulary order.
pub async fn features_of(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
) -> AppResult<Vec<AccessNeed>> {
    let mut features: Vec<AccessNeed> = opportunity_feature::Entity::find()
        .select_only()
        .column(opportunity_feature::Column::Feature)
        .filter(opportunity_feature::Column::OpportunityId.eq(opportunity_id))
        .into_tuple()
        .all(db)
        .await?;
    features.sort();
    Ok(features)
}

async fn replace_features(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
    features: &[AccessNeed],
) -> AppResult<()> {
    opportunity_feature::Entity::delete_many()
        .filter(opportunity_feature::Column::OpportunityId.eq(opportunity_id))
        .exec(db)
        .await?;
    let rows = features
        .iter()
        .map(|&feature| opportunity_feature::ActiveModel {
            opportunity_id: Set(opportunity_id),
            feature: Set(feature),
        });
    opportunity_feature::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

fn apply(model: &mut opportunity::ActiveModel, posting: &Posting) {
    model.title = Set(posting.title.clone());
    model.description = Set(posting.description.clone());
    model.written_in = Set(posting.written_in);
    model.kind = Set(posting.kind);
    model.field = Set(posting.field);
    model.mode = Set(posting.mode);
    model.address = Set(posting.address.clone());
    model.zip = Set(posting.zip.clone());
    model.latitude = Set(Some(posting.location.latitude));
    model.longitude = Set(Some(posting.location.longitude));
    model.compensation = Set(posting.compensation);
    model.hourly_wage_cents = Set(posting.hourly_wage_cents);
    model.stipend_cents = Set(posting.stipend_cents);
    model.hours_per_week = Set(posting.hours_per_week);
    model.schedule = Set(posting.schedule.clone());
    model.start_date = Set(posting.start_date);
    model.end_date = Set(posting.end_date);
    model.start_time = Set(posting.start_time);
    model.end_time = Set(posting.end_time);
    model.deadline = Set(posting.deadline);
    model.min_grade = Set(posting.min_grade);
    model.max_grade = Set(posting.max_grade);
    model.min_age = Set(posting.min_age);
    model.slots = Set(posting.slots);
    model.allocation = Set(posting.allocation);
    model.languages = Set(posting.languages.join(","));
    model.skills = Set(posting.skills.clone());
    model.updated_at = Set(Utc::now());
}

/// Creates a draft for the employer's organization (any organization may
/// draft). The same form sent again (its `once` token) gives the draft it
/// made instead of a second one; of two sent at once, the unique index lets
/// one insert and the other finds it.
pub async fn create_draft(
    db: &DatabaseConnection,
    employer: &EmployerUser,
    form: &PostingForm,
) -> AppResult<Drafted> {
    let posting = form.parse().map_err(AppError::Validation)?;
    let organization_id = employer.organization_id;
    let once = form.once();
    let made_by = async || -> AppResult<Option<opportunity::Model>> {
        let Some(once) = once else { return Ok(None) };
        Ok(opportunity::Entity::find()
            .filter(opportunity::Column::OrganizationId.eq(organization_id))
            .filter(opportunity::Column::CreatedWith.eq(once))
            .one(db)
            .await?)
    };
    if let Some(made) = made_by().await? {
        return Ok(Drafted::again(made));
    }
    let txn = db::begin_write(db).await?;
    let made = Made {
        organization_id,
        created_by: employer.id,
        created_with: once,
    };
    match insert(&txn, &made, &posting, OpportunityStatus::Draft).await {
        Ok(saved) => {
            txn.commit().await?;
            Ok(Drafted {
                saved,
                again: false,
            })
        }
        // The same form, sent at the same moment, inserted first.
        Err(AppError::Database(error)) if db::unique_violation(&error) => {
            txn.rollback().await?;
            made_by()
                .await?
                .map(Drafted::again)
                .ok_or(AppError::Database(error))
        }
        Err(other) => Err(other),
    }
}

/// The draft a new-posting form made.
pub struct Drafted {
    pub saved: opportunity::Model,
    /// The form had already made it (sent twice): what this sending held
    /// was not saved, and the employer is told so.
    pub again: bool,
}

impl Drafted {
    fn again(saved: opportunity::Model) -> Self {
        Drafted { saved, again: true }
    }
}

/// Who makes a posting: the organization, the account, and the token of
/// the new-posting form it came from, if any (`PostingForm::once`).
pub struct Made<'a> {
    pub organization_id: i32,
    pub created_by: i32,
    pub created_with: Option<&'a str>,
}

/// Inserts a checked posting with its features and outbox row; the caller owns
/// the transaction (the demo seed uses it to load published postings in bulk).
pub async fn insert(
    db: &impl ConnectionTrait,
    made: &Made<'_>,
    posting: &Posting,
    status: OpportunityStatus,
) -> AppResult<opportunity::Model> {
    let now = Utc::now();
    let mut model = opportunity::ActiveModel {
        organization_id: Set(made.organization_id),
        status: Set(status),
        created_by: Set(made.created_by),
        created_with: Set(made.created_with.map(str::to_owned)),
        created_at: Set(now),
        published_at: Set((status == OpportunityStatus::Published).then_some(now)),
        closed_at: Set(None),
        ..Default::default()
    };
    apply(&mut model, posting);
    let saved = model.insert(db).await?;
    replace_features(db, saved.id, &posting.features).await?;
    crate::draws::service::commit_seed_if_drawn(db, &saved).await?;
    outbox::enqueue(db, saved.id).await?;
    Ok(saved)
}

/// The opportunity `id` if the employer's organization owns it.
fn owned(employer: &EmployerUser, id: i32) -> sea_orm::Select<opportunity::Entity> {
    opportunity::Entity::find_by_id(id)
        .filter(opportunity::Column::OrganizationId.eq(employer.organization_id))
}

/// An opportunity of the employer's own organization; any other is "not found",
/// so ids of other organizations' drafts reveal nothing.
pub async fn find_owned(
    db: &impl ConnectionTrait,
    employer: &EmployerUser,
    id: i32,
) -> AppResult<opportunity::Model> {
    owned(employer, id).one(db).await?.or_not_found()
}

/// [`find_owned`], with the row locked for the rest of the transaction
/// (`FOR UPDATE` on PostgreSQL; SQLite write transactions are exclusive).
async fn lock_owned(
    db: &impl ConnectionTrait,
    employer: &EmployerUser,
    id: i32,
) -> AppResult<opportunity::Model> {
    // The organization first, as every seat change does (see
    // `placements::seats::lock_opportunity`): an edit may pass seats on.
    crate::placements::seats::lock_organization(db, employer.organization_id).await?;
    owned(employer, id)
        .lock_exclusive()
        .one(db)
        .await?
        .or_not_found()
}

/// Saves an edit; a published posting changes in search at once (via the
/// outbox). Past a draft, only a verified organization edits, the terms
/// guardians consented to stay fixed while students hold seats, and the
/// edit is audited (students saw the posting).
pub async fn update(
    db: &DatabaseConnection,
    employer: &EmployerUser,
    id: i32,
    form: &PostingForm,
) -> AppResult<opportunity::Model> {
    // Someone else's posting is "not found", whatever the form says.
    find_owned(db, employer, id).await?;
    let posting = form.parse().map_err(AppError::Validation)?;
    let txn = db::begin_write(db).await?;
    // Locked as accepting an offer locks it, so slots cannot shrink under a
    // placement being made.
    let current = lock_owned(&txn, employer, id).await?;
    if current.status == OpportunityStatus::Archived {
        return Err(AppError::conflict("employer-posting-archived-edit"));
    }
    // Another tab or a colleague saved since this form was drawn: saving it
    // would silently put back what they changed (eyes14b F7).
    if !crate::forms::still_as_seen(&form.seen, current.updated_at) {
        return Err(AppError::conflict("employer-posting-changed-meanwhile"));
    }
    // A draft never reached a student; anything else did, and only a
    // verified organization acts on what students see (checked again under
    // the organization's lock, as every write that touches students is).
    if current.status != OpportunityStatus::Draft {
        crate::applications::service::lock_verified_organization(&txn, employer).await?;
    }
    deadline_kept(&current, &posting, today()).into_result(())?;
    let features = features_of(&txn, id).await?;
    if seats_held(&txn, id).await? > 0 {
        changes::locked_terms(&current, &features, &posting).into_result(())?;
    }
    let taken = crate::applications::service::slots_taken(&txn, id).await?;
    if posting.slots < taken {
        let mut errors = FieldErrors::new();
        errors.add(
            "slots",
            Message::new("integrity-slots-taken").arg("taken", taken),
        );
        return Err(AppError::Validation(errors));
    }
    // Entries collected for a draw (or seats given first come) would be
    // stranded by switching how seats are given.
    if current.allocation != posting.allocation
        && crate::draws::service::has_applications(&txn, id).await?
    {
        let mut errors = FieldErrors::new();
        errors.add_id("allocation", "draws-error-allocation-locked");
        return Err(AppError::Validation(errors));
    }
    if current.status != OpportunityStatus::Draft {
        changes::audit_edit(&txn, employer.id, &current, &features, &posting).await?;
    }
    let mut model: opportunity::ActiveModel = current.into();
    apply(&mut model, &posting);
    let saved = model.update(&txn).await?;
    replace_features(&txn, id, &posting.features).await?;
    crate::draws::service::commit_seed_if_drawn(&txn, &saved).await?;
    // Seats added go to the students already waiting, in line, before any
    // newcomer (the row lock above is the one promotion needs).
    crate::placements::service::promote_wait_list(&txn, &saved).await?;
    outbox::enqueue(&txn, id).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A fair draw collects entries until its deadline as published. Once the
/// posting has left the draft (students can see who may enter, and the
/// employer sees how many did and who they are), an edit may move the
/// deadline later but never earlier, nor to a day already past: closing the
/// entries early, once the entrants suit the employer, would choose them.
/// (The deadline as it stands is kept, past or not, so a closed posting's
/// other fields still save.)
fn deadline_kept(current: &opportunity::Model, posting: &Posting, today: NaiveDate) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if current.allocation != Allocation::FairDraw
        || current.status == OpportunityStatus::Draft
        || posting.deadline == current.deadline
    {
        return errors;
    }
    if posting.deadline < current.deadline {
        errors.add(
            "deadline",
            Message::new("draws-error-deadline-earlier").date("deadline", current.deadline),
        );
    } else if posting.deadline < today {
        errors.add_id("deadline", "draws-error-deadline-past");
    }
    errors
}

/// Placements of the posting that hold a seat not yet used up (waiting for
/// consent, or under way): their guardians were told, or agreed to, the
/// posting's terms as they are now.
async fn seats_held(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<u64> {
    Ok(placement::Entity::find()
        .filter(placement::Column::OpportunityId.eq(opportunity_id))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        .count(db)
        .await?)
}

entity::vocabulary! {
    /// What an employer can do to a posting.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Action {
        Publish = "publish",
        Close = "close",
        Reopen = "reopen",
        Archive = "archive",
        Delete = "delete",
    }
}

impl Action {
    /// The status the action leads to, or `None` when not allowed from `from`.
    pub fn target(self, from: OpportunityStatus) -> Option<OpportunityStatus> {
        use OpportunityStatus::*;
        match (self, from) {
            (Action::Publish, Draft) | (Action::Reopen, Closed) => Some(Published),
            (Action::Close, Published) => Some(Closed),
            (Action::Archive, Closed) => Some(Archived),
            (Action::Delete, Draft) => Some(Draft),
            _ => None,
        }
    }

    /// The catalogue id of "publish", "close"... as the refusal names it.
    fn verb(self) -> &'static str {
        match self {
            Action::Publish => "employer-posting-verb-publish",
            Action::Close => "employer-posting-verb-close",
            Action::Reopen => "employer-posting-verb-reopen",
            Action::Archive => "employer-posting-verb-archive",
            Action::Delete => "employer-posting-verb-delete",
        }
    }

    /// The catalogue id of the message saying it was done.
    fn done(self) -> &'static str {
        match self {
            Action::Publish => "employer-flash-posting-published",
            Action::Close => "employer-flash-posting-closed",
            Action::Reopen => "employer-flash-posting-reopened",
            Action::Archive => "employer-flash-posting-archived",
            Action::Delete => "employer-flash-posting-deleted",
        }
    }
}

/// What happened, for the message shown afterwards.
pub struct Outcome {
    pub title: String,
    pub message: Message,
    pub deleted: bool,
}

/// Moves a posting through its lifecycle, refusing transitions that are not allowed.
pub async fn act(
    db: &DatabaseConnection,
    employer: &EmployerUser,
    id: i32,
    action: Action,
) -> AppResult<Outcome> {
    let txn = db::begin_write(db).await?;
    // Locked: two lifecycle actions at once (a double click on publish and
    // delete) apply one after the other, each to what the other left.
    let current = lock_owned(&txn, employer, id).await?;
    let Some(target) = action.target(current.status) else {
        let lang = i18n::current();
        return Err(AppError::Conflict(t_args(
            lang,
            "employer-posting-refused",
            vec![
                (
                    "status",
                    i18n::vocab(lang, "opportunity_status", current.status.key()).into(),
                ),
                ("state", current.status.key().into()),
                ("verb", t(lang, action.verb()).into()),
            ],
        )));
    };
    let title = current.title.clone();
    // As with an edit of the deadline (`deadline_kept`): a fair draw that
    // students entered collects entries until its deadline as published;
    // closing it before then would choose who is in the draw.
    if action == Action::Close
        && current.allocation == Allocation::FairDraw
        && current.deadline >= today()
        && crate::draws::service::collects_entries(&txn, &current).await?
        && crate::draws::service::has_applications(&txn, id).await?
    {
        let lang = i18n::current();
        return Err(AppError::Conflict(t_args(
            lang,
            "draws-error-close-early",
            vec![("deadline", i18n::long_date(lang, current.deadline).into())],
        )));
    }
    if matches!(action, Action::Publish | Action::Reopen) {
        let organization =
            crate::db::found::<organization::Entity>(&txn, current.organization_id).await?;
        if organization.status != OrgStatus::Verified {
            return Err(AppError::conflict("employer-posting-must-be-verified"));
        }
        if current.deadline < today() {
            return Err(AppError::conflict("employer-posting-deadline-passed"));
        }
        // Saved before contact details were refused: students see it now.
        let mut errors = FieldErrors::new();
        super::forms::refuse_contact_details(
            &mut errors,
            [
                &current.title,
                &current.description,
                &current.address,
                &current.schedule,
                &current.skills,
            ],
        );
        if !errors.is_empty() {
            return Err(AppError::Conflict(errors.summary(i18n::current())));
        }
    }
    if action == Action::Delete {
        current.delete(&txn).await?;
    } else {
        let now = Utc::now();
        let mut model: opportunity::ActiveModel = current.into();
        model.status = Set(target);
        model.updated_at = Set(now);
        match target {
            OpportunityStatus::Published => {
                model.published_at = Set(Some(now));
                model.closed_at = Set(None);
            }
            OpportunityStatus::Closed => model.closed_at = Set(Some(now)),
            _ => {}
        }
        let saved = model.update(&txn).await?;
        crate::draws::service::commit_seed_if_drawn(&txn, &saved).await?;
    }
    outbox::enqueue(&txn, id).await?;
    txn.commit().await?;
    tracing::info!(opportunity_id = id, ?action, "posting lifecycle");
    Ok(Outcome {
        message: Message::new(action.done()).arg("title", title.as_str()),
        title,
        deleted: action == Action::Delete,
    })
}

/// Closes published postings whose deadline has passed; returns how many.
pub async fn close_expired(db: &DatabaseConnection) -> AppResult<usize> {
    let txn = db::begin_write(db).await?;
    let expired: Vec<i32> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::Deadline.lt(today()))
        .into_tuple()
        .all(&txn)
        .await?;
    if expired.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    // In slices: after a long outage thousands may close at once, more than
    // one statement may name (SQLite takes 32,766 variables).
    for slice in expired.chunks(1_000) {
        opportunity::Entity::update_many()
            .col_expr(
                opportunity::Column::Status,
                sea_orm::sea_query::Expr::value(OpportunityStatus::Closed.key()),
            )
            .col_expr(
                opportunity::Column::ClosedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .col_expr(
                opportunity::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(opportunity::Column::Id.is_in(slice.to_vec()))
            .exec(&txn)
            .await?;
    }
    let count = expired.len();
    outbox::enqueue_many(&txn, expired).await?;
    txn.commit().await?;
    Ok(count)
}

/// A row of the employer's dashboard.
#[derive(Debug, Serialize)]
pub struct DashboardRow {
    pub id: i32,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub slots: i32,
    pub slots_left: i32,
    pub applicants: i64,
    pub deadline: String,
}

pub async fn list_for_organization(
    db: &impl ConnectionTrait,
    organization_id: i32,
    paging: &crate::paging::Paging,
) -> AppResult<Vec<DashboardRow>> {
    let mut query = opportunity::Entity::find()
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .order_by_desc(opportunity::Column::UpdatedAt)
        .order_by_desc(opportunity::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset());
    for word in paging.words() {
        query = query.filter(crate::paging::contains(
            sea_orm::sea_query::Expr::col((opportunity::Entity, opportunity::Column::Title)),
            &word,
        ));
    }
    let rows = query.all(db).await?;
    // One page's postings (at most `paging::PER_PAGE` + 1 ids).
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    let applicants: std::collections::HashMap<i32, i64> = entity::application::Entity::find()
        .select_only()
        .column(entity::application::Column::OpportunityId)
        .column_as(entity::application::Column::Id.count(), "n")
        .filter(entity::application::Column::OpportunityId.is_in(ids.clone()))
        .group_by(entity::application::Column::OpportunityId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let taken = slots_taken_by(db, Some(&ids)).await?;
    Ok(rows
        .into_iter()
        .map(|o| DashboardRow {
            applicants: applicants.get(&o.id).copied().unwrap_or(0),
            slots_left: o.slots - taken.get(&o.id).copied().unwrap_or(0),
            id: o.id,
            title: o.title,
            kind: o.kind.key().into(),
            status: o.status.key().into(),
            slots: o.slots,
            deadline: o.deadline.to_string(),
        })
        .collect())
}

/// Slots held by placements, per opportunity among `ids` (all when `None`),
/// in one grouped query: the one count behind acceptance, search and dashboards.
pub async fn slots_taken_by(
    db: &impl ConnectionTrait,
    ids: Option<&[i32]>,
) -> AppResult<std::collections::HashMap<i32, i32>> {
    let mut query = entity::placement::Entity::find()
        .select_only()
        .column(entity::placement::Column::OpportunityId)
        .column_as(entity::placement::Column::Id.count(), "taken")
        .filter(entity::placement::Column::Status.is_in(entity::PlacementStatus::HOLDING_A_SLOT))
        .group_by(entity::placement::Column::OpportunityId);
    if let Some(ids) = ids {
        query = query.filter(entity::placement::Column::OpportunityId.is_in(ids.to_vec()));
    }
    let rows: Vec<(i32, i64)> = query.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(id, taken)| (id, i32::try_from(taken).unwrap_or(i32::MAX)))
        .collect())
}

/// A feature in plain words.
#[derive(Debug, Serialize)]
pub struct FeatureView {
    pub key: &'static str,
    pub label: String,
    pub promise: String,
}

/// A paragraph of a posting's description: its text, then the items of the
/// list it ends with, if its last lines are bulleted.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub items: Vec<String>,
}

/// The marks that start a list item as employers type or paste them: "•",
/// "-", "*", "–", and the private-use bullets of Word's Symbol and Wingdings
/// fonts in postings saved before `forms::cleaned` mapped them to "•".
fn list_item(line: &str) -> Option<&str> {
    const MARKS: &[char] = &[
        '•', '-', '*', '–', '●', '▪', '◦', '○', '■', '□', '✓', '✔', '➢', '►', '\u{F0B7}',
        '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}',
    ];
    let rest = line.trim_start().strip_prefix(MARKS)?;
    let item = rest.trim();
    (rest.starts_with([' ', '\t']) && !item.is_empty()).then_some(item)
}

/// A description as paragraphs (blank lines between) whose bulleted last
/// lines are a list, so a screen reader can move through the items instead
/// of hearing "bullet" before each line (eyes14b F10).
pub fn paragraphs_of(description: &str) -> Vec<Paragraph> {
    description
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            let first_item = lines.iter().position(|line| list_item(line).is_some());
            match first_item {
                Some(at) if lines[at..].iter().all(|line| list_item(line).is_some()) => Paragraph {
                    text: lines[..at].join("\n"),
                    items: lines[at..]
                        .iter()
                        .filter_map(|line| list_item(line))
                        .map(str::to_owned)
                        .collect(),
                },
                _ => Paragraph {
                    text: p.to_owned(),
                    items: Vec::new(),
                },
            }
        })
        .collect()
}

/// Everything a detail page shows, already in words of the reader's language.
#[derive(Debug, Serialize)]
pub struct OpportunityView {
    pub id: i32,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    /// The language of the posting's own text (`lang` on it, for screen readers).
    pub written_in: &'static str,
    /// That language's name, in the reader's language.
    pub written_in_name: String,
    pub kind: String,
    pub is_shadow: bool,
    /// Seats are drawn by lot after the deadline (see `crate::draws`).
    pub fair_draw: bool,
    pub field: String,
    pub mode: String,
    pub status: &'static str,
    pub organization_id: i32,
    pub organization: String,
    pub address: String,
    pub zip: String,
    pub pay: String,
    pub hours_per_week: Option<i32>,
    pub schedule: String,
    pub start_date: String,
    pub end_date: String,
    pub times: Option<String>,
    pub deadline: String,
    pub grades: String,
    pub min_age: Option<i32>,
    pub slots: i32,
    pub languages: Vec<String>,
    pub skills: String,
    pub features: Vec<FeatureView>,
}

/// Builds the view of one posting, in `lang`.
pub async fn view(
    db: &impl ConnectionTrait,
    o: opportunity::Model,
    lang: Lang,
) -> AppResult<OpportunityView> {
    let organization = crate::db::found::<organization::Entity>(db, o.organization_id).await?;
    let features = features_of(db, o.id).await?;
    let paragraphs = paragraphs_of(&o.description);
    Ok(OpportunityView {
        id: o.id,
        pay: pay_in(lang, &o),
        title: o.title,
        paragraphs,
        written_in: o.written_in.key(),
        written_in_name: i18n::vocab(lang, "written_in", o.written_in.key()),
        kind: i18n::vocab(lang, "kind", o.kind.key()),
        is_shadow: o.kind == entity::OpportunityKind::JobShadow,
        fair_draw: o.allocation == entity::Allocation::FairDraw,
        field: i18n::vocab(lang, "field", o.field.key()),
        mode: i18n::vocab(lang, "mode", o.mode.key()),
        status: o.status.key(),
        organization_id: organization.id,
        organization: organization.name,
        address: o.address,
        zip: o.zip,
        hours_per_week: o.hours_per_week,
        schedule: o.schedule,
        start_date: i18n::long_date(lang, o.start_date),
        end_date: i18n::long_date(lang, o.end_date),
        times: o.start_time.zip(o.end_time).map(|(s, e)| {
            t_args(
                lang,
                "opportunity-range",
                vec![
                    ("from", time_in(lang, s).into()),
                    ("to", time_in(lang, e).into()),
                ],
            )
        }),
        deadline: i18n::long_date(lang, o.deadline),
        grades: if o.min_grade == o.max_grade {
            grade_in(lang, o.min_grade)
        } else {
            t_args(
                lang,
                "opportunity-range",
                vec![
                    ("from", grade_in(lang, o.min_grade).into()),
                    ("to", grade_in(lang, o.max_grade).into()),
                ],
            )
        },
        min_age: o.min_age,
        slots: o.slots,
        languages: o
            .languages
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| i18n::language_name(lang, c))
            .collect(),
        skills: o.skills,
        features: features
            .into_iter()
            .map(|f| FeatureView {
                key: f.key(),
                label: i18n::vocab(lang, "need", f.key()),
                promise: i18n::vocab(lang, "promise", f.key()),
            })
            .collect(),
    })
}

/// A posting as students may see it: published, deadline not passed, and from
/// a verified organization. Anything else is "not found".
pub async fn find_visible(db: &impl ConnectionTrait, id: i32) -> AppResult<opportunity::Model> {
    let posting = opportunity::Entity::find_by_id(id)
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::Deadline.gte(today()))
        .one(db)
        .await?
        .or_not_found()?;
    crate::organizations::service::verified(db, posting.organization_id).await?;
    Ok(posting)
}

/// A posting students can see (published or closed) whose own words hold
/// contact details: saved before `contact_details` checked every save, so
/// it stays up until someone edits it. Found by `stembridge
/// check-contact-details` for an admin to act on.
#[derive(Debug)]
pub struct Flagged {
    pub id: i32,
    pub organization_id: i32,
    pub title: String,
    /// The first field holding them (title, description, address, schedule,
    /// skills) and what was found there.
    pub field: &'static str,
    pub found: crate::contact_details::Found,
}

/// Every posting students can see whose words hold contact details, read a
/// thousand at a time.
pub async fn flagged_postings(db: &DatabaseConnection) -> AppResult<Vec<Flagged>> {
    let mut flagged = Vec::new();
    let mut pages = opportunity::Entity::find()
        .filter(
            opportunity::Column::Status
                .is_in([OpportunityStatus::Published, OpportunityStatus::Closed]),
        )
        .order_by_asc(opportunity::Column::Id)
        .paginate(db, 1000);
    while let Some(postings) = pages.fetch_and_next().await? {
        for o in postings {
            let fields = [
                ("title", &o.title),
                ("description", &o.description),
                ("address", &o.address),
                ("schedule", &o.schedule),
                ("skills", &o.skills),
            ];
            let first = fields.into_iter().find_map(|(field, text)| {
                crate::contact_details::find(text).map(|found| (field, found))
            });
            if let Some((field, found)) = first {
                flagged.push(Flagged {
                    id: o.id,
                    organization_id: o.organization_id,
                    title: o.title.clone(),
                    field,
                    found,
                });
            }
        }
    }
    Ok(flagged)
}

#[cfg(test)]
mod tests {
    use super::{Paragraph, paragraphs_of};

    #[test]
    fn bulleted_last_lines_of_a_paragraph_are_a_list_and_other_text_stays_prose() {
        let typed = "Help our lab team.\r\n\r\nYou will:\n• Run tests\n- Log results\n\u{F0B7}\tClean up\n\n-3 °C freezer work, *with* gloves.\n\n* Only one";
        assert_eq!(
            paragraphs_of(typed),
            vec![
                Paragraph {
                    text: "Help our lab team.".into(),
                    items: vec![],
                },
                Paragraph {
                    text: "You will:".into(),
                    items: vec!["Run tests".into(), "Log results".into(), "Clean up".into()],
                },
                Paragraph {
                    text: "-3 °C freezer work, *with* gloves.".into(),
                    items: vec![],
                },
                Paragraph {
                    text: String::new(),
                    items: vec!["Only one".into()],
                },
            ]
        );
        // A bullet followed by prose is not a list: nothing is lost.
        let mixed = "• Safety first\nthen the rest of the sentence";
        assert_eq!(paragraphs_of(mixed)[0].items, Vec::<String>::new());
        assert_eq!(paragraphs_of(mixed)[0].text, mixed);
    }
}
