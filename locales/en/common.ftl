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
error-method-not-allowed = This address only receives a form when it is sent, so there is no page to show here. Go back to the page the form is on (your browser's Back button may keep what you typed), or use the menu.
error-csrf = This form expired or did not come from STEMbridge. Go back, reload the page and try again.
error-cookies-needed = The browser did not send back STEMbridge's cookie, so this form could not be checked. STEMbridge needs cookies for this form: allow cookies for this site (or ask whoever manages this device), then reload the page and try again.
error-internal = Something went wrong on our side. Please try again in a moment.
error-unavailable = The service is briefly unavailable while our database comes back. What you just sent was not saved: please try again in a minute.
error-storage-full = We cannot save anything right now because our storage is full; our team has been alerted. What you just sent was not saved. You can still read pages; please try again later.
error-saved-twice = The same thing was just saved from another page or by someone else, so this one was not saved. Reload the page to see what is there now.
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

# Form validation: `label` is the field's name from the catalogue.
form-required = { $label } is required.
form-too-long = { $label } must be at most { $max } characters.
form-one-line = { $label } must fit on one line: remove the line break.
form-between = { $label } must be between { $min } and { $max }.
form-whole-number = { $label } must be a whole number.
form-email-required = Email is required.
form-email-too-long = Email must be at most 254 characters.
form-email-shape = Enter an email address like name@example.org.
form-email-plain = Type the address with plain letters, digits and . _ - + only: no accents, no special or invisible characters.
form-password-short = Password must be at least 10 characters.
form-password-long = Password must be at most 128 characters.
form-password-guessable = This password is one that people guessing try first (only digits and symbols, a common word with numbers, a keyboard row, a run like 1234567890, or one character repeated). Choose a phrase of a few words only you would put together.
title-error = Error
form-languages-too-many = Name at most 10 languages.
form-languages-codes = Use language codes like en, es, vi, hmn, or names such as Spanish or Hmong, separated by commas (not: { $codes }).
form-zip = ZIP code must be 5 digits, like 60601 (or ZIP+4, like 60601-1234).
form-unreadable = The form arrived incomplete, or with an answer sent twice. Please go back, reload the page and send it again.
form-nul = The form holds an invisible control character (NUL) that cannot be saved. Please retype the text rather than pasting it, and send it again.
form-charset = The form was sent in a character set other than UTF-8, so its accents and symbols would be saved wrongly. Send it as UTF-8 (every browser does; set your tool to UTF-8).
form-label-name = Name
form-choose = Choose a { $label } from the list.
form-date = { $label } must be a date like 2027-06-15.
form-time-required = { $label } is required for a job shadow.
form-time = { $label } must be a time like 09:30.
form-money-required = { $label } is required for this kind of pay.
form-money-negative = { $label } cannot be negative.
form-money-zero = { $label } must be more than 0. Without pay, choose “Unpaid”.
form-money-shape = { $label } must be an amount in dollars, like 18.50 or 1,500.
form-money-max = { $label } must be at most { $max }.
form-zip-unknown = This ZIP code does not exist.
date-time = { $date }, { $time }
form-comment-name = Comment
form-email-taken = An account with this email already exists. Log in instead.
form-password-required = Password is required.
form-label-your-name = Your name
form-label-organization-name = Organization name
form-label-phone = Phone
form-label-website = Website
form-website-shape = Website must start with https:// or http://.
form-organization-name-alphabets = Write each word of the name in one alphabet: a word that mixes Latin letters with letters of another alphabet (Cyrillic, Greek, Armenian, phonetic symbols…) looks like another name on every page.
form-label-reason = Reason
form-label-description = Description
form-label-address = Address
# A text quoted in running text.
form-quoted = “{ $text }”
# $kind: phone, email, link or handle; $found: the first found, as typed;
# $more: how many others; $others: those, quoted.
form-contact-details = { $kind ->
        [phone] “{ $found }” looks like a phone number.
        [email] “{ $found }” looks like an email address.
        [link] “{ $found }” looks like a link.
       *[handle] “{ $found }” looks like a social media handle.
    }{ $more ->
        [0] {""}
       *[other] {" "}So do { $others }.
    } Students reach you through STEMbridge: take out phone numbers, email addresses, links and social media handles.
form-contact-details-student = { $kind ->
        [phone] “{ $found }” looks like a phone number.
        [email] “{ $found }” looks like an email address.
        [link] “{ $found }” looks like a link.
       *[handle] “{ $found }” looks like a social media handle.
    }{ $more ->
        [0] {""}
       *[other] {" "}So do { $others }.
    } Please don't share your phone number, email, links or social media with the organization: talk with them through STEMbridge, or ask your counselor for help.
common-flash-logged-out = You are logged out.
# This language's name in itself, for the language switcher.
language-native-name = English
# A time of day, as a chrono strftime pattern (3:30 PM).
format-time = %-I:%M %p
# The decimal separator of numbers shown to people (1.5 hours).
format-decimal-separator = .
form-too-large = The form is too large.
form-address-unreadable = The address of this page holds a value this page cannot use. Please go back and follow the link again.
form-upload-unreadable = The upload could not be read. Please choose the files again and send the form once more.
