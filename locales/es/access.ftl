# Entrar a una cuenta con seguridad: confirmación del correo al registrarse,
# "olvidé mi contraseña", y los correos que envían.

## Registro
access-register-check-mail = Revise su bandeja de entrada: enviamos un mensaje a la dirección que escribió. Abra el enlace para confirmar su correo electrónico y luego inicie sesión. ¿No llegó nada en unos minutos? Revise la carpeta de correo no deseado.
access-confirm-title = Confirme su correo electrónico
access-confirm-page-intro = Confirme que { $email } es su dirección para terminar el registro. Una vez confirmada, podrá iniciar sesión; un orientador escolar verifica su organización antes de publicar sus ofertas.
access-confirm-not-you = ¿No registró usted { $organization }? Entonces no confirme: cierre esta página. Otra persona escribió su dirección, y confirmarla le permitiría iniciar sesión con ella.
access-confirm-submit = Confirmar mi correo electrónico
access-confirmed = Su correo electrónico está confirmado. Inicie sesión para continuar.
access-login-unconfirmed = Primero confirme su correo electrónico: abra el enlace que le enviamos. ¿Lo perdió? Regístrese de nuevo con la misma dirección y le enviaremos otro.

## Olvidé mi contraseña
access-forgot-link = ¿Olvidaste tu contraseña?
access-forgot-title = Olvidé mi contraseña
access-forgot-intro = Escribe el correo electrónico de tu cuenta. Si una cuenta lo usa, le enviamos un enlace para elegir una contraseña nueva. El enlace funciona una vez, durante { $minutes } minutos, y cierra la sesión de la cuenta en todos los dispositivos.
access-forgot-email = Correo electrónico
access-forgot-submit = Enviarme un enlace
access-forgot-sent = Si una cuenta usa esta dirección, le enviamos un enlace para restablecer la contraseña. Funciona una vez, durante { $minutes } minutos. ¿No llegó? Revisa el correo no deseado, o pide ayuda a tu orientador o a un administrador.
access-forgot-other-help = Los estudiantes también pueden pedir ayuda a su orientador, y cualquiera puede pedirla a un administrador.
access-reset-link-emailed = Se envió un enlace para restablecer la contraseña a { $email }. Funciona una vez, durante { $minutes } minutos.
access-reset-link-waiting = No hay un servidor de correo configurado: el mensaje espera en la bandeja de salida (/admin/mail).

## Correos
# $reader: `student` (tú, como en toda página de estudiante) o `adult` (usted).
access-mail-footer = { $reader ->
    [student] Recibes este correo porque alguien escribió esta dirección en STEMbridge. Si no fuiste tú, ignóralo: nada cambia sin el enlace.
   *[adult] Recibe este correo porque alguien escribió esta dirección en STEMbridge. Si no fue usted, ignórelo: nada cambia sin el enlace.
}
access-mail-greeting = Hola, { $name }:
access-confirm-subject = { $reader ->
    [student] Confirma tu correo electrónico en STEMbridge
   *[adult] Confirme su correo electrónico en STEMbridge
}
access-confirm-intro = Registró { $organization } en STEMbridge. Abra este enlace para confirmar su correo electrónico (funciona una vez, durante { $hours } horas):
access-confirm-button = Confirmar mi correo electrónico
access-confirm-ignore = { $reader ->
    [student] Si no te registraste, ignora este correo: ninguna cuenta puede usarse sin este enlace.
   *[adult] Si usted no se registró, ignore este correo: ninguna cuenta puede usarse sin este enlace.
}
access-attempt-subject = { $reader ->
    [student] Alguien intentó registrarse en STEMbridge con tu dirección
   *[adult] Alguien intentó registrarse en STEMbridge con su dirección
}
access-attempt-intro = { $reader ->
    [student] Alguien, quizá tú, intentó registrar una organización en STEMbridge con este correo electrónico. Ya tienes una cuenta, así que no se creó ninguna cuenta nueva.
   *[adult] Alguien, quizá usted, intentó registrar una organización en STEMbridge con este correo electrónico. Ya tiene una cuenta, así que no se creó ninguna cuenta nueva.
}
access-attempt-join-intro = { $reader ->
    [student] Alguien, quizá tú, usó una invitación para unirse a una organización en STEMbridge con esta dirección de correo. Ya tienes una cuenta, así que no se creó ninguna cuenta nueva.
   *[adult] Alguien, quizá usted, usó una invitación para unirse a una organización en STEMbridge con esta dirección de correo. Ya tiene una cuenta, así que no se creó ninguna cuenta nueva.
}
access-attempt-login = Para iniciar sesión:
access-attempt-forgot = { $reader ->
    [student] ¿Olvidaste tu contraseña? Pide un enlace para restablecerla aquí:
   *[adult] ¿Olvidó su contraseña? Pida un enlace para restablecerla aquí:
}
access-attempt-unconfirmed = { $reader ->
    [student] El correo de tu cuenta aún no está confirmado. Abre este enlace para confirmarlo (funciona una vez, durante { $hours } horas):
   *[adult] El correo de su cuenta aún no está confirmado. Abra este enlace para confirmarlo (funciona una vez, durante { $hours } horas):
}
access-attempt-ignore = { $reader ->
    [student] Si no fuiste tú, ignora este correo: tu cuenta no cambió.
   *[adult] Si no fue usted, ignore este correo: su cuenta no cambió.
}
access-reset-subject = { $reader ->
    [student] Tu enlace para restablecer la contraseña de STEMbridge
   *[adult] Su enlace para restablecer la contraseña de STEMbridge
}
access-reset-intro = { $reader ->
    [student] Alguien pidió restablecer la contraseña de tu cuenta de STEMbridge. Abre este enlace para elegir una nueva (funciona una vez, durante { $minutes } minutos):
   *[adult] Alguien pidió restablecer la contraseña de su cuenta de STEMbridge. Abra este enlace para elegir una nueva (funciona una vez, durante { $minutes } minutos):
}
access-reset-intro-admin = { $reader ->
    [student] Un administrador emitió un enlace para restablecer la contraseña de tu cuenta de STEMbridge. Abre este enlace para elegir una nueva (funciona una vez, durante { $minutes } minutos):
   *[adult] Un administrador emitió un enlace para restablecer la contraseña de su cuenta de STEMbridge. Abra este enlace para elegir una nueva (funciona una vez, durante { $minutes } minutos):
}
access-reset-button = Elegir una contraseña nueva
access-invite-subject = { $reader ->
    [student] Tu cuenta de STEMbridge: elige tu contraseña
   *[adult] Su cuenta de STEMbridge: elija su contraseña
}
access-invite-intro = { $reader ->
    [student] Un administrador de tu distrito te creó una cuenta de STEMbridge. Abre este enlace para elegir tu contraseña (funciona una vez, durante { $days } días):
   *[adult] Un administrador de su distrito le creó una cuenta de STEMbridge. Abra este enlace para elegir su contraseña (funciona una vez, durante { $days } días):
}
access-invite-button = Elegir mi contraseña
access-invite-ignore = Si no esperaba esta cuenta, avise al administrador de STEMbridge de su distrito. Nadie puede entrar en ella hasta que se elija una contraseña con este enlace.
access-reset-ignore = { $reader ->
    [student] Si no lo pediste, ignora este correo: tu contraseña sigue igual. Elegir una contraseña nueva cierra la sesión de tu cuenta en todos los dispositivos.
   *[adult] Si usted no lo pidió, ignore este correo: su contraseña sigue igual. Elegir una contraseña nueva cierra la sesión de su cuenta en todos los dispositivos.
}
