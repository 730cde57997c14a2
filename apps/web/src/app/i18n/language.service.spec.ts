import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT, formatDate } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { autonymOf, interfaceLanguageFor } from './language';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

describe('the language service', () => {
  let service: LanguageService;
  let document: Document;
  let directionality: Directionality;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, fr: {}, ar: {} },
          translocoConfig: { availableLangs: ['en', 'fr', 'ar'], defaultLang: 'en' },
        }),
      ],
    });
    service = TestBed.inject(LanguageService);
    document = TestBed.inject(DOCUMENT);
    directionality = TestBed.inject(Directionality);
  });

  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('turns the whole page right-to-left for Arabic', async () => {
    const changes: string[] = [];
    directionality.change.subscribe((direction) => changes.push(direction));

    await service.use('ar');

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(directionality.value).toBe('rtl');
    expect(changes).toEqual(['rtl']);
    expect(service.direction()).toBe('rtl');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('ar');
  });

  it('turns back left-to-right for French', async () => {
    await service.use('ar');
    await service.use('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(directionality.value).toBe('ltr');
    expect(service.language()).toBe('fr');
  });

  it('shows every UN language, and English for any other', async () => {
    expect(await service.use('es')).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(document.documentElement.dir).toBe('ltr');
    expect(interfaceLanguageFor('zh')).toBe('zh');
    expect(interfaceLanguageFor('zh-Hans-CN')).toBe('zh');
    expect(interfaceLanguageFor('ru-RU')).toBe('ru');
    expect(interfaceLanguageFor('fr-CA')).toBe('fr');
    expect(interfaceLanguageFor('de')).toBe('en');
    expect(interfaceLanguageFor(null)).toBe('en');
  });

  it('remembers the choice for the signed-out pages', async () => {
    await service.use('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(service.initialLanguage()).toBe('fr');
  });

  it('loads a language’s dates and numbers data before it applies the language', async () => {
    const date = new Date(Date.UTC(2026, 11, 1, 12));
    expect(() => formatDate(date, 'longDate', 'ru', 'UTC')).toThrow(/Missing locale data/);
    const using = service.use('ru');
    // Nothing changes until the data is there, so no date is formatted without it.
    expect(service.language()).toBe('en');
    await using;
    expect(service.language()).toBe('ru');
    expect(formatDate(date, 'longDate', 'ru', 'UTC')).toMatch(/^1 декабря 2026\s+г\.$/);
    await service.use('zh');
    expect(formatDate(date, 'longDate', 'zh', 'UTC')).toBe('2026年12月1日');
  });

  it('applies the last of languages chosen one after another, whichever loads first', async () => {
    const first = service.use('ar');
    const second = service.use('en');
    await Promise.all([first, second]);
    expect(service.language()).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts from the browser language when nothing is remembered', () => {
    jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['ar-EG', 'en']);
    expect(service.initialLanguage()).toBe('ar');
  });

  it('names each language in that language', () => {
    expect(autonymOf('fr')).toBe('Français');
    expect(autonymOf('ar')).toBe('العربية');
    expect(autonymOf('en')).toBe('English');
  });
});
