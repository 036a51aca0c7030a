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
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::{error::AppResult, forms::FieldErrors};

/// The version of the rules below ([`name_key`], [`website_host`],
/// [`email_domain`]). Bump it with any change to them: start-up then
/// recomputes the stored keys of every organization ([`refresh_keys`]).
/// 1 was migration 33's (case, accents, punctuation, legal words); 2 folds
/// look-alike letters, invisible characters and plurals; 3 applies NFKC,
/// folds Armenian, Cherokee, Lisu and IPA look-alikes, and reads "L.L.C."
/// and "BioLab's" as the words "LLC" and "BioLabs".
pub const KEYS_VERSION: i32 = 3;

/// Letters of other alphabets that look like a Latin letter, each row a
/// run of them and, letter for letter, the Latin letters they read as: the
/// look-alikes of Unicode TR39's confusables list that pass for Latin on a
/// page (not all of it). Capitals and small letters are listed apart, since
/// a Greek capital Ν looks like N and its small ν like v. The Cherokee and
/// Lisu capitals were drawn from Latin ones; a Cherokee small letter is a
/// small capital and is read as its capital ([`read_as_latin`]). Accented
/// Latin letters and full-width forms are folded by NFKC and the search
/// analyzer, and the Latin letters and digits that pass for one another by
/// [`fold_word`].
const CONFUSABLES: &[(&str, &str)] = &[
    // Cyrillic, small letters, then capitals.
    ("авеёһніїјкӏморԛѕтсуүԝхԁ", "abeehhiijklmopqstcyywxd"),
    ("АВЕЁҺНІӀЈКМОРԚЅТСУҮԜХ", "abeehhiijkmopqstcyywx"),
    // Greek, small letters (ϲ is the lunate sigma), then capitals.
    ("αϲιϳκνορτυχγω", "acijkvoptuxyw"),
    ("ΑΒϹΕΗΙΚΜΝΟΡΤΥΧΖ", "abcehikmnoptyxz"),
    // Armenian.
    ("օՕհոս", "oohnu"),
    // Cherokee capitals (TR39 lists more; these make Latin words).
    ("ᎪᏴᏟᎠᎬᏀᎻᎫᏦᏞᎷᏢᎡᏚᎢᏙᎳᏃ", "abcdeghjklmprstvwz"),
    // Lisu.
    ("ꓮꓐꓚꓓꓰꓝꓖꓧꓲꓙꓗꓡꓟꓠꓳꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ", "abcdefghijklmnoprstuvwxyz"),
    // IPA letters outside the Latin alphabet proper ([`is_latin`]).
    ("ɑɡɩʟ", "agil"),
];

/// `c` read as the Latin letter it looks like ([`CONFUSABLES`]), or as
/// itself.
pub fn read_as_latin(c: char) -> char {
    // Cherokee small letters are small capitals: ꭺ passes for A as Ꭺ does.
    let c = if matches!(c, '\u{AB70}'..='\u{ABBF}' | '\u{13F8}'..='\u{13FD}') {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    };
    CONFUSABLES
        .iter()
        .find_map(|(from, to)| {
            let at = from.chars().position(|f| f == c)?;
            to.chars().nth(at)
        })
        .unwrap_or(c)
}

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
    // What every form field loses, and, for comparing names, the variation
    // selectors and musical format controls a form keeps.
    crate::forms::is_invisible(c)
        || matches!(
            c,
            '\u{FE00}'..='\u{FE0F}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// `text` without the dots and apostrophes between two letters or digits:
/// "L.L.C." is the legal word LLC and "BioLab's" the word "BioLabs", not
/// l, l, c and "BioLab" plus "s".
fn without_inner_dots(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(at, c)| {
            let inner = matches!(c, '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
                && at > 0
                && chars[at - 1].is_alphanumeric()
                && chars.get(at + 1).is_some_and(|next| next.is_alphanumeric());
            !inner
        })
        .map(|(_, &c)| c)
        .collect()
}

/// The alphabets a name's letters are sorted into to find a word that
/// mixes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alphabet {
    Latin,
    Cyrillic,
    Greek,
    /// Any other: Armenian, Cherokee, Lisu, IPA, Chinese, Arabic...
    Other,
}

/// Whether `c` is a letter of the Latin alphabet proper: ASCII, Latin-1
/// Supplement, Latin Extended-A and -B, Latin Extended Additional. IPA
/// (ɑ, ɡ), small capitals and the later Latin extensions are not: they are
/// what a look-alike name is spelled with, not an organization's.
fn is_latin(c: char) -> bool {
    let latin_block = matches!(
        c,
        'a'..='z'
            | 'A'..='Z'
            | '\u{00AA}'
            | '\u{00B5}'
            | '\u{00BA}'
            | '\u{00C0}'..='\u{024F}'
            | '\u{1E00}'..='\u{1EFF}'
    );
    // × and ÷ sit among the Latin-1 letters.
    latin_block && c.is_alphabetic()
}

/// The alphabet of a letter, `None` for anything else. A compatibility form
/// counts as the letters NFKC makes of it (ⅼ, Ａ, 𝐀 and ﬁ are Latin); a
/// spacing modifier letter that stays one (the ʻokina, ʼ) is no letter of
/// an alphabet.
fn alphabet(c: char) -> Option<Alphabet> {
    if !c.is_alphabetic() {
        return None;
    }
    if is_latin(c) {
        return Some(Alphabet::Latin);
    }
    let normalized: Vec<char> = c.to_string().nfkc().filter(|l| l.is_alphabetic()).collect();
    let first = *normalized.first()?;
    Some(if normalized.iter().all(|&l| is_latin(l)) {
        Alphabet::Latin
    } else {
        match first {
            '\u{02B0}'..='\u{02FF}' => return None,
            '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}' => {
                Alphabet::Cyrillic
            }
            '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Alphabet::Greek,
            _ => Alphabet::Other,
        }
    })
}

/// Whether a word of `text` has a Latin letter and a letter of any other
/// alphabet, or Cyrillic and Greek letters: no honest name spells one word
/// in two alphabets, and a look-alike one spells "Atlanta" with a Cyrillic
/// "а" or "BioLabs" with an Armenian "օ". A name wholly in another alphabet
/// (北京科技, Москва Лаб) is a name; its look-alike letters are read as
/// Latin in [`name_key`].
pub fn mixes_alphabets(text: &str) -> bool {
    without_inner_dots(text)
        .split(|c: char| !c.is_alphanumeric() && !is_combining_mark(c) && !is_invisible(c))
        .any(|word| {
            let alphabets: Vec<Alphabet> = word.chars().filter_map(alphabet).collect();
            let has = |a| alphabets.contains(&a);
            (has(Alphabet::Latin) && alphabets.iter().any(|&a| a != Alphabet::Latin))
                || (has(Alphabet::Cyrillic) && has(Alphabet::Greek))
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

/// NFKC applied (ⅼ is l, ﬁ is fi), invisible characters gone, look-alike
/// letters read as the Latin ones ([`CONFUSABLES`], before NFKC as well,
/// which would make the lunate sigma ϲ a ς), dots and apostrophes inside a
/// word gone, lower-cased, accents folded, punctuation, spaces and legal
/// words gone, a word of four letters or more without its trailing "s"
/// ("Atlanta BioLab" is "Atlanta BioLabs"), and the letters that pass for
/// one another made one ([`fold_word`]). Only ever compared with another
/// key: "Atlanta BioLabs" is `atlantablolab`.
pub fn name_key(name: &str) -> String {
    let read: String = name
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(read_as_latin)
        .collect();
    let folded: String = read
        .nfkc()
        .filter(|&c| !is_invisible(c))
        .map(read_as_latin)
        .collect();
    crate::search::analysis::english_words(&without_inner_dots(&folded))
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
    fn the_reviewers_look_alikes_are_refused_as_mixed_or_read_as_the_suspended_name() {
        let suspended = name_key("Atlanta BioLabs");
        // A Latin word with an Armenian, Cherokee, Lisu or IPA letter: refused,
        // and its key is the suspended one's all the same.
        for name in [
            "Atlanta Bi\u{0585}Labs",        // Armenian small oh
            "\u{13AA}tlanta BioLabs",        // Cherokee Ꭺ
            "Atl\u{0251}nta BioL\u{0251}bs", // Latin small alpha (IPA)
            "\u{A4EE}tlanta BioLabs",        // Lisu ꓮ
        ] {
            assert!(mixes_alphabets(name), "{name}");
            assert_eq!(name_key(name), suspended, "{name}");
        }
        // Latin letters only, once NFKC reads ⅼ as l: the same key.
        for name in [
            "Atlanta Bio\u{217C}abs", // small Roman numeral fifty
            "Atlanta BioLabs, L.L.C.",
            "Atlanta BioLab's",
            "Atlanta BioLab\u{2019}s",
        ] {
            assert!(!mixes_alphabets(name), "{name}");
            assert_eq!(name_key(name), suspended, "{name}");
        }
        // Whole words of those look-alikes, which no alphabet rule refuses.
        for name in [
            "Atlanta \u{13F4}\u{13A5}\u{13BE}\u{13DE}\u{13AA}\u{13F4}\u{13DA}",
            "\u{A4EE}\u{A4D4}\u{A4E1}\u{A4EE}\u{A4E0}\u{A4D4}\u{A4EE} BioLabs",
            "Atlanta Bi \u{0585} Labs",
        ] {
            assert!(!mixes_alphabets(name), "{name}");
        }
        assert_eq!(
            name_key("\u{A4EE}\u{A4D4}\u{A4E1}\u{A4EE}\u{A4E0}\u{A4D4}\u{A4EE} BioLabs"),
            suspended
        );
        assert_eq!(name_key("Atlanta Bi \u{0585} Labs"), suspended);
    }

    #[test]
    fn every_look_alike_letter_reads_as_its_latin_one_before_or_after_nfkc() {
        for (from, to) in CONFUSABLES {
            assert_eq!(from.chars().count(), to.chars().count(), "{from}");
            for (c, latin) in from.chars().zip(to.chars()) {
                assert_eq!(
                    name_key(&format!("x{c}x")),
                    name_key(&format!("x{latin}x")),
                    "{c} U+{:04X}",
                    u32::from(c)
                );
            }
        }
        // A Cherokee small letter is read as its capital.
        assert_eq!(
            name_key("\u{AB7A}tlanta BioLabs"),
            name_key("Atlanta BioLabs")
        );
    }

    #[test]
    fn honest_names_in_one_alphabet_a_word_pass() {
        for name in [
            "Café Científico",
            "Zoë's Robotics",
            "Zoë\u{2019}s Robotics",
            "北京科技",
            "Москва Лаб",
            "Hawai\u{02BB}i Robotics",
            "\u{00B5}Labs 3D",
            "Ｒｏｂｏｔｉｃｓ Club",
            "Ñandú Ingeniería, S.A. de C.V.",
            "Ciencias Café, Ελληνικά Μαθηματικά, Математика Club",
        ] {
            assert!(!mixes_alphabets(name), "{name}");
            assert!(!name_key(name).is_empty(), "{name}");
        }
        assert_eq!(name_key("Zoë's Robotics"), name_key("Zoes Robotics"));
        assert_ne!(name_key("Москва Лаб"), name_key("Atlanta BioLabs"));
        // Cyrillic and Greek in one word are still refused, and a word
        // mixing Latin with letters of any other alphabet.
        for name in [
            "\u{0410}\u{03a4}\u{041b}\u{0410}",
            "Robo\u{1D1B}ics", // small capital T
            "Tokyo\u{30C6}\u{30C3}\u{30AF}",
            "Bi.\u{0585}.Labs",
        ] {
            assert!(mixes_alphabets(name), "{name}");
        }
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
