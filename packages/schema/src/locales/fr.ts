import zodFr from 'zod/v4/locales/fr.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import { alternatives } from './alternatives.js';
import { amountsIn, capitalised, categories, columnSeen, completedDateTime, decimalComma, fieldNamed, fieldOfList, figures, formAsked, hiddenOf, keyOf, listed, percentShown, placeOf, sheetCell, shown, subject, typedAsDate, type Words } from './phrases.js';
import type { SheetNames } from '../validate/params.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'une adresse e-mail', phone: 'un numéro de téléphone', 'date-of-birth': 'une date de naissance', name: "le nom d'une personne", address: 'une adresse personnelle', identifier: "un numéro d'écrou, de dossier ou de pièce d'identité" } as const;
const encodings = { 'utf-16le': 'UTF-16 (petit-boutiste)', 'utf-16be': 'UTF-16 (gros-boutiste)', 'windows-1251': 'Windows-1251 (cyrillique)', 'windows-1252': 'Windows-1252 (Europe occidentale)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'du JSON', ndjson: 'du NDJSON', csv: 'du CSV', xlsx: 'un classeur Excel (.xlsx)', xls: 'un classeur Excel 97-2003 (.xls)', 'encrypted-xlsx': 'un classeur Excel protégé par un mot de passe', ods: 'une feuille de calcul OpenDocument (.ods)',
  docx: 'un document Word (.docx)', pdf: 'un document PDF', zip: 'une archive zip', gzip: 'une archive gzip', html: 'une page web (HTML)',
};
const otherSystems: Record<OtherSystemFormat, string> = {
  fhir: 'un Bundle FHIR', dhis2: 'un ensemble de valeurs de données DHIS2 (JSON)', 'dhis2-csv': 'un fichier CSV de valeurs de données DHIS2', 'sdmx-csv': 'un fichier SDMX-CSV',
  'sdmx-json': 'un message de données SDMX-JSON', 'sdmx-structure': 'une description de structure SDMX',
};

const forms: Record<string, string> = {
  'decimal-comma': 'virgules décimales', 'thousands-separator': 'séparateurs de milliers', 'percent-sign': 'signes %',
  'boolean-word': 'mots VRAI/FAUX', 'excel-serial': 'dates en numéro de série Excel', 'yes-no-word': 'mots oui/non', 'time-dropped': 'heures (ignorées : la colonne contient des jours)', 'read-as-utc': 'heures lues en UTC', 'midnight-utc': 'dates seules lues comme minuit UTC',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `dates écrites ${form}`).join(', ');
const words: Words = {
  fields: {
    $schema: 'lien vers le schéma', phxVersion: 'version de PHX', id: 'identifiant', publisher: 'éditeur', 'publisher.id': "identifiant de l'éditeur",
    'publisher.name': "nom de l'éditeur", name: 'nom', license: 'licence', publishedAt: 'date et heure de publication', description: 'description',
    extensions: 'extensions', organisations: 'organisations', facilities: 'établissements', indicators: 'indicateurs', observations: 'observations',
    meetings: 'réunions', acronym: 'sigle', organisationType: "type d'organisation", countries: "pays d'intervention", regions: 'régions',
    focusAreas: "domaines d'action", populations: 'publics concernés', website: 'site web', email: 'adresse e-mail', memberSince: 'membre depuis',
    languages: 'langues', country: 'pays', subnationalArea: 'région du pays', facilityType: "type d'établissement", capacity: "capacité d'accueil",
    population: 'groupe de population', 'facilities.population': 'population détenue', 'population.count': 'nombre de personnes détenues',
    'population.date': 'date du comptage', operator: 'gestionnaire', code: "code de l'indicateur", unit: 'unité', calculation: 'mode de calcul',
    numerator: 'numérateur', denominator: 'dénominateur', disaggregations: 'ventilations permises', framework: "cadre d'indicateurs", reference: 'référence',
    interventions: 'interventions', frequency: 'périodicité', indicator: 'indicateur', reportingOrganisation: 'organisation déclarante',
    scope: 'champ', facility: 'établissement', period: 'période', start: 'début', end: 'fin', 'period.start': 'début de la période',
    'period.end': 'fin de la période', 'meetings.start': 'début de la réunion', 'meetings.end': 'fin de la réunion', disaggregation: 'ventilation',
    sex: 'sexe', ageGroup: "tranche d'âge", value: 'valeur', dataSource: 'source des données', methodNote: 'note de méthode',
    confidenceInterval: 'intervalle de confiance', lower: 'borne inférieure', upper: 'borne supérieure', level: 'niveau de confiance', suppressed: 'masqué',
    notes: 'notes', title: 'titre', format: 'forme de la réunion', location: 'lieu', city: 'ville', organiser: 'organisateur',
    participants: 'participants', organisation: 'organisation', representatives: 'nombre de représentants', roles: 'rôles', agenda: 'ordre du jour',
    presentations: 'présentations', topic: 'sujet', achievements: 'réalisations', issuesRaised: 'questions soulevées', issuesIdentified: 'problèmes relevés',
    theme: 'thème', decisions: 'décisions', text: 'texte', actionItems: 'actions à mener', owner: 'responsable', due: 'échéance', status: 'état',
    documents: 'documents', url: 'adresse web', language: 'langue', type: 'type', 'documents.type': 'type de document', count: 'nombre', date: 'date',
  },
  records: { package: 'paquet', organisation: 'organisation', facility: 'établissement', indicator: 'indicateur', observation: 'observation', meeting: 'réunion' },
  forms: {
    date: 'une date écrite année-mois-jour, par ex. 2023-01-31',
    'calendar-day': 'un jour du calendrier : ce mois compte moins de jours',
    'four-digit-year': 'une date avec une année sur quatre chiffres, par ex. 2020-12-31',
    'date-time': "une date et une heure avec le décalage par rapport à UTC, par ex. 2020-10-28T13:00:00+01:00",
    url: 'une adresse web commençant par https://, par ex. https://example.org/rapport.pdf',
    email: 'une adresse e-mail, par ex. contact@example.org',
    'organisation-id': "un identifiant d'organisation : le préfixe du registre et le numéro, reliés par des tirets, par ex. {id} (PHX-ORG-0001 hors registre)",
    'record-id': "un identifiant d'au plus 128 lettres latines sans accent (A–Z, a–z), chiffres et . _ : - qui commence par une lettre ou un chiffre, par ex. {id}",
    code: 'un code de lettres minuscules et de chiffres reliés par des tirets',
    'indicator-code': 'un code de lettres minuscules et de chiffres reliés par des tirets, par ex. hiv-prevalence-prisoners',
    country: 'un code de pays de l\'ISO 3166-1 : deux lettres majuscules, par ex. FR ou ZM',
    'language-tag': 'un code de langue, par ex. fr, en ou pt-BR',
    licence: "un identifiant de licence, par ex. CC-BY-4.0, ou l'adresse web de la licence",
    'extension-key': "l'adresse web d'une extension, par ex. https://example.org/phx/quartiers",
    text: 'un texte',
  },
  kinds: {
    string: 'un texte', number: 'un nombre, par ex. 12', int: 'un nombre entier, par ex. 12', boolean: 'true ou false', object: 'un groupe de champs entre { }',
    record: 'un groupe de champs entre { }', array: 'une liste entre [ ]', null: 'null', undefined: 'rien', nan: "pas un nombre",
  },
  entry: (index) => `élément ${index}`,
  line: (line) => `ligne ${line}`,
  row: 'ligne',
  sheet: 'feuille',
  file: 'fichier',
  quote: (text) => `« ${text} »`,
  spaces: { start: '(une espace au début)', end: '(une espace à la fin)', both: '(des espaces au début et à la fin)' },
  number: decimalComma,
  ...amountsIn('fr'),
};

/** The field of a breakdown's dimension, quoted. */
const dimension = (name: string): string => words.quote(words.fields[name as 'sex'] ?? name);

/** In a sheet (see SheetNames): VRAI in its column of the flag, and the hints of a cell its column does not read (see sheetCell()). */
const flagged = (sheet: SheetNames): string => `VRAI dans la colonne ${words.quote(sheet.suppressed ?? 'suppressed')}`;
const sheetHints = {
  small: (sheet: SheetNames, empty: string | undefined): string => ` ; pour masquer un petit effectif, mettez ${flagged(sheet)} et laissez vide la cellule de la colonne ${words.quote(empty ?? 'value')}`,
  digit: (): string => ' ; 1 et 0 ne se lisent pas comme un indicateur : écrivez VRAI pour 1 et FAUX pour 0',
  mark: (): string => ' ; une telle marque ne se lit pas comme un indicateur : écrivez VRAI là où l’observation est masquée, et laissez la cellule vide ailleurs',
  none: (): string => ' ; s’il n’y a pas de chiffre, laissez la cellule vide',
};

/** French messages. */
export const fr: PhxLocale = {
  tag: 'fr',
  zod: zodFr,
  fields: words.fields,
  suggestion: (values) => ` ; vouliez-vous dire ${alternatives(values, 'fr', words.quote)} ?`,
  named: (value, type, id) => `${words.quote(value)} est le nom de l'${words.records[type]} ${words.quote(id)} : écrivez plutôt son identifiant`,
  messages: {
    'file.empty': (p) => (p.blank ? "Le fichier ne contient que des lignes vides ou des espaces : il n'a aucune donnée" : 'Le fichier est vide'),
    'file.unsupported-format': (p) =>
      p.format === 'html'
        ? `Le fichier est ${formats.html}, pas un classeur Excel ; ouvrez-le dans Excel et enregistrez-le en classeur Excel (.xlsx)`
        : p.format === 'encrypted-xlsx'
        ? `Le fichier est ${formats[p.format]}, que PHX ne peut pas ouvrir ; supprimez le mot de passe (dans Excel : Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, et effacez-le) et enregistrez à nouveau le classeur`
        : `Le fichier est ${formats[p.format]}, que PHX ne lit pas ; enregistrez les données en classeur Excel (.xlsx), en « CSV UTF-8 », .phx.json ou .phx.ndjson`,
    'file.other-system': (p) =>
      p.format === 'sdmx-json' || p.format === 'sdmx-structure'
        ? `Le fichier est ${otherSystems[p.format]}, que PHX ne lit pas : ce ne sont pas des données PHX ; phx import --from sdmx-csv lit le fichier SDMX-CSV (.sdmx.csv) de ces données`
        : `Le fichier est ${otherSystems[p.format]}, pas des données PHX : phx import --from ${p.format} en fait un paquet PHX`,
    'file.too-large': (p) => `Le fichier dépasse ${words.size(p.maxBytes)}, trop pour être lu d'un seul tenant ; divisez-le, ou enregistrez-le en .phx.ndjson, qui se lit en flux`,
    'file.too-large-for-memory': (p) =>
      p.format === 'json'
        ? `Le fichier contient environ ${words.count(p.values)} valeurs : sa lecture d'un seul tenant demande environ ${words.size(p.neededBytes)} de mémoire, plus que les ${words.size(p.availableBytes)} disponibles ; divisez-le en plusieurs paquets plus petits`
        : p.format === 'csv'
        ? `Le fichier CSV contient environ ${words.count(p.cells)} cellules : sa lecture demande environ ${words.size(p.neededBytes)} de mémoire, plus que les ${words.size(p.availableBytes)} disponibles ; divisez-le en plusieurs fichiers, de moins de lignes chacun`
        : `Le classeur contient ${words.count(p.cells)} cellules : sa lecture demande environ ${words.size(p.neededBytes)} de mémoire, plus que les ${words.size(p.availableBytes)} disponibles ; enregistrez chaque feuille en CSV UTF-8, qui se lit avec bien moins, ou divisez le classeur`,
    'syntax.invalid-json': (p) => (p.token === null ? 'JSON invalide : le texte se termine trop tôt' : `JSON invalide : ${JSON.stringify(p.token)} inattendu`),
    'syntax.too-deep': (p) => `Imbrication de plus de ${words.count(p.maxDepth)} niveaux`,
    'syntax.duplicate-key': (p) =>
      `La clé ${words.quote(p.key)} est écrite une nouvelle fois (la première à la ligne ${p.firstLine}) : seule la dernière est lue et le contenu de la précédente est perdu ; réunissez-les en une seule`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? "Le fichier n'est pas un texte UTF-8 valide ; enregistrez-le en UTF-8"
        : `Le fichier n'est pas en UTF-8 mais en ${encodings[p.encoding]} ; enregistrez-le en UTF-8 (dans Excel : « CSV UTF-8 ») ou en classeur Excel (.xlsx)`,
    'syntax.encoding-mismatch': (p) =>
      `Le fichier a été lu en ${encodings[p.encoding]}, comme demandé, mais il semble écrit en ${encodings[p.looksLike]}, où « ${p.read} » se lit « ${p.meant} » : lisez-le ainsi, sinon ses noms seront illisibles`,
    'syntax.line-too-long': (p) => `Ligne de plus de ${words.size(p.maxBytes)} ; ignorée`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'La ligne n\'a pas de "type"' : `Type d'enregistrement inconnu ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => "L'en-tête du paquet ne peut être que la première ligne",
    'csv.no-header': (p) =>
      p.type === null
        ? "La première ligne n'est pas un en-tête de colonnes PHX (par exemple id, indicator, period.start), le type d'enregistrement est donc inconnu ; ajoutez la ligne d'en-tête"
        : `La première ligne n'est pas un en-tête de colonnes d'enregistrements de type ${words.quote(words.records[p.type])} ; ajoutez la ligne d'en-tête`,
    'csv.no-rows': () => "Le fichier a une ligne d'en-tête mais aucune ligne de données",
    'csv.unclosed-quote': (p) => `Un guillemet (") ouvert dans la colonne ${p.column} n'est jamais fermé : tout le reste du fichier a été lu dans cette seule cellule, à partir de « ${p.value} » ; fermez le guillemet ou supprimez-le`,
    'csv.text-after-quote': (p) => `La cellule de la colonne ${p.column} commence par un guillemet (") et contient du texte après le guillemet qui la ferme (${p.value}) : les cellules et les lignes suivantes ont pu être lues dans cette seule cellule ; doublez les guillemets à l'intérieur de la cellule ("") ou supprimez-les`,
    'schema.invalid-type': (p) => {
      const found = typeof p.value === 'string' ? `le texte « ${p.value} »` : p.value === undefined || p.value === null ? (words.kinds[p.received ?? ''] ?? 'autre chose') : shown(words, p);
      const unquote = typeof p.value === 'string' && (p.expected === 'number' || p.expected === 'int') && p.value.trim() !== '' && !Number.isNaN(Number(p.value)) ? ' : écrivez le nombre sans guillemets' : '';
      const cell = sheetCell(p);
      if (cell) return `Colonne ${words.quote(cell.sheet.column ?? '')} : il faut ${p.expected === 'boolean' ? 'VRAI ou FAUX (ou oui/non)' : (words.kinds[p.expected ?? ''] ?? 'autre chose')}, et non ${found}${cell.hint ? sheetHints[cell.hint](cell.sheet, cell.empty) : ''}`;
      return `${subject(words, p, 'la valeur')} : il faut ${words.kinds[p.expected ?? ''] ?? 'autre chose'}, et non ${found}${unquote}`;
    },
    'schema.required': (p) =>
      p.column === undefined && p.sheet?.column !== undefined
        ? `Cellule vide dans la colonne obligatoire ${words.quote(p.sheet.column)} : ${p.sheet.merged === undefined ? 'remplissez-la' : `elle fait partie des cellules fusionnées ${p.sheet.merged}, et une fusion ne garde sa valeur que dans sa première cellule, ${p.sheet.merged.split(':')[0]}. Annulez la fusion et remplissez chaque cellule`}`
        : p.column === undefined
        ? `Champ obligatoire manquant : ${fieldNamed(words, p, 'un champ')} (« ${keyOf(p.field)} »)`
        : `La ligne d’en-tête n’a pas de colonne ${words.quote(p.column)} (${fieldNamed(words, p, 'un champ')}) : ajoutez la colonne`,
    'schema.unknown-field': (p) => `« ${p.keys[0]} » n'est pas un champ PHX à cet endroit : vérifiez l'orthographe, ou placez vos propres données sous "extensions"${p.hidden ? '. La colonne est masquée dans Excel : pour la voir, sélectionnez les colonnes voisines et choisissez « Afficher »' : ''}`,
    'schema.invalid-value': (p) => {
      const allowed = (p.values ?? []).map(String);
      if (allowed.length === 1) return `${subject(words, p, 'la valeur')} : il faut « ${allowed[0]} », et non ${shown(words, p)}`;
      if (p.form) return `${subject(words, p, 'la valeur')} : ${shown(words, p)} n'est pas ${formAsked(words, p)}`;
      const list = allowed.length > 0 && allowed.length <= 8 ? ` : ${alternatives(allowed, 'fr', words.quote)}` : '';
      return `${subject(words, p, 'la valeur')} : ${shown(words, p)} n'est pas un des codes permis ici${list}`;
    },
    'schema.invalid-format': (p) =>
      p.value === ''
        ? `${subject(words, p, 'le texte')} : le texte est vide`
        : p.form === 'text'
          ? `${subject(words, p, 'le texte')} : le texte ne contient que des espaces`
          : p.fullYears
            ? `${subject(words, p, 'la valeur')} : ${shown(words, p)} a une année sur deux chiffres : écrivez l'année en entier, ${p.fullYears[0]} ou ${p.fullYears[1]}, selon le cas`
            : p.lacks
              ? `${subject(words, p, 'la valeur')} : ${shown(words, p)} ${p.lacks === 'offset' ? "n'a pas de décalage par rapport à UTC : ajoutez le décalage" : "n'est qu'une date : ajoutez l'heure et le décalage par rapport à UTC"} du lieu à cette date, ou Z pour une heure en UTC, par ex. ${completedDateTime(p)}`
              : `${subject(words, p, 'la valeur')} : ${shown(words, p)} n'est pas ${p.form ? formAsked(words, p) : 'écrit sous la forme que ce champ demande'}`,
    'schema.too-small': (p) => {
      const min = p.minimum ?? 1;
      if (p.origin === 'string') return `${subject(words, p, 'le texte')} : le texte est vide`;
      if (p.origin === 'array') return `${subject(words, p, 'la liste')} : au moins ${words.count(min)} élément${min === 1 ? '' : 's'}`;
      if (p.origin === 'object') return `${subject(words, p, 'le texte')} : il faut un texte dans au moins une langue, par ex. {"fr": "…"}`;
      return `${subject(words, p, 'la valeur')} : il faut ${p.inclusive === false ? 'plus de' : 'au moins'} ${words.number(min)}, et non ${shown(words, p)}`;
    },
    'schema.too-big': (p) => {
      const max = p.maximum ?? 0;
      if (p.origin === 'string') return `${subject(words, p, 'le texte')} : le texte dépasse ${words.count(max)} caractères ; raccourcissez-le`;
      if (p.origin === 'array') return `${subject(words, p, 'la liste')} : plus de ${words.count(max)} éléments`;
      return `${subject(words, p, 'la valeur')} : il faut ${p.inclusive === false ? 'moins de' : 'au plus'} ${words.number(max)}, et non ${shown(words, p)}`;
    },
    'schema.invalid-key': (p) => `${subject(words, p, 'la clé')} : ${shown(words, p)} n'est pas ${p.form ? formAsked(words, p) : 'une clé permise ici'}`,
    'schema.invalid-union': (p) =>
      `${subject(words, p, 'la valeur')} : ${shown(words, p)} n'est pas ${p.form ? formAsked(words, p) : 'sous une des formes que ce champ accepte'}`,
    'unique.duplicate-id': (p) => `Identifiant « ${p.id} » en double (${words.records[p.recordType]} ; première fois : ${placeOf(words, p.first)})`,
    'unique.duplicate-breakdown': (p) =>
      `Une deuxième observation de la même catégorie (${categories(words, p.categories) || 'le total'}) du même indicateur, champ, période et source de données (première fois : ${placeOf(words, p.first)})`,
    'ref.unknown-organisation': (p) => `Aucune organisation d'identifiant « ${p.id} » dans le paquet${p.isPublisher ? " : l'éditeur du paquet doit aussi figurer parmi ses organisations" : ''}`,
    'ref.unknown-facility': (p) => `Aucun établissement d'identifiant « ${p.id} » dans le paquet`,
    'ref.unknown-indicator': (p) => `L'indicateur « ${p.code} » n'est ni dans le catalogue ni défini dans le paquet`,
    'ref.country-mismatch': (p) => `L'établissement « ${p.facility} » est en ${p.facilityCountry}, mais l'observation indique ${p.country}`,
    'indicator.unit-mismatch': (p) => `L'unité « ${p.unit} » ne correspond pas à celle de « ${p.indicator} » (« ${p.expected} »)`,
    'observation.value-missing': (p) => (p.sheet ? `Aucune valeur : remplissez la colonne ${words.quote(p.sheet.value ?? 'value')} ou mettez ${flagged(p.sheet)}` : 'Aucune valeur : indiquez "value" ou marquez l\'observation "suppressed"'),
    'observation.denominator-missing': (p) => `L'indicateur « ${p.indicator} » demande un dénominateur en plus du numérateur`,
    'arith.numerator-exceeds-denominator': (p) => `Le numérateur ${words.number(p.numerator)} dépasse le dénominateur ${words.number(p.denominator)}`,
    'arith.zero-denominator': () => 'Le dénominateur vaut 0',
    'arith.value-mismatch': (p) => `La valeur ${words.number(p.value)} ne concorde pas avec le numérateur et le dénominateur (attendu ${words.number(p.expected)})`,
    'arith.percent-out-of-range': (p) => `Le pourcentage ${words.number(p.value)} est hors de 0–100`,
    'arith.count-not-integer': (p) =>
      `${capitalised(words.fields[p.field])} ${words.number(p.value)} : ce n'est pas un nombre entier ; ${p.field === 'value' ? 'cet indicateur est un effectif : écrivez le nombre compté ; une part ou une moyenne relève d\'un autre indicateur' : 'écrivez le nombre entier compté ; une part ou un taux va dans la valeur'}`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `L'intervalle de confiance ${words.number(p.lower)}–${words.number(p.upper)} est inversé` : `La valeur ${words.number(p.value)} est hors de son intervalle de confiance ${words.number(p.lower)}–${words.number(p.upper)}`,
    'arith.confidence-level-fraction': (p) => `Niveau de confiance ${words.number(p.level)} : le niveau s'écrit en pour cent, c'est donc un intervalle à ${words.number(p.level)} % ; pour ${words.number(p.percent)} %, écrivez ${words.number(p.percent)}`,
    'period.start-after-end': (p) => `La période commence (${p.start}) après sa fin (${p.end})`,
    'period.in-future': (p) => `La période se termine dans le futur (${p.end} ; nous sommes le ${p.today})`,
    'meeting.end-before-start': (p) => `La réunion se termine (${p.end}) avant de commencer (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Action à échéance du ${p.due}, avant la réunion (${p.meetingStart})`,
    'disagg.not-allowed': (p) =>
      p.allowed.length === 0
        ? `L'indicateur « ${p.indicator} » n'est pas ventilé : laissez ${dimension(p.dimension)} vide et donnez la valeur pour l'ensemble`
        : `L'indicateur « ${p.indicator} » ne peut pas être ventilé par ${dimension(p.dimension)}, seulement par ${listed(p.allowed.map(dimension), 'et')} : laissez ${dimension(p.dimension)} vide`,
    'disagg.exceeds-total': (p) =>
      `Les ${p.field === 'denominator' ? 'dénominateurs' : 'numérateurs'} par ${dimension(p.dimension)} totalisent ${words.number(p.sum)}, plus que le total ${words.number(p.total)}`,
    'disagg.below-total': (p) =>
      `Les ${p.field === 'denominator' ? 'dénominateurs' : 'numérateurs'} par ${dimension(p.dimension)} totalisent ${words.number(p.sum)}, moins que le total ${words.number(p.total)} : manque-t-il une catégorie ?`,
    'package.placeholder': (p) => `« ${p.value} » est un exemple du paquet de départ : remplacez-le par votre valeur`,
    'package.unknown-licence': (p) => `La licence « ${p.value} » n'est pas un identifiant SPDX de licence de données connu de PHX, comme CC-BY-4.0, CC0-1.0 ou ODbL-1.0 : vérifiez-le sur https://spdx.org/licenses/, ou donnez l'adresse web de la licence`,
    'privacy.small-cell': (p) =>
      p.count !== undefined
        ? `La valeur ${words.number(p.value)} pour un dénominateur de ${words.number(p.denominator)} donne un effectif de ${words.number(p.count)} : sous le seuil de masquage ${words.number(p.threshold)} ; ${p.sheet ? `mettez ${flagged(p.sheet)} et laissez cette cellule vide` : 'marquez l\'observation "suppressed" et omettez la valeur'}`
        : `${capitalised(words.fields[p.field])} ${words.number(p.value)} : sous le seuil de masquage ${words.number(p.threshold)} ; ${p.sheet ? p.field === 'numerator' ? `mettez ${flagged(p.sheet)} et laissez vides cette cellule et celle de la colonne ${words.quote(p.sheet.value ?? 'value')}` : `mettez ${flagged(p.sheet)} et laissez cette cellule vide` : p.field === 'numerator' ? 'marquez l\'observation "suppressed" et omettez le numérateur et la valeur' : 'marquez l\'observation "suppressed" et omettez le nombre'}`,
    'privacy.suppressed-value-present': (p) =>
      p.sheet
        ? `La ligne a ${flagged(p.sheet)}, mais sa cellule de la colonne ${words.quote(p.sheet.column ?? p.field)} est remplie : laissez-la vide, pour que le chiffre masqué ne circule pas avec les données`
        : `L'observation est masquée, mais le champ ${words.quote(words.fields[p.field])} est encore rempli : retirez "${p.field}", pour que le chiffre masqué ne circule pas avec les données`,
    'privacy.complementary-disclosure': (p) =>
      `Ce nombre masqué se déduit des nombres affichés (${figures(words, p.figures, 'le total', ' ; ')}), qui s'additionnent par ${p.dimension.split(', ').map(dimension).join(' et ')}${p.denominators ? `, aucun nombre n'étant inférieur à 0 ni supérieur à son dénominateur (${figures(words, p.denominators, 'le total', ' ; ')})` : ''} : masquez-en un de plus`,
    'privacy.personal-data': (p) => `Ce texte semble contenir ${kinds[p.kind]} ; ne partagez pas de données personnelles`,
    'text.nul-character': (p) => `Le texte contient, en position ${words.count(p.position)}, le caractère invisible U+0000 (NUL) : aucune donnée PHX ne peut le contenir, car ni les bases de données ni Excel ne le conservent. Supprimez-le`,
    'sheet.unreadable': () => 'Le fichier n’est pas un classeur Excel (.xlsx) lisible ; enregistrez-le à nouveau au format .xlsx',
    'sheet.unknown-sheet': (p) => `La feuille « ${p.sheet} » ne contient aucun enregistrement PHX : ses colonnes ne nomment aucun champ d’un type d’enregistrement ; nommez-la d’après ses enregistrements ou supprimez-la`,
    'sheet.date-order-unknown': (p) => `Colonne ${columnSeen(words, p.column, p)} : des dates comme ${p.example} se lisent jour d’abord ou mois d’abord, et aucune cellule ne le dit ; indiquez l’ordre des dates (day-month ou month-day), ou écrivez les dates année-mois-jour, p. ex. 2020-04-01`,
    'sheet.cell-beyond-header': (p) => `Cellule « ${p.value} » dans la colonne ${p.letter ?? words.number(p.column)}, sans intitulé : donnez à la colonne un intitulé PHX ou supprimez la cellule`,
    'sheet.column-path-missing': (p) =>
      `La ligne ${p.row} n’a pas de chemin de champ pour la colonne ${columnSeen(words, p.column, p)}, qui est donc lue comme ${words.quote(p.column)}, le champ que nomme son intitulé : saisissez ${words.quote(p.column)} ${p.letter ? `dans la cellule ${p.letter}${p.row}` : `à la ligne ${p.row} de la colonne`}, ou copiez la ligne ${p.row} d’un nouveau modèle`,
    'sheet.column-not-read': (p) =>
      `La colonne ${columnSeen(words, p.column, p)} n’est pas un champ PHX, ses cellules ne sont donc pas lues dans les données : ${p.notes ? `pour les garder, déplacez-les dans la colonne ${columnSeen(words, p.notes.column, p.notes)} ; sinon, supprimez la colonne` : 'ces enregistrements n’ont pas de champ pour elles ; supprimez la colonne, ou gardez-les dans un fichier à part'}${p.hidden ? '. La colonne est masquée dans Excel : pour la voir, sélectionnez les colonnes voisines et choisissez « Afficher »' : ''}`,
    'sheet.repeated-column': (p) => `La colonne ${columnSeen(words, p.column, p)} répète la colonne ${p.firstLetter ?? words.number(p.first)} : un champ n’a qu’une colonne, celle-ci n’est donc pas lue ; supprimez-la ou renommez-la`,
    'sheet.merged-header': (p) =>
      `La cellule d’en-tête ${p.cell} (${words.quote(p.value)}) est fusionnée sur les colonnes ${p.first} à ${p.last}, seule la colonne ${p.first} est donc lue : chaque colonne doit avoir son propre intitulé. Annulez la fusion des cellules et donnez à chaque colonne son propre chemin de champ ou intitulé${p.missing.length > 0 ? ` ; il manque à la ligne d’en-tête ${p.missing.map(words.quote).join(', ')}` : ''}`,
    'sheet.formula-without-result': (p) => `La cellule contient la formule « ${p.formula} » mais pas son résultat : le fichier a été enregistré par un programme qui ne calcule pas les formules. Ouvrez-le dans Excel et enregistrez-le à nouveau, ou saisissez la valeur`,
    'sheet.second-header': (p) => `L’en-tête du paquet est la première ligne de valeurs de la feuille « ${p.sheet} » : cette ligne en est une deuxième et n’est pas lue ; reportez ses valeurs sur cette ligne-là ou supprimez-la`,
    'sheet.error-cell': (p) => `La cellule contient l’erreur Excel ${p.value} au lieu d’une valeur : corrigez la formule qui la donne, ou saisissez la valeur`,
    'sheet.date-for-number': (p) => {
      const { day, month, year, typed, withComma } = typedAsDate(p.date);
      // A date of a CSV file, as the text Excel showed (`07.тра`); else the date of a workbook's cell.
      const [date, short] = p.text === undefined ? [`${day}/${month}/${year}`, `le ${day}/${month}`] : [p.text, p.text];
      return `Une date (${date}) là où un nombre est attendu : Excel change en date un nombre saisi avec un point (${typed} devient ${short}). Donnez à la cellule le format Nombre et saisissez de nouveau le nombre avec une virgule décimale : ${withComma}`;
    },
    'sheet.percent-unit-mismatch': (p) =>
      `La cellule affiche ${percentShown(words, p.value, '\u00a0')}, un pourcentage, mais ${p.unit === null ? 'la ligne n’indique pas d’unité' : `l’unité de la ligne est ${words.quote(p.unit)}`} : si la valeur est un pourcentage, mettez l’unité ${words.quote('percent')} ; sinon écrivez-la sans le signe %`,
    'sheet.hidden-skipped': (p) => `La feuille « ${p.sheet} » est masquée, elle n’a donc pas été lue : rien de son contenu n’est dans le paquet. Si ses enregistrements y ont leur place, affichez la feuille dans Excel (une feuille très masquée depuis l’éditeur Visual Basic) et enregistrez le fichier ; sinon supprimez la feuille`,
    'sheet.hidden-read': (p) => {
      const { list, one } = hiddenOf(words, p, ['la ligne', 'les lignes'], ['la colonne', 'les colonnes'], 'et', (n) => `et ${words.count(n)} ${n === 1 ? 'autre' : 'autres'}`);
      const [is, read, them, it] = one ? ['est masquée', 'a été lue', 'l’', 'la'] : ['sont masquées', 'ont été lues', 'les ', 'les'];
      return `Sur la feuille « ${p.sheet} », ${list} ${is} dans Excel, mais ${read} quand même : Excel ${them}écrit aussi dans un fichier CSV. Pour ${it} laisser hors du paquet, supprimez-${it}, ou déplacez-${it} sur une autre feuille et masquez celle-ci : une feuille masquée n’est pas lue`;
    },
    'sheet.normalised': (p) => `Colonne ${columnSeen(words, p.column, p)} : ${words.count(p.cells)} ${p.cells === 1 ? 'cellule lue' : 'cellules lues'} en tenant compte des formes suivantes : ${formsOf(p.forms)}`,
    'sheet.ambiguous-thousands': (p) => {
      const more = p.cells > 1 ? ` (et ${words.count(p.cells - 1)} ${p.cells === 2 ? 'autre cellule semblable' : 'autres cellules semblables'})` : '';
      return `Colonne ${columnSeen(words, p.column, p)} : ${p.text}${more} a été lu comme ${words.number(p.value)}, le point étant pris pour un séparateur de milliers, comme l’écrit Excel en espagnol. Si le point est ici une marque décimale, saisissez ${p.text.replace('.', ',')} ; si le nombre vaut bien ${words.number(p.value)}, saisissez-le sans le point : ${p.text.replace('.', '')}`;
    },
    'codelist.unknown-code': (p) => `« ${p.value} » n'est pas un code connu pour le champ ${words.quote(words.fields[fieldOfList[p.codelist] ?? 'focusAreas'])}`,
  },
};
