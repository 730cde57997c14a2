import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { RecommendationDetail } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { FollowUpDialog } from './follow-up.dialog';
import { aRecommendationDetail } from './recommendations.fixtures';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

async function setUp(detail: RecommendationDetail) {
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
      { provide: MAT_DIALOG_DATA, useValue: { tenant: 'demo', recommendationId: detail.id } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(FollowUpDialog);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/t/demo/recommendations/rec-1').flush(detail);
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const form = element.querySelector('form') as HTMLFormElement;
  const submit = async () => {
    // A native submit event: what pressing the button or Enter does.
    const event = new Event('submit', { cancelable: true });
    form.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  };
  const type = (text: string) => {
    const note = element.querySelector('textarea') as HTMLTextAreaElement;
    note.value = text;
    note.dispatchEvent(new Event('input'));
  };
  return { element, http, close, submit, type };
}

describe('the follow-up dialog', () => {
  it('sends a focal point’s note without a status, and keeps the page where it is', async () => {
    const detail = aRecommendationDetail({ canSetStatus: false, canEdit: false });
    const { element, http, close, submit, type } = await setUp(detail);
    expect(element.textContent).toContain('programme officers set the status');
    expect(element.querySelector('mat-select')).toBeNull();
    type('  The bill is before Parliament.  ');
    const event = await submit();
    // Angular handled it: no native submission, which would reload the page.
    expect(event.defaultPrevented).toBe(true);
    const request = http.expectOne('/api/t/demo/recommendations/rec-1/follow-ups');
    expect(request.request.body).toEqual({ note: 'The bill is before Parliament.' });
    const saved = { ...detail, followUps: [] };
    request.flush(saved);
    await Promise.resolve();
    expect(close).toHaveBeenCalledWith(saved);
    http.verify();
  });

  it('sends nothing without a note', async () => {
    const { http, close, submit } = await setUp(aRecommendationDetail());
    await submit();
    http.expectNone('/api/t/demo/recommendations/rec-1/follow-ups');
    expect(close).not.toHaveBeenCalled();
  });
});
