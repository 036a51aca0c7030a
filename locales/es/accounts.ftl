# Iniciar sesión, activar una cuenta de estudiante, notificaciones.

login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-new-here = ¿Eres nuevo?
login-claim-link = Estudiantes: activen la cuenta que preparó su orientador escolar
login-register-link = Empleadores: registren su organización
claim-title = Activa tu cuenta de estudiante
claim-intro-before = Tu orientador escolar te da un código como
claim-intro-after = Escríbelo aquí para crear tu acceso.
claim-code = Código de tu orientador escolar
claim-name = El nombre que quieres que usemos
claim-email-hint = Un correo personal o de la escuela que puedas leer.
claim-password-hint = Al menos 10 caracteres.
claim-submit = Crear mi cuenta
notifications-mark-read = Marcar todo como leído
notifications-new = Nueva:
notifications-none = Nada todavía.

# The employer registration form.
register-title = Registre su organización
register-intro = Publique prácticas y visitas de observación en STEM para estudiantes de su zona. Un orientador escolar verifica cada organización antes de que sus publicaciones aparezcan.
register-organization = Organización
register-organization-name = Nombre de la organización
register-website = Sitio web
register-website-hint = Empieza con https://
register-phone = Teléfono
register-you = Usted
register-your-name = Su nombre
register-work-email = Correo electrónico del trabajo
register-password = Contraseña
register-password-hint = Al menos 10 caracteres.
register-submit = Registrarse
