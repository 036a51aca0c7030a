//! Demo guardians: every demo student gets one, at the reserved example.org
//! domain, a third of them reading Spanish, so the consent journey works on
//! the demo (mail waits at /admin/mail without an SMTP server).

use chrono::Utc;
use entity::{guardian, student, student_guardian};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::error::AppResult;

const GIVEN: &[&str] = &[
    "María", "James", "Thu", "Keisha", "Rosa", "Piotr", "Anjali", "Carmen", "Ngozi", "David",
    "Layla", "Elena", "Min-jun", "Kofi", "Wei", "Sarah", "Hodan", "Lucía", "Tanya", "Yusuf",
];

/// "Lucía" as "lucia", "Min-jun" as "minjun": the local part of an address.
fn ascii(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'á' => Some('a'),
            'é' => Some('e'),
            'í' => Some('i'),
            'ó' => Some('o'),
            'ú' => Some('u'),
            'ñ' => Some('n'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Inserts the `n`th demo guardian as a contact of `student`.
pub async fn give_guardian(
    db: &impl ConnectionTrait,
    student: &student::Model,
    n: usize,
) -> AppResult<()> {
    let now = Utc::now();
    let given = GIVEN[n % GIVEN.len()];
    let email = format!(
        "{}.{}.{n}@example.org",
        ascii(given),
        ascii(&student.last_name)
    );
    let saved = guardian::ActiveModel {
        sourced_id: Set(Some(format!("demo-guardian-{n:04}"))),
        given_name: Set(given.to_owned()),
        family_name: Set(student.last_name.clone()),
        email: Set(Some(email)),
        phone: Set(Some(format!("555-01{:02}", n % 100))),
        language: Set(if n.is_multiple_of(3) { "es" } else { "en" }.to_owned()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    student_guardian::ActiveModel {
        student_id: Set(student.id),
        guardian_id: Set(saved.id),
    }
    .insert(db)
    .await?;
    Ok(())
}
