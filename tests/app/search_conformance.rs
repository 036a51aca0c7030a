//! One conformance suite for every search engine: the embedded engine always,
//! Meilisearch too when MEILI_URL (and MEILI_MASTER_KEY) point at a server.
//! Each test loads the same hand-built documents and checks exact answers.
//! The Spanish cases also hold the database fallback to the same answers.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use entity::{AccessNeed, Compensation, OpportunityKind, PostingLanguage, StemField, WorkMode};
use stembridge::{
    geo::zip_centroid,
    i18n::Lang,
    search::{
        SearchDocument, SearchEngine, SearchQuery, SearchResults, Sort, embedded::EmbeddedEngine,
        meili::MeiliEngine, query::Near,
    },
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn doc(id: i32, title: &str) -> SearchDocument {
    let loop_chicago = zip_centroid("60601").unwrap();
    SearchDocument {
        id,
        title: title.into(),
        description: "Hands-on work with a friendly team.".into(),
        written_in: PostingLanguage::En,
        organization: "Acme".into(),
        organization_id: 1,
        kind: OpportunityKind::Internship,
        field: StemField::Engineering,
        mode: WorkMode::OnSite,
        needs: vec![],
        languages: vec!["en".into()],
        skills: String::new(),
        min_grade: 9,
        max_grade: 12,
        deadline: today() + Duration::days(30),
        start_date: today() + Duration::days(60),
        published_at: 1_700_000_000 + i64::from(id),
        pay_cents_per_hour: 0,
        pay: "Unpaid".into(),
        compensation: Some(Compensation::Unpaid),
        pay_cents: None,
        slots_left: 2,
        latitude: loop_chicago.latitude,
        longitude: loop_chicago.longitude,
    }
}

fn at(mut d: SearchDocument, zip: &str) -> SearchDocument {
    let point = zip_centroid(zip).unwrap();
    d.latitude = point.latitude;
    d.longitude = point.longitude;
    d
}

/// Ten documents that differ in exactly the ways the tests look at.
fn fixture() -> Vec<SearchDocument> {
    vec![
        SearchDocument {
            needs: vec![AccessNeed::Paid, AccessNeed::WheelchairAccessible],
            pay_cents_per_hour: 1800,
            pay: "$18 an hour".into(),
            compensation: Some(Compensation::Hourly),
            pay_cents: Some(1800),
            ..doc(1, "Robotics lab intern")
        },
        SearchDocument {
            needs: vec![AccessNeed::Paid],
            pay_cents_per_hour: 2200,
            pay: "$22 an hour".into(),
            compensation: Some(Compensation::Hourly),
            pay_cents: Some(2200),
            kind: OpportunityKind::Apprenticeship,
            ..at(doc(2, "Electrical apprenticeship"), "60201")
        },
        SearchDocument {
            field: StemField::Health,
            kind: OpportunityKind::JobShadow,
            languages: vec!["en".into(), "es".into()],
            needs: vec![AccessNeed::TransitAccessible],
            ..doc(3, "Hospital pharmacy job shadow")
        },
        SearchDocument {
            field: StemField::LifeSciences,
            mode: WorkMode::Remote,
            needs: vec![AccessNeed::RemoteOk, AccessNeed::EquipmentProvided],
            ..at(doc(4, "Biología marina virtual lab"), "90012")
        },
        SearchDocument {
            field: StemField::ComputerScience,
            description: "Write code for the robotics team website.".into(),
            ..at(doc(5, "Web developer intern"), "90012")
        },
        SearchDocument {
            field: StemField::PhysicalSciences,
            min_grade: 11,
            max_grade: 12,
            ..doc(6, "Café chemistry lab")
        },
        SearchDocument {
            field: StemField::LifeSciences,
            deadline: today() - Duration::days(1),
            ..doc(7, "Microbiology lab assistant")
        },
        SearchDocument {
            slots_left: 0,
            ..doc(8, "Full robotics internship")
        },
        SearchDocument {
            field: StemField::LifeSciences,
            languages: vec!["vi".into()],
            deadline: today() + Duration::days(5),
            ..doc(9, "Microbiology research helper")
        },
        SearchDocument {
            field: StemField::Engineering,
            needs: vec![
                AccessNeed::Paid,
                AccessNeed::WheelchairAccessible,
                AccessNeed::MentorAssigned,
            ],
            pay_cents_per_hour: 1600,
            pay: "$2,300 stipend".into(),
            compensation: Some(Compensation::Stipend),
            pay_cents: Some(230_000),
            ..doc(10, "Bridge engineering intern")
        },
    ]
}

/// Every engine under test, loaded with the fixture.
async fn engines() -> Vec<(Arc<dyn SearchEngine>, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().unwrap();
    let embedded = EmbeddedEngine::open(dir.path()).unwrap();
    let mut engines: Vec<(Arc<dyn SearchEngine>, Option<tempfile::TempDir>)> =
        vec![(Arc::new(embedded), Some(dir))];
    if let Ok(url) = std::env::var("MEILI_URL") {
        let key = std::env::var("MEILI_MASTER_KEY").ok();
        let uid = format!("conformance_{}", uuid::Uuid::new_v4().simple());
        let meili = MeiliEngine::new(&url, key.as_deref(), &uid).unwrap();
        engines.push((Arc::new(meili), None));
    }
    for (engine, _) in &engines {
        engine.rebuild(fixture()).await.expect("fixture indexed");
    }
    engines
}

fn query() -> SearchQuery {
    SearchQuery {
        per_page: 100,
        ..SearchQuery::everything(today())
    }
}

async fn ids(engine: &dyn SearchEngine, query: SearchQuery) -> Vec<i32> {
    let results = engine.search(&query).await.expect("search");
    results.hits.iter().map(|h| h.document.id).collect()
}

async fn sorted_ids(engine: &dyn SearchEngine, query: SearchQuery) -> Vec<i32> {
    let mut ids = ids(engine, query).await;
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn expired_and_full_postings_never_show() {
    for (engine, _dir) in engines().await {
        let all = sorted_ids(engine.as_ref(), query()).await;
        assert_eq!(all, vec![1, 2, 3, 4, 5, 6, 9, 10], "{:?}", engine.kind());
        let later = SearchQuery {
            today: today() + Duration::days(6),
            ..query()
        };
        assert!(
            !ids(engine.as_ref(), later).await.contains(&9),
            "a deadline passes by itself"
        );
    }
}

#[tokio::test]
async fn filters_combine_any_within_a_facet_and_all_across_needs() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    kinds: vec![OpportunityKind::Apprenticeship, OpportunityKind::JobShadow],
                    ..query()
                }
            )
            .await,
            vec![2, 3]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    fields: vec![StemField::LifeSciences],
                    ..query()
                }
            )
            .await,
            vec![4, 9]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    modes: vec![WorkMode::Remote],
                    ..query()
                }
            )
            .await,
            vec![4]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    needs: vec![AccessNeed::Paid],
                    ..query()
                }
            )
            .await,
            vec![1, 2, 10]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    needs: vec![AccessNeed::Paid, AccessNeed::WheelchairAccessible],
                    ..query()
                }
            )
            .await,
            vec![1, 10]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    languages: vec!["es".into(), "vi".into()],
                    ..query()
                }
            )
            .await,
            vec![3, 9]
        );
        assert_eq!(
            sorted_ids(
                e,
                SearchQuery {
                    grade: Some(10),
                    ..query()
                }
            )
            .await,
            vec![1, 2, 3, 4, 5, 9, 10]
        );
    }
}

#[tokio::test]
async fn facet_counts_say_what_adding_each_value_would_give() {
    for (engine, _dir) in engines().await {
        let q = SearchQuery {
            kinds: vec![OpportunityKind::Internship],
            fields: vec![StemField::Engineering],
            ..query()
        };
        let results = engine.search(&q).await.unwrap();
        assert_eq!(results.total, 2, "{:?}", engine.kind());
        let f = &results.facets;
        // Kind counts ignore the kind filter but keep the field filter: internships 1 and 10, apprenticeship 2.
        assert_eq!(
            (
                f.kind["internship"],
                f.kind["apprenticeship"],
                f.kind["job_shadow"]
            ),
            (2, 1, 0)
        );
        // Field counts ignore the field filter but keep the kind filter.
        assert_eq!(
            (
                f.field["engineering"],
                f.field["physical_sciences"],
                f.field["computer_science"],
                f.field["life_sciences"]
            ),
            (2, 1, 1, 2)
        );
        assert_eq!(f.mode["on_site"], 2);
        // Needs are "all of": counted among the results.
        assert_eq!(
            (
                f.need["paid"],
                f.need["wheelchair_accessible"],
                f.need["mentor_assigned"],
                f.need["remote_ok"]
            ),
            (2, 2, 1, 0)
        );
    }
}

#[tokio::test]
async fn typos_are_forgiven_by_word_length() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        let text = |t: &str| SearchQuery {
            text: t.into(),
            ..query()
        };
        assert!(
            ids(e, text("robtics")).await.contains(&1),
            "one typo in a 7-letter word"
        );
        assert!(
            ids(e, text("mircobiolgy")).await.contains(&9),
            "two typos in an 11-letter word"
        );
        assert!(
            ids(e, text("elecrtical")).await.contains(&2),
            "a swap counts as one typo"
        );
        assert!(
            ids(e, text("cide")).await.is_empty(),
            "no typo allowed under 5 letters (code)"
        );
        assert_eq!(ids(e, text("bridge")).await, vec![10]);
    }
}

#[tokio::test]
async fn case_and_accents_do_not_matter() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    text: "BIOLOGIA".into(),
                    ..query()
                }
            )
            .await,
            vec![4]
        );
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    text: "cafe".into(),
                    ..query()
                }
            )
            .await,
            vec![6]
        );
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    text: "Café".into(),
                    ..query()
                }
            )
            .await,
            vec![6]
        );
    }
}

#[tokio::test]
async fn title_matches_rank_before_description_matches() {
    for (engine, _dir) in engines().await {
        let found = ids(
            engine.as_ref(),
            SearchQuery {
                text: "robotics".into(),
                ..query()
            },
        )
        .await;
        assert_eq!(found, vec![1, 5], "{:?}", engine.kind());
    }
}

#[tokio::test]
async fn a_radius_keeps_nearby_and_remote_postings_and_reports_distances() {
    for (engine, _dir) in engines().await {
        let near = Near {
            zip: "60601".into(),
            point: zip_centroid("60601").unwrap(),
            within_miles: Some(5.0),
        };
        let q = SearchQuery {
            near: Some(near.clone()),
            sort: Sort::Nearest,
            ..query()
        };
        let results = engine.search(&q).await.unwrap();
        let found: Vec<i32> = results.hits.iter().map(|h| h.document.id).collect();
        assert!(!found.contains(&2), "Evanston is about 12 miles away");
        assert!(!found.contains(&5), "Los Angeles is too far");
        assert!(found.contains(&4), "remote work is within reach");
        assert_eq!(
            found.last(),
            Some(&4),
            "the remote one in Los Angeles sorts last by distance"
        );
        assert!(results.hits[0].distance_miles.unwrap() < 1.0);
        let wider = SearchQuery {
            near: Some(Near {
                within_miles: Some(15.0),
                ..near
            }),
            ..q
        };
        assert!(ids(engine.as_ref(), wider).await.contains(&2));
    }
}

#[tokio::test]
async fn a_count_is_the_total_of_the_same_search_without_its_hits() {
    let chicago = |miles: Option<f64>| Near {
        zip: "60601".into(),
        point: zip_centroid("60601").unwrap(),
        within_miles: miles,
    };
    // Filters, facets with selections, a radius or only distances, words
    // (with a typo), words matching nothing, and a later day.
    let queries = vec![
        query(),
        SearchQuery {
            kinds: vec![OpportunityKind::Internship],
            fields: vec![StemField::Engineering, StemField::LifeSciences],
            ..query()
        },
        SearchQuery {
            needs: vec![AccessNeed::Paid, AccessNeed::WheelchairAccessible],
            grade: Some(10),
            ..query()
        },
        SearchQuery {
            languages: vec!["es".into(), "vi".into()],
            modes: vec![WorkMode::OnSite, WorkMode::Remote],
            ..query()
        },
        SearchQuery {
            near: Some(chicago(Some(5.0))),
            ..query()
        },
        SearchQuery {
            near: Some(chicago(None)),
            grade: Some(12),
            ..query()
        },
        SearchQuery {
            text: "robotcs lab".into(),
            ..query()
        },
        SearchQuery {
            text: "intern".into(),
            sort: Sort::Deadline,
            page: 2,
            per_page: 1,
            ..query()
        },
        SearchQuery {
            text: "xylophone".into(),
            ..query()
        },
        SearchQuery {
            today: today() + Duration::days(6),
            ..query()
        },
    ];
    for (engine, _dir) in engines().await {
        let counted = engine.count(&queries).await.expect("count");
        let mut totals = Vec::new();
        for query in &queries {
            totals.push(engine.search(query).await.expect("search").total);
        }
        assert_eq!(counted, totals, "{:?}", engine.kind());
        assert_eq!(&counted[..2], &[8, 4], "{:?}", engine.kind());
        assert!(
            engine.count(&[]).await.expect("no searches").is_empty(),
            "{:?}",
            engine.kind()
        );
        // Spanish postings are counted as they are searched.
        engine.rebuild(spanish_fixture()).await.expect("indexed");
        let spanish: Vec<SearchQuery> = ["ingeniería", "laboratorio", "de", "data"]
            .iter()
            .map(|text| SearchQuery {
                text: (*text).into(),
                ..query()
            })
            .collect();
        let counted = engine.count(&spanish).await.expect("count");
        let mut totals = Vec::new();
        for query in &spanish {
            totals.push(engine.search(query).await.expect("search").total);
        }
        assert_eq!(counted, totals, "{:?}", engine.kind());
    }
}

#[tokio::test]
async fn every_sort_orders_as_promised() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    sort: Sort::Newest,
                    ..query()
                }
            )
            .await,
            vec![10, 9, 6, 5, 4, 3, 2, 1]
        );
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    sort: Sort::Deadline,
                    ..query()
                }
            )
            .await[0],
            9
        );
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    sort: Sort::Pay,
                    ..query()
                }
            )
            .await[..3],
            [2, 1, 10]
        );
        let near = Near {
            zip: "90012".into(),
            point: zip_centroid("90012").unwrap(),
            within_miles: None,
        };
        let nearest = ids(
            e,
            SearchQuery {
                sort: Sort::Nearest,
                near: Some(near),
                ..query()
            },
        )
        .await;
        assert_eq!(
            nearest[..2],
            [5, 4],
            "the two in Los Angeles first (newer first on a tie)"
        );
    }
}

#[tokio::test]
async fn every_engine_and_the_fallback_write_pay_in_the_readers_language() {
    let mut searchers = vec![Searcher::Fallback(fixture())];
    for (engine, dir) in engines().await {
        searchers.push(Searcher::Engine { engine, _dir: dir });
    }
    for searcher in &searchers {
        let results = searcher.search(&query()).await;
        let pay = |id: i32, lang: Lang| {
            results
                .hits
                .iter()
                .find(|h| h.document.id == id)
                .map(|h| h.document.pay_in(lang))
                .unwrap_or_else(|| panic!("{id} on the {}", searcher.name()))
        };
        for (id, english, spanish) in [
            (1, "$18 an hour", "$18 por hora"),
            (10, "$2,300 stipend", "Estipendio de $2,300"),
            (3, "Unpaid", "Sin pago"),
        ] {
            assert_eq!(pay(id, Lang::En), english, "{}", searcher.name());
            assert_eq!(pay(id, Lang::Es), spanish, "{}", searcher.name());
        }
    }
}

#[tokio::test]
async fn pages_cover_every_result_once_with_a_steady_total() {
    for (engine, _dir) in engines().await {
        let mut seen = Vec::new();
        for page in 1..=3 {
            let results = engine
                .search(&SearchQuery {
                    per_page: 3,
                    page,
                    sort: Sort::Newest,
                    ..query()
                })
                .await
                .unwrap();
            assert_eq!(results.total, 8);
            seen.extend(results.hits.iter().map(|h| h.document.id));
        }
        assert_eq!(seen, vec![10, 9, 6, 5, 4, 3, 2, 1]);
        let beyond = engine
            .search(&SearchQuery {
                per_page: 3,
                page: 4,
                ..query()
            })
            .await
            .unwrap();
        assert!(beyond.hits.is_empty() && beyond.total == 8);
    }
}

#[tokio::test]
async fn updates_and_deletes_are_searchable_as_soon_as_they_return() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        e.index(vec![SearchDocument {
            title: "Drone engineering intern".into(),
            ..doc(1, "")
        }])
        .await
        .unwrap();
        assert_eq!(
            ids(
                e,
                SearchQuery {
                    text: "drone".into(),
                    ..query()
                }
            )
            .await,
            vec![1]
        );
        assert!(
            ids(
                e,
                SearchQuery {
                    text: "robotics lab".into(),
                    ..query()
                }
            )
            .await
            .is_empty()
        );
        e.delete(vec![1, 2]).await.unwrap();
        assert_eq!(sorted_ids(e, query()).await, vec![3, 4, 5, 6, 9, 10]);
        e.rebuild(vec![doc(42, "Only one left")]).await.unwrap();
        assert_eq!(ids(e, query()).await, vec![42]);
    }
}

#[tokio::test]
async fn a_rebuild_in_batches_shows_once_finished_and_an_abandoned_one_changes_nothing() {
    for (engine, _dir) in engines().await {
        let e = engine.as_ref();
        let before = sorted_ids(e, query()).await;
        let mut rebuild = e.begin_rebuild().await.unwrap();
        rebuild.add(vec![doc(100, "First batch")]).await.unwrap();
        rebuild
            .add(vec![doc(101, "Second batch"), doc(102, "Second batch too")])
            .await
            .unwrap();
        assert_eq!(
            sorted_ids(e, query()).await,
            before,
            "the old index answers until the rebuild is finished ({:?})",
            e.kind()
        );
        rebuild.finish().await.unwrap();
        assert_eq!(sorted_ids(e, query()).await, vec![100, 101, 102]);

        let mut abandoned = e.begin_rebuild().await.unwrap();
        abandoned
            .add(vec![doc(200, "Never finished")])
            .await
            .unwrap();
        drop(abandoned);
        assert_eq!(sorted_ids(e, query()).await, vec![100, 101, 102]);
        e.index(vec![doc(103, "Written after")]).await.unwrap();
        assert_eq!(sorted_ids(e, query()).await, vec![100, 101, 102, 103]);
    }
}

// Postings in Spanish: every engine, and the database fallback, reads a
// posting's text in the language it is written in.

fn spanish(id: i32, title: &str, description: &str, field: StemField) -> SearchDocument {
    SearchDocument {
        written_in: PostingLanguage::Es,
        description: description.into(),
        field,
        languages: vec!["es".into(), "en".into()],
        ..doc(id, title)
    }
}

fn english(id: i32, title: &str, description: &str, field: StemField) -> SearchDocument {
    SearchDocument {
        description: description.into(),
        field,
        ..doc(id, title)
    }
}

/// Three Spanish postings and two English ones.
fn spanish_fixture() -> Vec<SearchDocument> {
    vec![
        spanish(
            101,
            "Prácticas pagadas de ingeniería civil",
            "Acompaña a nuestras ingenieras en la inspección de puentes.",
            StemField::Engineering,
        ),
        spanish(
            102,
            "Auxiliar de enfermería",
            "Trabaja con las enfermeras de la clínica comunitaria.",
            StemField::Health,
        ),
        spanish(
            103,
            "Programación de aplicaciones",
            "Aprende con una ingeniera de software y su equipo.",
            StemField::ComputerScience,
        ),
        english(
            104,
            "Engineering internship",
            "Paid work with civil engineers.",
            StemField::Engineering,
        ),
        english(
            105,
            "Casa de la Cultura robotics club",
            "Build robots after school.",
            StemField::ComputerScience,
        ),
    ]
}

/// What answers a search: each engine under test, and the database fallback.
enum Searcher {
    Engine {
        engine: Arc<dyn SearchEngine>,
        _dir: Option<tempfile::TempDir>,
    },
    Fallback(Vec<SearchDocument>),
}

impl Searcher {
    fn name(&self) -> String {
        match self {
            Searcher::Engine { engine, .. } => format!("{:?}", engine.kind()),
            Searcher::Fallback(_) => "database fallback".into(),
        }
    }

    async fn search(&self, query: &SearchQuery) -> SearchResults {
        match self {
            Searcher::Engine { engine, .. } => engine.search(query).await.expect("search"),
            Searcher::Fallback(documents) => {
                stembridge::search::database::search_documents(documents.clone(), query)
            }
        }
    }

    /// The ids found for `text`, in id order.
    async fn found(&self, text: &str) -> Vec<i32> {
        let results = self
            .search(&SearchQuery {
                text: text.into(),
                ..query()
            })
            .await;
        let mut ids: Vec<i32> = results.hits.iter().map(|h| h.document.id).collect();
        ids.sort_unstable();
        ids
    }
}

/// Every engine under test and the fallback, loaded with the Spanish fixture.
async fn spanish_searchers() -> Vec<Searcher> {
    let mut searchers = vec![Searcher::Fallback(spanish_fixture())];
    for (engine, dir) in engines().await {
        engine.rebuild(spanish_fixture()).await.expect("indexed");
        searchers.push(Searcher::Engine { engine, _dir: dir });
    }
    searchers
}

async fn each_finds(searchers: &[Searcher], cases: &[(&str, &[i32])]) {
    for searcher in searchers {
        for (text, expected) in cases {
            assert_eq!(
                searcher.found(text).await,
                expected.to_vec(),
                "{text:?} on the {}",
                searcher.name()
            );
        }
    }
}

#[tokio::test]
async fn spanish_words_find_spanish_postings_with_or_without_accents() {
    let searchers = spanish_searchers().await;
    each_finds(
        &searchers,
        &[
            ("ingeniería", &[101]),
            ("ingenieria", &[101]),
            ("INGENIERÍA", &[101]),
            ("enfermería", &[102]),
            ("enfermeria", &[102]),
            ("clinica comunitaria", &[102]),
            ("programacion", &[103]),
            ("pagado", &[101]),
            ("prácticas", &[101]),
            ("practica", &[101]),
        ],
    )
    .await;
}

#[tokio::test]
async fn spanish_singular_and_plural_find_the_same_postings() {
    let searchers = spanish_searchers().await;
    each_finds(
        &searchers,
        &[
            ("ingeniera", &[101, 103]),
            ("ingenieras", &[101, 103]),
            ("programaciones", &[103]),
            ("pagadas", &[101]),
            ("practicas pagadas", &[101]),
        ],
    )
    .await;
}

#[tokio::test]
async fn spanish_stop_words_neither_match_every_spanish_posting_nor_block_a_search() {
    let searchers = spanish_searchers().await;
    each_finds(
        &searchers,
        &[
            // Every Spanish posting has "de" and "la": none is found by them
            // alone. The English posting that has them still is.
            ("de", &[105]),
            ("la", &[105]),
            ("de la", &[105]),
            // Around real words they are left out for Spanish postings.
            ("ingeniería de la", &[101]),
            ("auxiliar de enfermería", &[102]),
        ],
    )
    .await;
}

#[tokio::test]
async fn english_postings_are_searched_as_before_next_to_spanish_ones() {
    let searchers = spanish_searchers().await;
    each_finds(
        &searchers,
        &[
            ("engineering", &[104]),
            ("engineers", &[104]),
            ("robotics club", &[105]),
            // A word both languages share finds a posting in each.
            ("civil", &[101, 104]),
        ],
    )
    .await;
    for searcher in &searchers {
        // One order and one total across both languages, page by page.
        let mut seen = Vec::new();
        for page in 1..=2 {
            let results = searcher
                .search(&SearchQuery {
                    text: "civil".into(),
                    sort: Sort::Newest,
                    per_page: 1,
                    page,
                    ..query()
                })
                .await;
            assert_eq!(results.total, 2, "{}", searcher.name());
            assert_eq!(
                results.facets.field["engineering"],
                2,
                "{}",
                searcher.name()
            );
            seen.extend(results.hits.iter().map(|h| h.document.id));
        }
        assert_eq!(seen, vec![104, 101], "{}", searcher.name());
    }
}
