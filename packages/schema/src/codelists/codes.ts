/**
 * The codes of every PHX codelist, without their labels, so that a bundle that only
 * validates does not carry the labels (those live in `@phx/schema/codelists`).
 *
 * A closed list is enforced by the schema (JSON Schema `enum`); an unknown code is an error.
 * An open list accepts any well-formed code; `validate()` warns about codes it does not know.
 */

/** ISO 3166-1 alpha-2 country codes (officially assigned). */
export const countryCodes = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;

/** Kinds of organisation in the network. */
export const organisationTypeCodes = [
  'ngo',
  'community-based',
  'plhiv-network',
  'faith-based',
  'academic',
  'government',
  'un-intergovernmental',
  'other',
] as const;

/**
 * The 15 key interventions of the comprehensive package for prisons and other closed settings
 * (in the 2012 policy brief's order), the further interventions the 2020 update names, and the
 * other kinds of work the network's organisations do.
 */
export const focusAreaCodes = [
  'information-education-communication',
  'hiv-testing-counselling',
  'hiv-treatment-care-support',
  'tuberculosis',
  'pmtct',
  'condom-programmes',
  'sti-prevention-treatment',
  'sexual-violence-prevention',
  'drug-dependence-treatment-ost',
  'needle-syringe-programmes',
  'viral-hepatitis',
  'post-exposure-prophylaxis',
  'medical-dental-transmission',
  'tattooing-piercing-transmission',
  'staff-occupational-safety',
  'nutrition',
  'mental-health',
  'intimate-visits',
  'social-protection',
  'palliative-care',
  'compassionate-release',
  'legal-aid',
  'reintegration-housing',
  'stigma-reduction',
  'advocacy',
  'research',
] as const;

/**
 * Groups of people an organisation serves or an observation describes. `people-in-prison` is the population the
 * WHO SMART guidelines for HIV code `HIV.B.DE55` ("People living in prisons and other closed settings") in the
 * code system `http://smart.who.int/hiv/CodeSystem/HIVConcepts`.
 */
export const populationCodes = [
  'people-in-prison',
  'people-released-from-prison',
  'women-in-prison',
  'young-people-in-detention',
  'prison-staff',
  'people-who-inject-drugs-in-prison',
  'people-living-with-hiv-in-prison',
  'families-of-people-in-prison',
] as const;

/** Regions used by the network to group its members. */
export const regionCodes = [
  'eastern-southern-africa',
  'west-central-africa',
  'middle-east-north-africa',
  'asia-pacific',
  'eastern-europe-central-asia',
  'western-central-europe',
  'north-america',
  'latin-america',
  'caribbean',
] as const;

/** Kinds of prison or other closed setting. */
export const facilityTypeCodes = [
  'prison',
  'pre-trial-detention',
  'juvenile',
  'women',
  'immigration-detention',
  'compulsory-drug-detention',
  'other',
] as const;

/** Who runs a facility. */
export const facilityOperatorCodes = ['public', 'private'] as const;

/** Sex categories for disaggregation (`all` is the total). */
export const sexCodes = ['female', 'male', 'transgender', 'other', 'unknown', 'all'] as const;

/** Age groups for disaggregation (`all` is the total). */
export const ageGroupCodes = ['<18', '18-24', '<25', '25+', '25-49', '50+', 'all'] as const;

/** Where a reported value comes from. */
export const dataSourceCodes = ['routine-programme-data', 'survey', 'study', 'estimate'] as const;

/** Units of indicator values. */
export const unitCodes = ['percent', 'count', 'rate-per-100000', 'rate-per-10000'] as const;

/** Frameworks that define indicators. */
export const frameworkCodes = ['unaids-gam', 'who', 'who-europe-hipeds', 'unodc', 'phx'] as const;

/** Dimensions an observation can be disaggregated by. */
export const disaggregationDimensionCodes = ['sex', 'ageGroup', 'population'] as const;

/** Common issues that meetings of the network identify. */
export const meetingIssueCodes = [
  'access-to-people-in-prison',
  'lack-of-data',
  'stigma',
  'political-apathy',
  'funding',
  'criminalisation',
  'continuity-of-care-after-release',
  'covid-19',
] as const;

/** How a meeting is held. */
export const meetingFormatCodes = ['in-person', 'virtual', 'hybrid'] as const;

/** State of an action item. */
export const actionStatusCodes = ['open', 'in-progress', 'done', 'cancelled'] as const;

/** Kinds of document attached to a meeting. */
export const documentTypeCodes = ['report', 'agenda', 'minutes', 'presentation', 'other'] as const;

/** How an indicator value is calculated from its numerator and denominator. */
export const calculationCodes = ['count', 'proportion', 'ratio', 'rate'] as const;

/**
 * Every codelist, by id, with its codes and whether it is open.
 *
 * @example
 * ```ts
 * import { codelists } from '@phx/schema';
 * codelists.sex.codes.includes('female'); // true
 * codelists.focusArea.open; // true
 * ```
 */
export const codelists = {
  country: { open: false, codes: countryCodes },
  organisationType: { open: false, codes: organisationTypeCodes },
  focusArea: { open: true, codes: focusAreaCodes },
  population: { open: true, codes: populationCodes },
  region: { open: true, codes: regionCodes },
  facilityType: { open: false, codes: facilityTypeCodes },
  facilityOperator: { open: false, codes: facilityOperatorCodes },
  sex: { open: false, codes: sexCodes },
  ageGroup: { open: false, codes: ageGroupCodes },
  dataSource: { open: false, codes: dataSourceCodes },
  unit: { open: false, codes: unitCodes },
  framework: { open: true, codes: frameworkCodes },
  disaggregationDimension: { open: false, codes: disaggregationDimensionCodes },
  meetingIssue: { open: true, codes: meetingIssueCodes },
  meetingFormat: { open: false, codes: meetingFormatCodes },
  actionStatus: { open: false, codes: actionStatusCodes },
  documentType: { open: false, codes: documentTypeCodes },
  calculation: { open: false, codes: calculationCodes },
} as const;

/**
 * The id of a codelist, e.g. `'sex'` or `'focusArea'`.
 */
export type CodelistId = keyof typeof codelists;

/**
 * The codes of one codelist, e.g. `Code<'sex'>` is `'female' | 'male' | ...`.
 */
export type Code<Id extends CodelistId> = (typeof codelists)[Id]['codes'][number];
