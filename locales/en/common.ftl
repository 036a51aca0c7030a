# Shared by every page: the layout, dates, the language switcher.

language-switch-label = Language
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $month } { $day }, { $year }

nav-skip = Skip to content
nav-main = Main
nav-find = Find opportunities
nav-my-dashboard = My dashboard
nav-my-profile = My profile
nav-my-organization = My organization
nav-dashboard = Dashboard
nav-my-students = My students
nav-verify-employers = Verify employers
nav-consent-forms = Consent forms
nav-administration = Administration
nav-audit-log = Audit log
nav-students = Students
nav-notifications = Notifications
nav-unread = ({ $count } new)
nav-log-out = Log out { $name }
nav-log-in = Log in
nav-claim = Students: claim your account
nav-register = Employers: register
footer-tagline = STEMbridge: real STEM work experience for every student.

grade-number = Grade { $grade }
grade-early-college = Early college
pages-label = Pages
pages-previous = Previous page
pages-next = Next page
pages-position = Page { $page } of { $count }
form-optional = (optional)
form-none = (none)
form-fix-problems = { $count ->
    [one] Please fix 1 problem
   *[other] Please fix { $count } problems
}
