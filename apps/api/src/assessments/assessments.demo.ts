import { ASSESSMENT_DIMENSIONS, THEMATIC_AREAS, type ThematicArea } from '@convene/contracts';
import { defaultQuestionnaire } from '@convene/domain';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The demo of needs assessments for `npm start` (apps/api/src/cli/demo-seed.ts): two validated
 * assessments of Kenya a year apart on the default questionnaire (the gaps in financing,
 * international cooperation and investigations narrowed; coordination on propaganda slipped),
 * Nigeria's submitted and waiting for an officer, Uganda's draft half filled by the officer, and
 * a draft revision of the questionnaire for the admin to finish. Written with SQL, as an
 * operator's seed.
 */

type Answers = Record<string, { rating: number | null; evidence: string }>;

/** Kenya a year ago: a rating per area, moved per dimension. */
const KENYA_THEN: Record<ThematicArea, number> = {
  propaganda: 1,
  radicalization_recruitment: 2,
  financing: 1,
  training: 2,
  planning_secret_communication: 1,
  execution_of_attacks: 2,
  investigations_digital_evidence: 1,
  prosecution_adjudication: 2,
  international_cooperation: 1,
  private_sector_cooperation: 0,
  legal_policy_frameworks: 2,
  human_rights: 2,
};
const DIMENSION_OFFSET = [1, 0, -1, 0, -1, 1];
/** What moved in the year: the workshops on financing, cooperation and evidence took. */
const KENYA_PROGRESS: Partial<Record<ThematicArea, number>> = {
  financing: 2,
  international_cooperation: 2,
  investigations_digital_evidence: 1,
  private_sector_cooperation: 1,
  training: 1,
};

const EVIDENCE: Record<string, string> = {
  'financing.legal_framework':
    'The Proceeds of Crime and Anti-Money Laundering Act covers the financing of terrorism; ' +
    'the 2024 amendment added the freezing of assets without delay.',
  'financing.institutional_capacity':
    'The Financial Reporting Centre has six analysts on terrorist financing, trained in 2025.',
  'international_cooperation.institutional_capacity':
    'A central authority for mutual legal assistance was designated at the Office of the ' +
    'Director of Public Prosecutions.',
  'private_sector_cooperation.private_sector_cooperation':
    'Two mobile-money operators report suspicious transactions; the banks’ forum meets twice a year.',
  'propaganda.inter_agency_coordination':
    'The taskforce on online content did not meet after the 2025 reorganisation.',
};

const clamp = (rating: number) => Math.max(0, Math.min(4, rating));

function kenya(year: 'then' | 'now'): Answers {
  return Object.fromEntries(
    defaultQuestionnaire().map((question) => {
      const dimension = ASSESSMENT_DIMENSIONS.indexOf(question.dimension);
      let rating = KENYA_THEN[question.area] + (DIMENSION_OFFSET[dimension] ?? 0);
      if (year === 'now') {
        rating += KENYA_PROGRESS[question.area] ?? 0;
        if (question.key === 'propaganda.inter_agency_coordination') rating -= 1;
      }
      return [question.key, { rating: clamp(rating), evidence: EVIDENCE[question.key] ?? '' }];
    }),
  );
}

/** The first `areas` sections rated from a base, the rest untouched (a draft in progress). */
function partial(areas: number, base: number): Answers {
  const filled = new Set(THEMATIC_AREAS.slice(0, areas));
  return Object.fromEntries(
    defaultQuestionnaire()
      .filter((question) => filled.has(question.area))
      .map((question, index) => [
        question.key,
        { rating: clamp(base + (index % 3) - 1), evidence: '' },
      ]),
  );
}

export async function seedAssessmentsDemo(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; focal: string | null; admin: string | null },
): Promise<void> {
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    const assessment = (values: {
      state: string;
      status: 'draft' | 'submitted' | 'validated';
      answers: Answers;
      daysAgo: number;
      by: string | null;
      priorities?: string;
      recommendations?: string;
    }) =>
      sql(
        manager,
        `insert into needs_assessments (tenant_id, member_state_code, questionnaire_number,
                                        status, answers, priorities, recommendations, created_by,
                                        updated_by, created_at, updated_at, submitted_at,
                                        validated_at, validated_by, version)
         values ($1, $2, 1, $3, $4::jsonb, $5, $6, $7, $7,
                 now() - make_interval(days => $8), now() - make_interval(days => $8 - 10),
                 case when $3 <> 'draft' then now() - make_interval(days => $8 - 12) end,
                 case when $3 = 'validated' then now() - make_interval(days => $8 - 15) end,
                 case when $3 = 'validated' then $9::uuid end, 6)`,
        [
          tenantId,
          values.state,
          values.status,
          JSON.stringify(values.answers),
          values.priorities ?? null,
          values.recommendations ?? null,
          values.by,
          values.daysAgo,
          people.officer,
        ],
      );
    await assessment({
      state: 'KEN',
      status: 'validated',
      answers: kenya('then'),
      daysAgo: 400,
      by: people.focal,
      priorities:
        'Countering the financing of terrorism; international cooperation in criminal matters; ' +
        'electronic evidence.',
      recommendations:
        'A national workshop on financial investigations with the Financial Reporting Centre.\n\n' +
        'Support to designate a central authority and train its staff on mutual legal assistance.',
    });
    await assessment({
      state: 'KEN',
      status: 'validated',
      answers: kenya('now'),
      daysAgo: 35,
      by: people.focal,
      priorities:
        'Cooperation with the private sector; inter-agency coordination on online propaganda.',
      recommendations:
        'A roundtable of the Financial Reporting Centre with mobile-money operators.\n\n' +
        'Revive the taskforce on online content, with a legislative review of its mandate.',
    });
    await assessment({
      state: 'NGA',
      status: 'submitted',
      answers: partial(12, 2),
      daysAgo: 14,
      by: people.officer,
    });
    await assessment({
      state: 'UGA',
      status: 'draft',
      answers: partial(5, 1),
      daysAgo: 3,
      by: people.officer,
    });
    // A revision of the questionnaire, still a draft: the admin adds a question on crypto-assets.
    await sql(
      manager,
      `insert into assessment_questionnaires (tenant_id, number, title, based_on, questions,
                                              created_by)
       values ($1, 2, '2027 revision', 1, $2::jsonb, $3)`,
      [
        tenantId,
        JSON.stringify([
          ...defaultQuestionnaire(),
          {
            key: 'financing.crypto-assets',
            area: 'financing',
            dimension: 'institutional_capacity',
            text: {
              en: 'Can the authorities trace, freeze and seize crypto-assets?',
              fr: 'Les autorités peuvent-elles tracer, geler et saisir des crypto-actifs ?',
            },
          },
        ]),
        people.admin,
      ],
    );
  });
}
