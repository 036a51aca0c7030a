# Correo: los mensajes y las páginas de la bandeja de salida para administradores.

mail-footer = STEMbridge conecta a estudiantes escolares con prácticas STEM. Usted recibe este correo porque una escuela lo registra como madre, padre o tutor de un estudiante. Las solicitudes de consentimiento se envían solo cuando hace falta una decisión; este correo no tiene rastreo.
mail-guardian-address-changed-subject = { $organization } cambió la dirección a la que escribe
mail-guardian-address-changed-body = { $organization } cambió la dirección de correo que tiene registrada para un contacto de padre, madre o tutor que usaba esta dirección. STEMbridge ya no escribirá a esta dirección sobre ese estudiante, y los enlaces enviados aquí antes ya no funcionan. Si usted es ese padre, madre o tutor y no pidió este cambio, use el botón de abajo: se avisa a los administradores del distrito, no solo a la escuela, y nadie podrá dar consentimiento por correo para ese estudiante hasta que lo revisen. El enlace funciona durante 30 días.
mail-guardian-contact-ended-subject = { $organization } ya no escribe a esta dirección
mail-guardian-contact-ended-body = { $organization } ya no tiene esta dirección como contacto de padre, madre o tutor de uno de sus estudiantes. STEMbridge ya no escribirá a esta dirección sobre ese estudiante, y los enlaces enviados aquí antes ya no funcionan. Si usted es ese padre, madre o tutor y no lo esperaba, use el botón de abajo: se avisa a los administradores del distrito, no solo a la escuela, y nadie podrá dar consentimiento por correo para ese estudiante hasta que lo revisen. El enlace funciona durante 30 días.
mail-consent-subject = Se necesita su consentimiento: la práctica STEM de { $student }, “{ $title }”
mail-consent-reminder-subject = Recordatorio, aún se necesita su consentimiento: la práctica STEM de { $student }, “{ $title }”
mail-consent-reminder = Un recordatorio: le escribimos el { $date } y aún no tenemos su respuesta. Este correo reemplaza a aquel: use el enlace de este correo.
mail-consent-greeting = Hola, { $name }:
mail-consent-intro = { $school } le escribe: { $student } aceptó un lugar en { $organization }. Como { $student } es menor de 18 años, la práctica solo puede comenzar con su consentimiento. Esto es lo que incluye:
mail-fact-organization = Organización
mail-fact-address = Dónde
mail-fact-remote = A distancia: no hace falta viajar
mail-fact-dates = Fechas
mail-fact-dates-value = del { $start } al { $end }
mail-fact-schedule = Horario
mail-fact-supervisor = Supervisor
mail-fact-pay = Pago
mail-fact-access = Accesibilidad
mail-fact-none = Ninguna indicada
mail-consent-button = Dar o negar el consentimiento
mail-consent-link-text = Abra este enlace para dar o negar su consentimiento (funciona una sola vez):
mail-consent-expiry = El enlace funciona hasta el { $date }. Si venció, o si tiene preguntas, comuníquese con el orientador escolar del estudiante en { $school }.

mail-admin-title = Correo saliente
mail-admin-smtp-on = Hay un servidor SMTP configurado: los mensajes se envían en cuanto se escriben, y se reintentan si falla.
mail-admin-smtp-off = No hay un servidor SMTP configurado (SMTP_URL): los mensajes esperan aquí y no se envían.
mail-admin-caption = { $total } mensajes, página { $page } de { $pages }
mail-admin-when = Escrito
mail-admin-to = Para
mail-admin-subject = Asunto
mail-admin-state = Estado
mail-admin-attempts = Intentos
mail-admin-empty = Todavía no hay mensajes.
mail-admin-pages = Páginas
mail-admin-newer = Mensajes más recientes
mail-admin-older = Mensajes anteriores
mail-admin-back = Todos los mensajes
mail-admin-language = Idioma
mail-admin-last-error = Último error
mail-admin-attachment = Adjunto
mail-admin-text = Texto del mensaje
mail-state-sent = Enviado
mail-state-failed = Falló definitivamente
mail-state-waiting = En espera
mail-state-refused = En espera de otro intento: un servidor de correo lo rechazó por un motivo distinto de la dirección del destinatario (nuestro inicio de sesión en el servidor SMTP, nuestra dirección de envío, el contenido del mensaje, un buzón lleno). Si continúa, revise SMTP_URL y MAIL_FROM; la dirección del destinatario no se marca como rechazada.
mail-admin-refused = { $count ->
    [one] Un mensaje espera otro intento después de que un servidor de correo lo rechazara por un motivo distinto de la dirección de su destinatario.
   *[other] { $count } mensajes esperan otro intento después de que un servidor de correo los rechazara por un motivo distinto de las direcciones de sus destinatarios.
} Si continúa, revise SMTP_URL (su inicio de sesión) y MAIL_FROM: el motivo más reciente es «{ $error }».
mail-state-withheld = Retenido: la organización perdió su acceso, o el destinatario dejó de pertenecer a ella, antes del envío
mail-state-unconfirmed = No enviado: la cuenta de esta dirección aún no la ha confirmado
mail-state-readdressed = No enviado: antes del envío se corrigió la dirección del tutor o se retiró el contacto, y no corresponde a la dirección que consta ahora (una solicitud de consentimiento que la corrección volvió a pedir, un contacto que ya no está activo). No se envió nada a la dirección a la que iba.
mail-state-unlinked = No enviado: antes del envío se retiró al tutor del expediente del estudiante al que se refiere (un roster o un consejero), así que no se envió a nadie.
mail-state-reported = No enviado: antes del envío un padre, madre o tutor informó de un cambio de datos de contacto que no pidió, y el correo sobre el estudiante queda en espera hasta que la escuela lo revise. No se envió a nadie.
mail-state-relanguaged = No enviado: antes del envío se corrigió el idioma del tutor, y esta solicitud de consentimiento estaba escrita en el anterior. Se le vuelve a pedir el consentimiento en su idioma, en un mensaje nuevo, en cuanto se pueda pedir a la familia: no mientras la organización de la práctica está en revisión, el aviso de una familia retiene al estudiante, la lista de la escuela ya no incluye al estudiante o la dirección es de un miembro del personal.
mail-state-renamed = No enviado: antes del envío se corrigió el nombre del tutor, y esta solicitud de consentimiento saludaba al nombre que constaba antes. Se le vuelve a pedir el consentimiento con su nombre, en un mensaje nuevo, en cuanto se pueda pedir a la familia: no mientras la organización de la práctica está en revisión, el aviso de una familia retiene al estudiante, la lista de la escuela ya no incluye al estudiante o la dirección es de un miembro del personal.
mail-admin-link-hidden = [enlace oculto]
mail-admin-links-hidden = Los enlaces se muestran solo hasta la página a la que llevan: el resto puede ser un secreto que solo sirve a quien recibe el correo (un enlace de consentimiento, por ejemplo), así que nunca se muestra aquí.

# Correo opcional: quién lo recibe y cómo dejar de recibirlo.
mail-greeting = Hola, { $name }:
mail-footer-updates = STEMbridge conecta a estudiantes escolares con prácticas STEM. Recibes este correo porque pediste novedades sobre tus solicitudes y prácticas en tu configuración de correo. No tiene rastreo.
mail-footer-safety = STEMbridge conecta a estudiantes escolares con prácticas STEM. Recibes este correo sin importar tu configuración de correo: trata de tu propia práctica, y esos mensajes se envían siempre. No tiene rastreo.
mail-footer-digest = STEMbridge conecta a estudiantes escolares con prácticas STEM. Recibes este resumen semanal porque lo pediste en tu configuración de correo. No tiene rastreo.
mail-footer-guardian-updates = STEMbridge conecta a estudiantes escolares con prácticas STEM. Usted recibe este correo porque una escuela lo registra como madre, padre o tutor de un estudiante. No tiene rastreo.
mail-unsubscribe-text = Para dejar de recibir estos correos, basta con abrir este enlace (un clic, sin iniciar sesión):
mail-unsubscribe-button = Dejar de recibir estos correos
mail-always-sent = Las solicitudes de consentimiento y los mensajes de seguridad se envían siempre.
mail-preferences-text = Para elegir el idioma de nuestros correos, o cuáles recibe:
mail-preferences-button = Elegir su idioma y los correos que recibe
mail-calendar-attached = Se adjunta una invitación de calendario con las fechas y la dirección.
mail-ics-summary = { $title } ({ $organization })
mail-ics-description = Práctica STEM de { $student }, estudiante de { $school }, a través de STEMbridge.
mail-ics-withdraw-link = { $reader ->
    [student] Para dejar esta práctica, abre { $link } o habla con { $school }.
   *[adult] Para retirar su consentimiento a esta práctica, abra { $link } o comuníquese con { $school }.
}
mail-ics-withdraw-school = { $reader ->
    [student] Para dejar esta práctica, habla con { $school }.
   *[adult] Para retirar su consentimiento a esta práctica, use el botón del correo de confirmación que le enviamos, o comuníquese con { $school }.
}
mail-ics-called-off = { $reader ->
    [student] Esta práctica se canceló o terminó: no vayas allí. Preguntas: habla con { $school }.
   *[adult] Esta práctica se canceló o terminó: { $student } no debe ir allí. Preguntas: { $school }.
}

mail-offer-subject = Tienes una oferta: { $title }
mail-offer-body = Buenas noticias: { $organization } te ofrece un lugar en “{ $title }”. Abre tu solicitud para aceptarla o rechazarla.
mail-offer-button = Ver la oferta
mail-not-selected-subject = Novedades sobre tu solicitud: { $title }
mail-not-selected-body = { $organization } no te seleccionó para “{ $title }” esta vez. Muchas otras oportunidades te esperan en STEMbridge.
mail-not-selected-button = Ver tu solicitud
mail-new-application-subject = Nueva solicitud: { $title }
mail-new-application-body = { $student } se postuló a “{ $title }”.
mail-new-application-button = Ver los postulantes
mail-consent-given-subject = Consentimiento del tutor otorgado: { $title }
mail-consent-given-body = Un tutor de { $student } dio su consentimiento: la práctica en “{ $title }” está activa.
mail-consent-given-button = Ver la práctica
mail-consent-declined-subject = Consentimiento del tutor rechazado: { $title }
mail-consent-declined-body = Un tutor de { $student } no dio su consentimiento: la práctica en “{ $title }” no se llevará a cabo.
mail-consent-declined-button = Ver la práctica
mail-consent-withdrawn-subject = Consentimiento del tutor retirado: { $title }
mail-consent-withdrawn-body = Un tutor de { $student } retiró su consentimiento: la práctica en “{ $title }” no se realizará o no seguirá. { $student } ya no debe venir.
mail-consent-withdrawn-button = Ver la práctica
mail-placement-student-subject = Tu práctica está confirmada: { $title }
mail-placement-student-body = Tu lugar en “{ $title }” con { $organization } está confirmado. Esto es lo que debes saber:
mail-placement-student-button = Ver tu práctica
mail-placement-called-off-student-subject = Tu práctica no sigue: { $title }
mail-placement-called-off-student-body = Tu práctica en “{ $title }” con { $organization } no se hará, o ya terminó. No vayas allí desde ahora, a menos que tu escuela te diga otra cosa. El archivo de calendario adjunto marca como cancelado el evento que te enviamos. El motivo está en la página de tu práctica; si tienes preguntas, habla con tu orientador en { $school }.
mail-placement-called-off-student-button = Ver tu práctica
mail-placement-guardian-subject = La práctica de { $student } está confirmada: { $title }
mail-placement-guardian-body = El lugar de { $student } en “{ $title }” con { $organization } está confirmado. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }. Esto es lo que usted debe saber:
mail-placement-paused-guardian-subject = { $student } no debe ir a { $title } por ahora
mail-placement-paused-guardian-body = { $organization } está en revisión por el distrito escolar y por ahora no puede recibir estudiantes. Hasta que el orientador escolar de { $student } le diga otra cosa, { $student } no debe ir a “{ $title }”. Si le enviamos un evento de calendario para esta práctica, el archivo adjunto lo marca como cancelado. No tiene que hacer nada más: el orientador se comunicará con usted sobre los próximos pasos.
mail-placement-paused-student-subject = No vayas a { $title } por ahora
mail-placement-paused-student-body = { $organization } está en revisión por el distrito escolar y por ahora no puede recibir estudiantes. No vayas a “{ $title }” hasta que tu orientador en { $school } te diga otra cosa. Si te enviamos un evento de calendario para esta práctica, el archivo adjunto lo marca como cancelado. Tu orientador se comunicará contigo sobre los próximos pasos.
mail-placement-paused-student-button = Ver tu práctica
mail-placement-resumed-student-subject = Puedes volver a { $title }
mail-placement-resumed-student-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar, y tu práctica en “{ $title }” sigue: puedes volver a ir desde el { $date }. El archivo de calendario adjunto la vuelve a poner en tu calendario. Si tu escuela decide otra cosa, tu orientador en { $school } te lo dirá.
mail-placement-resumed-student-button = Ver tu práctica
mail-placement-resumed-guardian-subject = { $student } puede volver a { $title }
mail-placement-resumed-guardian-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar, y la práctica de { $student } en “{ $title }” sigue: { $student } puede volver a ir desde el { $date }. Si le enviamos un evento de calendario para esta práctica, el archivo adjunto lo vuelve a poner. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-placement-resumed-upcoming-student-subject = Puedes ir a { $title } como estaba previsto
mail-placement-resumed-upcoming-student-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar, y tu práctica en “{ $title }” sigue adelante: puedes ir desde el { $date }. El archivo de calendario adjunto la vuelve a poner en tu calendario. Si tu escuela decide otra cosa, tu orientador en { $school } te lo dirá.
mail-placement-resumed-upcoming-student-button = Ver tu práctica
mail-placement-resumed-upcoming-guardian-subject = { $student } puede ir a { $title } como estaba previsto
mail-placement-resumed-upcoming-guardian-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar, y la práctica de { $student } en “{ $title }” sigue adelante: { $student } puede ir desde el { $date }. Si le enviamos un evento de calendario para esta práctica, el archivo adjunto lo vuelve a poner. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-placement-resumed-adult-student-subject = { $title }: terminó la revisión
mail-placement-resumed-adult-student-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar. Tu práctica en “{ $title }” no necesita el consentimiento de tu madre, padre o tutor, porque tendrás 18 años al comenzar: espera a que tu orientador en { $school } la inicie. No vayas al lugar hasta que haya comenzado.
mail-placement-resumed-adult-student-button = Ver tu práctica
mail-placement-resumed-adult-guardian-subject = { $title }: terminó la revisión
mail-placement-resumed-adult-guardian-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar. La práctica de { $student } en “{ $title }” no necesita su consentimiento, porque { $student } tendrá 18 años al comenzar: la escuela de { $student }, { $school }, le dirá a { $student } los próximos pasos. No tiene que hacer nada.
mail-placement-resumed-consent-student-subject = { $title }: terminó la revisión, aún falta el consentimiento
mail-placement-resumed-consent-student-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar. Tu práctica en “{ $title }” todavía necesita el consentimiento de tu madre, padre o tutor antes de que vayas: pueden responder al correo de consentimiento más reciente que les enviamos, y puedes pedir que se envíe de nuevo desde la página de tu práctica. No vayas al lugar hasta que se dé el consentimiento.
mail-placement-resumed-consent-student-button = Ver tu práctica
mail-placement-resumed-consent-guardian-subject = { $title }: terminó la revisión, aún se necesita su consentimiento
mail-placement-resumed-consent-guardian-body = { $organization } vuelve a estar verificada tras la revisión del distrito escolar. La práctica de { $student } en “{ $title }” todavía necesita el consentimiento de la madre, el padre o un tutor antes de que { $student } pueda ir. Responda al correo de consentimiento más reciente que le enviamos; si su enlace ya no funciona, le enviamos uno nuevo ahora. { $student } no va hasta que se dé el consentimiento.
mail-placement-called-off-guardian-subject = La práctica de { $student } no seguirá: { $title }
mail-placement-called-off-guardian-body = La práctica que le confirmamos, “{ $title }” con { $organization }, no se realizará o terminó antes de tiempo. { $student } no debe ir allí a partir de ahora. El archivo de calendario adjunto marca como cancelado el evento que le enviamos. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-placement-called-off-guardian-asked-subject = La práctica de { $student } no se realizará: { $title }
mail-placement-called-off-guardian-asked-body = Le pedimos su consentimiento para la práctica de { $student }, “{ $title }” con { $organization }. Esa práctica no se realizará: no necesita responder, y el enlace que le enviamos ya no funciona. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-consent-request-closed-guardian-subject = Solicitud de consentimiento cerrada: { $title }
mail-consent-request-closed-guardian-body = Le pedimos su consentimiento para la práctica de { $student }, “{ $title }” con { $organization }. Sus fechas ya pasaron, así que la solicitud está cerrada: no necesita responder, y el enlace que le enviamos ya no funciona. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-consent-declined-guardian-link-subject = Consentimiento rechazado: práctica de { $student } “{ $title }”
mail-consent-declined-guardian-link-body = Se rechazó el consentimiento para la práctica de { $student }, “{ $title }” con { $organization }, con el enlace que enviamos por correo y con el nombre { $person }. La práctica no se realizará. Si esto no es lo que decidió su familia, comuníquese ahora con la escuela de { $student }, { $school }.
mail-consent-declined-guardian-paper-subject = Consentimiento rechazado en papel: práctica de { $student } “{ $title }”
mail-consent-declined-guardian-paper-body = { $school } registró un formulario de consentimiento en papel que rechaza la práctica de { $student }, “{ $title }” con { $organization }, con el nombre { $person }. La práctica no se realizará. Si nadie de su familia firmó este formulario, comuníquese ahora con { $school }.
mail-mentor-guardian-subject = El mentor de { $student } en { $title }
mail-mentor-guardian-body = { $organization } nombró a { $person } mentor de { $student } en “{ $title }”: la persona adulta que se reúne con { $student } allí. Si tiene preguntas o dudas, comuníquese con la escuela de { $student }, { $school }.
mail-placement-guardian-button = ¿Cambió de opinión? Retirar el consentimiento
mail-placement-guardian-paper-subject = La práctica de { $student } está confirmada con un formulario en papel: { $title }
mail-placement-guardian-paper-body = El lugar de { $student } en “{ $title }” con { $organization } está confirmado: { $school } registró un formulario de consentimiento en papel firmado como { $person }. Si no fue usted, o no es lo que su familia acordó, comuníquese con { $school } de inmediato. Esto es lo que debe saber:
mail-placement-guardian-paper-button = ¿Cambió de opinión? Retirar el consentimiento
mail-consent-withdrawn-guardian-subject = Consentimiento retirado: práctica de { $student } “{ $title }”
mail-consent-withdrawn-guardian-body = { $person } retiró el consentimiento dado para la práctica de { $student }, “{ $title }” con { $organization }, con el enlace que enviamos por correo. La práctica terminó y { $student } no debe ir allí a partir de ahora. El archivo de calendario adjunto marca como cancelado el evento que le enviamos. Si esto no es lo que decidió su familia, comuníquese con la escuela de { $student }, { $school }.

mail-digest-subject = { $count ->
    [one] Una oportunidad nueva para ti esta semana
   *[other] { $count } oportunidades nuevas para ti esta semana
}
mail-digest-intro = { $count ->
    [one] Una oportunidad nueva ofrece todo lo que necesitas:
   *[other] { $count } oportunidades nuevas ofrecen todo lo que necesitas:
}
mail-digest-deadline = postúlate antes del { $date }
mail-digest-search = Buscar más

mail-prefs-title = Configuración de correo
mail-prefs-intro = Aquí se eligen los correos opcionales que llegan a esta cuenta y el idioma en que se escriben. También se puede dejar cualquiera de ellos con el enlace al pie de cada correo.
mail-prefs-what = Correos que se reciben
mail-prefs-updates-student = Ofertas y decisiones sobre mis solicitudes, y la confirmación de mis prácticas (con invitación de calendario)
mail-prefs-updates-employer = Nuevas solicitudes y decisiones de consentimiento de los tutores para nuestras publicaciones
mail-prefs-digest = Un resumen semanal de oportunidades nuevas que ofrecen todo lo que necesito
mail-prefs-digest-hint = Una vez por semana, solo cuando algo nuevo coincide con las necesidades guardadas en tu perfil.
mail-prefs-language = Idioma de los correos y las páginas
mail-prefs-always-student = Las solicitudes de consentimiento a tus tutores y los mensajes de seguridad se envían siempre, elijas lo que elijas aquí: no son opcionales.
mail-prefs-always-employer = Los mensajes de seguridad, como la suspensión de su organización, se envían siempre, elija lo que elija aquí: no son opcionales.
mail-prefs-save = Guardar la configuración de correo
mail-prefs-saved = Configuración de correo guardada.
mail-prefs-error-checkbox = Esta casilla está marcada o no: envía el formulario de nuevo desde la página.
mail-prefs-error-digest = El resumen semanal es para estudiantes.
mail-prefs-error-language = Elige inglés o español.

mail-unsub-title = Dejar de recibir correos
mail-unsub-question-updates = ¿Dejar de enviar correos sobre solicitudes y prácticas a { $email }?
mail-unsub-question-digest = ¿Dejar de enviar el resumen semanal de oportunidades nuevas a { $email }?
mail-unsub-done-updates = Listo: ya no se enviarán correos sobre solicitudes y prácticas a { $email }.
mail-unsub-done-digest = Listo: el resumen semanal ya no se enviará a { $email }.
mail-unsub-confirm = Dejar de recibirlos
mail-unsub-always-user = Las solicitudes de consentimiento y los mensajes de seguridad no son opcionales: se siguen enviando.
mail-unsub-always-guardian = Las solicitudes de consentimiento y los mensajes de seguridad no son opcionales: cuando un estudiante del que usted es tutor necesite su consentimiento, o cuando una práctica sobre la que se le consultó o avisó se cancele, termine antes o pierda el consentimiento, seguirá recibiendo el correo.
mail-unsub-manage = Toda la configuración de correo

mail-guardian-title = Su configuración de correo
mail-guardian-intro = Esta configuración es para { $email }, la dirección que nos dio la escuela.
mail-guardian-language = Idioma de nuestros correos
mail-guardian-language-kept = Su elección se conserva: los registros de la escuela no la cambian.
mail-guardian-updates = Confirmaciones de la práctica de un estudiante (con invitación de calendario)
mail-guardian-always = Las solicitudes de consentimiento se envían siempre: un estudiante del que usted es tutor no puede empezar una práctica sin su decisión.
mail-guardian-placements = Prácticas que siguen con el consentimiento de su familia
mail-guardian-placements-intro = Un padre, madre o tutor puede retirar el consentimiento en cualquier momento; la práctica termina entonces. Para que esa decisión quede en sus manos, enviamos el enlace para retirarlo a { $email }: ábralo desde ese buzón.
mail-guardian-placements-withdraw = Envíenme el enlace para retirar el consentimiento de { $student }: { $title }
mail-guardian-placements-mailed = Enviamos el enlace para retirar el consentimiento de { $student }: { $title } a { $email }. Ábralo desde ese buzón; nada cambia hasta que se envíe el formulario de esa página.
mail-guardian-placements-mailed-before = Ya enviamos varias veces hoy el enlace para retirar el consentimiento de { $student }: { $title } a { $email }, así que no lo enviamos de nuevo. Use el más reciente de esos correos, o pídalo otra vez mañana; también puede comunicarse con la escuela.
mail-withdraw-link-guardian-subject = Su enlace para retirar el consentimiento: la práctica de { $student }, “{ $title }”
mail-withdraw-link-guardian-body = Desde su configuración de correo, usted pidió el enlace para retirar el consentimiento a la práctica de { $student }, “{ $title }” con { $organization }. El botón de abajo lo abre; retirarlo termina la práctica de inmediato. Si usted no lo pidió, puede ignorar este correo: nada cambia a menos que se envíe el formulario de esa página. Si tiene preguntas, comuníquese con la escuela de { $student }, { $school }.
mail-withdraw-link-guardian-button = Retirar el consentimiento
mail-settings-changed-guardian-subject = Se cambió su configuración de correo en STEMbridge
mail-settings-changed-guardian-body = Se acaba de cambiar la configuración de correo de su familia en STEMbridge (el idioma de nuestros correos, o si le escribimos cuando una práctica sigue adelante). Si usted hizo este cambio, no tiene que hacer nada más. Si no lo hizo, alguien que tiene uno de nuestros correos para usted pudo usar su enlace: abra su configuración con el botón de abajo para revisarla y volver a cambiarla, y avise a la escuela de su hijo o hija.
mail-settings-changed-guardian-button = Revisar mi configuración de correo

# The outbox page's paging.
mail-error-page-number = “{ $name }” debe ser un número del 1 al { $max }.
mail-guardian-address-changed-button = No pedí este cambio
mail-guardian-contact-ended-button = No lo esperaba
mail-guardian-contact-added-subject = { $organization } añadió un contacto de padre, madre o tutor
mail-guardian-contact-added-body = { $organization } añadió otro contacto de padre, madre o tutor para { $student }, { $address ->
    [none] sin dirección de correo
   *[other] con la dirección { $address }
}. Ese contacto recibe ahora los correos de STEMbridge sobre { $student }, incluidas las solicitudes de consentimiento para prácticas STEM, y puede dar ese consentimiento. Usted sigue siendo contacto. Si no lo esperaba, use el botón de abajo: se avisa a los administradores del distrito, no solo a la escuela, y nadie podrá dar consentimiento por correo para { $student } hasta que lo revisen. El enlace funciona durante 30 días.
mail-guardian-contact-added-button = No lo esperaba
mail-guardian-address-reported-subject = Una familia reportó un cambio de contacto de tutor
mail-guardian-address-reported-body = A un contacto de padre, madre o tutor, { $title }, se le avisó en su dirección que { $organization } lo cambió o lo dio de baja, o añadió otro contacto para su estudiante, y reportó que no lo pidió. El consentimiento por correo para los estudiantes de ese contacto queda retenido: sus enlaces de consentimiento abiertos terminaron, no se envía ningún enlace nuevo y { $student ->
    [0] no hubo que detener ninguna práctica
    [one] una práctica que empezó con un consentimiento dado por correo desde el cambio vuelve a esperar consentimiento
   *[other] { $student } prácticas que empezaron con un consentimiento dado por correo desde el cambio vuelven a esperar consentimiento
}. Verifique el contacto con la familia por un medio que la escuela no controle, corríjalo si hace falta y luego levante la retención en el expediente del estudiante (solo administradores). El registro de auditoría muestra quién cambió el contacto.
mail-guardian-address-reported-button = Abrir el expediente del estudiante
mail-hold-reminder-subject = El consentimiento por correo lleva más de { $days } días retenido
mail-hold-reminder-body = El consentimiento por correo de estos estudiantes lleva más de { $days } días retenido, desde que una familia reportó un cambio de contacto de tutor que no pidió. Solo un administrador puede levantar una retención: revise los contactos con la familia por un medio que la escuela no controle, corríjalos si hace falta y luego levante la retención en el expediente del estudiante. Hasta entonces ningún tutor puede dar su consentimiento por correo.
mail-hold-reminder-line = { $school }, retenido desde el { $since }
mail-hold-reminder-more = Hay más estudiantes con retención de los que lista este correo: la lista los tiene todos.
mail-hold-reminder-button = Ver todos los estudiantes con retención
mail-footer-staff = STEMbridge conecta a estudiantes escolares con prácticas STEM. Usted recibe este correo porque administra STEMbridge para su distrito. No tiene rastreo.
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
mail-guardian-contact-replaced-subject = { $organization } añadió un contacto de padre, madre o tutor
mail-guardian-contact-replaced-body = { $organization } ya no tiene esta dirección como contacto de { $student } y añadió otro contacto de padre, madre o tutor, { $address ->
    [none] sin dirección de correo
   *[other] con la dirección { $address }
}. Ese contacto ahora recibe los correos de STEMbridge sobre { $student }, incluidas las solicitudes de consentimiento para prácticas STEM, y puede dar ese consentimiento. Si usted no lo esperaba, use el botón de abajo: se avisa a los administradores del distrito, no solo a la escuela, y nadie podrá dar consentimiento por correo para { $student } hasta que lo revisen. El enlace funciona durante 30 días.
mail-guardian-contact-replaced-button = No lo esperaba

# The school's contact for families (admin::contact), in every guardian mail.
mail-school-contact = ¿Preguntas? Comuníquese con { $school }:
