import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BulkDeliveryCreateInput,
  BulkDeliveryResult,
  Coverage,
  Delivery,
  DeliveryChannel,
  DeliveryCreateInput,
  DeliveryPage,
  DeliveryUpdateInput,
  Edition,
  EditionCreateInput,
  EditionFormat,
  EditionLanguage,
  EditionList,
  GeographicRegion,
  IatiSettingsInput,
  IatiSettingsView,
  RegionalGroup,
} from '@convene/contracts';

export const DELIVERIES_PAGE = 25;

/** What the register asks the server for; null leaves a filter out. */
export interface DeliveryFilter {
  state: string | null;
  editionId: string | null;
  channel: DeliveryChannel | null;
  language: EditionLanguage | null;
  format: EditionFormat | null;
  from: string | null;
  to: string | null;
}

export const NO_DELIVERY_FILTER: DeliveryFilter = {
  state: null,
  editionId: null,
  channel: null,
  language: null,
  format: null,
  from: null,
  to: null,
};

export interface CoverageFilter {
  regionalGroup: RegionalGroup | null;
  region: GeographicRegion | null;
  from: string | null;
  to: string | null;
}

const enc = encodeURIComponent;

function params(filter: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== null && value !== undefined && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

/** The tool's editions, deliveries, coverage and IATI file: /api/t/:tenant/… (docs/delivery.md). */
@Injectable({ providedIn: 'root' })
export class DeliveryApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${enc(tenant)}`;
  }

  deliveries(tenant: string, filter: DeliveryFilter, after: string | null) {
    let query = params(filter).set('limit', DELIVERIES_PAGE);
    if (after) query = query.set('after', after);
    return this.http.get<DeliveryPage>(`${this.base(tenant)}/deliveries`, { params: query });
  }

  register(tenant: string, body: DeliveryCreateInput) {
    return this.http.post<Delivery>(`${this.base(tenant)}/deliveries`, body);
  }

  deliveryPath(tenant: string, id: string): string {
    return `${this.base(tenant)}/deliveries/${enc(id)}`;
  }

  delivery(tenant: string, id: string) {
    return this.http.get<Delivery>(this.deliveryPath(tenant, id));
  }

  /** A correction, with the version read: a stale one answers 409 listing what changed. */
  updateDelivery(tenant: string, id: string, body: DeliveryUpdateInput) {
    return this.http.put<Delivery>(this.deliveryPath(tenant, id), body);
  }

  deleteDelivery(tenant: string, id: string, version: number) {
    return this.http.delete<void>(this.deliveryPath(tenant, id), {
      params: new HttpParams().set('version', version),
    });
  }

  editionsPath(tenant: string): string {
    return `${this.base(tenant)}/tool-editions`;
  }

  editions(tenant: string) {
    return this.http.get<EditionList>(this.editionsPath(tenant));
  }

  createEdition(tenant: string, body: EditionCreateInput) {
    return this.http.post<Edition>(this.editionsPath(tenant), body);
  }

  updateEdition(tenant: string, id: string, body: EditionCreateInput & { version: number }) {
    return this.http.put<Edition>(`${this.editionsPath(tenant)}/${enc(id)}`, body);
  }

  previewPath(tenant: string, eventId: string): string {
    return `${this.base(tenant)}/events/${enc(eventId)}/delivery-preview`;
  }

  bulk(tenant: string, eventId: string, body: BulkDeliveryCreateInput) {
    return this.http.post<BulkDeliveryResult>(
      `${this.base(tenant)}/events/${enc(eventId)}/deliveries`,
      body,
    );
  }

  coveragePath(tenant: string, filter: CoverageFilter): string {
    const query = params(filter).toString();
    return `${this.base(tenant)}/coverage${query ? `?${query}` : ''}`;
  }

  coverage(tenant: string, filter: CoverageFilter) {
    return this.http.get<Coverage>(this.coveragePath(tenant, filter));
  }

  iatiSettingsPath(tenant: string): string {
    return `${this.base(tenant)}/iati/settings`;
  }

  saveIatiSettings(tenant: string, body: IatiSettingsInput) {
    return this.http.put<IatiSettingsView>(this.iatiSettingsPath(tenant), body);
  }

  /** The IATI file as text: a problem (no settings, nothing to report) arrives as an error. */
  iatiFile(tenant: string) {
    return this.http.get(`${this.base(tenant)}/iati/activities.xml`, { responseType: 'text' });
  }
}
