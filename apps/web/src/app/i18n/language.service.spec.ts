import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/common';
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

  it('turns the whole page right-to-left for Arabic', () => {
    const changes: string[] = [];
    directionality.change.subscribe((direction) => changes.push(direction));

    service.use('ar');

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(directionality.value).toBe('rtl');
    expect(changes).toEqual(['rtl']);
    expect(service.direction()).toBe('rtl');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('ar');
  });

  it('turns back left-to-right for French', () => {
    service.use('ar');
    service.use('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(directionality.value).toBe('ltr');
    expect(service.language()).toBe('fr');
  });

  it('shows every UN language, and English for any other', () => {
    expect(service.use('es')).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(document.documentElement.dir).toBe('ltr');
    expect(interfaceLanguageFor('zh')).toBe('zh');
    expect(interfaceLanguageFor('zh-Hans-CN')).toBe('zh');
    expect(interfaceLanguageFor('ru-RU')).toBe('ru');
    expect(interfaceLanguageFor('fr-CA')).toBe('fr');
    expect(interfaceLanguageFor('de')).toBe('en');
    expect(interfaceLanguageFor(null)).toBe('en');
  });

  it('remembers the choice for the signed-out pages', () => {
    service.use('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(service.initialLanguage()).toBe('fr');
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
