//! Account creation rules, shared by the pages and the command line.

use chrono::Utc;
use entity::{OrgStatus, Role, organization, student, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use super::confirm;
use crate::{
    auth::{password, throttle},
    db::{self, OrConflict},
    error::{AppError, AppResult},
    forms::{FieldErrors, limit},
    i18n::Lang,
    organizations,
    roster::claim_code,
};

/// What an employer types to register their organization.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct EmployerRegistration {
    pub organization_name: String,
    pub website: String,
    pub zip: String,
    pub phone: String,
    pub display_name: String,
    pub email: String,
    #[serde(skip_serializing)]
    pub password: String,
}

/// What a student types to claim the account their counselor prepared.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct StudentClaim {
    pub code: String,
    pub display_name: String,
    pub email: String,
    #[serde(skip_serializing)]
    pub password: String,
}

/// The first admin's details on the setup page (and `create-admin`).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct NewAdmin {
    pub display_name: String,
    pub email: String,
    #[serde(skip_serializing)]
    pub password: String,
}

/// A new user's validated basics.
struct NewUser {
    email: String,
    display_name: String,
    password: String,
}

fn validate_new_user(
    errors: &mut FieldErrors,
    email: &str,
    display_name: &str,
    password: &str,
) -> NewUser {
    NewUser {
        email: errors.email("email", email),
        display_name: errors.text(
            "display_name",
            "form-label-your-name",
            display_name,
            limit::SHORT_NAME,
        ),
        password: errors.new_password("password", password),
    }
}

/// Checks what an invited colleague typed (their name and a password) as a
/// new account's, and spends the same hashing time as creating one, for
/// an address that turns out to have an account already.
pub async fn check_new_user(email: &str, display_name: &str, password: &str) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let new_user = validate_new_user(&mut errors, email, display_name, password);
    errors.into_result(())?;
    password::hash(new_user.password).await?;
    Ok(())
}

async fn email_taken(db: &impl ConnectionTrait, email: &str) -> AppResult<bool> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .count(db)
        .await?
        > 0)
}

fn email_taken_error() -> AppError {
    let mut errors = FieldErrors::new();
    errors.add_id("email", "form-email-taken");
    AppError::Validation(errors)
}

async fn insert_user(
    db: &impl ConnectionTrait,
    new: NewUser,
    role: Role,
    organization_id: Option<i32>,
) -> AppResult<user::Model> {
    insert_user_confirmed_at(db, new, role, organization_id, Some(Utc::now())).await
}

/// [`insert_user`], saying whether the address counts as confirmed.
async fn insert_user_confirmed_at(
    db: &impl ConnectionTrait,
    new: NewUser,
    role: Role,
    organization_id: Option<i32>,
    email_confirmed_at: Option<chrono::DateTime<Utc>>,
) -> AppResult<user::Model> {
    if email_taken(db, &new.email).await? {
        return Err(email_taken_error());
    }
    let password_hash = password::hash(new.password).await?;
    insert_user_row(
        db,
        &new.email,
        &new.display_name,
        role,
        organization_id,
        &password_hash,
        email_confirmed_at,
    )
    .await
    // Two sign-ups with one email at the same moment: the unique index decides.
    .or_conflict(email_taken_error)
}

/// Inserts a user row with an already computed password hash (the demo seed
/// shares one hash across its accounts). Accounts made this way were made
/// by someone trusted (a school's code, an invitation, an admin, the seed):
/// their email counts as confirmed.
pub async fn insert_user_hashed(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    role: Role,
    organization_id: Option<i32>,
    password_hash: &str,
) -> AppResult<user::Model> {
    insert_user_row(
        db,
        email,
        display_name,
        role,
        organization_id,
        password_hash,
        Some(Utc::now()),
    )
    .await
}

async fn insert_user_row(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    role: Role,
    organization_id: Option<i32>,
    password_hash: &str,
    email_confirmed_at: Option<chrono::DateTime<Utc>>,
) -> AppResult<user::Model> {
    Ok(user::ActiveModel {
        email: Set(email.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        display_name: Set(display_name.to_owned()),
        role: Set(role),
        organization_id: Set(organization_id),
        created_at: Set(Utc::now()),
        last_login_at: Set(None),
        session_generation: Set(0),
        email_confirmed_at: Set(email_confirmed_at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Registers an employer and their organization, which starts out pending
/// until a counselor or admin verifies it. The answer is the same whether
/// or not the address already has an account, so the form cannot be used
/// to find out who uses STEMbridge: a new address gets a confirmation link
/// (no sign-in before it is opened), a known one a note that someone tried.
/// Only bad input is an error.
pub async fn register_employer(
    db: &DatabaseConnection,
    form: &EmployerRegistration,
    lang: Lang,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let organization_name = organizations::lookalikes::checked_name(
        &mut errors,
        "organization_name",
        &form.organization_name,
    );
    let website = organizations::service::website(&mut errors, "website", &form.website);
    let zip = organizations::service::existing_zip(&mut errors, "zip", &form.zip);
    let phone = errors.optional_text("phone", "form-label-phone", &form.phone, limit::PHONE);
    let new_user = validate_new_user(&mut errors, &form.email, &form.display_name, &form.password);
    errors.into_result(())?;

    // Hashed whether or not the address is taken: the slow hash would
    // otherwise tell the two answers apart by their time.
    let password_hash = password::hash(new_user.password).await?;
    if !throttle::allow_mail(db, &new_user.email).await? {
        tracing::info!("registration mail budget of an address spent; nothing sent");
        return Ok(());
    }
    let txn = db::begin_write(db).await?;
    if let Some(existing) = user::Entity::find()
        .filter(user::Column::Email.eq(&new_user.email))
        .one(&txn)
        .await?
    {
        confirm::mail_registration_attempt(&txn, &existing, lang).await?;
        txn.commit().await?;
        return Ok(());
    }
    let keys = organizations::lookalikes::Keys::of(&organization_name, &website, &new_user.email);
    let mut organization = organization::ActiveModel {
        name: Set(organization_name.clone()),
        website: Set(website),
        description: Set(String::new()),
        address: Set(String::new()),
        zip: Set(zip),
        contact_email: Set(new_user.email.clone()),
        contact_phone: Set(phone),
        status: Set(OrgStatus::Pending),
        status_reason: Set(None),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    keys.set_on(&mut organization);
    let organization = organization.insert(&txn).await?;
    let user = match insert_user_row(
        &txn,
        &new_user.email,
        &new_user.display_name,
        Role::Employer,
        Some(organization.id),
        &password_hash,
        None,
    )
    .await
    {
        Ok(user) => user,
        // The same new address registered twice at once: the unique index
        // decides, the first one's mail goes out, this one changes nothing.
        Err(AppError::Database(e)) if db::unique_violation(&e) => {
            return Ok(());
        }
        Err(other) => return Err(other),
    };
    confirm::mail_confirmation(&txn, &user, &organization_name, lang).await?;
    txn.commit().await?;
    Ok(())
}

/// Claims a rostered student's account with the one-time code.
pub async fn claim_student_account(
    db: &DatabaseConnection,
    form: &StudentClaim,
    lang: Lang,
) -> AppResult<user::Model> {
    let mut errors = FieldErrors::new();
    let code = claim_code::normalize(&form.code);
    if code.is_empty() {
        errors.add_id("code", "student-claim-code-missing");
    }
    let new_user = validate_new_user(&mut errors, &form.email, &form.display_name, &form.password);
    errors.into_result(())?;

    // Counted per student before the address is looked at: "this address
    // has an account" is an answer, so a valid code gets a few tries an
    // hour, as a student's address change does, not a list of addresses
    // (eyes15a F3). The answer cannot be made the same as `/register`'s:
    // a claim signs the student in at once, which a taken address cannot.
    if let Some(student) = valid_code(db, &code).await? {
        throttle::charge(
            db,
            &[(
                format!("claim-tries:{}", student.id),
                throttle::ADDRESS_TRIES,
            )],
            |_| crate::i18n::t(lang, "student-claim-too-many-tries"),
        )
        .await?;
    }
    let txn = db::begin_write(db).await?;
    let Some(student) = valid_code(&txn, &code).await? else {
        let mut errors = FieldErrors::new();
        errors.add_id("code", "student-claim-code-invalid");
        return Err(AppError::Validation(errors));
    };
    refuse_guardians_address_of(&txn, student.id, &new_user.email).await?;
    // The code proves who the student is, not that the typed address is
    // theirs (a typo, a friend's): it stays unconfirmed, and gets nothing
    // but its confirmation link, until the student opens that link signed in.
    let user = insert_user_confirmed_at(&txn, new_user, Role::Student, None, None).await?;
    confirm::mail_student_confirmation(&txn, &user, lang).await?;
    // Only while the record has no account: two claims of one code at once
    // (two tabs, two servers) both read it unclaimed, and the second must
    // not take it over, leaving an account with no student behind it.
    let claimed = student::Entity::update_many()
        .col_expr(
            student::Column::UserId,
            sea_orm::sea_query::Expr::value(user.id),
        )
        .col_expr(
            student::Column::ClaimCodeHash,
            sea_orm::sea_query::Expr::value(None::<String>),
        )
        .col_expr(
            student::Column::ClaimCodeExpiresAt,
            sea_orm::sea_query::Expr::value(None::<chrono::DateTime<Utc>>),
        )
        .filter(student::Column::Id.eq(student.id))
        .filter(student::Column::UserId.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        // Dropping the transaction takes the new account back.
        let mut errors = FieldErrors::new();
        errors.add_id("code", "student-claim-code-invalid");
        return Err(AppError::Validation(errors));
    }
    // Whoever holds a code can take the account: when, and with which
    // address, is on the trail ("someone else has my account" is traced
    // from here), and on the student's record for their counselor.
    crate::counseling::audit::record(
        &txn,
        user.id,
        crate::counseling::audit::AuditAction::ClaimStudentAccount,
        &format!("student {} as {}", student.id, user.email),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// The unclaimed student record a code opens, if it still can.
async fn valid_code(db: &impl ConnectionTrait, code: &str) -> AppResult<Option<student::Model>> {
    let student = student::Entity::find()
        .filter(student::Column::ClaimCodeHash.eq(claim_code::digest(code)))
        .filter(student::Column::Active.eq(true))
        .filter(student::Column::UserId.is_null())
        .one(db)
        .await?;
    Ok(student.filter(|s| s.claim_code_expires_at.is_some_and(|at| at > Utc::now())))
}

/// A student's address while it is unconfirmed: the link sent again, or
/// the address corrected (a typo at claim) and the link sent there.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct AddressCorrection {
    pub email: String,
    #[serde(skip_serializing)]
    pub current_password: String,
}

/// Sends the confirmation link of student `user_id`'s unconfirmed address
/// again, to the address typed (a new one needs their password: it is the
/// address they sign in with). Refused once the address is confirmed.
/// Returns the address the link went to.
pub async fn send_address_link(
    db: &DatabaseConnection,
    user_id: i32,
    form: &AddressCorrection,
    lang: Lang,
) -> AppResult<String> {
    let user = db::found::<user::Entity>(db, user_id).await?;
    if !confirm::needs_their_session(&user) {
        return Err(AppError::conflict("student-address-already-confirmed"));
    }
    // Counted before the address is looked at: each answer may tell whether
    // an address has an account, so a student gets a few tries an hour.
    throttle::charge(
        db,
        &[(format!("address-change:{user_id}"), throttle::ADDRESS_TRIES)],
        |_| crate::i18n::t(lang, "student-address-too-many-tries"),
    )
    .await?;
    let mut errors = FieldErrors::new();
    let email = errors.email("email", &form.email);
    let changed = !email.is_empty() && email != user.email;
    if changed {
        crate::security::mfa::check_current_password(&mut errors, &user, &form.current_password)
            .await?;
    }
    errors.into_result(())?;
    // A few messages an hour to one inbox, however often the button is used.
    if !throttle::allow_mail(db, &email).await? {
        return Err(AppError::TooManyRequests(crate::i18n::t(
            lang,
            "student-address-too-many",
        )));
    }
    let txn = db::begin_write(db).await?;
    if changed {
        if email_taken(&txn, &email).await? {
            return Err(email_taken_error());
        }
        refuse_guardians_address(&txn, user_id, &email).await?;
        // Only while unconfirmed: a confirmed address is never swapped here.
        let updated = user::Entity::update_many()
            .col_expr(user::Column::Email, sea_orm::sea_query::Expr::value(&email))
            .filter(user::Column::Id.eq(user_id))
            .filter(user::Column::EmailConfirmedAt.is_null())
            .exec(&txn)
            .await
            // Registered by someone else since it was looked up.
            .or_conflict(email_taken_error)?;
        if updated.rows_affected == 0 {
            return Err(AppError::conflict("student-address-already-confirmed"));
        }
    }
    let user = db::found::<user::Entity>(&txn, user_id).await?;
    confirm::mail_student_confirmation(&txn, &user, lang).await?;
    txn.commit().await?;
    Ok(user.email)
}

/// Refuses, as the student's sign-in address, one of their guardians'
/// addresses (the family's shared inbox): consent links never go to a
/// student's address (`families::reachable`), so the guardian would stop
/// getting them.
async fn refuse_guardians_address(
    db: &impl ConnectionTrait,
    user_id: i32,
    email: &str,
) -> AppResult<()> {
    let Some(student) = student::Entity::find()
        .filter(student::Column::UserId.eq(user_id))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    refuse_guardians_address_of(db, student.id, email).await
}

async fn refuse_guardians_address_of(
    db: &impl ConnectionTrait,
    student_id: i32,
    email: &str,
) -> AppResult<()> {
    // Folded as the consent links fold it (`families::inbox`: case, `+tag`,
    // Gmail's dots): a student who signs in as `mum+me@…` would otherwise
    // make every link mailed to `mum@…` stop working (eyes15a F1).
    use crate::families::service::{inbox, of_student};
    let wanted = inbox(email);
    let guardians_address = of_student(db, student_id)
        .await?
        .iter()
        .filter_map(|g| g.email.as_deref())
        .any(|address| inbox(address) == wanted);
    if guardians_address {
        let mut errors = FieldErrors::new();
        errors.add_id("email", "student-claim-guardian-address");
        return Err(AppError::Validation(errors));
    }
    Ok(())
}

/// Every admin whose account is not disabled (who the district's safety
/// mail goes to), oldest account first.
pub async fn enabled_admins(db: &impl ConnectionTrait) -> AppResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .filter(user::Column::DisabledAt.is_null())
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?)
}

/// True while no admin exists: the setup page is open only then.
pub async fn needs_setup(db: &impl ConnectionTrait) -> AppResult<bool> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .count(db)
        .await?
        == 0)
}

/// Serialises first-admin setups: an upsert of one named row holds its lock
/// until the transaction ends, so of two setups posted at once on PostgreSQL
/// (where both would otherwise see "no admin yet") the second waits, then
/// sees the first's admin. SQLite write transactions are exclusive already.
async fn lock_setup(db: &impl ConnectionTrait) -> AppResult<()> {
    db::set_state(db, "first_admin_setup", "").await
}

/// Creates the first admin from the setup page; refused once one exists.
pub async fn create_first_admin(
    db: &DatabaseConnection,
    form: &NewAdmin,
) -> AppResult<user::Model> {
    // Once an admin exists the page is gone, whatever was typed.
    if !needs_setup(db).await? {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::new();
    let new_user = validate_new_user(&mut errors, &form.email, &form.display_name, &form.password);
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    lock_setup(&txn).await?;
    if !needs_setup(&txn).await? {
        return Err(AppError::NotFound);
    }
    let admin = insert_user(&txn, new_user, Role::Admin, None).await?;
    txn.commit().await?;
    Ok(admin)
}

/// Creates an admin whatever exists already (the `create-admin` command).
pub async fn create_admin(db: &DatabaseConnection, form: &NewAdmin) -> AppResult<user::Model> {
    let mut errors = FieldErrors::new();
    let new_user = validate_new_user(&mut errors, &form.email, &form.display_name, &form.password);
    errors.into_result(())?;
    // A write transaction from the start: a deferred one that reads (is the
    // email taken?) and then writes fails with "database is locked" on SQLite
    // whenever another connection wrote in between (the search worker, a session).
    let txn = db::begin_write(db).await?;
    let admin = insert_user(&txn, new_user, Role::Admin, None).await?;
    txn.commit().await?;
    Ok(admin)
}

/// Validates a new user's basics and creates the account: counselors
/// created by an admin, who vouches for the address (`confirmed` now), and
/// colleagues joining through an invitation, whose link was shown to the
/// inviter, not mailed (`None`: they confirm it by mail).
pub async fn insert_user_checked(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    password: &str,
    role: Role,
    organization_id: Option<i32>,
    email_confirmed_at: Option<chrono::DateTime<Utc>>,
) -> AppResult<user::Model> {
    let mut errors = FieldErrors::new();
    let new_user = validate_new_user(&mut errors, email, display_name, password);
    errors.into_result(())?;
    insert_user_confirmed_at(db, new_user, role, organization_id, email_confirmed_at).await
}

/// Saves the interface language a person chose, so it follows them to
/// every device they log in on.
pub async fn save_language(
    db: &DatabaseConnection,
    user_id: i32,
    lang: crate::i18n::Lang,
) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::Language,
            sea_orm::sea_query::Expr::value(lang.code()),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
