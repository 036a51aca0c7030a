//! Where a roster's ids come from. A sourcedId is unique only within the
//! student information system that issued it: two districts both have a
//! school `100` and a student `1234` (eyes17b F1). So schools, students and
//! guardians are kept under the pair (roster source, sourcedId), and a
//! roster only updates records of its own source:
//!
//! - the source is the one an admin names when importing (`--source`, the
//!   upload form's field), else the `district` org of orgs.csv, else, for a
//!   counselor, the source their own schools of the file are held under,
//!   else none (the empty source, [`UNNAMED`]);
//! - records on file from before sources were kept are under no source. A
//!   roster of a named source takes such a school (and its roster students
//!   and their guardian contacts) into its source when it proves the school
//!   is the same: a counselor of that school imports it, or the names agree
//!   (`identity::school_names_agree`); otherwise the importer confirms it;
//! - an id held under a named source and listed by a roster of another
//!   named source is another district's record: a new one is made, and the
//!   summary says so for schools. Where one side has no source we cannot
//!   tell, and the roster is refused naming the rows and what to do.

use std::collections::HashSet;

use entity::{Role, counselor_school, guardian, school, student, student_guardian};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Alias, Expr, ExprTrait, Query},
};

use super::import::ImportError;
use crate::{
    auth::extractors::CurrentUser,
    error::AppResult,
    i18n::{Message, MessageArg},
};

/// The source of records from rosters that named none (and of everything
/// imported before sources were kept).
pub const UNNAMED: &str = "";

/// The longest source a record holds (its column's size).
const MAX_SOURCE: usize = 255;

fn error(file: &'static str, line: u64, id: &str, args: Vec<(&str, MessageArg)>) -> ImportError {
    ImportError {
        file,
        line,
        message: args
            .into_iter()
            .fold(Message::new(id), |m, (name, value)| m.arg(name, value)),
    }
}

/// The source the roster's ids belong to (see the module's rules), or why
/// it cannot be told. `districts` are the district orgs of orgs.csv (line,
/// sourcedId), `schools` the school sourcedIds it lists.
pub async fn of_roster(
    db: &impl ConnectionTrait,
    importer: &CurrentUser,
    named: Option<&str>,
    districts: &[(u64, String)],
    schools: &[&str],
) -> AppResult<Result<String, Vec<ImportError>>> {
    if let Some(named) = named.map(str::trim).filter(|n| !n.is_empty()) {
        if importer.role != Role::Admin {
            return Ok(Err(vec![error(
                "orgs.csv",
                1,
                "roster-error-source-admin-only",
                vec![],
            )]));
        }
        if named.chars().count() > MAX_SOURCE {
            return Ok(Err(vec![error(
                "orgs.csv",
                1,
                "roster-error-source-long",
                vec![("max", MAX_SOURCE.into())],
            )]));
        }
        return Ok(Ok(named.to_owned()));
    }
    // A counselor's own schools prove where their ids come from, whatever
    // the district org of this export is called.
    if importer.role != Role::Admin {
        let own: HashSet<String> = school::Entity::find()
            .filter(school::Column::SourcedId.is_in(schools.iter().copied()))
            .filter(
                school::Column::Id.in_subquery(
                    Query::select()
                        .column(counselor_school::Column::SchoolId)
                        .from(counselor_school::Entity)
                        .and_where(counselor_school::Column::UserId.eq(importer.id))
                        .to_owned(),
                ),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.roster_source)
            .collect();
        if own.len() == 1 {
            return Ok(Ok(own.into_iter().next().unwrap_or_default()));
        }
    }
    match districts {
        [] => Ok(Ok(UNNAMED.to_owned())),
        [(_, district)] => Ok(Ok(district.clone())),
        [_, (line, _), ..] => {
            let ids: Vec<&str> = districts.iter().map(|(_, id)| id.as_str()).collect();
            Ok(Err(vec![error(
                "orgs.csv",
                *line,
                "roster-error-several-districts",
                vec![("ids", ids.join(", ").into())],
            )]))
        }
    }
}

/// What is on file under a school sourcedId, seen from a roster of `source`.
pub enum SchoolOnFile {
    /// The school of this source.
    Same(school::Model),
    /// A school under no source, while this roster names one: it may be
    /// this district's, imported before sources were kept.
    Unsourced(school::Model),
    /// Schools of other sources only (their sources, and a school's name):
    /// another district's, when both sides name a source.
    Elsewhere { source: String, name: String },
    /// Nothing.
    None,
}

/// The school held under `sourced_id`, as a roster of `source` sees it.
pub async fn school_on_file(
    db: &impl ConnectionTrait,
    source: &str,
    sourced_id: &str,
) -> AppResult<SchoolOnFile> {
    let held = school::Entity::find()
        .filter(school::Column::SourcedId.eq(sourced_id))
        .all(db)
        .await?;
    if let Some(same) = held.iter().find(|s| s.roster_source == source) {
        return Ok(SchoolOnFile::Same(same.clone()));
    }
    if source != UNNAMED
        && let Some(unsourced) = held.iter().find(|s| s.roster_source == UNNAMED)
    {
        return Ok(SchoolOnFile::Unsourced(unsourced.clone()));
    }
    Ok(match held.into_iter().next() {
        Some(other) => SchoolOnFile::Elsewhere {
            source: other.roster_source,
            name: other.name,
        },
        None => SchoolOnFile::None,
    })
}

/// The refusal for a school id held under a named source while this
/// roster names none: only the importer can say which district it is.
pub fn school_held_by_source(line: u64, sourced_id: &str, name: &str, source: &str) -> ImportError {
    error(
        "orgs.csv",
        line,
        "roster-error-school-other-source",
        vec![
            ("id", sourced_id.into()),
            ("name", name.into()),
            ("source", source.into()),
        ],
    )
}

/// Takes the school `school_id`, held under no source, into `source`,
/// with its roster students and their roster guardian contacts that are
/// under no source either. A record whose id the source already holds
/// stays where it is (the unique pair would refuse it).
pub async fn adopt_school(
    db: &impl ConnectionTrait,
    school_id: i32,
    source: &str,
) -> AppResult<()> {
    school::Entity::update_many()
        .col_expr(school::Column::RosterSource, Expr::value(source))
        .filter(school::Column::Id.eq(school_id))
        .filter(school::Column::RosterSource.eq(UNNAMED))
        .exec(db)
        .await?;
    let students_of_school = || {
        Query::select()
            .column(student::Column::Id)
            .from(student::Entity)
            .and_where(student::Column::SchoolId.eq(school_id))
            .to_owned()
    };
    // Not when this source already holds the id (an alias keeps the inner
    // table apart from the one updated).
    let taken = |table: Alias, id: Alias, source_column: Alias, outer: Expr| {
        Query::select()
            .expr(Expr::cust("1"))
            .from_as(table.clone(), Alias::new("taken"))
            .and_where(Expr::col((Alias::new("taken"), id)).eq(outer))
            .and_where(Expr::col((Alias::new("taken"), source_column)).eq(source))
            .to_owned()
    };
    student::Entity::update_many()
        .col_expr(student::Column::RosterSource, Expr::value(source))
        .filter(student::Column::SchoolId.eq(school_id))
        .filter(student::Column::RosterSource.eq(UNNAMED))
        .filter(student::Column::SourcedId.is_not_null())
        .filter(
            Expr::exists(taken(
                Alias::new("student"),
                Alias::new("sourced_id"),
                Alias::new("roster_source"),
                Expr::col((student::Entity, student::Column::SourcedId)),
            ))
            .not(),
        )
        .exec(db)
        .await?;
    guardian::Entity::update_many()
        .col_expr(guardian::Column::RosterSource, Expr::value(source))
        .filter(guardian::Column::RosterSource.eq(UNNAMED))
        .filter(guardian::Column::SourcedId.is_not_null())
        .filter(
            guardian::Column::Id.in_subquery(
                Query::select()
                    .column(student_guardian::Column::GuardianId)
                    .from(student_guardian::Entity)
                    .and_where(
                        student_guardian::Column::StudentId.in_subquery(students_of_school()),
                    )
                    .to_owned(),
            ),
        )
        .filter(
            Expr::exists(taken(
                Alias::new("guardian"),
                Alias::new("sourced_id"),
                Alias::new("roster_source"),
                Expr::col((guardian::Entity, guardian::Column::SourcedId)),
            ))
            .not(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The users.csv rows whose student id is held under another source where
/// we cannot tell whether it is the same child: this roster or that record
/// names no source. `listed` are (line, sourcedId) of the students not
/// found under `source`. Both sides named: another district's student,
/// and the roster makes its own record.
pub async fn students_held_elsewhere(
    db: &impl ConnectionTrait,
    source: &str,
    listed: &[(u64, &str)],
) -> AppResult<Vec<ImportError>> {
    let mut refused = Vec::new();
    for chunk in listed.chunks(500) {
        let ids: Vec<&str> = chunk.iter().map(|(_, id)| *id).collect();
        let mut query = student::Entity::find()
            .select_only()
            .column(student::Column::SourcedId)
            .column(student::Column::RosterSource)
            .column_as(school::Column::Name, "school")
            .join(
                sea_orm::JoinType::InnerJoin,
                student::Entity::belongs_to(school::Entity)
                    .from(student::Column::SchoolId)
                    .to(school::Column::Id)
                    .into(),
            )
            .filter(student::Column::SourcedId.is_in(ids))
            .filter(student::Column::RosterSource.ne(source));
        if source != UNNAMED {
            query = query.filter(student::Column::RosterSource.eq(UNNAMED));
        }
        let held: Vec<(Option<String>, String, String)> = query.into_tuple().all(db).await?;
        for (line, id) in chunk {
            let Some((_, other, school)) = held.iter().find(|(s, _, _)| s.as_deref() == Some(id))
            else {
                continue;
            };
            refused.push(if other.is_empty() {
                error(
                    "users.csv",
                    *line,
                    "roster-error-student-unsourced",
                    vec![("id", (*id).into()), ("school", school.as_str().into())],
                )
            } else {
                error(
                    "users.csv",
                    *line,
                    "roster-error-student-other-source",
                    vec![
                        ("id", (*id).into()),
                        ("school", school.as_str().into()),
                        ("source", other.as_str().into()),
                    ],
                )
            });
        }
    }
    Ok(refused)
}
