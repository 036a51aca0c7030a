//! The student profile: date of birth, home ZIP and travel distance, saved
//! access needs, STEM interests and languages.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        let columns = [
            date_null(Student::DateOfBirth),
            string_len_null(Student::HomeZip, 10),
            integer_null(Student::TravelMiles),
            string_len(Student::Interests, 300).default("").to_owned(),
            string_len(Student::Languages, 100).default("").to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(StudentNeed::Table)
                    .col(integer(StudentNeed::StudentId))
                    .col(string_len(StudentNeed::Need, 32))
                    .primary_key(
                        Index::create()
                            .col(StudentNeed::StudentId)
                            .col(StudentNeed::Need),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudentNeed::Table, StudentNeed::StudentId)
                            .to(Student::Table, Student::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(StudentNeed::Table).to_owned())
            .await?;
        for column in [
            Student::DateOfBirth,
            Student::HomeZip,
            Student::TravelMiles,
            Student::Interests,
            Student::Languages,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
    DateOfBirth,
    HomeZip,
    TravelMiles,
    Interests,
    Languages,
}

#[derive(DeriveIden)]
enum StudentNeed {
    Table,
    StudentId,
    Need,
}
