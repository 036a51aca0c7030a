//! The closed vocabularies of the domain: roles, statuses, and the access-needs list.
//!
//! Each enum is stored as its snake_case key, which is also what URLs, forms and
//! the search index use, so one key means the same thing everywhere.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Implements `key()` / `from_key()` / `label()` / `ALL` for a string-backed enum.
macro_rules! vocabulary {
    ($name:ident { $($variant:ident = $key:literal => $label:literal),+ $(,)? }) => {
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

            /// Plain-words label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
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
    Student = "student" => "Student",
    Employer = "employer" => "Employer",
    Counselor = "counselor" => "Counselor",
    Admin = "admin" => "Administrator",
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
    Pending = "pending" => "Waiting for verification",
    Verified = "verified" => "Verified",
    Rejected = "rejected" => "Rejected",
    Suspended = "suspended" => "Suspended",
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
    Internship = "internship" => "Internship",
    JobShadow = "job_shadow" => "Job shadow",
    Apprenticeship = "apprenticeship" => "Apprenticeship",
    VirtualExperience = "virtual_experience" => "Virtual experience",
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
    ComputerScience = "computer_science" => "Computer science",
    Engineering = "engineering" => "Engineering",
    LifeSciences = "life_sciences" => "Life sciences",
    Health = "health" => "Health",
    PhysicalSciences = "physical_sciences" => "Physical sciences",
    MathAndData = "math_and_data" => "Math and data",
    EnvironmentalScience = "environmental_science" => "Environmental science",
    AdvancedManufacturing = "advanced_manufacturing" => "Advanced manufacturing",
});

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
    OnSite = "on_site" => "On site",
    Hybrid = "hybrid" => "Hybrid",
    Remote = "remote" => "Remote",
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
    Draft = "draft" => "Draft",
    Published = "published" => "Published",
    Closed = "closed" => "Closed",
    Archived = "archived" => "Archived",
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
    Unpaid = "unpaid" => "Unpaid",
    Hourly = "hourly" => "Paid hourly",
    Stipend = "stipend" => "Stipend",
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
    En = "en" => "English",
    Es = "es" => "Spanish",
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
    Paid = "paid" => "Paid",
    RemoteOk = "remote_ok" => "Can be done remotely",
    TransitAccessible = "transit_accessible" => "Near public transit",
    TransportationSupport = "transportation_support" => "Transportation support",
    WheelchairAccessible = "wheelchair_accessible" => "Wheelchair accessible",
    FlexibleSchedule = "flexible_schedule" => "Flexible schedule",
    AfterSchool = "after_school" => "After school",
    Weekends = "weekends" => "Weekends",
    Summer = "summer" => "Summer",
    EquipmentProvided = "equipment_provided" => "Equipment provided",
    AslOrCaptioning = "asl_or_captioning" => "ASL or captioning",
    NoExperienceRequired = "no_experience_required" => "No experience required",
    MentorAssigned = "mentor_assigned" => "Mentor assigned",
});

impl AccessNeed {
    /// What the feature promises the student, in one plain sentence.
    pub fn promise(self) -> &'static str {
        match self {
            AccessNeed::Paid => "Paid hourly or with a stipend.",
            AccessNeed::RemoteOk => "Can be done fully remotely.",
            AccessNeed::TransitAccessible => {
                "The site is within a 10-minute walk of public transit."
            }
            AccessNeed::TransportationSupport => {
                "Rides, transit passes or a travel stipend are provided."
            }
            AccessNeed::WheelchairAccessible => "Step-free site and an accessible restroom.",
            AccessNeed::FlexibleSchedule => {
                "Hours can be arranged around school and family duties."
            }
            AccessNeed::AfterSchool => "Takes place after school.",
            AccessNeed::Weekends => "Takes place on weekends.",
            AccessNeed::Summer => "Takes place in the summer.",
            AccessNeed::EquipmentProvided => "A laptop or internet hotspot is provided.",
            AccessNeed::AslOrCaptioning => "ASL interpreting or live captioning is available.",
            AccessNeed::NoExperienceRequired => "No prior coursework or experience needed.",
            AccessNeed::MentorAssigned => "A named mentor meets the student regularly.",
        }
    }
}

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
    Submitted = "submitted" => "Submitted",
    Reviewing = "reviewing" => "Being reviewed",
    Interview = "interview" => "Interview",
    Offered = "offered" => "Offer made",
    Accepted = "accepted" => "Accepted",
    Declined = "declined" => "Declined by the student",
    Rejected = "rejected" => "Not selected",
    Withdrawn = "withdrawn" => "Withdrawn",
    Waitlisted = "waitlisted" => "On the wait list",
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
}
vocabulary!(PlacementStatus {
    AwaitingConsent = "awaiting_consent" => "Waiting for guardian consent",
    Active = "active" => "Active",
    Completed = "completed" => "Completed",
    EndedEarly = "ended_early" => "Ended early",
    ConsentDeclined = "consent_declined" => "Guardian declined",
});

impl PlacementStatus {
    /// The statuses that hold one of the opportunity's slots.
    pub const HOLDING_A_SLOT: [PlacementStatus; 4] = [
        Self::AwaitingConsent,
        Self::Active,
        Self::Completed,
        Self::EndedEarly,
    ];
}

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
    Pending = "pending" => "Waiting for approval",
    Approved = "approved" => "Approved",
    Rejected = "rejected" => "Not approved",
});
