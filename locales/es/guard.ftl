# Lo que debe dejar de funcionar cuando ya no vale lo que lo hizo válido:
# invitaciones de alguien que se fue, enlaces de consentimiento a una
# dirección corregida, las condiciones de una oferta ya aceptadas por las
# familias, y enlaces de un solo uso guardados en el correo enviado.

## Invitaciones
guard-invite-unusable = Esta invitación para unirse a { $organization } ya no funciona: venció, fue retirada, o quien la envió ya no puede invitar. Pida una nueva a alguien de { $organization }.
guard-invite-after-verification = Podrá invitar a colegas cuando un orientador o un administrador haya verificado su organización.
guard-join-confirm-note = Al crear su cuenta, le enviaremos un enlace a esta dirección. Ábralo para confirmar la dirección y luego inicie sesión.
guard-join-check-mail = Su cuenta fue creada. Revise la bandeja de entrada de la dirección invitada: abra el enlace que enviamos para confirmarla y luego inicie sesión. ¿No llegó nada en unos minutos? Revise la carpeta de correo no deseado.
guard-join-confirm-intro = Se unió a { $organization } en STEMbridge por invitación de un colega. Abra este enlace para confirmar su correo electrónico (funciona una vez, durante { $hours } horas):

## Enlaces de consentimiento
guard-guardian-corrected-links-ended = Contacto corregido. Los enlaces de consentimiento enviados antes a este tutor ya no funcionan.
guard-guardian-corrected-resent = Contacto corregido. Se envió una solicitud de consentimiento a los tutores que no tenían un enlace de consentimiento que funcione; los enlaces que ya no llegan a un tutor dejaron de funcionar.

## Condiciones de una oferta después del consentimiento
guard-posting-locked = { $label }: no puede cambiar mientras haya estudiantes con un cupo en esta oferta, porque sus familias la aceptaron tal como está. Comuníquese con el orientador de los estudiantes, o cierre esta oferta y publique una nueva.
guard-posting-locked-features = No se pueden quitar características de accesibilidad mientras haya estudiantes con un cupo en esta oferta, porque sus familias la aceptaron tal como está. Comuníquese con el orientador de los estudiantes, o cierre esta oferta y publique una nueva.

## Bandeja de salida del correo
guard-mail-body-removed = El texto de este mensaje se borró una vez enviado o abandonado: podía contener enlaces de un solo uso.
