import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { RecommendationDialog, type RecommendationDialogData } from './recommendation.dialog';
import { aRecommendationDetail } from './recommendations.fixtures';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

function setUp(data: RecommendationDialogData) {
  const close = jest.fn();
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
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: LanguageService, useValue: { language: signal('en') } },
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(RecommendationDialog);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  // The States' names the chips offer.
  http.expectOne('/api/member-states').flush([]);
  const element = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, element, close, submit, http };
}

describe('the recommendation form', () => {
  it('asks for someone to address it to before it sends anything', async () => {
    const { element, submit, http, close } = setUp({ tenant: 'demo', eventId: 'event-1' });
    const text = element.querySelector('textarea') as HTMLTextAreaElement;
    text.value = 'Publish the point of contact.';
    text.dispatchEvent(new Event('input'));
    await submit();
    http.expectNone('/api/t/demo/events/event-1/recommendations');
    expect(element.textContent).toContain(
      'Address the recommendation to at least one State, the organisation or a partner.',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('saves an edit with the version it was read at, and closes with the answer', async () => {
    const existing = aRecommendationDetail({ id: 'rec-7', number: 3, version: 4 });
    const { element, submit, http, close } = setUp({
      tenant: 'demo',
      eventId: 'event-1',
      recommendation: existing,
    });
    expect(element.querySelector('h2')?.textContent).toContain('Edit R3');
    await submit();
    const request = http.expectOne('/api/t/demo/recommendations/rec-7');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      text: existing.text,
      thematicArea: 'international_cooperation',
      addressedStates: ['KEN'],
      addressedToOrganisation: false,
      addressedPartners: [],
      version: 4,
    });
    const saved = { ...existing, version: 5 };
    request.flush(saved);
    await Promise.resolve();
    expect(close).toHaveBeenCalledWith(saved);
    http.verify();
  });
});
