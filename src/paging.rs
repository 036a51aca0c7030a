//! Lists in pages: the one way every list reads `page` and `q` from its
//! query string, asks the database for one page (LIMIT/OFFSET plus one row
//! to know whether a next page exists), and links to the pages around it
//! (rendered by `templates/macros/paging.html`).
//!
//! No list prints how many rows it has: a count of students is a statistic,
//! and only `crate::disclosure` may show one.

use sea_orm::{
    Condition,
    sea_query::{Expr, ExprTrait, Func, LikeExpr},
};
use serde::{Deserialize, Serialize};

use crate::{
    error::{AppError, AppResult},
    i18n::{Lang, t_args},
};

/// Rows on one page of every list (at most 100, the public API's limit).
pub const PER_PAGE: u64 = 50;
/// The last page anyone may ask for: past it OFFSET only burns the database.
pub const MAX_PAGE: u64 = 10_000;
/// The longest search text a list takes (a name or an id).
pub const MAX_SEARCH: usize = 100;

/// The paging part of a list's query string, as typed (parsed by `parse`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PageParams {
    pub page: String,
    pub q: String,
}

/// A checked page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// From 1.
    pub number: u64,
    pub per_page: u64,
    /// The search words, trimmed, when any.
    pub q: Option<String>,
}

impl PageParams {
    /// A page number from 1 to `MAX_PAGE` (empty means 1) and a search text
    /// of at most `MAX_SEARCH` characters, else a 400 naming the parameter.
    pub fn parse(&self, lang: Lang) -> AppResult<Paging> {
        self.parse_up_to(lang, MAX_SEARCH)
    }

    /// As `parse`, with a search text of at most `max` characters (lists
    /// searched by a whole email address take up to 254).
    pub fn parse_up_to(&self, lang: Lang, max: usize) -> AppResult<Paging> {
        let number = match self.page.trim() {
            "" => 1,
            text => text
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=MAX_PAGE).contains(n))
                .ok_or_else(|| {
                    AppError::BadRequest(t_args(
                        lang,
                        "paging-error-page",
                        vec![("last", MAX_PAGE.into())],
                    ))
                })?,
        };
        let q = self.q.trim();
        if q.chars().count() > max {
            return Err(AppError::BadRequest(t_args(
                lang,
                "paging-error-search",
                vec![("max", max.into())],
            )));
        }
        Ok(Paging {
            number,
            per_page: PER_PAGE,
            q: (!q.is_empty()).then(|| q.to_owned()),
        })
    }
}

impl Paging {
    /// The first page, no search: for pages that render a list after a form.
    pub fn first() -> Self {
        Paging {
            number: 1,
            per_page: PER_PAGE,
            q: None,
        }
    }

    /// Rows to skip.
    pub fn offset(&self) -> u64 {
        (self.number - 1) * self.per_page
    }

    /// Rows to ask for: one more than shown, to know if a next page exists.
    pub fn limit(&self) -> u64 {
        self.per_page + 1
    }

    /// The search text as a number, when it is one (people look students
    /// up by id too).
    pub fn id(&self) -> Option<i32> {
        self.q.as_deref().and_then(|q| q.parse().ok())
    }

    /// The search words, each to be found in one of some text columns.
    pub fn words(&self) -> Vec<String> {
        self.q
            .as_deref()
            .map(|q| q.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default()
    }

    /// Keeps this page's rows and makes the links around it: `path` with
    /// `query` (the list's whole query string) and another `page`.
    pub fn finish<T>(
        &self,
        mut rows: Vec<T>,
        path: &str,
        query: &impl Serialize,
    ) -> (Vec<T>, Pager) {
        let more = rows.len() as u64 > self.per_page;
        rows.truncate(usize::try_from(self.per_page).unwrap_or(usize::MAX));
        let pairs: Vec<(String, String)> = serde_urlencoded::to_string(query)
            .ok()
            .and_then(|s| serde_urlencoded::from_str(&s).ok())
            .unwrap_or_default();
        let link = |number: u64| {
            let mut kept: Vec<(String, String)> = pairs
                .iter()
                .filter(|(k, v)| k != "page" && !v.is_empty())
                .cloned()
                .collect();
            if number > 1 {
                kept.push(("page".into(), number.to_string()));
            }
            match serde_urlencoded::to_string(&kept).unwrap_or_default() {
                q if q.is_empty() => path.to_owned(),
                q => format!("{path}?{q}"),
            }
        };
        let pager = Pager {
            number: self.number,
            previous: (self.number > 1).then(|| link(self.number - 1)),
            next: more.then(|| link(self.number + 1)),
        };
        (rows, pager)
    }
}

/// Where a page sits among its neighbours, for the pagination `nav`.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub number: u64,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// `lower(column) LIKE '%word%'`, the word's own `%` and `_` taken literally:
/// the same case-insensitive match on SQLite and PostgreSQL.
pub fn contains(column: impl Into<Expr>, word: &str) -> Expr {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Expr::expr(Func::lower(column.into())).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// The search of a list of people: the id typed, or every word of the
/// search in one of `names` (first name, last name...).
pub fn name_or_id(paging: &Paging, names: &[Expr], id: Expr) -> Condition {
    let words = paging.words();
    if words.is_empty() {
        return Condition::all();
    }
    let mut all_words = Condition::all();
    for word in &words {
        let mut one = Condition::any();
        for name in names {
            one = one.add(contains(name.clone(), word));
        }
        all_words = all_words.add(one);
    }
    let mut found = Condition::any().add(all_words);
    if let Some(n) = paging.id() {
        found = found.add(id.eq(n));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(page: &str, q: &str) -> PageParams {
        PageParams {
            page: page.into(),
            q: q.into(),
        }
    }

    #[test]
    fn a_page_number_is_a_whole_number_from_one_to_the_last() {
        assert_eq!(params("", "").parse(Lang::En).unwrap().number, 1);
        assert_eq!(params("3", "").parse(Lang::En).unwrap().offset(), 100);
        for bad in ["0", "-1", "x", "1.5", "10001", "99999999999999999999999"] {
            assert!(params(bad, "").parse(Lang::En).is_err(), "{bad}");
        }
        assert!(params("", &"a".repeat(101)).parse(Lang::En).is_err());
    }

    #[test]
    fn links_keep_the_query_and_change_only_the_page() {
        let paging = params("2", "ana").parse(Lang::En).unwrap();
        let query = [("q", "ana"), ("status", ""), ("page", "2")];
        let (rows, pager) = paging.finish(vec![0; 51], "/counselor", &query);
        assert_eq!(rows.len(), 50);
        assert_eq!(pager.previous.as_deref(), Some("/counselor?q=ana"));
        assert_eq!(pager.next.as_deref(), Some("/counselor?q=ana&page=3"));
        let (_, last) = paging.finish(vec![0; 50], "/counselor", &query);
        assert!(last.next.is_none());
    }
}
