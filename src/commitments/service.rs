//! Pledges, their checks, and their progress counted from placements.

use chrono::{NaiveDate, Utc};
use entity::{
    Compensation, PlacementStatus, application, commitment, commitment_school, opportunity,
    placement, school,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
    sea_query::{Alias, Expr, ExprTrait, Func, Query},
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::extractors::VerifiedEmployer,
    counseling::service::{school_year_bounds, school_year_of},
    db,
    disclosure::{self, Shown},
    error::{AppError, AppResult},
    forms::FieldErrors,
    i18n::Message,
};

/// Most placements one pledge may name.
pub const MAX_PLACEMENTS: i64 = 10_000;

/// The pledge form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PledgeForm {
    /// The school year, named by the year it starts (`2026` for 2026-27).
    pub school_year: String,
    pub placements: String,
    pub paid: String,
    /// Partner school ids (checkboxes); none for any school.
    pub schools: Vec<String>,
}

/// A pledge that passed every check.
#[derive(Debug, Clone)]
pub struct Pledge {
    pub school_year: i32,
    pub placements: i32,
    pub paid: i32,
    pub schools: Vec<i32>,
}

/// The school years a pledge may name: the current one and the next.
pub fn pledge_years(today: NaiveDate) -> [i32; 2] {
    let current = school_year_of(today);
    [current, current + 1]
}

/// Checks a pledge: a year that is current or next, at least one placement,
/// paid ones between none and all of them, partner schools that exist.
pub async fn parse(
    db: &impl ConnectionTrait,
    form: &PledgeForm,
    today: NaiveDate,
) -> AppResult<Pledge> {
    let mut errors = FieldErrors::new();
    let years = pledge_years(today);
    let school_year = match form.school_year.trim().parse::<i32>() {
        Ok(year) if years.contains(&year) => Some(year),
        _ => {
            errors.add(
                "school_year",
                Message::new("commitments-error-year")
                    .arg("first", years[0])
                    .arg("next", years[1]),
            );
            None
        }
    };
    let placements = errors.integer(
        "placements",
        "commitments-placements-name",
        &form.placements,
        1,
        MAX_PLACEMENTS,
    );
    let paid = errors.integer(
        "paid",
        "commitments-paid-name",
        &form.paid,
        0,
        MAX_PLACEMENTS,
    );
    if let (Some(placements), Some(paid)) = (placements, paid)
        && paid > placements
    {
        errors.add_id("paid", "commitments-error-paid-more");
    }
    let mut schools = Vec::new();
    for id in &form.schools {
        match id.trim().parse::<i32>() {
            Ok(id) if !schools.contains(&id) => schools.push(id),
            Ok(_) => {}
            Err(_) => errors.add_id("schools", "commitments-error-school"),
        }
    }
    if schools.len() > 50 {
        errors.add_id("schools", "commitments-error-school");
    }
    let known = if schools.is_empty() {
        0
    } else {
        school::Entity::find()
            .filter(school::Column::Id.is_in(schools.clone()))
            .count(db)
            .await?
    };
    if usize::try_from(known).unwrap_or(0) != schools.len() {
        errors.add_id("schools", "commitments-error-school");
    }
    let (Some(school_year), Some(placements), Some(paid)) = (school_year, placements, paid) else {
        return Err(AppError::Validation(errors));
    };
    errors.into_result(Pledge {
        school_year,
        placements: i32::try_from(placements).unwrap_or(i32::MAX),
        paid: i32::try_from(paid).unwrap_or(i32::MAX),
        schools,
    })
}

/// Saves the organization's pledge for the year (a new one replaces the
/// old, partner schools and all), in one transaction.
pub async fn pledge(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    form: &PledgeForm,
    today: NaiveDate,
) -> AppResult<commitment::Model> {
    let pledge = parse(db, form, today).await?;
    let txn = db::begin_write(db).await?;
    // Checked again inside the transaction: a suspension meanwhile refuses it.
    let organization_id =
        crate::applications::service::lock_verified_organization(&txn, employer).await?;
    let now = Utc::now();
    let existing = commitment::Entity::find()
        .filter(commitment::Column::OrganizationId.eq(organization_id))
        .filter(commitment::Column::SchoolYear.eq(pledge.school_year))
        .one(&txn)
        .await?;
    let saved = match existing {
        Some(found) => {
            commitment_school::Entity::delete_many()
                .filter(commitment_school::Column::CommitmentId.eq(found.id))
                .exec(&txn)
                .await?;
            let mut model: commitment::ActiveModel = found.into();
            model.placements = Set(pledge.placements);
            model.paid = Set(pledge.paid);
            model.updated_at = Set(now);
            model.update(&txn).await?
        }
        None => {
            commitment::ActiveModel {
                organization_id: Set(organization_id),
                school_year: Set(pledge.school_year),
                placements: Set(pledge.placements),
                paid: Set(pledge.paid),
                created_by: Set(employer.id),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    if !pledge.schools.is_empty() {
        commitment_school::Entity::insert_many(pledge.schools.iter().map(|&school_id| {
            commitment_school::ActiveModel {
                commitment_id: Set(saved.id),
                school_id: Set(school_id),
            }
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// Placements counted for a pledge: made, paid, completed, at partner
/// schools; and the same per school, as the public figures clear them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub made: u64,
    pub paid: u64,
    pub completed: u64,
    pub partner: u64,
    /// Per school with a placement: made, and of them `[paid, completed]`.
    pub schools: Vec<(usize, [usize; 2])>,
}

/// Counts by the database, per school (`GROUP BY`): placements holding a
/// seat at the organization's postings, made during the school year.
///
/// A placement counts for the school its student applied from
/// (`application.school_id`, as the applicant list shows it), never the
/// roster's school today (eyes16a F1): the employer may re-pledge with any
/// partner schools at will, so a count by the live school would answer
/// "which of my students is at school X now" and follow a student who
/// moved. An application with no school kept counts for no partner.
pub async fn counts(db: &impl ConnectionTrait, pledge: &commitment::Model) -> AppResult<Counts> {
    let (start, end) = school_year_bounds(pledge.school_year);
    let (p, o, a) = (placement::Entity, opportunity::Entity, application::Entity);
    let when = |condition| Func::count(Expr::case(condition, Expr::val(1)));
    let query = Query::select()
        .column((a, application::Column::SchoolId))
        .expr_as(
            Expr::col((p, placement::Column::Id)).count(),
            Alias::new("made"),
        )
        .expr_as(
            when(Expr::col((o, opportunity::Column::Compensation)).ne(Compensation::Unpaid.key())),
            Alias::new("paid"),
        )
        .expr_as(
            when(Expr::col((p, placement::Column::Status)).eq(PlacementStatus::Completed.key())),
            Alias::new("completed"),
        )
        .from(p)
        .inner_join(
            o,
            Expr::col((o, opportunity::Column::Id)).equals((p, placement::Column::OpportunityId)),
        )
        .inner_join(
            a,
            Expr::col((a, application::Column::Id)).equals((p, placement::Column::ApplicationId)),
        )
        .and_where(Expr::col((o, opportunity::Column::OrganizationId)).eq(pledge.organization_id))
        .and_where(
            Expr::col((p, placement::Column::Status))
                .is_in(PlacementStatus::HOLDING_A_SLOT.map(|s| s.key())),
        )
        .and_where(Expr::col((p, placement::Column::CreatedAt)).gte(start))
        .and_where(Expr::col((p, placement::Column::CreatedAt)).lt(end))
        .group_by_col((a, application::Column::SchoolId))
        .to_owned();
    let partners: Vec<i32> = commitment_school::Entity::find()
        .select_only()
        .column(commitment_school::Column::SchoolId)
        .filter(commitment_school::Column::CommitmentId.eq(pledge.id))
        .into_tuple()
        .all(db)
        .await?;
    let mut counts = Counts::default();
    for row in db.query_all(&query).await? {
        let number = |name: &str| -> AppResult<u64> {
            let n: i64 = row.try_get("", name)?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        let (made, paid, completed) = (number("made")?, number("paid")?, number("completed")?);
        let school: Option<i32> = row.try_get("", "school_id")?;
        counts.made += made;
        counts.paid += paid;
        counts.completed += completed;
        if school.is_some_and(|school| partners.contains(&school)) {
            counts.partner += made;
        }
        let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        counts
            .schools
            .push((size(made), [size(paid), size(completed)]));
    }
    Ok(counts)
}

/// A pledge with its progress, for the organization's own dashboard (its
/// own placements: exact numbers).
#[derive(Debug, Serialize)]
pub struct Progress {
    pub school_year: i32,
    pub placements: i32,
    pub paid: i32,
    pub schools: Vec<String>,
    pub made: u64,
    pub paid_made: u64,
    pub completed: u64,
    pub partner: u64,
    /// Placements and paid placements both reached.
    pub met: bool,
    /// The same counts per school, for the public figures only.
    #[serde(skip)]
    pub by_school: Vec<(usize, [usize; 2])>,
}

async fn partner_names(db: &impl ConnectionTrait, id: i32) -> AppResult<Vec<String>> {
    Ok(school::Entity::find()
        .select_only()
        .column(school::Column::Name)
        .filter(
            school::Column::Id.in_subquery(
                commitment_school::Entity::find()
                    .select_only()
                    .column(commitment_school::Column::SchoolId)
                    .filter(commitment_school::Column::CommitmentId.eq(id))
                    .into_query(),
            ),
        )
        .order_by_asc(school::Column::Name)
        .into_tuple()
        .all(db)
        .await?)
}

/// Every pledge of an organization, newest year first, with progress.
pub async fn of_organization(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<Vec<Progress>> {
    let pledges = commitment::Entity::find()
        .filter(commitment::Column::OrganizationId.eq(organization_id))
        .order_by_desc(commitment::Column::SchoolYear)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(pledges.len());
    for pledge in pledges {
        let c = counts(db, &pledge).await?;
        out.push(Progress {
            school_year: pledge.school_year,
            placements: pledge.placements,
            paid: pledge.paid,
            schools: partner_names(db, pledge.id).await?,
            made: c.made,
            paid_made: c.paid,
            completed: c.completed,
            partner: c.partner,
            met: c.made >= u64::try_from(pledge.placements).unwrap_or(u64::MAX)
                && c.paid >= u64::try_from(pledge.paid).unwrap_or(u64::MAX),
            by_school: c.schools,
        });
    }
    Ok(out)
}

/// A pledge as the public sees it: the promise, and progress only as
/// numbers the disclosure rules clear, school by school (a count that
/// cannot be shown reads "not shown", whatever the reason). The placements
/// made, and of them the paid and the completed ones, are one row's related
/// counts, cleared together (`disclosure::with_parts`): 12 made beside 10
/// paid would tell that 2 were unpaid. Whether the pledge is met compares
/// those counts with the promise, so it shows only when they do: "met"
/// beside a hidden count of 1 pledged would tell that 1 to 9 were made,
/// "not yet" that none was.
#[derive(Debug, Serialize)]
pub struct PublicProgress {
    pub school_year: i32,
    pub placements: i32,
    pub paid: i32,
    pub schools: Vec<String>,
    pub made: Shown<usize>,
    pub paid_made: Shown<usize>,
    pub completed: Shown<usize>,
    /// `None` when a count it compares is not shown.
    pub met: Option<bool>,
}

/// A pledge row's counts as the rules clear them: made, and of them paid
/// and completed, school by school (`disclosure::with_parts_across`: a
/// counselor who subtracts their own school's placements must find only
/// parts that cleared the rules); and whether the pledge is met, only when
/// the counts it compares are shown. The organization's page and `/impact`
/// both read it.
fn cleared(
    threshold: usize,
    pledged_paid: i32,
    schools: &[(usize, [usize; 2])],
    met: bool,
) -> (Shown<usize>, Shown<usize>, Shown<usize>, Option<bool>) {
    let (made, [paid, completed]) = disclosure::with_parts_across(schools, threshold);
    let compared_shown = !made.is_hidden() && (pledged_paid == 0 || !paid.is_hidden());
    (made, paid, completed, compared_shown.then_some(met))
}

pub async fn public(
    db: &impl ConnectionTrait,
    organization_id: i32,
    threshold: usize,
) -> AppResult<Vec<PublicProgress>> {
    Ok(of_organization(db, organization_id)
        .await?
        .into_iter()
        .map(|p| {
            let (made, paid_made, completed, met) = cleared(threshold, p.paid, &p.by_school, p.met);
            PublicProgress {
                school_year: p.school_year,
                placements: p.placements,
                paid: p.paid,
                schools: p.schools,
                made,
                paid_made,
                completed,
                met,
            }
        })
        .collect())
}

/// Pledges made for a school year across the instance, and how many are met
/// (organizations, not students). A pledge counts as met here only where its
/// own page shows it met: with one pledge (or two views a year apart), a
/// count of every met pledge would tell what the page held back.
pub async fn made_and_met(
    db: &impl ConnectionTrait,
    school_year: i32,
    threshold: usize,
) -> AppResult<(usize, usize)> {
    let pledges = commitment::Entity::find()
        .filter(commitment::Column::SchoolYear.eq(school_year))
        .all(db)
        .await?;
    let mut met = 0;
    for pledge in &pledges {
        let c = counts(db, pledge).await?;
        let reached = c.made >= u64::try_from(pledge.placements).unwrap_or(u64::MAX)
            && c.paid >= u64::try_from(pledge.paid).unwrap_or(u64::MAX);
        let (_, _, _, shown) = cleared(threshold, pledge.paid, &c.schools, reached);
        if shown == Some(true) {
            met += 1;
        }
    }
    Ok((pledges.len(), met))
}
