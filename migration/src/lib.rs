//! Database migrations: one file per change, never edited once landed.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_accounts;
mod m20261122_000002_create_opportunities;
mod m20261122_000003_create_organization_invites;
mod m20261122_000004_add_student_profile;
mod m20261122_000005_create_applications;
mod m20261122_000006_add_roster_demographics;
mod m20261122_000007_index_student_lookups;
mod m20261128_000008_create_families_and_mail;
mod m20261128_000009_secure_accounts;
mod m20261128_000011_create_rate_limits;
mod m20261128_000012_add_user_language;
mod m20261128_000013_confirm_emails_and_seal_secrets;
mod m20261128_000014_add_mail_preferences;
mod m20261128_000015_add_posting_language;
mod m20261128_000016_add_notification_message_id;
mod m20261129_000017_add_seat_ends_and_mentors;
mod m20261129_000018_create_saved_searches_and_roster_uploads;
mod m20261129_000019_index_district_queries;
mod m20261129_000020_add_fair_draws_and_commitments;
mod m20261129_000021_add_claims_and_job_leases;
mod m20261129_000023_index_district_aggregates;
mod m20261129_000024_add_statistics_version;
mod m20261129_000025_add_draw_seeds_and_tickets;
mod m20261129_000026_scrub_sent_mail;
mod m20261129_000027_version_statistics_per_school;
mod m20261129_000028_add_mail_for_organization;
mod m20261129_000030_add_ticket_priority;
mod m20261130_000031_create_impact_years;
mod m20261130_000032_add_guardian_language_chosen;
mod m20261201_000033_add_organization_changes;
mod m20261202_000034_add_organization_keys_version;
mod m20261203_000035_create_address_report;
mod m20261204_000036_cancel_placements_ended_before_start;
mod m20261205_000037_create_organization_suspension;
mod m20261209_000041_add_mail_about_organization;
mod m20261210_000042_add_guardian_email_corrected_at;
mod m20261210_000043_keep_applicant_school_and_notice_student;
mod m20261211_000044_add_audit_actor_kind;
mod m20261211_000050_add_posting_created_with;
mod m20261212_000051_add_belonging_year;
mod m20261212_000053_add_consent_request_mail;
mod m20261213_000054_create_mail_outbox_organization;
mod m20261214_000055_index_mail_outbox_recipient;
mod m20261215_000056_add_mail_notice_and_placement;
mod m20261215_000058_add_roster_sources;
mod m20261215_000059_add_guardian_email_bounced;
mod m20261216_000057_create_placement_calendar;
mod m20261217_000061_add_mail_outbox_guardian;
mod m20261217_000062_add_school_contact;
mod m20261218_000063_add_mail_outbox_notice_words;

use std::sync::OnceLock;

/// How the application seals and opens a stored secret of a row (its id,
/// the value): only the application holds the key (`SECRET_KEY`), so it
/// hands these to the migrations that rewrite secrets before running them.
#[derive(Clone, Copy)]
pub struct SecretBox {
    pub seal: fn(i32, &str) -> Result<String, String>,
    pub open: fn(i32, &str) -> Result<String, String>,
    pub is_sealed: fn(&str) -> bool,
}

static SECRET_BOX: OnceLock<SecretBox> = OnceLock::new();

/// Installs the application's [`SecretBox`] (once per process; later calls
/// keep the first, which holds the same key).
pub fn install_secret_box(secret_box: SecretBox) {
    SECRET_BOX.get_or_init(|| secret_box);
}

/// The installed box; a migration that needs it fails without it rather
/// than leave secrets readable.
pub(crate) fn secret_box() -> Result<&'static SecretBox, DbErr> {
    SECRET_BOX.get().ok_or_else(|| {
        DbErr::Migration(
            "this migration seals stored secrets with SECRET_KEY: run it with `stembridge migrate`"
                .into(),
        )
    })
}

/// Applies every migration of STEMbridge in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_accounts::Migration),
            Box::new(m20261122_000002_create_opportunities::Migration),
            Box::new(m20261122_000003_create_organization_invites::Migration),
            Box::new(m20261122_000004_add_student_profile::Migration),
            Box::new(m20261122_000005_create_applications::Migration),
            Box::new(m20261122_000006_add_roster_demographics::Migration),
            Box::new(m20261122_000007_index_student_lookups::Migration),
            Box::new(m20261128_000008_create_families_and_mail::Migration),
            Box::new(m20261128_000009_secure_accounts::Migration),
            Box::new(m20261128_000011_create_rate_limits::Migration),
            Box::new(m20261128_000012_add_user_language::Migration),
            Box::new(m20261128_000013_confirm_emails_and_seal_secrets::Migration),
            Box::new(m20261128_000014_add_mail_preferences::Migration),
            Box::new(m20261128_000015_add_posting_language::Migration),
            Box::new(m20261128_000016_add_notification_message_id::Migration),
            Box::new(m20261129_000017_add_seat_ends_and_mentors::Migration),
            Box::new(m20261129_000018_create_saved_searches_and_roster_uploads::Migration),
            Box::new(m20261129_000019_index_district_queries::Migration),
            Box::new(m20261129_000020_add_fair_draws_and_commitments::Migration),
            Box::new(m20261129_000021_add_claims_and_job_leases::Migration),
            Box::new(m20261129_000023_index_district_aggregates::Migration),
            Box::new(m20261129_000024_add_statistics_version::Migration),
            Box::new(m20261129_000025_add_draw_seeds_and_tickets::Migration),
            Box::new(m20261129_000026_scrub_sent_mail::Migration),
            Box::new(m20261129_000027_version_statistics_per_school::Migration),
            Box::new(m20261129_000028_add_mail_for_organization::Migration),
            Box::new(m20261129_000030_add_ticket_priority::Migration),
            Box::new(m20261130_000031_create_impact_years::Migration),
            Box::new(m20261130_000032_add_guardian_language_chosen::Migration),
            Box::new(m20261201_000033_add_organization_changes::Migration),
            Box::new(m20261202_000034_add_organization_keys_version::Migration),
            Box::new(m20261203_000035_create_address_report::Migration),
            Box::new(m20261204_000036_cancel_placements_ended_before_start::Migration),
            Box::new(m20261205_000037_create_organization_suspension::Migration),
            Box::new(m20261209_000041_add_mail_about_organization::Migration),
            Box::new(m20261210_000042_add_guardian_email_corrected_at::Migration),
            Box::new(m20261210_000043_keep_applicant_school_and_notice_student::Migration),
            Box::new(m20261211_000044_add_audit_actor_kind::Migration),
            Box::new(m20261211_000050_add_posting_created_with::Migration),
            Box::new(m20261212_000051_add_belonging_year::Migration),
            Box::new(m20261212_000053_add_consent_request_mail::Migration),
            Box::new(m20261213_000054_create_mail_outbox_organization::Migration),
            Box::new(m20261214_000055_index_mail_outbox_recipient::Migration),
            Box::new(m20261215_000056_add_mail_notice_and_placement::Migration),
            Box::new(m20261215_000058_add_roster_sources::Migration),
            Box::new(m20261215_000059_add_guardian_email_bounced::Migration),
            Box::new(m20261216_000057_create_placement_calendar::Migration),
            Box::new(m20261217_000061_add_mail_outbox_guardian::Migration),
            Box::new(m20261217_000062_add_school_contact::Migration),
            Box::new(m20261218_000063_add_mail_outbox_notice_words::Migration),
        ]
    }
}
