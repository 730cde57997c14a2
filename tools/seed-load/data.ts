// The static tables the load generator draws from: venues, weights, durations and the words of
// titles and summaries. Only data here; tools/seed-load/generator.ts decides how to combine them.
import type {
  EventType,
  Language,
  RegionalGroup,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';

/** Where events are held most: the State's IANA zone and the usual venue city. */
export const VENUES: Record<string, [zone: string, city: string]> = {
  // African States
  DZA: ['Africa/Algiers', 'Algiers'],
  BFA: ['Africa/Ouagadougou', 'Ouagadougou'],
  CMR: ['Africa/Douala', 'Yaoundé'],
  TCD: ['Africa/Ndjamena', "N'Djamena"],
  CIV: ['Africa/Abidjan', 'Abidjan'],
  EGY: ['Africa/Cairo', 'Cairo'],
  ETH: ['Africa/Addis_Ababa', 'Addis Ababa'],
  GHA: ['Africa/Accra', 'Accra'],
  KEN: ['Africa/Nairobi', 'Nairobi'],
  MLI: ['Africa/Bamako', 'Bamako'],
  MRT: ['Africa/Nouakchott', 'Nouakchott'],
  MAR: ['Africa/Casablanca', 'Rabat'],
  MOZ: ['Africa/Maputo', 'Maputo'],
  NER: ['Africa/Niamey', 'Niamey'],
  NGA: ['Africa/Lagos', 'Abuja'],
  RWA: ['Africa/Kigali', 'Kigali'],
  SEN: ['Africa/Dakar', 'Dakar'],
  SOM: ['Africa/Mogadishu', 'Mogadishu'],
  ZAF: ['Africa/Johannesburg', 'Pretoria'],
  TUN: ['Africa/Tunis', 'Tunis'],
  UGA: ['Africa/Kampala', 'Kampala'],
  TZA: ['Africa/Dar_es_Salaam', 'Dar es Salaam'],
  // Asia-Pacific States
  BGD: ['Asia/Dhaka', 'Dhaka'],
  CHN: ['Asia/Shanghai', 'Beijing'],
  IND: ['Asia/Kolkata', 'New Delhi'],
  IDN: ['Asia/Jakarta', 'Jakarta'],
  IRQ: ['Asia/Baghdad', 'Baghdad'],
  JPN: ['Asia/Tokyo', 'Tokyo'],
  JOR: ['Asia/Amman', 'Amman'],
  KAZ: ['Asia/Almaty', 'Astana'],
  KGZ: ['Asia/Bishkek', 'Bishkek'],
  LBN: ['Asia/Beirut', 'Beirut'],
  MYS: ['Asia/Kuala_Lumpur', 'Kuala Lumpur'],
  NPL: ['Asia/Kathmandu', 'Kathmandu'],
  PAK: ['Asia/Karachi', 'Islamabad'],
  PHL: ['Asia/Manila', 'Manila'],
  QAT: ['Asia/Qatar', 'Doha'],
  SAU: ['Asia/Riyadh', 'Riyadh'],
  LKA: ['Asia/Colombo', 'Colombo'],
  TJK: ['Asia/Dushanbe', 'Dushanbe'],
  THA: ['Asia/Bangkok', 'Bangkok'],
  ARE: ['Asia/Dubai', 'Abu Dhabi'],
  UZB: ['Asia/Tashkent', 'Tashkent'],
  // Eastern European States
  ALB: ['Europe/Tirane', 'Tirana'],
  ARM: ['Asia/Yerevan', 'Yerevan'],
  AZE: ['Asia/Baku', 'Baku'],
  BIH: ['Europe/Sarajevo', 'Sarajevo'],
  GEO: ['Asia/Tbilisi', 'Tbilisi'],
  MDA: ['Europe/Chisinau', 'Chișinău'],
  MNE: ['Europe/Podgorica', 'Podgorica'],
  MKD: ['Europe/Skopje', 'Skopje'],
  POL: ['Europe/Warsaw', 'Warsaw'],
  ROU: ['Europe/Bucharest', 'Bucharest'],
  RUS: ['Europe/Moscow', 'Moscow'],
  SRB: ['Europe/Belgrade', 'Belgrade'],
  UKR: ['Europe/Kyiv', 'Kyiv'],
  // Latin American and Caribbean States
  ARG: ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
  BRA: ['America/Sao_Paulo', 'Brasília'],
  CHL: ['America/Santiago', 'Santiago'],
  COL: ['America/Bogota', 'Bogotá'],
  CRI: ['America/Costa_Rica', 'San José'],
  DOM: ['America/Santo_Domingo', 'Santo Domingo'],
  ECU: ['America/Guayaquil', 'Quito'],
  JAM: ['America/Jamaica', 'Kingston'],
  MEX: ['America/Mexico_City', 'Mexico City'],
  PAN: ['America/Panama', 'Panama City'],
  PRY: ['America/Asuncion', 'Asunción'],
  PER: ['America/Lima', 'Lima'],
  TTO: ['America/Port_of_Spain', 'Port of Spain'],
  // Western European and other States
  AUS: ['Australia/Sydney', 'Canberra'],
  AUT: ['Europe/Vienna', 'Vienna'],
  BEL: ['Europe/Brussels', 'Brussels'],
  CAN: ['America/Toronto', 'Ottawa'],
  FRA: ['Europe/Paris', 'Paris'],
  DEU: ['Europe/Berlin', 'Berlin'],
  GRC: ['Europe/Athens', 'Athens'],
  ITA: ['Europe/Rome', 'Rome'],
  NLD: ['Europe/Amsterdam', 'The Hague'],
  NOR: ['Europe/Oslo', 'Oslo'],
  PRT: ['Europe/Lisbon', 'Lisbon'],
  ESP: ['Europe/Madrid', 'Madrid'],
  SWE: ['Europe/Stockholm', 'Stockholm'],
  CHE: ['Europe/Zurich', 'Geneva'],
  TUR: ['Europe/Istanbul', 'Ankara'],
  GBR: ['Europe/London', 'London'],
  USA: ['America/New_York', 'New York'],
};

/** Recent years are busier; the planning horizon thins out after the current year. */
export const YEAR_WEIGHTS: [number, number][] = [
  [2020, 3],
  [2021, 4],
  [2022, 5],
  [2023, 6],
  [2024, 7],
  [2025, 8],
  [2026, 9],
  [2027, 6],
  [2028, 3],
];

export const TYPE_WEIGHTS: Record<EventType, number> = {
  national_workshop: 30,
  regional_workshop: 18,
  webinar: 18,
  training_course: 12,
  expert_group_meeting: 8,
  training_of_trainers: 6,
  launch_event: 5,
  study_visit: 3,
};

export const TYPE_LABELS: Record<EventType, string> = {
  expert_group_meeting: 'Expert group meeting',
  national_workshop: 'National workshop',
  regional_workshop: 'Regional workshop',
  training_course: 'Training course',
  training_of_trainers: 'Training of trainers',
  study_visit: 'Study visit',
  webinar: 'Webinar',
  launch_event: 'Launch',
};

/** Days and hours an event of each type lasts: [min days, max days] or hours for one-day ones. */
export const DURATION: Record<EventType, { days: [number, number] } | { hours: [number, number] }> =
  {
    expert_group_meeting: { days: [2, 3] },
    national_workshop: { days: [2, 5] },
    regional_workshop: { days: [3, 5] },
    training_course: { days: [3, 10] },
    training_of_trainers: { days: [4, 8] },
    study_visit: { days: [3, 6] },
    webinar: { hours: [1.5, 3] },
    launch_event: { hours: [2, 4] },
  };

export const TOPICS: Record<ThematicArea, string[]> = {
  propaganda: [
    'countering terrorist propaganda online',
    'content moderation and removal orders',
    'terrorist use of video-sharing platforms',
    'deepfakes and synthetic terrorist content',
  ],
  radicalization_recruitment: [
    'online radicalization of young people',
    'recruitment through gaming platforms',
    'prevention of violent extremism in schools',
    'online grooming by terrorist groups',
  ],
  financing: [
    'terrorist financing through virtual assets',
    'crowdfunding and the financing of terrorism',
    'cryptocurrency tracing for financial intelligence units',
    'hawala networks and informal value transfer',
  ],
  training: [
    'online manuals and the training of terrorists',
    'detecting instructional material online',
    '3D-printed weapons and online blueprints',
  ],
  planning_secret_communication: [
    'encrypted messaging and lawful access',
    'the dark web and terrorist planning',
    'steganography and covert channels',
  ],
  execution_of_attacks: [
    'cyber attacks on critical infrastructure',
    'drones and unmanned aircraft systems',
    'livestreamed attacks and crisis response',
  ],
  investigations_digital_evidence: [
    'electronic evidence in terrorism investigations',
    'open-source intelligence for investigators',
    'mobile device forensics',
    'preservation requests to service providers',
  ],
  prosecution_adjudication: [
    'prosecuting terrorism cases with digital evidence',
    'admissibility of electronic evidence in court',
    'trial management of complex terrorism cases',
  ],
  international_cooperation: [
    'mutual legal assistance for electronic evidence',
    'direct cooperation with foreign service providers',
    'joint investigation teams',
    'extradition in terrorism cases',
  ],
  private_sector_cooperation: [
    'public-private partnerships against terrorist content',
    'emergency disclosure requests',
    'transparency reporting by technology companies',
  ],
  legal_policy_frameworks: [
    'criminalization of online terrorist offences',
    'legislative drafting on cybercrime and terrorism',
    'data protection in counter-terrorism legislation',
  ],
  human_rights: [
    'human rights compliant counter-terrorism online',
    'freedom of expression and terrorist content',
    'gender dimensions of online radicalization',
  ],
};

export const AUDIENCE_WORDS: Record<TargetAudience, string> = {
  policy_makers: 'policy makers',
  investigators: 'investigators',
  prosecutors: 'prosecutors',
  judges: 'judges',
  central_authorities: 'central authorities',
  private_sector: 'technology companies',
  civil_society: 'civil society organizations',
};

export const PUBLICATIONS = [
  'practical guide on electronic evidence',
  'handbook on terrorist financing through virtual assets',
  'model legislative provisions on online terrorist content',
  'toolkit on preventing online radicalization',
  'digest of terrorism cases involving the internet',
];

export const PARTNERS = [
  'INTERPOL',
  'Council of Europe',
  'OSCE',
  'African Union',
  'European Union',
  'Global Counterterrorism Forum',
  'Tech Against Terrorism',
  'Counter-Terrorism Committee Executive Directorate',
  'UN Office of Counter-Terrorism',
  'Financial Action Task Force',
];

export const VENUE_NAMES = [
  'National Police Academy',
  'Ministry of Justice Training Centre',
  'Judicial Training Institute',
  'UN House',
  'Conference Centre',
  'Radisson Blu',
  'Hilton Conference Hall',
  'Prosecutors Training School',
];

export const CANCEL_REASONS = [
  'Security situation in the host country',
  'Postponed at the request of the host government',
  'Funding not confirmed in time',
  'Travel restrictions',
  'Too few nominations received',
];

export const REGION_LANGUAGES: Record<RegionalGroup, Language[]> = {
  african: ['en', 'fr', 'ar'],
  asia_pacific: ['en', 'ar', 'zh', 'ru'],
  eastern_european: ['en', 'ru'],
  latin_american_caribbean: ['es', 'en'],
  western_european_others: ['en', 'fr'],
};

export const REGION_NAMES: Record<RegionalGroup, string> = {
  african: 'African States',
  asia_pacific: 'Asia-Pacific States',
  eastern_european: 'Eastern European States',
  latin_american_caribbean: 'Latin America and the Caribbean',
  western_european_others: 'Western European and other States',
};
