//! The closed vocabularies of the domain: roles, statuses, and the access-needs list.
//!
//! Each enum is stored as its snake_case key, which is also what URLs, forms and
//! the search index use, so one key means the same thing everywhere.

use sea_orm::entity::prelude::*;

/// Defines a key/label enum: the enum, `ALL` (display order), `key()`,
/// `from_key()`, `Display`, and `Serialize`/`Deserialize` through the keys,
/// so each key is written once and a form, a query string or axum's
/// `Path<(i32, Name)>` reads the enum directly. What people read for a key
/// comes from the app's message catalogue (`vocab-<vocabulary>-<key>`), in
/// their language. Exported: the app's own vocabularies (actions, sorts,
/// dimensions, flash kinds, audit actions...) come from the same mechanism.
///
/// `vocabulary! { stored ... }` also makes each key the variant's sea-orm
/// `string_value`: for enums stored in a column (derive `DeriveActiveEnum`
/// and give `#[sea_orm(rs_type = "String", db_type = ...)]`).
#[macro_export]
macro_rules! vocabulary {
    (@impl $name:ident { $($variant:ident = $key:literal),+ }) => {
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every key, in display order.
            #[allow(dead_code, reason = "not every vocabulary lists its keys")]
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The stable key used in the database, URLs and forms.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a key; `None` when it is not part of the vocabulary.
            pub fn from_key(key: &str) -> ::std::option::Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let key = <::std::string::String as $crate::__serde::Deserialize>::deserialize(d)?;
                $name::from_key(&key).ok_or_else(|| {
                    <D::Error as $crate::__serde::de::Error>::unknown_variant(&key, &[$($key),+])
                })
            }
        }
    };
    (stored $(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* #[sea_orm(string_value = $key)] $variant),+
        }
        $crate::vocabulary!(@impl $name { $($variant = $key),+ });
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }
        $crate::vocabulary!(@impl $name { $($variant = $key),+ });
    };
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum Role {
        Student = "student",
        Employer = "employer",
        Counselor = "counselor",
        Admin = "admin",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum OrgStatus {
        Pending = "pending",
        Verified = "verified",
        Rejected = "rejected",
        Suspended = "suspended",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
    pub enum OpportunityKind {
        Internship = "internship",
        JobShadow = "job_shadow",
        Apprenticeship = "apprenticeship",
        VirtualExperience = "virtual_experience",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
    pub enum StemField {
        ComputerScience = "computer_science",
        Engineering = "engineering",
        LifeSciences = "life_sciences",
        Health = "health",
        PhysicalSciences = "physical_sciences",
        MathAndData = "math_and_data",
        EnvironmentalScience = "environmental_science",
        AdvancedManufacturing = "advanced_manufacturing",
    }
}

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

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum WorkMode {
        OnSite = "on_site",
        Hybrid = "hybrid",
        Remote = "remote",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum OpportunityStatus {
        Draft = "draft",
        Published = "published",
        Closed = "closed",
        Archived = "archived",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum Compensation {
        Unpaid = "unpaid",
        Hourly = "hourly",
        Stipend = "stipend",
    }
}

vocabulary! {
    stored
    /// The language a posting's own text is written in: search analyses the
    /// text as that language (Spanish stemming and stop words for `es`).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
    pub enum PostingLanguage {
        /// Everything posted before postings had a language was English.
        #[default]
        En = "en",
        Es = "es",
    }
}

vocabulary! {
    stored
    /// The access-needs vocabulary of DESIGN.md: the single source of truth for the
    /// database, the search index, the posting form, the student profile and the filters.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
    pub enum AccessNeed {
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
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum ApplicationStatus {
        Submitted = "submitted",
        Reviewing = "reviewing",
        Interview = "interview",
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
        /// Job shadows only: every seat was taken; moves up when one frees.
        Waitlisted = "waitlisted",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
    pub enum PlacementStatus {
        AwaitingConsent = "awaiting_consent",
        Active = "active",
        Completed = "completed",
        EndedEarly = "ended_early",
        ConsentDeclined = "consent_declined",
        /// The student gave the seat back after accepting it.
        Withdrawn = "withdrawn",
        /// Ended by the student's school before it started (waiting for
        /// consent, or before its first day): it never went ahead.
        Cancelled = "cancelled",
    }
}

impl PlacementStatus {
    /// The statuses that hold one of the opportunity's slots. A placement
    /// that ended early or was withdrawn gives its seat back; a completed
    /// one used it.
    pub const HOLDING_A_SLOT: [PlacementStatus; 3] =
        [Self::AwaitingConsent, Self::Active, Self::Completed];

    /// The statuses that count a student as placed, on the dashboard and in
    /// a fair draw's tiers: an accepted placement that is going ahead or went
    /// ahead, even if it ended early. One given back by the student, declined
    /// by a guardian or called off before it started (`Cancelled`) does not
    /// count.
    pub const PLACED: [PlacementStatus; 4] = [
        Self::AwaitingConsent,
        Self::Active,
        Self::Completed,
        Self::EndedEarly,
    ];

    /// Still to come or under way: what a withdrawal or an early end stops.
    pub const OPEN: [PlacementStatus; 2] = [Self::AwaitingConsent, Self::Active];
}

vocabulary! {
    /// Why a student gives back a seat they accepted (a short list, plus an
    /// optional note in their words).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum WithdrawReason {
        ScheduleConflict = "schedule_conflict",
        Transportation = "transportation",
        FamilyOrHealth = "family_or_health",
        SchoolWorkload = "school_workload",
        NotAFit = "not_a_fit",
        Other = "other",
    }
}

vocabulary! {
    /// Why an employer or a counselor ends a placement before its time (or
    /// why the system closed one that never started).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum EndReason {
        StudentRequest = "student_request",
        Attendance = "attendance",
        Safety = "safety",
        OrganizationChange = "organization_change",
        /// A guardian took their consent back (told to the school): only
        /// the school records it.
        ConsentWithdrawn = "consent_withdrawn",
        Other = "other",
        /// No guardian's consent was recorded before the placement's dates
        /// were over: only the system gives it, never a person's form.
        ConsentNotReceived = "consent_not_received",
    }
}

vocabulary! {
    stored
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum HoursStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

vocabulary! {
    stored
    /// How a posting's seats are given. A fair draw (the default for job
    /// shadows and virtual experiences) collects applications until the deadline
    /// and then draws the seats by lot, first-time students first.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum Allocation {
        FirstCome = "first_come",
        FairDraw = "fair_draw",
    }
}

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

vocabulary! {
    /// The optional kinds of email a person can choose to receive (and leave
    /// with one click). Consent requests and safety messages are not topics:
    /// nobody can unsubscribe from them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MailTopic {
        /// Offers and decisions (students), new applications and consent
        /// outcomes (employers), placement confirmations (students, guardians).
        Updates = "updates",
        /// The weekly digest of new opportunities matching a student's needs.
        Digest = "digest",
    }
}

vocabulary! {
    stored
    /// Where a roster upload from the web stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum RosterUploadStatus {
        /// Being checked and imported.
        Running = "running",
        /// Imported: the outcome holds the summary.
        Imported = "imported",
        /// Refused: the outcome holds the errors; nothing was written.
        Refused = "refused",
        /// The import failed (the server stopped or the database refused);
        /// nothing was written.
        Failed = "failed",
    }
}

vocabulary! {
    stored
    /// When a student answered "I feel like I belong in STEM": before the
    /// placement starts, and after it ends.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
    pub enum BelongingStage {
        Before = "before",
        After = "after",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    vocabulary! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Shade {
            Light = "light",
            DarkBlue = "dark-blue",
        }
    }

    #[test]
    fn a_serde_vocabulary_reads_and_writes_its_keys_and_refuses_others() {
        assert_eq!(
            serde_json::to_string(&Shade::DarkBlue).unwrap(),
            "\"dark-blue\""
        );
        let read: Shade = serde_json::from_str("\"light\"").unwrap();
        assert_eq!(read, Shade::Light);
        let error = serde_json::from_str::<Shade>("\"dark_blue\"").unwrap_err();
        assert!(error.to_string().contains("unknown variant"), "{error}");
        assert_eq!(Shade::ALL, &[Shade::Light, Shade::DarkBlue]);
    }

    #[test]
    fn stored_keys_are_the_database_values() {
        for stage in BelongingStage::ALL {
            assert_eq!(stage.to_value(), stage.key());
        }
        for need in AccessNeed::ALL {
            assert_eq!(need.to_value(), need.key());
        }
        assert_eq!(
            PostingLanguage::try_from_value(&"es".to_owned()).unwrap(),
            PostingLanguage::Es
        );
    }
}
