//! Guardian contacts and the birth dates only the school may set.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, Utc};
use entity::{Role, counselor_school, guardian, student, student_guardian, user};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
    sea_query::{BinOper, Expr, ExprTrait, Func, Query, SelectStatement},
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::extractors::CurrentUser,
    counseling::audit,
    db,
    error::{AppError, AppResult},
    forms::{FieldErrors, limit},
    i18n::{Lang, Message},
    placements::consent::{AfterBirthDate, LinksRefreshed, refresh_links},
    roster::service::ensure_school_access,
};

/// The guardians of a student, active first, then by name.
pub async fn of_student(
    db: &impl ConnectionTrait,
    student_id: i32,
) -> AppResult<Vec<guardian::Model>> {
    let ids: Vec<i32> = student_guardian::Entity::find()
        .filter(student_guardian::Column::StudentId.eq(student_id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.guardian_id)
        .collect();
    let mut guardians = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(ids))
        .order_by_asc(guardian::Column::FamilyName)
        .order_by_asc(guardian::Column::GivenName)
        .all(db)
        .await?;
    guardians.sort_by_key(|g| !g.active);
    Ok(guardians)
}

/// The active guardians of a student who can be reached by email, at an
/// address that is not a student's sign-in address.
pub async fn reachable(
    db: &impl ConnectionTrait,
    student_id: i32,
) -> AppResult<Vec<guardian::Model>> {
    // A family's report holds email consent for the student (see
    // `address_report`): nobody is reachable until an admin clears it.
    let linked = Query::select()
        .column(student_guardian::Column::GuardianId)
        .from(student_guardian::Entity)
        .and_where(student_guardian::Column::StudentId.eq(student_id))
        .and_where(
            student_guardian::Column::StudentId
                .not_in_subquery(super::address_report::held_students()),
        )
        .to_owned();
    Ok(guardian::Entity::find()
        .filter(guardian::Column::Id.in_subquery(linked))
        .filter(reachable_by_email())
        .order_by_asc(guardian::Column::FamilyName)
        .order_by_asc(guardian::Column::GivenName)
        .all(db)
        .await?)
}

/// [`reachable`] for many students at once: `(student, guardian)` pairs.
pub async fn reachable_of(
    db: &impl ConnectionTrait,
    students: &[i32],
) -> AppResult<Vec<(i32, guardian::Model)>> {
    let links = student_guardian::Entity::find()
        .filter(student_guardian::Column::StudentId.is_in(students.iter().copied()))
        .filter(
            student_guardian::Column::StudentId
                .not_in_subquery(super::address_report::held_students()),
        )
        .all(db)
        .await?;
    let guardians: std::collections::HashMap<i32, guardian::Model> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(links.iter().map(|l| l.guardian_id)))
        .filter(reachable_by_email())
        .order_by_asc(guardian::Column::FamilyName)
        .order_by_asc(guardian::Column::GivenName)
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    Ok(links
        .into_iter()
        .filter_map(|l| Some((l.student_id, guardians.get(&l.guardian_id)?.clone())))
        .collect())
}

/// A guardian a consent email can reach: an active contact with an
/// address that is not a student's inbox. Families share one inbox and
/// exports copy the student's address into the parent's row; a consent link
/// sent there reaches the student, who could consent for themselves.
///
/// A student's inbox, for a guardian: a confirmed student sign-in address
/// (someone showed they read it), or the sign-in address of any student of
/// the guardian's own family, confirmed or not. Another family's student's
/// unconfirmed address proves nothing (a typo, or a grab of a parent's
/// address at claim) and must not take that parent out of the consent path.
///
/// Nor an address whose mail server refused our mail for good while it is
/// still the contact's address (`bounces::record`): asking it again at every
/// roster import reached nobody (eyes17b F2); a new address ends that.
pub fn reachable_by_email() -> Condition {
    Condition::all()
        .add(guardian::Column::Active.eq(true))
        .add(guardian::Column::Email.is_not_null())
        .add(guardian::Column::Email.ne(""))
        .add(
            Condition::any()
                .add(guardian::Column::EmailBounced.is_null())
                .add(
                    Expr::col((guardian::Entity, guardian::Column::EmailBounced))
                        .ne(Expr::col((guardian::Entity, guardian::Column::Email))),
                ),
        )
        .add(guardian::Column::Email.not_in_subquery(confirmed_student_addresses()))
        .add(Expr::exists(own_family_at_guardian_address()).not())
        .add(guardian::Column::Email.not_in_subquery(staff_and_employer_addresses()))
        .add(Expr::exists(staff_inbox_with_a_tag()).not())
        .add(Expr::exists(staff_gmail_inbox()).not())
}

/// A staff or employer account whose Gmail inbox the outer query's
/// `guardian` address reaches by Gmail's own rules: dots in the local part
/// do not count and googlemail.com is gmail.com, so `janedoe@gmail.com`
/// and `Jane.Doe@googlemail.com` are `jane.doe@gmail.com`'s inbox; a
/// `+tag` on either side is set aside as well.
fn staff_gmail_inbox() -> SelectStatement {
    let staff = || Expr::col((user::Entity, user::Column::Email));
    let guardian = || Expr::col((guardian::Entity, guardian::Column::Email));
    let tagged = |local: Expr| local.binary(BinOper::Custom("||"), Expr::val("+%"));
    Query::select()
        .expr(Expr::cust("1"))
        .from(user::Entity)
        .cond_where(staff_or_employer_account())
        .cond_where(at_gmail(staff()))
        .cond_where(at_gmail(guardian()))
        .cond_where(
            Condition::any()
                .add(gmail_local(guardian()).eq(gmail_local(staff())))
                .add(gmail_local(guardian()).binary(BinOper::Like, tagged(gmail_local(staff()))))
                .add(gmail_local(staff()).binary(BinOper::Like, tagged(gmail_local(guardian())))),
        )
        .to_owned()
}

/// Gmail's two domains (the same inbox, see [`inbox`]).
const GMAIL: &str = "@gmail.com";
const GOOGLEMAIL: &str = "@googlemail.com";

/// `address` (any case) is at gmail.com or googlemail.com: the same test
/// on SQLite and PostgreSQL.
fn at_gmail(address: Expr) -> Condition {
    let lower = || Expr::expr(Func::lower(address.clone()));
    Condition::any()
        .add(lower().like(format!("%{GMAIL}")))
        .add(lower().like(format!("%{GOOGLEMAIL}")))
}

/// The local part of a Gmail `address` (one [`at_gmail`] holds for),
/// lower-cased and without its dots (a `+tag` stays): Gmail delivers
/// `Jane.Doe@googlemail.com` to `janedoe@gmail.com`. Written with
/// functions both databases have (LOWER, LENGTH, SUBSTR, REPLACE, CASE).
fn gmail_local(address: Expr) -> Expr {
    let lower = || Expr::expr(Func::lower(address.clone()));
    let domain_length = Expr::case(lower().like(format!("%{GMAIL}")), GMAIL.len() as i32)
        .finally(GOOGLEMAIL.len() as i32);
    let domain_length: Expr = domain_length.into();
    let local_length = Expr::expr(Func::cust("LENGTH").arg(lower())).sub(domain_length);
    Func::cust("REPLACE")
        .args([
            Expr::expr(Func::cust("SUBSTR").args([lower(), Expr::val(1), local_length])),
            Expr::val("."),
            Expr::val(""),
        ])
        .into()
}

/// `text` as a `LIKE` pattern that matches only itself (with `\\` as the
/// escape character).
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The inbox an address is delivered to, as the rule "no consent link to a
/// staff or employer inbox" compares addresses: lower-cased, without its
/// `+tag`, and by Gmail's rules at Gmail (dots in the local part do not
/// count, googlemail.com is gmail.com). What is stored and shown is never
/// changed: only comparisons go through this (and, in SQL, through
/// [`staff_inbox_with_a_tag`] and [`staff_gmail_inbox`]).
pub fn inbox(email: &str) -> String {
    let email = untagged(email);
    match email.split_once('@') {
        Some((local, domain)) if [&GMAIL[1..], &GOOGLEMAIL[1..]].contains(&domain) => {
            format!("{}{GMAIL}", local.replace('.', ""))
        }
        _ => email,
    }
}

/// A staff or employer account whose inbox the outer query's `guardian`
/// address reaches through a sub-address: `carla+rosa@school.org` is
/// delivered to `carla@school.org` by most mail systems.
fn staff_inbox_with_a_tag() -> SelectStatement {
    Query::select()
        .expr(Expr::cust("1"))
        .from(user::Entity)
        .cond_where(staff_or_employer_account())
        .and_where(
            Expr::col((guardian::Entity, guardian::Column::Email)).binary(
                sea_orm::sea_query::BinOper::Like,
                sea_orm::sea_query::Func::cust("REPLACE").args([
                    Expr::col((user::Entity, user::Column::Email)),
                    Expr::val("@"),
                    Expr::val("+%@"),
                ]),
            ),
        )
        .to_owned()
}

/// Every sign-in address of a counselor or admin, or of an employer who
/// showed they read it. A consent link sent there reaches someone the
/// school or an organization employs, who could give consent as the
/// guardian: a counselor records a paper form instead (attributed and
/// audited), and a guardian who also works here gives the school another
/// address. An employer's unconfirmed address proves nothing (a stranger
/// registering with a parent's address) and must not take that parent out
/// of the consent path.
fn staff_and_employer_addresses() -> SelectStatement {
    Query::select()
        .column(user::Column::Email)
        .from(user::Entity)
        .cond_where(staff_or_employer_account())
        .to_owned()
}

fn staff_or_employer_account() -> Condition {
    Condition::any()
        .add(user::Column::Role.is_in([Role::Counselor, Role::Admin]))
        .add(
            Condition::all()
                .add(user::Column::Role.eq(Role::Employer))
                .add(user::Column::EmailConfirmedAt.is_not_null()),
        )
}

/// Whether `email` (any case, with or without a `+tag` sub-address, any
/// Gmail spelling of it: see [`inbox`]) reaches the inbox of a staff or
/// employer account (see [`staff_and_employer_addresses`]).
pub async fn is_staff_address(db: &impl ConnectionTrait, email: &str) -> AppResult<bool> {
    Ok(!staff_accounts_at(db, email).await?.is_empty())
}

/// The staff and employer accounts whose inbox `email` reaches (see
/// [`is_staff_address`]).
async fn staff_accounts_at(db: &impl ConnectionTrait, email: &str) -> AppResult<Vec<i32>> {
    let email = email.trim().to_lowercase();
    let untagged = untagged(&email);
    // A staff account that signs in with a sub-address of the same inbox.
    let tagged_staff = untagged.split_once('@').map(|(inbox, domain)| {
        sea_orm::sea_query::LikeExpr::new(format!(
            "{}+%@{}",
            like_literal(inbox),
            like_literal(domain)
        ))
        .escape('\\')
    });
    let gmail = inbox(&email).strip_suffix(GMAIL).map(str::to_owned);
    let mut same_inbox = Condition::any().add(user::Column::Email.is_in([email, untagged]));
    if let Some(pattern) = tagged_staff {
        same_inbox = same_inbox.add(user::Column::Email.like(pattern));
    }
    // At Gmail, the same inbox by Gmail's rules (see [`inbox`]), tagged or not.
    if let Some(local) = gmail {
        let staff = || Expr::col((user::Entity, user::Column::Email));
        let tagged =
            sea_orm::sea_query::LikeExpr::new(format!("{}+%", like_literal(&local))).escape('\\');
        same_inbox = same_inbox.add(
            Condition::all().add(at_gmail(staff())).add(
                Condition::any()
                    .add(gmail_local(staff()).eq(local))
                    .add(gmail_local(staff()).like(tagged)),
            ),
        );
    }
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(staff_or_employer_account())
        .filter(same_inbox)
        .into_tuple()
        .all(db)
        .await?)
}

/// An address without its `+tag` sub-address (lower-cased).
fn untagged(email: &str) -> String {
    let email = email.trim().to_lowercase();
    match email.split_once('@') {
        Some((local, domain)) => match local.split_once('+') {
            Some((inbox, _)) => format!("{inbox}@{domain}"),
            None => email,
        },
        None => email,
    }
}

/// Every staff and employer inbox, for checking many addresses at once
/// (a roster): see [`StaffInboxes::reach`].
pub struct StaffInboxes(HashSet<String>);

impl StaffInboxes {
    pub async fn load(db: &impl ConnectionTrait) -> AppResult<Self> {
        Ok(Self(
            user::Entity::find()
                .select_only()
                .column(user::Column::Email)
                .filter(staff_or_employer_account())
                .into_tuple::<String>()
                .all(db)
                .await?
                .into_iter()
                .map(|email| inbox(&email))
                .collect(),
        ))
    }

    /// Whether `email` reaches one of them (see [`is_staff_address`]): the
    /// same [`inbox`] once `+tag` sub-addresses are set aside on both
    /// sides and Gmail's rules applied.
    pub fn reach(&self, email: &str) -> bool {
        self.0.contains(&inbox(email))
    }
}

/// Every confirmed student sign-in address (emails are stored lower-cased
/// on both sides, so equality is enough).
fn confirmed_student_addresses() -> SelectStatement {
    Query::select()
        .column(user::Column::Email)
        .from(user::Entity)
        .and_where(user::Column::Role.eq(Role::Student))
        .and_where(user::Column::EmailConfirmedAt.is_not_null())
        .to_owned()
}

/// The students linked to the outer query's `guardian` row who sign in
/// with that guardian's address.
fn own_family_at_guardian_address() -> SelectStatement {
    Query::select()
        .column((
            student_guardian::Entity,
            student_guardian::Column::StudentId,
        ))
        .from(student_guardian::Entity)
        .inner_join(
            student::Entity,
            Expr::col((student::Entity, student::Column::Id)).equals((
                student_guardian::Entity,
                student_guardian::Column::StudentId,
            )),
        )
        .inner_join(
            user::Entity,
            Expr::col((user::Entity, user::Column::Id))
                .equals((student::Entity, student::Column::UserId)),
        )
        .and_where(
            Expr::col((
                student_guardian::Entity,
                student_guardian::Column::GuardianId,
            ))
            .equals((guardian::Entity, guardian::Column::Id)),
        )
        .and_where(
            Expr::col((user::Entity, user::Column::Email))
                .equals((guardian::Entity, guardian::Column::Email)),
        )
        .to_owned()
}

/// Whether `email` is a student's inbox for a guardian of `student_id`
/// (and, when it is an existing contact, of `guardian_id`'s other
/// students): the rule of [`reachable_by_email`] for one address, with
/// addresses compared as the mail system delivers them ([`inbox`]): the
/// student's `+tag` or Gmail spelling of their own address is still theirs
/// (eyes12b F2).
pub async fn is_student_inbox(
    db: &impl ConnectionTrait,
    email: &str,
    student_id: i32,
    guardian_id: Option<i32>,
) -> AppResult<bool> {
    Ok(!student_accounts_at(db, email, student_id, guardian_id)
        .await?
        .is_empty())
}

/// The student accounts whose inbox `email` is, by the rule of
/// [`is_student_inbox`].
async fn student_accounts_at(
    db: &impl ConnectionTrait,
    email: &str,
    student_id: i32,
    guardian_id: Option<i32>,
) -> AppResult<Vec<i32>> {
    let family = Query::select()
        .column(student_guardian::Column::StudentId)
        .from(student_guardian::Entity)
        .and_where(student_guardian::Column::GuardianId.eq(guardian_id.unwrap_or(-1)))
        .to_owned();
    let family_accounts = Query::select()
        .column(student::Column::UserId)
        .from(student::Entity)
        .cond_where(
            Condition::any()
                .add(student::Column::Id.eq(student_id))
                .add(student::Column::Id.in_subquery(family)),
        )
        .and_where(student::Column::UserId.is_not_null())
        .to_owned();
    let wanted = inbox(email);
    let Some((_, domain)) = wanted.split_once('@') else {
        return Ok(Vec::new());
    };
    // The students of the same mail domain (both of Gmail's), then each
    // address folded as `inbox` does.
    let at_domain = format!("@{domain}");
    let domains = if at_domain == GMAIL {
        vec![GMAIL, GOOGLEMAIL]
    } else {
        vec![at_domain.as_str()]
    };
    let same_domain = domains.iter().fold(Condition::any(), |any, domain| {
        any.add(user::Column::Email.like(
            sea_orm::sea_query::LikeExpr::new(format!("%{}", like_literal(domain))).escape('\\'),
        ))
    });
    let addresses: Vec<(i32, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Email)
        .filter(user::Column::Role.eq(Role::Student))
        .filter(same_domain)
        .filter(
            Condition::any()
                .add(user::Column::EmailConfirmedAt.is_not_null())
                .add(user::Column::Id.in_subquery(family_accounts)),
        )
        .into_tuple()
        .all(db)
        .await?;
    Ok(addresses
        .into_iter()
        .filter(|(_, address)| inbox(address) == wanted)
        .map(|(id, _)| id)
        .collect())
}

/// Refuses a guardian address that is a student's inbox (see
/// [`is_student_inbox`]) for student `student_id`'s guardian `guardian_id`,
/// or a staff or employer sign-in address: a consent link sent to either
/// would not reach a guardian.
///
/// The check is district-wide, so that no student's inbox anywhere becomes
/// a guardian's; what the refusal says is not (eyes14a F5). It names the
/// kind of account only when the counselor could know it anyway: a student
/// of their own schools or of this student's own family (siblings at
/// another school included), the counselor's own sign-in or a colleague's
/// at one of their schools; an admin is told always. Any other account, a
/// student at another school, an employer, an admin, a counselor
/// elsewhere, gets one message that does not say which kind it is.
async fn refuse_unfit_address(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    email: Option<&str>,
    student_id: i32,
    guardian_id: Option<i32>,
) -> AppResult<()> {
    let Some(email) = email else { return Ok(()) };
    let students = student_accounts_at(db, email, student_id, guardian_id).await?;
    let staff = staff_accounts_at(db, email).await?;
    let refusal = if students.is_empty() && staff.is_empty() {
        return Ok(());
    } else if !students.is_empty()
        && students_known_to(db, counselor, &students, student_id).await?
    {
        "families-err-guardian-is-student"
    } else if !staff.is_empty() && staff_known_to(db, counselor, &staff).await? {
        "families-err-guardian-is-staff"
    } else {
        "families-err-guardian-unfit"
    };
    let mut errors = FieldErrors::new();
    errors.add_id("email", refusal);
    Err(AppError::Validation(errors))
}

/// Whether one of the student `accounts` is of a student `counselor` may
/// be told about: at one of their schools, or of student `student_id`'s own
/// family (the student, or a student sharing a guardian with them).
async fn students_known_to(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    accounts: &[i32],
    student_id: i32,
) -> AppResult<bool> {
    if counselor.role == Role::Admin {
        return Ok(true);
    }
    let guardians = Query::select()
        .column(student_guardian::Column::GuardianId)
        .from(student_guardian::Entity)
        .and_where(student_guardian::Column::StudentId.eq(student_id))
        .to_owned();
    let family = Query::select()
        .column(student_guardian::Column::StudentId)
        .from(student_guardian::Entity)
        .and_where(student_guardian::Column::GuardianId.in_subquery(guardians))
        .to_owned();
    let known = student::Entity::find()
        .filter(student::Column::UserId.is_in(accounts.iter().copied()))
        .filter(
            Condition::any()
                .add(student::Column::Id.eq(student_id))
                .add(student::Column::Id.in_subquery(family))
                .add(student::Column::SchoolId.in_subquery(schools_of_counselor(counselor.id))),
        )
        .count(db)
        .await?;
    Ok(known > 0)
}

/// Whether one of the staff or employer `accounts` is `counselor`'s own or
/// a colleague's at one of their schools.
async fn staff_known_to(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    accounts: &[i32],
) -> AppResult<bool> {
    if counselor.role == Role::Admin || accounts.contains(&counselor.id) {
        return Ok(true);
    }
    let colleagues = counselor_school::Entity::find()
        .filter(counselor_school::Column::UserId.is_in(accounts.iter().copied()))
        .filter(counselor_school::Column::SchoolId.in_subquery(schools_of_counselor(counselor.id)))
        .count(db)
        .await?;
    Ok(colleagues > 0)
}

/// The schools counselor `user_id` looks after.
fn schools_of_counselor(user_id: i32) -> SelectStatement {
    Query::select()
        .column(counselor_school::Column::SchoolId)
        .from(counselor_school::Entity)
        .and_where(counselor_school::Column::UserId.eq(user_id))
        .to_owned()
}

/// Tells a guardian's address that the school no longer writes to it:
/// whoever reads that inbox (the guardian, when someone else redirected
/// their mail) learns it, and whom to ask. Not optional, like a consent
/// request. Sent when the address changes, whether or not the contact was
/// active (making a contact inactive first, then moving it, must not slip
/// past), and when the counselor's form makes an active contact inactive,
/// waiting consent or not (a contact made inactive and then replaced by
/// another is the same laundering, eyes11c F1). A roster's contacts are
/// told by `roster::contacts`, which leaves out families who leave.
/// `was_at`: see [`SchoolsBefore`].
pub async fn tell_former_address(
    db: &impl ConnectionTrait,
    before: &guardian::Model,
    email: Option<&str>,
    active: bool,
    was_at: &SchoolsBefore,
) -> AppResult<()> {
    let Some(former) = before.email.as_deref().filter(|e| !e.is_empty()) else {
        return Ok(());
    };
    let kind = if !same_address(Some(former), email) {
        "guardian-address-changed"
    } else if before.active && !active {
        "guardian-contact-ended"
    } else {
        return Ok(());
    };
    // A contact this change takes out is nobody to phone about it.
    let told = guardian::Model {
        active: before.active && active,
        ..before.clone()
    };
    notify_address(db, &told, former, kind, None, None, was_at).await
}

/// The school each student was at before a roster's writes moved them
/// (student → school). A notice to an address the school stops writing to,
/// or to a contact a roster ended, speaks for the school the child was at
/// while the guardian was its contact: naming the school a roster just
/// moved the child to, with its number, would tell a parent taken off the
/// record where the child now goes (eyes41 F1a). Empty when nothing moved
/// (a counselor's form).
pub type SchoolsBefore = std::collections::HashMap<i32, i32>;

/// Tells an active guardian's address that the school no longer lists it as
/// a contact of one of its students (a roster that made them inactive or
/// unlinked them while that student stays, or while a placement of theirs
/// waits for consent).
/// `unlinked_from`: the student they were just unlinked from, whom the
/// notice's report link is about too; `was_at`: see [`SchoolsBefore`].
pub async fn tell_contact_ended(
    db: &impl ConnectionTrait,
    before: &guardian::Model,
    unlinked_from: Option<i32>,
    was_at: &SchoolsBefore,
) -> AppResult<()> {
    match before.email.as_deref().filter(|e| !e.is_empty()) {
        Some(former) if before.active => {
            notify_address(
                db,
                before,
                former,
                "guardian-contact-ended",
                unlinked_from,
                None,
                was_at,
            )
            .await
        }
        _ => Ok(()),
    }
}

/// Tells an active guardian of `student` that the school added `added` as
/// another contact of theirs: that contact now gets consent requests and
/// can give consent, so the family hears of it with the report link.
/// The new address is shown masked (`m•••@example.org`).
pub async fn tell_contact_added(
    db: &impl ConnectionTrait,
    existing: &guardian::Model,
    student: &student::Model,
    added: &guardian::Model,
) -> AppResult<()> {
    if !existing.active {
        return Ok(());
    }
    // A contact who stays hears from the child's school as it is now.
    let now = SchoolsBefore::new();
    notify_of_added(db, existing, student, added, "guardian-contact-added", &now).await
}

/// Tells each active contact of `student` but `added` itself of the
/// contact the counselor's form added, or gave a way to be reached.
async fn tell_family_of_added(
    db: &impl ConnectionTrait,
    student: &student::Model,
    added: &guardian::Model,
) -> AppResult<()> {
    for existing in of_student(db, student.id).await? {
        if existing.id != added.id {
            tell_contact_added(db, &existing, student, added).await?;
        }
    }
    Ok(())
}

/// Tells a contact the family had before, inactive now but still linked,
/// that the school linked another contact to `student`: a student taken
/// off the roster and put back with a new contact has nobody active to
/// tell, and must not have their family replaced unseen (eyes11e F1).
/// Inactive, they hear from the school the child was at (`was_at`, see
/// [`SchoolsBefore`]), not one the same roster moved the child to.
pub async fn tell_earlier_contact(
    db: &impl ConnectionTrait,
    earlier: &guardian::Model,
    student: &student::Model,
    added: &guardian::Model,
    was_at: &SchoolsBefore,
) -> AppResult<()> {
    notify_of_added(
        db,
        earlier,
        student,
        added,
        "guardian-contact-replaced",
        was_at,
    )
    .await
}

/// The notice of an added contact (masked address) to `to`, if it has an
/// email.
async fn notify_of_added(
    db: &impl ConnectionTrait,
    to: &guardian::Model,
    student: &student::Model,
    added: &guardian::Model,
    kind: &str,
    was_at: &SchoolsBefore,
) -> AppResult<()> {
    let Some(address) = to.email.as_deref().filter(|e| !e.is_empty()) else {
        return Ok(());
    };
    let about = (
        student.first_name.as_str(),
        // The catalogue's word for "no email address".
        added
            .email
            .as_deref()
            .map_or_else(|| "none".to_owned(), crate::mail::masked),
    );
    notify_address(db, to, address, kind, Some(student.id), Some(about), was_at).await
}

/// The notice of [`tell_former_address`], naming the guardian's school,
/// with the link to report the change (see `address_report`). `added`:
/// the student a contact was added to and that contact's masked address;
/// `was_at`: the schools students were at before a roster moved them
/// ([`SchoolsBefore`]), which the notice speaks for.
async fn notify_address(
    db: &impl ConnectionTrait,
    before: &guardian::Model,
    former: &str,
    kind: &str,
    unlinked_from: Option<i32>,
    added: Option<(&str, String)>,
    was_at: &SchoolsBefore,
) -> AppResult<()> {
    // An address its server refused for good reads nothing: the notice
    // would be refused again (costing our sending reputation), and the
    // counselors told it was emailed (eyes20 F3).
    if same_address(before.email_bounced.as_deref(), Some(former)) {
        return Ok(());
    }
    let (student, address) = added.unzip();
    let mut students: Vec<i32> = student_guardian::Entity::find()
        .filter(student_guardian::Column::GuardianId.eq(before.id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.student_id)
        .chain(unlinked_from)
        .collect();
    students.sort_unstable();
    students.dedup();
    // The school the notice speaks for: the school of the student it is
    // about (a contact added to, or ended for, one child is that child's
    // school's doing, eyes40 F5); for a notice about the address itself,
    // the first of the family's schools. That student comes first among
    // the report link's rows, so the report page names the same school.
    // Each student's school as it was while this guardian was its contact
    // (`was_at`), never one a roster just moved the child to (eyes41 F1a).
    let mut schools: std::collections::HashMap<i32, i32> = student::Entity::find()
        .select_only()
        .column(student::Column::Id)
        .column(student::Column::SchoolId)
        .filter(student::Column::Id.is_in(students.iter().copied()))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for (student, school) in &mut schools {
        if let Some(&was) = was_at.get(student) {
            *school = was;
        }
    }
    students.sort_by_key(|id| {
        (
            Some(*id) != unlinked_from,
            schools.get(id).copied().unwrap_or(i32::MAX),
            *id,
        )
    });
    // In that order, the notice's schools: the first is the one it names;
    // its contact, else the first of the others that set one.
    let mut in_order: Vec<i32> = Vec::new();
    for school in students.iter().filter_map(|id| schools.get(id)) {
        if !in_order.contains(school) {
            in_order.push(*school);
        }
    }
    let found = entity::school::Entity::find()
        .filter(entity::school::Column::Id.is_in(in_order.iter().copied()))
        .all(db)
        .await?;
    let of = |id: &i32| found.iter().find(|s| s.id == *id);
    let school = in_order
        .first()
        .and_then(of)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let contact = in_order
        .iter()
        .filter_map(of)
        .find_map(crate::admin::contact::Contact::of);
    let link = super::address_report::link_for_notice(db, before, former, &students).await?;
    // The counselors are asked to phone only a contact still active on the
    // child's record. One taken out (inactive, unlinked) is the parent the
    // school meant not to reach: the counselors of a school a roster just
    // moved the child to would call them from the child's new school
    // (eyes41b G1). A contact who stays is the child's school's now, and
    // only its counselors can read a prompt about the child (those of the
    // school it left no longer see the record).
    let still_active = guardian::Entity::find_by_id(before.id)
        .one(db)
        .await?
        .is_some_and(|now| now.active);
    if before.active && still_active {
        let linked: HashSet<i32> = student_guardian::Entity::find()
            .filter(student_guardian::Column::GuardianId.eq(before.id))
            .all(db)
            .await?
            .into_iter()
            .map(|link| link.student_id)
            .collect();
        for about in student::Entity::find()
            .filter(student::Column::Id.is_in(students.iter().copied()))
            .all(db)
            .await?
        {
            if linked.contains(&about.id) {
                super::interpreter::prompt(db, before, &about, kind).await?;
            }
        }
    }
    crate::mail::enqueue(
        db,
        crate::mail::Outgoing {
            to: former,
            lang: lang_of(before),
            template: "notice",
            subject_key: &format!("mail-{kind}-subject"),
            subject_args: vec![("organization", school.as_str().into())],
            ctx: minijinja::context! {
                kind,
                name => full_name(before),
                organization => school,
                student,
                address,
                link,
                tagline => tagline(before),
                contact,
                footer => "mail-footer",
            },
            attachment: None,
            unsubscribe: None,
            for_organization: None,
            about_organization: None,
            for_account: None,
            notice_kind: None,
            placement: None,
            for_guardian: None,
        },
    )
    .await?;
    Ok(())
}

/// A guardian's name as their mail greets them and pages list them: given
/// name, then family name; but family name first, with no space, when both
/// are written in Chinese characters, Hangul or kana ("陳美玲", not
/// "美玲 陳"), as those names are read (eyes18b F7). Vietnamese names keep
/// the order the school's roster split them in.
pub fn full_name(guardian: &guardian::Model) -> String {
    let east_asian = |part: &str| {
        !part.is_empty()
            && part.chars().all(|c| {
                matches!(c,
                    '\u{3040}'..='\u{30FF}' // kana
                    | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // Han
                    | '\u{20000}'..='\u{2FA1F}'
                    | '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' // Hangul
                )
            })
    };
    let (given, family) = (guardian.given_name.trim(), guardian.family_name.trim());
    if east_asian(given) && east_asian(family) {
        format!("{family}{given}")
    } else {
        format!("{given} {family}")
    }
}

/// The language a guardian's mail is written in: the one they chose on
/// their settings page, else the one the school records, else English.
pub fn lang_of(guardian: &guardian::Model) -> Lang {
    chosen_lang(guardian)
        .or_else(|| recorded_lang(guardian))
        .unwrap_or_default()
}

/// A line in the family's home language at the top of a mail we can only
/// write in English or Spanish: what it is about and to ask the school for
/// help reading it. `(code, text)`, for the languages the catalogue has a
/// line in; `None` when the mail is in the language the family reads.
pub fn tagline(guardian: &guardian::Model) -> Option<(String, String)> {
    if chosen_lang(guardian).is_some() {
        return None;
    }
    crate::i18n::tagline(&guardian.language).map(|(code, text)| (code.to_owned(), text))
}

/// The language the guardian chose themselves (their settings page), if any.
pub fn chosen_lang(guardian: &guardian::Model) -> Option<Lang> {
    guardian
        .language_chosen
        .as_deref()
        .and_then(crate::languages::interface_lang)
}

/// The language the school records for the guardian (roster or counselor),
/// if the site speaks it. Read through `languages::normalize`, so a record
/// saved before imports normalized languages (`spanish`, `spa`) still reads
/// as Spanish.
pub fn recorded_lang(guardian: &guardian::Model) -> Option<Lang> {
    crate::languages::interface_lang(&guardian.language)
}

/// A guardian contact as a counselor types it.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct GuardianForm {
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    /// `true` or `false` (only when correcting).
    pub active: String,
    /// When correcting: the contact's `updated_at` as the form's page showed
    /// it, so that a stale tab cannot undo a colleague's change.
    pub seen: String,
}

struct GuardianInput {
    given_name: String,
    family_name: String,
    email: Option<String>,
    phone: Option<String>,
    language: String,
    active: bool,
}

/// `recorded`: the contact's language as stored, kept as it is when the
/// form sends it back (a roster may record one we cannot read).
fn parse(form: &GuardianForm, recorded: Option<&str>) -> AppResult<GuardianInput> {
    let mut errors = FieldErrors::new();
    let given_name = errors.text(
        "given_name",
        "families-field-given-name",
        &form.given_name,
        limit::SHORT_NAME,
    );
    let family_name = errors.text(
        "family_name",
        "families-field-family-name",
        &form.family_name,
        limit::SHORT_NAME,
    );
    let email = if form.email.trim().is_empty() {
        None
    } else {
        Some(errors.email("email", &form.email))
    };
    let phone = errors.optional_text("phone", "families-field-phone", &form.phone, limit::PHONE);
    // Any language we know is kept as the school records it (a family
    // that reads Vietnamese is mailed in English, with a line in
    // Vietnamese; see `tagline`); "not known" stays empty.
    let language = if form.language.trim().is_empty() {
        String::new()
    } else if recorded == Some(form.language.as_str()) {
        form.language.clone()
    } else {
        match crate::languages::family(&form.language) {
            Some(code) => code.to_owned(),
            None => {
                errors.add_id("language", "counselor-guardian-language-choose");
                String::new()
            }
        }
    };
    let active = match form.active.trim() {
        "" | "true" => true,
        "false" => false,
        _ => {
            errors.add_id("active", "counselor-guardian-active-choose");
            true
        }
    };
    errors.into_result(GuardianInput {
        given_name,
        family_name,
        email,
        phone: (!phone.is_empty()).then_some(phone),
        language,
        active,
    })
}

/// The student, if the counselor may act on their record.
async fn student_for(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    student_id: i32,
) -> AppResult<student::Model> {
    let student = crate::db::found::<student::Entity>(db, student_id).await?;
    ensure_school_access(db, counselor, student.school_id).await?;
    Ok(student)
}

/// A counselor adds a guardian contact to a student's record (audited).
pub async fn add(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    student_id: i32,
    form: &GuardianForm,
) -> AppResult<(guardian::Model, LinksRefreshed)> {
    let txn = db::begin_write(db).await?;
    let student = student_for(&txn, counselor, student_id).await?;
    // Two adds for one student at once (a double click) run one after the
    // other, so the second sees the first (PostgreSQL; SQLite writes are
    // exclusive anyway).
    student::Entity::find_by_id(student_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let input = parse(form, None)?;
    if let Some(existing) = already_a_contact(&txn, student_id, &input).await? {
        return Ok((existing, LinksRefreshed::default()));
    }
    refuse_unfit_address(&txn, counselor, input.email.as_deref(), student_id, None).await?;
    let now = Utc::now();
    let saved = guardian::ActiveModel {
        sourced_id: Set(None),
        given_name: Set(input.given_name),
        family_name: Set(input.family_name),
        email: Set(input.email),
        phone: Set(input.phone),
        language: Set(input.language),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    student_guardian::ActiveModel {
        student_id: Set(student_id),
        guardian_id: Set(saved.id),
    }
    .insert(&txn)
    .await?;
    // The family's other contacts hear of it, with the report link: a
    // contact added at the counselor's own inbox would otherwise take over
    // email consent unseen (eyes11c F1).
    tell_family_of_added(&txn, &student, &saved).await?;
    // A placement waiting for consent asks the new contact too.
    let links = refresh_links(&txn, &[student_id], now).await?;
    audit::record(
        &txn,
        counselor.id,
        audit::AuditAction::AddGuardian,
        &format!(
            "student {student_id}, guardian {}: email {}",
            saved.id,
            saved.email.as_deref().unwrap_or("-")
        ),
    )
    .await?;
    txn.commit().await?;
    Ok((saved, links))
}

/// The active contact of the student that `input` already is: a double
/// click, or Back and Save again, is answered as the first save was, with
/// no copy that would get every consent request and notice twice and use
/// up the family's reminders (eyes14b F6). Another name, phone or language
/// at an address the record already has is refused, pointing to that
/// contact: one inbox, one contact.
async fn already_a_contact(
    db: &impl ConnectionTrait,
    student_id: i32,
    input: &GuardianInput,
) -> AppResult<Option<guardian::Model>> {
    let same_name = |g: &guardian::Model| {
        g.given_name.trim().to_lowercase() == input.given_name.trim().to_lowercase()
            && g.family_name.trim().to_lowercase() == input.family_name.trim().to_lowercase()
    };
    for existing in of_student(db, student_id).await? {
        if !existing.active {
            continue;
        }
        let same_inbox = match (existing.email.as_deref(), input.email.as_deref()) {
            (Some(a), Some(b)) => inbox(a) == inbox(b),
            _ => false,
        };
        // The same person typed with another phone or language is a
        // correction, not a replay: "added" would say so falsely (eyes14c F2).
        let same_details = existing.phone == input.phone && existing.language == input.language;
        if same_inbox && !(same_name(&existing) && same_details) {
            let mut errors = FieldErrors::new();
            errors.add(
                "email",
                Message::new("families-err-already-contact").arg("name", full_name(&existing)),
            );
            return Err(AppError::Validation(errors));
        }
        let same_phone_only =
            input.email.is_none() && existing.email.is_none() && existing.phone == input.phone;
        if same_name(&existing) && same_details && (same_inbox || same_phone_only) {
            return Ok(Some(existing));
        }
    }
    Ok(None)
}

/// A counselor corrects a guardian contact of a student (audited). A guardian
/// who is not linked to this student is "not found". Consent links that no
/// longer reach the guardian (a corrected address, a contact made inactive)
/// end, and a fresh request goes to the current addresses (see
/// `consent::refresh_links`), for every student the guardian is linked to.
pub async fn correct(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    student_id: i32,
    guardian_id: i32,
    form: &GuardianForm,
) -> AppResult<(guardian::Model, LinksRefreshed)> {
    let txn = db::begin_write(db).await?;
    let student = student_for(&txn, counselor, student_id).await?;
    crate::db::found::<student_guardian::Entity>(&txn, (student_id, guardian_id)).await?;
    // Locked: two corrections at once (a counselor and an admin) are made
    // one after the other, each telling the address it replaces.
    let current = guardian::Entity::find_by_id(guardian_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // A form opened before a colleague's change (or a roster's) would put
    // back what that change took away: a contact made inactive, an address.
    if !crate::forms::still_as_seen(&form.seen, current.updated_at) {
        return Err(AppError::conflict("families-err-changed-meanwhile"));
    }
    let input = parse(form, Some(&current.language))?;
    refuse_unfit_address(
        &txn,
        counselor,
        input.email.as_deref(),
        student_id,
        Some(guardian_id),
    )
    .await?;
    let students: Vec<i32> = student_guardian::Entity::find()
        .filter(student_guardian::Column::GuardianId.eq(guardian_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|link| link.student_id)
        .collect();
    // A contact shared with a student at a school this counselor does not
    // serve (siblings across a district) is that school's contact too: a
    // change here would re-send its consent links to an address that school
    // never saw. The district's admin or a roster import changes it; this
    // counselor can add a contact for their own student instead.
    if counselor.role != Role::Admin
        && !shared_beyond(&txn, counselor.id, &[guardian_id])
            .await?
            .is_empty()
    {
        return Err(AppError::conflict("families-err-shared-contact"));
    }
    // A counselor's form moves no student: schools are as they are.
    let now = SchoolsBefore::new();
    tell_former_address(&txn, &current, input.email.as_deref(), input.active, &now).await?;
    let address_change = contact_change(&current, input.email.as_deref(), input.active);
    let before = current.clone();
    let mut model: guardian::ActiveModel = current.into();
    // The school's own correction: a roster holding the address it
    // replaced does not put that back (`roster::import`, eyes14a F4).
    if !same_address(before.email.as_deref(), input.email.as_deref()) {
        model.email_corrected_at = Set(Some(Utc::now()));
        model.email_replaced = Set(before.email.clone().filter(|e| !e.trim().is_empty()));
    }
    model.given_name = Set(input.given_name);
    model.family_name = Set(input.family_name);
    model.email = Set(input.email);
    model.phone = Set(input.phone);
    model.language = Set(input.language);
    model.active = Set(input.active);
    model.updated_at = Set(Utc::now());
    let saved = model.update(&txn).await?;
    // A contact that gains a way to be reached (an email added to a
    // phone-only contact, a contact made active again) is told to the
    // family's other contacts, as an added one is (eyes11e F2).
    let reachable =
        |g: &guardian::Model| g.active && g.email.as_deref().is_some_and(|e| !e.is_empty());
    if reachable(&saved) && !reachable(&before) {
        tell_family_of_added(&txn, &student, &saved).await?;
    }
    // A corrected name: waiting requests greet the one on file before.
    let links = if full_name(&saved) == full_name(&before) {
        refresh_links(&txn, &students, Utc::now()).await?
    } else {
        crate::placements::consent::refresh_links_renamed(&txn, &students, saved.id, Utc::now())
            .await?
    };
    audit::record(
        &txn,
        counselor.id,
        audit::AuditAction::CorrectGuardian,
        &format!("student {student_id}, guardian {guardian_id}{address_change}"),
    )
    .await?;
    txn.commit().await?;
    Ok((saved, links))
}

/// What changed in a contact's reach, for the audit: the address (old ->
/// new) and whether it is active.
pub fn contact_change(before: &guardian::Model, email: Option<&str>, active: bool) -> String {
    let mut change = String::new();
    if !same_address(before.email.as_deref(), email) {
        change.push_str(&format!(
            ": email {} -> {}",
            before.email.as_deref().unwrap_or("-"),
            email.unwrap_or("-")
        ));
    }
    if before.active != active {
        change.push_str(if active {
            ": made active"
        } else {
            ": made inactive"
        });
    }
    change
}

/// Whether two recorded addresses are the same inbox.
pub fn same_address(a: Option<&str>, b: Option<&str>) -> bool {
    let normal = |e: Option<&str>| e.map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty());
    normal(a) == normal(b)
}

/// Of `guardian_ids`, the contacts of a student at a school `counselor_id`
/// does not serve (siblings across a district): that school relies on the
/// contact too, so neither this counselor's form nor their roster changes
/// it; an admin (or that school's counselor, for their own link) does.
pub async fn shared_beyond(
    db: &impl ConnectionTrait,
    counselor_id: i32,
    guardian_ids: &[i32],
) -> AppResult<HashSet<i32>> {
    let theirs = Query::select()
        .column(counselor_school::Column::SchoolId)
        .from(counselor_school::Entity)
        .and_where(counselor_school::Column::UserId.eq(counselor_id))
        .to_owned();
    let elsewhere = Query::select()
        .column(student::Column::Id)
        .from(student::Entity)
        .and_where(student::Column::SchoolId.not_in_subquery(theirs))
        .to_owned();
    Ok(student_guardian::Entity::find()
        .select_only()
        .column(student_guardian::Column::GuardianId)
        .filter(student_guardian::Column::GuardianId.is_in(guardian_ids.iter().copied()))
        .filter(student_guardian::Column::StudentId.in_subquery(elsewhere))
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// A counselor's birth date form.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct BirthDateForm {
    pub date_of_birth: String,
    /// `yes`: the counselor confirms that a date making the student 18 by
    /// a placement's start starts it without a guardian's consent.
    pub start_without_consent: String,
}

/// Sets (or clears) a student's birth date: only a counselor of the
/// student's school or an admin may, and it is audited. Placements whose
/// need for consent it changes follow (`consent::after_birth_date`).
pub async fn set_birth_date(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    student_id: i32,
    form: &BirthDateForm,
    today: NaiveDate,
) -> AppResult<AfterBirthDate> {
    let text = form.date_of_birth.trim();
    let date = if text.is_empty() {
        None
    } else {
        match crate::forms::parse_date(text) {
            Some(date) if date <= today && date.year() >= 1900 => Some(date),
            _ => {
                let mut errors = FieldErrors::new();
                errors.add_id("date_of_birth", "counselor-birth-date-invalid");
                return Err(AppError::Validation(errors));
            }
        }
    };
    let txn = db::begin_write(db).await?;
    let student = student_for(&txn, counselor, student_id).await?;
    let before = student.date_of_birth;
    let mut model: student::ActiveModel = student.into();
    model.date_of_birth = Set(date);
    let student = model.update(&txn).await?;
    let effect = crate::placements::consent::after_birth_date(
        &txn,
        &student,
        crate::placements::consent::AdultPlacements::Start,
    )
    .await?;
    // Starting a placement without a guardian's consent is never a side
    // effect: the counselor confirms it, or nothing is saved (the
    // transaction is dropped with the changes above).
    if !effect.started.is_empty() && form.start_without_consent != "yes" {
        let mut errors = FieldErrors::new();
        errors.add_id("start_without_consent", "families-birth-date-confirm-start");
        return Err(AppError::Validation(errors));
    }
    // A family's report may be about this counselor: while it holds, a
    // placement starts without consent only on an admin's word.
    if !effect.started.is_empty() && counselor.role != Role::Admin {
        super::address_report::refuse_while_held(&txn, student_id).await?;
    }
    // What changed and what it did, for whoever reviews the audit.
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "unknown".to_owned(), |d| d.to_string());
    let subject = format!(
        "student {student_id}: {} -> {}; placements on hold for consent: {:?}; started without consent: {:?}",
        day(before),
        day(date),
        effect.waiting,
        effect.started
    );
    audit::record(
        &txn,
        counselor.id,
        audit::AuditAction::SetBirthDate,
        &subject,
    )
    .await?;
    txn.commit().await?;
    Ok(effect)
}

#[cfg(test)]
mod tests {
    use super::inbox;

    #[test]
    fn gmail_spellings_of_one_inbox_compare_equal_and_other_addresses_keep_their_dots() {
        for spelling in [
            "jane.doe@gmail.com",
            "janedoe@gmail.com",
            "Jane.Doe@GoogleMail.com",
            " j.a.n.e.d.o.e+school@gmail.com ",
        ] {
            assert_eq!(inbox(spelling), "janedoe@gmail.com", "{spelling}");
        }
        assert_eq!(inbox("jane.doe+x@school.org"), "jane.doe@school.org");
        assert_ne!(inbox("jane.doe@school.org"), inbox("janedoe@school.org"));
        assert_ne!(inbox("jane.doe@gmail.co"), inbox("janedoe@gmail.co"));
    }
}
