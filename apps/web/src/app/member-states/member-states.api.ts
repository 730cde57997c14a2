import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MemberState } from '@convene/contracts';

@Injectable({ providedIn: 'root' })
export class MemberStatesApi {
  private readonly http = inject(HttpClient);

  /** All 195 States with their names in the six UN languages. */
  list() {
    return this.http.get<MemberState[]>('/api/member-states');
  }
}
