import { describe, expect, it } from 'vitest';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { changed, expectClean, expectOnly, NOW, smallPackage, type Loose } from './fixtures.js';

const meeting = (change: (m: Loose) => void) => validate(changed((p) => change(p.meetings[0])), { now: NOW });

describe('meeting.end-before-start', () => {
  it('accepts a meeting that ends after it starts, or at once', () => {
    expectClean(meeting(() => {}));
    expectClean(meeting((m) => (m.end = m.start)));
  });

  it('rejects a meeting that ends before it starts, at its end', () => {
    const issue = expectOnly(meeting((m) => (m.end = '2020-10-28T12:00:00+01:00')), 'meeting.end-before-start', '/meetings/0/end');
    expect(issue.params).toEqual({ start: '2020-10-28T13:00:00+01:00', end: '2020-10-28T12:00:00+01:00' });
  });

  it('compares instants, not the text of their offsets', () => {
    // 12:30 UTC is 13:30 in Vienna: after the start.
    expectClean(meeting((m) => (m.end = '2020-10-28T12:30:00Z')));
    // 13:30 in Moscow (+03:00) is 11:30 in Vienna: before the start.
    expectOnly(meeting((m) => (m.end = '2020-10-28T13:30:00+03:00')), 'meeting.end-before-start', '/meetings/0/end');
  });
});

describe('meeting.action-due-before-meeting', () => {
  it('accepts an action due on the day of the meeting or later, or without due date', () => {
    expectClean(meeting((m) => (m.actionItems[0].due = '2020-10-28')));
    expectClean(meeting((m) => delete m.actionItems[0].due));
  });

  it('rejects an action due before the meeting, at its due date', () => {
    const issue = expectOnly(meeting((m) => (m.actionItems[0].due = '2020-10-01')), 'meeting.action-due-before-meeting', '/meetings/0/actionItems/0/due');
    expect(issue.params).toEqual({ due: '2020-10-01', meetingStart: '2020-10-28' });
  });

  it('checks every action item', () => {
    const result = meeting((m) => {
      m.actionItems.push({ ...m.actionItems[0], due: '2020-10-27' }, { ...m.actionItems[0], due: '2021-01-15' });
    });
    expectOnly(result, 'meeting.action-due-before-meeting', '/meetings/0/actionItems/1/due');
  });

  it('is checked for a lone meeting too', () => {
    const lone = smallPackage().meetings[0];
    lone.actionItems[0].due = '2020-01-01';
    expectOnly(validateRecord('meeting', lone), 'meeting.action-due-before-meeting', '/actionItems/0/due');
  });
});
