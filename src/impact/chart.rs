//! Bar charts of the impact page, drawn on the server as SVG (no script),
//! with a title and a description for screen readers; every chart has a
//! data table next to it. A hidden number is not drawn: its bar is left
//! out and the table says why.

use crate::i18n::{Lang, t};

const WIDTH: f64 = 640.0;
const ROW: f64 = 22.0;
const LABEL: f64 = 230.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal bars, one per row with a value; negative values (gaps) go
/// left of a middle axis. `id` names the title and description elements.
pub fn bars(
    id: &str,
    title: &str,
    rows: &[(String, Option<f64>)],
    unit: &str,
    lang: Lang,
) -> String {
    let shown: Vec<(&String, f64)> = rows
        .iter()
        .filter_map(|(label, value)| value.map(|v| (label, v)))
        .collect();
    let negative = shown.iter().any(|(_, v)| *v < 0.0);
    let peak = shown.iter().map(|(_, v)| v.abs()).fold(1.0, f64::max);
    let span = WIDTH - LABEL - 60.0;
    let zero = if negative { LABEL + span / 2.0 } else { LABEL };
    let scale = if negative { span / 2.0 } else { span } / peak;
    let height = ROW * shown.len().max(1) as f64 + 10.0;
    let mut body = String::new();
    for (i, (label, value)) in shown.iter().enumerate() {
        let y = 5.0 + ROW * i as f64;
        let length = value.abs() * scale;
        let x = if *value < 0.0 { zero - length } else { zero };
        body.push_str(&format!(
            r##"<text x="{lx:.1}" y="{ty:.1}" font-size="11" text-anchor="end">{label}</text><rect x="{x:.1}" y="{y:.1}" width="{length:.1}" height="{h:.1}" fill="#0b57a4"/><text x="{vx:.1}" y="{ty:.1}" font-size="11">{value}{unit}</text>"##,
            lx = LABEL - 6.0,
            ty = y + ROW * 0.65,
            label = escape(label),
            h = ROW - 6.0,
            vx = zero.max(x + length) + 4.0,
            value = value,
            unit = escape(unit),
        ));
    }
    if shown.is_empty() {
        body.push_str(&format!(
            r#"<text x="10" y="20" font-size="12">{}</text>"#,
            escape(&t(lang, "impact-chart-nothing"))
        ));
    }
    let description = shown
        .iter()
        .map(|(label, value)| format!("{label}: {value}{unit}"))
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" class="chart">
<title id="{id}-title">{title}</title>
<desc id="{id}-desc">{desc}</desc>
<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" stroke="#555"/>
{body}
</svg>"##,
        title = escape(title),
        desc = escape(&description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_values_are_not_drawn_and_labels_are_escaped() {
        let svg = bars(
            "x",
            "Title <b>",
            &[("A & B".into(), Some(3.0)), ("Hidden".into(), None)],
            "",
            Lang::En,
        );
        assert!(svg.contains("A &amp; B") && svg.contains("Title &lt;b&gt;"));
        assert!(!svg.contains("Hidden"));
        assert_eq!(svg.matches("<rect").count(), 1);
    }
}
