//! The closed vocabularies of the domain: roles, statuses, and the access-needs list.
//!
//! Each enum is stored as its snake_case key, which is also what URLs, forms and
//! the search index use, so one key means the same thing everywhere.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Implements `key()` / `from_key()` / `ALL` for a string-backed enum. What
/// people read for a key comes from the app's message catalogue
/// (`vocab-<vocabulary>-<key>`), in their language. Exported, so the app's
/// own key/label enums (actions, stages...) come from the same mechanism.
#[macro_export]
macro_rules! vocabulary {
    ($name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key used in the database, URLs and forms.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a key; `None` when it is not part of the vocabulary.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[sea_orm(string_value = "student")]
    Student,
    #[sea_orm(string_value = "employer")]
    Employer,
    #[sea_orm(string_value = "counselor")]
    Counselor,
    #[sea_orm(string_value = "admin")]
    Admin,
}
vocabulary!(Role {
    Student = "student",
    Employer = "employer",
    Counselor = "counselor",
    Admin = "admin",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum OrgStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "verified")]
    Verified,
    #[sea_orm(string_value = "rejected")]
    Rejected,
    #[sea_orm(string_value = "suspended")]
    Suspended,
}
vocabulary!(OrgStatus {
    Pending = "pending",
    Verified = "verified",
    Rejected = "rejected",
    Suspended = "suspended",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum OpportunityKind {
    #[sea_orm(string_value = "internship")]
    Internship,
    #[sea_orm(string_value = "job_shadow")]
    JobShadow,
    #[sea_orm(string_value = "apprenticeship")]
    Apprenticeship,
    #[sea_orm(string_value = "virtual_experience")]
    VirtualExperience,
}
vocabulary!(OpportunityKind {
    Internship = "internship",
    JobShadow = "job_shadow",
    Apprenticeship = "apprenticeship",
    VirtualExperience = "virtual_experience",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum StemField {
    #[sea_orm(string_value = "computer_science")]
    ComputerScience,
    #[sea_orm(string_value = "engineering")]
    Engineering,
    #[sea_orm(string_value = "life_sciences")]
    LifeSciences,
    #[sea_orm(string_value = "health")]
    Health,
    #[sea_orm(string_value = "physical_sciences")]
    PhysicalSciences,
    #[sea_orm(string_value = "math_and_data")]
    MathAndData,
    #[sea_orm(string_value = "environmental_science")]
    EnvironmentalScience,
    #[sea_orm(string_value = "advanced_manufacturing")]
    AdvancedManufacturing,
}
vocabulary!(StemField {
    ComputerScience = "computer_science",
    Engineering = "engineering",
    LifeSciences = "life_sciences",
    Health = "health",
    PhysicalSciences = "physical_sciences",
    MathAndData = "math_and_data",
    EnvironmentalScience = "environmental_science",
    AdvancedManufacturing = "advanced_manufacturing",
});

impl StemField {
    /// The field's English name, as indexed text for search to match (a
    /// query for "engineering" finds engineering postings). Never shown:
    /// people read `vocab-field-<key>` from the catalogue.
    pub fn label(self) -> &'static str {
        match self {
            StemField::ComputerScience => "Computer science",
            StemField::Engineering => "Engineering",
            StemField::LifeSciences => "Life sciences",
            StemField::Health => "Health",
            StemField::PhysicalSciences => "Physical sciences",
            StemField::MathAndData => "Math and data",
            StemField::EnvironmentalScience => "Environmental science",
            StemField::AdvancedManufacturing => "Advanced manufacturing",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    #[sea_orm(string_value = "on_site")]
    OnSite,
    #[sea_orm(string_value = "hybrid")]
    Hybrid,
    #[sea_orm(string_value = "remote")]
    Remote,
}
vocabulary!(WorkMode {
    OnSite = "on_site",
    Hybrid = "hybrid",
    Remote = "remote",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "published")]
    Published,
    #[sea_orm(string_value = "closed")]
    Closed,
    #[sea_orm(string_value = "archived")]
    Archived,
}
vocabulary!(OpportunityStatus {
    Draft = "draft",
    Published = "published",
    Closed = "closed",
    Archived = "archived",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum Compensation {
    #[sea_orm(string_value = "unpaid")]
    Unpaid,
    #[sea_orm(string_value = "hourly")]
    Hourly,
    #[sea_orm(string_value = "stipend")]
    Stipend,
}
vocabulary!(Compensation {
    Unpaid = "unpaid",
    Hourly = "hourly",
    Stipend = "stipend",
});

/// The language a posting's own text is written in: search analyses the
/// text as that language (Spanish stemming and stop words for `es`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
#[serde(rename_all = "snake_case")]
pub enum PostingLanguage {
    /// Everything posted before postings had a language was English.
    #[default]
    #[sea_orm(string_value = "en")]
    En,
    #[sea_orm(string_value = "es")]
    Es,
}
vocabulary!(PostingLanguage {
    En = "en",
    Es = "es",
});

/// The access-needs vocabulary of DESIGN.md: the single source of truth for the
/// database, the search index, the posting form, the student profile and the filters.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum AccessNeed {
    #[sea_orm(string_value = "paid")]
    Paid,
    #[sea_orm(string_value = "remote_ok")]
    RemoteOk,
    #[sea_orm(string_value = "transit_accessible")]
    TransitAccessible,
    #[sea_orm(string_value = "transportation_support")]
    TransportationSupport,
    #[sea_orm(string_value = "wheelchair_accessible")]
    WheelchairAccessible,
    #[sea_orm(string_value = "flexible_schedule")]
    FlexibleSchedule,
    #[sea_orm(string_value = "after_school")]
    AfterSchool,
    #[sea_orm(string_value = "weekends")]
    Weekends,
    #[sea_orm(string_value = "summer")]
    Summer,
    #[sea_orm(string_value = "equipment_provided")]
    EquipmentProvided,
    #[sea_orm(string_value = "asl_or_captioning")]
    AslOrCaptioning,
    #[sea_orm(string_value = "no_experience_required")]
    NoExperienceRequired,
    #[sea_orm(string_value = "mentor_assigned")]
    MentorAssigned,
}
vocabulary!(AccessNeed {
    Paid = "paid",
    RemoteOk = "remote_ok",
    TransitAccessible = "transit_accessible",
    TransportationSupport = "transportation_support",
    WheelchairAccessible = "wheelchair_accessible",
    FlexibleSchedule = "flexible_schedule",
    AfterSchool = "after_school",
    Weekends = "weekends",
    Summer = "summer",
    EquipmentProvided = "equipment_provided",
    AslOrCaptioning = "asl_or_captioning",
    NoExperienceRequired = "no_experience_required",
    MentorAssigned = "mentor_assigned",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    #[sea_orm(string_value = "submitted")]
    Submitted,
    #[sea_orm(string_value = "reviewing")]
    Reviewing,
    #[sea_orm(string_value = "interview")]
    Interview,
    #[sea_orm(string_value = "offered")]
    Offered,
    #[sea_orm(string_value = "accepted")]
    Accepted,
    #[sea_orm(string_value = "declined")]
    Declined,
    #[sea_orm(string_value = "rejected")]
    Rejected,
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
    /// Job shadows only: every seat was taken; moves up when one frees.
    #[sea_orm(string_value = "waitlisted")]
    Waitlisted,
}
vocabulary!(ApplicationStatus {
    Submitted = "submitted",
    Reviewing = "reviewing",
    Interview = "interview",
    Offered = "offered",
    Accepted = "accepted",
    Declined = "declined",
    Rejected = "rejected",
    Withdrawn = "withdrawn",
    Waitlisted = "waitlisted",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PlacementStatus {
    #[sea_orm(string_value = "awaiting_consent")]
    AwaitingConsent,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "ended_early")]
    EndedEarly,
    #[sea_orm(string_value = "consent_declined")]
    ConsentDeclined,
    /// The student gave the seat back after accepting it.
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
}
vocabulary!(PlacementStatus {
    AwaitingConsent = "awaiting_consent",
    Active = "active",
    Completed = "completed",
    EndedEarly = "ended_early",
    ConsentDeclined = "consent_declined",
    Withdrawn = "withdrawn",
});

impl PlacementStatus {
    /// The statuses that hold one of the opportunity's slots. A placement
    /// that ended early or was withdrawn gives its seat back; a completed
    /// one used it.
    pub const HOLDING_A_SLOT: [PlacementStatus; 3] =
        [Self::AwaitingConsent, Self::Active, Self::Completed];

    /// The statuses that count a student as placed on the dashboard (an
    /// accepted placement that went ahead, even if it ended early).
    pub const PLACED: [PlacementStatus; 4] = [
        Self::AwaitingConsent,
        Self::Active,
        Self::Completed,
        Self::EndedEarly,
    ];

    /// Still to come or under way: what a withdrawal or an early end stops.
    pub const OPEN: [PlacementStatus; 2] = [Self::AwaitingConsent, Self::Active];
}

/// Why a student gives back a seat they accepted (a short list, plus an
/// optional note in their words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawReason {
    ScheduleConflict,
    Transportation,
    FamilyOrHealth,
    SchoolWorkload,
    NotAFit,
    Other,
}
vocabulary!(WithdrawReason {
    ScheduleConflict = "schedule_conflict",
    Transportation = "transportation",
    FamilyOrHealth = "family_or_health",
    SchoolWorkload = "school_workload",
    NotAFit = "not_a_fit",
    Other = "other",
});

/// Why an employer or a counselor ends a placement before its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    StudentRequest,
    Attendance,
    Safety,
    OrganizationChange,
    Other,
}
vocabulary!(EndReason {
    StudentRequest = "student_request",
    Attendance = "attendance",
    Safety = "safety",
    OrganizationChange = "organization_change",
    Other = "other",
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum HoursStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "approved")]
    Approved,
    #[sea_orm(string_value = "rejected")]
    Rejected,
}
vocabulary!(HoursStatus {
    Pending = "pending",
    Approved = "approved",
    Rejected = "rejected",
});

/// How a posting's seats are given. A fair draw (the default for job
/// shadows and virtual experiences) collects applications until the deadline
/// and then draws the seats by lot, first-time students first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum Allocation {
    #[sea_orm(string_value = "first_come")]
    FirstCome,
    #[sea_orm(string_value = "fair_draw")]
    FairDraw,
}
vocabulary!(Allocation {
    FirstCome = "first_come",
    FairDraw = "fair_draw",
});

impl Allocation {
    /// What a new posting of `kind` uses unless the employer chooses.
    pub fn default_for(kind: OpportunityKind) -> Self {
        match kind {
            OpportunityKind::JobShadow | OpportunityKind::VirtualExperience => Self::FairDraw,
            OpportunityKind::Internship | OpportunityKind::Apprenticeship => Self::FirstCome,
        }
    }

    /// Whether `kind` may use this: a draw gives seats, so it is for the
    /// seat-based kinds; internships and apprenticeships are chosen by the employer.
    pub fn allowed_for(self, kind: OpportunityKind) -> bool {
        self == Self::FirstCome || Self::default_for(kind) == Self::FairDraw
    }
}

/// The optional kinds of email a person can choose to receive (and leave
/// with one click). Consent requests and safety messages are not topics:
/// nobody can unsubscribe from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTopic {
    /// Offers and decisions (students), new applications and consent
    /// outcomes (employers), placement confirmations (students, guardians).
    Updates,
    /// The weekly digest of new opportunities matching a student's needs.
    Digest,
}
vocabulary!(MailTopic {
    Updates = "updates",
    Digest = "digest",
});

/// Where a roster upload from the web stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum RosterUploadStatus {
    /// Being checked and imported.
    #[sea_orm(string_value = "running")]
    Running,
    /// Imported: the outcome holds the summary.
    #[sea_orm(string_value = "imported")]
    Imported,
    /// Refused: the outcome holds the errors; nothing was written.
    #[sea_orm(string_value = "refused")]
    Refused,
    /// The import failed (the server stopped or the database refused);
    /// nothing was written.
    #[sea_orm(string_value = "failed")]
    Failed,
}
vocabulary!(RosterUploadStatus {
    Running = "running",
    Imported = "imported",
    Refused = "refused",
    Failed = "failed",
});
