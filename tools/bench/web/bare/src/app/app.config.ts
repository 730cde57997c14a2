import { HttpClient, provideHttpClient, withFetch } from '@angular/common/http';
import {
  type ApplicationConfig,
  Injectable,
  inject,
  isDevMode,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter } from '@angular/router';
import { provideTransloco, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import { provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';
import { SignInPage } from './sign-in.page';
import { sessionFeature, signIn } from './session.store';

@Injectable({ providedIn: 'root' })
class HttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(language: string) {
    return this.http.get<Translation>(`/i18n/${language}.json`);
  }
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    provideRouter([{ path: '', component: SignInPage, title: 'Sign in' }]),
    provideTransloco({
      config: {
        availableLangs: ['en'],
        defaultLang: 'en',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: HttpLoader,
    }),
    provideStore({ [sessionFeature.name]: sessionFeature.reducer }),
    provideEffects({ signIn }),
  ],
};
