import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { of, throwError } from 'rxjs';
import { AuthApiActions } from '../auth/auth.actions';
import { AuthApi } from '../auth/auth.api';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { provideIcons } from '../shared/icons/icons.testing';
import { Notifier } from '../shared/notifier.service';
import { CloseAccount } from './close-account.component';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

function setUp(closeAccount: jest.Mock) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideIcons(),
      provideIcuMessages(),
      { provide: AuthApi, useValue: { closeAccount } },
      { provide: Notifier, useValue: { success: jest.fn(), failure: jest.fn() } },
      provideMockStore(),
    ],
  });
  const fixture = TestBed.createComponent(CloseAccount);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const store = TestBed.inject(MockStore);
  const dispatch = jest.spyOn(store, 'dispatch');
  const typePassword = (value: string) => {
    const input = element.querySelector('input[type=password]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const tick = () => {
    (element.querySelector('[data-testid=close-understood] input') as HTMLInputElement).click();
  };
  const submit = () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    fixture.detectChanges();
  };
  return { element, dispatch, typePassword, tick, submit };
}

describe('closing one’s account', () => {
  it('says what goes and what stays, and asks for the password and an explicit yes', () => {
    const closeAccount = jest.fn(() => of(undefined));
    const { element, typePassword, submit } = setUp(closeAccount);
    expect(element.textContent).toContain('cannot be undone');
    expect(element.textContent).toContain('Former member');
    typePassword('my passphrase');
    submit();
    expect(closeAccount).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Tick the box to confirm.');
  });

  it('closes it and signs the person out', () => {
    const closeAccount = jest.fn(() => of(undefined));
    const { dispatch, typePassword, tick, submit } = setUp(closeAccount);
    typePassword('my passphrase');
    tick();
    submit();
    expect(closeAccount).toHaveBeenCalledWith('my passphrase');
    expect(dispatch).toHaveBeenCalledWith(AuthApiActions.signOutSucceeded());
  });

  it('keeps the person signed in and says why when it is refused', () => {
    const closeAccount = jest.fn(() =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              type: '/problems/last-admin',
              title: 'You are the last administrator of Demo',
              status: 409,
            },
          }),
      ),
    );
    const { element, dispatch, typePassword, tick, submit } = setUp(closeAccount);
    typePassword('my passphrase');
    tick();
    submit();
    expect(dispatch).not.toHaveBeenCalled();
    // Said to the person it is about, with what to do, rather than the generic rule.
    expect(element.textContent).toContain(
      'You are the last administrator of an organisation: make someone else an administrator there first, then close your account.',
    );
  });
});
