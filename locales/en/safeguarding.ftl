# Safeguarding and account security: verification that cuts access, sessions,
# account lifecycle, passwords and the second factor.

## An organization that is not verified reaches no student
safe-org-pending = Your organization is waiting for verification. Applicants, placements and hours open once a counselor or administrator verifies it.
safe-org-not-verified = Your organization is not verified at the moment, so its applicants, placements and hours are closed to you. Contact a counselor or an administrator to resolve this.
safe-offer-org-not-verified = This offer cannot be accepted now: the organization that made it is no longer verified on STEMbridge. Your counselor has been told and can help you find another opportunity.
safe-student-org-not-verified = The organization behind this opportunity is no longer verified on STEMbridge, so nothing can move forward with it for now. Your counselor has been told and can help you.
safe-student-placement-org-not-verified = The organization hosting this placement is no longer verified on STEMbridge. Do not go to the site until your counselor tells you it is safe; they have been told and will contact you.
safe-notifications-hidden = Notifications about students are hidden while your organization is not verified.
safe-applicants-hidden = hidden while your organization is not verified
safe-notify-student-org-not-verified = { $organization } is no longer verified on STEMbridge: its offers cannot be accepted for now, and your counselor has been told.
safe-notify-counselor-placement-flagged = { $organization } is no longer verified on STEMbridge: the placement of { $student } there needs your attention.
org-notice-member-joined = { $name } ({ $email }) joined { $organization }, invited by { $inviter }, and can now read its applicants. If an administrator removed this person before, remove them again.
safe-consent-org-not-verified = Consent cannot be given now: the organization hosting this placement is no longer verified on STEMbridge. The student's counselor has been told. You can still decline.

## The user's own account page
safe-account-title = Account security
safe-password-heading = Change your password
safe-password-hint = You need your current password. Every other place where you are logged in is logged out.
safe-current-password = Current password
safe-new-password = New password
safe-password-submit = Change password
safe-password-changed = Your password is changed. You are logged out everywhere else.
safe-everywhere-heading = Log out everywhere
safe-everywhere-hint = Ends every session of your account, on every computer and phone, this one included.
safe-everywhere-submit = Log out everywhere
safe-signed-out-everywhere = You are logged out everywhere.
safe-back-to-account = Back to account security
safe-continue = Continue

## Second factor
safe-mfa-heading = Authenticator app
safe-mfa-on = Your authenticator app is on: logging in asks for its code after your password.
safe-mfa-off = Your authenticator app is off. Turn it on so a stolen password is not enough to log in as you.
safe-mfa-required = Counselors and administrators must use an authenticator app on this site. Set it up to continue.
safe-mfa-manage = Set up or manage your authenticator app
safe-mfa-start = Set up an authenticator app
safe-mfa-scan = Scan this code with an authenticator app (for example the one that came with your phone).
safe-mfa-qr-alt = QR code holding your authenticator secret
safe-mfa-type-secret = Or type this secret into the app:
safe-mfa-code = Code
safe-mfa-code-hint = The 6 digits your app shows now.
safe-mfa-confirm = Turn it on
safe-mfa-disable = Turn the authenticator off
safe-mfa-code-wrong = That code is not right, or was already used. Type the newest code from your app, or one of your recovery codes.
safe-recovery-title = Your recovery codes
safe-recovery-hint = Keep these codes somewhere safe, away from your phone. Each one logs you in once if you lose your phone. They are shown only this once.
safe-second-step-title = Code from your authenticator app
safe-second-step-hint = The 6 digits your app shows, or one of your recovery codes.
safe-second-step-submit = Log in

## Password reset links
safe-reset-title = Choose a new password
safe-reset-for = A new password for { $email }. This link works once.
safe-reset-submit = Save the new password
safe-reset-done = Your password is changed. Log in with it; every earlier session was ended.
safe-reset-link-title = Password reset link
safe-reset-link-hint = Give this link to { $email } in person or by a channel you trust. It works once, for { $minutes } minutes, and is shown only now:
safe-reset-link-unconfirmed = This account has not confirmed its email address yet, so the link was not emailed: nobody has shown that the address is theirs.
safe-back-to-accounts = Back to accounts

## Admins: accounts
safe-accounts-title = Accounts
safe-accounts-search = Email or name
safe-accounts-search-submit = Find
safe-accounts-caption = Accounts, by email
safe-accounts-col-account = Account
safe-accounts-col-role = Role
safe-accounts-col-state = State
safe-accounts-col-actions = Actions
safe-accounts-active = Active
safe-accounts-disabled = Disabled
safe-accounts-mfa = authenticator on
safe-accounts-enable = Enable
safe-accounts-disable = Disable
safe-accounts-reset-link = Password reset link
safe-accounts-reset-mfa = Clear authenticator
safe-accounts-remove-organization = Remove from organization
safe-accounts-remove-school = Remove from this school
safe-accounts-no-school = No school: reaches no student and may not review organizations.
safe-counselor-no-school = You look after no school at the moment, so you cannot review organizations or read the employers' quality view. An administrator decides which schools you look after.
safe-accounts-none = No account matches.
safe-accounts-any-role = Any role
safe-accounts-error-role = “role” must be one of student, employer, counselor or admin (not “{ $value }”).
safe-account-disabled = { $email } is disabled and logged out everywhere.
safe-account-enabled = { $email } can log in again.
safe-account-mfa-reset = The authenticator of { $email } is cleared; they set it up again at their next login.
safe-account-removed-from-organization = { $email } no longer acts for their organization.
safe-account-school-removed = { $email } no longer looks after that school.
safe-account-last-school-removed = { $email } no longer looks after that school, and has no school left: they reach no student and can no longer review organizations or read the employers' quality view.
safe-account-changed = { $email } is updated.

## Navigation
safe-nav-account = Account security
safe-nav-accounts = Accounts

## Logging in
safe-login-disabled = This account is disabled. Ask an administrator to enable it again.

## Refusals
safe-err-current-password-wrong = This is not your current password.
safe-err-current-password-missing = Type your current password.
safe-err-mfa-already = Your authenticator is already set up.
safe-err-mfa-start-first = Start the set-up first, then type the code your app shows.
safe-err-mfa-code-mismatch = This code does not match. Check your phone's clock and type the newest code.
safe-err-mfa-code-used = This code was already used. Wait for the next one.
safe-err-mfa-required = Staff accounts must keep their authenticator on this site.
safe-err-own-account = Ask another administrator to change your own account.
safe-err-no-organization = This account belongs to no organization.
safe-err-mfa-restarted = The set-up was started again in another window, with a new secret. Scan the new code below and try again.
safe-mfa-password-hint = Your password too, so nobody at a computer you left logged in can set this up for you.
