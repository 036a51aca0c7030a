//! How a family reaches its child's school: a telephone number and an
//! office address for families (migration 62), set by the school's
//! counselors and admins. Every mail to a guardian and every page opened
//! from one shows them, beside the line that tells a family whose language
//! we do not write to contact the school (eyes18b F4). Both optional: a
//! school with neither keeps today's text, and its counselors are told.

use entity::{Role, counselor_school, placement, school, student, student_guardian};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::extractors::CurrentUser,
    counseling::audit::{self, AuditAction},
    db,
    error::AppResult,
    forms::{FieldErrors, limit},
    roster::service::ensure_school_access,
};

/// A school's contact as a family reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// The school's name, whom the number reaches.
    pub school: String,
    /// The number as the school wrote it (`(312) 555-0142 ext. 204`).
    pub phone: Option<String>,
    /// The same number for a `tel:` link: its digits, a leading `+` kept,
    /// without the extension (phones dial it after the call connects).
    pub tel: Option<String>,
    pub email: Option<String>,
}

impl Contact {
    /// The contact of `found`, if it has a number or an address.
    pub fn of(found: &school::Model) -> Option<Contact> {
        let phone = found.contact_phone.clone().filter(|p| !p.is_empty());
        let email = found.contact_email.clone().filter(|e| !e.is_empty());
        (phone.is_some() || email.is_some()).then(|| Contact {
            school: found.name.clone(),
            tel: phone.as_deref().map(dialable),
            phone,
            email,
        })
    }
}

/// The digits of `phone` up to its extension, with a leading `+`.
fn dialable(phone: &str) -> String {
    let main = phone
        .to_lowercase()
        .split(['x', 'e', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if main.trim_start().starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    }
}

/// The contact a guardian's mail or page shows: the school of the
/// placement's student when it is about one (a contact shared by two
/// schools hears from the right one), else the first of their students'
/// schools that set one. The guardian must be an active contact of those
/// students: a page checks the link's holder first (`families::link_language`).
pub async fn for_guardian(
    db: &impl ConnectionTrait,
    guardian_id: i32,
    placement_id: Option<i32>,
) -> AppResult<Option<Contact>> {
    if let Some(placement_id) = placement_id {
        let student = placement::Entity::find()
            .select_only()
            .column(placement::Column::StudentId)
            .filter(placement::Column::Id.eq(placement_id))
            .into_query();
        let school_of = student::Entity::find()
            .select_only()
            .column(student::Column::SchoolId)
            .filter(student::Column::Id.in_subquery(student))
            .into_query();
        let found = school::Entity::find()
            .filter(school::Column::Id.in_subquery(school_of))
            .one(db)
            .await?;
        if let Some(found) = found.as_ref().and_then(Contact::of) {
            return Ok(Some(found));
        }
    }
    let students = student_guardian::Entity::find()
        .select_only()
        .column(student_guardian::Column::StudentId)
        .filter(student_guardian::Column::GuardianId.eq(guardian_id))
        .into_query();
    let schools = student::Entity::find()
        .select_only()
        .column(student::Column::SchoolId)
        .filter(student::Column::Id.in_subquery(students))
        .into_query();
    Ok(school::Entity::find()
        .filter(school::Column::Id.in_subquery(schools))
        .filter(
            sea_orm::Condition::any()
                .add(school::Column::ContactPhone.ne(""))
                .add(school::Column::ContactEmail.ne("")),
        )
        .order_by_asc(school::Column::Id)
        .one(db)
        .await?
        .as_ref()
        .and_then(Contact::of))
}

/// The contact a guardian's mail or page about one student shows: that
/// student's school (a family with children at two schools is sent to the
/// office that knows the child, eyes40 F5), else, when that school set
/// none, the first of the guardian's students' schools that did. As for
/// [`for_guardian`], the guardian must still be that student's contact.
pub async fn for_student(
    db: &impl ConnectionTrait,
    guardian_id: i32,
    student_id: i32,
) -> AppResult<Option<Contact>> {
    let school_of = student::Entity::find()
        .select_only()
        .column(student::Column::SchoolId)
        .filter(student::Column::Id.eq(student_id))
        .into_query();
    let found = school::Entity::find()
        .filter(school::Column::Id.in_subquery(school_of))
        .one(db)
        .await?;
    match found.as_ref().and_then(Contact::of) {
        Some(found) => Ok(Some(found)),
        None => for_guardian(db, guardian_id, None).await,
    }
}

/// The schools `user` looks after that families cannot reach yet (no
/// number, no address): the counselor's dashboard says so.
pub async fn missing_for(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> AppResult<Vec<(i32, String)>> {
    let mut query = school::Entity::find()
        .filter(
            sea_orm::Condition::all()
                .add(
                    sea_orm::Condition::any()
                        .add(school::Column::ContactPhone.is_null())
                        .add(school::Column::ContactPhone.eq("")),
                )
                .add(
                    sea_orm::Condition::any()
                        .add(school::Column::ContactEmail.is_null())
                        .add(school::Column::ContactEmail.eq("")),
                ),
        )
        .order_by_asc(school::Column::Name);
    if user.role != Role::Admin {
        query = query.filter(
            school::Column::Id.in_subquery(
                counselor_school::Entity::find()
                    .select_only()
                    .column(counselor_school::Column::SchoolId)
                    .filter(counselor_school::Column::UserId.eq(user.id))
                    .into_query(),
            ),
        );
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}

/// The contact form, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ContactForm {
    pub phone: String,
    pub email: String,
}

impl ContactForm {
    pub fn of(found: &school::Model) -> Self {
        ContactForm {
            phone: found.contact_phone.clone().unwrap_or_default(),
            email: found.contact_email.clone().unwrap_or_default(),
        }
    }
}

/// The school `user` may set the contact of.
pub async fn school_for(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    school_id: i32,
) -> AppResult<school::Model> {
    ensure_school_access(db, user, school_id).await?;
    db::found::<school::Entity>(db, school_id).await
}

/// Sets (or clears, with empty fields) the contact of `school_id`, audited.
pub async fn set(
    db: &DatabaseConnection,
    user: &CurrentUser,
    school_id: i32,
    form: &ContactForm,
) -> AppResult<school::Model> {
    let mut errors = FieldErrors::new();
    let phone = errors.optional_text(
        "phone",
        "admin-school-contact-phone",
        &form.phone,
        limit::PHONE,
    );
    if !phone.is_empty() && errors.message("phone").is_none() && !reads_as_phone(&phone) {
        errors.add_id("phone", "admin-school-contact-phone-shape");
    }
    let email = if form.email.trim().is_empty() {
        String::new()
    } else {
        errors.email("email", &form.email)
    };
    let found = school_for(db, user, school_id).await?;
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    let saved = school::ActiveModel {
        id: Set(found.id),
        contact_phone: Set(Some(phone).filter(|p| !p.is_empty())),
        contact_email: Set(Some(email).filter(|e| !e.is_empty())),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit::record(
        &txn,
        user.id,
        AuditAction::SetSchoolContact,
        &format!(
            "{}: phone {}, email {}",
            saved.name,
            saved.contact_phone.as_deref().unwrap_or("-"),
            saved.contact_email.as_deref().unwrap_or("-")
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// A number a family can dial: 7 to 15 digits (E.164 allows 15), written
/// with the usual separators and an extension (`ext. 204`, `x204`).
fn reads_as_phone(phone: &str) -> bool {
    let lower = phone.to_lowercase();
    let main = lower.split(['x', 'e', '#']).next().unwrap_or_default();
    let extension = &lower[main.len()..];
    let digits = main.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && main
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && extension
            .chars()
            .all(|c| c.is_ascii_digit() || " ext.#:".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_schools_write_them_are_dialable() {
        assert!(reads_as_phone("(312) 555-0142"));
        assert!(reads_as_phone("+1 312 555 0142 ext. 204"));
        assert!(reads_as_phone("312.555.0142 x204"));
        assert_eq!(dialable("(312) 555-0142 ext. 204"), "3125550142");
        assert_eq!(dialable("+1 312 555 0142"), "+13125550142");
        assert!(!reads_as_phone("call the office"));
        assert!(!reads_as_phone("555-014"));
        assert!(!reads_as_phone("312 555 0142 or 0143"));
        assert!(!reads_as_phone("https://example.org/31255501422"));
    }
}
