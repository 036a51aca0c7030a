//! Leaving, counting and reading in-app notifications.

use chrono::Utc;
use entity::{OrgStatus, Role, counselor_school, notification, organization, student, user};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, Query},
};

use crate::{
    auth::extractors::CurrentUser,
    error::AppResult,
    i18n::{Lang, Message},
};

/// A notification's text in `lang`: from its catalogue id when it has one,
/// else the English text rows written before migration 16 carry.
pub fn text_in(lang: Lang, n: &notification::Model) -> String {
    let Some(id) = &n.message_id else {
        return n.message.clone();
    };
    let args = n
        .message_args
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    Message {
        id: id.clone(),
        args,
    }
    .render(lang)
}

/// Leaves a message for each of `user_ids`: its catalogue id and arguments
/// are stored, and each reader sees it in their own language.
pub async fn notify(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
    message: &Message,
    link: &str,
) -> AppResult<()> {
    leave(db, user_ids, None, message, link).await
}

/// Leaves a message naming student `student_id` for `counselor_ids`: each
/// reads it only while they look after the student's school (see
/// [`readable_by`]).
pub async fn notify_about_student(
    db: &impl ConnectionTrait,
    counselor_ids: &[i32],
    student_id: i32,
    message: &Message,
    link: &str,
) -> AppResult<()> {
    leave(db, counselor_ids, Some(student_id), message, link).await
}

/// Tells the counselors of `student`'s school (all but `except`, the one
/// who acted) a message naming the student (see [`notify_about_student`]).
pub async fn notify_students_counselors(
    db: &impl ConnectionTrait,
    student: &student::Model,
    except: Option<i32>,
    message: &Message,
    link: &str,
) -> AppResult<()> {
    let counselors: Vec<i32> = counselors_of_school(db, student.school_id)
        .await?
        .into_iter()
        .filter(|&id| Some(id) != except)
        .collect();
    notify_about_student(db, &counselors, student.id, message, link).await
}

async fn leave(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
    student_id: Option<i32>,
    message: &Message,
    link: &str,
) -> AppResult<()> {
    if user_ids.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let args = serde_json::to_string(&message.args).map_err(anyhow::Error::from)?;
    // The English text too, for anything reading the table directly.
    let english: String = message.render(Lang::En).chars().take(500).collect();
    let rows = user_ids.iter().map(|&user_id| notification::ActiveModel {
        user_id: Set(user_id),
        message: Set(english.clone()),
        message_id: Set(Some(message.id.clone())),
        message_args: Set(Some(args.clone())),
        link: Set(link.to_owned()),
        student_id: Set(student_id),
        created_at: Set(now),
        read_at: Set(None),
        ..Default::default()
    });
    notification::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    // No SMTP yet: the log stands in for email, without personal details.
    tracing::info!(recipients = user_ids.len(), link, "notification sent");
    Ok(())
}

/// Leaves `message` for the student of placement `placement_id`, linking to
/// its page; nothing for a rostered student who has not claimed an account.
pub async fn notify_student_of_placement(
    db: &impl ConnectionTrait,
    student: &entity::student::Model,
    placement_id: i32,
    message: &Message,
) -> AppResult<()> {
    match student.user_id {
        Some(user_id) => {
            let link = format!("/student/placements/{placement_id}");
            notify(db, &[user_id], message, &link).await
        }
        None => Ok(()),
    }
}

/// Leaves `message` for every employer of a verified organization (none
/// for any other); returns whom it reached, for callers that mail them too.
pub async fn notify_employers(
    db: &impl ConnectionTrait,
    organization_id: i32,
    message: &Message,
    link: &str,
) -> AppResult<Vec<i32>> {
    let employers = employers_of(db, organization_id).await?;
    notify(db, &employers, message, link).await?;
    Ok(employers)
}

/// Every employer user of an organization, while it is verified: the news
/// these carry is about students, which a suspended organization may not see.
pub async fn employers_of(db: &impl ConnectionTrait, organization_id: i32) -> AppResult<Vec<i32>> {
    let verified = Query::select()
        .column(organization::Column::Id)
        .from(organization::Entity)
        .and_where(organization::Column::Id.eq(organization_id))
        .and_where(organization::Column::Status.eq(OrgStatus::Verified))
        .to_owned();
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::OrganizationId.in_subquery(verified))
        .filter(user::Column::Role.eq(Role::Employer))
        .into_tuple()
        .all(db)
        .await?)
}

/// Every counselor of a school who can sign in: the people a change to one
/// of its students' placements is told to.
pub async fn counselors_of_school(
    db: &impl ConnectionTrait,
    school_id: i32,
) -> AppResult<Vec<i32>> {
    let assigned = Query::select()
        .column(entity::counselor_school::Column::UserId)
        .from(entity::counselor_school::Entity)
        .and_where(entity::counselor_school::Column::SchoolId.eq(school_id))
        .to_owned();
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.in_subquery(assigned))
        .filter(user::Column::Role.eq(Role::Counselor))
        .filter(user::Column::DisabledAt.is_null())
        .into_tuple()
        .all(db)
        .await?)
}

/// Unread messages the user may read: for an employer whose organization
/// is not verified, only the news about the organization itself (the rest
/// names students and stays hidden, see [`only_organization_news`]), so the
/// menu's count matches what the list shows.
pub async fn unread_count(db: &impl ConnectionTrait, user: &CurrentUser) -> AppResult<u64> {
    let mut unread = notification::Entity::find()
        .filter(readable_by(user))
        .filter(notification::Column::ReadAt.is_null());
    if only_organization_news(user) {
        unread = unread.filter(notification::Column::MessageId.starts_with(ORGANIZATION_NEWS));
    }
    Ok(unread.count(db).await?)
}

/// The messages `user` may read now. A counselor reads a notice naming a
/// student only while the student is at one of the counselor's schools:
/// access to a student ends in many ways (an admin takes the counselor off
/// the school, a roster moves the student), so it is checked when reading,
/// the way the student's record is, rather than by deleting notices at
/// each of those places. The notices stay and come back if access does.
fn readable_by(user: &CurrentUser) -> Condition {
    let own = Condition::all().add(notification::Column::UserId.eq(user.id));
    if user.role != Role::Counselor {
        return own;
    }
    let schools = Query::select()
        .column(counselor_school::Column::SchoolId)
        .from(counselor_school::Entity)
        .and_where(counselor_school::Column::UserId.eq(user.id))
        .to_owned();
    let students = Query::select()
        .column(student::Column::Id)
        .from(student::Entity)
        .and_where(student::Column::SchoolId.in_subquery(schools))
        .to_owned();
    own.add(
        Condition::any()
            .add(notification::Column::StudentId.is_null())
            .add(notification::Column::StudentId.in_subquery(students)),
    )
}

/// Whether `user` reads only the news about their organization: an
/// employer of a suspended, rejected or pending organization. Older news
/// names students and stays hidden until it is verified again.
pub fn only_organization_news(user: &CurrentUser) -> bool {
    user.role == Role::Employer && !user.is_verified_employer()
}

/// The start of the message ids of verification decisions sent to an
/// organization's employers.
const ORGANIZATION_NEWS: &str = "alerts-org-employer-";

/// The user's messages, newest first, one page of them; see
/// [`readable_by`] for those left out.
pub async fn latest(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    paging: &crate::paging::Paging,
) -> AppResult<Vec<notification::Model>> {
    Ok(notification::Entity::find()
        .filter(readable_by(user))
        .order_by_desc(notification::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?)
}

/// Verification decisions about the user's own organization: the only news
/// an employer of an unverified organization may read (they name no student).
pub async fn latest_about_organization(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> AppResult<Vec<notification::Model>> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::MessageId.starts_with(ORGANIZATION_NEWS))
        .order_by_desc(notification::Column::Id)
        .limit(20)
        .all(db)
        .await?)
}

/// Marks read what the user can read now: a notice hidden from them stays
/// as it was, should access come back.
pub async fn mark_read(db: &impl ConnectionTrait, user: &CurrentUser) -> AppResult<()> {
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(readable_by(user))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
