//! Account security: disabled accounts, a per-user session generation (bumped
//! to end every session of a user at once), staff TOTP with single-use
//! recovery codes, and single-use password reset links.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    DisabledAt,
    SessionGeneration,
    MfaSecret,
    MfaEnabledAt,
    MfaLastStep,
}

#[derive(DeriveIden)]
enum MfaRecoveryCode {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    Id,
    UserId,
    TokenHash,
    IssuedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            timestamp_with_time_zone_null(AppUser::DisabledAt),
            integer(AppUser::SessionGeneration).default(0).to_owned(),
            string_len_null(AppUser::MfaSecret, 64),
            timestamp_with_time_zone_null(AppUser::MfaEnabledAt),
            big_integer_null(AppUser::MfaLastStep),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppUser::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MfaRecoveryCode::Table)
                    .col(pk_auto(MfaRecoveryCode::Id))
                    .col(integer(MfaRecoveryCode::UserId))
                    .col(string_len(MfaRecoveryCode::CodeHash, 128))
                    .col(timestamp_with_time_zone_null(MfaRecoveryCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MfaRecoveryCode::Table, MfaRecoveryCode::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mfa_recovery_code_user")
                    .table(MfaRecoveryCode::Table)
                    .col(MfaRecoveryCode::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordReset::Table)
                    .col(pk_auto(PasswordReset::Id))
                    .col(integer(PasswordReset::UserId))
                    .col(string_len_uniq(PasswordReset::TokenHash, 128))
                    .col(integer_null(PasswordReset::IssuedBy))
                    .col(timestamp_with_time_zone(PasswordReset::CreatedAt))
                    .col(timestamp_with_time_zone(PasswordReset::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordReset::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PasswordReset::Table, PasswordReset::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_password_reset_user")
                    .table(PasswordReset::Table)
                    .col(PasswordReset::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PasswordReset::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MfaRecoveryCode::Table).to_owned())
            .await?;
        for column in [
            AppUser::MfaLastStep,
            AppUser::MfaEnabledAt,
            AppUser::MfaSecret,
            AppUser::SessionGeneration,
            AppUser::DisabledAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppUser::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
