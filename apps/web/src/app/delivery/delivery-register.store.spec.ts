import { isFiltered } from './delivery-register.store';
import { NO_DELIVERY_FILTER } from './delivery.api';

describe('the delivery register’s filter', () => {
  it('narrows once any filter is set', () => {
    expect(isFiltered(NO_DELIVERY_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_DELIVERY_FILTER, state: 'KEN' })).toBe(true);
    expect(isFiltered({ ...NO_DELIVERY_FILTER, from: '2026-01-01' })).toBe(true);
  });
});
