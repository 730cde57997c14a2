import {
  EventStatus,
  IatiAidType,
  IatiFlowType,
  IatiOrganisationType,
  IatiSectorCode,
  type IatiSettings,
  type IatiSettingsInput,
  type IatiSettingsView,
  TENANT_SLUG_PATTERN,
  type Language,
} from '@convene/contracts';
import {
  equalPercentages,
  eventTookPlace,
  iatiActivityStatus,
  narrativeLanguage,
} from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { announced, publicEvent } from '../events/event-visibility';
import { Tenant } from '../tenants/tenant.entity';
import { DeliveryException } from './delivery.exception';
import { XmlWriter } from './xml-writer';

const SettingsRow = z.strictObject({
  organisation_identifier: z.string(),
  organisation_name: z.string(),
  organisation_type: IatiOrganisationType,
  sector_codes: z.array(IatiSectorCode),
  aid_type: IatiAidType,
  flow_type: IatiFlowType,
  public_file: z.boolean(),
  version: z.number().int(),
  updated_at: z.date(),
  updated_by: z.guid().nullable(),
  updated_by_name: z.string().nullable(),
});
type SettingsRow = z.infer<typeof SettingsRow>;

/** An event as one IATI activity needs it: aggregates only, no person. */
const ActivityRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  status: EventStatus,
  starts_on: z.string(),
  ends_on: z.string(),
  working_languages: z.array(z.string()),
  partner_organisations: z.array(z.string()),
  updated_at: z.date(),
  countries: z.array(z.string()),
  female: z.number().int(),
  male: z.number().int(),
  other: z.number().int(),
  states_reached: z.number().int(),
});
type ActivityRow = z.infer<typeof ActivityRow>;

/**
 * The events past draft (announced) of the current tenant as IATI activities: `$1` true limits
 * them to public events (the public file). Per event, its recipient countries (host States and
 * States with an approved participant, ISO alpha-2) and the results: officials who attended
 * (fully or partly, at least one day) by sex, and the States they came from.
 */
const ACTIVITIES = `with attending as (
    select n.event_id, n.sex, n.member_state_code
      from nominations n
     where n.status = 'approved'
       and exists (select from attendance a
                    where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                      and a.status in ('attended', 'partly')))
  select e.id, e.title, e.summary, e.description, e.status,
         (e.starts_at at time zone e.time_zone)::date::text as starts_on,
         (e.ends_at at time zone e.time_zone)::date::text as ends_on,
         e.working_languages, e.partner_organisations, e.updated_at,
         array(select ms.alpha2::text from member_states ms
                where ms.alpha3 = any (e.host_states)
                   or exists (select from nominations n
                               where n.tenant_id = e.tenant_id and n.event_id = e.id
                                 and n.status = 'approved' and n.member_state_code = ms.alpha3)
                order by ms.alpha2) as countries,
         (select count(*) from attending t where t.event_id = e.id and t.sex = 'female')::int as female,
         (select count(*) from attending t where t.event_id = e.id and t.sex = 'male')::int as male,
         (select count(*) from attending t where t.event_id = e.id and t.sex = 'other')::int as other,
         (select count(distinct t.member_state_code) from attending t where t.event_id = e.id)::int
           as states_reached
    from events e
   where ${announced('e')} and (not $1::boolean or ${publicEvent('e')})
   order by e.starts_at, e.id`;

/** The result and indicator titles, in the six UN languages. */
const RESULT_TITLES: Record<'result' | 'trained' | 'states', Record<Language, string>> = {
  result: {
    en: 'Capacity of criminal justice officials strengthened',
    fr: 'Capacités des agents de la justice pénale renforcées',
    es: 'Capacidad de los funcionarios de justicia penal fortalecida',
    ar: 'تعزيز قدرات موظفي العدالة الجنائية',
    ru: 'Укрепление потенциала сотрудников системы уголовного правосудия',
    zh: '刑事司法官员能力得到加强',
  },
  trained: {
    en: 'Officials trained',
    fr: 'Agents publics formés',
    es: 'Funcionarios capacitados',
    ar: 'المسؤولون المدرَّبون',
    ru: 'Обученные должностные лица',
    zh: '受训官员',
  },
  states: {
    en: 'States reached',
    fr: 'États atteints',
    es: 'Estados alcanzados',
    ar: 'الدول التي تم الوصول إليها',
    ru: 'Охваченные государства',
    zh: '覆盖的国家',
  },
};
const DEFAULT_LANGUAGE = 'en';

/**
 * The tenant's IATI 2.03 reporting: its settings (admins), the activities file for officers,
 * and the public file a registry polls where the tenant enabled it. The file holds aggregates
 * only: events, their dates and States, and counts of officials by sex.
 */
@Injectable()
export class IatiService {
  constructor(private readonly audit: AuditService) {}

  async view(): Promise<IatiSettingsView> {
    const { manager, tenant } = requestContext.current();
    const settings = await this.settings();
    const [count] = await sql(
      manager,
      `select count(*)::int as activities from events e where ${announced('e')}`,
      [],
      z.strictObject({ activities: z.number().int() }),
    );
    return {
      settings: settings ? toSettings(settings) : null,
      publicPath: `/api/public/${tenant?.slug ?? ''}/iati-activities.xml`,
      activities: count?.activities ?? 0,
    };
  }

  /**
   * Saves the settings: the first time without a version, then with the version read (409 with
   * what changed otherwise; two first saves racing meet the primary key).
   */
  async save(body: IatiSettingsInput): Promise<IatiSettingsView> {
    const { manager, tenant, user } = requestContext.current();
    const before = await this.settings(true);
    if (before ? before.version !== body.version : body.version !== undefined) {
      throw new DeliveryException(
        409,
        'stale-version',
        'Someone changed the IATI settings meanwhile',
        'Reload them to see the changes, then apply yours again.',
        before ? changedSettings(before, body) : [],
      );
    }
    const values = [
      tenant?.id,
      body.organisationIdentifier,
      body.organisationName,
      body.organisationType,
      body.sectorCodes,
      body.aidType,
      body.flowType,
      body.publicFile,
      user?.id ?? null,
    ];
    if (before) {
      await sql(
        manager,
        `update iati_settings set organisation_identifier = $2, organisation_name = $3,
                organisation_type = $4, sector_codes = $5, aid_type = $6, flow_type = $7,
                public_file = $8, updated_by = $9, updated_at = now(), version = version + 1
          where tenant_id = $1`,
        values,
      );
    } else {
      await sql(
        manager,
        `insert into iati_settings (tenant_id, organisation_identifier, organisation_name,
                                    organisation_type, sector_codes, aid_type, flow_type,
                                    public_file, updated_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        values,
      );
    }
    await this.audit.record({
      action: 'iati_settings.saved',
      entity: 'iati_settings',
      entityId: tenant?.id ?? '',
      before: before ? toSettings(before) : undefined,
      after: body,
    });
    return this.view();
  }

  /** The tenant's activities file, for its officers and admins. */
  async activitiesFile(): Promise<string> {
    const settings = await this.settings();
    if (!settings) {
      throw new DeliveryException(
        409,
        'conflict',
        'The IATI settings are missing',
        'An administrator sets the reporting organisation first (IATI settings).',
      );
    }
    return this.write(settings, false);
  }

  /** The public file of the tenant `slug`: 404 unless the tenant publishes it. */
  async publicFile(slug: string): Promise<string> {
    const { manager } = requestContext.current();
    if (!TENANT_SLUG_PATTERN.test(slug) || slug === 'platform') throw notFound('Organisation');
    const tenant = await manager.findOne(Tenant, { select: { id: true }, where: { slug } });
    if (!tenant) throw notFound('Organisation');
    await applyScope(manager, { tenantId: tenant.id });
    const settings = await this.settings();
    if (!settings?.public_file) throw notFound('IATI file');
    return this.write(settings, true);
  }

  private async settings(forUpdate = false): Promise<SettingsRow | undefined> {
    const [row] = await sql(
      requestContext.current().manager,
      `select s.organisation_identifier, s.organisation_name, s.organisation_type, s.sector_codes,
              s.aid_type, s.flow_type, s.public_file, s.version, s.updated_at,
              u.id as updated_by, u.name as updated_by_name
         from iati_settings s left join users u on u.id = s.updated_by
         ${forUpdate ? 'for update of s' : ''}`,
      [],
      SettingsRow,
    );
    return row;
  }

  private async write(settings: SettingsRow, publicOnly: boolean): Promise<string> {
    const activities = await sql(
      requestContext.current().manager,
      ACTIVITIES,
      [publicOnly],
      ActivityRow,
    );
    if (activities.length === 0) {
      throw new DeliveryException(
        422,
        'unprocessable',
        'Nothing to report yet',
        publicOnly
          ? 'The organisation has no public event past draft: an IATI file needs at least one activity.'
          : 'The organisation has no event past draft: an IATI file needs at least one activity.',
      );
    }
    const xml = new XmlWriter().start('iati-activities', {
      version: '2.03',
      'generated-datetime': isoSeconds(new Date()),
    });
    for (const activity of activities) writeActivity(xml, settings, activity);
    return xml.end().toString();
  }
}

function writeActivity(xml: XmlWriter, settings: SettingsRow, activity: ActivityRow): void {
  const latin = (['en', 'fr', 'es'] as const).find((language) =>
    activity.working_languages.includes(language),
  );
  const narrative = (text: string) => {
    const language = narrativeLanguage(text, latin ?? DEFAULT_LANGUAGE);
    xml.leaf('narrative', language === DEFAULT_LANGUAGE ? {} : { 'xml:lang': language }, text);
  };
  const tookPlace = eventTookPlace(activity.status);
  xml.start('iati-activity', {
    'last-updated-datetime': isoSeconds(activity.updated_at),
    'xml:lang': DEFAULT_LANGUAGE,
    hierarchy: 1,
  });
  xml.leaf('iati-identifier', {}, `${settings.organisation_identifier}-${activity.id}`);
  xml.start('reporting-org', {
    ref: settings.organisation_identifier,
    type: settings.organisation_type,
  });
  xml.leaf('narrative', {}, settings.organisation_name);
  xml.end();
  xml.start('title');
  narrative(activity.title);
  xml.end();
  xml.start('description', { type: 1 });
  narrative(activity.description.trim() || activity.summary.trim() || activity.title);
  xml.end();
  xml.start('participating-org', {
    ref: settings.organisation_identifier,
    type: settings.organisation_type,
    role: 4,
  });
  xml.leaf('narrative', {}, settings.organisation_name);
  xml.end();
  for (const partner of activity.partner_organisations) {
    xml.start('participating-org', { role: 4 });
    narrative(partner);
    xml.end();
  }
  xml.leaf('activity-status', { code: iatiActivityStatus(activity.status) ?? '1' });
  xml.leaf('activity-date', { type: 1, 'iso-date': activity.starts_on });
  if (tookPlace) xml.leaf('activity-date', { type: 2, 'iso-date': activity.starts_on });
  xml.leaf('activity-date', { type: 3, 'iso-date': activity.ends_on });
  if (tookPlace) xml.leaf('activity-date', { type: 4, 'iso-date': activity.ends_on });
  const countryShares = equalPercentages(activity.countries.length);
  activity.countries.forEach((code, index) =>
    xml.leaf('recipient-country', { code, percentage: countryShares[index] }),
  );
  const sectorShares = equalPercentages(settings.sector_codes.length);
  settings.sector_codes.forEach((code, index) =>
    xml.leaf('sector', { vocabulary: 1, code, percentage: sectorShares[index] }),
  );
  xml.leaf('default-flow-type', { code: settings.flow_type });
  xml.leaf('default-aid-type', { code: settings.aid_type, vocabulary: 1 });
  if (tookPlace) writeResults(xml, activity);
  xml.end();
}

/** Officials trained, by sex (dimension elements), and States reached, over the event's dates. */
function writeResults(xml: XmlWriter, activity: ActivityRow): void {
  const titled = (titles: Record<Language, string>) => {
    xml.start('title');
    xml.leaf('narrative', {}, titles.en);
    for (const language of ['fr', 'es', 'ar', 'ru', 'zh'] as const) {
      xml.leaf('narrative', { 'xml:lang': language }, titles[language]);
    }
    xml.end();
  };
  const period = (write: () => void) => {
    xml.start('period');
    xml.leaf('period-start', { 'iso-date': activity.starts_on });
    xml.leaf('period-end', { 'iso-date': activity.ends_on });
    write();
    xml.end();
  };
  xml.start('result', { type: 1, 'aggregation-status': true });
  titled(RESULT_TITLES.result);
  xml.start('indicator', { measure: 1, ascending: true, 'aggregation-status': true });
  titled(RESULT_TITLES.trained);
  period(() => {
    xml.leaf('actual', { value: activity.female + activity.male + activity.other });
    for (const sex of ['female', 'male', 'other'] as const) {
      xml.start('actual', { value: activity[sex] });
      xml.leaf('dimension', { name: 'sex', value: sex });
      xml.end();
    }
  });
  xml.end();
  xml.start('indicator', { measure: 1, ascending: true });
  titled(RESULT_TITLES.states);
  period(() => xml.leaf('actual', { value: activity.states_reached }));
  xml.end();
  xml.end();
}

/** An instant as xsd:dateTime without fractions: 2026-03-12T09:30:00Z. */
const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

function toSettings(row: SettingsRow): IatiSettings {
  return {
    organisationIdentifier: row.organisation_identifier,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type,
    sectorCodes: row.sector_codes,
    aidType: row.aid_type,
    flowType: row.flow_type,
    publicFile: row.public_file,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy:
      row.updated_by && row.updated_by_name !== null
        ? { id: row.updated_by, name: row.updated_by_name }
        : null,
  };
}

function changedSettings(current: SettingsRow, sent: IatiSettingsInput) {
  const pairs: [string, unknown, unknown][] = [
    ['organisationIdentifier', current.organisation_identifier, sent.organisationIdentifier],
    ['organisationName', current.organisation_name, sent.organisationName],
    ['organisationType', current.organisation_type, sent.organisationType],
    ['sectorCodes', current.sector_codes.join(' '), sent.sectorCodes.join(' ')],
    ['aidType', current.aid_type, sent.aidType],
    ['flowType', current.flow_type, sent.flowType],
    ['publicFile', current.public_file, sent.publicFile],
  ];
  return pairs
    .filter(([, now, asSent]) => now !== asSent)
    .map(([path, now]) => ({ path, message: `is now ${String(now)}` }));
}
