//! The trend chart, drawn on the server as SVG (no script), with a title and
//! a description for screen readers; the page also shows the same data as a table.

use super::service::MonthPoint;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 30.0;

fn points(values: &[f64], max: f64) -> String {
    let step = if values.len() > 1 {
        (WIDTH - LEFT - 10.0) / (values.len() - 1) as f64
    } else {
        0.0
    };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                LEFT + step * i as f64,
                HEIGHT - BOTTOM - (v / max) * (HEIGHT - BOTTOM - 10.0)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG markup; every text in it is ours or escaped.
pub fn trend_svg(data: &[MonthPoint]) -> String {
    let engagement: Vec<f64> = data.iter().map(|p| p.engagement_rate).collect();
    let placement: Vec<f64> = data.iter().map(|p| p.placement_rate).collect();
    let max = engagement
        .iter()
        .chain(&placement)
        .copied()
        .fold(10.0_f64, f64::max)
        .ceil();
    let description = format!(
        "Monthly engagement and placement rates from {} to {}. Peak engagement {:.1}%, peak placement {:.1}%.",
        data.first().map_or("", |p| p.month.as_str()),
        data.last().map_or("", |p| p.month.as_str()),
        engagement.iter().copied().fold(0.0, f64::max),
        placement.iter().copied().fold(0.0, f64::max),
    );
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
<title id="trend-title">Engagement and placement by month</title>
<desc id="trend-desc">{desc}</desc>
<line x1="{LEFT}" y1="{base}" x2="{right}" y2="{base}" stroke="#555"/>
<line x1="{LEFT}" y1="10" x2="{LEFT}" y2="{base}" stroke="#555"/>
<text x="4" y="16" font-size="10">{max}%</text><text x="4" y="{base}" font-size="10">0%</text>
<polyline fill="none" stroke="#0b57a4" stroke-width="3" points="{engagement}"/>
<polyline fill="none" stroke="#b34700" stroke-width="3" stroke-dasharray="6 4" points="{placement}"/>
{labels}
</svg>"##,
        desc = escape(&description),
        base = HEIGHT - BOTTOM,
        right = WIDTH - 10.0,
        engagement = points(&engagement, max),
        placement = points(&placement, max),
    )
}
