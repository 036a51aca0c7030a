//! Every page reads fully in Spanish: templates carry no hard-coded text and
//! use only keys the catalogue has, and the pages of the three journeys,
//! rendered in Spanish over the demo data set, show no English sentence of
//! the English catalogue.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use regex::Regex;
use reqwest::{Client, StatusCode};
use stembridge::seed::{DEMO_PASSWORD, load_demo};

use sea_orm::ConnectionTrait;

use crate::{
    applications,
    helpers::{Backend, PASSWORD, TestApp, new_client, posting},
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// `id -> text` of every one-line message of a language (multi-line
/// messages, plural selectors, keep their first line only).
fn catalogue(lang: &str) -> BTreeMap<String, String> {
    let id = Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*) = ?(.*)$").unwrap();
    let mut messages = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("locales").join(lang)).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some(c) = id.captures(line) {
                messages.insert(c[1].to_owned(), c[2].to_owned());
            }
        }
    }
    messages
}

/// Every template file under `templates/`, as (path from there, text).
fn templates() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let base = root().join("templates");
    let mut paths = Vec::new();
    walk(&base, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Templates another branch is rewriting in this round (account security,
/// registration), checked once they land.
const NOT_YET: &[&str] = &[];

#[test]
fn templates_and_code_use_only_keys_the_catalogue_has() {
    let en = catalogue("en");
    let literal = Regex::new(r#"\bt\("([a-z0-9_-]+)""#).unwrap();
    let mut missing = BTreeSet::new();
    for (name, text) in templates() {
        for c in literal.captures_iter(&text) {
            // `t("stats-dim-" ~ key)`: a family of ids, checked where it is built.
            if !c[1].ends_with('-') && !en.contains_key(&c[1]) {
                missing.insert(format!("{name}: {}", &c[1]));
            }
        }
    }
    // Ids written in the code: any string literal shaped like an id whose
    // first word is one the catalogue uses.
    let prefixes: BTreeSet<&str> = en
        .keys()
        .filter_map(|id| id.split('-').next())
        .filter(|p| !["vocab", "month", "date"].contains(p))
        .collect();
    let shaped = Regex::new(r#""([a-z]+(?:-[a-z0-9_]+)+)""#).unwrap();
    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    // Shaped like ids, but names of other things.
    // Mail kinds (`mail-{kind}-subject` is the catalogue id).
    const NOT_IDS: &[&str] = &["search-index", "withdraw-link-guardian"];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for c in shaped.captures_iter(&text) {
            let id = &c[1];
            let first = id.split('-').next().unwrap_or_default();
            if prefixes.contains(first) && !en.contains_key(id) && !NOT_IDS.contains(&id) {
                missing.insert(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "ids no catalogue has: {missing:#?}");
}

/// The text a template shows as written: everything outside template tags,
/// HTML tags, comments and entities, plus the attributes people read.
fn hard_coded(text: &str) -> Vec<String> {
    let comment = Regex::new(r"(?s)\{#.*?#\}").unwrap();
    let statement = Regex::new(r"(?s)\{%.*?%\}").unwrap();
    let expression = Regex::new(r"(?s)\{\{.*?\}\}").unwrap();
    let read_attribute = Regex::new(r#"\b(?:aria-label|title|placeholder|alt)="([^"]*)""#).unwrap();
    let tag = Regex::new(r"(?s)<[^>]*>").unwrap();
    let entity = Regex::new(r"&[#a-zA-Z0-9]+;").unwrap();
    let text = comment.replace_all(text, "");
    let text = statement.replace_all(&text, " ");
    let text = expression.replace_all(&text, " ");
    let mut found: Vec<String> = read_attribute
        .captures_iter(&text)
        .map(|c| c[1].trim().to_owned())
        .filter(|v| v.chars().any(char::is_alphabetic))
        .collect();
    let text = tag.replace_all(&text, " ");
    let text = entity.replace_all(&text, " ");
    // File names the forms ask for and the product's name are not words to translate.
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        // A claim code's shape (ABCD-EFGH-JKMN) is not a word either.
        let code_shape = word.contains('-')
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        let allowed = word.is_empty()
            || code_shape
            || word == "STEMbridge"
            || word.ends_with(".csv")
            || word.chars().all(|c| !c.is_alphabetic());
        if !allowed && !["orgs", "users", "demographics", "csv"].contains(&word) {
            found.push(word.to_owned());
        }
    }
    found
}

#[test]
fn templates_write_no_text_of_their_own() {
    let mut offenders = BTreeMap::new();
    for (name, text) in templates() {
        if !name.ends_with(".html") || NOT_YET.iter().any(|n| name.starts_with(n)) {
            continue;
        }
        let words = hard_coded(&text);
        if !words.is_empty() {
            offenders.insert(name, words);
        }
    }
    assert!(
        offenders.is_empty(),
        "text written in templates instead of the catalogue: {offenders:#?}"
    );
}

/// The form macros add "(optional)" after the label of a field that is not
/// required: a label saying it too read "(optional) (optional)".
#[test]
fn no_optional_field_says_optional_twice() {
    let call =
        Regex::new(r#"f\.(?:input|textarea)\("[a-z_]+", t\("([a-z0-9-]+)"\)([^\n]*)"#).unwrap();
    let mut doubled = Vec::new();
    for lang in ["en", "es"] {
        let messages = catalogue(lang);
        let optional = messages["form-optional"].clone();
        for (name, text) in templates() {
            for c in call.captures_iter(&text) {
                let label = messages.get(&c[1]).cloned().unwrap_or_default();
                if c[2].contains("required=false") && label.contains(&optional) {
                    doubled.push(format!("{lang} {name}: {}", &c[1]));
                }
            }
        }
    }
    assert!(doubled.is_empty(), "labels that say it again: {doubled:?}");
}

/// What a reader sees of a page: its text and the attributes read aloud.
fn visible_text(html: &str) -> String {
    let hidden = Regex::new(r"(?is)<(script|style)\b.*?</(script|style)>").unwrap();
    let read_attribute = Regex::new(r#"\b(?:aria-label|title|placeholder|alt)="([^"]*)""#).unwrap();
    let tag = Regex::new(r"(?s)<[^>]*>").unwrap();
    let html = hidden.replace_all(html, " ");
    let mut text: String = read_attribute
        .captures_iter(&html)
        .map(|c| format!("{} \n", &c[1]))
        .collect();
    text.push_str(&tag.replace_all(&html, " \n "));
    let text = text
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English sentences to look for: the parts between placeables of every
/// English message that reads differently in Spanish, three words or more.
fn english_sentences() -> Vec<(String, String)> {
    let en = catalogue("en");
    let es = catalogue("es");
    let placeable = Regex::new(r"\{[^}]*\}").unwrap();
    let mut sentences = Vec::new();
    for (id, english) in &en {
        if es.get(id) == Some(english) {
            continue;
        }
        for part in placeable.split(english) {
            let part = part.trim().trim_matches(|c: char| !c.is_alphanumeric());
            if part.split_whitespace().count() >= 3 {
                sentences.push((id.clone(), part.to_owned()));
            }
        }
    }
    sentences
}

/// The first `/prefix/<id>` link of a page.
fn first_link(page: &str, prefix: &str) -> Option<String> {
    let link = Regex::new(&format!(r#"href="({}\d+)""#, regex::escape(prefix))).unwrap();
    link.captures(page).map(|c| c[1].to_owned())
}

async fn page_of(app: &TestApp, client: &Client, path: &str) -> String {
    let mut response = app.get_as(client, path).await;
    if response.status() == StatusCode::SEE_OTHER {
        // A student's search starts from their saved needs.
        let next = crate::helpers::location(&response);
        response = app.get_as(client, &next).await;
    }
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// Logs in the first demo login of `role` and switches them to Spanish.
async fn spanish_reader(app: &TestApp, email: &str) -> Client {
    let client = new_client();
    app.login_as(&client, email, DEMO_PASSWORD).await;
    app.get_as(&client, "/language/es").await;
    client
}

#[tokio::test]
async fn every_page_of_the_journeys_reads_in_spanish() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let logins = load_demo(&app.db).await.expect("demo loads");
    let admin_client = app.admin().await;
    let sentences = english_sentences();
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut visit = async |client: &Client, path: String| -> String {
        let page = page_of(&app, client, &path).await;
        assert!(
            page.contains(r#"<html lang="es">"#),
            "{path} is not in Spanish"
        );
        pages.push((path, page.clone()));
        page
    };

    // One journey of our own on top of the demo: a posting, a student who
    // applies, an offer accepted with a guardian's consent, hours logged.
    // Everything is done in English; the pages are then read in Spanish,
    // notifications included (stored as ids, written out when read).
    let employer = app
        .verified_employer(&admin_client, "Riverbend Test Labs", "erin@riverbend.test")
        .await;
    let opportunity = app.published(&employer, &posting(&[])).await;
    let school = app.school_with_counselor("Lincoln Test High").await;
    let ana = applications::student(&app, school, "Zoila", 11, "2010-03-04").await;
    let response = applications::apply(&app, &ana, opportunity).await;
    let application = applications::id_from(&response);
    for action in ["review", "interview", "offer"] {
        applications::employer_act(&app, &employer, application, action).await;
    }
    app.add_guardian("Zoila", "maria@example.org", "es").await;
    let page = format!("/student/applications/{application}");
    app.submit_as(
        &ana,
        &page,
        &format!("{page}/accept"),
        &[("belonging", "3")],
    )
    .await;
    let consent = app.consent_link_mailed_to("maria@example.org").await;
    let guardian = new_client();
    app.submit_as(
        &guardian,
        &consent,
        &consent,
        &[
            ("guardian_name", "Maria Student"),
            ("relationship", "madre"),
            ("decision", "give"),
        ],
    )
    .await;
    let history = app.get_as(&ana, &page).await.text().await.unwrap();
    let placement = first_link(&history, "/student/placements/").expect("a placement");
    let placement_id = placement.rsplit('/').next().unwrap().to_owned();
    let start = stembridge::format::today() - chrono::Duration::days(10);
    app.db
        .execute_unprepared(&format!(
            "UPDATE placement SET start_date = '{start}' WHERE id = {placement_id}"
        ))
        .await
        .unwrap();
    app.taken_days_ago(Some(placement_id.parse().unwrap()), 10)
        .await;
    let yesterday = (stembridge::format::today() - chrono::Duration::days(1)).to_string();
    app.submit_as(
        &ana,
        &placement,
        &format!("{placement}/hours"),
        &[
            ("work_date", &yesterday),
            ("hours", "2"),
            ("description", "Soldé un motor."),
        ],
    )
    .await;
    for client in [&ana, &employer] {
        app.get_as(client, "/language/es").await;
    }

    let dashboard = visit(&ana, "/student".into()).await;
    assert!(dashboard.contains("Mis solicitudes") && dashboard.contains("Mis prácticas"));
    visit(&ana, page.clone()).await;
    visit(&ana, placement.clone()).await;
    visit(&ana, "/student/profile".into()).await;
    let notices = visit(&ana, "/notifications".into()).await;
    assert!(
        notices.contains("Tu solicitud para"),
        "notifications in Spanish: {notices}"
    );
    visit(&ana, "/search".into()).await;
    visit(&ana, format!("/opportunities/{opportunity}")).await;

    // Employers: ours, then a demo one with a year of postings.
    let dashboard = visit(&employer, "/employer".into()).await;
    visit(&employer, format!("/employer/placements/{placement_id}")).await;
    let employer_login = logins.iter().find(|l| l.role == "employer").unwrap();
    let demo_employer = spanish_reader(&app, &employer_login.email).await;
    visit(&demo_employer, "/employer".into()).await;
    visit(&employer, "/employer/organization".into()).await;
    visit(&employer, "/employer/opportunities/new".into()).await;
    let posting = first_link(&dashboard, "/employer/opportunities/").expect("a posting");
    visit(&employer, posting.clone()).await;
    visit(&employer, format!("{posting}/edit")).await;
    let applicants = visit(&employer, format!("{posting}/applicants")).await;
    if let Some(link) = first_link(&applicants, "/employer/placements/") {
        visit(&employer, link).await;
    }
    // A form sent back with its problems, in Spanish.
    let response = app
        .submit_as(
            &employer,
            "/employer/opportunities/new",
            "/employer/opportunities",
            &[("title", ""), ("slots", "many")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Título: este dato es obligatorio."), "{page}");
    let sent_back = ("/employer/opportunities (422)".to_owned(), page);

    // Counselors: the dashboard, outreach, the roster page, a record, consent forms.
    let counselor_login = logins.iter().find(|l| l.role == "counselor").unwrap();
    let counselor = spanish_reader(&app, &counselor_login.email).await;
    visit(&counselor, "/counselor".into()).await;
    visit(&counselor, "/counselor/dashboard".into()).await;
    let outreach = visit(&counselor, "/counselor/outreach".into()).await;
    visit(&counselor, "/counselor/roster".into()).await;
    visit(&counselor, "/counselor/placements".into()).await;
    visit(&counselor, "/organizations/review".into()).await;
    let record = first_link(&outreach, "/counselor/students/").expect("a student");
    visit(&counselor, record).await;
    let ours = new_client();
    app.login_as(&ours, &format!("counselor-{school}@school.edu"), PASSWORD)
        .await;
    app.get_as(&ours, "/language/es").await;
    let outreach = visit(&ours, "/counselor/outreach".into()).await;
    let record = first_link(&outreach, "/counselor/students/").expect("Ana");
    let record = visit(&ours, record).await;
    assert!(record.contains("Cronología"), "{record}");
    let csv = app
        .get_as(&counselor, "/counselor/outreach/students.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with("\u{feff}id_estudiante,nombre,grado,escuela,estado"),
        "{csv}"
    );
    // Every export starts with a byte order mark (Excel then reads UTF-8),
    // and the groups' dimensions are written in Spanish, their key last.
    for path in [
        "/counselor/outreach/students.csv",
        "/counselor/dashboard/groups.csv",
    ] {
        let bytes = app.get_as(&counselor, path).await.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{path}");
    }
    let groups = app
        .get_as(&counselor, "/counselor/dashboard/groups.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(groups.contains("\nGénero,"), "{groups}");
    for line in groups.lines().skip(1) {
        assert!(!line.starts_with("gender,"), "{line}");
        let key = line.rsplit(',').next().unwrap_or_default();
        assert!(
            [
                "gender",
                "race_ethnicity",
                "low_income",
                "english_learner",
                "disability",
                "first_generation",
                "grade",
                "school"
            ]
            .contains(&key),
            "{line}"
        );
    }

    // Administrators.
    app.get_as(&admin_client, "/language/es").await;
    visit(&admin_client, "/admin".into()).await;
    visit(&admin_client, "/admin/audit".into()).await;
    visit(&admin_client, "/admin/mail".into()).await;
    pages.push(sent_back);

    let mut english = Vec::new();
    for (path, page) in &pages {
        // The outbox lists mail in each recipient's own language (an
        // English-speaking employer's confirmation among them): only the
        // page around that list must be Spanish.
        let page = if path.as_str() == "/admin/mail" {
            page.split("<table").next().unwrap_or_default()
        } else {
            page.as_str()
        };
        let text = visible_text(page);
        for (id, sentence) in &sentences {
            if text.contains(sentence.as_str()) {
                english.push(format!("{path}: {id}: “{sentence}”"));
            }
        }
    }
    assert!(
        english.is_empty(),
        "English left on Spanish pages ({} pages read): {english:#?}",
        pages.len()
    );
}
