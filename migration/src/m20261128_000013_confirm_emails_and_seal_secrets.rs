//! Accounts confirm their email before they can sign in (a single-use
//! emailed link, stored as a digest), and TOTP secrets are sealed at rest:
//! every stored secret is encrypted here with the application's key (see
//! [`crate::SecretBox`]), and opened again on the way down.

use sea_orm_migration::{
    prelude::*,
    schema::*,
    sea_orm::{ConnectionTrait, DbBackend},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    CreatedAt,
    EmailConfirmedAt,
    MfaSecret,
}

#[derive(DeriveIden)]
enum EmailConfirmation {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

/// Rewrites every stored TOTP secret with `change` (seal or open); values
/// already in the wanted form (`wanted(value)`) are left alone, so a run
/// that stopped half-way can simply run again.
async fn rewrite_secrets(
    manager: &SchemaManager<'_>,
    wanted: impl Fn(&str) -> bool,
    change: impl Fn(i32, &str) -> Result<String, String>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let select = Query::select()
        .column(AppUser::Id)
        .column(AppUser::MfaSecret)
        .from(AppUser::Table)
        .and_where(Expr::col(AppUser::MfaSecret).is_not_null())
        .to_owned();
    for row in db.query_all_raw(backend.build(&select)).await? {
        let id: i32 = row.try_get("", "id")?;
        let value: String = row.try_get("", "mfa_secret")?;
        if wanted(&value) {
            continue;
        }
        let changed = change(id, &value).map_err(DbErr::Migration)?;
        let update = Query::update()
            .table(AppUser::Table)
            .value(AppUser::MfaSecret, changed)
            .and_where(Expr::col(AppUser::Id).eq(id))
            .to_owned();
        db.execute_raw(backend.build(&update)).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Checked first: without the key nothing may change half-way.
        let secret_box = crate::secret_box()?;
        manager
            .alter_table(
                Table::alter()
                    .table(AppUser::Table)
                    .add_column(timestamp_with_time_zone_null(AppUser::EmailConfirmedAt))
                    .to_owned(),
            )
            .await?;
        // Every account made before this change was made by someone a school
        // or an admin trusted, or has been in use: it counts as confirmed.
        let confirm_existing = Query::update()
            .table(AppUser::Table)
            .value(AppUser::EmailConfirmedAt, Expr::col(AppUser::CreatedAt))
            .to_owned();
        manager.exec_stmt(confirm_existing).await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailConfirmation::Table)
                    .col(pk_auto(EmailConfirmation::Id))
                    .col(integer(EmailConfirmation::UserId))
                    .col(string_len_uniq(EmailConfirmation::TokenHash, 128))
                    .col(timestamp_with_time_zone(EmailConfirmation::CreatedAt))
                    .col(timestamp_with_time_zone(EmailConfirmation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailConfirmation::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailConfirmation::Table, EmailConfirmation::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_email_confirmation_user")
                    .table(EmailConfirmation::Table)
                    .col(EmailConfirmation::UserId)
                    .to_owned(),
            )
            .await?;
        // A sealed secret (nonce, ciphertext and tag in base64) is longer
        // than the 64 characters a plain one needed; SQLite does not enforce
        // lengths and cannot alter a column's type.
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppUser::Table)
                        .modify_column(string_len_null(AppUser::MfaSecret, 255))
                        .to_owned(),
                )
                .await?;
        }
        rewrite_secrets(manager, secret_box.is_sealed, secret_box.seal).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let secret_box = crate::secret_box()?;
        rewrite_secrets(manager, |v| !(secret_box.is_sealed)(v), secret_box.open).await?;
        manager
            .drop_table(Table::drop().table(EmailConfirmation::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AppUser::Table)
                    .drop_column(AppUser::EmailConfirmedAt)
                    .to_owned(),
            )
            .await
    }
}
