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
