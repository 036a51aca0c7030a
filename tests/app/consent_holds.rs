//! A family's report holds a student's email consent until an admin lifts
//! it: the admins see every hold on one list, oldest first, linked from
//! their home page, and a hold nobody lifts for three days is mailed to
//! every admin, in their language, once a day at most (real SMTP).

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use stembridge::{
    accounts::service::{NewAdmin, create_admin},
    families::holds,
};

use crate::{
    families::text,
    guardian_contacts::{Waiting, correct_maria, waiting_for_maria},
    helpers::{PASSWORD, backends, new_client},
};

#[tokio::test]
async fn admins_see_every_held_student_and_are_reminded_of_a_hold_nobody_lifts() {
    for backend in backends() {
        let Waiting { server, app, w, .. } = waiting_for_maria(backend, "es").await;
        // A second admin, who reads in Spanish.
        let spanish = create_admin(
            &app.db,
            &NewAdmin {
                display_name: "Beatriz".into(),
                email: "beatriz@example.org".into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .unwrap();
        entity::user::Entity::update_many()
            .col_expr(entity::user::Column::Language, Expr::value("es"))
            .filter(entity::user::Column::Id.eq(spanish.id))
            .exec(&app.db)
            .await
            .unwrap();

        // Nothing held yet.
        let list = text(&app, &w.admin, holds::PATH).await;
        assert!(
            list.contains("email consent is on hold.") && !list.contains("id=\"consent-holds\""),
            "{list}"
        );
        let home = text(&app, &w.admin, "/admin").await;
        assert!(home.contains("href=\"/admin/consent-holds\""), "{home}");

        // The counselor moves María's contact; her old inbox reports it.
        let response = correct_maria(&app, &w, "carla.home@example.net", "true").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = server
            .wait_for_to("maria@example.org", 2, 15)
            .await
            .remove(1)
            .link("/address-report/");
        let alerted = (
            server.received_to(&w.admin.email).len() + 1,
            server.received_to("beatriz@example.org").len() + 1,
        );
        let done = app.submit_as(&new_client(), &report, &report, &[]).await;
        assert_eq!(done.status(), StatusCode::OK);
        // Every admin hears of the report at once (address_report).
        server.wait_for_to(&w.admin.email, alerted.0, 15).await;
        server
            .wait_for_to("beatriz@example.org", alerted.1, 15)
            .await;

        // The list: the student, the school, since when, whose notice (to
        // which address), and the record where the hold is lifted.
        let record = format!("/counselor/students/{}", w.student_id);
        let list = text(&app, &w.admin, holds::PATH).await;
        for expected in [
            "Ana Rivera",
            "Lincoln High",
            "María Rivera: the notice sent",
            "to maria@example.org, reported",
            &format!("href=\"{record}#consent-held\""),
        ] {
            assert!(list.contains(expected), "{expected}: {list}");
        }
        let found = text(&app, &w.admin, &format!("{}?q=rivera", holds::PATH)).await;
        assert!(found.contains("Ana Rivera"), "{found}");
        let none = text(&app, &w.admin, &format!("{}?q=zed", holds::PATH)).await;
        assert!(
            none.contains("No student on hold matches this search."),
            "{none}"
        );
        let bad = app
            .get_as(&w.admin, &format!("{}?page=0", holds::PATH))
            .await;
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        // Admins only: the report may be about the school's counselor.
        let refused = app.get_as(&w.counselor, holds::PATH).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(!refused.text().await.unwrap().contains("Ana Rivera"));

        // Under three days old: no reminder yet.
        let now = chrono::Utc::now();
        assert!(!holds::remind(&app.db, now).await.unwrap());
        // Four days on, every admin is mailed once, in their language.
        let later = now + chrono::Duration::days(4);
        let before = (
            server.received_to(&w.admin.email).len(),
            server.received_to("beatriz@example.org").len(),
        );
        assert!(holds::remind(&app.db, later).await.unwrap());
        let english = server
            .wait_for_to(&w.admin.email, before.0 + 1, 15)
            .await
            .pop()
            .unwrap();
        assert!(
            english
                .subject()
                .contains("Email consent has been on hold for more than 3 days"),
            "{}",
            english.subject()
        );
        let body = english.text();
        assert!(body.contains("Lincoln High, on hold since"), "{body}");
        assert!(
            english
                .link("/counselor/students/")
                .ends_with(&w.student_id.to_string())
        );
        assert!(
            english
                .link("/admin/consent-holds")
                .ends_with("/admin/consent-holds")
        );
        assert!(
            !body.contains("Ana"),
            "no student's name in the mail: {body}"
        );
        let spanish_mail = server
            .wait_for_to("beatriz@example.org", before.1 + 1, 15)
            .await
            .pop()
            .unwrap();
        assert!(
            spanish_mail
                .subject()
                .contains("El consentimiento por correo lleva más de 3 días retenido"),
            "{}",
            spanish_mail.subject()
        );
        // Once a day at most: the same day again mails nobody, the next
        // day does.
        assert!(!holds::remind(&app.db, later).await.unwrap());
        assert!(
            holds::remind(&app.db, later + chrono::Duration::days(1))
                .await
                .unwrap()
        );
        server.wait_for_to(&w.admin.email, before.0 + 2, 15).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(server.received_to(&w.admin.email).len(), before.0 + 2);

        // An admin lifts the hold on the record: the list is empty and no
        // reminder goes out.
        let lifted = app
            .submit_as(
                &w.admin,
                &record,
                &format!("{record}/consent-hold/clear"),
                &[],
            )
            .await;
        assert_eq!(lifted.status(), StatusCode::SEE_OTHER);
        let list = text(&app, &w.admin, holds::PATH).await;
        assert!(
            list.contains("email consent is on hold.") && !list.contains("id=\"consent-holds\""),
            "{list}"
        );
        assert!(
            !holds::remind(&app.db, later + chrono::Duration::days(2))
                .await
                .unwrap()
        );
    }
}
