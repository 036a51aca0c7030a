//! A verified organization's new name or website waits beside the verified
//! one until a reviewer approves it; each organization keeps the keys it is
//! compared by against suspended and rejected ones (filled by the app, which
//! owns the normalization: NULL means "not computed yet"); and audit entries
//! get room for an old and a new value side by side.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    RequestedName,
    RequestedWebsite,
    ChangeRequestedAt,
    ChangeRequestedBy,
    NameKey,
    WebsiteHost,
    EmailDomain,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Subject,
}

const KEYS: [(&str, Organization); 3] = [
    ("idx_organization_name_key", Organization::NameKey),
    ("idx_organization_website_host", Organization::WebsiteHost),
    ("idx_organization_email_domain", Organization::EmailDomain),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        let columns = [
            string_len_null(Organization::RequestedName, 200),
            string_len_null(Organization::RequestedWebsite, 300),
            timestamp_with_time_zone_null(Organization::ChangeRequestedAt),
            integer_null(Organization::ChangeRequestedBy),
            string_len_null(Organization::NameKey, 200),
            string_len_null(Organization::WebsiteHost, 300),
            string_len_null(Organization::EmailDomain, 254),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organization::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        for (name, column) in KEYS {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Organization::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        // SQLite does not enforce a VARCHAR length (and cannot alter a
        // column's type); PostgreSQL does.
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .alter_table(
                    Table::alter()
                        .table(AuditLog::Table)
                        .modify_column(text(AuditLog::Subject))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .alter_table(
                    Table::alter()
                        .table(AuditLog::Table)
                        .modify_column(string_len(AuditLog::Subject, 300))
                        .to_owned(),
                )
                .await?;
        }
        for (name, _) in KEYS {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(Organization::Table)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            Organization::RequestedName,
            Organization::RequestedWebsite,
            Organization::ChangeRequestedAt,
            Organization::ChangeRequestedBy,
            Organization::NameKey,
            Organization::WebsiteHost,
            Organization::EmailDomain,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organization::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
