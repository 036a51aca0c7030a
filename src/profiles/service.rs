//! Profile rules. Demographics are not here: they come from the roster, and
//! students never type them.

use std::collections::HashMap;

use entity::{AccessNeed, StemField, school, student, student_need};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use serde::{Deserialize, Serialize};

use crate::{
    db,
    error::{AppResult, OrNotFound},
    forms::FieldErrors,
    organizations::service::existing_zip,
    search::query::SearchParams,
};

/// The roster row of a student user.
pub async fn student_of(db: &impl ConnectionTrait, user_id: i32) -> AppResult<student::Model> {
    student::Entity::find()
        .filter(student::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .or_not_found()
}

pub async fn saved_needs(db: &impl ConnectionTrait, student_id: i32) -> AppResult<Vec<AccessNeed>> {
    let mut needs: Vec<AccessNeed> = student_need::Entity::find()
        .filter(student_need::Column::StudentId.eq(student_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.need)
        .collect();
    needs.sort();
    Ok(needs)
}

/// What search applies for a student who has not chosen filters yet.
pub struct SearchDefaults {
    pub params: SearchParams,
    pub needs: Vec<AccessNeed>,
}

pub async fn search_defaults(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> AppResult<Option<SearchDefaults>> {
    let Some(student) = student::Entity::find()
        .filter(student::Column::UserId.eq(user_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let needs = saved_needs(db, student.id).await?;
    let school_zip = school_zips_of(db, &[student.school_id])
        .await?
        .remove(&student.school_id);
    let params = default_params(&student, &needs, school_zip.as_deref());
    Ok(Some(SearchDefaults { params, needs }))
}

/// The ZIP code of each of these schools, where it has one.
pub async fn school_zips_of(
    db: &impl ConnectionTrait,
    school_ids: &[i32],
) -> AppResult<HashMap<i32, String>> {
    Ok(school::Entity::find()
        .filter(school::Column::Id.is_in(school_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| !s.zip.trim().is_empty())
        .map(|s| (s.id, s.zip))
        .collect())
}

/// The search a student gets by default: their saved needs, grade, the
/// languages they speak and the fields they are interested in, and their
/// home ZIP (else their school's) with their travel distance. Each becomes
/// a removable chip on the search page.
pub fn default_params(
    student: &student::Model,
    needs: &[AccessNeed],
    school_zip: Option<&str>,
) -> SearchParams {
    let list = |keys: &str| -> Vec<String> {
        keys.split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // A ZIP the search cannot place would turn the default into an error
    // page: only a known one is used.
    let zip = [student.home_zip.as_deref(), school_zip]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|z| crate::geo::zip_centroid(z).is_some())
        .map(str::to_owned);
    SearchParams {
        need: needs.iter().map(|n| n.key().to_owned()).collect(),
        field: list(&student.interests)
            .into_iter()
            .filter(|k| StemField::from_key(k).is_some())
            .collect(),
        lang: list(&student.languages)
            .into_iter()
            .filter(|c| crate::languages::name(c).is_some())
            .collect(),
        grade: Some(student.grade.to_string()),
        within_miles: zip
            .as_ref()
            .and(student.travel_miles)
            .map(|m| m.to_string()),
        zip,
        ..SearchParams::default()
    }
}

/// The saved needs of each of these students (sorted), in one query.
pub async fn saved_needs_of(
    db: &impl ConnectionTrait,
    student_ids: &[i32],
) -> AppResult<HashMap<i32, Vec<AccessNeed>>> {
    let mut by_student: HashMap<i32, Vec<AccessNeed>> = HashMap::new();
    for chunk in student_ids.chunks(500) {
        for row in student_need::Entity::find()
            .filter(student_need::Column::StudentId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            by_student.entry(row.student_id).or_default().push(row.need);
        }
    }
    by_student.values_mut().for_each(|needs| needs.sort());
    Ok(by_student)
}

/// The profile form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ProfileForm {
    pub home_zip: String,
    pub travel_miles: String,
    pub needs: Vec<String>,
    pub interests: Vec<String>,
    pub languages: String,
}

/// The profile page's read-only facts, from the roster.
#[derive(Debug, Serialize)]
pub struct RosterFacts {
    pub name: String,
    /// From the roster or a counselor; students cannot change it.
    pub date_of_birth: Option<String>,
    pub grade: i32,
    pub school: String,
}

pub async fn load(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> AppResult<(RosterFacts, ProfileForm)> {
    let student = student_of(db, user_id).await?;
    let school = crate::db::found::<school::Entity>(db, student.school_id).await?;
    let needs = saved_needs(db, student.id).await?;
    let form = ProfileForm {
        home_zip: student.home_zip.clone().unwrap_or_default(),
        travel_miles: student
            .travel_miles
            .map(|m| m.to_string())
            .unwrap_or_default(),
        needs: needs.iter().map(|n| n.key().to_owned()).collect(),
        interests: student
            .interests
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        languages: student.languages.replace(',', ", "),
    };
    let facts = RosterFacts {
        name: format!("{} {}", student.first_name, student.last_name),
        date_of_birth: student.date_of_birth.map(|d| d.to_string()),
        grade: student.grade,
        school: school.name,
    };
    Ok((facts, form))
}

/// Saves the profile, all or nothing. The birth date is not part of it: a
/// `date_of_birth` field in the request is ignored (only the roster or a
/// counselor sets it, since it decides whether a guardian must consent).
pub async fn update(db: &DatabaseConnection, user_id: i32, form: &ProfileForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let home_zip = match form.home_zip.trim() {
        "" => None,
        typed => Some(existing_zip(&mut errors, "home_zip", typed)),
    };
    let travel_miles = match form.travel_miles.trim() {
        "" => None,
        typed => errors
            .integer("travel_miles", "student-profile-travel-name", typed, 1, 100)
            .map(|m| m as i32),
    };
    let mut needs = Vec::new();
    for key in &form.needs {
        match AccessNeed::from_key(key) {
            Some(need) => needs.push(need),
            None => errors.add_id("needs", "student-profile-needs-unknown"),
        }
    }
    needs.sort();
    needs.dedup();
    let mut interests = Vec::new();
    for key in &form.interests {
        match StemField::from_key(key) {
            Some(field) if !interests.contains(&field.key()) => interests.push(field.key()),
            Some(_) => {}
            None => errors.add_id("interests", "student-profile-interests-unknown"),
        }
    }
    let languages = errors.languages("languages", &form.languages, None);
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    let student = student_of(&txn, user_id).await?;
    let student_id = student.id;
    let mut student: student::ActiveModel = student.into();
    student.home_zip = Set(home_zip);
    student.travel_miles = Set(travel_miles);
    student.interests = Set(interests.join(","));
    student.languages = Set(languages.join(","));
    student.update(&txn).await?;
    student_need::Entity::delete_many()
        .filter(student_need::Column::StudentId.eq(student_id))
        .exec(&txn)
        .await?;
    let rows = needs.into_iter().map(|need| student_need::ActiveModel {
        student_id: Set(student_id),
        need: Set(need),
    });
    student_need::Entity::insert_many(rows)
        .exec_without_returning(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
