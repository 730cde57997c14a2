import {
  bulkHandOut,
  coverage,
  type CoverageDelivery,
  type CoverageState,
  equalPercentages,
  iatiActivityStatus,
  narrativeLanguage,
} from './delivery';

const STATES: CoverageState[] = [
  { alpha3: 'KEN', regionalGroup: 'african', region: 'africa' },
  { alpha3: 'UGA', regionalGroup: 'african', region: 'africa' },
  { alpha3: 'FRA', regionalGroup: 'western_european_others', region: 'europe' },
  { alpha3: 'PSE', regionalGroup: null, region: 'asia' },
];

const delivery = (over: Partial<CoverageDelivery>): CoverageDelivery => ({
  memberState: 'KEN',
  deliveries: 1,
  language: 'en',
  format: 'print',
  quantity: 1,
  deliveredOn: '2026-01-01',
  event: null,
  ...over,
});

describe('coverage of the tool', () => {
  const workshop = { id: 'e1', title: 'Nairobi workshop' };
  const seminar = { id: 'e2', title: 'Kampala seminar' };
  const figures = coverage(
    [
      delivery({
        language: 'fr',
        format: 'pdf',
        quantity: 12,
        deliveredOn: '2026-03-12',
        event: workshop,
      }),
      delivery({
        language: 'en',
        format: 'print',
        quantity: 12,
        deliveredOn: '2026-03-12',
        event: workshop,
      }),
      // Two deliveries summed by the query: they count as two.
      delivery({ deliveries: 2, format: 'print', quantity: 5, deliveredOn: '2025-06-01' }),
      delivery({
        memberState: 'UGA',
        language: 'ar',
        format: 'elearning',
        quantity: 3,
        deliveredOn: '2026-04-02',
        event: seminar,
      }),
      delivery({
        memberState: 'UGA',
        language: 'en',
        format: 'pdf',
        quantity: 2,
        deliveredOn: '2026-02-01',
        event: workshop,
      }),
      // Outside the filtered States: ignored.
      delivery({ memberState: 'BRA', quantity: 100 }),
    ],
    STATES,
  );

  it('says per State which languages and formats reached it, when last, through which events', () => {
    expect(figures.states).toEqual([
      {
        memberState: 'KEN',
        regionalGroup: 'african',
        region: 'africa',
        languages: ['en', 'fr'],
        formats: ['print', 'pdf'],
        lastDeliveredOn: '2026-03-12',
        events: [workshop],
        deliveries: 4,
        copies: 29,
      },
      {
        memberState: 'UGA',
        regionalGroup: 'african',
        region: 'africa',
        languages: ['ar', 'en'],
        formats: ['pdf', 'elearning'],
        lastDeliveredOn: '2026-04-02',
        // Newest first: the seminar (2 April) before the workshop's copies (1 February).
        events: [seminar, workshop],
        deliveries: 2,
        copies: 5,
      },
    ]);
  });

  it('lists the States never reached, in order', () => {
    expect(figures.neverReached).toEqual(['FRA', 'PSE']);
  });

  it('sums per region and per regional group, a State of no group under null', () => {
    expect(figures.byRegion).toEqual([
      { region: 'africa', statesReached: 2, statesTotal: 2, deliveries: 6, copies: 34 },
      { region: 'europe', statesReached: 0, statesTotal: 1, deliveries: 0, copies: 0 },
      { region: 'asia', statesReached: 0, statesTotal: 1, deliveries: 0, copies: 0 },
    ]);
    expect(figures.byRegionalGroup).toEqual([
      { regionalGroup: 'african', statesReached: 2, statesTotal: 2, deliveries: 6, copies: 34 },
      {
        regionalGroup: 'western_european_others',
        statesReached: 0,
        statesTotal: 1,
        deliveries: 0,
        copies: 0,
      },
      { regionalGroup: null, statesReached: 0, statesTotal: 1, deliveries: 0, copies: 0 },
    ]);
    expect(figures.totals).toEqual({ statesReached: 2, statesTotal: 4, deliveries: 6, copies: 34 });
  });

  it('with no deliveries reaches nobody', () => {
    const none = coverage([], STATES);
    expect(none.states).toEqual([]);
    expect(none.neverReached).toEqual(['KEN', 'UGA', 'FRA', 'PSE']);
    expect(none.totals).toEqual({ statesReached: 0, statesTotal: 4, deliveries: 0, copies: 0 });
  });
});

describe('a bulk hand-out', () => {
  it('gives each State with attending participants their number times the copies each', () => {
    expect(
      bulkHandOut(
        [
          { memberState: 'KEN', attending: 4 },
          { memberState: 'UGA', attending: 0 },
          { memberState: 'TZA', attending: 2 },
        ],
        [
          { editionId: 'fr-pdf', perParticipant: 1 },
          { editionId: 'en-print', perParticipant: 2 },
        ],
      ),
    ).toEqual([
      { editionId: 'fr-pdf', memberState: 'KEN', quantity: 4 },
      { editionId: 'fr-pdf', memberState: 'TZA', quantity: 2 },
      { editionId: 'en-print', memberState: 'KEN', quantity: 8 },
      { editionId: 'en-print', memberState: 'TZA', quantity: 4 },
    ]);
  });
});

describe('the IATI rules', () => {
  it('maps event statuses to IATI activity statuses, drafts to none', () => {
    expect(iatiActivityStatus('draft')).toBeNull();
    expect(iatiActivityStatus('planned')).toBe('1');
    expect(iatiActivityStatus('open_for_nominations')).toBe('2');
    expect(iatiActivityStatus('confirmed')).toBe('2');
    expect(iatiActivityStatus('held')).toBe('3');
    expect(iatiActivityStatus('reported')).toBe('3');
    expect(iatiActivityStatus('closed')).toBe('4');
    expect(iatiActivityStatus('cancelled')).toBe('5');
  });

  it('splits 100 into equal shares of two decimals that add up', () => {
    expect(equalPercentages(1)).toEqual(['100.00']);
    expect(equalPercentages(2)).toEqual(['50.00', '50.00']);
    expect(equalPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(equalPercentages(7)).toEqual([
      '14.29',
      '14.29',
      '14.29',
      '14.29',
      '14.28',
      '14.28',
      '14.28',
    ]);
    expect(equalPercentages(0)).toEqual([]);
  });

  it('tells a narrative’s language from its script', () => {
    expect(narrativeLanguage('حلقة عمل وطنية بشأن التحقيقات', 'en')).toBe('ar');
    expect(narrativeLanguage('关于网络恐怖主义的区域讲习班', 'en')).toBe('zh');
    expect(narrativeLanguage('Национальный семинар', 'fr')).toBe('ru');
    expect(narrativeLanguage('Atelier national sur les enquêtes', 'fr')).toBe('fr');
    expect(narrativeLanguage('National workshop', 'en')).toBe('en');
    // Mostly Chinese with a Latin acronym: Chinese.
    expect(narrativeLanguage('ICT 反恐讲习班', 'en')).toBe('zh');
    expect(narrativeLanguage('2026', 'es')).toBe('es');
  });
});
