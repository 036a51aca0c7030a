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

error-log-in = Please log in to continue.
error-credentials = Email or password is incorrect.
error-forbidden = You do not have access to this page.
error-not-found = We could not find that page.
error-csrf = This form expired or did not come from STEMbridge. Go back, reload the page and try again.
error-internal = Something went wrong on our side. Please try again in a moment.
error-unavailable = The service is briefly unavailable while our database comes back. What you just sent was not saved: please try again in a minute.
error-home-link = Go to the home page
error-title-400 = Bad Request
error-title-401 = Unauthorized
error-title-403 = Forbidden
error-title-404 = Not Found
error-title-409 = Conflict
error-title-413 = Payload Too Large
error-title-422 = Unprocessable Entity
error-title-429 = Too Many Requests
error-title-500 = Internal Server Error
error-title-503 = Service Unavailable
error-mfa-enrolment = Set up your authenticator app to continue.
