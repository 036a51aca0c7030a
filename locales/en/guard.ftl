# Things that must stop working once what made them valid is gone:
# invitations of a member who left, consent links to an address that was
# corrected, a posting's terms once guardians agreed to them, and single-use
# links kept in sent mail.

## Invitations
guard-invite-unusable = This invitation to join { $organization } no longer works: it expired, was withdrawn, or the person who sent it can no longer invite. Ask someone at { $organization } for a new one.
guard-invite-after-verification = You can invite colleagues once a counselor or administrator has verified your organization.
guard-join-confirm-note = Once your account is created, we email a link to this address. Open it to confirm the address, then log in.
guard-join-check-mail = Your account is created. Check the inbox of the invited address: open the link we sent to confirm it, then log in. Nothing arrived after a few minutes? Look in your spam folder.
guard-join-confirm-intro = You joined { $organization } on STEMbridge through a colleague's invitation. Open this link to confirm your email address (it works once, for { $hours } hours):

## Consent links
guard-guardian-corrected-links-ended = Contact corrected. The consent links sent to this guardian before no longer work.
guard-guardian-corrected-resent = Contact corrected. A consent request was emailed to the guardians who had no working consent link; links that no longer reach a guardian stopped working.

## Posting terms after consent
guard-posting-locked = { $label } cannot change while students hold seats on this posting: their guardians agreed to it as it is. Contact the students' counselor, or close this posting and post a new one.
guard-posting-locked-features = Access features cannot be taken away while students hold seats on this posting: their guardians agreed to it as it is. Contact the students' counselor, or close this posting and post a new one.

## Mail outbox
guard-mail-body-removed = The text of this message was deleted once it was sent or given up on: it may have held single-use links.
