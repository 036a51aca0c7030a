# Notificaciones: se guardan como estos ids con sus argumentos y se escriben en
# el idioma de quien las lee, cada vez que las lee.

notice-new-applicant = Nueva solicitud para «{ $title }».
notice-application-status = Tu solicitud para «{ $title }» ahora está: { $status }.
notice-student-accepted = { $name } aceptó la oferta de «{ $title }».
notice-student-declined = { $name } rechazó la oferta de «{ $title }».
notice-student-withdrew = { $name } retiró su solicitud para «{ $title }».
notice-seat-opened = Se liberó un lugar: ahora tienes un puesto en «{ $title }».
notice-consent-given = Un tutor dio su consentimiento para la práctica en «{ $title }».
notice-consent-declined = Un tutor no dio su consentimiento para la práctica en «{ $title }».
notice-consent-declined-paper = Tu escuela registró un formulario en papel que no da el consentimiento para la práctica en «{ $title }».
notice-hours-to-approve = Hay horas nuevas por aprobar en «{ $title }».
notice-hours-approved = Tus horas en «{ $title }» fueron aprobadas.
notice-hours-rejected = Tus horas en «{ $title }» no fueron aprobadas.
notice-placement-closed = Tu práctica en «{ $title }» está: { $status }. Cuéntanos cómo te fue.
