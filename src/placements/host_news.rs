//! What the mail of a host's suspension (`pause`) and of its reinstatement
//! (`resume`) share: one placement's news, told to its student and to the
//! guardians chosen, each in their language and whatever they chose about
//! optional mail (a safety message, and the one that undoes it), with the
//! calendar entry of its confirmation cancelled or put back by a new
//! revision for those the confirmation was sent to.

use chrono::NaiveDate;
use entity::{guardian, opportunity, placement, student};
use sea_orm::ConnectionTrait;

use super::{
    calendar_revision::Revision,
    confirmation::{CalendarFile, Entry, calendar_entry, school_of},
    consent::Facts,
};
use crate::{
    error::AppResult,
    mail::{
        notices::{Notice, send},
        preferences::{guardian_always, user_always},
    },
};

/// One placement's news about its host, as every message of it says it.
pub(super) struct HostNews<'a> {
    pub placement: &'a placement::Model,
    pub opportunity: &'a opportunity::Model,
    pub student: &'a student::Model,
    pub facts: Facts,
    pub school: String,
    /// The calendar entry's new revision, for a placement under way.
    pub revision: Option<Revision>,
    /// The entry is cancelled (a pause), else confirmed again.
    pub cancelled: bool,
    /// The host, when the news is held back with the rest of its mail if
    /// it is suspended again before this goes out (a reinstatement's: the
    /// pause itself must go).
    pub about_organization: Option<i32>,
    /// A day the text names (the first the student may go again).
    pub date: Option<NaiveDate>,
}

impl<'a> HostNews<'a> {
    /// The news of `placement`, with what every message of it names.
    pub async fn load(
        db: &impl ConnectionTrait,
        placement: &'a placement::Model,
        opportunity: &'a opportunity::Model,
        student: &'a student::Model,
    ) -> AppResult<Self> {
        Ok(HostNews {
            placement,
            opportunity,
            student,
            facts: Facts::load(db, opportunity).await?,
            school: school_of(db, student).await?,
            revision: None,
            cancelled: false,
            about_organization: None,
            date: None,
        })
    }

    /// The message `kind` to `name`.
    pub fn notice<'n>(&'n self, kind: &'n str, name: &'n str, link: String) -> Notice<'n> {
        Notice {
            kind,
            name,
            title: &self.facts.title,
            organization: &self.facts.organization,
            student: &self.student.first_name,
            school: &self.school,
            person: "",
            link,
            facts: None,
            calendar: None,
            for_organization: None,
            about_organization: self.about_organization,
            placement: Some(self.placement.id),
            date: self.date,
        }
    }

    /// The calendar entry at `revision`, for the student or a guardian.
    fn calendar(&self, student_reads: bool, revision: Revision) -> CalendarFile {
        calendar_entry(
            self.placement,
            self.opportunity,
            &self.facts,
            self.student,
            Entry {
                school: &self.school,
                student_reads,
                cancelled: self.cancelled,
                revision,
            },
        )
    }

    /// Tells the student, by their account (a confirmed address only:
    /// `mail::enqueue`), with the calendar entry when it has a revision.
    pub async fn tell_student(&self, db: &impl ConnectionTrait, kind: &str) -> AppResult<()> {
        let Some(user_id) = self.student.user_id else {
            return Ok(());
        };
        let Some(to) = user_always(db, user_id).await? else {
            return Ok(());
        };
        let link = format!("/student/placements/{}", self.placement.id);
        let mut notice = self.notice(kind, &self.student.first_name, link);
        notice.calendar = self.revision.map(|revision| self.calendar(true, revision));
        send(db, &to, notice).await?;
        Ok(())
    }

    /// Tells each active guardian with an address whom `chosen` picks; the
    /// calendar entry goes to them when their consent started the placement
    /// (their confirmation put it in their calendar). The contacts of a
    /// student held by a family's report hear nothing (they may be the
    /// ones reported), as for a confirmation.
    pub async fn tell_guardians(
        &self,
        db: &impl ConnectionTrait,
        kind: &str,
        chosen: impl Fn(&guardian::Model) -> bool,
    ) -> AppResult<()> {
        if crate::families::address_report::is_held(db, self.student.id).await? {
            return Ok(());
        }
        let revision = self
            .revision
            .filter(|_| self.placement.consent_given == Some(true));
        for guardian in crate::families::service::of_student(db, self.student.id).await? {
            if !chosen(&guardian) {
                continue;
            }
            let Some(to) = guardian_always(&guardian) else {
                continue;
            };
            let name = crate::families::service::full_name(&guardian);
            let mut notice = self.notice(kind, &name, String::new());
            notice.calendar = revision.map(|revision| self.calendar(false, revision));
            send(db, &to, notice).await?;
        }
        Ok(())
    }
}
