//! SeaORM entities of STEMbridge and the enums they share with the rest of the app.
//!
//! This crate knows nothing about HTTP: it is the shape of the data, nothing more.

pub mod address_report;
pub mod application;
pub mod application_event;
pub mod audit_log;
pub mod belonging_response;
pub mod belonging_year;
pub mod commitment;
pub mod commitment_school;
pub mod consent_request;
pub mod counselor_school;
pub mod draw;
pub mod draw_entry;
pub mod draw_seed;
pub mod draw_ticket;
pub mod email_confirmation;
pub mod enums;
pub mod guardian;
pub mod hour_log;
pub mod impact_year;
pub mod job_lease;
pub mod mail_digest;
pub mod mail_outbox;
pub mod mail_outbox_organization;
pub mod mfa_recovery_code;
pub mod notification;
pub mod opportunity;
pub mod opportunity_feature;
pub mod organization;
pub mod organization_invite;
pub mod organization_suspension;
pub mod password_reset;
pub mod placement;
pub mod placement_calendar;
pub mod rate_limit;
pub mod roster_upload;
pub mod saved_search;
pub mod saved_search_alert;
pub mod school;
pub mod search_outbox;
pub mod server_state;
pub mod session;
pub mod student;
pub mod student_guardian;
pub mod student_need;
pub mod user;

pub use enums::*;

/// For `vocabulary!(serde ...)`, so the app's enums need no serde path of their own.
#[doc(hidden)]
pub use serde as __serde;
