import * as z from 'zod';
import { describe } from '../model/common.js';
import type { Locale } from '../locales/index.js';
import { ExportNote, ValidationIssue } from './results.js';

/**
 * Where the problem types of the exchange API are documented: a problem's `type` is this plus its slug.
 */
export const PROBLEM_BASE = 'https://phx-network.github.io/phx/problems/';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * What the contract says about a problem type: the HTTP status it is sent with, its title in every
 * locale, and when the hub sends it.
 */
export interface ProblemTypeInfo {
  status: number;
  title: Record<Locale, string>;
  /** When the hub sends it (English, for the OpenAPI document and the docs). */
  summary: string;
}

/**
 * Every problem type the hub sends, by slug: the one table that maps a domain failure to HTTP.
 * A slug is never reused for another meaning.
 *
 * @example
 * ```ts
 * import { problemTypes } from '@phx/schema/api';
 * problemTypes['idempotency-key-reused'].status; // 422, like 'validation-failed', but a different slug
 * problemTypes['validation-failed'].title.fr; // 'Échec de la validation'
 * ```
 */
export const problemTypes = {
  'bad-request': {
    status: 400,
    title: { en: 'Bad request', ru: 'Некорректный запрос', uk: 'Некоректний запит', fr: 'Requête incorrecte', es: 'Solicitud incorrecta' },
    summary: 'The request is malformed: bad JSON, an unknown query parameter, a bad cursor.',
  },
  unauthorised: {
    status: 401,
    title: { en: 'Unauthorised', ru: 'Нет доступа', uk: 'Немає доступу', fr: 'Non autorisé', es: 'No autorizado' },
    summary: 'No bearer token, or one the hub does not know, has revoked or is past its expiry.',
  },
  forbidden: {
    status: 403,
    title: { en: 'Forbidden', ru: 'Запрещено', uk: 'Заборонено', fr: 'Interdit', es: 'Prohibido' },
    summary: "The token's role or organisation may not write this record.",
  },
  'not-found': {
    status: 404,
    title: { en: 'Not found', ru: 'Не найдено', uk: 'Не знайдено', fr: 'Introuvable', es: 'No encontrado' },
    summary: 'No such record, or no such path.',
  },
  'method-not-allowed': {
    status: 405,
    title: { en: 'Method not allowed', ru: 'Метод не разрешён', uk: 'Метод не дозволено', fr: 'Méthode non autorisée', es: 'Método no permitido' },
    summary: 'The path is one of the API, but not for this method; `Allow` lists the methods it takes.',
  },
  conflict: {
    status: 409,
    title: { en: 'Conflict', ru: 'Конфликт', uk: 'Конфлікт', fr: 'Conflit', es: 'Conflicto' },
    summary: 'The record exists already, or other records refer to it.',
  },
  'precondition-failed': {
    status: 412,
    title: { en: 'Precondition failed', ru: 'Условие не выполнено', uk: 'Умову не виконано', fr: 'Précondition non remplie', es: 'Condición previa no cumplida' },
    summary: 'If-Match is stale: the record changed since it was read. The problem carries the current `etag`.',
  },
  'payload-too-large': {
    status: 413,
    title: { en: 'Payload too large', ru: 'Слишком большой запрос', uk: 'Завеликий запит', fr: 'Contenu trop volumineux', es: 'Contenido demasiado grande' },
    summary: 'The body, or the number of records in a package or a file to validate, exceeds the limits of the hub; or a workbook to validate would take more memory to read than the hub has at hand.',
  },
  'unsupported-media-type': {
    status: 415,
    title: { en: 'Unsupported media type', ru: 'Неподдерживаемый тип данных', uk: 'Непідтримуваний тип даних', fr: 'Type de média non pris en charge', es: 'Tipo de contenido no admitido' },
    summary: 'The body is not sent as a media type the operation takes (a PATCH names those in `Accept-Patch`), or is sent in a content coding the hub does not decode (`Content-Encoding: gzip`; `Accept-Encoding: identity` says so).',
  },
  'request-timeout': {
    status: 408,
    title: { en: 'Request timeout', ru: 'Время ожидания запроса истекло', uk: 'Час очікування запиту вичерпано', fr: "Délai d'attente de la requête dépassé", es: 'Tiempo de espera de la solicitud agotado' },
    summary: 'The request took too long to arrive; the hub closed the connection.',
  },
  'headers-too-large': {
    status: 431,
    title: { en: 'Request headers too large', ru: 'Слишком большие заголовки запроса', uk: 'Завеликі заголовки запиту', fr: 'En-têtes de requête trop volumineux', es: 'Encabezados de la solicitud demasiado grandes' },
    summary: 'The request headers, or the URL, exceed what the hub reads.',
  },
  'validation-failed': {
    status: 422,
    title: { en: 'Validation failed', ru: 'Данные не прошли проверку', uk: 'Дані не пройшли перевірку', fr: 'Échec de la validation', es: 'Validación fallida' },
    summary: 'The data is invalid; the problem carries the validation `issues` (up to the listing limit of the hub) and the counts of errors and warnings.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: { en: 'Idempotency key reused', ru: 'Ключ идемпотентности уже использован', uk: 'Ключ ідемпотентності вже використано', fr: "Clé d'idempotence déjà utilisée", es: 'Clave de idempotencia reutilizada' },
    summary: 'The Idempotency-Key was used before for a different request; a new request needs a new key.',
  },
  'export-too-large': {
    status: 422,
    title: { en: 'Export too large', ru: 'Слишком большая выгрузка', uk: 'Завелике вивантаження', fr: 'Export trop volumineux', es: 'Exportación demasiado grande' },
    summary: 'The filters of an export select more observations than the hub exports at once; narrow them.',
  },
  'export-empty': {
    status: 422,
    title: { en: 'Nothing to export', ru: 'Нечего выгружать', uk: 'Нічого вивантажувати', fr: 'Rien à exporter', es: 'Nada que exportar' },
    summary: 'A DHIS2 export would send no data value: the filters select no observation, or the mapping has no place for any of those they select. No file is made; the problem carries the export `notes` that say why.',
  },
  'precondition-required': {
    status: 428,
    title: { en: 'Precondition required', ru: 'Требуется условие', uk: 'Потрібна умова', fr: 'Précondition requise', es: 'Se requiere una condición previa' },
    summary: 'If-Match is missing.',
  },
  'rate-limited': {
    status: 429,
    title: { en: 'Too many requests', ru: 'Слишком много запросов', uk: 'Забагато запитів', fr: 'Trop de requêtes', es: 'Demasiadas solicitudes' },
    summary: 'The token made too many requests; `Retry-After` says when to try again.',
  },
  'internal-error': {
    status: 500,
    title: { en: 'Internal server error', ru: 'Внутренняя ошибка сервера', uk: 'Внутрішня помилка сервера', fr: 'Erreur interne du serveur', es: 'Error interno del servidor' },
    summary: 'The hub failed; quote the request id to its operator.',
  },
} as const satisfies Record<string, ProblemTypeInfo>;

/**
 * The slug of a problem type, e.g. `validation-failed`.
 *
 * @example
 * ```ts
 * import { problemTypes, type ProblemSlug } from '@phx/schema/api';
 * const retryable = (Object.keys(problemTypes) as ProblemSlug[]).filter((slug) => problemTypes[slug].status >= 500);
 * ```
 */
export type ProblemSlug = keyof typeof problemTypes;

/** A record of an import that the token may not write. */
export const ForbiddenRecord = describe(
  z.object({
    pointer: describe(z.string(), 'JSON Pointer of the record in the package.'),
    owner: describe(z.string(), 'The organisation that owns it.'),
  }),
  'A record of an import that the token may not write.',
);

/** Fields of a problem beside RFC 9457's, by slug. */
const extensions = {
  forbidden: {
    forbidden: describe(z.array(ForbiddenRecord).max(20), 'Records of an import the token may not write (at most 20).').optional(),
  },
  'precondition-failed': {
    etag: describe(z.string(), 'The current ETag of the record.'),
  },
  'export-empty': {
    notes: describe(z.array(ExportNote), 'The notes of the export, as `Export-Notes` lists those of a file: the error that no file is made, and the warnings that say why.'),
  },
  'validation-failed': {
    issues: describe(z.array(ValidationIssue), 'The issues found, errors and warnings, up to the listing limit of the hub.'),
    errors: describe(z.int().min(0), 'Errors found, including those past the listing limit; when checking stopped once the list was full, those of the part checked (the detail then says "at least").'),
    warnings: describe(z.int().min(0), 'Warnings found, including those past the listing limit; when checking stopped, those of the part checked.'),
    truncated: describe(z.boolean(), 'True when `issues` leaves some out: past the listing limit, or because checking stopped once the list was full and an error was found.'),
  },
} satisfies Partial<Record<ProblemSlug, z.ZodRawShape>>;

type ExtensionOf<S extends ProblemSlug> = S extends keyof typeof extensions ? (typeof extensions)[S] : Record<never, never>;

const pascal = (slug: string) => slug.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase());

function problemSchema<S extends ProblemSlug>(slug: S) {
  const { status, summary } = problemTypes[slug];
  // Open, not strict: a hub may add fields to a problem, as RFC 9457 allows.
  const schema = z.object({
    type: describe(z.literal(`${PROBLEM_BASE}${slug}` as `${typeof PROBLEM_BASE}${S}`), 'URI of the problem type.'),
    title: describe(z.string(), 'Title of the problem type, in the language asked for with Accept-Language.'),
    status: describe(z.literal(status as (typeof problemTypes)[S]['status']), 'The HTTP status.'),
    detail: describe(z.string(), 'What went wrong in this request, and what to do.').optional(),
    instance: describe(z.string(), 'The path of the request.').optional(),
    requestId: describe(z.string(), 'The X-Request-Id of the request; quote it to the operator.').optional(),
    ...((extensions as Record<string, z.ZodRawShape>)[slug] as ExtensionOf<S>),
  });
  return describe(schema, `${problemTypes[slug].title.en}: ${summary}`, { id: `${pascal(slug)}Problem` });
}

/** The schema of a problem document of a type. */
type ProblemSchema<S extends ProblemSlug> = ReturnType<typeof problemSchema<S>>;

/**
 * The schema of the problem document of each type, by slug.
 *
 * @example
 * ```ts
 * import { problemSchemas } from '@phx/schema/api';
 * const problem = problemSchemas['precondition-failed'].parse(await response.json());
 * console.log(`changed meanwhile; now ${problem.etag}`);
 * ```
 */
export const problemSchemas: { readonly [S in ProblemSlug]: ProblemSchema<S> } = Object.fromEntries(
  (Object.keys(problemTypes) as ProblemSlug[]).map((slug) => [slug, problemSchema(slug)]),
) as { [S in ProblemSlug]: ProblemSchema<S> };

/**
 * The problem document of a type (or of any type): RFC 9457 fields, plus `issues`, `etag` or
 * `forbidden` where the type has them.
 *
 * @example
 * ```ts
 * import type { ProblemDocument } from '@phx/schema/api';
 * const explain = (problem: ProblemDocument) =>
 *   problem.type === 'https://phx-network.github.io/phx/problems/validation-failed'
 *     ? problem.issues.map((issue) => issue.message).join('\n')
 *     : problem.detail;
 * ```
 */
export type ProblemDocument<S extends ProblemSlug = ProblemSlug> = { [T in S]: z.infer<ProblemSchema<T>> }[S];

/** Every problem document the hub sends, told apart by `type`. */
export const Problem = describe(
  z.discriminatedUnion('type', Object.values(problemSchemas) as unknown as [ProblemSchema<ProblemSlug>, ...ProblemSchema<ProblemSlug>[]]),
  'An error, as RFC 9457 problem details (application/problem+json); `type` tells which.',
);

/**
 * The slug of a problem `type` URI, or undefined when the type is not one of the exchange API's.
 *
 * @example
 * ```ts
 * import { slugOf } from '@phx/schema/api';
 * slugOf('https://phx-network.github.io/phx/problems/not-found'); // 'not-found'
 * slugOf('about:blank'); // undefined
 * ```
 */
export function slugOf(type: string): ProblemSlug | undefined {
  const slug = type.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : undefined;
  return slug !== undefined && Object.hasOwn(problemTypes, slug) ? (slug as ProblemSlug) : undefined;
}
