import { TestBed } from '@angular/core/testing';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { type Translation, TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TranslatedDatepickerIntl } from './datepicker-intl';
import { provideIcuMessages } from './icu-transpiler';

const load = (language: string): Translation =>
  JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${language}.json`), 'utf8'));

describe('the datepicker’s own labels', () => {
  let intl: MatDatepickerIntl;
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: load('en'), fr: load('fr'), ar: load('ar') },
          translocoConfig: { availableLangs: ['en', 'fr', 'ar'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideIcuMessages(),
        { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
      ],
    });
    transloco = TestBed.inject(TranslocoService);
    intl = TestBed.inject(MatDatepickerIntl);
  });

  it('speak English first', () => {
    expect(intl.openCalendarLabel).toBe('Open calendar');
    expect(intl.prevMonthLabel).toBe('Previous month');
  });

  it('follow the interface language and tell the open calendar to redraw', () => {
    const redraws = jest.fn();
    intl.changes.subscribe(redraws);

    transloco.setActiveLang('fr');
    expect(intl.openCalendarLabel).toBe('Ouvrir le calendrier');
    expect(intl.nextMonthLabel).toBe('Mois suivant');
    expect(intl.formatYearRangeLabel('2016', '2039')).toBe('de 2016 à 2039');

    transloco.setActiveLang('ar');
    expect(intl.openCalendarLabel).toBe('فتح التقويم');
    expect(intl.switchToMultiYearViewLabel).toBe('اختيار الشهر والسنة');
    expect(intl.startDateLabel).toBe('تاريخ البدء');
    expect(redraws).toHaveBeenCalledTimes(2);
  });

  it('translate every label it has, in every language', () => {
    for (const language of ['en', 'fr', 'ar']) {
      transloco.setActiveLang(language);
      const english = new MatDatepickerIntl();
      for (const label of Object.keys(english) as (keyof MatDatepickerIntl)[]) {
        const value = intl[label];
        if (typeof value !== 'string') continue;
        expect({ label, value }).not.toEqual({ label, value: `material.datepicker.${label}` });
        if (language !== 'en')
          expect({ label, value }).not.toEqual({ label, value: english[label] });
      }
    }
  });
});
