//! Who reaches which school's students is on the audit trail (creating a
//! school or a counselor, each school given, each taken away), and a
//! counselor taken off every school keeps no district-wide power over
//! organizations.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::helpers::{TestApp, location, on_each_backend};

/// The audit rows of one action, as (actor, subject), oldest first.
async fn audited(app: &TestApp, action: &str) -> Vec<(i32, String)> {
    entity::audit_log::Entity::find()
        .filter(entity::audit_log::Column::Action.eq(action))
        .order_by_asc(entity::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.actor_id, e.subject))
        .collect()
}

async fn school_id(app: &TestApp, name: &str) -> i32 {
    entity::school::Entity::find()
        .filter(entity::school::Column::Name.eq(name))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn organization_status(app: &TestApp, id: i32) -> String {
    entity::organization::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .key()
        .to_owned()
}

#[tokio::test]
async fn an_admin_creating_schools_and_a_counselor_leaves_who_gave_whom_which_schools() {
    on_each_backend(async |app: TestApp| {
        let admin = app.admin().await;
        for name in ["Lincoln High", "Roosevelt High"] {
            let response = app
                .submit_as(
                    &admin,
                    "/admin",
                    "/admin/schools",
                    &[("name", name), ("zip", "60608")],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name}");
        }
        let lincoln = school_id(&app, "Lincoln High").await.to_string();
        let roosevelt = school_id(&app, "Roosevelt High").await.to_string();
        let schools = audited(&app, "create_school").await;
        assert_eq!(
            schools,
            vec![
                (admin.id, format!("Lincoln High (60608, school {lincoln})")),
                (
                    admin.id,
                    format!("Roosevelt High (60608, school {roosevelt})")
                ),
            ]
        );

        // A refused form (a school that does not exist) records nothing.
        let audits = app.count("audit_log").await;
        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/counselors",
                &[
                    ("display_name", "Dana Two"),
                    ("email", "dana.two@district.example"),
                    ("school_ids", "999"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("audit_log").await, audits, "nothing audited");

        let response = app
            .submit_as(
                &admin,
                "/admin",
                "/admin/counselors",
                &[
                    ("display_name", "Dana Two"),
                    ("email", "dana.two@district.example"),
                    ("school_ids", &lincoln),
                    ("school_ids", &roosevelt),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let created = audited(&app, "create_counselor").await;
        assert_eq!(created.len(), 1);
        assert_eq!(created[0].0, admin.id);
        for name in [
            "dana.two@district.example for ",
            "Lincoln High",
            "Roosevelt High",
        ] {
            assert!(created[0].1.contains(name), "{created:?}");
        }
        let mut given = audited(&app, "give_counselor_school").await;
        given.sort();
        assert_eq!(
            given,
            vec![
                (
                    admin.id,
                    "dana.two@district.example to Lincoln High".to_owned()
                ),
                (
                    admin.id,
                    "dana.two@district.example to Roosevelt High".to_owned()
                ),
            ]
        );

        // The admin's filter lists the new actions and finds the grants.
        let page = app
            .get_as(&admin, "/admin/audit")
            .await
            .text()
            .await
            .unwrap();
        for action in ["create_school", "create_counselor", "give_counselor_school"] {
            assert!(page.contains(&format!("value=\"{action}\"")), "{action}");
        }
        assert!(page.contains("Gave a counselor a school"));
        let page = app
            .get_as(&admin, "/admin/audit?action=give_counselor_school")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("dana.two@district.example to Roosevelt High"));
        assert!(!page.contains("Lincoln High (60608"), "only the grants");
    })
    .await;
}

#[tokio::test]
async fn a_counselor_taken_off_every_school_may_no_longer_review_organizations() {
    on_each_backend(async |app: TestApp| {
        // Arrange: Dana looks after Lincoln High; an organization waits.
        let admin = app.admin().await;
        let school = app.school("Lincoln High").await;
        let dana = app.counselor("dana@district.example", &[school]).await;
        app.employer("Totally Real Labs", "boss@totallyreal.example")
            .await;
        let organization = app.organization_id("Totally Real Labs").await;
        for page in ["/organizations/review", "/counselor/employers"] {
            assert_eq!(app.get_as(&dana, page).await.status(), StatusCode::OK);
        }

        // Act: the admin takes her off her only school.
        let response = app
            .submit_as(
                &admin,
                "/admin/accounts",
                &format!("/admin/accounts/{}/schools/{school}/remove", dana.id),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let accounts = app
            .get_as(&admin, &location(&response))
            .await
            .text()
            .await
            .unwrap();
        assert!(accounts.contains("has no school left"), "{accounts}");
        assert!(
            accounts.contains("No school: reaches no student and may not review organizations."),
            "{accounts}"
        );

        // Assert: the queue, the quality view and every decision are refused,
        // saying why, and the organization stays as it was.
        for page in ["/organizations/review", "/counselor/employers"] {
            let response = app.get_as(&dana, page).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{page}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("You look after no school at the moment"),
                "{page}"
            );
        }
        let token = app.csrf_token(&dana, "/account").await;
        let seen = {
            let row = entity::organization::Entity::find_by_id(organization)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            stembridge::organizations::service::seen_stamp(&row)
        };
        let review = dana
            .post(app.url(&format!("/organizations/{organization}/review")))
            .form(&[
                ("csrf_token", token.as_str()),
                ("decision", "verify"),
                ("reason", ""),
                ("seen", seen.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(review.status(), StatusCode::FORBIDDEN);
        let change = dana
            .post(app.url(&format!("/organizations/{organization}/change")))
            .form(&[
                ("csrf_token", token.as_str()),
                ("decision", "approve"),
                ("name", "Totally Real Labs"),
                ("website", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(change.status(), StatusCode::FORBIDDEN);
        assert_eq!(organization_status(&app, organization).await, "pending");
        assert!(audited(&app, "verify_organization").await.is_empty());

        // An admin, who looks after every school, still decides.
        let response = app.review(&admin, "Totally Real Labs", "verify", "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(organization_status(&app, organization).await, "verified");
    })
    .await;
}
