import {
  type AssessmentAnswer,
  type AssessmentCreate,
  type AssessmentDetail,
  type AssessmentPage,
  type AssessmentQuery,
  type AssessmentReturn,
  type AssessmentSectionSave,
  AssessmentStatus,
  type AssessmentSummary,
  type AssessmentValidate,
  type QuestionnaireQuestion,
  THEMATIC_AREAS,
  type VersionOnly,
} from '@convene/contracts';
import {
  type AssessmentAction,
  assessmentChange,
  assessmentEditable,
  assessmentTransition,
  can,
  type Ratings,
  scoreAssessment,
} from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { visibilityOf } from '../events/event-visibility';
import { requireLinkableRequest } from '../requests/request-visibility';
import { visibleAssessment } from './assessment-visibility';
import { type AssessmentStep, notifyAssessedState, notifyValidators } from './assessments.mail';
import { AssessmentsException } from './assessments.exception';
import { QuestionnairesService } from './questionnaires.service';

const AssessmentRow = z.strictObject({
  id: z.guid(),
  member_state_code: z.string(),
  request_id: z.guid().nullable(),
  questionnaire_number: z.number().int(),
  status: AssessmentStatus,
  answers: z.unknown(),
  priorities: z.string().nullable(),
  recommendations: z.string().nullable(),
  return_reason: z.string().nullable(),
  version: z.number().int(),
  created_by: z.guid().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.date(),
  created_key: z.string(),
  updated_by: z.guid().nullable(),
  updated_by_name: z.string().nullable(),
  updated_at: z.date(),
  submitted_at: z.date().nullable(),
  validated_at: z.date().nullable(),
  validated_by: z.guid().nullable(),
  validated_by_name: z.string().nullable(),
});
type AssessmentRow = z.infer<typeof AssessmentRow>;

const COLUMNS = `a.id, a.member_state_code::text as member_state_code, a.request_id,
  a.questionnaire_number, a.status, a.answers, a.priorities, a.recommendations, a.return_reason,
  a.version, a.created_by, creator.name as created_by_name, a.created_at,
  a.created_at::text as created_key, a.updated_by, editor.name as updated_by_name, a.updated_at,
  a.submitted_at, a.validated_at, a.validated_by, validator.name as validated_by_name`;

const FROM = `needs_assessments a
  left join users creator on creator.id = a.created_by
  left join users editor on editor.id = a.updated_by
  left join users validator on validator.id = a.validated_by`;

/** The caller as $1–$2 (their State, whether they plan): the one rule of assessments. */
const VISIBLE = visibleAssessment('a', {
  userId: 'null::uuid',
  memberState: '$1::char(3)',
  manages: '$2::boolean',
});

const CURSOR = ['timestamp', 'uuid'] as const;

/** Answers as stored: by question key. */
const StoredAnswers = z.record(
  z.string(),
  z.strictObject({ rating: z.number().int().min(0).max(4).nullable(), evidence: z.string() }),
);
type StoredAnswers = z.infer<typeof StoredAnswers>;

const IdRow = z.strictObject({ id: z.guid() });

/**
 * Needs assessments of States: created for a State (a focal point only for their own) on the
 * newest published questionnaire, filled section by section (each save names the version it
 * read: a stale one answers 409), submitted, then validated with the officer's priorities and
 * recommendations, or returned to be completed. Every read goes through visibleAssessment.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly questionnaires: QuestionnairesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: AssessmentQuery): Promise<AssessmentPage> {
    const cursor = decodeCursor(query.after, CURSOR);
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where ${VISIBLE}
          and ($3::char(3) is null or a.member_state_code = $3)
          and ($4::text is null or a.status = $4)
          and ($5::timestamptz is null or a.created_at < $5::timestamptz
               or (a.created_at = $5::timestamptz and a.id < $6::uuid))
        order by a.created_at desc, a.id desc
        limit $7`,
      [
        ...this.visibility(),
        query.state ?? null,
        query.status ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      AssessmentRow,
    );
    const page = rows.slice(0, query.limit);
    const questions = await this.questionnaires.questionsOf([
      ...new Set(page.map((row) => row.questionnaire_number)),
    ]);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toSummary(row, questions.get(row.questionnaire_number) ?? [])),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async get(id: string): Promise<AssessmentDetail> {
    const row = await this.find(id);
    return this.detail(row);
  }

  async create(input: AssessmentCreate): Promise<AssessmentDetail> {
    const { manager, user, tenant } = requestContext.current();
    if (!tenant) throw forbidden();
    // A focal point assesses their own State only; officers any.
    if (!can(tenant.role, 'events.manage') && tenant.memberStateCode !== input.memberState) {
      throw new AssessmentsException(
        403,
        'forbidden',
        'You assess your own State only',
        'A focal point fills assessments of the State they represent.',
      );
    }
    if (input.requestId) await requireLinkableRequest(manager, input.requestId, input.memberState);
    const number = await this.questionnaires.currentNumber();
    const [created] = await sql(
      manager,
      `insert into needs_assessments (tenant_id, member_state_code, request_id,
                                      questionnaire_number, created_by, updated_by)
       values (nullif(current_setting('app.tenant_id', true), '')::uuid, $1, $2, $3, $4, $4)
       returning id`,
      [input.memberState, input.requestId ?? null, number, user?.id ?? null],
      IdRow,
    );
    if (!created) throw notFound('Assessment');
    const detail = await this.get(created.id);
    await this.record('assessment.created', created.id, undefined, {
      memberState: input.memberState,
      requestId: input.requestId ?? null,
      questionnaireVersion: number,
    });
    return detail;
  }

  /** One section (a thematic area): its answers replace those saved before. */
  async saveSection(
    id: string,
    areaParam: string,
    input: AssessmentSectionSave,
  ): Promise<AssessmentDetail> {
    const area = THEMATIC_AREAS.find((candidate) => candidate === areaParam);
    const row = await this.find(id, true);
    this.check(row, 'save', input.version);
    const [questions] = (
      await this.questionnaires.questionsOf([row.questionnaire_number])
    ).values();
    const inSection = new Set(
      (questions ?? [])
        .filter((question) => question.area === area)
        .map((question) => question.key),
    );
    if (!area || inSection.size === 0) throw notFound('Section');
    const strangers = input.answers.filter((answer) => !inSection.has(answer.key));
    if (strangers.length > 0) {
      throw new AssessmentsException(
        400,
        'validation',
        'The request is not valid',
        undefined,
        strangers.map((answer) => ({
          path: 'answers',
          message: `${answer.key} is not a question of this section`,
        })),
      );
    }
    const section: StoredAnswers = Object.fromEntries(
      input.answers.map((answer) => [
        answer.key,
        { rating: answer.rating, evidence: answer.evidence },
      ]),
    );
    await this.write(row, `answers = answers || $3::jsonb`, [JSON.stringify(section)]);
    await this.record('assessment.section_saved', id, undefined, { area, answers: section });
    return this.get(id);
  }

  async submit(id: string, input: VersionOnly): Promise<AssessmentDetail> {
    const row = await this.find(id, true);
    this.check(row, 'submit', input.version);
    const [questions] = (
      await this.questionnaires.questionsOf([row.questionnaire_number])
    ).values();
    const { answered, questions: asked } = scoreAssessment(
      questions ?? [],
      ratingsOf(answersOf(row)),
    );
    if (answered === 0) {
      throw new AssessmentsException(
        409,
        'assessment-state',
        'Nothing is rated yet',
        'Rate at least one question before submitting the assessment.',
      );
    }
    await this.write(row, `status = 'submitted', submitted_at = now(), return_reason = null`, []);
    await this.record('assessment.submitted', id, { status: row.status }, { status: 'submitted' });
    await notifyValidators(
      requestContext.current().manager,
      { ...this.step(row), answered, questions: asked, resubmitted: row.status === 'returned' },
      this.config.appUrl,
    );
    return this.get(id);
  }

  async validate(id: string, input: AssessmentValidate): Promise<AssessmentDetail> {
    const { user } = requestContext.current();
    const row = await this.find(id, true);
    this.check(row, 'validate', input.version);
    await this.write(
      row,
      `status = 'validated', validated_at = now(), validated_by = $3, priorities = $4,
       recommendations = $5`,
      [user?.id ?? null, input.priorities, input.recommendations],
    );
    await this.record(
      'assessment.validated',
      id,
      { status: row.status },
      {
        status: 'validated',
        priorities: input.priorities,
        recommendations: input.recommendations,
      },
    );
    await notifyAssessedState(
      requestContext.current().manager,
      { ...this.step(row), outcome: 'validated', reason: null },
      this.config.appUrl,
    );
    return this.get(id);
  }

  async returnToFill(id: string, input: AssessmentReturn): Promise<AssessmentDetail> {
    const row = await this.find(id, true);
    this.check(row, 'return', input.version);
    await this.write(row, `status = 'returned', return_reason = $3`, [input.reason]);
    await this.record(
      'assessment.returned',
      id,
      { status: row.status },
      {
        status: 'returned',
        reason: input.reason,
      },
    );
    await notifyAssessedState(
      requestContext.current().manager,
      { ...this.step(row), outcome: 'returned', reason: input.reason },
      this.config.appUrl,
    );
    return this.get(id);
  }

  /** A step just written on `row` (its version now one more), for its mail. */
  private step(row: AssessmentRow): AssessmentStep {
    const { user, tenant } = requestContext.current();
    return {
      tenantId: tenant?.id ?? '',
      assessmentId: row.id,
      actorId: user?.id ?? null,
      key: `v${row.version + 1}`,
    };
  }

  /** The caller's State (a focal point's) and whether they plan: $1 and $2 of VISIBLE. */
  private visibility(): [string | null, boolean] {
    const { user, tenant } = requestContext.current();
    const [, memberState, manages] = visibilityOf(user?.id ?? null, tenant);
    return [memberState, manages];
  }

  /** One assessment the caller may see, or 404. */
  private async find(id: string, forUpdate = false): Promise<AssessmentRow> {
    if (!isUuid(id)) throw notFound('Assessment');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where a.id = $3 and ${VISIBLE}
        ${forUpdate ? 'for update of a' : ''}`,
      [...this.visibility(), id],
      AssessmentRow,
    );
    if (!row) throw notFound('Assessment');
    return row;
  }

  /** The status allows the step, and the caller read the version that is current. */
  private check(row: AssessmentRow, action: AssessmentAction, version: number): void {
    const step = assessmentTransition(row.status, action);
    if (!step.ok) {
      throw new AssessmentsException(409, 'assessment-state', 'Not possible now', step.reason);
    }
    if (row.version !== version) {
      const who = row.updated_by_name ? ` by ${row.updated_by_name}` : '';
      throw new AssessmentsException(
        409,
        'stale-version',
        'Someone saved this assessment meanwhile',
        `Version ${row.version} was saved${who} at ${row.updated_at.toISOString()}; you read ` +
          `version ${version}. Reload it to see their answers, then apply yours again.`,
      );
    }
  }

  /**
   * One change of the row, guarded by its version again (the row is locked; the guard keeps a
   * future caller without the lock honest). `$1` id, `$2` version, then `values`.
   */
  private async write(row: AssessmentRow, set: string, values: unknown[]): Promise<void> {
    const { manager, user } = requestContext.current();
    const updated = await sql(
      manager,
      `update needs_assessments
          set ${set}, version = version + 1, updated_at = now(),
              updated_by = $${values.length + 3}
        where id = $1 and version = $2
        returning id`,
      [row.id, row.version, ...values, user?.id ?? null],
      IdRow,
    );
    if (updated.length === 0) throw notFound('Assessment');
  }

  private async detail(row: AssessmentRow): Promise<AssessmentDetail> {
    const { manager, tenant } = requestContext.current();
    // The State's latest validated assessment before this one, under the same rule.
    const [earlier] = await sql(
      manager,
      `select ${COLUMNS} from ${FROM}
        where ${VISIBLE} and a.member_state_code = $3 and a.status = 'validated'
          and a.id <> $4 and a.created_at < $5
        order by a.created_at desc, a.id desc
        limit 1`,
      [...this.visibility(), row.member_state_code, row.id, row.created_at],
      AssessmentRow,
    );
    const questionnaires = await this.questionnaires.questionsOf(
      earlier
        ? [row.questionnaire_number, earlier.questionnaire_number]
        : [row.questionnaire_number],
    );
    const questions = questionnaires.get(row.questionnaire_number) ?? [];
    const answers = answersOf(row);
    const ratings = ratingsOf(answers);
    const scores = scoreAssessment(questions, ratings);
    const comparison = earlier
      ? {
          earlierId: earlier.id,
          earlierValidatedAt: earlier.validated_at?.toISOString() ?? null,
          ...assessmentChange(
            { questions, ratings },
            {
              questions: questionnaires.get(earlier.questionnaire_number) ?? [],
              ratings: ratingsOf(answersOf(earlier)),
            },
          ),
        }
      : null;
    const role = tenant?.role;
    return {
      ...toSummary(row, questions),
      questionnaire: questions,
      answers: answerList(questions, answers),
      priorities: row.priorities,
      recommendations: row.recommendations,
      returnReason: row.return_reason,
      updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
      validatedBy: row.validated_by
        ? { id: row.validated_by, name: row.validated_by_name ?? '' }
        : null,
      result: {
        overall: scores.overall,
        areas: scores.areas,
        dimensions: scores.dimensions,
        cells: scores.cells,
        weakest: scores.weakest,
      },
      comparison,
      canEdit: !!role && can(role, 'assessments.fill') && assessmentEditable(row.status),
      canValidate: !!role && can(role, 'assessments.validate') && row.status === 'submitted',
    };
  }

  private record(action: string, id: string, before?: unknown, after?: unknown) {
    return this.audit.record({ action, entity: 'needs_assessment', entityId: id, before, after });
  }
}

function answersOf(row: AssessmentRow): StoredAnswers {
  return StoredAnswers.parse(row.answers);
}

function ratingsOf(answers: StoredAnswers): Ratings {
  return Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, answer.rating]));
}

/** The saved answers to this questionnaire's questions, in its order. */
function answerList(
  questions: readonly QuestionnaireQuestion[],
  answers: StoredAnswers,
): AssessmentAnswer[] {
  return questions.flatMap((question) => {
    const answer = answers[question.key];
    return answer ? [{ key: question.key, rating: answer.rating, evidence: answer.evidence }] : [];
  });
}

function toSummary(
  row: AssessmentRow,
  questions: readonly QuestionnaireQuestion[],
): AssessmentSummary {
  const scores = scoreAssessment(questions, ratingsOf(answersOf(row)));
  return {
    id: row.id,
    memberState: row.member_state_code.trim(),
    requestId: row.request_id,
    questionnaireVersion: row.questionnaire_number,
    status: row.status,
    answered: scores.answered,
    questions: scores.questions,
    overallGap: scores.overall,
    version: row.version,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    validatedAt: row.validated_at?.toISOString() ?? null,
  };
}
