//! A new posting's form carries a token drawn with it: the same form sent
//! twice (a double click, a second tab, a slow network's retry) makes one
//! draft, not two. Unique per organization; postings made otherwise (the
//! seed, earlier ones) have none.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    OrganizationId,
    CreatedWith,
}

const INDEX: &str = "idx_opportunity_created_with";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .add_column(string_len_null(Opportunity::CreatedWith, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Opportunity::Table)
                    .col(Opportunity::OrganizationId)
                    .col(Opportunity::CreatedWith)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(Opportunity::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunity::Table)
                    .drop_column(Opportunity::CreatedWith)
                    .to_owned(),
            )
            .await
    }
}
