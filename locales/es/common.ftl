# Compartido por todas las páginas: el diseño, las fechas, el selector de idioma.

language-switch-label = Idioma
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }

nav-skip = Ir al contenido
nav-main = Principal
nav-find = Buscar oportunidades
nav-my-dashboard = Mi panel
nav-my-profile = Mi perfil
nav-my-organization = Mi organización
nav-dashboard = Panel
nav-my-students = Mis estudiantes
nav-verify-employers = Verificar empleadores
nav-consent-forms = Formularios de consentimiento
nav-administration = Administración
nav-audit-log = Registro de auditoría
nav-students = Estudiantes
nav-notifications = Notificaciones
nav-unread = ({ $count ->
    [one] 1 nueva
   *[other] { $count } nuevas
})
nav-log-out = Cerrar sesión de { $name }
nav-log-in = Iniciar sesión
nav-claim = Estudiantes: activen su cuenta
nav-register = Empleadores: regístrense
footer-tagline = STEMbridge: experiencia real de trabajo en STEM para cada estudiante.

grade-number = Grado { $grade }
grade-early-college = Universidad temprana
pages-label = Páginas
pages-previous = Página anterior
pages-next = Página siguiente
pages-position = Página { $page } de { $count }
form-optional = (opcional)
form-none = (ninguno)
form-fix-problems = { $count ->
    [one] Corrige 1 problema
   *[other] Corrige { $count } problemas
}

error-log-in = Inicia sesión para continuar.
error-credentials = El correo electrónico o la contraseña no son correctos.
error-forbidden = No tienes acceso a esta página.
error-not-found = No encontramos esa página.
error-csrf = Este formulario caducó o no vino de STEMbridge. Vuelve atrás, recarga la página e inténtalo de nuevo.
error-internal = Algo salió mal de nuestro lado. Inténtalo de nuevo en un momento.
error-unavailable = El servicio no está disponible por un momento mientras vuelve nuestra base de datos. Lo que acabas de enviar no se guardó: inténtalo de nuevo en un minuto.
error-home-link = Ir a la página de inicio
error-title-400 = Solicitud incorrecta
error-title-401 = No autorizado
error-title-403 = Acceso denegado
error-title-404 = No encontrado
error-title-409 = Conflicto
error-title-413 = Archivo demasiado grande
error-title-422 = Datos no válidos
error-title-429 = Demasiadas solicitudes
error-title-500 = Error del servidor
error-title-503 = Servicio no disponible
error-mfa-enrolment = Configure su aplicación de autenticación para continuar.
