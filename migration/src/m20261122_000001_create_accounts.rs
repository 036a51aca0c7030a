//! Accounts: users, organizations, schools, counselor assignments, rostered
//! students, sessions and the login-failure log used for throttling.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organization::Table)
                    .col(pk_auto(Organization::Id))
                    .col(string_len(Organization::Name, 200))
                    .col(string_len(Organization::Website, 300))
                    .col(text(Organization::Description))
                    .col(string_len(Organization::Address, 300))
                    .col(string_len(Organization::Zip, 10))
                    .col(string_len(Organization::ContactEmail, 254))
                    .col(string_len(Organization::ContactPhone, 40))
                    .col(string_len(Organization::Status, 16))
                    .col(string_len_null(Organization::StatusReason, 1000))
                    .col(integer_null(Organization::ReviewedBy))
                    .col(timestamp_with_time_zone_null(Organization::ReviewedAt))
                    .col(timestamp_with_time_zone(Organization::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AppUser::Table)
                    .col(pk_auto(AppUser::Id))
                    .col(string_len_uniq(AppUser::Email, 254))
                    .col(string_len(AppUser::PasswordHash, 200))
                    .col(string_len(AppUser::DisplayName, 100))
                    .col(string_len(AppUser::Role, 16))
                    .col(integer_null(AppUser::OrganizationId))
                    .col(timestamp_with_time_zone(AppUser::CreatedAt))
                    .col(timestamp_with_time_zone_null(AppUser::LastLoginAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AppUser::Table, AppUser::OrganizationId)
                            .to(Organization::Table, Organization::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(School::Table)
                    .col(pk_auto(School::Id))
                    .col(string_len(School::Name, 200))
                    .col(string_len_null(School::SourcedId, 255).unique_key())
                    .col(string_len(School::Zip, 10))
                    .col(timestamp_with_time_zone(School::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CounselorSchool::Table)
                    .col(integer(CounselorSchool::UserId))
                    .col(integer(CounselorSchool::SchoolId))
                    .primary_key(
                        Index::create()
                            .col(CounselorSchool::UserId)
                            .col(CounselorSchool::SchoolId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CounselorSchool::Table, CounselorSchool::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CounselorSchool::Table, CounselorSchool::SchoolId)
                            .to(School::Table, School::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Student::Table)
                    .col(pk_auto(Student::Id))
                    .col(integer(Student::SchoolId))
                    .col(integer_null(Student::UserId).unique_key())
                    .col(string_len(Student::FirstName, 100))
                    .col(string_len(Student::LastName, 100))
                    .col(integer(Student::Grade))
                    .col(string_len_null(Student::ClaimCodeHash, 128).unique_key())
                    .col(timestamp_with_time_zone_null(Student::ClaimCodeExpiresAt))
                    .col(boolean(Student::Active))
                    .col(timestamp_with_time_zone(Student::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Student::Table, Student::SchoolId)
                            .to(School::Table, School::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Student::Table, Student::UserId)
                            .to(AppUser::Table, AppUser::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_student_school")
                    .table(Student::Table)
                    .col(Student::SchoolId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TowerSession::Table)
                    .col(string_len(TowerSession::Id, 64).primary_key())
                    .col(text(TowerSession::Data))
                    .col(timestamp_with_time_zone(TowerSession::ExpiryDate))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_tower_session_expiry")
                    .table(TowerSession::Table)
                    .col(TowerSession::ExpiryDate)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .col(pk_auto(LoginFailure::Id))
                    .col(string_len(LoginFailure::ThrottleKey, 300))
                    .col(timestamp_with_time_zone(LoginFailure::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failure_key_time")
                    .table(LoginFailure::Table)
                    .col(LoginFailure::ThrottleKey)
                    .col(LoginFailure::FailedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginFailure::Table.into_iden(),
            TowerSession::Table.into_iden(),
            Student::Table.into_iden(),
            CounselorSchool::Table.into_iden(),
            School::Table.into_iden(),
            AppUser::Table.into_iden(),
            Organization::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Organization {
    Table,
    Id,
    Name,
    Website,
    Description,
    Address,
    Zip,
    ContactEmail,
    ContactPhone,
    Status,
    StatusReason,
    ReviewedBy,
    ReviewedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum AppUser {
    Table,
    Id,
    Email,
    PasswordHash,
    DisplayName,
    Role,
    OrganizationId,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum School {
    Table,
    Id,
    Name,
    SourcedId,
    Zip,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CounselorSchool {
    Table,
    UserId,
    SchoolId,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
    SchoolId,
    UserId,
    FirstName,
    LastName,
    Grade,
    ClaimCodeHash,
    ClaimCodeExpiresAt,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TowerSession {
    Table,
    Id,
    Data,
    ExpiryDate,
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    ThrottleKey,
    FailedAt,
}
