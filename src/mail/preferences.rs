//! What each person chose to receive by email, in which language, and the
//! signed links that change it without signing in: a one-click unsubscribe
//! (RFC 8058) on every optional message, and a guardian's own preferences
//! page (guardians have no account). Consent requests and safety messages
//! are not optional: no preference or link ever holds them back.

use chrono::Utc;
use entity::{MailTopic, Role, guardian, user};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    sea_query::Expr,
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::extractors::CurrentUser,
    error::{AppError, AppResult, OrNotFound},
    forms::FieldErrors,
    i18n::{Lang, Message},
    tokens,
};

/// Who an optional message goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    User(i32),
    Guardian(i32),
}

impl Recipient {
    fn code(self) -> String {
        match self {
            Recipient::User(id) => format!("u{id}"),
            Recipient::Guardian(id) => format!("g{id}"),
        }
    }

    fn parse(code: &str) -> Option<Self> {
        let (kind, id) = code.split_at_checked(1)?;
        let id: i32 = id.parse().ok().filter(|n| *n > 0)?;
        match kind {
            "u" => Some(Recipient::User(id)),
            "g" => Some(Recipient::Guardian(id)),
            _ => None,
        }
    }
}

/// What a signed link lets whoever holds it do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Stop one kind of optional mail.
    Unsubscribe(MailTopic),
    /// A guardian's preferences page.
    Preferences,
    /// A guardian withdraws the consent this placement started with
    /// (`placements::withdrawal`).
    Withdraw(i32),
}

impl LinkPurpose {
    fn code(self) -> String {
        match self {
            LinkPurpose::Unsubscribe(topic) => topic.key().to_owned(),
            LinkPurpose::Preferences => "prefs".to_owned(),
            LinkPurpose::Withdraw(placement) => format!("withdraw{placement}"),
        }
    }

    fn parse(code: &str) -> Option<Self> {
        if code == "prefs" {
            return Some(LinkPurpose::Preferences);
        }
        if let Some(id) = code.strip_prefix("withdraw") {
            let id: i32 = id.parse().ok().filter(|n| *n > 0)?;
            return Some(LinkPurpose::Withdraw(id));
        }
        MailTopic::from_key(code).map(LinkPurpose::Unsubscribe)
    }
}

/// A link token, `{recipient}-{purpose}-{signature}`: it names what it acts
/// on and is signed with the server key over the recipient's address too, so
/// nothing is stored, nobody can make one for someone else, and a link
/// mailed to an address the school has since corrected (a typo, a former
/// partner's inbox, the student's own) opens nothing for whoever reads that
/// inbox. It does not expire: an unsubscribe link must keep working in an
/// old message (RFC 8058 asks for that) while the address is the same.
pub fn token(recipient: Recipient, purpose: LinkPurpose, address: &str) -> String {
    let message = format!("{}-{}", recipient.code(), purpose.code());
    let signature = tokens::sign(&signed_text(&message, address));
    format!("{message}-{signature}")
}

/// `text` with each link token of `recipient` signed for the address
/// `from` signed again for `to`, the rest as it was: a guardian's notice
/// queued before a counselor corrected the address goes to the new one
/// with links that open there (`mail::readdress`). A token signed for
/// another address, or for someone else, is left alone.
pub fn sign_again(text: &str, recipient: Recipient, from: &str, to: &str) -> String {
    let start = format!("{}-", recipient.code());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&start) {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let end = candidate
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(candidate.len());
        let word = &candidate[..end];
        match verified_for(word, from) {
            Some((named, purpose)) if named == recipient => {
                out.push_str(&token(recipient, purpose, to));
            }
            _ => out.push_str(word),
        }
        rest = &candidate[end..];
    }
    out.push_str(rest);
    out
}

fn signed_text(message: &str, address: &str) -> String {
    format!("mail-link:{message}:{}", address.trim().to_lowercase())
}

/// The recipient and purpose a token names, unchecked.
fn named_in(token: &str) -> Option<(Recipient, LinkPurpose, &str, &str)> {
    let (message, signature) = token.rsplit_once('-')?;
    if signature.len() != 64 {
        return None;
    }
    let (who, what) = message.split_once('-')?;
    let purpose = LinkPurpose::parse(what)?;
    Some((Recipient::parse(who)?, purpose, message, signature))
}

/// The recipient and purpose of a token genuinely made for `address`.
fn verified_for(token: &str, address: &str) -> Option<(Recipient, LinkPurpose)> {
    let (recipient, purpose, message, signature) = named_in(token)?;
    tokens::verify(&signed_text(message, address), signature).then_some((recipient, purpose))
}

/// The recipient and purpose of a genuine token for the address the
/// recipient has now; `None` for anything else (forged, altered, for a
/// former address, or for someone who no longer exists).
pub async fn open_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<(Recipient, LinkPurpose)>> {
    let Some((recipient, ..)) = named_in(token) else {
        return Ok(None);
    };
    let address = match recipient {
        Recipient::User(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| u.email),
        Recipient::Guardian(id) => guardian::Entity::find_by_id(id)
            .one(db)
            .await?
            .and_then(|g| g.email),
    };
    Ok(address.and_then(|address| verified_for(token, &address)))
}

/// The site path that unsubscribes `recipient`, written to at `address`,
/// from `topic` in one click.
pub fn unsubscribe_path(recipient: Recipient, topic: MailTopic, address: &str) -> String {
    format!(
        "/unsubscribe/{}",
        token(recipient, LinkPurpose::Unsubscribe(topic), address)
    )
}

/// The site path of a guardian's preferences page, for the address they
/// have now.
pub fn guardian_preferences_path(guardian: &guardian::Model) -> String {
    format!(
        "/email/{}",
        token(
            Recipient::Guardian(guardian.id),
            LinkPurpose::Preferences,
            guardian.email.as_deref().unwrap_or_default()
        )
    )
}

/// Where and how to write to someone who wants `topic`: `None` when they do
/// not (or have no address, or are no longer an active contact).
pub struct Reachable {
    pub email: String,
    pub lang: Lang,
    /// The one-click unsubscribe; `None` for a safety message, which is
    /// always sent ([`guardian_always`]).
    pub unsubscribe: Option<String>,
    /// Catalogue id of the footer saying why they get this message.
    pub footer: &'static str,
    /// A guardian's preferences page (users have theirs at /account/email).
    pub preferences: Option<String>,
    /// The account written to (`None` for a guardian).
    pub account: Option<i32>,
    /// The guardian written to (`None` for an account holder), whose mail
    /// shows their school's contact (`admin::contact::for_guardian`).
    pub guardian: Option<i32>,
    /// A guardian's home language we do not write, and its line saying
    /// who writes (`families::service::tagline`).
    pub tagline: Option<(String, String)>,
}

/// A user's address and language if they chose `topic`.
pub async fn user_wants(
    db: &impl ConnectionTrait,
    user_id: i32,
    topic: MailTopic,
) -> AppResult<Option<Reachable>> {
    let Some(found) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let wants = match topic {
        MailTopic::Updates => found.mail_updates,
        MailTopic::Digest => found.mail_digest && found.role == Role::Student,
    };
    let Some(mut to) = wants.then(|| reachable_user(found)).flatten() else {
        return Ok(None);
    };
    to.unsubscribe = Some(unsubscribe_path(Recipient::User(user_id), topic, &to.email));
    to.footer = match topic {
        MailTopic::Updates => "mail-footer-updates",
        MailTopic::Digest => "mail-footer-digest",
    };
    Ok(Some(to))
}

/// A user's address and language for a safety message about their own
/// placement (called off or ended): sent whatever they chose about
/// optional mail, with no unsubscribe, as their settings page promises.
/// `None` for a disabled account.
pub async fn user_always(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Option<Reachable>> {
    Ok(user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .and_then(reachable_user))
}

/// An enabled account's address and language, as a safety message reaches
/// it ([`user_always`]; [`user_wants`] adds the topic's unsubscribe).
fn reachable_user(found: user::Model) -> Option<Reachable> {
    found.disabled_at.is_none().then(|| Reachable {
        lang: lang_of_user(&found),
        unsubscribe: None,
        account: Some(found.id),
        guardian: None,
        email: found.email,
        footer: "mail-footer-safety",
        preferences: None,
        tagline: None,
    })
}

/// A guardian's address and language if they still take placement news.
pub fn guardian_wants(guardian: &guardian::Model) -> Option<Reachable> {
    let mut to = guardian_always(guardian)?;
    let email = to.email.as_str();
    to.unsubscribe = Some(unsubscribe_path(
        Recipient::Guardian(guardian.id),
        MailTopic::Updates,
        email,
    ));
    guardian.mail_updates.then_some(to)
}

/// An active guardian's address and language for a safety message (a
/// placement paused, called off or declined): sent whatever they chose
/// about optional mail, with no unsubscribe, as the footer of every
/// optional mail promises. Not at an address its server refused for good
/// (`families::bounces`): every message there is refused again, and each
/// refusal costs our sending reputation (eyes18b F9).
pub fn guardian_always(guardian: &guardian::Model) -> Option<Reachable> {
    if crate::families::bounces::bounced(guardian) {
        return None;
    }
    guardian_asking(guardian)
}

/// [`guardian_always`] for mail the guardian asked for on a page only a
/// link mailed to their address opens (their settings page's withdrawal
/// link): that they read it there says the address works, whatever a
/// server once answered, and they must still be able to withdraw.
pub fn guardian_asking(guardian: &guardian::Model) -> Option<Reachable> {
    let email = guardian.email.as_deref().filter(|e| !e.is_empty())?;
    guardian.active.then(|| Reachable {
        email: email.to_owned(),
        lang: crate::families::service::lang_of(guardian),
        unsubscribe: None,
        footer: "mail-footer-guardian-updates",
        preferences: Some(guardian_preferences_path(guardian)),
        account: None,
        guardian: Some(guardian.id),
        tagline: crate::families::service::tagline(guardian),
    })
}

/// The language a user reads email in: the one they chose, else English.
pub fn lang_of_user(user: &user::Model) -> Lang {
    user.language
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// The holder of a link, as its pages show them (never their whole address).
#[derive(Debug, Serialize)]
pub struct Holder {
    pub masked_email: String,
    pub is_guardian: bool,
    pub updates: bool,
    pub digest: bool,
    /// `en` or `es`: the language their mail is written in.
    pub language: String,
}

/// Who a link is for; `None` when they no longer exist.
pub async fn holder(db: &impl ConnectionTrait, recipient: Recipient) -> AppResult<Option<Holder>> {
    Ok(match recipient {
        Recipient::User(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| Holder {
            masked_email: super::masked(&u.email),
            is_guardian: false,
            updates: u.mail_updates,
            digest: u.mail_digest,
            language: lang_of_user(&u).code().to_owned(),
        }),
        Recipient::Guardian(id) => {
            guardian::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|g| Holder {
                    masked_email: g.email.as_deref().map(super::masked).unwrap_or_default(),
                    is_guardian: true,
                    updates: g.mail_updates,
                    digest: false,
                    language: crate::families::service::lang_of(&g).code().to_owned(),
                })
        }
    })
}

/// Stops one kind of optional mail; repeating it changes nothing. `false`
/// when the recipient no longer exists.
pub async fn unsubscribe(
    db: &DatabaseConnection,
    recipient: Recipient,
    topic: MailTopic,
) -> AppResult<bool> {
    let updated = match (recipient, topic) {
        (Recipient::User(id), MailTopic::Updates) => {
            user::Entity::update_many()
                .col_expr(user::Column::MailUpdates, Expr::value(false))
                .filter(user::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        (Recipient::User(id), MailTopic::Digest) => {
            user::Entity::update_many()
                .col_expr(user::Column::MailDigest, Expr::value(false))
                .filter(user::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        (Recipient::Guardian(id), _) => return unsubscribe_guardian(db, id).await,
    };
    Ok(updated.rows_affected > 0)
}

/// A guardian's unsubscribe link (in the footer of every mail to them, the
/// confirmations with the withdrawal button included): their confirmations
/// stop. A change made this way is on the audit log and mailed to them,
/// as one made on their settings page (eyes16c F1): the link travels in
/// every mail a sibling may be forwarded.
async fn unsubscribe_guardian(db: &DatabaseConnection, guardian_id: i32) -> AppResult<bool> {
    let Some(current) = guardian::Entity::find_by_id(guardian_id).one(db).await? else {
        return Ok(false);
    };
    if !current.mail_updates {
        return Ok(true);
    }
    // The change and its audit entry together, as on the settings page.
    let txn = crate::db::begin_write(db).await?;
    guardian::Entity::update_many()
        .col_expr(guardian::Column::MailUpdates, Expr::value(false))
        .col_expr(guardian::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(guardian::Column::Id.eq(guardian_id))
        .exec(&txn)
        .await?;
    crate::counseling::audit::record_without_account(
        &txn,
        crate::counseling::audit::NoAccount::GuardianLink,
        crate::counseling::audit::AuditAction::ChangeGuardianMailSettings,
        &format!("guardian {guardian_id}: confirmations off (were on), by the unsubscribe link"),
    )
    .await?;
    txn.commit().await?;
    tell_guardian_settings_changed(db, &current).await?;
    Ok(true)
}

/// The preferences form: checkboxes (`on` when checked) and a language.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PreferencesForm {
    pub updates: String,
    pub digest: String,
    pub language: String,
}

struct Choices {
    updates: bool,
    digest: bool,
    language: String,
}

fn checkbox(errors: &mut FieldErrors, field: &str, value: &str) -> bool {
    match value {
        "" => false,
        "on" => true,
        _ => {
            errors.add(field, Message::new("mail-prefs-error-checkbox"));
            false
        }
    }
}

fn parse(form: &PreferencesForm, digest_allowed: bool) -> AppResult<Choices> {
    let mut errors = FieldErrors::new();
    let updates = checkbox(&mut errors, "updates", &form.updates);
    let digest = checkbox(&mut errors, "digest", &form.digest);
    if digest && !digest_allowed {
        errors.add("digest", Message::new("mail-prefs-error-digest"));
    }
    let language = match crate::languages::interface_lang(&form.language) {
        Some(chosen) => chosen.code().to_owned(),
        None => {
            errors.add("language", Message::new("mail-prefs-error-language"));
            String::new()
        }
    };
    errors.into_result(Choices {
        updates,
        digest,
        language,
    })
}

/// The preferences form as a signed-in person's current choices fill it.
pub async fn form_of(db: &impl ConnectionTrait, user_id: i32) -> AppResult<PreferencesForm> {
    let found = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .or_not_found()?;
    let on = |b: bool| if b { "on" } else { "" }.to_owned();
    Ok(PreferencesForm {
        updates: on(found.mail_updates),
        digest: on(found.mail_digest),
        language: lang_of_user(&found).code().to_owned(),
    })
}

/// Only students and employers get optional mail (staff get none).
pub fn ensure_has_optional_mail(who: &CurrentUser) -> AppResult<()> {
    if matches!(who.role, Role::Student | Role::Employer) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Saves a student's or employer's choices (the digest is for students);
/// the language is the one their pages and email follow.
pub async fn save_for_user(
    db: &impl ConnectionTrait,
    who: &CurrentUser,
    form: &PreferencesForm,
) -> AppResult<()> {
    ensure_has_optional_mail(who)?;
    let choices = parse(form, who.role == Role::Student)?;
    user::Entity::update_many()
        .col_expr(user::Column::MailUpdates, Expr::value(choices.updates))
        .col_expr(user::Column::MailDigest, Expr::value(choices.digest))
        .col_expr(user::Column::Language, Expr::value(choices.language))
        .filter(user::Column::Id.eq(who.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Saves a guardian's choices from their preferences link. A language other
/// than the one the form showed (or any, once she chose one) is kept as the
/// guardian's own choice (`language_chosen`), apart from the one the school
/// records, so no later roster import or correction undoes it; saving only
/// the other settings leaves the school's language in charge.
pub async fn save_for_guardian(
    db: &DatabaseConnection,
    guardian_id: i32,
    form: &PreferencesForm,
) -> AppResult<()> {
    let choices = parse(form, false)?;
    // The change and its audit entry are one unit: a change the school
    // cannot trace is what the entry is for. The mail telling the guardian
    // is queued once both are in (its throttle writes on its own).
    let txn = crate::db::begin_write(db).await?;
    let current = guardian::Entity::find_by_id(guardian_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let chosen = (current.language_chosen.is_some()
        || choices.language != crate::families::service::lang_of(&current).code())
    .then_some(choices.language.clone());
    let updated = guardian::Entity::update_many()
        .col_expr(guardian::Column::MailUpdates, Expr::value(choices.updates))
        .col_expr(
            guardian::Column::LanguageChosen,
            Expr::value(chosen.clone()),
        )
        .col_expr(guardian::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(guardian::Column::Id.eq(guardian_id))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    // Her consent request still waiting to go out in the language she left
    // is held back and she is asked again in hers, as when the school
    // corrects it (eyes41 F4); only her own links, not the family's.
    if choices.language != crate::families::service::lang_of(&current).code() {
        let students: Vec<i32> = entity::student_guardian::Entity::find()
            .select_only()
            .column(entity::student_guardian::Column::StudentId)
            .filter(entity::student_guardian::Column::GuardianId.eq(guardian_id))
            .into_tuple()
            .all(&txn)
            .await?;
        crate::placements::consent::refresh_links_of(
            &txn,
            &students,
            guardian_id,
            false,
            Utc::now(),
        )
        .await?;
    }
    // The language a consent request is written in, and whether the
    // confirmations (with the withdrawal link) come at all: a change the
    // school can trace, as a withdrawal link asked for is (eyes16b F3), and
    // one the guardian hears of, since the link travels in every mail a
    // sibling may be forwarded.
    let changed = (current.mail_updates, current.language_chosen.as_deref())
        != (choices.updates, chosen.as_deref());
    if changed {
        crate::counseling::audit::record_without_account(
            &txn,
            crate::counseling::audit::NoAccount::GuardianLink,
            crate::counseling::audit::AuditAction::ChangeGuardianMailSettings,
            &format!(
                "guardian {guardian_id}: language {} (was {}), confirmations {} (were {})",
                choices.language,
                crate::families::service::lang_of(&current).code(),
                if choices.updates { "on" } else { "off" },
                if current.mail_updates { "on" } else { "off" },
            ),
        )
        .await?;
    }
    txn.commit().await?;
    if changed {
        tell_guardian_settings_changed(db, &current).await?;
    }
    Ok(())
}

/// Mails the guardian, as they were before the change (their address, the
/// language they read), that their settings changed, with the link to
/// check them: if someone else holding the link changed them, the guardian
/// learns it and can change them back. A few a day at most
/// ([`throttle::GUARDIAN_SETTINGS_CHANGED`]); past that the audit log alone
/// keeps the changes.
///
/// [`throttle::GUARDIAN_SETTINGS_CHANGED`]: crate::auth::throttle::GUARDIAN_SETTINGS_CHANGED
async fn tell_guardian_settings_changed(
    db: &DatabaseConnection,
    before: &guardian::Model,
) -> AppResult<()> {
    let Some(to) = guardian_always(before) else {
        return Ok(());
    };
    let bucket = format!("guardian-settings:{}", before.id);
    match crate::auth::throttle::charge(
        db,
        &[(bucket, crate::auth::throttle::GUARDIAN_SETTINGS_CHANGED)],
        |_| String::new(),
    )
    .await
    {
        Ok(()) => {}
        Err(AppError::TooManyRequests(_)) => return Ok(()),
        Err(other) => return Err(other),
    }
    let name = crate::families::service::full_name(before);
    crate::mail::notices::send(
        db,
        &to,
        crate::mail::notices::Notice {
            kind: "settings-changed-guardian",
            name: &name,
            title: "",
            organization: "",
            student: "",
            school: "",
            person: "",
            link: guardian_preferences_path(before),
            facts: None,
            calendar: None,
            for_organization: None,
            about_organization: None,
            placement: None,
            date: None,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_token_names_its_recipient_and_purpose_and_cannot_be_altered_or_moved() {
        tokens::install(crate::config::TEST_SECRET_KEY).unwrap();
        let address = "Maria@Example.org";
        let token = token(
            Recipient::User(12),
            LinkPurpose::Unsubscribe(MailTopic::Digest),
            address,
        );
        let genuine = Some((
            Recipient::User(12),
            LinkPurpose::Unsubscribe(MailTopic::Digest),
        ));
        assert_eq!(verified_for(&token, address), genuine);
        assert_eq!(verified_for(&token, " maria@example.org "), genuine);
        // The same link read for another address (the one the school
        // corrected it to) opens nothing.
        assert_eq!(verified_for(&token, "maria.new@example.org"), None);
        // Another recipient or purpose with the same signature is refused.
        let signature = token.rsplit_once('-').unwrap().1;
        for forged in [
            format!("u13-digest-{signature}"),
            format!("u12-updates-{signature}"),
            format!("g12-digest-{signature}"),
            "u12-digest-".to_owned(),
            "nonsense".to_owned(),
        ] {
            assert_eq!(verified_for(&forged, address), None, "{forged}");
        }
        let prefs = super::token(
            Recipient::Guardian(7),
            LinkPurpose::Preferences,
            "rosa@example.org",
        );
        assert_eq!(
            verified_for(&prefs, "rosa@example.org"),
            Some((Recipient::Guardian(7), LinkPurpose::Preferences))
        );
        // A withdrawal link names its placement: another placement's number
        // under the same signature opens nothing.
        let withdraw = super::token(
            Recipient::Guardian(7),
            LinkPurpose::Withdraw(31),
            "rosa@example.org",
        );
        assert_eq!(
            verified_for(&withdraw, "rosa@example.org"),
            Some((Recipient::Guardian(7), LinkPurpose::Withdraw(31)))
        );
        let signature = withdraw.rsplit_once('-').unwrap().1;
        for forged in [
            format!("g7-withdraw32-{signature}"),
            format!("g7-withdraw0-{signature}"),
            format!("g7-withdraw-{signature}"),
            format!("g7-prefs-{signature}"),
        ] {
            assert_eq!(verified_for(&forged, "rosa@example.org"), None, "{forged}");
        }
    }

    #[test]
    fn links_signed_again_open_at_the_new_address_and_nothing_else_changes() {
        tokens::install(crate::config::TEST_SECRET_KEY).unwrap();
        let (from, to) = ("rosa@example.org", "rosa.new@example.net");
        let rosa = Recipient::Guardian(7);
        let withdraw = token(rosa, LinkPurpose::Withdraw(31), from);
        let prefs = token(rosa, LinkPurpose::Preferences, from);
        let someone_else = token(Recipient::Guardian(8), LinkPurpose::Preferences, from);
        let elsewhere = token(rosa, LinkPurpose::Preferences, "other@example.org");
        let text = format!(
            "Withdraw: @@SITE@@/withdraw/{withdraw}\n<a href=\"/email/{prefs}\">settings</a> \
             {someone_else} {elsewhere} g7-prefs"
        );
        let moved = sign_again(&text, rosa, from, to);
        assert_eq!(
            moved,
            format!(
                "Withdraw: @@SITE@@/withdraw/{}\n<a href=\"/email/{}\">settings</a> \
                 {someone_else} {elsewhere} g7-prefs",
                token(rosa, LinkPurpose::Withdraw(31), to),
                token(rosa, LinkPurpose::Preferences, to),
            )
        );
        assert_eq!(sign_again("no links", rosa, from, to), "no links");
    }
}
