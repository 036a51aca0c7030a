//! Applications and their history, placements, hours, belonging answers and
//! in-app notifications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Application::Table)
                    .col(pk_auto(Application::Id))
                    .col(integer(Application::OpportunityId))
                    .col(integer(Application::StudentId))
                    .col(string_len(Application::Status, 16))
                    .col(text(Application::Note))
                    .col(string_len(Application::Availability, 500))
                    .col(string_len(Application::Accommodations, 1000))
                    .col(timestamp_with_time_zone(Application::CreatedAt))
                    .col(timestamp_with_time_zone(Application::UpdatedAt))
                    .foreign_key(&mut fk(
                        (Application::Table, Application::OpportunityId),
                        (Opportunity::Table, Opportunity::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Application::Table, Application::StudentId),
                        (Student::Table, Student::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One application per student and opportunity, whatever the concurrency.
        manager
            .create_index(
                Index::create()
                    .name("idx_application_unique")
                    .table(Application::Table)
                    .col(Application::OpportunityId)
                    .col(Application::StudentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_student")
                    .table(Application::Table)
                    .col(Application::StudentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationEvent::Table)
                    .col(pk_auto(ApplicationEvent::Id))
                    .col(integer(ApplicationEvent::ApplicationId))
                    .col(string_len_null(ApplicationEvent::FromStatus, 16))
                    .col(string_len(ApplicationEvent::ToStatus, 16))
                    .col(integer(ApplicationEvent::ActorId))
                    .col(timestamp_with_time_zone(ApplicationEvent::At))
                    .foreign_key(&mut fk(
                        (ApplicationEvent::Table, ApplicationEvent::ApplicationId),
                        (Application::Table, Application::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_event_app")
                    .table(ApplicationEvent::Table)
                    .col(ApplicationEvent::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Placement::Table)
                    .col(pk_auto(Placement::Id))
                    .col(integer_uniq(Placement::ApplicationId))
                    .col(integer(Placement::OpportunityId))
                    .col(integer(Placement::StudentId))
                    .col(string_len(Placement::Status, 24))
                    .col(date(Placement::StartDate))
                    .col(date(Placement::EndDate))
                    .col(string_len_null(Placement::ConsentTokenHash, 128).unique_key())
                    .col(string_len_null(Placement::GuardianName, 200))
                    .col(string_len_null(Placement::GuardianRelationship, 100))
                    .col(boolean_null(Placement::ConsentGiven))
                    .col(timestamp_with_time_zone_null(Placement::ConsentRecordedAt))
                    .col(integer_null(Placement::ConsentRecordedBy))
                    .col(timestamp_with_time_zone(Placement::CreatedAt))
                    .col(timestamp_with_time_zone_null(Placement::EndedAt))
                    .col(integer_null(Placement::RatingCommunication))
                    .col(integer_null(Placement::RatingTeamwork))
                    .col(integer_null(Placement::RatingTechnical))
                    .col(integer_null(Placement::RatingReliability))
                    .col(string_len_null(Placement::EmployerComment, 2000))
                    .col(integer_null(Placement::StudentRating))
                    .col(string_len_null(Placement::StudentComment, 2000))
                    .foreign_key(&mut fk(
                        (Placement::Table, Placement::ApplicationId),
                        (Application::Table, Application::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Placement::Table, Placement::OpportunityId),
                        (Opportunity::Table, Opportunity::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Placement::Table, Placement::StudentId),
                        (Student::Table, Student::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_placement_opportunity")
                    .table(Placement::Table)
                    .col(Placement::OpportunityId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HourLog::Table)
                    .col(pk_auto(HourLog::Id))
                    .col(integer(HourLog::PlacementId))
                    .col(date(HourLog::WorkDate))
                    .col(integer(HourLog::QuarterHours))
                    .col(string_len(HourLog::Description, 1000))
                    .col(string_len(HourLog::Status, 16))
                    .col(integer_null(HourLog::ReviewedBy))
                    .col(timestamp_with_time_zone_null(HourLog::ReviewedAt))
                    .col(timestamp_with_time_zone(HourLog::CreatedAt))
                    .foreign_key(&mut fk(
                        (HourLog::Table, HourLog::PlacementId),
                        (Placement::Table, Placement::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BelongingResponse::Table)
                    .col(pk_auto(BelongingResponse::Id))
                    .col(integer(BelongingResponse::PlacementId))
                    .col(integer(BelongingResponse::StudentId))
                    .col(string_len(BelongingResponse::Stage, 8))
                    .col(integer(BelongingResponse::Score))
                    .col(timestamp_with_time_zone(BelongingResponse::CreatedAt))
                    .foreign_key(&mut fk(
                        (BelongingResponse::Table, BelongingResponse::PlacementId),
                        (Placement::Table, Placement::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_belonging_once_per_stage")
                    .table(BelongingResponse::Table)
                    .col(BelongingResponse::PlacementId)
                    .col(BelongingResponse::Stage)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notification::Table)
                    .col(pk_auto(Notification::Id))
                    .col(integer(Notification::UserId))
                    .col(string_len(Notification::Message, 500))
                    .col(string_len(Notification::Link, 300))
                    .col(timestamp_with_time_zone(Notification::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notification::ReadAt))
                    .foreign_key(&mut fk(
                        (Notification::Table, Notification::UserId),
                        (AppUser::Table, AppUser::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_user")
                    .table(Notification::Table)
                    .col(Notification::UserId)
                    .col(Notification::ReadAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notification::Table.into_iden(),
            BelongingResponse::Table.into_iden(),
            HourLog::Table.into_iden(),
            Placement::Table.into_iden(),
            ApplicationEvent::Table.into_iden(),
            Application::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Opportunity {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    OpportunityId,
    StudentId,
    Status,
    Note,
    Availability,
    Accommodations,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ApplicationEvent {
    Table,
    Id,
    ApplicationId,
    FromStatus,
    ToStatus,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum Placement {
    Table,
    Id,
    ApplicationId,
    OpportunityId,
    StudentId,
    Status,
    StartDate,
    EndDate,
    ConsentTokenHash,
    GuardianName,
    GuardianRelationship,
    ConsentGiven,
    ConsentRecordedAt,
    ConsentRecordedBy,
    CreatedAt,
    EndedAt,
    RatingCommunication,
    RatingTeamwork,
    RatingTechnical,
    RatingReliability,
    EmployerComment,
    StudentRating,
    StudentComment,
}

#[derive(DeriveIden)]
enum HourLog {
    Table,
    Id,
    PlacementId,
    WorkDate,
    QuarterHours,
    Description,
    Status,
    ReviewedBy,
    ReviewedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BelongingResponse {
    Table,
    Id,
    PlacementId,
    StudentId,
    Stage,
    Score,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    Id,
    UserId,
    Message,
    Link,
    CreatedAt,
    ReadAt,
}
