"""The words job descriptions use for their sections and fields, in English, German, French, Spanish and Dutch.

A heading names a section (`Key responsibilities` -> duties); a `Label: value` line names a field
(`Reports to: Head of Delivery`). Matching ignores case, accents and punctuation (see sections.py). Add a
language by adding its words here.
"""
from __future__ import annotations

SECTIONS: dict[str, tuple[str, ...]] = {
    "summary": (
        "purpose", "job purpose", "role purpose", "purpose of the role", "summary", "job summary", "role summary",
        "position summary", "overview", "role overview", "about the role", "the role", "about the job", "mission",
        "zweck der stelle", "stellenzweck", "zusammenfassung", "uber die rolle", "die rolle", "ziel der stelle",
        "finalite du poste", "objectif du poste", "le poste", "resume", "mission du poste",
        "proposito", "proposito del puesto", "resumen", "objetivo del puesto", "el puesto",
        "doel van de functie", "samenvatting", "over de functie", "de functie"),
    "duties": (
        "responsibilities", "key responsibilities", "main responsibilities", "duties", "key duties", "main duties",
        "duties and responsibilities", "responsibilities and duties", "what you will do", "what you'll do",
        "what you will be doing", "your tasks", "tasks", "key tasks", "accountabilities", "key accountabilities",
        "day to day", "your responsibilities", "in this role you will",
        "aufgaben", "ihre aufgaben", "deine aufgaben", "hauptaufgaben", "verantwortlichkeiten", "ihr aufgabengebiet",
        "missions", "vos missions", "responsabilites", "taches", "principales missions", "activites principales",
        "responsabilidades", "funciones", "tareas", "principales funciones",
        "taken", "verantwoordelijkheden", "wat ga je doen", "werkzaamheden"),
    "requirements": (
        "requirements", "job requirements", "what you bring", "what you will bring", "what we are looking for",
        "what we're looking for", "who you are", "about you", "your profile", "profile", "must have",
        "must haves", "you have", "what you need",
        "anforderungen", "ihr profil", "dein profil", "was sie mitbringen", "was du mitbringst", "profil",
        "profil recherche", "votre profil", "exigences",
        "requisitos", "perfil", "tu perfil", "lo que buscamos",
        "functie-eisen", "functie eisen", "wat vragen wij", "profiel", "jouw profiel", "wie ben jij"),
    "skills": (
        "skills", "key skills", "required skills", "skills and competencies", "competencies", "abilities",
        "knowledge and skills", "skills and abilities", "technical skills",
        "kenntnisse", "fahigkeiten", "kompetenzen", "kenntnisse und fahigkeiten",
        "competences", "competences requises", "savoir-faire",
        "habilidades", "competencias", "conocimientos",
        "vaardigheden", "competenties", "kennis en vaardigheden"),
    "preferred": (
        "nice to have", "nice to haves", "preferred", "preferred skills", "preferred qualifications", "desirable",
        "desirable skills", "bonus points", "a plus", "pluspunkte", "wunschenswert", "von vorteil",
        "atouts", "un plus", "souhaite", "deseable", "se valorara", "pre", "een pre", "pluspunten"),
    "qualifications": (
        "qualifications", "qualifications and experience", "education and experience", "required qualifications",
        "qualifikationen", "qualifikation", "qualifications requises", "cualificaciones", "titulacion",
        "kwalificaties"),
    "education": ("education", "education and training", "ausbildung", "formation", "formacion", "educacion",
                  "opleiding"),
    "experience": ("experience", "work experience", "berufserfahrung", "erfahrung", "experience professionnelle",
                   "experiencia", "ervaring", "werkervaring"),
    "certifications": ("certifications", "certificates", "certification", "licenses", "licences",
                       "licenses and certifications", "zertifizierungen", "zertifikate", "certificaciones",
                       "certificaten"),
    "kpis": (
        "kpis", "kpi", "key performance indicators", "performance indicators", "success measures",
        "measures of success", "how success is measured", "success criteria", "key results", "performance measures",
        "what success looks like", "kennzahlen", "leistungskennzahlen", "erfolgskriterien", "erfolgsmessung",
        "indicateurs de performance", "indicateurs cles", "criteres de reussite", "indicadores",
        "indicadores clave", "indicadores de desempeno", "prestatie-indicatoren", "succescriteria"),
    "other": (  # read and set aside: said to the user, not imported
        "benefits", "what we offer", "we offer", "our offer", "perks", "about us", "about the company",
        "who we are", "how to apply", "application process", "equal opportunity", "why join us", "why us",
        "wir bieten", "was wir bieten", "uber uns", "bewerbung", "nous offrons", "ce que nous offrons",
        "a propos de nous", "ofrecemos", "sobre nosotros", "wij bieden", "over ons", "arbeidsvoorwaarden"),
}

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("job title", "position title", "position", "role title", "title", "role",
              "stellenbezeichnung", "stellentitel", "titel", "intitule du poste", "intitule", "poste",
              "puesto", "titulo del puesto", "functietitel", "functie"),
    "reports_to": ("reports to", "reporting to", "reporting line", "line manager", "manager", "supervisor",
                   "berichtet an", "vorgesetzte", "vorgesetzter", "unterstellt", "rattache a", "rattachement",
                   "rend compte a", "reporta a", "depende de", "rapporteert aan", "leidinggevende"),
    "location": ("location", "work location", "place of work", "based in", "office", "standort", "arbeitsort",
                 "dienstort", "lieu", "lieu de travail", "localisation", "ubicacion", "lugar de trabajo",
                 "locatie", "standplaats", "werklocatie"),
    "pay": ("salary", "salary range", "pay", "pay range", "compensation", "remuneration", "base salary", "wage",
            "gehalt", "vergutung", "gehaltsspanne", "jahresgehalt", "salaire", "remuneration brute", "salario",
            "sueldo", "salaris", "beloning"),
    "employment_type": ("employment type", "type of employment", "contract", "contract type", "job type", "hours",
                        "anstellungsart", "beschaftigungsart", "vertragsart", "arbeitszeit", "type de contrat",
                        "contrat", "tipo de contrato", "jornada", "dienstverband", "contractvorm"),
    "family": ("department", "job family", "family", "function", "division", "business unit", "abteilung",
               "bereich", "jobfamilie", "departement", "service", "departamento", "area", "afdeling"),
    "level": ("level", "grade", "band", "pay grade", "seniority", "ebene", "stufe", "entgeltgruppe", "niveau",
              "nivel", "categoria", "schaal"),
    "occupation": ("o*net-soc", "o*net-soc code", "o*net code", "onet code", "onet-soc", "isco", "isco-08",
                   "isco code"),
}

EMPLOYMENT_TYPES: dict[str, tuple[str, ...]] = {  # checked in this order, first match wins
    "part-time": ("part-time", "part time", "parttime", "teilzeit", "temps partiel", "tiempo parcial",
                  "media jornada", "deeltijd", "parttime"),
    "full-time": ("full-time", "full time", "fulltime", "vollzeit", "temps plein", "temps complet",
                  "tiempo completo", "jornada completa", "voltijd"),
    "intern": ("internship", "intern", "praktikum", "stage", "practicas", "stagiair"),
    "temporary": ("temporary", "fixed-term", "fixed term", "befristet", "cdd", "temporal", "tijdelijk"),
    "contractor": ("contractor", "freelance", "freelancer", "freiberuflich", "independant", "autonomo",
                   "zzp", "contract"),
    "volunteer": ("volunteer", "ehrenamt", "ehrenamtlich", "benevole", "voluntario", "vrijwilliger"),
    "per-diem": ("per diem", "per-diem"),
}

PAY_PERIODS: dict[str, tuple[str, ...]] = {
    "hour": ("per hour", "an hour", "hourly", "/hour", "/hr", "/h", "pro stunde", "stundenlohn", "de l'heure",
             "par heure", "por hora", "per uur"),
    "day": ("per day", "a day", "daily", "/day", "pro tag", "par jour", "por dia", "per dag"),
    "week": ("per week", "a week", "weekly", "/week", "/wk", "pro woche", "par semaine", "por semana"),
    "month": ("per month", "a month", "monthly", "/month", "/mo", "pro monat", "monatlich", "brutto monatlich",
              "par mois", "mensuel", "al mes", "mensual", "per maand", "bruto per maand"),
    "year": ("per year", "a year", "per annum", "p.a.", "pa", "annually", "annual", "yearly", "/year", "/yr",
             "pro jahr", "jahrlich", "jahresgehalt", "brutto jahrlich", "par an", "annuel", "brut annuel",
             "al ano", "anual", "per jaar", "bruto per jaar"),
}

CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "fr.": "CHF", "kr": "SEK",
                  "zł": "PLN", "zl": "PLN"}

# Words that say what kind of qualification a line is (matched at word starts, accents ignored).
EDUCATION_WORDS = ("degree", "bachelor", "master", "phd", "ph.d", "doctorate", "diploma", "university", "college",
                   "high school", "ged", "graduate", "studium", "hochschul", "abitur", "ausbildung", "abschluss",
                   "diplome", "universit", "titulo", "grado", "licenciatura", "opleiding", "hbo", "wo ",
                   "mbo")
CERTIFICATION_WORDS = ("certif", "certificate", "licensed", "license", "licence", "accredit", "chartered", "pmp", "prince2",
                       "cissp", "cpa", "itil", "scrum master", "zertifi", "zertifikat", "certificado")
EXPERIENCE_WORDS = ("years", "year of", "experience", "jahre", "erfahrung", "berufserfahrung", "ans ", "annees",
                    "experience", "anos", "experiencia", "jaar", "ervaring")
