import zodUk from 'zod/v4/locales/uk.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'адресу електронної пошти', phone: 'номер телефону', 'date-of-birth': 'дату народження' } as const;

/** Ukrainian messages. */
export const uk: PhxLocale = {
  tag: 'uk',
  zod: zodUk,
  messages: {
    'schema.required': (p) => `Немає обов’язкового поля «${p.field}»`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Недійсний JSON: текст обривається' : `Недійсний JSON: неочікуваний символ ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Вкладеність глибша за ${p.maxDepth} рівнів`,
    'syntax.invalid-encoding': () => 'Файл не в кодуванні UTF-8; збережіть його в UTF-8',
    'syntax.line-too-long': (p) => `Рядок довший за ${p.maxBytes} байтів; пропущено`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'У рядку немає поля "type"' : `Невідомий тип запису ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'Заголовок пакета може бути лише першим рядком',
    'unique.duplicate-id': (p) => `Повторюваний ідентифікатор ${p.recordType} «${p.id}» (уперше: ${p.first})`,
    'ref.unknown-organisation': (p) => `У пакеті немає організації з ідентифікатором «${p.id}»`,
    'ref.unknown-facility': (p) => `У пакеті немає установи з ідентифікатором «${p.id}»`,
    'ref.unknown-indicator': (p) => `Індикатора «${p.code}» немає ні в каталозі, ні в пакеті`,
    'ref.country-mismatch': (p) => `Установа «${p.facility}» розташована в ${p.facilityCountry}, а в спостереженні зазначено ${p.country}`,
    'indicator.unit-mismatch': (p) => `Одиниця «${p.unit}» не збігається з одиницею індикатора «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': () => 'Немає значення: зазначте "value" або позначте спостереження як "suppressed"',
    'observation.denominator-missing': (p) => `Для індикатора «${p.indicator}» крім чисельника потрібен знаменник`,
    'arith.numerator-exceeds-denominator': (p) => `Чисельник ${p.numerator} більший за знаменник ${p.denominator}`,
    'arith.zero-denominator': () => 'Знаменник дорівнює 0',
    'arith.value-mismatch': (p) => `Значення ${p.value} не узгоджується з чисельником і знаменником (очікувалося ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Відсоток ${p.value} поза межами 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} — не ціле число`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `Межі довірчого інтервалу ${p.lower}–${p.upper} переплутано` : `Значення ${p.value} поза довірчим інтервалом ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `Період починається (${p.start}) після свого завершення (${p.end})`,
    'period.in-future': (p) => `Період закінчується в майбутньому (${p.end}; сьогодні ${p.today})`,
    'meeting.end-before-start': (p) => `Зустріч закінчується (${p.end}) раніше, ніж починається (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Строк дії ${p.due} — раніше за зустріч (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `Індикатор «${p.indicator}» не можна дезагрегувати за ознакою ${p.dimension}`,
    'disagg.exceeds-total': (p) => `Чисельники за ознакою ${p.dimension} у сумі дають ${p.sum}, більше за загальний підсумок ${p.total}`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} менше за поріг приховування ${p.threshold}: позначте спостереження як "suppressed" і не зазначайте число`,
    'privacy.suppressed-value-present': (p) => `Спостереження приховано, але ${p.field} досі зазначено`,
    'privacy.personal-data': (p) => `Схоже, текст містить ${kinds[p.kind as keyof typeof kinds]}; не передавайте персональні дані`,
    'codelist.unknown-code': (p) => `«${p.value}» — невідомий код довідника ${p.codelist}`,
  },
};
