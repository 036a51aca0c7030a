//! Evaluations, read: which side of a placement's evaluation each reader
//! sees, and the per-organization quality view counselors read (every
//! number through `crate::disclosure`).
//!
//! - The student reads the employer's ratings and comment once the
//!   placement is closed (completed, or ended early through the closing
//!   form): before that there is nothing to read, and a draft is never kept.
//! - The employer reads the student's rating and comment of the experience.
//! - A counselor of the student's school reads both (the caller checked the
//!   school), on the placement and in the student's record.

use entity::{PlacementStatus, placement};
use sea_orm::{ConnectionTrait, Statement};
use serde::Serialize;

use crate::{
    disclosure::{self, RatingFigures, SchoolRatings},
    error::AppResult,
};

/// Who is reading a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Student,
    Employer,
    Counselor,
}

/// The employer's closing ratings (1-5) and comment for the student.
#[derive(Debug, Clone, Serialize)]
pub struct EmployerEvaluation {
    pub communication: i32,
    pub teamwork: i32,
    pub technical: i32,
    pub reliability: i32,
    pub comment: Option<String>,
}

/// The student's rating (1-5) of the experience and comment.
#[derive(Debug, Clone, Serialize)]
pub struct StudentEvaluation {
    pub rating: i32,
    pub comment: Option<String>,
}

/// The employer's side, if written and `reader` may see it.
pub fn employer_side(p: &placement::Model, reader: Reader) -> Option<EmployerEvaluation> {
    let closed = matches!(
        p.status,
        PlacementStatus::Completed | PlacementStatus::EndedEarly
    );
    if reader == Reader::Student && !closed {
        return None;
    }
    Some(EmployerEvaluation {
        communication: p.rating_communication?,
        teamwork: p.rating_teamwork?,
        technical: p.rating_technical?,
        reliability: p.rating_reliability?,
        comment: p.employer_comment.clone(),
    })
}

/// The student's side, if written (every reader of the placement may see it:
/// the student wrote it for the employer, and the counselor follows both).
pub fn student_side(p: &placement::Model, _reader: Reader) -> Option<StudentEvaluation> {
    Some(StudentEvaluation {
        rating: p.student_rating?,
        comment: p.student_comment.clone(),
    })
}

/// One organization's line of the quality view.
#[derive(Debug, Serialize)]
pub struct QualityRow {
    pub organization_id: i32,
    pub organization: String,
    pub figures: RatingFigures,
}

/// Every verified organization with a closed placement made in the school
/// year starting in `school_year`: completed placements and the students'
/// mean rating, counted by the database (`GROUP BY`) per organization and
/// school (the school the student applied from, as the commitments count
/// it: a roster transfer moves no placement between two schools' parts),
/// then cleared by the disclosure rules school by school (a
/// counselor knows their own school's part exactly, so only sums of parts
/// that each clear the rules may show). The year and the counts are those
/// of the organization's public commitments (placements made in the year
/// holding a slot, and of them the completed ones), cleared by the same
/// rule, so subtracting one view from the other gives nothing: an all-time
/// count here minus a year's there was the completed placements of other
/// years. A line with every number hidden is left out, so that the list
/// itself tells nothing the numbers do not. Students' names and comments
/// never appear here.
pub async fn quality(
    db: &impl ConnectionTrait,
    threshold: usize,
    school_year: i32,
) -> AppResult<Vec<QualityRow>> {
    let (start, end) = crate::counseling::service::school_year_bounds(school_year);
    let backend = db.get_database_backend();
    let (from, to) = match backend {
        sea_orm::DbBackend::Postgres => ("$1", "$2"),
        _ => ("?", "?"),
    };
    // Only the year's bounds, computed here, are bound into the statement.
    let sql = format!(
        "SELECT org.id AS organization_id, org.name AS organization, \
         SUM(CASE WHEN p.status IN ('awaiting_consent', 'active', 'completed') THEN 1 ELSE 0 END) AS made, \
         SUM(CASE WHEN p.status = 'completed' THEN 1 ELSE 0 END) AS completed, \
         SUM(CASE WHEN p.student_rating IS NOT NULL AND p.status IN ('completed', 'ended_early') THEN 1 ELSE 0 END) AS rated, \
         SUM(CASE WHEN p.status IN ('completed', 'ended_early') THEN COALESCE(p.student_rating, 0) ELSE 0 END) AS rating_sum \
         FROM placement p \
         JOIN opportunity o ON o.id = p.opportunity_id \
         JOIN organization org ON org.id = o.organization_id \
         JOIN application a ON a.id = p.application_id \
         WHERE org.status = 'verified' AND p.created_at >= {from} AND p.created_at < {to} \
         GROUP BY org.id, org.name, a.school_id \
         ORDER BY org.name, org.id, a.school_id"
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [start.into(), end.into()],
        ))
        .await?;
    // (organization, name, its schools' parts), in the statement's order.
    let mut organizations: Vec<(i32, String, Vec<SchoolRatings>)> = Vec::new();
    for row in rows {
        let number = |column: &str| -> AppResult<usize> {
            let n: i64 = row.try_get("", column)?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let id: i32 = row.try_get("", "organization_id")?;
        let part = SchoolRatings {
            made: number("made")?,
            completed: number("completed")?,
            rated: number("rated")?,
            sum: row.try_get::<i64>("", "rating_sum")?,
        };
        match organizations.last_mut() {
            Some((last, _, parts)) if *last == id => parts.push(part),
            _ => organizations.push((id, row.try_get("", "organization")?, vec![part])),
        }
    }
    Ok(organizations
        .into_iter()
        .map(|(organization_id, organization, parts)| QualityRow {
            organization_id,
            organization,
            figures: disclosure::ratings(threshold, &parts),
        })
        .filter(|row| row.figures.any_shown())
        .collect())
}
