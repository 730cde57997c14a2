import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CertificateVerification } from '@convene/contracts';

/** The public check of a certificate of participation: /api/public/:slug/certificates/:code. */
@Injectable({ providedIn: 'root' })
export class VerifyApi {
  private readonly http = inject(HttpClient);

  verify(slug: string, code: string) {
    return this.http.get<CertificateVerification>(
      `/api/public/${encodeURIComponent(slug)}/certificates/${encodeURIComponent(code)}`,
    );
  }
}
