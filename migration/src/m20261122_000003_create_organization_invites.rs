//! Invitations for colleagues to join an employer organization.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_accounts::{AppUser, Organization};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganizationInvite::Table)
                    .col(pk_auto(OrganizationInvite::Id))
                    .col(integer(OrganizationInvite::OrganizationId))
                    .col(string_len(OrganizationInvite::Email, 254))
                    .col(string_len_uniq(OrganizationInvite::TokenHash, 128))
                    .col(integer(OrganizationInvite::InvitedBy))
                    .col(timestamp_with_time_zone(OrganizationInvite::CreatedAt))
                    .col(timestamp_with_time_zone(OrganizationInvite::ExpiresAt))
                    .col(timestamp_with_time_zone_null(
                        OrganizationInvite::AcceptedAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                OrganizationInvite::Table,
                                OrganizationInvite::OrganizationId,
                            )
                            .to(Organization::Table, Organization::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrganizationInvite::Table, OrganizationInvite::InvitedBy)
                            .to(AppUser::Table, AppUser::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OrganizationInvite::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum OrganizationInvite {
    Table,
    Id,
    OrganizationId,
    Email,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
}
