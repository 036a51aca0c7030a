//! The Atom feed of a search (RFC 4287): `/search.atom` takes the
//! parameters of `/search` and lists the newest matching postings. Only
//! what the public search shows goes in (the index holds public postings
//! only, and never anything about a student); every text is XML-escaped,
//! and characters XML 1.0 cannot carry are dropped.

use chrono::{DateTime, Utc};

use crate::{
    i18n::{self, Lang, t_args},
    search::{Hit, query::SearchParams},
};

/// Longest summary taken from a posting's description.
const SUMMARY_CHARS: usize = 300;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows tab, newline and carriage return among the
            // control characters, and neither surrogates nor U+FFFE/FFFF
            // (which a Rust char cannot be, or can be dropped here).
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The authority of a `tag:` URI (RFC 4151): the site's host name.
fn authority(site: &str) -> String {
    let host = site
        .split_once("://")
        .map_or(site, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    if host.is_empty() {
        "stembridge.invalid".to_owned()
    } else {
        host.to_lowercase()
    }
}

/// The stable id of a posting in every feed of this site.
pub fn entry_id(site: &str, opportunity_id: i32) -> String {
    format!("tag:{},2026:opportunity/{opportunity_id}", authority(site))
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The feed document for `params` (without its page) and its hits, newest first.
pub fn render(site: &str, lang: Lang, params: &SearchParams, hits: &[Hit]) -> String {
    let query = params.without_paging().to_query_string();
    let text = params.q.as_deref().map(str::trim).unwrap_or_default();
    let title = if text.is_empty() {
        i18n::t(lang, "alerts-feed-title-all")
    } else {
        t_args(lang, "alerts-feed-title", vec![("q", text.into())])
    };
    let published = |hit: &Hit| {
        DateTime::<Utc>::from_timestamp(hit.document.published_at, 0).unwrap_or_default()
    };
    // The newest entry dates the feed: the same results, the same feed.
    let updated = hits.iter().map(published).max().unwrap_or_default();
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    xml.push_str(&format!(
        "  <id>{}</id>\n",
        escape(&format!("tag:{},2026:search?{query}", authority(site)))
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(&title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    xml.push_str("  <author><name>STEMbridge</name></author>\n");
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{site}/search.atom?{query}"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&format!("{site}/search?{query}"))
    ));
    for hit in hits {
        let d = &hit.document;
        let description: String = d.description.chars().take(SUMMARY_CHARS).collect();
        let summary = t_args(
            lang,
            "alerts-feed-summary",
            vec![
                ("organization", d.organization.as_str().into()),
                ("kind", i18n::vocab(lang, "kind", d.kind.key()).into()),
                ("field", i18n::vocab(lang, "field", d.field.key()).into()),
                ("mode", i18n::vocab(lang, "mode", d.mode.key()).into()),
                ("pay", d.pay_in(lang).into()),
                ("deadline", i18n::long_date(lang, d.deadline).into()),
            ],
        );
        let when = rfc3339(published(hit));
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", escape(&entry_id(site, d.id))));
        xml.push_str(&format!(
            "    <title xml:lang=\"{}\">{}</title>\n",
            d.written_in.key(),
            escape(&d.title)
        ));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&format!("{site}/opportunities/{}", d.id))
        ));
        xml.push_str(&format!("    <published>{when}</published>\n"));
        xml.push_str(&format!("    <updated>{when}</updated>\n"));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape(&d.organization)
        ));
        xml.push_str(&format!(
            "    <summary>{}\n\n{}</summary>\n",
            escape(&summary),
            escape(&description)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_never_reach_the_feed() {
        assert_eq!(
            escape("<b>R&D</b> \"q\" 'a'\u{1}\u{7}ok\n"),
            "&lt;b&gt;R&amp;D&lt;/b&gt; &quot;q&quot; &apos;a&apos;ok\n"
        );
    }

    #[test]
    fn entry_ids_name_the_site_host_without_scheme_or_port() {
        assert_eq!(
            entry_id("https://StemBridge.example:8443/", 7),
            "tag:stembridge.example,2026:opportunity/7"
        );
        assert_eq!(
            entry_id("http://127.0.0.1:3000", 7),
            "tag:127.0.0.1,2026:opportunity/7"
        );
    }
}
