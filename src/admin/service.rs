//! Admin rules: creating schools and counselors and assigning counselors to
//! schools, each written to the audit log (who gave whom which schools).

use std::collections::HashMap;

use chrono::Utc;
use entity::{Role, counselor_school, school, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::service::insert_user_checked,
    counseling::audit::{self, AuditAction},
    db,
    error::{AppError, AppResult},
    forms::{FieldErrors, limit},
    i18n::Lang,
    security::reset,
    tokens,
};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct NewSchool {
    pub name: String,
    pub zip: String,
}

/// Adds a school, audited as done by `admin_id`.
pub async fn create_school(
    db: &DatabaseConnection,
    admin_id: i32,
    form: &NewSchool,
) -> AppResult<school::Model> {
    let mut errors = FieldErrors::new();
    let name = errors.text("name", "admin-school-name", &form.name, limit::FULL_NAME);
    let zip = errors.zip("zip", &form.zip);
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    let school = school::ActiveModel {
        name: Set(name),
        sourced_id: Set(None),
        zip: Set(zip),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        admin_id,
        AuditAction::CreateSchool,
        &format!("{} ({}, school {})", school.name, school.zip, school.id),
    )
    .await?;
    txn.commit().await?;
    Ok(school)
}

/// A counselor account to create; `school_ids` come from checkboxes.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct NewCounselor {
    pub display_name: String,
    pub email: String,
    pub school_ids: Vec<i32>,
}

/// Creates a counselor and assigns the chosen schools, all or nothing. The
/// audit log gets the account with its schools, and one entry per school
/// given (the counterpart of `security::lifecycle::remove_school`): a grant
/// of every student record of a school is on the trail, by `admin_id`.
pub async fn create_counselor(
    db: &DatabaseConnection,
    admin_id: i32,
    form: &NewCounselor,
    lang: Lang,
) -> AppResult<user::Model> {
    if form.school_ids.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add_id("school_ids", "admin-counselor-schools-missing");
        return Err(AppError::Validation(errors));
    }
    let txn = db::begin_write(db).await?;
    let known = school::Entity::find()
        .filter(school::Column::Id.is_in(form.school_ids.clone()))
        .all(&txn)
        .await?;
    if known.len() != form.school_ids.len() {
        let mut errors = FieldErrors::new();
        errors.add_id("school_ids", "admin-counselor-schools-unknown");
        return Err(AppError::Validation(errors));
    }
    // A password nobody knows: the counselor chooses theirs through the
    // invitation link.
    let unknown_password = tokens::random(43);
    let counselor = insert_user_checked(
        &txn,
        &form.email,
        &form.display_name,
        &unknown_password,
        Role::Counselor,
        None,
        Some(chrono::Utc::now()),
    )
    .await?;
    let names: Vec<&str> = known.iter().map(|s| s.name.as_str()).collect();
    audit::record(
        &txn,
        admin_id,
        AuditAction::CreateCounselor,
        &format!("{} for {}", counselor.email, names.join(", ")),
    )
    .await?;
    for school in &known {
        counselor_school::ActiveModel {
            user_id: Set(counselor.id),
            school_id: Set(school.id),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            admin_id,
            AuditAction::GiveCounselorSchool,
            &format!("{} to {}", counselor.email, school.name),
        )
        .await?;
    }
    reset::invite(&txn, &counselor, admin_id, lang).await?;
    txn.commit().await?;
    Ok(counselor)
}

/// A counselor and the names of their schools, for the admin page.
#[derive(Debug, Serialize)]
pub struct CounselorRow {
    pub name: String,
    pub email: String,
    pub schools: Vec<String>,
}

pub async fn counselors(db: &DatabaseConnection) -> AppResult<Vec<CounselorRow>> {
    let mut schools = schools_of_counselors(db, None).await?;
    let users = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Counselor))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .map(|u| CounselorRow {
            schools: schools
                .remove(&u.id)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, name)| name)
                .collect(),
            name: u.display_name,
            email: u.email,
        })
        .collect())
}

/// The schools each counselor looks after, as (id, name) by counselor id:
/// of the counselors `only` names (a page of accounts), or of every one.
pub async fn schools_of_counselors(
    db: &impl ConnectionTrait,
    only: Option<&[i32]>,
) -> AppResult<HashMap<i32, Vec<(i32, String)>>> {
    let mut assignments = counselor_school::Entity::find();
    let mut schools = school::Entity::find();
    if let Some(ids) = only {
        assignments = assignments.filter(counselor_school::Column::UserId.is_in(ids.to_vec()));
        // Only the schools of those counselors, picked by the database.
        schools = schools.filter(
            school::Column::Id.in_subquery(
                counselor_school::Entity::find()
                    .select_only()
                    .column(counselor_school::Column::SchoolId)
                    .filter(counselor_school::Column::UserId.is_in(ids.to_vec()))
                    .into_query(),
            ),
        );
    }
    let assignments = assignments.all(db).await?;
    let names: HashMap<i32, String> = schools
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let mut schools: HashMap<i32, Vec<(i32, String)>> = HashMap::new();
    for a in assignments {
        if let Some(name) = names.get(&a.school_id) {
            schools
                .entry(a.user_id)
                .or_default()
                .push((a.school_id, name.clone()));
        }
    }
    Ok(schools)
}
