import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/** The reported workshop whose attending participants each received the English print edition. */
export const DELIVERY_DEMO_WORKSHOP = 'National workshop on prosecution and adjudication';

/** The demo's editions: every one an example (is_example), labelled so on every screen. */
const EDITIONS = [
  {
    key: 'en-print',
    title: 'The Use of the Internet for Terrorist Purposes',
    language: 'en',
    format: 'print',
    year: 2012,
    label: '1st edition',
    isbn: '9789211337969',
    sales: 'E.12.V.2',
  },
  {
    key: 'en-elearning',
    title: 'The Use of the Internet for Terrorist Purposes: e-learning module',
    language: 'en',
    format: 'elearning',
    year: 2019,
    label: 'v2.1',
    isbn: null,
    sales: null,
  },
  {
    key: 'fr-pdf',
    title: 'L’utilisation d’Internet à des fins terroristes',
    language: 'fr',
    format: 'pdf',
    year: 2013,
    label: '',
    isbn: null,
    sales: 'F.12.V.2',
  },
  {
    key: 'es-print',
    title: 'El uso de Internet con fines terroristas',
    language: 'es',
    format: 'print',
    year: 2013,
    label: '',
    isbn: null,
    sales: 'S.12.V.2',
  },
  {
    key: 'ar-pdf',
    title: 'استخدام الإنترنت في أغراض إرهابية',
    language: 'ar',
    format: 'pdf',
    year: 2013,
    label: '',
    isbn: null,
    sales: 'A.12.V.2',
  },
  {
    key: 'ru-pdf',
    title: 'Использование Интернета в террористических целях',
    language: 'ru',
    format: 'pdf',
    year: 2013,
    label: '',
    isbn: null,
    sales: 'R.12.V.2',
  },
  {
    key: 'zh-print',
    title: '利用互联网进行恐怖主义活动',
    language: 'zh',
    format: 'print',
    year: 2014,
    label: '',
    isbn: null,
    sales: 'C.12.V.2',
  },
] as const;

type EditionKey = (typeof EDITIONS)[number]['key'];

/** Deliveries by hand across regions: [edition, State, copies, channel, institution, date]. */
// prettier-ignore
const DELIVERIES: [EditionKey, string, number, string, string, string][] = [
  ['ar-pdf', 'EGY', 25, 'official_transmission', 'Public Prosecution', '2024-05-14'],
  ['ar-pdf', 'JOR', 12, 'official_transmission', 'Ministry of Justice', '2024-09-03'],
  ['ar-pdf', 'MAR', 8, 'download', 'Présidence du Ministère public', '2025-02-11'],
  ['ru-pdf', 'KAZ', 15, 'official_transmission', 'Prosecutor General’s Office', '2024-11-20'],
  ['ru-pdf', 'KGZ', 6, 'download', 'State Committee for National Security', '2025-04-08'],
  ['ru-pdf', 'UZB', 10, 'official_transmission', 'Supreme Court', '2025-06-17'],
  ['es-print', 'COL', 30, 'official_transmission', 'Fiscalía General de la Nación', '2024-07-22'],
  ['es-print', 'PER', 18, 'official_transmission', 'Ministerio Público', '2025-03-05'],
  ['es-print', 'MEX', 20, 'workshop_handout', 'Fiscalía General de la República', '2025-10-02'],
  ['fr-pdf', 'SEN', 14, 'official_transmission', 'Ministère de la Justice', '2024-10-10'],
  ['fr-pdf', 'MLI', 9, 'download', 'Pôle judiciaire spécialisé', '2025-01-28'],
  ['fr-pdf', 'NER', 11, 'official_transmission', 'Ministère de la Justice', '2025-05-19'],
  ['fr-pdf', 'FRA', 4, 'download', 'Parquet national antiterroriste', '2025-08-30'],
  ['zh-print', 'CHN', 40, 'official_transmission', 'Ministry of Public Security', '2025-09-09'],
  ['en-print', 'IND', 22, 'official_transmission', 'National Investigation Agency', '2024-12-02'],
  ['en-print', 'PHL', 16, 'workshop_handout', 'Department of Justice', '2025-07-15'],
  ['en-elearning', 'NGA', 35, 'elearning_enrolment', 'Nigeria Police Force', '2025-11-04'],
  ['en-elearning', 'GHA', 12, 'elearning_enrolment', 'Attorney-General’s Department', '2026-01-20'],
  ['en-elearning', 'KEN', 28, 'elearning_enrolment', 'Judiciary Training Institute', '2026-02-09'],
  ['en-print', 'IDN', 10, 'official_transmission', 'Attorney General’s Office', '2025-03-26'],
  ['en-print', 'FJI', 5, 'official_transmission', 'Office of the Director of Public Prosecutions', '2025-12-03'],
];

/**
 * The tool delivery demo: seven example editions in the six languages and three formats (the
 * English print one holding the library's module file), deliveries to twenty-one States of every
 * region, a hand-out of the English print edition to every attending participant of the
 * reported workshop (as the bulk register does it), and IATI settings for the export.
 */
export async function seedDeliveryDemo(
  dataSource: DataSource,
  tenantId: string,
  officer: string | null,
): Promise<void> {
  await inTransaction(dataSource, { tenantId }, async (m) => {
    const [library] = await sql(
      m,
      `select id from documents where event_id is null order by created_at limit 1`,
      [],
      z.strictObject({ id: z.guid() }),
    );
    const ids = new Map<EditionKey, string>();
    for (const edition of EDITIONS) {
      const [row] = await sql(
        m,
        `insert into tool_editions (tenant_id, title, language, format, edition_year, version_label,
                                    isbn, sales_number, document_id, is_example, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10) returning id`,
        [
          tenantId,
          edition.title,
          edition.language,
          edition.format,
          edition.year,
          edition.label,
          edition.isbn,
          edition.sales,
          edition.key === 'en-print' ? (library?.id ?? null) : null,
          officer,
        ],
        z.strictObject({ id: z.guid() }),
      );
      if (row) ids.set(edition.key, row.id);
    }
    for (const [key, state, quantity, channel, institution, on] of DELIVERIES) {
      await sql(
        m,
        `insert into tool_deliveries (tenant_id, edition_id, quantity, channel, member_state_code,
                                      institution, delivered_on, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, ids.get(key), quantity, channel, state, institution, on, officer],
      );
    }
    // The reported workshop's hand-out: one batch, one delivery per State of its attendees.
    const [workshop] = await sql(
      m,
      `select id, (ends_at at time zone time_zone)::date::text as ends_on from events where title = $1`,
      [DELIVERY_DEMO_WORKSHOP],
      z.strictObject({ id: z.guid(), ends_on: z.string() }),
    );
    if (workshop) {
      await sql(
        m,
        `with batch as (
           insert into tool_delivery_batches (tenant_id, id, event_id, created_by)
           values ($1, gen_random_uuid(), $2, $4) returning id)
         insert into tool_deliveries (tenant_id, edition_id, quantity, channel, member_state_code,
                                      delivered_on, event_id, batch_id, created_by)
         select $1, $3, count(*), 'workshop_handout', n.member_state_code, $5::date, $2,
                (select id from batch), $4
           from nominations n
          where n.event_id = $2 and n.status = 'approved'
            and exists (select from attendance a
                         where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                           and a.status in ('attended', 'partly'))
          group by n.member_state_code`,
        [tenantId, workshop.id, ids.get('en-print'), officer, workshop.ends_on],
      );
    }
    await sql(
      m,
      `insert into iati_settings (tenant_id, organisation_identifier, organisation_name,
                                  organisation_type, sector_codes, aid_type, flow_type,
                                  public_file, updated_by)
       values ($1, 'XI-IATI-CONVENE-DEMO', 'Terrorism Prevention Branch (demo)', '40',
               '{15130,15210,15220}', 'D02', '10', false, $2)`,
      [tenantId, officer],
    );
  });
}
