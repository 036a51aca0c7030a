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
    [one] Hay 1 problema que corregir
   *[other] Hay { $count } problemas que corregir
}

error-log-in = Hay que iniciar sesión para continuar.
error-credentials = El correo electrónico o la contraseña no son correctos.
error-forbidden = Esta cuenta no tiene acceso a esta página.
error-not-found = No encontramos esa página.
error-method-not-allowed = Esta dirección solo recibe un formulario cuando se envía, así que aquí no hay ninguna página que mostrar. Vuelva a la página del formulario (el botón Atrás del navegador puede conservar lo que escribió) o use el menú.
error-csrf = Este formulario caducó o no vino de STEMbridge. Hay que volver atrás, recargar la página y volver a intentarlo.
error-cookies-needed = El navegador no devolvió la cookie de STEMbridge, así que no se pudo comprobar este formulario. STEMbridge necesita cookies para este formulario: hay que permitir las cookies para este sitio (o pedírselo a quien administra este dispositivo), recargar la página y volver a intentarlo.
error-internal = Algo salió mal de nuestro lado. Hay que volver a intentarlo en un momento.
error-unavailable = El servicio no está disponible por un momento mientras vuelve nuestra base de datos. Lo enviado no se guardó: hay que volver a intentarlo en un minuto.
error-storage-full = No podemos guardar nada en este momento porque nuestro almacenamiento está lleno; nuestro equipo ya fue avisado. Lo enviado no se guardó. Las páginas se pueden seguir leyendo; hay que volver a intentarlo más tarde.
error-saved-twice = Lo mismo se acaba de guardar desde otra página o por otra persona, así que esto no se guardó. Al volver a cargar la página se ve lo que hay ahora.
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

# Validación de formularios: `label` es el nombre del campo en el catálogo.
form-required = { $label }: este dato es obligatorio.
form-too-long = { $label }: como máximo { $max } caracteres.
form-one-line = { $label }: debe caber en una sola línea; quite el salto de línea.
form-between = { $label }: debe estar entre { $min } y { $max }.
form-whole-number = { $label }: debe ser un número entero.
form-email-required = El correo electrónico es obligatorio.
form-email-too-long = El correo electrónico puede tener como máximo 254 caracteres.
form-email-shape = El correo electrónico debe tener la forma nombre@ejemplo.org.
form-email-plain = Escribe la dirección solo con letras sin acentos, números y . _ - +: sin caracteres especiales ni invisibles.
form-password-short = La contraseña debe tener al menos 10 caracteres.
form-password-long = La contraseña puede tener como máximo 128 caracteres.
form-password-guessable = Esta contraseña es de las que se prueban primero al adivinar (solo números y símbolos, una palabra común con números, una fila del teclado, una serie como 1234567890 o un carácter repetido). Mejor una frase de varias palabras que nadie más juntaría.
title-error = Error
form-languages-too-many = Se admiten como máximo 10 idiomas.
form-languages-codes = Los idiomas se indican con códigos, como en, es, vi, hmn, o con nombres como español o hmong, separados por comas (no: { $codes }).
form-zip = El código postal debe tener 5 dígitos, como 60601 (o ZIP+4, como 60601-1234).
form-unreadable = El formulario llegó incompleto o con una respuesta enviada dos veces. Vuelva atrás, recargue la página y envíelo de nuevo.
form-nul = El formulario contiene un carácter de control invisible (NUL) que no se puede guardar. Vuelva a escribir el texto en lugar de pegarlo y envíelo otra vez.
form-charset = El formulario se envió con un juego de caracteres distinto de UTF-8, así que sus acentos y símbolos se guardarían mal. Envíelo en UTF-8 (todos los navegadores lo hacen; configure su herramienta en UTF-8).
form-label-name = Nombre
form-choose = { $label }: elija una opción de la lista.
form-date = { $label }: debe ser una fecha como 2027-06-15.
form-time-required = { $label }: es obligatorio en una observación laboral.
form-time = { $label }: debe ser una hora como 09:30.
form-money-required = { $label }: es obligatorio para este tipo de pago.
form-money-negative = { $label }: no puede ser negativo.
form-money-zero = { $label }: debe ser mayor que 0. Sin pago, elige «Sin pago».
form-money-shape = { $label }: debe ser un monto en dólares, como 18.50, 18,50 o 1,500.
form-money-max = { $label }: como máximo { $max }.
form-zip-unknown = Este código postal no existe.
date-time = { $date }, { $time }
form-comment-name = Comentario
form-email-taken = Ya existe una cuenta con este correo electrónico. Inicie sesión.
form-password-required = La contraseña es obligatoria.
form-label-your-name = Su nombre
form-label-organization-name = Nombre de la organización
form-label-phone = Teléfono
form-label-website = Sitio web
form-website-shape = El sitio web debe empezar con https:// o http://.
form-organization-name-alphabets = Escriba cada palabra del nombre en un solo alfabeto: una palabra que mezcla letras latinas con letras de otro alfabeto (cirílico, griego, armenio, símbolos fonéticos…) se ve como otro nombre en todas las páginas.
form-label-reason = Motivo
form-label-description = Descripción
form-label-address = Dirección
# $kind: phone, email, link o handle; $found: lo encontrado, tal como se escribió.
form-quoted = «{ $text }»
form-contact-details = { $kind ->
        [phone] «{ $found }» parece un número de teléfono.
        [email] «{ $found }» parece una dirección de correo electrónico.
        [link] «{ $found }» parece un enlace.
       *[handle] «{ $found }» parece un nombre de usuario de redes sociales.
    }{ $more ->
        [0] {""}
       *[other] {" "}También: { $others }.
    } Los estudiantes se comunican con usted a través de STEMbridge: quite los números de teléfono, las direcciones de correo electrónico, los enlaces y los nombres de usuario de redes sociales.
form-contact-details-student = { $kind ->
        [phone] «{ $found }» parece un número de teléfono.
        [email] «{ $found }» parece una dirección de correo electrónico.
        [link] «{ $found }» parece un enlace.
       *[handle] «{ $found }» parece un nombre de usuario de redes sociales.
    }{ $more ->
        [0] {""}
       *[other] {" "}También: { $others }.
    } No compartas tu teléfono, tu correo electrónico, enlaces ni tus redes sociales con la organización: comunícate con ella a través de STEMbridge, o pide ayuda a tu orientador.
common-flash-logged-out = Se cerró la sesión.
# El nombre de este idioma en sí mismo, para el selector de idioma.
language-native-name = Español
# Una hora del día, como patrón strftime de chrono (15:30).
format-time = %-H:%M
# El separador decimal de los números que se muestran (1,5 horas).
format-decimal-separator = ,
form-too-large = El formulario es demasiado grande.
form-address-unreadable = La dirección de esta página trae un valor que esta página no puede usar. Vuelva atrás y siga el enlace de nuevo.
form-upload-unreadable = No se pudo leer el archivo subido. Elija los archivos de nuevo y vuelva a enviar el formulario.
