# Logging in, claiming a student account, notifications.

login-title = Log in
login-email = Email
login-password = Password
login-submit = Log in
login-new-here = New here?
login-claim-link = Students: claim the account your counselor set up
login-register-link = Employers: register your organization
claim-title = Claim your student account
claim-intro-before = Your school counselor gives you a code like
claim-intro-after = Type it here to create your login.
claim-code = Code from your counselor
claim-name = The name you want us to use
claim-email-hint = A personal or school email you can read.
claim-password-hint = At least 10 characters.
claim-submit = Create my account
notifications-mark-read = Mark all as read
notifications-new = New:
notifications-none = Nothing yet.

# The employer registration form.
register-title = Register your organization
register-intro = Post STEM internships and job shadows for local students. A school counselor verifies every organization before its postings go live.
register-organization = Organization
register-organization-name = Organization name
register-website = Website
register-website-hint = Starts with https://
register-phone = Phone
register-you = You
register-your-name = Your name
register-work-email = Work email
register-password = Password
register-password-hint = At least 10 characters.
register-submit = Register
