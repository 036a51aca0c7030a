//! The admins' view of the students whose email consent a family's report
//! holds (see `address_report`): the list of every current hold, oldest
//! first (`/admin/consent-holds`), and the reminder that mails every admin,
//! once a day at most, the holds nobody has lifted for
//! `REMIND_AFTER_DAYS`. Only an admin lifts a hold (on the student's
//! record), so a hold nobody looks at would keep a family's consent waiting
//! for good.

use std::{collections::HashMap, time::Duration};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{address_report, guardian, school, server_state, student};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func, OnConflict, Order, Query},
};
use serde::Serialize;
use tokio::task::JoinHandle;

use crate::{
    db,
    error::AppResult,
    format::day_of,
    paging::{self, Paging},
};

/// Where the list is.
pub const PATH: &str = "/admin/consent-holds";
/// Days a hold waits before the admins are reminded of it.
pub const REMIND_AFTER_DAYS: i64 = 3;
/// Most holds one reminder lists (the oldest; the mail links to the rest).
const REMINDER_LISTS: u64 = 20;
/// How often the reminder job looks (it mails at most once a day).
pub const EVERY: Duration = Duration::from_secs(30 * 60);
/// The `server_state` row naming the last day a reminder went out.
const REMINDED_ON: &str = "consent-hold-reminder";

/// A held student, as the list and the reminder show them.
#[derive(Debug, Clone, Serialize)]
pub struct Hold {
    pub student_id: i32,
    pub student: String,
    pub school: String,
    /// The first report still holding the student (the site's date).
    pub since: NaiveDate,
    /// The notices the holding reports came from, oldest first.
    pub notices: Vec<Notice>,
}

/// One notice whose report holds the student: which guardian contact it
/// was about and the address it went to (the one the school stopped
/// using), as recorded when it was sent.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// The contact's name as it stands now (`None`: the contact is gone).
    pub guardian: Option<String>,
    pub former_email: String,
    pub sent: NaiveDate,
    pub reported: NaiveDate,
}

/// Students held now, each once, by their oldest report (then by id);
/// `reported_before` keeps those held since before a moment, `within`
/// those a condition on `student` keeps.
fn held_students_oldest_first(
    reported_before: Option<DateTime<Utc>>,
    within: Option<Condition>,
) -> sea_orm::Select<address_report::Entity> {
    let mut held = address_report::Entity::find()
        .select_only()
        .column(address_report::Column::StudentId)
        .filter(address_report::Column::ReportedAt.is_not_null())
        .filter(address_report::Column::ClearedAt.is_null());
    if let Some(before) = reported_before {
        held = held.filter(address_report::Column::ReportedAt.lt(before));
    }
    if let Some(within) = within {
        held = held.filter(
            address_report::Column::StudentId.in_subquery(
                Query::select()
                    .column(student::Column::Id)
                    .from(student::Entity)
                    .cond_where(within)
                    .to_owned(),
            ),
        );
    }
    held.group_by(address_report::Column::StudentId)
        .order_by(
            Expr::expr(Func::min(Expr::col(address_report::Column::ReportedAt))),
            Order::Asc,
        )
        .order_by_asc(address_report::Column::StudentId)
}

/// One page of the list of holds, oldest first; the search (`q`) finds a
/// student by name or id.
pub async fn page(db: &impl ConnectionTrait, paging: &Paging) -> AppResult<Vec<Hold>> {
    let within = paging.q.is_some().then(|| {
        paging::name_or_id(
            paging,
            &[
                Expr::col((student::Entity, student::Column::FirstName)),
                Expr::col((student::Entity, student::Column::LastName)),
            ],
            Expr::col((student::Entity, student::Column::Id)),
        )
    });
    let ids = held_students_oldest_first(None, within)
        .offset(paging.offset())
        .limit(paging.limit())
        .into_tuple::<i32>()
        .all(db)
        .await?;
    holds_of(db, &ids).await
}

/// The holds of `students` (a page of them at most), in their order.
async fn holds_of(db: &impl ConnectionTrait, students: &[i32]) -> AppResult<Vec<Hold>> {
    if students.is_empty() {
        return Ok(Vec::new());
    }
    let reports = address_report::Entity::find()
        .filter(address_report::Column::StudentId.is_in(students.iter().copied()))
        .filter(address_report::Column::ReportedAt.is_not_null())
        .filter(address_report::Column::ClearedAt.is_null())
        .order_by_asc(address_report::Column::ReportedAt)
        .order_by_asc(address_report::Column::Id)
        .all(db)
        .await?;
    let people: HashMap<i32, student::Model> = student::Entity::find()
        .filter(student::Column::Id.is_in(students.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let schools: HashMap<i32, String> = school::Entity::find()
        .filter(school::Column::Id.is_in(people.values().map(|s| s.school_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let guardians: HashMap<i32, String> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(reports.iter().map(|r| r.guardian_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, crate::families::service::full_name(&g)))
        .collect();
    let mut holds = Vec::new();
    for &id in students {
        let Some(person) = people.get(&id) else {
            continue;
        };
        let notices: Vec<Notice> = reports
            .iter()
            .filter(|r| r.student_id == id)
            .filter_map(|r| {
                Some(Notice {
                    guardian: guardians.get(&r.guardian_id).cloned(),
                    former_email: r.former_email.clone(),
                    sent: day_of(r.created_at),
                    reported: day_of(r.reported_at?),
                })
            })
            .collect();
        let Some(since) = notices.iter().map(|n| n.reported).min() else {
            continue;
        };
        holds.push(Hold {
            student_id: id,
            student: format!("{} {}", person.first_name, person.last_name),
            school: schools.get(&person.school_id).cloned().unwrap_or_default(),
            since,
            notices,
        });
    }
    Ok(holds)
}

/// Mails every enabled admin, in their language, the holds older than
/// `REMIND_AFTER_DAYS` at `now` (the oldest `REMINDER_LISTS`, and a link to
/// the list when there are more), once a day at most (the site's day):
/// the day is claimed in `server_state` by a conditional upsert in the same
/// transaction as the mail, so two servers, or two runs, mail once.
/// Nothing is claimed on a day with no such hold, so one that turns old
/// later that day is still reminded of. Returns whether it mailed.
pub async fn remind(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<bool> {
    let old_enough = now - chrono::Duration::days(REMIND_AFTER_DAYS);
    let ids = held_students_oldest_first(Some(old_enough), None)
        .limit(REMINDER_LISTS + 1)
        .into_tuple::<i32>()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(false);
    }
    let txn = db::begin_write(db).await?;
    let today = day_of(now).to_string();
    let claim = server_state::ActiveModel {
        name: Set(REMINDED_ON.to_owned()),
        value: Set(today.clone()),
        updated_at: Set(now),
    };
    let claimed = server_state::Entity::insert(claim)
        .on_conflict(
            OnConflict::column(server_state::Column::Name)
                .update_columns([server_state::Column::Value, server_state::Column::UpdatedAt])
                .action_cond_where(
                    Expr::col((server_state::Entity, server_state::Column::Value)).lt(today),
                )
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    if claimed == 0 {
        // Mailed today already.
        return Ok(false);
    }
    let more = ids.len() as u64 > REMINDER_LISTS;
    let listed = &ids[..ids.len().min(REMINDER_LISTS as usize)];
    let holds = holds_of(&txn, listed).await?;
    let admins = crate::accounts::service::enabled_admins(&txn).await?;
    // Schools and dates only: a name of a minor adds nothing an admin needs
    // before signing in, where the list and the records show it.
    let lines: Vec<minijinja::Value> = holds
        .iter()
        .map(|h| {
            minijinja::context! {
                school => h.school.clone(),
                since => h.since.to_string(),
                record => format!("/counselor/students/{}", h.student_id),
            }
        })
        .collect();
    for admin in admins {
        crate::mail::enqueue(
            &txn,
            crate::mail::Outgoing {
                to: &admin.email,
                lang: crate::mail::preferences::lang_of_user(&admin),
                template: "hold_reminder",
                subject_key: "mail-hold-reminder-subject",
                subject_args: vec![("days", REMIND_AFTER_DAYS.into())],
                ctx: minijinja::context! {
                    name => admin.display_name.clone(),
                    days => REMIND_AFTER_DAYS,
                    holds => lines.clone(),
                    more,
                    list => PATH,
                    footer => "mail-footer-staff",
                },
                attachment: None,
                unsubscribe: None,
                for_organization: None,
                about_organization: None,
                for_account: Some(admin.id),
                notice_kind: None,
                placement: None,
                for_guardian: None,
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// Runs [`remind`] every `EVERY`, on the one server holding the job's lease.
pub fn spawn_worker(db: DatabaseConnection) -> JoinHandle<()> {
    tokio::spawn(async move {
        let lease = crate::jobs::Lease::new("consent-hold-reminder", EVERY);
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            match remind(&db, Utc::now()).await {
                Ok(true) => tracing::info!("reminded the admins of consent holds"),
                Ok(false) => {}
                Err(error) => {
                    tracing::warn!(%error, "could not remind the admins of consent holds")
                }
            }
        }
    })
}
