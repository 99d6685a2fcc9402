import { renderMessage } from '@phx/schema';
import { plural } from './plural.js';
import { orgUnitEntry } from './org-unit.js';
import { resourceSkipped } from './resources.js';
import type { InteropLocale, ResourceSkippedTexts } from './types.js';

const collections = { organisation: 'les organisations', facility: 'les établissements', indicator: 'les définitions d’indicateurs', observation: 'les observations', meeting: 'les réunions' } as const;
const skipped: ResourceSkippedTexts = {
  Organization: ['une Organization sans {} est ignorée', { identifier: 'identifiant d’organisation PHX', name: 'nom' }],
  Measure: ['une Measure sans {} n’est pas lue comme définition d’indicateur', { title: 'titre', description: 'description', unit: 'unité connue de PHX' }],
  MeasureReport: [
    'un MeasureReport sans {} est ignoré',
    { measure: 'measure', reporter: 'reporter à identifiant PHX', subject: 'subject (une Location avec son pays)', period: 'période lisible (début et fin)' },
  ],
  stratum: ['une strate dont la valeur n’est pas un code de ventilation PHX est ignorée', { breakdown: '' }],
};
const parts = { numerator: 'le numérateur fractionnaire est omis', denominator: 'le dénominateur fractionnaire est omis' } as const;
const withheld = {
  value: 'la valeur d’une observation masquée n’est pas transmise (data-absent-reason "masked")',
  numerator: 'le numérateur d’une observation masquée n’est pas transmis (data-absent-reason "masked")',
  confidenceInterval: 'l’intervalle de confiance d’une observation masquée n’est pas transmis : ses bornes trahiraient la valeur masquée',
} as const;
const partNames = { value: 'la valeur', numerator: 'le numérateur', denominator: 'le dénominateur' } as const;
const leftOut = {
  value: 'la valeur',
  numerator: 'le numérateur',
  confidenceInterval: 'l’intervalle de confiance (ses bornes trahiraient la valeur)',
} as const;

/** French texts. */
export const fr: InteropLocale = {
  tag: 'fr',
  notes: {
    'field-not-carried': (p) => `${p.target} n’a pas de place pour le champ ${p.field}`,
    'record-not-carried': (p) => `${p.target} n’a pas de place pour ${collections[p.recordType]}`,
    'import.invalid-json': (p) => `le fichier n’est pas du JSON : erreur à la ligne ${p.line}, colonne ${p.column}`,
    'import.header-missing': (p) =>
      p.field === 'publisher'
        ? 'la source ne nomme pas l’éditeur du paquet : indiquez-le (phx import --publisher <identifiant de l’organisation>)'
        : 'la source ne nomme pas la licence des données : indiquez-la (phx import --license CC-BY-4.0)',
    'import.unclosed-quote': (p) => `un guillemet (") ouvert dans la colonne ${p.column} n’est jamais fermé : tout le reste du fichier a été lu dans cette seule cellule, à partir de « ${p.value} » ; fermez le guillemet ou supprimez-le`,
    'import.text-after-quote': (p) => `la cellule de la colonne ${p.column} commence par un guillemet (") et contient du texte après le guillemet qui la ferme (${p.value}) : les cellules et les lignes suivantes ont pu être lues dans cette seule cellule ; doublez les guillemets à l’intérieur de la cellule ("") ou supprimez-les`,
    'import.value-worked-out': (p) => `aucune valeur n’était donnée pour ${p.indicator} : elle a été calculée ${p.from === 'numerator' ? 'à partir du numérateur' : 'à partir du numérateur et du dénominateur'}`,
    'import.withheld-figure-left-out': (p) => `la source marque l’observation comme masquée mais en donne ${leftOut[p.field]} : ce champ est écarté, pour que PHX ne le publie jamais`,
    'fhir.count-not-integer': (p) => `un effectif de population FHIR est un nombre entier : ${parts[p.field]}`,
    'fhir.suppressed-value-withheld': (p) => withheld[p.field],
    'fhir.unknown-indicator': (p) => `l’indicateur « ${p.indicator} » n’est ni dans le catalogue ni dans le paquet : sa Measure ne porte que son adresse`,
    'fhir.not-a-bundle': () => 'l’entrée n’est pas un Bundle FHIR (resourceType "Bundle")',
    'fhir.entry-unreadable': () => 'une entrée du Bundle sans ressource est ignorée',
    'fhir.resource-skipped': (p) => resourceSkipped(skipped, p),
    'fhir.default-data-source': () => 'un MeasureReport sans source de données PHX est lu comme données de programme de routine',
    'fhir.subject-unknown': (p) => `le MeasureReport porte sur la Location « ${p.location} », qui n’est ni un établissement, ni une zone infranationale, ni un pays PHX : il est ignoré plutôt que lu comme un chiffre du pays entier`,
    'fhir.report-skipped': (p) =>
      p.reason === 'status'
        ? p.value === 'pending'
          ? `le statut du MeasureReport est « ${p.value} » : ses chiffres peuvent encore changer ; il est donc ignoré (importez-le à nouveau une fois terminé)`
          : `le statut du MeasureReport est « ${p.value} » : selon FHIR, ses chiffres ne sont pas fiables ; il est donc ignoré`
        : `le MeasureReport est de type « ${p.value} », et non « summary » : il porte sur des personnes, pas sur des chiffres agrégés ; il est donc ignoré`,
    'fhir.score-unit-unlike': (p) => `le measureScore est exprimé en « ${p.code} », et non en « ${p.expected} » comme son indicateur : sa valeur n’est pas reprise (elle est calculée à partir du numérateur et du dénominateur s’ils sont donnés)`,
    'fhir.group-skipped': (p) => `le groupe « ${p.group} » du MeasureReport est ignoré : PHX lit le seul groupe sans code comme le chiffre d’ensemble, ses strates comme les ventilations, et ne peut pas dire ce que compte ce groupe`,
    'dhis2.mapping-invalid': (p) => `fichier de correspondance, ${p.pointer || '/'} : ${renderMessage(p.problem, p.problemParams, 'fr')}`,
    'dhis2.mapping-not-a-uid': (p) => `fichier de correspondance, ${p.pointer} : « ${p.value} » n’est pas un UID DHIS2 (une lettre, puis dix lettres ou chiffres) ; pour des codes, indiquez "idScheme": "code"`,
    'dhis2.unmapped-indicator': (p) => `la correspondance n’a pas d’élément de données pour l’indicateur « ${p.indicator} »`,
    'dhis2.unmapped-scope': (p) => `la correspondance n’a pas d’unité d’organisation pour ${p.place} : ses observations ne sont donc pas envoyées ; ajoutez ${orgUnitEntry(p, '<son code ou UID DHIS2>')} à "orgUnits" dans le fichier de correspondance (phx export --mapping <fichier.json>)`,
    'dhis2.unmapped-period': (p) => `la période ${p.start} – ${p.end} n’est pas une période calendaire DHIS2 et la correspondance ne la nomme pas`,
    'dhis2.suppressed-not-sent': () => 'DHIS2 ne sait pas marquer une valeur masquée : l’observation masquée n’est pas envoyée',
    'dhis2.unmapped-part': (p) => `la correspondance n’a pas d’élément de données pour ${partNames[p.part]} de l’indicateur « ${p.indicator} » : cette partie n’est pas envoyée`,
    'dhis2.unmapped-breakdown': (p) => `la correspondance n’a pas de combinaison d’options de catégorie de ${p.dataElement} pour la ventilation ${p.breakdown}`,
    'dhis2.not-a-data-value-set': () => 'l’entrée n’est pas un ensemble de valeurs DHIS2 (un objet avec "dataValues")',
    'dhis2.reporter-missing': () => 'les valeurs DHIS2 ne disent pas qui les déclare : indiquez l’organisation qui les déclare et les publie (phx import --publisher <identifiant de l’organisation>), ou nommez-la dans la correspondance ("reportingOrganisation")',
    'dhis2.unmapped-value': (p) => `la correspondance n’a pas d’indicateur pour l’élément de données ${p.dataElement} avec la combinaison d’options de catégorie ${p.categoryOptionCombo}`,
    'dhis2.value-skipped': (p) => {
      switch (p.reason) {
        case 'data-element':
          return 'une valeur sans élément de données est ignorée';
        case 'org-unit':
          return p.value === undefined ? 'une valeur sans unité d’organisation est ignorée' : `l’unité d’organisation ${p.value} n’est pas dans la correspondance : ses valeurs sont ignorées`;
        case 'period':
          return p.value === undefined ? 'une valeur sans période est ignorée' : `« ${p.value} » n’est pas une période DHIS2 que la correspondance sait lire : ses valeurs sont ignorées`;
        case 'number':
          return `une valeur qui n’est pas un nombre positif ou nul écrit comme en DHIS2 (« ${p.value ?? ''} » ; 28.7 ou 1320 : sans virgule décimale ni séparateur des milliers) est ignorée`;
      }
    },
    'dhis2.value-conflict': (p) => `l’élément de données ${p.dataElement} (combinaison d’options de catégorie ${p.categoryOptionCombo}) a deux valeurs pour ${p.orgUnit}, ${p.period}, peut-être de deux combinaisons d’options d’attribut, qui n’ont pas de place en PHX : la première, ${p.kept}, est gardée, et ${p.dropped} est ignorée`,
    'dhis2.deleted-skipped': () => 'une valeur que DHIS2 marque comme supprimée est ignorée',
    'dhis2.duplicate-key': () => 'une autre observation donne les mêmes valeurs DHIS2 (élément de données, période, unité d’organisation et combinaison d’options de catégorie : elles ne diffèrent que par des champs que DHIS2 ne transmet pas, comme l’organisation déclarante) : seule la première est envoyée',
    'dhis2.nothing-to-send': () => 'aucune observation n’a pu être envoyée à DHIS2, aucun fichier n’est créé : les avertissements disent pourquoi',
    'sdmx.not-sdmx-csv': () => 'l’entrée n’est pas du SDMX-CSV : sa première colonne n’a pas l’en-tête STRUCTURE (ou DATAFLOW)',
    'sdmx.delete-skipped': () => 'une ligne qui supprime des données (ACTION D) est ignorée',
    'sdmx.row-skipped': (p) =>
      p.value === undefined
        ? `une ligne sans ${p.column} est ignorée`
        : p.column === 'TIME_PERIOD'
          ? `une ligne dont TIME_PERIOD vaut « ${p.value} », qui n'est pas une période écrite comme en SDMX (2020, 2020-Q1, 2020-01, 2020-01-31), est ignorée : un tableur a pu réécrire la date`
          : `une ligne dont ${p.column} vaut « ${p.value} », un code inconnu de PHX, est ignorée`,
    'sdmx.value-skipped': (p) =>
      p.column === 'UNIT_MULT'
        ? `UNIT_MULT « ${p.value} » n’est pas une puissance de dix entière (3 pour les milliers) : la valeur de la ligne est ignorée, le reste de la ligne est lu`
        : `${p.column} « ${p.value} » n’est pas un nombre positif ou nul écrit comme en SDMX-CSV (28.7 ou 1320 : sans virgule décimale ni séparateur des milliers) : il est ignoré, le reste de la ligne est lu`,
    'sdmx.code-replaced': (p) => (p.value === undefined ? `une ligne sans ${p.column} est lue comme « ${p.used} »` : `${p.column} « ${p.value} » est un code inconnu de PHX : la ligne est lue comme « ${p.used} »`),
    'sdmx.column-not-read': (p) => `la colonne ${p.column} ne fait pas partie de la structure de données PHX : ses cellules ne sont pas lues`,
    'sdmx.duplicate-key': () => 'une autre observation a la même clé SDMX (elles ne diffèrent que par des champs hors de la clé, comme la zone infranationale) : seule la première est envoyée',
    'sdmx.code-not-an-id': (p) => `le code ${p.dimension} « ${p.code} » contient des caractères qu’un identifiant SDMX n’admet pas`,
  },
  punctuation: { colon: ' : ', semicolon: ' ; ' },
  examples: {
    record: (count) => plural('fr', count, { one: 'enregistrement', other: 'enregistrements' }),
    row: (count) => plural('fr', count, { one: 'ligne', other: 'lignes' }),
    pointer: (count) => plural('fr', count, { one: 'élément', other: 'éléments' }),
  },
  gam: {
    title: (country, year) => `Préparation au rapport ONUSIDA GAM : ${country}, ${year}`,
    columns: { indicator: 'Indicateur', name: 'Nom', status: 'État', observations: 'Observations', suppressed: 'Masquées', missingBreakdowns: 'Ventilations manquantes' },
    status: { complete: 'complet', present: 'incomplet', suppressed: 'masqué seulement', missing: 'absent' },
    onlyPartialFigures: "Seulement des chiffres d'une partie du pays ou de l'année",
    counts: (c) => `complets : ${c.complete}, incomplets : ${c.present}, masqués seulement : ${c.suppressed}, absents : ${c.missing}`,
    nothingFor: (country, year, held) => `Le paquet ne contient aucune observation pour le pays ${country} en ${year}. Pays du paquet : ${held.countries.join(', ')} ; années : ${held.years.join(', ')}`,
  },
};
