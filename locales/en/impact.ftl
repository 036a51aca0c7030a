# The public impact page (issue 19).

impact-title = Our impact
impact-intro = What this STEMbridge site offered students and what came of it, for every school together, one school year at a time. Anyone can read it; nobody needs to sign in.
impact-period = From { $from } to { $to }.
impact-published-after = Student figures for { $year } are published once, after the school year ends on { $end }, and never change afterwards. Until then this page shows only what was offered.
impact-never-published = No student figures were published for { $year }. They are published once, in the summer right after a school year ends, and a year missed then is not published later: taken afterwards, its figures would count a later roster.
impact-published-on = These student figures were published on { $date }, after the school year ended, and do not change. To protect students, a number of students under { $threshold } is never shown, nor any number that would let someone work one out.
impact-download = Download these figures (CSV)
impact-offered = Opportunities offered: { $count }
impact-kinds = Opportunities by kind
impact-fields = Opportunities by field
impact-features = Opportunities by access feature
impact-item = What
impact-postings = Opportunities
impact-value = Value
impact-outcomes = Placements
impact-placements = Students who started and completed a placement
impact-started = Students who started a placement
impact-completed = Students who completed a placement
impact-hours = Hours worked (approved)
impact-shares = Shares of placements
impact-paid-share = Share of placements that were paid
impact-access-share = Share of placements reachable by public transit or done remotely
impact-commitments-made = Employer commitments made
impact-commitments-met = Employer commitments met
impact-students = Students taking part, and the gaps between groups
impact-gaps-chart = Placement gap by group, in percentage points
impact-chart-nothing = Nothing to draw: every number here is hidden to protect students.
impact-error-year = “year” must be a school year from 2000 to { $last }, named by the year it starts.
impact-csv-section = section
impact-csv-item = item
impact-csv-value = value
impact-csv-key = key
impact-csv-gap = Placement gap in percentage points: { $dimension }
impact-left-out = { $count ->
    [one] One school with fewer than { $threshold } students is left out of these figures.
   *[other] { $count } schools with fewer than { $threshold } students each are left out of these figures.
}
