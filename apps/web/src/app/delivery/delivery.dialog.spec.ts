import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Delivery } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { deletionParams } from './delivery-register.page';
import { changedFieldKeys, DeliveryDialog } from './delivery.dialog';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const EDITION = '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const EVENT = '1f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

function aDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'd-1',
    edition: {
      id: EDITION,
      title: 'Manual on online investigations',
      language: 'en',
      format: 'print',
      isExample: false,
    },
    quantity: 12,
    channel: 'official_transmission',
    memberState: 'KEN',
    institution: 'Ministry of Justice',
    deliveredOn: '2026-03-03',
    event: { id: EVENT, title: 'Regional workshop', status: 'held' },
    requestId: null,
    bulk: false,
    createdBy: null,
    createdAt: '2026-03-03T10:00:00.000Z',
    version: 2,
    ...overrides,
  };
}

async function setUp(delivery: Delivery | null) {
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
      { provide: MAT_DIALOG_DATA, useValue: { tenant: 'demo', delivery } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(DeliveryDialog);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/t/demo/tool-editions').flush({ items: [] });
  for (const request of http.match('/api/member-states')) request.flush([]);
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { cancelable: true }),
    );
    await fixture.whenStable();
  };
  const quantity = element.querySelector('input[formcontrolname="quantity"]') as HTMLInputElement;
  return { fixture, element, http, close, submit, quantity };
}

describe('the delivery dialog, correcting a delivery', () => {
  it('is prefilled and saves with the version read, keeping the event and request', async () => {
    const { element, http, close, submit, quantity } = await setUp(aDelivery());
    expect(element.textContent).toContain('Correct a delivery');
    expect(quantity.value).toBe('12');
    quantity.value = '30';
    quantity.dispatchEvent(new Event('input'));
    await submit();
    const request = http.expectOne('/api/t/demo/deliveries/d-1');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      editionId: EDITION,
      memberState: 'KEN',
      institution: 'Ministry of Justice',
      quantity: 30,
      deliveredOn: '2026-03-03',
      channel: 'official_transmission',
      eventId: EVENT,
      requestId: null,
      version: 2,
    });
    request.flush(aDelivery({ quantity: 30, version: 3 }));
    await Promise.resolve();
    expect(close).toHaveBeenCalledWith(true);
    http.verify();
  });

  it('says what changed meanwhile and reloads the delivery to apply the edit again', async () => {
    const { fixture, element, http, close, submit, quantity } = await setUp(aDelivery());
    await submit();
    http.expectOne('/api/t/demo/deliveries/d-1').flush(
      {
        type: '/problems/stale-version',
        title: 'Someone changed this delivery meanwhile',
        status: 409,
        errors: [
          { path: 'quantity', message: 'is now 40' },
          { path: 'institution', message: 'is now Police' },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    const conflict = element.querySelector('[data-testid="delivery-conflict"]') as HTMLElement;
    expect(conflict.textContent).toContain(
      'Someone changed this delivery meanwhile (Copies, Recipient institution)',
    );
    expect(close).not.toHaveBeenCalled();

    (conflict.querySelector('button') as HTMLButtonElement).click();
    http
      .expectOne('/api/t/demo/deliveries/d-1')
      .flush(aDelivery({ quantity: 40, institution: 'Police', version: 3 }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="delivery-conflict"]')).toBeNull();
    expect(quantity.value).toBe('40');
    await submit();
    const again = http.expectOne('/api/t/demo/deliveries/d-1');
    expect(again.request.body).toMatchObject({ quantity: 40, institution: 'Police', version: 3 });
    http.verify();
  });

  it('keeps a hand-out’s edition and State as registered', async () => {
    const { element } = await setUp(aDelivery({ bulk: true }));
    expect(element.textContent).toContain('its edition and State stay as registered');
    expect(
      element
        .querySelector('mat-select[formcontrolname="editionId"]')
        ?.getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('registers a new delivery with a POST when given none', async () => {
    const { element } = await setUp(null);
    expect(element.textContent).toContain('Register a delivery');
  });
});

describe('a stale delivery’s changed fields', () => {
  it('are the labels of the fields the problem names, unknown paths left out', () => {
    expect(
      changedFieldKeys({
        type: '/problems/stale-version',
        title: 'Stale',
        status: 409,
        errors: [
          { path: 'deliveredOn', message: 'is now 2026-03-04' },
          { path: 'somethingElse', message: 'is now x' },
        ],
      }),
    ).toEqual(['delivery.fields.deliveredOn']);
  });
});

describe('the deletion’s confirmation', () => {
  it('names the copies, the edition, the State and the day', () => {
    expect(deletionParams(aDelivery(), 'Kenya', 'en')).toEqual({
      copies: 12,
      edition: '\u2068Manual on online investigations\u2069',
      state: 'Kenya',
      date: 'March 3, 2026',
    });
    expect(deletionParams(aDelivery(), 'Kenya', 'en-GB').date).toBe('3 March 2026');
  });
});
