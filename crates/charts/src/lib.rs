//! Charts of a comparison (issue 5, SPEC §5): three SVG pictures drawn by plotters'
//! SVG backend.
//!
//! - **cost by component**: monthly sums of base wage, floating wage, seniority pay and
//!   performance pay, baseline beside proposal (CNY per month);
//! - **pay distribution per level**: a box plot (minimum, quartiles, median, maximum) of
//!   the monthly totals of each level's people, baseline beside proposal;
//! - **differences**: a histogram of the per-person difference proposal − baseline
//!   (CNY per month; people per bin).
//!
//! The input is the comparison JSON itself (`paygrade compare`, `compareScenarios`, SPEC
//! §12 Comparison) plus the texts in the reader's language ([`ChartLabels`]), so the
//! same code draws the Chinese and the English charts. Amounts are exact decimals until
//! they are placed on an axis; that one lossy step is [`paygrade::money::to_f64_lossy`].
//! The binning of the histogram is exact ([`histogram`]) and tested here; plotters only
//! draws.
//!
//! Text size: natively plotters estimates label widths; in the browser it measures them
//! in the page (a hidden span per label), so the browser module must run on the main
//! thread, not in the Web Worker.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

use paygrade::error::{Error, ErrorKind, Result};
use paygrade::json::{FromJson, Obj};
use paygrade::money::to_f64_lossy;
use plotters::coord::ranged1d::{IntoSegmentedCoord, SegmentValue};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// The texts of the three charts, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLabels {
    /// Title of the cost chart, e.g. "Monthly cost by component".
    pub cost_title: String,
    /// Title of the box plot, e.g. "Monthly pay per level".
    pub distribution_title: String,
    /// Title of the histogram, e.g. "Per-person difference".
    pub difference_title: String,
    /// Axis label for amounts, with the unit, e.g. "CNY per month".
    pub amount_axis: String,
    /// Axis label for the components.
    pub component_axis: String,
    /// Axis label for the levels.
    pub level_axis: String,
    /// Axis label for the difference, with the unit.
    pub difference_axis: String,
    /// Axis label for head counts, e.g. "people".
    pub people_axis: String,
    /// Legend: the baseline.
    pub baseline: String,
    /// Legend: the proposal.
    pub proposal: String,
    /// The four component names in the order base, floating, seniority, performance.
    pub components: [String; 4],
    /// Names for level ids (the default ladder's ids in Chinese); other ids show as given.
    pub level_names: Vec<(String, String)>,
    /// Title of the projection chart (issue 18), e.g. "Monthly cost by year".
    pub projection_title: String,
    /// Axis label for the years of a projection.
    pub year_axis: String,
    /// Legend: the difference proposal − baseline.
    pub difference: String,
}

impl ChartLabels {
    /// How a level id reads on the chart.
    pub fn level(&self, id: &str) -> String {
        self.level_names
            .iter()
            .find(|(k, _)| k == id)
            .map_or_else(|| id.to_string(), |(_, v)| v.clone())
    }

    /// The texts in a language: `"zh"` (Chinese) or `"en"` (English); units are CNY per
    /// month (元/月).
    ///
    /// # Errors
    /// `unknown_mode` for another language.
    pub fn in_language(lang: &str) -> Result<Self> {
        let s = |x: &str| x.to_string();
        match lang {
            "zh" => Ok(ChartLabels {
                cost_title: s("各项工资月合计：基准与方案"),
                distribution_title: s("各等级月薪分布（最小、四分位、中位、最大）"),
                difference_title: s("每人月薪差额分布（方案 − 基准）"),
                amount_axis: s("金额（元/月）"),
                component_axis: s("工资项目"),
                level_axis: s("等级"),
                difference_axis: s("差额（元/月）"),
                people_axis: s("人数"),
                baseline: s("基准"),
                proposal: s("方案"),
                components: [
                    s("基本岗位工资"),
                    s("岗位浮动工资"),
                    s("年功工资"),
                    s("效益工资"),
                ],
                level_names: [
                    ("trainee", "见习"),
                    ("junior", "初级"),
                    ("intermediate", "中级"),
                    ("senior", "高级"),
                ]
                .iter()
                .map(|(id, name)| (s(id), s(name)))
                .collect(),
                projection_title: s("逐年月度成本：基准、方案与差额"),
                year_axis: s("年份（计薪日期）"),
                difference: s("差额（方案 − 基准）"),
            }),
            "en" => Ok(ChartLabels {
                cost_title: s("Monthly cost by component: baseline and proposal"),
                distribution_title: s("Monthly pay per level (min, quartiles, median, max)"),
                difference_title: s("Per-person difference (proposal − baseline)"),
                amount_axis: s("Amount (CNY per month)"),
                component_axis: s("Component"),
                level_axis: s("Level"),
                difference_axis: s("Difference (CNY per month)"),
                people_axis: s("People"),
                baseline: s("Baseline"),
                proposal: s("Proposal"),
                components: [
                    s("Base wage"),
                    s("Floating wage"),
                    s("Seniority pay"),
                    s("Performance pay"),
                ],
                level_names: Vec::new(),
                projection_title: s("Monthly cost by year: baseline, proposal and difference"),
                year_axis: s("Year (pay date)"),
                difference: s("Difference (proposal − baseline)"),
            }),
            other => Err(Error::new(
                ErrorKind::UnknownMode {
                    value: other.to_string(),
                    expected: "zh, en".to_string(),
                },
                "lang",
            )),
        }
    }
}

/// What the charts show, read from a comparison (SPEC §12 Comparison).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// Monthly component sums `[base, floating, seniority, performance]`, baseline.
    pub baseline_components: [Decimal; 4],
    /// The same, proposal.
    pub proposal_components: [Decimal; 4],
    /// Per level with people, from the lowest baseline median to the highest: the monthly
    /// totals of its people, baseline and proposal.
    pub levels: Vec<LevelPay>,
    /// Each person's difference proposal − baseline, CNY per month.
    pub differences: Vec<Decimal>,
}

/// One level's people, monthly totals under each policy.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelPay {
    /// Level name, as in the policy.
    pub level: String,
    /// Monthly totals under the baseline.
    pub baseline: Vec<Decimal>,
    /// Monthly totals under the proposal.
    pub proposal: Vec<Decimal>,
}

fn components(value: &Value, path: &str) -> Result<[Decimal; 4]> {
    let o = Obj::new(value, path)?;
    Ok([
        o.req("base")?,
        o.req("floating")?,
        o.req("seniority")?,
        o.req("performance")?,
    ])
}

fn at<'a>(value: &'a Value, key: &str) -> &'a Value {
    value.get(key).unwrap_or(&Value::Null)
}

impl FromJson for ChartData {
    /// Reads `totals.{baseline,proposal}.components`, the keys of `by_level` and
    /// `people[].{grade, baseline_total, proposal_total, difference}`; a person goes to
    /// the level whose name is their grade or the grade's prefix before `-`.
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let totals = at(value, "totals");
        let baseline_components = components(
            at(at(totals, "baseline"), "components"),
            "totals.baseline.components",
        )?;
        let proposal_components = components(
            at(at(totals, "proposal"), "components"),
            "totals.proposal.components",
        )?;
        let by_level = at(value, "by_level").as_object().ok_or_else(|| {
            paygrade::json::wrong_type(at(value, "by_level"), "object", "by_level")
        })?;
        let mut levels: Vec<LevelPay> = by_level
            .keys()
            .map(|level| LevelPay {
                level: level.clone(),
                baseline: Vec::new(),
                proposal: Vec::new(),
            })
            .collect();
        let people = at(value, "people")
            .as_array()
            .ok_or_else(|| paygrade::json::wrong_type(at(value, "people"), "array", "people"))?;
        let mut differences = Vec::with_capacity(people.len());
        for (i, person) in people.iter().enumerate() {
            let p = format!("{path}people[{i}]");
            let o = Obj::new(person, &p)?;
            let grade: String = o.req("grade")?;
            let before: Decimal = o.req("baseline_total")?;
            let after: Decimal = o.req("proposal_total")?;
            differences.push(o.req("difference")?);
            let level = levels
                .iter_mut()
                .filter(|l| {
                    grade == l.level
                        || grade
                            .strip_prefix(l.level.as_str())
                            .is_some_and(|rest| rest.starts_with('-'))
                })
                .max_by_key(|l| l.level.len());
            if let Some(level) = level {
                level.baseline.push(before);
                level.proposal.push(after);
            }
        }
        levels.retain(|l| !l.baseline.is_empty());
        // Left to right from the lowest-paid level to the highest (by baseline median),
        // the way a ladder reads; ties keep the comparison's order.
        levels.sort_by_cached_key(|l| {
            let mut v = l.baseline.clone();
            v.sort_unstable();
            v.get(v.len() / 2).copied().unwrap_or_default()
        });
        Ok(ChartData {
            baseline_components,
            proposal_components,
            levels,
            differences,
        })
    }
}

/// The three charts as SVG documents (UTF-8 text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Charts {
    /// Cost by component, baseline vs proposal.
    pub cost: String,
    /// Pay distribution per level (box plots).
    pub distribution: String,
    /// Histogram of per-person differences.
    pub differences: String,
}

/// One bar of the difference histogram: people whose difference `d` has
/// `lower <= d < upper` (CNY per month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    /// Lower edge, included.
    pub lower: Decimal,
    /// Upper edge, excluded.
    pub upper: Decimal,
    /// People in the bin.
    pub people: u64,
}

/// A "nice" bin width (1, 2 or 5 × a power of ten, at least 1 CNY) giving at most
/// `max_bins` bins over `span`.
fn nice_width(span: Decimal, max_bins: u32) -> Decimal {
    let mut width = Decimal::ONE;
    let steps = [Decimal::TWO, Decimal::new(25, 1), Decimal::TWO];
    let mut i = 0usize;
    // 1, 2, 5, 10, 20, 50, ... (× 2, × 2.5, × 2).
    while width
        .checked_mul(Decimal::from(max_bins))
        .is_some_and(|covered| covered <= span)
    {
        let step = steps.get(i % steps.len()).copied().unwrap_or(Decimal::TEN);
        match width.checked_mul(step) {
            Some(w) => width = w.normalize(),
            None => break,
        }
        i += 1;
    }
    width
}

/// The exact histogram of `values` (CNY per month) in at most `max_bins` + 1 bins of a
/// nice width (at least 1 CNY), edges on multiples of the width; every value lands in exactly one bin, so
/// the bins' people sum to `values.len()`. No values → no bins.
pub fn histogram(values: &[Decimal], max_bins: u32) -> Vec<Bin> {
    let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
        return Vec::new();
    };
    let width = nice_width(max.saturating_sub(*min), max_bins.max(1));
    let index = |v: Decimal| -> i64 {
        v.checked_div(width)
            .map(|q| q.floor())
            .and_then(|q| q.to_i64())
            .unwrap_or(0)
    };
    let first = index(*min);
    let last = index(*max);
    let mut bins: Vec<Bin> = (first..=last)
        .map(|k| {
            let lower = width.saturating_mul(Decimal::from(k)).normalize();
            Bin {
                lower,
                upper: lower.saturating_add(width).normalize(),
                people: 0,
            }
        })
        .collect();
    for v in values {
        let slot = usize::try_from(index(*v).saturating_sub(first)).unwrap_or(0);
        if let Some(bin) = bins.get_mut(slot) {
            bin.people += 1;
        }
    }
    bins
}

/// A whole amount with thousands separators, as labels show it: 1234567.8 → "1,234,568".
pub fn grouped(v: f64) -> String {
    let whole = format!("{:.0}", v.abs());
    let mut out = String::with_capacity(whole.len() + whole.len() / 3 + 1);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 && whole != "0" {
        out.insert(0, '-');
    }
    out
}

const WIDTH: u32 = 720;
const HEIGHT: u32 = 380;
const FONT: &str = "sans-serif";
/// Font sizes in pixels (title, axis names, tick labels). In the browser each size gives
/// one measuring-span style, allowed by hash in team.html's Content-Security-Policy.
const TITLE_PX: u32 = 20;
const AXIS_PX: u32 = 16;
const TICK_PX: u32 = 15;
const BASELINE_COLOR: RGBColor = RGBColor(0x9a, 0xa5, 0xb1);
const PROPOSAL_COLOR: RGBColor = RGBColor(0x1f, 0x6f, 0xb2);

fn chart_error<E: std::fmt::Display>(e: E) -> Error {
    Error::new(ErrorKind::Chart(e.to_string()), "")
}

/// Round an axis end outward to a multiple of a nice step (so ticks are round numbers).
fn padded(lo: f64, hi: f64) -> (f64, f64) {
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0);
    }
    if (hi - lo).abs() < f64::EPSILON {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return (lo - pad, hi + pad);
    }
    let pad = (hi - lo) * 0.08;
    (lo - pad, hi + pad)
}

/// Draw the three charts.
///
/// # Errors
/// `chart` when plotters reports a drawing error (in the browser: no page to measure
/// text in).
pub fn render(data: &ChartData, labels: &ChartLabels) -> Result<Charts> {
    Ok(Charts {
        cost: cost_chart(data, labels)?,
        distribution: distribution_chart(data, labels)?,
        differences: difference_chart(data, labels)?,
    })
}

fn cost_chart(data: &ChartData, labels: &ChartLabels) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let (bottom, top) = data
            .baseline_components
            .iter()
            .chain(&data.proposal_components)
            .map(|d| to_f64_lossy(*d))
            .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (_, top) = padded(bottom, top.max(1.0));
        let mut chart = ChartBuilder::on(&root)
            .caption(&labels.cost_title, (FONT, TITLE_PX))
            .margin(12)
            .x_label_area_size(52)
            .y_label_area_size(110)
            .build_cartesian_2d((0u32..3u32).into_segmented(), bottom.min(0.0)..top)
            .map_err(chart_error)?;
        let names = &labels.components;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_desc(&labels.component_axis)
            .y_desc(&labels.amount_axis)
            .axis_desc_style((FONT, AXIS_PX))
            .label_style((FONT, TICK_PX))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => names
                    .get(usize::try_from(*i).unwrap_or(usize::MAX))
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|y| grouped(*y))
            .draw()
            .map_err(chart_error)?;
        // Each component's segment holds two bars: baseline left, proposal right.
        let segment = chart.plotting_area().dim_in_pixel().0 / 4;
        let (outer, inner) = (segment / 8, segment / 2 + 2);
        let bars = |values: &[Decimal; 4], left: bool, color: RGBColor| {
            let values = *values;
            (0u32..4).map(move |i| {
                let v = values
                    .get(usize::try_from(i).unwrap_or(usize::MAX))
                    .map_or(0.0, |d| to_f64_lossy(*d));
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), v),
                    ],
                    color.filled(),
                );
                if left {
                    bar.set_margin(0, 0, outer, inner);
                } else {
                    bar.set_margin(0, 0, inner, outer);
                }
                bar
            })
        };
        chart
            .draw_series(bars(&data.baseline_components, true, BASELINE_COLOR))
            .map_err(chart_error)?
            .label(&labels.baseline)
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 12, y + 5)], BASELINE_COLOR.filled())
            });
        chart
            .draw_series(bars(&data.proposal_components, false, PROPOSAL_COLOR))
            .map_err(chart_error)?
            .label(&labels.proposal)
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 12, y + 5)], PROPOSAL_COLOR.filled())
            });
        // The amount above each bar, so a small component (seniority pay) still reads.
        let quarter = i32::try_from(segment / 4).unwrap_or(0);
        let font =
            TextStyle::from((FONT, TICK_PX).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
        for (values, dx) in [
            (&data.baseline_components, -quarter),
            (&data.proposal_components, quarter),
        ] {
            chart
                .draw_series((0u32..4).zip(values.iter()).map(|(i, v)| {
                    EmptyElement::at((SegmentValue::CenterOf(i), to_f64_lossy(*v)))
                        + Text::new(grouped(to_f64_lossy(*v)), (dx, -3), font.clone())
                }))
                .map_err(chart_error)?;
        }
        // Above the small middle components, clear of the value labels.
        legend(&mut chart, SeriesLabelPosition::UpperMiddle)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

fn legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> Result<()> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font((FONT, TICK_PX))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(chart_error)
}

fn quartiles(values: &[Decimal]) -> Quartiles {
    let v: Vec<f64> = values.iter().map(|d| to_f64_lossy(*d)).collect();
    Quartiles::new(&v)
}

fn distribution_chart(data: &ChartData, labels: &ChartLabels) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let names: Vec<String> = data.levels.iter().map(|l| l.level.clone()).collect();
        let all = data
            .levels
            .iter()
            .flat_map(|l| l.baseline.iter().chain(&l.proposal))
            .map(|d| to_f64_lossy(*d));
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let (lo, hi) = padded(lo, hi);
        let mut chart = ChartBuilder::on(&root)
            .caption(&labels.distribution_title, (FONT, TITLE_PX))
            .margin(12)
            .x_label_area_size(52)
            .y_label_area_size(110)
            .build_cartesian_2d(names[..].into_segmented(), lo as f32..hi as f32)
            .map_err(chart_error)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_desc(&labels.level_axis)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(name) => labels.level(name),
                _ => String::new(),
            })
            .y_desc(&labels.amount_axis)
            .axis_desc_style((FONT, AXIS_PX))
            .label_style((FONT, TICK_PX))
            .y_label_formatter(&|y| grouped(f64::from(*y)))
            .draw()
            .map_err(chart_error)?;
        for (side, color, offset) in [(0, BASELINE_COLOR, -14), (1, PROPOSAL_COLOR, 14)] {
            let series = chart
                .draw_series(data.levels.iter().zip(&names).map(|(l, name)| {
                    let values = if side == 0 { &l.baseline } else { &l.proposal };
                    Boxplot::new_vertical(SegmentValue::CenterOf(name), &quartiles(values))
                        .width(22)
                        .whisker_width(0.6)
                        .style(color.stroke_width(2))
                        .offset(offset)
                }))
                .map_err(chart_error)?;
            series
                .label(if side == 0 {
                    &labels.baseline
                } else {
                    &labels.proposal
                })
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
                });
        }
        // Levels rise to the right, so the upper left is free.
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

fn difference_chart(data: &ChartData, labels: &ChartLabels) -> Result<String> {
    let bins = histogram(&data.differences, 24);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        // One bin width of air either side; at least ten widths in all.
        let width = bins
            .first()
            .map_or(1.0, |b| to_f64_lossy(b.upper - b.lower));
        let lo = bins.first().map_or(-1.0, |b| to_f64_lossy(b.lower));
        let hi = bins.last().map_or(1.0, |b| to_f64_lossy(b.upper));
        let air = width.max((10.0 * width - (hi - lo)) / 2.0);
        let (lo, hi) = (lo - air, hi + air);
        let most = bins.iter().map(|b| b.people).max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(&labels.difference_title, (FONT, TITLE_PX))
            .margin(12)
            .x_label_area_size(52)
            .y_label_area_size(110)
            .build_cartesian_2d(lo..hi, 0u64..most + most / 10 + 1)
            .map_err(chart_error)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_desc(&labels.difference_axis)
            .y_desc(&labels.people_axis)
            .axis_desc_style((FONT, AXIS_PX))
            .label_style((FONT, TICK_PX))
            .x_label_formatter(&|x| {
                if x.fract().abs() < 1e-9 {
                    grouped(*x)
                } else {
                    format!("{x:.1}")
                }
            })
            .draw()
            .map_err(chart_error)?;
        chart
            .draw_series(bins.iter().map(|b| {
                let mut bar = Rectangle::new(
                    [
                        (to_f64_lossy(b.lower), 0u64),
                        (to_f64_lossy(b.upper), b.people),
                    ],
                    PROPOSAL_COLOR.filled(),
                );
                bar.set_margin(0, 0, 1, 1);
                bar
            }))
            .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

/// The most JSON text a comparison given as text may have: 128 MiB (the shell that
/// parses it applies the limit, with [`paygrade::json::parse_with_limit`]).
pub const MAX_COMPARISON_JSON_BYTES: usize = 128 << 20;

/// The three charts of a comparison (SPEC §12 Comparison, as a JSON value), titled in
/// `lang` (`zh` or `en`).
///
/// # Errors
/// A missing or malformed field with its path, `unknown_mode` for another language,
/// `chart` when plotters cannot draw.
pub fn charts_json(comparison: &serde_json::Value, lang: &str) -> Result<Charts> {
    let labels = ChartLabels::in_language(lang)?;
    let data = ChartData::from_json(comparison, "")?;
    render(&data, &labels)
}

/// One year of a projection as the chart shows it (SPEC §12 Projection).
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionYear {
    /// The label under the year: the pay date's year (`2027`), or `+k` without a date.
    pub label: String,
    /// Baseline monthly total, CNY.
    pub baseline: Decimal,
    /// Proposal monthly total, CNY.
    pub proposal: Decimal,
    /// Proposal − baseline, CNY per month.
    pub difference: Decimal,
}

/// What the projection chart shows: one entry per year offset.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionData {
    /// Offsets 0 … N in order.
    pub years: Vec<ProjectionYear>,
}

impl FromJson for ProjectionData {
    /// Reads `years[].{offset, as_of, baseline.total, proposal.total, difference.total}`.
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let items = at(value, "years")
            .as_array()
            .ok_or_else(|| paygrade::json::wrong_type(at(value, "years"), "array", "years"))?;
        let mut years = Vec::with_capacity(items.len());
        for (i, y) in items.iter().enumerate() {
            let p = format!("{path}years[{i}]");
            let o = Obj::new(y, &p)?;
            let offset: u32 = o.req("offset")?;
            let label = match at(y, "as_of").as_str().and_then(|d| d.get(..4)) {
                Some(year) => year.to_string(),
                None => format!("+{offset}"),
            };
            let total = |side: &str| -> Result<Decimal> {
                Obj::new(at(y, side), &format!("{p}.{side}"))?.req("total")
            };
            years.push(ProjectionYear {
                label,
                baseline: total("baseline")?,
                proposal: total("proposal")?,
                difference: total("difference")?,
            });
        }
        Ok(ProjectionData { years })
    }
}

/// The projection chart (issue 18) as an SVG document: above, the baseline and proposal
/// monthly totals by year (lines, on an axis fitted to them); below, the difference per
/// year (bars from zero), on the same years.
///
/// # Errors
/// `chart` when plotters reports a drawing error.
pub fn projection_chart(data: &ProjectionData, labels: &ChartLabels) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT + 180)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let root = root
            .titled(&labels.projection_title, (FONT, TITLE_PX))
            .map_err(chart_error)?;
        let (upper, lower) = root.split_vertically(HEIGHT - 60);
        let n = u32::try_from(data.years.len()).unwrap_or(u32::MAX).max(1);
        let names: Vec<String> = data.years.iter().map(|y| y.label.clone()).collect();
        let x_label = |v: &SegmentValue<u32>| match v {
            SegmentValue::CenterOf(i) => names
                .get(usize::try_from(*i).unwrap_or(usize::MAX))
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        };
        let (lo, hi) = data
            .years
            .iter()
            .flat_map(|y| [y.baseline, y.proposal])
            .map(to_f64_lossy)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let (lo, hi) = padded(lo, hi);
        let mut chart = ChartBuilder::on(&upper)
            .margin(12)
            .x_label_area_size(30)
            .y_label_area_size(110)
            .build_cartesian_2d((0u32..n - 1).into_segmented(), lo..hi)
            .map_err(chart_error)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_label_formatter(&x_label)
            .y_desc(&labels.amount_axis)
            .axis_desc_style((FONT, AXIS_PX))
            .label_style((FONT, TICK_PX))
            .y_label_formatter(&|y| grouped(*y))
            .draw()
            .map_err(chart_error)?;
        for (side, color, name) in [
            (0, BASELINE_COLOR, &labels.baseline),
            (1, PROPOSAL_COLOR, &labels.proposal),
        ] {
            let points: Vec<(SegmentValue<u32>, f64)> = (0u32..)
                .zip(&data.years)
                .map(|(i, y)| {
                    let v = if side == 0 { y.baseline } else { y.proposal };
                    (SegmentValue::CenterOf(i), to_f64_lossy(v))
                })
                .collect();
            chart
                .draw_series(std::iter::once(PathElement::new(
                    points.clone(),
                    color.stroke_width(3),
                )))
                .map_err(chart_error)?
                .label(name)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
                });
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| Circle::new(p, 4, color.filled())),
                )
                .map_err(chart_error)?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        let (dlo, dhi) = data
            .years
            .iter()
            .map(|y| to_f64_lossy(y.difference))
            .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (dlo, dhi) = padded(dlo, dhi);
        let mut diff = ChartBuilder::on(&lower)
            .margin(12)
            .x_label_area_size(52)
            .y_label_area_size(110)
            .build_cartesian_2d((0u32..n - 1).into_segmented(), dlo.min(0.0)..dhi.max(0.0))
            .map_err(chart_error)?;
        diff.configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_label_formatter(&x_label)
            .x_desc(&labels.year_axis)
            .y_desc(&labels.difference)
            .axis_desc_style((FONT, AXIS_PX))
            .label_style((FONT, TICK_PX))
            .y_label_formatter(&|y| grouped(*y))
            .y_labels(4)
            .draw()
            .map_err(chart_error)?;
        let segment = diff.plotting_area().dim_in_pixel().0 / n.max(1);
        diff.draw_series((0u32..).zip(&data.years).map(|(i, y)| {
            let v = to_f64_lossy(y.difference);
            let color = if v < 0.0 { LOSE_COLOR } else { PROPOSAL_COLOR };
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), v),
                ],
                color.filled(),
            );
            bar.set_margin(0, 0, segment / 4, segment / 4);
            bar
        }))
        .map_err(chart_error)?;
        let font =
            TextStyle::from((FONT, TICK_PX).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
        diff.draw_series((0u32..).zip(&data.years).map(|(i, y)| {
            let v = to_f64_lossy(y.difference);
            EmptyElement::at((SegmentValue::CenterOf(i), v.max(0.0)))
                + Text::new(grouped(v), (0, -3), font.clone())
        }))
        .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

const LOSE_COLOR: RGBColor = RGBColor(0xb2, 0x3b, 0x1f);

/// The projection chart of a projection (SPEC §12 Projection, as a JSON value), titled
/// in `lang` (`zh` or `en`).
///
/// # Errors
/// As [`charts_json`].
pub fn projection_chart_json(projection: &serde_json::Value, lang: &str) -> Result<String> {
    let labels = ChartLabels::in_language(lang)?;
    let data = ProjectionData::from_json(projection, "")?;
    projection_chart(&data, &labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[track_caller]
    fn bins(values: &[&str], max: u32) -> Vec<(String, String, u64)> {
        let v: Vec<Decimal> = values.iter().map(|s| d(s)).collect();
        histogram(&v, max)
            .into_iter()
            .map(|b| (b.lower.to_string(), b.upper.to_string(), b.people))
            .collect()
    }

    #[test]
    fn grouped_amounts() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(-0.4), "0");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(-1234567.8), "-1,234,568");
        assert_eq!(grouped(127312610.0), "127,312,610");
    }

    #[test]
    fn nice_widths() {
        assert_eq!(nice_width(d("0"), 24).to_string(), "1");
        assert_eq!(nice_width(d("7.00"), 24).to_string(), "1");
        assert_eq!(nice_width(d("30.00"), 24).to_string(), "2");
        assert_eq!(nice_width(d("100.00"), 24).to_string(), "5");
        // 100 × 24 covers 2400 exactly, so 25 bins could be needed: the next width.
        assert_eq!(nice_width(d("2400"), 24).to_string(), "200");
        assert_eq!(nice_width(d("2399.99"), 24).to_string(), "100");
    }

    #[test]
    fn histogram_edges_and_counts() {
        // Width 5 for a span of 100.01 in 24 bins; edges on multiples of 5.
        assert_eq!(
            bins(&["0", "0", "4.99", "5", "100", "-0.01"], 24)[..3].to_vec(),
            vec![
                ("-5".into(), "0".into(), 1),
                ("0".into(), "5".into(), 3),
                ("5".into(), "10".into(), 1),
            ]
        );
        let all = bins(&["0", "0", "4.99", "5", "100", "-0.01"], 24);
        assert_eq!(all.len(), 22);
        assert_eq!(all.last().unwrap(), &("100".into(), "105".into(), 1));
        assert_eq!(all.iter().map(|b| b.2).sum::<u64>(), 6);
        // Everyone the same: one bin of 1 CNY.
        assert_eq!(
            bins(&["0.00", "0.00"], 24),
            vec![("0".into(), "1".into(), 2)]
        );
        // Fen land in the bin of their whole yuan: −0.01 is in [−1, 0).
        assert_eq!(
            bins(&["-0.01", "0.99", "1.00"], 24),
            vec![
                ("-1".into(), "0".into(), 1),
                ("0".into(), "1".into(), 1),
                ("1".into(), "2".into(), 1)
            ]
        );
        assert!(bins(&[], 24).is_empty());
    }
}
