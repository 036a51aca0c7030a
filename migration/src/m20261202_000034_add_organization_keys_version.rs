//! Which rules an organization's comparison keys were computed by: when the
//! app's rules change (look-alike letters folded, plurals folded), start-up
//! recomputes the keys of every row computed by older ones. NULL means
//! "by the rules before this column", which is older than any version.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    KeysVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organization::Table)
                    .add_column(integer_null(Organization::KeysVersion))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organization::Table)
                    .drop_column(Organization::KeysVersion)
                    .to_owned(),
            )
            .await
    }
}
