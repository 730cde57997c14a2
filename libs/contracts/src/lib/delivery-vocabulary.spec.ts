import { normaliseIsbn } from './delivery-vocabulary';
import {
  DeliveryCreate,
  DeliveryDeleteQuery,
  DeliveryUpdate,
  EditionCreate,
  IatiSettingsInput,
} from './delivery';

describe('ISBN check digits', () => {
  it('accepts ISBN-13s whose weighted sum (1,3,1,3…) is a multiple of 10', () => {
    // 9+21+8+27+2+3+1+9+3+21+9+18 = 131, and 131+9 = 140.
    expect(normaliseIsbn('978-92-1-133796-9')).toBe('9789211337969');
    expect(normaliseIsbn('978 0 306 40615 7')).toBe('9780306406157');
  });

  it('refuses an ISBN-13 with a wrong check digit', () => {
    expect(normaliseIsbn('978-92-1-133796-2')).toBeNull();
    expect(normaliseIsbn('9780306406158')).toBeNull();
  });

  it('accepts ISBN-10s whose weighted sum (10…1) is a multiple of 11, X as ten', () => {
    // 0·10+3·9+0·8+6·7+4·6+0·5+6·4+1·3+5·2+2·1 = 132 = 12·11.
    expect(normaliseIsbn('0-306-40615-2')).toBe('0306406152');
    // 0·10+8·9+0·8+4·7+4·6+2·5+9·4+5·3+7·2+10·1 = 209 = 19·11.
    expect(normaliseIsbn('0-8044-2957-x')).toBe('080442957X');
  });

  it('refuses an ISBN-10 with a wrong check digit, and what is no ISBN', () => {
    expect(normaliseIsbn('0-306-40615-3')).toBeNull();
    expect(normaliseIsbn('X306406152')).toBeNull();
    expect(normaliseIsbn('12345')).toBeNull();
    expect(normaliseIsbn('')).toBeNull();
  });
});

describe('the delivery schemas', () => {
  const edition = {
    title: 'Manual',
    language: 'en',
    format: 'print',
    editionYear: 2012,
  };

  it('store an edition’s ISBN as its digits, and refuse a wrong check digit', () => {
    expect(EditionCreate.parse({ ...edition, isbn: '978-92-1-133796-9' }).isbn).toBe(
      '9789211337969',
    );
    expect(EditionCreate.safeParse({ ...edition, isbn: '978-92-1-133796-4' }).success).toBe(false);
    expect(EditionCreate.parse(edition)).toMatchObject({ isbn: null, salesNumber: null });
  });

  it('refuse a year outside 1900–2200 and a date that does not exist', () => {
    expect(EditionCreate.safeParse({ ...edition, editionYear: 1899 }).success).toBe(false);
    const delivery = {
      editionId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      quantity: 1,
      channel: 'download',
      memberState: 'ken',
      deliveredOn: '2026-02-28',
    };
    expect(DeliveryCreate.parse(delivery).memberState).toBe('KEN');
    expect(DeliveryCreate.safeParse({ ...delivery, deliveredOn: '2026-02-29' }).success).toBe(
      false,
    );
    expect(DeliveryCreate.safeParse({ ...delivery, memberState: 'ZZZ' }).success).toBe(false);
    expect(DeliveryCreate.safeParse({ ...delivery, quantity: 0 }).success).toBe(false);
  });

  it('ask a correction and a deletion for the version read', () => {
    const delivery = {
      editionId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      quantity: 12,
      channel: 'download',
      memberState: 'KEN',
      deliveredOn: '2026-03-03',
    };
    expect(DeliveryUpdate.safeParse(delivery).success).toBe(false);
    expect(DeliveryUpdate.parse({ ...delivery, version: 2 })).toMatchObject({
      quantity: 12,
      version: 2,
      institution: '',
    });
    expect(DeliveryUpdate.safeParse({ ...delivery, version: 2, bulk: true }).success).toBe(false);
    expect(DeliveryDeleteQuery.parse({ version: '3' })).toEqual({ version: 3 });
    expect(DeliveryDeleteQuery.safeParse({ version: '0' }).success).toBe(false);
    expect(DeliveryDeleteQuery.safeParse({}).success).toBe(false);
  });

  it('take IATI organisation identifiers with an agency prefix only', () => {
    const settings = {
      organisationIdentifier: 'XM-DAC-41146',
      organisationName: 'UNODC',
      organisationType: '40',
      sectorCodes: ['15130'],
      aidType: 'D02',
      flowType: '10',
      publicFile: false,
    };
    expect(IatiSettingsInput.safeParse(settings).success).toBe(true);
    for (const bad of ['41146', 'XM DAC 41146', 'XM-DAC/41146', 'XM-']) {
      expect(
        IatiSettingsInput.safeParse({ ...settings, organisationIdentifier: bad }).success,
      ).toBe(false);
    }
    expect(IatiSettingsInput.safeParse({ ...settings, sectorCodes: ['99999'] }).success).toBe(
      false,
    );
  });
});
