import type { RecommendationStatus, ThematicArea } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The demo of recommendations for `npm start` (apps/api/src/cli/demo-seed.ts): the public expert
 * group meeting of last year and the reported national workshop carry recommendations to several
 * States, the organisation and partners, in every follow-up status, with their history (officers'
 * steps and a note of Kenya's focal point); the held Kampala workshop has none yet, and the demo
 * expert is its rapporteur, so recording them can be tried. Written with SQL, as an operator's
 * seed.
 */

interface DemoStep {
  /** Days ago. */
  daysAgo: number;
  /** A status change, or a note alone (null). */
  to: RecommendationStatus | null;
  note: string | null;
  /** A focal point's note for their State. */
  state?: string;
}

interface DemoRecommendation {
  area: ThematicArea;
  states: string[];
  organisation?: boolean;
  partners?: string[];
  text: string;
  steps: DemoStep[];
}

const VIENNA_EGM = 'Expert group meeting on the use of the Internet for terrorist purposes';
const NATIONAL_WORKSHOP = 'National workshop on prosecution and adjudication';
const KAMPALA_WORKSHOP = 'Sub-regional workshop on international cooperation in terrorism cases';

const RECOMMENDATIONS: Record<string, { createdDaysAgo: number; items: DemoRecommendation[] }> = {
  [VIENNA_EGM]: {
    createdDaysAgo: 415,
    items: [
      {
        area: 'international_cooperation',
        states: ['KEN', 'EGY', 'IDN'],
        organisation: true,
        text:
          'Member States should designate a central authority and a 24/7 point of contact for ' +
          'requests concerning electronic evidence, and make their details available through ' +
          'UNODC.\n\nUNODC should keep a directory of these contacts up to date.',
        steps: [
          {
            daysAgo: 300,
            to: 'in_progress',
            note: 'A directory of central authorities is drafted with 41 contributions.',
          },
          {
            daysAgo: 200,
            to: null,
            note:
              'The Office of the Director of Public Prosecutions is now Kenya’s central ' +
              'authority, with a 24/7 contact in its cybercrime unit.',
            state: 'KEN',
          },
          {
            daysAgo: 90,
            to: 'implemented',
            note: 'The directory is published in the online edition of the tool.',
          },
        ],
      },
      {
        area: 'private_sector_cooperation',
        states: [],
        organisation: true,
        partners: ['Tech Against Terrorism', 'Global Internet Forum to Counter Terrorism'],
        text:
          'UNODC should compile, with service providers, a guide to their law-enforcement ' +
          'request portals and to their procedures for preserving data.',
        steps: [
          {
            daysAgo: 120,
            to: 'in_progress',
            note: 'Eleven providers have answered the questionnaire; the guide is in drafting.',
          },
        ],
      },
      {
        area: 'human_rights',
        states: ['BRA', 'NGA', 'IDN'],
        text:
          'Legislation on the interception of communications should require judicial ' +
          'authorisation and independent oversight, proportionate to the offence investigated.',
        steps: [],
      },
      {
        area: 'legal_policy_frameworks',
        states: ['FRA', 'DEU'],
        text:
          'States should criminalise preparatory acts of terrorism committed online in terms ' +
          'that meet the principle of legality.',
        steps: [
          {
            daysAgo: 150,
            to: 'not_pursued',
            note:
              'Both States reported that their legislation already covers these acts; no ' +
              'further action is planned.',
          },
        ],
      },
    ],
  },
  [NATIONAL_WORKSHOP]: {
    createdDaysAgo: 27,
    items: [
      {
        area: 'prosecution_adjudication',
        states: ['KEN'],
        text:
          'The Judiciary of Kenya should issue practice directions on the admissibility of ' +
          'electronic evidence obtained from abroad.',
        steps: [
          {
            daysAgo: 10,
            to: 'in_progress',
            note: 'The Judiciary Training Institute has put the directions on its agenda.',
          },
        ],
      },
      {
        area: 'prosecution_adjudication',
        states: ['KEN'],
        organisation: true,
        text: 'UNODC should run a follow-up mock trial for magistrates in Mombasa and Kisumu.',
        steps: [],
      },
      {
        area: 'human_rights',
        states: ['KEN'],
        text:
          'Prosecutors should disclose to the defence how digital evidence was collected and ' +
          'preserved.',
        steps: [],
      },
    ],
  },
};

const IdRow = z.strictObject({ id: z.guid() });

export async function seedRecommendationsDemo(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; focal: string | null; expert: string | null },
): Promise<void> {
  const day = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * day);
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    const eventId = async (title: string) =>
      (await sql(manager, `select id from events where title = $1`, [title], IdRow))[0]?.id;

    // The demo expert reports on the Kampala workshop: they may record its recommendations.
    const kampala = await eventId(KAMPALA_WORKSHOP);
    if (kampala && people.expert) {
      await sql(
        manager,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, asked_by,
                                         asked_at, answered_at)
         values ($1, $2, $3, 'rapporteur', 'accepted', $4, $5, $6)`,
        [tenantId, kampala, people.expert, people.officer, ago(40), ago(38)],
      );
    }

    for (const [title, { createdDaysAgo, items }] of Object.entries(RECOMMENDATIONS)) {
      const event = await eventId(title);
      if (!event) continue;
      for (const [index, item] of items.entries()) {
        const created = ago(createdDaysAgo - index * 0.01);
        const statusSteps = item.steps.filter((step) => step.to !== null);
        const last = statusSteps[statusSteps.length - 1];
        const [row] = await sql(
          manager,
          `insert into recommendations (tenant_id, event_id, position, text, thematic_area,
                                        addressed_states, addressed_to_organisation,
                                        addressed_partners, status, created_by, created_at,
                                        updated_at, version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           returning id`,
          [
            tenantId,
            event,
            index + 1,
            item.text,
            item.area,
            item.states,
            item.organisation ?? false,
            item.partners ?? [],
            last?.to ?? 'open',
            people.officer,
            created,
            last ? ago(last.daysAgo) : created,
            1 + statusSteps.length,
          ],
          IdRow,
        );
        if (!row) continue;
        await sql(
          manager,
          `insert into recommendation_follow_ups (tenant_id, recommendation_id, to_status,
                                                  actor_id, at)
           values ($1, $2, 'open', $3, $4)`,
          [tenantId, row.id, people.officer, created],
        );
        let status: RecommendationStatus = 'open';
        for (const step of item.steps) {
          await sql(
            manager,
            `insert into recommendation_follow_ups (tenant_id, recommendation_id, from_status,
                                                    to_status, note, member_state_code,
                                                    actor_id, at)
             values ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              tenantId,
              row.id,
              step.to ? status : null,
              step.to,
              step.note,
              step.state ?? null,
              step.state ? people.focal : people.officer,
              ago(step.daysAgo),
            ],
          );
          if (step.to) status = step.to;
        }
      }
    }
  });
}
