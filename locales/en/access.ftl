# Getting into an account safely: email confirmation at registration,
# "forgot password", and the emails they send.

## Registration
access-register-check-mail = Check your inbox: we sent a message to the address you typed. Open the link in it to confirm your email address, then log in. Nothing arrived after a few minutes? Look in your spam folder.
access-confirm-title = Confirm your email address
access-confirm-page-intro = Confirm that { $email } is your address to finish registering. Once confirmed, you can log in; a school counselor verifies your organization before its postings go live.
access-confirm-not-you = Did you not register { $organization } yourself? Then do not confirm: close this page. Someone else typed your address, and confirming would let them sign in with it.
access-confirm-submit = Confirm my email address
access-confirmed = Your email address is confirmed. Log in to continue.
access-login-unconfirmed = Confirm your email address first: open the link we emailed you. Lost it? Register again with the same address and we will send a new one.

## Forgot password
access-forgot-link = Forgot your password?
access-forgot-title = Forgot your password
access-forgot-intro = Type the email address of your account. If an account uses it, we email it a link to choose a new password. The link works once, for { $minutes } minutes, and logs the account out everywhere.
access-forgot-email = Email
access-forgot-submit = Email me a reset link
access-forgot-sent = If an account uses this address, a reset link is on its way. It works once, for { $minutes } minutes. No email? Look in your spam folder, or ask your counselor or an administrator.
access-forgot-other-help = Students can also ask their counselor, and anyone can ask an administrator.
access-reset-link-emailed = A reset link was emailed to { $email }. It works once, for { $minutes } minutes.
access-reset-link-waiting = No mail server is configured, so the email waits in the outbox (/admin/mail).

## Emails
# These mails also get $reader, `student` or `adult`: a language that
# addresses the two differently (Spanish: tú and usted) selects on it.
access-mail-footer = You receive this email because this address was typed on STEMbridge. If it was not you, ignore it: nothing changes without the link.
access-mail-greeting = Hello { $name },
access-confirm-subject = Confirm your email address for STEMbridge
access-confirm-intro = You registered { $organization } on STEMbridge. Open this link to confirm your email address (it works once, for { $hours } hours):
access-confirm-button = Confirm my email address
access-confirm-ignore = If you did not register, ignore this email: no account can be used without this link.
access-attempt-subject = Someone tried to register on STEMbridge with your address
access-attempt-intro = Someone, perhaps you, tried to register an organization on STEMbridge with this email address. It already has an account, so no new account was made.
access-attempt-join-intro = Someone, perhaps you, used an invitation to join an organization on STEMbridge with this email address. It already has an account, so no new account was made.
access-attempt-login = To log in:
access-attempt-forgot = Forgot your password? Ask for a reset link here:
access-attempt-unconfirmed = Your account's email address is not confirmed yet. Open this link to confirm it (it works once, for { $hours } hours):
access-attempt-ignore = If it was not you, ignore this email: your account is unchanged.
access-reset-subject = Your STEMbridge password reset link
access-reset-intro = Someone asked to reset the password of your STEMbridge account. Open this link to choose a new one (it works once, for { $minutes } minutes):
access-reset-intro-admin = An administrator issued a password reset link for your STEMbridge account. Open this link to choose a new one (it works once, for { $minutes } minutes):
access-reset-button = Choose a new password
access-invite-subject = Your STEMbridge account: choose your password
access-invite-intro = An administrator of your district made you a STEMbridge account. Open this link to choose your password (it works once, for { $days } days):
access-invite-button = Choose my password
access-invite-ignore = If you did not expect this account, tell your district's STEMbridge administrator. Nobody can sign in to it until a password is chosen through this link.
access-reset-ignore = If you did not ask for it, ignore this email: your password stays as it is. Choosing a new password logs your account out on every device.
