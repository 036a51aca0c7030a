//! Families and mail: guardian contacts from the roster and their links to
//! students, the mail outbox, and one row per consent link sent to a
//! guardian (only the link's digest is stored).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MailOutbox::Table)
                    .col(big_pk_auto(MailOutbox::Id))
                    .col(string_len(MailOutbox::Recipient, 320))
                    .col(string_len(MailOutbox::Language, 16))
                    .col(string_len(MailOutbox::Kind, 40))
                    .col(string_len(MailOutbox::Subject, 300))
                    .col(text(MailOutbox::TextBody))
                    .col(text(MailOutbox::HtmlBody))
                    .col(string_len_null(MailOutbox::AttachmentName, 100))
                    .col(string_len_null(MailOutbox::AttachmentType, 100))
                    .col(text_null(MailOutbox::Attachment))
                    .col(integer(MailOutbox::Attempts))
                    .col(timestamp_with_time_zone(MailOutbox::CreatedAt))
                    .col(timestamp_with_time_zone(MailOutbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(MailOutbox::SentAt))
                    .col(timestamp_with_time_zone_null(MailOutbox::FailedAt))
                    .col(string_len_null(MailOutbox::LastError, 1000))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mail_outbox_pending")
                    .table(MailOutbox::Table)
                    .col(MailOutbox::SentAt)
                    .col(MailOutbox::FailedAt)
                    .col(MailOutbox::NextAttemptAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Guardian::Table)
                    .col(pk_auto(Guardian::Id))
                    .col(string_len_null(Guardian::SourcedId, 255))
                    .col(string_len(Guardian::GivenName, 100))
                    .col(string_len(Guardian::FamilyName, 100))
                    .col(string_len_null(Guardian::Email, 320))
                    .col(string_len_null(Guardian::Phone, 40))
                    .col(string_len(Guardian::Language, 16))
                    .col(boolean(Guardian::Active))
                    .col(timestamp_with_time_zone(Guardian::CreatedAt))
                    .col(timestamp_with_time_zone(Guardian::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_guardian_sourced_id")
                    .table(Guardian::Table)
                    .col(Guardian::SourcedId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StudentGuardian::Table)
                    .col(integer(StudentGuardian::StudentId))
                    .col(integer(StudentGuardian::GuardianId))
                    .primary_key(
                        Index::create()
                            .col(StudentGuardian::StudentId)
                            .col(StudentGuardian::GuardianId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudentGuardian::Table, StudentGuardian::StudentId)
                            .to(Student::Table, Student::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudentGuardian::Table, StudentGuardian::GuardianId)
                            .to(Guardian::Table, Guardian::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_student_guardian_guardian")
                    .table(StudentGuardian::Table)
                    .col(StudentGuardian::GuardianId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConsentRequest::Table)
                    .col(pk_auto(ConsentRequest::Id))
                    .col(integer(ConsentRequest::PlacementId))
                    .col(integer(ConsentRequest::GuardianId))
                    .col(string_len(ConsentRequest::Email, 320))
                    .col(string_len(ConsentRequest::TokenHash, 64))
                    .col(timestamp_with_time_zone(ConsentRequest::CreatedAt))
                    .col(timestamp_with_time_zone(ConsentRequest::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ConsentRequest::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsentRequest::Table, ConsentRequest::PlacementId)
                            .to(Placement::Table, Placement::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsentRequest::Table, ConsentRequest::GuardianId)
                            .to(Guardian::Table, Guardian::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consent_request_token")
                    .table(ConsentRequest::Table)
                    .col(ConsentRequest::TokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consent_request_placement")
                    .table(ConsentRequest::Table)
                    .col(ConsentRequest::PlacementId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Placement::Table)
                    .add_column(string_len_null(Placement::ConsentDeclineReason, 1000))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Placement::Table)
                    .drop_column(Placement::ConsentDeclineReason)
                    .to_owned(),
            )
            .await?;
        for table in [
            ConsentRequest::Table.into_iden(),
            StudentGuardian::Table.into_iden(),
            Guardian::Table.into_iden(),
            MailOutbox::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    Id,
    Recipient,
    Language,
    Kind,
    Subject,
    TextBody,
    HtmlBody,
    AttachmentName,
    AttachmentType,
    Attachment,
    Attempts,
    CreatedAt,
    NextAttemptAt,
    SentAt,
    FailedAt,
    LastError,
}

#[derive(DeriveIden)]
enum Guardian {
    Table,
    Id,
    SourcedId,
    GivenName,
    FamilyName,
    Email,
    Phone,
    Language,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StudentGuardian {
    Table,
    StudentId,
    GuardianId,
}

#[derive(DeriveIden)]
enum ConsentRequest {
    Table,
    Id,
    PlacementId,
    GuardianId,
    Email,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Placement {
    Table,
    Id,
    ConsentDeclineReason,
}
