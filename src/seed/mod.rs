//! The demo data set: schools, counselors, verified employers with a few
//! hundred published postings, and students: enough to click through every
//! journey on a fresh install.

mod draws;
mod families;
pub mod postings;
pub mod roster;

use chrono::Utc;
use entity::{
    OpportunityStatus, OrgStatus, Role, counselor_school, organization, school, student, user,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};

use crate::{accounts::service::insert_user_hashed, auth::password, opportunities};

/// Shared by every demo account (demo only: never use on a real instance).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// One printed login.
pub struct DemoLogin {
    pub role: &'static str,
    pub email: String,
}

const SCHOOLS: &[(&str, &str)] = &[
    ("Lincoln High School", "60608"),
    ("Roosevelt STEM Academy", "60623"),
];
/// Demo employers: name and metro (index into `postings::METROS`).
const EMPLOYERS: &[(&str, usize)] = &[
    ("Lakeshore Robotics", 0),
    ("Midwest Community Health", 0),
    ("Prairie Data Lab", 0),
    ("Great Lakes Water Authority Lab", 0),
    ("Bayou Energy Research", 1),
    ("Gulf Coast Children's Hospital", 1),
    ("Space City Software", 1),
    ("Pacific Aerospace Works", 2),
    ("Eastside Clinic Network", 2),
    ("LA Urban Forestry Collective", 2),
    ("Peachtree Analytics", 3),
    ("Atlanta BioLabs", 3),
];
/// Published postings per demo employer.
const POSTINGS_PER_EMPLOYER: usize = 20;
const STUDENTS: &[(&str, &str, i32)] = &[
    ("Ana", "Rivera", 11),
    ("Marcus", "Johnson", 10),
    ("Linh", "Nguyen", 12),
    ("Jamal", "Williams", 9),
    ("Sofia", "Hernandez", 11),
    ("Aiden", "Kowalski", 10),
];

/// A demo employer, for postings added after the generated ones.
#[derive(Clone, Copy)]
struct DemoEmployer {
    organization_id: i32,
    user_id: i32,
}

/// Loads the demo data; refuses to run twice on the same database.
pub async fn load_demo(db: &DatabaseConnection) -> anyhow::Result<Vec<DemoLogin>> {
    let already = user::Entity::find()
        .filter(user::Column::Email.eq("admin@demo.stembridge.test"))
        .count(db)
        .await?;
    if already > 0 {
        anyhow::bail!("The demo data is already loaded in this database.");
    }
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let txn = db.begin().await?;
    let now = Utc::now();
    let mut logins = Vec::new();

    let admin = insert_user_hashed(
        &txn,
        "admin@demo.stembridge.test",
        "Demo Admin",
        Role::Admin,
        None,
        &hash,
    )
    .await?;
    logins.push(DemoLogin {
        role: "admin",
        email: admin.email,
    });

    let mut school_ids = Vec::new();
    for (index, (name, zip)) in SCHOOLS.iter().enumerate() {
        let school = school::ActiveModel {
            name: Set((*name).to_owned()),
            sourced_id: Set(Some(format!("demo-school-{index}"))),
            zip: Set((*zip).to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        school_ids.push(school.id);
        let email = format!("counselor{}@demo.stembridge.test", index + 1);
        let counselor = insert_user_hashed(
            &txn,
            &email,
            &format!("Counselor {}", index + 1),
            Role::Counselor,
            None,
            &hash,
        )
        .await?;
        counselor_school::ActiveModel {
            user_id: Set(counselor.id),
            school_id: Set(school.id),
        }
        .insert(&txn)
        .await?;
        logins.push(DemoLogin {
            role: "counselor",
            email,
        });

        for (n, (first, last, grade)) in STUDENTS.iter().enumerate() {
            let claimed = n == 0;
            let user_id = if claimed {
                let email = format!(
                    "{}.{}{}@demo.stembridge.test",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    index + 1
                );
                let user =
                    insert_user_hashed(&txn, &email, first, Role::Student, None, &hash).await?;
                logins.push(DemoLogin {
                    role: "student",
                    email,
                });
                Some(user.id)
            } else {
                None
            };
            let student = student::ActiveModel {
                school_id: Set(school.id),
                user_id: Set(user_id),
                first_name: Set((*first).to_owned()),
                last_name: Set((*last).to_owned()),
                grade: Set(*grade),
                claim_code_hash: Set(None),
                claim_code_expires_at: Set(None),
                active: Set(true),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            families::give_guardian(&txn, &student, 1000 + index * STUDENTS.len() + n).await?;
        }
    }

    let mut published = Vec::new();
    // Each demo employer's organization and account, and its metro area.
    let mut employers = Vec::new();
    let mut rng = postings::rng(2026);
    let today = now.date_naive();
    for (index, (name, metro)) in EMPLOYERS.iter().enumerate() {
        let slug: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        let (_, zips) = postings::METROS[*metro];
        let mut organization = organization::ActiveModel {
            name: Set((*name).to_owned()),
            website: Set(format!("https://{slug}.example")),
            description: Set(format!(
                "{name} hosts students from local schools every year."
            )),
            address: Set(String::new()),
            zip: Set(zips[0].to_owned()),
            contact_email: Set(format!("employer{}@demo.stembridge.test", index + 1)),
            contact_phone: Set(String::new()),
            status: Set(OrgStatus::Verified),
            status_reason: Set(None),
            reviewed_by: Set(Some(admin.id)),
            reviewed_at: Set(Some(now)),
            created_at: Set(now),
            ..Default::default()
        };
        crate::organizations::lookalikes::Keys::of(
            name,
            &format!("https://{slug}.example"),
            &format!("employer{}@demo.stembridge.test", index + 1),
        )
        .set_on(&mut organization);
        let organization = organization.insert(&txn).await?;
        let email = format!("employer{}@demo.stembridge.test", index + 1);
        let employer = insert_user_hashed(
            &txn,
            &email,
            &format!("{name} staff"),
            Role::Employer,
            Some(organization.id),
            &hash,
        )
        .await?;
        employers.push((
            DemoEmployer {
                organization_id: organization.id,
                user_id: employer.id,
            },
            *metro,
        ));
        if index < 3 {
            logins.push(DemoLogin {
                role: "employer",
                email,
            });
        }
        for _ in 0..POSTINGS_PER_EMPLOYER {
            let form = postings::generate(&mut rng, *metro, today);
            let posting = form.parse().map_err(|errors| {
                anyhow::anyhow!(
                    "demo posting invalid: {}",
                    errors.summary(crate::i18n::Lang::En)
                )
            })?;
            published.push(
                opportunities::service::insert(
                    &txn,
                    &opportunities::service::Made {
                        organization_id: organization.id,
                        created_by: employer.id,
                        created_with: None,
                    },
                    &posting,
                    OpportunityStatus::Published,
                )
                .await?,
            );
        }
    }
    roster::load(&txn, &school_ids, &published, admin.id).await?;
    // After the roster, so the generated applications stay as they were.
    for (n, spanish) in postings::SPANISH.iter().enumerate() {
        let (employer, metro) = employers
            .get(spanish.employer)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("no demo employer {}", spanish.employer))?;
        let posting = spanish.form(n, metro, today).parse().map_err(|errors| {
            anyhow::anyhow!(
                "demo posting invalid: {}",
                errors.summary(crate::i18n::Lang::En)
            )
        })?;
        opportunities::service::insert(
            &txn,
            &opportunities::service::Made {
                organization_id: employer.organization_id,
                created_by: employer.user_id,
                created_with: None,
            },
            &posting,
            OpportunityStatus::Published,
        )
        .await?;
    }
    txn.commit().await?;
    // After the commit: the fair draw runs in its own transaction, as it does live.
    if let Some((employer, metro)) = employers.first().copied() {
        draws::load(db, employer.organization_id, employer.user_id, metro).await?;
    }
    Ok(logins)
}
