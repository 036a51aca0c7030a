//! The rules on hand-built tables (one, two, many small cells), and an
//! attacker over random tables: for every hidden cell, neither the linear
//! system of the published numbers (exact row reduction) nor the bounds every
//! count obeys pin it to a single value.

use super::{
    Figures, GroupCounts, STAGES, SchoolCounts, SchoolView, publish, publish_views,
    suppress::{self, GroupPattern, SchoolPattern},
};

fn group(name: &str, students: usize, stages: [usize; STAGES]) -> GroupCounts {
    GroupCounts {
        group: name.into(),
        students,
        stages,
        belonging_sum: 0,
        belonging_answers: 0,
        mentored: 0,
        order: 0,
    }
}

/// The hidden groups of a one-dimension table whose margins are all shown.
fn hidden_sizes(threshold: usize, sizes: &[usize]) -> Vec<usize> {
    let groups: Vec<GroupCounts> = sizes
        .iter()
        .enumerate()
        .map(|(i, &n)| group(&format!("g{i}"), n, [n / 2; STAGES]))
        .collect();
    suppress::dimension(threshold, true, &[true; STAGES], &groups)
        .iter()
        .zip(sizes)
        .filter(|(p, _)| !p.students)
        .map(|(_, &n)| n)
        .collect()
}

#[test]
fn one_small_cell_takes_the_next_smallest_with_it() {
    assert_eq!(hidden_sizes(10, &[40, 30, 4]), vec![30, 4]);
}

#[test]
fn two_small_cells_that_add_up_to_less_than_the_threshold_take_a_third() {
    // The case: 60, 30, 3 and 4. Hiding only 3 and 4 gives away
    // their sum (7), so a third group is hidden.
    assert_eq!(hidden_sizes(10, &[60, 30, 3, 4]), vec![30, 3, 4]);
    assert_eq!(
        hidden_sizes(10, &[60, 30, 6, 5]),
        vec![6, 5],
        "11 is enough"
    );
}

#[test]
fn many_small_cells_are_hidden_together_and_the_large_one_stays() {
    assert_eq!(
        hidden_sizes(10, &[50, 2, 3, 2, 2, 2]),
        vec![2, 3, 2, 2, 2],
        "together 11"
    );
    // Five groups of one student: their sum (5) equals their number, so
    // each would be exactly one; the next group joins them.
    assert_eq!(
        hidden_sizes(5, &[50, 20, 1, 1, 1, 1, 1]),
        vec![20, 1, 1, 1, 1, 1]
    );
}

#[test]
fn no_small_cell_hides_nothing() {
    assert!(hidden_sizes(10, &[40, 30, 10]).is_empty());
}

#[test]
fn a_stage_count_or_its_complement_under_the_threshold_is_hidden_with_a_partner() {
    // 40 and 30 students; of the 40, 0 engaged; of the 30, 12.
    let groups = [
        group("a", 40, [0, 0, 0]),
        group("b", 30, [12, 12, 12]),
        group("c", 30, [20, 20, 20]),
    ];
    let patterns = suppress::dimension(10, true, &[true; STAGES], &groups);
    assert!(patterns.iter().all(|p| p.students), "sizes are large");
    let engaged: Vec<bool> = patterns.iter().map(|p| p.stages[0]).collect();
    assert_eq!(engaged, vec![false, false, true], "0 of 40 hides b's too");
    // Nearly everyone: 38 of 40 engaged leaves 2 who did not.
    let groups = [
        group("a", 40, [38, 0, 0]),
        group("b", 30, [12, 0, 0]),
        group("c", 30, [15, 0, 0]),
    ];
    let patterns = suppress::dimension(10, true, &[true, false, false], &groups);
    assert!(!patterns[0].stages[0] && !patterns[1].stages[0] && patterns[2].stages[0]);
    assert!(
        patterns.iter().all(|p| !p.stages[1] && !p.stages[2]),
        "a hidden funnel total shows no group's share"
    );
}

fn school(name: &str, groups: Vec<GroupCounts>, months: Vec<[usize; 2]>) -> SchoolCounts {
    let students = groups.iter().map(|g| g.students).sum();
    let stages = std::array::from_fn(|s| groups.iter().map(|g| g.stages[s]).sum());
    SchoolCounts {
        school: name.into(),
        students,
        stages,
        mentored: 0,
        dimensions: vec![groups],
        months,
        future_months: 0,
    }
}

#[test]
fn a_scope_under_the_threshold_shows_no_funnel_no_trend_and_no_group() {
    let tiny = school("Tiny", vec![group("x", 4, [4, 2, 1])], vec![[3, 1]]);
    let figures = publish(10, &[tiny], &["2026-09".into()]);
    assert!(!figures.scope_shown);
    assert!(figures.funnel.cohort.is_hidden() && figures.funnel.engaged.is_hidden());
    assert!(figures.trend[0].engagement_rate.is_hidden());
    assert!(figures.groups.is_empty());
}

#[test]
fn each_trend_point_needs_the_threshold_and_its_complement() {
    let s = school(
        "S",
        vec![group("x", 40, [30, 20, 10])],
        vec![[3, 0], [12, 10], [35, 12]],
    );
    let months: Vec<String> = ["09", "10", "11"]
        .iter()
        .map(|m| format!("2026-{m}"))
        .collect();
    let figures = publish(10, &[s], &months);
    let shown: Vec<(bool, bool)> = figures
        .trend
        .iter()
        .map(|p| {
            (
                !p.engagement_rate.is_hidden(),
                !p.placement_rate.is_hidden(),
            )
        })
        .collect();
    // Engaged: 3 and 35 are hidden together (38 students, the year's
    // total minus 12). Placed: 0 alone would follow from the total, so the
    // smallest shown month (10) goes with it.
    assert_eq!(shown, vec![(false, false), (true, false), (false, true)]);
}

fn trend_shown(s: &SchoolCounts, k: usize) -> Vec<bool> {
    suppress::school(10, s)
        .months
        .iter()
        .map(|m| m[k])
        .collect()
}

#[test]
fn the_year_total_minus_the_shown_months_never_gives_a_hidden_month() {
    // 30 engaged in the year: 3 + 12 + 15. Cleared one by one, 12 and 15
    // are shown and 30 - 27 gives the hidden 3: 12 must go with it.
    let s = school(
        "S",
        vec![group("x", 40, [30, 27, 10])],
        vec![[3, 0], [12, 12], [15, 15]],
    );
    assert_eq!(trend_shown(&s, 0), vec![false, false, true]);
    // Placed: 0 + 12 + 15 = 27; the lone hidden 0 takes the 12 with it.
    assert_eq!(trend_shown(&s, 1), vec![false, false, true]);
    // Two small months that add up to under the threshold take a third.
    let s = school(
        "S",
        vec![group("x", 60, [40, 30, 10])],
        vec![[4, 4], [3, 3], [12, 11], [21, 12]],
    );
    assert_eq!(trend_shown(&s, 0), vec![false, false, false, true]);
    assert_eq!(trend_shown(&s, 1), vec![false, false, false, true]);
}

#[test]
fn months_still_to_come_protect_nothing_and_a_hidden_total_shows_no_month() {
    // Nine months still to come are zeros everyone knows: the lone hidden 4
    // of the months begun takes the next smallest with it all the same.
    let mut months = vec![[4, 0], [16, 10], [20, 20]];
    months.extend(std::iter::repeat_n([0, 0], 9));
    let mut s = school("S", vec![group("x", 50, [40, 30, 10])], months);
    s.future_months = 9;
    let shown = trend_shown(&s, 0);
    assert_eq!(&shown[..3], &[false, false, true]);
    assert!(
        shown[3..].iter().all(|&m| !m),
        "months to come are not shown"
    );
    assert_eq!(&trend_shown(&s, 1)[..3], &[false, false, true]);
    // Placed 45 of 50 is hidden (5 not placed): so is every month of it,
    // even those of 20 or more.
    let s = school(
        "S",
        vec![group("x", 50, [48, 45, 10])],
        vec![[24, 20], [24, 25]],
    );
    assert_eq!(trend_shown(&s, 1), vec![false, false]);
}

#[test]
fn the_combined_view_does_not_tell_which_groups_a_school_hides_whole() {
    // School B hides every group of the dimension and so lists none. Whether
    // B's small groups are x or y must not change what the combined view
    // hides (before: x hidden exactly when B had an x).
    let a = school(
        "A",
        vec![group("x", 30, [15, 15, 15]), group("y", 30, [15, 15, 15])],
        vec![],
    );
    let world = |small: &str| {
        let b = school(
            "B",
            vec![
                group(small, 4, [2, 2, 2]),
                group("v", 4, [2, 2, 2]),
                group("w", 4, [2, 2, 2]),
            ],
            vec![],
        );
        let b_view = publish(10, std::slice::from_ref(&b), &[]);
        assert!(b_view.groups.is_empty(), "B lists no group");
        publish(10, &[a.clone(), b], &[])
            .groups
            .iter()
            .map(|g| (g.group.clone(), g.students.is_hidden()))
            .collect::<Vec<_>>()
    };
    assert_eq!(world("x"), world("y"));
    assert!(world("x").is_empty(), "the dimension is hidden whole");
}

#[test]
fn a_belonging_mean_needs_the_threshold_of_answers() {
    let mut few = group("few", 30, [15, 15, 15]);
    (few.belonging_sum, few.belonging_answers) = (1, 1);
    let mut many = group("many", 30, [15, 15, 15]);
    (many.belonging_sum, many.belonging_answers) = (12, 10);
    let figures = publish(10, &[school("S", vec![few, many], vec![])], &[]);
    let mean = |name: &str| {
        figures
            .groups
            .iter()
            .find(|g| g.group == name)
            .map(|g| g.belonging_change)
            .unwrap()
    };
    assert!(mean("few").is_hidden(), "one student's own answer");
    // Another dimension showing every mean gives the scope's sum: "many"
    // beside it would give away the one answer of "few" (review eyes8).
    assert!(
        mean("many").is_hidden(),
        "the hidden answers are under the threshold"
    );
}

#[test]
fn belonging_means_hidden_together_hold_no_answer_or_the_threshold() {
    let means = |answers: [usize; 3]| -> Vec<bool> {
        let groups = ["a", "b", "c"]
            .iter()
            .zip(answers)
            .map(|(name, n)| {
                let mut g = group(name, 30, [15, 15, 15]);
                (g.belonging_sum, g.belonging_answers) = (n as i64, n);
                g
            })
            .collect();
        let figures = publish(10, &[school("S", groups, vec![])], &[]);
        let mut shown: Vec<(String, bool)> = figures
            .groups
            .iter()
            .map(|g| (g.group.clone(), !g.belonging_change.is_hidden()))
            .collect();
        shown.sort();
        shown.into_iter().map(|(_, s)| s).collect()
    };
    assert_eq!(
        means([12, 12, 0]),
        [true, true, false],
        "no answer to give away"
    );
    assert_eq!(
        means([12, 6, 6]),
        [true, false, false],
        "hidden together: 12 answers"
    );
    assert_eq!(
        means([12, 12, 4]),
        [false, true, false],
        "4 answers take another group's 12 with them"
    );
    assert_eq!(
        means([9, 9, 0]),
        [false, false, false],
        "under the threshold each"
    );
}

#[test]
fn a_group_hidden_in_one_school_is_hidden_in_the_combined_view_and_tiny_schools_are_left_out() {
    let a = school(
        "A",
        vec![
            group("x", 40, [20, 20, 20]),
            group("y", 30, [15, 15, 15]),
            group("z", 3, [1, 1, 1]),
        ],
        vec![],
    );
    let b = school(
        "B",
        vec![
            group("x", 40, [20, 20, 20]),
            group("y", 30, [15, 15, 15]),
            group("z", 20, [10, 10, 10]),
        ],
        vec![],
    );
    let tiny = school("C", vec![group("x", 4, [2, 2, 2])], vec![]);
    let figures = publish(10, &[a, b, tiny], &[]);
    assert_eq!(figures.left_out, vec!["C".to_owned()]);
    assert_eq!(
        figures.funnel.cohort.get(),
        Some(&(40 + 30 + 3 + 40 + 30 + 20))
    );
    assert!(figures.shows_group(crate::counseling::metrics::Dimension::Gender, "x"));
    assert!(
        !figures.shows_group(crate::counseling::metrics::Dimension::Gender, "y"),
        "y is A's complementary cell"
    );
    assert!(!figures.shows_group(crate::counseling::metrics::Dimension::Gender, "z"));
}

#[test]
fn the_threshold_never_goes_below_five() {
    let s = school(
        "S",
        vec![
            group("x", 40, [20, 20, 20]),
            group("y", 4, [2, 2, 2]),
            group("z", 4, [2, 2, 2]),
        ],
        vec![],
    );
    assert_eq!(
        publish(1, std::slice::from_ref(&s), &[]),
        publish(5, &[s], &[])
    );
}

// ---------------------------------------------------------------- attacker

/// A small seeded generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// A group of a random table: often small, and with stage counts that are
/// often 0, small, or nearly the whole group.
fn random_group(rng: &mut Rng, name: String) -> GroupCounts {
    let students = match rng.below(10) {
        0..=3 => rng.between(1, 9),
        4 => 1,
        _ => rng.between(10, 45),
    };
    let mut stages: [usize; STAGES] = std::array::from_fn(|_| match rng.below(6) {
        0 => 0,
        1 => rng.between(0, students.min(4)),
        2 => students - rng.between(0, students.min(4)),
        _ => rng.between(0, students),
    });
    // Often nested, as in life: completed ≤ placed ≤ engaged.
    if rng.below(2) == 0 {
        stages.sort_unstable_by(|a, b| b.cmp(a));
    }
    GroupCounts {
        // Any order of complementary suppression must be safe.
        order: rng.below(60),
        ..group(&name, students, stages)
    }
}

fn random_school(rng: &mut Rng, name: &str, groups: usize, future: usize) -> SchoolCounts {
    // Some groups are missing from a school (count 0, not listed).
    let mut listed = Vec::new();
    for g in 0..groups {
        if rng.below(5) != 0 {
            listed.push(random_group(rng, format!("g{g}")));
        }
    }
    let groups = listed;
    let mut s = school(name, groups, Vec::new());
    // The trend: each engaged (placed) student in one month of those begun,
    // often bunched into a few months.
    s.future_months = future;
    let begun = 12 - s.future_months;
    s.months = vec![[0; 2]; 12];
    for k in 0..2 {
        let active: Vec<usize> = (0..rng.between(1, begun.min(6)))
            .map(|_| rng.below(begun))
            .collect();
        for _ in 0..s.stages[k] {
            s.months[active[rng.below(active.len())]][k] += 1;
        }
    }
    s
}

/// Exact integer row reduction (each row kept divided by its gcd).
fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

fn normalize(row: &mut [i128]) {
    let g = row.iter().fold(0, |g, &x| gcd(g, x));
    if g > 1 {
        row.iter_mut().for_each(|x| *x /= g);
    }
}

fn reduce(mut rows: Vec<Vec<i128>>, columns: usize) -> Vec<Vec<i128>> {
    let mut rank = 0;
    for c in 0..columns {
        let Some(p) = (rank..rows.len()).find(|&i| rows[i][c] != 0) else {
            continue;
        };
        rows.swap(rank, p);
        for i in 0..rows.len() {
            if i != rank && rows[i][c] != 0 {
                let (a, b) = (rows[rank][c], rows[i][c]);
                let pivot = rows[rank].clone();
                for (x, p) in rows[i].iter_mut().zip(&pivot) {
                    *x = *x * a - p * b;
                }
                normalize(&mut rows[i]);
            }
        }
        rank += 1;
    }
    rows.truncate(rank);
    rows
}

/// Whether `v` is a combination of the reduced rows: then the published
/// numbers determine `v · cells` exactly.
fn determined(reduced: &[Vec<i128>], v: &[i128]) -> bool {
    let mut v = v.to_vec();
    for row in reduced {
        let Some(c) = row.iter().position(|&x| x != 0) else {
            continue;
        };
        if v[c] != 0 {
            let (a, b) = (row[c], v[c]);
            for k in 0..v.len() {
                v[k] = v[k] * a - row[k] * b;
            }
            normalize(&mut v);
        }
    }
    v.iter().all(|&x| x == 0)
}

/// The unknowns of one school's table: its group sizes and stage counts.
struct Cells {
    /// (school, group) → column of its size; (school, group, stage) → column.
    size: Vec<Vec<usize>>,
    stage: Vec<Vec<[usize; STAGES]>>,
    /// (school, month) → columns of its engaged and placed counts.
    month: Vec<Vec<[usize; 2]>>,
    columns: usize,
}

fn cells(schools: &[SchoolCounts]) -> Cells {
    let mut columns = 0;
    let mut next = || {
        columns += 1;
        columns - 1
    };
    let mut size = Vec::new();
    let mut stage = Vec::new();
    let mut month = Vec::new();
    for s in schools {
        month.push(
            s.months
                .iter()
                .map(|_| std::array::from_fn(|_| next()))
                .collect(),
        );
        let groups = &s.dimensions[0];
        size.push(groups.iter().map(|_| next()).collect());
        stage.push(
            groups
                .iter()
                .map(|_| std::array::from_fn(|_| next()))
                .collect(),
        );
    }
    Cells {
        size,
        stage,
        month,
        columns,
    }
}

/// Every equation an attacker holds after reading each school's view and
/// the combined view: each shown number, each shown total.
fn published_equations(
    schools: &[SchoolCounts],
    patterns: &[SchoolPattern],
    combined: Option<(&[usize], &SchoolCounts, &SchoolPattern)>,
    cells: &Cells,
) -> Vec<Vec<i128>> {
    let mut rows = Vec::new();
    let unit = |columns: &[usize]| {
        let mut row = vec![0i128; cells.columns];
        for &c in columns {
            row[c] = 1;
        }
        row
    };
    for (i, (s, p)) in schools.iter().zip(patterns).enumerate() {
        let groups = &s.dimensions[0];
        let shown = &p.dimensions[0];
        if p.cohort {
            rows.push(unit(&cells.size[i]));
        }
        for stage in 0..STAGES {
            if p.stages[stage] {
                let all: Vec<usize> = cells.stage[i].iter().map(|c| c[stage]).collect();
                rows.push(unit(&all));
            }
        }
        // The attacker knows the trend's months add up to the year's total
        // (each student counted in one month) and that months still to
        // come are zeros.
        for k in 0..2 {
            let mut row = unit(&cells.month[i].iter().map(|c| c[k]).collect::<Vec<_>>());
            for c in &cells.stage[i] {
                row[c[k]] -= 1;
            }
            rows.push(row);
            for (m, c) in cells.month[i].iter().enumerate() {
                if p.months[m][k] || m >= s.months.len() - s.future_months {
                    rows.push(unit(&[c[k]]));
                }
            }
        }
        for (g, gp) in shown.iter().enumerate().take(groups.len()) {
            if gp.students {
                rows.push(unit(&[cells.size[i][g]]));
            }
            for stage in 0..STAGES {
                if gp.stages[stage] {
                    rows.push(unit(&[cells.stage[i][g][stage]]));
                }
            }
        }
    }
    if let Some((included, counts, pattern)) = combined {
        // A combined number adds up the same cell of each included school.
        let parts = |name: &str, pick: &dyn Fn(usize, usize) -> usize| -> Vec<usize> {
            included
                .iter()
                .filter_map(|&i| {
                    schools[i].dimensions[0]
                        .iter()
                        .position(|g| g.group == name)
                        .map(|g| pick(i, g))
                })
                .collect()
        };
        if pattern.cohort {
            let all: Vec<usize> = included
                .iter()
                .flat_map(|&i| cells.size[i].clone())
                .collect();
            rows.push(unit(&all));
        }
        for stage in 0..STAGES {
            if pattern.stages[stage] {
                let all: Vec<usize> = included
                    .iter()
                    .flat_map(|&i| cells.stage[i].iter().map(move |c| c[stage]))
                    .collect();
                rows.push(unit(&all));
            }
        }
        for (m, month) in pattern.months.iter().enumerate() {
            for (k, &month_shown) in month.iter().enumerate() {
                if month_shown && pattern.cohort {
                    let all: Vec<usize> = included.iter().map(|&i| cells.month[i][m][k]).collect();
                    rows.push(unit(&all));
                }
            }
        }
        let none = Vec::new();
        let (merged, shown) = (
            counts.dimensions.first().unwrap_or(&none),
            pattern.dimensions.first().map_or(&[][..], |p| p.as_slice()),
        );
        for (g, gp) in merged.iter().zip(shown) {
            if gp.students {
                rows.push(unit(&parts(&g.group, &|i, k| cells.size[i][k])));
            }
            for stage in 0..STAGES {
                if gp.stages[stage] {
                    rows.push(unit(&parts(&g.group, &|i, k| cells.stage[i][k][stage])));
                }
            }
        }
    }
    rows
}

/// Exact bounds on one school's hidden cells, by trying every way of
/// splitting the hidden total among the hidden groups (each listed group
/// has at least one student) and, for each, the range each hidden stage
/// count can take given its shown total. Returns a cell pinned to a single
/// value, if any.
fn pinned_by_bounds(s: &SchoolCounts, p: &SchoolPattern) -> Option<String> {
    let groups = &s.dimensions[0];
    let shown = &p.dimensions[0];
    if !p.cohort {
        return None;
    }
    let listed = shown.iter().any(|g| g.students);
    let hidden: Vec<usize> = (0..groups.len()).filter(|&g| !shown[g].students).collect();
    let mut sizes: Vec<usize> = groups.iter().map(|g| g.students).collect();
    let mut low = vec![usize::MAX; groups.len()];
    let mut high = vec![0; groups.len()];
    let mut stage_bounds = vec![[(usize::MAX, 0); STAGES]; groups.len()];
    let mut record = |sizes: &[usize]| {
        let mut bounds = Vec::new();
        if stage_ranges(s, p, sizes, &mut bounds) {
            for &g in &hidden {
                low[g] = low[g].min(sizes[g]);
                high[g] = high[g].max(sizes[g]);
            }
            for (g, stage, lo, hi) in bounds {
                let b: &mut (usize, usize) = &mut stage_bounds[g][stage];
                *b = (b.0.min(lo), b.1.max(hi));
            }
        }
    };
    if !listed || hidden.is_empty() {
        // Unlisted groups: neither their number nor their sizes are known;
        // the true sizes stand for an attacker who knows them anyway.
        record(&sizes.clone());
    } else {
        let total: usize = hidden.iter().map(|&g| groups[g].students).sum();
        let mut splits = 0usize;
        split(&hidden, 0, total, &mut sizes, &mut |sizes| {
            splits += 1;
            record(sizes);
            splits < 300_000
        });
        for &g in &hidden {
            if low[g] == high[g] {
                return Some(format!("size of {}", groups[g].group));
            }
        }
    }
    for (g, bounds) in stage_bounds.iter().enumerate() {
        for (stage, &(lo, hi)) in bounds.iter().enumerate() {
            if lo == hi {
                return Some(format!("stage {stage} of {}", groups[g].group));
            }
        }
    }
    None
}

/// Every way to give each hidden group at least one of `left` students.
fn split(
    hidden: &[usize],
    at: usize,
    left: usize,
    sizes: &mut Vec<usize>,
    visit: &mut dyn FnMut(&[usize]) -> bool,
) -> bool {
    if at + 1 == hidden.len() {
        if left == 0 {
            return true;
        }
        sizes[hidden[at]] = left;
        return visit(sizes);
    }
    for n in 1..=left.saturating_sub(hidden.len() - at - 1) {
        sizes[hidden[at]] = n;
        if !split(hidden, at + 1, left - n, sizes, visit) {
            return false;
        }
    }
    true
}

/// With these group sizes: whether every shown stage total can be met, and
/// the range of each hidden stage count under its total (a sum of counts
/// each between 0 and its group's size). A stage without a shown total
/// leaves each count free over at least 0 and 1.
fn stage_ranges(
    s: &SchoolCounts,
    p: &SchoolPattern,
    sizes: &[usize],
    bounds: &mut Vec<(usize, usize, usize, usize)>,
) -> bool {
    let groups = &s.dimensions[0];
    let shown = &p.dimensions[0];
    for stage in 0..STAGES {
        if !p.stages[stage] {
            continue;
        }
        let hidden: Vec<usize> = (0..groups.len())
            .filter(|&g| !shown[g].stages[stage])
            .collect();
        let sum: usize = hidden.iter().map(|&g| groups[g].stages[stage]).sum();
        let room: usize = hidden.iter().map(|&g| sizes[g]).sum();
        if sum > room {
            return false;
        }
        for &g in &hidden {
            let others = room - sizes[g];
            bounds.push((g, stage, sum.saturating_sub(others), sizes[g].min(sum)));
        }
    }
    true
}

#[test]
fn no_hidden_cell_follows_from_the_published_numbers_of_random_tables() {
    let mut rng = Rng(0x5EED_2026_1128);
    let (mut tables, mut hidden_cells, mut combined_views, mut hidden_months) = (0, 0, 0, 0);
    for round in 0..3000 {
        let threshold = if round % 3 == 0 { 5 } else { 10 };
        // Sometimes months are still to come (the same for every school).
        let future = if rng.below(3) == 0 {
            rng.between(1, 11)
        } else {
            0
        };
        let schools: Vec<SchoolCounts> = (0..rng.between(1, 3))
            .map(|i| random_school(&mut rng, &format!("s{i}"), rng_groups(round), future))
            .filter(|s| !s.dimensions[0].is_empty())
            .collect();
        if schools.is_empty() {
            continue;
        }
        let patterns: Vec<SchoolPattern> = schools
            .iter()
            .map(|s| suppress::school(threshold, s))
            .collect();
        let included: Vec<usize> = (0..schools.len()).filter(|&i| patterns[i].cohort).collect();
        let combined = (schools.len() > 1).then(|| {
            let parts: Vec<(&SchoolCounts, &SchoolPattern)> = included
                .iter()
                .map(|&i| (&schools[i], &patterns[i]))
                .collect();
            super::combine::combine(&parts)
        });
        let cells = cells(&schools);
        let rows = published_equations(
            &schools,
            &patterns,
            combined.as_ref().map(|(c, p)| (included.as_slice(), c, p)),
            &cells,
        );
        let reduced = reduce(rows, cells.columns);
        let unit = |c: usize| {
            let mut v = vec![0i128; cells.columns];
            v[c] = 1;
            v
        };
        for (i, (s, p)) in schools.iter().zip(&patterns).enumerate() {
            tables += 1;
            for (g, gp) in p.dimensions[0].iter().enumerate() {
                let mut hidden: Vec<usize> = Vec::new();
                if !gp.students {
                    hidden.push(cells.size[i][g]);
                }
                for stage in 0..STAGES {
                    if !gp.stages[stage] {
                        hidden.push(cells.stage[i][g][stage]);
                    }
                }
                for c in hidden {
                    hidden_cells += 1;
                    assert!(
                        !determined(&reduced, &unit(c)),
                        "round {round}: a hidden cell of {} follows from the published numbers: {schools:?} {patterns:?}",
                        s.dimensions[0][g].group
                    );
                }
            }
            let begun = s.months.len() - s.future_months;
            months_not_pinned(round, threshold, s, p);
            for m in 0..begun {
                for k in 0..2 {
                    if !p.months[m][k] {
                        hidden_months += 1;
                        assert!(
                            !determined(&reduced, &unit(cells.month[i][m][k])),
                            "round {round}: hidden month {m} of series {k} in {} follows from the published numbers: {s:?} {p:?}",
                            s.school
                        );
                    }
                }
            }
            if let Some(cell) = pinned_by_bounds(s, p) {
                panic!("round {round}: bounds pin the {cell}: {s:?} {p:?}");
            }
        }
        if let Some((counts, pattern)) = &combined {
            combined_views += 1;
            // A hidden combined cell is no more derivable than its parts.
            let none = Vec::new();
            let merged = counts.dimensions.first().unwrap_or(&none);
            let shown = pattern.dimensions.first().map_or(&[][..], |p| p.as_slice());
            if pattern.cohort {
                months_not_pinned(round, threshold, counts, pattern);
                let begun = counts.months.len() - counts.future_months;
                for m in 0..begun {
                    for k in 0..2 {
                        if !pattern.months[m][k] {
                            let mut v = vec![0i128; cells.columns];
                            for &i in &included {
                                v[cells.month[i][m][k]] = 1;
                            }
                            assert!(
                                !determined(&reduced, &v),
                                "round {round}: combined month {m} series {k}"
                            );
                        }
                    }
                }
            }
            for (g, gp) in merged.iter().zip(shown) {
                let sum_of = |pick: &dyn Fn(usize, usize) -> usize| {
                    let mut v = vec![0i128; cells.columns];
                    for &i in &included {
                        if let Some(k) = schools[i].dimensions[0]
                            .iter()
                            .position(|x| x.group == g.group)
                        {
                            v[pick(i, k)] = 1;
                        }
                    }
                    v
                };
                // Hidden only because a school hides the dimension whole,
                // a sum of parts its schools all show may well be known.
                let parts_shown = |pick: &dyn Fn(&GroupPattern) -> bool| {
                    included.iter().all(|&i| {
                        schools[i].dimensions[0]
                            .iter()
                            .position(|x| x.group == g.group)
                            .is_none_or(|k| pick(&patterns[i].dimensions[0][k]))
                    })
                };
                if !gp.students && !parts_shown(&|p| p.students) {
                    assert!(
                        !determined(&reduced, &sum_of(&|i, k| cells.size[i][k])),
                        "round {round}"
                    );
                }
                for stage in 0..STAGES {
                    if !gp.stages[stage] && pattern.cohort && !parts_shown(&|p| p.stages[stage]) {
                        assert!(
                            !determined(&reduced, &sum_of(&|i, k| cells.stage[i][k][stage])),
                            "round {round}: combined {} stage {stage}",
                            g.group
                        );
                    }
                }
            }
        }
    }
    println!(
        "{tables} tables, {hidden_cells} hidden cells, {hidden_months} hidden months, {combined_views} combined views checked"
    );
    assert!(
        tables > 3000 && hidden_cells > 10_000 && hidden_months > 10_000,
        "{tables} {hidden_cells} {hidden_months}"
    );
}

/// Counts are at least zero: the hidden months that have begun, whose sum
/// is the year's total minus the shown months, must be two or more and hold
/// the threshold together (a sum of 0 pins every one of them).
fn months_not_pinned(round: usize, threshold: usize, s: &SchoolCounts, p: &SchoolPattern) {
    let begun = s.months.len() - s.future_months;
    for k in 0..2 {
        if !p.stages[k] {
            continue;
        }
        let hidden: Vec<usize> = (0..begun).filter(|&m| !p.months[m][k]).collect();
        let sum: usize = hidden.iter().map(|&m| s.months[m][k]).sum();
        assert!(
            hidden.is_empty() || (hidden.len() >= 2 && sum >= threshold),
            "round {round}: {} hidden months of series {k} in {} hold {sum} together: {:?} {:?}",
            hidden.len(),
            s.school,
            s.months,
            p.months
        );
    }
}

fn rng_groups(round: usize) -> usize {
    2 + round % 5
}

#[test]
fn the_attacker_catches_a_lone_hidden_cell() {
    // The old rule (hide one cell when it alone is small) must be caught.
    let s = school(
        "S",
        vec![
            group("a", 40, [20, 20, 20]),
            group("b", 30, [15, 15, 15]),
            group("c", 4, [2, 2, 2]),
        ],
        vec![],
    );
    let mut p = suppress::school(10, &s);
    p.dimensions[0][1] = GroupPattern {
        students: true,
        stages: [true; STAGES],
        belonging: true,
        mentored: false,
    };
    let cells = cells(std::slice::from_ref(&s));
    let reduced = reduce(
        published_equations(
            std::slice::from_ref(&s),
            std::slice::from_ref(&p),
            None,
            &cells,
        ),
        cells.columns,
    );
    let mut v = vec![0i128; cells.columns];
    v[cells.size[0][2]] = 1;
    assert!(determined(&reduced, &v), "the attacker works");
}

#[test]
fn a_small_mentor_share_is_hidden_with_a_partner_and_never_without_its_placed_count() {
    let mut groups = vec![
        group("a", 60, [40, 30, 10]),
        group("b", 50, [40, 30, 10]),
        group("c", 40, [30, 20, 10]),
    ];
    // a: 15 of 30 placed with a mentor, b: 12 of 30, c: 4 of 20 (too few).
    for (g, m) in groups.iter_mut().zip([15, 12, 4]) {
        g.mentored = m;
    }
    let mut s = school("S", groups, vec![]);
    s.mentored = 31;
    let p = suppress::school(10, &s);
    assert!(p.mentored, "31 of 80 placed: the scope's share shows");
    let shown: Vec<bool> = p.dimensions[0].iter().map(|g| g.mentored).collect();
    // c alone would follow from the scope's share minus a and b: the
    // smallest other group (b) is hidden too.
    assert_eq!(shown, vec![true, false, false]);
    let figures = publish(10, std::slice::from_ref(&s), &[]);
    assert_eq!(figures.funnel.mentored_share.get(), Some(&38.8));
    // Without the placed count, no share.
    let mut few = school("T", vec![group("a", 40, [20, 5, 0])], vec![]);
    few.dimensions[0][0].mentored = 3;
    few.mentored = 3;
    assert!(!suppress::school(10, &few).mentored);
}

// ------------------------------------------------ views of several schools

/// The figures of the counts themselves: each school's pattern, and the
/// combined counts of every school its view includes (as `publish` read
/// them before schools' views were kept apart).
fn published_from_counts(threshold: usize, schools: &[SchoolCounts], months: &[String]) -> Figures {
    let threshold = super::effective_threshold(threshold);
    let patterns: Vec<SchoolPattern> = schools
        .iter()
        .map(|s| suppress::school(threshold, s))
        .collect();
    if let ([school], [pattern]) = (schools, patterns.as_slice()) {
        return Figures::build(threshold, school, pattern, months, Vec::new());
    }
    let (included, left_out): (Vec<_>, Vec<_>) =
        schools.iter().zip(&patterns).partition(|(_, p)| p.cohort);
    let (counts, pattern) = super::combine::combine(&included);
    let left_out = left_out
        .into_iter()
        .map(|(s, _)| s.school.clone())
        .collect();
    Figures::build(threshold, &counts, &pattern, months, left_out)
}

#[test]
fn figures_built_from_the_schools_views_are_those_of_their_counts() {
    let mut rng = Rng(0x5EED_2026_1129);
    let labels: Vec<String> = (1..=12).map(|m| format!("m{m}")).collect();
    for round in 0..2000 {
        let threshold = if round % 3 == 0 { 5 } else { 10 };
        let future = if rng.below(3) == 0 {
            rng.between(1, 11)
        } else {
            0
        };
        let schools: Vec<SchoolCounts> = (0..rng.between(1, 4))
            .map(|i| random_school(&mut rng, &format!("s{i}"), rng_groups(round), future))
            .collect();
        let views: Vec<SchoolView> = schools
            .iter()
            .map(|s| SchoolView::of(threshold, s))
            .collect();
        let views: Vec<&SchoolView> = views.iter().collect();
        assert_eq!(
            publish_views(threshold, &views, &labels),
            published_from_counts(threshold, &schools, &labels),
            "round {round}"
        );
        // A page without the trend may reuse views counted with it: the
        // same figures as counts without months.
        let without: Vec<SchoolCounts> = schools
            .iter()
            .cloned()
            .map(|s| SchoolCounts {
                months: Vec::new(),
                future_months: 0,
                ..s
            })
            .collect();
        assert_eq!(
            publish_views(threshold, &views, &[]),
            published_from_counts(threshold, &without, &[]),
            "round {round}, without the trend"
        );
    }
}
