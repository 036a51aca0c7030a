//! Guardian consent: a link mailed to each active guardian of a minor, in the
//! guardian's language, never shown to the student. A link is random (only
//! its digest is stored), works once, and expires after `LINK_DAYS`. Every
//! decision is a conditional update ("only while consent is still pending"),
//! so two tabs or a double submit cannot both act.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    Compensation, PlacementStatus, PostingLanguage, WorkMode, consent_request, guardian,
    opportunity, organization, placement, student, student_guardian, user,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::extractors::CurrentUser,
    db,
    error::{AppError, AppResult},
    families::service as families,
    i18n::{self, Lang, t, t_args},
    mail::{self, Outgoing},
    opportunities::service::features_of,
    roster::service::ensure_school_access,
    tokens,
};

/// Days a consent link stays valid.
pub const LINK_DAYS: i64 = 14;
/// Minutes a student waits between two requests to send the email again.
pub const RESEND_MINUTES: i64 = 10;
/// Hours a guardian's newest link keeps working after the email is sent
/// again: a family that reads its mail once a day can still answer the
/// one that came yesterday (eyes15a F5).
pub const KEEP_LINK_HOURS: i64 = 24;
/// Consent emails a placement's family gets at most when the student asks:
/// the first, the reminders (`reminder::MOST_REQUESTS`) and every "send
/// again" count. Past it the student's counselor, who can send it again,
/// call the family or record a paper form, is who helps.
pub const MOST_REQUESTS_FOR_STUDENT: usize = 5;

/// Mails a consent request to every active guardian of the student who has
/// an email; returns how many were queued (0: the counselor's paper path).
/// Older links of the placement stop working but each guardian's newest,
/// while less than [`KEEP_LINK_HOURS`] old (see [`end_replaced_links`]).
/// Nothing is sent while the organization is not verified (a suspension
/// for a safeguarding review): a family is not invited to agree to a
/// placement they could not give consent to (see `resend`).
pub async fn request(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
) -> AppResult<usize> {
    ask(db, placement, opportunity, student, false).await
}

/// [`request`] again for a family that has not answered (`reminder`): each
/// guardian's mail says it is a reminder and which of their mails it
/// replaces, so a family holding both uses the newest link (eyes15b F6); a
/// guardian never mailed at this address gets a first request.
pub async fn remind_family(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
) -> AppResult<usize> {
    ask(db, placement, opportunity, student, true).await
}

async fn ask(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
    reminder: bool,
) -> AppResult<usize> {
    if !organization_verified(db, opportunity).await? {
        return Ok(0);
    }
    let mut guardians = Vec::new();
    for guardian in families::reachable(db, student.id).await? {
        if !reaches_staff(db, &guardian).await? {
            guardians.push(guardian);
        }
    }
    if guardians.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    end_replaced_links(db, placement.id, now).await?;
    let facts = Facts::load(db, opportunity).await?;
    let school = super::confirmation::school_of(db, student).await?;
    let mail = LinkMail {
        facts: &facts,
        school: &school,
        reminder,
    };
    for guardian in &guardians {
        mail_link(db, placement, student, &mail, guardian, now).await?;
    }
    Ok(guardians.len())
}

/// Before a new consent email goes out (the student's or a counselor's
/// "send again", a reminder, a change of birth date): the one rule for the
/// links already sent. Each guardian's newest working link keeps working
/// while it is less than [`KEEP_LINK_HOURS`] old, so the email a family
/// got yesterday still opens beside the new one; every other working link
/// of the placement ends (a reminder, days later, replaces them all). So
/// at most two links of a guardian work at once, the newest two.
async fn end_replaced_links(
    db: &impl ConnectionTrait,
    placement_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let working = consent_request::Entity::find()
        .filter(consent_request::Column::PlacementId.eq(placement_id))
        .filter(consent_request::Column::UsedAt.is_null())
        .filter(consent_request::Column::ExpiresAt.gt(now))
        .order_by_desc(consent_request::Column::CreatedAt)
        .order_by_desc(consent_request::Column::Id)
        .all(db)
        .await?;
    let recent = now - chrono::Duration::hours(KEEP_LINK_HOURS);
    let mut kept_for = HashSet::new();
    let mut ended = Vec::new();
    for request in working {
        let newest_of_guardian = kept_for.insert(request.guardian_id);
        if !(newest_of_guardian && request.created_at > recent) {
            ended.push(request.id);
        }
    }
    if !ended.is_empty() {
        consent_request::Entity::update_many()
            .col_expr(consent_request::Column::ExpiresAt, Expr::value(now))
            .filter(consent_request::Column::Id.is_in(ended))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Why the student may not ask for the consent email again now, if so:
/// `moments` are when each email of the placement went out (one moment a
/// request, however many guardians), newest first.
fn student_may_not_ask(
    moments: &[DateTime<Utc>],
    now: DateTime<Utc>,
    lang: Lang,
) -> Option<AppError> {
    if moments.len() >= MOST_REQUESTS_FOR_STUDENT {
        return Some(AppError::Conflict(t_args(
            lang,
            "families-resend-enough",
            vec![("count", moments.len().into())],
        )));
    }
    if moments
        .first()
        .is_some_and(|&newest| newest > now - chrono::Duration::minutes(RESEND_MINUTES))
    {
        return Some(AppError::TooManyRequests(t_args(
            lang,
            "families-resend-too-soon",
            vec![("minutes", RESEND_MINUTES.into())],
        )));
    }
    // Two emails in the last day: a third would end a link the family got
    // less than a day ago (see `end_replaced_links`). The student waits
    // until the older of the two is a day old.
    let keep = chrono::Duration::hours(KEEP_LINK_HOURS);
    if let Some(&second) = moments.get(1)
        && second > now - keep
    {
        return Some(AppError::TooManyRequests(t_args(
            lang,
            "families-resend-wait-day",
            vec![("when", crate::format::moment_in(lang, second + keep).into())],
        )));
    }
    None
}

/// When each consent email of a placement went out, newest first (the
/// reminder job and the student's "send again" read it).
pub async fn moments_asked(
    db: &impl ConnectionTrait,
    placement_id: i32,
) -> AppResult<Vec<DateTime<Utc>>> {
    // Each request is one row per guardian, all written at one moment.
    let mut moments: Vec<DateTime<Utc>> = consent_request::Entity::find()
        .select_only()
        .column(consent_request::Column::CreatedAt)
        .filter(consent_request::Column::PlacementId.eq(placement_id))
        .filter(mail_not_given_up())
        .into_tuple()
        .all(db)
        .await?;
    moments.sort_unstable_by(|a, b| b.cmp(a));
    moments.dedup();
    Ok(moments)
}

/// What every guardian's consent mail of one request shares.
#[derive(Clone, Copy)]
struct LinkMail<'a> {
    facts: &'a Facts,
    school: &'a str,
    /// A reminder of the guardian's newest request at this address.
    reminder: bool,
}

/// Mails one guardian a fresh link of the placement (a guardian without an
/// address is skipped: `families::reachable` gives only those with one).
async fn mail_link(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    student: &student::Model,
    mail: &LinkMail<'_>,
    guardian: &guardian::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let LinkMail {
        facts,
        school,
        reminder,
    } = *mail;
    let Some(email) = guardian.email.as_deref() else {
        return Ok(());
    };
    // The day of the mail this one replaces, for this guardian at this
    // address (two guardians may have been asked on different days).
    let reminder = if reminder {
        consent_request::Entity::find()
            .select_only()
            .column(consent_request::Column::CreatedAt)
            .filter(consent_request::Column::PlacementId.eq(placement.id))
            .filter(consent_request::Column::GuardianId.eq(guardian.id))
            .filter(consent_request::Column::Email.eq(email))
            .filter(mail_not_given_up())
            .order_by_desc(consent_request::Column::CreatedAt)
            .into_tuple::<DateTime<Utc>>()
            .one(db)
            .await?
            .map(crate::format::day_of)
    } else {
        None
    };
    let expires = now + chrono::Duration::days(LINK_DAYS);
    let token = tokens::random(43);
    let lang = families::lang_of(guardian);
    let contact = crate::admin::contact::for_guardian(db, guardian.id, Some(placement.id)).await?;
    let mail_id = mail::enqueue(
        db,
        Outgoing {
            to: email,
            lang,
            template: "consent_request",
            // Named by the posting: two placements are two questions in a
            // mail client that threads by subject (eyes15b F6).
            subject_key: if reminder.is_some() {
                "mail-consent-reminder-subject"
            } else {
                "mail-consent-subject"
            },
            subject_args: vec![
                ("student", student.first_name.as_str().into()),
                ("title", facts.title.as_str().into()),
            ],
            ctx: minijinja::context! {
                guardian => crate::families::service::full_name(guardian),
                student => student.first_name.clone(),
                link => format!("/consent/{token}"),
                // The link stops at the placement's last day (`Past`): the
                // mail never offers a decision after it.
                expires => expires.date_naive().min(placement.end_date).to_string(),
                reminder => reminder.map(|first| first.to_string()),
                // Consent requests cannot be unsubscribed from, but the
                // guardian may change the language they are written in.
                preferences => mail::preferences::guardian_preferences_path(guardian),
                tagline => families::tagline(guardian),
                contact,
                school,
                footer => "mail-footer",
                ..facts.in_lang(lang)
            },
            attachment: None,
            unsubscribe: None,
            for_organization: None,
            // Held back if the host is suspended before it goes out: the
            // family is told not to go, and is not then asked (eyes13b F2).
            about_organization: Some(facts.organization_id),
            // A guardian: never kept back for an account's address.
            for_account: None,
            // A family that did not answer a mail in a language they do
            // not read is not helped by a second one: once the reminder
            // goes out, the counselor is asked to call (`mail::worker`;
            // a reminder held back asks nobody, eyes40 F10).
            notice_kind: reminder.map(|_| "consent-reminder"),
            placement: Some(placement.id),
            for_guardian: Some(guardian.id),
        },
    )
    .await?;
    // The request knows its mail, so the pages say whether it went out and
    // a mail given up on counts as no request (see `mail_not_given_up`).
    consent_request::ActiveModel {
        placement_id: Set(placement.id),
        guardian_id: Set(guardian.id),
        email: Set(email.to_owned()),
        token_hash: Set(tokens::digest(&token)),
        created_at: Set(now),
        expires_at: Set(expires),
        used_at: Set(None),
        mail_id: Set(Some(mail_id)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Requests whose mail was not given up on (sent, still waiting, or made
/// before requests recorded their mail). One that failed for good reached
/// nobody: it is no working link, earns no family a reminder or a "closed"
/// notice, and counts toward no cap (eyes16b F4).
fn mail_not_given_up() -> sea_orm::Condition {
    mail::outbox::not_given_up(consent_request::Column::MailId)
}

/// Whether the organization hosting `opportunity` is verified now (read
/// under the same share lock a consent decision takes).
pub async fn organization_verified(
    db: &impl ConnectionTrait,
    opportunity: &opportunity::Model,
) -> AppResult<bool> {
    Ok(
        crate::applications::service::organization_status(db, opportunity.organization_id).await?
            == entity::OrgStatus::Verified,
    )
}

/// What a changed birth date did to a student's placements (their ids).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AfterBirthDate {
    /// Went ahead with no consent on file and wait for it now.
    pub waiting: Vec<i32>,
    /// Waited for consent and start now: the student is an adult on the
    /// start date, and an adult's family is not asked.
    pub started: Vec<i32>,
    /// Wait for consent although the student is an adult on the start date:
    /// left for a counselor to start from the student's record.
    pub adults_waiting: Vec<i32>,
}

/// Whether a birth date change may start a waiting placement of a student
/// who is 18 by its start: only a counselor who confirmed it on the
/// student's record, never a roster import (a file any counselor of the
/// school can upload, with no confirmation per student).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdultPlacements {
    Start,
    LeaveWaiting,
}

/// A student's birth date changed (a counselor's correction, a roster): a
/// placement that went ahead with no consent on file and now starts before
/// they turn 18 goes back to waiting for consent, and the guardians are
/// asked; one that waited and now starts on or after their 18th birthday
/// starts (its links open nothing while it is active), unless `adults` says
/// to leave it waiting. In the caller's transaction; hours need an active
/// placement, so none are logged while one waits. Every change is
/// conditional, like every consent decision, so a guardian answering at the
/// same moment is not overwritten.
pub async fn after_birth_date(
    db: &impl ConnectionTrait,
    student: &student::Model,
    adults: AdultPlacements,
) -> AppResult<AfterBirthDate> {
    let open = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(student.id))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        .filter(placement::Column::ConsentGiven.is_null())
        .all(db)
        .await?;
    let mut effect = AfterBirthDate::default();
    for placement in open {
        let needed =
            crate::applications::eligibility::needs_guardian_consent(student, placement.start_date);
        let (from, to, news) = match (placement.status, needed) {
            (PlacementStatus::Active, true) => (
                PlacementStatus::Active,
                PlacementStatus::AwaitingConsent,
                "families-consent-needed-again",
            ),
            (PlacementStatus::AwaitingConsent, false)
                if adults == AdultPlacements::LeaveWaiting =>
            {
                effect.adults_waiting.push(placement.id);
                continue;
            }
            (PlacementStatus::AwaitingConsent, false) => (
                PlacementStatus::AwaitingConsent,
                PlacementStatus::Active,
                "families-consent-not-needed",
            ),
            _ => continue,
        };
        let opportunity =
            crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
        // Starting it is what consent would do, and a host under review
        // takes no consent (paper or link): refused the same way, and the
        // caller's transaction, birth date included, is dropped (eyes17c
        // F2). Read under the share lock a consent decision takes.
        if to == PlacementStatus::Active && !organization_verified(db, &opportunity).await? {
            return Err(AppError::Conflict(i18n::t_args(
                i18n::current(),
                "families-birth-date-org-not-verified",
                vec![("title", opportunity.title.as_str().into())],
            )));
        }
        let moved = placement::Entity::update_many()
            .col_expr(placement::Column::Status, Expr::value(to))
            .filter(placement::Column::Id.eq(placement.id))
            .filter(placement::Column::Status.eq(from))
            .exec(db)
            .await?;
        if moved.rows_affected != 1 {
            continue;
        }
        if to == PlacementStatus::AwaitingConsent {
            effect.waiting.push(placement.id);
            // A link the guardians hold still works again: dates changed
            // back and forth mail them once, not at every change.
            if !has_live_link(db, placement.id, student).await? {
                request(db, &placement, &opportunity, student).await?;
            }
        } else {
            effect.started.push(placement.id);
            let started = placement::Model {
                status: to,
                ..placement.clone()
            };
            super::confirmation::confirm(db, &started, &opportunity, student, false).await?;
        }
        let title = opportunity.title.clone();
        let message = i18n::Message::new(news).arg("title", title.clone());
        crate::notifications::notify_student_of_placement(db, student, placement.id, &message)
            .await?;
        crate::notifications::notify_employers(
            db,
            opportunity.organization_id,
            &i18n::Message::new(&format!("{news}-employer")).arg("title", title),
            &format!("/employer/opportunities/{}/applicants", opportunity.id),
        )
        .await?;
    }
    Ok(effect)
}

/// Whether a guardian holds a link of this placement that still works,
/// sent to an address the family still has on file (a link mailed to an
/// address since corrected reaches nobody).
async fn has_live_link(
    db: &impl ConnectionTrait,
    placement_id: i32,
    student: &student::Model,
) -> AppResult<bool> {
    let addresses: Vec<String> = families::reachable(db, student.id)
        .await?
        .into_iter()
        .filter_map(|g| g.email)
        .collect();
    if addresses.is_empty() {
        return Ok(false);
    }
    let live = consent_request::Entity::find()
        .filter(consent_request::Column::PlacementId.eq(placement_id))
        .filter(consent_request::Column::UsedAt.is_null())
        .filter(consent_request::Column::ExpiresAt.gt(Utc::now()))
        .filter(consent_request::Column::Email.is_in(addresses))
        .filter(mail_not_given_up())
        .count(db)
        .await?;
    Ok(live > 0)
}

/// Days after which a consent request no longer earns its family a "closed"
/// notice: an ordinary placement's family hears it (its links ran out 14
/// days after the last mail, long before the dates ended: eyes15c F4), a
/// backlog of long-stale requests closed at once mails nobody.
const CLOSED_NOTICE_DAYS: i64 = 120;

/// The guardians mailed a consent request of the placement lately (see
/// [`CLOSED_NOTICE_DAYS`]): those to tell that it is closed.
pub async fn guardians_asked_lately(
    db: &impl ConnectionTrait,
    placement_id: i32,
) -> AppResult<HashSet<i32>> {
    let since = Utc::now() - chrono::Duration::days(CLOSED_NOTICE_DAYS);
    let asked: Vec<i32> = consent_request::Entity::find()
        .select_only()
        .column(consent_request::Column::GuardianId)
        .filter(consent_request::Column::PlacementId.eq(placement_id))
        .filter(consent_request::Column::CreatedAt.gt(since))
        .filter(mail_not_given_up())
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    Ok(asked.into_iter().collect())
}

/// What a guardian must know before agreeing, in their language (also the
/// facts of the mail confirming a placement). Kept in no language: the
/// reader's words are put in by [`Facts::in_lang`], so a notice queued with
/// them is written again in another when the guardian's language changed
/// before it went out (`mail::readdress`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Facts {
    pub title: String,
    pub organization: String,
    /// The host organization.
    pub organization_id: i32,
    /// `None` for remote work.
    pub address: Option<String>,
    start_date: String,
    end_date: String,
    schedule: String,
    times: Option<(chrono::NaiveTime, chrono::NaiveTime)>,
    supervisor: String,
    /// How the posting pays, and the amount its pay line names
    /// (`format::pay_words`).
    compensation: Compensation,
    pay_cents: Option<i32>,
    /// The language the organization wrote the posting in.
    written_in: PostingLanguage,
    /// Access features offered (`AccessNeed` keys).
    features: Vec<String>,
}

impl Facts {
    pub async fn load(db: &impl ConnectionTrait, o: &opportunity::Model) -> AppResult<Self> {
        let organization = crate::db::found::<organization::Entity>(db, o.organization_id).await?;
        // The posting's author, while still an enabled member of the
        // organization: someone an admin removed or disabled is never
        // presented to a family as the adult supervising their child
        // (eyes14a F3); the organization answers for itself then.
        let creator = user::Entity::find_by_id(o.created_by)
            .one(db)
            .await?
            .filter(|u| u.organization_id == Some(o.organization_id) && u.disabled_at.is_none());
        let mut supervisor = creator.map_or_else(|| organization.name.clone(), |u| u.display_name);
        let contact = [organization.contact_email, organization.contact_phone]
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        if !contact.is_empty() {
            supervisor = format!("{supervisor} ({contact})");
        }
        Ok(Self {
            title: o.title.clone(),
            organization: organization.name,
            organization_id: o.organization_id,
            address: (o.mode != WorkMode::Remote).then(|| format!("{}, {}", o.address, o.zip)),
            start_date: o.start_date.to_string(),
            end_date: o.end_date.to_string(),
            schedule: o.schedule.clone(),
            times: o.start_time.zip(o.end_time),
            supervisor,
            compensation: o.compensation,
            pay_cents: crate::format::pay_amount(o),
            written_in: o.written_in,
            features: features_of(db, o.id)
                .await?
                .iter()
                .map(|f| f.key().to_owned())
                .collect(),
        })
    }

    pub fn in_lang(&self, lang: Lang) -> minijinja::Value {
        // The same words as the posting's page, in the guardian's language.
        let pay = crate::format::pay_words(lang, self.compensation, self.pay_cents);
        let features: Vec<String> = self
            .features
            .iter()
            .map(|key| i18n::vocab(lang, "need", key))
            .collect();
        // Clock times the reader's way ("9:00 AM–1:00 PM", "9:00–13:00"),
        // as the consent page writes them (eyes13a F6).
        let times = self.times.map(|(start, end)| {
            format!(
                "{}–{}",
                crate::format::time_in(lang, start),
                crate::format::time_in(lang, end)
            )
        });
        let schedule = match times {
            Some(times) if self.schedule.is_empty() => times,
            Some(times) => format!("{} ({times})", self.schedule),
            None => self.schedule.clone(),
        };
        minijinja::context! {
            title => self.title.clone(),
            organization => self.organization.clone(),
            address => self.address.clone().unwrap_or_else(|| t(lang, "mail-fact-remote")),
            start_date => self.start_date.clone(),
            end_date => self.end_date.clone(),
            schedule,
            supervisor => self.supervisor.clone(),
            pay,
            // The organization's own words (title, schedule) keep their
            // language, as the posting's page marks them (eyes18b F13).
            written_in => self.written_in.key(),
            features => if features.is_empty() { t(lang, "mail-fact-none") } else { features.join(", ") },
        }
    }
}

/// Why a consent link does not open the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// No such link (mistyped, or never sent).
    Unknown,
    /// Already used, or a decision was recorded for the placement
    /// meanwhile: by whom, so a guardian who never used their link is not
    /// told it was used (eyes18b F8).
    Used(DecidedBy),
    /// The placement no longer goes ahead (given back, called off, ended):
    /// there is nothing left to decide.
    Closed,
    /// The placement's last day is over: a consent now would cover days
    /// already past.
    Past,
    /// A family reported a change of contact: email consent for the student
    /// waits until the district's admins have looked.
    Held,
    /// The student is an adult on the first day by the school's record now
    /// (a roster changed the birth date): the decision is not the family's
    /// (eyes13c F4).
    Adult,
    /// The school's roster no longer lists the student (they left): the
    /// placement waits for the school, not for the family (eyes13c F7).
    Left,
    /// A newer email to the same guardian at the same address, mailed on
    /// this day, holds the link that works now (a reminder, or "send
    /// again"): the family need not ask for one (eyes15b F6).
    Replaced(NaiveDate),
    /// Past its 14 days, or its guardian is no longer an active contact of
    /// the student at the address it went to.
    Expired,
}

/// Who recorded the decision that made a consent link moot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedBy {
    /// This link itself (or nobody we can tell).
    ThisLink,
    /// This link's guardian, through another link of theirs to the
    /// placement (a reminder, "send again"): not "someone else", which
    /// reads as another person answering in the child's name (eyes20 F7).
    SameGuardian,
    /// Another guardian, through their own link.
    AnotherGuardian,
    /// The school, from a paper form.
    Paper,
}

/// Why a student's family has no say now on `placement`: the student is an
/// adult on its first day by the school's record (eyes13c F4), or the
/// roster no longer lists them (eyes13c F7). The one rule the link, "send
/// again", the reminder and a recorded decision all follow.
pub fn not_the_familys(
    student: &student::Model,
    placement: &placement::Model,
) -> Option<LinkProblem> {
    if !crate::applications::eligibility::needs_guardian_consent(student, placement.start_date) {
        Some(LinkProblem::Adult)
    } else if !student.active {
        Some(LinkProblem::Left)
    } else {
        None
    }
}

/// The consent request and placement a link is for, if it can still be used.
pub async fn open_link(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Result<(consent_request::Model, placement::Model), LinkProblem>> {
    let Some(request) = request_of_link(db, token).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    let placement = crate::db::found::<placement::Entity>(db, request.placement_id).await?;
    // Whether the link still speaks for its holder comes before anything
    // about the student or the placement: a contact removed, or an address
    // corrected away from (perhaps the one a family's report is about),
    // learns nothing of who answered (eyes20 F8), nor that the placement
    // was given back or called off (eyes40 F6), nor that the student left
    // the roster, turned adult or is under a family's report (eyes41 F2).
    // One former holder hears of a hold: the address that reported it.
    if reported_from(db, placement.student_id, &request.email).await? {
        return Ok(Err(LinkProblem::Held));
    }
    if !speaks_for_holder(db, &request, placement.student_id).await? {
        return Ok(Err(LinkProblem::Expired));
    }
    let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
    if let Some(problem) = not_the_familys(&student, &placement) {
        return Ok(Err(problem));
    }
    if crate::families::address_report::is_held(db, placement.student_id).await? {
        return Ok(Err(LinkProblem::Held));
    }
    if matches!(
        placement.status,
        PlacementStatus::Withdrawn | PlacementStatus::Cancelled | PlacementStatus::EndedEarly
    ) {
        return Ok(Err(LinkProblem::Closed));
    }
    if request.used_at.is_some() {
        return Ok(Err(LinkProblem::Used(DecidedBy::ThisLink)));
    }
    if placement.status != PlacementStatus::AwaitingConsent {
        let by = if placement.consent_recorded_by.is_some() {
            DecidedBy::Paper
        } else if placement.consent_given.is_some() {
            answered_through(db, &request).await?
        } else {
            // Started with no consent at all: the school started it, the
            // student an adult by its start (`AfterBirthDate`); nobody
            // used a link, so none reads as used.
            return Ok(Err(LinkProblem::Adult));
        };
        return Ok(Err(LinkProblem::Used(by)));
    }
    if placement.end_date < crate::format::today() {
        return Ok(Err(LinkProblem::Past));
    }
    if request.expires_at <= now {
        return Ok(Err(match newer_request(db, &request, now).await? {
            Some(sent) => LinkProblem::Replaced(crate::format::day_of(sent)),
            None => LinkProblem::Expired,
        }));
    }
    Ok(Ok((request, placement)))
}

/// Who answered through the link of `request`'s placement that was used:
/// `request`'s guardian through another of their links, or another
/// guardian; nobody we can tell when none was used.
async fn answered_through(
    db: &impl ConnectionTrait,
    request: &consent_request::Model,
) -> AppResult<DecidedBy> {
    let used = consent_request::Entity::find()
        .filter(consent_request::Column::PlacementId.eq(request.placement_id))
        .filter(consent_request::Column::UsedAt.is_not_null())
        .order_by_desc(consent_request::Column::UsedAt)
        .one(db)
        .await?;
    Ok(match used {
        Some(used) if used.guardian_id == request.guardian_id => DecidedBy::SameGuardian,
        Some(_) => DecidedBy::AnotherGuardian,
        None => DecidedBy::ThisLink,
    })
}

/// When the newest working request after `request` was mailed, if one went
/// to the same guardian at the same address: only then may the page say
/// "use the newest email" without telling an old address that mail now
/// goes elsewhere.
async fn newer_request(
    db: &impl ConnectionTrait,
    request: &consent_request::Model,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(consent_request::Entity::find()
        .select_only()
        .column(consent_request::Column::CreatedAt)
        .filter(consent_request::Column::PlacementId.eq(request.placement_id))
        .filter(consent_request::Column::GuardianId.eq(request.guardian_id))
        .filter(consent_request::Column::Email.eq(request.email.as_str()))
        .filter(consent_request::Column::CreatedAt.gt(request.created_at))
        .filter(consent_request::Column::UsedAt.is_null())
        .filter(mail_not_given_up())
        .filter(consent_request::Column::ExpiresAt.gt(now))
        .order_by_desc(consent_request::Column::CreatedAt)
        .into_tuple()
        .one(db)
        .await?)
}

/// True while a link still reaches the person it was sent to: an active
/// contact, still linked to the student, at the address the link went to.
/// A link mailed to an address the school has since corrected (perhaps the
/// student's own inbox) or to a guardian unlinked from the student speaks
/// for nobody.
fn still_addressed(
    request: &consent_request::Model,
    guardian: Option<&guardian::Model>,
    linked: bool,
) -> bool {
    linked
        && guardian.is_some_and(|g| {
            g.active && families::same_address(g.email.as_deref(), Some(&request.email))
        })
}

/// Whether `request`'s link still speaks for the person it was mailed to:
/// [`still_addressed`], and its address is neither the student's own inbox
/// (sent before the address became the student's sign-in, or before this
/// check existed) nor a staff one.
async fn speaks_for_holder(
    db: &impl ConnectionTrait,
    request: &consent_request::Model,
    student_id: i32,
) -> AppResult<bool> {
    let guardian = guardian::Entity::find_by_id(request.guardian_id)
        .one(db)
        .await?;
    let linked = student_guardian::Entity::find_by_id((student_id, request.guardian_id))
        .one(db)
        .await?
        .is_some();
    Ok(still_addressed(request, guardian.as_ref(), linked)
        && !families::is_student_inbox(db, &request.email, student_id, Some(request.guardian_id))
            .await?
        && !families::is_staff_address(db, &request.email).await?)
}

/// Whether `email` reported the change of contact that holds `student_id`'s
/// email consent now (a report made through its notice, not cleared).
async fn reported_from(db: &impl ConnectionTrait, student_id: i32, email: &str) -> AppResult<bool> {
    Ok(crate::families::address_report::holds_of(db, student_id)
        .await?
        .iter()
        .any(|hold| families::same_address(Some(&hold.former_email), Some(email))))
}

/// What a change of guardian contacts did to pending consent links.
#[derive(Debug, Default, Clone, Copy)]
pub struct LinksRefreshed {
    /// Placements whose links stopped reaching their guardian and ended.
    pub ended: usize,
    /// Placements for which a guardian without a working link (a new
    /// address, a contact added or made active again) was mailed one.
    pub asked: usize,
    /// Of `asked`, those where each guardian mailed had been sent a link to
    /// the same address before whose mail was given up on (the server
    /// could not be reached for a day): sent again, not for anything new.
    pub asked_again: usize,
}

/// After guardian contacts of `students` changed (a counselor's form, a
/// roster import), in the same transaction, for each of their placements
/// waiting for consent:
/// - every link that no longer reaches its guardian (see
///   [`still_addressed`]) ends, and so does one whose mail still waits to
///   go out in a language no longer the guardian's (held back unsent);
/// - every guardian the consent mail can reach who holds no working link
///   and was never asked, or whose last link ended that way, is mailed a
///   fresh one: a corrected address, a contact made active again, a
///   guardian added. Links of the other guardians keep working, so nobody
///   is mailed twice; a link that simply ran out its days is left to "send
///   again".
///
/// A placement left with no reachable guardian keeps waiting for the
/// counselor's paper form.
pub async fn refresh_links(
    db: &impl ConnectionTrait,
    students: &[i32],
    now: DateTime<Utc>,
) -> AppResult<LinksRefreshed> {
    refresh(db, students, now, Asking::Unreached, None, None).await
}

/// [`refresh_links`] after a correction of guardian `renamed`'s name: their
/// consent requests still waiting to go out greet the name the school had
/// on file, perhaps another person's (a parent's ex-partner), and are held
/// back and asked again greeting them as they are now (eyes41b G2).
pub async fn refresh_links_renamed(
    db: &impl ConnectionTrait,
    students: &[i32],
    renamed: i32,
    now: DateTime<Utc>,
) -> AppResult<LinksRefreshed> {
    refresh(db, students, now, Asking::Unreached, None, Some(renamed)).await
}

/// [`refresh_links`] for one contact only, `guardian_id`: their links of
/// `students`' waiting placements that no longer reach them end, and they
/// are asked where they hold no working link. The other contacts of those
/// students are left as they are: used where the one asking does not look
/// after those students (a sibling at another school, eyes41 F3), where a
/// guardian changes their own language, and by the mail worker about to
/// send a request a correction could not hold back (a worker held it then,
/// eyes41b G3.2). `renamed`: their name was corrected, so a waiting request
/// greeting the old one is held back and asked again too.
pub async fn refresh_links_of(
    db: &impl ConnectionTrait,
    students: &[i32],
    guardian_id: i32,
    renamed: bool,
    now: DateTime<Utc>,
) -> AppResult<LinksRefreshed> {
    let renamed = renamed.then_some(guardian_id);
    refresh(
        db,
        students,
        now,
        Asking::Unreached,
        Some(guardian_id),
        renamed,
    )
    .await
}

/// Which guardians of a waiting placement with no working link are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    /// Those never asked, or whose last link stopped reaching them: a
    /// link that ran out its days is left to "send again".
    Unreached,
    /// Every one: the host was under review, so a link that ran out
    /// meanwhile could not be answered, and every family is told the
    /// review is over (`resume`).
    Everyone,
}

/// `only`: one contact's links and requests, the others' left alone;
/// `renamed`: a contact whose name was corrected (see
/// [`refresh_links_renamed`]).
async fn refresh(
    db: &impl ConnectionTrait,
    students: &[i32],
    now: DateTime<Utc>,
    asking: Asking,
    only: Option<i32>,
    renamed: Option<i32>,
) -> AppResult<LinksRefreshed> {
    let covered = |guardian_id: i32| only.is_none_or(|only| only == guardian_id);
    let mut outcome = LinksRefreshed::default();
    for chunk in students.chunks(500) {
        let placements = placement::Entity::find()
            .filter(placement::Column::StudentId.is_in(chunk.to_vec()))
            .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
            .all(db)
            .await?;
        if placements.is_empty() {
            continue;
        }
        let mut requests = consent_request::Entity::find()
            .filter(consent_request::Column::PlacementId.is_in(placements.iter().map(|p| p.id)))
            .filter(mail_not_given_up())
            .all(db)
            .await?;
        // Requests whose mail was given up on: (placement, guardian, address).
        let given_up: HashSet<(i32, i32, String)> = consent_request::Entity::find()
            .filter(consent_request::Column::PlacementId.is_in(placements.iter().map(|p| p.id)))
            .filter(mail_not_given_up().not())
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.placement_id, r.guardian_id, r.email))
            .collect();
        let guardian_ids: HashSet<i32> = requests.iter().map(|r| r.guardian_id).collect();
        let guardians: HashMap<i32, guardian::Model> = guardian::Entity::find()
            .filter(guardian::Column::Id.is_in(guardian_ids.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|g| (g.id, g))
            .collect();
        let links: HashSet<(i32, i32)> = student_guardian::Entity::find()
            .filter(student_guardian::Column::StudentId.is_in(chunk.to_vec()))
            .all(db)
            .await?
            .into_iter()
            .map(|l| (l.student_id, l.guardian_id))
            .collect();
        let mut stale = Vec::new();
        let mut ended = HashSet::new();
        for request in requests
            .iter_mut()
            .filter(|r| live(r, now) && covered(r.guardian_id))
        {
            let Some(placement) = placements.iter().find(|p| p.id == request.placement_id) else {
                continue;
            };
            let linked = links.contains(&(placement.student_id, request.guardian_id));
            if !still_addressed(request, guardians.get(&request.guardian_id), linked) {
                stale.push(request.id);
                ended.insert(placement.id);
                request.expires_at = now;
            }
        }
        outcome.ended += ended.len();
        // A link still waiting to go out, to the right address but written
        // in a language no longer the guardian's (the school corrected it
        // meanwhile): the mail is held back and the link ends unseen, so
        // the guardian is asked below in theirs, as a corrected address is
        // (eyes41 F4). Once it went out, the page it opens follows their
        // language anyway.
        // (placement, guardian) of a reminder held back so: asked again as
        // a reminder, which keeps its "call through an interpreter" prompt
        // when it goes out (eyes41b G3).
        let mut held_reminders: HashSet<(i32, i32)> = HashSet::new();
        let waiting = mail::readdress::waiting_languages(
            db,
            &requests
                .iter()
                .filter(|r| live(r, now) && covered(r.guardian_id))
                .filter_map(|r| r.mail_id)
                .collect::<Vec<_>>(),
        )
        .await?;
        for request in requests
            .iter_mut()
            .filter(|r| live(r, now) && covered(r.guardian_id))
        {
            let (Some(mail_id), Some(guardian)) =
                (request.mail_id, guardians.get(&request.guardian_id))
            else {
                continue;
            };
            let Some(queued) = waiting.get(&mail_id) else {
                continue;
            };
            // A name corrected since greets the wrong person: the same.
            let why = if queued.language != families::lang_of(guardian).code() {
                mail::readdress::RELANGUAGED
            } else if renamed == Some(guardian.id) {
                mail::readdress::RENAMED
            } else {
                continue;
            };
            if mail::readdress::hold_relanguaged(db, mail_id, why, now).await? {
                stale.push(request.id);
                request.expires_at = now;
                if queued.notice_kind.as_deref() == Some("consent-reminder") {
                    held_reminders.insert((request.placement_id, guardian.id));
                }
            }
        }
        if !stale.is_empty() {
            consent_request::Entity::update_many()
                .col_expr(consent_request::Column::ExpiresAt, Expr::value(now))
                .filter(consent_request::Column::Id.is_in(stale))
                .exec(db)
                .await?;
        }
        let reachable = families::reachable_of(db, chunk).await?;
        for placement in &placements {
            let unasked: Vec<&guardian::Model> = reachable
                .iter()
                .filter(|(student, _)| *student == placement.student_id)
                .map(|(_, guardian)| guardian)
                .filter(|g| covered(g.id))
                .filter(|g| to_ask(&requests, placement.id, g.id, now, asking))
                .collect();
            if unasked.is_empty() {
                continue;
            }
            let opportunity =
                crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
            if !organization_verified(db, &opportunity).await? {
                continue;
            }
            let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
            // An adult's family, or that of a student the roster no longer
            // lists, is not asked (as "send again" and the reminder).
            if not_the_familys(&student, placement).is_some() {
                continue;
            }
            let facts = Facts::load(db, &opportunity).await?;
            let school = super::confirmation::school_of(db, &student).await?;
            let (mut asked, mut only_again) = (false, true);
            for guardian in unasked {
                let mail = LinkMail {
                    facts: &facts,
                    school: &school,
                    reminder: held_reminders.contains(&(placement.id, guardian.id)),
                };
                if !reaches_staff(db, guardian).await? {
                    let address = guardian.email.clone().unwrap_or_default();
                    only_again &= given_up.contains(&(placement.id, guardian.id, address));
                    mail_link(db, placement, &student, &mail, guardian, now).await?;
                    asked = true;
                }
            }
            outcome.asked += usize::from(asked);
            outcome.asked_again += usize::from(asked && only_again);
        }
    }
    Ok(outcome)
}

/// After an organization is verified again (a suspension lifted), in the
/// same transaction: nobody was asked for consent to its placements
/// meanwhile (see [`request`]), and nobody could answer, so each guardian
/// without a working link of one that waits is asked now: a contact
/// corrected or added during the suspension, and one whose link ran out
/// its days (eyes17c F3). Returns how many placements asked someone.
pub async fn after_verification(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<usize> {
    let postings = sea_orm::sea_query::Query::select()
        .column(opportunity::Column::Id)
        .from(opportunity::Entity)
        .and_where(opportunity::Column::OrganizationId.eq(organization_id))
        .to_owned();
    let students: Vec<i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::StudentId)
        .filter(placement::Column::OpportunityId.in_subquery(postings))
        .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(
        refresh(db, &students, Utc::now(), Asking::Everyone, None, None)
            .await?
            .asked,
    )
}

/// Whether a guardian's address reaches a staff or employer inbox through a
/// sub-address the SQL rule of `families::reachable_by_email` cannot see
/// (the account signs in with a `+tag` and the guardian's address has
/// another, or none): checked as each link is mailed.
async fn reaches_staff(db: &impl ConnectionTrait, guardian: &guardian::Model) -> AppResult<bool> {
    match guardian.email.as_deref() {
        Some(email) => families::is_staff_address(db, email).await,
        None => Ok(false),
    }
}

/// A link that can still be used, as far as dates go.
fn live(request: &consent_request::Model, now: DateTime<Utc>) -> bool {
    request.used_at.is_none() && request.expires_at > now
}

/// Whether `guardian_id` should get a link of the placement now: they hold
/// no working one, and (`Asking::Unreached`) their newest was never sent or
/// ended before its days ran out (it stopped reaching them, or they were
/// inactive).
fn to_ask(
    requests: &[consent_request::Model],
    placement_id: i32,
    guardian_id: i32,
    now: DateTime<Utc>,
    asking: Asking,
) -> bool {
    let newest = requests
        .iter()
        .filter(|r| r.placement_id == placement_id && r.guardian_id == guardian_id)
        .max_by_key(|r| (r.created_at, r.id));
    match newest {
        None => true,
        Some(r) if live(r, now) || r.used_at.is_some() => false,
        Some(_) if asking == Asking::Everyone => true,
        Some(r) => r.expires_at < r.created_at + chrono::Duration::days(LINK_DAYS),
    }
}

/// The request a link is, whatever became of it (only its digest is stored).
async fn request_of_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<consent_request::Model>> {
    Ok(consent_request::Entity::find()
        .filter(consent_request::Column::TokenHash.eq(tokens::digest(token)))
        .one(db)
        .await?)
}

/// Whom a consent link speaks for now, for the school contact its page
/// shows (see `families::link_language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// Its guardian, still an active contact of the placement's student at
    /// the address it went to: the placement's school answers.
    Contact(i32),
    /// Its guardian, active at the address it went to, but no longer that
    /// student's contact: only the schools of children still theirs.
    Guardian,
    /// Nobody the school writes to (an address corrected away from, a
    /// contact made inactive, a student's or staff inbox): no school.
    Nobody,
}

/// The guardian a consent link was sent to, used or not (a guardian reads
/// "expired" in their own language too), and whom it speaks for now.
pub async fn guardian_of_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<(guardian::Model, Holder)>> {
    let Some(request) = request_of_link(db, token).await? else {
        return Ok(None);
    };
    let Some(guardian) = guardian::Entity::find_by_id(request.guardian_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let student_id = placement::Entity::find_by_id(request.placement_id)
        .one(db)
        .await?
        .map(|p| p.student_id);
    let holder = match student_id {
        Some(student_id) if speaks_for_holder(db, &request, student_id).await? => {
            Holder::Contact(request.placement_id)
        }
        // The tests of `speaks_for_holder` but the link to this student: an
        // address that is a student's sign-in (another family's, recorded
        // by mistake) reads nothing of the guardian's schools (eyes41b G4).
        _ if guardian.active
            && families::same_address(guardian.email.as_deref(), Some(&request.email))
            && !families::is_staff_address(db, &request.email).await?
            && !families::is_student_inbox(
                db,
                &request.email,
                student_id.unwrap_or(-1),
                Some(guardian.id),
            )
            .await? =>
        {
            Holder::Guardian
        }
        _ => Holder::Nobody,
    };
    Ok(Some((guardian, holder)))
}

/// The placement and the decision this very link recorded, if it did
/// (`service::consent_by_link` answers the same decision posted again as
/// recorded: eyes14b F6).
pub async fn recorded_by_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<(placement::Model, bool)>> {
    let Some(request) = request_of_link(db, token).await? else {
        return Ok(None);
    };
    if request.used_at.is_none() {
        return Ok(None);
    }
    let placement = crate::db::found::<placement::Entity>(db, request.placement_id).await?;
    Ok(placement.consent_given.map(|given| (placement, given)))
}

/// The decision, checked.
pub struct Decision {
    pub guardian_name: String,
    pub relationship: String,
    pub given: bool,
    pub reason: Option<String>,
}

/// Records a decision only while the placement still waits for consent;
/// `false` when another decision got there first.
pub async fn decide(
    db: &impl ConnectionTrait,
    placement_id: i32,
    decision: &Decision,
    recorded_by: Option<i32>,
) -> AppResult<bool> {
    let now = Utc::now();
    let (status, ended_at) = if decision.given {
        (PlacementStatus::Active, None)
    } else {
        (PlacementStatus::ConsentDeclined, Some(now))
    };
    let updated = placement::Entity::update_many()
        .col_expr(placement::Column::Status, Expr::value(status))
        .col_expr(
            placement::Column::GuardianName,
            Expr::value(decision.guardian_name.clone()),
        )
        .col_expr(
            placement::Column::GuardianRelationship,
            Expr::value(decision.relationship.clone()),
        )
        .col_expr(placement::Column::ConsentGiven, Expr::value(decision.given))
        .col_expr(placement::Column::ConsentRecordedAt, Expr::value(now))
        .col_expr(
            placement::Column::ConsentRecordedBy,
            Expr::value(recorded_by),
        )
        .col_expr(
            placement::Column::ConsentDeclineReason,
            Expr::value(decision.reason.clone()),
        )
        .col_expr(
            placement::Column::ConsentTokenHash,
            Expr::value(None::<String>),
        )
        .col_expr(placement::Column::EndedAt, Expr::value(ended_at))
        .filter(placement::Column::Id.eq(placement_id))
        .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Marks one link used; `false` if it already was (a second tab), or it was
/// ended meanwhile: on PostgreSQL a change of contacts or a family's report
/// that ends the link while this request waits for its row is seen here,
/// after the lock, though the link looked open when it was read.
pub async fn mark_used(db: &impl ConnectionTrait, request_id: i32) -> AppResult<bool> {
    let now = Utc::now();
    let updated = consent_request::Entity::update_many()
        .col_expr(consent_request::Column::UsedAt, Expr::value(now))
        .filter(consent_request::Column::Id.eq(request_id))
        .filter(consent_request::Column::UsedAt.is_null())
        .filter(consent_request::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Where the latest consent email went, as the student may see it.
#[derive(Debug, Serialize)]
pub struct SentTo {
    /// The address, masked for students, whole for counselors.
    pub email: String,
    pub sent_on: String,
    /// Whether it went out, waits for the SMTP server, or was given up on:
    /// a page says "sent" only of mail the server accepted (eyes16b F4).
    pub delivery: mail::outbox::Delivery,
}

/// The consent status of a placement for its pages.
#[derive(Debug, Serialize)]
pub struct ConsentStatus {
    /// The links that still work; when none does, the newest round.
    pub sent_to: Vec<SentTo>,
    /// Each guardian's newest request whose mail was given up on, when no
    /// later one of theirs went out: "could not be delivered".
    pub undelivered: Vec<SentTo>,
    /// While the host is under review (not verified): each guardian's
    /// newest request held back for it, when no later one of theirs went
    /// out. Not a bad address, and counted toward no cap (eyes16c F4).
    pub held_back: Vec<SentTo>,
    /// The host is not verified now: no consent email goes out (sending
    /// again is refused), and the family is asked once it is verified.
    pub under_review: bool,
    /// Some link of `sent_to` still works (unused, unexpired); `false`
    /// after they ran out or were ended, so nobody reads "sent" as "on
    /// its way" when only "send again" helps.
    pub links_work: bool,
    /// No active guardian with an email: only the paper path is left.
    pub no_guardian_email: bool,
    /// Active guardians whose address a mail server refused for good (the
    /// address, masked as `sent_to` is, and the day): not mailed again
    /// until it changes (`families::bounces::record`).
    pub bounced: Vec<SentTo>,
    /// A family's report holds email consent (see `address_report`).
    pub held: bool,
    /// The family got `MOST_REQUESTS_FOR_STUDENT` emails: the student can
    /// no longer ask for another (their counselor can).
    pub asked_enough: bool,
    /// Home languages of the guardians the mail reaches that we do not
    /// write yet: their consent mail is in English (an interpreter helps);
    /// a signed one even when the family chose the language of our mail.
    pub unwritten_languages: Vec<String>,
}

/// The newest round of consent emails of a placement (masked when `mask`).
pub async fn status(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    mask: bool,
) -> AppResult<ConsentStatus> {
    statuses(db, &[(placement.id, placement.student_id)], mask)
        .await?
        .remove(&placement.id)
        .ok_or(AppError::NotFound)
}

/// The consent status of each of a page's placements (`(placement,
/// student)` pairs, at most a page of them) in a few queries whatever the
/// page's length: their consent emails, what became of those emails in the
/// outbox, the family reports holding them, and which of their students
/// have an active guardian with an email (as `families::reachable` reads
/// it).
pub async fn statuses(
    db: &impl ConnectionTrait,
    page: &[(i32, i32)],
    mask: bool,
) -> AppResult<HashMap<i32, ConsentStatus>> {
    let now = Utc::now();
    let placements: Vec<i32> = page.iter().map(|(p, _)| *p).collect();
    let students: Vec<i32> = page.iter().map(|(_, s)| *s).collect();
    let requests = consent_request::Entity::find()
        .filter(consent_request::Column::PlacementId.is_in(placements.iter().copied()))
        .order_by_desc(consent_request::Column::CreatedAt)
        .order_by_asc(consent_request::Column::Id)
        .all(db)
        .await?;
    let deliveries =
        mail::outbox::deliveries(db, requests.iter().filter_map(|r| r.mail_id)).await?;
    // A request made before requests recorded their mail reads as sent.
    let delivery = |r: &consent_request::Model| {
        r.mail_id
            .and_then(|id| deliveries.get(&id).copied())
            .unwrap_or(mail::outbox::Delivery::Sent)
    };
    let held = crate::families::address_report::held_among(db, &students).await?;
    let under_review = hosts_under_review(db, &placements).await?;
    // Guardians whose address was refused for good: the paper path.
    let bounced: Vec<(i32, Option<String>, Option<DateTime<Utc>>)> =
        entity::student_guardian::Entity::find()
            .select_only()
            .column(entity::student_guardian::Column::StudentId)
            .column(guardian::Column::Email)
            .column(guardian::Column::EmailBouncedAt)
            .join(
                JoinType::InnerJoin,
                entity::student_guardian::Entity::belongs_to(guardian::Entity)
                    .from(entity::student_guardian::Column::GuardianId)
                    .to(guardian::Column::Id)
                    .into(),
            )
            .filter(entity::student_guardian::Column::StudentId.is_in(students.clone()))
            .filter(guardian::Column::Active.eq(true))
            .filter(sea_orm::sea_query::ExprTrait::eq(
                Expr::col((guardian::Entity, guardian::Column::EmailBounced)),
                Expr::col((guardian::Entity, guardian::Column::Email)),
            ))
            .into_tuple()
            .all(db)
            .await?;
    // Each reachable guardian's student and languages (recorded, chosen).
    let reachable: Vec<(i32, String, Option<String>)> = entity::student_guardian::Entity::find()
        .select_only()
        .column(entity::student_guardian::Column::StudentId)
        .column(guardian::Column::Language)
        .column(guardian::Column::LanguageChosen)
        .join(
            JoinType::InnerJoin,
            entity::student_guardian::Entity::belongs_to(guardian::Entity)
                .from(entity::student_guardian::Column::GuardianId)
                .to(guardian::Column::Id)
                .into(),
        )
        .filter(entity::student_guardian::Column::StudentId.is_in(students))
        .filter(families::reachable_by_email())
        .into_tuple::<(i32, String, Option<String>)>()
        .all(db)
        .await?;
    let mut out = HashMap::with_capacity(page.len());
    for (placement_id, student_id) in page {
        // Mail given up on reached nobody: it is no request to count or
        // to call working, only one to say could not be delivered; mail
        // held back for a review is said to be held, while the review
        // lasts (once verified again, the family is asked afresh).
        let of_placement = || requests.iter().filter(|r| r.placement_id == *placement_id);
        let mine: Vec<&consent_request::Model> = of_placement()
            .filter(|r| {
                !matches!(
                    delivery(r),
                    mail::outbox::Delivery::Failed | mail::outbox::Delivery::Held
                )
            })
            .collect();
        let given_up: Vec<&consent_request::Model> = of_placement()
            .filter(|r| delivery(r) == mail::outbox::Delivery::Failed)
            .collect();
        let under_review = under_review.contains(placement_id);
        let held_back: Vec<&consent_request::Model> = of_placement()
            .filter(|r| under_review && delivery(r) == mail::outbox::Delivery::Held)
            .collect();
        let shown = |r: &consent_request::Model| SentTo {
            email: if mask {
                mail::masked(&r.email)
            } else {
                r.email.clone()
            },
            sent_on: r.created_at.date_naive().to_string(),
            delivery: delivery(r),
        };
        // Each guardian's newest such request, unless a later one of
        // theirs is on its way.
        let newest_unless_later = |rows: &[&consent_request::Model]| {
            let mut told = HashSet::new();
            rows.iter()
                .filter(|r| {
                    !mine
                        .iter()
                        .any(|m| m.guardian_id == r.guardian_id && m.created_at >= r.created_at)
                })
                .filter(|r| told.insert(r.guardian_id))
                .map(|r| shown(r))
                .collect::<Vec<SentTo>>()
        };
        let undelivered = newest_unless_later(&given_up);
        let held_back = newest_unless_later(&held_back);
        let newest = mine.first().map(|r| r.created_at);
        let mut moments: Vec<DateTime<Utc>> = mine.iter().map(|r| r.created_at).collect();
        moments.dedup();
        let links_work = mine.iter().any(|r| live(r, now));
        let sent_to = mine
            .iter()
            .filter(|r| {
                if links_work {
                    live(r, now)
                } else {
                    Some(r.created_at) == newest
                }
            })
            .map(|r| shown(r))
            .collect();
        let family: Vec<&(i32, String, Option<String>)> = reachable
            .iter()
            .filter(|(s, _, _)| s == student_id)
            .collect();
        // A family that chose the language of our mail reads it; one that
        // signs still needs a sign-language interpreter to talk it over.
        let mut unwritten: Vec<String> = family
            .iter()
            .filter(|(_, recorded, chosen)| chosen.is_none() || crate::languages::signed(recorded))
            .filter_map(|(_, recorded, _)| crate::languages::unwritten(recorded).map(String::from))
            .collect();
        unwritten.sort_unstable();
        unwritten.dedup();
        let held = held.contains(student_id);
        let bounced = bounced
            .iter()
            .filter(|(s, _, _)| s == student_id)
            .map(|(_, email, at)| {
                let email = email.clone().unwrap_or_default();
                SentTo {
                    email: if mask { mail::masked(&email) } else { email },
                    sent_on: at.map(|at| at.date_naive().to_string()).unwrap_or_default(),
                    delivery: mail::outbox::Delivery::Failed,
                }
            })
            .collect();
        out.insert(
            *placement_id,
            ConsentStatus {
                sent_to,
                undelivered,
                held_back,
                under_review,
                links_work,
                held,
                asked_enough: moments.len() >= MOST_REQUESTS_FOR_STUDENT,
                no_guardian_email: !held && family.is_empty(),
                bounced,
                unwritten_languages: unwritten,
            },
        );
    }
    Ok(out)
}

/// Which of `placements` have a host that is not verified now.
async fn hosts_under_review(
    db: &impl ConnectionTrait,
    placements: &[i32],
) -> AppResult<HashSet<i32>> {
    use sea_orm::sea_query::Query;
    let unverified = Query::select()
        .column(organization::Column::Id)
        .from(organization::Entity)
        .and_where(organization::Column::Status.ne(entity::OrgStatus::Verified))
        .to_owned();
    let postings = Query::select()
        .column(opportunity::Column::Id)
        .from(opportunity::Entity)
        .and_where(opportunity::Column::OrganizationId.in_subquery(unverified))
        .to_owned();
    Ok(placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .filter(placement::Column::Id.is_in(placements.iter().copied()))
        .filter(placement::Column::OpportunityId.in_subquery(postings))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Sends the consent email again: by the student (`RESEND_MINUTES` after
/// the last one, not a third within a day, and while the family got fewer
/// than `MOST_REQUESTS_FOR_STUDENT` in all) or by a counselor of the
/// student's school.
pub async fn resend(
    db: &DatabaseConnection,
    placement_id: i32,
    by: &CurrentUser,
    lang: Lang,
) -> AppResult<usize> {
    let txn = db::begin_write(db).await?;
    // Locked, so ten clicks at once (two tabs, two servers) read the
    // newest request one after another: one email, not ten.
    let placement = placement::Entity::find_by_id(placement_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let student = crate::db::found::<student::Entity>(&txn, placement.student_id).await?;
    if by.role == entity::Role::Student {
        if student.user_id != Some(by.id) {
            return Err(AppError::NotFound);
        }
        let moments = moments_asked(&txn, placement.id).await?;
        if let Some(refusal) = student_may_not_ask(&moments, Utc::now(), lang) {
            return Err(refusal);
        }
    } else {
        ensure_school_access(&txn, by, student.school_id).await?;
    }
    if placement.status != PlacementStatus::AwaitingConsent {
        return Err(AppError::Conflict(t(lang, "families-consent-not-pending")));
    }
    // An adult's family is not asked, nor told where the student will be.
    match not_the_familys(&student, &placement) {
        Some(LinkProblem::Adult) => {
            return Err(AppError::Conflict(t(lang, "families-resend-adult")));
        }
        Some(_) => return Err(AppError::Conflict(t(lang, "families-resend-left"))),
        None => {}
    }
    let opportunity =
        crate::db::found::<opportunity::Entity>(&txn, placement.opportunity_id).await?;
    if !organization_verified(&txn, &opportunity).await? {
        return Err(AppError::Conflict(t(
            lang,
            "families-resend-org-not-verified",
        )));
    }
    if crate::families::address_report::is_held(&txn, student.id).await? {
        return Err(AppError::Conflict(t(lang, "families-resend-held")));
    }
    let sent = request(&txn, &placement, &opportunity, &student).await?;
    if sent == 0 {
        // An address is on file, but its server refused it: say so, not
        // "no address" (eyes18a N1). A student reads it masked.
        let refused = crate::families::bounces::refused_of_student(&txn, student.id).await?;
        return Err(AppError::Conflict(match refused {
            Some((email, since)) => t_args(
                lang,
                "families-resend-bounced",
                vec![
                    (
                        "email",
                        if by.role == entity::Role::Student {
                            mail::masked(&email)
                        } else {
                            email
                        }
                        .into(),
                    ),
                    ("date", i18n::long_date(lang, since).into()),
                ],
            ),
            None => t(lang, "families-no-guardian-email"),
        }));
    }
    txn.commit().await?;
    Ok(sent)
}

/// A guardian of the link, for the consent page's greeting.
pub async fn guardian_of(
    db: &impl ConnectionTrait,
    request: &consent_request::Model,
) -> AppResult<guardian::Model> {
    crate::db::found::<guardian::Entity>(db, request.guardian_id).await
}
