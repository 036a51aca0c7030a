# Email: the messages themselves and the admins' outbox pages.

mail-footer = STEMbridge connects school students with STEM internships. You receive this email because a school lists you as a student's parent or guardian. Consent requests are sent only when a decision is needed; this email has no tracking.
mail-guardian-address-changed-subject = { $organization } changed the address it writes to
mail-guardian-address-changed-body = { $organization } changed the email address it has on file for a parent or guardian contact that used this address. STEMbridge will no longer write to this address about that student, and links sent here before no longer work. If you are that parent or guardian and did not ask for this change, use the button below: the district's administrators are told, not only the school, and no consent can be given by email for that student until they have looked. The link works for 30 days.
mail-guardian-contact-ended-subject = { $organization } no longer writes to this address
mail-guardian-contact-ended-body = { $organization } no longer lists this address as a parent or guardian contact of one of its students. STEMbridge will no longer write to this address about that student, and links sent here before no longer work. If you are that parent or guardian and did not expect this, use the button below: the district's administrators are told, not only the school, and no consent can be given by email for that student until they have looked. The link works for 30 days.
mail-consent-subject = Your consent is needed: { $student }'s STEM placement “{ $title }”
mail-consent-reminder-subject = Reminder, your consent is still needed: { $student }'s STEM placement “{ $title }”
mail-consent-reminder = A reminder: we wrote to you on { $date } and have not had your answer yet. This email replaces that one: please use the link in this email.
mail-consent-greeting = Hello { $name },
mail-consent-intro = { $school } writes to you: { $student } has accepted a place at { $organization }. Because { $student } is under 18, the placement can start only with your consent. Here is what it involves:
mail-fact-organization = Organization
mail-fact-address = Where
mail-fact-remote = Remote: no travel needed
mail-fact-dates = Dates
mail-fact-dates-value = { $start } to { $end }
mail-fact-schedule = Schedule
mail-fact-supervisor = Supervisor
mail-fact-pay = Pay
mail-fact-access = Access
mail-fact-none = None listed
mail-consent-button = Give or decline consent
mail-consent-link-text = Open this link to give or decline consent (it works once):
mail-consent-expiry = The link works until { $date }. If it has expired, or you have questions, contact the student's school counselor at { $school }.

mail-admin-title = Outgoing mail
mail-admin-smtp-on = An SMTP server is configured: messages are sent as soon as they are written, and retried when it fails.
mail-admin-smtp-off = No SMTP server is configured (SMTP_URL): messages wait here and are not sent.
mail-admin-caption = { $total } messages, page { $page } of { $pages }
mail-admin-when = Written
mail-admin-to = To
mail-admin-subject = Subject
mail-admin-state = State
mail-admin-attempts = Attempts
mail-admin-empty = No message yet.
mail-admin-pages = Pages
mail-admin-newer = Newer messages
mail-admin-older = Older messages
mail-admin-back = All messages
mail-admin-language = Language
mail-admin-last-error = Last error
mail-admin-attachment = Attachment
mail-admin-text = Text of the message
mail-state-sent = Sent
mail-state-failed = Failed for good
mail-state-waiting = Waiting
mail-state-refused = Waiting to be tried again: a mail server refused it for a reason other than the recipient's address (our sign-in to the SMTP server, our sending address, the message's content, a full mailbox). If this lasts, check SMTP_URL and MAIL_FROM; the recipient's address is not marked as refused.
mail-admin-refused = { $count ->
    [one] One message waits to be tried again after a mail server refused it for a reason other than its recipient's address.
   *[other] { $count } messages wait to be tried again after a mail server refused them for a reason other than their recipients' addresses.
} If this lasts, check SMTP_URL (its sign-in) and MAIL_FROM: the newest reason is “{ $error }”.
mail-state-withheld = Held back: the organization lost its access, or the recipient left it, before it was sent
mail-state-unconfirmed = Not sent: the account of this address has not confirmed it yet
mail-state-readdressed = Not sent: before it went out the guardian's address was corrected or the contact was removed, and it is not for the address on file now (a consent request the correction asked again, a contact no longer active). Nothing went to the address it was queued to.
mail-state-unlinked = Not sent: before it went out the guardian was taken off the record of the student it is about (by a roster or a counselor), so it went to nobody.
mail-state-reported = Not sent: before it went out a parent or guardian reported a change of contact details they did not ask for, and mail about the student is on hold until the school looks into it. It went to nobody.
mail-state-relanguaged = Not sent: before it went out the guardian's language was corrected, and this consent request was written in the former one. The guardian is asked again in their language, in a new message, as soon as the family may be asked: not while the placement's host is under review, a family's report holds the student, the roster no longer lists the student, or the address is a staff member's.
mail-state-renamed = Not sent: before it went out the guardian's name was corrected, and this consent request greeted the name on file before. The guardian is asked again by their name, in a new message, as soon as the family may be asked: not while the placement's host is under review, a family's report holds the student, the roster no longer lists the student, or the address is a staff member's.
mail-admin-link-hidden = [link hidden]
mail-admin-links-hidden = Links are shown only up to the page they lead to: the rest may be a secret that works only for the recipient (a consent link, say), so it is never shown here.

# Optional mail: who gets it and how to leave it.
mail-greeting = Hello { $name },
mail-footer-updates = STEMbridge connects school students with STEM internships. You get this email because you asked for updates about your applications and placements in your email settings. It has no tracking.
mail-footer-safety = STEMbridge connects school students with STEM internships. You get this email whatever your email settings say: it is about your own placement, and such messages are always sent. It has no tracking.
mail-footer-digest = STEMbridge connects school students with STEM internships. You get this weekly digest because you asked for it in your email settings. It has no tracking.
mail-footer-guardian-updates = STEMbridge connects school students with STEM internships. You get this email because a school lists you as a student's parent or guardian. It has no tracking.
mail-unsubscribe-text = To stop these emails, open this link (one click, no sign-in):
mail-unsubscribe-button = Unsubscribe from these emails
mail-always-sent = Consent requests and safety messages are always sent.
mail-preferences-text = To choose the language of our emails, or which ones you get:
mail-preferences-button = Choose your language and which emails you get
mail-calendar-attached = A calendar invitation with the dates and the address is attached.
mail-ics-summary = { $title } ({ $organization })
mail-ics-description = STEM placement of { $student }, a student at { $school }, through STEMbridge.
mail-ics-withdraw-link = { $reader ->
    [student] To give up this placement, open { $link } or talk to { $school }.
   *[adult] To withdraw your consent to this placement, open { $link } or contact { $school }.
}
mail-ics-withdraw-school = { $reader ->
    [student] To give up this placement, talk to { $school }.
   *[adult] To withdraw your consent to this placement, use the button in the confirmation email we sent you, or contact { $school }.
}
mail-ics-called-off = { $reader ->
    [student] This placement was called off or has ended: do not go there. Questions: talk to { $school }.
   *[adult] This placement was called off or has ended: { $student } should not go there. Questions: { $school }.
}

mail-offer-subject = You have an offer: { $title }
mail-offer-body = Good news: { $organization } offers you a place in “{ $title }”. Open your application to accept or decline it.
mail-offer-button = See the offer
mail-not-selected-subject = An update on your application: { $title }
mail-not-selected-body = { $organization } did not select you for “{ $title }” this time. Many more opportunities are waiting for you on STEMbridge.
mail-not-selected-button = See your application
mail-new-application-subject = New application: { $title }
mail-new-application-body = { $student } applied to “{ $title }”.
mail-new-application-button = See the applicants
mail-consent-given-subject = Guardian consent given: { $title }
mail-consent-given-body = A guardian of { $student } gave consent: the placement in “{ $title }” is active.
mail-consent-given-button = See the placement
mail-consent-declined-subject = Guardian consent declined: { $title }
mail-consent-declined-body = A guardian of { $student } declined consent: the placement in “{ $title }” will not go ahead.
mail-consent-declined-button = See the placement
mail-consent-withdrawn-subject = Guardian consent withdrawn: { $title }
mail-consent-withdrawn-body = A guardian of { $student } withdrew consent: the placement in “{ $title }” will not go ahead, or go on. { $student } should not come any more.
mail-consent-withdrawn-button = See the placement
mail-placement-student-subject = Your placement is confirmed: { $title }
mail-placement-student-body = Your place in “{ $title }” at { $organization } is confirmed. Here is what to know:
mail-placement-student-button = See your placement
mail-placement-called-off-student-subject = Your placement will not go on: { $title }
mail-placement-called-off-student-body = Your placement in “{ $title }” with { $organization } will not go ahead, or has ended. Do not go there from now on, unless your school tells you otherwise. The attached calendar file marks the event we sent as cancelled. The reason is on your placement's page; if you have questions, talk to your school counselor at { $school }.
mail-placement-called-off-student-button = See your placement
mail-placement-guardian-subject = { $student }'s placement is confirmed: { $title }
mail-placement-guardian-body = { $student }'s place in “{ $title }” at { $organization } is confirmed. If you have questions, contact { $student }'s school, { $school }. Here is what to know:
mail-placement-paused-guardian-subject = { $student } should not go to { $title } for now
mail-placement-paused-guardian-body = { $organization } is under review by the school district and cannot host students for now. Until { $student }'s school counselor tells you otherwise, { $student } should not go to “{ $title }”. If we sent you a calendar event for it, the attached file marks it as cancelled. You do not need to do anything else: the counselor will be in touch about what happens next.
mail-placement-paused-student-subject = Do not go to { $title } for now
mail-placement-paused-student-body = { $organization } is under review by the school district and cannot host students for now. Do not go to “{ $title }” until your school counselor at { $school } tells you otherwise. If we sent you a calendar event for it, the attached file marks it as cancelled. Your counselor will be in touch about what happens next.
mail-placement-paused-student-button = See your placement
mail-placement-resumed-student-subject = You may go to { $title } again
mail-placement-resumed-student-body = { $organization } is verified again after the school district's review, and your placement at “{ $title }” goes on: you may go there again from { $date }. The attached calendar file puts it back in your calendar. If your school decides otherwise, your counselor at { $school } will tell you.
mail-placement-resumed-student-button = See your placement
mail-placement-resumed-guardian-subject = { $student } may go to { $title } again
mail-placement-resumed-guardian-body = { $organization } is verified again after the school district's review, and { $student }'s placement at “{ $title }” goes on: { $student } may go there again from { $date }. If we sent you a calendar event for it, the attached file puts it back. If you have questions, contact { $student }'s school, { $school }.
mail-placement-resumed-upcoming-student-subject = You may go to { $title } as planned
mail-placement-resumed-upcoming-student-body = { $organization } is verified again after the school district's review, and your placement at “{ $title }” goes ahead: you may go there from { $date }. The attached calendar file puts it back in your calendar. If your school decides otherwise, your counselor at { $school } will tell you.
mail-placement-resumed-upcoming-student-button = See your placement
mail-placement-resumed-upcoming-guardian-subject = { $student } may go to { $title } as planned
mail-placement-resumed-upcoming-guardian-body = { $organization } is verified again after the school district's review, and { $student }'s placement at “{ $title }” goes ahead: { $student } may go there from { $date }. If we sent you a calendar event for it, the attached file puts it back. If you have questions, contact { $student }'s school, { $school }.
mail-placement-resumed-adult-student-subject = { $title }: the review is over
mail-placement-resumed-adult-student-body = { $organization } is verified again after the school district's review. Your placement at “{ $title }” does not need a parent's or guardian's consent, since you are 18 by its start: it waits for your school counselor at { $school } to start it. Do not go to the site until it has started.
mail-placement-resumed-adult-student-button = See your placement
mail-placement-resumed-adult-guardian-subject = { $title }: the review is over
mail-placement-resumed-adult-guardian-body = { $organization } is verified again after the school district's review. { $student }'s placement at “{ $title }” does not need your consent, since { $student } is 18 by its start: { $student }'s school, { $school }, tells { $student } what happens next. You do not need to do anything.
mail-placement-resumed-consent-student-subject = { $title }: the review is over, consent is still needed
mail-placement-resumed-consent-student-body = { $organization } is verified again after the school district's review. Your placement at “{ $title }” still needs a parent's or guardian's consent before you go: they can answer the newest consent email from us, and you can have it sent again from your placement page. Do not go to the site until consent is given.
mail-placement-resumed-consent-student-button = See your placement
mail-placement-resumed-consent-guardian-subject = { $title }: the review is over, your consent is still needed
mail-placement-resumed-consent-guardian-body = { $organization } is verified again after the school district's review. { $student }'s placement at “{ $title }” still needs a parent's or guardian's consent before { $student } can go. Answer the newest consent email from us; if its link no longer works, we are sending you a new one now. { $student } does not go there until consent is given.
mail-placement-called-off-guardian-subject = { $student }'s placement will not go on: { $title }
mail-placement-called-off-guardian-body = The placement we confirmed to you, “{ $title }” with { $organization }, will not go ahead or has ended early. { $student } should not go there from now on. The attached calendar file marks the event we sent as cancelled. If you have questions, contact { $student }'s school, { $school }.
mail-placement-called-off-guardian-asked-subject = { $student }'s placement will not go ahead: { $title }
mail-placement-called-off-guardian-asked-body = We asked for your consent to { $student }'s placement “{ $title }” with { $organization }. That placement will not go ahead, so you do not need to answer, and the link we sent no longer works. If you have questions, contact { $student }'s school, { $school }.
mail-consent-request-closed-guardian-subject = Consent request closed: { $title }
mail-consent-request-closed-guardian-body = We asked for your consent to { $student }'s placement “{ $title }” with { $organization }. Its dates are over, so the request is closed: you do not need to answer, and the link we sent no longer works. If you have questions, contact { $student }'s school, { $school }.
mail-consent-declined-guardian-link-subject = Consent declined: { $student }'s placement “{ $title }”
mail-consent-declined-guardian-link-body = Consent to { $student }'s placement “{ $title }” with { $organization } was declined through the link we emailed, with the name { $person }. The placement will not go ahead. If this is not what your family decided, contact { $student }'s school, { $school }, now.
mail-consent-declined-guardian-paper-subject = Consent declined on paper: { $student }'s placement “{ $title }”
mail-consent-declined-guardian-paper-body = { $school } recorded a paper consent form declining { $student }'s placement “{ $title }” with { $organization }, with the name { $person } on it. The placement will not go ahead. If no one in your family signed this form, contact { $school } now.
mail-mentor-guardian-subject = { $student }'s mentor at { $title }
mail-mentor-guardian-body = { $organization } named { $person } as { $student }'s mentor for “{ $title }”: the adult who meets { $student } there. If you have questions or concerns, contact { $student }'s school, { $school }.
mail-placement-guardian-button = Changed your mind? Withdraw consent
mail-placement-guardian-paper-subject = { $student }'s placement is confirmed on a paper form: { $title }
mail-placement-guardian-paper-body = { $student }'s place in “{ $title }” at { $organization } is confirmed: { $school } recorded a paper consent form signed as { $person }. If that was not you, or is not what your family agreed, contact { $school } right away. Here is what to know:
mail-placement-guardian-paper-button = Changed your mind? Withdraw consent
mail-consent-withdrawn-guardian-subject = Consent withdrawn: { $student }'s placement “{ $title }”
mail-consent-withdrawn-guardian-body = { $person } withdrew the consent given for { $student }'s placement “{ $title }” with { $organization }, through the link we emailed. The placement has ended, and { $student } should not go there from now on. The attached calendar file marks the event we sent as cancelled. If this is not what your family decided, contact { $student }'s school, { $school }.

mail-digest-subject = { $count ->
    [one] One new opportunity for you this week
   *[other] { $count } new opportunities for you this week
}
mail-digest-intro = { $count ->
    [one] One new opportunity offers everything you need:
   *[other] { $count } new opportunities offer everything you need:
}
mail-digest-deadline = apply by { $date }
mail-digest-search = Search for more

mail-prefs-title = Email settings
mail-prefs-intro = Choose which optional emails you get and the language they are written in. You can also leave any of them with the link at the bottom of each email.
mail-prefs-what = Emails you get
mail-prefs-updates-student = Offers and decisions on my applications, and my placement confirmations (with a calendar invitation)
mail-prefs-updates-employer = New applications and guardian consent decisions for our postings
mail-prefs-digest = A weekly digest of new opportunities that offer everything I need
mail-prefs-digest-hint = Once a week, only when something new matches the needs saved on your profile.
mail-prefs-language = Language of emails and pages
mail-prefs-always-student = Consent requests to your guardians and safety messages are always sent, whatever you choose here: they are not optional.
mail-prefs-always-employer = Safety messages, such as a suspension of your organization, are always sent, whatever you choose here: they are not optional.
mail-prefs-save = Save email settings
mail-prefs-saved = Email settings saved.
mail-prefs-error-checkbox = This box is either checked or not: send the form again from the page.
mail-prefs-error-digest = The weekly digest is for students.
mail-prefs-error-language = Choose English or Spanish.

mail-unsub-title = Unsubscribe
mail-unsub-question-updates = Stop emails about applications and placements to { $email }?
mail-unsub-question-digest = Stop the weekly digest of new opportunities to { $email }?
mail-unsub-done-updates = Done: no more emails about applications and placements go to { $email }.
mail-unsub-done-digest = Done: the weekly digest no longer goes to { $email }.
mail-unsub-confirm = Unsubscribe
mail-unsub-always-user = Consent requests and safety messages are not optional: they are still sent.
mail-unsub-always-guardian = Consent requests and safety messages are not optional: when a student you are a guardian of needs your consent, or a placement you were asked about or told of is called off, ends early or loses its consent, you will still get the email.
mail-unsub-manage = All your email settings

mail-guardian-title = Your email settings
mail-guardian-intro = These settings are for { $email }, the address the school gave us.
mail-guardian-language = Language of our emails
mail-guardian-language-kept = Your choice is kept: the school's records do not change it.
mail-guardian-updates = Confirmations of a student's placement (with a calendar invitation)
mail-guardian-always = Consent requests are always sent: a student you are a guardian of cannot start a placement without your decision.
mail-guardian-placements = Placements going ahead with your family's consent
mail-guardian-placements-intro = A parent or guardian can withdraw consent at any time; the placement then ends. To keep that decision with you, we email the link to withdraw to { $email }: open it from that inbox.
mail-guardian-placements-withdraw = Email me the link to withdraw consent for { $student }: { $title }
mail-guardian-placements-mailed = We emailed the link to withdraw consent for { $student }: { $title } to { $email }. Open it from that inbox; nothing changes until the form there is sent.
mail-guardian-placements-mailed-before = We have already emailed the link to withdraw consent for { $student }: { $title } to { $email } several times today, so we did not send it again. Please use the newest of those emails, or ask again tomorrow; you can also contact the school.
mail-withdraw-link-guardian-subject = Your link to withdraw consent: { $student }'s placement “{ $title }”
mail-withdraw-link-guardian-body = You asked, from your email settings, for the link to withdraw consent to { $student }'s placement “{ $title }” with { $organization }. The button below opens it; withdrawing ends the placement at once. If you did not ask for this, you can ignore this email: nothing changes unless the form on that page is sent. If you have questions, contact { $student }'s school, { $school }.
mail-withdraw-link-guardian-button = Withdraw consent
mail-settings-changed-guardian-subject = Your email settings on STEMbridge were changed
mail-settings-changed-guardian-body = The email settings for your family on STEMbridge were just changed (the language of our emails, or whether we email you when a placement goes ahead). If you made this change, nothing more is needed. If you did not, someone who has one of our emails to you may have used its link: open your settings with the button below to check them and change them back, and tell your child's school.
mail-settings-changed-guardian-button = Check my email settings

# The outbox page's paging.
mail-error-page-number = “{ $name }” must be a number from 1 to { $max }.
mail-guardian-address-changed-button = I did not ask for this change
mail-guardian-contact-ended-button = I did not expect this
mail-guardian-contact-added-subject = { $organization } added a parent or guardian contact
mail-guardian-contact-added-body = { $organization } added another parent or guardian contact for { $student }, at { $address ->
    [none] no email address
   *[other] { $address }
}. That contact now gets STEMbridge's emails about { $student }, including requests for consent to STEM placements, and can give that consent. You stay a contact. If you did not expect this, use the button below: the district's administrators are told, not only the school, and no consent can be given by email for { $student } until they have looked. The link works for 30 days.
mail-guardian-contact-added-button = I did not expect this
mail-guardian-address-reported-subject = A family reported a change of guardian contact
mail-guardian-address-reported-body = A parent or guardian contact, { $title }, was told at their address that { $organization } changed or ended it, or added another contact for their student, and reported that they did not ask for this. Email consent for the students of that contact is on hold: their open consent links ended, no new link is sent, and { $student ->
    [0] no placement had to be stopped
    [one] one placement that started on a consent given by email since the change waits for consent again
   *[other] { $student } placements that started on a consent given by email since the change wait for consent again
}. Please check the contact with the family through a channel the school does not control, correct it if needed, then lift the hold on the student's record (admins only). The audit log shows who changed the contact.
mail-guardian-address-reported-button = Open the student's record
mail-hold-reminder-subject = Email consent has been on hold for more than { $days } days
mail-hold-reminder-body = These students' email consent has been on hold for more than { $days } days, since a family reported a change of guardian contact they did not ask for. Only an administrator can lift a hold: check the contacts with the family through a channel the school does not control, correct them if needed, then lift the hold on the student's record. Until then no guardian can give consent by email.
mail-hold-reminder-line = { $school }, on hold since { $since }
mail-hold-reminder-more = More students are on hold than this email lists: the list has them all.
mail-hold-reminder-button = See every student on hold
mail-footer-staff = STEMbridge connects school students with STEM internships. You get this email because you are an administrator of STEMbridge for your district. It has no tracking.
# One line in a family's home language, for the languages we do not yet
# write whole mails in: the same text in every catalogue (it is written in
# that language, not the reader's), one for each language the guardian form
# offers (languages::FAMILY_LANGUAGES; a unit test of i18n checks it). The
# same sentence in each: this is from your child's school, about a STEM
# internship, and may need your reply; if you need help reading it, contact
# the school. To be checked by native speakers (and by the district, whose
# interpreters may prefer other words: Dari readers, for one, may prefer
# مکتب to مدرسه for "school").
mail-tagline-zh-Hans = 这封邮件来自您孩子的学校，内容是关于一个 STEM 实习机会，可能需要您的答复。如需帮助阅读，请联系学校。
mail-tagline-zh-Hant = 這封郵件來自您孩子的學校，內容是關於一個 STEM 實習機會，可能需要您的答覆。如需協助閱讀，請聯絡學校。
mail-tagline-vi = Thư này từ trường của con quý vị, về một chương trình thực tập STEM, và có thể cần quý vị trả lời. Nếu cần giúp đọc thư, xin liên lạc với trường.
mail-tagline-ar = هذه الرسالة من مدرسة طفلك بشأن تدريب في مجال العلوم والتكنولوجيا (STEM)، وقد تحتاج إلى ردك. إذا كنت بحاجة إلى مساعدة في قراءتها، يُرجى الاتصال بالمدرسة.
mail-tagline-ht = Mesaj sa a soti nan lekòl pitit ou a, sou yon estaj STEM, e li ka bezwen repons ou. Si ou bezwen èd pou li l, kontakte lekòl la.
mail-tagline-ko = 이 메일은 자녀의 학교에서 보낸 STEM 인턴십 안내이며 답변이 필요할 수 있습니다. 읽는 데 도움이 필요하시면 학교에 연락해 주십시오.
mail-tagline-tl = Ang mensaheng ito ay mula sa paaralan ng iyong anak, tungkol sa isang STEM internship, at maaaring kailangan ang iyong sagot. Kung kailangan mo ng tulong sa pagbasa nito, makipag-ugnayan sa paaralan.
mail-tagline-ru = Это письмо от школы вашего ребёнка о стажировке STEM; может потребоваться ваш ответ. Если вам нужна помощь, чтобы прочитать его, свяжитесь со школой.
mail-tagline-fr = Ce message de l'école de votre enfant concerne un stage STEM et peut demander votre réponse. Si vous avez besoin d'aide pour le lire, contactez l'école.
mail-tagline-pt = Esta mensagem da escola do seu filho é sobre um estágio STEM e pode precisar da sua resposta. Se precisar de ajuda para lê-la, entre em contato com a escola.
mail-tagline-so = Fariintan waxay ka timid dugsiga ilmahaaga, waxayna ku saabsan tahay tababar STEM; waxaa laga yaabaa inay u baahato jawaabtaada. Haddii aad u baahan tahay caawimo si aad u akhrido, la xiriir dugsiga.
mail-tagline-ps = دا برېښنالیک ستاسو د ماشوم له ښوونځي څخه د STEM د کارزده کړې په اړه دی، او کېدای شي ستاسو ځواب ته اړتیا ولري. که د لوستلو لپاره مرستې ته اړتیا لرئ، مهرباني وکړئ له ښوونځي سره اړیکه ونیسئ.
mail-tagline-fa = این پیام از طرف مدرسهٔ فرزند شما و دربارهٔ یک دورهٔ کارآموزی STEM است و ممکن است به پاسخ شما نیاز داشته باشد. اگر برای خواندن آن به کمک نیاز دارید، لطفاً با مدرسه تماس بگیرید.
mail-tagline-uk = Цей лист — від школи вашої дитини щодо стажування STEM; можливо, знадобиться ваша відповідь. Якщо вам потрібна допомога, щоб його прочитати, зверніться до школи.
mail-tagline-ja = このメールはお子様の学校からの、STEMインターンシップに関するお知らせです。ご返信が必要な場合があります。読むのにお手伝いが必要な場合は、学校にご連絡ください。
mail-tagline-hi = यह ईमेल आपके बच्चे के स्कूल की ओर से एक STEM इंटर्नशिप के बारे में है, और इसमें आपके जवाब की ज़रूरत हो सकती है। अगर इसे पढ़ने में आपको मदद चाहिए, तो कृपया स्कूल से संपर्क करें।
mail-tagline-ur = یہ ای میل آپ کے بچے کے اسکول کی طرف سے ایک STEM انٹرن شپ کے بارے میں ہے، اور اس میں آپ کے جواب کی ضرورت ہو سکتی ہے۔ اگر اسے پڑھنے میں آپ کو مدد چاہیے تو براہ کرم اسکول سے رابطہ کریں۔
mail-tagline-bn = এই ইমেলটি আপনার সন্তানের স্কুল থেকে একটি STEM ইন্টার্নশিপ সম্পর্কে এসেছে, এবং এতে আপনার উত্তর প্রয়োজন হতে পারে। এটি পড়তে সাহায্যের প্রয়োজন হলে অনুগ্রহ করে স্কুলের সাথে যোগাযোগ করুন।
mail-tagline-pa = ਇਹ ਈਮੇਲ ਤੁਹਾਡੇ ਬੱਚੇ ਦੇ ਸਕੂਲ ਵੱਲੋਂ ਇੱਕ STEM ਇੰਟਰਨਸ਼ਿਪ ਬਾਰੇ ਹੈ, ਅਤੇ ਇਸ ਵਿੱਚ ਤੁਹਾਡੇ ਜਵਾਬ ਦੀ ਲੋੜ ਹੋ ਸਕਦੀ ਹੈ। ਜੇ ਤੁਹਾਨੂੰ ਇਸ ਨੂੰ ਪੜ੍ਹਨ ਵਿੱਚ ਮਦਦ ਚਾਹੀਦੀ ਹੈ, ਤਾਂ ਕਿਰਪਾ ਕਰਕੇ ਸਕੂਲ ਨਾਲ ਸੰਪਰਕ ਕਰੋ।
mail-tagline-gu = આ ઇમેઇલ તમારા બાળકની શાળા તરફથી એક STEM ઇન્ટર્નશિપ વિશે છે, અને તેમાં તમારા જવાબની જરૂર પડી શકે છે. તેને વાંચવામાં મદદ જોઈતી હોય, તો કૃપા કરીને શાળાનો સંપર્ક કરો.
mail-tagline-te = ఈ ఈమెయిల్ మీ పిల్లల పాఠశాల నుండి ఒక STEM శిక్షణా కార్యక్రమం గురించి వచ్చింది; దీనికి మీ సమాధానం అవసరం కావచ్చు. దీన్ని చదవడానికి సహాయం కావాలంటే, దయచేసి పాఠశాలను సంప్రదించండి.
mail-tagline-ta = இந்த மின்னஞ்சல் உங்கள் குழந்தையின் பள்ளியிலிருந்து ஒரு STEM பயிற்சி வாய்ப்பு பற்றி வந்துள்ளது; இதற்கு உங்கள் பதில் தேவைப்படலாம். இதைப் படிக்க உதவி தேவைப்பட்டால், தயவுசெய்து பள்ளியைத் தொடர்புகொள்ளுங்கள்.
mail-tagline-ne = यो इमेल तपाईंको बच्चाको विद्यालयबाट एउटा STEM इन्टर्नसिपको बारेमा हो, र यसमा तपाईंको जवाफ चाहिन सक्छ। यसलाई पढ्न मद्दत चाहिएमा कृपया विद्यालयमा सम्पर्क गर्नुहोस्।
mail-tagline-my = ဤအီးမေးလ်သည် သင့်ကလေး၏ ကျောင်းမှ STEM အလုပ်သင်အစီအစဉ်တစ်ခုအကြောင်း ပို့ခြင်းဖြစ်ပြီး သင့်အဖြေ လိုအပ်နိုင်ပါသည်။ ဖတ်ရန် အကူအညီလိုအပ်ပါက ကျောင်းသို့ ဆက်သွယ်ပါ။
mail-tagline-km = អ៊ីមែលនេះមកពីសាលារៀនរបស់កូនអ្នក អំពីកម្មសិក្សា STEM ហើយអាចត្រូវការការឆ្លើយតបពីអ្នក។ ប្រសិនបើអ្នកត្រូវការជំនួយក្នុងការអានវា សូមទាក់ទងសាលារៀន។
mail-tagline-lo = ອີເມວນີ້ມາຈາກໂຮງຮຽນຂອງລູກທ່ານ ກ່ຽວກັບການຝຶກງານ STEM ແລະ ອາດຕ້ອງການຄຳຕອບຈາກທ່ານ. ຖ້າທ່ານຕ້ອງການຄວາມຊ່ວຍເຫຼືອໃນການອ່ານ, ກະລຸນາຕິດຕໍ່ໂຮງຮຽນ.
mail-tagline-am = ይህ ኢሜይል ከልጅዎ ትምህርት ቤት ስለ STEM የሥራ ልምምድ የተላከ ነው፤ የእርስዎን ምላሽ ሊፈልግ ይችላል። ለማንበብ እርዳታ ካስፈለገዎት እባክዎ ትምህርት ቤቱን ያነጋግሩ።
mail-tagline-ti = እዚ ኢመይል ካብ ቤት ትምህርቲ ውላድኩም ብዛዕባ ናይ STEM ልምምድ ስራሕ ዝተላእከ እዩ፤ መልስኹም ከድሊ ይኽእል እዩ። ንምንባቡ ሓገዝ እንተ ኣድልዩኩም፣ በጃኹም ምስ ቤት ትምህርቲ ተራኸቡ።
mail-tagline-sw = Barua pepe hii inatoka shule ya mtoto wako, kuhusu mafunzo ya vitendo ya STEM, na huenda ikahitaji jibu lako. Ikiwa unahitaji msaada kuisoma, tafadhali wasiliana na shule.
mail-tagline-pl = Ta wiadomość pochodzi ze szkoły Państwa dziecka i dotyczy praktyk STEM; może wymagać Państwa odpowiedzi. Jeśli potrzebują Państwo pomocy w jej przeczytaniu, prosimy o kontakt ze szkołą.
mail-tagline-ro = Acest mesaj este de la școala copilului dumneavoastră, despre un stagiu STEM, și poate necesita răspunsul dumneavoastră. Dacă aveți nevoie de ajutor pentru a-l citi, contactați școala.
mail-tagline-tr = Bu e-posta çocuğunuzun okulundan, bir STEM stajı hakkında gönderilmiştir ve yanıtınızı gerektirebilir. Okumak için yardıma ihtiyacınız varsa lütfen okulla iletişime geçin.
mail-tagline-el = Αυτό το μήνυμα είναι από το σχολείο του παιδιού σας, για μια πρακτική άσκηση STEM, και μπορεί να χρειάζεται την απάντησή σας. Αν χρειάζεστε βοήθεια για να το διαβάσετε, επικοινωνήστε με το σχολείο.
mail-tagline-he = הודעה זו נשלחה מבית הספר של ילדכם בנוגע להתמחות STEM, וייתכן שנדרשת תשובתכם. אם אתם זקוקים לעזרה בקריאתה, פנו לבית הספר.
mail-tagline-th = อีเมลนี้มาจากโรงเรียนของบุตรหลานของท่าน เกี่ยวกับการฝึกงานด้าน STEM และอาจต้องการคำตอบจากท่าน หากท่านต้องการความช่วยเหลือในการอ่าน โปรดติดต่อโรงเรียน
mail-tagline-de = Diese Nachricht kommt von der Schule Ihres Kindes und betrifft ein STEM-Praktikum; möglicherweise ist Ihre Antwort nötig. Wenn Sie Hilfe beim Lesen brauchen, wenden Sie sich bitte an die Schule.
mail-tagline-it = Questo messaggio è della scuola di vostro figlio, riguarda un tirocinio STEM e potrebbe richiedere una vostra risposta. Se avete bisogno di aiuto per leggerlo, contattate la scuola.
# Lines quoted from official notices rather than written for us: they say
# that help in the family's language is free, but not how to ask (each
# notice's own way to ask is its agency's phone number, left out). Our mail
# comes from the school, and the counselor's page says to reach the family
# through an interpreter.
# Hmong: CMS Product No. 11658, "Getting Help in a Language Other than
# English" (August 2016),
# https://marketplace.cms.gov/outreach-and-education/getting-help-in-a-language-other-than-english.pdf
# (read from its copy at https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/getting-help-in-a-language-other-than-english.pdf):
# the main clause of its Hmong sentence ("you have the right to get help and
# information in your language at no cost"), without the clause about the
# Health Insurance Marketplace before it.
mail-tagline-hmn = Koj muaj txoj cai txais kev pab thiab xov xwm uas yog hais koj hom lus yam uas koj tsis tau them dabtsi li.
# Chuukese: State of Hawaiʻi, Department of Health, Office of Language Access,
# https://health.hawaii.gov/ola/?p=5213: its first two sentences ("Do you
# need help in another language? We will get you a free interpreter."),
# without the third, which gives the Office's own phone number.
mail-tagline-chk = En mi niit alilis lon pwal eu kapas? Sipwe angei emon chon chiaku ngonuk ese kamo.
# Karen, Mam and K'iche': no official text found yet, so no line: those
# families get English only, and the counselor's pages say to call them
# through an interpreter. American Sign Language has no written form: those
# families read our English mail.
mail-guardian-contact-replaced-subject = { $organization } added a parent or guardian contact
mail-guardian-contact-replaced-body = { $organization } no longer lists this address as a contact of { $student }, and has added another parent or guardian contact, at { $address ->
    [none] no email address
   *[other] { $address }
}. That contact now gets STEMbridge's emails about { $student }, including requests for consent to STEM placements, and can give that consent. If you did not expect this, use the button below: the district's administrators are told, not only the school, and no consent can be given by email for { $student } until they have looked. The link works for 30 days.
mail-guardian-contact-replaced-button = I did not expect this

# The school's contact for families (admin::contact), in every guardian mail.
mail-school-contact = Questions? Contact { $school }:
