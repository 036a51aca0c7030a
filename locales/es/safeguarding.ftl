# Protección y seguridad de las cuentas: verificación que corta el acceso,
# sesiones, ciclo de vida de las cuentas, contraseñas y segundo factor.

## Una organización sin verificar no llega a ningún estudiante
safe-org-pending = Su organización está esperando la verificación. Los postulantes, las prácticas y las horas se abren cuando un orientador o un administrador la verifique.
safe-org-not-verified = Su organización no está verificada en este momento, así que sus postulantes, prácticas y horas están cerrados para usted. Comuníquese con un orientador o un administrador para resolverlo.
safe-offer-org-not-verified = No puedes aceptar esta oferta ahora: la organización que la hizo ya no está verificada en STEMbridge. Tu orientador ya lo sabe y puede ayudarte a encontrar otra oportunidad.
safe-student-org-not-verified = La organización de esta oportunidad ya no está verificada en STEMbridge, así que por ahora nada puede avanzar con ella. Tu orientador ya lo sabe y puede ayudarte.
safe-student-placement-org-not-verified = La organización de esta práctica ya no está verificada en STEMbridge. No vayas al lugar hasta que tu orientador te diga que es seguro; ya lo sabe y se comunicará contigo.
safe-notifications-hidden = Las notificaciones sobre estudiantes están ocultas mientras su organización no esté verificada.
safe-applicants-hidden = oculto mientras su organización no esté verificada
safe-notify-student-org-not-verified = { $organization } ya no está verificada en STEMbridge: por ahora no puedes aceptar sus ofertas, y tu orientador ya lo sabe.
safe-notify-counselor-placement-flagged = { $organization } ya no está verificada en STEMbridge: la práctica de { $student } allí necesita su atención.
org-notice-member-joined = { $name } ({ $email }) se unió a { $organization }, por invitación de { $inviter }, y ahora puede leer sus solicitudes. Si un administrador ya había sacado a esta persona, vuelva a sacarla.
safe-consent-org-not-verified = No se puede dar el consentimiento ahora: la organización de esta práctica ya no está verificada en STEMbridge. El orientador del estudiante ya lo sabe. Usted todavía puede rechazarlo.

## La página de seguridad de la propia cuenta
safe-account-title = Seguridad de la cuenta
safe-password-heading = Cambiar la contraseña
safe-password-hint = Necesitas tu contraseña actual. Se cerrará la sesión en todos los demás lugares donde la tengas abierta.
safe-current-password = Contraseña actual
safe-new-password = Contraseña nueva
safe-password-submit = Cambiar la contraseña
safe-password-changed = Tu contraseña cambió. Se cerraron tus demás sesiones.
safe-everywhere-heading = Cerrar sesión en todas partes
safe-everywhere-hint = Termina todas las sesiones de tu cuenta, en cada computadora y teléfono, también esta.
safe-everywhere-submit = Cerrar sesión en todas partes
safe-signed-out-everywhere = Se cerraron todas tus sesiones.
safe-back-to-account = Volver a la seguridad de la cuenta
safe-continue = Continuar

## Segundo factor
safe-mfa-heading = Aplicación de autenticación
safe-mfa-on = Tu aplicación de autenticación está activada: al iniciar sesión se pide su código después de la contraseña.
safe-mfa-off = Tu aplicación de autenticación está desactivada. Actívala para que una contraseña robada no baste para entrar como tú.
safe-mfa-required = Los orientadores y administradores deben usar una aplicación de autenticación en este sitio. Configúrala para continuar.
safe-mfa-manage = Configurar o administrar tu aplicación de autenticación
safe-mfa-start = Configurar una aplicación de autenticación
safe-mfa-scan = Escanea este código con una aplicación de autenticación (por ejemplo, la que trae tu teléfono).
safe-mfa-qr-alt = Código QR con tu secreto de autenticación
safe-mfa-type-secret = O escribe este secreto en la aplicación:
safe-mfa-code = Código
safe-mfa-code-hint = Los 6 dígitos que muestra tu aplicación ahora.
safe-mfa-confirm = Activarla
safe-mfa-disable = Desactivar la aplicación de autenticación
safe-mfa-code-wrong = Ese código no es correcto o ya se usó. Escribe el código más reciente de tu aplicación o uno de tus códigos de recuperación.
safe-recovery-title = Tus códigos de recuperación
safe-recovery-hint = Guarda estos códigos en un lugar seguro, lejos de tu teléfono. Cada uno te deja entrar una vez si pierdes el teléfono. Solo se muestran esta vez.
safe-second-step-title = Código de tu aplicación de autenticación
safe-second-step-hint = Los 6 dígitos que muestra tu aplicación, o uno de tus códigos de recuperación.
safe-second-step-submit = Iniciar sesión

## Enlaces para restablecer la contraseña
safe-reset-title = Elige una contraseña nueva
safe-reset-for = Una contraseña nueva para { $email }. Este enlace funciona una sola vez.
safe-reset-submit = Guardar la contraseña nueva
safe-reset-done = Tu contraseña cambió. Inicia sesión con ella; se cerraron todas las sesiones anteriores.
safe-reset-link-title = Enlace para restablecer la contraseña
safe-reset-link-hint = Entregue este enlace a { $email } en persona o por un medio de confianza. Funciona una vez, durante { $minutes } minutos, y solo se muestra ahora:
safe-reset-link-unconfirmed = Esta cuenta aún no ha confirmado su correo, así que el enlace no se envió por correo: nadie ha demostrado que la dirección sea suya.
safe-back-to-accounts = Volver a las cuentas

## Administración: cuentas
safe-accounts-title = Cuentas
safe-accounts-search = Correo o nombre
safe-accounts-search-submit = Buscar
safe-accounts-caption = Cuentas, por correo
safe-accounts-col-account = Cuenta
safe-accounts-col-role = Rol
safe-accounts-col-state = Estado
safe-accounts-col-actions = Acciones
safe-accounts-active = Activa
safe-accounts-disabled = Desactivada
safe-accounts-mfa = autenticación activada
safe-accounts-enable = Activar
safe-accounts-disable = Desactivar
safe-accounts-reset-link = Enlace para restablecer la contraseña
safe-accounts-reset-mfa = Borrar la autenticación
safe-accounts-remove-organization = Quitar de la organización
safe-accounts-remove-school = Quitar de esta escuela
safe-accounts-no-school = Sin escuela: no llega a ningún estudiante y no puede revisar organizaciones.
safe-counselor-no-school = Por ahora no atiende ninguna escuela, así que no puede revisar organizaciones ni consultar la calidad de los empleadores. Un administrador decide qué escuelas atiende.
safe-accounts-none = Ninguna cuenta coincide.
safe-accounts-any-role = Cualquier rol
safe-accounts-error-role = “role” debe ser student, employer, counselor o admin (no “{ $value }”).
safe-account-disabled = { $email } quedó desactivada y se cerraron todas sus sesiones.
safe-account-enabled = { $email } puede iniciar sesión de nuevo.
safe-account-mfa-reset = Se borró la autenticación de { $email }; la configurará de nuevo en su próximo inicio de sesión.
safe-account-removed-from-organization = { $email } ya no actúa por su organización.
safe-account-school-removed = { $email } ya no atiende esa escuela.
safe-account-last-school-removed = { $email } ya no atiende esa escuela y no le queda ninguna: no llega a ningún estudiante y ya no puede revisar organizaciones ni consultar la calidad de los empleadores.
safe-account-changed = { $email } se actualizó.

## Navegación
safe-nav-account = Seguridad de la cuenta
safe-nav-accounts = Cuentas

## Inicio de sesión
safe-login-disabled = Esta cuenta está desactivada. Pide a un administrador que la active de nuevo.

## Rechazos
safe-err-current-password-wrong = Esta no es tu contraseña actual.
safe-err-current-password-missing = Escribe tu contraseña actual.
safe-err-mfa-already = Tu aplicación de autenticación ya está configurada.
safe-err-mfa-start-first = Primero inicia la configuración y luego escribe el código que muestra tu aplicación.
safe-err-mfa-code-mismatch = Este código no coincide. Revisa la hora de tu teléfono y escribe el código más reciente.
safe-err-mfa-code-used = Este código ya se usó. Espera el siguiente.
safe-err-mfa-required = Las cuentas del personal deben mantener su aplicación de autenticación en este sitio.
safe-err-own-account = Pida a otro administrador que cambie su propia cuenta.
safe-err-no-organization = Esta cuenta no pertenece a ninguna organización.
safe-err-mfa-restarted = La configuración se inició de nuevo en otra ventana, con un secreto nuevo. Escanea el código nuevo de abajo e inténtalo otra vez.
safe-mfa-password-hint = También tu contraseña, para que nadie en una computadora donde dejaste la sesión abierta pueda configurarla por ti.
