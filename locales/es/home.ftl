# La página de inicio.

home-title = Pasantías y observaciones laborales STEM para estudiantes
home-heading = Experiencia real de trabajo en STEM, para cada estudiante
home-needs-setup = Este sitio todavía no tiene administrador.
home-set-it-up = Configúralo
home-intro = STEMbridge conecta a estudiantes de secundaria y preparatoria con pasantías, observaciones laborales y aprendizajes en ciencia, tecnología, ingeniería y matemáticas, y se asegura de que cada oportunidad se adapte a cada estudiante: con pago, con acceso en transporte público, accesible en silla de ruedas, a distancia, después de clases, en su idioma.
home-students = Estudiantes
home-students-code = Tu orientador escolar te da un código.
home-students-claim = Activa tu cuenta
home-students-rest = , dinos lo que necesitas y encuentra oportunidades que cumplan con cada necesidad.
home-employers = Empleadores
home-employers-register = Registre su organización
home-employers-rest = , obtenga la verificación de un orientador escolar y publique oportunidades con las opciones de acceso que ofrece.
home-counselors = Orientadores escolares
home-counselors-text = Importe su lista de estudiantes, entregue códigos de cuenta, verifique empleadores y vea quién participa y quién se está quedando fuera.
