//! A family whose mail we write in a language they do not read is told,
//! in their own language, to contact the school, and no mail or page said
//! how (eyes18b F4). A school keeps a telephone number and an office email
//! for families, set by its counselors and admins (or a roster): every
//! guardian mail and page shows them. Both optional.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum School {
    Table,
    ContactPhone,
    ContactEmail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(string_len_null(School::ContactPhone, 40))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(string_len_null(School::ContactEmail, 320))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [School::ContactEmail, School::ContactPhone] {
            manager
                .alter_table(
                    Table::alter()
                        .table(School::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
