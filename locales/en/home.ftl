# The home page.

home-title = STEM internships and job shadows for students
home-heading = Real STEM work experience, for every student
home-needs-setup = This instance has no administrator yet.
home-set-it-up = Set it up
home-intro = STEMbridge connects middle and high school students with internships, job shadows and apprenticeships in science, technology, engineering and math, and makes sure the opportunities fit each student: paid, reachable by transit, wheelchair accessible, remote, after school, in their language.
home-students = Students
home-students-code = Your counselor gives you a code.
home-students-claim = Claim your account
home-students-rest = , tell us what you need, and find opportunities that meet every need.
home-employers = Employers
home-employers-register = Register your organization
home-employers-rest = , get verified by a school counselor, and post opportunities with the access features you offer.
home-counselors = Counselors
home-counselors-text = Import your roster, hand out account codes, verify employers, and see who is taking part and who is being left out.
