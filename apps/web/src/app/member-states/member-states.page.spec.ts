import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BreakpointObserver } from '@angular/cdk/layout';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Language, MemberState } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { of } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { MemberStatesApi } from './member-states.api';
import { MemberStatesPage, standingLines } from './member-states.page';
import { MemberStatesStore } from './member-states.store';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const names = (en: string): Record<Language, string> => ({
  ar: en,
  zh: en,
  en,
  fr: en,
  ru: en,
  es: en,
});

/** 30 plain members of the African Group: Afriland 01 … Afriland 30. */
const plain: MemberState[] = Array.from({ length: 30 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return {
    alpha3: `A${n}`.padEnd(3, 'X'),
    alpha2: 'AA',
    groups: [{ group: 'african', kind: 'member' }],
    electoralGroup: 'african',
    geographicRegion: 'africa',
    observer: false,
    names: names(`Afriland ${n}`),
  };
});
const kiribati: MemberState = {
  alpha3: 'KIR',
  alpha2: 'KI',
  groups: [],
  electoralGroup: null,
  geographicRegion: 'oceania',
  observer: false,
  names: names('Kiribati'),
};
const usa: MemberState = {
  alpha3: 'USA',
  alpha2: 'US',
  groups: [{ group: 'western_european_others', kind: 'observer' }],
  electoralGroup: 'western_european_others',
  geographicRegion: 'americas',
  observer: false,
  names: names('United States of America'),
};
const turkiye: MemberState = {
  alpha3: 'TUR',
  alpha2: 'TR',
  groups: [
    { group: 'asia_pacific', kind: 'member' },
    { group: 'western_european_others', kind: 'member' },
  ],
  electoralGroup: 'western_european_others',
  geographicRegion: 'asia',
  observer: false,
  names: names('Türkiye'),
};
const all = [...plain, kiribati, usa, turkiye];

function setUp(narrow = false) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      // The app reads its translations as ICU messages.
      provideIcuMessages(),
      MemberStatesStore,
      { provide: MemberStatesApi, useValue: { list: () => of(all) } },
      { provide: LanguageService, useValue: { language: signal('en') } },
      {
        provide: BreakpointObserver,
        useValue: { observe: () => of({ matches: narrow, breakpoints: {} }) },
      },
    ],
  });
  const fixture = TestBed.createComponent(MemberStatesPage);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const text = (selector: string) =>
    [...element.querySelectorAll(selector)].map((node) => node.textContent?.trim() ?? '');
  const button = (label: string) =>
    [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  return { fixture, element, text, button, store: TestBed.inject(MemberStatesStore) };
}

describe('a State’s place in the regional groups, as the page says it', () => {
  it('names only the group of a plain member, counted there', () => {
    expect(standingLines(plain[0] as MemberState)).toEqual([
      { groupKey: 'regions.african', noteKey: null },
    ]);
  });

  it('says when a State is in no group', () => {
    expect(standingLines(kiribati)).toEqual([{ groupKey: 'regions.none', noteKey: null }]);
  });

  it('says the United States observes WEOG and counts there for elections', () => {
    expect(standingLines(usa)).toEqual([
      {
        groupKey: 'regions.western_european_others',
        noteKey: 'memberStates.participation.observerCounted',
      },
    ]);
  });

  it('lists both of Türkiye’s groups, the one it counts in first', () => {
    expect(standingLines(turkiye)).toEqual([
      {
        groupKey: 'regions.western_european_others',
        noteKey: 'memberStates.participation.memberCounted',
      },
      { groupKey: 'regions.asia_pacific', noteKey: 'memberStates.participation.member' },
    ]);
  });
});

describe('the Member States page', () => {
  it('pages the list 25 at a time and takes focus to the top of the next page', async () => {
    const { fixture, element, text, button } = setUp();
    // The selects pick their option once their options exist, a tick after the first render.
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text('.directory-count')).toEqual(['States matching: 33 of 33']);
    expect(text('.mat-mdc-select-value')).toEqual(['All groups', 'All regions']);
    expect(element.querySelectorAll('tr[mat-row]')).toHaveLength(25);
    expect(text('.directory-pager__range')).toEqual(['1–25 of 33']);
    expect(button('Previous page')?.getAttribute('aria-disabled')).toBe('true');

    button('Next page')?.click();
    fixture.detectChanges();
    expect(text('.directory-pager__range')).toEqual(['26–33 of 33']);
    expect(element.querySelectorAll('tr[mat-row]')).toHaveLength(8);
    expect(document.activeElement).toBe(element.querySelector('.directory-results'));
    expect(element.querySelector('.directory-results')?.getAttribute('aria-label')).toBe(
      '26–33 of 33',
    );
    expect(text('td')).toContain('Türkiye');
  });

  it('spells out the special cases in the rows and drops paging when one page is left', async () => {
    const { fixture, element, text, store } = setUp();
    await fixture.whenStable();
    store.setGroup('western_european_others');
    fixture.detectChanges();
    expect(text('.directory-count')).toEqual(['States matching: 2 of 33']);
    expect(element.querySelector('.directory-pager')).toBeNull();
    const rows = [...element.querySelectorAll('tr[mat-row]')];
    const standing = (row: Element | undefined) =>
      [...(row?.querySelectorAll('.standing') ?? [])].map((line) =>
        [...line.children].map((part) => part.textContent?.trim()),
      );
    expect(rows[0]?.textContent).toContain('Türkiye');
    expect(standing(rows[0])).toEqual([
      ['Western European and Others Group', 'Member, counted here for elections'],
      ['Asia-Pacific Group', 'Member'],
    ]);
    expect(rows[1]?.textContent).toContain('United States of America');
    expect(standing(rows[1])).toEqual([
      ['Western European and Others Group', 'Observer, counted here for elections'],
    ]);

    store.setGroup('none');
    fixture.detectChanges();
    expect(text('.mat-mdc-select-value')).toEqual(['No regional group', 'All regions']);
    expect(text('tr[mat-row] td')).toEqual([
      'KIR',
      'Kiribati',
      'Oceania',
      'No regional group',
      'Member State',
    ]);
  });

  it('shows a card per State on a narrow screen, with no table', () => {
    const { fixture, element, text, store } = setUp(true);
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelectorAll('li.state-card')).toHaveLength(25);
    store.setSearch('united');
    fixture.detectChanges();
    expect(text('li.state-card .state-card__head > *')).toEqual([
      'United States of America',
      'USA',
    ]);
    expect(text('li.state-card dt')).toEqual(['Regional group', 'Geographic region', 'Status']);
    expect(text('li.state-card dd')[0]).toMatch(/Observer, counted here for elections/);
  });
});
