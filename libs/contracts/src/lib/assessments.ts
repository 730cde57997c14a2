import { z } from 'zod';
import {
  ASSESSMENT_CONCLUSION_MAX,
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_EVIDENCE_MAX,
  ASSESSMENT_RATING_MAX,
  ASSESSMENT_STATUSES,
  DEFAULT_QUESTIONNAIRE_ID,
  QUESTION_KEY_PATTERN,
  QUESTION_TEXT_MAX,
  QUESTIONNAIRE_QUESTIONS_MAX,
  QUESTIONNAIRE_STATUSES,
} from './assessment-vocabulary';
import { Cursor, DisplayName, PAGE_LIMIT_MAX, PageQuery, Uuid } from './common';
import { ThematicArea } from './events';
import { Alpha3, Alpha3Code } from './member-states';
import { int32, multiLineText, patternText, singleLineText, Timestamp } from './text';

/*
 * Needs assessments (docs/assessments.md): a versioned questionnaire rating, per thematic area,
 * six dimensions 0–4 with evidence; assessments of a State filled section by section, submitted,
 * validated by an officer; their result computed in libs/domain (assessment-scoring.ts).
 */

export const AssessmentDimension = z.enum(ASSESSMENT_DIMENSIONS);
export type AssessmentDimension = z.infer<typeof AssessmentDimension>;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;
export const QuestionnaireStatus = z.enum(QUESTIONNAIRE_STATUSES);
export type QuestionnaireStatus = z.infer<typeof QuestionnaireStatus>;

const version = () =>
  int32(
    z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
  );
const questionnaireNumber = () => int32(z.number().int().min(1).max(100_000));

export const QuestionKey = patternText(80, QUESTION_KEY_PATTERN, 'not a question key');

const QuestionWording = singleLineText(QUESTION_TEXT_MAX).trim();

/** A question's text per UN language: English always, the others where translated. */
export const QuestionText = z.strictObject({
  en: QuestionWording.min(1),
  fr: QuestionWording.optional(),
  es: QuestionWording.optional(),
  ru: QuestionWording.optional(),
  zh: QuestionWording.optional(),
  ar: QuestionWording.optional(),
});
export type QuestionText = z.infer<typeof QuestionText>;

export const QuestionnaireQuestion = z.strictObject({
  key: QuestionKey,
  area: ThematicArea,
  dimension: AssessmentDimension,
  text: QuestionText,
});
export type QuestionnaireQuestion = z.infer<typeof QuestionnaireQuestion>;

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });

/** One version of the questionnaire, as the versions page lists it. */
export const QuestionnaireSummary = z.strictObject({
  /** A tenant version's uuid, or `default` for the built-in one. */
  id: z.union([Uuid, z.literal(DEFAULT_QUESTIONNAIRE_ID)]),
  number: questionnaireNumber(),
  title: singleLineText(200),
  status: QuestionnaireStatus,
  /** The version it was copied from; null for the built-in default. */
  basedOn: questionnaireNumber().nullable(),
  /** The built-in default (version 1): the same for every tenant, never edited. */
  builtIn: z.boolean(),
  questionCount: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
  areas: z.array(ThematicArea).max(20),
  /** The one a new assessment uses: the newest published version. */
  current: z.boolean(),
  version: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
  createdBy: PersonRef.nullable(),
  createdAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
});
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummary>;

export const QuestionnaireList = z.strictObject({
  items: z.array(QuestionnaireSummary).max(1000),
  /** Whether the caller may copy, edit and publish versions (tenant admins). */
  canConfigure: z.boolean(),
});
export type QuestionnaireList = z.infer<typeof QuestionnaireList>;

export const Questionnaire = z.strictObject({
  ...QuestionnaireSummary.shape,
  questions: z.array(QuestionnaireQuestion).max(QUESTIONNAIRE_QUESTIONS_MAX),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** A new draft version, copied from an existing one. */
export const QuestionnaireCopy = z.strictObject({ from: questionnaireNumber() });
export type QuestionnaireCopy = z.infer<typeof QuestionnaireCopy>;

/** A draft version's new title and questions, given the version it was read at. */
export const QuestionnaireUpdate = z.strictObject({
  title: singleLineText(200).trim().min(1),
  questions: z.array(QuestionnaireQuestion).min(1).max(QUESTIONNAIRE_QUESTIONS_MAX),
  version: version(),
});
export type QuestionnaireUpdate = z.infer<typeof QuestionnaireUpdate>;

/** Publishing, or submitting an assessment: the version read, so a stale one answers 409. */
export const VersionOnly = z.strictObject({ version: version() });
export type VersionOnly = z.infer<typeof VersionOnly>;

export const AssessmentCreate = z.strictObject({
  memberState: Alpha3,
  /** The assistance request it answers, if any. */
  requestId: Uuid.nullable().optional(),
});
export type AssessmentCreate = z.infer<typeof AssessmentCreate>;

/** One answer: a rating 0–4 (null: not yet rated) and the evidence for it. */
export const AssessmentAnswer = z.strictObject({
  key: QuestionKey,
  rating: int32(z.number().int().min(0).max(ASSESSMENT_RATING_MAX)).nullable(),
  evidence: multiLineText(ASSESSMENT_EVIDENCE_MAX).trim(),
});
export type AssessmentAnswer = z.infer<typeof AssessmentAnswer>;

/** A section (a thematic area) saved as the person goes. */
export const AssessmentSectionSave = z.strictObject({
  answers: z
    .array(AssessmentAnswer)
    .max(QUESTIONNAIRE_QUESTIONS_MAX)
    .refine(
      (answers) => new Set(answers.map((answer) => answer.key)).size === answers.length,
      'must not repeat a question',
    ),
  version: version(),
});
export type AssessmentSectionSave = z.infer<typeof AssessmentSectionSave>;

/** The officer's validation: the priorities and recommendations that go with the result. */
export const AssessmentValidate = z.strictObject({
  version: version(),
  priorities: multiLineText(ASSESSMENT_CONCLUSION_MAX).trim().min(1),
  recommendations: multiLineText(ASSESSMENT_CONCLUSION_MAX).trim().min(1),
});
export type AssessmentValidate = z.infer<typeof AssessmentValidate>;

/** Sent back to be completed, with the reason. */
export const AssessmentReturn = z.strictObject({
  version: version(),
  reason: multiLineText(2000).trim().min(1),
});
export type AssessmentReturn = z.infer<typeof AssessmentReturn>;

export const AssessmentQuery = PageQuery.extend({
  state: Alpha3.optional(),
  status: AssessmentStatus.optional(),
});
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;

const gap = () => int32(z.number().int().min(0).max(100)).nullable();

/** An assessment as the list shows it. */
export const AssessmentSummary = z.strictObject({
  id: Uuid,
  memberState: Alpha3Code,
  requestId: Uuid.nullable(),
  questionnaireVersion: questionnaireNumber(),
  status: AssessmentStatus,
  answered: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
  questions: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
  /** The whole assessment's gap score, 0–100. */
  overallGap: gap(),
  version: version(),
  createdBy: PersonRef.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  validatedAt: Timestamp.nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const AssessmentPage = z.strictObject({
  items: z.array(AssessmentSummary).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
});
export type AssessmentPage = z.infer<typeof AssessmentPage>;

export const AssessmentResult = z.strictObject({
  overall: gap(),
  areas: z
    .array(
      z.strictObject({
        area: ThematicArea,
        gap: gap(),
        answered: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
        questions: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
      }),
    )
    .max(20),
  dimensions: z.array(z.strictObject({ dimension: AssessmentDimension, gap: gap() })).max(6),
  cells: z
    .array(z.strictObject({ area: ThematicArea, dimension: AssessmentDimension, gap: gap() }))
    .max(120),
  weakest: z.array(ThematicArea).max(20),
});
export type AssessmentResult = z.infer<typeof AssessmentResult>;

const change = () => int32(z.number().int().min(-100).max(100)).nullable();

/** The change since the State's earlier validated assessment (same-key questions only). */
export const AssessmentComparison = z.strictObject({
  earlierId: Uuid,
  earlierValidatedAt: Timestamp.nullable(),
  earlier: gap(),
  current: gap(),
  change: change(),
  comparable: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
  areas: z
    .array(
      z.strictObject({
        area: ThematicArea,
        earlier: gap(),
        current: gap(),
        change: change(),
        comparable: int32(z.number().int().min(0).max(QUESTIONNAIRE_QUESTIONS_MAX)),
      }),
    )
    .max(20),
});
export type AssessmentComparison = z.infer<typeof AssessmentComparison>;

/** One assessment with its questionnaire, answers, result and what the caller may do. */
export const AssessmentDetail = z.strictObject({
  ...AssessmentSummary.shape,
  questionnaire: z.array(QuestionnaireQuestion).max(QUESTIONNAIRE_QUESTIONS_MAX),
  answers: z.array(AssessmentAnswer).max(QUESTIONNAIRE_QUESTIONS_MAX),
  priorities: multiLineText(ASSESSMENT_CONCLUSION_MAX).nullable(),
  recommendations: multiLineText(ASSESSMENT_CONCLUSION_MAX).nullable(),
  returnReason: multiLineText(2000).nullable(),
  updatedBy: PersonRef.nullable(),
  validatedBy: PersonRef.nullable(),
  result: AssessmentResult,
  comparison: AssessmentComparison.nullable(),
  canEdit: z.boolean(),
  canValidate: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;
