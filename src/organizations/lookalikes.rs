//! Organizations that look like one already suspended or rejected: the same
//! name once normalized, the same website host, or the same contact email
//! domain (free-mail domains excepted, they say nothing about who is
//! behind an address). The review queue flags them, and only an admin may
//! verify one or approve a rename that makes one.

use entity::{OrgStatus, organization};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QuerySelect, sea_query::Expr,
};
use serde::Serialize;

use crate::error::AppResult;

/// Words that say what kind of company, not which one ("Atlanta BioLabs,
/// Inc." is "Atlanta BioLabs").
const LEGAL_WORDS: &[&str] = &[
    "the",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "co",
    "corp",
    "corporation",
    "company",
];

/// Domains anyone can get an address at: sharing one links nobody.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "mail.com",
    "zoho.com",
    "yandex.com",
];

/// What an organization is compared by; an empty key matches nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub name: String,
    pub host: String,
    pub domain: String,
}

impl Keys {
    pub fn of(name: &str, website: &str, email: &str) -> Self {
        Self {
            name: name_key(name),
            host: website_host(website),
            domain: email_domain(email),
        }
    }

    /// The keys of an organization as it is now.
    pub fn of_organization(o: &organization::Model) -> Self {
        Self::of(&o.name, &o.website, &o.contact_email)
    }

    /// Stores the keys on the row being written.
    pub fn set_on(self, organization: &mut organization::ActiveModel) {
        organization.name_key = Set(Some(self.name));
        organization.website_host = Set(Some(self.host));
        organization.email_domain = Set(Some(self.domain));
    }
}

/// Lower-cased, accents folded, punctuation, spaces and legal words gone.
pub fn name_key(name: &str) -> String {
    crate::search::analysis::english_words(name)
        .into_iter()
        .filter(|w| !LEGAL_WORDS.contains(&w.as_str()))
        .collect()
}

/// The host of a website, lower-cased, without `www.`, port or path.
pub fn website_host(website: &str) -> String {
    let rest = website.trim().to_lowercase();
    let rest = rest.split_once("://").map_or(rest.as_str(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// The domain of an email address, unless anyone can have one there.
pub fn email_domain(email: &str) -> String {
    let domain = email
        .trim()
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('.').to_lowercase())
        .unwrap_or_default();
    if FREE_MAIL.contains(&domain.as_str()) {
        String::new()
    } else {
        domain
    }
}

/// A suspended or rejected organization that a candidate resembles, and in
/// what (`name`, `website`, `email`: catalogue ids `counselor-lookalike-same-*`).
#[derive(Debug, Clone, Serialize)]
pub struct Lookalike {
    pub id: i32,
    pub name: String,
    pub status: OrgStatus,
    pub reason: Option<String>,
    pub same: Vec<&'static str>,
}

/// For each candidate (an organization's id and the keys it would have),
/// the suspended and rejected organizations it resembles, other than
/// itself; one query for all of them (a page of the queue at most).
pub async fn find(
    db: &impl ConnectionTrait,
    candidates: &[(i32, Keys)],
) -> AppResult<Vec<Vec<Lookalike>>> {
    let mut any = Condition::any();
    for (_, keys) in candidates {
        if !keys.name.is_empty() {
            any = any.add(organization::Column::NameKey.eq(keys.name.as_str()));
        }
        if !keys.host.is_empty() {
            any = any.add(organization::Column::WebsiteHost.eq(keys.host.as_str()));
        }
        if !keys.domain.is_empty() {
            any = any.add(organization::Column::EmailDomain.eq(keys.domain.as_str()));
        }
    }
    if any.is_empty() {
        return Ok(vec![Vec::new(); candidates.len()]);
    }
    let barred = organization::Entity::find()
        .filter(organization::Column::Status.is_in([OrgStatus::Suspended, OrgStatus::Rejected]))
        .filter(any)
        .all(db)
        .await?;
    Ok(candidates
        .iter()
        .map(|(id, keys)| {
            barred
                .iter()
                .filter(|o| o.id != *id)
                .filter_map(|o| {
                    let same: Vec<&'static str> = [
                        ("name", &keys.name, &o.name_key),
                        ("website", &keys.host, &o.website_host),
                        ("email", &keys.domain, &o.email_domain),
                    ]
                    .into_iter()
                    .filter(|(_, mine, theirs)| {
                        !mine.is_empty() && theirs.as_deref() == Some(mine.as_str())
                    })
                    .map(|(what, _, _)| what)
                    .collect();
                    (!same.is_empty()).then(|| Lookalike {
                        id: o.id,
                        name: o.name.clone(),
                        status: o.status,
                        reason: o.status_reason.clone(),
                        same,
                    })
                })
                .collect()
        })
        .collect())
}

/// Computes the keys of organizations stored before they existed
/// (migration 33), at start-up; a no-op once every row has them.
pub async fn fill_missing_keys(db: &DatabaseConnection) -> AppResult<u64> {
    let mut filled = 0;
    loop {
        let rows: Vec<(i32, String, String, String)> = organization::Entity::find()
            .select_only()
            .columns([
                organization::Column::Id,
                organization::Column::Name,
                organization::Column::Website,
                organization::Column::ContactEmail,
            ])
            .filter(organization::Column::NameKey.is_null())
            .limit(500)
            .into_tuple()
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        for (id, name, website, email) in rows {
            let keys = Keys::of(&name, &website, &email);
            organization::Entity::update_many()
                .col_expr(organization::Column::NameKey, Expr::value(keys.name))
                .col_expr(organization::Column::WebsiteHost, Expr::value(keys.host))
                .col_expr(organization::Column::EmailDomain, Expr::value(keys.domain))
                .filter(organization::Column::Id.eq(id))
                .exec(db)
                .await?;
            filled += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whatever_their_case_spacing_punctuation_or_legal_form() {
        assert_eq!(name_key("Atlanta BioLabs"), "atlantabiolabs");
        assert_eq!(name_key("  atlanta bio-labs, Inc. "), "atlantabiolabs");
        assert_eq!(name_key("The Atlanta Biolabs LLC"), "atlantabiolabs");
        assert_eq!(name_key("Ciencias Café"), "cienciascafe");
        assert_eq!(name_key("Inc."), "");
    }

    #[test]
    fn a_website_is_compared_by_its_host_alone() {
        for url in [
            "https://atlantabiolabs.example",
            "http://www.AtlantaBioLabs.example/about?x=1",
            "https://atlantabiolabs.example:8443/",
            "https://someone@atlantabiolabs.example.",
        ] {
            assert_eq!(website_host(url), "atlantabiolabs.example", "{url}");
        }
        assert_eq!(website_host(""), "");
    }

    #[test]
    fn free_mail_domains_link_nobody() {
        assert_eq!(
            email_domain("hr@Atlanta-Biolabs.example"),
            "atlanta-biolabs.example"
        );
        assert_eq!(email_domain("someone@gmail.com"), "");
        assert_eq!(email_domain("not an address"), "");
    }
}
