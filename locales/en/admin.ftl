# The administrator's pages: schools, counselors, the audit log.

admin-schools = Schools
admin-schools-none = No schools yet.
admin-school-add = Add a school
admin-school-name = School name
admin-school-add-submit = Add school
admin-school-first = Add a school first.
admin-counselors = Counselors
admin-counselors-none = No counselors yet.
admin-counselor-create = Create a counselor account
admin-counselor-email = Email
admin-counselor-password = First password
admin-counselor-password-hint = At least 10 characters; share it privately.
admin-counselor-create-submit = Create counselor
admin-counselor-schools-missing = Choose at least one school.
admin-counselor-schools-unknown = One of the chosen schools does not exist.
admin-flash-school-added = School “{ $name }” added.
admin-flash-counselor-created = Counselor account for { $email } created.
admin-flash-welcome = Your administrator account is ready.

admin-audit-action = Action
admin-audit-actor = Person (email)
admin-audit-filter = Filter
admin-audit-caption = Latest 500 entries
admin-audit-when = When
admin-audit-who = Who
admin-audit-what = What
admin-audit-none = Nothing recorded.
vocab-audit_action-view_student = Viewed a student record
vocab-audit_action-export_groups = Exported the group table
vocab-audit_action-export_students = Exported a student list
vocab-audit_action-import_roster = Imported a roster
vocab-audit_action-print_codes = Printed claim codes
admin-setup-title = Set up STEMbridge
admin-setup-intro = No administrator exists yet. Create the first administrator account; this page closes once it exists.
admin-setup-submit = Create administrator
