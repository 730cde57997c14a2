import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_ACTIONS,
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
} from '@convene/contracts';
import { EVENT_ACTION_ICONS, EVENT_FORMAT_ICONS, EVENT_STATUS_ICONS } from './event-labels';

type Tree = { [key: string]: string | Tree };

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Tree;

const text = (path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined,
      english,
    );

// A new type, area, audience, status or action in the contracts needs words before it reaches a screen.
describe('the words for events', () => {
  it.each(EVENT_TYPES)('names the %s type', (type) => {
    expect(typeof text(`events.types.${type}`)).toBe('string');
  });

  it.each(THEMATIC_AREAS)('names the %s thematic area', (area) => {
    expect(typeof text(`events.thematicAreas.${area}`)).toBe('string');
  });

  it.each(TARGET_AUDIENCES)('names the %s audience', (audience) => {
    expect(typeof text(`events.audiences.${audience}`)).toBe('string');
  });

  it.each(EVENT_FORMATS)('names the %s format and gives it an icon', (format) => {
    expect(typeof text(`events.formats.${format}`)).toBe('string');
    expect(EVENT_FORMAT_ICONS[format]).toBeTruthy();
  });

  it.each(EVENT_STATUSES)('names the %s status and gives it an icon', (status) => {
    expect(typeof text(`events.statuses.${status}`)).toBe('string');
    expect(EVENT_STATUS_ICONS[status]).toBeTruthy();
  });

  it.each(EVENT_ACTIONS)('names the %s action, asks before taking it and records it', (action) => {
    expect(typeof text(`events.actions.${action}`)).toBe('string');
    expect(EVENT_ACTION_ICONS[action]).toBeTruthy();
    expect(typeof text(`events.history.actions.${action}`)).toBe('string');
    for (const part of ['title', 'body', 'confirm', 'done']) {
      expect(typeof text(`events.transitionDialog.${action}.${part}`)).toBe('string');
    }
  });

  it.each(['cancel', 'postpone'])('explains the reason asked when taking %s', (action) => {
    expect(typeof text(`events.transitionDialog.${action}.reasonHint`)).toBe('string');
  });
});
