//! An email waiting to be sent (or sent, or failed for good), written in the
//! same transaction as the change that causes it.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub recipient: String,
    /// BCP 47 code of the language the message is written in.
    pub language: String,
    /// What the message is about (`consent_request`, ...), for admins.
    pub kind: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment: Option<String>,
    pub attempts: i32,
    pub created_at: DateTimeUtc,
    pub next_attempt_at: DateTimeUtc,
    /// Set only once the SMTP server accepted the message.
    pub sent_at: Option<DateTimeUtc>,
    /// Set when the worker gave up; the message is then only read by admins.
    pub failed_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    /// Optional mail only: the site path that unsubscribes its recipient
    /// from its kind (`List-Unsubscribe`); consent and safety mail has none.
    pub unsubscribe_path: Option<String>,
    /// The server round applying (or sending) this row, while it does.
    pub claimed_by: Option<String>,
    /// When that claim lapses: a server that died mid-round gives its rows
    /// back to the others then.
    pub claimed_until: Option<DateTimeUtc>,
    /// Mail to an organization's employers: that organization. The worker
    /// holds it back if the organization is no longer verified, or the
    /// recipient no longer one of its enabled employers, when it goes out.
    pub for_organization_id: Option<i32>,
    /// Mail to a family about a placement: the host organization. The
    /// worker holds it back if that organization is no longer verified.
    pub about_organization_id: Option<i32>,
    /// Which notice a `notice` mail is (`mentor-guardian`,
    /// `placement-paused-student`...: the catalogue's `mail-<kind>-*`);
    /// `None` for other templates and for mail queued before migration 56.
    pub notice_kind: Option<String>,
    /// The placement the message is about, if it is about one.
    pub placement_id: Option<i32>,
    /// A notice or consent request to a guardian: that guardian, found by
    /// it whatever their address is now; `None` for other mail (migration 61).
    pub guardian_id: Option<i32>,
    /// A notice to a guardian: what it says in no language yet
    /// (`mail::notices`), sealed as the bodies are (its link may be a
    /// withdrawal link), so that one re-addressed goes in the language the
    /// guardian has then; deleted with the bodies (migration 63).
    pub notice_words: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
