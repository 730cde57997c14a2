import {
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { provideEffects } from '@ngrx/effects';
import { provideStore, Store } from '@ngrx/store';
import { catchError, firstValueFrom, of } from 'rxjs';
import { appRoutes } from './app.routes';
import { ShellActions } from './auth/auth.actions';
import * as authEffects from './auth/auth.effects';
import { authFeature } from './auth/auth.reducer';
import { sessionExpiryInterceptor } from './http/session-expiry.interceptor';
import { provideIcuMessages } from './i18n/icu-transpiler';
import { DEFAULT_LANGUAGE } from './i18n/language';
import { LanguageService } from './i18n/language.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';
import { TranslocoHttpLoader } from './i18n/transloco-http.loader';
import { HeadingFocus } from './shell/heading-focus';
import { provideIconSet } from './shared/icons/icon-registry';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(
      withFetch(),
      // The API sets XSRF-TOKEN; every mutating call echoes it back.
      withXsrfConfiguration({
        cookieName: 'XSRF-TOKEN',
        headerName: 'X-XSRF-TOKEN',
      }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideTransloco({
      config: {
        availableLangs: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true },
      },
      loader: TranslocoHttpLoader,
    }),
    provideIconSet(),
    provideIcuMessages(),
    provideStore({ [authFeature.name]: authFeature.reducer }),
    provideEffects(authEffects),
    provideAppInitializer(() => {
      inject(Store).dispatch(ShellActions.appStarted());
      inject(HeadingFocus).start();
      // Load the first language (its texts, and its dates and numbers data) before the first
      // paint, so no key flashes; English stays if either cannot be loaded.
      const language = inject(LanguageService);
      const chosen = language.initialLanguage();
      return Promise.all([
        language.use(chosen).catch(() => null),
        firstValueFrom(
          inject(TranslocoService)
            .load(chosen)
            .pipe(catchError(() => of(null))),
        ),
      ]);
    }),
  ],
};
