import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { isolateFor } from './bidi';
import { provideIcuMessages } from './icu-transpiler';

const FSI = '\u2068';
const PDI = '\u2069';

describe('ICU messages through Transloco', () => {
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: {
              count: '{count, plural, one {Showing # event} other {Showing # events}}',
              plan: 'Plan {title}?',
            },
            fr: {
              count: '{count, plural, one {# événement affiché} other {# événements affichés}}',
            },
            ar: {
              count:
                '{count, plural, zero {لا شيء} one {واحدة} two {اثنتان} few {# قليلة} many {# كثيرة} other {# أخرى}}',
              plan: 'تخطيط {title}؟',
            },
          },
          translocoConfig: { availableLangs: ['en', 'fr', 'ar'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages()],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  it('declines counts by each language’s plural rules', () => {
    transloco.setActiveLang('en');
    expect(transloco.translate('count', { count: 1 })).toBe('Showing 1 event');
    expect(transloco.translate('count', { count: 2 })).toBe('Showing 2 events');
    transloco.setActiveLang('fr');
    expect(transloco.translate('count', { count: 0 })).toBe('0 événement affiché');
    expect(transloco.translate('count', { count: 1 })).toBe('1 événement affiché');
    expect(transloco.translate('count', { count: 3 })).toBe('3 événements affichés');
    transloco.setActiveLang('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => transloco.translate('count', { count }))).toEqual([
      'لا شيء',
      'واحدة',
      'اثنتان',
      '3 قليلة',
      '11 كثيرة',
      '100 أخرى',
    ]);
  });

  it('isolates an English title in an Arabic sentence, so the question mark stays at its end', () => {
    transloco.setActiveLang('ar');
    expect(transloco.translate('plan', { title: 'Regional workshop 8836' })).toBe(
      `تخطيط ${FSI}Regional workshop 8836${PDI}؟`,
    );
    expect(transloco.translate('plan', { title: 'ورشة عمل' })).toBe('تخطيط ورشة عمل؟');
  });

  it('leaves English text plain in English and isolates Arabic text in it', () => {
    transloco.setActiveLang('en');
    expect(transloco.translate('plan', { title: 'Workshop 8836' })).toBe('Plan Workshop 8836?');
    expect(transloco.translate('plan', { title: 'ورشة عمل' })).toBe(`Plan ${FSI}ورشة عمل${PDI}?`);
  });

  it('passes values to the message rather than into its text: braces and quotes stay as typed', () => {
    transloco.setActiveLang('en');
    expect(transloco.translate('plan', { title: "It's {draft} #1" })).toBe("Plan It's {draft} #1?");
  });
});

describe('isolating a value for a sentence', () => {
  it('isolates digits and Latin letters in right-to-left text, but not Arabic', () => {
    expect(isolateFor('2026/12/01', 'rtl')).toBe(`${FSI}2026/12/01${PDI}`);
    expect(isolateFor('Lukas Berger', 'rtl')).toBe(`${FSI}Lukas Berger${PDI}`);
    expect(isolateFor('أمينة حداد', 'rtl')).toBe('أمينة حداد');
  });

  it('isolates right-to-left letters in left-to-right text, and never twice', () => {
    expect(isolateFor('أمينة حداد', 'ltr')).toBe(`${FSI}أمينة حداد${PDI}`);
    expect(isolateFor('Amina 2', 'ltr')).toBe('Amina 2');
    expect(isolateFor(`${FSI}x${PDI}`, 'rtl')).toBe(`${FSI}x${PDI}`);
  });
});
