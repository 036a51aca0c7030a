//! Seats that come back and named mentors: a placement records how it ended
//! early (who, which reason from the vocabulary, an optional note) and the
//! mentor who meets the student (a colleague's account or a named person,
//! with role, a short introduction and the languages they speak). Each
//! placement has at most one belonging answer per stage: the "before"
//! question is now also asked on the placement page, where two tabs could
//! both answer it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BelongingResponse {
    Table,
    PlacementId,
    Stage,
}

const ONE_ANSWER_PER_STAGE: &str = "uq_belonging_placement_stage";

#[derive(DeriveIden)]
enum Placement {
    Table,
    EndReason,
    EndNote,
    EndedBy,
    MentorUserId,
    MentorName,
    MentorRole,
    MentorIntro,
    MentorLanguages,
}

/// One column per ALTER TABLE: SQLite adds one at a time.
fn columns() -> Vec<ColumnDef> {
    vec![
        string_len_null(Placement::EndReason, 32),
        text_null(Placement::EndNote),
        integer_null(Placement::EndedBy),
        integer_null(Placement::MentorUserId),
        string_len_null(Placement::MentorName, 200),
        string_len_null(Placement::MentorRole, 200),
        text_null(Placement::MentorIntro),
        string_len_null(Placement::MentorLanguages, 100),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Placement::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(ONE_ANSWER_PER_STAGE)
                    .table(BelongingResponse::Table)
                    .col(BelongingResponse::PlacementId)
                    .col(BelongingResponse::Stage)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(ONE_ANSWER_PER_STAGE)
                    .table(BelongingResponse::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            Placement::EndReason,
            Placement::EndNote,
            Placement::EndedBy,
            Placement::MentorUserId,
            Placement::MentorName,
            Placement::MentorRole,
            Placement::MentorIntro,
            Placement::MentorLanguages,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Placement::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
