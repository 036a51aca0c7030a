# The counselor's participation dashboard, its exports and the outreach list:
# every number about students passes the disclosure rules first.

stats-title = Participation dashboard
stats-school = School
stats-all-schools = All my schools
stats-year = School year
stats-year-name = { $start }–{ $end }
stats-show = Show
stats-rounded = Figures cover whole school years: the dates you asked for were widened to { $from } through { $to }.
stats-period-note = Figures cover the school year from { $from } through { $to }. Periods are whole school years, so that two periods can never be subtracted to single out a student.
stats-link-outreach = Students not engaged yet
stats-link-roster = Import a roster
stats-link-verify = Verify employers
stats-link-export = Export the group table (CSV)
stats-left-out = Schools with fewer than { $threshold } active students are left out of the combined figures: { $schools }.
stats-scope-hidden = This choice covers fewer than { $threshold } students, so no figures are shown: they would describe individual students.
stats-hidden = not shown
stats-hidden-why = “Not shown” means fewer than { $threshold } students, or a number held back so that a smaller group cannot be worked out from the totals or from another school's view.
stats-funnel = Funnel
stats-funnel-caption = Active students of the roster, { $from } through { $to }
stats-stage = Stage
stats-students = Students
stats-share = Share of the cohort
stats-cohort = Cohort
stats-stage-engaged = Engaged (applied)
stats-stage-placed = Placed
stats-stage-completed = Completed
stats-gaps = Gaps between groups
stats-belonging-hint = Belonging change: placements whose closing question was answered in this school year, published once, in the summer after the year closes, as they stood then (a mean that moved with each answer would give away one student's answer).
stats-gap-hint = Gap: the group's rate minus everyone else's, in percentage points.
stats-gaps-region = Rates and gaps by student group (scrolls sideways)
stats-gaps-caption = Rates and gaps by student group, largest gaps first
stats-group = Group
stats-engaged = Engaged
stats-placed = Placed
stats-completed = Completed
stats-gap = Gap
stats-belonging = Belonging change
stats-trend = Trend
stats-trend-legend = Solid line: engagement rate. Dashed line: placement rate. Months not shown break the lines.
stats-trend-caption = Engagement and placement by month (the chart's data)
stats-month = Month
stats-chart-title = Engagement and placement by month
stats-chart-desc = Monthly engagement and placement rates from { $from } to { $to }.
stats-chart-desc-engagement-peak = Peak engagement { $rate }%.
stats-chart-desc-engagement-hidden = Engagement: no month has enough students to show.
stats-chart-desc-placement-peak = Peak placement { $rate }%.
stats-chart-desc-placement-hidden = Placement: no month has enough students to show.
stats-dim-gender = Gender
stats-dim-race-ethnicity = Race and ethnicity
stats-dim-low-income = Low income
stats-dim-english-learner = English learner
stats-dim-disability = Disability (IEP/504)
stats-dim-first-generation = First generation
stats-dim-grade = Grade
stats-dim-school = School
stats-error-school = “school” must be a school id.
stats-error-date = “{ $name }” must be a date like 2026-09-01.
stats-error-order = “to” must be on or after “from”.
stats-error-two-years = “from” and “to” must fall in the same school year (August 1 to July 31): figures cover whole school years, so that two periods cannot be subtracted.
stats-error-year = “year” must be a school year such as 2026 (for 2026–27).
stats-error-year-range = “year” must be a school year from 2000 to { $last }.
stats-error-hidden-group = The dashboard does not show this group (or its rate for this status) for this school year and scope: it has fewer than { $threshold } students, or is held back to protect a smaller one, so it cannot filter the list. Choose a group the dashboard shows.
stats-error-grade-and-group = The list cannot be filtered by a grade and a group together: the dashboard shows grades and groups, never a grade by a group, so such a list could give the size of a group it does not show. Choose a grade or a group (grades are in the group list).
stats-outreach-title = Reach students
stats-outreach-heading = Reach the students nobody has reached
stats-outreach-status = Status
stats-outreach-any = Any
stats-outreach-grade = Grade
stats-outreach-group = Group
stats-outreach-everyone = Everyone
stats-outreach-groups-hint = Only the groups and grades the dashboard shows for this school year can filter the list.
stats-outreach-left-out = { $columns ->
    [grade] Filtered by a group, the list leaves out the grade column: the dashboard never shows grades within a group, and counting the rows would give them.
    [status] Filtered by this grade, the list leaves out the status and “Open now for them” columns: the dashboard does not show this grade’s rates, and counting the rows would give them.
   *[both] Filtered by this group, the list leaves out the grade, status and “Open now for them” columns: the dashboard shows neither grades within a group nor this group’s rates, and counting the rows would give them.
}
stats-outreach-truncated = The first { $listed } students are listed; the export has all.
stats-outreach-export = Export this list (CSV)
stats-outreach-caption = Students and where they stand
stats-outreach-student = Student
stats-outreach-open = Open now for them
stats-outreach-unclaimed = (account not claimed)
stats-outreach-matching = { $count ->
    [one] { $count } matching opportunity
   *[other] { $count } matching opportunities
}
