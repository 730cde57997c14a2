import type { AssessmentStatus, QuestionnaireQuestion } from '@convene/contracts';
import { defaultQuestionnaire } from '@convene/domain';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

const IdRow = z.strictObject({ id: z.guid() });

/** Answers by question key, as needs_assessments stores them. */
export type SeedAnswers = Record<string, { rating: number | null; evidence: string }>;

/**
 * An assessment of a State in the tenant, in the given status (validated ones carry the
 * officer's priorities), with these answers, created at `createdAt` (default now).
 */
export async function seedAssessment(
  ds: DataSource,
  tenantId: string,
  options: {
    state?: string;
    status?: AssessmentStatus;
    answers?: SeedAnswers;
    questionnaireNumber?: number;
    createdAt?: string;
    createdBy?: string | null;
    requestId?: string | null;
    priorities?: string;
  } = {},
): Promise<string> {
  const status = options.status ?? 'draft';
  const createdAt = options.createdAt ?? new Date().toISOString();
  const submitted = status === 'submitted' || status === 'validated';
  return inTransaction(ds, { tenantId }, async (m) => {
    const [row] = await sql(
      m,
      `insert into needs_assessments (tenant_id, member_state_code, request_id,
                                      questionnaire_number, status, answers, priorities,
                                      recommendations, created_by, updated_by, created_at,
                                      updated_at, submitted_at, validated_at, validated_by)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $9, $10, $10,
               case when $11 then $10::timestamptz + interval '7 days' end,
               case when $5 = 'validated' then $10::timestamptz + interval '14 days' end,
               case when $5 = 'validated' then $9::uuid end)
       returning id`,
      [
        tenantId,
        options.state ?? 'KEN',
        options.requestId ?? null,
        options.questionnaireNumber ?? 1,
        status,
        JSON.stringify(options.answers ?? {}),
        status === 'validated' ? (options.priorities ?? 'Priorities of the State') : null,
        status === 'validated' ? 'Recommendations of the officer' : null,
        options.createdBy ?? null,
        createdAt,
        submitted,
      ],
      IdRow,
    );
    if (!row) throw new Error('no assessment');
    return row.id;
  });
}

/** Every question of an area of the default questionnaire rated `rating`. */
export function ratedArea(area: string, rating: number, evidence = ''): SeedAnswers {
  return Object.fromEntries(
    defaultQuestionnaire()
      .filter((question) => question.area === area)
      .map((question) => [question.key, { rating, evidence }]),
  );
}

/** A tenant version of the questionnaire (numbered after the newest), draft or published. */
export async function seedQuestionnaire(
  ds: DataSource,
  tenantId: string,
  options: {
    status?: 'draft' | 'published';
    questions?: readonly QuestionnaireQuestion[];
    title?: string;
  } = {},
): Promise<string> {
  return inTransaction(ds, { tenantId }, async (m) => {
    const [row] = await sql(
      m,
      `insert into assessment_questionnaires (tenant_id, number, title, status, based_on,
                                              questions, published_at)
       values ($1, coalesce((select max(number) from assessment_questionnaires), 1) + 1, $2, $3,
               1, $4::jsonb, case when $3 = 'published' then now() end)
       returning id`,
      [
        tenantId,
        options.title ?? 'Questionnaire',
        options.status ?? 'draft',
        JSON.stringify(options.questions ?? defaultQuestionnaire()),
      ],
      IdRow,
    );
    if (!row) throw new Error('no questionnaire');
    return row.id;
  });
}
