//! Roster rules: which schools a counselor may see, adding students, issuing codes.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use entity::{Role, counselor_school, school, student};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use serde::{Deserialize, Serialize};

use super::claim_code;
use crate::{
    auth::extractors::CurrentUser,
    counseling::audit::{self, AuditAction},
    error::{AppError, AppResult},
    forms::{FieldErrors, limit},
    i18n::{self, Message, t},
    paging::{self, Paging},
};

/// The ids of students still on their school's roster (active), as a
/// subquery: one who left can take no seat, by a draw, a wait list or an
/// offer.
pub fn on_roster() -> sea_orm::sea_query::SelectStatement {
    use sea_orm::QueryTrait;
    student::Entity::find()
        .select_only()
        .column(student::Column::Id)
        .filter(student::Column::Active.eq(true))
        .into_query()
}

/// The schools this counselor looks after; every school for an admin.
pub async fn schools_of(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> AppResult<Vec<school::Model>> {
    let mut query = school::Entity::find().order_by_asc(school::Column::Name);
    if user.role != Role::Admin {
        let ids: Vec<i32> = counselor_school::Entity::find()
            .filter(counselor_school::Column::UserId.eq(user.id))
            .all(db)
            .await?
            .into_iter()
            .map(|row| row.school_id)
            .collect();
        query = query.filter(school::Column::Id.is_in(ids));
    }
    Ok(query.all(db).await?)
}

/// Whether `user` looks after at least one school (an admin looks after
/// every school). Only such staff take the district's decisions about
/// organizations (verify, reject, suspend, reinstate, approve a rename) and
/// read the employers' quality view: a counselor taken off every school
/// reaches no student, and no longer decides which organizations reach them.
pub async fn looks_after_a_school(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> AppResult<bool> {
    use sea_orm::PaginatorTrait;
    if user.role == Role::Admin {
        return Ok(true);
    }
    let schools = counselor_school::Entity::find()
        .filter(counselor_school::Column::UserId.eq(user.id))
        .count(db)
        .await?;
    Ok(schools > 0)
}

/// Refuses unless `user` may act for `school_id`.
pub async fn ensure_school_access(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    school_id: i32,
) -> AppResult<()> {
    if user.role == Role::Admin {
        return Ok(());
    }
    counselor_school::Entity::find_by_id((user.id, school_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

/// A student row as the counselor's list shows it.
#[derive(Debug, Serialize)]
pub struct RosterEntry {
    pub id: i32,
    pub school_id: i32,
    pub name: String,
    /// See [`student_ref`].
    pub student_ref: String,
    /// Another student on the page has the same name and grade: a code
    /// handed to the wrong one gives them the other's record.
    pub same_name: bool,
    pub grade: i32,
    pub claimed: bool,
    pub code_expires: Option<String>,
}

/// One page of the students of the counselor's schools, by school, last
/// name, first name (the search finds one by name or id).
pub async fn roster_of(
    db: &impl ConnectionTrait,
    schools: &[school::Model],
    paging: &Paging,
) -> AppResult<Vec<RosterEntry>> {
    use student::Column as C;
    // A counselor's few schools, never the students.
    let ids: Vec<i32> = schools.iter().map(|s| s.id).collect();
    let column = |c: C| Expr::col((student::Entity, c));
    let students = student::Entity::find()
        .filter(C::SchoolId.is_in(ids))
        .filter(C::Active.eq(true))
        .filter(paging::name_or_id(
            paging,
            &[column(C::FirstName), column(C::LastName)],
            column(C::Id),
        ))
        .order_by_asc(C::SchoolId)
        .order_by_asc(C::LastName)
        .order_by_asc(C::FirstName)
        .order_by_asc(C::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    let mut namesakes: HashMap<(String, i32), usize> = HashMap::new();
    for s in &students {
        *namesakes
            .entry((format!("{} {}", s.first_name, s.last_name), s.grade))
            .or_default() += 1;
    }
    Ok(students
        .into_iter()
        .map(|s| RosterEntry {
            id: s.id,
            school_id: s.school_id,
            student_ref: student_ref(s.sourced_id.as_deref(), s.id),
            same_name: namesakes[&(format!("{} {}", s.first_name, s.last_name), s.grade)] > 1,
            name: format!("{} {}", s.first_name, s.last_name),
            grade: s.grade,
            claimed: s.user_id.is_some(),
            code_expires: s
                .claim_code_expires_at
                .map(|at| at.format("%Y-%m-%d").to_string()),
        })
        .collect())
}

/// What a counselor types to add one student by hand.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct NewStudent {
    pub school_id: String,
    pub first_name: String,
    pub last_name: String,
    pub grade: String,
    /// The student information system's id, when the counselor has it:
    /// the roster then finds this record instead of making a second one.
    pub sourced_id: String,
}

/// How counselors tell two students of the same name apart: the student
/// information system's id when the roster gave one, else STEMbridge's own
/// record number (what the student search finds).
pub fn student_ref(sourced_id: Option<&str>, id: i32) -> String {
    match sourced_id {
        Some(sis) if !sis.is_empty() => sis.to_owned(),
        _ => format!("#{id}"),
    }
}

/// A claim code just issued: shown once, never stored in clear.
#[derive(Debug, Serialize)]
pub struct IssuedCode {
    pub student_name: String,
    /// See [`student_ref`].
    pub student_ref: String,
    pub code: String,
    pub expires: String,
}

/// Adds a student to one of the counselor's schools and issues their code
/// (audited as the code's issue).
pub async fn add_student(
    db: &DatabaseConnection,
    user: &CurrentUser,
    form: &NewStudent,
) -> AppResult<IssuedCode> {
    let mut errors = FieldErrors::new();
    let school_id = errors.integer(
        "school_id",
        "counselor-codes-school",
        &form.school_id,
        1,
        i64::from(i32::MAX),
    );
    let first_name = errors.text(
        "first_name",
        "counselor-codes-first-name",
        &form.first_name,
        limit::SHORT_NAME,
    );
    let last_name = errors.text(
        "last_name",
        "counselor-codes-last-name",
        &form.last_name,
        limit::SHORT_NAME,
    );
    let grade = errors.integer("grade", "counselor-codes-grade", &form.grade, 6, 13);
    let sourced_id = errors.optional_text(
        "sourced_id",
        "counselor-codes-sis-id",
        &form.sourced_id,
        limit::SIS_ID,
    );
    let (Some(school_id), Some(grade)) = (school_id, grade) else {
        return Err(AppError::Validation(errors));
    };
    errors.into_result(())?;
    let school_id = i32::try_from(school_id).map_err(|_| AppError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    ensure_school_access(&txn, user, school_id).await?;
    // The id belongs to the source the school's roster comes from; one
    // already on a record there is that student, not a new one.
    let school = crate::db::found::<entity::school::Entity>(&txn, school_id).await?;
    let sourced_id = (!sourced_id.is_empty()).then_some(sourced_id);
    if let Some(id) = &sourced_id
        && let Some(taken) = sis_id_taken(&txn, user, id, &school.roster_source).await?
    {
        return Err(taken);
    }

    let code = claim_code::generate();
    let expires = Utc::now() + Duration::days(claim_code::VALID_DAYS);
    let student = student::ActiveModel {
        school_id: Set(school_id),
        user_id: Set(None),
        first_name: Set(first_name),
        last_name: Set(last_name),
        grade: Set(grade as i32),
        claim_code_hash: Set(Some(claim_code::digest(&code))),
        claim_code_expires_at: Set(Some(expires)),
        active: Set(true),
        created_at: Set(Utc::now()),
        roster_source: Set(school.roster_source.clone()),
        sourced_id: Set(sourced_id.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let student = match student {
        Ok(student) => student,
        // Added at the same moment by a colleague or a roster import: the
        // unique index let theirs in, and this one is told whose it is, as
        // had it come a moment later.
        Err(error) if crate::db::unique_violation(&error) => {
            drop(txn);
            let taken = match &sourced_id {
                Some(id) => sis_id_taken(db, user, id, &school.roster_source).await?,
                None => None,
            };
            return Err(taken.unwrap_or_else(|| error.into()));
        }
        Err(error) => return Err(error.into()),
    };
    audit_code_issued(&txn, user, student.id).await?;
    txn.commit().await?;
    Ok(IssuedCode {
        student_name: format!("{} {}", student.first_name, student.last_name),
        student_ref: student_ref(student.sourced_id.as_deref(), student.id),
        code,
        expires: expires.format("%Y-%m-%d").to_string(),
    })
}

/// The refusal of an SIS id a student of the roster source already has.
/// The student is named when `user` looks after their school, so the
/// counselor reissues their code instead; a roster source spans a
/// district, and naming another school's student would let any counselor
/// list the district's children by typing ids (eyes20 F4).
async fn sis_id_taken(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: &str,
    roster_source: &str,
) -> AppResult<Option<AppError>> {
    let Some(taken) = student::Entity::find()
        .filter(student::Column::SourcedId.eq(id))
        .filter(student::Column::RosterSource.eq(roster_source))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let message = match ensure_school_access(db, user, taken.school_id).await {
        Ok(()) => Message::new("counselor-error-sis-id-taken")
            .arg("id", id)
            .arg("name", format!("{} {}", taken.first_name, taken.last_name)),
        Err(AppError::NotFound) => {
            Message::new("counselor-error-sis-id-taken-elsewhere").arg("id", id)
        }
        Err(error) => return Err(error),
    };
    let mut errors = FieldErrors::new();
    errors.add("sourced_id", message);
    Ok(Some(AppError::Validation(errors)))
}

/// A claim code is a credential for a minor's account: each one handed to a
/// counselor for one student is on the audit log (who, which student).
/// Printing a grade's codes is recorded once, by `print_codes`.
async fn audit_code_issued(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    student_id: i32,
) -> AppResult<()> {
    audit::record(
        db,
        user.id,
        AuditAction::IssueClaimCode,
        &format!("student {student_id}"),
    )
    .await
}

/// Replaces one student's code (lost, expired), audited; refused once the
/// account is claimed.
pub async fn reissue_code(
    db: &DatabaseConnection,
    user: &CurrentUser,
    student_id: i32,
) -> AppResult<IssuedCode> {
    let txn = crate::db::begin_write(db).await?;
    let issued = replace_code(&txn, user, student_id).await?;
    audit_code_issued(&txn, user, student_id).await?;
    txn.commit().await?;
    Ok(issued)
}

/// Gives a student a new code, replacing the old one; the caller audits.
async fn replace_code(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    student_id: i32,
) -> AppResult<IssuedCode> {
    let student = crate::db::found::<student::Entity>(db, student_id).await?;
    ensure_school_access(db, user, student.school_id).await?;
    if student.user_id.is_some() {
        return Err(AppError::conflict("counselor-code-already-claimed"));
    }
    let code = claim_code::generate();
    let expires = Utc::now() + Duration::days(claim_code::VALID_DAYS);
    let name = format!("{} {}", student.first_name, student.last_name);
    let reference = student_ref(student.sourced_id.as_deref(), student.id);
    let mut student: student::ActiveModel = student.into();
    student.claim_code_hash = Set(Some(claim_code::digest(&code)));
    student.claim_code_expires_at = Set(Some(expires));
    student.update(db).await?;
    Ok(IssuedCode {
        student_name: name,
        student_ref: reference,
        code,
        expires: expires.format("%Y-%m-%d").to_string(),
    })
}

/// The codes page's choice: a school and a grade.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodesForm {
    school_id: String,
    grade: String,
}

/// Codes issued for printing, and the grade they are for.
#[derive(Debug, Serialize)]
pub struct PrintedCodes {
    pub codes: Vec<IssuedCode>,
    pub grade: i32,
}

/// New codes for every unclaimed student of the school and grade the form
/// names, written to the audit log.
pub async fn print_codes(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    form: &CodesForm,
) -> AppResult<PrintedCodes> {
    let school_id: i32 = form
        .school_id
        .parse()
        .map_err(|_| AppError::BadRequest(t(i18n::current(), "counselor-error-choose-school")))?;
    let grade: i32 = form
        .grade
        .parse()
        .map_err(|_| AppError::BadRequest(t(i18n::current(), "counselor-error-choose-grade")))?;
    let codes = reissue_codes_for_grade(db, counselor, school_id, grade).await?;
    audit::record(
        db,
        counselor.id,
        AuditAction::PrintCodes,
        &format!("school {school_id} grade {grade}"),
    )
    .await?;
    Ok(PrintedCodes { codes, grade })
}

/// Issues new codes to every active, unclaimed student of a school and
/// grade (for printing), in name order.
pub async fn reissue_codes_for_grade(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    school_id: i32,
    grade: i32,
) -> AppResult<Vec<IssuedCode>> {
    ensure_school_access(db, user, school_id).await?;
    let students = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school_id))
        .filter(student::Column::Grade.eq(grade))
        .filter(student::Column::Active.eq(true))
        .filter(student::Column::UserId.is_null())
        .order_by_asc(student::Column::LastName)
        .order_by_asc(student::Column::FirstName)
        .all(db)
        .await?;
    let mut issued = Vec::with_capacity(students.len());
    for student in students {
        issued.push(replace_code(db, user, student.id).await?);
    }
    Ok(issued)
}
