import type { ExcelLocale } from './excel-locale.js';

/** The words of field names in each language of a workbook: en, ru, uk, fr, es. */
const words: Record<string, readonly [string, string, string, string, string]> = {
  id: ['Identifier', 'Идентификатор', 'Ідентифікатор', 'Identifiant', 'Identificador'],
  name: ['Name', 'Название', 'Назва', 'Nom', 'Nombre'],
  acronym: ['Acronym', 'Сокращение', 'Скорочення', 'Sigle', 'Sigla'],
  organisationType: ['Organisation type', 'Тип организации', 'Тип організації', 'Type d’organisation', 'Tipo de organización'],
  countries: ['Countries', 'Страны', 'Країни', 'Pays', 'Países'],
  regions: ['Regions', 'Регионы', 'Регіони', 'Régions', 'Regiones'],
  focusAreas: ['Focus areas', 'Направления работы', 'Напрями роботи', 'Domaines d’action', 'Áreas de trabajo'],
  populations: ['Populations', 'Группы населения', 'Групи населення', 'Populations', 'Poblaciones'],
  website: ['Website', 'Сайт', 'Сайт', 'Site web', 'Sitio web'],
  email: ['E-mail', 'Эл. почта', 'Ел. пошта', 'Courriel', 'Correo electrónico'],
  memberSince: ['Member since', 'Член с', 'Член з', 'Membre depuis', 'Miembro desde'],
  languages: ['Languages', 'Языки', 'Мови', 'Langues', 'Idiomas'],
  extensions: ['Extension', 'Расширение', 'Розширення', 'Extension', 'Extensión'],
  country: ['Country', 'Страна', 'Країна', 'Pays', 'País'],
  subnationalArea: ['Region of the country', 'Регион страны', 'Регіон країни', 'Région du pays', 'Región del país'],
  facilityType: ['Facility type', 'Тип учреждения', 'Тип установи', 'Type d’établissement', 'Tipo de establecimiento'],
  capacity: ['Capacity', 'Вместимость', 'Місткість', 'Capacité', 'Capacidad'],
  population: ['Population', 'Численность', 'Чисельність', 'Population', 'Población'],
  count: ['Count', 'Число', 'Кількість', 'Nombre', 'Cantidad'],
  date: ['Date', 'Дата', 'Дата', 'Date', 'Fecha'],
  operator: ['Operator', 'Оператор', 'Оператор', 'Gestionnaire', 'Operador'],
  code: ['Code', 'Код', 'Код', 'Code', 'Código'],
  description: ['Description', 'Описание', 'Опис', 'Description', 'Descripción'],
  unit: ['Unit', 'Единица', 'Одиниця', 'Unité', 'Unidad'],
  calculation: ['Calculation', 'Расчёт', 'Розрахунок', 'Calcul', 'Cálculo'],
  numerator: ['Numerator', 'Числитель', 'Чисельник', 'Numérateur', 'Numerador'],
  denominator: ['Denominator', 'Знаменатель', 'Знаменник', 'Dénominateur', 'Denominador'],
  disaggregations: ['Disaggregations', 'Разбивки', 'Розбивки', 'Ventilations', 'Desgloses'],
  framework: ['Framework', 'Система показателей', 'Система показників', 'Cadre', 'Marco'],
  reference: ['Reference', 'Ссылка', 'Посилання', 'Référence', 'Referencia'],
  interventions: ['Interventions', 'Вмешательства', 'Втручання', 'Interventions', 'Intervenciones'],
  countsPeople: ['Counts people', 'Считает людей', 'Рахує людей', 'Compte des personnes', 'Cuenta personas'],
  frequency: ['Frequency', 'Периодичность', 'Періодичність', 'Fréquence', 'Frecuencia'],
  indicator: ['Indicator', 'Индикатор', 'Індикатор', 'Indicateur', 'Indicador'],
  reportingOrganisation: ['Reporting organisation', 'Отчитывающаяся организация', 'Організація, що звітує', 'Organisation déclarante', 'Organización informante'],
  scope: ['Scope', 'Охват', 'Охоплення', 'Portée', 'Ámbito'],
  facility: ['Facility', 'Учреждение', 'Установа', 'Établissement', 'Establecimiento'],
  period: ['Period', 'Период', 'Період', 'Période', 'Período'],
  start: ['start', 'начало', 'початок', 'début', 'inicio'],
  end: ['end', 'конец', 'кінець', 'fin', 'fin'],
  disaggregation: ['Breakdown', 'Разбивка', 'Розбивка', 'Ventilation', 'Desglose'],
  sex: ['sex', 'пол', 'стать', 'sexe', 'sexo'],
  ageGroup: ['age group', 'возрастная группа', 'вікова група', 'tranche d’âge', 'grupo de edad'],
  // A breakdown's population is a group of people (`people-who-inject-drugs`), not a facility's number of people held.
  'disaggregation.population': ['population group', 'группа населения', 'група населення', 'groupe de population', 'grupo de población'],
  value: ['Value', 'Значение', 'Значення', 'Valeur', 'Valor'],
  dataSource: ['Data source', 'Источник данных', 'Джерело даних', 'Source des données', 'Fuente de datos'],
  methodNote: ['Method', 'Методика', 'Методика', 'Méthode', 'Método'],
  confidenceInterval: ['Confidence interval', 'Доверительный интервал', 'Довірчий інтервал', 'Intervalle de confiance', 'Intervalo de confianza'],
  lower: ['lower', 'нижняя граница', 'нижня межа', 'borne inférieure', 'límite inferior'],
  upper: ['upper', 'верхняя граница', 'верхня межа', 'borne supérieure', 'límite superior'],
  level: ['level', 'уровень', 'рівень', 'niveau', 'nivel'],
  suppressed: ['Suppressed', 'Скрыто', 'Приховано', 'Masqué', 'Suprimido'],
  notes: ['Notes', 'Примечания', 'Примітки', 'Notes', 'Notas'],
  title: ['Title', 'Заголовок', 'Заголовок', 'Titre', 'Título'],
  format: ['Format', 'Формат', 'Формат', 'Format', 'Formato'],
  location: ['Place', 'Место', 'Місце', 'Lieu', 'Lugar'],
  city: ['city', 'город', 'місто', 'ville', 'ciudad'],
  organiser: ['Organiser', 'Организатор', 'Організатор', 'Organisateur', 'Organizador'],
  participants: ['Participant', 'Участник', 'Учасник', 'Participant', 'Participante'],
  organisation: ['organisation', 'организация', 'організація', 'organisation', 'organización'],
  representatives: ['representatives', 'представители', 'представники', 'représentants', 'representantes'],
  roles: ['roles', 'роли', 'ролі', 'rôles', 'funciones'],
  agenda: ['Agenda item', 'Пункт повестки', 'Пункт порядку денного', 'Point de l’ordre du jour', 'Punto del orden del día'],
  presentations: ['Presentation', 'Выступление', 'Виступ', 'Présentation', 'Presentación'],
  topic: ['topic', 'тема', 'тема', 'sujet', 'tema'],
  achievements: ['achievements', 'достижения', 'досягнення', 'réalisations', 'logros'],
  issuesRaised: ['issues raised', 'поднятые вопросы', 'порушені питання', 'questions soulevées', 'cuestiones planteadas'],
  issuesIdentified: ['Issue identified', 'Выявленная проблема', 'Виявлена проблема', 'Problème relevé', 'Problema detectado'],
  theme: ['theme', 'тема', 'тема', 'thème', 'tema'],
  decisions: ['Decision', 'Решение', 'Рішення', 'Décision', 'Decisión'],
  text: ['text', 'текст', 'текст', 'texte', 'texto'],
  actionItems: ['Action item', 'Поручение', 'Доручення', 'Action', 'Acción'],
  owner: ['owner', 'ответственный', 'відповідальний', 'responsable', 'responsable'],
  due: ['due', 'срок', 'термін', 'échéance', 'plazo'],
  status: ['status', 'статус', 'статус', 'statut', 'estado'],
  documents: ['Document', 'Документ', 'Документ', 'Document', 'Documento'],
  url: ['link', 'ссылка', 'посилання', 'lien', 'enlace'],
  language: ['language', 'язык', 'мова', 'langue', 'idioma'],
  type: ['type', 'тип', 'тип', 'type', 'tipo'],
  phxVersion: ['PHX version', 'Версия PHX', 'Версія PHX', 'Version PHX', 'Versión PHX'],
  publisher: ['Publisher', 'Издатель', 'Видавець', 'Éditeur', 'Editor'],
  license: ['Licence', 'Лицензия', 'Ліцензія', 'Licence', 'Licencia'],
  publishedAt: ['Published at', 'Дата публикации', 'Дата публікації', 'Publié le', 'Publicado el'],
  $schema: ['JSON Schema', 'JSON Schema', 'JSON Schema', 'JSON Schema', 'JSON Schema'],
};

const order: Record<ExcelLocale, number> = { en: 0, ru: 1, uk: 2, fr: 3, es: 4 };

/**
 * The heading of a column in a language, from the words of its path: `period.start` is
 * "Період › початок" in Ukrainian; a list item gets its number, a language map its tag
 * (`name.en` is "Name (en)"); a heading begins with a capital. A word of two segments (`disaggregation.population`)
 * is taken before the word of the last alone. A word without a translation stays as it is. These are the headings of
 * the sheets of a workbook that {@link writeXlsx} writes.
 *
 * @example
 * ```ts
 * import { columnHeading } from '@phx/schema';
 * columnHeading('period.start', 'uk'); // 'Період › початок'
 * columnHeading('disaggregations', 'fr'); // 'Ventilations'
 * ```
 */
export function columnHeading(column: string, language: ExcelLocale): string {
  const parts: string[] = [];
  const segments = column.split('.');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const word = (i > 0 ? words[`${segments[i - 1]}.${segment}`] : undefined) ?? words[segment];
    if (segment === 'extensions') return `${word![order[language]]} (${segments.slice(i + 1).join('.')})`;
    if (word) parts.push(word[order[language]]!);
    else if (/^\d+$/.test(segment)) parts[parts.length - 1] += ` ${Number(segment) + 1}`;
    else if (parts.length === 0) parts.push(segment);
    else parts[parts.length - 1] += ` (${segment})`;
  }
  const heading = parts.join(' › ');
  // A word that names a part of a field (`start` of a period) begins a heading of its own (a meeting's `start`) capitalised.
  return heading.charAt(0).toLocaleUpperCase(language) + heading.slice(1);
}
