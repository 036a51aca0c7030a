//! Black-box tests: the real app on an ephemeral port with a fresh database,
//! driven over HTTP. Each test runs on SQLite, and on PostgreSQL too when
//! `TEST_DATABASE_URL` is set.

#![expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on any unexpected error"
)]

mod browser;
mod helpers;
mod mail_server;

mod access;
mod account_security;
mod accounts;
mod alerts;
mod api_docs;
mod applications;
mod auth;
mod authorization;
mod bidi_mail;
mod bounced_addresses;
mod clients;
mod commitments;
mod consent_holds;
mod counseling;
mod draws;
mod email;
mod ended_relationships;
mod families;
mod family_news;
mod former_contacts;
mod fuzz;
mod guardian_contacts;
mod guardian_pages;
mod guardian_privacy;
mod home_languages;
mod i18n;
mod i18n_completeness;
mod impact;
mod integrity;
mod interpreter_prompts;
mod iso_639_3_home_languages;
mod journeys;
mod language_values;
mod lapsed_placements;
mod layout;
mod mail_outages;
mod operations;
mod opportunities;
mod organizations;
mod overlap;
mod posting_language;
mod profile_defaults;
mod races;
mod readdressed_mail;
mod reinstatement_mail;
mod replicas;
mod roster;
mod roster_departures;
mod roster_rekeyed;
mod roster_sources;
mod roster_uploads;
mod safeguarding;
mod scale;
mod school_contact;
mod search;
mod search_conformance;
mod search_durability;
mod search_parity;
mod seats;
mod seed;
mod staff_grants;
mod stale_access;
mod statistics;
mod statistics_across;
mod suspension_mail;
mod xss;
