import zodFr from 'zod/v4/locales/fr.js';
import type { FileFormat } from '../file/format.js';
import { alternatives } from './alternatives.js';
import { categories } from './categories.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'une adresse e-mail', phone: 'un numéro de téléphone', 'date-of-birth': 'une date de naissance', name: "le nom d'une personne", address: 'une adresse personnelle', identifier: "un numéro d'écrou, de dossier ou de pièce d'identité" } as const;
const encodings = { 'utf-16le': 'UTF-16 (petit-boutiste)', 'utf-16be': 'UTF-16 (gros-boutiste)', 'windows-1251': 'Windows-1251 (cyrillique)', 'windows-1252': 'Windows-1252 (Europe occidentale)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'du JSON', ndjson: 'du NDJSON', csv: 'du CSV', xlsx: 'un classeur Excel (.xlsx)', xls: 'un classeur Excel 97-2003 (.xls)', ods: 'une feuille de calcul OpenDocument (.ods)',
  docx: 'un document Word (.docx)', pdf: 'un document PDF', zip: 'une archive zip', gzip: 'une archive gzip',
};

const forms: Record<string, string> = {
  'decimal-comma': 'virgules décimales', 'thousands-separator': 'séparateurs de milliers', 'percent-sign': 'signes %',
  'boolean-word': 'mots VRAI/FAUX', 'excel-serial': 'dates en numéro de série Excel',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `dates écrites ${form}`).join(', ');

/** French messages. */
export const fr: PhxLocale = {
  tag: 'fr',
  zod: zodFr,
  suggestion: (values) => ` ; vouliez-vous dire ${alternatives(values, 'fr', (value) => `« ${value} »`)} ?`,
  messages: {
    'file.empty': (p) => (p.blank ? "Le fichier ne contient que des lignes vides ou des espaces : il n'a aucune donnée" : 'Le fichier est vide'),
    'file.unsupported-format': (p) => `Le fichier est ${formats[p.format]}, que PHX ne lit pas ; enregistrez les données en « CSV UTF-8 », .phx.json ou .phx.ndjson`,
    'schema.required': (p) => `Champ obligatoire « ${p.field} » manquant`,
    'file.too-large': (p) => `Le fichier dépasse ${p.maxBytes} octets, trop pour être lu d'un seul tenant ; divisez-le, ou enregistrez-le en .phx.ndjson, qui se lit en flux`,
    'syntax.invalid-json': (p) => (p.token === null ? 'JSON invalide : le texte se termine trop tôt' : `JSON invalide : ${JSON.stringify(p.token)} inattendu`),
    'syntax.too-deep': (p) => `Imbrication de plus de ${p.maxDepth} niveaux`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? "Le fichier n'est pas un texte UTF-8 valide ; enregistrez-le en UTF-8"
        : `Le fichier n'est pas en UTF-8 mais en ${encodings[p.encoding]} ; enregistrez-le en UTF-8 (dans Excel : « CSV UTF-8 »)`,
    'syntax.line-too-long': (p) => `Ligne de plus de ${p.maxBytes} octets ; ignorée`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'La ligne n\'a pas de "type"' : `Type d'enregistrement inconnu ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => "L'en-tête du paquet ne peut être que la première ligne",
    'csv.no-header': (p) =>
      p.type === null
        ? "La première ligne n'est pas un en-tête de colonnes PHX (par exemple id, indicator, period.start), le type d'enregistrement est donc inconnu ; ajoutez la ligne d'en-tête"
        : `La première ligne n'est pas un en-tête de colonnes ${p.type} ; ajoutez la ligne d'en-tête`,
    'csv.no-rows': () => "Le fichier a une ligne d'en-tête mais aucune ligne de données",
    'unique.duplicate-id': (p) => `Identifiant ${p.recordType} « ${p.id} » en double (première fois : ${p.first})`,
    'unique.duplicate-breakdown': (p) => `Une deuxième observation pour ${categories(p.categories) || 'le total'} du même indicateur, champ, période et source de données (première fois : ${p.first})`,
    'ref.unknown-organisation': (p) => `Aucune organisation d'identifiant « ${p.id} » dans le paquet`,
    'ref.unknown-facility': (p) => `Aucun établissement d'identifiant « ${p.id} » dans le paquet`,
    'ref.unknown-indicator': (p) => `L'indicateur « ${p.code} » n'est ni dans le catalogue ni défini dans le paquet`,
    'ref.country-mismatch': (p) => `L'établissement « ${p.facility} » est en ${p.facilityCountry}, mais l'observation indique ${p.country}`,
    'indicator.unit-mismatch': (p) => `L'unité « ${p.unit} » ne correspond pas à celle de « ${p.indicator} » (« ${p.expected} »)`,
    'observation.value-missing': () => 'Aucune valeur : indiquez "value" ou marquez l\'observation "suppressed"',
    'observation.denominator-missing': (p) => `L'indicateur « ${p.indicator} » demande un dénominateur en plus du numérateur`,
    'arith.numerator-exceeds-denominator': (p) => `Le numérateur ${p.numerator} dépasse le dénominateur ${p.denominator}`,
    'arith.zero-denominator': () => 'Le dénominateur vaut 0',
    'arith.value-mismatch': (p) => `La valeur ${p.value} ne concorde pas avec le numérateur et le dénominateur (attendu ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Le pourcentage ${p.value} est hors de 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} n'est pas un nombre entier`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `L'intervalle de confiance ${p.lower}–${p.upper} est inversé` : `La valeur ${p.value} est hors de son intervalle de confiance ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `La période commence (${p.start}) après sa fin (${p.end})`,
    'period.in-future': (p) => `La période se termine dans le futur (${p.end} ; nous sommes le ${p.today})`,
    'meeting.end-before-start': (p) => `La réunion se termine (${p.end}) avant de commencer (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Action à échéance du ${p.due}, avant la réunion (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `L'indicateur « ${p.indicator} » ne peut pas être ventilé par ${p.dimension}`,
    'disagg.exceeds-total': (p) => `Les ${p.field === 'denominator' ? 'dénominateurs' : 'numérateurs'} par ${p.dimension} totalisent ${p.sum}, plus que le total ${p.total}`,
    'disagg.below-total': (p) => `Les ${p.field === 'denominator' ? 'dénominateurs' : 'numérateurs'} par ${p.dimension} totalisent ${p.sum}, moins que le total ${p.total} : manque-t-il une catégorie ?`,
    'package.placeholder': (p) => `« ${p.value} » est un exemple du paquet de départ : remplacez-le par votre valeur`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} est sous le seuil de masquage ${p.threshold} : marquez l'observation "suppressed" et omettez le nombre`,
    'privacy.suppressed-value-present': (p) => `L'observation est masquée, mais ${p.field} est encore indiqué`,
    'privacy.complementary-disclosure': (p) => `Ce nombre masqué se déduit du total et des autres catégories par ${p.dimension} : masquez une catégorie de plus, ou le total`,
    'privacy.personal-data': (p) => `Ce texte semble contenir ${kinds[p.kind]} ; ne partagez pas de données personnelles`,
    'sheet.unreadable': () => 'Le fichier n’est pas un classeur Excel (.xlsx) lisible ; enregistrez-le à nouveau au format .xlsx',
    'sheet.unknown-sheet': (p) => `La feuille « ${p.sheet} » ne contient aucun enregistrement PHX : ses colonnes ne nomment aucun champ d’un type d’enregistrement ; nommez-la d’après ses enregistrements ou supprimez-la`,
    'sheet.date-order-unknown': (p) => `Colonne « ${p.column} » : des dates comme ${p.example} se lisent jour d’abord ou mois d’abord, et aucune cellule ne le dit ; indiquez l’ordre des dates (day-month ou month-day)`,
    'sheet.normalised': (p) => `Colonne « ${p.column} » : ${p.cells} cellules lues depuis ${formsOf(p.forms)}`,
    'codelist.unknown-code': (p) => `« ${p.value} » n'est pas un code connu de la liste ${p.codelist}`,
  },
};
