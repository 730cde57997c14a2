import {
  DEFAULT_QUESTIONNAIRE_ID,
  DEFAULT_QUESTIONNAIRE_VERSION,
  type Questionnaire,
  type QuestionnaireCopy,
  QuestionnaireQuestion,
  type QuestionnaireList,
  QuestionnaireStatus,
  type QuestionnaireSummary,
  type QuestionnaireUpdate,
  type VersionOnly,
} from '@convene/contracts';
import {
  can,
  defaultQuestionnaire,
  questionnaireAreas,
  questionnaireEditProblem,
} from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { AssessmentsException } from './assessments.exception';

/** The built-in default's title (the page shows it translated). */
export const DEFAULT_QUESTIONNAIRE_TITLE = 'Default questionnaire';

const QuestionnaireRow = z.strictObject({
  id: z.guid(),
  number: z.number().int(),
  title: z.string(),
  status: QuestionnaireStatus,
  based_on: z.number().int(),
  questions: z.unknown(),
  version: z.number().int(),
  created_by: z.guid().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.date(),
  published_at: z.date().nullable(),
});
type QuestionnaireRow = z.infer<typeof QuestionnaireRow>;

const COLUMNS = `q.id, q.number, q.title, q.status, q.based_on, q.questions, q.version, q.created_by,
  u.name as created_by_name, q.created_at, q.published_at`;
const FROM = `assessment_questionnaires q left join users u on u.id = q.created_by`;

const StoredQuestions = z.array(QuestionnaireQuestion);

/** The questions a row stores, read through their contract (a row the API wrote). */
export function storedQuestions(value: unknown): QuestionnaireQuestion[] {
  return StoredQuestions.parse(value);
}

/**
 * The versions of the needs-assessment questionnaire: the built-in default (1, in libs/domain,
 * the same for every tenant) and the tenant's own (2, 3, …), copied from an earlier version,
 * edited while draft, then published and never changed. A new assessment uses the newest
 * published version. Drafts are the tenant admins' own until published.
 */
@Injectable()
export class QuestionnairesService {
  constructor(private readonly audit: AuditService) {}

  async list(): Promise<QuestionnaireList> {
    const configures = this.configures();
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where ($1::boolean or q.status = 'published')
        order by q.number desc`,
      [configures],
      QuestionnaireRow,
    );
    const current = currentNumber(rows);
    return {
      items: [
        ...rows.map((row) => toQuestionnaire(row, current)),
        builtIn(current === DEFAULT_QUESTIONNAIRE_VERSION),
      ].map(summaryOf),
      canConfigure: configures,
    };
  }

  /** A version by its id: a tenant version's uuid, or `default` for the built-in one. */
  async get(id: string): Promise<Questionnaire> {
    const current = await this.currentNumber();
    if (id === DEFAULT_QUESTIONNAIRE_ID) return builtIn(current === DEFAULT_QUESTIONNAIRE_VERSION);
    return toQuestionnaire(await this.find(id), current);
  }

  /** A version by its number (1: the built-in one). */
  private async byNumber(number: number): Promise<Questionnaire> {
    if (number === DEFAULT_QUESTIONNAIRE_VERSION) return this.get(DEFAULT_QUESTIONNAIRE_ID);
    const [row] = await sql(
      requestContext.current().manager,
      `select id from assessment_questionnaires
        where number = $1 and ($2::boolean or status = 'published')`,
      [number, this.configures()],
      z.strictObject({ id: z.guid() }),
    );
    if (!row) throw notFound('Questionnaire');
    return this.get(row.id);
  }

  /** The questions of a version an assessment records (1 or a tenant row), whatever its status. */
  async questionsOf(numbers: readonly number[]): Promise<Map<number, QuestionnaireQuestion[]>> {
    const found = new Map<number, QuestionnaireQuestion[]>();
    if (numbers.includes(DEFAULT_QUESTIONNAIRE_VERSION)) {
      found.set(DEFAULT_QUESTIONNAIRE_VERSION, [...defaultQuestionnaire()]);
    }
    const own = numbers.filter((number) => number !== DEFAULT_QUESTIONNAIRE_VERSION);
    if (own.length === 0) return found;
    const rows = await sql(
      requestContext.current().manager,
      `select number, questions from assessment_questionnaires where number = any ($1::int[])`,
      [own],
      z.strictObject({ number: z.number().int(), questions: z.unknown() }),
    );
    for (const row of rows) found.set(row.number, storedQuestions(row.questions));
    return found;
  }

  /** The version a new assessment uses: the newest published one. */
  async currentNumber(): Promise<number> {
    const [row] = await sql(
      requestContext.current().manager,
      `select max(number)::int as number from assessment_questionnaires where status = 'published'`,
      [],
      z.strictObject({ number: z.number().int().nullable() }),
    );
    return row?.number ?? DEFAULT_QUESTIONNAIRE_VERSION;
  }

  /** A new draft, a copy of `from` (its questions and keys), numbered after the newest. */
  async copy(input: QuestionnaireCopy): Promise<Questionnaire> {
    const { manager, user } = requestContext.current();
    const source = await this.byNumber(input.from);
    // One number each: two copies at once serialise on the tenant's versions.
    await sql(manager, `lock table assessment_questionnaires in share row exclusive mode`);
    const [created] = await sql(
      manager,
      `insert into assessment_questionnaires (tenant_id, number, title, based_on, questions, created_by)
       select nullif(current_setting('app.tenant_id', true), '')::uuid,
              coalesce((select max(number) from assessment_questionnaires), 1) + 1,
              $1, $2, $3::jsonb, $4
       returning id`,
      [
        `${source.builtIn ? DEFAULT_QUESTIONNAIRE_TITLE : source.title} (copy)`.slice(0, 200),
        source.number,
        JSON.stringify(source.questions),
        user?.id ?? null,
      ],
      z.strictObject({ id: z.guid() }),
    );
    if (!created) throw notFound('Questionnaire');
    const copy = await this.get(created.id);
    await this.audit.record({
      action: 'assessment_questionnaire.copied',
      entity: 'assessment_questionnaire',
      entityId: created.id,
      after: { number: copy.number, basedOn: source.number },
    });
    return copy;
  }

  /** A draft's new title and questions; a key keeps its area and dimension across versions. */
  async update(id: string, input: QuestionnaireUpdate): Promise<Questionnaire> {
    const { manager } = requestContext.current();
    const before = await this.draft(id);
    if (before.version !== input.version) throw staleVersion();
    const others = await sql(
      manager,
      `select questions from assessment_questionnaires where id <> $1`,
      [before.id],
      z.strictObject({ questions: z.unknown() }),
    );
    const known = [
      ...defaultQuestionnaire(),
      ...others.flatMap((row) => storedQuestions(row.questions)),
    ];
    const problem = questionnaireEditProblem(input.questions, known);
    if (problem) {
      throw new AssessmentsException(400, 'validation', 'The request is not valid', problem, [
        { path: 'questions', message: problem },
      ]);
    }
    await sql(
      manager,
      `update assessment_questionnaires
          set title = $2, questions = $3::jsonb, version = version + 1
        where id = $1`,
      [before.id, input.title, JSON.stringify(input.questions)],
    );
    await this.audit.record({
      action: 'assessment_questionnaire.updated',
      entity: 'assessment_questionnaire',
      entityId: before.id,
      before: { title: before.title, questions: storedQuestions(before.questions).length },
      after: { title: input.title, questions: input.questions.length },
    });
    return this.get(before.id);
  }

  /** A draft becomes published: new assessments use it, and it is never changed again. */
  async publish(id: string, input: VersionOnly): Promise<Questionnaire> {
    const before = await this.draft(id);
    if (before.version !== input.version) throw staleVersion();
    await sql(
      requestContext.current().manager,
      `update assessment_questionnaires
          set status = 'published', published_at = now(), version = version + 1
        where id = $1`,
      [before.id],
    );
    await this.audit.record({
      action: 'assessment_questionnaire.published',
      entity: 'assessment_questionnaire',
      entityId: before.id,
      after: { number: before.number },
    });
    return this.get(before.id);
  }

  private configures(): boolean {
    const { tenant } = requestContext.current();
    return !!tenant && can(tenant.role, 'assessments.configure');
  }

  /** A tenant version the caller may read (drafts: admins only), or 404. */
  private async find(id: string, forUpdate = false): Promise<QuestionnaireRow> {
    if (!isUuid(id)) throw notFound('Questionnaire');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where q.id = $1 and ($2::boolean or q.status = 'published')
        ${forUpdate ? 'for update of q' : ''}`,
      [id, this.configures()],
      QuestionnaireRow,
    );
    if (!row) throw notFound('Questionnaire');
    return row;
  }

  private async draft(id: string): Promise<QuestionnaireRow> {
    if (id === DEFAULT_QUESTIONNAIRE_ID) throw published();
    const row = await this.find(id, true);
    if (row.status !== 'draft') throw published();
    return row;
  }
}

function currentNumber(rows: readonly QuestionnaireRow[]): number {
  const published = rows.filter((row) => row.status === 'published').map((row) => row.number);
  return published.length > 0 ? Math.max(...published) : DEFAULT_QUESTIONNAIRE_VERSION;
}

function builtIn(current: boolean): Questionnaire {
  return {
    id: DEFAULT_QUESTIONNAIRE_ID,
    number: DEFAULT_QUESTIONNAIRE_VERSION,
    title: DEFAULT_QUESTIONNAIRE_TITLE,
    status: 'published',
    basedOn: null,
    builtIn: true,
    questionCount: defaultQuestionnaire().length,
    areas: questionnaireAreas(defaultQuestionnaire()),
    current,
    version: 0,
    createdBy: null,
    createdAt: null,
    publishedAt: null,
    questions: defaultQuestionnaire().map((question) => ({
      ...question,
      text: { ...question.text },
    })),
  };
}

function toQuestionnaire(row: QuestionnaireRow, current: number): Questionnaire {
  const questions = storedQuestions(row.questions);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    basedOn: row.based_on,
    builtIn: false,
    questionCount: questions.length,
    areas: questionnaireAreas(questions),
    current: row.number === current,
    version: row.version,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    questions,
  };
}

function summaryOf(questionnaire: Questionnaire): QuestionnaireSummary {
  const { questions: _questions, ...summary } = questionnaire;
  return summary;
}

const published = () =>
  new AssessmentsException(
    409,
    'assessment-state',
    'This questionnaire version is published',
    'A published version is never changed: copy it into a new version and edit that.',
  );

const staleVersion = () =>
  new AssessmentsException(
    409,
    'stale-version',
    'Someone changed this questionnaire meanwhile',
    'Reload it to see the changes, then apply yours again.',
  );
