import { TestBed } from '@angular/core/testing';
import type { Role } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { aRecommendation } from './recommendations.fixtures';
import { filterParams, NO_RECOMMENDATION_FILTER, RecommendationsApi } from './recommendations.api';
import { RecommendationsListStore } from './recommendations-list.store';

function setUp(role: Role, state: string | null = null) {
  const api = {
    list: jest.fn(),
    exportUrl: jest.fn((tenant: string, filter) => `/csv/${tenant}?${filterParams(filter)}`),
  };
  TestBed.configureTestingModule({
    providers: [
      RecommendationsListStore,
      { provide: RecommendationsApi, useValue: api },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', role, state)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  return api;
}

describe('the Recommendations list store', () => {
  it('opens on every recommendation, then loads the next page after the cursor', () => {
    const api = setUp('programme_officer');
    api.list
      .mockReturnValueOnce(of({ items: [aRecommendation({ id: 'a' })], nextCursor: 'c1' }))
      .mockReturnValueOnce(of({ items: [aRecommendation({ id: 'b' })], nextCursor: null }));
    const store = TestBed.inject(RecommendationsListStore);
    TestBed.tick();
    expect(api.list).toHaveBeenCalledWith('demo', NO_RECOMMENDATION_FILTER, null);
    store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith('demo', NO_RECOMMENDATION_FILTER, 'c1');
    expect(store.recommendations().map((item) => item.id)).toEqual(['a', 'b']);
    expect(store.filtered()).toBe(false);
    expect(store.canFollowUp()).toBe(true);
  });

  it('asks again with each filter, exports the same filters, and clears them', () => {
    const api = setUp('focal_point', 'KEN');
    api.list.mockReturnValue(of({ items: [], nextCursor: null }));
    const store = TestBed.inject(RecommendationsListStore);
    TestBed.tick();
    store.setFilter({ state: 'UGA', status: 'implemented', year: 2025, q: ' evidence ' });
    expect(api.list).toHaveBeenLastCalledWith(
      'demo',
      expect.objectContaining({ state: 'UGA', status: 'implemented', year: 2025 }),
      null,
    );
    expect(store.filtered()).toBe(true);
    expect(store.exportUrl()).toBe('/csv/demo?q=evidence&state=UGA&status=implemented&year=2025');
    store.clearFilters();
    expect(store.filtered()).toBe(false);
    expect(api.list).toHaveBeenLastCalledWith('demo', NO_RECOMMENDATION_FILTER, null);
  });

  it('puts a followed-up recommendation in its place', () => {
    const api = setUp('programme_officer');
    api.list.mockReturnValue(
      of({ items: [aRecommendation({ id: 'a' }), aRecommendation({ id: 'b' })], nextCursor: null }),
    );
    const store = TestBed.inject(RecommendationsListStore);
    TestBed.tick();
    store.replace(aRecommendation({ id: 'b', status: 'implemented' }));
    expect(store.recommendations().map((item) => `${item.id}:${item.status}`)).toEqual([
      'a:open',
      'b:implemented',
    ]);
  });

  it('lets experts read but not follow up', () => {
    const api = setUp('expert');
    api.list.mockReturnValue(of({ items: [], nextCursor: null }));
    const store = TestBed.inject(RecommendationsListStore);
    TestBed.tick();
    expect(store.canFollowUp()).toBe(false);
  });
});
