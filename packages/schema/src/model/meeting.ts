import * as z from 'zod';
import {
  codeOf, date, dateTime, describe, httpUrl, languageMap, languageTag, longLanguageMap, organisationId, recordId, text,
  withExtensions,
} from './common.js';

const Participant = z.strictObject({
  organisation: describe(organisationId, 'Participating organisation.'),
  representatives: describe(z.int().min(1), 'Number of people who represented it.').optional(),
  roles: describe(z.array(text), 'Roles of its representatives (never names), e.g. "programme manager".').optional(),
});

const AgendaItem = z.strictObject({
  title: describe(languageMap, 'Title of the agenda item.'),
  description: describe(longLanguageMap, 'What the item covered.').optional(),
});

const Presentation = z.strictObject({
  organisation: describe(organisationId, 'Presenting organisation.'),
  topic: describe(languageMap, 'Topic of the presentation.'),
  achievements: describe(z.array(longLanguageMap), 'Achievements the organisation reported.').optional(),
  issuesRaised: describe(z.array(longLanguageMap), 'Issues the organisation raised.').optional(),
});

const IdentifiedIssue = z.strictObject({
  theme: describe(codeOf('meetingIssue'), 'Theme of the issue.'),
  description: describe(longLanguageMap, 'The issue in the meeting\'s words.').optional(),
});

const Decision = z.strictObject({
  text: describe(longLanguageMap, 'What was decided.'),
});

const ActionItem = z.strictObject({
  description: describe(longLanguageMap, 'What is to be done.'),
  owner: describe(organisationId, 'Organisation responsible.'),
  due: describe(date, 'Due date.').optional(),
  status: describe(codeOf('actionStatus'), 'State of the action.'),
});

const MeetingDocument = z.strictObject({
  url: describe(httpUrl, 'Where the document is published.'),
  language: describe(languageTag, 'Language of the document (BCP 47).'),
  title: describe(text, 'Title of the document in its language.'),
  type: describe(codeOf('documentType'), 'Kind of document.'),
});

/**
 * A meeting of the network, with its agenda, presentations, issues, decisions and actions.
 *
 * @example
 * ```ts
 * const meeting: Meeting = {
 *   id: 'network-2020-10-28', title: { en: 'First meeting of the network' },
 *   start: '2020-10-28T13:00:00+01:00', end: '2020-10-28T16:00:00+01:00', format: 'virtual',
 *   organiser: 'PHX-ORG-0001', participants: [{ organisation: 'ZM-PACRA-120045', representatives: 2 }],
 *   issuesIdentified: [{ theme: 'access-to-people-in-prison' }, { theme: 'lack-of-data' }],
 * };
 * ```
 */
export const Meeting = describe(
  z.strictObject({
    id: describe(recordId, 'Stable identifier of the meeting.'),
    title: describe(languageMap, 'Title of the meeting.'),
    start: describe(dateTime, 'Start, with UTC offset.'),
    end: describe(dateTime, 'End, with UTC offset.'),
    format: describe(codeOf('meetingFormat'), 'How the meeting was held.'),
    location: describe(
      z.strictObject({
        city: describe(text, 'City.'),
        country: describe(codeOf('country'), 'Country (ISO 3166-1 alpha-2).'),
      }),
      'Where the meeting took place, when in person or hybrid.',
    ).optional(),
    organiser: describe(organisationId, 'Organisation that convened the meeting.'),
    participants: describe(z.array(Participant), 'Participating organisations; people only as roles.'),
    agenda: describe(z.array(AgendaItem), 'Agenda items, in order.').optional(),
    presentations: describe(z.array(Presentation), 'Presentations given.').optional(),
    issuesIdentified: describe(z.array(IdentifiedIssue), 'Common issues the meeting identified.').optional(),
    decisions: describe(z.array(Decision), 'Decisions taken.').optional(),
    actionItems: describe(z.array(ActionItem), 'Follow-up actions.').optional(),
    languages: describe(z.array(languageTag), 'Working languages (BCP 47).').optional(),
    documents: describe(z.array(MeetingDocument), 'Documents, e.g. the same report in several languages.').optional(),
    ...withExtensions,
  }),
  'A meeting of the network.',
  { id: 'Meeting', title: 'Meeting' },
);
/** A meeting of the network. */
export type Meeting = z.infer<typeof Meeting>;
