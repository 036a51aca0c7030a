//! Organizations that look like one already suspended or rejected: the same
//! name once normalized (look-alike letters from other alphabets read as the
//! Latin ones, invisible characters and plurals gone), a website or a
//! contact email on the barred organization's host or one of its
//! subdomains, or the same contact email domain (free-mail domains
//! excepted, they say nothing about who is behind an address). The review
//! queue flags them, and only an admin may verify one or approve a rename
//! that makes one. An organization's name may not mix alphabets within a
//! word either ([`checked_name`]): "Atlаnta" with a Cyrillic "а" reads as
//! "Atlanta" on every page.

use entity::{OrgStatus, organization};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QuerySelect, sea_query::Expr,
};
use serde::Serialize;

use crate::{error::AppResult, forms::FieldErrors};

/// The version of the rules below ([`name_key`], [`website_host`],
/// [`email_domain`]). Bump it with any change to them: start-up then
/// recomputes the stored keys of every organization ([`refresh_keys`]).
/// 1 was migration 33's (case, accents, punctuation, legal words); 2 folds
/// look-alike letters, invisible characters and plurals.
pub const KEYS_VERSION: i32 = 2;

/// Letters of other alphabets that look like a Latin letter, read as that
/// letter: the common Cyrillic and Greek look-alikes of Unicode TR39's
/// confusables list (not all of it: these are the ones that pass for Latin
/// on a page). Capitals and small letters are listed apart, since a Greek
/// capital Ν looks like N and its small ν like v. Accented Latin letters
/// and full-width forms are folded by the search analyzer after this, and
/// the Latin letters and digits that pass for one another by [`fold_word`].
const CONFUSABLES: &[(char, char)] = &[
    // Cyrillic, lower case.
    ('а', 'a'),
    ('в', 'b'),
    ('е', 'e'),
    ('ё', 'e'),
    ('һ', 'h'),
    ('н', 'h'),
    ('і', 'i'),
    ('ї', 'i'),
    ('ј', 'j'),
    ('к', 'k'),
    ('ӏ', 'l'),
    ('м', 'm'),
    ('о', 'o'),
    ('р', 'p'),
    ('ԛ', 'q'),
    ('ѕ', 's'),
    ('т', 't'),
    ('с', 'c'),
    ('у', 'y'),
    ('ү', 'y'),
    ('ԝ', 'w'),
    ('х', 'x'),
    ('ԁ', 'd'),
    // Cyrillic, capitals.
    ('А', 'a'),
    ('В', 'b'),
    ('Е', 'e'),
    ('Ё', 'e'),
    ('Һ', 'h'),
    ('Н', 'h'),
    ('І', 'i'),
    ('Ӏ', 'i'),
    ('Ј', 'j'),
    ('К', 'k'),
    ('М', 'm'),
    ('О', 'o'),
    ('Р', 'p'),
    ('Ԛ', 'q'),
    ('Ѕ', 's'),
    ('Т', 't'),
    ('С', 'c'),
    ('У', 'y'),
    ('Ү', 'y'),
    ('Ԝ', 'w'),
    ('Х', 'x'),
    // Greek, lower case.
    ('α', 'a'),
    ('ϲ', 'c'),
    ('ι', 'i'),
    ('ϳ', 'j'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ο', 'o'),
    ('ρ', 'p'),
    ('τ', 't'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('γ', 'y'),
    ('ω', 'w'),
    // Greek, capitals.
    ('Α', 'a'),
    ('Β', 'b'),
    ('Ϲ', 'c'),
    ('Ε', 'e'),
    ('Η', 'h'),
    ('Ι', 'i'),
    ('Κ', 'k'),
    ('Μ', 'm'),
    ('Ν', 'n'),
    ('Ο', 'o'),
    ('Ρ', 'p'),
    ('Τ', 't'),
    ('Υ', 'y'),
    ('Χ', 'x'),
    ('Ζ', 'z'),
];

/// A lower-case word with the Latin letters and digits that pass for one
/// another made one: i, l and 1 (a capital I and a small l are the same
/// stroke in most fonts, and lower-casing has lost which was a capital),
/// 0 and o, and "rn" and m.
fn fold_word(word: &str) -> String {
    word.replace("rn", "m")
        .chars()
        .map(|c| match c {
            'i' | '1' => 'l',
            '0' => 'o',
            other => other,
        })
        .collect()
}

/// Characters that show nothing (zero-width spaces and joiners, the soft
/// hyphen, direction and other format controls, variation selectors, tag
/// characters): they make two names that read alike differ, so a name is
/// stored and compared without them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The alphabets whose letters pass for one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
}

fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => {
            Some(Script::Latin)
        }
        '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}' => {
            Some(Script::Cyrillic)
        }
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        _ => None,
    }
}

/// Whether a word of `text` mixes Latin, Cyrillic or Greek letters: no
/// honest name spells one word in two alphabets, and a look-alike one
/// spells "Atlanta" with a Cyrillic "а".
pub fn mixes_alphabets(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && !is_invisible(c))
        .any(|word| {
            let mut scripts = word.chars().filter_map(script);
            scripts
                .next()
                .is_some_and(|first| scripts.any(|other| other != first))
        })
}

/// An organization's name from a form: required, one line within the
/// limit, invisible characters taken out, and no word mixing alphabets
/// (`form-organization-name-alphabets`).
pub fn checked_name(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let value: String = value.chars().filter(|&c| !is_invisible(c)).collect();
    let name = errors.text(
        field,
        "form-label-organization-name",
        &value,
        crate::forms::limit::FULL_NAME,
    );
    if errors.message(field).is_none() && mixes_alphabets(&name) {
        errors.add_id(field, "form-organization-name-alphabets");
    }
    name
}

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
        organization.keys_version = Set(Some(KEYS_VERSION));
    }
}

/// Invisible characters gone, look-alike letters read as the Latin ones
/// ([`CONFUSABLES`]), lower-cased, accents folded, punctuation, spaces and
/// legal words gone, a word of four letters or more without its trailing
/// "s" ("Atlanta BioLab" is "Atlanta BioLabs"), and the letters that pass
/// for one another made one ([`fold_word`]). Only ever compared with
/// another key: "Atlanta BioLabs" is `atlantablolab`.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| {
            CONFUSABLES
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect();
    crate::search::analysis::english_words(&folded)
        .into_iter()
        .filter(|w| !LEGAL_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(singular) if w.chars().count() >= 4 => fold_word(singular),
            _ => fold_word(&w),
        })
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

/// Whether `host` is `barred` or one of its subdomains (compared on a label
/// boundary: `research.atlantabiolabs.example` is under
/// `atlantabiolabs.example`, `notatlantabiolabs.example` is not).
pub fn is_under(host: &str, barred: &str) -> bool {
    !host.is_empty()
        && !barred.is_empty()
        && host
            .strip_suffix(barred)
            .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
}

/// `host` and the domains above it that still have two labels or more:
/// every barred host that `host` would be [`is_under`].
fn with_parents(host: &str) -> Vec<&str> {
    let mut hosts = Vec::new();
    let mut rest = host;
    while rest.contains('.') {
        hosts.push(rest);
        rest = rest.split_once('.').map_or("", |(_, parent)| parent);
    }
    hosts
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

impl Keys {
    /// In what this candidate resembles a barred organization: the same
    /// name key; a website on the barred one's website host or email
    /// domain, or under it; an email domain likewise.
    fn resemblance(&self, barred: &organization::Model) -> Vec<&'static str> {
        let theirs = [
            barred.website_host.as_deref().unwrap_or_default(),
            barred.email_domain.as_deref().unwrap_or_default(),
        ];
        let mut same = Vec::new();
        if !self.name.is_empty() && barred.name_key.as_deref() == Some(self.name.as_str()) {
            same.push("name");
        }
        if theirs.iter().any(|host| is_under(&self.host, host)) {
            same.push("website");
        }
        if theirs.iter().any(|host| is_under(&self.domain, host)) {
            same.push("email");
        }
        same
    }
}

/// For each candidate (an organization's id and the keys it would have),
/// the suspended and rejected organizations it resembles, other than
/// itself; one query for all of them (a page of the queue at most). A
/// barred host is looked up among the candidate's host and the domains
/// above it, so an index finds it.
pub async fn find(
    db: &impl ConnectionTrait,
    candidates: &[(i32, Keys)],
) -> AppResult<Vec<Vec<Lookalike>>> {
    let mut any = Condition::any();
    for (_, keys) in candidates {
        if !keys.name.is_empty() {
            any = any.add(organization::Column::NameKey.eq(keys.name.as_str()));
        }
        let hosts: Vec<&str> = with_parents(&keys.host)
            .into_iter()
            .chain(with_parents(&keys.domain))
            .collect();
        if !hosts.is_empty() {
            any = any
                .add(organization::Column::WebsiteHost.is_in(hosts.clone()))
                .add(organization::Column::EmailDomain.is_in(hosts));
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
                    let same = keys.resemblance(o);
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

/// Computes, at start-up, the keys of organizations stored before they
/// existed (migration 33) or by older rules than [`KEYS_VERSION`]; a no-op
/// once every row is current (one query that finds nothing).
pub async fn refresh_keys(db: &DatabaseConnection) -> AppResult<u64> {
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
            .filter(
                Condition::any()
                    .add(organization::Column::NameKey.is_null())
                    .add(organization::Column::KeysVersion.is_null())
                    .add(organization::Column::KeysVersion.ne(KEYS_VERSION)),
            )
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
                .col_expr(organization::Column::KeysVersion, Expr::value(KEYS_VERSION))
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
        assert_eq!(name_key("Atlanta BioLabs"), "atlantablolab");
        assert_eq!(name_key("  atlanta bio-labs, Inc. "), "atlantablolab");
        assert_eq!(name_key("The Atlanta Biolabs LLC"), "atlantablolab");
        assert_eq!(name_key("ATLANTA BIOLABS, INCORPORATED"), "atlantablolab");
        assert_eq!(name_key("Ciencias Café"), "clenclacafe");
        assert_eq!(name_key("Inc."), "");
    }

    #[test]
    fn look_alike_letters_invisible_characters_and_plurals_make_the_same_name() {
        for name in [
            "Atl\u{0430}nta BioL\u{0430}bs",        // Cyrillic а
            "\u{0410}tlanta \u{0412}ioLab\u{0455}", // Cyrillic А, В, ѕ
            "Atlant\u{03b1} Bi\u{03bf}Labs",        // Greek α, ο
            "Atlanta Bio\u{200b}Labs",              // zero-width space
            "Atlanta Bio\u{00ad}La\u{2060}bs",      // soft hyphen, word joiner
            "\u{ff21}tlanta BioLabs",               // full-width A
            "Atlanta B\u{0131}olabs",               // dotless ı
            "AtIanta BioLabs",                      // capital I for l
            "Atlanta Bi0Labs",                      // zero for o
            "Atlanta BioLab",                       // singular
            "Atlanta Bio Lab",
        ] {
            assert_eq!(name_key(name), name_key("Atlanta BioLabs"), "{name}");
        }
        // Short words keep their s; other names stay apart.
        assert_ne!(name_key("Bus Labs"), name_key("Bu Labs"));
        assert_ne!(name_key("Atlanta BioWorks"), name_key("Atlanta BioLabs"));
    }

    #[test]
    fn a_word_mixing_alphabets_is_refused_and_invisible_characters_are_taken_out() {
        assert!(mixes_alphabets("Atl\u{0430}nta BioLabs"));
        assert!(mixes_alphabets("Atlanta Bi\u{03bf}Labs"));
        assert!(!mixes_alphabets("Atlanta BioLabs"));
        assert!(!mixes_alphabets(
            "Ciencias Café, Ελληνικά Μαθηματικά, Математика Club"
        ));
        assert!(
            !mixes_alphabets("\u{00b5}Labs 3D"),
            "the micro sign is no Greek letter"
        );
        let mut errors = FieldErrors::new();
        checked_name(&mut errors, "name", "Atl\u{0430}nta BioLabs");
        assert_eq!(
            errors.get("name", crate::i18n::Lang::En),
            Some(crate::i18n::t(
                crate::i18n::Lang::En,
                "form-organization-name-alphabets"
            ))
        );
        let mut errors = FieldErrors::new();
        let name = checked_name(&mut errors, "name", " Atlanta Bio\u{200b}Labs\u{feff} ");
        assert_eq!(name, "Atlanta BioLabs");
        assert!(errors.is_empty());
    }

    #[test]
    fn a_subdomain_of_a_barred_host_is_under_it_on_a_label_boundary() {
        let barred = "atlantabiolabs.example";
        for host in [
            "atlantabiolabs.example",
            "research.atlantabiolabs.example",
            "www.labs.atlantabiolabs.example",
        ] {
            assert!(is_under(host, barred), "{host}");
        }
        for host in [
            "notatlantabiolabs.example",
            "atlantabiolabs.example.org",
            "",
        ] {
            assert!(!is_under(host, barred), "{host}");
        }
        assert!(!is_under("atlantabiolabs.example", ""));
        assert_eq!(
            with_parents("www.labs.atlantabiolabs.example"),
            [
                "www.labs.atlantabiolabs.example",
                "labs.atlantabiolabs.example",
                "atlantabiolabs.example"
            ]
        );
        assert!(with_parents("localhost").is_empty());
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
