import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MembershipSummary } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { of } from 'rxjs';
import { AuthApi } from '../auth/auth.api';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { LanguageService } from '../i18n/language.service';
import { Notifier } from '../shared/notifier.service';
import { CalendarFeedApi } from './calendar-feed.api';
import { ProfilePage } from './profile.page';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

function notificationSwitches(memberships: MembershipSummary[]): string[] {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      { provide: AuthApi, useValue: { updateProfile: jest.fn(), changePassword: jest.fn() } },
      {
        provide: CalendarFeedApi,
        useValue: { status: jest.fn(() => of({ active: false, createdAt: null })) },
      },
      { provide: Notifier, useValue: { success: jest.fn(), failure: jest.fn() } },
      { provide: LanguageService, useValue: { language: signal('en') } },
      provideMockStore({
        initialState: {
          auth: { ...initialAuthState, status: 'authenticated', session: aSession(memberships) },
        },
      }),
    ],
  });
  const fixture = TestBed.createComponent(ProfilePage);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  return [...element.querySelectorAll('.profile-notification__name')].map(
    (name) => name.textContent?.trim() ?? '',
  );
}

describe('the profile notifications', () => {
  it('offers an expert only the reminders of events they speak at, requests to speak and to review', () => {
    expect(notificationSwitches([aMembership('other', 'expert')])).toEqual([
      'Event reminder',
      'Request to an expert',
      'A request to review',
    ]);
  });

  it('offers the administrator digest to someone who administers a tenant', () => {
    expect(
      notificationSwitches([aMembership('demo', 'expert'), aMembership('unoct', 'tenant_admin')]),
    ).toEqual([
      'Administrator digest',
      'Event reminder',
      'Nomination received',
      "A State's answer",
      'Request to an expert',
      'A State’s request',
      'A request to review',
      'A State’s needs assessment',
    ]);
  });

  it('does not offer it to an officer, a focal point or an expert', () => {
    expect(
      notificationSwitches([
        aMembership('demo', 'programme_officer'),
        aMembership('unoct', 'focal_point', 'KEN'),
        aMembership('other', 'expert'),
      ]),
    ).toEqual([
      'Event reminder',
      'Event announcement',
      'Nomination received',
      'Decision on a nomination',
      'Invitation of your State',
      'Invitation changed',
      "A State's answer",
      'Nomination deadline reminder',
      'Request to an expert',
      'News of your State’s request',
      'A State’s request',
      'A request to review',
      'A State’s needs assessment',
      'News of your State’s needs assessment',
    ]);
  });

  it('offers the event announcement, State invitations and nomination decisions only to focal points, who are the ones to get them', () => {
    expect(
      notificationSwitches([
        aMembership('demo', 'programme_officer'),
        aMembership('other', 'expert'),
      ]),
    ).toEqual([
      'Event reminder',
      'Nomination received',
      "A State's answer",
      'Request to an expert',
      'A State’s request',
      'A request to review',
      'A State’s needs assessment',
    ]);
  });
});
