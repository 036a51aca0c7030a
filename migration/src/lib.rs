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
mod m20261128_000015_add_posting_language;

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
            Box::new(m20261128_000015_add_posting_language::Migration),
        ]
    }
}
