//! A placement ended before its first day never went ahead. The app records
//! such an end as `cancelled` from now on (only the student's school can
//! make one); this names the ones already recorded as `ended_early` the
//! same way, so the dashboard's "placed" and a fair draw's "placed before"
//! stop counting their students. A placement's dates are its own
//! (`start_date` is copied from the posting when it is made), and both
//! backends compare a timestamp with a date: SQLite as text (`YYYY-MM-DD`
//! first), PostgreSQL by casting the date to midnight.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE placement SET status = 'cancelled' \
                 WHERE status = 'ended_early' AND ended_at IS NOT NULL AND ended_at < start_date",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Every `cancelled` placement was an early end before its start.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE placement SET status = 'ended_early' WHERE status = 'cancelled'",
            )
            .await?;
        Ok(())
    }
}
