//! The trend chart, drawn on the server as SVG (no script), with a title and
//! a description for screen readers; the page also shows the same data as a
//! table. Only months the disclosure layer shows are drawn: a hidden month
//! breaks the line.

use crate::{
    disclosure::TrendPoint,
    i18n::{self, Lang, t, t_args},
};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 30.0;

/// One polyline per run of shown months.
fn lines(values: &[Option<f64>], max: f64, style: &str) -> String {
    let step = if values.len() > 1 {
        (WIDTH - LEFT - 10.0) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => runs.last_mut().into_iter().for_each(|run| {
                run.push(format!(
                    "{:.1},{:.1}",
                    LEFT + step * i as f64,
                    HEIGHT - BOTTOM - (v / max) * (HEIGHT - BOTTOM - 10.0)
                ))
            }),
            None => runs.push(Vec::new()),
        }
    }
    runs.into_iter()
        .filter(|run| !run.is_empty())
        .map(|run| {
            format!(
                r#"<polyline fill="none" {style} points="{}"/>"#,
                run.join(" ")
            )
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One line's sentence of the description: its peak among the months
/// shown, or that no month is shown. Months under the threshold are hidden
/// (a shown month never holds fewer than the threshold), so a line with no
/// month shown has no peak; "peak 0%" would read as if it were measured.
fn peak_sentence(lang: Lang, values: &[Option<f64>], line: &str) -> String {
    match values.iter().flatten().copied().reduce(f64::max) {
        Some(peak) => t_args(
            lang,
            &format!("stats-chart-desc-{line}-peak"),
            vec![("rate", i18n::decimal(lang, peak, 1).into())],
        ),
        None => t(lang, &format!("stats-chart-desc-{line}-hidden")),
    }
}

/// The SVG markup; every text in it is ours or escaped.
pub fn trend_svg(data: &[TrendPoint], lang: Lang) -> String {
    let engagement: Vec<Option<f64>> = data
        .iter()
        .map(|p| p.engagement_rate.get().copied())
        .collect();
    let placement: Vec<Option<f64>> = data
        .iter()
        .map(|p| p.placement_rate.get().copied())
        .collect();
    let peak = |values: &[Option<f64>]| values.iter().flatten().copied().fold(0.0, f64::max);
    let max = peak(&engagement).max(peak(&placement)).max(10.0).ceil();
    let description = [
        t_args(
            lang,
            "stats-chart-desc",
            vec![
                ("from", data.first().map_or("", |p| p.month.as_str()).into()),
                ("to", data.last().map_or("", |p| p.month.as_str()).into()),
            ],
        ),
        peak_sentence(lang, &engagement, "engagement"),
        peak_sentence(lang, &placement, "placement"),
    ]
    .join(" ");
    let labels: String = data
        .iter()
        .enumerate()
        .filter(|(i, _)| data.len() <= 12 || i % 3 == 0)
        .map(|(i, p)| {
            let step = if data.len() > 1 {
                (WIDTH - LEFT - 10.0) / (data.len() - 1) as f64
            } else {
                0.0
            };
            format!(
                r#"<text x="{:.1}" y="{}" font-size="10" text-anchor="middle">{}</text>"#,
                LEFT + step * i as f64,
                HEIGHT - 10.0,
                escape(&p.month)
            )
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="trend-title trend-desc" class="chart">
<title id="trend-title">{title}</title>
<desc id="trend-desc">{desc}</desc>
<line x1="{LEFT}" y1="{base}" x2="{right}" y2="{base}" stroke="#555"/>
<line x1="{LEFT}" y1="10" x2="{LEFT}" y2="{base}" stroke="#555"/>
<text x="4" y="16" font-size="10">{max}%</text><text x="4" y="{base}" font-size="10">0%</text>
{engagement}
{placement}
{labels}
</svg>"##,
        title = escape(&t(lang, "stats-chart-title")),
        desc = escape(&description),
        base = HEIGHT - BOTTOM,
        right = WIDTH - 10.0,
        engagement = lines(&engagement, max, r##"stroke="#0b57a4" stroke-width="3""##),
        placement = lines(
            &placement,
            max,
            r##"stroke="#b34700" stroke-width="3" stroke-dasharray="6 4""##
        ),
    )
}
